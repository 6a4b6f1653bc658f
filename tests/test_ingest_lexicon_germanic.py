"""The reader in Dutch, Danish, Norwegian, Swedish and Icelandic (materiel.ingest.lexicon.germanic):
sentences written for these tests, not taken from the labelled texts."""

from __future__ import annotations

import re

import pytest

from materiel.ingest import nations
from materiel.ingest.extract import Extractor
from materiel.ingest.items import ItemTable
from materiel.ingest.lexicon import germanic


@pytest.fixture(scope="module")
def reader() -> Extractor:
    return Extractor(modality=False)


def _read(reader: Extractor, text: str, kind: str) -> list[tuple[object, ...]]:
    out = []
    for d in reader.read(text).drafts:
        if d.kind != kind:
            continue
        if kind == "pledge":
            out.append((d.fields["donor"], d.fields["category"], d.fields.get("quantity")))
        else:
            out.append((d.fields["recipient"], d.fields["category"]))
    return out


PLEDGES = [
    # Danish "modtog" (received, in the past)
    ("Ukraine modtog 10 kampvogne fra Tyskland.", ("DEU", "main-battle-tank", 10)),
    # Dutch
    (
        "Nederland levert twaalf pantserhouwitsers aan Oekraïne, heeft de minister dinsdag "
        "bekendgemaakt.",
        ("NLD", "artillery-system", 12),
    ),
    (
        "Het Nederlandse kabinet stuurt 18 gevechtsvliegtuigen naar Oekraïne.",
        ("NLD", "aircraft", 18),
    ),
    # Danish
    (
        "Danmark donerer 20 kampvogne til Ukraine, oplyser Forsvarsministeriet.",
        ("DNK", "main-battle-tank", 20),
    ),
    (
        "Tysklands regering har lovet Ukraine 100 pansrede mandskabsvogne.",
        ("DEU", "armoured-vehicle", 100),
    ),
    # Norwegian
    (
        "Norge gir 40 pansrede kjøretøy til Ukraina, opplyser Forsvarsdepartementet.",
        ("NOR", "armoured-vehicle", 40),
    ),
    # Swedish
    ("Sverige skänker 50 stridsfordon till Ukraina.", ("SWE", "armoured-vehicle", 50)),
    (
        "Nederländernas regering skickar 200 lastbilar till Ukraina.",
        ("NLD", "vehicle", 200),
    ),
    # Icelandic
    ("Ísland sendir 10 sjúkrabíla til Úkraínu.", ("ISL", "vehicle", 10)),
    ("Noregur sendir 5 þyrlur til Úkraínu.", ("NOR", "helicopter", 5)),
]


@pytest.mark.parametrize(("text", "expected"), PLEDGES)
def test_pledge_with_donor_category_and_quantity(
    reader: Extractor, text: str, expected: tuple[str, str, int]
) -> None:
    assert _read(reader, text, "pledge") == [expected]


NOT_GIVEN = [
    "Het kabinet sluit niet uit dat er later gevechtsvliegtuigen naar Oekraïne gaan, maar "
    "overweegt de levering van F-16's voorlopig nog.",
    "Nederland heeft tot nu toe 24 F-16's aan Oekraïne geleverd.",
    "Regeringen afviser at sende kampfly til Ukraine.",
    "Danmark har hidtil doneret 100 kampvogne til Ukraine.",
    "Regjeringen vurderer om Norge skal sende stridsvogner til Ukraina.",
    "Norge vil ikke sende F-16-fly til Ukraina nå.",
    "Regeringen har tackat nej till att skicka stridsflygplan till Ukraina.",
    "Sverige har hittills skickat 50 stridsfordon till Ukraina.",
    "Stjórnvöld á Íslandi hafa hafnað því að senda vopn til Úkraínu.",
    # deciding later whether to give
    "Danmark vil først i efteråret tage stilling til, om man skal donere F-16-fly til Ukraine.",
    "Sverige ska i höst ta ställning till om landet ska skänka Gripen-plan till Ukraina.",
    "Het kabinet beslist in het najaar of Nederland F-16's aan Oekraïne levert.",
]


