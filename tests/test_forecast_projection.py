"""Status-quo projection on hand-made snapshots whose answers are known by arithmetic."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from materiel.forecast.projection import alliance_table, gap_by_month, project, ranking
from materiel.snapshot import make_snapshot

ITEM = "ammo.artillery.155mm"


def snap(weeks: int = 10, **arrays: object) -> object:
    return make_snapshot(
        nations=["DEU", "FRA"],
        recipients=["UKR"],
        items=[ITEM],
        as_of="2025-01-06",
        horizon_weeks=weeks,
        **arrays,
    )


def test_constant_outflow_gives_exact_crossing_week() -> None:
    # DEU: 1000 in stock, target 600, 100 a week out: end of week t holds 1000 − 100(t+1),
    # first below 600 at t = 4 (500); t = 3 leaves exactly 600, which is not below.
    ds = snap(s0=np.array([[1000.0], [1000.0]]), floor=600.0, outflow=np.array([[100.0], [0.0]]))
    p = project(ds)
    stock = p["stock"].sel(holder="DEU", item=ITEM).values
    np.testing.assert_allclose(stock, 1000 - 100 * (np.arange(10) + 1.0))
    assert float(p["cross_week"].sel(holder="DEU", item=ITEM)) == 4
    assert not bool(p["cross_beyond_horizon"].sel(holder="DEU", item=ITEM))
    assert float(p["weeks_of_supply"].sel(holder="DEU", item=ITEM)) == pytest.approx(10.0)
    assert float(p["days_of_supply"].sel(holder="DEU", item=ITEM)) == pytest.approx(70.0)
    # FRA has no outflow: never crosses, infinite supply
    assert np.isnan(float(p["cross_week"].sel(holder="FRA", item=ITEM)))
    assert np.isinf(float(p["weeks_of_supply"].sel(holder="FRA", item=ITEM)))


def test_arrivals_and_scheduled_pledges_move_the_crossing() -> None:
    # DEU draws max(outflow 100, pledge remainder 150) = 150 a week but receives 50 from
    # an order: net −100, from 1000 to target 550: first below at end of week 4 (500).
    ds = snap(
        s0=np.array([[1000.0], [0.0]]),
        floor=np.array([[[550.0]], [[0.0]]]) * np.ones((2, 1, 10)),
        outflow=np.array([[100.0], [0.0]]),
        pout=np.array([[[150.0]], [[0.0]]]) * np.ones((2, 1, 10)),
        arrive_n=np.array([[[50.0]], [[0.0]]]) * np.ones((2, 1, 10)),
    )
    p = project(ds)
    assert float(p["cross_week"].sel(holder="DEU", item=ITEM)) == 4
    assert float(p["weekly_use"].sel(holder="DEU", item=ITEM)) == pytest.approx(150.0)


def test_recipient_shortfall_week_and_no_negative_stock() -> None:
    # UKR: 500 in stock, consumes 100 a week: week 4 ends at 0 (met), week 5 is short
    ds = snap(r0=np.array([[500.0]]), consumption=100.0)
    p = project(ds)
    stock = p["stock"].sel(holder="UKR", item=ITEM).values
    assert stock.min() == 0.0
    np.testing.assert_allclose(stock[:5], [400, 300, 200, 100, 0])
    assert float(p["cross_week"].sel(holder="UKR", item=ITEM)) == 5
    short = p["short"].sel(holder="UKR", item=ITEM).values
    assert not short[:5].any() and short[5:].all()
    # unmet consumption is not back-ordered: 100 unmet each week from week 5
    np.testing.assert_allclose(p["unmet"].sel(holder="UKR", item=ITEM).values[5:], 100.0)


def test_stock_recovers_after_a_shortfall_when_arrivals_resume() -> None:
    pin = np.zeros((1, 1, 10))
    pin[0, 0, 6] = 1000.0
    ds = snap(r0=np.array([[150.0]]), consumption=100.0, pin=pin)
    stock = project(ds)["stock"].sel(holder="UKR", item=ITEM).values
    # 50 after week 0, 0 from week 1 (short), then +1000 − 100 in week 6
    np.testing.assert_allclose(stock, [50, 0, 0, 0, 0, 0, 900, 800, 700, 600])


def test_crossing_beyond_the_horizon_is_extrapolated() -> None:
    # 2000 − 100(t+1) < 600 first at t = 14; horizon 8 weeks → extrapolated 14
    ds = snap(weeks=8, s0=np.array([[2000.0], [0.0]]), floor=600.0, outflow=[[100.0], [0.0]])
    p = project(ds)
    assert float(p["cross_week"].sel(holder="DEU", item=ITEM)) == 14
    assert bool(p["cross_beyond_horizon"].sel(holder="DEU", item=ITEM))


def test_ranking_is_worst_first_and_dates_the_crossing() -> None:
    ds = snap(
        s0=np.array([[1000.0], [1000.0]]),
        floor=600.0,
        outflow=np.array([[100.0], [200.0]]),
        r0=np.array([[10_000.0]]),
        consumption=310.0,
    )
    r = ranking(project(ds))
    # FRA: 1000 − 200(t+1) < 600 first at t = 2; DEU at t = 4
    assert list(r["holder"][:2]) == ["FRA", "DEU"]
    assert list(r["cross_week"][:2]) == [2, 4]
    assert r.loc[0, "cross_date"] == dt.date(2025, 1, 20)
    # UKR is credited with what the donors give: 300 a week until FRA runs dry after week
    # 4, then DEU's 100; at 310 a week it holds 10,000 − 5·10 − 5·210 = 8,900 after week 9
    # and runs short 8,900 / 210 → 43 weeks later, week 52, extrapolated past the horizon
    last = r.iloc[-1]
    assert (last["holder"], last["cross_week"], last["cross_beyond_horizon"]) == ("UKR", 52, True)


def test_the_projection_balances_donors_and_recipients() -> None:
    # donors give at their recent rate; the recipient receives exactly what they give
    # (pledges through pin, the rest credited), week by week, until a donor runs dry
    ds = snap(
        weeks=12,
        s0=np.array([[2000.0], [450.0]]),
        outflow=np.array([[100.0], [60.0]]),
        pout=np.concatenate([np.full((1, 1, 12), 30.0), np.zeros((1, 1, 12))]),
        pin=np.full((1, 1, 12), 30.0),
        r0=np.array([[0.0]]),
    )
    p = project(ds)
    donors = p["stock"].sel(holder=["DEU", "FRA"], item=ITEM).sum("holder").values
    given = -np.diff(np.concatenate([[2450.0], donors]))
    received = np.diff(np.concatenate([[0.0], p["stock"].sel(holder="UKR", item=ITEM).values]))
    np.testing.assert_allclose(received, given)
    # FRA's 450 at 60 a week lasts 7.5 weeks: it gives 30 in week 7 and nothing after
    assert received[7] == pytest.approx(130.0) and received[8] == pytest.approx(100.0)


def test_unknown_stock_is_unknown_and_ranked_last() -> None:
    ds = snap(
        s0=np.array([[1000.0], [0.0]]),
        s0_known=np.array([[True], [False]]),
        floor=600.0,
        outflow=np.array([[100.0], [50.0]]),
        r0_known=np.array([[False]]),
        consumption=500.0,
    )
    p = project(ds)
    r = ranking(p)
    assert list(r["holder"]) == ["DEU", "FRA", "UKR"]
    assert list(r["stock_known"]) == [True, False, False]
    for col in ("stock_now", "weeks_of_supply", "cross_week", "stock_end"):
        assert r[col].iloc[1:].isna().all(), col  # never "0 weeks of supply"
    assert not bool(p["short"].sel(holder="UKR").any())
    # its flows are still facts: FRA's giving reaches UKR (50 a week credited)
    assert float(p["weekly_inflow"].sel(holder="UKR", item=ITEM)) == pytest.approx(150.0)


def test_structural_gap_and_alliance_target_date() -> None:
    # production 700/week against consumption 1000/week: gap 300/week; alliance stock
    # 2 × 1000 against target 2 × 600 = 1200: 2000 − 300(t+1) < 1200 first at t = 2
    ds = make_snapshot(
        nations=["DEU", "FRA"],
        recipients=["UKR"],
        items=[ITEM],
        as_of="2025-01-06",
        horizon_weeks=10,
        lines=["L1", "L2"],
        line_item=[ITEM, ITEM],
        cap_full=np.array([[400.0], [300.0]]) * np.ones((2, 10)),
        s0=1000.0,
        floor=600.0,
        consumption=1000.0,
    )
    p = project(ds)
    table = alliance_table(p)
    row = table.iloc[0]
    assert row["production_per_month"] == pytest.approx(700 * 365.25 / 12 / 7)
    assert row["gap_per_month"] == pytest.approx(300 * 365.25 / 12 / 7)
    assert row["reach_week"] == 2
    assert row["reach_date"] == dt.date(2025, 1, 20)
    assert row["outlook"] == "falls to target"
    gaps = gap_by_month(p)
    assert set(gaps["month"]) == {"2025-01", "2025-02", "2025-03"}
    np.testing.assert_allclose(gaps["gap"], 300 * 365.25 / 12 / 7)


def test_window_must_match_the_snapshot() -> None:
    ds = snap()
    project(ds, window=12)
    with pytest.raises(ValueError, match="outflow_window_weeks=4"):
        project(ds, window=4)
