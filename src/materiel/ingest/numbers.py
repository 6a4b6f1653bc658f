"""Money amounts and quantities as news texts write them (English, German, French and some
twenty other European languages, Arabic), with exact spans.

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

Other languages: :func:`guess_lang` tells some 25 languages apart (py3langid's model); the
language chooses the decimal mark (a point only in English and Arabic), the scale words that
are ambiguous elsewhere ("mil" in Spanish, "mila" in Italian, "bin" in Turkish), range words
("40 do 50", "40 tot 50") and the number words ("dwa", "två", "kaksi"). Scale words and
currencies of those languages are recognised everywhere ("miliardów", "miljoner", "млрд",
"norske kroner", "korun", "євро", "dolarów").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier
from text_to_num import text2num

LANGS = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "sk", "da", "no", "sv", "fi", "et",
    "lv", "lt", "is", "ro", "hu", "tr", "hr", "sl", "uk", "ru", "bg", "sr", "el", "ar",
)  # fmt: skip
#: languages that write a decimal point ("2.5 million"); all others write a decimal comma
DECIMAL_POINT = frozenset({"en", "ar"})

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
#: scale words of other languages, by family (any case or inflection): milliard/miliardów/
#: miljarder/milijardi/мільярд..., million/milionów/miljoner/miljoonaa/мільйон..., thousand
SCALE_FAMILIES: tuple[tuple[str, float], ...] = (
    (
        r"mil+i?[jy]?[aá]r[dð]\w*|mil+j[öo]r[ðd]\w*|milyar\w*|mlrd|mljrd|mld|mdr|mia"
        r"|мил+иард\w*|мільярд\w*|милиард\w*|милијард\w*|млрд|δισ(?:εκατομμ[υύ]ρ[ιί]\w*)?|مليار\w*",
        1e9,
    ),
    (
        r"mil+i?[jy]?(?:[oóőu]{1,2}|oa|oe)n\w*|millió\w*|milj|мил+ион\w*|мільйон\w*"
        r"|милијун\w*|млн|εκατ(?:ομμ[υύ]ρ[ιί]\w*)?|مليون\w*",
        1e6,
    ),
    (
        r"duizend|tusen|tusind|tuhat\w*|tūkst\w*|tys|tysi[ęą]c\w*|tis|tisíc\w*|tisuć\w*"
        r"|hiljad\w*|tisoč\w*|þúsund\w*|тис|тисяч\w*|тыс|тысяч\w*|хиляд\w*|ezer"
        r"|χιλιάδ\w*|ألف|آلاف",
        1e3,
    ),
)
#: scale words that mean something else in other languages: read only in their own language
#: ("3 mil obuses", "3mila droni", "100 bin"; "Mil Mi-17" is a helicopter in English)
#: ("100 mil. Kč", "50 mil. eura", "100 mil. lei", "500 mill. kroner": "mil." and "mill." are
#: millions in Czech, Slovak, Croatian, Serbian, Slovene, Romanian, Norwegian and Danish)
SCALE_OF_LANG = {
    "es": ("mil", 1e3),
    "pt": ("mil", 1e3),
    "it": ("mila", 1e3),
    "tr": ("bin", 1e3),
    **{lang: ("mil", 1e6) for lang in ("cs", "sk", "hr", "sr", "sl", "bs", "ro")},
    **{lang: ("mill", 1e6) for lang in ("no", "da", "nb", "nn")},
}
_FAMILIES = "|".join(rx for rx, _ in SCALE_FAMILIES)

SYMBOLS = {
    "US$": "USD",
    "U$S": "USD",  # Argentine and Uruguayan press ("U$S 500 millones")
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "zł": "PLN",
    "Kč": "CZK",
    # the financial press's crowns before the number ("Nkr1.5bn", "SKr2bn", "DKr 500m")
    "Nkr": "NOK",
    "NKr": "NOK",
    "Skr": "SEK",
    "SKr": "SEK",
    "Dkr": "DKK",
    "DKr": "DKK",
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
    "HUF",
    "RON",
    "BGN",
    "HRK",
    "TRY",
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
    "dollars néo-zélandais": "NZD",
    "new zealand dollars": "NZD",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
}
#: the crowns of a donor (a bare "kr" or "kroner" takes the donor's currency)
CROWNS = {"NOR": "NOK", "DNK": "DKK", "SWE": "SEK", "CZE": "CZK", "ISL": "ISK"}
#: the crowns of a text's language, when no donor says whose ("4,2 milliarder kroner" in a
#: Danish text about a pool)
CROWNS_OF_LANGUAGE = {
    "da": "DKK",
    "sv": "SEK",
    "no": "NOK",
    "nb": "NOK",
    "nn": "NOK",
    "is": "ISK",
    "cs": "CZK",
}

#: a donor's own currency: of two sums of one package, the one in it is the stated value and
#: the other a conversion ("un paquet de 1,2 milliard d'euros. Ce programme de 12,9 milliards de
#: couronnes suédoises")
OWN_CURRENCY = {
    **CROWNS,
    "GBR": "GBP",
    "USA": "USD",
    "CAN": "CAD",
    "AUS": "AUD",
    "NZL": "NZD",
    "POL": "PLN",
    "CHE": "CHF",
    "JPN": "JPY",
    "KOR": "KRW",
    "HUN": "HUF",
    "ROU": "RON",
    "BGR": "BGN",
    "TUR": "TRY",
}
#: words before a sum that say it is converted from another currency ("im Wert von umgerechnet
#: rund 630 Millionen Euro", "the equivalent of", "soit l'équivalent de")
CONVERTED_BEFORE = re.compile(
    r"\b(?:umgerechnet|converted|equivalent\s+(?:of|to)|l['’]équivalent\s+de|omräknat|svarende"
    r"\s+til|tilsvarende|omgerekend|przelicz\w*|equivalente\s+a)\b[^.;:!?\d]{0,20}$",
    re.IGNORECASE,
)

#: currency words of other languages, in any inflection (matched in this order, so a crown with
#: its country's adjective before the bare crown): "norske kroner", "korun", "miljoonaa euroa"
CURRENCY_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:nors\w*|norw\w*|norv\w*|nórs\w*|норв\w*|νορβηγ\w*)\s+CROWN", "NOK"),
    (r"(?:dans\w*|dän\w*|duńs\w*|dáns\w*|dán\w*|dan\w*|дат\w*|δαν\w*)\s+CROWN", "DKK"),
    (
        r"(?:svens\w*|swed\w*|schwed\w*|szwedz\w*|švéd\w*|šveds\w*|šved\w*|suéd\w*|suec\w*"
        r"|sved\w*|шв\w*|σουηδ\w*)\s+CROWN",
        "SEK",
    ),
    (
        r"(?:tjeck\w*|tjekk\w*|tjekis\w*|czes\w*|česk\w*|češk\w*|чеш\w*|τσεχ\w*|ceh\w*)\s+CROWN",
        "CZK",
    ),
    (r"(?:island\w*|ísl\w*|исланд\w*)\s+CROWN", "ISK"),
    (r"krón\w*", "ISK"),
    (r"korun\w*|korún", "CZK"),
    (r"kronur|kroon\w*|krun[aeiu]?|koron(?:a|y|ie|ę|ach|ami|om)?(?!\w)|крон\w*|κορών\w*", "KR"),
    (
        r"kanadadoll\w*|(?:kanad\w*|canad\w*|канад\w*)\s+DOLLAR|DOLLAR\s+(?:canad\w*|kanad\w*"
        r"|канад\w*)",
        "CAD",
    ),
    (r"(?:austral\w*|аустрал\w*|австрал\w*)\s+DOLLAR|DOLLAR\s+austral\w*", "AUD"),
    (
        r"(?:new\s+zealand|neuseeländisch\w*|néo-zélandais\w*|nieuw-zeelandse?|nowozelandzk\w*"
        r"|novozéland\w*|neozelandes\w*|neozeland\w*)\s+DOLLAR|DOLLAR\s+(?:néo-zélandais\w*"
        r"|neozelandes\w*|neozeland\w*)",
        "NZD",
    ),
    (r"(?:ameri\w*|америк\w*|αμερικ\w*)\s+DOLLAR|DOLLAR\s+(?:ameri\w*|estadounidenses)", "USD"),
    (r"DOLLAR", "USD"),
    (r"euro[anst]?|eur[oa]|euró\w*|evr\w*|eiro|eurų|eurais|евро|евра|євро|ευρώ|avro|يورو", "EUR"),
    (
        r"(?:brit\w*|британ\w*|βρετανικ\w*)\s+(?:pund\w*|funt\w*|фунт\w*|λίρ\w*|libr\w*)"
        r"|funt\w*(?:\s+szterling\w*)?|sterlin\w*|фунт\w*|λίρ\w*|pund\w*|sterline",
        "GBP",
    ),
    (r"złot\w*|zlot\w*|zł", "PLN"),
    (r"forint\w*|Ft", "HUF"),
    (r"lei|leu", "RON"),
    (r"hryvn\w*|hrywien|hrywn\w*|hřiv\w*|гривен\w*|гривн\w*|грн|₴", "UAH"),
    (r"kun[aeiu]|куни|кун", "HRK"),
    (r"лева|лв", "BGN"),
    (r"(?:türk\s+)?lira(?:s|sı)?|TL", "TRY"),
    (r"franc\w*\s+suisses?|švýcarsk\w*\s+frank\w*|frank\w*|francs?", "CHF"),
)
_CROWN = r"kron\w*|krón\w*|koron\w*|korun\w*|korún|krun[aeiu]?|kroon\w*|крон\w*|κορών\w*"
_DOLLAR = r"dol+ar\w*|dólar\w*|долар\w*|доллар\w*|долл(?!\w)|δολάρι\w*|دولار\w*"
_CURRENCY_RX = tuple(
    (re.compile(rx.replace("CROWN", f"(?:{_CROWN})").replace("DOLLAR", f"(?:{_DOLLAR})"), re.I), c)
    for rx, c in CURRENCY_PATTERNS
)
_CURRENCY_ALT = "|".join(rx.pattern for rx, _ in _CURRENCY_RX)

#: a number with thousands separators (comma, point, space, thin space, apostrophe) or a
#: decimal part
_NUM = (
    r"\d{1,3}(?:(?:,|\.|[ \u00a0\u202f]|['’](?=\d{3}))\d{3})+(?![\d])(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
)
_SYM = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if s[0] != "k")
_CODE = "|".join(CODES)
_WORD = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
_SYM_AFTER = r"€|\$|£|zł|Kč|₴|kr\.?(?!\w)"
_NOT_UNIT = (
    r"(?!\s?-?(?:mm\b|millim|cm\b|km\b|kg\b|t\b(?!-\d)|%|per\s?cent|percent|prozent"
    r"|pour\s?cent|мм\b|мілім|миллим|милим|milim|milím|χιλιοστ|см\b|км\b|кг\b))"
)
#: range words between two numbers, by language ("40 to 50", "40 bis 50", "40 do 50")
RANGE_WORDS = {
    "es": "a|y", "pt": "a", "it": "a", "nl": "tot", "pl": "do", "cs": "do|až", "sk": "do|až",
    "hr": "do", "sl": "do", "sr": "до|do", "da": "til", "no": "til", "sv": "till", "ro": "la",
    "uk": "до", "ru": "до", "bg": "до", "el": "έως|ως", "lv": "līdz", "lt": "iki", "fi": "ja",
    "et": "kuni", "hu": "és", "tr": "ila", "is": "til",
}  # fmt: skip
#: "or" between two numbers ("two or three"), by language
OR_WORDS = {
    "es": "o", "pt": "ou", "it": "o", "nl": "of", "pl": "lub|albo", "cs": "nebo", "sk": "alebo",
    "da": "eller", "no": "eller", "sv": "eller", "uk": "або|чи", "ru": "или", "bg": "или",
    "hr": "ili", "sr": "ili|или", "sl": "ali", "ro": "sau", "fi": "tai", "et": "või",
    "lv": "vai", "lt": "ar", "el": "ή", "hu": "vagy", "tr": "veya",
}  # fmt: skip


#: "half" before a scale word, in every language read ("half a billion", "un demi-milliard",
#: "eine halbe Milliarde", "medio millón", "mezzo miliardo", "een half miljard", "pół miliarda",
#: "en halv milliard", "півмільярда"): half of that scale, never the scale itself
HALF = (
    r"half(?:\s+an?|-an?)?|(?:un\s+)?demi|(?:ein(?:e[nmrs]?)?\s+)?halbe[nmrs]?|medio|mezzo|meio"
    r"|(?:een\s+)?half|pół|půl|pol|(?:en\s+|et\s+)?halv[te]?|пів|пол"
)
#: the scale words "half" goes with, as a count or a sum ("eine halbe Million", "medio millón")
_HALF_SCALE = r"millions?|millionen|milliards?|milliarden?|millón|milhão|thousand|tausend"


@dataclass(frozen=True)
class _Patterns:
    money_before: re.Pattern[str]
    money_after: re.Pattern[str]
    money_word: re.Pattern[str]
    quantity: re.Pattern[str]


@lru_cache(maxsize=64)
def _patterns(lang: str) -> _Patterns:
    """The number patterns of one language: its own range words and ambiguous scale words."""
    to = r"-|–|to|bis|à" + (f"|{RANGE_WORDS[lang]}" if lang in RANGE_WORDS else "")
    orw = r"or|oder|ou" + (f"|{OR_WORDS[lang]}" if lang in OR_WORDS else "")
    own = SCALE_OF_LANG.get(lang)
    scale = (f"{own[0]}|" if own else "") + f"{_SCALE}|{_FAMILIES}"
    qty_scale = (f"{own[0]}|" if own else "") + f"{_QTY_SCALE}|{_FAMILIES}"
    cur_after = f"{_WORD}|{_CURRENCY_ALT}|{_CODE}|{_SYM_AFTER}"
    return _Patterns(
        re.compile(
            rf"(?<![\w$€£])(?P<cur>{_SYM}|(?:{_CODE})(?=[\s\d]))\s?(?P<num>{_NUM})"
            rf"(?:\s?(?:{to})\s?(?:{_SYM})?(?P<num2>{_NUM}))?"
            # (the scale also after a hyphen: "$25-million", "C$500-million")
            rf"(?:[\s-]?(?P<scale>{scale})(?![\w])\.?)?",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w.,$€£])(?P<num>{_NUM})(?:\s?(?:{to})\s?(?P<num2>{_NUM}))?"
            rf"(?:[\s-]?(?:de\s)?(?P<scale>{scale})(?![\w])\.?)?[\s-]?"
            rf"(?:of\s|de\s|di\s|av\s|de\s+la\s)?(?P<cur>{cur_after})(?![\w])",
            re.IGNORECASE,
        ),
        re.compile(
            r"(?<![\w-])(?P<word>[^\W\d_]+(?:[\s-][^\W\d_]+)?)\s(?P<scale>billions?|milliards?"
            r"|milliarden?|millions?|millionen|mil\s+millones|millones|milhões|mil\s+milhões"
            rf"|bilhões|bilhão|milhão|{_FAMILIES})\s(?:of\s|de\s|di\s)?"
            rf"(?P<cur>{_WORD}|{_CURRENCY_ALT}|{_CODE}|€|\$|£)(?![\w])",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w.,$€£/-])(?P<num>{_NUM})(?:\s?(?:{to}|{orw})\s?(?P<num2>{_NUM}))?"
            # (the scale also after a hyphen: "30-tisíc pištolí", "30-tysięcy")
            rf"(?:[\s-]?(?P<scale>{qty_scale})(?![\w]))?(?![\w%]){_NOT_UNIT}",
            re.IGNORECASE,
        ),
    )


#: half of a scale as a sum ("half a billion dollars", "un demi-milliard de dollars"): the same
#: in every language, so compiled once
_HALF_MONEY = re.compile(
    rf"(?<![\w-])(?:{HALF})[\s-]?(?P<scale>billions?|bilhão|{_HALF_SCALE}|{_FAMILIES})\s"
    rf"(?:of\s|de\s|di\s|d['’]|an\s)?(?P<cur>{_WORD}|{_CURRENCY_ALT}|{_CODE}|€|\$|£)(?![\w])",
    re.IGNORECASE,
)

#: "from 80 to 120 million": a change of amount, not a range
_FROM = re.compile(r"\b(?:from|de|von|passe\s+de|erhöht\s+von)\s+$", re.IGNORECASE)
#: "ranged from €47 million to €2.1 million": a range, not a change of amount
_RANGED = re.compile(r"\b(?:rang(?:e|es|ed|ing)|reich\w*|allant)\s+(?:from|von|de)\s+$", re.I)
#: "between €40 million and €50 million", "zwischen 40 und 50 Millionen Euro", "tra 40 e 50",
#: "mellan 40 och 50", "між 40 та 50"
_BETWEEN_WORDS = (
    r"between|zwischen|entre|tra|fra|tussen|mellan|mellem|między|mezi|medzi|između|între"
    r"|между|між|μεταξύ"
)
_AND_WORDS = r"and|und|et|y|e|en|och|og|i|a|și|и|і|та|και|ja"
_BETWEEN_GAP = rf"\s+(?:{_AND_WORDS}|to|bis|à|do|til|till|tot|до)\s+"
_BETWEEN = re.compile(rf"(?<!\w)(?:{_BETWEEN_WORDS})\s+$", re.IGNORECASE)
_BETWEEN_NUM = re.compile(
    rf"(?<!\w)(?:{_BETWEEN_WORDS})\s+(?:{_SYM})?\s?(?:{_NUM})\s+(?:{_AND_WORDS})\s+$",
    re.IGNORECASE,
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
VAGUE = re.compile(
    r"\b(?:tens|hundreds|thousands|millions|dozens|scores)\s+of(?:\s+(?:thousands|millions))?"
    r"(?:\s+of)?|\b(?:several|many|numerous|some|more|additional|further)\b"
    r"|\b(?:Dutzende|Hunderte|Tausende|Zehntausende|Hunderttausende|mehrere|weitere|zahlreiche"
    r"|einige)\b|\b(?:des\s+)?(?:dizaines|centaines|milliers|dizaines\s+de\s+milliers)\s+d[e']"
    r"|\b(?:plusieurs|nombreux|nombreuses)\b"
    r"|\b(?:miles|cientos|centenares|decenas|milhares|centenas|dezenas|migliaia|centinaia"
    r"|decine)\s+d[ei]\b",
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


#: function words of each language (Latin script): after millions or billions with no
#: currency they end the amount (:func:`_elliptic`: "490 millions) servira", "acht Milliarden
#: zur")
LANG_PROFILES = {
    "en": "the and of to will with has said for is that was from by which this are have its it an"
    " on be were also their would after",
    "de": "der die das und nicht mit wird für hat auch sich ist von den dem zu ein eine im sind"
    " werden",
    "fr": "le la les et des du une pour est dans sur qui au aux par avec ont été cette",
    "es": "el los las del y por con para según también que una al se ha su este como",
    "pt": "os da do das dos não foi com uma também segundo em na no ao à é que para pelo",
    "it": "il della che di per gli è delle dei degli nel alla anche sono ha con dell all un non",
    "nl": "het een van de en niet zijn voor met op dat ook wordt heeft naar aan bij worden",
    "pl": "w i z na się nie do jest że to od dla przez oraz który już jak po będzie",
    "cs": "a v se na je že s z do o k jako který byl by pro také už podle ve ze jsou bude",
    "sk": "a v sa na je že s z do o k ako ktorý bol pre aj už podľa vo zo sú bude",
    "da": "og i at er det en til af på med har som ikke de den vil fra for også blev efter siger",
    "no": "og i at er det en til av på med har som ikke de den vil fra for også ble etter å sier",
    "sv": "och i att är det en till av på med har som inte de den ska från för också blev efter",
    "fi": "ja on ei se että oli ovat myös joka mutta kuin sekä tai ole",
    "et": "ja on ei et ka see oli mis kui aga ning ta seda või",
    "lv": "un ir ar no par uz kā arī lai ka tas bija tiks šo",
    "lt": "ir kad su iš į už kaip taip bet yra buvo nuo bus tai jau apie šios dėl iki per",
    "is": "og að í á er sem um til við það var ekki hefur fyrir með frá",
    "ro": "și în de la cu pe că a din pentru care nu fost este sunt al o",
    "hu": "a az és hogy is nem egy meg van volt már csak mint vagy ezt pedig",
    "tr": "ve bir bu ile için da de olarak çok daha gibi olan ise ki kadar",
    "hr": "i u je na za se su da od s a će koji kao iz o sa ili te biti",
    "sl": "in je na za se so da od z s pa bo ki tudi kot iz o ter",
}
_PROFILE_SETS = {k: frozenset(v.split()) for k, v in LANG_PROFILES.items()}
#: how much of a text its language is guessed from
_HEAD = 3000
#: a word of three letters or more (a text without one is English: "155mm")
_A_WORD = re.compile(r"[^\W\d_]{3,}")


def guess_lang(text: str) -> str:
    """The language of a text (a code of :data:`LANGS`) from its first 3,000 characters, by
    py3langid (langid.py's naive Bayes model of byte n-grams, shipped in its package) limited
    to :data:`LANGS`; English for a text without a word of three letters ("155mm"). Unlike
    counting function words, it tells the language of a single sentence or headline
    ("Deutschland liefert zwei Millionen Granaten an die Ukraine.")."""
    return lang_scores(text)[0][0]


def lang_scores(text: str) -> tuple[tuple[str, float], ...]:
    """The languages of :data:`LANGS` by their probability for a text, best first (see
    :func:`guess_lang`). Cached by the text's head only, so the cache never keeps whole
    texts."""
    return _head_scores(text[:_HEAD])


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGS))
    return ident


@lru_cache(maxsize=256)
def _head_scores(head: str) -> tuple[tuple[str, float], ...]:
    if not _A_WORD.search(head):
        return (("en", 1.0),)
    return tuple((lang, float(p)) for lang, p in _identifier().rank(head))


def parse_number(raw: str, lang: str = "en", scaled: bool = False) -> float:
    """The value of one number as written in ``lang`` ("8 000", "1,5", "1.234,5", "144,000").

    A lone separator followed by three digits is a thousands separator, unless a scale word
    follows and the separator is the language's decimal mark ("1,250 Mrd." in German, "1.250
    billion" in English; not in Spanish, "7,000 millones")."""
    s = re.sub(r"[ \u00a0\u202f'’]", "", raw)
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
    decimal_mark = "." if lang in DECIMAL_POINT else ","
    # Spanish written in the Americas puts a comma between thousands ("$2,100 millones"), where
    # Spain writes a decimal as short as it can ("2,1 millones"): three digits are thousands
    if len(tail) != 3 or (scaled and sep == decimal_mark and lang != "es"):
        return float(s.replace(sep, "."))
    return float(s.replace(sep, ""))


def _scale(word: str | None, lang: str) -> float:
    if not word:
        return 1.0
    w = re.sub(r"\s+", " ", word.lower()).rstrip(".")
    if w in ("billion", "billions") and lang in ("de", "fr"):
        return 1e12
    if w in SCALE or w + "." in SCALE:
        return SCALE.get(w, SCALE.get(w + ".", 1.0))
    own = SCALE_OF_LANG.get(lang)
    if own is not None and w == own[0]:
        return own[1]
    for rx, value in SCALE_FAMILIES:
        if re.fullmatch(rx, w, re.IGNORECASE):
            return value
    return 1.0


def _currency(raw: str) -> str:
    r = re.sub(r"\s+", " ", raw.strip())
    found = (
        SYMBOLS.get(r)
        or SYMBOLS.get(r.rstrip("."))
        or SYMBOLS.get(r.lower())  # "Kr." at a sentence's start or after "Mrd."
        or WORDS.get(r.lower().replace("’", "'"))
        or WORDS.get(r.lower())
    )
    if found:
        return found
    if r.upper() in CODES:
        return r.upper()
    for rx, code in _CURRENCY_RX:
        if rx.fullmatch(r):
            return code
    return r.upper()


def crowns_of(currency: str | None, donor: str | None, lang: str | None = None) -> str | None:
    """A bare crown currency ("KR") resolved by the donor (Norway: NOK), else by the text's
    language (a Danish text's "kroner" of a pool or of the EU), else unknown. A bare
    dollar ("$98 million", "98 millions de dollars") stays the US dollar whoever the donor is
    (the labelling convention: "$" is USD); only a named dollar ("C$", "Canadian dollars",
    "A$", "NZ$") is another country's."""
    if currency != "KR":
        return currency
    return CROWNS.get(donor or "") or CROWNS_OF_LANGUAGE.get(lang or "")


def find_money(text: str, lang: str | None = None) -> list[Money]:
    """Every money amount with its currency and exact span, in text order."""
    lang = lang or guess_lang(text)
    found: list[Money] = []
    used = bytearray(len(text) + 1)  # characters inside an amount already found

    def add(money: Money) -> None:
        found.append(money)
        used[money.start : money.end] = b"\x01" * (money.end - money.start)

    pat = _patterns(lang)
    for m in pat.money_before.finditer(text):
        add(_money(m, text, lang, _currency(m.group("cur"))))
    for m in pat.money_after.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        cur = m.group("cur")
        if cur.lower() == "m" or (cur[0] == "$" and not m.group("scale")):
            continue
        add(_money(m, text, lang, _currency(cur)))
    for m in _HALF_MONEY.finditer(text):
        if not any(used[m.start() : m.end()]):
            amount = 0.5 * _scale(m.group("scale"), lang)
            add(Money(amount, _currency(m.group("cur")), m.start(), m.end()))
    for m in pat.money_word.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        words = m.group("word").split()
        for k in range(len(words)):  # "weitere fünf Milliarden": the number words at the end
            tail = " ".join(words[k:])
            value = _word_value(tail, lang)
            if value is None and tail.lower() in _ONE_BEFORE_SCALE.get(lang, ()):
                value = 1
            if value is not None:
                start = m.start() + m.group(0).index(words[k]) if k else m.start()
                amount = value * _scale(m.group("scale"), lang)
                add(Money(amount, _currency(m.group("cur")), start, m.end()))
                break
    for money in _elliptic(text, lang, found, used):
        add(money)
    found.sort(key=lambda x: x.start)
    found = [Money(None, None, m.start, m.end) if ends_a_range(text, m.start) else m for m in found]
    return [_named_dollar(text, m) for m in _conversions(text, _betweens(text, found))]


#: the article or word for "one" right before a scale word of a sum, in languages whose number
#: words leave it out (it is an article elsewhere): "en milliard kroner", "én milliard euro",
#: "ett miljard", "egy milliárd forint", "um bilhão de dólares"
_ONE_BEFORE_SCALE: dict[str, frozenset[str]] = {
    "da": frozenset({"en", "én", "et"}),
    "no": frozenset({"en", "ein", "ett", "eitt"}),
    "sv": frozenset({"en", "ett"}),
    "hu": frozenset({"egy"}),
    "pt": frozenset({"um", "uma"}),
}


#: a dollar sum named after it ("$20 million Australian dollar", "50 millions de dollars
#: (canadiens)")
_DOLLAR_NAMED_AFTER = re.compile(
    r"\s*\(?\s*(?:(?P<CAD>canadi\w*|kanadisch\w*)|(?P<AUD>australi\w*|australisch\w*)"
    r"|(?P<NZD>new\s+zealand|néo-zélandais\w*|neuseeländisch\w*))\b",
    re.IGNORECASE,
)


def _named_dollar(text: str, m: Money) -> Money:
    if m.currency != "USD" or text[m.start : m.start + 2] == "US":
        return m
    named = _DOLLAR_NAMED_AFTER.match(text, m.end)
    if named is None or not named.lastgroup:
        return m
    return Money(m.amount, named.lastgroup, m.start, m.end)


#: millions and billions with no currency ("la plus grande part (490 millions) servira",
#: "une dotation de 2 milliards supplémentaire", "7 miljarder och")
_BIG_SCALE = (
    r"millions?|millionen|mio\.?|mln|mn|milliards?|milliarden?|mrd\.?|mds|bn|bln|billions?"
    rf"|{SCALE_FAMILIES[0][0]}|{SCALE_FAMILIES[1][0]}"
)
_ELLIPTIC = re.compile(
    rf"(?:(?<![\w.,$€£/-])(?P<num>{_NUM})\s?|(?<![\w-])(?P<word>[^\W\d_]+)\s)"
    rf"(?P<scale>{_BIG_SCALE})(?![\w-])\.?",
    re.IGNORECASE,
)
#: words after such a number that tell it counts money, not things ("2 milliards
#: supplémentaire", "weitere"): the language's function words, less "of" and its kin
_ELLIPTIC_AFTER = frozenset(
    re.findall(
        r"\w+",
        "additional more further extra supplémentaire supplémentaires restants zusätzlich"
        " zusätzliche adicionales adicionais aggiuntivi ulteriori zur zum für pour para per voor"
        " till til na",
    )
)
_OF_WORDS = frozenset(
    re.findall(r"\w+", "of de d di du des del da do dos das van von der av af z ze od iz")
)


_CURRENCY_LEAD = re.compile(rf"(?<![\w$€£])(?P<cur>{_SYM}|{_CODE})\s?$")


def _elliptic(text: str, lang: str, found: list[Money], used: bytearray) -> list[Money]:
    """Millions or billions written with no currency, in a text that names one elsewhere: the
    currency of the nearest amount before (else after) them. Only when what follows is
    punctuation, a function word of the language or "more" ("490 millions) servira", "acht
    Milliarden zur"), never a noun ("1.5 million rounds", "2 millions d'obus")."""
    named = sorted((m for m in found if m.currency), key=lambda m: m.start)
    if not named:
        return []
    words = _PROFILE_SETS.get(lang, frozenset()) | _PROFILE_SETS["en"] | _ELLIPTIC_AFTER
    out: list[Money] = []
    for m in _ELLIPTIC.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        nxt = re.match(r"\s*([^\W\d_]+)?", text[m.end() :])
        word = (nxt.group(1) or "").lower() if nxt else ""
        if word and (word not in words or word in _OF_WORDS):
            continue
        start, currency = m.start(), None
        lead = _CURRENCY_LEAD.search(text, max(0, start - 8), start)
        if lead is not None:  # "GBP one billion", "€ 2 milliards"
            start, currency = lead.start(), _currency(lead.group("cur"))
        else:
            before = [x for x in named if x.end <= m.start()]
            currency = (before[-1] if before else named[0]).currency
        scale = _scale(m.group("scale"), lang)
        if m.group("word") is not None:  # "weitere acht Milliarden zur Verfügung"
            number = _word_value(m.group("word"), lang)
            if number is None:
                continue
            value = number * scale
        else:
            value = parse_number(m.group("num"), lang, scaled=True) * scale
        out.append(Money(value, currency, start, m.end()))
    return out


#: words of "about" before a sum, read by both conversion gaps below
_ABOUT = (
    r"about|approx(?:imately|\.)?|around|roughly|some|rund|etwa|ca\.?|environ|près\s+de"
    r"|omkring|cirka|noin|около|близько|ungefähr|circa|ungefär|omtrent|rundt|ongeveer|zo'?n"
    r"|około|ok\.|přibližně|približne|približno|zhruba|asi|aproximadamente|alrededor\s+de"
    r"|cerca\s+de|körülbelül|mintegy|apie|aptuveni|umbes|приблизно|περίπου|прибл\."
)
#: a sum in brackets right after another sum is its conversion ("£125 million ($160
#: million)", "NZD 7 million (USD 4.1 million)"), not a second amount
_CONVERSION_GAP = re.compile(
    r"\s*(?:[(\[]|,\s*soit|,?\s*(?:i\.\s?e\.|d\.\s?h\.|umgerechnet|equivalent\s+to"
    r"|l['’]équivalent\s+de))\s*(?:" + _ABOUT + r"|nearly"
    r"|almost|soit|or|i\.e\.|≈|~|over|more\s+than|just\s+over"
    r"|über|mehr\s+als|knapp|plus\s+de|más\s+de|mais\s+de|oltre|ponad|ruim|meer\s+dan|drygt"
    r"|knapt|yli|понад|более)?\s*"
)


#: a sum in another currency after a comma and a word of approximation is the conversion of
#: the sum before it ("fem miljoner euro, cirka 50 miljoner svenska kronor", "5 million euros,
#: about 50 million crowns"): the stated value comes first
_APPROXIMATE_GAP = re.compile(
    r"\s*,\s*(?:" + _ABOUT + r")\s*",
    re.IGNORECASE,
)


def _conversions(text: str, found: list[Money]) -> list[Money]:
    out: list[Money] = []
    for m in found:
        if out and _CONVERSION_GAP.fullmatch(text, out[-1].end, m.start):
            continue
        if (
            out
            and m.currency is not None
            and out[-1].currency not in (None, m.currency)
            and _APPROXIMATE_GAP.fullmatch(text, out[-1].end, m.start)
        ):
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
            and re.fullmatch(_BETWEEN_GAP, text[m.end : nxt.start], re.IGNORECASE)
        ):
            out.append(Money(None, None, m.start, nxt.end))
            skip = True
            continue
        out.append(m)
    return out


