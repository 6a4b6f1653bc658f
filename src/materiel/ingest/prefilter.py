"""Which patterns can match a text at all, by literal strings their matches hold.

The item table is some 120–200 patterns (:mod:`.items`), each scanned over the whole text;
most of them match nothing in a given text. A pattern's *needles* are short literal strings
one of which every match of it holds, read from the pattern's parse tree: of the literal runs,
groups and repeats every match goes through, the one whose strings tell texts apart best
("leopa", "113", "patri"; "houwit" of ``\\w+houwitser``, "total" of ``a\\s+total``). A text
that contains none of them (case-folded) cannot match the pattern, so it is not scanned; which
needles of a whole table a text holds, and where, is found in one scan of a trie of them
(:func:`present`, :func:`occurrences`). A pattern with no such literal (``\\w+``,
``tank|\\w+``) has the empty needle and is always scanned. The result is the same as
scanning every pattern (``tests/test_ingest_prefilter.py`` checks it on labelled text and on
generated text, and that the folding agrees with the regex engine's case-insensitive
matching).
"""

from __future__ import annotations

import re

# the regular-expression parser of the standard library (``sre_parse`` before Python 3.11)
import re._constants as _c
import re._parser as _parser
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Any

#: characters that the regex engine matches case-insensitively with another whose lower case
#: differs ("ſ" and "s", final "ς" and "σ", Turkish dotless "ı" and "i", Greek symbol variants,
#: old Cyrillic letter forms); the combining dot of "İ".lower() is dropped
_FOLD = str.maketrans(
    {
        "ı": "i", "ſ": "s", "ς": "σ", "ϐ": "β", "ϵ": "ε", "\u0345": "ι", "\u1fbe": "ι",
        "µ": "μ", "ϑ": "θ", "ϖ": "π", "ϕ": "φ", "ϰ": "κ", "ϱ": "ρ", "\u1c80": "в",
        "\u1c81": "д", "\u1c82": "о", "\u1c83": "с", "\u1c84": "т", "\u1c85": "т",
        "\u1c86": "ъ", "\u1c87": "ѣ", "\u1c88": "ꙋ", "\u0307": None,
    }
)  # fmt: skip
#: a character class with more members than this gives no needle
_MAX_CLASS = 12
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def fold(text: str) -> str:
    """``text`` lower-cased so that a case-insensitive match's text folds to its pattern's
    literal characters folded the same way."""
    return text.lower().translate(_FOLD)


def _class_chars(items: Any) -> set[str] | None:
    """The characters of a class ``[...]`` (None: negated, a category, or too many)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(fold(chr(av)))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(fold(chr(x)) for x in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


#: a literal run's strings, at most this many (a product of classes beyond it is cut short)
_MAX_RUN = 64


def _score(found: set[str]) -> tuple[int, int]:
    """How well a set of needles tells texts apart: its shortest needle long, few of them."""
    return min(len(x) for x in found), -len(found)


def _needles(seq: Any, length: int) -> set[str] | None:
    """Folded strings of at most ``length`` characters, one of which every match of the
    parsed sequence ``seq`` holds, the best such set of its parts (None: none found).

    A run of literals and small classes ("[Hh]aubitze") gives its strings; a group, the union
    of its branches' sets when every branch has one; a repeat at least once, its body's. Any
    of these is held by every match of the sequence, so the one that tells texts apart best
    is taken ("total" of ``a\\s+total``, "houwit" of ``\\w+houwitser``)."""
    best: set[str] | None = None
    run: set[str] = {""}

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and "" not in found and (best is None or _score(found) > _score(best)):
            best = found

    def close() -> None:
        nonlocal run
        consider({x[:length] for x in run})
        run = {""}

    for op, av in seq:
        if op is _c.LITERAL or op is _c.IN:
            chars = {fold(chr(av))} if op is _c.LITERAL else _class_chars(av)
            if chars is None:
                close()
            elif len(run) * len(chars) > _MAX_RUN:
                close()
                run = set(chars)
            else:
                run = {x + ch for x in run for ch in chars}
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: "\b", look-arounds take no text
        elif op is _c.SUBPATTERN:
            close()
            consider(_needles(av[3], length))
        elif op is _c.BRANCH:
            close()
            branches = [_needles(alt, length) for alt in av[1]]
            if all(branches):
                consider({x for found in branches if found for x in found})
        elif op in _REPEATS:
            close()
            if av[0] >= 1:
                consider(_needles(av[2], length))
        else:  # any character, a category, a back-reference: no literal here
            close()
    close()
    return best


def needles(pattern: re.Pattern[str], length: int = 6) -> frozenset[str]:
    """Folded strings of at most ``length`` characters, one of which every match of
    ``pattern`` holds; the empty string alone when a match may hold none."""
    found = _needles(_parser.parse(pattern.pattern, pattern.flags), length) or {""}
    # a needle that holds another one adds nothing ("leo2" beside "leo")
    return frozenset(x for x in found if not any(x != y and y in x for y in found))


def trie(words: Iterable[str]) -> str:
    """One alternation of literal ``words`` as a trie ("Nor(?:way|wegen)"): at a position the
    regex engine follows one branch per character instead of trying every word, and, as in an
    alternation sorted longest first, the longest word that fits is tried first (a word's end
    is an optional tail, taken greedily)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@lru_cache(maxsize=64)
def _finder(needles: frozenset[str]) -> re.Pattern[str] | None:
    """Every position where one of ``needles`` starts, with the longest one there."""
    words = [w for w in needles if w]
    return re.compile(f"(?=({trie(words)}))") if words else None


def present(folded: str, needles: frozenset[str]) -> frozenset[str]:
    """The ``needles`` (the :func:`needles` of many patterns together) that occur in the
    text whose :func:`fold` is ``folded``, found in one scan: at each position the longest
    needle there, and the needles it starts with."""
    finder = _finder(needles)
    if finder is None:
        return frozenset()
    seen = {m.group(1) for m in finder.finditer(folded)}
    return frozenset({w[:k] for w in seen for k in range(1, len(w) + 1)} & needles)


def occurrences(folded: str, needles: frozenset[str]) -> dict[str, list[int]]:
    """Where each of ``needles`` found in ``folded`` starts (in order): as :func:`present`,
    with positions."""
    finder = _finder(needles)
    out: dict[str, list[int]] = {}
    if finder is None:
        return out
    for m in finder.finditer(folded):
        w, i = m.group(1), m.start()
        for k in range(1, len(w) + 1):
            if w[:k] in needles:
                out.setdefault(w[:k], []).append(i)
    return out


def may_hold(starts: frozenset[str], found: Collection[str]) -> bool:
    """Can a pattern with these :func:`needles` match a text that holds the needles ``found``
    (:func:`present`, of a whole table's needles at once)?"""
    return "" in starts or not starts.isdisjoint(found)
