"""What the pages show: each a call of the read side (:mod:`materiel.queries`) with the
signed-in user as viewer, arranged for a template. Nothing here filters by the access
policy: the queries do."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from materiel import queries
from materiel.access import Principal, Refused
from materiel.db import read_session


def span(values: Any) -> str:
    """ "2026-01-05 to 2026-11-02" (or one date, or "no dates")."""
    s = pd.to_datetime(pd.Series(list(values)), errors="coerce").dropna()
    if s.empty:
        return "no dates"
    lo, hi = s.min().date().isoformat(), s.max().date().isoformat()
    return lo if lo == hi else f"{lo} to {hi}"


# -- overview ----------
def overview(session: Session, p: Principal, as_of: dt.date) -> dict[str, Any]:
    """The key figures (:func:`materiel.queries.key_figures`) with their sources."""
    f = queries.key_figures(session, p, as_of=as_of)
    needs, pledges = f["needs"], f["pledges"]
    f["needs_source"] = (
        f"{needs['total']} need records stated {needs['stated']}; coverage by the pledges "
        f"you may see (pledged, and there by each need's date), as of {f['as_of']}"
    )
    pledges["source"] = (
        f"{pledges['total']} pledge records you may see, announced {pledges['announced']}, "
        f"with their deliveries up to {f['as_of']}"
    )
    return f


# -- needs and pledges ----------
NEED_SORTS = {
    "priority": (["_rank", "needed_by"], [True, True]),
    "needed_by": (["needed_by", "_rank"], [True, True]),
    "coverage": (["coverage_due", "_rank"], [True, True]),
    "overdue": (["days_overdue", "_rank"], [False, True]),
    "open_quantity": (["short_by_date"], [False]),
    "recipient": (["recipient_code", "_rank"], [True, True]),
}


def needs_view(
    session: Session,
    p: Principal,
    *,
    recipient: str | None,
    priority: str | None,
    status: str | None,
    item: str | None,
    sort: str,
    as_of: dt.date,
) -> pd.DataFrame:
    df = queries.needs_table(
        session, p, recipient=recipient, priority=priority, status=status, item=item, as_of=as_of
    )
    if df.empty:
        return df
    df["_rank"] = df["priority"].map({v: n for n, v in enumerate(queries.PRIORITIES)})
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
    df = queries.pledges_table(
        session, p, as_of=as_of, donor=donor, status=status, late=late, item=item
    )
    return df.sort_values(["late", "days_late", "announced_on"], ascending=[False, False, False])


# -- stockpiles ----------
def cell_class(state: pd.Series, weeks: pd.Series) -> np.ndarray:
    """The heatmap colour of an outlook row: below target, under 4 weeks to target, 4–12,
    12 or more (or no crossing), no target."""
    w = weeks.astype(float).to_numpy()
    return np.select(
        [
            (state == "below target").to_numpy(),
            state.isin(["no target", "no report"]).to_numpy(),
            np.nan_to_num(w, nan=np.inf) < 4,
            np.nan_to_num(w, nan=np.inf) < 12,
        ],
        ["b-below", "b-none", "b-low", "b-mid"],
        "b-ok",
    )


def heatmap(engine: Engine, p: Principal, as_of: dt.date) -> dict[str, Any]:
    """Items × holders the viewer may see in detail: the outlook's label (weeks to target,
    "below target", ...), and per alliance the total's cover of its aggregate target
    (suppressed rows say so)."""
    with read_session(engine) as s:
        outlook = queries.stock_outlook(s, p, as_of=as_of)
        totals = queries.alliance_totals(s, p, as_of=as_of)
        pos = queries.stock_position(s, p, as_of=as_of)
    donors = outlook.loc[outlook["kind"] == "donor"].copy()
    donors["cls"] = cell_class(donors["state"], donors["weeks_to_target"])
    cols = sorted(set(donors["holder"]))
    withheld = {(str(a), str(i)) for a, i in totals.attrs.get("withheld", [])}
    alliances = sorted(
        set(totals["alliance"]) | {a for a, _ in withheld}, key=lambda a: (a == "none", a)
    )
    items = sorted(
        set(totals.loc[totals["target"] > 0, "item_code"])
        | set(donors.loc[donors["state"] != "no target", "item"])
        | {i for _, i in withheld}
    )
    cells = {(r["item"], r["holder"]): (r["cls"], r["label"]) for r in queries.rows(donors)}
    tot = {(r["item_code"], r["alliance"]): r for r in queries.rows(totals)}
    rows = []
    for item in items:
        cover = []
        for a in alliances:
            r = tot.get((item, a))
            if (a, item) in withheld:
                cover.append(("b-none withheld", "–", a))
                continue
            if r is None or r["cover"] is None:
                cover.append(("b-none", "–", a))
                continue
            c = float(r["cover"])
            cls = "b-below" if c < 1 else ("b-low" if c < 1.1 else "b-ok")
            shown = f"{c:.1%}" if 0.995 <= c < 1 else f"{c:.0%}"  # never "100%" when below
            cover.append((cls, f"{shown} ({r['nations']})", a))
        rows.append(
            {
                "item": item,
                "alliance": cover,
                "cells": [(*cells.get((item, h), ("b-none", "–")), h) for h in cols],
            }
        )
    return {
        "columns": cols,
        "alliances": alliances,
        "rows": rows,
        "suppressed": int(totals.attrs.get("suppressed", 0)),
        "synthetic": bool(outlook.attrs.get("synthetic")) or queries.synthetic_of(totals),
        "snapshot_hash": str(outlook.attrs.get("snapshot_hash", ""))[:10],
        "horizon": int(outlook.attrs.get("horizon", 0)),
        "reports": span(pos["as_of"].dropna()) if len(pos) else "no reports",
        "alliance_reports": span(pd.concat([totals["reports_from"], totals["reports_to"]]))
        if len(totals)
        else "no reports",
    }


def holder_table(
    engine: Engine, p: Principal, holder: str, as_of: dt.date
) -> tuple[pd.DataFrame, Any]:
    """The outlook rows of one holder (most urgent first) and the projection they come
    from (for the charts)."""
    with read_session(engine) as s:
        table = queries.stock_outlook(s, p, as_of=as_of, holder=holder)
        proj = queries.projected(s, as_of).projection
    return table, proj


# -- procurement ----------
def utilisation_grid(engine: Engine, p: Principal, as_of: dt.date) -> dict[str, Any]:
    """Lines × months of :func:`materiel.queries.line_utilisation` (through the last
    order's deliveries): per cell (share, ordered, capacity); months as ``key``
    (2026-12) and ``label`` (Dec 2026)."""
    with read_session(engine) as s:
        util = queries.line_utilisation(s, p, as_of=as_of)
    keys = sorted(util["month"].unique().tolist()) if len(util) else []
    months = [{"key": k, "label": dt.date.fromisoformat(f"{k}-01").strftime("%b %Y")} for k in keys]
    grid = []
    for (line, item), g in util.groupby(["line", "item"], sort=True):
        by = dict(
            zip(g["month"], zip(g["share"], g["ordered"], g["capacity"], strict=True), strict=True)
        )
        grid.append({"line": line, "item": item, "cells": [by.get(m) for m in keys]})
    return {
        "months": months,
        "grid": grid,
        "last": months[-1]["label"] if months else str(as_of),
        "weeks": int(util.attrs.get("weeks", 0)),
    }


# -- runs ----------
def plan_view(session: Session, p: Principal, run_id: int | None) -> dict[str, Any] | None:
    """The chosen plan run, else THE latest plan (queries.latest_plan)."""
    if run_id is not None:
        return queries.plan_run(session, p, run_id)
    return queries.latest_plan(session, p)


def may(check: Any, *args: Any) -> bool:
    try:
        check(*args)
    except Refused:
        return False
    return True
