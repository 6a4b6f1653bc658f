"""The REST API on SQLite and PostgreSQL: CRUD, lists, ETags, Idempotency-Key, errors."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from materiel.api import create_app
from materiel.api.readcache import ReadCache, Stamp
from materiel.api.routers import runs
from materiel.api.testing import make_client, seed, user_token
from materiel.db import read_session
from materiel.records import AuditEvent, Delivery, Pledge
from materiel.services import writer

API = "/api/v1"
NEED = {
    "recipient_code": "UKR",
    "item_code": "ammo.artillery.155mm",
    "quantity": 50,
    "priority": "high",
    "needed_by": "2026-03-01",
    "stated_on": "2026-02-01",
}


def _ctx(engine: Engine) -> Iterator[dict[str, Any]]:
    ids = seed(engine)
    tok = user_token(engine, "coord", "coordinator")
    with make_client(create_app(engine)) as client:
        client.headers["Authorization"] = f"Bearer {tok}"
        yield {"c": client, "ids": ids, "engine": engine}


@pytest.fixture
def ctx(engine: Engine) -> Iterator[dict[str, Any]]:
    """On SQLite and PostgreSQL: for behaviour that depends on the backend."""
    yield from _ctx(engine)


@pytest.fixture
def lite(sqlite_engine: Engine) -> Iterator[dict[str, Any]]:
    """SQLite only: for behaviour of the HTTP layer."""
    yield from _ctx(sqlite_engine)


def test_create_get_patch_delete_need(ctx: dict[str, Any]) -> None:
    c = ctx["c"]
    body = {**NEED, "ref": "N-2"}
    r = c.post(f"{API}/needs", json=body)
    assert r.status_code == 201, r.text
    need = r.json()
    assert need["version"] == 1 and r.headers["Location"].endswith(f"/needs/{need['id']}")
    r = c.get(f"{API}/needs/{need['id']}")
    assert r.status_code == 200 and r.json()["quantity"] == 50
    etag = r.headers["ETag"]
    # PATCH without If-Match: 428; with it: 200 and a new ETag; with the old one again: 412
    assert c.patch(f"{API}/needs/{need['id']}", json={"quantity": 60}).status_code == 428
    r = c.patch(f"{API}/needs/{need['id']}", json={"quantity": 60}, headers={"If-Match": etag})
    assert r.status_code == 200 and r.json()["quantity"] == 60 and r.json()["version"] == 2
    assert r.headers["ETag"] != etag
    r = c.patch(f"{API}/needs/{need['id']}", json={"quantity": 70}, headers={"If-Match": etag})
    assert r.status_code == 412
    assert r.headers["content-type"].startswith("application/problem+json")
    assert c.get(f"{API}/needs/{need['id']}").json()["quantity"] == 60  # no lost update
    # null for a required field is a validation error naming the field
    r = c.patch(f"{API}/needs/{need['id']}", json={"quantity": None}, headers={"If-Match": "*"})
    assert r.status_code == 422 and r.json()["field"] == "quantity"
    assert c.delete(f"{API}/needs/{need['id']}").status_code == 204
    assert c.get(f"{API}/needs/{need['id']}").status_code == 404
    with read_session(ctx["engine"]) as s:
        actors = set(s.scalars(select(AuditEvent.actor).where(AuditEvent.entity == "need")))
    assert "api:coord" in actors


def test_unversioned_records_use_content_etags(lite: dict[str, Any]) -> None:
    ctx = lite
    c = ctx["c"]
    r = c.get(f"{API}/nations/DEU")
    etag = r.headers["ETag"]
    r2 = c.patch(f"{API}/nations/DEU", json={"gdp_eur_bn": 4100.0}, headers={"If-Match": etag})
    assert r2.status_code == 200 and r2.headers["ETag"] != etag
    r3 = c.patch(f"{API}/nations/DEU", json={"gdp_eur_bn": 1.0}, headers={"If-Match": etag})
    assert r3.status_code == 412
    assert c.get(f"{API}/nations/DEU").json()["gdp_eur_bn"] == 4100.0


def test_list_filters_sort_and_cursor(lite: dict[str, Any]) -> None:
    ctx = lite
    c = ctx["c"]
    for i in range(7):
        body = {
            "ref": f"P-X{i}",
            "donor_code": "POL",
            "recipient_code": "UKR",
            "item_code": "ammo.artillery.155mm",
            "quantity": 10 + i,
            "announced_on": f"2026-02-{10 + i:02d}",
        }
        assert c.post(f"{API}/pledges", json=body).status_code == 201
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"donor_code": "POL", "sort": "-quantity", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = c.get(f"{API}/pledges", params=params).json()
        assert page["count"] == 7
        seen += [p["ref"] for p in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"P-X{i}" for i in reversed(range(7))]
    r = c.get(f"{API}/pledges", params={"announced_from": "2026-02-14", "item_prefix": "ammo"})
    assert sorted(p["ref"] for p in r.json()["items"]) == ["P-X4", "P-X5", "P-X6"]
    r = c.get(f"{API}/pledges", params={"sort": "-quantity", "cursor": "bogus"})
    assert r.status_code == 422 and r.json()["field"] == "cursor"
    assert c.get(f"{API}/pledges", params={"sort": "secret_column"}).status_code == 422


def test_deliveries_never_exceed_the_pledge_and_move_its_status(ctx: dict[str, Any]) -> None:
    c, pid = ctx["c"], ctx["ids"]["pledge"]
    r = c.post(
        f"{API}/pledges/{pid}/deliveries", json={"quantity": 600, "delivered_on": "2026-02-01"}
    )
    assert r.status_code == 201
    assert c.get(f"{API}/pledges/{pid}").json()["status"] == "delivering"
    r = c.post(
        f"{API}/pledges/{pid}/deliveries", json={"quantity": 401, "delivered_on": "2026-02-02"}
    )
    assert (
        r.status_code == 409
        and r.json()["field"] == "quantity"
        and "400 left" in r.json()["detail"]
    )
    r = c.post(
        f"{API}/deliveries", json={"pledge_id": pid, "quantity": 400, "delivered_on": "2026-02-02"}
    )
    assert r.status_code == 201
    assert c.get(f"{API}/pledges/{pid}").json()["status"] == "delivered"
    page = c.get(f"{API}/deliveries", params={"pledge_id": pid}).json()
    assert page["count"] == 2 and sum(d["quantity"] for d in page["items"]) == 1000


def test_transition_needs_if_match_and_refuses_illegal_steps(ctx: dict[str, Any]) -> None:
    c, pid = ctx["c"], ctx["ids"]["pledge"]
    url = f"{API}/pledges/{pid}/transition"
    assert c.post(url, json={"to": "committed"}).status_code == 428
    etag = c.get(f"{API}/pledges/{pid}").headers["ETag"]
    r = c.post(url, json={"to": "committed"}, headers={"If-Match": etag})
    assert r.status_code == 200 and r.json()["status"] == "committed"
    assert c.post(url, json={"to": "cancelled"}, headers={"If-Match": etag}).status_code == 412
    r = c.post(url, json={"to": "announced"}, headers={"If-Match": r.headers["ETag"]})
    assert r.status_code == 409 and "allowed next" in r.json()["detail"]


def test_idempotency_key_replays_the_first_response(ctx: dict[str, Any]) -> None:
    c, pid = ctx["c"], ctx["ids"]["pledge"]
    url = f"{API}/pledges/{pid}/deliveries"
    body = {"quantity": 10, "delivered_on": "2026-02-01"}
    first = c.post(url, json=body, headers={"Idempotency-Key": "abc-1"})
    again = c.post(url, json=body, headers={"Idempotency-Key": "abc-1"})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again.headers["Idempotent-Replayed"] == "true"
    other = c.post(url, json={**body, "quantity": 11}, headers={"Idempotency-Key": "abc-1"})
    assert other.status_code == 422 and other.json()["field"] == "Idempotency-Key"
    with read_session(ctx["engine"]) as s:
        assert s.scalar(select(func.count()).select_from(Delivery)) == 1


def test_problem_documents(lite: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = lite
    c = ctx["c"]
    r = c.post(f"{API}/pledges", json={"ref": "P-9", "donor_code": "deu"})
    body = r.json()
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert {"type", "title", "status", "detail", "field", "errors"} <= set(body)
    r = c.post(
        f"{API}/pledges",
        json={
            "ref": "P-9",
            "donor_code": "XXX",
            "recipient_code": "UKR",
            "item_code": "ammo.artillery.155mm",
            "quantity": 5,
            "announced_on": "2026-01-01",
        },
    )
    assert r.status_code == 409 and r.json()["field"] == "donor_code"
    assert c.get(f"{API}/pledges/999999").status_code == 404
    r = c.get(f"{API}/pledges", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"
    # a referenced record cannot be deleted: 409, not 500
    assert c.delete(f"{API}/nations/DEU").status_code == 409
    # the brief: 501 until materiel.brief offers render_html, then its HTML
    url = f"{API}/meetings/{ctx['ids']['meeting']}/brief"
    monkeypatch.setattr(runs, "brief_module", lambda: None)
    r = c.get(url)
    assert r.status_code == 501 and r.json()["detail"] == "brief not available yet"
    fake = types.SimpleNamespace(
        render_html=lambda engine, mid, viewer=None: f"<h1>Brief {mid}</h1>"
    )
    monkeypatch.setattr(runs, "brief_module", lambda: fake)
    r = c.get(url)
    assert r.status_code == 200 and r.text == f"<h1>Brief {ctx['ids']['meeting']}</h1>"
    assert r.headers["content-type"].startswith("text/html")


def test_nested_collections_and_totals(lite: dict[str, Any]) -> None:
    ctx = lite
    c, ids = ctx["c"], ctx["ids"]
    url = f"{API}/production-lines/{ids['line']}/ramp-steps"
    r = c.post(url, json={"effective_from": "2026-06-01", "weekly_capacity": 2000})
    assert r.status_code == 201 and r.json()["line_code"] == "L-1"
    assert c.get(url).json()["count"] == 1
    r = c.post(
        f"{API}/funds/{ids['fund']}/members", json={"nation_code": "DEU", "contribution": 5e8}
    )
    assert r.status_code == 201 and r.json()["fund_code"] == "F-1"
    r = c.post(f"{API}/funds/{ids['fund']}/items", json={"item_code": "ammo.artillery.155mm"})
    assert r.status_code == 201
    r = c.get(f"{API}/stock-reports/totals", params={"as_of": "2026-06-01"})
    assert r.json() == [
        {
            "alliance": "NATO",
            "item_code": "ammo.artillery.155mm",
            "quantity": 30000,
            "nations": 2,
            "as_of": "2026-06-01",
        }
    ]
    assert c.get(f"{API}/stock-reports/totals", params={"as_of": "2025-01-01"}).json() == []


def test_audit_endpoints_for_admins(lite: dict[str, Any]) -> None:
    ctx = lite
    c, engine = ctx["c"], ctx["engine"]
    assert c.get(f"{API}/audit").status_code == 403  # coordinators do not read the trail
    admin = user_token(engine, "root", "admin")
    h = {"Authorization": f"Bearer {admin}"}
    page = c.get(f"{API}/audit", params={"limit": 5, "entity": "pledge"}, headers=h).json()
    assert page["count"] == 2 and all(e["entity"] == "pledge" for e in page["items"])
    v = c.get(f"{API}/audit/verify", headers=h).json()
    assert v["ok"] is True and v["events"] > 10 and v["head"].startswith(f"{v['events']}:")
    with read_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Pledge)) == 2


def test_cached_reads_follow_writes_made_elsewhere(lite: dict[str, Any]) -> None:
    ctx = lite
    """GET answers are cached against the audit head: a write by another process (here the
    services layer directly, like the CLI) is visible on the next request."""
    c, engine, pid = ctx["c"], ctx["engine"], ctx["ids"]["pledge"]
    before = c.get(f"{API}/pledges").json()["count"]
    assert c.get(f"{API}/pledges").json()["count"] == before  # served from the cache
    assert c.get(f"{API}/pledges/{pid}").json()["quantity"] == 1000
    with writer(engine, "elsewhere") as w:
        w.update(w.get(Pledge, id=pid), quantity=1500)
        w.create(
            Pledge,
            ref="P-NEW",
            donor_code="POL",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=3,
            announced_on=dt.date(2026, 1, 1),
        )
    assert c.get(f"{API}/pledges").json()["count"] == before + 1
    r = c.get(f"{API}/pledges/{pid}")
    assert r.json()["quantity"] == 1500 and r.headers["ETag"] == f'"{pid}-2"'


def test_cached_fast_path_respects_roles_and_logout(lite: dict[str, Any]) -> None:
    c, engine = lite["c"], lite["engine"]
    cache = c.app.state.read_cache
    url = f"{API}/pledges?limit=10"
    full = c.get(url).json()
    hits = cache.hits
    assert c.get(url).json() == full and cache.hits == hits + 1  # answered from the cache
    assert full["count"] == 2  # the coordinator sees the confidential pledge
    donor = {"Authorization": f"Bearer {user_token(engine, 'dana', 'donor', 'DEU')}"}
    assert c.get(url, headers=donor).json()["count"] == 1  # same URL, other role: no leak
    assert c.get(url, headers=donor).json()["count"] == 1
    assert c.post(f"{API}/auth/logout").status_code == 204
    assert c.get(url).status_code == 401  # a revoked token is never served from the cache


def test_read_cache_is_bounded_and_versioned() -> None:
    class Probe:
        head = (1, "h")

        def __call__(self) -> tuple[int, str]:
            return self.head

        def seqs(self, tables: frozenset[str]) -> tuple[tuple[str, int], ...]:
            return (("pledge", 2),)

    probe = Probe()
    cache = ReadCache(size=3, max_bytes=10)
    for i in range(5):
        cache.put(i, Stamp((1, "h"), None), b"abcd", {})
    assert cache.bytes <= 10 and not cache.has(0) and cache.has(4)
    assert cache.get(4, probe) == (b"abcd", {})  # type: ignore[arg-type]
    probe.head = (2, "h2")  # a newer audit head: an answer that may read anything is stale
    assert cache.get(4, probe) is None  # type: ignore[arg-type]
    # an answer read from known tables stays valid while those tables are unchanged
    cache.put(5, Stamp((1, "h"), frozenset({"pledge"}), (("pledge", 2),)), b"ab", {})
    assert cache.get(5, probe) == (b"ab", {}) and cache.revalidated == 1  # type: ignore[arg-type]
    cache.put(6, Stamp((1, "h"), frozenset({"pledge"}), (("pledge", 1),)), b"ab", {})
    assert cache.get(6, probe) is None  # type: ignore[arg-type]
    assert ReadCache(size=0).get(1, probe) is None  # type: ignore[arg-type]


def test_a_deleted_records_id_and_etag_are_never_given_again(ctx: dict[str, Any]) -> None:
    """Issue 18 #13: on SQLite a new need used to take the id of the need just deleted, so
    the deleted one's stale ETag "<id>-1" updated the new record. Ids now never repeat."""
    c = ctx["c"]
    body = {**NEED, "ref": "N-OLD"}
    old = c.post(f"{API}/needs", json=body)
    stale = old.headers["ETag"]
    assert stale == f'"{old.json()["id"]}-1"'
    assert c.delete(f"{API}/needs/{old.json()['id']}").status_code == 204
    new = c.post(f"{API}/needs", json={**body, "ref": "N-NEW"})
    assert new.status_code == 201 and new.json()["id"] > old.json()["id"]
    assert new.headers["ETag"] != stale
    r = c.patch(
        f"{API}/needs/{old.json()['id']}", json={"quantity": 1}, headers={"If-Match": stale}
    )
    assert r.status_code == 404
    r = c.patch(
        f"{API}/needs/{new.json()['id']}", json={"quantity": 1}, headers={"If-Match": stale}
    )
    assert r.status_code == 412
    assert c.get(f"{API}/needs/{new.json()['id']}").json()["quantity"] == 50


