"""Needs stated by a recipient nation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from materiel.plan_policy import PRIORITY_WEIGHTS
from materiel.records.base import Base, StrEnum, Synthetic


class Priority(StrEnum):
    critical = "critical"
    high = "high"
    routine = "routine"


#: weights per unit of value and week late (one place: materiel.plan_policy)
PRIORITY_WEIGHT = {p: PRIORITY_WEIGHTS[p.value] for p in Priority}


class Need(Synthetic, Base):
    __tablename__ = "need"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    recipient_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    priority: Mapped[str] = mapped_column(String(10))
    needed_by: Mapped[dt.date] = mapped_column(Date)
    stated_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
