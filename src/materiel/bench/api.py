"""API throughput and latency on loopback: a list endpoint, a read of one record and a
create, next to a bare FastAPI endpoint returning a constant, on the same server.

The server runs in its own process (uvicorn, one worker, the embedded SQLite file); the
load comes from ``wrk`` when installed, else from an asyncio httpx client. Every run is
bounded in time (``DURATION`` seconds per endpoint) and connections (``CONNECTIONS``).
The records are synthetic.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

CONNECTIONS = 200
DURATION = 10  # seconds per endpoint
GOAL_RATIO = 0.5
GOAL_P99_MS = 50.0
API = "/api/v1"


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    statuses: str


def _prepare(path: Path) -> tuple[str, int]:
    """A migrated database with 500 synthetic pledges; returns a token and a big pledge."""
    from materiel import migrations
    from materiel.api.testing import seed, user_token
    from materiel.db import get_engine
    from materiel.records import Pledge
    from materiel.services import writer

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
    token = user_token(engine, "bench", "coordinator")
    engine.dispose()
    return token, big


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


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    if not m:
        return float("nan")
    v = float(m.group(1))
    return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v


def _wrk(name: str, url: str, token: str, body: str | None, tmp: Path) -> Result:
    script = tmp / f"{name}.lua"
    lines = [f'wrk.headers["Authorization"] = "Bearer {token}"']
    if body is not None:
        lines += [
            'wrk.method = "POST"',
            f"wrk.body = '{body}'",
            'wrk.headers["Content-Type"] = "application/json"',
        ]
    lines += [
        "local codes = {}",
        "response = function(status, headers, body) codes[status] = (codes[status] or 0) + 1 end",
    ]
    script.write_text("\n".join(lines) + "\n")
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=DURATION + 60,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    dist = out.split("Latency Distribution", 1)[-1]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", dist, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", dist, re.M).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(g) for g in sock.groups()) if sock else 0
    )
    return Result(name, rps, p50, p99, total, errors, "non-2xx or socket errors")


async def _httpx_load(url: str, token: str, body: str | None) -> tuple[list[float], int]:
    lat: list[float] = []
    errors = 0
    deadline = time.monotonic() + DURATION
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            while time.monotonic() < deadline:
                t0 = time.perf_counter()
                try:
                    if body is None:
                        r = await client.get(url)
                    else:
                        r = await client.post(url, content=body)
                    if r.status_code >= 300:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return lat, errors


def _python(name: str, url: str, token: str, body: str | None) -> Result:
    t0 = time.perf_counter()
    lat, errors = asyncio.run(_httpx_load(url, token, body))
    wall = time.perf_counter() - t0
    a = np.asarray(lat) * 1000
    return Result(
        name,
        len(lat) / wall,
        float(np.percentile(a, 50)),
        float(np.percentile(a, 99)),
        len(lat),
        errors,
        "status >= 300 or transport errors",
    )


def run() -> str:
    tool = "wrk" if shutil.which("wrk") else "httpx (asyncio)"
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="materiel-bench-api-") as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "bench.db"
        token, big = _prepare(db)
        port = _free_port()
        proc = _start(db, port)
        base = f"http://127.0.0.1:{port}"
        delivery = json.dumps({"quantity": 1, "delivered_on": "2026-02-01"})
        targets = [
            ("bare constant (GET /bench/bare)", f"{base}/bench/bare", None),
            ("list 50 pledges (GET /pledges?limit=50)", f"{base}{API}/pledges?limit=50", None),
            (
                "list 10 pledges, filtered (GET /pledges?donor_code=DEU&limit=10)",
                f"{base}{API}/pledges?donor_code=DEU&limit=10",
                None,
            ),
            ("one pledge (GET /pledges/{id})", f"{base}{API}/pledges/{big}", None),
            (
                "create a delivery (POST /pledges/{id}/deliveries)",
                f"{base}{API}/pledges/{big}/deliveries",
                delivery,
            ),
        ]
        results: list[Result] = []

        def measure(name: str, url: str, body: str | None) -> None:
            print(f"  api bench: {name} …", flush=True)
            if tool == "wrk":
                results.append(_wrk(f"t{len(results)}", url, token, body, tmp))
            else:
                results.append(_python(name, url, token, body))

        try:
            for name, url, body in targets:
                measure(name, url, body)
        finally:
            _stop(proc)
        # the same reads with the read cache switched off: every request queries
        port = _free_port()
        proc = _start(db, port, cache=False)
        base = f"http://127.0.0.1:{port}"
        uncached = [
            ("bare constant, second server", f"{base}/bench/bare", None),
            ("list 50 pledges, read cache off", f"{base}{API}/pledges?limit=50", None),
            ("one pledge, read cache off", f"{base}{API}/pledges/{big}", None),
        ]
        try:
            for name, url, body in uncached:
                measure(name, url, body)
        finally:
            _stop(proc)
        targets += uncached
    for r, (name, _, _) in zip(results, targets, strict=True):
        r.name = name
    bare, bare2 = results[0], results[5]
    rows = [
        f"| {r.name} | {r.rps:,.0f} | {r.rps / (bare if i < 5 else bare2).rps:.0%} "
        f"| {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.requests:,} | {r.errors} |"
        for i, r in enumerate(results)
    ]
    lst, raw = results[1], results[6]
    ratio_ok = lst.rps >= GOAL_RATIO * bare.rps
    p99_ok = lst.p99_ms < GOAL_P99_MS
    raw_ok = raw.rps >= GOAL_RATIO * bare2.rps
    verdict = (
        f"- Goal: list reads at least {GOAL_RATIO:.0%} of the bare endpoint's throughput: "
        f"**{'met' if ratio_ok else 'NOT met'}** ({lst.rps / bare.rps:.0%}) with the read "
        f"cache; **{'met' if raw_ok else 'NOT met'}** ({raw.rps / bare2.rps:.0%}) without it.\n"
        f"- Goal: list p99 under {GOAL_P99_MS:.0f} ms at {CONNECTIONS} connections: "
        f"**{'met' if p99_ok else 'NOT met'}** ({lst.p99_ms:.0f} ms)."
    )
    return f"""## API (REST server)

