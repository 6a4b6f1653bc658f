"""Use cases that write records, for the API and the pages alike: each checks the access
policy, reads what it changes under a row lock, checks the version the caller saw, and
writes through the :class:`~materiel.services.writer.Writer` (one audited transaction).

- :func:`create_record`, :func:`update_record`, :func:`delete_record`: any entity;
- :func:`transition_pledge` and :func:`record_delivery`: the pledge lifecycle.

A record the caller may not see is :class:`NotFound`, exactly like a missing one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from materiel.access import Hidden, Principal, policy
from materiel.queries import today
from materiel.queries.records import Parent, model_of, parent_value, pledge_of, record
from materiel.records import Delivery, Pledge
from materiel.services.errors import NotFound
from materiel.services.idempotency import expected_version
from materiel.services.rules import check_delivery_date
from materiel.services.writer import Writer


def _check_write(
    w: Writer, viewer: Principal, entity: str, obj: Any, changes: dict[str, Any]
) -> None:
    if entity == "delivery":
        pledge = pledge_of(w.session, obj, lock=True)  # corrections lock it like deliveries do
        if pledge is None:
            raise NotFound(f"no pledge of delivery {obj.ref}", entity="delivery")
        policy.check_delivery(viewer, pledge, obj)
    else:
        policy.check_update(viewer, entity, obj, changes)


def create_record(
    w: Writer,
    viewer: Principal,
    entity: str,
    fields: dict[str, Any],
    *,
    parent: Parent | None = None,
) -> Any:
    """A new record of ``entity`` (under ``parent``: its link column set from the parent)."""
    fields = dict(fields)
    if parent is not None:
        fields[parent.link] = parent_value(w.session, viewer, parent)
    policy.check_create(viewer, entity, fields)
    if entity == "delivery":
        _check_delivered_on(w, fields.get("pledge_id"), fields.get("delivered_on"))
    return w.create(model_of(entity), **fields)


def _check_delivered_on(w: Writer, pledge_id: Any, delivered_on: Any) -> None:
    """The date rule of a delivery (:func:`materiel.services.rules.check_delivery_date`)
    against its pledge, when both are known (a missing pledge is refused by the writer)."""
    if not isinstance(delivered_on, dt.date) or pledge_id is None:
        return
    pledge = w.session.get(Pledge, pledge_id)
    if pledge is not None:
        check_delivery_date(delivered_on, pledge, today())


def update_record(
    w: Writer,
    viewer: Principal,
    entity: str,
    key: Any,
    changes: dict[str, Any],
    *,
    if_match: list[str],
    key_column: str = "id",
    parent: Parent | None = None,
) -> Any:
    """Change a record the caller may change, if it is still the version of ``if_match``
    (entity tags; ``*`` for any)."""
    obj = record(w.session, viewer, entity, key, key_column=key_column, parent=parent, lock=True)
    _check_write(w, viewer, entity, obj, changes)
    if entity == "delivery" and "delivered_on" in changes:
        _check_delivered_on(w, changes.get("pledge_id", obj.pledge_id), changes["delivered_on"])
    return w.update(obj, expected_version=expected_version(obj, if_match), **changes)


def delete_record(
    w: Writer,
    viewer: Principal,
    entity: str,
    key: Any,
    *,
    if_match: list[str] | None = None,
    key_column: str = "id",
    parent: Parent | None = None,
) -> None:
    """Delete a record the caller may change (at the version of ``if_match`` when given)."""
    obj = record(w.session, viewer, entity, key, key_column=key_column, parent=parent, lock=True)
    _check_write(w, viewer, entity, obj, {})
    if if_match is not None:
        expected_version(obj, if_match)
    w.delete(obj)


def _pledge(w: Writer, viewer: Principal, pledge_id: int) -> Pledge:
    """The pledge, locked FOR UPDATE, if the caller may see it."""
    pledge: Pledge = record(w.session, viewer, "pledge", pledge_id, lock=True)
    return pledge


def transition_pledge(
    w: Writer, viewer: Principal, pledge_id: int, to: str, *, if_match: list[str]
) -> Pledge:
    """Move a pledge along its lifecycle (forward steps walked one at a time), if the
    caller may (staff, or its donor) and the pledge is still the version it saw."""
    pledge = _pledge(w, viewer, pledge_id)
    policy.check_transition(viewer, pledge)
    w.update(pledge, expected_version=expected_version(pledge, if_match))  # the check only
    w.transition_pledge(pledge, to)
    return pledge


def record_delivery(
    w: Writer,
    viewer: Principal,
    pledge_id: int,
    *,
    ref: str,
    quantity: int,
    delivered_on: dt.date,
    source: str | None = None,
) -> Delivery:
    """Record a delivery against a pledge the caller may deliver on (staff, or its donor):
    the pledge is locked, so concurrent deliveries never exceed it; it moves to
    delivering, and to delivered when complete."""
    pledge = _pledge(w, viewer, pledge_id)
    try:
        policy.check_delivery(viewer, pledge)
    except Hidden:
        raise NotFound(f"no pledge {pledge_id}", entity="pledge") from None
    check_delivery_date(delivered_on, pledge, today())
    return w.record_delivery(
        pledge, ref=ref, quantity=quantity, delivered_on=delivered_on, source=source
    )
