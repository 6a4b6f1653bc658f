"""Export records with the template columns (so an export imports back unchanged), and
write blank templates with an example row and a description of every column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import Engine, String, select
from sqlalchemy.orm import Session

from materiel.db import read_session
from materiel.io.cells import EMPTY, format_native, format_text, parse_cell
from materiel.io.readers import README_SHEET
from materiel.io.templates import ENTITIES, TYPE_HELP, Template, template_for
from materiel.records import Delivery, Pledge

Format = Literal["csv", "xlsx"]


def iter_records(session: Session, template: Template) -> Iterator[list[Any]]:
    """Typed values in template column order, sorted by the natural key (byte order of
    text on every backend, so exports from SQLite and PostgreSQL agree)."""
    model = template.model
    pg = session.get_bind().dialect.name == "postgresql"

    def order(attr: Any) -> Any:
        return attr.collate("C") if pg and isinstance(attr.type, String) else attr

    if template.entity == "deliveries":
        stmt = (
            select(Delivery, Pledge.ref)
            .join(Pledge, Delivery.pledge_id == Pledge.id)
            .order_by(order(Delivery.ref))
        )
        for d, pledge_ref in session.execute(stmt.execution_options(yield_per=1000)):
            yield [pledge_ref if c.attr is None else getattr(d, c.attr) for c in template.columns]
        return
    stmt2 = select(model).order_by(*(order(getattr(model, k)) for k in template.key))
    for obj in session.scalars(stmt2.execution_options(yield_per=1000)):
        yield [getattr(obj, c.attr) if c.attr else None for c in template.columns]


def write_csv(stream: IO[str], template: Template, rows: Iterator[list[Any]]) -> int:
    """Write the header and rows as CSV; returns the number of data rows."""
    w = csv.writer(stream)
    w.writerow(template.names)
    n = 0
    for row in rows:
        w.writerow(
            [
                format_text(c, v, i == 0)
                for i, (c, v) in enumerate(zip(template.columns, row, strict=True))
            ]
        )
        n += 1
    return n


def _xlsx_sheet(wb: Any, template: Template, rows: Iterator[list[Any]]) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ws = wb.create_sheet(template.entity)
    for i, c in enumerate(template.columns):
        letter = _letter(i)
        ws.column_dimensions[letter].width = max(len(c.name) + 2, 12)
    ws.freeze_panes = "A2"
    header = []
    for name in template.names:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    n = 0
    for row in rows:
        out: list[Any] = []
        for i, (c, v) in enumerate(zip(template.columns, row, strict=True)):
            value = format_native(c, v, i == 0)
            if c.type == "date" and value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            elif isinstance(value, str):
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, never a formula
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
        n += 1
    return n


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(i + 1))


def _new_workbook() -> Any:
    from openpyxl import Workbook

    return Workbook(write_only=True)


def export(
    engine: Engine,
    entities: list[str] | None,
    fmt: Format,
    out: Path,
) -> dict[str, int]:
    """Export entities (all when ``None``). CSV writes one file per entity: ``out`` is the
    file for a single entity, else a directory of ``<entity>.csv``. XLSX writes one workbook
    with a sheet per entity. Returns the rows written per entity."""
    names = list(entities) if entities else list(ENTITIES)
    for e in names:
        template_for(e)
    counts: dict[str, int] = {}
    with read_session(engine) as session:
        if fmt == "xlsx":
            wb = _new_workbook()
            for e in names:
                counts[e] = _xlsx_sheet(wb, template_for(e), iter_records(session, template_for(e)))
            out.parent.mkdir(parents=True, exist_ok=True)
            wb.save(out)
            return counts
        if len(names) == 1 and out.suffix.lower() == ".csv":
            targets = {names[0]: out}
        else:
            out.mkdir(parents=True, exist_ok=True)
            targets = {e: out / f"{e}.csv" for e in names}
        for e, path in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8-sig", newline="") as f:
                counts[e] = write_csv(f, template_for(e), iter_records(session, template_for(e)))
    return counts


def export_csv_text(engine: Engine, entity: str) -> str:
    """One entity as CSV text (for standard output)."""
    buf = io.StringIO()
    t = template_for(entity)
    with read_session(engine) as session:
        write_csv(buf, t, iter_records(session, t))
    return buf.getvalue()


# -- templates ---------------------------------------------------------------------------


def example_row(template: Template) -> list[Any]:
    """The documented example values, typed."""
    out = []
    for c in template.columns:
        v = parse_cell(c, c.example)
        out.append(None if v is EMPTY else v)
    return out


def readme_rows(template: Template) -> list[list[str]]:
    """Rows describing every column (for the README sheet)."""
    key = " + ".join(template.key)
    rows = [
        [f"{template.entity}: {template.description}"],
        [f"Natural key (re-imports update the record with this key): {key}"],
        ["Row 1 is the header; empty rows and rows starting with # are skipped."],
        [],
        ["column", "type", "required", "description", "example", "allowed values"],
    ]
    ex = example_row(template)
    for c, v in zip(template.columns, ex, strict=True):
        rows.append(
            [
                c.name,
                TYPE_HELP[c.type],
                "yes" if c.required else "no",
                c.description,
                format_text(c, v),
                ", ".join(c.choices),
            ]
        )
    return rows


def template_csv(template: Template) -> str:
    """Header plus the example row, commented out with ``#`` so it never imports."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(template.names)
    cells = [
        format_text(c, v) for c, v in zip(template.columns, example_row(template), strict=True)
    ]
    cells[0] = "# " + cells[0]
    w.writerow(cells)
    return buf.getvalue()


def write_template(entities: list[str], fmt: Format, out: Path) -> None:
    """A blank template: CSV (header + commented example) or a workbook with an empty data
    sheet per entity and a README sheet describing the columns."""
    templates = [template_for(e) for e in entities]
    if fmt == "csv":
        if len(templates) != 1:
            raise ValueError("a CSV template holds one entity; use --format xlsx for several")
        out.write_text(template_csv(templates[0]), encoding="utf-8-sig")
        return
    wb = _new_workbook()
    for t in templates:
        _xlsx_sheet(wb, t, iter(()))
    ws = wb.create_sheet(README_SHEET)
    for t in templates:
        for r in readme_rows(t):
            ws.append(r)
        ws.append([])
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
