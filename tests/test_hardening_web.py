"""Web security, one test each: CSRF on forms, cookie flags, security headers, no SQL built
from strings, injection attempts stored verbatim and harmless, password policy and
lockout, tokens and passwords never logged."""

from __future__ import annotations

import ast
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, inspect, select

from materiel.access import WeakPassword, check_policy
from materiel.access.login import LOCK_AFTER, REFUSED
from materiel.api.testing import PASSWORD, user_token
from materiel.db import read_session
from materiel.io import import_files
from materiel.records import ApiToken, AuditEvent, Need, User
from materiel.services import verify_chain
from materiel.testing import as_user, csrf_of, web_site
from materiel.web.session import LOGIN_COOKIE, SESSION_COOKIE

SRC = Path(__file__).resolve().parents[1] / "src" / "materiel"
API = "/api/v1"
INJECTIONS = [
    "x'); DROP TABLE need; --",
    "' OR '1'='1",
    '"; DELETE FROM pledge WHERE ""="',
    "1; SELECT pg_sleep(5)",
    "%' OR 1=1 --",
    "\\'; --",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with web_site(tmp_path_factory.mktemp("websec") / "web.db") as s:
        yield s


def count(engine: Engine, model: Any) -> int:
    with read_session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def need_form(csrf: str | None, ref: str) -> dict[str, str]:
    form = {
        "ref": ref,
        "recipient_code": "UKR",
        "item_code": "ammo.artillery.155mm",
        "quantity": "10",
        "priority": "high",
        "needed_by": "2026-06-01",
        "stated_on": "2026-01-05",
        "source": "csrf test",
    }
    if csrf is not None:
        form["csrf"] = csrf
    return form


def test_csrf_refuses_forms_without_the_session_token(site: dict[str, Any]) -> None:
    engine = site["engine"]
    c = as_user(site, "coord")
    good = csrf_of(c.get("/needs").text)
    other = csrf_of(as_user(site, "admin").get("/needs").text)  # another session's token
    c = as_user(site, "coord")
    needs, events = count(engine, Need), count(engine, AuditEvent)
    for token in (None, "", "0" * 64, other, good[:-1] + ("0" if good[-1] != "0" else "1")):
        r = c.post("/needs", data=need_form(token, "N-CSRF"))
        assert r.status_code == 403, (token, r.status_code)
        assert "CSRF" in r.text
    # every other form of the dashboard, too
    for path in ("/pledges", "/pledges/deliveries", "/plan", "/risk", "/logout"):
        r = c.post(path, data={"csrf": other, "ref": "P-CSRF", "quantity": "1"})
        assert r.status_code == 403 and "CSRF" in r.text, (path, r.status_code)
        assert c.post(path, data={"ref": "P-CSRF"}).status_code == 403, path
    assert as_user(site, "coord").get("/").status_code == 200  # logout was refused
    c = as_user(site, "coord")
    # the login form too: no pre-login cookie, or a token of another nonce
    c.cookies.clear()
    r = c.post("/login", data={"username": "coord", "password": PASSWORD, "csrf": "x"})
    assert r.status_code == 403 and SESSION_COOKIE not in r.cookies
    assert (count(engine, Need), count(engine, AuditEvent)) == (needs, events)
    # the right token works (so the refusals above were the CSRF check)
    c = as_user(site, "coord")
    r = c.post("/needs", data=need_form(good, "N-CSRF"), follow_redirects=False)
    assert r.status_code in (200, 303), r.text
    assert count(engine, Need) == needs + 1


def test_cookies_are_httponly_samesite_and_secure_over_https(site: dict[str, Any]) -> None:
    c = as_user(site, None)
    page = c.get("/login")
    nonce = page.headers["set-cookie"]
    assert LOGIN_COOKIE in nonce and "httponly" in nonce.lower() and "samesite=lax" in nonce.lower()
    data = {"username": "analyst", "password": PASSWORD, "csrf": csrf_of(page.text)}
    r = c.post("/login", data=data, follow_redirects=False)
    assert r.status_code == 303
    cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE))
    flags = [f.strip().lower() for f in cookie.split(";")]
    assert "httponly" in flags and "samesite=lax" in flags and "path=/" in flags
    assert "secure" not in flags  # plain http on loopback
    # behind a TLS-terminating proxy the cookie is Secure
    c.cookies.clear()
    https = {"X-Forwarded-Proto": "https"}
    page = c.get("/login", headers=https)
    assert "secure" in page.headers["set-cookie"].lower()
    nonce_value = page.headers["set-cookie"].split(";")[0]  # a client over http keeps no
    c.cookies.clear()  # Secure cookie: send it by hand, as the browser would over https
    r = c.post(
        "/login",
        data={"username": "analyst", "password": PASSWORD, "csrf": csrf_of(page.text)},
        headers={**https, "Cookie": nonce_value},
        follow_redirects=False,
    )
    cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE))
    assert "secure" in [f.strip().lower() for f in cookie.split(";")]
    # the API never sets a cookie: its token travels in the Authorization header only
    r = c.post(f"{API}/auth/login", json={"username": "analyst", "password": PASSWORD})
    assert r.status_code == 200 and "set-cookie" not in r.headers


