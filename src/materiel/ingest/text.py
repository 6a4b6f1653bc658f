"""Text from files: plain text, HTML (stdlib parser, scripts and styles dropped) and PDF
(pypdf). Everything is normalised the same way so spans index the normalised text."""

from __future__ import annotations

import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if not self.skip:
            self.parts.append(data)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` replaced by as many spaces (offsets kept)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return normalise("".join(parser.parts))


def pdf_to_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    return normalise("\n\n".join(pages))


def normalise(text: str) -> str:
    """NFC, one kind of space, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<p>" in head or "<!doctype html" in head


def read_source(path: Path) -> str:
    """The normalised text of a .txt/.md, .html/.htm or .pdf file (by suffix, then content)."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return pdf_to_text(data)
    raw = data.decode("utf-8", errors="replace")
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(raw):
        return html_to_text(raw)
    return normalise(raw)


def from_bytes(data: bytes, name: str = "") -> str:
    """Same as :func:`read_source` for uploaded bytes (the API's POST /ingest)."""
    lower = name.lower()
    if lower.endswith(".pdf") or data[:5] == b"%PDF-":
        return pdf_to_text(data)
    raw = data.decode("utf-8", errors="replace")
    if lower.endswith((".html", ".htm")) or looks_like_html(raw):
        return html_to_text(raw)
    return normalise(raw)
