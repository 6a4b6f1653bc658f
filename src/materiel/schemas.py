"""The entity schemas (Pydantic 2), shared by the API and the pages: every writable field of
an entity is declared once, in its ``Create`` schema; the ``Update`` and ``Public`` shapes
are derived from it.

- ``XCreate``: the fields a client sends to create a record, with their constraints.
- ``XUpdate`` (:func:`updating`): every field optional; ``null`` only where the field is
  nullable; fields that identify the record may be left out of it (``exclude``).
- ``XPublic`` (:func:`public`): what a record reads as: the same fields with their plain
  types (constraints apply to input, not to stored data), plus the keys and versions the
  server sets.

The page forms validate with these same schemas and list their fields from them.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from materiel import money
from materiel.plan_policy import HORIZON_WEEKS, READINESS_WEIGHT

M = TypeVar("M", bound=BaseModel)

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
AllianceCode = Annotated[
    str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z][A-Za-z0-9\-]*$")
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
Year = Annotated[int, Field(ge=1900, le=2200)]
Cv = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
JsonScalar = str | int | float | bool | None
Params = Annotated[dict[Str80, JsonScalar], Field(max_length=100)]


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


# -- deriving Update and Public -----------------------------------------------------------
_create_model: Any = create_model  # models built at run time: typed as their base class


def plain_type(annotation: Any) -> Any:
    """The output type of a field: constraints (``Annotated``) dropped, ``Literal`` → its
    values' type, inside unions and containers too."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return plain_type(args[0])
    if origin is Literal:
        return type(args[0])
    if origin in (Union, types.UnionType):
        return Union[tuple(plain_type(a) for a in args)]  # noqa: UP007 (built at run time)
    if origin in (list, dict, tuple, set):
        return origin[tuple(plain_type(a) for a in args)]
    return annotation


def _not_null(annotation: Any) -> Any:
    """``X | None`` → ``X`` (other annotations unchanged)."""
    if get_origin(annotation) in (Union, types.UnionType):
        kept = tuple(a for a in get_args(annotation) if a is not type(None))
        return kept[0] if len(kept) == 1 else Union[kept]  # noqa: UP007
    return annotation


def updating(
    *, exclude: tuple[str, ...] = (), not_null: tuple[str, ...] = ()
) -> Callable[[type[M]], type[M]]:
    """Class decorator: the schema of a change to the record its base class creates —
    every field of the base (less ``exclude``) optional, with the same constraints;
    ``null`` is accepted only where the field is nullable, and not for ``not_null``
    (``model_dump(exclude_unset=True)`` gives the change)."""

    def derive(cls: type[M]) -> type[M]:
        fields: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            if name in exclude:
                continue
            annotation = info.rebuild_annotation()
            if name in not_null:
                annotation = _not_null(annotation)
            fields[name] = (annotation, Field(default=None, description=info.description))
        made: type[M] = _create_model(
            cls.__name__, __base__=Schema, __doc__=cls.__doc__, __module__=cls.__module__, **fields
        )
        return made

    return derive


def public(
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    exclude: tuple[str, ...] = (),
    flagged: bool = True,
) -> Callable[[type[M]], type[M]]:
    """Class decorator: how a record reads — the fields of the base class (less
    ``exclude``) with their plain types, after the server-set fields ``before`` (``id``,
    parent keys) and before those ``after`` (``version``); ``flagged`` adds ``synthetic``."""

    def derive(cls: type[M]) -> type[M]:
        fields: dict[str, Any] = {name: (t, ...) for name, t in (before or {}).items()}
        for name, info in cls.model_fields.items():
            if name not in exclude:
                fields[name] = (plain_type(info.rebuild_annotation()), ...)
        fields.update({name: (t, ...) for name, t in (after or {}).items()})
        made: type[M] = _create_model(
            cls.__name__,
            __base__=Flagged if flagged else Public,
            __doc__=cls.__doc__,
            __module__=cls.__module__,
            **fields,
        )
        return made

    return derive


