"""The meeting page: what a coordinator prepares the next meeting with, on one screen —
stocks crossing their target soonest, uncovered and overdue needs, late pledges, fund and
line use, the latest plan's trade-off and where the next million does most good, what
changed since the previous meeting, and the brief. Coordinators create and edit meetings
here, through the same use case and schema as the API."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from materiel import queries
from materiel.access import Hidden, Principal, Refused, policy
from materiel.db import read_session
from materiel.schemas import MeetingCreate, MeetingUpdate, form_fields
from materiel.services import Writer
from materiel.services.idempotency import Outcome, etag_of, run_write
from materiel.services.records import create_record, update_record
from materiel.web.forms import attempt, clean, validate
from materiel.web.pagecache import cached
from materiel.web.render import allowed, engine_of, form_of, qp, render, router
from materiel.web.session import WebUser, check_csrf, require_user

MEETING_FIELDS = form_fields(MeetingCreate)
TOP = 12  # rows per list on the page (each links to the full list)


def _or_none(call: Any, *args: Any, **kwargs: Any) -> Any:
    """The answer of a read the viewer may be refused (analysts: no stocks; only staff:
    plans), else None."""
    try:
        return call(*args, **kwargs)
    except (Refused, Hidden):
        return None


def meeting_view(engine: Engine, p: Principal, meeting: Any) -> dict[str, Any]:
    """Every figure of the page, each from one read-side function, as of today (or the
    meeting's date when it is past)."""
    today = queries.today()
    day = min(meeting.held_on, today) if meeting is not None else today
    with queries.share_frames(read_session(engine)) as s:  # the key figures' frames, once
        crossing = _or_none(queries.crossing_soonest, s, p, as_of=day)
        needs = queries.needs_table(s, p, status="uncovered", as_of=day)
        needs = needs.sort_values(["needed_by", "id"], kind="stable")
        late = queries.pledges_table(s, p, as_of=day)
        late = late.loc[late["late"]].sort_values(
            ["days_late", "id"], ascending=[False, True], kind="stable"
        )
        funds = queries.fund_position(s, p, as_of=day)
        lines = _or_none(queries.line_use, s, p, as_of=day)
        plan = _or_none(queries.latest_plan, s, p, as_of=day)
        tables = queries.plan_tables(plan) if plan is not None else None
        if meeting is not None:
            previous = queries.previous_meeting(s, p, meeting)
        else:  # no next meeting yet: since the latest one held
            previous = next((m for m in queries.meetings(s, p) if m.held_on <= today), None)
        changes = queries.changes_since(s, p, previous, as_of=day)
        synthetic = queries.dataset_synthetic(s)
    return {
        "day": day,
        "crossing": queries.rows(crossing.head(TOP)) if crossing is not None else None,
        "crossing_total": len(crossing) if crossing is not None else 0,
        "crossing_stale": int(crossing["stale"].sum()) if crossing is not None else 0,
        "crossing_horizon": int(crossing.attrs.get("horizon", 0)) if crossing is not None else 0,
        "needs": queries.rows(needs.head(TOP)),
        "needs_total": len(needs),
        "needs_overdue": int(needs["overdue"].sum()) if len(needs) else 0,
        "late": queries.rows(late.head(TOP)),
        "late_total": len(late),
        "currency": queries.REPORT_CURRENCY,
        "funds": queries.rows(funds),
        "lines": queries.rows(lines.head(TOP)) if lines is not None else None,
        "lines_total": len(lines) if lines is not None else 0,
        "plan": plan,
        "tables": tables,
        "changes": changes,
        "synthetic": synthetic,
    }


def _page(
    request: Request,
    user: WebUser,
    meeting: Any,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    engine = engine_of(request)
    p = user.principal
    key = ("meeting", meeting.id if meeting is not None else None)
    v = cached(engine, p, key, lambda: meeting_view(engine, p, meeting))
    if values is None and meeting is not None:
        values = {f: getattr(meeting, f) for f in MEETING_FIELDS}
    title = f"Meeting {meeting.ref}" if meeting is not None else "Next meeting"
    return render(
        request,
        "meeting.html",
        user,
        status=status,
        title=title,
        m=meeting,
        v=v,
        values=values or {},
        errors=errors or {},
        etag=etag_of(meeting).strip('"') if meeting is not None else "",
        can_edit=allowed(policy.check_create, user.principal, "meeting", {}),
        can_brief=allowed(policy.require_planner, user.principal),
        saved=qp(request, "saved", ("created", "updated")),
        regenerated=qp(request, "regenerated", ("1",)),
        synthetic=v["synthetic"],
    )


@router.get("/meetings/next")
def next_meeting_page(request: Request) -> Response:
    """The next meeting's page (the earliest on or after today), or the page that offers
    to create it."""
    user = require_user(request)
    with read_session(engine_of(request)) as s:
        found = queries.next_meeting(s, user.principal)
        found_id = found.id if found is not None else None
    if found_id is not None:
        return RedirectResponse(f"/meetings/{found_id}", 303)
    return _page(request, user, None)


@router.get("/meetings/{meeting_id}")
def meeting_page(request: Request, meeting_id: int) -> Response:
    user = require_user(request)
    with read_session(engine_of(request)) as s:
        found = queries.meeting(s, user.principal, meeting_id)
    if found is None:
        raise Hidden()
    return _page(request, user, found)


@router.post("/meetings")
async def meeting_create(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    return await run_in_threadpool(_save, request, user, form, None)


@router.post("/meetings/{meeting_id}")
async def meeting_update(request: Request, meeting_id: int) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    return await run_in_threadpool(_save, request, user, form, meeting_id)


def _save(
    request: Request, user: WebUser, form: dict[str, str], meeting_id: int | None
) -> Response:
    """Create or change a meeting: the API's schema, then the records use case (policy,
    If-Match on the version the form showed, audited write)."""
    engine = engine_of(request)
    with read_session(engine) as s:
        current = queries.meeting(s, user.principal, meeting_id) if meeting_id else None
    if meeting_id is not None and current is None:
        raise Hidden()
    values = clean(form, MEETING_FIELDS)
    if meeting_id is None:
        values.setdefault("ref", f"CG-WEB-{uuid.uuid4().hex[:6].upper()}")
    model, errors = validate(MeetingUpdate if meeting_id else MeetingCreate, values)
    if model is None:
        return _page(request, user, current, values=values, errors=errors, status=422)
    fields = model.model_dump(exclude_unset=meeting_id is not None)
    tag = form.get("etag", "")

    def write() -> Outcome:
        def action(w: Writer) -> Outcome:
            if meeting_id is None:
                obj = create_record(w, user.principal, "meeting", fields)
            else:
                obj = update_record(
                    w, user.principal, "meeting", meeting_id, fields, if_match=[tag]
                )
            return Outcome(201, int(obj.id), {})

        return run_write(engine, user.principal, action)

    out, errors = attempt(write, MEETING_FIELDS, refusals_as_errors=False)
    if errors:
        return _page(request, user, current, values=values, errors=errors, status=409)
    saved = "created" if meeting_id is None else "updated"
    return RedirectResponse(f"/meetings/{out.body}?saved={saved}#meeting-form", 303)
