"""The claims ledger: every claimed figure, as a series per claimant, with revisions and contradictions.

The input is claim records (``fulcrum.store.processes.ledger_claims``): a figure with its ``what``,
value, comparator, claimant, outlet, as-of date (else the publication date) and whether it is
cumulative.  Nothing is averaged:

* figures are kept apart by *kind* -- cumulative ("the toll rose to 14,800"), daily ("24 freed on
  Friday") or unspecified -- and by claimant;
* a figure that is a part of another in the same sentence ("24 hostages freed, 13 of them Israeli") is
  kept as a part of it, not as a figure of its own;
* a *revision* is a figure from the same claimant for the same as-of date that differs from what that
  claimant said before;
* a *contradiction* is two figures for the same what, kind and as-of date whose ranges cannot both be
  true (``=24`` and ``=25``; ``>130`` and ``~110``); each is flagged with the figures involved;
* a figure scoped to one nationality ("ten more *Israeli* captives") keeps its ``scope`` and is compared
  only with figures of the same scope -- it is no day's total.

**Dating** (:func:`date_points`).  Every figure says what its date rests on (``dated_by``): a truce day
stated in the sentence ("on the fifth day of the truce", "the fourth group of hostages": the truce's first
day + N - 1, the truce found by the track builder), another date stated in the sentence, a date the
source gave, the article's URL date -- or only a weak date: a listing's date (often a day early), a live
page's or an updated article's first date (its title reports something later).  Daily figures of releases
(:data:`EXCHANGE_WHATS`) with a weak date are reconciled with the firmly dated ones: a figure equal to a
firmly dated one a little later is that report's release, dated like it; during a truce, when exchanges
come one a day, a figure that disagrees with its day's figure takes the first day of its window that no
other figure holds.  A moved figure keeps its first date in ``moved_from``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from fulcrum.dates import date_basis

__all__ = ["LedgerPoint", "Series", "Contradiction", "Ledger", "Truce", "build_ledger", "date_points",
           "truce_day", "truce_windows", "interval", "compatible", "EXCHANGE_WHATS", "FIRM_BASES", "SLACK"]

#: Words between two figures of the same kind in one sentence that make the second a part of the first.
SUBSET_CUES = re.compile(r"\b(among them|among whom|including|includes|included|incl\.|out of which|of which)\b",
                         re.I)
#: ... or words right after the second figure ("13 of them Israeli").
SUBSET_AFTER = re.compile(r"^\W{0,3}(\w+\s+)?(of them|of whom|among them|of those)\b", re.I)
#: Relative width of "about" (``~``) figures.
ABOUT = 0.1

#: Figures that come in one batch a day while a truce's exchanges last.
EXCHANGE_WHATS = frozenset({"hostages_released", "prisoners_released"})
#: What a figure's date may rest on that counts as firm (see :func:`date_points`).
FIRM_BASES = frozenset({"truce_day", "text", "stated", "url"})
#: Days after its weak date a figure may belong to: a listing's date is often a day early; a live page or an
#: updated article keeps its first date while its title reports what came later.
SLACK = {"listing": 1, "live": 2, "updated": 2}

_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_ORD = r"(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))"
_TRUCE_WORD = r"(?:truce|ceasefire|cease-fire|cease\s+fire|pause|lull|calm|cessation|armistice)"
_PEOPLE_WORD = r"(?:hostages?|captives?|prisoners?|detainees?|abductees?)"
#: Ordinal truce days and exchanges, each giving the truce day N.
TRUCE_DAY_PATTERNS = (
    # "on the fifth day of the (temporary) truce"
    re.compile(rf"\b{_ORD}\s+(?:full\s+)?day\s+of\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{_TRUCE_WORD}",
               re.I),
    # "day five of the truce"
    re.compile(rf"\bday\s+(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+of\s+(?:the\s+|a\s+)?"
               rf"(?:[\w-]+\s+){{0,3}}?{_TRUCE_WORD}", re.I),
    # "the truce holds into its second day", "ceasefire enters fifth day"
    re.compile(rf"{_TRUCE_WORD}\b[^.;]{{0,40}}?\b(?:into|enters?|entering)\s+(?:its\s+|a\s+|the\s+)?{_ORD}\s+day\b",
               re.I),
    # "the fourth group/batch/round of (Israeli) hostages"
    re.compile(rf"\b{_ORD}\s+(?:[\w-]+\s+){{0,2}}?(?:group|batch|round|set|wave|tranche)\s+of\s+(?:[\w-]+\s+){{0,3}}?"
               rf"{_PEOPLE_WORD}", re.I),
    # "the sixth exchange", "sixth captive-prisoner swap", "the third hostage release"
    re.compile(rf"\b{_ORD}\s+(?:{_PEOPLE_WORD}(?:[\s-]+(?:and|for)?[\s-]*{_PEOPLE_WORD})?[\s-]+)?"
               rf"(?:exchange|swap|release|handover)\b", re.I),
)
_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10}
#: A capitalised nationality ("Israeli", "Thai", "Americans") or "foreign" between a figure and what it counts.
_SCOPE = re.compile(r"\b([A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ai|no|na)s?|[Ff]oreign(?:ers?)?)\b")


def interval(comparator: str, value: float) -> tuple[float, float, bool, bool]:
    """The range a figure allows: (low, high, low open, high open)."""
    inf = float("inf")
    if comparator == ">":
        return value, inf, True, False
    if comparator == ">=":
        return value, inf, False, False
    if comparator == "<":
        return 0.0, value, False, True
    if comparator == "<=":
        return 0.0, value, False, False
    if comparator == "~":
        return value * (1 - ABOUT), value * (1 + ABOUT), False, False
    return value, value, False, False


def compatible(a: tuple[str, float], b: tuple[str, float]) -> bool:
    """Whether two (comparator, value) figures can both be true."""
    lo1, hi1, lo1_open, hi1_open = interval(*a)
    lo2, hi2, lo2_open, hi2_open = interval(*b)
    lo, lo_open = (lo1, lo1_open) if (lo1, lo1_open) > (lo2, lo2_open) else (lo2, lo2_open)
    hi, hi_open = (hi1, hi1_open) if (hi1, not hi1_open) < (hi2, not hi2_open) else (hi2, hi2_open)
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def _kind(cumulative: Any) -> str:
    return "cumulative" if cumulative is True else "daily" if cumulative is False else "unspecified"


def _day(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


@dataclass
class LedgerPoint:
    claim_id: str
    what: str
    kind: str
    claimant: str
    as_of: date | None
    comparator: str
    value: float
    outlet: str | None
    article_id: str
    external_id: str | None
    published: date | None
    text: str
    parts: list[dict[str, Any]] = field(default_factory=list)
    revises: float | None = None
    contradicted: bool = False
    #: What the as-of date rests on: truce_day, text, stated, url (firm) or listing, live, updated (weak).
    dated_by: str = "stated"
    #: The first date of a figure that reconciliation moved (see :func:`date_points`).
    moved_from: date | None = None
    #: A nationality the figure is limited to ("Israeli" in "ten more Israeli captives").
    scope: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "what": self.what, "kind": self.kind, "claimant": self.claimant,
                "as_of": self.as_of.isoformat() if self.as_of else None, "dated_by": self.dated_by,
                "moved_from": self.moved_from.isoformat() if self.moved_from else None, "scope": self.scope,
                "comparator": self.comparator,
                "value": self.value, "outlet": self.outlet, "article_id": self.article_id,
                "external_id": self.external_id, "url": self.url,
                "published": self.published.isoformat() if self.published else None, "text": self.text,
                "parts": self.parts, "revises": self.revises, "contradicted": self.contradicted}


@dataclass
class Series:
    what: str
    kind: str
    claimant: str
    points: list[LedgerPoint]

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "kind": self.kind, "claimant": self.claimant,
                "points": [p.to_dict() for p in self.points]}


@dataclass
class Contradiction:
    what: str
    kind: str
    as_of: date
    figures: list[LedgerPoint]

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "kind": self.kind, "as_of": self.as_of.isoformat(),
                "figures": [{"claimant": p.claimant, "outlet": p.outlet, "comparator": p.comparator,
                             "value": p.value, "article_id": p.article_id, "text": p.text}
                            for p in self.figures]}


@dataclass
class Ledger:
    series: list[Series]
    contradictions: list[Contradiction]
    #: claims left out because the report does not present the figure as having happened (the terms of
    #: a deal, a forecast, a denial: see :data:`FACTUAL_MODALITIES`)
    set_aside: int = 0

    @property
    def points(self) -> list[LedgerPoint]:
        return sorted((p for s in self.series for p in s.points),
                      key=lambda p: (p.what, p.as_of or date.min, p.claimant, p.value))

    def to_dict(self) -> dict[str, Any]:
        return {"series": [s.to_dict() for s in self.series],
                "contradictions": [c.to_dict() for c in self.contradictions], "set_aside": self.set_aside}


def _split_parts(claims: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Figures of their own, and the parts of each (by the id of the figure they belong to)."""
    by_sentence: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        by_sentence[(c["article_id"], c["sentence_index"], c["what"])].append(c)
    own: list[dict[str, Any]] = []
    parts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in by_sentence.values():
        group.sort(key=lambda c: c["start"])
        head = None
        for c in group:
            if head is not None:
                s0 = c.get("sentence_start") or 0
                text = c.get("text") or ""
                between = text[max(0, head["end"] - s0): max(0, c["start"] - s0)]
                after = text[max(0, c["end"] - s0):]
                if (SUBSET_CUES.search(between) or SUBSET_AFTER.search(after)) and c["value"] <= head["value"]:
                    parts[head["id"]].append(c)
                    continue
            own.append(c)
            head = c
    return own, parts


