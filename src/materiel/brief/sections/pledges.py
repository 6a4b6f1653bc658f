"""Pledges notified since the previous meeting, by donor."""

from __future__ import annotations

import pandas as pd

from materiel import queries
from materiel.brief.context import CURRENCY, Context
from materiel.brief.model import Figure, Section, Table, fmt_date, fmt_int, fmt_money
from materiel.brief.notes import fig


def build(ctx: Context) -> Section:
    sec = Section("pledges", "Pledges notified since the previous meeting")
    period = ctx.period
    sec.paragraphs.append(f"Period: {period}.")
    if ctx.previous is None:
        sec.paragraphs.append("There is no previous meeting on record.")
    df = queries.live(
        queries.pledges_table(
            ctx.session, ctx.viewer, as_of=ctx.day, announced_from=ctx.since, currency=CURRENCY
        )
    )
    if df.empty:
        sec.empty = f"No pledges were notified {period}."
        return sec
    n = ctx.notes.add(
        f"Pledge records announced {period}, not cancelled ({len(df)}); value stated or "
        f"quantity × catalogue unit value, in EUR at the ECB rate of "
        f"{fmt_date(df['rate_date'].dropna().max())} (queries.pledges_table).",
        ctx.notes.links("pledge", df["id"].tolist(), df["ref"].tolist()),
    )
    total = float(df["value"].sum())
    donors = df["donor_code"].nunique()
    sec.figures += [
        fig("pledges-new-count", len(df), fmt_int(len(df)), n),
        fig("pledges-new-value", total, fmt_money(total, CURRENCY), n),
        fig("pledges-new-donors", donors, fmt_int(donors), n),
    ]
    g = df.groupby("donor_code")
    by = pd.DataFrame(
        {
            "pledges": g.size(),
            "value": g["value"].sum(),
            "confidential": g["confidential"].sum(),
            "items": g["item_code"].agg(
                lambda x: (
                    ", ".join(sorted({ctx.item(c) for c in x})[:3])
                    + (" …" if x.nunique() > 3 else "")
                )
            ),
        }
    ).sort_values("value", ascending=False)
    rows: list[list[Figure | str]] = [
        [
            str(d),
            fmt_int(r["pledges"]),
            str(r["items"]),
            fig(f"donor-new-value:{d}", float(r["value"]), fmt_money(r["value"], CURRENCY)),
            fmt_int(r["confidential"]) if r["confidential"] else "",
        ]
        for d, r in by.iterrows()
    ]
    sec.tables.append(
        (
            "New pledges by donor",
            Table(
                # no quantity column: a donor's pledges of different items are added by
                # value only
                ["donor", "pledges", "items", "value", "confidential"],
                rows,
                n,
                numeric=(1, 3, 4),
            ),
        )
    )
    return sec
