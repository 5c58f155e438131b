"""Scoring extracted events against gold records (``fulcrum eval``).

Gold format: one JSON object per line, ``{"id", "text", "published", "events": [{"type", "mode",
"source": [{"code", "sector"}], "target": [...], "date", "location", "modality", "attribution"}]}``
(see docs/evaluation.md).  The scoring rule:

* per record, gold and predicted event *types* are compared as sets (a type found twice counts once);
* actors are scored on the types both sides have: the union of gold country codes (first three letters)
  of that type's events against the union of predicted ones, for source and target separately; and
  code+sector where gold gives a sector;
* a gold date counts as hit when any predicted event of the same type has that date; a gold location when
  any predicted event of that type lies within 25 km;
* records with ``"events": []`` score the share where nothing is predicted;
* provenance: for each gold event with modality/attribution, the predicted event of the same type that
  agrees on most provenance fields is compared field by field (claimant: token-overlap F1 >= 0.5).
  ``*_given_type`` figures count only gold events whose type was predicted; the plain ones count a missed
  event as a miss.

These are the rules of the reference scorer in ``shared/eval/score.py``; a test checks both agree.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fulcrum.errors import IngestError

_STOP = {"the", "a", "an", "of", "in", "and"}
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "thought": "think", "held": "hold",
              "spoke": "speak", "wrote": "write", "made": "make", "gave": "give", "knew": "know", "found": "find"}


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file, with a clear error naming the line of any bad record."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(str(path), f"not valid JSON ({exc.msg})", line=n) from None
            except ValueError as exc:  # parses, but Python refuses a value (an integer of 5,000 digits)
                raise IngestError(str(path), f"not valid JSON ({exc})", line=n) from None
            if not isinstance(rec, dict) or "id" not in rec or "text" not in rec:
                raise IngestError(str(path), "a gold record needs at least 'id' and 'text'", line=n)
            if not isinstance(rec.get("events", []), list):
                raise IngestError(str(path), "'events' must be a list", line=n)
            rec.setdefault("events", [])
            out.append(rec)
    return out


def _codes(actors: Iterable[Any] | None, with_sector: bool = False) -> set[Any]:
    out: set[Any] = set()
    for a in actors or []:
        if isinstance(a, dict) and a.get("code"):
            code = str(a["code"]).upper()[:3]
            out.add((code, a.get("sector")) if with_sector else code)
    return out


def _tokens(v: Any) -> set[str]:
    return {w for w in re.sub(r"[^0-9a-z]+", " ", str(v or "").lower()).split() if w not in _STOP}


def claimant_match(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return not pred
    a, b = _tokens(gold), _tokens(pred)
    if not a or not b:
        return False
    common = len(a & b)
    p, r = common / len(b), common / len(a)
    return p + r > 0 and 2 * p * r / (p + r) >= 0.5


def _claimant_type(v: Any) -> str | None:
    v = str(v or "").lower()
    if not v or v == "none":
        return None
    if "anon" in v or "unnamed" in v:
        return "anonymous"
    if "person" in v or "named" in v or "individual" in v:
        return "named"
    return "official"


def _lemma(v: Any) -> str:
    v = str(v or "").lower().strip()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    for suf in ("ing", "ed", "es", "s", "e"):
        if v.endswith(suf) and len(v) - len(suf) >= 3:
            return v[: -len(suf)]
    return v


def provenance_hits(gold_ev: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, bool]:
    ga = gold_ev.get("attribution") or {}
    pa = (pred.get("attribution") or {}) if pred else {}
    out: dict[str, bool] = {}
    if "modality" in gold_ev:
        out["modality"] = pred is not None and pred.get("modality") == gold_ev["modality"]
    if "claimant" in ga:
        out["claimant"] = pred is not None and claimant_match(ga["claimant"], pa.get("claimant"))
    if "claimant_type" in ga:
        out["claimant_type"] = pred is not None and _claimant_type(pa.get("claimant_type")) == ga["claimant_type"]
    if ga.get("count") is not None:
        out["count"] = pred is not None and pa.get("count") == ga["count"]
    if ga.get("cue"):
        out["cue"] = pred is not None and _lemma(pa.get("cue")) == _lemma(ga["cue"])
    if ga.get("outlet"):
        out["outlet"] = pred is not None and str(ga["outlet"]).lower() in json.dumps(pa).lower()
    return out


def _best_provenance_match(gold_ev: dict[str, Any], cands: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The candidate that agrees with ``gold_ev`` on most provenance fields (the first of equals)."""
    return max(cands, key=lambda p: sum(provenance_hits(gold_ev, p).values()), default=None)


