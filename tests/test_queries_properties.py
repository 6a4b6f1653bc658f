"""Coverage invariants for any set of needs and pledges (hypothesis, both backends)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from materiel.db import read_session
from materiel.queries import need_coverage
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
    st.tuples(st.integers(min_value=1, max_value=800), st.booleans()),  # (qty, cancelled)
    max_size=4,
)


def _load(
    engine: Engine, needs: list[tuple[int, str, int]], pledges: list[tuple[int, bool]]
) -> str:
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
        for i, (qty, cancelled) in enumerate(pledges):
            p = w.create(
                Pledge,
                ref=f"{code}-P{i}",
                donor_code="DEU",
                recipient_code="UKR",
                item_code=code,
                quantity=qty,
                announced_on=DAY,
            )
            if cancelled:
                w.transition_pledge(p, "cancelled")
    return code


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(needs=NEEDS, pledges=PLEDGES)
def test_coverage_allocates_live_pledges_by_priority(
    engine: Engine, needs: list[tuple[int, str, int]], pledges: list[tuple[int, bool]]
) -> None:
    code = _load(engine, needs, pledges)
    with read_session(engine) as s:
        df = need_coverage(s, recipient="UKR")
    df = df.loc[df["item_code"] == code]
    live = sum(q for q, cancelled in pledges if not cancelled)
    total = sum(q for q, _, _ in needs)
    assert len(df) == len(needs)
    assert int(df["covered"].sum()) == min(live, total)
    assert ((df["covered"] >= 0) & (df["covered"] <= df["quantity"])).all()
    assert (df["open_quantity"] == df["quantity"] - df["covered"]).all()
    for row in df.itertuples():
        expected = (
            "open"
            if row.covered == 0
            else ("covered" if row.covered == row.quantity else "partly covered")
        )
        assert row.status == expected
    # nothing goes to a less urgent need while a more urgent one is short
    rank = df["priority"].map(PRIORITY_ORDER)
    for r in range(3):
        if (df.loc[rank == r, "open_quantity"] > 0).any():
            assert (df.loc[rank > r, "covered"] == 0).all()


def test_coverage_as_of_a_day_uses_only_what_was_known_then(engine: Engine) -> None:
    code = _load(engine, [(100, "critical", 10), (50, "routine", 20)], [(60, False)])
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
        before = need_coverage(s, recipient="UKR", as_of=DAY - dt.timedelta(days=1))
        then = need_coverage(s, recipient="UKR", as_of=DAY)
        now = need_coverage(s, recipient="UKR")
    assert before.loc[before["item_code"] == code].empty  # nothing stated yet
    then = then.loc[then["item_code"] == code].set_index("ref")
    assert list(then.index) == [f"{code}-N0", f"{code}-N1"]  # the later need is unknown
    assert then["covered"].tolist() == [60, 0]  # only the pledge announced by then
    now = now.loc[now["item_code"] == code].set_index("ref")
    # today: 130 pledged covers both critical needs (105) first, then 25 of the routine one
    assert now.loc[[f"{code}-N0", f"{code}-NLATE", f"{code}-N1"], "covered"].tolist() == [
        100,
        5,
        25,
    ]
