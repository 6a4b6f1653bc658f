"""Production lines of industry, with their ramp-up schedule."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, Synthetic


class ProductionLine(Synthetic, Base):
    __tablename__ = "production_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    producer_code: Mapped[str] = mapped_column(ForeignKey("organisation.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    nation_code: Mapped[str | None] = mapped_column(ForeignKey("nation.code"))
    weekly_capacity: Mapped[int] = mapped_column(BigInteger)
    unit_price: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    lead_time_weeks: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RampStep(Synthetic, Base):
    """From ``effective_from`` on, the line produces ``weekly_capacity`` per week."""

    __tablename__ = "ramp_step"
    __table_args__ = (UniqueConstraint("line_code", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    line_code: Mapped[str] = mapped_column(ForeignKey("production_line.code"), index=True)
    effective_from: Mapped[dt.date] = mapped_column(Date)
    weekly_capacity: Mapped[int] = mapped_column(BigInteger)
