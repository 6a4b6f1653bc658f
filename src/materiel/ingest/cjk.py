"""A reader of texts in Chinese, Japanese and Korean (issue 15).

The reader's patterns find words between word boundaries (``\\b``), and a run of Chinese,
Japanese or Korean characters has none inside it: before this module it read nothing in those
languages (a blind batch of Asian texts had strict pledge recall 0.08). This module reads them
on their own terms, by substrings: states by their names in the three languages (babel's CLDR
names and the short forms the press uses), items by their nouns, numbers with 万/億/亿/만/억,
counters (台, 基, 発, 대, 발 ...) and currencies (ドル, 美元, 달러 ...), and per sentence the
verbs of giving, of refusing or weighing, of totals and of asking.

A sentence that names a giving state (or follows one that did), a verb of giving or of a
package's contents, and items or a sum, with no refusal, doubt or past total, gives one
pledge per (state, category); a sum beside items is the package's value (category
unspecified); the European Union's sum is a pool's fund, not its pledge; a sentence in which
the recipient asks for items gives needs (not another state's request, nor one denied). The
words are the languages' vocabulary for arms and giving, written from the languages, not copied
from the labelled texts. Nothing here imports the reader: :mod:`.extract` turns the rows into
drafts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from materiel.ingest import prefilter
from materiel.ingest.items import AMMO_OF
from materiel.ingest.nations import NOT_DONORS
from materiel.ingest.text import blank

#: characters of the three scripts (kana, CJK ideographs, hangul)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")


def is_cjk(text: str) -> bool:
    """Most of the text's letters are Chinese, Japanese or Korean."""
    head = text[:3000]
    if _CJK.search(head) is None:
        return False  # most texts: no need to count their letters
    letters = len(_LETTER.findall(head))
    return letters > 0 and len(_CJK.findall(head)) >= 0.5 * letters


def script(text: str) -> str:
    """ "ja" (kana), "ko" (hangul) or "zh" (ideographs only), by the text's head."""
    head = text[:3000]
    if re.search(r"[\uac00-\ud7af]", head):
        return "ko"
    if re.search(r"[\u3040-\u30ff]", head):
        return "ja"
    return "zh"


# -- states ----------------------------------------------------------------------------------

#: the press's short forms, beside babel's names (ISO 3166 alpha-3)
_SHORT: dict[str, str] = {
    "米国": "USA", "米政府": "USA", "アメリカ": "USA", "美国": "USA", "美國": "USA",
    "미국": "USA", "米国防総省": "USA", "美国国防部": "USA", "美國國防部": "USA", "美军": "USA",
    "ペンタゴン": "USA", "五角大楼": "USA", "五角大廈": "USA", "펜타곤": "USA",
    "英国": "GBR", "イギリス": "GBR", "英國": "GBR", "영국": "GBR",
    "ドイツ": "DEU", "德国": "DEU", "德國": "DEU", "독일": "DEU",
    "フランス": "FRA", "法国": "FRA", "法國": "FRA", "프랑스": "FRA",
    "日本": "JPN", "일본": "JPN", "日本政府": "JPN", "我が国": "JPN",
    "韓国": "KOR", "韩国": "KOR", "韓國": "KOR", "南韓": "KOR", "한국": "KOR", "대한민국": "KOR",
    "우리 정부": "KOR", "우리나라": "KOR",
    "カナダ": "CAN", "加拿大": "CAN", "캐나다": "CAN",
    "オーストラリア": "AUS", "豪州": "AUS", "澳大利亚": "AUS", "澳洲": "AUS", "호주": "AUS",
    "ポーランド": "POL", "波兰": "POL", "波蘭": "POL", "폴란드": "POL",
    "オランダ": "NLD", "荷兰": "NLD", "荷蘭": "NLD", "네덜란드": "NLD",
    "デンマーク": "DNK", "丹麦": "DNK", "丹麥": "DNK", "덴마크": "DNK",
    "ノルウェー": "NOR", "挪威": "NOR", "노르웨이": "NOR",
    "スウェーデン": "SWE", "瑞典": "SWE", "스웨덴": "SWE",
    "チェコ": "CZE", "捷克": "CZE", "체코": "CZE",
    "イタリア": "ITA", "意大利": "ITA", "義大利": "ITA", "이탈리아": "ITA",
    "スペイン": "ESP", "西班牙": "ESP", "스페인": "ESP",
    "欧州連合": "EUU", "欧盟": "EUU", "歐盟": "EUU", "유럽연합": "EUU", "EU": "EUU",
}  # fmt: skip

