"""Numbers, money and languages beyond English, German and French (the reader's numbers
module): language guessing, decimal marks, scale words, currencies, number words, ranges."""

from __future__ import annotations

import pytest

from materiel.ingest.numbers import (
    find_money,
    find_quantities,
    guess_lang,
    parse_amount,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Il governo italiano ha approvato un decreto che prevede gli aiuti per l'Ucraina.",
            "it",
        ),
        (
            "Nederland gaat het Oekraïense leger op korte termijn voorzien van meer voertuigen.",
            "nl",
        ),
        ("Polska przekaże Ukrainie nowy pakiet pomocy wojskowej, który już jest gotowy.", "pl"),
        (
            "Česká republika dosud Ukrajině darovala materiál ze zásob a je to podle ministerstva.",
            "cs",
        ),
        (
            "Regeringen har besluttet å gi ytterligere 3 milliarder kroner i støtte til Ukraina.",
            "no",
        ),
        ("Danmark donerer 1,3 milliarder kroner til Ukraine, og det er af stor betydning.", "da"),
        ("Sverige skickar ytterligare 18 artilleripjäser till Ukraina och det är inte allt.", "sv"),
        ("Suomi lähettää Ukrainalle uuden paketin, ja se on myös suuri.", "fi"),
        ("Польща відправить в Україну нову партію допомоги, що є важливим.", "uk"),
        ("Польша отправит на Украину 60 танков, это уже решено.", "ru"),
        ("Хърватия ще изпрати оръжие в Украйна на стойност 124 милиона куни.", "bg"),
        ("Η Ελλάδα αναμένεται να στείλει στρατιωτικό υλικό στην Ουκρανία.", "el"),
        ("Avustralya, Ukrayna için bir yardım paketi açıkladı ve bu çok önemli.", "tr"),
        ("Suedia va contribui cu 100 de milioane de dolari pentru că este important.", "ro"),
        ("Norway will send 13 howitzers to Ukraine, the government said.", "en"),
        ("Deutschland wird die Haubitzen liefern, sagte der Minister.", "de"),
        ("La France va livrer des canons à l'Ukraine, a annoncé le ministre.", "fr"),
    ],
)
def test_guess_lang_tells_some_25_languages_apart(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


def test_short_text_without_function_words_is_english() -> None:
    assert guess_lang("155mm") == "en"


@pytest.mark.parametrize(
    ("raw", "lang", "scaled", "value"),
    [
        ("4,3", "sv", True, 4.3),
        ("1,250", "pl", True, 1.25),  # the language's decimal mark before a scale word
        ("1,250", "en", True, 1250.0),
        ("5.000", "it", False, 5000.0),
        ("5 000", "sv", False, 5000.0),
        ("1'000", "de", False, 1000.0),  # Swiss apostrophe
        ("1.1", "ar", True, 1.1),
        # Spanish of the Americas: a comma between thousands ("$2,100 millones"); Spain
        # writes a decimal short ("2,1 millones") and a thousands point ("2.100 millones")
        ("2,100", "es", True, 2100.0),
        ("2,1", "es", True, 2.1),
        ("2.100", "es", True, 2100.0),
    ],
)
def test_decimal_mark_follows_the_language(raw: str, lang: str, scaled: bool, value: float) -> None:
    assert parse_number(raw, lang, scaled=scaled) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "amount", "currency"),
    [
        ("sender yderligere 1,5 milliarder norske kroner", "da", 1.5e9, "NOK"),
        ("å gi ytterligere 3 milliarder kroner", "no", 3e9, "KR"),
        ("stödpaket värt 4,3 miljarder kronor", "sv", 4.3e9, "KR"),
        ("допомога на понад 200 мільйонів євро", "uk", 2e8, "EUR"),
        ("přispělo téměř 866 miliony korun", "cs", 8.66e8, "CZK"),
        ("arvo on noin 98 miljoonaa euroa", "fi", 9.8e7, "EUR"),
        ("700 miljoen euro te geven", "nl", 7e8, "EUR"),
        ("100 milyon dolar değerinde", "tr", 1e8, "USD"),
        ("на стойност 124 милиона куни", "bg", 1.24e8, "HRK"),
        ("Ísland greitt 500 milljónir króna", "is", 5e8, "ISK"),
        ("25 milljónir kanadadollara", "is", 2.5e7, "CAD"),
        ("va contribui cu 100 de milioane de dolari", "ro", 1e8, "USD"),
        ("sedam milijardi norveških kruna", "hr", 7e9, "NOK"),
        ("o wartości 100 mln euro", "pl", 1e8, "EUR"),
        ("351,21 mln zł", "pl", 3.5121e8, "PLN"),
        ("20 milliárd Ft", "hu", 2e10, "HUF"),
        ("desmit miljonus eiro", "lv", 1e7, "EUR"),
        ("5 mil millones de euros", "es", 5e9, "EUR"),
        ("200 milioni di euro", "it", 2e8, "EUR"),
        ("500 millioner britiske pund", "no", 5e8, "GBP"),
        ("100 millions de francs suisses", "fr", 1e8, "CHF"),
        ("ќе одвои 66,6 милиони евра за помош", "mk", 6.66e7, "EUR"),
        ("o maksymalnej wartości 3 007 800 000 koron", "pl", 3.0078e9, "KR"),
        # the Greek genitive with an unaccented upsilon, the Hungarian "euró" and "eurót"
        ("βοήθεια 100 εκατομμυρίων ευρώ", "el", 1e8, "EUR"),
        ("2 δισεκατομμυρίων ευρώ", "el", 2e9, "EUR"),
        ("10 millió eurót ad", "hu", 1e7, "EUR"),
    ],
)
def test_money_in_other_languages(text: str, lang: str, amount: float, currency: str) -> None:
    [m] = find_money(text, lang)
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert text[m.start : m.end].strip()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("tra 40 e 50 milioni di euro", "it"),
        ("mellan 40 och 50 miljoner kronor", "sv"),
        ("od 40 do 50 mln euro", "pl"),
        ("40 tot 50 miljoen euro", "nl"),
        ("€40-50 million", "en"),
    ],
)
def test_ranges_carry_no_amount_in_any_language(text: str, lang: str) -> None:
    [m] = find_money(text, lang)
    assert m.amount is None


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("en ny pakke på næsten én milliard euro", "da", "EUR"),
        ("en milliard kroner", "da", "KR"),
        ("ett paket på en miljard kronor", "sv", "KR"),
        ("ein milliard kroner", "no", "KR"),
        ("egy milliárd forint", "hu", "HUF"),
        ("um bilhão de dólares", "pt", "USD"),
    ],
)
def test_one_said_by_its_article_before_a_scale_word(text: str, lang: str, currency: str) -> None:
    """Where the number one is the indefinite article ("en milliard", "egy milliárd", "um
    bilhão"), the article before a sum's scale word counts one of it."""
    [m] = find_money(text, lang)
    assert m.amount == pytest.approx(1e9)
    assert m.currency == currency