def test_security_headers(site: dict[str, Any]) -> None:
    c = as_user(site, "coord")
    for path in ("/", "/login", "/needs", "/static/poll.js", f"{API}/needs", "/no-such-page"):
        r = c.get(path)
        h = r.headers
        assert h["x-content-type-options"] == "nosniff", path
        assert h["x-frame-options"] == "DENY", path
        assert h["referrer-policy"] in ("same-origin", "no-referrer", "strict-origin"), path
        if not path.startswith(API):
            csp = h["content-security-policy"]
            assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, path
            script = re.search(r"script-src ([^;]+)", csp)
            assert "'unsafe-inline'" not in (script.group(1) if script else csp), path


# -- no SQL built from strings ---------------------------------------------------------------
SQL_CALLS = {"text", "execute", "exec_driver_sql", "executescript", "executemany"}
# Strings assembled into SQL that are safe, as "file: call": identifiers from our own
# metadata or constants, never user input.
ALLOWED = {
    # a constant query on the audit table's own name (the API's read-cache check)
    "api/readcache.py: conn.exec_driver_sql(_HEAD_SQL)",
    "api/readcache.py: self._conn().execute(_HEAD_SQL)",  # the same, on SQLite's own driver
    # the newest event per table: only "?" marks are formatted in; the names are bound
    "api/readcache.py: self._conn().execute(sql, sorted(tables))",
    # DDL for the soak test's own scratch database: a generated name (identifiers cannot
    # be bind parameters)
    """ops/soak.py: text(f'CREATE DATABASE "{name}"')""",
    """ops/soak.py: text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')""",
    # the same for the import benchmark's scratch database
    """bench/imports.py: text(f'CREATE DATABASE "{name}"')""",
    """bench/imports.py: text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')""",
}


def _built(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.JoinedStr)
        or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add))
        or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        )
    )


def scan(source: str, label: str) -> list[str]:
    """Calls that pass SQL assembled from strings (f-string, %, +, .format, or a name
    assigned from one) to text() / execute() / exec_driver_sql()."""
    tree = ast.parse(source)
    found = []
    built_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _built(node.value):
            built_names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
        if name not in SQL_CALLS:
            continue
        arg = node.args[0]
        if _built(arg) or (isinstance(arg, ast.Name) and arg.id in built_names):
            call = f"{label}: {ast.get_source_segment(source, node)}"
            if call not in ALLOWED:
                found.append(f"{call} (line {node.lineno})")
    return found


def test_no_sql_is_built_from_strings() -> None:
    bad = (
        "s.execute(text(f'SELECT * FROM need WHERE ref = {ref}'))\n"
        "c.exec_driver_sql('DELETE FROM pledge WHERE id = %s' % pid)\n"
        "q = 'SELECT ' + cols\nc.execute(q)\n"
        "s.execute(text('SELECT 1 WHERE x = {}'.format(v)))\n"
        "s.execute(text('SELECT :x'), {'x': v})\n"
    )
    assert len(scan(bad, "sample")) == 4  # the scan sees each pattern (and not bind params)
    found = []
    for path in sorted(SRC.rglob("*.py")):
        found += scan(path.read_text(encoding="utf-8"), str(path.relative_to(SRC)))
    assert not found, "SQL built from strings (bind parameters instead):\n" + "\n".join(found)


def test_injection_attempts_are_stored_verbatim_and_harmless(
    site: dict[str, Any], tmp_path: Path
) -> None:
    engine = site["engine"]
    c = as_user(site, None)
    coord = {"Authorization": f"Bearer {site['tokens']['coord']}"}
    tables = set(inspect(engine).get_table_names())
    for i, evil in enumerate(INJECTIONS):
        body = {
            "ref": f"N-INJ-{i}",
            "recipient_code": "UKR",
            "item_code": "ammo.artillery.155mm",
            "quantity": 5,
            "priority": "routine",
            "needed_by": "2026-06-01",
            "stated_on": "2026-01-05",
            "source": evil,
            "note": evil,
        }
        r = c.post(f"{API}/needs", json=body, headers=coord)
        assert r.status_code == 201, r.text
        got = c.get(f"{API}/needs/{r.json()['id']}", headers=coord).json()
        assert got["note"] == evil and got["source"] == evil
        # as filter values: no error, no match, nothing changed
        for param in ("recipient_code", "priority", "item_code"):
            r = c.get(f"{API}/needs", params={param: evil}, headers=coord)
            assert r.status_code in (200, 422), r.text
            if r.status_code == 200:
                assert r.json()["count"] == 0
    # and through an import
    csv = tmp_path / "needs.csv"
    rows = [
        "ref,recipient_code,item_code,quantity,priority,needed_by,stated_on,source,note",
        *(
            f'N-IMP-{i},UKR,ammo.artillery.155mm,3,high,2026-06-01,2026-01-05,"'
            + evil.replace('"', '""')
            + '",x'
            for i, evil in enumerate(INJECTIONS)
        ),
    ]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = import_files(engine, [csv])
    assert result.ok, result.issues
    with read_session(engine) as s:
        stored = {n.ref: n.source for n in s.scalars(select(Need).where(Need.ref.like("N-IMP-%")))}
        assert stored == {f"N-IMP-{i}": e for i, e in enumerate(INJECTIONS)}
        assert verify_chain(s).ok
    assert set(inspect(engine).get_table_names()) == tables


