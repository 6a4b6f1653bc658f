"""`materiel status`, `needs|pledges|stocks list` and the demo summary, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from rich.console import Console
from sqlalchemy import Engine
from typer.testing import CliRunner

from materiel import money
from materiel.cli.main import app
from materiel.cli.summary import print_summary
from materiel.records import Item, Nation, Need, Pledge, StockReport, StockTarget
from materiel.services import writer

D = dt.date
SRC = "synthetic demo data (seeded)"
A155 = "ammo.artillery.155mm"
MSL = "missile.air-defence.iris-t"
RATE_DAY = money.rate_date(D(2025, 2, 15)).isoformat()


pytestmark = pytest.mark.usefixtures("wide_console")


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    with writer(engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(Nation, code="FRA", name="France", is_donor=True)
        w.create(
            Item,
            code=A155,
            name="155 mm",
            category="artillery-ammunition",
            unit="round",
            unit_value=4000,
            currency="USD",
        )
        w.create(
            Item,
            code=MSL,
            name="IRIS-T",
            category="air-defence-missile",
            unit="missile",
            unit_value=400_000,
            currency="EUR",
        )
        for ref, item, qty, prio in (("N1", A155, 1000, "critical"), ("N2", MSL, 8, "high")):
            w.create(
                Need,
                ref=ref,
                recipient_code="UKR",
                item_code=item,
                quantity=qty,
                priority=prio,
                needed_by=D(2025, 3, 1),
                stated_on=D(2025, 1, 1),
                source=SRC,
                synthetic=True,
            )
        p = w.create(
            Pledge,
            ref="P1",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=A155,
            quantity=400,
            value_amount=2_000_000,
            value_currency="USD",
            announced_on=D(2025, 1, 5),
            due_by=D(2025, 2, 1),
            source_document=SRC,
            synthetic=True,
        )
        w.record_delivery(p, ref="D1", quantity=100, delivered_on=D(2025, 1, 20), source=SRC)
        w.create(
            Pledge,
            ref="P2",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=MSL,
            quantity=8,
            announced_on=D(2025, 1, 5),
            due_by=D(2025, 6, 1),
            source_document=SRC,
            synthetic=True,
        )
        for nation, qty, minimum in (("DEU", 3000, 4000), ("FRA", 9000, 2000)):
            w.create(
                StockReport,
                nation_code=nation,
                item_code=A155,
                quantity=qty,
                as_of=D(2025, 1, 31),
                source=SRC,
                synthetic=True,
            )
            w.create(
                StockTarget,
                nation_code=nation,
                item_code=A155,
                minimum=minimum,
                effective_from=D(2024, 1, 1),
                source=SRC,
                synthetic=True,
            )
    return engine


def run(db_url: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["--db", db_url, *args])


def run_json(db_url: str, *args: str) -> Any:
    result = run(db_url, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # stdout holds the JSON and nothing else


def test_needs_list_filters_and_json(seeded: Engine, db_url: str) -> None:
    rows = run_json(db_url, "needs", "list")
    assert [r["ref"] for r in rows] == ["N1", "N2"]  # critical first
    assert rows[0]["status"] == "partly covered" and rows[0]["open_quantity"] == 600
    assert [r["ref"] for r in run_json(db_url, "needs", "list", "--priority", "high")] == ["N2"]
    assert [r["ref"] for r in run_json(db_url, "needs", "list", "--item", "missile")] == ["N2"]
    assert rows[0]["pledged"] == 400 and rows[0]["delivered"] == 100 and rows[0]["overdue"]
    assert run_json(db_url, "needs", "list", "--status", "open") == []
    # N2's missiles are pledged in full, but due three months after the need
    late = run_json(db_url, "needs", "list", "--status", "covered late", "--recipient", "ukr")
    assert [r["ref"] for r in late] == ["N2"]
    assert run_json(db_url, "needs", "list", "--status", "covered") == []
    assert len(run_json(db_url, "needs", "list", "--status", "uncovered")) == 2
    assert run_json(db_url, "needs", "list", "--as-of", "2024-12-31") == []


def test_needs_list_table_has_source_caption(seeded: Engine, db_url: str) -> None:
    result = run(db_url, "needs", "list")
    assert result.exit_code == 0
    assert "partly covered" in result.stdout
    assert "Source: 2 need records" in result.stdout
    assert "SYNTHETIC" in result.stdout


def test_bad_filters_are_refused_clearly(seeded: Engine, db_url: str) -> None:
    result = run(db_url, "needs", "list", "--priority", "urgent")
    assert result.exit_code == 1
    assert "--priority: 'urgent' is not one of critical, high, routine" in result.output
    result = run(db_url, "pledges", "list", "--status", "promised")
    assert result.exit_code == 1 and "'promised'" in result.output
    result = run(db_url, "stocks", "list", "--as-of", "31/01/2025")
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output


def test_pledges_list_late_and_values(seeded: Engine, db_url: str) -> None:
    rows = run_json(db_url, "pledges", "list", "--as-of", "2025-02-15")
    by_ref = {r["ref"]: r for r in rows}
    assert by_ref["P1"]["delivered"] == 100 and by_ref["P1"]["remaining"] == 300
    assert by_ref["P1"]["late"] is True and by_ref["P1"]["days_late"] == 14
    assert by_ref["P1"]["currency"] == "EUR" and by_ref["P1"]["rate_date"] == RATE_DAY
    assert by_ref["P2"]["value_basis"] == "catalogue"
    assert by_ref["P2"]["value"] == pytest.approx(8 * 400_000)
    late = run_json(db_url, "pledges", "list", "--late", "--as-of", "2025-02-15")
    assert [r["ref"] for r in late] == ["P1"]
    assert (
        run_json(db_url, "pledges", "list", "--donor", "FRA", "--late", "--as-of", "2025-02-15")
        == []
    )
    table = run(db_url, "pledges", "list", "--as-of", "2025-02-15")
    assert f"ECB reference rates of {RATE_DAY}" in table.stdout


def test_stocks_list_below_target(seeded: Engine, db_url: str) -> None:
    rows = run_json(db_url, "stocks", "list", "--below-target", "--as-of", "2025-03-01")
    assert [(r["nation_code"], r["quantity"], r["target"]) for r in rows] == [("DEU", 3000, 4000)]
    assert rows[0]["as_of"] == "2025-01-31"
    assert len(run_json(db_url, "stocks", "list", "--as-of", "2025-03-01")) == 2
    assert run_json(db_url, "stocks", "list", "--as-of", "2025-01-01", "--below-target") == []
    assert (
        run_json(db_url, "stocks", "list", "--nation", "fra", "--as-of", "2025-03-01")[0][
            "below_target"
        ]
        is False
    )


def test_status_figures(seeded: Engine, db_url: str) -> None:
    fig = run_json(db_url, "status", "--as-of", "2025-02-15")
    assert fig["records"]["needs"] == 2 and fig["records"]["deliveries"] == 1
    assert fig["needs"]["uncovered"] == 2
    assert fig["pledges"]["late"] == 1
    assert fig["stocks"]["donors_below_target"] == 1
    assert fig["synthetic"] is True
    table = run(db_url, "status", "--as-of", "2025-02-15")
    assert table.exit_code == 0
    assert "late pledges" in table.stdout and "SYNTHETIC" in table.stdout


def test_commands_on_an_empty_database(engine: Engine, db_url: str) -> None:
    for args in (("needs", "list"), ("pledges", "list"), ("stocks", "list"), ("status",)):
        result = run(db_url, *args)
        assert result.exit_code == 0, (args, result.output)
        assert "SYNTHETIC" not in result.stdout
        assert run_json(db_url, *args) in ([], run_json(db_url, "status"))
    assert "no needs match" in run(db_url, "needs", "list").stdout


def test_summary_on_empty_and_seeded_database(engine: Engine) -> None:
    console = Console(record=True, width=160)
    print_summary(engine, console)
    empty = console.export_text()
    assert "no open needs" in empty and "no pledges" in empty and "no stocks below" in empty
    assert "SYNTHETIC" not in empty


def test_summary_tables(seeded: Engine) -> None:
    console = Console(record=True, width=200)
    print_summary(seeded, console, as_of=D(2025, 2, 15))
    text = console.export_text()
    assert "Needs not covered by their date, by priority" in text and "critical" in text
    assert "Pledged versus delivered by donor (EUR)" in text
    assert f"ECB reference rates of {RATE_DAY}" in " ".join(text.split())  # wrapped
    assert "Stocks below target" in text and "DEU" in text
    assert " ".join(text.split()).count("SYNTHETIC demo data") == 3  # one per caption
