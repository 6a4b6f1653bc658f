"""The API's own shapes (list envelope, problem details, users and tokens, jobs and runs,
figure tables) and, re-exported, the entity schemas of :mod:`materiel.schemas` (each field
declared once there; Update and Public derived)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, Field

from materiel.schemas import (
    MAX_MONEY,
    MAX_QTY,
    AllianceMemberCreate,
    AllianceMemberPublic,
    AllianceMemberUpdate,
    CaveatCreate,
    CaveatPublic,
    CaveatUpdate,
    Code3,
    DeliveryCreate,
    DeliveryFields,
    DeliveryPublic,
    DeliveryUpdate,
    Flagged,
    ForecastRequest,
    FundCreate,
    FundItemCreate,
    FundItemPublic,
    FundItemUpdate,
    FundMemberCreate,
    FundMemberPublic,
    FundMemberUpdate,
    FundPublic,
    FundUpdate,
    ItemCreate,
    ItemPublic,
    ItemUpdate,
    JobPublic,
    MeetingCreate,
    MeetingPublic,
    MeetingUpdate,
    NationCreate,
    NationPublic,
    NationUpdate,
    NeedCreate,
    NeedPublic,
    NeedUpdate,
    OrderCreate,
    OrderPublic,
    OrderUpdate,
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
    PlanRequest,
    PledgeCreate,
    PledgePublic,
    PledgeTransition,
    PledgeUpdate,
    ProductionLineCreate,
    ProductionLinePublic,
    ProductionLineUpdate,
    Public,
    RampStepCreate,
    RampStepPublic,
    RampStepUpdate,
    ScenarioCreate,
    ScenarioPublic,
    ScenarioRateCreate,
    ScenarioRatePublic,
    ScenarioRateUpdate,
    ScenarioUpdate,
    Schema,
    StockReportCreate,
    StockReportPublic,
    StockReportUpdate,
    StockTargetCreate,
    StockTargetPublic,
    StockTargetUpdate,
    Str80,
    _clean,
    unset,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A page of a list: ``next_cursor`` is null on the last page; ``count`` counts every
    matching record (all pages)."""

    items: list[T]
    count: int
    next_cursor: str | None = None


class Problem(BaseModel):
    """RFC 9457 problem details (application/problem+json)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    field: str | None = None
    errors: list[dict[str, Any]] | None = None


# -- access ------------------------------------------------------------------------------
RoleT = Literal["admin", "coordinator", "donor", "recipient", "analyst"]
Username = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9._@\-]+$")]
Password = Annotated[str, Field(min_length=1, max_length=1024), AfterValidator(_clean)]


class LoginRequest(Schema):
    username: Username
    password: Password


class UserCreate(Schema):
    username: Username
    password: Password = Field(description="at least 12 characters of at least two classes")
    role: RoleT
    nation_code: Code3 | None = None


class UserUpdate(Schema):
    role: RoleT = unset()
    nation_code: Code3 | None = None
    active: bool = unset()
    password: Password = unset()


class UserPublic(Public):
    id: int
    username: str
    role: str
    nation_code: str | None
    active: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime


class LoginResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: dt.datetime
    user: UserPublic


class TokenCreate(Schema):
    name: Str80
    days: Annotated[int, Field(ge=1, le=366)] = 90


class TokenPublic(Public):
    id: int
    kind: str
    name: str | None
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None


class TokenIssued(BaseModel):
    token: str = Field(description="shown once; only its SHA-256 hash is stored")
    info: TokenPublic


# -- runs and jobs -----------------------------------------------------------------------
class PlanRunPublic(Public):
    id: int
    created_at: dt.datetime
    as_of: dt.date
    snapshot_hash: str
    scenario: str
    horizon_weeks: int
    status: str
    objective: float | None
    build_seconds: float | None
    solve_seconds: float | None
    results: dict[str, Any]


class ForecastRunPublic(Public):
    id: int
    created_at: dt.datetime
    as_of: dt.date
    snapshot_hash: str
    scenario: str
    kind: str
    status: str
    seconds: float | None
    results: dict[str, Any]


class AuditEventPublic(Public):
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    hash: str


class AuditVerification(BaseModel):
    ok: bool
    events: int
    problems: list[str]
    head: str | None = Field(description="SEQ:HASH of the newest event, to keep as an anchor")


# -- figures (the read side, docs/figures.md) ---------------------------------------------
class StockTotal(BaseModel):
    """An alliance total of the latest figure per member nation at ``as_of`` (no nation
    detail): over the members that reported a stock of the item. Rows whose nations, the
    caller's own left out, are fewer than 3 are suppressed for all but coordinators."""

    alliance: str
    item_code: str
    quantity: int
    nations: int
    as_of: dt.date


