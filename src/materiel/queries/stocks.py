"""Stocks against stockpile targets: the latest report on or before a date per holder and
item, the target in force on that date, and alliance totals that reveal no single nation."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.queries._common import nullable, prefix_mask, resolve, shared
from materiel.queries.lean import stale_after_days
from materiel.records import AllianceMember, Nation, StockReport, StockTarget

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
    "report_id",
    "target_id",
    "age_days",
    "stale",
    "synthetic",
]
NO_ALLIANCE = "none"


def _positions(
    session: Session,
    as_of: dt.date,
    *,
    viewer: Principal | None = None,
    nation: str | None = None,
    item: str | None = None,
) -> pd.DataFrame:
    """Latest report and target in force per holder and item; rows restricted to what
    ``viewer`` may see in detail (None: every nation, for totals computed here)."""
    rstmt = select(
        StockReport.nation_code,
        StockReport.item_code,
        StockReport.quantity,
        StockReport.as_of,
        StockReport.source,
        StockReport.id.label("report_id"),
        StockReport.synthetic.label("report_synthetic"),
    ).where(StockReport.as_of <= as_of)
    tstmt = select(
        StockTarget.nation_code,
        StockTarget.item_code,
        StockTarget.minimum.label("target"),
        StockTarget.effective_from.label("target_from"),
        StockTarget.source.label("target_source"),
        StockTarget.id.label("target_id"),
        StockTarget.synthetic.label("target_synthetic"),
    ).where(StockTarget.effective_from <= as_of)
    if viewer is not None:
        rstmt = policy.row_filter(viewer, "stock_report", rstmt)
        tstmt = policy.row_filter(viewer, "stock_target", tstmt)
    if nation:
        rstmt = rstmt.where(StockReport.nation_code == nation)
        tstmt = tstmt.where(StockTarget.nation_code == nation)
    key = ["nation_code", "item_code"]
    reports = pd.DataFrame(
        session.execute(rstmt).mappings().all(), columns=list(rstmt.selected_columns.keys())
    )
    targets = pd.DataFrame(
        session.execute(tstmt).mappings().all(), columns=list(tstmt.selected_columns.keys())
    )
    latest = reports.sort_values([*key, "as_of", "report_id"]).drop_duplicates(key, keep="last")
    in_force = targets.sort_values([*key, "target_from", "target_id"]).drop_duplicates(
        key, keep="last"
    )
    df = latest.merge(in_force, on=key, how="outer")
    if df.empty:
        return pd.DataFrame(columns=STOCK_COLUMNS)
    df = df.loc[prefix_mask(df["item_code"].astype(str), item)].copy()
    qty = df["quantity"].astype("Float64")
    tgt = df["target"].astype("Float64")
    df["quantity"] = df["quantity"].astype("Int64")
    df["target"] = df["target"].astype("Int64")
    df["report_id"] = df["report_id"].astype("Int64")
    df["target_id"] = df["target_id"].astype("Int64")
    df["gap"] = (tgt - qty).astype("Float64")
    df["cover"] = (qty / tgt.where(tgt > 0)).astype("Float64")
    df["below_target"] = (qty < tgt).fillna(False).astype(bool)
    df["synthetic"] = (
        df["report_synthetic"].astype("boolean").fillna(False)
        | df["target_synthetic"].astype("boolean").fillna(False)
    ).astype(bool)
    age = (pd.Timestamp(as_of) - pd.to_datetime(df["as_of"])).dt.days
    df["age_days"] = age.astype("Int64")
    df["stale"] = (age > stale_after_days()).fillna(False).astype(bool)
    nullable(df, "as_of", "target_from", "source", "target_source")
    return df.sort_values(key)[STOCK_COLUMNS].reset_index(drop=True)


@shared
def stock_position(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    nation: str | None = None,
    item: str | None = None,
    below_target: bool | None = None,
) -> pd.DataFrame:
    """One row per holder and item the viewer may see in detail (staff: every nation; a
    donor or recipient: its own; analysts: refused) with a stock report or a target in
    force at ``as_of`` (default today).

    ``quantity`` and ``as_of`` come from the latest report dated on or before ``as_of``
    (missing when there is none); ``target`` is the minimum of the target with the latest
    ``effective_from`` on or before ``as_of`` (missing when none is in force).
    ``gap`` = target − quantity (positive when short), ``cover`` = quantity / target,
    ``below_target`` is True only when both are known and the stock is under the target.
    ``report_id`` / ``target_id`` name the records (for footnotes); ``age_days`` is the
    report's age on ``as_of`` and ``stale`` says it is older than
    :func:`stale_after_days` (default 14).
    """
    policy.require_list(viewer, "stock_report")
    df = _positions(session, resolve(as_of), viewer=viewer, nation=nation, item=item)
    if below_target is not None:
        df = df.loc[df["below_target"] == below_target]
    return df.reset_index(drop=True)


def memberships(session: Session) -> pd.DataFrame:
    """Alliance membership rows (``alliance``, ``nation_code``); nations in no alliance
    appear once under :data:`NO_ALLIANCE`."""
    members = pd.DataFrame(
        session.execute(select(AllianceMember.alliance, AllianceMember.nation_code)).all(),
        columns=["alliance", "nation_code"],
    )
    nations = pd.Series(list(session.scalars(select(Nation.code))), dtype=object)
    alone = nations.loc[~nations.isin(members["nation_code"])]
    return pd.concat(
        [members, pd.DataFrame({"alliance": NO_ALLIANCE, "nation_code": alone})],
        ignore_index=True,
    )


TOTAL_COLUMNS = [
    "alliance",
    "item_code",
    "nations",
    "quantity",
    "target",
    "cover",
    "below_target",
    "nations_below_target",
    "reports_from",
    "reports_to",
    "synthetic",
]


@shared
def alliance_totals(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    item: str | None = None,
    alliance: str | None = None,
) -> pd.DataFrame:
    """Per alliance and item, over the member nations that reported a stock of the item on
    or before ``as_of``: ``nations`` (how many), ``quantity`` (Σ their latest stock),
    ``target`` (Σ their targets in force), ``cover`` = quantity / target and
    ``below_target``. Membership comes from the alliance_member records; nations in no
    alliance form the group ``none``. Every role but analysts may read them.

    For a viewer who is not staff a row is shown only when its nations, the viewer's own
    left out, are at least :data:`materiel.access.policy.MIN_OTHER_NATIONS`; other rows are
    suppressed (left out), and ``nations_below_target`` (which could single out nations)
    is given to staff only. ``attrs["suppressed"]`` counts the rows left out and
    ``attrs["withheld"]`` names them (alliance, item): that a total exists is no secret.
    """
    policy.require_totals(viewer)
    day = resolve(as_of)
    pos = _positions(session, day, item=item)
    pos = pos.loc[pos["quantity"].notna()]
    groups = memberships(session)
    if alliance:
        groups = groups.loc[groups["alliance"] == alliance]
    df = pos.merge(groups, on="nation_code")
    if df.empty:
        empty = pd.DataFrame(columns=TOTAL_COLUMNS)
        empty.attrs.update(suppressed=0, withheld=[])
        return empty
    df = df.assign(
        qty=df["quantity"].astype("Float64"),
        tgt=df["target"].astype("Float64").fillna(0),
        day=pd.to_datetime(df["as_of"]),
        own=df["nation_code"] == (viewer.nation or ""),
    )
    g = df.groupby(["alliance", "item_code"])
    out = pd.DataFrame(
        {
            "nations": g.size().astype("int64"),
            "others": (g.size() - g["own"].sum()).astype("int64"),
            "quantity": g["qty"].sum().astype("int64"),
            "target": g["tgt"].sum().astype("int64"),
            "nations_below_target": g["below_target"].sum().astype("Int64"),
            "reports_from": g["day"].min().dt.date,
            "reports_to": g["day"].max().dt.date,
            "synthetic": g["synthetic"].any(),
        }
    ).reset_index()
    out["cover"] = (out["quantity"] / out["target"].where(out["target"] > 0)).astype("Float64")
    out["below_target"] = (out["cover"] < 1).fillna(False).astype(bool)
    shown = out["others"] >= policy.min_other_nations(viewer)
    withheld = list(zip(out.loc[~shown, "alliance"], out.loc[~shown, "item_code"], strict=True))
    out = out.loc[shown].copy()
    if not viewer.is_staff:
        out["nations_below_target"] = pd.NA
    nullable(out, "reports_from", "reports_to", "nations_below_target")
    out = out.sort_values(["item_code", "alliance"])[TOTAL_COLUMNS].reset_index(drop=True)
    out.attrs.update(suppressed=len(withheld), withheld=withheld)
    return out
