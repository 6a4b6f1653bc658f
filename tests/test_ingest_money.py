"""Donor-amount pairs: which sums are a pledge's value, in which currency, of which donor."""

from __future__ import annotations

import pytest

from materiel.ingest.extract import Extractor, Reading
from materiel.ingest.numbers import find_money

#: without the trained modality filter: these rules must stand on their own
READER = Extractor(modality=False)


def read(text: str) -> Reading:
    return READER.read(text)


def pairs(text: str) -> set[tuple[str, float | None, str | None]]:
    return {
        (d.fields["donor"], d.fields["amount"], d.fields["currency"])
        for d in read(text).by_kind("pledge")
    }


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Canada will donate $90 million in armoured vehicles to Ukraine.", "USD"),
        ("Australia will give Ukraine military aid worth 50 million dollars.", "USD"),
        ("Le Canada fournira à l'Ukraine une aide militaire de 40 millions $.", "USD"),
        ("Canada will donate C$90 million in armoured vehicles to Ukraine.", "CAD"),
        ("Canada will send 90 million Canadian dollars of military aid to Ukraine.", "CAD"),
        ("New Zealand will send NZ$5 million of military aid to Ukraine.", "NZD"),
    ],
)
def test_a_bare_dollar_is_the_us_dollar(text: str, currency: str) -> None:
    [(_, amount, cur)] = pairs(text)
    assert amount is not None and cur == currency


@pytest.mark.parametrize(
    "text",
    [
        "Seoul will send military aid worth 100 million U.S. dollars to Ukraine.",
        "Denmark will send arms to Ukraine. The package is worth DKK 1.7 billion "
        "(US$247.4 million).",
        "Kanada kündigte ein Militärhilfepaket in Höhe von 235 Millionen US-Dollar für die "
        "Ukraine an.",
        "Le Japon enverra une aide militaire de 30 millions de dollars US à l'Ukraine.",
    ],
)
def test_a_nation_naming_the_currency_is_no_donor(text: str) -> None:
    assert "USA" not in {donor for donor, _, _ in pairs(text)}


def test_the_nation_itself_still_gives_dollars() -> None:
    got = pairs("The United States will send $1 billion in arms to Ukraine.")
    assert ("USA", 1e9, "USD") in got


@pytest.mark.parametrize(
    ("text", "sums"),
    [
        ("The state gave 866 million crowns (over €34 million) to the fund.", [8.66e8]),
        ("Norwegen wird 1,2 Mrd. NOK (über 100 Mio. USD) bereitstellen.", [1.2e9]),
        ("Le contrat vaut 90 millions de francs, soit environ 93 millions d'euros.", [9e7]),
        ("Germany gives €5 million (and France €3 million) to the fund.", [5e6, 3e6]),
        # after a comma and a word of approximation, a sum in another currency
        ("Regeringen ger fem miljoner euro, cirka 50 miljoner svenska kronor, till fonden.", [5e6]),
        ("Norway gives 5 million euros, about 55 million crowns, to the fund.", [5e6]),
        # in brackets with another language's word of approximation
        ("Česko poskytne dar až do výše 2,5 milionu eur (zhruba 60 milionů korun).", [2.5e6]),
        ("Polska przekaże 100 mln zł (ok. 23 mln euro) na fundusz.", [1e8]),
        # ... but not a second sum in the same currency
        ("Norway gives €5 million, about €3 million of it for shells.", [5e6, 3e6]),
    ],
)
def test_a_conversion_is_no_second_sum(text: str, sums: list[float]) -> None:
    assert [m.amount for m in find_money(text)] == sums


def test_a_capitalised_kr_is_crowns() -> None:
    [m] = find_money("Ein Paket im Wert von 1,7 Mrd. Kr. für die Ukraine.")
    assert (m.amount, m.currency) == (1.7e9, "KR")


