"""Import CSV files and workbooks in one transaction through the services Writer.

Two streaming passes over the files:

1. validate every row without writing: header, types, required values, choices, bounds,
   currencies, references to nations / items / pledges / ... (in the database or earlier in
   the same import), duplicate keys within the import, and deliveries that would exceed
   their pledge (counting every delivery row of the import). All problems are collected
   (up to :data:`MAX_ISSUES`), each with file, row (the header is row 1), column and reason.
2. only when pass 1 found nothing: upsert every row by its natural key through one
   :func:`materiel.services.writer` transaction, so the domain rules and the audit trail
   apply. A rule only the Writer can check (a :class:`~materiel.services.DomainError`) is
   reported at its row and column, and then nothing is committed.

Re-importing the same files changes nothing and appends no audit event.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, select, tuple_
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from materiel.db import read_session
from materiel.io.cells import EMPTY, CellError, empty_value, parse_cell
from materiel.io.readers import FileProblem, Limits, Row, Sheet, Workbooks, discover
from materiel.io.templates import ENTITIES, Column, Template, template_for
from materiel.records import Delivery, Item, Nation, Pledge
from materiel.services import DomainError, Writer, writer

MAX_ISSUES = 50
_NATION_RE = re.compile(r"^[A-Z]{3}$")
_NOUN = {
    "nations": "nation",
    "items": "item",
    "organisations": "organisation",
    "pledges": "pledge",
    "funds": "fund",
    "production_lines": "production line",
    "scenarios": "scenario",
}


@dataclass(frozen=True)
class Issue:
    """One problem: where (file, row as the user sees it, column) and why."""

    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return ", ".join(where) + ": " + self.reason

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run`` or on errors, would have done)."""

    dry_run: bool
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    truncated: bool = False
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

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
            "truncated": self.truncated,
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


class _TooMany(Exception):
    pass


class _Rollback(Exception):
    pass


class _Issues:
    def __init__(self, cap: int):
        self.items: list[Issue] = []
        self.cap = cap
        self.truncated = False

    def add(self, file: str, row: int | None, column: str | None, reason: str) -> None:
        if len(self.items) >= self.cap:
            self.truncated = True
            raise _TooMany
        self.items.append(Issue(file, row, column, reason))


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


def _parse_row(
    template: Template, layout: list[tuple[int, Column]], values: list[Any], width: int
) -> tuple[dict[str, Any], list[tuple[str | None, str]]]:
    record: dict[str, Any] = {}
    errors: list[tuple[str | None, str]] = []
    for i, col in layout:
        raw = values[i] if i < len(values) else None
        try:
            v = parse_cell(col, raw, template.max_length(col), template.is_free_text(col))
        except CellError as exc:
            errors.append((col.name, str(exc)))
            continue
        if v is EMPTY and col.required:
            errors.append((col.name, "required value is empty"))
            continue
        record[col.name] = v
    for i in range(width, len(values)):
        v = values[i]
        if v is not None and str(v).strip() != "":
            errors.append((None, f"value {str(v)!r} in column {i + 1}, which has no header"))
            break
    return record, errors


def _fields(template: Template, record: dict[str, Any]) -> dict[str, Any]:
    """Record attributes from parsed cells. An empty optional cell clears a nullable field;
    for a field with a default it leaves the default (new record) or the stored value."""
    table = template.model.__table__
    out: dict[str, Any] = {}
    for name, value in record.items():
        col = template.column_by_name[name]
        attr = col.attr
        if attr is None:
            continue
        if value is EMPTY:
            if col.type in ("list", "json"):
                out[attr] = empty_value(col)
            elif table.columns[attr].nullable:
                out[attr] = None
            continue
        out[attr] = value
    return out


def _column_for(template: Template, field_name: str | None) -> str | None:
    if field_name is None:
        return None
    if template.entity == "deliveries" and field_name in ("pledge", "pledge_id"):
        return "pledge_ref"
    for col in template.columns:
        if col.attr == field_name or col.name == field_name:
            return col.name
    return None


# -- pass 1: validation --------------------------------------------------------------------


