"""Background jobs: queued → running → done | failed, restart recovery, the real planner."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from materiel.api import create_app
from materiel.api.testing import make_client, seed, user_token
from materiel.db import read_session
from materiel.records import Job, PlanRun
from materiel.services import writer
from materiel.services.jobs import process_stamp

API = "/api/v1"


def _wait(c: Any, url: str, h: dict[str, str], timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = c.get(url, headers=h).json()
        if job["status"] in ("done", "failed"):
            return dict(job)
        time.sleep(0.05)
    raise AssertionError(f"job at {url} did not finish")


@pytest.fixture
def client(sqlite_engine: Engine) -> Iterator[tuple[Any, dict[str, str], Any]]:
    seed(sqlite_engine)
    tok = user_token(sqlite_engine, "coord", "coordinator")
    app = create_app(sqlite_engine)
    with make_client(app) as c:
        yield c, {"Authorization": f"Bearer {tok}"}, app


def test_plan_job_runs_in_the_background(
    client: tuple[Any, dict[str, str], Any], sqlite_engine: Engine
) -> None:
    c, h, app = client
    seen: dict[str, Any] = {}

    def fake_plan(
        engine: Engine, params: dict[str, Any], actor: str, progress: Callable[..., None]
    ) -> int:
        seen.update(params, actor=actor)
        progress("solve", 0.5)
        with writer(engine, actor) as w:
            run = w.create(
                PlanRun,
                as_of=dt.date.fromisoformat(params["as_of"]),
                snapshot_hash="f" * 64,
                scenario="baseline",
                horizon_weeks=params["horizon_weeks"],
                status="optimal",
                objective=1.0,
                results={"unmet": []},
            )
            return run.id

    app.state.runners["plan"] = fake_plan
    body = {"as_of": "2026-02-02", "horizon_weeks": 8, "readiness_weight": 2.5, "frontier": True}
    r = c.post(f"{API}/plans", json=body, headers=h)
    assert r.status_code == 202 and r.json()["status"] == "queued"
    job = _wait(c, r.headers["Location"], h)
    assert job["status"] == "done" and job["progress"] == 1.0
    assert job["result_url"] == f"{API}/plans/{job['result_id']}"
    assert seen["horizon_weeks"] == 8 and seen["actor"] == "api:coord"
    assert seen["readiness_weight"] == 2.5 and seen["frontier"] is True
    bad = c.post(f"{API}/plans", json={**body, "readiness_weight": -1}, headers=h)
    assert bad.status_code == 422  # the readiness weight is a price: not negative
    default = c.post(f"{API}/plans", json={"as_of": "2026-02-02"}, headers=h)
    assert default.status_code == 202
    assert _wait(c, default.headers["Location"], h)["status"] == "done"
    assert seen["horizon_weeks"] == 52 and seen["readiness_weight"] is None  # one default
    run = c.get(job["result_url"], headers=h).json()
    assert run["status"] == "optimal" and run["as_of"] == "2026-02-02"


def test_failed_runner_and_idempotent_start(client: tuple[Any, dict[str, str], Any]) -> None:
    c, h, app = client

    def broken(*_: Any) -> int:
        raise ValueError("no stock data for the scenario")

    calls = []
    app.state.runners["forecast"] = lambda *a: calls.append(1) or broken()
    hk = {**h, "Idempotency-Key": "fc-1"}
    r1 = c.post(f"{API}/forecasts", json={"paths": 100, "seed": 3}, headers=hk)
    r2 = c.post(f"{API}/forecasts", json={"paths": 100, "seed": 3}, headers=hk)
    assert r1.json()["id"] == r2.json()["id"]
    job = _wait(c, f"{API}/jobs/{r1.json()['id']}", h)
    assert job["status"] == "failed" and "no stock data" in job["message"]
    assert len(calls) == 1  # the retry did not start a second run


def test_jobs_interrupted_by_a_restart_are_failed(sqlite_engine: Engine) -> None:
    with writer(sqlite_engine, "test") as w:
        stale = w.create(Job, kind="plan", status="running", params={}, owner="x", pid=2**22 + 7)
        mine = w.create(Job, kind="plan", status="queued", params={}, owner="x", pid=os.getpid())
    with make_client(create_app(sqlite_engine)):
        pass  # start-up runs the recovery
    with read_session(sqlite_engine) as s:
        for jid in (stale.id, mine.id):
            job = s.get(Job, jid)
            assert job is not None and job.status == "failed"
            assert job.message is not None and "restart" in job.message


@pytest.mark.skipif(process_stamp(os.getpid()) is None, reason="no /proc on this system")
def test_a_job_of_a_process_whose_pid_was_reused_is_failed(sqlite_engine: Engine) -> None:
    """A job's process is alive only if the process with its pid started when the job's did:
    a later process reusing the pid (here: the parent of this test, alive, with another
    start) does not keep the job "running" for ever."""
    other = os.getppid()
    with writer(sqlite_engine, "test") as w:
        reused = w.create(
            Job,
            kind="plan",
            status="running",
            params={},
            owner="x",
            pid=other,
            pid_started="00000000:1",
        )
        live = w.create(
            Job,
            kind="plan",
            status="running",
            params={},
            owner="x",
            pid=other,
            pid_started=process_stamp(other),
        )
    with make_client(create_app(sqlite_engine)):
        pass  # start-up runs the recovery
    with read_session(sqlite_engine) as s:
        assert s.get(Job, reused.id).status == "failed"  # type: ignore[union-attr]
        assert s.get(Job, live.id).status == "running"  # type: ignore[union-attr]
    stamp = process_stamp(os.getpid())
    assert stamp is not None and stamp == process_stamp(os.getpid())  # stable for a process
    # a stamp is the start time of the process holding that pid (two processes started in
    # the same clock tick share it, so it is compared per pid, never across pids)
    assert stamp.split(":")[0] == process_stamp(other).split(":")[0]  # type: ignore[union-attr]


@pytest.mark.skipif(
    importlib.util.find_spec("materiel.plan.service") is None, reason="planner not installed"
)
def test_real_plan_runner(client: tuple[Any, dict[str, str], Any]) -> None:
    c, h, _app = client
    r = c.post(f"{API}/plans", json={"as_of": "2026-01-05", "horizon_weeks": 4}, headers=h)
    job = _wait(c, r.headers["Location"], h, timeout=120)
    assert job["status"] == "done", job["message"]
    run = c.get(job["result_url"], headers=h)
    assert run.status_code == 200 and run.json()["horizon_weeks"] == 4