@pytest.mark.parametrize(
    "text",
    [
        "Estonia has provided Ukraine with military aid in the value of over 400 million euros.",
        "Poland has given Ukraine weapons and ammunition worth some 3 billion euros.",
        "La Belgique a fourni à l'Ukraine des armes pour plus de 900 millions d'euros.",
        "La Suède aura fourni des équipements d'une valeur d'environ 9 milliards de couronnes.",
        "Spanien hat der Ukraine Waffen im Wert von über 300 Millionen Euro geliefert.",
        "Med det nye bidrag er Danmark oppe på at have støttet Ukraine med over tre milliarder "
        "kroner.",
        "Ireland's total support for Ukraine stands at approximately €400 million.",
        "Le montant des livraisons d'armes du Portugal à l'Ukraine s'élevait à 70 millions "
        "d'euros.",
    ],
)
def test_a_past_total_is_no_pledge_value(text: str) -> None:
    assert all(amount is None for _, amount, _ in pairs(text))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Estonia will provide Ukraine with military aid worth over 40 million euros.", 4e7),
        ("Poland has announced a new package for Ukraine worth about 100 million euros.", 1e8),
        ("La Belgique va fournir à l'Ukraine des armes pour plus de 90 millions d'euros.", 9e7),
    ],
)
def test_a_new_sum_with_more_than_keeps_its_value(text: str, amount: float) -> None:
    assert {a for _, a, _ in pairs(text)} == {amount}


def test_each_of_the_packages_is_not_each_of_the_givers() -> None:
    text = (
        "Germany, Norway and Poland will finance two new packages of arms for Ukraine, each "
        "valued at 500 million euros."
    )
    got = pairs(text)
    assert {d for d, _, _ in got} == {"DEU", "NOR", "POL"}
    assert all(amount is None for _, amount, _ in got)


def test_each_giver_gives_the_sum() -> None:
    got = pairs("Germany and France will each send 500 million euros in arms to Ukraine.")
    assert got == {("DEU", 5e8, "EUR"), ("FRA", 5e8, "EUR")}


@pytest.mark.parametrize(
    "text",
    [
        "Belgium and the Netherlands will give €200 million and €100 million, respectively, to "
        "Ukraine.",
        "La Belgique et les Pays-Bas donneront respectivement 200 millions et 100 millions "
        "d'euros à l'Ukraine.",
        "België en Nederland geven respectievelijk 200 miljoen euro en 100 miljoen euro aan "
        "Oekraïne.",
    ],
)
def test_respectively_gives_each_giver_its_own_sum(text: str) -> None:
    """Coordination: with "respectively" the n-th sum is the n-th giver's (b40: both had been
    given the first sum)."""
    assert pairs(text) == {("BEL", 2e8, "EUR"), ("NLD", 1e8, "EUR")}


@pytest.mark.parametrize(
    "text",
    [
        "La France livrera 12 canons Caesar à l'Ukraine, financés dans le cadre du fonds de "
        "soutien de 200 millions d'euros.",
        "Canada will send 39 armoured vehicles to Ukraine, funded from the $500 million "
        "announced in the latest federal budget.",
        "Ukraine's Ministry of Defence signed contracts for 3,000 drones worth UAH 20 billion.",
        "Britain has promised £3 billion a year in military support to Ukraine until 2030.",
    ],
)
def test_a_pool_a_budget_line_or_the_recipients_spending_is_no_pledge_value(text: str) -> None:
    assert all(amount is None for _, amount, _ in pairs(text))


def test_the_item_paid_from_a_pool_keeps_its_pledge() -> None:
    text = (
        "La France livrera 12 canons Caesar à l'Ukraine, financés dans le cadre du fonds de "
        "soutien de 200 millions d'euros."
    )
    [d] = read(text).by_kind("pledge")
    assert (d.fields["donor"], d.fields["quantity"], d.fields["amount"]) == ("FRA", 12, None)


