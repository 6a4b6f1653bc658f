"""Status-quo projection: "at the current rate, when does each stock fall below target?"

For every holder (each donor and each recipient) and item, stock week by week at the
recent outflow (donors: the snapshot's moving average of deliveries, or the scheduled
pledge remainders when higher; recipients: consumption) plus scheduled arrivals (orders
already placed, pledge remainders) — see :mod:`materiel.forecast.flows` for the
arithmetic, shared with the Monte Carlo. Both sides balance: what the donors give at the
recent rate beyond their scheduled pledges is credited to the recipients. Everything is
vectorised over (week, holder·item) with cumulative sums.

A stock with no report is unknown: its level, weeks of supply and crossing week are NaN
(``stock_known`` False), and :func:`ranking` lists it after every known stock.

Alliance-wide: production (``cap_full`` of the lines, by ``line_item``, times the scenario's
production achievement) against the recipients' consumption gives the structural gap; the
alliance stock Σ s0 + Σ (production − consumption) is compared with the aggregate target
Σ floor to date when it reaches it.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import xarray as xr

from materiel.forecast.flows import Flows, build_flows
from materiel.forecast.scenarios import ScenarioSpec

__all__ = ["alliance_table", "gap_by_month", "project", "ranking"]

WEEKS_PER_MONTH = 365.25 / 12 / 7


def _first_true(mask: np.ndarray, axis: int = 0) -> np.ndarray:
    """Index of the first True along ``axis``; -1 where none."""
    idx = np.argmax(mask, axis=axis)
    return np.where(mask.any(axis=axis), idx, -1)


def _stocks(fl: Flows, production: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(W, M) position C, running minimum L and stock S (the Monte Carlo's arithmetic)."""
    # summed in the Monte Carlo's order, so that without spreads the two agree exactly
    c = production * np.cumsum(fl.arrivals, axis=0) + (
        fl.cumulative_scheduled(0) + fl.cumulative_rate()
    )
    md = fl.n_donor_pairs
    c[:, md:] -= np.cumsum(fl.consumption[:, md:], axis=0)
    low = np.minimum.accumulate(np.minimum(c, 0.0), axis=0)
    return c, low, c - low


