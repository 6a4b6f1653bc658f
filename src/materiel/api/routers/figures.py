"""GET /figures/...: the figures people see (docs/figures.md), each one call of the read
side (:mod:`materiel.queries`) with the caller as viewer — the same numbers as the pages,
the brief and the CLI."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, TypeVar

import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from materiel import money, queries
from materiel.api.crud import ERRORS
from materiel.api.deps import CurrentUser, EngineDep
from materiel.api.errors import ApiProblem
from materiel.api.figures import AsOf, figure_answer
from materiel.api.schemas import (
    AllianceTotalTable,
    Figures,
    FundPositionTable,
    KeyFigures,
    NeedCoverageTable,
    NeedCoverReport,
    PledgeFiguresTable,
    StockOutlookTable,
    StockPositionTable,
)
from materiel.plan_policy import HORIZON_WEEKS

router = APIRouter(prefix="/figures", tags=["figures"])
T = TypeVar("T", bound=Figures)


def table(shape: type[T], df: pd.DataFrame, day: dt.date, **extra: Any) -> T:
    """A figure table of ``shape`` from a query's frame (its rows, count and whether any
    comes from synthetic records)."""
    return shape(
        as_of=day,
        count=len(df),
        synthetic=queries.synthetic_of(df) or bool(df.attrs.get("synthetic")),
        items=queries.rows(df),
        **extra,
    )


Code = Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO 3166 alpha-3")]
ItemQ = Annotated[
    str | None,
    Query(max_length=80, pattern=r"^[A-Za-z0-9._\-]+$", description="item code or prefix"),
]
CurrencyQ = Annotated[str, Query(pattern=r"^[A-Z]{3}$", description="ISO 4217")]


@router.get("", response_model=KeyFigures, responses=ERRORS, operation_id="key_figures")
def key_figures(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    currency: CurrencyQ = queries.REPORT_CURRENCY,
) -> Response:
    """Key figures: needs not covered by their date, late pledges, pledged and delivered
    value, stocks below target, funds, the latest plan's unmet need (coordinators)."""
    if not money.convertible(currency):
        raise ApiProblem(422, f"no ECB reference rate for {currency!r}", field="currency")

    def body(s: Session, day: dt.date) -> KeyFigures:
        return KeyFigures.model_validate(
            queries.key_figures(s, principal, as_of=day, currency=currency)
        )

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/needs", response_model=NeedCoverageTable, responses=ERRORS, operation_id="need_figures"
)
def need_figures(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    recipient: Code = None,
    priority: Annotated[str | None, Query(pattern="^(critical|high|routine)$")] = None,
    status: Annotated[
        str | None, Query(pattern="^(open|partly covered|covered late|covered|uncovered)$")
    ] = None,
    item: ItemQ = None,
    overdue: bool | None = None,
) -> Response:
    """Needs with their coverage: pledged, delivered and due by the need's date, counting
    only pledges the caller may see."""

    def body(s: Session, day: dt.date) -> NeedCoverageTable:
        df = queries.needs_table(
            s,
            principal,
            recipient=recipient,
            priority=priority,
            status=status,
            item=item,
            overdue=overdue,
            as_of=day,
        )
        return table(NeedCoverageTable, df, day)

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/needs/cover",
    response_model=NeedCoverReport,
    responses=ERRORS,
    operation_id="need_cover",
)
def need_cover(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    need: Annotated[
        str | None, Query(max_length=60, description="a need's ref (or give item)")
    ] = None,
    item: Annotated[
        str | None,
        Query(max_length=80, pattern=r"^[A-Za-z0-9._\-]+$", description="exact item code"),
    ] = None,
    recipient: Code = None,
    plan: bool = True,
) -> Response:
    """How a need, or every need of an item, is covered by its date: delivered, committed
    pledges due, fund orders placed, what the latest plan adds (coordinators), the gap, and
    every arrival by date with its record (the same figures as `materiel needs cover` and
    the Needs page)."""
    if (need is None) == (item is None):
        raise ApiProblem(422, "give need (a ref) or item (a code), one of them", field="need")

    def body(s: Session, day: dt.date) -> NeedCoverReport:
        try:
            groups = queries.cover_report(
                s, principal, need=need, item=item, recipient=recipient, as_of=day, plan=plan
            )
        except LookupError as exc:
            raise ApiProblem(404, str(exc)) from exc
        return NeedCoverReport.model_validate({"as_of": day, "groups": groups})

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/pledges", response_model=PledgeFiguresTable, responses=ERRORS, operation_id="pledge_figures"
)
def pledge_figures(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    donor: Code = None,
    recipient: Code = None,
    status: Annotated[str | None, Query(pattern="^[a-z]+$")] = None,
    item: ItemQ = None,
    late: bool | None = None,
    currency: CurrencyQ = queries.REPORT_CURRENCY,
) -> Response:
    """Pledges the caller may see with delivered, remaining, lateness and value."""
    if not money.convertible(currency):
        raise ApiProblem(422, f"no ECB reference rate for {currency!r}", field="currency")

    def body(s: Session, day: dt.date) -> PledgeFiguresTable:
        df = queries.pledges_table(
            s,
            principal,
            donor=donor,
            recipient=recipient,
            status=status,
            item=item,
            late=late,
            as_of=day,
            currency=currency,
        )
        return table(PledgeFiguresTable, df, day)

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/stocks", response_model=StockPositionTable, responses=ERRORS, operation_id="stock_figures"
)
def stock_figures(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    nation: Code = None,
    item: ItemQ = None,
    below_target: bool | None = None,
) -> Response:
    """Stocks against targets of the nations the caller may see in detail (staff: all;
    a donor or recipient: its own; analysts: 403)."""

    def body(s: Session, day: dt.date) -> StockPositionTable:
        df = queries.stock_position(
            s, principal, as_of=day, nation=nation, item=item, below_target=below_target
        )
        return table(StockPositionTable, df, day)

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/stock-outlook",
    response_model=StockOutlookTable,
    responses=ERRORS,
    operation_id="stock_outlook",
)
def stock_outlook(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    holder: Code = None,
    item: ItemQ = None,
    horizon_weeks: Annotated[int, Query(ge=2, le=156)] = HORIZON_WEEKS,
) -> Response:
    """Weeks to target (= the depletion week) and to zero at the current rate, for the
    holders the caller may see in detail; most urgent first."""

    def body(s: Session, day: dt.date) -> StockOutlookTable:
        df = queries.stock_outlook(
            s, principal, as_of=day, horizon=horizon_weeks, holder=holder, item=item
        )
        return table(
            StockOutlookTable,
            df,
            day,
            snapshot_hash=str(df.attrs.get("snapshot_hash", "")),
            horizon_weeks=int(df.attrs.get("horizon", horizon_weeks)),
        )

    return figure_answer(request, principal, engine, as_of, body, depends_on_everything=True)


