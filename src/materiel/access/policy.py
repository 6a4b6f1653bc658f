"""THE authorisation policy: every access rule of the server, in one place.

Roles (DESIGN.md, "Access"):

- ``admin``: everything, including users and the audit trail.
- ``coordinator``: sees and writes every domain record, runs plans and forecasts.
- ``donor`` (one nation): reads public records, its own stock reports, targets and caveats
  in detail (others' only as alliance totals), confidential pledges it gives or receives;
  writes only its own pledges, their deliveries, and its own stock reports and targets.
- ``recipient`` (one nation): reads like a donor; writes only its own needs.
- ``analyst``: public figures only: no stock reports, targets, caveats (not even totals),
  no confidential pledges, no plan or forecast results; writes nothing.

Outcomes: :class:`Refused` (HTTP 403) when the role may not do this at all or not to this
record; :class:`Hidden` (HTTP 404) when the record's very existence is secret to the caller
(confidential pledges and their deliveries, other nations' stock details).

Totals (issue 18.2): a total of a sensitive figure (stock, target) shown to anyone but staff
must add up at least :data:`MIN_OTHER_NATIONS` nations other than the viewer's own, else
the total is suppressed: it can then reveal no single nation, not even by subtracting the
viewer's own figure. :func:`min_other_nations` gives the bound per viewer.

The read side (:mod:`materiel.queries`) applies these rules inside every query; the
interfaces never filter by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, false, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

from materiel.records import Caveat, Delivery, Job, Pledge, Role, StockReport, StockTarget

__all__ = [
    "LOCAL",
    "MIN_OTHER_NATIONS",
    "NATION_SCOPED",
    "REFERENCE",
    "ROLES",
    "Hidden",
    "Principal",
    "Refused",
    "check_create",
    "check_delete",
    "check_delivery",
    "check_read",
    "check_transition",
    "check_update",
    "may_see_nation_detail",
    "min_other_nations",
    "require_admin",
    "require_list",
    "require_planner",
    "require_totals",
    "row_filter",
]

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


class Refused(Exception):
    """403: the caller may not do this."""


class Hidden(Exception):
    """404: the record does not exist as far as the caller may know."""


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    role: str
    nation: str | None = None
    channel: str = "api"  # where the caller acts from: api (API and pages) or cli

    @property
    def actor(self) -> str:
        return f"{self.channel}:{self.username}"

    @property
    def is_staff(self) -> bool:
        """Admins and coordinators see and write every domain record."""
        return self.role in (Role.admin.value, Role.coordinator.value)


#: The operator at the command line: whoever can open the database sees and administers every
#: record, so the CLI reads as an admin (``--as USER`` views the figures as that user instead).
LOCAL = Principal(0, "local", Role.admin.value, channel="cli")
#: The roles a user may have.
ROLES: tuple[str, ...] = tuple(r.value for r in Role)

#: A total shown to a non-staff viewer adds up at least this many other nations (18.2).
MIN_OTHER_NATIONS = 3

# Entities (table names) everybody reads and only staff write.
REFERENCE = frozenset(
    {
        "nation",
        "alliance_member",
        "organisation",
        "item",
        "production_line",
        "ramp_step",
        "fund",
        "fund_item",
        "fund_member",
        "purchase_order",
        "meeting",
        "scenario",
        "need",
        "scenario_rate",
    }
)
# Plan and forecast results hold every donor's stock detail: staff only.
RUN_RESULTS = frozenset({"plan_run", "forecast_run"})
# Sensitive per-nation records: own nation in detail, others hidden (totals only).
NATION_SCOPED: Mapping[str, Any] = {
    "stock_report": StockReport,
    "stock_target": StockTarget,
    "caveat": Caveat,
}
# What a nation-bound role may write, by entity: the attribute that must be its nation.
_DONOR_WRITES = {
    "pledge": "donor_code",
    "stock_report": "nation_code",
    "stock_target": "nation_code",
}
_RECIPIENT_WRITES = {"need": "recipient_code"}


def _refuse(p: Principal, what: str) -> Refused:
    who = f"{p.role} {p.nation}" if p.nation else p.role
    return Refused(f"a {who} may not {what}")


# -- reads -------------------------------------------------------------------------------
def require_list(p: Principal, entity: str) -> None:
    """May the caller read this collection at all (rows may still be filtered)?"""
    if p.role == Role.analyst.value and entity in NATION_SCOPED:
        raise _refuse(p, f"read {entity.replace('_', ' ')}s (sensitive)")
    if entity in RUN_RESULTS:
        require_planner(p)


def pledge_visible_clause(p: Principal) -> ColumnElement[bool]:
    if p.is_staff:
        return true()
    clauses: list[ColumnElement[bool]] = [Pledge.confidential.is_(False)]
    if p.nation:
        clauses += [Pledge.donor_code == p.nation, Pledge.recipient_code == p.nation]
    return or_(*clauses)


def row_filter(p: Principal, entity: str, stmt: S) -> S:
    """Restrict a SELECT over ``entity`` to the rows the caller may see."""
    if p.is_staff:
        return stmt
    if entity == "pledge":
        return stmt.where(pledge_visible_clause(p))
    if entity == "delivery":
        visible = select(Pledge.id).where(pledge_visible_clause(p))
        return stmt.where(Delivery.pledge_id.in_(visible))
    if entity in NATION_SCOPED:
        model = NATION_SCOPED[entity]
        return stmt.where(model.nation_code == p.nation if p.nation else false())
    if entity == "job":
        return stmt.where(Job.owner == p.username)
    return stmt


def check_read(p: Principal, entity: str, obj: Any, *, parent: Any = None) -> None:
    """GET one record: Refused for a forbidden collection, Hidden for a secret record.
    For a delivery pass its pledge as ``parent``."""
    require_list(p, entity)
    if p.is_staff:
        return
    if entity == "pledge":
        _check_pledge_visible(p, obj)
    elif entity == "delivery":
        _check_pledge_visible(p, parent)
    elif entity in NATION_SCOPED:
        if not p.nation or obj.nation_code != p.nation:
            raise Hidden()
    elif entity == "job" and obj.owner != p.username:
        raise Hidden()


def _check_pledge_visible(p: Principal, pledge: Any) -> None:
    if pledge is None:
        raise Hidden()
    if p.is_staff or not pledge.confidential:
        return
    if p.nation and p.nation in (pledge.donor_code, pledge.recipient_code):
        return
    raise Hidden()


def require_totals(p: Principal) -> None:
    """Alliance-wide totals of stock reports and targets: every role except analysts."""
    if p.role == Role.analyst.value:
        raise _refuse(p, "read stock totals (sensitive)")


def min_other_nations(p: Principal) -> int:
    """How many nations other than the viewer's own a sensitive total must add up before
    it may be shown: none for staff (they see every nation in detail), otherwise
    :data:`MIN_OTHER_NATIONS`."""
    return 0 if p.is_staff else MIN_OTHER_NATIONS


def may_see_nation_detail(p: Principal, nation: str) -> bool:
    """Stock reports, targets and caveats of ``nation`` in detail: staff, or its own."""
    return p.is_staff or (p.nation is not None and p.nation == nation)


# -- writes ------------------------------------------------------------------------------
def _nation_field(p: Principal, entity: str) -> str | None:
    if p.role == Role.donor.value:
        return _DONOR_WRITES.get(entity)
    if p.role == Role.recipient.value:
        return _RECIPIENT_WRITES.get(entity)
    return None


def check_create(p: Principal, entity: str, fields: Mapping[str, Any]) -> None:
    if p.is_staff:
        return
    field = _nation_field(p, entity)
    if field is None:
        raise _refuse(p, f"create {entity.replace('_', ' ')} records")
    if fields.get(field) != p.nation:
        raise _refuse(p, f"create a {entity.replace('_', ' ')} with {field}={fields.get(field)!r}")


def check_update(p: Principal, entity: str, obj: Any, changes: Mapping[str, Any]) -> None:
    """PATCH: the record must be visible, owned, and stay owned after the change."""
    check_read(p, entity, obj)
    if p.is_staff:
        return
    field = _nation_field(p, entity)
    if field is None:
        raise _refuse(p, f"change {entity.replace('_', ' ')} records")
    if getattr(obj, field) != p.nation:
        raise _refuse(p, f"change a {entity.replace('_', ' ')} of {getattr(obj, field)}")
    if field in changes and changes[field] != p.nation:
        raise _refuse(p, f"move a {entity.replace('_', ' ')} to {changes[field]!r}")


def check_delete(p: Principal, entity: str, obj: Any) -> None:
    check_update(p, entity, obj, {})


def check_transition(p: Principal, pledge: Pledge) -> None:
    """Moving a pledge along its lifecycle: staff, or the donor that gave it."""
    check_update(p, "pledge", pledge, {})


def check_delivery(p: Principal, pledge: Pledge, delivery: Delivery | None = None) -> None:
    """Recording or correcting a delivery: staff, or the donor of the pledge."""
    _check_pledge_visible(p, pledge)
    if p.is_staff:
        return
    if p.role != Role.donor.value or pledge.donor_code != p.nation:
        raise _refuse(p, f"record deliveries on pledge {pledge.ref} of {pledge.donor_code}")


# -- administration and runs ---------------------------------------------------------------
def require_admin(p: Principal, what: str = "manage users or read the audit trail") -> None:
    if p.role != Role.admin.value:
        raise _refuse(p, what)


def require_planner(p: Principal) -> None:
    """Plans and forecasts (start them, read their results): staff only, because results
    carry every donor's stock detail."""
    if not p.is_staff:
        raise _refuse(p, "run or read plans and forecasts (they hold every nation's stocks)")
