"""What arrives for a recipient's item and by when, and the cover of each need by its date
(queries.arrivals, queries.need_cover) on a hand-built record set, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.policy import LOCAL as C
from materiel.db import read_session
from materiel.queries import arrivals, need_cover, needs_table
from materiel.records import Fund, Item, Nation, Need, Order, Organisation, Pledge, ProductionLine
from materiel.services import writer

D = dt.date(2026, 3, 2)  # a Monday: the as-of date
ITEM = "ammo.artillery.155mm"
DEU = Principal(9, "berlin", "donor", "DEU")


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


@pytest.fixture
def world(engine: Engine) -> Engine:
    with writer(engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        for code in ("DEU", "FRA"):
            w.create(Nation, code=code, name=code, is_donor=True)
        w.create(
            Item, code=ITEM, name="155", category="artillery-ammunition", unit="round", unit_value=1
        )
        for ref, prio, by in (("N-A", "critical", 30), ("N-B", "high", 60)):
            w.create(
                Need,
                ref=ref,
                recipient_code="UKR",
                item_code=ITEM,
                quantity=100,
                priority=prio,
                needed_by=day(by),
                stated_on=day(-10),
            )

        def pledge(ref: str, donor: str, qty: int, due: int, status: str, **kw: object) -> Pledge:
            p = w.create(
                Pledge,
                ref=ref,
                donor_code=donor,
                recipient_code="UKR",
                item_code=ITEM,
                quantity=qty,
                announced_on=day(-20),
                due_by=day(due),
                **kw,
            )
            if status != "announced":
                w.transition_pledge(p, status)
            return p

        p1 = pledge("P1", "DEU", 80, 20, "committed")
        w.record_delivery(p1, ref="D1", quantity=50, delivered_on=day(-5))
        pledge("P2", "DEU", 100, 10, "announced")  # merely announced: never due
        pledge("P3", "FRA", 40, 40, "committed", confidential=True)
        w.create(Organisation, code="ACME", name="Acme", kind="producer_large")
        w.create(
            ProductionLine,
            code="L1",
            producer_code="ACME",
            item_code=ITEM,
            weekly_capacity=100,
            unit_price=1.0,
            currency="EUR",
            lead_time_weeks=1,
        )
        w.create(
            Fund,
            code="F1",
            name="fund",
            kind="collective",
            budget=1e6,
            currency="EUR",
            destination="recipient",
            recipient_code="UKR",
            period_start=day(-30),
            period_end=day(300),
        )
        w.create(
            Order,
            ref="O1",
            fund_code="F1",
            line_code="L1",
            quantity=40,
            unit_price=1.0,
            currency="EUR",
            placed_on=day(-1),
            delivery_start=day(7),
            delivery_end=day(28),
            destination_code="UKR",
        )
    return engine


def test_arrivals_by_date_and_kind(world: Engine) -> None:
    with read_session(world) as s:
        a = arrivals(s, C, recipient="UKR", item=ITEM, as_of=D)
    rows = [(r.date, r.kind, r.quantity, r.ref) for r in a.itertuples()]
    assert rows == [
        (day(-5), "delivered", 50, "D1"),
        (day(7), "order arrival", 10, "O1"),
        (day(14), "order arrival", 10, "O1"),
        (day(20), "pledge due", 30, "P1"),
        (day(21), "order arrival", 10, "O1"),
        (day(28), "order arrival", 10, "O1"),
        (day(40), "pledge due", 40, "P3"),
    ]
    assert a["cumulative"].iloc[-1] == 160
    with read_session(world) as s:  # the confidential FRA pledge is not the DEU donor's
        assert "P3" not in set(arrivals(s, DEU, recipient="UKR", item=ITEM, as_of=D)["ref"])


def test_cover_of_each_need_by_its_date(world: Engine) -> None:
    with read_session(world) as s:
        cover = need_cover(s, C, recipient="UKR", item=ITEM, as_of=D).set_index("ref")
        coverage = needs_table(s, C, as_of=D).set_index("ref")
        donor = need_cover(s, DEU, recipient="UKR", item=ITEM, as_of=D).set_index("ref")
    a, b = cover.loc["N-A"], cover.loc["N-B"]
    # N-A (critical, by day 30): the delivery, P1's rest, then two orders' instalments
    assert (a["by_date_delivered"], a["by_date_pledge_due"], a["by_date_order_arrival"]) == (
        50,
        30,
        20,
    )
    assert (a["by_date"], a["gap"]) == (100, 0)
    # N-B (by day 60) takes what N-A leaves: 20 of the pledges, the other 40 of the orders
    assert (b["by_date_pledge_due"], b["by_date_order_arrival"], b["gap"]) == (20, 40, 40)
    # delivered and due on pledges equal the coverage's "due by its date"
    for ref in ("N-A", "N-B"):
        row = cover.loc[ref]
        assert row["by_date_delivered"] + row["by_date_pledge_due"] == coverage.loc[ref, "due"]
    # without the confidential pledge the donor sees N-B get only what the orders leave
    nb = donor.loc["N-B"]
    assert (nb["by_date_pledge_due"], nb["by_date_order_arrival"], nb["gap"]) == (0, 20, 80)
