"""Typed routers of the domain entities: needs, pledges, deliveries, stock reports,
stock targets, caveats, funds and orders. Each route is one call of the entity operations
of :mod:`materiel.api.crud` (the read side and the use cases); the plain reference tables
get the same routes from the generator (:func:`materiel.api.crud.add_routes`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from materiel.api import schemas as sc
from materiel.api.crud import (
    ERRORS,
    MAX_ID,
    Cursor,
    Limit,
    create_answer,
    delete_answer,
    get_answer,
    list_answer,
    update_answer,
)
from materiel.api.deps import CurrentUser, EngineDep, IdemKey, IfMatch
from materiel.api.entities import (
    CAVEATS,
    DELIVERIES,
    FUNDS,
    NEEDS,
    ORDERS,
    PLEDGES,
    STOCK_REPORTS,
    STOCK_TARGETS,
)

router = APIRouter()

RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _text(description: str | None = None) -> object:
    return Query(max_length=200, pattern=r"^[^\x00]*$", description=description)


QText = Annotated[str | None, _text()]
QInt = Annotated[int | None, Query(ge=0, le=MAX_ID)]
ItemCode = Annotated[str | None, _text("exact item code")]
ItemPrefix = Annotated[str | None, _text("code or prefix: ammo.artillery")]


# -- needs ----------------------------------------------------------------------------------
NeedSort = Annotated[
    str,
    Query(
        pattern="^-?(id|ref|needed_by|stated_on|quantity)$",
        description="one of id, ref, needed_by, stated_on, quantity; '-' descending",
    ),
]


@router.get(
    "/needs",
    response_model=sc.Page[sc.NeedPublic],
    responses=ERRORS,
    operation_id="list_need",
    summary="List need records",
    tags=["needs"],
)
def list_needs(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    ref: QText = None,
    recipient_code: QText = None,
    item_code: ItemCode = None,
    item_prefix: ItemPrefix = None,
    priority: QText = None,
    needed_by_from: dt.date | None = None,
    needed_by_to: dt.date | None = None,
    sort: NeedSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "ref": ref,
        "recipient_code": recipient_code,
        "item_code": item_code,
        "item_prefix": item_prefix,
        "priority": priority,
        "needed_by_from": needed_by_from,
        "needed_by_to": needed_by_to,
    }
    return list_answer(
        request, principal, engine, NEEDS, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/needs",
    status_code=201,
    response_model=sc.NeedPublic,
    responses=ERRORS,
    operation_id="create_need",
    summary="Create a need (Idempotency-Key supported)",
    tags=["needs"],
)
def create_need(
    body: sc.NeedCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, NEEDS, body, idempotency_key)


@router.get(
    "/needs/{id}",
    response_model=sc.NeedPublic,
    responses=ERRORS,
    operation_id="get_need",
    summary="One need (ETag header for If-Match)",
    tags=["needs"],
)
def get_need(id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep) -> Response:
    return get_answer(request, principal, engine, NEEDS, id)


@router.patch(
    "/needs/{id}",
    response_model=sc.NeedPublic,
    responses=ERRORS,
    operation_id="update_need",
    summary="Change a need (If-Match required)",
    tags=["needs"],
)
def update_need(
    id: RecordId,
    body: sc.NeedUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, NEEDS, id, body, if_match)


@router.delete(
    "/needs/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_need",
    summary="Delete a need (If-Match optional)",
    tags=["needs"],
)
def delete_need(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, NEEDS, id, if_match)


# -- pledges --------------------------------------------------------------------------------
PledgeSort = Annotated[
    str,
    Query(
        pattern="^-?(id|ref|announced_on|quantity|status)$",
        description="one of id, ref, announced_on, quantity, status; '-' descending",
    ),
]


@router.get(
    "/pledges",
    response_model=sc.Page[sc.PledgePublic],
    responses=ERRORS,
    operation_id="list_pledge",
    summary="List pledge records",
    tags=["pledges"],
)
def list_pledges(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    ref: QText = None,
    donor_code: QText = None,
    recipient_code: QText = None,
    item_code: ItemCode = None,
    item_prefix: ItemPrefix = None,
    status: QText = None,
    channel: QText = None,
    confidential: bool | None = None,
    announced_from: dt.date | None = None,
    announced_to: dt.date | None = None,
    sort: PledgeSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "ref": ref,
        "donor_code": donor_code,
        "recipient_code": recipient_code,
        "item_code": item_code,
        "item_prefix": item_prefix,
        "status": status,
        "channel": channel,
        "confidential": confidential,
        "announced_from": announced_from,
        "announced_to": announced_to,
    }
    return list_answer(
        request, principal, engine, PLEDGES, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/pledges",
    status_code=201,
    response_model=sc.PledgePublic,
    responses=ERRORS,
    operation_id="create_pledge",
    summary="Create a pledge (Idempotency-Key supported)",
    tags=["pledges"],
)
def create_pledge(
    body: sc.PledgeCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, PLEDGES, body, idempotency_key)


@router.get(
    "/pledges/{id}",
    response_model=sc.PledgePublic,
    responses=ERRORS,
    operation_id="get_pledge",
    summary="One pledge (ETag header for If-Match)",
    tags=["pledges"],
)
def get_pledge(
    id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep
) -> Response:
    return get_answer(request, principal, engine, PLEDGES, id)


@router.patch(
    "/pledges/{id}",
    response_model=sc.PledgePublic,
    responses=ERRORS,
    operation_id="update_pledge",
    summary="Change a pledge (If-Match required)",
    tags=["pledges"],
)
def update_pledge(
    id: RecordId,
    body: sc.PledgeUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, PLEDGES, id, body, if_match)


@router.delete(
    "/pledges/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_pledge",
    summary="Delete a pledge (If-Match optional)",
    tags=["pledges"],
)
def delete_pledge(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, PLEDGES, id, if_match)


# -- deliveries -----------------------------------------------------------------------------
DeliverySort = Annotated[
    str,
    Query(
        pattern="^-?(id|ref|delivered_on|quantity)$",
        description="one of id, ref, delivered_on, quantity; '-' descending",
    ),
]


@router.get(
    "/deliveries",
    response_model=sc.Page[sc.DeliveryPublic],
    responses=ERRORS,
    operation_id="list_delivery",
    summary="List delivery records",
    tags=["pledges"],
)
def list_deliveries(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    pledge_id: QInt = None,
    ref: QText = None,
    delivered_from: dt.date | None = None,
    delivered_to: dt.date | None = None,
    sort: DeliverySort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "pledge_id": pledge_id,
        "ref": ref,
        "delivered_from": delivered_from,
        "delivered_to": delivered_to,
    }
    return list_answer(
        request, principal, engine, DELIVERIES, values, sort=sort, cursor=cursor, limit=limit
    )


@router.get(
    "/deliveries/{id}",
    response_model=sc.DeliveryPublic,
    responses=ERRORS,
    operation_id="get_delivery",
    summary="One delivery (ETag header for If-Match)",
    tags=["pledges"],
)
def get_delivery(
    id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep
) -> Response:
    return get_answer(request, principal, engine, DELIVERIES, id)


@router.patch(
    "/deliveries/{id}",
    response_model=sc.DeliveryPublic,
    responses=ERRORS,
    operation_id="update_delivery",
    summary="Change a delivery (If-Match required)",
    tags=["pledges"],
)
def update_delivery(
    id: RecordId,
    body: sc.DeliveryUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, DELIVERIES, id, body, if_match)


# -- stock-reports --------------------------------------------------------------------------
StockReportSort = Annotated[
    str,
    Query(
        pattern="^-?(id|as_of|nation_code|item_code)$",
        description="one of id, as_of, nation_code, item_code; '-' descending",
    ),
]


@router.get(
    "/stock-reports",
    response_model=sc.Page[sc.StockReportPublic],
    responses=ERRORS,
    operation_id="list_stock_report",
    summary="List stock report records",
    tags=["stocks"],
)
def list_stock_reports(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    nation_code: QText = None,
    item_code: ItemCode = None,
    item_prefix: ItemPrefix = None,
    as_of_from: dt.date | None = None,
    as_of_to: dt.date | None = None,
    sort: StockReportSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "nation_code": nation_code,
        "item_code": item_code,
        "item_prefix": item_prefix,
        "as_of_from": as_of_from,
        "as_of_to": as_of_to,
    }
    return list_answer(
        request, principal, engine, STOCK_REPORTS, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/stock-reports",
    status_code=201,
    response_model=sc.StockReportPublic,
    responses=ERRORS,
    operation_id="create_stock_report",
    summary="Create a stock report (Idempotency-Key supported)",
    tags=["stocks"],
)
def create_stock_report(
    body: sc.StockReportCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, STOCK_REPORTS, body, idempotency_key)


@router.get(
    "/stock-reports/{id}",
    response_model=sc.StockReportPublic,
    responses=ERRORS,
    operation_id="get_stock_report",
    summary="One stock report (ETag header for If-Match)",
    tags=["stocks"],
)
def get_stock_report(
    id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep
) -> Response:
    return get_answer(request, principal, engine, STOCK_REPORTS, id)


@router.patch(
    "/stock-reports/{id}",
    response_model=sc.StockReportPublic,
    responses=ERRORS,
    operation_id="update_stock_report",
    summary="Change a stock report (If-Match required)",
    tags=["stocks"],
)
def update_stock_report(
    id: RecordId,
    body: sc.StockReportUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, STOCK_REPORTS, id, body, if_match)


@router.delete(
    "/stock-reports/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_stock_report",
    summary="Delete a stock report (If-Match optional)",
    tags=["stocks"],
)
def delete_stock_report(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, STOCK_REPORTS, id, if_match)


# -- stock-targets --------------------------------------------------------------------------
StockTargetSort = Annotated[
    str,
    Query(
        pattern="^-?(id|effective_from|nation_code|item_code)$",
        description="one of id, effective_from, nation_code, item_code; '-' descending",
    ),
]


@router.get(
    "/stock-targets",
    response_model=sc.Page[sc.StockTargetPublic],
    responses=ERRORS,
    operation_id="list_stock_target",
    summary="List stock target records",
    tags=["stocks"],
)
def list_stock_targets(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    nation_code: QText = None,
    item_code: ItemCode = None,
    item_prefix: ItemPrefix = None,
    effective_from_from: dt.date | None = None,
    effective_from_to: dt.date | None = None,
    sort: StockTargetSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "nation_code": nation_code,
        "item_code": item_code,
        "item_prefix": item_prefix,
        "effective_from_from": effective_from_from,
        "effective_from_to": effective_from_to,
    }
    return list_answer(
        request, principal, engine, STOCK_TARGETS, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/stock-targets",
    status_code=201,
    response_model=sc.StockTargetPublic,
    responses=ERRORS,
    operation_id="create_stock_target",
    summary="Create a stock target (Idempotency-Key supported)",
    tags=["stocks"],
)
def create_stock_target(
    body: sc.StockTargetCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, STOCK_TARGETS, body, idempotency_key)


@router.get(
    "/stock-targets/{id}",
    response_model=sc.StockTargetPublic,
    responses=ERRORS,
    operation_id="get_stock_target",
    summary="One stock target (ETag header for If-Match)",
    tags=["stocks"],
)
def get_stock_target(
    id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep
) -> Response:
    return get_answer(request, principal, engine, STOCK_TARGETS, id)


@router.patch(
    "/stock-targets/{id}",
    response_model=sc.StockTargetPublic,
    responses=ERRORS,
    operation_id="update_stock_target",
    summary="Change a stock target (If-Match required)",
    tags=["stocks"],
)
def update_stock_target(
    id: RecordId,
    body: sc.StockTargetUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, STOCK_TARGETS, id, body, if_match)


@router.delete(
    "/stock-targets/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_stock_target",
    summary="Delete a stock target (If-Match optional)",
    tags=["stocks"],
)
def delete_stock_target(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, STOCK_TARGETS, id, if_match)


# -- caveats --------------------------------------------------------------------------------
CaveatSort = Annotated[
    str,
    Query(
        pattern="^-?(id|nation_code|item_code)$",
        description="one of id, nation_code, item_code; '-' descending",
    ),
]


@router.get(
    "/caveats",
    response_model=sc.Page[sc.CaveatPublic],
    responses=ERRORS,
    operation_id="list_caveat",
    summary="List caveat records",
    tags=["stocks"],
)
def list_caveats(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    nation_code: QText = None,
    item_code: ItemCode = None,
    item_prefix: ItemPrefix = None,
    sort: CaveatSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {"nation_code": nation_code, "item_code": item_code, "item_prefix": item_prefix}
    return list_answer(
        request, principal, engine, CAVEATS, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/caveats",
    status_code=201,
    response_model=sc.CaveatPublic,
    responses=ERRORS,
    operation_id="create_caveat",
    summary="Create a caveat (Idempotency-Key supported)",
    tags=["stocks"],
)
def create_caveat(
    body: sc.CaveatCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, CAVEATS, body, idempotency_key)


@router.get(
    "/caveats/{id}",
    response_model=sc.CaveatPublic,
    responses=ERRORS,
    operation_id="get_caveat",
    summary="One caveat (ETag header for If-Match)",
    tags=["stocks"],
)
def get_caveat(
    id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep
) -> Response:
    return get_answer(request, principal, engine, CAVEATS, id)


@router.patch(
    "/caveats/{id}",
    response_model=sc.CaveatPublic,
    responses=ERRORS,
    operation_id="update_caveat",
    summary="Change a caveat (If-Match required)",
    tags=["stocks"],
)
def update_caveat(
    id: RecordId,
    body: sc.CaveatUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, CAVEATS, id, body, if_match)


@router.delete(
    "/caveats/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_caveat",
    summary="Delete a caveat (If-Match optional)",
    tags=["stocks"],
)
def delete_caveat(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, CAVEATS, id, if_match)


# -- funds ----------------------------------------------------------------------------------
FundSort = Annotated[
    str,
    Query(
        pattern="^-?(id|code|period_start|budget)$",
        description="one of id, code, period_start, budget; '-' descending",
    ),
]


@router.get(
    "/funds",
    response_model=sc.Page[sc.FundPublic],
    responses=ERRORS,
    operation_id="list_fund",
    summary="List fund records",
    tags=["funds"],
)
def list_funds(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    code: QText = None,
    kind: QText = None,
    manager_code: QText = None,
    recipient_code: QText = None,
    destination: QText = None,
    sort: FundSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "code": code,
        "kind": kind,
        "manager_code": manager_code,
        "recipient_code": recipient_code,
        "destination": destination,
    }
    return list_answer(
        request, principal, engine, FUNDS, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/funds",
    status_code=201,
    response_model=sc.FundPublic,
    responses=ERRORS,
    operation_id="create_fund",
    summary="Create a fund (Idempotency-Key supported)",
    tags=["funds"],
)
def create_fund(
    body: sc.FundCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, FUNDS, body, idempotency_key)


@router.get(
    "/funds/{id}",
    response_model=sc.FundPublic,
    responses=ERRORS,
    operation_id="get_fund",
    summary="One fund (ETag header for If-Match)",
    tags=["funds"],
)
def get_fund(id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep) -> Response:
    return get_answer(request, principal, engine, FUNDS, id)


@router.patch(
    "/funds/{id}",
    response_model=sc.FundPublic,
    responses=ERRORS,
    operation_id="update_fund",
    summary="Change a fund (If-Match required)",
    tags=["funds"],
)
def update_fund(
    id: RecordId,
    body: sc.FundUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, FUNDS, id, body, if_match)


@router.delete(
    "/funds/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_fund",
    summary="Delete a fund (If-Match optional)",
    tags=["funds"],
)
def delete_fund(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, FUNDS, id, if_match)


# -- orders ---------------------------------------------------------------------------------
PurchaseOrderSort = Annotated[
    str,
    Query(
        pattern="^-?(id|ref|placed_on|delivery_start)$",
        description="one of id, ref, placed_on, delivery_start; '-' descending",
    ),
]


@router.get(
    "/orders",
    response_model=sc.Page[sc.OrderPublic],
    responses=ERRORS,
    operation_id="list_purchase_order",
    summary="List purchase order records",
    tags=["funds"],
)
def list_orders(
    request: Request,
    principal: CurrentUser,
    engine: EngineDep,
    ref: QText = None,
    fund_code: QText = None,
    line_code: QText = None,
    destination_code: QText = None,
    placed_from: dt.date | None = None,
    placed_to: dt.date | None = None,
    sort: PurchaseOrderSort = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    values = {
        "ref": ref,
        "fund_code": fund_code,
        "line_code": line_code,
        "destination_code": destination_code,
        "placed_from": placed_from,
        "placed_to": placed_to,
    }
    return list_answer(
        request, principal, engine, ORDERS, values, sort=sort, cursor=cursor, limit=limit
    )


@router.post(
    "/orders",
    status_code=201,
    response_model=sc.OrderPublic,
    responses=ERRORS,
    operation_id="create_purchase_order",
    summary="Create a purchase order (Idempotency-Key supported)",
    tags=["funds"],
)
def create_purchase_order(
    body: sc.OrderCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return create_answer(principal, engine, ORDERS, body, idempotency_key)


@router.get(
    "/orders/{id}",
    response_model=sc.OrderPublic,
    responses=ERRORS,
    operation_id="get_purchase_order",
    summary="One purchase order (ETag header for If-Match)",
    tags=["funds"],
)
def get_purchase_order(
    id: RecordId, request: Request, principal: CurrentUser, engine: EngineDep
) -> Response:
    return get_answer(request, principal, engine, ORDERS, id)


@router.patch(
    "/orders/{id}",
    response_model=sc.OrderPublic,
    responses=ERRORS,
    operation_id="update_purchase_order",
    summary="Change a purchase order (If-Match required)",
    tags=["funds"],
)
def update_purchase_order(
    id: RecordId,
    body: sc.OrderUpdate,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    return update_answer(principal, engine, ORDERS, id, body, if_match)


@router.delete(
    "/orders/{id}",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
    operation_id="delete_purchase_order",
    summary="Delete a purchase order (If-Match optional)",
    tags=["funds"],
)
def delete_purchase_order(
    id: RecordId, principal: CurrentUser, engine: EngineDep, if_match: IfMatch = None
) -> Response:
    return delete_answer(principal, engine, ORDERS, id, if_match)


DOMAIN = [NEEDS, PLEDGES, DELIVERIES, STOCK_REPORTS, STOCK_TARGETS, CAVEATS, FUNDS, ORDERS]
