"""Import and export of every entity as CSV and Excel, one documented template each.

from materiel.io import import_files, export
result = import_files(engine, ["pledges.csv"], actor="alice", dry_run=True)
for issue in result.issues:
    print(issue)            # pledges.csv, row 7, column donor_code: unknown nation 'XXX' ...
export(engine, None, "xlsx", Path("all.xlsx"))
"""

from materiel.io.exporter import export, export_csv_text, iter_records, write_template
from materiel.io.importer import MAX_ISSUES, ImportResult, Issue, Progress, import_files
from materiel.io.readers import Limits
from materiel.io.templates import ENTITIES, TEMPLATES, Column, Template, infer_entity, template_for

__all__ = [
    "ENTITIES",
    "MAX_ISSUES",
    "TEMPLATES",
    "Column",
    "ImportResult",
    "Issue",
    "Limits",
    "Progress",
    "Template",
    "export",
    "export_csv_text",
    "import_files",
    "infer_entity",
    "iter_records",
    "template_for",
    "write_template",
]