def test_password_policy_and_lockout(site: dict[str, Any]) -> None:
    for weak in ("short1A", "alllowercaseletters", "123456789012", "aaaaaaaaaaaA", "x" * 2000):
        with pytest.raises(WeakPassword):
            check_policy(weak)
    check_policy("Correct-horse-42")
    c = as_user(site, None)
    admin = {"Authorization": f"Bearer {site['tokens']['admin']}"}
    r = c.post(
        f"{API}/users",
        json={"username": "weakling", "password": "password", "role": "analyst"},
        headers=admin,
    )
    assert r.status_code == 422 and "weakling" not in {u["username"] for u in _users(c, admin)}
    # lockout: five failures, then even the right password is refused for a while
    user_token(site["engine"], "target", "analyst")
    for _ in range(LOCK_AFTER):
        r = c.post(f"{API}/auth/login", json={"username": "target", "password": "Wrong-pass-99"})
        assert r.status_code == 401
    r = c.post(f"{API}/auth/login", json={"username": "target", "password": PASSWORD})
    # refused like an unknown user (no hint that the account exists or is locked)
    assert r.status_code == 401 and r.json()["detail"] == REFUSED
    assert "retry-after" not in r.headers
    with read_session(site["engine"]) as s:
        user = s.scalars(select(User).where(User.username == "target")).one()
        assert user.locked_until is not None
    # the web login shows the same refusal
    page = c.get("/login")
    r = c.post(
        "/login",
        data={"username": "target", "password": PASSWORD, "csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert r.status_code == 401 and SESSION_COOKIE not in r.cookies
    assert REFUSED in r.text


def _users(c: Any, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = c.get(f"{API}/users", headers=headers, params={"limit": 500})
    assert r.status_code == 200
    items: list[dict[str, Any]] = r.json()["items"]
    return items


def test_tokens_and_passwords_are_never_logged(
    site: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Very-secret-pass-77"
    user_token(site["engine"], "logged", "coordinator", password=secret)
    c = as_user(site, None)
    seen: list[str] = []
    with caplog.at_level(logging.DEBUG):
        r = c.post(f"{API}/auth/login", json={"username": "logged", "password": secret})
        token = r.json()["access_token"]
        seen.append(token)
        h = {"Authorization": f"Bearer {token}"}
        assert c.get(f"{API}/needs", headers=h).status_code == 200
        r = c.post(f"{API}/auth/tokens", json={"name": "script", "days": 5}, headers=h)
        assert r.status_code == 201
        seen.append(r.json()["token"])
        c.post(f"{API}/auth/login", json={"username": "logged", "password": secret + "x"})
        page = c.get("/login")
        c.post(
            "/login",
            data={"username": "logged", "password": secret, "csrf": csrf_of(page.text)},
        )
        seen.append(c.cookies.get(SESSION_COOKIE) or "")
        c.get(f"{API}/needs", headers={"Authorization": "Bearer mat_forged-token-value"})
        assert c.post(f"{API}/auth/logout", headers=h).status_code == 204
    logged = "\n".join(
        f"{rec.getMessage()} {rec.exc_text or ''} {rec.args!r}" for rec in caplog.records
    )
    assert all(seen), "every token was issued"
    for value in (*seen, secret, "mat_forged-token-value"):
        assert value not in logged
    # nor stored: tokens only as hashes, passwords only as argon2 hashes, neither audited
    with read_session(site["engine"]) as s:
        hashes = set(s.scalars(select(ApiToken.token_hash)))
        trail = json.dumps(
            [[e.before, e.after] for e in s.scalars(select(AuditEvent))], default=str
        )
        pw = s.scalars(select(User.password_hash).where(User.username == "logged")).one()
    for value in (*seen, secret):
        assert value not in hashes and value not in trail
    assert pw.startswith("$argon2") and secret not in pw
