"""What the pages show, read from the query functions and stored runs, filtered by the
access policy (never by rules of their own)."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr
from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from materiel.access import Hidden, Principal, Refused, policy
from materiel.db import read_session
from materiel.queries import (
    alliance_stock_totals,
    fund_position,
    needs_by_priority,
    needs_table,
    orders_table,
    pledges_table,
    stock_position,
)
from materiel.records import (
    ForecastRun,
    Item,
    Job,
    Meeting,
    Nation,
    Need,
    PlanRun,
    Pledge,
    Scenario,
)
from materiel.services import newest_event


def span(values: Any) -> str:
    """ "2026-01-05 to 2026-11-02" (or one date, or "no dates")."""
    s = pd.to_datetime(pd.Series(list(values)), errors="coerce").dropna()
    if s.empty:
        return "no dates"
    lo, hi = s.min().date().isoformat(), s.max().date().isoformat()
    return lo if lo == hi else f"{lo} to {hi}"


def data_version(engine: Engine) -> int:
    """Changes with every audited write (the seq of the newest audit event)."""
    with read_session(engine) as s:
        head = newest_event(s)
    return head[0] if head else 0


def is_synthetic(session: Session) -> bool:
    like = "%synthetic%"
    hit = session.scalar(
        select(Pledge.id)
        .where(or_(Pledge.source_document.ilike(like), Pledge.source_quote.ilike(like)))
        .limit(1)
    ) or session.scalar(select(Need.id).where(Need.source.ilike(like)).limit(1))
    return hit is not None


# -- snapshot and projection, cached per data version ---------------------------------------
class _Cache:
    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._d: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any, make: Any) -> Any:
        with self.lock:
            if key in self._d:
                self._d.move_to_end(key)
                return self._d[key]
            value = make()
            self._d[key] = value
            while len(self._d) > self.size:
                self._d.popitem(last=False)
            return value


_SNAPSHOTS = _Cache(4)
SVG_CACHE = _Cache(256)


@dataclass(frozen=True)
class Projected:
    snapshot: xr.Dataset
    projection: xr.Dataset


def projected(engine: Engine, as_of: dt.date, horizon: int = 26) -> Projected:
    """The snapshot of ``as_of`` and its status-quo projection (materiel.forecast)."""
    key = (str(engine.url), id(engine), as_of, horizon, data_version(engine))

    def make() -> Projected:
        from materiel.forecast.projection import project
        from materiel.snapshot import build_snapshot

        snap = build_snapshot(engine, as_of, horizon)
        return Projected(snap, project(snap))

    result: Projected = _SNAPSHOTS.get(key, make)
    return result


# -- overview ----------
def visible_pledge_ids(session: Session, p: Principal) -> set[int]:
    return set(session.scalars(policy.row_filter(p, "pledge", select(Pledge.id))))


def overview(engine: Engine, p: Principal, as_of: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {"as_of": as_of}
    with read_session(engine) as s:
        byp = needs_by_priority(s)
        needs = needs_table(s)
        out["needs"] = byp.to_dict("records")
        out["needs_source"] = (
            f"{len(needs)} need records stated {span(needs['stated_on'])}; coverage by "
            f"pledges not cancelled, as of {as_of.isoformat()}"
        )
        pl = pledges_table(s, as_of=as_of)
        pl = pl.loc[pl["id"].isin(visible_pledge_ids(s, p))]
        live = pl.loc[pl["status"] != "cancelled"]
        delivered_value = float((live["value"] * live["delivered"] / live["quantity"]).sum())
        out["pledges"] = {
            "count": len(pl),
            "live": len(live),
            "late": int(pl["late"].sum()) if len(pl) else 0,
            "pledged_value": float(live["value"].sum()),
            "delivered_value": delivered_value,
            "share": delivered_value / float(live["value"].sum()) if len(live) else 0.0,
            "currency": str(pl["currency"].iloc[0]) if len(pl) else "EUR",
            "rate_date": str(pl["rate_date"].dropna().iloc[0]) if len(pl) else "",
            "source": (
                f"{len(pl)} pledge records you may see, announced {span(pl['announced_on'])}, "
                f"with their deliveries up to {as_of.isoformat()}"
            ),
        }
        funds = fund_position(s, as_of=as_of)
        out["funds"] = funds.to_dict("records")
        out["stocks"] = stock_figures(s, p, as_of)
        out["plan"] = last_plan(s) if p.is_staff else None
        out["synthetic"] = is_synthetic(s)
    return out


def stock_figures(session: Session, p: Principal, as_of: dt.date) -> dict[str, Any] | None:
    """Donors below target: staff see which nations; a nation-bound role sees its own items
    below target and alliance totals; analysts see nothing (policy.require_totals)."""
    try:
        policy.require_totals(p)
    except Refused:
        return None
    totals = alliance_stock_totals(session, as_of=as_of)
    items_below = int((totals["cover"].astype("Float64") < 1).fillna(False).sum())
    out: dict[str, Any] = {
        "alliance_items": len(totals),
        "alliance_items_below": items_below,
        "source": (
            f"stock reports dated {span(pd.concat([totals['reports_from'], totals['reports_to']]))}"
            f"; targets in force on {as_of.isoformat()}"
        ),
    }
    if p.is_staff:
        pos = stock_position(session, as_of=as_of)
        donors = set(session.scalars(select(Nation.code).where(Nation.is_donor.is_(True))))
        below = pos.loc[pos["below_target"] & pos["nation_code"].isin(donors)]
        out["donors_below"] = sorted(below["nation_code"].unique().tolist())
        out["donors_total"] = int(pos.loc[pos["nation_code"].isin(donors), "nation_code"].nunique())
    elif p.nation:
        own = stock_position(session, as_of=as_of, nation=p.nation)
        out["own_below"] = int(own["below_target"].sum())
        out["own_items"] = len(own)
    return out


def last_plan(session: Session, run_id: int | None = None) -> dict[str, Any] | None:
    stmt = select(PlanRun)
    stmt = stmt.where(PlanRun.id == run_id) if run_id else stmt.order_by(PlanRun.id.desc())
    run = session.scalars(stmt.limit(1)).first()
    if run is None:
        return None
    res = dict(run.results or {})
    tables = res.get("tables", {})
    unmet = pd.DataFrame(tables.get("unmet", []))
    total = float(unmet["unmet"].sum()) if len(unmet) else 0.0
    demand = float(unmet["demand"].sum()) if len(unmet) else 0.0
    critical = float(unmet.loc[unmet["weight"] >= 100, "unmet"].sum()) if len(unmet) else 0.0
    return {
        "id": run.id,
        "as_of": run.as_of,
        "created_at": run.created_at if hasattr(run, "created_at") else None,
        "scenario": run.scenario,
        "horizon_weeks": run.horizon_weeks,
        "status": run.status,
        "objective": run.objective,
        "build_seconds": run.build_seconds,
        "solve_seconds": run.solve_seconds,
        "snapshot_hash": run.snapshot_hash,
        "unmet": total,
        "demand": demand,
        "unmet_critical": critical,
        "synthetic": bool(res.get("synthetic")),
        "results": res,
    }


# -- needs and pledges ----------
NEED_SORTS = {
    "priority": (["_rank", "needed_by"], [True, True]),
    "needed_by": (["needed_by", "_rank"], [True, True]),
    "coverage": (["coverage", "_rank"], [True, True]),
    "open_quantity": (["open_quantity"], [False]),
    "recipient": (["recipient_code", "_rank"], [True, True]),
}


def needs_view(
    session: Session,
    *,
    recipient: str | None,
    priority: str | None,
    status: str | None,
    item: str | None,
    sort: str,
) -> pd.DataFrame:
    df = needs_table(session, recipient=recipient, priority=priority, status=status, item=item)
    if df.empty:
        return df
    df["_rank"] = df["priority"].map({"critical": 0, "high": 1, "routine": 2})
    cols, asc = NEED_SORTS.get(sort, NEED_SORTS["priority"])
    return df.sort_values([*cols, "id"], ascending=[*asc, True], kind="stable")


def pledges_view(
    session: Session,
    p: Principal,
    *,
    as_of: dt.date,
    donor: str | None,
    status: str | None,
    late: bool | None,
    item: str | None,
) -> pd.DataFrame:
    df = pledges_table(session, as_of=as_of, donor=donor, status=status, late=late, item=item)
    df = df.loc[df["id"].isin(visible_pledge_ids(session, p))]
    return df.sort_values(["late", "days_late", "announced_on"], ascending=[False, False, False])


def choices(session: Session) -> dict[str, Any]:
    return {
        "items": session.execute(select(Item.code, Item.name).order_by(Item.code)).all(),
        "nations": session.execute(select(Nation.code, Nation.name).order_by(Nation.code)).all(),
        "recipients": list(
            session.scalars(
                select(Nation.code).where(Nation.is_recipient.is_(True)).order_by(Nation.code)
            )
        ),
        "donors": list(
            session.scalars(
                select(Nation.code).where(Nation.is_donor.is_(True)).order_by(Nation.code)
            )
        ),
        "scenarios": list(session.scalars(select(Scenario.name).order_by(Scenario.name))),
    }


# -- stockpiles ----------
def cell_frame(proj: xr.Dataset, holders: list[str], items: list[str]) -> pd.DataFrame:
    """Per item (index), for each holder a css class and a text (``cls_<h>``, ``text_<h>``):
    weeks of supply above target = (stock − target) / weekly use, computed on whole arrays."""
    have = [i for i in items if i in set(str(x) for x in proj["item"].values)]
    if not holders or not have:
        return pd.DataFrame(index=pd.Index([], name="item"))
    sub = proj[["stock_now", "target_now", "weekly_use"]].sel(holder=holders, item=have)
    stock = sub["stock_now"].transpose("item", "holder").values.astype(float)
    target = sub["target_now"].transpose("item", "holder").values.astype(float)
    use = sub["weekly_use"].transpose("item", "holder").values.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        cover = np.where(target > 0, stock / target, np.nan)
        above = np.where(use > 0, (stock - target) / use, np.inf)
    empty = (stock == 0) & (target == 0)
    below = cover < 1
    cls = np.select(
        [empty, below, np.isinf(above), above < 4, above < 12],
        ["b-none", "b-below", "b-ok", "b-low", "b-mid"],
        "b-ok",
    )
    weeks = np.char.add(
        np.round(np.where(np.isfinite(above), above, 0)).astype(int).astype(str), " wk"
    )
    pct = np.char.add(
        np.char.add("below (", np.floor(np.nan_to_num(cover) * 100).astype(int).astype(str)), "%)"
    )
    text = np.where(
        empty, "–", np.where(below, pct, np.where(np.isinf(above), "no outflow", weeks))
    )
    out = pd.DataFrame(index=pd.Index(have, name="item"))
    for j, h in enumerate(holders):
        out[f"cls_{h}"] = cls[:, j]
        out[f"text_{h}"] = text[:, j]
    return out


def may_see_nation(p: Principal, nation: str) -> bool:
    try:
        policy.check_read(p, "stock_report", SimpleNamespace(nation_code=nation))
    except (Hidden, Refused):
        return False
    return True


def heatmap(engine: Engine, p: Principal, as_of: dt.date) -> dict[str, Any]:
    """Items × holders: weeks of supply above target from the projection, for the holders
    the caller may see in detail, and the alliance total cover for every item."""
    policy.require_totals(p)
    proj = projected(engine, as_of).projection
    holders = [str(h) for h in proj["holder"].values]
    visible = [h for h in holders if may_see_nation(p, h)]
    with read_session(engine) as s:
        totals = alliance_stock_totals(s, as_of=as_of)
        pos = stock_position(s, as_of=as_of)
    pos = pos.loc[pos["nation_code"].isin(visible)]
    items = sorted(
        set(totals.loc[totals["target"] > 0, "item_code"])
        | set(pos.loc[pos["target"].notna(), "item_code"])
    )
    cols = [h for h in visible if h in set(pos["nation_code"])]
    cells = cell_frame(proj, cols, items).to_dict("index")
    tot = totals.set_index("item_code")
    rows = []
    for item in items:
        alliance = ("b-none", "–")
        if item in tot.index and pd.notna(tot.loc[item, "cover"]):
            c = float(tot.loc[item, "cover"])
            cls = "b-below" if c < 1 else ("b-low" if c < 1.1 else "b-ok")
            shown = f"{c:.1%}" if 0.995 <= c < 1 else f"{c:.0%}"  # never "100%" when below
            alliance = (cls, f"{shown} of target")
        row = cells.get(item)
        rows.append(
            {
                "item": item,
                "cells": [
                    (row[f"cls_{h}"], row[f"text_{h}"], h)
                    if row is not None
                    else ("b-none", "–", h)
                    for h in cols
                ],
                "alliance": alliance,
            }
        )
    return {
        "columns": cols,
        "rows": rows,
        "synthetic": bool(proj.attrs.get("synthetic")),
        "snapshot_hash": str(proj.attrs.get("snapshot_hash", ""))[:10],
        "reports": span(pos["as_of"].dropna()) if len(pos) else "no reports",
        "alliance_reports": span(pd.concat([totals["reports_from"], totals["reports_to"]]))
        if len(totals)
        else "no reports",
    }


def holder_table(engine: Engine, holder: str, as_of: dt.date) -> tuple[pd.DataFrame, xr.Dataset]:
    """One row per item the holder has stock, a target or outflow of (worst first)."""
    from materiel.forecast.projection import ranking

    proj = projected(engine, as_of).projection
    if holder not in set(str(h) for h in proj["holder"].values):
        return pd.DataFrame(), proj
    r = ranking(proj)
    r = r.loc[r["holder"] == holder]
    return r.reset_index(drop=True), proj


# -- procurement ----------
def utilisation(engine: Engine, as_of: dt.date) -> pd.DataFrame:
    """Per line and month: capacity taken by orders already placed, from the snapshot's
    ``cap_full`` (with ramp) and ``cap`` (left after orders)."""
    snap = projected(engine, as_of).snapshot
    if not snap.sizes.get("line", 0):
        return pd.DataFrame(columns=["line", "item", "month", "capacity", "ordered", "share"])
    full = snap["cap_full"].transpose("line", "week").values.astype(float)
    left = snap["cap"].transpose("line", "week").values.astype(float)
    used = np.clip(full - left, 0, None)
    weeks = (
        pd.to_datetime(snap["week_start"].values)
        if "week_start" in snap
        else pd.date_range(as_of, periods=full.shape[1], freq="7D")
    )
    months = weeks.strftime("%Y-%m")
    lines = [str(x) for x in snap["line"].values]
    items = [str(x) for x in snap["line_item"].values] if "line_item" in snap else [""] * len(lines)
    frame = pd.DataFrame(
        {
            "line": np.repeat(lines, full.shape[1]),
            "item": np.repeat(items, full.shape[1]),
            "month": np.tile(months, len(lines)),
            "capacity": full.ravel(),
            "ordered": used.ravel(),
        }
    )
    g = frame.groupby(["line", "item", "month"], as_index=False)[["capacity", "ordered"]].sum()
    g["share"] = np.where(
        g["capacity"] > 0, g["ordered"] / g["capacity"].where(g["capacity"] > 0, 1), np.nan
    )
    return g


def orders_view(session: Session, as_of: dt.date) -> pd.DataFrame:
    return orders_table(session, as_of=as_of)


# -- runs, jobs, meetings ------------------------------------------------------------------------
def jobs_of(session: Session, p: Principal, kind: str, limit: int = 8) -> list[Job]:
    stmt = policy.row_filter(p, "job", select(Job)).where(Job.kind == kind)
    return list(session.scalars(stmt.order_by(Job.id.desc()).limit(limit)))


def forecast_runs(session: Session) -> list[ForecastRun]:
    """The latest forecast run per scenario (Monte Carlo preferred), newest first."""
    runs = list(session.scalars(select(ForecastRun).order_by(ForecastRun.id.desc()).limit(50)))
    seen: dict[str, ForecastRun] = {}
    for r in runs:
        if r.scenario not in seen and r.kind == "montecarlo":
            seen[r.scenario] = r
    for r in runs:
        seen.setdefault(r.scenario, r)
    return sorted(seen.values(), key=lambda r: -r.id)


def meetings(session: Session) -> list[Meeting]:
    return list(session.scalars(select(Meeting).order_by(Meeting.held_on.desc())))