#: names that are also common words: Korean "인도" (India) is "handover"
_AMBIGUOUS = ("인도", "中", "美")

#: the recipient's names (the aggressors are nations.NOT_DONORS)
_RECIPIENT = re.compile(
    r"ウクライナ|乌克兰|烏克蘭|우크라이나|우크라|宇克蘭|キーウ|キエフ|基辅|基輔|키이우"
)


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    from babel import Locale

    table: dict[str, str] = {}
    import pycountry

    for loc in ("ja", "ko", "zh_Hans", "zh_Hant"):
        for alpha2, name in Locale.parse(loc).territories.items():
            country = pycountry.countries.get(alpha_2=alpha2) if alpha2.isalpha() else None
            if country is not None and len(name) >= 2:
                table[name] = country.alpha_3
    table.update(_SHORT)
    for word in _AMBIGUOUS:
        table.pop(word, None)
    return re.compile(prefilter.trie(table)), table  # the longest name first, as a trie


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: str  # a state's code, an item's category, or a currency


#: after a state's name: it is where things go or happen, or a scheme's name ("한국에",
#: "日本に", "벨기에 브뤼셀에서", "체코 이니셔티브"), not a giver
_NOT_GIVER_AFTER = re.compile(
    r"\s?(?:に(?!よ)|へ|에게|에서|에(?!서)|で|[^\s\d]{1,4}에서|이니셔티브|イニシアチブ|倡议|倡議)"
)
#: before a state's name: "to", "for", "towards" ("向乌克兰", "给美国")
_NOT_GIVER_BEFORE = re.compile(r"(?:向|给|給|对|對|为|為)$")


def nations(text: str, a: int, b: int) -> list[Mention]:
    pattern, table = _names()
    return [Mention(m.start(), m.end(), table[m.group(0)]) for m in pattern.finditer(text, a, b)]


def giving_states(text: str, states: list[Mention]) -> list[str]:
    """The states of a sentence that may give: not the recipient or an aggressor, nor a state
    named as a destination, a place or a scheme."""
    return list(
        dict.fromkeys(
            n.value
            for n in states
            if n.value not in NOT_DONORS
            and not _NOT_GIVER_AFTER.match(text, n.end)
            and not _NOT_GIVER_BEFORE.search(text, max(0, n.start - 1), n.start)
        )
    )


# -- items -----------------------------------------------------------------------------------

