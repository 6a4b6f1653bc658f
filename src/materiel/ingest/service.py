"""The review queue: drafts read from texts wait as :class:`IngestDraft` records until a
coordinator accepts (creating the real Pledge, Fund or Need with the source text and span as
provenance), edits or rejects them. Every write goes through the services Writer."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from materiel.db import read_session
from materiel.ingest.extract import Extractor, Reading
from materiel.ingest.items import ItemTable
from materiel.ingest.text import from_bytes
from materiel.records import Fund, FundItem, IngestDraft, Item, Need, Pledge
from materiel.services import NotFound, RuleViolation, writer

KINDS = ("pledge", "fund", "need")
INT_FIELDS = {"quantity"}
FLOAT_FIELDS = {"amount"}
MAX_TEXT = 200_000  # characters of one announcement (about 40 pages): the reader's input
MAX_UPLOAD = 10 * 2**20  # bytes of one uploaded file (.txt, .html, .pdf)


class TextTooLong(ValueError):
    """An announcement longer than ``MAX_TEXT`` characters: it is refused before reading."""


def check_length(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise TextTooLong(
            f"the text has {len(text):,} characters, more than the {MAX_TEXT:,} one "
            "announcement may have: split it into parts"
        )


def item_table(session: Session) -> ItemTable:
    """The keyword table extended with the catalogue's item names and aliases."""
    extra: list[tuple[str, str, str | None, str]] = []
    for it in session.scalars(select(Item)):
        for alias in [it.name, *(it.aliases or [])]:
            if isinstance(alias, str) and alias.strip():
                extra.append((alias.strip(), it.category, it.calibre, it.code))
    return ItemTable(extra)


def extractor_for(engine: Engine | None) -> Extractor:
    if engine is None:
        return Extractor()
    with read_session(engine) as s:
        return Extractor(item_table(s))


