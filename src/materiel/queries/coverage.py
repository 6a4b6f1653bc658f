"""Need coverage as the viewer may know it: pledged, delivered and due by the need's date,
shown separately (docs/figures.md, "Coverage of a need").

The pledges of a recipient and item form one pool that covers its needs in order: critical
first, then needed-by date, stated-on date and id. Each of the three figures allocates its
own pool in that order:

- ``pledged``: quantity of the pledges not cancelled (a cancelled pledge still counts for
  what it delivered);
- ``delivered``: deliveries dated on or before ``as_of``;
- ``due``: what is there by the need's own date: delivered by that date, plus (for a date
  still ahead) the remainder of committed or delivering pledges due between ``as_of`` and
  that date. A pledge that arrives after the need's date never makes the need covered.

Only pledges and deliveries the viewer may see count (issue 18.1: a confidential pledge
must not show through the coverage of someone who may not see it).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.queries._common import REPORT_CURRENCY, convert_column, resolve, shared
from materiel.queries.lean import coverage_status
from materiel.records import Delivery, Item, Need, Pledge, PledgeStatus, Priority

PRIORITIES = tuple(p.value for p in Priority)
PRIORITY_ORDER = {p: n for n, p in enumerate(PRIORITIES)}
#: Derived status of a need, worst first (see :func:`coverage_status`).
NEED_STATUSES = ("open", "partly covered", "covered late", "covered")
#: Status filters: a status, or ``uncovered`` = every status but ``covered``.
NEED_FILTERS = (*NEED_STATUSES, "uncovered")
SCHEDULED = (PledgeStatus.committed.value, PledgeStatus.delivering.value)
COLUMNS = [
    "id",
    "ref",
    "recipient_code",
    "item_code",
    "quantity",
    "priority",
    "needed_by",
    "stated_on",
    "pledged",
    "delivered",
    "due",
    "open_quantity",
    "short_by_date",
    "value",
    "open_value",
    "short_value",
    "currency",
    "rate_date",
    "coverage",
    "coverage_due",
    "coverage_delivered",
    "status",
    "overdue",
    "days_overdue",
    "source",
    "synthetic",
]


def status_mask(status: pd.Series, wanted: str | None) -> pd.Series:
    """Rows matching a status filter of :data:`NEED_FILTERS` (all rows for None)."""
    if wanted is None:
        return pd.Series(True, index=status.index, dtype=bool)
    if wanted == "uncovered":
        return (status != "covered").astype(bool)
    return (status == wanted).astype(bool)


def _needs(session: Session, recipient: str | None, as_of: dt.date) -> pd.DataFrame:
    stmt = (
        select(
            Need.id,
            Need.ref,
            Need.recipient_code,
            Need.item_code,
            Need.quantity,
            Need.priority,
            Need.needed_by,
            Need.stated_on,
            Need.source,
            Need.synthetic,
            Item.unit_value,
            Item.currency.label("item_currency"),
        )
        .join(Item, Item.code == Need.item_code)
        .where(Need.stated_on <= as_of)
    )
    if recipient:
        stmt = stmt.where(Need.recipient_code == recipient)
    return pd.DataFrame(session.execute(stmt).mappings().all())


def _pledges(
    session: Session, viewer: Principal, recipient: str | None, as_of: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Visible pledges announced by ``as_of`` and their deliveries dated by ``as_of``."""
    pstmt = select(
        Pledge.id,
        Pledge.recipient_code,
        Pledge.item_code,
        Pledge.quantity,
        Pledge.status,
        Pledge.due_by,
    ).where(Pledge.announced_on <= as_of)
    if recipient:
        pstmt = pstmt.where(Pledge.recipient_code == recipient)
    pstmt = policy.row_filter(viewer, "pledge", pstmt)
    pledges = pd.DataFrame(
        session.execute(pstmt).all(),
        columns=["id", "recipient_code", "item_code", "quantity", "status", "due_by"],
    )
    dstmt = (
        select(Delivery.pledge_id, Delivery.quantity, Delivery.delivered_on)
        .join(Pledge, Pledge.id == Delivery.pledge_id)
        .where(Delivery.delivered_on <= as_of, Pledge.announced_on <= as_of)
    )
    if recipient:
        dstmt = dstmt.where(Pledge.recipient_code == recipient)
    dstmt = policy.row_filter(viewer, "pledge", dstmt)
    deliveries = pd.DataFrame(
        session.execute(dstmt).all(), columns=["pledge_id", "quantity", "delivered_on"]
    )
    return pledges, deliveries


