"""Store a plan as a PlanRun record through the services Writer (audited)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from materiel.plan.results import TABLES, PlanResult
from materiel.records import PlanRun
from materiel.services import writer


def _jsonable(obj: Any) -> Any:
    """Plain JSON types only: numpy scalars become numbers, NaN and inf become null."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, str | bytes):
        obj = obj.item()
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if obj is None or isinstance(obj, str | int | bool):
        return obj
    return str(obj)


def store_plan(engine: Engine, result: PlanResult, actor: str) -> int:
    """Write ``result`` as a PlanRun (tables as lists of records under ``results``)."""
    payload = _jsonable(result.to_json())
    as_of = dt.date.fromisoformat(result.as_of) if result.as_of else dt.date.today()
    with writer(engine, actor=actor) as w:
        run = w.create(
            PlanRun,
            as_of=as_of,
            snapshot_hash=result.snapshot_hash or "",
            scenario=result.scenario or "",
            horizon_weeks=int(result.horizon_weeks),
            status=result.status,
            objective=result.objective,
            build_seconds=result.build_seconds,
            solve_seconds=result.solve_seconds,
            results=payload,
        )
        w.session.flush()
        return int(run.id)


def load_plan(engine: Engine, run_id: int) -> PlanResult:
    """Read a stored PlanRun back as a :class:`PlanResult` (tables as DataFrames)."""
    from materiel.db import read_session

    with read_session(engine) as s:
        run = s.get(PlanRun, run_id)
        if run is None:
            from materiel.services import NotFound

            raise NotFound(f"plan run {run_id} not found", entity="plan_run")
        res: dict[str, Any] = dict(run.results or {})
        tables = {
            name: pd.DataFrame(res.get("tables", {}).get(name, []))
            for name in TABLES
            if name in res.get("tables", {})
        }
        return PlanResult(
            status=run.status,
            objective=run.objective,
            build_seconds=run.build_seconds or 0.0,
            solve_seconds=run.solve_seconds or 0.0,
            snapshot_hash=run.snapshot_hash,
            as_of=run.as_of.isoformat(),
            scenario=run.scenario,
            horizon_weeks=run.horizon_weeks,
            hard_targets=bool(res.get("hard_targets", False)),
            method=str(res.get("method", "")),
            bound=res.get("bound"),
            gap=res.get("gap"),
            synthetic=bool(res.get("synthetic", False)),
            rate_date=str(res.get("rate_date", "")),
            params=dict(res.get("params", {})),
            stats=dict(res.get("stats", {})),
            terms=dict(res.get("terms", {})),
            warnings=list(res.get("warnings", [])),
            sentences=list(res.get("sentences", [])),
            tables=tables,
            greedy_objective=res.get("greedy_objective"),
            frontier=res.get("frontier"),
        )