#: (nouns, category): longest match first, so "反无人机" (counter-drone) beats "无人机"
_ITEMS: list[tuple[str, str]] = [
    # counter-drone equipment, radars, protective gear, supplies
    (r"反無人機|反无人机|対ドローン|대드론|드론\s?방어|レーダー|雷达|雷達|레이더"
     r"|防弾チョッキ|防弾ベスト|防彈背心|防弹衣|防彈衣|방탄조끼|ヘルメット|鉄帽|头盔|頭盔|헬멧"
     r"|防寒服|天幕|テント|帐篷|帳篷|텐트|発電機|发电机|發電機|발전기|防護マスク|防護衣|防护服"
     r"|通信機器|通信设备|通信設備|통신장비|非常用糧食|糧食|口粮|전투식량|暗視装置|夜视仪|야간투시경"
     r"|燃料|燃油|연료|部品|零部件|부품|訓練|训练|훈련", "other-military"),
    (r"地雷探知機|地雷除去|地雷処理|探雷|扫雷|掃雷|排雷|지뢰\s?탐지기|지뢰\s?제거", "demining"),
    (r"医療|医疗|醫療|의료|衛生資材|医薬品|药品|藥品|의약품|野戦病院|野战医院|野戰醫院|야전병원",
     "medical"),
    (r"主力戦車|戦車|坦克|전차|탱크|エイブラムス|エイブラムズ|レオパルト|艾布拉姆斯|豹式|豹2"
     r"|에이브럼스|레오파드", "main-battle-tank"),
    (r"装甲車|装甲车|裝甲車|歩兵戦闘車|步兵战车|步兵戰車|장갑차|보병전투차|ブラッドレー|布雷德利"
     r"|브래들리|ストライカー|斯特赖克|스트라이커|装甲兵員輸送車|装甲运兵车|裝甲運兵車",
     "armoured-vehicle"),
    (r"榴弾砲|榴弹炮|榴彈砲|곡사포|迫撃砲|迫击炮|迫擊砲|迫擊炮|박격포|自走砲|自行火炮|자주포|火砲"
     r"|大砲|火炮|야포|榴弾\(りゅうだん\)砲", "artillery-system"),
    (r"砲弾|炮弹|炮彈|포탄|砲彈", "artillery-ammunition"),
    (r"ハイマース|海马斯|海馬斯|하이마스|多連装ロケット|多管火箭炮|多管火箭|火箭炮|다연장\s?로켓",
     "rocket-artillery-system"),
    (r"防空ミサイル|防空导弹|防空導彈|방공\s?미사일|迎撃ミサイル|拦截导弹|攔截導彈|요격\s?미사일"
     r"|地対空ミサイル|地对空导弹|地對空導彈|지대공\s?미사일", "air-defence-missile"),
    (r"防空システム|防空系统|防空系統|방공\s?시스템|防空体系|防空設備|パトリオット|爱国者|愛國者"
     r"|패트리엇|패트리어트|防空", "air-defence-system"),
    (r"対戦車|反坦克|反戰車|反装甲|反裝甲|대전차|ジャベリン|标枪|標槍|재블린", "anti-tank-weapon"),
    (r"無人航空機|無人機|无人机|ドローン|드론|무인기|无人驾驶|スイッチブレード|弹簧刀", "drone"),
    (r"戦闘機|战斗机|戰鬥機|전투기|战机|戰機", "aircraft"),
    (r"ヘリコプター|ヘリ|直升机|直升機|헬기|헬리콥터", "helicopter"),
    (r"艦艇|舰艇|巡視船|巡逻艇|巡邏艇|경비정|掃海艇|扫雷舰|ボート|船艇|小艇", "naval"),
    (r"小銃弾|子弹|子彈|총탄|실탄|小火器弾薬|轻武器弹药", "small-arms-ammunition"),
    (r"小銃|步枪|步槍|소총|機関銃|机枪|機槍|기관총|自動小銃|小火器|轻武器|輕武器", "small-arms"),
    (r"軍用車両|军用车辆|軍用車輛|군용\s?차량|車両|车辆|車輛|차량|トラック|卡车|卡車|트럭|パジェロ"
     r"|高機動車", "vehicle"),
]  # fmt: skip
#: generic ammunition, resolved by what it is for or by its calibre
_AMMO = re.compile(r"弾薬|弹药|彈藥|탄약|弾|ミサイル|导弹|導彈|미사일")
#: what joins a system to its ammunition: nothing, a quote, "for", "of" ("適配的", "用の", "용")
_OF = re.compile(
    r"[\s”」』\"）)]*(?:(?:系[统統])?(?:適配|适配|用|の|的|용|의|追加|추가|配套|新た|新)\s?){0,4}"
)
_MISSILE = re.compile(r"ミサイル|导弹|導彈|미사일")
_LARGE_CALIBRE = re.compile(r"1[0-5]\d\s?(?:mm|ミリ|毫米|㎜|밀리)")
#: a system's ammunition, for the systems whose ammunition these languages name after them
#: (the keyword table's :data:`.items.AMMO_OF`)
_AMMO_OF = {
    k: AMMO_OF[k] for k in ("rocket-artillery-system", "air-defence-system", "artillery-system")
}
_LATIN_ITEMS: list[tuple[str, str]] = [
    (r"HIMARS|M142", "rocket-artillery-system"),
    (r"GMLRS|ATACMS", "rocket-artillery-ammunition"),
    (r"NASAMS|IRIS-T|Patriot|PATRIOT|SAMP/T|Stinger", "air-defence-system"),
    (r"F-16|F16|MiG-29|Gripen", "aircraft"),
    (r"Leopard|Abrams|Challenger", "main-battle-tank"),
    (r"Bradley|Stryker|M113|CV90|Marder", "armoured-vehicle"),
    (r"M777|M109|PzH\s?2000|CAESAR|Caesar|AS90", "artillery-system"),
    (r"Javelin|NLAW|AT4", "anti-tank-weapon"),
    (r"Switchblade|Phoenix\s+Ghost", "drone"),
]


