"""Binding numbers to items: a number counts the noun of its own phrase, coordinated items are
separate entries, and a past total named in an aside leaves the new pledge standing."""

from __future__ import annotations

from materiel.ingest import cues
from materiel.ingest.extract import Extractor, Reading, read_text
from materiel.ingest.items import find_calibre


def _pledges(r: Reading) -> list[tuple[str, str, str | None, int | None]]:
    return sorted(
        (d.fields["donor"], d.fields["category"], d.fields["caliber"], d.fields["quantity"])
        for d in r.by_kind("pledge")
    )


# -- a number whose own noun is no item ------------------------------------------------------
def test_a_number_counting_days_or_people_binds_to_no_item() -> None:
    r = read_text(
        "Deutschland hat in den letzten sieben Tagen 10 Leopard 1A5 an die Ukraine geliefert."
    )
    assert _pledges(r) == [("DEU", "main-battle-tank", None, 10)]
    r = read_text(
        "Australia will transfer 30 more Bushmaster APCs to Ukraine and send 70 instructors to "
        "train Ukrainian troops."
    )
    assert _pledges(r) == [
        ("AUS", "armoured-vehicle", None, 30),
        ("AUS", "other-military", None, None),
    ]


def test_count_nouns_in_several_languages() -> None:
    for phrase in ("3 years", "sieben Tagen", "12 nations", "5 países", "dix pays", "4 Wochen"):
        assert cues.COUNT_NOUN.search(phrase), phrase
    for phrase in ("5,000 rounds", "10 tanks", "Schuss", "obus"):
        assert not cues.COUNT_NOUN.fullmatch(phrase.split()[-1]), phrase


def test_a_number_in_words_is_no_model_number() -> None:
    # a capitalised word before "sechs" does not make it a model name as in "Leopard 2"
    r = read_text(
        "Spanien bestätigte die Lieferung von sechs Trägerraketen für Hawk-Flugabwehrraketen an "
        "die Ukraine."
    )
    assert _pledges(r) == [("ESP", "air-defence-system", None, 6)]
    r = read_text("Germany will send Leopard 2 tanks to Ukraine.")
    assert _pledges(r) == [("DEU", "main-battle-tank", None, None)]


# -- coordination ---------------------------------------------------------------------------
def test_coordination_in_spanish_splits_items_with_their_counts() -> None:
    r = read_text(
        "Noruega suministrará a Ucrania tres lanzacohetes múltiples MLRS y 5.000 municiones a "
        "través del Reino Unido."
    )
    assert _pledges(r) == [
        ("NOR", "rocket-artillery-ammunition", None, 5000),
        ("NOR", "rocket-artillery-system", None, 3),
    ]


def test_a_weapon_with_its_ammunition_is_two_entries() -> None:
    r = read_text(
        "Deutschland liefert der Ukraine drei Mehrfachraketenwerfer Mars mit Munition und 20.000 "
        "Schuss Artilleriemunition."
    )
    assert _pledges(r) == [
        ("DEU", "artillery-ammunition", None, 20000),
        ("DEU", "rocket-artillery-ammunition", None, None),
        ("DEU", "rocket-artillery-system", None, 3),
    ]


def test_bare_ammunition_beside_a_counted_weapon_is_its_ammunition() -> None:
    r = read_text(
        "Die Niederlande liefern der Ukraine 10 Panzerhaubitzen und 5.000 Schuss Munition."
    )
    assert _pledges(r) == [
        ("NLD", "artillery-ammunition", None, 5000),
        ("NLD", "artillery-system", None, 10),
    ]
    r = read_text("Germany will send Ukraine 5 Patriot systems and ammunition.")
    assert _pledges(r) == [
        ("DEU", "air-defence-missile", None, None),
        ("DEU", "air-defence-system", None, 5),
    ]
    # nothing counted and no "with": after guns or small arms still their ammunition, as the
    # labels read "heavy artillery and ammunition", "machine guns and ammunition"
    r = read_text("Germany will send Ukraine artillery and munitions.")
    assert _pledges(r) == [
        ("DEU", "artillery-ammunition", None, None),
        ("DEU", "artillery-system", None, None),
    ]
    r = read_text("Belgium will provide Ukraine with machine guns and ammunition.")
    assert _pledges(r) == [
        ("BEL", "small-arms", None, None),
        ("BEL", "small-arms-ammunition", None, None),
    ]
    # after air defence, too loose to split: one entry
    r = read_text("Germany will send Ukraine air defence systems and munitions.")
    assert _pledges(r) == [("DEU", "air-defence-system", None, None)]


