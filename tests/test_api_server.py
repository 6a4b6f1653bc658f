"""How the API is served: the read fast path in front of FastAPI, single-flight caches
(one lookup for a burst of requests), the GC tuning of a server process, and
``materiel serve --workers 2`` end to end."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select

from materiel.access import Principal, policy
from materiel.api import create_app
from materiel.api.deps import AuthCache
from materiel.api.errors import ApiProblem
from materiel.api.readcache import DataVersion, ReadCache, Stamp, cached_answer
from materiel.api.testing import HANG_GUARD, answers, make_client, seed, user_token, wait_until
from materiel.records import Delivery, Need, Pledge
from materiel.services import writer

API = "/api/v1"
BIN = Path(sys.executable).parent
ANN = Principal(1, "ann", "coordinator")


# -- the read cache: one computation for a burst of misses ------------------------------------
class _Probe:
    """Stands for DataVersion: the head moves with ``version[0]``; no table is versioned."""

    def __init__(self, version: list[int]):
        self.version = version

    def __call__(self) -> tuple[int, str]:
        return self.version[0], "h"

    def seqs(self, tables: frozenset[str]) -> tuple[tuple[str, int], ...]:
        return ()


def _request(cache: ReadCache, version: list[int]) -> Any:
    state = SimpleNamespace(read_cache=cache, data_version=_Probe(version))
    return SimpleNamespace(app=SimpleNamespace(state=state))


class _Arrivals(ReadCache):
    """A read cache that counts the callers that reached its single-flight gate, so a
    test's computation can wait until the whole burst is there instead of sleeping."""

    def __init__(self, size: int):
        super().__init__(size)
        self.arrived = 0
        self.changed = threading.Condition()

    @contextmanager
    def flight(self, key: Any) -> Iterator[bool]:
        with self.changed:
            self.arrived += 1
            self.changed.notify_all()
        with super().flight(key) as leader:
            yield leader

    def wait_for(self, n: int) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: self.arrived >= n, timeout=HANG_GUARD)


def _burst(request: Any, compute: Any, n: int = 8) -> list[Any]:
    out: list[Any] = []

    def one() -> None:
        try:
            out.append(cached_answer(request, "k", compute).body)
        except ApiProblem as exc:
            out.append(exc)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(HANG_GUARD)
    return out


def test_concurrent_misses_of_one_key_compute_once() -> None:
    version = [1]
    calls: list[int] = []
    cache = _Arrivals(16)
    burst = [8]  # callers that reach the gate by the end of the current burst

    def compute() -> tuple[Any, bytes, dict[str, str]]:
        calls.append(1)
        cache.wait_for(burst[0])  # the others of the burst are waiting meanwhile
        return Stamp((version[0], "h"), None), b'{"n":1}', {}

    request = _request(cache, version)
    assert _burst(request, compute) == [b'{"n":1}'] * 8
    assert len(calls) == 1
    version[0] = 2  # a write: the next reader computes again, once
    burst[0] = 16
    assert _burst(request, compute) == [b'{"n":1}'] * 8 and len(calls) == 2


def test_followers_of_a_failed_computation_compute_their_own() -> None:
    calls: list[int] = []
    cache = _Arrivals(16)

    def compute() -> tuple[Any, bytes, dict[str, str]]:
        calls.append(1)
        if len(calls) == 1:
            cache.wait_for(4)  # the leader fails only when the others are waiting for it
        raise ApiProblem(404, "no pledge 9")

    out = _burst(_request(cache, [1]), compute, n=4)
    assert len(out) == 4 and all(isinstance(e, ApiProblem) for e in out)
    assert 2 <= len(calls) <= 4  # the leader's error is not shared: nothing hangs


def test_without_a_cache_every_caller_computes() -> None:
    calls: list[int] = []

    def compute() -> tuple[Any, bytes, dict[str, str]]:
        calls.append(1)
        return None, b"{}", {}

    request = _request(ReadCache(0), [1])
    assert _burst(request, compute, n=3) == [b"{}"] * 3 and len(calls) == 3


