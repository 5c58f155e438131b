"""RSS, Atom and JSON feeds (feedparser): one article per entry.

Text is the entry's title, a blank line, then its content (or summary) stripped of HTML.  The entry's
published (else updated) timestamp is its date when plausible; the feed's title is the outlet; the
entry's link is the URL and its id/guid the external id.  A feed that cannot be parsed and has no
entries is one error; an entry with neither title nor text is an error for that entry (numbered from 1).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from fulcrum.dates import plausible
from fulcrum.errors import IngestError
from fulcrum.model import Article

from .common import Defaults, join_title, make_article
from .htmlpage import html_to_text
from .textio import read_document_bytes

__all__ = ["read_feed"]


def read_feed(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    import feedparser

    try:
        data = read_document_bytes(fh, where)
    except IngestError as e:
        yield e
        return
    # Always bytes: feedparser given a string may treat it as a URL or path and fetch it.
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            yield IngestError(where, f"not a readable RSS/Atom feed: {exc or 'malformed XML'}")
        else:
            yield IngestError(where, "the feed has no entries")
        return
    outlet = html_to_text((parsed.get("feed") or {}).get("title") or "") or None
    for n, entry in enumerate(entries, 1):
        yield _entry_article(entry, n, where, outlet, defaults)


def _entry_article(entry: Any, n: int, where: str, outlet: str | None, defaults: Defaults) -> Article | IngestError:
    title = html_to_text(entry.get("title") or "") or None
    bodies = [c.get("value") or "" for c in entry.get("content") or []]
    bodies.append(entry.get("summary") or "")
    body = max((html_to_text(b) for b in bodies), key=len)
    if not title and not body:
        return IngestError(where, "feed entry has neither a title nor any text", n)
    published = None
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            d = date(t.tm_year, t.tm_mon, t.tm_mday)
            if plausible(d):
                published = d
                break
    return make_article(join_title(title, body), where=where, line=n, defaults=defaults, title=title,
                        published=published, outlet=outlet, url=entry.get("link"),
                        external_id=entry.get("id") or None)
