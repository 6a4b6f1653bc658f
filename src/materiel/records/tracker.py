"""Public tracker datasets: the Kiel Institute Ukraine Support Tracker releases.

Figures as published (EUR billions per donor and month; heavy weapons by donor and category),
the row-level activities of the tracker's Main Database (one row per aid activity or
sub-activity, EUR), and the per-donor totals the workbook publishes; keyed by release so each
release is imported once and compared side by side with materiel's own records. Nation codes
are ISO 3166 alpha-3 (EU institutions and instruments: ``EUU``); they are not foreign keys so
a release imports into a database without the nation reference list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, utcnow


class TrackerRelease(Base):
    __tablename__ = "tracker_release"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. "kiel-29"
    tracker: Mapped[str] = mapped_column(String(40))  # "kiel-ust"
    release: Mapped[str] = mapped_column(String(20))
    period: Mapped[str | None] = mapped_column(String(20))
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(300))
    citation: Mapped[str] = mapped_column(Text)
    files: Mapped[dict[str, Any]] = mapped_column(default=dict)  # name -> sha256, rows
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TrackerMonthly(Base):
    """data_explorer.csv: EUR billions per donor and month."""

    __tablename__ = "tracker_monthly"
    __table_args__ = (UniqueConstraint("release_code", "nation_code", "year", "month"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_code: Mapped[str] = mapped_column(String(40), index=True)
    nation_code: Mapped[str] = mapped_column(String(3), index=True)
    donor_name: Mapped[str] = mapped_column(String(120))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    # older layouts lack some columns: those figures are then unknown (None)
    total: Mapped[float | None] = mapped_column(Float)
    financial: Mapped[float | None] = mapped_column(Float)
    humanitarian: Mapped[float | None] = mapped_column(Float)
    military: Mapped[float] = mapped_column(Float)
    commitments: Mapped[float | None] = mapped_column(Float)
    to_be_allocated: Mapped[float | None] = mapped_column(Float)
    gdp: Mapped[float | None] = mapped_column(Float)
    pct_gdp: Mapped[float | None] = mapped_column(Float)


class TrackerWeapons(Base):
    """weapons.csv: heavy weapons by donor and tracker category, mapped to item categories."""

    __tablename__ = "tracker_weapons"
    __table_args__ = (UniqueConstraint("release_code", "nation_code", "category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_code: Mapped[str] = mapped_column(String(40), index=True)
    nation_code: Mapped[str] = mapped_column(String(3), index=True)
    donor_name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(60))
    item_category: Mapped[str] = mapped_column(String(40))
    number_of_weapons: Mapped[int] = mapped_column(BigInteger)
    monetary_value_eur: Mapped[float] = mapped_column(Float)
    weapons_list: Mapped[str] = mapped_column(Text)


class TrackerActivity(Base):
    """One row of the Main Database's bilateral assistance sheet (or an equivalent CSV).

    ``measure`` is ``allocation`` (aid delivered or earmarked for delivery) or
    ``commitment`` (promised); ``value_eur`` is the row's own value (the allocation, for an
    allocation row) and ``activity_value_eur`` the whole activity's value where the tracker
    gives it (on the activity's first row: the commitment). ``year`` and ``month`` are None
    when the tracker does not know the month (``month_known`` false).
    """

    __tablename__ = "tracker_activity"
    __table_args__ = (UniqueConstraint("release_code", "source_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_code: Mapped[str] = mapped_column(String(40), index=True)
    source_file: Mapped[str] = mapped_column(String(300))
    source_row: Mapped[int] = mapped_column(Integer)
    activity_id: Mapped[str | None] = mapped_column(String(80))
    nation_code: Mapped[str] = mapped_column(String(3), index=True)
    donor_name: Mapped[str] = mapped_column(String(120))
    aid_type: Mapped[str] = mapped_column(String(20))  # military, financial, humanitarian
    aid_type_specific: Mapped[str | None] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(12))  # allocation, commitment
    item: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[float | None] = mapped_column(Float)
    quantity_delivered: Mapped[float | None] = mapped_column(Float)
    value_eur: Mapped[float | None] = mapped_column(Float)
    activity_value_eur: Mapped[float | None] = mapped_column(Float)
    announced_on: Mapped[dt.date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    month_known: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str | None] = mapped_column(Text)


class TrackerDonorTotal(Base):
    """A per-donor total as the tracker publishes it (the workbook's country summary): the
    figure the row-level data is checked against."""

    __tablename__ = "tracker_donor_total"
    __table_args__ = (UniqueConstraint("release_code", "nation_code", "aid_type", "measure"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_code: Mapped[str] = mapped_column(String(40), index=True)
    nation_code: Mapped[str] = mapped_column(String(3))
    donor_name: Mapped[str] = mapped_column(String(120))
    aid_type: Mapped[str] = mapped_column(String(20))  # military, financial, humanitarian, total
    measure: Mapped[str] = mapped_column(String(12))  # allocation, commitment
    value_eur: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(300))
