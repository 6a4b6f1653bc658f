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

TABLES = ("transfers", "orders", "stocks", "unmet", "breaches", "burden", "marginals", "ranking")


@dataclass
class Evaluation:
    """Every quantity of a plan, dense arrays over the snapshot dims."""

    x: np.ndarray  # [n,r,i,t]
    q: np.ndarray  # [k,t]
    S: np.ndarray  # [n,i,t]
    Rs: np.ndarray  # [r,i,t]
    u: np.ndarray  # [r,i,t]
    breach: np.ndarray  # [n,i,t]
    given: np.ndarray  # [n]
    deviation: np.ndarray  # [n]
    terms: dict[str, float]

    @property
    def objective(self) -> float:
        return float(sum(self.terms.values()))


def arrivals(d: PlanData, meta: dict[str, Any], q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """([n,i,t], [r,i,t]) quantities arriving from new orders ``q[k,t]``."""
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.weeks
    k_line, k_dest, k_item = meta["k_line"], meta["k_dest"], meta["k_item"]
    dest_all = np.zeros((nn + nr, ni, nt))
    arrival = np.arange(nt)[None, :] + d.lead[k_line][:, None]
    inside = arrival < nt
    kk = np.broadcast_to(np.arange(len(k_line))[:, None], arrival.shape)
    np.add.at(
        dest_all,
        (k_dest[kk[inside]], k_item[kk[inside]], arrival[inside]),
        q[inside],
    )
    return dest_all[:nn], dest_all[nn:]


def evaluate(
    d: PlanData,
    meta: dict[str, Any],
    x: np.ndarray,
    q: np.ndarray,
    u: np.ndarray | None = None,
) -> Evaluation:
    """Stocks, unmet need, breaches and objective terms of transfers ``x`` and orders ``q``.

    With ``u`` (the LP's own unmet need, which may save stock for a later, heavier need)
    the recipient stock follows from the balance; without it, stock serves demand first
    come, first served and ``u`` is the least shortfall that policy leaves.
    """
    arr_n, arr_r = arrivals(d, meta, q)
    stock = d.s0[:, :, None] + np.cumsum(d.arrive_n + arr_n - x.sum(axis=1) - d.pout, axis=2)
    inflow = d.pin + d.arrive_r + arr_r + x.sum(axis=0)
    if u is not None:
        rstock = d.r0[:, :, None] + np.cumsum(inflow - d.demand + u, axis=2)
    else:
        rstock = np.zeros_like(d.demand)
        u = np.zeros_like(d.demand)
        level = d.r0.copy()
        for t in range(d.weeks):  # a recursion in time, vectorised over recipients, items
            have = level + inflow[:, :, t]
            u[:, :, t] = np.maximum(d.demand[:, :, t] - have, 0.0)
            level = have - d.demand[:, :, t] + u[:, :, t]
            rstock[:, :, t] = level
    breach = np.maximum(d.floor - stock, 0.0)
    given = (x.sum(axis=(1, 3)) * d.value[None, :]).sum(axis=1) + pledged_value(d)
    total = given.sum()
    deviation = np.abs(given - d.gdp_share * total)
    k_line, k_fund = meta["k_line"], meta["k_fund"]
    terms = {
        "unmet": float((d.weight * u).sum()),
        "breach": 0.0 if d.hard_targets else float(d.lam * (breach * d.value[None, :, None]).sum()),
        "cost": float(d.eps * (d.price_in_fund[k_line, k_fund][:, None] * q).sum())
        + float(d.eps * (x.sum(axis=(1, 3)) * d.value[None, :]).sum()),
        "burden": float(d.mu * deviation.sum()) if d.mu > 0 and len(d.nations) > 1 else 0.0,
    }
    return Evaluation(x, q, stock, rstock, u, breach, given, deviation, terms)


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

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def optimal(self) -> bool:
        return self.status == "Optimal"

    def unmet_by_priority(self) -> pd.DataFrame:
        """Demand and unmet need summed by priority weight (critical, high, routine)."""
        t = self.tables.get("unmet", pd.DataFrame())
        names = {100.0: "critical", 10.0: "high", 1.0: "routine"}
        if t.empty:
            return pd.DataFrame(columns=["priority", "weight", "demand", "unmet"])
        out = t.groupby("weight", as_index=False)[["demand", "unmet"]].sum()
        out["priority"] = out["weight"].map(lambda w: names.get(float(w), f"weight {w:g}"))
        return out.sort_values("weight", ascending=False)[["priority", "weight", "demand", "unmet"]]

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
        }

    def to_json(self) -> dict[str, Any]:
        """Summary plus every table as a list of records (what a PlanRun stores)."""
        out = self.summary()
        out["tables"] = {name: _records(df) for name, df in self.tables.items()}
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
    """The result tables of docs: transfers, orders, stocks, unmet, breaches, burden."""
    weeks = [str(t) for t in range(d.weeks)]
    week_start = np.asarray(d.week_start, dtype=object)
    transfers = _nonzero_frame(
        ev.x,
        [d.nations, d.recipients, d.items, weeks],
        ["donor", "recipient", "item", "week"],
        "quantity",
    )
    transfers["week"] = transfers["week"].astype(int)
    transfers["week_start"] = (
        week_start[transfers["week"].to_numpy(dtype=int)] if len(transfers) else []
    )

    k_line, k_fund, k_dest, k_item = meta["k_line"], meta["k_fund"], meta["k_dest"], meta["k_item"]
    kk, tt = np.nonzero(ev.q > TOL)
    dests = np.asarray(d.nations + d.recipients, dtype=object)
    qty = ev.q[kk, tt]
    orders = pd.DataFrame(
        {
            "fund": np.asarray(d.funds, dtype=object)[k_fund[kk]],
            "line": np.asarray(d.lines, dtype=object)[k_line[kk]],
            "item": np.asarray(d.items, dtype=object)[k_item[kk]],
            "destination": dests[k_dest[kk]],
            "week_placed": tt,
            "week_arriving": tt + d.lead[k_line[kk]],
            "quantity": qty,
            "cost": qty * d.price_in_fund[k_line[kk], k_fund[kk]],
            "currency": np.asarray(d.fund_currency, dtype=object)[k_fund[kk]],
        }
    )

    nn_, ii_ = np.nonzero(meta["held"] | (d.floor.max(axis=2, initial=0.0) > 0))
    donor_stock = pd.DataFrame(
        {
            "holder": np.repeat(np.asarray(d.nations, dtype=object)[nn_], d.weeks),
            "kind": "donor",
            "item": np.repeat(np.asarray(d.items, dtype=object)[ii_], d.weeks),
            "week": np.tile(np.arange(d.weeks), len(nn_)),
            "stock": ev.S[nn_, ii_, :].ravel(),
            "floor": d.floor[nn_, ii_, :].ravel(),
        }
    )
    rr_, ri_ = np.nonzero(meta["demand_any"])
    recip_stock = pd.DataFrame(
        {
            "holder": np.repeat(np.asarray(d.recipients, dtype=object)[rr_], d.weeks),
            "kind": "recipient",
            "item": np.repeat(np.asarray(d.items, dtype=object)[ri_], d.weeks),
            "week": np.tile(np.arange(d.weeks), len(rr_)),
            "stock": ev.Rs[rr_, ri_, :].ravel(),
            "floor": 0.0,
        }
    )
    stocks = pd.concat([donor_stock, recip_stock], ignore_index=True)

    r_, i_, t_ = np.nonzero(d.demand > 0)
    unmet = pd.DataFrame(
        {
            "recipient": np.asarray(d.recipients, dtype=object)[r_],
            "item": np.asarray(d.items, dtype=object)[i_],
            "week": t_,
            "demand": d.demand[r_, i_, t_],
            "unmet": ev.u[r_, i_, t_],
            "weight": d.weight[r_, i_, t_],
        }
    )
    bn, bi, bt = np.nonzero(ev.breach > TOL)
    breaches = pd.DataFrame(
        {
            "donor": np.asarray(d.nations, dtype=object)[bn],
            "item": np.asarray(d.items, dtype=object)[bi],
            "week": bt,
            "floor": d.floor[bn, bi, bt],
            "stock": ev.S[bn, bi, bt],
            "breach": ev.breach[bn, bi, bt],
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
    return {
        "transfers": transfers.reset_index(drop=True),
        "orders": orders,
        "stocks": stocks,
        "unmet": unmet,
        "breaches": breaches,
        "burden": burden,
    }


def dataset(d: PlanData, ev: Evaluation) -> xr.Dataset:
    """The solution as an xarray Dataset over the snapshot dims (orders stay a table)."""
    coords = {
        "nation": d.nations,
        "recipient": d.recipients,
        "item": d.items,
        "week": np.arange(d.weeks),
    }
    return xr.Dataset(
        {
            "transfer": (("nation", "recipient", "item", "week"), ev.x),
            "stock": (("nation", "item", "week"), ev.S),
            "recipient_stock": (("recipient", "item", "week"), ev.Rs),
            "unmet": (("recipient", "item", "week"), ev.u),
            "breach": (("nation", "item", "week"), ev.breach),
            "given_value": (("nation",), ev.given),
        },
        coords=coords,
    )


def from_solution(model: LinearModel, sol: Solution, d: PlanData) -> Evaluation:
    """Evaluate an LP solution with its own transfers, orders and unmet need."""
    x = np.maximum(sol.values(model, "x"), 0.0)
    q = np.maximum(sol.values(model, "q"), 0.0)
    u = np.clip(sol.values(model, "u"), 0.0, d.demand)
    return evaluate(d, model.meta, x, q, u)
