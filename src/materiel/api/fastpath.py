"""An ASGI fast path for repeated reads: a GET whose answer is in the read cache, for a
caller whose token resolves (through the auth cache), is answered before routing and
validation. On an SQLite file the data version is checked on the event loop itself (see
:class:`~materiel.api.readcache.DataVersion`), so a hit costs no thread hop.

It serves only what the full route stored: answers are keyed by (role, nation, path,
query) — everything access decisions depend on — and checked on every request, exactly as
the route itself does, against the audit events of the tables the answer was read from
(:class:`~materiel.api.readcache.ReadCache`). Anything else (unknown token, miss, stale
answer, non-GET) falls through to the application unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import MutableMapping
from typing import Any

from anyio import to_thread

from materiel.access.tokens import hash_token
from materiel.api.crud import API
from materiel.api.deps import AuthCache, bearer_of, resolve_bearer
from materiel.api.readcache import DataVersion, ReadCache
from materiel.headers import merge_headers

Scope = MutableMapping[str, Any]


class CachedReads:
    def __init__(self, app: Any, state: Any):
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(API):
            await self.app(scope, receive, send)
            return
        raw = bearer_of(scope)
        cache: ReadCache = self.state.read_cache
        tokens: AuthCache = self.state.auth_cache
        hit = None
        if raw is not None:
            resolve = functools.partial(resolve_bearer, self.state.engine, raw)
            cached = await tokens.lookup(hash_token(raw), resolve)
            if cached is not None:
                p = cached.principal
                key = (p.role, p.nation, scope["path"], scope["query_string"].decode("latin-1"))
                if cache.has(key):
                    probe: DataVersion = self.state.data_version
                    if probe.inline:
                        hit = cache.get(key, probe)
                    else:
                        hit = await to_thread.run_sync(cache.get, key, probe)
        if hit is None:
            await self.app(scope, receive, send)
            return
        body, extra = hit
        headers = merge_headers(
            scope,
            [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()),
            ],
        )
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
