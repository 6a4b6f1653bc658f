"""Migrations: an empty database upgrades to head on SQLite and PostgreSQL, the schema matches
the models, and `materiel init` is idempotent."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, Integer, MetaData, Table, create_engine, insert, inspect, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from materiel import migrations
from materiel.cli.main import app
from materiel.db import get_engine, read_session, write_session
from materiel.records import Base, Nation, Need
from materiel.services import Writer, verify_chain, writer
from materiel.services.audit import append_event

PG_ADMIN = os.environ.get("MATERIEL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to a brand-new database with no tables at all."""
    if request.param == "sqlite":
        yield str(tmp_path / "fresh.db")
        return
    request.getfixturevalue("pg_url")  # skips (or fails in CI) when PostgreSQL is absent
    name = f"materiel_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def empty_engine(empty_url: str) -> Iterator[Engine]:
    eng = get_engine(empty_url, fresh=True)
    yield eng
    eng.dispose()


TABLES = ("nation", "item", "need", "audit_event")


@pytest.fixture
def sqlite_engine_at_0004(tmp_path: Path) -> Iterator[Engine]:
    """A SQLite database at 0004_job_pid_started (before AUTOINCREMENT)."""
    eng = get_engine(tmp_path / "old.db", fresh=True)
    migrations.upgrade(eng, "0004_job_pid_started")
    yield eng
    eng.dispose()


def _heads(engine: Engine) -> set[str]:
    return set(ScriptDirectory.from_config(migrations.alembic_config(engine)).get_heads())


def _versions(engine: Engine) -> set[str]:
    with engine.connect() as c:
        return {r[0] for r in c.execute(text("SELECT version_num FROM alembic_version"))}


