"""Issue 18 item 8: user text is never read as Rich markup by the CLI, and control characters
never reach the terminal. Record values (refs, names, notes, evidence, announcement text) are
printed as they are, in tables and in messages."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from rich.table import Table
from sqlalchemy import Engine
from typer.testing import CliRunner

from materiel.cli.context import PlainConsole, clean, styled
from materiel.cli.main import app
from materiel.records import Item, Nation, Pledge
from materiel.services import writer

D = dt.date
A155 = "ammo.artillery.155mm"
REF = "RT-[/]close"
LINK = "[link=http://x]y[/link]"
ESC = "\x1b[31m"


pytestmark = pytest.mark.usefixtures("wide_console")


@pytest.fixture
def hostile(engine: Engine) -> Engine:
    """A pledge whose ref and source hold markup."""
    with writer(engine, actor="test") as w:
        w.create(Nation, code="UKR", name="Ukraine", is_recipient=True)
        w.create(Nation, code="DEU", name="Germany", is_donor=True)
        w.create(
            Item,
            code=A155,
            name="155 mm",
            category="artillery-ammunition",
            unit="round",
            unit_value=4000,
            currency="USD",
        )
        w.create(
            Pledge,
            ref=REF,
            donor_code="DEU",
            recipient_code="UKR",
            item_code=A155,
            quantity=400,
            announced_on=D(2025, 1, 5),
            due_by=D(2025, 2, 1),
            source_document=f"note {LINK} :warning:",
        )
    return engine


def run(db_url: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["--db", db_url, *args])


def test_pledges_list_prints_a_ref_with_markup_as_it_is(hostile: Engine, db_url: str) -> None:
    result = run(db_url, "pledges", "list", "--as-of", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert REF in result.stdout
    assert "no pledges match" not in result.stdout


def test_read_and_drafts_list_show_markup_and_escapes_harmlessly(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    announcement = tmp_path / "note[red]x[link=y].txt"
    announcement.write_text(
        f"Germany [/] {LINK} {ESC} will deliver 10,000 rounds of 155 mm artillery ammunition "
        "to Ukraine, the ministry announced.",
        encoding="utf-8",
    )
    result = run(db_url, "read", str(announcement), "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout  # the escape sequence never reaches the terminal
    assert "\\x1b[31m" in result.stdout  # it is shown as text instead
    assert f"Germany [/] {LINK}" in result.stdout
    assert "Read from note[red]x[link=y].txt: 1 drafts" in result.stdout
    stored = run(db_url, "drafts", "list")
    assert stored.exit_code == 0, stored.output
    assert "\x1b" not in stored.stdout
    assert "[/]" in stored.stdout and "[link=http://x]" in stored.stdout
    assert "Drafts (pending): 1" in stored.stdout


def test_plain_console_reads_no_markup_in_cells_titles_captions_and_messages() -> None:
    out = io.StringIO()
    console = PlainConsole(file=out, width=120, force_terminal=True, color_system="truecolor")
    table = Table("ref", title=f"title {REF}", caption=f"caption {LINK} :smile:")
    table.add_row(f"{REF} {LINK}{ESC}")
    console.print(table)
    console.print(f"message {LINK} {REF}")
    console.print(styled(("ok", "green"), f" {REF}{ESC}"))
    text = out.getvalue()
    for shown in (f"title {REF}", f"caption {LINK} :smile:", f"{REF} {LINK}\\x1b[31m"):
        assert shown in text
    assert f"message {LINK} {REF}" in text
    assert "\x1b]8;" not in text  # no OSC 8 hyperlink
    assert "\x1b[31m" not in text  # the record's own escape is shown, not run
    assert "\x1b[32m" in text  # while the console's own styles still work


def test_clean_keeps_text_and_shows_controls() -> None:
    assert clean("a\tb\nc") == "a\tb\nc"
    assert clean("a\x1bb\x07\x9b\x7f") == "a\\x1bb\\x07\\x9b\\x7f"
    assert clean("Ünïcødé — [/]") == "Ünïcødé — [/]"
