"""The Writer: create, update, delete and domain operations, each audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from sqlalchemy import Engine, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from materiel.db import write_session
from materiel.records import Base, Delivery, Pledge, PledgeStatus
from materiel.services import lifecycle, rules
from materiel.services.audit import append_event
from materiel.services.errors import DomainError, NotFound, RuleViolation, StaleVersion

T = TypeVar("T", bound=Base)


def entity_key(obj: Base) -> str:
    """A stable human key for audit: ref/code/name when the record has one, else the id."""
    for attr in ("ref", "code", "username", "name"):
        v = getattr(obj, attr, None)
        if isinstance(v, str):
            return v
    pk = obj.__mapper__.primary_key_from_instance(obj)
    return "/".join(str(p) for p in pk)


def _apply_scalar_defaults(obj: Base) -> None:
    """Fill unset columns with their scalar defaults so rules see the values that will be
    stored (SQLAlchemy would otherwise apply them only at flush)."""
    for col in obj.__table__.columns:
        key = obj.__mapper__.get_property_by_column(col).key
        if getattr(obj, key) is None and col.default is not None and col.default.is_scalar:
            setattr(obj, key, col.default.arg)


def _unique_columns(obj: Base, exc: IntegrityError) -> list[str] | None:
    """The columns of the unique key ``exc`` reports as taken, or None when it is not a
    unique violation (SQLite names the columns; PostgreSQL the constraint or index)."""
    orig = exc.orig
    text = str(orig)
    if text.startswith("UNIQUE constraint failed: "):
        return [c.split(".")[-1].strip() for c in text.split(": ", 1)[1].split(",")]
    diag = getattr(orig, "diag", None)
    if getattr(orig, "sqlstate", None) != "23505" or diag is None:
        return None
    table = cast(Table, obj.__table__)
    keys: list[Any] = [*table.constraints, *table.indexes]
    for key in keys:
        if key.name == diag.constraint_name:
            return [c.name for c in key.columns]
    return []


def _integrity_refusal(obj: Base, exc: IntegrityError) -> RuleViolation:
    """A database constraint refused the write: say so in the domain's terms, and nothing
    more. A taken key is named with the value sent, whether or not the caller may see the
    record holding it, and nothing of that record shows (not its donor, not whether it is
    confidential): the database's own message would quote constraint and key."""
    entity = obj.__tablename__
    columns = _unique_columns(obj, exc)
    if columns is None:
        return RuleViolation(
            f"{entity}: refers to a record that does not exist, or is referred to by others",
            entity=entity,
        )
    shown = ", ".join(f"{c}={getattr(obj, c, None)!r}" for c in columns) or "its key"
    return RuleViolation(
        f"{entity}: {shown} is already taken (keys are unique across all records, including "
        "those you cannot see): choose another",
        entity=entity,
        field=columns[0] if len(columns) == 1 else None,
    )


