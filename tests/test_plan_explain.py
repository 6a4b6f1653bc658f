"""Where the next million does most good (issue 13, point 5): every number in the ranking
and the sentences is the difference an independent re-solve shows.

The check re-builds each move itself (USD 1 million more in a fund, USD 1 million more
output at a line, a target 10 % lower in whole units), solves the base and the moved plan
from scratch with ``materiel.plan.solve`` (no warm start, no explanations; with the plan's
tie-break, whose perturbed cost has one optimum, so a degenerate LP's equally good plans
are not compared with each other) and compares, item by item, the
units short at the horizon's end, the stated need's mean lateness and the USD-weeks of stock
below the targets in force, read from the result *tables* (not from explain's own reader).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from materiel import money
from materiel.plan import explain as ex
from materiel.plan import from_snapshot, solve
from materiel.plan.data import PlanData
from materiel.plan.synthetic import generate
from materiel.snapshot import make_snapshot


# -- an independent reading of a plan -----------------------------------------------------
def reading(result: Any, d: PlanData, floor: np.ndarray) -> dict[str, Any]:
    """Per item: units short at the end of the horizon and unit-weeks late; USD-weeks of
    donor stock below ``floor`` — from the result tables."""
    t = result.tables
    short = pd.Series(0.0, index=d.items)
    late = pd.Series(0.0, index=d.items)
    if "need_met" in t:  # the backlog model
        cm, nm = t["consumption_met"], t["need_met"]
        if len(cm):
            short = short.add(cm.groupby("item")["unmet"].sum(), fill_value=0.0)
        if len(nm):
            short = short.add(nm.groupby("item")["outstanding"].sum(), fill_value=0.0)
            lw = (nm["weeks_late"] * nm["due"]).groupby(nm["item"]).sum()
            late = late.add(lw, fill_value=0.0)
    else:
        u = t["unmet"]
        if len(u):
            short = short.add(u.groupby("item")["unmet"].sum(), fill_value=0.0)
    st_ = t["stocks"]
    don = st_[st_["kind"] == "donor"]
    below = 0.0
    if len(don):
        n = pd.Index(d.nations).get_indexer(don["holder"])
        i = pd.Index(d.items).get_indexer(don["item"])
        w = don["week"].to_numpy(dtype=int)
        gap = np.maximum(floor[n, i, w] - don["stock"].to_numpy(), 0.0)
        below = float((gap * d.value[i]).sum())
    return {"short": short, "late": late, "below": below}


def due_per_item(d: PlanData) -> pd.Series:
    need = getattr(d, "need", None)
    if need is None:
        return pd.Series(0.0, index=d.items)
    a = np.asarray(need)[..., : d.weeks]
    return pd.Series(a.sum(axis=tuple(k for k in range(a.ndim) if k != 1)), index=d.items)


def moved(d: PlanData, kind: str, name: str) -> PlanData:
    """The move of a ranking row, built here from the definitions in the module doc."""
    on = d.rate_date or d.as_of
    if kind == "fund":
        f = d.funds.index(name)
        cur = d.fund_currency[f]
        rate = 1.0 if cur == "USD" else money.rate(cur, "USD", dt.date.fromisoformat(on[:10]))
        budget = np.array(d.budget, dtype=float)
        budget[f] += 1e6 / rate
        return replace(d, budget=budget)
    if kind == "line":
        p = d.lines.index(name)
        cur = d.line_currency[p]
        rate = 1.0 if cur == "USD" else money.rate(cur, "USD", dt.date.fromisoformat(on[:10]))
        cap = np.array(d.cap, dtype=float)
        cap[p, : d.weeks] += 1e6 / (d.price[p] * rate) / d.weeks
        return replace(d, cap=cap)
    donor, item = name.split("/")
    floor = np.array(d.floor, dtype=float)
    n, i = d.nations.index(donor), d.items.index(item)
    floor[n, i] = np.maximum(floor[n, i] - whole_cut(floor[n, i]), 0.0)
    return replace(d, floor=floor)


def whole_cut(floor: np.ndarray) -> float:
    """A target's cut (module doc of materiel.plan.explain): 10 % of the target now (or at
    its highest when it is 0 now), rounded to whole units, at least one, at most all."""
    level = float(floor[0]) if floor[0] > 0 else float(floor.max())
    return min(max(1.0, float(round(0.1 * level))), level)


def close(a: float, b: float) -> bool:
    """Within 1 % (or a hundredth of a unit for tiny figures)."""
    return abs(a - b) <= 0.01 * max(abs(a), abs(b)) + 0.01


def agree(a: float, b: float, diff: dict[str, Any]) -> bool:
    """The sentence's figure ``a`` equals the independent re-solve's ``b`` within 1 % (no
    exception for alternative optima: both sides are the tie-break's one plan)."""
    return close(a, b)


MINUS_ZERO = re.compile(r"(^|[\s(])[-−]0(\.0+)?(?![\d.])")
NUMBER = r"([\d,]+(?:\.\d+)?(?:e-?\d+)?)"


def check_sentence(sentence: str, diff: dict[str, Any]) -> int:
    """Every number the sentence states equals the re-solve difference; returns how many."""
    checked = 0
    for verb, value, item in re.findall(rf"(avoids|adds) {NUMBER} units of (\S+) short", sentence):
        got = float(value.replace(",", "")) * (1 if verb == "avoids" else -1)
        assert agree(got, diff["short"][item], diff), (sentence, item, diff["short"][item])
        checked += 1
    for verb, value in re.findall(rf"(avoids|adds) {NUMBER} USD-weeks", sentence):
        got = float(value.replace(",", "")) * (1 if verb == "avoids" else -1)
        assert agree(got, diff["below"], diff), (sentence, diff["below"])
        checked += 1
    for part in sentence.split("; "):  # one item per part: its units, then its weeks
        named = re.search(r"units of (\S+) short|stated need for (\S+)", part)
        for value, when in re.findall(rf"{NUMBER} weeks (earlier|later)", part):
            assert named, part
            item = named.group(1) or named.group(2)
            got = float(value.replace(",", "")) * (1 if when == "earlier" else -1)
            assert agree(got, diff["earlier"][item], diff), (sentence, item)
            checked += 1
    if "changes nothing" in sentence:
        assert (diff["short"].abs() < 0.01 * diff["scale"] + 0.01).all(), sentence
        assert abs(diff["below"]) < 0.01 * max(diff["below_scale"], 1.0) + 1.0, sentence
    return checked


def verify(snap: Any) -> tuple[int, int]:
    """Solve with explanations, then re-check every sentence and ranking row independently.
    Returns (moves checked, numbers checked)."""
    result = solve(snap)
    if not result.optimal:
        return 0, 0
    d = from_snapshot(snap)
    # cold re-solves, each with the plan's deterministic tie-break
    base_res = solve(snap, explain=False)
    base = reading(base_res, d, d.floor)
    due = due_per_item(d)
    if "marginals" not in result.tables:  # nothing to decide: no moves to explain
        assert result.stats.get("columns", 0) == 0
        return 0, 0
    marg = result.tables["marginals"]
    rank = result.tables["ranking"]
    moves = marg[["kind", "name", "sentence", "objective_gain"]].drop_duplicates(["kind", "name"])
    numbers = 0
    for row in moves.itertuples():
        dm = moved(d, row.kind, row.name)
        res = solve(dm, explain=False)
        assert res.optimal
        other = reading(res, dm, dm.floor)  # against the moved plan's targets
        short = base["short"] - other["short"]
        late = base["late"] - other["late"]
        gain = float(base_res.objective) - float(res.objective)
        scale = 1e-6 * max(1.0, abs(float(base_res.objective)))
        assert abs(gain - float(row.objective_gain or 0.0)) <= scale, (row.name, gain)
        diff = {
            "short": short,
            "earlier": (late / due.where(due > 0)).fillna(0.0),
            "below": base["below"] - other["below"],
            "scale": float(base["short"].abs().max() or 1.0),
            "below_scale": base["below"],
        }
        numbers += check_sentence(str(row.sentence), diff)
        if row.kind == "target":  # the cut is stated in whole units, as the re-solve made it
            donor, item = str(row.name).split("/")
            cut = whole_cut(d.floor[d.nations.index(donor), d.items.index(item)])
            stated = re.findall(rf"by {NUMBER} \S+ in every week.* frees {NUMBER} ", row.sentence)
            assert stated and all(float(v.replace(",", "")) == cut for v in stated[0]), row
            numbers += 1
        assert not MINUS_ZERO.search(str(row.sentence)), row.sentence
        r = rank[(rank["kind"] == row.kind) & (rank["name"] == row.name)]
        for x in r.itertuples():  # the ranking's figures are the same differences
            if x.item:
                assert agree(x.units_short_avoided, short[x.item], diff), (row.name, x.item)
            assert agree(x.below_target_usd_weeks_avoided, diff["below"], diff), row.name
            if str(x.reason):
                assert "changes nothing" in str(x.sentence)
    return len(moves), numbers


instances = st.fixed_dictionaries(
    {
        "donors": st.integers(1, 3),
        "items": st.integers(1, 3),
        "weeks": st.integers(4, 8),
        "lines": st.integers(1, 4),
        "funds": st.integers(1, 3),
        "seed": st.integers(0, 10_000),
    }
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances)
def test_every_sentence_number_equals_an_independent_resolve(case: dict[str, Any]) -> None:
    snap = generate(
        case["donors"],
        case["items"],
        case["weeks"],
        case["lines"],
        funds=case["funds"],
        seed=case["seed"],
    )
    verify(snap)


# -- hand-built cases with known answers ----------------------------------------------------
ITEM = "ammo.artillery.155mm"


def one_line(*, lead: int = 1, budget: float = 1e6, cap: float = 100.0, weeks: int = 6) -> Any:
    """UKR consumes 1,000 rounds a week and holds none; line L makes 155 mm at USD 1,000 a
    round, with ``cap`` a week and ``lead`` weeks of lead time; fund F (USD) buys from it for
    UKR."""
    return make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=[ITEM],
        lines=["L"],
        funds=["F"],
        as_of="2026-01-05",
        horizon_weeks=weeks,
        item_value=[1000.0],
        line_item=[ITEM],
        line_currency="USD",
        fund_currency="USD",
        consumption=1000.0,
        cap_full=cap,
        price=1000.0,
        lead=np.array([lead]),
        budget=np.array([budget]),
        eligible=np.array([[True]]),
        dest_r=np.array([[True]]),
    )


