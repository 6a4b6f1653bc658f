"""``materiel kiel``: the Kiel Institute Ukraine Support Tracker (import, report, weapons,
check against Kiel's published totals, reconcile with materiel's pledges, draft pledges)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from materiel.cli.context import (
    CSV,
    cell,
    console,
    err_console,
    fail,
    print_csv,
    print_json,
    state,
    styled,
)
from materiel.ingest import kiel as kiel_mod
from materiel.ingest.kiel_drafts import to_drafts
from materiel.services import DomainError

kiel_app = typer.Typer(
    help="Kiel Institute Ukraine Support Tracker: import, report, check, reconcile, draft.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(kiel_app, name="kiel")


def _engine(ctx: typer.Context) -> Engine:
    return state(ctx).engine()


def _release(ctx: typer.Context, release: str | None) -> tuple[Engine, str, str]:
    """The engine, the release's code and its citation (the newest release by default)."""
    engine = _engine(ctx)
    try:
        rel = kiel_mod.get_release(engine, release) if release else kiel_mod.latest_release(engine)
    except SQLAlchemyError as exc:
        fail(f"database error: {getattr(exc, 'orig', exc)} (run `materiel init`)")
        raise AssertionError from None
    if rel is None:
        which = f"release {release} is not" if release else "no Kiel release"
        fail(f"{which} imported: run `materiel kiel import PATH`")
        raise AssertionError
    return engine, rel.code, rel.citation


def _bn(v: Any) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:,.3f}"


@kiel_app.command("import")
def kiel_import(
    ctx: typer.Context,
    path: Path = typer.Argument(
        ...,
        help="A release folder (data_explorer.csv, weapons.csv, release_info.csv and/or the "
        "Main Database workbook), a Main Database workbook, or a CSV of its activity rows",
    ),
    release: str | None = typer.Option(
        None,
        "--release",
        help="Release number when neither release_info.csv nor the file name says",
    ),
    sheet: str | None = typer.Option(
        None, "--sheet", help="Sheet of the activity rows (default: the bilateral main data sheet)"
    ),
    release_info: bool = typer.Option(
        False, "--release-info", "--dry-run", help="Only check the files and print what they hold"
    ),
) -> None:
    """Import a Kiel tracker release: checked first (every problem by file, sheet, row and
    column), one transaction, idempotent; then checked against Kiel's published totals."""
    try:
        website, activities, rel = kiel_mod.read_path(path, release, sheet)
    except kiel_mod.LayoutError as exc:
        _problems(exc)
        return
    if release_info:
        print_json(
            {
                "release": rel,
                "period": website.period if website else None,
                "published_on": website.published_on if website else None,
                "label": website.label if website else None,
                "citation": kiel_mod.citation(rel, website.period if website else None),
                "files": (website.files if website else {})
                | (
                    {activities.file: {"sha256": activities.sha256, "rows": len(activities.rows)}}
                    if activities
                    else {}
                ),
                "donors": len({r["nation_code"] for r in website.monthly}) if website else None,
                "activities": len(activities.rows) if activities else None,
                "columns": activities.columns if activities else None,
                "notes": (website.notes if website else [])
                + (activities.notes if activities else []),
            }
        )
        return
    engine = _engine(ctx)
    try:
        summary = kiel_mod.import_path(engine, path, actor="cli", release=release, sheet=sheet)
    except kiel_mod.LayoutError as exc:
        _problems(exc)
        return
    except (DomainError, SQLAlchemyError) as exc:
        fail(str(getattr(exc, "orig", exc)) + " (nothing was imported)")
        return
    parts = [
        f"{summary.monthly} donor-months" if summary.monthly else "",
        f"{summary.weapons} heavy-weapons rows" if summary.weapons or website else "",
        f"{summary.activities} activity rows" if activities else "",
        f"{summary.totals} published donor totals" if summary.totals else "",
    ]
    console.print(
        styled(
            (f"Kiel release {summary.release}", "green"),
            f": {summary.how} — "
            + ", ".join(p for p in parts if p)
            + f".\nSource: {summary.citation}.",
        )
    )
    for note in summary.notes:
        console.print(styled(("Note:", "dim"), f" {note}"))
    if activities is not None:
        _check_summary(engine, summary.code)