def test_a_delivery_dated_9999_is_invalid(ctx: dict[str, Any]) -> None:
    """Issue 18 (also): dates outside 1990..2099 are refused (422 naming the field), so a
    delivery dated 9999 cannot make a pledge delivered."""
    c, pid = ctx["c"], ctx["ids"]["pledge"]
    for day in ("9999-12-31", "0001-01-01"):
        r = c.post(f"{API}/pledges/{pid}/deliveries", json={"quantity": 1000, "delivered_on": day})
        assert r.status_code == 422 and r.json()["field"] == "delivered_on", r.text
    assert c.get(f"{API}/pledges/{pid}").json()["status"] == "announced"
    r = c.post(
        f"{API}/pledges/{pid}/deliveries", json={"quantity": 1, "delivered_on": "2026-01-06"}
    )
    assert r.status_code == 201


def test_a_taken_ref_answers_alike_whether_or_not_its_record_is_visible(
    ctx: dict[str, Any],
) -> None:
    """Issue 18 #15: creating a pledge with the ref of a confidential pledge hidden from the
    caller answered 409 (and any "already taken" confirms the hidden record). A nation's
    users now name what they create in their own namespace (``DEU-...``): a ref outside it
    is refused in the same words whether or not a hidden record holds it, and inside it a
    donor can only meet its own records, which it sees."""
    c = ctx["c"]
    donor = {"Authorization": f"Bearer {user_token(ctx['engine'], 'dora', 'donor', 'DEU')}"}
    body = {
        "donor_code": "DEU",
        "recipient_code": "UKR",
        "item_code": "ammo.artillery.155mm",
        "quantity": 5,
        "announced_on": "2026-01-05",
    }
    assert c.get(f"{API}/pledges/{ctx['ids']['secret']}", headers=donor).status_code == 404
    hidden = c.post(f"{API}/pledges", json={**body, "ref": "P-FRA"}, headers=donor)
    unused = c.post(f"{API}/pledges", json={**body, "ref": "P-NONE"}, headers=donor)
    assert hidden.status_code == unused.status_code == 422
    h, u = hidden.json(), unused.json()
    assert h["field"] == u["field"] == "ref"
    assert "'DEU-'" in h["detail"]
    assert h["detail"].replace("P-FRA", "<ref>") == u["detail"].replace("P-NONE", "<ref>")
    for word in ("FRA", "confidential", "UNIQUE", "uq_", "Key (", "500"):
        assert word not in h["detail"].replace("P-FRA", ""), word
    own = c.post(f"{API}/pledges", json={**body, "ref": "DEU-P-1"}, headers=donor)
    assert own.status_code == 201, own.text
    again = c.post(f"{API}/pledges", json={**body, "ref": "DEU-P-1"}, headers=donor)
    assert again.status_code == 409  # its own record, which it sees
    with read_session(ctx["engine"]) as s:
        assert s.scalar(select(func.count()).select_from(Pledge)) == 3
