"""50 concurrent clients against a real uvicorn server, on SQLite and PostgreSQL: no
duplicate, no lost update, deliveries never above the pledge."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func, select

from materiel.api import create_app
from materiel.api.testing import HANG_GUARD, live_server, seed, user_token
from materiel.db import read_session
from materiel.records import Delivery, Pledge
from materiel.services import writer

pytestmark = pytest.mark.slow

CLIENTS = 50
API = "/api/v1"


def _pledges(engine: Engine, n: int, quantity: int) -> list[int]:
    with writer(engine, "test") as w:
        return [
            w.create(
                Pledge,
                ref=f"P-C{i}",
                donor_code="DEU",
                recipient_code="UKR",
                item_code="ammo.artillery.155mm",
                quantity=quantity,
                announced_on=dt.date(2026, 1, 1),
            ).id
            for i in range(n)
        ]


def test_fifty_clients_deliver_without_overrun_or_duplicate(engine: Engine) -> None:
    seed(engine)
    pledges = _pledges(engine, 3, 150)
    token = user_token(engine, "donor", "donor", "DEU")
    # 50 clients x 6 deliveries of 1-3 units each on 3 pledges of 150: more than pledged
    jobs = [
        (c, k, pledges[(c + k) % 3], 1 + (c * 7 + k) % 3) for c in range(CLIENTS) for k in range(6)
    ]
    results: list[tuple[int, int, int]] = []
    with live_server(create_app(engine)) as base:

        def client(cid: int) -> list[tuple[int, int, int]]:
            out = []
            with httpx.Client(
                base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=HANG_GUARD
            ) as h:
                for _c, _k, pid, qty in (j for j in jobs if j[0] == cid):
                    r = h.post(
                        f"{API}/pledges/{pid}/deliveries",
                        json={"quantity": qty, "delivered_on": "2026-02-01"},
                    )
                    out.append((r.status_code, pid, qty))
            return out

        with ThreadPoolExecutor(CLIENTS) as pool:
            for part in pool.map(client, range(CLIENTS)):
                results += part
    codes = Counter(code for code, _, _ in results)
    assert set(codes) <= {201, 409}, codes
    assert codes[409] > 0  # demand exceeded the pledges, so some were refused
    accepted: dict[int, int] = defaultdict(int)
    for code, pid, qty in results:
        if code == 201:
            accepted[pid] += qty
    with read_session(engine) as s:
        stored = dict(
            s.execute(
                select(Delivery.pledge_id, func.sum(Delivery.quantity)).group_by(Delivery.pledge_id)
            ).all()
        )
        rows = s.scalar(select(func.count()).select_from(Delivery))
        status = dict(s.execute(select(Pledge.id, Pledge.status)).all())
    assert rows == codes[201]  # no duplicate rows, no lost acknowledged write
    refused = {pid for code, pid, _ in results if code == 409}
    assert refused
    for pid in pledges:
        assert stored.get(pid, 0) == accepted[pid] <= 150
        if pid in refused:  # a refusal only when the pledge had no room for that delivery
            assert 150 - stored[pid] < 3
        assert status[pid] in ("delivering", "delivered")


def test_concurrent_same_idempotency_key_writes_once(engine: Engine) -> None:
    ids = seed(engine)
    token = user_token(engine, "donor", "donor", "DEU")
    body = {"quantity": 5, "delivered_on": "2026-02-01"}
    with live_server(create_app(engine)) as base:

        def post(_: int) -> httpx.Response:
            with httpx.Client(base_url=base, timeout=HANG_GUARD) as h:
                return h.post(
                    f"{API}/pledges/{ids['pledge']}/deliveries",
                    json=body,
                    headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "same"},
                )

        with ThreadPoolExecutor(20) as pool:
            responses = list(pool.map(post, range(20)))
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["id"] for r in responses}) == 1
    with read_session(engine) as s:
        assert s.scalar(select(func.sum(Delivery.quantity))) == 5


def test_concurrent_patches_with_one_etag_lose_nothing(engine: Engine) -> None:
    ids = seed(engine)
    token = user_token(engine, "coord", "coordinator")
    url = f"{API}/needs/{ids['need']}"
    with live_server(create_app(engine)) as base:
        h0 = {"Authorization": f"Bearer {token}"}
        etag = httpx.get(base + url, headers=h0, timeout=HANG_GUARD).headers["ETag"]

        def patch(i: int) -> int:
            with httpx.Client(base_url=base, timeout=HANG_GUARD) as h:
                r = h.patch(url, json={"quantity": 2000 + i}, headers={**h0, "If-Match": etag})
                return r.status_code

        with ThreadPoolExecutor(CLIENTS) as pool:
            codes: Any = Counter(pool.map(patch, range(CLIENTS)))
        final = httpx.get(base + url, headers=h0, timeout=HANG_GUARD).json()
    assert codes == Counter({200: 1, 412: CLIENTS - 1})
    assert final["version"] == 2 and 2000 <= final["quantity"] < 2000 + CLIENTS
