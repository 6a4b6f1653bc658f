"""SQLAlchemy records: the single source of truth."""

from typing import Any

from sqlalchemy import Select, exists, or_, select

from materiel.records.access import ApiToken, IdempotencyKey, Role, User
from materiel.records.audit import AuditEvent
from materiel.records.base import Base, Synthetic
from materiel.records.catalogue import Item
from materiel.records.funds import Fund, FundItem, FundMember, Order
from materiel.records.industry import ProductionLine, RampStep
from materiel.records.meetings import Meeting, Scenario, ScenarioRate
from materiel.records.nations import AllianceMember, Nation, Organisation
from materiel.records.needs import PRIORITY_WEIGHT, Need, Priority
from materiel.records.pledges import Channel, Delivery, Pledge, PledgeStatus
from materiel.records.runs import ForecastRun, IngestDraft, Job, PlanRun
from materiel.records.stocks import Caveat, StockReport, StockTarget
from materiel.records.tracker import (
    TrackerActivity,
    TrackerDonorTotal,
    TrackerMonthly,
    TrackerRelease,
    TrackerWeapons,
)

__all__ = [
    "PRIORITY_WEIGHT",
    "SYNTHETIC_MODELS",
    "AllianceMember",
    "ApiToken",
    "AuditEvent",
    "Base",
    "Caveat",
    "Channel",
    "Delivery",
    "ForecastRun",
    "Fund",
    "FundItem",
    "FundMember",
    "IdempotencyKey",
    "IngestDraft",
    "Item",
    "Job",
    "Meeting",
    "Nation",
    "Need",
    "Order",
    "Organisation",
    "PlanRun",
    "Pledge",
    "PledgeStatus",
    "Priority",
    "ProductionLine",
    "RampStep",
    "Role",
    "Scenario",
    "ScenarioRate",
    "StockReport",
    "StockTarget",
    "Synthetic",
    "TrackerActivity",
    "TrackerDonorTotal",
    "TrackerMonthly",
    "TrackerRelease",
    "TrackerWeapons",
    "User",
    "any_synthetic",
]

#: Every model that carries the ``synthetic`` flag (records a demo scenario may write).
SYNTHETIC_MODELS: tuple[Any, ...] = tuple(
    sorted(
        (m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synthetic)),
        key=lambda model: str(model.__tablename__),
    )
)


def any_synthetic() -> Select[Any]:
    """SELECT of one boolean: does any record carry the ``synthetic`` flag?"""
    return select(or_(*(exists().where(m.synthetic.is_(True)) for m in SYNTHETIC_MODELS)))
