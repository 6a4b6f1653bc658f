"""Import CSV files and workbooks: read, check, then write everything in one short
transaction.

1. **read** (no database): every row of every sheet is parsed against its template
   (header, types, required values, choices, bounds, currencies, control characters, formula
   cells without a saved value). Blank rows and comment rows (first cell starting with ``#``,
   as the example row of a template) are skipped.
2. **check** (:mod:`materiel.io.checks`, one read transaction, no write lock): references
   (nations and items by code, name or alias), natural keys, the domain rules, deliveries
   within their pledges, the pledge lifecycle, the roles of nations; the result is a plan of
   every record state and audit event. Warnings (implausible but possible input) are listed
   too; a real import with warnings writes only with ``accept_warnings``.
3. **write** (:mod:`materiel.io.bulk`, only without problems and not for a dry run): one write
   transaction with multi-row statements. If anything was written to the database since the
   check (the audit chain moved), the check runs again under the write lock first.

A dry run stops after step 2 and never takes the write lock. Re-importing the same files
changes nothing, appends no audit event and takes no write lock either.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from materiel.db import read_session
from materiel.io.bulk import write_plan
from materiel.io.cells import EMPTY, CellError, parse_cell
from materiel.io.checks import Checker, Issue, Issues, ParsedSheet, Plan
from materiel.io.readers import FileProblem, Limits, Sheet, Workbooks, discover
from materiel.io.templates import ENTITIES, Column, Template, template_for
from materiel.services import writer
from materiel.services.audit import newest_event

MAX_ISSUES = 50
_NATION_RE = re.compile(r"^[A-Z]{3}$")

__all__ = ["MAX_ISSUES", "ImportResult", "Issue", "Progress", "import_files"]


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, problems or unaccepted warnings, would have
    done)."""

    dry_run: bool
    accept_warnings: bool = False
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    total_issues: int = 0
    total_warnings: int = 0
    rows: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        """No problem (warnings may remain)."""
        return not self.issues

    @property
    def truncated(self) -> bool:
        return self.total_issues > len(self.issues)

    @property
    def held_by_warnings(self) -> bool:
        """A real import that wrote nothing because its warnings were not accepted."""
        return self.ok and bool(self.warnings) and not self.accept_warnings and not self.dry_run

    @property
    def changes(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "written": self.written,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "counts": {
                e: {k: c[k] for k in ("created", "updated", "unchanged")}
                for e, c in self.counts.items()
            },
            "issues": [i.as_dict() for i in self.issues],
            "total_issues": self.total_issues,
            "truncated": self.truncated,
            "warnings": [i.as_dict() for i in self.warnings],
            "total_warnings": self.total_warnings,
            "warnings_accepted": self.accept_warnings,
            "notes": self.notes,
        }


class Progress(Protocol):
    """Where the importer reports progress (the CLI shows a rich progress bar)."""

    def start(self, description: str, total: int | None) -> None: ...

    def advance(self, rows: int) -> None: ...


class _NoProgress:
    def start(self, description: str, total: int | None) -> None:
        pass

    def advance(self, rows: int) -> None:
        pass


# -- layout of a sheet ---------------------------------------------------------------------


