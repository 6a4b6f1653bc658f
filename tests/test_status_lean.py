"""Issue 19: `materiel status` answers fast because it reads the key figures through
:mod:`materiel.queries.lean` (no pandas). Here: the command loads none of the data, server,
solver or forecast stack, and the lean figures are the frame-based ones to the last bit for
every role and several dates (tests/test_figures_consistency.py compares the CLI with the
API and pages on the demo). Timings are in `make bench`, not in tests."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.policy import LOCAL
from materiel.db import get_engine, read_session
from materiel.queries import lean
from materiel.testing import ROLES, seed

NOT_FOR_STATUS = (
    "pandas",
    "numpy",
    "pydantic",
    "fastapi",
    "alembic",
    "xarray",
    "highspy",
    "linopy",
    "dask",
)


def test_status_loads_no_data_frame_server_or_solver(sqlite_engine: Engine) -> None:
    seed(sqlite_engine)
    db = str(sqlite_engine.url.database)
    code = (
        "import json, sys\n"
        "from materiel.cli.main import app\n"
        "try:\n"
        f"    app(['--db', {db!r}, 'status', '--json'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"print(json.dumps(sorted(m for m in {NOT_FOR_STATUS!r} if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    *figures, loaded = out.strip().splitlines()
    assert json.loads("\n".join(figures))["as_of"] == "2026-01-05"  # the seed's latest date
    assert json.loads(loaded) == []


def test_the_queries_package_loads_its_frames_on_first_use() -> None:
    code = (
        "import json, sys\n"
        "from materiel.queries import lean\n"
        "before = 'pandas' in sys.modules\n"
        "from materiel.queries import meetings, needs_table\n"
        "print(json.dumps([before, 'pandas' in sys.modules, callable(meetings),\n"
        "    needs_table.__module__]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # ``meetings`` is the function, not the submodule of the same name
    assert json.loads(out) == [False, True, True, "materiel.queries.needs"]


def _plain_value(v: Any) -> Any:
    """A frame cell or a lean value as plain Python: missing is None, numbers are floats,
    dates ISO strings (the lean fund rows are JSON-ready)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool | np.bool_):
        return bool(v)
    if isinstance(v, int | float | np.integer | np.floating):
        return float(v)
    return v


def _same_rows(
    name: str, lean_rows: list[dict[str, Any]], frame: pd.DataFrame, key: tuple[str, ...]
) -> int:
    """Every lean row has the frame's row of the same key with the same value in every
    column both have (floats to 1e-9 relative); returns how many values were compared."""
    assert len(lean_rows) == len(frame), name
    by_key = {tuple(r[k] for k in key): r for r in frame.to_dict("records")}
    compared = 0
    for row in lean_rows:
        other = by_key[tuple(row[k] for k in key)]
        for column in sorted(row.keys() & other.keys()):
            a, b = _plain_value(row[column]), _plain_value(other[column])
            where = f"{name} {tuple(row[k] for k in key)} {column}"
            if isinstance(a, float) and isinstance(b, float):
                assert a == pytest.approx(b, rel=1e-9, abs=1e-9), where
            else:
                assert a == b, where
            compared += 1
    return compared


def _rows_agree(engine: Engine, days: list[dt.date], viewers: list[Principal]) -> int:
    """The per-record values the key figures add up (:mod:`materiel.queries.lean`) are the
    values of the tables the pages and the API list, for each viewer and day."""
    from materiel import queries

    compared = 0
    with read_session(engine) as s:
        for viewer in viewers:
            for on in days:
                who = f"{viewer.username} {on}"
                compared += _same_rows(
                    f"needs {who}",
                    lean.need_rows(s, viewer, on),
                    queries.needs_table(s, viewer, as_of=on),
                    ("id",),
                )
                compared += _same_rows(
                    f"pledges {who}",
                    lean.pledge_rows(s, viewer, on, "EUR"),
                    queries.pledges_table(s, viewer, as_of=on, currency="EUR"),
                    ("id",),
                )
                compared += _same_rows(
                    f"funds {who}",
                    lean.fund_rows(s, viewer, on),
                    queries.fund_position(s, viewer, as_of=on),
                    ("code",),
                )
                if lean.stock_figures(s, viewer, on) is None:
                    continue  # analysts see no stocks
                compared += _same_rows(
                    f"stocks {who}",
                    lean.stock_rows(s, on, viewer),
                    queries.stock_position(s, viewer, as_of=on),
                    ("nation_code", "item_code"),
                )
                totals, suppressed = lean.alliance_rows(s, viewer, on)
                frame = queries.alliance_totals(s, viewer, as_of=on)
                assert suppressed == frame.attrs.get("suppressed", 0), who
                compared += _same_rows(f"alliance {who}", totals, frame, ("alliance", "item_code"))
    return compared


