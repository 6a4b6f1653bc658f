"""Reference data: nations with GDP and alliances, the item catalogue, idempotent loading."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from materiel import money
from materiel.db import read_session
from materiel.records import AllianceMember, Item, Nation
from materiel.reference import (
    CATEGORIES,
    EU_INSTITUTIONS,
    alliances_of,
    catalogue,
    gdp_table,
    load_reference,
    nations,
    parse_aliases,
)
from materiel.services import verify_chain, writer

REQUIRED_KINDS = set(CATEGORIES) - {"other-military", "unspecified"}


def test_load_reference_counts_and_is_idempotent(engine: Engine) -> None:
    with writer(engine, actor="test") as w:
        first = load_reference(w)
    assert first["updated"] == 0 and first["unchanged"] == 0
    with writer(engine, actor="test") as w:
        second = load_reference(w)
    assert second == {"created": 0, "updated": 0, "unchanged": first["created"]}

    with read_session(engine) as s:
        n_nations = s.scalar(select(func.count()).select_from(Nation))
        n_items = s.scalar(select(func.count()).select_from(Item))
        n_members = s.scalar(select(func.count()).select_from(AllianceMember))
        members = {
            (a, n)
            for a, n in s.execute(select(AllianceMember.alliance, AllianceMember.nation_code))
        }
        categories = set(s.scalars(select(Item.category).distinct()))
        calibres = set(
            s.scalars(
                select(Item.calibre).where(Item.category == "artillery-ammunition").distinct()
            )
        )
        deu = s.get(Nation, "DEU")
        ukr = s.get(Nation, "UKR")
        euu = s.get(Nation, EU_INSTITUTIONS)
        shell = s.get(Item, "ammo.artillery.155mm")
        report = verify_chain(s)
    assert n_nations is not None and n_nations >= 240
    assert n_items is not None and n_items >= 40
    assert first["created"] == n_nations + n_items + n_members
    assert categories >= REQUIRED_KINDS
    assert {"155mm", "152mm", "122mm", "105mm"} <= calibres
    assert deu is not None and ukr is not None and euu is not None
    assert euu.name == "European Union institutions" and euu.gdp_eur_bn is None
    assert deu.gdp_eur_bn == pytest.approx(gdp_table()["DEU"].gdp_eur_bn)
    assert deu.gdp_source is not None and "Kiel" in deu.gdp_source
    assert {("NATO", "DEU"), ("EU", "DEU"), ("EU", EU_INSTITUTIONS)} <= members
    assert not deu.is_donor
    assert ukr.gdp_eur_bn is None and not {a for a, n in members if n == "UKR"}
    assert n_members == 32 + 27 + 1  # NATO, the EU member states, the EU institutions
    assert shell is not None and shell.category == "artillery-ammunition"
    assert "155 mm" in shell.aliases and "M795" in shell.aliases
    assert report.ok, report.problems


def test_gdp_file_matches_the_kiel_tracker_columns() -> None:
    text = resources.files("materiel.reference").joinpath("gdp.csv").read_text()
    rows = list(csv.DictReader(text.splitlines()))
    assert {r["iso"] for r in rows} >= {"USA", "DEU", "GBR", "FRA", "POL", "JPN", "KOR"}
    assert all(float(r["gdp_eur_bn"]) > 0 for r in rows)
    assert all("Kiel Institute" in r["source"] for r in rows)
    table = gdp_table()
    assert table["USA"].gdp_eur_bn > table["DEU"].gdp_eur_bn > table["EST"].gdp_eur_bn


def test_catalogue_rows_are_complete() -> None:
    rows = catalogue()
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for r in rows:
        assert r["category"] in CATEGORIES, r["code"]
        assert r["unit_value"] > 0, r["code"]
        assert money.convertible(r["currency"]), r["code"]
        assert r["unit"], r["code"]
        assert r["aliases"], r["code"]
        assert r["value_basis"] in {"public-derived", "estimate", "accounting-unit"}
    by_code = {r["code"]: r for r in rows}
    for code in (
        "ammo.artillery.155mm",
        "ammo.artillery.152mm",
        "ammo.artillery.122mm",
        "ammo.artillery.105mm",
        "system.artillery.m777",
        "system.rocket.himars",
        "ammo.rocket.gmlrs",
        "system.airdefence.patriot",
        "missile.airdefence.pac3",
        "missile.airdefence.iris-t",
        "antitank.javelin",
        "tank.leopard2a4",
    ):
        assert code in by_code
    assert by_code["ammo.artillery.122mm"]["calibre"] == "122mm"
    assert by_code["antitank.javelin"]["calibre"] is None


def test_parse_aliases_accepts_json_and_pipes() -> None:
    assert parse_aliases('["155 mm", " M795 "]') == ["155 mm", "M795"]
    assert parse_aliases("155 mm| 155mm shells ||M795") == ["155 mm", "155mm shells", "M795"]
    assert parse_aliases("  ") == []


def test_alliances() -> None:
    assert alliances_of("USA") == ["NATO"]
    assert alliances_of("AUT") == ["EU"]
    assert alliances_of("SWE") == ["NATO", "EU"]
    assert alliances_of("UKR") == []


def test_init_loads_the_reference_once_and_update_keeps_the_users_values(
    tmp_path: Path,
) -> None:
    """Issue 17: `materiel init` leaves nations and the catalogue (idempotently; not with
    --no-reference); `materiel reference update` refreshes facts, adds what is missing, keeps
    roles and the values a user set on an item (and says so)."""
    from typer.testing import CliRunner

    from materiel.cli.main import app
    from materiel.db import get_engine

    runner = CliRunner()
    bare = str(tmp_path / "bare.db")
    r = runner.invoke(app, ["--db", bare, "init", "--no-reference"])
    assert r.exit_code == 0, r.output
    with read_session(get_engine(bare)) as s:
        assert s.scalar(select(func.count()).select_from(Nation)) == 0
    db = str(tmp_path / "m.db")
    r = runner.invoke(app, ["--db", db, "init"])
    assert r.exit_code == 0, r.output
    engine = get_engine(db)
    with read_session(engine) as s:
        n_nations = s.scalar(select(func.count()).select_from(Nation))
        n_items = s.scalar(select(func.count()).select_from(Item))
        events = verify_chain(s).events
    assert n_nations == len(nations()) and n_items == len(catalogue())
    r = runner.invoke(app, ["--db", db, "init"])
    assert r.exit_code == 0
    with read_session(engine) as s:
        assert verify_chain(s).events == events  # nothing changed, nothing audited
    with writer(engine, actor="ministry") as w:
        w.update(w.get(Nation, code="DEU"), is_donor=True, gdp_eur_bn=1.0)
        w.update(w.get(Item, code="ammo.artillery.155mm"), unit_value=4200.0, aliases=["obus"])
        w.delete(w.get(Item, code="ammo.artillery.152mm"))
    r = runner.invoke(app, ["--db", db, "reference", "update", "--json"])
    assert r.exit_code == 0, r.output
    import json

    out = json.loads(r.stdout)
    assert out["nations"]["updated"] == 1 and out["items"] == {
        "created": 1,
        "updated": 1,
        "unchanged": n_items - 2,
    }
    assert out["kept"] == ["ammo.artillery.155mm (unit_value)"]
    with read_session(engine) as s:
        deu, shell = s.get(Nation, "DEU"), s.get(Item, "ammo.artillery.155mm")
        assert deu is not None and shell is not None
        assert deu.is_donor and deu.gdp_eur_bn == pytest.approx(gdp_table()["DEU"].gdp_eur_bn)
        assert shell.unit_value == 4200.0 and shell.aliases[0] == "obus" and "M795" in shell.aliases
        assert s.get(Item, "ammo.artillery.152mm") is not None
        assert verify_chain(s).ok
    r = runner.invoke(app, ["--db", db, "reference", "update", "--overwrite-items"])
    assert r.exit_code == 0
    with read_session(engine) as s:
        shell = s.get(Item, "ammo.artillery.155mm")
        assert shell is not None and shell.unit_value == 5000.0
