"""Nation resolution: names, short names, demonyms and institutions to ISO 3166 alpha-3.

Three sources, all offline: pycountry's names (``name``, ``common_name``, ``official_name``),
babel's German and French names of the same countries ("Deutschland", "Allemagne", with the
German genitive "Deutschlands"), and a curated alias table for the forms news texts use (U.S.,
UK, Britain, Dutch, German, Czech, ministers' names, German and French adjectives such as
"deutsche", "britannique"). EU institutions resolve to ``EUU`` (the code the Kiel tracker
and the labels use). A few coalition words (``Nordic countries``) resolve to several nations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from materiel.codes import EU_INSTITUTIONS, USER_ASSIGNED
from materiel.ingest import lexicon, prefilter

EU_CODE = EU_INSTITUTIONS
RECIPIENT_DEFAULT = "UKR"
#: never donors to the recipient in this domain (mentioned as the aggressor or its suppliers)
NOT_DONORS = frozenset({"UKR", "RUS", "BLR", "IRN", "PRK"})

#: the Nordic-Baltic Eight and the UK-led Joint Expeditionary Force, by their members
_NB8 = ("DNK", "EST", "FIN", "ISL", "LVA", "LTU", "NOR", "SWE")
_JEF = ("GBR", *_NB8, "NLD")

#: the recipient's capital in the other languages, which speaks for its government as "Kyiv"
#: does ("Kijów prosi o myśliwce", "Київ просить винищувачі"): the nominative and the cases
#: of a subject or object, not the locative ("w Kijowie", "у Києві": a place)
RECIPIENT_CAPITAL = (
    *("Kijów", "Kijowa", "Kijowowi", "Kijowem"),  # Polish
    *("Kyjev", "Kyjeva", "Kyjevu", "Kyjevem", "Kyjevom"),  # Czech, Slovak
    *("Київ", "Києва", "Києву", "Києвом"),  # Ukrainian
    *("Киев", "Киева", "Киеву", "Киевом", "Кијев", "Кијева"),  # Russian, Bulgarian, Serbian
    *("Kijev", "Kijeva", "Kijevom", "Kijevet", "Kijevnek", "Kijevtől"),  # South Slavic, Hungarian
    *("Kievul", "Kievului", "Κίεβο", "Κιέβου"),  # Romanian, Greek
    *("Kyjivas", "Kyjivo", "Kijevas", "Kijivas", "Kijiva"),  # Lithuanian, Latvian
    *("Kiiev", "Kiievi", "Kiova", "Kiovan", "Kiovalle", "Kiovasta"),  # Estonian, Finnish
)

#: curated aliases (case-sensitive unless lower-case here); value: one or more ISO3 codes
ALIASES: dict[str, tuple[str, ...]] = {
    # United States
    "U.S.A.": ("USA",),
    "U.S.": ("USA",),
    "US": ("USA",),
    "USA": ("USA",),
    "United States": ("USA",),
    "United States of America": ("USA",),
    "America": ("USA",),
    "American": ("USA",),
    "Americans": ("USA",),
    "Washington": ("USA",),
    "Pentagon": ("USA",),
    "Pentagone": ("USA",),  # French
    "Maison Blanche": ("USA",),
    "Maison-Blanche": ("USA",),
    "White House": ("USA",),
    "Department of Defense": ("USA",),
    "DoD": ("USA",),
    "State Department": ("USA",),
    "Biden administration": ("USA",),
    # heads of government and defence ministers who announce packages (2022-2025)
    "Biden": ("USA",),
    "Lloyd Austin": ("USA",),
    "Blinken": ("USA",),
    "Scholz": ("DEU",),
    "Pistorius": ("DEU",),
    "Lambrecht": ("DEU",),
    "Sunak": ("GBR",),
    "Ben Wallace": ("GBR",),
    "Shapps": ("GBR",),
    "Starmer": ("GBR",),
    "Macron": ("FRA",),
    "Lecornu": ("FRA",),
    "Rutte": ("NLD",),
    "Frederiksen": ("DNK",),
    "Troels Lund Poulsen": ("DNK",),
    "Trudeau": ("CAN",),
    "Fiala": ("CZE",),
    "Duda": ("POL",),
    "Meloni": ("ITA",),
    "Kishida": ("JPN",),
    "Albanese": ("AUS",),
    "Marles": ("AUS",),
    # United Kingdom
    "UK": ("GBR",),
    "U.K.": ("GBR",),
    "United Kingdom": ("GBR",),
    "Britain": ("GBR",),
    "Great Britain": ("GBR",),
    "British": ("GBR",),
    "London": ("GBR",),
    # Europe
    "Netherlands": ("NLD",),
    "Holland": ("NLD",),
    "Dutch": ("NLD",),
    "German": ("DEU",),
    "Germans": ("DEU",),
    "Berlin": ("DEU",),
    "Bundeswehr": ("DEU",),
    "French": ("FRA",),
    "Paris": ("FRA",),
    "Czech": ("CZE",),
    "Czech Republic": ("CZE",),
    "Czechia": ("CZE",),
    "Prague": ("CZE",),
    "Danish": ("DNK",),
    "Danes": ("DNK",),
    "Copenhagen": ("DNK",),
    "Norwegian": ("NOR",),
    "Oslo": ("NOR",),
    "Swedish": ("SWE",),
    "Stockholm": ("SWE",),
    "Finnish": ("FIN",),
    "Helsinki": ("FIN",),
    "Icelandic": ("ISL",),
    "Polish": ("POL",),
    "Warsaw": ("POL",),
    "Slovak": ("SVK",),
    "Slovakian": ("SVK",),
    "Slovenian": ("SVN",),
    "Croatian": ("HRV",),
    "Estonian": ("EST",),
    "Latvian": ("LVA",),
    "Lithuanian": ("LTU",),
    "Belgian": ("BEL",),
    "Luxembourgish": ("LUX",),
    "Italian": ("ITA",),
    "Rome": ("ITA",),
    "Spanish": ("ESP",),
    "Madrid": ("ESP",),
    "Portuguese": ("PRT",),
    "Greek": ("GRC",),
    "Macedonian": ("MKD",),
    "Skopje": ("MKD",),
    "Albanian": ("ALB",),
    "Tirana": ("ALB",),
    "Montenegrin": ("MNE",),
    "Romanian": ("ROU",),
    "Bulgarian": ("BGR",),
    "Hungarian": ("HUN",),
    "Austrian": ("AUT",),
    "Swiss": ("CHE",),
    "Irish": ("IRL",),
    "Turkey": ("TUR",),
    "Turkiye": ("TUR",),
    "Türkiye": ("TUR",),
    "Turkish": ("TUR",),
    # elsewhere
    "Canadian": ("CAN",),
    "Ottawa": ("CAN",),
    "Australian": ("AUS",),
    "Canberra": ("AUS",),
    "New Zealand": ("NZL",),
    "Japanese": ("JPN",),
    "Tokyo": ("JPN",),
    "South Korea": ("KOR",),
    "South Korean": ("KOR",),
    "Korea": ("KOR",),
    "Taiwan": ("TWN",),
    # recipient and aggressor (resolved so they are not mistaken for donors)
    "Ukraine": ("UKR",),
    "Ukrainian": ("UKR",),
    "Ukrainians": ("UKR",),
    "Kyiv": ("UKR",),
    "Kiev": ("UKR",),
    **dict.fromkeys(RECIPIENT_CAPITAL, ("UKR",)),
    "Zelensky": ("UKR",),
    "Zelenskyy": ("UKR",),
    "Russia": ("RUS",),
    "Russian": ("RUS",),
    "Russians": ("RUS",),
    "Moscow": ("RUS",),
    "Kremlin": ("RUS",),
    "Belarus": ("BLR",),
    "Iran": ("IRN",),
    "Iranian": ("IRN",),
    "North Korea": ("PRK",),
    "North Korean": ("PRK",),
    # institutions and coalitions
    "EU": (EU_CODE,),
    "European Union": (EU_CODE,),
    "European Commission": (EU_CODE,),
    "European Council": (EU_CODE,),
    "Council of the EU": (EU_CODE,),
    "Council of the European Union": (EU_CODE,),
    "EU (Commission and Council)": (EU_CODE,),
    "Brussels": (EU_CODE,),
    "Nordic countries": ("DNK", "FIN", "ISL", "NOR", "SWE"),
    "Nordic states": ("DNK", "FIN", "ISL", "NOR", "SWE"),
    "Nordic nations": ("DNK", "FIN", "ISL", "NOR", "SWE"),
    "Nordics": ("DNK", "FIN", "ISL", "NOR", "SWE"),
    "Nordic": ("DNK", "FIN", "ISL", "NOR", "SWE"),
    "Baltic states": ("EST", "LVA", "LTU"),
    "Baltic countries": ("EST", "LVA", "LTU"),
    "Baltic nations": ("EST", "LVA", "LTU"),
    "Baltics": ("EST", "LVA", "LTU"),
    "États baltes": ("EST", "LVA", "LTU"),
    "Baltikum": ("EST", "LVA", "LTU"),
    # the Nordic-Baltic Eight and the UK-led Joint Expeditionary Force, by their members
    "NB8": _NB8,
    "Nordic-Baltic Eight": _NB8,
    "Joint Expeditionary Force": _JEF,
    "JEF": _JEF,
    # German and French forms babel does not give
    "Vereinigten Staaten": ("USA",),
    "Großbritannien": ("GBR",),
    "Grossbritannien": ("GBR",),
    "Großbritanniens": ("GBR",),
    "Grande-Bretagne": ("GBR",),
    "Niederlanden": ("NLD",),
    "Tschechische Republik": ("CZE",),
    "République tchèque": ("CZE",),
    "Bundesregierung": ("DEU",),
    "Bundesrepublik": ("DEU",),
    "Bundeskanzler": ("DEU",),
    "Verteidigungsministerium in Berlin": ("DEU",),
    "EU-Kommission": (EU_CODE,),
    "Europäische Union": (EU_CODE,),
    "Europäischen Union": (EU_CODE,),
    "Europäische Kommission": (EU_CODE,),
    "UE": (EU_CODE,),
    "Union européenne": (EU_CODE,),
    "Commission européenne": (EU_CODE,),
    "Ukrainer": ("UKR",),
    "Kiew": ("UKR",),
    "Selenskyj": ("UKR",),
    "Zelensky's": ("UKR",),
    "Zelenskyy's": ("UKR",),
    "Zelenski": ("UKR",),
    "Moskau": ("RUS",),
    "Russen": ("RUS",),
    "Russes": ("RUS",),
    # capitals (in English, German and French) speak for their governments
    "The Hague": ("NLD",),
    "Den Haag": ("NLD",),
    "La Haye": ("NLD",),
    "Amsterdam": ("NLD",),
    "Warschau": ("POL",),
    "Varsovie": ("POL",),
    "Prag": ("CZE",),
    "Kopenhagen": ("DNK",),
    "Londres": ("GBR",),
    "Tallinn": ("EST",),
    "Riga": ("LVA",),
    "Vilnius": ("LTU",),
    "Lissabon": ("PRT",),
    "Lisbonne": ("PRT",),
    "Lisboa": ("PRT",),
    "Lisbon": ("PRT",),
    "Athen": ("GRC",),
    "Athènes": ("GRC",),
    "Athens": ("GRC",),
    "Ankara": ("TUR",),
    "Seoul": ("KOR",),
    "Séoul": ("KOR",),
    "Wellington": ("NZL",),
    "Rom": ("ITA",),
    "Wien": ("AUT",),
    "Vienne": ("AUT",),
    "Vienna": ("AUT",),
    "Bern": ("CHE",),
    "Berne": ("CHE",),
    "Bratislava": ("SVK",),
    "Ljubljana": ("SVN",),
    "Bukarest": ("ROU",),
    "Bucarest": ("ROU",),
    "Bucharest": ("ROU",),
    "Sofia": ("BGR",),
    "Zagreb": ("HRV",),
    "Reykjavik": ("ISL",),
    "Dublin": ("IRL",),
    "Brüssel": (EU_CODE,),
    "Bruxelles": (EU_CODE,),
    # more ministers and heads of government (2022-2025)
    "Merz": ("DEU",),
    "Baerbock": ("DEU",),
    "Healey": ("GBR",),
    "Lammy": ("GBR",),
    "Brekelmans": ("NLD",),
    "Ollongren": ("NLD",),
    "Schoof": ("NLD",),
    "Støre": ("NOR",),
    "Pål Jonson": ("SWE",),
    "Kristersson": ("SWE",),
    "Häkkänen": ("FIN",),
    "Kosiniak-Kamysz": ("POL",),
    "Błaszczak": ("POL",),
    "Blaszczak": ("POL",),
    "Tusk": ("POL",),
    "Černochová": ("CZE",),
    "Cernochova": ("CZE",),
    "Crosetto": ("ITA",),
    "Robles": ("ESP",),
    "Dedonder": ("BEL",),
    "De Croo": ("BEL",),
    "Pevkur": ("EST",),
    "Anušauskas": ("LTU",),
    "Hegseth": ("USA",),
    "von der Leyen": (EU_CODE,),
    "Borrell": (EU_CODE,),
    # officials who speak for their state, whatever the year (issue 15): ministers, heads of
    # state and government, their offices
    "Austin": ("USA",),
    "Rubio": ("USA",),
    "Jake Sullivan": ("USA",),
    "John Kirby": ("USA",),
    "Downing Street": ("GBR",),
    "David Cameron": ("GBR",),
    "Boris Johnson": ("GBR",),
    "Élysée": ("FRA",),
    "Elysée": ("FRA",),
    "Barrot": ("FRA",),
    "Séjourné": ("FRA",),
    "Vautrin": ("FRA",),
    "Habeck": ("DEU",),
    "Steinmeier": ("DEU",),
    "Wadephul": ("DEU",),
    "Bundeskanzleramt": ("DEU",),
    "Kanzleramt": ("DEU",),
    "Auswärtiges Amt": ("DEU",),
    "Bundesverteidigungsministerium": ("DEU",),
    "Bundesministerium der Verteidigung": ("DEU",),
    "BMVg": ("DEU",),
    "Bundesheer": ("AUT",),
    "Bundesheeres": ("AUT",),
    "Nehammer": ("AUT",),
    "Klaudia Tanner": ("AUT",),
    "Amherd": ("CHE",),
    "Conseil fédéral": ("CHE",),
    "Pedro Sánchez": ("ESP",),
    "Moncloa": ("ESP",),
    "Tajani": ("ITA",),
    "Palazzo Chigi": ("ITA",),
    "Guerini": ("ITA",),
    "Anand": ("CAN",),
    "Bill Blair": ("CAN",),
    "Carney": ("CAN",),
    "McGuinty": ("CAN",),
    "Billström": ("SWE",),
    "Pål Jonsson": ("SWE",),
    "Arild Gram": ("NOR",),
    "Lund Poulsen": ("DNK",),
    "Kaikkonen": ("FIN",),
    "Stubb": ("FIN",),
    "Niinistö": ("FIN",),
    "Kristen Michal": ("EST",),
    "Tsahkna": ("EST",),
    "Sprūds": ("LVA",),
    "Rinkēvičs": ("LVA",),
    "Šakalienė": ("LTU",),
    "Nausėda": ("LTU",),
    "Kasčiūnas": ("LTU",),
    "Sikorski": ("POL",),
    "Morawiecki": ("POL",),
    "Lipavský": ("CZE",),
    "Petr Pavel": ("CZE",),
    "Francken": ("BEL",),
    "De Wever": ("BEL",),
    "Nuno Melo": ("PRT",),
    "Mitsotakis": ("GRC",),
    "Dendias": ("GRC",),
    "Varadkar": ("IRL",),
    "Charles Michel": (EU_CODE,),
    "Kubilius": (EU_CODE,),
}

#: adjectives of nations (lower case in German and French running text); matched without case
ADJECTIVES: dict[str, tuple[str, ...]] = {
    r"deutsch(?:e|en|er|es|em)?": ("DEU",),
    r"französisch(?:e|en|er|es|em)?": ("FRA",),
    r"britisch(?:e|en|er|es|em)?": ("GBR",),
    r"(?:us-)?amerikanisch(?:e|en|er|es|em)?": ("USA",),
    r"niederländisch(?:e|en|er|es|em)?": ("NLD",),
    r"dänisch(?:e|en|er|es|em)?": ("DNK",),
    r"norwegisch(?:e|en|er|es|em)?": ("NOR",),
    r"schwedisch(?:e|en|er|es|em)?": ("SWE",),
    r"finnisch(?:e|en|er|es|em)?": ("FIN",),
    r"polnisch(?:e|en|er|es|em)?": ("POL",),
    r"tschechisch(?:e|en|er|es|em)?": ("CZE",),
    r"italienisch(?:e|en|er|es|em)?": ("ITA",),
    r"spanisch(?:e|en|er|es|em)?": ("ESP",),
    r"kanadisch(?:e|en|er|es|em)?": ("CAN",),
    r"belgisch(?:e|en|er|es|em)?": ("BEL",),
    r"ukrainisch(?:e|en|er|es|em)?": ("UKR",),
    r"russisch(?:e|en|er|es|em)?": ("RUS",),
    r"allemand(?:e|s|es)?": ("DEU",),
    r"français(?:e|es)?": ("FRA",),
    r"britanniques?": ("GBR",),
    r"américain(?:e|s|es)?": ("USA",),
    r"néerlandais(?:e|es)?": ("NLD",),
    r"danois(?:e|es)?": ("DNK",),
    r"norvégien(?:ne|s|nes)?": ("NOR",),
    r"suédois(?:e|es)?": ("SWE",),
    r"finlandais(?:e|es)?": ("FIN",),
    r"polonais(?:e|es)?": ("POL",),
    r"tchèques?": ("CZE",),
    r"italien(?:ne|s|nes)?": ("ITA",),
    r"espagnol(?:e|s|es)?": ("ESP",),
    r"canadien(?:ne|s|nes)?": ("CAN",),
    r"belges?": ("BEL",),
    r"ukrainien(?:ne|s|nes)?": ("UKR",),
    r"russes?": ("RUS",),
    r"estnisch(?:e|en|er|es|em)?": ("EST",),
    r"lettisch(?:e|en|er|es|em)?": ("LVA",),
    r"litauisch(?:e|en|er|es|em)?": ("LTU",),
    r"österreichisch(?:e|en|er|es|em)?": ("AUT",),
    r"schweizerisch(?:e|en|er|es|em)?": ("CHE",),
    r"portugiesisch(?:e|en|er|es|em)?": ("PRT",),
    r"griechisch(?:e|en|er|es|em)?": ("GRC",),
    r"rumänisch(?:e|en|er|es|em)?": ("ROU",),
    r"bulgarisch(?:e|en|er|es|em)?": ("BGR",),
    r"ungarisch(?:e|en|er|es|em)?": ("HUN",),
    r"slowakisch(?:e|en|er|es|em)?": ("SVK",),
    r"slowenisch(?:e|en|er|es|em)?": ("SVN",),
    r"kroatisch(?:e|en|er|es|em)?": ("HRV",),
    r"irisch(?:e|en|er|es|em)?": ("IRL",),
    r"luxemburgisch(?:e|en|er|es|em)?": ("LUX",),
    r"isländisch(?:e|en|er|es|em)?": ("ISL",),
    r"japanisch(?:e|en|er|es|em)?": ("JPN",),
    r"australisch(?:e|en|er|es|em)?": ("AUS",),
    r"südkoreanisch(?:e|en|er|es|em)?": ("KOR",),
    r"türkisch(?:e|en|er|es|em)?": ("TUR",),
    r"neuseeländisch(?:e|en|er|es|em)?": ("NZL",),
    r"estonien(?:ne|s|nes)?": ("EST",),
    r"letton(?:ne|s|nes)?": ("LVA",),
    r"lituanien(?:ne|s|nes)?": ("LTU",),
    r"autrichien(?:ne|s|nes)?": ("AUT",),
    r"portugais(?:e|es)?": ("PRT",),
    r"grec(?:que|s|ques)?": ("GRC",),
    r"roumain(?:e|s|es)?": ("ROU",),
    r"bulgares?": ("BGR",),
    r"hongrois(?:e|es)?": ("HUN",),
    r"slovaques?": ("SVK",),
    r"slovènes?": ("SVN",),
    r"croates?": ("HRV",),
    r"irlandais(?:e|es)?": ("IRL",),
    r"luxembourgeois(?:e|es)?": ("LUX",),
    r"islandais(?:e|es)?": ("ISL",),
    r"japonais(?:e|es)?": ("JPN",),
    r"australien(?:ne|s|nes)?": ("AUS",),
    r"sud-coréen(?:ne|s|nes)?": ("KOR",),
    r"español(?:a|es|as)?": ("ESP",),
    r"portugu[eê]s(?:a|es|as)?": ("PRT",),
    r"estadounidenses?": ("USA",),
    r"norte-?americanos?": ("USA",),
}

#: capitals and offices that name a place when preceded by these words ("talks in Berlin")
_PLACE_WORDS = {
    "Washington",
    "London",
    "Berlin",
    "Paris",
    "Prague",
    "Copenhagen",
    "Oslo",
    "Stockholm",
    "Helsinki",
    "Warsaw",
    "Rome",
    "Madrid",
    "Ottawa",
    "Canberra",
    "Tokyo",
    "Brussels",
    "Moscow",
    "Kyiv",
    "Kiev",
    *RECIPIENT_CAPITAL,
    "The Hague",
    "Den Haag",
    "La Haye",
    "Amsterdam",
    "Warschau",
    "Varsovie",
    "Prag",
    "Kopenhagen",
    "Londres",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Lissabon",
    "Lisbonne",
    "Lisboa",
    "Lisbon",
    "Athen",
    "Athènes",
    "Athens",
    "Ankara",
    "Seoul",
    "Séoul",
    "Wellington",
    "Rom",
    "Wien",
    "Vienne",
    "Vienna",
    "Bern",
    "Berne",
    "Bratislava",
    "Ljubljana",
    "Bukarest",
    "Bucarest",
    "Bucharest",
    "Sofia",
    "Zagreb",
    "Reykjavik",
    "Dublin",
    "Brüssel",
    "Bruxelles",
    *lexicon.CAPITALS,
}
_PLACE_PREPOSITION = re.compile(
    r"(?:\bin|\bat|\bto|\bfrom|\bvisit(?:ed)?|\bnear|\bà|\bnach|\baus"
    # other languages (numbers helper): in, at (Nordic, Slavic, Iberian, Greek); Italian,
    # Spanish and Portuguese "a" and Romanian "la" (at, to: "a Roma", "la Varșovia"), Spanish
    # and Portuguese "desde" and Italian "da" (from: "desde Praga")
    r"|\bi|\bpå|\bw|\bwe|\bv|\bve|\ben|\bem|\bв|\bу|\bσε|\bστο|\bστη|\ba|\bla|\bdesde"
    r"|\bda)\s+$"
)
#: a meeting named by its city ("la reunión de Praga", "il vertice di Roma", "the Rome
#: summit" and "talks in Rome" are read otherwise): a place
_MEETING_AT = re.compile(
    r"\b(?:reuni[oó]n|reunião|riunione|cumbre|cimeira|vertice|conferen(?:cia|za|ce|z)"
    r"|encontro|incontro|meeting|talks|Treffen|Gipfel|Konferenz|sommet|réunion|szczyt\w*"
    r"|spotkani\w*|summitu?|jednání)\s+(?:de|di|do|da|del|della|of|von|in|w|v|ve)\s+$",
    re.IGNORECASE,
)
#: a dateline after a capital at the start of a line ("ROMA, 5 marzo -", "Praha (ČTK) -",
#: "Berlin -"): the place the story was filed from, not a speaker
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*\(?\d|,\s*\w+\.?\s+\d|\(|[-–—]\s)")
#: "German-made", "US-led", "Soviet-era": origin or leadership, not a donor
_ORIGIN_SUFFIX = re.compile(
    r"^-(?:made|built|designed|produced|manufactured|led|based|era|origin|[Dd]ollars?)\b"
)


#: "the Czech initiative", "the Danish model": the name of a scheme, not a donor
_NAME_OF_SCHEME = re.compile(
    r"^(?:['’]s)?\s(?:initiative|model|plan|proposal|presidency|formula|Initiative"
    r"|Munitionsinitiative)\b"
)
#: firms and media named after a nation ("Deutsche Welle", "Deutsche Bank")
_FIRM = re.compile(r"^\s(?:Welle|Bank|Bahn|Presse|Telekom|Börse|Post)\b")
#: a seller or destination in a sentence of trade: "buy ... from the United States", "export
#: ... to the United States", "kauft ... aus Südkorea", "achète ... à la Corée du Sud"
SELLER_BEFORE = re.compile(
    r"\b(?:from|to|aus|von|bei|auprès\s+de|à|chez)\s+(?:the\s+|der\s+|dem\s+|la\s+|l['’])?$"
)


@dataclass(frozen=True)
class NationMention:
    codes: tuple[str, ...]
    start: int
    end: int
    surface: str


#: languages whose country names are read (babel's CLDR names): the blind batches are about
#: half English, German and French, the rest in some twenty other European languages
_NAME_LANGS = (
    "de",
    "fr",
    "es",
    "pt",
    "it",
    "nl",
    "sv",
    "nb",
    "da",
    "pl",
    "cs",
    "sk",
    "sl",
    "hr",
    "fi",
    "lt",
    "lv",
    "et",
    "ro",
    "hu",
    "el",
    "uk",
    "ru",
    "bg",
    "sr",
    "ca",
    "is",
)


def _pycountry_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    locales = [Locale.parse(lang).territories for lang in _NAME_LANGS]
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and len(v) > 3:
                names[v] = c.alpha_3
        for terr in locales:
            v = terr.get(c.alpha_2)
            if v and len(v) > 3 and " " not in v.strip("()"):
                names[v] = c.alpha_3
                if v[-1] not in "sxz" and c.alpha_2 in terr:
                    names[v + "s"] = c.alpha_3  # German genitive: "Deutschlands"
            elif v and len(v) > 3:
                names[v] = c.alpha_3
    for alpha_2, (code, name) in USER_ASSIGNED.items():
        names[name] = code
        for terr in locales:
            v = terr.get(alpha_2)
            if v and len(v) > 3:
                names[v] = code
    # names that are also ordinary words or ambiguous in this domain
    for drop in (
        "Georgia",
        "Jordan",
        "Chad",
        "Niger",
        "Guinea",
        "Turkey",
        "Dominica",
        "Island",  # German for Iceland
        "Islands",
        "Japans",
        "Canadas",
        "Frances",
        "Kanadas",
        "Belarus",
        "Oman",
        "Mali",
        "Togo",
        "Samoa",
        "Malta",
        "Peru",
        "Kuba",
        "Tonga",
        "Cuba",
        "Fidschi",
        "Tschad",
    ):
        names.pop(drop, None)
    names["Belarus"] = "BLR"
    return names


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The countries' own names (pycountry's and babel's), not the curated aliases."""
    return frozenset(_pycountry_names())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {k: (v,) for k, v in _pycountry_names().items()}
    table.update(ALIASES)
    table.update(lexicon.ALIASES)
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alts = prefilter.trie(_table())
    # word-bounded; "US" must not be the pronoun "us" (case-sensitive), nor inside "USD"
    # every name starts with a capital letter or a digit-free symbol: fail fast elsewhere
    # a full stop glued to the name ends the sentence before it: "... an.Norwegen verpflichtete"
    return re.compile(
        rf"(?:(?<![\w.])|(?<=[a-zß-ÿ]{{2}}\.))(?=[A-ZÀ-ÖØ-ÞĀ-ſΆ-ΩЀ-Я])({alts})(?![\w])(?!\.\w)"
    )


