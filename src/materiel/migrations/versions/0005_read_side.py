"""the read side: alliance membership as rows (``alliance_member``) instead of the
comma-separated ``nation.alliance``; a ``synthetic`` flag on every record a scenario may
write, backfilled from the audit trail (records created by the demo loader, actor ``demo``)
instead of being guessed from words in source texts

Revision ID: 0005_read_side
Revises: 0008_security
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_read_side"
down_revision: str | Sequence[str] | None = "0008_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# flagged table -> the column the audit trail keys its records by (writer.entity_key)
FLAGGED: dict[str, str] = {
    "organisation": "code",
    "need": "ref",
    "pledge": "ref",
    "delivery": "ref",
    "stock_report": "id",
    "stock_target": "id",
    "caveat": "id",
    "production_line": "code",
    "ramp_step": "id",
    "fund": "code",
    "fund_item": "id",
    "fund_member": "id",
    "purchase_order": "ref",
    "meeting": "ref",
    "scenario": "name",
    "scenario_rate": "id",
}
DEMO_ACTOR = "demo"


def _split_alliances() -> None:
    bind = op.get_bind()
    nation = sa.table("nation", sa.column("code", sa.String), sa.column("alliance", sa.String))
    member = sa.table(
        "alliance_member", sa.column("alliance", sa.String), sa.column("nation_code", sa.String)
    )
    rows = bind.execute(sa.select(nation.c.code, nation.c.alliance)).all()
    seen: set[tuple[str, str]] = set()
    for code, alliances in rows:
        for name in str(alliances or "").split(","):
            key = (name.strip(), code)
            if key[0] and key not in seen:
                seen.add(key)
    if seen:
        op.bulk_insert(member, [{"alliance": a, "nation_code": n} for a, n in sorted(seen)])  # type: ignore[arg-type]


def _backfill_synthetic() -> None:
    """Records whose creation the audit trail attributes to the demo loader."""
    bind = op.get_bind()
    audit = sa.table(
        "audit_event",
        sa.column("entity", sa.String),
        sa.column("entity_key", sa.String),
        sa.column("action", sa.String),
        sa.column("actor", sa.String),
    )
    for table, key in FLAGGED.items():
        t = sa.table(table, sa.column(key), sa.column("synthetic", sa.Boolean))
        created = sa.select(audit.c.entity_key).where(
            audit.c.entity == table, audit.c.action == "create", audit.c.actor == DEMO_ACTOR
        )
        column = t.c[key] if key != "id" else sa.cast(t.c[key], sa.String(30))
        bind.execute(sa.update(t).where(column.in_(created)).values(synthetic=sa.true()))


def upgrade() -> None:
    op.create_table(
        "alliance_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alliance", sa.String(length=20), nullable=False),
        sa.Column("nation_code", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["nation_code"],
            ["nation.code"],
            name=op.f("fk_alliance_member_nation_code_nation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_member")),
        sa.UniqueConstraint("alliance", "nation_code", name=op.f("uq_alliance_member_alliance")),
        sqlite_autoincrement=True,  # ids never reused (0008_security)
    )
    op.create_index(op.f("ix_alliance_member_alliance"), "alliance_member", ["alliance"])
    op.create_index(op.f("ix_alliance_member_nation_code"), "alliance_member", ["nation_code"])
    _split_alliances()
    # in place (SQLite >= 3.35 drops a column natively): a batch copy would drop and
    # recreate ``nation``, which every other table references, with foreign keys on
    op.drop_column("nation", "alliance")
    for table in FLAGGED:  # ADD COLUMN in place on both backends (no batch copy)
        op.add_column(
            table, sa.Column("synthetic", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    _backfill_synthetic()


def downgrade() -> None:
    bind = op.get_bind()
    for table in FLAGGED:
        op.drop_column(table, "synthetic")
    op.add_column("nation", sa.Column("alliance", sa.String(length=40), nullable=True))
    rows = bind.execute(
        sa.text("SELECT nation_code, alliance FROM alliance_member ORDER BY nation_code, alliance")
    ).all()
    joined: dict[str, list[str]] = {}
    for code, name in rows:
        joined.setdefault(code, []).append(name)
    nation = sa.table("nation", sa.column("code", sa.String), sa.column("alliance", sa.String))
    for code, names in joined.items():
        # NATO first, as the reference data wrote it ("NATO,EU")
        text = ",".join(sorted(names, key=lambda n: (n != "NATO", n)))[:40]
        bind.execute(sa.update(nation).where(nation.c.code == code).values(alliance=text))
    op.drop_index(op.f("ix_alliance_member_nation_code"), table_name="alliance_member")
    op.drop_index(op.f("ix_alliance_member_alliance"), table_name="alliance_member")
    op.drop_table("alliance_member")
