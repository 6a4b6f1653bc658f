"""The snapshot builder on small hand-made records (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import numpy as np
import pytest
from sqlalchemy import Engine, event

from materiel import money
from materiel.records import (
    Caveat,
    Fund,
    FundItem,
    FundMember,
    Item,
    Nation,
    Need,
    Order,
    Organisation,
    Pledge,
    ProductionLine,
    RampStep,
    Scenario,
    ScenarioRate,
    StockReport,
    StockTarget,
)
from materiel.services import writer
from materiel.snapshot import SnapshotError, build_snapshot, content_hash, params_of, snapshot

AS_OF = dt.date(2025, 3, 3)
A = "ammo.artillery.155mm"
B = "ammo.mortar.120mm"
PREFIX = "ammo.artillery"
D = dt.date


def week(t: int) -> dt.date:
    return AS_OF + dt.timedelta(weeks=t)


def populate(engine: Engine) -> None:
    with writer(engine, actor="test") as w:
        w.create(Nation, code="DEU", name="Germany", gdp_eur_bn=4000.0, is_donor=True)
        w.create(
            Nation, code="FRA", name="France", gdp_eur_bn=2800.0, is_donor=True, transit_weeks=3
        )
        w.create(Nation, code="POL", name="Poland", gdp_eur_bn=None, is_donor=True)
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(Organisation, code="RHM", name="Producer", kind="producer_large")
        w.create(
            Item,
            code=A,
            name="155",
            category="artillery-ammunition",
            unit="round",
            unit_value=3000.0,
            currency="USD",
        )
        w.create(
            Item,
            code=B,
            name="120",
            category="mortar-ammunition",
            unit="round",
            unit_value=1000.0,
            currency="EUR",
        )
        w.create(
            Item,
            code=PREFIX,
            name="artillery ammunition",
            category="artillery-ammunition",
            unit="round",
            unit_value=0.0,
            currency="USD",
        )
        # stock: the latest report on or before AS_OF counts
        for q, on in ((100, D(2025, 1, 1)), (200, D(2025, 3, 1)), (999, D(2025, 4, 1))):
            w.create(StockReport, nation_code="DEU", item_code=A, quantity=q, as_of=on)
        w.create(StockReport, nation_code="UKR", item_code=A, quantity=50, as_of=D(2025, 2, 1))
        # targets: 80 from long ago, 120 from the start of week 2, 150 a day after week 4 starts
        w.create(
            StockTarget, nation_code="DEU", item_code=A, minimum=80, effective_from=D(2024, 1, 1)
        )
        w.create(StockTarget, nation_code="DEU", item_code=A, minimum=120, effective_from=week(2))
        w.create(
            StockTarget,
            nation_code="DEU",
            item_code=A,
            minimum=150,
            effective_from=week(4) + dt.timedelta(days=1),
        )
        # needs: an overdue critical one and a routine one due in week 2
        w.create(
            Need,
            ref="N1",
            recipient_code="UKR",
            item_code=A,
            quantity=100,
            priority="critical",
            needed_by=D(2025, 2, 1),
            stated_on=D(2025, 1, 1),
            source="SYNTHETIC demo",
            synthetic=True,  # the flag labels it, not the words of its source
        )
        w.create(
            Need,
            ref="N2",
            recipient_code="UKR",
            item_code=A,
            quantity=50,
            priority="routine",
            needed_by=week(2) + dt.timedelta(days=3),
            stated_on=D(2025, 1, 10),
        )
        w.create(
            Need,
            ref="N3",
            recipient_code="UKR",
            item_code=A,
            quantity=10,
            priority="high",
            needed_by=week(40),
            stated_on=D(2025, 1, 10),
        )
        w.create(
            Need,
            ref="N4",
            recipient_code="UKR",
            item_code=B,
            quantity=10,
            priority="high",
            needed_by=week(1),
            stated_on=AS_OF + dt.timedelta(days=1),
        )  # stated after AS_OF: unknown
        # pledges: a stock pledge partly delivered, a procurement pledge without due date,
        # an announced one (not scheduled)
        p1 = w.create(
            Pledge,
            ref="P1",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=A,
            quantity=60,
            announced_on=D(2025, 1, 5),
            due_by=week(6),
            channel="stock",
        )
        w.transition_pledge(p1, "committed")
        w.record_delivery(p1, ref="D1", quantity=30, delivered_on=D(2025, 2, 15))
        p2 = w.create(
            Pledge,
            ref="P2",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=B,
            quantity=40,
            announced_on=D(2025, 2, 1),
            channel="procurement",
        )
        w.transition_pledge(p2, "committed")
        # bought from industry for UKR: not drawn from FRA's stock, so not FRA's outflow
        w.record_delivery(p2, ref="D2", quantity=8, delivered_on=D(2025, 2, 20))
        w.create(
            Pledge,
            ref="P3",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=A,
            quantity=500,
            announced_on=D(2025, 2, 1),
            channel="stock",
        )
        p4 = w.create(
            Pledge,
            ref="P4",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=A,
            quantity=20,
            announced_on=D(2025, 1, 1),
            due_by=D(2025, 2, 1),
            channel="stock",
        )
        w.transition_pledge(p4, "committed")  # overdue: all in week 0
        # a line with a ramp
        w.create(
            ProductionLine,
            code="L1",
            producer_code="RHM",
            item_code=A,
            nation_code="DEU",
            weekly_capacity=100,
            unit_price=5000.0,
            currency="EUR",
            lead_time_weeks=4,
        )
        w.create(RampStep, line_code="L1", effective_from=week(1), weekly_capacity=150)
        w.create(RampStep, line_code="L1", effective_from=week(5), weekly_capacity=200)
        w.create(
            ProductionLine,
            code="L2",
            producer_code="RHM",
            item_code=B,
            nation_code="FRA",
            weekly_capacity=30,
            unit_price=900.0,
            currency="USD",
            lead_time_weeks=2,
        )
        w.create(
            Fund,
            code="F1",
            name="to UKR",
            kind="collective",
            budget=5_000_000.0,
            currency="USD",
            destination="recipient",
            recipient_code="UKR",
            period_start=D(2025, 1, 1),
            period_end=D(2026, 1, 1),
        )
        w.create(FundItem, fund_code="F1", item_code=PREFIX)
        w.create(
            Fund,
            code="F2",
            name="members",
            kind="collective",
            budget=2_000_000.0,
            currency="EUR",
            destination="members",
            period_start=D(2025, 1, 1),
            period_end=D(2026, 1, 1),
        )
        w.create(FundItem, fund_code="F2", item_code=B)
        w.create(FundMember, fund_code="F2", nation_code="DEU", contribution=1.0)
        w.create(FundMember, fund_code="F2", nation_code="FRA", contribution=1.0)
        w.create(
            Fund,
            code="F3",
            name="expired",
            kind="national",
            budget=1_000.0,
            currency="EUR",
            destination="members",
            period_start=D(2024, 1, 1),
            period_end=D(2024, 12, 31),
        )
        # orders: O1 to UKR, instalments in weeks -1..3 (80 each); O2 to DEU in weeks 9..12
        w.create(
            Order,
            ref="O1",
            fund_code="F1",
            line_code="L1",
            quantity=400,
            unit_price=5000.0,
            currency="EUR",
            placed_on=D(2025, 2, 1),
            delivery_start=week(-1),
            delivery_end=week(3),
            destination_code="UKR",
        )
        w.create(
            Order,
            ref="O2",
            fund_code="F2",
            line_code="L1",
            quantity=200,
            unit_price=4000.0,
            currency="EUR",
            placed_on=D(2025, 2, 1),
            delivery_start=week(9),
            delivery_end=week(12),
            destination_code="DEU",
        )
        w.create(Caveat, nation_code="FRA", item_code=A, excluded=True)
        w.create(Caveat, nation_code="DEU", item_code=B, excluded=False, weekly_cap=10)
        w.create(
            Scenario,
            name="surge",
            horizon_weeks=26,
            params={
                "surge_factor": 2.0,
                "surge_start_week": 1,
                "surge_weeks": 2,
                "consumption_weight": 5.0,
                "lambda_target": 0.5,
            },
        )
        w.create(
            ScenarioRate,
            scenario_name="surge",
            recipient_code="UKR",
            item_code=A,
            mean_per_day=10.0,
            cv=0.2,
        )


@pytest.fixture
def ds(engine: Engine) -> object:
    populate(engine)
    return build_snapshot(engine, AS_OF, horizon_weeks=16, scenario="surge")


def test_dims_and_coords(ds: object) -> None:
    assert list(ds["nation"].values) == ["DEU", "FRA", "POL"]
    assert list(ds["recipient"].values) == ["UKR"]
    assert list(ds["line"].values) == ["L1", "L2"]
    assert list(ds["fund"].values) == ["F1", "F2", "F3"]
    assert ds.sizes["week"] == 16
    assert ds["week_start"].values[3] == np.datetime64(week(3), "ns")
    assert list(ds["line_item"].values) == [A, B]
    assert list(ds["fund_currency"].values) == ["USD", "EUR", "EUR"]
    # item value in USD: the EUR item is converted at AS_OF
    eur_usd = money.rate("EUR", "USD", AS_OF)
    assert ds["item_value"].sel(item=B) == pytest.approx(1000.0 * eur_usd)
    assert ds["item_value"].sel(item=A) == pytest.approx(3000.0)


def test_stocks_and_targets(ds: object) -> None:
    assert ds["s0"].sel(nation="DEU", item=A) == 200  # latest on or before AS_OF
    assert ds["s0"].sel(nation="FRA", item=A) == 0
    assert ds["r0"].sel(recipient="UKR", item=A) == 50
    floor = ds["floor"].sel(nation="DEU", item=A).values
    assert list(floor[:6]) == [80, 80, 120, 120, 120, 150]
    assert (floor[5:] == 150).all()
    assert (ds["floor"].sel(nation="FRA").values == 0).all()


def test_consumption_surge_and_needs(ds: object) -> None:
    cons = ds["consumption"].sel(recipient="UKR", item=A).values
    assert list(cons[:4]) == [70, 140, 140, 70]
    assert ds["consumption_cv"].sel(recipient="UKR", item=A) == 0.2
    assert ds["consumption_cv"].sel(recipient="UKR", item=B) == 0
    need = ds["need_demand"].sel(recipient="UKR", item=A).values
    # 30 delivered since the first need was stated cover the critical need first
    assert need[0] == 70  # overdue critical need in week 0
    assert need[2] == 50  # routine need due in week 2
    assert need.sum() == 120  # N3 is beyond the horizon
    assert ds["need_demand"].sel(item=B).sum() == 0  # stated after AS_OF
    np.testing.assert_allclose(ds["demand"].values, ds["consumption"] + ds["need_demand"])
    # by priority: the overdue critical need in week 0, the routine one in week 2
    by_prio = ds["need"].sel(recipient="UKR", item=A)
    assert by_prio.sel(priority="critical").values[0] == 70
    assert by_prio.sel(priority="routine").values[2] == 50
    np.testing.assert_allclose(by_prio.sum("priority").values, need)
    assert list(ds["priority_weight"].values) == [100.0, 10.0, 1.0]
    # the weight is consumption's only (the scenario's), a need weighs by its priority
    assert (ds["weight"].sel(recipient="UKR", item=A).values == 5).all()
    assert params_of(ds)["lambda_target"] == 0.5  # kept as given (the planner warns)
    assert params_of(ds)["readiness_weight"] == 1.0  # default kept
    # transit: France's record says 3 weeks; the others state none, so the default (1 week)
    assert (ds["transit"].sel(nation="FRA").values == 3).all()
    assert (ds["transit"].sel(nation=["DEU", "POL"]).values == 1).all()


def test_pledge_remainders(ds: object) -> None:
    pin = ds["pin"].sel(recipient="UKR")
    # P1: 30 left, weeks 0..6; P4 overdue: 20 in week 0
    a = pin.sel(item=A).values
    np.testing.assert_allclose(a[:7], [30 / 7 + 20] + [30 / 7] * 6)
    assert a[7:].sum() == 0
    assert a.sum() == pytest.approx(50)  # sum preserved; P3 (announced) not scheduled
    # P2: procurement, no due date: 32 left over the next 8 weeks, not drawn from stock
    b = pin.sel(item=B).values
    np.testing.assert_allclose(b[:8], 4.0)
    assert ds["pout"].sel(nation="FRA", item=B).sum() == 0
    assert ds["outflow"].sel(nation="FRA", item=B) == 0  # its delivery came from industry
    np.testing.assert_allclose(ds["pout"].sel(nation="DEU", item=A).values[:7], 30 / 7)
    assert ds["pout"].sel(nation="FRA", item=A).values[0] == pytest.approx(20)
    assert ds["outflow"].sel(nation="DEU", item=A) == pytest.approx(30 / 12)


def test_orders_capacity_and_budget(ds: object) -> None:
    arr = ds["arrive_r"].sel(recipient="UKR", item=A).values
    assert list(arr[:5]) == [80, 80, 80, 80, 0]  # the instalment of week -1 has arrived
    assert arr.sum() == 320
    arn = ds["arrive_n"].sel(nation="DEU", item=A).values
    assert list(np.nonzero(arn)[0]) == [9, 10, 11, 12] and arn.sum() == 200
    full = ds["cap_full"].sel(line="L1").values
    assert list(full[:6]) == [100, 150, 150, 150, 150, 200]
    cap = ds["cap"].sel(line="L1").values
    # O2 arrives in weeks 9..12 with lead 4: it took 50 a week of weeks 5..8
    assert list(cap[4:10]) == [150, 150, 150, 150, 150, 200]
    assert (ds["cap"].sel(line="L2").values == 30).all()
    assert ds["lead"].sel(line="L1") == 4 and ds["lead"].dtype == np.int64
    assert ds["price"].sel(line="L1") == 5000
    eur_usd = money.rate("EUR", "USD", AS_OF)
    assert ds["budget"].sel(fund="F1") == pytest.approx(5e6 - 2e6 * eur_usd)
    assert ds["budget"].sel(fund="F2") == pytest.approx(2e6 - 8e5)
    assert ds["budget"].sel(fund="F3") == 0  # period over
    assert ds["price_in_fund"].sel(line="L1", fund="F1") == pytest.approx(5000 * eur_usd)
    assert ds["price_in_fund"].sel(line="L2", fund="F1") == pytest.approx(900)
    assert ds["eligible"].sel(line="L1", fund="F1")  # prefix match
    assert not ds["eligible"].sel(line="L1", fund="F2")
    assert ds["eligible"].sel(line="L2", fund="F2")
    assert list(ds["dest_r"].sel(recipient="UKR").values) == [True, False, False]
    assert list(ds["dest_n"].sel(fund="F2").values) == [True, True, False]
    assert not ds["dest_n"].sel(fund="F1").any()


def test_caveats_gdp_and_attrs(ds: object) -> None:
    assert ds["excluded"].sel(nation="FRA", item=A)
    assert ds["give_cap"].sel(nation="FRA", item=A) == 0
    assert ds["give_cap"].sel(nation="DEU", item=B) == 10
    assert np.isinf(ds["give_cap"].sel(nation="DEU", item=A))
    share = ds["gdp_share"].values
    np.testing.assert_allclose(share, np.array([4000, 2800, 3400]) / 10200)
    assert ds.attrs["synthetic"] is True
    src = json.loads(ds.attrs["sources"])
    assert src["stock_report"] == {"count": 2, "newest": "2025-03-01"}  # latest per pair
    assert src["pledge"]["count"] == 4
    assert ds.attrs["scenario"] == "surge" and ds.attrs["as_of"] == AS_OF.isoformat()
    assert ds.attrs["rate_date"] <= AS_OF.isoformat()


def test_hash_reproducible_and_sensitive(engine: Engine) -> None:
    populate(engine)
    a = build_snapshot(engine, AS_OF, 16, "surge")
    b = build_snapshot(engine, AS_OF, 16, "surge")
    assert a.attrs["content_hash"] == b.attrs["content_hash"] == content_hash(a)
    assert build_snapshot(engine, AS_OF, 16, "baseline").attrs["content_hash"] != content_hash(a)
    with writer(engine, actor="test") as w:
        w.create(StockReport, nation_code="FRA", item_code=B, quantity=1, as_of=AS_OF)
    c = build_snapshot(engine, AS_OF, 16, "surge")
    assert c.attrs["content_hash"] != a.attrs["content_hash"]
    assert c["s0"].sel(nation="FRA", item=B) == 1


def test_read_only_and_self_contained(engine: Engine, tmp_path: object) -> None:
    populate(engine)
    ds = build_snapshot(engine, AS_OF, 8, "surge")
    with pytest.raises(ValueError, match="read-only"):
        ds["s0"].values[0, 0] = 1.0
    engine.dispose()
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    restored = pickle.loads(pickle.dumps(ds))
    assert content_hash(restored) == ds.attrs["content_hash"]
    assert float(restored["cap"].sum()) == float(ds["cap"].sum())
    assert statements == []  # nothing below the snapshot touches the database


def test_bulk_reads(engine: Engine) -> None:
    populate(engine)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    build_snapshot(engine, AS_OF, 26, "surge")
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 20  # one per table, whatever the number of records


def test_unknown_scenario_and_baseline_default(engine: Engine) -> None:
    populate(engine)
    with pytest.raises(SnapshotError, match="unknown scenario"):
        build_snapshot(engine, AS_OF, 4, "no-such")
    base = build_snapshot(engine, AS_OF, 4)
    assert params_of(base)["consumption_weight"] == 10.0
    assert base["consumption"].sum() == 0


def test_snapshot_accepts_a_url(db_url: str, engine: Engine) -> None:
    populate(engine)
    ds = snapshot(db_url, AS_OF.isoformat(), horizon_weeks=4, scenario="surge")
    assert ds.sizes["week"] == 4 and ds["s0"].sel(nation="DEU", item=A) == 200


def test_empty_database(engine: Engine) -> None:
    ds = build_snapshot(engine, AS_OF, 3)
    assert ds.sizes["nation"] == 0 and ds.sizes["line"] == 0 and ds.sizes["week"] == 3
    assert ds.attrs["synthetic"] is False


def test_words_in_sources_do_not_make_data_synthetic(engine: Engine) -> None:
    """Issue 14.10: an ICEYE "synthetic-aperture radar" in a real source is not demo data."""
    with writer(engine, actor="test") as w:
        w.create(Nation, code="FIN", name="Finland", is_donor=True)
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(
            Item, code=A, name="a", category="artillery-ammunition", unit="round", unit_value=1
        )
        w.create(
            StockReport,
            nation_code="FIN",
            item_code=A,
            quantity=10,
            as_of=D(2025, 1, 1),
            source="ICEYE synthetic-aperture radar imagery, defence ministry release",
        )
    assert build_snapshot(engine, AS_OF, 3).attrs["synthetic"] is False


def test_session_and_engine_give_the_same_snapshot(engine: Engine) -> None:
    from materiel.db import read_session

    populate(engine)
    session = read_session(engine)
    try:
        via_session = build_snapshot(session, AS_OF, 6, "surge")
    finally:
        session.close()
    assert (
        via_session.attrs["content_hash"]
        == build_snapshot(engine, AS_OF, 6, "surge").attrs["content_hash"]
    )