@router.get(
    "/alliance-totals",
    response_model=AllianceTotalTable,
    responses=ERRORS,
    operation_id="alliance_totals",
)
def alliance_totals(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    alliance: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z]*$")] = None,
    item: ItemQ = None,
) -> Response:
    """Stock and target per alliance and item over the members that reported, with cover;
    suppressed below 3 nations besides the caller's own (coordinators see every row)."""

    def body(s: Session, day: dt.date) -> AllianceTotalTable:
        df = queries.alliance_totals(s, principal, as_of=day, alliance=alliance, item=item)
        return table(AllianceTotalTable, df, day, suppressed=int(df.attrs.get("suppressed", 0)))

    return figure_answer(request, principal, engine, as_of, body)


@router.get(
    "/funds", response_model=FundPositionTable, responses=ERRORS, operation_id="fund_figures"
)
def fund_figures(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    as_of: AsOf = None,
    fund: Annotated[str | None, Query(max_length=60, pattern=r"^[^\x00]*$")] = None,
) -> Response:
    """Funds: budget, ordered, spent (instalments due), committed and remaining."""

    def body(s: Session, day: dt.date) -> FundPositionTable:
        df = queries.fund_position(s, principal, as_of=day, fund=fund)
        return table(FundPositionTable, df, day)

    return figure_answer(request, principal, engine, as_of, body)
