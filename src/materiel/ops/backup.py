"""Consistent backups while the server runs, and restores into an empty database.

Formats (both detected on restore by their first bytes):

- **SQLite container** (the default): a SQLite database file holding every table of
  materiel, ``alembic_version`` and a ``_materiel_backup`` table describing the backup.
  On SQLite it is made with the online backup API (``sqlite3.Connection.backup``, one step,
  so it is one consistent snapshot even while writers commit); on PostgreSQL it is a
  logical export of every table, in dependency order, read in one ``REPEATABLE READ``
  read-only transaction (one snapshot). A SQLite backup is itself a usable database.
- **pg_dump custom format** (``method="pg_dump"``, PostgreSQL only, needs ``pg_dump``):
  restored with ``pg_restore``.

A restore writes everything in one transaction into a database that is empty (or emptied
with ``force``), refuses a backup made at another schema revision, checks row counts and
verifies the audit chain before it commits: a backup whose chain does not verify restores
nothing (a pg_dump archive's chain is checked in a temporary table before pg_restore
runs). Restores across backends (SQLite ⇄ PostgreSQL) work with the SQLite container.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import pkgutil
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psycopg import sql
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    func,
    insert,
    inspect,
    literal,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from materiel import migrations
from materiel.db import WRITE_OPTION, is_sqlite
from materiel.records import AuditEvent, Base
from materiel.services import chain_head
from materiel.services.audit import ChainReport, verify_chain

__all__ = [
    "FORMAT_VERSION",
    "BackupError",
    "BackupReport",
    "RestoreReport",
    "backup",
    "read_backup_info",
    "restore",
    "table_rows",
]

FORMAT_VERSION = 1
META_TABLE = "_materiel_backup"
SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
CHUNK = 1000

Progress = Callable[[str, int], None]
"""Called with (table name, rows copied so far in that table)."""


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass
class BackupReport:
    path: Path
    method: str  # sqlite-online, logical, pg_dump
    backend: str
    revisions: list[str]
    tables: dict[str, int]
    audit_head: str | None
    seconds: float
    bytes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "method": self.method,
            "backend": self.backend,
            "revisions": self.revisions,
            "tables": self.tables,
            "rows": sum(self.tables.values()),
            "audit_head": self.audit_head,
            "seconds": round(self.seconds, 3),
            "bytes": self.bytes,
        }


@dataclass
class RestoreReport:
    path: Path
    method: str
    revisions: list[str]
    tables: dict[str, int]
    audit_events: int
    audit_ok: bool
    emptied: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "method": self.method,
            "revisions": self.revisions,
            "tables": self.tables,
            "rows": sum(self.tables.values()),
            "audit_events": self.audit_events,
            "audit_ok": self.audit_ok,
            "emptied": self.emptied,
            "seconds": round(self.seconds, 3),
        }


# -- the tables --------------------------------------------------------------------------------
def _load_all_records() -> None:
    """Import every records module, so tables added by new modules are backed up too."""
    import materiel.records as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{mod.name}")


def data_tables() -> list[Table]:
    """Every table of materiel, parents before children (the order to insert in)."""
    _load_all_records()
    return list(Base.metadata.sorted_tables)


_VERSION_TABLE = Table(
    "alembic_version", MetaData(), Column("version_num", String(32), primary_key=True)
)
_META = Table(
    META_TABLE,
    MetaData(),
    Column("key", String(40), primary_key=True),
    Column("value", String(4000)),
)


def _ordered(table: Table) -> Any:
    return select(table).order_by(*table.primary_key.columns)


def table_rows(conn: Connection, table: Table) -> list[dict[str, Any]]:
    """Every row of ``table`` as a dict, sorted by primary key (for comparisons)."""
    return [dict(r._mapping) for r in conn.execute(_ordered(table))]


def _revisions(conn: Connection) -> list[str]:
    if not inspect(conn).has_table("alembic_version"):
        return []
    return sorted(str(r[0]) for r in conn.execute(select(_VERSION_TABLE.c.version_num)))


def _counts(conn: Connection, tables: list[Table]) -> dict[str, int]:
    present = set(inspect(conn).get_table_names())
    return {
        t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
        for t in tables
        if t.name in present
    }


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


# -- backup ------------------------------------------------------------------------------------
def backup(
    engine: Engine,
    dest: Path,
    *,
    method: str = "auto",
    progress: Progress | None = None,
) -> BackupReport:
    """Write a consistent backup of the database of ``engine`` to ``dest``.

    ``method``: ``auto`` (SQLite online backup on SQLite, logical export on PostgreSQL),
    ``logical`` (the portable SQLite container, from either backend) or ``pg_dump``
    (PostgreSQL custom format). The file appears only when complete (written beside it,
    then renamed).
    """
    if method not in ("auto", "logical", "pg_dump"):
        raise BackupError(f"unknown backup method {method!r} (auto, logical or pg_dump)")
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if migrations.current_revision(engine) is None:
        raise BackupError(f"database {_shown(engine)} is not initialised: nothing to back up")
    started = time.perf_counter()
    partial = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        if method == "pg_dump":
            report = _backup_pg_dump(engine, partial)
        elif method == "auto" and is_sqlite(engine):
            report = _backup_sqlite_online(engine, partial)
        else:
            report = _backup_logical(engine, partial, progress)
        _fsync(partial)
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    report.path = dest
    report.seconds = time.perf_counter() - started
    report.bytes = dest.stat().st_size
    return report


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _container(path: Path) -> Engine:
    return create_engine(f"sqlite+pysqlite:///{path.absolute()}")


def _write_meta(container: Engine, info: dict[str, Any]) -> None:
    with container.begin() as c:
        _META.create(c, checkfirst=True)
        c.execute(delete(_META))
        c.execute(
            insert(_META),
            [{"key": k, "value": json.dumps(v, default=str)} for k, v in info.items()],
        )


def _info(method: str, engine: Engine, conn: Connection, tables: list[Table]) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "method": method,
        "backend": engine.dialect.name,
        "source": _shown(engine),
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "revisions": _revisions(conn),
        "audit_head": chain_head(conn),
        "tables": _counts(conn, tables),
    }


def _backup_sqlite_online(engine: Engine, partial: Path) -> BackupReport:
    tables = data_tables()
    raw = engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        target = sqlite3.connect(partial)
        try:
            source.backup(target)  # all pages in one step: one consistent snapshot
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
    finally:
        raw.close()
    container = _container(partial)
    try:
        with container.connect() as c:
            info = _info("sqlite-online", engine, c, tables)
        _write_meta(container, info)
    finally:
        container.dispose()
    return _report(partial, info)


def _report(path: Path, info: dict[str, Any]) -> BackupReport:
    return BackupReport(
        path=path,
        method=info["method"],
        backend=info["backend"],
        revisions=info["revisions"],
        tables=info["tables"],
        audit_head=info["audit_head"],
        seconds=0.0,
        bytes=0,
    )


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction seeing one state of the database."""
    if is_sqlite(engine):
        with engine.connect() as conn:  # BEGIN (deferred): a WAL read snapshot
            yield conn
        return
    opts: dict[str, Any] = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with engine.connect().execution_options(**opts) as conn:
        yield conn


