"""The greedy baseline: a feasible plan by simple rules, for comparison and tests.

Week by week, each recipient's shortfall (consumption plus the backlog of stated need, less
what is already on its way) is filled from the donors with the most stock above target
(never below it, nor below what their committed pledges still need, and within caveat
caps); stock at the recipient serves consumption first, then the backlog. Then, with the
budgets left, orders are placed greedily — cheapest line first — for the recipient's
remaining shortfall, each order arriving in a week that is still short. Donor stocks are
never bought for.
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
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.periods
    x_mask = meta["x_mask"]
    floor = d.hard_floor()  # what giving must leave: the target, or the stock if already below
    projected = d.baseline_stock()  # donor stock if nobody gives from now on
    arrival = d.arrival(d.transit_weeks)  # [n,i,t]
    x = np.zeros((nn, nr, ni, nt))
    incoming = np.zeros((nr, ni, nt + 1))  # transfers on their way, by arrival period
    level = d.r0.copy()
    backlog = np.zeros((nr, ni))
    weekly = np.where(np.isfinite(d.give_cap), d.give_cap, np.inf)
    for t in range(nt):
        backlog += d.need[:, :, :, t].sum(axis=2)
        have = level + d.pin[:, :, t] + d.arrive_r[:, :, t] + incoming[:, :, t]
        on_way = incoming[:, :, t + 1 :].sum(axis=2)
        short = np.maximum(d.cons[:, :, t] + backlog - have - on_way, 0.0)  # [r,i]
        room = np.minimum.accumulate((projected - floor)[:, :, ::-1], axis=2)[:, :, ::-1]
        giveable = np.maximum(room[:, :, t], 0.0)  # [n,i]
        cap_t = weekly * d.durations[t]
        for r in range(nr):
            if not (short[r] > 0).any():
                continue
            avail = np.where(x_mask[:, r, :, t], np.minimum(giveable, cap_t), 0.0)
            take = _allocate(avail, short[r])
            x[:, r, :, t] += take
            giveable -= take
            cap_t = cap_t - take
            projected[:, :, t:] -= take[:, :, None]
            np.add.at(
                incoming[r],
                (np.broadcast_to(np.arange(ni)[None, :], take.shape), arrival[:, :, t]),
                take,
            )
        have = level + d.pin[:, :, t] + d.arrive_r[:, :, t] + incoming[:, :, t]
        eaten = np.minimum(have, d.cons[:, :, t])
        served = np.minimum(have - eaten, backlog)
        backlog -= served
        level = have - eaten - served

    q = np.zeros(meta["q_mask"].shape)
    ev = evaluate(d, meta, x, q)
    gap_c = ev.c.copy()  # [r,i,t] consumption still unmet
    gap_b = ev.b.sum(axis=2)  # [r,i,t] backlog still outstanding
    k_line, k_fund, k_dest, k_item = meta["k_line"], meta["k_fund"], meta["k_dest"], meta["k_item"]
    cap_left = d.cap.copy()
    budget_left = d.budget.copy()
    unit = d.price_in_fund[k_line, k_fund]
    for k in np.argsort(unit, kind="stable"):
        if k_dest[k] < nn:
            continue
        r, i, p, f = k_dest[k] - nn, k_item[k], k_line[k], k_fund[k]
        arrive = d.arrival(d.lead[p : p + 1])[0]
        for tq in np.nonzero(meta["q_mask"][k] & (arrive < nt))[0]:
            a = int(arrive[tq])
            wanted = gap_c[r, i, a] + gap_b[r, i, a]
            amount = min(wanted, cap_left[p, tq])
            if unit[k] > 0:
                amount = min(amount, budget_left[f] / unit[k])
            if amount <= 1e-9:
                continue
            q[k, tq] = amount
            cap_left[p, tq] -= amount
            budget_left[f] -= amount * unit[k]
            to_c = min(amount, gap_c[r, i, a])
            gap_c[r, i, a] -= to_c
            gap_b[r, i, a:] = np.maximum(gap_b[r, i, a:] - (amount - to_c), 0.0)
    return x, q