def _norm(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


def _layout(
    template: Template, header: list[str]
) -> tuple[list[tuple[int, Column]], list[tuple[str | None, str]]]:
    """Which column index holds which template column, and the header problems
    as (column, reason)."""
    problems: list[tuple[str | None, str]] = []
    layout: list[tuple[int, Column]] = []
    seen: set[str] = set()
    unknown: list[str] = []
    for i, raw in enumerate(header):
        name = _norm(raw)
        if name == "":
            problems.append((None, f"column {i + 1} of the header has no name"))
            continue
        col = template.column_by_name.get(name)
        if col is None:
            unknown.append(raw)
            continue
        if name in seen:
            problems.append((name, f"column {name!r} appears twice in the header"))
            continue
        seen.add(name)
        layout.append((i, col))
    missing = [n for n in template.required_names if n not in seen]
    if missing:
        problems.append((", ".join(missing), f"missing required column(s): {', '.join(missing)}"))
    if unknown:
        problems.append(
            (
                ", ".join(unknown),
                f"unknown column(s): {', '.join(unknown)} "
                f"(the {template.entity} template has: {', '.join(template.names)})",
            )
        )
    return layout, problems


#: a column of a sheet as the parser needs it: index, column, length limit, free text
_Spec = tuple[int, Column, int | None, bool]


def _specs(template: Template, layout: list[tuple[int, Column]]) -> list[_Spec]:
    return [(i, col, template.max_length(col), template.is_free_text(col)) for i, col in layout]


def _parse_row(
    specs: list[_Spec],
    values: list[Any],
    width: int,
    formulas: dict[tuple[int, int], str],
    n: int,
) -> tuple[dict[str, Any], list[tuple[str | None, str]]]:
    record: dict[str, Any] = {}
    errors: list[tuple[str | None, str]] = []
    count = len(values)
    for i, col, max_length, free in specs:
        raw = values[i] if i < count else None
        if raw is None and (n, i) in formulas:
            errors.append(
                (
                    col.name,
                    f"the formula {formulas[(n, i)]} has no saved result (the workbook was "
                    "not calculated): open it in Excel or LibreOffice, save it, and import "
                    "again, or type the value",
                )
            )
            continue
        try:
            v = parse_cell(col, raw, max_length, free)
        except CellError as exc:
            errors.append((col.name, str(exc)))
            continue
        if v is EMPTY and col.required:
            errors.append((col.name, "required value is empty"))
            continue
        record[col.name] = v
    for i in range(width, count):
        v = values[i]
        if v is not None and str(v).strip() != "":
            errors.append((None, f"value {str(v)!r} in column {i + 1}, which has no header"))
            break
    return record, errors


# -- pass 1: reading -----------------------------------------------------------------------


class _Reader:
    def __init__(self, issues: Issues, progress: Progress, limits: Limits):
        self.issues = issues
        self.progress = progress
        self.limits = limits
        self.rows = 0
        self.notes: list[str] = []

    def read(self, sheets: list[Sheet]) -> list[ParsedSheet]:
        parsed: list[ParsedSheet] = []
        for sheet in sheets:
            p = ParsedSheet(sheet.label, sheet.path.name, sheet.sheet, template_for(sheet.entity))
            parsed.append(p)
            try:
                self._sheet(sheet, p)
            except FileProblem as exc:
                self.issues.at(p, None, None, str(exc))
                p.unreliable = True
        return parsed

    def _sheet(self, sheet: Sheet, p: ParsedSheet) -> None:
        t = p.template
        self.progress.start(f"reading {sheet.label}", sheet.estimate_rows())
        formulas = sheet.formulas_without_value()
        with sheet.open() as (header, rows):
            layout, header_problems = _layout(t, header)
            for column, reason in header_problems:
                self.issues.at(p, 1, column, reason)
            if header_problems:
                p.unreliable = True
                return
            done = 0
            specs = _specs(t, layout)
            for n, values in rows:
                self.rows += 1
                if self.rows > self.limits.max_rows:
                    raise FileProblem(
                        f"refused at row {n}: the import has more than {self.limits.max_rows:,} "
                        "data rows (split it into several imports)"
                    )
                record, errors = _parse_row(specs, values, len(header), formulas, n)
                code = record.get("code")
                if t.entity == "nations" and isinstance(code, str) and not _NATION_RE.match(code):
                    errors.append(
                        (
                            "code",
                            f"{code!r} is not an ISO 3166-1 alpha-3 code (three capital "
                            "letters, e.g. DEU)",
                        )
                    )
                for column, reason in errors:
                    self.issues.at(p, n, column, reason)
                done += 1
                if done % 1000 == 0:
                    self.progress.advance(1000)
                if not errors:
                    p.rows.append((n, record))
            self.progress.advance(done % 1000)


# -- entry point ---------------------------------------------------------------------------


def import_files(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    entity: str | None = None,
    actor: str = "import",
    dry_run: bool = False,
    accept_warnings: bool = False,
    limits: Limits | None = None,
    progress: Progress | None = None,
    max_issues: int = MAX_ISSUES,
    today: dt.date | None = None,
) -> ImportResult:
    """Import CSV files, workbooks and directories of them in one transaction.

    ``entity`` forces the entity (otherwise the file stem or each sheet name says it).
    Nothing is written when any problem is found, with ``dry_run``, or when there are
    warnings and ``accept_warnings`` is not given. ``today`` dates the future-delivery check.
    """
    if entity is not None:
        template_for(entity)  # raises KeyError naming the known entities
    # an import holds a plan of many small objects, none of them in reference cycles that
    # must be freed early: the cyclic collector would rescan them all again and again
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(
            engine,
            paths,
            entity=entity,
            actor=actor,
            dry_run=dry_run,
            accept_warnings=accept_warnings,
            limits=limits,
            progress=progress,
            max_issues=max_issues,
            today=today,
        )
    finally:
        if collecting:
            gc.enable()


def _import(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    entity: str | None,
    actor: str,
    dry_run: bool,
    accept_warnings: bool,
    limits: Limits | None,
    progress: Progress | None,
    max_issues: int,
    today: dt.date | None,
) -> ImportResult:
    prog: Progress = progress or _NoProgress()
    lim = limits or Limits()
    result = ImportResult(dry_run=dry_run, accept_warnings=accept_warnings)
    issues, warnings = Issues(max_issues), Issues(max_issues)
    with Workbooks() as books:
        sheets, problems = discover([Path(p) for p in paths], entity, lim, books)
        position = {e: i for i, e in enumerate(ENTITIES)}
        sheets.sort(key=lambda s: position[s.entity])  # stable: file order kept
        for file, sheet, reason in problems:
            issues.add(file, None, None, reason, sheet)
        if not sheets and not problems:
            issues.add(
                ", ".join(str(p) for p in paths) or "(no file)", None, None, "nothing to import"
            )
        plan: Plan | None = None
        if sheets and not problems:
            reader = _Reader(issues, prog, lim)
            parsed = reader.read(sheets)
            result.rows = reader.rows
            result.notes.extend(reader.notes)
            prog.start("checking", reader.rows)
            with read_session(engine) as session:
                plan = Checker(session, issues, warnings, today).run(parsed)
            prog.advance(reader.rows)
            if not issues.items and not dry_run and (accept_warnings or not warnings.items):
                plan, result.written = _write(
                    engine, parsed, plan, actor, issues, warnings, accept_warnings, today, prog
                )
    if plan is not None:
        result.counts = plan.counts
        result.notes.extend(plan.notes)
    order = [(s.path.name, s.sheet) for s in sheets]
    result.issues, result.total_issues = issues.shown(order), issues.total
    result.warnings, result.total_warnings = warnings.shown(order), warnings.total
    return result


class _Rollback(Exception):
    pass


def _write(
    engine: Engine,
    parsed: list[ParsedSheet],
    plan: Plan,
    actor: str,
    issues: Issues,
    warnings: Issues,
    accept_warnings: bool,
    today: dt.date | None,
    prog: Progress,
) -> tuple[Plan, bool]:
    """The write transaction (skipped when nothing changes); returns the plan written and
    whether it was. When the database moved since the check, the check runs again under
    the write lock, and a problem (or an unaccepted warning) it finds stops the import."""
    if plan.changes == 0:
        return plan, True
    prog.start("writing", plan.changes)
    try:
        with writer(engine, actor) as w:
            if newest_event(w.session) != plan.head:
                again, again_warnings = Issues(issues.cap), Issues(warnings.cap)
                plan = Checker(w.session, again, again_warnings, today).run(parsed)
                if again.items or (again_warnings.items and not accept_warnings):
                    for i in again.items:
                        issues.add(i.file, i.row, i.column, i.reason, i.sheet)
                    warnings.items, warnings.total = again_warnings.items, again_warnings.total
                    raise _Rollback
                warnings.items, warnings.total = again_warnings.items, again_warnings.total
            prog.advance(write_plan(w.session, plan, actor=actor))
    except _Rollback:
        return plan, False
    except SQLAlchemyError as exc:
        issues.add(
            "(database)",
            None,
            None,
            f"the database refused the import, nothing was written: {getattr(exc, 'orig', exc)}",
        )
        return plan, False
    return plan, True