def test_an_article_one_stays_an_article_in_other_languages() -> None:
    """French "en" is no number: "chiffré en milliards d'euros" states no sum."""
    assert find_money("un effort chiffré en milliards d'euros", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("nove obuseiros", "pt", [9]),
        ("tre carri armati", "it", [3]),
        ("drie pantserhouwitsers", "nl", [3]),
        ("tre haubitser og to stridsvogne", "da", [3, 2]),
        ("dwa czołgi i pięć haubic", "pl", [2, 5]),
        ("två stridsvagnar", "sv", [2]),
        ("kaksi ohjusta", "fi", [2]),
        ("έξι πυροβόλα", "el", [6]),
        ("dvacet pět tanků", "cs", [25]),
        ("una veintena de blindados", "es", [20]),
        ("un millar de obuses", "es", [1000]),
        ("une cinquantaine de véhicules blindés", "fr", [50]),
        ("una cinquantina di veicoli", "it", [50]),
        ("30-tisíc pištolí", "sk", [30000]),
        ("3mila droni", "it", [3000]),
        ("3 mil proyectiles", "es", [3000]),
        ("5 000 pansarskott", "sv", [5000]),
        ("40 do 50 czołgów", "pl", [None]),
        ("ponad 100 czołgów", "pl", [100]),  # "over 100": the number
        # "a million" with no article: the scale word alone is one million
        ("asi milion nábojů", "cs", [1_000_000]),
        ("milion pocisków", "pl", [1_000_000]),
        ("мільйон снарядів", "uk", [1_000_000]),
        ("1 milion nábojů", "cs", [1_000_000]),
        ("dwa miliony pocisków", "pl", [2_000_000]),
    ],
)
def test_quantities_in_other_languages(text: str, lang: str, values: list[int | None]) -> None:
    assert [q.value for q in find_quantities(text, lang)] == values