def _within_25km(pred_loc: dict[str, Any] | None, gold_loc: dict[str, Any]) -> bool:
    if not pred_loc or pred_loc.get("lat") is None:
        return False
    dy = (pred_loc["lat"] - gold_loc["lat"]) * 111
    dx = (pred_loc["lon"] - gold_loc["lon"]) * 111 * math.cos(math.radians(gold_loc["lat"]))
    return math.hypot(dx, dy) <= 25


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Scores:
    records: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    actors: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in (
        "source", "target", "source_sector", "target_sector")})
    dates: list[int] = field(default_factory=lambda: [0, 0])
    locations: list[int] = field(default_factory=lambda: [0, 0])
    empty: list[int] = field(default_factory=lambda: [0, 0])
    provenance: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        types = sorted(set(self.tp) | set(self.fn) | set(self.fp))
        per = {t: _prf(self.tp[t], self.fp[t], self.fn[t]) for t in types}
        gold_types = [t for t in types if self.tp[t] + self.fn[t] > 0]

        def f1(key: str) -> float | None:
            tp, fp, fn = self.actors[key]
            return _prf(tp, fp, fn)["f1"] if tp + fp + fn else None

        return {
            "records": self.records,
            "micro": _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())),
            "macro_f1": sum(per[t]["f1"] for t in gold_types) / len(gold_types) if gold_types else None,
            "source_f1": f1("source"), "target_f1": f1("target"),
            "source_sector_f1": f1("source_sector"), "target_sector_f1": f1("target_sector"),
            "date_acc": self.dates[0] / self.dates[1] if self.dates[1] else None,
            "loc_25km": self.locations[0] / self.locations[1] if self.locations[1] else None,
            "empty_acc": self.empty[0] / self.empty[1] if self.empty[1] else None,
            "counts": {"dates": self.dates[1], "locations": self.locations[1], "empty": self.empty[1]},
            "provenance": {k: round(v[0] / v[1], 3) for k, v in sorted(self.provenance.items()) if v[1]},
            "per_type": per,
            "confusion": {g: dict(c) for g, c in sorted(self.confusion.items())},
        }


def score(gold: Sequence[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]) -> Scores:
    """Score predicted event records (grouped by gold id) against gold records."""
    s = Scores()
    for g in gold:
        gev = [e for e in g["events"] if e.get("type")]
        if g["events"] and not gev:
            continue  # only events outside the ontology
        s.records += 1
        pev = predicted.get(str(g["id"]), [])
        gt: set[str] = {e["type"] for e in gev}
        pt: set[str] = {e["type"] for e in pev if e.get("type")}
        if not gev:
            s.empty[1] += 1
            s.empty[0] += not pt
        for t in gt & pt:
            s.tp[t] += 1
        for t in pt - gt:
            s.fp[t] += 1
            s.false_alarms.append({"id": g["id"], "text": g["text"], "type": t, "gold": sorted(gt)})
        for t in gt - pt:
            s.fn[t] += 1
            s.misses.append({"id": g["id"], "text": g["text"], "type": t, "predicted": sorted(pt)})
        for t in gt:
            if t in pt:
                s.confusion[t][t] += 1
            else:
                others = pt - gt
                for o in others or {"(none)"}:
                    s.confusion[t][o] += 1
        for e in gev:
            if "modality" not in e and "attribution" not in e:
                continue
            cands = [p for p in pev if p.get("type") == e["type"]]
            best = _best_provenance_match(e, cands)
            for k, v in provenance_hits(e, best).items():
                s.provenance[k][0] += v
                s.provenance[k][1] += 1
                if best is not None:
                    s.provenance[k + "_given_type"][0] += v
                    s.provenance[k + "_given_type"][1] += 1
        for t in gt & pt:
            ge = [e for e in gev if e["type"] == t]
            pe = [e for e in pev if e.get("type") == t]
            for role in ("source", "target"):
                gc = set().union(*(_codes(e.get(role)) for e in ge))
                pc = set().union(*(_codes(e.get(role)) for e in pe))
                if gc:
                    acc = s.actors[role]
                    acc[0] += len(gc & pc)
                    acc[1] += len(pc - gc)
                    acc[2] += len(gc - pc)
                gs = {x for x in set().union(*(_codes(e.get(role), True) for e in ge)) if x[1]}
                if gs:
                    ps = set().union(*(_codes(e.get(role), True) for e in pe))
                    acc = s.actors[role + "_sector"]
                    acc[0] += len(gs & ps)
                    acc[1] += len({x for x in ps if x[0] in {c for c, _ in gs}} - gs)
                    acc[2] += len(gs - ps)
            for e in ge:
                if e.get("date"):
                    s.dates[1] += 1
                    s.dates[0] += any(p.get("date") == e["date"] for p in pe)
                loc = e.get("location")
                if loc and loc.get("lat") is not None:
                    s.locations[1] += 1
                    s.locations[0] += any(_within_25km(p.get("location"), loc) for p in pe)
    return s


def evaluate_file(gold_path: str | Path, *, batch_size: int = 64) -> tuple[Scores, dict[str, list[dict[str, Any]]]]:
    """Run the whole pipeline on a gold file in a temporary store and score it.

    Each gold record goes in as a JSONL article (``id``, ``text``, ``published``, ``title`` and ``url``
    null, ``outlet`` "gold"), exactly as a user's export would; the user's database is never touched.
    """
    import tempfile

    from fulcrum.api import Workspace

    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="fulcrum-eval-") as tmp:
        src = Path(tmp) / "gold-articles.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps({"id": g["id"], "title": None, "text": g["text"],
                                     "published": g.get("published"), "outlet": "gold", "url": None}) + "\n")
        with Workspace(Path(tmp) / "eval.duckdb") as ws:
            rep = ws.ingest([src])
            if rep.failed:
                raise IngestError(str(gold_path), "; ".join(str(e) for e in rep.errors[:3]))
            ws.extract(batch_size=batch_size)
            records = ws.store.events()
    predicted: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        predicted[str(r["external_id"])].append(r)
    return score(gold, predicted), predicted
