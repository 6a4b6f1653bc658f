"""Who is speaking: quotations, their attributions, and the side of a speaker.

A statement of need counts only when the recipient (its president, ministers, ambassadors,
armed forces) says it or asks for it. This module finds

- **quotations** in a text (“...”, "...", «...», „...“, ‘...’, ‚...‘), which may run over
  several sentences;
- the **attribution** of a quotation or of a sentence: the name or title next to a speech verb
  ("said Zelensky", "Kuleba told", "according to Umerov", "erklärte Selenskyj", "so
  Makeiev", "a déclaré Zelensky", "selon Kuleba", a colon after a name: "Zelensky: ...");
- the **side** of a phrase that names a speaker: ``"recipient"`` (a recipient official by
  name or by title: "Ukraine's defence minister", "der ukrainische Botschafter"),
  ``"other"`` (a donor's, NATO's or the EU's official, a journalist, an analyst), or None.

Everything works on character offsets into the whole text, so a sentence inside a quotation
that the sentence splitter cut in two still finds its speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from materiel.ingest import cues
from materiel.ingest import nations as nat

_I = re.IGNORECASE

#: recipient officials by name (:data:`.cues.RECIPIENT_NAMES`, the one list of their names),
#: titles of the recipient's state and its armed forces
#: titles: "Ukrainian President", "Ukraine's defence minister", "der ukrainische Botschafter",
#: "le ministre ukrainien", the recipient's ministries, general staff, armed forces
_RECIPIENT_TITLES_RX = (
    r"\b(?:Ukrain\w*(?:['’]s)?|ukrain\w*|Kyiv['’]s|Kiev['’]s|Ucrain\w*|ucrain\w*|Oekraïens\w*"
    r"|ukraiń\w*|ukrajin\w*|Ukrajin\w*)\s+(?:\w+\s+){0,2}\w*(?i:president|presidente|präsident\w*"
    r"|diplomat\w*|minister\w*|botschafter\w*|Präsident\w*"
    r"|président|prezydent\w*|prezident\w*|minister\w*|ministre|ministro|ministr\w*|Minister\w*"
    r"|ambassador|Botschafter\w*|ambassadeur|embajador|embaixador|ambasciatore|envoy"
    r"|government|Regierung|gouvernement|gobierno|governo|rząd\w*|vláda|officials?"
    r"|Staatschef\w*|chef\s+d['’]État|head\s+of\s+state|leader|prime\s+minister|premier"
    r"|commander\w*|Oberbefehlshaber\w*|general\s+staff|Generalstab\w*|armed\s+forces|army"
    r"|military|Streitkräfte|Armee|armée|forces\s+armées|ejército|esercito|diplomat\w*"
    r"|foreign\s+minister|Außenminister\w*|Verteidigungsminister\w*|side|authorities"
    r"|Behörden|autorités|presidency|Präsidialamt\w*)\b"
    r"|\b(?:minist\w*|président|ambassadeur|gouvernement|armée|forces|diplomat\w*|autorités"
    r"|chef\s+de\s+la\s+diplomatie|chef\s+de\s+l['’]État|Staatschef|Chefdiplomat"
    r"|presidente|embajador|gobierno|governo|ejército|esercito|Botschafter|Präsident)\s+"
    r"(?:\w+\s+)?(?:ukrainien\w*|ucranian\w*|ucrain\w*|ukrainische\w*)\b"
    r"|\b(?:president|Präsident\w*|président|ministre|minister|Botschafter\w*|ambassadeur"
    r"|ambassador|presidente|ministro)\s+(?:\w+\s+){0,3}(?:of|von|de|der|du|d['’]|des)\s+"
    r"(?:l['’])?(?:Ukrain\w*|Ucrain\w*|Ukrajin\w*)\b"
)
RECIPIENT_OFFICIALS = re.compile(r"\b(?:" + cues.RECIPIENT_NAMES + r")|" + _RECIPIENT_TITLES_RX)
#: the titles alone (what a text's own names of officials are learnt from)
_RECIPIENT_TITLES = re.compile(_RECIPIENT_TITLES_RX)
#: donor, alliance and EU officials, and other voices that are not the recipient's
OTHER_OFFICIALS = re.compile(
    r"\b(?:Stoltenberg|Rutte|Austin|Blinken|Biden|Trump|Hegseth|Sullivan|Kirby|Ryder"
    r"|Pentagon|Defen[cs]e\s+Department|State\s+Department|White\s+House|Scholz|Merz"
    r"|Pistorius|Lambrecht|Baerbock|Habeck|Wadephul|Macron|Lecornu|Le\s+Drian|Sunak|Johnson"
    r"|Wallace|Shapps|Healey|Starmer|Cameron|Trudeau|Anand|Blair|Kallas|Borrell|von\s+der\s+Leyen"
    r"|Michel|Breton|Kubilius|Pevkur|Anusauskas|Anušauskas|Kasčiūnas|Kasciunas|Støre|Gram"
    r"|Sandvik|Jonson|Kristersson|Frederiksen|Poulsen|Troels|Ollongren|Brekelmans|Fiala"
    r"|Černochová|Pavel|Tusk|Kosiniak-Kamysz|Błaszczak|Duda|Meloni|Crosetto|Crozetto|Robles"
    r"|Sánchez|Albanese|Marles|Morrison|Laxon|Kishida|Yoon|Erdo[gğ]an|Orb[aá]n|Nehammer"
    r"|Tanner|Mūrniece|Murniece|Sprūds|Kariņš|Nauseda|Nausėda|Landsbergis|Dendias|Mitsotakis"
    r"|De\s+Croo|Dedonder|Francken|Bausch|Amherd|Putin|Peskov|Lavrov|Shoigu|Medvedev"
    r"|NATO|Nato|OTAN|Secretary[-\s]General|Generalsekretär\w*|secrétaire\s+général"
    r"|(?i:analysts?|experts?|Experten|observers?|think\s+tank|commentators?|journalists?"
    r"|correspondent\w*|Korrespondent\w*|editorial|analystes|analistas|Bloomberg|Reuters|AFP"
    r"|CNN|Politico|Spiegel|Bild|the\s+newspaper|die\s+Zeitung|le\s+journal|la\s+chaîne"
    # a newspaper or broadcaster as the source ("Nach Informationen der Zeitung", "selon le
    # quotidien", "according to the broadcaster")
    r"|(?:der|des|dem|du|de\s+la|the|el|del|il|del)\s+(?:Zeitung|Blatt\w*|Sender\w*|quotidien"
    r"|journal|newspaper|broadcaster|daily|periódico|diario|giornale|quotidiano)))\b"
)
#: a title that names a donor official once its nation adjective is known ("Norwegian Minister
#: of Defence", "die estnische Regierungschefin"): read with :mod:`.nations` adjectives
TITLE = re.compile(
    r"\b(?:president|Präsident\w*|président\w*|prime\s+minister|premier|chancellor|Kanzler\w*"
    r"|chancelier|minist\w*|Minist\w*|secretary|Regierungschef\w*|chef\w*\s+du\s+gouvernement"
    r"|ambassador|Botschafter\w*|ambassadeur\w*|spokes\w*|Sprecher\w*|porte-parole"
    r"|government|Regierung|gouvernement|official\w*|general|commander|Generalstab\w*)\b",
    _I,
)
#: a speech verb (or "according to") in the languages of the corpus
SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|stressed|warned|noted|added|wrote|writes|posted|stated|pointed"
    r"|points\s+out|complained|lamented|reiterated|commented|asserted"
    r"|insisted|argued|recalled|spoke|speaking|addressed|sprach|a\s+parlé|hammered|repeated|a\s+martelé|a\s+répété|a\s+indiqué|a\s+assuré|statement\s+of|words\s+of|remarks\s+of|explained|emphasi[sz]ed|underlined|declared|announced|urged|remarked"
    r"|according\s+to|quoted|sagte|sagt|sagten|erklärte|erklärt|betonte|betont|warnte|meinte"
    r"|schrieb|fügte|ergänzte|unterstrich|laut|zufolge|so|a\s+déclaré|a\s+dit|a\s+affirmé"
    r"|a\s+souligné|a\s+averti|a\s+ajouté|a\s+expliqué|a\s+estimé|a\s+écrit|a\s+insisté"
    r"|a-t-il|a-t-elle|déclare|affirme|souligne|estime|selon|d['’]après|señaló|dijo|afirmó"
    r"|s['’]est\s+(?:adressé|exprimé)e?|s['’]adresse|a\s+pris\s+la\s+parole|a\s+plaidé"
    r"|wandte\s+sich|äußerte|hat\s+gesprochen"
    # Polish, Czech, Slovak, South Slavic, Baltic, Finnish, Hungarian, Romanian, Cyrillic
    r"|wspomniał\w*|dodał\w*|zaznaczył\w*|stwierdził\w*|oświadczył\w*|mówił\w*|napisał\w*"
    r"|povedal\w*|uviedol\w*|zdôraznil\w*|prohlásil\w*|dodal\w*|rekao|izjavio|naglasio|istakao"
    r"|dejal\w*|teigė|sakė|pažymėjo|pabrėžė|pridūrė|pareiškė|sacīja|norādīja|uzsvēra|paziņoja"
    r"|ütles|märkis|rõhutas|sanoi|totesi|korosti|kertoi|mondta|közölte|hangsúlyozta"
    r"|a\s+declarat|a\s+spus|a\s+afirmat|declaró|aseguró|explicó|indicó|declarou|explicou"
    r"|sagde|siger|заявив|сказав|наголосив|зазначив|заявил|сказал|подчеркнул|отметил|заяви"
    r"|каза|подчерта|dedi|söyledi|açıkladı"
    r"|según|disse|afirmou|segundo|ha\s+detto|ha\s+affermato|secondo|řekl\w*|uvedl\w*"
    r"|powiedział\w*|podkreślił\w*|zdaniem|według|sier|sa|säger|sade|skriver|zei|zegt"
    r"|volgens|aldus|nach\s+(?:Angaben|Darstellung|Worten|Ansicht|Einschätzung)\s+(?:von|des|der)"
    r"|as\s+(?:stated|cited)\s+by)\b",
    _I,
)
#: a reporting verb right after a quotation (or after its closing comma)
_AFTER_QUOTE = re.compile(r"\s*[,.:;!?]?\s*[-–—]?\s*(?P<rest>.{0,110})", re.S)
_BEFORE_QUOTE = re.compile(r"(?P<rest>[^.!?\n\"“”«»„]{0,140})[:,]?\s*$")

#: German and Nordic print open a quotation with "»" before its first word ("»Wir brauchen
#: Panzer«"); a French "»" closes one after a space
_QUOTE_PAIRS = {
    "“": "”",
    "«": "»",
    "„": "“”",
    "‚": "‘’",
    "‘": "’",
    '"': '"',
    "”": "”",
    "»": "«»",
}
_OPENERS = re.compile(r"[“«„‚\"‘”»]")


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` of its content (inside the marks), and the side of its
    speaker (``"recipient"``, ``"other"`` or None when no speaker is named next to it)."""

    start: int
    end: int
    side: str | None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of a text (inside the marks), in text order. A quotation
    may hold sentences; an apostrophe inside a word ("Ukraine's", "l’Ukraine") opens none."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        m = _OPENERS.search(text, i)
        if m is None:
            break
        ch, at = m.group(0), m.start()
        if ch in "‘’" and at > 0 and text[at - 1].isalnum():
            i = at + 1  # an apostrophe
            continue
        if ch == "”" and not (at == 0 or not text[at - 1].isalnum()):
            i = at + 1  # a closing mark without its opener
            continue
        if ch == "»" and at > 0 and not (text[at - 1].isspace() or text[at - 1] in "([-–—"):
            i = at + 1  # "»" after a word or a stop closes a French quotation
            continue
        if ch in '"”»' and (at + 1 >= n or text[at + 1].isspace()):
            i = at + 1  # a closing mark: a quotation opens before a word
            continue
        closers = _QUOTE_PAIRS[ch]
        j = at + 1
        end = -1
        limit = min(n, at + 1500)
        while j < limit:
            c = text[j]
            if (
                c in closers
                and not (c in "‘’" and j + 1 < n and text[j + 1].isalpha())
                and not (c == '"' and text[j - 1].isspace())
            ):
                end = j
                break
            if c == "\n" and text[j + 1 : j + 2] == "\n":
                break  # a paragraph ends an unclosed quotation
            j += 1
        if end > at + 1:
            out.append((at + 1, end))
            i = end + 1
        else:
            i = at + 1
    return out


