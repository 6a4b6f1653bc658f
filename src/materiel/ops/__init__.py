"""Operations: consistent backups and restores, job recovery after a crash, the soak test.

from materiel.ops import backup, restore
report = backup(engine, Path("materiel-2026-01-05.backup"))   # while the server runs
restore(other_engine, Path("materiel-2026-01-05.backup"))      # into an empty database
"""

from materiel.ops.backup import (
    BackupError,
    BackupReport,
    RestoreReport,
    backup,
    read_backup_info,
    restore,
    table_rows,
)
from materiel.ops.jobs import recover_interrupted

__all__ = [
    "BackupError",
    "BackupReport",
    "RestoreReport",
    "backup",
    "read_backup_info",
    "recover_interrupted",
    "restore",
    "table_rows",
]