@lru_cache(maxsize=2)
def _adjectives(other_languages: bool) -> dict[str, tuple[str, ...]]:
    """The curated adjectives, and the other languages' (:mod:`.lexicon`) when asked."""
    return {**ADJECTIVES, **lexicon.ADJECTIVES} if other_languages else dict(ADJECTIVES)


@lru_cache(maxsize=2)
def _adjective_needles_each(other_languages: bool) -> list[frozenset[str]]:
    """The :func:`.prefilter.needles` of each adjective, in the order of :func:`_adjectives`."""
    return [prefilter.needles(re.compile(rx, re.IGNORECASE)) for rx in _adjectives(other_languages)]


@lru_cache(maxsize=2)
def _adjective_patterns(other_languages: bool) -> list[re.Pattern[str]]:
    """Each adjective as a whole-word pattern, in the order of :func:`_adjectives`."""
    return [
        re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.IGNORECASE)
        for rx in _adjectives(other_languages)
    ]


@lru_cache(maxsize=2)
def _adjective_needles(other_languages: bool) -> frozenset[str]:
    """Every needle of every adjective (:func:`.prefilter.present`)."""
    return frozenset().union(*_adjective_needles_each(other_languages))


def _adjective_matches(text: str, other_languages: bool) -> Iterator[tuple[int, re.Match[str]]]:
    """(number, match) of the adjectives in ``text`` as one alternation of them all, in their
    order, would find them (at a position the first adjective that matches there; the scan
    goes on after each match), from the patterns of only those adjectives the text can match at
    all: most of them (some 370 with the other languages') match nothing in one text, and
    compiling an alternation of the few that may, text by text, cost more than reading."""
    patterns = _adjective_patterns(other_languages)
    each = _adjective_needles_each(other_languages)
    held = prefilter.present(prefilter.fold(text), _adjective_needles(other_languages))
    found: list[tuple[int, int, re.Match[str]]] = []
    for i, starts in enumerate(each):
        if not prefilter.may_hold(starts, held):
            continue
        m = patterns[i].search(text)
        while m is not None:  # every start, overlapping ones too
            found.append((m.start(), i, m))
            m = patterns[i].search(text, m.start() + 1)
    end = 0
    for start, i, m in sorted(found, key=lambda f: (f[0], f[1])):
        if start >= end:
            end = m.end()
            yield i, m