def _problems(exc: kiel_mod.LayoutError) -> None:
    """Every problem on its own line (file, sheet, row, column: reason), then the count."""
    issues = exc.issues
    for i in issues.items[: issues.cap]:
        err_console.print(str(i), soft_wrap=True)
    shown = min(issues.total, issues.cap)
    total = f"{shown} of {issues.total}" if issues.total > shown else str(issues.total)
    fail(f"{total} problem(s); nothing was imported")


def _check_summary(engine: Engine, code: str) -> None:
    check = kiel_mod.check_published(engine, release_code=code)
    if check.empty:
        console.print(
            "No published totals of this release to check against (import its website "
            "files, or a workbook with its country summary sheet).",
            style="dim",
        )
        return
    bad = check[~check["within"]]
    worst = check["relative_difference"].max()
    donors = check["nation_code"].nunique()
    if bad.empty:
        console.print(
            styled(
                ("Matches Kiel's published totals", "green"),
                f": {len(check)} figures of {donors} donors within 0.1 % (largest difference "
                f"{worst:.4%}); `materiel kiel check` lists them.",
            )
        )
    else:
        console.print(
            styled(
                (
                    f"{len(bad)} of {len(check)} published figures differ by more than 0.1 %",
                    "yellow",
                ),
                f" (largest {worst:.2%}): `materiel kiel check --differing` lists them.",
            )
        )


@kiel_app.command("check")
def kiel_check(
    ctx: typer.Context,
    release: str | None = typer.Option(None, "--release"),
    differing: bool = typer.Option(False, "--differing", help="Only figures beyond 0.1 %"),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = CSV,
) -> None:
    """Per-donor totals recomputed from the activity rows beside Kiel's published totals."""
    engine, code, cite = _release(ctx, release)
    check = kiel_mod.check_published(engine, release_code=code)
    if differing:
        check = check[~check["within"]]
    if as_csv:
        print_csv(check.to_dict("records"))
        return
    if as_json:
        print_json(
            {"source": cite, "tolerance": kiel_mod.TOLERANCE, "rows": check.to_dict("records")}
        )
        return
    from materiel.cli.tables import new_table, show

    table = new_table(
        "Recomputed from the activity rows vs published by Kiel",
        "=donor",
        "figure",
        "published in",
        ">published\n(EUR m)",
        ">recomputed\n(EUR m)",
        ">difference",
    )
    table.caption = f"Source: {cite}. Tolerance 0.1 %."
    for r in check.to_dict("records"):
        table.add_row(
            r["nation_code"],
            r["figure"].replace("_", " "),
            str(r["published_by"]),
            f"{r['published_eur'] / 1e6:,.1f}",
            f"{r['computed_eur'] / 1e6:,.1f}",
            styled(f"{r['relative_difference']:.3%}", ("" if r["within"] else " differs", "red")),
        )
    show(table)


@kiel_app.command("report")
def kiel_report(
    ctx: typer.Context,
    by: str = typer.Option("donor", "--by", help="donor, year or month"),
    donor: str | None = typer.Option(None, "--donor", help="ISO3 code"),
    year: int | None = typer.Option(None, "--year"),
    release: str | None = typer.Option(None, "--release"),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = CSV,
) -> None:
    """Commitments, allocations and what is still to allocate (EUR billions) by donor, year
    or month, with the all-donor total; military figures first."""
    if by not in ("donor", "year", "month"):
        fail("--by must be donor, year or month")
    engine, code, cite = _release(ctx, release)
    df = kiel_mod.report(engine, release_code=code, by=by, donor=donor, year=year, total_row=True)
    weapons = kiel_mod.weapons(engine, release_code=code, donor=donor)
    if as_csv:  # the rows; the heavy weapons: `materiel kiel weapons --csv`
        print_csv(df.to_dict("records"))
        return
    basis = str(df["basis"].iloc[0]) if not df.empty else kiel_mod.basis(engine, code)
    basis_text = (
        "row-level activities of the Main Database"
        if basis == "activities"
        else "website monthly file (it has no military commitments)"
    )
    if as_json:
        print_json(
            {
                "source": cite,
                "basis": basis,
                "unit": "EUR billion",
                "to_be_allocated": "commitments minus allocations, negative clamped to 0 (as Kiel)",
                "rows": df.to_dict("records"),
                "weapons": weapons.to_dict("records"),
            }
        )
        return
    keys = {
        "donor": ["nation_code", "donor"],
        "year": ["nation_code", "year"],
        "month": ["nation_code", "year", "month"],
    }[by]
    from materiel.cli.tables import new_table, show

    heads = {"nation_code": "=code", "donor": "donor", "year": "=year", "month": "=month"}
    table = new_table(
        f"Kiel tracker by {by} (EUR billion)",
        *(heads[k] for k in keys),
        ">military\ncommit-\nments",
        ">military\nalloca-\ntions",
        ">all\ncommit-\nments",
        ">all\nalloca-\ntions",
        ">still to\nallocate",
        drop=("donor",),
    )
    table.caption = (
        f"Source: {cite}; from the {basis_text}. Still to allocate = commitments − "
        "allocations, negative clamped to 0 as Kiel does."
    )
    for rec in df.to_dict("records"):
        total = rec["nation_code"] == "ALL"
        cells = [str(rec[k]) if rec.get(k) is not None else "" for k in keys]
        row = [
            *cells,
            _bn(rec["military_commitments"]),
            _bn(rec["military_allocations"]),
            _bn(rec["total_commitments"]),
            _bn(rec["total_allocations"]),
            _bn(rec["to_be_allocated"]),
        ]
        table.add_row(*(cell(c, "bold" if total else "") for c in row), end_section=False)
    show(table)
    if not weapons.empty:
        console.print(
            f"{len(weapons)} heavy-weapons rows (EUR "
            f"{weapons['monetary_value_eur'].sum() / 1e9:,.1f} bn; systems of different kinds "
            "are not added): "
            "`materiel kiel weapons` lists them."
        )


