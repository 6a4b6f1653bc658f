"""Write the synthetic demo scenario through the audited write path, stage by stage."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rich.progress import Progress, TaskID
from sqlalchemy import Engine, select

from materiel.db import read_session
from materiel.demo.generate import DemoPlan, build_plan
from materiel.records import (
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
from materiel.records.base import Base
from materiel.reference import load_reference
from materiel.services import RuleViolation, Writer, writer

ACTOR = "demo"
DEMO_PREFIX = "DEMO-"
DEFAULT_SEED = 2026
DEFAULT_AS_OF = dt.date(2026, 11, 2)


@dataclass
class DemoSummary:
    seed: int
    as_of: dt.date
    seconds: float
    reference: dict[str, int]
    counts: dict[str, int] = field(default_factory=dict)
    source: str = ""

    @property
    def donors(self) -> int:
        return self.counts.get("donors", 0)


def has_demo_records(engine: Engine) -> bool:
    """True when the database already holds demo pledges (refs ``DEMO-…``)."""
    with read_session(engine) as s:
        ref = s.scalar(select(Pledge.ref).where(Pledge.ref.like(f"{DEMO_PREFIX}%")).limit(1))
    return ref is not None


def load_demo(
    engine: Engine,
    *,
    seed: int = DEFAULT_SEED,
    as_of: dt.date = DEFAULT_AS_OF,
    progress: Progress | None = None,
) -> DemoSummary:
    """Create or upgrade the schema, load reference data, then the synthetic scenario.

    Every record of the scenario is written with ``synthetic=True``: that flag, not the
    wording of its sources, is what labels figures synthetic (reference data stays real).

    Refuses (RuleViolation) when demo records are already there. Each stage is one write
    transaction, audited with actor ``demo``.
    """
    started = time.perf_counter()
    from materiel import migrations  # Alembic loads only when a demo is loaded

    migrations.upgrade(engine)
    if has_demo_records(engine):
        raise RuleViolation(
            "the database already holds demo records (pledges DEMO-…); use a fresh database",
            entity="demo",
        )
    plan = build_plan(seed=seed, as_of=as_of)
    task: TaskID | None = None
    if progress is not None:
        task = progress.add_task("Loading synthetic demo", total=plan.size() + 1)

    def tick(n: int = 1) -> None:
        if progress is not None and task is not None:
            progress.advance(task, n)

    def stage(name: str, fn: Callable[[Writer], None]) -> None:
        if progress is not None and task is not None:
            progress.update(task, description=f"Demo: {name}")
        with writer(engine, actor=ACTOR) as w:
            # hold nations and items in the session so rule checks find them in its identity
            # map instead of querying them again for every record
            cached = [*w.session.scalars(select(Nation)), *w.session.scalars(select(Item))]
            fn(w)
            del cached

    reference: dict[str, int] = {}

    def _reference(w: Writer) -> None:
        reference.update(load_reference(w))
        for code in plan.donors:
            w.update(w.get(Nation, code=code), is_donor=True)
        for code in plan.recipients:
            w.update(w.get(Nation, code=code), is_recipient=True)
        tick()

    def _create(w: Writer, model: type[Base], rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            w.create(model, **row, synthetic=True)
            tick()

    def _industry(w: Writer) -> None:
        _create(w, Organisation, plan.organisations)
        _create(w, ProductionLine, plan.lines)
        _create(w, RampStep, plan.ramp_steps)

    def _funds(w: Writer) -> None:
        _create(w, Fund, plan.funds)
        _create(w, FundItem, plan.fund_items)
        _create(w, FundMember, plan.fund_members)
        _create(w, Order, plan.orders)

    def _pledges(w: Writer) -> None:
        _create(w, Need, plan.needs)
        for pp in plan.pledges:
            pledge = w.create(Pledge, **pp.fields, synthetic=True)
            tick()
            for d in pp.deliveries:
                w.record_delivery(
                    pledge,
                    ref=d["ref"],
                    quantity=d["quantity"],
                    delivered_on=d["delivered_on"],
                    source=d["source"],
                    synthetic=True,
                )
                tick()
            if pp.final_status is not None:
                w.transition_pledge(pledge, pp.final_status)

    def _stocks(w: Writer) -> None:
        _create(w, StockReport, plan.stock_reports)
        _create(w, StockTarget, plan.stock_targets)
        _create(w, Caveat, plan.caveats)

    def _meetings(w: Writer) -> None:
        _create(w, Meeting, plan.meetings)
        _create(w, Scenario, plan.scenarios)
        _create(w, ScenarioRate, plan.scenario_rates)

    stage("reference data", _reference)
    stage("industry", _industry)
    stage("funds and orders", _funds)
    stage("needs, pledges and deliveries", _pledges)
    stage("stocks and targets", _stocks)
    stage("meetings and scenarios", _meetings)

    return DemoSummary(
        seed=seed,
        as_of=as_of,
        seconds=time.perf_counter() - started,
        reference=reference,
        counts=plan_counts(plan),
        source=plan.source,
    )


def plan_counts(plan: DemoPlan) -> dict[str, int]:
    items = {p.fields["item_code"] for p in plan.pledges} | {n["item_code"] for n in plan.needs}
    return {
        "donors": len(plan.donors),
        "recipients": len(plan.recipients),
        "items used": len(items),
        "organisations": len(plan.organisations),
        "production lines": len(plan.lines),
        "ramp steps": len(plan.ramp_steps),
        "funds": len(plan.funds),
        "orders": len(plan.orders),
        "needs": len(plan.needs),
        "pledges": len(plan.pledges),
        "deliveries": len(plan.deliveries),
        "stock reports": len(plan.stock_reports),
        "stock targets": len(plan.stock_targets),
        "caveats": len(plan.caveats),
        "meetings": len(plan.meetings),
        "scenarios": len(plan.scenarios),
        "scenario rates": len(plan.scenario_rates),
    }
