"""Rule-based reading of announcements into draft pledges, funds and needs.

The rules, in the order they run (each can be checked by hand on a sentence):

1. **Sentences**: split after ``.``, ``!`` or ``?`` followed by space (not after abbreviations
   such as "U.S." or "Mr."), and at line breaks.
2. **Mentions** in each sentence: money (:mod:`.numbers`), nations (:mod:`.nations`), items
   (:mod:`.items`), dates.
3. **Kind** of the sentence: a *need* when a need word ("needs", "asked for", "requested",
   "shortage") appears and the recipient is named before any donor; a *fund* amount when a
   fund word ("earmarked", "fund", "European Peace Facility", "ASAP", "joint procurement")
   appears and no national donor is named; otherwise a *pledge* sentence when a pledge word
   ("pledged", "will send", "package", "delivered", "supply", "notifications") appears.
4. **Chunks**: the sentence is cut at commas, semicolons, "and", "including", "as well as";
   every chunk with an item mention is one item: its category comes from the highest-ranked
   mention (an ammunition head next to a system gives that system's ammunition), its calibre
   from "155mm"/"155 mm", its quantity from the closest number before the item within a
   few modifier words ("18 155mm howitzers", "an additional Patriot battery"); vague amounts
   ("tens of thousands of rounds") leave the quantity empty.
5. **Money** in a chunk goes to the chunk's item when joined by "for"/"of"/"worth" and the
   item has no quantity; otherwise it is the package's value (category ``unspecified``).
6. **Donors**: every pledge element goes to the nearest list of donors before it in the
   sentence (or after it, when none is before); a list ("the USA, Denmark, the Netherlands
   and Germany") gives the element to each of its nations. A sentence without a donor
   inherits the last donor named in an earlier sentence ("The package includes ...").
7. **Past totals**: an element in a clause with "since the start of the war", "in total",
   "so far", "to date", "brings the total", "has provided more than", ... is a cumulative
   figure, never a pledge.
8. One draft per (kind, donor, category, calibre) in a text; a donor named in a pledge
   sentence with nothing specific gets one ``unspecified`` pledge only if it has no other.
9. Hints for review: a pledge's channel (``stock`` for "drawdown", "from its stocks";
   ``procurement`` for "USAI", "contracts", "buy"; ``fund`` for "through the ... fund"),
   a need's priority (``critical`` when "urgent", "critical", "immediately" is said).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from materiel.ingest import nations as nat
from materiel.ingest.items import ItemMention, ItemTable, resolve_phrase
from materiel.ingest.numbers import VAGUE, Money, find_money, find_quantities

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "sgt",
    "st",
    "no",
    "nos",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "approx",
    "inc",
    "ltd",
    "co",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "fig",
}
_SENT_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)|\n+")

NEED_CUE = re.compile(
    r"\b(?:needs?|needed|asked\s+(?:for|allies|partners)|asks\s+for|ask\s+for|request(?:s|ed)?"
    r"|call(?:ed|s)?\s+for|appeal(?:ed|s)?\s+for|urg(?:ed|es)\s+(?:allies|partners|the\s+West)"
    r"|requires?|shortages?|running\s+(?:short|low)|wish\s?list|priority\s+list|short\s+of"
    r"|lacks?|lacking|plead(?:ed|s)?\s+for)\b",
    re.IGNORECASE,
)
RECIPIENT_WORDS = re.compile(
    r"\b(?:Reznikov|Umerov|Kuleba|Sybiha|Syrskyi|Zaluzhnyi|Shmyhal|Zelensk[yi]+|Kyiv|Kiev)\b"
)
FUND_CUE = re.compile(
    r"\b(?:earmark(?:ed|s)?|European\s+Peace\s+Facility|EPF|ASAP|Act\s+in\s+Support\s+of\s+"
    r"Ammunition\s+Production|fund|funds|funding|facility|pooled|pool|joint\s+procurement|set\s+aside"
    r"|NSPA|framework\s+contracts?|windfall|immobili[sz]ed\s+assets|procurement\s+initiative)\b",
    re.IGNORECASE,
)
PLEDGE_CUE = re.compile(
    r"\b(?:pledg\w*|announc\w*|provid\w*|send\w*|sent|deliver\w*|donat\w*|suppl\w*|transfer\w*"
    r"|commit\w*|give[sn]?|gave|giving|packages?|contribut\w*|offer\w*|allocat\w*|approv\w*"
    r"|contracts?|order\w*|purchas\w*|buy\w*|bought|financ\w*|tranches?|aid|assistance"
    r"|notifications?|includ\w*|contain\w*|hand(?:ed|ing)?\s+over|ship\w*|earmark\w*|dispatch\w*"
    r"|add(?:s|ed)?|available|buy(?:s|ing)?)\b",
    re.IGNORECASE,
)
CUMULATIVE = re.compile(
    r"\bsince\s+the\s+(?:start|beginning|outbreak|full[-\s]scale|invasion|war)|\bsince\s+"
    r"(?:February|Feb\.?)\s+(?:24,?\s+)?2022|\bsince\s+2022|\bsince\s+Russia"
    r"|\bso\s+far\b|\bto\s+date\b|\bthus\s+far\b"
    r"|\bcumulative(?:ly)?\b|\bbring(?:s|ing)\s+(?:the|its|their|our|his|her)?\s*(?:\w+\s+){0,3}"
    r"total\b|\bbring(?:s|ing)\s+(?:[\w.'’]+\s+){1,5}to\s+(?:more\s+than\s+|over\s+)?[$€£\d]|\btotal\s+(?:[\w.]+\s+){0,3}(?:aid|assistance|support|commitments?)\s+(?:to|of|at|since"
    r"|now)\b|\bha(?:s|ve)\s+(?:now\s+|already\s+)?(?:provided|given|delivered|supplied|sent"
    r"|committed|donated|pledged|spent)\s+(?:\w+\s+){0,4}?(?:more\s+than|over|some|about|almost"
    r"|nearly|around|a\s+total\s+of|in\s+excess\s+of)\b|\bup\s+to\s+now\b|\buntil\s+now\b"
    r"|\bto\s+a\s+total\s+of\b|\btotal(?:l?ing)?\s+(?:of\s+)?(?:more\s+than|over)\b",
    re.IGNORECASE,
)
#: weak markers: "in total" is a package's value ("worth €15 million in total") unless the
#: clause is in the perfect tense ("has given £7 billion in total") or says "since"
WEAK_CUMULATIVE = re.compile(r"\bin\s+(?:total|all)\b|\baltogether\b|\boverall\b", re.I)
PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?(?:\w+ed|given|sent|spent|made|done|been)\b"
    r"|\bsince\b",
    re.IGNORECASE,
)
URGENT = re.compile(
    r"\b(?:urgent(?:ly)?|critical(?:ly)?|desperate(?:ly)?|immediate(?:ly)?)\b", re.I
)
#: how a pledge is sourced, from words of its sentence (rule 9): stock, procurement, fund
CHANNEL_CUES = (
    (
        "stock",
        re.compile(
            r"\b(?:drawdown|from\s+(?:its\s+|their\s+|our\s+)?(?:own\s+)?"
            r"(?:stocks?|inventor(?:y|ies))|stockpiles?)\b",
            re.I,
        ),
    ),
    (
        "procurement",
        re.compile(
            r"\b(?:USAI|Security\s+Assistance\s+Initiative|procure\w*"
            r"|contracts?|buy\w*|purchas\w*|order\w*|from\s+industry)\b",
            re.I,
        ),
    ),
    (
        "fund",
        re.compile(
            r"\b(?:through|via|from)\s+the\s+[\w\s]{0,40}?(?:fund|facility|initiative)\b", re.I
        ),
    ),
)
NOT_CUMULATIVE = re.compile(
    r"\b(?:largest|biggest|most|first|single)\b[^.;]{0,60}\b(?:so\s+far|to\s+date|yet)\b",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(
    r";|\(|\)|\s[—–-]\s|,\s*(?=(?:which|bringing|taking|raising|making|while|whereas|but|although"
    r"|and\s+ha(?:s|ve)|having|after)\b)|\s(?=(?:bringing|taking|raising)\s)",
    re.IGNORECASE,
)
_CHUNK_SPLIT = re.compile(
    r",\s|;|:\s|\(|\)|\s(?:and|as\s+well\s+as|plus|along\s+with|together\s+with|including"
    r"|includes|include|such\s+as|which\s+includes?|alongside|while)\s|\s[—–]\s|\s-\s",
    re.IGNORECASE,
)
_GAP_STOP = {
    "of",
    "to",
    "for",
    "from",
    "by",
    "with",
    "worth",
    "package",
    "packages",
    "or",
    "in",
    "on",
    "at",
    "the",
    "is",
    "are",
    "was",
    "were",
    "will",
    "has",
    "have",
    "its",
    "their",
    "which",
    "that",
    "per",
    "each",
    "aid",
    "assistance",
    "support",
    "a",
    "an",
}
_MONEY_LINK = re.compile(
    r"\b(?:for|of|in|to\s+(?:buy|purchase|procure|finance|fund))\b", re.IGNORECASE
)
_MONEY_LINK_BEFORE = re.compile(
    r"\b(?:worth|valued\s+at|at\s+a\s+cost\s+of|costing|for)\s*$", re.IGNORECASE
)
_LINK_BREAK = re.compile(r"\b(?:package|including|includes|and|while|with)\b|[,;]", re.IGNORECASE)


def _link(gap: str, pattern: re.Pattern[str]) -> bool:
    """Money and an item are one phrase when a short gap joins them ("€200 million for
    air defence missiles", "a NASAMS system ... at a cost of C$406 million")."""
    return len(gap) <= 60 and bool(pattern.search(gap)) and not _LINK_BREAK.search(gap)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(
    rf"\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b|\b(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\s+(?P<y2>\d{{4}})"
)


@dataclass
class Draft:
    """One draft record: ``fields`` in the label format, ``start``/``end`` into the text."""

    kind: str  # pledge | fund | need
    fields: dict[str, Any]
    start: int
    end: int
    anchor: int = -1  # where the item or amount itself starts (the span may include the donor)

    def key(self) -> tuple[Any, ...]:
        f = self.fields
        if self.kind == "pledge":
            return ("pledge", f.get("donor"), f.get("category"), f.get("caliber"))
        if self.kind == "fund":
            return ("fund", self.start, self.end)
        return ("need", f.get("recipient"), f.get("category"), f.get("caliber"))


@dataclass
class Reading:
    text: str
    drafts: list[Draft] = field(default_factory=list)

    def evidence(self, d: Draft) -> str:
        return self.text[d.start : d.end]

    def by_kind(self, kind: str) -> list[Draft]:
        return [d for d in self.drafts if d.kind == kind]

    def as_label(self) -> dict[str, list[dict[str, Any]]]:
        """The drafts in the format of the labelled files (for evaluation and JSON output)."""
        out: dict[str, list[dict[str, Any]]] = {"pledges": [], "funds": [], "needs": []}
        for d in self.drafts:
            row = dict(d.fields)
            row["evidence"] = self.evidence(d)
            row["span"] = [d.start, d.end]
            out[d.kind + "s"].append(row)
        return out


@dataclass
class _Element:
    """An item or an amount found in a sentence, before donors are attached."""

    start: int
    end: int
    category: str
    calibre: str | None = None
    quantity: int | None = None
    money: Money | None = None
    item_code: str | None = None
    cumulative: bool = False


def _cumulative(text: str, a: int, b: int) -> bool:
    """Does text[a:b] state a past total (rule 7)?"""
    if NOT_CUMULATIVE.search(text, a, b) is not None:
        return False
    if CUMULATIVE.search(text, a, b) is not None:
        return True
    return WEAK_CUMULATIVE.search(text, a, b) is not None and PERFECT.search(text, a, b) is not None


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group(0)[0] == ".":
            before = re.search(r"(\S+)$", text[start : m.start()])
            word = before.group(1).lower() if before else ""
            if word.rstrip(".") in _ABBREV or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _segments(text: str, start: int, end: int, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in splitter.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def find_date(text: str) -> dt.date | None:
    m = DATE.search(text)
    if m is None:
        return None
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2")
        return dt.datetime.strptime(f"{year} {month} {day}", "%Y %B %d").date()
    except ValueError:
        return None


_TRADE = re.compile(
    r"\b(?:buy\w*|bought|purchas\w*|procur\w*|export\w*|import\w*|order\w*)\b", re.I
)


def _donor_groups(
    mentions: list[nat.NationMention], text: str, sentence_start: int = 0
) -> list[list[nat.NationMention]]:
    """Donor mentions grouped into lists ("the USA, Denmark, the Netherlands and Germany").

    In a sentence about buying or exporting, a nation after "from"/"to" is the seller or the
    destination, not a donor."""
    donors = [m for m in mentions if not set(m.codes) & nat.NOT_DONORS]
    if _TRADE.search(text, sentence_start, donors[-1].end if donors else sentence_start):
        donors = [
            m
            for m in donors
            if not nat.SELLER_BEFORE.search(text, max(sentence_start, m.start - 10), m.start)
        ]
    groups: list[list[nat.NationMention]] = []
    for m in donors:
        if groups:
            gap = text[groups[-1][-1].end : m.start]
            if re.fullmatch(r"(?:\s|,|&|\band\b|\bthe\b|\bas\s+well\s+as\b|\bor\b|/)*", gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _codes(group: list[nat.NationMention]) -> list[str]:
    out: list[str] = []
    for m in group:
        for c in m.codes:
            if c not in out:
                out.append(c)
    return out


class Extractor:
    """Reads texts; construct once (the item table compiles its patterns) and reuse."""

    def __init__(self, items: ItemTable | None = None, recipient: str = nat.RECIPIENT_DEFAULT):
        self.items = items or ItemTable()
        self.recipient = recipient
        self._channel: str | None = None

    # -- per chunk -------------------------------------------------------------------
    def _elements(
        self, text: str, s: int, e: int, money: list[Money], masks: list[tuple[int, int]]
    ) -> list[_Element]:
        out: list[_Element] = []
        for cs, ce in _segments(text, s, e, _CHUNK_SPLIT):
            chunk = text[cs:ce]
            mentions = [
                ItemMention(
                    m.category, m.rank, m.start + cs, m.end + cs, m.surface, m.item_code, m.calibre
                )
                for m in self.items.find(chunk)
            ]
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in masks)]
            chunk_money = [m for m in money if cs <= m.start < ce]
            category, calibre, code = (
                resolve_phrase(mentions, chunk) if mentions else ("", None, None)
            )
            if not category:
                out.extend(_Element(m.start, m.end, "unspecified", money=m) for m in chunk_money)
                continue
            first = mentions[0]
            qty, qstart = self._quantity(text, cs, first.start, masks)
            el = _Element(
                min(qstart if qstart is not None else first.start, first.start),
                mentions[-1].end,
                category,
                calibre,
                qty,
                item_code=code,
            )
            for m in chunk_money:
                gap = text[m.end : first.start] if m.end <= first.start else text[el.end : m.start]
                linked_after = m.end <= first.start and _link(gap, _MONEY_LINK)
                linked_before = m.start >= el.end and _link(gap, _MONEY_LINK_BEFORE)
                packaged = "package" in text[min(m.end, first.start) : max(m.start, el.end)].lower()
                if el.money is None and not packaged and (linked_after or linked_before):
                    el.money = m
                    el.start, el.end = min(el.start, m.start), max(el.end, m.end)
                else:
                    out.append(_Element(m.start, m.end, "unspecified", money=m))
            out.append(el)
        return out

    @staticmethod
    def _quantity(
        text: str, chunk_start: int, item_start: int, masks: list[tuple[int, int]]
    ) -> tuple[int | None, int | None]:
        before = text[chunk_start:item_start]
        vague = list(VAGUE.finditer(before))
        best: tuple[int | None, int | None] = (None, None)
        for q in find_quantities(before):
            qs, qe = q.start + chunk_start, q.end + chunk_start
            if any(a <= qs < b for a, b in masks):
                continue
            gap = re.sub(r"^\s+of\s+(?:its|their|his|her|our)\b", "", text[qe:item_start])
            words = re.findall(r"[\w.'-]+", gap)
            if len(words) > 4 or any(w.lower() in _GAP_STOP for w in words):
                continue
            if re.search(r"[,;:()]", gap):
                continue
            # a capitalised model word right before the number ("Leopard 2 tanks")
            prev = re.search(r"([A-Za-z][\w-]*)\s*$", text[max(chunk_start - 1, 0) : qs])
            if prev and any(a < qs <= b + 1 for a, b in masks if b <= qs):
                prev = None
            if (
                prev
                and prev.group(1)[0].isupper()
                and prev.group(1).lower()
                not in (
                    "including",
                    "with",
                    "and",
                )
            ) and not any(prev.group(1) == n for n in ("A", "An", "One", "Some")):
                continue
            best = (q.value, qs)
        if best[0] is not None and any(
            v.end() + chunk_start > (best[1] or 0) and v.group(0).lower().endswith("of")
            for v in vague
        ):
            return None, None
        if best[0] is None:
            return None, None
        return best

    # -- per text --------------------------------------------------------------------
    def read(self, text: str, *, date: dt.date | None = None) -> Reading:
        reading = Reading(text)
        when = date or find_date(text)
        context: list[str] = []
        context_channel: str | None = None
        drafts: list[Draft] = []
        named: dict[str, tuple[int, int]] = {}  # donors named in pledge sentences (no element)
        for s, e in split_sentences(text):
            sent = text[s:e]
            nations = [
                nat.NationMention(m.codes, m.start + s, m.end + s, m.surface)
                for m in nat.find_nations(sent)
            ]
            money = [Money(m.amount, m.currency, m.start + s, m.end + s) for m in find_money(sent)]
            masks = [(m.start, m.end) for m in money] + [(n.start, n.end) for n in nations]
            masks += [(d.start() + s, d.end() + s) for d in DATE.finditer(sent)]
            groups = _donor_groups(nations, text, s)
            recipient_at = [n.start for n in nations if self.recipient in n.codes]
            recipient_at += [m.start() + s for m in RECIPIENT_WORDS.finditer(sent)]
            donor_at = [g[0].start for g in groups]
            elements = self._elements(text, s, e, money, masks)
            clauses = _segments(text, s, e, _CLAUSE_SPLIT)
            for el in elements:
                el.cumulative = any(
                    a <= el.start < b and _cumulative(text, a, b) for a, b in clauses
                )
            # 1. needs
            if (
                NEED_CUE.search(sent)
                and recipient_at
                and (not donor_at or min(recipient_at) < min(donor_at))
            ):
                drafts.extend(self._needs(text, s, e, elements))
                continue
            national = [g for g in groups if nat.EU_CODE not in _codes(g)]
            # 2. funds: earmarked money with no national donor
            specific_fund = any(
                m.group(0).lower() not in ("fund", "funds") for m in FUND_CUE.finditer(sent)
            )
            if FUND_CUE.search(sent) and not national and (specific_fund or not context or groups):
                drafts.extend(self._funds(text, s, e, elements))
                if groups:
                    context = _codes(groups[-1])
                continue
            # 3. pledges
            if not PLEDGE_CUE.search(sent):
                if groups:
                    context = _codes(groups[-1])
                continue
            live = [el for el in elements if not el.cumulative]
            self._channel = next(
                (name for name, rx in CHANNEL_CUES if rx.search(sent)), context_channel
            )
            context_channel = self._channel
            for el in live:
                donors, dspan = self._donors_for(el, groups, context)
                if not donors:
                    continue
                for donor in donors:
                    drafts.append(self._pledge(text, el, donor, dspan, when))
            if not live and not _cumulative(text, s, e):
                for g in groups:
                    for code in _codes(g):
                        named.setdefault(code, (g[0].start, g[-1].end))
                        # evidence: from the list to the end of the clause
                        named[code] = self._clause_around(text, clauses, g)
            if groups:
                context = _codes(groups[-1])
        drafts.extend(self._unspecified(named, drafts, when))
        reading.drafts = _merge(drafts)
        return reading

    @staticmethod
    def _clause_around(
        text: str, clauses: list[tuple[int, int]], g: list[nat.NationMention]
    ) -> tuple[int, int]:
        start, end = g[0].start, g[-1].end
        for a, b in clauses:
            if a <= start < b:
                return _strip(text, a, max(b, end))
        return start, end

    def _donors_for(
        self, el: _Element, groups: list[list[nat.NationMention]], context: list[str]
    ) -> tuple[list[str], tuple[int, int] | None]:
        if not groups:
            return list(context), None
        before = [g for g in groups if g[-1].end <= el.start]
        chosen = before[-1] if before else min(groups, key=lambda g: g[0].start - el.end)
        return _codes(chosen), (chosen[0].start, chosen[-1].end)

    def _pledge(
        self,
        text: str,
        el: _Element,
        donor: str,
        dspan: tuple[int, int] | None,
        when: dt.date | None,
    ) -> Draft:
        amount = el.money.amount if el.money else None
        currency = el.money.currency if el.money else None
        kroner = el.money is not None and "kroner" in text[el.money.start : el.money.end].lower()
        if currency == "DKK" and donor == "NOR" and kroner:
            currency = "NOK"
        start, end = el.start, el.end
        if dspan is not None:
            start, end = min(start, dspan[0]), max(end, dspan[1])
        fields = {
            "donor": donor,
            "recipient": self.recipient,
            "category": el.category,
            "caliber": el.calibre,
            "quantity": el.quantity,
            "amount": amount,
            "currency": currency,
            "date": when.isoformat() if when else None,
            "item_code": el.item_code,
            "channel": self._channel,
        }
        return Draft("pledge", fields, start, end, el.start)

    def _funds(self, text: str, s: int, e: int, elements: list[_Element]) -> list[Draft]:
        items = [el for el in elements if el.money is None and el.category != "unspecified"]
        out: list[Draft] = []
        if not any(el.money is not None for el in elements):
            for el in items:
                if el.cumulative:
                    continue
                fields: dict[str, Any] = {
                    "amount": None,
                    "currency": None,
                    "category": el.category,
                    "caliber": el.calibre,
                    "item_code": el.item_code,
                }
                out.append(Draft("fund", fields, el.start, el.end))
            return out
        for el in elements:
            if el.money is None or el.cumulative:
                continue
            category, calibre, code, end = el.category, el.calibre, el.item_code, el.end
            if category == "unspecified" and items:
                nearest = min(items, key=lambda i: abs(i.start - el.end))
                category, calibre, code = nearest.category, nearest.calibre, nearest.item_code
                end = max(end, nearest.end)
            fields = {
                "amount": el.money.amount,
                "currency": el.money.currency,
                "category": category,
                "caliber": calibre,
                "item_code": code,
            }
            out.append(Draft("fund", fields, min(el.start, el.money.start), end))
        return out

    def _needs(self, text: str, s: int, e: int, elements: list[_Element]) -> list[Draft]:
        items = [el for el in elements if el.money is None]
        out: list[Draft] = []
        priority = "critical" if URGENT.search(text, s, e) else "high"
        for el in items:
            fields = {
                "recipient": self.recipient,
                "category": el.category,
                "caliber": el.calibre,
                "quantity": el.quantity,
                "item_code": el.item_code,
                "priority": priority,
            }
            out.append(Draft("need", fields, el.start, el.end))
        if not out:
            cue = NEED_CUE.search(text, s, e)
            assert cue is not None
            fields = {
                "recipient": self.recipient,
                "category": "unspecified",
                "caliber": None,
                "quantity": None,
                "item_code": None,
                "priority": priority,
            }
            a, b = _strip(text, max(s, cue.start() - 30), min(e, cue.end()))
            word = re.search(r"\s", text[a:b])
            a = a + word.end() if word and a > s else a
            out.append(Draft("need", fields, a, b))
        return out

    def _unspecified(
        self, named: dict[str, tuple[int, int]], drafts: list[Draft], when: dt.date | None
    ) -> list[Draft]:
        have = {d.fields["donor"] for d in drafts if d.kind == "pledge"}
        out: list[Draft] = []
        for code, (start, end) in named.items():
            if code in have:
                continue
            fields = {
                "donor": code,
                "recipient": self.recipient,
                "category": "unspecified",
                "caliber": None,
                "quantity": None,
                "amount": None,
                "currency": None,
                "date": when.isoformat() if when else None,
                "item_code": None,
            }
            out.append(Draft("pledge", fields, start, end))
        return out


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per key; later mentions fill fields the first left empty, and quantities of
    separate phrases of the same category add up."""
    merged: dict[tuple[Any, ...], Draft] = {}
    for d in drafts:
        k = d.key()
        if k not in merged:
            merged[k] = d
            continue
        first = merged[k]
        q1, q2 = first.fields.get("quantity"), d.fields.get("quantity")
        if q1 is not None and q2 is not None and 0 < d.anchor - first.anchor < 200:
            first.fields["quantity"] = (
                q1 + q2
            )  # two phrases of one category: "50 Bradleys, 100 M113s"
        for name, value in d.fields.items():
            if first.fields.get(name) is None and value is not None:
                first.fields[name] = value
    return list(merged.values())


_DEFAULT: Extractor | None = None


def read_text(text: str, *, date: dt.date | None = None, items: ItemTable | None = None) -> Reading:
    """Read one (already normalised) text with the keyword table or the given item table."""
    global _DEFAULT
    if items is not None:
        return Extractor(items).read(text, date=date)
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.read(text, date=date)
