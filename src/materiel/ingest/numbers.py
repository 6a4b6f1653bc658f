"""Money amounts and quantities as news texts write them (English, German, French), with exact
spans.

Numbers: digits with thousands separators in any of the three locales ("144,000", "8 000",
"8.000", "1 000 000"), decimals with a comma or a point ("1,5 Mrd.", "2.7bn"; the text's
language decides a lone ``,ddd`` or ``.ddd``), scale words ("million", "bn", "bln", "Mio.",
"Mrd.", "Milliarden", "milliard", "Md"), and number words through text2num ("eighteen",
"achtzehn", "dix-huit"). A range ("€40-50 million", "600 to 700 vehicles", "zwischen 40 und 50")
is recognised as a range and carries no number; vague amounts ("tens of thousands", "Dutzende",
"des centaines de") are recognised as vague and carry no number.

Money: a currency sign or code before the number ("$325 million", "€2.7bn", "EUR 500 million",
"US$1bn") or a currency after it ("1 billion dollars", "1,5 Mrd. Euro", "300 millions d'euros",
"2.2 billion Danish kroner", "40 M€"). Crowns without a country ("kr", "Kronen", "couronnes")
are ``KR`` until the reader knows the donor (:func:`crowns_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

LANGS = ("en", "de", "fr", "es", "pt")

#: scale words (lower case, without a final period); "billion" is 10^12 in German and French
SCALE = {
    "mil millones": 1e9,
    "millones": 1e6,
    "mil milhões": 1e9,
    "bilhões": 1e9,
    "milhões": 1e6,
    "millón": 1e6,
    "milhão": 1e6,
    "bilhão": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "billionen": 1e12,
    "bio": 1e12,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "mrd.": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "mia": 1e9,
    "million": 1e6,
    "millions": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "thousands": 1e3,
    "tausend": 1e3,
    "tsd": 1e3,
    "mille": 1e3,
    "k": 1e3,
}
#: scale words that may follow a plain quantity (not only money): "1.5 million rounds"
_QTY_SCALE = (
    r"million(?:s|en)?|mio\.?|mln|thousand|tausend|tsd\.?|mille|milliards?|milliarden?|billion"
)
_SCALE = (
    r"mil\s+millones|mil\s+milhões|millones|millón|milhões|milhão|bilhões|bilhão|trillions?|billionen|bio\.?|billions?|milliards?|milliarden?|mrd\.?|mds|md|mia|bln|bn|tn"
    r"|millions?|millionen|mio\.?|mln|mn|thousand|tausend|tsd\.?|mille|m|b|k"
)

SYMBOLS = {
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "zł": "PLN",
    "Kč": "CZK",
    "kr": "KR",
    "kr.": "KR",
}
CODES = (
    "USD",
    "EUR",
    "GBP",
    "DKK",
    "NOK",
    "SEK",
    "CAD",
    "AUD",
    "CHF",
    "PLN",
    "CZK",
    "JPY",
    "ISK",
    "NZD",
    "UAH",
    "KRW",
)
WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "us-dollar": "USD",
    "us-dollars": "USD",
    "dollars américains": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "de dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "d'euros": "EUR",
    "d’euros": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "pfund": "GBP",
    "livres sterling": "GBP",
    "livres": "GBP",
    "de livres": "GBP",
    "danish kroner": "DKK",
    "danish krone": "DKK",
    "danish crowns": "DKK",
    "dänische kronen": "DKK",
    "dänischen kronen": "DKK",
    "couronnes danoises": "DKK",
    "norwegian kroner": "NOK",
    "norwegian krone": "NOK",
    "norwegian crowns": "NOK",
    "norwegische kronen": "NOK",
    "norwegischen kronen": "NOK",
    "couronnes norvégiennes": "NOK",
    "swedish kronor": "SEK",
    "swedish krona": "SEK",
    "swedish crowns": "SEK",
    "schwedische kronen": "SEK",
    "schwedischen kronen": "SEK",
    "couronnes suédoises": "SEK",
    "czech crowns": "CZK",
    "czech koruna": "CZK",
    "tschechische kronen": "CZK",
    "couronnes tchèques": "CZK",
    "koruna": "CZK",
    "korun": "CZK",
    "kroner": "KR",
    "krone": "KR",
    "kronor": "KR",
    "krona": "KR",
    "kronen": "KR",
    "crowns": "KR",
    "couronnes": "KR",
    "zloty": "PLN",
    "zlotys": "PLN",
    "złoty": "PLN",
    "swiss francs": "CHF",
    "schweizer franken": "CHF",
    "francs suisses": "CHF",
    "franken": "CHF",
    "yen": "JPY",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "dólares": "USD",
    "de dólares": "USD",
    "libras": "GBP",
    "won": "KRW",
    "australische dollar": "AUD",
    "australischen dollar": "AUD",
    "kanadische dollar": "CAD",
    "kanadischen dollar": "CAD",
    "dollars canadiens": "CAD",
    "dollars australiens": "AUD",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
}
#: the crowns of a donor (a bare "kr" or "kroner" takes the donor's currency)
CROWNS = {"NOR": "NOK", "DNK": "DKK", "SWE": "SEK", "CZE": "CZK", "ISL": "ISK"}

#: a number with thousands separators (comma, point, space, thin space) or a decimal part
_NUM = r"\d{1,3}(?:(?:,|\.|[ \u00a0\u202f])\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SYM = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if s[0] != "k")
_CODE = "|".join(CODES)
_WORD = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
_SYM_AFTER = r"€|\$|£|zł|Kč|kr\.?(?!\w)"
_NOT_UNIT = (
    r"(?!\s?-?(?:mm\b|millim|cm\b|km\b|kg\b|t\b(?!-\d)|%|per\s?cent|percent|prozent"
    r"|pour\s?cent))"
)

_MONEY_BEFORE = re.compile(
    rf"(?<![\w$€£])(?P<cur>{_SYM}|(?:{_CODE})(?=[\s\d]))\s?(?P<num>{_NUM})"
    rf"(?:\s?(?:-|–|to|bis|à)\s?(?:{_SYM})?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})(?![\w])\.?)?",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.,$€£])(?P<num>{_NUM})(?:\s?(?:-|–|to|bis|à)\s?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})(?![\w])\.?)?\s?(?:of\s|de\s)?"
    rf"(?P<cur>{_WORD}|{_CODE}|{_SYM_AFTER})(?![\w])",
    re.IGNORECASE,
)
#: "from 80 to 120 million": a change of amount, not a range
_FROM = re.compile(r"\b(?:from|de|von|passe\s+de|erhöht\s+von)\s+$", re.IGNORECASE)
#: "ranged from €47 million to €2.1 million": a range, not a change of amount
_RANGED = re.compile(r"\b(?:rang(?:e|es|ed|ing)|reich\w*|allant)\s+(?:from|von|de)\s+$", re.I)
#: "between €40 million and €50 million", "zwischen 40 und 50 Millionen Euro"
_BETWEEN = re.compile(r"\b(?:between|zwischen|entre)\s+$", re.IGNORECASE)
_BETWEEN_NUM = re.compile(
    rf"\b(?:between|zwischen|entre)\s+(?:{_SYM})?\s?(?:{_NUM})\s+(?:and|und|et)\s+$", re.IGNORECASE
)

WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "single": 1,
    "a dozen": 12,
    "two dozen": 24,
    "half a million": 500_000,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 1_000_000,
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "un": 1,
    "une": 1,
    "zwei": 2,
    "zweier": 2,
    "dreier": 3,
    "vierer": 4,
    "douze": 12,
}
#: number words before a scale word in money ("fünf Milliarden Euro", "one billion dollars")
_MONEY_WORD = re.compile(
    r"(?<![\w-])(?P<word>[^\W\d_]+(?:[\s-][^\W\d_]+)?)\s(?P<scale>billions?|milliards?|milliarden?"
    r"|millions?|millionen|mil\s+millones|millones|milhões|mil\s+milhões|bilhões)\s(?:of\s|de\s)?"
    rf"(?P<cur>{_WORD}|{_CODE}|€|\$|£)(?![\w])",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    rf"(?<![\w.,$€£/-])(?P<num>{_NUM})(?:\s?(?:-|–|to|bis|à|or|oder|ou)\s?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_QTY_SCALE})(?![\w]))?(?![\w%]){_NOT_UNIT}",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(?:tens|hundreds|thousands|millions|dozens|scores)\s+of(?:\s+(?:thousands|millions))?"
    r"(?:\s+of)?|\b(?:several|many|numerous|some|more|additional|further)\b"
    r"|\b(?:Dutzende|Hunderte|Tausende|Zehntausende|Hunderttausende|mehrere|weitere|zahlreiche"
    r"|einige)\b|\b(?:des\s+)?(?:dizaines|centaines|milliers|dizaines\s+de\s+milliers)\s+d[e']"
    r"|\b(?:plusieurs|nombreux|nombreuses)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")

_LANG_WORDS = {
    "en": re.compile(r"\b(?:the|and|of|to|will|with|has|said|for)\b"),
    "de": re.compile(r"\b(?:der|die|das|und|nicht|mit|wird|für|hat|auch|sich|ist|von)\b"),
    "fr": re.compile(r"\b(?:le|la|les|et|des|du|une|pour|est|dans|sur|qui|a été)\b"),
    "es": re.compile(r"\b(?:el|los|las|del|y|por|con|para|será|según|también)\b"),
    "pt": re.compile(r"\b(?:os|da|do|das|dos|não|foi|com|uma|também|segundo)\b"),
}


@dataclass(frozen=True)
class Money:
    """An amount (None for a range such as "€40-50 million") with its currency and span."""

    amount: float | None
    currency: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    value: int | None  # None: a range ("600 to 700")
    start: int
    end: int


def guess_lang(text: str) -> str:
    """ "en", "de" or "fr" by the commonest function words in the first 3,000 characters."""
    head = text[:3000]
    counts = {k: len(rx.findall(head)) for k, rx in _LANG_WORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "en"


def parse_number(raw: str, lang: str = "en", scaled: bool = False) -> float:
    """The value of one number as written in ``lang`` ("8 000", "1,5", "1.234,5", "144,000").

    A lone separator followed by three digits is a thousands separator, unless a scale word
    follows and the separator is the language's decimal mark ("1,250 Mrd." in German, "1.250
    billion" in English)."""
    s = re.sub(r"[ \u00a0\u202f]", "", raw)
    seps = [c for c in s if c in ",."]
    if not seps:
        return float(s)
    if "," in s and "." in s:
        dec = s[max(s.rfind(","), s.rfind("."))]
        thou = "." if dec == "," else ","
        return float(s.replace(thou, "").replace(dec, "."))
    sep = seps[0]
    if len(seps) > 1:
        return float(s.replace(sep, ""))
    tail = s.split(sep)[1]
    decimal_mark = "," if lang in ("de", "fr", "es", "pt") else "."
    if len(tail) != 3 or (scaled and sep == decimal_mark):
        return float(s.replace(sep, "."))
    return float(s.replace(sep, ""))


