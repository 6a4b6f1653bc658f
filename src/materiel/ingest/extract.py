"""Rule-based reading of announcements (English, German, French) into draft pledges, funds and
needs, each with the exact span of its evidence.

The rules, in the order they run (each can be checked by hand on a sentence):

1. **Lines and sentences**: furniture lines ("See also", "Read more", "Lire aussi", teaser
   titles under such a heading, photo credits) are skipped; the rest is split after ``.``,
   ``!`` or ``?`` followed by space (not after abbreviations such as "U.S." or "Mr.") and at
   line breaks. The text's language (en, de, fr) is guessed once from its function words and
   decides how numbers are read ("1,5 Mrd. Euro", "8 000 obus").
2. **Mentions** in each sentence: money and quantities (:mod:`.numbers`), nations
   (:mod:`.nations`), items (:mod:`.items`), dates. A nation that is only a place ("in
   Poland", "via Slovakia"), the seller in a purchase ("buy ... from the United States"), or
   the origin of an item ("German Leopard tanks") is no donor.
3. **Clauses**: the sentence is cut at semicolons, dashes, brackets, "but", "while" and
   relative clauses. A clause whose items are considered, discussed, requested, refused,
   ruled out, hypothetical or negated gives no pledge (:data:`.cues.NOT_GIVEN`); a clause
   that states a past total ("since the start of the war", "so far", "bringing the total
   to", "seit Kriegsbeginn", "depuis le début") gives no pledge either.
4. **Kind** of the sentence: a *need* when the recipient asks or says it needs
   (:mod:`.speaker` finds quotations and who says them): a verb of asking
   (:data:`.cues.REQUEST`) whose subject is the recipient or its officials counts whoever
   reports it; a word of need or lack counts only in the recipient's own voice (not a donor's,
   NATO's, a journalist's; when no subject, speaker or voice is known, a text that names only
   the recipient's officials is its voice); a request answered in the sentence ("in response
   to Kyiv's request") or a condition ("if Ukraine needs") is none; only the items the request
   governs (its clause after the verb, the clause before a passive, a predicate or a verb at
   the clause's end) become needs, and a need sentence gives no pledge; a *fund* when a pool
   is named (European Peace Facility, ASAP, NSPA, the Czech initiative, "earmarked", ...) and
   no national donor is named; otherwise a *pledge*
   sentence when a pledge word appears and the items go to the recipient (not "to the United
   States").
5. **Items**: the sentence is cut at commas, "and", "including", ...; every chunk with an item
   mention is one item: its category from the highest-ranked mention (an ammunition head next
   to a system gives that system's ammunition), its calibre from "155mm"/"155 mm", its
   quantity from the closest number before it within a few modifier words ("18 155mm
   howitzers"); a chunk with a calibre only ("155mm and 105mm rounds") takes the next chunk's
   item. Vague amounts and ranges leave the quantity empty.
6. **Money** in a chunk goes to the chunk's item when joined by "for", "worth", "funded with",
   ...; otherwise it is the package's value (category ``unspecified``). A range ("€40-50
   million") has no amount.
7. **Donors**: every element goes to the nearest list of donors before it in its clause, else
   in its sentence, else after it ("..., Germany said"); a list gives the element to each
   nation, with the quantity and amount only when they give "each" (a joint total belongs to
   no single donor). A sentence that names no nation inherits the donors of the sentence
   before ("The package includes ...").
8. **One draft per (kind, donor, category, calibre)**: a repeated mention (headline and body)
   keeps the mention with the most figures, its quantity and evidence together; two items of
   the same category in one sentence ("50 Bradleys and 100 M113s") add up. A donor named with
   arms aid but no item or sum gets one ``unspecified`` pledge only if it has no other.
9. **Modality filter** (:mod:`.modality`): a logistic regression over the modality cues of
   the pledge's clause, sentence, the sentence before, the title and the whole text drops
   the pledges that are most likely not new pledges (stockpile worries, refusals, debates,
   past totals, aid to others said outside the pledge's own clause); a text model drops every
   pledge of a text that reads as a negative as a whole.
10. Hints for review: a pledge's channel (``stock`` for "drawdown", "from its stocks";
   ``procurement`` for "USAI", "contracts", "buy"; ``fund`` for "through the ... fund"), a
   need's priority (``critical`` when "urgent", "critical", "immediately" is said).

:meth:`Extractor.read` keeps everything it learns about one text in a :class:`_Context`, so
one extractor reads several texts at once (threads) without mixing them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from materiel.ingest import cjk, cues, lexicon
from materiel.ingest import nations as nat
from materiel.ingest.items import (
    AMMO,
    AMMO_OF,
    LAUNCHED,
    LAUNCHER,
    ItemMention,
    ItemTable,
    find_calibre,
    names_coalition,
    resolve_phrase,
)
from materiel.ingest.numbers import (
    CONVERTED_BEFORE,
    OWN_CURRENCY,
    VAGUE,
    Money,
    crowns_of,
    ends_a_range,
    find_money,
    find_quantities,
    guess_lang,
    lang_scores,
)
from materiel.ingest.speaker import OTHER_OFFICIALS, RECIPIENT_OFFICIALS, SPEECH_VERB, Speakers
from materiel.ingest.text import blank

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "sgt",
    "st",
    "no",
    "nos",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "approx",
    "inc",
    "ltd",
    "co",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "fig",
    "mio",
    "mrd",
    "bzw",
    "z.b",
    "u.a",
    "d.h",
    "ca",
    "mme",
    "m",
    "nr",
    # counters and scale words of other languages, abbreviated inside a sentence ("14 vnt.
    # šarvuočių", "30 szt. czołgów", "4 tys. sztuk", "40-50 mln. eurų", "40 ед. БМП-1", "ok.
    # 300" (about))
    "vnt",
    "szt",
    "tys",
    "mln",
    "mlrd",
    "mld",
    "ks",
    "ok",
    "ед",
    "од",
    "шт",
    "тыс",
    "тис",
    "млн",
    "млрд",
    "stk",
    "tk",
    "db",
    "τεμ",
}
#: abbreviated scale words and currencies of other languages that end a sentence only when
#: no lower-case word or currency follows ("1,7 mia. kr. til Ukraine", "100 mil. Kč na", "500
#: εκατ. ευρώ", "200 milj. euroa"; "... 300 mil. La ministra" ends one: Spanish "mil" is a
#: thousand)
_SCALE_ABBREV = {"mia", "mill", "mil", "milj", "tūkst", "tuh", "εκατ", "δισ", "kr", "долл", "mdr"}
_SUM_GOES_ON = re.compile(
    r"\s+(?:(?-i:[^\W\d_A-ZÀ-ÞА-ЯΑ-Ω])|(?:Kč|USD|EUR|CZK|PLN|NOK|SEK|DKK|RON|HUF|GBP|CAD|Ft|kr)\b|[€$£])"
)
#: a sentence ends at . ! ? before a space, at a line break, and at a full stop glued to the
#: next sentence's first word (group ``glued``: scraped pages, "... an.Norwegen verpflichtete
#: sich", "d’armes.Le", "(DAPA).Ponomarenko", "Agerpres.Numărul", "Остин.В Пентагоне",
#: "enorm.„Wir", "vehicles.”He"), told from abbreviations and names by :func:`_glued_end`
_SENT_END = re.compile(
    r"[.!?]+[\"'”’»)\]]*(?=\s)|\n+|(?P<glued>(?:(?<=\w)[.!?]+|(?<=\w\))\.)[\"'”’»]?)"
    r"(?=[\"“„«]?\w)"
)
#: the first word after a glued full stop (:func:`_glued_end`)
_NEXT_WORD = re.compile(r"[\"“„«]?(\w+)(.?)")


def _glued_end(text: str, start: int, m: re.Match[str]) -> int | None:
    """Where the sentence that began at ``start`` ends at ``m``, a full stop glued to the next
    word (:data:`_SENT_END`), or None when it is no sentence end: it must follow a lowercase
    word of two letters or more (in any script, no abbreviation) or a closing bracket, and
    come before a capitalised word ("Numărul"), a one-letter capital word ("A Ucrânia", "В
    Пентагоне") or, after a word that is not capitalised, an acronym ("belirtmemişti.ABD";
    not "Censor.NET"); a straight quote after it closes the sentence when the sentence opened
    one."""
    a = m.start()
    before = re.search(r"(\w+)\)?$", text[max(start, a - 60) : a])
    if before is None:
        return None
    word = before.group(1)
    bracket = text[a - 1] == ")"
    if not bracket and (
        not (len(word) >= 2 and word[-2:].isalpha() and word[-2:].islower())
        or word.lower() in _ABBREV
    ):
        return None
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None:
        return None
    first, after = nxt.group(1), nxt.group(2)
    if not first[0].isupper() or not first.isalpha():
        return None
    capitalised = len(first) >= 2 and first[1:].islower()
    single = len(first) == 1 and after.isspace()
    acronym = len(first) >= 2 and first.isupper() and not word[0].isupper()
    if not (capitalised or single or acronym):
        return None
    end = m.end()
    quote = text[end - 1]
    if quote in "\"'" and text.count(quote, start, end - 1) % 2 == 0:
        end -= 1  # it opens the next sentence
    return end


#: a new clause whose subject is another giver ("..., while Sweden will", "mientras que
#: Suecia"): a sum before it and an item after it are not one pledge
_OTHER_GIVER_CLAUSE = re.compile(
    r"(?:\b(?:while|whereas|mientras\s+que|tandis\s+que|alors\s+que|während|wohingegen"
    r"|enquanto|mentre|whilst)\s+)(?:the\s+|le\s+|la\s+|l['’]|die\s+|der\s+)?$",
    re.IGNORECASE,
)
#: more of the item just named, with no item word ("and a further 1,615 will now be sent",
#: "weitere 500 sollen folgen", "et 200 autres seront livrés")
_MORE_OF_THE_SAME = re.compile(
    r"\s*(?:(?:and|und|et)\s+)?(?:a\s+further|another|an\s+additional|weitere|encore)\s+"
    r"(?P<num>\d[\d,.\s]*\d|\d)\s+(?:(?:will|shall|are|would|sollen|werden|seront|vont)\b"
    r"(?:\s+\w+){0,3}|to\s+be\s+\w+)",
    re.IGNORECASE,
)
#: the clause splitter of a text of unknown language (read by the filter, :mod:`.modality`)
_CLAUSE_SPLIT = cues.CLAUSE_SPLIT
_GAP_STOP = {
    "of",
    "to",
    "for",
    "from",
    "by",
    "with",
    "worth",
    "package",
    "packages",
    "or",
    "in",
    "on",
    "at",
    "the",
    "is",
    "are",
    "was",
    "were",
    "will",
    "has",
    "have",
    "its",
    "their",
    "which",
    "that",
    "per",
    "each",
    "aid",
    "assistance",
    "support",
    "a",
    "an",
    "für",
    "mit",
    "von",
    "im",
    "zu",
    "und",
    "oder",
    "pour",
    "avec",
    "par",
    "sur",
    "à",
    "au",
    "aux",
    "et",
    "ou",
}
_MONEY_LINK = re.compile(
    r"\b(?:for|of|in|on|towards?|to\s+(?:buy|purchase|procure|finance|fund|strengthen|support"
    r"|boost|bolster|reinforce|enhance|the)|für|zur|zum|pour|de|d['’]"
    # other languages' "for", "on" and "worth" ("€50 miljoen voor drones", "400 miljoner
    # kronor till utbildning", "350 mln funtów na drony", "50 milyon dolar değerinde ... hava
    # savunma sistemi", "10 milioni per droni")
    r"|voor|till|til|för|na|para|per|değerinde|tutarında)\b",
    re.IGNORECASE,
)
#: "worth" between an item and its value, in the languages read ("im Wert von", "ter waarde
#: van", "till ett värde av", "o wartości", "v hodnotě")
_WORTH = (
    r"worth|valued\s+at|at\s+a\s+cost\s+of|costing|funded\s+with|financed\s+with"
    r"|im\s+Wert\s+von|d['’]une\s+valeur\s+de|pour\s+un\s+montant\s+de|ter\s+waarde\s+van"
    r"|por\s+(?:un\s+)?valor\s+de|del\s+valore\s+di|(?:till|til)\s+(?:ett|en)\s+(?:värde|verdi"
    r"|værdi)\s+(?:av|af|på)|o\s+wartości|v\s+hodnotě"
)
_MONEY_LINK_BEFORE = re.compile(
    rf"\b(?:{_WORTH}|for|for\s+a\s+total\s+of|für|pour|в\s+размере|вартістю|на\s+суму"
    r"|на\s+сумму|za\s+(?:asi|zhruba|około|približne)?)"
    r"\s*(?:about|around|some|nearly|almost|up\s+to|more\s+than|over|rund|etwa|environ)?"
    r"\s*$",
    re.IGNORECASE,
)
_LINK_BREAK = re.compile(
    r"\b(?:package|including|includes|and|while|with|Paket|und|paquet|et)\b|[,;]", re.IGNORECASE
)
_ACCORDING = re.compile(r"\b(?:according\s+to|close\s+to|next\s+to|due\s+to)\s+\S*\s*$", re.I)
_AFTER_ITEM_MONEY = re.compile(
    rf"^\W*(?:{_WORTH}|za(?=\s+(?:asi\s+|zhruba\s+|około\s+)?\d))\b",
    re.I,
)
#: words of a package or of aid as a whole: a sum beside them is the package's value
_PACKAGE = re.compile(
    r"\b(?:packages?|aid|assistance|support|tranches?|drawdown|\w*[Pp]aket\w*|\w*[Hh]ilfe\w*|Unterstützung"
    r"|Tranche|paquets?|aide|enveloppe|soutien|tranche|paquete|pacote|ayuda|ajuda|apoyo|apoio)\b",
    re.IGNORECASE,
)
_MODEL_BEFORE_NUMBER = re.compile(r"([A-Za-zÀ-ÿ][\w-]*)\s*$")
#: counting words between a number and its item
_COUNTER = re.compile(
    r"^\s*(?:sets?|pieces?|units?|pairs?|lots?|batch(?:es)?|Stück|Exemplare|Einheiten"
    r"|exemplaires|unités|lots?|unidades|ejemplares|unidades|unità|pezzi"
    # other languages' counters, some abbreviated ("14 vnt. šarvuočių", "30 szt. czołgów",
    # "40 ед. БМП-1", "50 adet zırhlı araç", "20 ks tanků")
    r"|vnt\.|vienet\w*|szt\.|sztuk\w*|ks\.?|kus(?:ů|ov|y)|kom(?:ada)?\.|adet|ед\.|единиц\w*"
    r"|шт\.|штук\w*|од\.|одиниц\w*|stk\.|stykker|stycken|kpl\.?|kappaletta|tk\.|db\.?|darab"
    r"|τεμ\.|τεμάχια)\s+(?:of\s+|de\s+|d['’]|an\s+)?"
    r"(?:(?:this|these|dieser|dieses|ces|de\s+ces)\s+)?",
    re.IGNORECASE,
)
#: a share of a larger set between a number and its item: "12 of the 72", "zwei der", "12 des"
#: a chunk that starts with a calibre ("105 mm ...")
_LEADING_CALIBRE = re.compile(
    r"\W*(\d{2,3}\s?-?\s?(?:mm|millim\w*|milím\w*|мм|миллиметр\w*))(?!\w)", re.IGNORECASE
)
#: an ammunition chunk that ends with a bare calibre number before "and 105 mm"
_BARE_CALIBRE_END = re.compile(
    r"(?<![\d.,])(105|120|122|152|155|203|60|81|82)\s*(?:,|/|and|und|et|y|e|i|og|och|en)?\s*$",
    re.IGNORECASE,
)
#: a coordinated chunk that names only what the ammunition before it is for ("ammunition for
#: HIMARS and for NASAMS", "Munition für Himars und für Nasams", "munitions pour les CAESAR et
#: pour les LRU")
_AND_FOR = re.compile(
    r"\W*(?:(?:and|und|sowie|et|y|e|i|og|och|en)\s+)?(?:for|für|pour|para|per|voor|för|til)\s",
    re.IGNORECASE,
)
#: weapons whose bare ammunition named after them is theirs with no count or "with" to tie
#: them ("howitzers and ammunition", "machine guns and ammunition"), as the labels read it;
#: after air defence or rocket launchers "and munitions" is too loose to split
_LOOSE_AMMO_OF = ("artillery-system", "small-arms")
#: a chunk split off after "with" ("launchers with ammunition")
_WITH_AMMO = re.compile(
    r"\b(?:with|mit|avec|con|com|samt|nebst|accompagnée?s?\s+d[e']|accompanied\s+by)\s+$",
    re.IGNORECASE,
)


def _model_before(counts: str) -> re.Pattern[str]:
    """A capitalised name of one to three words right before a number, after a number in
    digits or one of ``counts`` (:data:`_MODEL_BEFORE_EN`, :data:`_MODEL_BEFORE`)."""
    return re.compile(r"\b(?:\d+|" + counts + r")\s+(?:[A-Z][A-Za-z-]*\s+){1,3}$")


#: a maker's or model's name right before a number, after a count or an article ("one Saab 340
#: aircraft", "the Saab 340", "two CV 90", "vier Wisent 1 Entminungsfahrzeuge", "deux Leopard
#: 1"): the number is the model's. The English words are read in English only (Italian "a" is
#: "to": "ordinerà a Delair 100 droni"), and German and French definite articles nowhere ("an
#: die Ukraine 20 Panzer")
_MODEL_BEFORE_EN = _model_before(
    r"[Tt]he|an?|one|two|three|four|five|six|seven|eight|nine|ten|its|their"
)
_MODEL_BEFORE = _model_before(
    r"[Ee]in(?:e[nmr]?)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf"
    r"|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|uno|una|dos|tres|cuatro|cinco"
    r"|seis|siete|ocho|nueve|diez|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|um|uma"
    r"|dois|duas|três|een|twee|drie|vijf|zes|zeven|negen|tien"
)
#: a number's own noun is no item ("3 years", "12 nations", "in den letzten sieben Tagen")
_COUNTED_NON_ITEM = re.compile(
    r"\s+(?:(?:more|further|other|additional|weitere[nm]?|autres|otros|otras|altri)\s+)?"
    + cues.COUNT_NOUN.pattern,
    cues.COUNT_NOUN.flags,
)
_PARTITIVE = re.compile(
    r"^\s+(?:of\s+(?:the|these|those)|der|dieser|des|de\s+(?:ces|ses|leurs)|d['’]entre\s+\w+"
    r"|de\s+(?:los|las|estos|estas))\s",
    re.IGNORECASE,
)
_ARTICLES = {
    "een",
    "a",
    "an",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "un",
    "une",
    "uno",
    "una",
    "um",
    "uma",
}
#: the indefinite articles of a language (Portuguese "a" and Italian "a" are no article)
_ONE_ARTICLE = {
    "en": ("a", "an"),
    "de": ("ein", "eine", "einen", "einem", "einer"),
    "fr": ("un", "une"),
    "es": ("un", "una"),
    "it": ("un", "uno", "una"),
    "pt": ("um", "uma"),
}
#: words of one more after an article ("a further", "ein weiteres", "un autre", "otro")
_FURTHER = re.compile(
    r"further|additional|extra|second|third|fourth|fifth"
    r"|(?:weiter|zusätzlich|zweit|dritt|viert|fünft)e[snmr]?"
    r"|autre|deuxième|second[e]?|troisième|quatrième"
    r"|otr[oa]|segund[oa]|tercer[oa]?|altr[oa]|second[oa]|terz[oa]|outr[oa]|terceir[oa]",
    re.IGNORECASE,
)
#: "another Patriot system", "eines weiteren Patriot-Systems": one more
_ANOTHER = re.compile(
    r"(?<![\w-])(?:another|eines\s+(?:weiteren|zusätzlichen|zweiten|dritten))\s+$", re.IGNORECASE
)
_QTY_LEAD_WORDS = {
    "including",
    "with",
    "and",
    "a",
    "an",
    "one",
    "some",
    "und",
    "mit",
    "et",
    "avec",
    "dont",
    "sowie",
    "plus",
    "also",
    "another",
    "further",
}


#: words that name a model by the number after them ("Type 90", "Typ 2", "Block 5")
_MODEL_WORDS = {"type", "typ", "typs", "model", "modell", "block", "mark", "mk", "version"}


def _model_word(ctx: _Context, word: str, end: int) -> bool:
    """A capitalised word before a number names a model with it ("Leopard 2", "Type 90",
    "CV90 40") when it is an item name itself, a model word, or spelled like a code; a German
    noun or a sentence's first word is no model ("nach Angaben 228 Flugabwehrraketen", "den
    Streitkräften 100 Panzerabwehrraketen", "Auch 1,2 Millionen Schuss")."""
    if word.lower() in _MODEL_WORDS or re.search(r"[\d-]|[A-Z].*[A-Z]", word):
        return True
    return any(m.end == end for m in ctx.items)


