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

from materiel import plan_policy as policy
from materiel.plan.errors import PlanInputError

#: Policy defaults used when the scenario does not set them (``attrs["params"]``): one
#: place, :mod:`materiel.plan_policy`; the planner adds its solver settings.
DEFAULT_PARAMS: dict[str, Any] = {**policy.DEFAULT_PARAMS, "time_limit": 120.0}

#: Weights of the priorities per unit of value and week (materiel.plan_policy).
PRIORITY_WEIGHTS = policy.PRIORITY_WEIGHTS

REQUIRED = {
    "s0": ("nation", "item"),
    "r0": ("recipient", "item"),
    "floor": ("nation", "item", "week"),
    "consumption": ("recipient", "item", "week"),
    "need": ("recipient", "item", "priority", "week"),
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
#: optional variables (older snapshots): name → (dims, default)
OPTIONAL = {"transit": (("nation", "item"), 0)}


@dataclass(frozen=True)
class PlanData:
    """The numbers of one planning problem (see module docstring for the axis order).

    Time runs over *periods*: the ``weeks`` of the horizon (one week each), then the tail
    (``dur`` weeks each, :func:`with_tail`), in which stocks, backlog, consumption and
    target breach go on so that the plan's last weeks are not a cliff. Arrays over time
    have ``periods`` entries; quantities per period (consumption, capacity) are per
    period, weights per week (the objective multiplies by ``dur``).
    """

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
    cons: np.ndarray  # [r,i,t] consumption in the period
    need: np.ndarray  # [r,i,k,t] stated need due in the period, by priority k
    weight: np.ndarray  # [r,i,t] weight of consumption not met, per unit of value
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
    give_cap: np.ndarray  # [n,i] per week (inf: none)
    gdp_share: np.ndarray  # [n]
    params: dict[str, Any]
    transit: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int64))
    dur: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # [t] weeks
    priorities: tuple[str, ...] = policy.PRIORITIES
    item_unit: list[str] = field(default_factory=list)
    as_of: str = ""
    scenario: str = ""
    content_hash: str = ""
    rate_date: str = ""
    synthetic: bool = False
    warnings: list[str] = field(default_factory=list)

    # -- derived ----------------------------------------------------------------------
    @property
    def periods(self) -> int:
        return int(self.floor.shape[-1])

    @property
    def durations(self) -> np.ndarray:
        """[t] weeks per period (1 inside the horizon)."""
        if len(self.dur) == self.periods:
            return self.dur
        return np.ones(self.periods, dtype=np.int64)

    @property
    def start(self) -> np.ndarray:
        """[t] the week each period starts."""
        dur = self.durations
        return np.concatenate([[0], np.cumsum(dur)[:-1]]).astype(np.int64)

    @property
    def disc(self) -> np.ndarray:
        """[t] weight of a period's week (× ``dur``): the time preference
        (:data:`policy.TIME_PREFERENCE`), so that earlier shortfall weighs a little more."""
        rho = float(self.params.get("time_preference", policy.TIME_PREFERENCE))
        return np.asarray((1.0 + rho) ** (-self.start.astype(np.float64)))

    @property
    def weeks_weight(self) -> np.ndarray:
        """[t] ``dur × disc``: what a per-week weight is multiplied by in period t."""
        return np.asarray(self.durations * self.disc)

    @property
    def consumption_cost(self) -> np.ndarray:
        """[r,i,t] the cost of a unit of consumption not met in period t: ``weight × value
        × weeks × disc[t]`` (``weeks`` the horizon's). Lost consumption is charged as a
        stated need of the consumption weight left outstanding for the whole horizon —
        the most lateness a unit can gather within it — so the plan never lets consumption
        go short to serve a need of a lighter (or equal) weight earlier within the horizon
        (docs/plan.md "Lost consumption against lateness")."""
        weeks = float(max(int(self.weeks), 1))
        return np.asarray(self.weight * self.value[None, :, None] * weeks * self.disc)

    @property
    def prio_weight(self) -> np.ndarray:
        """[k] weight of a week of need unmet per unit of value, by priority."""
        return np.array([policy.PRIORITY_WEIGHTS[p] for p in self.priorities])

    @property
    def transit_weeks(self) -> np.ndarray:
        """[n,i] weeks from a donor's stock to the recipient."""
        if self.transit.shape == (len(self.nations), len(self.items)):
            return self.transit
        return np.zeros((len(self.nations), len(self.items)), dtype=np.int64)

    @property
    def demand(self) -> np.ndarray:
        """[r,i,t] consumption plus need due (what the recipient asks for in the period)."""
        return np.asarray(self.cons + self.need.sum(axis=2))

    @property
    def hard_targets(self) -> bool:
        return bool(self.params.get("hard_targets", False))

    @property
    def lam(self) -> float:
        """λ, the readiness weight (per unit of value and week below target)."""
        return float(self.params["readiness_weight"])

    @property
    def mu(self) -> float:
        return float(self.params["mu_burden"])

    def arrival(self, lag: np.ndarray) -> np.ndarray:
        """[..., t] the period in which something leaving in period t arrives after ``lag``
        weeks (``lag`` of shape [...]); ``periods`` when after the model's end."""
        start = self.start
        total = int(self.durations.sum())
        when = start + np.asarray(lag)[..., None]
        idx = np.searchsorted(start, when, side="right") - 1
        return np.where(when < total, idx, self.periods)

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