class Writer:
    """All writes of one transaction. Construct with :func:`writer`."""

    def __init__(self, session: Session, actor: str):
        self.session = session
        self.actor = actor

    # -- generic -----------------------------------------------------------------
    def _audit(self, action: str, obj: Base, before: dict[str, Any] | None) -> None:
        after = None if action == "delete" else rules.snapshot_of(obj)
        append_event(
            self.session,
            actor=self.actor,
            action=action,
            entity=obj.__tablename__,
            entity_key=entity_key(obj),
            before=before,
            after=after,
        )

    def _flush(self, obj: Base, *, add: bool = False) -> None:
        """Flush in a savepoint; ``add`` adds a new ``obj`` inside it, so a duplicate key
        rolls back to the savepoint only and the transaction stays usable."""
        try:
            with self.session.begin_nested():
                if add:
                    self.session.add(obj)
                self.session.flush()
        except IntegrityError as exc:
            raise _integrity_refusal(obj, exc) from None

    def create(self, model: type[T], **fields: Any) -> T:
        obj = model(**fields)
        _apply_scalar_defaults(obj)
        if isinstance(obj, Pledge):
            lifecycle.parse_status(obj.status)
        rules.check_fields(self.session, obj)
        self._flush(obj, add=True)
        self._audit("create", obj, None)
        return obj

    def update(self, obj: T, *, expected_version: int | None = None, **changes: Any) -> T:
        current = getattr(obj, "version", None)
        if expected_version is not None and current != expected_version:
            raise StaleVersion(
                f"{obj.__tablename__} {entity_key(obj)} is at version {current}, "
                f"not {expected_version}: reload and retry",
                entity=obj.__tablename__,
            )
        before = rules.snapshot_of(obj)
        if isinstance(obj, Pledge) and "status" in changes:
            lifecycle.check_transition(obj.status, changes["status"])
        for k in changes:
            if not hasattr(type(obj), k):
                raise RuleViolation(f"{obj.__tablename__} has no field {k!r}", field=k)
        # The savepoint opens before any field changes, so neither a refused rule nor a
        # duplicate key leaves anything behind: the transaction stays usable.
        changed = False
        try:
            with self.session.begin_nested():
                for k, v in changes.items():
                    setattr(obj, k, v)
                with self.session.no_autoflush:
                    rules.check_fields(self.session, obj)
                changed = before != rules.snapshot_of(obj)
                if changed:
                    self.session.flush()
        except (DomainError, IntegrityError) as exc:
            for k in changes:
                if k in before:
                    set_committed_value(obj, k, before[k])
            if isinstance(exc, IntegrityError):
                raise _integrity_refusal(obj, exc) from None
            raise
        if not changed:
            return obj
        self._audit("update", obj, before)
        if isinstance(obj, Delivery):
            self.sync_pledge_status(self.get(Pledge, id=obj.pledge_id))
        return obj

    def delete(self, obj: Base) -> None:
        before = rules.snapshot_of(obj)
        if isinstance(obj, Pledge) and rules.delivered_quantity(self.session, obj.id) > 0:
            raise RuleViolation(
                f"pledge {obj.ref} has deliveries; cancel it instead of deleting", entity="pledge"
            )
        self.session.delete(obj)
        self._flush(obj)
        self._audit("delete", obj, before)

    def upsert(self, model: type[T], key: dict[str, Any], **fields: Any) -> tuple[T, str]:
        """Create or update the record with natural ``key``; returns it and
        ``created``, ``updated`` or ``unchanged`` (so re-imports are idempotent)."""
        stmt = select(model).filter_by(**key)
        existing = self.session.scalars(stmt).one_or_none()
        if existing is None:
            return self.create(model, **key, **fields), "created"
        before = rules.snapshot_of(existing)
        if isinstance(existing, Pledge) and "status" in fields:
            # imports may carry a later status: walk the lifecycle forward
            lifecycle.path_to(existing.status, fields["status"])
            self.update(existing, **{k: v for k, v in fields.items() if k != "status"})
            if existing.status != fields["status"]:
                for step in lifecycle.path_to(existing.status, fields["status"]):
                    self.update(existing, status=step.value)
        else:
            self.update(existing, **fields)
        return existing, ("unchanged" if before == rules.snapshot_of(existing) else "updated")

    def get(self, model: type[T], **key: Any) -> T:
        obj = self.session.scalars(select(model).filter_by(**key)).one_or_none()
        if obj is None:
            what = ", ".join(f"{k}={v!r}" for k, v in key.items())
            raise NotFound(f"no {model.__tablename__} with {what}", entity=model.__tablename__)
        return obj

    # -- domain operations -------------------------------------------------------
    def transition_pledge(self, pledge: Pledge, to: str) -> Pledge:
        """Move a pledge along its lifecycle (forward steps are walked one at a time)."""
        for step in lifecycle.path_to(pledge.status, to):
            self.update(pledge, status=step.value)
        return pledge

    def record_delivery(
        self,
        pledge: Pledge,
        *,
        ref: str,
        quantity: int,
        delivered_on: dt.date,
        source: str | None = None,
        synthetic: bool = False,
    ) -> Delivery:
        """Record a delivery; the pledge moves to delivering, and to delivered when complete.

        The delivery rule reads the pledge under a row lock on PostgreSQL (and refreshes this
        same object), so the status derived afterwards sees every committed delivery."""
        d = self.create(
            Delivery,
            ref=ref,
            pledge_id=pledge.id,
            quantity=quantity,
            delivered_on=delivered_on,
            source=source,
            synthetic=synthetic,
        )
        self.sync_pledge_status(pledge)
        return d

    def sync_pledge_status(self, pledge: Pledge) -> None:
        """Derive delivering / delivered from the deliveries recorded so far."""
        done = rules.delivered_quantity(self.session, pledge.id)
        if done == 0 or pledge.status in (
            PledgeStatus.cancelled.value,
            PledgeStatus.delivered.value,
        ):
            return
        target = PledgeStatus.delivered if done >= pledge.quantity else PledgeStatus.delivering
        if pledge.status != target.value:
            self.transition_pledge(pledge, target.value)


@contextmanager
def writer(engine: Engine, actor: str) -> Iterator[Writer]:
    """One audited write transaction: everything commits together or nothing does."""
    with write_session(engine) as session:
        yield Writer(session, actor)
