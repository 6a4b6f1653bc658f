"""Issue 17: `materiel needs cover`, GET /figures/needs/cover and the Needs page's cover
section show the same figures (one read side: queries.cover_report), as each viewer may see
them."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from materiel import migrations
from materiel.app import create_app
from materiel.cli import context
from materiel.cli.main import app as cli
from materiel.db import get_engine
from materiel.records import Item, Need, Pledge
from materiel.services import writer
from materiel.testing import ROLES, make_client, seed, user_token
from materiel.web.session import SESSION_COOKIE

D = dt.date
ITEM = "ammo.artillery.105mm"
AS_OF = "2026-02-01"
KINDS = ("delivered", "pledge_due", "order_arrival", "plan_transfer", "plan_order")
# what each viewer should see (module docstring of queries.cover): N-A takes what arrives by
# 2026-03-01 first (critical), N-B the rest of what arrives by 2026-06-01
EXPECTED = {
    "coord": {
        "N-A": {"delivered": 100, "pledge_due": 200, "by_date": 300, "gap": 0},
        "N-B": {"delivered": 0, "pledge_due": 200, "by_date": 200, "gap": 200},
    },
    # DEU does not see FRA's confidential pledge
    "donor": {
        "N-A": {"delivered": 100, "pledge_due": 200, "by_date": 300, "gap": 0},
        "N-B": {"delivered": 0, "pledge_due": 0, "by_date": 0, "gap": 400},
    },
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    path = tmp_path_factory.mktemp("cover") / "cover.db"
    engine = get_engine(path, fresh=True)
    migrations.upgrade(engine)
    seed(engine)
    with writer(engine, "test") as w:
        w.create(
            Item,
            code=ITEM,
            name="105 mm round",
            category="artillery-ammunition",
            unit="round",
            unit_value=2000.0,
            currency="EUR",
        )
        for ref, qty, prio, day in (
            ("N-A", 300, "critical", D(2026, 3, 1)),
            ("N-B", 400, "routine", D(2026, 6, 1)),
        ):
            w.create(
                Need,
                ref=ref,
                recipient_code="UKR",
                item_code=ITEM,
                quantity=qty,
                priority=prio,
                needed_by=day,
                stated_on=D(2026, 1, 5),
                source="test",
            )
        p = w.create(
            Pledge,
            ref="P-C",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=ITEM,
            quantity=300,
            status="committed",
            announced_on=D(2026, 1, 10),
            due_by=D(2026, 2, 15),
            source_document="test",
        )
        w.record_delivery(p, ref="D-C1", quantity=100, delivered_on=D(2026, 1, 20), source="t")
        w.create(
            Pledge,
            ref="P-S",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=ITEM,
            quantity=200,
            status="committed",
            confidential=True,
            announced_on=D(2026, 1, 10),
            due_by=D(2026, 5, 1),
            source_document="test",
        )
    tokens = {u: user_token(engine, u, role, nation) for u, (role, nation) in ROLES.items()}
    web = create_app(engine, job_workers=1)
    with make_client(web) as client:
        yield {"db": str(path), "client": client, "tokens": tokens}
    engine.dispose()


def figures(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    return {
        r["ref"]: {
            **{k: int(r[f"by_date_{k}"]) for k in KINDS},
            "by_date": int(r["by_date"]),
            "gap": int(r["gap"]),
        }
        for r in rows
    }


def cli_figures(db: str, user: str | None) -> dict[str, Any]:
    args = ["--db", db] + (["--as", user] if user else [])
    r = CliRunner().invoke(
        cli, [*args, "needs", "cover", "--item", ITEM, "--as-of", AS_OF, "--json"]
    )
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["as_of"] == AS_OF and len(out["groups"]) == 1
    return out["groups"][0]


def api_figures(site: dict[str, Any], user: str, **params: str) -> Any:
    c = site["client"]
    c.cookies.clear()
    return c.get(
        "/api/v1/figures/needs/cover",
        params={"as_of": AS_OF, **params},
        headers={"Authorization": f"Bearer {site['tokens'][user]}"},
    )


def page_figures(site: dict[str, Any], user: str, ref: str) -> tuple[str, dict[str, int]]:
    c = site["client"]
    c.cookies.clear()
    c.cookies.set(SESSION_COOKIE, site["tokens"][user])
    html = c.get("/needs", params={"cover": ref, "as_of": AS_OF}).text
    found = dict(
        re.findall(
            r'data-figure="cover-([a-z-]+)-' + re.escape(ref) + r'" data-value="(-?\d+)"', html
        )
    )
    return html, {k.replace("-", "_"): int(v) for k, v in found.items()}


@pytest.mark.parametrize("user", ["coord", "donor"])
def test_cover_is_the_same_on_cli_api_and_page(site: dict[str, Any], user: str) -> None:
    expected = EXPECTED[user]
    # the CLI's --as USER shows what that user may see; the operator sees what coord sees
    group = cli_figures(site["db"], user if user != "coord" else None)
    by_cli = figures(group["needs"])
    r = api_figures(site, user, item=ITEM)
    assert r.status_code == 200, r.text
    by_api = figures(r.json()["groups"][0]["needs"])
    assert by_cli == by_api
    for ref, want in expected.items():
        assert {k: by_cli[ref][k] for k in want} == want, (user, ref)
        html, on_page = page_figures(site, user, ref)
        assert 'id="cover-table"' in html
        assert on_page == {**by_cli[ref]}, (user, ref)
    # the arrivals with their records: a delivery, then the pledges due
    kinds = [(a["kind"], a["ref"]) for a in group["arrivals"]]
    assert kinds[:2] == [("delivered", "D-C1"), ("pledge due", "P-C")]
    assert (("pledge due", "P-S") in kinds) == (user == "coord")
    assert group["arrivals"] == r.json()["groups"][0]["arrivals"]


def test_cover_of_one_need_and_errors(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.console, "_width", 120)
    r = CliRunner().invoke(cli, ["--db", site["db"], "needs", "cover", "N-B", "--as-of", AS_OF])
    assert r.exit_code == 0, r.output
    assert "N-B" in r.stdout and "N-A" not in r.stdout.split("Arrivals")[0]
    assert "P-S" in r.stdout and "D-C1" in r.stdout  # sources: the records
    one = api_figures(site, "coord", need="N-B").json()["groups"][0]["needs"]
    assert [n["ref"] for n in one] == ["N-B"]
    r = CliRunner().invoke(cli, ["--db", site["db"], "needs", "cover", "N-NONE"])
    assert r.exit_code == 1 and "no need 'N-NONE'" in r.stderr
    r = CliRunner().invoke(cli, ["--db", site["db"], "needs", "cover"])
    assert r.exit_code == 1 and "one of them" in r.stderr
    assert api_figures(site, "coord", need="N-NONE").status_code == 404
    assert api_figures(site, "coord").status_code == 422
    html, _ = page_figures(site, "analyst", "N-NONE")
    assert "No need N-NONE that you may see." in html


def test_favicon_is_served(site: dict[str, Any]) -> None:
    """Issue 19: browsers ask for /favicon.ico (the brief page did, and got 404)."""
    c = site["client"]
    c.cookies.clear()
    r = c.get("/favicon.ico")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert r.content.lstrip().startswith(b"<svg") or b"<svg" in r.content[:200]
