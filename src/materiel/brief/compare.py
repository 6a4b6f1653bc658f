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
from materiel.queries.meetings import HEADLINE_ROWS, headline_values

# key, label, unit, higher is better: one list, shared with the meeting page
ROWS = HEADLINE_ROWS


@dataclass
class Headline:
    day: dt.date
    values: dict[str, float | None]


def headline(figures: dict[str, Any], plan_critical_met: float | None) -> Headline:
    """The figures of :data:`ROWS` from a :func:`materiel.queries.key_figures` answer (money
    in EUR at the ECB rate of its date) and the share of critical need (by value, %) the
    plan in force then meets (:func:`materiel.queries.headline_values`, as the meeting page
    shows them)."""
    return Headline(
        dt.date.fromisoformat(figures["as_of"]), headline_values(figures, plan_critical_met)
    )


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
