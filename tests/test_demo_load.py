"""`load_demo` and `materiel demo` on real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner, Result

from materiel.cli.main import app
from materiel.db import get_engine, read_session
from materiel.demo import load_demo
from materiel.records import (
    SYNTHETIC_MODELS,
    AuditEvent,
    Base,
    Caveat,
    Delivery,
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
from materiel.reference import load_reference
from materiel.services import RuleViolation, verify_chain, writer

DEMO_MODELS: tuple[type[Base], ...] = (
    Nation,
    Item,
    Organisation,
    ProductionLine,
    RampStep,
    Fund,
    FundItem,
    FundMember,
    Order,
    Need,
    Pledge,
    Delivery,
    StockReport,
    StockTarget,
    Caveat,
    Meeting,
    Scenario,
    ScenarioRate,
)
SKIP = {"id", "version", "pledge_id"}


def _text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fingerprint(engine: Engine) -> dict[str, list[tuple[str, ...]]]:
    """Every record's content (not its surrogate ids), sorted: the exported content."""
    out: dict[str, list[tuple[str, ...]]] = {}
    with read_session(engine) as s:
        refs = {pid: ref for pid, ref in s.execute(select(Pledge.id, Pledge.ref))}
        for model in DEMO_MODELS:
            cols = [c.key for c in model.__mapper__.column_attrs if c.key not in SKIP]
            rows = []
            for obj in s.scalars(select(model)):
                row = tuple(_text(getattr(obj, c)) for c in cols)
                if isinstance(obj, Delivery):
                    row += (refs[obj.pledge_id],)
                rows.append(row)
            out[model.__tablename__] = sorted(rows)
    return out


@dataclass
class CliLoad:
    """One `materiel demo --reset` run over a database holding a demo record."""

    refused: Result
    loaded: Result
    content: dict[str, list[tuple[str, ...]]]


@pytest.fixture(scope="module")
def cli_load(tmp_path_factory: pytest.TempPathFactory) -> CliLoad:
    db = tmp_path_factory.mktemp("demo") / "cli-demo.db"
    eng = get_engine(db, fresh=True)
    load_demo_stub(eng)
    eng.dispose()
    runner = CliRunner()
    refused = runner.invoke(app, ["--db", str(db), "demo"])
    loaded = runner.invoke(app, ["--db", str(db), "demo", "--reset", "--seed", "2026"])
    check = get_engine(db, fresh=True)
    content = fingerprint(check)
    check.dispose()
    return CliLoad(refused, loaded, content)


def _count(s: Any, stmt: Any) -> int:
    return int(s.scalar(stmt) or 0)


@pytest.mark.slow
def test_demo_loads_the_required_scenario(engine: Engine, cli_load: CliLoad) -> None:
    summary = load_demo(engine, seed=2026, as_of=dt.date(2026, 11, 2))
    assert summary.reference["created"] >= 280
    with read_session(engine) as s:
        donors = set(s.scalars(select(Nation.code).where(Nation.is_donor)))
        recipients = set(s.scalars(select(Nation.code).where(Nation.is_recipient)))
        assert len(donors) >= 20 and recipients == {"UKR"}
        used = _count(s, select(func.count(Pledge.item_code.distinct())))
        assert used >= 30
        # production lines, each with a ramp-up
        lines = set(s.scalars(select(ProductionLine.code)))
        ramped = set(s.scalars(select(RampStep.line_code).distinct()))
        assert len(lines) >= 15 and lines == ramped
        # funds, including the collective 155 mm fund of 1e9 USD
        assert _count(s, select(func.count()).select_from(Fund)) >= 4
        fund = s.scalars(select(Fund).where(Fund.code == "F-155-COLLECTIVE")).one()
        assert (fund.budget, fund.currency, fund.recipient_code) == (1e9, "USD", "UKR")
        assert s.scalars(
            select(FundItem.item_code).where(FundItem.fund_code == fund.code)
        ).all() == ["ammo.artillery.155mm"]
        assert _count(s, select(func.count()).select_from(Order)) > 0
        assert _count(s, select(func.count()).select_from(Meeting)) == 2
        # stock reports and targets for every national donor
        national = donors - {"EUU"}
        assert national <= set(s.scalars(select(StockReport.nation_code).distinct()))
        assert national <= set(s.scalars(select(StockTarget.nation_code).distinct()))
        # one year of pledges
        first, last = s.execute(
            select(func.min(Pledge.announced_on), func.max(Pledge.announced_on))
        ).one()
        assert (last - first).days >= 330
        statuses = set(s.scalars(select(Pledge.status).distinct()))
        assert {"announced", "committed", "delivering", "delivered", "cancelled"} <= statuses
        # no delivery beyond its pledge
        over = s.execute(
            select(Pledge.ref)
            .join(Delivery, Delivery.pledge_id == Pledge.id)
            .group_by(Pledge.id, Pledge.ref, Pledge.quantity)
            .having(func.sum(Delivery.quantity) > Pledge.quantity)
        ).all()
        assert over == []
        # labelled synthetic, audited as the demo actor, chain intact
        sources = set(s.scalars(select(Pledge.source_document).distinct()))
        assert sources == {"synthetic demo data (seed 2026)"}
        actors = set(s.scalars(select(AuditEvent.actor).distinct()))
        assert actors == {"demo"}
        # ... by the flag on every record of the scenario (reference data stays real)
        for model in SYNTHETIC_MODELS:
            flags = set(s.scalars(select(model.synthetic).distinct()))
            assert flags <= {True}, model.__tablename__
        assert s.scalar(select(func.count()).select_from(Pledge).where(Pledge.synthetic)) > 300
        report = verify_chain(s)
        assert report.ok, report.problems
        assert report.events > 2000
    # same seed, same records: this load and a separate one through the CLI (SQLite)
    assert cli_load.loaded.exit_code == 0, cli_load.loaded.output
    assert fingerprint(engine) == cli_load.content
    with pytest.raises(RuleViolation, match="already holds demo records"):
        load_demo(engine)


def test_cli_demo_refuses_existing_demo_data_then_resets(cli_load: CliLoad) -> None:
    assert cli_load.refused.exit_code == 1
    assert "already holds demo records" in cli_load.refused.output
    out = cli_load.loaded.output
    assert cli_load.loaded.exit_code == 0, out
    for heading in (
        "Needs not covered by their date",
        "Pledged versus delivered",
        "Stocks below target",
    ):
        assert heading in out
    assert "synthetic" in out.lower()
    assert "seed 2026" in out
    assert len(cli_load.content["pledge"]) > 200


def test_cli_demo_rejects_a_bad_date(tmp_path: Path) -> None:
    bad = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "demo", "--as-of", "2026-13-01"])
    assert bad.exit_code == 1
    assert "--as-of" in bad.output and "not a date" in bad.output
    assert not (tmp_path / "x.db").exists()  # refused before touching the database


def load_demo_stub(engine: Engine) -> None:
    """A database that already holds one demo pledge (cheaper than a full load)."""
    from materiel import migrations

    migrations.upgrade(engine)
    with writer(engine, actor="test") as w:
        load_reference(w)
        w.create(
            Pledge,
            ref="DEMO-P-0001",
            donor_code="USA",
            recipient_code="UKR",
            item_code="ammo.artillery.155mm",
            quantity=1000,
            announced_on=dt.date(2026, 1, 5),
        )