@dataclass(frozen=True)
class Truce:
    """A truce from a track's history: its first day (the ``implemented`` status) and the day it ended
    (the next ``collapsed`` status; ``None`` while it lasts)."""

    start: date
    end: date | None = None
    track_id: str | None = None

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day and (self.end is None or day < self.end)


def _first_day(status: dict[str, Any]) -> date | None:
    """A truce's first day: its ``implemented`` status date -- or the day after, when that is the first
    firmly dated report of it (the status date is a median that listing dates, often a day early, can pull
    back; a truce counts its days from the day it took effect)."""
    day = _day(status["date"])
    if day is None:
        return None
    firm = sorted(d for e in status.get("evidence") or ()
                  if e.get("dated_by") in FIRM_BASES and (d := _day(e.get("date"))) is not None and d >= day)
    return firm[0] if firm and firm[0] == day + timedelta(days=1) else day


def truce_windows(tracks: Sequence[dict[str, Any]]) -> list[Truce]:
    """The truces of track dicts (``read_tracks`` or ``Track.to_dict()``), busiest track first: each
    ``implemented`` status (dated by :func:`_first_day`) to the next ``collapsed`` one of its track (an
    implementation repeated before the collapse is the same truce)."""
    out: list[Truce] = []
    for t in tracks:
        start: date | None = None
        for st in t.get("statuses") or []:
            day = _day(st["date"])
            if st["status"] == "implemented" and start is None:
                start = _first_day(st)
            elif st["status"] == "collapsed" and start is not None and day is not None and day > start:
                out.append(Truce(start, day, t.get("id")))
                start = None
        if start is not None:
            out.append(Truce(start, None, t.get("id")))
    return out


