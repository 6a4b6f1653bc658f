"""Announcement reader quality and speed on the labelled set in tests/ingest_eval/.

The honest figure is the **first run** on a blind batch: the lead scored each batch with the
reader's newest green commit before anyone working on the reader saw the texts. Those scores
are recorded here once (:data:`FIRST_RUNS`, copied from the lead's release notes) and never
recomputed; the tables computed by :func:`run` show the reader as it is now, on texts it was
tuned on.
"""

from __future__ import annotations

import time
from pathlib import Path

from materiel.bench import firstrun
from materiel.ingest.evaluate import (
    STRICT_FUNDS,
    STRICT_NEEDS,
    STRICT_PAIRS,
    STRICT_TRIPLES,
    Evaluation,
    evaluate_dir,
)
from materiel.ingest.extract import Extractor
from materiel.ingest.modality import cross_validate, cv_markdown

#: the goal of issue 15, on the first run of each new blind batch: measure -> (P, R)
GOAL = {
    STRICT_PAIRS: (0.85, 0.75),
    STRICT_TRIPLES: (0.80, 0.70),
    STRICT_NEEDS: (0.75, 0.70),
    STRICT_FUNDS: (0.80, 0.0),
}


def labelled_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "ingest_eval"


#: first-run strict scores of the blind batches (precision / recall), as the lead measured
#: them before release (/work/released/scores.md of the session), and the commit scored
FIRST_RUNS = (
    "| batch | texts | reader commit | strict pledges | strict donor-amount pairs "
    "| strict donor-category-quantity triples | strict needs | strict funds "
    "| false pledges on negatives |\n"
    "|---|---:|---|---|---|---|---|---|---|\n"
    "| batch-1 | 49 | 5418929 (scorer only; the old reader) | 0.340 / 0.208 | 0.333 / 0.364 "
    "| 0.500 / 0.120 | 0.308 / 0.174 | 0.100 / 0.111 | 3 on 8 texts |\n"
    "| batch-2 | 49 | 5418929 (scorer only; the old reader) | 0.064 / 0.041 | 0.500 / 0.158 "
    "| 0.333 / 0.111 | 0.333 / 0.045 | 1.000 / 0.000 | 8 on 9 texts |\n"
    "| batch-3 | 48 | 98ac376 (tuned on batches 1-2 only) | 0.456 / 0.448 | 0.458 / 0.550 "
    "| 0.643 / 0.643 | 0.625 / 0.417 | 0.667 / 0.800 | 7 on 7 texts (in 4) |\n"
    "| batch-4 | 45 | ed644d8 (tuned on batches 1-3 only) | 0.403 / 0.477 | 0.667 / 1.000 "
    "| 0.200 / 0.231 | 0.812 / 0.464 | 0.000 / 0.000 | 8 on 6 texts (in 3) |\n"
    "| lost batch | – | afabb6d (tuned on batches 1-4; a branch lost when its session ended: "
    "not on main, texts not released) | not kept | 0.571 / 0.552 "
    "| 0.500 / 0.462 | 0.545 / 0.400 | 0.200 / 0.167 | 10 |\n"
    "| batch-5 | 51 | a831433 (tuned on batches 1-4) | 0.308 / 0.350 | 0.476 / 0.417 "
    "| 0.250 / 0.333 | 0.409 / 0.562 | 0.667 / 0.444 | 13 on 11 texts (in 6) |\n"
    "| batch-7 | 51 | 75ec157 (tuned on batches 1-4) | 0.307 / 0.466 | 0.484 / 0.682 "
    "| 0.500 / 0.200 | 0.706 / 0.571 | 0.400 / 0.444 | 11 on 16 texts (in 7) |\n"
    "| batch-7 | 51 | a831433 (the reader before this session's tuning; same texts, also unseen) "
    "| 0.299 / 0.448 | 0.517 / 0.682 | 0.400 / 0.200 | 0.667 / 0.476 | 0.400 / 0.444 "
    "| 8 on 16 texts (in 6) |\n"
    "| batch-6 | 56 | 32f727d (final reader of the session, tuned on batches 1-4) "
    "| 0.355 / 0.324 | 0.636 / 0.538 "
    "| 0.643 / 0.273 | 0.889 / 0.533 | 0.400 / 0.667 | 8 on 13 texts (in 4) |\n"
    "| batch-6 | 56 | a831433 (the reader before this session's tuning; same texts, also unseen) "
    "| 0.304 / 0.309 | 0.538 / 0.538 "
    "| 0.474 / 0.273 | 0.889 / 0.533 | 0.250 / 0.333 | 11 on 13 texts (in 5) |\n"
    "| batch-8 | 52 | 32f727d (final reader of the session, tuned on batches 1-4) "
    "| 0.490 / 0.475 | 0.400 / 0.632 "
    "| 0.615 / 0.615 | 0.667 / 0.571 | no funds labelled | 11 on 12 texts (in 5) |\n"
    "| batch-8 | 52 | a831433 (the reader before this session's tuning; same texts, also unseen) "
    "| 0.490 / 0.475 | 0.464 / 0.684 "
    "| 0.571 / 0.615 | 0.636 / 0.500 | no funds labelled | 11 on 12 texts (in 5) |\n"
    "| batch-9 | 50 | 32f727d (final reader; a precision gate tried after it was not kept) "
    "| 0.270 / 0.230 | 0.333 / 0.263 | 0.500 / 0.500 | 0.583 / 0.467 | 1.000 / 0.750 "
    "| 18 on 15 texts (in 6) |\n"
    "| batch-9 | 50 | a831433 (the reader before this session's tuning; same texts, also unseen) "
    "| 0.279 / 0.230 | 0.400 / 0.316 | 0.450 / 0.500 | 0.444 / 0.267 | 1.000 / 0.750 "
    "| 15 on 15 texts (in 6) |\n"
    "| batch-10 | 50 | 0374de3 (the reader as session 4 began, tuned on batches 1-9) "
    "| 0.333 / 0.311 | 0.364 / 0.364 | 1.000 / 0.364 | 0.833 / 0.333 | 0.500 / 0.250 "
    "| 5 on 18 texts (in 4) |\n"
    "| batch-10 | 50 | e4e7a7e (with the modality filter, trained on batches 1-9) "
    "| 0.364 / 0.267 | 0.400 / 0.364 | 1.000 / 0.364 | 0.833 / 0.333 | 0.500 / 0.250 "
    "| 2 on 18 texts (in 2) |\n"
    "| batch-10 | 50 | a831433 (the reader before session 3 tuned it; same texts, also unseen) "
    "| 0.326 / 0.311 | 0.400 / 0.364 | 1.000 / 0.364 | 0.778 / 0.233 | 0.000 / 0.000 "
    "| 4 on 18 texts (in 4) |\n"
    "| batch-11 | 50 | 0374de3 (the reader as session 4 began, tuned on batches 1-9) "
    "| 0.176 / 0.211 | 0.391 / 0.474 | 0.222 / 0.200 | 0.833 / 0.588 | 0.500 / 0.375 "
    "| 12 on 15 texts (in 7) |\n"
    "| batch-11 | 50 | e4e7a7e (with the modality filter, trained on batches 1-9) "
    "| 0.204 / 0.193 | 0.381 / 0.421 | 0.143 / 0.100 | 0.833 / 0.588 | 0.500 / 0.375 "
    "| 8 on 15 texts (in 5) |\n"
    "| batch-11 | 50 | a831433 (the reader before session 3 tuned it; same texts, also unseen) "
    "| 0.155 / 0.193 | 0.375 / 0.474 | 0.143 / 0.100 | 0.875 / 0.412 | 0.429 / 0.375 "
    "| 14 on 15 texts (in 7) |\n"
    "| batch-12 | 50 | 0374de3 (the reader as session 4 began, tuned on batches 1-9) "
    "| 0.203 / 0.232 | 0.333 / 0.417 | 0.500 / 0.350 | 1.000 / 0.353 | 1.000 / 0.250 "
    "| 12 on 16 texts (in 5) |\n"
    "| batch-12 | 50 | e4e7a7e (with the modality filter, trained on batches 1-9) "
    "| 0.213 / 0.179 | 0.357 / 0.417 | 0.500 / 0.350 | 1.000 / 0.353 | 1.000 / 0.250 "
    "| 12 on 16 texts (in 5) |\n"
    "| batch-12 | 50 | a831433 (the reader before session 3 tuned it; same texts, also unseen) "
    "| 0.197 / 0.232 | 0.333 / 0.417 | 0.500 / 0.350 | 1.000 / 0.294 | 1.000 / 0.250 "
    "| 13 on 16 texts (in 5) |\n"
    "| batch-13 | 50 | fcaf0e4 (the modality filter retrained on batches 1-12) "
    "| 0.279 / 0.243 | 0.250 / 0.250 | 0.471 / 0.296 | 0.500 / 0.207 | 0.333 / 0.333 "
    "| 4 on 14 texts (in 3) |\n"
    "| batch-13 | 50 | bba7fde (final reader of session 4: recall work on batches 10-12) "
    "| 0.290 / 0.257 | 0.250 / 0.250 | 0.526 / 0.370 | 0.571 / 0.276 | 0.333 / 0.333 "
    "| 4 on 14 texts (in 3) |\n"
    "| batch-13 | 50 | a831433 (the reader before session 3 tuned it; same texts, also unseen) "
    "| 0.243 / 0.243 | 0.174 / 0.200 | 0.471 / 0.296 | 0.556 / 0.172 | 0.333 / 0.167 "
    "| 8 on 14 texts (in 5) |\n"
    "| batch-14 | 50 | fcaf0e4 (the modality filter retrained on batches 1-12) "
    "| 0.422 / 0.319 | 0.733 / 0.379 | 0.556 / 0.375 | 0.389 / 0.269 | 0.000 / 0.000 "
    "| 12 on 11 texts (in 4) |\n"
    "| batch-14 | 50 | bba7fde (final reader of session 4: recall work on batches 10-12) "
    "| 0.416 / 0.311 | 0.733 / 0.379 | 0.536 / 0.375 | 0.368 / 0.269 | 0.000 / 0.000 "
    "| 12 on 11 texts (in 4) |\n"
    "| batch-14 | 50 | a831433 (the reader before session 3 tuned it; same texts, also unseen) "
    "| 0.415 / 0.326 | 0.688 / 0.379 | 0.571 / 0.400 | 0.412 / 0.269 | 0.000 / 0.000 "
    "| 12 on 11 texts (in 4) |\n"
    "| batch-15 | 50 | 757675b (the reader as session 5 began, tuned on batches 1-14) | "
    "0.500 / 0.341 | 0.375 / 0.250 | 0.667 / 0.438 | 0.538 / 0.333 | 1.000 / 0.600 | 6 on "
    "13 texts (in 4) |\n"
    "| batch-16 | 50 | 757675b (the reader as session 5 began, tuned on batches 1-14) | "
    "0.321 / 0.305 | 0.562 / 0.429 | 0.400 / 0.400 | 0.750 / 0.400 | 0.400 / 0.667 | 8 on "
    "12 texts (in 6) |\n"
    "| batch-17 | 54 | 757675b (the reader as session 5 began, tuned on batches 1-14) | "
    "0.429 / 0.278 | 0.562 / 0.360 | 0.467 / 0.280 | 0.667 / 0.385 | 1.000 / 0.400 | 4 on "
    "15 texts (in 3) |\n"
    "| batch-15 | 50 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.422 / 0.318 | 0.273 / 0.250 | 0.619 / 0.406 | 1.000 / 0.190 | 1.000 / "
    "0.600 | 9 on 13 texts (in 4) |\n"
    "| batch-16 | 50 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.276 / 0.271 | 0.538 / 0.333 | 0.455 / 0.500 | 0.750 / 0.200 | 0.400 / "
    "0.667 | 8 on 12 texts (in 6) |\n"
    "| batch-17 | 54 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.319 / 0.227 | 0.500 / 0.360 | 0.368 / 0.280 | 0.643 / 0.346 | 0.667 / "
    "0.400 | 7 on 15 texts (in 5) |\n"
    "| batch-18 | 51 | 757675b (the reader as session 5 began, tuned on batches 1-14) | "
    "0.364 / 0.312 | 0.267 / 0.444 | 1.000 / 0.211 | 0.455 / 0.294 | 0.429 / 1.000 | 13 on "
    "13 texts (in 6) |\n"
    "| batch-19 | 50 | 757675b (the reader as session 5 began, tuned on batches 1-14) | "
    "0.319 / 0.338 | 0.583 / 0.538 | 0.364 / 0.444 | 0.545 / 0.400 | 1.000 / 0.500 | 22 on "
    "14 texts (in 7) |\n"
    "| batch-18 | 51 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.385 / 0.391 | 0.286 / 0.444 | 0.700 / 0.368 | 0.750 / 0.176 | 0.375 / "
    "1.000 | 16 on 13 texts (in 6) |\n"
    "| batch-19 | 50 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.354 / 0.354 | 0.615 / 0.615 | 0.500 / 0.556 | 0.667 / 0.267 | 1.000 / "
    "0.500 | 15 on 14 texts (in 6) |\n"
    "| batch-15 | 50 | a2ced91 (this session's merged reader: donor carry-over, quantity "
    "binding, needs by speaker, 25 languages; tuned on batches 1-14) | 0.492 / 0.376 | "
    "0.300 / 0.250 | 0.667 / 0.438 | 0.700 / 0.333 | 0.750 / 0.600 | 7 on 13 texts (in 4) "
    "|\n"
    "| batch-16 | 50 | a2ced91 (this session's merged reader: donor carry-over, quantity "
    "binding, needs by speaker, 25 languages; tuned on batches 1-14) | 0.375 / 0.407 | "
    "0.600 / 0.571 | 0.364 / 0.400 | 0.833 / 0.333 | 0.333 / 0.667 | 9 on 12 texts (in 6) "
    "|\n"
    "| batch-17 | 54 | a2ced91 (this session's merged reader: donor carry-over, quantity "
    "binding, needs by speaker, 25 languages; tuned on batches 1-14) | 0.449 / 0.320 | "
    "0.632 / 0.480 | 0.526 / 0.400 | 0.900 / 0.346 | 0.500 / 0.600 | 4 on 15 texts (in 3) "
    "|\n"
    "| batch-18 | 51 | a2ced91 (this session's merged reader: donor carry-over, quantity "
    "binding, needs by speaker, 25 languages; tuned on batches 1-14) | 0.364 / 0.375 | "
    "0.188 / 0.333 | 0.700 / 0.368 | 0.429 / 0.176 | 0.429 / 1.000 | 14 on 13 texts (in 6) "
    "|\n"
    "| batch-19 | 50 | a2ced91 (this session's merged reader: donor carry-over, quantity "
    "binding, needs by speaker, 25 languages; tuned on batches 1-14) | 0.316 / 0.369 | "
    "0.615 / 0.615 | 0.333 / 0.444 | 0.714 / 0.333 | 0.333 / 0.500 | 27 on 14 texts (in 7) "
    "|\n"
    "| batch-20 | 50 | e51b1b5 (the reader as session 6 began, tuned on batches 1-17) | "
    "0.580 / 0.449 | 0.714 / 0.625 | 0.444 / 0.333 | 0.778 / 0.583 | 0.333 / 0.200 | 4 on "
    "13 texts (in 4) |\n"
    "| batch-21 | 50 | e51b1b5 (the reader as session 6 began, tuned on batches 1-17) | "
    "0.327 / 0.327 | 0.474 / 0.562 | 0.545 / 0.333 | 0.778 / 0.467 | 0.000 / 0.000 | 6 on "
    "13 texts (in 6) |\n"
    "| batch-20 | 50 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.520 / 0.438 | 0.533 / 0.500 | 0.450 / 0.375 | 1.000 / 0.583 | 0.333 / "
    "0.200 | 5 on 13 texts (in 4) |\n"
    "| batch-21 | 50 | a831433 (the reader before session 3 tuned it; same texts, also "
    "unseen) | 0.274 / 0.327 | 0.444 / 0.500 | 0.474 / 0.500 | 0.333 / 0.267 | 1.000 / "
    "0.000 | 7 on 13 texts (in 7) |\n"
    "| batch-20 | 50 | d6eae3a (session 6's merged reader: negatives, money, items, needs, "
    "agents, vague multiples; tuned on batches 1-17, checked on 18-19) | 0.556 / 0.393 | "
    "0.600 / 0.562 | 0.500 / 0.375 | 0.750 / 0.500 | 0.333 / 0.200 | 5 on 13 texts (in 5) "
    "|\n"
    "| batch-21 | 50 | d6eae3a (session 6's merged reader: negatives, money, items, needs, "
    "agents, vague multiples; tuned on batches 1-17, checked on 18-19) | 0.377 / 0.385 | "
    "0.556 / 0.625 | 0.636 / 0.389 | 0.778 / 0.467 | 0.000 / 0.000 | 3 on 13 texts (in 3) |\n"
    "| batch-22 | 50 | e51b1b5 (the reader as session 6 began, tuned on batches 1-17) | "
    "0.319 / 0.309 | 0.500 / 0.300 | 0.611 / 0.478 | 0.875 / 0.500 | 0.500 / 0.500 | 16 on "
    "12 texts (in 5) |\n"
    "| batch-23 | 50 | e51b1b5 (the reader as session 6 began, tuned on batches 1-17) | "
    "0.295 / 0.295 | 0.500 / 0.429 | 0.545 / 0.261 | 0.750 / 0.188 | 1.000 / 0.375 | 5 on "
    "14 texts (in 5) |\n"
    "| batch-22 | 50 | 9aa8563 (session 6's final reader: merged rules, filter retrained on"
    " batches 1-19) | 0.363 / 0.351 | 0.583 / 0.350 | 0.650 / 0.565 | 0.889 / 0.571 | 0.500"
    " / 0.250 | 15 on 12 texts (in 5) |\n"
    "| batch-23 | 50 | 9aa8563 (session 6's final reader: merged rules, filter retrained on"
    " batches 1-19) | 0.322 / 0.311 | 0.500 / 0.429 | 0.417 / 0.217 | 0.833 / 0.312 | 1.000"
    " / 0.375 | 3 on 14 texts (in 3) |\n"
    "| batch-24 | 40 | d8a230a (the reader as session 7 began, tuned on batches 1-19) | "
    "0.315 / 0.347 | 0.667 / 0.600 | 0.200 / 0.143 | 0.714 / 0.833 | 0.600 / 0.600 | 15 on "
    "13 texts (in 5) |\n"
    "| batch-25 | 41 | d8a230a (the reader as session 7 began, tuned on batches 1-19) | "
    "0.660 / 0.437 | 0.769 / 0.833 | 0.800 / 0.308 | 0.500 / 0.571 | 1.000 / 1.000 | 3 on "
    "11 texts (in 3) |\n"
    "| batch-26 | 40 | d8a230a (the reader as session 7 began, tuned on batches 1-19) | "
    "0.576 / 0.422 | 0.700 / 0.538 | 0.000 / 0.000 | 1.000 / 0.444 | 1.000 / 0.000 | 3 on "
    "15 texts (in 2) |\n"
    "| batch-27 | 40 | d8a230a (the reader as session 7 began, tuned on batches 1-19) | "
    "0.456 / 0.325 | 0.500 / 0.385 | 0.647 / 0.314 | 0.500 / 0.667 | 0.000 / 1.000 | 5 on "
    "10 texts (in 3) |\n"
    "| batch-28 | 40 | d8a230a (the reader as session 7 began, tuned on batches 1-19) | "
    "0.427 / 0.444 | 0.529 / 0.600 | 0.667 / 0.500 | 0.667 / 0.462 | 1.000 / 1.000 | 10 on "
    "14 texts (in 5) |\n"
    "| batch-29 | 40 | d8a230a (the reader as session 7 began, tuned on batches 1-19) | "
    "0.321 / 0.298 | 0.643 / 0.450 | 0.231 / 0.429 | 0.455 / 0.312 | 0.200 / 1.000 | 8 on "
    "9 texts (in 3) |\n"
    "| batch-22 | 50 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.421 / 0.426 | 0.556 / 0.500 | 0.700 / 0.609 | 0.889 / "
    "0.571 | 0.500 / 0.250 | 15 on 12 texts (in 6) |\n"
    "| batch-23 | 50 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.288 / 0.311 | 0.571 / 0.571 | 0.429 / 0.261 | 0.857 / "
    "0.375 | 1.000 / 0.375 | 5 on 14 texts (in 4) |\n"
    "| batch-24 | 40 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.291 / 0.327 | 0.600 / 0.600 | 0.200 / 0.143 | 0.714 / "
    "0.833 | 0.600 / 0.600 | 15 on 13 texts (in 5) |\n"
    "| batch-25 | 41 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.640 / 0.451 | 0.733 / 0.917 | 0.667 / 0.308 | 0.500 / "
    "0.571 | 1.000 / 1.000 | 4 on 11 texts (in 3) |\n"
    "| batch-26 | 40 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.595 / 0.489 | 0.700 / 0.538 | 0.000 / 0.000 | 1.000 / "
    "0.444 | 0.000 / 0.000 | 4 on 15 texts (in 3) |\n"
    "| batch-27 | 40 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.418 / 0.350 | 0.583 / 0.538 | 0.688 / 0.314 | 0.500 / "
    "0.667 | 0.000 / 1.000 | 8 on 10 texts (in 4) |\n"
    "| batch-28 | 40 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.416 / 0.444 | 0.529 / 0.600 | 0.684 / 0.542 | 0.667 / "
    "0.462 | 1.000 / 1.000 | 10 on 14 texts (in 4) |\n"
    "| batch-29 | 40 | eb306f0 (session 7's final reader: other-language lexicons; filter "
    "retrained on batches 1-21) | 0.310 / 0.316 | 0.588 / 0.500 | 0.231 / 0.429 | 0.500 / "
    "0.375 | 0.200 / 1.000 | 9 on 9 texts (in 3) |\n"
    "| batch-30 | 40 | c51cf82 (the reader as session 8 began, tuned on batches 1-21) | "
    "0.338 / 0.512 | 0.667 / 0.706 | 0.375 / 0.600 | 0.667 / 0.400 | 0.500 / 0.200 | 9 on "
    "10 texts (in 4) |\n"
    "| batch-31 | 40 | c51cf82 (the reader as session 8 began, tuned on batches 1-21) | "
    "0.608 / 0.574 | 0.739 / 0.810 | 0.500 / 0.125 | 0.500 / 0.444 | 0.000 / 0.000 | 0 on "
    "9 texts (in 0) |\n"
    "| batch-30 | 40 | 7ccc201 (session 8's final reader: speed, per-family cues, five "
    "general rules; tuned on batches 1-23) | 0.328 / 0.512 | 0.632 / 0.706 | 0.375 / 0.600 "
    "| 0.667 / 0.400 | 0.500 / 0.200 | 10 on 10 texts (in 5) |\n"
    "| batch-31 | 40 | 7ccc201 (session 8's final reader: speed, per-family cues, five "
    "general rules; tuned on batches 1-23) | 0.608 / 0.574 | 0.739 / 0.810 | 0.500 / 0.125 "
    "| 0.500 / 0.444 | 0.000 / 0.000 | 0 on 9 texts (in 0) |\n"
    "| batch-32 | 40 | ee0b050 (session 8's final reader, labelled at the session's end) "
    "| 0.455 / 0.568 | 0.455 / 0.625 | 0.455 / 0.455 | 1.000 / 0.400 | 0.400 / 0.667 | 2 on "
    "11 texts (in 2) |\n"
    "| batch-33 | 40 | ee0b050 (session 8's final reader, labelled at the session's end) "
    "| 0.565 / 0.388 | 0.615 / 0.500 | 0.778 / 0.467 | 0.000 / 0.000 | 0.000 / 1.000 | 5 on "
    "10 texts (in 2) |\n"
    "| batch-34 | 30 | e13a717 (the reader as session 9 began, tuned on batches 1-23) | "
    "0.488 / 0.345 | 0.364 / 0.333 | 0.727 / 0.667 | 0.000 / 0.000 | 0.500 / 0.750 | 3 on 6 "
    "texts (in 3) |\n"
    "| batch-35 | 30 | e13a717 (the reader as session 9 began, tuned on batches 1-23) | "
    "0.480 / 0.353 | 0.800 / 0.727 | 0.667 / 0.667 | 0.500 / 0.167 | 1.000 / 1.000 | 4 on 11 "
    "texts (in 3) |\n"
    "| batch-34 | 30 | d95ca7a (session 9: the modality filter reads words; chosen on batches "
    "1-23) | 0.474 / 0.310 | 0.364 / 0.333 | 0.727 / 0.667 | 0.000 / 0.000 | 0.500 / 0.750 "
    "| 3 on 6 texts (in 3) |\n"
    "| batch-35 | 30 | d95ca7a (session 9: the modality filter reads words; chosen on batches "
    "1-23) | 0.556 / 0.441 | 0.818 / 0.818 | 0.667 / 0.667 | 0.500 / 0.167 | 1.000 / 1.000 "
    "| 3 on 11 texts (in 2) |\n"
    "| batch-36 | 35 | e13a717 (the reader as session 9 began, tuned on batches 1-23) | "
    "0.500 / 0.333 | 0.583 / 0.583 | 0.800 / 0.571 | 0.833 / 0.600 | 0.800 / 0.667 | 1 on 9 "
    "texts (in 1) |\n"
    "| batch-37 | 35 | e13a717 (the reader as session 9 began, tuned on batches 1-23) | "
    "0.385 / 0.366 | 0.750 / 0.600 | 0.500 / 0.444 | 0.727 / 0.400 | 0.500 / 0.200 | 4 on 9 "
    "texts (in 3) |\n"
    "| batch-36 | 35 | 52c3687 (session 9's final reader: the word filter trained on batches "
    "1-25) | 0.565 / 0.333 | 0.583 / 0.583 | 0.667 / 0.571 | 0.833 / 0.600 | 0.800 / 0.667 "
    "| 2 on 9 texts (in 2) |\n"
    "| batch-37 | 35 | 52c3687 (session 9's final reader: the word filter trained on batches "
    "1-25) | 0.424 / 0.341 | 0.750 / 0.600 | 0.500 / 0.444 | 0.727 / 0.400 | 0.500 / 0.200 "
    "| 5 on 9 texts (in 4) |\n"
    "| batch-38 | 20 | e13a717 (the reader as session 9 began, tuned on batches 1-23) | "
    "0.244 / 0.370 | 0.500 / 0.375 | 0.200 / 0.143 | 0.500 / 0.333 | 0.500 / 1.000 | 1 on 4 "
    "texts (in 1) |\n"
    "| batch-39 | 30 | e13a717 (the reader as session 9 began, tuned on batches 1-23) | "
    "0.464 / 0.464 | 0.600 / 0.750 | 0.700 / 0.778 | 0.833 / 0.556 | 1.000 / 0.333 | 2 on 7 "
    "texts (in 1) |\n"
    "| batch-38 | 20 | 246dc6a (session 9's final reader: the word filter trained on batches "
    "1-27) | 0.357 / 0.370 | 0.500 / 0.375 | 0.200 / 0.143 | 0.500 / 0.333 | 0.500 / 1.000 "
    "| 1 on 4 texts (in 1) |\n"
    "| batch-39 | 30 | 246dc6a (session 9's final reader: the word filter trained on batches "
    "1-27) | 0.542 / 0.464 | 0.600 / 0.750 | 0.700 / 0.778 | 0.833 / 0.556 | 1.000 / 0.333 "
    "| 1 on 7 texts (in 1) |\n"
    "| batch-40 | 34 | 285c35d (the reader as session 10 began, tuned on batches 1-27) | "
    "0.341 / 0.269 | 0.533 / 0.533 | 0.200 / 0.200 | 0.556 / 0.500 | 0.600 / 0.600 | 3 on 8 "
    "texts (in 3) |\n"
    "| batch-41 | 20 | 285c35d (the reader as session 10 began, tuned on batches 1-27) | "
    "0.074 / 0.111 | 0.250 / 0.333 | 0.000 / 0.000 | 0.857 / 0.750 | 1.000 / 0.500 | 2 on 4 "
    "texts (in 1) |\n"
    "| batch-40 | 34 | d341019 (the filter retrained on batches 1-29) | 0.368 / 0.269 | "
    "0.533 / 0.533 | 0.200 / 0.200 | 0.556 / 0.500 | 0.600 / 0.600 | 2 on 8 texts (in 2) |\n"
    "| batch-41 | 20 | d341019 (the filter retrained on batches 1-29) | 0.080 / 0.111 | "
    "0.250 / 0.333 | 0.000 / 0.000 | 0.857 / 0.750 | 1.000 / 0.500 | 2 on 4 texts (in 1) |\n"
    "| batch-42 | 33 | 285c35d (the reader as session 10 began, tuned on batches 1-27) | "
    "0.429 / 0.439 | 0.600 / 0.545 | 0.500 / 0.545 | 0.375 / 0.214 | 1.000 / 0.000 | 7 on 8 "
    "texts (in 4) |\n"
    "| batch-43 | 33 | 285c35d (the reader as session 10 began, tuned on batches 1-27) | "
    "0.054 / 0.100 | 0.056 / 0.125 | 0.273 / 0.429 | 0.800 / 0.500 | 0.500 / 0.200 | 3 on 9 "
    "texts (in 3) |\n"
    "| batch-42 | 33 | df29ad4 (more forms of asking; filter retrained on batches 1-29) | "
    "0.429 / 0.439 | 0.600 / 0.545 | 0.500 / 0.545 | 0.375 / 0.214 | 1.000 / 0.000 | 7 on 8 "
    "texts (in 4) |\n"
    "| batch-43 | 33 | df29ad4 (more forms of asking; filter retrained on batches 1-29) | "
    "0.054 / 0.100 | 0.056 / 0.125 | 0.273 / 0.429 | 0.800 / 0.500 | 0.500 / 0.200 | 3 on 9 "
    "texts (in 3) |"
)
#: batches 1 and 2 were released before the rewritten reader was committed; its score on
#: them, measured once before any rule was changed for them, is a second honest estimate
UNTUNED_RUNS = (
    "| batch | reader commit | strict pledges | strict donor-amount pairs "
    "| strict donor-category-quantity triples | strict needs | strict funds "
    "| false pledges on negatives |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| batch-1 | 22ec6a5 (rewritten reader, before tuning on batches 1-2) | 0.293 / 0.286 "
    "| 0.400 / 0.545 | 0.357 / 0.200 | 0.533 / 0.348 | 0.375 / 0.333 | 9 on 8 texts |\n"
    "| batch-2 | 22ec6a5 (rewritten reader, before tuning on batches 1-2) | 0.239 / 0.284 "
    "| 0.533 / 0.421 | 0.350 / 0.389 | 0.600 / 0.136 | 0.500 / 0.400 | 12 on 9 texts |"
)


