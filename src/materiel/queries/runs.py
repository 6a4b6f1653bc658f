"""Stored results: the latest plan (one rule), plan and forecast runs, background jobs.

Plan and forecast results hold every donor's stock detail: staff only
(:func:`materiel.access.policy.require_planner`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.access import Hidden, Principal, policy
from materiel.queries._common import resolve
from materiel.records import PRIORITY_WEIGHT, ForecastRun, Job, PlanRun

OPTIMAL = "Optimal"
PRIORITY_OF_WEIGHT = {float(w): str(p) for p, w in PRIORITY_WEIGHT.items()}


def unmet_by_priority(unmet: pd.DataFrame) -> pd.DataFrame:
    """Demand and unmet need of a plan's ``unmet`` table summed per priority (critical,
    high, routine), named from the priority weights (records.PRIORITY_WEIGHT)."""
    cols = ["priority", "demand", "unmet"]
    if unmet.empty:
        return pd.DataFrame(columns=cols)
    g = unmet.groupby("weight", as_index=False)[["demand", "unmet"]].sum()
    g["priority"] = g["weight"].map(lambda w: PRIORITY_OF_WEIGHT.get(float(w), f"weight {w:g}"))
    return g.sort_values("weight", ascending=False)[cols].reset_index(drop=True)


def plan_summary(run: PlanRun) -> dict[str, Any]:
    """The figures of a plan run people see: unmet need over the horizon (units of each
    item, summed), demand, unmet critical need, transfers and orders proposed."""
    res = dict(run.results or {})
    tables = res.get("tables", {})
    unmet = pd.DataFrame(tables.get("unmet", []))
    transfers = pd.DataFrame(tables.get("transfers", []))
    by_priority = unmet_by_priority(unmet)
    crit = by_priority.loc[by_priority["priority"] == "critical", "unmet"]
    return {
        "id": run.id,
        "as_of": run.as_of,
        "created_at": run.created_at,
        "scenario": run.scenario,
        "horizon_weeks": run.horizon_weeks,
        "status": run.status,
        "optimal": run.status == OPTIMAL,
        "objective": run.objective,
        "build_seconds": run.build_seconds,
        "solve_seconds": run.solve_seconds,
        "snapshot_hash": run.snapshot_hash,
        "unmet": float(unmet["unmet"].sum()) if len(unmet) else 0.0,
        "demand": float(unmet["demand"].sum()) if len(unmet) else 0.0,
        "unmet_critical": float(crit.sum()) if len(crit) else 0.0,
        "unmet_by_priority": by_priority.to_dict("records"),
        "transfers": float(transfers["quantity"].sum()) if len(transfers) else 0.0,
        "orders": len(tables.get("orders", [])),
        "synthetic": bool(res.get("synthetic")),
        "results": res,
    }


def latest_plan_run(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    scenario: str | None = None,
) -> PlanRun | None:
    """THE latest plan: of the optimal plan runs dated on or before ``as_of`` (default
    today), for ``scenario`` when given, the one with the latest date, then the highest
    id. None when there is none."""
    policy.require_planner(viewer)
    stmt = select(PlanRun).where(PlanRun.as_of <= resolve(as_of), PlanRun.status == OPTIMAL)
    if scenario:
        stmt = stmt.where(PlanRun.scenario == scenario)
    return session.scalars(stmt.order_by(PlanRun.as_of.desc(), PlanRun.id.desc()).limit(1)).first()


def latest_plan(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    scenario: str | None = None,
) -> dict[str, Any] | None:
    """:func:`plan_summary` of :func:`latest_plan_run` (None when there is none)."""
    run = latest_plan_run(session, viewer, as_of=as_of, scenario=scenario)
    return plan_summary(run) if run is not None else None


def plan_run(session: Session, viewer: Principal, run_id: int) -> dict[str, Any] | None:
    """:func:`plan_summary` of one plan run (None when there is no such run)."""
    policy.require_planner(viewer)
    run = session.get(PlanRun, run_id)
    return plan_summary(run) if run is not None else None


def plan_result(session: Session, viewer: Principal, run_id: int) -> Any:
    """A stored plan run as a :class:`materiel.plan.results.PlanResult` (tables as
    frames)."""
    from materiel.plan.store import load_plan

    policy.require_planner(viewer)
    return load_plan(session.get_bind(), run_id)  # type: ignore[arg-type]


def recent_plan_runs(session: Session, viewer: Principal, limit: int = 10) -> list[dict[str, Any]]:
    """The newest plan runs (any status), newest first: id, as_of, scenario, status,
    created_at."""
    policy.require_planner(viewer)
    rows = session.execute(
        select(PlanRun.id, PlanRun.as_of, PlanRun.scenario, PlanRun.status, PlanRun.created_at)
        .order_by(PlanRun.id.desc())
        .limit(limit)
    ).mappings()
    return [dict(r) for r in rows]


def forecast_runs(session: Session, viewer: Principal) -> list[ForecastRun]:
    """The latest forecast run per scenario (Monte Carlo preferred), newest first."""
    policy.require_planner(viewer)
    runs = list(session.scalars(select(ForecastRun).order_by(ForecastRun.id.desc()).limit(50)))
    seen: dict[str, ForecastRun] = {}
    for r in runs:
        if r.scenario not in seen and r.kind == "montecarlo":
            seen[r.scenario] = r
    for r in runs:
        seen.setdefault(r.scenario, r)
    return sorted(seen.values(), key=lambda r: -r.id)


def forecast_run(session: Session, viewer: Principal, run_id: int) -> ForecastRun | None:
    policy.require_planner(viewer)
    return session.get(ForecastRun, run_id)


def jobs(
    session: Session,
    viewer: Principal,
    *,
    kind: str | None = None,
    status: str | None = None,
    limit: int = 50,
) -> list[Job]:
    """The newest jobs the viewer may see (staff: all; others: their own)."""
    stmt = policy.row_filter(viewer, "job", select(Job))
    if kind:
        stmt = stmt.where(Job.kind == kind)
    if status:
        stmt = stmt.where(Job.status == status)
    return list(session.scalars(stmt.order_by(Job.id.desc()).limit(limit)))


def job(session: Session, viewer: Principal, job_id: int) -> Job:
    """One job; :class:`Hidden` when there is none or it is not the viewer's."""
    found = session.get(Job, job_id)
    if found is None:
        raise Hidden()
    policy.check_read(viewer, "job", found)
    return found


