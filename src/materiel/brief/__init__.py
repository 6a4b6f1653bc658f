"""The meeting brief: one self-contained HTML file and a PDF for the ministers, every figure
footnoted with the records, the snapshot hash and the date it came from.

    from materiel.brief import render_html, render_pdf, gather, Options
    html = render_html(engine, meeting_id)          # what GET /api/v1/meetings/{id}/brief serves
    pdf = render_pdf(engine, meeting_id)            # WeasyPrint
    brief = gather(engine, meeting_id, Options(scenarios=("baseline",)))  # the data

context (frozen: meeting, dates, snapshots, the latest stored plans) → sections (one module
each, reading the read side) → compare (vs the previous meeting, key figures of both dates)
→ render (Jinja2, inline SVG charts) → pdf. The brief never solves a plan: it reads the
latest stored one and says so when there is none.
"""

from materiel.brief.context import BriefError, Options
from materiel.brief.gather import gather
from materiel.brief.model import Brief, Change, Figure, Footnote, Link, Section, Table
from materiel.brief.pdf import html_to_pdf, render_pdf
from materiel.brief.render import render_html, to_html

__all__ = [
    "Brief",
    "BriefError",
    "Change",
    "Figure",
    "Footnote",
    "Link",
    "Options",
    "Section",
    "Table",
    "gather",
    "html_to_pdf",
    "render_html",
    "render_pdf",
    "to_html",
]