class Figures(BaseModel):
    """A table of figures as the caller may see them, as of ``as_of``."""

    as_of: dt.date
    count: int
    synthetic: bool = Field(description="some of the records behind the figures are synthetic")


class NeedCoverage(BaseModel):
    id: int
    ref: str
    recipient_code: str
    item_code: str
    quantity: int
    priority: str
    needed_by: dt.date
    stated_on: dt.date
    pledged: int = Field(description="pledged quantity allocated to the need (not cancelled)")
    delivered: int = Field(description="delivered on or before as_of, allocated to the need")
    due: int = Field(description="there by the need's date: delivered, or scheduled in time")
    open_quantity: int = Field(description="quantity − pledged")
    short_by_date: int = Field(description="quantity − due")
    value: float = Field(description="quantity × catalogue unit value, in currency")
    open_value: float = Field(description="open quantity × catalogue unit value")
    short_value: float = Field(description="short by date × catalogue unit value")
    currency: str = Field(description="currency of the values (EUR)")
    rate_date: dt.date | None = Field(description="ECB reference rate date of the values")
    coverage: float
    coverage_due: float
    coverage_delivered: float
    status: str = Field(description="open, partly covered, covered late or covered")
    overdue: bool
    days_overdue: int
    source: str | None
    synthetic: bool


class NeedCoverageTable(Figures):
    items: list[NeedCoverage]


class NeedCoverRow(BaseModel):
    """One need and what of it is there by its date, by kind of arrival (figures.md, "Cover
    of a need over time")."""

    id: int
    ref: str
    recipient_code: str
    item_code: str
    priority: str
    quantity: int
    needed_by: dt.date
    by_date_delivered: int = Field(description="delivered on or before as_of, by its date")
    by_date_pledge_due: int = Field(description="rest of committed pledges due by its date")
    by_date_order_arrival: int = Field(description="fund orders placed, arriving by its date")
    by_date_plan_transfer: int = Field(description="latest plan's transfers (coordinators)")
    by_date_plan_order: int = Field(description="latest plan's orders (coordinators)")
    by_date: int = Field(description="all of the above")
    gap: int = Field(description="quantity − by_date")
    status: str


class Arrival(BaseModel):
    """One arrival of the item for the recipient, with its record."""

    date: dt.date
    kind: Literal["delivered", "pledge due", "order arrival", "plan transfer", "plan order"]
    quantity: float
    cumulative: float
    entity: str = Field(description="delivery, pledge, purchase_order or plan_run")
    record_id: int
    ref: str
    by: str = Field(description="the donor or the fund")


class NeedCoverGroup(BaseModel):
    recipient: str
    item: str
    needs: list[NeedCoverRow]
    arrivals: list[Arrival]
    synthetic: bool


class NeedCoverReport(BaseModel):
    """The cover of a need, or of every need of an item, as the caller may see it."""

    as_of: dt.date
    groups: list[NeedCoverGroup]


class PledgeFigures(BaseModel):
    id: int
    ref: str
    donor_code: str
    recipient_code: str
    item_code: str
    quantity: int
    delivered: int
    remaining: int
    status: str
    channel: str
    confidential: bool
    announced_on: dt.date
    due_by: dt.date | None
    last_delivered_on: dt.date | None
    late: bool
    days_late: int
    value_basis: str
    value: float | None
    delivered_value: float | None
    currency: str
    rate_date: dt.date | None
    synthetic: bool


class PledgeFiguresTable(Figures):
    items: list[PledgeFigures]


class StockPosition(BaseModel):
    nation_code: str
    item_code: str
    quantity: int | None
    as_of: dt.date | None
    target: int | None
    target_from: dt.date | None
    gap: float | None
    cover: float | None
    below_target: bool
    report_id: int | None
    target_id: int | None
    age_days: int | None = Field(description="age of the stock report on as_of")
    stale: bool = Field(description="the report is older than 14 days on as_of")
    synthetic: bool


class StockPositionTable(Figures):
    items: list[StockPosition]


