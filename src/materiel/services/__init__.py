"""The one write path: every change goes through a :class:`Writer`, which checks the domain
rules and appends a hash-chained audit event in the same transaction."""

from materiel.services.audit import ChainReport, chain_head, newest_event, verify_chain
from materiel.services.errors import (
    DomainError,
    InvalidValue,
    KeyReused,
    NotFound,
    RuleViolation,
    StaleVersion,
)
from materiel.services.writer import Writer, writer

__all__ = [
    "ChainReport",
    "DomainError",
    "InvalidValue",
    "KeyReused",
    "NotFound",
    "RuleViolation",
    "StaleVersion",
    "Writer",
    "chain_head",
    "newest_event",
    "verify_chain",
    "writer",
]
