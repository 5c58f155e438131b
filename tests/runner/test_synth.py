"""Synthetic corpora: deterministic, within the word bounds, dated along a timeline, and ingestible."""

from __future__ import annotations

from typer.testing import CliRunner

import fulcrum
from fulcrum.cli import app
from fulcrum.synth import MAX_WORDS, MIN_WORDS, generate, write_corpus


def test_same_seed_same_corpus_and_bounds():
    a = list(generate(200, seed=3))
    assert [x.markdown() for x in a] == [x.markdown() for x in generate(200, seed=3)]
    assert [x.text for x in a] != [x.text for x in generate(200, seed=4)]
    assert all(MIN_WORDS <= x.words <= MAX_WORDS for x in a)
    dates = [x.published for x in a]
    assert dates == sorted(dates) and len(set(dates)) > 20
    assert len({x.text for x in a}) == len(a)
    body = " ".join(x.text for x in a)
    for marker in ('"', " said", "at least", "killed", "denied"):  # events, quotes, figures, modality
        assert marker in body


def test_cli_writes_only_ingestible_articles(tmp_path):
    out = tmp_path / "corpus"
    res = CliRunner().invoke(app, ["synth", "--articles", "12", "--seed", "5", "--output", str(out)])
    assert res.exit_code == 0, res.output
    files = sorted(out.iterdir())
    assert len(files) == 12 and all(f.suffix == ".md" for f in files)
    with fulcrum.open(tmp_path / "s.duckdb") as ws:
        rep = ws.ingest([out])
        assert (rep.added, rep.failed) == (12, 0), rep.errors
        stored = ws.store.load_articles(ws.pending())
    expected = {a.text: a for a in generate(12, seed=5)}
    for art in stored:
        assert art.published == expected[art.text].published and art.outlet == expected[art.text].outlet
    assert write_corpus(0, tmp_path / "empty") == []


def test_extract_refuses_both_workers_and_scheduler(tmp_path):
    res = CliRunner().invoke(app, ["--db", str(tmp_path / "x.duckdb"), "extract", "--workers", "2",
                                   "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2
