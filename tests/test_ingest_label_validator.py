"""The labellers' validator (tests/ingest_eval/validate_labels.py) finds each kind of problem
and passes a good file."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

TEXT = "Germany will send 10 Leopard 2 tanks to Ukraine, the defence ministry said. " * 5


def _validator() -> ModuleType:
    path = Path(__file__).parent / "ingest_eval" / "validate_labels.py"
    spec = importlib.util.spec_from_file_location("validate_labels", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _file(tmp_path: Path, name: str, **changes: object) -> Path:
    pledge = {
        "donor": "DEU",
        "recipient": "UKR",
        "category": "main-battle-tank",
        "caliber": None,
        "quantity": 10,
        "amount": None,
        "currency": None,
        "evidence": "Germany will send 10 Leopard 2 tanks",
    }
    data: dict[str, object] = {
        "url": f"https://example.org/{name}",
        "date": "2024-01-02",
        "text": TEXT,
        "expected": {"pledges": [pledge], "funds": [], "needs": []},
        "lang": "en",
        "kind": "package",
    }
    pledge.update({k: v for k, v in changes.items() if k in pledge})
    data.update({k: v for k, v in changes.items() if k not in pledge})
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_good_file_has_no_problem(tmp_path: Path) -> None:
    v = _validator()
    assert v.problems(_file(tmp_path, "good"), set(), {}) == []


def test_each_kind_of_problem_is_named(tmp_path: Path) -> None:
    v = _validator()
    cases = {
        "evidence not an exact substring": {"evidence": "Germany sends tanks"},
        "category 'tank'": {"category": "tank"},
        "donor 'de'": {"donor": "de"},
        "quantity 0": {"quantity": 0},
        "quantity not an integer": {"quantity": 2.5},
        "caliber '155 mm'": {"caliber": "155 mm"},
        "kind 'story'": {"kind": "story"},
        "date not YYYY-MM-DD": {"date": "2 Jan 2024"},
        "text length": {"text": "Too short."},
    }
    for n, (expected, change) in enumerate(cases.items()):
        found = v.problems(_file(tmp_path, f"bad{n}", **change), set(), {})
        assert any(expected in p for p in found), (expected, found)


def test_a_used_url_is_refused(tmp_path: Path) -> None:
    v = _validator()
    path = _file(tmp_path, "used")
    found = v.problems(path, {"https://example.org/used"}, {})
    assert any("already used" in p for p in found)
    seen = {"https://example.org/twice": "other.json"}
    assert any("repeated" in p for p in v.problems(_file(tmp_path, "twice"), set(), seen))


def test_the_categories_are_the_catalogue_s() -> None:
    """The validator keeps its own copy (labellers run it without the project installed)."""
    from materiel.records.catalogue import CATEGORIES

    assert set(CATEGORIES) == _validator().CATEGORIES
