"""The latest plan: THE latest stored plan run as of the meeting (queries.latest_plan_run);
when there is none the section says so — the brief never solves one."""

from __future__ import annotations

import pandas as pd

from materiel import queries
from materiel.brief.context import Context
from materiel.brief.model import Figure, Section, Table, fmt_int, fmt_money
from materiel.brief.notes import fig

#: the plain-language box "What the plan assumes" (README.md says the same)
ASSUMES = (
    "Needs not met by their date stay owed and are met as soon as "
    "stock allows, each week late counting (critical 100, high 10, routine 1 per dollar of "
    "need); consumption not met in its week is lost and counts like high-priority need unmet "
    "for the whole horizon, so routine needs never take stock consumption needs; a "
    "dollar-week of a donor's stock below its target counts λ = {lam} times a dollar-week of "
    "routine need; transfers take the donor's transit time (1 week unless recorded), orders "
    "the line's lead time, and the weeks after the horizon still count, so orders arriving "
    "after it are made when they help. Values in USD at the catalogue's unit values (ECB "
    "rates of {rate}); quantities rounded to whole units."
)


def _one(x: object) -> str:
    """One decimal, without a negative zero."""
    return f"{round(float(str(x)), 1) + 0.0:,.1f}"


def build(ctx: Context) -> Section:
    sec = Section("plan", "The latest plan")
    notes, top = ctx.notes, ctx.options.top
    scenario = ctx.scenarios[0]
    if ctx.plan is None:
        sec.empty = (
            f"No optimal plan run for scenario {scenario} is stored as of "
            f"{ctx.day.isoformat()}: run `materiel plan --as-of {ctx.day.isoformat()}` "
            "(or start one on the Plan page) and make the brief again."
        )
        return sec
    r = ctx.plan.result
    how = f"Plan run {ctx.plan.run_id} (the latest stored as of {ctx.day.isoformat()})"
    n = notes.add(
        f"{how}: scenario {r.scenario}, {r.horizon_weeks} weeks from {r.as_of}, status "
        f"{r.status}, objective {r.objective if r.objective is None else round(r.objective, 2)}, "
        f"plan snapshot {str(r.snapshot_hash)[:12]} (queries.latest_plan_run).",
        [notes.link("plan_run", ctx.plan.run_id, f"plan run {ctx.plan.run_id}")],
    )
    pct = queries.critical_met(r.tables.get("need_met", pd.DataFrame()))["percent"]
    sec.paragraphs.append(
        f"{how}; scenario {r.scenario}, {r.horizon_weeks} weeks from {r.as_of}, solver status "
        f"{r.status}. "
        + (
            f"Critical need met by the end of the horizon: {pct:.0f} % by value."
            if pct is not None
            else "No critical need is due within the horizon."
        )
    )
    need = r.tables.get("need_met", pd.DataFrame())
    cons = r.tables.get("consumption_met", pd.DataFrame())
    tr = r.tables.get("transfers", pd.DataFrame())
    orders = r.tables.get("orders", pd.DataFrame())
    head = queries.critical_met(need)
    lam = r.params.get("readiness_weight")
    pct = head["percent"]
    sec.figures += [
        fig(
            "plan-critical-met",
            pct,
            "—" if pct is None else f"{pct:.0f} %",
            n,
        ),
        fig("plan-critical-due", head["value_due"], fmt_money(head["value_due"], "USD"), n),
        fig("plan-transfers", len(tr), fmt_int(len(tr)), n),
        fig("plan-orders", len(orders), fmt_int(len(orders)), n),
    ]
    sec.box = (
        "What the plan assumes",
        ASSUMES.format(
            lam="the scenario's" if lam is None else f"{float(lam):g}",
            rate=r.rate_date or r.as_of,
        ),
    )
    if head["items"]:
        sec.tables.append(
            (
                "Critical need met by the end of the horizon, per item (units of each item)",
                Table(
                    ["item", "due", "met", "share met"],
                    [
                        [
                            ctx.item(x["item"]),
                            fmt_int(x["due"]),
                            fig(f"critical-met:{x['item']}", x["met"], fmt_int(x["met"])),
                            f"{100.0 * float(x['share']):.0f} %",
                        ]
                        for x in head["items"][:top]
                    ],
                    n,
                    more=max(0, len(head["items"]) - top),
                    numeric=(1, 2, 3),
                ),
            )
        )
    by_priority = queries.need_by_priority(need)
    if len(by_priority):
        sec.tables.append(
            (
                "Stated need met by the end of the horizon, by priority (by value, USD)",
                Table(
                    ["priority", "due", "met", "share met"],
                    [
                        [
                            str(x["priority"]),
                            fmt_money(x["value_due"], "USD"),
                            fmt_money(x["value_met"], "USD"),
                            f"{100.0 * float(x['share']):.0f} %",
                        ]
                        for x in queries.rows(by_priority)
                    ],
                    n,
                    numeric=(1, 2, 3),
                ),
            )
        )
    if len(cons):
        # largest value not met first (ranking by units would compare different items)
        worst = cons.assign(_v=cons["unmet"] * cons["unit_value"]).sort_values(
            "_v", ascending=False
        )
        sec.tables.append(
            (
                "Consumption met within the horizon (units of each item, largest value not met "
                "first; consumption has no priority)",
                Table(
                    ["recipient", "item", "consumption", "met", "share met"],
                    [
                        [
                            str(x["recipient"]),
                            ctx.item(x["item"]),
                            fmt_int(x["consumption"]),
                            fmt_int(x["met"]),
                            f"{100.0 * float(x['share_met']):.0f} %",
                        ]
                        for x in queries.rows(worst.head(top))
                    ],
                    n,
                    more=max(0, len(worst) - top),
                    numeric=(2, 3, 4),
                ),
            )
        )
    if len(tr):
        cols = ["quantity", "value"] if "value" in tr else ["quantity"]
        g = tr.groupby(["donor", "item"], as_index=False)[cols].sum()
        g = g.sort_values(cols[-1], ascending=False)  # by value: units of items differ
        shown = g.head(top)
        sec.tables.append(
            (
                "Proposed transfers from donor stocks (sum over the horizon; units of each "
                "item, largest value first)",
                Table(
                    ["donor", "item", "quantity"],
                    [
                        [
                            str(x["donor"]),
                            ctx.item(x["item"]),
                            fig(
                                f"transfer:{x['donor']}:{x['item']}",
                                x["quantity"],
                                fmt_int(x["quantity"]),
                            ),
                        ]
                        for x in queries.rows(shown)
                    ],
                    n,
                    more=len(g) - len(shown),
                    numeric=(2,),
                ),
            )
        )
    if len(orders):
        g = orders.groupby(["fund", "line", "item", "currency"], as_index=False)[
            ["quantity", "cost"]
        ].sum()
        g = g.sort_values("cost", ascending=False)
        sec.tables.append(
            (
                "Proposed orders",
                Table(
                    ["fund", "line", "item", "quantity", "cost"],
                    [
                        [
                            str(x["fund"]),
                            str(x["line"]),
                            ctx.item(x["item"]),
                            fig(
                                f"order:{x['fund']}:{x['line']}",
                                x["quantity"],
                                fmt_int(x["quantity"]),
                            ),
                            fmt_money(x["cost"], str(x["currency"])),
                        ]
                        for x in queries.rows(g.head(top))
                    ],
                    n,
                    more=max(0, len(g) - top),
                    numeric=(3, 4),
                ),
            )
        )
    rank = r.tables.get("ranking", pd.DataFrame())
    if len(rank):
        from materiel.plan.explain import (
            after_label,
            ranking_labels,
            ranking_rows,
            ranking_span,
            within_label,
        )

        shown = rank.head(5)
        h, tail = ranking_span(shown)
        labels = ranking_labels(h, tail)
        printed = ranking_rows(shown)
        within, after = f"weeks 1–{h}", f"weeks {h + 1}–{h + tail}"
        # short headers (the full labels follow the table): an A4 page holds the columns
        # that say something; the units columns always stay (they carry the figures)
        heads = {
            "units": f"units short, {within}",
            "weeks": f"need served, {within}",
            "below": f"USD-weeks below target, {within}",
            "units_after": f"units short, {after}",
            "weeks_after": f"need served, {after}",
            "below_after": f"USD-weeks below target, {after}",
            "why": "why no effect (or none within the horizon)",
        }
        keep = [k for k in heads if k.startswith("units") or any(row[k] for row in printed)]

        def cell(row: dict[str, str], x: dict[str, object], key: str) -> Figure | str:
            if key == "units":
                value = float(x["units_short_avoided"] or 0.0)  # type: ignore[arg-type]
                return fig(f"marginal:{row['name']}", value, row["units"])
            if key == "units_after":
                value = float(x.get("units_short_avoided_after") or 0.0)  # type: ignore[arg-type]
                return fig(f"marginal-after:{row['name']}", value, row["units_after"])
            return row[key]

        rows: list[list[Figure | str]] = [
            [
                row["kind"],
                row["name"],
                ctx.item(row["item"]) if row["item"] else "",
                *(cell(row, x, k) for k in keep),
            ]
            for row, x in zip(printed, queries.rows(shown), strict=True)
        ]
        columns = ["kind", "name", labels["item"], *(heads[k] for k in keep)]
        numeric = tuple(3 + i for i, k in enumerate(keep) if k != "why")
        sec.tables.append(
            (
                f"Where the next USD 1 million does most good (each figure the difference a "
                f"re-solve of the plan shows, {within_label(h)} and {after_label(h, tail)}; "
                "the moves that change something first, by the objective gain: the model's "
                "valuation of these figures)",
                Table(columns, rows, n, numeric=numeric),
            )
        )
        sec.paragraphs.append(
            "In the table: "
            + "; ".join(labels[k] for k in ("units", "weeks", "below"))
            + "; and the same after the horizon ("
            + after
            + "). Columns with no figure in these rows are left out."
        )
        sec.paragraphs += [ctx.named(x) for x in shown["sentence"] if str(x)]
    targets = [x for x in r.sentences if x.startswith("Lowering")]
    sec.paragraphs += [ctx.named(x) for x in targets[:3]]
    if r.frontier and ctx.options.charts:
        _frontier(sec, r.frontier, n)
    return sec


