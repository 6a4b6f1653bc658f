"""Per-item decomposition (DESIGN.md "Solving at scale").

Items are coupled only through fund budgets (and burden sharing, which this method does not
take: with μ > 0 use the monolithic model). The budgets are priced and each item's LP is
solved on its own, warm-started from its last basis:

1. Lagrangian phase: budget rows are dropped and each order pays ``π_f·price_in_fund`` on
   top of its cost. ``L(π) = Σ_i obj_i(π) − Σ_f π_f·budget_f`` is a lower bound on the
   monolithic optimum; the prices move by a Polyak subgradient step on the overspend.
   With π = 0 and every budget respected, the split solution is optimal outright.
2. Primal phase: each fund's budget is shared among items in proportion to what the priced
   subproblems spent (items that spent nothing keep nothing), and each item is solved with
   its own share as a hard budget row: a feasible plan, an upper bound.

The gap (upper − lower) / upper is reported; the monolithic solve stays the reference.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

import highspy
import numpy as np

from materiel.plan.build import LinearModel, build_model
from materiel.plan.data import PlanData
from materiel.plan.solve import make_highs


def subset_items(d: PlanData, items: np.ndarray) -> PlanData:
    """The same problem restricted to ``items`` (and the lines that make them)."""
    items = np.asarray(items, dtype=np.int64)
    keep_line = np.isin(d.line_item, items)
    remap = np.full(len(d.items), -1, dtype=np.int64)
    remap[items] = np.arange(len(items))
    ni = (slice(None), items)
    return replace(
        d,
        items=[d.items[i] for i in items],
        lines=[d.lines[p] for p in np.nonzero(keep_line)[0]],
        line_currency=[d.line_currency[p] for p in np.nonzero(keep_line)[0]],
        value=d.value[items],
        line_item=remap[d.line_item[keep_line]],
        s0=d.s0[ni],
        r0=d.r0[ni],
        floor=d.floor[ni],
        demand=d.demand[ni],
        weight=d.weight[ni],
        pin=d.pin[ni],
        pout=d.pout[ni],
        arrive_n=d.arrive_n[ni],
        arrive_r=d.arrive_r[ni],
        cap=d.cap[keep_line],
        price=d.price[keep_line],
        lead=d.lead[keep_line],
        price_in_fund=d.price_in_fund[keep_line],
        eligible=d.eligible[keep_line],
        excluded=d.excluded[ni],
        give_cap=d.give_cap[ni],
        warnings=[],
    )


@dataclass
class Part:
    model: LinearModel
    highs: highspy.Highs
    q_cols: np.ndarray  # column numbers of q
    q_fund: np.ndarray  # fund of each q column
    q_unit: np.ndarray  # price in fund of each q column
    base_cost: np.ndarray
    budget_rows: np.ndarray  # row per fund (-1: none)
    objective: float = 0.0
    spend: np.ndarray = field(default_factory=lambda: np.zeros(0))


@dataclass
class SplitResult:
    status: str
    objective: float | None  # of the feasible (primal phase) plan
    bound: float  # best Lagrangian lower bound
    gap: float | None
    iterations: int
    build_seconds: float
    solve_seconds: float
    parts: int
    notes: list[str] = field(default_factory=list)


def _solve(part: Part) -> bool:
    if part.model.ncols == 0:  # nothing to decide for this item: a constant
        part.objective = part.model.offset
        part.spend = np.zeros(len(part.budget_rows))
        return True
    part.highs.run()
    if part.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return False
    info = part.highs.getInfo()
    part.objective = float(info.objective_function_value)
    col = np.asarray(part.highs.getSolution().col_value)
    nf = len(part.budget_rows)
    part.spend = np.bincount(part.q_fund, weights=part.q_unit * col[part.q_cols], minlength=nf)
    return True


def solve_split(
    d: PlanData,
    *,
    method: str = "simplex",
    time_limit: float = 120.0,
    max_iter: int = 12,
    tol: float = 1e-4,
) -> SplitResult:
    """Solve by items with priced budgets (module docstring)."""
    if d.mu > 0:
        raise ValueError("per-item decomposition does not take burden sharing (μ > 0)")
    start = time.perf_counter()
    nf = len(d.funds)
    parts: list[Part] = []
    for i in range(len(d.items)):
        sub = subset_items(d, np.array([i]))
        model = build_model(sub)
        h = make_highs(model, method=method, time_limit=time_limit, threads=1)
        q = model.vars["q"].index
        k_fund, k_line = model.meta["k_fund"], model.meta["k_line"]
        mask = q >= 0
        kk = np.nonzero(mask)[0]
        cost = model.arrays()["cost"]
        parts.append(
            Part(
                model=model,
                highs=h,
                q_cols=q[mask],
                q_fund=k_fund[kk],
                q_unit=sub.price_in_fund[k_line[kk], k_fund[kk]],
                base_cost=cost[q[mask]],
                budget_rows=model.rows["budget"].index,
            )
        )
    build_seconds = time.perf_counter() - start
    start = time.perf_counter()
    notes: list[str] = []
    hx: list[Any] = [p.highs for p in parts]  # changeRowsBounds/changeColsCost: not in stubs

    def set_budgets(alloc: np.ndarray | None) -> None:
        for j, part in enumerate(parts):
            rows = np.nonzero(part.budget_rows >= 0)[0]
            if not len(rows):
                continue
            idx = part.budget_rows[rows].astype(np.int32)
            upper = np.full(len(rows), highspy.kHighsInf) if alloc is None else alloc[j, rows]
            hx[j].changeRowsBounds(len(rows), idx, np.full(len(rows), -highspy.kHighsInf), upper)

    def set_prices(pi: np.ndarray) -> None:
        for j, part in enumerate(parts):
            if len(part.q_cols):
                cost = part.base_cost + pi[part.q_fund] * part.q_unit
                hx[j].changeColsCost(len(part.q_cols), part.q_cols.astype(np.int32), cost)

    def sweep() -> bool:
        return all(_solve(part) for part in parts)

    def primal(spend: np.ndarray) -> float | None:
        """Share each budget by what the priced items spent; solve with hard shares."""
        set_prices(np.zeros(nf))
        shares = spend / np.maximum(spend.sum(axis=0), 1e-12)
        set_budgets(shares * d.budget[None, :])
        value = float(sum(p.objective for p in parts)) if sweep() else None
        set_budgets(None)
        return value

    set_budgets(None)
    pi = np.zeros(nf)
    best_lb, best_ub = -np.inf, np.inf
    best_spend = np.zeros((len(parts), nf))
    theta, stall = 1.0, 0
    iterations = 0
    ok = True
    for iterations in range(1, max_iter + 1):
        set_prices(pi)
        if not sweep():
            ok = False
            break
        spend = np.array([p.spend for p in parts]).reshape(len(parts), nf)
        total = float(sum(p.objective for p in parts))
        lb = total - float(pi @ d.budget)
        over = spend.sum(axis=0) - d.budget
        if lb > best_lb + tol * max(1.0, abs(lb)):
            best_lb, stall = lb, 0
        else:
            stall += 1
            if stall >= 2:
                theta, stall = theta / 2, 0
        feasible = (over <= 1e-6 * np.maximum(d.budget, 1.0)).all()
        if feasible and np.allclose(pi * over, 0.0, atol=tol * max(1.0, abs(total))):
            notes.append("priced budgets hold with complementary slackness: optimal")
            best_ub, best_spend = total, spend
            break
        if iterations == 1 or iterations % 4 == 0:
            ub = primal(spend)
            if ub is not None and ub < best_ub:
                best_ub, best_spend = ub, spend
        if best_ub - best_lb <= tol * max(1.0, abs(best_ub)):
            break
        norm = float(over @ over)
        if norm <= 0:
            break
        pi = np.maximum(pi + theta * (best_ub - lb) / norm * over, 0.0)

    objective = primal(best_spend) if ok else None
    if objective is not None and best_ub < objective:
        objective = best_ub
    solve_seconds = time.perf_counter() - start
    gap = (
        (objective - best_lb) / max(1.0, abs(objective))
        if objective is not None and np.isfinite(best_lb)
        else None
    )
    return SplitResult(
        status="Optimal"
        if ok and gap is not None and gap <= tol
        else ("Feasible" if ok else "Failed"),
        objective=objective,
        bound=float(best_lb),
        gap=gap,
        iterations=iterations,
        build_seconds=build_seconds,
        solve_seconds=solve_seconds,
        parts=len(parts),
        notes=notes,
    )
