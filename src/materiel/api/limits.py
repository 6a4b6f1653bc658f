"""Request bodies: bounded per route, and read only from callers who may send one.

A pure ASGI middleware in front of routing (installed by ``create_app``):

- every request body has a limit, by path (:data:`LIMITS`; :data:`DEFAULT_LIMIT` for the
  rest, JSON and forms alike). A declared ``Content-Length`` above it is answered 413 at
  once, before a byte is read; a body without one (chunked) is counted while it streams
  and cut off with 413 as soon as it passes the limit. Nothing larger than the limit is
  ever held in memory or spooled to disk, and the connection is closed after a 413.
- a request with a body to ``/api/v1`` must carry a valid bearer token (checked through
  the auth cache, as the routes do) before its body is read; only the login route takes a
  body without one. An upload without a token is refused (401) without being received.

Why: without limits a 200 MB JSON login grew the server by 900 MB, a 60 MB ``[[],[],…]``
without a token by 1.8 GB, and every other request stalled while it was parsed.
"""

from __future__ import annotations

import functools

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from materiel.access.tokens import hash_token
from materiel.api.deps import AuthCache, bearer_of, resolve_bearer
from materiel.api.errors import problem
from materiel.ingest.service import MAX_TEXT, MAX_UPLOAD

__all__ = ["DEFAULT_LIMIT", "LIMITS", "BodyLimits", "BodyTooLarge", "limit_for"]

API = "/api/v1"
KIB = 1024
DEFAULT_LIMIT = 64 * KIB  # JSON records, filters, dashboard forms: a few KiB at most
LIMITS: dict[str, int] = {
    f"{API}/auth/login": 4 * KIB,
    # JSON escapes a character in at most 6 bytes (\\uXXXX)
    f"{API}/ingest": 6 * MAX_TEXT + 16 * KIB,
    # the file and the multipart envelope with its small form fields
    f"{API}/ingest/upload": MAX_UPLOAD + 64 * KIB,
}
PUBLIC = frozenset({f"{API}/auth/login"})  # API routes that take a body without a token


def limit_for(path: str) -> int:
    """The largest request body accepted on ``path``, in bytes."""
    return LIMITS.get(path.rstrip("/") or "/", DEFAULT_LIMIT)


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a streamed body passes its limit; FastAPI's body parsing
    lets HTTP exceptions through, so the app's handler answers 413 as a problem document."""

    def __init__(self, limit: int):
        super().__init__(413, _too_large_detail(limit), headers={"Connection": "close"})


def _too_large_detail(limit: int) -> str:
    size = f"{limit // KIB:,} KiB" if limit < 2**20 else f"{limit / 2**20:,.1f} MiB"
    return f"request body larger than the {size} this route accepts"


def _declared(scope: Scope) -> tuple[int | None, bool]:
    """(Content-Length or None, whether the body is chunked)."""
    length: int | None = None
    chunked = False
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                length = int(value)
            except ValueError:
                length = None
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
    return length, chunked


class BodyLimits:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length, chunked = _declared(scope)
        if not chunked and not length:  # no body: nothing to bound
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = limit_for(path)
        if length is not None and length > limit:
            await self._answer(scope, receive, send, 413, _too_large_detail(limit))
            return
        if path.startswith(f"{API}/") and path.rstrip("/") not in PUBLIC:
            refusal = await self._unauthenticated(scope)
            if refusal is not None:
                detail, challenge = refusal
                await self._answer(
                    scope, receive, send, 401, detail, {"WWW-Authenticate": challenge}
                )
                return
        await self._capped(scope, receive, send, limit)

    async def _capped(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await self._answer(scope, receive, send, 413, _too_large_detail(limit))

    async def _unauthenticated(self, scope: Scope) -> tuple[str, str] | None:
        """Why the caller may not send a body (detail, WWW-Authenticate), or None."""
        raw = bearer_of(scope)
        if raw is None:
            return "a bearer token is required", "Bearer"
        state = scope["app"].state
        tokens: AuthCache = state.auth_cache
        resolve = functools.partial(resolve_bearer, state.engine, raw)
        if await tokens.lookup(hash_token(raw), resolve) is None:
            return "unknown, expired or revoked token", 'Bearer error="invalid_token"'
        return None

    async def _answer(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        detail: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer without reading the body, and close the connection (the client may
        still be sending it)."""
        response = problem(status, detail, headers={**(headers or {}), "Connection": "close"})
        await response(scope, receive, send)
