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


def csp_for(path: str) -> str | None:
    """The Content-Security-Policy of a path: None for the API's JSON and /docs (Swagger UI
    loads its own assets), the strict page policy for everything else."""
    if path.startswith(("/api/", "/docs")):
        return None
    if path.startswith("/meetings/") and path.endswith("/brief"):
        return BRIEF_CSP
    return PAGE_CSP


def security_headers(
    scope: Scope, present: set[bytes] | frozenset[bytes] = frozenset()
) -> list[tuple[bytes, bytes]]:
    """The security headers a response to ``scope`` needs, less those already ``present``."""
    extra = [(k, v) for k, v in COMMON if k not in present]
    csp = csp_for(scope.get("path", ""))
    if csp is not None and b"content-security-policy" not in present:
        extra.append((b"content-security-policy", csp.encode()))
    if scope.get("scheme") == "https" and b"strict-transport-security" not in present:
        extra.append((b"strict-transport-security", b"max-age=31536000"))
    return extra


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                message["headers"] = headers + security_headers(scope, present)
            await send(message)

        await self.app(scope, receive, wrapped)
