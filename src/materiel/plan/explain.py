"""Explanations: marginal values from duals, checked by finite differences, in sentences.

The dual of a row is the change of the objective per unit of its right-hand side. A fund's
budget dual says what one more unit of its currency is worth; a line's capacity duals what
one more unit of output per week is worth; a target's duals what lowering the target by one
unit would save. Duals of a degenerate LP are not unique and hold only for small moves, so
each explained value is re-solved with the right-hand side moved by a real step (warm-started
from the optimal basis) and the two are compared:

* funds: +100 million in the fund's currency (or its whole budget if smaller and non-zero);
* lines: one more week of output (the line's mean weekly capacity) spread evenly over the
  weeks of the horizon;
* targets: the donor's target for the item lowered by 10 % in every week.

Objective units are turned into "units of high-priority shortfall" by dividing by the
weight of a high-priority need (10), which is what the sentences say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
import pandas as pd

from materiel import money
from materiel.plan.build import LinearModel
from materiel.plan.data import PRIORITY_WEIGHTS, PlanData
from materiel.plan.solve import Solution

HIGH = PRIORITY_WEIGHTS["high"]
FUND_STEP = 100e6
RTOL = 0.05  # duals and finite differences agree within 5 % ...
ATOL_FRACTION = 1e-7  # ... or an absolute slack relative to the objective


@dataclass
class Marginal:
    kind: str  # budget, capacity, target
    name: str  # fund code, line code, donor/item
    currency: str
    dual: float  # d objective / d rhs (≤ 0 when more helps)
    step: float
    predicted: float  # objective improvement the dual predicts for the step
    measured: float | None  # improvement of the re-solve
    agrees: bool | None
    per_million_usd: float | None
    sentence: str


def _usd_rate(currency: str, on: str) -> float:
    """USD per unit of ``currency`` (1 for USD)."""
    if currency.upper() == "USD":
        return 1.0
    try:
        day = dt.date.fromisoformat(on) if on else dt.date.today()
        return money.rate(currency, "USD", day)
    except Exception:  # unknown currency: leave unconverted, say so in the table
        return float("nan")


@dataclass
class Gain:
    """What a re-solve with a moved right-hand side improved."""

    objective: float  # objective decrease
    shortfall: float  # decrease of Σ weight·u, in units of high-priority shortfall
    breach: float  # decrease of Σ value·v (USD-weeks below target)


def _terms(model: LinearModel, cost: np.ndarray, col_value: np.ndarray) -> tuple[float, float]:
    # shortfall: consumption not met (c) and backlog of stated need (b) (plan model of #13)
    cu = np.concatenate([model.vars[n].index[model.vars[n].index >= 0] for n in ("c", "b")])
    v = model.vars["v"].index
    cv = v[v >= 0]
    shortfall = float((cost[cu] * col_value[cu]).sum()) / HIGH
    breach = float((cost[cv] * col_value[cv]).sum())
    return shortfall, breach


def _resolve_gain(
    h: highspy.Highs,
    model: LinearModel,
    base: tuple[float, float, float],
    rows: np.ndarray,
    deltas: np.ndarray,
    upper: bool,
) -> Gain | None:
    """Improvement after moving ``rows``' bounds by ``deltas`` (warm start); restores them."""
    arrays = model.meta["_arrays"]
    lo = np.where(np.isinf(arrays["row_lb"][rows]), -highspy.kHighsInf, arrays["row_lb"][rows])
    hi = np.where(np.isinf(arrays["row_ub"][rows]), highspy.kHighsInf, arrays["row_ub"][rows])
    n = len(rows)
    idx = rows.astype(np.int32)
    hx: Any = h  # changeRowsBounds is missing from highspy's type stubs
    if upper:
        hx.changeRowsBounds(n, idx, lo, hi + deltas)
    else:
        hx.changeRowsBounds(n, idx, lo + deltas, hi)
    h.run()
    ok = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    gain = None
    if ok:
        value = float(h.getInfo().objective_function_value)
        shortfall, breach = _terms(model, arrays["cost"], np.asarray(h.getSolution().col_value))
        gain = Gain(base[0] - value, base[1] - shortfall, base[2] - breach)
    hx.changeRowsBounds(n, idx, lo, hi)
    return gain


def _effect(gain: Gain | None, predicted: float, lam: float) -> str:
    """'avoids about N units of high-priority shortfall' (+ target breach avoided)."""
    if gain is None:
        return f"improves the plan's objective by about {predicted:,.0f} (dual estimate)"
    if abs(gain.objective) < 1e-6 * max(1.0, abs(predicted)) + 1e-6:
        return "changes nothing (it is not what limits the plan)"
    text = f"avoids about {gain.shortfall:,.0f} units of high-priority shortfall"
    if abs(gain.breach) > 0.5 and lam > 0:
        verb = "and" if gain.breach > 0 else "but adds"
        text += f" {verb} about {abs(gain.breach):,.0f} USD-weeks of stock below target"
    return text


def _money(amount: float) -> str:
    if amount >= 1e6 and amount % 1e6 == 0:
        return f"{amount / 1e6:,.0f} million"
    return f"{amount:,.0f}"


def _agree(predicted: float, measured: float | None, scale: float) -> bool | None:
    if measured is None:
        return None
    return abs(predicted - measured) <= RTOL * max(abs(predicted), abs(measured)) + (
        ATOL_FRACTION * max(scale, 1.0)
    )