def _truce_for(day: date, truces: Sequence[Truce]) -> Truce | None:
    """The truce a report of ``day`` speaks of: the latest to have begun by the day after it (listing
    dates are often a day early) and ended no more than a week before it; the busiest track wins ties."""
    best: Truce | None = None
    for t in truces:
        if t.start > day + timedelta(days=1) or (t.end is not None and t.end < day - timedelta(days=7)):
            continue
        if best is None or t.start > best.start:
            best = t
    return best


def truce_day(text: str, published: date | None, truces: Sequence[Truce]) -> date | None:
    """The date of an ordinal truce day or exchange in ``text`` ("on the fifth day of the truce", "the
    fourth group of hostages", "the sixth exchange"): the first day of the truce reported on + N - 1, when
    that day lies within the truce.  One exchange a day from the first day is assumed."""
    if published is None or not truces:
        return None
    for rx in TRUCE_DAY_PATTERNS:
        m = rx.search(text)
        if not m:
            continue
        groups = m.groupdict()
        word = (groups.get("n") or groups.get("w") or "").lower()
        n = _ORDINAL_WORDS.get(word) or _CARDINALS.get(word) or (int(re.sub(r"\D", "", word) or 0))
        truce = _truce_for(published, truces)
        if not n or truce is None:
            return None
        day = truce.start + timedelta(days=n - 1)
        return day if day in truce else None
    return None


