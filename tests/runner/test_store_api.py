"""The runner writes through the store's public methods: partitions are merged by
``Store.merge_extraction``, and a run that leaves the event tables scattered re-clusters them
(``Store.optimize``).  Real DuckDB files, the real pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

import pyarrow as pa
import pytest

import fulcrum.runner
from fulcrum.errors import StoreError
from fulcrum.extract import PIPELINE_VERSION
from fulcrum.runner import run_extraction
from fulcrum.runner.partitions import merge_partitions, results_to_partition
from fulcrum.store import Store, maintenance

from .conftest import BATCH, N_ARTICLES, dump
from .test_partitions import _annotated


class RecordingStore(Store):
    """A real store that records the calls of its public write methods."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[str] = []

    def merge_extraction(self, *args, **kwargs):
        self.calls.append("merge_extraction")
        return super().merge_extraction(*args, **kwargs)

    def optimize(self, *args, **kwargs):
        self.calls.append("optimize")
        return super().optimize(*args, **kwargs)


def test_runner_never_touches_the_store_connection():
    root = Path(fulcrum.runner.__file__).parent
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        used = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert "con" not in used, f"{path.name} reaches into the store's connection"


def test_merge_partitions_goes_through_merge_extraction(tmp_path):
    with RecordingStore(tmp_path / "a.duckdb") as s:
        s.add_articles(_annotated())
        counts = merge_partitions(s, [results_to_partition(_annotated(), PIPELINE_VERSION)], PIPELINE_VERSION)
        assert s.calls == ["merge_extraction"]
        assert (counts.articles, counts.events, counts.claims) == (2, 1, 1)


def test_merge_extraction_rejects_rows_of_other_articles(tmp_path):
    part = results_to_partition(_annotated(), PIPELINE_VERSION)
    events = pa.Table.from_struct_array(part.column("events").combine_chunks().flatten())
    with Store(tmp_path / "a.duckdb") as s:
        s.add_articles(_annotated())
        before = s.stats()
        with pytest.raises(StoreError, match="not among the ids"):
            s.merge_extraction([_annotated()[1].id], {"events": events}, PIPELINE_VERSION)
        assert s.stats() == before


def test_a_run_that_scatters_the_event_tables_optimizes_them(fresh_store, reference, pipeline, monkeypatch):
    # tiny row groups, so that 20 articles are "large": the rule, not DuckDB's storage, is under test
    monkeypatch.setattr(maintenance, "ROW_GROUP_ROWS", 16)
    monkeypatch.setattr(maintenance, "AUTO_MIN_ROW_GROUPS", 2)
    monkeypatch.setattr(maintenance, "AUTO_MAX_SPREAD", 1.0)
    with RecordingStore(fresh_store) as s:
        rep = run_extraction(s, batch_size=BATCH, factory=lambda: pipeline)
        assert s.calls.count("merge_extraction") == N_ARTICLES // BATCH
        assert s.calls[-1] == "optimize"
        assert rep.optimized == ["events", "event_actors"] and rep.optimize_seconds > 0
        assert all(lay.clustered for lay in s.layout().values())
    assert dump(fresh_store) == reference


def test_a_run_on_a_small_store_does_not_rewrite(fresh_store, pipeline):
    with Store(fresh_store) as s:
        rep = run_extraction(s, batch_size=BATCH, factory=lambda: pipeline)
    assert rep.events > 0 and rep.optimized == [] and rep.optimize_seconds == 0.0
