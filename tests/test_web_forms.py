"""Forms (issue 16) without a browser: a delivery dated after today or before its pledge was
announced is refused by one rule in services, with the same message on the API and the
page, and nothing is written; the pledge forms sit above the list, a refused form is open
with its error, and a new pledge is the first row, highlighted."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from materiel import queries
from materiel.api.crud import API
from materiel.db import read_session
from materiel.records import Delivery
from materiel.testing import as_user, csrf_of, web_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with web_site(tmp_path_factory.mktemp("forms") / "web.db") as s:
        yield s


def deliveries(site: dict[str, Any]) -> int:
    with read_session(site["engine"]) as s:
        return int(s.scalar(select(func.count()).select_from(Delivery)) or 0)


@pytest.mark.parametrize(
    ("when", "status", "says"),
    [
        (lambda: queries.today() + dt.timedelta(days=1), 422, "is after today"),
        (lambda: queries.today() + dt.timedelta(days=200), 422, "is after today"),
        (lambda: dt.date(2026, 1, 4), 409, "before pledge P-DEU was announced (2026-01-05)"),
    ],
)
def test_one_delivery_date_rule_for_api_and_page(
    site: dict[str, Any], when: Any, status: int, says: str
) -> None:
    pid = site["ids"]["pledge"]
    day = when().isoformat()
    before = deliveries(site)
    c = as_user(site, "donor")
    api = c.post(
        f"{API}/pledges/{pid}/deliveries",
        json={"quantity": 1, "delivered_on": day},
        headers={"Authorization": f"Bearer {site['tokens']['donor']}"},
    )
    assert api.status_code == status, api.text
    assert api.json()["field"] == "delivered_on" and says in api.json()["detail"]
    # the generic deliveries route too
    api2 = c.post(
        f"{API}/deliveries",
        json={"pledge_id": pid, "quantity": 1, "delivered_on": day},
        headers={"Authorization": f"Bearer {site['tokens']['donor']}"},
    )
    assert api2.status_code == status and says in api2.json()["detail"], api2.text
    token = csrf_of(c.get("/pledges").text)
    page = c.post(
        "/pledges/deliveries",
        data={"csrf": token, "pledge_id": str(pid), "quantity": "1", "delivered_on": day},
    )
    assert page.status_code == 409
    html = page.text
    # the error sits on the date field, in the delivery form, which is open above the list
    m = re.search(r'id="delivered_on-error-d">([^<]+)<', html)
    assert m and says in m.group(1), html[html.find("delivery-form") :][:2000]
    assert re.search(r'id="d-delivered_on"[^>]*aria-invalid="true"', html)
    assert re.search(r'<details class="card form-card" id="delivery-form" open>', html)
    assert html.index('id="delivery-form"') < html.index('id="pledges-table"')
    assert deliveries(site) == before
    # today itself, after the announcement, is fine
    ok = c.post(
        f"{API}/pledges/{pid}/deliveries",
        json={"quantity": 1, "delivered_on": queries.today().isoformat()},
        headers={"Authorization": f"Bearer {site['tokens']['donor']}"},
    )
    assert ok.status_code == 201, ok.text
    assert deliveries(site) == before + 1


def test_new_pledge_is_the_first_row_highlighted(site: dict[str, Any]) -> None:
    c = as_user(site, "donor")
    token = csrf_of(c.get("/pledges").text)
    r = c.post(
        "/pledges",
        data={
            "csrf": token,
            "donor_code": "DEU",
            "recipient_code": "UKR",
            "item_code": "ammo.artillery.155mm",
            "quantity": "7",
            "ref": "DEU-P-NEW-1",
            "channel": "stock",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:500]
    html = c.get(r.headers["location"]).text
    rows = re.findall(r'<tr id="pledge-([\w.\-]+)" class="([^"]*)"', html)
    assert rows[0][0] == "DEU-P-NEW-1" and "highlight" in rows[0][1]
    assert sum("highlight" in cls for _, cls in rows) == 1
    assert '<script src="/static/forms.js" defer></script>' in html
    # a refused pledge reopens its form with the error
    bad = c.post(
        "/pledges",
        data={"csrf": token, "donor_code": "DEU", "recipient_code": "UKR", "quantity": "0"},
    )
    assert bad.status_code == 422
    assert '<details class="card form-card" id="pledge-form" open>' in bad.text
