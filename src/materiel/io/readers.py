"""Streaming readers for CSV files and workbooks, with size and zip-bomb guards.

A :class:`Sheet` is one table to import: a CSV file, or one worksheet of a workbook. It can
be opened more than once (the importer validates in one pass and writes in a second), and
each opening streams its rows without loading the whole file.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from materiel.io.templates import infer_entity

README_SHEET = "README"
#: the hidden sheet of a template workbook holding the dropdown lists
LISTS_SHEET = "_lists"
#: sheets never imported
SKIPPED_SHEETS = frozenset({README_SHEET, LISTS_SHEET.upper()})


@dataclass(frozen=True)
class Limits:
    """Refuse files larger than ``max_bytes``; workbooks that inflate beyond
    ``max_uncompressed`` bytes in total, or any part of which inflates beyond ``max_part``
    bytes or more than ``max_ratio`` times its compressed size (a zip bomb cannot hide behind
    stored padding: the ratio is checked part by part); and imports of more than ``max_rows``
    data rows in all (rows are counted while reading, so a huge sheet stops early)."""

    max_bytes: int = 100 * 1024 * 1024
    max_uncompressed: int = 512 * 1024 * 1024
    max_part: int = 256 * 1024 * 1024
    max_ratio: float = 100.0
    min_bomb_bytes: int = 1024 * 1024  # the ratio test applies to parts above this size
    max_rows: int = 250_000


class FileProblem(Exception):
    """A file that cannot be read at all; the message says why."""


Row = tuple[int, list[Any]]


class Workbooks:
    """Read-only workbooks opened once and shared by every pass over their sheets (loading
    parses shared strings and styles, so it is the slow part); closed at the end."""

    def __init__(self) -> None:
        self._open: dict[Path, Any] = {}
        self.sizes: dict[tuple[Path, str], int | None] = {}

    def get(self, path: Path) -> Any:
        if path not in self._open:
            self._open[path] = _load(path)
        return self._open[path]

    def close(self) -> None:
        for wb in self._open.values():
            wb.close()
        self._open.clear()

    def __enter__(self) -> Workbooks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class Sheet:
    path: Path
    entity: str
    sheet: str | None = None  # worksheet title for workbooks
    books: Workbooks | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        """How messages name this table: ``pledges.csv`` or ``book.xlsx [pledges]``."""
        return f"{self.path.name} [{self.sheet}]" if self.sheet else self.path.name

    def estimate_rows(self) -> int | None:
        """Data rows, approximately (for progress bars)."""
        if self.sheet is None:
            with self.path.open("rb") as f:
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            return max(lines - 1, 0)
        key = (self.path, self.sheet)
        if self.books is not None and key in self.books.sizes:
            return self.books.sizes[key]
        with _workbook(self.path, self.books) as wb:
            rows = wb[self.sheet].max_row  # the sheet's declared dimension, if any
        size = max(int(rows) - 1, 0) if rows else None
        if self.books is not None:
            self.books.sizes[key] = size
        return size

    def formulas_without_value(self) -> dict[tuple[int, int], str]:
        """Formula cells that have no saved result, by (row, column index from 0): a
        workbook written by a program that does not calculate (a script, some converters)
        reads as empty there, which must not pass as an empty cell."""
        if self.sheet is None:
            return {}
        with _workbook(self.path, self.books) as wb:
            ws = wb[self.sheet]
            get_source = getattr(ws, "_get_source", None)
            if get_source is None:  # pragma: no cover - openpyxl internals changed
                return {}
            with get_source() as src:
                if not _mentions_formula(src):
                    return {}
            with get_source() as src:
                return _formula_cells(src)

    @contextmanager
    def open(self) -> Iterator[tuple[list[str], Iterator[Row]]]:
        """The header (row 1) and an iterator of (row number, values) for data rows."""
        if self.sheet is None:
            with _open_csv(self.path) as opened:
                yield opened
        else:
            with _open_sheet(self.path, self.sheet, self.books) as opened:
                yield opened


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _mentions_formula(src: IO[bytes]) -> bool:
    """Whether a sheet's XML has a formula element at all (a fast scan of the bytes)."""
    tail = b""
    for chunk in iter(lambda: src.read(1 << 20), b""):
        block = tail + chunk
        if b"<f>" in block or b"<f " in block or b":f>" in block or b":f " in block:
            return True
        tail = block[-8:]
    return False


def _formula_cells(src: IO[bytes]) -> dict[tuple[int, int], str]:
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple

    found: dict[tuple[int, int], str] = {}
    for _, el in iterparse(src, events=("end",)):
        if el.tag == f"{_MAIN_NS}row":
            el.clear()
            continue
        if el.tag != f"{_MAIN_NS}c":
            continue
        f = el.find(f"{_MAIN_NS}f")
        v = el.find(f"{_MAIN_NS}v")
        ref = el.get("r")
        if f is not None and (v is None or not (v.text or "")) and ref:
            row, col = coordinate_to_tuple(ref)
            found[(row, col - 1)] = "=" + (f.text or "")
        el.clear()
    return found


def _header(values: list[Any]) -> list[str]:
    names = ["" if v is None else str(v).strip().lstrip("\ufeff") for v in values]
    while names and names[-1] == "":
        names.pop()
    return names


def _skip(values: list[Any]) -> bool:
    """Blank rows and comment rows (first cell starting with ``#``) are not data."""
    if all(v is None or (isinstance(v, str) and v.strip() == "") for v in values):
        return True
    first = values[0] if values else None
    return isinstance(first, str) and first.lstrip().startswith("#")


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


