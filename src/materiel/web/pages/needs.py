"""Needs: coverage by the pledges the viewer may see; recipients add needs."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from materiel import queries
from materiel.access import Principal
from materiel.db import read_session
from materiel.queries import NEED_FILTERS, PRIORITIES, today
from materiel.schemas import (
    NeedCreate,
    form_fields,
)
from materiel.services import Writer
from materiel.services.idempotency import Outcome, run_write
from materiel.services.records import create_record
from materiel.web import data
from materiel.web.forms import attempt, clean, validate
from materiel.web.render import (
    as_of_of,
    can_create,
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

# -- needs ----------
NEED_FIELDS = form_fields(NeedCreate)


@router.get("/needs")
def needs_page(request: Request) -> Response:
    user = require_user(request)
    return _needs(request, user, {}, {}, 200)


def _needs(
    request: Request, user: WebUser, values: dict[str, Any], errors: dict[str, str], status: int
) -> Response:
    f = {
        "recipient": qp(request, "recipient", pattern=r"[A-Z]{3}"),
        "priority": qp(request, "priority", PRIORITIES),
        "status": qp(request, "status", NEED_FILTERS),
        "item": qp(request, "item", pattern=r"[A-Za-z0-9._\-]+"),
        "sort": qp(request, "sort", data.NEED_SORTS) or "priority",
    }
    p = user.principal
    as_of = as_of_of(request)
    with read_session(engine_of(request)) as s:
        df = data.needs_view(
            s,
            p,
            recipient=f["recipient"],
            priority=f["priority"],
            status=f["status"],
            item=f["item"],
            sort=f["sort"] or "priority",
            as_of=as_of,
        )
        ch = queries.choices(s)
        cover, cover_error = _cover(s, p, qp(request, "cover", pattern=r"[\w.\-]+"), as_of)
    can_add = can_create(user, "need", "recipient_code")
    recipients = ch["recipients"] if p.is_staff else [p.nation]
    return render(
        request,
        "needs.html",
        user,
        status=status,
        title="Needs",
        rows=df.to_dict("records"),
        filters=f,
        ch=ch,
        can_add=can_add,
        recipients=recipients,
        values=values,
        errors=errors,
        priorities=PRIORITIES,
        statuses=NEED_FILTERS,
        as_of=as_of,
        sorts=list(data.NEED_SORTS),
        added=qp(request, "added", pattern=r"[\w.\-]+"),
        source_dates=data.span(df["stated_on"]) if len(df) else "no needs",
        cover=cover,
        cover_error=cover_error,
        cover_kinds=COVER_KINDS,
    )


COVER_KINDS = queries.cover.KINDS  # delivered, pledge due, order arrival, plan transfer, …


def _cover(
    s: Session, p: Principal, ref: str | None, as_of: dt.date
) -> tuple[dict[str, Any] | None, str | None]:
    """The cover of need ``ref`` by its date (queries.cover_report, as `materiel needs
    cover` and GET /figures/needs/cover show it), or why there is none."""
    if ref is None:
        return None, None
    try:
        groups = queries.cover_report(s, p, need=ref, as_of=as_of)
    except LookupError:
        return None, f"No need {ref} that you may see."
    return {"ref": ref, **groups[0]}, None


@router.post("/needs")
async def needs_submit(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    return await run_in_threadpool(_add_need, request, user, form)


def _add_need(request: Request, user: WebUser, form: dict[str, str]) -> Response:
    values = clean(form, NEED_FIELDS)
    values.setdefault("ref", f"N-WEB-{uuid.uuid4().hex[:8].upper()}")
    values.setdefault("stated_on", today().isoformat())
    if not user.principal.is_staff and user.principal.nation:
        values.setdefault("recipient_code", user.principal.nation)
    model, errors = validate(NeedCreate, values)
    if model is None:
        return _needs(request, user, values, errors, 422)
    fields = model.model_dump()

    def write() -> Outcome:
        def action(w: Writer) -> Outcome:
            obj = create_record(w, user.principal, "need", fields)
            return Outcome(201, obj.ref, {})

        return run_write(engine_of(request), user.principal, action)

    out, errors = attempt(write, NEED_FIELDS, refusals_as_errors=False)
    if errors:
        return _needs(request, user, values, errors, 409)
    return RedirectResponse(f"/needs?added={quote(str(out.body))}&sort=needed_by", 303)
