"""Cell values: parse what a CSV or workbook holds into typed values, and format typed
values for export (with spreadsheet formula injection neutralised)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
from typing import Any

from materiel import money
from materiel.io.templates import LIST_SEPARATOR, Column
from materiel.services.rules import CONTROL_CHARS, control_character

#: Text starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_INT_RE = re.compile(r"^[+-]?\d+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_LINE_BREAKS = ("\n", "\r", "\t")
#: what an xlsx export writes for a control character stored before they were refused
REPLACEMENT = "\ufffd"


class CellError(ValueError):
    """A cell that cannot be read as its column's type; the message is the reason."""


class _Empty:
    def __repr__(self) -> str:
        return "EMPTY"


EMPTY: Any = _Empty()
"""Marker for an empty cell (distinct from a value)."""


#: A first cell starting with this marks a comment row, skipped on import.
COMMENT = "#"


def neutralise(text: str, first: bool = False) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (and, in the first
    column, to text an import would take for a comment row)."""
    if text.startswith(FORMULA_TRIGGERS) or (first and text.startswith(COMMENT)):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` on import."""
    if len(text) >= 2 and text[0] == "'" and text[1:].startswith((*FORMULA_TRIGGERS, COMMENT)):
        return text[1:]
    return text


def _show(raw: Any) -> str:
    s = str(raw)
    return repr(s if len(s) <= 40 else s[:37] + "...")


def _as_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def parse_cell(
    column: Column, raw: Any, max_length: int | None = None, keep_spaces: bool = False
) -> Any:
    """The typed value of a cell, :data:`EMPTY` for an empty one; raises :class:`CellError`.

    Surrounding spaces are removed, except from free text with ``keep_spaces`` (so notes
    and quotes round-trip exactly). Control characters are refused everywhere (as the
    domain rules refuse them); codes, keys and choices must also be one line."""
    if raw is None:
        return EMPTY
    if isinstance(raw, str):
        if raw.strip() == "":
            return EMPTY
        bad = control_character(raw)
        if bad:
            raise CellError(f"contains the control character {bad}; remove it")
        if not keep_spaces:
            raw = raw.strip()
            if column.type == "str" and any(c in raw for c in _LINE_BREAKS):
                raise CellError(f"{_show(raw)} must be one line (no line break or tab)")
    value = _parse(column, raw)
    if isinstance(value, str) and max_length is not None and len(value) > max_length:
        raise CellError(f"is {len(value)} characters long, more than the {max_length} allowed")
    if column.choices and value not in column.choices:
        raise CellError(f"{_show(raw)} is not one of: {', '.join(column.choices)}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if column.positive and value <= 0:
            raise CellError(f"must be positive (got {_as_text(value)})")
        if column.minimum is not None and value < column.minimum:
            what = "negative" if column.minimum == 0 else f"below {_as_text(column.minimum)}"
            raise CellError(f"must not be {what} (got {_as_text(value)})")
    return value


def _parse(column: Column, raw: Any) -> Any:
    t = column.type
    if t == "str":
        return unneutralise(_as_text(raw))
    if t == "currency":
        code = _as_text(raw).upper()
        if not (money.is_currency(code) and money.convertible(code)):
            raise CellError(
                f"wrong currency {_show(raw)} (an ISO 4217 code with an ECB reference rate "
                "such as EUR, USD or GBP)"
            )
        return code
    if t == "int":
        if isinstance(raw, bool):
            raise CellError(f"{_show(raw)} is not a whole number")
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float):
            if raw.is_integer():
                return int(raw)
            raise CellError(f"{_show(raw)} is not a whole number")
        s = str(raw).replace("_", "")
        if _INT_RE.match(s):
            return int(s)
        try:
            f = float(s)
        except ValueError:
            raise CellError(f"{_show(raw)} is not a whole number") from None
        if math.isfinite(f) and f.is_integer():
            return int(f)
        raise CellError(f"{_show(raw)} is not a whole number")
    if t == "float":
        if isinstance(raw, bool):
            raise CellError(f"{_show(raw)} is not a number")
        if isinstance(raw, int | float):
            f = float(raw)
        else:
            try:
                f = float(str(raw).replace("_", ""))
            except ValueError:
                raise CellError(f"{_show(raw)} is not a number (use . as decimal point)") from None
        if not math.isfinite(f):
            raise CellError(f"{_show(raw)} is not a finite number")
        return f
    if t == "date":
        if isinstance(raw, dt.datetime):
            if raw.time() != dt.time():
                raise CellError(f"bad date {_show(raw)}: has a time of day")
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        s = str(raw)
        month = _MONTH_RE.match(s) if column.month else None
        if month is not None:
            year, mon = int(month.group(1)), int(month.group(2))
            if not 1 <= mon <= 12 or year < 1:
                raise CellError(f"bad month {_show(raw)} (expected YYYY-MM)")
            day = 1 if column.month == "first" else calendar.monthrange(year, mon)[1]
            return dt.date(year, mon, day)
        if not _DATE_RE.match(s):
            expected = "YYYY-MM-DD or YYYY-MM" if column.month else "YYYY-MM-DD"
            raise CellError(f"bad date {_show(raw)} (expected {expected})")
        try:
            return dt.date.fromisoformat(s)
        except ValueError as exc:
            raise CellError(f"bad date {_show(raw)} ({exc})") from None
    if t == "bool":
        if isinstance(raw, bool):
            return raw
        s = _as_text(raw).lower()
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
        raise CellError(f"{_show(raw)} is not true or false")
    if t == "list":
        return [p.strip() for p in unneutralise(_as_text(raw)).split(LIST_SEPARATOR) if p.strip()]
    if t == "json":
        try:
            value = json.loads(unneutralise(_as_text(raw)))
        except json.JSONDecodeError as exc:
            raise CellError(f"is not valid JSON ({exc.msg} at character {exc.pos})") from None
        if not isinstance(value, dict):
            raise CellError("must be a JSON object ({...})")
        return value
    raise AssertionError(f"unknown column type {t}")  # pragma: no cover