def _other_nation(phrase: str) -> int | None:
    """Where a nation other than the recipient is named in ``phrase`` (a donor's official:
    "Norwegian Minister of Defence", "die estnische Regierungschefin"), else None."""
    for n in nat.find_nations(phrase):
        if nat.RECIPIENT_DEFAULT not in n.codes:
            return n.start
    return None


#: a speaker named by a pronoun ("he said", "sagte er", "a-t-il déclaré", "according to his
#: estimates"): the voice of the sentences before
#: a title with no nation ("the minister", "der Staatschef", "le chef de l'État", "the Head of
#: state", "el ministro"): the official the text is about, like a pronoun
TITLE_ALONE = (
    r"(?:the|der|die|le|la|l['’]|el|il|o|a)\s+(?:[\w-]+\s+){0,2}?(?:minist(?:er|re|ro|ra)\w*"
    r"|Ministerin|president|président|presidente|Präsident\w*|head\s+of\s+state"
    r"|chef\s+de\s+l['’]État|Staatschef\w*|ambassad\w+|embajador\w*|Botschafter\w*"
    r"|diplomat\w*|commander[-\s]in[-\s]chief|Oberbefehlshaber\w*|Chefdiplomat\w*"
    r"|chef\s+de\s+la\s+diplomatie)"
)
#: a speaker named by a pronoun ("he said", "sagte er", "a-t-il déclaré", "according to his
#: estimates") or by a title alone ("the minister said", "betonte der Staatschef"): the voice of
#: the sentences before
PRONOUN_SPEAKER = re.compile(
    r"^\W*(?:he|she|er|sie|il|elle|his|her|him|seine[rnm]?|ihre[rnm]?|ihm|ses|son|sa|lui"
    r"|" + TITLE_ALONE + r")\b|\b(?:a-t-il|a-t-elle|he|she|er|sie|il|elle)\W*$",
    _I,
)
#: a pronoun or a lone title right before a speech verb ("He added that ...", "the minister
#: said", "er betonte"): the speaker, whoever the words after the verb name
PRONOUN_BEFORE = re.compile(
    r"(?:^|[\s,;:(])(?:he|she|they|er|sie|il|elle|ils|elles|" + TITLE_ALONE + r")\s+"
    r"(?:(?:also|has|had|then|later|again|further|auch|hat|habe|a|aussi)\s+){0,2}$",
    _I,
)


