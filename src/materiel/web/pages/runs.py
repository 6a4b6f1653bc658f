"""Plan and Risk: start jobs (services.jobs.start_job), follow them, read stored runs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from materiel import queries
from materiel.access import policy
from materiel.db import read_session
from materiel.plan_policy import HORIZON_WEEKS, READINESS_WEIGHT
from materiel.queries import today
from materiel.schemas import (
    ForecastRequest,
    PlanRequest,
    job_public,
)
from materiel.services.jobs import start_job
from materiel.web import data
from materiel.web.charts import fan_svg, frontier_svg
from materiel.web.forms import clean, validate
from materiel.web.render import (
    engine_of,
    form_of,
    qp,
    render,
    router,
)
from materiel.web.session import (
    WebUser,
    check_csrf,
    require_user,
)


# -- plan and risk ----------
def _job_json(job: Any) -> dict[str, Any]:
    return job_public(job)


@router.get("/jobs/{job_id}/status")
def job_status(request: Request, job_id: int) -> Response:
    user = require_user(request)
    with read_session(engine_of(request)) as s:
        body = _job_json(queries.job(s, user.principal, job_id))
    page = "/plan" if body["kind"] == "plan" else "/risk"
    body["page_url"] = f"{page}?run={body['result_id']}" if body.get("result_id") else None
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.get("/plan")
def plan_page(request: Request) -> Response:
    user = require_user(request)
    policy.require_planner(user.principal)
    return _plan(request, user, {}, {}, 200)


def _plan(
    request: Request, user: WebUser, values: dict[str, Any], errors: dict[str, str], status: int
) -> Response:
    run_id = qp(request, "run", pattern=r"\d{1,12}")
    job_id = qp(request, "job", pattern=r"\d{1,12}")
    p = user.principal
    with read_session(engine_of(request)) as s:
        run = data.plan_view(s, p, int(run_id) if run_id else None)
        jobs = [_job_json(j) for j in queries.jobs(s, p, kind="plan", limit=8)]
        ch = queries.choices(s)
        runs = queries.recent_plan_runs(s, p)
    watch = next((j for j in jobs if job_id and j["id"] == int(job_id)), None)
    tables = queries.plan_tables(run) if run else None
    frontier = tables.get("frontier") if tables else None
    return render(
        request,
        "plan.html",
        user,
        status=status,
        title="Plan",
        run=run,
        tables=tables,
        frontier=frontier,
        frontier_svg=frontier_svg(int(run["id"]), frontier) if run and frontier else None,
        horizon_default=HORIZON_WEEKS,
        readiness_default=READINESS_WEIGHT,
        jobs=jobs,
        watch=watch,
        ch=ch,
        runs=runs,
        values=values,
        errors=errors,
        synthetic=bool(run and run["synthetic"]) or None,
    )


def _start_job(request: Request, user: WebUser, kind: str, body: Any) -> int:
    """Start the job with the API's own use case (same checks, same audit, same answer)."""
    params = body.model_dump(mode="json")
    params["as_of"] = (body.as_of or today()).isoformat()
    out = start_job(
        engine_of(request),
        user.principal,
        request.app.state.jobs,
        kind,
        params,
        describe=job_public,
        location=lambda job_id: f"/jobs/{job_id}/status",
    )
    return int(out.body["id"])


@router.post("/plan")
async def plan_submit(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    policy.require_planner(user.principal)
    values = clean(form, ["as_of", "horizon_weeks", "scenario", "readiness_weight"])
    values["hard_targets"] = form.get("hard_targets") == "on"
    values["frontier"] = form.get("frontier") == "on"
    model, errors = validate(PlanRequest, values)
    if model is None:
        return await run_in_threadpool(_plan, request, user, values, errors, 422)
    job_id = await run_in_threadpool(_start_job, request, user, "plan", model)
    return RedirectResponse(f"/plan?job={job_id}", 303)


@router.get("/risk")
def risk_page(request: Request) -> Response:
    user = require_user(request)
    policy.require_planner(user.principal)
    return _risk(request, user, {}, {}, 200)


def _risk(
    request: Request, user: WebUser, values: dict[str, Any], errors: dict[str, str], status: int
) -> Response:
    run_id = qp(request, "run", pattern=r"\d{1,12}")
    job_id = qp(request, "job", pattern=r"\d{1,12}")
    p = user.principal
    with read_session(engine_of(request)) as s:
        latest = queries.forecast_runs(s, p)
        chosen = (
            queries.forecast_run(s, p, int(run_id)) if run_id else (latest[0] if latest else None)
        )
        jobs = [_job_json(j) for j in queries.jobs(s, p, kind="forecast", limit=8)]
        ch = queries.choices(s)
        summary = [
            {
                "id": r.id,
                "scenario": r.scenario,
                "as_of": r.as_of,
                "kind": r.kind,
                "created_at": r.created_at,
                "risks": (r.results or {}).get("montecarlo", {}).get("risks", []),
                "paths": (r.results or {}).get("montecarlo", {}).get("paths"),
            }
            for r in latest
        ]
        view: dict[str, Any] | None = None
        if chosen is not None:
            res = dict(chosen.results or {})
            mc = res.get("montecarlo") or {}
            weeks = res.get("projection", {}).get("week_start", [])
            src = (
                f"Source: materiel forecast run #{chosen.id}, Monte Carlo {mc.get('paths')} paths, "
                f"seed {mc.get('seed')}; scenario {chosen.scenario}; as of {chosen.as_of} "
                f"(snapshot {chosen.snapshot_hash[:10]})"
                + (" — SYNTHETIC DATA" if res.get("synthetic") else "")
            )
            risks = mc.get("risks", [])
            series = {(e["holder"], e["item"]): e for e in mc.get("series", [])}
            fans = []
            for r in risks[:4]:
                e = series.get((r["holder"], r["item"]))
                if e and "quantiles" in e:
                    fans.append({"risk": r, "svg": fan_svg(chosen.id, e, weeks, src)})
            view = {
                "run": chosen,
                "risks": risks[:30],
                "risks_total": len(risks),
                "fans": fans,
                "source": src,
                "synthetic": bool(res.get("synthetic")),
                "kind": chosen.kind,
            }
    watch = next((j for j in jobs if job_id and j["id"] == int(job_id)), None)
    return render(
        request,
        "risk.html",
        user,
        status=status,
        horizon_default=HORIZON_WEEKS,
        title="Risk",
        summary=summary,
        view=view,
        jobs=jobs,
        watch=watch,
        ch=ch,
        values=values,
        errors=errors,
        synthetic=bool(view and view["synthetic"]) or None,
    )


@router.post("/risk")
async def risk_submit(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    policy.require_planner(user.principal)
    values = clean(form, ["as_of", "horizon_weeks", "scenario", "paths", "seed"])
    model, errors = validate(ForecastRequest, values)
    if model is None:
        return await run_in_threadpool(_risk, request, user, values, errors, 422)
    job_id = await run_in_threadpool(_start_job, request, user, "forecast", model)
    return RedirectResponse(f"/risk?job={job_id}", 303)
