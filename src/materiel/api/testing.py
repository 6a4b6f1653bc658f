"""Kept for the tests and scripts written against it: the helpers are :mod:`materiel.testing`."""

from materiel.testing import (
    HANG_GUARD,
    PASSWORD,
    ROLES,
    SOURCE,
    answers,
    live_server,
    make_client,
    seed,
    user_token,
    wait_until,
)

__all__ = [
    "HANG_GUARD",
    "PASSWORD",
    "ROLES",
    "SOURCE",
    "answers",
    "live_server",
    "make_client",
    "seed",
    "user_token",
    "wait_until",
]