def test_one_item_and_one_sum_the_evidence_shows_both() -> None:
    text = "Belgium will send Ukraine heavy machine guns, a contribution of 12 million euros."
    r = read(text)
    [d] = r.by_kind("pledge")
    assert d.fields["amount"] == 12e6
    assert "machine guns" in r.evidence(d) and "12 million euros" in r.evidence(d)


def test_a_german_present_perfect_keeps_a_new_package() -> None:
    text = "Deutschland hat ein neues Paket im Wert von rund 500 Millionen Euro angekündigt."
    assert pairs(text) == {("DEU", 5e8, "EUR")}


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("It gives 4.5 million New Zealand dollars ($2.8 million) to the fund.", 4.5e6, "NZD"),
        ("Il verse 5 millions de dollars néo-zélandais au fonds.", 5e6, "NZD"),
    ],
)
def test_new_zealand_dollars(text: str, amount: float, currency: str) -> None:
    [m] = find_money(text)
    assert (m.amount, m.currency) == (amount, currency)


@pytest.mark.parametrize(
    "text",
    [
        "Norwegen stellt der Ukraine neue Militärhilfe im Wert von umgerechnet rund 90 Millionen "
        "Euro bereit. Das Paket hat einen Wert von einer Milliarde norwegischen Kronen.",
        "Norway announced a new military aid package for Ukraine worth 90 million euros. The "
        "package is worth NOK 1 billion.",
    ],
)
def test_the_donors_own_currency_is_the_stated_sum(text: str) -> None:
    assert pairs(text) == {("NOR", 1e9, "NOK")}


def test_the_first_sum_stays_when_neither_is_a_conversion() -> None:
    text = (
        "Finland announced a new military aid package for Ukraine worth 90 million euros. The "
        "package is worth 100 million dollars."
    )
    assert pairs(text) == {("FIN", 9e7, "EUR")}


def test_the_sum_told_in_the_future_is_the_new_pledge() -> None:
    text = (
        "Latvia allocated 10 million euros for the transfer of ammunition to Ukraine last "
        "month. Latvia will provide 50 million euros in military aid to Ukraine."
    )
    assert pairs(text) == {("LVA", 5e7, "EUR")}


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("It announced a new $20 million Australian dollar package for Ukraine.", "AUD"),
        ("J'annonce 50 millions de dollars (canadiens) additionnels pour l'Ukraine.", "CAD"),
        ("Canada gives $50 million to Canadian firms.", "USD"),
    ],
)
def test_a_dollar_named_after_the_sum(text: str, currency: str) -> None:
    assert find_money(text)[0].currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "Ottawa will give $13 million for Latvia's effort to supply drones to Ukraine, on top of "
        "$40 million already spent on the initiative.",
        "Le Portugal enverra 95 millions d'euros à l'Ukraine, en plus des 126 millions d'euros "
        "déjà versés.",
    ],
)
def test_a_sum_already_spent_is_no_new_pledge(text: str) -> None:
    amounts = {amount for _, amount, _ in pairs(text)}
    assert 4e7 not in amounts and 1.26e8 not in amounts


def test_so_far_beside_a_superlative_ranks_the_new_package() -> None:
    new = "Sverige skickar sitt hittills största stödpaket till Ukraina, värt 7,1 miljarder kronor."
    assert pairs(new) == {("SWE", 7.1e9, "SEK")}
    past = "Sverige har hittills skickat stöd till Ukraina värt 30 miljarder kronor."
    assert all(amount is None for _, amount, _ in pairs(past))


