"""Where the next million does most good (issue 13, point 5): every number in the ranking
and the sentences is the difference an independent re-solve shows.

The check re-builds each move itself (USD 1 million more in a fund, USD 1 million more
output at a line, a target 10 % lower in whole units), solves the base and the moved plan
from scratch with ``materiel.plan.solve`` (no warm start, no explanations; with the plan's
tie-break, whose perturbed cost has one optimum, so a degenerate LP's equally good plans
are not compared with each other) and compares, item by item, the
units short at the horizon's end, the stated need's mean lateness and the USD-weeks of stock
below the targets in force, read from the result *tables* (not from explain's own reader);
and the same after the horizon (weeks H+1..H+T of the model's tail), read from the result's
``tail_*`` arrays.
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
    after = after_reading(result, d, floor)
    return {"short": short, "late": late, "below": below, **after}


def after_reading(result: Any, d: PlanData, floor: np.ndarray) -> dict[str, Any]:
    """After the horizon (the tail's periods): per item, consumption lost in the tail plus
    stated need still outstanding at its end, and unit-weeks late in it; USD-weeks of donor
    stock below ``floor`` in it."""
    ds = result.dataset
    h = d.weeks
    dur = np.asarray(ds["tail_weeks"].values, dtype=float)
    short = pd.Series(0.0, index=d.items)
    late = pd.Series(0.0, index=d.items)
    below = 0.0
    if len(dur):
        lost = ds["tail_consumption_unmet"].sum(("recipient", "tail")).to_series()
        b = ds["tail_backlog"]
        left = b.isel(tail=-1).sum(("recipient", "priority")).to_series()
        weeks = (b * ds["tail_weeks"]).sum(("recipient", "priority", "tail")).to_series()
        short = short.add(lost, fill_value=0.0).add(left, fill_value=0.0)
        late = late.add(weeks, fill_value=0.0)
        stock = ds["tail_stock"].transpose("nation", "item", "tail").values
        gap = np.maximum(floor[..., h : h + len(dur)] - stock, 0.0)
        below = float((gap * dur * d.value[None, :, None]).sum())
    return {"short_after": short, "late_after": late, "below_after": below}


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
    """Every number the sentence states equals the re-solve difference — what it says of
    the horizon against the horizon's, what it says after ``ex.AFTER`` against the tail's;
    returns how many."""
    within, _, after = sentence.partition(ex.AFTER)
    checked = check_part(within, diff)
    if after:
        tail = {
            **diff,
            "short": diff["short_after"],
            "earlier": diff["earlier_after"],
            "below": diff["below_after"],
        }
        checked += check_part(after, tail)
        assert "changes nothing within" not in within or (
            (diff["short"].abs() < 0.01 * diff["scale"] + 0.01).all()
        ), sentence
    return checked


def check_part(sentence: str, diff: dict[str, Any]) -> int:
    """The numbers of one part of a sentence (within the horizon, or after it)."""
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
        if "or after it" in sentence:  # nothing after the horizon either
            assert (diff["short_after"].abs() < 0.01 * diff["scale"] + 0.01).all(), sentence
            assert abs(diff["below_after"]) < 0.01 * max(diff["below_scale"], 1.0) + 1.0
            assert (diff["earlier_after"].abs() < 0.01).all(), sentence
    return checked


def some_effect(diff: dict[str, Any]) -> bool:
    """The independent re-solve shows an effect, within the horizon or after it, above the
    printing tolerances (with a margin: a figure at the tolerance may round either way)."""
    return bool(
        (diff["short"].abs() >= 2 * ex.UNIT_TOL).any()
        or (diff["short_after"].abs() >= 2 * ex.UNIT_TOL).any()
        or (diff["earlier"].abs() >= 2 * ex.WEEK_TOL).any()
        or (diff["earlier_after"].abs() >= 2 * ex.WEEK_TOL).any()
        or abs(diff["below"]) >= 2 * ex.VALUE_WEEK_TOL
        or abs(diff["below_after"]) >= 2 * ex.VALUE_WEEK_TOL
    )


def nothing_shown(diff: dict[str, Any]) -> bool:
    """No figure the row would print, within the horizon or after it."""
    return not bool(
        (diff["short"].abs() >= 0.5 * ex.UNIT_TOL).any()
        or (diff["short_after"].abs() >= 0.5 * ex.UNIT_TOL).any()
        or (diff["earlier"].abs() >= 0.5 * ex.WEEK_TOL).any()
        or (diff["earlier_after"].abs() >= 0.5 * ex.WEEK_TOL).any()
        or abs(diff["below"]) >= 0.5 * ex.VALUE_WEEK_TOL
        or abs(diff["below_after"]) >= 0.5 * ex.VALUE_WEEK_TOL
    )


def assert_ranked_by_what_it_shows(rank: pd.DataFrame) -> None:
    """No row that changes nothing, within the horizon or after it, ranks above a row that
    changes something; among the rows with an effect the objective gain does not rise."""
    if not len(rank):
        return
    none = (rank["effect"] == "none").to_list()
    assert none == sorted(none), rank[["name", "effect", "objective_gain"]]
    shown = ex.ranking_rows(rank)
    figures = (*ex.WITHIN_KEYS, *ex.AFTER_KEYS)
    for is_none, row in zip(none, shown, strict=True):
        assert is_none == (not any(row[k] for k in figures)), row
        assert bool(row["why"]) or not is_none, row
    gains = rank.loc[~pd.Series(none, index=rank.index), "objective_gain"].to_numpy(float)
    assert (np.diff(gains) <= 1e-9 * max(1.0, float(np.abs(gains).max(initial=0.0)))).all()


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
        late_after = base["late_after"] - other["late_after"]
        gain = float(base_res.objective) - float(res.objective)
        scale = 1e-6 * max(1.0, abs(float(base_res.objective)))
        assert abs(gain - float(row.objective_gain or 0.0)) <= scale, (row.name, gain)
        diff = {
            "short": short,
            "earlier": (late / due.where(due > 0)).fillna(0.0),
            "below": base["below"] - other["below"],
            "short_after": base["short_after"] - other["short_after"],
            "earlier_after": (late_after / due.where(due > 0)).fillna(0.0),
            "below_after": base["below_after"] - other["below_after"],
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
                after = diff["short_after"][x.item]
                assert agree(x.units_short_avoided_after, after, diff), (row.name, x.item)
                assert agree(x.weeks_earlier_after, diff["earlier_after"][x.item], diff)
            assert agree(x.below_target_usd_weeks_avoided, diff["below"], diff), row.name
            assert agree(x.below_target_usd_weeks_avoided_after, diff["below_after"], diff)
            if str(x.reason):  # "why no effect" only when nothing changes anywhere
                assert "changes nothing" in str(x.sentence)
                assert x.effect == "none" and not some_effect(diff), (row.name, x.reason)
            if some_effect(diff):
                assert x.effect != "none", (row.name, diff)
            if nothing_shown(diff):
                assert x.effect == "none", (row.name, diff)
    assert_ranked_by_what_it_shows(rank)
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
    """Lead time 10 weeks, horizon 6: nothing of what the million buys arrives within the
    horizon, and the sentence says so — and says what it does after it (weeks 7–22 of the
    16-week tail): the line's 100 rounds a week left after the base plan's orders, 400
    rounds by the tail's end."""
    res = solve(one_line(lead=10, weeks=6))
    row = res.tables["ranking"].set_index("name").loc["F"]
    assert row["reason"] == "" and row["effect"] == "after the horizon only"
    assert "arrives after it: lead time 10 weeks" in row["note"]
    assert row["units_short_avoided"] == 0.0
    assert row["units_short_avoided_after"] == pytest.approx(400.0, rel=1e-6)
    assert (row["horizon_weeks"], row["tail_weeks"]) == (6, 16)
    assert row["sentence"] == (
        "One more USD 1 million in fund F changes nothing within the 6-week horizon (what it "
        "adds arrives after it: lead time 10 weeks); after the horizon, in weeks 7–22, it "
        "avoids 400 units of ammo.artillery.155mm short (re-solve)."
    )
    shown = ex.ranking_rows(res.tables["ranking"])[0]
    assert shown["name"] == "F" and shown["units"] == "" and shown["units_after"] == "400 avoided"
    assert shown["why"].startswith("none within the horizon")
    verify(one_line(lead=10, weeks=6))


def test_a_line_whose_output_arrives_after_the_horizon_ranks_by_its_tail_effect() -> None:
    """Known answer: line L (lead time 10 weeks, horizon 6, tail weeks 7–22) makes 10
    rounds a week and the fund has money to spare. USD 1 million more output is 1,000
    rounds over the horizon's 6 weeks, all arriving in weeks 11–16, where UKR consumes
    1,000 a week and has none: 1,000 units short avoided after the horizon, none within it.
    The fund's million changes nothing anywhere (money is not what limits) and ranks
    below the line, whatever the objective says."""
    snap = one_line(lead=10, weeks=6, budget=1e8, cap=10.0)
    res = solve(snap)
    rank = res.tables["ranking"]
    assert list(rank["name"]) == ["L", "F"]
    line = rank.set_index("name").loc["L"]
    assert line["effect"] == "after the horizon only" and line["reason"] == ""
    assert line["units_short_avoided"] == 0.0 and line["weeks_earlier"] == 0.0
    assert line["units_short_avoided_after"] == pytest.approx(1000.0, rel=1e-6)
    assert line["objective_gain"] > 0
    assert "after the horizon, in weeks 7–22, it avoids 1,000 units" in line["sentence"]
    within = "changes nothing within the 6-week horizon (what it adds arrives after it"
    assert within in line["sentence"]
    fund = rank.set_index("name").loc["F"]
    assert fund["effect"] == "none" and "money is not what limits" in fund["reason"]
    nowhere = "changes nothing within the 6-week horizon or after it (weeks 7–22)"
    assert nowhere in fund["sentence"]
    labels = ex.ranking_labels(*ex.ranking_span(rank))
    assert labels["units_after"].endswith("after the horizon (weeks 7–22)")
    assert labels["units"].endswith("within the horizon (weeks 1–6)")
    moves, numbers = verify(snap)
    assert moves == 2 and numbers >= 1


def test_a_row_with_no_effect_never_ranks_above_a_row_with_one() -> None:
    """The ranking's order is what it shows: a move that changes nothing, within the
    horizon or after it, comes after every move that changes something, even with a larger
    objective gain (a gain from the time preference alone moves no printed figure)."""
    marg = []
    for name, gain, short, after in (
        ("A", 9e9, 0.0, 0.0),  # a large gain and nothing shown
        ("B", 5.0, 0.0, 3.0),  # after the horizon only
        ("C", 7.0, 2.0, 0.0),  # within the horizon only
    ):
        e = ex.Effect(np.array([short]), np.zeros(1), 0.0, gain, short_after=np.array([after]))
        why = "" if short or after else "it has spare capacity"
        marg.append(
            ex.Marginal("line", name, "USD", 1.0, 1e6, 0.0, 0.0, gain, None, e, why, "", ["x"])
        )
    rank = ex.ranking(marg, 6)
    assert list(rank["name"]) == ["C", "B", "A"]
    assert list(rank["effect"]) == [
        "within the horizon only",
        "after the horizon only",
        "none",
    ]
    assert_ranked_by_what_it_shows(rank)
    broken = rank.iloc[[2, 0, 1]].reset_index(drop=True)
    with pytest.raises(AssertionError):
        assert_ranked_by_what_it_shows(broken)


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
    assert ex.worded(-1e-9, ex.UNIT_TOL, "avoided", "added") == ""
    assert ex.worded(-2.5, ex.UNIT_TOL, "avoided", "added") == "2.50 added"
    # a plan stored before the tail was re-solved does not claim "no effect" outright
    [old] = ex.ranking_rows([{"kind": "line", "name": "X", "reason": "arrives after it"}])
    assert old["why"].startswith("none within the horizon: arrives after it; effects after")
    [new] = ex.ranking_rows([{"kind": "line", "name": "X", "reason": "r", "effect": "none"}])
    assert new["why"] == "r"


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


def test_a_line_of_an_expensive_system_says_plainly_what_the_million_buys() -> None:
    """USD 1 million of output at USD 446,000 a missile is 2.24 missiles: the sentence says
    so, with the unit price, and that its figures are a rate per USD 1 million; a cheap item
    in whole units reads as before."""
    text = ex.line_head("IRIS", "missile.airdefence.iris-t", "missile", 1e6 / 446_000, 1e6)
    assert text == (
        "USD 1 million more output at line IRIS (USD 1 million buys 2.24 missiles of "
        "missile.airdefence.iris-t at USD 446,000 each: a rate per USD 1 million, as the plan "
        "is solved in fractions; over the horizon, bought with the funds' money)"
    )
    assert ex.line_head("L", ITEM, "round", 1000.0, 1e6) == (
        "USD 1 million more output at line L (1,000 rounds of ammo.artillery.155mm at USD "
        "1,000 each, over the horizon, bought with the funds' money)"
    )
