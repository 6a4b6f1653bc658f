"""Login, logout, the current user and API tokens for scripts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from sqlalchemy import select

from materiel.access import authenticate, revoke_token
from materiel.access.users import create_api_token
from materiel.api.crud import ERRORS, MAX_ID
from materiel.api.deps import AuthCache, AuthDep, CurrentUser, EngineDep
from materiel.api.errors import ApiProblem
from materiel.api.schemas import (
    LoginRequest,
    LoginResponse,
    TokenCreate,
    TokenIssued,
    TokenPublic,
    UserPublic,
)
from materiel.db import read_session, write_session
from materiel.records import ApiToken, User
from materiel.services.audit import append_event

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=LoginResponse, responses=ERRORS, operation_id="login")
def login(body: LoginRequest, request: Request, engine: EngineDep) -> LoginResponse:
    """A session token (12 hours). Five failures in a row lock the account for 15 minutes;
    every refusal (unknown user, wrong password, locked or disabled account) is the same
    401, so answers do not tell which accounts exist. One address may fail 20 times a
    minute (429 with Retry-After)."""
    client = request.client.host if request.client else "-"
    user, raw, expires = authenticate(
        engine, body.username, body.password, client=client, limiter=request.app.state.limiter
    )
    return LoginResponse(access_token=raw, expires_at=expires, user=UserPublic.model_validate(user))


@router.post(
    "/logout", status_code=204, response_class=Response, responses=ERRORS, operation_id="logout"
)
def logout(auth: AuthDep, request: Request, engine: EngineDep) -> Response:
    """Revoke the token used for this request."""
    with write_session(engine) as s:
        tok = s.get(ApiToken, auth.token_id)
        if tok is not None:
            revoke_token(s, tok)
    cache: AuthCache = request.app.state.auth_cache
    cache.drop(digest=auth.token_digest)
    return Response(status_code=204)


@router.get("/me", response_model=UserPublic, responses=ERRORS, operation_id="me")
def me(principal: CurrentUser, engine: EngineDep) -> UserPublic:
    with read_session(engine) as s:
        user = s.get(User, principal.user_id)
        return UserPublic.model_validate(user)


@router.get(
    "/tokens", response_model=list[TokenPublic], responses=ERRORS, operation_id="list_tokens"
)
def list_tokens(principal: CurrentUser, engine: EngineDep) -> list[TokenPublic]:
    """Your tokens (never their values)."""
    with read_session(engine) as s:
        rows = s.scalars(
            select(ApiToken).where(ApiToken.user_id == principal.user_id).order_by(ApiToken.id)
        )
        return [TokenPublic.model_validate(t) for t in rows]


@router.post(
    "/tokens",
    status_code=201,
    response_model=TokenIssued,
    responses=ERRORS,
    operation_id="create_token",
)
def create_token(body: TokenCreate, principal: CurrentUser, engine: EngineDep) -> TokenIssued:
    """A long-lived API token for scripts; the value is shown once."""
    with write_session(engine) as s:
        user = s.get(User, principal.user_id)
        assert user is not None
        raw, tok = create_api_token(s, user, days=body.days, name=body.name, actor=principal.actor)
        info = TokenPublic.model_validate(tok)
    return TokenIssued(token=raw, info=info)


@router.delete(
    "/tokens/{token_id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="revoke_token",
)
def delete_token(
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    principal: CurrentUser,
    engine: EngineDep,
    request: Request,
) -> Response:
    """Revoke one of your tokens."""
    with write_session(engine) as s:
        tok = s.get(ApiToken, token_id)
        if tok is None or tok.user_id != principal.user_id:
            raise ApiProblem(404, f"no token {token_id} of yours")
        revoke_token(s, tok)
        append_event(
            s,
            actor=principal.actor,
            action="revoke",
            entity="api_token",
            entity_key=f"{principal.username}/{tok.id}",
            before=None,
            after={"revoked_at": tok.revoked_at},
        )
    request.app.state.auth_cache.drop(user_id=principal.user_id)
    return Response(status_code=204)
