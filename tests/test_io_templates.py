"""The template table: consistent with the record models, documented in
docs/templates.md, and exported as blank templates that import cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from materiel.io import ENTITIES, TEMPLATES, import_files, infer_entity, write_template
from materiel.io.cells import EMPTY, CellError, parse_cell
from materiel.io.docs import render_markdown
from materiel.io.exporter import example_row, template_csv
from materiel.io.templates import Column

ROOT = Path(__file__).resolve().parents[1]
INTERNAL = {"id", "version", "pledge_id"}


def test_docs_are_generated_from_the_table() -> None:
    doc = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    assert doc == render_markdown(), "run: python -m materiel.io.docs"


def test_one_template_per_entity_in_dependency_order() -> None:
    assert ENTITIES == (
        "nations", "organisations", "items", "needs", "pledges", "deliveries",
        "stock_reports", "stock_targets", "caveats", "production_lines", "ramp_steps",
        "funds", "fund_items", "fund_members", "orders", "meetings", "scenarios",
        "scenario_rates",
    )  # fmt: skip
    position = {e: i for i, e in enumerate(ENTITIES)}
    for t in TEMPLATES:
        for c in t.columns:
            if c.references:
                assert position[c.references] < position[t.entity], (t.entity, c.name)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.entity)
def test_template_matches_its_model(template: object) -> None:
    from materiel.io.templates import Template

    assert isinstance(template, Template)
    table = template.model.__table__
    assert isinstance(table.name, str)
    model_cols = {c.name for c in table.columns} - INTERNAL
    mapped = {c.attr for c in template.columns if c.attr}
    assert mapped == model_cols, "every stored field is a template column"
    for c in template.columns:
        if c.attr is None:
            continue
        col = table.columns[c.attr]
        has_default = col.default is not None or bool(c.default)
        assert c.required == (not col.nullable and not has_default), c.name
    assert set(template.key) <= set(template.required_names)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.entity)
def test_examples_are_valid_values(template: object) -> None:
    from materiel.io.templates import Template

    assert isinstance(template, Template)
    for c in template.columns:
        value = parse_cell(c, c.example, template.max_length(c))
        assert value is not EMPTY or not c.required, c.name


def test_infer_entity_from_names() -> None:
    assert infer_entity("pledges") == "pledges"
    assert infer_entity("Pledges") == "pledges"
    assert infer_entity("pledges_2024-03") == "pledges"
    assert infer_entity("pledges-template") == "pledges"
    assert infer_entity("Stock Reports") == "stock_reports"
    assert infer_entity("fund_items") == "fund_items"
    assert infer_entity("funds (1)") == "funds"
    assert infer_entity("pledgesx") is None
    assert infer_entity("Sheet1") is None


def test_cell_parsing_rules() -> None:
    qty = Column("quantity", "int", True, "", 1, minimum=0)
    assert parse_cell(qty, "1_000") == 1000 and parse_cell(qty, 12.0) == 12
    with pytest.raises(CellError, match="must not be negative"):
        parse_cell(qty, "-1")
    with pytest.raises(CellError, match="not a whole number"):
        parse_cell(qty, True)
    cur = Column("currency", "currency", True, "", "EUR")
    assert parse_cell(cur, " usd ") == "USD"
    with pytest.raises(CellError, match="wrong currency"):
        parse_cell(cur, "EURO")
    text = Column("note", "str", False, "", "")
    assert parse_cell(text, "'=1+1") == "=1+1"  # exported neutralisation is undone
    assert parse_cell(text, "'quoted") == "'quoted"
    assert parse_cell(text, "   ") is EMPTY
    flt = Column("x", "float", True, "", 1)
    with pytest.raises(CellError, match="decimal point"):
        parse_cell(flt, "1,5")
    with pytest.raises(CellError, match="finite"):
        parse_cell(flt, "nan")


def test_csv_template_has_a_commented_example(tmp_path: Path, sqlite_engine: Engine) -> None:
    text = template_csv(next(t for t in TEMPLATES if t.entity == "pledges"))
    header, example = text.splitlines()
    assert header.startswith("ref,donor_code,recipient_code,item_code,quantity,")
    assert example.startswith("# P-2024-0001,DEU,UKR,ammo.artillery.155mm,10000,35000000,EUR,")
    path = tmp_path / "pledges-template.csv"
    write_template(["pledges"], "csv", path)
    result = import_files(sqlite_engine, [path])
    assert result.ok and result.rows == 0  # the example never imports


def test_xlsx_template_has_a_readme_sheet(tmp_path: Path, sqlite_engine: Engine) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "all-template.xlsx"
    write_template(list(ENTITIES), "xlsx", path)
    wb = load_workbook(path, read_only=True)
    try:
        assert wb.sheetnames == [*ENTITIES, "README", "_lists"]
        readme = [r for r in wb["README"].iter_rows(values_only=True)]
        pledges_header = list(next(wb["pledges"].iter_rows(values_only=True)))
    finally:
        wb.close()
    pledges = next(t for t in TEMPLATES if t.entity == "pledges")
    assert pledges_header == pledges.names
    described = {r[0] for r in readme if r and r[0]}
    assert set(pledges.names) <= described
    assert any(r and r[0] == "quantity" and r[2] == "yes" for r in readme)
    assert any(r and str(r[0]).startswith("Natural key") and "ref" in str(r[0]) for r in readme)
    result = import_files(sqlite_engine, [path])
    assert result.ok and result.rows == 0  # the example rows are comments


def test_xlsx_template_has_notes_examples_and_dropdowns(tmp_path: Path) -> None:
    """Issue 17: every sheet of a template has an example row, a note on each column and
    dropdowns for enumerations, booleans, nations and items."""
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    write_template(["nations", "items", "pledges"], "xlsx", path)
    wb = load_workbook(path)
    ws = wb["pledges"]
    notes = {c.value: c.comment.text for c in ws[1] if c.comment}
    assert set(notes) == set(TEMPLATES[ENTITIES.index("pledges")].names)
    assert "Optional." in notes["due_by"] and "month YYYY-MM is allowed" in notes["due_by"]
    assert "One of: stock, procurement, fund." in notes["channel"]
    example = [c.value for c in ws[2]]
    assert str(example[0]).startswith("# example: P-2024-0001")
    assert example[4] == 10000
    formulas = {
        str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation
    }
    assert formulas["B3"].startswith("'_lists'!$A$2") and formulas["D3"].startswith("'_lists'!$C$2")
    assert formulas["J3"] == '"stock,procurement,fund"' and formulas["K3"] == '"true,false"'
    items_notes = {c.value: c.comment.text for c in wb["items"][1] if c.comment}
    assert "Default when empty: the median unit value" in items_notes["unit_value"]
    lists = wb["_lists"]
    assert lists.sheet_state == "hidden"
    codes = [r[0] for r in lists.iter_rows(min_row=2, values_only=True) if r[0]]
    assert "DEU" in codes and "UKR" in codes and len(codes) > 200


def test_example_rows_import_once_uncommented(tmp_path: Path, sqlite_engine: Engine) -> None:
    """The documented example of every template is a row the importer accepts (given the
    nations, items and other records it refers to)."""
    lines: dict[str, str] = {}
    for t in TEMPLATES:
        text = template_csv(t)
        lines[t.entity] = text.replace("# ", "", 1)
    for code, name in (("UKR", "Ukraine"), ("CZE", "Czechia")):
        lines["nations"] += f"{code},{name},,,,,,\r\n"
    lines["organisations"] += "NSPA,NATO Support and Procurement Agency,agency,\r\n"
    for entity, text in lines.items():
        (tmp_path / f"{entity}.csv").write_text(text, encoding="utf-8")
    result = import_files(sqlite_engine, [tmp_path])
    assert result.ok, [str(i) for i in result.issues]
    assert all(result.counts[e]["created"] >= 1 for e in ENTITIES)
    assert example_row(TEMPLATES[ENTITIES.index("pledges")])[0] == "P-2024-0001"
