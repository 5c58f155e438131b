from __future__ import annotations

from pathlib import Path

import pytest

from fulcrum import processes
from fulcrum.api import Workspace
from fulcrum.demo import demo_files
from fulcrum.store import Store

from ._data import sample_articles, xss_articles


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo database: the shipped demo corpus ingested and extracted, plus hand-built annotated reports
    (so events, evidence, places and contradicting claims exist whatever extraction finds today)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Workspace(path) as ws:
        ws.ingest([str(p) for p in demo_files()])  # failures are counted, not raised
        ws.extract()
        arts = sample_articles()
        ws.store.add_articles(arts)
        ws.store.save_extraction(arts, "test")
        processes.build(ws.store)
    return path


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xss") / "xss.duckdb"
    with Store(path) as s:
        arts = xss_articles()
        s.add_articles(arts)
        s.save_extraction(arts, "test")
        processes.build(s)
    return path


@pytest.fixture()
def small_db(tmp_path) -> Path:
    path = tmp_path / "small.duckdb"
    with Store(path) as s:
        arts = sample_articles()
        s.add_articles(arts)
        s.save_extraction(arts, "test")
    return path
