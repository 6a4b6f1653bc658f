"""The API's read cache: serialised GET answers, valid while the tables they were read
from are unchanged.

Every write of a domain record appends an audit event naming its table, in the same
transaction (:mod:`materiel.services.audit`). So the audit chain tells, for any set of
tables, whether one of them changed since an answer was computed:

- while computing an answer, :func:`stamped` records every table its statements read
  (``do_orm_execute`` on its session) and stamps the answer with the chain head read first
  in the same transaction and, for each of those tables, its newest event up to that head;
- a later request for the same key is answered from the cache when the head is unchanged
  (one indexed row), or, after writes, when none of the answer's tables has a newer event
  (one index seek per table on ``audit_event (entity, seq)``): a delivery recorded does
  not evict the lists of needs or stocks.

An answer read from a statement whose tables cannot be listed (raw SQL) depends on every
table. Appends to the chain are serialised up to their commit, so "events up to the head"
is a consistent cut also where each statement sees newer commits (PostgreSQL's READ
COMMITTED): an answer is at worst stamped older than its content, which only costs a
recomputation, never a stale answer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import Engine, event
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.util import find_tables

from materiel.queries.admin import AUDIT_TABLE, newest_per_table
from materiel.services import newest_event

__all__ = [
    "Answer",
    "DataVersion",
    "ReadCache",
    "Stamp",
    "cached_answer",
    "current_version",
    "data_version",
    "stamped",
]

FLIGHT_WAIT_SECONDS = 30.0  # a follower waits this long at most for the leader's answer
AUDIT = AUDIT_TABLE
Head = tuple[int, str]
Seqs = tuple[tuple[str, int], ...]  # (table, newest event seq), sorted by table

_HEAD_SQL = f"SELECT seq, hash FROM {AUDIT} ORDER BY seq DESC LIMIT 1"
_SEQS_SQL = f"SELECT entity, MAX(seq) FROM {AUDIT} WHERE entity IN ({{marks}}) GROUP BY entity"


def data_version(session: Session) -> Head:
    """The head of the audit chain: every write of a domain record appends an event in
    the same transaction, so (seq, hash) changes whenever any record does. Read it before
    the data, in the same read transaction, so a cached answer is never newer-keyed than
    its content."""
    return newest_event(session) or (0, "")


def current_version(engine: Engine) -> Head:
    """:func:`data_version` on a bare connection: the cheap check before a cache hit."""
    with engine.connect() as conn:
        row = conn.exec_driver_sql(_HEAD_SQL).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _seqs_stmt(tables: frozenset[str], up_to: int | None = None) -> Any:
    return newest_per_table(tables, up_to)


def _sorted(rows: Any) -> Seqs:
    return tuple(sorted((str(t), int(s)) for t, s in rows))


@dataclass(frozen=True)
class Stamp:
    """What an answer was computed from: the chain head, and the newest event up to that
    head of each table it read (``tables`` None: it may depend on any table)."""

    head: Head
    tables: frozenset[str] | None
    seqs: Seqs = ()


class DataVersion:
    """The current head and per-table newest events of one engine, as cheap as the
    database allows.

    On an SQLite file each thread keeps its own autocommit connection that only runs these
    two indexed queries (a few microseconds): cheap enough to run on the event loop itself
    (``inline``), without a hop to the thread pool. Every call starts a new read
    transaction, so it sees every commit made before it, by any process. Other databases go
    through the engine's pool (a network round trip: callers run it in a worker thread).
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        db = engine.url.database
        file = engine.url.get_backend_name() == "sqlite" and db not in (None, "", ":memory:")
        self.path = db if file else None
        self._local = threading.local()

    @property
    def inline(self) -> bool:
        return self.path is not None

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            assert self.path is not None
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._local.conn = conn
        return conn

    def __call__(self) -> Head:
        if self.path is None:
            return current_version(self.engine)
        row = self._conn().execute(_HEAD_SQL).fetchone()
        return (int(row[0]), str(row[1])) if row else (0, "")

    def seqs(self, tables: frozenset[str]) -> Seqs:
        """The newest event of each of ``tables`` now (tables never written are absent)."""
        if not tables:
            return ()
        if self.path is None:
            with self.engine.connect() as conn:
                return _sorted(conn.execute(_seqs_stmt(tables)))
        sql = _SEQS_SQL.format(marks=",".join("?" * len(tables)))
        return _sorted(self._conn().execute(sql, sorted(tables)))


