"""The reader's words in languages other than English, German and French, one module per
family: :mod:`.germanic` (Dutch, Danish, Norwegian, Swedish, Icelandic), :mod:`.romance`
(Spanish, Italian, Portuguese, Romanian) and :mod:`.eastern` (Polish, Czech, Slovak,
Slovene, Croatian, Serbian, Bulgarian, Ukrainian, Russian, Lithuanian, Latvian, Estonian,
Finnish, Hungarian, Greek, Turkish, Arabic).

About a fifth of the blind batches are in these languages, and the reader's recall there was
half its recall in English, German and French (issue 15). Each module holds plain data:

- ``WORDS``: for each kind of cue (:data:`KINDS`), a regular-expression alternation (no outer
  group, no ``\\b``; inflected forms by stem and ``\\w*``), compiled by :mod:`..cues` into the
  pattern of that kind beside the English, German and French words;
- ``ITEMS``: ``(regex, category, rank)`` rows read by :mod:`..items` like its keyword table;
- ``ALIASES``: name forms of states (inflected cases, capitals standing for their
  government) to ISO 3166 alpha-3 codes, read by :mod:`..nations` beside its curated table;
- ``CAPITALS``: the capitals among them, read as places after a preposition ("a Roma");
- ``ADJECTIVES``: regular expressions of states' adjectives, lower-case allowed;
- ``CALIBRE_UNITS``: an alternation of the words for "millimetre";
- ``FUNCTION_WORDS``: for each of its languages, the function words (:data:`FUNCTION_KINDS`)
  it reads otherwise than the reader's own patterns do (Dutch "en" is "and", not French "en").

The words are the languages' vocabulary for giving, refusing, totals, asking and arms, written
from the languages (dictionaries, paradigms), not copied from the labelled texts, so that they
carry over to texts nobody has labelled. Nothing here imports the reader.
"""

from __future__ import annotations

from types import ModuleType

from materiel.ingest.lexicon import eastern, germanic, romance

FAMILIES = (germanic, romance, eastern)

#: the kinds of cue a family may add words to, and the pattern of :mod:`..cues` each joins:
#: pledge (PLEDGE_CUE_OTHER: send, deliver, donate, hand over, package, approve), not_given
#: (NOT_GIVEN_OTHER: refused, ruled out, considered, could, negated), cumulative
#: (CUMULATIVE_OTHER: so far, in total, since the start), receive (RECEIVE_CUE: the recipient
#: receives), need (NEED_CUE: needs, lacks, shortage) and request (REQUEST: asks for, calls on)
#: and, read as they are: arms (ARMS: weapons, military aid, a defence package), commits
#: (COMMITS: will, announces, pledges, decided), past (PAST_VERB_OTHER: past tenses of giving,
#: "were delivered", "has sent") and future (FUTURE_OTHER: will, shall): the last two carry a
#: recap of past totals from sentence to sentence ("so far ... X sent ... Y delivered"), and
#: continues (CONTINUES: "it also includes", "the package contains": a sentence that goes on
#: with the pledges before it) and contents (CONTENTS: "includes", "contains", "consists of":
#: the verbs that list a package's contents, which go on with it further on) and arrived
#: (ARRIVED: items arrived or were delivered; each family's pledge words hold its own too) and
#: ready (READY_OTHER: ready, willing or prepared to give, no gift unless a number follows)
KINDS = (
    "pledge",
    "not_given",
    "cumulative",
    "receive",
    "need",
    "request",
    "arms",
    "commits",
    "past",
    "future",
    "continues",
    "contents",
    "arrived",
    "ready",
)


def alternation(kind: str, families: tuple[ModuleType, ...] | None = None) -> str:
    """The words of ``kind`` of ``families`` (all when None) as ``|a|b|c`` to append inside a
    pattern's group (an empty string when none has any)."""
    if kind not in KINDS:
        raise KeyError(kind)
    chosen = FAMILIES if families is None else families
    parts = [f.WORDS[kind] for f in chosen if f.WORDS.get(kind)]
    return "".join("|" + p for p in parts)


#: the languages whose words the reader's own patterns hold
CORE_LANGS = frozenset({"en", "de", "fr"})

#: the languages of each family (codes of :data:`materiel.ingest.numbers.LANGS`)
LANGS = {
    germanic: ("nl", "da", "no", "sv", "is"),
    romance: ("es", "it", "pt", "ro"),
    eastern: (
        "pl", "cs", "sk", "sl", "hr", "sr", "bg", "uk", "ru", "lt", "lv", "et", "fi", "hu",
        "el", "tr", "ar",
    ),
}  # fmt: skip

