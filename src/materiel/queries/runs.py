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
from materiel.plan_policy import PRIORITIES
from materiel.queries._common import resolve, shared
from materiel.records import ForecastRun, Job, PlanRun

OPTIMAL = "Optimal"


def need_by_priority(need_met: pd.DataFrame) -> pd.DataFrame:
    """Stated need due by the horizon's end and met by it, per priority (critical, high,
    routine), **by value** (USD at the catalogue's unit values): quantities of different
    items are never added."""
    cols = ["priority", "value_due", "value_met", "share"]
    if need_met.empty or "value_due" not in need_met:
        return pd.DataFrame(columns=cols)
    g = need_met.groupby("priority", as_index=False)[["value_due", "value_met"]].sum()
    g["share"] = g["value_met"] / g["value_due"].where(g["value_due"] > 0, 1.0)
    order = {p: k for k, p in enumerate(PRIORITIES)}
    g = g.assign(_o=g["priority"].map(lambda p: order.get(p, 9))).sort_values("_o")
    return g[cols].reset_index(drop=True)


def critical_met(need_met: pd.DataFrame) -> dict[str, Any]:
    """The plan's headline: the share of critical need due by the horizon's end that the
    plan meets by then, by value (USD) and per item (units of that item): ``share`` (0–1)
    and ``percent`` (the one place it is turned into %)."""
    rows = need_met[need_met["priority"] == "critical"] if len(need_met) else need_met
    if not len(rows) or "value_due" not in rows:
        return {"share": None, "percent": None, "value_due": 0.0, "value_met": 0.0, "items": []}
    items = rows.groupby("item", as_index=False)[["due", "met", "value_due"]].sum()
    items["share"] = items["met"] / items["due"].where(items["due"] > 0, 1.0)
    due, met = float(rows["value_due"].sum()), float(rows["value_met"].sum())
    share = met / due if due > 0 else None
    return {
        "share": share,
        "percent": None if share is None else 100.0 * share,
        "value_due": due,
        "value_met": met,
        "items": items.sort_values("value_due", ascending=False).to_dict("records"),
    }


def plan_summary(run: PlanRun) -> dict[str, Any]:
    """The figures of a plan run people see (docs/figures.md "The latest plan"): the share
    of critical need met by value (USD at the catalogue's unit values, ECB rates of the
    plan's rate date) and per item, need met by priority (by value), the number of
    transfers and orders proposed and their value. No figure adds different items' units."""
    res = dict(run.results or {})
    tables = res.get("tables", {})
    need_met = pd.DataFrame(tables.get("need_met", []))
    transfers = pd.DataFrame(tables.get("transfers", []))
    orders = pd.DataFrame(tables.get("orders", []))
    head = critical_met(need_met)
    value = {
        r["item"]: r["unit_value"]
        for r in tables.get("need_met", []) + tables.get("consumption_met", [])
    }
    transfer_value = (
        float((transfers["quantity"] * transfers["item"].map(value).fillna(0.0)).sum())
        if len(transfers)
        else 0.0
    )
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
        "readiness_weight": (res.get("params") or {}).get("readiness_weight"),
        "currency": "USD",
        "rate_date": res.get("rate_date") or run.as_of.isoformat(),
        "critical_share": head["share"],
        "critical_percent": head["percent"],
        "critical_value_due": head["value_due"],
        "critical_value_met": head["value_met"],
        "critical_items": head["items"],
        "need_by_priority": need_by_priority(need_met).to_dict("records"),
        "transfers": len(transfers),
        "transfer_value": transfer_value,
        "orders": len(orders),
        "orders_after_horizon": int(orders["after_horizon"].sum())
        if "after_horizon" in orders
        else 0,
        "before_issue_13": "need_met" not in tables,
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


@shared
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


def _ranking_labels(records: list[dict[str, Any]]) -> dict[str, str]:
    """The ranking's column labels with the weeks of the horizon and of the tail
    (materiel.plan.explain.ranking_labels), plus ``within`` and ``after`` for the two
    column groups."""
    from materiel.plan.explain import after_label, ranking_labels, ranking_span, within_label

    h, tail = ranking_span(records)
    return {**ranking_labels(h, tail), "within": within_label(h), "after": after_label(h, tail)}


def plan_tables(summary: dict[str, Any], top: int = 60) -> dict[str, Any]:
    """The tables of a plan people read (from :func:`plan_summary`), each row one item in
    its own units: transfers per donor, recipient and item summed over the horizon (largest
    value first); stated need met per recipient, item and priority (critical first);
    consumption met per recipient and item; the plan's orders; the ranking of where the
    next million does most good and its marginals."""
    t = summary.get("results", {}).get("tables", {})
    transfers = pd.DataFrame(t.get("transfers", []))
    value = {
        r["item"]: r["unit_value"] for r in t.get("need_met", []) + t.get("consumption_met", [])
    }
    if len(transfers):
        transfers = transfers.groupby(["donor", "recipient", "item"], as_index=False).agg(
            quantity=("quantity", "sum"),
            first_week=("week_start", "min"),
            weeks=("week", "nunique"),
        )
        # value (USD) to rank rows of different items: never add their units
        if "value" in t["transfers"][0]:
            per = pd.DataFrame(t["transfers"]).groupby(["donor", "recipient", "item"])["value"]
            transfers["value"] = per.sum().to_numpy()
        else:  # a run stored before transfers carried their value
            transfers["value"] = transfers["quantity"] * transfers["item"].map(value).fillna(0.0)
        transfers = transfers.sort_values("value", ascending=False)
    need = pd.DataFrame(t.get("need_met", []))
    if len(need):
        order = {p: k for k, p in enumerate(PRIORITIES)}
        need = need.assign(_o=need["priority"].map(lambda p: order.get(p, 9))).sort_values(
            ["_o", "value_due"], ascending=[True, False]
        )
    cons = pd.DataFrame(t.get("consumption_met", []))
    if len(cons):
        # largest value not met first: units of different items are not compared
        cons = cons.assign(_v=cons["unmet"] * cons["unit_value"]).sort_values("_v", ascending=False)
        cons = cons.drop(columns="_v")
    return {
        "transfers": transfers.head(top).to_dict("records") if len(transfers) else [],
        "transfers_total": len(transfers),
        "orders": t.get("orders", []),
        "need": need.head(top).to_dict("records") if len(need) else [],
        "need_total": len(need),
        "consumption": cons.head(top).to_dict("records") if len(cons) else [],
        "consumption_total": len(cons),
        "ranking": t.get("ranking", []),
        "ranking_rows": _ranking_rows(t.get("ranking", [])),
        "ranking_labels": _ranking_labels(t.get("ranking", [])),
        "marginals": t.get("marginals", []),
        "frontier": summary.get("results", {}).get("frontier"),
    }
