"""Urgent unmet needs: needs not covered by their date, critical and high first."""

from __future__ import annotations

import pandas as pd

from materiel import queries
from materiel.brief.context import CURRENCY, Context
from materiel.brief.model import Figure, Section, Table, fmt_date, fmt_int, fmt_money
from materiel.brief.notes import fig


def rate_of(needs: pd.DataFrame) -> str:
    rates = needs["rate_date"].dropna()
    return fmt_date(rates.max()) if len(rates) else "—"


def build(ctx: Context) -> Section:
    sec = Section("needs", "Urgent unmet needs")
    needs = queries.needs_table(ctx.session, ctx.viewer, as_of=ctx.day)
    if needs.empty:
        sec.empty = f"No needs were stated on or before {ctx.day.isoformat()}."
        return sec
    uncovered = needs.loc[needs["status"] != "covered"]
    urgent = uncovered.loc[uncovered["priority"].isin(["critical", "high"])]
    shown = urgent.head(ctx.options.top * 2)
    n_all = ctx.notes.add(
        f"Query: needs stated on or before {ctx.day.isoformat()} ({len(needs)} records) and "
        "their coverage by the pledges not cancelled announced by then, allocated critical "
        "first (queries.need_coverage): pledged, delivered, and there by the need's date "
        "(delivered by then, or due by then on a committed pledge); "
        f"{len(uncovered)} not covered by their date, {int(needs['overdue'].sum())} overdue. "
        "Short by their date, by value: quantity short × the item's catalogue unit value, in "
        f"{CURRENCY} at the ECB rate of {rate_of(needs)} (quantities of different items are "
        "never added).",
    )
    for p in queries.PRIORITIES:
        part = uncovered.loc[uncovered["priority"] == p]
        sec.figures.append(fig(f"open-{p}", len(part), fmt_int(len(part)), n_all))
        # needs of different items are added by value, never by quantity
        value = float(part["short_value"].sum())
        sec.figures.append(fig(f"open-{p}-value", value, fmt_money(value, CURRENCY), n_all))
    if shown.empty:
        sec.paragraphs.append("Every critical and high-priority need is covered by its date.")
        return sec
    n_rows = ctx.notes.add(
        f"Need records ({len(shown)} shown of {len(urgent)} critical/high not covered by "
        "their date): short = stated quantity − what is there by the need's date.",
        ctx.notes.links("need", shown["id"].tolist(), shown["ref"].tolist()),
    )
    rows: list[list[Figure | str]] = [
        [
            str(r["ref"]),
            str(r["recipient_code"]),
            ctx.item(r["item_code"]),
            str(r["priority"]),
            fig(f"need-open:{r['ref']}", float(r["short_by_date"]), fmt_int(r["short_by_date"])),
            fmt_int(r["quantity"]),
            fmt_int(r["pledged"]),
            fmt_int(r["delivered"]),
            fmt_date(r["needed_by"]),
            f"overdue {r['days_overdue']} d" if r["overdue"] else str(r["status"]),
        ]
        for r in queries.rows(shown)
    ]
    sec.tables.append(
        (
            "Critical and high-priority needs not covered by their date",
            Table(
                [
                    "need",
                    "recipient",
                    "item",
                    "priority",
                    "short",
                    "stated qty",
                    "pledged",
                    "delivered",
                    "needed by",
                    "status",
                ],
                rows,
                n_rows,
                more=len(urgent) - len(shown),
                numeric=(4, 5, 6, 7),
            ),
        )
    )
    return sec
