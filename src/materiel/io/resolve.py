"""Nations and items named the way a ministry writes them: a code, a name or an alias.

A cell naming a nation may hold its ISO 3166-1 alpha-3 code in any case (``deu``), its name
as stored or as pycountry knows it (``Germany``, ``Federal Republic of Germany``), or a usual
form (``UK``, ``Czech Republic``); a cell naming an item may hold its catalogue code, its
name or one of its aliases (``155mm shells``). Only exact matches (ignoring case and
surrounding spaces) are taken; a near miss is refused with a suggestion, never guessed.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.ingest import nations as nat
from materiel.records import Item, Nation


class Unresolved(ValueError):
    """A name that is no known nation or item; the message says why and suggests."""


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _cached(cache: dict[str, str | Unresolved], text: str, resolve: Callable[[str], str]) -> str:
    """``resolve(text)``, answered once per distinct text (refusals too)."""
    hit = cache.get(text)
    if hit is None:
        try:
            hit = resolve(text)
        except Unresolved as exc:
            hit = exc
        cache[text] = hit
    if isinstance(hit, Unresolved):
        raise hit
    return hit


class Resolver:
    """Codes of the nations and items in the database plus those added by an import."""

    def __init__(self, session: Session | None = None) -> None:
        self.nation_codes: set[str] = set()
        self.nation_names: dict[str, str] = {}
        self.item_codes: set[str] = set()
        self.item_names: dict[str, set[str]] = defaultdict(set)
        self._nation_cache: dict[str, str | Unresolved] = {}
        self._item_cache: dict[str, str | Unresolved] = {}
        if session is not None:
            for code, name in session.execute(select(Nation.code, Nation.name)):
                self.add_nation(code, name)
            for code, name, aliases in session.execute(select(Item.code, Item.name, Item.aliases)):
                self.add_item(code, name, aliases or [])

    def add_nation(self, code: str, name: str | None) -> None:
        self.nation_codes.add(code)
        if name:
            self.nation_names.setdefault(_fold(name), code)
        self._nation_cache.clear()

    def add_item(self, code: str, name: str | None, aliases: Iterable[str]) -> None:
        self.item_codes.add(code)
        for n in (code, name or "", *aliases):
            if n:
                self.item_names[_fold(n)].add(code)
        self._item_cache.clear()

    # -- nations ---------------------------------------------------------------------------

    def nation(self, text: str) -> str:
        """The code of a known nation; raises :class:`Unresolved`."""
        return _cached(self._nation_cache, text, self._nation)

    def _nation(self, text: str) -> str:
        s = text.strip()
        if s.upper() in self.nation_codes:
            return s.upper()
        folded = _fold(s)
        if folded in self.nation_names:
            return self.nation_names[folded]
        candidates = self._exact_nation(s)
        known = [c for c in candidates if c in self.nation_codes]
        if len(known) == 1:
            return known[0]
        if len(known) > 1:
            raise Unresolved(f"{text!r} names several nations ({', '.join(known)}): use a code")
        if candidates:
            raise Unresolved(
                f"nation {text!r} ({', '.join(candidates)}) is not in the database: load the "
                "reference nations (`materiel reference update`) or add it to the nations sheet"
            )
        hint = ""
        close = difflib.get_close_matches(folded, list(self.nation_names), n=1, cutoff=0.75)
        fuzzy = [self.nation_names[close[0]]] if close else []
        fuzzy = fuzzy or [c for c in nat.resolve(s) if c in self.nation_codes]
        if fuzzy:
            hint = f"; did you mean {fuzzy[0]} ({nat.nation_name(fuzzy[0])})?"
        raise Unresolved(
            f"unknown nation {text!r} (an ISO 3166-1 alpha-3 code such as DEU, or a name "
            f"such as Germany){hint}"
        )

    @staticmethod
    def _exact_nation(s: str) -> list[str]:
        if s in nat.ALIASES:
            return list(nat.ALIASES[s])
        folded = {k.casefold(): v for k, v in nat.ALIASES.items()}
        if s.casefold() in folded:
            return list(folded[s.casefold()])
        try:
            return [pycountry.countries.lookup(s).alpha_3]
        except LookupError:
            return []

    # -- items -----------------------------------------------------------------------------

    def item(self, text: str) -> str:
        """The code of a known item; raises :class:`Unresolved`."""
        return _cached(self._item_cache, text, self._item)

    def _item(self, text: str) -> str:
        s = text.strip()
        if s in self.item_codes:
            return s
        codes = sorted(self.item_names.get(_fold(s), ()))
        if len(codes) == 1:
            return codes[0]
        if codes:
            raise Unresolved(
                f"{text!r} is a name or alias of several items ({', '.join(codes)}): use the "
                "catalogue code"
            )
        close = difflib.get_close_matches(_fold(s), list(self.item_names), n=1, cutoff=0.8)
        hint = ""
        if close:
            hint = f"; did you mean {sorted(self.item_names[close[0]])[0]}?"
        raise Unresolved(
            f"unknown item {text!r}: not a catalogue code, name or alias in the database nor "
            f"earlier in this import{hint}"
        )