def test_calibres_in_other_spellings() -> None:
    assert find_calibre("500 proyectiles de 155 milímetros") == "155mm"
    assert find_calibre("proiettili da 155 millimetri") == "155mm"
    assert find_calibre("155-мм снаряды") == "155mm"
    assert find_calibre("obus de 155 millimètres") == "155mm"
    assert find_calibre("munitions de 12,7 mm") == "12.7mm"
    assert find_calibre("3 mmol") is None
    r = read_text(
        "Estados Unidos enviará a Ucrania 500 proyectiles guiados de artillería de 155 milímetros."
    )
    assert _pledges(r) == [("USA", "artillery-ammunition", "155mm", 500)]


# -- past totals scoped to their aside ------------------------------------------------------
def test_a_past_total_aside_keeps_the_increment() -> None:
    cases = {
        "Germany will provide Ukraine with 50 tanks in addition to the 14 already sent.": (
            "DEU",
            "main-battle-tank",
            50,
        ),
        "The UK will send 10 more Challenger tanks to Ukraine, on top of the 14 tanks it has "
        "already delivered to Ukraine.": ("GBR", "main-battle-tank", 10),
        "Deutschland liefert zusätzlich zu den bereits gelieferten 14 Panzern weitere 10 Leopard "
        "an die Ukraine.": ("DEU", "main-battle-tank", 10),
        "La France livrera 20 canons Caesar à l'Ukraine, en plus des 18 déjà livrés.": (
            "FRA",
            "artillery-system",
            20,
        ),
    }
    for sentence, (donor, category, qty) in cases.items():
        assert _pledges(read_text(sentence)) == [(donor, category, None, qty)], sentence


def test_a_thing_given_before_named_inside_a_new_pledge_leaves_it_new() -> None:
    """ "spare parts for weapons already delivered": the phrase names what was given before;
    the clause's own items are new. A counted thing the phrase names is the past one."""
    raw = Extractor(modality=False)
    cases = {
        "Deutschland wird der Ukraine zwanzig Marder-Schützenpanzer sowie Ersatzteilpakete für "
        "bereits gelieferte Waffensysteme liefern.": [
            ("DEU", "armoured-vehicle", None, 20),
            ("DEU", "other-military", None, None),
        ],
        "Norway will provide Ukraine eight NASAMS launch systems, matching the number of "
        "systems donated previously.": [("NOR", "air-defence-system", None, 8)],
        "The package also includes munitions for the AS90 guns already provided by the UK to "
        "Ukraine.": [("GBR", "artillery-ammunition", None, None)],
        "Le gouvernement suédois prévoit de fournir à l'Ukraine six navires CB90, ainsi que des "
        "munitions pour les armes déjà livrées.": [("SWE", "naval", None, 6)],
    }
    for sentence, expected in cases.items():
        assert _pledges(raw.read(sentence)) == expected, sentence
    # the verb, not an attribute: still a past total
    for sentence in (
        "Germany has already provided Ukraine with 14 tanks.",
        "La France a déjà livré 18 canons Caesar à l'Ukraine.",
        "Deutschland hat der Ukraine bereits 14 Panzer geliefert.",
    ):
        assert _pledges(raw.read(sentence)) == [], sentence
    # the counted thing the phrase names is the past one
    assert cues.attributive_past("aux 18 Caesar déjà livrés", 0, 25) == [(14, 25)]
    assert cues.attributive_past("la France a déjà livré", 0, 22) == []
    r = raw.read("Ils viendront s'ajouter aux 18 Caesar déjà livrés par la France à l'Ukraine.")
    assert _pledges(r) == []


