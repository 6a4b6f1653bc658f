"""Eastern-family words (materiel.ingest.lexicon.eastern): sentences written for these tests,
not taken from the labelled texts."""

from __future__ import annotations

import pytest

from materiel.ingest import nations
from materiel.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _pledges(ex: Extractor, text: str) -> set[tuple[str, str, int | None]]:
    out = ex.read(text).as_label()
    return {(p["donor"], p["category"], p.get("quantity")) for p in out["pledges"]}


def _needs(ex: Extractor, text: str) -> set[str]:
    return {n["category"] for n in ex.read(text).as_label()["needs"]}


PLEDGES = [
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
]


@pytest.mark.parametrize("lang,text,code", NAMES, ids=[f"{n[0]}-{n[1]}" for n in NAMES])
def test_inflected_nation_form(lang: str, text: str, code: str) -> None:
    assert any(code in n.codes for n in nations.find_nations(text))
