"""audit: index (entity, seq), so the newest event of each table is one index seek (the
API's read cache checks the tables an answer was read from); merges the two 0002 heads

Revision ID: 0003_audit_entity_seq
Revises: 0002_api, 0002_ingest_tracker
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_audit_entity_seq"
down_revision: str | Sequence[str] | None = ("0002_api", "0002_ingest_tracker")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_event_entity_seq", "audit_event", ["entity", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_entity_seq", table_name="audit_event")
