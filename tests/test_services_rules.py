"""Unit tests of the write path: money as given, derived coverage, clear refusals, and
`materiel audit verify` catching a tampered or deleted audit event."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from typer.testing import CliRunner

from materiel import money
from materiel.access.policy import LOCAL as C
from materiel.cli.main import app
from materiel.db import read_session
from materiel.queries import coverage_status, need_coverage, pledges_table
from materiel.records import AuditEvent, Delivery, Item, Nation, Need, Pledge
from materiel.services import (
    DomainError,
    InvalidValue,
    NotFound,
    RuleViolation,
    StaleVersion,
    writer,
)

D = dt.date
ITEM = "ammo.artillery.155mm"


pytestmark = pytest.mark.usefixtures("wide_console")


@pytest.fixture
def base(engine: Engine) -> Engine:
    with writer(engine, actor="setup") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(Nation, code="NOR", name="Norway", is_donor=True)
        w.create(
            Item,
            code=ITEM,
            name="155 mm round",
            category="artillery-ammunition",
            unit="round",
            unit_value=4000,
            currency="USD",
        )
    return engine


def _pledge(**over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "ref": "P-1",
        "donor_code": "DEU",
        "recipient_code": "UKR",
        "item_code": ITEM,
        "quantity": 100,
        "announced_on": D(2025, 1, 6),
    }
    fields.update(over)
    return fields


# -- money -----------------------------------------------------------------------------


def test_money_is_stored_as_given_and_converted_when_aggregated(base: Engine) -> None:
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(ref="P-NOK", value_amount=1_234_567.89, value_currency="NOK"))
        w.create(
            Pledge,
            **_pledge(ref="P-EUR", donor_code="NOR", value_amount=1000.0, value_currency="EUR"),
        )
    with read_session(base) as s:
        stored = s.scalars(select(Pledge).where(Pledge.ref == "P-NOK")).one()
        assert (stored.value_amount, stored.value_currency) == (1_234_567.89, "NOK")
        as_of = D(2025, 3, 3)
        df = pledges_table(s, C, as_of=as_of).set_index("ref")
    nok = money.convert(1_234_567.89, "NOK", "EUR", as_of)
    assert nok.rate_date == as_of  # a Monday with a published rate
    assert df.loc["P-NOK", "value"] == pytest.approx(nok.amount)
    assert df.loc["P-NOK", "value"] != pytest.approx(1_234_567.89)
    assert df.loc["P-NOK", "rate_date"] == nok.rate_date
    assert df.loc["P-EUR", "value"] == pytest.approx(1000.0)
    # stored values unchanged by the aggregation
    with read_session(base) as s:
        assert s.scalar(select(Pledge.value_amount).where(Pledge.ref == "P-NOK")) == 1_234_567.89


def test_money_convert_uses_dated_rates() -> None:
    a = money.convert(100, "USD", "EUR", D(2022, 9, 28))
    b = money.convert(100, "USD", "EUR", D(2021, 1, 4))
    assert a.rate != b.rate  # the rate depends on the date
    assert a.amount == pytest.approx(100 * a.rate)
    assert money.convert(5, "EUR", "EUR", D(2025, 1, 1)).amount == 5
    far = money.convert(1, "USD", "EUR", D(2100, 1, 1))
    assert far.rate_date < D(2100, 1, 1)  # clamped to the last published rate


# -- coverage ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "pledged", "due", "status"),
    [
        (100, 0, 0, "open"),
        (100, 1, 0, "partly covered"),
        (100, 99, 99, "partly covered"),
        (100, 100, 0, "covered late"),  # pledged in full, arriving after the need's date
        (100, 100, 60, "covered late"),
        (100, 100, 100, "covered"),
        (100, 150, 150, "covered"),
    ],
)
def test_coverage_status(quantity: int, pledged: int, due: int, status: str) -> None:
    assert coverage_status(quantity, pledged, due) == status


def test_need_coverage_allocates_critical_first(base: Engine) -> None:
    with writer(base, actor="t") as w:
        for ref, prio, qty in (
            ("N-R", "routine", 50),
            ("N-C", "critical", 80),
            ("N-H", "high", 40),
        ):
            w.create(
                Need,
                ref=ref,
                recipient_code="UKR",
                item_code=ITEM,
                quantity=qty,
                priority=prio,
                needed_by=D(2025, 6, 1),
                stated_on=D(2025, 1, 1),
            )
    with read_session(base) as s:
        assert set(need_coverage(s, C)["status"]) == {"open"}
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(quantity=100))
        w.create(Pledge, **_pledge(ref="P-X", quantity=1000))
        w.transition_pledge(w.get(Pledge, ref="P-X"), "cancelled")  # cancelled: ignored
    with read_session(base) as s:
        df = need_coverage(s, C).set_index("ref")
    assert df.loc["N-C", "status"] == "covered late"  # nothing arrived by 2025-06-01
    assert (df.loc["N-H", "status"], df.loc["N-H", "pledged"]) == ("partly covered", 20)
    assert df.loc["N-R", "status"] == "open"
    assert len(df) == 3


# -- clear refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("over", "field", "words"),
    [
        ({"quantity": -5}, "quantity", "must not be negative (got -5)"),
        ({"quantity": 0}, "quantity", "must be positive (got 0)"),
        ({"donor_code": "XXX"}, "donor_code", "unknown nation 'XXX'"),
        ({"item_code": "ammo.nope"}, "item_code", "unknown item 'ammo.nope'"),
        ({"value_amount": 10.0, "value_currency": "ZZZ"}, "value_currency", "currency 'ZZZ'"),
        ({"value_amount": 10.0}, "value_currency", "go together"),
        ({"recipient_code": "DEU"}, "recipient_code", "cannot pledge to itself"),
        ({"due_by": D(2024, 1, 1)}, "due_by", "before the announcement"),
        ({"status": "promised"}, "status", "unknown pledge status 'promised'"),
        ({"channel": "gift"}, "channel", "stock, procurement or fund"),
    ],
)
def test_refusals_name_entity_field_and_reason(
    base: Engine, over: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(RuleViolation) as err, writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(**over))
    assert err.value.entity == "pledge"
    assert err.value.field == field
    assert words in err.value.message
    with read_session(base) as s:  # nothing written, not even an audit event
        assert s.scalar(select(func.count(Pledge.id))) == 0
        assert s.scalar(select(func.count(AuditEvent.id))) == 4


def test_over_delivery_message_says_how_much_is_left(base: Engine) -> None:
    with writer(base, actor="t") as w:
        p = w.create(Pledge, **_pledge(quantity=100))
        w.record_delivery(p, ref="D-1", quantity=70, delivered_on=D(2025, 2, 1))
    with pytest.raises(RuleViolation) as err, writer(base, actor="t") as w:
        w.record_delivery(
            w.get(Pledge, ref="P-1"), ref="D-2", quantity=31, delivered_on=D(2025, 2, 2)
        )
    assert (err.value.entity, err.value.field) == ("delivery", "quantity")
    assert "P-1" in err.value.message and "30 left" in err.value.message
    with read_session(base) as s:
        assert s.scalar(select(func.sum(Delivery.quantity))) == 70


def test_lifecycle_refusal_says_what_is_allowed(base: Engine) -> None:
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge())
    with pytest.raises(RuleViolation) as err, writer(base, actor="t") as w:
        w.update(w.get(Pledge, ref="P-1"), status="delivered")
    assert err.value.field == "status"
    assert "announced to delivered" in err.value.message
    assert "cancelled, committed" in err.value.message
    with writer(base, actor="t") as w:
        w.transition_pledge(w.get(Pledge, ref="P-1"), "cancelled")
    with pytest.raises(RuleViolation, match="final state"), writer(base, actor="t") as w:
        w.transition_pledge(w.get(Pledge, ref="P-1"), "committed")


def test_not_found_and_stale_version(base: Engine) -> None:
    with pytest.raises(NotFound, match="no pledge with ref='P-404'"), writer(base, "t") as w:
        w.get(Pledge, ref="P-404")
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge())
    with pytest.raises(StaleVersion, match="version 1, not 7"), writer(base, "t") as w:
        w.update(w.get(Pledge, ref="P-1"), expected_version=7, quantity=5)
    with pytest.raises(DomainError, match="has deliveries"):
        with writer(base, actor="t") as w:
            p = w.get(Pledge, ref="P-1")
            w.record_delivery(p, ref="D-1", quantity=1, delivered_on=D(2025, 2, 1))
        with writer(base, actor="t") as w:
            w.delete(w.get(Pledge, ref="P-1"))


# -- audit verify against tampering ------------------------------------------------------


def _seed_events(engine: Engine) -> int:
    with writer(engine, actor="t") as w:
        p = w.create(Pledge, **_pledge())
        w.transition_pledge(p, "committed")
        w.record_delivery(p, ref="D-1", quantity=10, delivered_on=D(2025, 2, 1))
    with read_session(engine) as s:
        return int(s.scalar(select(func.max(AuditEvent.seq))) or 0)


def _verify(db_url: str, *extra: str) -> Any:
    return CliRunner().invoke(app, ["--db", db_url, "audit", "verify", *extra])


def test_audit_verify_passes_on_an_intact_chain(base: Engine, db_url: str) -> None:
    last = _seed_events(base)
    result = _verify(db_url, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"ok": True, "events": last, "problems": []}


def test_audit_verify_names_a_modified_event(base: Engine, db_url: str) -> None:
    _seed_events(base)
    with base.begin() as c:
        c.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE seq = 5"))
    result = _verify(db_url)
    assert result.exit_code == 1
    assert "event seq 5: content changed" in result.output
    data = json.loads(_verify(db_url, "--json").stdout)
    assert data["ok"] is False
    assert data["problems"] == ["event seq 5: content changed (hash mismatch)"]


def test_audit_verify_names_a_deleted_event(base: Engine, db_url: str) -> None:
    _seed_events(base)
    with base.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq = 3"))
    result = _verify(db_url, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert any("seq 3 is missing" in p for p in problems), problems


def test_audit_verify_with_anchor_catches_events_cut_from_the_end(
    base: Engine, db_url: str
) -> None:
    last = _seed_events(base)
    head = CliRunner().invoke(app, ["--db", db_url, "audit", "head"]).stdout.strip()
    assert head.startswith(f"{last}:")
    with base.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq = :s"), {"s": last})
    assert _verify(db_url).exit_code == 0  # without an anchor a cut tail is invisible
    result = _verify(db_url, "--expect", head, "--json")
    assert result.exit_code == 1
    assert f"event seq {last} (anchored) is missing" in result.stdout


def test_pledge_and_delivery_edits_cannot_break_the_delivered_total(base: Engine) -> None:
    with writer(base, actor="t") as w:
        p = w.create(Pledge, **_pledge(quantity=100))
        w.record_delivery(p, ref="D-1", quantity=60, delivered_on=D(2025, 2, 1))
        w.record_delivery(p, ref="D-2", quantity=30, delivered_on=D(2025, 2, 8))
    with pytest.raises(RuleViolation) as err, writer(base, actor="t") as w:
        w.update(w.get(Pledge, ref="P-1"), quantity=80)
    assert (err.value.entity, err.value.field) == ("pledge", "quantity")
    assert "below the 90 already delivered" in err.value.message
    with (
        pytest.raises(RuleViolation, match="to 101, beyond the 100 pledged"),
        writer(base, "t") as w,
    ):
        w.update(w.get(Delivery, ref="D-2"), quantity=41)  # 60 + 41 > 100
    with writer(base, actor="t") as w:  # within the pledge: accepted
        w.update(w.get(Delivery, ref="D-2"), quantity=40)
        w.update(w.get(Pledge, ref="P-1"), quantity=100)
    with read_session(base) as s:
        assert s.scalar(select(func.sum(Delivery.quantity))) == 100
        assert s.scalar(select(Pledge.quantity)) == 100


def test_audit_verify_catches_a_rewritten_after_image(base: Engine, db_url: str) -> None:
    _seed_events(base)
    with base.begin() as c:
        c.execute(text("""UPDATE audit_event SET "after" = '{"quantity": 1}' WHERE seq = 6"""))
    result = _verify(db_url, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["problems"] == ["event seq 6: content changed (hash mismatch)"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("delivered_on", D(9999, 12, 31), "outside 1990-01-01..2099-12-31"),
        ("delivered_on", D(1, 1, 1), "outside 1990-01-01..2099-12-31"),
        ("delivered_on", dt.datetime.now(dt.UTC).date() + dt.timedelta(days=400), "a year ahead"),
    ],
)
def test_implausible_dates_are_refused_and_count_for_nothing(
    base: Engine, field: str, value: dt.date, reason: str
) -> None:
    """Issue 18 (also): a delivery dated 9999-12-31 was stored and made its pledge
    delivered. Every date lies in 1990..2099; deliveries and stock reports not more than a
    year ahead."""
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(quantity=10))
    with pytest.raises(InvalidValue, match=reason) as refused, writer(base, actor="t") as w:
        p = w.get(Pledge, ref="P-1")
        w.record_delivery(p, ref="D-1", quantity=10, **{field: value})
    assert refused.value.field == field
    with pytest.raises(InvalidValue, match="needed_by"), writer(base, actor="t") as w:
        w.create(
            Need,
            ref="N-1",
            recipient_code="UKR",
            item_code=ITEM,
            quantity=1,
            priority="high",
            needed_by=D(9999, 12, 31),
            stated_on=D(2025, 1, 1),
        )
    with read_session(base) as s:
        assert s.scalar(select(func.count()).select_from(Delivery)) == 0
        assert s.scalars(select(Pledge.status)).one() == "announced"
    with writer(base, actor="t") as w:  # the edges of the window are accepted
        w.record_delivery(
            w.get(Pledge, ref="P-1"), ref="D-2", quantity=1, delivered_on=D(1990, 1, 1)
        )


def _state(db_url: str) -> dict[str, Any]:
    result = _verify(db_url, "--state", "--json")
    out: dict[str, Any] = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def test_audit_verify_state_matches_after_every_kind_of_audited_write(
    engine: Engine, db_url: str
) -> None:
    """The state check stays quiet on what the application itself writes: records of every
    kind through the API (creates, If-Match updates, deletes, deliveries moving a pledge),
    users (created, role changed, password reset, disabled), logins that fail and lock."""
    from materiel.access import LoginRefused, authenticate
    from materiel.access.login import LOCK_AFTER
    from materiel.api import create_app
    from materiel.api.testing import make_client, seed, user_token

    ids = seed(engine)
    admin = {"Authorization": f"Bearer {user_token(engine, 'ada', 'admin')}"}
    user_token(engine, "dana", "donor", "DEU")
    with make_client(create_app(engine)) as c:
        need = c.get(f"/api/v1/needs/{ids['need']}", headers=admin)
        r = c.patch(
            f"/api/v1/needs/{ids['need']}",
            json={"quantity": 900},
            headers={**admin, "If-Match": need.headers["ETag"]},
        )
        assert r.status_code == 200
        r = c.post(
            f"/api/v1/pledges/{ids['pledge']}/deliveries",
            json={"quantity": 1000, "delivered_on": "2026-02-01"},
            headers=admin,
        )
        assert r.status_code == 201
        assert (
            c.delete(f"/api/v1/stock-reports/{ids['stock_FRA']}", headers=admin).status_code == 204
        )
        users = c.get("/api/v1/users", headers=admin).json()["items"]
        dana = next(u["id"] for u in users if u["username"] == "dana")
        r = c.patch(f"/api/v1/users/{dana}", json={"password": "Quiet-meadow-81"}, headers=admin)
        assert r.status_code == 200
        for _ in range(LOCK_AFTER):
            with pytest.raises(LoginRefused):
                authenticate(engine, "dana", "Wrong-password-1")
        r = c.patch(f"/api/v1/users/{dana}", json={"active": False}, headers=admin)
        assert r.status_code == 200
    out = _state(db_url)
    assert out["exit"] == 0 and out["ok"] is True, out
    assert out["state"]["problems"] == [] and out["state"]["rows"]["pledge"] == 2
    assert "job" in out["state"]["unchecked"]


def test_audit_verify_state_reports_direct_edits(base: Engine, db_url: str) -> None:
    """Beyond issue 18: `audit verify` found the chain intact after a direct edit of a data
    table (quantity x10, confidential -> false). `--state` replays the audited writes and
    names every row that differs, was added or was removed behind the trail's back."""
    _seed_events(base)
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(ref="P-2", confidential=True))
        w.create(Pledge, **_pledge(ref="P-3"))
    assert _state(db_url)["ok"] is True
    with read_session(base) as s:
        ids = dict(s.execute(select(Pledge.ref, Pledge.id)).all())
    with base.begin() as c:
        c.execute(text("UPDATE pledge SET quantity = quantity * 10 WHERE ref = 'P-1'"))
        c.execute(text("UPDATE pledge SET confidential = false WHERE ref = 'P-2'"))
        c.execute(text("DELETE FROM pledge WHERE ref = 'P-3'"))
        c.execute(text("UPDATE nation SET name = 'Ruritania' WHERE code = 'NOR'"))
    out = _state(db_url)
    assert out["exit"] == 1 and out["ok"] is False and out["problems"] == []  # chain intact
    problems = sorted(out["state"]["problems"])
    assert problems == sorted(
        [
            'nation code=NOR: name "Norway" (audited) != "Ruritania" (now)',
            f"pledge id={ids['P-1']}: quantity 100 (audited) != 1000 (now)",
            f"pledge id={ids['P-2']}: confidential true (audited) != false (now)",
            f"pledge id={ids['P-3']}: missing, but no audited write deleted it",
        ]
    ), problems
    text_out = _verify(db_url, "--state")
    assert text_out.exit_code == 1 and "4 row(s) differ" in text_out.output


def test_entity_rules_live_in_one_registry_that_every_write_consults(
    base: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entity rules are declared once (``@rule(Model)``); a rule added to the registry is
    applied to the next write of that entity, and nothing is written when it refuses."""
    from materiel.records import Delivery, Fund, Order, ProductionLine
    from materiel.services import rules

    assert {Need, Pledge, Delivery, ProductionLine, Fund, Order} <= set(rules.RULES)

    def no_round_numbers(session: Any, obj: Pledge, offline: bool) -> None:
        if obj.quantity % 1000 == 0:
            raise RuleViolation("pledge.quantity: round", entity="pledge", field="quantity")

    monkeypatch.setitem(rules.RULES, Pledge, [*rules.RULES[Pledge], no_round_numbers])
    with pytest.raises(RuleViolation) as err, writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(quantity=2000))
    assert err.value.field == "quantity"
    with writer(base, actor="t") as w:
        w.create(Pledge, **_pledge(quantity=1999))
    with read_session(base) as s:
        assert s.scalars(select(Pledge.quantity)).all() == [1999]
