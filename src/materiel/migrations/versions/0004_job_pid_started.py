"""job: the start of the process that queued or runs a job, so a restarted server does not
take an unrelated process that reuses its pid for the job's runner

Revision ID: 0004_job_pid_started
Revises: 0003_audit_entity_seq
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_job_pid_started"
down_revision: str | Sequence[str] | None = "0003_audit_entity_seq"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("job") as batch:
        batch.add_column(sa.Column("pid_started", sa.String(60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job") as batch:
        batch.drop_column("pid_started")
