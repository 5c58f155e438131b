"""Regression guard: event coding on the PLOVER gold dev half must not slip.

Reads ``../shared/eval/plover-gsr-dev.jsonl`` at run time (never copied into the repo), runs the default
pipeline in memory and scores with :func:`fulcrum.evaluate.score`.  The recorded figure is also in
docs/evaluation.md ("Event coding"); update both together when coding improves.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

#: macro-F1 on plover-gsr-dev.jsonl when last recorded (docs/evaluation.md, "Event coding").
RECORDED_MACRO_F1 = 0.908
TOLERANCE = 0.02

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "plover-gsr-dev.jsonl"


def test_dev_macro_f1_does_not_regress():
    assert DEV.exists(), f"{DEV} is missing: this test reads it from ../shared (see tests/conftest.py)"
    from fulcrum.evaluate import load_gold, score
    from fulcrum.extract import Pipeline
    from fulcrum.model import Article
    from fulcrum.records import event_record

    gold = load_gold(DEV)
    pipe = Pipeline.from_config(["sentences", "actors", "events"])
    arts = [Article(text=g["text"], external_id=g["id"], outlet="gold",
                    published=date.fromisoformat(g["published"]) if g.get("published") else None) for g in gold]
    predicted: dict[str, list[dict]] = defaultdict(list)
    for art in pipe.pipe(arts):
        for ev in art.events:
            predicted[str(art.external_id)].append(event_record(art, ev))
    res = score(gold, predicted).to_dict()
    worst = sorted(res["per_type"].items(), key=lambda kv: kv[1]["f1"])[:3]
    assert res["macro_f1"] >= RECORDED_MACRO_F1 - TOLERANCE, json.dumps(
        {"macro_f1": res["macro_f1"], "weakest": worst})