def content_hash(text: str) -> str:
    """sha256 of a (normalised) text: the identity of a text read into drafts."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def already_read(engine: Engine, text: str) -> list[int]:
    """Ids of the drafts already read from this very text (empty when it is new)."""
    with read_session(engine) as s:
        stmt = select(IngestDraft.id).where(IngestDraft.content_hash == content_hash(text))
        return list(s.scalars(stmt.order_by(IngestDraft.id)))


def read_into_drafts(
    engine: Engine,
    text: str,
    *,
    source_name: str | None,
    actor: str,
    source_url: str | None = None,
    date: dt.date | None = None,
) -> list[int]:
    """Read ``text`` (already normalised) and store one pending draft per record found
    (TextTooLong beyond ``MAX_TEXT`` characters).

    A text read before (same content hash) adds nothing: the ids of its drafts come back."""
    check_length(text)
    seen = already_read(engine, text)
    if seen:
        return seen
    reading = extractor_for(engine).read(text, date=date)
    return store_reading(
        engine, reading, source_name=source_name, actor=actor, source_url=source_url
    )


def read_bytes_into_drafts(
    engine: Engine,
    data: bytes,
    *,
    filename: str,
    actor: str,
    source_url: str | None = None,
    date: dt.date | None = None,
) -> list[int]:
    """An uploaded .txt, .html or .pdf (for POST /api/v1/ingest) into pending drafts."""
    return read_bytes_seen(
        engine, data, filename=filename, actor=actor, source_url=source_url, date=date
    )[0]


def read_bytes_seen(
    engine: Engine,
    data: bytes,
    *,
    filename: str,
    actor: str,
    source_url: str | None = None,
    date: dt.date | None = None,
) -> tuple[list[int], bool]:
    """Like :func:`read_bytes_into_drafts`, and whether the text was read before (then the
    ids are those of its earlier drafts and nothing was added)."""
    text = from_bytes(data, filename)
    seen = bool(already_read(engine, text))
    ids = read_into_drafts(
        engine, text, source_name=filename, actor=actor, source_url=source_url, date=date
    )
    return ids, seen


def store_reading(
    engine: Engine,
    reading: Reading,
    *,
    source_name: str | None,
    actor: str,
    source_url: str | None = None,
) -> list[int]:
    """Store the drafts of a reading (in the order of ``reading.drafts``) and return their ids,
    one per draft, in that order. A text read before adds nothing (see :func:`already_read`)."""
    check_length(reading.text)
    ids: list[int] = []
    digest = content_hash(reading.text)
    with writer(engine, actor=actor) as w:
        stmt = select(IngestDraft.id).where(IngestDraft.content_hash == digest).limit(1)
        if w.session.scalars(stmt).first() is not None:
            return []
        for d in reading.drafts:
            fields = dict(d.fields)
            fields["evidence"] = reading.evidence(d)
            fields["source_url"] = source_url
            obj = w.create(
                IngestDraft,
                kind=d.kind,
                status="pending",
                fields=fields,
                source_name=source_name,
                source_text=reading.text,
                content_hash=digest,
                span_start=d.start,
                span_end=d.end,
            )
            ids.append(obj.id)
    return ids


def list_drafts(engine: Engine, status: str | None = "pending") -> list[dict[str, Any]]:
    with read_session(engine) as s:
        stmt = select(IngestDraft).order_by(IngestDraft.id)
        if status:
            stmt = stmt.where(IngestDraft.status == status)
        return [draft_dict(d) for d in s.scalars(stmt)]


def get_draft(engine: Engine, draft_id: int) -> dict[str, Any]:
    with read_session(engine) as s:
        d = s.get(IngestDraft, draft_id)
        if d is None:
            raise NotFound(f"no draft with id {draft_id}", entity="ingest_draft")
        return draft_dict(d)


def draft_dict(d: IngestDraft) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "status": d.status,
        "fields": dict(d.fields),
        "source_name": d.source_name,
        "span": [d.span_start, d.span_end],
        "evidence": d.source_text[d.span_start : d.span_end],
        "reviewed_by": d.reviewed_by,
        "record_key": d.record_key,
    }


def convert_field(name: str, value: str | None) -> Any:
    if value is None or value.strip().lower() in ("", "null", "none"):
        return None
    if name in INT_FIELDS:
        return int(value.replace(",", ""))
    if name in FLOAT_FIELDS:
        return float(value.replace(",", ""))
    if name in ("donor", "recipient", "currency"):
        return value.strip().upper()
    return value.strip()


def edit_draft(
    engine: Engine, draft_id: int, changes: dict[str, str], *, actor: str
) -> dict[str, Any]:
    """Change fields of a pending draft (``quantity=18``, ``caliber=155mm``, ``amount=null``)."""
    with writer(engine, actor=actor) as w:
        d = _pending(w.session, draft_id)
        fields = dict(d.fields)
        for k, v in changes.items():
            try:
                fields[k] = convert_field(k, v)
            except ValueError:
                raise RuleViolation(
                    f"draft {draft_id}: field {k!r}: {v!r} is not a number",
                    entity="ingest_draft",
                    field=k,
                ) from None
        w.update(d, fields=fields)
        return draft_dict(d)


def reject_draft(engine: Engine, draft_id: int, *, actor: str) -> None:
    with writer(engine, actor=actor) as w:
        d = _pending(w.session, draft_id)
        w.update(d, status="rejected", reviewed_by=actor)


def _pending(session: Session, draft_id: int) -> IngestDraft:
    d = session.get(IngestDraft, draft_id)
    if d is None:
        raise NotFound(f"no draft with id {draft_id}", entity="ingest_draft")
    if d.status != "pending":
        raise RuleViolation(
            f"draft {draft_id} is already {d.status}", entity="ingest_draft", field="status"
        )
    return d


def resolve_item(session: Session, category: str | None, calibre: str | None) -> str:
    """The catalogue item for a category and calibre; a clear error when none or several."""
    if not category or category == "unspecified":
        raise RuleViolation(
            "the draft names no item category: give the item code (--item CODE)",
            entity="ingest_draft",
            field="item",
        )
    stmt = select(Item.code).where(Item.category == category)
    codes = list(session.scalars(stmt.order_by(Item.code)))
    if calibre:
        narrowed = list(session.scalars(stmt.where(Item.calibre == calibre).order_by(Item.code)))
        codes = narrowed or codes
    if not codes:
        raise RuleViolation(
            f"no catalogue item in category {category!r}"
            + (f" with calibre {calibre}" if calibre else "")
            + ": give the item code (--item CODE)",
            entity="ingest_draft",
            field="item",
        )
    if len(codes) > 1:
        raise RuleViolation(
            f"category {category!r}"
            + (f" calibre {calibre}" if calibre else "")
            + f" matches {len(codes)} items ({', '.join(codes[:8])}): choose one with --item CODE",
            entity="ingest_draft",
            field="item",
        )
    return codes[0]


def _need(fields: dict[str, Any], name: str, draft_id: int, hint: str) -> Any:
    v = fields.get(name)
    if v is None:
        raise RuleViolation(
            f"draft {draft_id}: {name} is unknown; {hint}", entity="ingest_draft", field=name
        )
    return v


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def accept_draft(
    engine: Engine, draft_id: int, *, actor: str, overrides: dict[str, Any] | None = None
) -> str:
    """Create the record a draft describes (with its source as provenance); returns its ref.

    ``overrides``: ``ref``, ``item`` (catalogue code), ``quantity``, ``date``, ``priority``,
    ``needed_by``, ``channel``, ``period_end``, ``name``; any draft field too.
    """
    over = dict(overrides or {})
    with writer(engine, actor=actor) as w:
        d = _pending(w.session, draft_id)
        f: dict[str, Any] = {**d.fields, **{k: v for k, v in over.items() if v is not None}}
        quote = d.source_text[d.span_start : d.span_end]
        when = _date(f.get("date")) or d.created_at.date()
        item = f.get("item") or f.get("item_code")
        if d.kind in ("pledge", "need") and not item:
            item = resolve_item(w.session, f.get("category"), f.get("caliber"))
        hint = "give it with --set quantity=N"
        if d.kind == "pledge":
            ref = str(f.get("ref") or f"P-ING-{d.id}")
            w.create(
                Pledge,
                ref=ref,
                donor_code=_need(f, "donor", d.id, "give it with --set donor=ISO3"),
                recipient_code=_need(f, "recipient", d.id, "give it with --set recipient=ISO3"),
                item_code=item,
                quantity=int(_need(f, "quantity", d.id, hint)),
                value_amount=f.get("amount"),
                value_currency=f.get("currency") if f.get("amount") is not None else None,
                announced_on=when,
                channel=f.get("channel") or "stock",  # the reader's hint, else from stock
                source_document=d.source_name,
                source_url=f.get("source_url"),
                source_quote=quote,
            )
        elif d.kind == "need":
            ref = str(f.get("ref") or f"N-ING-{d.id}")
            w.create(
                Need,
                ref=ref,
                recipient_code=_need(f, "recipient", d.id, "give it with --set recipient=ISO3"),
                item_code=item,
                quantity=int(_need(f, "quantity", d.id, hint)),
                priority=f.get("priority") or "high",
                stated_on=when,
                needed_by=_date(f.get("needed_by")) or when,
                source=f"{d.source_name or 'text'}: {quote}",
            )
        elif d.kind == "fund":
            ref = str(f.get("ref") or f"F-ING-{d.id}")
            amount = _need(f, "amount", d.id, "give it with --set amount=N")
            w.create(
                Fund,
                code=ref,
                name=str(f.get("name") or quote[:200]),
                kind=f.get("fund_kind") or "collective",
                budget=float(amount),
                currency=_need(f, "currency", d.id, "give it with --set currency=EUR"),
                destination="recipient",
                recipient_code=f.get("recipient") or "UKR",
                period_start=when,
                period_end=_date(f.get("period_end")) or when + dt.timedelta(days=365),
                source=f"{d.source_name or 'text'}: {quote}",
            )
            code = item or (
                _try_item(w.session, f.get("category"), f.get("caliber"))
                if f.get("category")
                else None
            )
            if code:
                w.create(FundItem, fund_code=ref, item_code=code)
        else:  # pragma: no cover - kinds are fixed
            raise RuleViolation(f"unknown draft kind {d.kind!r}", entity="ingest_draft")
        w.update(d, status="accepted", reviewed_by=actor, record_key=ref)
        return ref


def _try_item(session: Session, category: str | None, calibre: str | None) -> str | None:
    try:
        return resolve_item(session, category, calibre)
    except RuleViolation:
        return None