#: what the first runs of batches 5-9 showed (written by hand when they were scored)
FIRST_RUN_NOTES = (
    "Batches 5–8 (210 real excerpts the reader was never tuned on: EN 75, DE 57, FR 45, 19 "
    "other languages; 52 negatives), scored together with the session's final reader 32f727d — "
    "batches 6 and 8 were strict first runs; on 5 and 7 its author saw only aggregate scores, "
    "never texts or errors: strict pledges 0.382 / 0.410, donor-amount pairs 0.500 / 0.577, "
    "donor-category-quantity triples 0.534 / 0.383, needs 0.613 / 0.576, funds 0.476 / 0.476, "
    "40 false pledges on 52 negative texts. The reader before this session's tuning (a831433) "
    "on the same texts: 0.357 / 0.401, 0.495 / 0.577, 0.456 / 0.383, 0.596 / 0.515, 0.450 / "
    "0.429, 43 false pledges. **The goal of issue 15 is not met**: rules tuned on earlier "
    "batches gain much on those (see the reader's before/after below) and little on new text; a"
    " logistic-regression filter trained on three batches and tested on the fourth did not beat"
    ' the rules either. Batch 9 (50 more texts, labelled after a clause-level "agent gate" for '
    "precision was tried and rejected on batches 1–6 with 7–8 held out) scored lower still on "
    "its first run: pairs 0.333 / 0.263, triples 0.500 / 0.500, 18 false pledges on 15 negative"
    " texts.\n\n"
    "Batches 10–12 (150 real excerpts labelled in session 4 by three people who never saw the "
    "reader: EN 30, DE 34, FR 32, 54 in 21 other languages; 49 negatives) were scored before any"
    " of them was released, with the reader as the session began (0374de3) and with the "
    "modality filter (e4e7a7e, chosen by leave-one-batch-out on batches 1–9 below). Pooled, "
    "0374de3: strict pledges 0.224 / 0.247, pairs 0.367 / 0.429, triples 0.481 / 0.317, needs "
    "0.867 / 0.406, funds 0.556 / 0.312, 29 false pledges on 49 negatives; e4e7a7e: 0.246 / "
    "0.209, 0.378 / 0.405, 0.480 / 0.293, 0.867 / 0.406, 0.556 / 0.312, 22 false pledges. The "
    "filter's cross-validated estimate (60 → 22 false pledges on batches 1–9, below) overstated"
    " its effect on new text (29 → 22), and it costs a little recall. **The goal of issue 15 is"
    " not met.** A second annotator labelled 36 of these texts (12 per batch, drawn at random)"
    " without seeing the first labels; scored with the same strict scorer "
    "(`materiel read --evaluate tests/ingest_eval --against tests/ingest_eval/agreement`), the "
    "two agree on pairs 1.000 / 1.000, triples 0.833 / 0.833, needs 0.962 / 1.000, strict "
    "pledges 0.867 / 0.897, funds 0.600 / 1.000, 0 false pledges on 14 negatives — against the"
    " reader's (0374de3) 0.300 / 0.333, 0.500 / 0.250, 0.786 / 0.440, 0.150 / 0.207, "
    "0.000 / 0.000 and 7"
    " on the same texts: the labels are consistent and the goal is within people's reach.\n\n"
    "Batches 13–14 (100 more excerpts by two new labellers: EN 29, DE 23, FR 20, 28 in 12 "
    "other languages; 25 negatives; b14 mostly official press releases and package lists) "
    "were scored before release with the reader after batches 10–12 were released and the "
    "filter retrained (fcaf0e4) and with the session's final reader (bba7fde: need requests "
    "in many languages, country and item names in other languages, the recipient receiving; "
    "tuned by looking at batches 10–12 only). Pooled, fcaf0e4: strict pledges 0.368 / 0.293, "
    "pairs 0.457 / 0.327, triples 0.523 / 0.343, needs 0.433 / 0.236, funds 0.250 / 0.250, 16 "
    "false pledges on 25 negatives; bba7fde: 0.368 / 0.293, 0.457 / 0.327, 0.532 / 0.373, "
    "0.455 / 0.273, 0.250 / 0.250, 16. On batches 10–12, where it was tuned, the same change "
    "took needs recall from 0.41 to 0.58 and triples recall from 0.32 to 0.42: again most of "
    "a tuned gain does not carry to new text. **The goal of issue 15 is not met**, by far.\n\n"
    "Batches 15–19 (255 excerpts by five new labellers in session 5: EN 79, DE 59, FR 50, 67 "
    "in 14 other languages; 67 texts with nothing to extract; 29 donor states) were scored "
    "before release with "
    "the reader as the session began (757675b), with the untuned baseline (a831433) and with "
    "the session's merged reader (a2ced91: donor carry-over and passive agents, number-item "
    "binding and coordination, needs only where the recipient asks or speaks, numbers and "
    "vocabulary of 25 languages, joint sums as pools; tuned on batches 1–14). Batches 15–17 "
    "pooled (154 texts), 757675b → a2ced91: strict pledges 0.418 / 0.307 → 0.439 / 0.361, "
    "pairs 0.525 / 0.362 → 0.551 / 0.466, triples 0.543 / 0.373 → 0.549 / 0.418, needs "
    "0.639 / 0.371 → 0.808 / 0.339, funds 0.700 / 0.538 → 0.500 / 0.615, false pledges on 40 "
    "negatives 18 → 20 (a831433: 0.340 / 0.270, 0.452 / 0.328, 0.490 / 0.373, 0.727 / 0.258, "
    "0.636 / 0.538, 24). Batches 18–19 pooled (101 texts, labelled after 15–17 and by then "
    "harder to find unused stories for): 757675b → a2ced91: pledges 0.339 / 0.326 → 0.338 / "
    "0.372, pairs 0.407 / 0.500 → 0.379 / 0.500, triples 0.533 / 0.286 → 0.500 / 0.393, needs "
    "0.500 / 0.344 → 0.571 / 0.250, funds 0.500 / 0.800 → 0.400 / 0.800, false pledges on 27 "
    "negatives 35 → 41; the untuned a831433 scores 0.369 / 0.372, 0.444 / 0.545, 0.600 / "
    "0.429, 0.700 / 0.219, 0.444 / 0.800, 31 on the same texts. On the tuning set the same "
    "merge took triples recall from 0.54 to 0.62 and needs precision from 0.68 to 0.88; on "
    "new text recall gains partly carry over, precision does not, and false pledges on "
    "negatives rise. Counts are small (22–67 labelled pairs or triples per pool), so "
    "differences of a few hundredths are noise. **The goal of issue 15 is not met**, by far. "
    "Session 6: four rule areas (false pledges on negatives, donor-amount links, items and "
    "quantity binding, needs) were written from the errors of batches 1–17 only and checked "
    "on the aggregate of the held-out batches 18–19 (at most five runs each, no text read); "
    "two new blind batches, 20 and 21 (100 texts, 26 negatives), were labelled meanwhile and "
    "scored before any change landed. On the tuning set the merged reader went from strict "
    "pairs 0.591 / 0.588 to 0.724 / 0.652, triples 0.689 / 0.593 to 0.769 / 0.667, needs "
    "0.874 / 0.548 to 0.887 / 0.599 and false pledges on 215 negatives from 62 to 24. On "
    "batches 18–19 (checked, not tuned on) almost nothing moved: pairs 0.379 / 0.500 → "
    "0.429 / 0.545, triples 0.522 / 0.429 → 0.480 / 0.429, needs 0.571 / 0.250 → 0.533 / "
    "0.250, 38 → 38 false pledges on 27 negatives. On batches 20–21 pooled (e51b1b5 → "
    "d6eae3a): pledges 0.471 / 0.404 → 0.474 / 0.390, pairs 0.576 / 0.594 → 0.576 / 0.594 "
    "(19 of 33 predicted, 32 labelled, before and after), triples 0.483 / 0.333 → 0.552 / "
    "0.381, needs 0.778 / 0.519 → 0.765 / 0.481, funds 0.167 / 0.125 both, false pledges on "
    "26 negatives 10 → 8. The rules fixed what the tuning texts say and little of what new "
    "texts say: the tuning-set figures are not estimates of the reader on new text. Two more "
    "blind batches, 22 and 23 (100 texts, 26 negatives), were labelled after the merge and "
    "scored once with the session's final reader (9aa8563, filter retrained on batches "
    "1–19) and with e51b1b5: pooled pledges 0.309 / 0.303 → 0.347 / 0.335, pairs 0.500 / "
    "0.333 → 0.556 / 0.370, triples 0.586 / 0.370 → 0.562 / 0.391, needs 0.833 / 0.333 → "
    "0.867 / 0.433, funds 0.714 / 0.417 → 0.800 / 0.333, false pledges on 26 negatives 21 "
    "→ 18.\n\n"
    "Session 7 released batches 20–21 for tuning, had six new blind batches labelled (24–29, "
    "241 texts, 72 negatives; EN 79, DE 49, FR 49, 64 in 23 other languages) and scored each "
    "with the reader as the session began (d8a230a) before any change landed. The session's "
    "work was mostly vocabulary of the languages other than English, German and French "
    "(materiel.ingest.lexicon, written by three helpers from the languages, checked on the "
    "tuning texts with English, German and French output held byte-identical), where the "
    "reader's recall had been half its recall elsewhere. Held-out batches 22–29 pooled (341 "
    "texts, 98 negatives), d8a230a → eb306f0 (final): strict pledges 0.414 / 0.367 → 0.410 "
    "/ 0.391, pairs 0.615 / 0.509 → 0.604 / 0.582, triples 0.510 / 0.355 → 0.520 / 0.376, "
    "needs 0.661 / 0.471 → 0.672 / 0.494, funds 0.556 / 0.476 → 0.526 / 0.476, false "
    "pledges on negatives 62 → 70. In the 85 held-out texts in other languages: pledges "
    "0.33 / 0.15 → 0.33 / 0.25, pairs 0.67 / 0.16 → 0.50 / 0.36 (4 → 9 of 25), triples 0 → "
    "3 of 18, needs 1 → 3 of 8, false pledges 14 → 22; English and German did not move, "
    "French pairs 0.52 / 0.48 → 0.58 / 0.60. The vocabulary's recall carried over to new "
    "text; its false pledges on negatives did too, and the helpers' second round, which took "
    "the tuning set's false pledges in these languages from 32 to 19, did not lower them on "
    "new text. On the tuning set (1108 texts): pairs 0.689 / 0.641 → 0.700 / 0.680, triples "
    "0.735 / 0.628 → 0.743 / 0.662, needs 0.861 / 0.566 → 0.847 / 0.624, false pledges on "
    "259 negatives 61 → 54. **The goal of issue 15 is not met**, by far.\n\n"
    "Session 8 had two new blind batches labelled (30–31, 80 texts, 19 negatives; EN 32, DE "
    "16, FR 16, 16 in 10 other languages; disjoint donors) and scored both with the reader as "
    "the session began (c51cf82) before any change; then released batches 22–23 for tuning "
    "(1208 texts). Its work: reading speed (30 → 17 ms of CPU per labelled text; the "
    "patterns a text cannot match are skipped by their literal prefixes, output byte-"
    "identical in English, German and French), the other languages' cue and function words "
    "compiled per language family, and five general rules from batches 22–23's errors (a "
    "group's name before a singular noun, shoulder-launched missiles, the recipient's "
    "spokesmen by name, a sum before a pool's name, items for another state's forces). "
    "Held-out batches 24–31 pooled (321 texts, 91 negatives), c51cf82 → 7ccc201 (final): "
    "strict pledges 0.437 / 0.427 → 0.436 / 0.427, pairs 0.648 / 0.653 → 0.645 / 0.661, "
    "triples 0.465 / 0.354 → 0.465 / 0.354, needs 0.597 / 0.487 → 0.597 / 0.487, funds "
    "0.389 / 0.412 → 0.389 / 0.412, false pledges on negatives 59 → 61: the rules did not "
    "move new text. On the tuning set (1208): pairs 0.694 / 0.674 (unchanged), triples 0.730 "
    "/ 0.642 → 0.731 / 0.644, needs 0.848 / 0.614 → 0.852 / 0.621, 72 false pledges on 294 "
    "negatives (unchanged). **The goal of issue 15 is not met.** Two more blind batches (32–33, "
    "80 texts, 21 negatives; disjoint donors) were labelled at the session's end and first-"
    "run with the final reader (ee0b050, the same reader as 7ccc201): pooled strict pledges "
    "0.505 / 0.459, pairs 0.542 / 0.542, triples 0.600 / 0.462, needs 0.286 / 0.200, funds "
    "0.333 / 0.667, 7 false pledges on 21 negatives.\n\n"
    "Session 9 gave the modality filter words (the words of a pledge's clause, sentence and "
    "title, and for the text model those of the title and the whole text, regularised apart "
    "from the cues, C = 1; thresholds 0.02 / 0.3 and text 0.3), chosen by leave-one-batch-out "
    "on batches 1–23 alone (below) before any held-out batch was scored. Then, once, on the "
    "held-out batches 24–33 (401 texts, 112 negatives; filter trained on the tuning set), "
    "the shipped filter → words: strict pledges 0.448 / 0.433 → 0.459 / 0.392, pairs 0.628 / "
    "0.641 → 0.620 / 0.641, triples 0.491 / 0.374 → 0.505 / 0.388, needs and funds unchanged "
    "(the filter reads pledges only), false pledges on negatives 68 → 53: fewer false pledges "
    "on negatives for a few strict pledges without figures. Two new blind batches (34–35, 30 "
    "texts each, 17 negatives; the labellers stopped at 30 when their time ran out, and b35 "
    "has only 6 main donors, see their SUMMARY.md) were first-run with the reader as the "
    "session began (e13a717) and with d95ca7a: pooled strict pledges 0.485 / 0.348 → 0.508 "
    "/ 0.359, pairs 0.571 / 0.522 → 0.591 / 0.565, triples 0.714 / 0.667 (both), needs "
    "0.167 / 0.125 (both), funds 0.571 / 0.800 (both), false pledges on 17 negatives 7 → 6. "
    "Batches 24–25 were then released for tuning (1289 texts) and the filter retrained: on "
    "the tuning set pairs 0.720 / 0.677, triples 0.739 / 0.623, needs 0.841 / 0.623, 27 false "
    "pledges on 318 negatives (in-sample, and the filter now reads words: optimistic). "
    "Two more blind batches (36–37, 35 texts each, 18 negatives, more needs and funds on "
    "purpose) were labelled during the session and first-run with e13a717 and with the final "
    "reader 52c3687: pooled strict pledges 0.431 / 0.350 → 0.482 / 0.338, pairs 0.667 / "
    "0.593 (both), triples 0.615 / 0.500 → 0.571 / 0.500, needs 0.793 / 0.511 (both), funds "
    "0.714 / 0.455 (both), false pledges on negatives 5 → 7. Over the four new batches 34–37 "
    "(130 texts, 35 negatives), e13a717 → 52c3687: strict pledges 0.458 / 0.349 → 0.496 / "
    "0.349, pairs 0.622 / 0.560 → 0.630 / 0.580, triples 0.667 / 0.581 → 0.643 / 0.581, "
    "false pledges 12 → 13: on fresh text the word filter's gain on negatives (68 → 53 on "
    "batches 24–33) does not show; it is kept for its precision on strict pledges, and the "
    "next session should weigh it again on new batches. Batches 26–27 were then released too "
    "(1369 texts) and the filter retrained: on the tuning set pairs 0.711 / 0.669, triples "
    "0.734 / 0.605, needs 0.836 / 0.620, 34 false pledges on 343 negatives (in-sample). "
    "Two last blind batches (38: 20 texts, its labeller's time ran out; 39: 30 texts; 11 "
    "negatives) were first-run with e13a717 and with that final reader, 246dc6a: pooled "
    "strict pledges 0.333 / 0.418 → 0.442 / 0.418, pairs 0.545 / 0.500, triples 0.533 / "
    "0.500, needs 0.700 / 0.467, funds 0.667 / 0.500 (all four unchanged), false pledges on "
    "negatives 3 → 2. Over the six batches new this session (34–39, 180 texts, 46 "
    "negatives) the session's change left false pledges on negatives where they were (15 → "
    "15) and raised the precision of strict pledges. "
    "Session 10 began by releasing batches 28–29 (1449 texts) and retraining the filter: on "
    "the tuning set pairs 0.700 / 0.660, triples 0.724 / 0.601, needs 0.821 / 0.608, "
    "38 false pledges on 366 negatives (in-sample). "
    "**The goal of issue 15 is not met.**"
)


