"""The greedy baseline: a feasible plan by simple rules, for comparison and tests.

Week by week, demand is served priority first (highest weight first); each item's shortfall
is filled from the donors with the most stock above target (never below it, nor below what
their committed pledges still need, and within caveat caps). Then, with the budgets left,
orders are placed greedily — cheapest line first — for the recipient's remaining shortfall,
each order arriving exactly in a week that is still short. Donor stocks are never bought for.
The result is scored by :func:`materiel.plan.results.evaluate`, the LP's own objective.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from materiel.plan.data import PlanData
from materiel.plan.results import evaluate


def _allocate(giveable: np.ndarray, need: np.ndarray) -> np.ndarray:
    """[n,i] amounts taken from donors in decreasing order of ``giveable`` until each item's
    ``need[i]`` is met."""
    order = np.argsort(-giveable, axis=0, kind="stable")
    sorted_g = np.take_along_axis(giveable, order, axis=0)
    before = np.cumsum(sorted_g, axis=0) - sorted_g
    take_sorted = np.clip(need[None, :] - before, 0.0, sorted_g)
    take = np.zeros_like(giveable)
    np.put_along_axis(take, order, take_sorted, axis=0)
    return take


def greedy_plan(d: PlanData, meta: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Transfers x[n,r,i,t] and orders q[k,t] of the greedy rules (module docstring)."""
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.weeks
    x_mask = meta["x_mask"]
    floor = d.hard_floor()  # what giving must leave: the target, or the stock if already below
    projected = d.baseline_stock()  # donor stock if nobody gives from now on
    x = np.zeros((nn, nr, ni, nt))
    level = d.r0.copy()
    for t in range(nt):
        have = level + d.pin[:, :, t] + d.arrive_r[:, :, t]
        short = np.maximum(d.demand[:, :, t] - have, 0.0)  # [r,i]
        room = np.minimum.accumulate((projected - floor)[:, :, ::-1], axis=2)[:, :, ::-1]
        giveable = np.maximum(room[:, :, t], 0.0)  # [n,i]
        weekly = np.where(np.isfinite(d.give_cap), d.give_cap, np.inf)
        w_t = d.weight[:, :, t]
        for w in np.unique(w_t[short > 0])[::-1]:  # priority levels, highest first
            for r in range(nr):
                need = np.where((w_t[r] == w) & (short[r] > 0), short[r], 0.0)
                if not need.any():
                    continue
                avail = np.where(x_mask[:, r, :, t], np.minimum(giveable, weekly), 0.0)
                take = _allocate(avail, need)
                x[:, r, :, t] += take
                giveable -= take
                weekly = weekly - take
                projected[:, :, t:] -= take[:, :, None]
                short[r] -= take.sum(axis=0)
        level = np.maximum(have + x[:, :, :, t].sum(axis=0) - d.demand[:, :, t], 0.0)

    q = np.zeros(meta["q_mask"].shape)
    u = evaluate(d, meta, x, q).u.copy()
    k_line, k_fund, k_dest, k_item = meta["k_line"], meta["k_fund"], meta["k_dest"], meta["k_item"]
    cap_left = d.cap.copy()
    budget_left = d.budget.copy()
    unit = d.price_in_fund[k_line, k_fund]
    weeks = np.arange(nt)
    for k in np.argsort(unit, kind="stable"):
        if k_dest[k] < nn:
            continue
        r, i, p, f = k_dest[k] - nn, k_item[k], k_line[k], k_fund[k]
        arrive = weeks + d.lead[p]
        ok = meta["q_mask"][k] & (arrive < nt)
        wanted = np.where(ok, u[r, i, np.minimum(arrive, nt - 1)], 0.0)
        amount = np.minimum(wanted, cap_left[p])
        if unit[k] > 0:
            spend = np.cumsum(amount * unit[k])
            amount = np.clip(
                amount - np.maximum(spend - budget_left[f], 0.0) / unit[k], 0.0, amount
            )
            budget_left[f] -= float((amount * unit[k]).sum())
        q[k] = amount
        cap_left[p] -= amount
        u[r, i, arrive[ok]] -= amount[ok]
    return x, q
