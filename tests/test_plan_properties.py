"""Property tests on small random instances: every constraint holds in the solution (checked
from the result tables, not from the LP), 0 ≤ consumption not met ≤ consumption, the
backlog of stated need as reported, and the LP is never worse than the greedy baseline under
the same objective."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from materiel.plan import from_snapshot, greedy, solve
from materiel.plan.data import PlanData
from materiel.plan.synthetic import generate

TOL = 1e-5

instances = st.fixed_dictionaries(
    {
        "donors": st.integers(1, 4),
        "items": st.integers(1, 4),
        "weeks": st.integers(2, 8),
        "lines": st.integers(0, 4),
        "recipients": st.integers(1, 2),
        "funds": st.integers(1, 3),
        "seed": st.integers(0, 10_000),
        "lam": st.sampled_from([1e-4, 1e-2, 1.0]),
        "mu": st.sampled_from([0.0, 0.0, 1e-3]),
        "hard": st.booleans(),
        "transit": st.integers(0, 3),
    }
)


def _index(labels: list[str]) -> dict[str, int]:
    return {v: k for k, v in enumerate(labels)}


def _dense(
    frame: pd.DataFrame,
    cols: list[str],
    maps: list[dict[str, int]],
    shape: tuple[int, ...],
    value: str = "quantity",
) -> np.ndarray:
    out = np.zeros(shape)
    if len(frame):
        idx = tuple(
            frame[c].map(m).to_numpy(dtype=int) if m else frame[c].to_numpy(dtype=int)
            for c, m in zip(cols, maps, strict=True)
        )
        np.add.at(out, idx, frame[value].to_numpy(dtype=float))
    return out


def check_constraints(d: PlanData, tables: dict[str, pd.DataFrame]) -> None:
    """Recompute the balances over the horizon from transfers and orders and check every
    constraint (the tables report the horizon; the tail is the model's own)."""
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.weeks
    nk = len(d.priorities)
    n_of, r_of, i_of = _index(d.nations), _index(d.recipients), _index(d.items)
    f_of, p_of, k_of = _index(d.funds), _index(d.lines), _index(list(d.priorities))
    tr, orders, unmet = tables["transfers"], tables["orders"], tables["unmet"]
    x = _dense(tr, ["donor", "recipient", "item", "week"], [n_of, r_of, i_of, {}], (nn, nr, ni, nt))
    assert (x >= -TOL).all()
    # caveats: nothing excluded is given; weekly caps hold
    assert x.sum(axis=(1, 3))[d.excluded].sum() <= TOL
    weekly = x.sum(axis=1)
    assert (weekly <= d.give_cap[:, :, None] + TOL).all()
    # transfers arrive after the donor's transit time
    if len(tr):
        transit = d.transit_weeks[tr.donor.map(n_of).to_numpy(int), tr.item.map(i_of).to_numpy(int)]
        assert (tr.week_arriving.to_numpy() == tr.week.to_numpy() + transit).all()
    # orders: eligible, to an allowed destination, arriving after the lead time (in the
    # horizon or after it: the tail values them)
    if len(orders):
        p = orders.line.map(p_of).to_numpy(dtype=int)
        f = orders.fund.map(f_of).to_numpy(dtype=int)
        assert d.eligible[p, f].all()
        assert (orders.week_arriving.to_numpy() == orders.week_placed.to_numpy() + d.lead[p]).all()
        assert (orders.after_horizon == (orders.week_arriving >= nt)).all()
        assert (orders.week_placed < nt).all()
        for dest, fund in zip(orders.destination, f, strict=True):
            ok = d.dest_n[fund, n_of[dest]] if dest in n_of else d.dest_r[fund, r_of[dest]]
            assert ok
        # capacity per line and week placed; budget per fund in its currency
        used = _dense(orders, ["line", "week_placed"], [p_of, {}], (len(d.lines), nt))
        assert (used <= d.cap[:, :nt] + TOL * np.maximum(1, d.cap[:, :nt])).all()
        spent = _dense(orders, ["fund"], [f_of], d.budget.shape, value="cost")
        assert (spent <= d.budget * (1 + 1e-9) + TOL).all()
    inside = orders[orders.week_arriving < nt] if len(orders) else orders
    to_n = inside[inside.destination.isin(d.nations)] if len(inside) else inside
    to_r = inside[inside.destination.isin(d.recipients)] if len(inside) else inside
    arr_n = _dense(to_n, ["destination", "item", "week_arriving"], [n_of, i_of, {}], (nn, ni, nt))
    arr_r = _dense(to_r, ["destination", "item", "week_arriving"], [r_of, i_of, {}], (nr, ni, nt))
    h = slice(0, nt)
    # donor balance → stock never negative; hard targets hold
    stock = d.s0[:, :, None] + np.cumsum(
        d.arrive_n[..., h] + arr_n - x.sum(axis=1) - d.pout[..., h], axis=2
    )
    assert (stock >= -TOL * np.maximum(1, d.s0[:, :, None])).all()
    if d.hard_targets:
        assert (stock >= d.hard_floor()[..., h] - 1e-4 * np.maximum(1, d.floor[..., h])).all()
    # stocks table agrees with the recomputation
    st_tab = tables["stocks"]
    donors = st_tab[st_tab.kind == "donor"]
    if len(donors):
        got = donors.stock.to_numpy()
        want = stock[
            donors.holder.map(n_of).to_numpy(dtype=int),
            donors.item.map(i_of).to_numpy(dtype=int),
            donors.week.to_numpy(dtype=int),
        ]
        np.testing.assert_allclose(got, want, atol=1e-4, rtol=1e-6)
    # recipient balance with the plan's consumption not met and need served → stock never
    # negative, 0 ≤ c ≤ consumption, the backlog never negative and as reported
    cons = unmet[unmet.kind == "consumption"]
    need = unmet[unmet.kind == "need"]
    c = _dense(cons, ["recipient", "item", "week"], [r_of, i_of, {}], (nr, ni, nt), value="unmet")
    y = _dense(
        need,
        ["recipient", "item", "priority", "week"],
        [r_of, i_of, k_of, {}],
        (nr, ni, nk, nt),
        value="met",
    )
    b = _dense(
        need,
        ["recipient", "item", "priority", "week"],
        [r_of, i_of, k_of, {}],
        (nr, ni, nk, nt),
        value="unmet",
    )
    assert (c >= -TOL).all() and (c <= d.cons[..., h] + TOL).all()
    assert (y >= -TOL).all()
    backlog = np.cumsum(d.need[..., h] - y, axis=3)
    assert (backlog >= -1e-4 * np.maximum(1, d.need.max(initial=1))).all()
    np.testing.assert_allclose(b, np.maximum(backlog, 0), atol=1e-4, rtol=1e-6)
    x_arr = np.zeros((nr, ni, nt + 64))
    for n in range(nn):
        for i in range(ni):
            lag = int(d.transit_weeks[n, i])
            x_arr[:, i, lag : lag + nt] += x[n, :, i, :]
    rstock = d.r0[:, :, None] + np.cumsum(
        d.pin[..., h]
        + d.arrive_r[..., h]
        + arr_r
        + x_arr[..., :nt]
        - d.cons[..., h]
        + c
        - y.sum(axis=2),
        axis=2,
    )
    scale = max(d.cons.max(initial=1), d.need.max(initial=1))
    assert (rstock >= -1e-4 * scale).all()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances)
def test_random_plans_satisfy_every_constraint_and_beat_greedy(case: dict[str, Any]) -> None:
    ds = generate(
        case["donors"],
        case["items"],
        case["weeks"],
        case["lines"],
        recipients=case["recipients"],
        funds=case["funds"],
        seed=case["seed"],
        params={"readiness_weight": case["lam"], "mu_burden": case["mu"]},
        transit=case["transit"],
    )
    data = from_snapshot(ds, hard_targets=case["hard"])
    result = solve(data, explain=False)
    assert result.status == "Optimal"
    assert result.objective is not None
    check_constraints(data, result.tables)
    # the objective recomputed from the tables' plan equals the LP's
    assert np.isclose(sum(result.terms.values()), result.objective, rtol=1e-6, atol=1e-4)
    base = greedy(data)
    check_constraints(data, base.tables)
    assert base.objective is not None
    assert result.objective <= base.objective + 1e-6 * max(1.0, abs(base.objective)) + 1e-4
