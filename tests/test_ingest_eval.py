"""The reader meets its quality goal on the labelled set; the evaluation command works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from materiel.bench import ingest as bench
from materiel.cli.main import app
from materiel.ingest.evaluate import compare, evaluate_dir

EVAL = Path(__file__).parent / "ingest_eval"


def test_labelled_set_is_well_formed() -> None:
    files = sorted(EVAL.glob("*.json"))
    assert len(files) >= 25
    for f in files:
        data = json.loads(f.read_text())
        for kind in ("pledges", "funds", "needs"):
            for row in data["expected"][kind]:
                assert row["evidence"] in data["text"], f"{f.name}: evidence not in text"


def test_quality_goal_on_labelled_set() -> None:
    ev = evaluate_dir(EVAL)
    for measure, (p, r) in bench.GOAL.items():
        s = ev.scores[measure]
        assert s.expected >= 15
        assert s.precision >= p, (measure, s, ev.misses)
        assert s.recall >= r, (measure, s, ev.misses)


def test_compare_rules() -> None:
    gold = {
        "pledges": [
            {
                "donor": "USA",
                "category": "artillery-ammunition",
                "caliber": "155mm",
                "quantity": 75000,
                "amount": None,
            },
            {
                "donor": "USA",
                "category": "unspecified",
                "caliber": None,
                "quantity": None,
                "amount": 325e6,
                "currency": "USD",
            },
        ]
    }
    pred = {
        "pledges": [
            {
                "donor": "USA",
                "category": "artillery-ammunition",
                "caliber": "105mm",
                "quantity": 75000,
                "amount": None,
            },
            {
                "donor": "USA",
                "category": "unspecified",
                "caliber": None,
                "quantity": None,
                "amount": 327e6,
                "currency": "USD",
            },
        ]
    }
    s = compare(pred, gold)
    assert (s["pledge (donor+category)"].tp, s["pledge (donor+category)"].expected) == (1, 2)
    assert s["donor-amount pairs"].tp == 1  # within 1 %
    assert s["donor-category-quantity triples"].tp == 1  # calibre is not part of the triple
    pred["pledges"][1]["amount"] = 340e6
    assert compare(pred, gold)["donor-amount pairs"].tp == 0


def test_cli_evaluate_and_dry_run(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["read", "--evaluate", str(EVAL), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["files"] >= 25
    assert out["scores"]["donor-amount pairs"]["precision"] >= 0.85
    res = runner.invoke(
        app, ["read", "--dry-run", "--json", "--text", "Britain will send 14 Challenger 2 tanks."]
    )
    assert res.exit_code == 0, res.output
    [p] = json.loads(res.output)["pledges"]
    assert (p["donor"], p["category"], p["quantity"]) == ("GBR", "main-battle-tank", 14)
    res = runner.invoke(app, ["read", "--evaluate", str(tmp_path)])
    assert res.exit_code == 1 and "no labelled" in res.output


@pytest.mark.parametrize("bad", ["{", '{"text": 3, "expected": {}}'])
def test_bad_label_file_is_named(tmp_path: Path, bad: str) -> None:
    (tmp_path / "x.json").write_text(bad)
    with pytest.raises(ValueError, match=r"x\.json"):
        evaluate_dir(tmp_path)
