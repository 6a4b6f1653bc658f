"""Property tests: every value a column can hold survives export formatting and import
parsing unchanged (CSV text, and typed workbook cells), formula-like text included."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from materiel.io.cells import EMPTY, format_native, format_text, neutralise, parse_cell
from materiel.io.templates import LIST_SEPARATOR, Column

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r=+-@#'"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
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
            st.text(max_size=8),
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.floats(allow_nan=False, allow_infinity=False),
                st.text(max_size=8),
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
