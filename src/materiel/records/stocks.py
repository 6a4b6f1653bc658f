"""Stock reports (a sensitive time series per holder and item) and stockpile targets."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, Synthetic


class StockReport(Synthetic, Base):
    __tablename__ = "stock_report"
    __table_args__ = (UniqueConstraint("nation_code", "item_code", "as_of"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nation_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    as_of: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class StockTarget(Synthetic, Base):
    __tablename__ = "stock_target"
    __table_args__ = (UniqueConstraint("nation_code", "item_code", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nation_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    minimum: Mapped[int] = mapped_column(BigInteger)
    effective_from: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Caveat(Synthetic, Base):
    """A donor's restriction on an item: excluded entirely, or capped per week."""

    __tablename__ = "caveat"
    __table_args__ = (UniqueConstraint("nation_code", "item_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nation_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    excluded: Mapped[bool] = mapped_column(default=False)
    weekly_cap: Mapped[int | None] = mapped_column(BigInteger)
    source: Mapped[str | None] = mapped_column(String(300))
