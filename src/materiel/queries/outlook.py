"""Stock outlook: weeks of supply to target and to zero, and the depletion week — one
definition (docs/figures.md, "Stock outlook") for the heatmap, the detail tables, the brief
and the CLI, read from the status-quo projection of the snapshot (materiel.forecast).

The snapshot and its projection are built once per (database, date, horizon, scenario,
data version) and kept in a small cache: any audited write changes the data version.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from materiel.access import Hidden, Principal, policy
from materiel.plan_policy import HORIZON_WEEKS
from materiel.queries._common import resolve
from materiel.services import newest_event

if TYPE_CHECKING:  # xarray is loaded by the snapshot when an outlook is built, not on import
    import xarray as xr

T = TypeVar("T")
DEFAULT_HORIZON = HORIZON_WEEKS  # the one default horizon (plan_policy)
OUTLOOK_COLUMNS = [
    "holder",
    "kind",
    "item",
    "stock_now",
    "target_now",
    "weekly_use",
    "weeks_to_target",
    "weeks_to_zero",
    "depletion_week",
    "depletion_date",
    "state",
    "label",
    "stock_end",
]
#: ``state`` of an outlook row, in the order rows sort by urgency.
STATES = ("below target", "crosses", "beyond horizon", "stays above", "no target", "no report")


class LRU:
    """A small thread-safe least-recently-used cache."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._d: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any, make: Callable[[], T]) -> T:
        with self.lock:
            if key in self._d:
                self._d.move_to_end(key)
                value: T = self._d[key]
                return value
            value = make()
            self._d[key] = value
            while len(self._d) > self.size:
                self._d.popitem(last=False)
            return value


_PROJECTED = LRU(4)


@dataclass(frozen=True)
class Projected:
    """A snapshot and its status-quo projection."""

    snapshot: xr.Dataset
    projection: xr.Dataset


def data_version(session: Session) -> int:
    """Changes with every audited write: the sequence number of the newest audit event."""
    head = newest_event(session)
    return head[0] if head else 0


def projected(
    session: Session,
    as_of: dt.date | None = None,
    horizon: int = DEFAULT_HORIZON,
    scenario: str = "baseline",
) -> Projected:
    """The snapshot of ``as_of`` (default today) and its status-quo projection, cached per
    data version. Every holder's detail is in it: callers must be staff, or filter."""
    from materiel.forecast.projection import project
    from materiel.snapshot import build_snapshot

    day = resolve(as_of)
    bind = session.get_bind()
    key = (str(bind.engine.url), id(bind.engine), day, horizon, scenario, data_version(session))

    def make() -> Projected:
        snap = build_snapshot(session, day, horizon, scenario)
        return Projected(snap, project(snap))

    return _PROJECTED.get(key, make)


def _first_at_or_below(stock: np.ndarray, level: np.ndarray) -> np.ndarray:
    """(pairs,) first week index with stock ≤ level along the last axis; NaN where none."""
    hit = stock <= level
    first = np.argmax(hit, axis=-1).astype(float)
    first[~hit.any(axis=-1)] = np.nan
    return first


