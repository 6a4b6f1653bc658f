"""One benchmark run in its own process (so peak memory is this run's alone):

    python -m materiel.bench.planbench_run SIZE TOOL [METHOD] [TIME_LIMIT]

prints one JSON line: build and solve seconds, status, objective, peak resident memory.
TOOL is ``ours`` (build, primary solve and the tie-break solve, as ``materiel.plan.solve``
runs them without explanations), ``ours-split`` (per-item decomposition), ``ours-frontier`` (the
readiness–support frontier, warm-started sweep), ``pyomo`` or ``pulp``.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any

from materiel.plan.data import from_snapshot
from materiel.plan.synthetic import sized

PARAMS = {"mu_burden": 0.0}  # the readiness weight is the default (materiel.plan_policy)


def run(size: str, tool: str, method: str = "simplex", time_limit: float = 300.0) -> dict[str, Any]:
    ds = sized(size, seed=1, params=PARAMS)
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out: dict[str, Any] = {"size": size, "tool": tool, "method": method}
    if tool == "ours":
        from materiel import plan_policy as policy
        from materiel.plan.build import build_model
        from materiel.plan.solve import make_highs, solve_model, tie_break

        start, cpu = time.perf_counter(), time.process_time()
        data = from_snapshot(ds)
        model = build_model(data)
        highs = make_highs(model, method=method, time_limit=time_limit, threads=1)
        out["build"] = time.perf_counter() - start
        out["build_cpu"] = time.process_time() - cpu
        cpu = time.process_time()
        sol = solve_model(model, highs=highs, method=method)
        out["solve_cpu"] = time.process_time() - cpu
        primary = sol.solve_seconds
        # the plan's second, lexicographic solve (as materiel.plan.solve runs it)
        cpu = time.process_time()
        sol = tie_break(
            model,
            highs,
            sol,
            data.value,
            tolerance=policy.TIE_BREAK_TOLERANCE,
            time_limit=time_limit,
            spread=policy.TIE_BREAK_SPREAD,
        )
        out["tie_break_cpu"] = time.process_time() - cpu
        out.update(
            tie_break=sol.solve_seconds - primary if sol.optimal else None,
            solve=primary,
            status=sol.status,
            objective=sol.objective,
            columns=model.ncols,
            rows=model.nrows,
            nonzeros=model.stats()["nonzeros"],
        )
    elif tool == "ours-split":
        from materiel.plan.decompose import solve_split

        data = from_snapshot(ds)
        cpu = time.process_time()
        res = solve_split(data, method=method, time_limit=time_limit)
        out["cpu"] = time.process_time() - cpu
        out.update(
            build=res.build_seconds,
            solve=res.solve_seconds,
            status=res.status,
            objective=res.objective,
            iterations=res.iterations,
            bound=res.bound,
        )
    elif tool == "ours-frontier":
        from materiel.plan.frontier import sweep

        data = from_snapshot(ds, time_limit=time_limit)
        cpu = time.process_time()
        front = sweep(data)
        out["cpu"] = time.process_time() - cpu
        out.update(
            build=0.0,
            solve=front.seconds,
            first_solve=front.first_solve_seconds,
            points=len(front.points),
            status=",".join(sorted({str(p["status"]) for p in front.points})),
        )
    elif tool in ("pyomo", "pulp"):
        from materiel.bench import planbench_peers as peers

        data = from_snapshot(ds)
        fn = peers.pyomo_run if tool == "pyomo" else peers.pulp_run
        out.update(fn(data, time_limit))
    else:
        raise SystemExit(f"unknown tool {tool!r}")
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["base_mb"] = base_mb
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    method = args[2] if len(args) > 2 else "simplex"
    limit = float(args[3]) if len(args) > 3 else 300.0
    print("RESULT " + json.dumps(run(args[0], args[1], method, limit)))