def _scale(word: str | None, lang: str) -> float:
    if not word:
        return 1.0
    w = word.lower().rstrip(".")
    if w in ("billion", "billions") and lang in ("de", "fr"):
        return 1e12
    return SCALE.get(w, SCALE.get(w + ".", 1.0))


def _currency(raw: str) -> str:
    r = raw.strip()
    return (
        SYMBOLS.get(r)
        or SYMBOLS.get(r.rstrip("."))
        or WORDS.get(r.lower().replace("’", "'"))
        or WORDS.get(r.lower())
        or r.upper()
    )


#: a bare "$" or "dollars" in a Canadian, Australian or New Zealand announcement
DOLLARS = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD"}


def crowns_of(currency: str | None, donor: str | None, surface: str = "") -> str | None:
    """A bare crown currency ("KR") resolved by the donor (Norway: NOK), else unknown; a bare
    dollar ("$98 million", "98 millions de dollars") of Canada, Australia or New Zealand is
    that country's dollar unless the text says US dollars."""
    if currency == "USD" and donor in DOLLARS and not re.search(r"US|U\.S\.|améric", surface):
        return DOLLARS[donor]
    if currency != "KR":
        return currency
    return CROWNS.get(donor or "")


def find_money(text: str, lang: str | None = None) -> list[Money]:
    """Every money amount with its currency and exact span, in text order."""
    lang = lang or guess_lang(text)
    found: list[Money] = []
    used = bytearray(len(text) + 1)  # characters inside an amount already found

    def add(money: Money) -> None:
        found.append(money)
        used[money.start : money.end] = b"\x01" * (money.end - money.start)

    for m in _MONEY_BEFORE.finditer(text):
        add(_money(m, text, lang, _currency(m.group("cur"))))
    for m in _MONEY_AFTER.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        cur = m.group("cur")
        if cur.lower() == "m" or (cur[0] == "$" and not m.group("scale")):
            continue
        add(_money(m, text, lang, _currency(cur)))
    for m in _MONEY_WORD.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        words = m.group("word").split()
        for k in range(len(words)):  # "weitere fünf Milliarden": the number words at the end
            value = _word_value(" ".join(words[k:]), lang)
            if value is not None:
                start = m.start() + m.group(0).index(words[k]) if k else m.start()
                amount = value * _scale(m.group("scale"), lang)
                add(Money(amount, _currency(m.group("cur")), start, m.end()))
                break
    found.sort(key=lambda x: x.start)
    found = [
        Money(None, None, m.start, m.end)
        if _BETWEEN_NUM.search(text, max(0, m.start - 40), m.start)
        else m
        for m in found
    ]
    return _conversions(text, _betweens(text, found))


