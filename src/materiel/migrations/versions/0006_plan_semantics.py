"""plan semantics (issue 13): ``nation.transit_weeks``, the weeks from a donor's stock to
the recipient (NULL: the default of materiel.plan_policy, 1 week)

Revision ID: 0006_plan_semantics
Revises: 0005_read_side
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_plan_semantics"
down_revision: str | Sequence[str] | None = "0005_read_side"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nation") as batch:
        batch.add_column(sa.Column("transit_weeks", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nation") as batch:
        batch.drop_column("transit_weeks")
