"""Plan results: the solution as labelled arrays and pandas tables.

:func:`evaluate` recomputes stocks, unmet need, breaches, burden sharing and the objective
from transfers and orders alone (simulating the balances week by week); the LP solution and
the greedy baseline are both turned into a :class:`PlanResult` through it, so the two are
scored by exactly the same objective.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr

from materiel.plan.build import LinearModel
from materiel.plan.constraints import pledged_value
from materiel.plan.data import PlanData
from materiel.plan.solve import Solution

TOL = 1e-6

TABLES = (
    "transfers",
    "orders",
    "stocks",
    "unmet",
    "need_met",
    "consumption_met",
    "breaches",
    "burden",
    "marginals",
    "ranking",
)


@dataclass
class Evaluation:
    """Every quantity of a plan, dense arrays over the snapshot dims and the model's
    periods (horizon, then tail)."""

    x: np.ndarray  # [n,r,i,t] leaving the donor in t
    q: np.ndarray  # [k,t] placed in t
    S: np.ndarray  # [n,i,t]
    Rs: np.ndarray  # [r,i,t]
    c: np.ndarray  # [r,i,t] consumption not met
    y: np.ndarray  # [r,i,k,t] stated need served
    b: np.ndarray  # [r,i,k,t] backlog of stated need at the end of t
    breach: np.ndarray  # [n,i,t]
    given: np.ndarray  # [n]
    deviation: np.ndarray  # [n]
    terms: dict[str, float]

    @property
    def objective(self) -> float:
        return float(sum(self.terms.values()))


def arrivals(d: PlanData, meta: dict[str, Any], q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """([n,i,t], [r,i,t]) quantities arriving from new orders ``q[k,t]``."""
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.periods
    k_line, k_dest, k_item = meta["k_line"], meta["k_dest"], meta["k_item"]
    dest_all = np.zeros((nn + nr, ni, nt + 1))
    arrival = d.arrival(d.lead[k_line])
    kk = np.broadcast_to(np.arange(len(k_line))[:, None], arrival.shape)
    np.add.at(dest_all, (k_dest[kk], k_item[kk], arrival), q)
    return dest_all[:nn, :, :nt], dest_all[nn:, :, :nt]


def transfer_arrivals(d: PlanData, x: np.ndarray) -> np.ndarray:
    """[r,i,t] what transfers ``x[n,r,i,t]`` bring to each recipient, by arrival period."""
    nr, ni, nt = len(d.recipients), len(d.items), d.periods
    out = np.zeros((nr, ni, nt + 1))
    when = np.broadcast_to(d.arrival(d.transit_weeks)[:, None, :, :], x.shape)
    rr = np.broadcast_to(np.arange(nr)[None, :, None, None], x.shape)
    ii = np.broadcast_to(np.arange(ni)[None, None, :, None], x.shape)
    np.add.at(out, (rr, ii, when), x)
    return out[:, :, :nt]


def _serve(d: PlanData, inflow: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Recipient stock, consumption not met and need served when stock serves the heaviest
    weight first each week (consumption first at equal weight: it cannot wait)."""
    nr, ni, nk, nt = d.need.shape
    rstock = np.zeros((nr, ni, nt))
    c = np.zeros((nr, ni, nt))
    y = np.zeros((nr, ni, nk, nt))
    level = d.r0.copy()
    backlog = np.zeros((nr, ni, nk))
    cw = float(d.weight.mean()) if d.weight.size else 0.0
    order = sorted(
        [(-cw, 0, -1), *[(-float(w), 1, k) for k, w in enumerate(d.prio_weight)]],
    )
    for t in range(nt):  # a recursion in time, vectorised over recipients and items
        have = level + inflow[:, :, t]
        backlog += d.need[:, :, :, t]
        for _, _, k in order:
            if k < 0:
                got = np.minimum(have, d.cons[:, :, t])
                c[:, :, t] = d.cons[:, :, t] - got
            else:
                got = np.minimum(have, backlog[:, :, k])
                y[:, :, k, t] = got
                backlog[:, :, k] -= got
            have = have - got
        level = have
        rstock[:, :, t] = level
    return rstock, c, y


