"""materiel: coordinate multinational military assistance and plan its sustainment.

Python entry points for notebooks (loaded lazily, so the CLI starts fast)::

    import materiel
    ds = materiel.snapshot("materiel-demo.db", "2026-11-02", horizon_weeks=52)
    result = materiel.plan.solve(ds)          # pandas tables: transfers, orders, unmet, ...
    proj = materiel.forecast.projection.project(ds)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "forecast", "plan", "queries", "snapshot"]

_LAZY = {"snapshot", "plan", "forecast", "queries"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f"materiel.{name}")
    raise AttributeError(f"module 'materiel' has no attribute {name!r}")
