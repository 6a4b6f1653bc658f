"""The snapshot schema (docs/snapshot.md) as code: build, validate and hash a snapshot.

``make_snapshot`` is how tests and the builder make a snapshot: it lays out the coordinates,
fills every variable that is not given with its neutral default, validates shapes, dims and
signs, computes the content hash and marks every array read-only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import xarray as xr

from materiel import money
from materiel.plan_policy import DEFAULT_PARAMS, PRIORITIES, PRIORITY_WEIGHTS

__all__ = [
    "DEFAULT_PARAMS",
    "DIMS",
    "VARIABLES",
    "SnapshotError",
    "VarSpec",
    "content_hash",
    "make_snapshot",
    "validate",
]

DIMS = ("nation", "recipient", "item", "week", "line", "fund", "priority")


class SnapshotError(ValueError):
    """A snapshot that does not follow docs/snapshot.md (names the variable and the reason)."""


@dataclass(frozen=True)
class VarSpec:
    dims: tuple[str, ...]
    dtype: str  # "float64", "int64" or "bool"
    default: Any  # scalar fill, or a callable key resolved in make_snapshot
    nonneg: bool = True
    allow_inf: bool = False
    doc: str = ""


_NIW = ("nation", "item", "week")
_RIW = ("recipient", "item", "week")

VARIABLES: dict[str, VarSpec] = {
    "s0": VarSpec(("nation", "item"), "float64", 0.0, doc="donor stock at as_of"),
    "r0": VarSpec(("recipient", "item"), "float64", 0.0, doc="recipient stock"),
    "s0_known": VarSpec(
        ("nation", "item"), "bool", True, doc="a stock report gives s0 (False: unknown)"
    ),
    "r0_known": VarSpec(
        ("recipient", "item"), "bool", True, doc="a stock report gives r0 (False: unknown)"
    ),
    "floor": VarSpec(_NIW, "float64", 0.0, doc="stockpile target in force"),
    "consumption": VarSpec(_RIW, "float64", 0.0, doc="scenario consumption per week"),
    "consumption_cv": VarSpec(
        ("recipient", "item"), "float64", 0.0, doc="coefficient of variation of consumption"
    ),
    "need": VarSpec(
        ("recipient", "item", "priority", "week"),
        "float64",
        "need_demand",
        doc="open need due that week, by the need's priority",
    ),
    "need_demand": VarSpec(_RIW, "float64", 0.0, doc="open need due that week (all priorities)"),
    "demand": VarSpec(_RIW, "float64", "consumption+need_demand", doc="total demand"),
    "weight": VarSpec(
        _RIW, "float64", "consumption_weight", doc="weight of consumption not met, per value"
    ),
    "pin": VarSpec(_RIW, "float64", 0.0, doc="pledge arrivals at the recipient"),
    "pout": VarSpec(_NIW, "float64", 0.0, doc="pledge draws from donor stock"),
    "arrive_n": VarSpec(_NIW, "float64", 0.0, doc="order arrivals to donor stocks"),
    "arrive_r": VarSpec(_RIW, "float64", 0.0, doc="order arrivals to the recipient"),
    "outflow": VarSpec(("nation", "item"), "float64", 0.0, doc="recent weekly outflow"),
    "cap": VarSpec(("line", "week"), "float64", "cap_full", doc="capacity left"),
    "cap_full": VarSpec(("line", "week"), "float64", 0.0, doc="capacity with ramp"),
    "price": VarSpec(("line",), "float64", 0.0, doc="unit price, line currency"),
    "lead": VarSpec(("line",), "int64", 0, doc="lead time in weeks"),
    "transit": VarSpec(
        ("nation", "item"), "int64", 0, doc="weeks from the donor's stock to the recipient"
    ),
    "budget": VarSpec(("fund",), "float64", 0.0, doc="remaining budget, fund currency"),
    "price_in_fund": VarSpec(("line", "fund"), "float64", "convert(price)", doc="price in fund"),
    "eligible": VarSpec(("line", "fund"), "bool", False, doc="fund may buy from line"),
    "dest_n": VarSpec(("fund", "nation"), "bool", False, doc="fund delivers to donor"),
    "dest_r": VarSpec(("fund", "recipient"), "bool", False, doc="fund delivers to recipient"),
    "excluded": VarSpec(("nation", "item"), "bool", False, doc="caveat excludes item"),
    "give_cap": VarSpec(
        ("nation", "item"), "float64", np.inf, allow_inf=True, doc="weekly cap on giving"
    ),
    "gdp_share": VarSpec(("nation",), "float64", "equal", doc="share of donors' GDP"),
}

_ORDER = list(VARIABLES)
# filled from other variables: these are computed after the plain ones
_DERIVED_ORDER = ["cap_full", "cap", "consumption", "need", "need_demand", "demand", "price"]


def _labels(name: str, values: Iterable[Any]) -> list[str]:
    out = [str(v) for v in values]
    if len(set(out)) != len(out):
        dupes = sorted({v for v in out if out.count(v) > 1})
        raise SnapshotError(f"coordinate {name!r}: duplicate labels {dupes}")
    return out


def _to_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _coerce(
    name: str, value: Any, spec: VarSpec, coords: Mapping[str, Sequence[Any]]
) -> np.ndarray:
    """An ndarray in the documented dim order and shape from a scalar, array or DataArray."""
    shape = tuple(len(coords[d]) for d in spec.dims)
    if isinstance(value, xr.DataArray):
        if set(value.dims) != set(spec.dims):
            raise SnapshotError(
                f"variable {name!r}: dims {tuple(value.dims)} do not match {spec.dims}"
            )
        value = value.transpose(*spec.dims)
        for d in spec.dims:
            if d in value.coords and d != "week":
                got = [str(v) for v in value.coords[d].values]
                want = [str(v) for v in coords[d]]
                if got != want:
                    if sorted(got) != sorted(want):
                        raise SnapshotError(
                            f"variable {name!r}: labels of {d!r} {got} differ from {want}"
                        )
                    value = value.sel({d: list(coords[d])})
        arr = np.asarray(value.values)
    else:
        arr = np.asarray(value)
        if arr.ndim == 0:
            arr = np.broadcast_to(arr, shape)
    if arr.shape != shape:
        raise SnapshotError(
            f"variable {name!r}: shape {arr.shape} does not match dims {spec.dims} = {shape}"
        )
    if spec.dtype == "bool":
        if arr.dtype != bool:
            if not np.isin(arr, (0, 1)).all():
                raise SnapshotError(f"variable {name!r}: expected booleans")
            arr = arr.astype(bool)
        return np.array(arr, dtype=bool)
    try:
        out = np.array(arr, dtype=spec.dtype)
    except (TypeError, ValueError) as exc:
        raise SnapshotError(f"variable {name!r}: not numeric ({exc})") from None
    if spec.dtype == "int64" and not np.array_equal(out, arr):
        raise SnapshotError(f"variable {name!r}: expected whole numbers")
    return out


def _check_values(
    name: str, arr: np.ndarray, spec: VarSpec, labels: Mapping[str, Sequence[Any]] | None = None
) -> None:
    if spec.dtype == "bool":
        return
    if arr.dtype.kind == "f" and np.isnan(arr).any():
        raise SnapshotError(f"variable {name!r}: contains NaN")
    if not spec.allow_inf and arr.dtype.kind == "f" and np.isinf(arr).any():
        raise SnapshotError(f"variable {name!r}: contains infinity")
    if spec.nonneg and arr.size and (arr < 0).any():
        idx = tuple(int(i) for i in np.argwhere(arr < 0)[0])
        where = {
            d: (labels[d][i] if labels is not None else i)
            for d, i in zip(spec.dims, idx, strict=True)
        }
        raise SnapshotError(f"variable {name!r}: negative value {arr[idx]} at {where}")


def _params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    out = dict(DEFAULT_PARAMS)
    if params:
        out.update(params)
    return out


def _canonical_json(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), default=str)


def make_snapshot(
    *,
    nations: Sequence[str],
    recipients: Sequence[str],
    items: Sequence[str],
    as_of: dt.date | str,
    horizon_weeks: int,
    lines: Sequence[str] = (),
    funds: Sequence[str] = (),
    scenario: str = "baseline",
    params: Mapping[str, Any] | None = None,
    item_value: Any = None,
    item_unit: Sequence[str] | None = None,
    item_category: Sequence[str] | None = None,
    line_item: Sequence[str] | None = None,
    line_currency: Sequence[str] | str | None = None,
    fund_currency: Sequence[str] | str | None = None,
    outflow_window_weeks: int = 12,
    rate_date: dt.date | str | None = None,
    synthetic: bool = False,
    sources: Mapping[str, Any] | None = None,
    **arrays: Any,
) -> xr.Dataset:
    """A validated, read-only snapshot; every variable not in ``arrays`` gets its default.

    Arrays are numpy arrays (or anything ``np.asarray`` takes) in the dim order of
    docs/snapshot.md, scalars (broadcast) or DataArrays with those dims (any order; labels
    are aligned). Defaults: zeros; ``give_cap`` inf; bools False, except ``s0_known`` and
    ``r0_known`` (True: a hand-built stock is a known stock); ``gdp_share`` equal shares;
    ``weight`` the scenario's ``consumption_weight``; ``demand`` consumption + need_demand;
    ``cap`` = ``cap_full`` (and ``cap_full`` = ``cap`` when only ``cap`` is given);
    ``price_in_fund`` the line price converted at the ECB rate of ``as_of`` (currencies
    default to EUR); ``line_item`` defaults to the first item.
    """
    unknown = sorted(set(arrays) - set(VARIABLES))
    if unknown:
        raise SnapshotError(f"unknown snapshot variables {unknown} (see docs/snapshot.md)")
    if horizon_weeks < 1:
        raise SnapshotError(f"horizon_weeks must be at least 1 (got {horizon_weeks})")
    as_of_d = _to_date(as_of)
    prm = _params(params)
    coords: dict[str, list[Any]] = {
        "nation": _labels("nation", nations),
        "recipient": _labels("recipient", recipients),
        "item": _labels("item", items),
        "week": list(range(int(horizon_weeks))),
        "line": _labels("line", lines),
        "fund": _labels("fund", funds),
        "priority": list(PRIORITIES),
    }
    n_item, n_line, n_fund = len(coords["item"]), len(coords["line"]), len(coords["fund"])

    def _per(name: str, value: Any, n: int, default: Any) -> list[Any]:
        if value is None:
            return [default] * n
        if isinstance(value, str):
            return [value] * n
        out = list(value)
        if len(out) != n:
            raise SnapshotError(f"coordinate {name!r}: {len(out)} values for {n} labels")
        return out

    ivalue = np.array(
        _per("item_value", None if item_value is None else np.asarray(item_value), n_item, 0.0),
        dtype="float64",
    )
    if np.isnan(ivalue).any() or (ivalue < 0).any():
        raise SnapshotError("coordinate 'item_value': must be non-negative numbers")
    first_item = coords["item"][0] if coords["item"] else ""
    litem = [str(v) for v in _per("line_item", line_item, n_line, first_item)]
    bad = sorted(set(litem) - set(coords["item"]))
    if bad:
        raise SnapshotError(f"coordinate 'line_item': items {bad} are not in the item dim")
    lcur = [str(v).upper() for v in _per("line_currency", line_currency, n_line, "EUR")]
    fcur = [str(v).upper() for v in _per("fund_currency", fund_currency, n_fund, "EUR")]

    data: dict[str, np.ndarray] = {}
    for name in _ORDER:
        if name in arrays and name not in _DERIVED_ORDER:
            data[name] = _coerce(name, arrays[name], VARIABLES[name], coords)

    def fill(name: str, value: Any) -> None:
        spec = VARIABLES[name]
        data[name] = _coerce(name, arrays.get(name, value), spec, coords)

    for name, spec in VARIABLES.items():
        if name in data or name in _DERIVED_ORDER or isinstance(spec.default, str):
            continue
        fill(name, spec.default)
    # derived defaults
    if "cap_full" in arrays:
        fill("cap_full", 0.0)
        fill("cap", data["cap_full"])
    elif "cap" in arrays:
        fill("cap", 0.0)
        fill("cap_full", data["cap"])
    else:
        fill("cap_full", 0.0)
        fill("cap", data["cap_full"])
    fill("consumption", 0.0)
    if "need" in arrays:
        fill("need", 0.0)
        from_need = data["need"].sum(axis=2)
        if "need_demand" in arrays:
            fill("need_demand", 0.0)
            if not np.allclose(data["need_demand"], from_need):
                raise SnapshotError(
                    "variable 'need_demand': differs from 'need' summed over priority"
                )
        data["need_demand"] = from_need
    else:
        # a need without a priority breakdown counts as high priority
        fill("need_demand", 0.0)
        r_n, i_n, t_n = data["need_demand"].shape
        need = np.zeros((r_n, i_n, len(PRIORITIES), t_n))
        need[:, :, PRIORITIES.index("high"), :] = data["need_demand"]
        data["need"] = need
    fill("demand", data["consumption"] + data["need_demand"])
    fill("price", 0.0)
    if "weight" not in data:
        fill("weight", float(prm["consumption_weight"]))
    if "gdp_share" not in data:
        n = len(coords["nation"])
        fill("gdp_share", np.full(n, 1.0 / n) if n else np.zeros(0))
    if "price_in_fund" not in data:
        rates = np.array(
            [[money.rate(lc, fc, as_of_d) if lc != fc else 1.0 for fc in fcur] for lc in lcur],
            dtype="float64",
        ).reshape(n_line, n_fund)
        fill("price_in_fund", data["price"][:, None] * rates)

    week_start = np.array(
        [np.datetime64(as_of_d + dt.timedelta(weeks=t), "ns") for t in coords["week"]],
        dtype="datetime64[ns]",
    )
    ds = xr.Dataset(
        {name: (VARIABLES[name].dims, data[name]) for name in _ORDER},
        coords={
            **{d: np.array(coords[d], dtype=object if d != "week" else "int64") for d in DIMS},
            "week_start": ("week", week_start),
            "item_value": ("item", ivalue),
            "item_unit": ("item", np.array(_per("item_unit", item_unit, n_item, ""), object)),
            "item_category": (
                "item",
                np.array(_per("item_category", item_category, n_item, ""), object),
            ),
            "line_item": ("line", np.array(litem, dtype=object)),
            "line_currency": ("line", np.array(lcur, dtype=object)),
            "fund_currency": ("fund", np.array(fcur, dtype=object)),
            "priority_weight": (
                "priority",
                np.array([PRIORITY_WEIGHTS[p] for p in PRIORITIES], dtype="float64"),
            ),
        },
    )
    ds.attrs = {
        "as_of": as_of_d.isoformat(),
        "horizon_weeks": int(horizon_weeks),
        "scenario": str(scenario),
        "params": _canonical_json(prm),
        "outflow_window_weeks": int(outflow_window_weeks),
        "rate_date": _to_date(rate_date or money.rate_date(as_of_d)).isoformat(),
        "synthetic": bool(synthetic),
        "sources": _canonical_json(dict(sources or {})),
    }
    validate(ds)
    ds.attrs["content_hash"] = content_hash(ds)
    _freeze(ds)
    return ds


def _freeze(ds: xr.Dataset) -> None:
    for var in ds.variables.values():
        values = var.values
        if isinstance(values, np.ndarray):
            values.flags.writeable = False


def validate(ds: xr.Dataset) -> None:
    """Raise :class:`SnapshotError` unless ``ds`` follows docs/snapshot.md."""
    for d in DIMS:
        if d not in ds.dims and d not in ds.coords:
            raise SnapshotError(f"missing dimension {d!r}")
    for name, spec in VARIABLES.items():
        if name not in ds.data_vars:
            raise SnapshotError(f"missing variable {name!r}")
        var = ds[name]
        if tuple(var.dims) != spec.dims:
            raise SnapshotError(f"variable {name!r}: dims {tuple(var.dims)}, expected {spec.dims}")
        if np.dtype(var.dtype) != np.dtype(spec.dtype):
            raise SnapshotError(f"variable {name!r}: dtype {var.dtype}, expected {spec.dtype}")
        labels = {d: list(ds[d].values) for d in spec.dims}
        _check_values(name, np.asarray(var.values), spec, labels)
    for c in ("week_start", "item_value", "line_item", "line_currency", "fund_currency"):
        if c not in ds.coords:
            raise SnapshotError(f"missing coordinate {c!r}")
    bad = sorted(set(map(str, ds["line_item"].values)) - set(map(str, ds["item"].values)))
    if bad:
        raise SnapshotError(f"coordinate 'line_item': items {bad} are not in the item dim")
    cap, cap_full = ds["cap"].values, ds["cap_full"].values
    if (cap > cap_full * (1 + 1e-9) + 1e-9).any():
        raise SnapshotError("variable 'cap': exceeds 'cap_full' (capacity before orders)")
    n = ds.sizes.get("nation", 0)
    if n:
        total = float(ds["gdp_share"].sum())
        if abs(total - 1.0) > 1e-6:
            raise SnapshotError(f"variable 'gdp_share': sums to {total}, not 1")
    for key in ("as_of", "horizon_weeks", "scenario", "params"):
        if key not in ds.attrs:
            raise SnapshotError(f"missing attribute {key!r}")
    if int(ds.attrs["horizon_weeks"]) != ds.sizes["week"]:
        raise SnapshotError(
            f"attribute 'horizon_weeks' {ds.attrs['horizon_weeks']} differs from the "
            f"{ds.sizes['week']} weeks"
        )


def _coord_bytes(values: np.ndarray) -> bytes:
    if values.dtype.kind in "OUS":
        return _canonical_json([str(v) for v in values.tolist()]).encode()
    if values.dtype.kind == "f":
        values = values + 0.0  # -0.0 and 0.0 hash alike
    return np.ascontiguousarray(values).tobytes()


def content_hash(ds: xr.Dataset) -> str:
    """SHA-256 of every variable and coordinate (name, dims, dtype, shape, bytes) in sorted
    order, plus the attributes ``as_of``, ``scenario`` and ``params``."""
    h = hashlib.sha256()
    for kind, names in (
        ("coord", sorted(str(c) for c in ds.coords)),
        ("var", sorted(str(v) for v in ds.data_vars)),
    ):
        for name in names:
            var = ds.variables[name]
            values = np.asarray(var.values)
            head = f"{kind}:{name}:{','.join(map(str, var.dims))}:{values.dtype.str}:{values.shape}"
            h.update(head.encode())
            h.update(b"\0")
            h.update(_coord_bytes(values))
            h.update(b"\0")
    params = ds.attrs.get("params", "{}")
    if not isinstance(params, str):
        params = _canonical_json(params)
    tail = _canonical_json(
        {
            "as_of": str(ds.attrs.get("as_of")),
            "scenario": str(ds.attrs.get("scenario")),
            "params": json.loads(params),
        }
    )
    h.update(tail.encode())
    return h.hexdigest()


def params_of(ds: xr.Dataset) -> dict[str, Any]:
    """The scenario policy of a snapshot as a dict."""
    p: dict[str, Any] = json.loads(ds.attrs.get("params", "{}"))
    return p
