"""``materiel`` — entry point; each command group lives in its own module."""

from __future__ import annotations

import typer

from materiel.cli import admin, transfer
from materiel.cli import brief as brief_cli
from materiel.cli import demo as demo_cli
from materiel.cli import forecast as forecast_cli
from materiel.cli import kiel as kiel_cli
from materiel.cli import lists as lists_cli
from materiel.cli import ops as ops_cli
from materiel.cli import plan as plan_cli
from materiel.cli import read as read_cli
from materiel.cli import reference as reference_cli
from materiel.cli import serve as serve_cli
from materiel.cli.context import State

app = typer.Typer(
    name="materiel",
    help="Coordinate military assistance and plan its sustainment.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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


admin.register(app)
lists_cli.register(app)
transfer.register(app)
demo_cli.register(app)
plan_cli.register(app)
forecast_cli.register(app)
read_cli.register(app)
reference_cli.register(app)
kiel_cli.register(app)
serve_cli.register(app)
ops_cli.register(app)
brief_cli.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
