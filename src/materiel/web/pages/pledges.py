"""Pledges: lateness, deliveries and the lifecycle; donors notify pledges and record deliveries."""

from __future__ import annotations

import re
import uuid
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import pandas as pd
from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from materiel import queries
from materiel.db import read_session
from materiel.queries import today
from materiel.schemas import (
    DeliveryFields,
    PledgeCreate,
    form_fields,
)
from materiel.services import Writer
from materiel.services.idempotency import Outcome, run_write
from materiel.services.records import create_record, record_delivery, transition_pledge
from materiel.web import data
from materiel.web.forms import FORM, attempt, clean, validate
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

# -- pledges ----------
PLEDGE_FIELDS = form_fields(PledgeCreate)
DELIVERY_FIELDS = ["pledge_id", *form_fields(DeliveryFields)]


@router.get("/pledges")
def pledges_page(request: Request) -> Response:
    user = require_user(request)
    return _pledges(request, user, {}, {}, 200)


def _pledges(
    request: Request,
    user: WebUser,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int,
    form_name: str = "",
) -> Response:
    p = user.principal
    as_of = as_of_of(request)
    late_q = qp(request, "late", ("1", "0"))
    limit = 1000 if qp(request, "all", ("1",)) else 100
    f = {
        "donor": qp(request, "donor", pattern=r"[A-Z]{3}"),
        "status": qp(
            request, "status", ("announced", "committed", "delivering", "delivered", "cancelled")
        ),
        "late": late_q,
        "item": qp(request, "item", pattern=r"[A-Za-z0-9._\-]+"),
    }
    with read_session(engine_of(request)) as s:
        df = data.pledges_view(
            s,
            p,
            as_of=as_of,
            donor=f["donor"],
            status=f["status"],
            late=None if late_q is None else late_q == "1",
            item=f["item"],
        )
        ch = queries.choices(s)
        dl = queries.deliveries_table(s, p, until=as_of).sort_values(
            ["delivered_on", "id"], ascending=False
        )
        # open pledges the policy lets this caller deliver on / move along the lifecycle
        actionable = queries.open_pledges(s, p)
        own_open = [SimpleNamespace(**x) for x in actionable["deliverable"]]
        movable = [SimpleNamespace(**x) for x in actionable["movable"]]
    can_notify = can_create(user, "pledge", "donor_code")
    donors = ch["donors"] if p.is_staff else [p.nation]
    added = qp(request, "added", pattern=r"[\w.\-]+")
    if added and len(df):  # the new pledge first, highlighted, wherever it would sort
        new = df["ref"] == added
        df = pd.concat([df.loc[new], df.loc[~new]])
    return render(
        request,
        "pledges.html",
        user,
        status=status,
        title="Pledges",
        rows=df.head(limit).to_dict("records"),
        total=len(df),
        late_total=int(df["late"].sum()) if len(df) else 0,
        filters=f,
        ch=ch,
        deliveries=dl.head(25).to_dict("records"),
        can_notify=can_notify,
        can_deliver=bool(own_open),
        movable=movable,
        own_open=own_open,
        donors=donors,
        values=values,
        errors=errors,
        form_name=form_name,
        as_of=as_of,
        added=added,
        delivered=qp(request, "delivered", pattern=r"[\w.\-]+"),
        moved=qp(request, "moved", pattern=r"[\w.\-]+"),
    )


@router.post("/pledges")
async def pledge_submit(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    return await run_in_threadpool(_add_pledge, request, user, form)


def _add_pledge(request: Request, user: WebUser, form: dict[str, str]) -> Response:
    values = clean(form, PLEDGE_FIELDS)
    values.setdefault("ref", f"P-WEB-{uuid.uuid4().hex[:8].upper()}")
    values.setdefault("announced_on", today().isoformat())
    values["confidential"] = form.get("confidential") == "on"
    model, errors = validate(PledgeCreate, values)
    if model is None:
        return _pledges(request, user, values, errors, 422, "pledge")
    fields = model.model_dump()

    def write() -> Outcome:
        def action(w: Writer) -> Outcome:
            obj = create_record(w, user.principal, "pledge", fields)
            return Outcome(201, obj.ref, {})

        return run_write(engine_of(request), user.principal, action)

    out, errors = attempt(write, PLEDGE_FIELDS, refusals_as_errors=False)
    if errors:
        return _pledges(request, user, values, errors, 409, "pledge")
    return RedirectResponse(f"/pledges?added={quote(str(out.body))}", 303)


@router.post("/pledges/deliveries")
async def delivery_submit(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    return await run_in_threadpool(_add_delivery, request, user, form)


def _add_delivery(request: Request, user: WebUser, form: dict[str, str]) -> Response:
    values = clean(form, DELIVERY_FIELDS)
    pledge_id = values.pop("pledge_id", "")
    model, errors = validate(DeliveryFields, values)
    values["pledge_id"] = pledge_id
    if not str(pledge_id).isdigit():
        errors["pledge_id"] = "Choose a pledge."
    if model is None or errors:
        return _pledges(request, user, values, errors, 422, "delivery")
    pid = int(pledge_id)
    ref = model.ref or f"D-WEB-{uuid.uuid4().hex[:8].upper()}"

    def write() -> Outcome:
        def action(w: Writer) -> Outcome:
            d = record_delivery(
                w,
                user.principal,
                pid,
                ref=ref,
                quantity=model.quantity,
                delivered_on=model.delivered_on,
                source=model.source,
            )
            return Outcome(201, d.ref, {})

        return run_write(engine_of(request), user.principal, action)

    out, errors = attempt(write, DELIVERY_FIELDS)
    if errors:
        if FORM in errors and "beyond" in errors[FORM]:
            errors["quantity"] = errors.pop(FORM)
        return _pledges(request, user, values, errors, 409, "delivery")
    return RedirectResponse(f"/pledges?delivered={quote(str(out.body))}#deliveries", 303)


TRANSITION_FIELDS = ["pledge", "to"]
STATUSES = ("committed", "delivering", "delivered", "cancelled")


@router.post("/pledges/status")
async def status_submit(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)
    return await run_in_threadpool(_transition, request, user, form)


def _transition(request: Request, user: WebUser, form: dict[str, str]) -> Response:
    """Move a pledge along its lifecycle. The option value carries the version the page
    showed ("<id>-<version>", like the API's ETag): a pledge changed meanwhile is refused."""
    values = clean(form, TRANSITION_FIELDS)
    errors: dict[str, str] = {}
    m = re.fullmatch(r"(\d{1,12})-(\d{1,9})", values.get("pledge", ""))
    if m is None:
        errors["pledge"] = "Choose a pledge."
    if values.get("to") not in STATUSES:
        errors["to"] = "Choose the new status."
    if m is None or errors:
        return _pledges(request, user, values, errors, 422, "status")
    pid, version, to = int(m.group(1)), int(m.group(2)), values["to"]

    def write() -> Outcome:
        def action(w: Writer) -> Outcome:
            pledge = transition_pledge(w, user.principal, pid, to, if_match=[f"{pid}-{version}"])
            return Outcome(200, pledge.ref, {})

        return run_write(engine_of(request), user.principal, action)

    out, errors = attempt(write, [*TRANSITION_FIELDS, "status", "pledge_id"])
    if errors:
        if "status" in errors:  # the lifecycle's refusal belongs to the new status
            errors["to"] = errors.pop("status")
        if "pledge_id" in errors:
            errors["pledge"] = errors.pop("pledge_id")
        return _pledges(request, user, values, errors, 409, "status")
    return RedirectResponse(f"/pledges?moved={quote(str(out.body))}&status={quote(to)}", 303)