@shared
def need_coverage(
    session: Session,
    viewer: Principal,
    *,
    recipient: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """One row per need stated on or before ``as_of`` (default today) with its coverage by
    the pledges the viewer may see (module docstring): ``pledged``, ``delivered``, ``due``,
    ``open_quantity`` (quantity − pledged), ``short_by_date`` (quantity − due), the shares
    ``coverage`` (pledged), ``coverage_due`` and ``coverage_delivered``, ``status``
    (:func:`coverage_status`), ``overdue`` (its date passed and not all of it delivered)
    with ``days_overdue``; ``value``, ``open_value`` and ``short_value``: the quantity, the
    open quantity and the quantity short by its date × the item's catalogue unit value, in
    ``currency`` (EUR) at the ECB rate of ``as_of`` (``rate_date``) — the only way needs of
    different items may be added. Pledge statuses are today's (statuses have no history).
    Sorted critical first, then by needed-by date and id."""
    as_of = resolve(as_of)
    needs = _needs(session, recipient, as_of)
    if needs.empty:
        return pd.DataFrame(columns=COLUMNS)
    pledges, deliveries = _pledges(session, viewer, recipient, as_of)
    key = ["recipient_code", "item_code"]
    delivered = (
        deliveries.groupby("pledge_id")["quantity"].sum()
        if len(deliveries)
        else pd.Series(dtype="int64")
    )
    pledges["delivered"] = pledges["id"].map(delivered).fillna(0).astype("int64")
    cancelled = pledges["status"] == PledgeStatus.cancelled.value
    pledges["counted"] = pledges["quantity"].where(~cancelled, pledges["delivered"])
    pool = pledges.groupby(key)[["counted", "delivered"]].sum().reset_index()

    df = needs.copy()
    df["_rank"] = df["priority"].map(PRIORITY_ORDER).fillna(len(PRIORITY_ORDER))
    df = df.sort_values([*key, "_rank", "needed_by", "stated_on", "id"])
    df = df.merge(pool, on=key, how="left")
    df[["counted", "delivered"]] = df[["counted", "delivered"]].fillna(0).astype(float)
    df["due_pool"] = _due_pool(df, pledges, deliveries, as_of)
    # the quantity of the needs ranked ahead in the same pool, served first
    before = df.groupby(key)["quantity"].cumsum() - df["quantity"]
    qty = df["quantity"].astype(float)

    def allocate(pool_column: str) -> pd.Series:
        return (df[pool_column] - before).clip(lower=0).clip(upper=qty).round().astype("int64")

    df["pledged"] = allocate("counted")
    df["delivered"] = allocate("delivered")
    df["due"] = allocate("due_pool")
    df["open_quantity"] = df["quantity"] - df["pledged"]
    df["short_by_date"] = df["quantity"] - df["due"]
    unit, df["rate_date"] = convert_column(
        df["unit_value"], df["item_currency"], as_of, REPORT_CURRENCY
    )
    df["value"] = df["quantity"] * unit
    df["open_value"] = df["open_quantity"] * unit
    df["short_value"] = df["short_by_date"] * unit
    df["currency"] = REPORT_CURRENCY
    df["coverage"] = df["pledged"] / qty
    df["coverage_due"] = df["due"] / qty
    df["coverage_delivered"] = df["delivered"] / qty
    df["status"] = [
        coverage_status(q, p, d)
        for q, p, d in zip(df["quantity"], df["pledged"], df["due"], strict=True)
    ]
    days = (pd.Timestamp(as_of) - pd.to_datetime(df["needed_by"])).dt.days
    df["overdue"] = ((days > 0) & (df["delivered"] < df["quantity"])).astype(bool)
    df["days_overdue"] = days.where(df["overdue"], 0).astype("int64")
    df["synthetic"] = df["synthetic"].astype(bool)
    df = df.sort_values(["_rank", "needed_by", "id"])
    return df[COLUMNS].reset_index(drop=True)


def _due_pool(
    needs: pd.DataFrame, pledges: pd.DataFrame, deliveries: pd.DataFrame, as_of: dt.date
) -> np.ndarray:
    """Per need (row of ``needs``): what of its recipient and item is there by its date —
    deliveries dated on or before min(needed_by, as_of), plus, when the date is still
    ahead, the remainder of committed or delivering pledges due in [as_of, needed_by]."""
    key = ["recipient_code", "item_code"]
    rows = needs[[*key, "needed_by"]].reset_index(drop=True).reset_index(names="row")
    by = rows["needed_by"].map(lambda d: min(d, as_of))
    rows["by"] = pd.to_datetime(by)
    out = np.zeros(len(rows))
    if len(deliveries):
        dl = deliveries.merge(
            pledges[["id", *key]], left_on="pledge_id", right_on="id", how="inner"
        ).merge(rows, on=key)
        dl = dl.loc[pd.to_datetime(dl["delivered_on"]) <= dl["by"]]
        np.add.at(out, dl["row"].to_numpy(), dl["quantity"].to_numpy(dtype=float))
    sched = pledges.loc[
        pledges["status"].isin(SCHEDULED)
        & pledges["due_by"].notna()
        & (pledges["quantity"] > pledges["delivered"])
    ]
    if len(sched):
        sched = sched.assign(rest=sched["quantity"] - sched["delivered"]).merge(rows, on=key)
        due = pd.to_datetime(sched["due_by"])
        need = pd.to_datetime(sched["needed_by"])
        ahead = (due >= pd.Timestamp(as_of)) & (due <= need) & (need >= pd.Timestamp(as_of))
        sched = sched.loc[ahead]
        np.add.at(out, sched["row"].to_numpy(), sched["rest"].to_numpy(dtype=float))
    return out
