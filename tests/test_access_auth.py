"""Passwords, login, lockout, token expiry and revocation, and the users CLI."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import Engine, select, update
from typer.testing import CliRunner

from materiel.access import (
    Principal,
    WeakPassword,
    check_policy,
    hash_password,
    hash_token,
    verify_password,
)
from materiel.access import login as login_module
from materiel.access.login import LOCK_AFTER, REFUSED, FailureLimiter, LoginRefused, authenticate
from materiel.api import create_app
from materiel.api.deps import AuthCache
from materiel.api.testing import PASSWORD, make_client, seed, user_token
from materiel.cli.main import app as cli
from materiel.db import read_session, write_session
from materiel.records import ApiToken, AuditEvent, User

API = "/api/v1"


@pytest.mark.parametrize(
    "password", ["short-1A", "alllowercaseletters", "123456789012345", "aaaaaaaaaaaaaaa1"]
)
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(WeakPassword):
        check_policy(password)


def test_argon2_hash_round_trip() -> None:
    h = hash_password("Long-enough-pass1")
    assert h.startswith("$argon2id$")
    assert verify_password(h, "Long-enough-pass1")
    assert not verify_password(h, "Long-enough-pass2")
    assert not verify_password(None, "Long-enough-pass1")


@pytest.fixture
def api(sqlite_engine: Engine) -> Iterator[dict[str, Any]]:
    seed(sqlite_engine)
    admin = user_token(sqlite_engine, "admin", "admin")
    user_token(sqlite_engine, "dana", "donor", "DEU")
    with make_client(create_app(sqlite_engine)) as c:
        yield {"c": c, "engine": sqlite_engine, "admin": {"Authorization": f"Bearer {admin}"}}


def _login(c: Any, name: str, password: str) -> Any:
    return c.post(f"{API}/auth/login", json={"username": name, "password": password})


def test_login_logout_and_revocation(api: dict[str, Any]) -> None:
    c, engine = api["c"], api["engine"]
    r = _login(c, "dana", PASSWORD)
    assert r.status_code == 200 and r.json()["user"]["nation_code"] == "DEU"
    token = r.json()["access_token"]
    with read_session(engine) as s:  # stored hashed, never in clear
        stored = s.scalars(select(ApiToken.token_hash)).all()
    assert token not in stored and all(len(h) == 64 for h in stored)
    h = {"Authorization": f"Bearer {token}"}
    assert c.get(f"{API}/auth/me", headers=h).json()["username"] == "dana"
    assert c.post(f"{API}/auth/logout", headers=h).status_code == 204
    r = c.get(f"{API}/auth/me", headers=h)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    assert _login(c, "dana", "Wrong-password-1").status_code == 401
    assert _login(c, "nobody", PASSWORD).status_code == 401


def test_token_expiry(api: dict[str, Any]) -> None:
    c, engine = api["c"], api["engine"]
    token = user_token(engine, "eve", "analyst")
    h = {"Authorization": f"Bearer {token}"}
    assert c.get(f"{API}/auth/me", headers=h).status_code == 200
    with write_session(engine) as s:  # the token's time is up
        s.execute(
            update(ApiToken)
            .where(ApiToken.token_hash == hash_token(token))
            .values(expires_at=dt.datetime.now(dt.UTC))
        )
    with make_client(create_app(engine, auth_cache_seconds=0)) as fresh:
        assert fresh.get(f"{API}/auth/me", headers=h).status_code == 401
    # the auth cache never outlives a token: entries end at the token's expiry
    now = [100.0]
    cache = AuthCache(seconds=60, clock=lambda: now[0])
    cache.put("d", Principal(1, "eve", "analyst"), 1, now[0] + 0.05)
    assert cache.get("d") is not None
    now[0] += 0.1
    assert cache.get("d") is None
    # an API token made for scripts works until it is revoked
    made = c.post(f"{API}/auth/tokens", json={"name": "ci", "days": 30}, headers=api["admin"])
    assert made.status_code == 201
    info, tok = made.json()["info"], made.json()["token"]
    exp = dt.datetime.fromisoformat(info["expires_at"])
    assert dt.timedelta(days=29) < exp - dt.datetime.now(dt.UTC) <= dt.timedelta(days=30)
    h2 = {"Authorization": f"Bearer {tok}"}
    assert c.get(f"{API}/auth/me", headers=h2).status_code == 200
    assert c.delete(f"{API}/auth/tokens/{info['id']}", headers=h2).status_code == 204
    assert c.get(f"{API}/auth/me", headers=h2).status_code == 401


def test_lockout_after_repeated_failures(api: dict[str, Any]) -> None:
    c, engine = api["c"], api["engine"]
    for _ in range(LOCK_AFTER):
        assert _login(c, "dana", "Wrong-password-1").status_code == 401
    r = _login(c, "dana", PASSWORD)  # even the right password is refused while locked
    assert r.status_code == 401 and r.json()["detail"] == REFUSED
    with write_session(engine) as s:
        user = s.scalars(select(User).where(User.username == "dana")).one()
        assert user.locked_until is not None
        assert user.locked_until - dt.datetime.now(dt.UTC) > dt.timedelta(minutes=14)
        s.execute(
            update(User)
            .where(User.id == user.id)
            .values(locked_until=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
    assert _login(c, "dana", PASSWORD).status_code == 200
    with read_session(engine) as s:
        user = s.scalars(select(User).where(User.username == "dana")).one()
        assert (user.failed_logins, user.locked_until) == (0, None)


def test_refusals_do_not_tell_whether_a_user_exists(api: dict[str, Any]) -> None:
    """Issue 18 #14: unknown, wrong password, locked and disabled answer alike (401, same
    body, no Retry-After), however often they are tried."""
    c = api["c"]
    c.app.state.limiter = FailureLimiter(limit=1000)  # the per-address limit is not tested here
    user_token(api["engine"], "olga", "analyst")
    c.patch(
        f"{API}/users/{_uid(c, api['admin'], 'olga')}", json={"active": False}, headers=api["admin"]
    )
    answers = []
    for _ in range(LOCK_AFTER + 3):
        answers.append(_login(c, "dana", "Wrong-password-1"))  # known; locked after 5
        answers.append(_login(c, "nobody-here", "Wrong-password-1"))  # unknown
        answers.append(_login(c, "olga", PASSWORD))  # disabled
    answers.append(_login(c, "dana", PASSWORD))  # locked, right password
    seen = {(r.status_code, r.text, r.headers.get("Retry-After")) for r in answers}
    assert len(answers) == 3 * (LOCK_AFTER + 3) + 1
    assert seen == {(401, answers[0].text, None)}
    assert answers[0].json()["detail"] == REFUSED


def _uid(c: Any, admin: dict[str, str], name: str) -> int:
    users = c.get(f"{API}/users", headers=admin).json()["items"]
    return int(next(u["id"] for u in users if u["username"] == name))


@pytest.mark.parametrize("right_one", [False, True])
def test_parallel_logins_check_at_most_the_lockout_number(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, right_one: bool
) -> None:
    """Issue 18 #4: 40 logins at once to one account check at most LOCK_AFTER passwords
    (the attempts are claimed atomically before the check), on both backends."""
    user_token(engine, "dana", "analyst")
    checked: list[bool] = []
    lock = threading.Lock()
    real = login_module.verify_password

    def counting(password_hash: str | None, password: str) -> bool:
        if password_hash is None:  # the dummy check of a refused claim (argon2 skipped here)
            return False
        ok = real(password_hash, password)
        with lock:
            checked.append(ok)
        return ok

    monkeypatch.setattr(login_module, "verify_password", counting)
    n = 40
    passwords = ["Wrong-password-1"] * n
    if right_one:
        passwords[6] = PASSWORD  # the right password as the 7th attempt
    start = threading.Barrier(n)

    def attempt(password: str) -> int:
        start.wait()
        try:
            authenticate(engine, "dana", password)
            return 200
        except LoginRefused as exc:
            return exc.status

    with ThreadPoolExecutor(n) as pool:
        statuses = list(pool.map(attempt, passwords))
    assert len(checked) <= LOCK_AFTER
    assert statuses.count(200) == checked.count(True) <= int(right_one)
    assert statuses.count(401) == n - statuses.count(200)
    with read_session(engine) as s:
        user = s.scalars(select(User).where(User.username == "dana")).one()
    if checked.count(True) == 0:  # every checked password was wrong: locked
        assert user.locked_until is not None
        with pytest.raises(LoginRefused):
            authenticate(engine, "dana", PASSWORD)
        assert len(checked) == LOCK_AFTER


def test_parallel_attempts_from_one_address_meet_its_limit() -> None:
    """The per-address limit counts an attempt before it is checked, too."""
    limiter = FailureLimiter(limit=20, window=3600)
    n = 40
    start = threading.Barrier(n)

    def attempt(_: int) -> int:
        start.wait()
        try:
            limiter.claim("198.51.100.7")
            return 0
        except LoginRefused as exc:
            assert exc.retry_after is not None and exc.retry_after > 0
            return exc.status

    with ThreadPoolExecutor(n) as pool:
        statuses = list(pool.map(attempt, range(n)))
    assert statuses.count(0) == 20 and statuses.count(429) == 20
    limiter.refund("198.51.100.7")  # a success gives its attempt back
    limiter.claim("198.51.100.7")
    with pytest.raises(LoginRefused):
        limiter.claim("198.51.100.7")
    limiter.claim("203.0.113.9")  # other addresses are not affected


def test_password_reset_revokes_sessions_and_api_tokens(api: dict[str, Any]) -> None:
    """Issue 18 #7: whoever knew the old password keeps nothing after an admin reset."""
    c = api["c"]
    session = _login(c, "dana", PASSWORD).json()["access_token"]
    h = {"Authorization": f"Bearer {session}"}
    script = c.post(f"{API}/auth/tokens", json={"name": "ci", "days": 366}, headers=h)
    assert script.status_code == 201
    h2 = {"Authorization": f"Bearer {script.json()['token']}"}
    assert c.get(f"{API}/auth/me", headers=h2).status_code == 200
    uid = _uid(c, api["admin"], "dana")
    new = "Fresh-lantern-73"
    r = c.patch(f"{API}/users/{uid}", json={"password": new}, headers=api["admin"])
    assert r.status_code == 200
    assert c.get(f"{API}/auth/me", headers=h).status_code == 401
    assert c.get(f"{API}/auth/me", headers=h2).status_code == 401
    assert _login(c, "dana", PASSWORD).status_code == 401
    assert _login(c, "dana", new).status_code == 200
    with read_session(api["engine"]) as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "password").order_by(AuditEvent.seq)
        ).all()[-1]
    # the two above and the one the fixture made
    assert event.entity_key == "dana" and event.after == {"tokens_revoked": 3}


