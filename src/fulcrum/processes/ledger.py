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
  true (``=24`` and ``=25``; ``>130`` and ``~110``); each is flagged with the figures involved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["LedgerPoint", "Series", "Contradiction", "Ledger", "build_ledger", "interval", "compatible"]

#: Words between two figures of the same kind in one sentence that make the second a part of the first.
SUBSET_CUES = re.compile(r"\b(among them|among whom|including|includes|included|incl\.|out of which|of which)\b",
                         re.I)
#: ... or words right after the second figure ("13 of them Israeli").
SUBSET_AFTER = re.compile(r"^\W{0,3}(\w+\s+)?(of them|of whom|among them|of those)\b", re.I)
#: Relative width of "about" (``~``) figures.
ABOUT = 0.1


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

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "what": self.what, "kind": self.kind, "claimant": self.claimant,
                "as_of": self.as_of.isoformat() if self.as_of else None, "comparator": self.comparator,
                "value": self.value, "outlet": self.outlet, "article_id": self.article_id,
                "external_id": self.external_id,
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

    @property
    def points(self) -> list[LedgerPoint]:
        return sorted((p for s in self.series for p in s.points),
                      key=lambda p: (p.what, p.as_of or date.min, p.claimant, p.value))

    def to_dict(self) -> dict[str, Any]:
        return {"series": [s.to_dict() for s in self.series],
                "contradictions": [c.to_dict() for c in self.contradictions]}


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


def build_ledger(claims: Sequence[dict[str, Any]], what: str | None = None) -> Ledger:
    """The ledger of claim records (optionally of one ``what``)."""
    claims = [c for c in claims if what is None or c["what"] == what]
    own, parts = _split_parts(claims)
    points = []
    for c in own:
        as_of = _day(c.get("as_of")) or _day(c.get("published"))
        claimant = (c.get("claimant") or "").strip() or "(unattributed)"
        points.append(LedgerPoint(
            claim_id=c["id"], what=c["what"], kind=_kind(c.get("cumulative")), claimant=claimant, as_of=as_of,
            comparator=c.get("comparator") or "=", value=float(c["value"]), outlet=c.get("outlet"),
            article_id=c["article_id"], external_id=c.get("external_id"), published=_day(c.get("published")),
            text=c.get("text") or "",
            parts=[{"claim_id": p["id"], "comparator": p.get("comparator") or "=", "value": float(p["value"])}
                   for p in parts.get(c["id"], [])]))
    by_series: dict[tuple[str, str, str], list[LedgerPoint]] = defaultdict(list)
    for p in points:
        by_series[(p.what, p.kind, p.claimant.lower())].append(p)
    series = []
    for (w, kind, _), pts in sorted(by_series.items()):
        pts.sort(key=lambda p: (p.as_of or date.min, p.published or date.min, p.article_id, p.claim_id))
        said: dict[date | None, tuple[str, float]] = {}
        for p in pts:
            prev = said.get(p.as_of)
            if prev is not None and not compatible(prev, (p.comparator, p.value)):
                p.revises = prev[1]
            said[p.as_of] = (p.comparator, p.value)
        series.append(Series(what=w, kind=kind, claimant=pts[0].claimant, points=pts))
    contradictions = []
    by_day: dict[tuple[str, str, date], list[LedgerPoint]] = defaultdict(list)
    for p in points:
        if p.as_of is not None:
            by_day[(p.what, p.kind, p.as_of)].append(p)
    for (w, kind, day), pts in sorted(by_day.items()):
        bad = set()
        for i, a in enumerate(pts):
            for b in pts[i + 1:]:
                if not compatible((a.comparator, a.value), (b.comparator, b.value)):
                    bad.update((a.claim_id, b.claim_id))
        if bad:
            figs = [p for p in pts if p.claim_id in bad]
            for p in figs:
                p.contradicted = True
            contradictions.append(Contradiction(what=w, kind=kind, as_of=day, figures=figs))
    return Ledger(series=series, contradictions=contradictions)
