"""Helpers for tests and benchmarks of the API: users with tokens and a small synthetic
record set (labelled synthetic)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.passwords import hash_password
from materiel.access.tokens import issue_token
from materiel.access.users import add_user
from materiel.db import write_session
from materiel.records import (
    AllianceMember,
    Caveat,
    Fund,
    Item,
    Meeting,
    Nation,
    Need,
    Organisation,
    Pledge,
    ProductionLine,
    Scenario,
    StockReport,
    StockTarget,
)
from materiel.services import writer

SOURCE = "synthetic test data"
PASSWORD = "Correct-horse-42"
ROLES = {
    "admin": ("admin", None),
    "coord": ("coordinator", None),
    "donor": ("donor", "DEU"),
    "donor2": ("donor", "FRA"),
    "recipient": ("recipient", "UKR"),
    "analyst": ("analyst", None),
}


#: The longest a test waits for anything (a server to start, a response, a thread): a guard
#: against hanging for ever on a loaded machine, far above any expected wait. It is never a
#: measure of speed; timings belong in benchmarks.
HANG_GUARD = 600.0


def wait_until(
    ready: Callable[[], bool],
    what: str,
    *,
    alive: Callable[[], bool] | None = None,
    interval: float = 0.05,
) -> None:
    """Poll ``ready`` until it is true. Fails at once when ``alive`` says the awaited process
    has died, and only after :data:`HANG_GUARD` seconds otherwise."""
    guard = time.monotonic() + HANG_GUARD
    while not ready():
        if alive is not None and not alive():
            raise RuntimeError(f"{what}: the process it waits for has ended")
        if time.monotonic() > guard:
            raise RuntimeError(f"{what}: still waiting after {HANG_GUARD:.0f} s (a hang)")
        time.sleep(interval)


def answers(url: str) -> bool:
    """True when ``url`` answers 200 (a server that is up); False while it is not listening."""
    import httpx

    try:
        return httpx.get(url, timeout=HANG_GUARD).status_code == 200
    except httpx.TransportError:
        return False


@functools.cache
def _hash(password: str) -> str:
    return hash_password(password)


def user_token(
    engine: Engine,
    username: str,
    role: str,
    nation: str | None = None,
    *,
    password: str = PASSWORD,
    lifetime: dt.timedelta | None = None,
) -> str:
    """Create a user and return a fresh session token for it."""
    with write_session(engine) as s:
        user = add_user(
            s,
            username=username,
            password=password,
            role=role,
            nation=nation,
            actor="test",
            password_hash=_hash(password),
        )
        raw, _ = issue_token(s, user, lifetime=lifetime)
    return raw


def seed(engine: Engine) -> dict[str, Any]:
    """Nations DEU, FRA, POL (donors, members of NATO), UKR (recipient); one item; a public
    DEU pledge and a confidential FRA pledge to UKR; stocks and targets of DEU and FRA; a
    line, a fund, a meeting and a scenario, all flagged synthetic. Returns their ids."""
    d = dt.date(2026, 1, 5)
    ids: dict[str, Any] = {}
    with writer(engine, "test-seed") as w:
        for code, name, donor in (
            ("DEU", "Germany", True),
            ("FRA", "France", True),
            ("POL", "Poland", True),
            ("UKR", "Ukraine", False),
        ):
            w.create(
                Nation,
                code=code,
                name=name,
                is_donor=donor,
                is_recipient=not donor,
                gdp_eur_bn=1000.0,
            )
            if donor:
                w.create(AllianceMember, alliance="NATO", nation_code=code)
        w.create(
            Item,
            code="ammo.artillery.155mm",
            name="155 mm round",
            category="artillery-ammunition",
            calibre="155mm",
            unit="round",
            unit_value=4000.0,
            currency="EUR",
            aliases=["155mm"],
        )
        w.create(
            Organisation,
            synthetic=True,
            code="ACME",
            name="Acme Munitions (synthetic)",
            kind="producer_large",
            nation_code="DEU",
        )
        item = "ammo.artillery.155mm"
        ids["need"] = w.create(
            Need,
            synthetic=True,
            ref="N-1",
            recipient_code="UKR",
            item_code=item,
            quantity=1000,
            priority="critical",
            needed_by=d,
            stated_on=d,
            source=SOURCE,
        ).id
        ids["pledge"] = w.create(
            Pledge,
            synthetic=True,
            ref="P-DEU",
            donor_code="DEU",
            recipient_code="UKR",
            item_code=item,
            quantity=1000,
            announced_on=d,
            source_document=SOURCE,
        ).id
        ids["secret"] = w.create(
            Pledge,
            synthetic=True,
            ref="P-FRA",
            donor_code="FRA",
            recipient_code="UKR",
            item_code=item,
            quantity=500,
            announced_on=d,
            confidential=True,
            source_document=SOURCE,
        ).id
        for nation, qty in (("DEU", 20000), ("FRA", 10000)):
            ids[f"stock_{nation}"] = w.create(
                StockReport,
                synthetic=True,
                nation_code=nation,
                item_code=item,
                quantity=qty,
                as_of=d,
                source=SOURCE,
            ).id
            ids[f"target_{nation}"] = w.create(
                StockTarget,
                synthetic=True,
                nation_code=nation,
                item_code=item,
                minimum=qty // 2,
                effective_from=d,
                source=SOURCE,
            ).id
            ids[f"caveat_{nation}"] = w.create(
                Caveat,
                synthetic=True,
                nation_code=nation,
                item_code=item,
                weekly_cap=100,
                source=SOURCE,
            ).id
        ids["line"] = w.create(
            ProductionLine,
            synthetic=True,
            code="L-1",
            producer_code="ACME",
            item_code=item,
            nation_code="DEU",
            weekly_capacity=1000,
            unit_price=4000.0,
            currency="EUR",
            lead_time_weeks=4,
        ).id
        ids["fund"] = w.create(
            Fund,
            synthetic=True,
            code="F-1",
            name="Ammunition fund (synthetic)",
            kind="collective",
            budget=1e9,
            currency="EUR",
            destination="recipient",
            recipient_code="UKR",
            period_start=d,
            period_end=d + dt.timedelta(365),
            source=SOURCE,
        ).id
        ids["meeting"] = w.create(
            Meeting, synthetic=True, ref="M-1", held_on=d, title="Contact group"
        ).id
        ids["scenario"] = w.create(
            Scenario, synthetic=True, name="baseline", horizon_weeks=26, params={}
        ).id
    return ids


def make_client(app: Any) -> Any:
    """A fastapi TestClient (its import warns about httpx vs httpx2; silenced here)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app)