@contextmanager
def _open_csv(path: Path) -> Iterator[tuple[list[str], Iterator[Row]]]:
    with path.open("r", encoding="utf-8-sig", newline="") as f:
        try:
            first = f.readline()
        except UnicodeDecodeError:
            raise FileProblem("is not UTF-8 text (save it as 'CSV UTF-8')") from None
        if first.strip() == "":
            raise FileProblem("is empty: row 1 must be the header")
        delimiter = _sniff_delimiter(first)
        header = _header(next(csv.reader(io.StringIO(first), delimiter=delimiter)))

        def rows() -> Iterator[Row]:
            reader = csv.reader(f, delimiter=delimiter)
            n = 1
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError:
                    raise FileProblem(
                        f"row {n + 1}: is not UTF-8 text (save it as 'CSV UTF-8')"
                    ) from None
                except csv.Error as exc:
                    raise FileProblem(f"row {n + 1}: unreadable CSV ({exc})") from None
                n += 1
                if not _skip(list(values)):
                    yield n, list(values)

        yield header, rows()


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuse a workbook that is not a zip or whose uncompressed size is absurd, in total or
    in any one part (sheet, shared strings, ...)."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise FileProblem("is not a valid .xlsx workbook (not a zip archive)") from None
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed:
        raise FileProblem(
            f"refused: the workbook inflates to {total / 1e6:,.0f} MB uncompressed, "
            f"over the limit of {limits.max_uncompressed / 1e6:,.0f} MB (zip bomb guard)"
        )
    for i in infos:
        if i.file_size > limits.max_part:
            raise FileProblem(
                f"refused: the part {i.filename} inflates to {i.file_size / 1e6:,.0f} MB, "
                f"over the limit of {limits.max_part / 1e6:,.0f} MB per part (zip bomb guard)"
            )
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > limits.min_bomb_bytes and ratio > limits.max_ratio:
            raise FileProblem(
                f"refused: the part {i.filename} compresses {ratio:,.0f} to 1, more than "
                f"{limits.max_ratio:,.0f} to 1 (zip bomb guard)"
            )


def _load(path: Path) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem(f"is not a readable .xlsx workbook ({exc})") from None


@contextmanager
def _workbook(path: Path, books: Workbooks | None) -> Iterator[Any]:
    if books is not None:
        yield books.get(path)
        return
    wb = _load(path)
    try:
        yield wb
    finally:
        wb.close()


def sheet_names(path: Path, books: Workbooks | None = None) -> list[str]:
    with _workbook(path, books) as wb:
        return list(wb.sheetnames)


@contextmanager
def _open_sheet(
    path: Path, title: str, books: Workbooks | None
) -> Iterator[tuple[list[str], Iterator[Row]]]:
    with _workbook(path, books) as wb:
        ws = wb[title]
        # the declared dimension may be wrong (some writers put A1:A1): read every row
        ws.reset_dimensions()
        it = ws.iter_rows(values_only=True)
        first = next(it, None)
        if first is None or all(v is None for v in first):
            raise FileProblem("row 1 must be the header (it is empty)")
        header = _header(list(first))

        def rows() -> Iterator[Row]:
            for n, values in enumerate(it, start=2):
                vals = list(values)
                if not _skip(vals):
                    yield n, vals

        yield header, rows()


def discover(
    paths: list[Path], entity: str | None, limits: Limits, books: Workbooks | None = None
) -> tuple[list[Sheet], list[tuple[str, str | None, str]]]:
    """The sheets to import from files and directories, and problems as
    (file, sheet or None, reason)."""
    sheets: list[Sheet] = []
    problems: list[tuple[str, str | None, str]] = []
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.suffix.lower() in (".csv", ".xlsx"))
            if not found:
                problems.append((str(p), None, "directory holds no .csv or .xlsx file"))
            files.extend(found)
        else:
            files.append(p)
    for f in files:
        if not f.is_file():
            problems.append((f.name, None, "file not found"))
            continue
        size = f.stat().st_size
        if size > limits.max_bytes:
            problems.append(
                (
                    f.name,
                    None,
                    f"refused: the file is {size / 1e6:,.1f} MB, over the limit of "
                    f"{limits.max_bytes / 1e6:,.1f} MB",
                )
            )
            continue
        suffix = f.suffix.lower()
        try:
            if suffix == ".csv":
                ent = entity or infer_entity(f.stem)
                if ent is None:
                    problems.append((f.name, None, _unknown_name("file name", f.stem)))
                else:
                    sheets.append(Sheet(f, ent))
            elif suffix in (".xlsx", ".xlsm"):
                check_workbook(f, limits)
                titles = [
                    t for t in sheet_names(f, books) if t.strip().upper() not in SKIPPED_SHEETS
                ]
                if not titles:
                    problems.append((f.name, None, "workbook has no data sheet"))
                for t in titles:
                    if entity is not None and len(titles) == 1:
                        sheets.append(Sheet(f, entity, t, books))
                        continue
                    ent = infer_entity(t)
                    if ent is None:
                        problems.append((f.name, t, _unknown_name("sheet name", t)))
                    elif entity is None or ent == entity:
                        sheets.append(Sheet(f, ent, t, books))
            else:
                problems.append((f.name, None, "unsupported file type (use .csv or .xlsx)"))
        except FileProblem as exc:
            problems.append((f.name, None, str(exc)))
    return sheets, problems


def _unknown_name(what: str, name: str) -> str:
    from materiel.io.templates import ENTITIES

    return (
        f"cannot tell the entity from the {what} {name!r}: name it after one of "
        f"{', '.join(ENTITIES)} (or pass --entity)"
    )
