"""Start-up of the command line (issue 19): CPU and wall time of ``materiel --help`` and of
light reading commands on the demo database, each a fresh process as a user runs it.

CPU seconds are the child process's own (user + system, from ``getrusage``): on a shared,
loaded machine the wall time is an upper bound, the CPU time is what the command costs.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"--help": 0.3, "status": 1.0}  # seconds of CPU, issue 19
RUNS = 5
DEMO_AS_OF = "2026-11-02"


def _materiel() -> list[str]:
    exe = Path(sys.executable).with_name("materiel")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "materiel.cli.main"]


#: as a user runs it: the bytecode of the modules is cached after the first run (an
#: environment with PYTHONDONTWRITEBYTECODE would compile every module on every start)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(args: list[str]) -> tuple[float, float]:
    """(CPU s, wall s) of one run of ``materiel ARGS`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*_materiel(), *args], check=True, capture_output=True, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def run() -> str:
    from materiel.bench.__main__ import machine

    tmp = Path(tempfile.mkdtemp(prefix="materiel-bench-cli-"))
    try:
        db = str(tmp / "demo.db")
        subprocess.run(
            [*_materiel(), "--db", db, "demo", "--as-of", DEMO_AS_OF],
            check=True,
            capture_output=True,
        )
        commands: list[tuple[str, list[str]]] = [
            ("--help", ["--help"]),
            ("status", ["--db", db, "status", "--as-of", DEMO_AS_OF]),
            ("status (its default date)", ["--db", db, "status"]),
            ("needs list", ["--db", db, "needs", "list", "--as-of", DEMO_AS_OF]),
            ("pledges list --json", ["--db", db, "pledges", "list", "--json"]),
        ]
        rows = []
        measured: dict[str, tuple[float, float]] = {}
        load_before = os.getloadavg()[0]
        for name, args in commands:
            _time(args)  # warm the file cache and the bytecode
            runs = [_time(args) for _ in range(RUNS)]
            cpu = statistics.median(c for c, _ in runs)
            wall = statistics.median(w for _, w in runs)
            measured[name] = (cpu, wall)
            rows.append(
                f"| `materiel {name}` | {cpu:.2f} | {min(c for c, _ in runs):.2f} | {wall:.2f} "
                f"| {min(w for _, w in runs):.2f} |"
            )
        load = os.getloadavg()[0]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    help_cpu = measured["--help"][0]
    status_cpu = max(measured["status"][0], measured["status (its default date)"][0])
    verdict = [
        f"- `materiel --help`: {help_cpu:.2f} s CPU against a goal of "
        f"{GOALS['--help']} s ({'met' if help_cpu < GOALS['--help'] else 'NOT met'}).",
        f"- `materiel status` on the demo: {status_cpu:.2f} s CPU against a goal of "
        f"{GOALS['status']} s ({'met' if status_cpu < GOALS['status'] else 'NOT met'}"
        f"{'' if status_cpu < GOALS['status'] else ' at this load'}; "
        f"{measured['status'][1]:.2f} s wall). It reads the key figures without pandas "
        "(`materiel.queries.lean`, the key figures' one implementation, which `GET /figures`, "
        "Overview and the brief read too).",
    ]
    return "\n".join(
        [
            "## Command line start-up",
            "",
            "`materiel.bench.cli`: each command a fresh process, as a user runs it, on the demo "
            f"database (`materiel demo --as-of {DEMO_AS_OF}`); median of {RUNS} runs after one "
            "warm-up (which caches the modules' bytecode, as any first run does). `--help` "
            "lists the commands from a table without importing them; a "
            "command imports only its own module. CPU s is the process's own (user + system) "
            f"time. Machine: {machine()}, shared with other jobs: load average (1 min) "
            f"{load_before:.1f} at the start, {load:.1f} at the end; on a shared machine "
            "CPU time rises with the load too (caches and cores are shared).",
            "",
            "| command | CPU s (median) | CPU s (best) | wall s (median) | wall s (best) |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            *verdict,
        ]
    )


if __name__ == "__main__":
    print(run())
