"""The dashboard a coordinator prepares a meeting with (issue 16), in headless Chromium
(Debian's package, driven by Playwright) on the synthetic demo with a stored plan, at
1440 px and 390 px:

- the meeting page shows the read side's figures, as each viewer may see them;
- no page scrolls sideways on a 390 px phone, and its text (charts included) is at least
  11 px;
- stale stock figures carry a visible marker;
- Back after "Sign out" shows no data (pages are never stored by the browser);
- /docs renders with every request refused but this site's;
- axe-core (shipped by the axe-playwright-python package) finds no serious or critical
  violation;
- a refused form brings its error into view, focused.

Screenshots of every page at both widths land in artefacts/screenshots/dash/ (not with
MATERIEL_SCREENSHOTS=0, as CI sets). Without /usr/bin/chromium the module is skipped, unless
MATERIEL_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import SHOTS_ROOT, launch, require_chromium
from browser_support import shot as photograph
from materiel import queries
from materiel.access import Principal
from materiel.access.tokens import issue_token
from materiel.access.users import add_user
from materiel.api.testing import live_server
from materiel.app import create_app
from materiel.db import get_engine, read_session, write_session

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = SHOTS_ROOT / "dash"
PASSWORD = "Correct-horse-42"
USERS = {
    "coord": ("coordinator", None),
    "donor-deu": ("donor", "DEU"),
    "recipient-ukr": ("recipient", "UKR"),
    "analyst": ("analyst", None),
}
PAGES = {
    "overview": "/",
    "meeting": "/meetings/next",
    "needs": "/needs",
    "pledges": "/pledges",
    "stockpiles": "/stockpiles",
    "stockpile-deu": "/stockpiles/DEU",
    "procurement": "/procurement",
    "plan": "/plan",
    "risk": "/risk",
    "meetings": "/meetings",
}
WIDTHS = {"desktop": (1440, 900), "phone": (390, 844)}

# the smallest rendered text of the page: HTML text by its computed size, SVG text by its
# size times the scale the SVG is drawn at
SMALLEST_TEXT = """
() => {
  const sizes = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  for (const el of document.querySelectorAll('body *:not(svg *)')) {
    if (!visible(el)) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const what = el.tagName + ' ' + el.textContent.trim().slice(0, 30);
    if (own) sizes.push([parseFloat(getComputedStyle(el).fontSize), what]);
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (!visible(svg) || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) continue;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      sizes.push([size, 'svg ' + t.textContent.trim().slice(0, 30)]);
    }
  }
  sizes.sort((a, b) => a[0] - b[0]);
  return sizes.slice(0, 3);
}
"""

# the tables (not heatmaps) whose box scrolls sideways
BOXES_SCROLLING = """
() => [...document.querySelectorAll('.scroll')]
  .filter(e => e.querySelector('table.data') && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.querySelector('table').id)
"""
# table cells showing an item's code instead of its name
BARE_ITEM_CODES = """
() => [...document.querySelectorAll('td, th')].map(e => e.textContent.trim())
  .filter(t => /^[a-z]+([.][a-z0-9-]+)+$/.test(t))
