"""Crash safety: processes killed with SIGKILL in the middle of a large import, of storing
plan runs and of a burst of API writes leave every committed write, nothing half-written
and an audit chain that verifies (SQLite and PostgreSQL). Jobs interrupted by the crash are
failed with a reason when the server starts again."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from materiel.api.testing import seed, user_token
from materiel.cli.context import database_problem
from materiel.cli.main import app as cli
from materiel.db import get_engine, read_session
from materiel.records import AuditEvent, Delivery, Job, PlanRun, Pledge, StockReport
from materiel.services import verify_chain, writer

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "120"}
AUDIT_LOCK = 7_741_001  # materiel.services.audit._PG_LOCK_KEY


def count(engine: Engine, model: Any, *where: Any) -> int:
    with read_session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def chain_events(engine: Engine) -> int:
    with read_session(engine) as s:
        report = verify_chain(s)
    assert report.ok, report.problems
    return report.events


def writer_active(db_url: str) -> bool:
    """Whether some process holds the write lock (SQLite) or the audit lock (PostgreSQL)."""
    if "://" not in db_url:
        conn = sqlite3.connect(db_url, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()
    eng = get_engine(db_url)
    with eng.connect() as c:
        n = c.scalar(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND objid = :k AND granted"
            ),
            {"k": AUDIT_LOCK},
        )
    return bool(n)


def kill(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


# -- (a) a large import ------------------------------------------------------------------------
ROWS = 900
KILL_ROWS = 30_000


def big_csv(path: Path, rows: int = ROWS) -> Path:
    """Stock reports of the three seeded donors on distinct past days (dates lie between 1990
    and a year ahead: 30,000 rows take three nations)."""
    d0 = dt.date(1995, 1, 1)
    lines = ["nation_code,item_code,quantity,as_of,source"]
    lines += [
        f"{('DEU', 'FRA', 'POL')[i % 3]},ammo.artillery.155mm,{i},"
        f"{d0 + dt.timedelta(days=i // 3)},synthetic"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_killed_midway_writes_nothing(db_url: str, tmp_path: Path) -> None:
    engine = get_engine(db_url, fresh=True)
    seed(engine)
    stocks, events = count(engine, StockReport), chain_events(engine)
    # the import checks without the write lock and then writes in one short transaction:
    # enough rows that the write transaction lasts long enough to be caught holding the lock
    csv = big_csv(tmp_path / "stock_reports.csv", rows=KILL_ROWS)
    proc = subprocess.Popen(
        [str(BIN / "materiel"), "--db", db_url, "import", str(csv)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        while not writer_active(db_url):
            assert proc.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert proc.poll() is None  # inside the write transaction (it holds the lock)
    finally:
        kill(proc)
    assert proc.returncode == -signal.SIGKILL
    assert count(engine, StockReport) == stocks  # all or nothing: nothing
    assert chain_events(engine) == events
    # the database is usable and the same file imports completely
    from materiel.io import import_files

    result = import_files(engine, [csv])
    assert result.ok, result.issues
    done = result.counts["stock_reports"]
    assert done["created"] + done["updated"] + done["unchanged"] == KILL_ROWS
    assert count(engine, StockReport) == stocks + done["created"]
    assert chain_events(engine) == events + done["created"] + done["updated"]
    engine.dispose()


# -- (b) storing plan runs -------------------------------------------------------------------
STORE_PLANS = """
import sys, hashlib, json
import pandas as pd
from materiel.db import get_engine
from materiel.plan.results import PlanResult
from materiel.plan.store import store_plan

engine = get_engine(sys.argv[1])
n = int(sys.argv[2])
for i in range(1000):
    rows = [{"donor": "DEU", "recipient": "UKR", "item": f"item-{j}", "week": j % 52,
             "quantity": float(j + 1), "value": (j + 1) * 0.5 + i}
            for j in range(n)]
    res = PlanResult(status="Optimal", objective=float(i), build_seconds=0.1, solve_seconds=0.2,
                     snapshot_hash=hashlib.sha256(str(i).encode()).hexdigest(),
                     as_of="2026-01-05", scenario="crash-test", horizon_weeks=52,
                     hard_targets=False, tables={"transfers": pd.DataFrame(rows)})
    run_id = store_plan(engine, res, actor="crash-test")
    print("STORED", run_id, n, flush=True)