class StockOutlook(BaseModel):
    holder: str
    kind: str
    item: str
    stock_now: float | None = Field(description="None: no stock report (state 'no report')")
    target_now: float
    weekly_use: float
    weeks_to_target: float | None = Field(description="= depletion_week; 0 when below now")
    weeks_to_zero: float | None
    depletion_week: float | None
    depletion_date: dt.date | None
    state: str = Field(
        description="below target, crosses, beyond horizon, stays above, no target or no report"
    )
    label: str


class StockOutlookTable(Figures):
    snapshot_hash: str
    horizon_weeks: int
    items: list[StockOutlook]


class AllianceTotal(BaseModel):
    alliance: str
    item_code: str
    nations: int
    quantity: int
    target: int
    cover: float | None
    below_target: bool
    nations_below_target: int | None = Field(description="coordinators only")
    reports_from: dt.date | None
    reports_to: dt.date | None


class AllianceTotalTable(Figures):
    suppressed: int = Field(description="rows left out: fewer than 3 other nations")
    items: list[AllianceTotal]


class FundPosition(BaseModel):
    id: int
    code: str
    name: str
    kind: str
    currency: str
    budget: float
    ordered: float
    spent: float = Field(description="instalments due by as_of")
    committed: float = Field(description="ordered − spent")
    remaining: float = Field(description="budget − ordered")
    orders: int
    period_start: dt.date
    period_end: dt.date
    rate_dates: str | None


class FundPositionTable(Figures):
    items: list[FundPosition]


class KeyFigures(BaseModel):
    """The key figures as the caller may see them (docs/figures.md, "Key figures")."""

    as_of: dt.date
    viewer: dict[str, Any]
    records: dict[str, int]
    needs: dict[str, Any]
    pledges: dict[str, Any]
    stocks: dict[str, Any] | None
    funds: list[dict[str, Any]]
    funds_remaining: float
    plan: dict[str, Any] | None
    synthetic: bool


__all__ = [
    "MAX_MONEY",
    "MAX_QTY",
    "AllianceMemberCreate",
    "AllianceMemberPublic",
    "AllianceMemberUpdate",
    "AllianceTotal",
    "AllianceTotalTable",
    "AuditEventPublic",
    "AuditVerification",
    "CaveatCreate",
    "CaveatPublic",
    "CaveatUpdate",
    "Code3",
    "DeliveryCreate",
    "DeliveryFields",
    "DeliveryPublic",
    "DeliveryUpdate",
    "Figures",
    "Flagged",
    "ForecastRequest",
    "ForecastRunPublic",
    "FundCreate",
    "FundItemCreate",
    "FundItemPublic",
    "FundItemUpdate",
    "FundMemberCreate",
    "FundMemberPublic",
    "FundMemberUpdate",
    "FundPosition",
    "FundPositionTable",
    "FundPublic",
    "FundUpdate",
    "ItemCreate",
    "ItemPublic",
    "ItemUpdate",
    "JobPublic",
    "KeyFigures",
    "LoginRequest",
    "LoginResponse",
    "MeetingCreate",
    "MeetingPublic",
    "MeetingUpdate",
    "NationCreate",
    "NationPublic",
    "NationUpdate",
    "NeedCoverage",
    "NeedCoverageTable",
    "NeedCreate",
    "NeedPublic",
    "NeedUpdate",
    "OrderCreate",
    "OrderPublic",
    "OrderUpdate",
    "OrganisationCreate",
    "OrganisationPublic",
    "OrganisationUpdate",
    "Page",
    "Password",
    "PlanRequest",
    "PlanRunPublic",
    "PledgeCreate",
    "PledgeFigures",
    "PledgeFiguresTable",
    "PledgePublic",
    "PledgeTransition",
    "PledgeUpdate",
    "Problem",
    "ProductionLineCreate",
    "ProductionLinePublic",
    "ProductionLineUpdate",
    "Public",
    "RampStepCreate",
    "RampStepPublic",
    "RampStepUpdate",
    "RoleT",
    "ScenarioCreate",
    "ScenarioPublic",
    "ScenarioRateCreate",
    "ScenarioRatePublic",
    "ScenarioRateUpdate",
    "ScenarioUpdate",
    "Schema",
    "StockOutlook",
    "StockOutlookTable",
    "StockPosition",
    "StockPositionTable",
    "StockReportCreate",
    "StockReportPublic",
    "StockReportUpdate",
    "StockTargetCreate",
    "StockTargetPublic",
    "StockTargetUpdate",
    "StockTotal",
    "Str80",
    "TokenCreate",
    "TokenIssued",
    "TokenPublic",
    "UserCreate",
    "UserPublic",
    "UserUpdate",
    "Username",
    "unset",
]
