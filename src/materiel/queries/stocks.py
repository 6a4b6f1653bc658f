"""Stocks against stockpile targets: the latest report on or before a date per holder and
item, and the target in force on that date."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.queries._common import prefix_mask, today
from materiel.records import StockReport, StockTarget

STOCK_COLUMNS = [
    "nation_code",
    "item_code",
    "quantity",
    "as_of",
    "target",
    "target_from",
    "gap",
    "cover",
    "below_target",
    "source",
    "target_source",
]


def stock_position(
    session: Session,
    *,
    as_of: dt.date | None = None,
    nation: str | None = None,
    item: str | None = None,
    below_target: bool | None = None,
) -> pd.DataFrame:
    """One row per holder and item with a stock report or a target in force at ``as_of``.

    ``quantity`` and ``as_of`` come from the latest report dated on or before ``as_of``
    (missing when there is none); ``target`` is the minimum of the target with the latest
    ``effective_from`` on or before ``as_of`` (missing when none is in force).
    ``gap`` = target − quantity (positive when short), ``cover`` = quantity / target,
    ``below_target`` is True only when both are known and the stock is under the target.
    """
    as_of = as_of or today()
    rstmt = select(
        StockReport.nation_code,
        StockReport.item_code,
        StockReport.quantity,
        StockReport.as_of,
        StockReport.source,
    ).where(StockReport.as_of <= as_of)
    tstmt = select(
        StockTarget.nation_code,
        StockTarget.item_code,
        StockTarget.minimum.label("target"),
        StockTarget.effective_from.label("target_from"),
        StockTarget.source.label("target_source"),
    ).where(StockTarget.effective_from <= as_of)
    if nation:
        rstmt = rstmt.where(StockReport.nation_code == nation)
        tstmt = tstmt.where(StockTarget.nation_code == nation)
    key = ["nation_code", "item_code"]
    reports = pd.DataFrame(
        session.execute(rstmt).all(),
        columns=["nation_code", "item_code", "quantity", "as_of", "source"],
    )
    targets = pd.DataFrame(
        session.execute(tstmt).all(),
        columns=["nation_code", "item_code", "target", "target_from", "target_source"],
    )
    latest = reports.sort_values([*key, "as_of"]).drop_duplicates(key, keep="last")
    in_force = targets.sort_values([*key, "target_from"]).drop_duplicates(key, keep="last")
    df = latest.merge(in_force, on=key, how="outer")
    if df.empty:
        return pd.DataFrame(columns=STOCK_COLUMNS)
    df = df.loc[prefix_mask(df["item_code"].astype(str), item)].copy()
    qty = df["quantity"].astype("Float64")
    tgt = df["target"].astype("Float64")
    df["quantity"] = df["quantity"].astype("Int64")
    df["target"] = df["target"].astype("Int64")
    df["gap"] = (tgt - qty).astype("Float64")
    df["cover"] = (qty / tgt.where(tgt > 0)).astype("Float64")
    df["below_target"] = (qty < tgt).fillna(False).astype(bool)
    if below_target is not None:
        df = df.loc[df["below_target"] == below_target]
    for col in ("as_of", "target_from", "source", "target_source"):
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    df = df.sort_values(key)
    return df[STOCK_COLUMNS].reset_index(drop=True)


TOTAL_COLUMNS = [
    "item_code",
    "holders",
    "quantity",
    "target",
    "cover",
    "holders_below_target",
    "holders_unreported",
    "reports_from",
    "reports_to",
]


def alliance_stock_totals(
    session: Session,
    *,
    as_of: dt.date | None = None,
    item: str | None = None,
    holders: list[str] | None = None,
) -> pd.DataFrame:
    """Totals per item over holders (all, or the ``holders`` given): Σ latest stock, Σ target
    in force, cover and how many holders are below target — the view of other nations'
    stocks a donor may see (no per-nation detail). ``target`` sums the targets of holders
    that reported; holders with a target but no report are counted in
    ``holders_unreported``; ``reports_from``/``reports_to`` span the report dates."""
    df = stock_position(session, as_of=as_of, item=item)
    if holders is not None:
        df = df.loc[df["nation_code"].isin(holders)]
    if df.empty:
        return pd.DataFrame(columns=TOTAL_COLUMNS)
    reported = df["quantity"].notna()
    df = df.assign(
        qty=df["quantity"].astype("Float64").fillna(0),
        tgt=df["target"].astype("Float64").where(reported, 0).fillna(0),
        day=pd.to_datetime(df["as_of"]),
        reported=reported,
        unreported=~reported,
    )
    g = df.groupby("item_code")
    out = pd.DataFrame(
        {
            "holders": g["reported"].sum().astype("int64"),
            "holders_unreported": g["unreported"].sum().astype("int64"),
            "quantity": g["qty"].sum().astype("int64"),
            "target": g["tgt"].sum().astype("int64"),
            "holders_below_target": g["below_target"].sum().astype("int64"),
            "reports_from": g["day"].min().dt.date,
            "reports_to": g["day"].max().dt.date,
        }
    ).reset_index()
    out["cover"] = (out["quantity"] / out["target"].where(out["target"] > 0)).astype("Float64")
    for col in ("reports_from", "reports_to"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out[TOTAL_COLUMNS]
