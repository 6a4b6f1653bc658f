"""Every error as application/problem+json (RFC 9457): type, title, status, detail, field.

Status codes:

- 400 malformed cursor; 401 missing, unknown, expired or revoked token, or a refused
  login (the same answer for an unknown user, a wrong password and a locked or disabled
  account); 429 too many failed logins from one address (with Retry-After).
- 403 the caller's role may not do this (access.policy.Refused).
- 404 no such record, or one whose existence is secret to the caller (policy.Hidden).
- 409 the request is well-formed but a domain rule refuses it against the current records:
  unknown referenced nation/item/fund/line, deliveries beyond the pledged quantity, an
  illegal pledge lifecycle step, a duplicate key, deleting a record others refer to.
- 412 If-Match names a stale version (reload, reapply, retry); 428 If-Match is missing.
- 413 the request body is larger than its route accepts (``materiel.api.limits``).
- 422 the request itself is invalid (schema validation by Pydantic, weak password,
  Idempotency-Key reused with a different request, a date outside 1990-01-01..2099-12-31
  or an integer beyond its column); ``field`` names the offending field.
- 501 a capability not installed yet (the meeting brief).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from materiel.access import Hidden, LoginRefused, Refused, WeakPassword
from materiel.services import DomainError, InvalidValue, KeyReused, NotFound, StaleVersion

log = logging.getLogger("materiel.api")

PROBLEM = "application/problem+json"
TYPE_BASE = "urn:materiel:problem:"

TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict with the current records",
    412: "Precondition failed: stale version",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Invalid request",
    428: "Precondition required: If-Match",
    429: "Too many requests",
    500: "Internal server error",
    501: "Not implemented",
    503: "Service unavailable",
}
SLUGS = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    412: "stale-version",
    413: "too-large",
    415: "unsupported-media-type",
    422: "validation",
    428: "if-match-required",
    429: "rate-limited",
    500: "internal",
    501: "not-implemented",
    503: "unavailable",
}


class ApiProblem(Exception):
    """Raise anywhere in the API to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
        title: str | None = None,
    ):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.field = field
        self.headers = headers or {}
        self.title = title


def problem(
    status: int,
    detail: str | None,
    *,
    field: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    title: str | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + SLUGS.get(status, str(status)),
        "title": title or TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if field is not None:
        body["field"] = field
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _loc(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:] or parts
    return ".".join(parts)


def _validation(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": _loc(e.get("loc", ())), "message": str(e.get("msg", "")), "type": e.get("type")}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"field": None, "message": "invalid request"}
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
    return problem(422, detail, field=first["field"], errors=errors)


def _http(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return problem(exc.status_code, str(exc.detail), headers=dict(exc.headers or {}) or None)


def _api(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return problem(exc.status, exc.detail, field=exc.field, headers=exc.headers, title=exc.title)


def _domain(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    if isinstance(exc, NotFound):
        status = 404
    elif isinstance(exc, KeyReused):
        status = 422
    elif isinstance(exc, StaleVersion):
        status = 412
    elif isinstance(exc, InvalidValue):
        status = 422
    else:
        status = 409
    return problem(status, exc.message, field=exc.field)


def _refused(_req: Request, exc: Exception) -> JSONResponse:
    return problem(403, str(exc) or "not allowed for your role")


def _hidden(_req: Request, _exc: Exception) -> JSONResponse:
    return problem(404, "no such record")


def _stale(_req: Request, _exc: Exception) -> JSONResponse:
    return problem(412, "the record was changed by someone else meanwhile: reload and retry")


def _integrity(_req: Request, exc: Exception) -> JSONResponse:
    # the database's message quotes constraints and key values, possibly of records the
    # caller may not see: log it, answer without it
    log.info("integrity error: %s", getattr(exc, "orig", exc))
    return problem(409, "conflicts with an existing record (a taken key or a broken reference)")


def _data(_req: Request, exc: Exception) -> JSONResponse:
    orig = getattr(exc, "orig", exc)
    return problem(422, f"value not storable ({orig})")


def _operational(_req: Request, exc: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", exc)
    return problem(503, "database busy or unavailable; retry", headers={"Retry-After": "1"})


def _weak(_req: Request, exc: Exception) -> JSONResponse:
    return problem(422, str(exc), field="password")


def _login(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, LoginRefused)
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
    if exc.status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return problem(exc.status, exc.detail, headers=headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ApiProblem, _api)
    app.add_exception_handler(DomainError, _domain)
    app.add_exception_handler(Refused, _refused)
    app.add_exception_handler(Hidden, _hidden)
    app.add_exception_handler(StaleDataError, _stale)
    app.add_exception_handler(IntegrityError, _integrity)
    app.add_exception_handler(DataError, _data)
    app.add_exception_handler(OperationalError, _operational)
    app.add_exception_handler(WeakPassword, _weak)
    app.add_exception_handler(LoginRefused, _login)
