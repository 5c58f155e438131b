"""Measure the short-text classifier (fulcrum.extract.classifier) against the rules, without pipeline integration.

    python scripts/classifier_eval.py                      # Gaza headline samples A and C + our gold files
    python scripts/classifier_eval.py --gold FILE ...      # other gold JSONL files ("gaza", "gaza-c": samples A, C)
    python scripts/classifier_eval.py --cv [--data FILE]   # cross-validation on the training data only
    python scripts/classifier_eval.py --json               # every figure as JSON

For each gold set it runs the pipeline up to the rules (sentences, actors, events: the classifier left out) and
scores, with fulcrum.evaluate.score (types compared as sets per record), the rules and the classifier's
component (fulcrum.extract.classifier.ClassifierFallback) applied to exactly that output in several ways:

* ``rules``            the rules alone;
* ``rules+fallback``   the classifier's types added only to headlines where the rules found no event, at the
                       fallback threshold;
* ``rules+fb+veto``    the same, and rule events dropped from headline-like texts (short, no final full stop)
                       where the classifier's probability that the text reports any event is below the veto
                       threshold;
* ``+override``        and a rule type the classifier all but rules out replaced by the type it is sure of
                       (the component's defaults before the two steps below);
* ``+add gate``        and nothing added unless the event-vs-none model gives at least ``ADD_MIN_EVENT``;
* ``+union U``         and, on headlines that may report two acts (a second clause, or "X says ...") where the
                       rules spoke, a type the rules missed that the classifier gives at least U;
* ``shipped``          the component with its shipped defaults (what the default pipeline runs);
* ``classifier``       the classifier alone (default threshold).

``--cv`` fits nothing on any evaluation set: it runs 5-fold cross-validation on
src/fulcrum/data/training/short-texts.jsonl (out-of-fold probabilities), over a grid of C, and -- because the
fallback only acts where the rules are silent -- also runs the rules on the training texts and reports the
out-of-fold precision of fallback events on exactly those texts.  The thresholds in fulcrum.extract.classifier
were chosen from this output.

The Gaza headline samples A and C (tests/data/gaza-headlines-sample.jsonl, -sample-c.jsonl) are resolved with
scripts/gaza_headlines_eval.py's loader and are used here only to report; nothing is fitted or tuned on them.
Sample B is never read.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import gaza_headlines_eval as ghe  # noqa: E402  (the sample's loader: imported, not duplicated)

from fulcrum.evaluate import load_gold, score  # noqa: E402
from fulcrum.extract.classifier import (  # noqa: E402
    ADD_MIN_EVENT,
    DEFAULT_THRESHOLD,
    FALLBACK_THRESHOLD,
    OVERRIDE_MAX_RULE,
    OVERRIDE_THRESHOLD,
    UNION_THRESHOLD,
    VETO_THRESHOLD,
    ClassifierFallback,
    ShortTextClassifier,
    assign_actors,
    headline_like,
    load_training,
    two_acts_possible,
)

DEFAULT_GOLD = ("gaza", "gaza-c", "tests/data/headlines-own-b.jsonl", "tests/data/acled-style-own-b.jsonl",
                "tests/data/noevent.jsonl", str(ghe.DEFAULT_SHARED / "eval" / "plover-gsr-dev.jsonl"))
Predicted = dict[str, list[dict[str, Any]]]


# --- gold sets and the rules' predictions ------------------------------------------------------------------
def gaza_gold(shared: Path = ghe.DEFAULT_SHARED, sample: Path = ghe.SAMPLE) -> list[dict[str, Any]]:
    """A Gaza headline sample with its text resolved from ../shared (raw titles, as gaza_headlines_eval scores)."""
    return ghe.gold_records(ghe.resolve(ghe.load_sample(sample), shared), strip=False)


#: The default pipeline up to the rules: the classifier's component is left out, so that what follows can
#: apply it (or variants of it) to exactly the rules' output.
RULES_COMPONENTS = ("sentences", "actors", "events")


def rules_articles(texts: Sequence[tuple[str, str]]) -> list[tuple[Any, Any]]:
    """(article, parse) per (id, text), annotated by the rules only (no classifier: it has seen its own
    training texts, and the point is to measure it against the rules)."""
    from fulcrum.extract import Pipeline
    from fulcrum.extract.pipeline import headline_doc
    from fulcrum.model import Article

    pipe = Pipeline.from_config(RULES_COMPONENTS)
    arts = [Article(text=t, external_id=i) for i, t in texts]
    docs = list(pipe.nlp.pipe([headline_doc(pipe.nlp, a.text) for a in arts], batch_size=64))
    return [(pipe.annotate(a, d), d) for a, d in zip(arts, docs, strict=True)]


def rules_predictions(gold: Sequence[dict[str, Any]]) -> Predicted:
    """The rules' event records per gold id (the pipeline without the classifier)."""
    from fulcrum.records import event_record

    ran = rules_articles([(str(g["id"]), g["text"]) for g in gold])
    return {str(a.external_id): [event_record(a, e) for e in a.events] for a, _ in ran}


