"""One audited write transaction per request, with an optional Idempotency-Key: the API
and the pages run every write through :func:`run_write`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from materiel.access import Principal
from materiel.db import read_session
from materiel.records import IdempotencyKey
from materiel.services.audit import _canonical
from materiel.services.errors import KeyReused, StaleVersion
from materiel.services.rules import snapshot_of
from materiel.services.writer import Writer, writer


@dataclass
class Outcome:
    """What a write answers: a status, a JSON-ready body and headers."""

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
        raise KeyReused(
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
    """Run ``action`` in one audited write transaction as ``principal``. With an
    Idempotency-Key the key is claimed in the same transaction, before the write: a
    concurrent request with the same key waits on the unique index (PostgreSQL) or the
    write lock (SQLite) and then replays the stored response instead of writing twice."""
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


# -- versions: ETag and If-Match --------------------------------------------------------------
def etag_of(obj: Any) -> str:
    """``"<id>-<version>"`` for versioned records; a content hash for the others."""
    version = getattr(obj, "version", None)
    if version is not None and hasattr(obj, "id"):
        return f'"{obj.id}-{version}"'
    blob = json.dumps(_canonical(snapshot_of(obj)), sort_keys=True, default=str)
    return f'"h-{hashlib.sha256(blob.encode()).hexdigest()[:20]}"'


def expected_version(obj: Any, tags: list[str]) -> int | None:
    """The version ``obj`` must still have, from the If-Match entity tags given (without
    quotes or ``W/``): None for ``*`` or an unversioned record whose content tag matches;
    :class:`StaleVersion` when no tag matches the record as it is."""
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
    raise StaleVersion(
        f"If-Match {', '.join(tags)} does not match the current {obj.__tablename__} "
        f"(ETag {etag_of(obj)}): reload, reapply your change and retry",
        entity=obj.__tablename__,
        field="If-Match",
    )
