"""``materiel demo``: load the synthetic demo scenario and print the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url

from materiel.cli.context import console, fail, state, styled
from materiel.db import get_engine
from materiel.demo import has_demo_records, load_demo
from materiel.demo.load import DEFAULT_AS_OF, DEFAULT_SEED
from materiel.services import DomainError


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def _reset_sqlite(engine: Engine) -> bool:
    """Delete the SQLite file (and its WAL files); False when the database is not a file."""
    url = make_url(engine.url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return False
    engine.dispose()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{url.database}{suffix}").unlink(missing_ok=True)
    return True


def demo(
    ctx: typer.Context,
    seed: int = typer.Option(DEFAULT_SEED, "--seed", help="Random seed (same seed, same data)."),
    as_of: str = typer.Option(
        DEFAULT_AS_OF.isoformat(), "--as-of", help="Date the scenario ends (YYYY-MM-DD)."
    ),
    reset: bool = typer.Option(
        False, "--reset", help="SQLite: delete the database file first if it holds demo data."
    ),
) -> None:
    """Load a synthetic but plausible scenario (seeded) and print its summary."""
    try:
        day = dt.date.fromisoformat(as_of)
    except ValueError:
        fail(f"--as-of: {as_of!r} is not a date (YYYY-MM-DD expected)")
        return
    st = state(ctx)
    engine = st.engine(create=True)
    if has_demo_records_safe(engine):
        if not reset:
            fail(
                "the database already holds demo records; use --reset (SQLite) or a fresh "
                "database (e.g. --db other.db)"
            )
        if not _reset_sqlite(engine):
            fail("--reset deletes SQLite files only; drop and recreate the server database")
        engine = get_engine(st.db, fresh=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            summary = load_demo(engine, seed=seed, as_of=day, progress=progress)
    except DomainError as exc:
        fail(exc.message)
        return
    c = summary.counts
    console.print(
        styled(
            ("Demo loaded", "green"),
            f" into {engine.url.render_as_string(hide_password=True)} in "
            f"{summary.seconds:.1f} s (seed {seed}, as of {day}): "
            f"{c['donors']} donors, {c['items used']} items, {c['pledges']} pledges, "
            f"{c['deliveries']} deliveries, {c['needs']} needs, {c['production lines']} lines, "
            f"{c['funds']} funds, {c['meetings']} meetings.",
        )
    )
    from materiel.cli.summary import print_summary

    print_summary(engine, console, as_of=day)
    console.print(
        styled(
            ("These data are synthetic", "bold yellow"),
            f" ({summary.source}): a plausible scenario calibrated on public figures where they "
            "exist (docs/data-sources.md), not real pledges, stocks or capacities.",
        )
    )


def has_demo_records_safe(engine: Engine) -> bool:
    """Demo records present? False on a database without the schema yet."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("pledge"):
            return False
    return has_demo_records(engine)
