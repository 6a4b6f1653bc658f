"""Read-side queries on a small hand-built record set, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from materiel import money
from materiel.db import read_session
from materiel.queries import (
    alliance_stock_totals,
    deliveries_table,
    donor_totals,
    fund_position,
    needs_by_priority,
    needs_table,
    orders_table,
    pledges_table,
    status_figures,
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


def test_needs_by_priority_counts_open_needs_critical_first(seeded: Engine) -> None:
    with read_session(seeded) as s:
        df = needs_by_priority(s)
    assert df["priority"].tolist() == ["critical", "high", "routine"]
    rows = df.set_index("priority")
    # 155 mm: 1200 pledged (cancelled P3 ignored) covers N1 (critical, 1000) then 200 of N2
    assert rows.loc["critical", "needs"] == 2
    assert rows.loc["critical", "open_needs"] == 1  # the missile need, nothing pledged
    assert rows.loc["critical", "open_quantity"] == 10
    assert rows.loc["high", "open_quantity"] == 300
    assert rows.loc["routine", "open_needs"] == 0
    assert rows.loc["routine", "open_quantity"] == 0


def test_needs_table_filters(seeded: Engine) -> None:
    with read_session(seeded) as s:
        status = dict(zip(*needs_table(s)[["ref", "status"]].T.values, strict=True))
        assert status == {
            "N1": "covered",
            "N2": "partly covered",
            "N3": "covered",
            "N4": "open",
        }
        assert needs_table(s, status="open")["ref"].tolist() == ["N4"]
        assert sorted(needs_table(s, item="ammo.artillery")["ref"]) == ["N1", "N2", "N3"]
        assert needs_table(s, priority="high")["ref"].tolist() == ["N2"]
        assert needs_table(s, recipient="DEU").empty
        assert (needs_table(s)["source"] == SRC).all()


def test_pledges_delivered_remaining_late_and_value(seeded: Engine) -> None:
    as_of = D(2025, 2, 15)
    with read_session(seeded) as s:
        df = pledges_table(s, as_of=as_of).set_index("ref")
    p1 = df.loc["P1"]
    assert p1["delivered"] == 300  # D2 is after the as-of date
    assert p1["remaining"] == 900
    assert bool(p1["late"]) and p1["days_late"] == 14
    expected = money.convert(6_000_000, "USD", "EUR", as_of)
    assert p1["value"] == pytest.approx(expected.amount)
    assert p1["rate_date"] == expected.rate_date
    assert p1["value_basis"] == "stated"
    p2 = df.loc["P2"]
    assert not p2["late"]
    assert p2["value_basis"] == "catalogue"
    assert p2["value"] == pytest.approx(200 * 3000)  # catalogue value in EUR already
    assert not df.loc["P3", "late"]  # cancelled pledges are never late


def test_pledges_filters(seeded: Engine) -> None:
    with read_session(seeded) as s:
        assert pledges_table(s, as_of=D(2025, 2, 15), late=True)["ref"].tolist() == ["P1"]
        assert pledges_table(s, donor="FRA")["ref"].tolist() == ["P2"]
        assert pledges_table(s, status="cancelled")["ref"].tolist() == ["P3"]
        assert sorted(pledges_table(s, item=A155)["ref"]) == ["P1", "P3"]
        later = pledges_table(s, as_of=D(2025, 3, 31)).set_index("ref")
        assert later.loc["P1", "delivered"] == 500
        usd = pledges_table(s, as_of=D(2025, 3, 31), currency="USD").set_index("ref")
        assert usd.loc["P1", "value"] == pytest.approx(6_000_000)


def test_donor_totals_exclude_cancelled_and_prorate_delivered_value(seeded: Engine) -> None:
    as_of = D(2025, 3, 31)
    with read_session(seeded) as s:
        df = donor_totals(s, as_of=as_of).set_index("donor_code")
    assert sorted(df.index) == ["DEU", "FRA"]
    deu = df.loc["DEU"]
    assert (deu["pledged"], deu["delivered"], deu["remaining"]) == (1200, 500, 700)
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
        df = stock_position(s, as_of=as_of).set_index(["nation_code", "item_code"])
    row = df.loc[("DEU", A155)]
    assert (row["quantity"], row["target"], bool(row["below_target"])) == (stock, target, below)
    assert row["gap"] == target - stock
    # a target without report and a report without target are listed, never flagged
    assert not df.loc[("FRA", A155), "below_target"]
    assert df.loc[("FRA", A155), "as_of"] is None
    assert not df.loc[("POL", A152), "below_target"]


def test_stock_filters(seeded: Engine) -> None:
    with read_session(seeded) as s:
        below = stock_position(s, as_of=D(2025, 3, 5), below_target=True)
        assert list(zip(below["nation_code"], below["item_code"], strict=True)) == [("DEU", A155)]
        assert stock_position(s, as_of=D(2025, 3, 5), nation="POL")["item_code"].tolist() == [A152]
        assert stock_position(s, as_of=D(2024, 6, 1), item="ammo.artillery.152").empty


def test_fund_position_converts_orders_to_fund_currency(seeded: Engine) -> None:
    with read_session(seeded) as s:
        early = fund_position(s, as_of=D(2025, 3, 1)).set_index("code").loc["F155"]
        late = fund_position(s, as_of=D(2025, 12, 31)).set_index("code").loc["F155"]
    spent = money.convert(1000 * 3500, "EUR", "USD", D(2025, 2, 3)).amount
    assert early["orders"] == 1
    assert early["spent"] == pytest.approx(spent)
    assert early["remaining"] == pytest.approx(1_000_000_000 - spent)
    spent2 = spent + money.convert(1000 * 3500, "EUR", "USD", D(2025, 6, 2)).amount
    assert late["orders"] == 2
    assert late["spent"] == pytest.approx(spent2)


def test_status_figures(seeded: Engine) -> None:
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
        fig = status_figures(s, as_of=D(2025, 3, 5))
    assert fig["records"]["pledges"] == 3
    assert fig["records"]["deliveries"] == 2
    assert fig["needs"] == {
        "total": 4,
        "open": 2,
        "open_by_priority": {"critical": 1, "high": 1},
        "open_quantity": 310,
    }
    assert fig["pledges"]["late"] == 1
    assert fig["pledges"]["by_status"] == {"cancelled": 1, "delivering": 1, "announced": 1}
    assert fig["stocks"]["below_target"] == 2
    assert fig["stocks"]["donors_below_target_codes"] == ["DEU"]
    assert fig["funds"][0]["code"] == "F155"
    assert fig["synthetic"] is True


def test_queries_on_empty_database(engine: Engine) -> None:
    with read_session(engine) as s:
        assert needs_table(s).empty
        assert needs_by_priority(s)["needs"].sum() == 0
        assert pledges_table(s).empty
        assert donor_totals(s).empty
        assert stock_position(s).empty
        assert fund_position(s).empty
        fig = status_figures(s)
    assert fig["needs"]["open"] == 0 and fig["pledges"]["late"] == 0
    assert fig["synthetic"] is False


def test_pledges_announced_in_a_period(seeded: Engine) -> None:
    with read_session(seeded) as s:
        since = pledges_table(s, announced_from=D(2025, 1, 6))
        window = pledges_table(s, announced_from=D(2025, 1, 6), announced_to=D(2025, 1, 6))
    assert sorted(since["ref"]) == ["P2", "P3"]
    assert window["ref"].tolist() == ["P2"]


def test_deliveries_in_a_period_with_prorated_value(seeded: Engine) -> None:
    with read_session(seeded) as s:
        all_ = deliveries_table(s, until=D(2025, 3, 31))
        since = deliveries_table(s, since=D(2025, 2, 1), until=D(2025, 3, 31))
        assert deliveries_table(s, donor="FRA").empty
    assert all_["ref"].tolist() == ["D1", "D2"]
    assert since["ref"].tolist() == ["D2"]
    d2 = since.iloc[0]
    assert (d2["pledge_ref"], d2["donor_code"], d2["quantity"]) == ("P1", "DEU", 200)
    value = money.convert(6_000_000 * 200 / 1200, "USD", "EUR", D(2025, 3, 31)).amount
    assert d2["value"] == pytest.approx(value)


def test_orders_table_in_fund_currency(seeded: Engine) -> None:
    with read_session(seeded) as s:
        df = orders_table(s, as_of=D(2025, 12, 31))
        assert orders_table(s, as_of=D(2025, 1, 1)).empty
    assert df["ref"].tolist() == ["O1", "O2"]
    assert set(df["item_code"]) == {A155} and set(df["fund_currency"]) == {"USD"}
    o1 = df.iloc[0]
    assert o1["value"] == pytest.approx(
        money.convert(3_500_000, "EUR", "USD", D(2025, 2, 3)).amount
    )
    assert o1["rate_date"] == D(2025, 2, 3)


def test_alliance_stock_totals_hide_nations(seeded: Engine) -> None:
    with read_session(seeded) as s:
        df = alliance_stock_totals(s, as_of=D(2025, 3, 5)).set_index("item_code")
        deu_only = alliance_stock_totals(s, as_of=D(2025, 3, 5), holders=["DEU"])
    assert "nation_code" not in df.columns
    a155 = df.loc[A155]
    # DEU 2000 against 2500; FRA has a target of 1000 but no report: counted apart
    assert (a155["holders"], a155["quantity"], a155["target"]) == (1, 2000, 2500)
    assert a155["holders_unreported"] == 1
    assert a155["holders_below_target"] == 1
    assert a155["reports_to"] == D(2025, 3, 1)
    assert df.loc[A152, "quantity"] == 700 and df.loc[A152, "target"] == 0
    assert deu_only["quantity"].tolist() == [2000]
