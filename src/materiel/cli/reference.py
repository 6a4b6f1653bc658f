"""``materiel reference``: the nations, GDP figures and item catalogue shipped with materiel
(loaded by ``materiel init`` unless ``--no-reference``)."""

from __future__ import annotations

import typer
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from materiel.cli.context import console, fail, print_json, state
from materiel.reference import ReferenceReport, update_reference
from materiel.services import writer

reference_app = typer.Typer(
    help="Reference data: ISO nations with GDP and alliances, the item catalogue.",
    no_args_is_help=True,
)
SOURCE = (
    "ISO 3166 (pycountry); GDP: Kiel Institute for the World Economy, Ukraine Support "
    "Tracker, release 29 (04/2026); catalogue: materiel (see docs/data-sources.md)"
)


def register(app: typer.Typer) -> None:
    app.add_typer(reference_app, name="reference")


def load(engine: Engine, *, actor: str, overwrite_items: bool = False) -> ReferenceReport:
    """Add or refresh the reference data in one audited transaction."""
    with writer(engine, actor) as w:
        return update_reference(w, overwrite_items=overwrite_items)


def show(report: ReferenceReport, *, title: str) -> None:
    table = Table("kind", "created", "updated", "unchanged", title=title, caption=SOURCE)
    kinds = (("nations", report.nations), ("alliance members", report.alliances))
    for kind, c in (*kinds, ("items", report.items)):
        table.add_row(kind, str(c["created"]), str(c["updated"]), str(c["unchanged"]))
    console.print(table)
    if report.kept:
        shown = ", ".join(report.kept[:8]) + (" …" if len(report.kept) > 8 else "")
        console.print(
            f"{len(report.kept)} stored item(s) differ from the catalogue and were kept "
            f"(use --overwrite-items to reset them): {shown}",
            style="dim",
        )


@reference_app.command("update")
def reference_update(
    ctx: typer.Context,
    overwrite_items: bool = typer.Option(
        False,
        "--overwrite-items",
        help="Also reset stored items' names, categories, units and unit values to the catalogue",
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
) -> None:
    """Add missing nations and items, refresh nations' names, GDP and alliances, merge item
    aliases (idempotent; roles and your own item values are kept)."""
    try:
        report = load(state(ctx).engine(), actor="cli", overwrite_items=overwrite_items)
    except SQLAlchemyError as exc:
        fail(
            f"database error: {getattr(exc, 'orig', exc)} (is it initialised? run `materiel init`)"
        )
        return
    if as_json:
        print_json(
            {
                "nations": dict(report.nations),
                "alliance_members": dict(report.alliances),
                "items": dict(report.items),
                "kept": report.kept,
                "source": SOURCE,
            }
        )
        return
    show(report, title="Reference data")
