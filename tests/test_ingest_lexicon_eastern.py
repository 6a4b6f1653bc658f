"""Eastern-family words (materiel.ingest.lexicon.eastern): sentences written for these tests,
not taken from the labelled texts."""

from __future__ import annotations

import pytest

from materiel.ingest import nations
from materiel.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    """The rules alone: these tests are of the words, which a retrained modality filter must
    not make pass or fail (a retrain in session 31 dropped "Ukraina saņēma no Polijas 20
    tankus", read right by the rules)."""
    return Extractor(modality=False)


def _pledges(ex: Extractor, text: str) -> set[tuple[str, str, int | None]]:
    out = ex.read(text).as_label()
    return {(p["donor"], p["category"], p.get("quantity")) for p in out["pledges"]}


def _needs(ex: Extractor, text: str) -> set[str]:
    return {n["category"] for n in ex.read(text).as_label()["needs"]}


PLEDGES = [
    # Polish "znalazło się" (went into the package): its contents named next
    (
        "pl",
        "Niemcy ogłosiły nowy pakiet pomocy wojskowej dla Ukrainy. W pakiecie znalazło się 10 "
        "czołgów, 20 haubic i 5000 pocisków.",
        ("DEU", "artillery-system", 20),
    ),
    (
        "pl",
        "Litwa przekaże Ukrainie 12 moździerzy w nowym pakiecie pomocy.",
        ("LTU", "artillery-system", 12),
    ),
    ("cs", "Dánsko pošle Ukrajině 20 obrněných vozidel.", ("DNK", "armoured-vehicle", 20)),
    ("uk", "Норвегія передасть Україні 8 гелікоптерів.", ("NOR", "helicopter", 8)),
    ("ru", "Норвегия передаст Украине 6 гаубиц.", ("NOR", "artillery-system", 6)),
    ("lt", "Latvija perduos Ukrainai 30 šarvuočių.", ("LVA", "armoured-vehicle", 30)),
    ("bg", "Гърция изпраща на Украйна 15 бронетранспортьора.", ("GRC", "armoured-vehicle", 15)),
    ("hr", "Hrvatska će Ukrajini isporučiti 10 helikoptera.", ("HRV", "helicopter", 10)),
    ("fi", "Suomi lähettää Ukrainalle 12 haupitsia.", ("FIN", "artillery-system", 12)),
    # items that arrived, their giver by the adjective before them
    (
        "cs",
        "Prvních 18 německých tanků Leopard 2 dorazilo na Ukrajinu.",
        ("DEU", "main-battle-tank", 18),
    ),
    (
        "ru",
        "Первые 18 немецких танков Leopard 2 прибыли в Украину.",
        ("DEU", "main-battle-tank", 18),
    ),
    # the Hungarian adjective too ("német": German)
    (
        "hu",
        "Az első 18 német Leopard 2 harckocsi megérkezett Ukrajnába.",
        ("DEU", "main-battle-tank", 18),
    ),
    # the arrival told first, the adjective after it
    (
        "cs",
        "Na Ukrajinu dorazilo prvních 18 německých tanků Leopard 2.",
        ("DEU", "main-battle-tank", 18),
    ),
    (
        "uk",
        "В Україну прибули перші 18 німецьких танків Leopard 2.",
        ("DEU", "main-battle-tank", 18),
    ),
    (
        "hu",
        "Megérkezett Ukrajnába az első 18 német Leopard 2 harckocsi.",
        ("DEU", "main-battle-tank", 18),
    ),
    (
        "fi",
        "Ukrainaan saapuivat ensimmäiset 18 saksalaista Leopard 2 -panssarivaunua.",
        ("DEU", "main-battle-tank", 18),
    ),
    # the Hungarian recipient receives ("kap"), its giver in the ablative
    ("hu", "Ukrajna tíz Leopard harckocsit kap Németországtól.", ("DEU", "main-battle-tank", 10)),
    ("ru", "Эстония передаст Украине партию огнестрельного оружия.", ("EST", "small-arms", None)),
    # inflected and compound forms: "гвинтівок" (rifles, genitive plural), "snaiperpüsse"
    # (sniper rifles), "munície" (ammunition, Slovak)
    ("uk", "Польща передасть Україні тисячі гвинтівок.", ("POL", "small-arms", None)),
    ("et", "Eesti saadab Ukrainale snaiperpüsse.", ("EST", "small-arms", None)),
    ("hr", "Hrvatska će Ukrajini poslati pješačko oružje.", ("HRV", "small-arms", None)),
    # a calibre's number in "120-milimetrovej" counts no units
    (
        "sk",
        "Slovensko pošle Ukrajine 12.000 kusov 120-milimetrovej munície.",
        ("SVK", "artillery-ammunition", 12000),
    ),
    # attack aircraft and helicopters by their Cyrillic model names ("штурмовиків Су-25",
    # "вертольотів Мі-8", "вертолетов Ми-8")
    ("uk", "Польща передасть Україні чотирьох штурмовиків Су-25.", ("POL", "aircraft", 4)),
    ("uk", "Хорватія передала Україні 14 вертольотів Мі-8.", ("HRV", "helicopter", 14)),
    ("ru", "Хорватия передала Украине 14 вертолетов Ми-8.", ("HRV", "helicopter", 14)),
    # Hungarian: the split verb "ad át" and the recipient's adjective "ukrán"
    ("hu", "Románia 5000 lőfegyvert ad át az ukrán hadseregnek.", ("ROU", "small-arms", 5000)),
    # Serbian in Cyrillic: the donor's name and "Украјини"
    ("sr", "Словенија је донирала Украјини 35 оклопних возила.", ("SVN", "armoured-vehicle", 35)),
    # "θα διαθέσει" (will allocate), said by the capital
    (
        "el",
        "Το Βουκουρέστι θα διαθέσει στην Ουκρανία 10 άρματα μάχης.",
        ("ROU", "main-battle-tank", 10),
    ),
    # Estonian "annab" (gives) without "üle", Greek "θα παραδώσει" (will deliver), Turkish
    # "insansız hava aracı" (an unmanned aerial vehicle: araç -> aracı)
    ("et", "Eesti annab Ukrainale 20 tanki.", ("EST", "main-battle-tank", 20)),
    ("el", "Η Ελλάδα θα παραδώσει στην Ουκρανία 20 άρματα μάχης.", ("GRC", "main-battle-tank", 20)),
    ("tr", "Türkiye Ukrayna'ya 50 insansız hava aracı verecek.", ("TUR", "drone", 50)),
    # Lithuanian "nusiuntė" (sent), Latvian "bruņutransportieri" (armoured personnel carriers)
    ("lt", "Lietuva nusiuntė Ukrainai 20 šarvuočių.", ("LTU", "armoured-vehicle", 20)),
    ("lv", "Latvija nosūtīja Ukrainai 10 bruņutransportierus.", ("LVA", "armoured-vehicle", 10)),
    # the recipient received from the donor: Latvian "no" is "from" (not Spanish "no"),
    # Estonian "sai", Greek "έλαβε"
    ("lv", "Ukraina saņēma no Polijas 20 tankus.", ("POL", "main-battle-tank", 20)),
    ("et", "Ukraina sai Poolalt 20 tanki.", ("POL", "main-battle-tank", 20)),
    ("el", "Η Ουκρανία έλαβε 20 άρματα μάχης από την Πολωνία.", ("POL", "main-battle-tank", 20)),
    # Hungarian "ad" (gives) without "át", Greek "θα δώσει" (will give)
    ("hu", "Magyarország 20 harckocsit ad Ukrajnának.", ("HUN", "main-battle-tank", 20)),
    ("el", "Η Ελλάδα θα δώσει στην Ουκρανία 20 άρματα μάχης.", ("GRC", "main-battle-tank", 20)),
]


