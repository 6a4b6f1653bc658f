"""Shared helpers of the read side: dates, provenance and vectorised currency conversion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from materiel import money

SYNTHETIC_MARK = "synthetic"
REPORT_CURRENCY = "EUR"


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def is_synthetic(*sources: Iterable[object]) -> bool:
    """True when any of the given source texts says the records are synthetic demo data."""
    return any(
        isinstance(s, str) and SYNTHETIC_MARK in s.lower() for values in sources for s in values
    )


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


def date_span(values: Iterable[object]) -> str:
    """``2025-01-03`` or ``2025-01-03 to 2025-12-30`` for the non-empty dates given."""
    days = sorted({v for v in values if isinstance(v, dt.date)})
    if not days:
        return "n/a"
    if days[0] == days[-1]:
        return days[0].isoformat()
    return f"{days[0].isoformat()} to {days[-1].isoformat()}"
