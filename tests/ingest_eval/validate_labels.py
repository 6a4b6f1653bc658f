"""Check a folder of newly labelled texts before it is scored (the labellers' validator).

    python tests/ingest_eval/validate_labels.py FOLDER [KNOWN_URLS]

Every file: the keys of ../shared/ingest-eval/README.md plus ``lang`` and ``kind``; a text of
300-2,600 characters; every evidence an exact substring of the text; categories, calibres,
ISO codes, positive numbers and currencies as the conventions in README.md say; no url used
by an earlier batch (every labelled file under tests/ingest_eval, or the urls listed one per
line in KNOWN_URLS) or twice in the folder. Prints one line per problem and a count; exits 1
when there is any problem. Uses nothing but the standard library (labellers do not install
the project)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

#: materiel.records.catalogue.CATEGORIES (tests/test_ingest_label_validator.py holds them equal)
CATEGORIES = {
    "artillery-ammunition",
    "artillery-system",
    "rocket-artillery-system",
    "rocket-artillery-ammunition",
    "air-defence-system",
    "air-defence-missile",
    "anti-tank-weapon",
    "main-battle-tank",
    "armoured-vehicle",
    "small-arms",
    "small-arms-ammunition",
    "drone",
    "aircraft",
    "helicopter",
    "naval",
    "vehicle",
    "demining",
    "medical",
    "other-military",
    "unspecified",
}
KINDS = {"package", "delivery", "contract", "fund", "need", "meeting", "negative", "mixed"}
CODE = re.compile(r"[A-Z]{3}")
HERE = Path(__file__).resolve().parent


def known_urls(listing: Path | None) -> set[str]:
    if listing is not None:
        return set(listing.read_text(encoding="utf-8").split())
    urls = set()
    for f in HERE.rglob("*.json"):
        data = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("url"):
            urls.add(data["url"])
    return urls


def _row_problems(kind: str, i: int, r: dict[str, Any], text: str) -> list[str]:
    where = f"{kind}[{i}]"
    out = []
    if r.get("category") not in CATEGORIES:
        out.append(f"{where} category {r.get('category')!r}")
    if not r.get("evidence") or r["evidence"] not in text:
        out.append(f"{where} evidence not an exact substring of text: {r.get('evidence')!r}")
    calibre = r.get("caliber")
    if calibre is not None and not re.fullmatch(r"\d+(\.\d+)?mm", str(calibre)):
        out.append(f"{where} caliber {calibre!r}")
    for name in ("quantity", "amount"):
        v = r.get(name)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float) or v <= 0):
            out.append(f"{where} {name} {v!r}")
    if r.get("quantity") is not None and not isinstance(r["quantity"], int):
        out.append(f"{where} quantity not an integer")
    if kind == "pledges" and not CODE.fullmatch(str(r.get("donor"))):
        out.append(f"{where} donor {r.get('donor')!r}")
    if kind in ("pledges", "needs") and not CODE.fullmatch(str(r.get("recipient"))):
        out.append(f"{where} recipient {r.get('recipient')!r}")
    if (
        kind in ("pledges", "funds")
        and r.get("amount") is not None
        and not CODE.fullmatch(str(r.get("currency")))
    ):
        out.append(f"{where} currency {r.get('currency')!r}")
    if kind == "funds" and r.get("amount") is None:
        out.append(f"{where} fund without amount")
    return out


def problems(path: Path, known: set[str], seen: dict[str, str]) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"not JSON: {exc}"]
    keys = ("url", "date", "text", "expected", "lang", "kind")
    out = [f"missing key {k}" for k in keys if k not in data]
    text = str(data.get("text") or "")
    if not 300 <= len(text) <= 2600:
        out.append(f"text length {len(text)} (300-2,500)")
    if data.get("kind") not in KINDS:
        out.append(f"kind {data.get('kind')!r}")
    date = data.get("date")
    if date is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(date)):
        out.append("date not YYYY-MM-DD")
    url = data.get("url")
    if url in known:
        out.append(f"url already used in an earlier batch: {url}")
    if url and url in seen:
        out.append(f"url repeated in this batch (also {seen[url]})")
    if url:
        seen[url] = path.name
    expected = data.get("expected") or {}
    if set(expected) != {"pledges", "funds", "needs"}:
        out.append(f"expected keys {sorted(expected)}")
    for kind in ("pledges", "funds", "needs"):
        for i, row in enumerate(expected.get(kind) or []):
            out += _row_problems(kind, i, row, text)
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    known = known_urls(Path(argv[1]) if len(argv) > 1 else None)
    files = sorted(folder.glob("*.json"))
    seen: dict[str, str] = {}
    count = 0
    for f in files:
        for p in problems(f, known, seen):
            print(f"{f.name}: {p}")
            count += 1
    print(f"{len(files)} files, {count} problems")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
