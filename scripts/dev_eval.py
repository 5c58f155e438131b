"""Quick in-process scoring of the extraction pipeline on a gold JSONL file (developer tool).

    python scripts/dev_eval.py ../shared/eval/plover-gsr-dev.jsonl [--events OUT.jsonl]

Runs the default pipeline on every gold record (no database), writes the events as fulcrum's JSONL
export would, and runs the reference scorer ../shared/eval/score.py on them.  `fulcrum eval` is the
user-facing version of this.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from fulcrum.extract import default_pipeline
from fulcrum.model import Article
from fulcrum.records import event_record


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--events", help="where to write the predicted events JSONL")
    ap.add_argument("--scorer", default=str(Path(__file__).resolve().parents[1].parent / "shared/eval/score.py"))
    args = ap.parse_args()
    pipe = default_pipeline()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    arts = [Article(text=g["text"], external_id=g["id"], outlet="gold",
                    published=date.fromisoformat(g["published"]) if g.get("published") else None) for g in gold]
    out = Path(args.events) if args.events else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf-8") as fh:
        for art in pipe.pipe(arts):
            for ev in art.events:
                fh.write(json.dumps(event_record(art, ev)) + "\n")
    res = subprocess.run([sys.executable, args.scorer, args.gold, str(out)], capture_output=True, text=True,
                         check=True)
    scores = json.loads(res.stdout)
    per = scores.pop("per_type")
    print(json.dumps(scores, indent=1))
    for t, v in sorted(per.items()):
        print(f"{t:10s} p={v['p']:.2f} r={v['r']:.2f} f1={v['f1']:.2f}")
    print("events written to", out, file=sys.stderr)


if __name__ == "__main__":
    main()
