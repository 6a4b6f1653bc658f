"""Deliveries since the previous meeting, by item, and the late pledges."""

from __future__ import annotations

import pandas as pd

from materiel import queries
from materiel.brief.context import CURRENCY, Context
from materiel.brief.model import Section, Table, fmt_date, fmt_int, fmt_money
from materiel.brief.notes import fig


def build(ctx: Context) -> Section:
    sec = Section("deliveries", "Deliveries and late pledges")
    period, day, notes, top = ctx.period, ctx.day, ctx.notes, ctx.options.top
    dl = queries.deliveries_table(
        ctx.session, ctx.viewer, since=ctx.since, until=day, currency=CURRENCY
    )
    if dl.empty:
        sec.paragraphs.append(f"No deliveries were recorded {period}.")
    else:
        n = notes.add(
            f"Delivery records dated {period} ({len(dl)}); value pro rata of the pledge's "
            "value, in EUR at the ECB rate of the meeting date (queries.deliveries_table).",
            notes.links("delivery", dl["id"].tolist(), dl["ref"].tolist()),
        )
        val = float(dl["value"].sum())
        sec.figures += [
            fig("deliveries-count", len(dl), fmt_int(len(dl)), n),
            fig("deliveries-value", val, fmt_money(val, CURRENCY), n),
        ]
        g = dl.groupby("item_code")
        by = pd.DataFrame(
            {"deliveries": g.size(), "quantity": g["quantity"].sum(), "value": g["value"].sum()}
        ).sort_values("value", ascending=False)
        shown = by.head(top)
        sec.tables.append(
            (
                f"Deliveries {period}, by item",
                Table(
                    ["item", "deliveries", "quantity", "value"],
                    [
                        [
                            ctx.item(i),
                            fmt_int(r["deliveries"]),
                            fig(f"delivered-qty:{i}", float(r["quantity"]), fmt_int(r["quantity"])),
                            fmt_money(r["value"], CURRENCY),
                        ]
                        for i, r in shown.iterrows()
                    ],
                    n,
                    more=len(by) - len(shown),
                    numeric=(1, 2, 3),
                ),
            )
        )
    late = queries.pledges_table(ctx.session, ctx.viewer, as_of=day, late=True, currency=CURRENCY)
    query = (
        f"Query: pledges announced by {day.isoformat()}, due before it, not fully delivered "
        "and not cancelled (queries.pledges_table late=True)"
    )
    if late.empty:
        sec.paragraphs.append(f"No pledge was late on {day.isoformat()}.")
        sec.figures.append(fig("late-count", 0, "0", notes.add(f"{query}: none.")))
        return sec
    late = late.sort_values(["days_late", "value"], ascending=[False, False])
    shown_l = late.head(top)
    n_late = notes.add(
        f"{query} ({len(late)}); {len(shown_l)} longest overdue linked.",
        notes.links("pledge", shown_l["id"].tolist(), shown_l["ref"].tolist()),
    )
    rem_val = float((late["value"] - late["delivered_value"]).sum())
    sec.figures += [
        fig("late-count", len(late), fmt_int(len(late)), n_late),
        fig("late-remaining-value", rem_val, fmt_money(rem_val, CURRENCY), n_late),
    ]
    sec.tables.append(
        (
            "Late pledges, longest overdue first",
            Table(
                ["pledge", "donor", "item", "remaining", "of", "due by", "days late"],
                [
                    [
                        str(r["ref"]),
                        str(r["donor_code"]),
                        ctx.item(r["item_code"]),
                        fig(f"late-remaining:{r['ref']}", r["remaining"], fmt_int(r["remaining"])),
                        fmt_int(r["quantity"]),
                        fmt_date(r["due_by"]),
                        fmt_int(r["days_late"]),
                    ]
                    for r in queries.rows(shown_l)
                ],
                n_late,
                more=len(late) - len(shown_l),
                numeric=(3, 4, 6),
            ),
        )
    )
    return sec
