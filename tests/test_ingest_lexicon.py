"""The reader's words of other languages (materiel.ingest.lexicon): well-formed data, joined
into the cues, items and nations they extend."""

from __future__ import annotations

import re

import pycountry
import pytest

from materiel.ingest import cues, lexicon
from materiel.ingest.items import AMMO, LAUNCHER
from materiel.records.catalogue import CATEGORIES

ISO3 = {c.alpha_3 for c in pycountry.countries} | {"EUU"}


@pytest.mark.parametrize("family", lexicon.FAMILIES, ids=lambda f: f.__name__.rsplit(".", 1)[1])
def test_family_data_is_well_formed(family: object) -> None:
    words = family.WORDS  # type: ignore[attr-defined]
    assert set(words) <= set(lexicon.KINDS)
    for kind, alt in words.items():
        re.compile(rf"\b(?:{alt})\b")  # compiles alone
        assert not alt.startswith("|") and not alt.endswith("|"), kind
        assert "||" not in alt, kind
    for rx, category, rank in family.ITEMS:  # type: ignore[attr-defined]
        re.compile(rx)
        assert category in CATEGORIES or category in (AMMO, LAUNCHER), (rx, category)
        assert 0 <= rank <= 4
    for name, codes in family.ALIASES.items():  # type: ignore[attr-defined]
        assert name.strip() == name and codes
        assert set(codes) <= ISO3, (name, codes)
    for rx, codes in family.ADJECTIVES.items():  # type: ignore[attr-defined]
        re.compile(rx)
        assert codes and set(codes) <= ISO3, (rx, codes)
    units = family.CALIBRE_UNITS  # type: ignore[attr-defined]
    if units:
        re.compile(units)
        assert not units.startswith("|") and "||" not in units


def test_alternation_joins_every_family() -> None:
    for kind in lexicon.KINDS:
        alt = lexicon.alternation(kind)
        expected = [f.WORDS[kind] for f in lexicon.FAMILIES if f.WORDS.get(kind)]
        assert alt == "".join("|" + w for w in expected)
    with pytest.raises(KeyError):
        lexicon.alternation("no-such-kind")


def test_cues_carry_the_families_words() -> None:
    patterns = {
        "pledge": cues.PLEDGE_CUE_OTHER,
        "not_given": cues.NOT_GIVEN_OTHER,
        "cumulative": cues.CUMULATIVE_OTHER,
        "receive": cues.RECEIVE_CUE,
        "need": cues.NEED_CUE,
        "request": cues.REQUEST,
        "arms": cues.ARMS,
        "commits": cues.COMMITS,
        "continues": cues.CONTINUES,
        "contents": cues.CONTENTS,
        "arrived": cues.ARRIVED,
        "ready": cues.READY_OTHER,
    }
    for kind, other in (("past", cues.PAST_VERB_OTHER), ("future", cues.FUTURE_OTHER)):
        if lexicon.alternation(kind):
            assert other is not None and lexicon.alternation(kind)[1:] in other.pattern
        else:
            assert other is None
    assert set(patterns) | {"past", "future"} == set(lexicon.KINDS)
    for kind, pattern in patterns.items():
        assert lexicon.alternation(kind) in pattern.pattern, kind


def test_a_text_is_read_with_its_familys_item_words() -> None:
    assert lexicon.items_for("en") == [] and lexicon.items_for("de") == []
    assert lexicon.items_for(None) == lexicon.ITEMS
    langs = [lang for f in lexicon.FAMILIES for lang in lexicon.LANGS[f]]
    assert len(langs) == len(set(langs))  # each language in one family
    for f in lexicon.FAMILIES:
        for lang in lexicon.LANGS[f]:
            assert lexicon.items_for(lang) == f.ITEMS


@pytest.mark.parametrize(
    "text",
    [
        "Le Danemark achètera 16 obusiers pour l'Ukraine.",
        "A Dinamarca vai comprar 16 obuses para a Ucrânia.",
        "Dinamarca comprará 16 obuses para Ucrania.",
        "Taani ostab Ukrainale 16 haubitsat.",
        "Tanska ostaa Ukrainalle 16 haupitsia.",
        "Dánsko zaplatí za 16 houfnic pro Ukrajinu.",
        "Dánsko kúpi pre Ukrajinu 16 húfnic.",
        "Danija nupirks Ukrainai 16 haubicų.",
        "Η Δανία θα αγοράσει 16 οβιδοβόλα για την Ουκρανία.",
        "Danimarka Ukrayna için 16 obüs satın alacak.",
    ],
)
def test_buying_or_paying_for_the_recipient_is_giving(text: str) -> None:
    """The verbs of buying and paying for the recipient in each language (the French future
    "achètera" with its grave accent, Portuguese "comprar", Estonian "ostab", Finnish "ostaa",
    Czech "zaplatí")."""
    from materiel.ingest.extract import Extractor

    rows = Extractor(modality=False).read(text).as_label()["pledges"]
    assert [(p["donor"], p["category"], p["quantity"]) for p in rows] == [
        ("DNK", "artillery-system", 16)
    ]
