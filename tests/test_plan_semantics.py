"""Hand-built plans for the semantics of issue 13: backlog and lateness, transit, the tail
after the horizon, the lexicographic tie-break, value-normalised weights, whole units and
the readiness–support frontier. Each answer is known by reasoning."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np
import pytest
import xarray as xr

from materiel.plan import build_model, from_snapshot, solve
from materiel.plan.frontier import sweep
from materiel.plan.results import from_solution
from materiel.plan.solve import make_highs, solve_model
from materiel.plan_policy import FRONTIER_FACTORS, PRIORITIES, TAIL_PERIOD_WEEKS
from materiel.snapshot.schema import make_snapshot


def snap(weeks: int = 6, *, params: dict[str, Any] | None = None, **arrays: Any) -> xr.Dataset:
    """One donor (AAA), one recipient (UKR), one item worth 1000 USD a unit."""
    return make_snapshot(
        nations=["AAA"],
        recipients=["UKR"],
        items=["ammo.a"],
        lines=["LINE"] if "lead" in arrays else [],
        funds=["FUND"] if "budget" in arrays else [],
        as_of="2026-01-05",
        horizon_weeks=weeks,
        item_value=[1000.0],
        line_item=["ammo.a"] * (1 if "lead" in arrays else 0),
        line_currency="USD",
        fund_currency="USD",
        params=params,
        **arrays,
    )


def need(weeks: int, week: int, qty: float, priority: str = "critical") -> np.ndarray:
    out = np.zeros((1, 1, len(PRIORITIES), weeks))
    out[0, 0, PRIORITIES.index(priority), week] = qty
    return out


def total(frame: Any, col: str = "quantity") -> float:
    return float(frame[col].sum()) if len(frame) else 0.0


def test_an_overdue_need_is_served_from_a_later_arrival() -> None:
    """Overdue critical need 100 (due in week 0); 100 units reach the donor in week 1: the
    need is carried forward and served in week 1, not lost."""
    arrive = np.zeros((1, 1, 6))
    arrive[0, 0, 1] = 100.0
    result = solve(snap(need=need(6, 0, 100.0), arrive_n=arrive))
    assert result.status == "Optimal"
    tr = result.transfers
    assert list(tr.week) == [1] and total(tr) == pytest.approx(100.0)
    met = result.need_met.iloc[0]
    assert met.priority == "critical"
    assert met.met == pytest.approx(100.0) and met.outstanding == pytest.approx(0.0, abs=1e-6)
    assert met.weeks_late == pytest.approx(1.0, rel=1e-6)  # one week in backlog
    rows = result.unmet[result.unmet.kind == "need"].set_index("week")
    assert rows.loc[0, "unmet"] == pytest.approx(100.0)  # outstanding at the end of week 0
    assert rows.loc[1, "met"] == pytest.approx(100.0)
    assert result.headline()["share"] == pytest.approx(1.0)


def test_a_late_need_waits_no_longer_than_supply_allows() -> None:
    """Need 30 due in week 1, only 10 a week arrive at the donor from week 2: served 10 in
    each of weeks 2, 3, 4, so 3 + 2 + 1 + ... unit-weeks late."""
    arrive = np.zeros((1, 1, 6))
    arrive[0, 0, 2:5] = 10.0
    result = solve(snap(need=need(6, 1, 30.0, "high"), arrive_n=arrive))
    served = result.unmet[result.unmet.kind == "need"].set_index("week")["met"]
    np.testing.assert_allclose(served.reindex(range(1, 6)).to_numpy(), [0, 10, 10, 10, 0])
    assert result.need_met.iloc[0].weeks_late == pytest.approx((30 + 20 + 10) / 30)


def test_transit_delays_arrival() -> None:
    """Donor stock 100, consumption 10 a week, transit 2 weeks: weeks 0 and 1 go short."""
    cons = np.full((1, 1, 6), 10.0)
    result = solve(snap(s0=[[100.0]], consumption=cons, transit=[[2]], params={"tail_weeks": 0}))
    tr = result.transfers
    assert (tr.week_arriving == tr.week + 2).all()
    unmet = result.consumption_met.iloc[0]
    assert unmet.unmet == pytest.approx(20.0)
    assert total(tr) == pytest.approx(40.0)  # what arrives within the horizon helps
    no_transit = solve(snap(s0=[[100.0]], consumption=cons, params={"tail_weeks": 0}))
    assert no_transit.consumption_met.iloc[0].unmet == pytest.approx(0.0, abs=1e-6)


def _order_case(**params: Any) -> xr.Dataset:
    """A 4-week horizon; critical need 100 overdue; a line with lead time 6 weeks."""
    return snap(
        4,
        need=need(4, 0, 100.0),
        cap=np.full((1, 4), 1000.0),
        price=[500.0],
        lead=[6],
        budget=[1e6],
        eligible=[[True]],
        dest_r=[[True]],
        params=params,
    )


def test_an_order_arriving_after_the_horizon_is_taken_when_the_tail_values_it() -> None:
    result = solve(_order_case())
    orders = result.orders
    assert total(orders) == pytest.approx(100.0)
    assert orders.after_horizon.all() and (orders.week_arriving == orders.week_placed + 6).all()
    # placed at once: it arrives in the tail's first period (the tail is counted in periods
    # of TAIL_PERIOD_WEEKS weeks, so any week placed that lands there is as good)
    assert (orders.week_arriving < 4 + TAIL_PERIOD_WEEKS).all()
    assert any("lead time 6 weeks" in w for w in result.warnings)
    # without the tail nothing after the horizon counts, and no order is made
    cut = solve(_order_case(tail_weeks=0))
    assert total(cut.orders) == pytest.approx(0.0)


def test_the_tie_break_ships_no_more_than_helps() -> None:
    """Donor stock 1000, no target, consumption 10 a week for 4 weeks: any shipment of at
    least 40 is optimal for the primary objective; the second solve ships exactly 40."""
    ds = snap(4, s0=[[1000.0]], consumption=np.full((1, 1, 4), 10.0), params={"tail_weeks": 0})
    data = from_snapshot(ds)
    model = build_model(data)
    primary = solve_model(
        model, highs=make_highs(model, method="simplex", time_limit=60, threads=1)
    )
    shipped_primary = from_solution(model, primary, data).x.sum()
    result = solve(ds)
    assert total(result.transfers) == pytest.approx(40.0, abs=1e-6)
    assert total(result.transfers) <= shipped_primary + 1e-6
    assert result.objective == pytest.approx(primary.objective, rel=1e-9, abs=1e-6)


def test_weights_are_per_unit_of_value() -> None:
    """Two items, one worth 1000 times the other, the same critical need in units and one
    donor able to give one of them below target: at λ = 1 both are given (critical need
    weighs 100 per dollar-week against 1), so value does not decide between them."""
    ds = make_snapshot(
        nations=["AAA"],
        recipients=["UKR"],
        items=["cheap", "dear"],
        as_of="2026-01-05",
        horizon_weeks=4,
        item_value=[1.0, 1000.0],
        s0=[[10.0, 10.0]],
        floor=np.full((1, 2, 4), 10.0),
        need=np.stack([need(4, 0, 10.0)[0, 0], need(4, 0, 10.0)[0, 0]])[None],
    )
    result = solve(ds)
    assert set(result.transfers.item) == {"cheap", "dear"}
    shut = solve(ds, readiness_weight=1000.0)  # readiness above critical need: keep stock
    assert total(shut.transfers) == pytest.approx(0.0)


def test_whole_units_in_reports() -> None:
    """4.5 units a week for 4 weeks (18 in all) is reported in whole units, total kept."""
    cons = np.full((1, 1, 4), 4.5)
    result = solve(snap(4, s0=[[100.0]], consumption=cons, transit=[[0]], params={"tail_weeks": 0}))
    rep = result.report()["transfers"]
    assert (rep.quantity == rep.quantity.round()).all()
    assert total(rep) == pytest.approx(18.0)
    stored = result.to_json()["tables"]["transfers"]
    assert all(float(r["quantity"]).is_integer() for r in stored)


def test_the_frontier_trades_critical_need_against_stock_below_target() -> None:
    """Donor stock 100 with a target of 80, overdue critical need 50: below λ = 100 the
    donor gives 50 (30 below target); from λ = 100 (tie-break: ship less) only 20."""
    ds = snap(4, s0=[[100.0]], floor=np.full((1, 1, 4), 80.0), need=need(4, 0, 50.0))
    front = sweep(ds)
    points = front.points
    assert len(points) >= 8 and len(points) == len(FRONTIER_FACTORS)
    lams = [p["readiness_weight"] for p in points]
    assert lams == sorted(lams)
    shares = [p["critical_share"] for p in points]
    below = [p["below_target_value_weeks"] for p in points]
    assert all(a >= b - 1e-9 for a, b in pairwise(shares))
    assert all(a >= b - 1e-6 for a, b in pairwise(below))
    assert shares[0] == pytest.approx(1.0)
    assert shares[-1] == pytest.approx(20 / 50)
    # 30 units × 1000 USD × 4 weeks below target at λ = 0
    assert below[0] == pytest.approx(30 * 1000.0 * 4)
    assert points[0]["below_target_by_donor"] == {"AAA": pytest.approx(30 * 1000.0 * 4)}
    assert "SYNTHETIC" not in front.source


def test_no_plan_figure_adds_units_of_different_items() -> None:
    """Two items of very different units (rounds and systems): the plan's summary gives
    shares, values (USD) and counts of rows only; per-item figures stay per item."""
    import datetime as dt

    from materiel.queries.runs import plan_summary
    from materiel.records import PlanRun

    need2 = np.zeros((1, 2, len(PRIORITIES), 4))
    need2[0, 0, 0, 0] = 100_000.0  # rounds, critical
    need2[0, 1, 0, 0] = 3.0  # systems, critical
    ds = make_snapshot(
        nations=["AAA"],
        recipients=["UKR"],
        items=["ammo.round", "system.launcher"],
        as_of="2026-01-05",
        horizon_weeks=4,
        item_value=[5_000.0, 50e6],
        item_unit=["round", "system"],
        s0=[[60_000.0, 2.0]],
        need=need2,
        transit=[[0, 0]],
        params={"tail_weeks": 0},
    )
    result = solve(ds)
    run = PlanRun(
        id=1,
        as_of=dt.date(2026, 1, 5),
        created_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
        snapshot_hash=result.snapshot_hash,
        scenario="baseline",
        horizon_weeks=4,
        status=result.status,
        objective=result.objective,
        build_seconds=0.0,
        solve_seconds=0.0,
        results=result.to_json(),
    )
    summary = plan_summary(run)
    assert not {"unmet", "demand", "unmet_critical"} & set(summary)
    # critical: 60,000 of 100,000 rounds (USD 300 m of 500 m) and 2 of 3 systems (100 of 150)
    assert summary["critical_share"] == pytest.approx((300e6 + 100e6) / (500e6 + 150e6))
    per_item = {r["item"]: r for r in summary["critical_items"]}
    assert per_item["ammo.round"]["met"] == pytest.approx(60_000.0)
    assert per_item["system.launcher"]["met"] == pytest.approx(2.0)
    assert summary["transfers"] == 2  # rows (donor, recipient, item, week), not units
    assert summary["transfer_value"] == pytest.approx(300e6 + 100e6)
    by_priority = {r["priority"]: r for r in summary["need_by_priority"]}
    assert by_priority["critical"]["value_due"] == pytest.approx(650e6)


def test_the_frontier_is_drawn_for_the_page_and_the_brief() -> None:
    from materiel.brief.model import Section
    from materiel.brief.sections.plan import _frontier
    from materiel.charts import frontier_chart, to_svg_str

    ds = snap(4, s0=[[100.0]], floor=np.full((1, 1, 4), 80.0), need=need(4, 0, 50.0))
    front = sweep(ds).to_json()
    svg = to_svg_str(frontier_chart(front["points"], source=front["source"]))
    assert "<svg" in svg and "λ=0" in svg and "critical need" in svg
    sec = Section("plan", "The latest plan")
    _frontier(sec, front, 1)
    assert len(sec.charts) == 1
    title, table = sec.tables[0]
    assert "frontier" in title and len(table.rows) == len(front["points"])
    assert table.rows[0][1] == "100 %" and table.rows[-1][1] == "40 %"


def _consumption_or_routine(**params: Any) -> Any:
    """Donor stock 100; the recipient consumes 10 a week for 10 weeks and has a routine
    need of 100 overdue: the stock serves one or the other, not both."""
    return solve(
        snap(
            10,
            s0=[[100.0]],
            consumption=np.full((1, 1, 10), 10.0),
            need=need(10, 0, 100.0, "routine"),
            transit=[[0]],
            params={"tail_weeks": 0, **params},
        )
    )


def test_lost_consumption_outweighs_the_same_units_of_routine_backlog() -> None:
    """Lost consumption is charged as a need of the consumption weight (10) outstanding for
    the whole horizon (10 weeks), lateness of a routine need at 1 a week: the 100 units go to
    consumption, and the routine need stays outstanding (before this rule consumption cost
    10 once and the routine need, 1 a week for 10 weeks, took the stock)."""
    result = _consumption_or_routine()
    cons = result.consumption_met.iloc[0]
    assert cons.met == pytest.approx(100.0) and cons.unmet == pytest.approx(0.0, abs=1e-6)
    assert result.need_met.iloc[0].outstanding == pytest.approx(100.0)
    # the weight decides: consumption lighter than a routine need, and the need goes first
    light = _consumption_or_routine(consumption_weight=0.5)
    assert light.need_met.iloc[0].met == pytest.approx(100.0)
    assert light.consumption_met.iloc[0].unmet == pytest.approx(100.0)