def evaluate(
    d: PlanData,
    meta: dict[str, Any],
    x: np.ndarray,
    q: np.ndarray,
    c: np.ndarray | None = None,
    y: np.ndarray | None = None,
) -> Evaluation:
    """Stocks, shortfall, backlog, breaches and objective terms of transfers ``x`` and
    orders ``q``.

    With ``c`` and ``y`` (the LP's own, which may save stock for a later, heavier need)
    the recipient stock follows from the balance; without them, stock serves the heaviest
    weight first each week (:func:`_serve`).
    """
    arr_n, arr_r = arrivals(d, meta, q)
    stock = d.s0[:, :, None] + np.cumsum(d.arrive_n + arr_n - x.sum(axis=1) - d.pout, axis=2)
    inflow = d.pin + d.arrive_r + arr_r + transfer_arrivals(d, x)
    if c is not None and y is not None:
        rstock = d.r0[:, :, None] + np.cumsum(inflow - d.cons + c - y.sum(axis=2), axis=2)
    else:
        rstock, c, y = _serve(d, inflow)
    b = np.maximum(np.cumsum(d.need - y, axis=3), 0.0)
    breach = np.maximum(d.floor - stock, 0.0)
    given = (x.sum(axis=(1, 3)) * d.value[None, :]).sum(axis=1) + pledged_value(d)
    total = given.sum()
    deviation = np.abs(given - d.gdp_share * total)
    w = d.weeks_weight
    terms = {
        "need": float(
            (d.prio_weight[None, None, :, None] * d.value[None, :, None, None] * w * b).sum()
        ),
        "consumption": float((d.consumption_cost * c).sum()),
        "breach": 0.0
        if d.hard_targets
        else float(d.lam * (breach * d.value[None, :, None] * w).sum()),
        "burden": float(d.mu * deviation.sum()) if d.mu > 0 and len(d.nations) > 1 else 0.0,
    }
    return Evaluation(x, q, stock, rstock, c, y, b, breach, given, deviation, terms)


@dataclass
class PlanResult:
    """A solved plan: status, objective, timings, the snapshot hash and pandas tables."""

    status: str
    objective: float | None
    build_seconds: float
    solve_seconds: float
    snapshot_hash: str
    as_of: str
    scenario: str
    horizon_weeks: int
    hard_targets: bool
    method: str = "simplex"
    bound: float | None = None
    gap: float | None = None
    synthetic: bool = False
    rate_date: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    dataset: xr.Dataset | None = None
    greedy_objective: float | None = None
    explain_seconds: float = 0.0
    frontier: dict[str, Any] | None = None  # materiel.plan.frontier.Frontier.to_json()

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def optimal(self) -> bool:
        return self.status == "Optimal"

    def report(self) -> dict[str, pd.DataFrame]:
        """The tables as a reader sees them: whole units (:data:`ROUNDING`)."""
        return whole_units(self.tables)

    def headline(self) -> dict[str, Any]:
        """Share of critical need met by the horizon's end, by value (USD at the catalogue's
        unit values, ECB rate of ``rate_date``) and per item (:func:`headline`), in whole
        units."""
        out = headline(self.report().get("need_met", pd.DataFrame()))
        out["currency"] = "USD"
        out["rate_date"] = self.rate_date
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "method": self.method,
            "build_seconds": round(self.build_seconds, 4),
            "solve_seconds": round(self.solve_seconds, 4),
            "explain_seconds": round(self.explain_seconds, 4),
            "snapshot_hash": self.snapshot_hash,
            "as_of": self.as_of,
            "scenario": self.scenario,
            "horizon_weeks": self.horizon_weeks,
            "hard_targets": self.hard_targets,
            "synthetic": self.synthetic,
            "rate_date": self.rate_date,
            "params": self.params,
            "stats": self.stats,
            "terms": self.terms,
            "warnings": self.warnings,
            "sentences": self.sentences,
            "greedy_objective": self.greedy_objective,
            "headline": self.headline(),
            "frontier": self.frontier,
        }

    def to_json(self) -> dict[str, Any]:
        """Summary plus every table, in whole units, as a list of records (what a PlanRun
        stores)."""
        out = self.summary()
        out["rounding"] = ROUNDING
        out["tables"] = {name: _records(df) for name, df in self.report().items()}
        return out


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    clean = df.astype(object).where(pd.notna(df), None)
    rows: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()} for r in clean.to_dict(orient="records")
    ]
    for row in rows:
        for key, val in row.items():
            if isinstance(val, np.generic):
                row[key] = val.item()
            if isinstance(row[key], float) and not np.isfinite(row[key]):
                row[key] = None
    return rows


def _nonzero_frame(
    arr: np.ndarray, labels: list[list[str]], names: list[str], value: str
) -> pd.DataFrame:
    idx = np.nonzero(arr > TOL)
    frame = pd.DataFrame(
        {n: np.asarray(lab, dtype=object)[i] for n, lab, i in zip(names, labels, idx, strict=True)}
    )
    frame[value] = arr[idx]
    return frame


