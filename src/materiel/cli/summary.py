"""The Rich summary printed after ``materiel demo``: needs open by priority, pledged versus
delivered by donor, stocks below target. Every table names its source and date."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from materiel import money
from materiel.db import read_session
from materiel.queries._common import REPORT_CURRENCY, date_span, is_synthetic, today
from materiel.queries.needs import needs_by_priority, needs_table
from materiel.queries.pledges import donor_totals
from materiel.queries.stocks import stock_position

SYNTHETIC_NOTE = "SYNTHETIC demo data, not real figures."


def _caption(source: str, synthetic: bool) -> str:
    return f"Source: {source}." + (f" {SYNTHETIC_NOTE}" if synthetic else "")


def needs_summary_table(engine: Engine, *, recipient: str | None = None) -> Table:
    """Needs open by priority (critical first): count and open quantity."""
    with read_session(engine) as s:
        by_prio = needs_by_priority(s, recipient=recipient)
        needs = needs_table(s, recipient=recipient)
    table = Table(title="Needs open by priority", title_justify="left")
    for col in ("priority", "open needs", "of needs", "open quantity", "earliest needed by"):
        table.add_column(col, justify="left" if col == "priority" else "right")
    if int(by_prio["needs"].sum()) == 0:
        table.add_row("no open needs", "0", "0", "0", "")
    for row in by_prio.to_dict("records"):
        if row["needs"] == 0:
            continue
        earliest = row["earliest_needed_by"]
        table.add_row(
            str(row["priority"]),
            f"{row['open_needs']:,}",
            f"{row['needs']:,}",
            f"{row['open_quantity']:,}",
            earliest.isoformat() if isinstance(earliest, dt.date) else "",
        )
    stated = date_span(needs["stated_on"])
    table.caption = _caption(
        f"{len(needs)} need records (stated {stated}); coverage derived from pledges not cancelled",
        is_synthetic(needs["source"]),
    )
    return table


def donors_summary_table(
    engine: Engine,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
    limit: int | None = None,
) -> Table:
    """Pledged versus delivered by donor: quantity and value in one currency."""
    as_of = as_of or today()
    with read_session(engine) as s:
        donors = donor_totals(s, as_of=as_of, currency=currency)
    rate_on = money.rate_date(as_of)
    table = Table(title=f"Pledged versus delivered by donor ({currency})", title_justify="left")
    table.add_column("donor")
    for col in (
        "pledges",
        "pledged qty",
        "delivered qty",
        "delivered %",
        "late",
        f"pledged {currency} m",
        f"delivered {currency} m",
    ):
        table.add_column(col, justify="right")
    if donors.empty:
        table.add_row("no pledges", "0", "0", "0", "", "0", "", "")
    shown = donors if limit is None else donors.head(limit)
    for row in shown.to_dict("records"):
        share = 100.0 * row["delivered"] / row["pledged"] if row["pledged"] else 0.0
        table.add_row(
            str(row["donor_code"]),
            f"{row['pledges']:,}",
            f"{row['pledged']:,}",
            f"{row['delivered']:,}",
            f"{share:.0f}%",
            f"{row['late_pledges']:,}",
            f"{row['pledged_value'] / 1e6:,.1f}",
            f"{row['delivered_value'] / 1e6:,.1f}",
        )
    if limit is not None and len(donors) > limit:
        table.add_row(f"… {len(donors) - limit} more donors", *[""] * 7)
    table.caption = _caption(
        f"{int(donors['pledges'].sum()) if not donors.empty else 0} pledge records and their "
        f"deliveries up to {as_of.isoformat()}; values as stated, else quantity × catalogue "
        f"unit value, converted to {currency} at ECB reference rates of {rate_on.isoformat()}",
        bool(donors["synthetic"].any()) if not donors.empty else False,
    )
    return table


def stocks_summary_table(
    engine: Engine, *, as_of: dt.date | None = None, limit: int | None = None
) -> Table:
    """Stocks below target: holder, item, latest stock, target, as-of date."""
    as_of = as_of or today()
    with read_session(engine) as s:
        stocks = stock_position(s, as_of=as_of)
    below = stocks.loc[stocks["below_target"]].sort_values("cover")
    table = Table(title="Stocks below target", title_justify="left")
    table.add_column("holder")
    table.add_column("item")
    for col in ("latest stock", "target", "cover", "as of"):
        table.add_column(col, justify="right")
    if below.empty:
        table.add_row("no stocks below target", "", "", "", "", "")
    shown = below if limit is None else below.head(limit)
    for row in shown.to_dict("records"):
        table.add_row(
            str(row["nation_code"]),
            str(row["item_code"]),
            f"{int(row['quantity']):,}",
            f"{int(row['target']):,}",
            f"{float(row['cover']):.0%}",
            row["as_of"].isoformat() if isinstance(row["as_of"], dt.date) else "",
        )
    if limit is not None and len(below) > limit:
        table.add_row(f"… {len(below) - limit} more", *[""] * 5)
    reported = stocks.loc[stocks["as_of"].notna()]
    table.caption = _caption(
        f"latest stock report per holder and item on or before {as_of.isoformat()} "
        f"({len(reported)} series, reports dated {date_span(reported['as_of'])}) against the "
        "stockpile target in force",
        is_synthetic(stocks["source"], stocks["target_source"]),
    )
    return table


def print_summary(engine: Engine, console: Console, *, as_of: dt.date | None = None) -> None:
    """Print the three summary tables (works on an empty database too)."""
    console.print(needs_summary_table(engine))
    console.print(donors_summary_table(engine, as_of=as_of))
    console.print(stocks_summary_table(engine, as_of=as_of, limit=25))