def test_number_words_are_read_only_in_their_own_language() -> None:
    # "to" is two in Danish, a preposition in English; "due" two in Italian
    assert [q.value for q in find_quantities("to kampvogne", "da")] == [2]
    assert find_quantities("sent to Ukraine", "en") == []
    assert find_quantities("the payment is due", "en") == []
    # "Mil" is a helicopter maker in English, a thousand in Spanish
    assert [q.value for q in find_quantities("2 Mil Mi-17", "en")] == [2]


def test_scale_words_by_family() -> None:
    assert parse_amount("1,5 miliardów", "pl") == pytest.approx(1.5e9)
    assert parse_amount("2 млрд", "ru") == pytest.approx(2e9)
    assert parse_amount("30 miljoner", "sv") == pytest.approx(3e7)


def test_amount_without_currency_takes_the_nearest_named_currency() -> None:
    text = "3 milliards d'euros. La plus grande part (490 millions) servira aux armes."
    assert [(m.amount, m.currency) for m in find_money(text, "fr")] == [
        (3e9, "EUR"),
        (4.9e8, "EUR"),
    ]


def test_amount_without_currency_before_a_noun_is_no_money() -> None:
    assert [m.amount for m in find_money("1.5 million rounds and €2bn", "en")] == [2e9]
    assert [m.amount for m in find_money("2 millions d'obus pour 3 milliards d'euros", "fr")] == [
        3e9
    ]
    assert find_money("Ukraine needs 2 million shells", "en") == []


def test_number_word_millions_without_currency() -> None:
    text = "7 Milliarden Euro. Bis 2029 würden weitere acht Milliarden zur Verfügung gestellt."
    assert [(m.amount, m.currency) for m in find_money(text, "de")] == [(7e9, "EUR"), (8e9, "EUR")]


def test_currency_code_before_number_words() -> None:
    text = "GBP 300 million (about USD 393 million); more than GBP one billion to the fund"
    found = [(m.amount, m.currency, text[m.start : m.end]) for m in find_money(text, "en")]
    assert found == [(3e8, "GBP", "GBP 300 million"), (1e9, "GBP", "GBP one billion")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sverige skickar 10 stridsbåtar till Ukraina.", [("SWE", "naval", 10, None, None)]),
        (
            "Nederland levert drie pantserhouwitsers aan Oekraïne.",
            [("NLD", "artillery-system", 3, None, None)],
        ),
        (  # "i Stockholm": a place, not a donor
            "Statsminister Jonas Gahr Støre kunngjorde i Stockholm at Norge skal bidra med 2,7 "
            "milliarder kroner til Ukraina.",
            [("NOR", "unspecified", None, 2.7e9, "NOK")],
        ),
        # a past total ("hittills"), a package still being prepared ("sta finalizzando")
        ("Sverige har hittills skickat motsvarande 21,5 miljarder kronor till Ukraina.", []),
        (
            "L’Italia sta finalizzando il dodicesimo pacchetto di aiuti militari all’Ucraina con "
            "missili Samp/T.",
            [],
        ),
        ("Portugal não considera enviar aviões F-16 para a Ucrânia.", []),
    ],
)
def test_reading_other_languages(
    text: str, expected: list[tuple[str, str, int | None, float | None, str | None]]
) -> None:
    from materiel.ingest.extract import Extractor

    rows = Extractor().read(text).as_label()["pledges"]
    got = [
        (r["donor"], r["category"], r.get("quantity"), r.get("amount"), r.get("currency"))
        for r in rows
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "several thousand rounds",
        "a few hundred drones",
        "thousands of shells",
        "tens of thousands of rounds",
        "several hundred thousand rounds",
        "Germany has sent thousands",
        "mehrere tausend Schuss",
        "Tausende Granaten",
        "plusieurs milliers d'obus",
        "des centaines de drones",
        "miles de proyectiles",
        "dozens of tanks",
        "several dozen drones",
        "algunos cientos de drones",
        "несколько тысяч снарядов",
    ],
)
def test_vague_multiples_are_quantities_of_no_value(text: str) -> None:
    """A vague multiple is one quantity with no value (the labels give it none), so no
    number inside it ("a", "thousand") binds to the item."""
    assert [q.value for q in find_quantities(text)] == [None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("some 2,000 shells", 2000),
        ("a dozen tanks", 12),
        ("1.5 million rounds", 1500000),
        ("2 millions d'obus", 2000000),
        ("within 50 miles of Kyiv", 50),
    ],
)
def test_stated_numbers_stay_exact(text: str, value: int) -> None:
    assert [q.value for q in find_quantities(text)] == [value]


