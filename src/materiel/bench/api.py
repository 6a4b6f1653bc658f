"""API throughput and latency on loopback: lists (one hot URL, and hundreds of distinct
URLs for three roles), a read of one record and a create, next to a bare FastAPI endpoint
returning a constant, on the same server with the same settings as ``materiel serve``
(:mod:`materiel.api.server`); then the same reads with the read cache off, and reads while
another client writes.

The server runs in its own process (one worker, the embedded SQLite file); the load comes
from ``wrk`` (one thread: server and load generator get a core each) when installed, else
from an asyncio httpx client. Every run is bounded in time (``DURATION`` seconds after
``WARMUP`` seconds that are not counted) and in connections (``CONNECTIONS``). The records
are synthetic.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

CONNECTIONS = 200
DURATION = 10  # seconds measured per endpoint
WARMUP = 2  # seconds of load before each measurement, not counted
WRITES_PER_SECOND = 10  # the writer of the mixed run
GOAL_RATIO = 0.5
GOAL_P99_MS = 50.0
API = "/api/v1"
USERS = (
    ("bench", "coordinator", None),
    ("bench-deu", "donor", "DEU"),
    ("bench-ukr", "recipient", "UKR"),
)


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    p999_ms: float
    requests: int
    errors: int
    note: str = ""


@dataclass
class Target:
    name: str
    paths: list[tuple[str, str]]  # (path and query, user) — rotated request by request
    body: str | None = None  # POST body (JSON)


def _prepare(path: Path) -> tuple[dict[str, str], int]:
    """A migrated database with 500 synthetic pledges and a big one for deliveries; returns
    a token per benchmark user and the big pledge's id."""
    from materiel import migrations
    from materiel.db import get_engine
    from materiel.records import Pledge
    from materiel.services import writer
    from materiel.testing import seed, user_token

    engine = get_engine(path, fresh=True)
    migrations.upgrade(engine)
    seed(engine)
    with writer(engine, "bench") as w:
        for i in range(500):
            w.create(
                Pledge,
                ref=f"B-{i}",
                donor_code=("DEU", "FRA", "POL")[i % 3],
                recipient_code="UKR",
                item_code="ammo.artillery.155mm",
                quantity=100 + i,
                announced_on=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                confidential=i % 10 == 0,
                source_document="synthetic benchmark data",
            )
        big = w.create(
            Pledge,
            ref="B-BIG",
            donor_code="DEU",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=10**12,
            announced_on=dt.date(2026, 1, 1),
            source_document="synthetic benchmark data",
        ).id
    tokens = {name: user_token(engine, name, role, nation) for name, role, nation in USERS}
    engine.dispose()
    return tokens, big


