"""Scenario sweeps: a real LocalCluster with two workers gathers the sequential table."""

from __future__ import annotations

import pandas as pd
import pytest

from materiel.forecast.scenarios import BUILTIN
from materiel.forecast.sweep import COLUMNS, run_sweep
from materiel.forecast.synthetic import random_snapshot

SCENARIOS = [
    "baseline",
    "counteroffensive-surge",
    BUILTIN["baseline"].with_(name="no-slip", slip_probability=0.0),
]


def test_local_cluster_with_two_workers_equals_sequential() -> None:
    snap = random_snapshot(donors=4, items=5, weeks=12, lines=6, seed=7)
    seq = run_sweep(snap, SCENARIOS, scheduler="sequential", paths=300)
    steps: list[int] = []
    par = run_sweep(
        snap,
        SCENARIOS,
        paths=300,
        n_workers=2,
        processes=False,  # threads: worker processes cost ~10 s to start here
        progress=lambda done, _total: steps.append(done),
    )
    pd.testing.assert_frame_equal(seq, par)
    assert steps[-1] == 3
    assert list(par.columns) == COLUMNS
    assert set(par["scenario"]) == {"baseline", "counteroffensive-surge", "no-slip"}
    assert len(par) == 3 * 5
    # the surge consumes more: more expected unmet need for every item
    unmet = par.pivot(index="item", columns="scenario", values="expected_unmet")
    assert (unmet["counteroffensive-surge"] > unmet["baseline"]).all()


def test_unknown_scenario_on_a_fixed_snapshot_is_refused() -> None:
    snap = random_snapshot(donors=2, items=2, weeks=4, lines=2)
    with pytest.raises(LookupError, match="'mystery'"):
        run_sweep(snap, ["mystery"], scheduler="sequential")
