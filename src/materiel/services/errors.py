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


class NotFound(DomainError):
    pass


class StaleVersion(DomainError):
    pass


class KeyReused(DomainError):
    """An Idempotency-Key already used for a different request (HTTP 422)."""
