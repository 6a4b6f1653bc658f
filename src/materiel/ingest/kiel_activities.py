"""The Kiel tracker's row-level data: the Main Database workbook's bilateral assistance sheet
(one row per aid activity or sub-activity) and CSV files with the same columns.

Columns are found by name, not position (case, spaces and punctuation ignored), with the
names older releases used; only the donor, the type of aid and a value in EUR are required:

=====================  ===============================================================
field                  column names (first found wins)
=====================  ===============================================================
activity id            ID, activity_id
donor                  donor, Countries, country
donor code             iso, countrycode, country_code (else the donor's name resolves)
type of aid            aid_type_general, Type of Aid General (military, financial,
                       humanitarian)
specific type          aid_type_specific, Type of Aid Specific
measure                measure (Allocation or Commitment; without the column, as in
                       releases before allocations were tracked: Commitment)
item                   item, item_type, explanation
quantity               item_number, item_numb, number_of_items, quantity
quantity delivered     item_numb_deliv, quantity_delivered
value (EUR)            tot_sub_activity_value_EUR_redistr, tot_sub_activity_value_EUR,
                       tot_sub_activity_value_EUR_OLD, value_eur
activity value (EUR)   tot_activity_value_EUR, activity_value_eur (else the row's value)
date                   announcement_date, date
month                  month: the tracker's month counter (January 2022 = 1, 0 = unknown);
                       a calendar month 1-12 when the file also has a ``year`` column
month known            month_exists_dummy (0 = the month is not known)
source                 Source of Aid 1-4, source, sources
=====================  ===============================================================

How the tracker's per-donor totals are formed from the rows (and checked against the totals
it publishes): **allocations** are the sum of the row values of allocation rows;
**commitments** the sum of the activity values over all rows (an activity's value is given on
its first row; an allocation is also part of its activity's commitment).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from materiel.ingest import nations as nat
from materiel.io.checks import Issue, Issues
from materiel.io.readers import FileProblem, Limits, check_workbook
from materiel.services.rules import CONTROL_CHARS

MAIN_SHEET = "Bilateral Assistance, MAIN DATA"
SUMMARY_PREFIX = "country summary"
AID_TYPES = ("military", "financial", "humanitarian")
MEASURES = ("allocation", "commitment")
#: donor names of the tracker that name EU institutions and instruments, or differ from
#: ISO names
DONOR_NAMES: dict[str, str] = {
    "eu (commission and council)": nat.EU_CODE,
    "eu": nat.EU_CODE,
    "european union": nat.EU_CODE,
    "european peace facility": nat.EU_CODE,
    "european investment bank": nat.EU_CODE,
    "turkiye": "TUR",
    "türkiye": "TUR",
    "turkey": "TUR",
    "south korea": "KOR",
    "taiwan": "TWN",
    "czech republic": "CZE",
    "czechia": "CZE",
    "slovak republic": "SVK",
    "united kingdom": "GBR",
    "united states": "USA",
}
ISO_NAMES = {"EU": nat.EU_CODE, "EUU": nat.EU_CODE}

#: field → header names, most preferred first
COLUMNS: dict[str, tuple[str, ...]] = {
    "activity_id": ("id", "activity_id", "activity_no"),
    "donor": ("donor", "countries", "country", "donor_country"),
    "iso": ("iso", "iso3", "countrycode", "country_code", "donor_iso"),
    "aid_type": ("aid_type_general", "type_of_aid_general", "aid_type"),
    "aid_type_specific": ("aid_type_specific", "type_of_aid_specific"),
    "measure": ("measure",),
    "item": ("item", "item_type", "explanation", "item_description"),
    "quantity": ("item_number", "item_numb", "number_of_items", "quantity"),
    "quantity_delivered": ("item_numb_deliv", "item_number_delivered", "quantity_delivered"),
    "value_eur": (
        "tot_sub_activity_value_eur_redistr",
        "tot_sub_activity_value_eur",
        "tot_sub_activity_value_eur_old",
        "value_eur",
    ),
    "activity_value_eur": ("tot_activity_value_eur", "activity_value_eur"),
    "announcement_date": ("announcement_date", "date", "announced_on"),
    "month": ("month",),
    "year": ("year",),
    "month_known": ("month_exists_dummy",),
}
REQUIRED = ("donor", "aid_type", "value_eur")
_SOURCE_RE = re.compile(r"^(source_of_aid(_\d+)?|sources?(_\d+)?)$")
_MISSING = {"", ".", "na", "n/a", "nan", "-", "none"}
#: the tracker's month counter starts here (1 = January 2022)
COUNTER_START = (2022, 1)


class KielLayoutError(ValueError):
    """Row-level data that cannot be imported; ``issues`` name file, sheet, row, column."""

    def __init__(self, issues: Issues):
        self.issues = issues
        first = issues.items[0] if issues.items else None
        more = f" ({issues.total} problems in all)" if issues.total > 1 else ""
        super().__init__(f"{first}{more}; nothing was imported")


def normalise(name: Any) -> str:
    """A header name for matching: lower case, runs of other characters as ``_``."""
    return re.sub(r"[^0-9a-z]+", "_", str(name or "").strip().lower()).strip("_")


@dataclass
class ActivityData:
    """Checked activity rows and published per-donor totals of one file."""

    file: str
    sheet: str | None
    sha256: str
    rows: list[dict[str, Any]]
    totals: list[dict[str, Any]] = field(default_factory=list)
    totals_sheet: str | None = None
    notes: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field → header used

    @property
    def label(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file


# -- values ------------------------------------------------------------------------------


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = CONTROL_CHARS.sub(" ", str(v)).strip()
    return s or None


def _number(v: Any) -> float | None:
    """A number cell; None for the tracker's placeholders of a missing value."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    s = str(v).strip()
    if s.lower() in _MISSING:
        return None
    return float(s.replace("_", ""))  # raises ValueError: reported by the caller


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y")


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = str(v).strip()
    if s.lower() in _MISSING:
        return None
    s = s.split("T")[0].split(" 00:00")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{v!r} is not a date (YYYY-MM-DD or DD.MM.YYYY)")


