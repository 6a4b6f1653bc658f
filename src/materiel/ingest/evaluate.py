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

The **strict** measures (``strict ...``, issue 15) are reported beside them; each pairs predictions
with labels one to one (a maximum bipartite matching, so a second copy of the same entry in a
text is a false positive):

- a pledge matches only if donor, category, calibre (both ways: a calibre where the label has
  none is wrong), quantity (exact; null matches null), amount (within 1 %; null matches null)
  and currency agree and the predicted evidence span overlaps an occurrence of the labelled
  evidence in the text;
- donor-amount pairs: donor, amount (within 1 %) and currency agree and the evidence overlaps;
  donor-category-quantity triples: donor, category and quantity agree and the evidence
  overlaps (so quantity and evidence come from the same mention);
- funds: amount (within 1 %; null matches null), currency and category agree;
- needs: recipient, category and calibre (both ways) agree;
- negative texts (``"kind": "negative"``, or nothing labelled): every predicted pledge is a false
  pledge.

Unmatched rows are classified into error classes (missed, spurious, duplicate, wrong donor,
category, calibre, quantity, amount, currency, evidence) for ``--errors``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
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


@dataclass(frozen=True)
class Miss:
    """One error of the strict scorer: a row of a file that found no partner."""

    file: str
    kind: str  # pledge | fund | need
    error: str  # missed | spurious | duplicate | wrong <field>[+<field>...]
    predicted: Row | None
    expected: Row | None

    def describe(self) -> str:
        def short(r: Row | None) -> str:
            if r is None:
                return "-"
            keys = ("donor", "recipient", "category", "caliber", "quantity", "amount", "currency")
            vals = [f"{k}={r[k]}" for k in keys if r.get(k) is not None]
            return " ".join(vals) + f' "{(r.get("evidence") or "")[:80]}"'

        return (
            f"{self.file} {self.kind} {self.error}: predicted {short(self.predicted)}; "
            f"expected {short(self.expected)}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "error": self.error,
            "predicted": self.predicted,
            "expected": self.expected,
        }


@dataclass
class Evaluation:
    files: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    #: strict pledge scores by labelled category
    by_category: dict[str, Score] = field(default_factory=dict)
    errors: list[Miss] = field(default_factory=list)
    negative_texts: int = 0
    false_pledges_on_negatives: int = 0
    negatives_with_false_pledges: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def add(self, name: str, pred: dict[str, list[Row]], data: dict[str, Any]) -> None:
        """Score one labelled text (``data``, from file ``name``) against the predicted
        pledges, funds and needs ``pred`` and add it to the totals."""
        scores = compare(pred, data["expected"])
        strict, errors, by_cat = compare_strict(pred, data["expected"], data["text"], name)
        self.files += 1
        for k, s in scores.items():
            self.score(k).add(s)
            if s.tp < max(s.predicted, s.expected) and k.endswith(("pairs", "triples")):
                self.misses.append(f"{name}: {k} {s.tp}/{s.predicted} predicted/{s.expected}")
        for k, s in strict.items():
            self.score(k).add(s)
        for k, s in by_cat.items():
            self.by_category.setdefault(k, Score()).add(s)
        self.errors.extend(errors)
        if is_negative(data):
            self.negative_texts += 1
            false = len(pred["pledges"])
            self.false_pledges_on_negatives += false
            if false:
                self.negatives_with_false_pledges.append(name)

    def error_classes(self) -> dict[str, int]:
        """Error counts by class; a near miss with several wrong fields counts for each."""
        out: Counter[str] = Counter()
        for m in self.errors:
            if m.error.startswith("wrong "):
                for f in m.error.removeprefix("wrong ").split("+"):
                    out[f"{m.kind}: wrong {f}"] += 1
            else:
                out[f"{m.kind}: {m.error}"] += 1
        return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

    def as_json(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "files": self.files,
            "scores": {
                k: {"expected": e, "predicted": p, "matched": t, "precision": pr, "recall": r}
                for k, e, p, t, pr, r in self.table()
            },
            "strict_by_category": {
                k: {
                    "expected": s.expected,
                    "predicted": s.predicted,
                    "matched": s.tp,
                    "precision": s.precision,
                    "recall": s.recall,
                }
                for k, s in sorted(self.by_category.items())
            },
            "negatives": {
                "texts": self.negative_texts,
                "false_pledges": self.false_pledges_on_negatives,
                "texts_with_false_pledges": self.negatives_with_false_pledges,
            },
            "error_classes": self.error_classes(),
        }
        if errors:
            out["errors"] = [m.as_dict() for m in self.errors]
        return out

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


# -- strict scoring ---------------------------------------------------------------------

STRICT_PLEDGES = "strict pledges (every field + evidence)"
STRICT_PAIRS = "strict donor-amount pairs"
STRICT_TRIPLES = "strict donor-category-quantity triples"
STRICT_FUNDS = "strict funds (amount+currency+category)"
STRICT_NEEDS = "strict needs (recipient+category+calibre)"


