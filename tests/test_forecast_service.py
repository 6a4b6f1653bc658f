"""The forecast job stores a ForecastRun (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select

from materiel.db import read_session
from materiel.forecast.service import run_and_store
from materiel.records import (
    AuditEvent,
    ForecastRun,
    Item,
    Nation,
    Scenario,
    ScenarioRate,
    StockReport,
    StockTarget,
)
from materiel.services import writer

ITEM = "ammo.artillery.155mm"
AS_OF = dt.date(2025, 3, 3)


def _records(engine: Engine) -> None:
    with writer(engine, actor="test") as w:
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(
            Item, code=ITEM, name="155 mm", category="artillery-ammunition", unit="round",
            unit_value=3000.0,
        )  # fmt: skip
        w.create(StockReport, nation_code="DEU", item_code=ITEM, quantity=50_000,
                 as_of=dt.date(2025, 2, 1), source="synthetic test", synthetic=True)  # fmt: skip
        w.create(StockReport, nation_code="UKR", item_code=ITEM, quantity=7_000,
                 as_of=dt.date(2025, 2, 1), source="synthetic test")  # fmt: skip
        w.create(StockTarget, nation_code="DEU", item_code=ITEM, minimum=40_000,
                 effective_from=dt.date(2024, 1, 1), source="synthetic test")  # fmt: skip
        w.create(Scenario, name="baseline", horizon_weeks=8,
                 params={"production_sd": 0.0, "slip_probability": 0.0})  # fmt: skip
        w.create(ScenarioRate, scenario_name="baseline", recipient_code="UKR", item_code=ITEM,
                 mean_per_day=200.0, cv=0.2)  # fmt: skip


def test_run_and_store_saves_projection_and_montecarlo(engine: Engine) -> None:
    _records(engine)
    stages: list[str] = []
    run_id = run_and_store(
        engine, as_of=AS_OF, horizon_weeks=8, paths=300, progress=lambda s, f: stages.append(s)
    )
    assert stages[0] == "snapshot" and stages[-1] == "done" and "montecarlo" in stages
    with read_session(engine) as s:
        run = s.get(ForecastRun, run_id)
        assert run is not None
        assert (run.kind, run.status, run.scenario, run.as_of) == (
            "montecarlo", "done", "baseline", AS_OF,
        )  # fmt: skip
        assert len(run.snapshot_hash) == 64
        res = run.results
        events = s.scalars(select(AuditEvent).filter_by(entity="forecast_run")).all()
        assert len(events) == 1
    # UKR: 7,000 rounds at 1,400 a week: week 4 ends at 0, week 5 is short (deterministic)
    top = res["projection"]["ranking"][0]
    assert (top["holder"], top["item"], top["cross_week"]) == ("UKR", ITEM, 5)
    assert top["cross_date"] == "2025-04-07"
    assert res["synthetic"] is True
    risks = {(r["holder"], r["item"]): r for r in res["montecarlo"]["risks"]}
    assert risks[("UKR", ITEM)]["risk_by_horizon"] > 0.5
    series = res["montecarlo"]["series"][0]
    assert set(series["quantiles"]) == {"q05", "q25", "q50", "q75", "q95"}


def test_projection_only_when_no_paths(sqlite_engine: Engine) -> None:
    _records(sqlite_engine)
    run_id = run_and_store(sqlite_engine, as_of=AS_OF, horizon_weeks=8, paths=0)
    with read_session(sqlite_engine) as s:
        run = s.get(ForecastRun, run_id)
        assert run is not None and run.kind == "projection"
        assert "montecarlo" not in run.results
        deu = [r for r in run.results["projection"]["ranking"] if r["holder"] == "DEU"]
        assert deu[0]["stock_now"] == 50_000 and deu[0]["target_now"] == 40_000
