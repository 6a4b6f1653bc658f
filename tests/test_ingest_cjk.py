"""Texts in Chinese, Japanese and Korean (materiel.ingest.cjk): sentences written for these
tests, not taken from the labelled texts. Read without the modality filter."""

from __future__ import annotations

import pytest

from materiel.ingest import cjk
from materiel.ingest.extract import Extractor

READER = Extractor(modality=False)


def pledges(text: str) -> set[tuple[str, str, int | None, float | None]]:
    out = READER.read(text).as_label()
    return {(p["donor"], p["category"], p["quantity"], p["amount"]) for p in out["pledges"]}


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("1.25亿", 125_000_000),
        ("14万4000", 144_000),
        ("8억", 800_000_000),
        ("7億7500万", 775_000_000),
        ("32億4千万", 3_240_000_000),
        ("3,000万", 30_000_000),
        ("1900", 1900),
    ],
)
def test_numbers_with_east_asian_units(surface: str, value: float) -> None:
    assert cjk.to_number(surface) == value


def test_which_texts_are_read_as_chinese_japanese_or_korean() -> None:
    assert cjk.is_cjk("美国宣布向乌克兰提供新的军事援助。")
    assert not cjk.is_cjk("The US announced new aid to Ukraine (美国).")
    assert cjk.script("日本はウクライナに車両を提供する。") == "ja"
    assert cjk.script("미국은 우크라이나에 포탄을 제공한다.") == "ko"
    assert cjk.script("美国向乌克兰提供援助。") == "zh"


def test_a_package_in_chinese_its_value_and_contents() -> None:
    got = pledges(
        "美国国防部宣布,将向乌克兰提供价值约1.25亿美元的新军事援助。"
        "此次援助包括防空导弹、“海马斯”火箭炮系统适配的弹药和反坦克武器。"
    )
    assert got == {
        ("USA", "unspecified", None, 125_000_000),
        ("USA", "air-defence-missile", None, None),
        ("USA", "rocket-artillery-ammunition", None, None),
        ("USA", "anti-tank-weapon", None, None),
    }


def test_counted_items_in_japanese_and_korean() -> None:
    assert pledges("日本政府は、ウクライナに軍用車両100台を供与すると発表した。") == {
        ("JPN", "vehicle", 100, None)
    }
    assert pledges("미국은 우크라이나에 곡사포 72대와 드론 121대를 제공한다고 발표했다.") == {
        ("USA", "artillery-system", 72, None),
        ("USA", "drone", 121, None),
    }


@pytest.mark.parametrize(
    "text",
    [
        "ウクライナはポーランドから戦車20両を受け取った。",
        "우크라이나는 폴란드로부터 전차 20대를 받았다.",
        "乌克兰从波兰获得了20辆坦克。",
    ],
)
def test_the_recipient_receiving_from_a_state_is_that_states_pledge(text: str) -> None:
    assert pledges(text) == {("POL", "main-battle-tank", 20, None)}


def test_a_refusal_a_condition_and_a_sale_give_nothing() -> None:
    assert not pledges("국방부는 우크라이나에 살상무기를 지원하지 않는다고 밝혔다.")
    assert not pledges("정부가 우크라이나에 포탄을 지원한다면 155㎜ 포탄이 공급될 것으로 보인다.")
    assert not pledges("韓国は米国に砲弾を輸出するが、ウクライナには提供しない。")


def test_the_recipient_asking_gives_needs_and_no_pledge() -> None:
    r = READER.read("ウクライナ大使は日本に防空システムの供与を求めた。")
    assert not r.by_kind("pledge")
    assert [d.fields["category"] for d in r.by_kind("need")] == ["air-defence-system"]
    # a request that is met is a pledge ("要請を踏まえ")
    assert pledges("日本はウクライナ政府からの要請を踏まえ、ドローンを提供する。") == {
        ("JPN", "drone", None, None)
    }


def needs(text: str) -> list[str]:
    return [d.fields["category"] for d in READER.read(text).by_kind("need")]


def test_another_states_request_or_one_never_made_is_no_need() -> None:
    """Who asks is the subject before the asking word ("미국이", "カナダは"); a request denied
    or never made ("요청을 한 적이 없다") is none."""
    assert not needs("미국이 한국에 155㎜ 포탄 33만 발을 지원해 달라고 요청했다.")
    assert not needs("カナダはウクライナに砲弾を送ったが、日本に砲弾の提供を要請した。")
    assert not needs('관계자는 "우크라이나가 우리에게 포탄 지원 요청을 한 적이 없다"고 말했다.')
    assert needs("우크라이나는 한국에 포탄 지원을 요청했다.") == ["artillery-ammunition"]
    assert needs("캐나다 방문 중 우크라이나가 포탄을 요청했다.") == ["artillery-ammunition"]


def test_the_unions_money_is_a_fund_and_a_proposal_or_talks_give_nothing() -> None:
    """The EU's sums are a pool's (the conventions' pool rule), not a pledge; what is only
    proposed or talked about is not given."""
    r = READER.read("欧州連合はウクライナへの軍事支援として5億ユーロを追加で拠出すると発表した。")
    assert not r.by_kind("pledge")
    assert [(d.fields["amount"], d.fields["currency"]) for d in r.by_kind("fund")] == [
        (500_000_000, "EUR")
    ]
    assert "recipient" not in r.by_kind("fund")[0].fields
    assert not pledges("ボレル氏はウクライナに200億ユーロの軍事支援基金を提案した。")
    assert not pledges("미국과 이스라엘은 우크라이나에 패트리엇 4기를 보내는 방안을 협의하고 있다.")
    # a state's own sum stays its pledge
    assert pledges("독일은 우크라이나에 5억 유로 규모의 군사 지원을 제공한다고 밝혔다.") == {
        ("DEU", "unspecified", None, 500_000_000)
    }


def test_a_headline_gives_way_to_the_body_for_the_evidence() -> None:
    """The same pledge in a title line and in the body: the body's mention is the evidence
    (with the same figures), as in the other languages' reader."""
    text = "日本、ウクライナに車両提供\n防衛省は21日、ウクライナに車両を提供すると発表した。"
    (pledge,) = READER.read(text).by_kind("pledge")
    assert pledge.start > text.index("\n")
    assert cjk.title_lines(text, cjk.sentences(text)) == {0}
    assert (
        cjk.title_lines(
            "防衛省は発表した。\n車両提供", cjk.sentences("防衛省は発表した。\n車両提供")
        )
        == set()
    )


def test_a_destination_a_place_or_a_scheme_is_no_giver() -> None:
    """ "한국에" (to Korea), "벨기에 브뤼셀에서" (in Brussels, Belgium), "체코 이니셔티브" (the
    Czech initiative): the state is where things go or happen, or a scheme's name."""
    assert cjk.giving_states(
        "미국은 한국에 포탄을 보냈다", cjk.nations("미국은 한국에 포탄을 보냈다", 0, 14)
    ) == ["USA"]
    text = "벨기에 브뤼셀에서 열린 회의에서 독일은 우크라이나에 패트리엇 1기를 제공한다고 밝혔다."
    assert pledges(text) == {("DEU", "air-defence-system", 1, None)}
    assert not pledges("이른바 '체코 이니셔티브'로 우크라이나에 포탄 80만 발을 지원한다.")
