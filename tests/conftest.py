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
