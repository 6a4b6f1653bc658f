"""Safety of what a browser keeps (issue 16): no page or API answer is stored by the
browser (``Cache-Control: no-store``), so Back after "Sign out" shows nothing from a cache;
the static assets alone may be cached; /docs is Swagger UI from this site's own assets (no
CDN), under a Content-Security-Policy that allows this site only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from materiel import migrations
from materiel.api.crud import API
from materiel.api.testing import ROLES, make_client, seed, user_token
from materiel.app import create_app
from materiel.db import get_engine
from materiel.web.session import SESSION_COOKIE

PAGES = ["/", "/needs", "/pledges", "/stockpiles", "/procurement", "/meetings", "/plan"]
API_PATHS = [f"{API}/needs", f"{API}/figures", f"{API}/pledges", f"{API}/meetings"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    engine = get_engine(tmp_path_factory.mktemp("safety") / "s.db", fresh=True)
    migrations.upgrade(engine)
    seed(engine)
    tokens = {u: user_token(engine, u, role, nation) for u, (role, nation) in ROLES.items()}
    with make_client(create_app(engine, job_workers=1)) as client:
        yield {"client": client, "tokens": tokens}
    engine.dispose()


def _page(site: dict[str, Any], user: str | None, path: str) -> Any:
    c = site["client"]
    c.cookies.clear()
    if user is not None:
        c.cookies.set(SESSION_COOKIE, site["tokens"][user])
    return c.get(path, follow_redirects=False)


@pytest.mark.parametrize("user", ["coord", "donor", "analyst"])
def test_pages_are_never_stored(site: dict[str, Any], user: str) -> None:
    for path in PAGES:
        r = _page(site, user, path)
        assert r.status_code in (200, 403), (path, r.status_code)
        assert r.headers.get_list("cache-control") == ["no-store"], (user, path)


def test_api_answers_are_never_stored(site: dict[str, Any]) -> None:
    c = site["client"]
    c.cookies.clear()
    auth = {"Authorization": f"Bearer {site['tokens']['donor']}"}
    for path in API_PATHS:
        # twice: the second answer comes from the read cache's fast path
        for _ in range(2):
            r = c.get(path, headers=auth)
            assert r.status_code == 200, (path, r.text[:200])
            assert r.headers.get_list("cache-control") == ["no-store"], path
    # refusals and the login page too
    assert c.get(f"{API}/needs").headers["cache-control"] == "no-store"
    assert _page(site, None, "/login").headers["cache-control"] == "no-store"
    # a handler's own weaker policy is replaced, not doubled
    r = _page(site, "coord", "/no-such-page")
    assert r.headers.get_list("cache-control") == ["no-store"]


def test_static_assets_may_be_cached(site: dict[str, Any]) -> None:
    for path in ("/static/style.css", "/docs/assets/swagger-ui.css"):
        r = _page(site, None, path)
        assert r.status_code == 200, path
        assert "no-store" not in r.headers.get("cache-control", ""), path


def test_docs_are_served_from_this_site(site: dict[str, Any]) -> None:
    r = _page(site, None, "/docs")
    assert r.status_code == 200
    html = r.text
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs, html
    assert all(ref.startswith("/") and not ref.startswith("//") for ref in refs), refs
    assert "http://" not in html and "https://" not in html
    for ref in refs:
        asset = _page(site, None, ref)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 100, ref
    start = _page(site, None, "/docs/start.js").text
    assert f'"{API}/openapi.json"' in start and "validatorUrl: null" in start
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    script = re.search(r"script-src ([^;]+)", csp)
    assert script is not None and script.group(1).strip() == "'self'"
    assert _page(site, None, f"{API}/openapi.json").json()["openapi"].startswith("3.")
