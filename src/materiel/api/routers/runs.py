"""POST /plans and /forecasts start a background job (services.jobs.start_job); GET
/jobs/{id} follows it; the result is GET /plans/{id} or /forecasts/{id}."""

from __future__ import annotations

import importlib
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from materiel import queries
from materiel.access import Principal, policy
from materiel.api.crud import API, ERRORS, MAX_ID, json_response
from materiel.api.deps import CurrentUser, EngineDep, IdemKey
from materiel.api.errors import ApiProblem
from materiel.api.schemas import ForecastRequest, JobPublic, PlanRequest
from materiel.db import read_session
from materiel.schemas import job_public
from materiel.services.idempotency import Outcome, etag_of
from materiel.services.jobs import start_job

router = APIRouter(tags=["runs"])


def _start(
    request: Request,
    engine: Any,
    principal: Principal,
    kind: str,
    params: dict[str, Any],
    key: str | None,
) -> Response:
    out = start_job(
        engine,
        principal,
        request.app.state.jobs,
        kind,
        params,
        describe=job_public,
        location=lambda job_id: f"{API}/jobs/{job_id}",
        key=key,
    )
    return json_response(out)


@router.post(
    "/plans", status_code=202, response_model=JobPublic, responses=ERRORS, operation_id="start_plan"
)
def start_plan(
    body: PlanRequest,
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    """Solve the plan in the background; follow the job at the Location header."""
    params = body.model_dump(mode="json")
    params["as_of"] = (body.as_of or queries.today()).isoformat()
    return _start(request, engine, principal, "plan", params, idempotency_key)


@router.post(
    "/forecasts",
    status_code=202,
    response_model=JobPublic,
    responses=ERRORS,
    operation_id="start_forecast",
)
def start_forecast(
    body: ForecastRequest,
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    """Run the forecast (Monte Carlo) in the background."""
    params = body.model_dump(mode="json")
    params["as_of"] = (body.as_of or queries.today()).isoformat()
    return _start(request, engine, principal, "forecast", params, idempotency_key)


JobId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/jobs", response_model=list[JobPublic], responses=ERRORS, operation_id="list_jobs")
def list_jobs(
    principal: CurrentUser,
    engine: EngineDep,
    status: Annotated[str | None, Query(max_length=20, pattern=r"^[a-z]*$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    """The newest jobs you may see (staff: all; others: their own)."""
    with read_session(engine) as s:
        rows = queries.jobs(s, principal, status=status or None, limit=limit)
        return json_response(Outcome(200, [job_public(j) for j in rows], {}))


@router.get("/jobs/{job_id}", response_model=JobPublic, responses=ERRORS, operation_id="get_job")
def get_job(job_id: JobId, principal: CurrentUser, engine: EngineDep) -> Response:
    """Status, progress and message of a job; ``result_url`` once it is done."""
    with read_session(engine) as s:
        job = queries.job(s, principal, job_id)
        return json_response(Outcome(200, job_public(job), {"ETag": etag_of(job)}))


def brief_module() -> Any:
    """``materiel.brief`` when installed (lazy import: heavy), else None."""
    try:
        return importlib.import_module("materiel.brief")
    except ImportError:
        return None


@router.get(
    "/meetings/{meeting_id}/brief",
    response_class=HTMLResponse,
    responses={**ERRORS, 501: ERRORS[404] | {"description": "brief not available yet"}},
    operation_id="meeting_brief",
    tags=["meetings"],
)
def meeting_brief(
    meeting_id: Annotated[int, Path(ge=1, le=MAX_ID)], principal: CurrentUser, engine: EngineDep
) -> HTMLResponse:
    """The meeting brief as one self-contained HTML page (staff only: it carries every
    donor's stock figures)."""
    policy.require_planner(principal)
    with read_session(engine) as s:
        if queries.meeting(s, principal, meeting_id) is None:
            raise ApiProblem(404, f"no meeting {meeting_id}")
    render = getattr(brief_module(), "render_html", None)
    if render is None:
        raise ApiProblem(501, "brief not available yet")
    return HTMLResponse(render(engine, meeting_id, principal))