def tables(d: PlanData, meta: dict[str, Any], ev: Evaluation) -> dict[str, pd.DataFrame]:
    """The result tables (docs/plan.md "Results"), over the horizon's weeks: transfers
    (leaving in the horizon), orders (placed in it, arriving in it or after), stocks,
    unmet (consumption and stated need by recipient, item, week and priority), need_met
    and consumption_met (per recipient and item), breaches, burden."""
    h = d.weeks
    weeks = [str(t) for t in range(h)]
    week_start = np.asarray(d.week_start, dtype=object)
    nr, ni, nk = len(d.recipients), len(d.items), len(d.priorities)
    transfers = _nonzero_frame(
        ev.x[..., :h],
        [d.nations, d.recipients, d.items, weeks],
        ["donor", "recipient", "item", "week"],
        "quantity",
    )
    transfers["week"] = transfers["week"].astype(int)
    wk = transfers["week"].to_numpy(dtype=int)
    transfers["week_start"] = week_start[wk] if len(transfers) else []
    donor_ix = pd.Index(d.nations).get_indexer(pd.Index(transfers["donor"]))
    item_ix = pd.Index(d.items).get_indexer(pd.Index(transfers["item"]))
    transfers["week_arriving"] = wk + d.transit_weeks[donor_ix, item_ix] if len(transfers) else []
    transfers["value"] = transfers["quantity"] * d.value[item_ix] if len(transfers) else []
    transfers = transfers[
        ["donor", "recipient", "item", "week", "week_start", "week_arriving", "quantity", "value"]
    ]

    k_line, k_fund, k_dest, k_item = meta["k_line"], meta["k_fund"], meta["k_dest"], meta["k_item"]
    kk, tt = np.nonzero(ev.q[:, :h] > TOL)
    dests = np.asarray(d.nations + d.recipients, dtype=object)
    qty = ev.q[kk, tt]
    arriving = tt + d.lead[k_line[kk]]
    orders = pd.DataFrame(
        {
            "fund": np.asarray(d.funds, dtype=object)[k_fund[kk]],
            "line": np.asarray(d.lines, dtype=object)[k_line[kk]],
            "item": np.asarray(d.items, dtype=object)[k_item[kk]],
            "destination": dests[k_dest[kk]],
            "week_placed": tt,
            "week_arriving": arriving,
            "after_horizon": arriving >= h,
            "quantity": qty,
            "cost": qty * d.price_in_fund[k_line[kk], k_fund[kk]],
            "currency": np.asarray(d.fund_currency, dtype=object)[k_fund[kk]],
        }
    )

    nn_, ii_ = np.nonzero(meta["held"] | (d.floor.max(axis=2, initial=0.0) > 0))
    donor_stock = pd.DataFrame(
        {
            "holder": np.repeat(np.asarray(d.nations, dtype=object)[nn_], h),
            "kind": "donor",
            "item": np.repeat(np.asarray(d.items, dtype=object)[ii_], h),
            "week": np.tile(np.arange(h), len(nn_)),
            "stock": ev.S[nn_, ii_, :h].ravel(),
            "floor": d.floor[nn_, ii_, :h].ravel(),
        }
    )
    rr_, ri_ = np.nonzero(meta["demand_any"])
    recip_stock = pd.DataFrame(
        {
            "holder": np.repeat(np.asarray(d.recipients, dtype=object)[rr_], h),
            "kind": "recipient",
            "item": np.repeat(np.asarray(d.items, dtype=object)[ri_], h),
            "week": np.tile(np.arange(h), len(rr_)),
            "stock": ev.Rs[rr_, ri_, :h].ravel(),
            "floor": 0.0,
        }
    )
    stocks = pd.concat([donor_stock, recip_stock], ignore_index=True)

    recipients = np.asarray(d.recipients, dtype=object)
    items = np.asarray(d.items, dtype=object)
    prios = np.asarray(d.priorities, dtype=object)
    cons = d.cons[:, :, :h]
    r_, i_, t_ = np.nonzero(cons > 0)
    cons_rows = pd.DataFrame(
        {
            "recipient": recipients[r_],
            "item": items[i_],
            "week": t_,
            "kind": "consumption",
            "priority": "consumption",
            "weight": d.weight[r_, i_, t_],
            "demand": cons[r_, i_, t_],
            "met": cons[r_, i_, t_] - ev.c[r_, i_, t_],
            "unmet": ev.c[r_, i_, t_],
        }
    )
    due = meta["backlog_mask"][..., :h]
    r_, i_, k_, t_ = np.nonzero(due)
    need_rows = pd.DataFrame(
        {
            "recipient": recipients[r_],
            "item": items[i_],
            "week": t_,
            "kind": "need",
            "priority": prios[k_],
            "weight": d.prio_weight[k_],
            "demand": d.need[r_, i_, k_, t_],
            "met": ev.y[r_, i_, k_, t_],
            "unmet": ev.b[r_, i_, k_, t_],
        }
    )
    unmet = pd.concat([need_rows, cons_rows], ignore_index=True)
    where = pd.Index(d.items).get_indexer(pd.Index(unmet["item"]))
    unmet["value"] = d.value[where] if len(unmet) else []

    # per recipient, item and priority: stated need due by the horizon's end, and met by it
    due_h = d.need[..., :h].sum(axis=3)  # [r,i,k]
    left = ev.b[..., h - 1] if h else np.zeros_like(due_h)
    late = ev.b[..., :h].sum(axis=3)
    r_, i_, k_ = np.nonzero(due_h > TOL)
    need_met = pd.DataFrame(
        {
            "recipient": recipients[r_],
            "item": items[i_],
            "priority": prios[k_],
            "due": due_h[r_, i_, k_],
            "met": due_h[r_, i_, k_] - left[r_, i_, k_],
            "outstanding": left[r_, i_, k_],
            "unit_value": d.value[i_],
            "weeks_late": late[r_, i_, k_] / due_h[r_, i_, k_],
        }
    )
    need_met["value_due"] = need_met["due"] * need_met["unit_value"]
    need_met["value_met"] = need_met["met"] * need_met["unit_value"]
    need_met["share_met"] = need_met["met"] / need_met["due"]

    cons_h = cons.sum(axis=2)
    lost = ev.c[:, :, :h].sum(axis=2)
    r_, i_ = np.nonzero(cons_h > TOL)
    consumption_met = pd.DataFrame(
        {
            "recipient": recipients[r_],
            "item": items[i_],
            "consumption": cons_h[r_, i_],
            "met": cons_h[r_, i_] - lost[r_, i_],
            "unmet": lost[r_, i_],
            "unit_value": d.value[i_],
        }
    )
    consumption_met["share_met"] = consumption_met["met"] / consumption_met["consumption"]

    bn, bi, bt = np.nonzero(ev.breach[..., :h] > TOL)
    breaches = pd.DataFrame(
        {
            "donor": np.asarray(d.nations, dtype=object)[bn],
            "item": items[bi],
            "week": bt,
            "floor": d.floor[bn, bi, bt],
            "stock": ev.S[bn, bi, bt],
            "breach": ev.breach[bn, bi, bt],
            "value_weeks": ev.breach[bn, bi, bt] * d.value[bi],
        }
    )
    total = float(ev.given.sum())
    burden = pd.DataFrame(
        {
            "donor": d.nations,
            "given_value": ev.given,
            "share_of_given": ev.given / total if total > 0 else np.zeros(len(d.nations)),
            "gdp_share": d.gdp_share,
            "deviation": ev.deviation,
        }
    )
    del nr, ni, nk
    return {
        "transfers": transfers.reset_index(drop=True),
        "orders": orders,
        "stocks": stocks,
        "unmet": unmet,
        "need_met": need_met,
        "consumption_met": consumption_met,
        "breaches": breaches,
        "burden": burden,
    }


