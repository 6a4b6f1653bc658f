"""``materiel backup FILE`` and ``materiel restore FILE [--force]``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
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


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_cmd)
    app.command("restore")(restore_cmd)


def _progress(as_json: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=as_json,
    )


def backup_cmd(
    ctx: typer.Context,
    file: Path | None = typer.Argument(
        None, help="Backup file to write (default: materiel-<db>-<UTC time>.backup)"
    ),
    pg_dump: bool = typer.Option(
        False, "--pg-dump", help="PostgreSQL only: a pg_dump custom-format archive instead"
    ),
    logical: bool = typer.Option(
        False, "--logical", help="A logical export (portable across SQLite and PostgreSQL)"
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
) -> None:
    """A consistent backup while the server runs (SQLite: online backup API; PostgreSQL:
    one-snapshot logical export of every table, or pg_dump with --pg-dump)."""
    if pg_dump and logical:
        fail("choose one of --pg-dump and --logical")
    from materiel.ops.backup import BackupError, backup, backup_name  # loads Alembic

    engine = state(ctx).engine()
    out = file or Path(backup_name(engine))
    method = "pg_dump" if pg_dump else "logical" if logical else "auto"
    with _progress(as_json) as progress:
        task = progress.add_task("backing up", total=None)

        def step(table: str, rows: int) -> None:
            progress.update(task, description=f"backing up {table}: {rows:,} rows")

        try:
            report = backup(engine, out, method=method, progress=step)
        except BackupError as exc:
            fail(str(exc))
            return
        except SQLAlchemyError as exc:
            fail(database_problem(exc) + "; no backup was written")
            return
        except (OSError, sqlite3.Error) as exc:  # writing the file: a full disk, no permission
            fail(f"cannot write {out}: {database_problem(exc, str(out))}; no backup was written")
            return
    if as_json:
        print_json(report.as_dict())
        return
    rows = sum(report.tables.values())
    console.print(
        styled(
            ("Backup written", "green"),
            f": {out} ({report.bytes / 1e6:,.1f} MB, {rows:,} rows, "
            f"method {report.method}, {report.seconds:.1f} s)",
        )
    )
    console.print(f"schema revision {', '.join(report.revisions)}; audit head {report.audit_head}")


def restore_cmd(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A file written by `materiel backup`"),
    force: bool = typer.Option(
        False, "--force", help="Replace the contents of a database that is not empty"
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
) -> None:
    """Restore a backup into an empty database (one transaction; stop the server first)."""
    if not file.is_file():
        fail(f"{file}: no such file")
    from materiel.ops.backup import BackupError, restore  # loads Alembic

    engine = state(ctx).engine(create=True)
    with _progress(as_json) as progress:
        task = progress.add_task("restoring", total=None)

        def step(table: str, rows: int) -> None:
            progress.update(task, description=f"restoring {table}: {rows:,} rows")

        try:
            report = restore(engine, file, force=force, progress=step)
        except BackupError as exc:
            fail(str(exc))
            return
        except SQLAlchemyError as exc:
            fail(database_problem(exc) + "; nothing was restored")
            return
    if as_json:
        print_json(report.as_dict())
    else:
        table = Table("table", "rows", title=f"Restored from {file}")
        for name, n in report.tables.items():
            if n:
                table.add_row(name, f"{n:,}")
        console.print(table)
        chain = "intact" if report.audit_ok else "BROKEN"
        console.print(
            styled(
                ("Restored", "green"),
                f" {sum(report.tables.values()):,} rows in {report.seconds:.1f} s; "
                f"audit chain {chain} ({report.audit_events} events)",
            )
        )
    if not report.audit_ok:
        fail("the restored audit chain does not verify: run `materiel audit verify`")
