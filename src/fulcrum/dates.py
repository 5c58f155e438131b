"""Publication dates, shared by ingest and the processes layer: parsing the formats inputs use, range checks,
and dates carried by URLs (with the basis of an article's date: stated, url, updated, live or listing).

Policy, for every reader:

* A date is accepted from 1900-01-01 up to tomorrow (one day of slack for time zones).
* A date the input states *explicitly* in a field (JSONL/CSV ``published``, front matter ``published:``,
  the date column of a headline export) that cannot be parsed or is out of range makes that record an
  :class:`~fulcrum.errors.IngestError` naming the field and value: a wrong date is a data error the user
  should see and fix, and silently dropping it would shift the article in every time series.
* A date fulcrum only *infers* (a URL's date, an HTML page's metadata, a feed entry's timestamp) is
  simply not used when it is out of range; the next source of a date is used instead.

Numeric dates whose day and month cannot be told apart (``03/04/2024``) are refused as ambiguous; write
them as ISO ``YYYY-MM-DD``.
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import re
from datetime import date, datetime, timedelta

__all__ = ["MIN_DATE", "latest_date", "parse_date", "check_date", "plausible", "date_from_url", "date_basis",
           "is_live_page", "DATE_BASES"]

MIN_DATE = date(1900, 1, 1)

_TEXT_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%d %B, %Y", "%d %b, %Y",
    "%A, %B %d, %Y", "%a, %b %d, %Y", "%A %d %B %Y", "%a %d %b %Y", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d",
    "%b. %d, %Y",
)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# Trailing times/zones after a written date: "October 7, 2023 10:30 AM EST".
_TIME_TAIL = re.compile(r"[ ,T]+\d{1,2}:\d{2}(:\d{2})?(\.\d+)?\s*([AaPp]\.?[Mm]\.?)?\s*([A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?$")


def latest_date() -> date:
    """The latest publication date accepted: tomorrow."""
    return date.today() + timedelta(days=1)


def plausible(d: date) -> bool:
    return MIN_DATE <= d <= latest_date()


def check_date(d: date) -> date:
    """``d`` if it lies in [1900-01-01, tomorrow]; else :class:`ValueError` saying why."""
    if d < MIN_DATE:
        raise ValueError(f"date {d.isoformat()} is before {MIN_DATE.isoformat()}")
    if d > latest_date():
        raise ValueError(f"date {d.isoformat()} is in the future")
    return d


def parse_date(value: object) -> date:
    """Parse a publication date (ISO date or datetime, RFC 2822, "October 7, 2023", "7 Oct 2023", ...).

    Raises :class:`ValueError` with a message for a value that is not a date, is ambiguous, or is out of
    range (see the module docstring).
    """
    if isinstance(value, datetime):
        return check_date(value.date())
    if isinstance(value, date):
        return check_date(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__} {value!r}")
    s = value.strip()
    if not s:
        raise ValueError("date is empty")
    return check_date(_parse_string(s))


def _parse_string(s: str) -> date:
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        pass
    m = _NUMERIC.match(s)
    if m:
        a, b, y = (int(g) for g in m.groups())
        if a > 12 >= b:
            return _ymd(y, b, a, s)
        if b > 12 >= a:
            return _ymd(y, a, b, s)
        if a == b:
            return _ymd(y, a, b, s)
        raise ValueError(f"ambiguous date {s!r} (day and month could be swapped); write it as YYYY-MM-DD")
    if "," in s or re.search(r"\d{1,2}:\d{2}", s):
        try:
            parsed = email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            return parsed.date()
    bare = _TIME_TAIL.sub("", s).strip()
    for fmt in _TEXT_FORMATS:
        try:
            return datetime.strptime(bare, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"cannot read {s!r} as a date; use YYYY-MM-DD")


def _ymd(y: int, m: int, d: int, s: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"{s!r} is not a valid date") from None


# -- dates in URLs ---------------------------------------------------------------------------------

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_URL_YMD = (
    re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?=[/_.-]|$)"),  # /2023/11/22/
    re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"),  # 2023-11-22
)
#: Month names: ``/2023/dec/01/`` (the Guardian) and ``nov-24-2023`` (press releases); (year, month, day) groups.
_URL_MONTH_NAME = (
    (re.compile(rf"/((?:19|20)\d\d)/{_MON}/(\d{{1,2}})(?=[/_.-]|$)", re.I), (1, 2, 3)),
    (re.compile(rf"(?<![a-z]){_MON}-(\d{{1,2}})-((?:19|20)\d\d)(?!\d)", re.I), (3, 1, 2)),
)
#: ``11-21-2023``, ``21-11-2023`` and, unpadded, ``12-1-2023`` (AP)
_URL_XY_YEAR = re.compile(r"(?<!\d)(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)(?!\d)")
_URL_COMPACT = re.compile(r"(?<![\d])((?:19|20)\d\d)(\d\d)(\d\d)(?![\d])")  # 20231005-
_URL_MDY_SHORT = re.compile(r"(?<!\d)(\d\d)-(\d\d)-(\d\d)(?![\d])")  # 03-01-24
_GOOGLE_NEWS = re.compile(r"^https?://news\.google\.com/(?:rss/)?articles/([A-Za-z0-9_-]+)")
_EMBEDDED_URL = re.compile(rb"https?://[\x21-\x7e]+")

#: A URL date further than this from the date the listing gives is taken to be about something else.
URL_DATE_WINDOW = timedelta(days=366)


def google_news_target(url: str) -> str | None:
    """The publisher's URL encoded in an (older-style) Google News article link, when it can be decoded."""
    m = _GOOGLE_NEWS.match(url)
    if not m:
        return None
    token = m.group(1)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    found = _EMBEDDED_URL.search(raw)
    return found.group(0).decode("ascii") if found else None


