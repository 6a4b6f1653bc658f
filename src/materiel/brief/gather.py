"""Gather the figures of a meeting brief as of the meeting date: build the frozen
:class:`~materiel.brief.context.Context` (meeting, dates, snapshots of the scenarios, the
latest stored plans), then let each section module of :mod:`materiel.brief.sections` read
its figures from the read side. Nothing here writes, solves or stores."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy import Engine

from materiel import money, queries
from materiel.access import Principal
from materiel.access.policy import LOCAL
from materiel.brief.compare import compare, headline
from materiel.brief.context import (
    CURRENCY,
    BriefError,
    Context,
    Options,
    choose_scenarios,
    frozen,
    latest_plan,
    meeting_dict,
)
from materiel.brief.model import Brief
from materiel.brief.notes import Notes
from materiel.brief.sections import SECTIONS
from materiel.db import read_session

Progress = Callable[[str], None]

__all__ = ["BriefError", "Options", "gather"]


def gather(
    engine: Engine,
    meeting_id: int,
    options: Options | None = None,
    progress: Progress | None = None,
    *,
    viewer: Principal = LOCAL,
) -> Brief:
    """Every section of the brief of ``meeting_id`` as ``viewer`` may see it (see
    :mod:`materiel.brief`)."""
    opt = options or Options()
    step = progress or (lambda _stage: None)
    with read_session(engine) as s:
        m = queries.meeting(s, viewer, meeting_id)
        if m is None:
            raise BriefError(f"no meeting with id {meeting_id}")
        prev = queries.previous_meeting(s, viewer, m)
        day = m.held_on
        scenarios = choose_scenarios(s, opt.scenarios)
        step("snapshot")
        snaps = {sc: queries.projected(s, day, opt.horizon_weeks, sc).snapshot for sc in scenarios}
        main = snaps[scenarios[0]]
        h = str(main.attrs["content_hash"])
        synthetic = bool(main.attrs.get("synthetic", False))
        suffix = f"Snapshot {h[:12]}, as of {day.isoformat()}." + (
            " SYNTHETIC demo data." if synthetic else ""
        )
        notes = Notes(opt.base_url, suffix)
        ctx = Context(
            session=s,
            viewer=viewer,
            options=opt,
            meeting=frozen(meeting_dict(m)),
            previous=frozen(meeting_dict(prev)) if prev is not None else None,
            day=day,
            since=prev.held_on + dt.timedelta(days=1) if prev is not None else None,
            scenarios=scenarios,
            snapshots=frozen(snaps),
            plan=latest_plan(s, viewer, day, scenarios[0]),
            previous_plan=latest_plan(s, viewer, prev.held_on, scenarios[0]) if prev else None,
            notes=notes,
            item_names=frozen(queries.item_names(s)),
        )
        sources = json.loads(str(main.attrs.get("sources", "{}")) or "{}")
        brief = Brief(
            meeting=dict(ctx.meeting),
            previous=dict(ctx.previous) if ctx.previous is not None else None,
            as_of=day,
            since=ctx.since,
            snapshot_hash=h,
            rate_date=money.rate_date(day),
            synthetic=synthetic,
            sensitive=True,
            recipients=[str(r) for r in main["recipient"].values],
            scenarios=list(scenarios),
            base_url=opt.base_url,
            empty_database=not any(
                v.get("count", 0) for k, v in sources.items() if k not in ("nation", "item")
            ),
            generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        for stage, build in SECTIONS:
            step(stage)
            brief.sections.append(build(ctx))
        step("compare")
        now = headline(
            queries.key_figures(s, viewer, as_of=day, currency=CURRENCY),
            queries.plan_critical_met(s, viewer, day, scenario=scenarios[0]),
        )
        before = None
        if prev is not None:
            before = headline(
                queries.key_figures(s, viewer, as_of=prev.held_on, currency=CURRENCY),
                queries.plan_critical_met(s, viewer, prev.held_on, scenario=scenarios[0]),
            )
    brief.changes = compare(now, before)
    brief.changes_note = notes.add(
        "Headline figures computed the same way as of each meeting date "
        "(queries.key_figures: needs and pledges known on that date, stocks, funds in EUR at "
        "the ECB rate of each date) and the share of critical need met (by value) by the "
        "latest plan run in force at each meeting (queries.latest_plan_run)."
        + ("" if prev is None else f" Previous meeting: {prev.ref} on {prev.held_on}."),
        [notes.link("meeting", m.id, m.ref)]
        + ([notes.link("meeting", prev.id, prev.ref)] if prev is not None else []),
    )
    brief.footnotes = notes.items
    return brief