def test_the_financial_press_crowns_before_the_number() -> None:
    from materiel.ingest.numbers import find_money

    got = [(m.amount, m.currency) for m in find_money("NKr 1.5bn, SKr2bn and DKr 500m", "en")]
    assert got == [(1.5e9, "NOK"), (2e9, "SEK"), (5e8, "DKK")]


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("Norway will provide half a billion dollars to Ukraine.", "en", "USD"),
        ("La Norvège fournira un demi-milliard de dollars à l'Ukraine.", "fr", "USD"),
        ("Deutschland stellt eine halbe Milliarde Euro bereit.", "de", "EUR"),
        ("L'Italia stanzia mezzo miliardo di euro per l'Ucraina.", "it", "EUR"),
        ("Nederland geeft een half miljard euro aan Oekraïne.", "nl", "EUR"),
        ("Polska przekaże pół miliarda złotych.", "pl", "PLN"),
        ("Україна отримає півмільярда доларів.", "uk", "USD"),
    ],
)
def test_half_a_scale_is_half_of_it(text: str, lang: str, currency: str) -> None:
    """'half a billion' is 500 million, never the billion the scale word alone says."""
    found = find_money(text, lang)
    assert [(m.amount, m.currency) for m in found] == [(5e8, currency)]


def test_half_a_million_in_spanish() -> None:
    assert [(m.amount, m.currency) for m in find_money("Aporta medio millón de euros.", "es")] == [
        (5e5, "EUR")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Germany and Canada will each pay $200 million to Ukraine.",
        "L'Allemagne ainsi que le Canada s’engageront chacun à verser 200 millions de dollars.",
        "Deutschland und Kanada zahlen jeweils 200 Millionen Dollar an die Ukraine.",
    ],
)
def test_paying_a_sum_each_is_each_ones_pledge(text: str) -> None:
    assert pairs(text) == {("DEU", 2e8, "USD"), ("CAN", 2e8, "USD")}


def test_paying_a_share_is_no_pledge_of_the_whole() -> None:
    assert pairs("Ireland will pay 1.9 per cent of the €500 billion.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Norway has committed 7.8 billion euros, while Sweden will provide new air defences "
        "to Ukraine.",
        "Noruega ha comprometido 7.800 millones de euros, mientras que Suecia aportará nuevas "
        "defensas antiaéreas a Ucrania.",
    ],
)
def test_a_sum_is_not_the_value_of_another_givers_item(text: str) -> None:
    got = {
        (d.fields["donor"], d.fields["category"], d.fields["amount"])
        for d in read(text).by_kind("pledge")
    }
    assert got == {("NOR", "unspecified", 7.8e9), ("SWE", "air-defence-system", None)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("half a million shells", "en"),
        ("eine halbe Million Granaten", "de"),
        ("medio millón de proyectiles", "es"),
        ("pół miliona pocisków", "pl"),
        ("před půl milionu dělostřeleckých granátů", "cs"),
    ],
)
def test_half_a_million_as_a_count(text: str, lang: str) -> None:
    """Half of a scale is one count of 500,000, not 1 and 1,000,000 (the "eine" and the
    "Million" inside it)."""
    from materiel.ingest.numbers import find_quantities

    assert [q.value for q in find_quantities(text, lang)] == [500_000]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("half a thousand howitzers", "en"),
        ("ein halbes Tausend Haubitzen", "de"),
        ("pół tysiąca haubic", "pl"),
        ("півтисячі гаубиць", "uk"),
        ("полтысячи гаубиц", "ru"),
    ],
)
def test_half_a_thousand_is_five_hundred(text: str, lang: str) -> None:
    """ "half a thousand howitzers" (Reznikov's list) is 500, not the thousand."""
    from materiel.ingest.numbers import find_quantities

    assert [q.value for q in find_quantities(text, lang)] == [500]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Norge har donert ytterligere om lag 2000 panservernvåpen (M72)", "no", [2000]),
        ("De her 2000 beskyttelsesdragter", "da", [2000]),
        ("donerede Danmark derudover selv 1500 komplette artilleriskud", "da", [1500]),
        # dates stay dates
        ("In 2000 soldiers were trained", "en", []),
        ("Seit 1991 ist die Ukraine unabhängig", "de", []),
        ("the 2024 package", "en", []),
        ("Norge har donert 2022 panservernvåpen", "no", []),
    ],
)
def test_a_year_like_number_before_a_noun_counts_things(
    text: str, lang: str, expected: list[int]
) -> None:
    """ "2000 panservernvåpen", written without a thousands separator, is a count, not the year
    2000: a number before 2010 with a lower-case word after it and no word of dating before
    it (the texts tell news of 2014 and later; 2022 stays a year)."""
    from materiel.ingest.numbers import find_quantities

    assert [q.value for q in find_quantities(text, lang)] == expected


