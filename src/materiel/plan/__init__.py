"""The planning engine: the weekly transfer and procurement plan as a linear program.

    from materiel.plan import solve
    result = solve(snapshot)              # PlanResult: status, objective, pandas tables
    result.transfers, result.orders, result.unmet, result.dataset (xarray)

data → build → constraints → solve → results → explain; ``greedy`` is the baseline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import xarray as xr

from materiel.plan.build import LinearModel, build_model
from materiel.plan.data import PlanData, from_snapshot
from materiel.plan.errors import PlanError, PlanInputError
from materiel.plan.results import PlanResult

__all__ = [
    "LinearModel",
    "PlanData",
    "PlanError",
    "PlanInputError",
    "PlanResult",
    "build_model",
    "from_snapshot",
    "greedy",
    "solve",
]

Progress = Callable[[str, float], None]

#: ``method="auto"`` solves item by item above this many columns (docs/benchmarks.md: the
#: monolithic L instance, 2.1 million columns, does not finish in 150 s; the split takes 43 s)
SPLIT_ABOVE_COLUMNS = 1_000_000


def _noop(stage: str, fraction: float) -> None:
    return None


def solve(
    snapshot: xr.Dataset | PlanData,
    *,
    hard_targets: bool | None = None,
    method: str | None = None,
    time_limit: float | None = None,
    explain: bool = True,
    compare_greedy: bool = False,
    progress: Progress | None = None,
    warm_start: Any = None,
    tie_break: bool = True,
    **params: Any,
) -> PlanResult:
    """Build and solve the plan LP of a snapshot; returns a :class:`PlanResult`.

    ``hard_targets`` overrides the scenario's policy; ``params`` override other policy
    weights (``readiness_weight``, ``mu_burden``, ``tail_weeks``; materiel.plan_policy).
    ``method``: ``auto``
    (default: dual simplex on the whole LP, or the per-item split above
    :data:`SPLIT_ABOVE_COLUMNS` columns when only budgets couple items), ``simplex``,
    ``ipm`` or ``split``. ``progress(stage, f)`` is
    called with stages build, solve, explain, greedy. ``warm_start``: a ``highspy``
    basis of a model of the same shape (the explanations' re-solves pass the base plan's);
    ``tie_break=False`` skips the second, lexicographic solve (the explanations compare
    primary optima: on the demo the second solve can take the whole time limit).
    """
    from materiel.plan import explain as ex
    from materiel.plan.greedy import greedy_plan
    from materiel.plan.results import dataset, evaluate, from_solution, tables
    from materiel.plan.solve import DEFAULT_METHOD, make_highs, solve_model
    from materiel.plan.solve import tie_break as tie_break_solve
    from materiel.plan_policy import TIE_BREAK_SPREAD, TIE_BREAK_TOLERANCE

    report = progress or _noop
    overrides = {"hard_targets": hard_targets, "time_limit": time_limit, **params}
    if isinstance(snapshot, PlanData):
        data = snapshot.with_params(**{k: v for k, v in overrides.items() if v is not None})
    else:
        data = from_snapshot(snapshot, **overrides)
    chosen = method or str(data.params.get("method", "auto"))
    if chosen == "split":
        return _solve_split(data, report)
    report("build", 0.0)
    start = time.perf_counter()
    model = build_model(data)
    if chosen == "auto":
        # measured (docs/benchmarks.md): dual simplex on the whole LP up to about a million
        # columns; beyond, the per-item split with priced budgets (when only budgets couple)
        if model.ncols > SPLIT_ABOVE_COLUMNS and data.mu == 0 and len(data.items) > 1:
            return _solve_split(data, report)
        chosen = DEFAULT_METHOD
    highs = make_highs(model, method=chosen, time_limit=float(data.params["time_limit"]), threads=1)
    if warm_start is not None and _fits(warm_start, model):
        highs.setBasis(warm_start)
    build_seconds = time.perf_counter() - start
    report("solve", 0.0)
    limit = float(data.params["time_limit"])
    sol = solve_model(model, highs=highs, method=chosen, time_limit=limit)
    result = PlanResult(
        status=sol.status,
        objective=sol.objective,
        build_seconds=build_seconds,
        solve_seconds=sol.solve_seconds,
        snapshot_hash=data.content_hash,
        as_of=data.as_of,
        scenario=data.scenario,
        horizon_weeks=data.weeks,
        hard_targets=data.hard_targets,
        method=chosen,
        bound=sol.bound,
        gap=sol.gap,
        synthetic=data.synthetic,
        rate_date=data.rate_date,
        params={k: v for k, v in data.params.items()},
        stats=model.stats(),
        warnings=[*data.warnings, *sol.notes],
    )
    if model.ncols == 0:  # nothing to decide: the plan is "do nothing", scored as such
        ev = evaluate(data, model.meta, *_empty_decisions(data, model))
        result.status, result.objective, result.bound, result.gap = (
            "Optimal",
            ev.objective,
            ev.objective,
            0.0,
        )
        result.terms = ev.terms
        result.tables = tables(data, model.meta, ev)
        result.dataset = dataset(data, ev)
    broken = False  # the plan is the tie-break's one optimum (the explanations' base)
    if model.ncols and sol.col_value.size:
        if tie_break:
            primary_values = sol.col_value
            # restore: the instance gets the primary's costs, bounds and basis back, so the
            # explanations' re-solves start warm from the primary's optimal basis
            sol = tie_break_solve(
                model,
                highs,
                sol,
                data.value,
                tolerance=TIE_BREAK_TOLERANCE,
                time_limit=limit,
                spread=TIE_BREAK_SPREAD,
                restore=explain,
            )
            broken = sol.col_value is not primary_values
            result.solve_seconds = sol.solve_seconds
        ev = from_solution(model, sol, data)
        result.terms = ev.terms
        result.tables = {**tables(data, model.meta, ev), **result.tables}
        result.dataset = dataset(data, ev)
    if explain:
        report("explain", 0.0)
        t0 = time.perf_counter()
        # the plan itself is the explanations' base when it went through the tie-break;
        # otherwise they re-solve it with the tie-break first
        found = ex.marginals(model, sol, data, highs, base_result=result if broken else None)
        result.tables["marginals"] = ex.marginal_table(found, data.weeks)
        result.tables["ranking"] = ex.ranking(found, data.weeks)
        result.sentences = [m.sentence for m in found]
        result.explain_seconds = time.perf_counter() - t0
    if compare_greedy:
        report("greedy", 0.0)
        gx, gq = greedy_plan(data, model.meta)
        result.greedy_objective = evaluate(data, model.meta, gx, gq).objective
    return result


def _fits(basis: Any, model: LinearModel) -> bool:
    """A basis for ``model``: as many column and row statuses as it has columns and rows."""
    cols, rows = getattr(basis, "col_status", None), getattr(basis, "row_status", None)
    return (
        cols is not None
        and rows is not None
        and (len(cols), len(rows))
        == (
            model.ncols,
            model.nrows,
        )
    )


def _solve_split(data: PlanData, report: Progress) -> PlanResult:
    """The per-item decomposition (materiel.plan.decompose) as a PlanResult."""
    from materiel.plan.constraints import add_constant_breach, prepare_masks
    from materiel.plan.decompose import assemble, solve_split, split_duals
    from materiel.plan.results import dataset, evaluate, tables

    report("build", 0.0)
    meta_model = LinearModel()
    prepare_masks(meta_model, data)
    add_constant_breach(meta_model, data)
    report("solve", 0.0)
    res = solve_split(data, time_limit=float(data.params["time_limit"]))
    result = PlanResult(
        status=res.status,
        objective=res.objective,
        build_seconds=res.build_seconds,
        solve_seconds=res.solve_seconds,
        snapshot_hash=data.content_hash,
        as_of=data.as_of,
        scenario=data.scenario,
        horizon_weeks=data.weeks,
        hard_targets=data.hard_targets,
        method="split",
        bound=res.bound,
        gap=res.gap,
        synthetic=data.synthetic,
        rate_date=data.rate_date,
        params=dict(data.params),
        warnings=[
            *data.warnings,
            *res.notes,
            f"per-item decomposition: {res.parts} items, {res.iterations} price iterations, "
            f"gap to the lower bound {res.gap if res.gap is not None else float('nan'):.2e}; "
            "the ranking of where the next million does most good and the tie-break (fewest "
            "units shipped among equal plans) need the monolithic solve; the decomposition "
            "gives duals only (table 'duals')",
        ],
    )
    if res.objective is not None and res.solution:
        x, q, c, y = assemble(data, meta_model.meta, res)
        ev = evaluate(data, meta_model.meta, x, q, c, y)
        result.objective = ev.objective
        result.terms = ev.terms
        result.tables = tables(data, meta_model.meta, ev)
        result.dataset = dataset(data, ev)
    result.tables["duals"] = split_duals(data, res)
    return result


def _empty_decisions(data: PlanData, model: LinearModel) -> tuple[Any, Any]:
    import numpy as np

    shape = (len(data.nations), len(data.recipients), len(data.items), data.periods)
    return np.zeros(shape), np.zeros(model.meta["q_mask"].shape)


def greedy(snapshot: xr.Dataset | PlanData, **overrides: Any) -> PlanResult:
    """The greedy baseline as a :class:`PlanResult` scored by the LP's objective."""
    from materiel.plan.constraints import add_constant_breach, prepare_masks
    from materiel.plan.greedy import greedy_plan
    from materiel.plan.results import dataset, evaluate, tables

    data = (
        snapshot.with_params(**overrides)
        if isinstance(snapshot, PlanData)
        else from_snapshot(snapshot, **overrides)
    )
    start = time.perf_counter()
    model = LinearModel()
    prepare_masks(model, data)
    add_constant_breach(model, data)
    x, q = greedy_plan(data, model.meta)
    ev = evaluate(data, model.meta, x, q)
    return PlanResult(
        status="Greedy",
        objective=ev.objective,
        build_seconds=0.0,
        solve_seconds=time.perf_counter() - start,
        snapshot_hash=data.content_hash,
        as_of=data.as_of,
        scenario=data.scenario,
        horizon_weeks=data.weeks,
        hard_targets=data.hard_targets,
        method="greedy",
        synthetic=data.synthetic,
        rate_date=data.rate_date,
        params=dict(data.params),
        terms=ev.terms,
        warnings=list(data.warnings),
        tables=tables(data, model.meta, ev),
        dataset=dataset(data, ev),
    )