ID = {"id": int}
VERSION = {"version": int}


# -- nations, alliances, organisations, items ---------------------------------------------
class NationCreate(Schema):
    code: Code3
    name: Name
    gdp_eur_bn: Amount | None = None
    gdp_year: Year | None = None
    gdp_source: Str300 | None = None
    is_donor: bool = False
    is_recipient: bool = False
    transit_weeks: Annotated[
        int | None,
        Field(
            ge=0,
            le=104,
            description="weeks from this donor's stock to the recipient (empty: the default, "
            "1 week)",
        ),
    ] = None


@updating(exclude=("code",))
class NationUpdate(NationCreate):
    pass


@public(flagged=False)
class NationPublic(NationCreate):
    pass


class AllianceMemberCreate(Schema):
    alliance: AllianceCode
    nation_code: Code3


@updating()
class AllianceMemberUpdate(AllianceMemberCreate):
    pass


@public(before=ID, flagged=False)
class AllianceMemberPublic(AllianceMemberCreate):
    pass


class OrganisationCreate(Schema):
    code: OrgCode
    name: Name
    kind: Str30
    nation_code: Code3 | None = None


@updating()
class OrganisationUpdate(OrganisationCreate):
    pass


@public(before=ID)
class OrganisationPublic(OrganisationCreate):
    pass


class ItemCreate(Schema):
    code: ItemCode
    name: Name
    category: Str40
    calibre: Str20 | None = None
    unit: Str30
    unit_value: Amount
    currency: Currency = "USD"
    aliases: Annotated[list[Str120], Field(max_length=100)] = []


@updating(exclude=("code",))
class ItemUpdate(ItemCreate):
    pass


@public(flagged=False)
class ItemPublic(ItemCreate):
    pass


# -- needs, pledges, deliveries ------------------------------------------------------------
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


@updating()
class NeedUpdate(NeedCreate):
    pass


@public(before=ID, after=VERSION)
class NeedPublic(NeedCreate):
    pass


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


@updating()
class PledgeUpdate(PledgeCreate):
    """A change to a pledge (its status moves with POST /pledges/{id}/transition)."""


@public(before=ID, after={"status": str, "version": int})
class PledgePublic(PledgeCreate):
    """A pledge and its lifecycle status."""


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


@updating(not_null=("ref",))
class DeliveryUpdate(DeliveryFields):
    pass


@public(before={"id": int, "ref": str, "pledge_id": int}, after=VERSION, exclude=("ref",))
class DeliveryPublic(DeliveryFields):
    pass


# -- stocks, targets, caveats ---------------------------------------------------------------
class StockReportCreate(Schema):
    nation_code: Code3
    item_code: ItemCode
    quantity: Count
    as_of: dt.date
    source: Text | None = None


@updating()
class StockReportUpdate(StockReportCreate):
    pass


@public(before=ID, after=VERSION)
class StockReportPublic(StockReportCreate):
    pass


class StockTargetCreate(Schema):
    nation_code: Code3
    item_code: ItemCode
    minimum: Count
    effective_from: dt.date
    source: Str300 | None = None


@updating()
class StockTargetUpdate(StockTargetCreate):
    pass


@public(before=ID, after=VERSION)
class StockTargetPublic(StockTargetCreate):
    pass


class CaveatCreate(Schema):
    nation_code: Code3
    item_code: ItemCode
    excluded: bool = False
    weekly_cap: Count | None = None
    source: Str300 | None = None


@updating(exclude=("nation_code", "item_code"))
class CaveatUpdate(CaveatCreate):
    pass


@public(before=ID)
class CaveatPublic(CaveatCreate):
    pass


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


@updating()
class ProductionLineUpdate(ProductionLineCreate):
    pass


@public(before=ID, after=VERSION)
class ProductionLinePublic(ProductionLineCreate):
    pass


class RampStepCreate(Schema):
    effective_from: dt.date
    weekly_capacity: Count