#: what every plan report says about its quantities
ROUNDING = (
    "Quantities are whole units: the plan is solved in fractions and each transfer and order "
    "series is rounded so that its running total stays within half a unit of the plan's."
)


def _whole(frame: pd.DataFrame, keys: list[str], week: str, col: str = "quantity") -> pd.DataFrame:
    """``col`` rounded to whole units so that each ``keys`` series' running total (in
    ``week`` order) stays within half a unit of the fractional one; rows rounded to 0 go."""
    if not len(frame):
        return frame
    out = frame.sort_values([*keys, week]).copy()
    run = out.groupby(keys, sort=False)[col].cumsum().round()
    out[col] = run - run.groupby([out[k] for k in keys], sort=False).shift(1).fillna(0.0)
    return out[out[col] > 0.5].reset_index(drop=True)


def whole_units(tabs: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables as a reader sees them (:data:`ROUNDING`): transfers and orders in whole
    units (order cost at the same unit price), need and consumption met rounded."""
    out = dict(tabs)
    tr = tabs.get("transfers")
    if tr is not None and len(tr):
        unit = tr["value"] / tr["quantity"] if "value" in tr else None
        tr = _whole(
            tr.assign(_unit=unit) if unit is not None else tr,
            ["donor", "recipient", "item"],
            "week",
        )
        if "_unit" in tr:
            tr["value"] = tr["quantity"] * tr["_unit"]
            tr = tr.drop(columns="_unit")
        out["transfers"] = tr
    od = tabs.get("orders")
    if od is not None and len(od):
        unit = od["cost"] / od["quantity"]
        od = od.assign(_unit=unit)
        od = _whole(od, ["fund", "line", "destination"], "week_placed")
        od["cost"] = od["quantity"] * od["_unit"]
        out["orders"] = od.drop(columns="_unit")
    for name, cols in (
        ("need_met", ["due", "met", "outstanding"]),
        ("consumption_met", ["consumption", "met", "unmet"]),
        ("unmet", ["demand", "met", "unmet"]),
    ):
        t = tabs.get(name)
        if t is not None and len(t):
            t = t.copy()
            t[cols] = t[cols].round()
            if name == "need_met":
                t["value_met"] = t["met"] * t["unit_value"]
                t["share_met"] = t["met"] / t["due"].where(t["due"] > 0, 1.0)
            if name == "consumption_met":
                t["share_met"] = t["met"] / t["consumption"].where(t["consumption"] > 0, 1.0)
            out[name] = t
    return out


def headline(need_met: pd.DataFrame, priority: str = "critical") -> dict[str, Any]:
    """The share of stated need of ``priority`` met by the horizon's end, by value (USD
    at the catalogue's unit values) and per item (in the item's own units): the plan's
    headline (docs/figures.md "The latest plan")."""
    rows = need_met[need_met["priority"] == priority] if len(need_met) else need_met
    if not len(rows):
        return {
            "priority": priority,
            "value_due": 0.0,
            "value_met": 0.0,
            "share": None,
            "items": [],
        }
    per_item = rows.groupby("item", as_index=False)[["due", "met", "value_due", "value_met"]].sum()
    per_item["share"] = per_item["met"] / per_item["due"]
    value_due = float(rows["value_due"].sum())
    value_met = float(rows["value_met"].sum())
    return {
        "priority": priority,
        "value_due": value_due,
        "value_met": value_met,
        "share": value_met / value_due if value_due > 0 else None,
        "items": _records(per_item.sort_values("value_due", ascending=False)),
    }


def dataset(d: PlanData, ev: Evaluation) -> xr.Dataset:
    """The solution over the horizon as an xarray Dataset over the snapshot dims (orders
    stay a table), and the model's tail after it (dim ``tail``: its periods, each
    ``tail_weeks`` weeks from week ``tail_start``)."""
    h = d.weeks
    coords = {
        "nation": d.nations,
        "recipient": d.recipients,
        "item": d.items,
        "priority": list(d.priorities),
        "week": np.arange(h),
    }
    return xr.Dataset(
        {
            "transfer": (("nation", "recipient", "item", "week"), ev.x[..., :h]),
            "stock": (("nation", "item", "week"), ev.S[..., :h]),
            "recipient_stock": (("recipient", "item", "week"), ev.Rs[..., :h]),
            "consumption_unmet": (("recipient", "item", "week"), ev.c[..., :h]),
            "need_served": (("recipient", "item", "priority", "week"), ev.y[..., :h]),
            "backlog": (("recipient", "item", "priority", "week"), ev.b[..., :h]),
            "breach": (("nation", "item", "week"), ev.breach[..., :h]),
            "given_value": (("nation",), ev.given),
            # the tail after the horizon (periods of ``tail_weeks`` weeks each): what the
            # objective still counts there (docs/plan.md "Time: horizon and tail")
            "tail_consumption_unmet": (("recipient", "item", "tail"), ev.c[..., h:]),
            "tail_backlog": (("recipient", "item", "priority", "tail"), ev.b[..., h:]),
            "tail_stock": (("nation", "item", "tail"), ev.S[..., h:]),
            "tail_breach": (("nation", "item", "tail"), ev.breach[..., h:]),
        },
        coords={
            **coords,
            "tail": np.arange(d.periods - h),
            "tail_start": ("tail", d.start[h:]),
            "tail_weeks": ("tail", d.durations[h:]),
        },
    )


def from_solution(model: LinearModel, sol: Solution, d: PlanData) -> Evaluation:
    """Evaluate an LP solution with its own transfers, orders, consumption not met and need
    served."""
    x = np.maximum(sol.values(model, "x"), 0.0)
    q = np.maximum(sol.values(model, "q"), 0.0)
    c = np.clip(sol.values(model, "c"), 0.0, d.cons)
    y = np.maximum(sol.values(model, "y"), 0.0)
    return evaluate(d, model.meta, x, q, c, y)
