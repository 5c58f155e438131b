"""Every labelled set in one table (developer tool): the figures docs/evaluation.md records.

    python scripts/eval_table.py [--sets NAME ...] [--json] [--shared DIR]

Runs `fulcrum.evaluate.evaluate_file` (the code behind `fulcrum eval`: each record ingested into a
temporary store, extracted by the full pipeline, scored by the reference rules) on every set below that
exists, and prints one row per set: records, micro P/R/F1, macro-F1, no-event accuracy, source and target
country F1, dates, and the provenance figures given the type where the set codes provenance.

The Gaza headline samples hold references into ../shared/corpora, resolved by
scripts/gaza_headlines_eval.py; the gold sets under ../shared/eval are read from there, never copied.
Gaza samples B, D, F and G and incident sets E, G and H are the blind measures: score them, never read their errors
while tuning (sample E and set F were blind for their first run only, then used to find errors).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"

#: (name, where): "shared:" paths are under the shared folder, "sample:" are Gaza headline samples.
SETS: list[tuple[str, str]] = [
    ("plover-gsr-dev", "shared:eval/plover-gsr-dev.jsonl"),
    ("provenance-dev", "shared:eval/provenance-dev.jsonl"),
    ("plover-style-own", "data:plover-style-own.jsonl"),
    ("plover-style-own-b", "data:plover-style-own-b.jsonl"),
    ("headlines-own", "data:headlines-own.jsonl"),
    ("headlines-own-b", "data:headlines-own-b.jsonl"),
    ("acled-style-own", "data:acled-style-own.jsonl"),
    ("acled-style-own-b", "data:acled-style-own-b.jsonl"),
    ("acled-style-own-c", "data:acled-style-own-c.jsonl"),
    ("acled-style-own-d", "data:acled-style-own-d.jsonl"),
    ("acled-style-own-e", "data:acled-style-own-e.jsonl"),
    ("acled-style-own-f", "data:acled-style-own-f.jsonl"),
    ("acled-style-own-g", "data:acled-style-own-g.jsonl"),
    ("acled-style-own-h", "data:acled-style-own-h.jsonl"),
    ("noevent", "data:noevent.jsonl"),
    ("provenance-own", "data:provenance-own.jsonl"),
    ("provenance-own-b", "data:provenance-own-b.jsonl"),
    ("gaza-sample-a", "sample:gaza-headlines-sample.jsonl"),
    ("gaza-sample-b", "sample:gaza-headlines-sample-b.jsonl"),
    ("gaza-sample-c", "sample:gaza-headlines-sample-c.jsonl"),
    ("gaza-sample-d", "sample:gaza-headlines-sample-d.jsonl"),
    ("gaza-sample-e", "sample:gaza-headlines-sample-e.jsonl"),
    ("gaza-sample-f", "sample:gaza-headlines-sample-f.jsonl"),
    ("gaza-sample-g", "sample:gaza-headlines-sample-g.jsonl"),
]

PROVENANCE_KEYS = ("modality", "claimant", "claimant_type", "cue")


def _gold_path(where: str, shared: Path, tmp: Path) -> Path | None:
    kind, name = where.split(":", 1)
    if kind == "shared":
        p = shared / name
        return p if p.is_file() else None
    if kind == "data":
        p = DATA / name
        return p if p.is_file() else None
    sys.path.insert(0, str(REPO / "scripts"))
    import gaza_headlines_eval as gh

    p = DATA / name
    if not p.is_file():
        return None
    records = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = gh.gold_records(gh.resolve(records, shared), strip=False)
    out = tmp / name
    out.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return out


def row(name: str, res: dict[str, Any]) -> dict[str, Any]:
    prov = res.get("provenance") or {}
    return {"set": name, "records": res["records"], "micro_p": res["micro"]["p"], "micro_r": res["micro"]["r"],
            "micro_f1": res["micro"]["f1"], "macro_f1": res["macro_f1"], "no_event": res["empty_acc"],
            "source_f1": res["source_f1"], "target_f1": res["target_f1"], "dates": res["date_acc"],
            **{f"prov_{k}": prov.get(f"{k}_given_type") for k in PROVENANCE_KEYS}}


def _fmt(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def main(argv: list[str] | None = None) -> int:
    from fulcrum.evaluate import evaluate_file

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", help="only these sets (names as in the table)")
    ap.add_argument("--json", action="store_true", help="one JSON object per set")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    wanted = [(n, w) for n, w in SETS if not args.sets or n in args.sets]
    unknown = set(args.sets or ()) - {n for n, _ in SETS}
    if unknown:
        print(f"unknown set(s): {', '.join(sorted(unknown))}; known: {', '.join(n for n, _ in SETS)}",
              file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="fulcrum-eval-table-") as tmp:
        for name, where in wanted:
            path = _gold_path(where, args.shared, Path(tmp))
            if path is None:
                print(f"{name}: not found ({where}), skipped", file=sys.stderr)
                continue
            scores, _ = evaluate_file(path)
            rows.append(row(name, scores.to_dict()))
            if args.json:
                print(json.dumps(rows[-1]), flush=True)
    if not args.json:
        cols = ["set", "records", "micro_p", "micro_r", "micro_f1", "macro_f1", "no_event", "source_f1",
                "target_f1", "dates", *(f"prov_{k}" for k in PROVENANCE_KEYS)]
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for r in rows:
            print("| " + " | ".join(_fmt(r[c]) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
