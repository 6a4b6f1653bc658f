"""Issue 19: `materiel status` answers fast because it reads the key figures through
:mod:`materiel.queries.lean` (no pandas). Here: the command loads none of the data, server,
solver or forecast stack, and the lean figures are the frame-based ones to the last bit for
every role and several dates (tests/test_figures_consistency.py compares the CLI with the
API and pages on the demo). Timings are in `make bench`, not in tests."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.policy import LOCAL
from materiel.db import read_session
from materiel.queries import lean
from materiel.queries.figures import key_figures
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


@pytest.mark.parametrize("day", ["2025-12-01", "2026-01-05", "2026-03-01", "2027-01-01"])
def test_lean_key_figures_are_the_frame_based_ones(sqlite_engine: Engine, day: str) -> None:
    seed(sqlite_engine)
    viewers = [LOCAL] + [
        Principal(n + 1, name, role, nation)
        for n, (name, (role, nation)) in enumerate(sorted(ROLES.items()))
    ]
    on = dt.date.fromisoformat(day)
    with read_session(sqlite_engine) as s:
        for viewer in viewers:
            assert lean.key_figures(s, viewer, as_of=on) == key_figures(s, viewer, as_of=on), (
                viewer.username
            )


def test_pandas_like_sum_rounds_as_numpy() -> None:
    np = pytest.importorskip("numpy")
    values = [((i * 7919) % 1013) * 1.37e5 / (i + 3) for i in range(1, 700)]
    for n in (0, 1, 7, 8, 9, 100, 128, 129, 333, 699):
        assert lean.fsum_like_pandas(values[:n]) == float(np.add.reduce(np.array(values[:n])))
    assert lean.fsum_like_pandas([1.5, float("nan"), None, 2.0]) == 3.5


def test_lean_plan_figures_are_the_stored_plans_on_both_backends(engine: Engine) -> None:
    """The latest plan's figures are read from its stored JSON by the database (SQLite's
    json_extract, PostgreSQL's operators): both give what the frame-based read gives."""
    from materiel.plan.service import run_and_store

    seed(engine)
    on = dt.date(2026, 1, 5)
    run_and_store(engine, as_of=on, horizon_weeks=8, actor="test")
    coordinator = Principal(1, "coord", "coordinator", None)
    with read_session(engine) as s:
        lean_figures = lean.key_figures(s, coordinator, as_of=on)
        assert lean_figures["plan"] is not None
        assert lean_figures == key_figures(s, coordinator, as_of=on)
