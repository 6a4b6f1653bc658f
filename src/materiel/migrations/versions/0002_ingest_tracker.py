"""public tracker datasets (Kiel Ukraine Support Tracker)

Revision ID: 0002_ingest_tracker
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import materiel.records.base

revision: str = "0002_ingest_tracker"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tracker_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("tracker", sa.String(length=40), nullable=False),
        sa.Column("release", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("imported_at", materiel.records.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracker_release")),
        sa.UniqueConstraint("code", name=op.f("uq_tracker_release_code")),
    )
    op.create_table(
        "tracker_monthly",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_code", sa.String(length=40), nullable=False),
        sa.Column("nation_code", sa.String(length=3), nullable=False),
        sa.Column("donor_name", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("financial", sa.Float(), nullable=False),
        sa.Column("humanitarian", sa.Float(), nullable=False),
        sa.Column("military", sa.Float(), nullable=False),
        sa.Column("commitments", sa.Float(), nullable=False),
        sa.Column("to_be_allocated", sa.Float(), nullable=False),
        sa.Column("gdp", sa.Float(), nullable=True),
        sa.Column("pct_gdp", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracker_monthly")),
        sa.UniqueConstraint(
            "release_code",
            "nation_code",
            "year",
            "month",
            name=op.f("uq_tracker_monthly_release_code"),
        ),
    )
    with op.batch_alter_table("tracker_monthly", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tracker_monthly_release_code"), ["release_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tracker_monthly_nation_code"), ["nation_code"], unique=False
        )
    op.create_table(
        "tracker_weapons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_code", sa.String(length=40), nullable=False),
        sa.Column("nation_code", sa.String(length=3), nullable=False),
        sa.Column("donor_name", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("item_category", sa.String(length=40), nullable=False),
        sa.Column("number_of_weapons", sa.BigInteger(), nullable=False),
        sa.Column("monetary_value_eur", sa.Float(), nullable=False),
        sa.Column("weapons_list", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracker_weapons")),
        sa.UniqueConstraint(
            "release_code", "nation_code", "category", name=op.f("uq_tracker_weapons_release_code")
        ),
    )
    with op.batch_alter_table("tracker_weapons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tracker_weapons_release_code"), ["release_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tracker_weapons_nation_code"), ["nation_code"], unique=False
        )


def downgrade() -> None:
    op.drop_table("tracker_weapons")
    op.drop_table("tracker_monthly")
    op.drop_table("tracker_release")