def _scope(c: dict[str, Any]) -> str | None:
    """The nationality a figure is limited to: a capitalised demonym (or "foreign") between the number and
    the end of the claim's span ("Ten more Israeli captives", "11 Israelis")."""
    text = c.get("text") or ""
    s0 = c.get("sentence_start") or 0
    span = text[max(0, c["start"] - s0): max(0, c["end"] - s0)]
    parts = span.split(None, 1)
    m = _SCOPE.search(parts[1]) if len(parts) == 2 else None
    return m.group(1).rstrip("s").capitalize() if m else None


def _basis(c: dict[str, Any], as_of: date | None, published: date | None,
           truces: Sequence[Truce]) -> tuple[date | None, str]:
    """A claim's as-of date and what it rests on (see :data:`FIRM_BASES` and :data:`SLACK`)."""
    text = c.get("text") or ""
    day = truce_day(text, published, truces)
    if day is not None:
        return day, "truce_day"
    if as_of is not None and published is not None and as_of != published:
        return as_of, "text"
    return as_of, date_basis(c.get("url"), published, text)


def date_points(points: Sequence[LedgerPoint], truces: Sequence[Truce] = ()) -> None:
    """Reconcile the weakly dated daily release figures with the firmly dated ones, in place.

    For each what of :data:`EXCHANGE_WHATS`, the daily figures of no scope with a firm date hold their
    days.  Then each weakly dated one, in date order, may belong to any day from its date to
    :data:`SLACK` days later: (a) when a figure equal to it holds one of those days (or the day before its
    date: listing dates calibrated a day later can be a day late), it is that figure's release and moves
    there; (b) else, during a truce (one exchange a day), it takes the first of those days
    that no other figure holds -- its own day when that is free.  A figure with no such day stays, and a
    disagreement shows as a contradiction.
    """
    by_what: dict[str, list[LedgerPoint]] = defaultdict(list)
    for p in points:
        if p.what in EXCHANGE_WHATS and p.kind == "daily" and p.scope is None and p.as_of is not None:
            by_what[p.what].append(p)
    for pts in by_what.values():
        held: dict[date, list[tuple[str, float]]] = defaultdict(list)
        weak = []
        for p in pts:
            if p.dated_by in FIRM_BASES:
                held[p.as_of].append((p.comparator, p.value))  # type: ignore[index]
            else:
                weak.append(p)
        weak.sort(key=lambda p: (p.as_of, SLACK.get(p.dated_by, 0), p.article_id, p.claim_id))
        for p in weak:
            first = p.as_of
            assert first is not None
            days = [first + timedelta(days=k) for k in range(SLACK.get(p.dated_by, 0) + 1)]
            fig = (p.comparator, p.value)
            # (or the day before: a listing date moved a day later by the ingester's calibration, which is
            # right for most rows of its file, can be a day late for this one)
            near = days + [first - timedelta(days=1)]
            same = [d for d in near if any(f == fig for f in held.get(d, ()))]
            if same:
                p.as_of = same[0]
            else:
                truce = next((t for t in truces if first in t), None)
                if truce is not None:
                    free = [d for d in days if d in truce and all(compatible(f, fig) for f in held.get(d, ()))]
                    if free:
                        p.as_of = free[0]
            if p.as_of != first:
                p.moved_from = first
            held[p.as_of].append(fig)  # type: ignore[index]