#: languages that text2num reads; the others use :data:`NUMBER_WORDS`
TEXT2NUM_LANGS = frozenset({"en", "de", "fr", "es", "pt", "it", "nl"})


def _words(**values: str) -> dict[str, int]:
    """``two="dwa dwie dwóch"`` -> {"dwa": 2, ...} (the number by its English name)."""
    names = {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    }  # fmt: skip
    return {w: names[k] for k, ws in values.items() for w in ws.split()}


#: number words of the languages text2num does not read (the common inflections; no article)
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "pl": _words(
        one="jeden jedna jedno",
        two="dwa dwie dwóch dwoma dwu",
        three="trzy trzech trzema",
        four="cztery czterech czterema",
        five="pięć pięciu",
        six="sześć sześciu",
        seven="siedem siedmiu",
        eight="osiem ośmiu",
        nine="dziewięć dziewięciu",
        ten="dziesięć dziesięciu",
        eleven="jedenaście",
        twelve="dwanaście dwunastu",
        thirteen="trzynaście",
        fourteen="czternaście",
        fifteen="piętnaście piętnastu",
        sixteen="szesnaście",
        seventeen="siedemnaście",
        eighteen="osiemnaście",
        nineteen="dziewiętnaście",
        twenty="dwadzieścia dwudziestu",
        thirty="trzydzieści",
        forty="czterdzieści",
        fifty="pięćdziesiąt pięćdziesięciu",
        hundred="sto stu",
    ),
    "cs": _words(
        one="jeden jedna jedno",
        two="dva dvě dvou dvěma",
        three="tři tří třemi",
        four="čtyři čtyř čtyřmi",
        five="pět pěti",
        six="šest šesti",
        seven="sedm sedmi",
        eight="osm osmi",
        nine="devět devíti",
        ten="deset deseti",
        eleven="jedenáct",
        twelve="dvanáct",
        thirteen="třináct",
        fourteen="čtrnáct",
        fifteen="patnáct",
        sixteen="šestnáct",
        seventeen="sedmnáct",
        eighteen="osmnáct",
        nineteen="devatenáct",
        twenty="dvacet dvaceti",
        thirty="třicet",
        forty="čtyřicet",
        fifty="padesát",
        hundred="sto",
    ),
    "sk": _words(
        one="jeden jedna jedno",
        two="dva dve dvoch dvoma",
        three="tri troch",
        four="štyri štyroch",
        five="päť piatich",
        six="šesť šiestich",
        seven="sedem siedmich",
        eight="osem ôsmich",
        nine="deväť",
        ten="desať",
        eleven="jedenásť",
        twelve="dvanásť",
        fifteen="pätnásť",
        twenty="dvadsať",
        thirty="tridsať",
        forty="štyridsať",
        fifty="päťdesiat",
        hundred="sto",
    ),
    "hr": _words(
        one="jedan jedna jedno",
        two="dva dvije dvaju dvama",
        three="tri triju",
        four="četiri",
        five="pet",
        six="šest",
        seven="sedam",
        eight="osam",
        nine="devet",
        ten="deset",
        eleven="jedanaest",
        twelve="dvanaest",
        fifteen="petnaest",
        twenty="dvadeset",
        thirty="trideset",
        forty="četrdeset",
        fifty="pedeset",
        hundred="sto",
    ),
    "sl": _words(
        two="dva dve dveh",
        three="tri treh",
        four="štiri štirih",
        five="pet",
        six="šest",
        seven="sedem",
        eight="osem",
        nine="devet",
        ten="deset",
        eleven="enajst",
        twelve="dvanajst",
        fifteen="petnajst",
        twenty="dvajset",
        thirty="trideset",
        forty="štirideset",
        fifty="petdeset",
        hundred="sto",
    ),
    "da": _words(
        two="to",
        three="tre",
        four="fire",
        five="fem",
        six="seks",
        seven="syv",
        eight="otte",
        nine="ni",
        ten="ti",
        eleven="elleve",
        twelve="tolv",
        thirteen="tretten",
        fourteen="fjorten",
        fifteen="femten",
        sixteen="seksten",
        seventeen="sytten",
        eighteen="atten",
        nineteen="nitten",
        twenty="tyve",
        thirty="tredive",
        forty="fyrre",
        fifty="halvtreds",
        hundred="hundrede",
    ),
    "no": _words(
        two="to",
        three="tre",
        four="fire",
        five="fem",
        six="seks",
        seven="sju syv",
        eight="åtte",
        nine="ni",
        ten="ti",
        eleven="elleve",
        twelve="tolv",
        thirteen="tretten",
        fourteen="fjorten",
        fifteen="femten",
        sixteen="seksten",
        seventeen="sytten",
        eighteen="atten",
        nineteen="nitten",
        twenty="tjue",
        thirty="tretti",
        forty="førti",
        fifty="femti",
        hundred="hundre",
    ),
    "sv": _words(
        two="två",
        three="tre",
        four="fyra",
        five="fem",
        six="sex",
        seven="sju",
        eight="åtta",
        nine="nio",
        ten="tio",
        eleven="elva",
        twelve="tolv",
        thirteen="tretton",
        fourteen="fjorton",
        fifteen="femton",
        sixteen="sexton",
        seventeen="sjutton",
        eighteen="arton",
        nineteen="nitton",
        twenty="tjugo",
        thirty="trettio",
        forty="fyrtio",
        fifty="femtio",
        hundred="hundra",
    ),
    "is": _words(
        two="tveir tvær tvö tveggja",
        three="þrír þrjár þrjú",
        four="fjórir fjórar fjögur",
        five="fimm",
        six="sex",
        seven="sjö",
        eight="átta",
        nine="níu",
        ten="tíu",
        twelve="tólf",
        twenty="tuttugu",
        hundred="hundrað",
    ),
    "fi": _words(
        one="yksi",
        two="kaksi kahden",
        three="kolme kolmen",
        four="neljä neljän",
        five="viisi viiden",
        six="kuusi kuuden",
        seven="seitsemän",
        eight="kahdeksan",
        nine="yhdeksän",
        ten="kymmenen",
        hundred="sata",
    ),
    "et": _words(
        one="üks",
        two="kaks kahe",
        three="kolm kolme",
        four="neli nelja",
        five="viis viie",
        six="kuus kuue",
        seven="seitse",
        eight="kaheksa",
        nine="üheksa",
        ten="kümme kümne",
        hundred="sada",
    ),
    "lv": _words(
        one="viens viena",
        two="divi divas divus divām",
        three="trīs",
        four="četri četras",
        five="pieci piecas",
        six="seši sešas",
        seven="septiņi",
        eight="astoņi",
        nine="deviņi",
        ten="desmit",
        twenty="divdesmit",
        hundred="simts simt",
    ),
    "lt": _words(
        one="vienas viena",
        two="du dvi dviejų",
        three="trys trijų",
        four="keturi keturių",
        five="penki penkių",
        six="šeši šešių",
        seven="septyni",
        eight="aštuoni",
        nine="devyni",
        ten="dešimt",
        twenty="dvidešimt",
        hundred="šimtas",
    ),
    "ro": _words(
        two="doi două",
        three="trei",
        four="patru",
        five="cinci",
        six="șase",
        seven="șapte",
        eight="opt",
        nine="nouă",
        ten="zece",
        twenty="douăzeci",
        hundred="sută",
    ),
    "hu": _words(
        two="kettő két",
        three="három",
        four="négy",
        five="öt",
        six="hat",
        seven="hét",
        eight="nyolc",
        nine="kilenc",
        ten="tíz",
        twenty="húsz",
        hundred="száz",
    ),
    "tr": _words(
        two="iki",
        three="üç",
        four="dört",
        five="beş",
        six="altı",
        seven="yedi",
        eight="sekiz",
        nine="dokuz",
        ten="on",
        twenty="yirmi",
        thirty="otuz",
        forty="kırk",
        fifty="elli",
        hundred="yüz",
    ),
    "uk": _words(
        one="один одна одне",
        two="два дві двох",
        three="три трьох",
        four="чотири чотирьох",
        five="п'ять п’ять п'яти п’яти",
        six="шість шести",
        seven="сім семи",
        eight="вісім восьми",
        nine="дев'ять дев’ять",
        ten="десять десяти",
        twelve="дванадцять",
        twenty="двадцять",
        thirty="тридцять",
        forty="сорок",
        fifty="п'ятдесят п’ятдесят",
        hundred="сто",
    ),
    "ru": _words(
        one="один одна одно",
        two="два две двух",
        three="три трёх трех",
        four="четыре четырёх четырех",
        five="пять пяти",
        six="шесть шести",
        seven="семь семи",
        eight="восемь восьми",
        nine="девять девяти",
        ten="десять десяти",
        twelve="двенадцать",
        twenty="двадцать",
        thirty="тридцать",
        forty="сорок",
        fifty="пятьдесят",
        hundred="сто",
    ),
    "bg": _words(
        one="един една едно",
        two="два две",
        three="три",
        four="четири",
        five="пет",
        six="шест",
        seven="седем",
        eight="осем",
        nine="девет",
        ten="десет",
        twelve="дванадесет",
        twenty="двадесет",
        hundred="сто",
    ),
    "sr": _words(
        two="два две dva dve",
        three="три tri",
        four="четири četiri",
        five="пет pet",
        six="шест šest",
        seven="седам sedam",
        eight="осам osam",
        nine="девет devet",
        ten="десет deset",
        twenty="двадесет dvadeset",
        hundred="сто sto",
    ),
    "el": _words(
        two="δύο",
        three="τρία τρεις τριών",
        four="τέσσερα τέσσερις τεσσάρων",
        five="πέντε",
        six="έξι",
        seven="επτά εφτά",
        eight="οκτώ οχτώ",
        nine="εννέα εννιά",
        ten="δέκα",
        twelve="δώδεκα",
        twenty="είκοσι",
        hundred="εκατό",
    ),
}
#: "una veintena de blindados", "une vingtaine de", "un millar de obuses": about that many
WORD_NUMBERS.update(
    {
        f"{art} {word}": value
        for arts, words in (
            (("una",), {"veintena": 20, "decena": 10, "docena": 12, "ventina": 20,
                        "decina": 10, "dozzina": 12, "quindicina": 15, "trentina": 30,
                        "treintena": 30, "cincuentena": 50, "quarantina": 40,
                        "cinquantina": 50, "sessantina": 60}),
            (("un",), {"millar": 1000, "centenar": 100, "migliaio": 1000, "centinaio": 100,
                       "millier": 1000}),
            (("une",), {"vingtaine": 20, "dizaine": 10, "douzaine": 12, "quinzaine": 15,
                        "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
                        "soixantaine": 60, "centaine": 100}),
            (("uma",), {"dezena": 10, "dúzia": 12, "vintena": 20, "centena": 100}),
            (("um",), {"milhar": 1000}),
        )
        for art in arts
        for word, value in words.items()
    }
)  # fmt: skip