def test_a_fund_whose_money_binds_avoids_what_a_million_buys() -> None:
    # USD 1 m buys 1,000 rounds at USD 1,000: with spare capacity they all arrive in time
    res = solve(one_line(budget=1e5, cap=1000.0))
    row = res.tables["ranking"].set_index("name").loc["F"]
    assert row["item"] == ITEM
    assert row["units_short_avoided"] == pytest.approx(1000.0, rel=1e-6)
    assert "avoids 1,000 units of ammo.artillery.155mm short" in row["sentence"]
    moves, numbers = verify(one_line(budget=1e5, cap=1000.0))
    assert moves >= 2 and numbers >= 1


def test_a_fund_whose_orders_arrive_after_the_horizon_says_so() -> None:
    res = solve(one_line(lead=10, weeks=6))
    row = res.tables["ranking"].set_index("name").loc["F"]
    assert "arrives after the 6-week horizon" in row["reason"]
    assert "changes nothing" in row["sentence"]
    assert row["units_short_avoided"] == 0.0


def test_a_line_the_money_cannot_reach_and_a_fund_at_capacity_say_why() -> None:
    # capacity 10 a week, far more money than it can spend: the fund is not what limits,
    # and more output at the line (bought with that money) avoids what it adds
    res = solve(one_line(budget=1e8, cap=10.0))
    rank = res.tables["ranking"].set_index("name")
    assert "money is not what limits" in rank.loc["F", "reason"]
    units = 1e6 / 1000.0  # USD 1 m of output at USD 1,000 a round, over the horizon
    # spread over 6 weeks; the last week's orders (lead 1) arrive after the horizon
    assert rank.loc["L", "units_short_avoided"] == pytest.approx(units * 5 / 6, rel=1e-6)
    verify(one_line(budget=1e8, cap=10.0))


