"""The pages. Figures come from the read side (:mod:`materiel.queries`); writes are the use
cases of :mod:`materiel.services` (the same the API calls), each one audited transaction;
plans and forecasts start as jobs through :func:`materiel.services.jobs.start_job`."""

from __future__ import annotations

import datetime as dt
import importlib
import math
import re
import uuid
from collections.abc import Callable, Coroutine
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlencode

import pandas as pd
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from materiel import queries
from materiel.access import Hidden, LoginRefused, Refused, authenticate, policy
from materiel.access.principals import revoke_session
from materiel.db import read_session
from materiel.queries import NEED_FILTERS, PRIORITIES, today
from materiel.schemas import (
    DeliveryFields,
    ForecastRequest,
    NeedCreate,
    PlanRequest,
    PledgeCreate,
    form_fields,
    job_public,
)
from materiel.services import Writer
from materiel.services.idempotency import Outcome, run_write
from materiel.services.jobs import start_job
from materiel.services.records import create_record, record_delivery, transition_pledge
from materiel.web import data
from materiel.web.charts import fan_svg, trajectory_svg
from materiel.web.forms import FORM, attempt, clean, validate
from materiel.web.session import (
    CsrfFailed,
    LoginRequired,
    WebUser,
    check_csrf,
    clear_session,
    csrf_token,
    current_user,
    login_nonce,
    require_user,
    set_login_nonce,
    set_session,
)

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
NATION = re.compile(r"^[A-Z]{3}$")
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


# -- formatting ----------
def fmt_num(v: Any, digits: int = 0) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return "–"
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    if math.isinf(f):
        return "∞"
    return f"{f:,.{digits}f}"


def fmt_money(v: Any, currency: str = "") -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    f = float(v)
    for div, unit in ((1e9, " bn"), (1e6, " m")):
        if abs(f) >= div:
            return f"{f / div:,.2f}{unit} {currency}".strip()
    return f"{f:,.0f} {currency}".strip()


def fmt_pct(v: Any) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{float(v):.0%}"


def fmt_date(v: Any) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)[:10]


templates.env.filters.update(num=fmt_num, money=fmt_money, pct=fmt_pct, date=fmt_date)


# -- rendering and refusals ----------
def nav(user: WebUser) -> list[tuple[str, str]]:
    p = user.principal
    items = [("/", "Overview"), ("/needs", "Needs"), ("/pledges", "Pledges")]
    if allowed(policy.require_totals, p):
        items.append(("/stockpiles", "Stockpiles"))
    items.append(("/procurement", "Procurement"))
    if allowed(policy.require_planner, p):
        items += [("/plan", "Plan"), ("/risk", "Risk")]
    items.append(("/meetings", "Meetings"))
    return items


def allowed(check: Callable[..., None], *args: Any) -> bool:
    try:
        check(*args)
    except (Refused, Hidden):
        return False
    return True


def render(
    request: Request,
    template: str,
    user: WebUser | None,
    *,
    status: int = 200,
    title: str = "",
    **ctx: Any,
) -> HTMLResponse:
    engine: Engine = request.app.state.engine
    synthetic = ctx.pop("synthetic", None)
    if synthetic is None and user is not None:
        with read_session(engine) as s:
            synthetic = queries.dataset_synthetic(s)
    context = {
        "request": request,
        "user": user,
        "p": user.principal if user else None,
        "nav": nav(user) if user else [],
        "path": request.url.path,
        "csrf": user.csrf if user else ctx.pop("login_csrf", ""),
        "title": title,
        "synthetic": bool(synthetic),
        "today": today(),
        **ctx,
    }
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    user = current_user(request)
    titles = {403: "Not allowed", 404: "Not found", 400: "Bad request"}
    return render(
        request,
        "error.html",
        user,
        status=status,
        title=titles.get(status, "Error"),
        message=message,
        synthetic=False,
    )


class WebRoute(APIRoute):
    """Pages answer refusals with HTML: login redirect, 403 and 404 pages."""

    def get_route_handler(self) -> Handler:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                return await original(request)
            except LoginRequired:
                target = request.url.path
                if request.url.query:
                    target += "?" + request.url.query
                return RedirectResponse("/login?" + urlencode({"next": target}), 303)
            except CsrfFailed:
                return error_page(
                    request,
                    403,
                    "This form has expired or did not come from this site (CSRF check "
                    "failed). Reload the page and submit it again.",
                )
            except Refused as exc:
                return error_page(request, 403, f"Not allowed: {exc}.")
            except Hidden:
                return error_page(request, 404, "No such page or record.")

        return handler


router = APIRouter(route_class=WebRoute, include_in_schema=False)


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def form_of(request: Request) -> dict[str, Any]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def qp(
    request: Request, name: str, allowed_values: Any = None, pattern: str | None = None
) -> str | None:
    v = request.query_params.get(name)
    if v is None or v == "":
        return None
    v = v.strip()[:80]
    if allowed_values is not None and v not in allowed_values:
        return None
    if pattern is not None and not re.fullmatch(pattern, v):
        return None
    return v


def as_of_of(request: Request) -> dt.date:
    v = qp(request, "as_of", pattern=r"\d{4}-\d{2}-\d{2}")
    if v:
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    return today()


# -- login ----------
@router.get("/login")
def login_page(request: Request) -> Response:
    if current_user(request) is not None:
        return RedirectResponse(safe_next(request.query_params.get("next")), 303)
    return _login_form(request, {}, "", 200)


