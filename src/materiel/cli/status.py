"""``materiel status``: the key figures (the same as Overview and ``GET /figures``), or
``--json`` / ``--csv`` for scripts.

Light on purpose: it reads them through :mod:`materiel.queries.lean`, which computes them
without pandas, so the command answers in well under a second of CPU
(tests/test_status_lean.py checks it loads neither pandas nor the server, solver or
forecast stack, and gives the same figures as the frame-based queries)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import typer

from materiel.cli.context import (
    CSV,
    as_of_date,
    flush_notes,
    note,
    print_csv,
    print_json,
    state,
)
from materiel.cli.tables import millions, new_table, show
from materiel.db import read_session
from materiel.queries import lean

SYNTHETIC_NOTE = " SYNTHETIC demo data, not real figures."
JSON = typer.Option(False, "--json", help="Print the figures as JSON for scripts, nothing else.")
PRIORITIES = lean.PRIORITIES
PLEDGE_STATUSES = lean.PLEDGE_STATUSES


def register(app: typer.Typer) -> None:
    app.command("status")(status)


def status(
    ctx: typer.Context,
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="Date of the figures, YYYY-MM-DD (default: today, or the records' latest date "
        "when they end before today; the date used is said).",
    ),
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Key figures: records, needs not covered by their date, late pledges, stocks below
    target, funds (the same figures as Overview and GET /figures)."""
    st = state(ctx)
    with read_session(st.engine()) as s:
        viewer = st.viewer()
        if as_of is None:
            day, latest = lean.today(), lean.latest_record_date(s, viewer)
            if latest is not None and latest < day:
                day = latest
                note(
                    f"as of {day.isoformat()}, the records' latest date (a need stated, a "
                    f"pledge announced, a delivery or a stock report; today is "
                    f"{lean.today().isoformat()}); --as-of YYYY-MM-DD for another date"
                )
            else:
                note(f"as of today, {day.isoformat()} (UTC); --as-of YYYY-MM-DD for another date")
        else:
            day = as_of_date(as_of)
        figures = lean.key_figures(s, viewer, as_of=day)
    flush_notes()
    if as_json:
        print_json(figures)
        return
    if as_csv:
        print_csv(flat_figures(figures))
        return
    label = SYNTHETIC_NOTE if figures["synthetic"] else ""
    rec = new_table("Records", "records", ">count")
    rec.min_width = 64
    for name, n in figures["records"].items():
        rec.add_row(name.replace("_", " "), f"{n:,}")
    rec.caption = f"Source: the database, {figures['as_of']}.{label}"

    needs, pledges, stocks = figures["needs"], figures["pledges"], figures["stocks"]
    key = new_table(f"Key figures on {figures['as_of']}", "figure", ">value")
    key.min_width = 64
    key.add_row("needs not covered by their date", f"{needs['uncovered']:,} of {needs['total']:,}")
    for prio in PRIORITIES:
        key.add_row(f"  {prio}", f"{needs['uncovered_by_priority'].get(prio, 0):,}")
    key.add_row("needs overdue", f"{needs['overdue']:,}")
    # needs of different items are added by value only (never by quantity)
    ncur = needs["currency"]
    key.add_row(f"need value not pledged ({ncur} m)", millions(needs["open_value"]))
    key.add_row(f"need value short by its date ({ncur} m)", millions(needs["short_value"]))
    key.add_row("pledges", f"{pledges['total']:,}")
    for st_ in PLEDGE_STATUSES:
        key.add_row(f"  {st_}", f"{pledges['by_status'].get(st_, 0):,}")
    key.add_row("late pledges", f"{pledges['late']:,}")
    cur = pledges["currency"]
    key.add_row(f"pledged value ({cur} m)", millions(pledges["pledged_value"]))
    key.add_row(f"delivered value ({cur} m)", millions(pledges["delivered_value"]))
    if stocks is not None:
        key.add_row(
            "stock series below target", f"{stocks['below_target']:,} of {stocks['series']:,}"
        )
        if "donors_below_target" in stocks:
            key.add_row("donors below target", f"{stocks['donors_below_target']:,}")
        key.add_row(
            "alliance totals below target",
            f"{stocks['alliance_rows_below']:,} of {stocks['alliance_rows']:,}",
        )
    plan = figures["plan"]
    if plan is not None:
        pct = plan.get("critical_percent")
        key.add_row(
            f"critical need met, plan #{plan['id']} (by value)",
            "—" if pct is None else f"{pct:.0f}%",
        )
    key.caption = (
        f"Source: need, pledge, delivery, stock report and target records as of "
        f"{figures['as_of']}"
        + (f"; stock reports dated {stocks['reports_dated']}" if stocks is not None else "")
        + f"; values converted to {cur} at ECB reference rates of {pledges['rate_date']}"
        + " (needs at catalogue unit values; needs of different items added by value only)"
        + (f"; latest plan run {plan['id']} as of {plan['as_of']}" if plan else "")
        + f".{label}"
    )
    show(key)

    funds = new_table(
        "Funds",
        "=fund",
        "cur.",
        ">budget m",
        ">spent m",
        ">committed m",
        ">remaining m",
        ">orders",
        drop=("orders", "spent m"),
    )
    if not figures["funds"]:
        funds.add_row("no funds", "", "", "", "", "", "")
    dates: list[str] = []
    for f in figures["funds"]:
        funds.add_row(
            f["code"],
            f["currency"],
            millions(f["budget"]),
            millions(f["spent"]),
            millions(f["committed"]),
            millions(f["remaining"]),
            f"{f['orders']:,}",
        )
        if f["rate_dates"]:
            dates.extend(str(f["rate_dates"]).split(" to "))
    funds.caption = (
        "Source: fund and order records; spent = weekly instalments due by "
        f"{figures['as_of']}, committed = the rest of the orders placed by then, remaining = "
        "budget − orders; order values converted to the fund currency at ECB reference "
        f"rates of the order dates ({lean.date_span(dt.date.fromisoformat(d) for d in dates)})."
        f"{label}"
    )
    show(funds)
    show(rec)


def flat_figures(figures: dict[str, Any], prefix: str = "") -> list[dict[str, Any]]:
    """The key figures as rows of ``figure`` (a dotted path) and ``value``, for CSV (the
    funds' rows keep their code in the path)."""
    out: list[dict[str, Any]] = []
    for key, value in figures.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(flat_figures(value, path + "."))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for v in value:
                out.extend(flat_figures(v, f"{path}.{v.get('code', value.index(v))}."))
        else:
            out.append({"figure": path, "value": value})
    return out
