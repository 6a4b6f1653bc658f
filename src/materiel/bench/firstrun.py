"""The blind-batch protocol of issue 15 as commands, so that no session has to rewrite them:

- ``row LABEL DIR…``: one row of :data:`.ingest.FIRST_RUNS` (strict precision / recall and
  false pledges on negatives), the directories pooled. Aggregate figures only: run it on a
  held-out batch without reading its texts or errors.
- ``langs DIR…``: the same measures for texts in English, German and French and for the
  others (by each file's ``lang`` label), pooled.
- ``dump OUT DIR…``: the reader's drafts for every text, one line each, to compare two readers
  byte for byte (``cmp``): a refactor that claims "output unchanged" shows it so.
- ``agree LABEL DIR SECOND``: two people's labels of the same texts scored against each other
  with the reader's strict scorer (``SECOND`` holds a second annotator's files of the same
  names, e.g. ``heldout/b41/second``), in the row format: what the reader can be compared with.

- ``noise LABEL TUNING DIR… [--draws N]``: the retrain noise of a row: the filter retrained
  on ``TUNING`` without one of its blind batches, drawn at random (seeded), ``N`` times, and
  the row of ``DIR…`` read with each model, after the row with the model trained on all of
  ``TUNING``. Two readers whose rows differ by less than these rows do among themselves are
  not told apart by the held-out batches (session 29: dropping one of 89 batches moved the
  held-out strict pledges matched by up to 4 of about 480, false pledges by 1).

``python -m materiel.bench.firstrun row batch-32 tests/ingest_eval/heldout/b32``
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from materiel.ingest.evaluate import (
    STRICT_FUNDS,
    STRICT_NEEDS,
    STRICT_PAIRS,
    STRICT_PLEDGES,
    STRICT_TRIPLES,
    Evaluation,
    evaluate_dir,
    load,
)
from materiel.ingest.extract import Extractor

#: the languages the reader's own cues are written in
CORE = frozenset({"en", "de", "fr"})
MEASURES = (STRICT_PLEDGES, STRICT_PAIRS, STRICT_TRIPLES, STRICT_NEEDS, STRICT_FUNDS)


def _files(dirs: Sequence[Path]) -> Iterator[Path]:
    for d in dirs:
        files = sorted(d.glob("*.json"))
        if not files:
            raise FileNotFoundError(f"{d}: no labelled *.json files")
        yield from files


def score_files(files: Iterable[Path], extractor: Extractor | None = None) -> Evaluation:
    """The reader scored on these label files together (an empty evaluation when none)."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, p in enumerate(files):
            shutil.copy(p, Path(tmp) / f"{i:05d}-{p.name}")  # numbered: names may repeat
        if not any(Path(tmp).iterdir()):
            return Evaluation()
        return evaluate_dir(Path(tmp), extractor or Extractor())


def pooled(
    dirs: Sequence[Path], keep: str = "all", extractor: Extractor | None = None
) -> Evaluation:
    """The reader scored on the label files of ``dirs`` together; ``keep``: ``all``, ``core``
    (English, German, French) or ``other`` (by each file's ``lang``)."""
    files = [
        p
        for p in _files(dirs)
        if keep == "all" or (keep == "core") == (load(p).get("lang", "en") in CORE)
    ]
    return score_files(files, extractor)


def strict_cells(ev: Evaluation) -> list[str]:
    """The strict measures' "precision / recall" cells."""
    out = []
    for k in MEASURES:
        s = ev.scores.get(k)
        out.append("–" if s is None else f"{s.precision:.3f} / {s.recall:.3f}")
    return out


def cells(ev: Evaluation) -> list[str]:
    """:func:`strict_cells` and the false pledges on negatives (in how many texts)."""
    return [
        *strict_cells(ev),
        f"{ev.false_pledges_on_negatives} on {ev.negative_texts} texts "
        f"(in {len(ev.negatives_with_false_pledges)})",
    ]


