"""Our scorer agrees with the reference scorer in ../shared/eval/score.py, and reads gold strictly."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import defaultdict

import pytest

from fulcrum.errors import IngestError
from fulcrum.evaluate import claimant_match, load_gold, score


def _perturbed_predictions(gold, seed=7):
    """Predicted events made from gold with errors of every kind: dropped, retyped, wrong actors."""
    rng = random.Random(seed)
    types = ["AGREE", "ASSAULT", "CONSULT", "ACCUSE", "REQUEST"]
    preds = []
    for g in gold:
        for e in g["events"]:
            if not e.get("type") or rng.random() < 0.15:
                continue
            p = {"external_id": g["id"], "type": e["type"], "source": e.get("source", []),
                 "target": e.get("target", []), "date": e.get("date"), "location": e.get("location"),
                 "modality": e.get("modality"), "attribution": dict(e.get("attribution") or {})}
            r = rng.random()
            if r < 0.15:
                p["type"] = rng.choice(types)
            elif r < 0.3:
                p["source"] = [{"code": "USA", "sector": "GOV"}]
            elif r < 0.4:
                p["modality"] = "asserted"
                p["attribution"]["claimant"] = "somebody else entirely"
            preds.append(p)
        if rng.random() < 0.1:
            preds.append({"external_id": g["id"], "type": rng.choice(types), "source": [], "target": []})
    return preds


@pytest.mark.parametrize("name", ["plover-gsr-dev.jsonl", "provenance-dev.jsonl"])
def test_agrees_with_reference_scorer(shared, tmp_path, name):
    gold_path = shared / "eval" / name
    gold = load_gold(gold_path)
    preds = _perturbed_predictions(gold)
    pred_path = tmp_path / "events.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    ref = json.loads(subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold_path),
                                     str(pred_path)], capture_output=True, text=True, check=True).stdout)
    grouped = defaultdict(list)
    for p in preds:
        grouped[p["external_id"]].append(p)
    ours = score(gold, grouped).to_dict()
    assert ours["records"] == ref["records"]
    for key in ("macro_f1", "source_f1", "target_f1", "date_acc", "loc_25km", "empty_acc"):
        assert ours[key] == pytest.approx(ref[key]), key
    for k in ("p", "r", "f1"):
        assert ours["micro"][k] == pytest.approx(ref["micro"][k])
    assert ours["provenance"] == ref["provenance"]
    assert 0 < ours["micro"]["f1"] < 1  # the perturbation really made errors


def test_claimant_overlap_rule():
    assert claimant_match("Two senior officials", "two senior officials")
    assert claimant_match("the UN refugee agency", "UN refugee agency spokesman")
    assert not claimant_match("Two senior officials", "Hamas")
    assert claimant_match(None, None) and not claimant_match(None, "someone")


def test_bad_gold_line_is_named(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text('{"id": "a", "text": "x", "events": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(IngestError, match=r"gold.jsonl:2: not valid JSON"):
        load_gold(p)


def test_gold_line_python_refuses_is_named(tmp_path):
    # valid JSON, but json.loads raises a plain ValueError (no .msg) for an integer this long
    p = tmp_path / "gold.jsonl"
    p.write_text('{"id": "a", "text": "x", "events": []}\n{"id": ' + "1" * 5000 + ', "text": "x"}\n',
                 encoding="utf-8")
    with pytest.raises(IngestError, match=r"gold.jsonl:2: not valid JSON \(Exceeds the limit"):
        load_gold(p)
