"""The meeting page (issue 16) without a browser: its figures are the read side's, as the
viewer may see them; coordinators schedule and change meetings through the API's schema and
use case (errors write nothing, a stale form is refused); the brief as HTML and PDF, and its
regeneration, for coordinators only."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from materiel import queries
from materiel.db import read_session
from materiel.display import headline_text
from materiel.records import Meeting
from materiel.testing import as_user, csrf_of, figure, principal, web_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with web_site(tmp_path_factory.mktemp("meeting") / "web.db") as s:
        yield s


def meetings_count(site: dict[str, Any]) -> int:
    with read_session(site["engine"]) as s:
        return int(s.scalar(select(func.count()).select_from(Meeting)) or 0)


@pytest.mark.parametrize("user", ["coord", "donor", "recipient", "analyst"])
def test_meeting_figures_are_the_read_sides(site: dict[str, Any], user: str) -> None:
    c = as_user(site, user)
    r = c.get("/meetings/next")  # the seed's one meeting is past: the page offers the next
    assert r.status_code == 200, r.text[:300]
    html = r.text
    p = principal(user)
    day = queries.today()
    with read_session(site["engine"]) as s:
        needs = queries.needs_table(s, p, status="uncovered", as_of=day)
        late = queries.pledges_table(s, p, late=True, as_of=day)
        crossing = None if user == "analyst" else queries.crossing_soonest(s, p, as_of=day)
        funds = queries.fund_position(s, p, as_of=day)
        previous = queries.meetings(s, p)[0]
        changes = queries.changes_since(s, p, previous, as_of=day)
        # the comparison reads the key figures' own parts (not computed another way)
        for d in (day, previous.held_on):
            full = queries.key_figures(s, p, as_of=d)
            part = queries.headline_figures(s, p, as_of=d)
            assert queries.headline_values(part, None) == queries.headline_values(full, None)
    assert int(figure(html, "meeting-needs-uncovered")) == len(needs)
    assert int(figure(html, "meeting-needs-overdue")) == int(needs["overdue"].sum())
    assert int(figure(html, "meeting-late")) == len(late)
    for f in queries.rows(funds):
        assert float(figure(html, f"meeting-fund-remaining-{f['code']}")) == pytest.approx(
            f["remaining"]
        )
    for row in changes["rows"]:
        if row["now"] is not None:
            assert float(figure(html, f"change-{row['key']}")) == pytest.approx(row["now"])
            # written as the brief writes it (one spelling: materiel.display)
            cell = re.search(rf'data-figure="change-{row["key"]}"[^>]*>([^<]*)<', html)
            assert cell is not None and cell.group(1) == headline_text(row["now"], row["unit"])
    if crossing is None:
        assert "Stock figures are not shown to your role" in html
    else:
        shown = re.findall(r'data-row="crossing" data-holder="(\w+)" data-item="([\w.\-]+)"', html)
        assert shown == list(zip(crossing["holder"], crossing["item"], strict=True))[:12]
        if user == "donor":
            assert {h for h, _ in shown} <= {"DEU"}
    # plans are for coordinators; the brief too
    assert ("Plan results are shown to coordinators only" in html) == (user != "coord")
    assert ('action="/meetings"' in html) == (user == "coord")


def test_overview_and_list_lead_to_the_meeting_page(site: dict[str, Any]) -> None:
    c = as_user(site, "coord")
    assert 'href="/meetings/next"' in c.get("/").text
    listing = c.get("/meetings").text
    mid = site["ids"]["meeting"]
    assert f'href="/meetings/{mid}"' in listing
    assert f'href="/meetings/{mid}/brief.pdf"' in listing
    assert "/api/v1/meetings" not in listing  # no link a signed-in page cannot follow
    r = c.get(f"/meetings/{mid}")
    assert r.status_code == 200 and "M-1" in r.text
    assert f'href="/meetings/{mid}/brief"' in r.text
    assert c.get("/meetings/999999").status_code == 404


def test_coordinator_schedules_and_changes_a_meeting(site: dict[str, Any]) -> None:
    c = as_user(site, "coord")
    page = c.get("/meetings/next")
    token = csrf_of(page.text)
    before = meetings_count(site)
    # the API's schema: a title is required, a date must be a date; nothing is written
    bad = c.post("/meetings", data={"csrf": token, "ref": "CG-99", "held_on": "someday"})
    assert bad.status_code == 422
    assert 'aria-invalid="true"' in bad.text and "m-held_on" in bad.text
    assert meetings_count(site) == before
    day = (queries.today() + dt.timedelta(days=20)).isoformat()
    ok = c.post(
        "/meetings",
        data={"csrf": token, "ref": "CG-99", "held_on": day, "title": "Contact group 99"},
        follow_redirects=False,
    )
    assert ok.status_code == 303, ok.text[:300]
    assert meetings_count(site) == before + 1
    target = ok.headers["location"]
    assert re.match(r"/meetings/\d+\?saved=created", target)
    # the next meeting is now this one
    nxt = c.get("/meetings/next", follow_redirects=False)
    assert nxt.headers["location"] == target.split("?")[0]
    page = c.get(target)
    assert "Meeting CG-99" in page.text and "was created" in page.text
    etag = re.search(r'name="etag" value="([^"]+)"', page.text)
    assert etag
    form = {"csrf": token, "ref": "CG-99", "held_on": day, "title": "Ministers"}
    changed = c.post(target.split("?")[0], data={**form, "etag": etag.group(1)})
    assert changed.status_code == 200 and "was updated" in changed.text
    # the same form again: the meeting has moved on since it was shown
    stale = c.post(target.split("?")[0], data={**form, "etag": etag.group(1), "place": "Ramstein"})
    assert stale.status_code == 409
    with read_session(site["engine"]) as s:
        m = s.scalars(select(Meeting).where(Meeting.ref == "CG-99")).one()
        assert (m.title, m.place) == ("Ministers", None)
    # a duplicate reference is refused by the write side, named on the form
    dup = c.post("/meetings", data={"csrf": token, "ref": "CG-99", "held_on": day, "title": "x"})
    assert dup.status_code == 409 and 'class="error"' in dup.text
    assert meetings_count(site) == before + 1


def test_only_coordinators_write_meetings_and_read_briefs(site: dict[str, Any]) -> None:
    c = as_user(site, "donor")
    token = csrf_of(c.get("/meetings/next").text)
    before = meetings_count(site)
    form = {"csrf": token, "ref": "D-1", "held_on": "2027-01-01", "title": "t"}
    r = c.post("/meetings", data=form)
    assert r.status_code == 403
    assert meetings_count(site) == before
    mid = site["ids"]["meeting"]
    assert c.get(f"/meetings/{mid}/brief.pdf").status_code == 403
    r = c.post(f"/meetings/{mid}/brief/regenerate", data={"csrf": token})
    assert r.status_code == 403


def test_brief_pdf_and_regenerate(site: dict[str, Any]) -> None:
    c = as_user(site, "coord")
    mid = site["ids"]["meeting"]
    pdf = c.get(f"/meetings/{mid}/brief.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert pdf.headers["cache-control"] == "no-store"
    token = csrf_of(c.get(f"/meetings/{mid}").text)
    assert c.post(f"/meetings/{mid}/brief/regenerate", data={"csrf": "x"}).status_code == 403
    r = c.post(f"/meetings/{mid}/brief/regenerate", data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(f"/meetings/{mid}?regenerated")
    assert "was regenerated" in c.get(r.headers["location"]).text
