"""Risk under the chosen scenarios (Monte Carlo) and the structural gap."""

from __future__ import annotations

import numpy as np
import xarray as xr

from materiel import queries
from materiel.brief.context import Context
from materiel.brief.model import Figure, Section, Table, fmt_int, fmt_money, fmt_pct
from materiel.brief.notes import fig


def build(ctx: Context) -> Section:
    """Per scenario: recipient items by probability of a shortfall by the end of the
    horizon (then the earliest week it passes 50 %, then the expected shortfall)."""
    sec = Section("risk", "Risk under the chosen scenarios")
    opt, notes = ctx.options, ctx.notes
    first_chart = True
    for sc in ctx.scenarios:
        snap = ctx.snapshots[sc]
        risk = queries.shortfall_risk(snap, paths=opt.paths, seed=opt.seed)
        n = notes.add(
            f"Monte Carlo (queries.shortfall_risk, forecast.simulate), scenario {sc}, "
            f"{opt.paths} paths, seed {opt.seed}, {risk.weeks} weeks from "
            f"{snap.attrs['as_of']}, scenario snapshot {str(snap.attrs['content_hash'])[:12]}: "
            "probability of at least one week of recipient shortfall by the end of the "
            "horizon; first week it passes 50 %; expected shortfall = mean unmet quantity "
            "summed over the horizon.",
        )
        if not (risk.simulation["holder_kind"].values == "recipient").any():
            continue
        sec.figures.append(fig(f"risk-likely:{sc}", risk.likely, fmt_int(risk.likely), n))
        if risk.unknown:
            sec.paragraphs.append(
                f"Scenario {sc}: {fmt_int(risk.unknown)} items the recipients consume have no "
                "stock report; their shortfall risk is unknown and not ranked."
            )
        if risk.table.empty:
            sec.paragraphs.append(f"Scenario {sc}: no recipient shortfall in any simulated path.")
            continue
        shown = risk.table.head(opt.top)
        rows: list[list[Figure | str]] = [
            [
                str(r["recipient"]),
                ctx.item(r["item"]),
                fig(
                    f"risk:{sc}:{r['recipient']}:{r['item']}",
                    r["probability"],
                    fmt_pct(100 * r["probability"], 0),
                ),
                r["passes_half"].isoformat() if r["passes_half"] is not None else "",
                fmt_int(r["expected_short"]),
            ]
            for r in queries.rows(shown)
        ]
        sec.tables.append(
            (
                f"Scenario {sc}: probability of a recipient shortfall within {risk.weeks} weeks",
                Table(
                    [
                        "recipient",
                        "item",
                        "probability",
                        "passes 50 % in week of",
                        "expected short",
                    ],
                    rows,
                    n,
                    more=len(risk.table) - len(shown),
                    numeric=(2, 4),
                ),
            )
        )
        if opt.charts and first_chart and "stock_q" in risk.simulation:
            _fan(sec, risk.simulation, shown, sc, n)
            first_chart = False
    if not sec.tables:
        sec.empty = "No recipient shortfall appears in any simulated path."
    _gap(ctx, sec)
    return sec


def _fan(sec: Section, mc: xr.Dataset, shown: object, sc: str, note: int) -> None:
    """Of the most likely shortfalls, the one with the most stock to show in the fan."""
    from materiel.charts import caption, fan_chart, fan_frame, to_svg_str

    holders = [str(h) for h in mc["holder"].values]
    items = [str(i) for i in mc["item"].values]
    median = mc["stock_q"].sel(quantile=0.5, method="nearest").values.max(axis=2)
    best, peak = None, -np.inf
    for r in queries.rows(shown):  # type: ignore[arg-type]
        v = median[holders.index(r["recipient"]), items.index(r["item"])]
        if v > peak:
            best, peak = (str(r["recipient"]), str(r["item"])), v
    if best is None:
        return
    h, i = best
    chart = fan_chart(fan_frame(mc, h, i), source=caption(mc, f"{h} {i}"), title=f"{h}: {i} ({sc})")
    sec.charts.append((to_svg_str(chart), f"A likely shortfall: {h} {i}, scenario {sc}.", note))


def _gap(ctx: Context, sec: Section) -> None:
    """The structural gap: what the recipients consume against what the lines make."""
    opt = ctx.options
    snap = next(iter(ctx.snapshots.values()))
    table, months = queries.structural_gap(snap)
    table = table.head(opt.top // 3 or 1)
    if table.empty:
        return
    n = ctx.notes.add(
        f"Status-quo projection (queries.structural_gap: forecast.project, "
        f"forecast.alliance_table), scenario {snap.attrs['scenario']}, {snap.sizes['week']} "
        f"weeks from {snap.attrs['as_of']}: consumption of the recipients (ScenarioRate) "
        "against the capacity of the production lines with their ramp (× the scenario's "
        "production achievement), per month; value at the catalogue unit value in USD (ECB "
        f"rate of {snap.attrs.get('rate_date')}).",
    )
    sec.tables.append(
        (
            "Structural gap: monthly consumption against production, largest value first",
            Table(
                ["item", "consumption / month", "production / month", "gap / month", "gap value"],
                [
                    [
                        ctx.item(r["item"]),
                        fmt_int(r["consumption_per_month"]),
                        fmt_int(r["production_per_month"]),
                        fig(f"gap:{r['item']}", r["gap_per_month"], fmt_int(r["gap_per_month"])),
                        fmt_money(r["gap_value"], "USD"),
                    ]
                    for r in queries.rows(table)
                ],
                n,
                numeric=(1, 2, 3, 4),
            ),
        )
    )
    if opt.charts:
        from materiel.charts import caption, gap_bars, to_svg_str
        from materiel.forecast import project

        chosen = months.loc[months["item"].isin(table["item"].head(4))]
        chosen = chosen.assign(item=chosen["item"].map(ctx.item))  # the legend names items
        chart = gap_bars(chosen, source=caption(project(snap), "alliance-wide"))
        sec.charts.append(
            (to_svg_str(chart), "Structural gap per month of the items short the most by value.", n)
        )