#: a preposition before an official, perhaps with a title between ("to US Secretary of Defense
#: Lloyd Austin", "mit seinem Amtskollegen", "avec son homologue américain")
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|from|mit|an|von|avec|à|de|con|a|met|z|s)\s+(?:[\w'’-]+\s+){0,5}$", _I
)


@lru_cache(maxsize=4096)
def side_of(phrase: str, last: bool = False) -> str | None:
    """The side of a phrase naming a speaker: ``"recipient"``, ``"other"`` or None. When both
    sides are named, the first wins, or the last with ``last`` (the phrase before a speech
    verb: "... with President Zelensky, Rutte emphasized")."""
    rs = list(RECIPIENT_OFFICIALS.finditer(phrase))
    os_ = list(OTHER_OFFICIALS.finditer(phrase))
    if last and os_:
        # the last official who is no object ("Umerov talked to US Secretary of Defense Lloyd
        # Austin and stressed ..."): the speaker of the verb after
        free = [
            m for m in os_ if not _OBJECT_BEFORE.search(phrase, max(0, m.start() - 45), m.start())
        ]
        os_ = free
    r = (rs[-1] if last else rs[0]) if rs else None
    o = (os_[-1] if last else os_[0]) if os_ else None
    opos = o.start() if o is not None else None
    if opos is None and TITLE.search(phrase):
        opos = _other_nation(phrase)
        if last and opos is not None and _OBJECT_BEFORE.search(phrase, max(0, opos - 45), opos):
            opos = None  # "talked to US Secretary of Defense ...": the one talked to
    if r is not None and opos is not None:
        if last:
            return "recipient" if r.start() > opos else "other"
        return "recipient" if r.start() < opos else "other"
    if r is not None:
        return "recipient"
    if opos is not None:
        return "other"
    return None


def _side(phrase: str, names: re.Pattern[str] | None, last: bool = False) -> str | None:
    """:func:`side_of`, with the recipient officials' surnames the text introduced."""
    side = side_of(phrase, last)
    if side is None and names is not None and names.search(phrase):
        return "recipient"
    return side


def _cut_at_speech(phrase: str, after: bool) -> str | None:
    """The words of ``phrase`` next to its speech verb: after the verb when the phrase follows
    a quotation ("said Zelensky", "so Makeiev"), else before it ("Zelensky said:"). None when
    the phrase has no speech verb or no colon ending a name."""
    verbs = list(SPEECH_VERB.finditer(phrase))
    if after:
        if not verbs or verbs[0].start() > 60:
            return None
        v = verbs[0]
        # "said Ukraine's foreign minister Dmytro Kuleba" / "Zelensky said"
        return phrase[max(0, v.start() - 60) : v.end() + 80]
    if verbs:
        v = verbs[-1]
        return phrase[max(0, v.start() - 90) : v.end() + 40]
    if phrase.rstrip().endswith(":"):
        return phrase[-90:]
    return None


#: a name right after a recipient's title ("Ukrainian ambassador to Spain, Serhii
#: Pohoreltsev", "Ukraine's Deputy Defence Minister Ivan Havryliuk"): one to three capitalised
#: words, the title's complement ("to Spain", "in Berlin") skipped
_NAME_AFTER_TITLE = re.compile(
    r"(?:\s+(?:to|in|at|of|for|bei|à|en|au|aux|a)\s+(?:the\s+)?[A-ZÀ-Þ][\w'’-]+)?"
    r"\s*,?\s+((?:[A-ZÀ-ÞА-ЯІЇЄ][\w'’-]+\s+){0,2}[A-ZÀ-ÞА-ЯІЇЄ][\w'’-]{3,})"
)


#: capitalised words after a title that are no name
_NOT_NAMES = frozenset(
    (
        "said",
        "says",
        "told",
        "stated",
        "added",
        "noted",
        "stressed",
        "ministry",
        "government",
        "forces",
        "army",
        "the",
        "this",
        "that",
    )
)


def learn_recipient_names(text: str) -> re.Pattern[str] | None:
    """The surnames of the recipient's officials that the text introduces with their title
    ("Ukrainian ambassador to Spain, Serhii Pohoreltsev" → "Pohoreltsev"): later in the text
    the surname alone ("Pohoreltsev had requested ...") names the recipient's side. A surname
    that also names a nation or another side's official is not learnt."""
    names: set[str] = set()
    for m in _RECIPIENT_TITLES.finditer(text):
        n = _NAME_AFTER_TITLE.match(text, m.end())
        if n is None:
            continue
        if "\n" in m.group(0) or any("UKR" not in x.codes for x in nat.find_nations(m.group(0))):
            continue  # "... Ukraine  Brazilian President Lula": another nation's title
        surname = n.group(1).split()[-1]
        if (
            nat.find_nations(surname)
            or OTHER_OFFICIALS.search(surname)
            or RECIPIENT_OFFICIALS.fullmatch(surname)
            or surname.lower() in _NOT_NAMES
        ):
            continue
        names.add(surname)
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(x) for x in sorted(names)) + r")\b")