@lru_cache(maxsize=1)
def _item_pattern() -> tuple[re.Pattern[str], list[str]]:
    rows = _ITEMS + _LATIN_ITEMS
    return re.compile("|".join(f"({r})" for r, _ in rows)), [c for _, c in rows]


def items(text: str, a: int, b: int) -> list[Mention]:
    pattern, cats = _item_pattern()
    out = []
    for m in pattern.finditer(text, a, b):
        cat = cats[m.lastindex - 1] if m.lastindex else "other-military"
        out.append(Mention(m.start(), m.end(), cat))
    # ammunition for a system just named ("海馬斯...適配的彈藥", "HIMARS 탄약"): the system's
    # ammunition; a missile beside an air-defence system ("パトリオット1基とミサイル") is its own
    for am in _AMMO.finditer(text, a, b):
        if any(x.start <= am.start() < x.end for x in out):
            continue
        before = [x for x in out if x.end <= am.start() and am.start() - x.end <= 24]
        gap = text[before[-1].end : am.start()] if before else ""
        if before and before[-1].value in _AMMO_OF and _OF.fullmatch(gap):
            for x in [x for x in before if x.value == before[-1].value]:
                out.remove(x)
            first = min(x.start for x in before if x.value == before[-1].value)
            out.append(Mention(first, am.end(), _AMMO_OF[before[-1].value]))
        elif (
            before and before[-1].value == "air-defence-system" and _MISSILE.fullmatch(am.group(0))
        ):
            out.append(Mention(am.start(), am.end(), "air-defence-missile"))
        elif _LARGE_CALIBRE.search(text, max(a, am.start() - 12), am.end()):
            out.append(Mention(am.start(), am.end(), "artillery-ammunition"))
    return sorted(out, key=lambda x: x.start)


# -- numbers, sums, counts -------------------------------------------------------------------

_UNITS = {"兆": 1e12, "億": 1e8, "亿": 1e8, "억": 1e8, "万": 1e4, "萬": 1e4, "만": 1e4,
          "千": 1e3, "천": 1e3}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:\s?[兆億亿억万萬만千천](?:\s?\d[\d,]*(?:\.\d+)?\s?[万萬만千천]?)*)?"
)
_CURRENCY = [
    (re.compile(r"\s?(?:米ドル|美元|美金|달러|ドル)"), "USD"),
    (re.compile(r"\s?(?:ユーロ|欧元|歐元|유로)"), "EUR"),
    (re.compile(r"\s?(?:英ポンド|ポンド|英镑|英鎊|파운드)"), "GBP"),
    (re.compile(r"\s?(?:日元|日圓|円|엔)"), "JPY"),
    (re.compile(r"\s?(?:韓国ウォン|韩元|원)"), "KRW"),
    (re.compile(r"\s?(?:カナダドル|加元|캐나다\s?달러)"), "CAD"),
    (re.compile(r"\s?(?:豪ドル|澳元|호주\s?달러)"), "AUD"),
]
_COUNTER = re.compile(
    r"\s?(?:台|両|輛|辆|基|門|门|発|发|發|枚|着|個|个|套|架|機|機体|隻|艘|丁|セット|대|발|기|문|정|개|벌|척|세트)"
)


def to_number(s: str) -> float | None:
    """ "1.25亿" -> 125000000, "14万4000" -> 144000, "32億4千万" -> 3240000000: a section
    (with its thousands) is multiplied by the large unit after it."""
    total = 0.0
    section = 0.0
    for num, unit in re.findall(r"(\d+(?:\.\d+)?)?([兆億亿억万萬만千천]?)", s.replace(",", "")):
        if not num and not unit:
            continue
        value = float(num) if num else (0.0 if section else 1.0)
        if unit in ("千", "천"):
            section += value * 1e3
        elif unit:
            total += (section + value) * _UNITS[unit]
            section = 0.0
        else:
            section += value
    return (total + section) or None


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: float
    currency: str | None  # a sum when set, else a count (None when neither)
    counted: bool
    approx: bool = False  # "約1000億円", "1000億円規模": a rounded conversion or a scale