# -- the auth cache: single flight, renewal ahead of expiry, no resurrection -------------------
def test_a_burst_of_requests_with_a_new_token_looks_it_up_once() -> None:
    cache = AuthCache(seconds=5)
    calls: list[int] = []

    def resolve() -> tuple[Principal, int, float]:
        calls.append(1)
        time.sleep(0.1)
        return ANN, 7, 3600.0

    async def main() -> list[Any]:
        return await asyncio.gather(*(cache.lookup("d", resolve) for _ in range(50)))

    got = asyncio.run(main())
    assert len(calls) == 1 and all(g is not None and g.token_id == 7 for g in got)
    assert cache.get("d") is not None


def test_a_busy_token_is_renewed_before_it_expires() -> None:
    now = [100.0]
    cache = AuthCache(seconds=0.6, clock=lambda: now[0])  # renewed in its last 0.3 s
    calls: list[int] = []

    def resolve() -> tuple[Principal, int, float]:
        calls.append(1)
        return ANN, 7, 3600.0

    async def main() -> None:
        first = await cache.lookup("d", resolve)
        assert first is not None and len(calls) == 1
        now[0] += 0.4  # inside the renewal window, still valid
        again = await cache.lookup("d", resolve)
        assert again is first  # served at once from the entry ...
        assert len(calls) == 1
        await cache.settled()  # ... while one lookup renews it in the background
        assert len(calls) == 2
        renewed = cache.get("d")
        assert renewed is not None and renewed.until > first.until

    asyncio.run(main())


def test_a_renewal_that_finds_the_token_revoked_drops_it() -> None:
    now = [100.0]
    cache = AuthCache(seconds=0.6, clock=lambda: now[0])
    found: list[Any] = [(ANN, 7, 3600.0)]

    async def main() -> None:
        assert await cache.lookup("d", lambda: found[0]) is not None
        now[0] += 0.4
        found[0] = None  # revoked by another process
        assert await cache.lookup("d", lambda: found[0]) is not None  # still in its time
        await cache.settled()
        assert cache.get("d") is None  # the renewal saw the revocation early

    asyncio.run(main())


def test_a_logout_during_a_lookup_is_not_undone_by_it() -> None:
    cache = AuthCache(seconds=60)
    release = threading.Event()

    def resolve() -> tuple[Principal, int, float]:
        release.wait(HANG_GUARD)  # read before the logout commits ...
        return ANN, 7, 3600.0

    async def main() -> None:
        waiting = asyncio.ensure_future(cache.lookup("d", resolve))
        await asyncio.sleep(0.05)
        cache.drop(digest="d")  # ... the logout drops the token meanwhile
        release.set()
        assert await waiting is not None  # the request that was waiting is answered
        assert cache.get("d") is None  # but the stale entry is not kept

    asyncio.run(main())


# -- the fast path ---------------------------------------------------------------------------
@pytest.fixture
def lite(sqlite_engine: Engine) -> Iterator[dict[str, Any]]:
    ids = seed(sqlite_engine)
    app = create_app(sqlite_engine, job_workers=1)
    with make_client(app) as c:
        c.headers["Authorization"] = f"Bearer {user_token(sqlite_engine, 'cora', 'coordinator')}"
        yield {"c": c, "engine": sqlite_engine, "ids": ids}


def test_a_cached_answer_carries_the_same_headers_as_the_route(lite: dict[str, Any]) -> None:
    c, pid = lite["c"], lite["ids"]["pledge"]
    cache: ReadCache = c.app.state.read_cache
    first = c.get(f"{API}/pledges/{pid}")
    hits = cache.hits
    second = c.get(f"{API}/pledges/{pid}")
    assert cache.hits == hits + 1  # served by the fast path, before FastAPI
    assert second.content == first.content
    for name in ("etag", "content-type", "x-content-type-options", "x-frame-options"):
        assert second.headers[name] == first.headers[name], name


def test_the_data_version_sees_commits_of_other_connections(sqlite_engine: Engine) -> None:
    seed(sqlite_engine)
    probe = DataVersion(sqlite_engine)
    assert probe.inline  # an SQLite file: checked on the event loop, no thread hop
    before = probe()
    with writer(sqlite_engine, "elsewhere") as w:
        w.create(
            Pledge,
            ref="P-V",
            donor_code="POL",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=3,
            announced_on=dt.date(2026, 1, 1),
        )
    after = probe()
    assert after[0] == before[0] + 1 and after[1] != before[1]


def test_other_databases_check_the_version_through_the_pool(engine: Engine) -> None:
    seed(engine)
    probe = DataVersion(engine)
    assert probe.inline == (engine.dialect.name == "sqlite")
    assert probe()[0] > 0