def find_nations(text: str, other_languages: bool = True) -> list[NationMention]:
    """Every nation mention in ``text`` with its exact span (without a leading "the");
    ``other_languages=False`` leaves out the adjectives of the languages other than English,
    German and French (the reader's output on those texts is the same without them, and the
    text is read about twice as fast)."""
    out = _find_names(text)
    out += _names_in_capitals(text, out)
    taken = bytearray(len(text) + 1)  # characters inside a name already found
    for n in out:
        taken[n.start : n.end] = b"\x01" * (n.end - n.start)
    codes = list(_adjectives(other_languages).values())
    for i, m in _adjective_matches(text, other_languages):
        if any(taken[m.start() : m.end()]):
            continue
        after = text[m.end() : m.end() + 40]
        if _ORIGIN_SUFFIX.match(after) or _NAME_OF_SCHEME.match(after) or _FIRM.match(after):
            continue
        out.append(NationMention(codes[i], m.start(), m.end(), m.group(0)))
    if other_languages:
        out += _adjectives_after_arrival(text, out)
    out.sort(key=lambda n: n.start)
    return out


@lru_cache(maxsize=1)
def _after_arrival() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], tuple[str, ...]]]]:
    """The clause after a word of arrival, and each adjective of :data:`.lexicon.eastern.
    ADJECTIVES_AFTER_ARRIVAL` as a whole-word pattern."""
    clause = re.compile(lexicon.eastern.ARRIVED_BEFORE, re.IGNORECASE)
    each = [
        (re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.IGNORECASE), codes)
        for rx, codes in lexicon.eastern.ADJECTIVES_AFTER_ARRIVAL.items()
    ]
    return clause, each