#: how the modality filter was chosen (issue 15, reader15 session)
CV_NOTES = (
    "Since session 9 the filter also reads words; the table below is the filter as shipped "
    "now, and the session 9 paragraph at its end says how the words were chosen. As first "
    "built (session 4), "
    "the modality filter (`materiel.ingest.modality`) was two logistic regressions over binary"
    " modality-cue features (no word of any text was a feature): a pledge model (about 280 "
    "features: the cues of the pledge's clause, its modal part of the sentence, the sentence,"
    " the previous sentence and the title; the share of the text's sentences with each cue; "
    "the draft's shape) drops a pledge below p = 0.02 (with a quantity or amount) or 0.1 "
    "(without), and a text model (the text's cue shares, title cues and counts) drops every "
    "pledge of a text it finds negative with p >= 0.5. It was chosen by leave-one-batch-out "
    "cross-validation: for each blind batch bN, both models are trained on every other "
    "labelled text (the other batches and the first 52) and bN's pledges are filtered "
    "with them; `rules` is the reader without the filter on the same texts (it was tuned on "
    "some of them, so both rows are optimistic for the rules; the difference is the filter's "
    "held-out effect). These are cross-validation numbers, not first runs; the table is "
    "recomputed over every released batch (batches 10–14 were added after their first run, "
    "above, and the shipped weights are retrained on all of them), while the decisions below "
    "were taken on batches 1–9 alone, before batches 10–14 existed. Decisions taken on"
    " the pooled rows (pooled false pledges on negatives, strict pairs P / R, strict triples "
    "P / R): the rules alone 60, 0.571 / 0.600, 0.633 / 0.508; word uni- and bigram bags "
    "instead of cue features (C = 1, threshold 0.4) 51, 0.594 / 0.548, 0.641 / 0.497, and "
    "character 4-grams (C = 0.3, 0.4) 48, 0.586 / 0.548: rejected; the pledge model alone "
    "with C = 1 and one threshold 0.2: 36, 0.591 / 0.568; C = 10 with one threshold 0.1: 24, "
    "0.620 / 0.568 (over the 0.02 recall budget); C = 10 with thresholds 0.02 / 0.1: 29, "
    "0.595 / 0.587, 0.657 / 0.503; adding the text model (C = 1, p >= 0.5; 0.3 to 0.6 give 21"
    " to 24): 22, 0.607 / 0.587, 0.664 / 0.497 (shipped). By language (pooled held-out, rules"
    " -> rules + filter; false pledges on negatives, strict pairs P / R): English 165 texts "
    "32 -> 14, 0.602 / 0.757 -> 0.640 / 0.743; German 120 texts 21 -> 2, 0.556 / 0.606 -> "
    "0.633 / 0.576; French 109 texts 6 -> 5, pairs unchanged; in the 57 texts in other "
    "languages the filter removed no false pledge and cost strict pledges (recall 0.158 -> "
    "0.105), so it now reads only texts in English, German or French (strict pledges pooled "
    "0.525 / 0.429 -> 0.528 / 0.434, nothing else changed). Nested check of the choice itself"
    " (for each held-out batch, C, both pledge thresholds and the text model on/off chosen by"
    " an inner leave-one-batch-out on the other eight batches only, grid C 3/10, thresholds "
    "0.02/0.05 and 0.1/0.2, text model p >= 0.5 or off; the text model was chosen in all nine"
    " folds): pooled 24 false pledges on negatives, strict pairs 0.603 / 0.587, triples 0.659"
    " / 0.497, strict pledges 0.523 / 0.430, so the shipped settings' 22, 0.607 / 0.587, "
    "0.664 / 0.497 owe little to choosing them on the same rows. Per batch the filter is not "
    "a gain everywhere: in batch 5 it costs two strict pairs and one triple, in batch 6 one "
    "triple; over the nine batches it loses 2 of 93 matched strict pairs, 2 of 93 triples and"
    " 21 of 326 strict pledges (most without a figure), and removes 125 of 703 predicted "
    "pledges (104 of them not strictly right, 38 of them the 60 false pledges on negatives). "
    "Also tried and not kept: features of the donor's mentions (31 false pledges, no recall "
    "gain), the cues of the first three sentences (31) or of the next sentence (29), C = 30 "
    "or 100 (25 or 23 but pairs recall 0.574 or 0.548). Funds are not filtered (8 wrong fund "
    "drafts in 503 texts: too few to learn from). `python -m materiel.ingest.modality cv "
    "tests/ingest_eval` prints this table; no labelled text was read while building the "
    "filter (only aggregate scores and the evaluator's list of negative files with false "
    "pledges). Session 6 tried and rejected a **figure filter** on top: two more logistic "
    "regressions (the same cues in a 60-character window around the figure's own mention, "
    "money lexicons such as budget, loan, per year, per cent, each, the figure's magnitude, "
    "currency and how many drafts share it, then also the four words either side) that say "
    "whether a pledge's amount and its quantity are labelled and remove the figure when not. "
    "Leave-one-batch-out over batches 1-17 (strict pairs P / R, strict triples P / R): "
    "without it 0.560 / 0.556, 0.649 / 0.553; C = 0.3 with threshold 0.2 0.601 / 0.539, "
    "0.662 / 0.542; threshold 0.3 0.629 / 0.513, 0.671 / 0.531; C = 1 with 0.3 0.651 / "
    "0.490, 0.687 / 0.478; with the window's words 0.606 / 0.536 and 0.637 / 0.513 at 0.2 and "
    "0.3. Every setting buys precision with as much recall (F1 unchanged within 0.01) and "
    "strict pledges lose recall, so it is not shipped. Session 7 tried the words of the "
    "draft's clause as features beside the cues (leave-one-batch-out over batches 1-21, 1056 "
    "texts; pooled strict pledges, pairs, triples P / R and false pledges on 264 negatives): "
    "the shipped filter 0.535 / 0.509, 0.670 / 0.617, 0.705 / 0.610, 79; clause words seen in "
    "5+ texts, C = 10: 0.555 / 0.473, 0.672 / 0.595, 0.702 / 0.593, 72; the same with C = 1: "
    "0.531 / 0.510, 0.662 / 0.617, 0.706 / 0.612, 88; the sentence's words too (10+ texts, "
    "C = 1): 0.535 / 0.504, 0.658 / 0.612, 0.711 / 0.610, 85. Words trade recall for "
    "precision or add false pledges: not shipped.\n\n"
    "Session 9 (leave-one-batch-out over batches 1–23, 1208 texts, 290 negatives; pooled "
    "strict pledges, pairs, triples P / R, false pledges on negatives; the fit is now L-BFGS "
    "with the word features regularised apart from the cues): the shipped cue filter "
    "(thresholds 0.02 / 0.1, text 0.5) 0.522 / 0.524, 0.668 / 0.644, 0.702 / 0.601, 92; the "
    "same with thresholds 0.02 / 0.3, text 0.3: 0.543 / 0.491, 0.673 / 0.642, 0.698 / 0.580, "
    "76. With words (clause, sentence and title words for the pledge model; title and whole-"
    "text words for the text model; words seen in 2+ rows; C = 10 for the cues, 1 for the "
    "words) at 0.02 / 0.1, text 0.5: 0.544 / 0.524, 0.680 / 0.647, 0.700 / 0.612, 84; at "
    "0.02 / 0.3, text 0.3 (shipped): 0.568 / 0.503, 0.680 / 0.647, 0.700 / 0.612, 66; at 0.1 "
    "/ 0.3, text 0.3: 0.573 / 0.496, 0.703 / 0.634, 0.707 / 0.595, 63 (triples F1 lower). "
    "Also tried: the words' C = 3 (pairs 0.691 / 0.644 at 0.02 / 0.1, 68–70 false "
    "pledges at 0.3), the text model's words' C = 3 (68), clause words alone in the pledge "
    "model with no text words (C = 0.3: 90 at 0.02 / 0.1, text 0.5), the clause and sentence "
    "without the title (70 at 0.02 / 0.3, text 0.3), the previous sentence's words too (71), "
    "only the title's words in the text model (57, but pairs 0.687 / 0.639 and triples 0.707 "
    "/ 0.595: recall lost) or only the whole text's (67); text words with the cue-only pledge "
    "model (99 and 101 at text 0.5: false pledges added). The held-out check "
    "of the choice is in the first-run notes above."
)