# -- per-table validity -----------------------------------------------------------------------
def test_an_answer_stays_cached_while_its_tables_are_unchanged(engine: Engine) -> None:
    """A delivery recorded does not evict the needs list (it never read deliveries or
    pledges); a need written does. Checked on SQLite (on the event loop) and PostgreSQL
    (through the pool)."""
    ids = seed(engine)
    app = create_app(engine, job_workers=1)
    with make_client(app) as c:
        c.headers["Authorization"] = f"Bearer {user_token(engine, 'cora', 'coordinator')}"
        cache: ReadCache = c.app.state.read_cache
        needs = c.get(f"{API}/needs?limit=5").json()
        pledge = c.get(f"{API}/pledges/{ids['pledge']}").json()
        r = c.post(
            f"{API}/pledges/{ids['pledge']}/deliveries",
            json={"quantity": 1, "delivered_on": "2026-02-01"},
        )
        assert r.status_code == 201, r.text
        hits, revalidated = cache.hits, cache.revalidated
        assert c.get(f"{API}/needs?limit=5").json() == needs  # no table of it changed
        assert cache.hits == hits + 1 and cache.revalidated == revalidated + 1
        # the pledge's own answer read the pledge table; the delivery moved its status
        after = c.get(f"{API}/pledges/{ids['pledge']}").json()
        assert after["status"] != pledge["status"] or after == pledge
        with writer(engine, "elsewhere") as w:  # a need written by another process
            w.create(
                Need,
                ref="N-NEW",
                recipient_code="UKR",
                item_code="ammo.artillery.155mm",
                quantity=7,
                priority="routine",
                needed_by=dt.date(2026, 6, 1),
                stated_on=dt.date(2026, 1, 5),
            )
        fresh = c.get(f"{API}/needs?limit=5").json()
        assert fresh["count"] == needs["count"] + 1


def test_an_answer_read_with_raw_sql_depends_on_every_table(sqlite_engine: Engine) -> None:
    from sqlalchemy import text

    from materiel.api.readcache import stamped
    from materiel.db import read_session

    seed(sqlite_engine)
    donor = Principal(2, "dana", "donor", "DEU")
    with read_session(sqlite_engine) as s, stamped(s) as st:
        # a donor's deliveries: visibility comes from the pledges, in a subquery
        s.execute(policy.row_filter(donor, "delivery", select(Delivery))).all()
        assert st.stamp().tables == frozenset({"delivery", "pledge"})
    with read_session(sqlite_engine) as s, stamped(s) as st:
        s.execute(select(Pledge.id)).all()
        assert st.stamp().tables == frozenset({"pledge"})
        s.execute(text("SELECT 1")).all()
        assert st.stamp().tables is None


# -- the server process ----------------------------------------------------------------------
def test_tune_gc_freezes_what_start_up_loaded() -> None:
    code = (
        "import gc; from materiel.api.server import tune_gc; tune_gc(); "
        "print(gc.get_freeze_count() > 10_000, gc.get_threshold()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out == ["True", "50000"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_with_two_workers_shares_one_database(sqlite_engine: Engine) -> None:
    """``materiel serve --workers 2``: both processes answer; a write through one is seen by
    reads through either (their read caches check the shared data version)."""
    ids = seed(sqlite_engine)
    token = user_token(sqlite_engine, "cora", "coordinator")
    db = str(sqlite_engine.url.database)
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "materiel"), "--db", db, "serve", "--port", str(port), "--workers", "2"],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}{API}"
    headers = {"Authorization": f"Bearer {token}"}
    try:
        wait_until(
            lambda: answers(f"{base}/openapi.json"),
            "materiel serve --workers 2",
            alive=lambda: proc.poll() is None,
            interval=0.2,
        )
        with httpx.Client(headers=headers, timeout=HANG_GUARD) as client:
            url = f"{base}/pledges/{ids['pledge']}"
            etag = client.get(url).headers["etag"]
            for _ in range(20):  # fresh connections: both workers see the pledge cached
                assert client.get(url, headers={"Connection": "close"}).json()["quantity"] == 1000
            r = client.patch(url, json={"quantity": 1200}, headers={"If-Match": etag})
            assert r.status_code == 200, r.text
            for _ in range(20):
                assert client.get(url, headers={"Connection": "close"}).json()["quantity"] == 1200
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    assert proc.returncode == 0, err[-2000:]
