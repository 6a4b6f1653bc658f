"""Administration reads (admins only): the users, and the audit trail page by page; and
the audit events the read cache checks (which tables changed since an answer was read)."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.records import AuditEvent, User

AUDIT_TABLE: str = AuditEvent.__tablename__


def users(session: Session, viewer: Principal) -> list[User]:
    """Every user, by name."""
    policy.require_admin(viewer, "manage users")
    return list(session.scalars(select(User).order_by(User.username)))


def user(session: Session, viewer: Principal, username: str) -> User | None:
    """One user by name (None when there is none)."""
    policy.require_admin(viewer, "manage users")
    return session.scalars(select(User).where(User.username == username)).one_or_none()


def audit_events(
    session: Session,
    viewer: Principal,
    *,
    after_seq: int = 0,
    limit: int = 100,
    **equal: str | None,
) -> tuple[list[AuditEvent], int, str | None]:
    """Audit events after ``after_seq`` in chain order, filtered by equality on entity,
    entity_key, actor or action: a page, the count of every match, the next cursor."""
    policy.require_admin(viewer)
    stmt = select(AuditEvent).where(AuditEvent.seq > after_seq)
    for name, value in equal.items():
        if value is not None:
            stmt = stmt.where(getattr(AuditEvent, name) == value)
    count = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = list(session.scalars(stmt.order_by(AuditEvent.seq).limit(limit + 1)))
    nxt = str(rows[limit - 1].seq) if len(rows) > limit else None
    return rows[:limit], int(count), nxt


def newest_per_table(tables: frozenset[str], up_to: int | None = None) -> Select[str, int]:
    """SELECT (table, newest event seq) for ``tables`` (up to the event ``up_to``)."""
    stmt = (
        select(AuditEvent.entity, func.max(AuditEvent.seq))
        .where(AuditEvent.entity.in_(sorted(tables)))
        .group_by(AuditEvent.entity)
    )
    return stmt if up_to is None else stmt.where(AuditEvent.seq <= up_to)