def donor_code(name: str | None, iso: str | None) -> str | None:
    """The nation code of a tracker donor (EU institutions and instruments: EUU)."""
    if iso:
        code = ISO_NAMES.get(iso.strip().upper())
        if code:
            return code
        found = nat.resolve(iso)
        if len(found) == 1:
            return found[0]
    if not name:
        return None
    key = " ".join(name.split()).casefold()
    if key in DONOR_NAMES:
        return DONOR_NAMES[key]
    found = nat.resolve(name)
    return found[0] if len(found) == 1 else None


def month_of_counter(counter: int) -> tuple[int, int]:
    """(year, month) of the tracker's month counter (1 = January 2022)."""
    y0, m0 = COUNTER_START
    k = (y0 * 12 + m0 - 1) + counter - 1
    return k // 12, k % 12 + 1


# -- reading ----------------------------------------------------------------------------


def _layout(header: list[Any]) -> tuple[dict[str, int], list[int], list[str]]:
    """field → column index, the source columns, and the required fields missing."""
    names = [normalise(h) for h in header]
    found: dict[str, int] = {}
    for fld, candidates in COLUMNS.items():
        for cand in candidates:
            if cand in names:
                found[fld] = names.index(cand)
                break
    sources = [i for i, n in enumerate(names) if _SOURCE_RE.match(n)]
    missing = [f for f in REQUIRED if f not in found]
    return found, sources, missing