@pytest.mark.parametrize("text", NOT_GIVEN)
def test_refused_considered_or_past_total_is_no_pledge(reader: Extractor, text: str) -> None:
    assert _read(reader, text, "pledge") == []


NEEDS = [
    (
        "Oekraïne heeft dringend behoefte aan artilleriegranaten, zei de Oekraïense minister.",
        "artillery-ammunition",
    ),
    ("De Oekraïense president vraagt om meer luchtverdediging.", "air-defence-system"),
    (
        "Ukraine har brug for flere luftværnssystemer, siger den ukrainske forsvarsminister.",
        "air-defence-system",
    ),
    ("Ukraina ber om flere luftvernsystemer.", "air-defence-system"),
    (
        "Ukraina trenger flere stridsvogner, sier den ukrainske forsvarsministeren.",
        "main-battle-tank",
    ),
    (
        "Ukraina behöver fler luftvärnssystem, sade den ukrainska försvarsministern.",
        "air-defence-system",
    ),
    ("Úkraína óskar eftir fleiri loftvarnarkerfum.", "air-defence-system"),
    ("Úkraína þarf fleiri skriðdreka, segir varnarmálaráðherra Úkraínu.", "main-battle-tank"),
    # a quotation's end closes what the need word governs, before the speaker's tag: the
    # items stand before a verb that ends the quoted clause
    ('"We hebben meer luchtverdedigingssystemen nodig", zei Zelensky.', "air-defence-system"),
    # wanting to have ("vill ha", "vil have")
    ("Ukraina vill ha fler stridsvagnar.", "main-battle-tank"),
    ("Ukraine vil have flere kampvogne.", "main-battle-tank"),
]


@pytest.mark.parametrize(("text", "category"), NEEDS)
def test_need_from_the_recipients_request(reader: Extractor, text: str, category: str) -> None:
    assert _read(reader, text, "need") == [("UKR", category)]
    assert _read(reader, text, "pledge") == []


NATION_FORMS = [
    ("Volgens de Duitse regering", "Duitse", "DEU"),
    ("in Berlijn en Londen", "Londen", "GBR"),
    ("de VS en Canada", "VS", "USA"),
    ("Danmark og Nederlandene", "Nederlandene", "NLD"),
    ("Förenta staternas regering", "Förenta staternas", "USA"),
    ("oplyser Forsvarsministeriet", "Forsvarsministeriet", "DNK"),
    ("sier Forsvarsdepartementet", "Forsvarsdepartementet", "NOR"),
    ("frá Noregi og Danmörku", "Noregi", "NOR"),
    ("ríkisstjórn Bandaríkjanna", "Bandaríkjanna", "USA"),
    ("til Úkraínu", "Úkraínu", "UKR"),
]


@pytest.mark.parametrize(("text", "surface", "code"), NATION_FORMS)
def test_inflected_nation_forms(text: str, surface: str, code: str) -> None:
    found = {(n.surface, n.codes) for n in nations.find_nations(text)}
    assert (surface, (code,)) in found


ITEM_WORDS = [
    ("luftvernmissilene", "air-defence-missile"),
    ("luchtverdedigingssystemen", "air-defence-system"),
    ("artilleriammunisjon", "artillery-ammunition"),
    ("rakettkastere", "rocket-artillery-system"),
    ("pansarvärnsrobotar", "anti-tank-weapon"),
    ("kulsprutor", "small-arms"),
    ("overvåkningsdroner", "drone"),
    ("minröjningsutrustning", "demining"),
    ("feltsygehuse", "medical"),
    ("vinterudstyr", "other-military"),
    ("reservedele", "other-military"),
    ("patruljebåter", "naval"),
    ("skriðdrekar", "main-battle-tank"),
    # Swedish and Norwegian plurals that drop the "e" of "helikopter"; Swedish radar stations
    ("helikoptrar", "helicopter"),
    ("helikoptrene", "helicopter"),
    ("radarstationer", "other-military"),
]


