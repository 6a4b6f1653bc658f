"""The read side's helpers that need no pandas: the one ``today()``, as-of resolution, date
spans and the synthetic flag (:mod:`materiel.queries._common` re-exports them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from materiel.records import any_synthetic

REPORT_CURRENCY = "EUR"


def today() -> dt.date:
    """The date of "now" everywhere (pages, API, CLI, brief): today in UTC."""
    return dt.datetime.now(dt.UTC).date()


def resolve(as_of: dt.date | None) -> dt.date:
    """The date figures are computed for: the one given, else :func:`today`."""
    return as_of if as_of is not None else today()


def dataset_synthetic(session: Session) -> bool:
    """True when any record carries the ``synthetic`` flag (set by the demo loader)."""
    return bool(session.execute(any_synthetic()).scalar())


def date_span(values: Iterable[object]) -> str:
    """``2025-01-03`` or ``2025-01-03 to 2025-12-30`` for the non-empty dates given."""
    days = sorted({v for v in values if isinstance(v, dt.date)})
    if not days:
        return "n/a"
    if days[0] == days[-1]:
        return days[0].isoformat()
    return f"{days[0].isoformat()} to {days[-1].isoformat()}"
