"""Measure the short-text classifier (fulcrum.extract.classifier) against the rules, without pipeline integration.

    python scripts/classifier_eval.py                      # the Gaza headline sample + our gold files
    python scripts/classifier_eval.py --gold FILE ...      # other gold JSONL files (the Gaza sample is "gaza")
    python scripts/classifier_eval.py --cv                 # cross-validation on the training data only
    python scripts/classifier_eval.py --json               # every figure as JSON

For each gold set it scores, with fulcrum.evaluate.score (types compared as sets per record):

* ``rules``            the pipeline as it is (fulcrum.evaluate.evaluate_file, in a temporary store);
* ``rules+fallback``   the classifier's types added only to records where the rules found no event, when their
                       probability reaches the fallback threshold; actors by ``assign_actors`` (the first coded
                       actor mention as source, the next with another code as target);
* ``rules+fb+veto``    the same, and rule events dropped from headline-like texts (short, no final full stop)
                       where the classifier's probability that the text reports any event is below the veto
                       threshold;
* ``rules|clf+veto``   the union on headlines: the rules' events (unless vetoed) plus, on headline-like texts,
                       any classifier type at or above the fallback threshold that the rules did not find
                       (on prose sentences it is rules+fb+veto);
* ``classifier``       the classifier alone (default threshold).

``--cv`` fits nothing on any evaluation set: it runs 5-fold cross-validation on
src/fulcrum/data/training/short-texts.jsonl (out-of-fold probabilities), over a grid of C, and -- because the
fallback only acts where the rules are silent -- also runs the rules on the training texts and reports the
out-of-fold precision of fallback events on exactly those texts.  The thresholds in fulcrum.extract.classifier
were chosen from this output.

The Gaza headline sample (tests/data/gaza-headlines-sample.jsonl) is resolved with scripts/gaza_headlines_eval.py's
loader and is used here only to report; nothing is fitted or tuned on it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import gaza_headlines_eval as ghe  # noqa: E402  (the sample's loader: imported, not duplicated)

from fulcrum.evaluate import evaluate_file, load_gold, score  # noqa: E402
from fulcrum.extract.classifier import (  # noqa: E402
    DEFAULT_THRESHOLD,
    FALLBACK_THRESHOLD,
    VETO_THRESHOLD,
    ShortTextClassifier,
    assign_actors,
    headline_like,
    load_training,
)

DEFAULT_GOLD = ("gaza", "tests/data/headlines-own-b.jsonl", "tests/data/acled-style-own-b.jsonl",
                "tests/data/noevent.jsonl", str(ghe.DEFAULT_SHARED / "eval" / "plover-gsr-dev.jsonl"))
Predicted = dict[str, list[dict[str, Any]]]


# --- gold sets and the rules' predictions ------------------------------------------------------------------
def gaza_gold(shared: Path = ghe.DEFAULT_SHARED) -> list[dict[str, Any]]:
    """The Gaza headline sample with its text resolved from ../shared (raw titles, as gaza_headlines_eval scores)."""
    return ghe.gold_records(ghe.resolve(ghe.load_sample(), shared), strip=False)


def rules_predictions(gold: Sequence[dict[str, Any]]) -> Predicted:
    """The pipeline's events per gold id, exactly as `fulcrum eval` produces them."""
    with tempfile.TemporaryDirectory(prefix="classifier-eval-") as tmp:
        path = Path(tmp) / "gold.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps({"id": g["id"], "text": g["text"], "published": g.get("published"),
                                     "events": g["events"]}) + "\n")
        _, predicted = evaluate_file(path)
    return {str(k): v for k, v in predicted.items()}


def actor_mentions(texts: dict[str, str]) -> dict[str, list[Any]]:
    """Actor mentions per id from the pipeline's sentences and actors components (for classifier events)."""
    from fulcrum.extract import Pipeline
    from fulcrum.model import Article

    pipe = Pipeline.from_config(["sentences", "actors"])
    arts = [Article(text=t, external_id=i) for i, t in texts.items()]
    return {str(a.external_id): list(a.actors) for a in pipe.pipe(arts)}


# --- combining ---------------------------------------------------------------------------------------------
def classifier_events(clf: ShortTextClassifier, text: str, actors: list[Any], threshold: float) -> list[dict[str, Any]]:
    source, target = assign_actors(text, actors)
    return [{"type": p.type, "probability": p.probability, "source": [a.to_dict() for a in source],
             "target": [a.to_dict() for a in target], "rule": "classifier"}
            for p in clf.predict(text, threshold)]


