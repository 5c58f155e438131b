"""Measure the attribution and modality components alone on a provenance gold file (developer tool).

    python scripts/dev_provenance.py ../shared/eval/provenance-dev.jsonl [-v]

For each gold event we build an Event by hand at a trigger found by a crude heuristic (the sentence's
main non-reporting predicate, or the first word whose lemma suggests the gold type), run the attribution
and modality components, and compare modality / claimant / claimant type / cue / count / outlet with the
gold using the rules of the reference scorer (../shared/eval/score.py).  The heuristic trigger is for
measurement only: in the pipeline the event coder sets triggers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from fulcrum.extract.attribution import AttributionTagger, main_predicate
from fulcrum.extract.modality import ModalityTagger
from fulcrum.extract.nlp import load_nlp
from fulcrum.extract.sentences import SentenceSplitter
from fulcrum.model import Article, Event, Span

#: Lemmas that suggest a type (measurement heuristic only).
TYPE_HINTS = {
    "AGREE": {"agree", "offer", "promise", "pledge", "sign", "accept", "willing", "prepared", "support"},
    "THREATEN": {"threaten", "boycott", "vow", "swear", "withdraw"},
    "REJECT": {"reject", "refuse", "fail", "dismiss", "renege", "violate"},
    "ACCUSE": {"accuse", "arrest", "investigate", "investigation", "call", "charge", "protest"},
    "PROTEST": {"strike", "rally", "demonstration", "protest", "block", "resort"},
    "SANCTION": {"suspend", "expel", "impose", "sanction"},
    "CONCEDE": {"concede", "cancel", "lift", "call"},
    "RETREAT": {"demobilize", "pay", "withdrawal", "ceasefire", "declare", "speed"},
    "ASSAULT": {"attack", "kill", "wound", "fire", "shell", "bombing", "retake", "torture", "mount", "force"},
    "COERCE": {"ban", "outlaw", "deport", "declare", "blow", "set", "hold", "holding"},
}


def _scorer():
    ns: dict = {}
    path = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    src = path.read_text(encoding="utf-8")
    # reuse the scorer's own comparison helpers, not its command-line part
    head = src[src.index("def ctype"):src.index("def prov_fields")]
    exec(compile("import json\n" + head, str(path), "exec"), ns)  # noqa: S102 - our own scorer file
    return ns


def trigger_for(doc, sent, gtype):
    lo, hi = sent.start, sent.end
    toks = [t for t in doc if lo <= t.idx < hi]
    hints = TYPE_HINTS.get(gtype, set())
    for t in toks:
        if t.lemma_.lower() in hints and t.pos_ in ("VERB", "NOUN", "ADJ"):
            return t
    return main_predicate(doc, lo, hi)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sc = _scorer()
    nlp = load_nlp()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    split, att, mod = SentenceSplitter(), AttributionTagger(), ModalityTagger()
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold:
        gev = [e for e in g["events"] if e.get("type") and ("modality" in e or "attribution" in e)]
        if not gev:
            continue
        art = Article(text=g["text"], external_id=g["id"])
        doc = nlp(art.text)
        split(art, doc)
        for ge in gev:
            sent = art.sentences[0]
            trig = trigger_for(doc, sent, ge["type"])
            ev = Event(type=ge["type"], sentence_index=0, start=sent.start, end=sent.end,
                       trigger=Span(trig.idx, trig.idx + len(trig.text), trig.lemma_))
            art.events = [ev]
            att(art, doc)
            mod(art, doc)
            ga, pa = ge.get("attribution") or {}, ev.attribution.to_dict()
            res = {}
            if "modality" in ge:
                res["modality"] = ev.modality == ge["modality"]
            if "claimant" in ga:
                res["claimant"] = sc["claimant_hit"](ga["claimant"], pa["claimant"])
            if "claimant_type" in ga:
                res["claimant_type"] = sc["ctype"](pa["claimant_type"]) == ga["claimant_type"]
            if ga.get("count") is not None:
                res["count"] = pa["count"] == ga["count"]
            if ga.get("cue"):
                res["cue"] = sc["lemma"](pa["cue"]) == sc["lemma"](ga["cue"])
            if ga.get("outlet"):
                res["outlet"] = str(ga["outlet"]).lower() in json.dumps(pa).lower()
            for k, v in res.items():
                hits[k][0] += v
                hits[k][1] += 1
            if args.verbose and not all(res.values()):
                bad = [k for k, v in res.items() if not v]
                print(f"## {g['id']} trigger={trig.text!r} wrong={bad}\n   {g['text']}\n"
                      f"   gold: {ge.get('modality')} {json.dumps(ga)}\n"
                      f"   pred: {ev.modality} {json.dumps(pa)}", file=sys.stderr)
    print(json.dumps({k: round(a / b, 3) for k, (a, b) in sorted(hits.items())}, indent=1))
    print(json.dumps({k: b for k, (a, b) in sorted(hits.items())}))


if __name__ == "__main__":
    main()
