"""The audit trail (admins only): read it page by page, verify the hash chain."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from materiel import queries
from materiel.access import policy
from materiel.api.crud import ERRORS, MAX_ID
from materiel.api.deps import CurrentUser, EngineDep
from materiel.api.schemas import AuditEventPublic, AuditVerification, Page
from materiel.db import read_session
from materiel.services import chain_head, verify_chain

router = APIRouter(prefix="/audit", tags=["audit"])
Text = Annotated[str | None, Query(max_length=120, pattern=r"^[^\x00]*$")]


@router.get("", response_model=Page[AuditEventPublic], responses=ERRORS, operation_id="list_audit")
def list_audit(
    principal: CurrentUser,
    engine: EngineDep,
    entity: Text = None,
    entity_key: Text = None,
    actor: Text = None,
    action: Text = None,
    after_seq: Annotated[int, Query(ge=0, le=MAX_ID, description="cursor: last seq seen")] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Page[AuditEventPublic]:
    """Events in chain order; pass ``next_cursor`` as ``after_seq`` for the next page."""
    with read_session(engine) as s:
        rows, count, nxt = queries.audit_events(
            s,
            principal,
            after_seq=after_seq,
            limit=limit,
            entity=entity,
            entity_key=entity_key,
            actor=actor,
            action=action,
        )
    return Page[AuditEventPublic](
        items=[AuditEventPublic.model_validate(e) for e in rows],
        count=count,
        next_cursor=nxt,
    )


@router.get(
    "/verify", response_model=AuditVerification, responses=ERRORS, operation_id="verify_audit"
)
def verify(
    principal: CurrentUser,
    engine: EngineDep,
    expect: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=r"^\d+:[0-9a-f]{64}$",
            description="SEQ:HASH anchor kept elsewhere",
        ),
    ] = None,
) -> AuditVerification:
    """Recompute every hash of the chain; ``ok`` false lists the problems."""
    policy.require_admin(principal)
    with read_session(engine) as s:
        report = verify_chain(s, expect=expect)
        head = chain_head(s)
    return AuditVerification(
        ok=report.ok, events=report.events, problems=report.problems, head=head
    )
