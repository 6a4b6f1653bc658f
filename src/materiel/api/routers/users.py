"""User administration (admins only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from materiel.access import policy
from materiel.access.users import add_user, check_role, disable_user, public_user, set_password
from materiel.api.crud import ERRORS, MAX_ID
from materiel.api.deps import CurrentUser, EngineDep
from materiel.api.errors import ApiProblem
from materiel.api.schemas import Page, UserCreate, UserPublic, UserUpdate
from materiel.db import read_session, write_session
from materiel.records import User
from materiel.services.audit import append_event

router = APIRouter(prefix="/users", tags=["users"])
UserId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("", response_model=Page[UserPublic], responses=ERRORS, operation_id="list_users")
def list_users(
    principal: CurrentUser,
    engine: EngineDep,
    role: Annotated[str | None, Query(max_length=20, pattern=r"^[a-z]*$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    after_id: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> Page[UserPublic]:
    policy.require_admin(principal)
    with read_session(engine) as s:
        stmt = select(User).where(User.id > after_id)
        if role:
            stmt = stmt.where(User.role == role)
        count = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = list(s.scalars(stmt.order_by(User.id).limit(limit + 1)))
    nxt = str(rows[limit - 1].id) if len(rows) > limit else None
    return Page[UserPublic](
        items=[UserPublic.model_validate(u) for u in rows[:limit]], count=count, next_cursor=nxt
    )


@router.post(
    "", status_code=201, response_model=UserPublic, responses=ERRORS, operation_id="create_user"
)
def create_user(body: UserCreate, principal: CurrentUser, engine: EngineDep) -> UserPublic:
    """Passwords: at least 12 characters of at least two classes, not common or easily
    guessed (422 otherwise)."""
    policy.require_admin(principal)
    with write_session(engine) as s:
        user = add_user(
            s,
            username=body.username,
            password=body.password,
            role=body.role,
            nation=body.nation_code,
            actor=principal.actor,
        )
        return UserPublic.model_validate(user)


@router.get("/{user_id}", response_model=UserPublic, responses=ERRORS, operation_id="get_user")
def get_user(user_id: UserId, principal: CurrentUser, engine: EngineDep) -> UserPublic:
    policy.require_admin(principal)
    with read_session(engine) as s:
        user = s.get(User, user_id)
        if user is None:
            raise ApiProblem(404, f"no user {user_id}")
        return UserPublic.model_validate(user)


@router.patch("/{user_id}", response_model=UserPublic, responses=ERRORS, operation_id="update_user")
def update_user(
    user_id: UserId,
    body: UserUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    request: Request,
) -> UserPublic:
    """Change role, nation, password; ``active: false`` disables and revokes every token.
    A new password also revokes every session and API token of the user and lifts a
    lockout."""
    policy.require_admin(principal)
    changes = body.model_dump(exclude_unset=True)
    with write_session(engine) as s:
        user = s.get(User, user_id)
        if user is None:
            raise ApiProblem(404, f"no user {user_id}")
        if "role" in changes or "nation_code" in changes:
            role = changes.get("role", user.role)
            nation = changes.get("nation_code", user.nation_code)
            check_role(s, role, nation)
            before = public_user(user)
            user.role, user.nation_code = role, nation
            s.flush()
            append_event(
                s,
                actor=principal.actor,
                action="update",
                entity="app_user",
                entity_key=user.username,
                before=before,
                after=public_user(user),
            )
        if "password" in changes:
            set_password(s, user, changes["password"], actor=principal.actor)
        if changes.get("active") is False and user.active:
            disable_user(s, user, actor=principal.actor)
        elif changes.get("active") is True and not user.active:
            before = public_user(user)
            user.active = True
            s.flush()
            append_event(
                s,
                actor=principal.actor,
                action="update",
                entity="app_user",
                entity_key=user.username,
                before=before,
                after=public_user(user),
            )
        out = UserPublic.model_validate(user)
    request.app.state.auth_cache.drop(user_id=user_id)
    return out


@router.delete(
    "/{user_id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="disable_user",
)
def delete_user(
    user_id: UserId, principal: CurrentUser, engine: EngineDep, request: Request
) -> Response:
    """Users are never deleted (the audit trail names them): this disables the account."""
    policy.require_admin(principal)
    with write_session(engine) as s:
        user = s.get(User, user_id)
        if user is None:
            raise ApiProblem(404, f"no user {user_id}")
        if user.active:
            disable_user(s, user, actor=principal.actor)
    request.app.state.auth_cache.drop(user_id=user_id)
    return Response(status_code=204)
