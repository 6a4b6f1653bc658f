"""Announcement reader quality and speed on the labelled set in tests/ingest_eval/."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from materiel.ingest.evaluate import Evaluation, evaluate_dir
from materiel.ingest.extract import Extractor

GOAL = {
    "donor-amount pairs": (0.85, 0.75),
    "donor-category-quantity triples": (0.85, 0.75),
}


def labelled_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "ingest_eval"


#: first runs of the texts written after the rules were frozen, before any rule was changed
#: in response to them (measured once, by hand; the honest estimate for new texts)
FIRST_RUNS = (
    "| subset | texts | donor-amount pairs P / R | donor-category-quantity triples P / R |\n"
    "|---|---:|---|---|\n"
    "| holdout-* (first run) | 6 | 1.000 / 1.000 (4 of 4) | 0.800 / 0.800 (4 of 5) |\n"
    "| blind-* (first run) | 13 | 1.000 / 0.714 (5 of 7) | 0.900 / 0.562 (9 of 16) |"
)


def subset(directory: Path, prefix: str) -> Evaluation:
    """The labelled texts whose file names start with ``prefix``, scored alone."""
    with tempfile.TemporaryDirectory() as tmp:
        for p in directory.glob(f"{prefix}*.json"):
            shutil.copy(p, tmp)
        return evaluate_dir(Path(tmp), Extractor())


def run() -> str:
    directory = labelled_dir()
    t0 = time.perf_counter()
    ev = evaluate_dir(directory, Extractor())
    seconds = time.perf_counter() - t0
    blind = subset(directory, "blind-")
    goal_lines = []
    for k, (p, r) in GOAL.items():
        s = ev.scores[k]
        ok = s.precision >= p and s.recall >= r
        goal_lines.append(
            f"- {k}: precision {s.precision:.3f} (goal ≥ {p}), recall {s.recall:.3f} "
            f"(goal ≥ {r}) — {'met' if ok else 'NOT met'}"
        )
    return "\n".join(
        [
            "## Ingest: reading announcements",
            "",
            f"`materiel read --evaluate tests/ingest_eval`: {ev.files} labelled texts written from "
            "public announcements (US drawdown packages, German, British, Dutch, Danish, Nordic, "
            "Czech, EU EPF/ASAP, NSPA, contact-group meetings, cumulative totals, needs); "
            f"{seconds * 1000 / ev.files:.1f} ms per text on this machine.",
            "",
            ev.markdown(),
            "",
            *goal_lines,
            "",
            "The rules were written while looking at the first 33 texts, so the table above is "
            "optimistic. Two later batches were labelled before the reader ever saw them; their "
            "first runs are the honest estimate for new texts:",
            "",
            FIRST_RUNS,
            "",
            "Failures on the blind batch led to general rule changes (leaders' names as donors, "
            '"in total" as a package value unless in the perfect tense, "bringing X to €Y" as '
            'a past total, "large-calibre" ammunition, generic "funds" after a named donor); '
            f"the {blind.files} blind texts now score:",
            "",
            blind.markdown(),
        ]
    )