def _frontier(sec: Section, frontier: dict[str, object], note: int) -> None:
    """The readiness–support frontier stored with the plan run: chart and table."""
    from materiel.charts import frontier_chart, to_svg_str

    points = list(frontier.get("points") or [])  # type: ignore[call-overload]
    if not points:
        return
    sec.charts.append(
        (
            to_svg_str(frontier_chart(points, source=str(frontier.get("source", "")))),
            "Readiness against support: each point a full plan at one readiness weight λ; "
            "the higher λ, the less donors give below their targets.",
            note,
        )
    )
    sec.tables.append(
        (
            "The readiness–support frontier (shares met by value; each row a full plan)",
            Table(
                [
                    "readiness weight λ",
                    "critical need met",
                    "all stated need met",
                    "consumption met",
                    "stock below target",
                ],
                [
                    [
                        f"{float(p['readiness_weight']):g}",
                        *(
                            "—" if p.get(k) is None else f"{100.0 * float(p[k]):.0f} %"
                            for k in ("critical_share", "need_share", "consumption_share")
                        ),
                        f"USD {float(p['below_target_value_weeks']) / 1e6:,.1f} m-weeks",
                    ]
                    for p in points
                ],
                note,
                numeric=(0, 1, 2, 3, 4),
            ),
        )
    )
