"""Domain rules checked before any write. Every message names the entity, field and reason."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, Integer, SmallInteger, String, Text, func, select
from sqlalchemy.orm import Session

from materiel import money
from materiel.records import (
    Base,
    Delivery,
    Fund,
    Item,
    Nation,
    Need,
    Order,
    Organisation,
    Pledge,
    Priority,
    ProductionLine,
)
from materiel.records.base import utcnow
from materiel.records.pledges import Channel
from materiel.services.errors import InvalidValue, RuleViolation

NON_NEGATIVE: dict[str, tuple[str, ...]] = {
    "need": ("quantity",),
    "pledge": ("quantity", "value_amount"),
    "delivery": ("quantity",),
    "stock_report": ("quantity",),
    "stock_target": ("minimum",),
    "production_line": ("weekly_capacity", "unit_price", "lead_time_weeks"),
    "ramp_step": ("weekly_capacity",),
    "fund": ("budget",),
    "purchase_order": ("quantity", "unit_price"),
    "caveat": ("weekly_cap",),
    "scenario_rate": ("mean_per_day", "cv"),
}
POSITIVE: dict[str, tuple[str, ...]] = {
    "need": ("quantity",),
    "pledge": ("quantity",),
    "delivery": ("quantity",),
}
CURRENCY_FIELDS = ("currency", "value_currency")
NATION_FIELDS = (
    "nation_code",
    "donor_code",
    "recipient_code",
    "destination_code",
)
#: C0 control characters but tab, line feed and carriage return, and DEL: spreadsheets cannot
#: hold them (an xlsx export would fail) and terminals run them as escape sequences
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: natural keys that must not be blank
KEY_FIELDS = ("ref", "code")
#: tables whose text is kept exactly as read or produced by the system (announcement texts,
#: job and run logs); every other table refuses control characters
RAW_TEXT_TABLES = frozenset({"ingest_draft", "job", "plan_run", "forecast_run", "audit_event"})


def control_character(text: str) -> str | None:
    """The first refused control character of ``text`` (as ``U+0007``), or None."""
    m = CONTROL_CHARS.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


# Every date a record holds lies in this window (0001-01-01 or 9999-12-31 is a typing
# error or an attack: a delivery dated 9999 counted as delivered).
DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2099, 12, 31)
# Dates of things that have happened and count as such (a delivery counts as delivered, a
# stock report as stock on hand): at most this far after today.
RECORDED = {"delivery": ("delivered_on",), "stock_report": ("as_of",)}
RECORDED_AHEAD = dt.timedelta(days=366)


def _fail(entity: str, field: str, reason: str) -> RuleViolation:
    return RuleViolation(f"{entity}.{field}: {reason}", entity=entity, field=field)


def _invalid(entity: str, field: str, reason: str) -> InvalidValue:
    return InvalidValue(f"{entity}.{field}: {reason}", entity=entity, field=field)


def _exists(session: Session, model: type[Nation] | type[Item], code: str) -> bool:
    """Whether a nation or item exists; positive answers are cached per session (the identity
    map holds records weakly, so ``session.get`` would query again on every write)."""
    known: set[tuple[str, str]] = session.info.setdefault("materiel_known", set())
    key = (model.__tablename__, code)
    if key in known:
        return True
    if session.get(model, code) is None:
        return False
    known.add(key)
    return True


_INT_LIMITS: dict[str, list[tuple[str, int]]] = {}
_DATES: dict[str, list[str]] = {}


def _date_fields(obj: Base) -> list[str]:
    entity = obj.__tablename__
    if entity not in _DATES:
        _DATES[entity] = [
            obj.__mapper__.get_property_by_column(c).key
            for c in obj.__table__.columns
            if isinstance(c.type, Date)
        ]
    return _DATES[entity]


def check_dates(obj: Base) -> None:
    """Every date within ``DATE_MIN``..``DATE_MAX``; recorded events not after a year from
    today (InvalidValue naming the field)."""
    entity = obj.__tablename__
    latest = utcnow().date() + RECORDED_AHEAD
    for f in _date_fields(obj):
        v = getattr(obj, f, None)
        if not isinstance(v, dt.date):
            continue
        if not DATE_MIN <= v <= DATE_MAX:
            raise _invalid(
                entity,
                f,
                f"{v.isoformat()} is outside {DATE_MIN.isoformat()}..{DATE_MAX.isoformat()}",
            )
        if f in RECORDED.get(entity, ()) and v > latest:
            raise _invalid(
                entity, f, f"{v.isoformat()} is more than a year ahead: it has not happened yet"
            )


def check_delivery_date(delivered_on: dt.date, pledge: Pledge, today: dt.date) -> None:
    """The rule of a delivery recorded through the API or the pages (issue 16): it has
    happened — not after ``today`` — and not before its pledge was announced
    (InvalidValue, HTTP 422, for a date ahead; RuleViolation, 409, for one before the
    announcement; both name ``delivered_on``). Imports and the demo loader write history
    through the Writer and are not held to ``today``. A date outside the plausible window
    is left to :func:`check_dates`, which names it as such."""
    if not DATE_MIN <= delivered_on <= DATE_MAX:
        return
    if delivered_on > today:
        raise _invalid(
            "delivery",
            "delivered_on",
            f"{delivered_on.isoformat()} is after today ({today.isoformat()}): a delivery is "
            "recorded once it has happened",
        )
    if delivered_on < pledge.announced_on:
        raise _fail(
            "delivery",
            "delivered_on",
            f"{delivered_on.isoformat()} is before pledge {pledge.ref} was announced "
            f"({pledge.announced_on.isoformat()})",
        )


def _int_limits(obj: Base) -> list[tuple[str, int]]:
    """(attribute, largest magnitude) of the integer columns of a table: what PostgreSQL's
    smallint, integer and bigint hold (SQLite would raise OverflowError beyond 64 bits)."""
    entity = obj.__tablename__
    if entity not in _INT_LIMITS:
        out = []
        for col in obj.__table__.columns:
            if isinstance(col.type, SmallInteger):
                limit = 2**15 - 1
            elif isinstance(col.type, BigInteger):
                limit = 2**63 - 1
            elif isinstance(col.type, Integer):
                limit = 2**31 - 1
            else:
                continue
            out.append((obj.__mapper__.get_property_by_column(col).key, limit))
        _INT_LIMITS[entity] = out
    return _INT_LIMITS[entity]


_TEXT_FIELDS: dict[str, list[str]] = {}


def _text_fields(obj: Base) -> list[str]:
    """The text and JSON attributes of a table checked for control characters."""
    entity = obj.__tablename__
    if entity not in _TEXT_FIELDS:
        out = []
        if entity not in RAW_TEXT_TABLES:
            for col in obj.__table__.columns:
                if isinstance(col.type, String | Text | JSON):
                    out.append(obj.__mapper__.get_property_by_column(col).key)
        _TEXT_FIELDS[entity] = out
    return _TEXT_FIELDS[entity]


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*_texts(k), *_texts(v))]
    return []


def _show_int(v: int) -> str:
    try:
        return f"{v:.4g}"
    except OverflowError:
        return f"a {v.bit_length()}-bit number"


def check_fields(session: Session, obj: Base, *, offline: bool = False) -> None:
    """Field-level checks shared by every entity.

    ``offline``: the caller has already checked every reference to another record (nations,
    items, pledges, organisations, funds, lines) and the delivered quantities in bulk (the
    importer does), so no rule queries the database."""
    entity = obj.__tablename__
    for f in _text_fields(obj):
        v = getattr(obj, f, None)
        if v is None or (type(v) is str and CONTROL_CHARS.search(v) is None):
            continue  # the common cases, without building a list
        for text in _texts(v):
            bad = control_character(text)
            if bad:
                raise _fail(entity, f, f"contains the control character {bad}; remove it")
    for f in KEY_FIELDS:
        v = getattr(obj, f, None)
        if isinstance(v, str) and not v.strip():
            raise _fail(entity, f, "must not be blank")
    for f, limit in _int_limits(obj):
        v = getattr(obj, f, None)
        if isinstance(v, int) and not isinstance(v, bool) and not -limit - 1 <= v <= limit:
            raise _invalid(entity, f, f"{_show_int(v)} is out of range (at most {limit:,})")
    check_dates(obj)
    for f in NON_NEGATIVE.get(entity, ()):
        v = getattr(obj, f, None)
        if v is not None and v < 0:
            raise _fail(entity, f, f"must not be negative (got {v})")
    for f in POSITIVE.get(entity, ()):
        v = getattr(obj, f, None)
        if v is not None and v <= 0:
            raise _fail(entity, f, f"must be positive (got {v})")
    for f in CURRENCY_FIELDS:
        v = getattr(obj, f, None)
        if v is not None and not (money.is_currency(v) and money.convertible(v)):
            raise _fail(entity, f, f"unknown or unconvertible currency {v!r} (ISO 4217 expected)")
    if not offline:
        for f in NATION_FIELDS:
            v = getattr(obj, f, None)
            if v is not None and not _exists(session, Nation, v):
                raise _fail(entity, f, f"unknown nation {v!r} (ISO 3166 alpha-3 expected)")
        v = getattr(obj, "item_code", None)
        if v is not None and not _exists(session, Item, v):
            raise _fail(entity, "item_code", f"unknown item {v!r}")
    check_entity(session, obj, offline=offline)


#: a rule checks one record of its entity; ``offline``: skip what reads other records
Rule = Callable[[Session, Any, bool], None]

#: the entity-specific rules, one registry keyed by record class (``@rule(Model)``)
RULES: dict[type[Base], list[Rule]] = {}


def rule(model: type[Base]) -> Callable[[Rule], Rule]:
    """Register ``fn(session, obj, offline)`` as a rule of ``model`` (and its subclasses)."""

    def register(fn: Rule) -> Rule:
        RULES.setdefault(model, []).append(fn)
        return fn

    return register


def check_entity(session: Session, obj: Base, *, offline: bool = False) -> None:
    """The entity-specific rules registered for the record's class (``offline``: skip those
    that read other records)."""
    for model in type(obj).__mro__:
        for fn in RULES.get(model, ()):
            fn(session, obj, offline)


@rule(Need)
def _need(session: Session, obj: Need, offline: bool) -> None:
    if obj.priority not in {p.value for p in Priority}:
        raise _fail("need", "priority", f"must be critical, high or routine (got {obj.priority!r})")
    if obj.needed_by < obj.stated_on:
        raise _fail("need", "needed_by", "is before the date the need was stated")


@rule(Pledge)
def _pledge(session: Session, obj: Pledge, offline: bool) -> None:
    if obj.donor_code == obj.recipient_code:
        raise _fail("pledge", "recipient_code", "a donor cannot pledge to itself")
    if obj.channel not in {c.value for c in Channel}:
        raise _fail(
            "pledge", "channel", f"must be stock, procurement or fund (got {obj.channel!r})"
        )
    if (obj.value_amount is None) != (obj.value_currency is None):
        raise _fail("pledge", "value_currency", "value amount and currency go together")
    if obj.due_by is not None and obj.due_by < obj.announced_on:
        raise _fail("pledge", "due_by", "is before the announcement date")
    if obj.id is not None and not offline:
        done = delivered_quantity(session, obj.id)
        if obj.quantity < done:
            raise _fail(
                "pledge", "quantity", f"{obj.quantity} is below the {done} already delivered"
            )


@rule(Delivery)
def _delivery(session: Session, obj: Delivery, offline: bool) -> None:
    if offline:
        return
    pledge = _locked_pledge(session, obj.pledge_id)
    if pledge is None:
        raise _fail("delivery", "pledge", f"unknown pledge id {obj.pledge_id}")
    if pledge.status == "cancelled":
        raise _fail("delivery", "pledge", f"pledge {pledge.ref} is cancelled")
    others = delivered_quantity(session, pledge.id, exclude_delivery=obj.id)
    if others + obj.quantity > pledge.quantity:
        raise _fail(
            "delivery",
            "quantity",
            f"{obj.quantity} would bring deliveries on pledge {pledge.ref} to "
            f"{others + obj.quantity}, beyond the {pledge.quantity} pledged "
            f"({pledge.quantity - others} left)",
        )


@rule(ProductionLine)
def _line(session: Session, obj: ProductionLine, offline: bool) -> None:
    if offline:
        return
    if (
        session.scalar(select(Organisation.id).where(Organisation.code == obj.producer_code))
        is None
    ):
        raise _fail(
            "production_line", "producer_code", f"unknown organisation {obj.producer_code!r}"
        )


@rule(Fund)
def _fund(session: Session, obj: Fund, offline: bool) -> None:
    if obj.period_end < obj.period_start:
        raise _fail("fund", "period_end", "is before period_start")
    if obj.destination not in ("recipient", "members"):
        raise _fail("fund", "destination", "must be recipient or members")
    if obj.destination == "recipient" and obj.recipient_code is None:
        raise _fail("fund", "recipient_code", "required when the destination is the recipient")


@rule(Order)
def _order(session: Session, obj: Order, offline: bool) -> None:
    if obj.delivery_end < obj.delivery_start:
        raise _fail("purchase_order", "delivery_end", "is before delivery_start")
    if obj.delivery_start < obj.placed_on:
        raise _fail("purchase_order", "delivery_start", "is before the order was placed")
    if offline:
        return
    for code, model, field in (
        (obj.fund_code, Fund, "fund_code"),
        (obj.line_code, ProductionLine, "line_code"),
    ):
        if session.scalar(select(model.id).where(model.code == code)) is None:
            raise _fail("purchase_order", field, f"unknown {model.__tablename__} {code!r}")


def _locked_pledge(session: Session, pledge_id: int) -> Pledge | None:
    """The pledge, re-read under a row lock on PostgreSQL so that concurrent deliveries
    against it are checked one after the other (SQLite writers are already serialised by
    BEGIN IMMEDIATE)."""
    stmt = select(Pledge).where(Pledge.id == pledge_id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return session.scalars(stmt).one_or_none()


def delivered_quantity(
    session: Session, pledge_id: int, exclude_delivery: int | None = None
) -> int:
    stmt = select(func.coalesce(func.sum(Delivery.quantity), 0)).where(
        Delivery.pledge_id == pledge_id
    )
    if exclude_delivery is not None:
        stmt = stmt.where(Delivery.id != exclude_delivery)
    return int(session.scalar(stmt) or 0)


def snapshot_of(obj: Base) -> dict[str, Any]:
    """The column values of a record, for audit before/after."""
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs}
