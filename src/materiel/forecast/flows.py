"""Holder-level flows: donors and recipients stacked on one ``holder`` axis.

Every (holder, item) pair becomes a column ``m`` of (week, pair) arrays, donors first, so
the projection and the Monte Carlo share one arithmetic:

    C[t] = x0 + f · A[t] + G_k[t] + g · E[t] − CC[t]   (cumulative position, may go negative)
    L[t] = min(0, C[0..t])                             (running minimum below zero)
    S[t] = C[t] − L[t]                                 (stock, never negative: Lindley)

with A the cumulative order arrivals (production; f the achieved fraction), G_k the
cumulative scheduled pledge flows slipped by k weeks (pin in, pout out), E the cumulative
flow *at the recent rate* beyond the scheduled pledges (g the rate achieved), CC the
cumulative consumption (recipients). A week is *short* when L falls (the holder could not
meet its outflow); unmet consumption is not back-ordered.

**Both sides balance** (docs/figures.md, "Stock outlook"). A donor gives at its recent
weekly outflow (moving average of deliveries) or its scheduled pledge remainders when those
are higher: each week it draws ``pout`` plus ``extra = max(outflow − pout, 0)``. What it
draws reaches the recipients: ``pin`` carries the scheduled pledges, and the ``extra`` of
every donor of an item is credited to the recipients of that item, split in proportion to
their consumption of the item (their scheduled pledge arrivals when none consumes it, else
equally). So Σ over donors of ``extra`` equals Σ over recipients of what they are credited,
item by item and week by week.

A stock with no report (``s0_known`` / ``r0_known`` False) is *unknown*: its flows are
computed (they are facts) but its level, weeks of supply and risks are not (NaN).
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
    rate_flow: np.ndarray  # (W, M) flow at the recent rate beyond pledges (−donors, +recipients)
    known: np.ndarray  # (M,) bool: the opening stock is reported
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
        """(W, M) weekly scheduled pledge flow (in − out) when it slips by ``k`` weeks."""
        return shift(self.sched_in, k) - shift(self.sched_out, k)

    def cumulative_scheduled(self, k: int) -> np.ndarray:
        """(W, M) cumulative scheduled net flow plus opening stock, slipped by ``k``."""
        return self.x0[None, :] + np.cumsum(self.scheduled_net(k), axis=0)

    def cumulative_rate(self) -> np.ndarray:
        """(W, M) cumulative flow at the recent rate beyond the scheduled pledges."""
        return np.cumsum(self.rate_flow, axis=0)

    def status_quo_net(self) -> np.ndarray:
        """(W, M) weekly net flow of the status quo without slippage (no consumption, no
        production): pledges plus the flow at the recent rate."""
        return self.scheduled_net(0) + self.rate_flow

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
    pout = ds["pout"].transpose("nation", "item", "week").values.astype(np.float64)
    outflow = ds["outflow"].transpose("nation", "item").values.astype(np.float64)
    known = np.concatenate(
        [
            _known(ds, "s0_known", ("nation", "item")),
            _known(ds, "r0_known", ("recipient", "item")),
        ]
    )
    extra = _given_beyond_pledges(ds, outflow, pout, spec, known[: n * i].reshape(n, i))
    credit = _recipient_share(ds)[:, :, None] * extra.sum(axis=0)[None]  # (r, i, w)
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
        rate_flow=np.concatenate(
            [
                -np.moveaxis(extra, -1, 0).reshape(w, -1),
                np.moveaxis(credit, -1, 0).reshape(w, -1),
            ],
            axis=1,
        ),
        known=known,
        consumption=np.concatenate([zn, cons], axis=1),
        cv=np.concatenate([np.zeros(n * i), cv.ravel()]),
        n_donor_pairs=n * i,
    )


def _given_beyond_pledges(
    ds: xr.Dataset, outflow: np.ndarray, pout: np.ndarray, spec: ScenarioSpec, known: np.ndarray
) -> np.ndarray:
    """(n, i, w) what each donor gives at its recent rate beyond its scheduled pledges:
    ``max(outflow − pout, 0)`` a week, except that a donor whose known stock runs dry in the
    status quo (opening stock, production at ``production_mean``, pledges first) gives only
    what it has — so the recipients are never credited with stock that does not exist."""
    want = np.maximum(outflow[:, :, None] - pout, 0.0)
    arrive = ds["arrive_n"].transpose("nation", "item", "week").values.astype(np.float64)
    s0 = ds["s0"].transpose("nation", "item").values.astype(np.float64)
    c = s0[:, :, None] + np.cumsum(spec.production_mean * arrive - pout - want, axis=2)
    low = np.minimum.accumulate(np.minimum(c, 0.0), axis=2)
    prev = np.concatenate([np.zeros_like(low[:, :, :1]), low[:, :, :-1]], axis=2)
    unmet = prev - low  # the week's draw the stock could not meet: the extra goes first
    given = np.maximum(want - unmet, 0.0)
    return np.where(known[:, :, None], given, want)


def _known(ds: xr.Dataset, name: str, dims: tuple[str, str]) -> np.ndarray:
    """(holders·items,) the ``*_known`` mask; every stock is known in a snapshot without it."""
    if name not in ds:
        return np.ones(ds.sizes[dims[0]] * ds.sizes[dims[1]], bool)
    return ds[name].transpose(*dims).values.astype(bool).ravel()


def _recipient_share(ds: xr.Dataset) -> np.ndarray:
    """(recipient, item) share of the donors' flow at the recent rate each recipient is
    credited with: its share of the item's consumption, else of its scheduled pledge
    arrivals, else equal shares (each item's shares sum to 1 when there is a recipient)."""
    r = ds.sizes["recipient"]
    if r == 0:
        return np.zeros((0, ds.sizes["item"]))
    out = np.full((r, ds.sizes["item"]), 1.0 / r)
    for name in ("pin", "consumption"):  # the later one wins where it says something
        weight = ds[name].sum("week").transpose("recipient", "item").values.astype(np.float64)
        total = weight.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(total > 0, weight / total, out)
    return out
