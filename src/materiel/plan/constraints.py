"""Variable and constraint families of the plan LP (DESIGN.md), one function each.

Notation (all variables non-negative; periods t = the horizon's weeks, then the tail's
coarse periods of ``dur[t]`` weeks, :func:`materiel.plan.data.with_tail`):

    x[n,r,i,t]  transfer leaving donor n's stock in t, arriving at the recipient
                ``transit[n,i]`` weeks later
    q[k,t]      order placed in week t on the eligible triple k = (line p, fund f, dest d),
                arriving at t + lead[p]
    S[n,i,t]    donor stock at the end of t;  Rs[r,i,t] recipient stock
    c[r,i,t]    consumption not met (lost: a week without ammunition is not made up later)
    y[r,i,k,t]  stated need of priority k served in t;  b[r,i,k,t] backlog of stated need
                due and not yet served (it carries forward)
    v[n,i,t]    breach of a stockpile target
    g[n], G     value given by donor n (plus its committed pledges) and by all donors
    dev[n]      distance of g[n] from its GDP share of G

Objective (materiel.plan_policy: every weight per unit of value and week, USD-weeks;
``w[t] = dur[t]·(1 + ρ)^-start[t]``, ρ the small time preference, ``disc[t] = (1 +
ρ)^-start[t]``; ``H`` the horizon's weeks: lost consumption is charged as a need of its
weight outstanding for all of them):

    minimise Σ π[k]·value·w·b + Σ weight·value·H·disc·c + λ·Σ value·w·v + μ·Σ dev
             + λ·Σ value·w·(breach of stocks the plan does not decide: a constant)

Needless transfers and orders are removed by a second solve on the optimal face
(:func:`materiel.plan.solve.tie_break`), not by a small cost here. Only variables that can
be non-zero are created (:func:`prepare_masks`).
"""

from __future__ import annotations

import numpy as np

from materiel.plan.build import LinearModel
from materiel.plan.data import PlanData


def _cumany(a: np.ndarray, axis: int) -> np.ndarray:
    return np.asarray(np.maximum.accumulate(a.astype(np.int8), axis=axis) > 0)


def _pad(rows: np.ndarray) -> np.ndarray:
    """Rows over (..., t) with one more period of -1 (an arrival after the model's end)."""
    return np.concatenate([rows, np.full((*rows.shape[:-1], 1), -1, dtype=rows.dtype)], axis=-1)


