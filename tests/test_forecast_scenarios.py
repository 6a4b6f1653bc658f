"""Scenario records and their typed specs; re-scenarioing a snapshot."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import Engine, func, select

from materiel.db import read_session
from materiel.forecast.scenarios import (
    BUILTIN,
    ScenarioSpec,
    ensure_builtin_scenarios,
    load_spec,
    spec_from_params,
    spec_from_snapshot,
)
from materiel.forecast.sweep import with_scenario
from materiel.records import Item, Nation, Scenario, ScenarioRate
from materiel.services import writer
from materiel.snapshot import content_hash, make_snapshot

ITEM = "ammo.artillery.155mm"


def test_builtin_scenarios_are_created_once_and_not_overwritten(engine: Engine) -> None:
    with writer(engine, actor="test") as w:
        assert ensure_builtin_scenarios(w) == ["baseline", "counteroffensive-surge"]
    with writer(engine, actor="test") as w:
        rec = w.get(Scenario, name="baseline")
        w.update(rec, params={**rec.params, "production_mean": 0.5})
        assert ensure_builtin_scenarios(w) == []
    with read_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Scenario)) == 2
        assert load_spec(s, "baseline").production_mean == 0.5
        surge = load_spec(s, "counteroffensive-surge")
    assert surge.surge_factor > 1 and surge.surge_weeks > 0
    np.testing.assert_array_equal(
        surge.surge(16), np.where((np.arange(16) >= 4) & (np.arange(16) < 12), 2.5, 1.0)
    )


def test_spec_from_record_reads_rates_and_params(sqlite_engine: Engine) -> None:
    with writer(sqlite_engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(
            Item, code=ITEM, name="155 mm", category="artillery-ammunition", unit="round",
            unit_value=3000.0,
        )  # fmt: skip
        w.create(
            Scenario,
            name="attrition",
            horizon_weeks=20,
            params={"slip_probability": 0.4, "slip_weeks": 3, "lambda_target": 2.0},
        )
        w.create(
            ScenarioRate,
            scenario_name="attrition",
            recipient_code="UKR",
            item_code=ITEM,
            mean_per_day=5000.0,
            cv=0.3,
        )
    with read_session(sqlite_engine) as s:
        spec = load_spec(s, "attrition")
        assert load_spec(s, "counteroffensive-surge") == BUILTIN["counteroffensive-surge"]
        with pytest.raises(LookupError, match="no scenario named 'nope'"):
            load_spec(s, "nope")
    assert (spec.slip_probability, spec.slip_weeks, spec.horizon) == (0.4, 3, 20)
    assert spec.cv == {("UKR", ITEM): 0.3}
    assert spec.cv_array(["UKR"], [ITEM, "other"]).tolist() == [[0.3, 0.0]]


def test_invalid_params_are_refused_with_the_field_named() -> None:
    with pytest.raises(ValueError, match="production_sd"):
        spec_from_params("x", {"production_sd": -1})
    with pytest.raises(ValueError, match="'slip_weeks' = 'soon' is not a number"):
        spec_from_params("x", {"slip_weeks": "soon"})


def test_spec_from_snapshot_uses_its_params() -> None:
    ds = make_snapshot(
        nations=["DEU"], recipients=["UKR"], items=[ITEM], as_of="2025-01-06", horizon_weeks=5,
        scenario="custom", params={"production_mean": 0.6, "slip_probability": 0.1},
    )  # fmt: skip
    spec = spec_from_snapshot(ds)
    assert (spec.name, spec.production_mean, spec.slip_probability) == ("custom", 0.6, 0.1)


def test_with_scenario_swaps_the_surge() -> None:
    ds = make_snapshot(
        nations=["DEU"], recipients=["UKR"], items=[ITEM], as_of="2025-01-06", horizon_weeks=6,
        consumption=np.array([[[100.0, 200.0, 200.0, 100.0, 100.0, 100.0]]]),
        params={"surge_factor": 2.0, "surge_start_week": 1, "surge_weeks": 2},
    )  # fmt: skip
    spec = ScenarioSpec(name="late-surge", surge_factor=3.0, surge_start_week=4, surge_weeks=1)
    out = with_scenario(ds, spec)
    np.testing.assert_allclose(out["consumption"].values.ravel(), [100, 100, 100, 100, 300, 100])
    np.testing.assert_allclose(out["demand"].values.ravel(), [100, 100, 100, 100, 300, 100])
    assert out.attrs["scenario"] == "late-surge"
    assert out.attrs["content_hash"] == content_hash(out) != ds.attrs["content_hash"]
