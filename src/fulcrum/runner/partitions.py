"""What travels between the driver and the workers, and how results are merged into the store.

* A **batch** is an Arrow table of articles to extract (text and metadata, one row per article): the
  driver reads it from the store, a worker turns it back into :class:`~fulcrum.model.Article` objects.
* A **partition** is the result of one batch: an Arrow table, one row per article, whose list columns
  ``sentences``, ``events``, ``event_actors`` and ``claims`` hold exactly the rows (same columns, same
  types) that :meth:`fulcrum.store.Store.save_extraction` would write for that article.  It is saved as
  ``part-NNNNNN.parquet`` -- written under a temporary name and renamed, so a partition file on disk is
  always complete -- and merged into the store by :func:`merge_partitions`, which flattens it and hands
  it to the store's public :meth:`~fulcrum.store.Store.merge_extraction`: one transaction that replaces
  the articles' rows, exactly as ``save_extraction`` does.

Ids are content hashes (articles) and derived from article id and pipeline version (events, claims), so
merging a partition twice, or merging it and recomputing it, gives the same store.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from fulcrum.model import Actor, Article, Event
from fulcrum.store import Store
from fulcrum.store.duck import EXTRACTION_COLUMNS, MergeCounts

__all__ = ["BATCH_SCHEMA", "PARTITION_SCHEMA", "articles_to_batch", "batch_to_articles", "results_to_partition",
           "write_partition", "read_partition", "merge_partitions", "MergeCounts"]

BATCH_SCHEMA = pa.schema([
    ("id", pa.string()), ("external_id", pa.string()), ("title", pa.string()), ("text", pa.string()),
    ("published", pa.date32()), ("outlet", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("language", pa.string()), ("near_duplicate_of", pa.string()),
])

#: Columns of each store table, with their Arrow types (the DuckDB types of store/migrations.py): the store's
#: own :data:`fulcrum.store.duck.EXTRACTION_COLUMNS`.
TABLE_COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = EXTRACTION_COLUMNS

PARTITION_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("pipeline_version", pa.string())]
    + [(table, pa.list_(pa.struct(cols))) for table, cols in TABLE_COLUMNS.items()]
)


# -- batches ---------------------------------------------------------------------------------------
def articles_to_batch(articles: Sequence[Article]) -> pa.Table:
    return pa.Table.from_pylist([{
        "id": a.id, "external_id": a.external_id, "title": a.title, "text": a.text, "published": a.published,
        "outlet": a.outlet, "url": a.url, "source": a.source, "language": a.language,
        "near_duplicate_of": a.near_duplicate_of} for a in articles], schema=BATCH_SCHEMA)


def batch_to_articles(batch: pa.Table) -> list[Article]:
    return [Article(**row) for row in batch.to_pylist()]


# -- partitions ------------------------------------------------------------------------------------
def _actors_json(actors: list[Actor]) -> str:
    # the same JSON as fulcrum.store.duck writes (offsets kept; records drop them)
    return json.dumps([{"text": a.text, "code": a.code, "sector": a.sector, "name": a.name,
                        "start": a.start, "end": a.end} for a in actors], ensure_ascii=False)


def _event_row(article_id: str, ev: Event) -> dict[str, Any]:
    loc, att = ev.location, ev.attribution
    return {
        "id": ev.id, "article_id": article_id, "sentence_index": ev.sentence_index, "start_char": ev.start,
        "end_char": ev.end, "trigger_start": ev.trigger.start if ev.trigger else None,
        "trigger_end": ev.trigger.end if ev.trigger else None, "type": ev.type, "mode": ev.mode,
        "cameo": ev.cameo, "source_json": _actors_json(ev.source), "target_json": _actors_json(ev.target),
        "event_date": ev.date, "date_precision": ev.date_precision, "date_text": ev.date_text,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None, "modality": ev.modality,
        "att_outlet": att.outlet, "claimant": att.claimant, "claimant_type": att.claimant_type,
        "source_count": att.count, "cue": att.cue, "claimant_start": att.claimant_start,
        "claimant_end": att.claimant_end, "confidence": float(ev.confidence), "rule": ev.rule,
    }


def results_to_partition(articles: Sequence[Article], pipeline_version: str) -> pa.Table:
    """The partition table of extracted articles: per article, the rows ``save_extraction`` writes."""
    rows = []
    for a in articles:
        actors = [{"event_id": ev.id, "article_id": a.id, "role": role, "text": act.text, "code": act.code,
                   "sector": act.sector, "name": act.name}
                  for ev in a.events for role, lst in (("source", ev.source), ("target", ev.target)) for act in lst]
        rows.append({
            "article_id": a.id, "pipeline_version": pipeline_version,
            "sentences": [{"article_id": a.id, "idx": s.index, "start_char": s.start, "end_char": s.end}
                          for s in a.sentences],
            "events": [_event_row(a.id, ev) for ev in a.events],
            "event_actors": actors,
            "claims": [{"id": c.id, "article_id": a.id, "sentence_index": c.sentence_index, "start_char": c.start,
                        "end_char": c.end, "what": c.what, "value": float(c.value), "comparator": c.comparator,
                        "unit": c.unit, "cumulative": c.cumulative, "claimant": c.claimant,
                        "claimant_type": c.claimant_type, "as_of": c.as_of, "rule": c.rule,
                        "modality": c.modality} for c in a.claims],
        })
    return pa.Table.from_pylist(rows, schema=PARTITION_SCHEMA)


def write_partition(table: pa.Table, path: str | Path) -> Path:
    """Write atomically: a partition file that exists is complete (temporary name, fsync, rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def read_partition(path: str | Path) -> pa.Table:
    return pq.read_table(path, schema=PARTITION_SCHEMA)


# -- merge ---------------------------------------------------------------------------------------
def _flat(part: pa.Table, table: str) -> pa.Table:
    values = pc.list_flatten(part.column(table))
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks else pa.array([], type=values.type)
    return pa.Table.from_struct_array(values)


def merge_partitions(store: Store, parts: Sequence[pa.Table], pipeline_version: str) -> MergeCounts:
    """Replace the stored rows of the partitions' articles with theirs and mark them extracted, in one
    transaction: :meth:`Store.merge_extraction` on the partitions' rows, flattened.

    Rows of articles no longer in the store are dropped; so are partitions of another pipeline version;
    an article in several partitions (a partition merged again) keeps its last one.
    """
    parts = [p for p in parts if p.num_rows and pc.all(pc.equal(p.column("pipeline_version"),
                                                                    pipeline_version)).as_py()]
    if not parts:
        return MergeCounts()
    part = pa.concat_tables(parts)
    all_ids = part.column("article_id").to_pylist()
    last = {a: i for i, a in enumerate(all_ids)}  # an article twice (a partition merged again): keep one
    if len(last) < len(all_ids):
        part = part.take(pa.array(sorted(last.values()), pa.int64()))
    return store.merge_extraction(list(last), {table: _flat(part, table) for table in TABLE_COLUMNS},
                                  pipeline_version)