_ABOUT = re.compile(r"(?:約|约|약|大约|大約)\s?$")
_SCALE = re.compile(r"\s?(?:規模|规模|규모|相当|상당)")


def figures(text: str, a: int, b: int) -> list[Figure]:
    out = []
    for m in _NUMBER.finditer(text, a, b):
        value = to_number(m.group(0))
        if value is None:
            continue
        end = m.end()
        dollar = text[max(a, m.start() - 2) : m.start()].rstrip().endswith("$")
        currency = "USD" if dollar else None
        for pat, code in _CURRENCY:
            cm = pat.match(text, end)
            if cm:
                currency, end = code, cm.end()
                break
        counted = False
        if currency is None:
            cm = _COUNTER.match(text, end)
            if cm:
                counted, end = True, cm.end()
        approx = currency is not None and (
            _ABOUT.search(text, max(a, m.start() - 2), m.start()) is not None
            or _SCALE.match(text, end) is not None
        )
        out.append(Figure(m.start(), end, value, currency, counted, approx))
    return out


# -- cues ------------------------------------------------------------------------------------

#: giving, delivering, approving, a package's contents
_GIVE = re.compile(
    r"提供|供与|供給|譲与|寄贈|贈与|引き渡|引渡|送る|送った|送り|送付|輸送|到着|届け|支援する|援助する"
    r"|交付|移交|捐赠|捐贈|运抵|運抵|送达|送達|援助|军援|軍援|支援|给予|給予|拨付|撥付"
    r"|제공|지원|전달|보내|보냈|공여|기증|인도|공급"
    r"|含まれ|含む|内訳|包括|包含|포함|一揽子|一攬子|パッケージ|패키지|追加"
    # the recipient received ("ポーランドから戦車を受け取った", "폴란드로부터 받았다", "从波兰获得")
    r"|受け取|受領|받았|받는|수령|获得|獲得|收到|接收"
)
_ANNOUNCE = re.compile(
    r"発表|表明|決定|決め|承認|宣布|宣佈|宣告|批准|决定|發佈|发布|발표|결정|승인|밝혔"
)
#: refused, denied, weighed, asked, doubted, negated
_NOT_GIVEN = re.compile(
    r"しない|しません|せず|できない|ない方針|否定|拒否|拒絶|見送|検討|慎重|可能性|かどうか"
    r"|不会|不會|不提供|拒绝|拒絕|否认|否認|考虑|考慮|研究|是否|可能|未|没有|沒有"
    r"|않|안\s?한|안\s?해|못|없|거절|거부|부인|검토|고려|불가|아니|할까|여부|가능성|논의"
    # if, expected, prohibited, sold ("지원한다면", "見られる", "禁止", "수출")
    r"|다면|라면|なら|れば|如果|假如|보인다|전망|예상|見られ|見通し|预计|預計|禁止|금지"
    r"|수출|輸出|出口|판매|販売|売却|出售"
    # proposed ("提案した", "제안했다", "提议")
    r"|提案|提议|提議|제안"
    # talks about it ("協議している", "협상 중", "正在谈判")
    r"|協議|交渉|협의|협상|谈判|談判|磋商"
)
#: so far, in all, since, before
_CUMULATIVE = re.compile(
    r"これまで|累計|累积|合計|以降|以来|迄今|至今|截至|总计|總計|此前|先前|已经|已經"
    r"|지금까지|그동안|누적|이래|이미|以前|前に|여러\s?차례|수차례|何度も|多次|屡次|屢次"
)
_NEED = re.compile(
    r"要請|求め|求める|要求|必要|欲しい|需要|请求|請求|呼吁|呼籲|急需|요청|요구|필요|희망|촉구|바란다"
    r"|해야|달라|べき|てほしい|期待|기대|应该|應該|应当|希望|期望"
)

