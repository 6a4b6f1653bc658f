"""Property-based fuzzing of the live OpenAPI schema with schemathesis: thousands of
generated requests (valid and invalid), and not one 5xx."""

from __future__ import annotations

import types
import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from sqlalchemy import Engine

from materiel.api import create_app
from materiel.api.routers import runs
from materiel.api.testing import seed, user_token

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402

pytestmark = pytest.mark.slow

MIN_REQUESTS = 2000
EXAMPLES = {GenerationMode.POSITIVE: 13, GenerationMode.NEGATIVE: 6}
SKIP = {"logout"}  # would revoke the token the fuzzer uses


def test_fuzz_every_operation_without_server_errors(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(sqlite_engine)
    token = user_token(sqlite_engine, "fuzz-admin", "admin")
    app = create_app(sqlite_engine, job_workers=1)
    # no real planner or forecaster under the fuzzer: instant fake runners
    app.state.runners["plan"] = lambda *a: 1
    app.state.runners["forecast"] = lambda *a: 1
    # nor the real brief (its owner tests it): a fake renderer behind the same route
    fake = types.SimpleNamespace(render_html=lambda engine, mid, viewer=None: f"<h1>{mid}</h1>")
    monkeypatch.setattr(runs, "brief_module", lambda: fake)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    auth = {"Authorization": f"Bearer {token}"}
    protected_ids = {1}  # the fuzzer's own user and token
    counts = {"requests": 0, "operations": 0}
    errors: list[str] = []

    for result in schema.get_all_operations():
        op = result.ok()
        if op.definition.raw.get("operationId") in SKIP:
            continue
        counts["operations"] += 1
        for mode, n in EXAMPLES.items():
            strategy = op.as_strategy(generation_mode=mode).filter(
                lambda c: (
                    not (set(c.path_parameters or {}) & {"user_id", "token_id"})
                    or all(v not in protected_ids for v in (c.path_parameters or {}).values())
                )
            )

            @settings(
                max_examples=n,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy)
            def call(case: Any) -> None:
                response = case.call(headers=auth)
                counts["requests"] += 1
                counts[response.status_code] = counts.get(response.status_code, 0) + 1
                if response.status_code >= 500:
                    errors.append(
                        f"{case.method} {case.formatted_path} -> {response.status_code}: "
                        f"{response.text[:300]}\n  {case.as_curl_command()[:600]}"
                    )

            call()
    assert counts["operations"] > 100
    assert not errors, "\n".join(errors[:20])
    assert counts["requests"] >= MIN_REQUESTS, counts