def subset(directory: Path, prefix: str) -> Evaluation:
    """The labelled texts whose file names start with ``prefix``, scored alone."""
    return firstrun.score_files(sorted(directory.glob(f"{prefix}*.json")))


def _strict_row(name: str, ev: Evaluation) -> str:
    cells = [name, str(ev.files), *firstrun.strict_cells(ev)]
    cells.append(f"{ev.false_pledges_on_negatives} on {ev.negative_texts} texts")
    return "| " + " | ".join(cells) + " |"


def speed(extractor: Extractor, texts: list[str]) -> tuple[float, float, float]:
    """(ms per labelled text, ms for a 100 kB text, ms for a 1 MB text) of CPU time (the
    machine is shared, so wall time under load overstates it): reading is linear."""
    t0 = time.process_time()
    for t in texts:
        extractor.read(t)
    per_text = (time.process_time() - t0) * 1000 / max(1, len(texts))
    corpus = "\n\n".join(texts)
    big = (corpus * (1 + 1_000_000 // max(1, len(corpus))))[:1_000_000]
    t0 = time.process_time()
    extractor.read(big[:100_000])
    t100k = (time.process_time() - t0) * 1000
    t0 = time.process_time()
    extractor.read(big)
    t1m = (time.process_time() - t0) * 1000
    return per_text, t100k, t1m


def run() -> str:
    import json

    directory = labelled_dir()
    ex = Extractor()
    ev = evaluate_dir(directory, ex)
    texts = [json.loads(p.read_text())["text"] for p in sorted(directory.glob("*.json"))]
    per_text, t100k, t1m = speed(ex, texts)
    batches = sorted(
        {p.name.split("-", 1)[0] for p in directory.glob("b[0-9]*-*.json")},
        key=lambda b: int(b[1:]),
    )
    rows = [_strict_row(f"{b} (now)", subset(directory, f"{b}-")) for b in batches]
    goal_lines = [
        f"- {k}: precision ≥ {p}" + (f", recall ≥ {r}" if r else "") for k, (p, r) in GOAL.items()
    ]
    return "\n".join(
        [
            "## Ingest: reading announcements",
            "",
            f"`materiel read --evaluate tests/ingest_eval`: {ev.files} labelled texts (the first "
            "52 written for the first reader, then the released blind batches `bN-*`: real "
            "public excerpts in English, German, French and a few other languages). Reading "
            f"speed on this machine (CPU time): {per_text:.1f} ms per labelled text "
            "(goal < 20 ms); "
            f"a 100 kB text {t100k:.0f} ms, a 1 MB text {t1m:.0f} ms (linear in the text's size).",
            "",
            "### First runs on blind batches (the honest estimate for new texts)",
            "",
            "Goal of issue 15 on each new blind batch's first run:",
            "",
            *goal_lines,
            "- zero false pledges on negative texts",
            "",
            "Precision / recall of the strict measures (every field, calibre both ways, "
            "evidence overlapping the label; duplicates count as false positives):",
            "",
            FIRST_RUNS,
            "",
            FIRST_RUN_NOTES,
            "",
            UNTUNED_RUNS,
            "",
            "### Leave-one-batch-out cross-validation of the modality filter (not first runs)",
            "",
            CV_NOTES,
            "",
            cv_markdown(cross_validate(directory)),
            "",
            "### All labelled texts now (tuned on: optimistic)",
            "",
            ev.markdown(),
            "",
            f"Negative texts: {ev.negative_texts}; false pledges on them: "
            f"{ev.false_pledges_on_negatives}.",
            "",
            "| subset | texts | strict pledges | strict donor-amount pairs "
            "| strict donor-category-quantity triples | strict needs | strict funds "
            "| false pledges on negatives |",
            "|---|---:|---|---|---|---|---|---|",
            *rows,
        ]
    )
