"""The demo scenario as generated (no database): reproducible, coherent, calibrated."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

import pytest

from materiel.demo import DemoPlan, build_plan
from materiel.demo import profiles as prof
from materiel.reference import catalogue, nations


@pytest.fixture(scope="module")
def plan() -> DemoPlan:
    return build_plan(seed=2026, as_of=dt.date(2026, 11, 2))


def test_same_seed_same_plan_other_seed_other_plan() -> None:
    a = dataclasses.asdict(build_plan(seed=11))
    b = dataclasses.asdict(build_plan(seed=11))
    c = dataclasses.asdict(build_plan(seed=12))
    assert a == b
    assert a["pledges"] != c["pledges"]
    assert a["stock_reports"] != c["stock_reports"]


def test_plan_references_known_codes(plan: DemoPlan) -> None:
    items = {r["code"] for r in catalogue()}
    codes = {n["code"] for n in nations()}
    for p in plan.pledges:
        assert p.fields["item_code"] in items
        assert p.fields["donor_code"] in codes
    for row in (*plan.needs, *plan.stock_reports, *plan.stock_targets, *plan.lines):
        assert row["item_code"] in items
    assert {d for d in plan.donors} <= codes
    assert len(plan.donors) >= 22


def test_deliveries_never_exceed_pledges_and_fall_in_the_year(plan: DemoPlan) -> None:
    year_start = plan.as_of - dt.timedelta(days=365)
    for p in plan.pledges:
        f = p.fields
        assert year_start <= f["announced_on"] <= plan.as_of
        assert f["due_by"] >= f["announced_on"]
        delivered = sum(d["quantity"] for d in p.deliveries)
        assert delivered <= f["quantity"], f["ref"]
        if p.final_status == "cancelled":
            assert delivered < f["quantity"]
        for d in p.deliveries:
            assert f["announced_on"] <= d["delivered_on"] <= plan.as_of
            assert d["quantity"] > 0
    span = max(p.fields["announced_on"] for p in plan.pledges) - min(
        p.fields["announced_on"] for p in plan.pledges
    )
    assert span.days >= 330


def test_lifecycle_mix_late_confidential_and_currencies(plan: DemoPlan) -> None:
    finals = {p.final_status for p in plan.pledges}
    assert {"committed", "cancelled", None} <= finals
    fully = [
        p for p in plan.pledges if sum(d["quantity"] for d in p.deliveries) == p.fields["quantity"]
    ]
    partly = [
        p
        for p in plan.pledges
        if 0 < sum(d["quantity"] for d in p.deliveries) < p.fields["quantity"]
        and p.final_status is None
    ]
    late = [
        p
        for p in plan.pledges
        if p.fields["due_by"] < plan.as_of
        and p.final_status != "cancelled"
        and sum(d["quantity"] for d in p.deliveries) < p.fields["quantity"]
    ]
    assert len(fully) > 50 and len(partly) > 5 and len(late) > 5
    assert sum(p.fields["confidential"] for p in plan.pledges) > 5
    currencies = {p.fields["value_currency"] for p in plan.pledges} - {None}
    assert {"USD", "EUR", "GBP"} <= currencies and len(currencies) >= 6
    assert 200 <= len(plan.pledges) <= 600 and 200 <= len(plan.deliveries) <= 800


def test_calibration_on_public_figures(plan: DemoPlan) -> None:
    shells = sum(p.fields["quantity"] for p in plan.pledges if p.fields["item_code"] == prof.A155)
    assert shells == pytest.approx(1_200_000, rel=0.03)  # US + Europe ~1.2 M a year (Mar 2024)
    rates = {(r["scenario_name"], r["item_code"]): r["mean_per_day"] for r in plan.scenario_rates}
    assert rates[("baseline", prof.A155)] == pytest.approx(110_000 / 30.5, rel=0.02)
    # US 155 mm lines: ~40,000 a month before the ramp, 100,000 a month at the last step
    us = [ln for ln in plan.lines if ln["nation_code"] == "USA" and ln["item_code"] == prof.A155]
    base = sum(ln["weekly_capacity"] for ln in us) * 52 / 12
    assert 36_000 <= base <= 44_000
    last = defaultdict(int)
    for step in plan.ramp_steps:
        last[step["line_code"]] = max(last[step["line_code"]], step["weekly_capacity"])
    top = sum(last[ln["code"]] for ln in us) * 52 / 12
    assert 90_000 <= top <= 110_000
    leads = [ln["lead_time_weeks"] for ln in plan.lines if ln["item_code"] == prof.A155]
    assert min(leads) >= 26 and max(leads) <= 52


def test_lines_ramp_up_and_orders_fit_capacity_and_budget(plan: DemoPlan) -> None:
    steps = defaultdict(list)
    for s in plan.ramp_steps:
        steps[s["line_code"]].append((s["effective_from"], s["weekly_capacity"]))
    assert len(plan.lines) >= 16
    kinds = {o["kind"] for o in plan.organisations}
    assert {"producer_large", "producer_sme"} <= kinds
    for ln in plan.lines:
        seq = [ln["weekly_capacity"]] + [c for _, c in sorted(steps[ln["code"]])]
        assert len(seq) >= 2, ln["code"]
        assert seq == sorted(seq), ln["code"]
        assert all(d.year in (2026, 2027) for d, _ in steps[ln["code"]])
    lines = {ln["code"]: ln for ln in plan.lines}
    funds = {f["code"]: f for f in plan.funds}
    spent: dict[str, float] = defaultdict(float)
    per_line: dict[str, float] = defaultdict(float)
    for o in plan.orders:
        weeks = ((o["delivery_end"] - o["delivery_start"]).days + 7) / 7
        per_line[o["line_code"]] += o["quantity"] / weeks
        usd = o["quantity"] * o["unit_price"] * prof.USD_PER[o["currency"]]
        spent[o["fund_code"]] += usd / prof.USD_PER[funds[o["fund_code"]]["currency"]]
        assert o["delivery_start"] >= o["placed_on"]
        assert o["placed_on"] >= funds[o["fund_code"]]["period_start"]
    for code, rate in per_line.items():
        assert rate <= lines[code]["weekly_capacity"]
    for code, amount in spent.items():
        assert 0 < amount < funds[code]["budget"]


def test_funds_and_collective_155_fund(plan: DemoPlan) -> None:
    funds = {f["code"]: f for f in plan.funds}
    assert len(funds) >= 5
    f = funds["F-155-COLLECTIVE"]
    assert (f["name"], f["budget"], f["currency"]) == (
        "Collective 155 mm ammunition fund",
        1_000_000_000,
        "USD",
    )
    assert f["destination"] == "recipient" and f["recipient_code"] == "UKR"
    items = {(fi["fund_code"], fi["item_code"]) for fi in plan.fund_items}
    assert ("F-155-COLLECTIVE", prof.A155) in items
    members = [m for m in plan.fund_members if m["fund_code"] == "F-155-COLLECTIVE"]
    assert len(members) >= 5
    assert sum(m["contribution"] for m in members) == pytest.approx(1e9)
    assert {f["destination"] for f in plan.funds} == {"recipient", "members"}
    assert {f["currency"] for f in plan.funds} >= {"USD", "EUR"}


def test_stocks_fall_for_heavy_givers_and_every_national_donor_reports(plan: DemoPlan) -> None:
    reporting = {r["nation_code"] for r in plan.stock_reports}
    targeted = {t["nation_code"] for t in plan.stock_targets}
    national = set(plan.donors) - {"EUU"}
    assert national <= reporting and national <= targeted
    series = defaultdict(list)
    for r in plan.stock_reports:
        series[(r["nation_code"], r["item_code"])].append((r["as_of"], r["quantity"]))
    assert min(len(v) for v in series.values()) >= 4
    usa = [q for _, q in sorted(series[("USA", prof.A155)])]
    assert usa[-1] < usa[0]
    assert len({(n, i) for n, i, *_ in prof.CAVEATS}) == len(plan.caveats)
    assert len(plan.meetings) == 2
    assert {s["name"] for s in plan.scenarios} == {"baseline", "counteroffensive-surge"}
    keys = set(prof.SCENARIOS["baseline"][2])
    assert keys == {
        "readiness_weight",
        "mu_burden",
        "hard_targets",
        "consumption_weight",
        "production_mean",
        "production_sd",
        "slip_probability",
        "slip_weeks",
        "surge_factor",
        "surge_start_week",
        "surge_weeks",
    }


@pytest.mark.parametrize(
    ("seed", "as_of"),
    [(1, dt.date(2025, 3, 1)), (99, dt.date(2026, 1, 31)), (2026, dt.date(2027, 12, 31))],
)
def test_other_seeds_and_dates_stay_coherent(seed: int, as_of: dt.date) -> None:
    plan = build_plan(seed=seed, as_of=as_of)
    for p in plan.pledges:
        delivered = sum(d["quantity"] for d in p.deliveries)
        assert delivered <= p.fields["quantity"]
        assert all(d["delivered_on"] <= as_of for d in p.deliveries)
    for n in plan.needs:
        assert n["needed_by"] >= n["stated_on"] and n["quantity"] > 0
    for o in plan.orders:
        assert o["placed_on"] <= as_of
        assert o["delivery_end"] >= o["delivery_start"] >= o["placed_on"]
    keys = [(r["nation_code"], r["item_code"], r["as_of"]) for r in plan.stock_reports]
    assert len(keys) == len(set(keys))
    assert all(r["quantity"] >= 0 for r in plan.stock_reports)
    held = [m["held_on"] for m in plan.meetings]
    assert held[0] < as_of < held[1]
