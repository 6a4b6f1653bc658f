"""The API's application factory: ``create_app(db)`` serves the REST API under /api/v1 (and
its docs). The dashboard's pages are mounted beside it by the neutral composition module,
:func:`materiel.app.create_app`, which ``materiel serve`` runs: the API does not import the
pages, nor the pages the API."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from sqlalchemy import Engine
from starlette.types import Receive, Scope, Send

from materiel.access import FailureLimiter
from materiel.api import docs, errors
from materiel.api.crud import API, Entity, add_routes
from materiel.api.deps import AUTH_CACHE_SECONDS, AuthCache
from materiel.api.entities import ENTITIES
from materiel.api.fastpath import CachedReads
from materiel.api.limits import BodyLimits
from materiel.api.readcache import DataVersion, ReadCache
from materiel.api.routers import (
    audit,
    auth,
    domain,
    figures,
    ingest,
    pledges,
    runs,
    stocks,
    users,
)
from materiel.api.schemas import ForecastRunPublic, PlanRunPublic
from materiel.db import get_engine
from materiel.headers import SecurityHeaders
from materiel.services.jobs import JobManager, default_runners

__all__ = ["API", "create_app"]

DESCRIPTION = """The coordination server of materiel: needs, pledges, deliveries, stocks,
industry, funds, meetings and scenarios; plans and forecasts as background jobs.

* Authenticate with `POST /api/v1/auth/login` and send `Authorization: Bearer <token>`.
* Lists return `{items, count, next_cursor}`; pass `cursor=<next_cursor>` for the next page.
* Every record carries an `ETag`; `PATCH` and pledge transitions need `If-Match`
  (428 without, 412 when stale). Creates accept `Idempotency-Key`.
* Errors are `application/problem+json` (see the 4xx responses of each operation).
* Request bodies: 4 KiB for login, 200,000 characters of announcement text, 10 MiB (and the
  form envelope) for an uploaded file, 64 KiB for everything else (413 beyond); a body is
  read only with a valid bearer token (401 otherwise; login excepted).
"""

RUNS = [
    Entity(
        "plan_run",
        "/plans",
        "runs",
        PlanRunPublic,
        deletable=False,
        sorts=("id", "as_of"),
        filters={},
        cache=False,
    ),
    Entity(
        "forecast_run",
        "/forecasts",
        "runs",
        ForecastRunPublic,
        deletable=False,
        sorts=("id", "as_of"),
        filters={},
        cache=False,
    ),
]


class MaterielAPI(FastAPI):
    """FastAPI with the read fast path (:class:`CachedReads`) in front of all of it: a GET
    already answered at the current data version is served before FastAPI's own layers
    (telemetry, error handling, body limits, routing over some 150 routes), which together
    cost several times the cached answer."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.front = CachedReads(self.behind_front, self.state)

    async def behind_front(self, scope: Scope, receive: Receive, send: Send) -> None:
        await super().__call__(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.front(scope, receive, send)


@functools.cache
def api_router() -> APIRouter:
    """Every route under /api/v1 (built once per process; apps share it)."""
    api = APIRouter(prefix=API)
    # fixed paths before the generic /{id} routes that would otherwise shadow them
    api.include_router(stocks.router)
    api.include_router(figures.router)
    api.include_router(runs.router)
    api.include_router(pledges.router)
    api.include_router(domain.router)
    typed = {spec.name for spec in domain.DOMAIN}
    for spec in [*ENTITIES, *RUNS]:
        if spec.name not in typed:  # the plain reference tables: generated routes
            add_routes(api, spec)
    api.include_router(auth.router)
    api.include_router(users.router)
    api.include_router(audit.router)
    api.include_router(ingest.router)
    return api


def create_app(
    db: str | Engine | None = None,
    *,
    job_workers: int = 2,
    auth_cache_seconds: float = AUTH_CACHE_SECONDS,
    read_cache_size: int = 1024,
) -> FastAPI:
    """The API on ``db`` (a path, a URL, an Engine, or MATERIEL_DB / ./materiel.db).

    ``auth_cache_seconds`` bounds how long a token revoked by *another* process (the CLI,
    another worker) may still be accepted here; revocations through this app are immediate.
    """
    engine = db if isinstance(db, Engine) else get_engine(db)
    jobs = JobManager(engine, default_runners(), workers=job_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        jobs.recover()
        yield
        jobs.shutdown(wait=False)

    app = MaterielAPI(
        title="materiel",
        version="1",
        description=DESCRIPTION,
        openapi_url=f"{API}/openapi.json",
        docs_url=None,  # served from local assets by api.docs
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.jobs = jobs
    app.state.runners = jobs.runners  # the registry: tests replace entries with fakes
    app.state.auth_cache = AuthCache(auth_cache_seconds)
    app.state.read_cache = ReadCache(read_cache_size)
    app.state.data_version = DataVersion(engine)
    app.state.limiter = FailureLimiter()
    errors.install(app)
    app.add_middleware(BodyLimits)  # bounded bodies, read only from authenticated callers

    app.include_router(api_router())
    docs.install(app, f"{API}/openapi.json")
    app.add_middleware(SecurityHeaders)
    return app
