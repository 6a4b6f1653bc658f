"""The reader in Spanish, Italian, Portuguese and Romanian (materiel.ingest.lexicon.romance):
pledges with donor, category and quantity, refusals and considerations read as no pledge,
the recipient's requests read as needs, inflected and abbreviated state names. The sentences
are written for these tests."""

from __future__ import annotations

import pytest

from materiel.ingest import nations
from materiel.ingest.extract import Extractor
from materiel.ingest.lexicon import romance


@pytest.fixture(scope="module")
def reader() -> Extractor:
    return Extractor(modality=False)


def _pledges(reader: Extractor, text: str) -> set[tuple[str, str, int | None]]:
    got = reader.read(text).as_label()["pledges"]
    return {(p["donor"], p["category"], p["quantity"]) for p in got}


def _needs(reader: Extractor, text: str) -> set[tuple[str, str]]:
    return {(n["recipient"], n["category"]) for n in reader.read(text).as_label()["needs"]}


PLEDGES = [
    # Catalan: the donor's Catalan name and "Ucraïna"
    ("Espanya enviarà 10 tancs Leopard a Ucraïna.", ("ESP", "main-battle-tank", 10)),
    # Spanish: donate, hand over, self-propelled howitzers, multiple rocket launchers
    (
        "El Gobierno de Portugal donará a Ucrania doce obuses autopropulsados, anunció el lunes"
        " su ministro de Defensa.",
        ("PRT", "artillery-system", 12),
    ),
    (
        "Italia entregará a Ucrania ocho lanzacohetes múltiples en las próximas semanas.",
        ("ITA", "rocket-artillery-system", 8),
    ),
    ("Los EE.UU. entregarán a Ucrania cuatro helicópteros.", ("USA", "helicopter", 4)),
    # Italian: send, armoured vehicles, helicopters
    (
        "La Spagna invierà all'Ucraina 20 veicoli blindati, ha annunciato il ministero.",
        ("ESP", "armoured-vehicle", 20),
    ),
    ("La Gran Bretagna fornirà all'Ucraina tre elicotteri.", ("GBR", "helicopter", 3)),
    # Portuguese: hand over, tanks (European spelling of Poland)
    (
        "A Espanha vai entregar à Ucrânia seis helicópteros, anunciou o ministério.",
        ("ESP", "helicopter", 6),
    ),
    ("A Polónia enviará à Ucrânia dez carros de combate.", ("POL", "main-battle-tank", 10)),
    # Romanian: send, air defence systems; deliver, self-propelled howitzers, tanks
    (
        "Germania va trimite Ucrainei patru sisteme de apărare antiaeriană, a anunțat ministrul.",
        ("DEU", "air-defence-system", 4),
    ),
    (
        "Ministrul apărării al Franței a anunțat că Franța va livra Ucrainei 12 obuziere"
        " autopropulsate.",
        ("FRA", "artillery-system", 12),
    ),
    ("Statele Unite vor livra Ucrainei 20 de tancuri.", ("USA", "main-battle-tank", 20)),
    # ordering for the recipient (b86: Italian "ordinerà" was no word of giving)
    ("La Francia ordinerà a Delair 100 droni per l'Ucraina.", ("FRA", "drone", 100)),
]


@pytest.mark.parametrize(("text", "expected"), PLEDGES)
def test_pledge_is_read_with_donor_category_and_quantity(
    reader: Extractor, text: str, expected: tuple[str, str, int]
) -> None:
    assert expected in _pledges(reader, text)


NOT_GIVEN = [
    "El Gobierno de Portugal descarta enviar carros de combate a Ucrania por ahora.",
    "Il governo della Grecia esclude l'invio di carri armati all'Ucraina.",
    "O Governo italiano está a ponderar o envio de caças para a Ucrânia.",
    "Guvernul Bulgariei a refuzat să trimită avioane de luptă Ucrainei.",
    # considered, studied, could
    "Suecia estudia la posibilidad de ceder aviones de combate a Ucrania.",
    "La Norvegia potrebbe consegnare altri elicotteri all'Ucraina.",
    "România analizează trimiterea unui al doilea sistem antiaerian în Ucraina.",
    # deciding later whether to give
    "El Gobierno decidirá en otoño si España envía aviones de combate a Ucrania.",
    "Il governo deciderà in autunno se l'Italia invierà caccia all'Ucraina.",
    # support that goes on, no package of its own; a proposal
    "Bélgica seguirá enviando fusiles de asalto y ametralladoras a Ucrania.",
    "A Comissão Europeia propõe entregar à Ucrânia mais munições de artilharia.",
]


@pytest.mark.parametrize("text", NOT_GIVEN)
def test_refusal_or_consideration_is_no_pledge(reader: Extractor, text: str) -> None:
    assert _pledges(reader, text) == set()


