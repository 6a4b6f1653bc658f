"""The stock outlook (weeks to target, to zero, depletion week) on a hand-built projection:
one definition, every state labelled, never "∞" nor weeks of supply for a stock already
below its target."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import xarray as xr

from materiel.queries.outlook import outlook_frame

WEEKS = 6
START = dt.date(2026, 1, 5)


def _projection(
    stock: list[list[float]], floor: list[float], use: list[float], cross: list[float]
) -> xr.Dataset:
    n = len(stock)
    s = np.asarray(stock, dtype=float).reshape(n, 1, WEEKS)
    f = np.repeat(np.asarray(floor, dtype=float).reshape(n, 1, 1), WEEKS, axis=2)
    now = s[:, :, 0] + np.asarray(use).reshape(n, 1)  # the stock before the first week
    return xr.Dataset(
        {
            "stock": (("holder", "item", "week"), s),
            "floor": (("holder", "item", "week"), f),
            "stock_now": (("holder", "item"), now),
            "target_now": (("holder", "item"), f[:, :, 0]),
            "weekly_use": (("holder", "item"), np.asarray(use, dtype=float).reshape(n, 1)),
            "cross_week": (("holder", "item"), np.asarray(cross, dtype=float).reshape(n, 1)),
            "cross_beyond_horizon": (
                ("holder", "item"),
                (np.asarray(cross) >= WEEKS).reshape(n, 1),
            ),
        },
        coords={
            "holder": [f"H{i}" for i in range(n)],
            "holder_kind": ("holder", ["donor"] * n),
            "item": ["x"],
            "week": np.arange(WEEKS),
            "week_start": (
                "week",
                np.array([START + dt.timedelta(weeks=w) for w in range(WEEKS)], "datetime64[D]"),
            ),
        },
    )


def test_states_labels_and_weeks() -> None:
    proj = _projection(
        stock=[
            [90, 80, 70, 60, 50, 40],  # H0: starts at 100 over a target of 65: crosses week 3
            [40, 30, 20, 10, 0, 0],  # H1: 50 now, target 60: below target now
            [95, 90, 85, 80, 75, 70],  # H2: target 10, slope -5: beyond the horizon
            [100, 100, 100, 100, 100, 100],  # H3: no outflow
            [100, 110, 120, 130, 140, 150],  # H4: no target at all
        ],
        floor=[65, 60, 10, 50, 0],
        use=[10, 10, 5, 0, 0],
        cross=[3, 0, 18, np.nan, np.nan],
    )
    df = outlook_frame(proj).set_index("holder")
    h0 = df.loc["H0"]
    assert (h0["state"], h0["label"], h0["weeks_to_target"]) == ("crosses", "3 wk", 3)
    assert h0["depletion_week"] == h0["weeks_to_target"]
    assert h0["depletion_date"] == START + dt.timedelta(weeks=3)
    assert h0["weeks_to_zero"] == WEEKS - 1 + 4 + 1  # 40 left at -10 a week, after week 5
    h1 = df.loc["H1"]
    assert (h1["state"], h1["label"], h1["weeks_to_target"]) == ("below target", "below target", 0)
    assert h1["weeks_to_zero"] == 4  # the projection runs dry in week 4
    h2 = df.loc["H2"]
    assert (h2["state"], h2["label"]) == ("beyond horizon", "18 wk")
    assert df.loc["H3", "label"] == "no outflow" and np.isnan(df.loc["H3", "weeks_to_target"])
    assert df.loc["H4", "state"] == "no target" and df.loc["H4", "label"] == "no target"
    # most urgent first; no label is a bare number of weeks of supply or an infinity
    assert df.index.tolist() == ["H1", "H0", "H2", "H3", "H4"]
    assert not any("∞" in str(x) or "inf" in str(x) for x in df["label"])


@pytest.mark.parametrize("stock_now", [0.0, -0.0])
def test_an_empty_stock_has_zero_weeks_to_zero(stock_now: float) -> None:
    proj = _projection([[0, 0, 0, 0, 0, 0]], [10], [0], [0])
    proj["stock_now"][:] = stock_now
    row = outlook_frame(proj).iloc[0]
    assert row["weeks_to_zero"] == 0 and row["state"] == "below target"