@pytest.mark.parametrize(
    "password",
    [
        "password1234",
        "Password1234",
        "qwerty123456",
        "iloveyou2024",
        "letmein12345",
        "admin1234567",
    ],
)
def test_common_passwords_are_refused(password: str) -> None:
    with pytest.raises(WeakPassword, match="common or easy to guess"):
        check_policy(password)


def test_a_password_made_of_the_user_name_is_refused() -> None:
    check_policy("Kettle-orbit-1987")
    with pytest.raises(WeakPassword):
        check_policy("kettleorbit1987", user_inputs=["kettleorbit"])


def test_disabling_a_user_revokes_its_tokens(api: dict[str, Any]) -> None:
    c = api["c"]
    token = _login(c, "dana", PASSWORD).json()["access_token"]
    h = {"Authorization": f"Bearer {token}"}
    assert c.get(f"{API}/pledges", headers=h).status_code == 200
    users = c.get(f"{API}/users", headers=api["admin"]).json()["items"]
    uid = next(u["id"] for u in users if u["username"] == "dana")
    assert (
        c.patch(f"{API}/users/{uid}", json={"active": False}, headers=api["admin"]).json()["active"]
        is False
    )
    assert c.get(f"{API}/pledges", headers=h).status_code == 401
    assert _login(c, "dana", PASSWORD).status_code == 401
    r = c.post(
        f"{API}/users",
        json={"username": "weak", "password": "password", "role": "analyst"},
        headers=api["admin"],
    )
    assert r.status_code == 422 and r.json()["field"] == "password"


