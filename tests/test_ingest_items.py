"""Item words and their categories: the lexicon in several languages, the head of a hyphenated
German compound, ammunition named beside its weapon, and one unit counted by "a further"."""

from __future__ import annotations

import pytest

from materiel.ingest.extract import Reading, read_text
from materiel.ingest.items import ItemTable, resolve_phrase


def _category(phrase: str) -> str:
    mentions = ItemTable().find(phrase)
    return resolve_phrase(mentions, phrase)[0] if mentions else ""


def _pledges(r: Reading) -> list[tuple[str, str, str | None, int | None]]:
    return sorted(
        (d.fields["donor"], d.fields["category"], d.fields["caliber"], d.fields["quantity"])
        for d in r.by_kind("pledge")
    )


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        # named missiles: air-launched anti-armour (also fired from the ground), NASAMS's
        # interceptors, HIMARS's glide bombs
        ("600 Brimstone missiles", "anti-tank-weapon"),
        ("600 Brimstone-Raketen", "anti-tank-weapon"),
        ("Hellfire missiles", "anti-tank-weapon"),
        ("AMRAAMs", "air-defence-missile"),
        ("GLSDB", "rocket-artillery-ammunition"),
        # the M72 LAW is a shoulder-fired anti-tank rocket launcher, no rocket artillery
        ("4,500 M72 rocket launchers", "anti-tank-weapon"),
        ("M72 LAW", "anti-tank-weapon"),
        # German
        ("zwei Flugverteidigungssysteme", "air-defence-system"),
        ("zwei Flugabwehrraketensysteme", "air-defence-system"),  # systems, not their missiles
        ("sieben Flakpanzer", "air-defence-system"),
        ("9.000 Schuss Flakpanzermunition", "air-defence-missile"),
        ("40 gepanzerte Truppentransporter", "armoured-vehicle"),
        ("zwei Millionen Schuss Handmunition", "small-arms-ammunition"),
        ("vier Millionen Patronen", "small-arms-ammunition"),
        ("eine Million Kleinwaffen", "small-arms"),
        ("20 Lenkflugkörpern für IRIS-T", "air-defence-missile"),
        ("60 Raketen für das Flugabwehrsystem NASAMS", "air-defence-missile"),
        ("Ersatzteile", "other-military"),
        ("acht Militärzelte", "other-military"),
        ("zehn Ersatzrohre", "other-military"),
        # English
        ("six missile interceptors", "air-defence-missile"),
        ("anti-aircraft missile systems", "air-defence-system"),
        ("anti-armor capabilities", "anti-tank-weapon"),
        ("an armoured recovery vehicle", "armoured-vehicle"),
        ("100 M1117 Armored Security Vehicles", "armoured-vehicle"),
        ("90 Mine-Resistant Ambush Protected (MRAP) vehicles", "armoured-vehicle"),
        ("uncrewed aerial systems", "drone"),
        ("minefield breaching equipment", "demining"),
        ("bomb disposal equipment", "demining"),
        ("gas masks", "other-military"),
        ("thermal imagers", "other-military"),
        ("10 replacement barrels", "other-military"),
        ("High-speed anti-radiation missiles (HARM)", "other-military"),
        # French, Spanish, Portuguese
        ("des pièces de rechange", "other-military"),
        ("une douzaine de chars de dépannage", "armoured-vehicle"),
        ("des systèmes de roquettes à lancements multiples", "rocket-artillery-system"),
        ("material sanitario", "medical"),
        ("equipamento médico", "medical"),
        # Nordic, Polish
        ("3.000 panserskudd", "anti-tank-weapon"),
        ("förstärkningar till luftförsvaret", "air-defence-system"),
        ("systemów obrony powietrznej", "air-defence-system"),
        ("minröjningsutrustning", "demining"),
        ("5.000 kroppsskjold", "other-military"),
        ("135.000 feltrasjoner", "other-military"),
        # engineering machines are vehicles (as the labels have them)
        ("several excavators", "vehicle"),
        ("zwei Gabelstapler", "vehicle"),
        # session 19: words of the tuning set's missed pledges
        ("Überwachungsradars", "other-military"),
        ("100.000 Erste-Hilfe-Sets", "medical"),
        ("des appareils aériens sans pilote", "drone"),
        ("armored tactical vehicles", "armoured-vehicle"),
        ("engineering and construction equipment", "other-military"),
        ("counter-drone capabilities", "other-military"),
        ("medical evacuation equipment", "medical"),
        ("schwere Artilleriewaffen", "artillery-system"),
        ("200 toneladas de uniformes", "other-military"),
        ("des uniformes d'hiver", "other-military"),
        ("skarpskytterammunisjon", "small-arms-ammunition"),
        ("munitie van klein kaliber", "small-arms-ammunition"),
        ("vinterklede og utrusting", "other-military"),
        ("40 de-mining vehicles", "demining"),
        ("to demine the territory", "demining"),
        ("the Mine Action Coalition", "demining"),
        ("one Luna unmanned system", "drone"),
        ("submarines", "naval"),
        ("16 Brückenlegepanzer", "armoured-vehicle"),
        ("bridge-laying tanks", "armoured-vehicle"),
        ("gepanzerte Krankenwagen", "armoured-vehicle"),
        ("Wärmebildkameras", "other-military"),
        ("Drohnen-Abwehrsysteme", "other-military"),
        ("anti-tank mines", "other-military"),
        ("des tubes de canon", "other-military"),
        ("de capteurs électro-optiques", "other-military"),
        ("ein Feldkrankenhaus", "medical"),
        ("die Räumung von Landminen", "demining"),
        ("des munitions antiblindées", "anti-tank-weapon"),
        ("des munitions télé-opérées", "drone"),
        ("podstatného množství velkorážní munice", "artillery-ammunition"),
        ("21 bomberydningsrobotter", "demining"),
        ("2000 beskyttelsesdragter", "other-military"),
        ("divise da campo invernali", "other-military"),
        ("materiale di primo soccorso", "medical"),
        ("25 pantserinfanterievoertuigen", "armoured-vehicle"),
    ],
)
def test_item_words_in_several_languages(phrase: str, category: str) -> None:
    assert _category(phrase) == category


