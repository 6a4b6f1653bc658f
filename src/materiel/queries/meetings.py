"""The figures of the meeting page (docs/figures.md, "Preparing a meeting"): the next
meeting, the stocks crossing their target soonest, the headline figures and what changed
since the previous meeting (the brief's comparison, one definition), and how full the
production lines are."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.queries._common import REPORT_CURRENCY, resolve
from materiel.queries.figures import headline_figures
from materiel.queries.funds import line_utilisation
from materiel.queries.outlook import stock_outlook
from materiel.queries.runs import latest_plan
from materiel.queries.stocks import stock_position
from materiel.records import Meeting

#: The headline figures compared between meetings: key, label, unit, higher is better.
HEADLINE_ROWS: tuple[tuple[str, str, str, bool], ...] = (
    ("open_critical", "Critical needs not covered by their date", "needs", False),
    ("open_high", "High-priority needs not covered by their date", "needs", False),
    ("short_value", "Critical and high need short by its date (value)", "EUR", False),
    ("pledged_value", "Pledged to date (value)", "EUR", True),
    ("delivered_value", "Delivered to date (value)", "EUR", True),
    ("late_pledges", "Late pledges", "pledges", False),
    ("stocks_below_target", "Stocks below target", "series", False),
    ("fund_remaining", "Collective and national funds remaining", "EUR", True),
    ("plan_critical_met", "Critical need met by the latest plan (by value)", "%", True),
)
#: outlook states of a stock that falls below its target (now or later)
CROSSING = ("below target", "crosses", "beyond horizon")
#: a line is full in a month when its orders take at least this share of its capacity
FULL_SHARE = 0.95


def next_meeting(
    session: Session, viewer: Principal, *, as_of: dt.date | None = None
) -> Meeting | None:
    """The next meeting: the earliest held on or after ``as_of`` (default today; same day:
    the lower id), or None when none is scheduled."""
    policy.require_list(viewer, "meeting")
    stmt = (
        select(Meeting)
        .where(Meeting.held_on >= resolve(as_of))
        .order_by(Meeting.held_on, Meeting.id)
        .limit(1)
    )
    return session.scalars(stmt).first()


def headline_values(
    figures: dict[str, Any], plan_critical_met: float | None
) -> dict[str, float | None]:
    """The figures of :data:`HEADLINE_ROWS` from a :func:`key_figures` (or
    :func:`headline_figures`) answer (money in its
    report currency at the ECB rate of its date) and the share of critical need (by value,
    in %: :func:`plan_critical_met`) the plan in force then meets (None without one, or for
    a viewer who may not see plans). No figure adds different items' units: needs short by
    their date are added by value."""
    needs, pledges, stocks = figures["needs"], figures["pledges"], figures["stocks"]
    urgent = [r for r in needs["by_priority"] if r["priority"] in ("critical", "high")]
    return {
        "open_critical": float(needs["uncovered_by_priority"].get("critical", 0)),
        "open_high": float(needs["uncovered_by_priority"].get("high", 0)),
        "short_value": float(sum(r["short_value"] for r in urgent)),
        "pledged_value": float(pledges["pledged_value"]),
        "delivered_value": float(pledges["delivered_value"]),
        "late_pledges": float(pledges["late"]),
        "stocks_below_target": float(stocks["below_target"]) if stocks is not None else None,
        "fund_remaining": float(figures["funds_remaining"]),
        "plan_critical_met": plan_critical_met,
    }


def plan_critical_met(
    session: Session, viewer: Principal, day: dt.date, *, scenario: str | None = None
) -> float | None:
    """THE headline of the latest plan in force on ``day`` (for ``scenario`` when given):
    the share of critical need it meets, by value, in % (``critical_percent`` of
    :func:`materiel.queries.critical_met`). None without a plan, without critical need
    due, or for a viewer who may not see plans. The meeting page and the brief both call
    this."""
    if not viewer.is_staff:
        return None
    found = latest_plan(session, viewer, as_of=day, scenario=scenario)
    return found.get("critical_percent") if found is not None else None


def changes_since(
    session: Session,
    viewer: Principal,
    previous: Meeting | None,
    *,
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """What changed since the ``previous`` meeting: the headline figures
    (:data:`HEADLINE_ROWS`) as of its date and as of ``as_of`` (default today), each from
    :func:`headline_figures` (the part of :func:`key_figures` they read) and the latest plan
    in force on that date (what the brief compares). Rows: key, label, unit, better (higher
    is better), before (None without a previous meeting), now, delta."""
    day = resolve(as_of)
    now = headline_values(
        headline_figures(session, viewer, as_of=day, currency=REPORT_CURRENCY),
        plan_critical_met(session, viewer, day),
    )
    before: dict[str, float | None] = {}
    if previous is not None:
        before = headline_values(
            headline_figures(session, viewer, as_of=previous.held_on, currency=REPORT_CURRENCY),
            plan_critical_met(session, viewer, previous.held_on),
        )
    rows = []
    for key, label, unit, better in HEADLINE_ROWS:
        b, n = before.get(key), now.get(key)
        rows.append(
            {
                "key": key,
                "label": label,
                "unit": unit,
                "better": better,
                "before": b,
                "now": n,
                "delta": (n - b) if (n is not None and b is not None) else None,
            }
        )
    return {
        "as_of": day,
        "previous": (
            {"id": previous.id, "ref": previous.ref, "held_on": previous.held_on}
            if previous is not None
            else None
        ),
        "rows": rows,
        "currency": REPORT_CURRENCY,
    }


def crossing_soonest(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The stocks the viewer may see in detail that fall below their target — already
    below first, then by weeks to target (:func:`stock_outlook`, the same rows and labels),
    across every holder — with the date and age of the stock report behind each and its
    ``stale`` flag (:func:`stock_position`)."""
    day = resolve(as_of)
    out = stock_outlook(session, viewer, as_of=day)
    out = out.loc[out["state"].isin(CROSSING)]
    pos = stock_position(session, viewer, as_of=day)[
        ["nation_code", "item_code", "as_of", "age_days", "stale", "report_id", "target_id"]
    ].rename(columns={"nation_code": "holder", "item_code": "item", "as_of": "reported_on"})
    df = out.merge(pos, on=["holder", "item"], how="left")
    df["stale"] = df["stale"].astype("boolean").fillna(False).astype(bool)
    df = df.sort_values(
        ["weeks_to_target", "holder", "item"], na_position="last", kind="stable"
    ).reset_index(drop=True)
    df.attrs.update(out.attrs)
    return df.head(limit) if limit is not None else df


