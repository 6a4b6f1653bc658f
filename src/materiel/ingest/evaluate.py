"""Scoring the reader against labelled texts (format: ../shared/ingest-eval/README.md).

Matching rules of the README:

- a predicted pledge matches an expected one when donor and category agree, and the calibre
  too where the label gives one; quantity (exact) and amount (within 1 %) are then scored
  as fields over the matched pairs;
- donor-and-amount pairs and donor-category-quantity triples are scored as sets;
- funds match on amount (within 1 %) and currency, or on category when the label has no
  amount; needs match on recipient and category.

Precision = true positives / predicted, recall = true positives / expected (1.0 when there is
nothing to find, so empty texts do not count against the reader).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from materiel.ingest.extract import Extractor

Row = dict[str, Any]


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.expected += other.expected


@dataclass
class Evaluation:
    files: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def table(self) -> list[tuple[str, int, int, int, float, float]]:
        return [
            (k, s.expected, s.predicted, s.tp, s.precision, s.recall)
            for k, s in self.scores.items()
        ]

    def markdown(self) -> str:
        lines = [
            "| measure | expected | predicted | matched | precision | recall |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for k, e, p, t, prec, rec in self.table():
            lines.append(f"| {k} | {e} | {p} | {t} | {prec:.3f} | {rec:.3f} |")
        return "\n".join(lines)


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= 0.01 * max(abs(float(a)), abs(float(b)))


def _greedy(
    pred: list[Row], gold: list[Row], same: Callable[[Row, Row], bool]
) -> list[tuple[int, int]]:
    """Pairs (i_pred, i_gold), each used at most once, in order."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and same(p, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _pledge_match(p: Row, g: Row) -> bool:
    if p.get("donor") != g.get("donor") or p.get("category") != g.get("category"):
        return False
    return not g.get("caliber") or p.get("caliber") == g.get("caliber")


def compare(pred: dict[str, list[Row]], gold: dict[str, list[Row]]) -> dict[str, Score]:
    """Scores of one text."""
    out: dict[str, Score] = {}
    pp, gp = pred.get("pledges", []), gold.get("pledges", [])
    pairs = _greedy(pp, gp, _pledge_match)
    out["pledge (donor+category)"] = Score(len(pairs), len(pp), len(gp))
    for f, ok in (("quantity", lambda a, b: a == b), ("amount", _close)):
        tp = sum(
            1
            for i, j in pairs
            if gp[j].get(f) is not None and pp[i].get(f) is not None and ok(pp[i][f], gp[j][f])
        )
        out[f"pledge.{f}"] = Score(
            tp,
            sum(1 for i, _ in pairs if pp[i].get(f) is not None),
            sum(1 for _, j in pairs if gp[j].get(f) is not None),
        )
    # donor-and-amount pairs
    pa = [p for p in pp if p.get("amount") is not None]
    ga = [g for g in gp if g.get("amount") is not None]
    tp = len(
        _greedy(
            pa,
            ga,
            lambda p, g: (
                p["donor"] == g["donor"]
                and _close(p["amount"], g["amount"])
                and (p.get("currency") or g.get("currency"))
                == (g.get("currency") or p.get("currency"))
            ),
        )
    )
    out["donor-amount pairs"] = Score(tp, len(pa), len(ga))
    # donor-category-quantity triples
    pq = [p for p in pp if p.get("quantity") is not None]
    gq = [g for g in gp if g.get("quantity") is not None]
    tp = len(
        _greedy(
            pq,
            gq,
            lambda p, g: (
                (p["donor"], p["category"], p["quantity"])
                == (g["donor"], g["category"], g["quantity"])
            ),
        )
    )
    out["donor-category-quantity triples"] = Score(tp, len(pq), len(gq))
    pf, gf = pred.get("funds", []), gold.get("funds", [])

    def fund_match(p: Row, g: Row) -> bool:
        if g.get("amount") is None:
            return p.get("amount") is None and p.get("category") == g.get("category")
        return _close(p.get("amount"), g["amount"]) and p.get("currency") == g.get("currency")

    fpairs = _greedy(pf, gf, fund_match)
    out["funds (amount+currency)"] = Score(len(fpairs), len(pf), len(gf))
    out["fund.category"] = Score(
        sum(1 for i, j in fpairs if pf[i].get("category") == gf[j].get("category")),
        len(fpairs),
        len(fpairs),
    )
    pn, gn = pred.get("needs", []), gold.get("needs", [])
    npairs = _greedy(
        pn,
        gn,
        lambda p, g: (
            p.get("recipient") == g.get("recipient") and p.get("category") == g["category"]
        ),
    )
    out["needs (recipient+category)"] = Score(len(npairs), len(pn), len(gn))
    return out


def load(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data.get("text"), str) or not isinstance(data.get("expected"), dict):
        raise ValueError(f"{path}: needs a 'text' string and an 'expected' object")
    return data


def evaluate_dir(directory: Path, extractor: Extractor | None = None) -> Evaluation:
    """Read every ``*.json`` label file in ``directory`` and add up the scores."""
    ex = extractor or Extractor()
    ev = Evaluation()
    files = sorted(directory.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"{directory}: no labelled *.json files")
    for path in files:
        data = load(path)
        when = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        reading = ex.read(data["text"], date=when)
        scores = compare(reading.as_label(), data["expected"])
        ev.files += 1
        for k, s in scores.items():
            ev.score(k).add(s)
            if s.tp < max(s.predicted, s.expected) and k.endswith(("pairs", "triples")):
                ev.misses.append(f"{path.name}: {k} {s.tp}/{s.predicted} predicted/{s.expected}")
    return ev
