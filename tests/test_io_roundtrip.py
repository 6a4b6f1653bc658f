"""Export → import into a fresh database → export again gives identical files and
records, on SQLite and PostgreSQL, for every entity; exported cells are injection-safe."""

from __future__ import annotations

import csv
import filecmp
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from materiel.db import read_session
from materiel.io import ENTITIES, export, import_files, iter_records, template_for
from test_io_support import (
    FORMULA,
    audit_events,
    chain_ok,
    counts,
    load_dataset,
    wipe,
    xlsx_values,
)


def _records(engine: Engine) -> dict[str, list[list[Any]]]:
    with read_session(engine) as s:
        return {e: list(iter_records(s, template_for(e))) for e in ENTITIES}


def test_round_trip_csv_and_xlsx(engine: Engine, tmp_path: Path) -> None:
    load_dataset(engine)
    records = _records(engine)
    assert all(records[e] for e in ENTITIES), "the dataset covers every entity"
    n_before = counts(engine)
    export(engine, None, "csv", tmp_path / "csv1")
    export(engine, None, "xlsx", tmp_path / "one.xlsx")

    for source, again in ((tmp_path / "csv1", "csv2"), (tmp_path / "one.xlsx", "two.xlsx")):
        wipe(engine)
        result = import_files(engine, [source], actor="restore")
        assert result.ok, [str(i) for i in result.issues]
        assert sum(c["created"] for c in result.counts.values()) == sum(
            len(r) for r in records.values()
        )
        n_after = counts(engine)
        assert {k: v for k, v in n_after.items() if k != "audit_event"} == {
            k: v for k, v in n_before.items() if k != "audit_event"
        }
        assert chain_ok(engine)
        if source.suffix == ".xlsx":
            export(engine, None, "xlsx", tmp_path / again)
            assert xlsx_values(tmp_path / again) == xlsx_values(source)
        else:
            export(engine, None, "csv", tmp_path / again)
            assert _records(engine) == records  # exact, floats included
            for f in sorted(source.iterdir()):
                assert filecmp.cmp(f, tmp_path / again / f.name, shallow=False), f.name
        events = audit_events(engine)
        assert import_files(engine, [source]).changes == 0
        assert audit_events(engine) == events


def test_exported_cells_are_neutralised_and_typed(sqlite_engine: Engine, tmp_path: Path) -> None:
    load_dataset(sqlite_engine)
    export(sqlite_engine, ["pledges", "needs"], "csv", tmp_path / "out")
    with (tmp_path / "out" / "pledges.csv").open(encoding="utf-8-sig", newline="") as f:
        pledges = {r["ref"]: r for r in csv.DictReader(f)}
    assert pledges["P-1"]["source_quote"] == "'" + FORMULA
    assert pledges["P-2"]["source_document"] == "'@note"
    assert pledges["P-1"]["quantity"] == "1000" and pledges["P-1"]["value_amount"] == "3500000"
    assert pledges["P-4"]["value_amount"] == "0.30000000000000004"
    with (tmp_path / "out" / "needs.csv").open(encoding="utf-8-sig", newline="") as f:
        needs = {r["ref"]: r for r in csv.DictReader(f)}
    assert needs["N-1"]["note"] == "'-5% reserve, +2 spares"

    export(sqlite_engine, ["pledges"], "xlsx", tmp_path / "p.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "p.xlsx")
    ws = wb["pledges"]
    header = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert row["source_quote"].value == "'" + FORMULA
    assert row["source_quote"].data_type == "s"  # text, not a formula
    assert row["quantity"].data_type == "n" and row["quantity"].value == 1000
    assert row["announced_on"].is_date
    assert row["confidential"].data_type == "b"
    formulas = [c for r in ws.iter_rows() for c in r if c.data_type == "f"]
    assert formulas == []


def test_stdout_text_matches_file_export(sqlite_engine: Engine, tmp_path: Path) -> None:
    from materiel.io import export_csv_text

    load_dataset(sqlite_engine)
    export(sqlite_engine, ["deliveries"], "csv", tmp_path / "d.csv")
    text = export_csv_text(sqlite_engine, "deliveries")
    assert (tmp_path / "d.csv").read_bytes().decode("utf-8-sig") == text
    assert text.splitlines()[1] == "D-1,P-1,300,2024-04-02,Ministry,false"
