"""HTML pages: main text by trafilatura (offline), title, date and site name from the page's metadata.

``Article.text`` is the title, a blank line, then the body's paragraphs.  The page's own date is used
when it is plausible (see :mod:`fulcrum.dates`), else the caller's; the site name is the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from typing import BinaryIO

from fulcrum.dates import parse_date
from fulcrum.errors import IngestError
from fulcrum.model import Article

from .common import Defaults, join_title, make_article
from .textio import read_document_bytes

__all__ = ["read_html", "html_to_text"]


def read_html(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    """Read one HTML page as one article."""
    import trafilatura  # imported here: it is the slowest import of the readers

    try:
        data = read_document_bytes(fh, where)
    except IngestError as e:
        yield e
        return
    try:
        doc = trafilatura.bare_extraction(data, url=defaults.url, with_metadata=True, include_comments=False,
                                          include_tables=True)
    except Exception as e:  # trafilatura raises assorted lxml/parser errors on broken markup
        yield IngestError(where, f"cannot parse the HTML page: {type(e).__name__}: {e}")
        return
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        yield IngestError(where, "no main text found in the HTML page")
        return
    title = (getattr(doc, "title", None) or "").strip() or None
    published = None
    page_date = getattr(doc, "date", None)
    if page_date:
        try:
            published = parse_date(page_date)
        except ValueError:
            published = None  # an inferred date: not used when implausible
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = join_title(title, "\n\n".join(paragraphs))
    yield make_article(text, where=where, line=None, defaults=defaults, title=title, published=published,
                       outlet=getattr(doc, "sitename", None), url=getattr(doc, "url", None) or defaults.url,
                       language=getattr(doc, "language", None))


_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                    "section", "article", "header", "footer", "tr", "table", "pre", "figure", "figcaption",
                    "hr", "dd", "dt"})
_SKIP = frozenset({"script", "style", "noscript", "template"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """A snippet of HTML (a feed summary) as plain text with paragraph breaks."""
    if "<" not in fragment:
        text = unescape(fragment)
    else:
        parser = _TextParser()
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    paragraphs = (re.sub(r"[ \t\r\n\f\v\u00a0]+", " ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
