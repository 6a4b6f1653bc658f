"""Monte Carlo of stocks under a scenario: chunked, seeded, bounded memory.

Draws per path:

- consumption: each recipient/item/week the snapshot mean (with the scenario surge) times a
  lognormal factor of mean 1 and the scenario CV (σ² = ln(1 + cv²), μ = −σ²/2), times one
  level factor per path, recipient and item (lognormal, mean 1, ``consumption_level_cv``):
  the intensity of the fighting persists, where weekly noise averages out;
- the rate of giving: per path and item one factor (lognormal, mean 1, ``rate_cv``) on the
  donors' flow at the recent rate beyond their scheduled pledges — and on what the
  recipients are credited with, so both sides move together;
- production: per path and item a fraction of scheduled order arrivals, normal
  (production_mean, production_sd) clipped to [0, 1];
- slippage: per path and holder/item, the scheduled pledge remainders (pin, pout) slip with
  probability slip_probability by a uniform 1..slip_weeks weeks.

Stocks follow :mod:`materiel.forecast.flows` (cumulative position, running minimum below
zero, stock never negative). The simulation walks the weeks in order and keeps, per chunk
of paths, only (paths_chunk, pairs) slabs: the running minimum, cumulative consumption and
"breached so far" flags. Per week it adds to running totals over paths: the stock sum, the
running-minimum sum (mean unmet = its weekly decrease), counts of shortfall and breach in
the week and by the week.

Quantiles are exact order statistics (numpy's "linear" rule) over a reservoir made of the
first ``quantile_paths`` paths (paths are i.i.d., so this is an unbiased sample; all paths
when ``quantile_paths`` is None). Memory is therefore bounded by
``chunk_paths × pairs`` (plus ``chunk_paths × weeks × recipient pairs`` of consumption
draws) per worker and ``quantile_paths × weeks × pairs`` for the reservoir, whatever the
number of paths; probabilities and means use every path.

A stock with no report (``s0_known``/``r0_known`` False) is unknown: it is not simulated
and every figure of it is NaN (``stock_known`` False) — never a certain shortfall.

Pairs that no draw affects (for instance a donor stock with no order arrivals and no
pledge remainder that could slip) are computed once as a single path and counted for
every path (``fold_deterministic``); only the others are simulated.

Reproducibility: chunk ``c`` draws from ``Generator(PCG64(SeedSequence(seed).spawn(n)[c]))``
and chunk results are reduced in chunk order, so a (seed, chunk_paths) pair gives identical
results for any number of workers (threads; numpy releases the GIL in its loops).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np
import xarray as xr

from materiel.forecast.flows import Flows, build_flows
from materiel.forecast.scenarios import ScenarioSpec, spec_from_snapshot

__all__ = ["PRODUCT_DTYPE", "PRODUCT_WORKERS", "QUANTILES", "simulate"]

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)

#: The setting every product path uses (CLI, jobs, pages, brief: the defaults of
#: :func:`simulate`) and the one ``make bench`` measures first (docs/benchmarks.md): float32
#: halves the memory traffic of the weekly loop; two threads (numpy releases the GIL), and
#: the results do not depend on the number of workers.
PRODUCT_DTYPE: type[np.floating] = np.float32
PRODUCT_WORKERS = 2

Progress = Callable[[int, int], None]


@dataclass
class _Prepared:
    fl: Flows
    spec: ScenarioSpec
    dtype: type[np.floating]
    cum_arrivals: np.ndarray  # (W, M)
    sched: np.ndarray  # (K+1, W, M) x0 + cumulative scheduled net flow slipped by k
    slip_delta: np.ndarray  # (W, K*M) sched[k] - sched[0] for k = 1..K
    floor: np.ndarray  # (W, M)
    pair_item: np.ndarray  # (M,)
    cum_rate: np.ndarray | None  # (W, M) cumulative flow at the recent rate (when drawn)
    consumption: np.ndarray  # (W, R) recipient pairs
    sigma: np.ndarray  # (R,)
    mu: np.ndarray  # (R,)
    random_consumption: bool
    md: int  # number of donor pairs: recipient pairs are [md:]


@dataclass
class _Partial:
    paths: int
    sum_stock: np.ndarray  # (W, M) float64
    sum_low: np.ndarray  # (W, M) float64, sum of running minimum (≤ 0)
    n_short: np.ndarray  # (W, M) int64
    n_short_by: np.ndarray
    n_breach: np.ndarray
    n_breach_by: np.ndarray


def _prepare(
    fl: Flows, spec: ScenarioSpec, dtype: type[np.floating], pairs: np.ndarray
) -> _Prepared:
    """Arrays of the pairs ``pairs`` (sorted indices: donor pairs first) in ``dtype``."""
    kmax = spec.slip_weeks if spec.slip_probability > 0 else 0
    sched = np.stack([fl.cumulative_scheduled(k)[:, pairs] for k in range(kmax + 1)])
    cum_rate = fl.cumulative_rate()[:, pairs]
    drawn_rate = spec.rate_cv > 0 and bool(np.any(cum_rate != 0))
    if not drawn_rate:  # the rate flow is then a fixed part of the schedule
        sched = sched + cum_rate[None]
    sched = sched.astype(dtype)
    md = int(np.count_nonzero(pairs < fl.n_donor_pairs))
    rec = pairs[md:]
    cv = fl.cv[rec]
    consumption = fl.consumption[:, rec]
    sigma2 = np.log1p(cv**2)
    return _Prepared(
        fl=fl,
        spec=spec,
        dtype=dtype,
        cum_arrivals=np.cumsum(fl.arrivals[:, pairs], axis=0).astype(dtype),
        sched=sched,
        slip_delta=np.ascontiguousarray(
            (sched[1:] - sched[:1]).transpose(1, 0, 2).reshape(sched.shape[1], -1)
        ),
        floor=fl.floor[:, pairs].astype(dtype),
        pair_item=np.tile(np.arange(len(fl.items)), len(fl.holders))[pairs],
        cum_rate=cum_rate.astype(dtype) if drawn_rate else None,
        consumption=consumption.astype(dtype),
        sigma=np.sqrt(sigma2).astype(dtype),
        mu=(-sigma2 / 2).astype(dtype),
        random_consumption=bool(
            np.any(((cv > 0) | (spec.consumption_level_cv > 0)) & (consumption > 0).any(axis=0))
        ),
        md=md,
    )


def _stochastic(fl: Flows, spec: ScenarioSpec) -> np.ndarray:
    """(M,) bool: pairs whose trajectory depends on a draw (the others are computed once)."""
    varies = np.zeros(fl.pairs, bool)
    if spec.production_sd > 0:
        varies |= (fl.arrivals != 0).any(axis=0)
    if spec.slip_probability > 0 and spec.slip_weeks > 0:
        base = fl.cumulative_scheduled(0)
        for k in range(1, spec.slip_weeks + 1):
            varies |= (fl.cumulative_scheduled(k) != base).any(axis=0)
    if spec.rate_cv > 0:
        varies |= (fl.rate_flow != 0).any(axis=0)
    md = fl.n_donor_pairs
    cv = (fl.cv[md:] > 0) | (spec.consumption_level_cv > 0)
    varies[md:] |= cv & (fl.consumption[:, md:] > 0).any(axis=0)
    return varies & fl.known  # an unknown stock is not simulated (its figures are NaN)


def _run_chunk(
    pp: _Prepared, paths: int, seq: np.random.SeedSequence, sample: np.ndarray | None
) -> _Partial:
    """Simulate ``paths`` paths; write the stocks of the first ``sample.shape[1]`` paths into
    ``sample`` (W, keep, M) for quantiles."""
    spec, dt_ = pp.spec, pp.dtype
    rng = np.random.Generator(np.random.PCG64(seq))
    w, m = pp.floor.shape
    md = pp.md
    n_items = len(pp.fl.items)

    f: np.ndarray | None = None  # achieved production share per (path, pair)
    if spec.production_sd > 0:
        f_item = rng.normal(spec.production_mean, spec.production_sd, (paths, n_items))
        np.clip(f_item, 0.0, 1.0, out=f_item)
        # indexing the columns gives a Fortran-ordered array: make it C-ordered like ``c``
        # (mixed layouts make every weekly multiply 5× slower)
        f = np.ascontiguousarray(f_item.astype(dt_)[:, pp.pair_item])
    produced = (spec.production_mean * pp.cum_arrivals).astype(dt_)  # when f is constant
    g: np.ndarray | None = None  # rate of giving achieved, per (path, pair)
    if pp.cum_rate is not None:
        s2 = np.log1p(spec.rate_cv**2)
        g_item = rng.lognormal(-s2 / 2, np.sqrt(s2), (paths, n_items))
        g = np.ascontiguousarray(g_item.astype(dt_)[:, pp.pair_item])
    kmax = pp.sched.shape[0] - 1
    if kmax > 0:
        # slipped (path, pair) entries are sparse: keep their flat positions and where to
        # read their slipped schedule (row k-1 of the per-week delta table)
        slipped = rng.random((paths, m)) < spec.slip_probability
        weeks = rng.integers(1, kmax + 1, (paths, m))
        slip_at = np.flatnonzero(slipped)
        slip_src = (weeks.ravel()[slip_at] - 1) * m + slip_at % m
    count_t = np.uint16 if paths < 2**16 else np.uint32

    def count(flags: np.ndarray) -> np.ndarray:
        return np.add.reduce(flags.view(np.uint8), axis=0, dtype=count_t)

    low = np.zeros((paths, m), dt_)
    new_low = np.empty_like(low)
    c = np.empty_like(low)
    tmp = np.empty_like(low) if g is not None else low
    flag = np.empty((paths, m), bool)
    breached = np.zeros((paths, m), bool)
    # cumulative consumption of the recipients' pairs, (W, P, R), drawn for the whole chunk
    cons = np.broadcast_to(pp.consumption[:, None, :], (w, paths, m - md))
    if pp.random_consumption:
        z = rng.standard_normal((w, paths, m - md)).astype(dt_)
        z *= pp.sigma
        z += pp.mu
        np.exp(z, out=z)
        z *= cons
        if spec.consumption_level_cv > 0:
            s2 = np.log1p(spec.consumption_level_cv**2)
            z *= rng.lognormal(-s2 / 2, np.sqrt(s2), (paths, m - md)).astype(dt_)
        cum_cons = np.cumsum(z, axis=0, out=z)
    else:
        cum_cons = np.cumsum(cons, axis=0)
    out = _empty(paths, w, m)
    keep = 0 if sample is None else sample.shape[1]
    for t in range(w):
        if f is not None:
            np.multiply(f, pp.cum_arrivals[t], out=c)
        else:
            c[...] = produced[t]
        c += pp.sched[0, t]
        if g is not None and pp.cum_rate is not None:
            np.multiply(g, pp.cum_rate[t], out=tmp)
            c += tmp
        if kmax > 0:
            np.add.at(c.reshape(-1), slip_at, pp.slip_delta[t][slip_src])
        if m > md:
            c[:, md:] -= cum_cons[t]
        np.minimum(low, c, out=new_low)
        if m > md:  # recipients only: shortfall in / by week t and unmet consumption
            low_r = new_low[:, md:]
            out.n_short[t, md:] = count(np.less(low_r, low[:, md:], out=flag[:, md:]))
            out.n_short_by[t, md:] = count(np.less(low_r, 0, out=flag[:, md:]))
            out.sum_low[t, md:] = np.add.reduce(low_r, axis=0)
        s = np.subtract(c, new_low, out=c)  # the stock, in place of the position
        np.less(s, pp.floor[t], out=flag)
        out.n_breach[t] = count(flag)
        breached |= flag
        out.n_breach_by[t] = count(breached)
        out.sum_stock[t] = np.add.reduce(s, axis=0)
        if keep:
            assert sample is not None
            sample[t] = s[:keep]
        low, new_low = new_low, low
    return out


def _chunks(paths: int, chunk_paths: int) -> list[int]:
    n = -(-paths // chunk_paths)
    return [min(chunk_paths, paths - j * chunk_paths) for j in range(n)]


def _quantiles(sample: np.ndarray, qs: tuple[float, ...]) -> np.ndarray:
    """(W, Q, M) → (len(qs), W, M) with numpy's linear interpolation. Week by week the
    (Q, M) slab is transposed to (M, Q) and sorted along its contiguous last axis (SIMD
    sort); the simulation writes the sample path-major because that copy is contiguous."""
    w, n, m = sample.shape
    out = np.empty((len(qs), w, m))
    idx = []
    for q in qs:
        pos = (n - 1) * q
        lo = int(np.floor(pos))
        idx.append((lo, min(lo + 1, n - 1), pos - lo))
    srt = np.empty((m, n), sample.dtype)
    for t in range(w):
        np.copyto(srt, sample[t].T)
        srt.sort(axis=-1)
        for j, (lo, hi, frac) in enumerate(idx):
            a = srt[:, lo].astype(np.float64)
            out[j, t] = a if frac == 0 else a + (srt[:, hi].astype(np.float64) - a) * frac
    return out


def simulate(
    snapshot: xr.Dataset,
    spec: ScenarioSpec | None = None,
    paths: int = 10_000,
    seed: int = 0,
    chunk_paths: int = 128,
    workers: int = PRODUCT_WORKERS,
    *,
    quantile_paths: int | None = 1000,
    quantiles: tuple[float, ...] = QUANTILES,
    dtype: type[np.floating] = PRODUCT_DTYPE,
    fold_deterministic: bool = True,
    progress: Progress | None = None,
) -> xr.Dataset:
    """Monte Carlo of every holder's stock of every item over the snapshot horizon.

    Returns a Dataset over (holder, item, week[, quantile]) with ``p_breach`` /
    ``p_breach_by`` (stock below target that week / at least once by then), ``mean_stock``
    and ``stock_q`` (quantiles of stock); for recipients also ``p_short`` (probability of a
    shortfall that week: stock cannot cover consumption), ``p_short_by`` (short at least once
    by then) and ``mean_unmet`` (expected consumption not met) — NaN for donors, whose risk
    is the target breach.

    ``fold_deterministic``: pairs that no draw affects (no order arrivals when production
    has no spread, no scheduled pledge flow when nothing slips, no consumption spread) are
    computed once, as one path, and counted for every path; the others are simulated.
    """
    if paths <= 0 or chunk_paths <= 0 or workers <= 0:
        raise ValueError("paths, chunk_paths and workers must be positive")
    spec = spec or spec_from_snapshot(snapshot)
    started = time.perf_counter()
    fl = build_flows(snapshot, spec)
    varies = _stochastic(fl, spec) if fold_deterministic else np.ones(fl.pairs, bool)
    pp = _prepare(fl, spec, dtype, np.flatnonzero(varies))
    sizes = _chunks(paths, chunk_paths)
    seqs = np.random.SeedSequence(seed).spawn(len(sizes))
    q_total = paths if quantile_paths is None else min(paths, quantile_paths)
    keeps, done = [], 0
    for sz in sizes:
        keeps.append(max(0, min(sz, q_total - done)))
        done += sz

    w, m = pp.floor.shape
    total = _empty(0, w, m)
    sample = np.empty((w, q_total, m), dtype) if q_total else None
    views: list[np.ndarray | None] = []
    q_done = 0
    for kp in keeps:
        views.append(None if not kp or sample is None else sample[:, q_done : q_done + kp])
        q_done += kp

    if m:
        for part in _ordered(pp, sizes, seqs, views, workers):
            total.paths += part.paths
            total.sum_stock += part.sum_stock
            total.sum_low += part.sum_low
            total.n_short += part.n_short
            total.n_short_by += part.n_short_by
            total.n_breach += part.n_breach
            total.n_breach_by += part.n_breach_by
            if progress is not None:
                progress(total.paths, paths)
    elif progress is not None:
        progress(paths, paths)

    # pairs no draw affects: one path, counted ``paths`` times
    full = _empty(paths, w, fl.pairs)
    qarr = np.empty((len(quantiles), w, fl.pairs)) if q_total else None
    fixed = np.flatnonzero(~varies)
    if len(fixed):
        flat = replace(
            spec,
            production_sd=0.0,
            slip_probability=0.0,
            default_cv=0.0,
            cv={},
            consumption_level_cv=0.0,
            rate_cv=0.0,
        )
        one = np.empty((w, 1, len(fixed)), dtype)
        det = _run_chunk(_prepare(fl, flat, dtype, fixed), 1, np.random.SeedSequence(seed), one)
        for name in ("sum_stock", "sum_low", "n_short", "n_short_by", "n_breach", "n_breach_by"):
            getattr(full, name)[:, fixed] = getattr(det, name) * paths
        if qarr is not None:
            qarr[:, :, fixed] = one[None, :, 0, :]
    moving = np.flatnonzero(varies)
    for name in ("sum_stock", "sum_low", "n_short", "n_short_by", "n_breach", "n_breach_by"):
        getattr(full, name)[:, moving] = getattr(total, name)
    if qarr is not None and sample is not None and m:
        qarr[:, :, moving] = _quantiles(sample, quantiles)
    return _to_dataset(
        snapshot,
        fl,
        spec,
        full,
        qarr,
        q_total,
        len(moving),
        quantiles,
        started,
        seed,
        chunk_paths,
        workers,
    )


def _empty(paths: int, w: int, m: int) -> _Partial:
    return _Partial(
        paths=paths,
        sum_stock=np.zeros((w, m)),
        sum_low=np.zeros((w, m)),
        n_short=np.zeros((w, m), np.int64),
        n_short_by=np.zeros((w, m), np.int64),
        n_breach=np.zeros((w, m), np.int64),
        n_breach_by=np.zeros((w, m), np.int64),
    )


def _ordered(
    pp: _Prepared,
    sizes: list[int],
    seqs: list[np.random.SeedSequence],
    views: list[np.ndarray | None],
    workers: int,
) -> Iterator[_Partial]:
    """Chunk results in chunk order; at most 2 × workers chunks in flight."""
    if workers == 1:
        for sz, sq, kp in zip(sizes, seqs, views, strict=True):
            yield _run_chunk(pp, sz, sq, kp)
        return
    with ThreadPoolExecutor(max_workers=workers) as ex:
        pending: list[Future[_Partial]] = []
        jobs = iter(zip(sizes, seqs, views, strict=True))
        for sz, sq, kp in jobs:
            pending.append(ex.submit(_run_chunk, pp, sz, sq, kp))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()


def _to_dataset(
    snapshot: xr.Dataset,
    fl: Flows,
    spec: ScenarioSpec,
    tot: _Partial,
    qarr: np.ndarray | None,
    q_paths: int,
    simulated: int,
    quantiles: tuple[float, ...],
    started: float,
    seed: int,
    chunk_paths: int,
    workers: int,
) -> xr.Dataset:
    n = float(tot.paths)
    unknown = ~fl.known
    for name in ("sum_stock", "sum_low"):
        getattr(tot, name)[:, unknown] = np.nan
    low_mean = tot.sum_low / n
    prev = np.vstack([np.zeros((1, low_mean.shape[1])), low_mean[:-1]])
    unmet = np.maximum(prev - low_mean, 0.0)
    short_by = tot.n_short_by / n
    short = tot.n_short / n
    for a in (unmet, short_by, short):
        a[:, : fl.n_donor_pairs] = np.nan  # recipients only
    breach, breach_by = tot.n_breach / n, tot.n_breach_by / n
    for a in (short, short_by, breach, breach_by):
        a[:, unknown] = np.nan  # an unknown stock has no risk figure
    if qarr is not None:
        qarr[:, :, unknown] = np.nan
    dims = ("holder", "item", "week")
    data: dict[str, tuple[tuple[str, ...], np.ndarray]] = {
        "p_short": (dims, fl.unstack(short)),
        "p_short_by": (dims, fl.unstack(short_by)),
        "p_breach": (dims, fl.unstack(breach)),
        "p_breach_by": (dims, fl.unstack(breach_by)),
        "mean_stock": (dims, fl.unstack(tot.sum_stock / n)),
        "mean_unmet": (dims, fl.unstack(unmet)),
        "floor": (dims, fl.unstack(fl.floor)),
        "stock0": (("holder", "item"), np.where(unknown, np.nan, fl.x0).reshape(fl.shape)),
        "stock_known": (("holder", "item"), fl.known.reshape(fl.shape)),
    }
    if qarr is not None:
        data["stock_q"] = (("quantile", *dims), fl.unstack(qarr))
    ds = xr.Dataset(
        data,
        coords={
            "holder": fl.holders,
            "holder_kind": ("holder", fl.holder_kind),
            "item": fl.items,
            "week": np.arange(fl.weeks),
            "week_start": ("week", np.array(fl.week_start, dtype="datetime64[D]")),
            "quantile": list(quantiles) if qarr is not None else [],
        },
        attrs={
            "kind": "montecarlo",
            "paths": int(tot.paths),
            "quantile_paths": q_paths,
            "simulated_pairs": simulated,
            "pairs": fl.pairs,
            "seed": seed,
            "chunk_paths": chunk_paths,
            "workers": workers,
            "scenario": spec.name,
            "spec": json.dumps(spec.params()),
            "as_of": str(snapshot.attrs.get("as_of", "")),
            "snapshot_hash": str(snapshot.attrs.get("content_hash", "")),
            "synthetic": bool(snapshot.attrs.get("synthetic", False)),
            "seconds": time.perf_counter() - started,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )
    return ds