def test_a_later_sum_is_the_one_item_s_value_unless_it_is_the_package_s() -> None:
    """ "France will finance twelve Caesar guns. This aid is an investment of €50 million": the
    sum is the one item's value; "The package is worth SEK 7 billion and includes 10 Archer
    howitzers": the package's value, beside its item."""

    def rows(text: str) -> set[tuple[str, float | None]]:
        return {
            (d.fields["category"], d.fields["amount"])
            for d in READER.read(text).drafts
            if d.kind == "pledge"
        }

    assert rows(
        "France will finance twelve Caesar guns. This aid is an investment of €50 million."
    ) == {("artillery-system", 5e7)}
    assert rows(
        "Sweden unveiled its 15th package. The package is worth SEK 7 billion and includes 10 "
        "Archer howitzers."
    ) == {("unspecified", 7e9), ("artillery-system", None)}


def test_a_loan_is_lent_not_given() -> None:
    """ "un préstamo de U$S 500 millones y U$S 7,8 millones en equipo letal": the loan is no
    pledge; the sum for lethal equipment beside it is (and "U$S" is the US dollar)."""
    for text in (
        "Canada will provide a loan of $500 million and $7.8 million in lethal equipment and "
        "ammunition to Ukraine.",
        "Canadá proporcionará un préstamo de U$S 500 millones y U$S 7,8 millones en equipo "
        "letal y municiones a Ucrania.",
    ):
        got = [(d.fields["amount"], d.fields["currency"]) for d in READER.read(text).drafts]
        assert got == [(7_800_000, "USD")], text


def test_a_sum_of_civil_and_military_aid_together_is_no_military_pledge() -> None:
    """ "militær og sivil støtte på 75 milliarder kroner", "7 milliards de couronnes d'aide
    militaire et civile": a programme of both, no military pledge of that sum; military
    support alone keeps its sum."""
    for text in (
        "Gjennom programmet gir Norge Ukraina militær og sivil støtte på 75 milliarder kroner "
        "fordelt over fem år.",
        "Oslo va verser 7 milliards de couronnes norvégiennes d'aide militaire et civile "
        "supplémentaire à Kiev cette année.",
    ):
        assert not [d for d in READER.read(text).drafts if d.fields.get("amount")], text
    got = READER.read("Norway will give Ukraine 7 billion kroner in military support.").drafts
    assert [(d.fields["amount"], d.fields["currency"]) for d in got] == [(7e9, "NOK")]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Australia will spend AUD 30 million on drones and send 20 Bushmaster vehicles to "
            "Ukraine.",
            {("AUS", "drone", None, 3e7), ("AUS", "armoured-vehicle", 20, None)},
        ),
        (
            "Nederland trekt 200 miljoen euro uit voor artilleriemunitie en stuurt 10 tanks naar "
            "Oekraïne.",
            {("NLD", "artillery-ammunition", None, 2e8), ("NLD", "main-battle-tank", 10, None)},
        ),
        (
            "Sverige avsätter 400 miljoner kronor till luftvärn och skickar 10 stridsbåtar till "
            "Ukraina.",
            {("SWE", "air-defence-system", None, 4e8), ("SWE", "naval", 10, None)},
        ),
        # Czech and Polish "za" before a price: "... granátů za asi 37 milionů korun"
        (
            "Česká republika daruje Ukrajině 4000 dělostřeleckých granátů za asi 37 milionů korun "
            "a pošle 20 tanků.",
            {("CZE", "artillery-ammunition", 4000, 3.7e7), ("CZE", "main-battle-tank", 20, None)},
        ),
    ],
)
def test_a_sum_for_an_item_in_other_words_and_languages(
    text: str, rows: set[tuple[str, str, int | None, float | None]]
) -> None:
    """ "on", "voor", "till", "na", "per", "değerinde" join a sum to the item after it as "for"
    does, where the sentence has more than one item (one item and one sum are joined anyway)."""
    got = {
        (d.fields["donor"], d.fields["category"], d.fields["quantity"], d.fields["amount"])
        for d in read(text).by_kind("pledge")
    }
    assert got == rows