def test_a_verb_spelled_like_an_acronym_is_no_item() -> None:
    assert _category("The strikes harm civilians.") == ""
    assert _category("a stray flak jacket") == "other-military"  # the vest, no anti-aircraft gun


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("zwanzig Marder-Schützenpanzer", "armoured-vehicle"),
        ("zwölf M55S-Panzer", "main-battle-tank"),
        ("ein TRML-4D-Radar", "other-military"),
        ('sechs "Sea-King"-Hubschrauber', "helicopter"),
        ("16 Zetros-LKW", "vehicle"),
        ("Patriot-Luftabwehrraketen", "air-defence-missile"),
        ("sechs Startgeräte für Hawk-Flugabwehrraketen", "air-defence-system"),
    ],
)
def test_the_head_of_a_hyphenated_compound_names_the_item(phrase: str, category: str) -> None:
    assert _category(phrase) == category


def test_english_hyphenated_words_take_no_german_head() -> None:
    assert _category("New Anti-Tank Weapons") == "anti-tank-weapon"
    assert _category("the Counter-Drone task force") == ""


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("200,000 shells for Gepard systems", "air-defence-missile"),
        ("10,000 shells for M777 howitzers", "artillery-ammunition"),
        ("4,000 howitzer shells", "artillery-ammunition"),
        ("knapp 100 Flugabwehrraketen vom Typ Mistral", "air-defence-system"),  # MANPADS
        ("500 Stinger missiles", "air-defence-system"),
        # equipment or munitions for an aircraft are no aircraft (the labels: other materiel)
        ("air-to-ground munitions and equipment for F-16 fighter jets", "other-military"),
        ("Luft-Boden-Munition und Ausrüstung für F-16-Kampfjets", "other-military"),
        ("six F-16 fighter jets", "aircraft"),
    ],
)
def test_ammunition_beside_its_weapon(phrase: str, category: str) -> None:
    assert _category(phrase) == category


