"""The hand-labelled Gaza headline sample (tests/data/gaza-headlines-sample.jsonl) still resolves.

The sample stores only references into ../shared/corpora/gaza-headlines (file, line, sha1 of the title) and
our labels; scripts/gaza_headlines_eval.py resolves them.  This test checks every reference resolves, every
hash matches and every label is well formed -- it does not run the pipeline.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _script():
    spec = importlib.util.spec_from_file_location("gaza_headlines_eval", REPO / "scripts" / "gaza_headlines_eval.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)  # dataclasses look their module up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


@pytest.mark.slow
def test_every_reference_resolves_and_hashes_match(shared):
    ghe = _script()
    if not (shared / "corpora" / "gaza-headlines").is_dir():
        pytest.fail(f"{shared / 'corpora' / 'gaza-headlines'} is missing: the Gaza headline sample needs it")
    records = ghe.load_sample()
    pairs = ghe.resolve(records, shared)  # raises SampleError naming any record whose ref or hash fails
    assert len(pairs) == len(records) == ghe.SAMPLE_SIZE
    assert len({r["id"] for r in records}) == len(records)
    assert len({(r["ref"]["file"], r["ref"]["line"]) for r in records}) == len(records)
    for rec, line in pairs:
        assert "text" not in rec, rec["id"]
        assert rec["published"] == line.date, rec["id"]
        for ev in rec["events"]:
            assert ev["type"] in TYPES, rec["id"]
            for role in ("source", "target"):
                for actor in ev[role]:
                    assert isinstance(actor["code"], str) and len(actor["code"]) == 3, rec["id"]


@pytest.mark.slow
def test_the_sample_is_the_seeded_draw(shared):
    """The records are exactly the draw documented in the script (seed 20261125, English, de-duplicated)."""
    ghe = _script()
    drawn = [(ln.file, ln.line, ln.sha1) for ln in ghe.draw_sample(shared)]
    stored = [(r["ref"]["file"], r["ref"]["line"], r["ref"]["sha1"]) for r in ghe.load_sample()]
    assert stored == drawn


def test_a_changed_corpus_line_is_reported_by_id(tmp_path):
    ghe = _script()
    corpus = tmp_path / "corpora" / "gaza-headlines"
    corpus.mkdir(parents=True)
    (corpus / "gaza-news.txt").write_text("2024-01-01\tX\tIsrael strikes Gaza - X\thttp://x\n", encoding="utf-8")
    rec = {"id": "GH-999", "ref": {"file": "gaza-news.txt", "line": 1, "sha1": "0" * 40}, "events": []}
    with pytest.raises(ghe.SampleError, match="GH-999"):
        ghe.resolve([rec], tmp_path)
    rec["ref"]["sha1"] = ghe.title_sha1("Israel strikes Gaza - X")
    ((_, line),) = ghe.resolve([rec], tmp_path)
    assert ghe.strip_outlet(line.title, line.outlet) == "Israel strikes Gaza"
