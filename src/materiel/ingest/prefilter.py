"""Which patterns can match a text at all, by the literal strings their matches start with.

The item table is some 120–200 patterns (:mod:`.items`), each scanned over the whole text;
most of them match nothing in a given text. A pattern's *prefixes* are short literal strings
one of which every match of it starts with ("leopa", "m113", "patri", ...), read from the
pattern's parse tree; a text that contains none of them (case-folded) cannot match it, so the
pattern is not scanned. A pattern that can start with a class of characters (``\\w``, ``\\d``,
``[A-Z]``) has the empty prefix and is always scanned. The result is the same as scanning every
pattern (``tests/test_ingest_prefilter.py`` checks it on every labelled text, and that the
folding agrees with the regex engine's case-insensitive matching).
"""

from __future__ import annotations

import re

# the regular-expression parser of the standard library (``sre_parse`` before Python 3.11)
import re._constants as _c
import re._parser as _parser
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
    its end, prefixes finished: long enough, or followed by what gives no literal)."""
    done: set[str] = set()
    cur = set(partials)
    for op, av in seq:
        done |= {p for p in cur if len(p) >= length}
        cur = {p for p in cur if len(p) < length}
        if not cur:
            break
        if op is _c.LITERAL or op is _c.IN:
            chars = {fold(chr(av))} if op is _c.LITERAL else _class_chars(av)
            if chars is None:
                done |= cur
                return set(), done
            cur = {p + ch for p in cur for ch in chars}
        elif op is _c.SUBPATTERN:
            cur, more = _extend(cur, av[3], length)
            done |= more
        elif op is _c.BRANCH:
            branches = [_extend(cur, alt, length) for alt in av[1]]
            cur = {p for opened, _ in branches for p in opened}
            done |= {p for _, finished in branches for p in finished}
        elif op in _REPEATS:
            least, most, sub = av
            once, more = _extend(cur, sub, length)
            done |= more
            if (least, most) == (0, 1):  # optional: with it or without it
                cur |= once
            elif (least, most) == (1, 1):
                cur = once
            elif least == 0:  # any number: without it the rest goes on; with it, stop
                done |= once
            else:
                done |= once
                return set(), done
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: "\b", look-arounds
        else:  # any character, a category, a back-reference: no literal from here
            done |= cur
            return set(), done
    done |= {p for p in cur if len(p) >= length}
    return {p for p in cur if len(p) < length}, done


def prefixes(pattern: re.Pattern[str], length: int = 6) -> frozenset[str]:
    """Folded strings of at most ``length`` characters, one of which every match of
    ``pattern`` starts with; the empty string among them when a match may start anywhere."""
    opened, done = _extend({""}, _parser.parse(pattern.pattern, pattern.flags), length)
    found = opened | done
    # a prefix that starts with another one adds nothing ("leo2" beside "leo")
    return frozenset(p for p in found if not any(p != q and p.startswith(q) for q in found))


def may_match(starts: frozenset[str], folded: str) -> bool:
    """Can a pattern with these :func:`prefixes` match the text whose :func:`fold` is
    ``folded``?"""
    return "" in starts or any(p in folded for p in starts)