@kiel_app.command("weapons")
def kiel_weapons(
    ctx: typer.Context,
    donor: str | None = typer.Option(None, "--donor", help="ISO3 code"),
    release: str | None = typer.Option(None, "--release"),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = CSV,
) -> None:
    """Heavy weapons given, by donor and category (the tracker's weapons file)."""
    engine, code, cite = _release(ctx, release)
    df = kiel_mod.weapons(engine, release_code=code, donor=donor)
    if as_csv:
        print_csv(df.to_dict("records"))
        return
    if as_json:
        print_json({"source": cite, "unit": "EUR", "rows": df.to_dict("records")})
        return
    from materiel.cli.tables import new_table, show

    table = new_table(
        "Heavy weapons by donor and category",
        "=donor",
        "category",
        "=item category",
        ">number",
        ">EUR m",
        "systems",
        drop=("category",),
    )
    table.caption = f"Source: {cite}, weapons file."
    for r in df.to_dict("records"):
        table.add_row(
            r["nation_code"],
            r["category"],
            r["item_category"],
            f"{r['number_of_weapons']:,}",
            f"{r['monetary_value_eur'] / 1e6:,.1f}",
            r["weapons_list"],
        )
    show(table)
    if df.empty:
        console.print("No heavy-weapons rows in this release.")