# --- combining ---------------------------------------------------------------------------------------------
def classifier_events(clf: ShortTextClassifier, text: str, actors: list[Any], threshold: float) -> list[dict[str, Any]]:
    source, target = assign_actors(text, actors)
    return [{"type": p.type, "probability": p.probability, "source": [a.to_dict() for a in source],
             "target": [a.to_dict() for a in target], "rule": "classifier"}
            for p in clf.predict(text, threshold)]


def systems(clf: ShortTextClassifier, *, fallback: float, veto: float, union: float | None) -> dict[str, Any]:
    """The ways of applying the classifier that are compared, each adding one step to the one before (each a
    ClassifierFallback, or None: the rules alone); "shipped" is the component with its defaults."""
    old = {"threshold": fallback, "veto_threshold": veto, "add_min_event": veto, "type_thresholds": {}}
    return {
        "rules": None,
        "rules+fallback": ClassifierFallback(clf, **{**old, "veto": False}, override_threshold=None,
                                             union_threshold=None),
        "rules+fb+veto": ClassifierFallback(clf, **old, override_threshold=None, union_threshold=None),
        "+override": ClassifierFallback(clf, **old, union_threshold=None),
        "+add gate": ClassifierFallback(clf, **{**old, "add_min_event": ADD_MIN_EVENT}, union_threshold=None),
        f"+union {union}": ClassifierFallback(clf, **{**old, "add_min_event": ADD_MIN_EVENT},
                                              union_threshold=union),
        "shipped": ClassifierFallback(clf),
    }


def combine(gold: Sequence[dict[str, Any]], ran: list[tuple[Any, Any]], clf: ShortTextClassifier, *,
            fallback: float, veto: float, union: float | None, default: float) -> dict[str, Predicted]:
    from fulcrum.records import event_record

    out: dict[str, Predicted] = {}
    for name, comp in systems(clf, fallback=fallback, veto=veto, union=union).items():
        out[name] = {}
        for g, (art, doc) in zip(gold, ran, strict=True):
            a = copy.copy(art)
            a.events = list(art.events)
            if comp is not None:
                comp(a, doc)
            out[name][str(g["id"])] = [event_record(a, e) for e in a.events]
    out["classifier"] = {str(g["id"]): classifier_events(clf, g["text"], list(art.actors), default)
                         for g, (art, _) in zip(gold, ran, strict=True)}
    return out


def figures(gold: Sequence[dict[str, Any]], predicted: Predicted) -> dict[str, Any]:
    res = score(gold, predicted).to_dict()
    m = res["micro"]
    return {"records": res["records"], "p": m["p"], "r": m["r"], "f1": m["f1"], "macro_f1": res["macro_f1"],
            "no_event": res["empty_acc"], "n_empty": res["counts"]["empty"], "source_f1": res["source_f1"],
            "target_f1": res["target_f1"]}


