"""api: one idempotency key per user (unique), so concurrent retries cannot both write

Revision ID: 0002_api
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_api"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "uq_idempotency_key_user_id_key", "idempotency_key", ["user_id", "key"], unique=True
    )


def downgrade() -> None:
    op.drop_index("uq_idempotency_key_user_id_key", table_name="idempotency_key")
