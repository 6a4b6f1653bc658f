"""Scenario sweeps on Dask: one Monte Carlo (and optionally one plan) per scenario.

``run_sweep`` submits one task per scenario to a Dask cluster — a ``LocalCluster`` (two
workers) when no scheduler address is given, ``tcp://host:8786`` for a remote one, or
``"sequential"`` to run in this process without Dask — and gathers the per-scenario tables
into one DataFrame. Each task is deterministic (seeded), so the gathered table equals the
sequential one.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr

from materiel.forecast.montecarlo import simulate
from materiel.forecast.scenarios import BUILTIN, ScenarioSpec, spec_from_params

__all__ = ["COLUMNS", "run_sweep", "sweep_one", "with_scenario"]

SnapshotFactory = Callable[[str], xr.Dataset]

COLUMNS = [
    "scenario",
    "item",
    "recipient",
    "worst_shortfall_probability",
    "shortfall_by_horizon",
    "first_week_above_50",
    "expected_unmet",
    "donors_breaching",
    "worst_donor_breach",
]


def _surge(params: dict[str, Any], weeks: int) -> np.ndarray:
    m = np.ones(weeks)
    factor = float(params.get("surge_factor") or 1.0)
    n = int(params.get("surge_weeks") or 0)
    if factor != 1.0 and n:
        start = max(int(params.get("surge_start_week") or 0), 0)
        m[start : start + n] = factor
    return m


def with_scenario(snapshot: xr.Dataset, spec: ScenarioSpec) -> xr.Dataset:
    """The snapshot under another scenario: the snapshot's own surge is taken out of
    ``consumption`` and ``spec``'s put in; attrs ``scenario``/``params`` and the content
    hash follow. (Consumption rates themselves stay the snapshot's.)"""
    from materiel.snapshot import content_hash

    w = int(snapshot.sizes["week"])
    raw = snapshot.attrs.get("params") or "{}"
    params = json.loads(raw) if isinstance(raw, str) else dict(raw)
    old = _surge(params, w)
    if np.any(old == 0):
        raise ValueError("the snapshot's surge_factor is 0: its base consumption is lost")
    new = spec.surge(w)
    factor = xr.DataArray(new / old, dims=("week",), coords={"week": snapshot["week"]})
    ds = snapshot.copy(deep=True)
    cons = (snapshot["consumption"] * factor).transpose(*snapshot["consumption"].dims)
    ds["consumption"] = cons
    ds["demand"] = (cons + snapshot["need_demand"]).transpose(*snapshot["demand"].dims)
    params.update(spec.params())
    params.pop("horizon", None)
    ds.attrs["scenario"] = spec.name
    ds.attrs["params"] = json.dumps(params, sort_keys=True, separators=(",", ":"))
    ds.attrs["content_hash"] = content_hash(ds)
    return ds


def sweep_one(
    snapshot: xr.Dataset,
    spec: ScenarioSpec,
    paths: int = 2000,
    seed: int = 0,
    chunk_paths: int = 250,
) -> pd.DataFrame:
    """One scenario's row per recipient and item (the Dask task)."""
    mc = simulate(snapshot, spec, paths=paths, seed=seed, chunk_paths=chunk_paths)
    kinds = mc["holder_kind"].values
    rec = mc.sel(holder=kinds == "recipient")
    don = mc.sel(holder=kinds == "donor")
    p_short = rec["p_short"].values  # (r, i, w)
    hit = p_short > 0.5
    first = np.where(hit.any(-1), hit.argmax(-1), -1)
    unmet = rec["mean_unmet"].sum("week").values
    breach_end = don["p_breach_by"].isel(week=-1).values  # (n, i)
    n_rec, n_item = p_short.shape[:2]
    out = pd.DataFrame(
        {
            "scenario": spec.name,
            "item": np.tile(mc["item"].values.astype(str), n_rec),
            "recipient": np.repeat(rec["holder"].values.astype(str), n_item),
            "worst_shortfall_probability": p_short.max(axis=-1).ravel(),
            "shortfall_by_horizon": rec["p_short_by"].values[..., -1].ravel(),
            "first_week_above_50": pd.array(np.where(first >= 0, first, 0).ravel(), dtype="Int64"),
            "expected_unmet": unmet.ravel(),
            "donors_breaching": np.tile((breach_end > 0.5).sum(axis=0), n_rec),
            "worst_donor_breach": np.tile(
                np.nanmax(np.nan_to_num(breach_end, nan=-1.0), axis=0).clip(0.0)
                if len(breach_end)
                else np.zeros(n_item),
                n_rec,
            ),
        },
        columns=COLUMNS,
    )
    out.loc[(first < 0).ravel(), "first_week_above_50"] = pd.NA
    return out


def _plan_one(db: str, as_of: dt.date, horizon_weeks: int, scenario: str) -> int | None:
    try:
        from materiel.plan.service import run_and_store
    except ImportError:  # the planner is optional for sweeps
        return None
    from materiel.db import get_engine

    return run_and_store(
        get_engine(db), as_of=as_of, horizon_weeks=horizon_weeks, scenario=scenario, actor="sweep"
    )


def _resolve(
    source: xr.Dataset | SnapshotFactory, scenarios: Sequence[str | ScenarioSpec]
) -> list[tuple[xr.Dataset, ScenarioSpec]]:
    from materiel.forecast.scenarios import spec_from_snapshot

    jobs = []
    for sc in scenarios:
        if callable(source) and not isinstance(source, xr.Dataset):
            name = sc.name if isinstance(sc, ScenarioSpec) else sc
            snap = source(name)
            spec = sc if isinstance(sc, ScenarioSpec) else spec_from_snapshot(snap)
        else:
            if isinstance(sc, ScenarioSpec):
                spec = sc
            elif sc in BUILTIN:
                spec = BUILTIN[sc]
            elif sc == source.attrs.get("scenario"):
                raw = source.attrs.get("params") or "{}"
                spec = spec_from_params(sc, json.loads(raw) if isinstance(raw, str) else raw)
            else:
                raise LookupError(
                    f"scenario {sc!r}: give a ScenarioSpec or a snapshot factory "
                    f"(built-in: {', '.join(BUILTIN)})"
                )
            snap = with_scenario(source, spec)
        jobs.append((snap, spec))
    return jobs


def run_sweep(
    source: xr.Dataset | SnapshotFactory,
    scenarios: Sequence[str | ScenarioSpec],
    scheduler: str | None = None,
    plan: bool = False,
    *,
    paths: int = 2000,
    seed: int = 0,
    chunk_paths: int = 250,
    n_workers: int = 2,
    processes: bool = True,
    db: str | None = None,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Run every scenario's Monte Carlo (and, with ``plan``, its plan) and gather one table.

    ``source``: a snapshot (each scenario's surge is applied to it, see
    :func:`with_scenario`) or a factory ``name -> snapshot`` (e.g. ``lambda name:
    build_snapshot(engine, as_of, 26, name)``). ``scheduler``: None for a LocalCluster of
    ``n_workers`` single-threaded workers, a ``tcp://host:port`` address, or
    ``"sequential"``. ``plan`` needs ``db`` (path or URL) and ``as_of``; the plans run on
    the workers and are stored, their PlanRun ids go in column ``plan_run``.
    """
    jobs = _resolve(source, scenarios)
    if plan and (db is None or as_of is None):
        raise ValueError("a sweep with plans needs db and as_of")
    names = [spec.name for _, spec in jobs]
    if len(set(names)) != len(names):
        raise ValueError(f"scenario names repeat: {names}")
    tables: list[pd.DataFrame]
    plan_ids: list[int | None] = [None] * len(jobs)
    if scheduler == "sequential":
        tables = []
        steps = len(jobs) * (2 if plan else 1)
        done = 0
        for k, (snap, spec) in enumerate(jobs):
            tables.append(sweep_one(snap, spec, paths, seed, chunk_paths))
            done += 1
            if progress is not None:
                progress(done, steps)
            if plan and db is not None and as_of is not None:
                plan_ids[k] = _plan_one(db, as_of, int(snap.sizes["week"]), spec.name)
                done += 1
                if progress is not None:
                    progress(done, steps)
    else:
        tables, plan_ids = _on_dask(
            jobs, scheduler, plan, paths, seed, chunk_paths, n_workers, processes, db, as_of,
            progress,
        )  # fmt: skip
    out = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=COLUMNS)
    if plan:
        out["plan_run"] = out["scenario"].map(dict(zip(names, plan_ids, strict=True)))
    return out.sort_values(
        ["scenario", "worst_shortfall_probability", "item"],
        ascending=[True, False, True],
        ignore_index=True,
    )


def _on_dask(
    jobs: list[tuple[xr.Dataset, ScenarioSpec]],
    scheduler: str | None,
    plan: bool,
    paths: int,
    seed: int,
    chunk_paths: int,
    n_workers: int,
    processes: bool,
    db: str | None,
    as_of: dt.date | None,
    progress: Callable[[int, int], None] | None,
) -> tuple[list[pd.DataFrame], list[int | None]]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            # the workers' and nannies' shutdown chatter ("Worker process still alive after
            # ... seconds, killing") is not for the user (issue 19); errors still show
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        client = Client(scheduler, timeout=20)
    try:
        futs = [
            client.submit(sweep_one, snap, spec, paths, seed, chunk_paths, pure=False)
            for snap, spec in jobs
        ]
        plan_futs = []
        if plan and db is not None and as_of is not None:
            plan_futs = [
                client.submit(_plan_one, db, as_of, int(snap.sizes["week"]), spec.name, pure=False)
                for snap, spec in jobs
            ]
        for done, _ in enumerate(as_completed([*futs, *plan_futs]), start=1):
            if progress is not None:
                progress(done, len(futs) + len(plan_futs))
        tables = client.gather(futs)
        plan_ids = client.gather(plan_futs) if plan_futs else [None] * len(jobs)
    finally:
        quiet = [logging.getLogger(n) for n in ("distributed", "tornado", "asyncio")]
        levels = [logger.level for logger in quiet]
        for logger in quiet:
            logger.setLevel(logging.CRITICAL)
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        finally:
            for logger, level in zip(quiet, levels, strict=True):
                logger.setLevel(level)
    return list(tables), list(plan_ids)
