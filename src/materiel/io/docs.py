"""Render docs/templates.md from the template table (``python -m materiel.io.docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

from materiel.io.cells import format_text
from materiel.io.exporter import example_row
from materiel.io.templates import LIST_SEPARATOR, TEMPLATES, TYPE_HELP

DOC_PATH = Path("docs/templates.md")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    lines = [
        "# Import and export templates",
        "",
        "<!-- Generated from src/materiel/io/templates.py by `python -m materiel.io.docs`;",
        "     tests/test_io_templates.py fails when this file is out of date. -->",
        "",
        "Every entity has one template. An export writes exactly these columns, so an export",
        "imports back into identical records.",
        "",
        "```",
        "materiel export --template pledges              # pledges-template.csv",
        "materiel export --template all --format xlsx    # one workbook, README sheet",
        "materiel import pledges.csv --dry-run           # check only, write nothing",
        "materiel import book.xlsx                       # every sheet, one transaction",
        "materiel export all --format xlsx --out all.xlsx",
        "```",
        "",
        "## Rules",
        "",
        "- The entity comes from the file name (`pledges.csv`, `pledges_2024-03.csv`) or the",
        "  sheet name of a workbook (`--entity` overrides it). A workbook's sheets, or several",
        "  files, are imported in one transaction in dependency order:",
        "  " + ", ".join(f"`{t.entity}`" for t in TEMPLATES) + ".",
        "- Row 1 is the header. Column names are case-insensitive; optional columns may be",
        "  left out (a missing column leaves stored values alone). Unknown columns are refused.",
        "- Empty rows, rows whose first cell starts with `#` and a sheet named `README` are",
        "  skipped. Row numbers in messages are the rows a spreadsheet shows (header = row 1).",
        "- Each template has a natural key. A row whose key exists updates that record; an",
        "  identical row changes nothing, so re-importing a file is idempotent (no new audit",
        "  events).",
        "- Everything is checked before anything is written, and all problems are listed",
        "  (up to 50) with file, row, column and reason. Any problem writes nothing.",
        "- Spaces around codes, keys, numbers and dates are ignored; free text (notes,",
        "  quotes, names) is kept exactly as written. A cell of only spaces is empty.",
        "- An empty optional cell clears the stored value; for a column with a default",
        "  (e.g. `channel`) it keeps the default.",
        "- Deliveries name their pledge by `pledge_ref`. The deliveries of a pledge, stored and",
        "  imported together, never exceed it; a delivery moves its pledge to `delivering` or",
        "  `delivered`. A pledge's stated `status` is applied after the deliveries of the same",
        "  import (so a pledge can be delivered in part, then `cancelled`).",
        "- Exported text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading",
        "  apostrophe so spreadsheets do not run it as a formula (so does text starting with",
        "  `#` in the first column, which would otherwise read as a comment row); imports",
        "  remove it again.",
        "  Numbers and dates are exported as numbers and dates. CSV keeps every digit of a",
        "  number; a workbook keeps 16 significant digits (Excel itself shows 15).",
        f"- Lists (item aliases) are separated by `{LIST_SEPARATOR}`.",
        "- Files over 100 MB, and workbooks that would inflate beyond 1 GB (zip bombs), are",
        "  refused. CSV is read as UTF-8 (with or without BOM), comma, semicolon or tab",
        "  separated. Rows are streamed; only keys are held in memory while checking.",
        "",
        "## Types",
        "",
        "| type | meaning |",
        "|---|---|",
    ]
    lines += [f"| {t} | {_cell(h)} |" for t, h in TYPE_HELP.items()]
    for t in TEMPLATES:
        lines += [
            "",
            f"## {t.entity}",
            "",
            t.description,
            "",
            f"Natural key: {' + '.join(f'`{k}`' for k in t.key)}.",
            "",
            "| column | type | required | description | example |",
            "|---|---|---|---|---|",
        ]
        for c, v in zip(t.columns, example_row(t), strict=True):
            desc = c.description
            if c.choices:
                desc += f" (one of: {', '.join(c.choices)})"
            if c.positive:
                desc += " (> 0)"
            elif c.minimum is not None:
                desc += f" (≥ {c.minimum:g})"
            if c.references:
                desc += f" → `{c.references}`"
            ex = format_text(c, v)
            lines.append(
                f"| `{c.name}` | {c.type} | {'yes' if c.required else 'no'} | {_cell(desc)} | "
                f"{'`' + _cell(ex) + '`' if ex else ''} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOC_PATH
    target.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":  # pragma: no cover
    main()
