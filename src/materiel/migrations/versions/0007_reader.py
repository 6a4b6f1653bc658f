"""ingest_draft: content_hash (sha256 of the source text), so a text read twice adds nothing

Revision ID: 0007_reader
Revises: 0009_tracker_activity
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_reader"
down_revision: str | Sequence[str] | None = "0009_tracker_activity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_draft") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=True))
        batch.create_index(op.f("ix_ingest_draft_content_hash"), ["content_hash"])
    draft = sa.table(
        "ingest_draft",
        sa.column("id", sa.Integer),
        sa.column("source_text", sa.Text),
        sa.column("content_hash", sa.String(64)),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(draft.c.id, draft.c.source_text)).all()
    for row in rows:
        digest = hashlib.sha256(row.source_text.encode("utf-8")).hexdigest()
        bind.execute(draft.update().where(draft.c.id == row.id).values(content_hash=digest))


def downgrade() -> None:
    with op.batch_alter_table("ingest_draft") as batch:
        batch.drop_index(op.f("ix_ingest_draft_content_hash"))
        batch.drop_column("content_hash")