@pytest.mark.parametrize(("word", "category"), ITEM_WORDS)
def test_item_words(word: str, category: str) -> None:
    found = ItemTable().find(f"Pakken omfatter {word}.")
    assert [m.category for m in found] == [category]


#: words of English, German and French that a careless stem would catch
CORE_WORDS = [
    "Kanonen",
    "Helmen",
    "Uniformen",
    "Radaren",
    "Radarstation",
    "Fregatten",
    "Korvetten",
    "Satellitenkommunikation",
    "Kommunikationssysteme",
    "verboten",
    "pleite",
    "Bristol",
    "appellera",
    "appellerait",
    "Sprengstoffe",
    "Artilleriebeschuss",
    "skip",
    "fly",
    "day",
]


def test_no_item_or_need_word_hits_english_german_french() -> None:
    rows = [re.compile(rf"(?<![\w-])(?:{rx})(?![\w])", re.I) for rx, _, _ in germanic.ITEMS]
    words = [
        re.compile(rf"\b(?:{germanic.WORDS[k]})\b", re.I) for k in ("need", "request", "receive")
    ]
    for word in CORE_WORDS:
        assert not any(rx.fullmatch(word) for rx in rows), word
        assert not any(rx.search(word) for rx in words), word


# -- round 2: arms and commitments, past totals, demands, state adjectives, calibres ---------

UNSPECIFIED = [
    ("Nederland zal meer wapens aan Oekraïne leveren.", "NLD"),
    ("Den danske regering vil sende flere våben til Ukraine.", "DNK"),
    ("Den norske regjeringen vil gi mer militær støtte til Ukraina.", "NOR"),
    ("Sverige kommer att skicka mer vapen till Ukraina.", "SWE"),
    ("Ísland mun senda meiri hernaðaraðstoð til Úkraínu.", "ISL"),
]


@pytest.mark.parametrize(("text", "donor"), UNSPECIFIED)
def test_arms_with_a_commitment_and_no_item_is_an_unspecified_pledge(text: str, donor: str) -> None:
    # the rules alone: on a one-sentence text with no item, the modality filter's pledge model
    # sits near its threshold for unspecified drafts and moves with each retraining (session 19:
    # the Icelandic sentence fell just below it); what is tested here is the rule
    assert _read(Extractor(modality=False), text, "pledge") == [(donor, "unspecified", None)]


