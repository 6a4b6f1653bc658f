"""Dashboard pages without a browser (TestClient): access by role through the API's policy,
login and logout, CSRF refusal, form validation that writes nothing, security headers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from materiel.api.testing import PASSWORD, ROLES, SOURCE
from materiel.db import read_session
from materiel.records import AuditEvent, Delivery, Job, Need, Pledge
from materiel.services import writer
from materiel.testing import as_user, csrf_of, web_site
from materiel.web.pages import meetings as meeting_pages
from materiel.web.session import SESSION_COOKIE

PAGES = [
    "/",
    "/needs",
    "/pledges",
    "/stockpiles",
    "/stockpiles/DEU",
    "/stockpiles/FRA",
    "/procurement",
    "/plan",
    "/risk",
    "/meetings",
]
# expected status per role (the API's rules): analysts see no stocks; only staff plan;
# a donor sees its own stock detail only (others' is hidden: 404)
EXPECTED: dict[str, dict[str, int]] = {
    "admin": {},
    "coord": {},
    "donor": {"/stockpiles/FRA": 404, "/plan": 403, "/risk": 403},
    "donor2": {"/stockpiles/DEU": 404, "/plan": 403, "/risk": 403},
    "recipient": {"/stockpiles/DEU": 404, "/stockpiles/FRA": 404, "/plan": 403, "/risk": 403},
    "analyst": {
        "/stockpiles": 403,
        "/stockpiles/DEU": 403,
        "/stockpiles/FRA": 403,
        "/plan": 403,
        "/risk": 403,
    },
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with web_site(tmp_path_factory.mktemp("web") / "web.db") as s:
        yield s


def count(engine: Engine, model: Any) -> int:
    with read_session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("user", list(ROLES))
def test_every_page_by_role(site: dict[str, Any], user: str) -> None:
    c = as_user(site, user)
    for page in PAGES:
        r = c.get(page)
        want = EXPECTED[user].get(page, 200)
        assert r.status_code == want, (user, page, r.status_code)
        assert r.headers["content-type"].startswith("text/html")
        if want == 403:
            assert "Not allowed" in r.text
        ids = re.findall(r'\sid="([^"]+)"', r.text)
        assert len(ids) == len(set(ids)), (page, sorted({i for i in ids if ids.count(i) > 1}))
    # the navigation offers only what the role may open
    nav = c.get("/").text.split("</nav>")[0]
    assert ('href="/plan"' in nav) == (user in ("admin", "coord"))
    assert ('href="/stockpiles"' in nav) == (user != "analyst")


def test_anonymous_is_sent_to_login(site: dict[str, Any]) -> None:
    c = as_user(site, None)
    r = c.get("/needs?priority=critical", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=%2Fneeds")
    c.cookies.set(SESSION_COOKIE, "mat_not-a-real-token")
    assert c.get("/", follow_redirects=False).status_code == 303


def test_login_logout_and_wrong_password(site: dict[str, Any]) -> None:
    c = as_user(site, None)
    page = c.get("/login")
    assert page.status_code == 200 and 'for="f-username"' in page.text
    bad = c.post(
        "/login", data={"username": "coord", "password": "nope", "csrf": csrf_of(page.text)}
    )
    assert bad.status_code == 401
    assert "wrong password" in bad.text
    assert SESSION_COOKIE not in bad.cookies
    ok = c.post(
        "/login",
        data={
            "username": "coord",
            "password": PASSWORD,
            "csrf": csrf_of(bad.text),
            "next": "/pledges",
        },
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/pledges"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    home = c.get("/")
    assert home.status_code == 200 and "coord · coordinator" in home.text
    out = c.post("/logout", data={"csrf": csrf_of(home.text)}, follow_redirects=False)
    assert out.status_code == 303
    raw = re.search(rf"{SESSION_COOKIE}=([^;]+)", cookie)
    assert raw
    c.cookies.set(SESSION_COOKIE, raw.group(1))  # the old token is revoked, not just forgotten
    assert c.get("/", follow_redirects=False).status_code == 303


def test_login_without_csrf_is_refused(site: dict[str, Any]) -> None:
    c = as_user(site, None)
    r = c.post("/login", data={"username": "coord", "password": PASSWORD})
    assert r.status_code == 403 and "CSRF" in r.text


def test_forms_without_csrf_write_nothing(site: dict[str, Any]) -> None:
    c = as_user(site, "recipient")
    before = count(site["engine"], Need), count(site["engine"], AuditEvent)
    form = {
        "recipient_code": "UKR",
        "item_code": "ammo.artillery.155mm",
        "quantity": "10",
        "priority": "high",
        "needed_by": "2027-01-01",
    }
    assert c.post("/needs", data=form).status_code == 403
    assert c.post("/needs", data={**form, "csrf": "0" * 64}).status_code == 403
    donor = as_user(site, "donor")
    r = donor.post(
        "/pledges/deliveries",
        data={"pledge_id": site["ids"]["pledge"], "quantity": "1", "delivered_on": "2026-02-01"},
    )
    assert r.status_code == 403
    assert (count(site["engine"], Need), count(site["engine"], AuditEvent)) == before


def test_need_form_errors_next_to_field_then_saves(site: dict[str, Any]) -> None:
    c = as_user(site, "recipient")
    page = c.get("/needs")
    assert "Add a need" in page.text
    token = csrf_of(page.text)
    before = count(site["engine"], Need)
    bad = c.post(
        "/needs",
        data={
            "csrf": token,
            "item_code": "ammo.artillery.155mm",
            "quantity": "0",
            "priority": "high",
            "needed_by": "not a date",
        },
    )
    assert bad.status_code == 422
    assert re.search(r'id="f-quantity"[^>]*aria-invalid="true"', bad.text)
    assert 'id="quantity-error">Input should be greater than 0' in bad.text
    assert 'id="needed_by-error">' in bad.text
    assert count(site["engine"], Need) == before
    good = c.post(
        "/needs",
        data={
            "csrf": token,
            "ref": "UKR-N-WEB-TEST",
            "item_code": "ammo.artillery.155mm",
            "quantity": "250",
            "priority": "high",
            "needed_by": "2027-03-01",
            "source": "letter of 2026-11-20",
        },
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert count(site["engine"], Need) == before + 1
    listed = c.get(good.headers["location"])
    assert 'id="need-UKR-N-WEB-TEST"' in listed.text
    with read_session(site["engine"]) as s:
        need = s.scalars(select(Need).where(Need.ref == "UKR-N-WEB-TEST")).one()
        assert (need.recipient_code, need.quantity) == ("UKR", 250)
        actor = s.scalars(select(AuditEvent.actor).order_by(AuditEvent.id.desc())).first()
    assert actor == "api:recipient"


def test_need_form_refused_for_other_recipient_and_donor(site: dict[str, Any]) -> None:
    donor = as_user(site, "donor")
    page = donor.get("/needs")
    assert "Add a need" not in page.text  # no form offered
    before = count(site["engine"], Need)
    r = donor.post(
        "/needs",
        data={
            "csrf": csrf_of(page.text),
            "recipient_code": "UKR",
            "item_code": "ammo.artillery.155mm",
            "quantity": "5",
            "priority": "high",
            "needed_by": "2027-01-01",
        },
    )
    assert r.status_code == 403
    assert count(site["engine"], Need) == before


def test_delivery_beyond_pledge_is_refused_next_to_quantity(site: dict[str, Any]) -> None:
    c = as_user(site, "donor")
    page = c.get("/pledges")
    token = csrf_of(page.text)
    before = count(site["engine"], Delivery)
    pid = site["ids"]["pledge"]
    bad = c.post(
        "/pledges/deliveries",
        data={"csrf": token, "pledge_id": pid, "quantity": "5000", "delivered_on": "2026-02-01"},
    )
    assert bad.status_code == 409
    assert 'id="quantity-error-d">' in bad.text and "beyond" in bad.text
    assert count(site["engine"], Delivery) == before
    # another donor's confidential pledge does not exist for this donor
    hidden = c.post(
        "/pledges/deliveries",
        data={
            "csrf": token,
            "pledge_id": site["ids"]["secret"],
            "quantity": "1",
            "delivered_on": "2026-02-01",
        },
    )
    assert hidden.status_code == 409 and 'id="pledge_id-error">no such pledge' in hidden.text
    good = c.post(
        "/pledges/deliveries",
        data={
            "csrf": token,
            "pledge_id": pid,
            "quantity": "100",
            "delivered_on": "2026-02-01",
            "ref": "DEU-D-WEB-1",
        },
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert count(site["engine"], Delivery) == before + 1
    assert re.search(r'<th scope="row"[^>]*>DEU-D-WEB-1</th>', c.get("/pledges").text)


def test_confidential_pledges_follow_the_policy(site: dict[str, Any]) -> None:
    assert "P-FRA" not in as_user(site, "donor").get("/pledges").text
    assert "P-FRA" in as_user(site, "donor2").get("/pledges").text
    assert "P-FRA" in as_user(site, "recipient").get("/pledges").text
    assert "P-FRA" in as_user(site, "coord").get("/pledges").text
    assert "P-FRA" not in as_user(site, "analyst").get("/pledges").text


def test_donor_heatmap_shows_own_nation_and_totals_only(site: dict[str, Any]) -> None:
    page = as_user(site, "donor").get("/stockpiles").text
    assert 'href="/stockpiles/DEU"' in page
    assert 'href="/stockpiles/FRA"' not in page
    # NATO's 155 mm total adds up DEU and FRA only: withheld from DEU (18.2)
    assert "NATO total" in page and "withheld" in page
    staff = as_user(site, "coord").get("/stockpiles").text
    assert 'href="/stockpiles/FRA"' in staff and 'href="/stockpiles/DEU"' in staff
    detail = as_user(site, "donor").get("/stockpiles/DEU").text
    assert "<svg" in detail and 'role="img"' in detail and "<figcaption" in detail


def test_security_headers(site: dict[str, Any]) -> None:
    c = as_user(site, "coord")
    r = c.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"]
    login = as_user(site, None).get("/login")
    assert "content-security-policy" in login.headers
    api = c.get("/api/v1/nations", headers={"Authorization": f"Bearer {site['tokens']['coord']}"})
    assert api.status_code == 200 and api.headers["x-content-type-options"] == "nosniff"
    assert c.get("/static/style.css").status_code == 200
    assert "strict-transport-security" not in r.headers
    secure = as_user(site, None).get("https://testserver/login")
    assert secure.headers["strict-transport-security"].startswith("max-age=")
    assert "Secure" in secure.headers["set-cookie"] and "HttpOnly" in secure.headers["set-cookie"]


def test_plan_form_validation(site: dict[str, Any]) -> None:
    c = as_user(site, "coord")
    page = c.get("/plan")
    bad = c.post("/plan", data={"csrf": csrf_of(page.text), "horizon_weeks": "999"})
    assert bad.status_code == 422 and 'id="horizon_weeks-error">' in bad.text
    # the readiness weight is on the form, with the one default, and is a price (≥ 0)
    assert 'name="readiness_weight"' in page.text and "else 1.0" in page.text
    assert 'value="52"' in page.text  # the one default horizon
    bad = c.post("/plan", data={"csrf": csrf_of(page.text), "readiness_weight": "-1"})
    assert bad.status_code == 422 and 'id="readiness_weight-error">' in bad.text
    with read_session(site["engine"]) as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 0


def test_brief_placeholder_and_access(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(meeting_pages, "brief_module", lambda: None)
    meeting = site["ids"]["meeting"]
    c = as_user(site, "coord")
    assert "brief not yet available" in c.get("/meetings").text
    brief = c.get(f"/meetings/{meeting}/brief")
    assert brief.status_code == 200 and "Brief not yet available" in brief.text
    assert as_user(site, "analyst").get(f"/meetings/{meeting}/brief").status_code == 403
    assert "for coordinators" in as_user(site, "donor").get("/meetings").text


def test_donor_notifies_a_pledge_only_for_itself(site: dict[str, Any]) -> None:
    c = as_user(site, "donor")
    page = c.get("/pledges")
    assert "Notify a pledge" in page.text
    token = csrf_of(page.text)
    form = {
        "csrf": token,
        "recipient_code": "UKR",
        "item_code": "ammo.artillery.155mm",
        "quantity": "300",
        "value_amount": "1200000",
        "value_currency": "EUR",
        "due_by": "2027-01-31",
        "channel": "stock",
        "source_document": "press release (synthetic test data)",
    }
    before = count(site["engine"], Pledge)
    bad_currency = c.post("/pledges", data={**form, "donor_code": "DEU", "value_currency": "XXQ"})
    assert bad_currency.status_code == 422 and 'id="value_currency-error">' in bad_currency.text
    other = c.post("/pledges", data={**form, "donor_code": "FRA"})
    assert other.status_code == 403
    assert count(site["engine"], Pledge) == before
    ok = c.post(
        "/pledges", data={**form, "donor_code": "DEU", "ref": "DEU-P-WEB-1"}, follow_redirects=False
    )
    assert ok.status_code == 303
    with read_session(site["engine"]) as s:
        pledge = s.scalars(select(Pledge).where(Pledge.ref == "DEU-P-WEB-1")).one()
        assert (pledge.donor_code, pledge.quantity, pledge.status) == ("DEU", 300, "announced")
    assert 'id="pledge-DEU-P-WEB-1"' in c.get("/pledges?all=1").text
    assert "Notify a pledge" not in as_user(site, "recipient").get("/pledges").text


def test_donor_moves_a_pledge_along_its_lifecycle(site: dict[str, Any]) -> None:
    with writer(site["engine"], "test") as w:
        p = w.create(
            Pledge,
            ref="P-LIFE",
            donor_code="DEU",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=10,
            announced_on=dt.date(2026, 3, 1),
            source_document=SOURCE,
        )
        pid, version = p.id, p.version
    c = as_user(site, "donor")
    page = c.get("/pledges")
    assert f'value="{pid}-{version}"' in page.text
    token = csrf_of(page.text)
    moved = c.post(
        "/pledges/status",
        data={"csrf": token, "pledge": f"{pid}-{version}", "to": "committed"},
        follow_redirects=False,
    )
    assert moved.status_code == 303
    # the page's version is now stale: refused, nothing changes
    stale = c.post(
        "/pledges/status", data={"csrf": token, "pledge": f"{pid}-{version}", "to": "cancelled"}
    )
    assert stale.status_code == 409 and "reload" in stale.text
    with read_session(site["engine"]) as s:
        fresh = s.get(Pledge, pid)
        assert fresh is not None
        assert fresh.status == "committed"
        current = fresh.version
    back = c.post(
        "/pledges/status",
        data={"csrf": token, "pledge": f"{pid}-{current}", "to": "cancelled"},
        follow_redirects=False,
    )
    assert back.status_code == 303
    with read_session(site["engine"]) as s:
        assert s.get(Pledge, pid).status == "cancelled"  # type: ignore[union-attr]
    other = as_user(site, "donor2")
    refused = other.post(
        "/pledges/status",
        data={"csrf": csrf_of(other.get("/pledges").text), "pledge": f"{pid}-1", "to": "committed"},
    )
    assert refused.status_code == 409 and "may not" in refused.text


def test_heatmap_cells_follow_the_outlook(site: dict[str, Any]) -> None:
    """The heatmap cell, the detail table and the depletion week say the same thing
    (queries.stock_outlook's label), for the holder the viewer may see."""
    from materiel.access.policy import LOCAL
    from materiel.queries import stock_outlook

    with read_session(site["engine"]) as s:
        outlook = stock_outlook(s, LOCAL)
    row = outlook.loc[(outlook["holder"] == "DEU")].iloc[0]
    heat = as_user(site, "donor").get("/stockpiles").text
    detail = as_user(site, "donor").get("/stockpiles/DEU").text
    key = f'data-figure="weeks-to-target-DEU-{row["item"]}">{row["label"]}<'
    assert key in heat and key in detail
