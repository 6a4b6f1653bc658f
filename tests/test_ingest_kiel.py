"""Kiel Institute Ukraine Support Tracker release 29: import, report, reconcile, bad layout."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from materiel.db import read_session
from materiel.ingest import kiel
from materiel.records import AuditEvent, Item, Nation, Pledge
from materiel.records.tracker import TrackerMonthly, TrackerRelease, TrackerWeapons
from materiel.services import writer

# the shared/ folder next to the repository (CI clones it there), else this workplace's copy
KIEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "kiel-ust-release29"
if not KIEL.exists():
    KIEL = Path("/work/shared/data/kiel-ust-release29")
pytestmark = pytest.mark.skipif(not KIEL.exists(), reason="Kiel release 29 data not available")


def _counts(engine: Engine) -> tuple[int, int, int]:
    with read_session(engine) as s:
        return (
            s.scalar(select(func.count()).select_from(TrackerMonthly)) or 0,
            s.scalar(select(func.count()).select_from(TrackerWeapons)) or 0,
            s.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


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
    assert {w["item_category"] for w in data.weapons} <= {
        "air-defence-system",
        "artillery-system",
        "armoured-vehicle",
        "rocket-artillery-system",
        "main-battle-tank",
    }


def test_import_is_idempotent_and_reported(engine: Engine) -> None:
    assert kiel.import_release(engine, KIEL, actor="t") == "created"
    monthly, weapons, events = _counts(engine)
    assert (monthly, weapons) == (1079, 61)
    assert kiel.import_release(engine, KIEL, actor="t") == "unchanged"
    assert _counts(engine) == (monthly, weapons, events)
    with read_session(engine) as s:
        rel = s.scalars(select(TrackerRelease)).one()
        assert rel.files["data_explorer.csv"]["rows"] == 1079
    # totals by donor equal the column sums of the file
    import pandas as pd

    raw = pd.read_csv(KIEL / "data_explorer.csv")
    by_donor = kiel.report(engine, release_code="kiel-29", by="donor")
    usa = by_donor[by_donor["nation_code"] == "USA"].iloc[0]
    assert usa["military"] == pytest.approx(raw.loc[raw["iso"] == "USA", "military"].sum())
    assert by_donor.iloc[0]["military"] == by_donor["military"].max()
    by_year = kiel.report(engine, release_code="kiel-29", by="year", donor="DNK")
    assert set(by_year["year"]) == set(raw.loc[raw["iso"] == "DNK", "year"])
    assert by_year["total"].sum() == pytest.approx(raw.loc[raw["iso"] == "DNK", "total"].sum())
    by_month = kiel.report(engine, release_code="kiel-29", by="month", donor="EUU", year=2023)
    assert len(by_month) == len(raw[(raw["iso"] == "EU") & (raw["year"] == 2023)])


def test_reconcile_against_own_pledges(engine: Engine) -> None:
    kiel.import_release(engine, KIEL, actor="t")
    with writer(engine, actor="t") as w:
        for code in ("DNK", "UKR"):
            w.create(Nation, code=code, name=code)
        w.create(
            Item,
            code="arty.caesar",
            name="CAESAR",
            category="artillery-system",
            calibre="155mm",
            unit="each",
            unit_value=4e6,
            currency="EUR",
            aliases=[],
        )
        w.create(
            Pledge,
            ref="P-DK-1",
            donor_code="DNK",
            recipient_code="UKR",
            item_code="arty.caesar",
            quantity=19,
            value_amount=1.0e9,
            value_currency="DKK",
            announced_on=dt.date(2023, 1, 19),
        )
        w.create(
            Pledge,
            ref="P-DK-2",
            donor_code="DNK",
            recipient_code="UKR",
            item_code="arty.caesar",
            quantity=2,
            announced_on=dt.date(2023, 1, 25),
        )
    rec = kiel.reconcile(engine, release_code="kiel-29", donor="DNK")
    assert "release 29" in rec.citation
    assert rec.estimated == 1
    assert rec.rate_dates is not None and rec.rate_dates[0] <= dt.date(2023, 1, 19)
    jan = rec.table[(rec.table["year"] == 2023) & (rec.table["month"] == 1)].iloc[0]
    dkk_eur = 1.0e9 / 7.44  # about 7.44 DKK per EUR (pegged)
    assert jan["materiel_pledged_eur"] == pytest.approx(dkk_eur + 2 * 4e6, rel=0.01)
    assert jan["pledges"] == 2
    import pandas as pd

    raw = pd.read_csv(KIEL / "data_explorer.csv")
    kiel_jan = raw[(raw["iso"] == "DNK") & (raw["year"] == 2023) & (raw["month"] == 1)]
    assert jan["kiel_military_eur"] == pytest.approx(kiel_jan["military"].sum() * 1e9)
    big = abs(jan["difference_eur"]) > 0.25 * max(
        jan["kiel_military_eur"], jan["materiel_pledged_eur"]
    )
    assert bool(jan["flagged"]) == bool(big)
    # months where materiel has nothing but Kiel has commitments are flagged
    others = rec.table[(rec.table["pledges"] == 0) & (rec.table["kiel_military_eur"] > 2e6)]
    assert len(others) > 0 and others["flagged"].all()


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("data_explorer.csv", '"military",', '"military_aid",', "missing columns: military"),
        (
            "data_explorer.csv",
            '"gdp","pct_gdp"',
            '"gdp","pct_gdp","extra"',
            "unexpected columns: extra",
        ),
        ("weapons.csv", '"number_of_weapons",', '"count",', "missing columns: number_of_weapons"),
        ("data_explorer.csv", "2022,2,0.002645", "2022,2,abc", "row 2, column total"),
        (
            "weapons.csv",
            '"Australia","Howitzers"',
            '"Atlantis","Howitzers"',
            "row 2: donor 'Atlantis'",
        ),
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
