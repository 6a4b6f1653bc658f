"""The plan LP built in Pyomo and in PuLP, as peers for the benchmark (optional extra
``bench``).

Same LP as ours, row for row: the peers are handed the rows, bounds and costs of
:func:`materiel.plan.build_model` (backlog by priority, lost consumption, transit, the tail
after the horizon, targets, budgets, capacity — whatever the plan model is today, so the
peers never compare against an older model) and write each one the way the library is
normally used: one variable per column, one constraint per row as a sum of coefficient ×
variable, the objective as one sum. Both hand the model to HiGHS.

Their build time is the library's alone: deriving the rows (our builder) is done first and
not counted, so a peer's build here is a lower bound on writing the model from scratch in
that library (index sets, rules) — the comparison favours the peers.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from materiel.plan.build import build_model
from materiel.plan.data import PlanData


def _rows(d: PlanData) -> dict[str, Any]:
    """The LP as plain Python lists (not counted in a peer's build time): per row its
    (column, coefficient) pairs and bounds; per column cost and bounds."""
    model = build_model(d)
    a = model.arrays()
    csr = model.matrix().tocsr()
    rows = [
        list(
            zip(
                csr.indices[csr.indptr[r] : csr.indptr[r + 1]].tolist(),
                csr.data[csr.indptr[r] : csr.indptr[r + 1]].tolist(),
                strict=True,
            )
        )
        for r in range(model.nrows)
    ]

    def bound(v: float) -> float | None:
        return None if np.isinf(v) else float(v)

    return {
        "ncols": model.ncols,
        "cost": a["cost"].tolist(),
        "col_lb": [bound(v) for v in a["col_lb"]],
        "col_ub": [bound(v) for v in a["col_ub"]],
        "rows": rows,
        "row_lb": [bound(v) for v in a["row_lb"]],
        "row_ub": [bound(v) for v in a["row_ub"]],
        "offset": model.offset,
    }


def pyomo_run(d: PlanData, time_limit: float) -> dict[str, Any]:
    import pyomo.environ as pyo

    lp = _rows(d)
    start, cpu = time.perf_counter(), time.process_time()
    m = pyo.ConcreteModel()
    cols = range(lp["ncols"])
    m.x = pyo.Var(cols, bounds=lambda _, j: (lp["col_lb"][j], lp["col_ub"][j]))

    def row(mm: Any, r: int) -> Any:
        if not lp["rows"][r]:
            return pyo.Constraint.Skip
        body = sum(c * mm.x[j] for j, c in lp["rows"][r])
        lo, hi = lp["row_lb"][r], lp["row_ub"][r]
        if lo is not None and lo == hi:
            return body == lo
        return (lo, body, hi)

    m.rows = pyo.Constraint(range(len(lp["rows"])), rule=row)
    m.obj = pyo.Objective(
        expr=sum(c * m.x[j] for j, c in enumerate(lp["cost"]) if c), sense=pyo.minimize
    )
    build = time.perf_counter() - start
    build_cpu = time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    solver = pyo.SolverFactory("appsi_highs")
    solver.config.time_limit = time_limit
    res = solver.solve(m, load_solutions=False)
    solve = time.perf_counter() - start
    solve_cpu = time.process_time() - cpu
    status = str(res.solver.termination_condition)
    obj = res.problem.upper_bound + lp["offset"] if status == "optimal" else None
    return {
        "build_cpu": build_cpu,
        "solve_cpu": solve_cpu,
        "build": build,
        "solve": solve,
        "status": status,
        "objective": obj,
        "columns": lp["ncols"],
    }


def pulp_run(d: PlanData, time_limit: float) -> dict[str, Any]:
    import pulp

    lp = _rows(d)
    start, cpu = time.perf_counter(), time.process_time()
    prob = pulp.LpProblem("plan", pulp.LpMinimize)
    x = [pulp.LpVariable(f"x{j}", lp["col_lb"][j], lp["col_ub"][j]) for j in range(lp["ncols"])]
    prob += pulp.lpSum(c * x[j] for j, c in enumerate(lp["cost"]) if c)
    for r, terms in enumerate(lp["rows"]):
        body = pulp.lpSum(c * x[j] for j, c in terms)
        lo, hi = lp["row_lb"][r], lp["row_ub"][r]
        if lo is not None and lo == hi:
            prob += body == lo
            continue
        if lo is not None:
            prob += body >= lo
        if hi is not None:
            prob += body <= hi
    build = time.perf_counter() - start
    build_cpu = time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    prob.solve(pulp.HiGHS(msg=False, timeLimit=time_limit))
    solve = time.perf_counter() - start
    solve_cpu = time.process_time() - cpu
    status = pulp.LpStatus[prob.status]
    return {
        "build_cpu": build_cpu,
        "solve_cpu": solve_cpu,
        "build": build,
        "solve": solve,
        "status": status,
        "objective": pulp.value(prob.objective) + lp["offset"] if status == "Optimal" else None,
        "columns": len(prob.variables()),
    }