class Stamper:
    """Records the tables read through one session (see :func:`stamped`)."""

    def __init__(self, session: Session):
        self.session = session
        self.head = data_version(session)
        self.tables: set[str] | None = set()

    def saw(self, state: ORMExecuteState) -> None:
        if self.tables is None:
            return
        stmt = state.statement
        found = (
            {t.name for t in find_tables(stmt, check_columns=True) if t is not None}
            if isinstance(stmt, ClauseElement)
            else set()
        )
        if not found:  # raw SQL, or something we cannot see into: depend on everything
            self.tables = None
            return
        self.tables |= found - {AUDIT}

    def stamp(self) -> Stamp:
        if self.tables is None:
            return Stamp(self.head, None)
        tables = frozenset(self.tables)
        if not tables:
            return Stamp(self.head, tables)
        rows = self.session.execute(_seqs_stmt(tables, up_to=self.head[0]))
        return Stamp(self.head, tables, _sorted(rows))


@contextmanager
def stamped(session: Session) -> Iterator[Stamper]:
    """Read the chain head now, then record every table the session's statements read
    until the block ends; ``stamper.stamp()`` (inside the block) gives the answer's stamp."""
    stamper = Stamper(session)
    event.listen(session, "do_orm_execute", stamper.saw)
    try:
        yield stamper
    finally:
        event.remove(session, "do_orm_execute", stamper.saw)


class ReadCache:
    """Serialised GET answers keyed by (role, nation, path, query), each with the
    :class:`Stamp` of what it was computed from. Access checks depend only on role and
    nation, so two callers with the same pair see the same answer; hidden records never
    enter a key of someone who may not see them. An LRU bounded in entries and bytes."""

    def __init__(self, size: int = 1024, max_bytes: int = 64 * 2**20):
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._d: OrderedDict[Any, tuple[Stamp, bytes, dict[str, str]]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self.revalidated = 0  # hits after a write to tables the answer did not read
        self._flights: dict[Any, threading.Event] = {}

    def get(self, key: Any, probe: DataVersion) -> tuple[bytes, dict[str, str]] | None:
        """The answer for ``key`` if nothing it was read from has changed since."""
        if self.size <= 0:
            return None
        got = self._d.get(key)
        if got is None:
            self.misses += 1
            return None
        stamp, body, headers = got
        head = probe()
        if head != stamp.head:
            if stamp.tables is None or probe.seqs(stamp.tables) != stamp.seqs:
                self.misses += 1
                return None
            # still valid: note the new head, so the next check is the one-row query again
            # (the tables' events were read after the head: any write to them since makes
            # the next check fail again, never pass)
            with self._lock:
                if self._d.get(key) is got:
                    self._d[key] = (replace(stamp, head=head), body, headers)
            self.revalidated += 1
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
            self.hits += 1
        return body, headers

    def has(self, key: Any) -> bool:
        return key in self._d

    @contextmanager
    def flight(self, key: Any) -> Iterator[bool]:
        """Yields True to the first caller for ``key`` (it computes the answer) and, after
        that caller is done, False to those who came meanwhile. A None key, or a cache
        that is off, makes every caller a leader."""
        if key is None or self.size <= 0:
            yield True
            return
        with self._lock:
            done = self._flights.get(key)
            leader = done is None
            if done is None:
                done = self._flights[key] = threading.Event()
        if not leader:
            done.wait(FLIGHT_WAIT_SECONDS)
            yield False
            return
        try:
            yield True
        finally:
            with self._lock:
                self._flights.pop(key, None)
            done.set()

    def put(self, key: Any, stamp: Stamp | None, body: bytes, headers: dict[str, str]) -> None:
        if stamp is None or self.size <= 0:
            return
        with self._lock:
            old = self._d.pop(key, None)
            if old is not None:
                self.bytes -= len(old[1])
            self._d[key] = (stamp, body, headers)
            self.bytes += len(body)
            while self._d and (len(self._d) > self.size or self.bytes > self.max_bytes):
                _, dropped = self._d.popitem(last=False)
                self.bytes -= len(dropped[1])


Answer = tuple[Stamp | None, bytes, dict[str, str]]  # what it was read from, body, headers


def cached_answer(
    request: Request, key: Any, compute: Callable[[], Answer], *, enabled: bool = True
) -> Response:
    """A 200 JSON answer for ``key``: from the read cache when nothing it was read from has
    changed, else from ``compute()``, stored for the next caller. Concurrent misses of one
    key compute once; the others wait and take that answer (or compute their own if a
    write came between). Without this a burst of readers after every write would all run
    the same query at once."""
    cache: ReadCache = request.app.state.read_cache
    probe: DataVersion = request.app.state.data_version
    hit = cache.get(key, probe) if enabled else None
    if hit is None:
        with cache.flight(key if enabled else None):
            # looked up again inside the gate: a follower takes the leader's answer, and a
            # caller that missed just before the last leader stored its answer takes it too
            hit = cache.get(key, probe) if enabled else None
            if hit is None:
                stamp, body, headers = compute()
                if enabled:
                    cache.put(key, stamp, body, headers)
                return Response(body, 200, headers, media_type="application/json")
    return Response(hit[0], 200, hit[1], media_type="application/json")