def date_from_url(url: str, near: date | None = None) -> date | None:
    """The publication date a URL carries (``/2023/11/22/``, ``/2023/dec/01/``, ``-11-21-2023``, ``-12-1-2023``,
    ``nov-24-2023``, ``20231005-``, ...).

    Google News links are decoded to the publisher's URL first.  ``near`` (the date a listing gives)
    resolves day/month order in ``dd-dd-yyyy`` and rejects dates more than a year away from it.
    Returns ``None`` when the URL has no plausible date.
    """
    url = google_news_target(url) or url
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    candidates: list[list[date]] = []
    for rx in _URL_YMD:
        candidates.append([d for m in rx.finditer(path) if (d := _try(m[1], m[2], m[3]))])
    for rx, (y, mo, dd) in _URL_MONTH_NAME:
        candidates.append([d for m in rx.finditer(path)
                           if (d := _try(m[y], str(_MONTH_NAMES.index(m[mo][:3].lower()) + 1), m[dd]))])
    xy = []
    for m in _URL_XY_YEAR.finditer(path):
        options = [d for d in (_try(m[3], m[1], m[2]), _try(m[3], m[2], m[1])) if d]
        if len(set(options)) == 1 or (options and near is not None):
            xy.append(options)
    candidates.append([_nearest(o, near) for o in xy])
    candidates.append([d for m in _URL_COMPACT.finditer(path) if (d := _try(m[1], m[2], m[3]))])
    candidates.append([d for m in _URL_MDY_SHORT.finditer(path) if (d := _try("20" + m[3], m[1], m[2]))])
    for group in candidates:
        for d in group:
            if plausible(d) and (near is None or abs(d - near) <= URL_DATE_WINDOW):
                return d
    return None


def _try(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _nearest(options: list[date], near: date | None) -> date:
    if near is None or len(options) == 1:
        return options[0]
    return min(options, key=lambda d: abs(d - near))


# -- how reliable an article's date is --------------------------------------------------------------

#: What an article's publication date rests on, most reliable first (see :func:`date_basis`).
DATE_BASES: tuple[str, ...] = ("stated", "url", "updated", "live", "listing")

_LIVE = re.compile(r"/live/|/live-?blogs?/|live-?updates?|live-?blog|live-news|/live-", re.I)
#: A slug that announces something as coming ("due-release", "set-to-free", "ahead-of-swap").
_PROSPECTIVE = re.compile(
    r"\b(?:due|set|expected|expects?|poised|ready|ahead|awaits?|awaiting|prepares?|preparing|plans?|will)"
    r"(?:\W+\w+){0,2}?\W+(?:release[sd]?|releasing|free[sd]?|freeing|hand(?:s|ed)?|swap|exchange)\b",
    re.I)


def is_live_page(url: str) -> bool:
    """Whether a URL is a live page (``/news/live/``, ``/liveblog/``, ``live-updates``): its title is its
    latest update, and a listing's date for it only says when it was first seen."""
    url = google_news_target(url) or url
    path = url.split("://", 1)[-1]
    return bool(_LIVE.search(path[path.find("/"):] if "/" in path else ""))


def date_basis(url: str | None, published: date | None, title: str | None = None) -> str:
    """What a headline's publication date rests on -- one of :data:`DATE_BASES`:

    ``"stated"``   no URL: the date was given by the source itself (a record's ``published`` field);
    ``"url"``      the URL carries that date (and the page is no live page without a date of its own);
    ``"updated"``  the URL carries it, but the URL's slug announces as coming ("due-release",
                   "set-to-free") what the title reports as done: the title is a later update, so the date
                   is only the earliest the title can be from;
    ``"live"``     a live page whose URL has no date: the title is its latest update, and the date (when the
                   page was first listed) is only the earliest the title can be from;
    ``"listing"``  the URL does not carry the date: it is a listing's date, often one day early.
    """
    if not url:
        return "stated"
    on_url = date_from_url(url, near=published) if published is not None else None
    if published is None or on_url != published:
        return "live" if is_live_page(url) else "listing"
    target = google_news_target(url) or url
    slug = target.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
    if _PROSPECTIVE.search(slug) and not _PROSPECTIVE.search(title or ""):
        return "updated"
    return "url"
