"""Event dates and claim as-of dates resolved against the publication date (or an inferred year), with a
precision.

**Finding date mentions.**  One compiled regular expression finds the forms news uses (ISO dates,
"Thursday, October 26", "Oct. 26, 2023", "26 October", "on Wednesday", "last Thursday", "yesterday",
"last night", "overnight", "three days ago", "last week", "in October", "in 2023"); spaCy DATE entities
that it misses and that look like an explicit date ("10/26/2023") go to ``dateparser`` -- only those, with
``RELATIVE_BASE`` = the base date and ``PREFER_DATES_FROM = "past"``, cached per (string, base).

**Resolving** (base = ``article.published``):

==============================  ==================================================  =========
text                            date                                                precision
==============================  ==================================================  =========
"on Thursday", "Thursday's"     the latest Thursday on or before the base           day
"last Thursday"                 the latest Thursday strictly before the base        day
"next Thursday", future verb    the first Thursday on or after the base              day
"today", "this morning"         the base                                            day
"yesterday", "last night",      the base minus one day                              day
"overnight"
"three days ago"                the base minus three days                           day
"October 26" (no year)          the latest October 26 on or before the base          day
"last week", "last week's"      the base minus seven days                           week (*)
"in October", "earlier this     the first day of that month                         month
month", "last month"
"in 2023", "last year"          January 1 of that year                              year
==============================  ==================================================  =========

(*) a week-vague date is stored as the base minus seven days with precision "week".

A resolved date after the base is dropped unless the words governing it look ahead ("will", "expected
to", "is set to", "plans to", "scheduled", "next", "coming"): a planned or expected event may have a
future date ("talks are expected to resume on Sunday" -> the Sunday after publication).

**No publication date.**  Weekday-relative words then fix nothing and stay unresolved.  A month and day
that come with a weekday ("Thursday, October 26") fix the year: the latest year, not after ``today``, in
which that day falls on that weekday (2023 for Thursday, October 26, seen from 2026).  Dates with an
explicit year do too.  The latest of these anchors then stands in for the publication date when resolving
the other month-day mentions of the article (the year nearest the anchor): "since the October 7 attack" ->
2023-10-07.  No topic knowledge is used.

**Choosing.**  An event takes a date mention of its own sentence: first one attached to its trigger in the
parse (the trigger is on the path from the date to its clause's verb, or both share that verb), then the
nearest to the trigger.  Mentions introduced by "since", "from", "until", "before", "after" are anchors,
not the event's date.  No mention: the day the paragraph is narrating, when one of the three sentences
before it opens on a day something happened on (:func:`_narrated_day`); else ``date=None``, precision
``"none"``.  A claim's ``as_of`` is the date
of its sentence's nearest mention, else the publication date.

:func:`find_dates` returns every mention of an article with its resolution and relation, so anchors such
as "since the October 7 attack" stay findable.
"""

from __future__ import annotations

import calendar
import re
import warnings
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Any

from fulcrum.extract.base import Component
from fulcrum.extract.syntax import attached_to, clause_verb
from fulcrum.model import Article

