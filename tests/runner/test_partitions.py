"""Partitions hold exactly the rows ``Store.save_extraction`` writes, and merging them is idempotent."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from fulcrum.extract import PIPELINE_VERSION
from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location, Sentence, Span
from fulcrum.runner.partitions import (
    articles_to_batch,
    batch_to_articles,
    merge_partitions,
    read_partition,
    results_to_partition,
    write_partition,
)
from fulcrum.store import Store

from .conftest import DUMPS


def _annotated() -> list[Article]:
    text = "Army shells Town\n\nThe army shelled the town on Monday, killing at least 12 people, officials said."
    a = Article(text=text, title="Army shells Town", published=date(2031, 3, 2), outlet="Meridian Wire",
                url="https://x.invalid/1")
    a.sentences = [Sentence(0, 0, 16), Sentence(1, 18, len(text))]
    a.events = [Event(type="ASSAULT", sentence_index=1, start=18, end=len(text), mode="artillery", cameo="195",
                      source=[Actor("The army", "XYZ", "MIL", None, 18, 26)], target=[Actor("the town", start=35, end=43)],
                      trigger=Span(27, 34, "ASSAULT"), date=date(2031, 3, 1), date_precision="day",
                      date_text="on Monday", location=Location("Town", "XYZ", 1.5, 2.5), modality="reported",
                      attribution=Attribution(claimant="officials", claimant_type="official", count=2, cue="said",
                                              claimant_start=88, claimant_end=97),
                      confidence=0.8, rule="verb:shell", id="e1")]
    a.claims = [Claim(what="killed", value=12, sentence_index=1, start=60, end=76, comparator=">=", unit="people",
                      claimant="officials", claimant_type="official", as_of=date(2031, 3, 1), cumulative=False,
                      rule="kill", id="c1")]
    b = Article(text="Nothing happened here.", published=None)
    b.sentences = [Sentence(0, 0, 22)]
    return [a, b]


def _dump(store: Store) -> dict[str, list[tuple]]:
    return {t: store.con.execute(sql).fetchall() for t, sql in DUMPS.items()}


def test_batches_round_trip_articles():
    arts = _annotated()
    back = batch_to_articles(articles_to_batch(arts))
    assert [a.metadata() for a in back] == [a.metadata() for a in arts]
    assert [a.text for a in back] == [a.text for a in arts]


def test_merged_partition_equals_save_extraction(tmp_path):
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        for s in (a, b):
            s.add_articles(_annotated())
        a.save_extraction(_annotated(), PIPELINE_VERSION)
        path = write_partition(results_to_partition(_annotated(), PIPELINE_VERSION), tmp_path / "part-000000.parquet")
        counts = merge_partitions(b, [read_partition(path)], PIPELINE_VERSION)
        assert (counts.articles, counts.events, counts.claims) == (2, 1, 1)
        assert _dump(a) == _dump(b)
        assert _dump(b)["event_actors"] and _dump(b)["claims"]


def test_merging_twice_adds_nothing(tmp_path):
    part = results_to_partition(_annotated(), PIPELINE_VERSION)
    with Store(tmp_path / "a.duckdb") as s:
        s.add_articles(_annotated())
        merge_partitions(s, [part], PIPELINE_VERSION)
        once = _dump(s)
        merge_partitions(s, [part, part], PIPELINE_VERSION)
        assert _dump(s) == once


def test_partitions_of_another_version_or_unknown_articles_are_dropped(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        s.add_articles(_annotated()[:1])  # the second article is not stored
        assert merge_partitions(s, [results_to_partition(_annotated(), "0.0.0-old")], PIPELINE_VERSION).articles == 0
        counts = merge_partitions(s, [results_to_partition(_annotated(), PIPELINE_VERSION)], PIPELINE_VERSION)
        assert counts.articles == 1
        assert s.stats()["extracted"] == 1


def test_write_partition_leaves_no_temporary_file(tmp_path):
    write_partition(results_to_partition(_annotated(), PIPELINE_VERSION), tmp_path / "run-x" / "part-000001.parquet")
    assert [p.name for p in (tmp_path / "run-x").iterdir()] == ["part-000001.parquet"]
    assert isinstance(read_partition(tmp_path / "run-x" / "part-000001.parquet"), pa.Table)
