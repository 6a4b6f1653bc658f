"""SQLite: AUTOINCREMENT on every table keyed by one integer, so a deleted record's id (and
with it its ETag "<id>-<version>") is never given to another record; the id counter of
each table starts above every id the audit trail has seen. PostgreSQL: nothing to do (its
sequences never go back).

A migration after this one that creates a table passes ``sqlite_autoincrement=True``, and a
batch operation that rebuilds a table passes ``table_kwargs={"sqlite_autoincrement": True}``
(tests/test_migrations_upgrade.py checks every table at head).

Revision ID: 0008_security
Revises: 0007_reader
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_security"
down_revision: str | Sequence[str] | None = "0007_reader"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _integer_keyed(bind: sa.Connection) -> list[str]:
    """Tables with a single INTEGER primary key that are not AUTOINCREMENT yet."""
    insp = sa.inspect(bind)
    out = []
    for name in insp.get_table_names():
        if name == "alembic_version" or name.startswith("sqlite_"):
            continue
        pk = insp.get_pk_constraint(name)["constrained_columns"]
        cols = {c["name"]: c for c in insp.get_columns(name)}
        if len(pk) != 1 or not isinstance(cols[pk[0]]["type"], sa.Integer):
            continue
        sql = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).scalar()
        if "AUTOINCREMENT" not in str(sql).upper():
            out.append(name)
    return out


def _set_counter(bind: sa.Connection, name: str, key: str) -> None:
    """Start the table's counter above the largest id it holds or the audit trail names
    (the ids of records deleted before this upgrade are not given again either)."""
    top = bind.execute(sa.select(sa.func.max(sa.column(key))).select_from(sa.table(name)))
    top = top.scalar() or 0
    if sa.inspect(bind).has_table("audit_event"):
        audited = bind.exec_driver_sql(
            'SELECT max(CAST(json_extract(coalesce("after", "before"), \'$.id\') AS INTEGER)) '
            "FROM audit_event WHERE entity = ?",
            (name,),
        ).scalar()
        top = max(top, audited or 0)
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (name,))
    bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, top))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name in _integer_keyed(bind):
        key = sa.inspect(bind).get_pk_constraint(name)["constrained_columns"][0]
        with op.batch_alter_table(
            name, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass
        _set_counter(bind, name, key)


def downgrade() -> None:
    pass  # AUTOINCREMENT is harmless to older code: the tables stay as they are
