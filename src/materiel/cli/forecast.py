"""``materiel forecast`` and ``materiel sweep``: when does each stock fall below target,
and how likely is a shortfall under each scenario."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from materiel.cli.context import (
    CSV,
    as_of_date,
    console,
    err_console,
    fail,
    print_csv,
    print_json,
    state,
)
from materiel.plan_policy import HORIZON_WEEKS


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)
    app.command("sweep")(sweep)


def _day(as_of: str | None) -> dt.date:
    return as_of_date(as_of)


def _num(x: Any, digits: int = 0) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—" if x is None or math.isnan(x) else "∞"
    return f"{x:,.{digits}f}"


def _progress(as_json: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=as_json,
    )


def forecast(
    ctx: typer.Context,
    as_of: str | None = typer.Option(None, "--as-of", help="Forecast date (YYYY-MM-DD); today"),
    horizon: int = typer.Option(HORIZON_WEEKS, "--horizon", min=2, max=260, help="Weeks ahead"),
    scenario: str = typer.Option("baseline", "--scenario", help="Scenario name"),
    paths: int = typer.Option(
        0, "--paths", min=0, help="Monte Carlo paths (0: the deterministic projection only)"
    ),
    seed: int = typer.Option(0, "--seed", help="Monte Carlo seed"),
    window: int = typer.Option(
        12, "--window", min=1, max=104, help="Weeks of deliveries averaged for the outflow rate"
    ),
    kind: str = typer.Option(
        "all", "--kind", help="Rows to rank: all, donor or recipient", case_sensitive=False
    ),
    limit: int = typer.Option(25, "--limit", min=1, help="Rows of the ranked table"),
    charts: Path | None = typer.Option(
        None, "--charts", help="Write the charts (PNG) of the worst pairs to this directory"
    ),
    store: bool = typer.Option(False, "--store/--no-store", help="Store as a forecast run"),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
    as_csv: bool = CSV,
) -> None:
    """Rank every holder and item by when its stock crosses its target at the current rate
    (worst first), with the alliance-wide structural gap."""
    from materiel.forecast.montecarlo import simulate
    from materiel.forecast.projection import alliance_table, project, ranking
    from materiel.forecast.scenarios import spec_from_snapshot
    from materiel.forecast.service import build_results, records
    from materiel.forecast.service import store as store_run
    from materiel.snapshot import SnapshotError, build_snapshot

    day = _day(as_of)
    kind = kind.lower()
    if kind not in ("all", "donor", "recipient"):
        fail(f"--kind: {kind!r} is not one of all, donor, recipient")
    engine = state(ctx).engine()
    mc = None
    with _progress(as_json) as prog:
        task = prog.add_task("Reading the records into a snapshot", total=None)
        try:
            snap = build_snapshot(engine, day, horizon, scenario, outflow_window_weeks=window)
        except SnapshotError as exc:
            fail(str(exc))
            return
        prog.update(task, description="Projecting stocks at the current rate")
        proj = project(snap, window=window)
        if paths:
            spec = spec_from_snapshot(snap)
            prog.update(task, description=f"Monte Carlo ({paths:,} paths)", total=paths)
            mc = simulate(
                snap,
                spec,
                paths=paths,
                seed=seed,
                progress=lambda done, _total: prog.update(task, completed=done),
            )
    results = build_results(snap, proj, mc)
    run_id = None
    if store:
        run_id = store_run(
            engine,
            snap,
            results,
            kind="montecarlo" if mc is not None else "projection",
            seconds=None,
            actor="cli",
        )
    from materiel.charts import caption

    cap = caption(proj)
    rank = ranking(proj)
    if kind != "all":
        rank = rank[rank["kind"] == kind]
    if charts is not None:
        _write_charts(charts, proj, mc, rank)
    if as_json:
        print_json({"caption": cap, "forecast_run": run_id, **results})
        return
    if as_csv:  # the ranked table; the rest is in --json
        print_csv(records(rank))
        return
    risk: dict[tuple[str, str], float] = {}
    if mc is not None:
        for row in results["montecarlo"]["risks"]:
            risk[(row["holder"], row["item"])] = row["risk_by_horizon"]
    from materiel.cli.tables import new_table, show

    # holder is text: "UKR (recipient)" may take two lines, the code stays whole
    cols = [">#", "holder", "=item", ">stock\nnow", ">target", ">use /\nweek", ">weeks of\nsupply"]
    cols.append("crosses target")
    if mc is not None:
        cols.append(">P(by\nhorizon)")
    table = new_table(
        f"When stocks cross their target at the current rate — as of {day}, "
        f"{horizon} weeks, scenario {scenario}, outflow averaged over {window} weeks",
        *cols,
        drop=("use / week", "target", "weeks of supply"),
    )
    table.caption = cap
    for k, row in enumerate(records(rank.head(limit)), start=1):
        cw = row["cross_week"]
        extrapolated = ", extrapolated" if row["cross_beyond_horizon"] else ""
        crosses = (
            "no stock report: unknown"
            if not row.get("stock_known", True)
            else "not within reach"
            if cw is None
            else f"{row['cross_date']} (week {int(cw)}{extrapolated})"
        )
        holder = row["holder"] + (" (recipient)" if row["kind"] == "recipient" else "")
        cells = [
            str(k),
            holder,
            row["item"],
            _num(row["stock_now"]) if row.get("stock_known", True) else "no report",
            _num(row["target_now"]),
            _num(row["weekly_use"]),
            _num(row["weeks_of_supply"], 1),
            crosses,
        ]
        if mc is not None:
            p = risk.get((row["holder"], row["item"]))
            cells.append("< 1 %" if p is None else f"{p:.0%}")
        table.add_row(*cells)
    show(table)
    gap = alliance_table(proj).head(10)
    if len(gap):
        from materiel.cli.tables import compact

        g = new_table(
            "Structural gap: alliance production against consumption "
            "(units of each item; k = thousand, m = million)",
            "=item",
            ">produced\n/ month",
            ">consumed\n/ month",
            ">gap /\nmonth",
            "alliance stock vs aggregate target",
        )
        g.caption = cap
        for row in records(gap):
            when = (
                ""
                if row["reach_date"] is None
                else f" on {row['reach_date']}{' (extrapolated)' if row['beyond_horizon'] else ''}"
            )
            g.add_row(
                row["item"],
                compact(row["production_per_month"]),
                compact(row["consumption_per_month"]),
                compact(row["gap_per_month"]),
                f"{compact(row['alliance_stock'])} vs {compact(row['aggregate_target'])}: "
                f"{row['outlook']}{when}",
            )
        show(g)
    if run_id is not None:
        console.print(f"Stored forecast run {run_id}.", style="green")


def _write_charts(directory: Path, proj: Any, mc: Any, rank: Any) -> None:
    """Trajectory (and fan, with a Monte Carlo) of the three worst pairs that hold stock,
    and the structural gap of the five items with the largest gap."""
    from materiel.charts import (
        caption,
        cross_date_of,
        fan_chart,
        fan_frame,
        gap_bars,
        render,
        stock_trajectory,
        trajectory_frame,
    )
    from materiel.forecast.projection import gap_by_month

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for row in rank[rank["stock_now"] > 0].head(3).itertuples():
        holder, item = str(row.holder), str(row.item)
        chart = stock_trajectory(
            trajectory_frame(proj, holder, item),
            source=caption(proj, f"{holder} {item}"),
            title=f"{holder}: {item} — stock and target",
            cross_date=cross_date_of(proj, holder, item),
            cross_label="below target already"
            if row.stock_now < row.target_now
            else ("runs short" if row.kind == "recipient" else "target crossed"),
        )
        safe = f"{holder}_{item}".replace("/", "_")
        written.append(render(chart, directory / f"trajectory_{safe}.png"))
        if mc is not None:
            fan = fan_chart(
                fan_frame(mc, holder, item),
                source=caption(mc, f"{holder} {item}"),
                title=f"{holder}: {item} — stock under uncertainty",
            )
            written.append(render(fan, directory / f"fan_{safe}.png"))
    gaps = gap_by_month(proj)
    top = (
        gaps.groupby("item")["gap"].sum().sort_values(ascending=False).head(5).index.tolist()
        if len(gaps)
        else []
    )
    if top:
        bars = gap_bars(gaps[gaps["item"].isin(top)], source=caption(proj))
        written.append(render(bars, directory / "structural_gap.png"))
    for p in written:
        err_console.print(f"chart: {p}")


def sweep(
    ctx: typer.Context,
    scenarios: str = typer.Option(..., "--scenarios", help="Comma-separated scenario names"),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler address (tcp://host:8786); a local cluster when omitted; "
        '"sequential" runs in this process without Dask',
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Forecast date (YYYY-MM-DD); today"),
    horizon: int = typer.Option(HORIZON_WEEKS, "--horizon", min=2, max=260, help="Weeks ahead"),
    paths: int = typer.Option(2000, "--paths", min=1, help="Monte Carlo paths per scenario"),
    seed: int = typer.Option(0, "--seed"),
    workers: int = typer.Option(2, "--workers", min=1, help="Local cluster workers"),
    plan: bool = typer.Option(False, "--plan", help="Also solve and store a plan per scenario"),
    limit: int = typer.Option(30, "--limit", min=1, help="Rows shown"),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
    as_csv: bool = CSV,
) -> None:
    """Run a Monte Carlo per scenario on Dask and gather one table of shortfall risks."""
    from materiel.forecast.service import records
    from materiel.forecast.sweep import run_sweep
    from materiel.snapshot import SnapshotError, build_snapshot

    names = [s.strip() for s in scenarios.split(",") if s.strip()]
    if not names:
        fail("--scenarios: give at least one scenario name")
    day = _day(as_of)
    st = state(ctx)
    engine = st.engine()
    snaps = {}
    try:
        for name in names:
            snaps[name] = build_snapshot(engine, day, horizon, name)
    except SnapshotError as exc:
        fail(str(exc))
    with _progress(as_json) as prog:
        task = prog.add_task(
            f"Sweeping {len(names)} scenarios on "
            + (scheduler or f"a local Dask cluster ({workers} workers)"),
            total=len(names) * (2 if plan else 1),
        )
        try:
            table = run_sweep(
                lambda name: snaps[name],
                names,
                scheduler=scheduler,
                plan=plan,
                paths=paths,
                seed=seed,
                n_workers=workers,
                db=st.url,
                as_of=day,
                progress=lambda done, _total: prog.update(task, completed=done),
            )
        except (OSError, TimeoutError) as exc:
            fail(f"Dask scheduler {scheduler or 'local'}: {exc}")
            return
    first = next(iter(snaps.values()))
    synthetic = any(bool(s.attrs.get("synthetic")) for s in snaps.values())
    cap = (
        f"Source: materiel Monte Carlo, {paths:,} paths per scenario, seed {seed}; "
        f"records as of {first.attrs.get('as_of')}" + (" — SYNTHETIC DATA" if synthetic else "")
    )
    if as_json:
        print_json({"caption": cap, "rows": records(table)})
        return
    if as_csv:
        print_csv(records(table))
        return
    from materiel.cli.tables import new_table, show

    cols = [
        "=scenario",
        "=to",
        "=item",
        ">worst\nweekly\nP(short)",
        ">P(short)\nby\nhorizon",
        ">first\nweek\n> 50 %",
        ">expected\nunmet",
        ">donors\nbreaching",
    ]
    if plan:
        cols.append(">plan\nrun")
    t = new_table(
        f"Scenario sweep: shortfall risk by item ({', '.join(names)})",
        *cols,
        drop=("plan run", "donors breaching", "first week > 50 %"),
    )
    t.caption = cap
    shown = table[(table["worst_shortfall_probability"] > 0) | (table["expected_unmet"] > 0)]
    for row in records(shown.head(limit)):
        cells = [
            row["scenario"],
            row["recipient"],
            row["item"],
            f"{row['worst_shortfall_probability']:.0%}",
            f"{row['shortfall_by_horizon']:.0%}",
            "—" if row["first_week_above_50"] is None else str(row["first_week_above_50"]),
            _num(row["expected_unmet"]),
            str(row["donors_breaching"]),
        ]
        if plan:
            cells.append(str(row.get("plan_run") or "—"))
        t.add_row(*cells)
    show(t)
    if len(shown) > limit:
        console.print(f"({len(shown) - limit} more rows; --limit or --json for all)")
