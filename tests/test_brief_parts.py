"""The pure parts behind the brief: what a fund's remaining money buys, spent against
committed on orders (queries.funds), and the ▲▼ deltas of the comparison."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from materiel.brief.compare import ROWS, Headline, compare
from materiel.brief.model import Change
from materiel.queries.funds import buys_table, delivered_share
from materiel.snapshot import make_snapshot


def _snap(cap: list[float], price: list[float]) -> xr.Dataset:
    weeks = 4
    return make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=["ammo.artillery.155mm", "ammo.artillery.152mm"],
        as_of="2026-01-05",
        horizon_weeks=weeks,
        lines=["L1", "L2", "L3"],
        funds=["F1", "F2"],
        line_item=["ammo.artillery.155mm", "ammo.artillery.155mm", "ammo.artillery.152mm"],
        line_currency="EUR",
        fund_currency="EUR",
        cap=np.repeat(np.asarray(cap, dtype=float)[:, None], weeks, axis=1),
        price=np.asarray(price, dtype=float),
        # F1 may buy from L1 and L2 (155 mm); F2 only from L3
        eligible=np.array([[True, False], [True, False], [False, True]]),
    )


def test_cheapest_line_first_then_the_next_within_capacity() -> None:
    snap = _snap(cap=[10.0, 100.0, 5.0], price=[3.0, 2.0, 1.0])
    funds = pd.DataFrame({"code": ["F1", "F2"], "remaining": [850.0, 1000.0]})
    b = buys_table(snap, funds).set_index(["fund", "line"])
    # F1: L2 at 2.0 first, its 400 units over 4 weeks cost 800; then 50 / 3 units of L1
    assert b.loc[("F1", "L2"), "units"] == pytest.approx(400.0)
    assert b.loc[("F1", "L1"), "units"] == pytest.approx(50.0 / 3.0)
    assert b.loc[("F1", "L1"), "limit"] == "budget"
    assert b.loc[("F1", "L2"), "cost"] + b.loc[("F1", "L1"), "cost"] == pytest.approx(850.0)
    # F2: L3 runs out of capacity (20 units) before the money does
    assert b.loc[("F2", "L3"), "units"] == pytest.approx(20.0)
    assert b.loc[("F2", "L3"), "limit"] == "capacity"
    assert b.loc[("F2", "L3"), "item"] == "ammo.artillery.152mm"


def test_no_money_or_no_capacity_buys_nothing() -> None:
    snap = _snap(cap=[0.0, 0.0, 5.0], price=[3.0, 2.0, 1.0])
    funds = pd.DataFrame({"code": ["F1", "F2"], "remaining": [1000.0, -5.0]})
    assert buys_table(snap, funds).empty


def test_spent_is_the_instalments_due_and_committed_the_rest() -> None:
    orders = pd.DataFrame(
        {
            "ref": ["O1", "O2", "O3"],
            "value": [1000.0, 400.0, 50.0],
            # O1: 10 weekly instalments from Jan 5; O2: not started; O3: all delivered
            "delivery_start": [dt.date(2026, 1, 5), dt.date(2026, 3, 2), dt.date(2025, 6, 2)],
            "delivery_end": [dt.date(2026, 3, 9), dt.date(2026, 4, 27), dt.date(2025, 6, 30)],
        }
    )
    # instalments of Jan 5, 12, 19 are due
    share = delivered_share(orders["delivery_start"], orders["delivery_end"], dt.date(2026, 1, 19))
    spent = orders["value"] * share
    assert spent.tolist() == pytest.approx([300.0, 0.0, 50.0])
    assert ((orders["value"] - spent) >= 0).all()


def test_arrows_and_verdicts_follow_the_sign_and_the_better_direction() -> None:
    keys = [k for k, *_ in ROWS]
    before = Headline(dt.date(2026, 1, 1), dict.fromkeys(keys, 10.0))
    now_values: dict[str, float | None] = dict.fromkeys(keys, 10.0)
    now_values.update(open_critical=12.0, pledged_value=15.0, fund_remaining=4.0)
    now_values["plan_critical_met"] = None
    changes = {c.key: c for c in compare(Headline(dt.date(2026, 2, 1), now_values), before)}
    assert [c for c in changes] == keys
    crit = changes["open_critical"]
    assert (crit.delta, crit.arrow, crit.verdict) == (2.0, "▲", "worse")
    assert (changes["pledged_value"].arrow, changes["pledged_value"].verdict) == ("▲", "better")
    assert (changes["fund_remaining"].arrow, changes["fund_remaining"].verdict) == ("▼", "worse")
    assert changes["late_pledges"].arrow == "="
    assert changes["plan_critical_met"].delta is None
    assert changes["plan_critical_met"].arrow == "–"
    first = compare(Headline(dt.date(2026, 2, 1), now_values), None)
    assert all(isinstance(c, Change) and c.previous is None and c.arrow == "–" for c in first)
