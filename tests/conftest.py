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

import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test() -> Iterator[None]:
    """A connection a test leaves open is collected (and reported) at the end of that test,
    not later during whichever test the garbage collector happens to run in."""
    yield
    gc.collect()


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
