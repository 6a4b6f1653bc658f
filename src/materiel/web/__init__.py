"""The web dashboard: server-rendered pages (Jinja2) over the API's access rules.

``mount_web(app)`` adds the pages, the static assets and the security headers to the
FastAPI app of :func:`materiel.api.app.create_app`. Pages never compute plans: they start
jobs through the API's job mechanism and read stored results and query functions.
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
