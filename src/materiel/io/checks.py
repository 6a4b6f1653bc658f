"""The checking pass of an import: from parsed rows to a :class:`Plan` of every record state
and audit event the import would write, with problems, warnings and notes.

Everything the write path would check is checked here, against the database as one snapshot
and against the other rows of the import, without writing and without the write lock:
references (nations and items by code, name or alias), natural keys, the domain rules of
:mod:`materiel.services.rules` (``offline``: references and delivered sums are checked here in
bulk), deliveries within their pledges, the pledge lifecycle walked as the Writer walks it,
and the roles of nations. The write pass (:mod:`materiel.io.bulk`) then only stores the plan.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, configure_mappers, instrumentation

from materiel import money
from materiel.io.cells import EMPTY, empty_value
from materiel.io.resolve import Resolver, Unresolved
from materiel.io.templates import ENTITIES, Template, template_for
from materiel.records import Caveat, Delivery, Fund, Need, Pledge, ScenarioRate, StockTarget
from materiel.records.base import Base
from materiel.services import DomainError, lifecycle, rules
from materiel.services.audit import newest_event

_NOUN = {
    "nations": "nation",
    "items": "item",
    "organisations": "organisation",
    "pledges": "pledge",
    "funds": "fund",
    "production_lines": "production line",
    "scenarios": "scenario",
}
_FORWARD = ("announced", "committed", "delivering", "delivered")
_CHUNK = 500


# -- what the reading pass hands over ------------------------------------------------------


@dataclass
class ParsedSheet:
    """The rows of one sheet that parsed cleanly: (row number, column name → typed value)."""

    label: str
    file: str
    sheet: str | None
    template: Template
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    unreliable: bool = False  # the header was wrong: references to it are not judged


@dataclass(frozen=True)
class Issue:
    """One problem or warning: where (file, sheet, row as the user sees it, column) and why."""

    file: str
    row: int | None
    column: str | None
    reason: str
    sheet: str | None = None

    @property
    def place(self) -> str:
        """File and sheet as one label: ``pledges.csv`` or ``book.xlsx [pledges]``."""
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return ", ".join(where) + ": " + self.reason

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


class Issues:
    """Problems (or warnings) found: all counted, the first ``cap`` in file, sheet and row
    order shown (:meth:`shown`)."""

    #: at most this many are kept to sort (the rest are only counted)
    KEEP = 10_000

    def __init__(self, cap: int):
        self.items: list[Issue] = []
        self.cap = cap
        self.total = 0

    def shown(self, order: list[tuple[str, str | None]]) -> list[Issue]:
        """The first ``cap`` issues ordered by the position of their sheet in ``order``
        (then file-level issues) and by row."""
        pos = {place: i for i, place in enumerate(order)}
        ranked = sorted(
            self.items,
            key=lambda i: (pos.get((i.file, i.sheet), len(pos)), i.row or 0),
        )
        return ranked[: self.cap]

    def add(
        self,
        file: str,
        row: int | None,
        column: str | None,
        reason: str,
        sheet: str | None = None,
    ) -> None:
        self.total += 1
        if len(self.items) < self.KEEP:
            self.items.append(Issue(file, row, column, reason, sheet))

    def at(self, p: ParsedSheet, row: int | None, column: str | None, reason: str) -> None:
        self.add(p.file, row, column, reason, p.sheet)


# -- the plan --------------------------------------------------------------------------------


@dataclass
class Rec:
    """One record the import touches: its stored state and the states after each event."""

    template: Template
    key: tuple[Any, ...]
    stored: dict[str, Any] | None
    where: tuple[ParsedSheet, int] | None = None
    states: list[dict[str, Any]] = field(default_factory=list)
    pledge_ref: str | None = None  # deliveries: the pledge whose id goes into pledge_id

    @property
    def model(self) -> type[Base]:
        return self.template.model

    @property
    def current(self) -> dict[str, Any]:
        if self.states:
            return self.states[-1]
        assert self.stored is not None
        return self.stored

    @property
    def created(self) -> bool:
        return self.stored is None


@dataclass
class Plan:
    """Every record state and audit event of an import, in write order."""

    head: tuple[int, str] | None
    recs: dict[tuple[str, tuple[Any, ...]], Rec] = field(default_factory=dict)
    events: list[tuple[Rec, int]] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def push(self, rec: Rec, state: dict[str, Any]) -> None:
        """A new state of ``rec`` (one audit event: create or update)."""
        rec.states.append(state)
        self.events.append((rec, len(rec.states) - 1))

    @property
    def changes(self) -> int:
        return len(self.events)


# -- record states -----------------------------------------------------------------------------


def _columns(model: type[Base]) -> list[tuple[str, Any]]:
    """(attribute, column) of a model, in mapper order (as ``rules.snapshot_of``)."""
    mapper = model.__mapper__
    return [(p.key, p.columns[0]) for p in mapper.column_attrs]


def new_state(model: type[Base], fields: dict[str, Any]) -> dict[str, Any]:
    """The stored state of a new record: scalar defaults, None, then the given fields (the
    id is filled in when the row is inserted)."""
    out: dict[str, Any] = {}
    for attr, col in _columns(model):
        default = col.default.arg if col.default is not None and col.default.is_scalar else None
        if col.default is not None and callable(getattr(col.default, "arg", None)):
            default = col.default.arg(None) if attr != "id" else None
        out[attr] = default
    out.update(fields)
    return out


def _bump(model: type[Base], state: dict[str, Any]) -> dict[str, Any]:
    """The next state of a versioned record (an update increments ``version``)."""
    nxt = dict(state)
    if "version" in nxt and nxt["version"] is not None:
        nxt["version"] = int(nxt["version"]) + 1
    return nxt


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


def column_for(template: Template, field_name: str | None) -> str | None:
    """The template column that shows a record field (for messages)."""
    if field_name is None:
        return None
    if template.entity == "deliveries" and field_name in ("pledge", "pledge_id"):
        return "pledge_ref"
    for col in template.columns:
        if col.attr == field_name or col.name == field_name:
            return col.name
    return None


def entity_key(state: dict[str, Any]) -> str:
    """The audit key of a record state (as :func:`materiel.services.writer.entity_key`)."""
    for attr in ("ref", "code", "username", "name"):
        v = state.get(attr)
        if isinstance(v, str):
            return v
    return str(state.get("id"))


# -- references ----------------------------------------------------------------------------


class Known:
    """Keys of referenceable records in the database (read once) and added by this import."""

    def __init__(self, session: Session, resolver: Resolver):
        self.session = session
        self.resolver = resolver
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


def _resolve_references(
    p: ParsedSheet, n: int, record: dict[str, Any], known: Known, issues: Issues
) -> bool:
    """Replace nation and item names by codes and check every reference; False on a
    problem (reported)."""
    ok = True
    for col in p.template.columns:
        value = record.get(col.name, EMPTY)
        if col.references is None or value is EMPTY:
            continue
        if col.references in known.unreliable:
            continue
        if col.references in ("nations", "items"):
            try:
                if col.references == "nations":
                    record[col.name] = known.resolver.nation(value)
                else:
                    record[col.name] = known.resolver.item(value)
            except Unresolved as exc:
                issues.at(p, n, col.name, str(exc))
                ok = False
            continue
        if not known.has(col.references, value):
            noun = _NOUN.get(col.references, col.references)
            issues.at(
                p,
                n,
                col.name,
                f"unknown {noun} {value!r}: not in the database nor earlier in this import",
            )
            ok = False
    return ok


# -- defaults a ministry may leave out -------------------------------------------------------


class Defaults:
    """Values the importer fills in for empty optional cells of new records."""

    def __init__(self, session: Session, today: dt.date):
        from materiel.records import ProductionLine

        self.today = today
        self.lines: dict[str, tuple[float, str]] = {
            code: (price, cur)
            for code, price, cur in session.execute(
                select(ProductionLine.code, ProductionLine.unit_price, ProductionLine.currency)
            )
        }
        self._medians: dict[tuple[str, str], float] = {}

    def unit_value(self, category: str, currency: str) -> float:
        """The median unit value of a category in the reference catalogue, in ``currency``
        (the whole catalogue when the category has no item)."""
        key = (category, currency)
        if key not in self._medians:
            from materiel.reference import catalogue

            rows = catalogue()
            same = [r for r in rows if r["category"] == category] or rows
            values = [
                money.convert(r["unit_value"], r["currency"], currency, self.today).amount
                for r in same
            ]
            self._medians[key] = round(statistics.median(values), 2) if values else 0.0
        return self._medians[key]


# -- the checking pass -------------------------------------------------------------------------


@dataclass
class _Row:
    p: ParsedSheet
    n: int
    record: dict[str, Any]
    key: tuple[Any, ...]


class Checker:
    """One checking pass over parsed sheets against a session (read or write)."""

    def __init__(
        self, session: Session, issues: Issues, warnings: Issues, today: dt.date | None = None
    ):
        self.session = session
        self.issues = issues
        self.warnings = warnings
        self.today = today or dt.date.today()
        self.plan = Plan(head=newest_event(session))
        self.resolver = Resolver(session)
        self.known = Known(session, self.resolver)
        self.defaults = Defaults(session, self.today)
        self.keys: dict[str, dict[tuple[Any, ...], tuple[ParsedSheet, int]]] = defaultdict(dict)
        self.explicit_roles: dict[str, dict[str, bool]] = defaultdict(dict)
        self.stated_status: dict[str, tuple[ParsedSheet, int, str]] = {}
        self.deliveries: list[_Row] = []
        self._notes: dict[str, list[str]] = defaultdict(list)

    # -- entry ---------------------------------------------------------------------------

    def run(self, parsed: list[ParsedSheet]) -> Plan:
        order = {e: i for i, e in enumerate(ENTITIES)}
        for p in parsed:
            if p.unreliable:
                self.known.unreliable.add(p.template.entity)
        for p in sorted(parsed, key=lambda s: order[s.template.entity]):
            if p.unreliable:
                continue
            self._sheet(p)
        self._deliveries()
        self._roles(parsed)
        for rec in self.plan.recs.values():
            if rec.where is None:
                continue
            how = "created" if rec.created else ("updated" if rec.states else "unchanged")
            self.plan.counts.setdefault(rec.template.entity, Counter())[how] += 1
        for p in parsed:
            self.plan.counts.setdefault(p.template.entity, Counter())
        order = {e: i for i, e in enumerate(ENTITIES)}
        self.plan.counts = dict(sorted(self.plan.counts.items(), key=lambda kv: order[kv[0]]))
        for text, rows in self._notes.items():
            shown = ", ".join(rows[:10]) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
            self.plan.notes.append(f"{text} ({shown})")
        return self.plan

    def note(self, text: str, where: str) -> None:
        self._notes[text].append(where)

    # -- one sheet -------------------------------------------------------------------------

    def _sheet(self, p: ParsedSheet) -> None:
        t = p.template
        rows: list[_Row] = []
        for n, record in p.rows:
            if not _resolve_references(p, n, record, self.known, self.issues):
                continue
            if not self._fill_defaults(p, n, record):
                continue
            key = tuple(record.get(k, EMPTY) for k in t.key)
            if EMPTY in key:
                continue  # a required key cell was empty: already reported
            first = self.keys[t.entity].get(key)
            if first is not None:
                shown = ", ".join(f"{k}={v}" for k, v in zip(t.key, key, strict=True))
                fp, fn = first
                where = f"row {fn}" if fp is p else f"{fp.label} row {fn}"
                self.issues.at(p, n, t.key[0], f"duplicate key {shown} (already at {where})")
                continue
            self.keys[t.entity][key] = (p, n)
            self._register(t, record)
            rows.append(_Row(p, n, record, key))
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            stored = self._stored(t, [r.key for r in chunk])
            for r in chunk:
                self._row(r, stored.get(r.key))

    def _register(self, t: Template, record: dict[str, Any]) -> None:
        """Make a new record referenceable by the rows after it."""
        if len(t.key) == 1:
            self.known.added[t.entity].add(record[t.key[0]])
        if t.entity == "nations":
            name = record.get("name")
            self.resolver.add_nation(record["code"], name if isinstance(name, str) else None)
        elif t.entity == "items":
            name = record.get("name")
            aliases = record.get("aliases")
            self.resolver.add_item(
                record["code"],
                name if isinstance(name, str) else None,
                aliases if isinstance(aliases, list) else [],
            )
        elif t.entity == "production_lines":
            price, cur = record.get("unit_price"), record.get("currency")
            if isinstance(price, float) and isinstance(cur, str):
                self.defaults.lines[record["code"]] = (price, cur)

    def _fill_defaults(self, p: ParsedSheet, n: int, record: dict[str, Any]) -> bool:
        """Fill the documented defaults of empty optional cells; False on a problem."""
        entity = p.template.entity
        if entity == "orders":
            line = self.defaults.lines.get(record.get("line_code", ""))
            for col, i in (("unit_price", 0), ("currency", 1)):
                if record.get(col, EMPTY) is EMPTY:
                    if line is None:
                        self.issues.at(
                            p,
                            n,
                            col,
                            f"required value is empty (and the production line "
                            f"{record.get('line_code')!r} is not known to take it from)",
                        )
                        return False
                    record[col] = line[i]
                    self.note(f"{p.label}: {col} taken from the production line", f"row {n}")
        return True

    def _stored(self, t: Template, keys: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], Any]:
        """Stored states by natural key (one query per chunk)."""
        if not keys:
            return {}
        table = t.model.__table__
        cols = [table.columns[getattr(t.model, k).key] for k in t.key]
        cond = (
            cols[0].in_([k[0] for k in keys])
            if len(cols) == 1
            else tuple_(*cols).in_(list(set(keys)))
        )
        attrs = _columns(t.model)
        out: dict[tuple[Any, ...], Any] = {}
        for row in self.session.execute(select(*(c for _, c in attrs)).where(cond)):
            state = {a: row[i] for i, (a, _) in enumerate(attrs)}
            out[tuple(state[k] for k in t.key)] = state
        return out

    def _row(self, r: _Row, stored: dict[str, Any] | None) -> None:
        """Check one row and add its states to the plan."""
        t, p, n = r.p.template, r.p, r.n
        fields = _fields(t, r.record)
        entity = t.entity
        status = fields.pop("status", None) if entity == "pledges" else None
        if entity == "items" and stored is None and fields.get("unit_value") is None:
            currency = fields.get("currency") or "USD"
            fields["unit_value"] = self.defaults.unit_value(fields["category"], currency)
            self.note(
                f"{p.label}: empty unit_value of a new item set to the median of its category "
                "in the reference catalogue",
                f"row {n}",
            )
        if entity == "deliveries":
            fields["pledge_id"] = None  # filled in when the pledge has its id
        if stored is None:
            state = new_state(t.model, fields)
            if entity == "pledges" and status is not None:
                state["status"] = status
        else:
            state = dict(stored)
            state.update(fields)
            if entity == "deliveries":
                state["pledge_id"] = stored["pledge_id"]
        if not self._rules(p, n, t, state, stored):
            return
        if entity == "nations":
            self.explicit_roles[r.key[0]] = {
                role: r.record[role]
                for role in ("is_donor", "is_recipient")
                if r.record.get(role, EMPTY) is not EMPTY
            }
        key = (entity, r.key)
        rec = Rec(t, r.key, stored, (p, n))
        if entity == "deliveries":
            rec.pledge_ref = r.record["pledge_ref"]
            self.deliveries.append(r)
        self.plan.recs[key] = rec
        if entity == "pledges" and status is not None:
            self.stated_status[r.key[0]] = (p, n, status)
        if stored is None:
            self.plan.push(rec, state)
            return
        same = all(stored.get(k) == v for k, v in state.items() if k != "pledge_id")
        if entity == "deliveries":
            same = same and self._same_pledge(r.record["pledge_ref"], stored["pledge_id"])
        if not same:
            self.plan.push(rec, _bump(t.model, state))

    def _same_pledge(self, ref: str, pledge_id: int) -> bool:
        return self._pledge_ids().get(ref) == pledge_id

    def _pledge_ids(self) -> dict[str, int]:
        if not hasattr(self, "_pids"):
            rows = self.session.execute(select(Pledge.ref, Pledge.id))
            self._pids: dict[str, int] = {ref: pid for ref, pid in rows}
        return self._pids

    def _rules(
        self,
        p: ParsedSheet,
        n: int,
        t: Template,
        state: dict[str, Any],
        stored: dict[str, Any] | None,
    ) -> bool:
        """The domain rules on the state the row would store (as the Writer checks them)."""
        obj = _transient(t.model, state)
        try:
            rules.check_fields(self.session, obj, offline=True)
        except DomainError as exc:
            self.issues.at(p, n, column_for(t, exc.field), exc.message)
            return False
        return True

    # -- deliveries and the pledge lifecycle -------------------------------------------------

    def _pledge_rec(self, ref: str) -> Rec | None:
        rec = self.plan.recs.get(("pledges", (ref,)))
        if rec is not None:
            return rec
        stored = self._stored(template_for("pledges"), [(ref,)]).get((ref,))
        if stored is None:
            return None
        rec = Rec(template_for("pledges"), (ref,), stored)
        self.plan.recs[("pledges", (ref,))] = rec
        return rec

    def _walk(self, rec: Rec, to: str) -> None:
        """Move a pledge along its lifecycle, one audited state per step (raises
        :class:`~materiel.services.DomainError` when ``to`` is not reachable)."""
        for step in lifecycle.path_to(rec.current["status"], to):
            nxt = _bump(Pledge, rec.current)
            nxt["status"] = step.value
            self.plan.push(rec, nxt)

    def _deliveries(self) -> None:
        """Deliveries within their pledges, the pledges' statuses derived from them, and the
        stated statuses applied afterwards (as the Writer does, one step per event)."""
        by_pledge: dict[str, list[_Row]] = defaultdict(list)
        for d in self.deliveries:
            by_pledge[d.record["pledge_ref"]].append(d)
        in_file = {d.record["ref"] for d in self.deliveries}
        done: Counter[str] = Counter()
        file_pledges = {
            k[1][0]: r
            for k, r in self.plan.recs.items()
            if k[0] == "pledges" and r.where is not None
        }
        for ref in by_pledge:
            rec = file_pledges.get(ref)
            if (
                rec is not None
                and rec.created
                and self.stated_status.get(ref, ("", 0, ""))[2] == ("cancelled")
            ):
                rec.states[0]["status"] = "announced"  # delivered in part first, then cancelled
        refs = set(by_pledge) | {ref for ref, r in file_pledges.items() if not r.created}
        stored_rows: list[tuple[str, str, int]] = []
        for chunk in _chunked(sorted(refs)):
            stmt = (
                select(Delivery.ref, Pledge.ref, Delivery.quantity)
                .join(Pledge, Delivery.pledge_id == Pledge.id)
                .where(Pledge.ref.in_(chunk))
            )
            stored_rows.extend(self.session.execute(stmt))
        moved_from: dict[str, str] = {}
        for dref, pref, qty in stored_rows:
            if dref in in_file:
                moved_from[dref] = pref
            else:
                done[pref] += qty
        # a pledge whose quantity the file lowers below what is delivered
        for ref, rec in file_pledges.items():
            if rec.created or ref in by_pledge or rec.where is None:
                continue
            if rec.current["quantity"] < done[ref]:
                p, n = rec.where
                self.issues.at(
                    p,
                    n,
                    "quantity",
                    f"pledge.quantity: {rec.current['quantity']} is below the {done[ref]} "
                    "already delivered",
                )
        # stated statuses of pledges without deliveries in this import
        for ref, (p, n, status) in self.stated_status.items():
            rec = self.plan.recs[("pledges", (ref,))]
            if ref in by_pledge or rec.stored is None:
                continue
            self._stated(rec, p, n, status)
        # deliveries in file order
        running = Counter(done)
        for d in self.deliveries:
            p, n, ref = d.p, d.n, d.record["pledge_ref"]
            rec = self._pledge_rec(ref)
            if rec is None:
                continue  # an unknown pledge was reported as a reference
            qty = d.record["quantity"]
            when = d.record["delivered_on"]
            changed = bool(self.plan.recs[("deliveries", d.key)].states)
            if rec.current["status"] == "cancelled" and changed:
                self.issues.at(p, n, "pledge_ref", f"delivery.pledge: pledge {ref} is cancelled")
                continue
            before = running[ref]
            running[ref] += qty
            pledged = rec.current["quantity"]
            if running[ref] > pledged:
                self.issues.at(
                    p,
                    n,
                    "quantity",
                    f"delivery {d.record['ref']} of {qty} would bring deliveries on pledge "
                    f"{ref} to {running[ref]}, beyond the {pledged} pledged "
                    f"({max(pledged - before, 0)} left)",
                )
                continue
            announced = rec.current["announced_on"]
            if when < announced:
                self.warnings.at(
                    p,
                    n,
                    "delivered_on",
                    f"delivery {d.record['ref']} is dated {when}, before pledge {ref} was "
                    f"announced ({announced})",
                )
            if when > self.today:
                self.warnings.at(
                    p,
                    n,
                    "delivered_on",
                    f"delivery {d.record['ref']} is dated {when}, in the future (today is "
                    f"{self.today}): it counts as delivered from now on",
                )
            self._sync(rec, running[ref])
            old = moved_from.get(d.record["ref"])
            if old is not None and old != ref:
                old_rec = self._pledge_rec(old)
                if old_rec is not None:
                    self._sync(old_rec, running[old])
        # stated statuses after the deliveries of the same import
        for ref, (p, n, status) in self.stated_status.items():
            if ref not in by_pledge:
                continue
            self._stated(self.plan.recs[("pledges", (ref,))], p, n, status)

    def _sync(self, rec: Rec, delivered: int) -> None:
        status = rec.current["status"]
        if delivered == 0 or status in ("cancelled", "delivered"):
            return
        target = "delivered" if delivered >= rec.current["quantity"] else "delivering"
        if status != target:
            self._walk(rec, target)

    def _stated(self, rec: Rec, p: ParsedSheet, n: int, status: str) -> None:
        """Apply a pledge's stated status: forward along the lifecycle; behind the stored
        status it is a warning (the status stays), behind the status this import's
        deliveries give it, it is kept silently (documented)."""
        current = rec.current["status"]
        if status == current:
            return
        stored = rec.stored["status"] if rec.stored is not None else None
        if _behind(status, stored):
            self.warnings.at(
                p,
                n,
                "status",
                f"pledge {rec.key[0]} is {stored} in the database; the file says {status}: "
                f"the status stays {current} (a pledge never goes back)",
            )
            return
        if _behind(status, current):
            return
        try:
            self._walk(rec, status)
        except DomainError as exc:
            self.issues.at(p, n, "status", exc.message)

    # -- roles of nations --------------------------------------------------------------------

    def _roles(self, parsed: list[ParsedSheet]) -> None:
        """Nations that pledge (or have targets or caveats) are donors, nations that receive
        are recipients, unless the nations sheet says otherwise (then: a warning)."""
        donors: dict[str, str] = {}
        recipients: dict[str, str] = {}
        for (entity, _), rec in self.plan.recs.items():
            s = rec.current
            where = f"{rec.where[0].label} row {rec.where[1]}" if rec.where else entity
            if entity == "pledges" and s.get("status") != "cancelled":
                donors.setdefault(s["donor_code"], f"it pledges ({where})")
                recipients.setdefault(s["recipient_code"], f"it receives a pledge ({where})")
            elif entity in ("stock_targets", "caveats"):
                what = "a stock target" if entity == "stock_targets" else "a caveat"
                donors.setdefault(s["nation_code"], f"it has {what} ({where})")
            elif entity == "needs":
                recipients.setdefault(s["recipient_code"], f"it states a need ({where})")
            elif entity == "scenario_rates":
                recipients.setdefault(s["recipient_code"], f"it has a consumption rate ({where})")
            elif entity == "funds" and s.get("destination") == "recipient" and s["recipient_code"]:
                recipients.setdefault(
                    s["recipient_code"], f"it receives a fund's purchases ({where})"
                )
        nation_recs = {k[1][0]: r for k, r in self.plan.recs.items() if k[0] == "nations"}
        # nations of the sheet with the role left empty: the database's records count too
        empty = {
            code: [role for role in ("is_donor", "is_recipient") if role not in given]
            for code, given in self.explicit_roles.items()
        }
        if any(empty.values()):
            self._db_roles(set(empty), donors, recipients)
        self._apply_roles("is_donor", "donor", donors, nation_recs)
        self._apply_roles("is_recipient", "recipient", recipients, nation_recs)

    def _db_roles(
        self, codes: set[str], donors: dict[str, str], recipients: dict[str, str]
    ) -> None:
        checks: list[tuple[Any, dict[str, str], str]] = [
            (Pledge.donor_code, donors, "it pledges (in the database)"),
            (StockTarget.nation_code, donors, "it has a stock target (in the database)"),
            (Caveat.nation_code, donors, "it has a caveat (in the database)"),
            (Pledge.recipient_code, recipients, "it receives a pledge (in the database)"),
            (Need.recipient_code, recipients, "it states a need (in the database)"),
            (ScenarioRate.recipient_code, recipients, "it has a consumption rate (database)"),
            (Fund.recipient_code, recipients, "it receives a fund's purchases (database)"),
        ]
        for col, target, why in checks:
            for code in self.session.scalars(select(col).where(col.in_(codes)).distinct()):
                target.setdefault(code, why)

    def _apply_roles(
        self, attr: str, noun: str, evidence: dict[str, str], nation_recs: dict[str, Rec]
    ) -> None:
        stored = self._stored(template_for("nations"), [(c,) for c in evidence])
        for code, why in sorted(evidence.items()):
            given = self.explicit_roles.get(code, {}).get(attr)
            rec = nation_recs.get(code)
            if given is False:
                assert rec is not None and rec.where is not None
                p, n = rec.where
                self.warnings.at(
                    p,
                    n,
                    attr,
                    f"{code} has {attr} false but {why}: it will not be planned as a {noun}",
                )
                continue
            if given is True:
                continue
            if rec is None:
                state = stored.get((code,))
                if state is None or state[attr]:
                    continue
                rec = Rec(template_for("nations"), (code,), state)
                self.plan.recs[("nations", (code,))] = rec
            if rec.current[attr]:
                continue
            if rec.created:
                rec.states[-1][attr] = True
            else:
                nxt = dict(rec.current)
                nxt[attr] = True
                self.plan.push(rec, nxt)
            self.note(f"marked as a {noun} because {why.split(' (')[0]}", code)


def _behind(status: str, than: str | None) -> bool:
    """Whether ``status`` comes before ``than`` on the forward path of the lifecycle."""
    return (
        than is not None
        and status in _FORWARD
        and than in _FORWARD
        and _FORWARD.index(status) < _FORWARD.index(than)
    )


def _transient(model: type[Base], state: dict[str, Any]) -> Base:
    """A record object holding ``state`` for the rules to read, made as the ORM makes loaded
    objects (no attribute events: a tenth of the cost of calling the constructor)."""
    manager = instrumentation.manager_of_class(model)
    if not model.__mapper__.configured:
        configure_mappers()
    obj: Base = manager.new_instance()
    obj.__dict__.update(state)
    return obj


def _chunked(values: list[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]
