"""The dashboard end to end in headless Chromium (Debian's package, driven by Playwright)
on the synthetic demo: every role logs in through the form and opens every page, key
figures match the API's JSON, a need and a delivery go in through the forms, a form error
writes nothing, a coordinator runs a plan and watches it finish, a donor cannot open
another donor's stock detail, and a 390 px phone has no horizontal page scroll.

Screenshots of every page land in artefacts/screenshots/ on each run (not with
MATERIEL_SCREENSHOTS=0, as CI sets). Without /usr/bin/chromium the module is skipped, unless
MATERIEL_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from browser_support import SHOTS_ROOT, launch, require_chromium
from browser_support import shot as photograph
from materiel import queries
from materiel.access.tokens import issue_token
from materiel.access.users import add_user
from materiel.api.testing import live_server
from materiel.app import create_app
from materiel.db import get_engine, read_session, write_session
from materiel.records import Delivery, Need

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = SHOTS_ROOT
PASSWORD = "Correct-horse-42"
USERS = {
    "admin": ("admin", None),
    "coord": ("coordinator", None),
    "donor-deu": ("donor", "DEU"),
    "donor-fra": ("donor", "FRA"),
    "recipient-ukr": ("recipient", "UKR"),
    "analyst": ("analyst", None),
}
PAGES = {
    "overview": "/",
    "needs": "/needs",
    "pledges": "/pledges",
    "stockpiles": "/stockpiles",
    "stockpile-deu": "/stockpiles/DEU",
    "stockpile-fra": "/stockpiles/FRA",
    "procurement": "/procurement",
    "plan": "/plan",
    "risk": "/risk",
    "meetings": "/meetings",
}
REFUSED: dict[str, dict[str, int]] = {
    "admin": {},
    "coord": {},
    "donor-deu": {"stockpile-fra": 404, "plan": 403, "risk": 403},
    "donor-fra": {"stockpile-deu": 404, "plan": 403, "risk": 403},
    "recipient-ukr": {"stockpile-deu": 404, "stockpile-fra": 404, "plan": 403, "risk": 403},
    "analyst": {
        "stockpiles": 403,
        "stockpile-deu": 403,
        "stockpile-fra": 403,
        "plan": 403,
        "risk": 403,
    },
}

# form controls without a label (accessible name) on the page
UNLABELLED = """
[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
  .map(e => e.name || e.id)
"""

sync_api = require_chromium()


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory, demo_copy: Callable[..., Path]
) -> Iterator[dict[str, Any]]:
    path = demo_copy(tmp_path_factory.mktemp("webdemo") / "demo.db", seed=11)
    engine = get_engine(path, fresh=True)
    tokens = {}
    with write_session(engine) as s:
        for name, (role, nation) in USERS.items():
            user = add_user(
                s, username=name, password=PASSWORD, role=role, nation=nation, actor="test"
            )
            tokens[name] = issue_token(s, user)[0]
    app = create_app(engine, job_workers=1)
    with live_server(app) as url:
        yield {"engine": engine, "url": url, "tokens": tokens}
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch(sync_api, SHOTS)


@pytest.fixture(scope="module")
def sessions(site: dict[str, Any], browser: Any) -> Iterator[dict[str, Any]]:
    """One logged-in browser context per role, created on first use (through the form)."""
    made: dict[str, Any] = {}

    def get(name: str) -> Any:
        if name not in made:
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            ctx.set_default_timeout(20_000)
            page = ctx.new_page()
            page.goto(site["url"] + "/")
            assert "/login" in page.url
            page.get_by_label("User name").fill(name)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(site["url"] + "/")
            made[name] = page
        return made[name]

    yield {"get": get}
    for page in made.values():
        page.context.close()


def api(site: dict[str, Any], who: str, path: str) -> Any:
    r = httpx.get(
        site["url"] + "/api/v1" + path,
        headers={"Authorization": f"Bearer {site['tokens'][who]}"},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()


def shot(page: Any, name: str, full: bool = True) -> None:
    photograph(page, SHOTS / f"{name}.png", full)


def figure(page: Any, name: str) -> str:
    return str(page.locator(f'[data-figure="{name}"]').inner_text()).strip()


def count(site: dict[str, Any], model: Any) -> int:
    with read_session(site["engine"]) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_every_role_opens_every_page(site: dict[str, Any], sessions: dict[str, Any]) -> None:
    for who in USERS:
        page = sessions["get"](who)
        for name, path in PAGES.items():
            resp = page.goto(site["url"] + path)
            want = REFUSED[who].get(name, 200)
            assert resp.status == want, (who, path, resp.status)
            heading = page.locator("h1").inner_text()
            assert heading, (who, path)
            unlabelled = page.evaluate(UNLABELLED)
            assert unlabelled == [], (who, path, unlabelled)
            if want == 200:
                # charts rendered server-side: inline SVG with a text alternative
                for svg in page.locator("figure.chart svg").all():
                    assert svg.get_attribute("role") == "img"
                    assert svg.get_attribute("aria-label")
            # whole pages for the three distinct views, the visible part for the others
            shot(page, f"{who}--{name}", full=who in ("coord", "donor-deu", "recipient-ukr"))


def test_overview_figures_match_the_api(site: dict[str, Any], sessions: dict[str, Any]) -> None:
    for who in ("coord", "donor-deu", "analyst"):
        page = sessions["get"](who)
        page.goto(site["url"] + "/")
        assert page.locator(".banner").inner_text().startswith("Synthetic demo data")
        for priority in ("critical", "high", "routine"):
            listed = api(site, who, f"/needs?priority={priority}&limit=1")["count"]
            assert int(figure(page, f"needs-total-{priority}")) == listed
        pledges = api(site, who, "/pledges?limit=1")["count"]
        assert int(figure(page, "pledges-count")) == pledges
        for fund in api(site, who, "/funds?limit=100")["items"]:
            shown = figure(page, f"fund-budget-{fund['code']}")
            number = float(re.sub(r"[^\d.]", "", shown.split()[0]))
            scale = {"bn": 1e9, "m": 1e6}.get(shown.split()[1], 1.0)
            assert number * scale == pytest.approx(fund["budget"], rel=0.01), shown
    # confidential pledges of other donors are not counted for a donor
    assert (
        api(site, "donor-deu", "/pledges?limit=1")["count"]
        < api(site, "coord", "/pledges?limit=1")["count"]
    )


def test_recipient_adds_a_need_and_errors_write_nothing(
    site: dict[str, Any], sessions: dict[str, Any]
) -> None:
    page = sessions["get"]("recipient-ukr")
    page.goto(site["url"] + "/needs")
    before = count(site, Need)
    form = page.locator("form[action='/needs'][method='post']")
    form.get_by_label("Item").select_option("ammo.artillery.155mm")
    form.get_by_label("Quantity").fill("0")
    form.get_by_label("Priority").select_option("critical")
    form.get_by_label("Needed by").fill("2027-02-01")
    form.get_by_role("button", name="Add need").click()
    error = page.locator("#quantity-error")
    assert "greater than 0" in error.inner_text()
    assert page.locator("#f-quantity").get_attribute("aria-invalid") == "true"
    shot(page, "recipient-ukr--needs-form-error")
    assert count(site, Need) == before
    form = page.locator("form[action='/needs'][method='post']")
    form.get_by_label("Quantity").fill("4321")
    form.get_by_label("Reference").fill("UKR-N-BROWSER-1")
    form.get_by_role("button", name="Add need").click()
    page.wait_for_url(re.compile(r"/needs\?added=UKR-N-BROWSER-1"))
    row = page.locator("#need-UKR-N-BROWSER-1")
    assert "4,321" in row.inner_text() and "critical" in row.inner_text()
    assert count(site, Need) == before + 1
    assert api(site, "coord", "/needs?ref=UKR-N-BROWSER-1")["items"][0]["quantity"] == 4321


def test_donor_records_a_delivery(site: dict[str, Any], sessions: dict[str, Any]) -> None:
    page = sessions["get"]("donor-deu")
    page.goto(site["url"] + "/pledges")
    before = count(site, Delivery)
    # the forms sit above the list, folded: open this one
    page.locator("#delivery-form summary").click()
    form = page.locator("form[action='/pledges/deliveries']")
    options = form.locator("#f-pledge_id option").all()
    assert len(options) > 1
    values = [o.get_attribute("value") for o in options[1:]]
    labels = [str(o.text_content()) for o in options[1:]]
    assert all(" · DEU · " in text for text in labels), labels  # only its own open pledges
    form.get_by_label("Pledge").select_option(values[0])
    form.get_by_label("Quantity delivered").fill("1")
    form.get_by_label("Delivered on").fill(dt.date.today().isoformat())
    form.get_by_label("Reference").fill("D-BROWSER-1")
    form.get_by_role("button", name="Record delivery").click()
    page.wait_for_url(re.compile(r"/pledges\?delivered=D-BROWSER-1"))
    assert "D-BROWSER-1" in page.locator("#deliveries-table").inner_text()
    shot(page, "donor-deu--pledges-delivered")
    assert count(site, Delivery) == before + 1


def test_coordinator_runs_a_plan(site: dict[str, Any], sessions: dict[str, Any]) -> None:
    page = sessions["get"]("coord")
    page.goto(site["url"] + "/plan")
    page.get_by_label("Horizon in weeks").fill("6")
    page.get_by_label("Readiness weight λ").fill("2")
    page.get_by_label("Also solve the readiness–support frontier").check()
    page.get_by_role("button", name="Run plan").click()
    page.wait_for_url(re.compile(r"/plan\?job=\d+"))
    assert page.locator("#job-progress").count() == 1
    shot(page, "coord--plan-running")
    page.wait_for_url(re.compile(r"/plan\?run=\d+"), timeout=120_000)
    run_id = int(re.search(r"run=(\d+)", page.url).group(1))  # type: ignore[union-attr]
    assert page.locator("#plan-status").inner_text() in ("optimal", "Optimal")
    assert page.locator("#h-million").is_visible()
    assert page.locator("#h-assume").is_visible()  # what the plan assumes
    assert page.locator("#frontier-table tbody tr").count() >= 8
    assert page.locator("#h-frontier ~ figure svg").count() == 1
    shot(page, "coord--plan-result")
    stored = api(site, "coord", f"/plans/{run_id}")
    assert stored["results"]["params"]["readiness_weight"] == 2.0
    share = stored["results"]["headline"]["share"]
    page.goto(site["url"] + "/")
    cell = page.locator('[data-figure="plan-critical-met"]')
    if share is None:
        assert cell.get_attribute("data-value") == ""
    else:
        assert float(cell.get_attribute("data-value") or "nan") == pytest.approx(share)
    shot(page, "coord--overview-after-plan")


def test_coordinator_runs_a_forecast(site: dict[str, Any], sessions: dict[str, Any]) -> None:
    page = sessions["get"]("coord")
    page.goto(site["url"] + "/risk")
    page.get_by_label("Horizon in weeks").fill("8")
    page.get_by_label("Monte Carlo paths").fill("200")
    page.get_by_role("button", name="Run forecast").click()
    page.wait_for_url(re.compile(r"/risk\?run=\d+"), timeout=120_000)
    run_id = int(re.search(r"run=(\d+)", page.url).group(1))  # type: ignore[union-attr]
    stored = api(site, "coord", f"/forecasts/{run_id}")
    risks = stored["results"]["montecarlo"]["risks"]
    rows = page.locator("#risk-table tbody tr")
    assert rows.count() == min(30, len(risks))
    if risks:
        first = rows.first.inner_text()
        with read_session(site["engine"]) as s:
            name = queries.item_names(s).get(risks[0]["item"], risks[0]["item"])
        # the item by its name, its code on hover
        assert risks[0]["holder"] in first and name in first
        assert rows.first.locator(".item").first.get_attribute("title") == risks[0]["item"]
        assert page.locator("figure.chart svg[role='img']").count() >= 1
    assert "baseline" in page.locator("#scenario-table").inner_text()
    shot(page, "coord--risk-result")


def test_donor_cannot_see_another_donors_stock(
    site: dict[str, Any], sessions: dict[str, Any]
) -> None:
    page = sessions["get"]("donor-deu")
    page.goto(site["url"] + "/stockpiles")
    heat = page.locator("#heatmap")
    assert heat.locator('a[href="/stockpiles/DEU"]').count() == 1
    assert heat.locator("thead a").count() == 1  # its own nation only
    assert "NATO total" in heat.inner_text()  # alliance totals, by membership
    resp = page.goto(site["url"] + "/stockpiles/FRA")
    assert resp.status == 404
    assert "FRA" not in page.locator("main").inner_text()
    own = page.goto(site["url"] + "/stockpiles/DEU")
    assert own.status == 200 and page.locator("figure.chart svg").count() >= 1
    # the API agrees: no French stock reports for a German donor
    assert api(site, "donor-deu", "/stock-reports?nation_code=FRA")["count"] == 0


def test_phone_width_and_keyboard(
    site: dict[str, Any], sessions: dict[str, Any], browser: Any
) -> None:
    state = sessions["get"]("coord").context.storage_state()
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, storage_state=state)
    try:
        page = ctx.new_page()
        for name, path in PAGES.items():
            page.goto(site["url"] + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (path, width)
            shot(page, f"phone--{name}")
        page.goto(site["url"] + "/needs")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused.strip() == "Skip to content"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main"
    finally:
        ctx.close()


def test_no_request_leaves_the_server(site: dict[str, Any], browser: Any) -> None:
    """Every asset is local: log every request of a full page load."""
    ctx = browser.new_context()
    seen: list[str] = []
    try:
        page = ctx.new_page()
        page.on("request", lambda r: seen.append(r.url))
        page.goto(site["url"] + "/login")
        shot(page, "login")
        page.get_by_label("User name").fill("coord")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(site["url"] + "/")
        page.goto(site["url"] + "/stockpiles/DEU")
        time.sleep(0.2)
    finally:
        ctx.close()
    assert seen and all(u.startswith(site["url"]) for u in seen), seen
