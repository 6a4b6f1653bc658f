"""Kiel Institute Ukraine Support Tracker: release 29's website files, and a Main Database
workbook with the real layout built here from release 29's published figures (the real
workbook is not shipped): import, per-donor totals against Kiel's published ones, report,
weapons, reconcile and draft pledges; old layouts, empty files and bad rows."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from materiel.cli.main import app
from materiel.db import read_session
from materiel.ingest import kiel, service
from materiel.ingest.kiel_activities import month_of_counter, read_activities
from materiel.ingest.kiel_drafts import to_drafts
from materiel.records import AuditEvent, IngestDraft, Item, Nation, Pledge
from materiel.records.tracker import (
    TrackerActivity,
    TrackerDonorTotal,
    TrackerMonthly,
    TrackerRelease,
    TrackerWeapons,
)
from materiel.reference import load_reference
from materiel.services import writer

# the shared/ folder next to the repository (CI clones it there), else this workplace's copy
KIEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "kiel-ust-release29"
if not KIEL.exists():
    KIEL = Path("/work/shared/data/kiel-ust-release29")
pytestmark = pytest.mark.skipif(not KIEL.exists(), reason="Kiel release 29 data not available")
runner = CliRunner()

#: the columns of the Main Database's "Bilateral Assistance, MAIN DATA" sheet that matter,
#: in the order of recent releases, with some the importer does not read
MAIN_COLUMNS = [
    "ID",
    "donor",
    "announcement_date",
    "month",
    "month_exists_dummy",
    "aid_type_general",
    "aid_type_specific",
    "measure",
    "explanation",
    "item",
    "item_number",
    "item_numb_deliv",
    "reporting_currency",
    "tot_activity_value",
    "tot_activity_value_EUR",
    "tot_sub_activity_value",
    "tot_sub_activity_value_EUR",
    "tot_sub_activity_value_EUR_redistr",
    "tot_value_deliv_EUR",
    "Source of Aid 1",
    "Source of Aid 2",
]
SUMMARY_COLUMNS = [
    None,
    "Country",
    "EU member",
    "Geographic Europe",
    "Financial allocations",
    "Humanitarian allocations",
    "Military allocations",
    "Total bilateral allocations",
    "Financial commitments",
    "Humanitarian commitments",
    "Military commitments",
    "Total bilateral commitments",
]


def _counts(engine: Engine) -> tuple[int, int, int]:
    with read_session(engine) as s:
        return (
            s.scalar(select(func.count()).select_from(TrackerMonthly)) or 0,
            s.scalar(select(func.count()).select_from(TrackerWeapons)) or 0,
            s.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def activity_rows() -> list[dict[str, Any]]:
    """Activity rows whose sums are release 29's published figures: for every donor-month
    one activity, its military row carrying the month's commitments as the activity value,
    then financial and humanitarian allocations as further rows; every fifth activity dated
    by the month counter only, and a few with the month unknown."""
    raw = pd.read_csv(KIEL / "data_explorer.csv")
    rows: list[dict[str, Any]] = []
    for i, r in enumerate(raw.itertuples(index=False)):
        donor = "EU (Commission and Council)" if r.iso == "EU" else r.country
        counter = (r.year - 2022) * 12 + r.month
        unknown = i % 97 == 3
        dated = i % 5 != 0 and not unknown
        act = f"{r.iso}-{r.year}{r.month:02d}"
        for kind, value in (
            ("Military", r.military),
            ("Financial", r.financial),
            ("Humanitarian", r.humanitarian),
        ):
            first = kind == "Military"
            if not first and value == 0:
                continue
            rows.append(
                {
                    "ID": act,
                    "donor": donor,
                    "announcement_date": dt.datetime(r.year, r.month, 15) if dated else None,
                    "month": 0 if unknown else counter,
                    "month_exists_dummy": 0 if unknown else 1,
                    "aid_type_general": kind + (" " if kind == "Humanitarian" else ""),
                    "aid_type_specific": "Weapons and equipment" if first else "Budget support",
                    "measure": "Allocation",
                    "explanation": f"{kind} aid of {donor}",
                    "item": "M777 howitzer" if first and r.iso == "AUS" else None,
                    "item_number": 6 if first and r.iso == "AUS" else ".",
                    "item_numb_deliv": None,
                    "reporting_currency": "EUR",
                    "tot_activity_value": r.commitments * 1e9 if first else None,
                    "tot_activity_value_EUR": r.commitments * 1e9 if first else None,
                    "tot_sub_activity_value": value * 1e9,
                    "tot_sub_activity_value_EUR": value * 1e9,
                    "tot_sub_activity_value_EUR_redistr": value * 1e9,
                    "tot_value_deliv_EUR": None,
                    "Source of Aid 1": f"https://example.org/{act}",
                    "Source of Aid 2": None,
                }
            )
    return rows


def summary_rows() -> list[list[Any]]:
    """Country Summary (€) as published: EUR billions per donor (header on row 8)."""
    raw = pd.read_csv(KIEL / "data_explorer.csv")
    by = raw.groupby(["iso", "country"], as_index=False)[
        ["financial", "humanitarian", "military", "total", "commitments"]
    ].sum()
    out: list[list[Any]] = [[None] * 12 for _ in range(7)]
    out[1][1] = "Ukraine Support Tracker - Country Summary (€ billion)"
    out.append(SUMMARY_COLUMNS)
    out.append([None] * 12)  # a blank row under the header, as in the workbook
    for r in by.itertuples(index=False):
        name = "EU (Commission and Council)" if r.iso == "EU" else r.country
        out.append(
            [
                None,
                name,
                1,
                1,
                r.financial,
                r.humanitarian,
                r.military,
                r.total,
                None,
                None,
                r.commitments,
                r.commitments,
            ]
        )
    out.append([None, "Total", None, None, *([0.0] * 8)])
    return out


def write_workbook(
    path: Path, rows: list[dict[str, Any]], columns: list[str] = MAIN_COLUMNS, summary: bool = True
) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    readme = wb.create_sheet("README")
    readme.append(["Ukraine Support Tracker, Release 29 (synthetic rows from published totals)"])
    if summary:
        ws = wb.create_sheet("Country Summary (€)")
        for r in summary_rows():
            ws.append(r)
    ws = wb.create_sheet("Bilateral Assistance, MAIN DATA")
    ws.append(columns)
    for r in rows:
        ws.append([r.get(c) for c in columns])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kiel") / "Ukraine_Support_Tracker_Release_29.xlsx"
    return write_workbook(path, activity_rows())


# -- website files -------------------------------------------------------------------------


def test_load_maps_donors_and_categories() -> None:
    data = kiel.load_release(KIEL)
    assert (data.release, data.code, data.published_on) == ("29", "kiel-29", dt.date(2026, 8, 4))
    assert "Kiel Institute for the World Economy" in data.citation
    codes = {r["nation_code"] for r in data.monthly}
    assert {"EUU", "USA", "DEU", "CZE", "KOR", "TUR", "TWN"} <= codes
    assert len(data.monthly) == 1079 and len(data.weapons) == 61
    aus = [w for w in data.weapons if w["nation_code"] == "AUS" and w["category"] == "Howitzers"]
    assert aus[0]["item_category"] == "artillery-system"
    assert aus[0]["number_of_weapons"] == 6


def test_import_is_idempotent_and_reported(engine: Engine) -> None:
    assert kiel.import_release(engine, KIEL, actor="t") == "created"
    monthly, weapons, events = _counts(engine)
    assert (monthly, weapons) == (1079, 61)
    assert kiel.import_release(engine, KIEL, actor="t") == "unchanged"
    assert _counts(engine) == (monthly, weapons, events)
    raw = pd.read_csv(KIEL / "data_explorer.csv")
    by_donor = kiel.report(engine, release_code="kiel-29", by="donor", total_row=True)
    usa = by_donor[by_donor["nation_code"] == "USA"].iloc[0]
    assert usa["military_allocations"] == pytest.approx(
        raw.loc[raw["iso"] == "USA", "military"].sum()
    )
    assert usa["total_commitments"] == pytest.approx(118.963336)  # Kiel's published figure
    assert pd.isna(usa["military_commitments"])  # the website file has none
    assert usa["basis"] == "monthly"
    everyone = by_donor[by_donor["nation_code"] == "ALL"].iloc[0]
    assert everyone["total_allocations"] == pytest.approx(raw["total"].sum())
    assert everyone["total_commitments"] == pytest.approx(raw["commitments"].sum())
    # negative "to be allocated" (allocations above commitments) is clamped, as Kiel does
    aus = by_donor[by_donor["nation_code"] == "AUS"].iloc[0]
    assert aus["total_commitments"] < aus["total_allocations"] and aus["to_be_allocated"] == 0
    donors = by_donor[by_donor["nation_code"] != "ALL"]
    assert everyone["to_be_allocated"] == pytest.approx(donors["to_be_allocated"].sum())
    by_year = kiel.report(engine, release_code="kiel-29", by="year", donor="DNK")
    assert set(by_year["year"]) == set(raw.loc[raw["iso"] == "DNK", "year"])
    by_month = kiel.report(engine, release_code="kiel-29", by="month", donor="EUU", year=2023)
    assert len(by_month) == len(raw[(raw["iso"] == "EU") & (raw["year"] == 2023)])
    heavy = kiel.weapons(engine, release_code="kiel-29")
    assert (
        len(heavy) == 61
        and heavy.iloc[0]["monetary_value_eur"] == heavy["monetary_value_eur"].max()
    )


def test_the_cli_shows_commitments_allocations_total_and_weapons(sqlite_engine: Engine) -> None:
    db = str(sqlite_engine.url.database)
    assert runner.invoke(app, ["--db", db, "kiel", "import", str(KIEL)]).exit_code == 0
    r = runner.invoke(app, ["--db", db, "kiel", "report"])
    assert r.exit_code == 0, r.output
    text = " ".join(r.stdout.split())  # (cells may wrap; the caption and footer are text)
    assert "clamped to 0 as Kiel does" in text and "61 heavy-weapons rows" in text
    r = runner.invoke(app, ["--db", db, "kiel", "report", "--json"])
    out = json.loads(r.stdout)
    last = out["rows"][-1]
    assert (last["nation_code"], last["donor"]) == ("ALL", "all donors (42)")
    assert {"military_commitments", "military_allocations", "total_commitments"} <= set(last)
    assert len(out["weapons"]) == 61
    r = runner.invoke(app, ["--db", db, "kiel", "weapons", "--donor", "AUS", "--json"])
    rows = json.loads(r.stdout)["rows"]
    assert {row["category"] for row in rows} == {"Howitzers", "Tanks"}


def test_older_and_sparser_website_layouts_are_read_by_name(engine: Engine, tmp_path: Path) -> None:
    """The 11-column layout (no to_be_allocated), columns in another order, an extra column,
    and a weapons file with only its header all import."""
    old = tmp_path / "release"
    old.mkdir()
    raw = pd.read_csv(KIEL / "data_explorer.csv")
    cols = [
        "iso",
        "country",
        "year",
        "month",
        "military",
        "total",
        "financial",
        "humanitarian",
        "commitments",
        "gdp",
        "pct_gdp",
    ]
    raw[cols].assign(note="x").to_csv(old / "data_explorer.csv", index=False)
    (old / "weapons.csv").write_text(
        '"donor","category","number_of_weapons","monetary_value_eur","weapons_list"\n'
    )
    summary = kiel.import_path(engine, old, actor="t", release="28")
    assert (summary.how, summary.monthly, summary.weapons) == ("created", 1079, 0)
    assert any("columns ignored: note" in n for n in summary.notes)
    df = kiel.monthly_frame(engine, "kiel-28")
    aus = df[(df["nation_code"] == "AUS") & (df["year"] == 2025) & (df["month"] == 12)].iloc[0]
    assert aus["to_be_allocated"] == pytest.approx(0.023535 - 0.053874)  # computed, as published


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("data_explorer.csv", '"military",', '"military_aid",', "missing columns: military"),
        ("weapons.csv", '"number_of_weapons",', '"count",', "missing columns: number_of_weapons"),
        ("data_explorer.csv", "2022,2,0.002645", "2022,2,abc", "row 2, column total: 'abc'"),
        ("weapons.csv", '"Australia","Howitzers"', '"Atlantis","Howitzers"', "row 2, column donor"),
    ],
)
def test_bad_layout_writes_nothing(
    engine: Engine, tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    bad = tmp_path / "release"
    shutil.copytree(KIEL, bad)
    (bad / file).chmod(0o644)
    text = (bad / file).read_text()
    assert old in text
    (bad / file).write_text(text.replace(old, new, 1))
    with pytest.raises(kiel.LayoutError, match=message) as err:
        kiel.import_release(engine, bad, actor="t")
    assert file in str(err.value)
    assert _counts(engine) == (0, 0, 0)


# -- the Main Database workbook -----------------------------------------------------------------


def test_month_counter() -> None:
    assert month_of_counter(1) == (2022, 1)
    assert month_of_counter(12) == (2022, 12)
    assert month_of_counter(37) == (2025, 1)


def test_workbook_totals_match_kiels_published_figures(engine: Engine, workbook: Path) -> None:
    """Issue 17's goal: per-donor totals recomputed from the row-level data match the
    release's published figures (its website file and the workbook's country summary)
    within 0.1 % for every donor."""
    kiel.import_path(engine, KIEL, actor="t")
    summary = kiel.import_path(engine, workbook, actor="t")
    assert summary.release == "29" and summary.activities > 1079 and summary.totals
    check = kiel.check_published(engine, release_code="kiel-29")
    assert set(check["published_by"]) == {
        "data_explorer.csv",
        "Ukraine_Support_Tracker_Release_29.xlsx [Country Summary (€)]",
    }
    assert check["nation_code"].nunique() == 42
    assert check["within"].all(), check[~check["within"]]
    assert check["relative_difference"].max() <= kiel.TOLERANCE
    by_donor = kiel.report(engine, release_code="kiel-29")
    assert set(by_donor["basis"]) == {"activities"}
    deu = by_donor[by_donor["nation_code"] == "DEU"].iloc[0]
    raw = pd.read_csv(KIEL / "data_explorer.csv")
    assert deu["military_allocations"] == pytest.approx(
        raw.loc[raw["iso"] == "DEU", "military"].sum()
    )
    assert deu["military_commitments"] > 0  # the row-level data has military commitments
    with read_session(engine) as s:
        unknown = s.scalar(
            select(func.count()).select_from(TrackerActivity).where(~TrackerActivity.month_known)
        )
        eu = set(
            s.scalars(
                select(TrackerActivity.donor_name).where(TrackerActivity.nation_code == "EUU")
            )
        )
        rel = s.scalars(select(TrackerRelease)).one()
    assert unknown and unknown > 5 and eu == {"EU (Commission and Council)"}
    assert {v["kind"] for v in rel.files.values()} == {"website", "activities"}
    # the same files again change nothing
    assert kiel.import_path(engine, workbook, actor="t").how == "unchanged"
    assert kiel.import_path(engine, KIEL, actor="t").how == "unchanged"


def test_a_figure_off_by_more_than_a_tenth_of_a_percent_is_named(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    rows = activity_rows()
    for r in rows:  # every military allocation of Denmark 1 % too high
        if r["donor"] == "Denmark" and r["aid_type_general"] == "Military":
            r["tot_sub_activity_value_EUR_redistr"] *= 1.01
    book = write_workbook(tmp_path / "Ukraine_Support_Tracker_Release_29.xlsx", rows)
    kiel.import_path(sqlite_engine, book, actor="t")
    check = kiel.check_published(sqlite_engine, release_code="kiel-29")
    off = check[~check["within"]]
    assert set(off["nation_code"]) == {"DNK"}
    assert set(off["figure"]) == {"military_allocations", "total_allocations"}
    r = runner.invoke(
        app, ["--db", str(sqlite_engine.url.database), "kiel", "check", "--differing", "--json"]
    )
    assert {row["nation_code"] for row in json.loads(r.stdout)["rows"]} == {"DNK"}


def test_older_workbook_layouts_and_csv_are_read_by_name(engine: Engine, tmp_path: Path) -> None:
    """A release before allocations were tracked (no measure, no redistributed value, other
    header spellings) and the same rows as CSV."""
    old_cols = [
        "ID",
        "Countries",
        "Announcement Date",
        "Type of Aid General",
        "Item",
        "item_number",
        "tot_activity_value_EUR",
        "tot_sub_activity_value_EUR_OLD",
    ]
    rows = [
        {
            "ID": "A-1",
            "Countries": "Germany",
            "Announcement Date": "24.02.2022",
            "Type of Aid General": "Military",
            "Item": "Stinger",
            "item_number": 500,
            "tot_activity_value_EUR": 2e8,
            "tot_sub_activity_value_EUR_OLD": 1.5e8,
        },
        {
            "ID": "A-1",
            "Countries": "Germany",
            "Announcement Date": "24.02.2022",
            "Type of Aid General": "Military",
            "Item": "Strela",
            "item_number": 2700,
            "tot_activity_value_EUR": None,
            "tot_sub_activity_value_EUR_OLD": 5e7,
        },
        {
            "ID": "A-2",
            "Countries": "European Peace Facility",
            "Announcement Date": None,
            "Type of Aid General": "Military",
            "Item": None,
            "item_number": None,
            "tot_activity_value_EUR": 5e8,
            "tot_sub_activity_value_EUR_OLD": 5e8,
        },
    ]
    book = tmp_path / "tracker-release-2.xlsx"
    write_workbook(
        book,
        [{k.replace(" ", " "): v for k, v in r.items()} for r in rows],
        old_cols,
        summary=False,
    )
    data = read_activities(book)
    assert [r["measure"] for r in data.rows] == ["commitment"] * 3
    assert data.columns["value_eur"] == "tot_sub_activity_value_EUR_OLD"
    assert any("before allocations were tracked" in n for n in data.notes)
    summary = kiel.import_path(engine, book, actor="t")
    assert (summary.release, summary.activities) == ("2", 3)
    df = kiel.report(engine, release_code="kiel-2")
    deu = df[df["nation_code"] == "DEU"].iloc[0]
    assert deu["military_commitments"] == pytest.approx(0.2) and deu["military_allocations"] == 0
    eu = df[df["nation_code"] == "EUU"].iloc[0]
    assert eu["military_commitments"] == pytest.approx(0.5)
    # the same rows as a semicolon CSV
    path = tmp_path / "activities.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(old_cols)
        for r in rows:
            w.writerow(["" if r[c] is None else r[c] for c in old_cols])
    assert kiel.import_path(engine, path, actor="t", release="2").how == "updated"
    assert kiel.report(engine, release_code="kiel-2")["total_commitments"].sum() == pytest.approx(
        0.7
    )


def test_bad_rows_are_all_named_and_nothing_is_written(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    rows = activity_rows()[:40]
    rows[2]["donor"] = "Atlantis"
    rows[5]["aid_type_general"] = "Moral"
    rows[7]["tot_sub_activity_value_EUR_redistr"] = "lots"
    rows[9]["announcement_date"] = "31.02.2023"
    book = write_workbook(tmp_path / "Ukraine_Support_Tracker_Release_29.xlsx", rows, summary=False)
    with pytest.raises(kiel.LayoutError) as err:
        kiel.import_path(sqlite_engine, book, actor="t")
    got = [(i.sheet, i.row, i.column) for i in err.value.issues.items]
    sheet = "Bilateral Assistance, MAIN DATA"
    assert got == [
        (sheet, 4, "donor"),
        (sheet, 7, "aid_type_general"),
        (sheet, 9, "tot_sub_activity_value_EUR_redistr"),
        (sheet, 11, "announcement_date"),
    ]
    assert "'Atlantis' is not a nation" in err.value.issues.items[0].reason
    with read_session(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(TrackerActivity)) == 0
    r = runner.invoke(app, ["--db", str(sqlite_engine.url.database), "kiel", "import", str(book)])
    assert r.exit_code == 1
    assert "sheet Bilateral Assistance, MAIN DATA, row 4, column donor" in r.stderr
    assert "4 problem(s); nothing was imported" in r.stderr
    no_sheet = tmp_path / "other.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.save(no_sheet)
    with pytest.raises(kiel.LayoutError, match=r"has no a sheet named"):
        read_activities(no_sheet)


# -- reconcile ----------------------------------------------------------------------------------


def _nations_and_item(w: Any) -> None:
    load_reference(w)


def _pledge(
    w: Any, ref: str, donor: str, on: dt.date, eur: float, status: str = "committed"
) -> None:
    w.create(
        Pledge,
        ref=ref,
        donor_code=donor,
        recipient_code="UKR",
        item_code="ammo.artillery.155mm",
        quantity=100,
        value_amount=eur,
        value_currency="EUR",
        announced_on=on,
        status=status,
    )


def test_reconcile_compares_like_with_like_and_names_it(engine: Engine, workbook: Path) -> None:
    kiel.import_path(engine, KIEL, actor="t")
    with writer(engine, actor="t") as w:
        _nations_and_item(w)
        _pledge(w, "P-1", "DNK", dt.date(2023, 1, 19), 1.3e8)
        _pledge(w, "P-2", "DNK", dt.date(2023, 1, 25), 9e6, status="announced")
        _pledge(w, "P-3", "DNK", dt.date(2023, 2, 2), 5e6, status="cancelled")
    rec = kiel.reconcile(engine, release_code="kiel-29", donor="DNK")
    assert "military allocations" in rec.kiel_label and "website monthly file" in rec.kiel_label
    assert rec.materiel_label.startswith("materiel pledges committed, delivering or delivered")
    assert rec.overlap == ("2023-01", "2023-01")
    raw = pd.read_csv(KIEL / "data_explorer.csv")
    kiel_jan = raw[(raw["iso"] == "DNK") & (raw["year"] == 2023) & (raw["month"] == 1)]
    jan = rec.table.iloc[0]
    assert (int(jan["year"]), int(jan["month"]), jan["pledges"]) == (2023, 1, 1)
    assert jan["kiel_eur"] == pytest.approx(kiel_jan["military"].sum() * 1e9)
    assert jan["materiel_eur"] == pytest.approx(1.3e8)
    assert len(rec.table) == 1  # only the month both cover
    assert rec.outside["kiel"] > 10 and "the months both cover" in rec.explanation
    with pytest.raises(ValueError, match="no military commitments"):
        kiel.reconcile(engine, release_code="kiel-29", measure="commitments")
    kiel.import_path(engine, workbook, actor="t")
    both = kiel.reconcile(engine, release_code="kiel-29", measure="commitments", donor="DNK")
    assert "military commitments (row-level activities" in both.kiel_label
    assert both.table["pledges"].sum() == 2  # the announced pledge counts as a commitment


def test_reconcile_without_shared_months_explains_instead_of_flagging(engine: Engine) -> None:
    kiel.import_path(engine, KIEL, actor="t")
    with writer(engine, actor="t") as w:
        _nations_and_item(w)
        _pledge(w, "P-1", "DEU", dt.date(2026, 9, 1), 1e8)
        _pledge(w, "P-2", "USA", dt.date(2026, 11, 1), 1e8)
    rec = kiel.reconcile(engine, release_code="kiel-29")
    assert rec.table.empty and rec.overlap is None
    assert rec.explanation.startswith("No month in common: Kiel's figures run 2022-01 to 2026-04")
    assert "materiel's pledges 2026-09 to 2026-11" in rec.explanation
    r = runner.invoke(
        app, ["--db", engine.url.render_as_string(hide_password=False), "kiel", "reconcile"]
    )
    assert r.exit_code == 0 and "No month in common" in " ".join(r.stdout.split())
    assert "differs" not in r.stdout


def test_reconcile_says_when_flagged_rows_have_one_side_only(engine: Engine) -> None:
    """Issue 19: rows flagged because one side recorded nothing for a donor and month are
    named as such, not left to read as disagreements."""
    kiel.import_path(engine, KIEL, actor="t")
    with writer(engine, actor="t") as w:
        _nations_and_item(w)
        _pledge(w, "P-1", "DNK", dt.date(2023, 1, 19), 1.3e8)
    rec = kiel.reconcile(engine, release_code="kiel-29")
    flagged = rec.table[rec.table["flagged"]]
    no_pledge = int((flagged["materiel_eur"] == 0).sum())
    assert no_pledge > 0
    r = runner.invoke(
        app, ["--db", engine.url.render_as_string(hide_password=False), "kiel", "reconcile"]
    )
    out = " ".join(r.stdout.split())
    assert r.exit_code == 0, r.output
    assert f"{no_pledge} donor-months with a Kiel figure but no materiel pledge" in out


# -- draft pledges ------------------------------------------------------------------------------


def test_activity_rows_become_draft_pledges_once(engine: Engine, tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [
        # an activity with a commitment and two allocated packages: two drafts, not three
        {
            "ID": "1",
            "donor": "Germany",
            "announcement_date": dt.datetime(2023, 5, 13),
            "aid_type_general": "Military",
            "measure": "Commitment",
            "explanation": "package",
            "tot_activity_value_EUR": 2.7e9,
            "tot_sub_activity_value_EUR_redistr": 0,
        },
        {
            "ID": "1",
            "donor": "Germany",
            "announcement_date": dt.datetime(2023, 5, 13),
            "aid_type_general": "Military",
            "measure": "Allocation",
            "item": "IRIS-T SLM",
            "item_number": 4,
            "tot_sub_activity_value_EUR_redistr": 5.6e8,
            "Source of Aid 1": "https://www.bmvg.de/x",
        },
        {
            "ID": "1",
            "donor": "Germany",
            "announcement_date": dt.datetime(2023, 5, 13),
            "aid_type_general": "Military",
            "measure": "Allocation",
            "item": "155mm shells",
            "item_number": 20000,
            "tot_sub_activity_value_EUR_redistr": 1e8,
        },
        # an EU instrument with a commitment only: one draft for EUU
        {
            "ID": "2",
            "donor": "European Peace Facility",
            "month": 17,
            "month_exists_dummy": 1,
            "aid_type_general": "Military",
            "measure": "Commitment",
            "tot_activity_value_EUR": 5e8,
            "tot_sub_activity_value_EUR_redistr": 0,
        },
        # humanitarian aid is not a pledge of materiel
        {
            "ID": "3",
            "donor": "France",
            "month": 5,
            "aid_type_general": "Humanitarian",
            "measure": "Allocation",
            "tot_sub_activity_value_EUR_redistr": 1e6,
        },
    ]
    book = write_workbook(tmp_path / "Ukraine_Support_Tracker_Release_29.xlsx", rows, summary=False)
    with writer(engine, actor="t") as w:
        _nations_and_item(w)
    kiel.import_path(engine, book, actor="t")
    first = to_drafts(engine, release_code="kiel-29", actor="t")
    assert len(first.created) == 3 and first.commitments_covered == 1
    again = to_drafts(engine, release_code="kiel-29", actor="t")
    assert again.created == [] and again.skipped_existing == 3
    drafts = service.list_drafts(engine)
    by_donor = {d["fields"]["donor"]: d for d in drafts if d["fields"]["donor"] == "EUU"}
    eu = by_donor["EUU"]["fields"]
    assert eu["amount"] == 5e8 and eu["date"] == "2023-05-01" and eu["quantity"] is None
    assert "European Peace Facility" in eu["note"]
    shells = next(d for d in drafts if d["fields"].get("item") == "ammo.artillery.155mm")
    assert shells["fields"]["quantity"] == 20000 and "Kiel UST kiel-29" in shells["source_name"]
    assert "Ukraine Support Tracker, release 29" in shells["evidence"]
    ref = service.accept_draft(engine, shells["id"], actor="reviewer")
    with read_session(engine) as s:
        p = s.scalars(select(Pledge).where(Pledge.ref == ref)).one()
        assert (p.donor_code, p.quantity, p.value_amount) == ("DEU", 20000, 1e8)
        assert s.scalar(select(func.count()).select_from(IngestDraft)) == 3
        assert s.get(Nation, "EUU") is not None and s.get(Item, "ammo.artillery.155mm")
        assert s.scalar(select(func.count()).select_from(TrackerDonorTotal)) == 0