#: the words between the items of a list: a comma or "and" in the languages read
_LIST_JOIN = re.compile(
    r"[\s,]*(?:(?:and|und|et|en|og|och|y|e|i|a|ja|és|ir|un|и|і|та|oraz|sowie|as\s+well\s+as)\s+)?"
    r"(?:[^\W\d]+\s+)?",
    re.IGNORECASE,
)


def _list_follows(
    text: str, end: int, sentence_end: int, items: list[ItemMention], category: str
) -> bool:
    """Another kind of item follows the one that ends at ``end`` in a list ("200 miljoen euro
    voor extra artilleriemunitie en luchtverdediging", "16 milliarder kroner til å styrke
    luftforsvar, artilleri og ..."): a sum before the list is the whole list's, not the first
    item's."""
    for i in items:
        if end <= i.start < min(sentence_end, end + 40) and i.category != category:
            join = _LIST_JOIN.match(text, end, i.start)
            return join is not None and join.end() == i.start
    return False


def _link(gap: str, pattern: re.Pattern[str]) -> bool:
    """Money and an item are one phrase when a short gap joins them ("€200 million for
    air defence missiles", "a NASAMS system ... at a cost of C$406 million")."""
    return len(gap) <= 60 and bool(pattern.search(gap)) and not _LINK_BREAK.search(gap)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTHS_DE = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_MONTH_NUMBER = {
    m.lower(): i + 1
    for names in (_MONTHS, _MONTHS_DE, _MONTHS_FR)
    for i, m in enumerate(names.split("|"))
}
_ANY_MONTH = f"{_MONTHS}|{_MONTHS_DE}|{_MONTHS_FR}"
DATE = re.compile(
    rf"\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b|\b(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|\b(?P<d2>\d{{1,2}})\.?\s+(?P<m2>{_ANY_MONTH})\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)
#: a month name as dates write it: capitalised or in lower case, not in capitals ("3 MARS" is
#: three MARS launchers, "3 mars" the third of March)
_MONTH_AS_WRITTEN = "|".join(
    sorted({f for m in _ANY_MONTH.split("|") for f in (m, m.lower(), m.capitalize())})
)
_EN_MONTH_AS_WRITTEN = "|".join(sorted({f for m in _MONTHS.split("|") for f in (m, m.lower())}))
#: a day and month without a year ("on 13 June", "am 5. März") masks its number
DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}\.?\s+(?:{_MONTH_AS_WRITTEN})\b|\b(?:{_EN_MONTH_AS_WRITTEN})\s+\d{{1,2}}\b"
)


@dataclass
class Draft:
    """One draft record: ``fields`` in the label format, ``start``/``end`` into the text."""

    kind: str  # pledge | fund | need
    fields: dict[str, Any]
    start: int
    end: int
    anchor: int = -1  # where the item or amount itself starts (the span may include the donor)
    sentence: int = -1  # index of the sentence it was read from
    headline: bool = False  # read from a title line (before the body's first full sentence)
    inherited: bool = False  # its donor was named in an earlier sentence, not in its own

    def key(self) -> tuple[Any, ...]:
        f = self.fields
        if self.kind == "pledge":
            return ("pledge", f.get("donor"), f.get("category"), f.get("caliber"))
        if self.kind == "fund":
            return ("fund", f.get("amount"), f.get("currency"))
        return ("need", f.get("recipient"), f.get("category"), f.get("caliber"))

    def figures(self) -> int:
        return sum(1 for k in ("quantity", "amount") if self.fields.get(k) is not None)


@dataclass
class Reading:
    text: str
    drafts: list[Draft] = field(default_factory=list)
    lang: str = "en"

    def evidence(self, d: Draft) -> str:
        return self.text[d.start : d.end]

    def by_kind(self, kind: str) -> list[Draft]:
        return [d for d in self.drafts if d.kind == kind]

    def row(self, d: Draft) -> dict[str, Any]:
        """One draft in the format of the labelled files, with its evidence and exact span."""
        row = dict(d.fields)
        row["evidence"] = self.evidence(d)
        row["span"] = [d.start, d.end]
        return row

    def as_label(self, ids: list[int] | None = None) -> dict[str, list[dict[str, Any]]]:
        """The drafts in the format of the labelled files (for evaluation and JSON output),
        pledges, then funds, then needs; ``ids`` (one per draft, in the order of
        :attr:`drafts`) are attached to the very draft they were stored for."""
        out: dict[str, list[dict[str, Any]]] = {"pledges": [], "funds": [], "needs": []}
        for i, d in enumerate(self.drafts):
            row = self.row(d)
            if ids:
                row["draft_id"] = ids[i]
            out[d.kind + "s"].append(row)
        return out


@dataclass
class _Element:
    """An item or an amount found in a sentence, before donors are attached."""

    start: int
    end: int
    category: str
    calibre: str | None = None
    quantity: int | None = None
    money: Money | None = None
    item_code: str | None = None
    surface: str = ""
    cumulative: bool = False
    not_given: bool = False
    coalition: bool = False  # the item names a coalition: a pool's purpose, not an item given
    rank: int = 0  # the highest rank of its item mentions (a model name above a class noun)
    #: given before, with more to come named after it ("provided 2,000 ..., and a further
    #: 1,615 will now be sent"): the earlier count is a past total
    superseded: bool = False


@dataclass
class _Sentence:
    """The mentions of one sentence."""

    index: int
    start: int
    end: int
    nations: list[nat.NationMention]
    donors: list[list[nat.NationMention]]
    money: list[Money]
    masks: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    elements: list[_Element] = field(default_factory=list)


@dataclass
class _Context:
    """What the reader knows about one text while reading it (one per :meth:`Extractor.read`)."""

    text: str
    lang: str
    when: dt.date | None
    donors: list[str] = field(default_factory=list)  # the last donors named
    channel: str | None = None
    drafts: list[Draft] = field(default_factory=list)
    named: dict[str, tuple[int, int]] = field(default_factory=dict)  # donors with arms aid
    nations: list[nat.NationMention] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    items: list[ItemMention] = field(default_factory=list)
    starts: dict[str, list[int]] = field(default_factory=dict)
    flags: dict[tuple[int, int], tuple[bool, bool]] = field(default_factory=dict)
    recipient_at: int = -100  # the last sentence that named the recipient
    voice: str | None = None  # whose voice the last sentence with a voice was
    voice_at: int = -100  # and its index
    list_open: bool = False  # a pledge sentence ended with ":"; its list items follow
    list_recap: bool = False  # the open list was announced in a recap of past totals
    list_start: int = -1  # the sentence that opened the list
    #: the list each list line belongs to (by the sentence that opened it, or the first of a
    #: run of bullet lines): its items are several items of one package, as in one sentence
    list_of: dict[int, tuple[str, int]] = field(default_factory=dict)
    need_open: int = -100  # a need sentence that named no item: the list right after it
    pledged_at: int = -1  # the pledge sentence that bullet lines right after it continue
    recap: bool = False  # the last sentence with items gave past totals only
    body_started: bool = False  # a sentence ending with . ! or ? was read
    headline: bool = False  # the sentence being read is a title line
    core: bool = True  # the text is in English, German or French (else: other-language cues)
    #: the cues with other languages' words, compiled for this text's language
    lang_cues: cues.LanguageCues = field(default_factory=lambda: cues.for_language(None))
    pledge_donors: list[str] = field(default_factory=list)  # the donors of the last pledges
    pledge_at: int = -100  # the sentence that made them
    ahead: list[str] = field(default_factory=list)  # the donors the next sentences name first
    speakers: Speakers | None = None  # the quotations of the text and who says them
    away: bool = False  # the items of the last pledge sentence went elsewhere (own forces, ...)
    #: categories the title says are not given (refused, considered, tried, ...)
    title_not_given: set[str] = field(default_factory=set)

    @property
    def first_person(self) -> re.Pattern[str]:
        """The first person this text reads (no "je" outside English, German and French:
        Croatian, Slovene, Czech and Slovak "is")."""
        return cues.FIRST_PERSON if self.core else cues.FIRST_PERSON_OTHER

    def clause_flags(self, a: int, b: int) -> tuple[bool, bool]:
        """(past total, not given) of text[a:b], computed once per clause."""
        got = self.flags.get((a, b))
        if got is None:
            text = self.text
            if self.other is not None:
                # a nation's name is no cue word ("ZDA", the Slovene USA, is Czech "whether")
                spans = [(n.start, n.end) for n in self.nations if a <= n.start < b]
                if spans:
                    text = blank(text, spans)
            got = _clause_flags(text, a, b, self.other)
            if not got[0] and self.when is not None and _earlier_year(self.text, a, b, self.when):
                got = (True, got[1])
            self.flags[(a, b)] = got
        return got

    @property
    def other(self) -> cues.LanguageCues | None:
        """The cues of the text's language when it is not English, German or French."""
        return None if self.core else self.lang_cues

    @cached_property
    def text_voice(self) -> str | None:
        """The recipient, when the only officials the text names are the recipient's (read once
        the speakers are known: the voice of a need no subject, speaker or sentence before
        gives)."""
        names = self.speakers.recipient_names if self.speakers is not None else None
        text = self.text
        ours = RECIPIENT_OFFICIALS.search(text) or (names is not None and names.search(text))
        theirs = OTHER_OFFICIALS.search(text) or cues.OTHER_VOICE.search(text)
        return "recipient" if ours and not theirs else None


#: where the modality of one part of a sentence stops: "; ", ", but", " but ", dashes
_MODAL_SPLIT = re.compile(
    r";|\s[—–]\s|,\s*(?=(?:but|aber|doch|mais|pero|mas|while|whereas|während|tandis|however"
    r"|jedoch|cependant)\b)|\s(?=but\s)",
    re.IGNORECASE,
)
#: a maker or an industry as the subject of a clause
_MAKER = re.compile(
    rf"{cues.FIRM.pattern}|\b(?i:l['’]industrie|(?:the\s+)?(?:defen[cs]e\s+|arms\s+)?industry"
    r"|(?:die\s+)?(?:Rüstungs)?[Ii]ndustrie|la\s+industria|l['’]industria)\b"
)
#: categories too broad to tie a title's item to a later one
_GENERIC_CATEGORIES = frozenset({"unspecified", "other-military"})
_QUESTION = re.compile(r"\?[\W]*$")
_RELATIVE = re.compile(
    r"^\W*(?:which|that|who|whose|where|die|der|das|welche[rs]?|qui|que|dont|où|el\s+cual|que)\b",
    re.IGNORECASE,
)


#: what ends the phrase of the equipment that parts and service are for: a stop, or a comma or
#: an "and" that goes on to the next item of a list ("Ersatzteile für Artilleriesysteme,
#: Ersatzmotoren für Leopard-Panzer und eine Million Kleinwaffen"), not one that names examples
#: ("spare parts for equipment, including the tanks in service")
#: the words after a comma that go on with examples ("..., including", "..., darunter")
_EXAMPLES = (
    r"including|incl\.|such\s+as|like|e\.g\.|einschließlich|darunter|wie|notamment|dont|comme"
)
_STOP = re.compile(
    rf"[.;:]|,(?!\s*(?:{_EXAMPLES}|compres[io]|inclus[io]|come|incluid[oa]s))"
    r"|\s(?:and|und|et|e|y|sowie|as\s+well\s+as|ainsi\s+que|oraz|i|en|og|och)\s",
    re.IGNORECASE,
)
_MAY = (
    r"(?:could|might|may|would|can|ready|könnte\w*|kann|können|würde\w*|bereit|pourrai\w*"
    r"|peut|pourra\w*|prêt\w*|podría\w*|puede\w*|podrá\w*|dispuest\w*|potrebbe\w*|può"
    r"|potrà\w*|poderia\w*|pode|poderá\w*|kunnen|zou\w*|bereid|kunde|kunne|skulle|beredd\w*"
    r"|może\w*|mogł\w*|gotow\w*|může|mohl\w*)"
)
#: more of what was just given, joined to it ("and could send more if needed", "und könnte
#: bei Bedarf mehr liefern", "y podría mandar más", "et pourrait en envoyer davantage"), or
#: its number that may rise ("añadiendo que el número podría aumentar con el tiempo"): what is
#: said of the more is not said of the items before
_AND_MORE = re.compile(
    r"\s(?:and|und|et|y|e|och|og|en|i|a|ja|oraz)\s+(?:[\w'’]+\s+){0,2}?"
    + _MAY
    + r"\s+(?:[\w'’]+\s+){0,3}?"
    r"(?:more|further|additional|mehr|weitere\w*|davantage|más|più|ulteriori|mais|meer|fler"
    r"|flere|mere|więcej|kolejn\w*|víc|více)\b(?!\s+(?:than|als|que|de|di)\b)"
    r"|\b(?:the|el|la|die|le|il|o)\s+(?:number|número|cifra|Zahl|Anzahl|nombre|numero)\s+"
    r"(?:[\w'’]+\s+){0,2}?"
    + _MAY
    + r"\s+(?:[\w'’]+\s+){0,2}?(?:increase|rise|grow|aumentar|crecer|steigen|wachsen"
    r"|augmenter|aumentare|crescere)\b",
    re.IGNORECASE,
)


#: a concessive clause that opens a sentence, up to its first comma ("While X said ...,",
#: "Although ...,", "Obwohl ...,", "Bien que ...,", "Aunque ...,")
_CONCESSIVE_OPENER = re.compile(
    r"\W*(?:while|although|though|even\s+though|whereas|obwohl|obgleich|wenngleich|bien\s+que"
    r"|quoique|alors\s+que|tandis\s+que|aunque|si\s+bien|anche\s+se|sebbene|embora"
    r"|hoewel|terwijl)\b[^,;.]{8,240},",
    re.IGNORECASE,
)


def _not_given(
    ctx: _Context, st_start: int, st_end: int, clauses: list[tuple[int, int]], el: int
) -> bool:
    """Is the element at ``el`` only considered, refused, requested, ...? A cue counts in the
    element's own clause, and in the other clauses of its part of the sentence (up to "but",
    ";" or a dash, or "and ... more" after the element) except relative clauses ("..., which
    could arrive in May")."""
    text = ctx.text
    if cues.BUT_DENIES.search(text, el, st_end):
        return True  # "..., but Seoul has denied this claim"
    part = _modal_part(text, st_start, st_end, el)
    more = _AND_MORE.search(text, el, part[1])
    if more is not None:
        part = (part[0], more.start())
    for a, b in clauses:
        if b <= part[0] or a >= part[1]:
            continue
        a, b = max(a, part[0]), min(b, part[1])
        own = a <= el < b
        if not own and _RELATIVE.match(text[a:b]):
            continue
        if ctx.clause_flags(a, b)[1]:
            return True
    return False


def _past_event(text: str, st_start: int, st_end: int, el: int) -> bool:
    """The element's part of the sentence (up to "but", ";" or a dash) tells an earlier event
    in the pluperfect ("In January the government had announced it would send 31 tanks");
    ``text`` with the sentence's asides of past totals blanked ("in addition to the 20 it had
    sent": that pluperfect is the aside's own)."""
    a, b = _modal_part(text, st_start, st_end, el)
    past = cues.PAST_EVENT.search(text, a, b)
    return past is not None and not _reported(text, a, b, past)


def _modal_part(text: str, st_start: int, st_end: int, el: int) -> tuple[int, int]:
    """The part of the sentence whose modality the element at ``el`` shares: up to "but", ";"
    or a dash, and a concessive clause that opens the sentence apart from its main clause
    ("While Pabriks said Latvia would not give details ..., he said supplies would include
    ...", "Although Berlin had refused for months, Germany will now send 18 tanks")."""
    part = next(
        ((a, b) for a, b in _segments(text, st_start, st_end, _MODAL_SPLIT) if a <= el < b),
        (st_start, st_end),
    )
    opener = _CONCESSIVE_OPENER.match(text, part[0], part[1])
    return _apart(part, opener, el)