def _ranking_rows(records: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The ranking as printed (materiel.plan.explain.ranking_rows); a run stored before the
    re-solve ranking (no ``units_short_avoided``) has none."""
    from materiel.plan.explain import ranking_rows

    if not records or "units_short_avoided" not in records[0]:
        return []
    return ranking_rows(records)


def plan_tables(summary: dict[str, Any], top: int = 60) -> dict[str, Any]:
    """The tables of a plan people read (from :func:`plan_summary`): transfers per donor,
    recipient and item summed over the horizon (largest first); unmet need per recipient
    and item with its priority and share of demand (heaviest priority first); the plan's
    orders, the ranking of where the next million does most good and its marginals."""
    t = summary.get("results", {}).get("tables", {})
    transfers = pd.DataFrame(t.get("transfers", []))
    if len(transfers):
        transfers = (
            transfers.groupby(["donor", "recipient", "item"], as_index=False)
            .agg(
                quantity=("quantity", "sum"),
                first_week=("week_start", "min"),
                weeks=("week", "nunique"),
            )
            .sort_values("quantity", ascending=False)
        )
    unmet = pd.DataFrame(t.get("unmet", []))
    if len(unmet):
        unmet = unmet.groupby(["recipient", "item"], as_index=False).agg(
            demand=("demand", "sum"), unmet=("unmet", "sum"), weight=("weight", "max")
        )
        unmet = unmet.loc[unmet["unmet"] > 0.5].sort_values(["weight", "unmet"], ascending=False)
        unmet["share"] = unmet["unmet"] / unmet["demand"].where(unmet["demand"] > 0, 1)
        unmet["priority"] = unmet["weight"].map(
            lambda w: PRIORITY_OF_WEIGHT.get(float(w), f"weight {w:g}")
        )
    return {
        "transfers": transfers.head(top).to_dict("records") if len(transfers) else [],
        "transfers_total": len(transfers),
        "orders": t.get("orders", []),
        "unmet": unmet.head(top).to_dict("records") if len(unmet) else [],
        "unmet_total": len(unmet),
        "ranking": t.get("ranking", []),
        "ranking_rows": _ranking_rows(t.get("ranking", [])),
        "marginals": t.get("marginals", []),
    }
