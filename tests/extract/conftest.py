from __future__ import annotations

import pytest

from fulcrum.extract import Pipeline, default_pipeline
from fulcrum.model import Article


@pytest.fixture(scope="session")
def coder():
    pipe = Pipeline.from_config(["sentences", "actors", "events"])

    def run(text: str) -> Article:
        return pipe(Article(text=text))

    return run


@pytest.fixture(scope="session")
def default_pipe():
    """The default pipeline (rules and classifier), built once for every test module that runs it."""
    return default_pipeline()