def test_a_weapon_with_a_number_of_rounds_is_two_entries() -> None:
    r = read_text(
        "Deutschland liefert der Ukraine sieben Flakpanzer Gepard mit 120.000 Schuss Munition."
    )
    assert _pledges(r) == [
        ("DEU", "air-defence-missile", None, 120000),
        ("DEU", "air-defence-system", None, 7),
    ]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Germany will send a further Patriot system to Ukraine.", 1),
        ("The United States will send another Patriot battery to Ukraine.", 1),
        ("Deutschland liefert der Ukraine ein weiteres Flugabwehrsystem IRIS-T SLM.", 1),
        ("Deutschland kündigte die Lieferung eines weiteren Patriot-Systems an die Ukraine an.", 1),
        ("Les États-Unis vont envoyer à Kiev un autre système de défense aérienne Patriot.", 1),
        ("Germany will send a Patriot system to Ukraine.", None),  # a bare article: no number
        ("Germany will send a further 20 Marder infantry fighting vehicles to Ukraine.", 20),
        ("France will send a second batch of Patriot missiles to Ukraine.", None),  # a counter
    ],
)
def test_a_further_unit_counts_one(text: str, quantity: int | None) -> None:
    [d] = read_text(text).by_kind("pledge")
    assert d.fields["quantity"] == quantity


def test_a_weapon_accompanied_by_its_ammunition_is_two_entries() -> None:
    r = read_text("La Belgique livrera à l'Ukraine 3.000 fusils FNC accompagnés de munitions.")
    assert ("BEL", "small-arms", None, 3000) in _pledges(r)
    r = read_text("Deutschland liefert der Ukraine zwei Flugabwehrsysteme IRIS-T samt Munition.")
    assert ("DEU", "air-defence-system", None, 2) in _pledges(r)


def test_batteries_of_guns_count_no_guns() -> None:
    r = read_text("The UK will send two batteries of AS90 self-propelled guns to Ukraine.")
    assert _pledges(r) == [("GBR", "artillery-system", None, None)]
    r = read_text("Germany will send two batteries of Patriot to Ukraine.")
    assert _pledges(r) == [("DEU", "air-defence-system", None, 2)]


def test_vague_thousands_and_a_dutch_article_are_no_number() -> None:
    r = read_text("Noruega entregará a Ucrania miles de lanzagranadas antitanque.")
    assert _pledges(r) == [("NOR", "anti-tank-weapon", None, None)]
    r = read_text("Nederland gaat een beperkt aantal pantserhouwitsers aan Oekraïne leveren.")
    assert _pledges(r) == [("NLD", "artillery-system", None, None)]


def test_nordic_and_slavic_and_separate_items() -> None:
    r = read_text("Sverige skickar stridsfordon 90 och pansarvärnsrobotar till Ukraina.")
    assert {p[1] for p in _pledges(r)} == {"armoured-vehicle", "anti-tank-weapon"}
    assert _category("Infanteriefahrzeuge") == "armoured-vehicle"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Kanada liefert der Ukraine nach Angaben 150 Flugabwehrraketen.", 150),
        ("Luxemburg wird den ukrainischen Streitkräften 80 Panzerabwehrraketen übergeben.", 80),
        ("Germany will send Leopard 2 tanks to Ukraine.", None),  # a model number
        ("Sweden will send Type 90 infantry fighting vehicles to Ukraine.", None),
    ],
)
def test_a_capitalised_noun_before_a_number_is_no_model_name(
    text: str, quantity: int | None
) -> None:
    r = read_text(text)
    assert [p[3] for p in _pledges(r)] == [quantity]


def test_several_thousand_is_no_number() -> None:
    r = read_text("Latvia will provide Ukraine with several thousand drones.")
    assert [p[3] for p in _pledges(r)] == [None]
    r = read_text("Latvia will provide Ukraine with two thousand drones.")
    assert [p[3] for p in _pledges(r)] == [2000]
