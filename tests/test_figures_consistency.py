"""Every key figure is the same on every surface (docs/figures.md): the API
(``GET /figures``), the pages (Overview), the CLI (``materiel status --json``) and the
brief (its comparison table, as of the meeting date) — for a small hand-built scenario on
both backends, and for the demo. Each role sees its own figures, the same everywhere."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from materiel import queries
from materiel.access import Principal
from materiel.app import create_app
from materiel.brief import Options, gather
from materiel.cli.main import app as cli
from materiel.db import get_engine, read_session
from materiel.testing import ROLES, make_client, seed, user_token
from materiel.web.session import SESSION_COOKIE

API = "/api/v1"
Small = tuple[Engine, str, dict[str, str], dict[str, Any]]


def _web_figures(html: str) -> dict[str, float]:
    return {
        k: float(v)
        for k, v in re.findall(r'data-figure="([^"]+)" data-value="([^"]*)"', html)
        if v not in ("", "None")
    }


def _surfaces(engine: Engine, url: str, day: str, users: dict[str, str]) -> dict[str, Any]:
    """Per user: the key figures of the API and the Overview page; for the operator the
    CLI's (and as each user with --as)."""
    out: dict[str, Any] = {}
    with make_client(create_app(engine)) as client:
        for user, token in users.items():
            r = client.get(
                f"{API}/figures?as_of={day}", headers={"Authorization": f"Bearer {token}"}
            )
            assert r.status_code == 200, r.text
            client.cookies.set(SESSION_COOKIE, token)
            page = client.get(f"/?as_of={day}")
            client.cookies.clear()
            assert page.status_code == 200
            result = CliRunner().invoke(
                cli, ["--db", url, "--as", user, "status", "--as-of", day, "--json"]
            )
            assert result.exit_code == 0, result.output
            out[user] = {
                "api": r.json(),
                "web": _web_figures(page.text),
                "cli": json.loads(result.stdout),
            }
    return out


def _check(fig: dict[str, Any], web: dict[str, float], cli: dict[str, Any]) -> None:
    assert fig == {**cli, "as_of": fig["as_of"]}  # API and CLI: the same JSON
    needs, pledges, stocks = fig["needs"], fig["pledges"], fig["stocks"]
    for row in needs["by_priority"]:
        p = row["priority"]
        assert web[f"needs-uncovered-{p}"] == row["uncovered"]
        assert web[f"needs-total-{p}"] == row["needs"]
        assert web[f"needs-overdue-{p}"] == row["overdue"]
    assert web["pledges-count"] == pledges["total"]
    assert web["pledges-late"] == pledges["late"]
    assert web["pledged-value"] == pytest.approx(pledges["pledged_value"], abs=0.01)
    assert web["delivered-value"] == pytest.approx(pledges["delivered_value"], abs=0.01)
    if stocks is None:
        assert "stocks-below" not in web
    else:
        assert web["stocks-below"] == stocks["below_target"]
        assert web["alliance-rows-below"] == stocks["alliance_rows_below"]
        if "donors_below_target" in stocks:
            assert web["donors-below"] == stocks["donors_below_target"]
    for f in fig["funds"]:
        for k in ("budget", "spent", "committed", "remaining"):
            assert web[f"fund-{k}-{f['code']}"] == pytest.approx(f[k])
    if fig["plan"] is not None:
        assert web["plan-critical-met"] == pytest.approx(fig["plan"]["critical_share"])


def _brief_headline(engine: Engine, meeting_id: int, horizon: int) -> dict[str, float | None]:
    brief = gather(engine, meeting_id, Options(paths=20, horizon_weeks=horizon, charts=False))
    return {c.key: c.current for c in brief.changes}


def _headline_of(fig: dict[str, Any]) -> dict[str, float | None]:
    from materiel.brief.compare import headline

    plan = (
        100 * fig["plan"]["critical_share"]
        if fig["plan"] is not None and fig["plan"]["critical_share"] is not None
        else None
    )
    return headline(fig, plan).values


@pytest.fixture
def small(
    engine: Engine, db_url: str
) -> Iterator[tuple[Engine, str, dict[str, str], dict[str, Any]]]:
    ids = seed(engine)
    users = {name: user_token(engine, name, role, nation) for name, (role, nation) in ROLES.items()}
    yield engine, db_url, users, ids