def _apart(span: tuple[int, int], opener: re.Match[str] | None, at: int) -> tuple[int, int]:
    """The side of ``span`` that holds ``at`` when the concessive clause ``opener`` (matched at
    the start of the sentence or of its part) ends inside it: the two are clauses apart."""
    a, b = span
    if opener is None or not a < opener.end() < b:
        return span
    return (opener.end(), b) if at >= opener.end() else (a, opener.end())


def _reported(text: str, a: int, b: int, past: re.Match[str]) -> bool:
    """The pluperfect ``past`` in text[a:b] is reported speech: a promise ("had pledged",
    not "had supplied": deliveries told so are a recap), a verb of saying after it in its
    sentence (read on past ``b``, the end of a clause cut at a bracket) and no time before it
    that dates it earlier."""
    end = _SENTENCE_REST.match(text, b)
    return (
        _PROMISED.search(past.group()) is not None
        and _REPORTED_AFTER.search(text, past.end(), end.end() if end else b) is not None
        and _DATED_BEFORE.search(text, a, past.start()) is None
    )


def _reported_pluperfects(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the pluperfects of reported speech in text[a:b] (:func:`_reported`)."""
    return [
        (m.start(), m.end())
        for m in cues.PAST_EVENT.finditer(text, a, b)
        if _reported(text, a, b, m)
    ]


#: a verb of saying after the pluperfect, its speaker and date with it ("Lithuania had pledged
#: 35 million euros ..., Prime Minister Ingrida Simonyte said on March 20"): the pluperfect of
#: reported speech, today's news
_REPORTED_AFTER = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,8}?(?:said|says|told|stated|announced|wrote|confirmed)\b"
    r"(?:\s+(?:on|in|at)\s+[\w\s]{0,20})?\W*$",
    re.IGNORECASE,
)
_PROMISED = re.compile(r"\b(?:announced|pledged|promised|agreed|decided|approved)\b", re.I)
_SENTENCE_REST = re.compile(r"[^.!?\n]*")
#: a time before the pluperfect that dates it earlier ("In January the government had ...")
_DATED_BEFORE = re.compile(
    r"\b(?:in|on|last|earlier|before|previously|already|since|back)\b", re.IGNORECASE
)


#: the order of a reading's drafts: pledges, then funds, then needs
_KIND_ORDER = {"pledge": 0, "fund": 1, "need": 2}


def _need_fields(
    recipient: str,
    category: str,
    priority: str,
    calibre: str | None = None,
    quantity: int | None = None,
    item_code: str | None = None,
) -> dict[str, Any]:
    """A need draft's fields."""
    return {
        "recipient": recipient,
        "category": category,
        "caliber": calibre,
        "quantity": quantity,
        "item_code": item_code,
        "priority": priority,
    }


def _pledge_fields(
    donor: str | None,
    recipient: str,
    category: str,
    when: dt.date | None,
    *,
    calibre: str | None = None,
    quantity: int | None = None,
    amount: float | None = None,
    currency: str | None = None,
    item_code: str | None = None,
    channel: str | None = None,
) -> dict[str, Any]:
    """A pledge draft's fields (the main reader adds its private ones after them)."""
    return {
        "donor": donor,
        "recipient": recipient,
        "category": category,
        "caliber": calibre,
        "quantity": quantity,
        "amount": amount,
        "currency": currency,
        "date": when.isoformat() if when else None,
        "item_code": item_code,
        "channel": channel,
    }


_YEAR_IN = re.compile(r"(?<![\d/.-])(20[12]\d)(?![\d/.-]|\s*[-–]\s*\d)")


def _earlier_year(text: str, a: int, b: int, when: dt.date) -> bool:
    """The clause text[a:b] dates what it tells in a year before the text's own ("In 2021 the
    US provided $650 million", "2021'de Ukrayna'ya 650 milyon dolar ... sağlayan ABD"): a past
    event, no news; not when it names the text's year or a later one, nor a future."""
    years = [int(m.group(1)) for m in _YEAR_IN.finditer(text, a, b)]
    if not years or max(years) >= when.year:
        return False
    return cues.FUTURE.search(text, a, b) is None


def _clause_flags(
    text: str, a: int, b: int, other: cues.LanguageCues | None = None
) -> tuple[bool, bool]:
    """(past total, not given) of the clause text[a:b]; ``other``: the cues of the text's
    language when it is not English, German or French."""
    cumulative = False
    if attributive := cues.attributive_past(text, a, b):
        # a thing given before, named inside the clause ("spare parts for weapons already
        # delivered"): the clause read without that phrase
        text = blank(text, attributive)
    if reported := _reported_pluperfects(text, a, b):
        # "Lithuania had pledged €35 million ..., Simonyte said on March 20": news
        text = blank(text, reported)
    if cues.NOT_CUMULATIVE.search(text, a, b) is None:
        cumulative = (
            cues.CUMULATIVE.search(text, a, b) is not None
            or (
                cues.WEAK_CUMULATIVE.search(text, a, b) is not None
                and cues.PERFECT.search(text, a, b) is not None
            )
            or (
                cues.SINCE_YEAR.search(text, a, b) is not None
                and cues.FUTURE.search(text, a, b) is None
            )
            or (
                cues.AMONG_OTHERS.search(text, a, b) is not None
                and cues.GAVE_PERFECT.search(text, a, b) is not None
            )
            or cues.PREVIOUSLY.search(text[a:b]) is not None
            or (
                cues.ALREADY_DE.search(text, a, b) is not None
                and (
                    cues.FUTURE.search(text, a, b) is None
                    or cues.PAST_MODAL_DE.search(text, a, b) is not None
                )
                and cues.FUTURE_DE.search(text, a, b) is None
            )
        )
    # a request that is answered ("in response to urgent appeals", "à la demande de Kiev") is
    # no request of the items: they are given
    clause = cues.NOT_NEGATION.sub(" ", text[a:b])
    not_given = cues.NOT_GIVEN.search(clause) is not None
    if not_given and cues.REQUEST_MET.search(clause):
        not_given = cues.NOT_GIVEN.search(cues.REQUEST_MET.sub(" ", clause)) is not None
    if not_given and cues.PROPOSAL.search(clause) and cues.APPROVED.search(clause):
        not_given = cues.NOT_GIVEN.search(cues.PROPOSAL.sub(" ", clause)) is not None
    if other is not None:  # a text in another language than English, German or French
        cumulative = cumulative or _other_total(
            text, a, b, other.cumulative, other.future, other.pledge
        )
        not_given = (
            not_given
            or other.not_given.search(clause) is not None
            or other.ready.search(clause) is not None
        )
    return cumulative, not_given


#: "this" right after a total in other languages: the total of the package just told
#: ("Totalt uppgår detta stöd till 500 miljoner kronor", "Celkem tento balík"), no past total
_THIS_AFTER_TOTAL = re.compile(
    r"\W*(?:\w+\s+){0,2}?(?:detta|denna|dette|denne|deze|dit|tento|tato|toto|ten|ta|tämä"
    r"|tämän|see|šis|šī|šie|ez|questo|questa|este|esta|ce|cette|dieses|diese)\b",
    re.IGNORECASE,
)
#: "already" in other languages: with a verb in the future it means "soon" ("Latvija jau
#: tuvākajā laikā nosūtīs", "już w przyszłym tygodniu przekaże"), not a report of the past
_ALREADY_OTHER = re.compile(lexicon.eastern.ALREADY, re.IGNORECASE)


#: a relative pronoun right before a past-total cue: the cue is the verb of a relative clause
#: ("che erano stati dismessi", "que habían sido retirados", "som hade tagits ur bruk"; "que"
#: and "che" are "that" too: the cue must be a pluperfect without a verb of giving)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:che|que|cui|care|die|dat|som|der|które|który|która|których|které|který|kteří"
    r"|která|ktoré|ktorý|которые|который|которых|які|який|яких|koji|koje|koja|kojima|που"
    r"|amely|amelyek|amelyeket|jotka|joka|kurie|kuri|kas|mis|mida)\s+$",
    re.IGNORECASE,
)
#: a past-total cue that is a pluperfect ("erano stati dismessi", "habían sido retirados"):
#: after a relative pronoun, what the items had been, unless its verb is one of giving
_PLUPERFECT = re.compile(
    r"(?:era|erano|aveva|avevano|había|habían|tinha|tinham|havia|haviam|hade|hadde|havde"
    r"|avait|avaient|était|étaient)\s+(?:già\s+|ya\s+|já\s+)?(?:stat[oaie]\s+|sido\s+)?"
    r"\w+(?:at[oaie]|ut[oaie]|it[oaie]|ess[oaie]|ott[oaie]|ad[oa]s?|id[oa]s?|é|ée|és|ées|ats?)\b",
    re.IGNORECASE,
)
#: a past-total cue that starts with "since" ("od početka", "desde el inicio", "з початку")
_SINCE = re.compile(
    r"(?:od|от|від|з|с|desde|dall['’]|sinds|sedan|siden|sodan|de\s+la|από|since|seit|depuis)\b",
    re.IGNORECASE,
)
_YEAR_NUMBER = re.compile(r"\b20\d\d\b")
#: a past-total cue of a year ("prošle godine", "w ubiegłym roku", "в прошлом году")
_YEAR = re.compile(
    r"godin|rok|year|год|рок|metai|gad|aasta|vuo|yıl|lani|loni|торік|pērn|mullu|πέρυσι"
    r"|tavaly|pernai|العام",
    re.IGNORECASE,
)
#: the war or the invasion, right before a time that dates it (other languages)
_WAR_BEFORE = re.compile(
    r"\b(?:invazi\w*|inwazj\w*|invasi\w*|invazí\w*|вторгнен\w*|вторжени\w*|инвази\w*"
    r"|инвазиј\w*|invaz\w*|εισβολ\w*|işgal\w*|hyökkäy\w*|sissetung\w*|iebrukum\w*"
    r"|invasion\w*|invasión|invasão|invasione)\b[^.;]{0,30}$",
    re.IGNORECASE,
)


def _other_total(
    text: str,
    a: int,
    b: int,
    cumulative: re.Pattern[str],
    future: re.Pattern[str],
    pledge: re.Pattern[str],
) -> bool:
    """A past-total cue of another language in text[a:b], unless it ranks the new package
    next to a superlative ("den hidtil største donationspakke", "största hittills") or after
    "first" ("u prvoj isporuci ... od početka"), is "since" a year or "already" with a verb
    in the future, is "last year" dating the invasion just named, or is the pluperfect of a
    relative clause whose verb is no giving ("120 obici ... che erano stati dismessi": what
    the items had been, not a gift told before)."""
    for m in cumulative.finditer(text, a, b):
        cue = m.group()
        if (
            _PLUPERFECT.match(cue)
            and _RELATIVE_BEFORE.search(text, max(a, m.start() - 12), m.start())
            and not pledge.search(cue)
        ):
            continue
        since = _SINCE.match(cue) is not None
        near = text[max(a, m.start() - 25) : min(b, m.end() + 25)]
        if cues.SUPERLATIVE_OTHER.search(near):
            continue
        if since and cues.FIRST_OTHER.search(text, max(a, m.start() - 60), m.start()):
            continue  # "u prvoj isporuci ... od početka invazije": a rank, no total
        if since and _YEAR_NUMBER.search(cue) and future.search(text, a, b):
            continue  # "enviará diez tanques, almacenados desde 2019": news, as in English
        if _YEAR.search(cue) and _WAR_BEFORE.search(text, max(a, m.start() - 40), m.start()):
            continue  # "invazije u februaru prošle godine": last year dates the war
        if _ALREADY_OTHER.fullmatch(cue) and future.search(text, a, b):
            continue
        if _THIS_AFTER_TOTAL.match(text, m.end(), b):
            continue
        return True
    return False


def _core_language(text: str) -> bool:
    """Is the text in English, German or French as the modality filter sees it
    (:func:`.modality.covered`)? Elsewhere the cues of other languages are read too (and
    the filter reads those texts with its model for other languages)."""
    from materiel.ingest.modality import covered

    return covered(text)


def _cue_language(text: str, lang: str, core: bool) -> str | None:
    """The language whose words the cues read a text with (:func:`.cues.for_language`): its
    own, so that English, German and French texts read none of the other languages' words and
    a family's texts only that family's; None (every family's) when the filter and the guess
    disagree, or when a language of another family scores at least half as high as the guess
    (a short text's language is easily mistaken: "Portugal assinou um contrato ...")."""
    if core != (lang in lexicon.CORE_LANGS):
        return None
    if core:
        return lang
    ranked = lang_scores(text)
    family = lexicon.families_for(lang)
    rivals = (
        other
        for other, score in ranked[1:]
        if score >= ranked[0][1] / 2 and lexicon.families_for(other) != family
    )
    return None if next(rivals, None) is not None else lang


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (stripped of surrounding whitespace), furniture lines left out."""
    spans: list[tuple[int, int]] = []
    for ls, le in _content_lines(text):
        start = ls
        for m in _SENT_END.finditer(text, ls, le):
            if m.group("glued") is not None:
                glued = _glued_end(text, start, m)
                if glued is None:
                    continue
                if text[start:glued].strip():
                    spans.append(_strip(text, start, glued))
                start = glued
                continue
            if m.group(0)[0] == ".":
                before = re.search(r"(\S+)$", text[start : m.start()])
                word = before.group(1).lower() if before else ""
                if word.rstrip(".") in _ABBREV or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                    continue
                if word.rstrip(".") in _SCALE_ABBREV and _SUM_GOES_ON.match(text, m.end()):
                    continue  # "830 mio. kr. til Ukraine", "100 mil. Kč", "500 εκατ. ευρώ"
                if (
                    re.fullmatch(r"\d{1,2}", word)
                    and m.end() < le
                    and text[m.end() + 1 : m.end() + 2].isalnum()
                ):
                    continue  # German ordinals and dates: "am 5. März", "das 22. Paket"
            end = m.end() if m.group(0)[0] != "\n" else m.start()
            if text[start:end].strip():
                spans.append(_strip(text, start, end))
            start = m.end()
        if text[start:le].strip():
            spans.append(_strip(text, start, le))
    return spans


def _content_lines(text: str) -> list[tuple[int, int]]:
    """Line spans without furniture: link and teaser lines, and the short title lines under a
    "See also"/"Related" heading up to the next blank line or long paragraph."""
    out: list[tuple[int, int]] = []
    teasers = False
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            teasers = False
            continue
        if cues.FURNITURE_HEADING.match(line):
            teasers = True
            continue
        if teasers and len(stripped) <= 160 and not re.search(r"[.!?]\s+\S", stripped):
            continue
        teasers = False
        if cues.FURNITURE.match(line) and (len(stripped) <= 200 or stripped.count("|") >= 2):
            continue
        if cues.HASHTAGS.search(line):
            continue
        out.append((start, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _segments(text: str, start: int, end: int, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in splitter.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


#: the comma that closes a relative clause set off in a sentence ("Mr Wallace, who is meeting
#: allies to discuss support, added that ..."): not one that goes on with examples
_RELATIVE_CLOSE = re.compile(
    rf",(?!\s*(?:{_EXAMPLES}|among\s+them|of\s+which|y\s+compris|parmi\s+(?:eux|elles)))"
)

#: relative pronouns that start a clause set off by commas (not the German articles "der",
#: "die", "das": ", die Niederlande liefern ..." goes on with another subject)
_SET_OFF = re.compile(r"\W*(?:which|who|whose|where|welche[rs]?|qui|lequel|laquelle)\b", re.I)


def _close_relatives(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A clause that starts with a relative pronoun ends at its first comma: what follows is
    the sentence going on ("Mr Wallace, who is meeting allies to discuss support, added that
    the UK will send ..." is no discussed sending), unless it goes on with examples ("...,
    which brings the total to 500, including 100 tanks")."""
    out: list[tuple[int, int]] = []
    for a, b in clauses:
        comma = _RELATIVE_CLOSE.search(text, a, b) if _SET_OFF.match(text, a, b) else None
        if comma is None:
            out.append((a, b))
        else:
            out += [(a, comma.start()), (comma.end(), b)]
    return out


_AGGRESSORS = nat.NOT_DONORS - {nat.RECIPIENT_DEFAULT}
#: more words than this between two item mentions of one chunk make them two phrases
#: ("Neben mehr Munition fordert die Ukraine seit einiger Zeit die Lieferung von Kampfjets")
_FAR_WORDS = 5
#: a gap that starts with a preposition keeps the phrase whole ("missiles for the ... SAMP/T")
_OF_LINK = re.compile(
    r"\W*(?:for|of|to|with|für|von|zur|zum|mit|pour|de|des|du|d['’]|avec|para|per|con|di)\b", re.I
)


