"""Security headers (a pure ASGI middleware, cheap enough for the API's hot paths)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI at /docs: its script, start script and styles from this site (api/docs.py), the
# OpenAPI document fetched from this site; it sets inline styles.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The meeting brief is one self-contained HTML file (inline styles, data: images), no script.
BRIEF_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
# Pages and API answers carry figures the viewer may see and the next user of the browser
# may not: never stored, so Back after "Sign out" shows nothing from a cache. Only the
# static assets (style, scripts, the API docs' own files) may be cached.
NO_STORE = (b"cache-control", b"no-store")
CACHEABLE_PREFIXES = ("/static/", "/docs/assets/")


def csp_for(path: str) -> str | None:
    """The Content-Security-Policy of a path: None for the API's JSON, this site only for
    /docs (Swagger UI from local assets), the strict page policy for everything else."""
    if path.startswith("/api/"):
        return None
    if path.startswith("/docs"):
        return DOCS_CSP
    if path.startswith("/meetings/") and path.endswith("/brief"):
        return BRIEF_CSP
    return PAGE_CSP


def security_headers(
    scope: Scope, present: set[bytes] | frozenset[bytes] = frozenset()
) -> list[tuple[bytes, bytes]]:
    """The security headers a response to ``scope`` needs, less those already ``present``
    (``Cache-Control: no-store`` is added to every answer but the static assets; the
    caller drops any Cache-Control the handler set, see :func:`merge_headers`)."""
    extra = [(k, v) for k, v in COMMON if k not in present]
    path = scope.get("path", "")
    if not path.startswith(CACHEABLE_PREFIXES):
        # replaces whatever the handler set (no-store wins over a weaker policy)
        extra.append(NO_STORE)
    csp = csp_for(path)
    if csp is not None and b"content-security-policy" not in present:
        extra.append((b"content-security-policy", csp.encode()))
    if scope.get("scheme") == "https" and b"strict-transport-security" not in present:
        extra.append((b"strict-transport-security", b"max-age=31536000"))
    return extra


def merge_headers(scope: Scope, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` with the security headers of ``scope`` added (a handler's own
    Cache-Control is replaced by no-store where the answer must not be stored)."""
    path = scope.get("path", "")
    if not path.startswith(CACHEABLE_PREFIXES):
        headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
    present = {k.lower() for k, _ in headers}
    return headers + security_headers(scope, present)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = merge_headers(scope, list(message.get("headers", [])))
            await send(message)

        await self.app(scope, receive, wrapped)
