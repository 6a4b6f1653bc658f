"""Pledges the viewer may see, with what has been delivered against them, what remains, what
is late, and their value in one currency (ECB reference rates, the rate date is stated)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.queries._common import REPORT_CURRENCY, convert_column, prefix_mask, resolve, shared
from materiel.records import Delivery, Item, Pledge, PledgeStatus

CLOSED = (PledgeStatus.delivered.value, PledgeStatus.cancelled.value)
PLEDGE_STATUSES = tuple(s.value for s in PledgeStatus)
PLEDGE_COLUMNS = [
    "id",
    "ref",
    "donor_code",
    "recipient_code",
    "item_code",
    "quantity",
    "delivered",
    "remaining",
    "status",
    "channel",
    "confidential",
    "announced_on",
    "due_by",
    "last_delivered_on",
    "late",
    "days_late",
    "value_amount",
    "value_currency",
    "value_basis",
    "value",
    "delivered_value",
    "currency",
    "rate_date",
    "source",
    "synthetic",
]
DONOR_COLUMNS = [
    "donor_code",
    "pledges",
    "late_pledges",
    "pledged_value",
    "delivered_value",
    "currency",
    "rate_date",
    "synthetic",
]


def delivered_by(
    session: Session, viewer: Principal, on: dt.date, pledge_ids: pd.Series | None = None
) -> pd.DataFrame:
    """Per visible pledge: ``delivered`` (Σ deliveries dated on or before ``on``) and
    ``last_delivered_on``."""
    stmt = (
        select(
            Delivery.pledge_id.label("id"),
            func.sum(Delivery.quantity).label("delivered"),
            func.max(Delivery.delivered_on).label("last_delivered_on"),
        )
        .where(Delivery.delivered_on <= on)
        .group_by(Delivery.pledge_id)
    )
    stmt = policy.row_filter(viewer, "delivery", stmt)
    df = pd.DataFrame(session.execute(stmt).all(), columns=["id", "delivered", "last_delivered_on"])
    if pledge_ids is not None:
        df = df.loc[df["id"].isin(pledge_ids)]
    return df


@shared
def pledges_table(
    session: Session,
    viewer: Principal,
    *,
    donor: str | None = None,
    recipient: str | None = None,
    status: str | None = None,
    item: str | None = None,
    late: bool | None = None,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
    announced_from: dt.date | None = None,
    announced_to: dt.date | None = None,
) -> pd.DataFrame:
    """One row per pledge the viewer may see (confidential ones only for their donor,
    recipient and staff), announced on or before ``as_of`` (default today):

    - ``delivered``: Σ its deliveries dated on or before ``as_of``; ``remaining`` the rest;
    - ``late``: due before ``as_of``, not fully delivered, neither delivered nor cancelled;
      ``days_late`` = ``as_of`` − due date;
    - ``value``: the stated value (``value_basis`` = ``stated``) or quantity × catalogue unit
      value (``catalogue``), converted to ``currency`` at the ECB rate of ``as_of``
      (``rate_date`` = the published rate date used); ``delivered_value`` = value ×
      delivered / quantity.

    ``announced_from`` / ``announced_to`` (inclusive) select a period, e.g. since the
    previous meeting. ``source`` joins the source document, link and quote. Sorted by id.
    """
    as_of = resolve(as_of)
    last = min(announced_to, as_of) if announced_to else as_of
    stmt = (
        select(
            Pledge.id,
            Pledge.ref,
            Pledge.donor_code,
            Pledge.recipient_code,
            Pledge.item_code,
            Pledge.quantity,
            Pledge.status,
            Pledge.channel,
            Pledge.confidential,
            Pledge.announced_on,
            Pledge.due_by,
            Pledge.value_amount,
            Pledge.value_currency,
            Pledge.source_document,
            Pledge.source_url,
            Pledge.source_quote,
            Pledge.synthetic,
            Item.unit_value,
            Item.currency.label("item_currency"),
        )
        .join(Item, Item.code == Pledge.item_code)
        .where(Pledge.announced_on <= last)
    )
    stmt = policy.row_filter(viewer, "pledge", stmt)
    if donor:
        stmt = stmt.where(Pledge.donor_code == donor)
    if recipient:
        stmt = stmt.where(Pledge.recipient_code == recipient)
    if status:
        stmt = stmt.where(Pledge.status == status)
    if announced_from:
        stmt = stmt.where(Pledge.announced_on >= announced_from)
    df = pd.DataFrame(session.execute(stmt.order_by(Pledge.id)).mappings().all())
    if df.empty:
        return pd.DataFrame(columns=PLEDGE_COLUMNS)
    df = df.loc[prefix_mask(df["item_code"], item)].copy()
    df = df.merge(delivered_by(session, viewer, as_of, df["id"]), on="id", how="left")
    df["delivered"] = df["delivered"].fillna(0).astype("int64")
    df["remaining"] = (df["quantity"] - df["delivered"]).clip(lower=0)
    df["last_delivered_on"] = (
        df["last_delivered_on"].astype(object).where(df["last_delivered_on"].notna(), None)
    )
    due = pd.to_datetime(df["due_by"])
    overdue_days = (pd.Timestamp(as_of) - due).dt.days
    df["late"] = (
        due.notna() & (overdue_days > 0) & (df["remaining"] > 0) & ~df["status"].isin(CLOSED)
    ).astype(bool)
    df["days_late"] = overdue_days.where(df["late"], 0).fillna(0).astype("int64")
    if late is not None:
        df = df.loc[df["late"] == late]
    stated = df["value_amount"].notna() & df["value_currency"].notna()
    df["value_basis"] = stated.map({True: "stated", False: "catalogue"})
    amount = df["value_amount"].where(stated, df["quantity"] * df["unit_value"])
    amount_currency = df["value_currency"].where(stated, df["item_currency"])
    df["value"], df["rate_date"] = convert_column(amount, amount_currency, as_of, currency)
    df["delivered_value"] = df["value"] * df["delivered"] / df["quantity"]
    df["currency"] = currency
    df["source"] = [
        " | ".join(str(p) for p in parts if p)
        for parts in zip(df["source_document"], df["source_url"], df["source_quote"], strict=True)
    ]
    df["synthetic"] = df["synthetic"].astype(bool)
    return df[PLEDGE_COLUMNS].reset_index(drop=True)


def live(pledges: pd.DataFrame) -> pd.DataFrame:
    """The pledges of a :func:`pledges_table` frame that count: not cancelled."""
    return pledges.loc[pledges["status"] != PledgeStatus.cancelled.value]


def donor_totals(
    session: Session,
    viewer: Principal,
    *,
    recipient: str | None = None,
    item: str | None = None,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> pd.DataFrame:
    """Pledged against delivered by donor over the pledges the viewer may see (cancelled
    excluded): pledges, late pledges, and values in ``currency`` (delivered value pro
    rata of the pledge's value). No quantities: a donor's pledges are of different items,
    whose units are never added. Sorted by pledged value, largest first."""
    df = live(
        pledges_table(
            session, viewer, recipient=recipient, item=item, as_of=as_of, currency=currency
        )
    )
    if df.empty:
        return pd.DataFrame(columns=DONOR_COLUMNS)
    g = df.groupby("donor_code")
    out = pd.DataFrame(
        {
            "pledges": g.size(),
            "late_pledges": g["late"].sum(),
            "pledged_value": g["value"].sum(min_count=1),
            "delivered_value": g["delivered_value"].sum(min_count=1),
            "rate_date": g["rate_date"].max(),
            "synthetic": g["synthetic"].any(),
        }
    ).reset_index()
    out["currency"] = currency
    out = out.sort_values(["pledged_value", "donor_code"], ascending=[False, True])
    return out[DONOR_COLUMNS].reset_index(drop=True)


DELIVERY_COLUMNS = [
    "id",
    "ref",
    "pledge_id",
    "pledge_ref",
    "donor_code",
    "recipient_code",
    "item_code",
    "quantity",
    "delivered_on",
    "value",
    "currency",
    "rate_date",
    "confidential",
    "source",
    "synthetic",
]


def deliveries_table(
    session: Session,
    viewer: Principal,
    *,
    donor: str | None = None,
    recipient: str | None = None,
    item: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> pd.DataFrame:
    """One row per delivery the viewer may see (of a visible pledge) dated in [``since``,
    ``until``] (inclusive; ``until`` defaults to today) with its pledge's donor, recipient
    and item, and its value: the pledge's value pro rata of quantity (else quantity ×
    catalogue unit value) converted to ``currency`` at the ECB rate of ``until``. Sorted
    by date."""
    until = resolve(until)
    stmt = (
        select(
            Delivery.id,
            Delivery.ref,
            Delivery.pledge_id,
            Pledge.ref.label("pledge_ref"),
            Pledge.donor_code,
            Pledge.recipient_code,
            Pledge.item_code,
            Delivery.quantity,
            Delivery.delivered_on,
            Delivery.source,
            Delivery.synthetic,
            Pledge.confidential,
            Pledge.quantity.label("pledge_quantity"),
            Pledge.value_amount,
            Pledge.value_currency,
            Item.unit_value,
            Item.currency.label("item_currency"),
        )
        .join(Pledge, Pledge.id == Delivery.pledge_id)
        .join(Item, Item.code == Pledge.item_code)
        .where(Delivery.delivered_on <= until)
    )
    stmt = policy.row_filter(viewer, "pledge", stmt)
    if donor:
        stmt = stmt.where(Pledge.donor_code == donor)
    if recipient:
        stmt = stmt.where(Pledge.recipient_code == recipient)
    if since:
        stmt = stmt.where(Delivery.delivered_on >= since)
    df = pd.DataFrame(
        session.execute(stmt.order_by(Delivery.delivered_on, Delivery.id)).mappings().all()
    )
    if df.empty:
        return pd.DataFrame(columns=DELIVERY_COLUMNS)
    df = df.loc[prefix_mask(df["item_code"], item)].copy()
    stated = df["value_amount"].notna() & df["value_currency"].notna()
    amount = (df["value_amount"] * df["quantity"] / df["pledge_quantity"]).where(
        stated, df["quantity"] * df["unit_value"]
    )
    amount_currency = df["value_currency"].where(stated, df["item_currency"])
    df["value"], df["rate_date"] = convert_column(amount, amount_currency, until, currency)
    df["currency"] = currency
    df["synthetic"] = df["synthetic"].astype(bool)
    return df[DELIVERY_COLUMNS].reset_index(drop=True)


def open_pledges(
    session: Session, viewer: Principal, limit: int = 500
) -> dict[str, list[dict[str, object]]]:
    """Pledges not yet delivered or cancelled that the viewer may act on, by ref:
    ``deliverable`` (it may record deliveries against them) and ``movable`` (it may move
    them along the lifecycle). Each: id, ref, item_code, quantity, donor_code, status and
    version (for the If-Match check of the form)."""
    stmt = policy.row_filter(viewer, "pledge", select(Pledge)).where(Pledge.status.notin_(CLOSED))
    found = list(session.scalars(stmt.order_by(Pledge.ref).limit(10 * limit)))

    def option(x: Pledge) -> dict[str, object]:
        return {
            "id": x.id,
            "ref": x.ref,
            "item_code": x.item_code,
            "quantity": x.quantity,
            "donor_code": x.donor_code,
            "status": x.status,
            "version": x.version,
            "announced_on": x.announced_on,
        }

    def allowed(check: Callable[[Principal, Pledge], None], x: Pledge) -> bool:
        try:
            check(viewer, x)
        except (policy.Refused, policy.Hidden):
            return False
        return True

    return {
        "deliverable": [option(x) for x in found if allowed(policy.check_delivery, x)][:limit],
        "movable": [option(x) for x in found if allowed(policy.check_transition, x)][:limit],
    }
