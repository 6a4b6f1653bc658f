"""Typed dependencies (``EngineDep``, ``CurrentUser``) and the HTTP concurrency helpers:
ETags, If-Match, Idempotency-Key."""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.principals import Found, resolve_bearer
from materiel.access.tokens import hash_token
from materiel.api.errors import ApiProblem

_bearer = HTTPBearer(auto_error=False, description="token from POST /api/v1/auth/login")

AUTH_CACHE_SECONDS = 5.0


async def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


@dataclass
class _Cached:
    principal: Principal
    token_id: int
    until: float


class AuthCache:
    """Resolved tokens for a few seconds, so a burst of requests costs one lookup.
    Logout and user changes in this process invalidate at once; other worker processes
    see a revocation within ``AUTH_CACHE_SECONDS``.

    :meth:`lookup` (on the event loop) keeps a busy token's entry fresh without a stall:
    in the last ``refresh_before`` seconds of an entry one background lookup renews it
    while requests go on using it (never past its end), and on a miss concurrent requests
    for one token share a single lookup instead of each querying the database."""

    def __init__(
        self, seconds: float = AUTH_CACHE_SECONDS, clock: Callable[[], float] = time.monotonic
    ):
        self.seconds = seconds
        self.clock = clock  # monotonic seconds; tests pass a fake one
        self.refresh_before = min(1.0, seconds / 2)
        self._d: dict[str, _Cached] = {}
        self._lock = threading.Lock()
        self._inflight: dict[str, asyncio.Task[_Cached | None]] = {}
        self._generation = 0  # bumped by every drop: a lookup begun before it is discarded

    def get(self, digest: str) -> _Cached | None:
        c = self._d.get(digest)
        if c is None or c.until < self.clock():
            return None
        return c

    def put(
        self, digest: str, principal: Principal, token_id: int, expires: float, keep: bool = True
    ) -> _Cached:
        """The entry for a resolved token (valid until ``expires`` at most), stored unless
        ``keep`` is false."""
        entry = _Cached(principal, token_id, min(self.clock() + self.seconds, expires))
        if keep:
            with self._lock:
                if len(self._d) > 10_000:
                    self._d.clear()
                self._d[digest] = entry
        return entry

    def drop(self, digest: str | None = None, user_id: int | None = None) -> None:
        with self._lock:
            self._generation += 1
            if digest is not None:
                self._d.pop(digest, None)
            if user_id is not None:
                for k in [k for k, v in self._d.items() if v.principal.user_id == user_id]:
                    del self._d[k]

    async def lookup(self, digest: str, resolve: Callable[[], Found | None]) -> _Cached | None:
        """The entry for ``digest``, resolving it with ``resolve`` (run in the thread pool)
        when missing; None for an unknown, expired or revoked token."""
        now = self.clock()
        c = self._d.get(digest)
        if c is not None and c.until >= now:
            if c.until - now < self.refresh_before and digest not in self._inflight:
                self._start(digest, resolve)
            return c
        task = self._inflight.get(digest) or self._start(digest, resolve)
        return await asyncio.shield(task)

    def _start(
        self, digest: str, resolve: Callable[[], Found | None]
    ) -> asyncio.Task[_Cached | None]:
        generation = self._generation

        async def renew() -> _Cached | None:
            found = await run_in_threadpool(resolve)
            if found is None:
                if generation == self._generation:
                    with self._lock:
                        self._d.pop(digest, None)
                return None
            p, token_id, left = found
            # a drop meanwhile (logout, user change) may concern what was just read:
            # answer the requests that were waiting, but do not keep it
            keep = generation == self._generation
            return self.put(digest, p, token_id, self.clock() + left, keep=keep)

        task = asyncio.ensure_future(renew())
        self._inflight[digest] = task
        task.add_done_callback(lambda t: self._finished(digest, t))
        return task

    async def settled(self) -> None:
        """Returns when no lookup or renewal is in flight (their errors stay with them)."""
        while self._inflight:
            await asyncio.gather(*self._inflight.values(), return_exceptions=True)

    def _finished(self, digest: str, task: asyncio.Task[_Cached | None]) -> None:
        if self._inflight.get(digest) is task:
            del self._inflight[digest]
        if not task.cancelled():
            task.exception()  # retrieved here; a waiting request re-raises it itself


@dataclass(frozen=True)
class Auth:
    principal: Principal
    token_id: int
    token_digest: str


def bearer_of(scope: MutableMapping[str, Any]) -> str | None:
    """The raw token of an ``Authorization: Bearer`` header of an ASGI request, or None."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, raw = value.decode("latin-1").partition(" ")
            raw = raw.strip()
            return raw if scheme.lower() == "bearer" and raw else None
    return None


async def authenticate(request: Request, raw: str) -> Auth | None:
    """The caller behind a raw bearer token, through the app's auth cache; None when the
    token is unknown, expired or revoked."""
    digest = hash_token(raw)
    cache: AuthCache = request.app.state.auth_cache
    resolve = functools.partial(resolve_bearer, request.app.state.engine, raw)
    hit = await cache.lookup(digest, resolve)
    return None if hit is None else Auth(hit.principal, hit.token_id, digest)


async def get_auth(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Auth:
    """The caller behind the bearer token. Async so that a cached token costs no thread
    hop; a cache miss looks the token up in the thread pool."""
    if creds is None or creds.scheme.lower() != "bearer":
        raise ApiProblem(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    auth = await authenticate(request, creds.credentials)
    if auth is None:
        raise ApiProblem(
            401,
            "unknown, expired or revoked token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    return auth


async def get_principal(auth: Annotated[Auth, Depends(get_auth)]) -> Principal:
    return auth.principal


AuthDep = Annotated[Auth, Depends(get_auth)]
CurrentUser = Annotated[Principal, Depends(get_principal)]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=500,
        description="ETag of the version being changed (required; 428 when missing)",
    ),
]
IdemKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        description="retries with the same key return the first response and create nothing",
    ),
]


# -- If-Match (versions are checked by the use cases: materiel.services.idempotency) ----
def _tags(header: str) -> list[str]:
    out = []
    for part in header.split(","):
        t = part.strip()
        if t.startswith("W/"):
            t = t[2:]
        out.append(t.strip('"'))
    return out


def require_if_match(header: str | None) -> list[str]:
    """The entity tags of an If-Match header (428 when there is none)."""
    if header is None or not header.strip():
        raise ApiProblem(
            428,
            "send If-Match with the ETag of the record you are changing (GET it first)",
            field="If-Match",
        )
    return _tags(header)


# -- writes --------------------------------------------------------------------------------
# one audited transaction per request, with Idempotency-Key: materiel.services.idempotency
