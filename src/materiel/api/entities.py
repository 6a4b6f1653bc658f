"""The entity table of the API: which records, under which paths, with which filters and
schemas. Records themselves are read and written by the read side and the use cases, by
entity name (the table name)."""

from __future__ import annotations

import datetime as dt

from materiel.api import schemas as sc
from materiel.api.crud import Child, Entity, Filter

D = dt.date


def _item_filters() -> dict[str, Filter]:
    return {
        "item_code": Filter("item_code", description="exact item code"),
        "item_prefix": Filter("item_code", "prefix", description="code or prefix: ammo.artillery"),
    }


NATIONS = Entity(
    "nation",
    "/nations",
    "reference",
    sc.NationPublic,
    sc.NationCreate,
    sc.NationUpdate,
    key="code",
    key_type=str,
    filters={
        "is_donor": Filter("is_donor", type=bool),
        "is_recipient": Filter("is_recipient", type=bool),
        "alliance": Filter(
            "code", "member", description="member of this alliance (alliance-members records)"
        ),
        "q": Filter("name", "contains", description="name contains (case-insensitive)"),
    },
    sorts=("code", "name"),
)
ALLIANCE_MEMBERS = Entity(
    "alliance_member",
    "/alliance-members",
    "reference",
    sc.AllianceMemberPublic,
    sc.AllianceMemberCreate,
    sc.AllianceMemberUpdate,
    filters={"alliance": Filter("alliance"), "nation_code": Filter("nation_code")},
    sorts=("id", "alliance", "nation_code"),
)
ORGANISATIONS = Entity(
    "organisation",
    "/organisations",
    "reference",
    sc.OrganisationPublic,
    sc.OrganisationCreate,
    sc.OrganisationUpdate,
    filters={
        "kind": Filter("kind"),
        "nation_code": Filter("nation_code"),
        "code": Filter("code"),
        "q": Filter("name", "contains"),
    },
    sorts=("id", "code", "name"),
)
ITEMS = Entity(
    "item",
    "/items",
    "reference",
    sc.ItemPublic,
    sc.ItemCreate,
    sc.ItemUpdate,
    key="code",
    key_type=str,
    filters={
        "category": Filter("category"),
        "calibre": Filter("calibre"),
        "prefix": Filter("code", "prefix", description="code or prefix: ammo.artillery"),
        "q": Filter("name", "contains"),
    },
    sorts=("code", "name", "category"),
)
NEEDS = Entity(
    "need",
    "/needs",
    "needs",
    sc.NeedPublic,
    sc.NeedCreate,
    sc.NeedUpdate,
    filters={
        "ref": Filter("ref"),
        "recipient_code": Filter("recipient_code"),
        **_item_filters(),
        "priority": Filter("priority"),
        "needed_by_from": Filter("needed_by", "ge", D),
        "needed_by_to": Filter("needed_by", "le", D),
    },
    sorts=("id", "ref", "needed_by", "stated_on", "quantity"),
)
PLEDGES = Entity(
    "pledge",
    "/pledges",
    "pledges",
    sc.PledgePublic,
    sc.PledgeCreate,
    sc.PledgeUpdate,
    filters={
        "ref": Filter("ref"),
        "donor_code": Filter("donor_code"),
        "recipient_code": Filter("recipient_code"),
        **_item_filters(),
        "status": Filter("status"),
        "channel": Filter("channel"),
        "confidential": Filter("confidential", type=bool),
        "announced_from": Filter("announced_on", "ge", D),
        "announced_to": Filter("announced_on", "le", D),
    },
    sorts=("id", "ref", "announced_on", "quantity", "status"),
)
DELIVERIES = Entity(
    "delivery",
    "/deliveries",
    "pledges",
    sc.DeliveryPublic,
    None,  # POST /deliveries and POST /pledges/{id}/deliveries are in routers.pledges
    sc.DeliveryUpdate,
    filters={
        "pledge_id": Filter("pledge_id", type=int),
        "ref": Filter("ref"),
        "delivered_from": Filter("delivered_on", "ge", D),
        "delivered_to": Filter("delivered_on", "le", D),
    },
    sorts=("id", "ref", "delivered_on", "quantity"),
    deletable=False,
)
STOCK_REPORTS = Entity(
    "stock_report",
    "/stock-reports",
    "stocks",
    sc.StockReportPublic,
    sc.StockReportCreate,
    sc.StockReportUpdate,
    filters={
        "nation_code": Filter("nation_code"),
        **_item_filters(),
        "as_of_from": Filter("as_of", "ge", D),
        "as_of_to": Filter("as_of", "le", D),
    },
    sorts=("id", "as_of", "nation_code", "item_code"),
)
STOCK_TARGETS = Entity(
    "stock_target",
    "/stock-targets",
    "stocks",
    sc.StockTargetPublic,
    sc.StockTargetCreate,
    sc.StockTargetUpdate,
    filters={
        "nation_code": Filter("nation_code"),
        **_item_filters(),
        "effective_from_from": Filter("effective_from", "ge", D),
        "effective_from_to": Filter("effective_from", "le", D),
    },
    sorts=("id", "effective_from", "nation_code", "item_code"),
)
CAVEATS = Entity(
    "caveat",
    "/caveats",
    "stocks",
    sc.CaveatPublic,
    sc.CaveatCreate,
    sc.CaveatUpdate,
    filters={"nation_code": Filter("nation_code"), **_item_filters()},
    sorts=("id", "nation_code", "item_code"),
)
LINES = Entity(
    "production_line",
    "/production-lines",
    "industry",
    sc.ProductionLinePublic,
    sc.ProductionLineCreate,
    sc.ProductionLineUpdate,
    filters={
        "code": Filter("code"),
        "producer_code": Filter("producer_code"),
        "nation_code": Filter("nation_code"),
        **_item_filters(),
    },
    sorts=("id", "code", "weekly_capacity"),
)
RAMP_STEPS = Entity(
    "ramp_step",
    "/ramp-steps",
    "industry",
    sc.RampStepPublic,
    sc.RampStepCreate,
    sc.RampStepUpdate,
    sorts=("id", "effective_from"),
    child=Child(LINES, "ramp-steps", "line_code", "code"),
)
FUNDS = Entity(
    "fund",
    "/funds",
    "funds",
    sc.FundPublic,
    sc.FundCreate,
    sc.FundUpdate,
    filters={
        "code": Filter("code"),
        "kind": Filter("kind"),
        "manager_code": Filter("manager_code"),
        "recipient_code": Filter("recipient_code"),
        "destination": Filter("destination"),
    },
    sorts=("id", "code", "period_start", "budget"),
)
FUND_ITEMS = Entity(
    "fund_item",
    "/fund-items",
    "funds",
    sc.FundItemPublic,
    sc.FundItemCreate,
    sc.FundItemUpdate,
    sorts=("id", "item_code"),
    child=Child(FUNDS, "items", "fund_code", "code"),
)
FUND_MEMBERS = Entity(
    "fund_member",
    "/fund-members",
    "funds",
    sc.FundMemberPublic,
    sc.FundMemberCreate,
    sc.FundMemberUpdate,
    sorts=("id", "nation_code"),
    child=Child(FUNDS, "members", "fund_code", "code"),
)
ORDERS = Entity(
    "purchase_order",
    "/orders",
    "funds",
    sc.OrderPublic,
    sc.OrderCreate,
    sc.OrderUpdate,
    filters={
        "ref": Filter("ref"),
        "fund_code": Filter("fund_code"),
        "line_code": Filter("line_code"),
        "destination_code": Filter("destination_code"),
        "placed_from": Filter("placed_on", "ge", D),
        "placed_to": Filter("placed_on", "le", D),
    },
    sorts=("id", "ref", "placed_on", "delivery_start"),
)
MEETINGS = Entity(
    "meeting",
    "/meetings",
    "meetings",
    sc.MeetingPublic,
    sc.MeetingCreate,
    sc.MeetingUpdate,
    filters={
        "ref": Filter("ref"),
        "held_from": Filter("held_on", "ge", D),
        "held_to": Filter("held_on", "le", D),
    },
    sorts=("id", "held_on", "ref"),
)
SCENARIOS = Entity(
    "scenario",
    "/scenarios",
    "meetings",
    sc.ScenarioPublic,
    sc.ScenarioCreate,
    sc.ScenarioUpdate,
    filters={"name": Filter("name")},
    sorts=("id", "name"),
)
SCENARIO_RATES = Entity(
    "scenario_rate",
    "/scenario-rates",
    "meetings",
    sc.ScenarioRatePublic,
    sc.ScenarioRateCreate,
    sc.ScenarioRateUpdate,
    filters={"recipient_code": Filter("recipient_code"), **_item_filters()},
    sorts=("id", "item_code"),
    child=Child(SCENARIOS, "rates", "scenario_name", "name"),
)

ENTITIES: list[Entity] = [
    NATIONS,
    ALLIANCE_MEMBERS,
    ORGANISATIONS,
    ITEMS,
    NEEDS,
    PLEDGES,
    DELIVERIES,
    STOCK_REPORTS,
    STOCK_TARGETS,
    CAVEATS,
    LINES,
    RAMP_STEPS,
    FUNDS,
    FUND_ITEMS,
    FUND_MEMBERS,
    ORDERS,
    MEETINGS,
    SCENARIOS,
    SCENARIO_RATES,
]
