"""Fixtures: migrated databases on SQLite and, where reachable, PostgreSQL.

Integration tests take ``engine`` and run on both backends. Set
MATERIEL_REQUIRE_POSTGRES=1 (CI does) to fail instead of skip when PostgreSQL is absent.

Markers: ``postgres`` is set here on every test that runs against PostgreSQL; ``browser`` and
``slow`` are set in the test modules. ``make test-fast`` deselects all three.

Hypothesis: the ``ci`` profile (``HYPOTHESIS_PROFILE=ci``, set by ``make test`` and .ci/run)
is derandomised, so a run is repeatable; the ``dev`` profile explores new examples. Neither
has a deadline: a wall-clock limit per example fails on a loaded machine, not on a bug.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import gc
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine, create_engine, text

from materiel import migrations
from materiel.db import dispose_all, get_engine
from materiel.records import Base

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

PG_ADMIN = os.environ.get("MATERIEL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> bool:
    try:
        eng = create_engine(PG_ADMIN, connect_args={"connect_timeout": 3})
        with eng.connect() as c:
            c.execute(text("SELECT 1"))
        eng.dispose()
        return True
    except Exception:
        return False


PG_OK = _pg_reachable()
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI output as on a wide terminal, whatever the test runner's width (modules that read
    whole table rows use it: ``pytestmark = pytest.mark.usefixtures("wide_console")``)."""
    from materiel.cli import context

    monkeypatch.setattr(context.console, "_width", 220)
    monkeypatch.setattr(context.err_console, "_width", 220)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded (the libraries, the test modules and what they build at import)
    lives until the end: collected once, then frozen out of every later collection, so the
    collection after each test scans only what the tests made since (without it, a full
    collection after each test took about as long as the tests themselves)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test() -> Iterator[None]:
    """A connection a test leaves open is collected (and reported) at the end of that test,
    not later during whichever test the garbage collector happens to run in."""
    yield
    gc.collect()


#: Modules whose module-scoped fixtures are dear (a live server with a demo, a browser and
#: its signed-in pages, a stored plan, a seeded site, every labelled text read once): under
#: ``pytest -n N`` each runs whole on one worker, so its fixtures are built once, not once per
#: worker. Every other test is
#: balanced test by test, as with xdist's default ``--dist load``. (xdist's own
#: ``--dist loadgroup`` does not group under pytest 9.2: it renames ``item._nodeid``, which
#: pytest no longer reads.)
ONE_WORKER_MODULES = frozenset(
    {
        "test_brief_render",
        "test_cli_80_columns",
        "test_figures_consistency",
        "test_forecast_demo",
        "test_hardening_web",
        "test_ingest_eval",
        "test_needs_cover",
        "test_readme",
        "test_web_browser",
        "test_web_dash_browser",
        "test_web_forms",
        "test_web_meeting",
        "test_web_pages",
        "test_web_personal",
        "test_web_safety",
    }
)


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """With ``-n N`` (``--dist load``): one work unit per test, except one per module of
    :data:`ONE_WORKER_MODULES` (sent first, largest first, as xdist's loadscope does)."""
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModulesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if Path(module).stem in ONE_WORKER_MODULES else nodeid

    return ModulesTogether(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that talks to PostgreSQL carries the ``postgres`` marker."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "pg_url" in names or any(
            v == "postgresql" for v in params.values() if isinstance(v, str)
        ):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    eng = get_engine(path, fresh=True)
    migrations.upgrade(eng)
    eng.dispose()
    return path


@contextmanager
def run_shared_dir(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """A directory shared by every xdist worker of this run (one run's temporary root),
    held under an exclusive lock: what is made in it is made once per run, not per worker."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    d = base.parent / f"{name}-{run}" if run else base / f"{name}-shared"
    d.mkdir(exist_ok=True)
    with open(d / "lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield d
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


SharedDir = Callable[[str], AbstractContextManager[Path]]


@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory: pytest.TempPathFactory) -> SharedDir:
    """``with shared_dir(name) as d``: :func:`run_shared_dir` for a test module."""
    return lambda name: run_shared_dir(tmp_path_factory, name)


def copy_sqlite(src: Path, dest: Path) -> Path:
    """A consistent copy of the SQLite database ``src`` at ``dest`` (SQLite's backup API)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dest) as b:
        a.backup(b)
    a.close()
    b.close()
    return dest


DemoCopy = Callable[..., Path]


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> DemoCopy:
    """``demo_copy(dest, seed=2026, as_of=2026-11-02)``: a fresh SQLite database at ``dest``
    holding exactly what ``load_demo(engine, seed=..., as_of=...)`` writes to an empty one.

    The demo is loaded once per run and per (seed, as_of) into a template that every xdist
    worker shares; each caller gets its own copy, so a module may write to it as before.
    (``load_demo`` itself is tested in test_demo_load.py on both backends.)"""
    from materiel.demo import load_demo
    from materiel.demo.load import DEFAULT_AS_OF, DEFAULT_SEED

    def copy(dest: Path, seed: int = DEFAULT_SEED, as_of: dt.date = DEFAULT_AS_OF) -> Path:
        with run_shared_dir(tmp_path_factory, "demo-templates") as d:
            tpl = d / f"demo-{seed}-{as_of.isoformat()}.db"
            if not tpl.exists():
                part = d / f"{tpl.name}.part"
                part.unlink(missing_ok=True)
                eng = get_engine(part, fresh=True)
                load_demo(eng, seed=seed, as_of=as_of)
                eng.dispose()
                copy_sqlite(part, tpl)
                for leftover in d.glob(f"{part.name}*"):
                    leftover.unlink()
        return copy_sqlite(tpl, dest)

    return copy


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if not PG_OK:
        if os.environ.get("MATERIEL_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL required (MATERIEL_REQUIRE_POSTGRES) but not reachable")
        pytest.skip("PostgreSQL not reachable at 127.0.0.1:5432")
    name = f"materiel_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    eng = get_engine(url, fresh=True)
    migrations.upgrade(eng)
    eng.dispose()
    yield url
    dispose_all()
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_pg(eng: Engine) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with eng.begin() as c:
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A URL to an empty, migrated database on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "materiel.db"
        shutil.copy(sqlite_template, path)
        return str(path)
    url: str = request.getfixturevalue("pg_url")
    eng = get_engine(url)
    _truncate_pg(eng)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = get_engine(db_url, fresh=True)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    """SQLite only, for fast unit tests that need records."""
    path = tmp_path / "unit.db"
    shutil.copy(sqlite_template, path)
    eng = get_engine(path, fresh=True)
    yield eng
    eng.dispose()
