"""Shared for the runner tests: a small synthetic corpus and its single-process extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulcrum.store import Store
from fulcrum.synth import generate

N_ARTICLES = 20
BATCH = 4  # several partitions from a small corpus

#: Every stored column except the extraction timestamp, table by table, in a canonical order.
DUMPS = {
    "articles": "SELECT id, external_id, title, text, published, outlet, url, source, language, near_duplicate_of, "
                "extracted_at IS NOT NULL AS extracted, pipeline_version FROM articles ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY article_id, idx",
    "events": "SELECT * FROM events ORDER BY id",
    "event_actors": "SELECT * FROM event_actors ORDER BY event_id, role, text, code, sector, name",
    "claims": "SELECT * FROM claims ORDER BY id",
}


def dump(path: Path) -> dict[str, list[tuple]]:
    with Store(path, read_only=True) as s:
        return {t: s.con.execute(sql).fetchall() for t, sql in DUMPS.items()}


def make_store(path: Path) -> Path:
    with Store(path) as s:
        s.add_articles([a.to_article() for a in generate(N_ARTICLES, seed=7)])
    return path


@pytest.fixture(scope="session")
def reference(tmp_path_factory, pipeline) -> dict[str, list[tuple]]:
    """The single-process result: ``Workspace.extract`` (the path ``fulcrum extract`` takes)."""
    import fulcrum

    path = make_store(tmp_path_factory.mktemp("ref") / "ref.duckdb")
    with fulcrum.open(path) as ws:
        ws._pipeline = pipeline
        ws.extract(batch_size=BATCH)
    out = dump(path)
    assert len(out["sentences"]) > 0, "the pipeline found no sentences: the comparison would say nothing"
    return out


@pytest.fixture
def fresh_store(tmp_path) -> Path:
    return make_store(tmp_path / "work.duckdb")
