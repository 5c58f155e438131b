"""Headline exports (TSV) and CNN live-blog indexes: every headline is one article whose text it is.

Headline TSV (``gaza-news.txt`` and friends): no header and the columns ``date, publisher, headline,
url``, or a header naming ``date``, ``publisher``, ``title``/``headline`` and ``url``/``origin`` (other
columns, such as ``toll`` in ``death-toll.tsv``, are ignored).  Fields are split on tabs only -- quotes
are part of headlines, not CSV quoting.  A trailing `` - Publisher`` that repeats the publisher column is
cut from the headline.  The date is the URL's own date when it carries one (Google News listing dates
are often a day early, see :func:`fulcrum.dates.date_from_url`), else the date column -- corrected by the
file's own **listing offset** when the file shows one: a first pass compares the date column with the URL
dates of the rows that have both, and when at least :data:`CALIBRATION_MIN_ROWS` such rows exist and at
least :data:`CALIBRATION_MIN_SHARE` of them put the URL date the same number of days (one to three) after
the listing date, the rows without a URL date are moved by that many days too ("gaza-news.txt": 4,388 of
5,554 dated URLs fall one day after their listing date).  Only files that can be read twice (not a pipe)
are calibrated.

Live-blog index (``cnn-news-israel-hamas-war.txt``): an optional ``date<TAB>url`` header, then per day a
line ``MM-DD-YY<TAB>url`` followed by indented, numbered post titles.  Each post title is one article
dated that day, outlet CNN, URL the day's page.  Navigation entries ("What we covered here", "All",
"Our live coverage ... has moved here") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import BinaryIO

from fulcrum.dates import check_date, date_from_url, latest_date, parse_date
from fulcrum.errors import IngestError
from fulcrum.model import Article

from .common import Defaults, make_article
from .textio import iter_lines

__all__ = ["read_headlines", "read_liveblog", "headline_columns", "listing_offset", "LIVEBLOG_OUTLET"]

HEADERLESS = ("date", "publisher", "headline", "url")
_ALIASES = {"title": "headline", "origin": "url", "link": "url", "outlet": "publisher", "source": "publisher"}
LIVEBLOG_OUTLET = "CNN"
_DATE_LINE = re.compile(r"^(\d{2})-(\d{2})-(\d{2})\t(\S+)\s*$")
_POST_LINE = re.compile(r"^\s+(\d+)\.\s*(.*?)\s*$")
_NAVIGATION = re.compile(
    r"^(?:what we(?:'re|’re| are)? cover(?:ed|ing)(?: here)?|all|our live coverage\b.*)$", re.I)


def headline_columns(first_line: str) -> list[str] | None:
    """Canonical column names if ``first_line`` is a headline-export header, else ``None``."""
    cols = [_ALIASES.get(c.strip().lower(), c.strip().lower()) for c in first_line.split("\t")]
    if {"date", "publisher", "headline", "url"} <= set(cols) and "text" not in cols:
        return cols
    return None


#: A file's listing offset is trusted only with this many rows that carry both a listing and a URL date ...
CALIBRATION_MIN_ROWS = 30
#: ... and when this share of them agree on one offset of 1 to 3 days.
CALIBRATION_MIN_SHARE = 0.6


def _rows(fh: BinaryIO, where: str) -> Iterator[tuple[int, dict[str, str] | IngestError]]:
    """(line number, row by column name) per data line of a headline export, or an error for a bad line."""
    columns: list[str] | None = None
    for n, line in iter_lines(fh, where):
        if isinstance(line, IngestError):
            yield n, line
            continue
        if not line.strip():
            continue
        if columns is None:
            columns = headline_columns(line)
            if columns is not None:
                continue
            columns = list(HEADERLESS)
        fields = line.split("\t")
        if len(fields) != len(columns):
            yield n, IngestError(where, f"has {len(fields)} tab-separated fields, expected {len(columns)} "
                                        f"({', '.join(columns)})", n)
            continue
        yield n, dict(zip(columns, fields, strict=True))


def listing_offset(fh: BinaryIO, where: str) -> int:
    """The number of days by which the date column of a headline export runs early against the dates its
    URLs carry (0 when the file shows no consistent offset or cannot be read twice).  Reads the file once
    and rewinds it."""
    try:
        if not fh.seekable():
            return 0
        start = fh.tell()
    except (AttributeError, OSError):
        return 0
    counts: dict[int, int] = {}
    try:
        for _n, row in _rows(fh, where):
            if isinstance(row, IngestError):
                continue
            url = row["url"].strip()
            try:
                listed = parse_date(row["date"]) if row["date"].strip() else None
            except ValueError:
                continue
            found = date_from_url(url, near=listed) if url and listed else None
            if found is not None and listed is not None and abs((found - listed).days) <= 3:
                days = (found - listed).days
                counts[days] = counts.get(days, 0) + 1
    finally:
        fh.seek(start)
    total = sum(counts.values())
    if total < CALIBRATION_MIN_ROWS:
        return 0
    days, n = max(counts.items(), key=lambda kv: (kv[1], -abs(kv[0])))
    return days if days > 0 and n / total >= CALIBRATION_MIN_SHARE else 0


def read_headlines(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    offset = listing_offset(fh, where)
    for n, row in _rows(fh, where):
        yield row if isinstance(row, IngestError) else _headline(row, where, n, defaults, offset)


def _headline(row: dict[str, str], where: str, n: int, defaults: Defaults,
              offset: int = 0) -> Article | IngestError:
    publisher = row["publisher"].strip()
    headline = row["headline"].strip()
    url = row["url"].strip()
    if publisher and headline.lower().endswith(" - " + publisher.lower()):
        headline = headline[: -len(publisher) - 3].rstrip()
    if not headline:
        return IngestError(where, "the headline is empty", n)
    listed = None
    if row["date"].strip():
        try:
            listed = parse_date(row["date"])
        except ValueError as e:
            return IngestError(where, f"date column: {e}", n)
    shifted = listed + timedelta(days=offset) if listed is not None and offset else listed
    if shifted is not None and shifted > latest_date():
        shifted = listed  # never a date after today
    published = (date_from_url(url, near=listed) if url else None) or shifted
    return make_article(headline, where=where, line=n, defaults=defaults, title=headline, published=published,
                        outlet=publisher or None, url=url or None)


def read_liveblog(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    day: date | None = None
    day_url: str | None = None
    day_ok = False
    for n, line in iter_lines(fh, where):
        if isinstance(line, IngestError):
            yield line
            continue
        if not line.strip():
            continue
        if n == 1 and line.strip().lower().split() == ["date", "url"]:
            continue
        m = _DATE_LINE.match(line)
        if m:
            mm, dd, yy, day_url = m.groups()
            try:
                day = check_date(date(2000 + int(yy), int(mm), int(dd)))
                day_ok = True
            except ValueError as e:
                day_ok = False
                yield IngestError(where, f"day line {line.split(chr(9))[0]!r} is not a valid MM-DD-YY date "
                                         f"({e}); its posts are skipped", n)
            continue
        post = _POST_LINE.match(line)
        if not post:
            yield IngestError(where, "neither a day line (MM-DD-YY<TAB>url) nor an indented numbered post", n)
            continue
        if day is None:
            yield IngestError(where, "a post before the first day line (MM-DD-YY<TAB>url)", n)
            continue
        title = post.group(2).replace("\u00a0", " ").strip()
        if not day_ok or not title or _NAVIGATION.match(title):
            continue
        yield make_article(title, where=where, line=n, defaults=defaults, title=title, published=day,
                           outlet=LIVEBLOG_OUTLET, url=day_url)
