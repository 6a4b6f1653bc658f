"""A small hand-made dataset covering every entity, loaded through the Writer, and helpers
shared by the io tests (imported as ``test_io_support``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text

from materiel.db import read_session
from materiel.records import (
    AuditEvent,
    Base,
    Caveat,
    Fund,
    FundItem,
    FundMember,
    Item,
    Meeting,
    Nation,
    Need,
    Order,
    Organisation,
    Pledge,
    ProductionLine,
    RampStep,
    Scenario,
    ScenarioRate,
    StockReport,
    StockTarget,
)
from materiel.services import verify_chain, writer

D = dt.date
FORMULA = '=HYPERLINK("http://evil.example","click")'


def base_records(engine: Engine) -> None:
    """Nations and items most tests reference."""
    with writer(engine, actor="test") as w:
        for code, name, donor, recipient in (
            ("DEU", "Germany", True, False),
            ("FRA", "France", True, False),
            ("POL", "Poland", True, False),
            ("CZE", "Czechia", True, False),
            ("UKR", "Ukraine", False, True),
        ):
            w.create(Nation, code=code, name=name, is_donor=donor, is_recipient=recipient)
        w.create(
            Item,
            code="ammo.artillery.155mm",
            name="155 mm artillery round",
            category="artillery-ammunition",
            calibre="155mm",
            unit="round",
            unit_value=3500.5,
            currency="EUR",
            aliases=["155mm shells", "155 mm rounds"],
        )
        w.create(
            Item,
            code="ad.system.iris-t",
            name="IRIS-T SLM fire unit",
            category="air-defence-system",
            unit="fire unit",
            unit_value=140_000_000,
        )


def load_dataset(engine: Engine) -> None:
    """Every entity, with awkward values: formula-like text, None, floats that are not
    exact in decimal, JSON params, a pledge delivered in part and then cancelled."""
    base_records(engine)
    with writer(engine, actor="test") as w:
        w.create(
            Nation,
            code="ITA",
            name="Italy",
            gdp_eur_bn=2128.0,
            gdp_year=2023,
            gdp_source="Eurostat nama_10_gdp",
            is_donor=True,
        )
        w.create(
            Organisation,
            code="RHM-DE",
            name="Rheinmetall",
            kind="producer_large",
            nation_code="DEU",
        )
        w.create(
            Organisation, code="NSPA", name="NATO Support and Procurement Agency", kind="agency"
        )
        w.create(
            Need,
            ref="N-1",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=200_000,
            priority="critical",
            needed_by=D(2024, 6, 30),
            stated_on=D(2024, 2, 14),
            source="UDCG-19",
            note="-5% reserve, +2 spares",
        )
        w.create(
            Need,
            ref="N-2",
            recipient_code="UKR",
            item_code="ad.system.iris-t",
            quantity=2,
            priority="high",
            needed_by=D(2024, 12, 31),
            stated_on=D(2024, 2, 14),
        )
        p1 = w.create(
            Pledge,
            ref="P-1",
            donor_code="DEU",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=1000,
            value_amount=3_500_000.0,
            value_currency="EUR",
            announced_on=D(2024, 2, 14),
            due_by=D(2024, 9, 30),
            channel="stock",
            source_quote=FORMULA,
            source_url="https://example.org/p1",
        )
        p2 = w.create(
            Pledge,
            ref="P-2",
            donor_code="FRA",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=500,
            announced_on=D(2024, 3, 1),
            channel="procurement",
            confidential=True,
            source_document="@note",
        )
        p3 = w.create(
            Pledge,
            ref="P-3",
            donor_code="POL",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=300,
            announced_on=D(2024, 3, 2),
        )
        w.create(
            Pledge,
            ref="P-4",
            donor_code="DEU",
            recipient_code="UKR",
            item_code="ad.system.iris-t",
            quantity=1,
            value_amount=0.1 + 0.2,
            value_currency="USD",
            announced_on=D(2024, 4, 1),
            status="committed",
        )
        w.record_delivery(
            p1, ref="D-1", quantity=300, delivered_on=D(2024, 4, 2), source="Ministry"
        )
        w.record_delivery(p2, ref="D-2", quantity=200, delivered_on=D(2024, 4, 3))
        w.record_delivery(p2, ref="D-3", quantity=300, delivered_on=D(2024, 5, 3))
        w.record_delivery(p3, ref="D-4", quantity=100, delivered_on=D(2024, 5, 4))
        w.transition_pledge(p3, "cancelled")
        w.create(
            StockReport,
            nation_code="DEU",
            item_code="ammo.artillery.155mm",
            quantity=120_000,
            as_of=D(2024, 3, 31),
            source="national report",
        )
        w.create(
            StockReport,
            nation_code="DEU",
            item_code="ammo.artillery.155mm",
            quantity=110_000,
            as_of=D(2024, 6, 30),
        )
        w.create(
            StockTarget,
            nation_code="DEU",
            item_code="ammo.artillery.155mm",
            minimum=80_000,
            effective_from=D(2024, 1, 1),
            source="capability target",
        )
        w.create(
            StockTarget,
            nation_code="FRA",
            item_code="ammo.artillery.155mm",
            minimum=0,
            effective_from=D(2024, 1, 1),
        )
        w.create(Caveat, nation_code="FRA", item_code="ad.system.iris-t", excluded=True)
        w.create(
            Caveat,
            nation_code="DEU",
            item_code="ammo.artillery.155mm",
            weekly_cap=2000,
            source="policy",
        )
        w.create(
            ProductionLine,
            code="RHM-155",
            producer_code="RHM-DE",
            item_code="ammo.artillery.155mm",
            nation_code="DEU",
            weekly_capacity=4000,
            unit_price=3200.25,
            currency="EUR",
            lead_time_weeks=12,
        )
        w.create(RampStep, line_code="RHM-155", effective_from=D(2025, 1, 1), weekly_capacity=6000)
        w.create(RampStep, line_code="RHM-155", effective_from=D(2025, 7, 1), weekly_capacity=8000)
        w.create(
            Fund,
            code="CZ-155",
            name="Collective 155 mm initiative",
            kind="collective",
            manager_code="NSPA",
            budget=1_000_000_000.0,
            currency="USD",
            destination="recipient",
            recipient_code="UKR",
            period_start=D(2024, 3, 1),
            period_end=D(2025, 2, 28),
            source="Joint statement",
        )
        w.create(
            Fund,
            code="DEU-NAT",
            name="German national budget",
            kind="national",
            budget=500_000_000.0,
            currency="EUR",
            destination="members",
            period_start=D(2024, 1, 1),
            period_end=D(2024, 12, 31),
        )
        w.create(FundItem, fund_code="CZ-155", item_code="ammo.artillery.155mm")
        w.create(FundMember, fund_code="CZ-155", nation_code="CZE", contribution=100e6)
        w.create(FundMember, fund_code="CZ-155", nation_code="DEU")
        w.create(
            Order,
            ref="O-1",
            fund_code="CZ-155",
            line_code="RHM-155",
            quantity=100_000,
            unit_price=3200.25,
            currency="EUR",
            placed_on=D(2024, 4, 15),
            delivery_start=D(2024, 7, 1),
            delivery_end=D(2025, 6, 30),
            destination_code="UKR",
        )
        w.create(
            Meeting, ref="UDCG-19", held_on=D(2024, 2, 14), title="19th meeting", place="Brussels"
        )
        w.create(Meeting, ref="UDCG-20", held_on=D(2024, 3, 19), title="20th meeting")
        # a ref that looks like a comment row, free text with spaces and a leading tab
        w.create(Meeting, ref="#21", held_on=D(2024, 4, 26), title="  21st (virtual) ",
                 place="\tonline")  # fmt: skip
        w.create(
            Scenario,
            name="baseline",
            description="Status quo",
            horizon_weeks=26,
            params={"lambda_target": 0.5, "hard_targets": False, "surge_factor": 1.5},
        )
        w.create(Scenario, name="empty")
        w.create(
            ScenarioRate,
            scenario_name="baseline",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            mean_per_day=6000.0,
            cv=0.1 + 0.2,
        )


def counts(engine: Engine) -> dict[str, int]:
    """Rows in every table (audit events included): 'nothing written' is this unchanged."""
    out: dict[str, int] = {}
    with read_session(engine) as s:
        for table in Base.metadata.sorted_tables:
            out[table.name] = int(s.scalar(select(func.count()).select_from(table)) or 0)
    return out


def audit_events(engine: Engine) -> int:
    with read_session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def chain_ok(engine: Engine) -> bool:
    with read_session(engine) as s:
        return verify_chain(s).ok


def wipe(engine: Engine) -> None:
    """Empty every table (a fresh database for the round trip)."""
    with engine.begin() as c:
        for table in reversed(Base.metadata.sorted_tables):
            c.execute(table.delete())
        if engine.dialect.name == "sqlite":
            c.execute(text("SELECT 1"))


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def xlsx_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()


def test_dataset_loads_with_an_intact_audit_chain(sqlite_engine: Engine) -> None:
    load_dataset(sqlite_engine)
    n = counts(sqlite_engine)
    assert n["pledge"] == 4 and n["delivery"] == 4 and n["scenario_rate"] == 1
    assert chain_ok(sqlite_engine)
    with read_session(sqlite_engine) as s:
        statuses = dict(s.execute(select(Pledge.ref, Pledge.status)).all())
    assert statuses == {
        "P-1": "delivering",
        "P-2": "delivered",
        "P-3": "cancelled",
        "P-4": "committed",
    }
