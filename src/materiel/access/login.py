"""Login: password check with per-account lockout and a per-client failure rate limit.

Both limits count an attempt *before* its password is checked, atomically, so parallel
attempts cannot pass a limit that sequential ones would meet:

- the account: one ``UPDATE`` claims an attempt (at most ``LOCK_AFTER`` in a row; the one
  that takes the last claim also locks the account for ``LOCK_MINUTES``); a success gives
  the claims back. At most ``LOCK_AFTER`` passwords are checked per lock period, however
  many requests arrive at once (the database serialises the claims on every backend).
- the client address: ``FailureLimiter.claim`` under a lock, refunded on success.

Refusals do not tell whether an account exists: an unknown user, a wrong password, a
disabled account and a locked one all get the same 401 and the same message, after the
same argon2 work (a dummy hash when there is no claim). Only the per-address limit answers
429, and it does not depend on the user name.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, and_, case, literal, select, update

from materiel.access.passwords import verify_password
from materiel.access.tokens import issue_token
from materiel.db import write_session
from materiel.records import User
from materiel.records.base import utcnow

__all__ = [
    "LOCK_AFTER",
    "LOCK_MINUTES",
    "REFUSED",
    "FailureLimiter",
    "LoginRefused",
    "authenticate",
]

LOCK_AFTER = 5  # consecutive failures before the account locks
LOCK_MINUTES = 15
REFUSED = (
    f"unknown user or wrong password (after {LOCK_AFTER} failures in a row an account is "
    f"locked for {LOCK_MINUTES} minutes)"
)


@dataclass
class LoginRefused(Exception):
    """``status`` 401 (refused credentials) or 429 (this address failed too often)."""

    status: int
    detail: str
    retry_after: int | None = None


class FailureLimiter:
    """At most ``limit`` failed logins per client address in ``window`` seconds (in memory,
    per process; the account lockout in the database holds across processes). An attempt
    is counted when it starts (:meth:`claim`) and given back when it succeeds
    (:meth:`refund`), so concurrent attempts from one address cannot exceed the limit."""

    def __init__(self, limit: int = 20, window: float = 60.0):
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def claim(self, client: str) -> None:
        """Count one attempt from ``client``; LoginRefused(429) when it has none left."""
        now = time.monotonic()
        with self._lock:
            q = self._hits.setdefault(client, deque())
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.limit:
                retry = int(q[0] + self.window - now) + 1
                raise LoginRefused(
                    429, f"too many failed logins from this address; retry in {retry} s", retry
                )
            q.append(now)
            if len(self._hits) > 100_000:  # forget idle addresses
                for k in [k for k, v in self._hits.items() if not v or v[-1] <= now - self.window]:
                    del self._hits[k]

    def refund(self, client: str) -> None:
        """The attempt succeeded: it does not count as a failure."""
        with self._lock:
            q = self._hits.get(client)
            if q:
                q.pop()


def _claim(engine: Engine, username: str) -> tuple[int, str] | None:
    """Count a failed attempt on ``username`` in advance, if the account may try now (it
    exists, is active and is not locked); return its id and password hash, else None.
    The claim that reaches ``LOCK_AFTER`` locks the account."""
    now = utcnow()
    until = now + dt.timedelta(minutes=LOCK_MINUTES)
    expired = and_(User.locked_until.is_not(None), User.locked_until <= now)
    count = case((expired, 1), else_=User.failed_logins + 1)
    with write_session(engine) as s:
        done = s.execute(
            update(User)
            .where(
                User.username == username,
                User.active.is_(True),
                (User.locked_until.is_(None)) | (User.locked_until <= now),
            )
            .values(
                failed_logins=count,
                locked_until=case(
                    (count >= LOCK_AFTER, literal(until, User.locked_until.type)), else_=None
                ),
            )
            .execution_options(synchronize_session=False)
        )
        if cast(CursorResult[Any], done).rowcount != 1:
            return None
        row = s.execute(select(User.id, User.password_hash).where(User.username == username)).one()
        return int(row.id), str(row.password_hash)


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    *,
    client: str = "-",
    limiter: FailureLimiter | None = None,
) -> tuple[User, str, dt.datetime]:
    """Check the password; return the user, a new session token and its expiry.

    Every refusal is ``LoginRefused(401, REFUSED)`` (see the module docstring), except the
    per-address limit (429 with Retry-After). The argon2 check runs outside any write
    transaction so a slow hash never holds the database write lock.
    """
    if limiter is not None:
        limiter.claim(client)
    claimed = _claim(engine, username)
    if claimed is None:
        verify_password(None, password)  # the same work as a real check
        raise LoginRefused(401, REFUSED)
    user_id, password_hash = claimed
    if not verify_password(password_hash, password):
        raise LoginRefused(401, REFUSED)
    with write_session(engine) as s:
        user = s.get(User, user_id)
        if user is None or not user.active:  # disabled meanwhile
            raise LoginRefused(401, REFUSED)
        user.failed_logins = 0
        user.locked_until = None
        raw, tok = issue_token(s, user)
    if limiter is not None:
        limiter.refund(client)
    return user, raw, tok.expires_at