def test_the_language_cache_keeps_heads_not_whole_texts() -> None:
    """The language is guessed from a text's first 3,000 characters, and the cache is keyed by
    them: two long texts with the same head share one entry (no text is kept whole)."""
    from materiel.ingest import numbers

    head = "Deutschland liefert der Ukraine weitere Panzer und Munition. " * 60
    a, b = head + "x" * 100_000, head + "y" * 100_000
    before = numbers._head_scores.cache_info().currsize
    assert numbers.lang_scores(a) == numbers.lang_scores(b) == numbers.lang_scores(head[:3000])
    assert numbers.guess_lang(a) == "de"
    assert numbers._head_scores.cache_info().currsize <= before + 1


@pytest.mark.parametrize(
    ("headline", "lang"),
    [
        ("Deutschland liefert zwei Millionen Artilleriegranaten an die Ukraine.", "de"),
        ("La France livre trois cents obus à l'Ukraine.", "fr"),
        ("España enviará dos millones de proyectiles a Ucrania.", "es"),
        ("Polska przekaże Ukrainie dwa miliony pocisków.", "pl"),
        ("Sverige skickar två miljoner granater till Ukraina.", "sv"),
        ("Germany sends two million shells to Ukraine.", "en"),
    ],
)
def test_the_language_of_a_single_headline(headline: str, lang: str) -> None:
    """One sentence is enough (counting function words had guessed the German headline
    English, so its "zwei Millionen" was read as 2)."""
    assert guess_lang(headline) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("deux millions d'obus", "fr"),
        ("dwa miliony pocisków", "pl"),
        ("due milioni di proiettili", "it"),
        ("två miljoner granater", "sv"),
        ("dva miliony granátů", "cs"),
        ("два мільйони снарядів", "uk"),
        ("zwei Millionen Granaten", "de"),
        ("two million shells", "en"),
    ],
)
def test_a_number_word_times_the_scale_word_after_it(text: str, lang: str) -> None:
    """A count written in words with a scale word is the product, in every language read
    ("dwa miliony" had been read as 2, "deux millions" as a vague multiple)."""
    assert [q.value for q in find_quantities(text, lang)] == [2_000_000]


def test_a_scale_word_alone_stays_vague() -> None:
    assert [q.value for q in find_quantities("des millions de cartouches", "fr")] == [None]
    assert [q.value for q in find_quantities("thousands of shells", "en")] == [None]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("entre 12 et 20 Mirage seront fournis", "fr"),
        ("between 12 and 20 jets", "en"),
        ("zwischen 12 und 20 Kampfjets", "de"),
        ("tra 12 e 20 caccia", "it"),
    ],
)
def test_a_count_between_two_numbers_is_a_range(text: str, lang: str) -> None:
    """ "between 12 and 20" is one range with no value, as "12 to 20" is; "12 tanks and 20
    jets" stays two counts."""
    [q] = find_quantities(text, lang)
    assert q.value is None
    assert [q.value for q in find_quantities("12 tanks and 20 jets", "en")] == [12, 20]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Canada will send an additional $25-million of equipment.", 25e6, "USD"),
        ("a C$500-million aid package", 5e8, "CAD"),
        ("a $1.5-billion package", 1.5e9, "USD"),
        ("a 25-million-dollar package", 25e6, "USD"),
    ],
)
def test_a_scale_after_a_hyphen_is_the_sums_scale(text: str, amount: float, currency: str) -> None:
    """Canadian and American print hyphenate the scale ("$25-million"); it had been read as
    $25 (b22)."""
    assert [(m.amount, m.currency) for m in find_money(text)] == [(amount, currency)]


def test_a_hyphenated_range_stays_a_range() -> None:
    assert [m.amount for m in find_money("a $25-30 million package")] == [None]
