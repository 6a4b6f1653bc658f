"""The PDF of a brief, made from its HTML with WeasyPrint (print stylesheet, A4)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of a self-contained brief page (no network: nothing is fetched)."""
    from weasyprint import HTML

    def no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"the brief fetches nothing: {url}")

    # WeasyPrint logs every unsupported CSS property at WARNING; the brief's CSS is ours
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = HTML(string=html, url_fetcher=no_fetch).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def render_pdf(engine: Engine, meeting_id: int, **options: Any) -> bytes:
    """The brief of ``meeting_id`` as PDF bytes (``viewer=`` and the options of
    :func:`materiel.brief.render.render_html`)."""
    from materiel.brief.render import render_html

    return html_to_pdf(render_html(engine, meeting_id, **options))
