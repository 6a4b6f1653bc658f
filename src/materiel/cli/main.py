"""``materiel`` — entry point; each command group lives in its own module, loaded when used.

``materiel --help`` lists the commands from the table below without importing them, and a
command imports only its own module (and what that uses): starting the plan does not load the
web server, listing pledges does not load the solver. tests/test_cli_newcomer.py checks that
the table's descriptions are the commands' own."""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from materiel.cli.context import State

#: top-level command → (module in materiel.cli, the start of its help), in help order
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("admin", "Create the database, or upgrade it to the newest schema"),
    "demo": ("demo", "Load a synthetic but plausible scenario (seeded) and print its summary."),
    "status": ("status", "Key figures: records, needs not covered by their date, late pledges"),
    "needs": ("lists", "Needs stated by recipients, with derived coverage."),
    "pledges": ("lists", "Pledges, deliveries against them and lateness."),
    "stocks": ("lists", "Stocks against stockpile targets."),
    "plan": ("plan", "Solve the plan LP on a snapshot of the records, explain it and store it."),
    "forecast": ("forecast", "Rank every holder and item by when its stock crosses its target"),
    "sweep": (
        "forecast",
        "Run a Monte Carlo per scenario on Dask and gather one table of shortfall risks.",
    ),
    "brief": ("brief", "Write the brief of a meeting: every figure footnoted with its records"),
    "import": ("transfer", "Import records; any bad row writes nothing"),
    "export": ("transfer", "Export records with the template columns, or write a blank template."),
    "read": ("read", "Read an announcement into draft pledges, funds and needs"),
    "drafts": ("read", "The review queue of drafts read from texts."),
    "kiel": (
        "kiel",
        "Kiel Institute Ukraine Support Tracker: import, report, check, reconcile, draft.",
    ),
    "reference": (
        "reference",
        "Reference data: ISO nations with GDP and alliances, the item catalogue.",
    ),
    "serve": ("serve", "Serve the REST API (/api/v1, docs at /docs) on the database of --db."),
    "users": ("serve", "Accounts of the API server."),
    "audit": ("admin", "The tamper-evident audit trail."),
    "backup": ("ops", "A consistent backup while the server runs"),
    "restore": ("ops", "Restore a backup into an empty database"),
}


@functools.cache
def module_commands(module: str) -> TyperGroup:
    """The click commands a module of materiel.cli registers (imported on first use)."""
    sub = typer.Typer()
    importlib.import_module(f"materiel.cli.{module}").register(sub)

    @sub.callback()
    def _group() -> None:  # a callback makes Typer build a group even for one command
        pass

    group = typer.main.get_command(sub)
    assert isinstance(group, TyperGroup)
    return group


class _DeferredMarkdown:
    """Stands in for ``rich.markdown.Markdown`` in ``typer.rich_utils``: imports it (and
    markdown-it) only when a help text is really rendered as Markdown, which materiel's
    "rich" markup mode never does."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from rich.markdown import Markdown

        return Markdown(*args, **kwargs)


class _DeferredTraceback:
    """Stands in for ``rich.traceback.Traceback`` in ``typer.rich_utils``: imports it (and
    Pygments) only for a pretty traceback, which materiel turns off."""

    @classmethod
    def from_exception(cls, *args: Any, **kwargs: Any) -> Any:
        from rich.traceback import Traceback

        return Traceback.from_exception(*args, **kwargs)


def lean_rich_utils() -> None:
    """Import ``typer.rich_utils`` (Typer's help renderer) without the two heavy modules it
    imports for features the help page does not use: about a third of ``materiel --help``'s
    CPU. The placeholders live only while it is imported; a later ``import rich.markdown``
    or ``rich.traceback`` gets the real module."""
    if "typer.rich_utils" in sys.modules:
        return
    stand_ins = {"rich.markdown": ("Markdown", _DeferredMarkdown)}
    stand_ins["rich.traceback"] = ("Traceback", _DeferredTraceback)
    placed = []
    for name, (attr, value) in stand_ins.items():
        if name not in sys.modules:
            module = types.ModuleType(name)
            setattr(module, attr, value)
            sys.modules[name] = module
            placed.append(name)
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for name in placed:
            del sys.modules[name]


def text_options_as_given() -> None:
    """Text and flag options (``str``, ``str | None``, ``bool``) get typer's pass-through
    coercion. Typer 0.29 coerces every option through a pydantic TypeAdapter built on first
    use, which imports pydantic: a tenth of a light command's start-up (``materiel
    status``). Text and flags need no coercion (click hands over the string, or the
    boolean), so a command with only such options never loads pydantic; numbers, paths and
    choices keep typer's adapters. Does nothing if typer's internals differ
    (tests/test_status_lean.py would notice: status would load pydantic again)."""
    import typer.core

    build = getattr(typer.core, "build_runtime_param", None)
    try:
        from typer._coercion import PassThroughRuntimeParam
    except ImportError:  # pragma: no cover - another typer
        return
    if build is None or getattr(build, "materiel", False):
        return
    plain = {str: str, str | None: str, bool: bool, bool | None: bool}

    def build_runtime_param(descriptor: Any) -> Any:
        kind = plain.get(descriptor.annotation)
        if kind is None or descriptor.file_annotation is not None:
            return build(descriptor)
        return PassThroughRuntimeParam(parameter_info=descriptor.parameter_info, annotation=kind)

    build_runtime_param.materiel = True  # type: ignore[attr-defined]
    typer.core.build_runtime_param = build_runtime_param


text_options_as_given()


class LazyGroup(TyperGroup):
    """The root group: lists :data:`COMMANDS` without importing them; loads one when run."""

    listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        module, summary = COMMANDS[cmd_name]
        if self.listing:  # the help page: a name and one line, nothing imported
            return TyperCommand(cmd_name, short_help=summary, help=summary)
        return module_commands(module).commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lean_rich_utils()
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


app = typer.Typer(
    name="materiel",
    help="Coordinate military assistance and plan its sustainment.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=LazyGroup,
)


@app.callback()
def main(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="MATERIEL_DB",
        help="SQLite file path or database URL (postgresql://...). Default: ./materiel.db",
    ),
    as_user: str | None = typer.Option(
        None,
        "--as",
        metavar="USER",
        help="Show figures as this user may see them (role and nation). Default: everything.",
    ),
) -> None:
    ctx.obj = State(db=db, as_user=as_user)


if __name__ == "__main__":  # pragma: no cover
    app()
