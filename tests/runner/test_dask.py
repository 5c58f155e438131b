"""On a LocalCluster of 2 worker processes the store ends up exactly as with one process."""

from __future__ import annotations

import pytest

from fulcrum.runner import dask_client, run_extraction
from fulcrum.runner.worker import PipelineLoader, peak_rss_mb, pipeline_loads
from fulcrum.store import Store

from .conftest import BATCH, N_ARTICLES, dump


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as c:
        c.register_plugin(PipelineLoader())
        yield c


def test_two_workers_equal_one_process(client, fresh_store, reference):
    with Store(fresh_store) as s:
        rep = run_extraction(s, client, batch_size=BATCH, workers_write=True)
    assert rep.workers == 2 and rep.articles == N_ARTICLES
    out = dump(fresh_store)
    assert len(out["sentences"]) > 0
    assert out == reference
    assert set(client.run(pipeline_loads).values()) == {1}  # each worker loaded the pipeline once
    assert all(0 < mb < 1536 for mb in client.run(peak_rss_mb).values())


def test_partitions_sent_back_to_the_driver(client, fresh_store, reference):
    """The mode for clusters whose workers cannot reach the driver's disk (on a part of the corpus)."""
    with Store(fresh_store) as s:
        ids = s.article_ids_to_extract()[:2 * BATCH]
        rep = run_extraction(s, client, ids=ids, batch_size=BATCH, workers_write=False)
    assert rep.partitions == 2
    out = dump(fresh_store)
    for table in ("sentences", "events", "claims"):
        assert out[table] == [r for r in reference[table] if r[1 if table != "sentences" else 0] in set(ids)]
