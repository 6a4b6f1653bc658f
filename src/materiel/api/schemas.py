"""Pydantic 2 schemas: per entity a Create, an Update (every field optional; ``null`` only
where the column is nullable) and a Public shape; the list envelope; problem details."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from materiel import money

T = TypeVar("T")

MAX_QTY = 10**12
MAX_MONEY = 1e15


def _clean(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def _currency(value: str) -> str:
    if not (money.is_currency(value) and money.convertible(value)):
        raise ValueError(f"unknown or unconvertible currency {value!r} (ISO 4217 expected)")
    return value


Str20 = Annotated[str, Field(min_length=1, max_length=20), AfterValidator(_clean)]
Str30 = Annotated[str, Field(min_length=1, max_length=30), AfterValidator(_clean)]
Str40 = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_clean)]
Str60 = Annotated[str, Field(min_length=1, max_length=60), AfterValidator(_clean)]
Str80 = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_clean)]
Str120 = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_clean)]
Str200 = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean)]
Str300 = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_clean)]
Str500 = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_clean)]
Text = Annotated[str, Field(max_length=20_000), AfterValidator(_clean)]

Code3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 code")]
Currency = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code"),
    AfterValidator(_currency),
]
ItemCode = Annotated[
    str,
    Field(
        min_length=1,
        max_length=80,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$",
        description="catalogue code, e.g. ammo.artillery.155mm",
    ),
]
Ref = Str60
OrgCode = Str60
Name = Str200
Quantity = Annotated[int, Field(gt=0, le=MAX_QTY)]
Count = Annotated[int, Field(ge=0, le=MAX_QTY)]
Amount = Annotated[float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
Priority = Literal["critical", "high", "routine"]
ChannelT = Literal["stock", "procurement", "fund"]
Status = Literal["announced", "committed", "delivering", "delivered", "cancelled"]
Weeks = Annotated[int, Field(ge=0, le=520)]
JsonScalar = str | int | float | bool | None


def unset() -> Any:
    """Default of an Update field that may be omitted but never set to null."""
    return Field(default=None)


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Public(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Flagged(Public):
    """A record that may come from a made-up scenario (``synthetic``, set by the demo
    loader)."""

    synthetic: bool = False


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


# -- nations, organisations, items -------------------------------------------------------
class NationCreate(Schema):
    code: Code3
    name: Name
    gdp_eur_bn: Amount | None = None
    gdp_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    gdp_source: Str300 | None = None
    is_donor: bool = False
    is_recipient: bool = False


class NationUpdate(Schema):
    name: Name = unset()
    gdp_eur_bn: Amount | None = None
    gdp_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    gdp_source: Str300 | None = None
    is_donor: bool = unset()
    is_recipient: bool = unset()


class NationPublic(Public):
    code: str
    name: str
    gdp_eur_bn: float | None
    gdp_year: int | None
    gdp_source: str | None
    is_donor: bool
    is_recipient: bool


AllianceCode = Annotated[
    str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z][A-Za-z0-9\-]*$")
]


class AllianceMemberCreate(Schema):
    alliance: AllianceCode
    nation_code: Code3


class AllianceMemberUpdate(Schema):
    alliance: AllianceCode = unset()
    nation_code: Code3 = unset()


class AllianceMemberPublic(Public):
    id: int
    alliance: str
    nation_code: str


class OrganisationCreate(Schema):
    code: OrgCode
    name: Name
    kind: Str30
    nation_code: Code3 | None = None


class OrganisationUpdate(Schema):
    code: OrgCode = unset()
    name: Name = unset()
    kind: Str30 = unset()
    nation_code: Code3 | None = None


class OrganisationPublic(Flagged):
    id: int
    code: str
    name: str
    kind: str
    nation_code: str | None


class ItemCreate(Schema):
    code: ItemCode
    name: Name
    category: Str40
    calibre: Str20 | None = None
    unit: Str30
    unit_value: Amount
    currency: Currency = "USD"
    aliases: Annotated[list[Str120], Field(max_length=100)] = []


class ItemUpdate(Schema):
    name: Name = unset()
    category: Str40 = unset()
    calibre: Str20 | None = None
    unit: Str30 = unset()
    unit_value: Amount = unset()
    currency: Currency = unset()
    aliases: Annotated[list[Str120], Field(max_length=100)] = unset()


class ItemPublic(Public):
    code: str
    name: str
    category: str
    calibre: str | None
    unit: str
    unit_value: float
    currency: str
    aliases: list[Any]


# -- needs, pledges, deliveries ----------------------------------------------------------
class NeedCreate(Schema):
    ref: Ref
    recipient_code: Code3
    item_code: ItemCode
    quantity: Quantity
    priority: Priority
    needed_by: dt.date
    stated_on: dt.date
    source: Text | None = None
    note: Text | None = None


class NeedUpdate(Schema):
    ref: Ref = unset()
    recipient_code: Code3 = unset()
    item_code: ItemCode = unset()
    quantity: Quantity = unset()
    priority: Priority = unset()
    needed_by: dt.date = unset()
    stated_on: dt.date = unset()
    source: Text | None = None
    note: Text | None = None


class NeedPublic(Flagged):
    id: int
    ref: str
    recipient_code: str
    item_code: str
    quantity: int
    priority: str
    needed_by: dt.date
    stated_on: dt.date
    source: str | None
    note: str | None
    version: int


class PledgeCreate(Schema):
    """A new pledge starts ``announced``; move it with POST /pledges/{id}/transition."""

    ref: Ref
    donor_code: Code3
    recipient_code: Code3
    item_code: ItemCode
    quantity: Quantity
    value_amount: Amount | None = None
    value_currency: Currency | None = None
    announced_on: dt.date
    due_by: dt.date | None = None
    channel: ChannelT = "stock"
    confidential: bool = False
    source_document: Str300 | None = None
    source_url: Str500 | None = None
    source_quote: Text | None = None


class PledgeUpdate(Schema):
    ref: Ref = unset()
    donor_code: Code3 = unset()
    recipient_code: Code3 = unset()
    item_code: ItemCode = unset()
    quantity: Quantity = unset()
    value_amount: Amount | None = None
    value_currency: Currency | None = None
    announced_on: dt.date = unset()
    due_by: dt.date | None = None
    channel: ChannelT = unset()
    confidential: bool = unset()
    source_document: Str300 | None = None
    source_url: Str500 | None = None
    source_quote: Text | None = None


class PledgePublic(Flagged):
    id: int
    ref: str
    donor_code: str
    recipient_code: str
    item_code: str
    quantity: int
    value_amount: float | None
    value_currency: str | None
    announced_on: dt.date
    due_by: dt.date | None
    channel: str
    confidential: bool
    status: str
    source_document: str | None
    source_url: str | None
    source_quote: str | None
    version: int


class PledgeTransition(Schema):
    to: Status = Field(description="target status; forward steps are walked one at a time")


class DeliveryFields(Schema):
    """A delivery against a pledge; ``ref`` is generated when omitted."""

    ref: Ref | None = None
    quantity: Quantity
    delivered_on: dt.date
    source: Text | None = None


class DeliveryCreate(DeliveryFields):
    pledge_id: Annotated[int, Field(ge=1, le=2**62)]


class DeliveryUpdate(Schema):
    ref: Ref = unset()
    quantity: Quantity = unset()
    delivered_on: dt.date = unset()
    source: Text | None = None


class DeliveryPublic(Flagged):
    id: int
    ref: str
    pledge_id: int
    quantity: int
    delivered_on: dt.date
    source: str | None
    version: int


# -- stocks, targets, caveats ------------------------------------------------------------
class StockReportCreate(Schema):
    nation_code: Code3
    item_code: ItemCode
    quantity: Count
    as_of: dt.date
    source: Text | None = None


class StockReportUpdate(Schema):
    nation_code: Code3 = unset()
    item_code: ItemCode = unset()
    quantity: Count = unset()
    as_of: dt.date = unset()
    source: Text | None = None


class StockReportPublic(Flagged):
    id: int
    nation_code: str
    item_code: str
    quantity: int
    as_of: dt.date
    source: str | None
    version: int


class StockTargetCreate(Schema):
    nation_code: Code3
    item_code: ItemCode
    minimum: Count
    effective_from: dt.date
    source: Str300 | None = None


class StockTargetUpdate(Schema):
    nation_code: Code3 = unset()
    item_code: ItemCode = unset()
    minimum: Count = unset()
    effective_from: dt.date = unset()
    source: Str300 | None = None


class StockTargetPublic(Flagged):
    id: int
    nation_code: str
    item_code: str
    minimum: int
    effective_from: dt.date
    source: str | None
    version: int


class CaveatCreate(Schema):
    nation_code: Code3
    item_code: ItemCode
    excluded: bool = False
    weekly_cap: Count | None = None
    source: Str300 | None = None


class CaveatUpdate(Schema):
    excluded: bool = unset()
    weekly_cap: Count | None = None
    source: Str300 | None = None


class CaveatPublic(Flagged):
    id: int
    nation_code: str
    item_code: str
    excluded: bool
    weekly_cap: int | None
    source: str | None


# -- industry and funds ------------------------------------------------------------------
class ProductionLineCreate(Schema):
    code: OrgCode
    producer_code: OrgCode
    item_code: ItemCode
    nation_code: Code3 | None = None
    weekly_capacity: Count
    unit_price: Amount
    currency: Currency
    lead_time_weeks: Weeks


class ProductionLineUpdate(Schema):
    code: OrgCode = unset()
    producer_code: OrgCode = unset()
    item_code: ItemCode = unset()
    nation_code: Code3 | None = None
    weekly_capacity: Count = unset()
    unit_price: Amount = unset()
    currency: Currency = unset()
    lead_time_weeks: Weeks = unset()


class ProductionLinePublic(Flagged):
    id: int
    code: str
    producer_code: str
    item_code: str
    nation_code: str | None
    weekly_capacity: int
    unit_price: float
    currency: str
    lead_time_weeks: int
    version: int


class RampStepCreate(Schema):
    effective_from: dt.date
    weekly_capacity: Count


class RampStepUpdate(Schema):
    effective_from: dt.date = unset()
    weekly_capacity: Count = unset()


class RampStepPublic(Flagged):
    id: int
    line_code: str
    effective_from: dt.date
    weekly_capacity: int


class FundCreate(Schema):
    code: OrgCode
    name: Name
    kind: Literal["collective", "national"]
    manager_code: OrgCode | None = None
    budget: Amount
    currency: Currency
    destination: Literal["recipient", "members"]
    recipient_code: Code3 | None = None
    period_start: dt.date
    period_end: dt.date
    source: Text | None = None


class FundUpdate(Schema):
    code: OrgCode = unset()
    name: Name = unset()
    kind: Literal["collective", "national"] = unset()
    manager_code: OrgCode | None = None
    budget: Amount = unset()
    currency: Currency = unset()
    destination: Literal["recipient", "members"] = unset()
    recipient_code: Code3 | None = None
    period_start: dt.date = unset()
    period_end: dt.date = unset()
    source: Text | None = None


class FundPublic(Flagged):
    id: int
    code: str
    name: str
    kind: str
    manager_code: str | None
    budget: float
    currency: str
    destination: str
    recipient_code: str | None
    period_start: dt.date
    period_end: dt.date
    source: str | None
    version: int


class FundItemCreate(Schema):
    item_code: ItemCode


class FundItemUpdate(Schema):
    item_code: ItemCode = unset()


class FundItemPublic(Flagged):
    id: int
    fund_code: str
    item_code: str


class FundMemberCreate(Schema):
    nation_code: Code3
    contribution: Amount | None = None


class FundMemberUpdate(Schema):
    nation_code: Code3 = unset()
    contribution: Amount | None = None


class FundMemberPublic(Flagged):
    id: int
    fund_code: str
    nation_code: str
    contribution: float | None


class OrderCreate(Schema):
    ref: Ref
    fund_code: OrgCode
    line_code: OrgCode
    quantity: Quantity
    unit_price: Amount
    currency: Currency
    placed_on: dt.date
    delivery_start: dt.date
    delivery_end: dt.date
    destination_code: Code3


class OrderUpdate(Schema):
    ref: Ref = unset()
    fund_code: OrgCode = unset()
    line_code: OrgCode = unset()
    quantity: Quantity = unset()
    unit_price: Amount = unset()
    currency: Currency = unset()
    placed_on: dt.date = unset()
    delivery_start: dt.date = unset()
    delivery_end: dt.date = unset()
    destination_code: Code3 = unset()


class OrderPublic(Flagged):
    id: int
    ref: str
    fund_code: str
    line_code: str
    quantity: int
    unit_price: float
    currency: str
    placed_on: dt.date
    delivery_start: dt.date
    delivery_end: dt.date
    destination_code: str
    version: int


# -- meetings and scenarios --------------------------------------------------------------
class MeetingCreate(Schema):
    ref: Ref
    held_on: dt.date
    title: Name
    place: Name | None = None


class MeetingUpdate(Schema):
    ref: Ref = unset()
    held_on: dt.date = unset()
    title: Name = unset()
    place: Name | None = None


class MeetingPublic(Flagged):
    id: int
    ref: str
    held_on: dt.date
    title: str
    place: str | None


Params = Annotated[dict[Str80, JsonScalar], Field(max_length=100)]


class ScenarioCreate(Schema):
    name: Str80
    description: Text | None = None
    horizon_weeks: Annotated[int, Field(ge=1, le=520)] = 26
    params: Params = {}


class ScenarioUpdate(Schema):
    name: Str80 = unset()
    description: Text | None = None
    horizon_weeks: Annotated[int, Field(ge=1, le=520)] = unset()
    params: Params = unset()


class ScenarioPublic(Flagged):
    id: int
    name: str
    description: str | None
    horizon_weeks: int
    params: dict[str, Any]


class ScenarioRateCreate(Schema):
    recipient_code: Code3
    item_code: ItemCode
    mean_per_day: Amount
    cv: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = 0.0


class ScenarioRateUpdate(Schema):
    mean_per_day: Amount = unset()
    cv: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = unset()


class ScenarioRatePublic(Flagged):
    id: int
    scenario_name: str
    recipient_code: str
    item_code: str
    mean_per_day: float
    cv: float


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
class PlanRequest(Schema):
    as_of: dt.date | None = Field(default=None, description="plan date; default today")
    horizon_weeks: Annotated[int, Field(ge=1, le=156)] = 26
    scenario: Str80 | None = None
    hard_targets: bool = False


class ForecastRequest(Schema):
    as_of: dt.date | None = None
    horizon_weeks: Annotated[int, Field(ge=1, le=156)] = 26
    scenario: Str80 | None = None
    paths: Annotated[int, Field(ge=0, le=200_000, description="0: projection only")] = 2000
    seed: Annotated[int, Field(ge=0, le=2**31)] = 0


class JobPublic(Public):
    id: int
    kind: str
    status: str
    progress: float
    message: str | None
    params: dict[str, Any]
    result_id: int | None
    result_url: str | None = None
    owner: str
    created_at: dt.datetime
    finished_at: dt.datetime | None


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
    synthetic: bool


class StockPositionTable(Figures):
    items: list[StockPosition]


class StockOutlook(BaseModel):
    holder: str
    kind: str
    item: str
    stock_now: float
    target_now: float
    weekly_use: float
    weeks_to_target: float | None = Field(description="= depletion_week; 0 when below now")
    weeks_to_zero: float | None
    depletion_week: float | None
    depletion_date: dt.date | None
    state: str = Field(
        description="below target, crosses, beyond horizon, stays above or no target"
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
