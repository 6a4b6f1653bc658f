"""A short soak: clients mixing reads and writes through a server restart lose nothing,
duplicate nothing and see no 5xx (the long run: ``python -m materiel.ops.soak``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.ops.soak import markdown, run

pytestmark = pytest.mark.slow


def test_short_soak_with_a_restart(tmp_path: Path) -> None:
    figures = run(minutes=0.12, clients=8, db=str(tmp_path / "soak.db"), restarts=1)
    assert figures["ok"], figures["problems"]
    assert figures["restarts"] == 1
    assert figures["server_errors_5xx"] == 0
    assert figures["reads"] > 0 and figures["writes"] > 0
    assert figures["deliveries_checked"] + figures["needs_checked"] > 0
    assert figures["audit_ok"]
    assert len(figures["rss_kib"]) == 2 and all(min(r) > 0 for r in figures["rss_kib"])
    assert "PASS" in markdown(figures)