class _Known:
    """Keys of referenceable entities, in the database and added by this import."""

    def __init__(self, session: Session):
        self.session = session
        self.db: dict[str, set[Any]] = {}
        self.added: dict[str, set[Any]] = defaultdict(set)
        self.unreliable: set[str] = set()

    def has(self, entity: str, value: Any) -> bool:
        if value in self.added[entity]:
            return True
        if entity not in self.db:
            t = template_for(entity)
            col = getattr(t.model, t.key[0])
            self.db[entity] = set(self.session.scalars(select(col)))
        return value in self.db[entity]


@dataclass
class _DeliveryRow:
    label: str
    row: int
    ref: str
    pledge_ref: str
    quantity: int


@dataclass
class _Plan:
    """What pass 1 learnt that pass 2 needs."""

    pledges_with_deliveries: set[str] = field(default_factory=set)


def _validate(session: Session, sheets: list[Sheet], issues: _Issues, progress: Progress) -> _Plan:
    known = _Known(session)
    keys: dict[str, dict[tuple[Any, ...], tuple[str, int]]] = defaultdict(dict)
    file_pledges: dict[str, int] = {}
    deliveries: list[_DeliveryRow] = []
    plan = _Plan()
    for sheet in sheets:
        t = template_for(sheet.entity)
        progress.start(f"checking {sheet.label}", sheet.estimate_rows())
        try:
            with sheet.open() as (header, rows):
                layout, header_problems = _layout(t, header)
                for column, reason in header_problems:
                    issues.add(sheet.label, 1, column, reason)
                if header_problems:
                    known.unreliable.add(sheet.entity)
                    continue
                done = 0
                for n, values in rows:
                    _check_row(
                        t,
                        sheet,
                        n,
                        values,
                        layout,
                        len(header),
                        known,
                        keys,
                        file_pledges,
                        deliveries,
                        issues,
                    )
                    done += 1
                    if done % 200 == 0:
                        progress.advance(200)
                progress.advance(done % 200)
        except FileProblem as exc:
            issues.add(sheet.label, None, None, str(exc))
            known.unreliable.add(sheet.entity)
    if deliveries:
        _check_delivery_sums(session, deliveries, file_pledges, issues)
        plan.pledges_with_deliveries = {d.pledge_ref for d in deliveries}
    return plan


def _check_row(
    t: Template,
    sheet: Sheet,
    n: int,
    values: list[Any],
    layout: list[tuple[int, Column]],
    width: int,
    known: _Known,
    keys: dict[str, dict[tuple[Any, ...], tuple[str, int]]],
    file_pledges: dict[str, int],
    deliveries: list[_DeliveryRow],
    issues: _Issues,
) -> None:
    record, errors = _parse_row(t, layout, values, width)
    for column, reason in errors:
        issues.add(sheet.label, n, column, reason)
    if t.entity == "nations":
        code = record.get("code")
        if isinstance(code, str) and not _NATION_RE.match(code):
            issues.add(
                sheet.label,
                n,
                "code",
                f"{code!r} is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. DEU)",
            )
    for col in t.columns:
        value = record.get(col.name, EMPTY)
        if col.references is None or value is EMPTY:
            continue
        if col.references in known.unreliable or known.has(col.references, value):
            continue
        noun = _NOUN.get(col.references, col.references)
        hint = " (ISO 3166-1 alpha-3 expected)" if col.references == "nations" else ""
        issues.add(
            sheet.label,
            n,
            col.name,
            f"unknown {noun} {value!r}{hint}: not in the database nor earlier in this import",
        )
    if all(k in record and record[k] is not EMPTY for k in t.key):
        key = tuple(record[k] for k in t.key)
        first = keys[t.entity].get(key)
        if first is not None:
            shown = ", ".join(f"{k}={v}" for k, v in zip(t.key, key, strict=True))
            where = f"row {first[1]}" if first[0] == sheet.label else f"{first[0]} row {first[1]}"
            issues.add(sheet.label, n, t.key[0], f"duplicate key {shown} (already at {where})")
        else:
            keys[t.entity][key] = (sheet.label, n)
        if len(t.key) == 1:
            known.added[t.entity].add(key[0])
    if t.entity == "pledges" and isinstance(record.get("quantity"), int):
        file_pledges[record["ref"]] = record["quantity"]
    if (
        t.entity == "deliveries"
        and isinstance(record.get("quantity"), int)
        and isinstance(record.get("pledge_ref"), str)
    ):
        deliveries.append(
            _DeliveryRow(sheet.label, n, record["ref"], record["pledge_ref"], record["quantity"])
        )