def _backup_logical(engine: Engine, partial: Path, progress: Progress | None) -> BackupReport:
    tables = data_tables()
    container = _container(partial)
    try:
        with _snapshot(engine) as src:
            present = set(inspect(src).get_table_names())
            unknown = sorted(present - {t.name for t in tables} - {"alembic_version", META_TABLE})
            if unknown:
                raise BackupError(
                    f"table(s) {', '.join(unknown)} are not known to this version of materiel; "
                    "upgrade materiel before backing up (nothing was written)"
                )
            copied = [t for t in tables if t.name in present]
            info = _info("logical", engine, src, copied)
            with container.begin() as dst:
                Base.metadata.create_all(dst, tables=copied)
                _VERSION_TABLE.create(dst)
                dst.execute(insert(_VERSION_TABLE), [{"version_num": r} for r in info["revisions"]])
                for t in copied:
                    _copy_table(src, dst, t, progress)
        _write_meta(container, info)
    finally:
        container.dispose()
    return _report(partial, info)


def _copy_table(src: Connection, dst: Connection, table: Table, progress: Progress | None) -> int:
    done = 0
    result = src.execution_options(yield_per=CHUNK).execute(_ordered(table))
    for part in result.partitions(CHUNK):
        dst.execute(insert(table), [dict(r._mapping) for r in part])
        done += len(part)
        if progress is not None:
            progress(table.name, done)
    return done


