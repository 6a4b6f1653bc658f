"""Headline figures of a date and what changed since the previous meeting (▲▼ and deltas).

The headline of both meetings is :func:`materiel.queries.key_figures` as of each meeting's
own date (and the latest plan in force on that date), so the deltas compare like with like
and equal the key figures of Overview, ``materiel status`` and ``GET /figures``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from materiel.brief.model import Change

# key, label, unit, higher is better
ROWS: tuple[tuple[str, str, str, bool], ...] = (
    ("open_critical", "Critical needs not covered by their date", "needs", False),
    ("open_high", "High-priority needs not covered by their date", "needs", False),
    ("open_quantity", "Critical and high quantity short by its date", "units", False),
    ("pledged_value", "Pledged to date (value)", "EUR", True),
    ("delivered_value", "Delivered to date (value)", "EUR", True),
    ("late_pledges", "Late pledges", "pledges", False),
    ("stocks_below_target", "Stocks below target", "series", False),
    ("fund_remaining", "Collective and national funds remaining", "EUR", True),
    ("plan_critical_met", "Critical need met by the latest plan (by value)", "%", True),
)


@dataclass
class Headline:
    day: dt.date
    values: dict[str, float | None]


def headline(figures: dict[str, Any], plan_critical_met: float | None) -> Headline:
    """The figures of :data:`ROWS` from a :func:`materiel.queries.key_figures` answer (money
    in EUR at the ECB rate of its date) and the share of critical need (by value, %) the
    plan in force then meets."""
    needs, pledges, stocks = figures["needs"], figures["pledges"], figures["stocks"]
    urgent = [r for r in needs["by_priority"] if r["priority"] in ("critical", "high")]
    values: dict[str, float | None] = {
        "open_critical": float(needs["uncovered_by_priority"].get("critical", 0)),
        "open_high": float(needs["uncovered_by_priority"].get("high", 0)),
        "open_quantity": float(sum(r["short_by_date"] for r in urgent)),
        "pledged_value": float(pledges["pledged_value"]),
        "delivered_value": float(pledges["delivered_value"]),
        "late_pledges": float(pledges["late"]),
        "stocks_below_target": float(stocks["below_target"]) if stocks is not None else None,
        "fund_remaining": float(figures["funds_remaining"]),
        "plan_critical_met": plan_critical_met,
    }
    return Headline(dt.date.fromisoformat(figures["as_of"]), values)


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
