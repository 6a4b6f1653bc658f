"""Login: password check with per-account lockout and a per-client failure rate limit."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from sqlalchemy import Engine, select, update

from materiel.access.passwords import verify_password
from materiel.access.tokens import issue_token
from materiel.db import read_session, write_session
from materiel.records import User
from materiel.records.base import utcnow

__all__ = ["LOCK_AFTER", "LOCK_MINUTES", "FailureLimiter", "LoginRefused", "authenticate"]

LOCK_AFTER = 5  # consecutive failures before the account locks
LOCK_MINUTES = 15


@dataclass
class LoginRefused(Exception):
    """``status`` 401 (bad credentials) or 429 (locked or rate limited)."""

    status: int
    detail: str
    retry_after: int | None = None


class FailureLimiter:
    """At most ``limit`` failed logins per client address in ``window`` seconds (in memory,
    per process; the account lockout in the database holds across processes)."""

    def __init__(self, limit: int = 20, window: float = 60.0):
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, q: deque[float], now: float) -> None:
        while q and q[0] <= now - self.window:
            q.popleft()

    def check(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            q = self._hits[client]
            self._prune(q, now)
            if len(q) >= self.limit:
                retry = int(q[0] + self.window - now) + 1
                raise LoginRefused(
                    429, f"too many failed logins from this address; retry in {retry} s", retry
                )

    def fail(self, client: str) -> None:
        with self._lock:
            self._hits[client].append(time.monotonic())


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    *,
    client: str = "-",
    limiter: FailureLimiter | None = None,
) -> tuple[User, str, dt.datetime]:
    """Check the password; return the user, a new session token and its expiry.

    After ``LOCK_AFTER`` consecutive failures the account is locked for ``LOCK_MINUTES``
    (429 with Retry-After); a success resets the count. The argon2 check runs outside any
    write transaction so a slow hash never holds the database write lock.
    """
    if limiter is not None:
        limiter.check(client)
    with read_session(engine) as s:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
    now = utcnow()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        retry = int((user.locked_until - now).total_seconds()) + 1
        raise LoginRefused(
            429, f"account locked after repeated failures; retry in {retry} s", retry
        )
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        if limiter is not None:
            limiter.fail(client)
        if user is not None:
            with write_session(engine) as s:
                s.execute(
                    update(User)
                    .where(User.id == user.id)
                    .values(failed_logins=User.failed_logins + 1)
                )
                fails = s.scalar(select(User.failed_logins).where(User.id == user.id)) or 0
                if fails >= LOCK_AFTER:
                    until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    s.execute(
                        update(User)
                        .where(User.id == user.id)
                        .values(locked_until=until, failed_logins=0)
                    )
        raise LoginRefused(401, "unknown user, wrong password or disabled account")
    with write_session(engine) as s:
        fresh = s.get(User, user.id)
        assert fresh is not None
        fresh.failed_logins = 0
        fresh.locked_until = None
        raw, tok = issue_token(s, fresh)
    return fresh, raw, tok.expires_at
