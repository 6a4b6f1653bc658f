"""The REST API (FastAPI, OpenAPI 3) under /api/v1."""

from materiel.api.app import create_app

__all__ = ["create_app"]