def marginals(
    model: LinearModel,
    sol: Solution,
    d: PlanData,
    h: highspy.Highs | None,
    *,
    top_lines: int = 5,
    top_targets: int = 3,
    fund_step: float = FUND_STEP,
) -> list[Marginal]:
    """Marginal values of budgets, capacities and targets, each checked by a re-solve when
    ``h`` (the solved HiGHS instance) is given."""
    out: list[Marginal] = []
    if not sol.optimal or sol.objective is None or not sol.row_dual.size:
        return out
    arrays = model.arrays()
    model.meta["_arrays"] = arrays
    base = (sol.objective, *_terms(model, arrays["cost"], sol.col_value))
    scale = abs(sol.objective)

    def check(rows: np.ndarray, delta: np.ndarray, upper: bool) -> Gain | None:
        return _resolve_gain(h, model, base, rows, delta, upper) if h is not None else None

    def add(
        kind: str,
        name: str,
        cur: str,
        dual: float,
        step: float,
        predicted: float,
        gain: Gain | None,
        per_m: float | None,
        head: str,
    ) -> None:
        measured = gain.objective if gain is not None else None
        agrees = _agree(predicted, measured, scale)
        sentence = f"{head} {_effect(gain, predicted, d.lam)} over the horizon."
        if agrees is False:
            sentence += (
                " (The dual alone predicts a different value: the LP is degenerate here or "
                "the step leaves the dual's range; the figure is from the re-solve.)"
            )
        out.append(
            Marginal(kind, name, cur, dual, step, predicted, measured, agrees, per_m, sentence)
        )

    # budgets: +100 million in the fund's currency
    b_rows = model.rows["budget"].index
    b_dual = sol.duals(model, "budget")
    for f in np.nonzero(b_rows >= 0)[0]:
        cur = d.fund_currency[f]
        predicted = float(-b_dual[f] * fund_step)
        gain = check(b_rows[[f]], np.array([fund_step]), True)
        rate = _usd_rate(cur, d.rate_date or d.as_of)
        per_m = float(-b_dual[f] * 1e6 / rate) if np.isfinite(rate) and rate > 0 else None
        add(
            "budget",
            d.funds[f],
            cur,
            float(b_dual[f]),
            fund_step,
            predicted,
            gain,
            per_m,
            f"One more {_money(fund_step)} {cur} in fund {d.funds[f]}",
        )

    # capacities: one more week of output, spread over the horizon
    c_rows = model.rows["capacity"].index
    c_dual = sol.duals(model, "capacity")
    weeks = max(d.weeks, 1)
    mean_cap = d.cap.mean(axis=1) if d.weeks else np.zeros(len(d.lines))
    line_value = -(c_dual * (c_rows >= 0)).sum(axis=1) * mean_cap / weeks
    ranked = [p for p in np.argsort(-line_value) if (c_rows[p] >= 0).any() and line_value[p] > 0]
    ranked = ranked[:top_lines]
    for p in ranked:
        rows = c_rows[p][c_rows[p] >= 0]
        gain = check(rows, np.full(len(rows), mean_cap[p] / weeks), True)
        best_unit = float(-(c_dual[p]).min(initial=0.0))
        rate = _usd_rate(d.line_currency[p], d.rate_date or d.as_of)
        price_usd = d.price[p] * rate
        per_m = best_unit * 1e6 / price_usd if np.isfinite(price_usd) and price_usd > 0 else None
        add(
            "capacity",
            d.lines[p],
            d.line_currency[p],
            best_unit,
            float(mean_cap[p]),
            float(line_value[p]),
            gain,
            per_m,
            f"One more week of output at line {d.lines[p]} ({mean_cap[p]:,.0f} units of "
            f"{d.items[d.line_item[p]]}, spread over the horizon)",
        )

    # targets: lowering a donor's target by 10 %
    t_rows = model.rows["target"].index
    t_dual = sol.duals(model, "target")
    floor = d.hard_floor() if d.hard_targets else d.floor
    relief = (t_dual * (t_rows >= 0) * 0.1 * floor).sum(axis=2)  # lower bound moved down
    for flat in np.argsort(-relief, axis=None)[:top_targets]:
        n, i = np.unravel_index(flat, relief.shape)
        if relief[n, i] <= 0:
            continue
        sel = t_rows[n, i] >= 0
        gain = check(t_rows[n, i][sel], -0.1 * floor[n, i][sel], False)
        add(
            "target",
            f"{d.nations[n]}/{d.items[i]}",
            "",
            float(t_dual[n, i].sum()),
            0.1,
            float(relief[n, i]),
            gain,
            None,
            f"Lowering {d.nations[n]}'s target for {d.items[i]} by 10 %",
        )
    return out


def marginal_table(items: list[Marginal]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kind": m.kind,
                "name": m.name,
                "currency": m.currency,
                "dual": m.dual,
                "step": m.step,
                "predicted_gain": m.predicted,
                "measured_gain": m.measured,
                "agrees": m.agrees,
                "per_million_usd": m.per_million_usd,
                "sentence": m.sentence,
            }
            for m in items
        ],
        columns=[
            "kind",
            "name",
            "currency",
            "dual",
            "step",
            "predicted_gain",
            "measured_gain",
            "agrees",
            "per_million_usd",
            "sentence",
        ],
    )


def ranking(items: list[Marginal]) -> pd.DataFrame:
    """Where the next million (USD) does most good: funds (more budget) and lines (more
    capacity bought at the line's price), by objective improvement per million USD."""
    rows = [
        {
            "kind": "fund" if m.kind == "budget" else "line",
            "name": m.name,
            "objective_per_million_usd": m.per_million_usd,
            "high_priority_units_per_million_usd": m.per_million_usd / HIGH,
            "checked": m.agrees,
        }
        for m in items
        if m.kind in ("budget", "capacity") and m.per_million_usd is not None
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "kind",
            "name",
            "objective_per_million_usd",
            "high_priority_units_per_million_usd",
            "checked",
        ],
    )
    return frame.sort_values("objective_per_million_usd", ascending=False).reset_index(drop=True)