def outlook_frame(proj: xr.Dataset) -> pd.DataFrame:
    """The outlook of every holder and item of a projection (see :func:`stock_outlook`)."""
    stock = proj["stock"].transpose("holder", "item", "week").values.astype(float)
    weeks = stock.shape[-1]
    now = proj["stock_now"].transpose("holder", "item").values.astype(float)
    target = proj["target_now"].transpose("holder", "item").values.astype(float)
    floor_max = proj["floor"].max("week").transpose("holder", "item").values.astype(float)
    use = proj["weekly_use"].transpose("holder", "item").values.astype(float)
    cross = proj["cross_week"].transpose("holder", "item").values.astype(float)
    beyond = proj["cross_beyond_horizon"].transpose("holder", "item").values.astype(bool)
    known = (
        proj["stock_known"].transpose("holder", "item").values.astype(bool)
        if "stock_known" in proj
        else np.isfinite(now)
    )
    has_target = floor_max > 0
    below = known & has_target & (target > 0) & (now < target)
    to_target = np.where(below, 0.0, np.where(has_target, cross, np.nan))
    # to zero: the projection's first empty week, else the last week's trend extrapolated
    zero = _first_at_or_below(stock, np.zeros_like(stock))
    net = stock[..., -1] - stock[..., -2] if weeks >= 2 else np.zeros_like(now)
    with np.errstate(divide="ignore", invalid="ignore"):
        extra = np.where(net < 0, np.floor(stock[..., -1] / -net) + 1, np.nan)
    zero = np.where(np.isnan(zero), (weeks - 1) + np.maximum(extra, 1), zero)
    zero = np.where(now <= 0, 0.0, zero)
    # an unknown stock (no report) has no weeks to target or to zero: never "0 weeks"
    to_target = np.where(known, to_target, np.nan)
    zero = np.where(known, zero, np.nan)
    state = np.select(
        [~known, below, ~has_target, np.isfinite(to_target) & beyond, np.isfinite(to_target)],
        ["no report", "below target", "no target", "beyond horizon", "crosses"],
        "stays above",
    )
    whole = np.char.add(np.floor(np.nan_to_num(to_target)).astype(int).astype(str), " wk")
    label = np.where(
        state == "stays above",
        np.where(use > 0, "stays above", "no outflow"),
        np.where(np.isin(state, ["crosses", "beyond horizon"]), whole, state),
    )
    holders = [str(h) for h in proj["holder"].values]
    items = [str(i) for i in proj["item"].values]
    kinds = [str(k) for k in proj["holder_kind"].values]
    start = pd.Timestamp(proj["week_start"].values[0])
    df = pd.DataFrame(
        {
            "holder": np.repeat(holders, len(items)),
            "kind": np.repeat(kinds, len(items)),
            "item": np.tile(items, len(holders)),
            "stock_now": now.ravel(),
            "target_now": target.ravel(),
            "weekly_use": use.ravel(),
            "weeks_to_target": to_target.ravel(),
            "weeks_to_zero": zero.ravel(),
            "state": state.ravel(),
            "label": label.ravel(),
            "stock_end": stock[..., -1].ravel() if weeks else now.ravel(),
        }
    )
    df["depletion_week"] = df["weeks_to_target"]
    df["depletion_date"] = [
        (start + pd.Timedelta(weeks=float(w))).date() if np.isfinite(w) else None
        for w in df["weeks_to_target"]
    ]
    active = (df["stock_now"] > 0) | (df["weekly_use"] > 0) | (df["target_now"] > 0)
    active |= proj["stock"].fillna(0).max("week").values.ravel() > 0
    df = df.loc[active]
    rank = df["state"].map({s: n for n, s in enumerate(STATES)})
    df = df.assign(_rank=rank).sort_values(
        ["_rank", "weeks_to_target", "holder", "item"], na_position="last", kind="stable"
    )
    return df[OUTLOOK_COLUMNS].reset_index(drop=True)


def stock_outlook(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    horizon: int = DEFAULT_HORIZON,
    holder: str | None = None,
    item: str | None = None,
    scenario: str = "baseline",
) -> pd.DataFrame:
    """Per holder and item the viewer may see in detail (staff: all; a nation: its own;
    analysts: refused), most urgent first:

    - ``weeks_to_target`` = ``depletion_week``: the week (0 = the week starting ``as_of``)
      in which the status-quo projection — recent weekly outflow and scheduled arrivals —
      first falls below the target; 0 when the stock is already below target (``state``
      ``below target``); extrapolated past the horizon at the last week's trend (``beyond
      horizon``); missing when it never falls below (``stays above``) or no target is set.
    - ``depletion_date``: the start of that week.
    - ``weeks_to_zero``: the same for an empty stock.
    - ``label``: the one text every surface shows: "below target", "5 wk" (weeks to
      target, whole weeks), "stays above", "no outflow", "no target" or "no report" (the
      stock is unknown: ``stock_now`` and the weeks are missing; listed last).

    A ``holder`` the viewer may not see in detail is :class:`Hidden`.
    """
    policy.require_list(viewer, "stock_report")
    if holder and not policy.may_see_nation_detail(viewer, holder):
        raise Hidden()
    proj = projected(session, as_of, horizon, scenario).projection
    df = outlook_frame(proj)
    visible = df["holder"].map(lambda h: policy.may_see_nation_detail(viewer, str(h)))
    df = df.loc[visible.astype(bool)]
    if holder:
        df = df.loc[df["holder"] == holder]
    if item:
        df = df.loc[df["item"].astype(str).str.startswith(item)]
    df = df.reset_index(drop=True)
    df.attrs.update(
        as_of=str(proj.attrs.get("as_of")),
        snapshot_hash=str(proj.attrs.get("snapshot_hash", "")),
        synthetic=bool(proj.attrs.get("synthetic")),
        horizon=int(proj.sizes["week"]),
    )
    return df
