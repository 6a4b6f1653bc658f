"""THE read side: every figure a person sees, defined once (docs/figures.md) and computed
here, for API, pages, brief and CLI alike.

Every function takes the viewer (a :class:`materiel.access.Principal`) and applies the
access policy itself: rows the viewer may not see are left out, confidential pledges count
only for those who may see them, other nations' stock detail is hidden and totals too small
to hide a nation are suppressed. Results are pandas frames (or JSON-ready dicts) carrying
record ids for footnotes and a ``synthetic`` flag. Dates: ``as_of`` is explicit or
:func:`today` (UTC), and means "what was on record that day" everywhere.

    from materiel.access.policy import LOCAL
    from materiel.queries import needs_table, pledges_table
    with read_session(engine) as s:
        late = pledges_table(s, LOCAL, donor="DEU", late=True)
"""

# ruff: noqa: F405 (the names are loaded on first use, see __getattr__)
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from materiel.queries._public import *  # noqa: F403


__all__ = [
    "HEADLINE_ROWS",
    "NEED_FILTERS",
    "NEED_STATUSES",
    "PLEDGE_STATUSES",
    "PRIORITIES",
    "REPORT_CURRENCY",
    "STALE_AFTER_DAYS",
    "Risk",
    "alliance_totals",
    "arrivals",
    "audit_events",
    "burden_shares",
    "buys_table",
    "changes_since",
    "choices",
    "cover_report",
    "coverage_status",
    "critical_met",
    "crossing_soonest",
    "dataset_synthetic",
    "date_span",
    "deliveries_table",
    "donor_totals",
    "donor_view",
    "forecast_run",
    "forecast_runs",
    "fund_buys",
    "fund_position",
    "headline_figures",
    "headline_values",
    "item_names",
    "job",
    "jobs",
    "key_figures",
    "latest_plan",
    "latest_plan_run",
    "latest_record_date",
    "line_use",
    "line_utilisation",
    "live",
    "meeting",
    "meetings",
    "memberships",
    "need_by_priority",
    "need_cover",
    "need_coverage",
    "needs_by_priority",
    "needs_table",
    "next_meeting",
    "open_pledges",
    "orders_table",
    "plain",
    "plan_critical_met",
    "plan_result",
    "plan_run",
    "plan_tables",
    "pledges_table",
    "previous_meeting",
    "projected",
    "recent_plan_runs",
    "recipient_view",
    "record_counts",
    "remaining_in",
    "resolve",
    "rows",
    "share_frames",
    "shortfall_risk",
    "stale_after_days",
    "stock_figures",
    "stock_outlook",
    "stock_position",
    "structural_gap",
    "synthetic_of",
    "today",
    "user",
    "users",
]


def __getattr__(name: str) -> Any:
    """The public names, loaded on first use: ``materiel.queries.lean`` (``materiel
    status``) imports without the pandas-based rest."""
    if name not in __all__:  # e.g. a submodule being imported (``from . import lean``)
        raise AttributeError(f"module 'materiel.queries' has no attribute {name!r}")
    _public = importlib.import_module("materiel.queries._public")
    # every name at once: a submodule named like a function (``meetings``) loaded as a
    # package attribute is replaced by the function, as the names say
    globals().update({n: getattr(_public, n) for n in __all__})
    return globals()[name]
