"""The reader meets its quality goal on the labelled set; the evaluation command works."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from materiel.bench import ingest as bench
from materiel.cli.main import app
from materiel.ingest.evaluate import (
    STRICT_FUNDS,
    STRICT_NEEDS,
    STRICT_PAIRS,
    STRICT_PLEDGES,
    STRICT_TRIPLES,
    Evaluation,
    compare,
    compare_strict,
    evaluate_dir,
)
from materiel.ingest.extract import Extractor

EVAL = Path(__file__).parent / "ingest_eval"
#: a second annotator's labels of 36 texts of batches 10-12 (12 each, drawn at random), made
#: without seeing the first labels or the reader
AGREEMENT = EVAL / "agreement"


def test_labelled_set_is_well_formed() -> None:
    files = sorted(EVAL.glob("*.json"))
    assert len(files) >= 25
    for f in files:
        data = json.loads(f.read_text())
        for kind in ("pledges", "funds", "needs"):
            for row in data["expected"][kind]:
                assert row["evidence"] in data["text"], f"{f.name}: evidence not in text"


#: the reader's strict scores on the tuning set may not fall below these (raised as it improves;
#: since the modality filter reads words, in-sample figures overstate it more than before: the
#: estimates are the held-out rows of docs/benchmarks.md)
FLOOR = {
    STRICT_PAIRS: (0.66, 0.64),
    STRICT_TRIPLES: (0.67, 0.59),
    STRICT_NEEDS: (0.72, 0.57),
    STRICT_FUNDS: (0.57, 0.49),
}
#: false pledges on the labelled negative texts may not rise above this (in-sample: the filter
#: fits the negatives, and since session 29 texts in other languages have a whole-text veto of
#: their own too, which leaves 1 in-sample; a little slack for weights that move in the fifth
#: decimal; the estimates are leave-one-batch-out, 204 on 819, and the held-out rows)
NEGATIVES_FLOOR = 3


@pytest.fixture(scope="module")
def labelled() -> list[Any]:
    """Every labelled text read once by the unfiltered reader, with its features for the
    modality filter (:func:`.modality.examples`): the quality floors (with the shipped filter's
    decisions), the training check and the span check share this one reading (the module runs
    on one worker: conftest.ONE_WORKER_MODULES)."""
    from materiel.ingest import modality

    return modality.examples(EVAL)


def _filtered(exs: list[Any]) -> Evaluation:
    """The evaluation :func:`evaluate_dir` gives, from texts already read: the shipped filter's
    decisions on the unfiltered drafts."""
    from materiel.ingest import modality

    shipped = modality.shipped()
    assert shipped is not None
    return modality.evaluation(exs, modality.decisions(shipped, exs))


def test_one_reading_scores_as_evaluate_dir_does(tmp_path: Path, labelled: list[Any]) -> None:
    """The shortcut the floors take (the shipped filter's decisions on one unfiltered reading)
    scores exactly as reading with the filter does, on a sample of every language group."""
    sample = [e for e in labelled if e.name.startswith(("b1-", "b17-", "b42-", "holdout"))]
    for e in sample:
        (tmp_path / e.name).write_bytes((EVAL / e.name).read_bytes())
    direct, shortcut = evaluate_dir(tmp_path), _filtered(sample)
    assert direct.files == shortcut.files == len(sample) > 60
    assert direct.as_json(errors=True) == shortcut.as_json(errors=True)


def test_quality_on_labelled_set(tmp_path: Path, labelled: list[Any]) -> None:
    ev = _filtered(labelled)
    assert ev.files >= 3258
    for measure, (p, r) in FLOOR.items():
        s = ev.scores[measure]
        assert s.precision >= p, (measure, s)
        assert s.recall >= r, (measure, s)
    assert ev.false_pledges_on_negatives <= NEGATIVES_FLOOR, ev.negatives_with_false_pledges
    # the first 52 texts (written for the first reader) meet the goal of the issue
    for f in EVAL.glob("*.json"):
        if not re.match(r"b\d+-", f.name):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    first = evaluate_dir(tmp_path)
    assert first.files == 52
    for measure, (p, r) in bench.GOAL.items():
        s = first.scores[measure]
        assert s.precision >= p, (measure, s, first.errors)
        assert s.recall >= r, (measure, s, first.errors)
    assert first.false_pledges_on_negatives == 0


def test_two_annotators_agree_where_the_reader_does_not(tmp_path: Path) -> None:
    """The goal of issue 15 is within people's reach: scored with the same strict scorer, a
    second annotator's labels agree with the first's far above the reader's scores on the
    same 36 texts (figures as measured when the agreement set was made)."""
    people = evaluate_dir(EVAL, against=AGREEMENT)
    assert people.files == 36
    assert people.scores[STRICT_PAIRS].precision == people.scores[STRICT_PAIRS].recall == 1.0
    assert people.scores[STRICT_TRIPLES].precision >= 0.83
    assert people.scores[STRICT_TRIPLES].recall >= 0.83
    assert people.scores[STRICT_NEEDS].precision >= 0.96
    assert people.scores[STRICT_NEEDS].recall == 1.0
    assert people.false_pledges_on_negatives == 0 and people.negative_texts == 14
    for f in AGREEMENT.glob("*.json"):
        (tmp_path / f.name).write_bytes((EVAL / f.name).read_bytes())
    reader = evaluate_dir(tmp_path)
    for measure in (STRICT_PAIRS, STRICT_TRIPLES, STRICT_NEEDS):
        # (F1: the reader now finds every labelled pair of these texts, with five wrong ones)
        assert reader.scores[measure].f1 < people.scores[measure].f1, measure
    # a second annotator's file whose text differs is refused, naming it
    bad = tmp_path / "against"
    bad.mkdir()
    name = sorted(AGREEMENT.glob("*.json"))[0].name
    data = json.loads((AGREEMENT / name).read_text())
    data["text"] += " "
    (bad / name).write_text(json.dumps(data))
    with pytest.raises(ValueError, match=name):
        evaluate_dir(EVAL, against=bad)
    res = CliRunner().invoke(app, ["read", "--against", str(AGREEMENT)])
    assert res.exit_code != 0 and "--evaluate" in res.output


def test_modality_model_is_trained_on_the_labelled_set(labelled: list[Any]) -> None:
    """The shipped modality weights are what training on tests/ingest_eval gives with the
    reader as it is now (after a change to the reader or the labels, retrain:
    ``python -m materiel.ingest.modality train tests/ingest_eval``)."""
    from materiel.ingest import modality

    shipped = modality.shipped()
    assert shipped is not None and shipped.other is not None
    fresh = modality.train_examples(labelled)
    assert fresh.other is not None
    for new, old in (
        (fresh.weights, shipped.weights),
        (fresh.text_weights, shipped.text_weights),
        (fresh.other.weights, shipped.other.weights),
        (fresh.other.text_weights, shipped.other.text_weights),
    ):
        assert set(new) == set(old)
        worst = max((abs(new[k] - old[k]) for k in new), default=0.0)
        assert worst < 1e-4, worst
    # texts in other languages than English, German and French have a whole-text veto of their
    # own (since session 29: modality.OTHER_TEXT_MODEL)
    assert bool(shipped.other.text_weights) == modality.OTHER_TEXT_MODEL
    assert (shipped.threshold_figures, shipped.threshold_other, shipped.threshold_text) == (
        modality.THRESHOLD_FIGURES,
        modality.THRESHOLD_OTHER,
        modality.THRESHOLD_TEXT,
    )


def test_modality_filter_drops_unlikely_pledges_only() -> None:
    from materiel.ingest import modality
    from materiel.ingest.extract import split_sentences

    text = (
        "Germany will send 18 howitzers to Ukraine. France will send howitzers. Kyiv needs shells."
    )
    raw = Extractor(modality=False).read(text)
    assert {d.kind for d in raw.drafts} == {"pledge", "need"}
    sentences = split_sentences(text)
    # a model that finds every pledge unlikely (p = 0.05): only the one with a figure stays
    model = modality.Model({"bias": math.log(0.05 / 0.95)})
    kept = model.filter(text, sentences, list(raw.drafts))
    assert [(d.kind, d.fields.get("donor")) for d in kept] == [("pledge", "DEU"), ("need", None)]
    # a text model sure that the text is a negative drops every pledge, keeps the need
    sure = modality.Model({"bias": 10.0}, {"bias": 10.0})
    kept = sure.filter(text, sentences, list(raw.drafts))
    assert [d.kind for d in kept] == ["need"]
    # the shipped model keeps these plain pledges
    assert [d.fields["donor"] for d in Extractor().read(text).by_kind("pledge")] == ["DEU", "FRA"]


def test_modality_filter_reads_other_languages_with_their_own_cues() -> None:
    """A text in another language than English, German or French goes to the model for other
    languages (none: left alone), whose cue features are that language's own (Polish
    "przekaże" commits, "nie przekaże" is not given)."""
    from materiel.ingest import modality
    from materiel.ingest.extract import split_sentences

    plain = "Polska przekaże Ukrainie 14 czołgów Leopard."
    negated = "Polska nie przekaże Ukrainie 14 czołgów Leopard."
    assert not modality.covered(plain)
    found = modality.cues_for(plain, core=False)
    assert found is not modality.CUES
    assert modality.cues_for("Germany will send howitzers to Ukraine.", True) is modality.CUES
    neg = modality.TextCues(negated, split_sentences(negated), found)
    assert "notgiven" in neg.per_sentence[0]
    drafts = list(Extractor(modality=False).read(plain).drafts)
    assert [d.fields["donor"] for d in drafts] == ["POL"]
    tc = modality.TextCues(plain, split_sentences(plain), found)
    feats = set(modality.features(tc, drafts, drafts[0]))
    assert {"c:commits", "c:pledge", "qty", "x:notgiven:0"} <= feats
    # the English, German and French model alone leaves the text alone
    sure = modality.Model({"bias": -10.0}, {"bias": 10.0})
    assert sure.filter(plain, split_sentences(plain), drafts) == drafts
    # with a model for other languages sure that the text is a negative, every pledge goes
    both = modality.Model({"bias": 10.0}, {"bias": -10.0}, other=sure)
    assert both.filter(plain, split_sentences(plain), drafts) == []


def test_modality_features_hold_the_drafts_words() -> None:
    """The words of a pledge's clause, sentence and title are features (lower case, letters
    only), as are those of the title and the whole text for the text model."""
    from materiel.ingest import modality
    from materiel.ingest.extract import split_sentences

    text = "Berlin weighs Taurus request\nGermany will send 18 howitzers to Ukraine, aides said."
    raw = Extractor(modality=False).read(text)
    pledge = next(d for d in raw.drafts if d.kind == "pledge")
    tc = modality.TextCues(text, split_sentences(text))
    feats = modality.features(tc, raw.drafts, pledge)
    assert {"cw:germany", "cw:howitzers", "sw:aides", "tw:weighs", "tw:taurus"} <= set(feats)
    assert not any(f.startswith("cw:18") for f in feats)  # no digits
    # the word features are exactly those of the clause, the sentence and the title; the cue
    # and shape features stay beside them, none of them taken for a word
    words = {f for f in feats if modality.is_word(f)}
    assert words == {f for f in feats if f.split(":", 1)[0] in {"cw", "sw", "tw"}}
    assert {"bias", "qty", "cat:artillery-system"} <= set(feats) - words
    text_feats = modality.text_features(tc, raw.drafts)
    assert {"tw:berlin", "xw:aides", "xw:ukraine"} <= set(text_feats)
    assert not modality.is_word("x:stock:2") and not modality.is_word("sidx:1")


def test_the_other_languages_model_reads_words_as_configured() -> None:
    """The pledge model of texts in other languages than English, German and French reads
    words exactly when :data:`.modality.OTHER_WORDS` says so (tried without them in session
    26; kept, see its comment); the English, German and French model always does."""
    from materiel.ingest import modality

    model = modality.shipped()
    assert model is not None and model.other is not None
    assert any(modality.is_word(f) for f in model.other.weights) == modality.OTHER_WORDS
    assert any(modality.is_word(f) for f in model.weights)


def test_modality_fit_regularises_words_apart() -> None:
    """A word that separates the rows perfectly gets a weight bounded by its own
    regularisation: a smaller ``c_words`` pulls it towards zero, the cue weights stay free."""
    from materiel.ingest import modality

    rows = [["bias", "cw:pledge", "s:strong"]] * 6 + [["bias", "cw:stock"]] * 6
    labels = [True] * 6 + [False] * 6
    loose = modality.fit(rows, labels, c=10.0, c_words=10.0)
    tight = modality.fit(rows, labels, c=10.0, c_words=0.1)
    assert loose["cw:pledge"] > tight["cw:pledge"] > 0
    assert loose["cw:stock"] < tight["cw:stock"] < 0
    assert tight["s:strong"] > loose["s:strong"] > 0  # the cue takes what the word may not
    p = modality._probability(tight, rows[0])
    assert p > 0.9 and modality._probability(tight, rows[-1]) < 0.5


def test_compare_rules() -> None:
    gold = {
        "pledges": [
            {
                "donor": "USA",
                "category": "artillery-ammunition",
                "caliber": "155mm",
                "quantity": 75000,
                "amount": None,
            },
            {
                "donor": "USA",
                "category": "unspecified",
                "caliber": None,
                "quantity": None,
                "amount": 325e6,
                "currency": "USD",
            },
        ]
    }
    pred = {
        "pledges": [
            {
                "donor": "USA",
                "category": "artillery-ammunition",
                "caliber": "105mm",
                "quantity": 75000,
                "amount": None,
            },
            {
                "donor": "USA",
                "category": "unspecified",
                "caliber": None,
                "quantity": None,
                "amount": 327e6,
                "currency": "USD",
            },
        ]
    }
    s = compare(pred, gold)
    assert (s["pledge (donor+category)"].tp, s["pledge (donor+category)"].expected) == (1, 2)
    assert s["donor-amount pairs"].tp == 1  # within 1 %
    assert s["donor-category-quantity triples"].tp == 1  # calibre is not part of the triple
    pred["pledges"][1]["amount"] = 340e6
    assert compare(pred, gold)["donor-amount pairs"].tp == 0


def _sample(tmp_path: Path) -> Path:
    """One released batch (50 texts) in a folder of its own: the command's plumbing does not
    need the whole set (test_quality_on_labelled_set reads all of it)."""
    sample = tmp_path / "sample"
    sample.mkdir()
    for f in sorted(EVAL.glob("b14-*.json")):
        (sample / f.name).write_bytes(f.read_bytes())
    return sample


def test_cli_evaluate_and_dry_run(tmp_path: Path) -> None:
    runner = CliRunner()
    sample = _sample(tmp_path)
    res = runner.invoke(app, ["read", "--evaluate", str(sample), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    ev = evaluate_dir(sample)
    assert out["files"] == ev.files == 50
    # the command reports what the library computes
    for measure in (STRICT_PAIRS, STRICT_TRIPLES, STRICT_NEEDS, STRICT_FUNDS, STRICT_PLEDGES):
        s = ev.scores[measure]
        assert (out["scores"][measure]["matched"], out["scores"][measure]["predicted"]) == (
            s.tp,
            s.predicted,
        )
    assert out["negatives"]["false_pledges"] == ev.false_pledges_on_negatives
    res = runner.invoke(
        app, ["read", "--dry-run", "--json", "--text", "Britain will send 14 Challenger 2 tanks."]
    )
    assert res.exit_code == 0, res.output
    [p] = json.loads(res.output)["pledges"]
    assert (p["donor"], p["category"], p["quantity"]) == ("GBR", "main-battle-tank", 14)
    res = runner.invoke(app, ["read", "--evaluate", str(tmp_path)])
    assert res.exit_code == 1 and "no labelled" in res.output


@pytest.mark.parametrize("bad", ["{", '{"text": 3, "expected": {}}'])
def test_bad_label_file_is_named(tmp_path: Path, bad: str) -> None:
    (tmp_path / "x.json").write_text(bad)
    with pytest.raises(ValueError, match=r"x\.json"):
        evaluate_dir(tmp_path)


TEXT = (
    "Germany will send 18 howitzers. Germany will send 18 howitzers. "
    "The EU earmarked €1 billion for 155mm shells. Kyiv asked for 155mm shells."
)


def _pledge(**kw: object) -> dict[str, object]:
    row: dict[str, object] = {
        "donor": "DEU",
        "recipient": "UKR",
        "category": "artillery-system",
        "caliber": None,
        "quantity": 18,
        "amount": None,
        "currency": None,
        "evidence": "send 18 howitzers",
    }
    row.update(kw)
    return row


def test_strict_pledges_need_every_field_and_overlapping_evidence() -> None:
    gold = {"pledges": [_pledge()]}
    second = TEXT.index("send 18 howitzers", 10)
    cases: list[tuple[dict[str, object], bool]] = [
        (_pledge(span=[7, 30]), True),
        (_pledge(span=[second, second + 5]), True),  # any occurrence of the labelled evidence
        (_pledge(span=[0, 6]), False),  # "Germany" alone does not overlap the evidence
        (_pledge(span=[7, 30], caliber="155mm"), False),  # calibre both ways
        (_pledge(span=[7, 30], quantity=36), False),
        (_pledge(span=[7, 30], quantity=None), False),
        (_pledge(span=[7, 30], amount=1e6, currency="EUR"), False),  # null matches only null
        (_pledge(span=[7, 30], donor="FRA"), False),
    ]
    for row, ok in cases:
        s, errors, _ = compare_strict({"pledges": [row]}, gold, TEXT, "t.json")
        assert s[STRICT_PLEDGES].tp == int(ok), row
        assert (errors == []) == ok, (row, errors)
    # the same entry twice: one match, one false positive classed as a duplicate
    s, errors, _ = compare_strict(
        {"pledges": [_pledge(span=[7, 30]), _pledge(span=[second, second + 17])]}, gold, TEXT
    )
    assert (s[STRICT_PLEDGES].tp, s[STRICT_PLEDGES].predicted) == (1, 2)
    assert [m.error for m in errors] == ["duplicate"]
    _, errors, _ = compare_strict({"pledges": [_pledge(span=[7, 30], quantity=36)]}, gold, TEXT)
    assert [m.error for m in errors] == ["wrong quantity"]
    _, errors, _ = compare_strict({"pledges": []}, gold, TEXT)
    assert [m.error for m in errors] == ["missed"]


def test_strict_pairs_triples_funds_and_needs() -> None:
    gold = {
        "pledges": [
            _pledge(),
            _pledge(
                category="unspecified",
                quantity=None,
                amount=1e8,
                currency="EUR",
                evidence="Germany will send",
            ),
        ],
        "funds": [
            {
                "amount": 1e9,
                "currency": "EUR",
                "category": "artillery-ammunition",
                "caliber": "155mm",
                "evidence": "€1 billion",
            }
        ],
        "needs": [
            {
                "recipient": "UKR",
                "category": "artillery-ammunition",
                "caliber": "155mm",
                "quantity": None,
                "evidence": "asked for 155mm shells",
            }
        ],
    }
    pred = {
        "pledges": [
            _pledge(span=[7, 30]),
            _pledge(
                category="unspecified", quantity=None, amount=1.005e8, currency="USD", span=[0, 17]
            ),
        ],
        "funds": [{"amount": 1e9, "currency": "EUR", "category": "unspecified"}],
        "needs": [{"recipient": "UKR", "category": "artillery-ammunition", "caliber": None}],
    }
    s, errors, by_cat = compare_strict(pred, gold, TEXT, "t.json")
    assert s[STRICT_TRIPLES].tp == 1
    assert s[STRICT_PAIRS].tp == 0  # the currency must agree
    assert s[STRICT_FUNDS].tp == 0  # funds include their category
    assert s[STRICT_NEEDS].tp == 0  # and needs their calibre
    assert by_cat["artillery-system"].tp == 1 and by_cat["unspecified"].tp == 0
    assert {(m.kind, m.error) for m in errors} == {
        ("pledge", "wrong currency"),
        ("fund", "wrong category"),
        ("need", "wrong caliber"),
    }
    pred["pledges"][1]["currency"] = "EUR"
    pred["funds"][0]["category"] = "artillery-ammunition"
    pred["needs"][0]["caliber"] = "155mm"
    s, errors, _ = compare_strict(pred, gold, TEXT)
    assert errors == []
    assert all(x.tp == x.expected == x.predicted for x in s.values())


def test_evaluation_counts_false_pledges_on_negatives_and_accepts_lang_and_kind(
    tmp_path: Path,
) -> None:
    text = "Germany has 300 Leopard tanks in its fleet. Berlin is considering sending some."
    (tmp_path / "neg.json").write_text(
        json.dumps(
            {
                "url": None,
                "date": "2023-01-10",
                "lang": "en",
                "kind": "negative",
                "text": text,
                "expected": {"pledges": [], "funds": [], "needs": []},
            }
        )
    )
    ev = evaluate_dir(tmp_path)
    assert ev.negative_texts == 1
    predicted = ev.scores[STRICT_PLEDGES].predicted
    assert ev.false_pledges_on_negatives == predicted
    out = ev.as_json(errors=True)
    assert out["negatives"]["false_pledges"] == predicted
    assert len(out["errors"]) == predicted
    (tmp_path / "neg.json").write_text(json.dumps({"text": text, "kind": "rumour", "expected": {}}))
    with pytest.raises(ValueError, match=r"neg\.json: 'kind' must be one of"):
        evaluate_dir(tmp_path)


def test_cli_evaluate_errors_json(tmp_path: Path) -> None:
    sample = _sample(tmp_path)
    res = CliRunner().invoke(app, ["read", "--evaluate", str(sample), "--json", "--errors"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    strict = out["scores"][STRICT_PLEDGES]
    assert strict["expected"] >= 90
    assert strict["predicted"] > strict["matched"]  # the batch has errors to list
    wrong = strict["predicted"] - strict["matched"]
    pledge_errors = [e for e in out["errors"] if e["kind"] == "pledge"]
    # every unmatched prediction appears as an error (spurious, duplicate or a near miss)
    assert sum(1 for e in pledge_errors if e["predicted"] is not None) == wrong
    assert set(out) >= {"scores", "strict_by_category", "negatives", "error_classes"}


def test_every_draft_keeps_its_span_and_its_quantity_is_in_its_evidence(
    labelled: list[Any],
) -> None:
    """Reviewer safety on every labelled text: the evidence is the exact span of the text, and
    a quantity is a number stated in that evidence (or the sum of the numbers of two items of
    one category listed there), never a figure taken from another mention."""
    from itertools import combinations

    from materiel.ingest import cjk
    from materiel.ingest.numbers import find_quantities

    assert len(labelled) >= 2121
    for e in labelled:  # the unfiltered drafts: the filtered ones are among them
        text, reading, name = e.data["text"], e.reading, e.name
        for d in reading.drafts:
            assert reading.evidence(d) == text[d.start : d.end], name
            q = d.fields.get("quantity")
            if q is None:
                continue
            if q == 1 and re.search(
                r"\b(?:another|eines\s+(?:weiteren|zusätzlichen|zweiten|dritten)|the\s+first\s+of"
                r"|den\s+ersten\s+von|le\s+premier\s+des|la\s+première\s+des)\b",
                reading.evidence(d),
                re.IGNORECASE,
            ):
                # "another Patriot system", "eines weiteren Systems", "the first of four": one
                continue
            stated = [
                x.value for x in find_quantities(reading.evidence(d), reading.lang) if x.value
            ]
            if cjk.is_cjk(text):  # counts with East Asian units and counters ("14万4000発")
                ev = reading.evidence(d)
                stated += [int(f.value) for f in cjk.figures(ev, 0, len(ev)) if f.counted]
            sums = (
                {sum(c) for k in range(1, len(stated) + 1) for c in combinations(stated, k) if c}
                if len(stated) <= 8
                else set(stated)
            )
            assert q in sums, (name, q, reading.evidence(d))


def test_cross_validation_and_the_threshold_sweep_agree(tmp_path: Path) -> None:
    """Leave-one-batch-out on a few labelled texts of three batches (in English, German,
    French and other languages): the sweep's row at the shipped thresholds is the filter's
    pooled row of :func:`cross_validate`, and stricter thresholds keep no more pledges."""
    from materiel.ingest import modality

    for batch in ("b10", "b11", "b12"):
        for path in sorted(EVAL.glob(f"{batch}-*.json"))[:8]:
            (tmp_path / path.name).write_bytes(path.read_bytes())
    shipped = (modality.THRESHOLD_TEXT, modality.THRESHOLD_FIGURES, modality.THRESHOLD_OTHER)
    rows = modality.cross_validate(tmp_path)
    assert [b for b, _, _ in rows] == ["b10", "b11", "b12", "pooled"]
    _, rules, filtered = rows[-1]
    assert rules["texts"] == filtered["texts"] == 24
    strict = (1.0, 1.0, 1.0)
    swept = dict(modality.sweep(tmp_path, [shipped, strict]))
    assert swept[shipped]["scores"] == filtered["scores"]
    assert swept[shipped]["false"] == filtered["false"]
    for k in modality.MEASURES:
        assert swept[strict]["scores"][k].predicted <= swept[shipped]["scores"][k].predicted
    assert swept[strict]["false"] == 0  # every pledge dropped
    assert "| 0.3 | 0.02 | 0.3 |" in modality.sweep_markdown([(shipped, filtered)])
