"""Every kind of bad input: reported with file, row (header = 1), column and reason, and
nothing written (row counts and audit events unchanged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from materiel.io import ImportResult, Issue, Limits, import_files
from test_io_support import base_records, counts, load_dataset, write_csv, write_xlsx

FORMATS = ["csv", "xlsx"]
PLEDGE_HEADER = [
    "ref",
    "donor_code",
    "recipient_code",
    "item_code",
    "quantity",
    "value_amount",
    "value_currency",
    "announced_on",
]
AMMO = "ammo.artillery.155mm"


def pledge(ref: str, **kw: Any) -> list[Any]:
    row = {
        "ref": ref,
        "donor_code": "DEU",
        "recipient_code": "UKR",
        "item_code": AMMO,
        "quantity": 100,
        "value_amount": 1000,
        "value_currency": "EUR",
        "announced_on": "2024-02-14",
    }
    row.update(kw)
    return [row[h] for h in PLEDGE_HEADER]


def run(
    engine: Engine,
    tmp_path: Path,
    fmt: str,
    sheets: dict[str, list[list[Any]]],
    **kw: Any,
) -> tuple[ImportResult, str]:
    """Write the sheets as CSV files (one per entity) or one workbook, import them and
    return the result and the label messages use for the first sheet."""
    first = next(iter(sheets))
    if fmt == "csv":
        paths = [write_csv(tmp_path / f"{name}.csv", rows) for name, rows in sheets.items()]
        label = f"{first}.csv"
    else:
        paths = [write_xlsx(tmp_path / "book.xlsx", sheets)]
        label = f"book.xlsx [{first}]"
    return import_files(engine, paths, actor="test", **kw), label


def only(result: ImportResult) -> Issue:
    assert not result.ok
    assert len(result.issues) == 1, [str(i) for i in result.issues]
    return result.issues[0]


@pytest.fixture
def db(sqlite_engine: Engine) -> Engine:
    base_records(sqlite_engine)
    return sqlite_engine


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_and_unknown_header_columns_are_named(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    header = [h for h in PLEDGE_HEADER if h not in ("quantity", "announced_on")] + ["colour"]
    result, label = run(db, tmp_path, fmt, {"pledges": [header, ["P-1", "DEU", "UKR", AMMO]]})
    missing, unknown = result.issues
    assert (missing.place, missing.row, missing.column) == (label, 1, "quantity, announced_on")
    assert "missing required column(s): quantity, announced_on" in missing.reason
    assert (unknown.place, unknown.row, unknown.column) == (label, 1, "colour")
    assert "unknown column(s): colour" in unknown.reason
    assert "row 1, column colour: unknown column(s)" in str(unknown)
    assert counts(db) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_nation_and_item(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    rows = [PLEDGE_HEADER, pledge("P-1", donor_code="XXX"), pledge("P-2", item_code="ammo.nope")]
    result, label = run(db, tmp_path, fmt, {"pledges": rows})
    nation, item = result.issues
    assert (nation.place, nation.row, nation.column) == (label, 2, "donor_code")
    assert "unknown nation 'XXX'" in nation.reason
    assert (item.place, item.row, item.column) == (label, 3, "item_code")
    assert "unknown item 'ammo.nope'" in item.reason
    assert counts(db) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_negative_quantities(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    stock = [
        ["nation_code", "item_code", "quantity", "as_of"],
        ["DEU", AMMO, -5, "2024-03-31"],
    ]
    result, label = run(db, tmp_path, fmt, {"stock_reports": stock})
    issue = only(result)
    assert (issue.place, issue.row, issue.column) == (label, 2, "quantity")
    assert issue.reason == "must not be negative (got -5)"
    result, label = run(db, tmp_path, fmt, {"pledges": [PLEDGE_HEADER, pledge("P-1", quantity=-3)]})
    issue = only(result)
    assert (issue.row, issue.column, issue.reason) == (2, "quantity", "must be positive (got -3)")
    assert counts(db) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_date_wrong_currency_and_type_errors(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    rows = [
        PLEDGE_HEADER,
        pledge("P-1", announced_on="14/02/2024"),
        pledge("P-2", value_currency="XYZ"),
        pledge("P-3", quantity="lots"),
        pledge("P-4", announced_on="2024-02-30"),
        pledge("P-5", quantity="12.5"),
    ]
    result, label = run(db, tmp_path, fmt, {"pledges": rows})
    by_row = {i.row: i for i in result.issues}
    assert {i.place for i in result.issues} == {label}
    assert by_row[2].column == "announced_on"
    assert by_row[2].reason == "bad date '14/02/2024' (expected YYYY-MM-DD or YYYY-MM)"
    assert by_row[3].column == "value_currency"
    assert "wrong currency 'XYZ'" in by_row[3].reason
    assert (by_row[4].column, by_row[4].reason) == ("quantity", "'lots' is not a whole number")
    assert by_row[5].column == "announced_on" and "bad date '2024-02-30'" in by_row[5].reason
    assert (by_row[6].column, by_row[6].reason) == ("quantity", "'12.5' is not a whole number")
    assert counts(db) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_required_value_bool_and_choice_errors(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    header = [*PLEDGE_HEADER, "confidential", "channel"]
    rows = [
        header,
        [*pledge("P-1", donor_code=""), "no", "stock"],
        [*pledge("P-2"), "maybe", "stock"],
        [*pledge("P-3"), "yes", "airlift"],
    ]
    result, label = run(db, tmp_path, fmt, {"pledges": rows})
    got = [(i.place, i.row, i.column, i.reason) for i in result.issues]
    assert got == [
        (label, 2, "donor_code", "required value is empty"),
        (label, 3, "confidential", "'maybe' is not true or false"),
        (label, 4, "channel", "'airlift' is not one of: stock, procurement, fund"),
    ]
    assert counts(db) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_key_within_the_file(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    rows = [PLEDGE_HEADER, pledge("P-1"), pledge("P-2"), pledge("P-1", quantity=5)]
    result, label = run(db, tmp_path, fmt, {"pledges": rows})
    issue = only(result)
    assert (issue.place, issue.row, issue.column) == (label, 4, "ref")
    assert issue.reason == "duplicate key ref=P-1 (already at row 2)"
    stock = [
        ["nation_code", "item_code", "quantity", "as_of"],
        ["DEU", AMMO, 5, "2024-03-31"],
        ["DEU", AMMO, 6, "2024-03-31"],
    ]
    issue = only(run(db, tmp_path, fmt, {"stock_reports": stock})[0])
    assert issue.row == 3
    assert "duplicate key nation_code=DEU, item_code=ammo.artillery.155mm, as_of=2024-03-31" in (
        issue.reason
    )
    assert counts(db) == before


DELIVERY_HEADER = ["ref", "pledge_ref", "quantity", "delivered_on"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_delivery_beyond_its_pledge_single_and_summed(db: Engine, tmp_path: Path, fmt: str) -> None:
    before = counts(db)
    sheets = {
        "pledges": [PLEDGE_HEADER, pledge("P-1", quantity=100), pledge("P-2", quantity=50)],
        "deliveries": [
            DELIVERY_HEADER,
            ["D-1", "P-1", 60, "2024-03-01"],
            ["D-2", "P-2", 51, "2024-03-01"],
            ["D-3", "P-1", 30, "2024-03-02"],
            ["D-4", "P-1", 20, "2024-03-03"],
        ],
    }
    result, _ = run(db, tmp_path, fmt, sheets)
    label = "deliveries.csv" if fmt == "csv" else "book.xlsx [deliveries]"
    got = [(i.place, i.row, i.column) for i in result.issues]
    assert got == [(label, 3, "quantity"), (label, 5, "quantity")]
    assert result.issues[0].reason == (
        "delivery D-2 of 51 would bring deliveries on pledge P-2 to 51, beyond the 50 "
        "pledged (50 left)"
    )
    assert result.issues[1].reason == (
        "delivery D-4 of 20 would bring deliveries on pledge P-1 to 110, beyond the 100 "
        "pledged (10 left)"
    )
    assert counts(db) == before


def test_delivery_beyond_pledge_counts_stored_deliveries(engine: Engine, tmp_path: Path) -> None:
    load_dataset(engine)  # P-1: 1000 pledged, D-1 300 delivered
    before = counts(engine)
    rows = [DELIVERY_HEADER, ["D-9", "P-1", 701, "2024-06-01"], ["D-8", "P-404", 1, "2024-06-01"]]
    result, label = run(engine, tmp_path, "csv", {"deliveries": rows})
    beyond, unknown = sorted(result.issues, key=lambda i: i.row or 0)
    assert (beyond.place, beyond.row, beyond.column) == (label, 2, "quantity")
    assert "to 1001, beyond the 1000 pledged (700 left)" in beyond.reason
    assert (unknown.row, unknown.column) == (3, "pledge_ref")
    assert "unknown pledge 'P-404'" in unknown.reason
    # correcting a stored delivery in the file replaces it instead of adding to it
    ok = [DELIVERY_HEADER, ["D-1", "P-1", 1000, "2024-04-02"]]
    assert run(engine, tmp_path, "csv", {"deliveries": ok}, dry_run=True)[0].ok
    assert counts(engine) == before


def test_writer_rules_are_reported_at_row_and_column_and_roll_back(
    engine: Engine, tmp_path: Path
) -> None:
    """Rules only the Writer checks (DomainError) map to the column of their field; the
    good rows before them are rolled back too."""
    base_records(engine)
    before = counts(engine)
    need_header = [
        "ref",
        "recipient_code",
        "item_code",
        "quantity",
        "priority",
        "needed_by",
        "stated_on",
    ]
    sheets = {
        "needs": [
            need_header,
            ["N-1", "UKR", AMMO, 10, "high", "2024-06-01", "2024-02-01"],
            ["N-2", "UKR", AMMO, 10, "high", "2024-01-01", "2024-02-01"],
        ],
        "pledges": [PLEDGE_HEADER, pledge("P-1"), pledge("P-2", recipient_code="DEU")],
    }
    result, _ = run(engine, tmp_path, "xlsx", sheets)
    got = [(i.place, i.row, i.column, i.reason) for i in result.issues]
    assert got == [
        (
            "book.xlsx [needs]",
            3,
            "needed_by",
            "need.needed_by: is before the date the need was stated",
        ),
        (
            "book.xlsx [pledges]",
            3,
            "recipient_code",
            "pledge.recipient_code: a donor cannot pledge to itself",
        ),
    ]
    assert counts(engine) == before


def test_status_going_backwards_is_a_warning_that_must_be_accepted(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    """A file older than the database (P-4 is committed there) is implausible but possible:
    a warning at the status column; nothing is written unless the warnings are accepted,
    and then the status stays where it is (a pledge never goes back)."""
    load_dataset(sqlite_engine)
    before = counts(sqlite_engine)
    p4 = pledge(
        "P-4",
        quantity=1,
        item_code="ad.system.iris-t",
        value_amount=0.1 + 0.2,
        value_currency="USD",
        announced_on="2024-04-01",
    )
    rows = [[*PLEDGE_HEADER, "status", "source_document"], [*p4, "announced", "older file"]]
    result, label = run(sqlite_engine, tmp_path, "csv", {"pledges": rows})
    assert result.ok and result.held_by_warnings and not result.written
    (warning,) = result.warnings
    assert (warning.place, warning.row, warning.column) == (label, 2, "status")
    assert "P-4 is committed in the database; the file says announced" in warning.reason
    assert counts(sqlite_engine) == before
    dry = run(sqlite_engine, tmp_path, "csv", {"pledges": rows}, dry_run=True)[0]
    assert dry.ok and [w.column for w in dry.warnings] == ["status"] and not dry.written
    accepted = run(sqlite_engine, tmp_path, "csv", {"pledges": rows}, accept_warnings=True)[0]
    assert accepted.written and accepted.counts["pledges"]["updated"] == 1
    from sqlalchemy import select

    from materiel.db import read_session
    from materiel.records import Pledge

    with read_session(sqlite_engine) as s:
        p = s.scalars(select(Pledge).where(Pledge.ref == "P-4")).one()
        assert (p.status, p.source_document) == ("committed", "older file")


def test_errors_are_capped_and_all_listed_up_to_the_cap(db: Engine, tmp_path: Path) -> None:
    before = counts(db)
    rows = [PLEDGE_HEADER] + [pledge(f"P-{i}", quantity=-1) for i in range(80)]
    result, _ = run(db, tmp_path, "csv", {"pledges": rows})
    assert len(result.issues) == 50 and result.truncated
    assert [i.row for i in result.issues] == list(range(2, 52))
    assert counts(db) == before


def test_error_in_a_later_sheet_writes_nothing_from_earlier_sheets(
    engine: Engine, tmp_path: Path
) -> None:
    base_records(engine)
    before = counts(engine)
    sheets = {
        "meetings": [["ref", "held_on", "title"], ["M-1", "2024-01-01", "first"]],
        "nations": [["code", "name"], ["NLD", "Netherlands"], ["nld", "lower case"]],
    }
    result, _ = run(engine, tmp_path, "xlsx", sheets)
    issue = only(result)
    assert (issue.place, issue.row, issue.column) == ("book.xlsx [nations]", 3, "code")
    assert "not an ISO 3166-1 alpha-3 code" in issue.reason
    assert counts(engine) == before


def test_a_value_outside_the_header_is_refused(db: Engine, tmp_path: Path) -> None:
    rows = [["ref", "held_on", "title"], ["M-1", "2024-01-01", "first", "stray"]]
    issue = only(run(db, tmp_path, "csv", {"meetings": rows})[0])
    assert (issue.row, issue.column) == (2, None)
    assert issue.reason == "value 'stray' in column 4, which has no header"


def test_text_longer_than_the_database_allows(db: Engine, tmp_path: Path) -> None:
    rows = [["ref", "held_on", "title"], ["M" * 61, "2024-01-01", "first"]]
    issue = only(run(db, tmp_path, "csv", {"meetings": rows})[0])
    assert (issue.row, issue.column) == (2, "ref")
    assert issue.reason == "is 61 characters long, more than the 60 allowed"


def test_file_level_problems(db: Engine, tmp_path: Path) -> None:
    before = counts(db)
    big = write_csv(tmp_path / "meetings.csv", [["ref", "held_on", "title"]] * 50)
    r = import_files(db, [big], limits=Limits(max_bytes=100))
    issue = only(r)
    assert issue.place == "meetings.csv" and "over the limit" in issue.reason
    bomb = write_xlsx(tmp_path / "bomb.xlsx", {"meetings": [["ref"]] + [["x" * 1000]] * 200})
    r = import_files(db, [bomb], limits=Limits(max_uncompressed=50_000))
    issue = only(r)
    assert issue.place == "bomb.xlsx" and "zip bomb guard" in issue.reason
    r = import_files(db, [bomb], limits=Limits(max_ratio=2, min_bomb_bytes=0))
    assert "zip bomb guard" in only(r).reason
    fake = tmp_path / "meetings.xlsx"
    fake.write_text("ref,held_on\n")
    assert "not a valid .xlsx workbook" in only(import_files(db, [fake])).reason
    odd = write_csv(tmp_path / "stuff.csv", [["ref"]])
    issue = only(import_files(db, [odd]))
    assert issue.place == "stuff.csv"
    assert "cannot tell the entity from the file name" in issue.reason
    latin = tmp_path / "meetings_latin.csv"
    latin.write_bytes("ref,held_on,title\nM-1,2024-01-01,Réunion\n".encode("latin-1"))
    issue = only(import_files(db, [latin]))
    assert issue.place == "meetings_latin.csv" and "not UTF-8" in issue.reason
    empty = tmp_path / "meetings_empty.csv"
    empty.write_text("")
    assert "row 1 must be the header" in only(import_files(db, [empty])).reason
    assert counts(db) == before


def test_refused_update_mid_file_is_reported_and_later_rows_still_checked(
    engine: Engine, tmp_path: Path
) -> None:
    load_dataset(engine)  # P-1: 1000 pledged, 300 delivered
    before = counts(engine)
    header = [*PLEDGE_HEADER, "due_by"]
    rows = [
        header,
        [*pledge("P-1", quantity=200, value_amount=3_500_000), "2024-09-30"],
        [*pledge("P-7"), ""],
        [*pledge("P-8", announced_on="2024-05-01"), "2024-04-01"],
        [*pledge("P-9"), ""],
    ]
    result, label = run(engine, tmp_path, "csv", {"pledges": rows})
    got = [(i.place, i.row, i.column, i.reason) for i in result.issues]
    assert got == [
        (label, 2, "quantity", "pledge.quantity: 200 is below the 300 already delivered"),
        (label, 4, "due_by", "pledge.due_by: is before the announcement date"),
    ]
    assert counts(engine) == before
