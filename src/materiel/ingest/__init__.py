"""Reading the public record: announcement texts into draft records (rules with exact
spans), the drafts review queue, evaluation against labelled texts, and the Kiel Institute
Ukraine Support Tracker import and reconciliation."""

from materiel.ingest.extract import Draft, Extractor, Reading, read_text
from materiel.ingest.text import html_to_text, normalise, pdf_to_text, read_source

__all__ = [
    "Draft",
    "Extractor",
    "Reading",
    "html_to_text",
    "normalise",
    "pdf_to_text",
    "read_source",
    "read_text",
]
