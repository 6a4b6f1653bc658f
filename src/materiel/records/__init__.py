"""SQLAlchemy records: the single source of truth."""

from materiel.records.access import ApiToken, IdempotencyKey, Role, User
from materiel.records.audit import AuditEvent
from materiel.records.base import Base
from materiel.records.catalogue import Item
from materiel.records.funds import Fund, FundItem, FundMember, Order
from materiel.records.industry import ProductionLine, RampStep
from materiel.records.meetings import Meeting, Scenario, ScenarioRate
from materiel.records.nations import Nation, Organisation
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
    "TrackerActivity",
    "TrackerDonorTotal",
    "TrackerMonthly",
    "TrackerRelease",
    "TrackerWeapons",
    "User",
]