@contextmanager
def live_server(app: Any, **config: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cfg = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, **config
    )
    server = uvicorn.Server(cfg)
    thread = threading.Thread(target=server.run, name="materiel-test-server", daemon=True)
    thread.start()
    wait_until(lambda: server.started, "test server start", alive=thread.is_alive, interval=0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=HANG_GUARD)


@contextmanager
def web_site(path: Path) -> Iterator[dict[str, Any]]:
    """A fresh database at ``path`` holding :func:`seed`'s records, a token for every user of
    :data:`ROLES` and a test client of the whole app (API and pages): ``engine``, ``ids``,
    ``tokens``, ``client``, ``app``."""
    from materiel import migrations
    from materiel.app import create_app
    from materiel.db import get_engine

    engine = get_engine(path, fresh=True)
    migrations.upgrade(engine)
    ids = seed(engine)
    tokens = {u: user_token(engine, u, role, nation) for u, (role, nation) in ROLES.items()}
    app = create_app(engine, job_workers=1)
    with make_client(app) as client:
        yield {"engine": engine, "ids": ids, "tokens": tokens, "client": client, "app": app}
    engine.dispose()


def as_user(site: dict[str, Any], user: str | None) -> Any:
    """The client of a :func:`web_site`, signed in as ``user`` (None: signed out)."""
    from materiel.web.session import SESSION_COOKIE

    c = site["client"]
    c.cookies.clear()
    if user is not None:
        c.cookies.set(SESSION_COOKIE, site["tokens"][user])
    return c


def csrf_of(html: str) -> str:
    """The CSRF token of the (first) form in a page."""
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "form without a CSRF field"
    return m.group(1)


def figure(html: str, name: str) -> str:
    """The ``data-value`` of the figure ``data-figure=name`` in a page."""
    m = re.search(rf'data-figure="{re.escape(name)}" data-value="([^"]*)"', html)
    assert m, f"no figure {name}"
    return m.group(1)


def principal(user: str) -> Principal:
    """The principal of a user of :data:`ROLES` (as the read side sees it)."""
    role, nation = ROLES[user]
    return Principal(0, user, role, nation)
