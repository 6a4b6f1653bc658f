"""Who is calling: a raw bearer token (API header or page session cookie) resolved to its
:class:`~materiel.access.policy.Principal` — one function for the API and the pages."""

from __future__ import annotations

from sqlalchemy import Engine

from materiel.access.policy import Principal
from materiel.access.tokens import resolve_token
from materiel.db import read_session
from materiel.records.base import utcnow

Found = tuple[Principal, int, float]  # principal, token id, seconds the token has left


def resolve_bearer(engine: Engine, raw: str) -> Found | None:
    """The principal behind a raw token, the token's id and the seconds it has left; None
    for an unknown, expired or revoked token."""
    with read_session(engine) as s:
        found = resolve_token(s, raw)
    if found is None:
        return None
    user, token = found
    left = (token.expires_at - utcnow()).total_seconds()
    return Principal(user.id, user.username, user.role, user.nation_code), token.id, left


def revoke_session(engine: Engine, token_id: int) -> None:
    """Sign out: revoke the session token of a page session (by its id)."""
    from materiel.access.tokens import revoke_token
    from materiel.db import write_session
    from materiel.records import ApiToken

    with write_session(engine) as s:
        tok = s.get(ApiToken, token_id)
        if tok is not None:
            revoke_token(s, tok)
