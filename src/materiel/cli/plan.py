"""``materiel plan``: solve the weekly transfer and procurement plan and store it."""

from __future__ import annotations

from typing import Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from materiel.cli.context import (
    as_of_date,
    cell,
    console,
    err_console,
    fail,
    print_csv,
    print_json,
    state,
    styled,
)
from materiel.plan_policy import HORIZON_WEEKS, READINESS_WEIGHT

STAGES = {
    "snapshot": "Reading the records into a snapshot",
    "build": "Building the linear program",
    "solve": "Solving with HiGHS",
    "explain": "Checking marginal values (re-solves)",
    "greedy": "Running the greedy baseline",
    "frontier": "Solving the readiness–support frontier (warm-started sweep)",
    "store": "Storing the plan run",
}


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)


def plan(
    ctx: typer.Context,
    as_of: str | None = typer.Option(None, "--as-of", help="Plan date (YYYY-MM-DD); today"),
    horizon: int = typer.Option(HORIZON_WEEKS, "--horizon", min=1, max=260, help="Weeks to plan"),
    readiness_weight: float | None = typer.Option(
        None,
        "--readiness-weight",
        min=0.0,
        help="λ: weight of a dollar-week of donor stock below target against a dollar-week "
        f"of routine need unmet (default: the scenario's, else {READINESS_WEIGHT:g})",
    ),
    frontier: bool = typer.Option(
        False,
        "--frontier",
        help="Also solve for a sweep of readiness weights (warm-started) and report critical "
        "need met against stock below target (stored with the plan run)",
    ),
    scenario: str = typer.Option("baseline", "--scenario", help="Scenario name"),
    hard_targets: bool = typer.Option(
        False, "--hard-targets", help="Never give a stock below its target"
    ),
    compare_greedy: bool = typer.Option(
        False, "--compare-greedy", help="Also run the greedy baseline and print both"
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
    as_csv: bool = typer.Option(
        False,
        "--csv",
        help="Print the plan's rows as CSV for spreadsheets: one line per row of its tables "
        "(transfers, orders, need met, consumption met, ranking, unmet), named in the first "
        "column, nothing else.",
    ),
    store: bool = typer.Option(True, "--store/--no-store", help="Store as a plan run"),
    time_limit: float = typer.Option(
        120.0, "--time-limit", min=1.0, help="Seconds HiGHS may take (best bound reported)"
    ),
    method: str = typer.Option(
        "auto",
        "--method",
        help="auto (simplex; item by item for very large plans), simplex, ipm, or split",
    ),
) -> None:
    """Solve the plan LP on a snapshot of the records, explain it and store it."""
    from materiel.plan import PlanError, solve
    from materiel.plan.store import store_plan
    from materiel.snapshot import SnapshotError, build_snapshot

    day = as_of_date(as_of)
    if method not in ("auto", "simplex", "ipm", "split"):
        fail(f"--method: {method!r} is not one of auto, simplex, ipm, split")
    engine = state(ctx).engine()
    wanted = [
        s for s in STAGES if (s != "greedy" or compare_greedy) and (s != "frontier" or frontier)
    ]
    if not store:
        wanted.remove("store")
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=as_json or as_csv,
    )
    with progress:
        task = progress.add_task(STAGES["snapshot"], total=len(wanted))

        def report(stage: str, _: float = 0.0) -> None:
            if stage in wanted:
                progress.update(task, description=STAGES[stage], completed=wanted.index(stage))

        try:
            snap = build_snapshot(engine, day, horizon, scenario)
            result = solve(
                snap,
                hard_targets=True if hard_targets else None,
                compare_greedy=compare_greedy,
                progress=report,
                time_limit=time_limit,
                method=method,
                readiness_weight=readiness_weight,
            )
            if frontier:
                from materiel.plan.frontier import sweep

                report("frontier")
                result.frontier = sweep(
                    snap,
                    readiness_weight=readiness_weight,
                    hard_targets=True if hard_targets else None,
                    time_limit=time_limit,
                ).to_json()
        except (SnapshotError, PlanError) as exc:
            fail(str(exc))
            return
        run_id = None
        if store:
            report("store")
            run_id = store_plan(engine, result, actor="cli")
        progress.update(task, completed=len(wanted), description="Done")

    if as_json or as_csv:
        for w in result.warnings:
            if "lead time" in w:
                err_console.print(styled(("warning:", "yellow"), f" {w}"))
        out: dict[str, Any] = {"plan_run_id": run_id, **result.to_json()}
        tabs = out.pop("tables")
        for name in ("transfers", "orders", "need_met", "consumption_met", "ranking"):
            out[name] = tabs.get(name, [])
        # unmet by item and week: the rows with something not met
        out["unmet"] = [r for r in tabs.get("unmet", []) if (r.get("unmet") or 0) > 0]
        out["breaches"] = tabs.get("breaches", [])
        if as_csv:
            tables = ("transfers", "orders", "need_met", "consumption_met", "ranking", "unmet")
            print_csv(
                [
                    {"table": name, "plan_run_id": run_id, "as_of": day.isoformat(), **row}
                    for name in tables
                    for row in out[name]
                ]
            )
            return
        print_json(out)
        return
    _summary(result, run_id)
    if result.frontier:
        _frontier(result.frontier)


