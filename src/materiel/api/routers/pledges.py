"""Pledge lifecycle transitions and deliveries: the use cases of
:mod:`materiel.services.records`, the same the pages call."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from materiel.access import Principal
from materiel.api.crud import API, ERRORS, MAX_ID, json_response, outcome
from materiel.api.deps import CurrentUser, EngineDep, IdemKey, IfMatch, require_if_match
from materiel.api.entities import DELIVERIES, PLEDGES
from materiel.api.schemas import (
    DeliveryCreate,
    DeliveryFields,
    DeliveryPublic,
    PledgePublic,
    PledgeTransition,
)
from materiel.services import Writer
from materiel.services.idempotency import Outcome, run_write
from materiel.services.records import record_delivery, transition_pledge

router = APIRouter(tags=["pledges"])
PledgeId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.post(
    "/pledges/{pledge_id}/transition",
    response_model=PledgePublic,
    responses=ERRORS,
    operation_id="transition_pledge",
    summary="Move a pledge along announced → committed → delivering → delivered (or cancelled)",
)
def transition(
    pledge_id: PledgeId,
    body: PledgeTransition,
    principal: CurrentUser,
    engine: EngineDep,
    if_match: IfMatch = None,
) -> Response:
    """Illegal steps are refused with 409 and the allowed next states. If-Match required."""
    tags = require_if_match(if_match)

    def action(w: Writer) -> Outcome:
        pledge = transition_pledge(w, principal, pledge_id, body.to, if_match=tags)
        return outcome(PLEDGES, pledge, 200)

    return json_response(run_write(engine, principal, action))


def _record(
    engine: EngineDep,
    principal: Principal,
    pledge_id: int,
    fields: DeliveryFields,
    key: str | None,
    route: str,
) -> Response:
    def action(w: Writer) -> Outcome:
        d = record_delivery(
            w,
            principal,
            pledge_id,
            ref=fields.ref or f"D-{uuid.uuid4().hex[:12]}",
            quantity=fields.quantity,
            delivered_on=fields.delivered_on,
            source=fields.source,
        )
        return outcome(DELIVERIES, d, 201, f"{API}/deliveries/{d.id}")

    out = run_write(
        engine, principal, action, key=key, request_body=fields.model_dump(mode="json"), route=route
    )
    return json_response(out)


@router.post(
    "/pledges/{pledge_id}/deliveries",
    status_code=201,
    response_model=DeliveryPublic,
    responses=ERRORS,
    operation_id="create_pledge_delivery",
    summary="Record a delivery against a pledge (Idempotency-Key supported)",
)
def create_pledge_delivery(
    pledge_id: PledgeId,
    body: DeliveryFields,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    """The sum of deliveries never exceeds the pledge: a delivery beyond it gets 409. The
    pledge moves to delivering, and to delivered when complete."""
    return _record(
        engine, principal, pledge_id, body, idempotency_key, f"pledge-deliveries:{pledge_id}"
    )


@router.post(
    "/deliveries",
    status_code=201,
    response_model=DeliveryPublic,
    responses=ERRORS,
    operation_id="create_delivery",
    summary="Record a delivery (pledge_id in the body; Idempotency-Key supported)",
)
def create_delivery(
    body: DeliveryCreate,
    principal: CurrentUser,
    engine: EngineDep,
    idempotency_key: IdemKey = None,
) -> Response:
    return _record(
        engine,
        principal,
        body.pledge_id,
        body,
        idempotency_key,
        f"pledge-deliveries:{body.pledge_id}",
    )
