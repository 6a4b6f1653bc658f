"""Tables for the terminal: compact, readable at 80 columns, codes and dates never split.

Light on purpose (Rich only): every command module may import it without loading the data
stack."""

from __future__ import annotations

import numbers

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from materiel.cli.context import console as default_console

#: space a column takes beside its content in :func:`new_table` (padding and the divider)
_GAP = 3


def new_table(title: str, *columns: str, widths: dict[str, int] | None = None) -> Table:
    """A compact table that reads at 80 columns. A column named ``">name"`` is a
    right-aligned number that never wraps; ``"=name"`` holds codes or dates (item codes,
    refs, ISO codes, YYYY-MM-DD), which are never split (a terminal too narrow for them gets
    :func:`vertical` blocks from :func:`show`); any other column is text that wraps between
    words (a word too long for it is folded). A header may take two lines
    (``"pledged\nqty"``). ``widths`` gives text columns a minimum width."""
    widths = widths or {}
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False
    )
    for col in columns:
        if col.startswith(">"):
            table.add_column(col[1:], justify="right", no_wrap=True)
        elif col.startswith("="):
            table.add_column(col[1:], no_wrap=True)
        else:
            width = max(widths.get(col, 0), *(len(w) for w in col.split("\n")))
            table.add_column(col, overflow="fold", min_width=width)
    return table


def min_width(table: Table) -> int:
    """The narrowest width at which ``table`` shows every code, date and number whole and
    wraps its text between words."""
    total = 0
    for column in table.columns:
        texts = [c.plain if isinstance(c, Text) else str(c) for c in (column.header, *column.cells)]
        if column.no_wrap:
            need = max((len(line) for t in texts for line in t.split("\n")), default=0)
        else:
            need = max((len(w) for t in texts for w in t.split()), default=0)
        total += max(need, column.min_width or 0) + _GAP
    return total - _GAP


def vertical(table: Table) -> RenderableType:
    """``table`` as one block of ``column: value`` lines per row, for terminals too narrow
    for its columns: nothing is cut."""
    headers = [" ".join(str(c.header).split()) for c in table.columns]
    blocks: list[RenderableType] = []
    if table.title:
        blocks.append(Text(str(table.title), style="italic"))
    for i in range(table.row_count):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for header, column in zip(headers, table.columns, strict=True):
            cells = list(column.cells)
            value = cells[i] if i < len(cells) else ""
            if isinstance(value, (str, Text)) and not str(value):
                continue
            grid.add_row(header, value)
        blocks.append(grid)
        blocks.append(Text(""))
    if table.caption:
        blocks.append(Text(str(table.caption), style="dim"))
    return Group(*blocks)


def show(table: Table, console: Console | None = None) -> None:
    """Print ``table``, or :func:`vertical` blocks when the terminal is narrower than the
    table's :func:`min_width`: codes and dates are never split or cut."""
    out = console or default_console
    out.print(table if min_width(table) <= out.width else vertical(table))


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
