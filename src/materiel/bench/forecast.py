"""Forecast benchmark: Monte Carlo of 10,000 paths × 52 weeks × 60 items × 31 holders.

Goal (issue 4): under 5 s on 2 cores and under 2 GB peak. Throughput is reported in
path-weeks per second and in (path, week, holder, item) cell updates per second, next to
numpy's own ``cumsum`` over the same number of float32 cells on the same machine (one
memory pass: the floor any stock simulation has to pay).
"""

from __future__ import annotations

import gc
import resource
import time
import tracemalloc

import numpy as np

from materiel.forecast.montecarlo import PRODUCT_DTYPE, PRODUCT_WORKERS, simulate
from materiel.forecast.projection import project
from materiel.forecast.scenarios import BUILTIN
from materiel.forecast.synthetic import random_snapshot

PATHS, WEEKS, ITEMS, DONORS, RECIPIENTS = 10_000, 52, 60, 30, 1


def _cumsum_reference(cells: int, weeks: int, pairs: int) -> tuple[float, float]:
    """Wall and CPU seconds for np.cumsum along the week axis over ``cells`` float32 values,
    in blocks of (weeks, pairs, 100) so that it fits in memory like the simulation's chunks."""
    block = np.random.default_rng(0).random((weeks, pairs, 100), dtype=np.float32)
    out = np.empty_like(block)
    n = cells // block.size
    np.cumsum(block, axis=0, out=out)
    t, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        np.cumsum(block, axis=0, out=out)
    scale = cells / (n * block.size)
    return (time.perf_counter() - t) * scale, (time.process_time() - cpu) * scale


def _timed(label: str, **kw: object) -> tuple[str, float, float, float, int]:
    """(label, wall seconds, CPU seconds of this process, peak traced MiB, simulated pairs).

    Timed and traced in two runs: tracemalloc hooks every allocation (the simulation makes
    small temporaries every week), which would add its own cost to the time."""
    snap = kw.pop("snap")
    gc.collect()
    t, cpu = time.perf_counter(), time.process_time()
    ds = simulate(snap, **kw)  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    del ds
    gc.collect()
    tracemalloc.start()
    ds = simulate(snap, **kw)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return label, seconds, cpu, peak / 2**20, int(ds.attrs["simulated_pairs"])


def run() -> str:
    snap = random_snapshot(
        donors=DONORS, recipients=RECIPIENTS, items=ITEMS, weeks=WEEKS, lines=120, density=1.0
    )
    sparse = random_snapshot(
        donors=DONORS, recipients=RECIPIENTS, items=ITEMS, weeks=WEEKS, lines=120, density=0.3
    )
    spec = BUILTIN["counteroffensive-surge"]
    holders = DONORS + RECIPIENTS
    pairs = holders * ITEMS
    cells = PATHS * WEEKS * pairs
    t = time.perf_counter()
    project(snap)
    proj_s = time.perf_counter() - t

    runs = [
        _timed(
            "product setting (simulate's defaults, as the CLI, jobs, pages and brief run it: "
            f"{np.dtype(PRODUCT_DTYPE).name}, {PRODUCT_WORKERS} workers), chunks of 128 paths",
            snap=snap, spec=spec, paths=PATHS, chunk_paths=128,
        ),
        _timed(
            "float32, 1 worker, chunks of 128 paths",
            snap=snap, spec=spec, paths=PATHS, chunk_paths=128, workers=1, dtype=np.float32,
        ),
        _timed(
            "float64, 2 workers, chunks of 128 paths",
            snap=snap, spec=spec, paths=PATHS, chunk_paths=128, workers=2, dtype=np.float64,
        ),
        _timed(
            "float32, 2 workers, 30 % of donor/item pairs active (the rest folded)",
            snap=sparse, spec=spec, paths=PATHS, chunk_paths=128, workers=2, dtype=np.float32,
        ),
        _timed(
            "float32, 2 workers, 2,000 paths (memory does not grow with paths)",
            snap=snap, spec=spec, paths=2_000, chunk_paths=128, workers=2, dtype=np.float32,
        ),
    ]  # fmt: skip
    ref, ref_cpu = _cumsum_reference(cells, WEEKS, pairs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = " / ".join(f"{x:.1f}" for x in __import__("os").getloadavg())

    lines = [
        "## Forecast (Monte Carlo)",
        "",
        f"Synthetic snapshot: {DONORS} donors + {RECIPIENTS} recipient = {holders} holders × "
        f"{ITEMS} items × {WEEKS} weeks, every holder/item pair stochastic (worst case); "
        f"scenario `counteroffensive-surge` (lognormal consumption, production achievement "
        f"normal clipped to [0, 1], slippage of pledge deliveries). {PATHS:,} paths = "
        f"{cells / 1e6:,.0f} M (path, week, holder, item) cells. Quantiles from the first "
        f"1,000 paths (exact order statistics); probabilities and means from every path. "
        "Times are of an untraced run; peak traced memory is of a second, traced run. "
        f"Load average during the run (1/5/15 min): {load}.",
        "",
        "| run | simulated pairs | wall s | CPU s | path-weeks / s (wall) | cells / s (wall) "
        "| peak traced memory |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, seconds, cpu, peak, simulated in runs:
        paths = 2_000 if "2,000 paths" in label else PATHS
        lines.append(
            f"| {label} | {simulated:,} of {pairs:,} | {seconds:.2f} | {cpu:.2f} | "
            f"{paths * WEEKS / seconds:,.0f} | "
            f"{paths * WEEKS * pairs / seconds / 1e6:,.0f} M | {peak:,.0f} MiB |"
        )
    lines += [
        f"| numpy `cumsum` alone over the same {cells / 1e6:,.0f} M float32 cells | — | "
        f"{ref:.2f} | {ref_cpu:.2f} | {PATHS * WEEKS / ref:,.0f} | {cells / ref / 1e6:,.0f} M "
        "| — |",
        f"| status-quo projection (deterministic, float64) | — | {proj_s:.3f} | — | — | — | — |",
        "",
        f"Process peak RSS over the whole benchmark: {rss:,.0f} MiB. Goal: < 5 s on 2 cores "
        f"and < 2 GB: memory {'met' if rss < 2048 else 'NOT met'}; time "
        + (
            f"met ({runs[0][1]:.1f} s). "
            if runs[0][1] < 5
            else f"NOT met as measured ({runs[0][1]:.1f} s wall with the load above); the run "
            f"used {runs[0][2]:.1f} CPU-seconds, about {runs[0][2] / 2:.1f} s on two idle "
            "cores if the two threads scale (not verified here). "
        )
        + f"In CPU time the dense simulation (1 worker) costs about "
        f"{runs[1][2] / ref_cpu:.1f}× one numpy cumsum pass over the same cells: per week and "
        "chunk it makes ~10 passes (position, slippage, running minimum, shortfall and "
        "breach counts, sums) over (paths × pairs) slabs that stay in cache. Pairs that no "
        "draw affects (no order arrivals, no pledge flow that could slip, no consumption "
        "spread) are computed once and counted for every path: in the demo database 95 of "
        "2,132 pairs remain to simulate. The load average shows how busy the shared machine "
        "was: timings under load are upper bounds.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(run())
