"""Stored results: plan runs, forecast runs, background jobs and ingest drafts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from materiel.records.base import Base, utcnow


class PlanRun(Base):
    """A solved plan. ``results`` holds its tables (records lists) keyed by table name:
    transfers, orders, stocks, unmet, breaches, burden, marginals."""

    __tablename__ = "plan_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    as_of: Mapped[dt.date] = mapped_column()
    snapshot_hash: Mapped[str] = mapped_column(String(64), index=True)
    scenario: Mapped[str] = mapped_column(String(80))
    horizon_weeks: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(40))
    objective: Mapped[float | None] = mapped_column(Float)
    build_seconds: Mapped[float | None] = mapped_column(Float)
    solve_seconds: Mapped[float | None] = mapped_column(Float)
    results: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ForecastRun(Base):
    __tablename__ = "forecast_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    as_of: Mapped[dt.date] = mapped_column()
    snapshot_hash: Mapped[str] = mapped_column(String(64), index=True)
    scenario: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))  # projection, montecarlo, sweep
    status: Mapped[str] = mapped_column(String(40))
    seconds: Mapped[float | None] = mapped_column(Float)
    results: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Job(Base):
    __tablename__ = "job"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # plan, forecast
    status: Mapped[str] = mapped_column(String(20))  # queued, running, done, failed
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    message: Mapped[str | None] = mapped_column(Text)
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result_id: Mapped[int | None] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(80))
    pid: Mapped[int | None] = mapped_column(Integer)
    # when that process started (boot and start time, see services.jobs.process_stamp): tells it
    # from a later process that reuses the pid (migration 0004)
    pid_started: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column()


class IngestDraft(Base):
    """A record read from a text, waiting for review (kind: pledge, fund, need)."""

    __tablename__ = "ingest_draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="pending")  # accepted, rejected
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source_name: Mapped[str | None] = mapped_column(String(300))
    source_text: Mapped[str] = mapped_column(Text)
    #: sha256 of source_text: a text read twice is recognised and adds no drafts
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True, default=None)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reviewed_by: Mapped[str | None] = mapped_column(String(80))
    record_key: Mapped[str | None] = mapped_column(String(120))