def attribute(
    text: str, quotes: list[tuple[int, int]], names: re.Pattern[str] | None = None
) -> list[Quote]:
    """Each quotation with the side of its speaker: the phrase after it with a speech verb
    (", said Zelensky", "“...”, so Makeiev"), else the phrase before it ("Kuleba told
    reporters: “...”", "Selon Kuleba, « ... »")."""
    out: list[Quote] = []
    for a, b in quotes:
        side: str | None = None
        am = _AFTER_QUOTE.match(text, b + 1, min(len(text), b + 160))
        if am is not None:
            rest = am.group("rest").split("\n")[0]
            rest = re.split(r"(?<=[a-z]{2})\.\s|[“«„\"]", rest)[0]
            cut = _cut_at_speech(rest, True)
            if cut is not None:
                side = _side(cut, names)
                v = SPEECH_VERB.search(rest)
                if side is None and v is not None and PRONOUN_SPEAKER.search(rest[v.end() :][:30]):
                    side = "pronoun"  # "..., a-t-il déclaré", "..., sagte er"
                if side is None and v is not None and PRONOUN_SPEAKER.search(rest[: v.end()]):
                    side = "pronoun"  # "..., he said"
        if side is None:
            start = max(0, a - 1 - 160)
            bm = _BEFORE_QUOTE.search(text, start, max(start, a - 1))
            if bm is not None:
                phrase = bm.group("rest")
                cut = _cut_at_speech(phrase, False)
                if cut is not None:
                    side = _side(cut, names)
        out.append(Quote(a, b, side))
    return out