def test_no_minus_zero_and_labels_in_the_printed_ranking() -> None:
    res = solve(one_line(budget=1e8, cap=10.0))
    rows = ex.ranking_rows(res.tables["ranking"])
    assert rows and not any(MINUS_ZERO.search(v) for r in rows for v in r.values())
    assert set(ex.RANKING_LABELS) == set(rows[0])
    assert ex.signed(-1e-9, ex.UNIT_TOL) == "" and ex.signed(-2.5, ex.UNIT_TOL) == "−2.50"


def test_a_trade_of_breach_for_shortfall_is_said_in_words() -> None:
    """A move that avoids shortfall by giving below target (line KR-155 on the demo): the
    breach it adds is said as a trade, never as a negative "avoided" or a "-0"."""
    e = ex.Effect(np.array([600.0, -0.0001]), np.zeros(2), -2_992_500.0, 5e6)
    text = ex.describe(e, ["ammo.a", "ammo.b"])
    assert text == (
        "avoids 600 units of ammo.a short; in exchange it adds 2,992,500 USD-weeks of stock "
        "below target"
    )
    worse = ex.describe(ex.Effect(np.array([-3.0]), np.array([0.5]), 10.0, 1.0), ["x"])
    assert worse == (
        "avoids 10.00 USD-weeks of stock below target; in exchange it adds 3.00 units of x "
        "short and serves 0.5 weeks earlier on average"
    )
    rows = ex.ranking_rows(
        [
            {
                "kind": "line",
                "name": "KR-155",
                "item": "ammo.a",
                "units_short_avoided": 600.0,
                "weeks_earlier": -1.5,
                "below_target_usd_weeks_avoided": -2_992_500.0,
                "reason": "",
            }
        ]
    )
    assert rows[0]["units"] == "600 avoided" and rows[0]["weeks"] == "1.50 later"
    assert rows[0]["below"] == "2,992,500 added"
    assert not any("−" in v or "-" in v for v in (rows[0]["units"], rows[0]["below"]))


