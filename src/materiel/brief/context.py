"""The frozen context every section of a brief is built from: the meeting, the dates, the
viewer, the snapshots of the scenarios, the latest stored plans and the read session.

Nothing in a brief solves or stores anything: the plan is THE latest stored plan
(:func:`materiel.queries.latest_plan_run`), and when there is none the plan section says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import xarray as xr
from sqlalchemy.orm import Session

from materiel import queries
from materiel.access import Principal
from materiel.brief.model import DEFAULT_BASE_URL
from materiel.brief.notes import Notes
from materiel.display import named
from materiel.plan_policy import HORIZON_WEEKS

CURRENCY = "EUR"


class BriefError(ValueError):
    """A brief cannot be made (unknown meeting or scenario)."""


@dataclass(frozen=True)
class Options:
    base_url: str = DEFAULT_BASE_URL
    scenarios: tuple[str, ...] | None = None  # None: every scenario record (else baseline)
    horizon_weeks: int = HORIZON_WEEKS
    paths: int = 500
    seed: int = 0
    top: int = 15
    charts: bool = True


@dataclass(frozen=True)
class PlanInfo:
    """A stored plan run and its result (tables as frames)."""

    run_id: int
    result: Any  # materiel.plan.results.PlanResult


@dataclass(frozen=True)
class Context:
    session: Session
    viewer: Principal
    options: Options
    meeting: Mapping[str, Any]
    previous: Mapping[str, Any] | None
    day: dt.date
    since: dt.date | None  # the day after the previous meeting
    scenarios: tuple[str, ...]
    snapshots: Mapping[str, xr.Dataset]
    plan: PlanInfo | None  # the latest stored plan as of the meeting (first scenario)
    previous_plan: PlanInfo | None  # ... as of the previous meeting
    notes: Notes
    item_names: Mapping[str, str] = field(default_factory=dict)  # item code -> name

    def item(self, code: object) -> str:
        """An item as a reader of the brief names it: the item's name (the code where the
        catalogue has no name for it); tables show names, the notes keep the codes."""
        return self.item_names.get(str(code)) or str(code)

    def named(self, text: object) -> str:
        """A sentence or title with its item codes written as the items' names."""
        return named(text, self.item_names)

    @property
    def snapshot(self) -> xr.Dataset:
        """The snapshot of the first scenario (stocks, funds, the plan's scenario)."""
        return self.snapshots[self.scenarios[0]]

    @property
    def period(self) -> str:
        if self.previous is None or self.since is None:
            return f"up to {self.day.isoformat()} (no previous meeting: since records began)"
        return (
            f"from {self.since.isoformat()} to {self.day.isoformat()} "
            f"(since {self.previous['ref']})"
        )


def meeting_dict(m: Any) -> dict[str, Any]:
    return {"id": m.id, "ref": m.ref, "title": m.title, "place": m.place, "held_on": m.held_on}


def choose_scenarios(session: Session, wanted: tuple[str, ...] | None) -> tuple[str, ...]:
    known = queries.choices(session)["scenarios"]
    if wanted is None:
        return ("baseline", *(k for k in known if k != "baseline"))
    bad = [s for s in wanted if s not in known and s != "baseline"]
    if bad:
        raise BriefError(
            f"unknown scenario {', '.join(map(repr, bad))}; known: {', '.join(known) or 'none'}"
        )
    return tuple(dict.fromkeys(wanted)) or ("baseline",)


def latest_plan(
    session: Session, viewer: Principal, day: dt.date, scenario: str
) -> PlanInfo | None:
    run = queries.latest_plan_run(session, viewer, as_of=day, scenario=scenario)
    if run is None:
        return None
    return PlanInfo(int(run.id), queries.plan_result(session, viewer, int(run.id)))


def frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))
