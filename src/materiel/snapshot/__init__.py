"""The snapshot: records at a date as an immutable xarray Dataset (docs/snapshot.md).

Nothing below the snapshot touches the database: the planner and the forecaster take the
Dataset and nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import types
from typing import TYPE_CHECKING

from materiel.plan_policy import HORIZON_WEEKS
from materiel.snapshot.schema import (
    DEFAULT_PARAMS,
    VARIABLES,
    SnapshotError,
    content_hash,
    make_snapshot,
    params_of,
    validate,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import xarray as xr
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

__all__ = [
    "DEFAULT_PARAMS",
    "VARIABLES",
    "SnapshotError",
    "build_snapshot",
    "content_hash",
    "make_snapshot",
    "params_of",
    "read_line_load",
    "snapshot",
    "validate",
]


def build_snapshot(
    engine_or_session: Engine | Session,
    as_of: dt.date,
    horizon_weeks: int = HORIZON_WEEKS,
    scenario: str = "baseline",
    outflow_window_weeks: int = 12,
) -> xr.Dataset:
    """Read the records once and compute every variable of docs/snapshot.md."""
    from materiel.snapshot.build import build_snapshot as _build

    return _build(engine_or_session, as_of, horizon_weeks, scenario, outflow_window_weeks)


def read_line_load(
    src: Engine | Session, as_of: dt.date, weeks: int | None = None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The production lines, their weekly capacity with ramp (``cap_full``) and the
    capacity existing orders take (``taken``), as the snapshot computes them, without
    building a snapshot (see :func:`materiel.snapshot.build.read_line_load`)."""
    from materiel.snapshot.build import read_line_load as _read

    return _read(src, as_of, weeks)


def snapshot(
    db: str | os.PathLike[str] | Engine | Session | None,
    as_of: dt.date | str | None = None,
    horizon_weeks: int = HORIZON_WEEKS,
    scenario: str = "baseline",
    outflow_window_weeks: int = 12,
) -> xr.Dataset:
    """The snapshot of ``db`` (a path, URL, Engine or Session; None = MATERIEL_DB) at
    ``as_of`` (default today)."""
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from materiel.db import get_engine

    src: Engine | Session = db if isinstance(db, Engine | Session) else get_engine(db)
    if as_of is None:
        day = dt.date.today()
    elif isinstance(as_of, str):
        day = dt.date.fromisoformat(as_of)
    else:
        day = as_of
    return build_snapshot(src, day, horizon_weeks, scenario, outflow_window_weeks)


class _CallableModule(types.ModuleType):
    """Lets ``materiel.snapshot(db, as_of, ...)`` call :func:`snapshot` while
    ``materiel.snapshot.make_snapshot`` and friends stay reachable on the same name (a
    function assigned to ``materiel.snapshot`` would hide this package)."""

    def __call__(
        self,
        db: str | os.PathLike[str] | Engine | Session | None,
        as_of: dt.date | str | None = None,
        horizon_weeks: int = HORIZON_WEEKS,
        scenario: str = "baseline",
        outflow_window_weeks: int = 12,
    ) -> xr.Dataset:
        return snapshot(db, as_of, horizon_weeks, scenario, outflow_window_weeks)


sys.modules[__name__].__class__ = _CallableModule