def _viewers() -> list[Principal]:
    return [LOCAL] + [
        Principal(n + 1, name, role, nation)
        for n, (name, (role, nation)) in enumerate(sorted(ROLES.items()))
    ]


def test_key_figures_add_up_the_rows_of_the_tables(sqlite_engine: Engine) -> None:
    seed(sqlite_engine)
    days = [dt.date.fromisoformat(d) for d in ("2025-12-01", "2026-01-05", "2026-03-01")]
    assert _rows_agree(sqlite_engine, days, _viewers()) > 100


def test_key_figures_add_up_the_rows_of_the_tables_of_the_demo(
    tmp_path: Path, demo_copy: Callable[..., Path]
) -> None:
    engine = get_engine(demo_copy(tmp_path / "demo.db"), fresh=True)
    try:
        days = [dt.date(2026, 6, 1), dt.date(2026, 11, 2)]
        assert _rows_agree(engine, days, _viewers()) > 10_000
    finally:
        engine.dispose()


def test_every_surface_reads_the_one_implementation(sqlite_engine: Engine) -> None:
    """``queries.key_figures`` (Overview, the API, the brief) is ``materiel status``'s and the
    meeting page's headline is a part of it."""
    from materiel import queries

    seed(sqlite_engine)
    on = dt.date(2026, 1, 5)
    with read_session(sqlite_engine) as s:
        for viewer in _viewers():
            figures = queries.key_figures(s, viewer, as_of=on)
            assert figures == lean.key_figures(s, viewer, as_of=on)
            headline = queries.headline_figures(s, viewer, as_of=on)
            for part in ("as_of", "needs", "pledges", "funds_remaining"):
                assert headline[part] == figures[part], part
            stocks = figures["stocks"]
            assert headline["stocks"] == (
                None if stocks is None else {"below_target": stocks["below_target"]}
            )


def test_pandas_like_sum_rounds_as_numpy() -> None:
    values = [((i * 7919) % 1013) * 1.37e5 / (i + 3) for i in range(1, 700)]
    for n in (0, 1, 7, 8, 9, 100, 128, 129, 333, 699):
        assert lean.fsum_like_pandas(values[:n]) == float(np.add.reduce(np.array(values[:n])))
    assert lean.fsum_like_pandas([1.5, float("nan"), None, 2.0]) == 3.5  # type: ignore[list-item]


def test_lean_plan_figures_are_the_stored_plans_on_both_backends(engine: Engine) -> None:
    """The latest plan's figures are read from its stored JSON by the database (SQLite's
    json_extract, PostgreSQL's operators): both give what the plan's own read
    (``queries.latest_plan``, the Plan page and ``GET /plan``) gives."""
    from materiel import queries
    from materiel.plan.service import run_and_store

    seed(engine)
    on = dt.date(2026, 1, 5)
    run_and_store(engine, as_of=on, horizon_weeks=8, actor="test")
    coordinator = Principal(1, "coord", "coordinator", None)
    with read_session(engine) as s:
        lean_figures = lean.key_figures(s, coordinator, as_of=on)
        found = queries.latest_plan(s, coordinator, as_of=on)
        assert found is not None and lean_figures["plan"] is not None
        expected = {k: v for k, v in found.items() if k != "results"}
        expected["as_of"] = found["as_of"].isoformat()
        expected["created_at"] = found["created_at"].isoformat()
        assert lean_figures["plan"] == expected
