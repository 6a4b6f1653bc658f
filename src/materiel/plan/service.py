"""The plan job: snapshot → solve → store (what the CLI and the API's job runner call)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from materiel.plan import solve
from materiel.plan.store import store_plan
from materiel.plan_policy import HORIZON_WEEKS

Progress = Callable[[str, float], None]

STAGES = ("snapshot", "build", "solve", "explain", "greedy", "frontier", "store")


def run_and_store(
    engine: Engine,
    *,
    as_of: dt.date,
    horizon_weeks: int = HORIZON_WEEKS,
    scenario: str = "baseline",
    hard_targets: bool = False,
    readiness_weight: float | None = None,
    frontier: bool = False,
    actor: str = "cli",
    progress: Progress | None = None,
    compare_greedy: bool = False,
) -> int:
    """Build the snapshot of ``as_of``, solve the plan (at ``readiness_weight`` when given,
    else the scenario's), with ``frontier`` also the readiness–support frontier
    (materiel.plan.frontier), store it; returns the PlanRun id.

    ``progress(stage, fraction)`` is called with the stages of :data:`STAGES` and the
    fraction of the whole job done when the stage starts.
    """
    from materiel.snapshot import build_snapshot

    def report(stage: str, _: float = 0.0) -> None:
        if progress is not None:
            progress(stage, STAGES.index(stage) / len(STAGES))

    report("snapshot")
    snap = build_snapshot(engine, as_of, horizon_weeks, scenario)
    result = solve(
        snap,
        hard_targets=hard_targets or None,
        compare_greedy=compare_greedy,
        progress=report,
        readiness_weight=readiness_weight,
    )
    if frontier and not hard_targets:
        from materiel.plan.frontier import sweep

        report("frontier")
        result.frontier = sweep(snap, readiness_weight=readiness_weight).to_json()
    report("store")
    run_id = store_plan(engine, result, actor)
    if progress is not None:
        progress("done", 1.0)
    return run_id
