"""Read-side queries on a small hand-built record set, on SQLite and PostgreSQL.

``C`` is the operator at the command line (sees every record, like a coordinator); the
access tests of the read side (confidential pledges in coverage, suppressed totals) are in
tests/test_access_reads.py."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from materiel import money
from materiel.access import Principal
from materiel.access.policy import LOCAL as C
from materiel.db import read_session
from materiel.queries import (
    deliveries_table,
    donor_totals,
    fund_position,
    key_figures,
    needs_by_priority,
    needs_table,
    orders_table,
    pledges_table,
    stock_position,
)
from materiel.records import (
    Fund,
    Item,
    Nation,
    Need,
    Order,
    Organisation,
    Pledge,
    ProductionLine,
    StockReport,
    StockTarget,
)
from materiel.services import writer

D = dt.date
SRC = "synthetic test records"
A155 = "ammo.artillery.155mm"
A152 = "ammo.artillery.152mm"
MSL = "missile.air-defence.iris-t"


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    with writer(engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        for code in ("DEU", "FRA", "POL"):
            w.create(Nation, code=code, name=code, is_donor=True)
        w.create(
            Item,
            code=A155,
            name="155 mm",
            category="artillery-ammunition",
            unit="round",
            unit_value=4000,
            currency="USD",
        )
        w.create(
            Item,
            code=A152,
            name="152 mm",
            category="artillery-ammunition",
            unit="round",
            unit_value=3000,
            currency="EUR",
        )
        w.create(
            Item,
            code=MSL,
            name="IRIS-T missile",
            category="air-defence-missile",
            unit="missile",
            unit_value=400_000,
            currency="EUR",
        )
        for ref, item, qty, prio in (
            ("N1", A155, 1000, "critical"),
            ("N2", A155, 500, "high"),
            ("N3", A152, 200, "routine"),
            ("N4", MSL, 10, "critical"),
        ):
            w.create(
                Need,
                ref=ref,
                recipient_code="UKR",
                item_code=item,
                quantity=qty,
                priority=prio,
                needed_by=D(2025, 3, 1),
                stated_on=D(2025, 1, 1),
                source=SRC,
            )
        p1 = w.create(
            Pledge,
            ref="P1",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=A155,
            quantity=1200,
            value_amount=6_000_000,
            value_currency="USD",
            announced_on=D(2025, 1, 5),
            due_by=D(2025, 2, 1),
            source_document=SRC,
        )
        w.record_delivery(p1, ref="D1", quantity=300, delivered_on=D(2025, 1, 20))
        w.record_delivery(p1, ref="D2", quantity=200, delivered_on=D(2025, 3, 10))
        w.create(
            Pledge,
            ref="P2",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=A152,
            quantity=200,
            announced_on=D(2025, 1, 6),
            due_by=D(2025, 12, 31),
        )
        p3 = w.create(
            Pledge,
            ref="P3",
            donor_code="POL",
            recipient_code="UKR",
            item_code=A155,
            quantity=500,
            announced_on=D(2025, 1, 7),
            due_by=D(2025, 1, 10),
        )
        w.transition_pledge(p3, "cancelled")
        for qty, day in ((5000, D(2025, 1, 1)), (3000, D(2025, 2, 1)), (2000, D(2025, 3, 1))):
            w.create(
                StockReport, nation_code="DEU", item_code=A155, quantity=qty, as_of=day, source=SRC
            )
        for minimum, day in ((4000, D(2024, 1, 1)), (2500, D(2025, 2, 15))):
            w.create(
                StockTarget,
                nation_code="DEU",
                item_code=A155,
                minimum=minimum,
                effective_from=day,
                source=SRC,
            )
        w.create(
            StockTarget,
            nation_code="FRA",
            item_code=A155,
            minimum=1000,
            effective_from=D(2024, 1, 1),
            source=SRC,
        )
        w.create(
            StockReport,
            nation_code="POL",
            item_code=A152,
            quantity=700,
            as_of=D(2025, 1, 15),
            source=SRC,
        )
        w.create(Organisation, code="RHM", name="Rheinmetall", kind="producer_large")
        w.create(
            ProductionLine,
            code="RHM-155",
            producer_code="RHM",
            item_code=A155,
            nation_code="DEU",
            weekly_capacity=1000,
            unit_price=3500,
            currency="EUR",
            lead_time_weeks=8,
        )
        w.create(
            Fund,
            code="F155",
            name="155 mm fund",
            kind="collective",
            budget=1_000_000_000,
            currency="USD",
            destination="recipient",
            recipient_code="UKR",
            period_start=D(2025, 1, 1),
            period_end=D(2025, 12, 31),
            source=SRC,
        )
        for ref, placed in (("O1", D(2025, 2, 3)), ("O2", D(2025, 6, 2))):
            w.create(
                Order,
                ref=ref,
                fund_code="F155",
                line_code="RHM-155",
                quantity=1000,
                unit_price=3500,
                currency="EUR",
                placed_on=placed,
                delivery_start=placed + dt.timedelta(weeks=8),
                delivery_end=placed + dt.timedelta(weeks=20),
                destination_code="UKR",
            )
    return engine


D1 = D(2025, 2, 15)  # P1: 300 of 1200 delivered, due 2025-02-01 (late); needs due 2025-03-01
D2 = D(2026, 1, 1)  # after every record


def test_needs_by_priority_counts_needs_not_covered_by_their_date(seeded: Engine) -> None:
    with read_session(seeded) as s:
        df = needs_by_priority(s, C, as_of=D2)
    assert df["priority"].tolist() == ["critical", "high", "routine"]
    rows = df.set_index("priority")
    # 155 mm: 1200 pledged (cancelled P3 ignored) covers N1 (critical, 1000) then 200 of N2;
    # of it only D1 (300, 2025-01-20) arrived by the needs' date 2025-03-01
    assert rows.loc["critical", "needs"] == 2
    assert rows.loc["critical", "uncovered"] == 2  # N1 covered late, N4 open
    # by value (EUR at the ECB rate of D2), never 700 rounds + 10 missiles
    usd = money.rate("USD", "EUR", D2)
    assert rows.loc["critical", "open_value"] == pytest.approx(10 * 400_000)  # the missiles
    assert rows.loc["critical", "short_value"] == pytest.approx(700 * 4000 * usd + 10 * 400_000)
    assert rows.loc["critical", "value"] == pytest.approx(1000 * 4000 * usd + 10 * 400_000)
    assert rows.loc["high", "open_value"] == pytest.approx(300 * 4000 * usd)
    assert rows.loc["routine", "uncovered"] == 1  # N3: pledged in full, delivered never
    assert rows.loc["routine", "open_value"] == 0
    assert set(rows["currency"]) == {"EUR"} and rows.loc["critical", "rate_date"] is not None
    assert rows.loc["critical", "overdue"] == 2 and rows.loc["routine", "overdue"] == 1


def test_coverage_separates_pledged_delivered_and_due_by_date(seeded: Engine) -> None:
    with read_session(seeded) as s:
        early = needs_table(s, C, as_of=D1).set_index("ref")
        later = needs_table(s, C, as_of=D2).set_index("ref")
    n1 = later.loc["N1"]
    assert (n1["pledged"], n1["delivered"], n1["due"]) == (1000, 500, 300)
    assert n1["status"] == "covered late"  # pledged in full, not there by its date
    assert bool(n1["overdue"]) and n1["days_overdue"] == (D2 - D(2025, 3, 1)).days
    assert later.loc["N2", "status"] == "partly covered" and later.loc["N2", "delivered"] == 0
    assert later.loc["N4", "status"] == "open" and later.loc["N4", "pledged"] == 0
    # before the needs' date: delivered so far, plus what committed pledges bring by then;
    # P1 is delivering but already late (due 2025-02-01 < as-of): its rest is not counted
    e1 = early.loc["N1"]
    assert (e1["delivered"], e1["due"]) == (300, 300) and not bool(e1["overdue"])


def test_a_pledge_due_after_the_need_never_makes_it_covered(seeded: Engine) -> None:
    with writer(seeded, actor="test") as w:
        p = w.create(
            Pledge,
            ref="P-LATE",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=MSL,
            quantity=10,
            announced_on=D(2025, 1, 10),
            due_by=D(2025, 6, 1),  # three months after the need
        )
        w.transition_pledge(p, "committed")
        q = w.create(
            Pledge,
            ref="P-SOON",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=A152,
            quantity=200,
            announced_on=D(2025, 1, 10),
            due_by=D(2025, 2, 20),
        )
        w.transition_pledge(q, "committed")
    with read_session(seeded) as s:
        df = needs_table(s, C, as_of=D1).set_index("ref")
    n4 = df.loc["N4"]
    assert (n4["pledged"], n4["due"], n4["status"]) == (10, 0, "covered late")
    assert n4["coverage"] == 1.0 and n4["coverage_due"] == 0.0
    # committed, due between as-of and the need's date: there in time
    assert df.loc["N3", "due"] == 200 and df.loc["N3", "status"] == "covered"


def test_needs_table_filters(seeded: Engine) -> None:
    with read_session(seeded) as s:
        status = dict(zip(*needs_table(s, C, as_of=D2)[["ref", "status"]].T.values, strict=True))
        assert status == {
            "N1": "covered late",
            "N2": "partly covered",
            "N3": "covered late",
            "N4": "open",
        }
        assert needs_table(s, C, status="open")["ref"].tolist() == ["N4"]
        assert needs_table(s, C, status="uncovered")["ref"].tolist() == ["N1", "N4", "N2", "N3"]
        assert sorted(needs_table(s, C, item="ammo.artillery")["ref"]) == ["N1", "N2", "N3"]
        assert needs_table(s, C, priority="high")["ref"].tolist() == ["N2"]
        assert needs_table(s, C, recipient="DEU").empty
        assert needs_table(s, C, overdue=False).empty
        assert (needs_table(s, C)["source"] == SRC).all()
        # as-of: what was on record that day (needs stated 2025-01-01)
        assert needs_table(s, C, as_of=D(2024, 12, 31)).empty


def test_pledges_delivered_remaining_late_and_value(seeded: Engine) -> None:
    as_of = D1
    with read_session(seeded) as s:
        df = pledges_table(s, C, as_of=as_of).set_index("ref")
    p1 = df.loc["P1"]
    assert p1["delivered"] == 300  # D2 is after the as-of date
    assert p1["remaining"] == 900
    assert bool(p1["late"]) and p1["days_late"] == 14
    expected = money.convert(6_000_000, "USD", "EUR", as_of)
    assert p1["value"] == pytest.approx(expected.amount)
    assert p1["delivered_value"] == pytest.approx(expected.amount * 300 / 1200)
    assert p1["rate_date"] == expected.rate_date
    assert p1["value_basis"] == "stated"
    p2 = df.loc["P2"]
    assert not p2["late"]
    assert p2["value_basis"] == "catalogue"
    assert p2["value"] == pytest.approx(200 * 3000)  # catalogue value in EUR already
    assert not df.loc["P3", "late"]  # cancelled pledges are never late


def test_pledges_filters(seeded: Engine) -> None:
    with read_session(seeded) as s:
        assert pledges_table(s, C, as_of=D1, late=True)["ref"].tolist() == ["P1"]
        assert pledges_table(s, C, donor="FRA")["ref"].tolist() == ["P2"]
        assert pledges_table(s, C, status="cancelled")["ref"].tolist() == ["P3"]
        assert sorted(pledges_table(s, C, item=A155)["ref"]) == ["P1", "P3"]
        later = pledges_table(s, C, as_of=D(2025, 3, 31)).set_index("ref")
        assert later.loc["P1", "delivered"] == 500
        usd = pledges_table(s, C, as_of=D(2025, 3, 31), currency="USD").set_index("ref")
        assert usd.loc["P1", "value"] == pytest.approx(6_000_000)
        # as-of: pledges announced after it are not yet on record
        assert pledges_table(s, C, as_of=D(2025, 1, 5))["ref"].tolist() == ["P1"]


def test_donor_totals_exclude_cancelled_and_prorate_delivered_value(seeded: Engine) -> None:
    as_of = D(2025, 3, 31)
    with writer(seeded, actor="demo") as w:
        w.update(w.get(Pledge, ref="P1"), synthetic=True)
    with read_session(seeded) as s:
        df = donor_totals(s, C, as_of=as_of).set_index("donor_code")
    assert sorted(df.index) == ["DEU", "FRA"]
    deu = df.loc["DEU"]
    assert deu["pledges"] == 1  # no quantities: a donor's items are added by value only
    value = money.convert(6_000_000, "USD", "EUR", as_of).amount
    assert deu["pledged_value"] == pytest.approx(value)
    assert deu["delivered_value"] == pytest.approx(value * 500 / 1200)
    assert bool(deu["synthetic"]) and not bool(df.loc["FRA", "synthetic"])


@pytest.mark.parametrize(
    ("as_of", "stock", "target", "below"),
    [
        (D(2025, 2, 10), 3000, 4000, True),
        (D(2025, 2, 20), 3000, 2500, False),  # a lower target came into force
        (D(2025, 3, 5), 2000, 2500, True),
    ],
)
def test_stock_position_latest_report_against_target_in_force(
    seeded: Engine, as_of: dt.date, stock: int, target: int, below: bool
) -> None:
    with read_session(seeded) as s:
        df = stock_position(s, C, as_of=as_of).set_index(["nation_code", "item_code"])
    row = df.loc[("DEU", A155)]
    assert (row["quantity"], row["target"], bool(row["below_target"])) == (stock, target, below)
    assert row["gap"] == target - stock
    assert row["report_id"] is not None and row["target_id"] is not None  # for footnotes
    # a target without report and a report without target are listed, never flagged
    assert not df.loc[("FRA", A155), "below_target"]
    assert df.loc[("FRA", A155), "as_of"] is None
    assert not df.loc[("POL", A152), "below_target"]


def test_stock_filters(seeded: Engine) -> None:
    with read_session(seeded) as s:
        below = stock_position(s, C, as_of=D(2025, 3, 5), below_target=True)
        assert list(zip(below["nation_code"], below["item_code"], strict=True)) == [("DEU", A155)]
        assert stock_position(s, C, as_of=D(2025, 3, 5), nation="POL")["item_code"].tolist() == [
            A152
        ]
        assert stock_position(s, C, as_of=D(2024, 6, 1), item="ammo.artillery.152").empty


def test_fund_position_spent_committed_and_remaining_in_fund_currency(seeded: Engine) -> None:
    with read_session(seeded) as s:
        early = fund_position(s, C, as_of=D(2025, 3, 1)).set_index("code").loc["F155"]
        late = fund_position(s, C, as_of=D(2025, 12, 31)).set_index("code").loc["F155"]
    ordered = money.convert(1000 * 3500, "EUR", "USD", D(2025, 2, 3)).amount
    assert early["orders"] == 1
    assert early["ordered"] == pytest.approx(ordered)
    # O1 delivers weekly from 8 weeks after 2025-02-03: nothing due by 2025-03-01
    assert early["spent"] == 0 and early["committed"] == pytest.approx(ordered)
    assert early["remaining"] == pytest.approx(1_000_000_000 - ordered)
    ordered2 = ordered + money.convert(1000 * 3500, "EUR", "USD", D(2025, 6, 2)).amount
    assert late["orders"] == 2
    assert late["ordered"] == pytest.approx(ordered2)
    assert late["spent"] == pytest.approx(ordered2) and late["committed"] == pytest.approx(0)


def test_key_figures(seeded: Engine) -> None:
    with writer(seeded, actor="test") as w:  # the recipient's own stock is not a donor's
        w.create(StockReport, nation_code="UKR", item_code=A155, quantity=10, as_of=D(2025, 3, 1))
        w.create(
            StockTarget,
            nation_code="UKR",
            item_code=A155,
            minimum=100,
            effective_from=D(2025, 1, 1),
        )
    with read_session(seeded) as s:
        fig = key_figures(s, C, as_of=D(2025, 3, 5))
    assert fig["records"]["pledges"] == 3
    assert fig["records"]["deliveries"] == 2
    needs = fig["needs"]
    assert (needs["total"], needs["uncovered"], needs["overdue"]) == (4, 4, 4)
    assert needs["uncovered_by_priority"] == {"critical": 2, "high": 1, "routine": 1}
    usd = money.rate("USD", "EUR", D(2025, 3, 5))
    assert needs["open_value"] == pytest.approx(300 * 4000 * usd + 10 * 400_000)
    assert needs["currency"] == "EUR"
    by_item = {r["item"]: r["short_by_date"] for r in needs["short_by_item"]}
    assert by_item[MSL] == 10  # per item, in its own units
    assert fig["pledges"]["late"] == 1
    assert fig["pledges"]["by_status"] == {"cancelled": 1, "delivering": 1, "announced": 1}
    assert fig["stocks"]["below_target"] == 2
    assert fig["stocks"]["donors_below_target_codes"] == ["DEU"]
    assert fig["funds"][0]["code"] == "F155"
    assert fig["plan"] is None
    assert fig["synthetic"] is False  # words in the sources ("synthetic ...") do not count


def test_queries_on_empty_database(engine: Engine) -> None:
    with read_session(engine) as s:
        assert needs_table(s, C).empty
        assert needs_by_priority(s, C)["needs"].sum() == 0
        assert pledges_table(s, C).empty
        assert donor_totals(s, C).empty
        assert stock_position(s, C).empty
        assert fund_position(s, C).empty
        fig = key_figures(s, C)
    assert fig["needs"]["uncovered"] == 0 and fig["pledges"]["late"] == 0
    assert fig["synthetic"] is False


def test_pledges_announced_in_a_period(seeded: Engine) -> None:
    with read_session(seeded) as s:
        since = pledges_table(s, C, announced_from=D(2025, 1, 6))
        window = pledges_table(s, C, announced_from=D(2025, 1, 6), announced_to=D(2025, 1, 6))
    assert sorted(since["ref"]) == ["P2", "P3"]
    assert window["ref"].tolist() == ["P2"]


def test_deliveries_in_a_period_with_prorated_value(seeded: Engine) -> None:
    with read_session(seeded) as s:
        all_ = deliveries_table(s, C, until=D(2025, 3, 31))
        since = deliveries_table(s, C, since=D(2025, 2, 1), until=D(2025, 3, 31))
        assert deliveries_table(s, C, donor="FRA").empty
    assert all_["ref"].tolist() == ["D1", "D2"]
    assert since["ref"].tolist() == ["D2"]
    d2 = since.iloc[0]
    assert (d2["pledge_ref"], d2["donor_code"], d2["quantity"]) == ("P1", "DEU", 200)
    value = money.convert(6_000_000 * 200 / 1200, "USD", "EUR", D(2025, 3, 31)).amount
    assert d2["value"] == pytest.approx(value)


def test_orders_table_in_fund_currency(seeded: Engine) -> None:
    with read_session(seeded) as s:
        df = orders_table(s, C, as_of=D(2025, 12, 31))
        assert orders_table(s, C, as_of=D(2025, 1, 1)).empty
    assert df["ref"].tolist() == ["O1", "O2"]
    assert set(df["item_code"]) == {A155} and set(df["fund_currency"]) == {"USD"}
    o1 = df.iloc[0]
    assert o1["value"] == pytest.approx(
        money.convert(3_500_000, "EUR", "USD", D(2025, 2, 3)).amount
    )
    assert o1["rate_date"] == D(2025, 2, 3)


def test_a_donor_sees_its_own_stock_detail_only(seeded: Engine) -> None:
    deu = Principal(7, "berlin", "donor", "DEU")
    with read_session(seeded) as s:
        mine = stock_position(s, deu, as_of=D(2025, 3, 5))
    assert set(mine["nation_code"]) == {"DEU"}


def test_stock_reports_older_than_14_days_are_stale(seeded: Engine) -> None:
    with read_session(seeded) as s:
        fresh = stock_position(s, C, as_of=D(2025, 3, 10)).set_index(["nation_code", "item_code"])
        old = stock_position(s, C, as_of=D(2025, 3, 20)).set_index(["nation_code", "item_code"])
    # DEU's latest report is dated 2025-03-01
    assert (fresh.loc[("DEU", A155), "age_days"], fresh.loc[("DEU", A155), "stale"]) == (9, False)
    assert (old.loc[("DEU", A155), "age_days"], old.loc[("DEU", A155), "stale"]) == (19, True)
    assert not old.loc[("FRA", A155), "stale"]  # no report: nothing to be stale


#: aggregate columns and keys that would add quantities of different items (issue 13:
#: "no total adds different items' units"); per-need and per-item rows may carry them
UNIT_TOTALS = {"quantity", "pledged", "delivered", "remaining", "due", "units"}
UNIT_TOTALS |= {"open_quantity", "short_by_date"}


def test_no_total_adds_different_items_units(seeded: Engine) -> None:
    """Every total over needs or pledges of different items is by value: the read side's
    aggregates, the key figures, the meeting and brief headline carry no unit sums."""
    with read_session(seeded) as s:
        by_priority = needs_by_priority(s, C, as_of=D2)
        donors = donor_totals(s, C, as_of=D2)
        fig = key_figures(s, C, as_of=D2)
    assert not UNIT_TOTALS & set(by_priority.columns)
    assert not UNIT_TOTALS & set(donors.columns)
    assert not UNIT_TOTALS & set(fig["needs"])
    for row in fig["needs"]["by_priority"]:
        assert not UNIT_TOTALS & set(row)
    # the per-item side keeps units, one item per row
    items = [r["item"] for r in fig["needs"]["short_by_item"]]
    assert len(items) == len(set(items))
    # the headline rows compared between meetings: counts, money or shares, never units
    from materiel.queries import HEADLINE_ROWS, headline_values

    assert {unit for _key, _label, unit, _better in HEADLINE_ROWS} <= {
        "needs",
        "pledges",
        "series",
        "EUR",
        "%",
    }
    values = headline_values(fig, None)
    assert values["short_value"] == pytest.approx(
        sum(r["short_value"] for r in fig["needs"]["by_priority"] if r["priority"] != "routine")
    )
