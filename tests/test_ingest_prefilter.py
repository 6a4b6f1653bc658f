"""Reading fast without reading differently: the literal needles that let the reader skip
patterns a text cannot match (:mod:`materiel.ingest.prefilter`), and the cue patterns compiled
per language (:func:`materiel.ingest.cues.for_language`)."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from materiel.ingest import cues, items, lexicon, nations, prefilter

EVAL = Path(__file__).parent / "ingest_eval"


def _needles(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str]:
    return prefilter.needles(re.compile(pattern, flags))


def _may_match(needles: frozenset[str], text: str) -> bool:
    """Can a pattern with these needles match ``text``, as the reader asks it?"""
    return prefilter.may_hold(needles, prefilter.present(prefilter.fold(text), needles))


def test_needles_of_literals_branches_and_optional_parts() -> None:
    assert _needles(r"Leopard|Leo\s*2") == {"leo"}  # "leopar" holds "leo"
    assert _needles(r"(?:self-propelled\s+)?howitzers?") == {"howitz"}  # not the optional part
    assert _needles(r"M113s?|M777") == {"113", "777"}  # "m113" holds "113": it adds nothing
    assert _needles(r"(?<![\w-])(?:tanks?)(?![\w])") == {"tank"}  # look-arounds take no text
    assert _needles(r"[Hh]aubitze") == {"haubit"}  # a small class: each member
    assert _needles(r"[Gg]ep(?:ard)?") == {"gep"}
    assert _needles(r"(?:x)*tank") == {"tank"}  # a repeat that may be absent gives nothing
    assert _needles(r"x+tank") == {"tank"}  # the longer of "x" and "tank"
    assert _needles(r"a\s+total\s+of") == {"total"}  # the run that tells texts apart best


def test_a_pattern_that_may_start_with_any_letter_is_known_by_the_literals_after() -> None:
    """Every match of ``\\w+houwitser`` holds "houwit": a text without it is not scanned."""
    assert _needles(r"\w+houwitser", 0) == {"houwit"}
    assert _needles(r"[A-ZÄÖÜ]\w+drohnen", 0) == {"drohne"}
    assert _needles(r".?tank", 0) == {"tank"}
    assert _needles(r"(?:\d{2,3}\s?)?mm-granat", 0) == {"mm-gra"}
    assert _needles(r"(?:x|\w+)tank", 0) == {"tank"}  # a branch with no literal: after it
    for rx in (r"\w+", r"tank|\w+", r"\w+(?:houwitser)?"):  # a match may hold no literal
        assert _needles(rx, 0) == {""}
        assert _may_match(_needles(rx, 0), "nothing here")
    assert not _may_match(_needles(r"\w+houwitser", 0), "howitzers")
    assert _may_match(_needles(r"\w+houwitser", 0), "PANTSERHOUWITSER")
    assert not _may_match(_needles(r"tanks?"), "nothing here")
    assert _may_match(_needles(r"tanks?"), "TANKS")


def test_the_needles_found_in_one_scan_are_those_the_text_holds() -> None:
    needles = frozenset({"leo", "leopa", "eopar", "tank", "a", "ank", "x"})
    found = prefilter.present(prefilter.fold("Leopard tanks"), needles)
    assert found == {"leo", "leopa", "eopar", "tank", "a", "ank"}  # overlapping ones too
    assert prefilter.present("", needles) == frozenset()
    assert prefilter.present("abc", frozenset({""})) == frozenset()
    assert prefilter.may_hold(frozenset({"x", "tank"}), found)
    assert not prefilter.may_hold(frozenset({"x"}), found)
    assert prefilter.may_hold(frozenset({""}), frozenset())


@given(st.text(alphabet="abcLEOPARDtnk -İı", max_size=40))
def test_one_scan_finds_what_a_search_for_each_needle_finds(text: str) -> None:
    needles = frozenset({"leo", "leopa", "eo", "pard", "a", "ank", "tank", "i", "ıa", "d -"})
    folded = prefilter.fold(text)
    assert prefilter.present(folded, needles) == {n for n in needles if n in folded}
    where = prefilter.occurrences(folded, needles)
    for n in needles:
        assert where.get(n, []) == [i for i in range(len(folded)) if folded.startswith(n, i)]


def _all_characters() -> str:
    return "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF)


def test_folding_agrees_with_the_regex_engines_case_insensitive_matching() -> None:
    """Every character the engine matches case-insensitively with a prefix's character folds
    to text that holds that character folded (Turkish "İ" and "ı", "ſ", final sigma, ...)."""
    pool = _all_characters()
    chars: set[str] = set()
    for _pat, _cat, _rank, starts in items._keyword_patterns(None):
        chars.update(ch for s in starts for ch in s)
    for starts in nations._adjective_needles_each(True):
        chars.update(ch for s in starts for ch in s)
    assert len(chars) > 150  # Latin, Greek, Cyrillic and Arabic letters
    for ch in sorted(chars):
        for hit in re.findall(re.escape(ch), pool, re.IGNORECASE):
            assert prefilter.fold(ch) in prefilter.fold(hit), (ch, hit)
    assert prefilter.fold("İHA") == "iha"
    assert prefilter.fold("ΣΤΡΑΤΟΣ") == "στρατοσ"


def _labelled_texts(n: int) -> list[str]:
    """``n`` labelled texts spread evenly over the tuning set (every batch and language group
    in proportion; a fixed number, so the tests do not grow slower as batches are released)."""
    files = sorted(EVAL.glob("*.json"))
    assert len(files) >= n
    return [
        json.loads(files[i * len(files) // n].read_text(encoding="utf-8"))["text"] for i in range(n)
    ]


def _ungated_keywords(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), cat)
        for pat, cat, _rank, _starts in items._keyword_patterns(lang)
        for m in pat.finditer(text)
    ]


def _gated_keywords(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.category) for m in items._keyword_mentions(text, lang)]


@pytest.mark.parametrize("lang", [None, "pl"])
def test_skipping_keywords_finds_the_same_mentions_on_labelled_text(lang: str | None) -> None:
    texts = _labelled_texts(200)
    for text in texts:
        assert _gated_keywords(text, lang) == _ungated_keywords(text, lang)


@functools.cache
def _alternation(other: bool) -> re.Pattern[str]:
    """Every adjective in one alternation, in order (what the reader once compiled)."""
    alts = "|".join(f"(?:{rx})" for rx in nations._adjectives(other))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _full_adjectives(text: str, other: bool) -> list[tuple[int, int]]:
    return [m.span() for m in _alternation(other).finditer(text)]


def _gated_adjectives(text: str, other: bool) -> list[tuple[int, int]]:
    """The adjectives as the reader finds them: only those the text may match, each searched
    apart and merged (:func:`materiel.ingest.nations._adjective_matches`)."""
    return [m.span() for _, m in nations._adjective_matches(text, other)]


@pytest.mark.parametrize("other", [False, True])
def test_skipping_adjectives_finds_the_same_adjectives_on_labelled_text(other: bool) -> None:
    for text in _labelled_texts(250):
        assert _gated_adjectives(text, other) == _full_adjectives(text, other)


_PIECES = st.sampled_from(
    [
        "Leopard", "LEOPARD", "leo 2", "HIMARS", "Himars", "İHA", "ıha", "Patriot", "patrıot",
        "Panzerhaubitze 2000", "PzH", "drones", "Drohnen", "Kampfpanzer", "ſhells", "shells",
        "ΠΥΡΟΒΌΛΑ", "πυροβόλα", "ελικόπτερα", "Гаубиці", "gaubice", "haubice", "obüs",
        "niemieckie", "deutsche", "français", "NORSKE", "svenska", "ukraińskie", "polski",
        "155-mm-", "mm-Munition", " ", ", ", "-", ".", "\n", "und", "and", "et",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, min_size=1, max_size=12))
def test_skipping_never_changes_what_is_found(pieces: list[str]) -> None:
    """Texts assembled from pieces of keywords and adjectives, in odd cases and scripts."""
    text = "".join(pieces)
    assert _gated_keywords(text, None) == _ungated_keywords(text, None)
    assert _gated_adjectives(text, True) == _full_adjectives(text, True)


def test_cues_of_english_german_and_french_hold_no_other_language_words() -> None:
    core = cues.for_language("en")
    assert core.need.search("er is gebrek aan munitie") is None  # Dutch "lack"
    assert cues.for_language("nl").need.search("er is gebrek aan munitie") is not None
    assert cues.for_language(None).need.search("er is gebrek aan munitie") is not None
    # one family's words do not act on another family's texts
    assert cues.for_language("pl").need.search("er is gebrek aan munitie") is None
    assert cues.for_language("pl").need.search("niedobór amunicji") is not None
    # English, German and French words are read in every language
    for lang in ("en", "de", "fr", "nl", "pl", "es", None):
        assert cues.for_language(lang).need.search("Ukraine needs more shells") is not None


def test_families_of_each_language() -> None:
    assert lexicon.families_for("fr") == ()
    assert lexicon.families_for("sv") == (lexicon.germanic,)
    assert lexicon.families_for("ro") == (lexicon.romance,)
    assert lexicon.families_for("uk") == (lexicon.eastern,)
    assert lexicon.families_for(None) == lexicon.FAMILIES
    assert lexicon.items_for("en") == []
    assert lexicon.items_for(None) == lexicon.ITEMS


def test_a_cue_without_words_in_a_family_never_matches() -> None:
    """The past and future words exist only in some families: elsewhere the pattern is
    compiled without any and matches nothing, not everything."""
    for kind in ("past", "future"):
        pattern = getattr(cues.for_language("en"), kind)
        assert pattern.search("was sent will be delivered in 2025") is None


@pytest.mark.parametrize("lang", [None, "pl", "es"])
def test_skipping_cues_finds_the_same_hits_on_labelled_text(lang: str | None) -> None:
    """The modality filter searches a text's sentences only for the cues whose prefixes the
    text holds (:func:`materiel.ingest.modality.live_cues`): the same hits as all of them."""
    from materiel.ingest import modality
    from materiel.ingest.extract import split_sentences

    found = modality.CUES if lang is None else modality.language_cues(lang)
    texts = _labelled_texts(200)
    skipped = 0
    for text in texts:
        live = modality.live_cues(text, found)
        skipped += len(found) - len(live)
        sentences = split_sentences(text)
        full = [modality._hits(text, a, b, found) for a, b in sentences]
        assert [modality._hits(text, a, b, live) for a, b in sentences] == full
        # each cue searched only in the sentences that hold one of its needles
        assert modality._sentence_hits(text, sentences, live, found) == full
    assert skipped >= len(texts) // 2  # the prefilter does skip cues


def test_a_trie_of_words_prefers_the_longest_as_a_sorted_alternation_does() -> None:
    words = ["US", "USA", "United States", "United States of America", "Nor", "Norway"]
    trie = re.compile(rf"(?:{prefilter.trie(words)})(?!\w)")
    plain = re.compile(
        "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"
    )
    text = "USA, US, USAF, United States of America, United States of Am, Norway, Nord, Nor."
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert re.fullmatch(prefilter.trie(["a", "ab", "abc"]), "ab")


def test_the_names_trie_finds_the_same_names_on_labelled_text() -> None:
    """The nation names are one trie (:func:`materiel.ingest.prefilter.trie`), not an
    alternation of 8,000 words: the same mentions, in an eighth of the time."""
    keys = sorted(nations._table(), key=len, reverse=True)
    plain = re.compile(
        nations._pattern().pattern.replace(
            prefilter.trie(nations._table()), "|".join(re.escape(k) for k in keys)
        )
    )
    for text in _labelled_texts(400):
        assert [m.span(1) for m in nations._pattern().finditer(text)] == [
            m.span(1) for m in plain.finditer(text)
        ]


def test_sentence_hits_where_folding_shifts_positions_or_sentences_overlap() -> None:
    """A combining dot folded away shifts the folded text's positions, and overlapping spans
    break the one-sentence-per-position lookup: both fall back to searching every sentence."""
    from materiel.ingest import modality

    text = "Vilniuje\u0307 Germany will not send tanks. Kyiv asked for more shells."
    assert len(prefilter.fold(text)) != len(text)
    cut = text.index("Kyiv")
    for sentences in ([(0, cut - 1), (cut, len(text))], [(0, cut + 4), (cut, len(text))]):
        found = modality.CUES
        full = [modality._hits(text, a, b, found) for a, b in sentences]
        assert modality._sentence_hits(text, sentences, found, found) == full
        assert "notgiven" in full[0] and "request" in full[1]
