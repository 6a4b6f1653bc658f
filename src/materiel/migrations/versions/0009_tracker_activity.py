"""tracker: row-level activities of the Kiel Main Database, the per-donor totals it
publishes, and monthly figures that older website layouts leave out (nullable)

Revision ID: 0009_tracker_activity
Revises: 0004_job_pid_started
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_tracker_activity"
down_revision: str | Sequence[str] | None = "0004_job_pid_started"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPTIONAL = ("total", "financial", "humanitarian", "commitments", "to_be_allocated")


def upgrade() -> None:
    op.create_table(
        "tracker_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_code", sa.String(length=40), nullable=False),
        sa.Column("source_file", sa.String(length=300), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.String(length=80), nullable=True),
        sa.Column("nation_code", sa.String(length=3), nullable=False),
        sa.Column("donor_name", sa.String(length=120), nullable=False),
        sa.Column("aid_type", sa.String(length=20), nullable=False),
        sa.Column("aid_type_specific", sa.String(length=200), nullable=True),
        sa.Column("measure", sa.String(length=12), nullable=False),
        sa.Column("item", sa.Text(), nullable=True),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("quantity_delivered", sa.Float(), nullable=True),
        sa.Column("value_eur", sa.Float(), nullable=True),
        sa.Column("activity_value_eur", sa.Float(), nullable=True),
        sa.Column("announced_on", sa.Date(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("month_known", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracker_activity")),
        sa.UniqueConstraint(
            "release_code", "source_row", name=op.f("uq_tracker_activity_release_code")
        ),
        sqlite_autoincrement=True,  # ids never reused (see 0008_security)
    )
    with op.batch_alter_table("tracker_activity") as batch:
        batch.create_index(
            batch.f("ix_tracker_activity_release_code"), ["release_code"], unique=False
        )
        batch.create_index(
            batch.f("ix_tracker_activity_nation_code"), ["nation_code"], unique=False
        )
    op.create_table(
        "tracker_donor_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_code", sa.String(length=40), nullable=False),
        sa.Column("nation_code", sa.String(length=3), nullable=False),
        sa.Column("donor_name", sa.String(length=120), nullable=False),
        sa.Column("aid_type", sa.String(length=20), nullable=False),
        sa.Column("measure", sa.String(length=12), nullable=False),
        sa.Column("value_eur", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracker_donor_total")),
        sa.UniqueConstraint(
            "release_code",
            "nation_code",
            "aid_type",
            "measure",
            name=op.f("uq_tracker_donor_total_release_code"),
        ),
        sqlite_autoincrement=True,  # ids never reused (see 0008_security)
    )
    with op.batch_alter_table("tracker_donor_total") as batch:
        batch.create_index(
            batch.f("ix_tracker_donor_total_release_code"), ["release_code"], unique=False
        )
    with op.batch_alter_table("tracker_monthly") as batch:
        for name in _OPTIONAL:
            batch.alter_column(name, existing_type=sa.Float(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("tracker_monthly") as batch:
        for name in _OPTIONAL:
            batch.alter_column(name, existing_type=sa.Float(), nullable=False)
    op.drop_table("tracker_donor_total")
    op.drop_table("tracker_activity")
