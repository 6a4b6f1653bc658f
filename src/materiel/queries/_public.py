"""Every public name of :mod:`materiel.queries`, imported at once (the package loads this
module on first use of one of them, so a light reader such as :mod:`materiel.queries.lean`
starts without pandas). Its names are listed in ``materiel.queries.__all__``."""

# ruff: noqa: F401

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
    need_coverage,
)
from materiel.queries.figures import headline_figures, key_figures, stock_figures
from materiel.queries.funds import (
    buys_table,
    fund_buys,
    fund_position,
    line_utilisation,
    orders_table,
    remaining_in,
)
from materiel.queries.lean import (
    STALE_AFTER_DAYS,
    coverage_status,
    latest_record_date,
    record_counts,
    stale_after_days,
)
from materiel.queries.meetings import (
    HEADLINE_ROWS,
    changes_since,
    crossing_soonest,
    headline_values,
    line_use,
    next_meeting,
    plan_critical_met,
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
from materiel.queries.stocks import alliance_totals, memberships, stock_position
