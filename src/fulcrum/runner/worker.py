"""The worker side: one extraction pipeline per process, and the task that turns a batch into a partition.

Workers never open the store.  They receive a batch (an Arrow table of articles), annotate it with the
process's pipeline and either write the partition as Parquet into a folder they can reach (and return a
small summary) or return the partition table to the driver.

The pipeline is loaded once per process (:func:`worker_pipeline`, a module-level cache); on Dask the
:class:`PipelineLoader` plugin warms it when a worker starts, so the first task does not pay for it.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from fulcrum.extract import PIPELINE_VERSION, Pipeline, default_pipeline
from fulcrum.model import Article
from fulcrum.runner.partitions import batch_to_articles, results_to_partition, write_partition

__all__ = ["worker_pipeline", "extract_batch", "parse_batch", "PartitionSummary", "PipelineLoader",
           "pipeline_loads", "peak_rss_mb"]

_WARM_TEXT = ("Troops shelled a market in Kharkiv on Monday, killing at least 12 people, officials said. "
              "\"We will respond,\" a spokesman told reporters.")
_lock = threading.Lock()
_pipelines: dict[Any, Pipeline] = {}
_loads = 0


def worker_pipeline(factory: Callable[[], Pipeline] = default_pipeline) -> Pipeline:
    """This process's pipeline, built once by ``factory`` (a picklable, module-level callable)."""
    global _loads
    pipe = _pipelines.get(factory)
    if pipe is None:
        with _lock:
            pipe = _pipelines.get(factory)
            if pipe is None:
                pipe = factory()
                # run once on a throw-away article: loads the spaCy model and lets components build their
                # lazy tables (gazetteer, alias tables: ~4 s, the profile showed) before the first task
                pipe(Article(text=_WARM_TEXT))
                _pipelines[factory] = pipe
                _loads += 1
    return pipe


def pipeline_loads() -> int:
    """How many pipelines this process has built (1 after any number of tasks)."""
    return _loads


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB.

    On Linux this is ``VmHWM`` from ``/proc/self/status``, the high-water mark of this process's own
    address space.  ``ru_maxrss`` is not used there: it survives ``exec``, so a worker spawned by a large
    parent (a test runner, a notebook) would report the parent's size.  Elsewhere ``ru_maxrss`` is the
    only measure (macOS reports bytes, other systems KiB)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass(frozen=True)
class PartitionSummary:
    path: str
    articles: int
    events: int
    claims: int


def extract_batch(batch: pa.Table, path: str | None = None, batch_size: int = 64,
                  factory: Callable[[], Pipeline] = default_pipeline) -> PartitionSummary | pa.Table:
    """Annotate a batch.  With ``path``: write the partition there and return a summary; else return it."""
    pipe = worker_pipeline(factory)
    done = list(pipe.pipe(batch_to_articles(batch), batch_size=batch_size))
    part = results_to_partition(done, PIPELINE_VERSION)
    if path is None:
        return part
    write_partition(part, path)
    return PartitionSummary(str(path), len(done), sum(len(a.events) for a in done),
                            sum(len(a.claims) for a in done))


def parse_batch(batch: pa.Table, batch_size: int = 64, factory: Callable[[], Pipeline] = default_pipeline) -> int:
    """Only the spaCy parse of a batch (the parser limit the benchmarks compare extraction with)."""
    nlp = worker_pipeline(factory).nlp
    n = 0
    for _ in nlp.pipe(batch.column("text").to_pylist(), batch_size=batch_size):
        n += 1
    return n


def _warm(factory: Callable[[], Pipeline]) -> None:
    worker_pipeline(factory)


try:  # the plugin needs distributed; the rest of this module does not
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - distributed is a dependency, but keep the local path importable
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelineLoader(WorkerPlugin):
    """Dask worker plugin: build the pipeline when a worker starts (in a thread, not the event loop)."""

    name = "fulcrum-pipeline"

    def __init__(self, factory: Callable[[], Pipeline] = default_pipeline) -> None:
        self.factory = factory

    async def setup(self, worker: Any) -> None:
        await asyncio.get_running_loop().run_in_executor(None, _warm, self.factory)
