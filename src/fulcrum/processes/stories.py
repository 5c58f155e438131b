"""Stories: the events, across articles and outlets, that report the same real-world incident.

The input is event records (``Store.events()``).  Blocking: two reports can be one story only if they
have the same PLOVER type and their days are at most ``max_days`` apart.  Inside a block a pair is
scored (:meth:`StoryModel.pair_score`) on

* the TF-IDF cosine of the two sentences (words and numbers, English stop words removed),
* the overlap (Jaccard) of their actor codes -- no codes on one side counts as half an overlap,
* their places: the same place adds, a missing or region-wide place ("Gaza", "West Bank") is neutral,
  two different specific places veto the pair,
* the same day adds.

Clustering is greedy average linkage in date order: a report joins the story whose members it matches
best on average, if that average reaches ``threshold`` and no member vetoes it; otherwise it starts a new
story.  The weights and the threshold were tuned on ``tests/data/stories-gold.jsonl`` (see
``docs/evaluation.md``, "Stories").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fulcrum.errors import FulcrumError, InvalidParameter
from fulcrum.processes.tracks import event_day

__all__ = ["StoryModel", "Story", "cluster_stories", "evaluate_pairs", "load_gold_pairs", "GENERIC_PLACES",
           "report_tokens"]

#: Places that cover a whole country or territory: they neither confirm nor veto a match.
GENERIC_PLACES: frozenset[str] = frozenset({
    "gaza", "gaza strip", "the gaza strip", "israel", "west bank", "the west bank", "lebanon", "palestine",
    "occupied palestinian territory", "palestinian territories", "middle east", "yemen", "syria", "iran",
    "iraq", "egypt", "jordan", "red sea", "south lebanon", "southern lebanon", "northern gaza", "southern gaza",
    "central gaza", "northern israel", "southern israel",
})


def _place(ev: dict[str, Any]) -> str | None:
    loc = ev.get("location") or {}
    name = (loc.get("name") or "").strip().lower() if isinstance(loc, dict) else ""
    if not name or name in GENERIC_PLACES:
        return None
    country = (loc.get("country") or "").strip().lower()
    if country and name == country:
        return None
    return name


#: Words that mean the same for matching reports (after lemmas): synonyms map to one head word.
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("free", "release", "let", "hand", "handed", "freed"), "release"),
    **dict.fromkeys(("truce", "ceasefire", "pause", "lull", "calm"), "truce"),
    **dict.fromkeys(("strike", "airstrike", "raid", "bomb", "bombing", "bombard", "bombardment", "hit", "pound",
                     "jet", "aircraft", "plane", "warplane", "air"), "strike"),
    **dict.fromkeys(("kill", "die", "dead", "death", "killing", "slay", "toll"), "kill"),
    **dict.fromkeys(("wound", "injure", "hurt", "injury"), "injure"),
    **dict.fromkeys(("hostage", "captive", "abductee"), "hostage"),
    **dict.fromkeys(("prisoner", "detainee", "inmate"), "prisoner"),
    **dict.fromkeys(("home", "house", "building", "apartment", "block", "housing", "residential"), "home"),
    **dict.fromkeys(("shell", "shelling", "artillery", "tank"), "shell"),
    **dict.fromkeys(("extend", "extension", "prolong", "renew"), "extend"),
    **dict.fromkeys(("begin", "start", "effect", "force", "underway"), "begin"),
    **dict.fromkeys(("lorry", "truck", "convoy"), "truck"),
    **dict.fromkeys(("talk", "negotiation", "negotiate", "round"), "talk"),
    **dict.fromkeys(("arrest", "detain", "detention"), "arrest"),
    **dict.fromkeys(("rocket", "missile", "barrage", "salvo"), "rocket"),
}
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90, "hundred": 100}
_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}


def report_tokens(text: str) -> list[str]:
    """The tokens reports are compared on: our lemmas, synonyms folded, number words as digits."""
    from fulcrum.processes.cues import lemmas

    raw = re.sub(r"(\d),(\d{3})", r"\1\2", text.lower())
    words = re.findall(r"[a-z]+|\d+", raw.replace("-", " "))
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _TENS:
            n = _TENS[w]
            if i + 1 < len(words) and words[i + 1] in _NUMBER_WORDS and 0 < _NUMBER_WORDS[words[i + 1]] < 10:
                n += _NUMBER_WORDS[words[i + 1]]
                i += 1
            out.append(str(n))
        elif w in _NUMBER_WORDS and w != "one":
            out.append(str(_NUMBER_WORDS[w]))
        elif w.isdigit():
            out.append(w)
        else:
            lem = lemmas(w)
            if lem and lem[0] not in _STOP:
                out.append(SYNONYMS.get(lem[0], lem[0]))
        i += 1
    return out


def _numbers(tokens: list[str]) -> set[int]:
    return {int(t) for t in tokens if t.isdigit() and 1 < int(t) < 100000 and not 1900 < int(t) < 2100}


def _ordinals(text: str) -> set[int]:
    low = text.lower()
    found = {n for w, n in _ORDINALS.items() if re.search(rf"\b{w}\b", low)}
    found |= {int(m) for m in re.findall(r"\b(\d+)(?:st|nd|rd|th)\b", low)}
    for m in re.findall(r"\bday (\w+)\b", low):
        if m in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[m])
        elif m.isdigit():
            found.add(int(m))
    if re.search(r"\b(another|again|more|further|fresh|latest)\b", low):
        found.add(-1)  # "a repeat": not the first
    return found


_STOP = frozenset("""a an the of in on at to for by with from and or but as is are was were be been has have had
that this these those it its their his her after before over into than then there here which who whom
said say says says amid near during while s""".split())


def _codes(ev: dict[str, Any]) -> frozenset[str]:
    return frozenset((a.get("code") or "").upper() for a in list(ev.get("source") or []) + list(ev.get("target") or [])
                     if a.get("code"))


@dataclass
class StoryModel:
    """Pair scoring and clustering parameters (scikit-learn style: ``__init__`` stores, ``fit`` learns
    the TF-IDF vocabulary of the reports to cluster)."""

    threshold: float = 0.4
    w_text: float = 1.0
    w_actors: float = 0.15
    w_place: float = 0.2
    w_day: float = 0.2
    w_numbers: float = 0.4
    max_days: int = 1

    def validate(self) -> StoryModel:
        for name in ("threshold", "w_text", "w_actors", "w_place", "w_day", "w_numbers"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or v < 0:
                raise InvalidParameter(name, "StoryModel", "a number >= 0", v)
        if not isinstance(self.max_days, int) or not 0 <= self.max_days <= 7:
            raise InvalidParameter("max_days", "StoryModel", "an int in [0, 7]", self.max_days)
        return self

    def fit(self, texts: Sequence[str]) -> StoryModel:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.validate()
        self.vectorizer_ = TfidfVectorizer(analyzer=report_tokens, sublinear_tf=True, min_df=1)
        self.vectorizer_.fit(list(texts) or [""])
        return self

    def features(self, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        mat = self.vectorizer_.transform([e.get("text") or "" for e in events])
        return [{"type": e.get("type"), "day": event_day(e), "codes": _codes(e), "place": _place(e),
                 "vec": mat[i], "numbers": _numbers(report_tokens(e.get("text") or "")),
                 "ordinals": _ordinals(e.get("text") or "")} for i, e in enumerate(events)]

    def pair_score(self, a: dict[str, Any], b: dict[str, Any]) -> float:
        """The score of two featurised reports; -1 when blocked or vetoed."""
        if a["type"] != b["type"] or a["day"] is None or b["day"] is None:
            return -1.0
        gap = abs((a["day"] - b["day"]).days)
        if gap > self.max_days:
            return -1.0
        if a["place"] and b["place"] and a["place"] != b["place"]:
            return -1.0
        cos = float(a["vec"].multiply(b["vec"]).sum())
        if a["codes"] and b["codes"]:
            act = len(a["codes"] & b["codes"]) / len(a["codes"] | b["codes"])
        else:
            act = 0.5
        place = 1.0 if a["place"] and a["place"] == b["place"] else 0.0
        oa, ob = a["ordinals"], b["ordinals"]
        if oa and ob and not (oa & ob) and (1 in oa or 1 in ob):
            return -1.0  # "the first release" and "another release" are two incidents
        na, nb = a["numbers"], b["numbers"]
        clash = bool(na and nb) and not any(abs(x - y) <= 0.2 * max(x, y) for x in na for y in nb)
        return (self.w_text * cos + self.w_actors * act + self.w_place * place + self.w_day * (gap == 0)
                - self.w_numbers * clash)


@dataclass
class Story:
    id: str
    type: str
    date: date | None
    # dt.date: inside the class, ``date`` names the field above
    first_date: dt.date | None
    last_date: dt.date | None
    location: str | None
    actors: list[str]
    text: str
    reports: list[dict[str, Any]] = field(default_factory=list)

    @property
    def n_reports(self) -> int:
        return len({r["article_id"] for r in self.reports})

    @property
    def outlets(self) -> list[str]:
        return sorted({r["outlet"] for r in self.reports if r.get("outlet")})

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "date": _iso(self.date), "first_date": _iso(self.first_date),
                "last_date": _iso(self.last_date), "location": self.location, "actors": self.actors,
                "text": self.text, "n_reports": self.n_reports, "n_outlets": len(self.outlets),
                "outlets": self.outlets, "reports": self.reports}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _clusters(events: Sequence[dict[str, Any]], model: StoryModel) -> list[list[int]]:
    feats = model.features(events)
    order = sorted(range(len(events)), key=lambda i: (feats[i]["day"] or date.max, str(events[i].get("id"))))
    clusters: list[list[int]] = []
    open_by_type: dict[str, list[int]] = {}  # type -> indices into clusters, still within reach
    for i in order:
        f = feats[i]
        if f["day"] is None:
            clusters.append([i])
            continue
        cands = open_by_type.setdefault(f["type"], [])
        cands[:] = [c for c in cands if (f["day"] - feats[clusters[c][0]]["day"]).days <= model.max_days]
        best, best_score = None, model.threshold
        for c in cands:
            scores = [model.pair_score(f, feats[j]) for j in clusters[c]]
            if min(scores) < 0:
                continue
            s = sum(scores) / len(scores)
            if s >= best_score:
                best, best_score = c, s
        if best is None:
            clusters.append([i])
            cands.append(len(clusters) - 1)
        else:
            clusters[best].append(i)
    return clusters


def cluster_stories(events: Sequence[dict[str, Any]], model: StoryModel | None = None) -> list[Story]:
    """Stories from event records, most reported first."""
    if not events:
        return []
    model = (model or StoryModel()).fit([e.get("text") or "" for e in events])
    stories = []
    for members in _clusters(events, model):
        evs = [events[i] for i in members]
        days = sorted(d for d in (event_day(e) for e in evs) if d is not None)
        first_by_outlet: dict[str, date] = {}
        for e in sorted(evs, key=lambda e: event_day(e) or date.max):
            d = event_day(e)
            if d is not None:
                first_by_outlet.setdefault(e.get("outlet") or e.get("article_id") or "", d)
        places = Counter(p for p in (_place(e) for e in evs) if p)
        codes = Counter(c for e in evs for c in _codes(e))
        anchor = min(evs, key=lambda e: (event_day(e) or date.max, str(e.get("id"))))
        sid = "s" + hashlib.sha1(str(anchor.get("id")).encode()).hexdigest()[:11]
        loc = None
        if places:
            name = places.most_common(1)[0][0]
            loc = next((e.get("location") or {}).get("name") for e in evs if _place(e) == name)
        stories.append(Story(
            id=sid, type=anchor.get("type") or "",
            date=statistics.median_low(sorted(first_by_outlet.values())[:5]) if first_by_outlet else None,
            first_date=days[0] if days else None, last_date=days[-1] if days else None, location=loc,
            actors=[c for c, _ in codes.most_common()], text=anchor.get("text") or "",
            reports=[{"event_id": e.get("id"), "article_id": e.get("article_id"),
                      "external_id": e.get("external_id"), "outlet": e.get("outlet"),
                      "date": _iso(event_day(e)), "text": e.get("text")}
                     for e in sorted(evs, key=lambda e: (event_day(e) or date.max, str(e.get("id"))))]))
    stories.sort(key=lambda s: (-s.n_reports, s.date or date.max, s.id))
    return stories


# -- evaluation on gold pairs ----------------------------------------------------------------------
def load_gold_pairs(path: str | Path) -> list[dict[str, Any]]:
    """Gold pairs: one JSON object a line, ``{"id", "same", "a": REPORT, "b": REPORT}``; a report is
    ``{"rid", "text", "type", "date", "place", "source": [codes], "target": [codes]}``."""
    pairs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                d["same"] = bool(d["same"])
                for side in ("a", "b"):
                    for key in ("rid", "text", "type", "date"):
                        d[side][key]  # noqa: B018 - presence check
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise FulcrumError(f"{path}:{n}: not a gold pair ({exc}); each line needs 'same' and reports "
                                   "'a' and 'b' with rid, text, type and date.") from None
            pairs.append(d)
    return pairs


def _gold_event(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["rid"], "article_id": r["rid"], "text": r["text"], "type": r["type"], "date": r["date"],
            "date_precision": "day", "published": r["date"], "outlet": r.get("outlet"),
            "location": {"name": r.get("place")} if r.get("place") else None,
            "source": [{"code": c} for c in r.get("source") or []],
            "target": [{"code": c} for c in r.get("target") or []]}


def evaluate_pairs(pairs: Sequence[dict[str, Any]], model: StoryModel | None = None) -> dict[str, Any]:
    """Cluster every report of the gold pairs together; score each pair as same story or not.

    Returns pairwise precision, recall and F1 (positive class: same incident), the counts, and the
    misclassified pair ids."""
    reports: dict[str, dict[str, Any]] = {}
    for p in pairs:
        for side in ("a", "b"):
            reports.setdefault(p[side]["rid"], _gold_event(p[side]))
    events = list(reports.values())
    model = (model or StoryModel()).fit([e["text"] for e in events])
    story_of = {}
    for k, members in enumerate(_clusters(events, model)):
        for i in members:
            story_of[events[i]["id"]] = k
    tp = fp = fn = tn = 0
    wrong = []
    for p in pairs:
        pred = story_of[p["a"]["rid"]] == story_of[p["b"]["rid"]]
        if pred and p["same"]:
            tp += 1
        elif pred:
            fp += 1
            wrong.append(p["id"])
        elif p["same"]:
            fn += 1
            wrong.append(p["id"])
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": len(pairs), "positives": tp + fn, "negatives": fp + tn, "tp": tp, "fp": fp, "fn": fn,
            "tn": tn, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "errors": wrong}
