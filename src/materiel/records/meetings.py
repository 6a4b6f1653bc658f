"""Meetings of the contact group and the scenarios the planners use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from materiel.plan_policy import HORIZON_WEEKS
from materiel.records.base import Base, Synthetic


class Meeting(Synthetic, Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(200))


class Scenario(Synthetic, Base):
    """Named assumptions: horizon, policy weights and uncertainty settings (``params``).

    ``params`` keys: readiness_weight, mu_burden, hard_targets, consumption_weight,
    production_mean, production_sd, slip_probability, slip_weeks, surge_factor,
    surge_start_week, surge_weeks.
    """

    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    horizon_weeks: Mapped[int] = mapped_column(Integer, default=HORIZON_WEEKS)
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ScenarioRate(Synthetic, Base):
    """Consumption of an item by a recipient under a scenario: mean per day and its CV."""

    __tablename__ = "scenario_rate"
    __table_args__ = (UniqueConstraint("scenario_name", "recipient_code", "item_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_name: Mapped[str] = mapped_column(ForeignKey("scenario.name"), index=True)
    recipient_code: Mapped[str] = mapped_column(ForeignKey("nation.code"))
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"))
    mean_per_day: Mapped[float] = mapped_column(Float)
    cv: Mapped[float] = mapped_column(Float, default=0.0)