def prepare_masks(m: LinearModel, d: PlanData) -> None:
    """Sparse eligibility of every variable family (stored in ``m.meta``).

    * q[k,t]: fund f may buy from line p (item eligible, budget left), d is a destination of
      f where the item is of use (a recipient that consumes or needs it, a donor with a
      target or that may give it), the line has capacity in t and the order arrives before
      the end of the tail (for a recipient: no later than the last period it is of use).
    * x[n,r,i,t]: the donor holds, receives (arrivals, orders) or owes (pledges) the item,
      it is not excluded, the donor may have stock by t, and the transfer arrives while the
      recipient still consumes the item or has stated a need for it.
    * S[n,i,·]: the donor holds the item and the plan decides its stock (some x or order
      to it); other stocks are constants (their baseline, :func:`add_constant_breach`).
    * Rs: the recipient consumes or needs the item; c where it consumes; y, b from the
      first period a need of that priority is due.
    """
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.periods
    weeks = np.arange(nt)
    demand = d.demand
    demand_any = demand.max(axis=2, initial=0.0) > 0  # [r,i]
    need_any = d.need.max(axis=(2, 3), initial=0.0) > 0  # [r,i]
    last_cons = np.where(
        d.cons.max(axis=2, initial=0.0) > 0,
        nt - 1 - np.argmax(d.cons[:, :, ::-1] > 0, axis=2),
        -1,
    )
    # a stated need can be served late, to the end of the model: every period is of use
    last_useful = np.where(need_any, nt - 1, last_cons)  # [r,i]
    item_wanted = demand_any.any(axis=0)  # [i]

    # orders: eligible (line, fund, destination) triples
    pitem = d.line_item
    pf = (
        d.eligible
        & (d.budget[None, :] > 0)
        & (d.cap.max(axis=1, initial=0.0) > 0)[:, None]
        & np.isfinite(d.price_in_fund)
        & (d.price_in_fund >= 0)
    )  # [p,f]
    useful_n = (d.floor.max(axis=2, initial=0.0) > 0) | (~d.excluded & item_wanted[None, :])
    to_n = pf[:, :, None] & d.dest_n[None, :, :] & useful_n[:, pitem].T[:, None, :]  # [p,f,n]
    to_r = pf[:, :, None] & d.dest_r[None, :, :] & demand_any[:, pitem].T[:, None, :]  # [p,f,r]
    k_line, k_fund, k_dest = np.nonzero(np.concatenate([to_n, to_r], axis=2))
    k_item = pitem[k_line]
    arrival = d.arrival(d.lead[k_line])  # [k,t]
    last_ok = np.where(
        k_dest >= nn,
        last_useful[np.clip(k_dest - nn, 0, max(nr - 1, 0)), k_item] if nr else -1,
        nt - 1,
    )
    q_mask = (d.cap[k_line, :] > 0) & (arrival <= last_ok[:, None])
    keep = q_mask.any(axis=1)
    k_line, k_fund, k_dest, k_item = k_line[keep], k_fund[keep], k_dest[keep], k_item[keep]
    q_mask, arrival = q_mask[keep], arrival[keep]

    # donor stocks: who holds, receives or owes what
    to_donor = k_dest < nn
    receives = np.zeros((nn, ni), dtype=bool)
    receives[k_dest[to_donor], k_item[to_donor]] = True
    first_arrival = np.where(q_mask, arrival, nt).min(axis=1, initial=nt)
    earliest = np.full((nn, ni), nt, dtype=np.int64)
    np.minimum.at(earliest, (k_dest[to_donor], k_item[to_donor]), first_arrival[to_donor])
    held = (
        (d.s0 > 0) | (d.arrive_n.max(axis=2, initial=0) > 0) | (d.pout.max(axis=2, initial=0) > 0)
    )
    held |= receives
    avail = _cumany(
        ((d.s0 > 0)[:, :, None] & (weeks == 0)[None, None, :])
        | (d.arrive_n > 0)
        | (weeks[None, None, :] >= earliest[:, :, None]),
        axis=2,
    )  # [n,i,t]
    can_give = held & ~d.excluded & (d.give_cap > 0)  # [n,i]
    x_arrival = d.arrival(d.transit_weeks)  # [n,i,t]
    x_mask = (
        (can_give[:, None, :, None] & avail[:, None, :, :])
        & demand_any[None, :, :, None]
        & (x_arrival[:, None, :, :] <= last_useful[None, :, :, None])
    )
    # a stock nobody decides (no transfer, no order) is a constant: its baseline
    s_mask = held & (x_mask.any(axis=(1, 3)) | receives)
    m.meta.update(
        demand_any=demand_any,
        k_line=k_line,
        k_fund=k_fund,
        k_dest=k_dest,
        k_item=k_item,
        q_mask=q_mask,
        held=held,
        s_mask=s_mask,
        x_mask=x_mask,
        x_arrival=x_arrival,
        q_arrival=arrival,
        backlog_mask=_cumany(d.need > 0, axis=3),
    )


def define_transfer_variables(m: LinearModel, d: PlanData) -> None:
    """x[n,r,i,t] ≥ 0, x ≤ give_cap[n,i]·dur[t] (a caveat cap bounds every single
    transfer)."""
    m.add_variables(
        "x",
        ("nation", "recipient", "item", "week"),
        m.meta["x_mask"],
        upper=d.give_cap[:, None, :, None] * d.durations[None, None, None, :],
    )


def define_order_variables(m: LinearModel, d: PlanData) -> None:
    """q[k,t] ≥ 0 (what an order costs is bounded by the budget rows)."""
    m.add_variables("q", ("order", "week"), m.meta["q_mask"])


def define_stock_variables(m: LinearModel, d: PlanData) -> None:
    """S[n,i,t] ≥ 0 where the donor holds, receives or owes the item; Rs[r,i,t] ≥ 0 where
    the recipient consumes or needs it."""
    nt = d.periods
    s_mask = np.broadcast_to(m.meta["s_mask"][:, :, None], (*m.meta["s_mask"].shape, nt))
    m.add_variables("S", ("nation", "item", "week"), s_mask)
    rs_mask = np.broadcast_to(m.meta["demand_any"][:, :, None], d.cons.shape)
    m.add_variables("Rs", ("recipient", "item", "week"), rs_mask)


def define_shortfall_variables(m: LinearModel, d: PlanData) -> None:
    """0 ≤ c[r,i,t] ≤ cons[r,i,t] with cost weight·value·H·disc (consumption not met is
    lost, and charged as a need of its weight outstanding for all H weeks of the horizon:
    :attr:`PlanData.consumption_cost`); y[r,i,k,t] served and b[r,i,k,t] backlog of stated
    need from the first period a need of priority k is due, b with cost π[k]·value·dur (each
    week late)."""
    m.add_variables(
        "c",
        ("recipient", "item", "week"),
        d.cons > 0,
        cost=d.consumption_cost,
        upper=d.cons,
    )
    mask = m.meta["backlog_mask"]
    m.add_variables("y", ("recipient", "item", "priority", "week"), mask)
    cost = d.prio_weight[None, None, :, None] * d.value[None, :, None, None] * d.weeks_weight
    m.add_variables("b", ("recipient", "item", "priority", "week"), mask, cost=cost)


