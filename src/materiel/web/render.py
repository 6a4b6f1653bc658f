"""What every page shares: templates and their filters, navigation, rendering and the
refusal pages, the router of the pages, and reading request parameters."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from sqlalchemy import Engine

from materiel import queries
from materiel.access import Hidden, Refused, policy
from materiel.db import read_session
from materiel.display import headline_text, named
from materiel.queries import today
from materiel.web.session import (
    CsrfFailed,
    LoginRequired,
    WebUser,
    current_user,
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


@pass_context
def fmt_named(ctx: Any, text: Any) -> str:
    """``text`` with each item code replaced by the item's name (:func:`display.named`)."""
    return named(text, ctx.get("item_names") or {})


templates.env.filters.update(
    num=fmt_num,
    money=fmt_money,
    pct=fmt_pct,
    date=fmt_date,
    named=fmt_named,
    headline=headline_text,
)


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
    names: dict[str, str] = {}
    if user is not None:
        with read_session(engine) as s:
            if synthetic is None:
                synthetic = queries.dataset_synthetic(s)
            names = queries.item_names(s)
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
        "item_names": names,
        "stale_days": queries.stale_after_days(),
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


def can_create(user: WebUser, entity: str, field: str) -> bool:
    return allowed(policy.check_create, user.principal, entity, {field: user.principal.nation})