def combine(gold: Sequence[dict[str, Any]], rules: Predicted, clf: ShortTextClassifier, actors: dict[str, list[Any]],
            *, fallback: float, veto: float | None, default: float) -> dict[str, Predicted]:
    out: dict[str, Predicted] = {"rules": {}, "rules+fallback": {}, "rules+fb+veto": {}, "rules|clf+veto": {},
                                 "classifier": {}}
    for g in gold:
        gid, text = str(g["id"]), g["text"]
        rev = rules.get(gid, [])
        acts = actors.get(gid, [])
        out["rules"][gid] = rev
        out["classifier"][gid] = classifier_events(clf, text, acts, default)
        fb = rev if rev else classifier_events(clf, text, acts, fallback)
        out["rules+fallback"][gid] = fb
        vetoed = bool(rev) and veto is not None and headline_like(text) and clf.event_probability(text) < veto
        out["rules+fb+veto"][gid] = [] if vetoed else fb
        if vetoed:
            out["rules|clf+veto"][gid] = []
        elif rev and not headline_like(text):
            out["rules|clf+veto"][gid] = rev
        else:
            have = {e.get("type") for e in rev}
            out["rules|clf+veto"][gid] = rev + [e for e in classifier_events(clf, text, acts, fallback)
                                                if e["type"] not in have]
    return out


def figures(gold: Sequence[dict[str, Any]], predicted: Predicted) -> dict[str, Any]:
    res = score(gold, predicted).to_dict()
    m = res["micro"]
    return {"records": res["records"], "p": m["p"], "r": m["r"], "f1": m["f1"], "macro_f1": res["macro_f1"],
            "no_event": res["empty_acc"], "n_empty": res["counts"]["empty"], "source_f1": res["source_f1"],
            "target_f1": res["target_f1"]}


def evaluate_set(name: str, gold: list[dict[str, Any]], clf: ShortTextClassifier, *, fallback: float,
                 veto: float | None, default: float) -> dict[str, dict[str, Any]]:
    rules = rules_predictions(gold)
    need = {str(g["id"]): g["text"] for g in gold}
    actors = actor_mentions(need)
    combos = combine(gold, rules, clf, actors, fallback=fallback, veto=veto, default=default)
    return {k: figures(gold, v) for k, v in combos.items()}


# --- cross-validation on the training data only ------------------------------------------------------------
def _set_scores(gold: Sequence[frozenset[str]], pred: Sequence[frozenset[str]]) -> dict[str, float]:
    tp = fp = fn = 0
    empty = empty_ok = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        if not g:
            empty += 1
            empty_ok += not p
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return {"p": pr, "r": rc, "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0,
            "no_event": empty_ok / empty if empty else float("nan"), "added": tp + fp}


def oof_probabilities(examples: list[tuple[str, tuple[str, ...]]], c: float, folds: int = 5,
                      seed: int = 0) -> tuple[list[dict[str, float]], list[float]]:
    from sklearn.model_selection import KFold

    probs: list[dict[str, float]] = [{} for _ in examples]
    anyp: list[float] = [0.0] * len(examples)
    for train, test in KFold(folds, shuffle=True, random_state=seed).split(examples):
        clf = ShortTextClassifier(examples=[examples[i] for i in train], c=c).fit()
        for i in test:
            probs[i] = clf.probabilities(examples[i][0])
            anyp[i] = clf.event_probability(examples[i][0])
    return probs, anyp


