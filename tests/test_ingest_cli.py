"""The read, drafts and kiel commands end to end on a SQLite file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from materiel.cli.main import app

DATA = Path(__file__).parent / "data" / "ingest"
# the shared/ folder next to the repository (CI clones it there), else this workplace's copy
KIEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "kiel-ust-release29"
if not KIEL.exists():
    KIEL = Path("/work/shared/data/kiel-ust-release29")


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "cli.db"
    shutil.copy(sqlite_template, path)
    return str(path)


def test_read_files_and_review(db: str) -> None:
    r = CliRunner()
    res = r.invoke(app, ["--db", db, "read", str(DATA / "us-package.pdf"), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    ids = [p["draft_id"] for p in out["pledges"]]
    assert len(ids) == 3
    res = r.invoke(app, ["--db", db, "read", "-"], input=(DATA / "dk-package.html").read_bytes())
    assert res.exit_code == 0, res.output
    res = r.invoke(app, ["--db", db, "drafts", "list", "--json"])
    rows = json.loads(res.output)
    assert {row["source_name"] for row in rows} == {"us-package.pdf", "stdin"}
    res = r.invoke(app, ["--db", db, "drafts", "show", str(ids[1])])
    assert json.loads(res.output)["evidence"] == "75,000 rounds of 155mm ammunition"
    res = r.invoke(app, ["--db", db, "drafts", "edit", str(ids[1]), "quantity=70000"])
    assert res.exit_code == 0 and "70000" in res.output
    # no nations or items in this database: a clear error, nothing created
    res = r.invoke(app, ["--db", db, "drafts", "accept", str(ids[1]), "--item", "x.y"])
    assert res.exit_code == 1 and "unknown" in res.output
    res = r.invoke(app, ["--db", db, "drafts", "reject", str(ids[1])])
    assert res.exit_code == 0
    res = r.invoke(app, ["--db", db, "drafts", "reject", str(ids[1])])
    assert res.exit_code == 1 and "already rejected" in res.output
    res = r.invoke(app, ["--db", db, "read", str(DATA / "missing.txt")])
    assert res.exit_code == 1 and "no such file" in res.output


@pytest.mark.skipif(not KIEL.exists(), reason="Kiel release 29 data not available")
def test_kiel_commands(db: str, tmp_path: Path) -> None:
    r = CliRunner()
    res = r.invoke(app, ["--db", db, "kiel", "report"])
    assert res.exit_code == 1 and "no Kiel release imported" in res.output
    res = r.invoke(app, ["--db", db, "kiel", "import", str(KIEL), "--release-info"])
    assert json.loads(res.output)["release"] == "29"
    res = r.invoke(app, ["--db", db, "kiel", "import", str(KIEL)])
    assert res.exit_code == 0 and "created" in res.output
    res = r.invoke(app, ["--db", db, "kiel", "import", str(KIEL)])
    assert "unchanged" in res.output
    res = r.invoke(app, ["--db", db, "kiel", "report", "--json", "--by", "year", "--donor", "USA"])
    out = json.loads(res.output)
    assert "Kiel Institute for the World Economy" in out["source"]
    assert {row["year"] for row in out["rows"]} >= {2022, 2023, 2024}
    res = r.invoke(app, ["--db", db, "kiel", "reconcile", "--donor", "DNK", "--json"])
    out = json.loads(res.output)
    assert "release 29" in out["source"] and "materiel has no pledges" in out["explanation"]
    bad = tmp_path / "bad"
    shutil.copytree(KIEL, bad)
    (bad / "weapons.csv").chmod(0o644)
    (bad / "weapons.csv").write_text('"donor","kind"\n"Australia","Howitzers"\n')
    res = r.invoke(app, ["--db", db, "kiel", "import", str(bad)])
    assert res.exit_code == 1
    assert "weapons.csv" in res.output and "missing columns" in res.output


def test_json_draft_ids_point_at_their_drafts_and_rereading_adds_nothing(db: str) -> None:
    r = CliRunner()
    text = (
        "The EU earmarked €1 billion for 155mm shells from the European Peace Facility. "
        "President Zelensky said Ukraine needs 25 Patriot systems. "
        "Germany will send 14 Leopard 2 tanks and 20 Marder infantry fighting vehicles."
    )
    res = r.invoke(app, ["--db", db, "read", "--text", text, "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    rows = [row for kind in ("pledges", "funds", "needs") for row in out[kind]]
    assert {kind for kind in ("pledges", "funds", "needs") if out[kind]} == {
        "pledges",
        "funds",
        "needs",
    }
    # every id shows the very draft it is printed with: same kind, fields and evidence
    for kind in ("pledges", "funds", "needs"):
        for row in out[kind]:
            shown = json.loads(
                r.invoke(app, ["--db", db, "drafts", "show", str(row["draft_id"])]).output
            )
            assert shown["kind"] + "s" == kind
            assert shown["evidence"] == row["evidence"] == text[row["span"][0] : row["span"][1]]
            assert shown["fields"]["category"] == row["category"]
    before = json.loads(r.invoke(app, ["--db", db, "drafts", "list", "--json"]).output)
    res = r.invoke(app, ["--db", db, "read", "--text", text, "--json"])
    assert res.exit_code == 0
    again = json.loads(res.stdout)
    assert sorted(again["already_read"]) == sorted(row["draft_id"] for row in rows)
    assert "read before" in res.stderr and "nothing added" in res.stderr
    after = json.loads(r.invoke(app, ["--db", db, "drafts", "list", "--json"]).output)
    assert after == before