def test_the_new_package_s_own_sum_and_the_total_it_brings_are_apart() -> None:
    """ "Die Kosten für das neue Paket ... belaufen sich auf": the new package's value; "the
    $60.9 million ... takes Australia's total contribution to date to over $285 million": the
    new sum is the pledge, the total after "takes" is none."""
    raw = Extractor(modality=False)

    def sums(text: str) -> list[tuple[str, float | None]]:
        return [
            (d.fields["donor"], d.fields["amount"])
            for d in raw.read(text).drafts
            if d.kind == "pledge"
        ]

    assert sums(
        "Finnland schickt der Ukraine ein neues Paket. Die Kosten für das neue Paket für die "
        "Ukraine belaufen sich auf rund 43 Millionen Euro."
    ) == [("FIN", 43_000_000.0)]
    assert sums(
        "The $60.9 million in additional assistance for Ukraine takes Australia's total "
        "contribution to date to over $285 million."
    ) == [("AUS", 60_900_000.0)]
    # a running total alone stays no pledge
    assert sums("Australia's total contribution to date amounts to over $285 million.") == []


def test_a_prior_act_told_as_a_participle_phrase_is_apart() -> None:
    """ "Germany, having already sent 18 Leopard tanks, will now send 10 Marder": the phrase
    tells what was given before; the clause's own items are new, the phrase's are none."""
    raw = Extractor(modality=False)
    for sentence in (
        "Germany, having already sent 18 Leopard tanks, will now send 10 more Marder vehicles.",
        "Nachdem Deutschland bereits 18 Leopard-Panzer geliefert hat, schickt es nun 10 Marder.",
        "Après avoir livré 18 chars Leopard, l'Allemagne enverra 10 Marder.",
    ):
        assert _pledges(raw.read(sentence)) == [("DEU", "armoured-vehicle", None, 10)], sentence
    for phrase in ("tras haber enviado 18 tanques", "dopo aver inviato 18 carri armati"):
        assert cues.PAST_TOTAL_ASIDE.search(phrase) is not None, phrase
    # the counted rounds are no pledge
    r = raw.read("Britain, having donated over 300,000 artillery rounds to Ukraine, is expanding.")
    assert all(p[3] is None for p in _pledges(r))


def test_a_plain_past_total_is_still_no_pledge() -> None:
    assert _pledges(read_text("Germany has already sent 14 tanks to Ukraine so far.")) == []
    assert cues.PAST_TOTAL_ASIDE.search("Germany has already sent 14 tanks to Ukraine.") is None


# -- German pledge words ----------------------------------------------------------------------
def test_german_pledge_words_present_and_future_only() -> None:
    r = read_text("Deutschland will sieben Panzerhaubitzen 2000 an die Ukraine abgeben.")
    assert [p[:2] for p in _pledges(r)] == [("DEU", "artillery-system")]
    assert cues.PLEDGE_CUE_MORE.search("die Auslieferung der Panzer an die Ukraine")
    assert cues.PLEDGE_CUE_MORE.search("der Ukraine Panzer zu überlassen")
    # "wurden ... abgegeben" tells a past delivery
    assert cues.PLEDGE_CUE_MORE.search("So wurden Raketen abgegeben") is None


def test_giving_verbs_of_every_day() -> None:
    """ "schenkt", "versprach", "transfère", "is handing Ukraine": words of giving."""
    raw = Extractor(modality=False)
    cases = {
        "Tschechien schenkt der Ukraine weitere Kampfhubschrauber aus seinen Beständen.": (
            "CZE",
            "helicopter",
        ),
        "Stattdessen versprach Scholz ein weiteres Patriot-Flugabwehrsystem für die Ukraine.": (
            "DEU",
            "air-defence-system",
        ),
        "La Lettonie transfère 1 400 drones à l'Ukraine.": ("LVA", "drone"),
        "This time, Germany is handing Ukraine 25 Leopard 1A5 tanks.": ("DEU", "main-battle-tank"),
    }
    for sentence, expected in cases.items():
        assert [p[:2] for p in _pledges(raw.read(sentence))] == [expected], sentence


