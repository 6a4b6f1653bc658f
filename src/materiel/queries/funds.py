"""Funds and their orders: ordered, spent, committed and remaining, in each fund's currency
(orders converted at the ECB rate of the day they were placed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel import money
from materiel.access import Principal, policy
from materiel.queries._common import (
    REPORT_CURRENCY,
    convert_column,
    date_span,
    nullable,
    prefix_mask,
    resolve,
    shared,
)
from materiel.records import Fund, Order, ProductionLine

ORDER_COLUMNS = [
    "id",
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
    "spent",
    "committed",
    "fund_currency",
    "rate_date",
    "synthetic",
]
FUND_COLUMNS = [
    "id",
    "code",
    "name",
    "kind",
    "currency",
    "budget",
    "ordered",
    "spent",
    "committed",
    "remaining",
    "orders",
    "period_start",
    "period_end",
    "rate_dates",
    "source",
    "synthetic",
]


def delivered_share(start: pd.Series, end: pd.Series, on: dt.date) -> pd.Series:
    """Share of an order's weekly instalments (one a week from ``start`` to ``end``
    inclusive) due on or before ``on``."""
    s, e = pd.to_datetime(start), pd.to_datetime(end)
    weeks = ((e - s).dt.days // 7 + 1).clip(lower=1)
    done = ((pd.Timestamp(on) - s).dt.days // 7 + 1).clip(lower=0)
    return pd.Series(np.minimum(done, weeks) / weeks, index=start.index, dtype=float)


@shared
def orders_table(
    session: Session,
    viewer: Principal,
    *,
    fund: str | None = None,
    line: str | None = None,
    item: str | None = None,
    destination: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """Orders placed on or before ``as_of`` (default today) with their line's item and
    producer. ``value`` = quantity × unit price converted to the fund's currency at the ECB
    rate of the day the order was placed (``rate_date``); ``spent`` = the value of the
    weekly instalments due by ``as_of``; ``committed`` = the rest."""
    policy.require_list(viewer, "purchase_order")
    as_of = resolve(as_of)
    stmt = (
        select(
            Order.id,
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
            Order.synthetic,
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
    df["spent"] = df["value"] * delivered_share(df["delivery_start"], df["delivery_end"], as_of)
    df["committed"] = df["value"] - df["spent"]
    df["synthetic"] = df["synthetic"].astype(bool)
    return df[ORDER_COLUMNS].reset_index(drop=True)


@shared
def fund_position(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    fund: str | None = None,
) -> pd.DataFrame:
    """One row per fund, in the fund's currency: ``budget``; ``ordered`` = Σ value of its
    orders placed on or before ``as_of`` (see :func:`orders_table`), split into ``spent``
    (instalments due by ``as_of``) and ``committed`` (the rest); ``remaining`` = budget −
    ordered. ``rate_dates`` states the span of ECB rate dates used."""
    policy.require_list(viewer, "fund")
    as_of = resolve(as_of)
    fstmt = select(
        Fund.id,
        Fund.code,
        Fund.name,
        Fund.kind,
        Fund.currency,
        Fund.budget,
        Fund.period_start,
        Fund.period_end,
        Fund.source,
        Fund.synthetic,
    ).order_by(Fund.code)
    if fund:
        fstmt = fstmt.where(Fund.code == fund)
    funds = pd.DataFrame(session.execute(fstmt).all(), columns=list(fstmt.selected_columns.keys()))
    if funds.empty:
        return pd.DataFrame(columns=FUND_COLUMNS)
    orders = orders_table(session, viewer, fund=fund, as_of=as_of)
    agg = (
        orders.groupby("fund_code")
        .agg(
            ordered=("value", "sum"),
            spent=("spent", "sum"),
            committed=("committed", "sum"),
            orders=("value", "size"),
            rate_dates=("rate_date", date_span),
        )
        .reset_index()
        if not orders.empty
        else pd.DataFrame(
            columns=["fund_code", "ordered", "spent", "committed", "orders", "rate_dates"]
        )
    )
    df = funds.merge(agg, left_on="code", right_on="fund_code", how="left")
    for col in ("ordered", "spent", "committed"):
        df[col] = df[col].astype(float).fillna(0.0)
    df["orders"] = df["orders"].fillna(0).astype("int64")
    df["remaining"] = df["budget"] - df["ordered"]
    df["synthetic"] = df["synthetic"].astype(bool)
    nullable(df, "rate_dates")
    return df[FUND_COLUMNS].reset_index(drop=True)


def remaining_in(funds: pd.DataFrame, on: dt.date, currency: str = REPORT_CURRENCY) -> float:
    """Σ ``remaining`` of a :func:`fund_position` frame in ``currency`` at the ECB rate of
    ``on``."""
    if funds.empty:
        return 0.0
    return float(
        sum(
            money.convert(float(part["remaining"].sum()), str(cur), currency, on).amount
            for cur, part in funds.groupby("currency")
        )
    )


UTILISATION_COLUMNS = ["line", "item", "month", "capacity", "ordered", "share"]


def line_utilisation(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    horizon: int | None = None,
) -> pd.DataFrame:
    """Per production line and calendar month from ``as_of``: ``capacity`` (weekly capacity
    with its ramp), ``ordered`` (taken by orders already placed) and ``share`` — the
    snapshot's ``cap_full`` and ``cap_full`` − ``cap`` (:func:`materiel.snapshot.
    read_line_load`). Over ``horizon`` weeks, or (None) through the month of the last
    order's last delivery (at least the plan's horizon). A week counts in the month it
    starts in."""
    from materiel.snapshot import read_line_load

    policy.require_list(viewer, "production_line")
    day = resolve(as_of)
    lines, full, taken = read_line_load(session, day, horizon)
    if not len(lines):
        return pd.DataFrame(columns=UTILISATION_COLUMNS)
    used = np.clip(np.minimum(taken, full), 0, None)
    weeks = pd.date_range(day, periods=full.shape[1], freq="7D")
    months = weeks.strftime("%Y-%m")
    codes = [str(x) for x in lines["code"]]
    items = [str(x) for x in lines["item_code"]]
    frame = pd.DataFrame(
        {
            "line": np.repeat(codes, full.shape[1]),
            "item": np.repeat(items, full.shape[1]),
            "month": np.tile(months, len(codes)),
            "capacity": full.ravel(),
            "ordered": used.ravel(),
        }
    )
    g = frame.groupby(["line", "item", "month"], as_index=False)[["capacity", "ordered"]].sum()
    g["share"] = np.where(
        g["capacity"] > 0, g["ordered"] / g["capacity"].where(g["capacity"] > 0, 1), np.nan
    )
    out = g[UTILISATION_COLUMNS]
    out.attrs["weeks"] = int(full.shape[1])
    return out


BUY_COLUMNS = ["fund", "line", "line_id", "item", "units", "cost", "currency", "limit"]


def fund_buys(session: Session, snap: Any, funds: pd.DataFrame) -> pd.DataFrame:
    """Per fund and line: the units the fund's remaining budget (``funds``: a
    :func:`fund_position` frame) buys at current prices, cheapest eligible line first, each
    line limited by its capacity left over the snapshot's horizon after orders already
    placed; ``limit`` says whether the budget or the capacity runs out first. Each fund is
    counted alone (funds buying from one line share its capacity)."""
    out = buys_table(snap, funds)
    ids = dict(session.execute(select(ProductionLine.code, ProductionLine.id)).all())
    out["line_id"] = out["line"].map(ids)
    return out[BUY_COLUMNS]


def buys_table(snap: Any, funds: pd.DataFrame) -> pd.DataFrame:
    """:func:`fund_buys` on a snapshot alone (no line ids)."""
    cols = [c for c in BUY_COLUMNS if c != "line_id"]
    if snap.sizes.get("line", 0) == 0 or snap.sizes.get("fund", 0) == 0 or funds.empty:
        return pd.DataFrame(columns=cols)
    lines = np.asarray([str(x) for x in snap["line"].values], dtype=object)
    line_item = np.asarray([str(x) for x in snap["line_item"].values], dtype=object)
    cap = snap["cap"].sum("week").transpose("line").values.astype(float)
    fund_codes = [str(f) for f in snap["fund"].values]
    currency = [str(c) for c in snap["fund_currency"].values]
    price = snap["price_in_fund"].transpose("line", "fund").values
    elig = snap["eligible"].transpose("line", "fund").values
    remaining = dict(zip(funds["code"].astype(str), funds["remaining"].astype(float), strict=True))
    parts = []
    for j, f in enumerate(fund_codes):  # a handful of funds; the lines are vectorised
        ok = np.flatnonzero(elig[:, j] & (price[:, j] > 0) & (cap > 0))
        if len(ok) == 0:
            continue
        budget = max(remaining.get(f, 0.0), 0.0)
        order = ok[np.argsort(price[ok, j], kind="stable")]
        cost = price[order, j] * cap[order]
        before = np.concatenate([[0.0], np.cumsum(cost)[:-1]])
        spend = np.clip(budget - before, 0.0, cost)
        keep = spend > 0
        if not keep.any():
            continue
        parts.append(
            pd.DataFrame(
                {
                    "fund": f,
                    "line": lines[order[keep]],
                    "item": line_item[order[keep]],
                    "units": spend[keep] / price[order[keep], j],
                    "cost": spend[keep],
                    "currency": currency[j],
                    "limit": "capacity" if budget > cost.sum() + 1e-6 else "budget",
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]
