"""Background jobs: plans and forecasts run in a thread pool; their state (queued →
running → done | failed, progress, message) lives in ``records.Job``.

:func:`start_job` is the use case the API and the pages both call: it checks that the
caller may plan, creates the job in one audited write (Idempotency-Key honoured) and hands
it to the :class:`JobManager`. Runners are looked up by kind in the manager's registry
(``app.state.runners``), so tests inject fakes; the real ones import the planner and the
forecaster lazily. Job progress is operational state, written directly (not audited).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, update

from materiel.access import Principal, policy
from materiel.db import write_session
from materiel.records import Job
from materiel.records.base import utcnow
from materiel.services.idempotency import Outcome, etag_of, run_write
from materiel.services.writer import Writer

log = logging.getLogger("materiel.services.jobs")

Progress = Callable[..., None]
Runner = Callable[[Engine, dict[str, Any], str, Progress], int]


def _result_id(result: Any) -> int:
    if isinstance(result, int):
        return result
    rid = getattr(result, "id", None)
    if isinstance(rid, int):
        return rid
    raise TypeError(f"runner returned {type(result).__name__}, not a run id")


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def plan_runner(engine: Engine, params: dict[str, Any], actor: str, progress: Progress) -> int:
    from materiel.plan.service import run_and_store  # lazy: heavy, and owned by the planner

    return _result_id(
        run_and_store(
            engine,
            as_of=_date(params["as_of"]),
            horizon_weeks=params["horizon_weeks"],
            scenario=params.get("scenario") or "baseline",
            hard_targets=params.get("hard_targets", False),
            readiness_weight=params.get("readiness_weight"),
            frontier=bool(params.get("frontier", False)),
            actor=actor,
            progress=progress,
        )
    )


def forecast_runner(engine: Engine, params: dict[str, Any], actor: str, progress: Progress) -> int:
    from materiel.forecast.service import run_and_store  # lazy

    return _result_id(
        run_and_store(
            engine,
            as_of=_date(params["as_of"]),
            horizon_weeks=params["horizon_weeks"],
            scenario=params.get("scenario") or "baseline",
            paths=int(params.get("paths", 2000)),
            seed=int(params.get("seed") or 0),
            actor=actor,
            progress=progress,
        )
    )


def default_runners() -> dict[str, Runner]:
    return {"plan": plan_runner, "forecast": forecast_runner}


class JobProgress:
    """The callback handed to runners: ``progress(fraction, message=None)``; writes at most
    every ``every`` seconds (always the last call before completion is kept in memory)."""

    def __init__(self, engine: Engine, job_id: int, every: float = 0.5):
        self.engine = engine
        self.job_id = job_id
        self.every = every
        self._last = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        """Accepts ``(fraction, message)`` or ``(stage, fraction)``: numbers are the
        fraction done, strings the message."""
        fraction: float | None = kwargs.get("fraction")
        message: str | None = kwargs.get("message") or kwargs.get("stage")
        for a in args:
            if isinstance(a, int | float) and not isinstance(a, bool):
                fraction = float(a)
            elif isinstance(a, str):
                message = a
        now = time.monotonic()
        if now - self._last < self.every:
            return
        self._last = now
        values: dict[str, Any] = {}
        if fraction is not None:
            values["progress"] = min(max(fraction, 0.0), 1.0)
        if message is not None:
            values["message"] = str(message)[:2000]
        if not values:
            return
        with write_session(self.engine) as s:
            s.execute(update(Job).where(Job.id == self.job_id).values(**values))


class JobManager:
    def __init__(self, engine: Engine, runners: dict[str, Runner], workers: int = 2):
        self.engine = engine
        self.runners = runners
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self.futures: dict[int, Future[None]] = {}

    @property
    def pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="materiel-job")
            return self._pool

    def submit(self, job_id: int) -> None:
        self.futures[job_id] = self.pool.submit(self._run, job_id)

    def _finish(self, job_id: int, **values: Any) -> None:
        with write_session(self.engine) as s:
            s.execute(update(Job).where(Job.id == job_id).values(finished_at=utcnow(), **values))

    def _run(self, job_id: int) -> None:
        with write_session(self.engine) as s:
            job = s.get(Job, job_id)
            if job is None or job.status != "queued":
                return
            job.status = "running"
            job.pid = os.getpid()
            job.pid_started = own_stamp()
            kind, params, owner = job.kind, dict(job.params), job.owner
        runner = self.runners.get(kind)
        if runner is None:
            self._finish(job_id, status="failed", message=f"no runner for job kind {kind!r}")
            return
        try:
            result_id = runner(
                self.engine, params, f"api:{owner}", JobProgress(self.engine, job_id)
            )
        except Exception as exc:  # a failed run is a job state, not a server error
            log.exception("job %s failed", job_id)
            msg = f"{type(exc).__name__}: {exc}"
            if isinstance(exc, ModuleNotFoundError):
                msg = f"the {kind} engine is not installed ({exc})"
            self._finish(job_id, status="failed", message=msg[:2000])
            return
        self._finish(job_id, status="done", progress=1.0, result_id=result_id, message="finished")

    def recover(self) -> int:
        """At start-up: jobs left queued or running by a process that is gone are failed
        with a reason. Returns how many."""
        n = 0
        with write_session(self.engine) as s:
            for job in s.scalars(select(Job).where(Job.status.in_(("queued", "running")))):
                if (
                    job.pid is not None
                    and job.pid != os.getpid()
                    and _alive(job.pid, job.pid_started)
                ):
                    continue  # another worker process of this server is running it
                job.status = "failed"
                job.message = "interrupted by a server restart; start it again"
                job.finished_at = utcnow()
                n += 1
        return n

    def shutdown(self, wait: bool = False) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=wait, cancel_futures=True)
                self._pool = None


def process_stamp(pid: int) -> str | None:
    """When process ``pid`` started, as ``<boot id>:<start ticks>`` (Linux /proc); None
    where that cannot be read. Two processes with the same pid have different stamps."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: fields after its last ")"
    fields = stat[stat.rindex(")") + 2 :].split()
    return f"{boot[:8]}:{fields[19]}"  # field 22, starttime


