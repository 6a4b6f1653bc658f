"""Backup and restore: a round trip gives identical records and audit chain (SQLite and
PostgreSQL, and across them), a backup taken while a writer commits is one consistent
state, restores refuse non-empty databases and other schema revisions."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, inspect, select, text
from typer.testing import CliRunner

from materiel import migrations
from materiel.api.testing import seed, user_token
from materiel.cli.main import app
from materiel.db import get_engine, read_session
from materiel.ops import BackupError, backup, read_backup_info, restore, table_rows
from materiel.ops.backup import data_tables
from materiel.records import AuditEvent, Delivery, Meeting, PlanRun, Pledge
from materiel.services import verify_chain, writer

PG_ADMIN = os.environ.get("MATERIEL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _new_pg_db() -> tuple[str, Engine]:
    name = f"materiel_h_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))  # name is generated above: safe
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name, admin


def _drop_pg_db(url: str, admin: Engine) -> None:
    name = url.rsplit("/", 1)[1]
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # generated name
    admin.dispose()


@pytest.fixture(scope="module")
def second_pg() -> Iterator[str]:
    """A second PostgreSQL database for this module (migrated, emptied by each test)."""
    url, admin = _new_pg_db()
    eng = get_engine(url, fresh=True)
    migrations.upgrade(eng)
    eng.dispose()
    yield url
    _drop_pg_db(url, admin)


@pytest.fixture
def empty_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second, empty database on the backend of ``db_url`` (SQLite: no schema yet;
    PostgreSQL: migrated, no rows)."""
    if "://" not in db_url:
        return str(tmp_path / "restored.db")
    url: str = request.getfixturevalue("second_pg")
    eng = get_engine(url, fresh=True)
    names = ", ".join(f'"{t.name}"' for t in data_tables())
    with eng.begin() as c:
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))  # table names: safe
    eng.dispose()
    return url


def populate(engine: Engine) -> dict[str, Any]:
    ids = seed(engine)
    user_token(engine, "coord", "coordinator")
    with writer(engine, "test") as w:
        pledge = w.get(Pledge, ref="P-DEU")
        for i in range(3):
            w.record_delivery(
                pledge, ref=f"D-{i}", quantity=10 + i, delivered_on=dt.date(2026, 2, i + 1)
            )
        w.create(
            PlanRun,
            as_of=dt.date(2026, 1, 5),
            snapshot_hash="f" * 64,
            scenario="baseline",
            horizon_weeks=4,
            status="Optimal",
            objective=1.5,
            results={"tables": {"unmet": [{"week": 0, "value": 0.25}]}, "note": "ü = + -"},
        )
    return ids


def snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as c:
        return {t.name: table_rows(c, t) for t in data_tables()}


def chain_ok(engine: Engine) -> int:
    with read_session(engine) as s:
        report = verify_chain(s)
    assert report.ok, report.problems
    return report.events


def test_round_trip_is_identical(engine: Engine, empty_url: str, tmp_path: Path) -> None:
    populate(engine)
    before = snapshot(engine)
    file = tmp_path / "round.backup"
    rep = backup(engine, file)
    assert rep.tables["delivery"] == 3 and rep.audit_head is not None
    target = get_engine(empty_url, fresh=True)
    try:
        restored = restore(target, file)
        assert restored.audit_ok and restored.audit_events == rep.tables["audit_event"]
        after = snapshot(target)
        assert after == before  # every table, every row, sorted by primary key
        assert chain_ok(target) == len(before["audit_event"])
        # the restored database takes new writes after the restored ids
        with writer(target, "test") as w:
            m = w.create(Meeting, ref="M-2", held_on=dt.date(2026, 3, 1), title="after restore")
            assert m.id > max(r["id"] for r in before["meeting"])
        chain_ok(target)
    finally:
        target.dispose()


def test_backup_while_writing_is_consistent(engine: Engine, empty_url: str, tmp_path: Path) -> None:
    populate(engine)
    with writer(engine, "test") as w:
        w.create(
            Pledge,
            ref="P-BIG",
            donor_code="DEU",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=1_000_000,
            announced_on=dt.date(2026, 1, 5),
        )
    stop = threading.Event()
    written: list[str] = []

    def keep_writing() -> None:
        n = 0
        while not stop.is_set() and n < 2000:
            with writer(engine, "writer-thread") as w:
                p = w.get(Pledge, ref="P-BIG")
                w.record_delivery(p, ref=f"W-{n}", quantity=1, delivered_on=dt.date(2026, 3, 1))
            written.append(f"W-{n}")
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(written) < 5:
            stop.wait(0.01)
        files = [tmp_path / f"live-{i}.backup" for i in range(2)]
        for f in files:
            backup(engine, f)
    finally:
        stop.set()
        thread.join()
    final = snapshot(engine)
    target = get_engine(empty_url, fresh=True)
    try:
        restore(target, files[-1])
        got = snapshot(target)
        n_events = chain_ok(target)
        # one state of the source: a prefix of its audit chain, and records matching it
        assert got["audit_event"] == final["audit_event"][:n_events]
        refs = {d["ref"] for d in got["delivery"]}
        audited = {
            e["entity_key"]
            for e in got["audit_event"]
            if e["entity"] == "delivery" and e["action"] == "create"
        }
        assert refs == audited
        assert len([r for r in refs if r.startswith("W-")]) >= 5
        assert got["delivery"] == [d for d in final["delivery"] if d["ref"] in refs]
    finally:
        target.dispose()


