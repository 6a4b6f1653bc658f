"""Issue 19: tables read at 80 columns. Item codes, refs and dates are never split or cut
(a terminal too narrow for a table's columns gets one block per row instead), whatever the
terminal: the console's width is set here, not taken from the test runner."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from materiel.cli import context
from materiel.cli.main import app
from materiel.cli.tables import fitted, min_width, new_table, show

AS_OF = "2026-11-02"
runner = CliRunner()
CODE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9.-]+)+$")


@pytest.fixture(scope="module")
def demo_db(
    tmp_path_factory: pytest.TempPathFactory, demo_copy: Callable[..., Path]
) -> Iterator[str]:
    path = tmp_path_factory.mktemp("demo80") / "demo.db"
    demo_copy(path, seed=2026, as_of=dt.date.fromisoformat(AS_OF))
    yield str(path)


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context.console, "_width", 80)
    monkeypatch.setattr(context.err_console, "_width", 80)


def run(db: str, *args: str) -> Any:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result


def words(text: str) -> set[str]:
    return set(re.split(r"[\s│┃|]+", text))


def assert_whole(text: str, values: list[str]) -> None:
    assert all(len(line) <= 80 for line in text.splitlines()), "a line is wider than 80"
    found = words(text)
    missing = [v for v in values if v not in found]
    assert not missing, f"cut or split at 80 columns: {missing[:5]}"
    assert "…" not in text


def test_needs_pledges_stocks_lists_keep_codes_and_dates_whole(demo_db: str, narrow: None) -> None:
    for args, keys in (
        (["needs", "list", "--limit", "12"], ("ref", "item_code", "needed_by")),
        (["pledges", "list", "--limit", "12"], ("ref", "item_code", "due_by")),
        (["stocks", "list", "--limit", "12"], ("item_code", "as_of")),
    ):
        rows = json.loads(run(demo_db, *args, "--as-of", AS_OF, "--json").stdout)
        values = [str(r[k]) for r in rows for k in keys if r[k] is not None]
        assert any(CODE.match(v) for v in values)
        assert_whole(run(demo_db, *args, "--as-of", AS_OF).stdout, values)


def test_forecast_and_drafts_keep_codes_and_dates_whole(
    demo_db: str, narrow: None, tmp_path: Path
) -> None:
    out = json.loads(run(demo_db, "forecast", "--as-of", AS_OF, "--json").stdout)
    rank = out["projection"]["ranking"][:6]
    text = run(demo_db, "forecast", "--as-of", AS_OF, "--limit", "6").stdout
    values = [str(r["item"]) for r in rank] + [AS_OF]
    assert_whole(text, values)
    announcement = tmp_path / "a.txt"
    announcement.write_text(
        "Germany will deliver 10,000 rounds of 155 mm artillery ammunition to Ukraine, the "
        "ministry of defence announced on Monday in Berlin.",
        encoding="utf-8",
    )
    read = run(demo_db, "read", str(announcement), "--date", AS_OF).stdout
    listed = run(demo_db, "drafts", "list").stdout
    for text in (read, listed):
        assert all(len(line) <= 80 for line in text.splitlines())
        assert "artillery-ammunition" in words(text) and "…" not in text


def test_a_table_too_wide_for_the_terminal_becomes_blocks() -> None:
    import io

    from rich.console import Console

    table = new_table("T", "=ref", "=item", ">quantity", "status", "=needed by")
    table.add_row("DEMO-N-0001", "missile.airdefence.iris-t.slm", "1,200", "partly covered", AS_OF)
    assert min_width(table) > 40
    for width in (40, 200):
        out = io.StringIO()
        show(table, Console(file=out, width=width))
        text = out.getvalue()
        assert "missile.airdefence.iris-t.slm" in words(text) and AS_OF in words(text)
        assert all(len(line) <= width for line in text.splitlines())


def test_a_narrow_terminal_loses_the_least_important_columns_first() -> None:
    import io

    from rich.console import Console

    table = new_table(
        "T", "=ref", "=item", ">quantity", ">pledged", "status", drop=("pledged", "status")
    )
    table.add_row("DEMO-N-0001", "missile.airdefence.iris-t.slm", "1,200", "1,000", "covered late")
    table.caption = "Source: test"
    whole = min_width(table)
    assert fitted(table, whole) is table
    out = io.StringIO()
    show(table, Console(file=out, width=whole - 1))
    text = out.getvalue()
    head = next(line for line in text.splitlines() if line.startswith("ref"))
    assert head.split() == ["ref", "item", "quantity", "status"]  # one column left out
    assert "Source: test. Not shown at this width: pledged" in " ".join(text.split())
    assert all(len(line) <= whole - 1 for line in text.splitlines())
    out = io.StringIO()
    show(table, Console(file=out, width=30))  # not even the rest fits: one block per row
    assert "pledged" in words(out.getvalue()) and "Not shown" not in out.getvalue()


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["needs", "list", "--limit", "8"], ("ref", "item", "priority", "qty", "status")),
        (["pledges", "list", "--limit", "8"], ("ref", "donor", "item", "qty", "status")),
        (["stocks", "list", "--limit", "8"], ("holder", "item", "stock", "reported")),
        (["needs", "cover", "--item", "ammo.artillery.155mm"], ("ref", "priority", "gap")),
        (["status"], ("fund", "cur.", "budget", "remaining")),
        (["forecast", "--limit", "8"], ("#", "holder", "item", "target")),
    ],
    ids=lambda a: " ".join(a[:2]) if isinstance(a, list) else "",
)
def test_tables_at_80_columns_are_tables_not_blocks(
    demo_db: str, narrow: None, args: list[str], header: tuple[str, ...]
) -> None:
    """A table narrower than the terminal once its least important columns are left out
    prints as a table (its header on one line), the caption naming what was left out."""
    text = run(demo_db, *args, "--as-of", AS_OF).stdout
    assert all(len(line) <= 80 for line in text.splitlines())
    assert any(set(header) <= set(line.split()) for line in text.splitlines()), text


@pytest.mark.parametrize(
    "args",
    [
        ["needs", "list", "--as-of", AS_OF],
        ["pledges", "list", "--as-of", AS_OF],
        ["stocks", "list", "--as-of", AS_OF],
        ["needs", "cover", "--item", "ammo.artillery.155mm", "--as-of", AS_OF],
        ["forecast", "--as-of", AS_OF],
        ["drafts", "list", "--status", "all"],
        ["users", "list"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_table_commands_print_csv(demo_db: str, args: list[str]) -> None:
    """Issue 19: --csv for every table command: the rows of --json, one per line."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run(demo_db, *args, "--csv").stdout)))
    data = json.loads(run(demo_db, *args, "--json").stdout)
    if args[:2] == ["needs", "cover"]:
        data = [n for g in data["groups"] for n in g["needs"]]
    elif args[0] == "forecast":
        data = data["projection"]["ranking"]
    assert len(rows) == len(data)
    for row, want in zip(rows, data, strict=True):
        key = "ref" if "ref" in want else next(iter(want))
        assert row[key] == str(want[key])