def own_stamp() -> str | None:
    return _stamp_of(os.getpid())  # by pid: a forked child computes its own


@functools.cache
def _stamp_of(pid: int) -> str | None:
    return process_stamp(pid)


def _alive(pid: int, stamp: str | None = None) -> bool:
    """Whether process ``pid`` still runs and, when ``stamp`` is known, is the process that
    had that pid then (not a later one reusing it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    if stamp is None:
        return True
    now = process_stamp(pid)
    return now is None or now == stamp


def start_job(
    engine: Engine,
    viewer: Principal,
    jobs: JobManager,
    kind: str,
    params: dict[str, Any],
    *,
    describe: Callable[[Job], dict[str, Any]],
    location: Callable[[int], str],
    key: str | None = None,
) -> Outcome:
    """Queue a ``kind`` job (plan, forecast) for ``viewer`` (staff only) and start it.
    ``describe`` gives the job's public shape (the answer, stored for an Idempotency-Key
    replay) and ``location`` its URL; a replayed request starts nothing."""
    policy.require_planner(viewer)

    def action(w: Writer) -> Outcome:
        job = w.create(
            Job,
            kind=kind,
            status="queued",
            progress=0.0,
            params=params,
            owner=viewer.username,
            pid=os.getpid(),
            pid_started=own_stamp(),
            message="queued",
        )
        return Outcome(202, describe(job), {"Location": location(job.id), "ETag": etag_of(job)})

    out = run_write(engine, viewer, action, key=key, request_body=params, route=kind)
    if "Idempotent-Replayed" not in out.headers:
        jobs.submit(int(out.body["id"]))
    return out