`materiel.bench.api`: uvicorn with one worker on 127.0.0.1 serving `create_app()` on a
SQLite file (WAL) holding 503 synthetic pledges; the bare endpoint is a route on the same
app returning a constant. Load: {tool}, {CONNECTIONS} keep-alive connections, {DURATION} s per
endpoint, authenticated as a coordinator (bearer token). Load generator and server share
the machine's cores (load average {load:.1f} when the run started: other work was running).

| endpoint | requests/s | of bare | p50 ms | p99 ms | requests | errors |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

{verdict}

The first five rows run with the read cache on (the default): a GET already answered for
the same role, nation and URL at the current audit head is served by an ASGI fast path
before routing, after checking the head with one indexed query. This benchmark repeats
one URL, so nearly every read hits; the last three rows, on a second server with the cache
off, show the cost of a read that queries (its share is of that server's bare endpoint).
At {CONNECTIONS} connections the latency is mostly queueing: by Little's law p50 ≈
{CONNECTIONS} / throughput, so p99 under {GOAL_P99_MS:.0f} ms needs well over
{CONNECTIONS / (GOAL_P99_MS / 1000):,.0f} requests/s, which even the bare endpoint does not
reach with one pure-Python (h11) worker on this shared machine.

Errors count {results[0].statuses}. Creates are serialised by the database write lock
(SQLite `BEGIN IMMEDIATE`; on PostgreSQL the audit chain's advisory lock), so their
throughput is bounded by one writer; each one also appends a hash-chained audit event.
"""


def _serve(db: str, port: int, cache: bool) -> None:
    import uvicorn

    from materiel.api import create_app

    app = create_app(db, read_cache_size=1024 if cache else 0)

    @app.get("/bench/bare", include_in_schema=False)
    def bare() -> dict[str, bool]:
        return {"ok": True}

    uvicorn.run(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, backlog=4096
    )


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "serve":
        os.environ.setdefault("MATERIEL_DB", sys.argv[2])
        _serve(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
    else:
        print(run())