@lru_cache(maxsize=8192)
def _word_value(words: str, lang: str) -> int | None:
    low = words.lower()
    if low in WORD_NUMBERS:
        return WORD_NUMBERS[low]
    if lang not in TEXT2NUM_LANGS:
        own = NUMBER_WORDS.get(lang, {})
        parts = low.split()
        if len(parts) == 1:
            return own.get(low)
        if len(parts) == 2 and parts[0] in own and parts[1] in own:
            tens, unit = own[parts[0]], own[parts[1]]  # "dvacet pět", "двадцять п'ять"
            if tens in (20, 30, 40, 50) and unit < 10:
                return tens + unit
        return None
    try:
        v = text2num(low, lang)
    except (ValueError, TypeError):
        return None
    return int(v) if isinstance(v, int | float) and v > 0 else None


_WORD_TOKEN = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
_CONNECTORS = {"and", "et", "und"}


def _number_words(text: str, lang: str) -> list[Quantity]:
    """Number words ("eighteen", "zwölf", "dix-huit", "a dozen", "one hundred and twenty"):
    the longest run of number words (and connectors) that text2num reads as one number, times
    a scale word right after it ("dwa miliony", "due milioni", "två miljoner": 2,000,000)."""
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
        value, last = best
        if (
            value < 1000
            and last + 1 < len(toks)
            and text[toks[last][1] : toks[last + 1][0]].isspace()
        ):
            scale = _scale(toks[last + 1][2], lang)  # "dwa miliony", "due milioni", "två miljoner"
            if scale > 1:
                value, last = int(value * scale), last + 1
        out.append(Quantity(value, toks[i][0], toks[last][1]))
        i = last + 1
    return out


