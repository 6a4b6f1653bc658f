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
    marg = r.tables.get("marginals", pd.DataFrame())
    if len(rank):
        rows: list[list[Figure | str]] = [
            [
                str(x["kind"]),
                str(x["name"]),
                _one(x["objective_per_million_usd"]),
                fig(
                    f"marginal:{x['name']}",
                    float(x["high_priority_units_per_million_usd"]),
                    _one(x["high_priority_units_per_million_usd"]),
                ),
                "yes" if x["checked"] is True else "no" if x["checked"] is False else "",
            ]
            for x in queries.rows(rank.head(5))
        ]
        sec.tables.append(
            (
                "Where the next million does most good",
                Table(
                    [
                        "kind",
                        "name",
                        "objective gain per USD 1 m",
                        "high-priority units per USD 1 m",
                        "checked",
                    ],
                    rows,
                    n,
                    numeric=(2, 3),
                ),
            )
        )
    if len(marg):
        sec.paragraphs += [str(x) for x in marg["sentence"].head(5)]
    return sec
