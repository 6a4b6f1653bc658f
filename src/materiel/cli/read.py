"""``materiel read`` (announcements into drafts) and ``materiel drafts`` (the review queue);
``materiel kiel`` lives in :mod:`materiel.cli.kiel`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from materiel.cli.context import (
    CSV,
    as_of_date,
    console,
    err_console,
    fail,
    print_csv,
    print_json,
    state,
    styled,
)
from materiel.ingest import service
from materiel.ingest.evaluate import evaluate_dir
from materiel.ingest.extract import Extractor
from materiel.ingest.text import from_bytes, normalise, read_source
from materiel.services import DomainError

drafts_app = typer.Typer(help="The review queue of drafts read from texts.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("read")(read)
    app.add_typer(drafts_app, name="drafts")


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def read(
    ctx: typer.Context,
    source: str | None = typer.Argument(None, help="A .txt, .html or .pdf file, or - for stdin"),
    text: str | None = typer.Option(None, "--text", help="Read this text instead of a file"),
    evaluate: Path | None = typer.Option(
        None, "--evaluate", help="Score the reader against labelled JSON files in DIR"
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show the drafts without storing them (needs no database)"
    ),
    date: str | None = typer.Option(None, "--date", help="Announcement date YYYY-MM-DD"),
    url: str | None = typer.Option(None, "--url", help="Where the text came from"),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
    errors: bool = typer.Option(
        False, "--errors", help="With --evaluate: list every error of the strict scorer by file"
    ),
    against: Path | None = typer.Option(
        None,
        "--against",
        help="With --evaluate: score a second annotator's labels in DIR2 (same file names) "
        "instead of the reader, on the texts both labelled",
    ),
) -> None:
    """Read an announcement into draft pledges, funds and needs (stored for review)."""
    if against is not None and evaluate is None:
        fail("--against scores a second annotator: give it with --evaluate DIR")
    if evaluate is not None:
        _evaluate(evaluate, as_json, errors, against)
        return
    if text is not None:
        body, name = normalise(text), "text"
    elif source == "-":
        name = "stdin"
        try:
            body = from_bytes(sys.stdin.buffer.read())
        except Exception as exc:  # pypdf and decoding errors
            fail(f"standard input: cannot read the text ({exc})")
    elif source:
        path = Path(source)
        if not path.is_file():
            fail(f"{source}: no such file")
        try:
            body = read_source(path)
        except Exception as exc:  # pypdf and decoding errors name the file
            fail(f"{source}: cannot read the file ({exc})")
        name = path.name
    else:
        fail("give a FILE, - for standard input, --text or --evaluate DIR")
        return
    when = as_of_date(date, "--date") if date else None
    st = state(ctx)
    engine = None if dry_run else st.engine()  # stops on a database not initialised
    reading = service.extractor_for(engine).read(body, date=when)
    ids: list[int] = []
    seen = service.already_read(engine, body) if engine is not None else []
    if seen:
        err_console.print(
            Text.assemble(
                ("warning: ", "bold yellow"),
                f"{name} was read before (drafts {', '.join(map(str, seen))}): nothing added.",
            ),
            soft_wrap=True,
        )
    elif engine is not None and reading.drafts:
        try:
            ids = service.store_reading(
                engine, reading, source_name=name, actor="cli", source_url=url
            )
        except DomainError as exc:
            fail(exc.message)
    if as_json:
        out: dict[str, Any] = dict(reading.as_label(ids))
        if seen:
            out["already_read"] = seen
        print_json(out)
        return
    from materiel.cli.tables import new_table, show

    table = new_table(
        f"Read from {name}: {len(reading.drafts)} drafts",
        ">id",
        "=kind",
        "=donor",
        "=category",
        "=calibre",
        ">quantity",
        ">amount",
        "evidence",
    )
    for i, d in enumerate(reading.drafts):
        f = d.fields
        amount = f"{_fmt(f.get('amount'))} {f.get('currency') or ''}".strip()
        table.add_row(
            str(ids[i]) if ids else "-",
            d.kind,
            f.get("donor") or f.get("recipient") or "",
            f.get("category") or "",
            f.get("caliber") or "",
            _fmt(f.get("quantity")),
            amount,
            reading.evidence(d)[:90],
        )
    show(table)
    if ids:
        console.print("Review with `materiel drafts list`, then accept, edit or reject each.")
    elif seen:
        console.print(f"Already read: review drafts {', '.join(map(str, seen))}.", markup=False)


def _evaluate(
    directory: Path, as_json: bool, errors: bool = False, against: Path | None = None
) -> None:
    for d in (directory, against):
        if d is not None and not d.is_dir():
            fail(f"{d}: not a directory")
    try:
        ev = evaluate_dir(directory, Extractor(), against=against)
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
    if as_json:
        print_json(ev.as_json(errors=errors))
        return
    table = Table(
        "measure",
        "expected",
        "predicted",
        "matched",
        "precision",
        "recall",
        title=(
            f"Reader scored on {ev.files} labelled texts in {directory}"
            if against is None
            else f"Labels in {against} scored against {directory} on the {ev.files} texts "
            "both label"
        ),
    )
    for k, e, p, t, pr, r in ev.table():
        table.add_row(k, str(e), str(p), str(t), f"{pr:.3f}", f"{r:.3f}")
    console.print(table)
    console.print(
        f"Negative texts: {ev.negative_texts}; false pledges on them: "
        f"{ev.false_pledges_on_negatives}"
        + (
            f" ({', '.join(ev.negatives_with_false_pledges)})"
            if ev.false_pledges_on_negatives
            else ""
        )
    )
    if not errors:
        return
    cats = Table(
        "category",
        "expected",
        "predicted",
        "matched",
        "precision",
        "recall",
        title="Strict pledges by labelled category",
    )
    for k, s in sorted(ev.by_category.items()):
        cats.add_row(
            k, str(s.expected), str(s.predicted), str(s.tp), f"{s.precision:.3f}", f"{s.recall:.3f}"
        )
    console.print(cats)
    classes = Table("error class", "count", title="Strict scorer errors by class")
    for k, n in ev.error_classes().items():
        classes.add_row(k, str(n))
    console.print(classes)
    # one line per error, not a table: long evidence must not wrap at terminal width
    for m in ev.errors:
        console.print(m.describe(), markup=False, highlight=False, soft_wrap=True)


# -- drafts --------------------------------------------------------------------------


def _engine(ctx: typer.Context) -> Any:
    return state(ctx).engine()


@drafts_app.command("list")
def drafts_list(
    ctx: typer.Context,
    status: str = typer.Option("pending", help="pending, accepted, rejected or all"),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = CSV,
) -> None:
    """Drafts waiting for review (or all of them)."""
    rows = service.list_drafts(_engine(ctx), None if status == "all" else status)
    if as_json:
        print_json(rows)
        return
    if as_csv:  # the fields flattened into columns
        print_csv([{k: v for k, v in r.items() if k != "fields"} | dict(r["fields"]) for r in rows])
        return
    from materiel.cli.tables import new_table, show

    table = new_table(
        f"Drafts ({status}): {len(rows)}",
        ">id",
        "=kind",
        "status",
        "=who",
        "=category",
        ">quantity",
        ">amount",
        "source",
        "evidence",
    )
    for r in rows:
        f = r["fields"]
        table.add_row(
            str(r["id"]),
            r["kind"],
            r["status"],
            f.get("donor") or f.get("recipient") or "",
            f"{f.get('category') or ''} {f.get('caliber') or ''}".strip(),
            _fmt(f.get("quantity")),
            f"{_fmt(f.get('amount'))} {f.get('currency') or ''}".strip(),
            r["source_name"] or "",
            r["evidence"][:70],
        )
    show(table)


@drafts_app.command("show")
def drafts_show(ctx: typer.Context, draft_id: int = typer.Argument(...)) -> None:
    """One draft with its fields and the exact supporting text."""
    try:
        print_json(service.get_draft(_engine(ctx), draft_id))
    except DomainError as exc:
        fail(exc.message)


def _pairs(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            fail(f"{v!r}: expected field=value")
        k, _, val = v.partition("=")
        out[k.strip()] = val
    return out


@drafts_app.command("edit")
def drafts_edit(
    ctx: typer.Context,
    draft_id: int = typer.Argument(...),
    changes: list[str] = typer.Argument(..., help="field=value pairs, e.g. quantity=18"),
) -> None:
    """Change fields of a pending draft."""
    try:
        d = service.edit_draft(_engine(ctx), draft_id, _pairs(changes), actor="cli")
    except DomainError as exc:
        fail(exc.message)
    console.print(styled((f"Draft {draft_id} updated", "green"), f": {d['fields']}"))


@drafts_app.command("accept")
def drafts_accept(
    ctx: typer.Context,
    draft_id: int = typer.Argument(...),
    ref: str | None = typer.Option(None, "--ref", help="Reference of the new record (P-..)"),
    item: str | None = typer.Option(None, "--item", help="Catalogue item code"),
    sets: list[str] = typer.Option([], "--set", help="field=value overrides, e.g. quantity=18"),
) -> None:
    """Create the pledge, fund or need a draft describes, with its source as provenance."""
    over: dict[str, Any] = {k: service.convert_field(k, v) for k, v in _pairs(sets).items()}
    over.update({k: v for k, v in (("ref", ref), ("item", item)) if v})
    try:
        key = service.accept_draft(_engine(ctx), draft_id, actor="cli", overrides=over)
    except (DomainError, ValueError) as exc:
        fail(getattr(exc, "message", str(exc)))
    console.print(styled((f"Draft {draft_id} accepted", "green"), f": created {key}."))


@drafts_app.command("reject")
def drafts_reject(ctx: typer.Context, draft_id: int = typer.Argument(...)) -> None:
    """Reject a draft (it stays in the queue's history)."""
    try:
        service.reject_draft(_engine(ctx), draft_id, actor="cli")
    except DomainError as exc:
        fail(exc.message)
    console.print(f"Draft {draft_id} rejected.")
