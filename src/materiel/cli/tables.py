"""Tables for the terminal: compact, readable at 80 columns, codes and dates never split.

Light on purpose (Rich only): every command module may import it without loading the data
stack."""

from __future__ import annotations

import copy
import numbers
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Column, Table
from rich.text import Text

from materiel.cli.context import console as default_console

#: space between two columns of :func:`new_table`: the divider and one space of padding
_GAP = 2


class CompactTable(Table):
    """A :class:`rich.table.Table` that knows which of its columns may be left out on a
    narrow terminal (:func:`show`), least important first."""

    droppable: tuple[str, ...] = ()


def new_table(
    title: str,
    *columns: str,
    widths: dict[str, int] | None = None,
    drop: Sequence[str] = (),
) -> CompactTable:
    """A compact table that reads at 80 columns. A column named ``">name"`` is a
    right-aligned number that never wraps; ``"=name"`` holds codes or dates (item codes,
    refs, ISO codes, YYYY-MM-DD), which are never split; any other column is text that
    wraps between words (a word too long for it is folded). A header may take two lines
    (``"pledged\nqty"``). ``widths`` gives text columns a minimum width. ``drop`` names
    the columns (as given, without the prefix) that :func:`show` leaves out, in this order,
    when the terminal is too narrow for all of them; only when even the rest does not fit
    does it print :func:`vertical` blocks."""
    widths = widths or {}
    table = CompactTable(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        padding=(0, 1, 0, 0),
    )
    table.droppable = tuple(drop)
    for col in columns:
        if col.startswith(">"):
            table.add_column(col[1:], justify="right", no_wrap=True)
        elif col.startswith("="):
            table.add_column(col[1:], no_wrap=True)
        else:
            # a text header wraps between its words like its cells
            width = max(widths.get(col, 0), *(len(w) for w in col.split()))
            table.add_column(col, overflow="fold", min_width=width)
    return table


def _need(column: Column) -> int:
    """The narrowest ``column`` may be: its longest line (codes, dates, numbers) or, for
    text, its longest word."""
    texts = [c.plain if isinstance(c, Text) else str(c) for c in (column.header, *column.cells)]
    if column.no_wrap:
        need = max((len(line) for t in texts for line in t.split("\n")), default=0)
    else:
        need = max((len(w) for t in texts for w in t.split()), default=0)
    return max(need, column.min_width or 0)


def min_width(table: Table) -> int:
    """The narrowest width at which ``table`` shows every code, date and number whole and
    wraps its text between words."""
    return sum(_need(c) + _GAP for c in table.columns) - _GAP


def _keep_words_whole(table: Table) -> Table:
    """Text columns no narrower than their longest word: Rich, fitting a table to the
    terminal, would otherwise narrow the widest text columns first, even below a word."""
    for column in table.columns:
        if not column.no_wrap:
            column.min_width = _need(column)
    return table


def vertical(table: Table) -> RenderableType:
    """``table`` as one block of ``column: value`` lines per row, for terminals too narrow
    for its columns: nothing is cut."""
    headers = [" ".join(str(c.header).split()) for c in table.columns]
    cells = [list(c.cells) for c in table.columns]
    blocks: list[RenderableType] = []
    if table.title:
        blocks.append(Text(str(table.title), style="italic"))
    for i in range(table.row_count):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for header, column in zip(headers, cells, strict=True):
            value = column[i] if i < len(column) else ""
            if isinstance(value, (str, Text)) and not str(value):
                continue
            grid.add_row(header, value)
        blocks.append(grid)
        blocks.append(Text(""))
    if table.caption:
        blocks.append(Text(str(table.caption), style="dim"))
    return Group(*blocks)


def _header(column: Column) -> str:
    return " ".join(str(column.header).split())


def without(table: Table, names: Sequence[str]) -> Table:
    """``table`` without the columns named ``names`` (headers as given to
    :func:`new_table`; a two-line header may be named with a space or a line break), its
    caption saying which were left out and where to see them."""
    gone = {" ".join(n.split()) for n in names}
    narrow = copy.copy(table)
    narrow.columns = [copy.copy(c) for c in table.columns if _header(c) not in gone]
    for index, column in enumerate(narrow.columns):
        column._index = index  # Rich pads the first and last column by their index
    left_out = ", ".join(_header(c) for c in table.columns if _header(c) in gone)
    note = f"Not shown at this width: {left_out} (--csv or --json give every column)."
    caption = table.caption
    text = str(caption or "").rstrip()
    sep = " " if not text or text.endswith((".", "!", "?")) else ". "
    if isinstance(caption, Text):
        narrow.caption = Text.assemble(caption, sep, note)
    else:
        narrow.caption = f"{text}{sep}{note}" if text else note
    return narrow


def fitted(table: Table, width: int) -> RenderableType:
    """``table`` as it reads at ``width`` columns: whole; else without its least
    important columns (:attr:`CompactTable.droppable`, one at a time, the caption says
    which); else as :func:`vertical` blocks. Codes, dates and numbers are never split."""
    if min_width(table) <= width:
        return _keep_words_whole(table)
    droppable = getattr(table, "droppable", ())
    for n in range(1, len(droppable) + 1):
        narrow = without(table, droppable[:n])
        if min_width(narrow) <= width:
            return _keep_words_whole(narrow)
    return vertical(table)


def show(table: Table, console: Console | None = None) -> None:
    """Print ``table`` as it reads at the console's width (:func:`fitted`)."""
    out = console or default_console
    out.print(fitted(table, out.width))


def compact(value: object) -> str:
    """A count for people: 8,318 · 44.9k · 311k · 1.13m · 68.1m · 2.5bn ('' when missing)."""
    if value is None or not isinstance(value, numbers.Real) or value != value:
        return ""
    v = float(value)
    a = abs(v)
    if a < 100_000:
        return f"{v:,.0f}"
    if a < 1e6:
        return f"{v / 1e3:.0f}k"
    if a < 1e9:
        return f"{v / 1e6:.3g}m"
    return f"{v / 1e9:.3g}bn"


def millions(value: object) -> str:
    """Money in millions with one decimal ('' when missing)."""
    if value is None or not isinstance(value, numbers.Real) or value != value:
        return ""
    return f"{float(value) / 1e6:,.1f}"