def _pg_env(engine: Engine) -> tuple[list[str], dict[str, str]]:
    url = engine.url
    args = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432)]
    if url.username:
        args += ["-U", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _backup_pg_dump(engine: Engine, partial: Path) -> BackupReport:
    if engine.dialect.name != "postgresql":
        raise BackupError("--pg-dump backs up PostgreSQL databases only")
    exe = shutil.which("pg_dump")
    if exe is None:
        raise BackupError("pg_dump is not installed; use the default (logical) backup")
    args, env = _pg_env(engine)
    cmd = [exe, *args, "-Fc", "--no-owner", "--no-privileges", "-f", str(partial)]
    cmd.append(str(engine.url.database))
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    tables = data_tables()
    with _snapshot(engine) as c:
        info = _info("pg_dump", engine, c, tables)
    return _report(partial, info)


# -- reading a backup --------------------------------------------------------------------------
def _kind(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"{path}: cannot read the backup ({exc.strerror})") from None
    if head.startswith(SQLITE_MAGIC):
        return "container"
    if head.startswith(PGDUMP_MAGIC):
        return "pg_dump"
    raise BackupError(
        f"{path}: not a materiel backup (neither a SQLite file nor a pg_dump archive)"
    )


def _open_container(path: Path) -> Engine:
    uri = f"file:{path.absolute()}?mode=ro"
    return create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )


def read_backup_info(path: Path) -> dict[str, Any]:
    """What a backup holds: method, source backend, revisions, audit head, rows per table."""
    path = Path(path)
    kind = _kind(path)
    if kind == "pg_dump":
        return {"method": "pg_dump", "format": "pg_dump custom archive"}
    engine = _open_container(path)
    try:
        with engine.connect() as c:
            check = [str(r[0]) for r in c.exec_driver_sql("PRAGMA quick_check")]
            if check != ["ok"]:
                raise BackupError(f"{path}: damaged backup ({'; '.join(check[:3])})")
            names = set(inspect(c).get_table_names())
            if META_TABLE in names:
                info = {str(k): json.loads(v) for k, v in c.execute(select(_META))}
            else:  # a plain materiel SQLite database used as a backup
                info = {"method": "sqlite-file", "tables": _counts(c, data_tables())}
            info["revisions"] = _revisions(c)
            if "audit_event" in names:
                info["audit_head"] = chain_head(c)
            return info
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        raise BackupError(f"{path}: unreadable backup ({getattr(exc, 'orig', exc)})") from None
    finally:
        engine.dispose()


