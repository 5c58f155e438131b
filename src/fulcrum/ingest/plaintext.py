"""Plain text and Markdown: one file, one article.

* Optional front matter: a first line ``---``, then ``key: value`` lines, then ``---``.  Keys read:
  ``title``, ``published`` (or ``date``), ``outlet`` (or ``publisher``, ``source``), ``url`` (or
  ``link``), ``id`` and ``language`` (or ``lang``); others are ignored.  No YAML library is needed or used.
* The title is a first-line heading (``# Title`` in Markdown) or a short first line (at most
  :data:`TITLE_MAX_WORDS` words, not ending in a full stop) followed by a blank line.  The title stays
  the first paragraph of :attr:`Article.text`; a front-matter title not already at the start is put there.
* A text that starts straight with its lead paragraph has no title and is kept as it is.
* Markdown is turned into plain text lightly: heading marks, emphasis, links, images, inline code marks
  and block-quote marks go; the words stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from fulcrum.dates import parse_date
from fulcrum.errors import IngestError
from fulcrum.model import Article

from .common import Defaults, join_title, make_article
from .textio import read_document

__all__ = ["read_text", "split_front_matter", "markdown_to_text", "TITLE_MAX_WORDS"]

TITLE_MAX_WORDS = 15
_FM_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_FM_KEYS = {
    "title": "title", "headline": "title",
    "published": "published", "date": "published",
    "outlet": "outlet", "publisher": "outlet", "source": "outlet",
    "url": "url", "link": "url",
    "id": "id", "language": "language", "lang": "language",
}
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def split_front_matter(text: str, where: str) -> tuple[dict[str, str], str, int]:
    """``(fields, body, body_first_line)``: the front matter's fields (keys lower-cased) and the rest."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:], 2):
        stripped = line.strip()
        if stripped in ("---", "..."):
            return fields, "\n".join(lines[i:]), i + 1
        if not stripped or stripped.startswith("#"):
            continue
        m = _FM_LINE.match(line)
        if not m:
            raise IngestError(where, "front matter opened by '---' on line 1 is not closed by '---' "
                                     f"before line {i}, which is not a 'key: value' line", i)
        fields[m.group(1).lower()] = _unquote(m.group(2))
    raise IngestError(where, "front matter opened by '---' on line 1 is never closed by '---'", 1)


def _unquote(v: str) -> str:
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        return v[1:-1]
    return v


def markdown_to_text(md: str) -> str:
    """Markdown to plain text, keeping the words and the paragraph breaks."""
    out = []
    fenced = False
    for line in md.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            m = _HEADING.match(line)
            if m:
                line = m.group(1)
            line = re.sub(r"^\s{0,3}>\s?", "", line)
            line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", line)  # images
            line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links
            line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
            line = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", line)
            line = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", line)
            line = re.sub(r"`([^`]*)`", r"\1", line)
            if re.fullmatch(r"\s{0,3}([-*_])(\s*\1){2,}\s*", line):  # horizontal rule
                line = ""
        out.append(line)
    return re.sub(r"<!--.*?-->", "", "\n".join(out), flags=re.S)


def _title_of(body: str, markdown: bool) -> str | None:
    lines = body.split("\n")
    first = lines[0].strip() if lines else ""
    if not first:
        return None
    if markdown or _HEADING.match(lines[0]):
        m = _HEADING.match(lines[0])
        if m:
            return m.group(1).strip() or None
    rest = "\n".join(lines[1:]).strip()
    if (len(lines) > 2 and not lines[1].strip() and rest and len(first.split()) <= TITLE_MAX_WORDS
            and not first.endswith(".") and len(first) <= 200):
        return first
    return None


def read_text(fh: BinaryIO, where: str, defaults: Defaults, *, markdown: bool = False) -> Iterator[Article | IngestError]:
    """Read one plain-text or Markdown article."""
    try:
        raw = read_document(fh, where)
        fields, body, _ = split_front_matter(raw, where)
    except IngestError as e:
        yield e
        return
    if not raw.strip():
        yield IngestError(where, "empty file" if not raw else "file holds only white space")
        return
    published = None
    if fields.get("published"):
        try:
            published = parse_date(fields["published"])
        except ValueError as e:
            yield IngestError(where, f"front matter 'published': {e}")
            return
    meta = {_FM_KEYS[k]: v for k, v in fields.items() if k in _FM_KEYS and v}
    body = body.strip("\n")
    heading_title = _title_of(body, markdown)
    if markdown or _HEADING.match(body.split("\n", 1)[0]):
        body = markdown_to_text(body)
        if heading_title:  # the heading as the converted text shows it, marks gone
            heading_title = body.strip().split("\n", 1)[0].strip() or None
    text = body.strip()
    if not text:
        yield IngestError(where, "no text after the front matter")
        return
    title = meta.get("title") or heading_title
    if meta.get("title"):
        text = join_title(meta["title"], text)
    yield make_article(text, where=where, line=None, defaults=defaults, title=title, published=published,
                       outlet=meta.get("outlet"), url=meta.get("url"), external_id=meta.get("id"),
                       language=meta.get("language"))
