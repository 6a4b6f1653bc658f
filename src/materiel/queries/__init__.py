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

from materiel.queries._common import (
    REPORT_CURRENCY,
    dataset_synthetic,
    date_span,
    plain,
    resolve,
    rows,
    share_frames,
    synthetic_of,
    today,
)
from materiel.queries.admin import audit_events, user, users
from materiel.queries.burden import burden_shares
from materiel.queries.cover import arrivals, cover_report, need_cover
from materiel.queries.coverage import (
    NEED_FILTERS,
    NEED_STATUSES,
    PRIORITIES,
    coverage_status,
    need_coverage,
)
from materiel.queries.figures import (
    headline_figures,
    key_figures,
    latest_record_date,
    record_counts,
    stock_figures,
)
from materiel.queries.funds import (
    buys_table,
    fund_buys,
    fund_position,
    line_utilisation,
    orders_table,
    remaining_in,
)
from materiel.queries.meetings import (
    HEADLINE_ROWS,
    changes_since,
    crossing_soonest,
    headline_values,
    line_use,
    next_meeting,
)
from materiel.queries.needs import needs_by_priority, needs_table
from materiel.queries.outlook import projected, stock_outlook
from materiel.queries.personal import donor_view, recipient_view
from materiel.queries.pledges import (
    PLEDGE_STATUSES,
    deliveries_table,
    donor_totals,
    live,
    open_pledges,
    pledges_table,
)
from materiel.queries.reference import (
    choices,
    item_names,
    meeting,
    meetings,
    previous_meeting,
)
from materiel.queries.risk import Risk, shortfall_risk, structural_gap
from materiel.queries.runs import (
    critical_met,
    forecast_run,
    forecast_runs,
    job,
    jobs,
    latest_plan,
    latest_plan_run,
    need_by_priority,
    plan_result,
    plan_run,
    plan_tables,
    recent_plan_runs,
)
from materiel.queries.stocks import (
    STALE_AFTER_DAYS,
    alliance_totals,
    memberships,
    stale_after_days,
    stock_position,
)

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