def list_variants() -> list[tuple[str, str]]:
    """Distinct list URLs (filters × sorts × page sizes × date ranges) for each user."""
    donors = ("", "&donor_code=DEU", "&donor_code=FRA", "&donor_code=POL")
    sorts = ("id", "-id", "announced_on", "-announced_on", "quantity", "-quantity", "ref")
    limits = (10, 25, 50)
    since = ("", "&announced_from=2026-03-01", "&announced_from=2026-06-01")
    return [
        (f"{API}/pledges?limit={n}&sort={o}{d}{f}", user)
        for user, _, _ in USERS
        for d, o, n, f in itertools.product(donors, sorts, limits, since)
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, port: int, cache: bool = True) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "materiel.bench.api", "serve", str(db), str(port), str(int(cache))],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/bench/bare", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    err = proc.stderr.read().decode() if proc.stderr else ""
    raise RuntimeError(f"benchmark server did not start: {err[-2000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    if proc.stderr:
        proc.stderr.close()


LUA_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _lua(target: Target, tokens: dict[str, str]) -> str:
    def q(text: str) -> str:
        return json.dumps(text)  # a JSON string literal is a valid Lua string literal here

    lines = [
        "local paths = {" + ",".join(q(p) for p, _ in target.paths) + "}",
        "local auth = {" + ",".join(q("Bearer " + tokens[u]) for _, u in target.paths) + "}",
        f"local method = {q('POST' if target.body is not None else 'GET')}",
        f"local body = {q(target.body) if target.body is not None else 'nil'}",
        "local i = 0",
        "request = function()",
        "  i = i % #paths + 1",
        "  local h = {Authorization = auth[i]}",
        "  if body then h['Content-Type'] = 'application/json' end",
        "  return wrk.format(method, paths[i], h, body)",
        "end",
    ]
    return "\n".join(lines) + LUA_DONE


def _wrk(target: Target, base: str, tokens: dict[str, str], tmp: Path) -> Result:
    script = tmp / "load.lua"
    script.write_text(_lua(target, tokens))
    url = base + target.paths[0][0]

    def load(seconds: int) -> str:
        args = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"]
        return subprocess.run(
            [*args, "-s", str(script), url],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout

    load(WARMUP)
    out = load(DURATION)
    m = re.search(r"^RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$", out, re.M)
    if m is None:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    n, micros = int(m.group(1)), int(m.group(2))
    p50, p99, p999 = (float(m.group(k)) for k in (3, 4, 5))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = int(m.group(6)) + (int(non2xx.group(1)) if non2xx else 0)
    return Result(target.name, n / (micros / 1e6), p50, p99, p999, n, errors)


async def _httpx_load(
    target: Target, base: str, tokens: dict[str, str], seconds: float
) -> tuple[list[float], int]:
    lat: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    turn = itertools.cycle(target.paths)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            while time.monotonic() < deadline:
                path, user = next(turn)
                headers = {"Authorization": f"Bearer {tokens[user]}"}
                t0 = time.perf_counter()
                try:
                    if target.body is None:
                        r = await client.get(path, headers=headers)
                    else:
                        headers["Content-Type"] = "application/json"
                        r = await client.post(path, content=target.body, headers=headers)
                    if r.status_code >= 300:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return lat, errors


def _python(target: Target, base: str, tokens: dict[str, str]) -> Result:
    asyncio.run(_httpx_load(target, base, tokens, WARMUP))
    t0 = time.perf_counter()
    lat, errors = asyncio.run(_httpx_load(target, base, tokens, DURATION))
    wall = time.perf_counter() - t0
    a = np.asarray(lat) * 1000
    p50, p99, p999 = (float(np.percentile(a, q)) for q in (50, 99, 99.9))
    return Result(target.name, len(lat) / wall, p50, p99, p999, len(lat), errors)


class _Writer(threading.Thread):
    """Posts deliveries at a steady rate while a read benchmark runs (each write moves the
    audit head, so every cached answer becomes stale)."""

    def __init__(self, base: str, token: str, pledge: int, per_second: float) -> None:
        super().__init__(daemon=True)
        self.url = f"{base}{API}/pledges/{pledge}/deliveries"
        self.headers = {"Authorization": f"Bearer {token}"}
        self.period = 1 / per_second
        self.stop = threading.Event()
        self.done = 0
        self.failed = 0
        self.started = self.stopped = 0.0

    def rate(self) -> float:
        """Writes per second achieved while it ran."""
        return self.done / max(self.stopped - self.started, 1e-9)

    def run(self) -> None:
        body = {"quantity": 1, "delivered_on": "2026-02-01"}
        self.started = self.stopped = time.monotonic()
        with httpx.Client(headers=self.headers, timeout=30) as client:
            nxt = time.monotonic()
            while not self.stop.is_set():
                try:
                    ok = client.post(self.url, json=body).status_code == 201
                except httpx.HTTPError:
                    ok = False
                self.done += ok
                self.failed += not ok
                nxt += self.period
                self.stopped = time.monotonic()
                self.stop.wait(max(0.0, nxt - time.monotonic()))


def _check(base: str, target: Target, tokens: dict[str, str]) -> None:
    """Every URL of a read target answers 200 before it is loaded."""
    if target.body is not None:
        return
    with httpx.Client(base_url=base, timeout=30) as client:
        for path, user in target.paths:
            r = client.get(path, headers={"Authorization": f"Bearer {tokens[user]}"})
            if r.status_code != 200:
                raise RuntimeError(f"{path} as {user}: {r.status_code} {r.text[:300]}")


def run() -> str:
    tool = "wrk" if shutil.which("wrk") else "httpx (asyncio)"
    load_avg = os.getloadavg()[0]
    variants = list_variants()
    with tempfile.TemporaryDirectory(prefix="materiel-bench-api-") as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "bench.db"
        tokens, big = _prepare(db)
        ids = list(range(1, 500))
        delivery = json.dumps({"quantity": 1, "delivered_on": "2026-02-01"})
        bare = Target("bare constant (GET /bench/bare)", [("/bench/bare", "bench")])
        hot = Target("list 50 pledges, one URL", [(f"{API}/pledges?limit=50", "bench")])
        many = Target(f"list pledges, {len(variants)} URLs × 3 roles (rotating)", variants)
        one = Target(
            f"one pledge (GET /pledges/{{id}}), {len(ids)} ids",
            [(f"{API}/pledges/{i}", "bench") for i in ids],
        )
        deliveries = Target(
            "list deliveries, 12 URLs (GET /deliveries?pledge_id=…)",
            [
                (f"{API}/deliveries?pledge_id={i}&limit={n}", "bench")
                for i in (big, 1, 2, 3, 4, 5)
                for n in (10, 50)
            ],
        )
        create = Target(
            "create a delivery (POST /pledges/{id}/deliveries)",
            [(f"{API}/pledges/{big}/deliveries", "bench")],
            body=delivery,
        )
        rows: list[tuple[Result, Result]] = []  # (result, the bare run it is compared with)

        def measure(base: str, target: Target) -> Result:
            print(f"  api bench: {target.name} …", flush=True)
            _check(base, target, tokens)
            if tool == "wrk":
                return _wrk(target, base, tokens, tmp)
            return _python(target, base, tokens)

        for cache in (True, False):
            port = _free_port()
            proc = _start(db, port, cache=cache)
            base = f"http://127.0.0.1:{port}"
            suffix = "" if cache else ", read cache off"
            try:
                b = measure(base, bare)
                b.name += suffix
                rows.append((b, b))
                for t in (hot, many, one) if cache else (hot, many, one, create):
                    r = measure(base, t)
                    r.name += suffix
                    rows.append((r, b))
                for t, label in ((many, "pledges"), (deliveries, "deliveries")) if cache else ():
                    writer = _Writer(base, tokens["bench"], big, WRITES_PER_SECOND)
                    writer.start()
                    try:
                        r = measure(base, t)
                    finally:
                        writer.stop.set()
                        writer.join(30)
                    r.name = f"{t.name}, while another client records deliveries"
                    effect = (
                        "every write changes the deliveries read"
                        if label == "deliveries"
                        else "no write changes the pledges read"
                    )
                    r.note = f"{writer.rate():.1f} writes/s, {writer.failed} failed; {effect}"
                    rows.append((r, b))
            finally:
                _stop(proc)
    return _report(rows, tool, load_avg, len(variants))


def _report(rows: list[tuple[Result, Result]], tool: str, load_avg: float, n_urls: int) -> str:
    table = [
        f"| {r.name} | {r.rps:,.0f} | {r.rps / b.rps:.0%} | {r.p50_ms:.1f} | {r.p99_ms:.1f} "
        f"| {r.p999_ms:.1f} | {r.requests:,} | {r.errors} | {r.note} |"
        for r, b in rows
    ]

    def verdict(r: Result, b: Result) -> str:
        ratio_ok = r.rps >= GOAL_RATIO * b.rps
        p99_ok = r.p99_ms < GOAL_P99_MS
        met = "**met**" if ratio_ok and p99_ok else "**NOT met**"
        return (
            f"- {r.name}: {met} ({r.rps / b.rps:.0%} of bare: "
            f"{'yes' if ratio_ok else 'no'}; p99 {r.p99_ms:.1f} ms: "
            f"{'yes' if p99_ok else 'no'})"
        )

    reads = [(r, b) for r, b in rows if "list" in r.name or "one pledge" in r.name]
    verdicts = "\n".join(verdict(r, b) for r, b in reads)
    from materiel.api.server import UVICORN

    settings = ", ".join(
        f"{k}={v}" for k, v in UVICORN.items() if k != "timeout_worker_healthcheck"
    )
    return f"""## API (REST server)

`materiel.bench.api`: one uvicorn worker on 127.0.0.1 with the settings of `materiel serve`
({settings}; `tune_gc` after start-up; access log off), serving `create_app()` on a SQLite
file (WAL) holding 503 synthetic pledges. The bare endpoint is an `async` FastAPI route on
the same app returning a constant, registered first so that it pays no routing. Load: {tool},
one thread, {CONNECTIONS} keep-alive connections, {WARMUP} s of warm-up then {DURATION} s
measured per row; requests rotate over the row's URLs and users (coordinator, DEU donor, UKR
recipient). Load generator and server share the machine's 2 cores (load average
{load_avg:.1f} when the run started).

| endpoint | requests/s | of bare | p50 ms | p99 ms | p99.9 ms | requests | errors | note |
|---|---:|---:|---:|---:|---:|---:|---:|---|
{chr(10).join(table)}

Goal: reads at least {GOAL_RATIO:.0%} of the bare endpoint's throughput with p99 under
{GOAL_P99_MS:.0f} ms at {CONNECTIONS} connections:

{verdicts}

How reads are served: a GET already answered for the same role, nation and URL is served
from the read cache by an ASGI fast path in front of FastAPI when none of the tables it was
read from has changed since (`materiel.api.readcache`: one indexed query for the audit
head, and after a write one index seek per table; on SQLite on the event loop, with no
thread hop). The {n_urls} rotating list URLs all fit in the cache, so after the warm-up they
hit too. The two rows "while another client records deliveries" run a writer aiming at
{WRITES_PER_SECOND} deliveries/s (the note gives the rate it reached while the row ran: a
saturated server answers it slower): the pledge lists stay valid (no pledge changes), the
delivery lists are evicted by every write and recomputed, once per write and URL (concurrent
misses of one URL share one computation). With the cache off every read runs its queries
(count, page, policy filter) and serialises with Pydantic in the thread pool: that is the
cost of a cold read, and the goal is not met there. At {CONNECTIONS} connections latency is
mostly queueing (Little's law: p50 ≈ {CONNECTIONS} / throughput), so p99 under
{GOAL_P99_MS:.0f} ms needs more than {CONNECTIONS / (GOAL_P99_MS / 1000):,.0f}
requests/s with a tight spread.

Errors count non-2xx answers and socket errors. Creates are serialised by the database write
lock (SQLite `BEGIN IMMEDIATE`; on PostgreSQL the audit chain's advisory lock), so their
throughput is bounded by one writer; each one also appends a hash-chained audit event.
"""


def _serve(db: str, port: int, cache: bool) -> None:
    import uvicorn

    from materiel.api import create_app
    from materiel.api.server import UVICORN, tune_gc

    app = create_app(db, read_cache_size=1024 if cache else 0)

    @app.get("/bench/bare", include_in_schema=False)
    async def bare() -> dict[str, bool]:
        return {"ok": True}

    routes = app.router.routes
    routes.insert(0, routes.pop())  # first: the bare endpoint pays no routing
    tune_gc()
    options = dict(UVICORN, log_level="warning", access_log=False)
    uvicorn.run(app, host="127.0.0.1", port=port, **options)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "serve":
        os.environ.setdefault("MATERIEL_DB", sys.argv[2])
        _serve(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
    else:
        print(run())
