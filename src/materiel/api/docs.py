"""The interactive API docs (Swagger UI) at /docs, served from the assets the
``fastapi-offline`` package ships (Swagger UI 5): no CDN, so /docs works on a machine
without internet, and its Content-Security-Policy (headers.DOCS_CSP) allows this site only,
with no inline script (the page starts Swagger UI from /docs/start.js)."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS = "/docs"
ASSETS = "/docs/assets"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>materiel API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="{assets}/favicon.png">
</head>
<body>
<main id="swagger-ui" aria-label="API reference"></main>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{docs}/start.js"></script>
</body>
</html>
"""

START = """SwaggerUIBundle({{
  url: {url},
  dom_id: "#swagger-ui",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout"
}});
"""


def assets_dir() -> Path:
    """The folder of Swagger UI's JavaScript, CSS and icon (from ``fastapi_offline``)."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def install(app: FastAPI, openapi_url: str) -> None:
    """/docs (Swagger UI for ``openapi_url``), its start script and its assets under
    /docs/assets. The validator badge is off: it would fetch an image from another host."""
    app.mount(ASSETS, StaticFiles(directory=str(assets_dir())), name="docs-assets")
    page = PAGE.format(assets=ASSETS, docs=DOCS)
    start = START.format(url=json.dumps(openapi_url))

    @app.get(DOCS, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(f"{DOCS}/start.js", include_in_schema=False)
    def swagger_start() -> Response:
        return Response(start, media_type="text/javascript")
