"""Which patterns can match a text at all, by literal strings their matches hold.

The item table is some 120–200 patterns (:mod:`.items`), each scanned over the whole text;
most of them match nothing in a given text. A pattern's *prefixes* are short literal strings
one of which every match of it holds ("leopa", "m113", "patri", ...), read from the pattern's
parse tree: the literals a match starts with or, when it may start with a class of characters
(``\\w+houwitser``, ``[A-Z]\\w+drohnen``), the first literals after that class ("houwit").
A text that contains none of them (case-folded) cannot match the pattern, so it is not
scanned. A pattern with no literal in some branch (``\\w+``) has the empty prefix and is always
scanned. The result is the same as scanning every pattern (``tests/test_ingest_prefilter.py``
checks it on labelled text and on generated text, and that the folding agrees with the regex
engine's case-insensitive matching).
"""

from __future__ import annotations

import re

# the regular-expression parser of the standard library (``sre_parse`` before Python 3.11)
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterable
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
#: a character class with more members than this gives no prefix
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


def _extend(partials: set[str], seq: Any, length: int) -> tuple[set[str], set[str]]:
    """Extend each partial prefix through the parsed sequence ``seq``: (partials still open at
    its end, prefixes finished: long enough, or followed by what gives no literal).

    While no literal has been read (the only partial is empty), an element that may begin
    with no literal (``\\w*``, ``[A-Z]``, ``\\d{2,3}``) is passed over: every match holds a
    match of the rest, so the rest's literals ("houwit" of ``\\w+houwitser``) are in it too."""
    done: set[str] = set()
    cur = set(partials)
    for op, av in seq:
        done |= {p for p in cur if len(p) >= length}
        cur = {p for p in cur if len(p) < length}
        if not cur:
            break
        opened, finished = _element(cur, op, av, length)
        if cur == {""} and "" in finished:
            continue
        cur = opened
        done |= finished
    done |= {p for p in cur if len(p) >= length}
    return {p for p in cur if len(p) < length}, done


def _element(cur: set[str], op: Any, av: Any, length: int) -> tuple[set[str], set[str]]:
    """The partials ``cur`` extended through one parsed element: (still open, finished)."""
    if op is _c.LITERAL or op is _c.IN:
        chars = {fold(chr(av))} if op is _c.LITERAL else _class_chars(av)
        if chars is None:
            return set(), cur
        return {p + ch for p in cur for ch in chars}, set()
    if op is _c.SUBPATTERN:
        return _extend(cur, av[3], length)
    if op is _c.BRANCH:
        branches = [_extend(cur, alt, length) for alt in av[1]]
        return (
            {p for opened, _ in branches for p in opened},
            {p for _, finished in branches for p in finished},
        )
    if op in _REPEATS:
        least, most, sub = av
        once, more = _extend(cur, sub, length)
        if (least, most) == (0, 1):  # optional: with it or without it
            return cur | once, more
        if (least, most) == (1, 1):
            return once, more
        if least == 0:  # any number: without it the rest goes on; with it, stop
            return cur, more | once
        return set(), more | once
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return cur, set()  # zero-width: "\b", look-arounds
    # any character, a category, a back-reference: no literal from here
    return set(), cur


def prefixes(pattern: re.Pattern[str], length: int = 6) -> frozenset[str]:
    """Folded strings of at most ``length`` characters, one of which every match of
    ``pattern`` holds (its first literals); the empty string among them when a match may hold
    none."""
    opened, done = _extend({""}, _parser.parse(pattern.pattern, pattern.flags), length)
    found = opened | done
    # a prefix that starts with another one adds nothing ("leo2" beside "leo")
    return frozenset(p for p in found if not any(p != q and p.startswith(q) for q in found))


def may_match(starts: frozenset[str], folded: str) -> bool:
    """Can a pattern with these :func:`prefixes` match the text whose :func:`fold` is
    ``folded``? (For one pattern; for many, :func:`present` once, then :func:`may_hold`.)"""
    return "" in starts or any(p in folded for p in starts)


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
    """The ``needles`` (the :func:`prefixes` of many patterns together) that occur in the
    text whose :func:`fold` is ``folded``, found in one scan: at each position the longest
    needle there, and the needles it starts with."""
    finder = _finder(needles)
    if finder is None:
        return frozenset()
    seen = {m.group(1) for m in finder.finditer(folded)}
    return frozenset({w[:k] for w in seen for k in range(1, len(w) + 1)} & needles)


def may_hold(starts: frozenset[str], found: frozenset[str]) -> bool:
    """:func:`may_match` with the needles :func:`present` found in the text."""
    return "" in starts or not starts.isdisjoint(found)