def define_breach_variables(m: LinearModel, d: PlanData) -> None:
    """v[n,i,t] ≥ 0 with cost λ·value[i]·dur[t], where S exists and a target is in force
    (none with hard targets)."""
    mask = m.meta["s_mask"][:, :, None] & (d.floor > 0)
    if d.hard_targets:
        mask = np.zeros_like(mask)
    cost = d.lam * d.value[None, :, None] * d.weeks_weight[None, None, :]
    m.add_variables("v", ("nation", "item", "week"), mask, cost=cost)


def define_burden_variables(m: LinearModel, d: PlanData) -> None:
    """g[n] value given by donor n, G the total, dev[n] ≥ 0 with cost μ (only when μ > 0)."""
    on = d.mu > 0 and len(d.nations) > 1
    nn = len(d.nations)
    m.add_variables("g", ("nation",), np.full(nn, on))
    m.add_variables("G", (), np.array(on))
    m.add_variables("dev", ("nation",), np.full(nn, on), cost=d.mu)


def define_donor_balance(m: LinearModel, d: PlanData) -> None:
    """S[n,i,t] = S[n,i,t-1] + arrive_n[n,i,t] + Σ_k q[k,t-lead] (to n) − Σ_r x[n,r,i,t]
    − pout[n,i,t], with S[n,i,-1] = s0[n,i]."""
    s, x = m.vars["S"].index, m.vars["x"].index
    rhs = d.arrive_n - d.pout
    rhs = rhs.copy()
    rhs[:, :, 0] += d.s0
    rows = m.add_rows("donor_balance", ("nation", "item", "week"), s >= 0, rhs, rhs).index
    m.add_terms(rows, s, 1.0)
    m.add_terms(rows[:, :, 1:], s[:, :, :-1], -1.0)
    m.add_terms(rows[:, None, :, :], x, 1.0)
    _add_arrivals(m, d, rows, to_donor=True)


def _add_arrivals(m: LinearModel, d: PlanData, rows: np.ndarray, *, to_donor: bool) -> None:
    """−q[k,t] in the balance row of its destination in the period it arrives."""
    nn = len(d.nations)
    k_dest, k_item = m.meta["k_dest"], m.meta["k_item"]
    q = m.vars["q"].index
    sel = k_dest < nn if to_donor else k_dest >= nn
    if not sel.any():
        return
    dest = k_dest[sel] - (0 if to_donor else nn)
    arrival = m.meta["q_arrival"][sel]
    row = _pad(rows)[dest[:, None], k_item[sel][:, None], arrival]
    m.add_terms(row, q[sel], -1.0)


def define_recipient_balance(m: LinearModel, d: PlanData) -> None:
    """Rs[r,i,t] = Rs[r,i,t-1] + pin + arrive_r + Σ_n x[n,r,i,t-transit] + Σ_k q[k,t-lead]
    (to r) − (cons[r,i,t] − c[r,i,t]) − Σ_k y[r,i,k,t], with Rs[r,i,-1] = r0[r,i]; and the
    backlog b[r,i,k,t] = b[r,i,k,t-1] + need[r,i,k,t] − y[r,i,k,t]."""
    rs, x, c = m.vars["Rs"].index, m.vars["x"].index, m.vars["c"].index
    y, b = m.vars["y"].index, m.vars["b"].index
    rhs = (d.pin + d.arrive_r - d.cons).copy()
    rhs[:, :, 0] += d.r0
    rows = m.add_rows("recipient_balance", ("recipient", "item", "week"), rs >= 0, rhs, rhs).index
    m.add_terms(rows, rs, 1.0)
    m.add_terms(rows[:, :, 1:], rs[:, :, :-1], -1.0)
    m.add_terms(rows, c, -1.0)
    m.add_terms(rows[:, :, None, :], y, 1.0)
    nr, ni = len(d.recipients), len(d.items)
    arrive = _pad(rows)[
        np.arange(nr)[None, :, None, None],
        np.arange(ni)[None, None, :, None],
        m.meta["x_arrival"][:, None, :, :],
    ]  # [n,r,i,t] the row of the period each transfer arrives in
    m.add_terms(arrive, x, -1.0)
    _add_arrivals(m, d, rows, to_donor=False)
    back = m.add_rows(
        "backlog", ("recipient", "item", "priority", "week"), b >= 0, d.need, d.need
    ).index
    m.add_terms(back, b, 1.0)
    m.add_terms(back[..., 1:], b[..., :-1], -1.0)
    m.add_terms(back, y, 1.0)