def _check_delivery_sums(
    session: Session,
    deliveries: list[_DeliveryRow],
    file_pledges: dict[str, int],
    issues: _Issues,
) -> None:
    """The deliveries of each pledge, stored and imported together, stay within it."""
    refs = {d.pledge_ref for d in deliveries}
    stored_qty = dict(
        session.execute(select(Pledge.ref, Pledge.quantity).where(Pledge.ref.in_(refs))).all()
    )
    in_file = {d.ref for d in deliveries}
    running: Counter[str] = Counter()
    stmt = (
        select(Delivery.ref, Pledge.ref, Delivery.quantity)
        .join(Pledge, Delivery.pledge_id == Pledge.id)
        .where(Pledge.ref.in_(refs))
    )
    for dref, pref, qty in session.execute(stmt):
        if dref not in in_file:
            running[pref] += qty
    for d in deliveries:
        pledged = file_pledges.get(d.pledge_ref, stored_qty.get(d.pledge_ref))
        if pledged is None:
            continue
        before = running[d.pledge_ref]
        running[d.pledge_ref] += d.quantity
        if running[d.pledge_ref] > pledged:
            issues.add(
                d.label,
                d.row,
                "quantity",
                f"delivery {d.ref} of {d.quantity} would bring deliveries on pledge "
                f"{d.pledge_ref} to {running[d.pledge_ref]}, beyond the {pledged} pledged "
                f"({max(pledged - before, 0)} left)",
            )


# -- pass 2: writing -----------------------------------------------------------------------


def _write(
    w: Writer,
    sheets: list[Sheet],
    plan: _Plan,
    issues: _Issues,
    result: ImportResult,
    progress: Progress,
) -> None:
    deferred: dict[str, tuple[str, int, str]] = {}
    # hold nations and items so the Writer's per-row rule checks hit the identity map
    anchor: list[Any] = [*w.session.scalars(select(Nation)), *w.session.scalars(select(Item))]
    for sheet in sheets:
        t = template_for(sheet.entity)
        counts = result.counts.setdefault(t.entity, Counter())
        progress.start(f"writing {sheet.label}", sheet.estimate_rows())
        with sheet.open() as (header, rows):  # FileProblems were all found by pass 1
            layout, _ = _layout(t, header)
            done = 0
            for chunk in _chunks(rows):
                records = [
                    (n, _parse_row(t, layout, values, len(header))[0]) for n, values in chunk
                ]
                stored = _prefetch(w, t, [r for _, r in records])
                for n, record in records:
                    existing = stored.get(tuple(record[k] for k in t.key))
                    try:
                        how = _apply(w, t, record, existing, plan, deferred, sheet.label, n)
                        counts[how] += 1
                    except DomainError as exc:
                        # the import will roll back; drop the refused row's unflushed changes
                        # so later rows are checked against a consistent session
                        w.session.expire_all()
                        issues.add(sheet.label, n, _column_for(t, exc.field), exc.message)
                    except SQLAlchemyError as exc:
                        reason = f"the database refused the row: {getattr(exc, 'orig', exc)}"
                        issues.add(sheet.label, n, None, reason)
                        raise _TooMany from None
                done += len(records)
                result.rows += len(records)
                progress.advance(len(records))
            if sheet.entity in ("nations", "items"):
                model = Nation if sheet.entity == "nations" else Item
                anchor.extend(w.session.scalars(select(model)))
    pledge_t = template_for("pledges")
    for ref, (label, n, status) in deferred.items():
        try:
            pledge = w.get(Pledge, ref=ref)
            if not _behind(status, pledge.status):
                w.transition_pledge(pledge, status)
        except DomainError as exc:
            w.session.expire_all()
            issues.add(label, n, _column_for(pledge_t, exc.field) or "status", exc.message)


_CHUNK = 500


def _chunks(rows: Iterator[Row]) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _prefetch(w: Writer, t: Template, records: list[dict[str, Any]]) -> dict[tuple[Any, ...], Any]:
    """The stored records of a chunk of rows, by natural key (one query per chunk)."""
    keys = {tuple(r[k] for k in t.key) for r in records}
    cols = [getattr(t.model, k) for k in t.key]
    cond = cols[0].in_([k[0] for k in keys]) if len(cols) == 1 else tuple_(*cols).in_(keys)
    found = w.session.scalars(select(t.model).where(cond))
    return {tuple(getattr(o, k) for k in t.key): o for o in found}


