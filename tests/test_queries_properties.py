"""Coverage invariants for any set of needs and pledges (hypothesis, both backends): the
pledged, delivered and due-by-date figures of docs/figures.md."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from materiel.access.policy import LOCAL as C
from materiel.db import read_session
from materiel.queries import coverage_status, need_coverage
from materiel.queries.coverage import PRIORITY_ORDER
from materiel.records import Item, Nation, Need, Pledge
from materiel.services import writer

DAY = dt.date(2025, 1, 6)
_items = itertools.count()

NEEDS = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=500),
        st.sampled_from(list(PRIORITY_ORDER)),
        st.integers(min_value=0, max_value=60),  # needed-by offset in days
    ),
    min_size=1,
    max_size=6,
)
PLEDGES = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=800),
        st.sampled_from(["announced", "committed", "cancelled"]),
        st.integers(min_value=0, max_value=60),  # due-by offset in days
    ),
    max_size=4,
)
Pledges = list[tuple[int, str, int]]


def _load(engine: Engine, needs: list[tuple[int, str, int]], pledges: Pledges) -> str:
    code = f"ammo.test.{next(_items)}"
    with writer(engine, actor="prop") as w:
        if w.session.get(Nation, "UKR") is None:
            w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
            w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(
            Item, code=code, name=code, category="artillery-ammunition", unit="round", unit_value=1
        )
        for i, (qty, prio, days) in enumerate(needs):
            w.create(
                Need,
                ref=f"{code}-N{i}",
                recipient_code="UKR",
                item_code=code,
                quantity=qty,
                priority=prio,
                needed_by=DAY + dt.timedelta(days=days),
                stated_on=DAY,
            )
        for i, (qty, status, days) in enumerate(pledges):
            p = w.create(
                Pledge,
                ref=f"{code}-P{i}",
                donor_code="DEU",
                recipient_code="UKR",
                item_code=code,
                quantity=qty,
                announced_on=DAY,
                due_by=DAY + dt.timedelta(days=days),
            )
            if status != "announced":
                w.transition_pledge(p, status)
    return code


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(needs=NEEDS, pledges=PLEDGES)
def test_coverage_allocates_live_pledges_by_priority(
    engine: Engine, needs: list[tuple[int, str, int]], pledges: Pledges
) -> None:
    code = _load(engine, needs, pledges)
    with read_session(engine) as s:
        df = need_coverage(s, C, recipient="UKR", as_of=DAY)
    df = df.loc[df["item_code"] == code]
    live = sum(q for q, status, _ in pledges if status != "cancelled")
    total = sum(q for q, _, _ in needs)
    assert len(df) == len(needs)
    assert int(df["pledged"].sum()) == min(live, total)
    assert ((df["pledged"] >= 0) & (df["pledged"] <= df["quantity"])).all()
    # what is there by the date never exceeds what is pledged; nothing was delivered
    assert (df["due"] <= df["pledged"]).all() and (df["delivered"] == 0).all()
    assert (df["open_quantity"] == df["quantity"] - df["pledged"]).all()
    assert (df["short_by_date"] == df["quantity"] - df["due"]).all()
    for row in df.itertuples():
        assert row.status == coverage_status(row.quantity, row.pledged, row.due)
        # only committed pledges due by the need's date can make it there in time
        in_time = sum(
            q
            for q, status, days in pledges
            if status == "committed" and days <= (row.needed_by - DAY).days
        )
        assert row.due <= in_time
    # nothing goes to a less urgent need while a more urgent one is short
    rank = df["priority"].map(PRIORITY_ORDER)
    for r in range(3):
        if (df.loc[rank == r, "open_quantity"] > 0).any():
            assert (df.loc[rank > r, "pledged"] == 0).all()


def test_coverage_as_of_a_day_uses_only_what_was_known_then(engine: Engine) -> None:
    code = _load(engine, [(100, "critical", 10), (50, "routine", 20)], [(60, "announced", 5)])
    later = DAY + dt.timedelta(days=10)
    with writer(engine, actor="prop") as w:
        w.create(
            Pledge,
            ref=f"{code}-LATE",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=code,
            quantity=70,
            announced_on=later,
        )
        w.create(
            Need,
            ref=f"{code}-NLATE",
            recipient_code="UKR",
            item_code=code,
            quantity=5,
            priority="critical",
            needed_by=later,
            stated_on=later,
        )
    with read_session(engine) as s:
        before = need_coverage(s, C, recipient="UKR", as_of=DAY - dt.timedelta(days=1))
        then = need_coverage(s, C, recipient="UKR", as_of=DAY)
        now = need_coverage(s, C, recipient="UKR")
    assert before.loc[before["item_code"] == code].empty  # nothing stated yet
    then = then.loc[then["item_code"] == code].set_index("ref")
    assert list(then.index) == [f"{code}-N0", f"{code}-N1"]  # the later need is unknown
    assert then["pledged"].tolist() == [60, 0]  # only the pledge announced by then
    now = now.loc[now["item_code"] == code].set_index("ref")
    # today: 130 pledged covers both critical needs (105) first, then 25 of the routine one
    assert now.loc[[f"{code}-N0", f"{code}-NLATE", f"{code}-N1"], "pledged"].tolist() == [
        100,
        5,
        25,
    ]
