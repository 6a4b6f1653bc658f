"""Meetings and their briefs."""

from __future__ import annotations

import importlib
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from materiel import queries
from materiel.access import Hidden, policy
from materiel.db import read_session
from materiel.web.render import (
    allowed,
    engine_of,
    render,
    router,
)
from materiel.web.session import (
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