def _same_amount(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return _close(a, b)


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _pred_spans(text: str, row: Row) -> list[tuple[int, int]]:
    span = row.get("span")
    if isinstance(span, list | tuple) and len(span) == 2:
        return [(int(span[0]), int(span[1]))]
    return _occurrences(text, str(row.get("evidence") or ""))


def _overlaps(text: str, p: Row, g: Row) -> bool:
    """The predicted evidence overlaps some occurrence of the labelled evidence."""
    if not g.get("evidence"):
        return True
    golds = _occurrences(text, str(g["evidence"]))
    return any(a < d and c < b for a, b in _pred_spans(text, p) for c, d in golds)


def _matching(
    pred: list[Row], gold: list[Row], same: Callable[[Row, Row], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths; texts have few rows)."""
    adj = [[j for j, g in enumerate(gold) if same(p, g)] for p in pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


_PLEDGE_FIELDS = ("donor", "category", "caliber", "quantity", "amount", "currency")


def _field_ok(name: str, p: Row, g: Row) -> bool:
    if name == "amount":
        return _same_amount(p.get("amount"), g.get("amount"))
    return p.get(name) == g.get(name)


def _strict_pledge(text: str) -> Callable[[Row, Row], bool]:
    def same(p: Row, g: Row) -> bool:
        return all(_field_ok(f, p, g) for f in _PLEDGE_FIELDS) and _overlaps(text, p, g)

    return same


def _wrong(text: str, p: Row, g: Row, fields: Iterable[str], evidence: bool) -> str:
    bad = [f for f in fields if not _field_ok(f, p, g)]
    if evidence and not _overlaps(text, p, g):
        bad.append("evidence")
    return "wrong " + "+".join(bad or ["match"])


def _classify(
    name: str,
    kind: str,
    text: str,
    pred: list[Row],
    gold: list[Row],
    pairs: list[tuple[int, int]],
    near: list[Callable[[Row, Row], bool]],
    fields: tuple[str, ...],
    key: Callable[[Row], tuple[Any, ...]],
    evidence: bool,
) -> list[Miss]:
    """Errors of one text: near misses (paired by ``near`` tests in order), then duplicates,
    spurious predictions and missed labels."""
    free_p = [i for i in range(len(pred)) if i not in {i for i, _ in pairs}]
    free_g = [j for j in range(len(gold)) if j not in {j for _, j in pairs}]
    out: list[Miss] = []
    for test in near:
        for i in list(free_p):
            j = next((j for j in free_g if test(pred[i], gold[j])), None)
            if j is None:
                continue
            free_p.remove(i)
            free_g.remove(j)
            out.append(
                Miss(name, kind, _wrong(text, pred[i], gold[j], fields, evidence), pred[i], gold[j])
            )
    seen: Counter[tuple[Any, ...]] = Counter(key(pred[i]) for i, _ in pairs)
    for i in free_p:
        k = key(pred[i])
        error = "duplicate" if seen[k] else "spurious"
        seen[k] += 1
        out.append(Miss(name, kind, error, pred[i], None))
    out.extend(Miss(name, kind, "missed", None, gold[j]) for j in free_g)
    return out


def _strict_kind(
    kind: str,
    label: str,
    fields: tuple[str, ...],
    near: list[Callable[[Row, Row], bool]],
    pred: dict[str, list[Row]],
    gold: dict[str, list[Row]],
    text: str,
    name: str,
) -> tuple[Score, list[Miss]]:
    """Strict score and errors of the funds or the needs of one text: every one of ``fields``
    agrees (amounts within 1 %, null only with null)."""
    p_rows, g_rows = pred.get(label, []), gold.get(label, [])

    def same(p: Row, g: Row) -> bool:
        return all(_field_ok(f, p, g) for f in fields)

    pairs = _matching(p_rows, g_rows, same)
    errors = _classify(
        name,
        kind,
        text,
        p_rows,
        g_rows,
        pairs,
        near,
        fields,
        lambda r: tuple(r.get(f) for f in fields),
        evidence=False,
    )
    return Score(len(pairs), len(p_rows), len(g_rows)), errors


def compare_strict(
    pred: dict[str, list[Row]], gold: dict[str, list[Row]], text: str, name: str = ""
) -> tuple[dict[str, Score], list[Miss], dict[str, Score]]:
    """Strict scores of one text, its errors, and strict pledge scores by labelled category."""
    out: dict[str, Score] = {}
    errors: list[Miss] = []
    pp, gp = pred.get("pledges", []), gold.get("pledges", [])
    pairs = _matching(pp, gp, _strict_pledge(text))
    out[STRICT_PLEDGES] = Score(len(pairs), len(pp), len(gp))
    by_cat: dict[str, Score] = {}
    for _, j in pairs:
        by_cat.setdefault(gp[j]["category"], Score()).tp += 1
    for p in pp:
        by_cat.setdefault(p.get("category") or "?", Score()).predicted += 1
    for g in gp:
        by_cat.setdefault(g.get("category") or "?", Score()).expected += 1

    def key_pledge(r: Row) -> tuple[Any, ...]:
        return (r.get("donor"), r.get("category"), r.get("caliber"))

    errors += _classify(
        name,
        "pledge",
        text,
        pp,
        gp,
        pairs,
        [
            lambda p, g: key_pledge(p) == key_pledge(g),
            lambda p, g: (p.get("donor"), p.get("category")) == (g.get("donor"), g.get("category")),
            lambda p, g: (
                p.get("category") == g.get("category")
                and (
                    (p.get("quantity") is not None and p.get("quantity") == g.get("quantity"))
                    or (
                        p.get("amount") is not None
                        and _same_amount(p.get("amount"), g.get("amount"))
                    )
                )
            ),
            lambda p, g: p.get("donor") == g.get("donor") and _overlaps(text, p, g),
        ],
        _PLEDGE_FIELDS,
        key_pledge,
        evidence=True,
    )
    pa = [p for p in pp if p.get("amount") is not None]
    ga = [g for g in gp if g.get("amount") is not None]
    tp = len(
        _matching(
            pa,
            ga,
            lambda p, g: (
                p.get("donor") == g.get("donor")
                and _close(p["amount"], g["amount"])
                and p.get("currency") == g.get("currency")
                and _overlaps(text, p, g)
            ),
        )
    )
    out[STRICT_PAIRS] = Score(tp, len(pa), len(ga))
    pq = [p for p in pp if p.get("quantity") is not None]
    gq = [g for g in gp if g.get("quantity") is not None]
    tp = len(
        _matching(
            pq,
            gq,
            lambda p, g: (
                (p.get("donor"), p.get("category"), p.get("quantity"))
                == (g.get("donor"), g.get("category"), g.get("quantity"))
                and _overlaps(text, p, g)
            ),
        )
    )
    out[STRICT_TRIPLES] = Score(tp, len(pq), len(gq))
    for kind, label, measure, fields, near in (
        (
            "fund",
            "funds",
            STRICT_FUNDS,
            ("amount", "currency", "category"),
            [
                lambda p, g: _same_amount(p.get("amount"), g.get("amount")),
                lambda p, g: p.get("category") == g.get("category") and _overlaps(text, p, g),
            ],
        ),
        (
            "need",
            "needs",
            STRICT_NEEDS,
            ("recipient", "category", "caliber"),
            [
                lambda p, g: (
                    (p.get("recipient"), p.get("category"))
                    == (g.get("recipient"), g.get("category"))
                )
            ],
        ),
    ):
        out[measure], more = _strict_kind(kind, label, fields, near, pred, gold, text, name)
        errors += more
    return out, errors, by_cat


def is_negative(data: dict[str, Any]) -> bool:
    """A negative text: labelled ``"kind": "negative"``, or nothing to extract."""
    if data.get("kind") == "negative":
        return True
    exp = data["expected"]
    return not any(exp.get(k) for k in ("pledges", "funds", "needs"))


KINDS = ("package", "delivery", "contract", "fund", "need", "meeting", "negative", "mixed")


def load(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data.get("text"), str) or not isinstance(data.get("expected"), dict):
        raise ValueError(f"{path}: needs a 'text' string and an 'expected' object")
    if data.get("lang") is not None and not isinstance(data["lang"], str):
        raise ValueError(f"{path}: 'lang' must be a language code such as \"en\"")
    if data.get("kind") is not None and data["kind"] not in KINDS:
        raise ValueError(f"{path}: 'kind' must be one of {', '.join(KINDS)}")
    for k in ("pledges", "funds", "needs"):
        rows = data["expected"].get(k, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ValueError(f"{path}: expected.{k} must be a list of objects")
    return data


def evaluate_dir(
    directory: Path, extractor: Extractor | None = None, *, against: Path | None = None
) -> Evaluation:
    """Read every ``*.json`` label file in ``directory`` and add up the scores.

    With ``against`` (a directory of a second annotator's label files for some of the same
    texts, same file names and texts), that annotator's labels are scored instead of the
    reader, on the texts both labelled: the agreement of two people with the same scorer,
    i.e. what the reader's scores can be compared with."""
    ex = extractor or Extractor()
    ev = Evaluation()
    files = sorted(directory.glob("*.json"))
    if against is not None:
        files = [f for f in files if (against / f.name).is_file()]
    if not files:
        raise FileNotFoundError(
            f"{directory}: no labelled *.json files"
            + (f" that {against} also labels" if against is not None else "")
        )
    for path in files:
        data = load(path)
        if against is not None:
            other = load(against / path.name)
            if other["text"] != data["text"]:
                raise ValueError(f"{against / path.name}: text differs from {path}")
            pred = {k: list(other["expected"].get(k, [])) for k in ("pledges", "funds", "needs")}
        else:
            when = dt.date.fromisoformat(data["date"]) if data.get("date") else None
            pred = ex.read(data["text"], date=when).as_label()
        ev.add(path.name, pred, data)
    return ev
