"""Errors of the planning engine."""

from __future__ import annotations


class PlanError(Exception):
    """Something the planner cannot do; the message says what and why."""


class PlanInputError(PlanError):
    """The snapshot does not follow docs/snapshot.md."""
