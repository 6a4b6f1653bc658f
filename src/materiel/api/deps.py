"""Typed dependencies (``EngineDep``, ``CurrentUser``) and the HTTP concurrency helpers:
ETags, If-Match, Idempotency-Key."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from materiel.access import Principal, resolve_token
from materiel.access.tokens import hash_token
from materiel.api.errors import ApiProblem
from materiel.db import read_session
from materiel.records import Base, IdempotencyKey
from materiel.records.base import utcnow
from materiel.services import Writer, writer
from materiel.services.audit import _canonical
from materiel.services.rules import snapshot_of

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
    see a revocation within ``AUTH_CACHE_SECONDS``."""

    def __init__(self, seconds: float = AUTH_CACHE_SECONDS):
        self.seconds = seconds
        self._d: dict[str, _Cached] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> _Cached | None:
        c = self._d.get(digest)
        if c is None or c.until < time.monotonic():
            return None
        return c

    def put(self, digest: str, principal: Principal, token_id: int, expires: float) -> None:
        with self._lock:
            if len(self._d) > 10_000:
                self._d.clear()
            until = min(time.monotonic() + self.seconds, expires)
            self._d[digest] = _Cached(principal, token_id, until)

    def drop(self, digest: str | None = None, user_id: int | None = None) -> None:
        with self._lock:
            if digest is not None:
                self._d.pop(digest, None)
            if user_id is not None:
                for k in [k for k, v in self._d.items() if v.principal.user_id == user_id]:
                    del self._d[k]


@dataclass(frozen=True)
class Auth:
    principal: Principal
    token_id: int
    token_digest: str


def _resolve(engine: Engine, raw: str) -> tuple[Principal, int, float] | None:
    with read_session(engine) as s:
        found = resolve_token(s, raw)
    if found is None:
        return None
    user, token = found
    left = (token.expires_at - utcnow()).total_seconds()
    return Principal(user.id, user.username, user.role, user.nation_code), token.id, left


async def get_auth(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Auth:
    """The caller behind the bearer token. Async so that a cached token costs no thread
    hop; a cache miss looks the token up in the thread pool."""
    if creds is None or creds.scheme.lower() != "bearer":
        raise ApiProblem(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    raw = creds.credentials
    digest = hash_token(raw)
    cache: AuthCache = request.app.state.auth_cache
    hit = cache.get(digest)
    if hit is not None:
        return Auth(hit.principal, hit.token_id, digest)
    found = await run_in_threadpool(_resolve, request.app.state.engine, raw)
    if found is None:
        raise ApiProblem(
            401,
            "unknown, expired or revoked token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    p, token_id, left = found
    cache.put(digest, p, token_id, time.monotonic() + left)
    return Auth(p, token_id, digest)


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


# -- ETags -------------------------------------------------------------------------------
def etag_of(obj: Base) -> str:
    """``"<id>-<version>"`` for versioned records; a content hash for the others."""
    version = getattr(obj, "version", None)
    if version is not None and hasattr(obj, "id"):
        return f'"{obj.id}-{version}"'
    blob = json.dumps(_canonical(snapshot_of(obj)), sort_keys=True, default=str)
    return f'"h-{hashlib.sha256(blob.encode()).hexdigest()[:20]}"'


def _tags(header: str) -> list[str]:
    out = []
    for part in header.split(","):
        t = part.strip()
        if t.startswith("W/"):
            t = t[2:]
        out.append(t.strip('"'))
    return out


def require_if_match(header: str | None) -> list[str]:
    if header is None or not header.strip():
        raise ApiProblem(
            428,
            "send If-Match with the ETag of the record you are changing (GET it first)",
            field="If-Match",
        )
    return _tags(header)


def expected_version(obj: Base, header: str | None) -> int | None:
    """Check If-Match against ``obj``: the version to pass to Writer.update for versioned
    records (None for ``*``); raises 412 when the tag does not match."""
    tags = require_if_match(header)
    if "*" in tags:
        return None
    version = getattr(obj, "version", None)
    if version is not None and hasattr(obj, "id"):
        for t in tags:
            rid, _, v = t.partition("-")
            if rid == str(obj.id) and v.isdigit():
                return int(v)
    elif etag_of(obj).strip('"') in tags:
        return None
    raise ApiProblem(
        412,
        f"If-Match {header} does not match the current {obj.__tablename__} "
        f"(ETag {etag_of(obj)}): reload, reapply your change and retry",
        field="If-Match",
    )


# -- Idempotency-Key ---------------------------------------------------------------------
@dataclass
class Outcome:
    status: int
    body: Any
    headers: dict[str, str]


def _fingerprint(request_body: Any, route: str) -> str:
    blob = json.dumps([route, request_body], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _replay(engine: Engine, user_id: int, key: str, fingerprint: str) -> Outcome | None:
    with read_session(engine) as s:
        rec = s.scalars(
            select(IdempotencyKey).where(
                IdempotencyKey.user_id == user_id, IdempotencyKey.key == key
            )
        ).first()
    if rec is None or rec.status_code == 0:
        return None
    stored = rec.response
    if stored.get("fingerprint") != fingerprint:
        raise ApiProblem(
            422,
            "Idempotency-Key was already used for a different request; use a new key",
            field="Idempotency-Key",
        )
    headers = dict(stored.get("headers", {}))
    headers["Idempotent-Replayed"] = "true"
    return Outcome(rec.status_code, stored.get("body"), headers)


def run_write(
    engine: Engine,
    principal: Principal,
    action: Callable[[Writer], Outcome],
    *,
    key: str | None = None,
    request_body: Any = None,
    route: str = "",
) -> Outcome:
    """Run ``action`` in one audited write transaction. With an Idempotency-Key the key is
    claimed in the same transaction, before the write: a concurrent request with the same
    key waits on the unique index (PostgreSQL) or the write lock (SQLite) and then replays
    the stored response instead of writing twice."""
    fp = _fingerprint(request_body, route)
    if key is not None:
        replay = _replay(engine, principal.user_id, key, fp)
        if replay is not None:
            return replay
    try:
        with writer(engine, principal.actor) as w:
            claim = None
            if key is not None:
                claim = IdempotencyKey(
                    user_id=principal.user_id, key=key, status_code=0, response={}
                )
                w.session.add(claim)
                w.session.flush()
            outcome = action(w)
            if claim is not None:
                claim.status_code = outcome.status
                claim.response = {
                    "fingerprint": fp,
                    "body": outcome.body,
                    "headers": outcome.headers,
                }
                w.session.flush()
    except IntegrityError:
        if key is not None:
            replay = _replay(engine, principal.user_id, key, fp)
            if replay is not None:
                return replay
        raise
    return outcome
