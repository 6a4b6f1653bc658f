"""init and audit commands."""

from __future__ import annotations

import typer
from rich.table import Table

from materiel import migrations
from materiel.cli import reference as reference_cli
from materiel.cli.context import console, fail, print_json, state
from materiel.db import read_session
from materiel.services import chain_head, verify_chain

audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.add_typer(audit_app, name="audit")


def init(
    ctx: typer.Context,
    no_reference: bool = typer.Option(
        False, "--no-reference", help="Do not load the reference nations and item catalogue"
    ),
) -> None:
    """Create the database, or upgrade it to the newest schema, and load the reference data
    (nations, GDP, item catalogue; idempotent)."""
    st = state(ctx)
    engine = st.engine()
    before = migrations.current_revision(engine)
    migrations.upgrade(engine)
    after = migrations.current_revision(engine)
    shown = engine.url.render_as_string(hide_password=True)
    if before == after:
        console.print(f"[green]Database {shown} is up to date[/] (revision {after}).")
    else:
        console.print(f"[green]Database {shown} at revision {after}[/] (was {before or 'empty'}).")
    if not no_reference:
        reference_cli.show(reference_cli.load(engine, actor="init"), title="Reference data")


@audit_app.command("verify")
def audit_verify(
    ctx: typer.Context,
    expect: str | None = typer.Option(
        None, "--expect", help="SEQ:HASH from `materiel audit head`, to detect cut-off events"
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
) -> None:
    """Recompute the hash chain; exit 1 if any event was changed or deleted."""
    with read_session(state(ctx).engine()) as s:
        report = verify_chain(s, expect=expect)
    if as_json:
        print_json({"ok": report.ok, "events": report.events, "problems": report.problems})
    elif report.ok:
        console.print(f"[green]Audit chain intact[/]: {report.events} events verified.")
    else:
        table = Table("problem", title=f"Audit chain BROKEN ({report.events} events)")
        for p in report.problems:
            table.add_row(p)
        console.print(table)
    if not report.ok:
        fail("audit chain verification failed")


@audit_app.command("head")
def audit_head(ctx: typer.Context) -> None:
    """Print SEQ:HASH of the newest event; keep it outside the database as an anchor."""
    with read_session(state(ctx).engine()) as s:
        head = chain_head(s)
    typer.echo(head or "empty")
