"""Burden sharing: contribution as % of GDP against GDP share."""

from __future__ import annotations

from materiel import money, queries
from materiel.brief.context import CURRENCY, Context
from materiel.brief.model import Figure, Section, Table, fmt_money, fmt_pct
from materiel.brief.notes import fig


def build(ctx: Context) -> Section:
    sec = Section("burden", "Burden sharing")
    day = ctx.day
    df = queries.burden_shares(ctx.session, ctx.viewer, as_of=day, currency=CURRENCY)
    if df.empty or float(df["pledged"].sum()) <= 0:
        sec.empty = f"No pledges by donors with a recorded GDP up to {day.isoformat()}."
        return sec
    years = sorted({int(y) for y in df["gdp_year"].dropna()})
    src = sorted({str(x) for x in df["gdp_source"].dropna()})
    n = ctx.notes.add(
        f"Pledges announced by {day.isoformat()}, not cancelled, valued in EUR at the ECB rate "
        f"of {money.rate_date(day).isoformat()} (queries.burden_shares), against Nation GDP "
        f"(EUR bn, {'/'.join(map(str, years)) or 'year n/a'}; "
        f"{'; '.join(src[:2]) or 'source n/a'}). Share = donor's part of the pledged total; "
        "GDP share = its part of the listed donors' GDP.",
        [ctx.notes.link("nation", c) for c in df["code"]],
    )
    total = float(df["pledged"].sum())
    sec.figures.append(fig("burden-total", total, fmt_money(total, CURRENCY), n))
    rows: list[list[Figure | str]] = [
        [
            str(r["code"]),
            fmt_money(r["pledged"], CURRENCY),
            fig(f"burden-pct-gdp:{r['code']}", r["pct_gdp"], f"{r['pct_gdp']:.3f} %"),
            fmt_pct(100 * r["share"]),
            fmt_pct(100 * r["gdp_share"]),
            f"{r['ratio']:.2f}",
        ]
        for r in queries.rows(df)
    ]
    sec.tables.append(
        (
            "Contribution as % of GDP against GDP share",
            Table(
                ["donor", "pledged", "% of GDP", "share of pledges", "GDP share", "ratio"],
                rows,
                n,
                numeric=(1, 2, 3, 4, 5),
            ),
        )
    )
    return sec