def _same(obj: Any, fields: dict[str, Any]) -> bool:
    return all(getattr(obj, k) == v for k, v in fields.items())


_FORWARD = ("announced", "committed", "delivering", "delivered")


def _behind(stated: str, current: str) -> bool:
    """True when the deliveries already moved the pledge past the stated status."""
    return (
        stated in _FORWARD
        and current in _FORWARD
        and _FORWARD.index(stated) <= _FORWARD.index(current)
    )


def _apply(
    w: Writer,
    t: Template,
    record: dict[str, Any],
    existing: Any,
    plan: _Plan,
    deferred: dict[str, tuple[str, int, str]],
    label: str,
    n: int,
) -> str:
    fields = _fields(t, record)
    if t.entity == "deliveries":
        return _apply_delivery(w, record, fields, existing)
    if t.entity == "pledges" and record["ref"] in plan.pledges_with_deliveries:
        # deliveries of this import drive the status; the stated one is applied after them
        status = fields.pop("status", None)
        if status is not None:
            deferred[record["ref"]] = (label, n, status)
    if existing is not None and _same(existing, fields):
        return "unchanged"  # no rule checks or queries needed
    key = {k: fields.pop(k) for k in t.key}
    _, how = w.upsert(t.model, key=key, **fields)
    return how


def _apply_delivery(
    w: Writer, record: dict[str, Any], fields: dict[str, Any], existing: Delivery | None
) -> str:
    pledge = w.get(Pledge, ref=record["pledge_ref"])
    fields["pledge_id"] = pledge.id
    if existing is None:
        w.record_delivery(
            pledge,
            ref=fields["ref"],
            quantity=fields["quantity"],
            delivered_on=fields["delivered_on"],
            source=fields.get("source"),
        )
        return "created"
    if _same(existing, fields):
        return "unchanged"
    old_pledge = existing.pledge_id
    w.update(existing, **fields)
    w.sync_pledge_status(pledge)
    if old_pledge != pledge.id:
        w.sync_pledge_status(w.get(Pledge, id=old_pledge))
    return "updated"


# -- entry point ---------------------------------------------------------------------------


def import_files(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    entity: str | None = None,
    actor: str = "import",
    dry_run: bool = False,
    limits: Limits | None = None,
    progress: Progress | None = None,
    max_issues: int = MAX_ISSUES,
) -> ImportResult:
    """Import CSV files, workbooks and directories of them in one transaction.

    ``entity`` forces the entity (otherwise the file stem or each sheet name says it).
    Nothing is written when any problem is found, or with ``dry_run``.
    """
    if entity is not None:
        template_for(entity)  # raises KeyError naming the known entities
    prog: Progress = progress or _NoProgress()
    result = ImportResult(dry_run=dry_run)
    issues = _Issues(max_issues)
    with Workbooks() as books:
        _run(engine, [Path(p) for p in paths], entity, actor, limits, books, issues, result, prog)
    return _finish(result, issues)


def _run(
    engine: Engine,
    paths: list[Path],
    entity: str | None,
    actor: str,
    limits: Limits | None,
    books: Workbooks,
    issues: _Issues,
    result: ImportResult,
    prog: Progress,
) -> None:
    sheets, problems = discover(paths, entity, limits or Limits(), books)
    try:
        for file, reason in problems:
            issues.add(file, None, None, reason)
        if not sheets and not problems:
            issues.add(
                ", ".join(str(p) for p in paths) or "(no file)", None, None, "nothing to import"
            )
        if issues.items:
            return
        order = {e: i for i, e in enumerate(ENTITIES)}
        sheets = sorted(sheets, key=lambda s: order[s.entity])  # stable: file order kept
        with read_session(engine) as session:
            plan = _validate(session, sheets, issues, prog)
        if issues.items:
            return
        with writer(engine, actor) as w:
            _write(w, sheets, plan, issues, result, prog)
            if issues.items or result.dry_run:
                raise _Rollback
    except (_TooMany, _Rollback):
        pass


def _finish(result: ImportResult, issues: _Issues) -> ImportResult:
    result.issues = issues.items
    result.truncated = issues.truncated
    return result