NEEDS = [
    (
        "El presidente ucraniano pidió a los aliados más sistemas de defensa aérea para proteger"
        " las ciudades.",
        ("UKR", "air-defence-system"),
    ),
    (
        "Zelensky ha chiesto agli alleati nuovi sistemi di difesa aerea e munizioni di"
        " artiglieria.",
        ("UKR", "artillery-ammunition"),
    ),
    ("A Ucrânia precisa de sistemas de defesa aérea.", ("UKR", "air-defence-system")),
    (
        "Ucraina a cerut aliaților mai multe sisteme de apărare aeriană.",
        ("UKR", "air-defence-system"),
    ),
    ("Kiev plaide pour la livraison de chars lourds.", ("UKR", "main-battle-tank")),
    # "se" is "if" in Italian and Portuguese only: in French and Spanish it is reflexive
    ("Kiev se plaint d'une pénurie de munitions d'artillerie.", ("UKR", "artillery-ammunition")),
    (
        "Ucrania se queja de la escasez de munición de artillería, dijo Zelenski.",
        ("UKR", "artillery-ammunition"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEEDS)
def test_request_of_the_recipient_is_a_need(
    reader: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _needs(reader, text)
    assert _pledges(reader, text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("la decisión de los EE. UU.", "USA"),
        ("el apoyo de Gran Bretaña", "GBR"),
        ("il sostegno della Repubblica Ceca", "CZE"),
        ("o contributo da Polónia", "POL"),
        ("ajutorul Germaniei", "DEU"),
        ("pachetul Statelor Unite", "USA"),
        ("sprijinul Marii Britanii", "GBR"),
        ("decizia Franţei", "FRA"),
        ("fondurile Uniunii Europene", "EUU"),
    ],
)
def test_inflected_and_abbreviated_names(text: str, code: str) -> None:
    assert (code,) in [n.codes for n in nations.find_nations(text)]


def test_past_total_is_no_new_pledge(reader: Extractor) -> None:
    assert _pledges(reader, "Italia ya ha entregado a Ucrania seis obuses.") == set()
    assert _pledges(reader, "Portugal já tinha enviado à Ucrânia seis helicópteros.") == set()


def test_no_word_of_the_family_is_empty() -> None:
    for kind, words in romance.WORDS.items():
        assert all(part for part in words.split("|")), kind


# -- round 2: own stocks and purchases, running out, past totals told in other words

NOT_GIVEN_2 = [
    # refilling the donor's own stocks
    "El Congreso aprobó 2.000 millones de dólares para que Estados Unidos reponga sus reservas"
    " de armas.",
    "Gli Stati Uniti hanno stanziato 3 miliardi di dollari per ricostituire le scorte di armi"
    " inviate all'Ucraina.",
    # a contract to buy, for the donor itself
    "Polonia a semnat un contract pentru achiziția a 48 de obuziere K9.",
    "Portugal assinou um contrato para a aquisição de 12 helicópteros.",
    # running out of arms
    "O Reino Unido avisou que está a ficar sem armas para enviar para a Ucrânia.",
    # a past total in the pluperfect, told as an amount, or over the last months
    "España había enviado a Ucrania veinte vehículos blindados.",
    "L'Italia ha inviato all'Ucraina aiuti che ammontano a 1,2 miliardi di euro.",
    "Portugal entregou à Ucrânia nos últimos doze meses dez blindados.",
    "Franța a trimis Ucrainei ajutoare care se ridică la 3 miliarde de euro.",
    "Bulgaria a trimis Ucrainei un pachet care era în valoare de 20 de milioane de euro.",
]


@pytest.mark.parametrize("text", NOT_GIVEN_2)
def test_own_stocks_running_out_and_past_totals_are_no_pledge(reader: Extractor, text: str) -> None:
    assert _pledges(reader, text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("el Gobierno alemán", "DEU"),
        ("il governo tedesco", "DEU"),
        ("o executivo francês", "FRA"),
        ("guvernul francez", "FRA"),
        ("Guvernul german", "DEU"),
        ("ministrul american", "USA"),
        ("il ministro olandese", "NLD"),
        ("a ajuda dinamarquesa", "DNK"),
    ],
)
def test_state_adjectives(text: str, code: str) -> None:
    assert (code,) in [n.codes for n in nations.find_nations(text)]


def test_romanian_english_adjectives_need_a_government_noun() -> None:
    # "german", "american" are English words: alone they are no Romanian adjective
    assert nations.find_nations("an american and a german company") == []


def test_package_without_item_is_unspecified() -> None:
    """A rule of the reader, read without the modality filter (retrained on the labelled texts,
    its word weights may drop a one-sentence text's pledge: not what this tests)."""
    got = _pledges(
        Extractor(modality=False),
        "Il governo italiano ha approvato un nuovo pacchetto di aiuti militari per l'Ucraina.",
    )
    assert ("ITA", "unspecified", None) in got


def test_calibre_in_millimetres() -> None:
    from materiel.ingest import items

    for text in ("proiectile de 155 de milimetri", "obuses de 155 milímetros"):
        m = items.CALIBRE.search(text)
        assert m is not None and m.group(1) == "155"


def test_romanian_patrol_ships_are_naval() -> None:
    rows = Extractor(modality=False).read("Germania va trimite Ucrainei 10 nave de patrulare.")
    assert [(p["category"], p["quantity"]) for p in rows.as_label()["pledges"]] == [("naval", 10)]
