"""The forecast job: snapshot → projection (+ Monte Carlo) → ForecastRun record.

What the CLI and the API's job runner call. Results are stored as JSON tables (lists of
records) with the hash of the snapshot they came from, so every figure can be traced back.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr
from sqlalchemy import Engine

from materiel.forecast.montecarlo import simulate
from materiel.forecast.projection import alliance_table, gap_by_month, project, ranking
from materiel.forecast.scenarios import spec_from_snapshot
from materiel.plan_policy import HORIZON_WEEKS
from materiel.records import ForecastRun
from materiel.services import writer

__all__ = [
    "STAGES",
    "build_results",
    "mc_summary",
    "projection_summary",
    "records",
    "run_and_store",
    "store",
]

Progress = Callable[[str, float], None]

STAGES = ("snapshot", "projection", "montecarlo", "store")


def _clean(v: Any) -> Any:
    if v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float | np.floating):
        f = float(v)
        return None if math.isnan(f) else (f if math.isfinite(f) else None)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, dt.date | pd.Timestamp):
        return v.isoformat()[:10]
    return v


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-safe records (NaN and ±inf become null, dates ISO strings)."""
    return [{str(k): _clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def projection_summary(proj: xr.Dataset) -> dict[str, Any]:
    return {
        "ranking": records(ranking(proj)),
        "alliance": records(alliance_table(proj)),
        "gap_by_month": records(gap_by_month(proj)),
        "week_start": [str(d)[:10] for d in proj["week_start"].values],
    }


def _first_above(p: np.ndarray, level: float = 0.5) -> np.ndarray:
    hit = p > level
    return np.where(hit.any(axis=-1), hit.argmax(axis=-1), -1)


def mc_summary(mc: xr.Dataset, *, min_risk: float = 0.01) -> dict[str, Any]:
    """Per holder and item the worst probabilities and the first week above 50 %; weekly
    series (probabilities and quantile fan) for every pair at risk (≥ ``min_risk``). A stock
    with no report has no probability (NaN) and is not listed: the projection's ranking
    lists it last with ``stock_known`` false."""
    short_by = mc["p_short_by"].values
    breach_by = mc["p_breach_by"].values
    kinds = mc["holder_kind"].values
    risk = np.where(kinds[:, None, None] == "recipient", short_by, breach_by)
    worst = risk[..., -1]
    rows = []
    series = []
    first = _first_above(risk)
    holders = [str(h) for h in mc["holder"].values]
    items = [str(i) for i in mc["item"].values]
    hi, ii = np.nonzero(worst >= min_risk)
    for h, i in zip(hi.tolist(), ii.tolist(), strict=True):
        rows.append(
            {
                "holder": holders[h],
                "kind": str(kinds[h]),
                "item": items[i],
                "risk_by_horizon": _clean(worst[h, i]),
                "risk_measure": "shortfall" if kinds[h] == "recipient" else "target breach",
                "first_week_above_50": None if first[h, i] < 0 else int(first[h, i]),
                "mean_stock_end": _clean(mc["mean_stock"].values[h, i, -1]),
            }
        )
        entry: dict[str, Any] = {
            "holder": holders[h],
            "item": items[i],
            "p_short": [_clean(x) for x in mc["p_short"].values[h, i]],
            "p_breach": [_clean(x) for x in mc["p_breach"].values[h, i]],
            "p_risk_by": [_clean(x) for x in risk[h, i]],
            "floor": [_clean(x) for x in mc["floor"].values[h, i]],
        }
        if "stock_q" in mc:
            entry["quantiles"] = {
                f"q{round(float(q) * 100):02d}": [
                    _clean(x) for x in mc["stock_q"].sel(quantile=q).values[h, i]
                ]
                for q in mc["quantile"].values
            }
        series.append(entry)
    rows.sort(key=lambda r: (-(r["risk_by_horizon"] or 0.0), r["holder"], r["item"]))
    return {
        "paths": int(mc.attrs["paths"]),
        "seed": int(mc.attrs["seed"]),
        "quantile_paths": int(mc.attrs["quantile_paths"]),
        "spec": mc.attrs.get("spec"),
        "risks": rows,
        "series": series,
    }


def run_and_store(
    engine: Engine,
    *,
    as_of: dt.date,
    horizon_weeks: int = HORIZON_WEEKS,
    scenario: str = "baseline",
    paths: int = 2000,
    seed: int = 0,
    actor: str = "cli",
    progress: Progress | None = None,
) -> int:
    """Build the snapshot of ``as_of``, project it and (``paths`` > 0) run the Monte
    Carlo; store a ForecastRun (kind "montecarlo", or "projection" when ``paths`` is 0) and
    return its id. ``progress(stage, fraction)`` follows :data:`STAGES`."""
    from materiel.snapshot import build_snapshot

    def report(stage: str, fraction: float) -> None:
        if progress is not None:
            progress(stage, fraction)

    started = time.perf_counter()
    report("snapshot", 0.0)
    snap = build_snapshot(engine, as_of, horizon_weeks, scenario)
    report("projection", 0.1)
    spec = spec_from_snapshot(snap)
    proj = project(snap)
    mc = None
    if paths > 0:
        report("montecarlo", 0.2)

        def step(done: int, total: int) -> None:
            report("montecarlo", 0.2 + 0.7 * done / total)

        mc = simulate(snap, spec, paths=paths, seed=seed, progress=step)
    results = build_results(snap, proj, mc)
    kind = "projection" if mc is None else "montecarlo"
    report("store", 0.9)
    run_id = store(
        engine, snap, results, kind=kind, seconds=time.perf_counter() - started, actor=actor
    )
    report("done", 1.0)
    return run_id


def build_results(
    snap: xr.Dataset, proj: xr.Dataset, mc: xr.Dataset | None = None
) -> dict[str, Any]:
    """The JSON stored on a ForecastRun."""
    out: dict[str, Any] = {
        "as_of": str(snap.attrs.get("as_of")),
        "horizon_weeks": int(snap.sizes["week"]),
        "synthetic": bool(snap.attrs.get("synthetic", False)),
        "sources": snap.attrs.get("sources"),
        "projection": projection_summary(proj),
    }
    if mc is not None:
        out["montecarlo"] = mc_summary(mc)
    return out


def store(
    engine: Engine,
    snap: xr.Dataset,
    results: dict[str, Any],
    *,
    kind: str,
    seconds: float | None,
    actor: str,
) -> int:
    """Save a ForecastRun through the services Writer (audited); returns its id."""
    with writer(engine, actor=actor) as w:
        run = w.create(
            ForecastRun,
            as_of=dt.date.fromisoformat(str(snap.attrs["as_of"])[:10]),
            snapshot_hash=str(snap.attrs["content_hash"]),
            scenario=str(snap.attrs.get("scenario", "")),
            kind=kind,
            status="done",
            seconds=seconds,
            results=results,
        )
        return int(run.id)
