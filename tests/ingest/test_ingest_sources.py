"""Folders, batches and the public API."""

from __future__ import annotations

from datetime import date

import fulcrum.ingest as ingest
from fulcrum.ingest import IngestItem, read_sources


def test_public_api():
    for name in ("read_sources", "IngestItem", "detect_format", "Fetcher", "HttpFetcher", "NearDuplicateIndex"):
        assert name in ingest.__all__ and getattr(ingest, name) is not None
    assert IngestItem is not None


def test_folder_is_read_recursively_in_order_and_hidden_entries_are_skipped(tmp_path, split):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second report from the harbour.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First report from the harbour.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Should not be read.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Should not be read either.", encoding="utf-8")
    arts, errs = split(read_sources([tmp_path], published=date(2024, 5, 1)))
    assert errs == []
    assert [a.text for a in arts] == ["First report from the harbour.", "Second report from the harbour."]
    assert arts[1].source == str(tmp_path / "b" / "two.txt")
    assert {a.published for a in arts} == {date(2024, 5, 1)}


def test_empty_folder(tmp_path, split):
    (tmp_path / ".only-hidden").write_text("x", encoding="utf-8")
    _, errs = split(read_sources([tmp_path]))
    assert len(errs) == 1 and "holds no files" in errs[0].reason


def test_fixture_folder_reads_every_format(data_dir, split):
    arts, errs = split(read_sources([data_dir]))
    assert len(arts) >= 20
    assert {e.where.rsplit("/", 1)[-1] for e in errs} == {"broken_feed.xml", "records.csv", "records.jsonl"}


def test_string_and_path_sources(data_dir, split):
    arts, _ = split(read_sources([str(data_dir / "titled.txt"), data_dir / "lead_only.txt"]))
    assert len(arts) == 2
