"""Monte Carlo: equals the projection without spreads, ordered quantiles, reproducible
seeds, bounded memory."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from materiel.forecast.montecarlo import QUANTILES, _quantiles, simulate
from materiel.forecast.projection import project
from materiel.forecast.scenarios import ScenarioSpec
from materiel.forecast.synthetic import random_snapshot
from materiel.snapshot import make_snapshot

ITEM = "ammo.artillery.155mm"


@pytest.fixture(scope="module")
def small() -> xr.Dataset:
    return random_snapshot(donors=4, items=5, weeks=12, lines=6, seed=3)


UNCERTAIN = ScenarioSpec(
    name="test",
    production_mean=0.8,
    production_sd=0.2,
    slip_probability=0.3,
    slip_weeks=3,
    default_cv=0.4,
)


def test_zero_spreads_equal_the_projection_exactly(small: xr.Dataset) -> None:
    spec = ScenarioSpec(name="flat", production_mean=0.7)
    assert spec.deterministic
    snap = small.copy()
    snap = make_snapshot(
        nations=list(small["nation"].values),
        recipients=list(small["recipient"].values),
        items=list(small["item"].values),
        as_of=small.attrs["as_of"],
        horizon_weeks=small.sizes["week"],
        **{v: small[v].values for v in ("s0", "r0", "floor", "outflow", "consumption")},
        **{v: small[v].values for v in ("pin", "pout", "arrive_n", "arrive_r")},
    )  # consumption_cv 0
    proj = project(snap, spec)
    for fold in (False, True):  # every pair through the path kernel, or folded
        mc = simulate(
            snap,
            spec,
            paths=37,
            chunk_paths=10,
            quantile_paths=None,
            fold_deterministic=fold,
            dtype=np.float64,  # exact equality (the product path runs float32)
        )
        assert mc.attrs["simulated_pairs"] == (0 if fold else 5 * 5)
        for q in mc["quantile"].values:
            xr.testing.assert_equal(mc["stock_q"].sel(quantile=q, drop=True), proj["stock"])
        np.testing.assert_allclose(mc["mean_stock"], proj["stock"], rtol=1e-12, atol=1e-9)
        recipients = mc["holder_kind"] == "recipient"
        np.testing.assert_array_equal(
            mc["p_short"].where(recipients, -1.0),
            proj["short"].astype(float).where(recipients, -1.0),
        )
        np.testing.assert_array_equal(
            mc["p_breach"].values, proj["below_target"].values.astype(float)
        )
        assert bool(mc["mean_unmet"].where(~recipients).isnull().all())
        np.testing.assert_allclose(
            mc["mean_unmet"].where(recipients, 0.0),
            proj["unmet"].where(recipients, 0.0),
            atol=1e-9,
        )


def test_pairs_no_draw_affects_are_folded_without_changing_them() -> None:
    snap = random_snapshot(donors=6, items=4, weeks=10, lines=4, seed=9, density=0.4)
    spec = ScenarioSpec(production_sd=0.2, slip_probability=0.3, slip_weeks=2, default_cv=0.3)
    folded = simulate(snap, spec, paths=200, chunk_paths=50)
    full = simulate(snap, spec, paths=200, chunk_paths=50, fold_deterministic=False)
    assert 0 < folded.attrs["simulated_pairs"] < full.attrs["simulated_pairs"] == 7 * 4
    # a pair is fixed when every path gives the same stock: identical in both runs
    spread = (full["stock_q"].max("quantile") - full["stock_q"].min("quantile")).max("week")
    fixed = (spread == 0) & (full["p_breach"].isin([0.0, 1.0])).all("week")
    assert int(fixed.sum()) >= 7 * 4 - folded.attrs["simulated_pairs"]
    for name in ("mean_stock", "p_breach", "p_short", "stock_q"):
        a = folded[name].where(fixed)
        b = full[name].where(fixed)
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-9, err_msg=name)


def test_mean_converges_to_the_projection_as_spreads_shrink(small: xr.Dataset) -> None:
    proj = project(small, ScenarioSpec(production_mean=0.8))
    errs = []
    for scale in (1.0, 0.1, 0.0):
        spec = ScenarioSpec(production_mean=0.8, production_sd=0.1 * scale)
        mc = simulate(small.copy(), spec, paths=200, seed=1, dtype=np.float64)
        donors = mc["holder_kind"] == "donor"  # recipients keep the snapshot's CV
        errs.append(float(abs(mc["mean_stock"] - proj["stock"]).where(donors).max()))
    assert errs[0] > errs[1] > errs[2]
    assert errs[2] < 1e-6


def test_quantiles_are_ordered_and_probabilities_valid(small: xr.Dataset) -> None:
    mc = simulate(small, UNCERTAIN, paths=400, chunk_paths=128, seed=5)
    q = mc["stock_q"].values
    assert (np.diff(q, axis=0) >= 0).all()
    assert (q >= 0).all()
    for name in ("p_short", "p_short_by", "p_breach", "p_breach_by"):
        p = mc[name].values
        p = p[~np.isnan(p)] if name.startswith("p_short") else p  # recipients only
        assert p.size and ((p >= 0) & (p <= 1)).all(), name
    # "by week" probabilities never fall and dominate the weekly ones
    rec = mc.sel(holder=mc["holder_kind"] == "recipient")
    assert (np.diff(rec["p_short_by"].values, axis=-1) >= 0).all()
    assert (mc["p_breach_by"] >= mc["p_breach"]).all()
    assert (rec["p_short_by"] >= rec["p_short"]).all()
    assert float(mc["p_short"].max()) > 0  # the synthetic case is at risk somewhere


def test_same_seed_chunk_and_workers_reproduce(small: xr.Dataset) -> None:
    a = simulate(small, UNCERTAIN, paths=300, seed=11, chunk_paths=64)
    b = simulate(small, UNCERTAIN, paths=300, seed=11, chunk_paths=64)
    c = simulate(small, UNCERTAIN, paths=300, seed=11, chunk_paths=64, workers=2)
    d = simulate(small, UNCERTAIN, paths=300, seed=12, chunk_paths=64)
    data = ["p_short", "p_breach_by", "mean_stock", "stock_q"]
    xr.testing.assert_equal(a[data], b[data])  # attrs hold timings
    xr.testing.assert_equal(a[data], c[data])
    assert not a["mean_stock"].equals(d["mean_stock"])


def test_consumption_is_lognormal_around_the_mean_with_the_cv() -> None:
    # one recipient, no stock: unmet each week = consumption drawn that week
    ds = make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=[ITEM],
        as_of="2025-01-06",
        horizon_weeks=4,
        consumption=1000.0,
        consumption_cv=0.5,
    )
    mc = simulate(ds, ScenarioSpec(), paths=20_000, chunk_paths=5000, seed=2)
    unmet = mc["mean_unmet"].sel(holder="UKR", item=ITEM).values
    np.testing.assert_allclose(unmet, 1000.0, rtol=0.03)
    assert float(mc["p_short"].sel(holder="UKR", item=ITEM).min()) == 1.0


def test_certain_slip_delays_pledged_arrivals_by_the_slip() -> None:
    pin = np.zeros((1, 1, 6))
    pin[0, 0, 1] = 500.0
    common = dict(
        nations=["DEU"], recipients=["UKR"], items=[ITEM], as_of="2025-01-06", horizon_weeks=6
    )
    ds = make_snapshot(**common, r0=100.0, consumption=50.0, pin=pin)
    late = make_snapshot(**common, r0=100.0, consumption=50.0, pin=np.roll(pin, 2, axis=-1))
    spec = ScenarioSpec(slip_probability=1.0, slip_weeks=2, production_sd=0.0)
    # slip_weeks 2 with probability 1: uniform over 1..2 weeks
    mc = simulate(ds, spec, paths=2000, seed=0, quantile_paths=None)
    p1 = project(make_snapshot(**common, r0=100.0, consumption=50.0, pin=np.roll(pin, 1, -1)))
    p2 = project(late)
    s = mc["stock_q"].sel(holder="UKR", item=ITEM)
    one = p1["stock"].sel(holder="UKR", item=ITEM).values
    two = p2["stock"].sel(holder="UKR", item=ITEM).values
    # every path is one of the two delayed trajectories, about half each
    np.testing.assert_allclose(s.sel(quantile=0.05), np.minimum(one, two))
    np.testing.assert_allclose(s.sel(quantile=0.95), np.maximum(one, two))
    # the mean is the binomial mix: within 4 standard errors (450 · 0.5 / √2000 ≈ 5)
    mean = mc["mean_stock"].sel(holder="UKR", item=ITEM).values
    np.testing.assert_allclose(mean, (one + two) / 2, atol=4 * 450 * 0.5 / np.sqrt(2000))


def _peak(snap: xr.Dataset, paths: int) -> int:
    tracemalloc.start()
    try:
        simulate(snap, UNCERTAIN, paths=paths, chunk_paths=500, quantile_paths=500)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_bounded_when_paths_grow(small: xr.Dataset) -> None:
    small_peak = _peak(small, 2_000)
    big_peak = _peak(small, 20_000)
    # the working set is (chunk, pairs) slabs plus the (weeks, pairs, 500) reservoir:
    # ten times the paths may not take more than a few percent more memory
    pairs, weeks = 5 * 5, small.sizes["week"]
    bound = 8 * pairs * (weeks * 500 + 20 * 500) + 2_000_000
    assert small_peak < bound
    assert big_peak < bound
    assert big_peak < 1.2 * small_peak


def test_bad_arguments_are_refused(small: xr.Dataset) -> None:
    with pytest.raises(ValueError, match="positive"):
        simulate(small, paths=0)
    with pytest.raises(ValueError, match="slip_probability"):
        ScenarioSpec(slip_probability=1.5)


@settings(max_examples=60, deadline=None)
@given(
    st.tuples(st.integers(1, 4), st.integers(1, 9), st.integers(1, 5)).flatmap(
        lambda shape: arrays(
            np.float32, shape, elements=st.floats(-1e6, 1e6, width=32, allow_nan=False)
        )
    )
)
def test_quantiles_of_the_path_major_sample_are_numpys(sample: np.ndarray) -> None:
    """The simulation keeps its quantile sample as (week, path, pair); the quantiles along
    the path axis are numpy's own (linear rule), and sorting does not touch the sample."""
    before = sample.copy()
    got = _quantiles(sample, QUANTILES)
    want = np.quantile(sample.astype(np.float64), QUANTILES, axis=1)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(sample, before)