#: vague multiples: "several thousand", "a few hundred", "thousands of", "tens of thousands",
#: "mehrere tausend", "Tausende", "plusieurs milliers", "des centaines", "miles de": a number
#: of no stated value (the labelling conventions give them no quantity). Not :data:`VAGUE`,
#: which the reader reads before an item ("dozens of", "several", "weitere")
VAGUE_MULTIPLE = re.compile(
    r"\b(?:(?:several|a\s+few|few|some|many|multiple|mehrere|einige|ein\s+paar|etliche"
    r"|plusieurs|quelques|varios|varias|unos|unas|alcuni|alcune|diversi|diverse|vários|várias"
    r"|alguns|algumas|algunos|algunas|vari|varie|enkele|meerdere|kilka|kilkanaście|několik"
    r"|несколько|кілька|flere|några|useita)\s+"
    r"(?:hundred|thousand|million|dozen|hundert|tausend|Dutzend|cent|mille|cien|cientos|mil"
    r"|cento|mila|cem|honderd|duizend|set|tysięcy|tisíc|tusen|tuhatta|сотен|сотень|тысяч"
    r"|тисяч)"
    r"(?:\s+thousand|\s+tausend)?s?"
    r"|(?<!\d)(?<!\d\s)(?:tens\s+of\s+|hundreds\s+of\s+)?(?:hundreds|thousands|millions)"
    r"|(?:Zehn|Hundert)?(?:tausende|hunderte)|Dutzende|dozens|scores(?=\s+of\b)"
    r"|(?:des|plusieurs|quelques)\s+(?:dizaines\s+de\s+)?(?:centaines|milliers|dizaines)"
    r"|(?:miles|cientos|centenares|decenas|migliaia|centinaia|decine|milhares|centenas"
    r"|dezenas)(?=\s+(?:de|di|d['’])\b)"
    r"|(?:duizenden|honderden|tientallen|tysiące|setki|dziesiątki|tisíce|stovky"
    r"|tusentals|hundratals|tusinder|hundredvis|tusenvis)"
    r")\b",
    re.IGNORECASE,
)