def _adjectives_after_arrival(text: str, found: list[NationMention]) -> list[NationMention]:
    """A state adjective after a word of arrival in its clause, the verb first ("Na Ukrajinu
    dorazilo prvních 18 německých tanků"), where no mention is yet: the adjective of items
    that arrived, as the other order reads it."""
    clause, each = _after_arrival()
    out: list[NationMention] = []
    for c in clause.finditer(text):
        for rx, codes in each:
            for m in rx.finditer(text, *c.span("rest")):
                a, b = m.span()
                if not any(n.start < b and a < n.end for n in (*found, *out)):
                    out.append(NationMention(codes, a, b, m.group(0)))
    return out


#: a word in capitals of four letters or more ("IRELAND WILL PROVIDE Ukraine ...")
_CAPITALS_WORD = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ]{4,}(?![\w-])")


def _names_in_capitals(text: str, found: list[NationMention]) -> list[NationMention]:
    """Names written in capitals, as headlines and ledes sometimes are ("IRELAND WILL PROVIDE
    Ukraine", "L'ALLEMAGNE LIVRE"): read in a copy of the text whose capitals words are
    title-cased (same length, so the spans are the text's own), unless the word is a name in
    capitals already ("NATO", "USA"). Only countries' own names: a city in capitals is most
    often a dateline ("TOKYO, Feb 25 (Reuters) -"), a place, not a speaker."""
    if _CAPITALS_WORD.search(text) is None:
        return []
    table = _table()
    titled = _CAPITALS_WORD.sub(
        lambda m: m.group(0) if m.group(0) in table else m.group(0).title(), text
    )
    if len(titled) != len(text):
        return []
    taken = bytearray(len(text) + 1)
    for n in found:
        taken[n.start : n.end] = b"\x01" * (n.end - n.start)
    return [
        n
        for n in _find_names(titled)
        if not any(taken[n.start : n.end])
        and text[n.start : n.end] != n.surface
        and n.surface in country_names()
    ]


