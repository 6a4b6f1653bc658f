"""make_snapshot: defaults, validation, hashing and immutability (no database)."""

from __future__ import annotations

import datetime as dt
import pickle

import numpy as np
import pytest
import xarray as xr

from materiel import money
from materiel.snapshot import (
    DEFAULT_PARAMS,
    VARIABLES,
    SnapshotError,
    content_hash,
    make_snapshot,
    params_of,
    validate,
)

AS_OF = dt.date(2025, 1, 6)


def small(**arrays: object) -> xr.Dataset:
    base: dict[str, object] = {
        "nations": ["DEU", "FRA"],
        "recipients": ["UKR"],
        "items": ["a", "b", "c"],
        "as_of": AS_OF,
        "horizon_weeks": 4,
        "lines": ["L1", "L2"],
        "funds": ["F1"],
        "line_item": ["a", "c"],
    }
    base.update(arrays)
    return make_snapshot(**base)  # type: ignore[arg-type]


def test_every_documented_variable_with_its_dims_and_defaults() -> None:
    ds = small()
    assert set(ds.data_vars) == set(VARIABLES)
    for name, spec in VARIABLES.items():
        assert ds[name].dims == spec.dims, name
        assert ds[name].dtype == np.dtype(spec.dtype), name
    assert (ds["s0"] == 0).all() and (ds["floor"] == 0).all()
    assert np.isinf(ds["give_cap"]).all()
    assert not ds["eligible"].any() and not ds["excluded"].any()
    assert not ds["dest_n"].any() and not ds["dest_r"].any()
    np.testing.assert_allclose(ds["gdp_share"], [0.5, 0.5])
    assert (ds["weight"] == DEFAULT_PARAMS["consumption_weight"]).all()
    assert (ds["lead"] == 0).all() and ds["lead"].dtype == np.int64
    assert list(ds["week_start"].values) == [
        np.datetime64(AS_OF + dt.timedelta(weeks=t), "ns") for t in range(4)
    ]
    assert params_of(ds) == DEFAULT_PARAMS
    assert ds.attrs["horizon_weeks"] == 4 and ds.attrs["as_of"] == "2025-01-06"


def test_arrays_scalars_and_dataarrays() -> None:
    s0 = np.arange(6, dtype=float).reshape(2, 3)
    # a DataArray in another dim order and label order is aligned to the snapshot
    cons = xr.DataArray(
        np.ones((4, 3, 1)) * np.array([1.0, 2.0, 3.0])[None, :, None],
        dims=("week", "item", "recipient"),
        coords={"item": ["c", "b", "a"], "recipient": ["UKR"]},
    )
    ds = small(s0=s0, consumption=cons, need_demand=2.0, price=[10.0, 20.0], lead=[2, 3])
    np.testing.assert_array_equal(ds["s0"].values, s0)
    assert list(ds["consumption"].sel(recipient="UKR", week=0).values) == [3.0, 2.0, 1.0]
    np.testing.assert_allclose(ds["demand"], ds["consumption"] + 2.0)
    assert list(ds["lead"].values) == [2, 3]


def test_derived_defaults() -> None:
    ds = small(cap_full=np.full((2, 4), 100.0))
    np.testing.assert_array_equal(ds["cap"].values, ds["cap_full"].values)
    ds = small(cap=np.full((2, 4), 7.0))
    np.testing.assert_array_equal(ds["cap_full"].values, ds["cap"].values)
    ds = small(price=[10.0, 20.0], line_currency=["USD", "EUR"], fund_currency="EUR")
    rate = money.rate("USD", "EUR", AS_OF)
    np.testing.assert_allclose(ds["price_in_fund"].values[:, 0], [10.0 * rate, 20.0])
    ds = small(demand=np.full((1, 3, 4), 5.0))
    assert (ds["demand"] == 5).all() and (ds["consumption"] == 0).all()