@pytest.mark.parametrize(
    "text",
    [
        "Nederland trekt 200 miljoen euro uit voor artilleriemunitie en luchtverdediging voor "
        "Oekraïne.",
        "Norway will give NOK 500 million for air defence, artillery and vehicles to Ukraine.",
    ],
)
def test_a_sum_for_a_list_of_items_is_the_lists(text: str) -> None:
    """A sum before a list of items of several kinds is the whole list's value: it stays one
    sum, and no item (the list's first) takes it."""
    got = read(text).by_kind("pledge")
    assert [d.fields["amount"] for d in got if d.fields["category"] == "unspecified"] != []
    assert all(d.fields["amount"] is None for d in got if d.fields["category"] != "unspecified")
    assert len({d.fields["category"] for d in got}) >= 3


def test_bare_crowns_by_the_donor_else_by_the_texts_language() -> None:
    from materiel.ingest.numbers import crowns_of

    assert crowns_of("KR", "NOR", "da") == "NOK"
    assert crowns_of("KR", None, "da") == "DKK"
    assert crowns_of("KR", "EUU", "sv") == "SEK"
    assert crowns_of("KR", None, "en") is None
    assert crowns_of("USD", None, "da") == "USD"


@pytest.mark.parametrize(
    ("text", "lang", "amount", "currency"),
    [
        ("100 mil. Kč", "cs", 100e6, "CZK"),
        ("100 mil. eur", "sk", 100e6, "EUR"),
        ("100 mil. lei", "ro", 100e6, "RON"),
        ("2 mil. eura", "hr", 2e6, "EUR"),
        ("500 mill. kroner", "no", 500e6, "KR"),
        ("200 mln dolarów kanadyjskich", "pl", 200e6, "CAD"),
        ("1 млрд. долл.", "ru", 1e9, "USD"),
    ],
)
def test_abbreviated_millions_and_named_dollars_of_more_languages(
    text: str, lang: str, amount: float, currency: str
) -> None:
    """ "mil." and "mill." are millions in the languages that abbreviate so (Spanish and
    Portuguese "mil" stays a thousand); Polish "dolarów kanadyjskich" are Canadian; Russian
    "долл." are dollars."""
    assert [(m.amount, m.currency) for m in find_money(text, lang)] == [(amount, currency)]
    assert find_money("3 mil obuses", "es") == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Danmark donerer 830 mio. kr. til Ukraine. Det sagde ministeren.", 830e6, "DKK"),
        ("Danmark giver Ukraine militær støtte for 1,7 mia. kr. Det er meget.", 1.7e9, "DKK"),
        ("Česko pošle Ukrajině 100 mil. Kč na munici. Vláda to schválila.", 100e6, "CZK"),
        (
            "Η Γερμανία θα δώσει στην Ουκρανία στρατιωτική βοήθεια 500 εκατ. ευρώ.",
            500e6,
            "EUR",
        ),
    ],
)
def test_an_abbreviated_scale_or_crown_ends_no_sentence_before_the_rest_of_the_sum(
    text: str, amount: float, currency: str
) -> None:
    """ "830 mio. kr. til Ukraine": the sentence goes on after "kr." and "mia." when a
    lower-case word or a currency follows, so the gift keeps its recipient and its sum."""
    rows = Extractor(modality=False).read(text).as_label()["pledges"]
    assert [(p["amount"], p["currency"]) for p in rows] == [(amount, currency)]
