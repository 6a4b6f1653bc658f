"""Function words read as the text's language reads them (:data:`materiel.ingest.lexicon.
FUNCTION_KINDS`, compiled per language by :func:`materiel.ingest.cues.for_language`): Dutch
"en" is "and", not French "en"; "i" and "a" join two donors in Polish and Czech, not in Italian
or Swedish; Norwegian "sender" is no German broadcaster; French "mais" opens a clause, not
Portuguese "mais de". A text of unknown language reads them as English, German and French do."""

from __future__ import annotations

import pytest

from materiel.ingest import cues, lexicon
from materiel.ingest import nations as nat
from materiel.ingest.extract import _codes, _donor_groups, _segments


def donors(text: str, lang: str | None) -> list[list[str]]:
    """The donor groups of ``text`` read as a text in ``lang``."""
    mentions = nat.find_nations(text, True)
    return [_codes(g) for g in _donor_groups(mentions, text, 0, [], cues.for_language(lang))]


def test_dutch_en_is_and_not_a_place() -> None:
    text = "Nederland en Duitsland leveren 10 tanks aan Oekraïne."
    assert donors(text, "nl") == [["NLD", "DEU"]]
    # French (and a text of unknown language): "en Duitsland" is a place, as "en Pologne"
    assert donors(text, "fr") == donors(text, None) == [["NLD"]]
    assert cues.for_language("fr").place.search("livrés en ")
    assert not cues.for_language("nl").place.search("Nederland en ")
    assert cues.for_language("nl").place.search("geleverd in ")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Polska i Czechy przekazały Ukrainie 10 czołgów.", "pl"),
        ("Česko a Slovensko pošlou Ukrajině 10 tanků.", "cs"),
    ],
)
def test_slavic_i_and_a_join_donors(text: str, lang: str) -> None:
    assert len(donors(text, lang)) == 1
    for other in ("it", "sv", None):  # Italian "i" is an article, Swedish "i" is "in"
        assert len(donors(text, other)) == 2
    assert cues.for_language(lang).donor_join.fullmatch(", i ")
    assert not cues.for_language("it").donor_join.fullmatch(" i ")


def test_nordic_sender_is_no_broadcaster() -> None:
    title = "Norge Sender Flere Våpen til Ukraina"  # a title's capitals
    assert donors(title, "no") == [["NOR"]]
    assert donors(title, None) == []  # unknown language: German "Sender", as before
    assert not cues.for_language("da").firm_after.match(" Sender ")
    assert cues.for_language("de").firm_after.match(" Sender ")
    # German's noun only: a lower-case "sender" is no broadcaster in any text
    assert not cues.for_language(None).firm_after.match(" sender ")
    text = "Der deutsche Sender berichtete, Deutschland liefere Panzer."
    assert [
        [m.surface for m in g]
        for g in _donor_groups(nat.find_nations(text), text, 0, [], cues.for_language("de"))
    ] == [["Deutschland"]]


def test_french_mais_splits_a_clause_portuguese_mais_de_does_not() -> None:
    def clauses(text: str, lang: str | None) -> list[tuple[int, int]]:
        return _segments(text, 0, len(text), cues.for_language(lang).clause_split)

    fr = "La France livre des obus, mais refuse les chars Leclerc."
    assert len(clauses(fr, "fr")) == len(clauses(fr, None)) == 2
    pt = "Portugal envia obuses, mais de 100 viaturas e mais sistemas."
    assert len(clauses(pt, "pt")) == len(clauses(pt, None)) == 1
    scope = cues.for_language("fr").request_scope_end
    assert scope.search("Kiev demande des chars, mais Paris refuse")
    assert not cues.for_language("pt").request_scope_end.search("pede mais de 100 viaturas")


def test_function_words_of_a_language() -> None:
    # unknown language and the core languages: the core languages' words
    for lang in (None, "en", "de", "fr"):
        assert lexicon.function_words("in", lang) == "at|en"
        assert lexicon.function_words("and", lang) == "(?!)"
    assert lexicon.function_words("and", "pl") == "i|a"
    # a core word its language reads as another kind is not read as the core reads it
    assert "(?!(?:en|" in lexicon.function_words("in", "nl")
    # Danish and Norwegian "at" is "that": no place before a nation ("Han sier at Norge gir")
    place = cues.for_language("no").place
    assert not place.search("Han sier at ")
    assert cues.for_language("en").place.search("trained at ")
    assert cues.for_language("nl").place.search("trained at ")
    with pytest.raises(KeyError):
        lexicon.function_words("or", "nl")
    for family in lexicon.FAMILIES:
        for lang, words in family.FUNCTION_WORDS.items():
            assert lang in lexicon.LANGS[family] and set(words) <= set(lexicon.FUNCTION_KINDS)