def _line(label: str, ev: Evaluation) -> str:
    """A table row: the label, the number of texts, then :func:`cells`."""
    return "| " + " | ".join([label, str(ev.files), *cells(ev)]) + " |"


def row(label: str, dirs: Sequence[Path]) -> str:
    """One row in the format of :data:`.ingest.FIRST_RUNS` (without the commit cell)."""
    return _line(label, pooled(dirs))


def langs(dirs: Sequence[Path]) -> str:
    """The strict measures for English, German and French texts and for the others."""
    ex = Extractor()
    lines = [
        "| texts | n | strict pledges | strict pairs | strict triples | strict needs "
        "| strict funds | false pledges on negatives |",
        "|---|---:|---|---|---|---|---|---|",
    ]
    for keep, name in (("core", "en/de/fr"), ("other", "other languages"), ("all", "all")):
        ev = pooled(dirs, keep, ex)
        lines.append(_line(name, ev))
    return "\n".join(lines)


def agree(label: str, first: Path, second: Path) -> str:
    """Two annotators' labels of the same texts scored against each other, as a row."""
    return _line(label, evaluate_dir(first, against=second))


def noise(label: str, tuning: Path, dirs: Sequence[Path], draws: int = 5, seed: int = 7) -> str:
    """Rows of ``dirs`` read with the filter trained on all of ``tuning``, then on ``tuning``
    without one of its blind batches, ``draws`` times (batches drawn with ``seed``)."""
    import random

    from materiel.ingest import modality

    exs = modality.examples(tuning)
    batches = modality.blind_batches(exs)
    left_out = random.Random(seed).sample(batches, min(draws, len(batches)))
    files = list(_files(dirs))
    lines = []
    for drop in [None, *left_out]:
        ex = Extractor()
        ex.modality = modality.train_examples([e for e in exs if e.batch != drop])
        name = f"{label} (all)" if drop is None else f"{label} (without {drop})"
        lines.append(_line(name, score_files(files, ex)))
    return "\n".join(lines)


def dump(dirs: Sequence[Path], out: Path) -> int:
    """Write the reader's drafts for every text (file name, then the drafts' repr); the
    number of texts."""
    ex = Extractor()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for p in _files(dirs):
            data = load(p)
            when = dt.date.fromisoformat(data["date"]) if data.get("date") else None
            drafts = ex.read(data["text"], date=when).drafts
            fh.write(f"{p.parent.name}/{p.name}\t{data.get('lang', 'en')}\t{drafts!r}\n")
            n += 1
    return n


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m materiel.bench.firstrun")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_row = sub.add_parser("row", help="a FIRST_RUNS row, the directories pooled")
    p_row.add_argument("label")
    p_row.add_argument("dirs", nargs="+", type=Path)
    p_langs = sub.add_parser("langs", help="strict measures by language group")
    p_langs.add_argument("dirs", nargs="+", type=Path)
    p_dump = sub.add_parser("dump", help="the reader's drafts, one line per text")
    p_dump.add_argument("out", type=Path)
    p_dump.add_argument("dirs", nargs="+", type=Path)
    p_agree = sub.add_parser("agree", help="two annotators' labels scored against each other")
    p_agree.add_argument("label")
    p_agree.add_argument("first", type=Path)
    p_agree.add_argument("second", type=Path)
    p_noise = sub.add_parser("noise", help="a row's retrain noise: the filter without a batch")
    p_noise.add_argument("label")
    p_noise.add_argument("tuning", type=Path)
    p_noise.add_argument("dirs", nargs="+", type=Path)
    p_noise.add_argument("--draws", type=int, default=5)
    args = parser.parse_args(argv)
    if args.cmd == "row":
        print(row(args.label, args.dirs))
    elif args.cmd == "agree":
        print(agree(args.label, args.first, args.second))
    elif args.cmd == "langs":
        print(langs(args.dirs))
    elif args.cmd == "noise":
        print(noise(args.label, args.tuning, args.dirs, args.draws))
    else:
        print(f"{dump(args.dirs, args.out)} texts → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
