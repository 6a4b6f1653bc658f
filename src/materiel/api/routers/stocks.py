"""Alliance totals of stock reports and targets (no nation detail): the read side's
:func:`materiel.queries.alliance_totals`, suppressed below the minimum group size."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from materiel import queries
from materiel.api.crud import ERRORS
from materiel.api.deps import CurrentUser, EngineDep
from materiel.api.figures import AsOf, figure_answer
from materiel.api.schemas import StockTotal

router = APIRouter(tags=["stocks"])

ItemQ = Annotated[str | None, Query(max_length=80, pattern=r"^[^\x00]*$")]
AllianceQ = Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z]*$")]


def _totals(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: dt.date | None,
    item_code: str | None,
    alliance: str | None,
    column: str,
) -> Response:
    def body(s: Session, day: dt.date) -> list[StockTotal]:
        df = queries.alliance_totals(s, principal, as_of=day, alliance=alliance)
        if item_code:
            df = df.loc[df["item_code"] == item_code]
        return [
            StockTotal(
                alliance=r["alliance"],
                item_code=r["item_code"],
                quantity=r[column],
                nations=r["nations"],
                as_of=day,
            )
            for r in queries.rows(df)
        ]

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/stock-reports/totals",
    response_model=list[StockTotal],
    responses=ERRORS,
    operation_id="stock_report_totals",
)
def stock_report_totals(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    item_code: ItemQ = None,
    alliance: AllianceQ = None,
) -> Response:
    """Stock on hand, summed per alliance and item over the members that reported (every
    role except analysts; rows of fewer than 3 nations besides the caller's are left out)."""
    return _totals(request, principal, engine, as_of, item_code, alliance, "quantity")


@router.get(
    "/stock-targets/totals",
    response_model=list[StockTotal],
    responses=ERRORS,
    operation_id="stock_target_totals",
)
def stock_target_totals(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    item_code: ItemQ = None,
    alliance: AllianceQ = None,
) -> Response:
    """Stockpile targets in force, summed per alliance and item over the same nations as
    the stock totals (those that reported), so that the two compare like with like."""
    return _totals(request, principal, engine, as_of, item_code, alliance, "target")
