"""The web dashboard: server-rendered pages (Jinja2). Their figures come from the read side
(:mod:`materiel.queries`), their writes are the use cases of :mod:`materiel.services`.

``mount_web(app)`` adds the pages and the static assets to an app; the composition module
:func:`materiel.app.create_app` mounts them beside the API. Pages never compute plans: they
start jobs (:func:`materiel.services.jobs.start_job`) and read stored results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["mount_web"]


def mount_web(app: FastAPI) -> None:
    """Serve the dashboard on ``app`` (``/`` and the pages, ``/static``)."""
    from materiel.web.routes import install

    install(app)
