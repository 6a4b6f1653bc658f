"""Forecast and risk: status-quo projection, scenarios, Monte Carlo, sweeps on Dask.

Everything here takes a snapshot (xarray Dataset, docs/snapshot.md) and never touches the
database, except :mod:`materiel.forecast.service` (stores ForecastRun records) and
:func:`materiel.forecast.scenarios.ensure_builtin_scenarios`.
"""

from __future__ import annotations

from materiel.forecast.montecarlo import QUANTILES, simulate
from materiel.forecast.projection import alliance_table, gap_by_month, project, ranking
from materiel.forecast.scenarios import BUILTIN, ScenarioSpec

__all__ = [
    "BUILTIN",
    "QUANTILES",
    "ScenarioSpec",
    "alliance_table",
    "gap_by_month",
    "project",
    "ranking",
    "simulate",
]