def _params(ds: xr.Dataset, overrides: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    raw = ds.attrs.get("params", "{}")
    try:
        given = json.loads(raw) if isinstance(raw, str) else dict(raw)
    except (TypeError, ValueError) as exc:
        raise PlanInputError(f"snapshot: attrs['params'] is not JSON ({exc})") from None
    notes: list[str] = []
    given = {k: v for k, v in given.items() if v is not None}
    for old in ("lambda_target", "epsilon_cost"):
        if old in given:
            given.pop(old)
            notes.append(
                f"scenario parameter {old!r} is no longer used (weights are per unit of value: "
                "readiness_weight; needless giving is removed by a second solve)"
            )
    params = {**DEFAULT_PARAMS, **given}
    if overrides:
        params.update({k: v for k, v in overrides.items() if v is not None})
    lam = float(params["readiness_weight"])
    if not np.isfinite(lam) or lam < 0:
        raise PlanInputError(f"readiness weight must be a number ≥ 0 (got {lam})")
    return params, notes


def from_snapshot(ds: xr.Dataset, **overrides: Any) -> PlanData:
    """Read a snapshot Dataset into :class:`PlanData`; ``overrides`` replace policy params
    (``hard_targets=True``, ``lambda_target=...``, ``time_limit=...``)."""
    arrays = {name: _array(ds, name, dims) for name, dims in REQUIRED.items()}
    for name, (dims, default) in OPTIONAL.items():
        arrays[name] = (
            _array(ds, name, dims)
            if name in ds
            else np.full([int(ds.sizes[d]) for d in dims], default, dtype=np.int64)
        )
    priorities = tuple(str(p) for p in ds["priority"].values) if "priority" in ds.coords else ()
    unknown_prio = sorted(set(priorities) - set(policy.PRIORITY_WEIGHTS))
    if unknown_prio:
        raise PlanInputError(f"snapshot: unknown priorities {unknown_prio}")
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
    params, notes = _params(ds, overrides)
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
        cons=f64["consumption"],
        need=f64["need"],
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
        transit=arrays["transit"].astype(np.int64),
        priorities=priorities,
        item_unit=[str(v) for v in ds["item_unit"].values]
        if "item_unit" in ds.coords
        else [""] * len(items),
        params=params,
        as_of=str(ds.attrs.get("as_of", "")),
        scenario=str(ds.attrs.get("scenario", "")),
        content_hash=str(ds.attrs.get("content_hash", "")),
        rate_date=str(ds.attrs.get("rate_date", "")),
        synthetic=bool(ds.attrs.get("synthetic", False)),
        warnings=notes,
    )
    return with_tail(repair(data))


