"""Key figures: the headline numbers of Overview, ``materiel status``, ``GET /figures``,
the meeting page and the brief's comparison with the previous meeting. One implementation,
:mod:`materiel.queries.lean` (no pandas, so that ``materiel status`` starts fast); this
module gives its public names and the part the comparison between meetings reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from materiel.access import Principal
from materiel.queries import lean
from materiel.queries._common import REPORT_CURRENCY, resolve

#: the key figures as the viewer may see them, as of ``as_of`` (default today), as a
#: JSON-ready dict (its docstring lists them)
key_figures = lean.key_figures


def stock_figures(session: Session, viewer: Principal, as_of: dt.date) -> dict[str, Any] | None:
    """Stocks against targets as the viewer may see them (None for analysts): the series
    the viewer sees in detail and how many are below target; for staff the donor nations
    with a stock below target; alliance totals (grouped by membership, suppressed below
    the minimum group size) and how many of them are below the aggregate target;
    ``stale``: the series whose report is older than ``stale_after_days``."""
    return lean.stock_figures(session, viewer, as_of)


def headline_figures(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> dict[str, Any]:
    """The part of :func:`key_figures` the comparison between meetings reads
    (:func:`materiel.queries.headline_values`) — ``as_of``, ``needs``, ``pledges``,
    ``funds_remaining`` by the same code, and ``stocks`` as ``{"below_target": n}`` (n as
    in :func:`stock_figures`; None for analysts) — without the record counts, the alliance
    totals and the plan, which it does not read."""
    day = resolve(as_of)
    parts = lean.headline_parts(session, viewer, day, currency)
    parts.pop("funds")
    below = lean.below_target_count(session, viewer, day)
    stocks = None if below is None else {"below_target": below}
    return {"as_of": day.isoformat(), **parts, "stocks": stocks}
