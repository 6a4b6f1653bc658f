"""Read-side queries and derived values (coverage, delivered totals, stocks against targets).

They read records and return pandas frames (or plain dicts); they never write. Filters are
keyword arguments; dates default to today; money is converted with ECB reference rates and
the rate date used is returned alongside.

    from materiel.queries import needs_table, pledges_table, stock_position, status_figures
    with read_session(engine) as s:
        late = pledges_table(s, donor="DEU", late=True)
"""

from materiel.queries.coverage import coverage_status, need_coverage
from materiel.queries.needs import NEED_STATUSES, PRIORITIES, needs_by_priority, needs_table
from materiel.queries.pledges import deliveries_table, donor_totals, pledges_table
from materiel.queries.status import fund_position, orders_table, record_counts, status_figures
from materiel.queries.stocks import alliance_stock_totals, stock_position

__all__ = [
    "NEED_STATUSES",
    "PRIORITIES",
    "alliance_stock_totals",
    "coverage_status",
    "deliveries_table",
    "donor_totals",
    "fund_position",
    "need_coverage",
    "needs_by_priority",
    "needs_table",
    "orders_table",
    "pledges_table",
    "record_counts",
    "status_figures",
    "stock_position",
]
