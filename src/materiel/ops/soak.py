"""Soak test: many clients mixing reads and writes against a real server on loopback for
minutes, with one restart in the middle; then every accepted write is reconciled.

    python -m materiel.ops.soak --minutes 4 --clients 50            # a fresh PostgreSQL db
    python -m materiel.ops.soak --minutes 1 --db /tmp/soak.db       # SQLite

Bounded in time (``--minutes``) and count (``--max-requests``); stops by itself. Writes
carry an Idempotency-Key and are retried with the same key through the restart, so a
write is counted once whatever happens. Prints a Markdown section (figures for
docs/reliability.md) and exits 1 when a check fails: any 5xx, a lost or duplicated write,
an audit chain that does not verify.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, select, text

from materiel import migrations
from materiel.db import get_engine, read_session
from materiel.records import Delivery, Need, Pledge
from materiel.services import verify_chain, writer
from materiel.testing import seed, user_token

PG_ADMIN = os.environ.get("MATERIEL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
API = "/api/v1"
PLEDGES = 20


@dataclass
class Tally:
    requests: int = 0
    reads: int = 0
    writes: int = 0
    retries: int = 0
    transport_errors: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    accepted: dict[str, dict[str, Any]] = field(default_factory=dict)  # ref -> response body
    needs: dict[str, int] = field(default_factory=dict)  # ref -> id
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def rss_kib(pid: int) -> int:
    """Resident memory of a process from /proc (KiB); 0 when unavailable."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``materiel serve`` in a subprocess; ``restart`` sends SIGTERM and starts it again."""

    def __init__(self, db: str, port: int):
        self.db = db
        self.port = port
        self.proc: subprocess.Popen[bytes] | None = None
        self.rss: list[tuple[float, int, int]] = []  # (time, pid, KiB)

    def start(self) -> None:
        cmd = [sys.executable, "-m", "materiel.cli.main", "--db", self.db, "serve"]
        cmd += ["--port", str(self.port), "--log-level", "warning"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{self.port}{API}/openapi.json", timeout=2)
                if r.status_code == 200:
                    self.sample()
                    return
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def sample(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.rss.append((time.monotonic(), self.proc.pid, rss_kib(self.proc.pid)))

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.sample()
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def restart(self) -> float:
        started = time.monotonic()
        self.stop()
        self.start()
        return time.monotonic() - started


def _prepare(db: str) -> dict[str, Any]:
    engine = get_engine(db, fresh=True)
    migrations.upgrade(engine)
    seed(engine)
    with writer(engine, "soak") as w:
        pledges = [
            w.create(
                Pledge,
                ref=f"P-SOAK-{i}",
                donor_code="DEU",
                recipient_code="UKR",
                item_code="ammo.artillery.155mm",
                quantity=1_000_000_000,
                announced_on=dt.date(2026, 1, 5),
                source_document="soak test (synthetic)",
            ).id
            for i in range(PLEDGES)
        ]
    donor = user_token(engine, "soak-donor", "donor", "DEU", lifetime=dt.timedelta(hours=6))
    coord = user_token(engine, "soak-coord", "coordinator", lifetime=dt.timedelta(hours=6))
    engine.dispose()
    return {"pledges": pledges, "donor": donor, "coord": coord}


def _send(
    h: httpx.Client, t: Tally, method: str, url: str, deadline: float, **kw: Any
) -> httpx.Response | None:
    """One request, retried (same headers, so the same Idempotency-Key) while the server
    is unreachable or restarting."""
    for attempt in range(200):
        try:
            started = time.perf_counter()
            r = h.request(method, url, **kw)
        except httpx.TransportError:
            with t.lock:
                t.transport_errors += 1
                t.retries += attempt > 0
            if time.monotonic() > deadline + 120:
                return None
            time.sleep(min(0.05 * (attempt + 1), 1.0))
            continue
        with t.lock:
            t.requests += 1
            t.statuses[r.status_code] += 1
            t.latencies.append(time.perf_counter() - started)
            if r.status_code >= 500:
                t.server_errors.append(f"{method} {url} -> {r.status_code}: {r.text[:200]}")
        if r.status_code == 503:
            time.sleep(0.2)
            continue
        return r
    return None


def _client(
    cid: int, base: str, ctx: dict[str, Any], t: Tally, deadline: float, budget: int
) -> None:
    rng = random.Random(cid)
    donor = {"Authorization": f"Bearer {ctx['donor']}"}
    coord = {"Authorization": f"Bearer {ctx['coord']}"}
    with httpx.Client(base_url=base, timeout=60) as h:
        for k in range(budget):
            if time.monotonic() > deadline:
                return
            roll = rng.random()
            pid = rng.choice(ctx["pledges"])
            if roll < 0.30:
                ref = f"D-{cid}-{k}-{uuid.uuid4().hex[:6]}"
                body = {"ref": ref, "quantity": rng.randint(1, 50), "delivered_on": "2026-02-01"}
                r = _send(
                    h,
                    t,
                    "POST",
                    f"{API}/pledges/{pid}/deliveries",
                    deadline,
                    json=body,
                    headers={**donor, "Idempotency-Key": ref},
                )
                with t.lock:
                    t.writes += 1
                    if r is not None and r.status_code == 201:
                        t.accepted[ref] = r.json()
            elif roll < 0.40:
                ref = f"N-{cid}-{k}-{uuid.uuid4().hex[:6]}"
                body = {
                    "ref": ref,
                    "recipient_code": "UKR",
                    "item_code": "ammo.artillery.155mm",
                    "quantity": rng.randint(1, 1000),
                    "priority": rng.choice(["critical", "high", "routine"]),
                    "needed_by": "2026-06-01",
                    "stated_on": "2026-01-05",
                    "source": "soak test (synthetic)",
                }
                r = _send(
                    h,
                    t,
                    "POST",
                    f"{API}/needs",
                    deadline,
                    json=body,
                    headers={**coord, "Idempotency-Key": ref},
                )
                with t.lock:
                    t.writes += 1
                    if r is not None and r.status_code == 201:
                        t.needs[ref] = int(r.json()["id"])
            else:
                path, who = rng.choice(
                    [
                        (f"{API}/pledges?limit=50", donor),
                        (f"{API}/pledges/{pid}", donor),
                        (f"{API}/deliveries?limit=20&sort=-id", donor),
                        (f"{API}/needs?limit=50&priority=critical", coord),
                        (f"{API}/stock-reports?limit=20", donor),
                        (f"{API}/items", coord),
                    ]
                )
                _send(h, t, "GET", path, deadline, headers=who)
                with t.lock:
                    t.reads += 1


def _reconcile(db: str, t: Tally) -> dict[str, Any]:
    engine = get_engine(db, fresh=True)
    problems: list[str] = []
    with read_session(engine) as s:
        stored = {d.ref: d for d in s.scalars(select(Delivery).where(Delivery.ref.like("D-%")))}
        for ref, body in t.accepted.items():
            d = stored.get(ref)
            if d is None:
                problems.append(f"delivery {ref} answered 201 but is missing")
            elif (d.id, d.quantity, d.pledge_id) != (
                body["id"],
                body["quantity"],
                body["pledge_id"],
            ):
                problems.append(f"delivery {ref} differs from its 201 answer")
        extra = set(stored) - set(t.accepted)
        # a write may commit while its answer is lost to the restart: then the retry with
        # the same key replays it, so nothing is extra unless it was duplicated
        if extra:
            problems.append(f"{len(extra)} deliveries stored that no client saw accepted")
        sums = dict(
            s.execute(
                select(Delivery.pledge_id, func.sum(Delivery.quantity))
                .where(Delivery.ref.like("D-%"))
                .group_by(Delivery.pledge_id)
            ).all()
        )
        expected: Counter[int] = Counter()
        for body in t.accepted.values():
            expected[int(body["pledge_id"])] += int(body["quantity"])
        if {k: int(v) for k, v in sums.items()} != dict(expected):
            problems.append("delivered totals per pledge differ from the accepted writes")
        needs = set(s.scalars(select(Need.ref).where(Need.ref.like("N-%-%"))))
        if needs != set(t.needs):
            problems.append(
                f"needs: {len(set(t.needs) - needs)} missing, {len(needs - set(t.needs))} extra"
            )
        chain = verify_chain(s)
        if not chain.ok:
            problems += chain.problems[:5]
    engine.dispose()
    return {
        "deliveries_checked": len(t.accepted),
        "needs_checked": len(t.needs),
        "audit_events": chain.events,
        "audit_ok": chain.ok,
        "problems": problems,
    }


def _fresh_pg() -> tuple[str, Any]:
    name = f"materiel_soak_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))  # generated name: safe
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name, admin


def run(
    minutes: float = 4.0,
    clients: int = 50,
    db: str | None = None,
    restarts: int = 1,
    max_requests: int = 1_000_000,
    keep: bool = False,
) -> dict[str, Any]:
    """Run the soak test and return its figures (see :func:`markdown`)."""
    admin = None
    if db is None:
        db, admin = _fresh_pg()
    ctx = _prepare(db)
    port = _free_port()
    server = Server(db, port)
    server.start()
    base = f"http://127.0.0.1:{port}"
    t = Tally()
    seconds = minutes * 60
    started = time.monotonic()
    deadline = started + seconds
    budget = max(1, max_requests // clients)
    threads = [
        threading.Thread(target=_client, args=(c, base, ctx, t, deadline, budget), daemon=True)
        for c in range(clients)
    ]
    for th in threads:
        th.start()
    restart_at = [started + seconds * (i + 1) / (restarts + 1) for i in range(restarts)]
    downtime: list[float] = []
    while any(th.is_alive() for th in threads):
        time.sleep(1.0)
        server.sample()
        if restart_at and time.monotonic() >= restart_at[0]:
            restart_at.pop(0)
            downtime.append(server.restart())
    server.stop()
    elapsed = time.monotonic() - started
    figures = _reconcile(db, t)
    runs: dict[int, list[int]] = {}
    for _, pid, kib in server.rss:
        runs.setdefault(pid, []).append(kib)
    lat = sorted(t.latencies) or [0.0]
    figures.update(
        {
            "database": "postgresql" if "://" in db else "sqlite",
            "minutes": round(elapsed / 60, 2),
            "clients": clients,
            "requests": t.requests,
            "reads": t.reads,
            "writes": t.writes,
            "status": dict(sorted(t.statuses.items())),
            "server_errors_5xx": len(t.server_errors),
            "first_5xx": t.server_errors[:3],
            "transport_errors_retried": t.transport_errors,
            "restarts": len(downtime),
            "restart_seconds": [round(d, 1) for d in downtime],
            # per server process: after start, after ~10 s of load, at stop
            "rss_kib": [[v[0], v[min(10, len(v) - 1)], v[-1]] for v in runs.values()],
            "p50_ms": round(1000 * lat[len(lat) // 2], 1),
            "p99_ms": round(1000 * lat[int(len(lat) * 0.99)], 1),
            "rps": round(t.requests / elapsed, 1),
            "machine": _machine(),
        }
    )
    if t.server_errors:
        figures["problems"].append(f"{len(t.server_errors)} responses with a 5xx status")
    figures["ok"] = not figures["problems"]
    if admin is not None and not keep:
        from materiel.db import dispose_all

        dispose_all()
        name = db.rsplit("/", 1)[1]
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # generated
        admin.dispose()
    return figures


def _machine() -> str:
    cpu = platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def markdown(f: dict[str, Any]) -> str:
    rss = "; ".join(
        f"process {i + 1}: {a / 1024:,.0f} MiB idle, {b / 1024:,.0f} MiB after 10 s of load, "
        f"{c / 1024:,.0f} MiB at stop"
        for i, (a, b, c) in enumerate(f["rss_kib"])
    )
    lines = [
        f"### Soak run {dt.date.today().isoformat()} ({f['database']})",
        "",
        f"- {f['clients']} clients, {f['minutes']} min, {f['restarts']} restart(s) "
        f"(SIGTERM, back in {', '.join(f'{s} s' for s in f['restart_seconds']) or '-'})",
        f"- requests answered: {f['requests']:,} ({f['reads']:,} reads, {f['writes']:,} writes), "
        f"{f['rps']} per second, p50 {f['p50_ms']} ms, p99 {f['p99_ms']} ms",
        f"- status codes: {f['status']}; 5xx: {f['server_errors_5xx']}; connection errors "
        f"retried with the same Idempotency-Key: {f['transport_errors_retried']}",
        f"- writes checked: {f['deliveries_checked']:,} deliveries and {f['needs_checked']:,} "
        f"needs, every 201 present once with its answer's values; per-pledge totals match; "
        f"audit chain {'verifies' if f['audit_ok'] else 'BROKEN'} ({f['audit_events']:,} events)",
        f"- server RSS: {rss}",
        f"- result: {'PASS' if f['ok'] else 'FAIL: ' + '; '.join(f['problems'])}",
        f"- machine: {f['machine']}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m materiel.ops.soak", description=__doc__)
    ap.add_argument("--minutes", type=float, default=4.0)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--db", default=None, help="database URL or path (default: a fresh PG db)")
    ap.add_argument("--restarts", type=int, default=1)
    ap.add_argument("--max-requests", type=int, default=1_000_000)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args(argv)
    figures = run(args.minutes, args.clients, args.db, args.restarts, args.max_requests)
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    sys.stdout.write(markdown(figures))
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
