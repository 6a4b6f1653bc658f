"""The plan LP built in Pyomo and in PuLP, as peers for the benchmark (optional extra
``bench``). Same data, same sparse eligibility (the masks of
:func:`materiel.plan.constraints.prepare_masks`), same rows and objective, written the way
each library is normally used: index sets of tuples, one constraint per index via rules or
``lpSum``. Both hand the model to HiGHS."""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

import numpy as np

from materiel.plan.build import LinearModel
from materiel.plan.constraints import add_constant_breach, prepare_masks
from materiel.plan.data import PlanData

#: the tie-break cost of the model these peers rebuild (the plan model before issue 13:
#: the same shape, for comparing build times)
EPS = 1e-9


def _index(d: PlanData) -> dict[str, Any]:
    """Index tuples and groupings every peer needs (counted in its build time)."""
    m = LinearModel()
    prepare_masks(m, d)
    add_constant_breach(m, d)
    meta = m.meta
    nn, nt = len(d.nations), d.weeks
    x_keys = [tuple(int(v) for v in k) for k in np.argwhere(meta["x_mask"])]
    q_keys = [tuple(int(v) for v in k) for k in np.argwhere(meta["q_mask"])]
    s_pairs = [tuple(int(v) for v in k) for k in np.argwhere(meta["s_mask"])]
    s_keys = [(n, i, t) for n, i in s_pairs for t in range(nt)]
    rs_pairs = [tuple(int(v) for v in k) for k in np.argwhere(meta["demand_any"])]
    rs_keys = [(r, i, t) for r, i in rs_pairs for t in range(nt)]
    u_keys = [tuple(int(v) for v in k) for k in np.argwhere(d.demand > 0)]
    soft = not d.hard_targets
    floor = d.floor if soft else d.hard_floor()
    v_keys = [(n, i, t) for n, i, t in s_keys if floor[n, i, t] > 0]
    x_by_nit: dict[tuple[int, int, int], list[tuple[int, ...]]] = defaultdict(list)
    x_by_rit: dict[tuple[int, int, int], list[tuple[int, ...]]] = defaultdict(list)
    for key in x_keys:
        n, r, i, t = key
        x_by_nit[(n, i, t)].append(key)
        x_by_rit[(r, i, t)].append(key)
    arr_n: dict[tuple[int, int, int], list[tuple[int, ...]]] = defaultdict(list)
    arr_r: dict[tuple[int, int, int], list[tuple[int, ...]]] = defaultdict(list)
    q_by_pt: dict[tuple[int, int], list[tuple[int, ...]]] = defaultdict(list)
    q_by_f: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    k_line, k_fund, k_dest, k_item = meta["k_line"], meta["k_fund"], meta["k_dest"], meta["k_item"]
    for key in q_keys:
        k, t = key
        p, dest, item = int(k_line[k]), int(k_dest[k]), int(k_item[k])
        ta = t + int(d.lead[p])
        if ta < nt:
            (arr_n if dest < nn else arr_r)[(dest if dest < nn else dest - nn, item, ta)].append(
                key
            )
        q_by_pt[(p, t)].append(key)
        q_by_f[int(k_fund[k])].append(key)
    unit = {key: float(d.price_in_fund[k_line[key[0]], k_fund[key[0]]]) for key in q_keys}
    return {
        "x": x_keys,
        "q": q_keys,
        "S": s_keys,
        "Rs": rs_keys,
        "u": u_keys,
        "v": v_keys if soft else [],
        "hard": [] if soft else v_keys,
        "floor": floor,
        "x_by_nit": x_by_nit,
        "x_by_rit": x_by_rit,
        "arr_n": arr_n,
        "arr_r": arr_r,
        "q_by_pt": q_by_pt,
        "q_by_f": q_by_f,
        "unit": unit,
        "offset": m.offset,
    }


