"""Issue 18, import side: locks (6), control characters (9), blank refs (10) and zip bombs
(11); and a database that changes between the check and the write."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text

from materiel.db import WRITE_OPTION, read_session
from materiel.io import Limits, export, import_files
from materiel.records import Delivery, Pledge, StockReport
from materiel.services import RuleViolation, writer
from test_io_support import base_records, chain_ok, counts, write_csv, write_xlsx

AMMO = "ammo.artillery.155mm"
PLEDGE_HEADER = ["ref", "donor_code", "recipient_code", "item_code", "quantity", "announced_on"]


def _stock_rows(n: int) -> list[list[Any]]:
    d0 = dt.date(2000, 1, 1)  # n days on: in the past (a stock report may not lie ahead)
    return [["nation_code", "item_code", "quantity", "as_of"]] + [
        ["DEU", AMMO, i, (d0 + dt.timedelta(days=i)).isoformat()] for i in range(n)
    ]


def test_dry_run_takes_no_write_lock(sqlite_engine: Engine, tmp_path: Path) -> None:
    """A dry run checks everything while another program holds the write lock (before, it
    waited for the lock: the API's writes got 503 for the length of the run)."""
    base_records(sqlite_engine)
    path = write_csv(tmp_path / "stock_reports.csv", _stock_rows(200))
    holder = sqlite3.connect(str(sqlite_engine.url.database), timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = import_files(sqlite_engine, [path], dry_run=True)
        assert result.ok and result.counts["stock_reports"]["created"] == 200
        # nothing changes: a re-import of what is stored takes no lock either
        assert import_files(sqlite_engine, [path], dry_run=True).ok
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert import_files(sqlite_engine, [path]).written


def _statements_under_write_lock(engine: Engine, path: Path) -> int:
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert import_files(engine, [path]).written
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_write_transaction_is_short(engine: Engine, tmp_path: Path) -> None:
    """Everything is checked before the write transaction; inside it a few multi-row
    statements write every row and audit event: their number does not grow with the rows."""
    base_records(engine)
    small = _statements_under_write_lock(
        engine, write_csv(tmp_path / "stock_reports_a.csv", _stock_rows(50))
    )
    rows = _stock_rows(3000)
    big = _statements_under_write_lock(
        engine, write_csv(tmp_path / "stock_reports.csv", [rows[0], *rows[51:]])
    )
    assert small <= 12 and big <= small + 4, (small, big)
    with read_session(engine) as s:
        assert len(s.scalars(select(StockReport.id)).all()) == 3000
    assert chain_ok(engine)


def test_rows_are_per_second_fast_enough_to_count(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Not a timing test: a 2,000-row import appends exactly one audit event per row."""
    base_records(sqlite_engine)
    before = counts(sqlite_engine)["audit_event"]
    result = import_files(
        sqlite_engine, [write_csv(tmp_path / "stock_reports.csv", _stock_rows(2000))]
    )
    assert result.written and counts(sqlite_engine)["audit_event"] == before + 2000


class _Meddler:
    """Progress that writes to the database just before the import's write transaction."""

    def __init__(self, engine: Engine, action: Any):
        self.engine, self.action, self.done = engine, action, False

    def start(self, description: str, total: int | None) -> None:
        if description == "writing" and not self.done:
            self.done = True
            with writer(self.engine, actor="api") as w:
                self.action(w)

    def advance(self, rows: int) -> None:
        pass


def test_a_write_between_check_and_write_is_checked_again(engine: Engine, tmp_path: Path) -> None:
    base_records(engine)
    rows = [PLEDGE_HEADER] + [[f"P-{i}", "DEU", "UKR", AMMO, 100, "2024-02-14"] for i in range(3)]
    path = write_csv(tmp_path / "pledges.csv", rows)

    def create_p1(w: Any) -> None:
        w.create(Pledge, ref="P-1", donor_code="FRA", recipient_code="UKR", item_code=AMMO,
                 quantity=7, announced_on=dt.date(2024, 1, 1))  # fmt: skip

    result = import_files(engine, [path], progress=_Meddler(engine, create_p1))
    assert result.written, [str(i) for i in result.issues]
    with read_session(engine) as s:
        p1 = s.scalars(select(Pledge).where(Pledge.ref == "P-1")).one()
        assert (p1.donor_code, p1.quantity, p1.version) == ("DEU", 100, 2)
    assert chain_ok(engine)
    # a change that makes the file wrong stops it: P-9 gets 80 delivered meanwhile
    with writer(engine, actor="t") as w:
        w.create(Pledge, ref="P-9", donor_code="DEU", recipient_code="UKR", item_code=AMMO,
                 quantity=100, announced_on=dt.date(2024, 1, 1))  # fmt: skip
    before = counts(engine)

    def deliver(w: Any) -> None:
        p = w.get(Pledge, ref="P-9")
        w.record_delivery(p, ref="D-9", quantity=80, delivered_on=dt.date(2024, 3, 1))

    lower = write_csv(
        tmp_path / "pledges.csv", [PLEDGE_HEADER, ["P-9", "DEU", "UKR", AMMO, 50, "2024-01-01"]]
    )
    result = import_files(engine, [lower], progress=_Meddler(engine, deliver))
    assert not result.written
    assert [(i.row, i.column) for i in result.issues] == [(2, "quantity")]
    assert "below the 80 already delivered" in result.issues[0].reason
    after = counts(engine)
    assert after["delivery"] == before["delivery"] + 1  # only the meddler's write
    with read_session(engine) as s:
        assert s.scalars(select(Pledge.quantity).where(Pledge.ref == "P-9")).one() == 100


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_blank_ref_is_a_row_error(sqlite_engine: Engine, tmp_path: Path, fmt: str) -> None:
    """Issue 18 (10): an empty or blank ref was a KeyError; now a row error, nothing written."""
    base_records(sqlite_engine)
    before = counts(sqlite_engine)
    rows = [
        PLEDGE_HEADER,
        ["", "DEU", "UKR", AMMO, 1, "2024-02-14"],
        ["   ", "DEU", "UKR", AMMO, 1, "2024-02-14"],
        ["P-1", "DEU", "UKR", AMMO, 1, "2024-02-14"],
    ]
    deliveries = [["ref", "pledge_ref", "quantity", "delivered_on"], [" ", "P-1", 1, "2024-03-01"]]
    sheets = {"pledges": rows, "deliveries": deliveries}
    if fmt == "csv":
        paths = [write_csv(tmp_path / f"{k}.csv", v) for k, v in sheets.items()]
    else:
        paths = [write_xlsx(tmp_path / "b.xlsx", sheets)]
    result = import_files(sqlite_engine, paths)
    got = [(i.sheet or i.file, i.row, i.column, i.reason) for i in result.issues]
    assert [g[1:] for g in got] == [
        (2, "ref", "required value is empty"),
        (3, "ref", "required value is empty"),
        (2, "ref", "required value is empty"),
    ]
    assert counts(sqlite_engine) == before


def test_the_rules_refuse_blank_keys_and_control_characters(sqlite_engine: Engine) -> None:
    """Issue 18 (9, 10): what the API writes goes through the same rules."""
    base_records(sqlite_engine)
    fields = dict(donor_code="DEU", recipient_code="UKR", item_code=AMMO, quantity=1,
                  announced_on=dt.date(2024, 1, 1))  # fmt: skip
    with (
        pytest.raises(RuleViolation, match=r"pledge\.ref: must not be blank"),
        writer(sqlite_engine, "t") as w,
    ):
        w.create(Pledge, ref=" ", **fields)
    with (
        pytest.raises(RuleViolation, match="control character U\\+001B"),
        writer(sqlite_engine, "t") as w,
    ):
        w.create(Pledge, ref="P-1", source_quote="\x1b[31mred", **fields)
    with writer(sqlite_engine, "t") as w:  # tabs and line breaks in free text are fine
        w.create(Pledge, ref="P-1", source_quote="line one\n\tline two", **fields)


def test_export_never_fails_on_control_characters_stored_before(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    """Issue 18 (9): text stored before the rule (here written past it) still exports."""
    base_records(sqlite_engine)
    with writer(sqlite_engine, "t") as w:
        w.create(Pledge, ref="P-1", donor_code="DEU", recipient_code="UKR", item_code=AMMO,
                 quantity=1, announced_on=dt.date(2024, 1, 1))  # fmt: skip
    with sqlite_engine.begin() as c:
        c.execute(text("UPDATE pledge SET source_quote = 'bell\x07here' WHERE ref = 'P-1'"))
    out = tmp_path / "all.xlsx"
    assert export(sqlite_engine, ["pledges"], "xlsx", out)["pledges"] == 1
    from openpyxl import load_workbook

    wb = load_workbook(out, read_only=True)
    values = [v for row in wb["pledges"].iter_rows(values_only=True) for v in row]
    wb.close()
    assert "bell\ufffdhere" in values


def _padded_bomb(path: Path, sheet_mb: int, padding_kb: int) -> Path:
    """A workbook whose one sheet inflates enormously, padded with incompressible stored
    bytes so that the ratio of the whole file looks harmless."""
    import os

    good = write_xlsx(path.with_name("seed.xlsx"), {"meetings": [["ref", "held_on", "title"]]})
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"x" * 1000 + b"</t></is></c></row>"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = row * (sheet_mb * 1024)
                data = data.replace(b"</sheetData>", body + b"</sheetData>")
                data = data.replace(b"<sheetData/>", b"<sheetData>" + body + b"</sheetData>")
            dst.writestr(info, data)
        dst.writestr(
            zipfile.ZipInfo("xl/media/padding.bin"), os.urandom(padding_kb * 1024),
            compress_type=zipfile.ZIP_STORED,
        )  # fmt: skip
    return path


def test_a_padded_zip_bomb_is_refused_part_by_part(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Issue 18 (11): stored padding made the ratio of the whole file look normal; the ratio
    and the size are now checked for every part, so the sheet itself is refused, before it
    is read."""
    bomb = _padded_bomb(tmp_path / "bomb.xlsx", sheet_mb=4, padding_kb=600)
    with zipfile.ZipFile(bomb) as z:
        infos = z.infolist()
    whole = sum(i.file_size for i in infos) / sum(i.compress_size for i in infos)
    assert whole < 20  # the whole file's ratio is harmless
    result = import_files(sqlite_engine, [bomb], limits=Limits(min_bomb_bytes=1024 * 1024))
    (issue,) = result.issues
    assert issue.file == "bomb.xlsx" and "xl/worksheets/sheet1.xml" in issue.reason
    assert "zip bomb guard" in issue.reason
    result = import_files(sqlite_engine, [bomb], limits=Limits(max_part=1024 * 1024, max_ratio=1e9))
    assert "per part" in result.issues[0].reason


def test_rows_beyond_the_cap_are_refused_while_reading(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    base_records(sqlite_engine)
    before = counts(sqlite_engine)
    path = write_csv(tmp_path / "stock_reports.csv", _stock_rows(30))
    result = import_files(sqlite_engine, [path], limits=Limits(max_rows=25))
    (issue,) = result.issues
    assert issue.row is None and "refused at row 27" in issue.reason
    assert "more than 25 data rows" in issue.reason
    assert counts(sqlite_engine) == before


def test_formula_without_a_saved_result_is_named(sqlite_engine: Engine, tmp_path: Path) -> None:
    """openpyxl (like other scripts) writes formulas without a result: such a cell used to
    read as empty ("required value is empty", or silently nothing when optional)."""
    from openpyxl import Workbook

    base_records(sqlite_engine)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "pledges"
    ws.append([*PLEDGE_HEADER, "value_amount", "value_currency"])
    ws.append(["P-1", "DEU", "UKR", AMMO, "=10*100", "2024-02-14", None, None])
    ws.append(["P-2", "DEU", "UKR", AMMO, 5, "2024-02-14", "=E3*3500", "EUR"])
    path = tmp_path / "script.xlsx"
    wb.save(path)
    result = import_files(sqlite_engine, [path])
    got = [(i.row, i.column) for i in result.issues]
    assert got == [(2, "quantity"), (3, "value_amount")]
    assert "the formula =10*100 has no saved result" in result.issues[0].reason
    with read_session(sqlite_engine) as s:
        assert s.scalars(select(Delivery.id)).all() == []
