"""The pages. Figures come from the read side (:mod:`materiel.queries`); writes are the use
cases of :mod:`materiel.services` (the same the API calls), each one audited transaction;
plans and forecasts start as jobs through :func:`materiel.services.jobs.start_job`.

One module per page under :mod:`materiel.web.pages`, each registering its routes on the
shared router of :mod:`materiel.web.render`; :func:`install` mounts them on an app."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from materiel.web.pages import (  # noqa: F401 (each registers its routes)
    login,
    meeting,
    meetings,
    needs,
    overview,
    pledges,
    procurement,
    runs,
    stockpiles,
)
from materiel.web.render import HERE, router


# -- installation ----------
def install(app: FastAPI) -> None:
    app.router.routes = [
        r for r in app.router.routes if not (isinstance(r, APIRoute) and r.path == "/")
    ]
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
