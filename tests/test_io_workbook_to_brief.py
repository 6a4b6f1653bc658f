"""Issue 17's goal, end to end with the command line and no Python on the user's side: a
ministry fills the template workbook, and five commands (as README says) give a plan and a
brief."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from materiel.cli.main import app

runner = CliRunner()
AS_OF = "2024-06-03"

#: what a ministry types, sheet by sheet (names and aliases where people use them)
FILLED: dict[str, list[dict[str, Any]]] = {
    "organisations": [
        {"code": "RHM", "name": "Rheinmetall", "kind": "producer_large", "nation_code": "Germany"},
        {"code": "NSPA", "name": "NATO Support and Procurement Agency", "kind": "agency"},
    ],
    "needs": [
        {
            "ref": "N-1",
            "recipient_code": "Ukraine",
            "item_code": "155mm shells",
            "quantity": 200000,
            "priority": "critical",
            "needed_by": "2024-09",
            "stated_on": "2024-02-14",
            "source": "UDCG-19",
        },
        {
            "ref": "N-2",
            "recipient_code": "Ukraine",
            "item_code": "IRIS-T SLM",
            "quantity": 2,
            "priority": "high",
            "needed_by": "2024-12",
            "stated_on": "2024-02",
        },
    ],
    "pledges": [
        {
            "ref": "P-1",
            "donor_code": "Germany",
            "recipient_code": "Ukraine",
            "item_code": "155mm shells",
            "quantity": 60000,
            "announced_on": "2024-02",
            "due_by": "2024-08",
            "status": "committed",
            "source_document": "BMVg press release",
        },
        {
            "ref": "P-2",
            "donor_code": "Poland",
            "recipient_code": "Ukraine",
            "item_code": "155 mm rounds",
            "quantity": 20000,
            "announced_on": "2024-03-10",
            "status": "committed",
        },
    ],
    "deliveries": [
        {"ref": "D-1", "pledge_ref": "P-1", "quantity": 15000, "delivered_on": "2024-04-20"},
    ],
    "stock_reports": [
        {
            "nation_code": "Germany",
            "item_code": "155mm shells",
            "quantity": 400000,
            "as_of": "2024-05-31",
            "source": "national report",
        },
        {
            "nation_code": "Poland",
            "item_code": "155mm shells",
            "quantity": 150000,
            "as_of": "2024-05-31",
        },
    ],
    "stock_targets": [
        {
            "nation_code": "Germany",
            "item_code": "155mm shells",
            "minimum": 250000,
            "effective_from": "2024-01-01",
            "source": "NATO capability target",
        },
        {
            "nation_code": "Poland",
            "item_code": "155mm shells",
            "minimum": 120000,
            "effective_from": "2024-01-01",
        },
    ],
    "production_lines": [
        {
            "code": "RHM-155",
            "producer_code": "RHM",
            "item_code": "155mm shells",
            "nation_code": "Germany",
            "weekly_capacity": 4000,
            "unit_price": 3200,
            "currency": "EUR",
            "lead_time_weeks": 12,
        },
    ],
    "funds": [
        {
            "code": "F-155",
            "name": "Collective 155 mm initiative",
            "kind": "collective",
            "manager_code": "NSPA",
            "budget": 1e9,
            "currency": "USD",
            "destination": "recipient",
            "recipient_code": "Ukraine",
            "period_start": "2024-03-01",
            "period_end": "2025-02-28",
            "source": "Joint statement",
        },
    ],
    "fund_items": [{"fund_code": "F-155", "item_code": "155mm shells"}],
    "fund_members": [{"fund_code": "F-155", "nation_code": "Czechia", "contribution": 5e8}],
    "orders": [
        {
            "ref": "O-1",
            "fund_code": "F-155",
            "line_code": "RHM-155",
            "quantity": 50000,
            "placed_on": "2024-04",
            "delivery_start": "2024-07-01",
            "delivery_end": "2024-12-31",
            "destination_code": "Ukraine",
        },
    ],
    "meetings": [
        {"ref": "UDCG-20", "held_on": "2024-03-19", "title": "20th meeting", "place": "Ramstein"},
        {"ref": "UDCG-21", "held_on": "2024-06-03", "title": "21st meeting", "place": "Brussels"},
    ],
    "scenarios": [{"name": "baseline", "description": "Status quo", "horizon_weeks": 26}],
    "scenario_rates": [
        {
            "scenario_name": "baseline",
            "recipient_code": "Ukraine",
            "item_code": "155mm shells",
            "mean_per_day": 2000,
            "cv": 0.2,
        },
    ],
}


def _fill(path: Path) -> None:
    wb = load_workbook(path)
    for name, rows in FILLED.items():
        ws = wb[name]
        header = [c.value for c in ws[1]]
        for r, row in enumerate(rows, start=3):  # row 2 is the (commented) example
            for key, value in row.items():
                ws.cell(row=r, column=header.index(key) + 1, value=value)
    wb.save(path)


def _run(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, (args, result.output)
    return result


@pytest.mark.slow
def test_a_filled_workbook_becomes_a_plan_and_a_brief_in_five_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "ministry.db")
    book = tmp_path / "ministry.xlsx"
    out = tmp_path / "out"
    # the template a ministry fills (README: step 0)
    _run(["--db", db, "export", "--template", "all", "--format", "xlsx", "--out", str(book)])
    _fill(book)
    shutil.copy(book, tmp_path / "as-filled.xlsx")
    # the five commands of README
    _run(["--db", db, "init"])
    dry = _run(["--db", db, "import", str(book), "--dry-run", "--json"])
    checked = json.loads(dry.stdout)
    assert checked["ok"] and not checked["written"] and not checked["warnings"]
    done = _run(["--db", db, "import", str(book), "--json"])
    assert json.loads(done.stdout)["written"]
    plan = _run(["--db", db, "plan", "--as-of", AS_OF, "--json"])
    solved = json.loads(plan.stdout)
    assert "optimal" in json.dumps(solved).lower()
    _run(
        [
            "--db",
            db,
            "brief",
            "--meeting",
            "UDCG-21",
            "--out",
            str(out),
            "--format",
            "html",
            "--paths",
            "50",
        ]
    )
    html = (out / "brief-UDCG-21.html").read_text(encoding="utf-8")
    assert "UDCG-21" in html and "155" in html
    # the donors got their role from their pledges, so they are planned (and briefed)
    assert "DEU" in html or "Germany" in html
