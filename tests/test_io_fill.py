"""Issue 17: a ministry fills the template workbook as people do (names instead of codes,
aliases, months instead of dates, no unit values or prices it does not know) and gets
warnings for what is possible but implausible; problems name file, sheet, row, column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from materiel.cli.main import app
from materiel.db import read_session
from materiel.io import import_files, write_template
from materiel.records import Item, Nation, Order, Pledge
from materiel.reference import load_reference
from materiel.services import writer
from test_io_support import counts

runner = CliRunner()
TODAY = dt.date(2026, 11, 2)


def _reference(engine: Engine) -> None:
    with writer(engine, actor="init") as w:
        load_reference(w)


def _fill(path: Path, sheets: dict[str, list[dict[str, Any]]], engine: Engine) -> Path:
    """The template workbook, filled from row 3 (row 2 keeps its commented example)."""
    write_template(list(sheets), "xlsx", path, engine)
    wb = load_workbook(path)
    for name, rows in sheets.items():
        ws = wb[name]
        header = [c.value for c in ws[1]]
        for r, row in enumerate(rows, start=3):
            for key, value in row.items():
                ws.cell(row=r, column=header.index(key) + 1, value=value)
    wb.save(path)
    return path


def _pledge(ref: str, **kw: Any) -> dict[str, Any]:
    row = {
        "ref": ref,
        "donor_code": "Germany",
        "recipient_code": "ukraine",
        "item_code": "155mm shells",
        "quantity": 1000,
        "announced_on": "2024-03",
        "status": "committed",
    }
    row.update(kw)
    return row


def test_a_filled_template_imports_with_names_aliases_months_and_defaults(
    engine: Engine, tmp_path: Path
) -> None:
    _reference(engine)
    book = _fill(
        tmp_path / "ministry.xlsx",
        {
            "organisations": [
                {
                    "code": "ACME",
                    "name": "Acme Munitions",
                    "kind": "producer_sme",
                    "nation_code": "Czechia",
                },
            ],
            "items": [
                {
                    "code": "ammo.mortar.120mm.x",
                    "name": "120 mm mortar bomb (ACME)",
                    "category": "artillery-ammunition",
                    "unit": "round",
                    "currency": "EUR",
                },
            ],
            "pledges": [_pledge("P-1"), _pledge("P-2", donor_code="dnk", quantity=40)],
            "production_lines": [
                {
                    "code": "ACME-1",
                    "producer_code": "ACME",
                    "item_code": "ammo.mortar.120mm.x",
                    "weekly_capacity": 500,
                    "unit_price": 900,
                    "currency": "EUR",
                    "lead_time_weeks": 8,
                },
            ],
            "funds": [
                {
                    "code": "F-1",
                    "name": "Mortar fund",
                    "kind": "collective",
                    "budget": 1e7,
                    "currency": "EUR",
                    "destination": "recipient",
                    "recipient_code": "Ukraine",
                    "period_start": "2024-01-01",
                    "period_end": "2024-12-31",
                },
            ],
            "orders": [
                {
                    "ref": "O-1",
                    "fund_code": "F-1",
                    "line_code": "ACME-1",
                    "quantity": 100,
                    "placed_on": "2024-04",
                    "delivery_start": "2024-06-01",
                    "delivery_end": "2024-09-30",
                    "destination_code": "UKR",
                },
            ],
        },
        engine,
    )
    dry = import_files(engine, [book], dry_run=True, today=TODAY)
    assert dry.ok and not dry.warnings, [str(i) for i in dry.issues]
    result = import_files(engine, [book], today=TODAY)
    assert result.written, [str(i) for i in result.issues]
    assert result.counts["pledges"]["created"] == 2
    with read_session(engine) as s:
        p1 = s.scalars(select(Pledge).where(Pledge.ref == "P-1")).one()
        assert (p1.donor_code, p1.recipient_code, p1.item_code) == (
            "DEU",
            "UKR",
            "ammo.artillery.155mm",
        )
        assert p1.announced_on == dt.date(2024, 3, 1)
        assert s.scalars(select(Pledge.donor_code).where(Pledge.ref == "P-2")).one() == "DNK"
        order = s.scalars(select(Order).where(Order.ref == "O-1")).one()
        assert (order.unit_price, order.currency) == (900.0, "EUR")  # from the line
        item = s.get(Item, "ammo.mortar.120mm.x")
        assert item is not None and item.unit_value > 0  # the category's median
        roles = dict(s.execute(select(Nation.code, Nation.is_donor)).all())
        assert roles["DEU"] and roles["DNK"] and not roles["FRA"]
        assert s.get(Nation, "UKR").is_recipient  # type: ignore[union-attr]
    notes = " ".join(result.notes)
    assert "marked as a donor because it pledges (DEU, DNK)" in notes
    assert "unit_price taken from the production line" in notes
    assert "median of its category" in notes
    again = import_files(engine, [book], today=TODAY)
    assert again.ok and again.changes == 0


def test_implausible_input_is_a_warning_that_must_be_accepted(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    _reference(sqlite_engine)
    book = _fill(
        tmp_path / "b.xlsx",
        {
            "pledges": [_pledge("P-1", announced_on="2024-05-10")],
            "deliveries": [
                {"ref": "D-1", "pledge_ref": "P-1", "quantity": 100, "delivered_on": "2024-05-01"},
                {"ref": "D-2", "pledge_ref": "P-1", "quantity": 100, "delivered_on": "2027-01-01"},
            ],
        },
        sqlite_engine,
    )
    before = counts(sqlite_engine)
    dry = import_files(sqlite_engine, [book], dry_run=True, today=TODAY)
    got = [(w.sheet, w.row, w.column) for w in dry.warnings]
    assert got == [("deliveries", 3, "delivered_on"), ("deliveries", 4, "delivered_on")]
    assert "before pledge P-1 was announced (2024-05-10)" in dry.warnings[0].reason
    assert "in the future" in dry.warnings[1].reason
    held = import_files(sqlite_engine, [book], today=TODAY)
    assert held.ok and held.held_by_warnings and not held.written
    assert counts(sqlite_engine) == before
    r = runner.invoke(app, ["--db", str(sqlite_engine.url.database), "import", str(book)])
    assert r.exit_code == 1 and "--accept-warnings" in r.stderr and "Warnings" in r.stderr
    done = import_files(sqlite_engine, [book], accept_warnings=True, today=TODAY)
    assert done.written
    with read_session(sqlite_engine) as s:
        assert s.scalars(select(Pledge.status).where(Pledge.ref == "P-1")).one() == "delivering"


def test_a_nation_marked_not_a_donor_that_pledges_is_a_warning(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    _reference(sqlite_engine)
    book = _fill(
        tmp_path / "b.xlsx",
        {
            "nations": [{"code": "DEU", "name": "Germany", "is_donor": False}],
            "pledges": [_pledge("P-1")],
        },
        sqlite_engine,
    )
    result = import_files(sqlite_engine, [book], dry_run=True, today=TODAY)
    (warning,) = result.warnings
    assert (warning.sheet, warning.row, warning.column) == ("nations", 3, "is_donor")
    assert "it will not be planned as a donor" in warning.reason


def test_unknown_names_are_refused_with_a_suggestion(sqlite_engine: Engine, tmp_path: Path) -> None:
    _reference(sqlite_engine)
    book = _fill(
        tmp_path / "b.xlsx",
        {"pledges": [_pledge("P-1", donor_code="Germny", item_code="155mm shell")]},
        sqlite_engine,
    )
    result = import_files(sqlite_engine, [book], today=TODAY)
    reasons = {i.column: i.reason for i in result.issues}
    assert "unknown nation 'Germny'" in reasons["donor_code"]
    assert "did you mean DEU" in reasons["donor_code"]
    assert "unknown item '155mm shell'" in reasons["item_code"]
    assert "did you mean ammo.artillery.155mm" in reasons["item_code"]


@pytest.mark.parametrize("bad_rows", [120])
def test_the_cli_names_file_sheet_row_column_and_the_total(
    sqlite_engine: Engine, tmp_path: Path, bad_rows: int
) -> None:
    _reference(sqlite_engine)
    book = _fill(
        tmp_path / "b.xlsx",
        {"pledges": [_pledge(f"P-{i}", quantity=-1) for i in range(bad_rows)]},
        sqlite_engine,
    )
    r = runner.invoke(
        app,
        ["--db", str(sqlite_engine.url.database), "import", str(book), "--json"],
    )
    assert r.exit_code == 1
    import json

    out = json.loads(r.stdout)
    assert out["total_issues"] == bad_rows and len(out["issues"]) == 50 and out["truncated"]
    first = out["issues"][0]
    assert (first["file"], first["sheet"], first["row"], first["column"]) == (
        "b.xlsx",
        "pledges",
        3,
        "quantity",
    )
    r = runner.invoke(app, ["--db", str(sqlite_engine.url.database), "import", str(book)])
    assert r.exit_code == 1
    assert f"50 of {bad_rows} problems shown; nothing was written" in " ".join(r.stderr.split())
    assert "sheet" in r.stderr and "pledges" in r.stderr
