"""Per-item decomposition: bounds bracket the monolithic optimum; exact when budgets are
slack; item subsets keep the problem's meaning."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from materiel.plan import from_snapshot, solve
from materiel.plan.decompose import solve_split, subset_items
from materiel.plan.synthetic import generate


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_split_brackets_the_monolithic_optimum(seed: int) -> None:
    data = from_snapshot(generate(4, 5, 8, 6, funds=2, seed=seed, params={"lambda_target": 1e-3}))
    mono = solve(data, explain=False)
    split = solve_split(data, max_iter=30)
    assert mono.objective is not None and split.objective is not None
    scale = max(1.0, abs(mono.objective))
    assert split.bound <= mono.objective + 1e-6 * scale
    assert split.objective >= mono.objective - 1e-6 * scale
    assert split.gap is not None and split.gap >= -1e-9
    assert split.parts == len(data.items)


def test_split_is_exact_when_budgets_do_not_bind() -> None:
    data = from_snapshot(generate(3, 4, 6, 4, funds=2, seed=5))
    rich = replace(data, budget=data.budget * 1e6)
    mono = solve(rich, explain=False)
    split = solve_split(rich)
    assert split.iterations == 1
    assert split.objective == pytest.approx(mono.objective, rel=1e-7, abs=1e-6)


def test_split_refuses_burden_sharing() -> None:
    data = from_snapshot(generate(3, 3, 4, 2, seed=1, params={"mu_burden": 1.0}))
    with pytest.raises(ValueError, match="burden"):
        solve_split(data)


def test_subset_keeps_lines_of_the_items() -> None:
    data = from_snapshot(generate(3, 4, 5, 8, seed=2))
    sub = subset_items(data, np.array([1, 3]))
    assert sub.items == [data.items[1], data.items[3]]
    made = {data.items[i] for i in data.line_item}
    assert {sub.items[i] for i in sub.line_item} == made & set(sub.items)
    assert sub.s0.shape == (3, 2) and sub.cap.shape[0] == len(sub.lines)


def test_split_plan_as_a_result_satisfies_every_constraint() -> None:
    from test_plan_properties import check_constraints

    data = from_snapshot(generate(4, 5, 8, 6, funds=2, seed=3, params={"lambda_target": 1e-3}))
    mono = solve(data, explain=False)
    split = solve(data, method="split")
    assert split.method == "split" and split.status in {"Optimal", "Near-optimal", "Feasible"}
    check_constraints(data, split.tables)
    assert split.objective is not None and mono.objective is not None
    assert split.objective >= mono.objective - 1e-6 * abs(mono.objective)
    assert split.objective == pytest.approx(mono.objective, rel=1e-3)


def test_auto_method_splits_large_models(monkeypatch: pytest.MonkeyPatch) -> None:
    import materiel.plan as plan

    data = from_snapshot(generate(3, 4, 6, 4, funds=2, seed=7, params={"lambda_target": 1e-3}))
    assert plan.solve(data, explain=False).method == "simplex"
    monkeypatch.setattr(plan, "SPLIT_ABOVE_COLUMNS", 0)
    assert plan.solve(data, explain=False).method == "split"
    burden = data.with_params(mu_burden=1.0)
    assert plan.solve(burden, explain=False).method == "simplex"  # burden sharing couples items


@pytest.mark.parametrize("seed", [2, 13, 31])
def test_split_meets_the_monolithic_optimum_when_budgets_bind(seed: int) -> None:
    """Tight budgets (a fifth of the generated ones): the Dantzig–Wolfe master's plan is
    within the stated gap of the monolithic optimum, and its bound below it."""
    base = from_snapshot(generate(5, 6, 10, 9, funds=3, seed=seed))
    data = replace(base, budget=base.budget * 0.2)
    mono = solve(data, explain=False)
    split = solve_split(data)
    assert mono.objective is not None and split.objective is not None
    scale = abs(mono.objective)
    assert split.status in {"Optimal", "Near-optimal"}
    assert split.bound <= mono.objective + 1e-6 * scale
    assert mono.objective - 1e-6 * scale <= split.objective <= mono.objective * (1 + 1e-3)
    result = solve(data, method="split")
    from test_plan_properties import check_constraints

    check_constraints(data, result.tables)