def test_a_measure_is_no_count_of_units() -> None:
    r = read_text("La Belgique va également livrer 3.800 tonnes de fuel à l'Ukraine.")
    assert _pledges(r) == [("BEL", "other-military", None, None)]
    # a model name starting with T is no tonne
    r = read_text("Poland will send Ukraine 200 T-72 tanks.")
    assert _pledges(r) == [("POL", "main-battle-tank", None, 200)]


def test_ambulances_are_vehicles() -> None:
    r = read_text("Belgium will supply ambulances and trucks to Ukraine.")
    assert {p[1] for p in _pledges(r)} == {"vehicle"}


def test_a_number_before_mars_in_capitals_counts_launchers_not_a_date() -> None:
    """'3 MARS' is three MARS launchers; '3 mars' (lower case, as French dates are written)
    is the third of March and masks its number."""
    got = _pledges(read_text("Germany will deliver 3 MARS II launchers to Ukraine."))
    assert ("DEU", "rocket-artillery-system", None, 3) in got
    got = _pledges(read_text("Le 3 mars, la France a livré 12 canons Caesar à l'Ukraine."))
    assert [q for *_, q in got if q is not None] == [12]


def test_a_headline_read_alone_counts_in_its_own_language() -> None:
    """A one-sentence text: its language is told right, so a count in words with a scale
    word is the product (the German headline had been guessed English and read as 2)."""
    for text, donor in (
        ("Deutschland liefert zwei Millionen Artilleriegranaten an die Ukraine.", "DEU"),
        ("La France livrera deux millions d'obus à l'Ukraine.", "FRA"),
        ("Polska przekaże Ukrainie dwa miliony pocisków artyleryjskich.", "POL"),
        ("Sverige skickar två miljoner artillerigranater till Ukraina.", "SWE"),
    ):
        assert _pledges(read_text(text)) == [(donor, "artillery-ammunition", None, 2_000_000)], text


def test_a_calibre_in_cyrillic_is_no_count() -> None:
    """ "155-мм боеприпаси" names a calibre, as "155-mm shells" does: 155 is no quantity."""
    r = read_text("Греция планирует предоставить Украине дополнительные 155-мм боеприпасы.")
    assert _pledges(r) == [("GRC", "artillery-ammunition", "155mm", None)]
    r = read_text("Греція передасть Україні 155-мм снаряди та 20 гаубиць калібру 155 мм.")
    assert _pledges(r) == [
        ("GRC", "artillery-ammunition", "155mm", None),
        ("GRC", "artillery-system", "155mm", 20),
    ]


def test_an_abbreviated_counter_or_scale_word_ends_no_sentence() -> None:
    """ "14 vnt. šarvuočių", "30 szt. czołgów", "4 tys. sztuk", "40 ед. БМП-1": the abbreviation's
    full stop is inside the sentence, and the counter stands between the number and its item."""
    cases = {
        "Lietuvos Vyriausybė pritarė 14 vnt. šarvuočių M113 perdavimui Ukrainai.": (
            "LTU",
            "armoured-vehicle",
            14,
        ),
        "Polska przekaże Ukrainie 30 szt. czołgów T-72.": ("POL", "main-battle-tank", 30),
        "Czesi przekażą Ukrainie natychmiast 4 tys. sztuk amunicji artyleryjskiej.": (
            "CZE",
            "artillery-ammunition",
            4000,
        ),
        "Греция передаст Украине 40 ед. БМП-1.": ("GRC", "armoured-vehicle", 40),
    }
    for text, (donor, category, quantity) in cases.items():
        assert _pledges(read_text(text)) == [(donor, category, None, quantity)], text


def test_a_number_in_the_millions_counts_no_platforms() -> None:
    """No donor gives a hundred thousand tanks or aircraft: "225 milioni di aereo" (a sum whose
    currency was mistranslated) and "2 million tanks" give no pledge of platforms, while a
    million shells stays a count."""
    assert _pledges(read_text("Il Regno Unito donerà 225 milioni di aereo per l'Ucraina.")) == []
    assert _pledges(read_text("Italy will send 2 million tanks to Ukraine.")) == []
    assert _pledges(read_text("Italy will send 2 tanks to Ukraine.")) == [
        ("ITA", "main-battle-tank", None, 2)
    ]
    assert _pledges(read_text("Italy will send 2 million shells to Ukraine.")) == [
        ("ITA", "artillery-ammunition", None, 2_000_000)
    ]


