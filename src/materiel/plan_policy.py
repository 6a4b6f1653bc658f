"""The planning policy's defaults, in one place (docs/plan.md "Weights").

Every weight of the plan's objective is **per unit of value per week** (USD-weeks), so a
shortfall and a stockpile target breach are compared in the same currency:

* a unit of stated need outstanding for one week past its date costs
  ``PRIORITY_WEIGHTS[priority] × unit value``;
* a unit of consumption not met in its week (lost: a week without ammunition is not made up
  later) costs ``CONSUMPTION_WEIGHT × unit value × the horizon's weeks`` (as a need of that
  weight left outstanding for the whole horizon, the most lateness a unit can gather in
  it: so consumption is never given up to serve a need of a weight not above it earlier);
* a unit of a donor's stock below its target for one week costs
  ``READINESS_WEIGHT × unit value`` (λ, the readiness weight).

With the defaults, a dollar-week of alliance stock below target weighs as much as a
dollar-week of routine need unmet, a tenth of a dollar-week of high-priority need, a
hundredth of a dollar-week of critical need.

This module is imported by the snapshot, the planner, the CLI, the API schemas and the
pages; it imports nothing of the project.
"""

from __future__ import annotations

from typing import Any

#: weight of a week of stated need unmet, per unit of value, by the need's priority
PRIORITY_WEIGHTS: dict[str, float] = {"critical": 100.0, "high": 10.0, "routine": 1.0}
#: the priorities, heaviest first (the ``priority`` dim of a snapshot)
PRIORITIES: tuple[str, ...] = ("critical", "high", "routine")
#: weight of consumption not met, per unit of value and week of the horizon (as a
#: high-priority need unmet for every week of the horizon: docs/plan.md)
CONSUMPTION_WEIGHT = 10.0
#: λ: weight of a week of stock below target, per unit of value
READINESS_WEIGHT = 1.0
#: the plan's horizon in weeks, everywhere (CLI, API, pages, snapshot builder)
HORIZON_WEEKS = 52
#: weeks from a donor's stock to the recipient when the nation record states none
DEFAULT_TRANSIT_WEEKS = 1
#: the tail after the horizon: at least the longest lead or transit time and at least
#: this many weeks, in periods of TAIL_PERIOD_WEEKS weeks
TAIL_MIN_WEEKS = 13
TAIL_PERIOD_WEEKS = 4
#: time preference: a week of shortfall or of stock below target weighs this fraction less
#: than the same a week earlier (so, of two equal plans, the one that serves earlier wins;
#: small enough that no figure changes by more than 1 % over two years)
TIME_PREFERENCE = 1e-4
#: the lexicographic tie-break: a reduced cost or dual above this fraction of the largest
#: cost counts as non-zero (its column or row is held where the first solve put it)
TIE_BREAK_TOLERANCE = 1e-14
#: ... and it gives every shortfall and breach column a deterministic cost of up to this
#: fraction of its unit value, so that the tie-break has one optimum: among equally good
#: plans, the same shortfalls every time (warm or cold), which is what lets every
#: explanation equal an independent re-solve (docs/plan.md "The tie-break")
TIE_BREAK_SPREAD = 1e-3
#: the frontier's points take the shipments-only tie-break (no perturbation): ten of them
#: would cost 2.5 s each on M (measured: the sweep 52 s of CPU with it, 27 s without, one
#: plan 8.5 s); a point's shares are those of one of the equally good plans at its λ
FRONTIER_TIE_BREAK_SPREAD = 0.0
#: readiness weights swept by ``materiel plan --frontier`` (times READINESS_WEIGHT)
FRONTIER_FACTORS: tuple[float, ...] = (0.0, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)

#: the scenario parameters of the plan (Scenario.params), with their defaults
DEFAULT_PARAMS: dict[str, Any] = {
    "readiness_weight": READINESS_WEIGHT,
    "mu_burden": 0.0,  # per unit of value (USD) away from the GDP share
    "hard_targets": False,
    "consumption_weight": CONSUMPTION_WEIGHT,
}