#: the families' item rows, read by :mod:`..items` after its own tables
ITEMS: list[tuple[str, str, int]] = [row for f in FAMILIES for row in f.ITEMS]


def families_for(lang: str | None) -> tuple[ModuleType, ...]:
    """The families whose words a text in ``lang`` is read with: none for English, German and
    French, its own for a family's language, all when the language is not known (None) or is
    in no family."""
    if lang in CORE_LANGS:
        return ()
    own = tuple(f for f in FAMILIES if lang in LANGS[f])
    return own or FAMILIES


def items_for(lang: str | None) -> list[tuple[str, str, int]]:
    """The item rows a text in ``lang`` is read with: none for English, German and French
    (whose words the item table has: the reader's output on them is the same with or without
    these rows, and some 100 fewer patterns keep it fast), a family's own for its languages,
    every family's when the language is not known."""
    return [row for f in families_for(lang) for row in f.ITEMS]


#: the kinds of function word a language gives, where one language's word is another's of
#: another kind: and (joins two donors: Dutch "en", Polish "i"), in (a preposition of place
#: before a nation: French "en Pologne"), but (opens a clause: French "mais"), medium (a paper
#: or broadcaster after a nation's adjective: German "Sender"), and words only told apart
#: from those: sends (Norwegian and Danish "sender"), that (Danish and Norwegian "at", a
#: conjunction: "Han sier at Norge gir ...", not English "at Norway"), if (a condition:
#: Italian and Portuguese "se", the French reflexive; Dutch "als", German "as") and self (a
#: reflexive pronoun, read by no pattern: only told apart from the others, as Czech, Slovak
#: and Croatian "si", not French and Spanish "if": "Ukrajina si vyžádala")
FUNCTION_KINDS = ("and", "in", "but", "medium", "sends", "that", "if", "self")

#: the function words of English, German and French that the reader's patterns read in every
#: text, by language and kind (their other function words stand in those patterns as they are)
CORE_FUNCTION_WORDS: dict[str, dict[str, str]] = {
    "en": {"in": r"at", "if": r"if|whether|unless"},
    "fr": {
        "if": r"si",
        "in": r"en",
        # not before a noun, "de" or "um", where it is Portuguese "more" ("precisa de mais
        # sistemas")
        "but": r"mais(?!\s+(?:de|do|da|dos|das|um|uma|\w{3,}(?:as|os)\b))",
    },
    # case-sensitive: a noun, not Norwegian and Danish "sender" ("sends")
    "de": {"medium": r"(?-i:Sender)", "if": r"wenn|falls|ob"},
}

#: the families' function words, by language and kind
FUNCTION_WORDS: dict[str, dict[str, str]] = {
    lang: words for f in FAMILIES for lang, words in f.FUNCTION_WORDS.items()
}


def function_words(kind: str, lang: str | None) -> str:
    """The words a text in ``lang`` reads as ``kind`` (:data:`FUNCTION_KINDS`), an alternation
    (``(?!)`` when none): the core languages' that its language does not read as another kind,
    and its own. A text in English, German or French, or whose language is not known (None),
    reads the core languages' words only."""
    if kind not in FUNCTION_KINDS:
        raise KeyError(kind)
    own = FUNCTION_WORDS.get(lang or "", {})
    others = "|".join(w for k, w in own.items() if k != kind)
    parts = [
        rf"(?!(?:{others})\b)(?:{w})" if others else w
        for words in CORE_FUNCTION_WORDS.values()
        if (w := words.get(kind))
    ]
    if own.get(kind):
        parts.append(own[kind])
    return "|".join(parts) or "(?!)"


#: the families' name forms of states, read by :mod:`..nations` after its own table
ALIASES: dict[str, tuple[str, ...]] = {k: v for f in FAMILIES for k, v in f.ALIASES.items()}
#: the capitals among :data:`ALIASES` (a place after "in", "a", "w": :mod:`..nations`)
CAPITALS: frozenset[str] = frozenset(k for f in FAMILIES for k in f.CAPITALS)

#: the families' adjectives of states (regular expressions, case-insensitive, lower-case
#: forms allowed: "niemiecki", "svenska", "español"), read by :mod:`..nations` like its
#: ADJECTIVES
ADJECTIVES: dict[str, tuple[str, ...]] = {k: v for f in FAMILIES for k, v in f.ADJECTIVES.items()}

#: the families' words of a calibre's unit ("milimetrów", "χιλιοστών", "ملم"), an
#: alternation read by :mod:`..items` after "mm" and "millimetre"
CALIBRE_UNITS: str = "".join("|" + f.CALIBRE_UNITS for f in FAMILIES if f.CALIBRE_UNITS)
