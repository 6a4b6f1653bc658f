"""Opaque bearer tokens: random, shown once, stored only as their SHA-256 hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.records import ApiToken, User
from materiel.records.base import utcnow

__all__ = [
    "API_TOKEN_MAX_DAYS",
    "SESSION_HOURS",
    "hash_token",
    "issue_token",
    "resolve_token",
    "revoke_token",
]

PREFIX = "mat_"
SESSION_HOURS = 12
API_TOKEN_MAX_DAYS = 366


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(
    session: Session,
    user: User,
    *,
    kind: str = "session",
    lifetime: dt.timedelta | None = None,
    name: str | None = None,
) -> tuple[str, ApiToken]:
    """A new token for ``user`` (``kind`` session or api). Returns the raw token (shown once)
    and its record; the caller's transaction stores it."""
    if kind not in ("session", "api"):
        raise ValueError(f"unknown token kind {kind!r}")
    if lifetime is None:
        lifetime = dt.timedelta(hours=SESSION_HOURS) if kind == "session" else dt.timedelta(90)
    if lifetime > dt.timedelta(days=API_TOKEN_MAX_DAYS) or lifetime <= dt.timedelta(0):
        raise ValueError(f"token lifetime must be between 1 second and {API_TOKEN_MAX_DAYS} days")
    raw = PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    rec = ApiToken(
        user_id=user.id,
        token_hash=hash_token(raw),
        kind=kind,
        name=name,
        created_at=now,
        expires_at=now + lifetime,
    )
    session.add(rec)
    session.flush()
    return raw, rec


def resolve_token(session: Session, raw: str) -> tuple[User, ApiToken] | None:
    """The active user and token for a raw bearer token; None when unknown, expired,
    revoked or the user is disabled."""
    if not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    row = session.execute(
        select(User, ApiToken)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == hash_token(raw))
    ).first()
    if row is None:
        return None
    user, token = row
    now = utcnow()
    if token.revoked_at is not None or token.expires_at <= now or not user.active:
        return None
    return user, token


def revoke_token(session: Session, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.flush()