def test_a_count_between_two_numbers_is_no_quantity() -> None:
    """ "entre 12 et 20 Mirage": a range (quantity null), also when the clause is cut at "et"."""
    for text in (
        "La France livrera entre 12 et 20 Mirage à l'Ukraine.",
        "France will send between 12 and 20 Mirage jets to Ukraine.",
    ):
        assert _pledges(read_text(text)) == [("FRA", "aircraft", None, None)], text


def test_the_first_of_a_number_is_one() -> None:
    """ "delivered the first of four IRIS-T systems": one of the four is delivered."""
    reader = Extractor(modality=False)
    for text in (
        "Germany recently delivered the first of four IRIS-T air-defense systems to Ukraine.",
        "Deutschland hat der Ukraine den ersten von vier IRIS-T-Flugabwehrsystemen geliefert.",
    ):
        assert _pledges(reader.read(text)) == [("DEU", "air-defence-system", None, 1)], text
    four = reader.read("Germany delivered four IRIS-T air-defense systems to Ukraine.")
    assert _pledges(four) == [("DEU", "air-defence-system", None, 4)]


def test_a_package_handed_over_in_german_goes_on_in_the_next_sentence() -> None:
    """ "hat ... ein neues Waffenpaket übergeben. Enthalten sind ... 15 Leopard": the package
    announced with no item takes the items the next sentence lists (as in English)."""
    reader = Extractor(modality=False)
    for verb in (
        "hat der Ukraine ein neues Waffenpaket übergeben",
        "übergibt der Ukraine ein neues Waffenpaket",
        "hat der Ukraine ein neues Waffenpaket geliefert",
    ):
        r = reader.read(
            f"Deutschland {verb}. Enthalten sind unter anderem 15 Leopard 1 A5 Kampfpanzer."
        )
        assert _pledges(r) == [("DEU", "main-battle-tank", None, 15)], verb


def test_thousands_of_obuses_are_shells_and_a_thousand_howitzers_are_guns() -> None:
    """Spanish "obús" is both the howitzer and its shell: counted in thousands it is the
    shell; "1,000 howitzers" asked for by Ukraine stay guns."""
    reader = Extractor(modality=False)
    r = reader.read("Estados Unidos enviará a Ucrania 75 mil obuses de 155 mm.")
    assert _pledges(r) == [("USA", "artillery-ammunition", "155mm", 75000)]
    r = reader.read("Estados Unidos enviará a Ucrania cuatro obuses M777.")
    assert _pledges(r) == [("USA", "artillery-system", None, 4)]
    r = reader.read("Ukraine needs 1,000 howitzers, Podolyak said.")
    assert {d.fields["category"] for d in r.by_kind("need")} == {"artillery-system"}


def test_lines_of_one_list_add_up_and_a_repeated_mention_does_not() -> None:
    """Several items of one category on the lines of one package list are one entry with
    their sum (the labels' convention), even with one item word ("assault rifles", "precision
    rifles"); the same item told again in another sentence is not summed."""
    reader = Extractor(modality=False)
    r = reader.read(
        "Germany will send Ukraine the following:\n"
        "700 MK 556 assault rifles\n"
        "10 HLR 338 precision rifles with ammunition\n"
        "50 CR 308 rifles\n"
        "16 Vector reconnaissance drones\n"
        "10 surface drones"
    )
    got = {(d.fields["category"], d.fields["quantity"]) for d in r.by_kind("pledge")}
    assert ("small-arms", 760) in got and ("drone", 26) in got
    r = reader.read(
        "Germany will send 50 Marder vehicles to Ukraine. The 50 Marder vehicles will arrive "
        "in May, the ministry said."
    )
    assert _pledges(r) == [("DEU", "armoured-vehicle", None, 50)]
