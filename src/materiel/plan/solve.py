"""Solve a :class:`LinearModel` with HiGHS.

The method is chosen by measurement (docs/benchmarks.md, plan section): dual simplex solves
the plan LP of every size we generate faster than interior point with crossover, and its
basis gives clean duals for the explanations. A time limit is always set; when it stops the
solver, the status says so and the best bound and gap are reported.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np

from materiel.plan.build import LinearModel

DEFAULT_METHOD = "simplex"


@dataclass
class Solution:
    """Primal values and duals of one solve, with status and timings."""

    status: str
    optimal: bool
    objective: float | None
    bound: float | None
    gap: float | None
    col_value: np.ndarray
    row_dual: np.ndarray
    solve_seconds: float
    method: str
    iterations: int = 0
    notes: list[str] = field(default_factory=list)

    def values(self, model: LinearModel, name: str) -> np.ndarray:
        """A variable family as a dense array over its dims (0 where not created)."""
        idx = model.vars[name].index
        out = np.zeros(idx.shape)
        mask = idx >= 0
        if self.col_value.size:
            out[mask] = self.col_value[idx[mask]]
        return out

    def duals(self, model: LinearModel, name: str) -> np.ndarray:
        """Duals of a row family over its dims (0 where no row): d objective / d rhs."""
        idx = model.rows[name].index
        out = np.zeros(idx.shape)
        mask = idx >= 0
        if self.row_dual.size:
            out[mask] = self.row_dual[idx[mask]]
        return out


_BANNER_SHOWN = False


def new_highs() -> highspy.Highs:
    """A silent HiGHS instance (the first one in a process prints a banner on stdout, which
    would spoil ``--json`` output: it goes to /dev/null)."""
    global _BANNER_SHOWN
    if _BANNER_SHOWN:
        return highspy.Highs()
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _BANNER_SHOWN = True
    return h


def make_highs(
    model: LinearModel, *, method: str, time_limit: float, threads: int
) -> highspy.Highs:
    h = new_highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("threads", int(threads))
    if method == "ipm-nocrossover":
        h.setOptionValue("solver", "ipm")
        h.setOptionValue("run_crossover", "off")
    else:
        h.setOptionValue("solver", method)
    h.passModel(model.to_highs_lp())
    return h


def solve_model(
    model: LinearModel,
    *,
    method: str = DEFAULT_METHOD,
    time_limit: float = 120.0,
    threads: int = 1,
    highs: highspy.Highs | None = None,
) -> Solution:
    """Run HiGHS on ``model`` (or on an already loaded ``highs``, e.g. after a RHS change)."""
    h = (
        highs
        if highs is not None
        else make_highs(model, method=method, time_limit=time_limit, threads=threads)
    )
    start = time.perf_counter()
    run(h, time_limit if highs is not None else None)
    seconds = time.perf_counter() - start
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    has_primal = info.primal_solution_status >= 1
    sol = h.getSolution()
    objective = float(info.objective_function_value) if has_primal else None
    bound: float | None = None
    gap: float | None = None
    notes: list[str] = []
    if not optimal:
        try:
            hx: Any = h  # not in highspy's type stubs
            ok, dual_obj = hx.getDualObjectiveValue()
            if ok == highspy.HighsStatus.kOk and info.dual_solution_status >= 2:
                bound = float(dual_obj)
        except (AttributeError, TypeError):  # pragma: no cover - older highspy
            bound = None
        if objective is not None and bound is not None:
            gap = abs(objective - bound) / max(1.0, abs(objective))
        notes.append(f"HiGHS stopped with status {status!r}")
    return Solution(
        status=status,
        optimal=optimal,
        objective=objective,
        bound=bound if not optimal else objective,
        gap=gap if not optimal else 0.0,
        col_value=np.asarray(sol.col_value) if has_primal else np.zeros(0),
        row_dual=np.asarray(sol.row_dual) if info.dual_solution_status >= 1 else np.zeros(0),
        solve_seconds=seconds,
        method=method,
        iterations=int(info.simplex_iteration_count + info.ipm_iteration_count),
        notes=notes,
    )


#: the columns whose values the explanations read (per item: consumption not met, backlog;
#: stock below target): the tie-break's perturbation makes them unique
OUTCOMES = ("c", "b", "v")


def shipment_cost(
    model: LinearModel, value: np.ndarray, spread: float = 0.0, seed: int = 0
) -> np.ndarray:
    """[columns] the tie-break's cost: the value (USD) of each unit shipped — transfers
    ``x`` and orders ``q`` at the item's unit value; 0 for every other column.

    With ``spread`` > 0 the shortfall and breach columns (:data:`OUTCOMES`: consumption
    not met, backlog, stock below target) get a small deterministic cost each, ``spread ×
    value × u`` (a generator seeded with ``seed`` draws ``u`` in [0, 1) per column). A
    generic cost on them has one optimum on the optimal face, so two solves of the same plan
    — warm or cold, from any basis — leave the same shortfall per item, recipient and week
    and the same stock below target, whichever of several equally good plans each primary
    solve found (the explanations' re-solves rely on it: docs/plan.md "The tie-break").
    Shipments keep their plain value: perturbing them (many transfers tie exactly) made the
    second solve about 30 times slower on M (docs/plan.md)."""
    cost = np.zeros(model.ncols)
    x = model.vars["x"].index
    mask = x >= 0
    cost[x[mask]] = np.broadcast_to(value[None, None, :, None], x.shape)[mask]
    q = model.vars["q"].index
    if q.size:
        item_value = value[model.meta["k_item"]][:, None]
        mask = q >= 0
        cost[q[mask]] = np.broadcast_to(item_value, q.shape)[mask]
    if spread > 0 and model.ncols:
        u = np.random.default_rng(seed).random(model.ncols)
        for name in OUTCOMES:
            if name not in model.vars:
                continue
            idx = model.vars[name].index  # dims (…, item, …): the item is axis 1
            shape = [1] * idx.ndim
            shape[1] = len(value)
            unit = np.broadcast_to(value.reshape(shape), idx.shape)
            mask = idx >= 0
            cost[idx[mask]] = spread * unit[mask] * u[idx[mask]]
    return cost


def run(highs: highspy.Highs, time_limit: float | None = None) -> None:
    """``highs.run()`` with ``time_limit`` seconds for this run (HiGHS counts its limit
    from the instance's first run, so a re-solve would otherwise inherit a spent clock)."""
    if time_limit is not None:
        highs.setOptionValue("time_limit", float(highs.getRunTime()) + float(time_limit))
    highs.run()


def tie_break(
    model: LinearModel,
    highs: highspy.Highs,
    primary: Solution,
    value: np.ndarray,
    *,
    tolerance: float,
    restore: bool = False,
    time_limit: float = 60.0,
    spread: float = 0.0,
) -> Solution:
    """The second, lexicographic solve on the optimal face: minimise the value of what is
    shipped (transfers and orders) among the plans as good as the primary one, so no
    transfer or order is made that does not help.

    The optimal face is pinned by complementary slackness with the primary's duals (well
    scaled, unlike an objective row of a trillion): every column whose reduced cost exceeds
    ``tolerance`` × the largest cost keeps its value, every row whose dual exceeds it stays
    at its bound; the rest is free (by complementary slackness that is the whole optimal
    face, whichever optimal dual the primary found). ``spread``: the deterministic
    perturbation of :func:`shipment_cost` that makes the second optimum unique.
    Warm-started from the primary basis. Returns the primary
    solution with the new primal values (duals and objective stay the primary's); when the
    second solve fails, the primary solution unchanged. With ``restore`` the instance gets
    its bounds and costs back, so it can be re-solved warm (the frontier)."""
    if not primary.optimal or primary.objective is None or model.ncols == 0:
        return primary
    second = shipment_cost(model, value, spread)
    if not second.any():
        return primary
    hx: Any = highs  # changeColsBounds / changeRowsBounds / changeColsCost: not in the stubs
    primary_basis = highs.getBasis() if restore else None
    lp = highs.getLp()
    cost = np.asarray(lp.col_cost_)
    col_lo, col_hi = np.asarray(lp.col_lower_), np.asarray(lp.col_upper_)
    row_lo, row_hi = np.asarray(lp.row_lower_), np.asarray(lp.row_upper_)
    sol = highs.getSolution()
    x = np.asarray(sol.col_value)
    rc = np.asarray(sol.col_dual)
    act = np.asarray(sol.row_value)
    dual = np.asarray(sol.row_dual)
    tol = tolerance * max(1.0, float(np.abs(cost).max(initial=0.0)))
    fix_c = np.nonzero(np.abs(rc) > tol)[0].astype(np.int32)
    fix_r = np.nonzero((np.abs(dual) > tol) & (row_lo < row_hi))[0].astype(np.int32)
    at = np.where(
        np.abs(act[fix_r] - row_lo[fix_r]) <= np.abs(act[fix_r] - row_hi[fix_r]),
        row_lo[fix_r],
        row_hi[fix_r],
    )
    all_cols = np.arange(model.ncols, dtype=np.int32)
    if len(fix_c):
        hx.changeColsBounds(len(fix_c), fix_c, x[fix_c], x[fix_c])
    if len(fix_r):
        hx.changeRowsBounds(len(fix_r), fix_r, at, at)
    hx.changeColsCost(model.ncols, all_cols, second)
    # the primary's basis stays primal feasible on the face: primal simplex (measured on M:
    # 0.9 s against 7 s for dual simplex)
    _, strategy = hx.getOptionValue("simplex_strategy")
    highs.setOptionValue("simplex_strategy", 4)
    start = time.perf_counter()
    run(highs, time_limit)
    seconds = time.perf_counter() - start
    highs.setOptionValue("simplex_strategy", strategy)
    ok = highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    col_value = np.asarray(highs.getSolution().col_value) if ok else None
    if restore:
        if len(fix_c):
            hx.changeColsBounds(len(fix_c), fix_c, col_lo[fix_c], col_hi[fix_c])
        if len(fix_r):
            hx.changeRowsBounds(len(fix_r), fix_r, row_lo[fix_r], row_hi[fix_r])
        hx.changeColsCost(model.ncols, all_cols, cost)
        if primary_basis is not None:  # the next re-solve starts from the primary's basis
            highs.setBasis(primary_basis)
    if col_value is None:
        primary.notes.append(
            "the tie-break solve (fewest units shipped on the optimal face) did not finish: "
            "the plan is the primary solve's"
        )
        return primary
    moved = float(cost @ col_value - cost @ x)
    if moved > 1e-6 * max(1.0, abs(primary.objective)):
        primary.notes.append(
            f"the tie-break moved the objective by {moved:,.0f} "
            f"({moved / abs(primary.objective):.1e} relative): the plan is the primary solve's"
        )
        return primary
    primary.col_value = col_value
    primary.solve_seconds += seconds
    return primary