def test_empty_database_upgrades_to_head(empty_engine: Engine) -> None:
    assert inspect(empty_engine).get_table_names() == []
    assert migrations.current_revision(empty_engine) is None
    migrations.upgrade(empty_engine)
    assert _versions(empty_engine) == _heads(empty_engine)
    tables = set(inspect(empty_engine).get_table_names())
    missing = {t.name for t in Base.metadata.sorted_tables} - tables
    assert not missing, f"tables of the models missing after upgrade: {sorted(missing)}"
    insp = inspect(empty_engine)
    for table in Base.metadata.sorted_tables:
        have = {c["name"] for c in insp.get_columns(table.name)}
        want = {c.name for c in table.columns}
        assert want <= have, f"{table.name}: columns missing {sorted(want - have)}"
    # SQLite never reuses an id: every table keyed by one integer is AUTOINCREMENT, whichever
    # migration created or rebuilt it
    if empty_engine.dialect.name == "sqlite":
        with empty_engine.connect() as c:
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and isinstance(pk[0].type, Integer):
                    sql = c.execute(
                        text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": table.name}
                    ).scalar_one()
                    assert "AUTOINCREMENT" in sql.upper(), f"{table.name} may reuse ids"
    # the upgraded database takes audited writes
    with writer(empty_engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
    with empty_engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 1
    # upgrading again changes nothing
    before = set(inspect(empty_engine).get_table_names())
    migrations.upgrade(empty_engine)
    assert _versions(empty_engine) == _heads(empty_engine)
    assert set(inspect(empty_engine).get_table_names()) == before


def test_migrations_match_the_models(engine: Engine) -> None:
    """Autogenerate finds no table or column the migrations forgot (types aside)."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diffs = compare_metadata(ctx, Base.metadata)
    structural = [
        d
        for d in diffs
        if isinstance(d, tuple) and d[0] in ("add_table", "add_column", "remove_column")
    ]
    assert not structural, structural


def test_materiel_init_twice_is_idempotent(empty_url: str, empty_engine: Engine) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["--db", empty_url, "init", "--no-reference"])
    assert first.exit_code == 0, first.output
    assert "was empty" in first.output
    revision = _versions(empty_engine)
    assert revision == _heads(empty_engine)
    with writer(empty_engine, actor="test") as w:
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
    second = runner.invoke(app, ["--db", empty_url, "init", "--no-reference"])
    assert second.exit_code == 0, second.output
    assert "up to date" in second.output
    assert _versions(empty_engine) == revision
    with empty_engine.connect() as c:  # records survive a second init
        assert c.execute(text("SELECT count(*) FROM nation")).scalar_one() == 1
    with read_session(empty_engine) as s:
        assert verify_chain(s).ok


def test_0005_splits_alliances_and_flags_the_demo_records(empty_engine: Engine) -> None:
    """Migration 0005_read_side on a database made before it: the comma-separated
    ``nation.alliance`` becomes alliance_member rows, and the records the audit trail
    attributes to the demo loader get the synthetic flag — those of anyone else do not,
    whatever their sources say. The downgrade gives the strings back."""
    migrations.upgrade(empty_engine, "0004_job_pid_started")
    stamp = "2026-01-01 00:00:00"
    with empty_engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO nation (code, name, is_donor, is_recipient, alliance) VALUES "
                "('DEU', 'Germany', true, false, 'NATO,EU'), ('USA', 'USA', true, false, 'NATO'),"
                " ('UKR', 'Ukraine', false, true, NULL)"
            )
        )
        c.execute(
            text(
                "INSERT INTO item (code, name, category, unit, unit_value, currency, aliases) "
                "VALUES ('ammo.x', 'x', 'artillery-ammunition', 'round', 1, 'USD', '[]')"
            )
        )
        for ref, actor, source in (
            ("DEMO-P-1", "demo", "synthetic demo data"),
            ("P-REAL", "api:chair", "ICEYE synthetic-aperture radar imagery"),
        ):
            c.execute(
                text(
                    "INSERT INTO pledge (ref, donor_code, recipient_code, item_code, quantity,"
                    " announced_on, channel, confidential, status, source_document, version)"
                    " VALUES (:ref, 'DEU', 'UKR', 'ammo.x', 10, '2026-01-01', 'stock', false,"
                    " 'announced', :src, 1)"
                ),
                {"ref": ref, "src": source},
            )
            c.execute(
                text(
                    "INSERT INTO audit_event (seq, at, actor, action, entity, entity_key, "
                    "prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM "
                    "audit_event), :at, :actor, 'create', 'pledge', :ref, :prev, :hash)"
                ),
                {"at": stamp, "actor": actor, "ref": ref, "prev": "0" * 64, "hash": ref * 4},
            )
    migrations.upgrade(empty_engine)
    with empty_engine.connect() as c:
        members = set(c.execute(text("SELECT alliance, nation_code FROM alliance_member")))
        flags = dict(c.execute(text("SELECT ref, synthetic FROM pledge")).all())
    assert members == {("NATO", "DEU"), ("EU", "DEU"), ("NATO", "USA")}
    assert {k: bool(v) for k, v in flags.items()} == {"DEMO-P-1": True, "P-REAL": False}
    migrations.upgrade(empty_engine, "0005_read_side")  # a no-op at head
    from alembic import command

    command.downgrade(migrations.alembic_config(empty_engine), "0004_job_pid_started")
    with empty_engine.connect() as c:
        back = dict(c.execute(text("SELECT code, alliance FROM nation")).all())
        assert "alliance_member" not in inspect(empty_engine).get_table_names()
    assert back == {"DEU": "NATO,EU", "USA": "NATO", "UKR": None}


def _need(w: Writer, ref: str) -> Need:
    day = dt.date(2026, 1, 1)
    return w.create(
        Need,
        ref=ref,
        recipient_code="UKR",
        item_code="ammo.x",
        quantity=1,
        priority="high",
        needed_by=day,
        stated_on=day,
    )


def _old_record(s: Session, table: str, key: str, **values: object) -> int | None:
    """A record written as the code of revision 0004 wrote it (its own columns, an audit
    event), without today's models: later revisions add columns those lack."""
    t = Table(table, MetaData(), autoload_with=s.connection())
    result = s.execute(insert(t).values(**values))
    pk = result.inserted_primary_key
    row_id = pk[0] if pk else None
    after = {**values, **({"id": row_id} if row_id is not None else {})}
    append_event(
        s, actor="test", action="create", entity=table, entity_key=key, before=None, after=after
    )
    return row_id


def test_upgrade_keeps_ids_and_never_reuses_deleted_ones(sqlite_engine_at_0004: Engine) -> None:
    """0008_security (SQLite): tables are rebuilt with AUTOINCREMENT, keeping every row,
    foreign key and index; the next id is above every id the audit trail has seen, even of
    a record deleted before the upgrade."""
    eng = sqlite_engine_at_0004
    day = dt.date(2026, 1, 1)
    need = {
        "recipient_code": "UKR",
        "item_code": "ammo.x",
        "quantity": 1,
        "priority": "high",
        "needed_by": day,
        "stated_on": day,
        "version": 1,
    }
    with write_session(eng) as s:
        _old_record(s, "nation", "UKR", code="UKR", name="Ukraine", is_donor=False,
                    is_recipient=True)  # fmt: skip
        _old_record(s, "item", "ammo.x", code="ammo.x", name="x", category="c", unit="round",
                    unit_value=1.0, currency="EUR", aliases=[])  # fmt: skip
        ids = [_old_record(s, "need", f"N-{i}", ref=f"N-{i}", **need) for i in range(3)]
        top = ids[-1]
        s.execute(text("DELETE FROM need WHERE ref = 'N-2'"))  # the newest: SQLite reuses it
        append_event(s, actor="test", action="delete", entity="need", entity_key="N-2",
                     before={"ref": "N-2", "id": top, **need}, after=None)  # fmt: skip
    assert top is not None
    with eng.connect() as c:
        before = {t: c.execute(text(f'SELECT * FROM "{t}" ORDER BY 1')).all() for t in TABLES}
    migrations.upgrade(eng, "0008_security")
    with eng.connect() as c:
        after = {t: c.execute(text(f'SELECT * FROM "{t}" ORDER BY 1')).all() for t in TABLES}
        sql = c.execute(text("SELECT sql FROM sqlite_master WHERE name = 'need'")).scalar_one()
        assert c.execute(text("PRAGMA foreign_key_check")).all() == []
        assert c.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    assert before == after and "AUTOINCREMENT" in sql
    migrations.upgrade(eng)
    with writer(eng, actor="test") as w:
        fresh = _need(w, "N-9")
    assert fresh.id > top
    with read_session(eng) as s:
        assert verify_chain(s).ok
