"""The readiness–support frontier: the plan solved for a sweep of readiness weights λ.

The seed's dilemma — "our stock is going down, we cannot continue at this rate" — is a
trade-off between what the recipient gets and how far donors' stocks fall below their
targets. Each point of the frontier is a full plan (with the tie-break) at one λ; the
sweep builds the LP once and changes only the cost of the breach columns and re-solves
warm from the previous basis. Per point: the share of critical need met by the end of the
horizon (by value and per item) and the alliance stock below target over the horizon
(USD-weeks, per donor).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import xarray as xr

from materiel import plan_policy as policy
from materiel.plan.build import build_model
from materiel.plan.data import PlanData, from_snapshot
from materiel.plan.errors import PlanInputError
from materiel.plan.results import Evaluation, from_solution
from materiel.plan.solve import DEFAULT_METHOD, make_highs, solve_model, tie_break


@dataclass
class Frontier:
    points: list[dict[str, Any]]
    source: str
    base_weight: float
    seconds: float
    first_solve_seconds: float
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "points": self.points,
            "source": self.source,
            "base_weight": self.base_weight,
            "seconds": self.seconds,
            "first_solve_seconds": self.first_solve_seconds,
            "currency": "USD",
        }


def weights(base: float, factors: tuple[float, ...] = policy.FRONTIER_FACTORS) -> list[float]:
    """The readiness weights of the sweep: ``factors`` × ``base`` (the scenario's λ, or the
    default when it is 0), increasing."""
    scale = base if base > 0 else policy.READINESS_WEIGHT
    return sorted({float(f) * scale for f in factors})


def sweep(
    snapshot: xr.Dataset | PlanData,
    *,
    readiness_weight: float | None = None,
    factors: tuple[float, ...] = policy.FRONTIER_FACTORS,
    hard_targets: bool | None = None,
    time_limit: float | None = None,
) -> Frontier:
    """Solve the plan for each readiness weight of :func:`weights` (warm-started)."""
    overrides = {"readiness_weight": readiness_weight, "time_limit": time_limit}
    data = (
        snapshot.with_params(**{k: v for k, v in overrides.items() if v is not None})
        if isinstance(snapshot, PlanData)
        else from_snapshot(snapshot, **overrides)
    )
    if hard_targets or data.hard_targets:
        raise PlanInputError(
            "the frontier sweeps the readiness weight, the price of stock below target: "
            "it needs soft targets (leave out --hard-targets)"
        )
    start = time.perf_counter()
    base = data.lam if data.lam > 0 else policy.READINESS_WEIGHT
    lams = weights(base, factors)
    # solve the scenario's own λ first (the plan people run), then outward: up, then down,
    # each warm from its neighbour. λ = 0 cold was the slowest solve on M (46 s of 146 s
    # wall under load), the base λ cold about a third of it.
    at = min(range(len(lams)), key=lambda k: abs(lams[k] - base))
    order = lams[at:] + lams[:at][::-1]
    data = data.with_params(readiness_weight=order[0])
    model = build_model(data)
    highs = make_highs(
        model, method=DEFAULT_METHOD, time_limit=float(data.params["time_limit"]), threads=1
    )
    v = model.vars["v"].index
    v_cols = v[v >= 0].astype(np.int32)
    v_unit = (np.broadcast_to(data.value[None, :, None] * data.weeks_weight, v.shape))[v >= 0]
    hx: Any = highs  # changeColsCost: not in highspy's type stubs
    h = data.weeks
    points: list[dict[str, Any]] = []
    first = 0.0
    base_basis: Any = None
    for j, lam in enumerate(order):
        if j == len(lams) - at and base_basis is not None:  # turning down: from the base
            highs.setBasis(base_basis)
        d = data.with_params(readiness_weight=lam)
        if len(v_cols):
            hx.changeColsCost(len(v_cols), v_cols, lam * v_unit)
        sol = solve_model(model, highs=highs, time_limit=float(data.params["time_limit"]))
        if not sol.optimal:  # a warm start can end in numerical trouble: once more, cold
            highs.clearSolver()
            sol = solve_model(model, highs=highs, time_limit=float(data.params["time_limit"]))
        if j == 0:
            first = sol.solve_seconds
            base_basis = highs.getBasis() if sol.optimal else None
        if not sol.optimal or not sol.col_value.size:
            points.append(
                {
                    "readiness_weight": lam,
                    "status": sol.status,
                    "critical_share": None,
                    "critical_items": [],
                    "need_share": None,
                    "consumption_share": None,
                    "below_target_value_weeks": 0.0,
                    "below_target_by_donor": {},
                    "solve_seconds": sol.solve_seconds,
                }
            )
            continue
        sol = tie_break(
            model,
            highs,
            sol,
            d.value,
            tolerance=policy.TIE_BREAK_TOLERANCE,
            restore=True,
            time_limit=float(data.params["time_limit"]),
            spread=policy.FRONTIER_TIE_BREAK_SPREAD,
        )
        ev = from_solution(model, sol, d)
        met = _shares(d, ev)
        below = (ev.breach[..., :h] * d.value[None, :, None]).sum(axis=(1, 2))  # [n]
        points.append(
            {
                "readiness_weight": lam,
                "status": sol.status,
                **met,
                "below_target_value_weeks": float(below.sum()),
                "below_target_by_donor": {
                    n: float(b) for n, b in zip(d.nations, below, strict=True) if b > 0.5
                },
                "solve_seconds": sol.solve_seconds,
            }
        )
    points.sort(key=lambda p: float(p["readiness_weight"]))
    source = (
        f"Source: materiel plan frontier on snapshot {data.content_hash[:12]} of the records "
        f"as of {data.as_of}, scenario {data.scenario!r}, {h} weeks; values in USD at the "
        f"catalogue's unit values (ECB rates of {data.rate_date or data.as_of})"
        + (" — SYNTHETIC data" if data.synthetic else "")
    )
    return Frontier(
        points=points,
        source=source,
        base_weight=float(base),
        seconds=time.perf_counter() - start,
        first_solve_seconds=first,
        params={k: v for k, v in data.params.items() if k != "readiness_weight"},
    )


def _share(met: np.ndarray, due: np.ndarray) -> float | None:
    total = float(due.sum())
    return float(met.sum()) / total if total > 0 else None


def _shares(d: PlanData, ev: Evaluation) -> dict[str, Any]:
    """The point's figures straight from the arrays, in whole units as the reports
    (results.whole_units) round them: critical need met by value and per item, all stated
    need met by value, consumption met by value."""
    h = d.weeks
    due = d.need[..., :h].sum(axis=3)  # [r,i,k]
    met = np.clip(np.round(due - ev.b[..., h - 1]), 0.0, None) if h else np.zeros_like(due)
    due = np.round(due)
    value = d.value[None, :, None]
    crit = d.priorities.index("critical") if "critical" in d.priorities else None
    items: list[dict[str, Any]] = []
    c_due = c_met = np.zeros(0)
    if crit is not None:
        c_due, c_met = due[:, :, crit].sum(axis=0), met[:, :, crit].sum(axis=0)  # [i]
        items = [
            {
                "item": d.items[i],
                "due": float(c_due[i]),
                "met": float(c_met[i]),
                "share": float(c_met[i] / c_due[i]),
            }
            for i in np.argsort(-(c_due * d.value))
            if c_due[i] > 0
        ]
    cons = np.round(d.cons[..., :h].sum(axis=2))
    cons_met = np.clip(cons - np.round(ev.c[..., :h].sum(axis=2)), 0.0, None)
    return {
        "critical_share": _share(c_met * d.value, c_due * d.value) if crit is not None else None,
        "critical_value_due": float((c_due * d.value).sum()) if crit is not None else 0.0,
        "critical_value_met": float((c_met * d.value).sum()) if crit is not None else 0.0,
        "critical_items": items,
        "need_share": _share(met * value, due * value),
        "consumption_share": _share(cons_met * d.value, cons * d.value),
    }
