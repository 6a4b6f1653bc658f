"""POST /api/v1/ingest and the drafts review queue over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from materiel.api import create_app
from materiel.api.testing import make_client, seed, user_token
from materiel.db import read_session
from materiel.ingest import service
from materiel.records import IngestDraft, Pledge

API = "/api/v1"
TEXT = (
    "Germany announced a new package for Ukraine on 3 March 2026, including "
    "75,000 rounds of 155mm ammunition."
)


@pytest.fixture
def api(sqlite_engine: Engine) -> Iterator[tuple[Any, dict[str, dict[str, str]]]]:
    seed(sqlite_engine)
    heads = {
        who: {"Authorization": f"Bearer {user_token(sqlite_engine, who, role, nation)}"}
        for who, role, nation in [
            ("coord", "coordinator", None),
            ("donor", "donor", "DEU"),
            ("analyst", "analyst", None),
        ]
    }
    with make_client(create_app(sqlite_engine)) as c:
        yield c, heads


def test_text_becomes_drafts_with_spans(api: tuple[Any, dict[str, dict[str, str]]]) -> None:
    c, h = api
    r = c.post(f"{API}/ingest", json={"text": TEXT, "source_name": "note.txt"}, headers=h["coord"])
    assert r.status_code == 201, r.text
    body = r.json()
    pledges = [d for d in body["drafts"] if d["kind"] == "pledge"]
    assert body["count"] == len(body["drafts"]) >= 1
    p = next(d for d in pledges if d["fields"].get("quantity") == 75000)
    assert p["fields"]["donor"] == "DEU"
    assert p["fields"]["category"] == "artillery-ammunition"
    assert "75,000 rounds of 155mm ammunition" in p["evidence"]
    listed = c.get(f"{API}/ingest/drafts", headers=h["coord"]).json()
    assert p["id"] in {d["id"] for d in listed}


def test_accept_creates_the_pledge_with_provenance(
    api: tuple[Any, dict[str, dict[str, str]]], sqlite_engine: Engine
) -> None:
    c, h = api
    drafts = c.post(f"{API}/ingest", json={"text": TEXT}, headers=h["coord"]).json()["drafts"]
    draft = next(d for d in drafts if d["fields"].get("quantity") == 75000)
    r = c.post(
        f"{API}/ingest/drafts/{draft['id']}/accept",
        json={"overrides": {"ref": "P-READ-1", "item": "ammo.artillery.155mm"}},
        headers=h["coord"],
    )
    assert r.status_code == 201, r.text
    assert r.json()["record_key"] == "P-READ-1"
    with read_session(sqlite_engine) as s:
        pledge = s.scalars(select(Pledge).where(Pledge.ref == "P-READ-1")).one()
        assert pledge.quantity == 75000 and pledge.donor_code == "DEU"
        assert pledge.source_quote and "75,000 rounds" in pledge.source_quote
    again = c.post(f"{API}/ingest/drafts/{draft['id']}/accept", json={}, headers=h["coord"])
    assert again.status_code in (409, 422)
    assert "already accepted" in again.json()["detail"]


def test_reject_and_edit(api: tuple[Any, dict[str, dict[str, str]]]) -> None:
    c, h = api
    drafts = c.post(f"{API}/ingest", json={"text": TEXT}, headers=h["coord"]).json()["drafts"]
    did = drafts[0]["id"]
    edited = c.patch(
        f"{API}/ingest/drafts/{did}", json={"fields": {"quantity": "70000"}}, headers=h["coord"]
    )
    assert edited.status_code == 200 and edited.json()["fields"]["quantity"] == 70000
    rejected = c.post(f"{API}/ingest/drafts/{did}/reject", headers=h["coord"])
    assert rejected.json()["status"] == "rejected"
    assert c.get(f"{API}/ingest/drafts/999999", headers=h["coord"]).status_code == 404
    # the service says NotFound itself: every draft route answers 404, not 409
    for method, path in (
        ("patch", "/ingest/drafts/999999"),
        ("post", "/ingest/drafts/999999/accept"),
        ("post", "/ingest/drafts/999999/reject"),
    ):
        body = {"fields": {"quantity": "1"}} if method == "patch" else {}
        r = c.request(method.upper(), f"{API}{path}", json=body, headers=h["coord"])
        assert r.status_code == 404 and "no draft with id 999999" in r.json()["detail"], path


def test_upload_and_refusals(
    api: tuple[Any, dict[str, dict[str, str]]], sqlite_engine: Engine
) -> None:
    c, h = api
    r = c.post(
        f"{API}/ingest/upload",
        files={"file": ("note.html", f"<html><body><p>{TEXT}</p></body></html>", "text/html")},
        headers=h["coord"],
    )
    assert r.status_code == 201, r.text
    assert r.json()["drafts"][0]["source_name"] == "note.html"
    assert r.json()["already_read"] is False
    again = c.post(
        f"{API}/ingest/upload",
        files={"file": ("note.html", f"<html><body><p>{TEXT}</p></body></html>", "text/html")},
        headers=h["coord"],
    ).json()
    assert again["already_read"] is True
    assert [d["id"] for d in again["drafts"]] == [d["id"] for d in r.json()["drafts"]]
    bad = c.post(
        f"{API}/ingest/upload",
        files={"file": ("x.pdf", b"%PDF-1.4 garbage", "application/pdf")},
        headers=h["coord"],
    )
    assert bad.status_code == 422 and bad.headers["content-type"].startswith(
        "application/problem+json"
    )
    with read_session(sqlite_engine) as s:
        before = s.scalar(select(func.count()).select_from(IngestDraft))
    for who in ("donor", "analyst"):
        assert c.post(f"{API}/ingest", json={"text": TEXT}, headers=h[who]).status_code == 403
        assert c.get(f"{API}/ingest/drafts", headers=h[who]).status_code == 403
    with read_session(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(IngestDraft)) == before


def test_announcements_longer_than_the_cap_are_refused_unread(
    api: tuple[Any, dict[str, dict[str, str]]],
    sqlite_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 18 (also): an announcement is at most MAX_TEXT characters, through the API (text
    or file) and the service; the reader never sees a longer one."""
    c, h = api
    read: list[int] = []
    real = service.Extractor.read

    def spy(self: Any, text: str, **kw: Any) -> Any:
        read.append(len(text))
        return real(self, text, **kw)

    monkeypatch.setattr(service.Extractor, "read", spy)
    long = (TEXT + " ") * (service.MAX_TEXT // len(TEXT))
    assert len(long) > service.MAX_TEXT
    r = c.post(f"{API}/ingest", json={"text": long}, headers=h["coord"])
    assert r.status_code == 422 and r.json()["field"] == "text"
    files = {"file": ("long.txt", long.encode(), "text/plain")}
    r = c.post(f"{API}/ingest/upload", files=files, headers=h["coord"])
    assert r.status_code == 422 and "split it" in r.json()["detail"]
    with pytest.raises(service.TextTooLong):
        service.read_into_drafts(sqlite_engine, long, source_name="x", actor="test")
    assert read == []
    with read_session(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(IngestDraft)) == 0
    r = c.post(f"{API}/ingest", json={"text": long[: service.MAX_TEXT]}, headers=h["coord"])
    assert r.status_code == 201 and read == [service.MAX_TEXT]


def test_reading_the_same_text_again_says_so_and_adds_nothing(
    api: tuple[Any, dict[str, dict[str, str]]], sqlite_engine: Engine
) -> None:
    c, h = api
    first = c.post(f"{API}/ingest", json={"text": TEXT}, headers=h["coord"]).json()
    assert first["already_read"] is False
    with read_session(sqlite_engine) as s:
        before = s.scalar(select(func.count()).select_from(IngestDraft))
    again = c.post(f"{API}/ingest", json={"text": TEXT}, headers=h["coord"]).json()
    assert again["already_read"] is True
    assert [d["id"] for d in again["drafts"]] == [d["id"] for d in first["drafts"]]
    with read_session(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(IngestDraft)) == before