def test_status_csv_holds_the_key_figures(demo_db: str) -> None:
    import csv
    import io

    rows = list(
        csv.DictReader(io.StringIO(run(demo_db, "status", "--as-of", AS_OF, "--csv").stdout))
    )
    figures = {r["figure"]: r["value"] for r in rows}
    data = json.loads(run(demo_db, "status", "--as-of", AS_OF, "--json").stdout)
    assert figures["as_of"] == AS_OF
    assert figures["needs.uncovered"] == str(data["needs"]["uncovered"])
    assert figures["pledges.late"] == str(data["pledges"]["late"])


def test_plan_json_holds_the_rows(demo_db: str) -> None:
    """Issue 17: `plan --json` includes the rows: transfers, orders, unmet by item and week,
    and stated need met per recipient and item, each row in its item's own units."""
    out = json.loads(
        run(demo_db, "plan", "--as-of", AS_OF, "--horizon", "6", "--no-store", "--json").stdout
    )
    assert out["transfers"] and {"donor", "recipient", "item", "week", "quantity"} <= set(
        out["transfers"][0]
    )
    assert isinstance(out["orders"], list)
    assert out["unmet"] and all(r["unmet"] > 0 for r in out["unmet"])
    assert {"recipient", "item", "week"} <= set(out["unmet"][0])
    # the headline is a share by value, and its parts are the need_met rows' values
    head = out["headline"]
    critical = [r for r in out["need_met"] if r["priority"] == "critical"]
    if head["share"] is not None:
        assert head["value_due"] == pytest.approx(sum(r["value_due"] for r in critical))
        assert 0.0 <= head["share"] <= 1.0


def test_plan_csv_holds_the_rows_of_its_tables(demo_db: str) -> None:
    """Issue 19: `plan --csv`: one line per row of the plan's tables, named in the first
    column (a two-week plan: a small solve)."""
    import csv
    import io

    text = run(demo_db, "plan", "--as-of", AS_OF, "--horizon", "2", "--no-store", "--csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and list(rows[0])[:3] == ["table", "plan_run_id", "as_of"]
    tables = {r["table"] for r in rows}
    assert {"transfers", "need_met"} <= tables
    assert all(r["as_of"] == AS_OF for r in rows)
    transfer = next(r for r in rows if r["table"] == "transfers")
    assert transfer["donor"] and transfer["item"] and float(transfer["quantity"]) > 0