def _split_far(
    text: str,
    segments: list[tuple[int, int]],
    items: list[ItemMention],
    masks: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Chunks cut between two item mentions that are far apart (a clause, not one noun phrase)."""
    out: list[tuple[int, int]] = []
    for cs, ce in segments:
        inside = [
            m for m in items if cs <= m.start < ce and not any(a <= m.start < b for a, b in masks)
        ]
        start = cs
        for left, right in pairwise(inside):
            gap = text[left.end : right.start]
            if len(re.findall(r"[\w'’-]+", gap)) > _FAR_WORDS and not _OF_LINK.match(gap):
                cut = left.end
                worth = _AFTER_ITEM_MONEY.match(gap)
                if worth is not None:
                    # "4000 granátů za asi 37 milionů korun a pošle 20 tanků": the item's value
                    # stays in its chunk, the cut falls after the sum
                    cut = next(
                        (b for a, b in masks if 0 <= a - (left.end + worth.end()) <= 8),
                        cut,
                    )
                out.append((start, cut))
                start = cut
        out.append((start, ce))
    return out


def find_date(text: str) -> dt.date | None:
    m = DATE.search(text)
    if m is None:
        return None
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        month = (m.group("m1") or m.group("m2")).lower()
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2"))
        return dt.date(year, _MONTH_NUMBER[month], day)
    except (ValueError, KeyError):
        return None


#: small words inside a title between a state and its official ("ministre de la Défense")
_TITLE_LINKS = {"of", "the", "for", "de", "la", "du", "des", "der", "für", "del", "di"}


def _passive_agent(text: str, sentence_start: int, m: nat.NationMention) -> bool:
    """Is a nation after "par" or "durch" the agent of a passive of giving ("livrés par
    l'Allemagne", "wurden durch Deutschland an die Ukraine geliefert"), not a place?"""
    end = text.find(".", m.end)
    end = len(text) if end < 0 else end
    if cues.TRANSIT.search(text, sentence_start, end):
        return False
    if cues.AGENT_PAR.search(text, max(sentence_start, m.start - 60), m.start):
        return True
    return bool(
        re.search(r"\bdurch\s+$", text[max(sentence_start, m.start - 8) : m.start], re.I)
        and cues.AGENT_DURCH_PASSIVE.search(text, sentence_start, end)
    )


def _other_tense(ctx: _Context, pattern: re.Pattern[str], sent: str) -> bool:
    """A tense word of the other languages (:mod:`.lexicon`) in a text in one of them."""
    return not ctx.core and pattern.search(sent) is not None


def _only_of(groups: list[list[nat.NationMention]], codes: list[str]) -> bool:
    """Every donor group names only states of ``codes`` (none at all included): the giver
    going on, named again ("..., the Pentagon said"), is no new donor."""
    return all(set(_codes(g)) <= set(codes) for g in groups)


def _donor_groups(
    mentions: list[nat.NationMention],
    text: str,
    sentence_start: int,
    items: list[ItemMention],
    lang_cues: cues.LanguageCues = cues.for_language(None),
    sentence_end: int | None = None,
) -> list[list[nat.NationMention]]:
    """Donor mentions grouped into lists ("the USA, Denmark, the Netherlands and Germany").

    Not donors: the recipient and the aggressor; a nation that is only a place ("in Poland");
    in a sentence about buying or exporting, a nation after "from"/"to" (the seller or the
    destination); a nation adjective right before an item ("German Leopard tanks"), unless no
    state is named otherwise and the sentence (up to ``sentence_end``) tells the items arrived
    or were delivered ("The first Dutch F-16s have arrived"). The words of place, media and
    lists are those of the text's language (``lang_cues``)."""
    donors = [m for m in mentions if not set(m.codes) & nat.NOT_DONORS]
    donors = [
        m
        for m in donors
        if (
            not lang_cues.place.search(text, max(sentence_start, m.start - 16), m.start)
            or _passive_agent(text, sentence_start, m)
        )
        and not lang_cues.firm_after.match(text, m.end, m.end + 40)
        and not cues.GIVE_TO_BEFORE.search(text, max(sentence_start, m.start - 24), m.start)
        and not cues.FIRM_BEFORE.search(text, max(sentence_start, m.start - 24), m.start)
        and not cues.COMPARED_BEFORE.search(text, max(sentence_start, m.start - 24), m.start)
        and not cues.TO_BEFORE.search(text, max(sentence_start, m.start - 24), m.start)
        and not cues.OWNER_BEFORE.search(text, max(sentence_start, m.start - 30), m.start)
        and not (
            _adjective(m)
            and cues.SCHEME_BEFORE.search(text, max(sentence_start, m.start - 16), m.start)
        )
        and not (_adjective(m) and cues.ORIGIN_NOUN.match(text, m.end, m.end + 40))
        and not cues.SCHEME_AFTER.match(text, m.end, m.end + 60)
    ]
    if cues.TRADE.search(text, sentence_start, donors[-1].end if donors else sentence_start):
        sellers = [
            m
            for m in donors
            if nat.SELLER_BEFORE.search(text, max(sentence_start, m.start - 10), m.start)
        ]
        donors = [m for m in donors if m not in sellers]
        if (
            sellers
            and sentence_end is not None
            # (bought from a state's stocks is aid bought for the recipient: PURL; given as
            # well as bought: "donated howitzers ..., after procuring new artillery from")
            and not any(_STOCKS_AFTER.match(text, m.end) for m in sellers)
            and not _GIVING.search(text, sentence_start, sentence_end)
            and not any(nat.RECIPIENT_DEFAULT in m.codes for m in mentions)
            and not cues.RECIPIENT_SIDE.search(text, sentence_start, sentence_end)
            and not cues.RECIPIENT_SIDE_MORE.search(text, sentence_start, sentence_end)
        ):
            # a state buying from another, with no word of the recipient: for itself
            # ("Poland buys 180 K2 tanks from South Korea", "Polen kauft ... aus Südkorea")
            donors = []
    # an office after a state's genitive or adjective is that state's: "Belgiens
    # Bundesregierung", "die österreichische Bundesregierung"
    donors = [
        m
        for k, m in enumerate(donors)
        if not (
            k > 0
            and donors[k - 1].codes != m.codes
            and text[donors[k - 1].end : m.start].isspace()
            and (_adjective(donors[k - 1]) or donors[k - 1].surface.endswith("s"))
        )
    ]
    item_starts = {i.start for i in items}
    named = [
        m for m in donors if not _adjective(m) or not any(0 < s - m.end <= 2 for s in item_starts)
    ]
    # no state named but by the adjective of the items that arrived or were delivered ("The
    # first Dutch F-16s have arrived in Ukraine"): the adjective names the giver
    if (
        named
        or sentence_end is None
        or not lang_cues.arrived.search(text, sentence_start, sentence_end)
    ):
        donors = named
    groups: list[list[nat.NationMention]] = []
    for m in donors:
        if groups:
            gap = text[groups[-1][-1].end : m.start]
            if (
                m.codes == groups[-1][-1].codes
                and len(gap) <= 40
                and not re.search(r"[,;:.()\"“”«»–—]|\s-\s", gap)
                and len(words := re.findall(r"[\w'’-]+", gap)) <= 5
                and all(w[0].isupper() or w.lower() in _TITLE_LINKS for w in words)
            ):
                # one state named twice in one phrase: "Latvian Defence Minister Andris Sprūds"
                groups[-1].append(m)
                continue
            if lang_cues.donor_join.fullmatch(gap) or (
                _VERB_GAP.fullmatch(gap)
                and _TOGETHER_OPENER.fullmatch(text, sentence_start, groups[-1][0].start)
            ):
                # (a sentence that opens with the partners, then the verb and the subject:
                # "Sammen med USA, Storbritannien og Holland vil Danmark donere ...", "Zusammen
                # mit den Niederlanden wird Deutschland ... liefern")
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


#: a sentence that opens with "together with" and the partners (read with :data:`_VERB_GAP`)
_TOGETHER_OPENER = re.compile(r"\W*(?:" + cues.TOGETHER_WITH + r")\s+(?:[\w'’]+\s+)?", re.I)
#: the verb between the partners of such an opener and the subject ("..., wird Deutschland")
_VERB_GAP = re.compile(r",?\s+[\w'’]+\s+(?:the\s+|die\s+|der\s+|la\s+|le\s+|l['’])?", re.I)


#: a state's stocks after its name ("a purchase from US stockpiles")
_STOCKS_AFTER = re.compile(r"\s+(?:stock\w*|inventor\w*|arsenal\w*|Beständen?|stocks?)\b", re.I)
#: giving, beside buying, in a sentence of trade
_GIVING = re.compile(
    r"\b(?:donat\w*|gave|give[sn]?|send\w*|sent|deliver\w*|provid\w*|hand\w*\s+over|schenk\w*"
    r"|spende\w*|gespendet|liefer\w*|geliefert|übergeb\w*|übergab\w*|don(?:ne|né|nera)\w*|livr\w*"
    r"|fourni\w*|envo\w*|enverr\w*|céd\w*)\b",
    re.I,
)


_RECIPIENT_PLACE = re.compile(
    r"(?i:ukr|ucr|oekr|kyiv|kiev|kiew|україн|украин|our\s|notre|nuestro|unser|mein|my\s)"
)


def _recipient_speaks(text: str, start: int, end: int) -> bool:
    """The recipient's people (its president, ministers, ambassadors) are named in
    text[start:end]: the sentence is their voice ("Selenskyj erwartet auch ..."), not the
    donor's going on."""
    for rx in (cues.RECIPIENT_SIDE, cues.RECIPIENT_SIDE_MORE):
        for m in rx.finditer(text, start, end):
            if not _RECIPIENT_PLACE.match(m.group(0)):
                return True
    return False


def _speaker_only(text: str, st: _Sentence, group: list[nat.NationMention], el: _Element) -> bool:
    """The group only says who speaks ("..., Austin said") while other givers are the subject
    of the giving ("Many countries are donating artillery ammunition")."""
    speaks = cues.SPEAKER_AFTER.match(text, group[-1].end, st.end) or cues.SPEAKER_BEFORE.search(
        text, max(st.start, group[0].start - 40), group[0].start
    )
    if not speaks:
        return False
    return any(
        not group[0].start - 40 <= m.start() <= group[-1].end + 40
        for m in cues.OTHER_GIVERS.finditer(text, st.start, el.start)
    )


#: a dollar sign or word right after a nation ("US$60 billion", "100 million U.S. dollars",
#: "235 Millionen US-Dollar", "dólares estadounidenses" the other way round)
_DOLLAR_AFTER = re.compile(
    r"[\s-]?(?:\$|dollars?\b|dollaro|dollari|dólar\w*|dolar\w*|долар\w*|доллар\w*)", re.IGNORECASE
)
_DOLLAR_BEFORE = re.compile(
    r"(?:dollars?|Dollar|dólares|dolares|dollari|dolarów|долар\w*|доллар\w*)\s$", re.IGNORECASE
)


def _names_currency(text: str, m: nat.NationMention) -> bool:
    """The nation names the currency of a sum ("US$247.4 million", "U.S. dollars", "dollars
    américains"): no donor, no place."""
    if "USA" not in m.codes:
        return False
    return (
        _DOLLAR_AFTER.match(text, m.end) is not None
        or _DOLLAR_BEFORE.search(text, max(0, m.start - 12), m.start) is not None
    )


#: "each" of the things priced, not of the givers ("two packages, each valued at €500
#: million", "deux paquets d'une valeur de ... chacun")
_EACH_PRICED = re.compile(
    r"\s*,?\s*(?:valued|worth|costing|priced|at\s+a\s+(?:cost|value)|with\s+a\s+value"
    r"|d['’]une\s+valeur|d['’]un\s+montant|im\s+Wert|mit\s+einem\s+Wert)\b",
    re.IGNORECASE,
)


def _each_donor(text: str, a: int, b: int) -> bool:
    """Does text[a:b] say that each of the givers gives the figures ("Germany and France will
    each send 10 tanks")? Not when "each" prices the things ("packages, each valued at")."""
    return any(_EACH_PRICED.match(text, m.end()) is None for m in cues.EACH.finditer(text, a, b))


#: the recipient's currency: its own spending ("contracts worth UAH 20 billion"), no donor's
_RECIPIENT_CURRENCY = {"UKR": "UAH"}


def _money_total(text: str, s: int, money: Money) -> bool:
    """The words around the sum tell a past total (:data:`.cues.MONEY_TOTAL_BEFORE`)."""
    before = text[max(s, money.start - 200) : money.start]
    if cues.MONEY_TOTAL_BEFORE.search(before) or cues.MONEY_ALREADY_AFTER.match(text, money.end):
        return True
    return (
        cues.MONEY_TOTAL_DE_BEFORE.search(before) is not None
        and cues.PARTICIPLE_AFTER.match(text, money.end) is not None
    )


def _future_part(text: str, st: _Sentence, at: int) -> bool:
    """The part of the sentence (up to "but", ";", a dash, "and" + verb) holding ``at`` speaks
    of the future ("will provide", "wird ... bereitstellen", "va fournir")."""
    for a, b in _segments(text, st.start, st.end, _MODAL_SPLIT):
        if a <= at < b:
            start = max(a, at - 80)
            return cues.FUTURE.search(text, start, at) is not None
    return False


def _pool_sum(text: str, s: int, e: int, money: Money) -> bool:
    """The sum is the size of a fund or budget the sentence's items are paid from."""
    if cues.FINANCED.search(text, s, e) is None:
        return False
    return (
        cues.POOL_SUM_BEFORE.search(text[max(s, money.start - 80) : money.start]) is not None
        or cues.POOL_SUM_AFTER.search(text[money.end : e]) is not None
    )


def _adjective(m: nat.NationMention) -> bool:
    """A nation adjective ("German", "amerikanische", "français"), not the nation's name
    (a country's own name that ends like an adjective: "Taiwan", "Japan", "Iran")."""
    if m.surface in nat.country_names():
        return False
    return m.surface[:1].islower() or m.surface.endswith(("an", "ish", "ch", "ese", "ian"))


#: the first of a number of items: one of them ("the first of four IRIS-T systems", "den
#: ersten von zwölf", "le premier des quatre")
_FIRST_OF = re.compile(
    r"\b(?:the\s+first|den\s+ersten|die\s+erste|das\s+erste|le\s+premier|la\s+première"
    r"|il\s+primo|la\s+prima|el\s+primero|la\s+primera)\s+(?:of|von|des|dei|delle|degli"
    r"|de\s+los|de\s+las)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: a nation's name as the first part of a compound ("U.S.-supplied", "US-made")
_COMPOUND = re.compile(r"-[^\W\d_]")


def _within(mentions: list[Any], starts: list[int], start: int, end: int) -> list[Any]:
    """The mentions (sorted by start; ``starts`` their starts) inside text[start:end]."""
    out = []
    for i in range(bisect.bisect_left(starts, start), len(mentions)):
        m = mentions[i]
        if m.start >= end:
            break
        if m.end <= end:
            out.append(m)
    return out


def _to_other_forces(text: str, sentence_start: int, n: nat.NationMention) -> bool:
    """The nation ``n`` names the forces that receive: "give the Czech army", "to the Slovak
    armed forces", "der tschechischen Armee", "à l'armée grecque" (a state's adjective, with its
    forces after it, or in French before it)."""
    before = text[max(sentence_start, n.start - 30) : n.start]
    if not cues.FORCES_TO_BEFORE.search(before):
        return False
    french = re.search(r"(?:armée|forces\s+armées)\s+$", before) is not None
    return french or cues.FORCES_AFTER.match(text, n.end) is not None


#: a nation named as where arms are made or bought, not as their giver: "U.S. weapons", "the
#: U.S.-NATO mechanism", "armes américaines", "armes de fabrication américaine", "uzbrojenie
#: produkcji USA", "sourced from the U.S."
_ORIGIN_AFTER = re.compile(
    r"(?:-made|-produced|-built|-NATO|\s+and\s+NATO)?\s+(?:arms|weapons?|weaponry|munitions"
    r"|defen[cs]e\s+(?:equipment|systems)|mechanism|initiative|framework|programme|program)\b",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"(?:\b(?:armes|armement|Waffen|armas|armi|uzbrojeni\w*|zbraně|weapons|arms)\s+"
    r"(?:\w+\s+){0,2}|\b(?:fabrication|produkcji|výroby|made\s+in|produced\s+in|manufactured\s+in"
    r"|wyproduk\w*\s+w|hergestellt\s+in|fabriqu\w*\s+(?:aux|en|au)|fabricad\w*\s+en|sourced\s+from"
    r"|purchased\s+from|bought\s+from)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def _arms_origin(text: str, m: nat.NationMention) -> bool:
    """``m`` names where the arms come from or are bought ("U.S. weapons"), not a giver."""
    return bool(
        _ORIGIN_AFTER.match(text, m.end)
        or _ORIGIN_BEFORE.search(text[max(0, m.start - 40) : m.start])
    )


#: right after a nation, the verb of its receiving: English here, the other languages' words
#: (:data:`.cues.RECEIVE_CUE`) read where the group ends (two auxiliaries or adverbs allowed)
_RECEIVER_AFTER = re.compile(
    r"\s+(?:(?:will|shall|would|is\s+to|are\s+to|also|soon|now|has|have|had|wird|werden|hat"
    r"|va|vont|a|ont)\s+){0,2}(receiv\w*|(?<=will\s)get\b|obtain\w*)?",
    re.IGNORECASE,
)


#: a source right before a nation ("aus Spanien erhalten", "von Deutschland erhalten")
_SOURCE_BEFORE = re.compile(
    r"\b(?:from|von|vom|aus|de|du|des|van|uit|od|ze|z|з|від|от|из|frá|fra|från)\s+"
    r"(?:(?:the|den|dem|der|les|la|le|l['’]|de)\s*)?$",
    re.IGNORECASE,
)


def _codes(group: list[nat.NationMention]) -> list[str]:
    out: list[str] = []
    for m in group:
        for c in m.codes:
            if c not in out:
                out.append(c)
    return out


#: categories counted in units of which no donor gives :data:`_MOST_PLATFORMS` or more: a number
#: that large before one of them is a sum or a slip, not a count
_PLATFORMS = frozenset(
    {
        "main-battle-tank",
        "armoured-vehicle",
        "aircraft",
        "helicopter",
        "naval",
        "air-defence-system",
        "artillery-system",
        "rocket-artillery-system",
        "vehicle",
    }
)
_MOST_PLATFORMS = 100_000
#: no donor gives this many artillery pieces at once: a count this large of a word for both
#: the gun and its shell (Spanish and Portuguese "obús", "obuses") is of shells
_MOST_GUNS = 1_000
_GUN_OR_SHELL = re.compile(r"\bob[uú]s(?:es)?\b", re.IGNORECASE)


#: what comes before a speaker's tag (", mondta Zelenszkij", '" dedi Zelenskiy', "» – sagte"):
#: a comma, a closing quote or a dash, read by ``_clause_final``
_TAG_BEFORE = re.compile(r"(?:,|[\"”»“]|\s[-–—])\s*")


class Extractor:
    """Reads texts; construct once (the item table compiles its patterns) and reuse. Holds no
    state of a reading, so one extractor may read several texts at the same time."""

    def __init__(
        self,
        items: ItemTable | None = None,
        recipient: str = nat.RECIPIENT_DEFAULT,
        *,
        modality: bool = True,
    ):
        self.items = items or ItemTable()
        self.recipient = recipient
        #: the modality filter (:mod:`.modality`) drops unlikely pledges; off for training it
        # (imported here so that ``python -m materiel.ingest.modality`` runs it only once)
        from materiel.ingest import modality as modality_filter

        self.modality = modality_filter.shipped() if modality else None

    # -- per text --------------------------------------------------------------------
    def read(self, text: str, *, date: dt.date | None = None) -> Reading:
        if cjk.is_cjk(text):
            return self._read_cjk(text, date or find_date(text))
        ctx = _Context(text, guess_lang(text), date or find_date(text))
        ctx.core = _core_language(text)
        ctx.lang_cues = cues.for_language(_cue_language(text, ctx.lang, ctx.core))
        ctx.speakers = Speakers(text)
        # mentions are found once in the whole text, then handed to their sentences
        ctx.nations = [
            n for n in nat.find_nations(text, not ctx.core) if not _names_currency(text, n)
        ]
        ctx.money = find_money(text, ctx.lang)
        # a text in English, German or French is read without the other languages' item words
        # (the same output, read faster); any other with all of them (a short text's language
        # is easily mistaken)
        ctx.items = self.items.find(text, ctx.lang if ctx.core else None)
        ctx.starts = {
            "nations": [m.start for m in ctx.nations],
            "money": [m.start for m in ctx.money],
            "items": [m.start for m in ctx.items],
        }
        sentences = split_sentences(text)
        for index, (s, e) in enumerate(sentences):
            ctx.ahead = self._ahead(ctx, sentences, index) if not ctx.donors else []
            full = text[e - 1] in ".!?" or text[e - 2 : e - 1] in (".", "!", "?")
            ctx.headline = not ctx.body_started and not full
            ctx.body_started = ctx.body_started or full
            self._sentence(ctx, self._mentions(ctx, index, s, e))
        drafts = ctx.drafts + self._unspecified(ctx)
        if cues.PURL.search(text):
            # under PURL allies buy American arms for the recipient: the United States sells
            # them (none of the 66 tuning texts that name PURL labels a US pledge)
            drafts = [d for d in drafts if d.kind != "pledge" or d.fields["donor"] != "USA"]
        _pool_purpose(text, sentences, drafts)
        merged = _one_item_value(_merge(drafts, ctx.list_of), text, sentences)
        if self.modality is not None:
            merged = self.modality.filter(text, sentences, merged, core=ctx.core)
        merged.sort(key=lambda d: _KIND_ORDER[d.kind])
        return Reading(text, merged, ctx.lang)

    def _read_cjk(self, text: str, when: dt.date | None) -> Reading:
        """A text in Chinese, Japanese or Korean, read by :mod:`.cjk`."""
        drafts: list[Draft] = []
        spans = cjk.sentences(text)
        titles = cjk.title_lines(text, spans)
        for row in cjk.read(text, spans):
            fields: dict[str, Any]
            if row.kind == "pledge":
                fields = _pledge_fields(
                    row.donor,
                    self.recipient,
                    row.category,
                    when,
                    quantity=row.quantity,
                    amount=row.amount,
                    currency=row.currency,
                )
            elif row.kind == "fund":
                fields = {
                    "category": row.category,
                    "amount": row.amount,
                    "currency": row.currency,
                    "caliber": None,
                    "item_code": None,
                }
            else:
                fields = _need_fields(self.recipient, row.category, "high")
            drafts.append(
                Draft(
                    row.kind, fields, row.start, row.end, row.start, row.sentence,
                    row.sentence in titles,
                )
            )  # fmt: skip
        merged = _merge(drafts)
        if self.modality is not None:
            merged = self.modality.filter(text, spans, merged, core=False)
        merged.sort(key=lambda d: _KIND_ORDER[d.kind])
        return Reading(text, merged, cjk.script(text))

    @staticmethod
    def _ahead(ctx: _Context, sentences: list[tuple[int, int]], index: int) -> list[str]:
        """The donors the next two sentences name first, for a pledge sentence at the start of a
        text that names none and has none before it ("The package includes four HIMARS. The
        United States announced it on Friday.")"""
        a, b = sentences[index]
        if cues.RECIPIENT_ANY_LANGUAGE.match(ctx.text, a, b) or cues.RECIPIENT_SIDE.match(
            ctx.text, a, b
        ):
            return []  # the recipient is the subject ("Ukraine bestellt ...")
        for s, e in sentences[index + 1 : index + 3]:
            if len(ctx.text[s:e].split()) < 4:
                return []  # a dateline ("Berlin."), not a sentence
            nations = _within(ctx.nations, ctx.starts["nations"], s, e)
            groups = _donor_groups(nations, ctx.text, s, [], ctx.lang_cues)
            # a list in brackets is an aside ("together with the other member countries
            # (Germany, the Netherlands, ...), Luxembourg is providing ..."): not the giver
            groups = [
                g
                for g in groups
                if ctx.text.count("(", s, g[0].start) <= ctx.text.count(")", s, g[0].start)
            ]
            if groups:
                return _codes(groups[0])
        return []

    def _mentions(self, ctx: _Context, index: int, s: int, e: int) -> _Sentence:
        text = ctx.text
        sent = text[s:e]
        nations = _within(ctx.nations, ctx.starts["nations"], s, e)
        money = _within(ctx.money, ctx.starts["money"], s, e)
        items = _within(ctx.items, ctx.starts["items"], s, e)
        masks = [(m.start, m.end) for m in money] + [(n.start, n.end) for n in nations]
        masks += [(d.start() + s, d.end() + s) for d in DATE.finditer(sent)]
        masks += [(d.start() + s, d.end() + s) for d in DAY_MONTH.finditer(sent)]
        # the aggressor's own weapons are no item given or asked for: named by its adjective
        # ("Russian rockets", "russische Drohnen") or launched by it ("Russia had launched 130
        # missiles, more than 320 attack drones and nearly 900 guided bombs")
        for n in nations:
            if not set(n.codes) & _AGGRESSORS:
                continue
            if _adjective(n):
                masks += [(m.start, m.end) for m in items if 0 < m.start - n.end <= 2]
            if u := cues.AGGRESSOR_LAUNCH.match(text, n.end):
                masks += [(m.start, m.end) for m in items if 0 <= m.start - u.end() <= 120]
        # an attack named by its weapon ("missile attacks", "attaques de drones")
        masks += [
            (m.start, m.end)
            for m in items
            if cues.ATTACK_AFTER.match(text, m.end)
            or cues.ATTACK_BEFORE.search(text, max(s, m.start - 40), m.start)
        ]
        # a threat the items protect against ("protection against drones and aerial bombs")
        masks += [
            (m.start, m.end)
            for m in items
            if cues.AGAINST_BEFORE.search(text, max(s, m.start - 60), m.start)
        ]
        # targets of a verb of interception ("designed to intercept aircraft, helicopters and
        # cruise missiles"): what comes after it in the sentence is shot at, not given
        for t in cues.TARGET_VERB.finditer(text, s, e):
            masks += [(m.start, m.end) for m in items if 0 <= m.start - t.end() <= 120]
        # the equipment that parts and service are for ("spare parts for equipment, including
        # the tanks in service"): served, not given
        for t in cues.SERVICE_FOR.finditer(text, s, e):
            masks += [
                (m.start, m.end)
                for m in items
                if 0 <= m.start - t.end() <= 80 and not _STOP.search(text, t.end(), m.start)
            ]
        # "in addition to the 14 already sent": the past total is the aside's own; its numbers
        # and items are no part of the new pledge, and its cue does not make the clause past
        asides = [(m.start(), m.end()) for m in cues.PAST_TOTAL_ASIDE.finditer(text, s, e)]
        masks += asides
        groups = _donor_groups(nations, text, s, items, ctx.lang_cues, e)
        clauses = _close_relatives(text, _segments(text, s, e, ctx.lang_cues.clause_split))
        # a question announces nothing ("doit-elle ou non livrer des chars ?")
        question = _QUESTION.search(sent) is not None
        title = index == 0 or ctx.headline
        request = title and ctx.lang_cues.request.search(sent) is not None
        commits = ctx.lang_cues.commits.search(sent) is not None
        st = _Sentence(index, s, e, nations, groups, money, masks, clauses)
        st.elements = self._elements(ctx, st, items)
        attributive = cues.attributive_past(text, s, e)
        blanked = blank(text, asides)
        opener = _CONCESSIVE_OPENER.match(text, s, e)
        for el in st.elements:
            for a, b in clauses:
                if a <= el.start < b:
                    # the concessive clause that opens the sentence is a clause apart
                    # ("Although Berlin had refused for months, Germany will send ...")
                    a, b = _apart((a, b), opener, el.start)
                    if any(a < y and x < b for x, y in asides):
                        el.cumulative = _clause_flags(blanked, a, b, ctx.other)[0]
                    else:
                        el.cumulative = ctx.clause_flags(a, b)[0]
            el.cumulative = el.cumulative or el.superseded or _past_event(blanked, s, e, el.start)
            if el.quantity is not None and any(
                el.start < y + 2 and x < el.end + 2 for x, y in attributive
            ):
                # the counted thing the attributive phrase names is the past one ("aux 18
                # Caesar déjà livrés", "the five helicopters sent earlier"), whatever else the
                # clause gives
                el.cumulative = True
            el.not_given = question or _not_given(ctx, s, e, clauses, el.start)
            if (
                title
                and el.not_given
                and not el.cumulative
                and not request
                and el.category not in _GENERIC_CATEGORIES
            ):
                # the title's modality spans the text ("Scholz rules out Taurus"): the same
                # kind of item told again below, with no word of commitment of its own, is
                # the same refused or considered one
                ctx.title_not_given.add(el.category)
            elif el.category in ctx.title_not_given and not title and not commits:
                el.not_given = True
            if el.money is not None and (
                _money_total(text, s, el.money)
                or _pool_sum(text, s, e, el.money)
                or cues.ANNUAL_AFTER.match(text, el.money.end) is not None
                or el.money.currency == _RECIPIENT_CURRENCY.get(self.recipient)
                or (
                    cues.SHARE_OF_BEFORE.search(text, max(s, el.money.start - 60), el.money.start)
                    and not cues.FUND_NAMED_AFTER.match(text, el.money.end)
                )
            ):
                # a past total ("has provided ... over €400 million"), the size of the pool
                # that pays for the items, a sum per year, the recipient's own spending (in
                # its currency), a whole of which a share is given ("10 % des 300 millions
                # d'euros"): no new pledge's value; an item named with it keeps its
                # pledge without the sum
                if el.category == "unspecified":
                    el.cumulative = True
                else:
                    el.money = None
        return st

    def _sentence(self, ctx: _Context, st: _Sentence) -> None:
        text, s, e = ctx.text, st.start, st.end
        sent = text[s:e]
        # a recap goes on: after a sentence of past totals, a sentence in the past that names
        # no new donor ("Prague also sent medical equipment", "1,600 Stingers were delivered")
        # is more of the same total
        # (the donor of the recap named again is no new one: "Poland also handed over ...")
        same = _only_of(st.donors, ctx.donors)
        future = bool(cues.FUTURE.search(sent)) or _other_tense(ctx, ctx.lang_cues.future, sent)
        # (read only while a recap goes on)
        past = ctx.recap and bool(
            cues.PAST_VERB.search(sent) or _other_tense(ctx, ctx.lang_cues.past, sent)
        )
        if (
            ctx.recap
            and st.elements
            and (same or cues.ALSO_PAST.search(sent))
            and past
            and not future
        ) or (ctx.list_open and ctx.list_recap and st.elements and not st.donors):
            # (the items of a list that a recap announced: "Polska dostarczyła Ukrainie ...,
            # w tym:" then "318 czołgów;" are more of the same total)
            for el in st.elements:
                el.cumulative = True
        recap_intro = past and not future
        if st.elements:
            ctx.recap = all(el.cumulative for el in st.elements)
        elif not same or future:
            ctx.recap = False
        # (a sentence with no item, no donor and no future leaves a recap going: "Poland also
        # gave air support." between two sentences of a past total)
        if (
            any(self.recipient in n.codes for n in st.nations)
            or cues.RECIPIENT_SIDE.search(sent)
            or (not ctx.core and cues.RECIPIENT_ANY_LANGUAGE.search(sent))
        ):
            ctx.recipient_at = st.index
        if self._names_recipient(ctx, st):
            ctx.away = False
        needs = self._need_sentence(ctx, st)
        if needs is None and ctx.need_open == st.index - 1:
            needs = self._need_list(ctx, st)
        if needs is not None and not any(d.fields["category"] != "unspecified" for d in needs):
            ctx.need_open = st.index  # "was fehlt? Seine Antwort: ...", "... needs:" then a list
        if needs:
            # the recipient's request is no donor's pledge ("Kyiv asked Germany for Taurus");
            # a request that governs no item ("... who also called for new sanctions") leaves
            # the sentence's pledges alone
            ctx.drafts.extend(needs)
            return
        national = [g for g in st.donors if nat.EU_CODE not in _codes(g)]
        # what an initiative or a coalition has raised is the pool's, whoever leads it ("Dank
        # der deutschen Initiative ... konnte bereits fast eine Milliarde Euro eingesammelt
        # werden")
        pool_raised = bool(cues.POOL_KIND.search(sent) and cues.RAISED.search(sent))
        if (
            (cues.FUND_CUE.search(sent) or cues.SPECIFIC_FUND.search(sent) or pool_raised)
            and (not national or pool_raised)
            and (
                cues.SPECIFIC_FUND.search(sent)
                or cues.POOL_SUBJECT.match(sent)
                or not ctx.donors
                or st.donors
            )
        ):
            ctx.drafts.extend(self._funds(ctx, st))
            if st.donors:
                ctx.donors = _codes(st.donors[-1])
            return
        bullet = cues.BULLET.match(sent) is not None
        # the items of a list go on the package announced before it: after a sentence ending
        # with ":", or bullet lines right after a pledge sentence
        listed = (
            (ctx.list_open and (bullet or len(sent) <= 200)) or (bullet and ctx.pledged_at >= 0)
        ) and not st.donors
        if not listed:
            ctx.list_open = False
        elif ctx.list_open:
            ctx.list_of[st.index] = ("list", ctx.list_start)
        else:
            ctx.list_of[st.index] = ctx.list_of.get(st.index - 1, ("bullets", st.index))
        if (
            not st.elements
            and not st.donors
            and ctx.pledged_at == st.index - 1 >= 0
            and sent.rstrip().endswith(":")
        ):
            # a line that introduces the list of the package just announced ("Es wird
            # Folgendes beinhalten:", "It will include:"): the list goes on that package
            ctx.list_open = True
            ctx.list_recap = recap_intro
            ctx.list_start = st.index
            ctx.pledged_at = st.index
            return
        if not bullet:
            ctx.pledged_at = -1
        pledge_word = cues.PLEDGE_CUE.search(sent) or (
            # in other languages a pledge word counts where the recipient is named with it, and
            # in any language the recipient receiving
            (
                (not ctx.core and ctx.lang_cues.pledge.search(sent))
                or ctx.lang_cues.receive.search(sent)
            )
            and (
                cues.RECIPIENT_ANY_LANGUAGE.search(sent)
                or (
                    # the recipient named just before, and a giving now or to come ("Onsdag
                    # ble det kjent at regjeringen donerer mer luftvernutstyr ..."), not a
                    # recap in the past ("Byli jsme první, kdo dodal munici, tanky ...")
                    not ctx.core
                    and ctx.recipient_at >= max(0, st.index - 1)
                    and not _other_tense(ctx, ctx.lang_cues.past, sent)
                )
            )
        )
        pledge_word = pledge_word or cues.PLEDGE_CUE_MORE.search(sent)
        # a sentence that goes on with the pledges just before it ("It also includes ...",
        # "Darüber hinaus ...", "Von den 5,6 Milliarden ...") and names no donor of its own
        # (a donor named only as the same giver going on, "..., the Pentagon said", is none
        # of its own)
        continued = (
            _only_of(st.donors, ctx.pledge_donors)
            and st.elements
            and (
                0 < st.index - ctx.pledge_at <= 2
                # a sentence that lists the package's contents ("Sie beinhalte ... und umfasse
                # 18 Radhaubitzen") goes on with it further on, while no other donor was named
                or (
                    0 < st.index - ctx.pledge_at <= 6
                    and ctx.donors == ctx.pledge_donors
                    and ctx.lang_cues.contents.search(sent) is not None
                )
            )
            and ctx.recipient_at >= 0  # the text is about the recipient
            and ctx.lang_cues.continues.search(sent) is not None
            and not _recipient_speaks(text, s, st.elements[0].start)
        )
        if continued:
            ctx.donors = list(ctx.pledge_donors)
        if (not pledge_word and not listed and not continued) or self._elsewhere(ctx, st):
            if st.donors:
                ctx.donors = _codes(st.donors[-1])
            return
        if sent.rstrip().endswith(":"):
            ctx.list_open = True
            ctx.list_recap = recap_intro
            ctx.list_start = st.index
        # a coalition's purpose is a pledge only with the donor's money into it ("€20 million
        # for the drone coalition"), not when the coalition is merely named
        ctx.pledged_at = st.index if ctx.donors or st.donors else -1
        live = [
            el
            for el in st.elements
            if not el.cumulative
            and not el.not_given
            and not (el.coalition and el.money is None)
            and not (el.category == "unspecified" and self._civil(ctx, st, el))
        ]
        ctx.channel = next((n for n, rx in cues.CHANNEL_CUES if rx.search(sent)), ctx.channel)
        inherit = (
            continued or not st.nations or all(self.recipient in n.codes for n in st.nations)
        ) and not cues.FIRM.search(sent)
        given: set[str] = set()
        # "Belgium and the Netherlands have promised €200 million and €100 million,
        # respectively": the n-th sum (or count) is the n-th donor's
        respective = cues.RESPECTIVELY.search(sent) is not None
        sums = [x for x in live if x.money is not None]
        counts = [x for x in live if x.money is None and x.quantity is not None]
        for el in live:
            donors, dspan, joint = self._donors_for(ctx, st, el, inherit)
            figures = sums if el.money is not None else counts
            if respective and len(donors) > 1 and len(figures) == len(donors) and el in figures:
                donors, joint = [donors[figures.index(el)]], False
            if (
                not donors
                and not st.donors
                and inherit
                and el.money is not None
                and el.money.amount is not None
                and cues.OTHER_GIVERS.search(text, s, el.start)
            ):
                # a sum that many unnamed givers promise together ("18 Staaten haben 1,6
                # Milliarden Euro zugesagt") is a pool's
                ctx.drafts.extend(self._funds(ctx, st, [el]))
                continue
            if (
                el.money is not None
                and el.money.amount is not None
                and cues.FUND_NAMED_AFTER.match(text, el.money.end)
            ):
                # the sum is the size of the pool it names ("... to the €5bn Ukraine Assistance
                # Fund"): a fund entry, no donor's pledge
                ctx.drafts.extend(self._funds(ctx, st, [el]))
                continue
            if (
                joint
                and el.money is not None
                and el.money.amount is not None
                and (
                    cues.COLLECTIVE.search(sent)
                    or cues.FUND_CUE.search(sent)
                    or cues.FUNDED_BY.search(sent)
                )
            ):
                # a sum several states give together is a pool of theirs: a fund entry, and
                # each state's share unknown (its pledge carries no amount)
                ctx.drafts.extend(self._funds(ctx, st, [el]))
            for donor in donors:
                given.add(donor)
                if donor == nat.EU_CODE:
                    # money of the EU institutions is a pool (EPF, ASAP, Ukraine Facility)
                    if el.money is not None and el.money.amount is not None and not joint:
                        ctx.drafts.extend(self._funds(ctx, st, [el]))
                    continue
                ctx.drafts.append(self._pledge(ctx, st, el, donor, dspan, joint))
        if given:
            ctx.pledge_donors, ctx.pledge_at = sorted(given), st.index
        announced: set[str] = set()
        # a question announces no package either ("Planeras det att Sverige ska skicka fler
        # vapen till Ukraina?")
        for a, b in [] if _QUESTION.search(sent) else st.clauses:
            if not any(a <= g[0].start < b for g in st.donors):
                continue
            # a list of donors split by its commas into several clauses ("Großbritannien,
            # Estland, ..., die Niederlande und die Slowakei haben weitere Militärhilfepakete
            # angekündigt"): the clauses up to the one that holds its last name are one
            last = max(g[-1].start for g in st.donors if a <= g[0].start < b)
            span = [(x, y) for x, y in st.clauses if a <= x <= last]
            end = max(y for _, y in span)
            if any(any(ctx.clause_flags(x, y)) for x, y in span):
                continue
            if not ctx.lang_cues.arms.search(text, a, end):
                continue
            if not ctx.lang_cues.commits.search(text, a, end):
                continue
            for g in st.donors:
                if a <= g[0].start < end:
                    for code in _codes([m for m in g if not _arms_origin(text, m)]):
                        # the EU's money for arms is a pool's (a fund entry when its sum is
                        # told), never a package of its own
                        if code not in given and code != nat.EU_CODE:
                            ctx.named.setdefault(code, _strip(text, a, end))
                            announced.add(code)
        if announced and not given:
            # a package announced with no item ("Finland sends its 17th package."): the next
            # sentences may list its contents ("It contains air defence weapons ...")
            ctx.pledge_donors, ctx.pledge_at = sorted(announced), st.index
        if st.donors:
            ctx.donors = _codes(st.donors[-1])

    @staticmethod
    def _civil(ctx: _Context, st: _Sentence, el: _Element) -> bool:
        """A sum for a civil purpose (humanitarian aid, energy, reconstruction) in the sum's own
        phrase, with no arms named there: not military aid."""
        for a, b in _segments(ctx.text, st.start, st.end, ctx.lang_cues.chunk_split):
            if a <= el.start < b:
                # "aide humanitaire, ... et 50 millions pour des équipements militaires"
                return (
                    cues.CIVIL.search(ctx.text, a, b) is not None
                    and not ctx.lang_cues.arms.search(ctx.text, a, b)
                ) or _mixed_aid(ctx.text, st, el)
        return False

    def _elsewhere(self, ctx: _Context, st: _Sentence) -> bool:
        """The items go to another nation than the recipient ("export ... to the United
        States"), or to the donor's own forces, and the recipient is not named; a sentence
        after such a one that does not name the recipient either ("The package includes ...")
        goes on with the same purchase or aid."""
        away = self._away(ctx, st)
        if self._names_recipient(ctx, st):
            ctx.away = False  # whatever came before, this sentence is about the recipient
            return away
        ctx.away = away or (ctx.away and bool(st.elements))
        return ctx.away

    def _names_recipient(self, ctx: _Context, st: _Sentence) -> bool:
        return (
            any(self.recipient in n.codes for n in st.nations)
            or cues.RECIPIENT_ANY_LANGUAGE.search(ctx.text, st.start, st.end) is not None
            or cues.RECIPIENT_SIDE.search(ctx.text, st.start, st.end) is not None
        )

    def _away(self, ctx: _Context, st: _Sentence) -> bool:
        """:meth:`_elsewhere` for one sentence."""
        named = any(self.recipient in n.codes for n in st.nations)
        recipient_named = self._names_recipient(ctx, st)
        if not recipient_named and (
            cues.OWN_FORCES.search(ctx.text, st.start, st.end)
            or cues.OTHER_DESTINATION.search(ctx.text, st.start, st.end)
            or (
                cues.PRODUCTION.search(ctx.text, st.start, st.end)
                and not cues.FINANCES.search(ctx.text, st.start, st.end)
            )
        ):
            return True  # a purchase for the donor's own forces or stocks
        trade = cues.TRADE.search(ctx.text, st.start, st.end) is not None
        for n in st.nations:
            if self.recipient not in n.codes and _to_other_forces(ctx.text, st.start, n):
                return True  # "gives the Czech army 15 Leopard 2": a ring exchange
            if self.recipient in n.codes or _adjective(n) or _COMPOUND.match(ctx.text, n.end):
                # "to the Czech initiative" names a scheme, "for the U.S.-supplied HIMARS" the
                # items' maker, not where items go
                continue
            if any(m.start <= n.start < m.end for m in st.money):
                continue  # a currency ("amounts to US$9 million"), not a destination
            after = _RECEIVER_AFTER.match(ctx.text, n.end, st.end)
            if (
                after
                and not _SOURCE_BEFORE.search(ctx.text, max(st.start, n.start - 16), n.start)
                and (after.group(1) or ctx.lang_cues.receive.match(ctx.text, after.end(), st.end))
            ):
                return True  # "Tschechien erhält 14 deutsche Leopard-2": the items go there
            before = ctx.text[max(st.start, n.start - 24) : n.start]
            to = (
                cues.DESTINATION_BEFORE.search(before)
                or cues.GIVE_TO_BEFORE.search(before)
                or cues.ARRIVED_IN_BEFORE.search(before)
            )
            if to and not _ACCORDING.search(before) and (trade or not named):
                return True
        return False

    # -- statements of need ----------------------------------------------------------
    def _actors(self, ctx: _Context, st: _Sentence) -> list[tuple[int, int, str]]:
        """Who may be the subject of a request in a sentence, in text order: ``recipient``
        (its name, officials, titles), ``other`` (another nation, a donor's or NATO's official,
        an analyst), ``first`` (we, wir, nous) and ``third`` (he, sie, il)."""
        text, s, e = ctx.text, st.start, st.end
        out: list[tuple[int, int, str]] = []
        for rx in (cues.RECIPIENT_SIDE, cues.RECIPIENT_SIDE_MORE, RECIPIENT_OFFICIALS):
            out += [(m.start(), m.end(), "recipient") for m in rx.finditer(text, s, e)]
        names = ctx.speakers.recipient_names if ctx.speakers is not None else None
        if names is not None:  # a recipient official the text introduced by title
            out += [(m.start(), m.end(), "recipient") for m in names.finditer(text, s, e)]
        for n in st.nations:
            side = "recipient" if self.recipient in n.codes else "other"
            out.append((n.start, n.end, side))
        for rx in (OTHER_OFFICIALS, cues.OTHER_VOICE):
            out += [(m.start(), m.end(), "other") for m in rx.finditer(text, s, e)]
        for m in cues.SUBJECT_PRONOUN.finditer(text, s, e):
            if not ctx.core and m.group(0).lower() == "je":
                continue  # "Ukrajina je zatražila": Croatian, Slovene, Czech, Slovak "is"
            out.append((m.start(), m.end(), "first" if m.group("first") else "third"))
        out.sort()
        # a title and its name are one actor ("Ukrainian Defence Minister Umerov"): the
        # recipient's side wins within a span that overlaps
        merged: list[tuple[int, int, str]] = []
        for a in out:
            if merged and a[0] < merged[-1][1]:
                last = merged[-1]
                side = "recipient" if "recipient" in (last[2], a[2]) else last[2]
                merged[-1] = (last[0], max(last[1], a[1]), side)
            else:
                merged.append(a)
        return merged

    def _need_cues(self, ctx: _Context, st: _Sentence) -> list[tuple[int, int, bool]]:
        """The request cues (start, end, asking) of a sentence: a verb of asking
        (:data:`.cues.REQUEST`), else a word of need or lack (:data:`.cues.NEED_CUE`)."""
        text, s, e = ctx.text, st.start, st.end
        out = [(m.start(), m.end(), True) for m in ctx.lang_cues.request.finditer(text, s, e)]
        more = [*ctx.lang_cues.need.finditer(text, s, e), *cues.NEED_MORE.finditer(text, s, e)]
        for m in sorted(more, key=lambda m: m.start()):
            if any(a < m.end() and m.start() < b for a, b, _ in out):
                continue
            if re.search(r"\bmore\s+than\b|\bplus\s+de\s+\d", m.group(0), re.I):
                continue  # "receive the more than two dozen vehicles": a count, not a wish
            out.append((m.start(), m.end(), False))
        out.sort()
        return out

    @staticmethod
    def _relative_object(
        ctx: _Context, actors: list[tuple[int, int, str]], st: _Sentence, a: int
    ) -> bool:
        """The request is a relative clause about the items before it ("the Leopard tanks that
        Kyiv has requested", "les chars Leopard que Kiev réclame", "die Kampfpanzer, die Kiew
        fordert"): a relative pronoun right before the subject of the cue."""
        before = [x for x in actors if x[1] <= a and x[0] >= st.start]
        if not before:
            return False
        x = before[-1]
        return cues.RELATIVE_BEFORE.search(ctx.text, max(st.start, x[0] - 14), x[0]) is not None

    @staticmethod
    def _clause_start(ctx: _Context, st: _Sentence, a: int) -> int:
        """Where the clause of the word at ``a`` starts (after the last scope end before it)."""
        clause = st.start
        for m in ctx.lang_cues.request_scope_end.finditer(ctx.text, st.start, a):
            clause = m.end()
        return clause

    def _copula_before(self, ctx: _Context, st: _Sentence, a: int) -> bool:
        """A copula in the clause before a word of need ("shells are Ukraine's first need")."""
        return cues.COPULA.search(ctx.text, self._clause_start(ctx, st, a), a) is not None

    @staticmethod
    def _clause_final(ctx: _Context, st: _Sentence, b: int) -> bool:
        """The cue ends its clause (a German verb at the end: "... habe Kiew 812 Drohnen
        beantragt", "... um Flugabwehr gebeten"), or only its speaker's tag follows it
        (", mondta Zelenszkij", ", dedi Zelenskiy": the verb last in Hungarian and Turkish):
        what it governs stands before it."""
        end = st.end
        m = ctx.lang_cues.request_scope_end.search(ctx.text, b, st.end)
        if m is not None:
            end = m.start()
        tag = next(
            (
                c
                for c in _TAG_BEFORE.finditer(ctx.text, b, end)
                if SPEECH_VERB.match(ctx.text, c.end())
            ),
            None,
        )
        rest = ctx.text[b : tag.start() if tag is not None else end]
        words = re.findall(r"\w+", rest)
        # "... have asked for more": a quantifier is the object, nothing before it
        return len(words) == 0 or (
            len(words) == 1
            and words[0].lower() not in ("more", "mehr", "plus", "davantage", "más", "them", "it")
        )

    def _scope(
        self, ctx: _Context, st: _Sentence, a: int, b: int, backward: bool
    ) -> tuple[int, int]:
        """The part of the sentence a request governs: from the cue to the end of its clause
        (not past "but", ";", a reason, a purpose or the speaker's tag), and from the start of
        the clause when the cue is said of things ("the tanks requested by Kyiv")."""
        text, s, e = ctx.text, st.start, st.end
        end_m = ctx.lang_cues.request_scope_end.search(text, b, e)
        end = end_m.start() if end_m is not None else e
        start = a
        if backward:
            start = s
            for m in ctx.lang_cues.request_scope_end.finditer(text, s, a):
                start = m.end()
        return start, end

    @staticmethod
    def _free_actors(
        ctx: _Context, actors: list[tuple[int, int, str]], st: _Sentence, a: int
    ) -> list[tuple[int, int, str]]:
        """The actors before ``a`` that may be a subject: not one after a preposition ("to the
        EU"), nor a title and name after such an object ("talked to US Secretary of Defense
        Lloyd Austin"), nor one in an aside that opens with a preposition (", in a telephone
        call with his American counterpart Lloyd Austin,")."""
        text = ctx.text
        before: list[tuple[int, int, str]] = []
        governed = -1  # the end of the last actor that is an object
        for x in actors:
            if not (x[1] <= a + 1 and x[0] < a):
                continue
            gap = text[governed : x[0]] if governed >= 0 else None
            if (
                cues.PREPOSITION_BEFORE.search(text, max(st.start, x[0] - 16), x[0])
                or (gap is not None and len(gap) <= 40 and not re.search(r"[,;:]|\band\b", gap))
                or cues.ASIDE_BEFORE.search(text, max(st.start, x[0] - 60), x[0])
            ):
                governed = x[1]
                continue
            before.append(x)
        return before

    def _subject(
        self, ctx: _Context, actors: list[tuple[int, int, str]], st: _Sentence, a: int, b: int
    ) -> str | None:
        """The side of who asks or needs at the cue ``a:b``: the nearest actor before the cue
        in the sentence (not one after a preposition, nor an asked nation after an article; the
        first of the clause when the verb ends it), else the one right after it ("bat er um",
        "braucht die Ukraine"); in the passive ("requested by Kyiv") the one after "by"."""
        text = ctx.text
        if cues.REQUEST_BY.match(text, b, st.end):
            after = [x for x in actors if b <= x[0] <= b + 30]
            if after:
                return after[0][2]
        before = self._free_actors(ctx, actors, st, a)
        if before:
            # a nation after a preposition or an article, with the recipient named before it in
            # the clause, is the one asked ("Kiew habe die EU gebeten", "Ukraine on Feb 7 urged
            # the European Union"): the subject is the recipient before it
            clause = st.start
            for m in ctx.lang_cues.request_scope_end.finditer(text, st.start, a):
                clause = m.end()
            k = len(before) - 1
            if self._clause_final(ctx, st, b) and not self._relative_object(ctx, actors, st, a):
                # a verb at the end of its clause ("Kiew hatte Italien ... um ... gebeten"): the
                # subject stands first in the clause
                first = [x for x in before if x[0] >= clause]
                if first:
                    k = before.index(first[0])
            while (
                k > 0
                and before[k][2] == "other"
                and cues.OBJECT_BEFORE.search(text, max(clause, before[k][0] - 12), before[k][0])
                and any(x[2] == "recipient" and x[0] >= clause for x in before[:k])
            ):
                k -= 1
            x = before[k]
            return x[2]
        after = [x for x in actors if b <= x[0] <= b + 25]
        if after:
            x = after[0]
            return x[2]
        return None

    def _speaker_at(self, ctx: _Context, st: _Sentence, pos: int, recent: str | None) -> str | None:
        """Who says the words at ``pos``: the speaker of the quotation holding them, else the
        sentence's speaker named beside a speech verb; a pronoun ("he said", "a-t-il
        déclaré") is the voice of the sentences before (``recent``)."""
        sp = ctx.speakers
        if sp is None:
            return None
        q = sp.quote_at(pos)
        side = q.side if q is not None else None
        if side is None:
            side = sp.sentence_side(st.start, st.end)
        if side == "pronoun":
            return recent
        return side

    def _need_sentence(self, ctx: _Context, st: _Sentence) -> list[Draft] | None:
        """The needs of a sentence, or None when it states no need of the recipient. A need is
        made only where the recipient (or its officials) asks (a verb of asking whose subject is
        the recipient, whoever reports it) or says it needs (a word of need whose subject is the
        recipient, said by the recipient's own voice), and only of the items that the request
        governs. A request answered in the same sentence ("in response to Kyiv's request",
        "Germany will send the tanks Kyiv asked for") is no need."""
        text, s, e = ctx.text, st.start, st.end
        sent = text[s:e]
        recent = ctx.voice if ctx.voice_at >= st.index - 2 else None
        found = self._need_cues(ctx, st)
        sp = ctx.speakers
        quoted = sp is not None and (
            sp.quote_at(s) is not None or any(s <= q.start < e for q in sp.quotes_in(s, e))
        )
        if not found and not quoted and SPEECH_VERB.search(sent) is None:
            # no request, no quotation, no speech verb: the voice goes on unchanged
            if recent is not None and (
                ctx.first_person.search(sent)
                or cues.PRONOUN_SUBJECT.match(sent)
                or cues.REPORTED_MOOD.search(sent)
            ):
                ctx.voice_at = st.index
            return None
        actors = self._actors(ctx, st)
        # the voice of the sentence, carried on to the next sentences ("He added ...", a
        # quotation's next sentence): its speaker's tag or quotation, else an official who is
        # the subject of a speech verb or of a request
        voice = self._speaker_at(ctx, st, e - 1, recent)
        if voice is None:
            first = next(
                (
                    x
                    for x in actors
                    if x[2] in ("recipient", "other")
                    and not cues.PREPOSITION_BEFORE.search(text, max(s, x[0] - 16), x[0])
                ),
                None,
            )
            said = SPEECH_VERB.search(sent) or ctx.lang_cues.request.search(sent)
            if first is not None and said is not None and first[0] < s + said.start():
                # an official who speaks or asks ("Zelensky spoke in Vilnius")
                named = RECIPIENT_OFFICIALS.search(text, first[0], min(e, first[1] + 40)) or (
                    first[2] == "other"
                    and (
                        OTHER_OFFICIALS.search(text, first[0], first[1])
                        or (said is not None and cues.SPEECH.search(sent))
                    )
                )
                if named:
                    voice = first[2]
        if voice is not None:
            ctx.voice, ctx.voice_at = voice, st.index
        elif recent is not None and (
            ctx.first_person.search(sent)
            or cues.PRONOUN_SUBJECT.match(sent)
            or cues.REPORTED_MOOD.search(sent)
        ):
            ctx.voice_at = st.index  # the same voice goes on
        if not found:
            return None
        met = [m.span() for m in cues.REQUEST_MET.finditer(text, s, e)]
        pledging = cues.PLEDGE_CUE.search(sent) is not None
        approved: list[tuple[int, int, tuple[int, int]]] = []
        for a, b, asking in found:
            if any(ma - 60 <= a and b <= mb + 60 for ma, mb in met):
                # the request is answered ("in response to Ukraine's request"), or asks for
                # what was promised ("urged allies to fulfil their promise to deliver ...")
                continue
            subject = self._subject(ctx, actors, st, a, b)
            speaker = self._speaker_at(ctx, st, a, recent)
            if subject in ("first", "third", None):
                subject = speaker or recent
            if subject is None and speaker is None and not st.donors and not pledging:
                subject = speaker = ctx.text_voice
            if subject != "recipient":
                continue
            # "Ukraine needs ..." is a need only in the recipient's own voice: with no speaker
            # named, not after another voice (a donor, an analyst, another nation)
            if (
                not asking
                and speaker != "recipient"
                and not (
                    speaker is None
                    and recent != "other"
                    and not any(x[2] == "other" for x in self._free_actors(ctx, actors, st, a))
                )
            ):
                continue
            if ctx.lang_cues.condition.search(text, self._clause_start(ctx, st, a), a):
                continue  # "if Ukraine needs it": nothing is stated
            if not asking and cues.WILL_RECEIVE.search(text, self._clause_start(ctx, st, a), b):
                continue  # "Die Ukraine wird mehr Munition erhalten": what is given, not asked
            backward = (
                cues.NEED_PREDICATE.fullmatch(text, a, b) is not None
                or (
                    not asking
                    and self._copula_before(ctx, st, a)
                    and not (
                        re.match(r"\w+ing\b", text[a:b])
                        and cues.PROGRESSIVE_BEFORE.search(text, max(s, a - 24), a)
                    )
                )
                or cues.COPULA.match(text, a) is not None
                or cues.REQUEST_BY.match(text, b, e) is not None
                or self._relative_object(ctx, actors, st, a)
                or self._clause_final(ctx, st, b)
            )
            scope = self._scope(ctx, st, a, b, backward)
            if (
                backward
                and pledging
                and (
                    any(scope[0] <= g[0].start < a for g in st.donors)
                    or any(
                        scope[0] <= n.start < a and self.recipient not in n.codes
                        for n in st.nations
                    )
                )
                and any(
                    any(m.end() <= x[0] < a for x in actors if x[2] == "recipient")
                    for m in cues.PLEDGE_CUE.finditer(text, scope[0], a)
                )
            ):
                # "Germany will send the tanks Kyiv asked for": the request is met (the one
                # who asks comes after the giving; not "hat die Ukraine ihre Verbündeten zur
                # Lieferung von Patriot-Systemen aufgefordert", where it comes before)
                continue
            approved.append((a, b, scope))
        if not approved:
            return None
        return self._needs(ctx, st, approved)

    def _need_list(self, ctx: _Context, st: _Sentence) -> list[Draft] | None:
        """A short sentence of items right after a need that named none ("Ukraine needs
        everything that can be delivered fast." "Tanks, more artillery, and ammunition."): the
        items it lists are what is needed. Not when a donor gives them, another voice speaks,
        or the sentence is long enough to say something else."""
        text, s, e = ctx.text, st.start, st.end
        sent = text[s:e]
        items = [el for el in st.elements if el.money is None]
        words = len(re.findall(r"\w+", sent))
        listed = sum(len(re.findall(r"\w+", text[el.start : el.end])) for el in items)
        if (
            not items
            or st.donors
            or words > 20
            or 3 * listed < words  # a clause about something else that names an item
            or self._need_cues(ctx, st)
            or SPEECH_VERB.search(sent)
            or cues.PLEDGE_CUE.search(sent)
            or cues.OTHER_VOICE.search(sent)
            or OTHER_OFFICIALS.search(sent)
        ):
            return None
        voice = self._speaker_at(ctx, st, s, ctx.voice)
        if voice not in (None, "recipient"):
            return None
        sp = ctx.speakers
        quoted = sp is not None and all(sp.quote_at(el.start) is not None for el in items)
        if not quoted and not text[:s].rstrip(' "“”„«»').endswith((":", "?")):
            return None  # a list is quoted ("„Munition, Artillerie, Panzer.“") or announced
        return self._needs(ctx, st, [(s, s, (s, e))])

    def _voice(self, ctx: _Context, st: _Sentence) -> str | None:
        """Whose voice a sentence is: "recipient" (its leaders, ministries, armed forces speak
        or are the subject), "other" (a donor, an alliance, an analyst), or None."""
        text, s, e = ctx.text, st.start, st.end
        recipient = [m.start() for m in cues.RECIPIENT_SIDE.finditer(text, s, e)]
        recipient += [m.start() for m in cues.RECIPIENT_SIDE_MORE.finditer(text, s, e)]
        recipient += [n.start for n in st.nations if self.recipient in n.codes]
        others = [g[0].start for g in st.donors]
        others += [m.start() for m in cues.OTHER_VOICE.finditer(text, s, e)]
        if not recipient:
            return "other" if others else None
        speech = cues.SPEECH.search(text, s, e)
        if speech is not None:
            # the speaker is the voice right before the speech verb ("Zelensky said"), else the
            # one right after it ("..., said Stoltenberg")
            at = speech.start()
            voices = [(p, True) for p in recipient] + [(p, False) for p in others]
            before = [(at - p, side) for p, side in voices if p < at]
            after = [(p - at, side) for p, side in voices if p > at]
            side = min(before)[1] if before else min(after)[1]
            return "recipient" if side else "other"
        if not others or min(recipient) < min(others):
            return "recipient"
        return "other"

    # -- per chunk -------------------------------------------------------------------
    def _elements(self, ctx: _Context, st: _Sentence, items: list[ItemMention]) -> list[_Element]:
        text = ctx.text
        masks = st.masks
        out: list[_Element] = []
        pending_calibres: list[tuple[int, int, str]] = []  # "155mm and" waiting for its item
        for cs, ce in _split_far(
            text, _segments(text, st.start, st.end, ctx.lang_cues.chunk_split), items, masks
        ):
            mentions = [
                m
                for m in items
                if cs <= m.start < ce and not any(a <= m.start < b for a, b in masks)
            ]
            chunk = text[cs:ce]
            chunk_money = [m for m in st.money if cs <= m.start < ce]
            category, calibre, code = (
                resolve_phrase(mentions, chunk) if mentions else ("", None, None)
            )
            prev_el = out[-1] if out else None
            if (
                AMMO_OF.get(category, "other-military") not in ("other-military", category)
                and prev_el is not None
                and prev_el.category.endswith(("ammunition", "missile"))
                and _AND_FOR.match(chunk)
            ):
                # "Munition für Himars und für das System Nasams": the ammunition of both
                category = AMMO_OF[category]
            if (
                not category
                and mentions
                and all(m.category == "air-defence-missile" for m in mentions)
                and out
                and out[-1].category == "air-defence-system"
            ):
                # "more air defence systems, missiles and spare parts": their missiles
                category = "air-defence-missile"
            if not category:
                cal = find_calibre(chunk) if not chunk_money else None
                prev = out[-1] if out else None
                if (
                    cal is not None
                    and (unit := _LEADING_CALIBRE.match(chunk)) is not None
                    and prev is not None
                    and prev.category.endswith("ammunition")
                    and (bare := _BARE_CALIBRE_END.search(text, prev.start, cs)) is not None
                    and prev.calibre in (None, f"{bare.group(1)}mm")
                ):
                    # "Artilleriemunition im Kaliber 155 und 105 mm", "shells of 155 and 105
                    # mm": the unit after the last number is every number's
                    prev.calibre = f"{bare.group(1)}mm"
                    prev.end = max(prev.end, bare.end(1))
                    if cal != prev.calibre:
                        el2 = _Element(cs + unit.start(1), cs + unit.end(), prev.category, cal)
                        el2.surface = prev.surface
                        out.append(el2)
                    pending_calibres = []
                    continue
                if cal is not None and (
                    len(chunk.split()) <= 3 or re.search(r"\d\s?-?\s?(?:mm|millim\w*)\W*$", chunk)
                ):
                    pending_calibres.append((cs, ce, cal))
                else:
                    pending_calibres = []
                if (
                    mentions
                    and all(m.category == AMMO for m in mentions)
                    and prev is not None
                    and not chunk_money
                    and AMMO_OF.get(prev.category, "other-military") != "other-military"
                    and AMMO_OF[prev.category] != prev.category
                ):
                    # "10 Panzerhaubitzen und 5.000 Schuss Munition", "launchers with
                    # ammunition": bare ammunition beside a weapon is that weapon's ammunition
                    first = mentions[0]
                    qty, qstart = self._quantity(ctx, cs, first.start, masks)
                    if (
                        qty is None
                        and prev.quantity is None
                        and not _WITH_AMMO.search(text, 0, cs)
                        and prev.category not in _LOOSE_AMMO_OF
                    ):
                        # "air defence systems and munitions": too loose to split
                        out.extend(
                            _Element(m.start, m.end, "unspecified", money=m) for m in chunk_money
                        )
                        continue
                    out.append(
                        _Element(
                            min(qstart if qstart is not None else first.start, first.start),
                            mentions[-1].end,
                            AMMO_OF[prev.category],
                            cal,
                            qty,
                            surface=" ".join(m.surface.lower() for m in mentions),
                        )
                    )
                    pending_calibres = []
                    continue
                more = _MORE_OF_THE_SAME.match(chunk)
                if (
                    more is not None
                    and not chunk_money
                    and prev is not None
                    and prev.category != "unspecified"
                    and (qs := find_quantities(more.group("num"), ctx.lang))
                    and qs[0].value is not None
                ):
                    # "..., and a further 1,615 will now be sent": more of the item just named,
                    # whose count before is what was given so far
                    el = _Element(
                        *_strip(text, cs, cs + more.end()),
                        prev.category,
                        prev.calibre,
                        qs[0].value,
                        item_code=prev.item_code,
                        surface=prev.surface,
                        rank=prev.rank,
                    )
                    prev.superseded = True
                    out.append(el)
                    continue
                items_before = [x for x in out if x.category != "unspecified"]
                if (
                    len(chunk_money) == 1
                    and len(items_before) == 1
                    and items_before[0].money is None
                    and _AFTER_ITEM_MONEY.match(chunk)
                    and not cues.WEAK_CUMULATIVE.search(chunk)
                ):
                    # "800 drones, funded with C$95 million": the item's own value
                    el0, m0 = items_before[0], chunk_money[0]
                    el0.money, el0.end = m0, max(el0.end, m0.end)
                    continue
                out.extend(_Element(m.start, m.end, "unspecified", money=m) for m in chunk_money)
                continue
            first = mentions[0]
            # "a Patriot system", "ein weiteres Flugabwehrsystem", "un autre système": one unit
            # of a countable weapon or unit (not of ammunition, missiles or a generic head)
            one = (
                first.rank >= 2
                and first.category not in (AMMO, LAUNCHER)
                and not category.endswith(("ammunition", "missile"))
                and category not in ("other-military", "unspecified", "small-arms", "drone")
            )
            qty, qstart = self._quantity(ctx, cs, first.start, masks, one=one)
            if qty is not None and qty >= _MOST_PLATFORMS and category in _PLATFORMS:
                continue  # "225 milioni di aereo" (a sum mistranslated): no count of platforms
            if (
                qty is not None
                and qty >= _MOST_GUNS
                and category == "artillery-system"
                and _GUN_OR_SHELL.search(first.surface)
            ):
                # "75 mil obuses de 155 mm", "un millar de obuses": the word for both the gun and
                # its shell, counted in thousands, is the shell ("1,000 howitzers" stays guns)
                category = "artillery-ammunition"
            if first.category == LAUNCHER and category not in LAUNCHED:
                qty = None  # "three batteries of AS90": batteries, not guns
            el = _Element(
                min(qstart if qstart is not None else first.start, first.start),
                mentions[-1].end,
                category,
                calibre,
                qty,
                item_code=code,
                surface=" ".join(m.surface.lower() for m in mentions),
                coalition=all(names_coalition(text, m) for m in mentions),
                rank=max(m.rank for m in mentions),
            )
            if calibre is not None and (
                category.endswith("ammunition") or category == "artillery-system"
            ):
                # "155mm and 105mm rounds", "60mm, 81mm and 120mm mortars": one entry per calibre
                for ps, pe, pcal in pending_calibres:
                    if pcal != calibre:
                        out.append(
                            _Element(
                                *_strip(text, ps, pe), category, pcal, None, surface=el.surface
                            )
                        )
            pending_calibres = []
            for m in chunk_money:
                gap = text[m.end : first.start] if m.end <= first.start else text[el.end : m.start]
                linked_after = (
                    m.end <= first.start
                    and _link(gap, _MONEY_LINK)
                    and not _list_follows(text, el.end, st.end, items, category)
                )
                linked_before = m.start >= el.end and _link(gap, _MONEY_LINK_BEFORE)
                packaged = "package" in text[min(m.end, first.start) : max(m.start, el.end)].lower()
                if el.money is None and not packaged and (linked_after or linked_before):
                    el.money = m
                    el.start, el.end = min(el.start, m.start), max(el.end, m.end)
                else:
                    out.append(_Element(m.start, m.end, "unspecified", money=m))
            out.append(el)
        # one item and one sum in a sentence that names no package: the sum is the item's value
        # ("Canada will provide 20,000 155mm shells for $98 million")
        things = [x for x in out if x.category != "unspecified"]
        sums = [x for x in out if x.category == "unspecified" and x.money is not None]
        if (
            len(things) == 1
            and len(sums) == 1
            and things[0].money is None
            and sums[0].money is not None
            and sums[0].money.amount is not None
            and not _PACKAGE.search(text, st.start, st.end)
            # not when another giver is named between them ("Norway has committed €7.8
            # billion, while Sweden will provide air defences"): each has its own
            and not any(
                min(things[0].end, sums[0].end) <= g[0].start < max(things[0].start, sums[0].start)
                and _OTHER_GIVER_CLAUSE.search(text, max(st.start, g[0].start - 20), g[0].start)
                for g in st.donors
            )
        ):
            thing, money = things[0], sums[0].money
            thing.money = money
            # the evidence shows the sum too (the item and its value are one statement)
            thing.start, thing.end = min(thing.start, money.start), max(thing.end, money.end)
            out.remove(sums[0])
        return out

    @staticmethod
    def _quantity(
        ctx: _Context,
        chunk_start: int,
        item_start: int,
        masks: list[tuple[int, int]],
        one: bool = False,
    ) -> tuple[int | None, int | None]:
        text = ctx.text
        before = text[chunk_start:item_start]
        vague = list(VAGUE.finditer(before))
        best: tuple[int | None, int | None] = (None, None)
        found = False
        partitive_end = -1
        for q in find_quantities(before, ctx.lang):
            qs, qe = q.start + chunk_start, q.end + chunk_start
            if any(a <= qs < b for a, b in masks) or qs < partitive_end:
                continue
            gap = re.sub(r"^\s+of\s+(?:its|their|his|her|our)\b", "", text[qe:item_start])
            part = _PARTITIVE.match(gap)
            if part is not None and q.value is not None and text[qs:qe].lower() not in _ARTICLES:
                # "12 of the 72 guns", "zwei der bereits bezahlten IRIS-T", "12 de ces canons":
                # the share is the quantity, whatever else qualifies the item
                rest = gap[part.end() :]
                if len(re.findall(r"[\w.'’-]+", rest)) <= 6 and not re.search(r"[,;:()]", rest):
                    best, found, partitive_end = (q.value, qs), True, item_start
                    continue
            if _COUNTED_NON_ITEM.match(text, qe):
                continue  # "3 years", "sieben Tagen", "12 nations": the number counts no item
            model = (_MODEL_BEFORE_EN if ctx.lang == "en" else _MODEL_BEFORE).search(
                text, max(chunk_start, qs - 40), qs
            )
            if (
                model
                and not any(model.start() <= n.start < qs for n in ctx.nations)
                # (a count's own noun is no model: "in den letzten sieben Tagen 10 Leopard")
                and not cues.COUNT_NOUN.search(model.group())
            ):
                continue  # "one Saab 340 aircraft", "the Saab 340": a model's number
            gap = _COUNTER.sub(" ", gap)  # "300,000 pieces of", "2,000 sets of", "30 Stück"
            words = re.findall(r"[\w.'’-]+", gap)
            if len(words) > 4 or any(w.lower() in _GAP_STOP for w in words):
                continue
            if text[qs:qe].lower() in _ARTICLES:
                # an article counts one only with a word of one more before a countable item
                # ("a further Patriot system", "ein weiteres Flugabwehrsystem", "un autre
                # système"); a bare "a SAMP/T system" states no number
                if (
                    one
                    and text[qs:qe].lower() in _ONE_ARTICLE.get(ctx.lang, ())
                    and len(words) == 1
                    and _FURTHER.fullmatch(words[0])
                    and gap.strip() == text[qe:item_start].strip()
                ):
                    best, found = (1, qs), True
                continue
            if re.search(r"[,;:()]", gap):
                continue
            # a capitalised model word right before the number ("Leopard 2 tanks")
            prev = _MODEL_BEFORE_NUMBER.search(text[max(chunk_start - 1, 0) : qs])
            if prev and any(a < qs <= b + 1 for a, b in masks if b <= qs):
                prev = None
            if prev and cues.COUNT_NOUN.fullmatch(prev.group(1)):
                prev = None  # "in den letzten sieben Tagen 10 Leopard": no model name
            if prev and cues.RECIPIENT_ANY_LANGUAGE.fullmatch(prev.group(1)):
                prev = None  # "przekazała Ukrainie 200 czołgów": the recipient, no model name
            if (
                prev
                and re.match(r"\d", text[qs:qe])  # a model number is in digits ("Leopard 2")
                and prev.group(1)[0].isupper()
                and prev.group(1).lower() not in _QTY_LEAD_WORDS
                and q.value is not None
                and not any(prev.group(1) == n for n in ("A", "An", "One", "Some"))
                and _model_word(ctx, prev.group(1), qs - (len(text[:qs]) - len(text[:qs].rstrip())))
            ):
                continue
            best = (q.value, qs)
            found = True
        if not found and one and (m := _ANOTHER.search(before)) is not None:
            best, found = (1, chunk_start + m.start()), True  # "another Patriot system"
        if not found or best[0] is None:
            return None, None
        if ends_a_range(text, best[1] or 0):
            return None, None  # "entre 12 et 20 Mirage", the clause split at "et": a range
        if _FIRST_OF.search(text, max(chunk_start, (best[1] or 0) - 30), best[1] or 0):
            return 1, best[1]  # "delivered the first of four IRIS-T systems": one of them
        if any(
            v.end() + chunk_start > (best[1] or 0)
            and v.group(0).lower().endswith(("of", "de", "d'", "di"))
            for v in vague
        ):
            return None, None
        return best

    # -- donors and drafts -----------------------------------------------------------
    def _donors_for(
        self, ctx: _Context, st: _Sentence, el: _Element, inherit: bool
    ) -> tuple[list[str], tuple[int, int] | None, bool]:
        """The donors of an element, the span of their mention, and whether they give a joint
        total (several donors without "each")."""
        # partners of the giver ("in cooperation with France") give nothing themselves
        groups = [
            g
            for g in st.donors
            if not cues.PARTNER_BEFORE.search(ctx.text, max(st.start, g[0].start - 40), g[0].start)
        ]
        if not groups and st.donors:
            return list(ctx.donors), None, False
        if not groups:
            # "Others came forward with ...", "Many nations pledged ...": not the last donor
            others = cues.OTHER_GIVERS.search(ctx.text, st.start, el.start)
            last = ctx.donors or ctx.ahead
            return (list(last) if inherit and not others else []), None, False
        clause = next(((a, b) for a, b in st.clauses if a <= el.start < b), (st.start, st.end))
        in_clause = [
            g for g in groups if clause[0] <= g[0].start < clause[1] and g[-1].end <= el.start
        ]
        before = [g for g in groups if g[-1].end <= el.start]
        # a donor named right after the items as their agent or origin ("sent by Germany",
        # "von Deutschland geliefert", "a €1 billion package from Norway") is theirs
        agent = [
            g
            for g in groups
            if 0 <= g[0].start - el.end <= 60
            and clause[0] <= g[0].start < clause[1]
            and cues.AGENT_BEFORE.search(ctx.text, max(el.end, g[0].start - 30), g[0].start)
            and not re.search(r"[,;:()]", ctx.text[el.end : g[0].start])
            and len(re.findall(r"[\w'’-]+", ctx.text[el.end : g[0].start])) <= 5
        ]
        if (
            not any(clause[0] <= g[0].start < clause[1] for g in groups)
            and clause[0] > st.start
            and _MAKER.search(ctx.text, clause[0], el.start)
        ):
            # a clause of its own whose subject is a maker or an industry ("..., et l'industrie
            # de la défense tchèque a envoyé des armes"): the state named before gives nothing
            return [], None, False
        if agent:
            chosen = agent[0]
        elif in_clause:
            chosen = in_clause[-1]
        elif before:
            chosen = before[-1]
        else:
            chosen = min(groups, key=lambda g: g[0].start - el.end)
        if _speaker_only(ctx.text, st, chosen, el):
            return [], None, False
        codes = _codes(chosen)
        joint = len(codes) > 1 and not _each_donor(ctx.text, st.start, st.end)
        return codes, (chosen[0].start, chosen[-1].end), joint

    def _pledge(
        self,
        ctx: _Context,
        st: _Sentence,
        el: _Element,
        donor: str,
        dspan: tuple[int, int] | None,
        joint: bool,
    ) -> Draft:
        amount = el.money.amount if el.money else None
        currency = None
        if el.money is not None and amount is not None:
            currency = crowns_of(el.money.currency, donor, ctx.lang)
        start, end = el.start, el.end
        if dspan is not None and 0 <= el.start - dspan[1] <= 120:
            start, end = min(start, dspan[0]), max(end, dspan[1])
        fields = {
            **_pledge_fields(
                donor,
                self.recipient,
                el.category,
                ctx.when,
                calibre=el.calibre,
                quantity=None if joint else el.quantity,
                amount=None if joint else amount,
                currency=None if joint else currency,
                item_code=el.item_code,
                channel=ctx.channel,
            ),
            "_surface": el.surface,
            "_rank": el.rank,
            "_future": el.money is not None and _future_part(ctx.text, st, el.money.start),
            "_converted": el.money is not None
            and CONVERTED_BEFORE.search(ctx.text, max(0, el.money.start - 40), el.money.start)
            is not None,
        }
        return Draft(
            "pledge", fields, start, end, el.start, st.index, ctx.headline, inherited=dspan is None
        )

    def _funds(
        self, ctx: _Context, st: _Sentence, only: list[_Element] | None = None
    ) -> list[Draft]:
        elements = st.elements if only is None else only
        items = [el for el in st.elements if el.money is None and el.category != "unspecified"]
        out: list[Draft] = []
        for el in elements:
            # what a named pool has raised so far is the pool's own sum (a fund entry)
            raised = (
                el.cumulative
                and (
                    cues.SPECIFIC_FUND.search(ctx.text, st.start, st.end) is not None
                    or cues.POOL_KIND.search(ctx.text, st.start, st.end) is not None
                )
                and cues.RAISED.search(ctx.text, st.start, st.end) is not None
            )
            if el.money is None or (el.cumulative and not raised) or el.not_given:
                continue
            if el.money.amount is None:
                continue
            category, calibre, code, end = el.category, el.calibre, el.item_code, el.end
            if category == "unspecified" and items:
                nearest = min(items, key=lambda i: abs(i.start - el.end))
                category, calibre, code = nearest.category, nearest.calibre, nearest.item_code
                end = max(end, nearest.end) if nearest.start - el.end <= 120 else end
            if category == "unspecified" and any(
                m.category == AMMO for m in ctx.items if st.start <= m.start < st.end
            ):
                category = "artillery-ammunition"  # pooled "ammunition" is artillery's
            fields = {
                "amount": el.money.amount,
                "currency": crowns_of(el.money.currency, None, ctx.lang),
                "category": category,
                "caliber": calibre,
                "item_code": code,
            }
            out.append(
                Draft(
                    "fund",
                    fields,
                    min(el.start, el.money.start),
                    end,
                    el.start,
                    st.index,
                    ctx.headline,
                )
            )
        return out

    def _needs(
        self, ctx: _Context, st: _Sentence, approved: list[tuple[int, int, tuple[int, int]]]
    ) -> list[Draft]:
        """The needs of a need sentence: the items that its approved requests govern (each
        request's scope), else a general call for arms or for urgent needs."""
        text, s, e = ctx.text, st.start, st.end
        scopes = [sc for _, _, sc in approved]
        # (an item with its cost is still the item asked for: "Die Ukraine brauche eine Million
        # Artilleriegeschosse und dafür müssten rund vier Milliarden Euro ..."; a sum alone is
        # no item)
        items = [
            el
            for el in st.elements
            if (el.money is None or el.category != "unspecified")
            and any(el.start < b and el.end > a for a, b in scopes)
        ]
        # "ammunition" alone in what is asked for is artillery's (as in :meth:`_needs` below)
        for m in ctx.items:
            if (
                s <= m.start < e
                and m.category == AMMO
                and not find_calibre(m.surface)
                and any(a <= m.start < b for a, b in scopes)
                and not any(el.start <= m.start < el.end for el in st.elements)
                and not cues.DEMONSTRATIVE_BEFORE.search(text, max(s, m.start - 12), m.start)
            ):
                items.append(
                    _Element(m.start, m.end, "artillery-ammunition", surface=m.surface.lower())
                )
        out: list[Draft] = []
        priority = "critical" if cues.URGENT.search(text, s, e) else "high"
        if not items:
            # "des munitions, nous en avons besoin", "the shortage of ammunition": artillery's
            bare = [
                m
                for m in ctx.items
                if s <= m.start < e
                and m.category == AMMO
                and not find_calibre(m.surface)
                and not any(a <= m.start < b for a, b, _ in approved)
                # "ces munitions représentent ce qu'a demandé Kiev": items already named,
                # the request is what they answer
                and not cues.DEMONSTRATIVE_BEFORE.search(text, max(s, m.start - 12), m.start)
            ]
            items = [
                _Element(m.start, m.end, "artillery-ammunition", surface=m.surface.lower())
                for m in bare[:1]
            ]

        def need_of(
            category: str,
            calibre: str | None = None,
            quantity: int | None = None,
            item_code: str | None = None,
        ) -> dict[str, Any]:
            return _need_fields(self.recipient, category, priority, calibre, quantity, item_code)

        for el in items:
            fields = need_of(el.category, el.calibre, el.quantity, el.item_code)
            out.append(Draft("need", fields, el.start, el.end, el.start, st.index))
        arms = cues.GENERIC_ARMS.search(text, s, e)
        need = ctx.lang_cues.need.search(text, approved[0][0], e) or ctx.lang_cues.request.search(
            text, approved[0][0], e
        )
        if (
            not out
            and arms is not None
            and need is not None
            and abs(arms.start() - need.end()) <= 80
        ):
            # "Zelensky demanded 'more weapons'", "requested weapons assistance": no item named
            a, b = min(need.start(), arms.start()), max(need.end(), arms.end())
            out.append(Draft("need", need_of("unspecified"), a, b, a, st.index))
        if not out and (cue := cues.URGENT_NEEDS.search(text, s, e)) is not None:
            fields = need_of("unspecified")
            a, b = _strip(text, max(s, cue.start() - 30), min(e, cue.end()))
            word = re.search(r"\s+", text[a:b])
            a = a + word.end() if word and a > s else a  # whole words only (issue 14)
            out.append(Draft("need", fields, a, b, a, st.index))
        return out

    def _unspecified(self, ctx: _Context) -> list[Draft]:
        have = {d.fields["donor"] for d in ctx.drafts if d.kind == "pledge"}
        out: list[Draft] = []
        for code, (start, end) in ctx.named.items():
            if code in have:
                continue
            fields = _pledge_fields(
                code, self.recipient, "unspecified", ctx.when, channel=ctx.channel
            )
            out.append(Draft("pledge", fields, start, end))
        return out


def _merge(drafts: list[Draft], lists: Mapping[int, tuple[str, int]] | None = None) -> list[Draft]:
    """One draft per key. A repeated mention in another sentence (headline and body) keeps the
    mention with the most figures, quantity and evidence together; two phrases of the same
    category in one sentence ("50 Bradleys, 100 M113s"), or on two lines of one list
    (``lists``: the list of each list line, :attr:`_Context.list_of`: "700 MK 556 assault
    rifles" then "50 CR 308 rifles"), add their quantities up."""
    lists = lists or {}
    merged: dict[tuple[Any, ...], Draft] = {}
    for d in drafts:
        k = d.key()
        first = merged.get(k)
        if first is None:
            merged[k] = d
            continue
        q1, q2 = first.fields.get("quantity"), d.fields.get("quantity")
        same_sentence = d.sentence == first.sentence and d.sentence >= 0
        one_list = (
            not same_sentence
            and d.sentence in lists
            and lists.get(d.sentence) == lists.get(first.sentence)
        )
        if d.kind == "fund" and same_sentence:
            merged[(*k, d.start)] = d  # two pools of the same size in one sentence
            continue
        if (
            (same_sentence or one_list)
            and q1 is not None
            and q2 is not None
            # (a list names each item once: its lines add up even with one item word,
            # "assault rifles", "precision rifles")
            and (one_list or d.fields.get("_surface") != first.fields.get("_surface"))
        ):
            first.fields["quantity"] = q1 + q2
            first.start, first.end = min(first.start, d.start), max(first.end, d.end)
            continue
        if d.kind == "fund" and first.fields.get("category") == "unspecified" != d.fields.get(
            "category"
        ):
            merged[k] = d  # the same pool with its purpose named
            continue
        if d.figures() > first.figures() or (
            d.figures() == first.figures()
            and (
                _stated_sum(d, first)
                or _new_sum(d, first)
                or (first.headline and not d.headline)
                # (with no figure, the mention that names the item most precisely: "D-30
                # howitzers" over "howitzers", "Challenger 2" over "Kampfpanzer")
                or (d.figures() == 0 and d.fields.get("_rank", 0) > first.fields.get("_rank", 0))
            )
            and not _stated_sum(first, d)
            and not _new_sum(first, d)
        ):
            merged[k] = d  # the body's mention over the title's, unless the title says more
    out = list(merged.values())
    for d in out:
        d.fields.pop("_surface", None)
        d.fields.pop("_rank", None)
        d.fields.pop("_converted", None)
        d.fields.pop("_future", None)
    return out


def _new_sum(d: Draft, other: Draft) -> bool:
    """Of two different sums of one pledge, ``d``'s is told in the future ("will provide €200
    million") and ``other``'s is not ("allocated €35 million for ...")."""
    a, b = d.fields.get("amount"), other.fields.get("amount")
    if a is None or b is None or abs(a - b) <= 0.01 * max(a, b):
        return False
    return bool(d.fields.get("_future")) and not other.fields.get("_future")


def _stated_sum(d: Draft, other: Draft) -> bool:
    """Of two sums of one pledge, ``d``'s is the stated one and ``other``'s a conversion: in
    the donor's own currency against another, or not said to be converted against one that
    is ("umgerechnet rund 630 Millionen Euro")."""
    a, b = d.fields.get("amount"), other.fields.get("amount")
    if a is None or b is None or d.fields.get("currency") == other.fields.get("currency"):
        return False
    own = OWN_CURRENCY.get(d.fields.get("donor") or "")
    if own is not None and d.fields.get("currency") == own != other.fields.get("currency"):
        return True
    return bool(other.fields.get("_converted")) and not d.fields.get("_converted")


def _pool_purpose(text: str, sentences: list[tuple[int, int]], drafts: list[Draft]) -> None:
    """A nation's sum paid into a pool with one purpose (the Czech ammunition initiative, the
    drone coalition) is a pledge of that purpose: the pool named in the sum's sentence (and no
    other pool there), else the only pool with a purpose that the text names when the sum is
    no package ("... the drone coalition. Lithuania allocated €3 million")."""
    named = [{cat for rx, cat in cues.POOL_PURPOSES if rx.search(text, a, b)} for a, b in sentences]
    in_text: set[str] = set().union(*named) if named else set()
    for d in drafts:
        if d.kind == "fund" and d.fields["category"] == "unspecified" and len(in_text) == 1:
            # the pool of a text about one pool with one purpose ("... für das Vorhaben")
            d.fields["category"] = next(iter(in_text))
            continue
        if (
            d.kind != "pledge"
            or d.fields["category"] != "unspecified"
            or d.fields.get("amount") is None
            or not 0 <= d.sentence < len(sentences)
        ):
            continue
        a, b = sentences[d.sentence]
        purpose = set(named[d.sentence])
        pools = len(cues.SPECIFIC_FUND.findall(text, a, b))
        others = pools - sum(len(rx.findall(text, a, b)) for rx, _ in cues.POOL_PURPOSES)
        if not purpose and pools == 0 and not _PACKAGE.search(text, a, b):
            # the only pool the text names, else the last pool with one purpose named before
            before = [p for p in named[: d.sentence] if len(p) == 1]
            purpose = set(in_text) if len(in_text) == 1 else set(before[-1]) if before else set()
        if len(purpose) == 1 and others <= 0:
            d.fields["category"] = purpose.pop()


def _mixed_aid(text: str, st: _Sentence, el: _Element) -> bool:
    """The sum is of civil and military aid together, said just before or after it ("militær og
    sivil støtte på 75 milliarder kroner", "7 milliards de couronnes d'aide militaire et
    civile")."""
    return (
        cues.MIXED_AID.search(text, max(st.start, el.start - 60), min(st.end, el.end + 70))
        is not None
    )


#: a package by name: a sum said of it is the package's value, not one item's
_PACKAGE_NAMED = re.compile(
    r"\b(?:packages?|\w*[Pp]aket\w*|paquets?|pacchett\w*|paquetes?|pacotes?|pakiet\w*"
    r"|pakke\w*|pakket\w*|balík\w*|balíč\w*|пакет\w*)\b",
    re.IGNORECASE,
)


def _one_item_value(
    drafts: list[Draft], text: str, sentences: Sequence[tuple[int, int]]
) -> list[Draft]:
    """A donor whose text names exactly one item and one package sum in a later sentence that
    does not name the donor again: the sum is that item's value ("France will finance twelve
    Caesar guns. ... This aid is an investment of €50 million"), so the item keeps its own
    mention as evidence and the sum is no second pledge. Not when the sum's sentence names a
    package ("The package is worth SEK 7 billion and includes 10 Archer howitzers"): that is
    the package's value, beside its items."""
    by_donor: dict[str, list[Draft]] = {}
    for d in drafts:
        if d.kind == "pledge":
            by_donor.setdefault(d.fields["donor"], []).append(d)
    dropped: set[int] = set()
    for rows in by_donor.values():
        items = [d for d in rows if d.fields["category"] != "unspecified"]
        sums = [
            d
            for d in rows
            if d.fields["category"] == "unspecified" and d.fields.get("amount") is not None
        ]
        if len(items) != 1 or len(sums) != 1 or len(rows) != 2:
            continue
        item, total = items[0], sums[0]
        if item.fields.get("amount") is not None or not total.inherited:
            continue
        if total.sentence >= 0 and _PACKAGE_NAMED.search(text, *sentences[total.sentence]):
            continue
        item.fields["amount"] = total.fields["amount"]
        item.fields["currency"] = total.fields["currency"]
        dropped.add(id(total))
    return [d for d in drafts if id(d) not in dropped]


_DEFAULT: Extractor | None = None


def read_text(text: str, *, date: dt.date | None = None, items: ItemTable | None = None) -> Reading:
    """Read one (already normalised) text with the keyword table or the given item table."""
    global _DEFAULT
    if items is not None:
        return Extractor(items).read(text, date=date)
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.read(text, date=date)
