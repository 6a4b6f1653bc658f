"""Shared CLI state: which database, the Rich console, JSON output."""

from __future__ import annotations

import json
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