# -- restore -----------------------------------------------------------------------------------
def restore(
    engine: Engine,
    src: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> RestoreReport:
    """Restore the backup ``src`` into the database of ``engine`` in one transaction.

    The database must be empty (no rows in any materiel table; a missing schema is
    created) unless ``force``, which deletes every row first, in the same transaction.
    Refuses a backup made at another schema revision. Afterwards the row counts are
    compared with the backup's and the audit chain is verified.
    """
    src = Path(src)
    started = time.perf_counter()
    kind = _kind(src)
    if kind == "pg_dump":
        report = _restore_pg_dump(engine, src, force)
    else:
        report = _restore_container(engine, src, force, progress)
    report.seconds = time.perf_counter() - started
    return report


def _target_revisions(engine: Engine) -> list[str]:
    if migrations.current_revision(engine) is None:
        migrations.upgrade(engine)
    with engine.connect() as c:
        return _revisions(c)


def _non_empty(conn: Connection, tables: list[Table]) -> list[str]:
    present = set(inspect(conn).get_table_names())
    out = []
    for t in tables:
        if t.name in present and conn.execute(select(literal(1)).select_from(t).limit(1)).first():
            out.append(t.name)
    return out


def _restore_container(
    engine: Engine, src: Path, force: bool, progress: Progress | None
) -> RestoreReport:
    info = read_backup_info(src)
    backup_revs = list(info.get("revisions") or [])
    if not backup_revs:
        raise BackupError(f"{src}: the backup has no schema revision (alembic_version)")
    target_revs = _target_revisions(engine)
    if backup_revs != target_revs:
        raise BackupError(
            f"schema revision mismatch: the backup is at {', '.join(backup_revs)}, the "
            f"database at {', '.join(target_revs) or 'none'}; restore with the materiel "
            "version that made the backup (nothing was written)"
        )
    tables = data_tables()
    source = _open_container(src)
    try:
        with source.connect() as s:
            in_backup = set(inspect(s).get_table_names())
            unknown = sorted(
                in_backup
                - {t.name for t in tables}
                - {"alembic_version", META_TABLE, "sqlite_sequence", "sqlite_stat1"}
            )
            if unknown:
                raise BackupError(
                    f"the backup holds table(s) {', '.join(unknown)} unknown to this version "
                    "of materiel (nothing was written)"
                )
            copied = [t for t in tables if t.name in in_backup]
            expected = _counts(s, copied)
            bound = engine.execution_options(**{WRITE_OPTION: True})
            with bound.begin() as dst:
                busy = _non_empty(dst, tables)
                if busy and not force:
                    raise BackupError(
                        f"database {_shown(engine)} is not empty (rows in {', '.join(busy)}); "
                        "restore into an empty database, or pass --force to replace its "
                        "contents (nothing was written)"
                    )
                for t in reversed(tables):
                    if t.name in busy:
                        dst.execute(delete(t))
                for t in copied:
                    _copy_table(s, dst, t, progress)
                if engine.dialect.name == "postgresql":
                    _reset_sequences(dst, copied)
                got = _counts(dst, copied)
                if got != expected:
                    raise BackupError(f"restore incomplete: rows {got} != backup {expected}")
                _refuse_broken_chain(verify_chain(dst))  # before the commit: all or nothing
    finally:
        source.dispose()
    return _finish(engine, src, "container", backup_revs, got, busy)


def _refuse_broken_chain(chain: ChainReport) -> None:
    if not chain.ok:
        shown = "; ".join(chain.problems[:3])
        more = f" (and {len(chain.problems) - 3} more)" if len(chain.problems) > 3 else ""
        raise BackupError(
            f"the backup's audit chain does not verify: {shown}{more}; nothing was restored "
            "(the backup or its source was altered: restore an earlier backup)"
        )


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Serial primary keys continue after the restored ids (PostgreSQL)."""
    for t in tables:
        pk = list(t.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = conn.scalar(select(func.pg_get_serial_sequence(t.name, pk[0].name)))
        if seq is None:
            continue
        top = conn.scalar(select(func.max(pk[0])))
        conn.execute(select(func.setval(seq, top or 1, top is not None)))


def _finish(
    engine: Engine, src: Path, method: str, revs: list[str], got: dict[str, int], busy: list[str]
) -> RestoreReport:
    from materiel.db import read_session

    with read_session(engine) as s:
        chain = verify_chain(s)
    return RestoreReport(
        path=src,
        method=method,
        revisions=revs,
        tables=got,
        audit_events=chain.events,
        audit_ok=chain.ok,
        emptied=busy,
    )


def _restore_pg_dump(engine: Engine, src: Path, force: bool) -> RestoreReport:
    if engine.dialect.name != "postgresql":
        raise BackupError("a pg_dump archive restores into PostgreSQL only")
    exe = shutil.which("pg_restore")
    if exe is None:
        raise BackupError("pg_restore is not installed")
    tables = data_tables()
    with engine.connect() as c:
        busy = _non_empty(c, tables)
    if busy and not force:
        raise BackupError(
            f"database {_shown(engine)} is not empty (rows in {', '.join(busy)}); restore into "
            "an empty database, or pass --force to replace its contents (nothing was written)"
        )
    _refuse_broken_chain(_archive_chain(engine, exe, src))
    engine.dispose()  # pg_restore --clean drops tables: no idle connection may hold them
    args, env = _pg_env(engine)
    cmd = [exe, *args, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
    cmd += ["--single-transaction", "--exit-on-error", "-d", str(engine.url.database), str(src)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"pg_restore failed (nothing was written): {done.stderr.strip()}")
    with engine.connect() as c:
        revs = _revisions(c)
        got = _counts(c, tables)
    return _finish(engine, src, "pg_dump", revs, got, busy)


def _archive_chain(engine: Engine, exe: str, src: Path) -> ChainReport:
    """Verify the audit chain inside a pg_dump archive before anything is restored: its
    ``audit_event`` rows (as ``pg_restore`` prints them) are copied into a temporary table
    of a throw-away transaction on ``engine`` and checked there."""
    out = subprocess.run(
        [exe, "--data-only", "--table=audit_event", "-f", "-", str(src)],
        capture_output=True,
        check=False,
    )
    if out.returncode != 0:
        raise BackupError(
            f"pg_restore cannot read the archive (nothing was written): "
            f"{out.stderr.decode(errors='replace').strip()}"
        )
    columns, data = _copy_block(out.stdout, "audit_event")
    known = [c.name for c in AuditEvent.__table__.columns]
    if columns is None:
        return ChainReport(ok=True, events=0)
    if not set(columns) <= set(known):
        raise BackupError(f"{src}: audit_event columns {columns} unknown (nothing was written)")
    check = Table(
        "_materiel_restore_check",
        MetaData(),
        *(Column(c.name, c.type) for c in AuditEvent.__table__.columns),
        prefixes=["TEMPORARY"],
    )
    copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(check.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with engine.connect() as conn:
        trans = conn.begin()
        try:
            check.create(conn)
            driver: Any = conn.connection.driver_connection
            with driver.cursor() as cur, cur.copy(copy) as pipe:
                pipe.write(data)
            return verify_chain(conn, table=check)
        finally:
            trans.rollback()


def _copy_block(script: bytes, table: str) -> tuple[list[str] | None, bytes]:
    """The column names and data of ``COPY public.<table> (...) FROM stdin;`` in a SQL
    script written by pg_restore (None when the table has no data block)."""
    start = script.find(f"\nCOPY public.{table} (".encode())
    if start < 0:
        return None, b""
    head_end = script.index(b"\n", start + 1)
    head = script[start + 1 : head_end].decode()
    columns = [
        c.strip().strip('"') for c in head[head.index("(") + 1 : head.rindex(")")].split(",")
    ]
    end = script.find(b"\n\\.\n", head_end)
    data = script[head_end + 1 : end + 1] if end >= head_end else b""
    return columns, data


def backup_name(engine: Engine) -> str:
    """A default file name: ``materiel-<database>-<UTC time>.backup``."""
    db = make_url(engine.url).database or "db"
    stem = Path(db).stem if is_sqlite(engine) else db
    return f"materiel-{stem}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.backup"
