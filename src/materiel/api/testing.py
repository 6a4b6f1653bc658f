"""Kept for scripts written against it: the test helpers are :mod:`materiel.testing`."""

from materiel.testing import (
    PASSWORD,
    ROLES,
    SOURCE,
    live_server,
    make_client,
    seed,
    user_token,
)

__all__ = ["PASSWORD", "ROLES", "SOURCE", "live_server", "make_client", "seed", "user_token"]
