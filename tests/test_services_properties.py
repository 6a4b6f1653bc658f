"""Model invariants of the write path, as hypothesis properties on SQLite and PostgreSQL:
deliveries never exceed pledges, the lifecycle never skips a state, and the audit chain
verifies after any sequence of writes."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from materiel.db import read_session
from materiel.records import AuditEvent, Delivery, Item, Nation, Need, Pledge, PledgeStatus
from materiel.services import DomainError, verify_chain, writer
from materiel.services.lifecycle import ALLOWED

ITEM = "ammo.artillery.155mm"
DAY = dt.date(2025, 1, 6)
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_refs = itertools.count()


def _ref(prefix: str) -> str:
    return f"{prefix}-{next(_refs)}"


def _ensure_base(engine: Engine) -> None:
    with read_session(engine) as s:
        if s.get(Item, ITEM) is not None:
            return
    with writer(engine, actor="setup") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(
            Item,
            code=ITEM,
            name="155 mm round",
            category="artillery-ammunition",
            unit="round",
            unit_value=4000,
            currency="USD",
        )


def _new_pledge(engine: Engine, quantity: int) -> str:
    ref = _ref("P")
    with writer(engine, actor="test") as w:
        w.create(
            Pledge,
            ref=ref,
            donor_code="DEU",
            recipient_code="UKR",
            item_code=ITEM,
            quantity=quantity,
            announced_on=DAY,
        )
    return ref


def _counts(engine: Engine, pledge_ref: str) -> tuple[int, int, int]:
    """(number of deliveries, their total, number of audit events) for a pledge."""
    with read_session(engine) as s:
        pid = s.scalar(select(Pledge.id).where(Pledge.ref == pledge_ref))
        n, total = s.execute(
            select(func.count(Delivery.id), func.coalesce(func.sum(Delivery.quantity), 0)).where(
                Delivery.pledge_id == pid
            )
        ).one()
        events = s.scalar(select(func.count(AuditEvent.id)))
    return int(n), int(total), int(events or 0)


@pytest.fixture
def base(engine: Engine) -> Engine:
    _ensure_base(engine)
    return engine


@SETTINGS
@given(
    quantity=st.integers(min_value=1, max_value=1000),
    attempts=st.lists(st.integers(min_value=-10, max_value=700), min_size=1, max_size=8),
)
def test_deliveries_never_exceed_the_pledge(
    base: Engine, quantity: int, attempts: list[int]
) -> None:
    ref = _new_pledge(base, quantity)
    delivered = 0
    for i, qty in enumerate(attempts):
        before = _counts(base, ref)
        accepted = True
        try:
            with writer(base, actor="test") as w:
                pledge = w.get(Pledge, ref=ref)
                w.record_delivery(
                    pledge, ref=_ref("D"), quantity=qty, delivered_on=DAY + dt.timedelta(days=i)
                )
        except DomainError as exc:
            accepted = False
            assert exc.entity == "delivery" and exc.field in ("quantity", "pledge")
        after = _counts(base, ref)
        assert accepted == (0 < qty <= quantity - delivered)
        if accepted:
            delivered += qty
            assert after[0] == before[0] + 1
            assert after[2] > before[2]
        else:
            assert after == before  # a refused delivery writes nothing, not even audit
        assert after[1] == delivered <= quantity
    with read_session(base) as s:
        status = s.scalars(select(Pledge.status).where(Pledge.ref == ref)).one()
    if delivered == quantity:
        assert status == "delivered"
    elif delivered > 0:
        assert status == "delivering"
    else:
        assert status == "announced"


ORDER = ["announced", "committed", "delivering", "delivered"]


def _model_transition(current: str, target: str) -> str | None:
    """What transition_pledge should do: the new status, or None when refused."""
    if target == current:
        return current
    if current in ("delivered", "cancelled"):
        return None
    if target == "cancelled":
        return "cancelled"
    if ORDER.index(target) > ORDER.index(current):
        return target
    return None


STATUSES = [s.value for s in PledgeStatus]
OPS = st.one_of(
    st.tuples(st.just("transition"), st.sampled_from(STATUSES)),
    st.tuples(st.just("update"), st.sampled_from(STATUSES)),
    st.tuples(st.just("deliver"), st.integers(min_value=1, max_value=60)),
)


@SETTINGS
@given(ops=st.lists(OPS, min_size=1, max_size=10))
def test_lifecycle_never_skips_a_state(base: Engine, ops: list[tuple[str, Any]]) -> None:
    quantity = 100
    ref = _new_pledge(base, quantity)
    status, delivered = "announced", 0
    for kind, arg in ops:
        try:
            with writer(base, actor="test") as w:
                pledge = w.get(Pledge, ref=ref)
                if kind == "transition":
                    w.transition_pledge(pledge, arg)
                elif kind == "update":
                    w.update(pledge, status=arg)
                else:
                    w.record_delivery(pledge, ref=_ref("D"), quantity=arg, delivered_on=DAY)
            ok = True
        except DomainError:
            ok = False
        # an independent model of what should have happened
        if kind == "transition":
            expected = _model_transition(status, arg)
        elif kind == "update":
            one_step = arg == status or PledgeStatus(arg) in ALLOWED[PledgeStatus(status)]
            expected = arg if one_step else None
        else:
            fits = status != "cancelled" and delivered + arg <= quantity
            expected = None
            if fits:
                delivered += arg
                expected = (
                    status
                    if status == "delivered"
                    else ("delivered" if delivered == quantity else "delivering")
                )
        assert ok == (expected is not None), (kind, arg, status)
        if expected is not None:
            status = expected
        with read_session(base) as s:
            assert s.scalars(select(Pledge.status).where(Pledge.ref == ref)).one() == status
    # every stored status change is one allowed step
    with read_session(base) as s:
        events = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity == "pledge", AuditEvent.entity_key == ref)
            .order_by(AuditEvent.seq)
        ).all()
    steps = [
        (e.before["status"], e.after["status"])
        for e in events
        if e.action == "update"
        and e.before is not None
        and e.after is not None
        and e.before["status"] != e.after["status"]
    ]
    trail = ["announced"] + [b for _, b in steps]
    for before, after in steps:
        assert PledgeStatus(after) in ALLOWED[PledgeStatus(before)], (before, after)
    assert [a for a, _ in steps] == trail[:-1]  # the steps chain up, none is missing
    assert trail[-1] == status


WRITE_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("create_need"), st.integers(min_value=-5, max_value=500)),
        st.tuples(st.just("update_need"), st.integers(min_value=-5, max_value=500)),
        st.tuples(st.just("delete_need"), st.just(0)),
        st.tuples(st.just("create_pledge"), st.integers(min_value=0, max_value=500)),
        st.tuples(st.just("bad_nation"), st.just(0)),
    ),
    min_size=1,
    max_size=10,
)


@SETTINGS
@given(ops=WRITE_OPS)
def test_audit_chain_verifies_after_any_sequence_of_writes(
    base: Engine, ops: list[tuple[str, int]]
) -> None:
    needs: list[str] = []
    for kind, qty in ops:
        created: str | None = None
        with read_session(base) as s:
            events_before = int(s.scalar(select(func.count(AuditEvent.id))) or 0)
        try:
            with writer(base, actor="prop") as w:
                if kind == "create_need":
                    ref = _ref("N")
                    w.create(
                        Need,
                        ref=ref,
                        recipient_code="UKR",
                        item_code=ITEM,
                        quantity=qty,
                        priority="high",
                        needed_by=DAY,
                        stated_on=DAY,
                    )
                    created = ref
                elif kind == "update_need" and needs:
                    w.update(w.get(Need, ref=needs[-1]), quantity=qty)
                elif kind == "delete_need" and needs:
                    w.delete(w.get(Need, ref=needs[-1]))
                elif kind == "create_pledge":
                    w.create(
                        Pledge,
                        ref=_ref("P"),
                        donor_code="DEU",
                        recipient_code="UKR",
                        item_code=ITEM,
                        quantity=qty,
                        announced_on=DAY,
                    )
                elif kind == "bad_nation":
                    w.create(Nation, code="DEU", name="duplicate")
            ok = True
        except DomainError:
            ok = False
        if ok and created:
            needs.append(created)
        with read_session(base) as s:
            events_after = int(s.scalar(select(func.count(AuditEvent.id))) or 0)
            report = verify_chain(s)
        assert report.ok, report.problems
        assert report.events == events_after
        if ok and kind == "delete_need" and needs:
            needs.pop()
        if not ok:
            assert events_after == events_before


@SETTINGS
@given(ops=WRITE_OPS)
def test_audit_chain_verifies_when_refusals_are_caught_inside_one_transaction(
    base: Engine, ops: list[tuple[str, int]]
) -> None:
    """Refused writes caught by the caller leave the rest of the transaction chained."""
    with read_session(base) as s:
        events_before = int(s.scalar(select(func.count(AuditEvent.id))) or 0)
    accepted = 0
    with writer(base, actor="batch") as w:
        needs: list[str] = []
        for kind, qty in ops:
            try:
                if kind == "create_need":
                    ref = _ref("N")
                    w.create(
                        Need,
                        ref=ref,
                        recipient_code="UKR",
                        item_code=ITEM,
                        quantity=qty,
                        priority="routine",
                        needed_by=DAY,
                        stated_on=DAY,
                    )
                    needs.append(ref)
                elif kind == "update_need" and needs:
                    before = w.get(Need, ref=needs[-1]).quantity
                    w.update(w.get(Need, ref=needs[-1]), quantity=qty)
                    if before == qty:
                        continue  # no change, no event
                elif kind == "delete_need" and needs:
                    w.delete(w.get(Need, ref=needs.pop()))
                elif kind == "create_pledge":
                    w.create(
                        Pledge,
                        ref=_ref("P"),
                        donor_code="DEU",
                        recipient_code="UKR",
                        item_code=ITEM,
                        quantity=qty,
                        announced_on=DAY,
                    )
                elif kind == "bad_nation":
                    w.create(Nation, code="DEU", name="duplicate")
                else:
                    continue
                accepted += 1
            except DomainError:
                pass  # the caller goes on with the rest of the transaction
    with read_session(base) as s:
        report = verify_chain(s)
        events_after = int(s.scalar(select(func.count(AuditEvent.id))) or 0)
        leaked = int(s.scalar(select(func.count(Need.id)).where(Need.quantity <= 0)) or 0)
    assert report.ok, report.problems
    assert events_after - events_before == accepted
    assert leaked == 0  # a refused update left nothing behind
