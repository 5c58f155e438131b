"""The Python API: the layer the CLI is a thin shell over.

    >>> import fulcrum
    >>> ws = fulcrum.open("war.duckdb")
    >>> ws.ingest(["reports/"])            # files, folders, feeds, URLs
    >>> ws.extract()
    >>> ws.events(type="ASSAULT", actor="ISR").head()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from fulcrum.errors import IngestError
from fulcrum.model import Article
from fulcrum.records import CLAIM_FIELDS, EVENT_FIELDS
from fulcrum.store import Store

Progress = Callable[[int, int | None], None]
"""A progress callback: ``progress(done, total)``; total is None when not known in advance."""


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                "failed": self.failed, "errors": [str(e) for e in self.errors]}


@dataclass
class ExtractReport:
    articles: int = 0
    events: int = 0
    claims: int = 0
    optimized: list[str] = field(default_factory=list)  # tables re-clustered by day afterwards

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "events": self.events, "claims": self.claims,
                "optimized": self.optimized}


class Workspace:
    """A fulcrum database with the operations on it."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.store = Store(path, read_only=read_only)
        self.path = self.store.path
        self._pipeline: Any = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- ingest ----------------------------------------------------------------------------------
    def ingest(self, sources: Sequence[str | Path] | str | Path, *, published: date | None = None,
               outlet: str | None = None, allow_private: bool = False, progress: Progress | None = None,
               on_error: Callable[[IngestError], None] | None = None, batch_size: int = 500) -> IngestReport:
        """Read sources (files, folders, feeds, URLs) and store the articles not already stored."""
        from fulcrum.ingest import read_sources

        if isinstance(sources, (str, Path)):
            sources = [sources]
        report = IngestReport()
        dedupe = _Deduper(self.store)
        buffer: list[Article] = []
        sigs: dict[str, bytes] = {}
        seen = 0

        def flush() -> None:
            if buffer:
                report.added += self.store.add_articles(buffer, sigs)
                buffer.clear()
                sigs.clear()

        for item in read_sources(list(sources), published=published, outlet=outlet, allow_private=allow_private):
            seen += 1
            if isinstance(item, IngestError):
                report.failed += 1
                report.errors.append(item)
                if on_error:
                    on_error(item)
            else:
                if dedupe.is_exact_duplicate(item):
                    report.duplicates += 1
                else:
                    original, sig = dedupe.near_duplicate(item)
                    if original is not None:
                        item.near_duplicate_of = original
                        report.near_duplicates += 1
                    sigs[item.id] = sig
                    buffer.append(item)
                if len(buffer) >= batch_size:
                    flush()
            if progress:
                progress(seen, None)
        flush()
        return report

    # -- extract ---------------------------------------------------------------------------------
    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from fulcrum.extract import default_pipeline

            self._pipeline = default_pipeline()
        return self._pipeline

    def pending(self, redo_all: bool = False) -> list[str]:
        return self.store.article_ids_to_extract(redo_all)

    def extract(self, *, redo_all: bool = False, batch_size: int = 64, progress: Progress | None = None,
                ids: Sequence[str] | None = None) -> ExtractReport:
        """Extract events and claims from articles not yet extracted (``redo_all`` redoes every article)."""
        from fulcrum.extract import PIPELINE_VERSION

        todo = list(ids) if ids is not None else self.pending(redo_all)
        report = ExtractReport()
        for i in range(0, len(todo), batch_size):
            arts = self.store.load_articles(todo[i:i + batch_size])
            done = list(self.pipeline.pipe(arts, batch_size=batch_size))
            self.store.save_extraction(done, PIPELINE_VERSION)
            report.articles += len(done)
            report.events += sum(len(a.events) for a in done)
            report.claims += sum(len(a.claims) for a in done)
            if progress:
                progress(min(i + batch_size, len(todo)), len(todo))
        if todo and self.store.auto_optimize:
            # re-cluster by day when this extraction scattered a large store (a no-op otherwise; see
            # Store.optimize) -- here rather than at close, so that a long-running server gets it too
            opt = self.store.optimize(only_if_needed=True)
            report.optimized = list(opt.rewritten)
        return report

    # -- reads -----------------------------------------------------------------------------------
    def events(self, *, arrow: bool = False, **filters: Any) -> pd.DataFrame | pa.Table:
        """Events as a DataFrame (or an Arrow table with ``arrow=True``); see :meth:`Store.events` for filters."""
        return _frame(self.store.events(**filters), EVENT_FIELDS, arrow)

    def claims(self, *, arrow: bool = False, **filters: Any) -> pd.DataFrame | pa.Table:
        return _frame(self.store.claims(**filters), CLAIM_FIELDS, arrow)

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def stats(self) -> dict[str, int]:
        return self.store.stats()

    # -- processes, analysis, report ------------------------------------------------------------
    def build_processes(self) -> Any:
        """(Re)build negotiation tracks and stories from the stored events."""
        from fulcrum.processes import build

        return build(self.store)

    def series(self, freq: str = "day", dyad: str | None = None, **kw: Any) -> pd.DataFrame:
        """Escalation, negotiation, humanitarian, reports and claimed figures per day or week."""
        from fulcrum.analyze import build_series

        return build_series(self.store, freq=freq, dyad=dyad, **kw)

    def analyze(self, freq: str = "day", dyad: str | None = None, **kw: Any) -> Any:
        """The linkage analysis (lead-lag, Granger, VAR, event study, change points) of the store."""
        from fulcrum.analyze.run import analyze_store

        return analyze_store(self.store, freq=freq, dyad=dyad, **kw)

    def report(self, output: str | Path, **kw: Any) -> Any:
        """Write the self-contained HTML report (and PNG copies) into the folder ``output``."""
        from fulcrum.report import build_report

        return build_report(self.store, output, **kw)


def _frame(records: list[dict[str, Any]], fields: Iterable[str], arrow: bool) -> pd.DataFrame | pa.Table:
    df = pd.DataFrame.from_records(records, columns=list(fields))
    if arrow:
        return pa.Table.from_pylist(records) if records else pa.Table.from_pandas(df, preserve_index=False)
    return df


class _Deduper:
    """Exact duplicates by content-hash id; near duplicates by MinHash LSH over stored signatures."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._seen: set[str] = set()
        self._index: Any = None

    def is_exact_duplicate(self, art: Article) -> bool:
        if art.id in self._seen:
            return True
        self._seen.add(art.id)
        return bool(self.store.existing_ids([art.id]))

    def near_duplicate(self, art: Article) -> tuple[str | None, bytes]:
        from fulcrum.ingest.dedupe import NearDuplicateIndex

        if self._index is None:
            self._index = NearDuplicateIndex.from_signatures(self.store.minhash_signatures())
        sig = self._index.signature(art.text)
        original = self._index.query_signature(sig)
        self._index.add_signature(art.id, sig)
        return original, self._index.signature_bytes(sig)
