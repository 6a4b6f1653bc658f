"""Hash-chained audit events: append under a lock, verify the whole chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, Text, bindparam, event, insert, select, text
from sqlalchemy import cast as sa_cast
from sqlalchemy.orm import Session

from materiel.db import WRITE_LOCK_KEY
from materiel.records import AuditEvent

GENESIS = "0" * 64
_PG_LOCK_KEY = WRITE_LOCK_KEY  # advisory lock serialising appends on PostgreSQL
_HEAD_KEY = "materiel_audit_head"


_PLAIN = frozenset({str, int, bool, type(None)})


def _canonical(value: Any) -> Any:
    if type(value) in _PLAIN:  # the common case first (record states are mostly these)
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@event.listens_for(Session, "after_soft_rollback")
def _forget_head_on_rollback(session: Session, _previous: Any) -> None:
    """A rolled-back savepoint or transaction may have taken appended events with it."""
    session.info.pop(_HEAD_KEY, None)


@event.listens_for(Session, "after_commit")
def _forget_head_on_commit(session: Session) -> None:
    """The next transaction must read the head afresh (others may have appended)."""
    session.info.pop(_HEAD_KEY, None)


def event_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    prev_hash: str,
) -> str:
    return _hash(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_key=entity_key,
        before=_canonical(before),
        after=_canonical(after),
        prev_hash=prev_hash,
    )


def _hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before: Any,
    after: Any,
    prev_hash: str,
) -> str:
    """:func:`event_hash` of states already made canonical."""
    body = {
        "seq": seq,
        "at": _canonical(at),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_key": entity_key,
        "before": before,
        "after": after,
        "prev": prev_hash,
    }
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def newest_event(db: Session | Connection) -> tuple[int, str] | None:
    """(seq, hash) of the newest event, or None for an empty chain. Every audited write
    changes it, so it also serves as the version of the whole data set."""
    row = db.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return (row.seq, row.hash) if row else None


def append_event(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEvent:
    """Append one event at the end of the chain, inside the caller's transaction.

    The chain head is read once per transaction, under a lock held to its end (PostgreSQL:
    an advisory transaction lock; SQLite: the write lock of BEGIN IMMEDIATE), then kept in
    ``session.info`` so a transaction of many writes reads it only once. Write sessions
    (:func:`materiel.db.write_session`) hold that lock from their first statement already,
    before any row lock; taking it again here is a no-op for them.
    """
    head: tuple[int, str] | None = session.info.get(_HEAD_KEY)
    if head is None:
        bind = session.get_bind()
        if bind.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        head = newest_event(session) or (0, GENESIS)
    seq, prev = head[0] + 1, head[1]
    at = dt.datetime.now(dt.UTC)
    before_c = _canonical(before)
    after_c = _canonical(after)
    ev = AuditEvent(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_key=entity_key,
        before=before_c,
        after=after_c,
        prev_hash=prev,
        hash=event_hash(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_key=entity_key,
            before=before_c,
            after=after_c,
            prev_hash=prev,
        ),
    )
    session.add(ev)
    session.flush()
    session.info[_HEAD_KEY] = (seq, ev.hash)
    return ev


@dataclass(frozen=True)
class PendingEvent:
    """One event for :func:`append_events` (the fields of :func:`append_event`)."""

    action: str
    entity: str
    entity_key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _lock_head(session: Session) -> tuple[int, str]:
    head: tuple[int, str] | None = session.info.get(_HEAD_KEY)
    if head is None:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        head = newest_event(session) or (0, GENESIS)
    return head


def lock_chain(session: Session) -> tuple[int, str]:
    """Take the append lock now (PostgreSQL; SQLite writers hold the write lock already) and
    return the chain head, so a bulk writer can lock before it touches any row."""
    head = _lock_head(session)
    session.info[_HEAD_KEY] = head
    return head


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def append_events(session: Session, *, actor: str, events: list[PendingEvent]) -> int:
    """Append many events at once (one multi-row insert), chained exactly as
    :func:`append_event` would chain them one by one; returns the newest seq.

    Each state is made canonical and serialised once, though it is usually the ``after`` of
    one event and the ``before`` of the next: the hashed body is put together from those
    texts (``json.dumps`` of the whole body gives the same text, so :func:`verify_chain`
    recomputes the same hashes), and the same texts are stored."""
    head = _lock_head(session)
    seq, prev = head
    at = dt.datetime.now(dt.UTC)
    at_text = _json(_canonical(at))
    actor_text = _json(actor)
    texts: dict[int, str] = {}

    def as_text(state: dict[str, Any] | None) -> str:
        if state is None:
            return "null"
        key = id(state)
        if key not in texts:
            texts[key] = _json(_canonical(state))
        return texts[key]

    rows: list[dict[str, Any]] = []
    for e in events:
        seq += 1
        before, after = as_text(e.before), as_text(e.after)
        blob = (
            f'{{"action":{_json(e.action)},"actor":{actor_text},"after":{after},'
            f'"at":{at_text},"before":{before},"entity":{_json(e.entity)},'
            f'"entity_key":{_json(e.entity_key)},"prev":{_json(prev)},"seq":{seq}}}'
        )
        h = hashlib.sha256(blob.encode()).hexdigest()
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": e.action,
                "entity": e.entity,
                "entity_key": e.entity_key,
                "before": before,
                "after": after,
                "prev_hash": prev,
                "hash": h,
            }
        )
        prev = h
    if rows:
        table = cast(Table, AuditEvent.__table__)
        pg = session.get_bind().dialect.name == "postgresql"

        def text_of(c: str) -> Any:  # the serialised state, cast to json by PostgreSQL
            bound = bindparam(c, type_=Text())
            return sa_cast(bound, table.c[c].type) if pg else bound

        stmt = insert(table).values(
            {c: text_of(c) if c in ("before", "after") else bindparam(c) for c in rows[0]}
        )
        # every value is already what the driver takes but ``at`` (one value for all rows):
        # hand the rows to the driver's executemany, past the per-row bind processing
        conn = session.connection()
        dialect = conn.dialect
        compiled = stmt.compile(dialect=dialect)
        at_proc = table.c.at.type.dialect_impl(dialect).bind_processor(dialect)
        at_value = at_proc(at) if at_proc else at
        for r in rows:
            r["at"] = at_value
        if compiled.positiontup is not None:
            order = list(compiled.positiontup)
            params: list[Any] = [tuple(r[k] for k in order) for r in rows]
        else:
            params = rows
        conn.exec_driver_sql(str(compiled), params)
    session.info[_HEAD_KEY] = (seq, prev)
    return seq


@dataclass
class ChainReport:
    ok: bool
    events: int
    problems: list[str] = field(default_factory=list)


def verify_chain(
    session: Session | Connection, expect: str | None = None, *, table: Table | None = None
) -> ChainReport:
    """Recompute every hash; report changed events, broken links and gaps (deleted events).

    Events cut from the end of the chain leave no gap; ``expect`` (``SEQ:HASH`` as printed by
    ``materiel audit head`` and kept elsewhere) anchors the chain so that is caught too.
    Works on a session or a connection (inside a transaction not yet committed, as a
    restore checks what it is about to commit); ``table``: a table of the same columns
    holding the events instead of ``audit_event``.
    """
    problems: list[str] = []
    anchors: dict[int, str] = {}
    if expect:
        seq_s, _, hash_s = expect.partition(":")
        anchors[int(seq_s)] = hash_s
    prev = GENESIS
    expected_seq = 1
    n = 0
    t = AuditEvent.__table__ if table is None else table
    rows = session.execute(select(t).order_by(t.c.seq))
    for ev in rows:
        n += 1
        if ev.seq != expected_seq:
            problems.append(f"event seq {expected_seq} is missing (next found: {ev.seq})")
        if ev.prev_hash != prev:
            problems.append(f"event seq {ev.seq}: previous-hash link broken")
        recomputed = event_hash(
            seq=ev.seq,
            at=ev.at,
            actor=ev.actor,
            action=ev.action,
            entity=ev.entity,
            entity_key=ev.entity_key,
            before=ev.before,
            after=ev.after,
            prev_hash=ev.prev_hash,
        )
        if recomputed != ev.hash:
            problems.append(f"event seq {ev.seq}: content changed (hash mismatch)")
        if ev.seq in anchors and anchors.pop(ev.seq) != ev.hash:
            problems.append(f"event seq {ev.seq}: does not match the anchor given")
        prev = ev.hash
        expected_seq = ev.seq + 1
    for seq in anchors:
        problems.append(f"event seq {seq} (anchored) is missing: events were cut from the end")
    return ChainReport(ok=not problems, events=n, problems=problems)


def chain_head(session: Session | Connection) -> str | None:
    """``SEQ:HASH`` of the newest event, to keep outside the database as an anchor."""
    last = newest_event(session)
    return f"{last[0]}:{last[1]}" if last else None


# -- the state the audited writes produced -------------------------------------------------------
# Tables whose rows are not written one audited event per row, and why: the audit trail
# itself (verify_chain checks it); the server's bookkeeping (jobs, idempotency keys, tokens:
# stored as hashes, their creation and revocation are audited by name only); a tracker
# release's monthly and weapons rows (replaced as a whole with the release, whose file
# hashes are audited).
STATE_UNCHECKED: dict[str, str] = {
    "audit_event": "the trail itself, checked as a chain",
    "job": "background job bookkeeping",
    "idempotency_key": "API retry bookkeeping",
    "api_token": "token hashes; issue and revocation are audited by name",
    "tracker_monthly": "replaced with its tracker release, whose file hashes are audited",
    "tracker_weapons": "replaced with its tracker release, whose file hashes are audited",
}
# Columns that change without an event, by design: the login lockout; the password hash
# (a change is audited as an event without its value).
STATE_UNAUDITED_COLUMNS: dict[str, frozenset[str]] = {
    "app_user": frozenset({"password_hash", "failed_logins", "locked_until", "created_at"}),
}
_MISSING = object()


@dataclass
class StateReport:
    """Rows whose current content differs from what the audited writes produced."""

    ok: bool
    rows: dict[str, int]  # rows checked per table
    problems: list[str] = field(default_factory=list)
    unchecked: dict[str, str] = field(default_factory=dict)


def _state_tables() -> tuple[dict[str, Table], dict[str, dict[str, str]]]:
    """Every record table and, per table, column name -> attribute key (the keys of the
    audited snapshots, from the mapped classes)."""
    from materiel.records import Base

    tables: dict[str, Table] = {}
    keys: dict[str, dict[str, str]] = {}
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if not isinstance(table, Table):
            continue
        tables[table.name] = table
        keys[table.name] = {
            prop.columns[0].name: prop.key for prop in mapper.column_attrs if prop.columns
        }
    return tables, keys


def _key_of(table: Table, names: dict[str, str], values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(_canonical(values.get(names[c.name])) for c in table.primary_key.columns)


def _shown_key(table: Table, key: tuple[Any, ...]) -> str:
    return ", ".join(f"{c.name}={v}" for c, v in zip(table.primary_key.columns, key, strict=True))


def verify_state(db: Session | Connection) -> StateReport:
    """Replay the audit trail into the state of every table and compare it with the rows
    now stored: report each row changed, added or removed without an audited write (a
    direct edit of the database), naming the fields that differ, their audited and current
    values. Tables in :data:`STATE_UNCHECKED` are not compared (the report says which)."""
    tables, names = _state_tables()
    checked = {n: t for n, t in tables.items() if n not in STATE_UNCHECKED}
    expected: dict[str, dict[tuple[Any, ...], dict[str, Any] | None]] = {n: {} for n in checked}
    events = AuditEvent.__table__
    rows = db.execute(
        select(events.c.seq, events.c.entity, events.c.action, events.c.before, events.c.after)
        .where(events.c.action.in_(("create", "update", "delete")))
        .order_by(events.c.seq)
        .execution_options(yield_per=2000)
    )
    for ev in rows:
        table = checked.get(ev.entity)
        snap = ev.before if ev.action == "delete" else ev.after
        if table is None or not isinstance(snap, dict):
            continue
        key = _key_of(table, names[ev.entity], snap)
        expected[ev.entity][key] = None if ev.action == "delete" else snap
    problems: list[str] = []
    counts: dict[str, int] = {}
    for name, table in checked.items():
        want = expected[name]
        skip = STATE_UNAUDITED_COLUMNS.get(name, frozenset())
        n = 0
        for row in db.execute(select(table).execution_options(yield_per=2000)):
            n += 1
            current = {names[name][c]: v for c, v in row._mapping.items()}
            key = _key_of(table, names[name], current)
            audited = want.pop(key, _MISSING)
            where = f"{name} {_shown_key(table, key)}"
            if audited is _MISSING:
                problems.append(f"{where}: present, but no audited write created it")
                continue
            if audited is None:
                problems.append(f"{where}: present, but an audited write deleted it")
                continue
            assert isinstance(audited, dict)
            diffs = [
                f"{k} {json.dumps(v, default=str)} (audited) != "
                f"{json.dumps(_canonical(current.get(k)), default=str)} (now)"
                for k, v in audited.items()
                if k not in skip and k in current and _canonical(current[k]) != v
            ]
            if diffs:
                problems.append(f"{where}: {'; '.join(diffs)}")
        counts[name] = n
        for key, audited in want.items():
            if audited is not None:
                problems.append(
                    f"{name} {_shown_key(table, key)}: missing, but no audited write deleted it"
                )
    unchecked = {n: why for n, why in STATE_UNCHECKED.items() if n in tables}
    return StateReport(ok=not problems, rows=counts, problems=problems, unchecked=unchecked)
