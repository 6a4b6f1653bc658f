"""Passwords, login, lockout, token expiry and revocation, and the users CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
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
from materiel.access.login import LOCK_AFTER
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
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 60
    with write_session(engine) as s:
        user = s.scalars(select(User).where(User.username == "dana")).one()
        assert user.locked_until is not None
        s.execute(
            update(User)
            .where(User.id == user.id)
            .values(locked_until=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
    assert _login(c, "dana", PASSWORD).status_code == 200
    with read_session(engine) as s:
        assert s.scalars(select(User.failed_logins).where(User.username == "dana")).one() == 0


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