#: the giver whose money is a pool's: the European Union
POOL_GIVER = "EUU"

#: a request denied or never made ("요청을 한 적이 없다", "要請していない", "没有请求")
_NEED_DENIED = re.compile(
    r"(?:요청|요구|要請|要求|请求|請求)[^。.!?]{0,10}(?:없|않|아니|ない|なかった|没有|沒有)"
)
#: what follows a sentence's subject in Korean and Japanese ("미국이", "캐나다는", "米国は")
_SUBJECT = re.compile(r"\s?(?:이|가|은|는|도|が|は|も)(?![가-힣])")

#: a request that is answered ("要請を踏まえ", "요청에 따라", "应乌方请求"): the items are given
_REQUEST_MET = re.compile(
    r"要請を踏まえ|要請に応え|要請に基づ|要望を踏まえ|요청에\s?따라|요청에\s?응해|应[^。]{0,8}请求|應[^。]{0,8}請求"
)
#: a government or ministry, standing for the text's own state ("防衛省は", "국방부는")
_OFFICE = re.compile(
    r"防衛省|防衛相|防衛大臣|政府|外務省|首相|国防部|國防部|外交部|국방부|정부|외교부|대통령"
)
#: what lists a package's contents, going on with the donors told before
_CONTENTS = re.compile(
    r"含まれ|含む|内訳|包括|包含|포함|内容|내역|このほか|その他|此外|另外|이\s?밖에|그\s?외|또한"
)

