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
    print_json,
    state,
    styled,
)

STAGES = {
    "snapshot": "Reading the records into a snapshot",
    "build": "Building the linear program",
    "solve": "Solving with HiGHS",
    "explain": "Checking marginal values (re-solves)",
    "greedy": "Running the greedy baseline",
    "store": "Storing the plan run",
}


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)


def plan(
    ctx: typer.Context,
    as_of: str | None = typer.Option(None, "--as-of", help="Plan date (YYYY-MM-DD); today"),
    horizon: int = typer.Option(26, "--horizon", min=1, max=260, help="Weeks to plan"),
    scenario: str = typer.Option("baseline", "--scenario", help="Scenario name"),
    hard_targets: bool = typer.Option(
        False, "--hard-targets", help="Never give a stock below its target"
    ),
    compare_greedy: bool = typer.Option(
        False, "--compare-greedy", help="Also run the greedy baseline and print both"
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
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
    wanted = [s for s in STAGES if s != "greedy" or compare_greedy]
    if not store:
        wanted.remove("store")
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=as_json,
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
            )
        except (SnapshotError, PlanError) as exc:
            fail(str(exc))
            return
        run_id = None
        if store:
            report("store")
            run_id = store_plan(engine, result, actor="cli")
        progress.update(task, completed=len(wanted), description="Done")

    if as_json:
        out: dict[str, Any] = {"plan_run_id": run_id, **result.summary()}
        out["unmet_by_priority"] = result.unmet_by_priority().to_dict(orient="records")
        out["ranking"] = result.tables.get("ranking", _empty()).to_dict(orient="records")
        out["transfers"] = len(result.tables.get("transfers", _empty()))
        out["orders"] = len(result.tables.get("orders", _empty()))
        # the rows behind the counts (issue 17): transfers and orders by week, and the
        # unmet need by recipient, item and week (rows with something in them)
        unmet = result.tables.get("unmet", _empty())
        if len(unmet) and "unmet" in unmet:
            unmet = unmet.loc[unmet["unmet"] > 0]
        out["rows"] = {
            "transfers": result.tables.get("transfers", _empty()).to_dict(orient="records"),
            "orders": result.tables.get("orders", _empty()).to_dict(orient="records"),
            "unmet": unmet.to_dict(orient="records"),
        }
        print_json(out)
        return
    _summary(result, run_id)


def _empty() -> Any:
    import pandas as pd

    return pd.DataFrame()


def _summary(result: Any, run_id: int | None) -> None:
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
    head.add_row("Targets", "hard" if result.hard_targets else "soft (scenario weight)")
    if run_id is not None:
        head.add_row("Stored", f"plan run {run_id}")
    console.print(head)
    for w in result.warnings:
        console.print(styled(("warning:", "yellow"), f" {w}"))

    from materiel.cli.tables import new_table, show

    unmet = new_table("Unmet need by priority", "=priority", ">demand", ">unmet", ">met %")
    for row in result.unmet_by_priority().itertuples():
        met = 100 * (1 - row.unmet / row.demand) if row.demand else 100.0
        unmet.add_row(row.priority, f"{row.demand:,.0f}", f"{row.unmet:,.0f}", f"{met:.0f}")
    show(unmet)

    tr = result.tables.get("transfers", _empty())
    if len(tr):
        top = tr.groupby(["donor", "recipient", "item"], as_index=False)["quantity"].sum()
        top = top.sort_values("quantity", ascending=False).head(10)
        t = new_table("Top transfers (horizon)", "=donor", "=recipient", "=item", ">quantity")
        for r in top.itertuples():
            t.add_row(r.donor, r.recipient, r.item, f"{r.quantity:,.0f}")
        show(t)
    orders = result.tables.get("orders", _empty())
    if len(orders):
        top = orders.groupby(["fund", "line", "item", "destination", "currency"], as_index=False)[
            ["quantity", "cost"]
        ].sum()
        top = top.sort_values("cost", ascending=False).head(10)
        t = new_table("Orders", "=fund", "=line", "=item", "=to", ">quantity", ">cost")
        for r in top.itertuples():
            t.add_row(
                r.fund,
                r.line,
                r.item,
                r.destination,
                f"{r.quantity:,.0f}",
                f"{r.cost:,.0f} {r.currency}",
            )
        show(t)
    ranking = result.tables.get("ranking", _empty())
    if len(ranking):
        t = new_table(
            "Where the next million does most good",
            "=kind",
            "=name",
            ">objective /\nmillion USD",
            ">high-priority\nunits /\nmillion USD",
            "=checked",
        )
        for r in ranking.head(10).itertuples():
            checked = {True: "yes", False: "differs", None: "—"}.get(r.checked, "—")
            t.add_row(
                r.kind,
                r.name,
                f"{r.objective_per_million_usd + 0.0:,.2f}",
                f"{r.high_priority_units_per_million_usd + 0.0:,.2f}",
                checked,
            )
        show(t)
    for s in result.sentences[:6]:
        console.print(f"• {s}")
    console.print(source, style="dim")