def evaluate_set(name: str, gold: list[dict[str, Any]], clf: ShortTextClassifier, *, fallback: float,
                 veto: float, union: float | None, default: float) -> dict[str, dict[str, Any]]:
    ran = rules_articles([(str(g["id"]), g["text"]) for g in gold])
    combos = combine(gold, ran, clf, fallback=fallback, veto=veto, union=union, default=default)
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


def cross_validate(cs: Sequence[float], thresholds: Sequence[float], data: str | None = None) -> dict[str, Any]:
    examples = load_training(data)
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
    # from here on: the shipped model's C (the rules and the component, as the pipeline runs them)
    c_ship = ShortTextClassifier().c
    probs, anyp = oof[c_ship] if c_ship in oof else oof_probabilities(examples, c_ship)
    report["component_c"] = c_ship
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
    # what the component does: veto (headlines), override, fallback where the rules are silent (per-type
    # thresholds or one), and optionally a second type on headlines where the rules spoke (union threshold)
    headline = [headline_like(t) for t, _ in examples]
    two = [two_acts_possible(t) for t, _ in examples]

    def component(fb: dict[str, float] | float, u: float | None, i: int, gate: bool = True,
                  ovr: tuple[float, float] = (OVERRIDE_THRESHOLD, OVERRIDE_MAX_RULE),
                  add_min: float = ADD_MIN_EVENT) -> frozenset[str]:
        pr, rt = probs[i], rule_types[i]
        if not rt:
            if anyp[i] < add_min:
                return frozenset()
            return frozenset(t for t, p in pr.items() if p >= (fb.get(t, FALLBACK_THRESHOLD)
                                                              if isinstance(fb, dict) else fb))
        if not headline[i]:
            return rt
        if anyp[i] < VETO_THRESHOLD:
            return frozenset()
        out = set(rt)
        sure = [t for t, p in sorted(pr.items(), key=lambda tp: -tp[1]) if p >= ovr[0] and t not in rt]
        gone = [t for t in rt if pr.get(t, 0.0) < ovr[1]]
        if sure and gone:
            out.discard(gone[0])
            out.add(sure[0])
        if u is not None and (two[i] or not gate):
            out |= {t for t, p in pr.items() if p >= u}
        return frozenset(out)

    comp = {}
    for u in (None, 0.8, 0.85, 0.9, 0.95):
        comp[str(u)] = _set_scores(gold, [component(FALLBACK_THRESHOLD, u, i) for i in range(len(examples))])
        if u is not None:
            comp[f"{u} ungated"] = _set_scores(gold, [component(FALLBACK_THRESHOLD, u, i, gate=False)
                                                      for i in range(len(examples))])
    report["component_union"] = comp
    report["component_add_min"] = {
        f"{thr}/{a}": _set_scores(gold, [component(thr, UNION_THRESHOLD, i, add_min=a) for i in range(len(examples))])
        for thr in (0.5, 0.6, 0.7, 0.8) for a in (0.15, 0.25, 0.35, 0.5)}
    report["component_override"] = {
        f"{o}/{m}": _set_scores(gold, [component(FALLBACK_THRESHOLD, UNION_THRESHOLD, i, ovr=(o, m))
                                       for i in range(len(examples))])
        for o in (0.8, 0.85, 0.9, 0.95, 1.01) for m in (0.02, 0.05, 0.1, 0.2)}
    # per-type fallback thresholds by coordinate ascent on combined micro-F1 (out-of-fold probabilities)
    grid_t = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
    per_thr = {t: FALLBACK_THRESHOLD for t in types}
    for _ in range(2):
        for t in types:
            best_t = max(grid_t, key=lambda v, t=t: (round(_set_scores(
                [gold[i] for i in silent], [component({**per_thr, t: v}, None, i) for i in silent])["f1"], 6), v))
            per_thr[t] = best_t
    report["per_type_thresholds"] = per_thr
    report["per_type_component"] = _set_scores(gold, [component(per_thr, None, i) for i in range(len(examples))])
    return report


