"""Money amounts and quantities as news texts write them, with exact spans.

Money: a currency sign or code before the number ("$325 million", "€2.7bn", "EUR 500 million",
"£2.5 billion", "US$1bn") or a currency word after it ("1 billion dollars", "300 million
euros", "DKK 1.2 billion", "2.2 billion Danish kroner"). Quantities: digits with thousands
separators ("144,000"), decimals with a scale word ("1.5 million"), number words ("eighteen",
"a dozen", "one million"); vague amounts ("tens of thousands", "hundreds of") are recognised
as *vague* and carry no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALE = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}

SYMBOLS = {
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
}
CODES = ("USD", "EUR", "GBP", "DKK", "NOK", "SEK", "CAD", "AUD", "CHF", "PLN", "CZK", "JPY", "ISK")
WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "danish kroner": "DKK",
    "danish crowns": "DKK",
    "norwegian kroner": "NOK",
    "norwegian crowns": "NOK",
    "swedish kronor": "SEK",
    "swedish crowns": "SEK",
    "kronor": "SEK",
    "kroner": "DKK",  # resolved against the donor (Norway → NOK) by the extractor
    "czech crowns": "CZK",
    "koruna": "CZK",
    "zloty": "PLN",
    "zlotys": "PLN",
    "swiss francs": "CHF",
    "francs": "CHF",
    "yen": "JPY",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|bn|mln|mn|tn|m|b|k"
_SYM = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CODE = "|".join(CODES)
_WORD = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))

MONEY_BEFORE = re.compile(
    rf"(?<![\w$€£])(?P<cur>{_SYM}|(?:{_CODE})\s?)\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
MONEY_AFTER = re.compile(
    rf"(?<![\w.,$€£])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s(?:of\s)?(?P<cur>{_WORD}|{_CODE})\b",
    re.IGNORECASE,
)

WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "a hundred": 100,
    "one hundred": 100,
    "a thousand": 1000,
    "one thousand": 1000,
    "a million": 1_000_000,
    "one million": 1_000_000,
    "half a million": 500_000,
    "two dozen": 24,
}
_WORDNUM = "|".join(re.escape(w) for w in sorted(WORD_NUMBERS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\w.,$€£/-])(?:(?P<num>{_NUM})(?:\s?(?P<scale>million|thousand))?"
    rf"|(?P<word>{_WORDNUM}))(?![\w%])(?!\s?(?:mm|millimet|per\s?cent|percent|%))",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(?:tens|hundreds|thousands|millions|dozens|scores)\s+of(?:\s+(?:thousands|millions))?"
    r"(?:\s+of)?|\b(?:several|many|numerous|some|more|additional|further)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    value: int
    start: int
    end: int


def _number(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= SCALE[scale.lower()]
    return value


def find_money(text: str) -> list[Money]:
    """Every money amount with its currency and exact span, in text order."""
    found: list[Money] = []
    for m in MONEY_BEFORE.finditer(text):
        cur_raw = m.group("cur").strip()
        cur = SYMBOLS.get(cur_raw) or SYMBOLS.get(cur_raw.upper()) or cur_raw.upper()
        found.append(Money(_number(m.group("num"), m.group("scale")), cur, m.start(), m.end()))
    for m in MONEY_AFTER.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        raw = m.group("cur").lower()
        cur = WORDS.get(raw) or raw.upper()
        found.append(Money(_number(m.group("num"), m.group("scale")), cur, m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Number-like quantities (not years, not calibres, not percentages)."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if m.group("num") is not None:
            raw = m.group("num")
            if YEAR.match(raw) and m.group("scale") is None:
                continue
            value = _number(raw, m.group("scale"))
        else:
            value = WORD_NUMBERS[m.group("word").lower()]
        if value != int(value) or value <= 0:
            continue
        out.append(Quantity(int(value), m.start(), m.end()))
    return out


def parse_amount(text: str) -> float | None:
    """A number with an optional scale word ("2.7bn", "500 million", "1,000,000")."""
    m = re.fullmatch(rf"\s*(?P<num>{_NUM})\s?(?P<scale>{_SCALE})?\s*", text, re.IGNORECASE)
    if m is None:
        return None
    return _number(m.group("num"), m.group("scale"))