def repair(data: PlanData) -> PlanData:
    """Raise ``s0`` where committed stock pledges exceed reported stock (see module doc)."""
    for name in (
        "s0",
        "r0",
        "floor",
        "cons",
        "need",
        "pin",
        "pout",
        "arrive_n",
        "arrive_r",
        "cap",
        "transit",
    ):
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


def tail_weeks(data: PlanData) -> int:
    """Weeks of the tail after the horizon: the scenario's ``tail_weeks`` when set, else the
    longest lead time of a line some fund may buy from or transit time, at least
    :data:`policy.TAIL_MIN_WEEKS`, rounded up to whole tail periods."""
    given = data.params.get("tail_weeks")
    if given is not None:
        weeks = max(int(given), 0)
    else:
        usable = data.eligible.any(axis=1) & (data.cap.max(axis=1, initial=0.0) > 0)
        lead = int(data.lead[usable].max(initial=0))
        transit = int(data.transit_weeks.max(initial=0))
        weeks = max(lead, transit, policy.TAIL_MIN_WEEKS)
    step = policy.TAIL_PERIOD_WEEKS
    return -(-weeks // step) * step


def with_tail(data: PlanData) -> PlanData:
    """The horizon followed by the tail (:func:`tail_weeks`, in periods of
    :data:`policy.TAIL_PERIOD_WEEKS` weeks): targets, consumption, its weight and line
    capacity go on at the last week's level; no new needs, pledges or arrivals."""
    if data.periods != data.weeks:
        return data  # already extended
    weeks = tail_weeks(data)
    step = policy.TAIL_PERIOD_WEEKS
    n_tail = weeks // step
    dur = np.concatenate([np.ones(data.weeks, dtype=np.int64), np.full(n_tail, step)])
    if n_tail == 0 or data.weeks == 0:
        return replace(data, dur=dur[: data.weeks])
    usable = data.eligible.any(axis=1) & (data.cap.max(axis=1, initial=0.0) > 0)
    long = [p for p in np.nonzero(usable & (data.lead >= data.weeks))[0]]
    notes = list(data.warnings)
    for p in long[:10]:
        notes.append(
            f"line {data.lines[p]}: lead time {int(data.lead[p])} weeks is not shorter than the "
            f"horizon of {data.weeks} weeks; its orders arrive after the horizon and are valued "
            f"over the {weeks}-week tail"
            + ("" if data.lead[p] < data.weeks + weeks else " (they arrive after the tail too)")
        )
    if len(long) > 10:
        notes.append(f"… and {len(long) - 10} more lines whose lead time exceeds the horizon")

    def go_on(arr: np.ndarray, per_period: bool = False) -> np.ndarray:
        last = arr[..., -1:] * (step if per_period else 1)
        return np.concatenate([arr, np.repeat(last, n_tail, axis=-1)], axis=-1)

    def none(arr: np.ndarray) -> np.ndarray:
        return np.concatenate([arr, np.zeros((*arr.shape[:-1], n_tail))], axis=-1)

    return replace(
        data,
        dur=dur,
        floor=go_on(data.floor),
        cons=go_on(data.cons, per_period=True),
        weight=go_on(data.weight),
        cap=go_on(data.cap, per_period=True),
        need=none(data.need),
        pin=none(data.pin),
        pout=none(data.pout),
        arrive_n=none(data.arrive_n),
        arrive_r=none(data.arrive_r),
        warnings=notes,
    )


def week_dates(as_of: dt.date, weeks: int) -> list[str]:
    """Mondays starting each week from the Monday on or before ``as_of``."""
    monday = as_of - dt.timedelta(days=as_of.weekday())
    return [(monday + dt.timedelta(weeks=k)).isoformat() for k in range(weeks)]
