"""Need coverage, derived: open, partly covered, covered.

Pledges that are not cancelled count towards the needs of their recipient and item. The
pledged quantity is allocated to needs in order of priority (critical first), then needed-by
date, then the order the needs were stated in.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from materiel.records import Need, Pledge

PRIORITY_ORDER = {"critical": 0, "high": 1, "routine": 2}
COLUMNS = [
    "id",
    "ref",
    "recipient_code",
    "item_code",
    "quantity",
    "priority",
    "needed_by",
    "stated_on",
    "covered",
    "open_quantity",
    "coverage",
    "status",
]


def coverage_status(quantity: float, covered: float) -> str:
    if covered <= 0:
        return "open"
    if covered < quantity:
        return "partly covered"
    return "covered"


def need_coverage(
    session: Session, *, recipient: str | None = None, as_of: dt.date | None = None
) -> pd.DataFrame:
    """One row per need with ``covered``, ``open_quantity``, ``coverage`` (0..1) and
    ``status``: the non-cancelled pledges of a recipient and item cover its needs in order
    (critical first, then needed-by, stated-on, id).

    ``as_of``: what was known on that day: needs stated and pledges announced on or before
    it (pledge statuses are today's: statuses have no history)."""
    stmt = select(Need)
    if recipient:
        stmt = stmt.where(Need.recipient_code == recipient)
    if as_of is not None:
        stmt = stmt.where(Need.stated_on <= as_of)
    needs = session.scalars(stmt).all()
    if not needs:
        return pd.DataFrame(columns=COLUMNS)
    df = pd.DataFrame(
        [
            {
                "id": n.id,
                "ref": n.ref,
                "recipient_code": n.recipient_code,
                "item_code": n.item_code,
                "quantity": n.quantity,
                "priority": n.priority,
                "needed_by": n.needed_by,
                "stated_on": n.stated_on,
            }
            for n in needs
        ]
    )
    pledged_stmt = (
        select(Pledge.recipient_code, Pledge.item_code, func.sum(Pledge.quantity))
        .where(Pledge.status != "cancelled")
        .group_by(Pledge.recipient_code, Pledge.item_code)
    )
    if recipient:
        pledged_stmt = pledged_stmt.where(Pledge.recipient_code == recipient)
    if as_of is not None:
        pledged_stmt = pledged_stmt.where(Pledge.announced_on <= as_of)
    pledged = pd.DataFrame(
        session.execute(pledged_stmt).all(), columns=["recipient_code", "item_code", "pledged"]
    )
    df["_rank"] = df["priority"].map(PRIORITY_ORDER)
    df = df.sort_values(["recipient_code", "item_code", "_rank", "needed_by", "stated_on", "id"])
    df = df.merge(pledged, on=["recipient_code", "item_code"], how="left")
    df["pledged"] = df["pledged"].fillna(0).astype(float)
    # allocate the pledged pool to needs in order: cumulative quantity before each need
    before = df.groupby(["recipient_code", "item_code"])["quantity"].cumsum() - df["quantity"]
    covered = (df["pledged"] - before).clip(lower=0).clip(upper=df["quantity"])
    df["covered"] = covered.round().astype("int64")
    df["open_quantity"] = df["quantity"] - df["covered"]
    df["coverage"] = df["covered"] / df["quantity"]
    df["status"] = [
        coverage_status(q, c) for q, c in zip(df["quantity"], df["covered"], strict=True)
    ]
    return df.sort_values(["_rank", "needed_by", "id"])[COLUMNS].reset_index(drop=True)