def test_key_figures_agree_on_every_surface_for_every_role(
    small: Small,
) -> None:
    engine, url, users, ids = small
    day = "2026-01-05"  # the seed's meeting M-1
    seen = _surfaces(engine, url, day, users)
    for s in seen.values():
        _check(s["api"], s["web"], s["cli"])
    # each role its own figures: the confidential FRA pledge counts for FRA, UKR and staff
    counts = {u: s["api"]["pledges"]["total"] for u, s in seen.items()}
    assert counts == {"admin": 2, "coord": 2, "donor": 1, "donor2": 2, "recipient": 2, "analyst": 1}
    assert seen["analyst"]["api"]["stocks"] is None
    # the brief's headline is the key figures of the meeting date (a coordinator's view)
    assert _brief_headline(engine, ids["meeting"], 4) == _headline_of(seen["coord"]["api"])


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, demo_copy: Callable[..., Path]
) -> Iterator[tuple[Engine, str]]:
    path = demo_copy(tmp_path_factory.mktemp("consistency") / "demo.db")
    engine = get_engine(path, fresh=True)
    yield engine, str(path)
    engine.dispose()


def test_key_figures_agree_on_every_surface_for_the_demo(demo: tuple[Engine, str]) -> None:
    engine, url = demo
    users = {
        "chair": user_token(engine, "chair", "coordinator"),
        "berlin": user_token(engine, "berlin", "donor", "DEU"),
        "kyiv": user_token(engine, "kyiv", "recipient", "UKR"),
    }
    with read_session(engine) as s:
        meeting = queries.meeting(s, Principal(0, "x", "coordinator"), "CG-32")
        assert meeting is not None
        day, mid = meeting.held_on.isoformat(), meeting.id
    seen = _surfaces(engine, url, day, users)
    for s in seen.values():
        _check(s["api"], s["web"], s["cli"])
    chair = seen["chair"]["api"]
    assert chair["needs"]["total"] > 50 and chair["pledges"]["late"] > 0
    assert chair["synthetic"] is True
    # a donor sees fewer pledges (others' confidential ones are hidden) and fewer totals
    assert seen["berlin"]["api"]["pledges"]["total"] < chair["pledges"]["total"]
    assert seen["berlin"]["api"]["stocks"]["alliance_suppressed"] > 0
    assert _brief_headline(engine, mid, 26) == _headline_of(chair)


def test_stock_outlook_agrees_on_api_and_pages(demo: tuple[Engine, str]) -> None:
    """Weeks to target: one definition for the heatmap, the detail table and the API."""
    engine, _ = demo
    token = user_token(engine, "berlin2", "donor", "DEU")
    day = "2026-11-02"
    with make_client(create_app(engine)) as client:
        h = {"Authorization": f"Bearer {token}"}
        rows = client.get(f"{API}/figures/stock-outlook?as_of={day}&holder=DEU", headers=h).json()
        client.cookies.set(SESSION_COOKIE, token)
        heat = client.get(f"/stockpiles?as_of={day}").text
        detail = client.get(f"/stockpiles/DEU?as_of={day}").text
    assert rows["count"] > 0
    for r in rows["items"]:
        cell = f'data-figure="weeks-to-target-DEU-{r["item"]}">{r["label"]}<'
        assert cell in detail
        if r["state"] != "no target":
            assert cell in heat
        assert "∞" not in r["label"]
        if r["state"] == "below target":
            assert r["weeks_to_target"] == 0


def test_need_coverage_and_late_pledges_agree_on_every_surface(demo: tuple[Engine, str]) -> None:
    """Per need: pledged, delivered, due by its date and status on the API, the CLI and the
    Needs page; late pledges on the API and the CLI — for a coordinator and for a donor."""
    engine, url = demo
    day = "2026-11-12"
    for name, role, nation in (("chair2", "coordinator", None), ("berlin3", "donor", "DEU")):
        token = user_token(engine, name, role, nation)
        h = {"Authorization": f"Bearer {token}"}
        with make_client(create_app(engine)) as client:
            api = client.get(f"{API}/figures/needs?as_of={day}", headers=h).json()["items"]
            late = client.get(f"{API}/figures/pledges?as_of={day}&late=true", headers=h).json()
            client.cookies.set(SESSION_COOKIE, token)
            page = client.get(f"/needs?as_of={day}").text
        cli_needs = CliRunner().invoke(
            cli, ["--db", url, "--as", name, "needs", "list", "--as-of", day, "--json"]
        )
        cli_late = CliRunner().invoke(
            cli, ["--db", url, "--as", name, "pledges", "list", "--late", "--as-of", day, "--json"]
        )
        rows = json.loads(cli_needs.stdout)
        assert [r["ref"] for r in rows] == [r["ref"] for r in api]
        keys = ("pledged", "delivered", "due", "status", "overdue", "days_overdue")
        assert [[r[k] for k in keys] for r in rows] == [[r[k] for k in keys] for r in api]
        web = _web_figures(page)
        for r in api:
            assert web[f"need-pledged-{r['ref']}"] == r["pledged"]
            assert web[f"need-delivered-{r['ref']}"] == r["delivered"]
        assert sorted(p["ref"] for p in json.loads(cli_late.stdout)) == sorted(
            p["ref"] for p in late["items"]
        )
        assert late["count"] > 0
