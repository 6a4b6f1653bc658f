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
