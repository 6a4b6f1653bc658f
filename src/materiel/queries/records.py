"""Records as they are, for the viewer: one record, or a filtered, sorted page of them with
a keyset cursor — what the API's entity routes list. The access policy applies here:
hidden rows are neither listed nor counted, a secret record is :class:`Hidden`."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from materiel.access import Hidden, Principal, policy
from materiel.records import AllianceMember, Base, Delivery, Pledge
from materiel.services.errors import NotFound


class InvalidCursor(ValueError):
    """A cursor that did not come from ``next_cursor`` with the same sort."""


@cache
def model_of(entity: str) -> Any:
    """The record model of an entity (its table name)."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            return mapper.class_
    raise KeyError(entity)


@dataclass(frozen=True)
class Condition:
    """``column op value``: ``op`` is eq, ge, le, prefix (a code or its dotted prefix),
    contains (case-insensitive) or member (a nation in the alliance ``value``)."""

    column: str
    op: str
    value: Any


@dataclass(frozen=True)
class Parent:
    """A collection nested under a parent record (``/funds/{id}/members``): the parent's
    entity and key, and which of its attributes the children's ``link`` column holds."""

    entity: str
    key: Any
    attr: str  # on the parent, e.g. "code"
    link: str  # on the child, e.g. "fund_code"
    key_column: str = "id"


@dataclass
class Page:
    rows: list[Any]
    count: int
    next_cursor: str | None


def _where(model: Any, c: Condition) -> Any:
    col = getattr(model, c.column)
    if c.op == "eq":
        return col == c.value
    if c.op == "ge":
        return col >= c.value
    if c.op == "le":
        return col <= c.value
    if c.op == "prefix":
        return or_(col == c.value, col.startswith(str(c.value).rstrip(".") + ".", autoescape=True))
    if c.op == "contains":
        return col.icontains(c.value, autoescape=True)
    if c.op == "member":
        members = select(AllianceMember.nation_code).where(AllianceMember.alliance == c.value)
        return col.in_(members)
    raise ValueError(f"unknown filter operation {c.op!r}")


def check_read(session: Session, viewer: Principal, entity: str, obj: Any) -> None:
    """May the viewer read this record (:class:`Refused` / :class:`Hidden` if not)? A
    delivery is as visible as its pledge."""
    if entity == "delivery":
        pledge = session.get(Pledge, obj.pledge_id)
        policy.check_read(viewer, entity, obj, parent=pledge)
    else:
        policy.check_read(viewer, entity, obj)


def parent_value(session: Session, viewer: Principal, parent: Parent) -> Any:
    """The value the children of ``parent`` hold in their link column (the parent must be
    visible to the viewer)."""
    obj = record(session, viewer, parent.entity, parent.key, key_column=parent.key_column)
    return getattr(obj, parent.attr)


def record(
    session: Session,
    viewer: Principal,
    entity: str,
    key: Any,
    *,
    key_column: str = "id",
    parent: Parent | None = None,
    lock: bool = False,
) -> Any:
    """One record by key, if the viewer may see it (and it belongs to ``parent``);
    :class:`NotFound` when there is none as far as the viewer may know — a missing and a
    hidden record answer alike. ``lock`` reads it FOR UPDATE (in a write transaction)."""
    policy.require_list(viewer, entity)
    model = model_of(entity)
    stmt = select(model).where(getattr(model, key_column) == key)
    if lock:
        stmt = stmt.with_for_update()
    obj = session.scalars(stmt).one_or_none()
    missing = NotFound(f"no {entity.replace('_', ' ')} {key}", entity=entity)
    if obj is None:
        raise missing
    if parent is not None and getattr(obj, parent.link) != parent_value(session, viewer, parent):
        raise missing
    try:
        check_read(session, viewer, entity, obj)
    except Hidden:
        raise missing from None
    return obj


def _encode_cursor(sort: str, value: Any, key: Any) -> str:
    if isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps([sort, value, key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str, column: Any, key_type: type) -> tuple[Any, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        s, value, key = json.loads(raw)
        if s != sort:
            raise ValueError("sort")
        py = column.type.python_type
        if value is not None:
            if py is dt.date:
                value = dt.date.fromisoformat(value)
            elif py is dt.datetime:
                value = dt.datetime.fromisoformat(value)
            elif py is bool:
                value = bool(value)
            elif py in (int, float, str) and not isinstance(value, py):
                value = py(value)
        if not isinstance(key, key_type):
            raise ValueError("key")
        return value, key
    except Exception:
        raise InvalidCursor(
            "invalid cursor (it must come from next_cursor with the same sort)"
        ) from None


def records(
    session: Session,
    viewer: Principal,
    entity: str,
    *,
    conditions: Sequence[Condition] = (),
    parent: Parent | None = None,
    sort: str = "id",
    cursor: str | None = None,
    limit: int = 50,
    key_column: str = "id",
) -> Page:
    """A page of the records the viewer may see, filtered by ``conditions`` (and under
    ``parent``), sorted by ``sort`` (``-`` for descending, then by key), after the record
    of ``cursor``; ``count`` counts every matching record the viewer may see."""
    policy.require_list(viewer, entity)
    model = model_of(entity)
    stmt: Select[Any] = policy.row_filter(viewer, entity, select(model))
    if parent is not None:
        stmt = stmt.where(getattr(model, parent.link) == parent_value(session, viewer, parent))
    for c in conditions:
        stmt = stmt.where(_where(model, c))
    count = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    col = getattr(model, name)
    key = getattr(model, key_column)
    key_type = key.type.python_type
    if cursor:
        value, kv = _decode_cursor(cursor, sort, col, key_type)
        if name == key_column:
            stmt = stmt.where(key < kv if desc else key > kv)
        elif desc:
            stmt = stmt.where(or_(col < value, and_(col == value, key < kv)))
        else:
            stmt = stmt.where(or_(col > value, and_(col == value, key > kv)))
    order = [col.desc() if desc else col.asc()]
    if name != key_column:
        order.append(key.desc() if desc else key.asc())
    rows = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        nxt = _encode_cursor(sort, getattr(last, name), getattr(last, key_column))
    return Page(rows, int(count), nxt)


def pledge_of(session: Session, delivery: Delivery, *, lock: bool = False) -> Pledge | None:
    """The pledge of a delivery (FOR UPDATE with ``lock``)."""
    stmt = select(Pledge).where(Pledge.id == delivery.pledge_id)
    if lock:
        stmt = stmt.with_for_update()
    return session.scalars(stmt).one_or_none()
