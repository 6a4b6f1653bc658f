"""A nation's own Overview and freshness markers (issue 16), without a browser: a donor
sees its own late pledges (linked to the list filtered to it), its stocks with the alliance
totals beside and its share of the burden; a recipient its needs and arrivals; stock
figures from reports older than the threshold carry a visible stale marker, and the
threshold is configurable."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from materiel import queries
from materiel.db import read_session
from materiel.testing import as_user, figure, principal, web_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with web_site(tmp_path_factory.mktemp("personal") / "web.db") as s:
        yield s


def page(site: dict[str, Any], user: str, path: str) -> str:
    r = as_user(site, user).get(path)
    assert r.status_code == 200, (user, path, r.status_code)
    return str(r.text)


def test_donor_sees_its_own_figures(site: dict[str, Any]) -> None:
    html = page(site, "donor", "/")
    p = principal("donor")
    with read_session(site["engine"]) as s:
        late = queries.pledges_table(s, p, donor="DEU", late=True)
        mine = queries.pledges_table(s, p, donor="DEU")
        pos = queries.stock_position(s, p, nation="DEU")
        burden = queries.burden_shares(s, p)
        everyone = queries.key_figures(s, p)
    assert int(figure(html, "own-late")) == len(late)
    assert int(figure(html, "own-pledges")) == len(mine)
    # the link lists the donor's own late pledges, not every donor's
    assert 'href="/pledges?late=1&amp;donor=DEU' in html
    # alliance-wide figures stay beside, labelled as such
    assert int(figure(html, "pledges-late")) == everyone["pledges"]["late"]
    assert "Alliance-wide figures" in html
    for r in queries.rows(pos):
        assert float(figure(html, f"own-cover-{r['item_code']}")) == pytest.approx(r["cover"])
    own = burden.loc[burden["code"] == "DEU"].iloc[0]
    assert float(figure(html, "own-share")) == pytest.approx(float(own["share"]))
    assert "NATO total cover" in html  # the alliance total beside its own stock
    # item names shown, codes on hover
    assert 'title="ammo.artillery.155mm">155 mm round</span>' in html


def test_recipient_sees_its_needs_and_arrivals(site: dict[str, Any]) -> None:
    html = page(site, "recipient", "/")
    p = principal("recipient")
    with read_session(site["engine"]) as s:
        needs = queries.needs_table(s, p, recipient="UKR")
    assert int(figure(html, "own-needs")) == len(needs)
    assert int(figure(html, "own-uncovered")) == int((needs["status"] != "covered").sum())
    assert "Your arrivals" in html and "Delivered to you since" in html


def test_staff_overview_has_no_own_view(site: dict[str, Any]) -> None:
    html = page(site, "coord", "/")
    assert 'id="own"' not in html
    assert 'href="/meetings/next"' in html


def test_stale_markers_and_their_threshold(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the seed's stock reports are dated 2026-01-05: stale today at 14 days
    with read_session(site["engine"]) as s:
        pos = queries.stock_position(s, principal("coord"))
    assert pos["stale"].all() and (pos["age_days"] > queries.STALE_AFTER_DAYS).all()
    pages = ["/", "/stockpiles", "/stockpiles/DEU"]
    for path in pages:
        html = page(site, "coord", path)
        assert 'class="stale"' in html, path
    assert int(figure(page(site, "coord", "/"), "stocks-stale")) == len(pos)
    assert 'class="stale"' in page(site, "donor", "/")  # the donor's own stocks
    # a longer threshold: the same reports are fresh, and no marker is shown
    monkeypatch.setenv("MATERIEL_STALE_AFTER_DAYS", "100000")
    assert queries.stale_after_days() == 100000
    for path in pages:
        assert 'class="stale"' not in page(site, "coord", path), path
    monkeypatch.setenv("MATERIEL_STALE_AFTER_DAYS", "not a number")
    assert queries.stale_after_days() == queries.STALE_AFTER_DAYS