__all__ = ["DateResolver", "DateMention", "find_dates", "infer_year"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a": 1}

_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
      r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_W = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"

_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{_Y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b)
  | (?P<full>\b(?:(?P<fwd>{_W}),?\s+)?
        (?:(?P<fm1>{_M})\.?\s+(?P<fd1>{_D})|(?P<fd2>{_D})\s+(?:of\s+)?(?P<fm2>{_M})\b\.?)
        (?:,?\s+(?P<fy>{_Y}))?\b)
  | (?P<monthyear>\b(?P<mym>{_M})\.?,?\s+(?P<myy>{_Y})\b)
  | (?P<inmonth>\b(?P<imprep>(?i:in|since|during|until|by|early|late|mid-|end\sof|earlier\sin|later\sin))\s+
        (?P<imm>{_M})\b(?!\s*\d))
  | (?P<wday>\b(?:(?P<wmod>(?i:last|next|this|coming|past))\s+)?(?P<wd>{_W})(?:'s|’s)?
        (?:\s+(?P<wpart>morning|night|evening|afternoon))?\b)
  | (?P<rel>\b(?i:yesterday|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening)|
        earlier\s+today|later\s+today)\b)
  | (?P<ago>\b(?P<agon>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a))\s+
        (?P<agou>(?i:days?|weeks?))\s+(?i:ago)\b)
  | (?P<period>\b(?P<pmod>(?i:last|this|earlier\s+this|later\s+this|past))\s+(?P<punit>(?i:week|month|year))(?:'s|’s)?\b)
  | (?P<year>\b(?P<yprep>(?i:in|since|during|until|by|early|late|mid-|of))\s+(?P<yy>{_Y})\b(?!-))
    """,
    re.VERBOSE,
)
_CASE_FREE = re.compile(r"\b(yesterday|today|tonight|overnight|last night)\b", re.I)
_RELATION = re.compile(r"\b(since|from|until|till|before|after|ahead\s+of|prior\s+to|by)\s+(?:the\s+)?$",
                       re.I)
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_LEMMAS = {"expect", "plan", "schedule", "set", "due", "intend", "aim", "prepare", "hope", "slate",
                  "poise"}
_NUMERIC = re.compile(r"(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d(?![\d/.])")
_MONTH_WORD = re.compile(rf"\b{_M}\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in an article's text and what it resolves to.

    ``relation`` is ``"on"`` for a date something happened on, or the word that makes it an anchor
    (``"since"``, ``"until"``, ``"before"``, ``"after"``, ``"from"``, ``"by"``).  ``future`` tells that
    the words governing it look ahead, so a date after publication is legitimate.
    """

    start: int
    end: int
    text: str
    date: date | None
    precision: str
    kind: str
    relation: str = "on"
    future: bool = False


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    kind: str
    groups: tuple[tuple[str, str | None], ...]

    def g(self, name: str) -> str | None:
        return dict(self.groups).get(name)


def infer_year(month: int, day: int, weekday: int, today: date, window: int = 40) -> int | None:
    """The latest year, not after ``today``, in which ``month``/``day`` falls on ``weekday``."""
    for year in range(today.year, today.year - window, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= today and d.weekday() == weekday:
            return year
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: date, past_only: bool) -> date | None:
    cands = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(date(year, month, day))
        except ValueError:
            continue
    if past_only:
        past = [c for c in cands if c <= ref]
        return max(past) if past else None
    return min(cands, key=lambda c: abs((c - ref).days)) if cands else None


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None) -> date | None:
    """dateparser on one explicit date string (cached per string and base)."""
    import dateparser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = dateparser.parse(text, languages=["en"], settings=settings)
        except (ValueError, TypeError, OverflowError):
            return None
    return parsed.date() if parsed is not None else None


def _scan(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _PATTERN.finditer(text):
        kind = next(k for k in ("iso", "full", "monthyear", "inmonth", "wday", "rel", "ago", "period", "year")
                    if m.group(k))
        groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
        out.append(_Raw(m.start(kind), m.end(kind), kind, groups))
    # numeric dates ("26/10/2023"; month first when ambiguous, as dateparser reads English) go to dateparser
    for m in _NUMERIC.finditer(text):
        if not any(r.start <= m.start() < r.end for r in out):
            out.append(_Raw(m.start(), m.end(), "numeric", (("numeric", m.group(0)),)))
    # lower-case keywords the main pattern (case-sensitive for month and weekday names) may miss
    for m in _CASE_FREE.finditer(text):
        if not any(r.start <= m.start() < r.end for r in out):
            out.append(_Raw(m.start(), m.end(), "rel", (("rel", m.group(0)),)))
    out.sort(key=lambda r: r.start)
    return out


def _relation(text: str, start: int) -> str:
    m = _RELATION.search(text[max(0, start - 20): start])
    if not m:
        return "on"
    word = m.group(1).lower().split()[0]
    return {"till": "until", "ahead": "before", "prior": "before"}.get(word, word)


def _token_at(doc: Any, start: int, end: int) -> Any:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _looks_ahead(tok: Any) -> bool:
    """The words governing ``tok`` look ahead: "will resume", "expected to resume", "plans to meet"."""
    if tok is None:
        return False
    verb = clause_verb(tok)
    cur = verb
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in cur.children):
            return True
        if cur.lemma_.lower() in _FUTURE_LEMMAS or any(
                c.dep_ == "amod" and c.lemma_.lower() in ("due", "set") for c in cur.children):
            return True
        # "is to meet", "are due to"
        if any(c.dep_ in ("aux",) and c.lower_ == "to" for c in cur.children) and cur.head.lemma_ == "be":
            return True
        if cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() in _FUTURE_LEMMAS:
            return True
    return False


def _first_of_month(y: int, m: int) -> date:
    return date(y, m, 1)


def _shift_month(d: date, months: int) -> date:
    idx = d.year * 12 + d.month - 1 + months
    return date(idx // 12, idx % 12 + 1, 1)


def _month_day(raw: _Raw) -> tuple[int, int] | None:
    mname = raw.g("fm1") or raw.g("fm2")
    dtext = raw.g("fd1") or raw.g("fd2")
    if not mname or not dtext:
        return None
    month = _MONTHS[mname.lower().rstrip(".")]
    day = int(re.sub(r"\D", "", dtext))
    if day > calendar.monthrange(2024, month)[1]:
        return None
    return month, day


def _anchors(raws: list[_Raw], today: date) -> list[date]:
    """Dates an undated article fixes by itself: explicit years and weekday-agreeing month-days."""
    out: list[date] = []
    for raw in raws:
        try:
            if raw.kind == "iso":
                out.append(date(int(raw.g("iy") or 0), int(raw.g("im") or 0), int(raw.g("id") or 0)))
            elif raw.kind == "full":
                md = _month_day(raw)
                if md is None:
                    continue
                if raw.g("fy"):
                    out.append(date(int(raw.g("fy") or 0), *md))
                elif raw.g("fwd"):
                    year = infer_year(md[0], md[1], _WEEKDAYS[(raw.g("fwd") or "").lower()], today)
                    if year is not None:
                        out.append(date(year, *md))
        except ValueError:
            continue
    return [d for d in out if d <= today]


def _resolve(raw: _Raw, text: str, base: date | None, published: bool, future: bool,
             today: date) -> tuple[date | None, str]:
    """(date, precision) of one mention; ``published`` tells that ``base`` is the publication date, not an
    anchor inferred from the text (weekday words need a publication date)."""
    k = raw.kind
    try:
        if k == "iso":
            return date(int(raw.g("iy") or 0), int(raw.g("im") or 0), int(raw.g("id") or 0)), "day"
        if k == "full":
            md = _month_day(raw)
            if md is None:
                return None, "none"
            if raw.g("fy"):
                return date(int(raw.g("fy") or 0), *md), "day"
            if base is not None and raw.g("fwd"):
                # the weekday picks the year: the agreeing date nearest the base (a later one is dropped
                # afterwards unless the words look ahead)
                wd = _WEEKDAYS[(raw.g("fwd") or "").lower()]
                agree = [c for y in (base.year - 1, base.year, base.year + 1)
                         if (c := _safe_date(y, *md)) is not None and c.weekday() == wd]
                if agree:
                    return min(agree, key=lambda c: abs((c - base).days)), "day"
            if base is not None:
                d = _nearest_year(md[0], md[1], base, past_only=published and not future)
                if d is not None and published and future and d < base:
                    d = _nearest_year(md[0], md[1], base, past_only=False)
                return d, ("day" if d else "none")
            if raw.g("fwd"):
                year = infer_year(md[0], md[1], _WEEKDAYS[(raw.g("fwd") or "").lower()], today)
                if year is not None:
                    return date(year, *md), "day"
            return None, "none"
        if k == "numeric":
            d = _dateparser(text[raw.start:raw.end], base if published else None)
            return d, ("day" if d else "none")
        if k == "monthyear":
            return date(int(raw.g("myy") or 0), _MONTHS[(raw.g("mym") or "").lower()], 1), "month"
        if k == "year":
            return date(int(raw.g("yy") or 0), 1, 1), "year"
        if k == "inmonth":
            if base is None:
                return None, "none"
            month = _MONTHS[(raw.g("imm") or "").lower()]
            year = base.year if month <= base.month or future else base.year - 1
            if future and month < base.month:
                year = base.year + 1
            return date(year, month, 1), "month"
        if base is None or not published:
            return None, "none"
        if k == "wday":
            wd = _WEEKDAYS[(raw.g("wd") or "").lower()]
            mod = (raw.g("wmod") or "").lower()
            back = (base.weekday() - wd) % 7
            ahead = (wd - base.weekday()) % 7
            if mod in ("next", "coming"):
                return base + timedelta(days=ahead or 7), "day"
            if mod in ("last", "past"):
                return base - timedelta(days=back or 7), "day"
            if future:
                return base + timedelta(days=ahead), "day"
            return base - timedelta(days=back), "day"
        if k == "rel":
            word = re.sub(r"\s+", " ", text[raw.start:raw.end].lower())
            if word in ("yesterday", "last night", "overnight"):
                return base - timedelta(days=1), "day"
            return base, "day"
        if k == "ago":
            n_text = (raw.g("agon") or "").lower()
            n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS.get(n_text, 0)
            unit = (raw.g("agou") or "").lower()
            if unit.startswith("week"):
                return base - timedelta(days=7 * n), ("day" if n == 0 else "week")
            return base - timedelta(days=n), "day"
        if k == "period":
            mod = re.sub(r"\s+", " ", (raw.g("pmod") or "").lower())
            unit = (raw.g("punit") or "").lower()
            if unit == "week":
                if mod in ("last", "past"):
                    return base - timedelta(days=7), "week"
                return base, "week"
            if unit == "month":
                if mod in ("last",):
                    return _shift_month(base, -1), "month"
                return _first_of_month(base.year, base.month), "month"
            if mod in ("last",):
                return date(base.year - 1, 1, 1), "year"
            return date(base.year, 1, 1), "year"
    except (ValueError, KeyError):
        return None, "none"
    return None, "none"


def find_dates(article: Article, doc: Any = None, today: date | None = None) -> list[DateMention]:
    """Every date mention of ``article`` with its resolution (see the module docstring)."""
    today = today or date.today()
    text = article.text
    raws = _scan(text)
    published = article.published
    if published is not None:
        base: date | None = published
    else:
        anchors = _anchors(raws, today)
        base = max(anchors) if anchors else None
    out: list[DateMention] = []
    for raw in raws:
        tok = _token_at(doc, raw.start, raw.end)
        future = _looks_ahead(tok) or bool(raw.g("wmod") in ("next", "coming"))
        d, precision = _resolve(raw, text, base, published is not None, future, today)
        prep = (raw.g("yprep") or raw.g("imprep") or "").lower()
        relation = _relation(text, raw.start) if prep in ("", "in", "during", "of", "early", "late", "mid-",
                                                            "end of", "earlier in", "later in") else prep
        out.append(DateMention(raw.start, raw.end, text[raw.start:raw.end], d, precision, raw.kind,
                               relation, future))
    if doc is not None:
        out.extend(_entity_dates(doc, out, base, text))
        out.sort(key=lambda m: m.start)
    return out


def _entity_dates(doc: Any, seen: list[DateMention], base: date | None, text: str) -> list[DateMention]:
    """spaCy DATE entities the regex missed that name a month and a number ("Oct 26th-27th"): to
    dateparser."""
    out = []
    # overlap test in O(log n): mentions sorted by start, with the running maximum of their ends
    spans = sorted((m.start, m.end) for m in seen)
    starts = [s for s, _ in spans]
    max_end = list(accumulate((e for _, e in spans), max))
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        k = bisect_left(starts, ent.end_char)  # mentions [0, k) start before the entity ends
        if k and max_end[k - 1] > ent.start_char:
            continue
        if not (_MONTH_WORD.search(ent.text) and re.search(r"\d", ent.text)):
            continue
        d = _dateparser(ent.text, base)
        if d is not None:
            out.append(DateMention(ent.start_char, ent.end_char, ent.text, d, "day", "dateparser",
                                   _relation(text, ent.start_char)))
    return out


class DateResolver(Component):
    """Sets ``event.date`` / ``date_precision`` / ``date_text`` and ``claim.as_of``.

    ``today`` bounds year inference for undated articles (default: the current date).
    """

    name = "dates"
    requires = ("events", "claims")
    assigns = ("event.date", "claim.as_of")

    def __init__(self, today: date | None = None) -> None:
        self.today = today

    def __call__(self, article: Article, doc: Any) -> Article:
        mentions = find_dates(article, doc, self.today)
        published = article.published
        by_sentence: dict[int, list[DateMention]] = {}
        for m in mentions:
            s = article.sentence_at(m.start)
            if s is not None:
                by_sentence.setdefault(s.index, []).append(m)
        for ev in article.events:
            ev.date, ev.date_precision, ev.date_text = None, "none", None
            cands = [m for m in by_sentence.get(ev.sentence_index, []) if _usable(m, published)]
            if not cands:
                told = _narrated_day(article, by_sentence, ev.sentence_index, published)
                if told is not None:
                    ev.date, ev.date_precision, ev.date_text = told.date, told.precision, told.text
                continue
            t_start = ev.trigger.start if ev.trigger else ev.start
            t_end = ev.trigger.end if ev.trigger else ev.end
            trig = _token_at(doc, t_start, t_end)
            best = min(cands, key=lambda m: (_reports_other(article.text, m, t_start),
                                             not _attached(doc, m, trig), abs(m.start - t_start)))
            ev.date, ev.date_precision, ev.date_text = best.date, best.precision, best.text
        for cl in article.claims:
            cands = [m for m in by_sentence.get(cl.sentence_index, []) if _usable(m, published)]
            if cands:
                best = min(cands, key=lambda m: abs(m.start - cl.start))
                cl.as_of = best.date
            else:
                cl.as_of = published
        return article


#: How many sentences back a narrated day carries (within one paragraph).
CARRY_SENTENCES = 3


def _narrated_day(article: Article, by_sentence: dict[int, list[DateMention]], index: int,
                  published: date | None) -> DateMention | None:
    """The day a sentence without a date of its own goes on narrating: "On 14 March, gunmen attacked a
    checkpoint in X. Soldiers returned fire ..." -- the latest dated sentence before it in the same
    paragraph, up to :data:`CARRY_SENTENCES` back, when that sentence's first date is a day on which
    something happened (not the day of a statement: "said on Tuesday"; not an anchor: "since 7 October").
    A sentence whose first date is vaguer (a month, a year) ends the search: the story has moved on."""
    sentences = article.sentences
    for k in range(index - 1, max(-1, index - 1 - CARRY_SENTENCES), -1):
        if "\n\n" in article.text[sentences[k].end:sentences[k + 1].start]:
            return None  # a new paragraph starts after sentence k
        ms = [m for m in by_sentence.get(k, []) if m.relation == "on" and m.date is not None]
        if not ms:
            continue
        first = min(ms, key=lambda m: m.start)
        if first.precision != "day" or not _usable(first, published) or _REPORT_BEFORE.search(
                article.text[max(0, first.start - 30): first.start]):
            return None
        return first
    return None


_REPORT_BEFORE = re.compile(r"\b(said|says|told|announced|reported|stated|added|confirmed|claimed|denied|"
                            r"declared|tweeted|wrote|posted|warned)\s+(?:(?:on|late|early)\s+)*$", re.I)


def _reports_other(text: str, m: DateMention, trigger_start: int) -> bool:
    """The date is that of a report ("said on Tuesday") and the event is not the report itself."""
    hit = _REPORT_BEFORE.search(text[max(0, m.start - 30): m.start])
    if not hit:
        return False
    verb_start = m.start - 30 + hit.start(1) if m.start >= 30 else hit.start(1)
    return not (verb_start <= trigger_start < m.start)


def _usable(m: DateMention, published: date | None) -> bool:
    if m.date is None or m.relation != "on":
        return False
    return published is None or m.date <= published or m.future


def _attached(doc: Any, m: DateMention, trig: Any) -> bool:
    """The date hangs off the event's trigger: the trigger is on the way from the date up to its clause's
    verb, or both belong to the same verb."""
    if doc is None or trig is None:
        return False
    return attached_to(_token_at(doc, m.start, m.end), trig)
