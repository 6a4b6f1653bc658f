"""Reading announcements: text or a file into drafts, and the coordinators' review queue."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Query, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from pypdf.errors import PyPdfError

from materiel.access import policy
from materiel.api.crud import ERRORS, MAX_ID
from materiel.api.deps import CurrentUser, EngineDep
from materiel.api.errors import ApiProblem
from materiel.ingest import service

router = APIRouter(prefix="/ingest", tags=["ingest"])

MAX_TEXT, MAX_UPLOAD = service.MAX_TEXT, service.MAX_UPLOAD
DraftId = Annotated[int, Path(ge=1, le=MAX_ID)]


class IngestText(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    source_name: str | None = Field(default=None, max_length=300)
    source_url: str | None = Field(default=None, max_length=500)
    date: dt.date | None = None


class DraftPublic(BaseModel):
    id: int
    kind: str
    status: str
    fields: dict[str, Any]
    source_name: str | None
    span: list[int]
    evidence: str
    reviewed_by: str | None
    record_key: str | None


class IngestResult(BaseModel):
    drafts: list[DraftPublic]
    count: int
    already_read: bool = Field(
        default=False,
        description="the same text (content hash) was read before: nothing was added, the "
        "drafts shown are the ones it gave then",
    )


class DraftEdit(BaseModel):
    fields: dict[str, str | None] = Field(max_length=30)


class DraftAccept(BaseModel):
    overrides: dict[str, str | int | float | None] = Field(default_factory=dict, max_length=30)


class Accepted(BaseModel):
    draft_id: int
    record_key: str


def _result(engine: Any, ids: list[int], seen: bool = False) -> IngestResult:
    drafts = [DraftPublic(**service.get_draft(engine, i)) for i in ids]
    return IngestResult(drafts=drafts, count=len(drafts), already_read=seen)


@router.post(
    "", response_model=IngestResult, status_code=201, responses=ERRORS, operation_id="ingest_text"
)
async def ingest_text(body: IngestText, principal: CurrentUser, engine: EngineDep) -> IngestResult:
    """Read an announcement (plain text) into pending drafts with their supporting spans."""
    policy.require_planner(principal)
    seen = bool(await run_in_threadpool(service.already_read, engine, body.text))
    ids = await run_in_threadpool(
        service.read_into_drafts,
        engine,
        body.text,
        source_name=body.source_name,
        actor=principal.actor,
        source_url=body.source_url,
        date=body.date,
    )
    return await run_in_threadpool(_result, engine, ids, seen)


@router.post(
    "/upload",
    response_model=IngestResult,
    status_code=201,
    responses=ERRORS,
    operation_id="ingest_file",
)
async def ingest_file(
    principal: CurrentUser,
    engine: EngineDep,
    file: Annotated[UploadFile, File(description=".txt, .html or .pdf")],
    source_url: Annotated[str | None, Form(max_length=500)] = None,
) -> IngestResult:
    """Read an uploaded .txt, .html or .pdf file into pending drafts."""
    policy.require_planner(principal)
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ApiProblem(413, f"file larger than {MAX_UPLOAD // 2**20} MB", field="file")
    name = file.filename or "upload.txt"
    try:
        ids, seen = await run_in_threadpool(
            service.read_bytes_seen,
            engine,
            data,
            filename=name,
            actor=principal.actor,
            source_url=source_url,
        )
    except (ValueError, PyPdfError) as exc:
        raise ApiProblem(422, f"{name}: cannot be read as text ({exc})", field="file") from None
    return await run_in_threadpool(_result, engine, ids, seen)


@router.get(
    "/drafts", response_model=list[DraftPublic], responses=ERRORS, operation_id="list_drafts"
)
def list_drafts(
    principal: CurrentUser,
    engine: EngineDep,
    status: Annotated[str | None, Query(pattern="^(pending|accepted|rejected)$")] = "pending",
) -> list[DraftPublic]:
    """Drafts waiting for review (or accepted / rejected ones)."""
    policy.require_planner(principal)
    return [DraftPublic(**d) for d in service.list_drafts(engine, status)]


@router.get(
    "/drafts/{draft_id}", response_model=DraftPublic, responses=ERRORS, operation_id="get_draft"
)
def get_draft(draft_id: DraftId, principal: CurrentUser, engine: EngineDep) -> DraftPublic:
    policy.require_planner(principal)
    return DraftPublic(**service.get_draft(engine, draft_id))


@router.patch(
    "/drafts/{draft_id}", response_model=DraftPublic, responses=ERRORS, operation_id="edit_draft"
)
def edit_draft(
    draft_id: DraftId, body: DraftEdit, principal: CurrentUser, engine: EngineDep
) -> DraftPublic:
    """Correct fields of a pending draft before accepting it."""
    policy.require_planner(principal)
    changes = {k: "null" if v is None else v for k, v in body.fields.items()}
    return DraftPublic(**service.edit_draft(engine, draft_id, changes, actor=principal.actor))


@router.post(
    "/drafts/{draft_id}/accept",
    response_model=Accepted,
    status_code=201,
    responses=ERRORS,
    operation_id="accept_draft",
)
def accept_draft(
    draft_id: DraftId, body: DraftAccept, principal: CurrentUser, engine: EngineDep
) -> Accepted:
    """Create the record the draft describes, with its source text and span as provenance."""
    policy.require_planner(principal)
    key = service.accept_draft(engine, draft_id, actor=principal.actor, overrides=body.overrides)
    return Accepted(draft_id=draft_id, record_key=key)


@router.post(
    "/drafts/{draft_id}/reject",
    response_model=DraftPublic,
    responses=ERRORS,
    operation_id="reject_draft",
)
def reject_draft(draft_id: DraftId, principal: CurrentUser, engine: EngineDep) -> DraftPublic:
    policy.require_planner(principal)
    service.reject_draft(engine, draft_id, actor=principal.actor)
    return DraftPublic(**service.get_draft(engine, draft_id))