"""


def test_plan_store_killed_midway_keeps_complete_runs(db_url: str) -> None:
    engine = get_engine(db_url, fresh=True)
    rows = 20_000  # a payload of a few MB per run
    proc = subprocess.Popen(
        [sys.executable, "-c", STORE_PLANS, db_url, str(rows)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stored: list[int] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("STORED"):
                stored.append(int(line.split()[1]))
            if len(stored) == 3:
                break
        assert len(stored) == 3, proc.stderr.read() if proc.stderr else ""
        deadline = time.monotonic() + 30
        while not writer_active(db_url) and time.monotonic() < deadline:
            time.sleep(0.01)  # the fourth run is being written
    finally:
        kill(proc)
    with read_session(engine) as s:
        runs = list(s.scalars(select(PlanRun).order_by(PlanRun.id)))
        assert {r.id for r in runs} >= set(stored)  # every run reported stored is there
        for r in runs:  # and every run there is complete
            transfers = r.results["tables"]["transfers"]
            assert len(transfers) == rows
            assert f"item-{rows - 1}" in {t["item"] for t in transfers}  # every row kept
            assert r.status == "Optimal" and r.scenario == "crash-test"
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.entity == "plan_run", AuditEvent.action == "create")
        )
        assert audited == len(runs)
    chain_events(engine)
    engine.dispose()


# -- (c) a burst of API writes, the server killed, then restarted ---------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db_url: str, port: int) -> subprocess.Popen[Any]:
    proc = subprocess.Popen(
        [
            str(BIN / "materiel"),
            "--db",
            db_url,
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            r = httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)
            if r.status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            err = proc.stderr.read().decode() if proc.stderr else ""
            kill(proc)
            raise RuntimeError(f"server did not start: {err[-2000:]}")
        time.sleep(0.1)


@pytest.fixture
def api_db(db_url: str) -> Iterator[dict[str, Any]]:
    engine = get_engine(db_url, fresh=True)
    seed(engine)
    with writer(engine, "test") as w:
        pledge = w.create(
            Pledge,
            ref="P-BURST",
            donor_code="DEU",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=1_000_000,
            announced_on=dt.date(2026, 1, 5),
        )
        pid = pledge.id
    token = user_token(engine, "donor", "donor", "DEU")
    yield {"engine": engine, "url": db_url, "pledge": pid, "token": token}
    engine.dispose()


def test_api_server_killed_during_writes(api_db: dict[str, Any]) -> None:
    engine, db_url = api_db["engine"], api_db["url"]
    port = free_port()
    server = start_server(db_url, port)
    base = f"http://127.0.0.1:{port}/api/v1"
    committed: list[dict[str, Any]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(cid: int) -> None:
        headers = {"Authorization": f"Bearer {api_db['token']}"}
        with httpx.Client(base_url=base, headers=headers, timeout=10) as h:
            for k in range(10_000):
                if stop.is_set():
                    return
                ref = f"D-{cid}-{k}"
                try:
                    r = h.post(
                        f"/pledges/{api_db['pledge']}/deliveries",
                        json={"ref": ref, "quantity": 1 + k % 3, "delivered_on": "2026-02-01"},
                        headers={"Idempotency-Key": ref},
                    )
                except httpx.TransportError:
                    return  # the server is gone
                assert r.status_code < 500, r.text
                if r.status_code == 201:
                    with lock:
                        committed.append(r.json())

    threads = [threading.Thread(target=client, args=(c,)) for c in range(6)]
    try:
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while len(committed) < 40 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(committed) >= 40
    finally:
        kill(server)  # SIGKILL while the clients are still writing
        stop.set()
        for t in threads:
            t.join(timeout=30)
    # every write the clients saw committed is there, exactly as answered
    with read_session(engine) as s:
        stored = {d.ref: d for d in s.scalars(select(Delivery))}
        for body in committed:
            d = stored[body["ref"]]
            assert (d.id, d.quantity) == (body["id"], body["quantity"])
        pledge = s.get(Pledge, api_db["pledge"])
        assert pledge is not None and pledge.status == "delivering"
        creates = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.entity == "delivery", AuditEvent.action == "create")
        )
        assert creates == len(stored)  # no delivery without its audit event, nor the reverse
    chain_events(engine)

    # a plan job the dead server was running, and one it had queued
    dead = server.pid
    with writer(engine, "test") as w:
        running = Job(
            kind="plan", status="running", progress=0.4, params={}, owner="coord", pid=dead
        )
        queued = Job(kind="forecast", status="queued", params={}, owner="coord")
        w.session.add_all([running, queued])
        w.session.flush()
        job_ids = [running.id, queued.id]
    # restart: jobs are failed with a reason, the committed writes are served
    server = start_server(db_url, port)
    try:
        headers = {"Authorization": f"Bearer {api_db['token']}"}
        r = httpx.get(f"{base}/deliveries", params={"limit": 500}, headers=headers, timeout=10)
        assert r.status_code == 200 and r.json()["count"] == len(stored)
        # a retry of a committed request after the restart replays, and writes nothing
        first = committed[0]
        again = httpx.post(
            f"{base}/pledges/{api_db['pledge']}/deliveries",
            json={"ref": first["ref"], "quantity": first["quantity"], "delivered_on": "2026-02-01"},
            headers={**headers, "Idempotency-Key": first["ref"]},
            timeout=10,
        )
        assert again.status_code == 201 and again.json()["id"] == first["id"]
        assert count(engine, Delivery) == len(stored)
    finally:
        kill(server)
    with read_session(engine) as s:
        for jid in job_ids:
            job = s.get(Job, jid)
            assert job is not None
            assert job.status == "failed", (job.status, job.message)
            assert job.message and "restart" in job.message
            assert job.finished_at is not None


def test_recover_interrupted_without_a_server(sqlite_engine: Engine) -> None:
    from materiel.ops import recover_interrupted

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with writer(sqlite_engine, "test") as w:
        w.session.add_all(
            [
                Job(kind="plan", status="running", params={}, owner="a", pid=gone.pid),
                Job(kind="plan", status="done", params={}, owner="a", pid=gone.pid),
                Job(kind="plan", status="running", params={}, owner="a", pid=os.getpid()),
            ]
        )
    assert recover_interrupted(sqlite_engine) == 2  # the dead one, and our own stale one
    with read_session(sqlite_engine) as s:
        states = [(j.status, j.message) for j in s.scalars(select(Job).order_by(Job.id))]
    assert states[0][0] == "failed" and "restart" in (states[0][1] or "")
    assert states[1] == ("done", None)
    assert states[2][0] == "failed"
    assert json.dumps(states)  # plain values


# -- (d) a full disk -----------------------------------------------------------------------------
def test_a_full_disk_is_named_and_writes_nothing(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Issue 18 (also): an import that fills the disk said "is it initialised? run `materiel
    init`". It now says the disk is full, and nothing was written. The database is held to
    its size with SQLite's max_page_count, which fails writes as a full disk does
    (SQLITE_FULL)."""
    seed(sqlite_engine)
    db = str(sqlite_engine.url.database)
    stocks, events = count(sqlite_engine, StockReport), chain_events(sqlite_engine)
    engine = get_engine(db)  # the engine the CLI uses (one per database and process)
    with engine.connect() as c:
        pages = int(c.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def full(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # an int read above

    engine.dispose()
    event.listen(engine, "connect", full)
    try:
        r = CliRunner().invoke(
            cli, ["--db", db, "import", str(big_csv(tmp_path / "stock_reports.csv"))]
        )
    finally:
        event.remove(engine, "connect", full)
        engine.dispose()
    assert r.exit_code == 1
    assert "is full" in r.output and "nothing was written" in r.output, r.output
    assert "initialised" not in r.output
    assert count(sqlite_engine, StockReport) == stocks
    assert chain_events(sqlite_engine) == events


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (psycopg.errors.DiskFull("could not extend file: No space left on device"), "is full"),
        (sqlite3.OperationalError("database or disk is full"), "is full"),
        (OSError(errno.ENOSPC, "No space left on device"), "is full"),
        (sqlite3.OperationalError("no such table: pledge"), "run `materiel init`"),
        (psycopg.errors.UndefinedTable('relation "pledge" does not exist'), "run `materiel init`"),
        (sqlite3.OperationalError("database is locked"), "another process is writing"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
    ],
)
def test_database_failures_are_named(error: Exception, says: str) -> None:
    wrapped = OperationalError("INSERT ...", {}, error)
    assert says in database_problem(wrapped, "materiel.db")
    assert says in database_problem(error, "materiel.db")
