"""Headline figures of a date and what changed since the previous meeting (▲▼ and deltas).

The same function computes the headline of both meetings, each as of its own date, so the
deltas compare like with like.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from materiel.brief.model import Change
from materiel.queries import fund_position, stock_position

# key, label, unit, higher is better
ROWS: tuple[tuple[str, str, str, bool], ...] = (
    ("open_critical", "Critical needs not fully covered", "needs", False),
    ("open_high", "High-priority needs not fully covered", "needs", False),
    ("open_quantity", "Open quantity of critical and high needs", "units", False),
    ("pledged_value", "Pledged to date (value)", "EUR", True),
    ("delivered_value", "Delivered to date (value)", "EUR", True),
    ("late_pledges", "Late pledges", "pledges", False),
    ("stocks_below_target", "Stocks below target", "series", False),
    ("fund_remaining", "Collective and national funds remaining", "EUR", True),
    ("plan_unmet", "Unmet need left by the plan", "units", False),
)


@dataclass
class Headline:
    day: dt.date
    values: dict[str, float | None]


def headline(
    s: Session,
    day: dt.date,
    *,
    needs: pd.DataFrame | None = None,
    plan_unmet: float | None = None,
) -> Headline:
    """The figures of :data:`ROWS` as of ``day`` (money in EUR at the ECB rate of ``day``)."""
    from materiel.brief.gather import funds_eur, live_pledges, needs_as_of

    nd = needs if needs is not None else needs_as_of(s, day)
    open_ = nd.loc[nd["status"] != "covered"] if len(nd) else nd
    urgent = open_.loc[open_["priority"].isin(["critical", "high"])] if len(open_) else open_
    pl = live_pledges(s, day)
    delivered = (pl["value"] * pl["delivered"] / pl["quantity"]).sum() if len(pl) else 0.0
    stocks = stock_position(s, as_of=day)
    funds = fund_position(s, as_of=day)
    values: dict[str, float | None] = {
        "open_critical": float((open_["priority"] == "critical").sum()) if len(open_) else 0.0,
        "open_high": float((open_["priority"] == "high").sum()) if len(open_) else 0.0,
        "open_quantity": float(urgent["open_quantity"].sum()) if len(urgent) else 0.0,
        "pledged_value": float(pl["value"].sum()) if len(pl) else 0.0,
        "delivered_value": float(delivered),
        "late_pledges": float(pl["late"].sum()) if len(pl) else 0.0,
        "stocks_below_target": float(stocks["below_target"].sum()) if len(stocks) else 0.0,
        "fund_remaining": funds_eur(funds, day),
        "plan_unmet": plan_unmet,
    }
    return Headline(day, values)


def compare(now: Headline, before: Headline | None) -> list[Change]:
    """One :class:`Change` per headline figure (previous None without a previous meeting)."""
    return [
        Change(
            key,
            label,
            before.values.get(key) if before is not None else None,
            now.values.get(key),
            unit,
            better,
        )
        for key, label, unit, better in ROWS
    ]