#: speech words whose speaker follows them ("according to Kuleba", "laut Selenskyj", "selon
#: Kuleba"); "zufolge" follows its speaker ("Selenskyj zufolge")
_NAME_AFTER = frozenset(
    (
        "according to",
        "laut",
        "selon",
        "d'après",
        "d’après",
        "según",
        "segundo",
        "secondo",
        "zdaniem",
        "według",
        "volgens",
        "so",
    )
)


def _names_after(word: str) -> bool:
    """The speaker follows the speech word ("according to Kuleba", "nach Angaben von ...")."""
    return word in _NAME_AFTER or word.startswith(("nach ", "as "))


class Speakers:
    """The quotations of one text with their speakers, looked up by offset."""

    def __init__(self, text: str):
        self.text = text
        self.recipient_names = learn_recipient_names(text)
        self.quotes = attribute(text, find_quotes(text), self.recipient_names)
        self._starts = [q.start for q in self.quotes]

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation that holds ``pos``, if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """The quotations that start in text[start:end]."""
        a = bisect.bisect_left(self._starts, start)
        b = bisect.bisect_left(self._starts, end)
        return self.quotes[a:b]

    def outside(self, start: int, end: int) -> str:
        """text[start:end] with the quotations blanked (the narrator's words only)."""
        chars = list(self.text[start:end])
        for q in self.quotes:
            if q.end <= start or q.start >= end:
                continue
            for k in range(max(q.start, start), min(q.end, end)):
                chars[k - start] = " "
        return "".join(chars)

    def sentence_side(self, start: int, end: int) -> str | None:
        """Who speaks a sentence: the speaker of the quotation that holds most of it, else the
        phrase beside a speech verb in the narrator's words ("Zelensky said that ...",
        "..., according to Kuleba", "Laut Selenskyj ..."), else None."""
        inside = [q for q in self.quotes if q.start < end and q.end > start and q.side is not None]
        if inside:
            best = max(inside, key=lambda q: min(q.end, end) - max(q.start, start))
            if min(best.end, end) - max(best.start, start) >= (end - start) // 2:
                return best.side
        narr = self.outside(start, end)
        sides: list[tuple[int, str]] = []
        for v in SPEECH_VERB.finditer(narr):
            word = v.group(0).lower()
            if word in ("so", "sa") and not re.match(r"\s+[A-ZÀ-Þ]", narr[v.end() : v.end() + 2]):
                continue  # "so" and "sa" name a speaker only before a name ("so Makeiev")
            # the name right before ("Zelensky said") or right after (", said Zelensky")
            before = narr[max(0, v.start() - 80) : v.start()]
            after = narr[v.end() : v.end() + 80]
            before = re.split(r"(?<=\w\w)[.;!?]|[;!?]|,\s(?=\w+\s+\w+\s)", before)[-1]
            after = re.split(r"(?<=\w\w)[.;!?]|[;!?]|,\s", after)[0]
            # ("Selenskyj zufolge": the speaker before the word, as for the other words)
            side = _side(after, self.recipient_names) if _names_after(word) else None
            if side is None:
                side = _side(before, self.recipient_names, last=True)
                if side is None and PRONOUN_BEFORE.search(before):
                    side = "pronoun"  # "He added that ... NATO ...": his words, not NATO's
                side = side or _side(after, self.recipient_names)
            if side is not None:
                sides.append((v.start(), side))
            elif PRONOUN_SPEAKER.search(narr[v.end() : v.end() + 30]) or PRONOUN_SPEAKER.search(
                narr[max(0, v.start() - 20) : v.end()]
            ):
                sides.append((v.start(), "pronoun"))
        if sides:
            return sides[0][1]
        if inside:
            return max(inside, key=lambda q: min(q.end, end) - max(q.start, start)).side
        # a title's tag: "... jetzt erforderlich - Selenskyj", "Zelensky: ..."
        tag = re.search(r"\s[-–—|]\s*([^-–—|]{2,60})$", narr.rstrip(" .")) or re.match(
            r"^\s*([^:\n]{2,60}):\s", narr
        )
        if tag is not None:
            return _side(tag.group(1), self.recipient_names)
        return None
