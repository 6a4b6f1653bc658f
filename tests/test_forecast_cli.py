"""``materiel forecast`` and ``materiel sweep`` through Typer's CliRunner."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from materiel.cli.main import app
from materiel.db import read_session
from materiel.forecast.scenarios import ensure_builtin_scenarios
from materiel.records import ForecastRun, Item, Nation, ScenarioRate, StockReport, StockTarget
from materiel.services import writer

ITEM = "ammo.artillery.155mm"


pytestmark = pytest.mark.usefixtures("wide_console")


def _seed(engine: Engine) -> str:
    with writer(engine, actor="test") as w:
        ensure_builtin_scenarios(w)
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(
            Item, code=ITEM, name="155 mm", category="artillery-ammunition", unit="round",
            unit_value=3000.0,
        )  # fmt: skip
        w.create(StockReport, nation_code="DEU", item_code=ITEM, quantity=50_000,
                 as_of=dt.date(2025, 2, 1), source="synthetic", synthetic=True)  # fmt: skip
        w.create(StockReport, nation_code="UKR", item_code=ITEM, quantity=7_000,
                 as_of=dt.date(2025, 2, 1), source="synthetic")  # fmt: skip
        w.create(StockTarget, nation_code="DEU", item_code=ITEM, minimum=40_000,
                 effective_from=dt.date(2024, 1, 1), source="synthetic")  # fmt: skip
        for name in ("baseline", "counteroffensive-surge"):
            w.create(ScenarioRate, scenario_name=name, recipient_code="UKR", item_code=ITEM,
                     mean_per_day=200.0, cv=0.2)  # fmt: skip
    return str(engine.url.database)


def test_forecast_prints_ranked_table_with_source(sqlite_engine: Engine) -> None:
    db = _seed(sqlite_engine)
    r = CliRunner().invoke(app, ["--db", db, "forecast", "--as-of", "2025-03-03", "--horizon", "8"])
    assert r.exit_code == 0, r.output
    assert "UKR (recipient)" in r.output and "2025-04-07 (week 5)" in r.output
    assert "Source: materiel status-quo projection" in r.output
    assert "SYNTHETIC DATA" in r.output
    assert "Structural gap" in r.output


def test_forecast_json_with_montecarlo_and_store(sqlite_engine: Engine) -> None:
    db = _seed(sqlite_engine)
    r = CliRunner().invoke(
        app,
        ["--db", db, "forecast", "--as-of", "2025-03-03", "--horizon", "8", "--paths", "200",
         "--scenario", "counteroffensive-surge", "--store", "--json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["montecarlo"]["paths"] == 200
    assert out["projection"]["ranking"][0]["holder"] == "UKR"
    assert out["caption"].startswith("Source: materiel")
    with read_session(sqlite_engine) as s:
        run = s.get(ForecastRun, out["forecast_run"])
        assert run is not None and run.scenario == "counteroffensive-surge"


def test_forecast_bad_date_and_unknown_scenario_fail_cleanly(sqlite_engine: Engine) -> None:
    db = _seed(sqlite_engine)
    r = CliRunner().invoke(app, ["--db", db, "forecast", "--as-of", "03/03/2025"])
    assert r.exit_code != 0 and "--as-of" in r.output
    r = CliRunner().invoke(app, ["--db", db, "forecast", "--scenario", "nope"])
    assert r.exit_code != 0 and "nope" in r.output
    with read_session(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(ForecastRun)) == 0


def test_sweep_gathers_one_table(sqlite_engine: Engine) -> None:
    db = _seed(sqlite_engine)
    r = CliRunner().invoke(
        app,
        ["--db", db, "sweep", "--scenarios", "baseline,counteroffensive-surge",
         "--scheduler", "sequential", "--as-of", "2025-03-03", "--horizon", "8",
         "--paths", "200", "--json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["rows"]
    by = {row["scenario"]: row for row in rows}
    assert set(by) == {"baseline", "counteroffensive-surge"}
    assert by["counteroffensive-surge"]["expected_unmet"] > by["baseline"]["expected_unmet"]
