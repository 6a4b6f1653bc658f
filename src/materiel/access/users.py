"""User accounts: create, disable, change password, issue tokens — each audited, with the
password hash and token hashes redacted from the trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from materiel.access.passwords import hash_password
from materiel.access.tokens import issue_token, revoke_token
from materiel.db import write_session
from materiel.records import ApiToken, Nation, Role, User
from materiel.services import RuleViolation
from materiel.services.audit import append_event

__all__ = [
    "NATION_ROLES",
    "add_user",
    "create_api_token",
    "disable_user",
    "public_user",
    "revoke_all_tokens",
    "set_password",
]

NATION_ROLES = frozenset({Role.donor.value, Role.recipient.value})


def public_user(user: User) -> dict[str, Any]:
    """The audit view of a user: every column except the password hash."""
    return {
        "id": user.id,
        "username": user.username,
        "role": user.role,
        "nation_code": user.nation_code,
        "active": user.active,
        "locked_until": user.locked_until,
    }


def _audit(session: Session, actor: str, action: str, entity: str, key: str, **kw: Any) -> None:
    append_event(
        session,
        actor=actor,
        action=action,
        entity=entity,
        entity_key=key,
        before=kw.get("before"),
        after=kw.get("after"),
    )


def check_role(session: Session, role: str, nation: str | None) -> None:
    roles = [r.value for r in Role]
    if role not in roles:
        raise RuleViolation(f"user.role: must be one of {', '.join(roles)}", field="role")
    if role in NATION_ROLES:
        if not nation:
            raise RuleViolation(
                f"user.nation_code: a {role} is bound to one nation", field="nation"
            )
        if session.get(Nation, nation) is None:
            raise RuleViolation(f"user.nation_code: unknown nation {nation!r}", field="nation")
    elif nation:
        raise RuleViolation(f"user.nation_code: a {role} is not bound to a nation", field="nation")


def add_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    nation: str | None,
    actor: str,
    password_hash: str | None = None,
) -> User:
    """Create a user inside the caller's write transaction (WeakPassword, RuleViolation).
    ``password_hash``: an argon2 hash of ``password`` computed earlier (tests reuse one)."""
    check_role(session, role, nation)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise RuleViolation(f"user {username!r} exists already", field="username")
    user = User(
        username=username,
        password_hash=password_hash or hash_password(password, [username]),
        role=role,
        nation_code=nation,
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    _audit(session, actor, "create", "app_user", username, after=public_user(user))
    return user


def revoke_all_tokens(session: Session, user: User) -> int:
    """Revoke every session and API token ``user`` holds; returns how many."""
    tokens = list(
        session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        )
    )
    for tok in tokens:
        revoke_token(session, tok)
    return len(tokens)


def disable_user(session: Session, user: User, *, actor: str) -> None:
    """Deactivate a user and revoke every token it holds."""
    before = public_user(user)
    user.active = False
    revoke_all_tokens(session, user)
    session.flush()
    _audit(
        session, actor, "update", "app_user", user.username, before=before, after=public_user(user)
    )


def set_password(session: Session, user: User, password: str, *, actor: str) -> int:
    """Set a new password (WeakPassword) and revoke every session and API token of the
    user: whoever held the old password may have made them. The lockout is cleared.
    Returns the number of tokens revoked (audited with the change)."""
    user.password_hash = hash_password(password, [user.username])
    user.failed_logins = 0
    user.locked_until = None
    revoked = revoke_all_tokens(session, user)
    session.flush()
    _audit(session, actor, "password", "app_user", user.username, after={"tokens_revoked": revoked})
    return revoked


def create_api_token(
    session: Session, user: User, *, days: int, name: str | None, actor: str
) -> tuple[str, ApiToken]:
    """A long-lived token for scripts (audited by name and expiry, never by value)."""
    raw, tok = issue_token(session, user, kind="api", lifetime=dt.timedelta(days=days), name=name)
    _audit(
        session,
        actor,
        "create",
        "api_token",
        f"{user.username}/{tok.id}",
        after={"user": user.username, "name": name, "expires_at": tok.expires_at},
    )
    return raw, tok


def find_user(engine: Engine, username: str) -> User | None:
    with write_session(engine) as s:
        return s.scalars(select(User).where(User.username == username)).one_or_none()
