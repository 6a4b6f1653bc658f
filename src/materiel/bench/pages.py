"""Server time of the dashboard's pages (issue 16: every page < 300 ms warm, < 1.5 s cold on
the demo): each page requested in-process (no network, no browser) by a coordinator and by
a donor, on the synthetic demo with a stored plan. Cold = the first request after a write
(a meeting scheduled through the services moves the audit chain, so every cache keyed on it
misses); warm = the median of the next requests."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

PAGES = [
    "/",
    "/meetings/next",
    "/needs",
    "/pledges",
    "/stockpiles",
    "/stockpiles/DEU",
    "/procurement",
    "/plan",
    "/risk",
    "/meetings",
]
USERS = {"coord": ("coordinator", None), "donor": ("donor", "DEU")}
WARM = 5
GOAL_WARM_MS, GOAL_COLD_MS = 300, 1500


def _site(path: Path) -> tuple[Any, dict[str, str]]:
    from materiel.db import get_engine
    from materiel.demo import load_demo
    from materiel.plan.service import run_and_store
    from materiel.queries import today
    from materiel.testing import user_token

    engine = get_engine(path, fresh=True)
    load_demo(engine, seed=11)
    run_and_store(engine, as_of=today(), horizon_weeks=8, actor="bench")
    tokens = {u: user_token(engine, u, role, nation) for u, (role, nation) in USERS.items()}
    return engine, tokens


def _write(engine: Any, n: int) -> None:
    """A write through the services (a meeting scheduled): the audit chain moves."""
    from materiel.access.policy import LOCAL
    from materiel.services import writer
    from materiel.services.records import create_record

    with writer(engine, "bench") as w:
        create_record(
            w,
            LOCAL,
            "meeting",
            {"ref": f"BENCH-{n}", "held_on": dt.date(2030, 1, 1), "title": "bench"},
        )


def _time(client: Any, path: str) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one request (CPU: of the whole process — the
    in-process client's share is small — so less sensitive to other jobs on the machine)."""
    t, c = time.perf_counter(), time.process_time()
    r = client.get(path)
    ms, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {r.status_code}")
    return ms, cpu


def measure() -> list[dict[str, Any]]:
    from materiel.api.server import tune_gc
    from materiel.app import create_app
    from materiel.testing import make_client
    from materiel.web.session import SESSION_COOKIE

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="materiel-bench-pages-") as tmp:
        engine, tokens = _site(Path(tmp) / "demo.db")
        with make_client(create_app(engine, job_workers=1)) as client:
            tune_gc()  # as `materiel serve` does after start-up
            writes = 0
            for path in PAGES:
                row: dict[str, Any] = {"page": path}
                for user in USERS:
                    client.cookies.clear()
                    client.cookies.set(SESSION_COOKIE, tokens[user])
                    if client.get(path).status_code != 200:  # refused to this role
                        row[user] = None
                        continue
                    writes += 1
                    _write(engine, writes)
                    cold = _time(client, path)
                    warm = statistics.median(_time(client, path)[0] for _ in range(WARM))
                    row[user] = (cold, warm)
                rows.append(row)
        engine.dispose()
    return rows


def _cell(v: tuple[tuple[float, float], float] | None) -> str:
    if v is None:
        return "refused | refused"
    (cold, cold_cpu), warm = v
    flag = lambda ms, goal: f"**{ms:,.0f}**" if ms > goal else f"{ms:,.0f}"  # noqa: E731
    return f"{flag(cold, GOAL_COLD_MS)} ({cold_cpu:,.0f}) | {flag(warm, GOAL_WARM_MS)}"


def run() -> str:
    from materiel.bench.__main__ import machine

    load = os.getloadavg()[0]
    rows = measure()
    load_end = os.getloadavg()[0]
    lines = [
        "## Pages (server time)",
        "",
        "Each page of the dashboard requested in-process (`TestClient`: no network, no "
        "browser) on the synthetic demo (seed 11) with a stored 8-week plan, as a "
        "coordinator and as a donor (DEU), with the server's garbage-collector setting "
        "(`tune_gc`, as `materiel serve`). **cold**: the first request after a write "
        "through the services (every cache keyed on the audit chain misses), wall-clock "
        "and, in brackets, CPU time of the process; **warm**: the median wall-clock of the "
        f"next {WARM}. Milliseconds; bold = over the goal of issue 16 "
        f"({GOAL_COLD_MS:,} ms cold, {GOAL_WARM_MS} ms warm).",
        "",
        f"Machine: {machine()}. Load average (1 min) at the start / end: {load:.1f} / "
        f"{load_end:.1f} on {os.cpu_count()} cores, shared with other jobs: wall-clock "
        "times grow with the load, CPU times much less.",
        "",
        "| page | coordinator cold (CPU) | coordinator warm | donor cold (CPU) | donor warm |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| `{r['page']}` | {_cell(r['coord'])} | {_cell(r['donor'])} |")
    lines += [
        "",
        "What a cold page costs: its read-side queries. A page that shows the key figures "
        "and their detail (Overview with a donor's or recipient's own view, the meeting page) "
        "reads in one session marked with `queries.share_frames`, so each base frame (need "
        "coverage, pledges, fund position, orders, stock positions, alliance totals, the "
        "latest plan) is computed once; the meeting page's comparison with the previous "
        "meeting reads `queries.headline_figures` (the key figures' parts it shows, not the "
        "record counts and alliance totals); the stock outlook's 26-week projection is "
        "shared with the stockpile pages (one per data version), and the line utilisation "
        "reads three tables (`snapshot.read_line_load`), not a second snapshot. Warm pages "
        "come from the page cache (`web/pagecache.py`); Needs, Pledges and Plan are not "
        "cached (their filters make many keys) and cost the same warm and cold.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
