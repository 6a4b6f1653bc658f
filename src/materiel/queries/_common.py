"""Shared helpers of the read side: provenance and vectorised currency conversion; the
one ``today()``, as-of resolution and date spans come from :mod:`materiel.queries._base`."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy.orm import Session

from materiel import money
from materiel.queries._base import (
    REPORT_CURRENCY,
    dataset_synthetic,
    date_span,
    resolve,
    today,
)

__all__ = [
    "REPORT_CURRENCY",
    "convert_column",
    "dataset_synthetic",
    "date_span",
    "nullable",
    "plain",
    "prefix_mask",
    "resolve",
    "rows",
    "share_frames",
    "shared",
    "synthetic_of",
    "today",
]

F = TypeVar("F", bound=Callable[..., Any])
_SHARED = "materiel.shared_frames"


def share_frames(session: Session) -> Session:
    """Within ``session`` (a read session: one page, one brief), the read side's base
    frames (:func:`shared` functions) are computed once per arguments and each caller gets
    a copy: a page that shows the key figures and their detail reads each once. Only for
    sessions that do not write: a write in the session would not be seen by the frames
    already read."""
    session.info.setdefault(_SHARED, {})
    return session


def shared(fn: F) -> F:
    """Marks a read-side function ``fn(session, viewer, ...)`` whose answer (a frame, a
    dict, None) :func:`share_frames` sessions compute once per arguments (defaults
    applied, so ``as_of=None`` and today's date are one key only when spelled alike)."""
    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(session: Session, *args: Any, **kwargs: Any) -> Any:
        store = session.info.get(_SHARED)
        if store is None:
            return fn(session, *args, **kwargs)
        bound = sig.bind(session, *args, **kwargs)
        bound.apply_defaults()
        key = (fn.__module__, fn.__qualname__, *list(bound.arguments.items())[1:])
        try:
            found = key in store
        except TypeError:  # an unhashable argument: not shared
            return fn(session, *args, **kwargs)
        if not found:
            store[key] = fn(session, *args, **kwargs)
        value = store[key]
        return value.copy() if isinstance(value, pd.DataFrame) else copy.copy(value)

    return wrapper  # type: ignore[return-value]


def synthetic_of(frame: pd.DataFrame) -> bool:
    """True when any row of a query's frame comes from a synthetic record."""
    return bool("synthetic" in frame and frame["synthetic"].astype(bool).any())


def prefix_mask(codes: pd.Series, prefix: str | None) -> pd.Series:
    """Rows whose item code starts with ``prefix`` (``ammo.artillery`` matches every
    artillery round; a full code matches that item)."""
    if not prefix:
        return pd.Series(True, index=codes.index, dtype=bool)
    return codes.astype(str).str.startswith(prefix).astype(bool)


def convert_column(
    amounts: pd.Series, currencies: pd.Series, on: pd.Series | dt.date, to: str
) -> tuple[pd.Series, pd.Series]:
    """Convert ``amounts`` (in ``currencies``) to ``to`` with the ECB reference rate of ``on``.

    One rate lookup per distinct (currency, date) pair, then an array multiply. Returns the
    converted amounts and the ECB rate dates actually used (NaN/None where the amount is
    missing).
    """
    index = amounts.index
    dates = on if isinstance(on, pd.Series) else pd.Series([on] * len(index), index=index)
    frame = pd.DataFrame(
        {"amount": amounts.astype(float), "currency": currencies, "on": dates}, index=index
    )
    known = frame["amount"].notna() & frame["currency"].notna() & frame["on"].notna()
    pairs = frame.loc[known, ["currency", "on"]].drop_duplicates()
    rates: dict[tuple[str, dt.date], tuple[float, dt.date]] = {}
    for cur, day in pairs.itertuples(index=False):
        c = money.convert(1.0, str(cur), to, day)
        rates[(cur, day)] = (c.rate, c.rate_date)
    keys = list(zip(frame["currency"], frame["on"], strict=True))
    rate = pd.Series(
        [rates[k][0] if ok else float("nan") for k, ok in zip(keys, known, strict=True)],
        index=index,
        dtype=float,
    )
    used = pd.Series(
        [rates[k][1] if ok else None for k, ok in zip(keys, known, strict=True)],
        index=index,
        dtype=object,
    )
    return frame["amount"] * rate, used


def nullable(df: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Missing values of ``columns`` as None (object dtype): JSON- and template-friendly."""
    for col in columns:
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


def plain(value: Any) -> Any:
    """A plain Python scalar: numpy scalars unwrapped, NaN / NA / NaT as None (dates kept)."""
    if hasattr(value, "item") and not isinstance(value, str | bytes | dt.date):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    return value


def rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a query's frame as dicts of plain Python values (see :func:`plain`)."""
    return [{str(k): plain(v) for k, v in row.items()} for row in df.to_dict("records")]
