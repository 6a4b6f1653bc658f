"""The Rich summary printed after ``materiel demo``: needs open by priority, pledged versus
delivered by donor, stocks below target. Every table names its source and date."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from materiel import money, queries
from materiel.access import Principal
from materiel.access.policy import LOCAL
from materiel.cli.tables import compact, millions, new_table, show
from materiel.db import read_session
from materiel.queries import REPORT_CURRENCY, date_span, resolve, synthetic_of

SYNTHETIC_NOTE = "SYNTHETIC demo data, not real figures."


def _caption(source: str, synthetic: bool) -> str:
    return f"Source: {source}." + (f" {SYNTHETIC_NOTE}" if synthetic else "")


def needs_summary_table(
    engine: Engine,
    *,
    recipient: str | None = None,
    as_of: dt.date | None = None,
    viewer: Principal = LOCAL,
) -> Table:
    """Needs not covered by their date, by priority (critical first)."""
    day = resolve(as_of)
    with read_session(engine) as s:
        needs = queries.needs_table(s, viewer, recipient=recipient, as_of=day)
        by_prio = queries.needs_by_priority(s, viewer, needs=needs)
    table = new_table(
        "Needs not covered by their date, by priority",
        "=priority",
        ">not covered",
        ">of needs",
        ">overdue",
        f">short by date\n{REPORT_CURRENCY} m",
        ">earliest needed by",
    )
    if int(by_prio["uncovered"].sum()) == 0:
        table.add_row("no open needs", "0", f"{int(by_prio['needs'].sum()):,}", "0", "0", "")
    else:
        for row in by_prio.to_dict("records"):
            earliest = row["earliest_needed_by"]
            table.add_row(
                str(row["priority"]),
                f"{row['uncovered']:,}",
                f"{row['needs']:,}",
                f"{row['overdue']:,}",
                millions(row["short_value"]),
                earliest.isoformat() if isinstance(earliest, dt.date) else "",
            )
    table.caption = _caption(
        f"{len(needs)} need records (stated {date_span(needs['stated_on'])}) as of "
        f"{day.isoformat()}; not covered = not all of it delivered by its date or due by then "
        "on a committed pledge; short by date by value: quantity short × catalogue unit "
        f"value, in {REPORT_CURRENCY} at the ECB rate of {money.rate_date(day).isoformat()} "
        "(quantities of different items are never added)",
        synthetic_of(needs),
    )
    return table


def donors_summary_table(
    engine: Engine,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
    limit: int | None = None,
    viewer: Principal = LOCAL,
) -> Table:
    """Pledged versus delivered by donor: count and value in one currency (never a
    quantity: a donor's pledges are of different items)."""
    as_of = resolve(as_of)
    with read_session(engine) as s:
        donors = queries.donor_totals(s, viewer, as_of=as_of, currency=currency)
    rate_on = money.rate_date(as_of)
    table = new_table(
        f"Pledged versus delivered by donor ({currency})",
        "=donor",
        ">pledges",
        ">late",
        f">pledged\n{currency} m",
        f">delivered\n{currency} m",
        ">delivered\n% value",
    )
    if donors.empty:
        table.add_row("no pledges", "0", "0", "0.0", "0.0", "")
    shown = donors if limit is None else donors.head(limit)
    for row in shown.to_dict("records"):
        pledged, delivered = row["pledged_value"], row["delivered_value"]
        share = f"{100.0 * delivered / pledged:.0f}%" if pledged else ""
        table.add_row(
            str(row["donor_code"]),
            f"{row['pledges']:,}",
            f"{row['late_pledges']:,}",
            millions(pledged),
            millions(delivered),
            share,
        )
    if limit is not None and len(donors) > limit:
        table.add_row("…", f"{len(donors) - limit} more donors")
    n = int(donors["pledges"].sum()) if not donors.empty else 0
    table.caption = _caption(
        f"{n} pledge records (cancelled excluded) and their deliveries up to "
        f"{as_of.isoformat()}; values (a donor's pledges of different items are added by value "
        f"only) as stated, else "
        f"quantity × catalogue unit value, delivered value pro rata, converted to {currency} "
        f"at ECB reference rates of {rate_on.isoformat()}",
        synthetic_of(donors),
    )
    return table


def stocks_summary_table(
    engine: Engine,
    *,
    as_of: dt.date | None = None,
    limit: int | None = None,
    viewer: Principal = LOCAL,
) -> Table:
    """Stocks below target: holder, item, latest stock, target, as-of date (worst first)."""
    as_of = resolve(as_of)
    with read_session(engine) as s:
        stocks = queries.stock_position(s, viewer, as_of=as_of)
    below = stocks.loc[stocks["below_target"]].sort_values(["cover", "nation_code"])
    table = new_table(
        "Stocks below target",
        "=holder",
        "=item",
        ">latest\nstock",
        ">target",
        ">cover",
        ">as of",
    )
    if below.empty:
        table.add_row("no stocks below target")
    shown = below if limit is None else below.head(limit)
    for row in shown.to_dict("records"):
        table.add_row(
            str(row["nation_code"]),
            str(row["item_code"]),
            compact(row["quantity"]),
            compact(row["target"]),
            f"{float(row['cover']):.0%}",
            row["as_of"].isoformat() if isinstance(row["as_of"], dt.date) else "",
        )
    more = (
        f"{len(below) - limit} more: materiel stocks list --below-target. "
        if limit is not None and len(below) > limit
        else ""
    )
    reported = stocks.loc[stocks["as_of"].notna()]
    table.caption = more + _caption(
        f"latest stock report per holder and item on or before {as_of.isoformat()} "
        f"({len(reported)} series, reports dated {date_span(reported['as_of'])}) against the "
        "stockpile target in force",
        synthetic_of(stocks),
    )
    return table


def print_summary(engine: Engine, console: Console, *, as_of: dt.date | None = None) -> None:
    """Print the three summary tables (works on an empty database too)."""
    for table in (
        needs_summary_table(engine, as_of=as_of),
        donors_summary_table(engine, as_of=as_of),
        stocks_summary_table(engine, as_of=as_of, limit=20),
    ):
        show(table, console)  # codes and dates whole at any width
