"""Alliance-wide totals of stock reports and targets (no nation detail)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import and_, func, select

from materiel.access import policy
from materiel.api.crud import ERRORS
from materiel.api.deps import CurrentUser, EngineDep
from materiel.api.schemas import StockTotal
from materiel.db import read_session
from materiel.records import Nation, StockReport, StockTarget

router = APIRouter(tags=["stocks"])

AsOf = Annotated[dt.date | None, Query(description="date of the figures; default today")]
ItemQ = Annotated[str | None, Query(max_length=80, pattern=r"^[^\x00]*$")]


def _totals(
    engine: Any, model: Any, date_col: str, value_col: str, as_of: dt.date, item: str | None
) -> list[StockTotal]:
    """Per alliance and item: the sum over nations of each nation's latest figure dated
    on or before ``as_of``."""
    date = getattr(model, date_col)
    latest = (
        select(model.nation_code, model.item_code, func.max(date).label("d"))
        .where(date <= as_of)
        .group_by(model.nation_code, model.item_code)
    )
    if item:
        latest = latest.where(model.item_code == item)
    sub = latest.subquery()
    stmt = (
        select(
            Nation.alliance,
            model.item_code,
            func.sum(getattr(model, value_col)),
            func.count(model.nation_code),
        )
        .join(
            sub,
            and_(
                model.nation_code == sub.c.nation_code,
                model.item_code == sub.c.item_code,
                date == sub.c.d,
            ),
        )
        .join(Nation, Nation.code == model.nation_code)
        .group_by(Nation.alliance, model.item_code)
        .order_by(model.item_code, Nation.alliance)
    )
    with read_session(engine) as s:
        rows = s.execute(stmt).all()
    return [
        StockTotal(alliance=a, item_code=i, quantity=int(q or 0), nations=int(n), as_of=as_of)
        for a, i, q, n in rows
    ]


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@router.get(
    "/stock-reports/totals",
    response_model=list[StockTotal],
    responses=ERRORS,
    operation_id="stock_report_totals",
)
def stock_report_totals(
    principal: CurrentUser, engine: EngineDep, as_of: AsOf = None, item_code: ItemQ = None
) -> list[StockTotal]:
    """Stock on hand, summed per alliance and item (every role except analysts)."""
    policy.require_totals(principal)
    return _totals(engine, StockReport, "as_of", "quantity", as_of or _today(), item_code)


@router.get(
    "/stock-targets/totals",
    response_model=list[StockTotal],
    responses=ERRORS,
    operation_id="stock_target_totals",
)
def stock_target_totals(
    principal: CurrentUser, engine: EngineDep, as_of: AsOf = None, item_code: ItemQ = None
) -> list[StockTotal]:
    """Stockpile targets in force, summed per alliance and item."""
    policy.require_totals(principal)
    return _totals(engine, StockTarget, "effective_from", "minimum", as_of or _today(), item_code)
