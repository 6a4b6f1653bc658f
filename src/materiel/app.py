"""The composition of the server: the REST API (:mod:`materiel.api`) and the dashboard's
pages (:mod:`materiel.web`) on one ASGI app, sharing the engine, the job manager, the auth
cache and the read cache. Only this module knows both; the API and the pages import
neither each other nor this module (tests/test_import_contracts.py).

``materiel serve`` runs :func:`run`; ``uvicorn --factory materiel.app:create_app_from_env``
builds one worker's app from ``MATERIEL_DB``.
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI
from sqlalchemy import Engine

from materiel.api import create_app as create_api
from materiel.api.deps import AUTH_CACHE_SECONDS
from materiel.web import mount_web

__all__ = ["create_app", "create_app_from_env", "run"]


def create_app(
    db: str | Engine | None = None,
    *,
    job_workers: int = 2,
    auth_cache_seconds: float = AUTH_CACHE_SECONDS,
    read_cache_size: int = 1024,
) -> FastAPI:
    """The API under /api/v1 and the pages at / on ``db`` (a path, a URL, an Engine, or
    MATERIEL_DB / ./materiel.db)."""
    app = create_api(
        db,
        job_workers=job_workers,
        auth_cache_seconds=auth_cache_seconds,
        read_cache_size=read_cache_size,
    )
    mount_web(app)
    return app


def create_app_from_env() -> Any:
    """The app of one worker process (``MATERIEL_DB``), with the process tuned."""
    from materiel.api.server import tune_gc

    app = create_app(os.environ.get("MATERIEL_DB"))
    tune_gc()
    return app


def run(
    db: Engine | str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    log_level: str = "info",
    access_log: bool = True,
    trusted_proxies: str | None = None,
) -> None:
    """Serve the API and the pages on ``db`` until interrupted; ``workers > 1`` starts that
    many processes, each building its own app and engine from ``MATERIEL_DB``;
    ``trusted_proxies``: the reverse proxies whose forwarded headers are believed."""
    import uvicorn

    from materiel.api.server import tune_gc, uvicorn_options

    options = uvicorn_options(
        trusted_proxies, host=host, port=port, log_level=log_level, access_log=access_log
    )
    if workers > 1:
        url = db.url.render_as_string(hide_password=False) if isinstance(db, Engine) else db
        os.environ["MATERIEL_DB"] = url
        uvicorn.run("materiel.app:create_app_from_env", factory=True, workers=workers, **options)
        return
    app = create_app(db)
    tune_gc()
    uvicorn.run(app, **options)
