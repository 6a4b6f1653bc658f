"""`materiel import` and `materiel export` end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from materiel.cli.main import app
from materiel.io import ENTITIES
from test_io_support import base_records, counts, load_dataset, write_csv, xlsx_values

AMMO = "ammo.artillery.155mm"
HEADER = ["ref", "donor_code", "recipient_code", "item_code", "quantity", "announced_on"]
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("wide_console")


def test_import_dry_run_then_import_then_export(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    base_records(engine)
    good = write_csv(
        tmp_path / "pledges.csv",
        [HEADER, ["P-1", "DEU", "UKR", AMMO, 100, "2024-02-14"]],
    )
    before = counts(engine)
    r = runner.invoke(app, ["--db", db_url, "import", str(good), "--dry-run"])
    assert r.exit_code == 0, r.output
    assert "Dry run" in r.output and "nothing was written" in r.output
    assert counts(engine) == before

    r = runner.invoke(app, ["--db", db_url, "import", str(good), "--actor", "alice"])
    assert r.exit_code == 0, r.output
    assert "Imported 1 rows in one transaction: 1 change(s)" in r.output
    assert counts(engine)["pledge"] == 1

    r = runner.invoke(app, ["--db", db_url, "import", str(good), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["ok"] and out["counts"]["pledges"] == {"created": 0, "updated": 0, "unchanged": 1}

    r = runner.invoke(app, ["--db", db_url, "export", "pledges", "--out", "-"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("ref,donor_code,recipient_code,item_code,quantity,")
    assert lines[1].startswith("P-1,DEU,UKR,ammo.artillery.155mm,100,,,2024-02-14,")

    book = tmp_path / "all.xlsx"
    r = runner.invoke(
        app, ["--db", db_url, "export", "all", "--format", "xlsx", "--out", str(book)]
    )
    assert r.exit_code == 0, r.output
    sheets = xlsx_values(book)
    assert list(sheets) == list(ENTITIES)
    assert len(sheets["pledges"]) == 2 and len(sheets["nations"]) == 6


def test_bad_file_reports_file_row_column_reason_and_writes_nothing(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    db = str(sqlite_engine.url.database)
    base_records(sqlite_engine)
    bad = write_csv(
        tmp_path / "pledges.csv",
        [
            HEADER,
            ["P-1", "XXX", "UKR", AMMO, 100, "2024-02-14"],
            ["P-2", "DEU", "UKR", AMMO, -4, "2024-02-14"],
        ],
    )
    before = counts(sqlite_engine)
    r = runner.invoke(app, ["--db", db, "import", str(bad)])
    assert r.exit_code == 1
    err = r.stderr
    assert "pledges.csv" in err and "donor_code" in err and "unknown nation 'XXX'" in err
    assert "must be positive (got -4)" in err
    assert "2 problem(s); nothing was written" in err
    assert counts(sqlite_engine) == before
    r = runner.invoke(app, ["--db", db, "import", str(bad), "--json"])
    assert r.exit_code == 1
    issues = json.loads(r.stdout)["issues"]
    assert [(i["file"], i["row"], i["column"]) for i in issues] == [
        ("pledges.csv", 2, "donor_code"),
        ("pledges.csv", 3, "quantity"),
    ]


def test_templates_and_export_round_trip_through_the_cli(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    db = str(sqlite_engine.url.database)
    load_dataset(sqlite_engine)
    csv_t = tmp_path / "pledges-template.csv"
    r = runner.invoke(app, ["export", "--template", "pledges", "--out", str(csv_t)])
    assert r.exit_code == 0, r.output
    assert csv_t.read_text(encoding="utf-8-sig").splitlines()[1].startswith("# P-2024-0001,")
    xlsx_t = tmp_path / "t.xlsx"
    r = runner.invoke(app, ["export", "--template", "all", "-f", "xlsx", "-o", str(xlsx_t)])
    assert r.exit_code == 0, r.output
    assert "README" in xlsx_values(xlsx_t)

    out = tmp_path / "dump"
    r = runner.invoke(app, ["--db", db, "export", "all", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.stem for p in out.iterdir()) == sorted(ENTITIES)
    before = counts(sqlite_engine)
    r = runner.invoke(app, ["--db", db, "import", str(out)])
    assert r.exit_code == 0, r.output
    assert "0 change(s)" in r.output
    assert counts(sqlite_engine) == before


def test_usage_errors(sqlite_engine: Engine, tmp_path: Path) -> None:
    db = str(sqlite_engine.url.database)
    r = runner.invoke(app, ["--db", db, "export", "weapons"])
    assert r.exit_code == 1 and "unknown entity 'weapons'" in r.stderr
    r = runner.invoke(app, ["--db", db, "export", "pledges", "--format", "pdf"])
    assert r.exit_code == 1 and "unknown format 'pdf'" in r.stderr
    r = runner.invoke(app, ["--db", db, "import", str(tmp_path / "x.csv"), "--entity", "nope"])
    assert r.exit_code == 1 and "unknown entity 'nope'" in r.stderr
    r = runner.invoke(app, ["--db", db, "import", str(tmp_path / "missing.csv")])
    assert r.exit_code == 1 and "file not found" in r.stderr


def test_uninitialised_database_says_to_run_init(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    path = write_csv(tmp_path / "meetings.csv", [["ref", "held_on", "title"]])
    for args in (["import", str(path)], ["export", "meetings", "--out", "-"]):
        r = runner.invoke(app, ["--db", db, *args])
        assert r.exit_code == 1
        assert "no database at" in r.stderr and "materiel init" in r.stderr
        assert not (tmp_path / "empty.db").exists()
