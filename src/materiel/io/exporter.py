"""Export records with the template columns (so an export imports back unchanged), and
write blank templates with an example row and a description of every column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import Engine, String, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from materiel.db import read_session
from materiel.io.cells import COMMENT, EMPTY, format_native, format_text, parse_cell
from materiel.io.readers import LISTS_SHEET, README_SHEET
from materiel.io.templates import ENTITIES, TYPE_HELP, Column, Template, template_for
from materiel.records import Delivery, Item, Nation, Pledge

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
        ["Nations may be given by code or name, items by code, name or alias."],
        [],
        ["column", "type", "required", "description", "example", "allowed values", "default"],
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
                c.default,
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


def column_note(template: Template, column: Column) -> str:
    """What a header note says about a column: meaning, type, required, default, values."""
    lines = [column.description, f"Type: {TYPE_HELP[column.type].replace('`', '')}."]
    lines.append("Required." if column.required else "Optional.")
    if column.default:
        lines.append(f"Default when empty: {column.default}.")
    if column.month:
        lines.append(f"A month YYYY-MM is allowed (the {column.month} day is stored).")
    if column.choices:
        lines.append(f"One of: {', '.join(column.choices)}.")
    if column.positive:
        lines.append("Greater than 0.")
    elif column.minimum is not None:
        lines.append(f"At least {column.minimum:g}.")
    if column.name in template.key:
        lines.append("Part of the key: a row with the key of a stored record updates it.")
    return "\n".join(lines)


#: rows of a template sheet that get the dropdowns
TEMPLATE_ROWS = 1000


def _lists(engine: Engine | None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(code, name) of the nations and items for the dropdowns: the database's when it has
    any, else the reference data shipped with materiel."""
    nations: list[tuple[str, str]] = []
    items: list[tuple[str, str]] = []
    if engine is not None:
        try:
            with read_session(engine) as s:
                nations = [(c, n) for c, n in s.execute(select(Nation.code, Nation.name))]
                items = [(c, n) for c, n in s.execute(select(Item.code, Item.name))]
        except SQLAlchemyError:
            nations, items = [], []
    if not nations:
        from materiel.reference import nations as ref_nations

        nations = [(r["code"], r["name"]) for r in ref_nations()]
    if not items:
        from materiel.reference import catalogue

        items = [(r["code"], r["name"]) for r in catalogue()]
    return sorted(nations), sorted(items)


def _template_workbook(templates: list[Template], engine: Engine | None) -> Any:
    """A workbook to fill in: per entity a sheet with a note on every header cell, an
    example row (commented out with ``#``) and dropdowns; a README and the hidden lists."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    for ws0 in list(wb.worksheets):
        wb.remove(ws0)
    nations, items = _lists(engine)
    refs = {
        "nations": f"'{LISTS_SHEET}'!$A$2:$A${len(nations) + 1}",
        "items": f"'{LISTS_SHEET}'!$C$2:$C${len(items) + 1}",
    }
    for t in templates:
        ws = wb.create_sheet(t.entity)
        ws.freeze_panes = "A2"
        example = example_row(t)
        for i, c in enumerate(t.columns):
            letter = _letter(i)
            ws.column_dimensions[letter].width = max(len(c.name) + 2, 14)
            head = ws.cell(row=1, column=i + 1, value=c.name)
            head.font = Font(bold=True)
            note = Comment(column_note(t, c), "materiel")
            note.width, note.height = 320, 160
            head.comment = note
            value = format_native(c, example[i], i == 0)
            if i == 0:
                value = f"{COMMENT} example: {format_text(c, example[i])}"
            cell = ws.cell(row=2, column=i + 1, value=value)
            cell.font = Font(italic=True, color="808080")
            if c.type == "date" and i:
                cell.number_format = "yyyy-mm-dd"
            formula = None
            if c.choices:
                formula = '"' + ",".join(c.choices) + '"'
            elif c.type == "bool":
                formula = '"true,false"'
            elif c.references in refs:
                formula = refs[c.references]
            if formula is not None:
                dv = DataValidation(type="list", formula1=formula, allow_blank=True)
                dv.error = f"Pick a value from the list ({c.name})"
                dv.showErrorMessage = c.references is None  # names are accepted too
                dv.errorStyle = "warning"
                dv.add(f"{letter}3:{letter}{TEMPLATE_ROWS + 2}")
                ws.add_data_validation(dv)
    readme = wb.create_sheet(README_SHEET)
    readme.append(["How to fill this workbook"])
    readme.append(
        [
            "Fill one sheet per kind of record, from row 3 (row 2 is an example, commented "
            "out with #). Hover a column header for its meaning. Then run: materiel import "
            "this.xlsx --dry-run, and materiel import this.xlsx."
        ]
    )
    readme.append([])
    for t in templates:
        for r in readme_rows(t):
            readme.append(r)
        readme.append([])
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    lists.append(["nation", "nation name", "item", "item name"])
    for k in range(max(len(nations), len(items))):
        n = nations[k] if k < len(nations) else ("", "")
        it = items[k] if k < len(items) else ("", "")
        lists.append([n[0] or None, n[1] or None, it[0] or None, it[1] or None])
    return wb


def write_template(
    entities: list[str], fmt: Format, out: Path, engine: Engine | None = None
) -> None:
    """A template to fill in: CSV (header + commented example) or a workbook (see
    :func:`_template_workbook`); the dropdown lists come from ``engine``'s database when
    given, else from the reference data."""
    templates = [template_for(e) for e in entities]
    if fmt == "csv":
        if len(templates) != 1:
            raise ValueError("a CSV template holds one entity; use --format xlsx for several")
        out.write_text(template_csv(templates[0]), encoding="utf-8-sig")
        return
    wb = _template_workbook(templates, engine)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
