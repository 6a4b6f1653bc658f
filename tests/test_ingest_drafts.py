"""The drafts review queue: read into drafts, edit, accept (record with provenance), reject."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from materiel.db import read_session
from materiel.ingest import service
from materiel.records import AuditEvent, Fund, FundItem, IngestDraft, Item, Nation, Need, Pledge
from materiel.services import NotFound, RuleViolation, verify_chain, writer

TEXT = (
    "The Pentagon announced a $325 million package for Ukraine on June 9, 2023. It includes "
    "75,000 rounds of 155mm ammunition and 18 155mm howitzers. 1 billion dollars was earmarked "
    "this year for 155 mm ammunition. President Zelensky said Ukraine needs 25 Patriot systems."
)


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    with writer(engine, actor="test") as w:
        for code, name in (("USA", "United States"), ("UKR", "Ukraine")):
            w.create(Nation, code=code, name=name)
        for code, name, cat, cal in (
            ("ammo.artillery.155mm", "155mm artillery shell", "artillery-ammunition", "155mm"),
            ("ammo.artillery.105mm", "105mm artillery shell", "artillery-ammunition", "105mm"),
            ("arty.howitzer.m777", "M777 howitzer", "artillery-system", "155mm"),
            ("arty.howitzer.pzh2000", "PzH 2000", "artillery-system", "155mm"),
            ("ad.patriot", "Patriot battery", "air-defence-system", None),
        ):
            w.create(
                Item,
                code=code,
                name=name,
                category=cat,
                calibre=cal,
                unit="each",
                unit_value=1000.0,
                currency="USD",
                aliases=[],
            )
    return engine


def _drafts(engine: Engine) -> dict[tuple[str, str], dict]:
    return {(d["kind"], d["fields"]["category"]): d for d in service.list_drafts(engine, "pending")}


def test_read_accept_edit_reject(seeded: Engine) -> None:
    ids = service.read_into_drafts(seeded, TEXT, source_name="pentagon.txt", actor="alice")
    assert len(ids) == 5
    drafts = _drafts(seeded)
    ammo = drafts[("pledge", "artillery-ammunition")]
    assert ammo["evidence"] == "75,000 rounds of 155mm ammunition"
    assert TEXT[ammo["span"][0] : ammo["span"][1]] == ammo["evidence"]

    ref = service.accept_draft(seeded, ammo["id"], actor="alice", overrides={"ref": "P-1"})
    assert ref == "P-1"
    with read_session(seeded) as s:
        p = s.scalars(select(Pledge).where(Pledge.ref == "P-1")).one()
        assert (p.donor_code, p.recipient_code, p.item_code, p.quantity) == (
            "USA",
            "UKR",
            "ammo.artillery.155mm",
            75000,
        )
        assert p.source_document == "pentagon.txt"
        assert p.source_quote == "75,000 rounds of 155mm ammunition"
        assert p.announced_on.isoformat() == "2023-06-09"
        d = s.get(IngestDraft, ammo["id"])
        assert d is not None
        assert (d.status, d.reviewed_by, d.record_key) == ("accepted", "alice", "P-1")
        assert verify_chain(s).ok
        assert s.scalar(select(AuditEvent).where(AuditEvent.entity == "pledge")) is not None

    # twice: refused
    with pytest.raises(RuleViolation, match="already accepted"):
        service.accept_draft(seeded, ammo["id"], actor="alice")

    # howitzers: two catalogue items in the category → ask for --item
    how = drafts[("pledge", "artillery-system")]
    with pytest.raises(RuleViolation, match="choose one with --item"):
        service.accept_draft(seeded, how["id"], actor="alice")
    ref = service.accept_draft(
        seeded, how["id"], actor="alice", overrides={"item": "arty.howitzer.m777"}
    )
    with read_session(seeded) as s:
        assert s.scalars(select(Pledge.quantity).where(Pledge.ref == ref)).one() == 18

    # package total: no item, no quantity → clear error; edit then accept
    total = drafts[("pledge", "unspecified")]
    with pytest.raises(RuleViolation, match="names no item category"):
        service.accept_draft(seeded, total["id"], actor="alice")
    edited = service.edit_draft(
        seeded, total["id"], {"category": "artillery-ammunition", "caliber": "105mm"}, actor="bob"
    )
    assert edited["fields"]["caliber"] == "105mm"
    with pytest.raises(RuleViolation, match="quantity is unknown"):
        service.accept_draft(seeded, total["id"], actor="alice")
    service.edit_draft(seeded, total["id"], {"quantity": "1,000"}, actor="bob")
    ref = service.accept_draft(seeded, total["id"], actor="alice")
    with read_session(seeded) as s:
        p = s.scalars(select(Pledge).where(Pledge.ref == ref)).one()
        assert (p.item_code, p.quantity, p.value_amount, p.value_currency) == (
            "ammo.artillery.105mm",
            1000,
            325e6,
            "USD",
        )

    # fund with its eligible item
    fund = drafts[("fund", "artillery-ammunition")]
    ref = service.accept_draft(seeded, fund["id"], actor="alice", overrides={"ref": "F-155"})
    with read_session(seeded) as s:
        f = s.scalars(select(Fund).where(Fund.code == "F-155")).one()
        assert (f.budget, f.currency, f.recipient_code) == (1e9, "USD", "UKR")
        assert "earmarked" in (f.source or "")
        assert s.scalars(select(FundItem.item_code).where(FundItem.fund_code == "F-155")).one() == (
            "ammo.artillery.155mm"
        )

    # need, then reject is refused on a reviewed draft
    need = drafts[("need", "air-defence-system")]
    ref = service.accept_draft(
        seeded, need["id"], actor="alice", overrides={"priority": "critical"}
    )
    with read_session(seeded) as s:
        n = s.scalars(select(Need).where(Need.ref == ref)).one()
        assert (n.item_code, n.quantity, n.priority) == ("ad.patriot", 25, "critical")
    with pytest.raises(RuleViolation, match="already accepted"):
        service.reject_draft(seeded, need["id"], actor="alice")
    assert service.list_drafts(seeded, "pending") == []


def test_reject_and_bad_edit(seeded: Engine) -> None:
    [i] = service.read_into_drafts(
        seeded, "Britain will send 14 Challenger 2 tanks.", source_name="t", actor="a"
    )
    with pytest.raises(RuleViolation, match="not a number"):
        service.edit_draft(seeded, i, {"quantity": "many"}, actor="a")
    service.reject_draft(seeded, i, actor="a")
    [row] = service.list_drafts(seeded, "rejected")
    assert (row["id"], row["status"], row["reviewed_by"]) == (i, "rejected", "a")
    with pytest.raises(NotFound, match="no draft with id 999"):
        service.reject_draft(seeded, 999, actor="a")


def test_unknown_nation_is_a_clear_error(seeded: Engine) -> None:
    [i] = service.read_into_drafts(
        seeded, "Britain will send 14 155mm howitzers.", source_name="t", actor="a"
    )
    with pytest.raises(RuleViolation, match="unknown nation 'GBR'"):
        service.accept_draft(seeded, i, actor="a", overrides={"item": "arty.howitzer.m777"})
    # nothing written: the draft is still pending
    assert [d["id"] for d in service.list_drafts(seeded)] == [i]


def test_reading_the_same_text_twice_adds_nothing(seeded: Engine) -> None:
    first = service.read_into_drafts(seeded, TEXT, source_name="a.txt", actor="test")
    assert first and service.already_read(seeded, TEXT) == first
    again = service.read_into_drafts(seeded, TEXT, source_name="b.txt", actor="test")
    assert again == first  # the drafts of the first reading, none added
    reading = service.extractor_for(seeded).read(TEXT)
    assert service.store_reading(seeded, reading, source_name="c.txt", actor="test") == []
    with read_session(seeded) as s:
        rows = list(s.scalars(select(IngestDraft)))
    assert len(rows) == len(first)
    assert {r.content_hash for r in rows} == {service.content_hash(TEXT)}
    # every stored draft keeps the exact span of its evidence
    for r in rows:
        assert r.fields["evidence"] == r.source_text[r.span_start : r.span_end]
    other = TEXT + " Germany will send 14 Leopard 2 tanks."
    assert service.already_read(seeded, other) == []