@pytest.mark.parametrize("lang,text,want", PLEDGES, ids=[p[0] for p in PLEDGES])
def test_pledge_read_with_donor_category_quantity(
    ex: Extractor, lang: str, text: str, want
) -> None:
    assert want in _pledges(ex, text)


REFUSALS = [
    ("pl", "Polska rozważa przekazanie Ukrainie 20 czołgów."),
    ("cs", "Česko nepošle Ukrajině žádné tanky."),
    ("uk", "Угорщина відмовилася передати Україні зброю."),
    ("ru", "Германия не будет передавать Украине 50 танков."),
    ("lt", "Lietuva svarsto galimybę perduoti Ukrainai 10 tankų."),
    ("fi", "Suomi harkitsee haupitsien lähettämistä Ukrainalle."),
    # what was given before, said so in Serbian ("već", "већ")
    ("sr", "Словенија је Украјини већ донирала пешачко наоружање и кациге."),
    # Hungarian "still not" and "neither ... nor"
    ("hu", "Magyarország továbbra sem küld sem katonákat, sem fegyvereket Ukrajnába."),
]


@pytest.mark.parametrize("lang,text", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusal_or_consideration_is_no_pledge(ex: Extractor, lang: str, text: str) -> None:
    assert not _pledges(ex, text)


NEEDS = [
    (
        "pl",
        "Prezydent Zełenski poprosił sojuszników o kolejne systemy obrony powietrznej.",
        "air-defence-system",
    ),
    ("uk", "Зеленський закликав партнерів надати більше систем ППО.", "air-defence-system"),
    ("cs", "Ukrajina žádá o další dělostřeleckou munici ráže 155 mm.", "artillery-ammunition"),
    ("lt", "Zelenskis paprašė partnerių daugiau oro gynybos sistemų.", "air-defence-system"),
    # the recipient's president in Greek letters
    (
        "el",
        "Ο Ζελένσκι ζήτησε από τους συμμάχους περισσότερα συστήματα αεράμυνας.",
        "air-defence-system",
    ),
    # the recipient's capital speaks for its government, in its cases ("Kijów", "Київ")
    ("pl", "Kijów od tygodni prosi o myśliwce.", "aircraft"),
    ("uk", "Київ просить у партнерів винищувачі.", "aircraft"),
    ("ro", "Kievul cere de săptămâni avioane de luptă.", "aircraft"),
    ("el", "Το Κίεβο ζητά εδώ και εβδομάδες μαχητικά αεροσκάφη.", "aircraft"),
    # "je" is "is" in Croatian and Slovene, not the French "I" who would be the subject
    (
        "hr",
        "Ukrajina je od Njemačke zatražila više sustava protuzračne obrane.",
        "air-defence-system",
    ),
    ("sl", "Zelenski je prosil za več sistemov zračne obrambe.", "air-defence-system"),
    # Czech "požaduje" (demands)
    ("cs", "Ukrajina požaduje další dělostřeleckou munici.", "artillery-ammunition"),
    # the recipient's Turkish name
    ("tr", "Ukrayna, Almanya'dan daha fazla hava savunma sistemi istedi.", "air-defence-system"),
]


@pytest.mark.parametrize("lang,text,want", NEEDS, ids=[n[0] for n in NEEDS])
def test_need_from_the_recipients_request(ex: Extractor, lang: str, text: str, want: str) -> None:
    assert want in _needs(ex, text)


NAMES = [
    ("pl", "z Niemcami", "DEU"),
    ("pl", "rząd Wielkiej Brytanii", "GBR"),
    ("cs", "ve Švédsku", "SWE"),
    ("sk", "Nemecku", "DEU"),
    ("sl", "Nemčiji", "DEU"),
    ("hr", "Njemačkoj", "DEU"),
    ("sr", "Немачкој", "DEU"),
    ("bg", "САЩ", "USA"),
    ("uk", "Німеччиною", "DEU"),
    ("ru", "Германией", "DEU"),
    ("lt", "Vokietijos", "DEU"),
    ("lv", "Vācijai", "DEU"),
    ("et", "Saksamaalt", "DEU"),
    ("fi", "Saksasta", "DEU"),
    ("hu", "Németországtól", "DEU"),
    ("el", "Γερμανίας", "DEU"),
    ("tr", "Almanya'nın", "DEU"),
    # Balkan adjectives in English
    ("en", "the Macedonian Government", "MKD"),
    ("en", "the Albanian government", "ALB"),
    # capitals speak for their governments in Russian, Bulgarian and Greek too
    ("bg", "Букурещ", "ROU"),
    ("ru", "Бухарест", "ROU"),
    ("ru", "Парижа", "FRA"),
    ("el", "Βουκουρέστι", "ROU"),
    ("el", "Παρίσι", "FRA"),
]


@pytest.mark.parametrize("lang,text,code", NAMES, ids=[f"{n[0]}-{n[1]}" for n in NAMES])
def test_inflected_nation_form(lang: str, text: str, code: str) -> None:
    assert any(code in n.codes for n in nations.find_nations(text))


# Round 2: the kinds of words behind false pledges on negatives (a recap of past totals, a
# sale, a rumour, the pluperfect, last year), then arms, adjectives and calibre units.

RECAPS = [
    (
        "pl",
        "Od początku wojny Polska przekazała Ukrainie 300 czołgów."
        " Do Ukrainy trafiło też 120 haubic.",
    ),
    (
        "cs",
        "Od začátku války Česko darovalo Ukrajině 60 tanků."
        " Ukrajině byly dodány také 20 vrtulníků.",
    ),
    (
        "uk",
        "З початку війни Норвегія передала Україні 50 гаубиць."
        " Україні також було передано 20 гелікоптерів.",
    ),
    (
        "ru",
        "С начала войны Норвегия передала Украине 50 гаубиц."
        " Украине также были переданы 20 вертолетов.",
    ),
    (
        "fi",
        "Sodan alusta Norja on lahjoittanut Ukrainalle 50 haupitsia."
        " Ukrainalle lähetettiin myös 20 helikopteria.",
    ),
]


@pytest.mark.parametrize("lang,text", RECAPS, ids=[r[0] for r in RECAPS])
def test_recap_of_past_totals_goes_on_in_the_past(ex: Extractor, lang: str, text: str) -> None:
    assert not _pledges(ex, text)


def test_the_future_ends_a_recap() -> None:
    """A rule of the reader, read without the modality filter (retrained on the labelled texts,
    its word weights may drop a two-sentence text's pledge: not what this tests)."""
    text = (
        "Od początku wojny Polska przekazała Ukrainie 300 czołgów. Do Ukrainy trafi też 120 haubic."
    )
    assert ("POL", "artillery-system", 120) in _pledges(Extractor(modality=False), text)


NOT_NEW = [
    ("sk", "Slovensko predáva Ukrajine 16 húfnic na základe obchodnej zmluvy."),  # a sale
    ("pl", "Polska rzekomo przekaże Ukrainie 10 czołgów."),  # a rumour
    ("tr", "Almanya Ukrayna'ya 10 tank göndermişti."),  # the pluperfect
    ("el", "Η Ελλάδα είχε στείλει 40 τεθωρακισμένα στην Ουκρανία."),  # the pluperfect
    ("cs", "Loni Česko poslalo Ukrajině 20 tanků."),  # last year
    ("ru", "Финская армия располагает 100 гаубицами."),  # an inventory
    ("hr", "Hrvatska je prošle godine poslala Ukrajini 14 helikoptera."),  # last year
]


@pytest.mark.parametrize("lang,text", NOT_NEW, ids=[f"{n[0]}-{i}" for i, n in enumerate(NOT_NEW)])
def test_sale_rumour_pluperfect_or_last_year_is_no_pledge(
    ex: Extractor, lang: str, text: str
) -> None:
    assert not _pledges(ex, text)


ADJECTIVE_PLEDGES = [
    ("cs", "Německá vláda pošle Ukrajině 10 tanků.", ("DEU", "main-battle-tank", 10)),
    ("pl", "Niemiecki rząd przekaże Ukrainie 12 haubic.", ("DEU", "artillery-system", 12)),
]


@pytest.mark.parametrize("lang,text,want", ADJECTIVE_PLEDGES, ids=[a[0] for a in ADJECTIVE_PLEDGES])
def test_state_adjective_before_its_government_names_the_donor(
    ex: Extractor, lang: str, text: str, want
) -> None:
    assert want in _pledges(ex, text)


ADJECTIVES = [
    ("pl", "niemiecki rząd", "DEU"),
    ("cs", "Francouzská vláda", "FRA"),
    ("hr", "njemačka vlada", "DEU"),
    ("uk", "британський уряд", "GBR"),
    ("ru", "американское правительство", "USA"),
    ("bg", "германското правителство", "DEU"),
    ("fi", "ruotsalainen hallitus", "SWE"),
    ("hu", "a német kormány", "DEU"),
    ("el", "η γαλλική κυβέρνηση", "FRA"),
    ("tr", "Alman hükümeti", "DEU"),
    ("ar", "أعلنت وزارة الدفاع الكندية", "CAN"),
]


@pytest.mark.parametrize("lang,text,code", ADJECTIVES, ids=[f"{a[0]}-{a[1]}" for a in ADJECTIVES])
def test_state_adjective(lang: str, text: str, code: str) -> None:
    assert any(code in n.codes for n in nations.find_nations(text))


@pytest.mark.parametrize(
    "text",
    [
        "niemieckie czołgi Leopard",
        "s njemačkim kancelarom",
        "z niemieckim rządem",
        "الدبابات الألمانية",
    ],
)
def test_adjective_of_origin_or_counterpart_is_no_nation(text: str) -> None:
    assert not nations.find_nations(text)


def test_package_with_no_item_is_an_unspecified_pledge() -> None:
    # the rules' draft; the filter, trained on whole texts, may drop a one-sentence text's lone
    # pledge without a figure (it does since batches 34-35 joined its training set)
    text = "Polska zapowiedziała nowy pakiet pomocy wojskowej dla Ukrainy."
    assert ("POL", "unspecified", None) in _pledges(Extractor(modality=False), text)


def test_calibre_in_millimetres_spelled_out(ex: Extractor) -> None:
    out = ex.read("Czechy przekażą Ukrainie 1000 pocisków kalibru 155 milimetrów.").as_label()
    assert any(p.get("caliber") == "155mm" for p in out["pledges"])


@pytest.mark.parametrize(
    ("lang", "text"), [("mk", "30 тенкови"), ("sr", "тенкови М-84"), ("tr", "Leopard tankları")]
)
def test_tanks_in_macedonian_serbian_and_turkish(lang: str, text: str) -> None:
    from materiel.ingest.items import ItemTable

    assert "main-battle-tank" in {m.category for m in ItemTable().find(text, lang)}


def test_a_country_written_in_capitals_is_named() -> None:
    """Headlines and ledes in capitals ("IRELAND WILL PROVIDE Ukraine") name their state, with
    the span of the text's own letters; a capital city in capitals is a dateline, no speaker."""
    [irl, ukr] = nations.find_nations("IRELAND WILL PROVIDE Ukraine with €50m")
    assert (irl.codes, irl.start, irl.end, ukr.codes) == (("IRL",), 0, 7, ("UKR",))
    assert [n.codes for n in nations.find_nations("the UK and FRANCE")] == [("GBR",), ("FRA",)]
    assert nations.find_nations("TOKYO, Feb 25 (Reuters) - the envoy said") == []
    r = Extractor(modality=False).read("IRELAND WILL PROVIDE Ukraine with an additional €50m.")
    [p] = r.by_kind("pledge")
    assert (p.fields["donor"], p.fields["amount"]) == ("IRL", 50e6)
    assert r.evidence(p).startswith("IRELAND WILL PROVIDE")


def test_slovene_zda_is_the_usa_not_czech_whether() -> None:
    """Czech "zda" (whether) marks a clause as not given; the Slovene "ZDA" (the United States)
    is a nation's name, which is no cue word, and a giver. "Pomoč obsega" (the aid comprises)
    continues the package told before, and "opremo za odstranjevanje min" is demining
    equipment."""
    reader = Extractor(modality=False)

    def pledges(text: str) -> set[tuple[str, str, int | None]]:
        out = reader.read(text).as_label()
        return {(p["donor"], p["category"], p.get("quantity")) for p in out["pledges"]}

    assert pledges("ZDA bodo Ukrajini poslale 20 tankov.") == {("USA", "main-battle-tank", 20)}
    assert not pledges("Vláda zvažuje, zda pošle Ukrajině 20 tanků.")
    got = pledges(
        "ZDA bodo Ukrajini namenile dodatno vojaško pomoč v vrednosti 250 milijonov dolarjev. "
        "Pomoč med drugim obsega strelivo za raketne sisteme himars, več kot tri milijone "
        "nabojev za ročno orožje ter opremo za odstranjevanje min."
    )
    assert {("USA", "rocket-artillery-ammunition", None), ("USA", "demining", None)} <= got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Polska przekaże Ukrainie 20 czołgów i 50 dronów.",
            {("POL", "main-battle-tank", 20), ("POL", "drone", 50)},
        ),
        (
            "Česko pošle Ukrajině 5000 pušek a 100 000 nábojů.",
            {("CZE", "small-arms", 5000), ("CZE", "small-arms-ammunition", 100000)},
        ),
        # Romanian "și", Hungarian "és", Greek "και", Turkish "ve", Latvian "un", Slovene "in"
        (
            "România va livra Ucrainei 20 de tancuri și 50 de drone.",
            {("ROU", "main-battle-tank", 20), ("ROU", "drone", 50)},
        ),
        (
            "Magyarország 20 harckocsit és 50 drónt küld Ukrajnának.",
            {("HUN", "main-battle-tank", 20), ("HUN", "drone", 50)},
        ),
        (
            "Η Ελλάδα θα στείλει στην Ουκρανία 20 άρματα μάχης και 12 οβιδοβόλα.",
            {("GRC", "main-battle-tank", 20), ("GRC", "artillery-system", 12)},
        ),
        (
            "Türkiye Ukrayna'ya 20 tank ve 12 obüs gönderecek.",
            {("TUR", "main-battle-tank", 20), ("TUR", "artillery-system", 12)},
        ),
        (
            "Latvija nosūtīs Ukrainai 20 tankus un 50 dronus.",
            {("LVA", "main-battle-tank", 20), ("LVA", "drone", 50)},
        ),
        (
            "Slovenija bo Ukrajini predala 20 tankov in 12 havbic.",
            {("SVN", "main-battle-tank", 20), ("SVN", "artillery-system", 12)},
        ),
        # a short Slovak text is told as Slovene: its "a" still parts the list
        (
            "Slovensko pošle Ukrajine 20 tankov, 12 húfnic a 50 dronov.",
            {
                ("SVK", "main-battle-tank", 20),
                ("SVK", "artillery-system", 12),
                ("SVK", "drone", 50),
            },
        ),
    ],
)
def test_and_in_the_texts_language_parts_two_items(
    text: str, want: set[tuple[str, str, int]]
) -> None:
    """The text's language's "and" (Polish and Czech "i" and "a", Romanian "și", Hungarian "és",
    Greek "και", Turkish "ve", Latvian "un", Slovene "in") parts two counted items as "and" does;
    they had been read as one item (the first's count, the second's category)."""
    got = {
        (d.fields["donor"], d.fields["category"], d.fields["quantity"])
        for d in Extractor(modality=False).read(text).drafts
        if d.kind == "pledge"
    }
    assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "Niemcy i Norwegia przekażą Ukrainie po 10 czołgów.",
        "Німеччина та Норвегія передадуть Україні по 10 танків.",
        "Германия и Норвегия передадут Украине по 10 танков.",
        "Německo a Norsko předají Ukrajině každé 10 tanků.",
    ],
)
def test_each_of_two_givers_in_slavic_languages(text: str) -> None:
    """The Slavic distributive "po"/"по" before a number is "each" ("po 10 czołgów": 10 each),
    so each giver's pledge keeps the count; Czech "předají" (they will hand over) gives."""
    got = {
        (d.fields["donor"], d.fields["category"], d.fields["quantity"])
        for d in Extractor(modality=False).read(text).drafts
        if d.kind == "pledge"
    }
    assert got == {("DEU", "main-battle-tank", 10), ("NOR", "main-battle-tank", 10)}


