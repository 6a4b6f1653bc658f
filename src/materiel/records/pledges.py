"""Pledges by donors and the deliveries against them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, StrEnum, Synthetic


class PledgeStatus(StrEnum):
    announced = "announced"
    committed = "committed"
    delivering = "delivering"
    delivered = "delivered"
    cancelled = "cancelled"


class Channel(StrEnum):
    stock = "stock"
    procurement = "procurement"
    fund = "fund"


class Pledge(Synthetic, Base):
    __tablename__ = "pledge"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    donor_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)
    recipient_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    value_amount: Mapped[float | None] = mapped_column(Float)
    value_currency: Mapped[str | None] = mapped_column(String(3))
    announced_on: Mapped[dt.date] = mapped_column(Date)
    due_by: Mapped[dt.date | None] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(12), default=Channel.stock.value)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(12), default=PledgeStatus.announced.value)
    source_document: Mapped[str | None] = mapped_column(String(300))
    source_url: Mapped[str | None] = mapped_column(String(500))
    source_quote: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Delivery(Synthetic, Base):
    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    pledge_id: Mapped[int] = mapped_column(ForeignKey("pledge.id"), index=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    delivered_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
