"""Every endpoint × every role: allowed (2xx), refused (403) or hidden (404).

The expectations below are written from DESIGN.md ("Access") and issue 5, independently of
materiel.access.policy; the last assertion checks that no route of the app is left out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import Engine

from materiel.api.routers import runs
from materiel.api.testing import ROLES, make_client, seed, user_token
from materiel.app import create_app
from materiel.records import (
    AllianceMember,
    Caveat,
    ForecastRun,
    Fund,
    FundItem,
    FundMember,
    Item,
    Job,
    Meeting,
    Nation,
    Need,
    Order,
    Organisation,
    PlanRun,
    Pledge,
    ProductionLine,
    RampStep,
    Scenario,
    ScenarioRate,
    StockReport,
    StockTarget,
)
from materiel.services import writer
from materiel.web.session import SESSION_COOKIE

API = "/api/v1"


class _FakeBrief:
    @staticmethod
    def render_html(engine: Any, meeting_id: int, viewer: Any = None) -> str:
        return f"<h1>{meeting_id}</h1>"


ALL = tuple(ROLES)  # admin, coord, donor (DEU), donor2 (FRA), recipient (UKR), analyst
STAFF = ("admin", "coord")
OK = "ok"
D = dt.date(2026, 1, 5)
ITEM = "ammo.artillery.155mm"
_n = itertools.count()


def expect(
    ok: tuple[str, ...], hidden: tuple[str, ...] = (), forbidden: Any = None
) -> dict[str, Any]:
    """Roles in ``ok`` succeed, ``hidden`` get 404, every other role 403."""
    out: dict[str, Any] = {}
    for r in ALL:
        out[r] = OK if r in ok else 404 if r in hidden else 403
    return out


@dataclass
class Case:
    method: str
    path: str  # route template
    expect: dict[str, Any]
    params: Callable[[str], dict[str, Any]] = lambda role: {}
    body: Callable[[str], Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def world(sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    engine = sqlite_engine
    ids = seed(engine)
    tokens = {
        name: user_token(engine, name, role, nation) for name, (role, nation) in ROLES.items()
    }
    with writer(engine, "test") as w:
        ids["secret_delivery"] = w.record_delivery(
            w.get(Pledge, id=ids["secret"]), ref="D-S", quantity=1, delivered_on=D
        ).id
        ids["plan_run"] = w.create(
            PlanRun,
            as_of=D,
            snapshot_hash="0" * 64,
            scenario="baseline",
            horizon_weeks=4,
            status="optimal",
            results={},
        ).id
        ids["forecast_run"] = w.create(
            ForecastRun,
            as_of=D,
            snapshot_hash="0" * 64,
            scenario="baseline",
            kind="projection",
            status="ok",
            results={},
        ).id
        ids["job"] = w.create(Job, kind="plan", status="done", params={}, owner="coord").id
        ids["rate"] = w.create(
            ScenarioRate,
            scenario_name="baseline",
            recipient_code="UKR",
            item_code=ITEM,
            mean_per_day=100.0,
        ).id
        ids["step"] = w.create(RampStep, line_code="L-1", effective_from=D, weekly_capacity=5).id
        ids["fund_item"] = w.create(FundItem, fund_code="F-1", item_code=ITEM).id
        ids["fund_member"] = w.create(FundMember, fund_code="F-1", nation_code="DEU").id
        ids["order"] = w.create(
            Order,
            ref="O-1",
            fund_code="F-1",
            line_code="L-1",
            quantity=10,
            unit_price=1.0,
            currency="EUR",
            placed_on=D,
            delivery_start=D,
            delivery_end=D,
            destination_code="UKR",
        ).id
    app = create_app(engine)
    # the brief's own content is its owner's test; here only who may fetch it
    monkeypatch.setattr(runs, "brief_module", lambda: _FakeBrief)
    app.state.runners["plan"] = lambda *a: ids["plan_run"]
    app.state.runners["forecast"] = lambda *a: ids["forecast_run"]
    with make_client(app) as client:
        yield {"engine": engine, "ids": ids, "tokens": tokens, "client": client, "app": app}


def _mk(engine: Engine, model: Any, **fields: Any) -> Any:
    with writer(engine, "test") as w:
        obj = w.create(model, **fields)
        return getattr(obj, "id", None) or obj.code


def _code() -> str:
    n = next(_n)
    return "Q" + chr(65 + n // 26 % 26) + chr(65 + n % 26)


def cases(world: dict[str, Any]) -> list[Case]:
    ids, engine = world["ids"], world["engine"]
    mk = lambda model, **f: _mk(engine, model, **f)  # noqa: E731
    sfx = lambda: str(next(_n))  # noqa: E731
    star = {"If-Match": "*"}
    c: list[Case] = []

    def reference(
        path: str,
        key: Any,
        body: Callable[[], Any],
        patch: Any,
        fresh: Callable[[], Any],
        parent: dict[str, Any] | None = None,
        item_key: str = "id",
    ) -> None:
        p = parent or {}
        c.append(Case("GET", path, expect(ALL), lambda r: dict(p)))
        c.append(Case("POST", path, expect(STAFF), lambda r: dict(p), lambda r: body()))
        item = f"{path}/{{{item_key}}}"
        c.append(Case("GET", item, expect(ALL), lambda r: {**p, item_key: key}))
        c.append(
            Case(
                "PATCH", item, expect(STAFF), lambda r: {**p, item_key: key}, lambda r: patch, star
            )
        )
        c.append(Case("DELETE", item, expect(STAFF), lambda r: {**p, item_key: fresh()}))

    reference(
        "/nations",
        "POL",
        lambda: {"code": _code(), "name": "Testland"},
        {"name": "Polska"},
        lambda: mk(Nation, code=_code(), name="Gone"),
        item_key="code",
    )
    reference(
        "/alliance-members",
        1,
        lambda: {"alliance": "EU", "nation_code": str(mk(Nation, code=_code(), name="x"))},
        {"alliance": "NATO"},
        lambda: mk(
            AllianceMember, alliance="EU", nation_code=str(mk(Nation, code=_code(), name="y"))
        ),
    )
    reference(
        "/organisations",
        1,
        lambda: {"code": f"O{sfx()}", "name": "x", "kind": "agency"},
        {"name": "Acme"},
        lambda: mk(Organisation, code=f"O{sfx()}", name="x", kind="agency"),
    )
    reference(
        "/items",
        ITEM,
        lambda: {
            "code": f"t.{sfx()}",
            "name": "x",
            "category": "medical",
            "unit": "u",
            "unit_value": 1.0,
        },
        {"unit": "round"},
        lambda: mk(Item, code=f"t.{sfx()}", name="x", category="medical", unit="u", unit_value=1.0),
        item_key="code",
    )
    reference(
        "/production-lines",
        ids["line"],
        lambda: {
            "code": f"L{sfx()}",
            "producer_code": "ACME",
            "item_code": ITEM,
            "weekly_capacity": 1,
            "unit_price": 1.0,
            "currency": "EUR",
            "lead_time_weeks": 1,
        },
        {"weekly_capacity": 1000},
        lambda: mk(
            ProductionLine,
            code=f"L{sfx()}",
            producer_code="ACME",
            item_code=ITEM,
            weekly_capacity=1,
            unit_price=1.0,
            currency="EUR",
            lead_time_weeks=1,
        ),
    )
    reference(
        "/production-lines/{parent_id}/ramp-steps",
        ids["step"],
        lambda: {"effective_from": str(D + dt.timedelta(next(_n) + 1)), "weekly_capacity": 9},
        {"weekly_capacity": 6},
        lambda: mk(
            RampStep,
            line_code="L-1",
            effective_from=D + dt.timedelta(next(_n) + 1),
            weekly_capacity=1,
        ),
        parent={"parent_id": ids["line"]},
    )
    fund_body = {
        "name": "x",
        "kind": "national",
        "budget": 1.0,
        "currency": "EUR",
        "destination": "members",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
    }
    reference(
        "/funds",
        ids["fund"],
        lambda: {"code": f"F{sfx()}", **fund_body},
        {"budget": 2e9},
        lambda: mk(
            Fund,
            code=f"F{sfx()}",
            name="x",
            kind="national",
            budget=1.0,
            currency="EUR",
            destination="members",
            period_start=D,
            period_end=D,
        ),
    )

    def fresh_item() -> str:
        return str(
            mk(Item, code=f"t.{sfx()}", name="x", category="medical", unit="u", unit_value=1.0)
        )

    reference(
        "/funds/{parent_id}/items",
        ids["fund_item"],
        lambda: {"item_code": fresh_item()},
        {"item_code": ITEM},
        lambda: mk(FundItem, fund_code="F-1", item_code=fresh_item()),
        parent={"parent_id": ids["fund"]},
    )

    def fresh_nation() -> str:
        return str(mk(Nation, code=_code(), name="x"))

    reference(
        "/funds/{parent_id}/members",
        ids["fund_member"],
        lambda: {"nation_code": fresh_nation()},
        {"contribution": 5.0},
        lambda: mk(FundMember, fund_code="F-1", nation_code=fresh_nation()),
        parent={"parent_id": ids["fund"]},
    )
    order = {
        "fund_code": "F-1",
        "line_code": "L-1",
        "quantity": 1,
        "unit_price": 1.0,
        "currency": "EUR",
        "placed_on": "2026-01-05",
        "delivery_start": "2026-01-05",
        "delivery_end": "2026-01-05",
        "destination_code": "UKR",
    }
    reference(
        "/orders",
        ids["order"],
        lambda: {"ref": f"O{sfx()}", **order},
        {"quantity": 20},
        lambda: mk(
            Order,
            ref=f"O{sfx()}",
            fund_code="F-1",
            line_code="L-1",
            quantity=1,
            unit_price=1.0,
            currency="EUR",
            placed_on=D,
            delivery_start=D,
            delivery_end=D,
            destination_code="UKR",
        ),
    )
    reference(
        "/meetings",
        ids["meeting"],
        lambda: {"ref": f"M{sfx()}", "held_on": "2026-02-01", "title": "x"},
        {"place": "Ramstein"},
        lambda: mk(Meeting, ref=f"M{sfx()}", held_on=D, title="x"),
    )
    reference(
        "/scenarios",
        ids["scenario"],
        lambda: {"name": f"s{sfx()}"},
        {"description": "base"},
        lambda: mk(Scenario, name=f"s{sfx()}"),
    )
    reference(
        "/scenarios/{parent_id}/rates",
        ids["rate"],
        lambda: {"recipient_code": "UKR", "item_code": fresh_item(), "mean_per_day": 1.0},
        {"cv": 0.2},
        lambda: mk(
            ScenarioRate,
            scenario_name="baseline",
            recipient_code="UKR",
            item_code=fresh_item(),
            mean_per_day=1.0,
        ),
        parent={"parent_id": ids["scenario"]},
    )

    # needs: everybody reads; staff and the recipient (for its own nation) write
    need = {
        "recipient_code": "UKR",
        "item_code": ITEM,
        "quantity": 5,
        "priority": "high",
        "needed_by": "2026-03-01",
        "stated_on": "2026-01-01",
    }
    own_need = ("admin", "coord", "recipient")
    c += [
        Case("GET", "/needs", expect(ALL)),
        Case("POST", "/needs", expect(own_need), body=lambda r: {"ref": f"UKR-N{sfx()}", **need}),
        Case("GET", "/needs/{id}", expect(ALL), lambda r: {"id": ids["need"]}),
        Case(
            "PATCH",
            "/needs/{id}",
            expect(own_need),
            lambda r: {"id": ids["need"]},
            lambda r: {"quantity": 1001},
            star,
        ),
        Case(
            "DELETE",
            "/needs/{id}",
            expect(own_need),
            lambda r: {
                "id": mk(
                    Need,
                    ref=f"N{sfx()}",
                    recipient_code="UKR",
                    item_code=ITEM,
                    quantity=1,
                    priority="high",
                    needed_by=D,
                    stated_on=D,
                )
            },
        ),
    ]

    # pledges: the confidential FRA → UKR pledge is hidden from DEU and analysts
    secret_ok = ("admin", "coord", "donor2")
    secret_seen = (*secret_ok, "recipient")
    secret_hidden = ("donor", "analyst")
    pledge = {
        "recipient_code": "UKR",
        "item_code": ITEM,
        "quantity": 5,
        "announced_on": "2026-01-05",
    }

    def fresh_secret() -> int:
        return int(
            mk(
                Pledge,
                ref=f"P{sfx()}",
                donor_code="FRA",
                recipient_code="UKR",
                item_code=ITEM,
                quantity=5,
                announced_on=D,
                confidential=True,
            )
        )

    c += [
        Case("GET", "/pledges", expect(ALL)),
        Case(
            "POST",
            "/pledges",
            expect(("admin", "coord", "donor")),
            body=lambda r: {"ref": f"DEU-P{sfx()}", "donor_code": "DEU", **pledge},
        ),
        Case(
            "GET",
            "/pledges/{id}",
            expect(secret_seen, secret_hidden),
            lambda r: {"id": ids["secret"]},
        ),
        Case(
            "PATCH",
            "/pledges/{id}",
            expect(secret_ok, secret_hidden),
            lambda r: {"id": ids["secret"]},
            lambda r: {"quantity": 600},
            star,
        ),
        Case(
            "DELETE",
            "/pledges/{id}",
            expect(secret_ok, secret_hidden),
            lambda r: {"id": fresh_secret()},
        ),
        Case(
            "POST",
            "/pledges/{pledge_id}/transition",
            expect(secret_ok, secret_hidden),
            lambda r: {"pledge_id": fresh_secret()},
            lambda r: {"to": "committed"},
            star,
        ),
        Case(
            "POST",
            "/pledges/{pledge_id}/deliveries",
            expect(secret_ok, secret_hidden),
            lambda r: {"pledge_id": ids["secret"]},
            lambda r: {"quantity": 1, "delivered_on": "2026-02-01"},
        ),
        Case(
            "POST",
            "/deliveries",
            expect(secret_ok, secret_hidden),
            body=lambda r: {
                "pledge_id": ids["secret"],
                "quantity": 1,
                "delivered_on": "2026-02-01",
            },
        ),
        Case("GET", "/deliveries", expect(ALL)),
        Case(
            "GET",
            "/deliveries/{id}",
            expect(secret_seen, secret_hidden),
            lambda r: {"id": ids["secret_delivery"]},
        ),
        Case(
            "PATCH",
            "/deliveries/{id}",
            expect(secret_ok, secret_hidden),
            lambda r: {"id": ids["secret_delivery"]},
            lambda r: {"source": "x"},
            star,
        ),
    ]

    # stocks and targets of FRA: FRA and staff in detail; DEU and UKR see only totals
    not_analyst = tuple(r for r in ALL if r != "analyst")
    for path, model, body, patch in (
        ("/stock-reports", StockReport, {"quantity": 1, "as_of": "2026-03-01"}, {"quantity": 7}),
        (
            "/stock-targets",
            StockTarget,
            {"minimum": 1, "effective_from": "2026-03-01"},
            {"minimum": 7},
        ),
        ("/caveats", Caveat, {}, {"weekly_cap": 7}),
    ):
        writers = secret_ok if model is not Caveat else STAFF
        key = ids[
            {StockReport: "stock_FRA", StockTarget: "target_FRA", Caveat: "caveat_FRA"}[model]
        ]

        def fresh(model: Any = model) -> int:
            extra: dict[str, Any] = {}
            if model is StockReport:
                extra = {"quantity": 1, "as_of": D + dt.timedelta(next(_n) + 1)}
            elif model is StockTarget:
                extra = {"minimum": 1, "effective_from": D + dt.timedelta(next(_n) + 1)}
            item = ITEM if model is not Caveat else fresh_item()
            return int(mk(model, nation_code="FRA", item_code=item, **extra))

        def create_body(r: str, body: dict[str, Any] = body, model: Any = model) -> Any:
            extra = dict(body)
            if "as_of" in extra:
                extra["as_of"] = str(D + dt.timedelta(next(_n) + 100))
            if "effective_from" in extra:
                extra["effective_from"] = str(D + dt.timedelta(next(_n) + 100))
            item = ITEM if model is not Caveat else fresh_item()
            return {"nation_code": "FRA", "item_code": item, **extra}

        c += [
            Case("GET", path, expect(not_analyst)),
            Case("POST", path, expect(writers), body=create_body),
            Case(
                "GET",
                path + "/{id}",
                expect(secret_ok, ("donor", "recipient")),
                lambda r, key=key: {"id": key},
            ),
            Case(
                "PATCH",
                path + "/{id}",
                expect(writers, ("donor", "recipient") if model is not Caveat else ()),
                lambda r, key=key: {"id": key},
                lambda r, patch=patch: patch,
                star,
            ),
            Case(
                "DELETE",
                path + "/{id}",
                expect(writers, ("donor", "recipient") if model is not Caveat else ()),
                lambda r, fresh=fresh: {"id": fresh()},
            ),
        ]
    # caveats of another nation are hidden from donor DEU and the recipient, but a donor may
    # not write even its own: FRA (donor2) gets 403 on PATCH/DELETE, DEU/UKR 404
    for case in c:
        if case.path.startswith("/caveats/{id}") and case.method in ("PATCH", "DELETE"):
            case.expect.update({"donor": 404, "recipient": 404})
    c += [
        Case("GET", "/stock-reports/totals", expect(not_analyst)),
        Case("GET", "/stock-targets/totals", expect(not_analyst)),
    ]
    # figures (the read side): public figures for everyone, stock figures all but analysts
    c += [Case("GET", f"/figures{p}", expect(ALL)) for p in ("", "/needs", "/pledges", "/funds")]
    c += [
        Case("GET", f"/figures{p}", expect(not_analyst))
        for p in ("/stocks", "/stock-outlook", "/alliance-totals")
    ]

    # plans, forecasts and jobs: staff only; jobs of others are hidden
    c += [
        Case("POST", "/plans", expect(STAFF), body=lambda r: {"horizon_weeks": 4}),
        Case("POST", "/forecasts", expect(STAFF), body=lambda r: {"paths": 10}),
        Case("GET", "/plans", expect(STAFF)),
        Case("GET", "/forecasts", expect(STAFF)),
        Case("GET", "/plans/{id}", expect(STAFF), lambda r: {"id": ids["plan_run"]}),
        Case("GET", "/forecasts/{id}", expect(STAFF), lambda r: {"id": ids["forecast_run"]}),
        Case("GET", "/jobs", expect(ALL)),
        Case(
            "GET",
            "/jobs/{job_id}",
            expect(STAFF, tuple(r for r in ALL if r not in STAFF)),
            lambda r: {"job_id": ids["job"]},
        ),
        Case(
            "GET",
            "/meetings/{meeting_id}/brief",
            expect(STAFF),
            lambda r: {"meeting_id": ids["meeting"]},
        ),
    ]

    # administration: admins only
    def fresh_user() -> int:
        from materiel.access.users import add_user
        from materiel.db import write_session

        with write_session(engine) as s:
            return add_user(
                s,
                username=f"u{sfx()}",
                password="Another-pass-99",
                role="analyst",
                nation=None,
                actor="test",
            ).id

    def users_body(r: str) -> dict[str, Any]:
        return {"username": f"n{sfx()}", "password": "Another-pass-99", "role": "coordinator"}

    c += [
        Case("GET", "/users", expect(("admin",))),
        Case("POST", "/users", expect(("admin",)), body=users_body),
        Case("GET", "/users/{user_id}", expect(("admin",)), lambda r: {"user_id": 1}),
        Case(
            "PATCH",
            "/users/{user_id}",
            expect(("admin",)),
            lambda r: {"user_id": fresh_user()},
            lambda r: {"role": "coordinator"},
        ),
        Case("DELETE", "/users/{user_id}", expect(("admin",)), lambda r: {"user_id": fresh_user()}),
        Case("GET", "/audit", expect(("admin",))),
        Case("GET", "/audit/verify", expect(("admin",))),
        # every role manages its own session and tokens
        Case("GET", "/auth/me", expect(ALL)),
        Case("GET", "/auth/tokens", expect(ALL)),
        Case("POST", "/auth/tokens", expect(ALL), body=lambda r: {"name": "script", "days": 7}),
    ]
    return c


def _request(world: dict[str, Any], case: Case, role: str, token: str) -> Any:
    path = API + case.path.format(**case.params(role))
    body = case.body(role) if case.body else None
    headers = {"Authorization": f"Bearer {token}", **case.headers}
    return world["client"].request(case.method, path, json=body, headers=headers, params=case.query)


@pytest.mark.slow
def test_every_endpoint_for_every_role(world: dict[str, Any]) -> None:
    table = cases(world)
    failures = []
    for case, role in itertools.product(table, ALL):
        r = _request(world, case, role, world["tokens"][role])
        want = case.expect[role]
        ok = 200 <= r.status_code < 300 or (case.path.endswith("/brief") and r.status_code == 501)
        if (want == OK and not ok) or (want != OK and r.status_code != want):
            failures.append(
                f"{case.method} {case.path} as {role}: {r.status_code} (want {want}) {r.text[:160]}"
            )
        if want != OK:
            assert r.headers["content-type"] == "application/problem+json"
    assert not failures, "\n".join(failures)

    # auth endpoints that take or drop a session: login, logout, revoke own token
    c = world["client"]
    for name in ALL:
        r = c.post(f"{API}/auth/login", json={"username": name, "password": "Correct-horse-42"})
        assert r.status_code == 200, r.text
        tok = r.json()["access_token"]
        h = {"Authorization": f"Bearer {tok}"}
        made = c.post(f"{API}/auth/tokens", json={"name": "x"}, headers=h).json()
        assert c.delete(f"{API}/auth/tokens/{made['info']['id']}", headers=h).status_code == 204
        assert c.post(f"{API}/auth/logout", headers=h).status_code == 204
        assert c.get(f"{API}/auth/me", headers=h).status_code == 401

    covered = {(case.method, case.path) for case in table} | {
        ("POST", "/auth/login"),
        ("POST", "/auth/logout"),
        ("DELETE", "/auth/tokens/{token_id}"),
    }
    routes = {
        (m, r.path.removeprefix(API))
        for r in world["app"].routes
        if isinstance(r, APIRoute)
        and r.path.startswith(API)
        # the reading desk's routes (/ingest) test their roles in tests/test_api_ingest.py
        and "ingest" not in r.tags
        for m in r.methods
    }
    assert routes - covered == set(), "routes without a role test"


def test_lists_hide_what_roles_may_not_see(world: dict[str, Any]) -> None:
    c, tok, ids = world["client"], world["tokens"], world["ids"]

    def refs(role: str, path: str, key: str = "id") -> set[Any]:
        r = c.get(API + path, headers={"Authorization": f"Bearer {tok[role]}"})
        return {x[key] for x in r.json()["items"]}

    assert ids["secret"] in refs("donor2", "/pledges") and ids["secret"] in refs(
        "recipient", "/pledges"
    )
    assert ids["secret"] not in refs("donor", "/pledges") | refs("analyst", "/pledges")
    assert ids["secret_delivery"] not in refs("donor", "/deliveries")
    assert {s for s in refs("donor", "/stock-reports", "nation_code")} == {"DEU"}
    assert refs("recipient", "/stock-reports") == set()
    assert len(refs("coord", "/stock-reports")) == 2
    # counts do not leak hidden records either
    r = c.get(f"{API}/pledges", headers={"Authorization": f"Bearer {tok['donor']}"})
    assert r.json()["count"] == 1


# -- issue 18.1 and 18.2: figures computed from what the caller may see -------------------
SECRET_QTY = 437
SECRET_ITEM = "ammo.mortar.120mm"


@pytest.fixture
def leaky(engine: Engine) -> Iterator[dict[str, Any]]:
    """The seed plus: a need of UKR for 437 mortar rounds covered only by a confidential FRA
    pledge; NATO members BEL, NLD, NOR reporting 155 mm stock besides DEU and FRA."""
    seed(engine)
    tokens = {
        name: user_token(engine, name, role, nation) for name, (role, nation) in ROLES.items()
    }
    with writer(engine, "test") as w:
        w.create(
            Item,
            code=SECRET_ITEM,
            name="120 mm mortar round",
            category="artillery-ammunition",
            unit="round",
            unit_value=1000.0,
        )
        w.create(
            Need,
            ref="N-SECRET",
            recipient_code="UKR",
            item_code=SECRET_ITEM,
            quantity=1000,
            priority="critical",
            needed_by=D + dt.timedelta(days=60),
            stated_on=D,
        )
        w.create(
            Pledge,
            ref="P-SECRET",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=SECRET_ITEM,
            quantity=SECRET_QTY,
            announced_on=D,
            confidential=True,
        )
        for code, qty in (("BEL", 3000), ("NLD", 4000), ("NOR", 5000)):
            w.create(Nation, code=code, name=code, is_donor=True)
            w.create(AllianceMember, alliance="NATO", nation_code=code)
            w.create(StockReport, nation_code=code, item_code=ITEM, quantity=qty, as_of=D)
    app = create_app(engine)
    with make_client(app) as client:
        yield {"client": client, "tokens": tokens, "engine": engine}


def _get(world: dict[str, Any], role: str, path: str) -> Any:
    r = world["client"].get(
        API + path, headers={"Authorization": f"Bearer {world['tokens'][role]}"}
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_need_coverage_counts_only_pledges_the_caller_may_see(leaky: dict[str, Any]) -> None:
    """18.1: a confidential pledge must not show through need coverage (API and page)."""
    day = (D + dt.timedelta(days=1)).isoformat()
    pledged = {}
    for role in ALL:
        rows = _get(leaky, role, f"/figures/needs?as_of={day}&item={SECRET_ITEM}")["items"]
        pledged[role] = rows[0]["pledged"]
    # its donor, its recipient and staff see the pledge; another donor and analysts do not
    assert pledged == {
        "admin": SECRET_QTY,
        "coord": SECRET_QTY,
        "donor": 0,
        "donor2": SECRET_QTY,
        "recipient": SECRET_QTY,
        "analyst": 0,
    }
    c = leaky["client"]
    for role in ALL:
        c.cookies.clear()
        c.cookies.set(SESSION_COOKIE, leaky["tokens"][role])
        page = c.get(f"/needs?as_of={day}&item={SECRET_ITEM}").text
        shown = re.search(r'data-figure="need-pledged-N-SECRET"[^>]*>([^<]*)<', page)
        assert shown is not None, role
        assert shown.group(1) == (f"{pledged[role]:,}" if pledged[role] else "0"), role
        assert 'value="0.437"' not in page or pledged[role] == SECRET_QTY, role
    c.cookies.clear()


def test_alliance_totals_never_reveal_a_single_nation(leaky: dict[str, Any]) -> None:
    """18.2: a total shown to a donor adds up at least 3 nations besides its own, on every
    surface that shows totals (API endpoints and the pages)."""
    day = D.isoformat()
    staff = _get(leaky, "coord", f"/stock-reports/totals?as_of={day}&item_code={ITEM}")
    assert [(t["alliance"], t["nations"], t["quantity"]) for t in staff] == [
        ("NATO", 5, 20000 + 10000 + 3000 + 4000 + 5000)
    ]
    # DEU: FRA, BEL, NLD, NOR besides itself (4): shown
    deu = _get(leaky, "donor", f"/stock-reports/totals?as_of={day}&item_code={ITEM}")
    assert deu == staff
    # with NOR's report gone only 3 others remain: still shown; with NLD's too, suppressed
    with writer(leaky["engine"], "test") as w:
        w.delete(w.get(StockReport, nation_code="NOR", item_code=ITEM, as_of=D))
    assert len(_get(leaky, "donor", f"/stock-reports/totals?as_of={day}&item_code={ITEM}")) == 1
    with writer(leaky["engine"], "test") as w:
        w.delete(w.get(StockReport, nation_code="NLD", item_code=ITEM, as_of=D))
    for role in ("donor", "donor2", "recipient"):  # UKR is no member: 3 others, shown
        rows = _get(leaky, role, f"/stock-reports/totals?as_of={day}&item_code={ITEM}")
        targets = _get(leaky, role, f"/stock-targets/totals?as_of={day}&item_code={ITEM}")
        table = _get(leaky, role, f"/figures/alliance-totals?as_of={day}&item={ITEM}")
        if role == "recipient":
            assert len(rows) == len(targets) == len(table["items"]) == 1
            continue
        assert rows == [] and targets == [] and table["items"] == [], role
        assert table["suppressed"] == 1
        assert _get(leaky, role, f"/figures?as_of={day}")["stocks"]["alliance_suppressed"] == 1
    # coordinators still see the row, with the nations below target
    full = _get(leaky, "coord", f"/figures/alliance-totals?as_of={day}&item={ITEM}")["items"]
    assert full[0]["nations"] == 3 and full[0]["nations_below_target"] == 0
    # the pages say the total is withheld and show no figure of it
    c = leaky["client"]
    c.cookies.set(SESSION_COOKIE, leaky["tokens"]["donor"])
    page = c.get(f"/stockpiles?as_of={day}").text
    c.cookies.clear()
    assert "withheld" in page
    cell = re.search(rf'data-figure="alliance-cover-NATO-{re.escape(ITEM)}">([^<]*)<', page)
    assert cell is not None and cell.group(1) == "–"