#: Claim modalities whose figures the ledger keeps: stated, reported or believed to have happened.  A
#: figure in the terms of a deal ("a deal to release 50 hostages": planned), a forecast, a condition, a
#: hypothesis, a denial or a negation is not a count of what happened.
FACTUAL_MODALITIES = frozenset({"asserted", "reported", "believed"})


def build_ledger(claims: Sequence[dict[str, Any]], what: str | None = None,
                 truces: Sequence[Truce] = ()) -> Ledger:
    """The ledger of claim records (optionally of one ``what``); ``truces`` (:func:`truce_windows` of the
    tracks) date ordinal truce days and let daily release figures be reconciled (:func:`date_points`)."""
    claims = [c for c in claims if what is None or c["what"] == what]
    kept = [c for c in claims if (c.get("modality") or "asserted") in FACTUAL_MODALITIES]
    set_aside = len(claims) - len(kept)
    own, parts = _split_parts(kept)
    points = []
    for c in own:
        published = _day(c.get("published"))
        as_of, dated_by = _basis(c, _day(c.get("as_of")) or published, published, truces)
        claimant = (c.get("claimant") or "").strip() or "(unattributed)"
        points.append(LedgerPoint(
            claim_id=c["id"], what=c["what"], kind=_kind(c.get("cumulative")), claimant=claimant, as_of=as_of,
            comparator=c.get("comparator") or "=", value=float(c["value"]), outlet=c.get("outlet"),
            article_id=c["article_id"], external_id=c.get("external_id"), published=published,
            text=c.get("text") or "",
            parts=[{"claim_id": p["id"], "comparator": p.get("comparator") or "=", "value": float(p["value"])}
                   for p in parts.get(c["id"], [])],
            dated_by=dated_by, scope=_scope(c), url=c.get("url")))
    date_points(points, truces)
    by_series: dict[tuple[str, str, str], list[LedgerPoint]] = defaultdict(list)
    for p in points:
        by_series[(p.what, p.kind, p.claimant.lower())].append(p)
    series = []
    for (w, kind, _), pts in sorted(by_series.items()):
        pts.sort(key=lambda p: (p.as_of or date.min, p.published or date.min, p.article_id, p.claim_id))
        said: dict[tuple[date | None, str | None], tuple[str, float]] = {}
        for p in pts:
            prev = said.get((p.as_of, p.scope))
            if prev is not None and not compatible(prev, (p.comparator, p.value)):
                p.revises = prev[1]
            said[(p.as_of, p.scope)] = (p.comparator, p.value)
        series.append(Series(what=w, kind=kind, claimant=pts[0].claimant, points=pts))
    contradictions = []
    by_day: dict[tuple[str, str, date, str], list[LedgerPoint]] = defaultdict(list)
    for p in points:
        if p.as_of is not None:
            by_day[(p.what, p.kind, p.as_of, p.scope or "")].append(p)
    for (w, kind, day, _), pts in sorted(by_day.items()):
        bad: set[str] = set()
        for i, a in enumerate(pts):
            for b in pts[i + 1:]:
                if not compatible((a.comparator, a.value), (b.comparator, b.value)):
                    bad.update((a.claim_id, b.claim_id))
        if bad:
            figs = [p for p in pts if p.claim_id in bad]
            for p in figs:
                p.contradicted = True
            contradictions.append(Contradiction(what=w, kind=kind, as_of=day, figures=figs))
    return Ledger(series=series, contradictions=contradictions, set_aside=set_aside)