def _rows_of_csv(path: Path) -> tuple[list[Any], Iterator[tuple[int, list[Any]]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem("is not UTF-8 text (save it as 'CSV UTF-8')") from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        raise FileProblem("is empty: row 1 must be the header")
    return header, ((n, row) for n, row in enumerate(reader, start=2))


def _sheet_title(titles: list[str]) -> str | None:
    for t in titles:
        if normalise(t) == normalise(MAIN_SHEET):
            return t
    for t in titles:
        n = normalise(t)
        if "bilateral" in n and "main" in n:
            return t
    return None


def read_activities(path: Path, *, sheet: str | None = None, cap: int = 50) -> ActivityData:
    """Read and check a Main Database workbook or an activity CSV; raises
    :class:`KielLayoutError` listing every problem (file, sheet, row, column, reason)."""
    path = Path(path)
    issues = Issues(cap)
    if not path.is_file():
        issues.add(path.name, None, None, "file not found")
        raise KielLayoutError(issues)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_workbook(path, sheet, digest, issues)
        data = ActivityData(path.name, None, digest, [])
        header, rows = _rows_of_csv(path)
        _read_rows(data, header, rows, issues)
    except FileProblem as exc:
        issues.add(path.name, None, None, str(exc), sheet)
    if issues.total:
        raise KielLayoutError(issues)
    return data


def _read_workbook(path: Path, sheet: str | None, digest: str, issues: Issues) -> ActivityData:
    import openpyxl

    check_workbook(path, Limits())
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        titles = list(wb.sheetnames)
        title = sheet if sheet in titles else _sheet_title(titles) if sheet is None else None
        if title is None:
            wanted = f"sheet {sheet!r}" if sheet else f"a sheet named {MAIN_SHEET!r}"
            raise FileProblem(f"has no {wanted} (sheets: {', '.join(titles)})")
        ws = wb[title]
        ws.reset_dimensions()
        it = ws.iter_rows(values_only=True)
        header = list(next(it, None) or [])
        data = ActivityData(path.name, title, digest, [])
        _read_rows(data, header, ((n, list(r)) for n, r in enumerate(it, start=2)), issues)
        summary = next((t for t in titles if normalise(t).startswith("country_summary")), None)
        if summary is not None:
            data.totals_sheet = summary
            data.totals = _read_summary(path.name, summary, wb[summary], issues)
    finally:
        wb.close()
    if issues.total:
        raise KielLayoutError(issues)
    return data


def _read_rows(
    data: ActivityData,
    header: list[Any],
    rows: Iterator[tuple[int, list[Any]]],
    issues: Issues,
) -> None:
    found, sources, missing = _layout(header)
    data.columns = {f: str(header[i]) for f, i in found.items()}
    where = (data.file, data.sheet)
    if missing:
        names = "; ".join(f"{f} ({' or '.join(COLUMNS[f])})" for f in missing)
        issues.add(where[0], 1, ", ".join(missing), f"missing column(s): {names}", where[1])
        return
    if "measure" not in found:
        data.notes.append(
            "no measure column (a layout from before allocations were tracked): every row "
            "is taken as a commitment"
        )
    counter = "month" in found and "year" not in found
    for n, values in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        rec = _row(n, values, found, sources, counter, data, issues)
        if rec is not None:
            data.rows.append(rec)
    if not data.rows and not issues.total:
        data.notes.append("the sheet holds no activity rows")


def _row(
    n: int,
    values: list[Any],
    found: dict[str, int],
    sources: list[int],
    counter: bool,
    data: ActivityData,
    issues: Issues,
) -> dict[str, Any] | None:
    def cell(fld: str) -> Any:
        i = found.get(fld)
        return values[i] if i is not None and i < len(values) else None

    def bad(fld: str, reason: str) -> None:
        issues.add(data.file, n, data.columns.get(fld, fld), reason, data.sheet)

    ok = True
    donor = _text(cell("donor"))
    code = donor_code(donor, _text(cell("iso")))
    if donor is None:
        bad("donor", "required value is empty")
        ok = False
    elif code is None:
        bad("donor", f"{donor!r} is not a nation the tracker or ISO 3166 knows")
        ok = False
    aid = (_text(cell("aid_type")) or "").casefold()
    if aid not in AID_TYPES:
        bad("aid_type", f"{cell('aid_type')!r} is not one of Military, Financial, Humanitarian")
        ok = False
    measure = (_text(cell("measure")) or "commitment").casefold()
    if measure not in MEASURES:
        bad("measure", f"{cell('measure')!r} is not Allocation or Commitment")
        ok = False
    numbers: dict[str, float | None] = {}
    for fld in ("value_eur", "activity_value_eur", "quantity", "quantity_delivered"):
        try:
            numbers[fld] = _number(cell(fld))
        except ValueError:
            bad(fld, f"{cell(fld)!r} is not a number")
            ok = False
    try:
        announced = _date(cell("announcement_date"))
    except ValueError as exc:
        bad("announcement_date", str(exc))
        announced, ok = None, False
    year: int | None = None
    month: int | None = None
    try:
        known_flag = _number(cell("month_known"))
        raw_month = _number(cell("month"))
        raw_year = _number(cell("year"))
    except ValueError:
        bad("month", f"{cell('month')!r} / {cell('year')!r} is not a month")
        return None
    if announced is not None:
        year, month = announced.year, announced.month
    elif raw_month is not None and raw_month > 0:
        if counter:
            year, month = month_of_counter(int(raw_month))
        elif raw_year is not None and 1 <= raw_month <= 12:
            year, month = int(raw_year), int(raw_month)
        else:
            bad("month", f"{cell('month')!r} is not a month 1-12")
            ok = False
    known = year is not None and month is not None and known_flag != 0
    if not known and announced is None and raw_year is not None:
        year = int(raw_year)
    if not ok:
        return None
    value = numbers["value_eur"]
    source_parts = [_text(values[i]) for i in sources if i < len(values)]
    return {
        "source_row": n,
        "activity_id": _text(cell("activity_id")),
        "nation_code": code,
        "donor_name": (donor or "")[:120],
        "aid_type": aid,
        "aid_type_specific": (_text(cell("aid_type_specific")) or None),
        "measure": measure,
        "item": _text(cell("item")),
        "quantity": numbers["quantity"],
        "quantity_delivered": numbers["quantity_delivered"],
        "value_eur": value,
        "activity_value_eur": (
            numbers["activity_value_eur"] if "activity_value_eur" in found else value
        ),
        "announced_on": announced,
        "year": year,
        "month": month if known else None,
        "month_known": known,
        "source": " | ".join(p for p in source_parts if p) or None,
    }


# -- the published per-donor totals (Country Summary sheet) --------------------------------

_SUMMARY_COLUMN = re.compile(
    r"^(financial|humanitarian|military|total(_bilateral)?)_(allocations|commitments)$"
)


def _read_summary(file: str, title: str, ws: Any, issues: Issues) -> list[dict[str, Any]]:
    """Per-donor totals in EUR billions as the workbook publishes them (header: the first row
    with a cell ``Country``; rows end at a blank country or ``Total``)."""
    ws.reset_dimensions()
    rows = ws.iter_rows(values_only=True)
    header: list[Any] | None = None
    n = 0
    for n, values in enumerate(rows, start=1):
        if any(normalise(v) == "country" for v in values):
            header = list(values)
            break
        if n > 30:
            break
    if header is None:
        issues.add(file, None, None, "no header row with a 'Country' column in the first 30", title)
        return []
    names = [normalise(h) for h in header]
    country = names.index("country")
    columns: dict[int, tuple[str, str]] = {}
    for i, name in enumerate(names):
        m = _SUMMARY_COLUMN.match(name)
        if m:
            kind = "total" if m.group(1).startswith("total") else m.group(1)
            columns[i] = (kind, m.group(3)[:-1])  # allocation / commitment
    if not columns:
        issues.add(file, n, None, "no '... allocations' or '... commitments' columns", title)
        return []
    totals: dict[tuple[str, str, str], dict[str, Any]] = {}
    started = False
    for r, values in enumerate(rows, start=n + 1):
        cell = _text(values[country] if country < len(values) else None)
        if cell is None:
            if started:
                break
            continue  # blank rows under the header
        if cell.casefold().startswith("total"):
            break
        started = True
        name = cell
        code = donor_code(name, None)
        if code is None:
            issues.add(file, r, header[country], f"{name!r} is not a known nation", title)
            continue
        for i, (kind, measure) in columns.items():
            try:
                v = _number(values[i] if i < len(values) else None)
            except ValueError:
                issues.add(file, r, str(header[i]), f"{values[i]!r} is not a number", title)
                continue
            if v is None:
                continue
            key = (code, kind, measure)
            rec = totals.setdefault(
                key,
                {
                    "nation_code": code,
                    "donor_name": name[:120],
                    "aid_type": kind,
                    "measure": measure,
                    "value_eur": 0.0,
                    "source": f"{file} [{title}]",
                },
            )
            rec["value_eur"] += v * 1e9
    return list(totals.values())


__all__ = [
    "COLUMNS",
    "MAIN_SHEET",
    "ActivityData",
    "Issue",
    "KielLayoutError",
    "donor_code",
    "month_of_counter",
    "normalise",
    "read_activities",
]