def test_restore_refuses_a_non_empty_database_unless_forced(engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    file = tmp_path / "b.backup"
    backup(engine, file)
    before = snapshot(engine)
    with writer(engine, "test") as w:
        w.create(Meeting, ref="M-extra", held_on=dt.date(2026, 4, 1), title="later")
    with pytest.raises(BackupError, match="not empty"):
        restore(engine, file)
    assert len(snapshot(engine)["meeting"]) == len(before["meeting"]) + 1  # untouched
    report = restore(engine, file, force=True)
    assert "meeting" in report.emptied and report.audit_ok
    assert snapshot(engine) == before


def test_restore_refuses_another_schema_revision(engine: Engine, tmp_path: Path) -> None:
    populate(engine)
    file = tmp_path / "b.backup"
    backup(engine, file)
    with sqlite3.connect(file) as c:
        c.execute("DELETE FROM alembic_version")
        c.execute("INSERT INTO alembic_version VALUES ('0001')")
    count_before = snapshot(engine)
    with pytest.raises(BackupError, match="revision mismatch"):
        restore(engine, file, force=True)
    assert snapshot(engine) == count_before


def test_garbage_is_not_a_backup(sqlite_engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.backup"
    bad.write_bytes(os.urandom(4096))
    with pytest.raises(BackupError, match="not a materiel backup"):
        restore(sqlite_engine, bad)
    truncated = tmp_path / "cut.backup"
    populate(sqlite_engine)
    backup(sqlite_engine, tmp_path / "full.backup")
    truncated.write_bytes((tmp_path / "full.backup").read_bytes()[:8192])
    fresh = get_engine(tmp_path / "fresh.db", fresh=True)
    try:
        with pytest.raises(BackupError):
            restore(fresh, truncated)
        with fresh.connect() as c:
            present = set(inspect(c).get_table_names())
            assert all(
                c.scalar(select(func.count()).select_from(t)) == 0
                for t in data_tables()
                if t.name in present
            )
    finally:
        fresh.dispose()


def test_across_backends(sqlite_engine: Engine, request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("pg_url")  # skips without PostgreSQL
    populate(sqlite_engine)
    before = snapshot(sqlite_engine)
    tmp = Path(str(request.getfixturevalue("tmp_path")))
    url, admin = _new_pg_db()
    pg = get_engine(url, fresh=True)
    try:
        backup(sqlite_engine, tmp / "s.backup")
        restore(pg, tmp / "s.backup")
        assert snapshot(pg) == before
        chain_ok(pg)
        # and back: PostgreSQL (logical export) into a new SQLite file
        backup(pg, tmp / "p.backup")
        assert read_backup_info(tmp / "p.backup")["method"] == "logical"
        back = get_engine(tmp / "back.db", fresh=True)
        restore(back, tmp / "p.backup")
        assert snapshot(back) == before
        back.dispose()
    finally:
        pg.dispose()
        _drop_pg_db(url, admin)


@pytest.mark.slow
def test_cli_backup_and_restore(db_url: str, empty_url: str, tmp_path: Path) -> None:
    eng = get_engine(db_url, fresh=True)
    populate(eng)
    before = snapshot(eng)
    eng.dispose()
    runner = CliRunner()
    file = tmp_path / "cli.backup"
    r = runner.invoke(app, ["--db", db_url, "backup", str(file), "--json"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["--db", empty_url, "restore", str(file), "--json"])
    assert r.exit_code == 0, r.output
    assert '"audit_ok": true' in r.output
    r = runner.invoke(app, ["--db", empty_url, "restore", str(file)])
    assert r.exit_code == 1 and "not empty" in r.output
    target = get_engine(empty_url, fresh=True)
    assert snapshot(target) == before
    target.dispose()


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump not installed")
def test_pg_dump_method(db_url: str, empty_url: str, tmp_path: Path) -> None:
    if "://" not in db_url:
        eng = get_engine(db_url, fresh=True)
        with pytest.raises(BackupError, match="PostgreSQL"):
            backup(eng, tmp_path / "x.dump", method="pg_dump")
        eng.dispose()
        return
    eng = get_engine(db_url, fresh=True)
    populate(eng)
    before = snapshot(eng)
    backup(eng, tmp_path / "x.dump", method="pg_dump")
    eng.dispose()
    target = get_engine(empty_url, fresh=True)
    try:
        report = restore(target, tmp_path / "x.dump")
        assert report.method == "pg_dump" and report.audit_ok
        assert snapshot(target) == before
        with read_session(target) as s:
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == len(
                before["audit_event"]
            )
            assert s.scalar(select(func.count()).select_from(Delivery)) == 3
    finally:
        target.dispose()