def define_capacity(m: LinearModel, d: PlanData) -> None:
    """Σ_{f,d} q[p,f,d,t] ≤ cap[p,t] (capacity left after orders already placed)."""
    q, k_line = m.vars["q"].index, m.meta["k_line"]
    used = np.zeros(d.cap.shape, dtype=bool)
    np.logical_or.at(used, k_line, q >= 0)
    rows = m.add_rows("capacity", ("line", "week"), used, -np.inf, d.cap).index
    m.add_terms(rows[k_line, :], q, 1.0)


def define_budget(m: LinearModel, d: PlanData) -> None:
    """Σ_{p,d,t} price_in_fund[p,f]·q[p,f,d,t] ≤ budget[f] (the fund's currency)."""
    q, k_line, k_fund = m.vars["q"].index, m.meta["k_line"], m.meta["k_fund"]
    used = np.zeros(len(d.funds), dtype=bool)
    used[k_fund[(q >= 0).any(axis=1)]] = True
    rows = m.add_rows("budget", ("fund",), used, -np.inf, d.budget).index
    m.add_terms(rows[k_fund][:, None], q, d.price_in_fund[k_line, k_fund][:, None])


def define_target(m: LinearModel, d: PlanData) -> None:
    """Soft: S[n,i,t] + v[n,i,t] ≥ floor[n,i,t]. Hard: S[n,i,t] ≥ min(floor, baseline stock)
    — the plan never gives a stock below its target (data.hard_floor)."""
    s, v = m.vars["S"].index, m.vars["v"].index
    if d.hard_targets:
        floor = d.hard_floor()
        rows = m.add_rows("target", ("nation", "item", "week"), (s >= 0) & (floor > 0), floor)
        m.add_terms(rows.index, s, 1.0)
    else:
        rows = m.add_rows("target", ("nation", "item", "week"), v >= 0, d.floor)
        m.add_terms(rows.index, s, 1.0)
        m.add_terms(rows.index, v, 1.0)


def define_caveat_caps(m: LinearModel, d: PlanData) -> None:
    """Σ_r x[n,r,i,t] ≤ give_cap[n,i]·dur[t] (with one recipient the column bound already
    says it)."""
    x = m.vars["x"].index
    if len(d.recipients) <= 1:
        return
    mask = np.isfinite(d.give_cap)[:, :, None] & (x >= 0).any(axis=1)
    upper = d.give_cap[:, :, None] * d.durations[None, None, :]
    rows = m.add_rows("caveat", ("nation", "item", "week"), mask, -np.inf, upper).index
    m.add_terms(rows[:, None, :, :], x, 1.0)


def pledged_value(d: PlanData) -> np.ndarray:
    """[n] value (USD) of committed pledges drawn from each donor's stock over the horizon;
    counted in the donor's contribution for burden sharing."""
    return np.asarray((d.pout[:, :, : d.weeks] * d.value[None, :, None]).sum(axis=(1, 2)))


def define_burden_sharing(m: LinearModel, d: PlanData) -> None:
    """g[n] = Σ value[i]·x[n,·,i,·] + pledged[n];  G = Σ_n g[n];
    dev[n] ≥ g[n] − share[n]·G  and  dev[n] ≥ share[n]·G − g[n]."""
    g, big_g, dev, x = m.vars["g"].index, m.vars["G"].index, m.vars["dev"].index, m.vars["x"].index
    if not (g >= 0).any():
        return
    nn = len(d.nations)
    pledged = pledged_value(d)
    given = m.add_rows("burden_given", ("nation",), g >= 0, pledged, pledged).index
    m.add_terms(given, g, 1.0)
    m.add_terms(given[:, None, None, None], x, -d.value[None, None, :, None])
    total = m.add_rows("burden_total", (), np.array(True), 0.0, 0.0).index
    m.add_terms(total, big_g, 1.0)
    m.add_terms(np.full(nn, total), g, -1.0)
    for name, sign in (("burden_above", 1.0), ("burden_below", -1.0)):
        rows = m.add_rows(name, ("nation",), g >= 0, 0.0).index
        m.add_terms(rows, dev, 1.0)
        m.add_terms(rows, g, -sign)
        m.add_terms(rows, np.full(nn, big_g), sign * d.gdp_share)


def add_constant_breach(m: LinearModel, d: PlanData) -> None:
    """Stocks the plan does not decide stay at their baseline (s0 + arrivals − pledges); a
    target above it is breached whatever the plan does: the constant
    λ·Σ value·dur·max(floor − baseline, 0) joins the objective (soft targets)."""
    baseline = np.maximum(d.baseline_stock(), 0.0)
    const = np.where(m.meta["s_mask"][:, :, None], 0.0, np.maximum(d.floor - baseline, 0.0))
    if d.hard_targets:
        const = np.zeros_like(const)
    m.meta["const_breach"] = const
    m.offset += float(d.lam * (const * d.value[None, :, None] * d.weeks_weight).sum())
