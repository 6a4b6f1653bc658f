"""Holder-level flows: donors and recipients stacked on one ``holder`` axis.

Every (holder, item) pair becomes a column ``m`` of (week, pair) arrays, donors first, so
the projection and the Monte Carlo share one arithmetic:

    C[t] = x0 + f · A[t] + G_k[t] − CC[t]        (cumulative position, may go negative)
    L[t] = min(0, C[0..t])                       (running minimum below zero)
    S[t] = C[t] − L[t]                           (stock, never negative: Lindley recursion)

with A the cumulative order arrivals (production; f the achieved fraction), G_k the
cumulative scheduled pledge flows slipped by k weeks (pin in, max(outflow, pout) out), CC
the cumulative consumption (recipients). A week is *short* when L falls (the holder could
not meet its outflow); unmet consumption is not back-ordered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import xarray as xr

from materiel.forecast.scenarios import ScenarioSpec

__all__ = ["Flows", "build_flows", "shift"]


def shift(x: np.ndarray, k: int) -> np.ndarray:
    """Delay a (week, …) array by ``k`` weeks (what falls past the horizon is dropped)."""
    if k <= 0:
        return x
    out = np.zeros_like(x)
    if k < x.shape[0]:
        out[k:] = x[:-k]
    return out


@dataclass(frozen=True)
class Flows:
    holders: list[str]
    holder_kind: list[str]  # donor | recipient
    items: list[str]
    week_start: list[dt.date]
    x0: np.ndarray  # (M,) opening stock
    floor: np.ndarray  # (W, M) target (0 for recipients)
    arrivals: np.ndarray  # (W, M) order arrivals per week (production)
    sched_in: np.ndarray  # (W, M) pledge remainders arriving (recipients)
    sched_out: np.ndarray  # (W, M) pledge remainders drawn from stock (donors)
    base_out: np.ndarray  # (M,) recent weekly outflow (donors)
    consumption: np.ndarray  # (W, M) mean consumption incl. surge (recipients)
    cv: np.ndarray  # (M,) CV of weekly consumption
    n_donor_pairs: int

    @property
    def weeks(self) -> int:
        return int(self.floor.shape[0])

    @property
    def pairs(self) -> int:
        return int(self.x0.shape[0])

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.holders), len(self.items)

    def scheduled_net(self, k: int) -> np.ndarray:
        """(W, M) weekly scheduled net flow when pledge remainders slip by ``k`` weeks."""
        draw = np.maximum(self.base_out[None, :], shift(self.sched_out, k))
        return shift(self.sched_in, k) - draw

    def cumulative_scheduled(self, k: int) -> np.ndarray:
        """(W, M) cumulative scheduled net flow plus opening stock, slipped by ``k``."""
        return self.x0[None, :] + np.cumsum(self.scheduled_net(k), axis=0)

    def unstack(self, a: np.ndarray) -> np.ndarray:
        """(…, W, M) → (…, holder, item, week)."""
        h, i = self.shape
        lead = a.shape[:-2]
        return np.moveaxis(a.reshape(*lead, a.shape[-2], h, i), -3, -1)


def build_flows(snapshot: xr.Dataset, spec: ScenarioSpec | None = None) -> Flows:
    """Stack the snapshot's donor and recipient variables into (week, pair) arrays."""
    spec = spec or ScenarioSpec()
    ds = snapshot
    nations = [str(x) for x in ds["nation"].values]
    recipients = [str(x) for x in ds["recipient"].values]
    items = [str(x) for x in ds["item"].values]
    w = int(ds.sizes["week"])
    n, r, i = len(nations), len(recipients), len(items)

    def wk(name: str, dim: str) -> np.ndarray:
        """(holder-of-dim, item, week) values → (week, holder*item)."""
        a = ds[name].transpose(dim, "item", "week").values.astype(np.float64)
        return np.moveaxis(a, -1, 0).reshape(w, -1)

    zn = np.zeros((w, n * i))
    zr = np.zeros((w, r * i))
    cons = wk("consumption", "recipient")  # the surge is already in the snapshot
    cv = spec.cv_array(recipients, items)
    if "consumption_cv" in ds:
        snap_cv = ds["consumption_cv"].transpose("recipient", "item").values.astype(np.float64)
        cv = np.where(snap_cv > 0, snap_cv, cv)
    if "week_start" in ds.coords:
        starts = [dt.date.fromisoformat(str(v)[:10]) for v in ds["week_start"].values]
    else:
        base = dt.date.fromisoformat(str(ds.attrs["as_of"]))
        base -= dt.timedelta(days=base.weekday())
        starts = [base + dt.timedelta(weeks=k) for k in range(w)]
    labels = nations + [c if c not in nations else f"{c} (recipient)" for c in recipients]
    return Flows(
        holders=labels,
        holder_kind=["donor"] * n + ["recipient"] * r,
        items=items,
        week_start=starts,
        x0=np.concatenate(
            [
                ds["s0"].transpose("nation", "item").values.ravel(),
                ds["r0"].transpose("recipient", "item").values.ravel(),
            ]
        ).astype(np.float64),
        floor=np.concatenate([wk("floor", "nation"), zr], axis=1),
        arrivals=np.concatenate([wk("arrive_n", "nation"), wk("arrive_r", "recipient")], axis=1),
        sched_in=np.concatenate([zn, wk("pin", "recipient")], axis=1),
        sched_out=np.concatenate([wk("pout", "nation"), zr], axis=1),
        base_out=np.concatenate(
            [ds["outflow"].transpose("nation", "item").values.ravel(), np.zeros(r * i)]
        ).astype(np.float64),
        consumption=np.concatenate([zn, cons], axis=1),
        cv=np.concatenate([np.zeros(n * i), cv.ravel()]),
        n_donor_pairs=n * i,
    )
