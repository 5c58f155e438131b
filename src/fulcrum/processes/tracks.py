"""Negotiation tracks: who negotiates with whom, through which mediators, over what, and how it went.

The input is event records (``Store.events()``); nothing here reads the database.  Steps:

1. :func:`classify_event` gives each event a status from the fixed vocabulary (or none), tells a fact
   from an expectation, and lists the issues its sentence names -- all from the cue tables of
   :mod:`fulcrum.processes.cues`, read on the sentence's lemmas, the event type, mode and modality.
2. :func:`group_tracks` groups negotiation events by the parties (actor codes that are not mediators);
   an event naming one party joins that party's busiest track, an event naming none joins the busiest
   track sharing one of its issues.
3. :func:`status_history` turns each status's dated reports into episodes and dates each one robustly
   (see :class:`TrackParams`), and :func:`link_expectations` links expectations to what happened.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from fulcrum.dates import date_basis
from fulcrum.errors import InvalidParameter
from fulcrum.processes.cues import (
    DEAL,
    FORWARD_CUES,
    FORWARD_MODALITIES,
    ISSUES,
    MEDIATOR_CODES,
    NEGOTIATION_TYPES,
    NON_PARTY_CODES,
    STATUS_CUES,
    STATUSES,
    TALKS,
    TRUCE,
    VOID_MODALITIES,
    lemmas,
)

__all__ = ["TrackParams", "Classification", "StatusEntry", "Expectation", "Track", "classify_event",
           "build_tracks", "status_history", "link_expectations", "event_day"]

#: Date bases (``evidence["dated_by"]``) that are firm: a date in the sentence, one the source gave, the URL's.
FIRM_DATES = frozenset({"text", "stated", "url"})
#: Statuses that may follow themselves in a history (each extension is a change of the end date).
REPEATABLE = frozenset({"extended"})
#: An expectation of X is fulfilled by a later status in FULFILS[X].
FULFILS: dict[str, frozenset[str]] = {
    "resumed": frozenset({"resumed", "talks_held"}),
    "talks_held": frozenset({"talks_held", "resumed"}),
    "agreement_reached": frozenset({"agreement_reached"}),
    "implemented": frozenset({"implemented"}),
    "extended": frozenset({"extended"}),
    "collapsed": frozenset({"collapsed"}),
    "stalled": frozenset({"stalled"}),
    "progressing": frozenset({"progressing", "agreement_reached"}),
    "proposed": frozenset({"proposed"}),
}
#: An expectation of X is contradicted when one of these happens first.
CONTRARY: dict[str, frozenset[str]] = {
    "agreement_reached": frozenset({"stalled", "collapsed"}),
    "extended": frozenset({"collapsed"}),
    "implemented": frozenset({"collapsed", "stalled"}),
    "resumed": frozenset({"collapsed"}),
    "collapsed": frozenset({"extended"}),
}


@dataclass(frozen=True)
class TrackParams:
    """Parameters of track building (validated in one place, :meth:`validate`).

    ``min_outlets``: a day is a robust day for a status when at least this many distinct outlets report
    the status that day; robust days one day apart form one episode's core, and other reports join the
    nearest core.  It applies only to tracks reported by at least ``robust_from_outlets`` outlets -- in a
    small corpus every report counts.  ``first_outlets``: an episode is dated at the median of the first
    report dates of its first ``first_outlets`` outlets (the lower median), which resists one early or
    mis-dated report.  ``max_gap``: days without a report that end an episode.  ``horizon``: days an
    expectation stays open.  ``min_mediator_events``: events in which a mediator must appear.
    """

    min_outlets: int = 2
    robust_from_outlets: int = 8
    first_outlets: int = 5
    max_gap: int = 2
    horizon: int = 30
    min_mediator_events: int = 2

    def validate(self) -> TrackParams:
        for name in ("min_outlets", "robust_from_outlets", "first_outlets", "min_mediator_events"):
            v = getattr(self, name)
            if not isinstance(v, int) or v < 1:
                raise InvalidParameter(name, "TrackParams", "an int >= 1", v)
        for name in ("max_gap", "horizon"):
            v = getattr(self, name)
            if not isinstance(v, int) or v < 0:
                raise InvalidParameter(name, "TrackParams", "an int >= 0", v)
        return self


@dataclass(frozen=True)
class Classification:
    status: str | None
    expectation: bool
    issues: tuple[str, ...]
    cue: str | None


@dataclass
class StatusEntry:
    date: date
    status: str
    evidence: list[dict[str, Any]]
    n_reports: int = 0
    n_outlets: int = 0
    first_reported: dt.date | None = None  # dt.date: inside the class, ``date`` names the field above

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "status": self.status, "n_reports": self.n_reports,
                "n_outlets": self.n_outlets,
                "first_reported": self.first_reported.isoformat() if self.first_reported else None,
                "evidence": self.evidence}


@dataclass
class Expectation:
    date: date
    expected_status: str
    evidence: list[dict[str, Any]]
    outcome: str = "unresolved"  # fulfilled, contradicted or unresolved
    outcome_date: dt.date | None = None  # dt.date: inside the class, ``date`` names the field above

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "expected_status": self.expected_status, "outcome": self.outcome,
                "outcome_date": self.outcome_date.isoformat() if self.outcome_date else None,
                "evidence": self.evidence}


@dataclass
class Track:
    id: str
    label: str
    parties: list[dict[str, Any]]
    mediators: list[dict[str, Any]]
    issues: list[str]
    statuses: list[StatusEntry] = field(default_factory=list)
    expectations: list[Expectation] = field(default_factory=list)
    n_events: int = 0
    first_date: date | None = None
    last_date: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "parties": self.parties, "mediators": self.mediators,
                "issues": self.issues, "statuses": [s.to_dict() for s in self.statuses],
                "expectations": [e.to_dict() for e in self.expectations], "n_events": self.n_events,
                "first_date": self.first_date.isoformat() if self.first_date else None,
                "last_date": self.last_date.isoformat() if self.last_date else None}


# -- classification --------------------------------------------------------------------------------
def _issues(lem: set[str]) -> tuple[str, ...]:
    return tuple(name for name, words in ISSUES.items() if lem & words)


def classify_event(ev: dict[str, Any]) -> Classification:
    """The status (or None), expectation flag and issues of one event record."""
    text = ev.get("text") or ""
    lem_list = lemmas(text)
    lem = set(lem_list)
    issues = _issues(lem)
    etype = ev.get("type") or ""
    modality = ev.get("modality") or "asserted"
    if modality in VOID_MODALITIES:
        return Classification(None, False, issues, None)
    trig = ev.get("trigger") or {}
    trig_lem = set(lemmas(trig.get("text") or "")) if isinstance(trig, dict) else set()
    status, cue_name = None, None
    # a cue whose action is the trigger itself wins over cues that fire elsewhere in the sentence
    for pass_ in ("trigger", "sentence"):
        for cue in STATUS_CUES:
            if cue.types and etype not in cue.types:
                continue
            if cue.mode is not None and ev.get("mode") != cue.mode:
                continue
            if cue.objects and not (lem & cue.objects):
                continue
            if cue.actions:
                hits = (trig_lem if pass_ == "trigger" else lem) & cue.actions
                if not hits:
                    continue
            elif pass_ == "trigger":
                continue
            status, cue_name = cue.status, cue.name
            break
        if status is not None:
            break
    if status is None:
        return Classification(None, False, issues, None)
    if etype not in NEGOTIATION_TYPES and not (etype == "ASSAULT" and status == "collapsed") and etype:
        return Classification(None, False, issues, None)
    typed_only = next(c for c in STATUS_CUES if c.name == cue_name).actions == frozenset()
    if typed_only and not (lem & (TALKS | TRUCE | DEAL) or issues):
        return Classification(None, False, issues, None)  # a visit or a promise with no negotiation in sight
    forward = modality in FORWARD_MODALITIES or bool(lem & FORWARD_CUES)
    return Classification(status, forward, issues, cue_name)


def event_day(ev: dict[str, Any]) -> date | None:
    """The event date when known to the day, else the publication date."""
    d = ev.get("date")
    if d and ev.get("date_precision", "day") == "day":
        return d if isinstance(d, date) else date.fromisoformat(str(d))
    p = ev.get("published")
    if p:
        return p if isinstance(p, date) else date.fromisoformat(str(p))
    return None


def day_basis(ev: dict[str, Any]) -> str:
    """What :func:`event_day` rests on: ``"text"`` (a date in the sentence), else the publication date's
    basis (:func:`fulcrum.dates.date_basis`: stated, url, updated, live or listing)."""
    if ev.get("date") and ev.get("date_precision", "day") == "day":
        return "text"
    p = ev.get("published")
    return date_basis(ev.get("url"), p if p is None or isinstance(p, date) else date.fromisoformat(str(p)),
                      ev.get("text"))


def _evidence(ev: dict[str, Any], day: date) -> dict[str, Any]:
    return {"article_id": ev.get("article_id"), "external_id": ev.get("external_id"), "text": ev.get("text"),
            "outlet": ev.get("outlet"), "date": day.isoformat(), "dated_by": day_basis(ev), "event_id": ev.get("id")}


# -- grouping --------------------------------------------------------------------------------------
def _codes(ev: dict[str, Any]) -> tuple[set[str], set[str]]:
    parties, mediators = set(), set()
    for a in list(ev.get("source") or []) + list(ev.get("target") or []):
        code = (a.get("code") or "").upper()
        if not code or code in NON_PARTY_CODES:
            continue
        if code in MEDIATOR_CODES and a.get("sector") not in ("MIL", "REB", "OPP"):
            mediators.add(code)
        else:
            parties.add(code)
    return parties, mediators


def _pairs(codes: set[str]) -> list[frozenset[str]]:
    cs = sorted(codes)
    return [frozenset((a, b)) for i, a in enumerate(cs) for b in cs[i + 1:]]


def _actor_key(a: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return ((a.get("code") or "").upper(), a.get("sector"), a.get("name"))


def _party_list(counter: Counter[tuple[str, str | None, str | None]], codes: Iterable[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for code in sorted(codes):
        items = [(k, n) for k, n in counter.items() if k[0] == code]
        if not items:
            out.append({"code": code, "sector": None, "name": None})
            continue
        top = max(n for _, n in items)
        for (c, sector, name), n in sorted(items, key=lambda x: (-x[1], str(x[0]))):
            if n >= max(1, top // 5):
                out.append({"code": c, "sector": sector, "name": name, "events": n})
    return out


def build_tracks(events: Sequence[dict[str, Any]], params: TrackParams | None = None) -> list[Track]:
    """Negotiation tracks from event records, busiest first."""
    params = (params or TrackParams()).validate()
    items = []
    for ev in events:
        cls = classify_event(ev)
        day = event_day(ev)
        if day is None:
            continue
        negotiation = cls.status is not None or (
            (ev.get("type") in NEGOTIATION_TYPES - {"RETREAT"} or
             (ev.get("type") == "RETREAT" and ev.get("mode") in ("release", "ceasefire")))
            and bool(cls.issues))
        if not negotiation:
            continue
        parties, mediators = _codes(ev)
        items.append((ev, cls, day, parties, mediators))
    pair_count: Counter[frozenset[str]] = Counter()
    for _, _, _, parties, _ in items:
        pair_count.update(_pairs(parties))
    keys = [k for k, _ in pair_count.most_common()]
    groups: dict[frozenset[str], list[tuple[Any, ...]]] = defaultdict(list)
    pending: list[tuple[Any, ...]] = []
    for it in items:
        parties = it[3]
        if len(parties) >= 2:
            groups[max(_pairs(parties), key=lambda k: (pair_count[k], sorted(k)))].append(it)
        elif len(parties) == 1:
            (code,) = parties
            cands = [k for k in keys if code in k]
            if cands:
                groups[cands[0]].append(it)
            else:
                groups[frozenset(parties)].append(it)
        else:
            pending.append(it)
    # events naming no party: the busiest track that shares an issue
    for it in pending:
        issues = set(it[1].issues)
        best = None
        for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), sorted(kv[0]))):
            if issues & {i for m in members for i in m[1].issues}:
                best = key
                break
        if best is not None:
            groups[best].append(it)
    tracks = [_make_track(key, members, params) for key, members in groups.items()]
    tracks = [t for t in tracks if t.statuses or t.expectations]
    tracks.sort(key=lambda t: (-t.n_events, t.id))
    return tracks


def _make_track(key: frozenset[str], members: list[tuple[Any, ...]], params: TrackParams) -> Track:
    party_actors: Counter[tuple[str, str | None, str | None]] = Counter()
    mediator_events: Counter[str] = Counter()
    mediator_actors: Counter[tuple[str, str | None, str | None]] = Counter()
    issue_count: Counter[str] = Counter()
    for ev, cls, _, _, mediators in members:
        for a in list(ev.get("source") or []) + list(ev.get("target") or []):
            k = _actor_key(a)
            if k[0] in key:
                party_actors[k] += 1
            elif k[0] in mediators:
                mediator_actors[k] += 1
        mediator_events.update(mediators)
        issue_count.update(cls.issues)
    min_med = params.min_mediator_events if len(members) >= 10 else 1
    med_codes = [c for c, n in mediator_events.items() if n >= min_med]
    issues = [i for i in ISSUES if issue_count[i] >= (2 if len(members) >= 10 else 1)]
    tid = "-".join(sorted(c.lower() for c in key))
    days = [m[2] for m in members]
    names = []
    for code in sorted(key):
        named = [(n, k[2]) for k, n in party_actors.items() if k[0] == code and k[2]]
        names.append(max(named)[1] if named else code)
    track = Track(id=tid, label=" – ".join(names) + (f" ({', '.join(issues)})" if issues else ""),
                  parties=_party_list(party_actors, key), mediators=_party_list(mediator_actors, med_codes),
                  issues=issues, n_events=len(members), first_date=min(days), last_date=max(days))
    outlets = {m[0].get("outlet") for m in members if m[0].get("outlet")}
    min_outlets = params.min_outlets if len(outlets) >= params.robust_from_outlets else 1
    reports = [(m[2], m[0].get("outlet") or m[0].get("article_id"), m[1].status, _evidence(m[0], m[2]))
               for m in members if m[1].status is not None and not m[1].expectation]
    track.statuses = status_history(reports, min_outlets=min_outlets, first_outlets=params.first_outlets,
                                    max_gap=params.max_gap)
    expected = [(m[2], m[0].get("outlet") or m[0].get("article_id"), m[1].status, _evidence(m[0], m[2]))
                for m in members if m[1].status is not None and m[1].expectation]
    track.expectations = link_expectations(expected, track.statuses, horizon=params.horizon,
                                           max_gap=params.max_gap)
    return track


# -- status history --------------------------------------------------------------------------------
def _episodes(days_outlets: dict[date, set[str]], min_outlets: int, max_gap: int) -> list[list[date]]:
    days = sorted(days_outlets)
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days <= max_gap + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    episodes: list[list[date]] = []
    for run in runs:
        robust = [d for d in run if len(days_outlets[d]) >= min_outlets]
        if not robust:
            if min_outlets <= 1:
                episodes.append(run)
            continue  # reported by too few outlets to count in a big corpus
        cores: list[list[date]] = []
        for d in robust:
            if cores and (d - cores[-1][-1]).days <= 1:
                cores[-1].append(d)
            else:
                cores.append([d])
        members: list[list[date]] = [list(c) for c in cores]
        for d in run:
            if d in robust:
                continue
            dist = [min(abs((d - c).days) for c in core) for core in cores]
            members[dist.index(min(dist))].append(d)  # ties go to the earlier core
        episodes.extend(sorted(m) for m in members)
    return episodes


def status_history(reports: Sequence[tuple[date, str, str, dict[str, Any]]], *, min_outlets: int = 1,
                   first_outlets: int = 5, max_gap: int = 2, min_firm: int = 2) -> list[StatusEntry]:
    """A dated history from ``(day, outlet, status, evidence)`` reports.

    Each status's reports are cut into episodes (:func:`_episodes`); an episode is dated at the lower
    median of the first report dates of its first ``first_outlets`` outlets.  Episodes are ordered by date
    (ties in the order of :data:`STATUSES`); a status repeated within ``max_gap`` days with no other status
    between is one change, except the repeatable ``extended``.
    """
    by_status: dict[str, list[tuple[date, str, dict[str, Any]]]] = defaultdict(list)
    for day, outlet, status, ev in reports:
        by_status[status].append((day, outlet, ev))
    entries: list[StatusEntry] = []
    for status, reps in by_status.items():
        days_outlets: dict[date, set[str]] = defaultdict(set)
        for day, outlet, _ in reps:
            days_outlets[day].add(outlet)
        for ep in _episodes(days_outlets, min_outlets, max_gap):
            span = set(ep)
            ep_reps = sorted((r for r in reps if r[0] in span), key=lambda r: (r[0], r[2].get("article_id") or ""))
            first: dict[str, date] = {}
            firm: dict[str, date] = {}
            for day, outlet, ev in ep_reps:
                first.setdefault(outlet, day)
                if ev.get("dated_by", "stated") in FIRM_DATES:
                    firm.setdefault(outlet, day)
            # outlets whose dates are firm, when there are enough of them: listing dates run early
            basis = firm if len(firm) >= min(min_firm, len(first)) and firm else first
            when = statistics.median_low(sorted(basis.values())[:first_outlets])
            entries.append(StatusEntry(date=when, status=status, evidence=[r[2] for r in ep_reps],
                                       n_reports=len(ep_reps), n_outlets=len(first), first_reported=ep_reps[0][0]))
    order = {s: i for i, s in enumerate(STATUSES)}
    entries.sort(key=lambda e: (e.date, order[e.status]))
    merged: list[StatusEntry] = []
    for e in entries:
        if (merged and merged[-1].status == e.status and e.status not in REPEATABLE
                and (e.date - merged[-1].date).days <= max_gap):
            prev = merged[-1]
            prev.evidence.extend(e.evidence)
            prev.n_reports += e.n_reports
            prev.n_outlets = len({x.get("outlet") for x in prev.evidence})
            continue
        merged.append(e)
    return merged


def link_expectations(expected: Sequence[tuple[date, str, str, dict[str, Any]]], history: Sequence[StatusEntry],
                      *, horizon: int = 30, max_gap: int = 2) -> list[Expectation]:
    """Group expectation reports (same status, close in time) and link each to what happened next.

    An expectation of X dated d is *fulfilled* by the first history entry in ``FULFILS[X]`` dated from
    d - 1 to d + ``horizon``, *contradicted* when an entry in ``CONTRARY[X]`` comes first, else stays
    *unresolved*.
    """
    by_status: dict[str, list[tuple[date, dict[str, Any]]]] = defaultdict(list)
    for day, _, status, ev in expected:
        by_status[status].append((day, ev))
    out: list[Expectation] = []
    for status, reps in by_status.items():
        reps.sort(key=lambda r: r[0])
        groups: list[list[tuple[date, dict[str, Any]]]] = []
        for r in reps:
            if groups and (r[0] - groups[-1][-1][0]).days <= max_gap:
                groups[-1].append(r)
            else:
                groups.append([r])
        for g in groups:
            exp = Expectation(date=g[0][0], expected_status=status, evidence=[r[1] for r in g])
            for h in history:
                if h.date < exp.date - timedelta(days=1) or h.date > exp.date + timedelta(days=horizon):
                    continue
                if h.status in FULFILS.get(status, frozenset({status})):
                    exp.outcome, exp.outcome_date = "fulfilled", h.date
                    break
                if h.date >= exp.date and h.status in CONTRARY.get(status, frozenset()):
                    exp.outcome, exp.outcome_date = "contradicted", h.date
                    break
            out.append(exp)
    out.sort(key=lambda e: (e.date, e.expected_status))
    return out