@pytest.mark.parametrize(
    ("arrays", "message"),
    [
        ({"s0": np.zeros((3, 3))}, "'s0': shape"),
        ({"s0": -np.ones((2, 3))}, "'s0': negative value -1.0 at {'nation': 'DEU'"),
        ({"floor": np.full((2, 3, 4), np.nan)}, "'floor': contains NaN"),
        ({"budget": [np.inf]}, "'budget': contains infinity"),
        ({"lead": [1.5, 2]}, "'lead': expected whole numbers"),
        ({"gdp_share": [0.2, 0.2]}, "'gdp_share': sums to 0.4"),
        ({"cap_full": np.ones((2, 4)), "cap": np.full((2, 4), 2.0)}, "exceeds 'cap_full'"),
        ({"bogus": 1.0}, "unknown snapshot variables \\['bogus'\\]"),
        ({"line_item": ["a", "zzz"]}, "items \\['zzz'\\] are not in the item dim"),
        ({"nations": ["DEU", "DEU"]}, "duplicate labels \\['DEU'\\]"),
        ({"horizon_weeks": 0}, "horizon_weeks must be at least 1"),
        (
            {"s0": xr.DataArray(np.zeros((2, 3)), dims=("nation", "week"))},
            "'s0': dims \\('nation', 'week'\\) do not match",
        ),
        (
            {
                "s0": xr.DataArray(
                    np.zeros((2, 3)),
                    dims=("nation", "item"),
                    coords={"nation": ["DEU", "POL"]},
                )
            },
            "labels of 'nation'",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(arrays: dict[str, object], message: str) -> None:
    with pytest.raises(SnapshotError, match=message):
        small(**arrays)


def test_give_cap_may_be_infinite_but_not_negative() -> None:
    caps = np.full((2, 3), np.inf)
    caps[0, 0] = 5.0
    assert small(give_cap=caps)["give_cap"].values[0, 0] == 5.0
    with pytest.raises(SnapshotError, match="'give_cap': negative"):
        small(give_cap=-caps)


def test_read_only() -> None:
    ds = small()
    for name in ds.data_vars:
        assert not ds[name].values.flags.writeable, name
    with pytest.raises(ValueError, match="read-only"):
        ds["floor"].values[0, 0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        ds["week_start"].values[0] = np.datetime64("2000-01-01", "ns")


def test_hash_depends_on_content_not_on_building_twice() -> None:
    s0 = np.ones((2, 3))
    a, b = small(s0=s0), small(s0=s0.copy())
    assert a.attrs["content_hash"] == b.attrs["content_hash"] == content_hash(a)
    assert len(a.attrs["content_hash"]) == 64
    changed = [
        small(s0=s0 * 2),
        small(s0=s0, as_of=AS_OF + dt.timedelta(days=1)),
        small(s0=s0, scenario="surge"),
        small(s0=s0, params={"lambda_target": 2.0}),
        small(s0=s0, items=["a", "b", "d"], line_item=["a", "b"]),
        small(s0=s0, lead=[1, 0]),
    ]
    hashes = {c.attrs["content_hash"] for c in changed}
    assert len(hashes) == len(changed) and a.attrs["content_hash"] not in hashes
    # attrs other than as_of, scenario and params do not count
    assert small(s0=s0, sources={"x": 1}).attrs["content_hash"] == a.attrs["content_hash"]


def test_pickles_and_validates_again() -> None:
    ds = small(s0=np.ones((2, 3)))
    back = pickle.loads(pickle.dumps(ds))
    validate(back)
    assert content_hash(back) == ds.attrs["content_hash"]
    xr.testing.assert_identical(back, ds)


def test_validate_catches_a_tampered_copy() -> None:
    ds = small().copy(deep=True)
    ds["s0"].values[0, 0] = -3.0
    with pytest.raises(SnapshotError, match="'s0': negative"):
        validate(ds)
    with pytest.raises(SnapshotError, match="missing variable 'cap'"):
        validate(small().drop_vars("cap"))


def test_negative_zero_hashes_like_zero() -> None:
    assert small(s0=np.full((2, 3), -0.0)).attrs["content_hash"] == small().attrs["content_hash"]
