"""Coverage-guided fuzzing of the importers and the text reader with atheris.

    python tests/fuzz/atheris_importers.py -max_total_time=300 [corpus_dir]

Each input becomes a .csv, .xlsx or text file (.txt/.html/.pdf) and is imported into a
seeded SQLite database. A crash is an unhandled exception, or a refused import that
changed a row count or the audit head. Run by tests/test_hardening_fuzz.py when
MATERIEL_FUZZ_SECONDS is set (not part of the normal suite).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris
from sqlalchemy import func, select

from materiel import migrations
from materiel.api.testing import seed
from materiel.db import get_engine, read_session
from materiel.ops.backup import data_tables
from materiel.services import chain_head

with atheris.instrument_imports(include=["materiel.io", "materiel.ingest", "pypdf"]):
    from materiel.ingest import Extractor
    from materiel.ingest.text import read_source
    from materiel.io import import_files

WORK = Path(tempfile.mkdtemp(prefix="materiel-fuzz-"))
ENGINE = get_engine(WORK / "fuzz.db", fresh=True)
migrations.upgrade(ENGINE)
seed(ENGINE)
EXTRACTOR = Extractor()
NAMES = ["needs.csv", "pledges.csv", "stock_reports.csv", "book.xlsx"]
TEXTS = ["a.txt", "a.html", "a.pdf"]
HEADER = b"ref,recipient_code,item_code,quantity,priority,needed_by,stated_on,source,note\n"


def state() -> tuple[list[int], str | None]:
    with read_session(ENGINE) as s:
        counts = [int(s.scalar(select(func.count()).select_from(t)) or 0) for t in data_tables()]
        return counts, chain_head(s)


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, len(NAMES) + len(TEXTS) - 1)
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    if choice < len(NAMES):
        name = NAMES[choice]
        if choice == 0 and not body.startswith(b"ref"):
            body = HEADER + body
        path = WORK / name
        path.write_bytes(body)
        before = state()
        result = import_files(ENGINE, [path])
        if not result.ok and state() != before:
            raise AssertionError(f"a refused import wrote something: {result.issues[:3]}")
        for issue in result.issues:
            if not issue.reason or path.name not in issue.file:
                raise AssertionError(f"unclear issue: {issue}")
        return
    path = WORK / TEXTS[choice - len(NAMES)]
    path.write_bytes(body)
    try:
        text = read_source(path)
    except Exception as exc:  # the CLI reports these as "cannot read the file (...)"
        if type(exc).__module__.startswith("pypdf"):
            return
        raise
    EXTRACTOR.read(text)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