#: a sum in brackets right after another sum is its conversion ("£125 million ($160
#: million)", "NZD 7 million (USD 4.1 million)"), not a second amount
_CONVERSION_GAP = re.compile(
    r"\s*[(\[]\s*(?:about|approx(?:imately|\.)?|around|roughly|some|nearly|almost|rund|etwa|ca\.?"
    r"|environ|près\s+de|soit|or|i\.e\.|≈|~)?\s*"
)


def _conversions(text: str, found: list[Money]) -> list[Money]:
    out: list[Money] = []
    for m in found:
        if out and _CONVERSION_GAP.fullmatch(text, out[-1].end, m.start):
            continue
        out.append(m)
    return out


def _money(m: re.Match[str], text: str, lang: str, currency: str) -> Money:
    scale = _scale(m.group("scale"), lang)
    if m.group("num2"):
        if _FROM.search(text, max(0, m.start() - 12), m.start()):
            # "raised from 80 to 120 million euros": the new amount, not a range
            value = parse_number(m.group("num2"), lang, scaled=scale != 1.0) * scale
            return Money(value, currency, m.start(), m.end())
        return Money(None, None, m.start(), m.end())
    value = parse_number(m.group("num"), lang, scaled=scale != 1.0) * scale
    return Money(value, currency, m.start(), m.end())


