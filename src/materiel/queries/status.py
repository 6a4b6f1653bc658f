"""Key figures: record counts, open needs, late pledges, donors below target and funds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from materiel import money
from materiel.queries._common import (
    REPORT_CURRENCY,
    convert_column,
    date_span,
    is_synthetic,
    prefix_mask,
    today,
)
from materiel.queries.needs import needs_table
from materiel.queries.pledges import pledges_table
from materiel.queries.stocks import stock_position
from materiel.records import (
    AuditEvent,
    Base,
    Delivery,
    Fund,
    Item,
    Meeting,
    Nation,
    Need,
    Order,
    Organisation,
    Pledge,
    ProductionLine,
    StockReport,
    StockTarget,
)

FUND_COLUMNS = [
    "code",
    "name",
    "kind",
    "currency",
    "budget",
    "spent",
    "remaining",
    "orders",
    "period_start",
    "period_end",
    "rate_dates",
    "source",
]
COUNTED: dict[str, type[Base]] = {
    "nations": Nation,
    "organisations": Organisation,
    "items": Item,
    "needs": Need,
    "pledges": Pledge,
    "deliveries": Delivery,
    "stock_reports": StockReport,
    "stock_targets": StockTarget,
    "production_lines": ProductionLine,
    "funds": Fund,
    "orders": Order,
    "meetings": Meeting,
    "audit_events": AuditEvent,
}


def fund_position(
    session: Session, *, as_of: dt.date | None = None, fund: str | None = None
) -> pd.DataFrame:
    """One row per fund: ``budget``, ``spent`` and ``remaining`` in the fund's currency.

    ``spent`` is Σ quantity × unit_price of the fund's orders placed on or before ``as_of``,
    each converted from the order currency to the fund currency with the ECB reference rate of
    the day the order was placed; ``rate_dates`` states the span of rate dates used.
    """
    as_of = as_of or today()
    fstmt = select(
        Fund.code,
        Fund.name,
        Fund.kind,
        Fund.currency,
        Fund.budget,
        Fund.period_start,
        Fund.period_end,
        Fund.source,
    ).order_by(Fund.code)
    if fund:
        fstmt = fstmt.where(Fund.code == fund)
    funds = pd.DataFrame(session.execute(fstmt).all(), columns=list(fstmt.selected_columns.keys()))
    if funds.empty:
        return pd.DataFrame(columns=FUND_COLUMNS)
    orders = orders_table(session, fund=fund, as_of=as_of).rename(columns={"value": "spent"})
    agg = (
        orders.groupby("fund_code")
        .agg(
            spent=("spent", "sum"),
            orders=("spent", "size"),
            rate_dates=("rate_date", date_span),
        )
        .reset_index()
        if not orders.empty
        else pd.DataFrame(columns=["fund_code", "spent", "orders", "rate_dates"])
    )
    df = funds.merge(agg, left_on="code", right_on="fund_code", how="left")
    df["spent"] = df["spent"].astype(float).fillna(0.0)
    df["orders"] = df["orders"].fillna(0).astype("int64")
    df["rate_dates"] = df["rate_dates"].astype(object).where(df["rate_dates"].notna(), None)
    df["remaining"] = df["budget"] - df["spent"]
    return df[FUND_COLUMNS].reset_index(drop=True)


ORDER_COLUMNS = [
    "ref",
    "fund_code",
    "line_code",
    "item_code",
    "producer_code",
    "quantity",
    "unit_price",
    "currency",
    "placed_on",
    "delivery_start",
    "delivery_end",
    "destination_code",
    "value",
    "fund_currency",
    "rate_date",
]


def orders_table(
    session: Session,
    *,
    fund: str | None = None,
    line: str | None = None,
    item: str | None = None,
    destination: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """Orders placed on or before ``as_of`` with their line's item and producer; ``value``
    is quantity × unit_price converted to the fund's currency at the ECB rate of the day the
    order was placed (``rate_date``)."""
    as_of = as_of or today()
    stmt = (
        select(
            Order.ref,
            Order.fund_code,
            Order.line_code,
            ProductionLine.item_code,
            ProductionLine.producer_code,
            Order.quantity,
            Order.unit_price,
            Order.currency,
            Order.placed_on,
            Order.delivery_start,
            Order.delivery_end,
            Order.destination_code,
            Fund.currency.label("fund_currency"),
        )
        .join(Fund, Fund.code == Order.fund_code)
        .join(ProductionLine, ProductionLine.code == Order.line_code)
        .where(Order.placed_on <= as_of)
        .order_by(Order.placed_on, Order.ref)
    )
    if fund:
        stmt = stmt.where(Order.fund_code == fund)
    if line:
        stmt = stmt.where(Order.line_code == line)
    if destination:
        stmt = stmt.where(Order.destination_code == destination)
    df = pd.DataFrame(session.execute(stmt).mappings().all())
    if df.empty:
        return pd.DataFrame(columns=ORDER_COLUMNS)
    df = df.loc[prefix_mask(df["item_code"], item)].copy()
    df["value"] = float("nan")
    df["rate_date"] = None
    for target, idx in df.groupby("fund_currency").groups.items():
        part = df.loc[idx]
        value, used = convert_column(
            part["quantity"] * part["unit_price"], part["currency"], part["placed_on"], str(target)
        )
        df.loc[idx, "value"] = value
        df.loc[idx, "rate_date"] = used
    return df[ORDER_COLUMNS].reset_index(drop=True)


def record_counts(session: Session) -> dict[str, int]:
    """Number of records per entity."""
    return {
        name: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for name, model in COUNTED.items()
    }


def status_figures(
    session: Session, *, as_of: dt.date | None = None, currency: str = REPORT_CURRENCY
) -> dict[str, Any]:
    """The key figures of ``materiel status`` as a JSON-ready dict.

    Keys: ``as_of``, ``records`` (counts per entity), ``needs`` (total, open = not fully
    covered, by priority), ``pledges`` (total, by status, late, pledged and delivered value in
    ``currency`` with ``rate_date``), ``stocks`` (series, below target, nations flagged as
    donors with at least one stock below target),
    ``funds`` (rows of :func:`fund_position`) and ``synthetic``.
    """
    as_of = as_of or today()
    needs = needs_table(session)
    pledges = pledges_table(session, as_of=as_of, currency=currency)
    stocks = stock_position(session, as_of=as_of)
    funds = fund_position(session, as_of=as_of)
    live = pledges.loc[pledges["status"] != "cancelled"]
    open_needs = needs.loc[needs["status"] != "covered"]
    below = stocks.loc[stocks["below_target"]]
    donors = set(session.scalars(select(Nation.code).where(Nation.is_donor.is_(True))))
    donors_below = below.loc[below["nation_code"].isin(donors)]
    delivered_value = (live["value"] * live["delivered"] / live["quantity"]).sum()
    sources = [
        *needs["source"].tolist(),
        *pledges["source"].tolist(),
        *stocks["source"].tolist(),
        *funds["source"].tolist(),
    ]
    return {
        "as_of": as_of.isoformat(),
        "records": record_counts(session),
        "needs": {
            "total": len(needs),
            "open": len(open_needs),
            "open_by_priority": {
                str(k): int(v) for k, v in open_needs.groupby("priority").size().items()
            },
            "open_quantity": int(needs["open_quantity"].sum()) if len(needs) else 0,
        },
        "pledges": {
            "total": len(pledges),
            "by_status": {str(k): int(v) for k, v in pledges.groupby("status").size().items()},
            "late": int(pledges["late"].sum()) if len(pledges) else 0,
            "pledged_value": round(float(live["value"].sum()), 2),
            "delivered_value": round(float(delivered_value), 2),
            "currency": currency,
            "rate_date": money.rate_date(as_of).isoformat(),
        },
        "stocks": {
            "series": int(stocks["as_of"].notna().sum()),
            "below_target": len(below),
            "donors_below_target": int(donors_below["nation_code"].nunique()),
            "donors_below_target_codes": sorted(donors_below["nation_code"].unique().tolist()),
            "reports_dated": date_span(stocks["as_of"]),
        },
        "funds": [
            {
                k: (v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in row.items()
                if k != "source"
            }
            for row in funds.to_dict("records")
        ],
        "synthetic": is_synthetic(sources),
    }
