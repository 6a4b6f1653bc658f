"""Engines and sessions: SQLite (WAL, foreign keys, immediate write transactions) or PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "materiel.db"
WRITE_OPTION = "materiel_write"
# PostgreSQL: the advisory lock every write transaction takes first (the counterpart of
# SQLite's BEGIN IMMEDIATE); it also serialises appends to the audit chain
WRITE_LOCK_KEY = 7_741_001


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """A database URL from an argument, ``MATERIEL_DB`` or the default SQLite file.

    A plain path is a SQLite file; anything with ``://`` is a SQLAlchemy URL.
    ``postgresql://`` is mapped to the psycopg 3 driver.
    """
    raw = str(db) if db is not None else os.environ.get("MATERIEL_DB", DEFAULT_DB)
    if "://" not in raw:
        return f"sqlite+pysqlite:///{Path(raw).expanduser().absolute()}"
    if raw.startswith("postgresql://") or raw.startswith("postgres://"):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    return raw


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front so read-then-write never deadlocks.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgres_setup(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # One lock order for every writer: the write lock first, row locks after. A writer
        # that locked a row (a pledge, for a delivery) before appending its audit event
        # deadlocked with one that appended first (an import) and then locked that row.
        if conn.get_execution_options().get(WRITE_OPTION, False):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})


_ENGINES: dict[str, Engine] = {}


def get_engine(db: str | os.PathLike[str] | None = None, *, fresh: bool = False) -> Engine:
    """One engine per URL and process (``fresh`` makes a new, uncached one)."""
    url = resolve_url(db)
    if not fresh and url in _ENGINES:
        return _ENGINES[url]
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _sqlite_setup(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
        if u.get_backend_name() == "postgresql":
            _postgres_setup(engine)
    if not fresh:
        _ENGINES[url] = engine
    return engine


def dispose_all() -> None:
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


# one session factory for all engines (the bind is given per session): building a
# sessionmaker makes a Session subclass and its event dispatch, a sixth of a small API read
# when done per call
_SESSIONS = sessionmaker(expire_on_commit=False)


def read_session(engine: Engine) -> Session:
    return _SESSIONS(bind=engine)


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in one write transaction: committed on success, rolled back on any error.
    It holds the database's write lock from its first statement (SQLite: BEGIN IMMEDIATE;
    PostgreSQL: the advisory lock ``WRITE_LOCK_KEY``), so writers never wait for each other
    while holding row locks: one lock order everywhere, no deadlock."""
    session = _SESSIONS(bind=engine.execution_options(**{WRITE_OPTION: True}))
    try:
        with session.begin():
            yield session
    finally:
        session.close()
