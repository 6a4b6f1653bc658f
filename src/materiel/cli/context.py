"""Shared CLI state: which database, the Rich console, JSON output."""

from __future__ import annotations

import errno
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy import Engine

from materiel.db import get_engine, resolve_url

console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    db: str | None = None

    @property
    def url(self) -> str:
        return resolve_url(self.db)

    def engine(self) -> Engine:
        return get_engine(self.db)


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def print_json(data: Any) -> None:
    """Machine-readable output for scripts (dates as ISO strings)."""
    typer.echo(json.dumps(data, indent=2, default=str, ensure_ascii=False))


def fail(message: str, code: int = 1) -> None:
    """Print ``error: message`` to stderr and exit. The message is plain text (record values in
    it are never read as Rich markup) and is not wrapped at the terminal's width."""
    err_console.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
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
