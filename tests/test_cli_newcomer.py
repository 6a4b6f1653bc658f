"""Issue 19: the command line a newcomer meets. A reading command on a missing or
uninitialised database says so in one line with the fix and creates nothing; `materiel --help`
imports only what it uses."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from materiel.cli.main import app

runner = CliRunner()

READING = [
    ["status"],
    ["needs", "list"],
    ["pledges", "list"],
    ["stocks", "list"],
    ["plan"],
    ["forecast"],
    ["drafts", "list"],
    ["audit", "verify"],
    ["users", "list"],
    ["kiel", "report"],
    ["export", "pledges", "--out", "-"],
]


@pytest.mark.parametrize("args", READING, ids=lambda a: " ".join(a[:2]))
def test_reading_command_on_a_missing_database_creates_nothing(
    tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "materiel.db"
    r = runner.invoke(app, ["--db", str(db), *args])
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr  # one line, no traceback
    assert lines[0].startswith("error: no database at ")
    assert "materiel init" in lines[0] and "--db" in lines[0]
    assert list(tmp_path.iterdir()) == []  # nothing created: no file, no -wal, no -shm


@pytest.mark.parametrize("args", READING[:3], ids=lambda a: " ".join(a[:2]))
def test_reading_command_on_an_uninitialised_database(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    conn.close()
    r = runner.invoke(app, ["--db", str(db), *args])
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "is not initialised: run `materiel init`" in lines[0]
    with sqlite3.connect(db) as conn:  # and nothing was added to it
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    conn.close()
    assert tables == ["notes"]


def test_init_still_creates_the_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    r = runner.invoke(app, ["--db", str(db), "init", "--no-reference"])
    assert r.exit_code == 0, r.output
    assert db.is_file()
    r = runner.invoke(app, ["--db", str(db), "needs", "list", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == []


HEAVY = (
    "fastapi",
    "alembic",
    "xarray",
    "highspy",
    "linopy",
    "starlette",
    "weasyprint",
    "dask",
    "pandas",
    "sqlalchemy",
    "materiel.records",
)


def test_the_cli_entry_point_imports_no_heavy_library() -> None:
    """`materiel --help` and light commands load only what they use: the web stack, the
    migrations, the labelled arrays and the solver are imported by the commands that need
    them (timings in `make bench`, not here)."""
    code = (
        "import json, sys\n"
        "import materiel.cli.main\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []


def test_the_help_lists_every_command_with_the_start_of_its_own_help() -> None:
    """`materiel --help` lists commands from a table without importing them; the table must
    name every command of every module, each with the start of the command's own help."""
    from materiel.cli.main import COMMANDS, module_commands

    modules = sorted({module for module, _ in COMMANDS.values()})
    registered = {
        name: (module, cmd)
        for module in modules
        for name, cmd in module_commands(module).commands.items()
    }
    assert set(registered) == set(COMMANDS)
    for name, (module, summary) in COMMANDS.items():
        real_module, cmd = registered[name]
        assert real_module == module, name
        assert " ".join((cmd.help or "").split()).startswith(summary), name
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for name in COMMANDS:
        assert f" {name} " in r.stdout


def test_status_defaults_to_the_records_latest_date_and_says_so(
    sqlite_engine: Engine,
) -> None:
    from materiel.records import Item, Nation, Need
    from materiel.services import writer

    with writer(sqlite_engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(
            Item, code="ammo.artillery.155mm", name="155", category="a", unit="round", unit_value=1
        )
        w.create(
            Need,
            ref="N1",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=10,
            priority="high",
            needed_by=dt.date(2025, 3, 1),
            stated_on=dt.date(2025, 1, 7),
            source="test",
        )
    db = str(sqlite_engine.url.database)
    r = runner.invoke(app, ["--db", db, "status", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["as_of"] == "2025-01-07"
    assert "as of 2025-01-07, the records' latest date" in r.stderr
    r = runner.invoke(app, ["--db", db, "needs", "list", "--json"])
    assert r.exit_code == 0, r.output
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert f"as of today, {today} (UTC)" in r.stderr
    assert json.loads(r.stdout)[0]["ref"] == "N1"  # stdout stays JSON only
    r = runner.invoke(app, ["--db", db, "needs", "list", "--as-of", "2025-02-01", "--json"])
    assert "as of today" not in r.stderr
