"""Properties of the builder's array helpers against plain reference loops, and the public
entry points of the package."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import materiel.snapshot
from materiel.snapshot.build import _spread, _step_in_force

AS_OF = dt.date(2025, 1, 6)

rows = st.lists(
    st.tuples(
        st.integers(0, 2),  # key
        st.integers(-10, 30),  # first week
        st.integers(0, 15),  # span
        st.floats(0, 1e6, allow_nan=False),  # total
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(rows, st.integers(1, 20))
def test_spread_matches_a_loop(data: list[tuple[int, int, int, float]], h: int) -> None:
    keys = np.array([r[0] for r in data], dtype="int64")
    first = np.array([r[1] for r in data], dtype="int64")
    last = first + np.array([r[2] for r in data], dtype="int64")
    total = np.array([r[3] for r in data], dtype="float64")
    got = _spread((3, h), (keys,), first, last, total)
    want = np.zeros((3, h))
    for k, f, s, t in data:
        for w in range(f, f + s + 1):
            if 0 <= w < h:
                want[k, w] += t / (s + 1)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-9)
    assert (got >= 0).all()  # no round-off below zero


steps = st.lists(
    st.tuples(st.integers(0, 1), st.integers(-30, 200), st.integers(0, 1000)),
    max_size=12,
    unique_by=lambda r: (r[0], r[1]),
)


@settings(max_examples=60, deadline=None)
@given(steps, st.integers(1, 20))
def test_step_in_force_matches_a_loop(data: list[tuple[int, int, int]], h: int) -> None:
    keys = np.array([r[0] for r in data], dtype="int64")
    eff = pd.Series([AS_OF + dt.timedelta(days=r[1]) for r in data], dtype=object)
    values = np.array([r[2] for r in data], dtype="float64")
    base = np.array([7.0, 9.0])
    got = _step_in_force((2, h), (keys,), eff, values, AS_OF, base=base)
    for k in range(2):
        for t in range(h):
            start = AS_OF + dt.timedelta(weeks=t)
            in_force = [(AS_OF + dt.timedelta(days=d), v) for kk, d, v in data if kk == k]
            in_force = [(e, v) for e, v in in_force if e <= start]
            want = max(in_force)[1] if in_force else base[k]
            assert got[k, t] == want, (k, t)


def test_the_package_is_callable_and_keeps_its_names(sqlite_engine: object) -> None:
    ds = materiel.snapshot(sqlite_engine, "2025-01-06", 3)  # type: ignore[operator]
    assert ds.sizes["week"] == 3 and ds.attrs["as_of"] == "2025-01-06"
    assert materiel.snapshot.make_snapshot is not None
    assert set(materiel.snapshot.__all__) >= {"make_snapshot", "build_snapshot", "snapshot"}