def test_first_person_is_no_slavic_and_nor_italian_article() -> None:
    """ "i" (Polish, Czech, Croatian "and"; Italian "the") and, outside French, "je" (Croatian,
    Slovene, Czech "is") are no first person that carries a speaker's voice on."""
    from materiel.ingest import cues

    assert cues.FIRST_PERSON.search("czołgi i drony") is None
    assert cues.FIRST_PERSON.search("i carri armati") is None
    assert cues.FIRST_PERSON_OTHER.search("Ukrajina je zatražila") is None
    assert cues.FIRST_PERSON.search("je demande des avions") is not None
    assert cues.FIRST_PERSON_OTHER.search("I asked for jets") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Německo, Dánsko a Norsko koupí pro Ukrajinu šestnáct slovenských houfnic Zuzana 2.",
        "Nemecko, Dánsko a Nórsko kúpia pre Ukrajinu šestnásť slovenských húfnic Zuzana 2.",
    ],
)
def test_buying_for_the_recipient_is_giving(text: str) -> None:
    """Czech "koupí" and Slovak "kúpia" (will buy) for Ukraine: each buyer gives; the joint
    number is no one's own."""
    got = _pledges(Extractor(modality=False), text)
    assert sorted(got) == [
        ("DEU", "artillery-system", None),
        ("DNK", "artillery-system", None),
        ("NOR", "artillery-system", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Do Kyjeva dorazil německý kancléř Olaf Scholz.",
        "До Києва прибув німецький канцлер Олаф Шольц.",
    ],
)
def test_a_person_who_arrived_gives_nothing(text: str) -> None:
    """The adjective after a word of arrival names a giver only of items: a visitor who
    arrived is no delivery."""
    assert _pledges(Extractor(modality=False), text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the genitive plural after a number ("10 karetek", "10 sanitek"); a compound of
        # "hajó" (ship); a Finnish patrol vessel; a Polish mine trawl
        ("Niemcy przekażą Ukrainie 10 karetek.", "vehicle"),
        ("Německo předá Ukrajině 10 sanitek.", "vehicle"),
        ("Németország 10 járőrhajót küld Ukrajnának.", "naval"),
        ("Saksa lähettää Ukrainalle 10 partioalusta.", "naval"),
        ("Niemcy przekażą Ukrainie 10 trałów przeciwminowych.", "demining"),
        # genitive plurals after a number; compounds of the word for ship; a hyphenated
        # Estonian patrol ship; a Latvian launcher ("iekārta": installation)
        ("Nemecko odovzdá Ukrajine 10 pušiek.", "small-arms"),
        ("Njemačka će Ukrajini poslati 10 pušaka.", "small-arms"),
        ("Германия передаст Украине 10 винтовок.", "small-arms"),
        ("Nemecko odovzdá Ukrajine 10 radarov.", "other-military"),
        ("Vācija nodos Ukrainai 10 patruļkuģus.", "naval"),
        ("Vācija nodos Ukrainai 10 raķešu palaišanas iekārtas.", "rocket-artillery-system"),
        ("Saksamaa annab Ukrainale 10 veoautot.", "vehicle"),
        ("Saksamaa annab Ukrainale 10 patrull-laeva.", "naval"),
    ],
)
def test_more_item_words_after_a_number(ex: Extractor, text: str, category: str) -> None:
    assert _pledges(ex, text) == {("DEU", category, 10)}


@pytest.mark.parametrize(
    "text",
    [
        "Németország 10 harckocsit ajánlott fel Ukrajnának.",
        "Almanya Ukrayna'ya 10 tank hibe etti.",
        "Η Γερμανία δώρισε στην Ουκρανία 10 άρματα μάχης.",
        "Njemačka je Ukrajini ustupila 10 tenkova.",
        "Njemačka je Ukrajini dala 10 tenkova.",
        "Vokietija suteiks Ukrainai 10 tankų.",
        "Vokietija nusiųs Ukrainai 10 tankų.",
        "Vācija nodeva Ukrainai 10 tankus.",
        "Saksamaa loovutas Ukrainale 10 tanki.",
    ],
)
def test_more_verbs_of_giving_from_a_probe_of_each_language(ex: Extractor, text: str) -> None:
    """Each language's verbs of giving in their tenses, written for this test: these forms
    read nothing before."""
    assert _pledges(ex, text) == {("DEU", "main-battle-tank", 10)}
