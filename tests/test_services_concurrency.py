"""Concurrent writers cannot together deliver more than a pledge, nor fork the audit chain."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select

from materiel.db import get_engine, read_session
from materiel.records import Delivery, Item, Nation, Pledge
from materiel.services import DomainError, Writer, verify_chain, writer

ITEM = "ammo.artillery.155mm"
DAY = dt.date(2025, 2, 1)
THREADS = 6
EACH = 30
PLEDGED = 100  # room for three deliveries of 30, not four


@pytest.fixture
def pledge(engine: Engine) -> Engine:
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
        w.create(
            Pledge,
            ref="P-1",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=ITEM,
            quantity=PLEDGED,
            announced_on=DAY,
        )
    return engine


def _via_record_delivery(w: Writer, ref: str) -> None:
    w.record_delivery(w.get(Pledge, ref="P-1"), ref=ref, quantity=EACH, delivered_on=DAY)


def _via_create(w: Writer, ref: str) -> None:
    pledge_id = w.get(Pledge, ref="P-1").id
    w.create(Delivery, ref=ref, pledge_id=pledge_id, quantity=EACH, delivered_on=DAY)


@pytest.mark.parametrize("deliver", [_via_record_delivery, _via_create], ids=["record", "create"])
def test_concurrent_deliveries_never_exceed_the_pledge(
    pledge: Engine, deliver: Callable[[Writer, str], None]
) -> None:
    url = pledge.url.render_as_string(hide_password=False)
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        eng = get_engine(url, fresh=True)
        try:
            barrier.wait()
            with writer(eng, actor=f"w{n}") as w:
                deliver(w, f"D-{n}")
            result = "ok"
        except DomainError:
            result = "refused"
        except Exception as exc:  # a serialisation failure is acceptable, a wrong total not
            result = f"error: {type(exc).__name__}"
        finally:
            eng.dispose()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == THREADS
    with read_session(pledge) as s:
        total = int(s.scalar(select(func.coalesce(func.sum(Delivery.quantity), 0))) or 0)
        n = int(s.scalar(select(func.count(Delivery.id))) or 0)
        report = verify_chain(s)
    # room for exactly three: three writes succeed and three are refused by the rule (a
    # lock wait is not a failure; an error of any other kind is)
    assert outcomes.count("ok") == PLEDGED // EACH, outcomes
    assert outcomes.count("refused") == THREADS - PLEDGED // EACH, outcomes
    assert total == EACH * n == EACH * outcomes.count("ok") <= PLEDGED
    assert report.ok, report.problems
