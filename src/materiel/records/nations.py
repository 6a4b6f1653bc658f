"""Nations (ISO 3166 alpha-3), their alliance memberships, and organisations (alliance
agencies, fund managers, producers)."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, Synthetic


class Nation(Base):
    __tablename__ = "nation"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    gdp_eur_bn: Mapped[float | None] = mapped_column(Float)
    gdp_year: Mapped[int | None] = mapped_column(Integer)
    gdp_source: Mapped[str | None] = mapped_column(String(300))
    is_donor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_recipient: Mapped[bool] = mapped_column(Boolean, default=False)
    #: weeks from this donor's stock to the recipient (None: plan_policy.DEFAULT_TRANSIT_WEEKS)
    transit_weeks: Mapped[int | None] = mapped_column(Integer)


class AllianceMember(Base):
    """One nation's membership of one alliance (``NATO``, ``EU``): alliance totals group
    nations by these rows (migration 0005 replaced the comma-separated ``nation.alliance``)."""

    __tablename__ = "alliance_member"
    __table_args__ = (UniqueConstraint("alliance", "nation_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alliance: Mapped[str] = mapped_column(String(20), index=True)
    nation_code: Mapped[str] = mapped_column(ForeignKey("nation.code"), index=True)


class Organisation(Synthetic, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))  # agency, fund_manager, producer_*
    nation_code: Mapped[str | None] = mapped_column(ForeignKey("nation.code"))