#: a head of government who went on to lead an organisation speaks for it, not for his state,
#: where the text gives him that office ("NATO Secretary General Mark Rutte",
#: "NATO-Generalsekretär Rutte", "Mark Rutte, secrétaire général de l'OTAN")
_NOW_AT_AN_ORGANISATION = {
    "Rutte": re.compile(
        r"NATO|Nato|OTAN|Alliance|Allianz|Secretary[\s-]+General|Generalsekretär"
        r"|secrétaire\s+général|Secretaris-generaal|secretario\s+general|segretario\s+generale"
        r"|framkvæmdastjóri|generalsekreterare|generalsekretær",
    ),
}


#: a singular noun after a group's name ("the Nordic country was sending ..."): one of its
#: states, the one the text named before, not all of them
_ONE_OF_A_GROUP = re.compile(
    r"\s+(?:country|nation|state|kingdom|member)\b(?![-\w])", re.IGNORECASE
)


def _find_names(text: str) -> list[NationMention]:
    out: list[NationMention] = []
    for m in _pattern().finditer(text):
        surface = m.group(1)
        start, end = m.start(1), m.end(1)
        office = _NOW_AT_AN_ORGANISATION.get(surface)
        if office is not None and office.search(text[max(0, start - 50) : end + 50]):
            continue
        # "U.S." may swallow the sentence's full stop: keep the span exact either way
        if _ORIGIN_SUFFIX.match(text[end : end + 40]):
            continue
        if surface in _PLACE_WORDS and (
            _PLACE_PREPOSITION.search(text[max(0, start - 12) : start])
            or _MEETING_AT.search(text, max(0, start - 40), start)
            or (
                surface in lexicon.CAPITALS
                and not text[text.rfind("\n", 0, start) + 1 : start].strip()
                and _DATELINE_AFTER.match(text, end)
            )
        ):
            continue
        if _NAME_OF_SCHEME.match(text[end : end + 40]):
            continue
        if len(_table()[surface]) > 1 and _ONE_OF_A_GROUP.match(text, end):
            continue  # "the Nordic country": one state, named before, not the whole group
        before = text[max(0, start - 12) : start]
        if surface == "America" and re.search(r"(North|South|Latin|Central)\s+$", before):
            continue
        if surface == "Korea" and re.search(r"North\s+$", before):
            continue
        out.append(NationMention(_table()[surface], start, end, surface))
    return out


def resolve(name: str) -> tuple[str, ...]:
    """Codes for one name ("Czechia", "EU (Commission and Council)", "USA", "Dutch").

    Exact alias or pycountry name first, then pycountry's fuzzy search; () when unknown.
    """
    name = name.strip()
    if not name:
        return ()
    table = _table()
    if name in table:
        return table[name]
    lowered = {k.lower(): v for k, v in table.items()}
    if name.lower() in lowered:
        return lowered[name.lower()]
    if len(name) == 3 and name.isalpha():
        c = pycountry.countries.get(alpha_3=name.upper())
        if c is not None:
            return (c.alpha_3,)
    if name.upper().startswith("EU ") or name.lower().startswith("european "):
        return (EU_CODE,)
    try:
        found = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return ()
    return (found[0].alpha_3,) if found else ()


def nation_name(code: str) -> str:
    if code == EU_CODE:
        return "European Union (institutions)"
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return dict(USER_ASSIGNED.values()).get(code, code)
    return str(getattr(c, "common_name", None) or c.name)
