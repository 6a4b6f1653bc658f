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
        "materiel import book.xlsx --accept-warnings     # write although there are warnings",
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
        "- Empty rows, rows whose first cell starts with `#` (such as the example row of every",
        "  template) and the sheets `README` and `_lists` are skipped. Row numbers in messages",
        "  are the rows a spreadsheet shows (header = row 1).",
        "- A template workbook (`export --template all --format xlsx`) has, on every sheet, a",
        "  note on each column header (meaning, type, required or not, default, allowed",
        "  values), an example row (commented out with `#`), and dropdowns for choices,",
        "  `true`/`false`, nations and items (lists on the hidden sheet `_lists`).",
        "- Nations may be given by ISO 3166-1 alpha-3 code in any case or by name (`Germany`,",
        "  `United Kingdom`, `UK`); items by catalogue code, name or alias (`155mm shells`).",
        "  Only exact names count: a near miss is refused with a suggestion, never guessed.",
        "- Each template has a natural key. A row whose key exists updates that record; an",
        "  identical row changes nothing, so re-importing a file is idempotent (no new audit",
        "  events).",
        "- Everything is checked before anything is written: every problem is counted, and",
        "  the first 50 are listed with file, sheet, row, column and reason. Any problem",
        "  writes nothing. Checking takes no write lock (a `--dry-run` never does); the write",
        "  itself is one short transaction.",
        "- Warnings flag input that is possible but implausible: a delivery dated before its",
        "  pledge was announced or in the future, a pledge status behind the one in the",
        "  database (the status stays: a pledge never goes back), a nation marked",
        "  `is_donor` false that pledges. `--dry-run` lists them; an import with warnings",
        "  writes only with `--accept-warnings`.",
        "- Columns with a stated default may be left empty; the import notes where a default",
        "  was used. Dates marked *month allowed* also take `YYYY-MM` (the first or last day of",
        "  the month is stored, as the column says).",
        "- Nations get their roles from what they do: a nation that pledges (or has a stock",
        "  target or a caveat) becomes a donor and one that receives becomes a recipient,",
        "  unless the nations sheet says otherwise, so a forgotten `is_donor` never drops a",
        "  donor from the plan.",
        "- A workbook cell holding a formula without a saved result (a file written by a",
        "  program that does not calculate) is refused as such, never read as empty.",
        "- Control characters (other than tab and line breaks in free text) are refused, as",
        "  the API refuses them; codes and keys are one line. An export replaces any stored",
        "  before with U+FFFD, so it never fails.",
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
        "- Refused: files over 100 MB; workbooks that would inflate beyond 512 MB, or one part",
        "  of which inflates beyond 256 MB or more than 100 times its compressed size (zip",
        "  bombs, padded or not); imports of more than 250,000 data rows. CSV is read as UTF-8",
        "  (with or without BOM), comma, semicolon or tab separated.",
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
            if c.default:
                desc += f"; default: {c.default}"
            if c.month:
                desc += f"; month allowed (`YYYY-MM` = {c.month} day)"
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
