"""The reader's words in Spanish, Italian, Portuguese and Romanian
(see :mod:`materiel.ingest.lexicon`).

Words of these languages written before this module existed still live in :mod:`..cues`
and :mod:`..items` (their *_OTHER patterns and OTHER_LANGS rows); new words go here."""

from __future__ import annotations

#: kind of cue (:data:`materiel.ingest.lexicon.KINDS`) -> alternation of words
WORDS: dict[str, str] = {}

#: (regex, category, rank) rows, as :data:`materiel.ingest.items.KEYWORDS`
ITEMS: list[tuple[str, str, int]] = []

#: name form -> ISO 3166 alpha-3 codes (case-sensitive, as
#: :data:`materiel.ingest.nations.ALIASES`)
ALIASES: dict[str, tuple[str, ...]] = {}
