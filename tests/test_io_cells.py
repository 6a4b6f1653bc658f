"""Property tests: every value a column can hold survives export formatting and import
parsing unchanged (CSV text, and typed workbook cells), formula-like text included."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from materiel.io.cells import (
    EMPTY,
    CellError,
    format_native,
    format_text,
    neutralise,
    parse_cell,
)
from materiel.io.templates import LIST_SEPARATOR, Column
from materiel.services.rules import CONTROL_CHARS

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r=+-@#'"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
#: short text without the control characters every input refuses
PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)
STRIPPED = TEXT.map(str.strip).filter(lambda s: s != "" and LIST_SEPARATOR not in s)
COLUMNS: dict[str, tuple[Column, st.SearchStrategy[Any]]] = {
    "str": (Column("note", "str", False, "", ""), TEXT),
    "int": (Column("n", "int", False, "", 1), st.integers(-(2**62), 2**62)),
    "float": (
        Column("x", "float", False, "", 1.0),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    "date": (Column("d", "date", False, "", "2024-01-01"), st.dates(dt.date(1900, 1, 1))),
    "bool": (Column("b", "bool", False, "", True), st.booleans()),
    "list": (Column("aliases", "list", False, "", ""), st.lists(STRIPPED, min_size=1, max_size=4)),
    "json": (
        Column("params", "json", False, "", "{}"),
        st.dictionaries(
            PLAIN,
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.floats(allow_nan=False, allow_infinity=False),
                PLAIN,
            ),
            min_size=1,
            max_size=4,
        ),
    ),
}


def _through_csv(cells: list[str]) -> list[str]:
    buf = io.StringIO(newline="")
    csv.writer(buf).writerow(cells)
    buf.seek(0)
    return next(csv.reader(buf))


@settings(max_examples=40, deadline=None)
@given(data=st.data(), first=st.booleans())
def test_every_type_round_trips_through_csv_text(data: st.DataObject, first: bool) -> None:
    for column, strategy in COLUMNS.values():
        value = data.draw(strategy, label=column.type)
        text = format_text(column, value, first)
        assert not text.startswith(("=", "+", "@", "\t", "\r")) or column.type != "str"
        (back,) = _through_csv([text])
        parsed = parse_cell(column, back, keep_spaces=True)
        assert parsed == value, (column.type, value, text)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_type_round_trips_through_native_cells(data: st.DataObject) -> None:
    for column, strategy in COLUMNS.values():
        value = data.draw(strategy, label=column.type)
        cell = format_native(column, value, first=True)
        assert parse_cell(column, cell, keep_spaces=True) == value, (column.type, value, cell)


@given(TEXT)
def test_neutralised_text_never_starts_a_formula(text: str) -> None:
    out = neutralise(text, first=True)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r", "#"))
    assert out == text or out == "'" + text


def test_blank_cells_are_empty() -> None:
    col = COLUMNS["str"][0]
    assert parse_cell(col, "  \t ", keep_spaces=True) is EMPTY
    assert parse_cell(col, None) is EMPTY
    assert parse_cell(col, "  kept  ", keep_spaces=True) == "  kept  "
    assert parse_cell(col, "  code  ") == "code"


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(whitelist_categories=("Cc",)), min_size=1, max_size=3))
def test_control_characters_are_refused_on_input_and_never_break_an_export(bad: str) -> None:
    """Issue 18 (9): the importer refuses what the rules refuse; an export of text stored
    before (control characters become U+FFFD) never fails."""
    col = COLUMNS["str"][0]
    text = f"a{bad}b"
    refused = any(c not in "\t\n\r" and (ord(c) < 0x20 or ord(c) == 0x7F) for c in bad)
    if refused:
        with pytest.raises(CellError, match="control character U\\+00"):
            parse_cell(col, text, keep_spaces=True)
    safe = format_native(col, text)
    assert isinstance(safe, str) and CONTROL_CHARS.search(safe) is None
    from openpyxl import Workbook

    Workbook().active.append([safe])  # openpyxl raises IllegalCharacterError otherwise


def test_codes_are_one_line_and_dates_may_be_months() -> None:
    code = Column("ref", "str", True, "", "P-1")
    with pytest.raises(CellError, match="must be one line"):
        parse_cell(code, "P-1\nP-2")
    first = Column("announced_on", "date", True, "", "2024-02-01", month="first")
    last = Column("due_by", "date", False, "", "2024-02-29", month="last")
    plain = Column("delivered_on", "date", True, "", "2024-02-01")
    assert parse_cell(first, "2024-02") == dt.date(2024, 2, 1)
    assert parse_cell(last, "2024-02") == dt.date(2024, 2, 29)
    with pytest.raises(CellError, match="expected YYYY-MM-DD\\)"):
        parse_cell(plain, "2024-02")
    with pytest.raises(CellError, match="bad month"):
        parse_cell(first, "2024-13")
