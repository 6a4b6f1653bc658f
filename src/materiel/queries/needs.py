"""Needs of recipients, with their derived coverage, listed and summed by priority."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.queries._common import prefix_mask
from materiel.queries.coverage import PRIORITY_ORDER, need_coverage
from materiel.records import Need

NEED_STATUSES = ("open", "partly covered", "covered")
PRIORITIES = tuple(PRIORITY_ORDER)
BY_PRIORITY_COLUMNS = [
    "priority",
    "needs",
    "open_needs",
    "quantity",
    "covered",
    "open_quantity",
    "earliest_needed_by",
]


def needs_table(
    session: Session,
    *,
    recipient: str | None = None,
    priority: str | None = None,
    status: str | None = None,
    item: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """Every need with its coverage (see :func:`need_coverage`, also for ``as_of``) and
    ``source``, filtered.

    ``status`` is the derived coverage status (open, partly covered, covered); ``item`` is a
    catalogue code or prefix (``ammo.artillery`` matches every artillery round). Sorted
    critical first, then by needed-by date.
    """
    df = need_coverage(session, recipient=recipient, as_of=as_of)
    sources = {i: src for i, src in session.execute(select(Need.id, Need.source)).all()}
    df["source"] = df["id"].map(sources).astype(object)
    mask = prefix_mask(df["item_code"].astype(str), item)
    if priority:
        mask &= df["priority"] == priority
    if status:
        mask &= df["status"] == status
    return df.loc[mask].reset_index(drop=True)


def needs_by_priority(session: Session, *, recipient: str | None = None) -> pd.DataFrame:
    """One row per priority (critical, high, routine — always all three): number of needs,
    needs not fully covered (``open_needs``), stated, covered and open quantities, and the
    earliest needed-by date among the needs not fully covered."""
    df = needs_table(session, recipient=recipient)
    df["is_open"] = df["status"] != "covered"
    grouped = df.groupby("priority")
    out = pd.DataFrame(
        {
            "needs": grouped.size(),
            "open_needs": grouped["is_open"].sum(),
            "quantity": grouped["quantity"].sum(),
            "covered": grouped["covered"].sum(),
            "open_quantity": grouped["open_quantity"].sum(),
            "earliest_needed_by": df.loc[df["is_open"]].groupby("priority")["needed_by"].min(),
        }
    )
    out = out.reindex(list(PRIORITIES))
    counts = ["needs", "open_needs", "quantity", "covered", "open_quantity"]
    out[counts] = out[counts].fillna(0).astype("int64")
    earliest = out["earliest_needed_by"].astype(object)
    out["earliest_needed_by"] = earliest.where(earliest.notna(), None)
    out = out.rename_axis("priority").reset_index()
    return out[BY_PRIORITY_COLUMNS]
