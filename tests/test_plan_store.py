"""Plan runs stored through the Writer, read back, and the job entry point and CLI, on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import numpy as np
import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from materiel.cli.main import app
from materiel.db import read_session
from materiel.plan import solve
from materiel.plan.service import STAGES, run_and_store
from materiel.plan.store import load_plan, store_plan
from materiel.records import AuditEvent, PlanRun
from materiel.services import NotFound, verify_chain
from materiel.snapshot.schema import make_snapshot


def _result():  # type: ignore[no-untyped-def]
    need = np.zeros((1, 1, 5))
    need[0, 0, 4] = 80.0
    ds = make_snapshot(
        nations=["AAA", "BBB"],
        recipients=["UKR"],
        items=["ammo.artillery.155mm"],
        lines=["LINE"],
        funds=["FUND"],
        as_of="2026-03-02",
        horizon_weeks=5,
        item_value=[4000.0],
        line_item=["ammo.artillery.155mm"],
        line_currency="EUR",
        fund_currency="USD",
        s0=[[30.0], [10.0]],
        consumption=np.full((1, 1, 5), 5.0),
        need_demand=need,
        cap=np.full((1, 5), 20.0),
        price=[3000.0],
        lead=[1],
        budget=[90_000.0],
        eligible=[[True]],
        dest_r=[[True]],
        gdp_share=[0.6, 0.4],
        params={"readiness_weight": 1e-3},
    )
    return solve(ds, compare_greedy=True)


def test_store_round_trip(engine: Engine) -> None:
    result = _result()
    assert result.status == "Optimal"
    run_id = store_plan(engine, result, actor="tester")
    back = load_plan(engine, run_id)
    assert back.status == result.status
    assert back.objective == pytest.approx(result.objective)
    assert back.snapshot_hash == result.snapshot_hash
    assert back.as_of == "2026-03-02"
    assert back.greedy_objective == pytest.approx(result.greedy_objective)
    # stored as a reader sees it: whole units (result.report())
    report = result.report()
    for name in ("transfers", "orders", "unmet", "need_met", "burden", "marginals", "ranking"):
        assert len(back.tables[name]) == len(report[name]), name
    assert back.tables["orders"]["cost"].sum() == pytest.approx(report["orders"]["cost"].sum())
    assert (back.tables["orders"]["quantity"] % 1 == 0).all()
    assert back.headline()["share"] == pytest.approx(result.headline()["share"])
    assert back.sentences == result.sentences
    with read_session(engine) as s:
        run = s.get(PlanRun, run_id)
        assert run is not None and run.horizon_weeks == 5
        json.dumps(run.results)  # plain JSON, no NaN
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "plan_run")).all()
        assert [e.actor for e in events] == ["tester"]
        assert verify_chain(s).ok
    with pytest.raises(NotFound):
        load_plan(engine, run_id + 1000)


def test_run_and_store_on_the_records(engine: Engine) -> None:
    seen: list[str] = []
    run_id = run_and_store(
        engine,
        as_of=dt.date(2026, 3, 2),
        horizon_weeks=8,
        progress=lambda stage, fraction: seen.append(stage),
    )
    assert seen[0] == "snapshot" and seen[-1] == "done"
    assert set(seen) - {"done"} <= set(STAGES)
    with read_session(engine) as s:
        run = s.get(PlanRun, run_id)
        assert run is not None
        assert run.status == "Optimal" and run.horizon_weeks == 8
        assert len(run.snapshot_hash) == 64
        assert s.scalar(select(func.count()).select_from(PlanRun)) == 1


def _plan_json(db_url: str, *extra: str) -> Any:
    """`materiel plan --json` on the test records (6 weeks from 2026-03-02), parsed."""
    res = CliRunner().invoke(
        app, ["--db", db_url, "plan", "--as-of", "2026-03-02", "--horizon", "6", "--json", *extra]
    )
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout[res.stdout.index("{") :])


def test_cli_plan_json(db_url: str) -> None:
    out = _plan_json(db_url, "--compare-greedy")
    assert out["status"] == "Optimal"
    assert out["plan_run_id"] >= 1
    assert out["greedy_objective"] is not None
    assert out["objective"] <= out["greedy_objective"] + 1e-6
    # rows, not counts; the headline by value with its currency and rate date
    assert isinstance(out["transfers"], list) and isinstance(out["orders"], list)
    assert isinstance(out["need_met"], list) and isinstance(out["unmet"], list)
    assert out["headline"]["currency"] == "USD" and out["headline"]["rate_date"]
    assert out["params"]["readiness_weight"] == 1.0  # the one default (plan_policy)
    out = _plan_json(db_url, "--readiness-weight", "0.25", "--frontier", "--no-store")
    assert out["params"]["readiness_weight"] == 0.25
    assert len(out["frontier"]["points"]) >= 8
    bad = CliRunner().invoke(app, ["--db", db_url, "plan", "--as-of", "March"])
    assert bad.exit_code == 1
    bad = CliRunner().invoke(app, ["--db", db_url, "plan", "--method", "magic"])
    assert bad.exit_code == 1
