"""Jobs interrupted by a crash or restart are failed with a reason, never left running.

The API server does this at start-up (``materiel.services.jobs.JobManager.recover``, called by
the app's lifespan); this wrapper lets an operator or a script do it without a server.
"""

from __future__ import annotations

from sqlalchemy import Engine

from materiel.services.jobs import JobManager


def recover_interrupted(engine: Engine) -> int:
    """Fail every queued or running job whose process is gone; returns how many."""
    return JobManager(engine, {}, workers=1).recover()