def cross_validate(cs: Sequence[float], thresholds: Sequence[float]) -> dict[str, Any]:
    examples = load_training()
    gold = [frozenset(ys) for _, ys in examples]
    report: dict[str, Any] = {"n": len(examples), "by_c": {}}
    best: tuple[float, float, float] | None = None
    oof: dict[float, tuple[list[dict[str, float]], list[float]]] = {}
    for c in cs:
        probs, anyp = oof_probabilities(examples, c)
        oof[c] = (probs, anyp)
        rows = {}
        for thr in thresholds:
            pred = [frozenset(t for t, p in pr.items() if p >= thr) for pr in probs]
            rows[thr] = _set_scores(gold, pred)
            if best is None or rows[thr]["f1"] > best[0]:
                best = (rows[thr]["f1"], c, thr)
        report["by_c"][c] = rows
    assert best is not None
    _, c_best, thr_best = best
    report["best"] = {"c": c_best, "threshold": thr_best}
    probs, anyp = oof[c_best]
    # per-type figures at the best threshold
    per: dict[str, dict[str, float]] = {}
    types = sorted({t for g in gold for t in g})
    for t in types:
        tp = sum(1 for g, pr in zip(gold, probs, strict=True) if t in g and pr.get(t, 0) >= thr_best)
        fp = sum(1 for g, pr in zip(gold, probs, strict=True) if t not in g and pr.get(t, 0) >= thr_best)
        fn = sum(1 for g, pr in zip(gold, probs, strict=True) if t in g and pr.get(t, 0) < thr_best)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per[t] = {"n": tp + fn, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    report["per_type"] = per
    # reliability: observed share of true types among out-of-fold probabilities in each bin
    bins = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
    rel = {}
    for lo, hi in zip(bins, bins[1:], strict=False):
        hits = [t in g for g, pr in zip(gold, probs, strict=True) for t, p in pr.items()
                if lo <= p < hi or (hi == 1.0 and p == 1.0)]
        rel[f"{lo:.1f}-{hi:.1f}"] = {"n": len(hits), "observed": sum(hits) / len(hits) if hits else None}
    report["reliability"] = rel
    # the any-event model as a veto: share of event texts wrongly vetoed, share of no-event texts caught
    veto = {}
    for v in (0.05, 0.1, 0.15, 0.2, 0.3):
        ev = [a for a, g in zip(anyp, gold, strict=True) if g]
        ne = [a for a, g in zip(anyp, gold, strict=True) if not g]
        veto[v] = {"events_vetoed": sum(a < v for a in ev) / len(ev), "no_event_caught": sum(a < v for a in ne) / len(ne)}
    report["veto"] = veto
    # the fallback where the rules are silent: run the rules on our own training texts
    recs: list[dict[str, Any]] = [{"id": f"TR-{i:04d}", "text": t, "events": []} for i, (t, _) in enumerate(examples)]
    rules = rules_predictions(recs)
    silent = [i for i, r in enumerate(recs) if not rules.get(r["id"])]
    silent_set = set(silent)
    rule_types = [frozenset(e["type"] for e in rules.get(r["id"], [])) for r in recs]
    report["rules_on_training"] = _set_scores(gold, rule_types)
    fb = {}
    for thr in thresholds:
        pred = [rule_types[i] if i not in silent_set else frozenset(t for t, p in probs[i].items() if p >= thr)
                for i in range(len(examples))]
        sil = _set_scores([gold[i] for i in silent],
                          [frozenset(t for t, p in probs[i].items() if p >= thr) for i in silent])
        fb[thr] = {"combined": _set_scores(gold, pred), "on_silent": sil}
    report["fallback"] = {"silent": len(silent), "silent_with_event": sum(bool(gold[i]) for i in silent), "by_threshold": fb}
    # fallback and veto together: the grid the recommended thresholds are read from
    grid = {}
    for thr in thresholds:
        for vt in (None, 0.05, 0.1, 0.15, 0.2):
            pred = []
            for i in range(len(examples)):
                if i in silent_set:
                    pred.append(frozenset(t for t, p in probs[i].items() if p >= thr))
                elif vt is not None and headline_like(examples[i][0]) and anyp[i] < vt:
                    pred.append(frozenset())
                else:
                    pred.append(rule_types[i])
            grid[f"{thr}/{vt}"] = _set_scores(gold, pred)
    report["fallback_veto"] = grid
    # the union: rule types (unless vetoed) plus classifier types at or above the threshold
    union = {}
    for thr in thresholds:
        for vt in (None, 0.15):
            pred = []
            for i in range(len(examples)):
                cl = frozenset(t for t, p in probs[i].items() if p >= thr)
                if rule_types[i] and vt is not None and headline_like(examples[i][0]) and anyp[i] < vt:
                    pred.append(frozenset())
                elif rule_types[i] and not headline_like(examples[i][0]):
                    pred.append(rule_types[i])
                else:
                    pred.append(rule_types[i] | cl)
            union[f"{thr}/{vt}"] = _set_scores(gold, pred)
    report["union_veto"] = union
    return report


def print_cv(rep: dict[str, Any]) -> None:  # noqa: C901 - a flat report
    print(f"5-fold CV on {rep['n']} training texts (out-of-fold probabilities)\n")
    print("C      thr   P     R     F1    no-event")
    for c, rows in rep["by_c"].items():
        for thr, s in rows.items():
            print(f"{c:<6} {thr:.2f}  {s['p']:.3f} {s['r']:.3f} {s['f1']:.3f} {s['no_event']:.3f}")
    b = rep["best"]
    print(f"\nbest micro-F1: C={b['c']} threshold={b['threshold']}\n")
    print("type        n    P     R     F1")
    for t, s in rep["per_type"].items():
        print(f"{t:10s} {s['n']:4d}  {s['p']:.3f} {s['r']:.3f} {s['f1']:.3f}")
    print("\nreliability (type probabilities, out of fold): bin  n  observed share correct")
    for b, r in rep["reliability"].items():
        obs = "  n/a" if r["observed"] is None else f"{r['observed']:.3f}"
        print(f"  {b}  {r['n']:6d}  {obs}")
    print("\nveto (any-event probability < v): share of event texts vetoed / share of no-event texts caught")
    for v, s in rep["veto"].items():
        print(f"  v={v:.2f}  {s['events_vetoed']:.3f} / {s['no_event_caught']:.3f}")
    r = rep["rules_on_training"]
    f = rep["fallback"]
    print(f"\nrules on the training texts: P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f} no-event {r['no_event']:.3f}")
    print(f"rules silent on {f['silent']} texts, {f['silent_with_event']} of them with a gold event")
    print("fallback thr  added  P(silent) R(silent)  combined P/R/F1  no-event")
    for thr, s in f["by_threshold"].items():
        sil, comb = s["on_silent"], s["combined"]
        print(f"  {thr:.2f}        {sil['added']:4d}   {sil['p']:.3f}     {sil['r']:.3f}     "
              f"{comb['p']:.3f}/{comb['r']:.3f}/{comb['f1']:.3f}  {comb['no_event']:.3f}")
    print("\nrules + fallback (thr) + veto (v) on the training texts: P/R/F1  no-event")
    for key, s in rep["fallback_veto"].items():
        print(f"  {key:10s}  {s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}  {s['no_event']:.3f}")
    print("\nrules | classifier (thr) + veto (v) on the training texts: P/R/F1  no-event")
    for key, s in rep["union_veto"].items():
        print(f"  {key:10s}  {s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}  {s['no_event']:.3f}")


# --- main --------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", default=list(DEFAULT_GOLD),
                    help='gold JSONL files; "gaza" is the Gaza headline sample (default: the sample and our sets)')
    ap.add_argument("--fallback", type=float, default=FALLBACK_THRESHOLD, help="fallback threshold")
    ap.add_argument("--veto", type=float, default=VETO_THRESHOLD, help="veto threshold (any-event probability)")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="threshold of the classifier alone")
    ap.add_argument("--cv", action="store_true", help="cross-validate on the training data instead")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    if args.cv:
        rep = cross_validate(cs=(1.0, 2.0, 4.0, 8.0), thresholds=(0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8))
        if args.json:
            print(json.dumps(rep, default=str))
        else:
            print_cv(rep)
        return 0

    clf = ShortTextClassifier(threshold=args.threshold).fit()
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for name in args.gold:
        try:
            gold = gaza_gold() if name == "gaza" else load_gold(name)
        except ghe.SampleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        label = "gaza-headlines-sample" if name == "gaza" else Path(name).name
        results[label] = evaluate_set(label, gold, clf, fallback=args.fallback, veto=args.veto,
                                      default=args.threshold)
    if args.json:
        print(json.dumps(results))
        return 0
    print(f"thresholds: fallback {args.fallback}, veto {args.veto}, classifier alone {args.threshold}\n")
    for label, rows in results.items():
        n = next(iter(rows.values()))
        print(f"{label}  (records={n['records']}, no-event records={n['n_empty']})")
        print("  system            P      R      F1     no-event  source-F1  target-F1")
        for system, s in rows.items():
            ne = "   n/a" if s["no_event"] is None else f"{s['no_event']:.3f}"
            sf = "  n/a" if s["source_f1"] is None else f"{s['source_f1']:.3f}"
            tf = "  n/a" if s["target_f1"] is None else f"{s['target_f1']:.3f}"
            print(f"  {system:16s}  {s['p']:.3f}  {s['r']:.3f}  {s['f1']:.3f}  {ne:>8s}  {sf:>9s}  {tf:>9s}")
        print()
    counts = Counter(t for _, ys in load_training() for t in ys)
    print("training data: " + ", ".join(f"{t} {k}" for t, k in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