def tanks(budget: float) -> Any:
    """UKR uses 10 tanks a week for 4 weeks; a USD fund buys them at USD 1 m each, no lead
    time, plenty of capacity."""
    return make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=["vehicle.tank"],
        lines=["LINE"],
        funds=["FUND"],
        as_of="2026-01-05",
        horizon_weeks=4,
        item_value=[1e6],
        line_item=["vehicle.tank"],
        line_currency="USD",
        fund_currency="USD",
        consumption=10.0,
        cap_full=1000.0,
        price=[1e6],
        lead=np.array([0]),
        budget=np.array([budget]),
        eligible=np.array([[True]]),
        dest_r=np.array([[True]]),
    )


def batteries(target: float, stock: float) -> Any:
    """DEU holds ``stock`` air-defence batteries (USD 1.1 bn each) against a target of
    ``target`` that weighs more than critical need; UKR has a critical need of 3 now; no
    lines, no funds."""
    need = np.zeros((1, 1, 3, 6))
    need[0, 0, 0, 0] = 3.0
    return make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=["system.airdefence.patriot"],
        as_of="2026-01-05",
        horizon_weeks=6,
        item_value=[1.1e9],
        item_unit=["battery"],
        s0=np.array([[stock]]),
        floor=target,
        need=need,
        params={"readiness_weight": 200.0},  # readiness above critical need: targets bind
    )


def test_a_target_of_whole_systems_is_lowered_by_whole_systems() -> None:
    """A target of 2 batteries is lowered by 1 battery (10 % would be 0.2): the sentence
    says "1 battery", and what it avoids is what a re-solve of exactly that change shows."""
    snap = batteries(target=2.0, stock=3.0)
    res = solve(snap)
    marg = res.tables["marginals"]
    row = marg[marg["kind"] == "target"].iloc[0]
    assert row["name"] == "DEU/system.airdefence.patriot" and row["step"] == 1.0
    sentence = str(row["sentence"])
    assert "by 1 battery in every week (from 2 to 1 now) frees 1 battery" in sentence
    assert "0.2" not in sentence and "1.8" not in sentence
    assert "avoids 1.00 units of system.airdefence.patriot short" in sentence
    assert verify(snap)[1] >= 2
    assert ex.target_step(2.0) == 1.0 and ex.target_step(0.4) == 0.4
    assert ex.target_step(1_000_004.0) == 100_000.0
    assert ex.quantity(2, "battery") == "2 batteries" and ex.quantity(1, "aircraft") == (
        "1 aircraft"
    )