def project(
    snapshot: xr.Dataset, spec: ScenarioSpec | None = None, window: int | None = None
) -> xr.Dataset:
    """Deterministic projection of every holder's stock; see the module docstring.

    ``window`` is the outflow moving-average window in weeks: the snapshot holds the outflow
    averaged over ``attrs["outflow_window_weeks"]``; another window needs a snapshot built
    with it (``build_snapshot(..., outflow_window_weeks=window)``).
    """
    have = snapshot.attrs.get("outflow_window_weeks")
    if window is not None and have is not None and int(have) != int(window):
        raise ValueError(
            f"the snapshot's outflow is a {have}-week moving average, not {window}: "
            f"build the snapshot with outflow_window_weeks={window}"
        )
    scenario = spec.name if spec is not None else str(snapshot.attrs.get("scenario", ""))
    spec = spec or ScenarioSpec()
    fl = build_flows(snapshot, spec)
    w = fl.weeks
    _, low, stock = _stocks(fl, spec.production_mean)
    prev_low = np.vstack([np.zeros((1, fl.pairs)), low[:-1]])
    short = low < prev_low
    unmet = prev_low - low
    below = stock < fl.floor
    md = fl.n_donor_pairs
    crossed = below.copy()
    crossed[:, md:] = short[:, md:]
    first = _first_true(crossed).astype(float)
    first[first < 0] = np.nan

    # weekly use: donors draw max(outflow, pledge remainder); recipients consume
    # (the rate the donor would keep up, even where its stock runs dry before the horizon)
    draw = np.maximum(fl.base_out[None, :], fl.sched_out)
    draw[:, md:] = fl.consumption[:, md:]
    use = draw.mean(axis=0)
    inflow = np.where(np.arange(fl.pairs) >= md, fl.status_quo_net(), 0.0).mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        wos = np.where(use > 0, fl.x0 / use, np.inf)
    # beyond the horizon: extrapolate the last week's net change
    net_last = stock[-1] - stock[-2] if w >= 2 else np.zeros(fl.pairs)
    gap_end = stock[-1] - fl.floor[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        # first k ≥ 1 with stock_end + k·net < floor
        extra = np.where(net_last < 0, np.floor(gap_end / -net_last) + 1, np.nan)
    beyond = np.isnan(first) & np.isfinite(extra)
    cross = np.where(beyond, (w - 1) + np.maximum(extra, 1), first)
    # an unknown stock: no level, no weeks of supply, no crossing (not "0 weeks")
    unknown = ~fl.known
    stock = np.where(unknown[None, :], np.nan, stock)
    unmet = np.where(unknown[None, :], np.nan, unmet)
    short &= fl.known[None, :]
    below &= fl.known[None, :]
    x0 = np.where(unknown, np.nan, fl.x0)
    wos = np.where(unknown, np.nan, wos)
    cross = np.where(unknown, np.nan, cross)
    beyond &= fl.known

    dims = ("holder", "item", "week")
    pair_dims = ("holder", "item")
    h, i = fl.shape

    def pair(a: np.ndarray) -> np.ndarray:
        return a.reshape(h, i)

    # alliance: production by item vs consumption
    items = fl.items
    line_items = [str(x) for x in snapshot["line_item"].values] if "line_item" in snapshot else []
    cap_full = (
        snapshot["cap_full"].transpose("line", "week").values.astype(np.float64)
        if snapshot.sizes.get("line", 0)
        else np.zeros((0, w))
    )
    line_of = pd.Index(items).get_indexer(pd.Index(line_items))  # item row of each line
    production = np.zeros((len(items), w))  # (item, week)
    known = line_of >= 0
    np.add.at(production, line_of[known], cap_full[known])
    production *= spec.production_mean
    consumption = snapshot["consumption"].sum("recipient").transpose("item", "week").values
    s0_total = snapshot["s0"].sum("nation").values.astype(np.float64)
    alliance = s0_total[:, None] + np.cumsum(production - consumption, axis=1)
    target = snapshot["floor"].sum("nation").transpose("item", "week").values.astype(np.float64)
    above0 = s0_total >= target[:, 0]
    changed = np.where(above0[:, None], alliance < target, alliance >= target)
    reach = _first_true(changed, axis=1).astype(float)
    reach[reach < 0] = np.nan
    slope = (production - consumption).mean(axis=1)  # extrapolated at the mean net rate
    gap_end_a = alliance[:, -1] - target[:, -1]
    with np.errstate(divide="ignore", invalid="ignore"):
        ext = np.where(
            (np.sign(gap_end_a) * np.sign(slope) < 0) & (slope != 0),
            np.floor(np.abs(gap_end_a / slope)) + 1,
            np.nan,
        )
    reach_beyond = np.isnan(reach) & np.isfinite(ext)
    reach = np.where(reach_beyond, (w - 1) + np.maximum(ext, 1), reach)
    has_target = target.max(axis=1) > 0 if w else np.zeros(len(items), bool)
    reach = np.where(has_target, reach, np.nan)
    reach_beyond &= has_target

    ds = xr.Dataset(
        {
            "stock": (dims, fl.unstack(stock)),
            "floor": (dims, fl.unstack(fl.floor)),
            "short": (dims, fl.unstack(short)),
            "unmet": (dims, fl.unstack(unmet)),
            "below_target": (dims, fl.unstack(below)),
            "stock_now": (pair_dims, pair(x0)),
            "stock_known": (pair_dims, pair(fl.known)),
            "target_now": (pair_dims, pair(fl.floor[0])),
            "weekly_use": (pair_dims, pair(use)),
            "weekly_inflow": (pair_dims, pair(inflow)),
            "weeks_of_supply": (pair_dims, pair(wos)),
            "days_of_supply": (pair_dims, pair(wos * 7)),
            "cross_week": (pair_dims, pair(cross)),
            "cross_beyond_horizon": (pair_dims, pair(beyond)),
            "alliance_production": (("item", "week"), production),
            "alliance_consumption": (("item", "week"), consumption),
            "alliance_stock": (("item", "week"), alliance),
            "alliance_stock_now": (("item",), s0_total),
            "alliance_target": (("item", "week"), target),
            "alliance_reach_week": (("item",), reach),
            "alliance_reach_beyond_horizon": (("item",), reach_beyond),
            "alliance_above_target_now": (("item",), above0),
            "alliance_has_target": (("item",), has_target),
        },
        coords={
            "holder": fl.holders,
            "holder_kind": ("holder", fl.holder_kind),
            "item": fl.items,
            "week": np.arange(w),
            "week_start": ("week", np.array(fl.week_start, dtype="datetime64[D]")),
        },
        attrs={
            "kind": "projection",
            "as_of": str(snapshot.attrs.get("as_of", "")),
            "scenario": scenario,
            "production_mean": spec.production_mean,
            "outflow_window_weeks": int(have) if have is not None else None,
            "snapshot_hash": str(snapshot.attrs.get("content_hash", "")),
            "synthetic": bool(snapshot.attrs.get("synthetic", False)),
            "sources": str(snapshot.attrs.get("sources", "{}")),
        },
    )
    if ds.attrs["outflow_window_weeks"] is None:
        del ds.attrs["outflow_window_weeks"]
    return ds


def _start(proj: xr.Dataset) -> dt.date:
    return pd.Timestamp(proj["week_start"].values[0]).date()


def _date_of(start: dt.date, weeks: float) -> dt.date | None:
    if not np.isfinite(weeks):
        return None
    return start + dt.timedelta(weeks=float(weeks))


def ranking(proj: xr.Dataset, *, include_idle: bool = False) -> pd.DataFrame:
    """One row per holder and item, worst first: earliest crossing of the target (for a
    recipient: the first week of shortfall), then fewest weeks of supply; stocks with no
    report (``stock_known`` False: unknown, never "0 weeks of supply") come last."""
    df = (
        proj[
            [
                "stock_now",
                "stock_known",
                "target_now",
                "weekly_use",
                "weeks_of_supply",
                "days_of_supply",
                "cross_week",
                "cross_beyond_horizon",
            ]
        ]
        .to_dataframe()
        .reset_index()
    )
    df["stock_end"] = proj["stock"].isel(week=-1).values.ravel()
    if not include_idle:
        moving = proj["stock"].fillna(0).max("week").values.ravel() > 0
        df = df[(df["weekly_use"] > 0) | (df["stock_now"] > 0) | moving]
    start = _start(proj)
    df["cross_date"] = [_date_of(start, w) for w in df["cross_week"]]
    df["kind"] = df["holder_kind"]
    df["_unknown"] = ~df["stock_known"].astype(bool)
    df = df.sort_values(
        ["_unknown", "cross_week", "weeks_of_supply", "holder", "item"],
        na_position="last",
        kind="stable",
    )
    cols = [
        "holder",
        "kind",
        "item",
        "stock_known",
        "stock_now",
        "target_now",
        "weekly_use",
        "weeks_of_supply",
        "days_of_supply",
        "cross_week",
        "cross_date",
        "cross_beyond_horizon",
        "stock_end",
    ]
    return df[cols].reset_index(drop=True)


def gap_by_month(proj: xr.Dataset) -> pd.DataFrame:
    """Structural gap per calendar month and item: consumption − production, as monthly
    rates (mean weekly rate of the weeks starting in the month × 365.25 / 12 / 7)."""
    starts = pd.to_datetime(proj["week_start"].values)
    month = starts.strftime("%Y-%m")
    prod = pd.DataFrame(proj["alliance_production"].values.T, columns=proj["item"].values)
    cons = pd.DataFrame(proj["alliance_consumption"].values.T, columns=proj["item"].values)
    prod["month"] = month
    cons["month"] = month
    p = prod.groupby("month").mean().stack() * WEEKS_PER_MONTH
    c = cons.groupby("month").mean().stack() * WEEKS_PER_MONTH
    out = pd.DataFrame({"production": p, "consumption": c})
    out.index.names = ["month", "item"]
    out = out.reset_index()
    out["gap"] = out["consumption"] - out["production"]
    return out[["item", "month", "production", "consumption", "gap"]].sort_values(
        ["item", "month"], ignore_index=True
    )


def alliance_table(proj: xr.Dataset) -> pd.DataFrame:
    """Per item: monthly production and consumption rates, the structural gap per month,
    alliance stock against its aggregate target and the date it reaches the target."""
    start = _start(proj)
    prod = proj["alliance_production"].mean("week").values * WEEKS_PER_MONTH
    cons = proj["alliance_consumption"].mean("week").values * WEEKS_PER_MONTH
    reach = proj["alliance_reach_week"].values
    above = proj["alliance_above_target_now"].values
    direction = np.where(
        np.isnan(reach),
        np.where(above, "stays above target", "stays below target"),
        np.where(above, "falls to target", "recovers to target"),
    )
    direction = np.where(proj["alliance_has_target"].values, direction, "no target set")
    df = pd.DataFrame(
        {
            "item": proj["item"].values,
            "production_per_month": prod,
            "consumption_per_month": cons,
            "gap_per_month": cons - prod,
            "alliance_stock": proj["alliance_stock_now"].values,
            "aggregate_target": proj["alliance_target"].values[:, 0],
            "reach_week": reach,
            "reach_date": [_date_of(start, w) for w in reach],
            "beyond_horizon": proj["alliance_reach_beyond_horizon"].values,
            "outlook": direction,
        }
    )
    active = (df["production_per_month"] > 0) | (df["consumption_per_month"] > 0)
    active |= (df["alliance_stock"] > 0) | (df["aggregate_target"] > 0)
    return df[active].sort_values("gap_per_month", ascending=False, ignore_index=True)