ADJECTIVE_DONORS = [
    (
        "Den svenska regeringen skickar 20 stridsvagnar till Ukraina.",
        ("SWE", "main-battle-tank", 20),
    ),
    ("Den norske regjeringen sender 14 stridsvogner til Ukraina.", ("NOR", "main-battle-tank", 14)),
    ("Hollenska ríkisstjórnin sendir 10 skriðdreka til Úkraínu.", ("NLD", "main-battle-tank", 10)),
    (
        "Danmark donerer 5.000 granatkastere til Ukraine.",
        ("DNK", "artillery-system", 5000),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADJECTIVE_DONORS)
def test_lower_case_adjective_names_the_donor(
    reader: Extractor, text: str, expected: tuple[str, str, int]
) -> None:
    assert _read(reader, text, "pledge") == [expected]


NOT_GIVEN_2 = [
    # the total contribution, an earlier gift
    "Det samlede norske bidrag til Ukraina er på 10 milliarder kroner.",
    "Tidligere har Norge sendt 14 stridsvogner til Ukraina.",
    "Tidlegare har Noreg sendt 14 stridsvogner til Ukraina.",
    "Tidigare har Sverige skickat 50 stridsfordon till Ukraina.",
    "Áður hafði Ísland sent 10 sjúkrabíla til Úkraínu.",
    "Aanvankelijk heeft Nederland 20 pantserhouwitsers aan Oekraïne geleverd.",
    # a demand on the donor
    "Danmark må sende flere kampvogne til Ukraine, siger oppositionen.",
    "Sverige måste skicka fler stridsvagnar till Ukraina, anser oppositionen.",
    "Nederland moet meer tanks naar Oekraïne sturen, zegt de oppositie.",
    "Ísland verður að senda fleiri sjúkrabíla til Úkraínu.",
    # postponed, sold, for the donor's own forces
    "Leveringen av 20 stridsvogner til Ukraina er utsatt.",
    "Norge kjøper nye stridsvogner til Forsvaret for å erstatte dem som ble gitt til Ukraina.",
    "Firmaet sælger 20 pansrede køretøjer til Ukraine.",
    # a recap of past totals goes on in the past
    "Sverige har hittills skickat 50 stridsfordon till Ukraina. 12 haubitsar levererades "
    "till Ukraina i mars.",
    "Ísland hefur hingað til veitt 5 milljarða króna til Úkraínu. 10 sjúkrabílar voru "
    "afhentir Úkraínu.",
]


@pytest.mark.parametrize("text", NOT_GIVEN_2)
def test_totals_demands_and_sales_are_no_pledge(reader: Extractor, text: str) -> None:
    assert _read(reader, text, "pledge") == []


def test_a_recap_stops_at_the_future() -> None:
    text = (
        "Sverige har hittills skickat 50 stridsfordon till Ukraina. 12 haubitsar ska "
        "levereras till Ukraina i mars."
    )
    # the rules' reading: the modality filter's verdict on a two-sentence text sits near its
    # threshold and moves with each retraining
    rules = Extractor(modality=False)
    assert _read(rules, text, "pledge") == [("SWE", "artillery-system", 12)]


@pytest.mark.parametrize(
    "text",
    [
        "Danmark donerer 5.000 granater af 155 millimeters kaliber til Ukraine.",
        "Ísland sendir 5000 sprengjur af 155 millimetra hlaupvídd til Úkraínu.",
        "Danmark sender 5.000 155 mm-granater til Ukraine.",
    ],
)
def test_calibre_in_millimetres(reader: Extractor, text: str) -> None:
    drafts = [d for d in reader.read(text).drafts if d.kind == "pledge"]
    assert [(d.fields["category"], d.fields.get("caliber")) for d in drafts] == [
        ("artillery-ammunition", "155mm")
    ]


ADJECTIVE_FORMS = [
    ("den danske regering", "danske", "DNK"),
    ("den norske regjeringen", "norske", "NOR"),
    ("den svenska regeringen", "svenska", "SWE"),
    ("þýska ríkisstjórnin", "þýska", "DEU"),
    ("bandarísk stjórnvöld", "bandarísk", "USA"),
    ("det tyske forsvarsministerium", "tyske", "DEU"),
]


@pytest.mark.parametrize(("text", "surface", "code"), ADJECTIVE_FORMS)
def test_adjective_forms(text: str, surface: str, code: str) -> None:
    found = {(n.surface, n.codes) for n in nations.find_nations(text)}
    assert (surface, (code,)) in found


@pytest.mark.parametrize(
    "text",
    [
        "1,5 milliarder norske kroner",
        "75 milliarder svenske kroner",
        "3 miljarder svenska kronor",
        "2,5 milljarða íslenskra króna",
        "den britisk ledede fond",
    ],
)
def test_adjective_is_no_nation_before_a_currency_or_a_leader(text: str) -> None:
    assert nations.find_nations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Danmark råder over 44 kampvogne, som kan sendes til Ukraine.",
        "Noreg vil ikkje sende stridsvogner til Ukraina.",
        "Nederland koopt 46 Leopard 2-tanks voor de eigen krijgsmacht.",
    ],
)
def test_a_stock_a_nynorsk_negation_or_own_forces_is_no_pledge(
    reader: Extractor, text: str
) -> None:
    assert _read(reader, text, "pledge") == []


def test_danish_news_idiom_kunne_oplyse_is_a_pledge(reader: Extractor) -> None:
    text = "Danmark kunne i dag oplyse, at landet sender 20 kampvogne til Ukraine."
    assert _read(reader, text, "pledge") == [("DNK", "main-battle-tank", 20)]