def _betweens(text: str, found: list[Money]) -> list[Money]:
    """ "between €40 million and €50 million": one range, no amount."""
    out: list[Money] = []
    skip = False
    for i, m in enumerate(found):
        if skip:
            skip = False
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and (
                _BETWEEN.search(text, max(0, m.start - 12), m.start)
                or _RANGED.search(text, max(0, m.start - 24), m.start)
            )
            and re.fullmatch(r"\s+(?:and|und|et|to|bis|à)\s+", text[m.end : nxt.start])
        ):
            out.append(Money(None, None, m.start, nxt.end))
            skip = True
            continue
        out.append(m)
    return out


@lru_cache(maxsize=8192)
def _word_value(words: str, lang: str) -> int | None:
    low = words.lower()
    if low in WORD_NUMBERS:
        return WORD_NUMBERS[low]
    try:
        v = text2num(low, lang)
    except (ValueError, TypeError):
        return None
    return int(v) if isinstance(v, int | float) and v > 0 else None


_WORD_TOKEN = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
_CONNECTORS = {"and", "et", "und"}


def _number_words(text: str, lang: str) -> list[Quantity]:
    """Number words ("eighteen", "zwölf", "dix-huit", "a dozen", "one hundred and twenty"):
    the longest run of number words (and connectors) that text2num reads as one number."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _WORD_TOKEN.finditer(text)]
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        run = [i]
        j = i + 1
        while j < len(toks) and j - i < 6 and text[toks[j - 1][1] : toks[j][0]].isspace():
            w = toks[j][2]
            if (
                w.lower() not in _CONNECTORS
                and _word_value(w, lang) is None
                and (f"{toks[j - 1][2]} {w}".lower() not in WORD_NUMBERS)
            ):
                break
            run.append(j)
            j += 1
        best: tuple[int, int] | None = None
        for k in range(len(run), 0, -1):
            words = " ".join(toks[x][2] for x in run[:k])
            v = _word_value(words, lang)
            if v is not None:
                best = (v, run[k - 1])
                break
        if best is None:
            i += 1
            continue
        out.append(Quantity(best[0], toks[i][0], toks[best[1]][1]))
        i = best[1] + 1
    return out


def find_quantities(text: str, lang: str | None = None) -> list[Quantity]:
    """Number-like quantities (not years, calibres or percentages), digits or words.

    A range ("600 to 700", "40-50") is one quantity with no value."""
    lang = lang or guess_lang(text)
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        raw = m.group("num")
        scale = _scale(m.group("scale"), lang)
        if m.group("num2"):
            out.append(Quantity(None, m.start(), m.end()))
            continue
        if YEAR.match(raw) and scale == 1.0:
            continue
        if re.match(r"(?:st|nd|rd|th|er|e|ème)\b", text[m.end() : m.end() + 3]):
            continue  # ordinals: "22nd", "1er", "3e"
        value = parse_number(raw, lang, scaled=scale != 1.0) * scale
        if value != int(value) or value <= 0:
            continue
        out.append(Quantity(int(value), m.start(), m.end()))
    taken = [(q.start, q.end) for q in out]
    for q in _number_words(text, lang):
        if not any(a < q.end and q.start < b for a, b in taken):
            out.append(q)
    out.sort(key=lambda q: q.start)
    return out


def parse_amount(text: str, lang: str = "en") -> float | None:
    """A number with an optional scale word ("2.7bn", "500 million", "1,000,000", "1,5 Mrd.")."""
    m = re.fullmatch(rf"\s*(?P<num>{_NUM})\s?(?P<scale>{_SCALE})?\.?\s*", text, re.IGNORECASE)
    if m is None:
        return None
    scale = _scale(m.group("scale"), lang)
    return parse_number(m.group("num"), lang, scaled=scale != 1.0) * scale
