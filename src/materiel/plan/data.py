"""Plan data: the snapshot's arrays as plain numpy, with the policy parameters.

Everything the model needs is read here once from the snapshot (docs/snapshot.md) so the
constraint functions work on ``numpy`` arrays with a fixed axis order:

    nation n, recipient r, item i, week t, line p, fund f

Two data repairs keep the linear program feasible and are reported as warnings:

* committed pledges drawn from a donor's stock (``pout``) beyond what its reported stock and
  arrivals cover: the stock is assumed to exist (``s0`` is raised to the smallest value that
  covers the pledges), because a committed pledge is a fact the plan cannot undo;
* hard targets: a target the stock is already below without any giving cannot be met; the
  hard floor is the lower of the target and that baseline stock ("giving must never push a
  stock below its target").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import xarray as xr

from materiel.plan.errors import PlanInputError

#: Policy defaults used when the scenario does not set them (``attrs["params"]``).
DEFAULT_PARAMS: dict[str, Any] = {
    "lambda_target": 1e-3,  # per unit of value (USD) of stock below target, per week
    "mu_burden": 0.0,  # per unit of value (USD) away from the GDP share
    "epsilon_cost": 1e-9,  # per unit of fund currency spent (tie-break: buy only what helps)
    "hard_targets": False,
    "time_limit": 120.0,  # seconds for HiGHS
}

#: Weights of the priorities (DESIGN.md): used to express objective values as rounds.
PRIORITY_WEIGHTS = {"critical": 100.0, "high": 10.0, "routine": 1.0}

REQUIRED = {
    "s0": ("nation", "item"),
    "r0": ("recipient", "item"),
    "floor": ("nation", "item", "week"),
    "demand": ("recipient", "item", "week"),
    "weight": ("recipient", "item", "week"),
    "pin": ("recipient", "item", "week"),
    "pout": ("nation", "item", "week"),
    "arrive_n": ("nation", "item", "week"),
    "arrive_r": ("recipient", "item", "week"),
    "cap": ("line", "week"),
    "price": ("line",),
    "lead": ("line",),
    "budget": ("fund",),
    "price_in_fund": ("line", "fund"),
    "eligible": ("line", "fund"),
    "dest_n": ("fund", "nation"),
    "dest_r": ("fund", "recipient"),
    "excluded": ("nation", "item"),
    "give_cap": ("nation", "item"),
    "gdp_share": ("nation",),
}


@dataclass(frozen=True)
class PlanData:
    """The numbers of one planning problem (see module docstring for the axis order)."""

    nations: list[str]
    recipients: list[str]
    items: list[str]
    lines: list[str]
    funds: list[str]
    weeks: int
    week_start: list[str]
    value: np.ndarray  # [i] unit value, USD
    line_item: np.ndarray  # [p] item index of each line
    fund_currency: list[str]
    line_currency: list[str]
    s0: np.ndarray  # [n,i]
    r0: np.ndarray  # [r,i]
    floor: np.ndarray  # [n,i,t]
    demand: np.ndarray  # [r,i,t]
    weight: np.ndarray  # [r,i,t]
    pin: np.ndarray  # [r,i,t]
    pout: np.ndarray  # [n,i,t]
    arrive_n: np.ndarray  # [n,i,t]
    arrive_r: np.ndarray  # [r,i,t]
    cap: np.ndarray  # [p,t]
    price: np.ndarray  # [p] line currency
    lead: np.ndarray  # [p] int
    budget: np.ndarray  # [f] fund currency
    price_in_fund: np.ndarray  # [p,f]
    eligible: np.ndarray  # [p,f] bool
    dest_n: np.ndarray  # [f,n] bool
    dest_r: np.ndarray  # [f,r] bool
    excluded: np.ndarray  # [n,i] bool
    give_cap: np.ndarray  # [n,i] (inf: none)
    gdp_share: np.ndarray  # [n]
    params: dict[str, Any]
    as_of: str = ""
    scenario: str = ""
    content_hash: str = ""
    rate_date: str = ""
    synthetic: bool = False
    warnings: list[str] = field(default_factory=list)

    # -- derived ----------------------------------------------------------------------
    @property
    def hard_targets(self) -> bool:
        return bool(self.params.get("hard_targets", False))

    @property
    def lam(self) -> float:
        return float(self.params["lambda_target"])

    @property
    def mu(self) -> float:
        return float(self.params["mu_burden"])

    @property
    def eps(self) -> float:
        return float(self.params["epsilon_cost"])

    def baseline_stock(self) -> np.ndarray:
        """[n,i,t] donor stock if it gives nothing and buys nothing."""
        return self.s0[:, :, None] + np.cumsum(self.arrive_n - self.pout, axis=2)

    def hard_floor(self) -> np.ndarray:
        """[n,i,t] the floor a hard target enforces: min(target, baseline stock)."""
        return np.minimum(self.floor, np.maximum(self.baseline_stock(), 0.0))

    def with_params(self, **changes: Any) -> PlanData:
        return replace(self, params={**self.params, **changes})


def _array(ds: xr.Dataset, name: str, dims: tuple[str, ...]) -> np.ndarray:
    if name not in ds:
        raise PlanInputError(f"snapshot: variable {name!r} is missing (docs/snapshot.md)")
    da = ds[name]
    if set(da.dims) != set(dims):
        raise PlanInputError(
            f"snapshot: variable {name!r} has dims {da.dims}, expected {dims} (docs/snapshot.md)"
        )
    return np.asarray(da.transpose(*dims).values)


def _params(ds: xr.Dataset, overrides: dict[str, Any] | None) -> dict[str, Any]:
    raw = ds.attrs.get("params", "{}")
    try:
        given = json.loads(raw) if isinstance(raw, str) else dict(raw)
    except (TypeError, ValueError) as exc:
        raise PlanInputError(f"snapshot: attrs['params'] is not JSON ({exc})") from None
    params = {**DEFAULT_PARAMS, **{k: v for k, v in given.items() if v is not None}}
    if overrides:
        params.update({k: v for k, v in overrides.items() if v is not None})
    return params


def from_snapshot(ds: xr.Dataset, **overrides: Any) -> PlanData:
    """Read a snapshot Dataset into :class:`PlanData`; ``overrides`` replace policy params
    (``hard_targets=True``, ``lambda_target=...``, ``time_limit=...``)."""
    arrays = {name: _array(ds, name, dims) for name, dims in REQUIRED.items()}
    for name, arr in arrays.items():
        if arr.dtype.kind == "f" and np.isnan(arr).any():
            raise PlanInputError(f"snapshot: variable {name!r} contains NaN")
    items = [str(v) for v in ds["item"].values]
    item_pos = {code: k for k, code in enumerate(items)}
    lines = [str(v) for v in ds["line"].values]
    line_item_codes = [str(v) for v in ds["line_item"].values] if "line_item" in ds.coords else []
    if len(line_item_codes) != len(lines):
        raise PlanInputError("snapshot: coordinate 'line_item' is missing")
    unknown = sorted({c for c in line_item_codes if c not in item_pos})
    if unknown:
        raise PlanInputError(f"snapshot: lines make items not in the item dim: {unknown}")
    weeks = int(ds.sizes["week"])
    week_start = (
        [str(np.datetime_as_string(v, unit="D")) for v in ds["week_start"].values]
        if "week_start" in ds.coords and ds["week_start"].dtype.kind == "M"
        else [str(v) for v in ds["week_start"].values]
        if "week_start" in ds.coords
        else [str(t) for t in range(weeks)]
    )
    f64 = {k: v.astype(np.float64) for k, v in arrays.items() if v.dtype.kind in "fiu"}
    data = PlanData(
        nations=[str(v) for v in ds["nation"].values],
        recipients=[str(v) for v in ds["recipient"].values],
        items=items,
        lines=lines,
        funds=[str(v) for v in ds["fund"].values],
        weeks=weeks,
        week_start=week_start,
        value=np.asarray(ds["item_value"].values, dtype=np.float64)
        if "item_value" in ds.coords
        else np.ones(len(items)),
        line_item=np.array([item_pos[c] for c in line_item_codes], dtype=np.int64),
        fund_currency=[str(v) for v in ds["fund_currency"].values]
        if "fund_currency" in ds.coords
        else ["USD"] * int(ds.sizes["fund"]),
        line_currency=[str(v) for v in ds["line_currency"].values]
        if "line_currency" in ds.coords
        else ["USD"] * len(lines),
        s0=f64["s0"],
        r0=f64["r0"],
        floor=f64["floor"],
        demand=f64["demand"],
        weight=f64["weight"],
        pin=f64["pin"],
        pout=f64["pout"],
        arrive_n=f64["arrive_n"],
        arrive_r=f64["arrive_r"],
        cap=np.maximum(f64["cap"], 0.0),
        price=f64["price"],
        lead=arrays["lead"].astype(np.int64),
        budget=np.maximum(f64["budget"], 0.0),
        price_in_fund=f64["price_in_fund"],
        eligible=arrays["eligible"].astype(bool),
        dest_n=arrays["dest_n"].astype(bool),
        dest_r=arrays["dest_r"].astype(bool),
        excluded=arrays["excluded"].astype(bool),
        give_cap=f64["give_cap"],
        gdp_share=f64["gdp_share"],
        params=_params(ds, overrides),
        as_of=str(ds.attrs.get("as_of", "")),
        scenario=str(ds.attrs.get("scenario", "")),
        content_hash=str(ds.attrs.get("content_hash", "")),
        rate_date=str(ds.attrs.get("rate_date", "")),
        synthetic=bool(ds.attrs.get("synthetic", False)),
    )
    return repair(data)


def repair(data: PlanData) -> PlanData:
    """Raise ``s0`` where committed stock pledges exceed reported stock (see module doc)."""
    for name in ("s0", "r0", "floor", "demand", "pin", "pout", "arrive_n", "arrive_r", "cap"):
        arr = getattr(data, name)
        if (arr < 0).any():
            raise PlanInputError(f"snapshot: variable {name!r} has negative values")
    lowest = np.min(np.cumsum(data.arrive_n - data.pout, axis=2), axis=2)  # [n,i]
    short = np.maximum(-(data.s0 + lowest), 0.0)
    warnings = list(data.warnings)
    if (short > 1e-9).any():
        ns, is_ = np.nonzero(short > 1e-9)
        for n, i in zip(ns[:20], is_[:20], strict=True):
            warnings.append(
                f"{data.nations[n]}: committed pledges of {data.items[i]} exceed its reported "
                f"stock and arrivals by {short[n, i]:,.0f}; assumed the stock exists"
            )
        if len(ns) > 20:
            warnings.append(f"… and {len(ns) - 20} more stock/pledge mismatches")
        data = replace(data, s0=data.s0 + short)
    return replace(data, warnings=warnings)


def week_dates(as_of: dt.date, weeks: int) -> list[str]:
    """Mondays starting each week from the Monday on or before ``as_of``."""
    monday = as_of - dt.timedelta(days=as_of.weekday())
    return [(monday + dt.timedelta(weeks=k)).isoformat() for k in range(weeks)]
