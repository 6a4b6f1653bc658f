"""Errors raised by the write path; each names the entity, field and reason."""

from __future__ import annotations


class DomainError(Exception):
    """A refused write. ``field`` names the offending field when there is one."""

    def __init__(self, message: str, *, entity: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.entity = entity
        self.field = field


class RuleViolation(DomainError):
    pass


class InvalidValue(RuleViolation):
    """A value no record may hold, whatever else is stored (a date outside the plausible
    window, an integer beyond its column): the request is invalid (HTTP 422), not in
    conflict with other records."""


class NotFound(DomainError):
    pass


class StaleVersion(DomainError):
    pass


class KeyReused(DomainError):
    """An Idempotency-Key already used for a different request (HTTP 422)."""