def empty_value(column: Column) -> Any:
    """What an empty cell stores (for nullable columns)."""
    if column.type == "list":
        return []
    if column.type == "json":
        return {}
    return None


def format_text(column: Column, value: Any, first: bool = False) -> str:
    """A value as CSV text (numbers plain, text neutralised; ``first`` for the first
    column)."""
    if value is None:
        return ""
    if column.type == "bool":
        return "true" if value else "false"
    if column.type == "int":
        return str(int(value))
    if column.type == "float":
        f = float(value)
        return str(int(f)) if f.is_integer() and abs(f) < 1e16 else repr(f)
    if column.type == "date":
        return str(value.isoformat())
    if column.type == "list":
        return neutralise(LIST_SEPARATOR.join(str(v) for v in value or []), first)
    if column.type == "json":
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        return "" if not value else neutralise(text, first)
    return neutralise(str(value), first)


def spreadsheet_safe(text: str) -> str:
    """Text a workbook can hold: control characters (refused on input since, but possibly
    stored before) become U+FFFD, so an export never fails."""
    return CONTROL_CHARS.sub(REPLACEMENT, text)


def format_native(column: Column, value: Any, first: bool = False) -> Any:
    """A value for a workbook cell: numbers, booleans and dates stay typed; text is made
    :func:`spreadsheet_safe`."""
    if value is None:
        return None
    if column.type == "bool":
        return bool(value)
    if column.type == "int":
        return int(value)
    if column.type == "float":
        f = float(value)
        return int(f) if f.is_integer() and abs(f) < 1e15 else f
    if column.type == "date":
        return value
    text = spreadsheet_safe(format_text(column, value, first))
    return text if text != "" else None