"""

sync_api = require_chromium()


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory, demo_copy: Callable[..., Path]
) -> Iterator[dict[str, Any]]:
    from materiel.plan.service import run_and_store

    path = demo_copy(tmp_path_factory.mktemp("dashdemo") / "demo.db", seed=11)
    engine = get_engine(path, fresh=True)
    run_and_store(engine, as_of=queries.today(), horizon_weeks=8, actor="test")
    principals = {}
    with write_session(engine) as s:
        for name, (role, nation) in USERS.items():
            user = add_user(
                s, username=name, password=PASSWORD, role=role, nation=nation, actor="test"
            )
            issue_token(s, user)
            principals[name] = Principal(user.id, name, role, nation)
    with live_server(create_app(engine, job_workers=1)) as url:
        yield {"engine": engine, "url": url, "principals": principals}
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch(sync_api, SHOTS)


def login(browser: Any, site: dict[str, Any], who: str, width: str = "desktop") -> Any:
    w, h = WIDTHS[width]
    ctx = browser.new_context(viewport={"width": w, "height": h})
    ctx.set_default_timeout(60_000)
    page = ctx.new_page()
    page.goto(site["url"] + "/login")
    page.get_by_label("User name").fill(who)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site["url"] + "/")
    return page


@pytest.fixture(scope="module")
def pages(site: dict[str, Any], browser: Any) -> Iterator[dict[tuple[str, str], Any]]:
    """One signed-in page per user and width, made on first use."""
    made: dict[tuple[str, str], Any] = {}

    class Pages(dict[tuple[str, str], Any]):
        def __missing__(self, key: tuple[str, str]) -> Any:
            made[key] = login(browser, site, *key)
            return made[key]

    yield Pages()
    for page in made.values():
        page.context.close()


def shot(page: Any, name: str) -> None:
    photograph(page, SHOTS / f"{name}.png")


def values(page: Any, selector: str, attr: str) -> list[str]:
    return [str(e.get_attribute(attr)) for e in page.locator(selector).all()]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_at_both_widths(
    site: dict[str, Any], pages: dict[tuple[str, str], Any], width: str
) -> None:
    """Every page of every role answers, fits the width (no sideways page scroll), keeps
    its text at 11 px or more, and is photographed."""
    w = WIDTHS[width][0]
    for who in USERS:
        page = pages[who, width]
        for name, path in PAGES.items():
            resp = page.goto(site["url"] + path)
            assert resp is not None and resp.status in (200, 403, 404), (who, path)
            if resp.status != 200:
                continue
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= w, (who, path, width, scroll)
            if width == "phone":
                smallest = page.evaluate(SMALLEST_TEXT)
                assert not smallest or smallest[0][0] >= 10.9, (who, path, smallest)
                # lists are cards: only the heatmaps scroll inside their box
                assert page.evaluate(BOXES_SCROLLING) == [], (who, path)
            else:  # items by name (the code on hover), in every table
                assert page.evaluate(BARE_ITEM_CODES) == [], (who, path)
                if name == "meeting":  # the meeting's tables show every column at 1440 px
                    assert page.evaluate(BOXES_SCROLLING) == [], (who, path)
            shot(page, f"{who}--{name}--{width}")
    if width == "phone":  # a long list of cards shows 10 rows until "Show all" is ticked
        page = pages["coord", width]
        page.goto(site["url"] + "/plan")
        rows = page.locator("#need-table tbody tr")
        if rows.count() > 10:
            assert sum(r.is_visible() for r in rows.all()) == 10
            page.locator("label[for='all-need-table']").click()
            assert all(r.is_visible() for r in rows.all())
    # the brief, the docs and the login page too
    page = pages["coord", width]
    page.goto(site["url"] + "/meetings")
    page.locator("#meetings-table a", has_text="HTML").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth") <= w
    shot(page, f"coord--brief--{width}")
    page.goto(site["url"] + "/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    shot(page, f"docs--{width}")


@pytest.mark.parametrize("who", ["coord", "donor-deu", "analyst"])
def test_meeting_page_equals_the_read_side(
    site: dict[str, Any], pages: dict[tuple[str, str], Any], who: str
) -> None:
    page = pages[who, "desktop"]
    page.goto(site["url"] + "/")
    page.get_by_role("link", name="Prepare the next meeting").click()
    page.wait_for_load_state()
    p = site["principals"][who]
    day = queries.today()
    with read_session(site["engine"]) as s:
        needs = queries.needs_table(s, p, status="uncovered", as_of=day)
        late = queries.pledges_table(s, p, late=True, as_of=day)
        late = late.sort_values(["days_late", "id"], ascending=[False, True], kind="stable")
        crossing = None if who == "analyst" else queries.crossing_soonest(s, p, as_of=day)
        previous = next(m for m in queries.meetings(s, p) if m.held_on <= day)
        changes = queries.changes_since(s, p, previous, as_of=day)
        plan = queries.latest_plan(s, p, as_of=day) if p.is_staff else None
        lines = None if who == "analyst" else queries.line_use(s, p, as_of=day)
        util = None if who != "coord" else queries.line_utilisation(s, p, as_of=day)
        last_delivery = None if who != "coord" else queries.orders_table(s, p)["delivery_end"].max()
    fig = page.locator("[data-figure='meeting-needs-uncovered']")
    assert int(str(fig.get_attribute("data-value"))) == len(needs)
    assert int(
        str(page.locator("[data-figure='meeting-late']").get_attribute("data-value"))
    ) == len(late)
    assert values(page, "tr[data-row='late']", "data-ref") == list(late["ref"].head(12))
    if crossing is None:
        assert page.locator("#crossing-table").count() == 0
    else:
        shown = list(
            zip(
                values(page, "tr[data-row='crossing']", "data-holder"),
                values(page, "tr[data-row='crossing']", "data-item"),
                strict=True,
            )
        )
        assert shown == list(zip(crossing["holder"], crossing["item"], strict=True))[:12]
        assert shown, "the demo has stocks below target"
        if who == "donor-deu":
            assert {h for h, _ in shown} == {"DEU"}
        labels = page.locator("tr[data-row='crossing'] [data-figure]").all()
        assert [str(e.get_attribute("data-value")) for e in labels] == list(
            crossing["label"].head(12)
        )
    for row in changes["rows"]:
        if row["now"] is not None:
            cell = page.locator(f"[data-figure='change-{row['key']}']")
            assert float(str(cell.get_attribute("data-value"))) == pytest.approx(row["now"])
    if plan is not None:
        cell = page.locator("[data-figure='meeting-plan-critical-met']")
        shown = str(cell.get_attribute("data-value"))
        if plan["critical_share"] is None:
            assert shown == ""
        else:  # the plan's share of critical need met by value, not a total of units
            assert float(shown) == pytest.approx(plan["critical_share"])
        assert page.locator("#meeting-ranking").count() == (
            1 if plan["results"]["tables"].get("ranking") else 0
        )
        if plan["results"]["tables"].get("ranking"):  # within and after the horizon, labelled
            tables = queries.plan_tables(plan)
            labels = tables["ranking_labels"]
            groups = page.locator("#meeting-ranking thead th[scope='colgroup']").all_inner_texts()
            assert [g.strip() for g in groups] == [
                labels["within"].capitalize(),
                labels["after"].capitalize(),
            ]
            assert re.fullmatch(r"after the horizon \(weeks \d+–\d+\)", labels["after"])
            keys = ("units", "weeks", "below", "units_after", "weeks_after", "below_after")
            for tr, row in zip(
                page.locator("#meeting-ranking tbody tr").all(),
                tables["ranking_rows"][:8],
                strict=True,
            ):
                cells = [c.strip() for c in tr.locator("td.num").all_inner_texts()]
                assert cells == [row[k] for k in keys], (cells, row)
                why = tr.locator("td.why").inner_text().strip()
                assert why == (row["why"] or "–")
    else:
        assert page.locator("[data-figure='meeting-plan-critical-met']").count() == 0
    if lines is not None:  # busiest lines first, their months through the last delivery
        assert values(page, "tr[data-row='line']", "data-line") == list(lines["line"].head(12))
    shot(page, f"{who}--meeting-next--desktop")
    if util is not None:  # the procurement grid: the read side's shares, through 2028
        page.goto(site["url"] + "/procurement")
        heads = values(page, "#util-table thead th[title]", "title")
        assert heads[-1] == last_delivery.strftime("%Y-%m") and len(heads) > 12
        cells = page.locator("#util-table td[data-figure]").all()
        shown = {
            str(c.get_attribute("data-figure")): float(str(c.get_attribute("data-value")))
            for c in cells
        }
        expected = {
            f"util-{r.line}-{r.month}": r.share for r in util.itertuples() if r.capacity > 0
        }
        assert shown == pytest.approx(expected)


def test_stale_markers_are_visible(site: dict[str, Any], pages: dict[tuple[str, str], Any]) -> None:
    """The demo's stock reports are weeks old on today's date: every stock figure says so."""
    p = site["principals"]["coord"]
    with read_session(site["engine"]) as s:
        pos = queries.stock_position(s, p)
    assert pos["stale"].any()
    page = pages["coord", "desktop"]
    for path in ("/", "/stockpiles", "/stockpiles/DEU", "/meetings/next"):
        page.goto(site["url"] + path)
        marker = page.locator(".stale").first
        assert marker.is_visible(), path
        assert "stale" in marker.inner_text()
    page.goto(site["url"] + "/")
    shown = page.locator("[data-figure='stocks-stale']").get_attribute("data-value")
    assert int(str(shown)) == int(pos.loc[pos["as_of"].notna(), "stale"].sum())


def test_back_after_sign_out_shows_no_data(site: dict[str, Any], browser: Any) -> None:
    page = login(browser, site, "donor-deu")
    try:
        page.goto(site["url"] + "/stockpiles/DEU")
        assert "Stockpile of DEU" in page.locator("h1").inner_text()
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url(re.compile(r"/login"))
        page.go_back()
        page.wait_for_load_state()
        # the page is fetched again (never stored): without a session it is the login form
        assert "/login" in page.url
        assert page.locator("#holder-table").count() == 0
        assert "Stockpile of DEU" not in page.content()
        shot(page, "donor-deu--back-after-sign-out")
    finally:
        page.context.close()


def test_docs_render_offline(site: dict[str, Any], browser: Any) -> None:
    ctx = browser.new_context()
    foreign: list[str] = []

    def only_here(route: Any) -> None:
        if route.request.url.startswith(site["url"]):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    ctx.route("**/*", only_here)
    errors: list[str] = []
    try:
        page = ctx.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(site["url"] + "/docs")
        title = page.locator(".swagger-ui .info .title")
        title.wait_for()
        assert "materiel" in title.inner_text()
        assert page.locator(".opblock").count() > 20  # the operations are listed
    finally:
        ctx.close()
    assert foreign == []
    assert not [e for e in errors if "Content Security Policy" in e], errors


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_serious_accessibility_violation(
    site: dict[str, Any], pages: dict[tuple[str, str], Any], width: str
) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    found: dict[str, list[str]] = {}
    for who in ("coord", "donor-deu"):
        page = pages[who, width]
        for path in PAGES.values():
            resp = page.goto(site["url"] + path)
            if resp is None or resp.status != 200:
                continue
            result = axe.run(page)
            serious = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
                for v in result.response["violations"]
                if v.get("impact") in ("serious", "critical")
            ]
            if serious:
                found[f"{who} {path}"] = serious
    assert found == {}, found


def test_refused_form_brings_its_error_into_view(
    site: dict[str, Any], pages: dict[tuple[str, str], Any]
) -> None:
    page = pages["donor-deu", "desktop"]
    page.goto(site["url"] + "/pledges")
    page.locator("#pledge-form summary").click()  # folded above the list: open it
    assert page.evaluate("document.querySelector('#pledge-form').open")
    form = page.locator("form[action='/pledges'][method='post']")
    form.get_by_label("Item").select_option("ammo.artillery.155mm")
    form.locator("#f-quantity").fill("0")
    form.get_by_role("button", name="Notify pledge").click()
    page.wait_for_load_state()
    error = page.locator("#quantity-error")
    error.wait_for()
    assert page.evaluate("document.activeElement.id") == "f-quantity"
    box = error.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900
    shot(page, "donor-deu--pledge-form-error--desktop")