def _login_form(request: Request, errors: dict[str, str], username: str, status: int) -> Response:
    nonce = login_nonce(request)
    resp = render(
        request,
        "login.html",
        None,
        status=status,
        title="Sign in",
        login_csrf=csrf_token(nonce),
        errors=errors,
        username=username,
        next=safe_next(request.query_params.get("next")),
        synthetic=False,
    )
    set_login_nonce(resp, request, nonce)
    return resp


@router.post("/login")
async def login_submit(request: Request) -> Response:
    form = await form_of(request)
    nonce = request.cookies.get("materiel_login", "")
    if not nonce:
        raise CsrfFailed()
    check_csrf(form.get("csrf"), csrf_token(nonce))
    return await run_in_threadpool(_login, request, form)


def _login(request: Request, form: dict[str, str]) -> Response:
    username = form.get("username", "").strip()[:80]
    password = form.get("password", "")[:1000]
    errors: dict[str, str] = {}
    if not username:
        errors["username"] = "Enter your user name."
    if not password:
        errors["password"] = "Enter your password."
    if errors:
        return _login_form(request, errors, username, 422)
    client = request.client.host if request.client else "-"
    try:
        _, raw, _ = authenticate(
            engine_of(request), username, password, client=client, limiter=request.app.state.limiter
        )
    except LoginRefused as exc:
        return _login_form(request, {FORM: exc.detail}, username, exc.status)
    resp = RedirectResponse(safe_next(form.get("next")), 303)
    set_session(resp, request, raw)
    return resp


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)

    def revoke() -> None:
        revoke_session(engine_of(request), user.token_id)
        request.app.state.auth_cache.drop(digest=user.token_digest)

    await run_in_threadpool(revoke)
    resp = RedirectResponse("/login", 303)
    clear_session(resp, request)
    return resp


# -- overview ----------
@router.get("/")
def overview(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    figures = data.overview(engine_of(request), user.principal, as_of)
    return render(
        request,
        "overview.html",
        user,
        title="Overview",
        f=figures,
        synthetic=figures["synthetic"],
    )


# -- needs ----------
NEED_FIELDS = form_fields(NeedCreate)


def _can_create(user: WebUser, entity: str, field: str) -> bool:
    return allowed(policy.check_create, user.principal, entity, {field: user.principal.nation})


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
    can_add = _can_create(user, "need", "recipient_code")
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
    )


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
    can_notify = _can_create(user, "pledge", "donor_code")
    donors = ch["donors"] if p.is_staff else [p.nation]
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
        added=qp(request, "added", pattern=r"[\w.\-]+"),
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


# -- stockpiles ----------
@router.get("/stockpiles")
def stockpiles(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    hm = data.heatmap(engine_of(request), user.principal, as_of)
    return render(
        request,
        "stockpiles.html",
        user,
        title="Stockpiles",
        hm=hm,
        as_of=as_of,
        synthetic=hm["synthetic"],
    )


@router.get("/stockpiles/{holder}")
def stockpile_detail(request: Request, holder: str) -> Response:
    user = require_user(request)
    if not NATION.fullmatch(holder):
        raise Hidden()
    as_of = as_of_of(request)
    table, proj = data.holder_table(engine_of(request), user.principal, holder, as_of)
    chosen = qp(request, "item", pattern=r"[A-Za-z0-9._\-]+")
    charts: list[dict[str, Any]] = []
    if len(table):
        wanted = table.loc[(table["target_now"] > 0) | (table["weekly_use"] > 0)]
        picks = (
            [chosen] if chosen and chosen in set(table["item"]) else wanted["item"].head(4).tolist()
        )
        for item in picks:
            src = (
                f"Source: materiel status-quo projection of stock reports, targets, deliveries "
                f"and orders; as of {proj.attrs.get('as_of')} (snapshot "
                f"{str(proj.attrs.get('snapshot_hash'))[:10]})"
                + (" — SYNTHETIC DATA" if proj.attrs.get("synthetic") else "")
            )
            row = table.loc[table["item"] == item].iloc[0].to_dict()
            charts.append(
                {
                    "item": item,
                    "svg": trajectory_svg(proj, holder, item, src),
                    "row": row,
                    "source": src,
                }
            )
    return render(
        request,
        "stockpile_detail.html",
        user,
        title=f"Stockpile of {holder}",
        holder=holder,
        rows=table.to_dict("records"),
        charts=charts,
        as_of=as_of,
        synthetic=bool(proj.attrs.get("synthetic")),
    )


# -- procurement ----------
@router.get("/procurement")
def procurement(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    engine = engine_of(request)
    p = user.principal
    with read_session(engine) as s:
        funds = queries.fund_position(s, p, as_of=as_of)
        orders = queries.orders_table(s, p, as_of=as_of)
    util = data.utilisation_grid(engine, p, as_of)
    return render(
        request,
        "procurement.html",
        user,
        title="Procurement",
        funds=funds.to_dict("records"),
        orders=orders.to_dict("records"),
        months=util["months"],
        grid=util["grid"],
        as_of=as_of,
        order_dates=data.span(orders["placed_on"]) if len(orders) else "no orders",
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
    return render(
        request,
        "plan.html",
        user,
        status=status,
        title="Plan",
        run=run,
        tables=queries.plan_tables(run) if run else None,
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
    values = clean(form, ["as_of", "horizon_weeks", "scenario"])
    values["hard_targets"] = form.get("hard_targets") == "on"
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


# -- installation ----------
def install(app: FastAPI) -> None:
    app.router.routes = [
        r for r in app.router.routes if not (isinstance(r, APIRoute) and r.path == "/")
    ]
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
