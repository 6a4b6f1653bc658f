"""The blind-batch protocol's commands (:mod:`materiel.bench.firstrun`): a FIRST_RUNS row
from pooled directories, scores by language group, and a dump that shows two readers read
alike."""

from __future__ import annotations

import shutil
from pathlib import Path

from materiel.bench import firstrun
from materiel.ingest.evaluate import STRICT_PAIRS, evaluate_dir

EVAL = Path(__file__).parent / "ingest_eval"


def _batch(tmp: Path, name: str, files: list[str]) -> Path:
    d = tmp / name
    d.mkdir()
    for f in files:
        shutil.copy(EVAL / f, d / f)
    return d


def test_row_pools_directories_with_the_same_scores_as_one(tmp_path: Path) -> None:
    files = sorted(p.name for p in EVAL.glob("b21-*.json"))[:6]
    a = _batch(tmp_path, "a", files[:3])
    b = _batch(tmp_path, "b", files[3:])
    together = _batch(tmp_path, "together", files)
    ev = evaluate_dir(together)
    line = firstrun.row("b21 part", [a, b])
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[:2] == ["b21 part", "6"]
    pairs = ev.scores[STRICT_PAIRS]
    assert cells[3] == f"{pairs.precision:.3f} / {pairs.recall:.3f}"
    assert cells[-1].startswith(f"{ev.false_pledges_on_negatives} on {ev.negative_texts} texts")


def test_langs_splits_english_german_french_from_the_others(tmp_path: Path) -> None:
    other = sorted(p.name for p in EVAL.glob("b21-*.json") if p.name.split("-")[1] == "da")[:1]
    core = sorted(p.name for p in EVAL.glob("b21-en-*.json"))[:2]
    d = _batch(tmp_path, "mixed", other + core)
    table = firstrun.langs([d]).splitlines()
    counts = {r.split("|")[1].strip(): r.split("|")[2].strip() for r in table[2:]}
    assert counts == {"en/de/fr": "2", "other languages": "1", "all": "3"}


def test_dump_is_one_line_per_text_and_the_same_twice(tmp_path: Path) -> None:
    d = _batch(tmp_path, "d", sorted(p.name for p in EVAL.glob("b21-*.json"))[:4])
    assert firstrun.dump([d], tmp_path / "one.txt") == 4
    firstrun.dump([d], tmp_path / "two.txt")
    one = (tmp_path / "one.txt").read_bytes()
    assert one == (tmp_path / "two.txt").read_bytes()
    assert len(one.decode().splitlines()) == 4


def test_agree_scores_a_second_annotator_like_the_reader(tmp_path: Path) -> None:
    """Labels scored against themselves agree fully; against the agreement set's second
    annotator they give that set's figures."""
    files = sorted(p.name for p in (EVAL / "agreement").glob("*.json"))[:5]
    d = _batch(tmp_path, "d", files)
    same = firstrun.agree("same", d, d)
    cells = [c.strip() for c in same.strip("|").split("|")]
    assert cells[:2] == ["same", "5"]
    assert cells[2] == "1.000 / 1.000"  # strict pledges: each label matches itself
    assert cells[-1].startswith("0 on ")
    other = firstrun.agree("people", d, EVAL / "agreement")
    ev = evaluate_dir(d, against=EVAL / "agreement")
    pairs = ev.scores[STRICT_PAIRS]
    assert other.split("|")[4].strip() == f"{pairs.precision:.3f} / {pairs.recall:.3f}"


def test_noise_gives_a_row_per_retrain_the_first_with_every_batch(tmp_path: Path) -> None:
    """The retrain noise of a row: the filter trained on all of the tuning directory, then
    without one of its batches; each row has the row's format and the same texts."""
    tuning = _batch(
        tmp_path,
        "tuning",
        [p.name for b in ("b21", "b22", "b23") for p in sorted(EVAL.glob(f"{b}-en-*.json"))[:6]],
    )
    held = _batch(tmp_path, "held", sorted(p.name for p in EVAL.glob("b24-en-*.json"))[:3])
    lines = firstrun.noise("h", tuning, [held], draws=2).splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("| h (all) | 3 |")
    dropped = {ln.split("|")[1].strip() for ln in lines[1:]}
    assert len(dropped) == 2 and dropped <= {f"h (without {b})" for b in ("b21", "b22", "b23")}
