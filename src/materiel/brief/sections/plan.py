"""The latest plan: THE latest stored plan run as of the meeting (queries.latest_plan_run);
when there is none the section says so — the brief never solves one."""

from __future__ import annotations

import pandas as pd

from materiel import queries
from materiel.brief.context import Context
from materiel.brief.model import Figure, Section, Table, fmt_int, fmt_money
from materiel.brief.notes import fig


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
    sec.paragraphs.append(
        f"{how}; scenario {r.scenario}, {r.horizon_weeks} weeks from {r.as_of}, solver status "
        f"{r.status}."
    )
    unmet = r.tables.get("unmet", pd.DataFrame())
    tr = r.tables.get("transfers", pd.DataFrame())
    orders = r.tables.get("orders", pd.DataFrame())
    by_priority = queries.unmet_by_priority(unmet)
    total_unmet = float(unmet["unmet"].sum()) if len(unmet) else 0.0
    demand = float(unmet["demand"].sum()) if len(unmet) else 0.0
    crit = float(by_priority.loc[by_priority["priority"] == "critical", "unmet"].sum())
    tq = float(tr["quantity"].sum()) if len(tr) else 0.0
    sec.figures += [
        fig("plan-unmet", total_unmet, fmt_int(total_unmet), n),
        fig("plan-demand", demand, fmt_int(demand), n),
        fig("plan-unmet-critical", crit, fmt_int(crit), n),
        fig("plan-transfers", tq, fmt_int(tq), n),
        fig("plan-orders", len(orders), fmt_int(len(orders)), n),
    ]
    if len(tr):
        g = tr.groupby(["donor", "item"], as_index=False)["quantity"].sum()
        g = g.sort_values("quantity", ascending=False)
        shown = g.head(top)
        sec.tables.append(
            (
                "Proposed transfers from donor stocks (sum over the horizon)",
                Table(
                    ["donor", "item", "quantity"],
                    [
                        [
                            str(x["donor"]),
                            str(x["item"]),
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
                            str(x["item"]),
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
    if len(by_priority):
        sec.tables.append(
            (
                "Unmet need left by the plan, by priority",
                Table(
                    ["priority", "demand", "unmet"],
                    [
                        [str(x["priority"]), fmt_int(x["demand"]), fmt_int(x["unmet"])]
                        for x in queries.rows(by_priority)
                    ],
                    n,
                    numeric=(1, 2),
                ),
            )
        )
    rank = r.tables.get("ranking", pd.DataFrame())
    if len(rank):
        from materiel.plan.explain import RANKING_LABELS, ranking_rows

        shown = rank.head(5)
        rows: list[list[Figure | str]] = [
            [
                row["kind"],
                row["name"],
                row["item"],
                fig(
                    f"marginal:{row['name']}",
                    float(x["units_short_avoided"] or 0.0),
                    row["units"],
                ),
                row["weeks"],
                row["below"],
                row["why"],
            ]
            for row, x in zip(ranking_rows(shown), queries.rows(shown), strict=True)
        ]
        sec.tables.append(
            (
                f"Where the next USD 1 million does most good (each figure the difference a "
                f"re-solve of the plan shows over its {r.horizon_weeks}-week horizon)",
                Table(list(RANKING_LABELS.values()), rows, n, numeric=(3, 4, 5)),
            )
        )
        sec.paragraphs += [str(x) for x in shown["sentence"] if str(x)]
    targets = [x for x in r.sentences if x.startswith("Lowering")]
    sec.paragraphs += targets[:3]
    return sec