def test_users_cli(sqlite_engine: Engine) -> None:
    seed(sqlite_engine)
    db = str(sqlite_engine.url.database)
    run = CliRunner().invoke
    r = run(
        cli,
        [
            "--db",
            db,
            "users",
            "add",
            "ann",
            "--role",
            "donor",
            "--nation",
            "DEU",
            "--password-stdin",
        ],
        input="Strong-enough-42\n",
    )
    assert r.exit_code == 0, r.output
    r = run(
        cli,
        ["--db", db, "users", "add", "bob", "--role", "donor", "--password-stdin"],
        input="Strong-enough-42\n",
    )
    assert r.exit_code == 1 and "bound to one nation" in r.output
    r = run(cli, ["--db", db, "users", "token", "ann", "--days", "90"])
    assert r.exit_code == 0
    token = r.stdout.strip().splitlines()[0]
    # revocation by another process is seen once the auth cache expires (0 s here)
    with make_client(create_app(sqlite_engine, auth_cache_seconds=0)) as c:
        me = c.get(f"{API}/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.json()["role"] == "donor"
        assert run(cli, ["--db", db, "users", "disable", "ann"]).exit_code == 0
        r2 = c.get(f"{API}/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert r2.status_code == 401
    r = run(cli, ["--db", db, "users", "list", "--json"])
    assert '"active": false' in r.stdout
    with read_session(sqlite_engine) as s:
        trail = s.scalars(select(AuditEvent).where(AuditEvent.entity == "app_user")).all()
    assert trail and all("password_hash" not in (e.after or {}) for e in trail)


def test_users_cli_password_reset_and_unlock(sqlite_engine: Engine) -> None:
    db = str(sqlite_engine.url.database)
    run = CliRunner().invoke
    token = user_token(sqlite_engine, "cleo", "analyst")
    with make_client(create_app(sqlite_engine, auth_cache_seconds=0)) as c:
        h = {"Authorization": f"Bearer {token}"}
        assert c.get(f"{API}/auth/me", headers=h).status_code == 200
        weak = run(
            cli,
            ["--db", db, "users", "password", "cleo", "--password-stdin"],
            input="password1234\n",
        )
        assert weak.exit_code == 1 and "common or easy to guess" in weak.output
        assert c.get(f"{API}/auth/me", headers=h).status_code == 200  # nothing changed
        r = run(
            cli,
            ["--db", db, "users", "password", "cleo", "--password-stdin"],
            input="Violet-harbour-58\n",
        )
        assert r.exit_code == 0 and "1 token(s) revoked" in r.output
        assert c.get(f"{API}/auth/me", headers=h).status_code == 401
        for _ in range(LOCK_AFTER):
            assert _login(c, "cleo", "Wrong-password-1").status_code == 401
        assert _login(c, "cleo", "Violet-harbour-58").status_code == 401  # locked
        assert run(cli, ["--db", db, "users", "unlock", "cleo"]).exit_code == 0
        assert _login(c, "cleo", "Violet-harbour-58").status_code == 200