def test_budget_dual_agrees_with_the_resolve_where_it_holds() -> None:
    """Money binds: USD 1 m buys one more tank, which is one tank less short; the dual of
    the budget predicts the same objective gain."""
    res = solve(tanks(20e6))
    m = res.tables["marginals"].set_index("name").loc["FUND"]
    assert m["item"] == "vehicle.tank"
    assert m["units_short_avoided"] == pytest.approx(1.0, rel=1e-6)
    assert bool(m["agrees"])
    assert m["objective_gain"] == pytest.approx(m["dual_predicted_gain"], rel=1e-6)
    assert "avoids 1.00 units of vehicle.tank short" in m["sentence"]


def test_the_sentence_uses_the_resolve_where_the_dual_would_overstate() -> None:
    """39.5 of the 40 tanks of the horizon bought: a million more buys one, of which half
    is short within the horizon (the other half may be worth something in the model's tail,
    which the objective gain and the dual see and the units short do not)."""
    res = solve(tanks(39.5e6))
    m = res.tables["marginals"].set_index("name").loc["FUND"]
    assert m["units_short_avoided"] == pytest.approx(0.5, rel=1e-6)
    assert "avoids 0.5 units of vehicle.tank short" in m["sentence"]
    agrees = abs(m["objective_gain"] - m["dual_predicted_gain"]) <= 0.05 * max(
        abs(m["objective_gain"]), abs(m["dual_predicted_gain"])
    ) + 1e-7 * max(abs(res.objective or 0.0), 1.0)
    assert bool(m["agrees"]) == agrees


def test_the_decomposition_yields_the_budget_dual_of_the_monolithic_lp() -> None:
    from materiel.plan import build_model
    from materiel.plan.solve import make_highs, solve_model

    snap = tanks(20e6)
    split = solve(snap, method="split")
    duals = split.tables["duals"].set_index(["kind", "name"])
    d = from_snapshot(snap)
    model = build_model(d)
    highs = make_highs(model, method="simplex", time_limit=60, threads=1)
    mono = solve_model(model, highs=highs).duals(model, "budget")
    assert duals.loc[("fund", "FUND"), "dual"] == pytest.approx(float(mono[0]), rel=1e-6)
    assert duals.loc[("fund", "FUND"), "dual"] < 0  # more money helps
    assert ("line", "LINE") in duals.index


def test_in_place_resolves_equal_fresh_ones_and_leave_the_base_as_it_was() -> None:
    """The explanations' re-solves on the base plan's instance (bounds and costs changed in
    place, then put back) give what a fresh solve gives, and the instance still holds the
    base plan afterwards."""
    from materiel.plan import build_model
    from materiel.plan.solve import make_highs, solve_model

    d = from_snapshot(generate(3, 3, 6, 4, funds=2, seed=17))
    model = build_model(d)
    highs = make_highs(model, method="simplex", time_limit=60, threads=1)
    base = solve_model(model, highs=highs)
    warm = ex.InPlace(model, highs, d)
    for kind, name in (("fund", d.funds[0]), ("line", d.lines[0])):
        dm = moved(d, kind, name)
        got, fresh = warm.resolve(dm), solve(dm, explain=False)
        assert got is not None and got.objective == pytest.approx(fresh.objective, rel=1e-9)
        a, b = ex.outcome(got, dm), ex.outcome(fresh, dm)
        assert np.allclose(a.short, b.short, atol=1e-6) and a.below == pytest.approx(b.below)
    lp = highs.getLp()
    assert np.array_equal(np.asarray(lp.row_upper_), np.asarray(model.to_highs_lp().row_upper_))
    again = solve_model(model, highs=highs)
    assert again.objective == pytest.approx(base.objective, rel=1e-12)