@updating()
class RampStepUpdate(RampStepCreate):
    pass


@public(before={"id": int, "line_code": str})
class RampStepPublic(RampStepCreate):
    pass


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


@updating()
class FundUpdate(FundCreate):
    pass


@public(before=ID, after=VERSION)
class FundPublic(FundCreate):
    pass


class FundItemCreate(Schema):
    item_code: ItemCode


@updating()
class FundItemUpdate(FundItemCreate):
    pass


@public(before={"id": int, "fund_code": str})
class FundItemPublic(FundItemCreate):
    pass


class FundMemberCreate(Schema):
    nation_code: Code3
    contribution: Amount | None = None


@updating()
class FundMemberUpdate(FundMemberCreate):
    pass


@public(before={"id": int, "fund_code": str})
class FundMemberPublic(FundMemberCreate):
    pass


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


@updating()
class OrderUpdate(OrderCreate):
    pass


@public(before=ID, after=VERSION)
class OrderPublic(OrderCreate):
    pass


# -- meetings and scenarios --------------------------------------------------------------
class MeetingCreate(Schema):
    ref: Ref
    held_on: dt.date
    title: Name
    place: Name | None = None


@updating()
class MeetingUpdate(MeetingCreate):
    pass


@public(before=ID)
class MeetingPublic(MeetingCreate):
    pass


class ScenarioCreate(Schema):
    name: Str80
    description: Text | None = None
    horizon_weeks: Annotated[int, Field(ge=1, le=520)] = HORIZON_WEEKS
    params: Params = {}


@updating()
class ScenarioUpdate(ScenarioCreate):
    pass


@public(before=ID)
class ScenarioPublic(ScenarioCreate):
    pass


class ScenarioRateCreate(Schema):
    recipient_code: Code3
    item_code: ItemCode
    mean_per_day: Amount
    cv: Cv = 0.0


@updating(exclude=("recipient_code", "item_code"))
class ScenarioRateUpdate(ScenarioRateCreate):
    pass


@public(before={"id": int, "scenario_name": str})
class ScenarioRatePublic(ScenarioRateCreate):
    pass


# -- runs ------------------------------------------------------------------------------------
class PlanRequest(Schema):
    as_of: dt.date | None = Field(default=None, description="plan date; default today")
    horizon_weeks: Annotated[int, Field(ge=1, le=156)] = HORIZON_WEEKS
    scenario: Str80 | None = None
    hard_targets: bool = False
    readiness_weight: Annotated[
        float | None,
        Field(
            ge=0,
            le=1e6,
            description="λ: weight of a dollar-week of donor stock below target against a "
            "dollar-week of routine need unmet (empty: the scenario's, else "
            f"{READINESS_WEIGHT:g}; docs/plan.md)",
        ),
    ] = None
    frontier: bool = Field(
        default=False,
        description="also solve the readiness–support frontier (a sweep of readiness weights)",
    )


class ForecastRequest(Schema):
    as_of: dt.date | None = None
    horizon_weeks: Annotated[int, Field(ge=1, le=156)] = HORIZON_WEEKS
    scenario: Str80 | None = None
    paths: Annotated[int, Field(ge=0, le=200_000, description="0: projection only")] = 2000
    seed: Annotated[int, Field(ge=0, le=2**31)] = 0


#: where the result of a finished job is read
RESULT_PATHS = {"plan": "/api/v1/plans", "forecast": "/api/v1/forecasts"}


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


def job_public(job: Any) -> dict[str, Any]:
    """A job as the API and the pages show it (with ``result_url`` once it is done)."""
    out = JobPublic.model_validate(job)
    if job.result_id is not None and job.kind in RESULT_PATHS:
        out.result_url = f"{RESULT_PATHS[job.kind]}/{job.result_id}"
    return out.model_dump(mode="json")


def form_fields(schema: type[BaseModel]) -> list[str]:
    """The names of a schema's fields, in order: the fields of a page form."""
    return list(schema.model_fields)
