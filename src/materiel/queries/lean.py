"""The key figures (docs/figures.md, "Key figures"): their one implementation, read by
every surface (Overview, ``GET /figures``, the brief, the meeting page and ``materiel
status``) through :mod:`materiel.queries.figures`. It is computed row by row in plain
Python from Core columns so that ``materiel status`` starts and answers in well under a
second (the data stack takes longer to import than the figures take to compute).

The per-record values it adds up (a need's coverage and values, a pledge's value and
lateness, a fund's position, a stock against its target, alliance totals) are also computed,
as frames, by the tables the pages and the API list (:mod:`materiel.queries.coverage`,
:mod:`materiel.queries.pledges`, :mod:`materiel.queries.funds`,
:mod:`materiel.queries.stocks`); tests/test_status_lean.py checks that both give the same
values record by record, for every role and several dates, so that a key figure always adds
up the rows of its table. Importing this module loads neither pandas nor numpy."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from materiel import money
from materiel.access import Principal, Refused, policy
from materiel.queries._base import (
    REPORT_CURRENCY,
    date_span,
    resolve,
)
from materiel.queries._base import today as today  # for materiel status
from materiel.records import (
    SYNTHETIC_MODELS,
    AllianceMember,
    Base,
    Caveat,
    Delivery,
    Fund,
    Item,
    Meeting,
    Nation,
    Need,
    Order,
    Organisation,
    PlanRun,
    Pledge,
    PledgeStatus,
    Priority,
    ProductionLine,
    StockReport,
    StockTarget,
)

PRIORITIES = tuple(p.value for p in Priority)
PRIORITY_ORDER = {p: n for n, p in enumerate(PRIORITIES)}
SCHEDULED = (PledgeStatus.committed.value, PledgeStatus.delivering.value)
CLOSED = (PledgeStatus.delivered.value, PledgeStatus.cancelled.value)
CANCELLED = PledgeStatus.cancelled.value
PLEDGE_STATUSES = tuple(s.value for s in PledgeStatus)
NO_ALLIANCE = "none"
#: A stock report older than this many days on the as-of date is stale (issue 16); the
#: environment variable MATERIEL_STALE_AFTER_DAYS sets another threshold.
STALE_AFTER_DAYS = 14
STALE_ENV = "MATERIEL_STALE_AFTER_DAYS"
OPTIMAL = "Optimal"
#: the tables of a stored plan its figures use
TABLED = ("need_met", "consumption_met", "transfers", "orders")

# Core columns rather than the ORM's attributes: a statement over tables needs no mapper
# configuration (a good part of a short command's start); the access policy's clauses (ORM
# attributes, for viewers other than staff) combine with them as usual.
AllianceMember_ = AllianceMember.__table__.c
Delivery_ = Delivery.__table__.c
Fund_ = Fund.__table__.c
Item_ = Item.__table__.c
Nation_ = Nation.__table__.c
Need_ = Need.__table__.c
Order_ = Order.__table__.c
Pledge_ = Pledge.__table__.c
PlanRun_ = PlanRun.__table__.c
ProductionLine_ = ProductionLine.__table__.c
StockReport_ = StockReport.__table__.c
StockTarget_ = StockTarget.__table__.c

COUNTED: dict[str, tuple[str, type[Base]]] = {
    "nations": ("nation", Nation),
    "organisations": ("organisation", Organisation),
    "items": ("item", Item),
    "needs": ("need", Need),
    "pledges": ("pledge", Pledge),
    "deliveries": ("delivery", Delivery),
    "stock_reports": ("stock_report", StockReport),
    "stock_targets": ("stock_target", StockTarget),
    "caveats": ("caveat", Caveat),
    "production_lines": ("production_line", ProductionLine),
    "funds": ("fund", Fund),
    "orders": ("purchase_order", Order),
    "meetings": ("meeting", Meeting),
}

#: the dates that say how far the records reach: what was stated, announced, delivered and
#: reported (not due dates, which lie ahead by design)
RECORD_DATES: tuple[tuple[str, Any], ...] = (
    ("need", Need_.stated_on),
    ("pledge", Pledge_.announced_on),
    ("delivery", Delivery_.delivered_on),
    ("stock_report", StockReport_.as_of),
)

Row = dict[str, Any]


def stale_after_days() -> int:
    """The staleness threshold in days: MATERIEL_STALE_AFTER_DAYS when it holds a whole
    number of days (0 or more), else :data:`STALE_AFTER_DAYS`."""
    raw = os.environ.get(STALE_ENV, "").strip()
    return int(raw) if raw.isdigit() else STALE_AFTER_DAYS


def coverage_status(quantity: float, pledged: float, due: float) -> str:
    """``open`` (nothing pledged), ``partly covered`` (pledged short of the quantity),
    ``covered late`` (pledged in full, but not all of it there by the need's date) or
    ``covered`` (all of it there by the need's date)."""
    if due >= quantity:
        return "covered"
    if pledged >= quantity:
        return "covered late"
    if pledged > 0:
        return "partly covered"
    return "open"


def _scalars(session: Session, named: dict[str, Any]) -> dict[str, Any]:
    """The values of several scalar SELECTs, read in one statement (one round trip)."""
    if not named:
        return {}
    row = session.execute(select(*(q.scalar_subquery().label(k) for k, q in named.items())))
    return dict(row.mappings().one())


def synthetic(session: Session) -> bool:
    """True when any record carries the ``synthetic`` flag (set by the demo loader):
    :func:`materiel.queries.dataset_synthetic` over the tables."""
    flags = (exists().where(m.__table__.c.synthetic.is_(True)) for m in SYNTHETIC_MODELS)
    return bool(session.execute(select(or_(*flags))).scalar())


def record_counts(session: Session, viewer: Principal) -> dict[str, int]:
    """Number of records per entity that the viewer may see (a hidden record is not
    counted; a collection the viewer may not read at all is left out)."""
    counts: dict[str, Any] = {}
    for name, (entity, model) in COUNTED.items():
        try:
            policy.require_list(viewer, entity)
        except Refused:
            continue
        stmt = select(func.count()).select_from(model.__table__)
        counts[name] = policy.row_filter(viewer, entity, stmt)
    return {k: int(v or 0) for k, v in _scalars(session, counts).items()}


def latest_record_date(session: Session, viewer: Principal) -> dt.date | None:
    """The newest date the records the viewer may see reach: a need stated, a pledge
    announced, a delivery made or a stock reported (None when there are none). Commands
    that default to today use it to say when the data end before today."""
    latest: dict[str, Any] = {}
    for entity, column in RECORD_DATES:
        try:
            policy.require_list(viewer, entity)
        except Refused:
            continue
        latest[entity] = policy.row_filter(viewer, entity, select(func.max(column)))
    days = [d for d in _scalars(session, latest).values() if d is not None]
    return max(days, default=None)


def _rows(session: Session, stmt: Any) -> list[Row]:
    return [dict(r) for r in session.execute(stmt).mappings().all()]


def _pairwise(a: list[float]) -> float:
    """numpy's pairwise summation (``pairwise_sum_DOUBLE``): the same rounding as the
    frame-based queries, to the last bit."""
    n = len(a)
    if n < 8:
        res = 0.0
        for v in a:
            res += v
        return res
    if n <= 128:
        r = a[:8]
        i = 8
        while i < n - n % 8:
            for j in range(8):
                r[j] += a[i + j]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        for v in a[i:]:
            res += v
        return res
    half = n // 2
    half -= half % 8
    return _pairwise(a[:half]) + _pairwise(a[half:])


def fsum_like_pandas(values: Iterable[float]) -> float:
    """Σ as ``pandas.Series.sum`` gives it (missing values as 0, numpy's pairwise sum)."""
    return _pairwise([float(v) if _known(v) else 0.0 for v in values])


def _known(value: Any) -> bool:
    return value is not None and value == value  # NaN is not a figure


# -- needs ------------------------------------------------------------------------------


def need_rows(session: Session, viewer: Principal, day: dt.date) -> list[Row]:
    """Every need stated on or before ``day`` with ``pledged``, ``delivered``, ``due``,
    ``open_quantity``, ``short_by_date``, ``status`` and ``overdue`` as
    :func:`materiel.queries.coverage.need_coverage` defines them."""
    needs = _rows(
        session,
        select(
            Need_.id,
            Need_.recipient_code,
            Need_.item_code,
            Need_.quantity,
            Need_.priority,
            Need_.needed_by,
            Need_.stated_on,
            Item_.unit_value,
            Item_.currency.label("item_currency"),
        )
        .join(Item.__table__, Item_.code == Need_.item_code)
        .where(Need_.stated_on <= day),
    )
    if not needs:
        return []
    pstmt = select(
        Pledge_.id,
        Pledge_.recipient_code,
        Pledge_.item_code,
        Pledge_.quantity,
        Pledge_.status,
        Pledge_.due_by,
    ).where(Pledge_.announced_on <= day)
    pledges = _rows(session, policy.row_filter(viewer, "pledge", pstmt))
    dstmt = (
        select(Delivery_.pledge_id, Delivery_.quantity, Delivery_.delivered_on)
        .join(Pledge.__table__, Pledge_.id == Delivery_.pledge_id)
        .where(Delivery_.delivered_on <= day, Pledge_.announced_on <= day)
    )
    deliveries = _rows(session, policy.row_filter(viewer, "pledge", dstmt))
    delivered: dict[int, int] = defaultdict(int)
    for d in deliveries:
        delivered[d["pledge_id"]] += d["quantity"]
    by_id = {p["id"]: p for p in pledges}
    counted: dict[tuple[str, str], float] = defaultdict(float)
    got: dict[tuple[str, str], float] = defaultdict(float)
    for p in pledges:
        key = (p["recipient_code"], p["item_code"])
        done = delivered.get(p["id"], 0)
        counted[key] += done if p["status"] == CANCELLED else p["quantity"]
        got[key] += done
    # what of each recipient and item arrives when: deliveries, and the undelivered rest of
    # scheduled pledges on their due date
    arrived: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
    for d in deliveries:
        of = by_id.get(d["pledge_id"])
        if of is not None:
            arrived[(of["recipient_code"], of["item_code"])].append(
                (d["delivered_on"], d["quantity"])
            )
    scheduled: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
    for p in pledges:
        rest = p["quantity"] - delivered.get(p["id"], 0)
        if p["status"] in SCHEDULED and p["due_by"] is not None and rest > 0:
            scheduled[(p["recipient_code"], p["item_code"])].append((p["due_by"], rest))

    rank = len(PRIORITY_ORDER)
    needs.sort(
        key=lambda n: (
            n["recipient_code"],
            n["item_code"],
            PRIORITY_ORDER.get(n["priority"], rank),
            n["needed_by"],
            n["stated_on"],
            n["id"],
        )
    )
    before: dict[tuple[str, str], int] = defaultdict(int)
    for n in needs:
        key = (n["recipient_code"], n["item_code"])
        qty = n["quantity"]
        by = min(n["needed_by"], day)
        due_pool = float(sum(q for on, q in arrived.get(key, ()) if on <= by))
        if n["needed_by"] >= day:
            due_pool += sum(q for on, q in scheduled.get(key, ()) if day <= on <= n["needed_by"])
        ahead = before[key]
        before[key] += qty

        def allocate(pool: float, ahead: int = ahead, qty: int = qty) -> int:
            return round(min(max(pool - ahead, 0.0), float(qty)))

        n["pledged"] = allocate(counted.get(key, 0.0))
        n["delivered"] = allocate(got.get(key, 0.0))
        n["due"] = allocate(due_pool)
        n["open_quantity"] = qty - n["pledged"]
        n["short_by_date"] = qty - n["due"]
        n["status"] = coverage_status(qty, n["pledged"], n["due"])
        n["overdue"] = (day - n["needed_by"]).days > 0 and n["delivered"] < qty
    _need_values(needs, day)
    # the order of need_coverage's answer (sums are added in it)
    needs.sort(key=lambda n: (PRIORITY_ORDER.get(n["priority"], rank), n["needed_by"], n["id"]))
    return needs


def _need_values(needs: list[Row], day: dt.date) -> None:
    """``value``, ``open_value``, ``short_value`` (the quantity, open quantity and quantity
    short by date × the item's catalogue unit value in REPORT_CURRENCY at the ECB rate of
    ``day``) and ``rate_date``, as :func:`materiel.queries.coverage.need_coverage`."""
    rates: dict[str, tuple[float, dt.date]] = {}
    for n in needs:
        cur, unit_value = n["item_currency"], n["unit_value"]
        if cur is None or not _known(unit_value):
            unit, n["rate_date"] = float("nan"), None
        else:
            if cur not in rates:
                c = money.convert(1.0, str(cur), REPORT_CURRENCY, day)
                rates[cur] = (c.rate, c.rate_date)
            rate, n["rate_date"] = rates[cur]
            unit = float(unit_value) * rate
        n["value"] = n["quantity"] * unit
        n["open_value"] = n["open_quantity"] * unit
        n["short_value"] = n["short_by_date"] * unit


def needs_by_priority(needs: Iterable[Row]) -> list[Row]:
    """Per priority (critical, high, routine — always all three) as
    :func:`materiel.queries.needs.needs_by_priority`: counts, and values (never quantities:
    needs of different items are added by value only), dates as ISO strings."""
    sums = ("value", "open_value", "short_value")
    counts = {p: {"needs": 0, "uncovered": 0, "overdue": 0} for p in PRIORITIES}
    values: dict[str, dict[str, list[float]]] = {p: {c: [] for c in sums} for p in PRIORITIES}
    earliest: dict[Any, dt.date] = {}
    rate_dates: list[dt.date] = []
    for n in needs:
        p = str(n["priority"])
        if p not in counts:
            continue
        counts[p]["needs"] += 1
        counts[p]["overdue"] += int(n["overdue"])
        for c in sums:
            values[p][c].append(n[c])
        if n["rate_date"] is not None:
            rate_dates.append(n["rate_date"])
        if n["status"] != "covered":
            counts[p]["uncovered"] += 1
            earliest[p] = min(earliest.get(p, n["needed_by"]), n["needed_by"])
    rate_date = max(rate_dates).isoformat() if rate_dates else None
    return [
        {
            "priority": p,
            **counts[p],
            **{c: _round2(_group_sum(values[p][c])) for c in sums},
            "currency": REPORT_CURRENCY,
            "rate_date": rate_date,
            "earliest_needed_by": earliest[p].isoformat() if p in earliest else None,
        }
        for p in PRIORITIES
    ]


def short_by_item(needs: Iterable[Row]) -> list[Row]:
    """:func:`materiel.queries.figures.short_by_item`: per item, the quantity short by date
    (that item's units) and its value, largest value first."""
    qty: dict[str, int] = defaultdict(int)
    vals: dict[str, list[float]] = defaultdict(list)
    for n in needs:
        if n["short_by_date"] > 0:
            qty[n["item_code"]] += n["short_by_date"]
            vals[n["item_code"]].append(n["short_value"])
    totals = {item: _group_sum(v) for item, v in vals.items()}
    order = sorted(totals, key=lambda item: (-totals[item], item))
    return [
        {"item": item, "short_by_date": qty[item], "short_value": round(totals[item], 2)}
        for item in order
    ]


def _group_sum(values: Iterable[float]) -> float:
    """Σ as pandas' ``groupby(...).sum()`` gives it: missing values skipped, Kahan-compensated
    in the rows' order."""
    total, compensation = 0.0, 0.0
    for v in values:
        if not _known(v):
            continue
        y = float(v) - compensation
        t = total + y
        compensation = t - total - y
        total = t
    return total


def _round2(x: float) -> float:
    """``round(2)`` as pandas / numpy do it: scale, round half to even, unscale."""
    return round(x * 100.0) / 100.0


# -- pledges ----------------------------------------------------------------------------


def pledge_rows(session: Session, viewer: Principal, day: dt.date, currency: str) -> list[Row]:
    """The pledges the viewer may see announced on or before ``day`` with ``delivered``,
    ``late`` and ``value`` / ``delivered_value`` in ``currency`` at the ECB rate of
    ``day``, as :func:`materiel.queries.pledges.pledges_table` defines them."""
    stmt = (
        select(
            Pledge_.id,
            Pledge_.quantity,
            Pledge_.status,
            Pledge_.announced_on,
            Pledge_.due_by,
            Pledge_.value_amount,
            Pledge_.value_currency,
            Item_.unit_value,
            Item_.currency.label("item_currency"),
        )
        .join(Item.__table__, Item_.code == Pledge_.item_code)
        .where(Pledge_.announced_on <= day)
    )
    pledges = _rows(session, policy.row_filter(viewer, "pledge", stmt))
    dstmt = (
        select(Delivery_.pledge_id, func.sum(Delivery_.quantity))
        .where(Delivery_.delivered_on <= day)
        .group_by(Delivery_.pledge_id)
    )
    delivered = dict(session.execute(policy.row_filter(viewer, "delivery", dstmt)).all())
    rates: dict[str, float] = {}
    for p in pledges:
        done = int(delivered.get(p["id"], 0))
        p["delivered"] = done
        remaining = max(p["quantity"] - done, 0)
        p["late"] = (
            p["due_by"] is not None
            and (day - p["due_by"]).days > 0
            and remaining > 0
            and p["status"] not in CLOSED
        )
        stated = _known(p["value_amount"]) and p["value_currency"] is not None
        amount = (
            p["value_amount"]
            if stated
            else (p["quantity"] * p["unit_value"] if _known(p["unit_value"]) else None)
        )
        cur = p["value_currency"] if stated else p["item_currency"]
        if amount is None or cur is None:
            p["value"] = p["delivered_value"] = float("nan")
            continue
        if cur not in rates:
            rates[cur] = money.convert(1.0, str(cur), currency, day).rate
        p["value"] = float(amount) * rates[cur]
        p["delivered_value"] = p["value"] * done / p["quantity"]
    return pledges


# -- stocks -----------------------------------------------------------------------------


def _latest(rows: list[Row], day_key: str, id_key: str) -> dict[tuple[str, str], Row]:
    out: dict[tuple[str, str], Row] = {}
    for r in sorted(rows, key=lambda r: (r[day_key], r[id_key])):
        out[(r["nation_code"], r["item_code"])] = r
    return out


def stock_rows(session: Session, day: dt.date, viewer: Principal | None = None) -> list[Row]:
    """Per holder and item: the latest report and the target in force on ``day``
    (``quantity``, ``as_of``, ``target``, ``below_target``, ``stale``), restricted to what
    ``viewer`` may see in detail (None: every nation), as
    :func:`materiel.queries.stocks.stock_position` defines them."""
    rstmt = select(
        StockReport_.id,
        StockReport_.nation_code,
        StockReport_.item_code,
        StockReport_.quantity,
        StockReport_.as_of,
    ).where(StockReport_.as_of <= day)
    tstmt = select(
        StockTarget_.id,
        StockTarget_.nation_code,
        StockTarget_.item_code,
        StockTarget_.minimum,
        StockTarget_.effective_from,
    ).where(StockTarget_.effective_from <= day)
    if viewer is not None:
        rstmt = policy.row_filter(viewer, "stock_report", rstmt)
        tstmt = policy.row_filter(viewer, "stock_target", tstmt)
    reports = _latest(_rows(session, rstmt), "as_of", "id")
    targets = _latest(_rows(session, tstmt), "effective_from", "id")
    stale = stale_after_days()
    out = []
    for key in sorted(reports.keys() | targets.keys()):
        report, target = reports.get(key), targets.get(key)
        qty = report["quantity"] if report else None
        tgt = target["minimum"] if target else None
        on = report["as_of"] if report else None
        out.append(
            {
                "nation_code": key[0],
                "item_code": key[1],
                "quantity": qty,
                "as_of": on,
                "target": tgt,
                "below_target": qty is not None and tgt is not None and qty < tgt,
                "stale": on is not None and (day - on).days > stale,
            }
        )
    return out


def alliance_rows(
    session: Session, viewer: Principal, day: dt.date, every: list[Row] | None = None
) -> tuple[list[Row], int]:
    """The alliance totals the viewer may see (:func:`materiel.queries.stocks.
    alliance_totals`) and how many were suppressed. ``every``: :func:`stock_rows` of every
    nation when already read."""
    members = session.execute(select(AllianceMember_.alliance, AllianceMember_.nation_code)).all()
    groups: dict[str, list[str]] = defaultdict(list)
    for alliance, nation in members:
        groups[nation].append(alliance)
    for nation in session.scalars(select(Nation_.code)):
        if nation not in groups:
            groups[nation].append(NO_ALLIANCE)
    totals: dict[tuple[str, str], Row] = {}
    own = viewer.nation or ""
    for pos in every if every is not None else stock_rows(session, day):
        if pos["quantity"] is None:
            continue
        for alliance in groups.get(pos["nation_code"], ()):
            t = totals.setdefault(
                (alliance, pos["item_code"]),
                {
                    "alliance": alliance,
                    "item_code": pos["item_code"],
                    "nations": 0,
                    "others": 0,
                    "quantity": 0,
                    "target": 0,
                    "dates": [],
                },
            )
            t["nations"] += 1
            t["others"] += pos["nation_code"] != own
            t["quantity"] += pos["quantity"]
            t["target"] += pos["target"] or 0
            t["dates"].append(pos["as_of"])
    shown, suppressed = [], 0
    bound = policy.min_other_nations(viewer)
    for t in totals.values():
        if t["others"] < bound:
            suppressed += 1
            continue
        t["below_target"] = t["target"] > 0 and t["quantity"] / t["target"] < 1
        shown.append(t)
    return shown, suppressed


def _may_see_totals(viewer: Principal) -> bool:
    try:
        policy.require_totals(viewer)
    except Refused:
        return False
    return True


def below_target_count(session: Session, viewer: Principal, day: dt.date) -> int | None:
    """How many of the stock series the viewer sees in detail are below their target on
    ``day`` (``below_target`` of :func:`stock_figures`; None for analysts)."""
    if not _may_see_totals(viewer):
        return None
    policy.require_list(viewer, "stock_report")
    return sum(r["below_target"] for r in stock_rows(session, day, viewer))


def stock_figures(session: Session, viewer: Principal, day: dt.date) -> dict[str, Any] | None:
    """Stocks against targets as the viewer may see them (None for analysts): see
    :func:`materiel.queries.figures.stock_figures`."""
    if not _may_see_totals(viewer):
        return None
    policy.require_list(viewer, "stock_report")
    pos = stock_rows(session, day, viewer)
    reported = [r for r in pos if r["as_of"] is not None]
    below = [r for r in pos if r["below_target"]]
    # staff see every nation's detail: the same rows
    totals, suppressed = alliance_rows(session, viewer, day, pos if viewer.is_staff else None)
    out: dict[str, Any] = {
        "series": len(reported),
        "below_target": len(below),
        "reports_dated": date_span(r["as_of"] for r in reported),
        "stale": sum(r["stale"] for r in reported),
        "stale_after_days": stale_after_days(),
        "alliance_rows": len(totals),
        "alliance_rows_below": sum(t["below_target"] for t in totals),
        "alliance_suppressed": suppressed,
        "alliance_reports_dated": date_span(d for t in totals for d in t["dates"]),
    }
    if viewer.is_staff:
        donors = set(session.scalars(select(Nation_.code).where(Nation_.is_donor.is_(True))))
        codes = sorted({r["nation_code"] for r in below if r["nation_code"] in donors})
        out["donors_reporting"] = len({r["nation_code"] for r in pos if r["nation_code"] in donors})
        out["donors_below_target"] = len(codes)
        out["donors_below_target_codes"] = [str(c) for c in codes]
    return out


# -- funds ------------------------------------------------------------------------------


def _instalments_due(start: dt.date, end: dt.date, on: dt.date) -> float:
    """Share of an order's weekly instalments (start to end inclusive) due by ``on``."""
    weeks = max((end - start).days // 7 + 1, 1)
    done = max((on - start).days // 7 + 1, 0)
    return min(done, weeks) / weeks


def fund_rows(session: Session, viewer: Principal, day: dt.date) -> list[Row]:
    """Per fund, in its currency: budget, ordered, spent, committed, remaining, orders and
    the span of ECB rate dates used, as :func:`materiel.queries.funds.fund_position`."""
    policy.require_list(viewer, "fund")
    funds = _rows(
        session,
        select(
            Fund_.code,
            Fund_.name,
            Fund_.kind,
            Fund_.currency,
            Fund_.budget,
            Fund_.period_start,
            Fund_.period_end,
            Fund_.synthetic,
        ).order_by(Fund_.code),
    )
    if not funds:
        return []
    policy.require_list(viewer, "purchase_order")
    orders = session.execute(
        select(
            Order_.fund_code,
            Order_.quantity,
            Order_.unit_price,
            Order_.currency,
            Order_.placed_on,
            Order_.delivery_start,
            Order_.delivery_end,
            Fund_.currency,
        )
        .join(Fund.__table__, Fund_.code == Order_.fund_code)
        .join(ProductionLine.__table__, ProductionLine_.code == Order_.line_code)
        .where(Order_.placed_on <= day)
    ).all()
    agg: dict[str, Row] = {}
    for fund, qty, price, cur, placed, start, end, fund_cur in orders:
        a = agg.setdefault(
            fund, {"ordered": 0.0, "spent": 0.0, "committed": 0.0, "orders": 0, "dates": []}
        )
        a["orders"] += 1
        if not (_known(qty) and _known(price) and cur and placed):
            continue  # no value: left out of the sums, as pandas' sum skips NaN
        c = money.convert(1.0, str(cur), str(fund_cur), placed)
        value = qty * price * c.rate
        spent = value * _instalments_due(start, end, day)
        a["ordered"] += value
        a["spent"] += spent
        a["committed"] += value - spent
        a["dates"].append(c.rate_date)
    out = []
    for f in funds:
        found = agg.get(f["code"])
        a = found or {}
        ordered = a["ordered"] if found else 0.0
        out.append(
            {
                "code": f["code"],
                "name": f["name"],
                "kind": f["kind"],
                "currency": f["currency"],
                "budget": f["budget"],
                "ordered": ordered,
                "spent": a["spent"] if a else 0.0,
                "committed": a["committed"] if a else 0.0,
                "remaining": f["budget"] - ordered,
                "orders": a["orders"] if a else 0,
                "period_start": f["period_start"].isoformat() if f["period_start"] else None,
                "period_end": f["period_end"].isoformat() if f["period_end"] else None,
                "rate_dates": date_span(a["dates"]) if a else None,
                "synthetic": bool(f["synthetic"]),
            }
        )
    return out


def remaining_in(funds: list[Row], on: dt.date, currency: str = REPORT_CURRENCY) -> float:
    """Σ ``remaining`` of :func:`fund_rows` in ``currency`` at the ECB rate of ``on``."""
    by_currency: dict[str, float] = defaultdict(float)
    for f in funds:
        by_currency[str(f["currency"])] += f["remaining"]
    return float(
        sum(money.convert(v, c, currency, on).amount for c, v in sorted(by_currency.items()))
    )


# -- the latest plan --------------------------------------------------------------------


def _by(rows: list[Row], key: str, sums: tuple[str, ...]) -> dict[Any, Row]:
    out: dict[Any, Row] = {}
    for r in sorted(rows, key=lambda r: r[key]):
        g = out.setdefault(r[key], {key: r[key], **dict.fromkeys(sums, 0)})
        for c in sums:
            if _known(r.get(c)):
                g[c] += r[c]
    return out


def plan_figures(session: Session, viewer: Principal, day: dt.date) -> dict[str, Any] | None:
    """The latest plan's figures (:func:`materiel.queries.runs.latest_plan` but its
    ``results``; dates as ISO strings), None when there is none."""
    policy.require_planner(viewer)
    # only the parts of the stored results the figures use (the whole is megabytes)
    paths = {
        "params": ("params",),
        "rate_date": ("rate_date",),
        "synthetic": ("synthetic",),
        **{name: ("tables", name) for name in TABLED},
    }
    res = PlanRun_.results
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:  # one json_extract of every path: SQLite parses the document once per call
        wanted: list[Any] = [
            func.json_extract(
                res, *("$." + ".".join(f'"{k}"' for k in path) for path in paths.values())
            ).label("parts")
        ]
    else:
        wanted = [res[path if len(path) > 1 else path[0]].label(k) for k, path in paths.items()]
    found = (
        session.execute(
            select(
                PlanRun_.id,
                PlanRun_.as_of,
                PlanRun_.created_at,
                PlanRun_.scenario,
                PlanRun_.horizon_weeks,
                PlanRun_.status,
                PlanRun_.objective,
                PlanRun_.build_seconds,
                PlanRun_.solve_seconds,
                PlanRun_.snapshot_hash,
                *wanted,
            )
            .where(PlanRun_.as_of <= day, PlanRun_.status == OPTIMAL)
            .order_by(PlanRun_.as_of.desc(), PlanRun_.id.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    if found is None:
        return None
    run = dict(found)
    if sqlite:
        parts = run.pop("parts")
        run.update(zip(paths, json.loads(parts) if parts else [None] * len(paths), strict=True))
    need_met: list[Row] = run["need_met"] or []
    transfers: list[Row] = run["transfers"] or []
    orders: list[Row] = run["orders"] or []
    valued = any("value_due" in r for r in need_met)
    critical = [r for r in need_met if r.get("priority") == "critical"]
    share, due, met, items = None, 0.0, 0.0, []
    if critical and valued:
        due = float(sum(r["value_due"] for r in critical if _known(r.get("value_due"))))
        met = float(sum(r["value_met"] for r in critical if _known(r.get("value_met"))))
        share = met / due if due > 0 else None
        for g in _by(critical, "item", ("due", "met", "value_due")).values():
            g["share"] = g["met"] / (g["due"] if g["due"] > 0 else 1.0)
            items.append(g)
        items.sort(key=lambda g: -g["value_due"])
    by_priority = []
    if need_met and valued:
        order = {p: k for k, p in enumerate(PRIORITIES)}
        for g in _by(need_met, "priority", ("value_due", "value_met")).values():
            g["share"] = g["value_met"] / (g["value_due"] if g["value_due"] > 0 else 1.0)
            by_priority.append(g)
        by_priority.sort(key=lambda g: order.get(g["priority"], 9))
    value = {r["item"]: r["unit_value"] for r in need_met + (run["consumption_met"] or [])}
    transfer_value = float(
        sum(
            t["quantity"] * (value[t["item"]] if _known(value.get(t["item"])) else 0.0)
            for t in transfers
        )
    )
    return {
        "id": run["id"],
        "as_of": run["as_of"].isoformat(),
        "created_at": run["created_at"].isoformat(),
        "scenario": run["scenario"],
        "horizon_weeks": run["horizon_weeks"],
        "status": run["status"],
        "optimal": run["status"] == OPTIMAL,
        "objective": run["objective"],
        "build_seconds": run["build_seconds"],
        "solve_seconds": run["solve_seconds"],
        "snapshot_hash": run["snapshot_hash"],
        "readiness_weight": (run["params"] or {}).get("readiness_weight"),
        "currency": "USD",
        "rate_date": run["rate_date"] or run["as_of"].isoformat(),
        "critical_share": share,
        "critical_percent": None if share is None else 100.0 * share,
        "critical_value_due": due,
        "critical_value_met": met,
        "critical_items": items,
        "need_by_priority": by_priority,
        "transfers": len(transfers),
        "transfer_value": transfer_value,
        "orders": len(orders),
        "orders_after_horizon": int(sum(bool(o.get("after_horizon")) for o in orders)),
        "before_issue_13": run["need_met"] is None,
        "synthetic": bool(run["synthetic"]),
    }


# -- all of them ------------------------------------------------------------------------


def headline_parts(
    session: Session, viewer: Principal, day: dt.date, currency: str = REPORT_CURRENCY
) -> dict[str, Any]:
    """The ``needs`` and ``pledges`` parts of :func:`key_figures`, its ``funds`` rows and
    ``funds_remaining``: what the comparison between meetings reads too
    (:func:`materiel.queries.headline_figures`)."""
    needs = need_rows(session, viewer, day)
    by_priority = needs_by_priority(needs)
    # need values are in REPORT_CURRENCY at the rate of ``day``; the same rate date here
    to_currency = 1.0 if currency == REPORT_CURRENCY else money.rate(REPORT_CURRENCY, currency, day)
    if to_currency != 1.0:
        for row in by_priority:
            for c in ("value", "open_value", "short_value"):
                row[c] *= to_currency
            row["currency"] = currency
    pledges = pledge_rows(session, viewer, day, currency)
    alive = [p for p in pledges if p["status"] != CANCELLED]
    pledged_value = fsum_like_pandas(p["value"] for p in alive)
    delivered_value = fsum_like_pandas(p["delivered_value"] for p in alive)
    by_status: dict[str, int] = defaultdict(int)
    for p in pledges:
        by_status[str(p["status"])] += 1
    funds = fund_rows(session, viewer, day)
    return {
        "needs": {
            "total": len(needs),
            "uncovered": sum(n["status"] != "covered" for n in needs),
            "uncovered_by_priority": {r["priority"]: r["uncovered"] for r in by_priority},
            "overdue": sum(n["overdue"] for n in needs),
            "open_value": round(fsum_like_pandas(n["open_value"] for n in needs) * to_currency, 2),
            "short_value": round(
                fsum_like_pandas(n["short_value"] for n in needs) * to_currency, 2
            ),
            "currency": currency,
            "rate_date": money.rate_date(day).isoformat(),
            "short_by_item": short_by_item(needs),
            "by_priority": by_priority,
            "stated": date_span(n["stated_on"] for n in needs),
        },
        "pledges": {
            "total": len(pledges),
            "by_status": dict(sorted(by_status.items())),
            "live": len(alive),
            "late": sum(p["late"] for p in pledges),
            "pledged_value": round(pledged_value, 2),
            "delivered_value": round(delivered_value, 2),
            "delivered_share": delivered_value / pledged_value if pledged_value else 0.0,
            "currency": currency,
            "rate_date": money.rate_date(day).isoformat(),
            "announced": date_span(p["announced_on"] for p in pledges),
        },
        "funds": funds,
        "funds_remaining": round(remaining_in(funds, day, currency), 2),
    }


def key_figures(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> dict[str, Any]:
    """The key figures as the viewer may see them, as of ``as_of`` (default today), as a
    JSON-ready dict (docs/figures.md, "Key figures"); the one implementation behind
    :func:`materiel.queries.key_figures` (Overview, ``GET /figures``, the brief) and
    ``materiel status``:

    - ``needs``: stated on or before ``as_of``: ``total``, ``uncovered`` (not all there by
      their date), ``uncovered_by_priority``, ``overdue``, ``open_value`` (not pledged)
      and ``short_value`` (short by their date) in ``currency`` at the ECB rate of
      ``rate_date`` (catalogue unit values: needs of different items are added by value,
      never by quantity), ``short_by_item`` (per item, in its own units), ``by_priority``
      (rows of :func:`needs_by_priority`);
    - ``pledges`` (visible, announced on or before ``as_of``): ``total``, ``by_status``,
      ``live`` (not cancelled), ``late``, ``pledged_value`` and ``delivered_value`` of the
      live ones in ``currency`` at the ECB rate of ``as_of`` (``rate_date``),
      ``delivered_share``;
    - ``stocks``: :func:`stock_figures` (None for analysts);
    - ``funds``: the funds' positions (:func:`fund_rows`); ``funds_remaining`` in
      ``currency``;
    - ``plan``: the latest plan's share of critical need met by value (staff only, else
      None);
    - ``records``: visible record counts; ``synthetic``.
    """
    day = resolve(as_of)
    parts = headline_parts(session, viewer, day, currency)
    return {
        "as_of": day.isoformat(),
        "viewer": {"role": viewer.role, "nation": viewer.nation},
        "records": record_counts(session, viewer),
        "needs": parts["needs"],
        "pledges": parts["pledges"],
        "stocks": stock_figures(session, viewer, day),
        "funds": parts["funds"],
        "funds_remaining": parts["funds_remaining"],
        "plan": plan_figures(session, viewer, day) if viewer.is_staff else None,
        "synthetic": synthetic(session),
    }
