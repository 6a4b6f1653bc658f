"""Kiel activity rows as draft pledges in the review queue (``materiel drafts``).

Military activities only. An activity's allocation rows (the packages actually earmarked,
each with its item, quantity and value) become one draft each, and then its commitment is
not drafted again: an allocation is part of its commitment, so drafting both would count the
money twice. An activity with commitment rows only becomes one draft, for the activity's
value. EU institutions and instruments (the Commission and Council, the European Peace
Facility, the European Investment Bank) are the donor ``EUU``. Each draft quotes its row as
evidence; a row already drafted is skipped, so running the conversion again adds nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select

from materiel.db import read_session
from materiel.ingest import kiel
from materiel.ingest import nations as nat
from materiel.ingest.service import item_table
from materiel.records import IngestDraft
from materiel.services import writer

RECIPIENT = "UKR"


@dataclass
class DraftSummary:
    created: list[int] = field(default_factory=list)
    skipped_existing: int = 0
    commitments_covered: int = 0  # commitment rows not drafted: their allocations are
    remaining: int = 0  # rows left out by the limit


def source_name(release_code: str, row: dict[str, Any]) -> str:
    """The draft's source: release, file and row (also the key that makes reruns idempotent)."""
    act = f", activity {row['activity_id']}" if _text(row.get("activity_id")) else ""
    return f"Kiel UST {release_code}: {row['source_file']} row {int(row['source_row'])}{act}"


def _evidence(cite: str, row: dict[str, Any], value: float | None) -> str:
    parts = [
        f"{row['donor_name']}: military {row['measure']}",
        f"item {_text(row.get('item'))!r}" if _text(row.get("item")) else "",
        f"quantity {row['quantity']:g}" if pd.notna(row.get("quantity")) else "",
        f"EUR {value:,.0f}" if value is not None else "value not given",
        str(row["announced_on"])
        if row.get("announced_on") is not None and pd.notna(row["announced_on"])
        else (
            f"{int(row['year'])}-{int(row['month']):02d}"
            if row.get("month_known")
            else "month unknown"
        ),
    ]
    text = "; ".join(p for p in parts if p) + f". Source: {cite}."
    if _text(row.get("source")):
        text += f" Sources cited by the tracker: {row['source']}"
    return text


def _text(v: Any) -> str:
    """A text cell of the frame ('' for a missing one, which pandas holds as NaN)."""
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)


def _when(row: dict[str, Any]) -> str | None:
    d = row.get("announced_on")
    if d is not None and not pd.isna(d):
        return str(d)
    if row.get("month_known"):
        return dt.date(int(row["year"]), int(row["month"]), 1).isoformat()
    return None


def to_drafts(
    engine: Engine,
    *,
    release_code: str,
    actor: str,
    donor: str | None = None,
    since: dt.date | None = None,
    limit: int | None = 100,
    dry_run: bool = False,
) -> DraftSummary:
    """Put military activity rows into the review queue as draft pledges (see the module)."""
    acts = kiel.activity_frame(engine, release_code)
    summary = DraftSummary()
    if acts.empty:
        return summary
    rel = kiel.get_release(engine, release_code)
    cite = rel.citation if rel else kiel.CITATION
    mil = acts[acts["aid_type"] == "military"].copy()
    if donor:
        mil = mil[mil["nation_code"] == donor.upper()]
    if since is not None:
        years = mil["year"].fillna(0).astype(int) * 12 + mil["month"].fillna(0).astype(int)
        mil = mil[years >= since.year * 12 + since.month]
    mil["activity"] = mil["activity_id"].fillna("row-" + mil["source_row"].astype(str))
    allocated = set(mil.loc[mil["measure"] == "allocation", "activity"])
    commitments = mil[(mil["measure"] == "commitment")]
    covered = commitments["activity"].isin(allocated)
    summary.commitments_covered = int(covered.sum())
    # one draft per allocation row; one per activity that has commitment rows only
    chosen = pd.concat(
        [
            mil[mil["measure"] == "allocation"],
            commitments[~covered].drop_duplicates("activity"),
        ]
    ).sort_values("source_row")
    with read_session(engine) as s:
        done = set(
            s.scalars(
                select(IngestDraft.source_name).where(
                    IngestDraft.source_name.like(f"Kiel UST {release_code}:%")
                )
            )
        )
        table = item_table(s)
    records: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()} for r in chosen.to_dict("records")
    ]
    rows = [r for r in records if source_name(release_code, r) not in done]
    summary.skipped_existing = len(chosen) - len(rows)
    if limit is not None and len(rows) > limit:
        summary.remaining = len(rows) - limit
        rows = rows[:limit]
    if dry_run or not rows:
        summary.created = [0] * len(rows) if dry_run else []
        return summary
    with writer(engine, actor=actor) as w:
        for r in rows:
            value = r["value_eur"] if r["measure"] == "allocation" else r["activity_value_eur"]
            value = None if value is None or pd.isna(value) else float(value)
            mention = next(iter(table.find(_text(r.get("item")))), None)
            quantity = r.get("quantity")
            fields: dict[str, Any] = {
                "ref": f"KIEL{release_code.removeprefix('kiel-')}-{int(r['source_row'])}",
                "donor": r["nation_code"],
                "donor_name": r["donor_name"],
                "recipient": RECIPIENT,
                "quantity": int(quantity)
                if quantity is not None and pd.notna(quantity) and quantity > 0
                else None,
                "amount": value,
                "currency": "EUR" if value is not None else None,
                "date": _when(r),
                "item": mention.item_code if mention else None,
                "category": mention.category if mention else None,
                "caliber": mention.calibre if mention else None,
                "kiel_measure": r["measure"],
                "kiel_activity": _text(r.get("activity_id")) or None,
                "source_url": _text(r.get("source")).split(" | ")[0] or None,
            }
            if r["nation_code"] == nat.EU_CODE:
                fields["note"] = f"EU instrument as given by the tracker: {r['donor_name']}"
            evidence = _evidence(cite, r, value)
            obj = w.create(
                IngestDraft,
                kind="pledge",
                status="pending",
                fields=fields | {"evidence": evidence},
                source_name=source_name(release_code, r),
                source_text=evidence,
                span_start=0,
                span_end=len(evidence),
            )
            summary.created.append(obj.id)
    return summary
