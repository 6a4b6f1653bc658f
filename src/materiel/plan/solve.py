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
    h.run()
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


def shipment_cost(model: LinearModel, value: np.ndarray) -> np.ndarray:
    """[columns] the tie-break's cost: the value (USD) of each unit shipped — transfers
    ``x`` and orders ``q`` at the item's unit value; 0 for every other column."""
    cost = np.zeros(model.ncols)
    x = model.vars["x"].index
    mask = x >= 0
    cost[x[mask]] = np.broadcast_to(value[None, None, :, None], x.shape)[mask]
    q = model.vars["q"].index
    if q.size:
        item_value = value[model.meta["k_item"]][:, None]
        mask = q >= 0
        cost[q[mask]] = np.broadcast_to(item_value, q.shape)[mask]
    return cost


def tie_break(
    model: LinearModel,
    highs: highspy.Highs,
    primary: Solution,
    value: np.ndarray,
    *,
    tolerance: float,
    restore: bool = False,
) -> Solution:
    """The second, lexicographic solve on the optimal face: the primary objective is held
    within ``tolerance`` (relative) of its optimum and the value of what is shipped
    (transfers and orders) is minimised, so no transfer or order is made that does not
    help. Returns the primary solution with the new primal values (its duals and objective
    are the primary's); when the second solve fails, the primary solution unchanged. With
    ``restore`` the instance gets its primary objective back (row and costs), so it can be
    re-solved warm, as the frontier does."""
    if not primary.optimal or primary.objective is None or model.ncols == 0:
        return primary
    second = shipment_cost(model, value)
    cols = np.nonzero(second)[0]
    if not len(cols):
        return primary
    cost = model.arrays()["cost"]
    nz = np.nonzero(cost)[0]
    limit = primary.objective - model.offset + tolerance * max(1.0, abs(primary.objective))
    hx: Any = highs  # addRow / changeColsCost: not in highspy's type stubs
    hx.addRow(-highspy.kHighsInf, limit, len(nz), nz.astype(np.int32), cost[nz])
    hx.changeColsCost(model.ncols, np.arange(model.ncols, dtype=np.int32), second)
    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start
    ok = highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    col_value = np.asarray(highs.getSolution().col_value) if ok else None
    if restore:
        hx.deleteRows(1, np.array([highs.getNumRow() - 1], dtype=np.int32))
        hx.changeColsCost(model.ncols, np.arange(model.ncols, dtype=np.int32), cost)
    if col_value is None:
        primary.notes.append(
            "the tie-break solve (fewest units shipped on the optimal face) did not finish: "
            "the plan is the primary solve's"
        )
        return primary
    primary.col_value = col_value
    primary.solve_seconds += seconds
    return primary