_SENT = re.compile(r"[。！？!?]|(?<=[다요])\.(?=\s|$)|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in _SENT.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        seg = text[start:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((start + lead, start + len(seg.rstrip())))
        start = m.end()
    if text[start:].strip():
        seg = text[start:]
        lead = len(seg) - len(seg.lstrip())
        out.append((start + lead, start + len(seg.rstrip())))
    return out


#: what ends a full sentence (a title line has none)
_FULL_STOP = frozenset("。．！？.!?")


def title_lines(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """The indices of the title lines among a text's :func:`sentences`: those before the first
    that ends with a full stop, and none of them ending with one (a headline and its deck)."""
    out: set[int] = set()
    for i, (a, b) in enumerate(spans):
        if b > a and text[b - 1] in _FULL_STOP:
            break
        out.add(i)
    return out


# -- reading ---------------------------------------------------------------------------------


@dataclass
class Row:
    """A draft's fields before :mod:`.extract` makes it a draft."""

    kind: str  # pledge | need | fund
    donor: str | None
    category: str
    quantity: int | None
    amount: float | None
    currency: str | None
    start: int
    end: int
    sentence: int
    approx: bool = False


#: a model's name in quotes between an item and its count ("無人航空機「スキャンイーグル」15機")
_QUOTED_NAME = re.compile(r"\s?[「『“\"][^」』”\"]{1,20}[」』”\"]\s?")
#: a list's joints between a count and a later item: the count is another item's
_LIST_JOIN = re.compile(r"[、,，와과및]")


def _quantity(figs: list[Figure], item: Mention, text: str) -> Figure | None:
    """The count of an item: a counted number right after it ("곡사포 72대", "14万4000発") or
    right before it ("100台の軍用車両")."""
    for f in figs:
        if not f.counted or f.currency is not None:
            continue
        if 0 <= f.start - item.end <= 3 or _QUOTED_NAME.fullmatch(text, item.end, f.start):
            return f
        if 0 <= item.start - f.end <= 6 and not _LIST_JOIN.search(text, f.end, item.start):
            return f
    return None


def _main_donor(states: list[Mention]) -> str | None:
    """The state the text names most often (not the recipient nor an aggressor)."""
    counts = Counter(n.value for n in states if n.value not in NOT_DONORS)
    return counts.most_common(1)[0][0] if counts else None


def _asker(text: str, a: int, cue: int, states: list[Mention]) -> str:
    """Who asks in the sentence at ``a`` whose first asking word is at ``cue``: the last state
    before it that is a subject ("캐나다는 ... 요청해온"), else the recipient."""
    end = a + cue
    named = [(n.start, n.end, n.value) for n in states if a <= n.start < end]
    named += [(m.start(), m.end(), "UKR") for m in _RECIPIENT.finditer(text, a, end)]
    subjects = [x for x in named if _SUBJECT.match(text, x[1])]
    return max(subjects)[2] if subjects else "UKR"


def read(text: str, spans: list[tuple[int, int]] | None = None) -> list[Row]:
    """The pledges, funds and needs of a text in Chinese, Japanese or Korean (``spans``: its
    :func:`sentences`, when the caller has them); a rounded or scaled sum ("約1000億円",
    "1000億円規模") gives way to an exact one of the same donor."""
    rows = list(_read(text, sentences(text) if spans is None else spans))
    exact = {r.donor for r in rows if r.amount is not None and not r.approx}
    return [r for r in rows if not (r.approx and r.donor in exact)]


def _read(text: str, spans: list[tuple[int, int]]) -> Iterator[Row]:
    last_donors: list[str] = []
    everywhere = nations(text, 0, len(text))  # found once, handed to their sentences
    main = _main_donor(everywhere)
    for index, (a, b) in enumerate(spans):
        states = [n for n in everywhere if a <= n.start < b]
        donors = giving_states(text, states)
        things = items(text, a, b)
        figs = figures(text, a, b)
        sums = [f for f in figs if f.currency]
        # a name is no cue word
        clause = blank(text[a:b], [(n.start - a, n.end - a) for n in states])
        met = _REQUEST_MET.search(clause) is not None
        clause = _REQUEST_MET.sub(" ", clause)
        refused = _NOT_GIVEN.search(clause) is not None
        total = _CUMULATIVE.search(clause) is not None
        gives = met or _GIVE.search(clause) is not None or _ANNOUNCE.search(clause) is not None
        need = _NEED.search(clause)
        asks = need is not None
        recipient = _RECIPIENT.search(text, a, b) is not None
        contents = _CONTENTS.search(clause) is not None
        if need and (_NEED_DENIED.search(clause) or _asker(text, a, need.start(), states) != "UKR"):
            continue  # a request denied, or another state's ("미국이 한국에 ... 요청")
        if asks and things and not met:
            seen: set[str] = set()
            for it in things:
                if it.value not in seen:
                    seen.add(it.value)
                    yield Row("need", None, it.value, None, None, None, it.start, it.end, index)
            continue
        givers = donors
        if not givers and (things or sums) and gives:
            if last_donors and (contents or recipient):
                givers = last_donors
            elif main and recipient and _OFFICE.search(text, a, b):
                givers = [main]
        if (
            not givers
            or not gives
            or refused
            or total
            or asks
            or not (things or sums)
            or not (recipient or contents or (givers == last_donors and bool(last_donors)))
        ):
            if donors and gives and not refused and recipient:
                last_donors = donors
            continue
        last_donors = givers
        if POOL_GIVER in givers:
            # the Union's money is a pool's (its peace facility, a fund), not one state's
            # pledge, and the items it buys are the members' (the conventions' pool rule)
            for s in sums[:1]:
                yield Row(
                    "fund", None, "unspecified", None, s.value, s.currency, s.start, s.end, index
                )
            givers = [g for g in givers if g != POOL_GIVER]
        for donor in givers:
            by_cat: dict[str, Row] = {}
            used: set[int] = set()  # a count counts one item
            for it in things:
                q = _quantity([f for f in figs if f.start not in used], it, text)
                if q is not None:
                    used.add(q.start)
                start, end = (
                    (min(it.start, q.start), max(it.end, q.end)) if q else (it.start, it.end)
                )
                row = by_cat.get(it.value)
                if row is None:
                    by_cat[it.value] = Row(
                        "pledge", donor, it.value, int(q.value) if q else None, None, None,
                        start, end, index,
                    )  # fmt: skip
                elif q is not None:
                    # two items of one category in one sentence: their counts add up, and the
                    # evidence spans both
                    row.quantity = (row.quantity or 0) + int(q.value)
                    row.start, row.end = min(row.start, start), max(row.end, end)
            yield from by_cat.values()
            for s in sums[:1]:
                yield Row(
                    "pledge", donor, "unspecified", None, s.value, s.currency, s.start, s.end,
                    index, s.approx,
                )  # fmt: skip
