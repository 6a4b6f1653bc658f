"""import and export commands: CSV files and workbooks, one template per entity."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from materiel.cli.context import (
    console,
    database_problem,
    err_console,
    fail,
    print_json,
    state,
    styled,
)
from materiel.io import ENTITIES, Issue, export, export_csv_text, import_files, write_template
from materiel.io.exporter import Format


def register(app: typer.Typer) -> None:
    app.command("import")(import_cmd)
    app.command("export")(export_cmd)


class _Bar:
    """The importer's progress, shown as a rich progress bar on standard error."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task: Any = None

    def start(self, description: str, total: int | None) -> None:
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(description, total=total)

    def advance(self, rows: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, rows)


def import_cmd(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(
        ..., help="CSV files, .xlsx workbooks or directories of them (one transaction)"
    ),
    entity: str | None = typer.Option(
        None, "--entity", "-e", help=f"Entity of the file(s): {', '.join(ENTITIES)}"
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Check and report problems and warnings; write nothing"
    ),
    accept_warnings: bool = typer.Option(
        False,
        "--accept-warnings",
        help="Write although there are warnings (implausible but possible input: a delivery "
        "before its pledge's announcement or in the future, a status going backwards)",
    ),
    actor: str = typer.Option("cli", "--actor", help="Who is recorded in the audit trail"),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
) -> None:
    """Import records; any bad row writes nothing and is reported by file, row and column."""
    if entity is not None and entity not in ENTITIES:
        fail(f"unknown entity {entity!r} (known: {', '.join(ENTITIES)})")
    engine = state(ctx).engine()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=as_json,
    ) as progress:
        try:
            result = import_files(
                engine,
                files,
                entity=entity,
                actor=actor,
                dry_run=dry_run,
                accept_warnings=accept_warnings,
                progress=_Bar(progress),
            )
        except SQLAlchemyError as exc:
            _db_fail(exc, "; nothing was written")
    if as_json:
        print_json(result.as_dict())
        if not result.ok or result.held_by_warnings:
            raise typer.Exit(1)
        return
    if result.counts and result.ok:
        verb = "would be" if dry_run or result.held_by_warnings else ""
        table = Table(
            "entity",
            "created",
            "updated",
            "unchanged",
            title=f"Import{' (' + verb + ')' if verb else ''}",
        )
        for e, c in result.counts.items():
            table.add_row(e, str(c["created"]), str(c["updated"]), str(c["unchanged"]))
        console.print(table)
    for note in result.notes:
        console.print(styled(("Note:", "dim"), f" {note}"))
    if result.warnings:
        _issue_table(result.warnings, "Warnings", result.total_warnings)
    if not result.ok:
        _issue_table(result.issues, "Problems", result.total_issues)
        shown = (
            f"{len(result.issues)} of {result.total_issues:,} problems shown"
            if result.truncated
            else f"{result.total_issues} problem(s)"
        )
        fail(f"{shown}; nothing was written")
    if result.held_by_warnings:
        fail(
            f"{result.total_warnings} warning(s); nothing was written. Check them and run the "
            "import again with --accept-warnings to write anyway."
        )
    if dry_run:
        extra = (
            f"; {result.total_warnings} warning(s) would need --accept-warnings"
            if result.warnings
            else ""
        )
        console.print(
            styled(
                ("Dry run", "yellow"), f": {result.rows} rows checked, nothing was written{extra}."
            )
        )
    else:
        console.print(
            styled(
                ("Imported", "green"),
                f" {result.rows} rows in one transaction: {result.changes} change(s).",
            )
        )


def _issue_table(issues: list[Issue], title: str, total: int) -> None:
    """Problems or warnings: file, sheet, row, column and reason (user text is printed as it
    is: the console reads no markup)."""
    shown = f" ({len(issues)} of {total:,} shown)" if total > len(issues) else ""
    table = Table("file", "sheet", "row", "column", "reason", title=f"{title}{shown}")
    for i in issues:
        table.add_row(
            i.file,
            i.sheet or "",
            "" if i.row is None else str(i.row),
            i.column or "",
            i.reason,
        )
    err_console.print(table)


def export_cmd(
    ctx: typer.Context,
    entity: str | None = typer.Argument(None, help=f"'all' or one of: {', '.join(ENTITIES)}"),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv or xlsx"),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Output file or directory ('-' for CSV on standard output)"
    ),
    template: str | None = typer.Option(
        None, "--template", "-t", help="Write the blank template of an entity (or 'all')"
    ),
) -> None:
    """Export records with the template columns, or write a blank template."""
    if fmt not in ("csv", "xlsx"):
        fail(f"unknown format {fmt!r}: use csv or xlsx")
    f: Format = "csv" if fmt == "csv" else "xlsx"
    if template is not None:
        _template(template, f, out, _existing_engine(ctx))
        return
    if entity is None:
        fail("name an entity or 'all' (or --template ENTITY)")
    names = _entities(entity or "")
    if out is not None and str(out) == "-":
        if f != "csv" or len(names) != 1:
            fail("standard output takes one entity as CSV")
        try:
            text = export_csv_text(state(ctx).engine(), names[0])
        except SQLAlchemyError as exc:
            _db_fail(exc)
        sys.stdout.write(text)
        return
    if out is None:
        out = Path("materiel-export" if len(names) > 1 else names[0])
        out = out.with_suffix(".xlsx") if f == "xlsx" else out
        if len(names) == 1 and f == "csv":
            out = out.with_suffix(".csv")
    try:
        counts = export(state(ctx).engine(), names, f, out)
    except SQLAlchemyError as exc:
        _db_fail(exc)
    table = Table("entity", "rows", title=f"Exported to {out}")
    for e, n in counts.items():
        table.add_row(e, str(n))
    console.print(table)


def _db_fail(exc: SQLAlchemyError, tail: str = "") -> NoReturn:
    fail(database_problem(exc) + tail)
    raise AssertionError  # pragma: no cover - fail() exits


def _entities(name: str) -> list[str]:
    if name == "all":
        return list(ENTITIES)
    if name not in ENTITIES:
        fail(f"unknown entity {name!r} (known: all, {', '.join(ENTITIES)})")
    return [name]


def _existing_engine(ctx: typer.Context) -> Engine | None:
    """The database's engine when there is one (a template's dropdowns list its nations and
    items); never creates a SQLite file."""
    url = make_url(state(ctx).url)
    if url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).exists()):
        return None
    return state(ctx).engine(create=True)


def _template(name: str, fmt: Format, out: Path | None, engine: Engine | None) -> None:
    names = _entities(name)
    if fmt == "csv" and len(names) > 1:
        fail("a CSV template holds one entity; use --format xlsx for all")
    if out is None:
        out = Path(f"{name}-template.{fmt}")
    write_template(names, fmt, out, engine)
    console.print(styled(("Template written", "green"), f": {out}"))