def _print_prf(title: str, rows: dict[Any, dict[str, float]], label: str = "") -> None:
    """One block of the CV report: a title, then ``key  P/R/F1  no-event`` per setting."""
    print("\n" + title)
    width = 12 if label else 10
    for key, s in rows.items():
        print(f"  {label}{key!s:{width}s}  {s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}  {s['no_event']:.3f}")


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
    print(f"\nwith the shipped model (C={rep['component_c']}):")
    print(f"\nrules on the training texts: P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f} no-event {r['no_event']:.3f}")
    print(f"rules silent on {f['silent']} texts, {f['silent_with_event']} of them with a gold event")
    print("fallback thr  added  P(silent) R(silent)  combined P/R/F1  no-event")
    for thr, s in f["by_threshold"].items():
        sil, comb = s["on_silent"], s["combined"]
        print(f"  {thr:.2f}        {sil['added']:4d}   {sil['p']:.3f}     {sil['r']:.3f}     "
              f"{comb['p']:.3f}/{comb['r']:.3f}/{comb['f1']:.3f}  {comb['no_event']:.3f}")
    for title, key, label in (
            ("rules + fallback (thr) + veto (v) on the training texts: P/R/F1  no-event", "fallback_veto", ""),
            ("rules | classifier (thr) + veto (v) on the training texts: P/R/F1  no-event", "union_veto", ""),
            ("the component (veto, override, fallback; a second type on headlines that may report two acts at "
             ">= u): P/R/F1  no-event", "component_union", "u="),
            ("the component adding where the rules are silent at (type >= thr / any-event >= a): P/R/F1  no-event",
             "component_add_min", ""),
            ("the component with the override at (classifier's type >= o / rule's type < m), union as shipped:",
             "component_override", "")):
        _print_prf(title, rep[key], label)
    s = rep["per_type_component"]
    print("\nper-type fallback thresholds (coordinate ascent on out-of-fold combined F1): "
          + ", ".join(f"{t} {v}" for t, v in rep["per_type_thresholds"].items()))
    print(f"  component with them: {s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}  {s['no_event']:.3f}")


# --- main --------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", default=list(DEFAULT_GOLD),
                    help='gold JSONL files; "gaza" and "gaza-c" are the Gaza headline samples A and C '
                         '(default: those and our sets; sample B, the blind one, is never read here)')
    ap.add_argument("--fallback", type=float, default=FALLBACK_THRESHOLD, help="fallback threshold")
    ap.add_argument("--union", type=float, default=UNION_THRESHOLD,
                    help="threshold of the '+union' system (a second type on headlines where the rules spoke)")
    ap.add_argument("--veto", type=float, default=VETO_THRESHOLD, help="veto threshold (any-event probability)")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="threshold of the classifier alone")
    ap.add_argument("--cv", action="store_true", help="cross-validate on the training data instead")
    ap.add_argument("--data", help="the training file for --cv (default: the shipped one)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    if args.cv:
        rep = cross_validate(cs=(1.0, 2.0, 4.0, 8.0), thresholds=(0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8),
                             data=args.data)
        if args.json:
            print(json.dumps(rep, default=str))
        else:
            print_cv(rep)
        return 0

    clf = ShortTextClassifier(threshold=args.threshold).fit()
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for name in args.gold:
        try:
            gold = (gaza_gold() if name == "gaza" else gaza_gold(sample=ghe.SAMPLE_C) if name == "gaza-c"
                    else load_gold(name))
        except ghe.SampleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        label = {"gaza": "gaza-headlines-sample", "gaza-c": "gaza-headlines-sample-c"}.get(name, Path(name).name)
        results[label] = evaluate_set(label, gold, clf, fallback=args.fallback, veto=args.veto, union=args.union,
                                      default=args.threshold)
    if args.json:
        print(json.dumps(results))
        return 0
    print(f"thresholds: fallback {args.fallback}, veto {args.veto}, union {args.union}, "
          f"classifier alone {args.threshold}\n")
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
