"""init and audit commands."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from materiel.cli import reference as reference_cli
from materiel.cli.context import console, fail, print_json, state, styled
from materiel.db import read_session
from materiel.services import ChainReport, chain_head, verify_chain
from materiel.services.audit import StateReport, verify_state

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
    from materiel import migrations  # Alembic: loaded by the commands that migrate

    st = state(ctx)
    engine = st.engine(create=True)
    before = migrations.current_revision(engine)
    migrations.upgrade(engine)
    after = migrations.current_revision(engine)
    shown = engine.url.render_as_string(hide_password=True)
    if before == after:
        console.print(styled((f"Database {shown} is up to date", "green"), f" (revision {after})."))
    else:
        console.print(
            styled(
                (f"Database {shown} at revision {after}", "green"), f" (was {before or 'empty'})."
            )
        )
    if not no_reference:
        reference_cli.show(reference_cli.load(engine, actor="init"), title="Reference data")


@audit_app.command("verify")
def audit_verify(
    ctx: typer.Context,
    expect: str | None = typer.Option(
        None, "--expect", help="SEQ:HASH from `materiel audit head`, to detect cut-off events"
    ),
    check_state: bool = typer.Option(
        False,
        "--state",
        help="also replay the audited writes and report every row whose current content "
        "differs from what they produced (a direct edit of the database)",
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
) -> None:
    """Recompute the hash chain; exit 1 if any event was changed or deleted (with --state,
    also if any row differs from what the audited writes produced)."""
    engine = state(ctx).engine()
    # one snapshot for both checks (PostgreSQL: otherwise each query sees its own)
    opts = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**opts) as conn, conn.begin():
        report = verify_chain(conn, expect=expect)
        rows = verify_state(conn) if check_state else None
    if as_json:
        out: dict[str, Any] = {
            "ok": report.ok and (rows is None or rows.ok),
            "events": report.events,
            "problems": report.problems,
        }
        if rows is not None:
            out["state"] = {
                "ok": rows.ok,
                "rows": rows.rows,
                "problems": rows.problems,
                "unchecked": rows.unchecked,
            }
        print_json(out)
    else:
        _show_chain(report)
        if rows is not None:
            _show_state(rows)
    if not report.ok:
        fail("audit chain verification failed")
    if rows is not None and not rows.ok:
        fail(f"{len(rows.problems)} row(s) differ from what the audited writes produced")


def _show_chain(report: ChainReport) -> None:
    if report.ok:
        console.print(
            styled(("Audit chain intact", "green"), f": {report.events} events verified.")
        )
        return
    table = Table("problem", title=f"Audit chain BROKEN ({report.events} events)")
    for p in report.problems:
        table.add_row(Text(p))
    console.print(table)


def _show_state(report: StateReport) -> None:
    total = sum(report.rows.values())
    if report.ok:
        console.print(
            styled(
                ("State matches the audit trail", "green"),
                f": {total:,} rows in {len(report.rows)} tables are what the audited writes "
                "produced.",
            )
        )
    else:
        table = Table(
            "row changed outside the audited writes",
            title=f"State DIFFERS from the audit trail ({len(report.problems)} of {total:,} rows)",
        )
        for p in report.problems:
            table.add_row(Text(p))
        console.print(table)
    console.print(
        Text("Not compared: " + "; ".join(f"{t}: {why}" for t, why in report.unchecked.items()))
    )


@audit_app.command("head")
def audit_head(ctx: typer.Context) -> None:
    """Print SEQ:HASH of the newest event; keep it outside the database as an anchor."""
    with read_session(state(ctx).engine()) as s:
        head = chain_head(s)
    typer.echo(head or "empty")
