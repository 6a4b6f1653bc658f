"""The read cache of the pages: what a page shows (the read side's answers arranged for its
template), kept per viewer's role and nation, date and state of the records.

Every write through the services appends an audit event (:mod:`materiel.services.audit`),
so the newest event is the version of the whole data set: an answer computed at one head is
valid until the head moves. Today's date is part of the key (figures are as of today), and
so is the staleness threshold. One indexed row is read per request; a miss computes the
answer outside the lock (two first requests may both compute; either answer is right)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine

from materiel import queries
from materiel.access import Principal
from materiel.db import read_session
from materiel.services import newest_event

T = TypeVar("T")
SIZE = 64


class PageCache:
    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._d: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, engine: Engine, p: Principal, key: Any, compute: Callable[[], T]) -> T:
        """``compute()`` for ``key`` as ``p`` sees it, or the answer kept for the same
        records, day, role and nation."""
        with read_session(engine) as s:
            head = newest_event(s)
        full = (
            str(engine.url),
            p.role,
            p.nation,
            queries.today(),
            queries.stale_after_days(),
            head,
            key,
        )
        with self._lock:
            if full in self._d:
                self._d.move_to_end(full)
                self.hits += 1
                value: T = self._d[full]
                return value
            self.misses += 1
        value = compute()
        with self._lock:
            self._d[full] = value
            while len(self._d) > self.size:
                self._d.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._d.clear()


PAGES = PageCache()


def cached(engine: Engine, p: Principal, key: Any, compute: Callable[[], T]) -> T:
    """:meth:`PageCache.get` on the pages' one cache."""
    return PAGES.get(engine, p, key, compute)
