"""Sign in and out."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from materiel.access import LoginRefused, authenticate
from materiel.access.principals import revoke_session
from materiel.web.forms import FORM
from materiel.web.render import (
    engine_of,
    form_of,
    render,
    router,
    safe_next,
)
from materiel.web.session import (
    CsrfFailed,
    check_csrf,
    clear_session,
    csrf_token,
    current_user,
    login_nonce,
    require_user,
    set_login_nonce,
    set_session,
)


# -- login ----------
@router.get("/login")
def login_page(request: Request) -> Response:
    if current_user(request) is not None:
        return RedirectResponse(safe_next(request.query_params.get("next")), 303)
    return _login_form(request, {}, "", 200)


def _login_form(request: Request, errors: dict[str, str], username: str, status: int) -> Response:
    nonce = login_nonce(request)
    resp = render(
        request,
        "login.html",
        None,
        status=status,
        title="Sign in",
        login_csrf=csrf_token(nonce),
        errors=errors,
        username=username,
        next=safe_next(request.query_params.get("next")),
        synthetic=False,
    )
    set_login_nonce(resp, request, nonce)
    return resp


@router.post("/login")
async def login_submit(request: Request) -> Response:
    form = await form_of(request)
    nonce = request.cookies.get("materiel_login", "")
    if not nonce:
        raise CsrfFailed()
    check_csrf(form.get("csrf"), csrf_token(nonce))
    return await run_in_threadpool(_login, request, form)


def _login(request: Request, form: dict[str, str]) -> Response:
    username = form.get("username", "").strip()[:80]
    password = form.get("password", "")[:1000]
    errors: dict[str, str] = {}
    if not username:
        errors["username"] = "Enter your user name."
    if not password:
        errors["password"] = "Enter your password."
    if errors:
        return _login_form(request, errors, username, 422)
    client = request.client.host if request.client else "-"
    try:
        _, raw, _ = authenticate(
            engine_of(request), username, password, client=client, limiter=request.app.state.limiter
        )
    except LoginRefused as exc:
        return _login_form(request, {FORM: exc.detail}, username, exc.status)
    resp = RedirectResponse(safe_next(form.get("next")), 303)
    set_session(resp, request, raw)
    return resp


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await form_of(request)
    user = require_user(request)
    check_csrf(form.get("csrf"), user.csrf)

    def revoke() -> None:
        revoke_session(engine_of(request), user.token_id)
        request.app.state.auth_cache.drop(digest=user.token_digest)

    await run_in_threadpool(revoke)
    resp = RedirectResponse("/login", 303)
    clear_session(resp, request)
    return resp
