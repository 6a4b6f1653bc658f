"""Web sessions: the API's own bearer token in an HttpOnly, SameSite=Lax cookie, and the
CSRF token every form carries (derived from the session token, so it is per session)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import Response

from materiel.access import Principal, hash_token
from materiel.access.principals import resolve_bearer
from materiel.access.tokens import SESSION_HOURS

SESSION_COOKIE = "materiel_session"
LOGIN_COOKIE = "materiel_login"  # random value for the login form's CSRF check


class LoginRequired(Exception):
    """No valid session: the page redirects to the login form."""


class CsrfFailed(Exception):
    """A form arrived without the CSRF token of the session."""


@dataclass(frozen=True)
class WebUser:
    principal: Principal
    token_id: int
    token_digest: str
    raw: str

    @property
    def csrf(self) -> str:
        return csrf_token(self.raw)


def csrf_token(secret: str) -> str:
    return hmac.new(secret.encode(), b"materiel-web-csrf", hashlib.sha256).hexdigest()


def is_https(request: Request) -> bool:
    proto = request.headers.get("x-forwarded-proto") or request.url.scheme
    return proto.split(",")[0].strip() == "https"


def current_user(request: Request) -> WebUser | None:
    """The user of the session cookie, resolved exactly like an API bearer token."""
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw or len(raw) > 200:
        return None
    digest = hash_token(raw)
    cache = request.app.state.auth_cache  # the API's: a logout there is seen here at once
    hit = cache.get(digest)
    if hit is not None:
        return WebUser(hit.principal, hit.token_id, digest, raw)
    found = resolve_bearer(request.app.state.engine, raw)
    if found is None:
        return None
    p, token_id, left = found
    cache.put(digest, p, token_id, cache.clock() + left)
    return WebUser(p, token_id, digest, raw)


def require_user(request: Request) -> WebUser:
    user = current_user(request)
    if user is None:
        raise LoginRequired()
    return user


def set_session(response: Response, request: Request, raw: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="lax",
        secure=is_https(request),
        path="/",
    )
    response.delete_cookie(LOGIN_COOKIE, path="/")


def clear_session(response: Response, request: Request) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_https(request)
    )


def login_nonce(request: Request) -> str:
    """The pre-login CSRF secret (reused from the cookie when present)."""
    value = request.cookies.get(LOGIN_COOKIE)
    if value and 20 <= len(value) <= 100:
        return value
    return secrets.token_urlsafe(24)


def set_login_nonce(response: Response, request: Request, nonce: str) -> None:
    response.set_cookie(
        LOGIN_COOKIE,
        nonce,
        max_age=3600,
        httponly=True,
        samesite="lax",
        secure=is_https(request),
        path="/",
    )


def check_csrf(submitted: object, expected: str) -> None:
    if not isinstance(submitted, str) or not hmac.compare_digest(submitted, expected):
        raise CsrfFailed()
