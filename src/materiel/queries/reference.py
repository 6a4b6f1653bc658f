"""Reference lists the interfaces offer (nations, items, scenarios) and meetings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.records import Item, Meeting, Nation, Scenario


def choices(session: Session) -> dict[str, Any]:
    """Items and nations (code, name), recipient and donor codes, scenario names."""
    return {
        "items": session.execute(select(Item.code, Item.name).order_by(Item.code)).all(),
        "nations": session.execute(select(Nation.code, Nation.name).order_by(Nation.code)).all(),
        "recipients": list(
            session.scalars(
                select(Nation.code).where(Nation.is_recipient.is_(True)).order_by(Nation.code)
            )
        ),
        "donors": list(
            session.scalars(
                select(Nation.code).where(Nation.is_donor.is_(True)).order_by(Nation.code)
            )
        ),
        "scenarios": list(session.scalars(select(Scenario.name).order_by(Scenario.name))),
    }


def item_names(session: Session) -> dict[str, str]:
    """Every item's name by code (the pages show names, codes on hover)."""
    return {str(c): str(n) for c, n in session.execute(select(Item.code, Item.name)).all()}


def meetings(session: Session, viewer: Principal) -> list[Meeting]:
    """Every meeting, latest first."""
    policy.require_list(viewer, "meeting")
    return list(session.scalars(select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id)))


def meeting(session: Session, viewer: Principal, key: int | str) -> Meeting | None:
    """A meeting by id, or by ref (``CG-32``; a string of digits is tried as a ref, then as
    an id)."""
    policy.require_list(viewer, "meeting")
    if isinstance(key, int):
        return session.get(Meeting, key)
    found = session.scalars(select(Meeting).where(Meeting.ref == key)).first()
    if found is None and key.isdigit():
        found = session.get(Meeting, int(key))
    return found


def previous_meeting(session: Session, viewer: Principal, m: Meeting) -> Meeting | None:
    """The meeting held before ``m`` (same day: the lower id), or None."""
    policy.require_list(viewer, "meeting")
    return session.scalars(
        select(Meeting)
        .where(
            (Meeting.held_on < m.held_on) | ((Meeting.held_on == m.held_on) & (Meeting.id < m.id))
        )
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        .limit(1)
    ).first()
