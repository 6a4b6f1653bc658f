"""The write pass of an import: store a checked :class:`~materiel.io.checks.Plan` in one
short transaction, with multi-row statements instead of a round trip per record.

Each record is written once in its final state (inserted, or updated by primary key); the
audit trail gets every event of the plan (a create, each update, each step of a pledge's
lifecycle) with the exact state after it, chained as one-by-one writes would chain them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, tuple_, update
from sqlalchemy.orm import Session

from materiel.io.checks import Plan, Rec, entity_key
from materiel.io.templates import ENTITIES
from materiel.records import Pledge
from materiel.services.audit import PendingEvent, append_events, lock_chain

_BATCH = 2000


def _pk(rec: Rec) -> str:
    return str(rec.model.__mapper__.primary_key[0].key)


def write_plan(session: Session, plan: Plan, *, actor: str) -> int:
    """Store the plan; returns the number of audit events appended."""
    lock_chain(session)
    by_entity: dict[str, list[Rec]] = defaultdict(list)
    for rec in plan.recs.values():
        if rec.states:
            by_entity[rec.template.entity].append(rec)
    pledge_ids: dict[str, int] = {}
    for entity in ENTITIES:
        recs = by_entity.get(entity, [])
        if entity == "deliveries" and recs:
            _fill_pledge_ids(session, recs, pledge_ids)
        if not recs:
            continue
        _insert(session, [r for r in recs if r.created])
        _update(session, [r for r in recs if not r.created])
        if entity == "pledges":
            pledge_ids.update({r.key[0]: r.current["id"] for r in recs})
    events: list[PendingEvent] = []
    for rec, i in plan.events:
        state = rec.states[i]
        before = rec.states[i - 1] if i else (None if rec.created else rec.stored)
        events.append(
            PendingEvent(
                action="create" if before is None else "update",
                entity=rec.model.__tablename__,
                entity_key=entity_key(state),
                before=before,
                after=state,
            )
        )
    append_events(session, actor=actor, events=events)
    return len(events)


def _fill_pledge_ids(session: Session, recs: list[Rec], known: dict[str, int]) -> None:
    """Deliveries name their pledge by ref: put its id into every state."""
    missing = {r.pledge_ref for r in recs if r.pledge_ref and r.pledge_ref not in known}
    if missing:
        for chunk in _chunks(sorted(missing)):
            rows = session.execute(select(Pledge.ref, Pledge.id).where(Pledge.ref.in_(chunk)))
            known.update({ref: pid for ref, pid in rows})
    for r in recs:
        assert r.pledge_ref is not None
        for state in r.states:
            state["pledge_id"] = known[r.pledge_ref]


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + _BATCH] for i in range(0, len(values), _BATCH)]


def _insert(session: Session, recs: list[Rec]) -> None:
    """Insert new records (one multi-row statement per batch), then read the ids the
    database gave them back by natural key (every template key is unique): SQLite does not
    promise the order of RETURNING rows of a multi-row insert."""
    if not recs:
        return
    model = recs[0].model
    table = cast(Table, model.__table__)
    pk = _pk(recs[0])
    generated = pk == "id"
    conn = session.connection()
    for batch in _chunks(recs):
        rows = [{k: v for k, v in r.current.items() if not (generated and k == pk)} for r in batch]
        conn.execute(insert(table), rows)
        if not generated:
            continue
        key = list(recs[0].template.key)
        cols = [table.c[k] for k in key]
        keys = [r.key for r in batch]
        cond = cols[0].in_([k[0] for k in keys]) if len(cols) == 1 else tuple_(*cols).in_(keys)
        ids = {
            tuple(row[1:]): row[0] for row in conn.execute(select(table.c.id, *cols).where(cond))
        }
        for r in batch:
            for state in r.states:
                state["id"] = ids[r.key]


def _update(session: Session, recs: list[Rec]) -> None:
    if not recs:
        return
    model = recs[0].model
    table = cast(Table, model.__table__)
    pk = _pk(recs[0])
    cols = [k for k in recs[0].current if k != pk]
    stmt = (
        update(table)
        .where(table.c[pk] == bindparam("_pk"))
        .values({c: bindparam(f"v_{c}") for c in cols})
    )
    for batch in _chunks(recs):
        rows = [{"_pk": r.current[pk], **{f"v_{c}": r.current[c] for c in cols}} for r in batch]
        session.connection().execute(stmt, rows)