def test_unknown_stock_has_no_risk_figure_and_is_not_simulated() -> None:
    ds = make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=[ITEM],
        as_of="2025-01-06",
        horizon_weeks=8,
        s0=np.array([[1000.0]]),
        floor=500.0,
        outflow=np.array([[50.0]]),
        r0_known=np.array([[False]]),
        consumption=500.0,
        consumption_cv=0.3,
    )
    mc = simulate(ds, UNCERTAIN.with_(rate_cv=0.4), paths=100, seed=1)
    ukr = mc.sel(holder="UKR", item=ITEM)
    assert not bool(ukr["stock_known"])
    for name in ("p_short", "p_short_by", "p_breach_by", "mean_stock", "stock_q"):
        assert bool(ukr[name].isnull().all()), name  # unknown, never "100 % short"
    assert bool(mc["stock_known"].sel(holder="DEU", item=ITEM))
    assert mc.attrs["simulated_pairs"] == 1  # DEU only (its rate of giving is drawn)


def test_rate_of_giving_moves_donor_and_recipient_together() -> None:
    # no consumption, no pledges: what DEU gives at its drawn rate UKR receives, path by path,
    # so the mean stocks of the two always add up to the opening total (DEU holds enough for
    # any drawn rate: a path in which a donor runs dry still credits the recipient, see
    # docs/figures.md)
    ds = make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=[ITEM],
        as_of="2025-01-06",
        horizon_weeks=10,
        s0=np.array([[1_000_000.0]]),
        r0=np.array([[100.0]]),
        outflow=np.array([[400.0]]),
    )
    spec = ScenarioSpec(rate_cv=0.5)
    mc = simulate(ds, spec, paths=400, seed=3, dtype=np.float64, quantile_paths=None)
    total = mc["mean_stock"].sel(item=ITEM).sum("holder")
    np.testing.assert_allclose(total, 1_000_100.0)
    q = mc["stock_q"].sel(holder="DEU", item=ITEM).isel(week=-1)
    assert float(q.sel(quantile=0.95) - q.sel(quantile=0.05)) > 1000  # a real spread


def test_consumption_level_persists_so_the_spread_grows_with_the_horizon() -> None:
    ds = make_snapshot(
        nations=["DEU"],
        recipients=["UKR"],
        items=[ITEM],
        as_of="2025-01-06",
        horizon_weeks=20,
        r0=np.array([[100_000.0]]),
        consumption=1000.0,
    )
    level = simulate(ds, ScenarioSpec(consumption_level_cv=0.3), paths=2000, seed=2)
    weekly = simulate(ds, ScenarioSpec(default_cv=0.3), paths=2000, seed=2)

    def spread(mc: xr.Dataset) -> float:
        q = mc["stock_q"].sel(holder="UKR", item=ITEM).isel(week=-1)
        return float(q.sel(quantile=0.95) - q.sel(quantile=0.05))

    # cumulative consumption 20,000: a level CV 0.3 spreads it by about ±1.645·0.3·20,000,
    # independent weekly draws by only √20 times less
    assert spread(level) > 15_000
    assert spread(weekly) < 0.5 * spread(level)
