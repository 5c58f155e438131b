"""A run killed at any point resumes without duplicates or loss (in-process executor, same code path)."""

from __future__ import annotations

import shutil

import pytest

from fulcrum.extract import PIPELINE_VERSION
from fulcrum.runner import driver, parts_dir_for, run_extraction
from fulcrum.runner.partitions import articles_to_batch, results_to_partition, write_partition
from fulcrum.runner.worker import extract_batch
from fulcrum.store import Store

from .conftest import BATCH, N_ARTICLES, dump


class Killed(BaseException):
    """Stands in for SIGKILL / Ctrl-C: not an Exception, so nothing on the way catches it."""


def test_in_process_run_equals_workspace_extract(fresh_store, reference):
    with Store(fresh_store) as s:
        rep = run_extraction(s, batch_size=BATCH, workers_write=True)
    assert rep.articles == N_ARTICLES and rep.partitions == N_ARTICLES // BATCH
    assert dump(fresh_store) == reference
    assert not parts_dir_for(fresh_store).exists()


def test_killed_between_write_and_merge_resumes(fresh_store, reference, monkeypatch):
    real_merge = driver.merge_partitions
    calls = []

    def merge_then_die(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:  # partition 2 is written, not merged
            raise Killed
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(driver, "merge_partitions", merge_then_die)
    with Store(fresh_store) as s, pytest.raises(Killed):
        run_extraction(s, batch_size=BATCH, workers_write=True)
    assert len(list(parts_dir_for(fresh_store).glob("run-*/part-*.parquet"))) == 1
    with Store(fresh_store, read_only=True) as s:
        assert s.stats()["extracted"] == 2 * BATCH
    monkeypatch.setattr(driver, "merge_partitions", real_merge)

    with Store(fresh_store) as s:
        rep = run_extraction(s, batch_size=BATCH, workers_write=True)
    assert rep.recovered == BATCH  # the orphan partition was merged, not recomputed
    assert rep.articles == N_ARTICLES - 2 * BATCH
    assert dump(fresh_store) == reference
    assert not parts_dir_for(fresh_store).exists()


def test_killed_after_commit_before_cleanup_and_half_written_files(fresh_store, reference):
    """A partition merged but not yet deleted is merged again harmlessly; a torn temp file is ignored."""
    with Store(fresh_store) as s:
        ids = s.article_ids_to_extract()[:BATCH]
        part_path = parts_dir_for(fresh_store) / "run-old" / "part-000000.parquet"
        extract_batch(articles_to_batch(s.load_articles(ids)), str(part_path), BATCH)
        kept = part_path.read_bytes()
        run_extraction(s, batch_size=BATCH)  # merges the orphan, extracts the rest
        part_path.parent.mkdir(parents=True)
        part_path.write_bytes(kept)  # as if the run died right after COMMIT
        (part_path.parent / ".part-000001.parquet.123.tmp").write_bytes(b"PAR1 torn")
        rep = run_extraction(s, batch_size=BATCH)
    assert rep.recovered == BATCH and rep.articles == BATCH
    assert dump(fresh_store) == reference
    assert not parts_dir_for(fresh_store).exists()


def test_stale_partitions_of_an_older_pipeline_are_dropped(fresh_store, reference):
    with Store(fresh_store) as s:
        arts = s.load_articles(s.article_ids_to_extract()[:BATCH])
        stale = results_to_partition(arts, PIPELINE_VERSION + "-old")  # unannotated: would be wrong if merged
        write_partition(stale, parts_dir_for(fresh_store) / "run-old" / "part-000000.parquet")
        rep = run_extraction(s, batch_size=BATCH)
    assert rep.recovered == 0 and rep.articles == N_ARTICLES
    assert dump(fresh_store) == reference


def test_keep_parts_leaves_parquet_outputs(fresh_store, tmp_path):
    parts = tmp_path / "parts"
    with Store(fresh_store) as s:
        run_extraction(s, batch_size=BATCH, parts_dir=parts, keep_parts=True)
    files = sorted(parts.glob("run-*/part-*.parquet"))
    assert len(files) == N_ARTICLES // BATCH
    shutil.rmtree(parts)
