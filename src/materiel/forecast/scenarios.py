"""Scenarios: named consumption rates and uncertainty settings, stored as records.

A :class:`ScenarioSpec` is the typed view of a ``records.Scenario`` (``params`` JSON) and
its ``records.ScenarioRate`` rows (mean per day and coefficient of variation per recipient
and item). The forecaster reads only the spec and the snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np
import xarray as xr
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.plan_policy import HORIZON_WEEKS
from materiel.records import Scenario, ScenarioRate
from materiel.services.writer import Writer

__all__ = [
    "BUILTIN",
    "ScenarioSpec",
    "ensure_builtin_scenarios",
    "load_spec",
    "spec_from_record",
    "spec_from_snapshot",
]


@dataclass(frozen=True)
class ScenarioSpec:
    """Uncertainty settings of a scenario.

    - production_mean, production_sd: share of scheduled production (order arrivals) that
      is achieved; drawn per path and item from a normal clipped to [0, 1].
    - slip_probability, slip_weeks: each scheduled pledge delivery stream (per holder and
      item) slips with this probability by a uniform 1..slip_weeks weeks.
    - surge_factor, surge_start_week, surge_weeks: consumption is multiplied by the factor in
      weeks [start, start + weeks). The snapshot builder applies it (``consumption`` holds
      the surge); :func:`materiel.forecast.sweep.with_scenario` re-applies another spec's
      surge to a snapshot.
    - cv: coefficient of variation of weekly consumption per (recipient, item);
      ``default_cv`` where neither the snapshot (``consumption_cv``) nor ``cv`` gives one.
      Consumption is lognormal with the snapshot's mean.
    - consumption_level_cv: the intensity of the fighting is uncertain and persists: per
      path, recipient and item, consumption is also multiplied by one lognormal factor of
      mean 1 and this CV (a week's CV averages out over a horizon; a level does not).
    - rate_cv: the donors' recent rate of giving (beyond their scheduled pledges) continues
      at a rate drawn per path and item, lognormal of mean 1 and this CV; what the donors
      give, the recipients receive (both sides move together).
    """

    name: str = "baseline"
    description: str = ""
    horizon: int = HORIZON_WEEKS
    production_mean: float = 1.0
    production_sd: float = 0.0
    slip_probability: float = 0.0
    slip_weeks: int = 0
    surge_factor: float = 1.0
    surge_start_week: int = 0
    surge_weeks: int = 0
    default_cv: float = 0.0
    consumption_level_cv: float = 0.0
    rate_cv: float = 0.0
    cv: Mapping[tuple[str, str], float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems = []
        if not 0.0 <= self.production_mean <= 1.0:
            problems.append(f"production_mean {self.production_mean} is not in [0, 1]")
        if self.production_sd < 0:
            problems.append(f"production_sd {self.production_sd} is negative")
        if not 0.0 <= self.slip_probability <= 1.0:
            problems.append(f"slip_probability {self.slip_probability} is not in [0, 1]")
        if self.slip_weeks < 0 or self.surge_weeks < 0 or self.surge_start_week < 0:
            problems.append("slip_weeks, surge_start_week and surge_weeks must be ≥ 0")
        if self.surge_factor < 0:
            problems.append(f"surge_factor {self.surge_factor} is negative")
        if self.default_cv < 0 or any(v < 0 for v in self.cv.values()):
            problems.append("coefficients of variation must be ≥ 0")
        if self.consumption_level_cv < 0 or self.rate_cv < 0:
            problems.append("coefficients of variation must be ≥ 0")
        if self.horizon <= 0:
            problems.append(f"horizon {self.horizon} must be positive")
        if problems:
            raise ValueError(f"scenario {self.name!r}: " + "; ".join(problems))

    @property
    def deterministic(self) -> bool:
        """True when every spread is zero (the Monte Carlo then equals the projection)."""
        return (
            self.production_sd == 0
            and (self.slip_probability == 0 or self.slip_weeks == 0)
            and self.default_cv == 0
            and all(v == 0 for v in self.cv.values())
            and self.consumption_level_cv == 0
            and self.rate_cv == 0
        )

    def params(self) -> dict[str, Any]:
        """The ``params`` JSON stored on the Scenario record."""
        keys = (
            "production_mean",
            "production_sd",
            "slip_probability",
            "slip_weeks",
            "surge_factor",
            "surge_start_week",
            "surge_weeks",
            "default_cv",
            "consumption_level_cv",
            "rate_cv",
        )
        out: dict[str, Any] = {k: getattr(self, k) for k in keys}
        out["horizon"] = self.horizon
        return out

    def surge(self, weeks: int) -> np.ndarray:
        """Consumption multiplier per week (ones outside the surge)."""
        m = np.ones(weeks)
        if self.surge_weeks > 0:
            m[self.surge_start_week : self.surge_start_week + self.surge_weeks] = self.surge_factor
        return m

    def cv_array(self, recipients: Iterable[str], items: Iterable[str]) -> np.ndarray:
        """CV per (recipient, item) in the order given."""
        rs, its = list(recipients), list(items)
        out = np.full((len(rs), len(its)), float(self.default_cv))
        for (r, i), v in self.cv.items():
            if r in rs and i in its:
                out[rs.index(r), its.index(i)] = float(v)
        return out

    def with_(self, **changes: Any) -> ScenarioSpec:
        return replace(self, **changes)


_PARAM_NAMES = {f.name for f in fields(ScenarioSpec)} - {"name", "description", "cv"}

BUILTIN: dict[str, ScenarioSpec] = {
    "baseline": ScenarioSpec(
        name="baseline",
        description="Status quo: consumption at the stated rates, production as scheduled "
        "with modest uncertainty (achievement 90 % ± 10 %), deliveries slipping 2 weeks "
        "with probability 0.2, consumption CV 0.25 a week and 0.2 in its level, the "
        "donors' recent rate of giving continuing within a CV of 0.5 (a 12-week average of "
        "lumpy package deliveries predicts the next half-year poorly).",
        horizon=HORIZON_WEEKS,
        production_mean=0.9,
        production_sd=0.1,
        slip_probability=0.2,
        slip_weeks=2,
        default_cv=0.25,
        consumption_level_cv=0.2,
        rate_cv=0.5,
    ),
    "counteroffensive-surge": ScenarioSpec(
        name="counteroffensive-surge",
        description="Counteroffensive surge: consumption × 2.5 for 8 weeks from week 4, "
        "consumption level CV 0.3 and weekly CV 0.35, otherwise as baseline.",
        horizon=HORIZON_WEEKS,
        production_mean=0.9,
        production_sd=0.1,
        slip_probability=0.2,
        slip_weeks=2,
        surge_factor=2.5,
        surge_start_week=4,
        surge_weeks=8,
        default_cv=0.35,
        consumption_level_cv=0.3,
        rate_cv=0.5,
    ),
}


def _coerce(name: str, value: Any) -> Any:
    if name in {"horizon", "slip_weeks", "surge_start_week", "surge_weeks"}:
        return int(value)
    return float(value)


def spec_from_params(
    name: str,
    params: Mapping[str, Any],
    *,
    description: str = "",
    horizon: int | None = None,
    cv: Mapping[tuple[str, str], float] | None = None,
) -> ScenarioSpec:
    """Build a spec from a params mapping; unknown keys (policy weights) are ignored."""
    base = BUILTIN.get(name, ScenarioSpec(name=name))
    kw: dict[str, Any] = {}
    for k, v in params.items():
        if k in _PARAM_NAMES and v is not None:
            try:
                kw[k] = _coerce(k, v)
            except (TypeError, ValueError):
                raise ValueError(
                    f"scenario {name!r}: params field {k!r} = {v!r} is not a number"
                ) from None
    if horizon is not None and "horizon" not in kw:
        kw["horizon"] = int(horizon)
    return replace(
        base,
        name=name,
        description=description or base.description,
        cv=dict(cv) if cv is not None else dict(base.cv),
        **kw,
    )


def spec_from_record(scenario: Scenario, rates: Iterable[ScenarioRate] = ()) -> ScenarioSpec:
    """The typed spec of a Scenario record and its rates."""
    cv = {(r.recipient_code, r.item_code): float(r.cv or 0.0) for r in rates}
    return spec_from_params(
        scenario.name,
        scenario.params or {},
        description=scenario.description or "",
        horizon=scenario.horizon_weeks,
        cv=cv,
    )


def load_spec(session: Session, name: str) -> ScenarioSpec:
    """The spec of the named scenario record; a built-in one when no record exists."""
    rec = session.scalars(select(Scenario).filter_by(name=name)).one_or_none()
    if rec is None:
        if name in BUILTIN:
            return BUILTIN[name]
        raise LookupError(f"no scenario named {name!r} (built-in: {', '.join(BUILTIN)})")
    rates = session.scalars(select(ScenarioRate).filter_by(scenario_name=name)).all()
    return spec_from_record(rec, rates)


def spec_from_snapshot(snapshot: xr.Dataset) -> ScenarioSpec:
    """The spec implied by a snapshot's ``scenario`` and ``params`` attributes."""
    name = str(snapshot.attrs.get("scenario", "baseline"))
    raw = snapshot.attrs.get("params") or "{}"
    params = json.loads(raw) if isinstance(raw, str) else dict(raw)
    return spec_from_params(name, params, horizon=int(snapshot.sizes.get("week", HORIZON_WEEKS)))


def ensure_builtin_scenarios(w: Writer) -> list[str]:
    """Create the built-in scenarios ("baseline", "counteroffensive-surge") when absent.

    Existing records of those names are left as they are (a user may have tuned them).
    Returns the names created.
    """
    created = []
    for name, spec in BUILTIN.items():
        existing = w.session.scalars(select(Scenario).filter_by(name=name)).one_or_none()
        if existing is None:
            w.create(
                Scenario,
                name=name,
                description=spec.description,
                horizon_weeks=spec.horizon,
                params=spec.params(),
            )
            created.append(name)
    return created
