"""Shared CLI state: which database, the Rich console, JSON output."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.policy import LOCAL
from materiel.db import get_engine, resolve_url

console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    db: str | None = None
    as_user: str | None = None  # --as: show the figures as this user may see them

    @property
    def url(self) -> str:
        return resolve_url(self.db)

    def engine(self) -> Engine:
        return get_engine(self.db)

    def viewer(self) -> Principal:
        """Whom the figures are for: the operator (every record, like a coordinator), or
        with ``--as USER`` that user's role and nation (a view, not a login: whoever runs
        the CLI can open the database anyway)."""
        if self.as_user is None:
            return LOCAL
        from materiel.access.users import find_user

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


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)