@kiel_app.command("reconcile")
def kiel_reconcile(
    ctx: typer.Context,
    measure: str = typer.Option(
        "allocations",
        "--measure",
        help="allocations (vs pledges committed, delivering or delivered) or commitments "
        "(vs every pledge not cancelled; needs the row-level data)",
    ),
    threshold: float = typer.Option(0.25, help="Flag relative differences above this"),
    min_eur: float = typer.Option(1e6, "--min-eur", help="... and absolute above this (EUR)"),
    donor: str | None = typer.Option(None, "--donor", help="ISO3 code"),
    release: str | None = typer.Option(None, "--release"),
    flagged_only: bool = typer.Option(False, "--flagged", help="Show flagged rows only"),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = CSV,
) -> None:
    """Kiel's military allocations (or commitments) beside materiel's pledges of the same
    kind, by donor and month, within the months both cover (EUR)."""
    engine, code, cite = _release(ctx, release)
    try:
        rec = kiel_mod.reconcile(
            engine,
            release_code=code,
            measure=measure,
            threshold=threshold,
            min_eur=min_eur,
            donor=donor,
        )
    except ValueError as exc:
        fail(str(exc))
        return
    df = rec.table[rec.table["flagged"]] if flagged_only else rec.table
    if as_csv:
        print_csv(df.to_dict("records"))
        return
    rates = (
        f"ECB reference rates of each pledge's announcement date ({rec.rate_dates[0]} to "
        f"{rec.rate_dates[1]})"
        if rec.rate_dates
        else "no conversion needed (no materiel pledges)"
    )
    if as_json:
        print_json(
            {
                "source": cite,
                "compares": {"kiel": rec.kiel_label, "materiel": rec.materiel_label},
                "months": rec.overlap,
                "explanation": rec.explanation,
                "outside": rec.outside,
                "kiel_without_month_eur": rec.unplaced_eur,
                "rates": rates,
                "estimated_pledges": rec.estimated,
                "rows": df.to_dict("records"),
            }
        )
        return
    console.print(
        styled("Comparing ", (rec.kiel_label, "bold"), " with ", (rec.materiel_label, "bold"), ".")
    )
    if rec.explanation:
        console.print(rec.explanation)
    if rec.table.empty:
        return
    from materiel.cli.tables import new_table, show

    table = new_table(
        f"Kiel tracker vs materiel pledges by donor and month ({rec.overlap[0]} to "
        f"{rec.overlap[1]})"
        if rec.overlap
        else "Kiel tracker vs materiel pledges",
        "=donor",
        "=month",
        f">Kiel\nmilitary\n{measure}\n(EUR m)",
        ">materiel\n(EUR m)",
        ">pledges",
        ">difference\n(EUR m)",
        "flag",
    )
    table.caption = (
        f"Kiel figures: {cite}. materiel: pledges converted to EUR with "
        f"{rates}; {rec.estimated} pledges valued at quantity × item unit value."
    )
    for r in df.to_dict("records"):
        table.add_row(
            r["nation_code"],
            f"{int(r['year'])}-{int(r['month']):02d}",
            f"{r['kiel_eur'] / 1e6:,.1f}",
            f"{r['materiel_eur'] / 1e6:,.1f}",
            str(r["pledges"]),
            f"{r['difference_eur'] / 1e6:,.1f}",
            cell("differs" if r["flagged"] else "", "red"),
        )
    show(table)
    if rec.unplaced_eur:
        console.print(
            f"EUR {rec.unplaced_eur / 1e6:,.1f} m of Kiel's figure has no month and is not "
            "compared."
        )
    console.print(
        f"{int(df['flagged'].sum())} of {len(df)} rows flagged (threshold "
        f"{threshold:.0%} and EUR {min_eur:,.0f})."
    )
    flagged = df[df["flagged"]]
    one_sided = int(((flagged["kiel_eur"] == 0) | (flagged["materiel_eur"] == 0)).sum())
    if one_sided:
        console.print(
            f"{one_sided} of the flagged rows have a figure on one side only: "
            f"{int((flagged['materiel_eur'] == 0).sum())} donor-months with a Kiel figure but no "
            f"materiel pledge, {int((flagged['kiel_eur'] == 0).sum())} with materiel pledges but "
            "no Kiel figure. They say what one side has not recorded (yet), not that the "
            "figures disagree."
        )


@kiel_app.command("drafts")
def kiel_drafts(
    ctx: typer.Context,
    donor: str | None = typer.Option(None, "--donor", help="ISO3 code (EUU: EU institutions)"),
    since: str | None = typer.Option(None, "--since", help="Only activities from YYYY-MM on"),
    limit: int = typer.Option(100, "--limit", help="At most this many drafts"),
    release: str | None = typer.Option(None, "--release"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Count only; create nothing"),
) -> None:
    """Turn military activity rows into draft pledges for review (`materiel drafts list`):
    allocations one by one, commitments only where nothing of them is allocated."""
    engine, code, _ = _release(ctx, release)
    start = None
    if since:
        try:
            start = dt.date.fromisoformat(since + "-01" if len(since) == 7 else since)
        except ValueError:
            fail(f"--since {since!r} is not YYYY-MM")
            return
    summary = to_drafts(
        engine,
        release_code=code,
        actor="cli",
        donor=donor,
        since=start,
        limit=limit,
        dry_run=dry_run,
    )
    verb = "would create" if dry_run else "created"
    console.print(
        f"Draft pledges {verb}: {len(summary.created)}; already drafted: "
        f"{summary.skipped_existing}; commitments not drafted because their allocations are: "
        f"{summary.commitments_covered}; left for a later run (--limit): {summary.remaining}."
    )
    if summary.created and not dry_run:
        console.print("Review them with `materiel drafts list` and `materiel drafts accept ID`.")
