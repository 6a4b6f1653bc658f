"""Funds (collective agreements or national budgets) and the orders they place."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, Synthetic


class Fund(Synthetic, Base):
    __tablename__ = "fund"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # collective, national
    manager_code: Mapped[str | None] = mapped_column(ForeignKey("organisation.code"))
    budget: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    destination: Mapped[str] = mapped_column(String(12))  # recipient, members
    recipient_code: Mapped[str | None] = mapped_column(ForeignKey("nation.code"))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class FundItem(Synthetic, Base):
    """An item a fund may buy (by code; a category prefix such as ``ammo.artillery`` matches)."""

    __tablename__ = "fund_item"
    __table_args__ = (UniqueConstraint("fund_code", "item_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_code: Mapped[str] = mapped_column(ForeignKey("fund.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"))


class FundMember(Synthetic, Base):
    __tablename__ = "fund_member"
    __table_args__ = (UniqueConstraint("fund_code", "nation_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_code: Mapped[str] = mapped_column(ForeignKey("fund.code"), index=True)
    nation_code: Mapped[str] = mapped_column(ForeignKey("nation.code"))
    contribution: Mapped[float | None] = mapped_column(Float)


class Order(Synthetic, Base):
    """An order on a line; ``quantity`` arrives evenly week by week from delivery_start
    to delivery_end (inclusive) at ``destination_code``."""

    __tablename__ = "purchase_order"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    fund_code: Mapped[str] = mapped_column(ForeignKey("fund.code"), index=True)
    line_code: Mapped[str] = mapped_column(ForeignKey("production_line.code"), index=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    unit_price: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    placed_on: Mapped[dt.date] = mapped_column(Date)
    delivery_start: Mapped[dt.date] = mapped_column(Date)
    delivery_end: Mapped[dt.date] = mapped_column(Date)
    destination_code: Mapped[str] = mapped_column(ForeignKey("nation.code"))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
