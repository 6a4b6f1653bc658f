"""How the API is served: the uvicorn settings and process tuning shared by
``materiel serve`` (:func:`materiel.app.run`) and the API benchmark (so that the benchmark
measures what runs).

Measured on this project's 2-core machines with ``wrk`` at 200 connections (see
docs/benchmarks.md):

- ``http="httptools"``: the C HTTP parser, about 2.5× the throughput of pure-Python h11.
- ``loop="asyncio"``: uvloop gave the same throughput but served connections unfairly once
  the server was saturated (p99 in the hundreds of ms while p50 stayed at 15 ms); the
  standard loop keeps every connection's latency within a few ms of the median.
- :func:`tune_gc`: a full collection walks every object loaded at start-up (FastAPI,
  Pydantic, SQLAlchemy: about a million) and stalls every request in flight.
"""

from __future__ import annotations

import gc
from typing import Any

__all__ = ["UVICORN", "tune_gc"]

UVICORN: dict[str, Any] = {
    "http": "httptools",
    "loop": "asyncio",
    "backlog": 4096,
    "timeout_worker_healthcheck": 60,  # importing the app takes seconds on a busy box
}


def tune_gc() -> None:
    """Move everything alive after start-up out of the collector's sight (``gc.freeze``)
    and collect the young generation less often. Call once per server process, after the
    app is built: not in tests, where frozen apps would never be collected."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)  # a full collection now and then: cycles do not pile up
