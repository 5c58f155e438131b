from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository (seed, eval sets, corpora).  Tests that need it fail loudly without it."""
    if not (SHARED / "seed").is_dir():
        pytest.fail(f"../shared is missing (looked for {SHARED}); the tests read seed and corpora from there.")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from fulcrum.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from fulcrum.extract import default_pipeline

    return default_pipeline(nlp)


@pytest.fixture(scope="session")
def gaza_db(shared, tmp_path_factory):
    """The whole ../shared/corpora/gaza-headlines corpus ingested, extracted and with processes built, in a
    tmp DuckDB -- built once per session (about two minutes) and shared by the real-data tests.  Read it,
    do not write to it."""
    import fulcrum
    from fulcrum.processes import build

    corpus = shared / "corpora" / "gaza-headlines"
    if not corpus.is_dir():
        pytest.fail(f"{corpus} is missing: the real-data tests need ../shared/corpora/gaza-headlines")
    ws = fulcrum.open(tmp_path_factory.mktemp("gaza-shared") / "gaza.duckdb")
    ws.ingest([corpus])
    ws.extract()
    build(ws.store)
    yield ws
    ws.close()
