"""Imports that succeed: created / updated / unchanged, idempotent re-import, dry run,
deliveries through the Writer, CSV dialects and workbook details."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from materiel.db import read_session
from materiel.io import export, import_files
from materiel.records import AuditEvent, Delivery, Item, Pledge, Scenario
from test_io_support import (
    audit_events,
    base_records,
    chain_ok,
    counts,
    load_dataset,
    write_csv,
    write_xlsx,
)

AMMO = "ammo.artillery.155mm"
PLEDGES = [
    ["ref", "donor_code", "recipient_code", "item_code", "quantity", "announced_on", "status"],
    ["P-1", "DEU", "UKR", AMMO, 100, "2024-02-14", "committed"],
    ["P-2", "FRA", "UKR", AMMO, 50, "2024-02-15", ""],
]
DELIVERIES = [
    ["ref", "pledge_ref", "quantity", "delivered_on", "source"],
    ["D-1", "P-1", 40, "2024-03-01", "report"],
    ["D-2", "P-2", 50, "2024-03-02", ""],
]


def _pledges(engine: Engine) -> dict[str, tuple[str, int, int]]:
    with read_session(engine) as s:
        rows = s.execute(select(Pledge.ref, Pledge.status, Pledge.quantity, Pledge.version))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_then_reimport_is_idempotent(engine: Engine, tmp_path: Path, fmt: str) -> None:
    base_records(engine)
    if fmt == "csv":
        paths = [
            write_csv(tmp_path / "deliveries.csv", DELIVERIES),  # order of files is irrelevant
            write_csv(tmp_path / "pledges.csv", PLEDGES),
        ]
    else:
        paths = [write_xlsx(tmp_path / "b.xlsx", {"deliveries": DELIVERIES, "pledges": PLEDGES})]
    result = import_files(engine, paths, actor="alice")
    assert result.ok and result.written, [str(i) for i in result.issues]
    assert result.counts["pledges"]["created"] == 2
    assert result.counts["deliveries"]["created"] == 2
    # deliveries went through the Writer: the pledge statuses follow them
    first = _pledges(engine)
    assert first["P-1"][0] == "delivering" and first["P-2"][0] == "delivered"
    with read_session(engine) as s:
        actors = set(s.scalars(select(AuditEvent.actor)))
        d = s.scalars(select(Delivery).where(Delivery.ref == "D-2")).one()
        assert d.source is None and d.delivered_on == dt.date(2024, 3, 2)
    assert "alice" in actors
    before, events = counts(engine), audit_events(engine)
    again = import_files(engine, paths, actor="alice")
    assert again.ok and again.changes == 0
    assert again.counts["pledges"]["unchanged"] == 2
    assert again.counts["deliveries"]["unchanged"] == 2
    assert counts(engine) == before and audit_events(engine) == events
    assert _pledges(engine) == first  # versions unchanged too
    assert chain_ok(engine)


def test_changed_rows_update_and_are_audited(sqlite_engine: Engine, tmp_path: Path) -> None:
    base_records(sqlite_engine)
    path = write_csv(tmp_path / "pledges.csv", PLEDGES)
    assert import_files(sqlite_engine, [path]).ok
    events = audit_events(sqlite_engine)
    changed = [PLEDGES[0], ["P-1", "DEU", "UKR", AMMO, 120, "2024-02-14", "committed"]]
    result = import_files(sqlite_engine, [write_csv(tmp_path / "pledges.csv", changed)])
    assert result.ok and result.counts["pledges"]["updated"] == 1
    assert _pledges(sqlite_engine)["P-1"][1:] == (120, 2)
    assert audit_events(sqlite_engine) == events + 1
    with read_session(sqlite_engine) as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and last.action == "update" and last.entity_key == "P-1"
        assert last.before is not None and last.before["quantity"] == 100


def test_dry_run_checks_through_the_writer_and_writes_nothing(
    engine: Engine, tmp_path: Path
) -> None:
    base_records(engine)
    before = counts(engine)
    paths = [
        write_csv(tmp_path / "pledges.csv", PLEDGES),
        write_csv(tmp_path / "deliveries.csv", DELIVERIES),
    ]
    result = import_files(engine, paths, dry_run=True)
    assert result.ok and result.dry_run and not result.written
    assert result.counts["pledges"]["created"] == 2 and result.rows == 4
    assert counts(engine) == before
    # a rule only the Writer knows is still found by a dry run
    bad = [PLEDGES[0], ["P-9", "UKR", "UKR", AMMO, 1, "2024-02-14", ""]]
    result = import_files(engine, [write_csv(tmp_path / "pledges.csv", bad)], dry_run=True)
    assert [(i.row, i.column) for i in result.issues] == [(2, "recipient_code")]
    assert counts(engine) == before


def test_partly_delivered_then_cancelled_pledge_imports(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    base_records(sqlite_engine)
    pledges = [PLEDGES[0], ["P-1", "POL", "UKR", AMMO, 300, "2024-03-02", "cancelled"]]
    deliveries = [DELIVERIES[0], ["D-1", "P-1", 100, "2024-05-04", ""]]
    book = write_xlsx(tmp_path / "b.xlsx", {"pledges": pledges, "deliveries": deliveries})
    result = import_files(sqlite_engine, [book])
    assert result.ok, [str(i) for i in result.issues]
    assert _pledges(sqlite_engine)["P-1"][0] == "cancelled"
    events = audit_events(sqlite_engine)
    assert import_files(sqlite_engine, [book]).changes == 0
    assert audit_events(sqlite_engine) == events
    # a new delivery on the cancelled pledge is refused by the Writer, at its row
    more = [*deliveries, ["D-2", "P-1", 1, "2024-05-05", ""]]
    result = import_files(sqlite_engine, [write_csv(tmp_path / "deliveries.csv", more)])
    assert [(i.row, i.column) for i in result.issues] == [(3, "pledge_ref")]
    assert "pledge P-1 is cancelled" in result.issues[0].reason


def test_stated_status_behind_the_deliveries_keeps_the_derived_one(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    base_records(sqlite_engine)
    paths = [
        write_csv(tmp_path / "pledges.csv", PLEDGES[:2]),  # P-1 says committed
        write_csv(tmp_path / "deliveries.csv", DELIVERIES[:2]),  # but 40 of 100 arrived
    ]
    assert import_files(sqlite_engine, paths).ok
    assert _pledges(sqlite_engine)["P-1"][0] == "delivering"
    assert import_files(sqlite_engine, paths).changes == 0


def test_csv_dialects_comments_blank_rows_and_header_case(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    base_records(sqlite_engine)
    text = (
        "\ufeffRef;Held_On;TITLE;place\r\n"
        "# an example row, skipped;;;\r\n"
        "M-1;2024-02-14;First;\r\n"
        ";;;\r\n"
        "M-2;2024-03-19;'=SUM(A1);Rammstein\r\n"
    )
    path = tmp_path / "meetings 2024.csv"
    path.write_text(text, encoding="utf-8")
    result = import_files(sqlite_engine, [path])
    assert result.ok, [str(i) for i in result.issues]
    assert result.counts["meetings"]["created"] == 2
    out = tmp_path / "out.csv"
    export(sqlite_engine, ["meetings"], "csv", out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines == [
        "ref,held_on,title,place,synthetic",
        "M-1,2024-02-14,First,,false",
        "M-2,2024-03-19,'=SUM(A1),Rammstein,false",
    ]


def test_row_numbers_count_skipped_rows(sqlite_engine: Engine, tmp_path: Path) -> None:
    base_records(sqlite_engine)
    rows = [["ref", "held_on", "title"], ["# example", "", ""], [], ["M-1", "soon", "x"]]
    for path in (
        write_csv(tmp_path / "meetings.csv", rows),
        write_xlsx(tmp_path / "m.xlsx", {"meetings": rows}),
    ):
        result = import_files(sqlite_engine, [path])
        assert [(i.row, i.column) for i in result.issues] == [(4, "held_on")]


def test_missing_optional_column_keeps_stored_values(sqlite_engine: Engine, tmp_path: Path) -> None:
    load_dataset(sqlite_engine)
    rows = [["code", "name", "category", "unit", "unit_value"],
            [AMMO, "155 mm round", "artillery-ammunition", "round", 3600]]  # fmt: skip
    result = import_files(sqlite_engine, [write_csv(tmp_path / "items.csv", rows)])
    assert result.ok and result.counts["items"]["updated"] == 1
    with read_session(sqlite_engine) as s:
        item = s.get(Item, AMMO)
        assert item is not None
        assert (item.name, item.unit_value) == ("155 mm round", 3600.0)
        assert item.aliases == ["155mm shells", "155 mm rounds"]  # column absent: kept
        assert item.currency == "EUR" and item.calibre == "155mm"


def test_workbook_native_cells_and_entity_option(sqlite_engine: Engine, tmp_path: Path) -> None:
    base_records(sqlite_engine)
    rows = [
        ["name", "description", "horizon_weeks", "params"],
        ["surge", None, 52.0, '{"surge_factor": 2, "hard_targets": true}'],
    ]
    book = write_xlsx(tmp_path / "whatever.xlsx", {"Sheet1": rows})
    result = import_files(sqlite_engine, [book], entity="scenarios")
    assert result.ok, [str(i) for i in result.issues]
    with read_session(sqlite_engine) as s:
        sc = s.scalars(select(Scenario)).one()
        assert sc.horizon_weeks == 52 and sc.params == {"surge_factor": 2, "hard_targets": True}
    dates = [["ref", "held_on", "title"], ["M-1", dt.datetime(2024, 2, 14), "native date"]]
    assert import_files(sqlite_engine, [write_xlsx(tmp_path / "m.xlsx", {"Meetings": dates})]).ok


class _Recorder:
    def __init__(self) -> None:
        self.tasks: list[tuple[str, int | None]] = []
        self.rows: dict[str, int] = {}

    def start(self, description: str, total: int | None) -> None:
        self.tasks.append((description, total))
        self.rows[description] = 0

    def advance(self, rows: int) -> None:
        self.rows[self.tasks[-1][0]] += rows


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_progress_is_reported_per_pass_and_sheet(
    sqlite_engine: Engine, tmp_path: Path, fmt: str
) -> None:
    base_records(sqlite_engine)
    rows = [["ref", "held_on", "title"]] + [[f"M-{i}", "2024-01-01", "t"] for i in range(450)]
    path = (
        write_csv(tmp_path / "meetings.csv", rows)
        if fmt == "csv"
        else write_xlsx(tmp_path / "m.xlsx", {"meetings": rows})
    )
    rec = _Recorder()
    result = import_files(sqlite_engine, [path], progress=rec)
    assert result.ok and result.rows == 450
    label = "meetings.csv" if fmt == "csv" else "m.xlsx [meetings]"
    assert rec.tasks == [(f"reading {label}", 450), ("checking", 450), ("writing", 450)]
    assert rec.rows == {f"reading {label}": 450, "checking": 450, "writing": 450}


def test_issue_text_names_file_row_and_column() -> None:
    from materiel.io import Issue

    assert str(Issue("p.csv", 7, "donor_code", "unknown nation 'XXX'")) == (
        "p.csv, row 7, column donor_code: unknown nation 'XXX'"
    )
    assert str(Issue("big.csv", None, None, "refused")) == "big.csv: refused"
    assert str(Issue("b.xlsx", 6, "quantity", "must be positive", "pledges")) == (
        "b.xlsx, sheet pledges, row 6, column quantity: must be positive"
    )


def test_workbook_with_a_wrong_declared_dimension_is_read_whole(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    """Some programs write <dimension ref="A1:A1"/>; openpyxl read-only would then stop
    after row 1 and silently drop the data."""
    import re
    import zipfile

    rows = [["ref", "held_on", "title"]] + [[f"M-{i}", "2024-01-01", "t"] for i in range(5)]
    good = write_xlsx(tmp_path / "good.xlsx", {"meetings": rows})
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data, n = re.subn(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:A1"/>', data)
                assert n == 1
            dst.writestr(info, data)
    result = import_files(sqlite_engine, [bad])
    assert result.ok and result.counts["meetings"]["created"] == 5


def test_workbook_sheet_without_header_row(sqlite_engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "m.xlsx", {"meetings": [[None, None], ["M-1", "2024-01-01"]]})
    result = import_files(sqlite_engine, [book])
    assert [(i.file, i.sheet, i.row, i.reason) for i in result.issues] == [
        ("m.xlsx", "meetings", None, "row 1 must be the header (it is empty)")
    ]
