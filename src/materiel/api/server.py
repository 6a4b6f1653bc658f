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
- ``proxy_headers=False``: the client address (the per-address login limit, the log) is
  the peer of the connection. uvicorn's default trusts ``X-Forwarded-For`` from 127.0.0.1,
  so any local process, or a proxy that passes the header through, could pose as many
  addresses. Behind a reverse proxy name it with ``trusted_proxies`` (``materiel serve
  --trusted-proxy``): only then are its forwarded headers believed.
"""

from __future__ import annotations

import gc
from typing import Any

__all__ = ["UVICORN", "tune_gc", "uvicorn_options"]

UVICORN: dict[str, Any] = {
    "http": "httptools",
    "loop": "asyncio",
    "backlog": 4096,
    "timeout_worker_healthcheck": 60,  # importing the app takes seconds on a busy box
    "proxy_headers": False,  # X-Forwarded-For only from a configured proxy
}


def uvicorn_options(trusted_proxies: str | None = None, **extra: Any) -> dict[str, Any]:
    """The uvicorn settings; ``trusted_proxies`` (comma-separated addresses or networks of
    the reverse proxies in front) turns forwarded headers on for those peers only."""
    options = dict(UVICORN, **extra)
    if trusted_proxies:
        options["proxy_headers"] = True
        options["forwarded_allow_ips"] = trusted_proxies
    return options


def tune_gc() -> None:
    """Move everything alive after start-up out of the collector's sight (``gc.freeze``)
    and collect the young generation less often. Call once per server process, after the
    app is built: not in tests, where frozen apps would never be collected."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)  # a full collection now and then: cycles do not pile up