def _empty() -> Any:
    import pandas as pd

    return pd.DataFrame()


def _summary(result: Any, run_id: int | None) -> None:
    from materiel.plan.results import ROUNDING

    source = (
        f"Source: snapshot {result.snapshot_hash[:12]} of the records as of {result.as_of}, "
        f"scenario {result.scenario!r}"
        + (f", ECB rates of {result.rate_date}" if result.rate_date else "")
        + (" — SYNTHETIC demo data" if result.synthetic else "")
    )
    head = Table.grid(padding=(0, 2))
    head.add_row("Status", cell(result.status, "bold"))
    head.add_row("Objective", f"{result.objective:,.1f}" if result.objective is not None else "—")
    if result.gap:
        head.add_row("Best bound / gap", f"{result.bound} / {result.gap:.2%}")
    if result.greedy_objective is not None:
        head.add_row("Greedy baseline", f"{result.greedy_objective:,.1f}")
    head.add_row(
        "Timings",
        f"build {result.build_seconds:.2f} s, solve {result.solve_seconds:.2f} s "
        f"({result.method}), explain {result.explain_seconds:.2f} s",
    )
    head.add_row(
        "Targets",
        "hard"
        if result.hard_targets
        else f"soft, readiness weight λ = {float(result.params.get('readiness_weight', 0)):g}",
    )
    if run_id is not None:
        head.add_row("Stored", f"plan run {run_id}")
    console.print(head)
    for w in result.warnings:
        console.print(styled(("warning:", "yellow"), f" {w}"))

    from materiel.cli.tables import compact, new_table, show

    rep = result.report()
    head_line = result.headline()
    if head_line["share"] is not None:
        console.print(
            styled(
                (
                    f"Critical need met by the end of the horizon: {head_line['share']:.0%} "
                    "by value",
                    "bold",
                ),
                f" (USD {head_line['value_met'] / 1e6:,.1f} m of "
                f"{head_line['value_due'] / 1e6:,.1f} m at catalogue unit values, ECB rates of "
                f"{result.rate_date or result.as_of})",
            )
        )
    else:
        console.print("No critical need is due within the horizon.")
    nm = rep.get("need_met", _empty())
    if len(nm):
        # one recipient (the usual case) is named in the title, so the table fits 80 columns
        recipients = sorted(set(nm["recipient"]))
        single = len(recipients) == 1
        t = new_table(
            "Stated need met by the end of the horizon"
            + (f" for {recipients[0]}" if single else "")
            + " (units of each item; k = thousand, m = million)",
            "=priority",
            *(() if single else ("=recipient",)),
            "=item",
            ">due",
            ">met",
            ">met %",
            ">weeks\nlate",
        )
        order = {"critical": 0, "high": 1, "routine": 2}
        nm = nm.assign(_o=nm["priority"].map(order)).sort_values(
            ["_o", "value_due"], ascending=[True, False]
        )
        for r in nm.head(15).itertuples():
            t.add_row(
                r.priority,
                *(() if single else (r.recipient,)),
                r.item,
                compact(r.due),
                compact(r.met),
                f"{r.share_met:.0%}",
                f"{r.weeks_late:,.1f}",
            )
        show(t)
    cm = rep.get("consumption_met", _empty())
    if len(cm):
        t = new_table(
            "Consumption met within the horizon (units of each item; largest value short first)",
            "=recipient",
            "=item",
            ">consumption",
            ">met",
            ">met %",
        )
        cm = cm.assign(_v=cm["unmet"] * cm["unit_value"])  # by value: units of items differ
        for r in cm.sort_values("_v", ascending=False).head(10).itertuples():
            t.add_row(
                r.recipient, r.item, f"{r.consumption:,.0f}", f"{r.met:,.0f}", f"{r.share_met:.0%}"
            )
        show(t)
    tr = rep.get("transfers", _empty())
    if len(tr):
        cols = ["quantity", "value"] if "value" in tr else ["quantity"]
        top = tr.groupby(["donor", "recipient", "item"], as_index=False)[cols].sum()
        top = top.sort_values(cols[-1], ascending=False).head(10)  # by value: units differ
        t = new_table(
            "Top transfers (horizon; units of each item, largest value first)",
            "=donor",
            "=recipient",
            "=item",
            ">quantity",
        )
        for r in top.itertuples():
            t.add_row(r.donor, r.recipient, r.item, f"{r.quantity:,.0f}")
        show(t)
    orders = rep.get("orders", _empty())
    if len(orders):
        top = orders.groupby(["fund", "line", "item", "destination", "currency"], as_index=False)[
            ["quantity", "cost"]
        ].sum()
        top = top.sort_values("cost", ascending=False).head(10)
        t = new_table(
            "Orders (largest cost first; cost in millions of the fund's currency)",
            "=fund",
            "=line",
            "=item",
            "=to",
            ">quantity",
            ">cost m",
            drop=("line",),
        )
        for r in top.itertuples():
            t.add_row(
                r.fund,
                r.line,
                r.item,
                r.destination,
                f"{r.quantity:,.0f}",
                f"{r.cost / 1e6:,.1f} {r.currency}",
            )
        show(t)
    ranking = result.tables.get("ranking", _empty())
    if len(ranking):
        from materiel.plan.explain import (
            AFTER_KEYS,
            WITHIN_KEYS,
            after_label,
            ranking_labels,
            ranking_rows,
            ranking_span,
            within_label,
        )

        rows = list(enumerate(ranking_rows(ranking.head(10)), start=1))
        figures = (*WITHIN_KEYS, *AFTER_KEYS)
        helped = [(k, row) for k, row in rows if any(row[c] for c in figures)]
        h, tail = ranking_span(ranking)
        labels = ranking_labels(h, tail)
        # short headers, the full labels in the caption; the reasons of the lines and funds
        # that would change nothing (or nothing within the horizon) follow the table as
        # sentences (they read badly in a column)
        heads = {
            "kind": "kind",
            "name": "=name",
            "item": "=item",
            "units": ">units\nshort",
            "weeks": ">weeks",
            "below": ">USD-weeks\nbelow target",
            "units_after": ">after:\nunits short",
            "weeks_after": ">after:\nweeks",
            "below_after": ">after:\nUSD-weeks\nbelow",
        }

        def label(key: str) -> str:
            return " ".join(heads[key].lstrip(">=").split())

        empty = [k for k in heads if not any(row[k] for _, row in helped)]
        t = new_table(
            f"Where the next USD 1 million does most good (re-solves; {within_label(h)}, "
            f"then {after_label(h, tail)})",
            ">#",
            *heads.values(),
            drop=(
                *(label(k) for k in empty),
                label("weeks_after"),
                label("weeks"),
                label("kind"),
            ),
        )
        for k, row in helped:
            t.add_row(str(k), *(row[c] for c in heads))
        t.caption = (
            "; ".join(labels[k] for k in figures)
            + ". Every figure is the difference a re-solve shows; rows that change something "
            "come first, by the objective gain (the model's valuation of these figures)."
        )
        if helped:
            show(t)
        for k, row in rows:
            if row["why"] and any(row[c] for c in figures):
                console.print(f"{k}. {row['kind']} {row['name']}: {row['why']}.")
            elif row["why"]:
                console.print(f"{k}. {row['kind']} {row['name']}: no effect, {row['why']}.")
    for s in result.sentences[:12]:
        console.print(f"• {s}")
    console.print(f"{ROUNDING} {source}", style="dim")


def _frontier(frontier: dict[str, Any]) -> None:
    """The readiness–support frontier: per readiness weight, critical need met against
    alliance stock below target."""
    from materiel.cli.tables import new_table, show

    t = new_table(
        "Readiness–support frontier (each row a full plan)",
        ">readiness\nweight λ",
        ">critical\nneed met\n(by value)",
        ">all stated\nneed met\n(by value)",
        ">consumption\nmet\n(by value)",
        ">stock below\ntarget (USD\nm-weeks)",
        "=status",
    )
    for p in frontier["points"]:
        share = "—" if p["critical_share"] is None else f"{p['critical_share']:.0%}"
        t.add_row(
            f"{p['readiness_weight']:g}",
            share,
            "—" if p.get("need_share") is None else f"{p['need_share']:.0%}",
            "—" if p.get("consumption_share") is None else f"{p['consumption_share']:.0%}",
            f"{p['below_target_value_weeks'] / 1e6:,.1f}",
            p["status"],
        )
    show(t)
    console.print(frontier["source"], style="dim")
