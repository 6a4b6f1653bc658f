"""Stocks against targets: every series with a target, most urgent first, with weeks to
target (the depletion week) from the one outlook definition (queries.stock_outlook)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from materiel import queries
from materiel.brief.context import Context
from materiel.brief.model import Figure, Link, Section, Table, fmt_date, fmt_int, fmt_pct
from materiel.brief.notes import fig


def build(ctx: Context) -> Section:
    sec = Section("stocks", "Stocks against targets")
    sec.paragraphs.append(
        "SENSITIVE: national stock figures. For coordinators and ministers only; do not "
        "forward to analysts or donors other than the holder."
    )
    day, notes, opt = ctx.day, ctx.notes, ctx.options
    pos = queries.stock_position(ctx.session, ctx.viewer, as_of=day)
    pos = pos.loc[pos["quantity"].notna() & pos["target"].notna()].copy()
    if pos.empty:
        sec.empty = f"No stock report with a target in force on {day.isoformat()}."
        return sec
    scenario = ctx.scenarios[0]
    outlook = queries.stock_outlook(
        ctx.session, ctx.viewer, as_of=day, horizon=opt.horizon_weeks, scenario=scenario
    )
    df = pos.merge(
        outlook[["holder", "item", "weekly_use", "weeks_to_target", "depletion_date", "state"]],
        left_on=["nation_code", "item_code"],
        right_on=["holder", "item"],
        how="left",
    )
    rank = df["state"].map({s: n for n, s in enumerate(queries.outlook.STATES)})
    df = df.assign(_rank=rank, cover=df["cover"].astype(float)).sort_values(
        ["_rank", "weeks_to_target", "cover", "nation_code", "item_code"], na_position="last"
    )
    below = int(df["below_target"].sum())
    n_all = notes.add(
        f"Query: latest stock report on or before {day.isoformat()} per holder and item with "
        f"the target in force (queries.stock_position; {len(df)} series, reports dated "
        f"{fmt_date(min(df['as_of']))} to {fmt_date(max(df['as_of']))}); weeks to target = "
        "the depletion week, the first week the status-quo projection (recent weekly "
        "outflow and scheduled arrivals) falls below target (queries.stock_outlook).",
    )
    crossing = int((df["state"] == "crosses").sum())
    sec.figures += [
        fig("stocks-below-target", below, fmt_int(below), n_all),
        fig("stocks-series", len(df), fmt_int(len(df)), n_all),
        fig("stocks-crossing", crossing, fmt_int(crossing), n_all),
    ]
    shown = df.head(opt.top)
    links: list[Link] = []
    for r in queries.rows(shown):
        if r["report_id"] is not None:
            links.append(
                notes.link(
                    "stock_report", r["report_id"], f"report {r['nation_code']} {r['item_code']}"
                )
            )
        if r["target_id"] is not None:
            links.append(
                notes.link(
                    "stock_target", r["target_id"], f"target {r['nation_code']} {r['item_code']}"
                )
            )
    n_rows = notes.add(
        f"Stock report and target records of the {len(shown)} series shown (most urgent first).",
        links,
    )
    rows: list[list[Figure | str]] = []
    for r in queries.rows(shown):
        k = f"{r['nation_code']}:{r['item_code']}"
        weeks = r["weeks_to_target"]
        cover = r["cover"]
        rows.append(
            [
                str(r["nation_code"]),
                ctx.item(r["item_code"]),
                fig(f"stock:{k}", float(r["quantity"]), fmt_int(r["quantity"])),
                fmt_int(r["target"]),
                fmt_pct(100 * float(cover) if cover is not None else None, 0),
                fmt_int(r["weekly_use"]),
                fig(
                    f"depletion-week:{k}",
                    float(weeks) if weeks is not None else None,
                    _weeks_text(r),
                ),
                "below now" if r["below_target"] else fmt_date(r["depletion_date"]),
            ]
        )
    sec.tables.append(
        (
            "Stocks against targets, most urgent first",
            Table(
                [
                    "holder",
                    "item",
                    "stock",
                    "target",
                    "cover",
                    "use/week",
                    "weeks to target",
                    "date",
                ],
                rows,
                n_rows,
                more=len(df) - len(shown),
                numeric=(2, 3, 4, 5, 6),
            ),
        )
    )
    if opt.charts:
        _chart(ctx, sec, df, n_all)
    return sec


def _weeks_text(r: dict[str, Any]) -> str:
    state, weeks = r["state"], r["weeks_to_target"]
    if state == "below target":
        return "now"
    if state in ("crosses", "beyond horizon") and weeks is not None:
        return f"{float(weeks):.0f}"
    return "not within horizon"


def _chart(ctx: Context, sec: Section, df: pd.DataFrame, note: int) -> None:
    """The largest stock (in units) that falls below its target within the horizon."""
    cand = df.loc[df["state"] == "crosses"]
    if cand.empty:
        return
    from materiel.charts import (
        caption,
        cross_date_of,
        stock_trajectory,
        to_svg_str,
        trajectory_frame,
    )

    proj = queries.projected(
        ctx.session, ctx.day, ctx.options.horizon_weeks, ctx.scenarios[0]
    ).projection
    r0 = cand.sort_values(["target", "nation_code"], ascending=[False, True]).iloc[0]
    holder, item = str(r0["nation_code"]), str(r0["item_code"])
    chart = stock_trajectory(
        trajectory_frame(proj, holder, item),
        source=caption(proj, f"{holder} {item}"),
        title=f"{holder}: {ctx.item(item)}, stock and target at the current rate",
        cross_date=cross_date_of(proj, holder, item),
    )
    sec.charts.append(
        (
            to_svg_str(chart),
            "The largest stock to fall below its target in the horizon: "
            f"{holder} {ctx.item(item)}.",
            note,
        )
    )
