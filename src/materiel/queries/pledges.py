"""Pledges with what has been delivered against them, what remains, what is late, and their
value in one currency (ECB reference rates, the rate date is stated)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from materiel.queries._common import REPORT_CURRENCY, convert_column, prefix_mask, today
from materiel.records import Delivery, Item, Pledge

CLOSED = ("delivered", "cancelled")
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
    "currency",
    "rate_date",
    "source",
]
DONOR_COLUMNS = [
    "donor_code",
    "pledges",
    "pledged",
    "delivered",
    "remaining",
    "late_pledges",
    "pledged_value",
    "delivered_value",
    "currency",
    "rate_date",
    "synthetic",
]


def pledges_table(
    session: Session,
    *,
    donor: str | None = None,
    recipient: str | None = None,
    status: str | None = None,
    item: str | None = None,
    late: bool | None = None,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
    include_confidential: bool = True,
    announced_from: dt.date | None = None,
    announced_to: dt.date | None = None,
) -> pd.DataFrame:
    """One row per pledge: ``delivered`` (sum of deliveries on or before ``as_of``),
    ``remaining``, ``late`` (due_by passed at ``as_of`` and not fully delivered, not
    cancelled), ``days_late`` and ``value`` converted to ``currency``.

    The value is the pledge's stated value (``value_basis`` = ``stated``) or, when none was
    stated, quantity × the catalogue unit value (``catalogue``). It is converted with the ECB
    reference rate of ``as_of`` (``rate_date`` is the published rate date actually used).
    ``source`` joins the pledge's source document, link and quote.
    ``include_confidential=False`` drops confidential pledges (access rules live elsewhere).
    ``announced_from`` / ``announced_to`` (inclusive) select pledges notified in a period,
    e.g. since the previous meeting.
    """
    as_of = as_of or today()
    stmt = select(
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
        Item.unit_value,
        Item.currency.label("item_currency"),
    ).join(Item, Item.code == Pledge.item_code)
    if donor:
        stmt = stmt.where(Pledge.donor_code == donor)
    if recipient:
        stmt = stmt.where(Pledge.recipient_code == recipient)
    if status:
        stmt = stmt.where(Pledge.status == status)
    if not include_confidential:
        stmt = stmt.where(Pledge.confidential.is_(False))
    if announced_from:
        stmt = stmt.where(Pledge.announced_on >= announced_from)
    if announced_to:
        stmt = stmt.where(Pledge.announced_on <= announced_to)
    df = pd.DataFrame(session.execute(stmt.order_by(Pledge.id)).mappings().all())
    if df.empty:
        return pd.DataFrame(columns=PLEDGE_COLUMNS)
    df = df.loc[prefix_mask(df["item_code"], item)].copy()
    delivered = pd.DataFrame(
        session.execute(
            select(
                Delivery.pledge_id,
                func.sum(Delivery.quantity).label("delivered"),
                func.max(Delivery.delivered_on).label("last_delivered_on"),
            )
            .where(Delivery.delivered_on <= as_of)
            .group_by(Delivery.pledge_id)
        ).all(),
        columns=["id", "delivered", "last_delivered_on"],
    )
    df = df.merge(delivered, on="id", how="left")
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
    df["currency"] = currency
    df["source"] = [
        " | ".join(str(p) for p in parts if p)
        for parts in zip(df["source_document"], df["source_url"], df["source_quote"], strict=True)
    ]
    return df[PLEDGE_COLUMNS].reset_index(drop=True)


def donor_totals(
    session: Session,
    *,
    recipient: str | None = None,
    item: str | None = None,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> pd.DataFrame:
    """Pledged against delivered by donor (cancelled pledges excluded): quantities, number
    of late pledges, and values in ``currency`` (delivered value pro rata of the pledge's
    value). Sorted by pledged value, largest first. ``synthetic`` is True when the donor's
    pledges are labelled synthetic demo data."""
    df = pledges_table(session, recipient=recipient, item=item, as_of=as_of, currency=currency)
    df = df.loc[df["status"] != "cancelled"].copy()
    if df.empty:
        return pd.DataFrame(columns=DONOR_COLUMNS)
    df["delivered_value"] = df["value"] * (df["delivered"] / df["quantity"])
    df["synthetic"] = df["source"].str.lower().str.contains("synthetic")
    g = df.groupby("donor_code")
    out = pd.DataFrame(
        {
            "pledges": g.size(),
            "pledged": g["quantity"].sum(),
            "delivered": g["delivered"].sum(),
            "remaining": g["remaining"].sum(),
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
]


def deliveries_table(
    session: Session,
    *,
    donor: str | None = None,
    recipient: str | None = None,
    item: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
    include_confidential: bool = True,
) -> pd.DataFrame:
    """One row per delivery dated in [``since``, ``until``] (inclusive; open ends allowed)
    with its pledge's donor, recipient and item, and its value: the pledge's value pro rata
    of quantity (else quantity × catalogue unit value) converted to ``currency`` at the ECB
    rate of ``until`` (or today). Sorted by date."""
    on = until or today()
    stmt = (
        select(
            Delivery.id,
            Delivery.ref,
            Pledge.ref.label("pledge_ref"),
            Pledge.donor_code,
            Pledge.recipient_code,
            Pledge.item_code,
            Delivery.quantity,
            Delivery.delivered_on,
            Delivery.source,
            Pledge.confidential,
            Pledge.quantity.label("pledge_quantity"),
            Pledge.value_amount,
            Pledge.value_currency,
            Item.unit_value,
            Item.currency.label("item_currency"),
        )
        .join(Pledge, Pledge.id == Delivery.pledge_id)
        .join(Item, Item.code == Pledge.item_code)
    )
    if donor:
        stmt = stmt.where(Pledge.donor_code == donor)
    if recipient:
        stmt = stmt.where(Pledge.recipient_code == recipient)
    if since:
        stmt = stmt.where(Delivery.delivered_on >= since)
    if until:
        stmt = stmt.where(Delivery.delivered_on <= until)
    if not include_confidential:
        stmt = stmt.where(Pledge.confidential.is_(False))
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
    df["value"], df["rate_date"] = convert_column(amount, amount_currency, on, currency)
    df["currency"] = currency
    return df[DELIVERY_COLUMNS].reset_index(drop=True)
