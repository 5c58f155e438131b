from __future__ import annotations

import pytest

from fulcrum.extract import Pipeline
from fulcrum.model import Article


@pytest.fixture(scope="session")
def coder():
    pipe = Pipeline.from_config(["sentences", "actors", "events"])

    def run(text: str) -> Article:
        return pipe(Article(text=text))

    return run