def line_use(session: Session, viewer: Principal, *, as_of: dt.date | None = None) -> pd.DataFrame:
    """Per production line and item, from :func:`line_utilisation` (capacity taken by the
    orders placed up to ``as_of``, per month): the months covered (``first_month`` to
    ``last_month``), the busiest month and its share, and the months at least
    :data:`FULL_SHARE` full. Fullest lines first."""
    util = line_utilisation(session, viewer, as_of=as_of)
    cols = [
        "line",
        "item",
        "first_month",
        "last_month",
        "peak_month",
        "peak_share",
        "months_full",
        "ordered",
        "capacity",
    ]
    if util.empty:
        return pd.DataFrame(columns=cols)
    util = util.sort_values(["line", "item", "share", "month"], ascending=[True, True, False, True])
    g = util.groupby(["line", "item"], sort=False)
    out = g.agg(
        first_month=("month", "min"),
        last_month=("month", "max"),
        peak_month=("month", "first"),
        peak_share=("share", "first"),
        ordered=("ordered", "sum"),
        capacity=("capacity", "sum"),
    )
    out["months_full"] = g["share"].apply(lambda s: int((s >= FULL_SHARE).sum()))
    out = out.reset_index()
    return out.sort_values(["peak_share", "line"], ascending=[False, True])[cols].reset_index(
        drop=True
    )
