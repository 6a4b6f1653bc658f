"""Meetings and their briefs."""

from __future__ import annotations

import importlib
import re
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from materiel import queries
from materiel.access import Hidden, policy
from materiel.db import read_session
from materiel.web.render import (
    allowed,
    engine_of,
    form_of,
    render,
    router,
)
from materiel.web.session import (
    check_csrf,
    require_user,
)


# -- meetings ----------
def brief_module() -> Any:
    try:
        module = importlib.import_module("materiel.brief")
    except ImportError:
        return None
    return module if hasattr(module, "render_html") else None


@router.get("/meetings")
def meetings_page(request: Request) -> Response:
    user = require_user(request)
    with read_session(engine_of(request)) as s:
        rows = queries.meetings(s, user.principal)
    return render(
        request,
        "meetings.html",
        user,
        title="Meetings",
        rows=rows,
        can_brief=allowed(policy.require_planner, user.principal),
        brief_ready=brief_module() is not None,
    )


@router.get("/meetings/{meeting_id}/brief")
def meeting_brief(request: Request, meeting_id: int) -> Response:
    user = require_user(request)
    policy.require_planner(user.principal)
    engine = engine_of(request)
    with read_session(engine) as s:
        meeting = queries.meeting(s, user.principal, meeting_id)
        if meeting is None:
            raise Hidden()
        title = f"{meeting.ref}: {meeting.title}"
    module = brief_module()
    if module is None:
        return render(
            request,
            "error.html",
            user,
            status=200,
            title=f"Brief for {title}",
            message="Brief not yet available: the brief module is not installed in this build.",
        )
    return HTMLResponse(module.render_html(engine, meeting_id, user.principal))


def _brief_meeting(request: Request, meeting_id: int) -> tuple[Any, Any]:
    """The signed-in planner and the meeting (Hidden when there is none)."""
    user = require_user(request)
    policy.require_planner(user.principal)
    with read_session(engine_of(request)) as s:
        meeting = queries.meeting(s, user.principal, meeting_id)
        if meeting is None:
            raise Hidden()
        return user, meeting.ref


@router.get("/meetings/{meeting_id}/brief.pdf")
def meeting_brief_pdf(request: Request, meeting_id: int) -> Response:
    """The brief as PDF (WeasyPrint), as the signed-in coordinator may see it."""
    user, ref = _brief_meeting(request, meeting_id)
    module = brief_module()
    if module is None:
        raise Hidden()
    pdf = module.render_pdf(engine_of(request), meeting_id, viewer=user.principal)
    name = re.sub(r"[^A-Za-z0-9._-]", "_", str(ref))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="brief-{name}.pdf"'},
    )


@router.post("/meetings/{meeting_id}/brief/regenerate")
async def meeting_brief_regenerate(request: Request, meeting_id: int) -> Response:
    """Compute the brief again now (its kept copy dropped), then back to the meeting."""
    form = await form_of(request)
    user, _ = _brief_meeting(request, meeting_id)
    check_csrf(form.get("csrf"), user.csrf)
    module = brief_module()
    if module is not None:
        engine = engine_of(request)
        from materiel.brief.render import forget

        forget(engine, meeting_id)
        await run_in_threadpool(module.render_html, engine, meeting_id, user.principal)
    return RedirectResponse(f"/meetings/{meeting_id}?regenerated=1#brief", 303)