def find_quantities(text: str, lang: str | None = None) -> list[Quantity]:
    """Number-like quantities (not years, calibres or percentages), digits or words.

    A range ("600 to 700", "40-50") or a vague multiple ("several thousand", "Tausende")
    is one quantity with no value."""
    lang = lang or guess_lang(text)
    out = _between_counts(text, _quantities(text, lang))
    # a scale word inside a number ("deux millions") is no vague multiple ("des millions")
    vague = [
        Quantity(None, m.start(), m.end())
        for m in VAGUE_MULTIPLE.finditer(text)
        if not any(q.value is not None and q.start < m.start() and m.end() <= q.end for q in out)
    ]
    if vague:
        out = [q for q in out if not any(v.start < q.end and q.start < v.end for v in vague)]
        out = sorted(out + vague, key=lambda q: q.start)
    return out


def ends_a_range(text: str, start: int) -> bool:
    """Whether the number at ``start`` closes a range begun before it ("entre 12 et |20")."""
    return _BETWEEN_NUM.search(text, max(0, start - 40), start) is not None


def _between_counts(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "between 12 and 20 Mirage", "entre 12 et 20", "zwischen 12 und 20": one range, no
    value (as "12 to 20" is)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and q.value is not None
            and (m := _BETWEEN_NUM.search(text, max(0, q.start - 40), q.start)) is not None
            and m.start() <= prev.start
        ):
            out[-1] = Quantity(None, prev.start, q.end)
            continue
        out.append(q)
    return out