def pyomo_run(d: PlanData, time_limit: float) -> dict[str, Any]:
    import pyomo.environ as pyo

    start, cpu = time.perf_counter(), time.process_time()
    ix = _index(d)
    m = pyo.ConcreteModel()
    m.x = pyo.Var(
        ix["x"],
        within=pyo.NonNegativeReals,
        bounds=lambda _, n, r, i, t: (
            0,
            None if np.isinf(d.give_cap[n, i]) else float(d.give_cap[n, i]),
        ),
    )
    m.q = pyo.Var(ix["q"], within=pyo.NonNegativeReals)
    m.S = pyo.Var(ix["S"], within=pyo.NonNegativeReals)
    m.Rs = pyo.Var(ix["Rs"], within=pyo.NonNegativeReals)
    m.u = pyo.Var(
        ix["u"],
        within=pyo.NonNegativeReals,
        bounds=lambda _, r, i, t: (0, float(d.demand[r, i, t])),
    )
    m.v = pyo.Var(ix["v"], within=pyo.NonNegativeReals)

    def donor(mm: Any, n: int, i: int, t: int) -> Any:
        prev = mm.S[n, i, t - 1] if t > 0 else float(d.s0[n, i])
        return mm.S[n, i, t] == prev + float(d.arrive_n[n, i, t]) - float(d.pout[n, i, t]) + sum(
            mm.q[k] for k in ix["arr_n"].get((n, i, t), [])
        ) - sum(mm.x[k] for k in ix["x_by_nit"].get((n, i, t), []))

    def recipient(mm: Any, r: int, i: int, t: int) -> Any:
        prev = mm.Rs[r, i, t - 1] if t > 0 else float(d.r0[r, i])
        unmet = mm.u[r, i, t] if d.demand[r, i, t] > 0 else 0.0
        return (
            mm.Rs[r, i, t]
            == prev
            + float(d.pin[r, i, t] + d.arrive_r[r, i, t] - d.demand[r, i, t])
            + sum(mm.x[k] for k in ix["x_by_rit"].get((r, i, t), []))
            + sum(mm.q[k] for k in ix["arr_r"].get((r, i, t), []))
            + unmet
        )

    m.donor = pyo.Constraint(ix["S"], rule=donor)
    m.recipient = pyo.Constraint(ix["Rs"], rule=recipient)
    m.capacity = pyo.Constraint(
        list(ix["q_by_pt"]),
        rule=lambda mm, p, t: sum(mm.q[k] for k in ix["q_by_pt"][(p, t)]) <= float(d.cap[p, t]),
    )
    m.budget = pyo.Constraint(
        list(ix["q_by_f"]),
        rule=lambda mm, f: (
            sum(ix["unit"][k] * mm.q[k] for k in ix["q_by_f"][f]) <= float(d.budget[f])
        ),
    )
    if ix["v"]:
        m.target = pyo.Constraint(
            ix["v"],
            rule=lambda mm, n, i, t: mm.S[n, i, t] + mm.v[n, i, t] >= float(ix["floor"][n, i, t]),
        )
    if ix["hard"]:
        m.target = pyo.Constraint(
            ix["hard"], rule=lambda mm, n, i, t: mm.S[n, i, t] >= float(ix["floor"][n, i, t])
        )
    m.obj = pyo.Objective(
        expr=sum(float(d.weight[k]) * m.u[k] for k in ix["u"])
        + sum(d.lam * float(d.value[k[1]]) * m.v[k] for k in ix["v"])
        + sum(EPS * ix["unit"][k] * m.q[k] for k in ix["q"])
        + sum(EPS * float(d.value[k[2]]) * m.x[k] for k in ix["x"]),
        sense=pyo.minimize,
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
    obj = res.problem.upper_bound + ix["offset"] if status == "optimal" else None
    return {
        "build_cpu": build_cpu,
        "solve_cpu": solve_cpu,
        "build": build,
        "solve": solve,
        "status": status,
        "objective": obj,
        "columns": len(ix["x"])
        + len(ix["q"])
        + len(ix["S"])
        + len(ix["Rs"])
        + len(ix["u"])
        + len(ix["v"]),
    }


def pulp_run(d: PlanData, time_limit: float) -> dict[str, Any]:
    import pulp

    start, cpu = time.perf_counter(), time.process_time()
    ix = _index(d)
    prob = pulp.LpProblem("plan", pulp.LpMinimize)
    x = {
        k: pulp.LpVariable(
            "x_" + "_".join(map(str, k)),
            0,
            None if np.isinf(d.give_cap[k[0], k[2]]) else float(d.give_cap[k[0], k[2]]),
        )
        for k in ix["x"]
    }
    q = {k: pulp.LpVariable("q_" + "_".join(map(str, k)), 0) for k in ix["q"]}
    s = {k: pulp.LpVariable("S_" + "_".join(map(str, k)), 0) for k in ix["S"]}
    rs = {k: pulp.LpVariable("R_" + "_".join(map(str, k)), 0) for k in ix["Rs"]}
    u = {k: pulp.LpVariable("u_" + "_".join(map(str, k)), 0, float(d.demand[k])) for k in ix["u"]}
    v = {k: pulp.LpVariable("v_" + "_".join(map(str, k)), 0) for k in ix["v"]}
    prob += (
        pulp.lpSum(float(d.weight[k]) * u[k] for k in ix["u"])
        + pulp.lpSum(d.lam * float(d.value[k[1]]) * v[k] for k in ix["v"])
        + pulp.lpSum(EPS * ix["unit"][k] * q[k] for k in ix["q"])
        + pulp.lpSum(EPS * float(d.value[k[2]]) * x[k] for k in ix["x"])
    )
    for n, i, t in ix["S"]:
        prev = s[n, i, t - 1] if t > 0 else float(d.s0[n, i])
        prob += s[n, i, t] == prev + float(d.arrive_n[n, i, t] - d.pout[n, i, t]) + pulp.lpSum(
            q[k] for k in ix["arr_n"].get((n, i, t), [])
        ) - pulp.lpSum(x[k] for k in ix["x_by_nit"].get((n, i, t), []))
    for r, i, t in ix["Rs"]:
        prev = rs[r, i, t - 1] if t > 0 else float(d.r0[r, i])
        unmet = u[r, i, t] if d.demand[r, i, t] > 0 else 0.0
        prob += (
            rs[r, i, t]
            == prev
            + float(d.pin[r, i, t] + d.arrive_r[r, i, t] - d.demand[r, i, t])
            + pulp.lpSum(x[k] for k in ix["x_by_rit"].get((r, i, t), []))
            + pulp.lpSum(q[k] for k in ix["arr_r"].get((r, i, t), []))
            + unmet
        )
    for (p, t), keys in ix["q_by_pt"].items():
        prob += pulp.lpSum(q[k] for k in keys) <= float(d.cap[p, t])
    for f, keys in ix["q_by_f"].items():
        prob += pulp.lpSum(ix["unit"][k] * q[k] for k in keys) <= float(d.budget[f])
    for n, i, t in ix["v"]:
        prob += s[n, i, t] + v[n, i, t] >= float(ix["floor"][n, i, t])
    for n, i, t in ix["hard"]:
        prob += s[n, i, t] >= float(ix["floor"][n, i, t])
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
        "objective": pulp.value(prob.objective) + ix["offset"] if status == "Optimal" else None,
        "columns": len(prob.variables()),
    }
