"""Run every benchmark and write docs/benchmarks.md with the machine they ran on."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import sys
from pathlib import Path

SECTIONS = ["plan", "forecast", "api", "pages", "ingest", "imports", "cli"]


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kb = int(fh.readline().split()[1])
        mem = f", {kb / 2**20:.1f} GiB memory"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def main(argv: list[str]) -> int:
    wanted = argv or SECTIONS
    out = Path("docs/benchmarks.md")
    existing = out.read_text() if out.exists() else ""
    parts = [
        "# Benchmarks\n",
        "Written by `make bench` (every section) or `python -m materiel.bench SECTION…` (some); "
        "each section names the day and the machine it was measured on.\n",
    ]
    for name in SECTIONS:
        marker_start, marker_end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        body = None
        if name in wanted:
            try:
                mod = importlib.import_module(f"materiel.bench.{name}")
            except ModuleNotFoundError:
                mod = None
            if mod is not None:
                print(f"bench: {name} …", flush=True)
                body = f"_Measured on {dt.date.today().isoformat()}, {machine()}._\n\n" + mod.run()
        if body is None and marker_start in existing:
            body = existing.split(marker_start, 1)[1].split(marker_end, 1)[0].strip("\n")
        if body:
            parts.append(f"{marker_start}\n{body}\n{marker_end}\n")
    out.write_text("\n".join(parts))
    print(f"bench: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