#: half of a scale as a count ("eine halbe Million Granaten", "medio millón de proyectiles",
#: "půl milionu granátů"): not the "eine" (1) and the "Million" (1,000,000) inside it
_HALF_QUANTITY = re.compile(
    rf"(?<![\w-])(?:{HALF})[\s-]?(?P<scale>{_HALF_SCALE}|{_FAMILIES})(?![\w])",
    re.IGNORECASE,
)


#: a year no later than this is a count when a noun follows it ("om lag 2000 panservernvåpen",
#: "2000 кулеметів", "1500 komplette artilleriskud"): the texts date their news 2014 or later
_OLDEST_NEWS_YEAR = 2010
#: a word right before a year that makes it a date ("in 2000", "seit 1991", "з 2000")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|im|since|seit|from|von|until|till|by|of|depuis|en|desde|dal|nel|sinds|sedan"
    r"|siden|sidan|od|do|w|v|ve|vo|u|в|у|с|з|від|от|до|vuonna|aastal|gadā|metais|year|Jahr"
    r"|année|año|anno|roku|года|року|godine|годині)|[-–/.])\s*$",
    re.IGNORECASE,
)
#: a lower-case word after a number, or nothing (the reader cuts the text right before the item
#: a number counts)
_NOUN_AFTER = re.compile(r"\s+[^\W\d_A-ZÀ-ÞА-ЯЁІЇЄҐ][^\W\d_]+|\s*$")


