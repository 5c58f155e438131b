"""Format detection by content first, by file suffix or content type only when the content is ambiguous.

The real corpora end in ``.txt`` but are tab-separated headline exports, so a suffix is a hint, never
the answer.  Formats: ``html``, ``feed`` (RSS/Atom/RDF/JSON Feed), ``jsonl``, ``json``, ``csv``,
``headlines`` (headline TSV exports), ``liveblog`` (CNN live-blog index), ``markdown``, ``text``; and
``binary`` or ``empty`` for files that hold no readable text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from fulcrum.dates import parse_date

from .headlines import _DATE_LINE, _POST_LINE, headline_columns
from .records import ALIASES, FIELDS, sniff_delimiter
from .textio import SNIFF_BYTES, binary_reason

__all__ = ["detect_format", "FORMATS"]

FORMATS = ("html", "feed", "jsonl", "json", "csv", "headlines", "liveblog", "markdown", "text", "binary",
           "empty")

_SUFFIXES = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
}
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/feed+json": "feed", "application/xml": "feed", "text/xml": "feed",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl", "text/csv": "csv", "text/markdown": "markdown",
}
_XML_PROLOGUE = re.compile(r"^(?:\s*<\?xml[^>]*\?>|\s*<!--.*?-->|\s*<!DOCTYPE\s+(?!html)[^>]*>)*\s*", re.S | re.I)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")


def detect_format(path_or_bytes: str | Path | bytes, *, hint: str | None = None) -> str:
    """The format of a file (given by path) or of some bytes; see :data:`FORMATS`.

    ``hint`` is a file name, suffix (``".csv"``) or content type (``"text/html"``), used only where the
    content leaves the format open.  Raises :class:`OSError` for a path that cannot be read.
    """
    if isinstance(path_or_bytes, bytes):
        sample = path_or_bytes[:SNIFF_BYTES]
    else:
        path = Path(path_or_bytes)
        with path.open("rb") as fh:
            sample = fh.read(SNIFF_BYTES)
        hint = hint or path.name
    return sniff(sample, hint)


def _hinted(hint: str | None) -> str | None:
    if not hint:
        return None
    h = hint.split(";", 1)[0].strip().lower()
    if h in _CONTENT_TYPES:
        return _CONTENT_TYPES[h]
    suffix = Path(h.split("?", 1)[0]).suffix or (h if h.startswith(".") else "")
    return _SUFFIXES.get(suffix)


def sniff(sample: bytes, hint: str | None = None) -> str:
    if not sample:
        return "empty"
    if binary_reason(sample):
        return "binary"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = sample.decode("utf-16", errors="replace")
    else:
        text = sample.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    stripped = text.lstrip()
    if not stripped:
        return "empty"
    hinted = _hinted(hint)
    if stripped.startswith("<"):
        return _markup(stripped, hinted)
    if stripped.startswith(("{", "[")):
        return _json(stripped, hinted)
    lines = [ln.rstrip("\r") for ln in text.split("\n")]
    if len(text) == SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut short
    nonblank = [ln for ln in lines if ln.strip()]
    if _is_liveblog(nonblank):
        return "liveblog"
    if _is_headlines(nonblank):
        return "headlines"
    if _is_csv(nonblank, hinted):
        return "csv"
    if hinted in ("jsonl", "json", "csv", "html", "feed"):
        return hinted  # the reader will say what is wrong with the content
    if hinted == "markdown" or stripped.startswith("---") and _HEADING.match(_after_front_matter(text)):
        return "markdown"
    if _HEADING.match(nonblank[0]):
        return "markdown"
    return "text"


def _after_front_matter(text: str) -> str:
    parts = re.split(r"^---\s*$", text.lstrip(), maxsplit=2, flags=re.M)
    return parts[2].lstrip("\n") if len(parts) == 3 else ""


def _markup(stripped: str, hinted: str | None) -> str:
    body = _XML_PROLOGUE.sub("", stripped[:4096], count=1).lower()
    if body.startswith(("<rss", "<feed", "<rdf:rdf", "<rdf ")):
        return "feed"
    if body.startswith(("<!doctype html", "<html", "<head", "<body")) or hinted == "html":
        return "html"
    if stripped[:5].lower() == "<?xml" or hinted == "feed":
        return "feed"  # some other XML: the feed reader will say it is not a feed
    return "html"


def _json(stripped: str, hinted: str | None) -> str:
    """JSONL, JSON or a text that merely starts with a bracket ("[UPDATED] Talks resume ...")."""
    if stripped.startswith("["):
        if re.match(r'\[\s*[{\["\]]', stripped) or hinted in ("json", "jsonl"):
            return hinted if hinted in ("json", "jsonl") else "json"
        return "text"
    if '"https://jsonfeed.org/version' in stripped[:4096].replace("\\/", "/"):
        return "feed"
    lines = [ln.strip() for ln in stripped.split("\n")[:20] if ln.strip()]
    if any(_is_json_object(ln) for ln in lines):
        return "jsonl"  # a bad line among them is that line's error
    if hinted in ("json", "jsonl"):
        return hinted
    if lines[0] == "{" or lines[0].startswith('{"'):
        return "json"  # pretty-printed (or broken) JSON: the reader says where it breaks
    return "text"


def _is_json_object(line: str) -> bool:
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _is_liveblog(lines: list[str]) -> bool:
    if not lines:
        return False
    rest = lines[1:] if lines[0].strip().lower().split() == ["date", "url"] else lines
    return bool(rest) and bool(_DATE_LINE.match(rest[0])) and any(_POST_LINE.match(ln) for ln in rest[1:6])


def _is_headlines(lines: list[str]) -> bool:
    if not lines:
        return False
    if headline_columns(lines[0]) is not None:
        return True
    rows = lines[:20]
    good = 0
    for ln in rows:
        f = ln.split("\t")
        if len(f) == 4 and re.match(r"^https?://", f[3].strip()) and _is_date(f[0]):
            good += 1
    return good >= max(1, (len(rows) + 1) // 2)


def _is_date(s: str) -> bool:
    try:
        parse_date(s)
    except ValueError:
        return False
    return True


def _is_csv(lines: list[str], hinted: str | None) -> bool:
    if not lines:
        return False
    delim = sniff_delimiter(lines[0])
    names = [c.strip().strip('"').lower() for c in lines[0].split(delim)]
    known = [c for c in names if c in FIELDS or c in ALIASES]
    if hinted == "csv":
        return True
    textish = any(ALIASES.get(c, c) == "text" for c in known)
    return len(known) >= 3 or (len(known) >= 2 and textish)
