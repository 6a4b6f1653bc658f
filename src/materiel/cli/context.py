"""Shared CLI state: which database, the Rich console, JSON output."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text

# The command line starts fast: SQLAlchemy, the records and the access policy are loaded by
# the commands that open a database, not by `materiel --help` (tests/test_cli_newcomer.py).
if TYPE_CHECKING:
    from sqlalchemy import Engine

    from materiel.access import Principal

#: C0 control characters but tab and line feed, DEL and the C1 controls (ESC, CSI, ...): a
#: terminal would run them as escape sequences
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` with every control character a terminal would act on shown as ``\\xNN``
    (tab and line feed stay)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class PlainConsole(Console):
    """A console on which a printed string is shown as it is: record values (refs, names,
    notes, announcement text) are never read as Rich markup (``[/]``, ``[link=...]``) or emoji
    codes, and control characters are shown as ``\\xNN`` instead of reaching the terminal.
    This holds for strings in table cells, titles and captions too (Rich renders them all
    through :meth:`render_str`). Styling is given explicitly: ``style=`` or :func:`styled`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("highlight", False)
        super().__init__(markup=False, emoji=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs["markup"] = False
        kwargs["emoji"] = False
        return super().render_str(clean(text), **kwargs)


def styled(*parts: str | tuple[str, str | Style]) -> Text:
    """One line of text from plain parts and ``(text, style)`` pairs: nothing in it is read as
    markup and control characters are shown as ``\\xNN``."""
    return Text.assemble(
        *((clean(p), "") if isinstance(p, str) else (clean(p[0]), p[1]) for p in parts)
    )


def cell(value: object, style: str | Style = "") -> RenderableType:
    """A table cell holding ``value`` as plain text (``''`` for None)."""
    return Text(clean("" if value is None else str(value)), style=style)


console = PlainConsole()
err_console = PlainConsole(stderr=True)


@dataclass
class State:
    db: str | None = None
    as_user: str | None = None  # --as: show the figures as this user may see them
    _ready: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        from materiel.db import resolve_url

        return resolve_url(self.db)

    def engine(self, *, create: bool = False) -> Engine:
        """The database's engine. Unless ``create`` (init, demo, serve, restore), the database
        must exist and be initialised: otherwise the command stops with one line saying so
        and what to do, and nothing is created (no empty SQLite file)."""
        if not create and not self._ready:
            self._require_database()
            self._ready = True
        flush_notes()
        from materiel.db import get_engine

        return get_engine(self.db)

    def _require_database(self) -> None:
        from sqlalchemy import inspect
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import SQLAlchemyError

        from materiel.db import get_engine

        url = make_url(self.url)
        shown = url.render_as_string(hide_password=True)
        fix = "create it with `materiel init` (or `make demo`), or give another with --db"
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            path = Path(str(url.database))
            if not path.is_file():
                fail(f"no database at {path}: {fix} (e.g. --db materiel-demo.db)")
            if path.stat().st_size == 0:
                fail(f"{path} is empty, not an initialised database: run `materiel init`")
        engine = get_engine(self.db)
        try:
            with engine.connect() as conn:
                ready = inspect(conn).has_table("alembic_version")
        except SQLAlchemyError as exc:
            fail(database_problem(exc, shown))
            return
        if not ready:
            fail(f"{shown} is not initialised: run `materiel init` (or give another with --db)")

    def viewer(self) -> Principal:
        """Whom the figures are for: the operator (every record, like a coordinator), or
        with ``--as USER`` that user's role and nation (a view, not a login: whoever runs
        the CLI can open the database anyway)."""
        from materiel.access import Principal
        from materiel.access.policy import LOCAL

        if self.as_user is None:
            return LOCAL
        from materiel.access.users import find_user  # loads the write side: only for --as

        user = find_user(self.engine(), self.as_user)
        if user is None or not user.active:
            fail(f"--as: no active user {self.as_user!r} (materiel users list)")
            raise AssertionError  # unreachable: fail exits
        return Principal(user.id, user.username, user.role, user.nation_code, channel="cli")


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def print_json(data: Any) -> None:
    """Machine-readable output for scripts (dates as ISO strings)."""
    typer.echo(json.dumps(data, indent=2, default=str, ensure_ascii=False))


def print_csv(rows: Sequence[Mapping[Any, Any]]) -> None:
    """CSV for spreadsheets: a header line of every key, one line per row (dates as ISO
    strings, nested values as JSON, text a spreadsheet would run as a formula neutralised)."""
    import csv
    import sys

    from materiel.io.cells import neutralise

    columns: list[Any] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)

    def value(v: Any) -> Any:
        if v is None:
            return ""
        if isinstance(v, (dict, list, tuple)):
            v = json.dumps(v, default=str, ensure_ascii=False)
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        return neutralise(v) if isinstance(v, str) else v

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    for row in rows:
        out.writerow([value(row.get(c)) for c in columns])


CSV = typer.Option(False, "--csv", help="Print CSV for spreadsheets (a header line), nothing else.")


def as_of_date(value: str | None, option: str = "--as-of") -> dt.date:
    """The date a command computes for: ``value`` (YYYY-MM-DD), or today (UTC) when none is
    given, in which case the date used is said on standard error (standard output stays
    clean for --json and --csv)."""
    if value is not None:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            fail(f"{option}: {value!r} is not a date (YYYY-MM-DD expected)")
            raise  # unreachable: fail exits
    day = dt.datetime.now(dt.UTC).date()
    note(f"as of today, {day.isoformat()} (UTC); {option} YYYY-MM-DD for another date")
    return day


#: notes waiting for the database to open: a command that fails says only why
_PENDING: list[str] = []


def note(message: str) -> None:
    """A plain, dim line on standard error saying what a command assumed (a date, a
    default). It is printed once the database has opened (:meth:`State.engine`), so a
    command that stops before says only why."""
    _PENDING.append(message)


def flush_notes() -> None:
    while _PENDING:
        err_console.print(_PENDING.pop(0), style="dim", soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    """Print ``error: message`` to stderr and exit. The message is plain text (record values in
    it are never read as Rich markup) and is not wrapped at the terminal's width."""
    _PENDING.clear()
    err_console.print(styled(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


def database_problem(exc: BaseException, db: str = "the database") -> str:
    """A plain sentence for a database failure, saying what to do: a full disk, a database
    not initialised, one held by another writer, read-only or unreachable; otherwise the
    driver's own message. ``exc``: a SQLAlchemy error, a driver error or an OSError."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    low = text.lower()
    code = getattr(orig, "sqlite_errorcode", None)
    state = getattr(orig, "sqlstate", None) or ""
    if (
        code == sqlite3.SQLITE_FULL
        or state == "53100"
        or "disk is full" in low
        or "no space left" in low
        or (isinstance(orig, OSError) and orig.errno == errno.ENOSPC)
    ):
        return f"the disk holding {db} is full ({text}): free some space and retry"
    if "no such table" in low or state == "42P01":
        return f"{db} is not initialised ({text}): run `materiel init`"
    if "database is locked" in low or state in ("55P03", "40P01"):
        return f"{db} is busy ({text}): another process is writing; retry"
    if "readonly" in low or "read-only" in low or state == "25006":
        return f"{db} is read-only ({text})"
    if (
        "unable to open" in low
        or ("connection" in low and "refused" in low)
        or state.startswith("08")
    ):
        return f"cannot open {db} ({text})"
    return f"database error: {text}"