def _counts_not_year(text: str, span: tuple[int, int]) -> bool:
    """The number at ``span``, which looks like a year before :data:`_OLDEST_NEWS_YEAR`,
    counts things: a lower-case word (or the end of the text read) follows it and no word of
    dating comes before it."""
    start, end = span
    return (
        int(text[start:end]) < _OLDEST_NEWS_YEAR
        and _NOUN_AFTER.match(text, end) is not None
        and _YEAR_BEFORE.search(text, max(0, start - 12), start) is None
    )


def _quantities(text: str, lang: str) -> list[Quantity]:
    out: list[Quantity] = [
        Quantity(int(0.5 * _scale(m.group("scale"), lang)), m.start(), m.end())
        for m in _HALF_QUANTITY.finditer(text)
    ]
    halves = [(q.start, q.end) for q in out]
    for m in _patterns(lang).quantity.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in halves):
            continue
        raw = m.group("num")
        scale = _scale(m.group("scale"), lang)
        if m.group("num2"):
            out.append(Quantity(None, m.start(), m.end()))
            continue
        if YEAR.match(raw) and scale == 1.0 and not _counts_not_year(text, m.span("num")):
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
    taken = [(q.start, q.end) for q in out]
    for m in _BARE_MILLION.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            out.append(Quantity(1_000_000, m.start(), m.end()))
    out.sort(key=lambda q: q.start)
    return out


#: "a million" in languages with no indefinite article: the scale word alone, in the singular
#: ("milion nábojů", "milion pocisków", "миллион снарядов", "мільйон снарядів", "miljoona
#: patruunaa"), is one million; after a number it is a scale ("1 milion", "dwa miliony")
_BARE_MILLION = re.compile(
    r"(?<![\w.,])(?<!\d\s)(?:milion|milijon|milijun|miljon|miljoona|milijonas|miljons|millió"
    r"|миллион|мільйон|милион|милијун)(?![\w-])",
    re.IGNORECASE,
)


def parse_amount(text: str, lang: str = "en") -> float | None:
    """A number with an optional scale word ("2.7bn", "500 million", "1,000,000", "1,5 Mrd.")."""
    m = re.fullmatch(
        rf"\s*(?P<num>{_NUM})\s?(?P<scale>{_SCALE}|{_FAMILIES})?\.?\s*", text, re.IGNORECASE
    )
    if m is None:
        return None
    scale = _scale(m.group("scale"), lang)
    return parse_number(m.group("num"), lang, scaled=scale != 1.0) * scale
