"""The driver: the one process that owns the store, hands out batches and merges partitions.

    with Store("war.duckdb") as store:
        report = run_extraction(store)                            # in this process
        report = extract_distributed(store, workers=4)            # a local Dask cluster of 4 processes
        report = extract_distributed(store, scheduler="tcp://10.0.0.5:8786")   # an existing cluster

Resuming is built in.  An article is marked extracted only in the transaction that stores its results.
Partition files under ``<db>.parts/`` that a killed run wrote but did not merge are merged first by the
next run (a file there is always complete: it is written under a temporary name and renamed); whatever
was neither merged nor written is still pending and is extracted again.  Deterministic ids make a
partition merged twice, or merged and recomputed, leave the same rows.

After the last merge, a run that stored events re-clusters the event tables by ``day`` when they are
large and scattered enough for date filters to suffer (:meth:`Store.optimize` with
``only_if_needed=True``; off with ``Store(auto_optimize=False)`` or ``$FULCRUM_AUTO_OPTIMIZE=0``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from fulcrum.errors import FulcrumError, InvalidParameter, StoreError
from fulcrum.extract import PIPELINE_VERSION, Pipeline, default_pipeline
from fulcrum.runner.partitions import (
    MergeCounts,
    articles_to_batch,
    merge_partitions,
    read_partition,
    write_partition,
)
from fulcrum.runner.worker import PartitionSummary, PipelineLoader, extract_batch
from fulcrum.store import Store

__all__ = ["RunReport", "run_extraction", "extract_distributed", "dask_client", "parts_dir_for",
           "recover_partitions"]

Progress = Callable[[int, int | None], None]

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a run did: articles, events and claims stored, of which ``recovered`` came from the
    partitions of an earlier, interrupted run; ``partitions`` merged; ``workers`` used; the tables
    ``optimized`` (re-clustered by day) at the end, and the seconds that took (part of ``seconds``)."""

    articles: int = 0
    events: int = 0
    claims: int = 0
    recovered: int = 0
    partitions: int = 0
    workers: int = 1
    seconds: float = 0.0
    optimized: list[str] = field(default_factory=list)
    optimize_seconds: float = 0.0

    def add(self, counts: MergeCounts) -> None:
        self.articles += counts.articles
        self.events += counts.events
        self.claims += counts.claims

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parts_dir_for(db_path: str | Path) -> Path:
    """Where partitions of a store are spilled: ``<db>.parts/`` beside the DuckDB file."""
    return Path(f"{db_path}.parts")


def _default_parts_dir(store: Store) -> Path:
    if str(store.path) == ":memory:":
        return Path(tempfile.mkdtemp(prefix="fulcrum-parts-"))
    return parts_dir_for(store.path)


def recover_partitions(store: Store, parts_dir: str | Path, *, group: int = 16) -> MergeCounts:
    """Merge the partition files an interrupted run left in ``parts_dir``, then delete them.

    Files of another pipeline version are deleted unmerged (their articles are still pending);
    half-written temporary files are deleted.
    """
    root = Path(parts_dir)
    total = MergeCounts()
    if not root.is_dir():
        return total
    for tmp in root.glob("run-*/.part-*.tmp"):
        tmp.unlink(missing_ok=True)
    files = sorted(root.glob("run-*/part-*.parquet"))
    for i in range(0, len(files), group):
        chunk = files[i:i + group]
        counts = merge_partitions(store, [read_partition(p) for p in chunk], PIPELINE_VERSION)
        total.articles += counts.articles
        total.events += counts.events
        total.claims += counts.claims
        for p in chunk:
            p.unlink(missing_ok=True)
    _remove_empty_runs(root)
    return total


def _remove_empty_runs(root: Path) -> None:
    for run in root.glob("run-*"):
        if run.is_dir() and not any(run.iterdir()):
            run.rmdir()
    if root.is_dir() and not any(root.iterdir()):
        root.rmdir()


def run_extraction(store: Store, client: Any = None, *, redo_all: bool = False, ids: Sequence[str] | None = None,
                   batch_size: int = 64, partition_size: int | None = None, progress: Progress | None = None,
                   parts_dir: str | Path | None = None, workers_write: bool = False, keep_parts: bool = False,
                   max_in_flight: int | None = None, optimize: bool = True,
                   factory: Callable[[], Pipeline] = default_pipeline) -> RunReport:
    """Extract pending articles (all with ``redo_all``, or ``ids``) in partitions and merge them.

    ``client`` is a ``distributed.Client`` (None: run in this process).  ``batch_size`` is the spaCy
    batch; ``partition_size`` (default: ``batch_size``) the articles per task and per merge transaction.
    ``workers_write``: workers write partitions into ``parts_dir`` themselves (it must be a folder they
    can all reach: local, or a shared file system) instead of sending them back.  ``keep_parts`` keeps
    the Parquet partitions after merging (as an output of their own).  ``optimize``: when the run stored
    events and ``store.auto_optimize`` is on, end with ``store.optimize(only_if_needed=True)``.
    """
    if batch_size < 1:
        raise InvalidParameter("batch_size", "run_extraction", "an int >= 1", batch_size)
    size = partition_size or batch_size
    if size < 1:
        raise InvalidParameter("partition_size", "run_extraction", "an int >= 1", partition_size)
    t0 = time.perf_counter()
    root = Path(parts_dir) if parts_dir is not None else _default_parts_dir(store)
    report = RunReport()
    recovered = recover_partitions(store, root)
    report.add(recovered)
    report.recovered = recovered.articles

    todo = list(ids) if ids is not None else store.article_ids_to_extract(redo_all)
    if ids is not None and recovered.articles:
        pending = set(store.article_ids_to_extract(False))
        todo = [i for i in todo if i in pending]
    total = report.articles + len(todo)
    if progress:
        progress(report.articles, total)
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    run_dir = root / f"run-{datetime.now(UTC):%Y%m%dT%H%M%S}-{os.getpid()}"
    write_here = workers_write or keep_parts

    def path_of(n: int) -> str | None:
        return str(run_dir / f"part-{n:06d}.parquet") if write_here else None

    def finish(result: PartitionSummary | pa.Table, n: int) -> None:
        if isinstance(result, PartitionSummary):
            part = read_partition(result.path)
        else:
            part = result
            if keep_parts:
                write_partition(part, run_dir / f"part-{n:06d}.parquet")
        report.add(merge_partitions(store, [part], PIPELINE_VERSION))
        report.partitions += 1
        if not keep_parts and isinstance(result, PartitionSummary):
            Path(result.path).unlink(missing_ok=True)
        if progress:
            progress(report.articles, total)

    if client is None:
        for n, chunk in enumerate(chunks):
            batch = articles_to_batch(store.load_articles(chunk))
            finish(extract_batch(batch, path_of(n) if workers_write else None, batch_size, factory), n)
    else:
        report.workers = _run_on_dask(client, store, chunks, finish, path_of if workers_write else None,
                                      batch_size, max_in_flight, factory)
    if not keep_parts:
        _remove_empty_runs(root)
    if optimize:
        _optimize_after_run(store, report)
    report.seconds = time.perf_counter() - t0
    return report


def _optimize_after_run(store: Store, report: RunReport) -> None:
    """Re-cluster the event tables if this run left them scattered (the rule of ``only_if_needed``)."""
    if not report.events or not store.auto_optimize:
        return
    try:
        rep = store.optimize(only_if_needed=True)
    except StoreError as exc:  # the extraction is stored; the optimize changed nothing
        log.warning("%s; run `fulcrum optimize` to retry", exc)
        return
    report.optimized = rep.rewritten
    report.optimize_seconds = rep.seconds if rep.rewritten else 0.0


def _run_on_dask(client: Any, store: Store, chunks: list[list[str]], finish: Callable[[Any, int], None],
                 path_of: Callable[[int], str | None] | None, batch_size: int, max_in_flight: int | None,
                 factory: Callable[[], Pipeline]) -> int:
    from distributed import as_completed

    threads = sum(client.nthreads().values())
    if threads == 0:
        raise FulcrumError(f"The Dask cluster at {client.scheduler.address} has no workers: start some with "
                           "`dask worker ADDRESS` on each machine, then run again.")
    limit = max_in_flight or 2 * threads + 1
    run_key = f"fulcrum-extract-{os.getpid()}-{time.time_ns()}"
    todo = iter(enumerate(chunks))
    numbers: dict[str, int] = {}

    def submit() -> Any:
        item = next(todo, None)
        if item is None:
            return None
        n, chunk = item
        batch = articles_to_batch(store.load_articles(chunk))
        fut = client.submit(extract_batch, batch, path_of(n) if path_of else None, batch_size, factory,
                            key=f"{run_key}-{n}", pure=False, retries=1)
        numbers[fut.key] = n
        return fut

    pool = as_completed([f for f in (submit() for _ in range(limit)) if f is not None])
    try:
        for fut in pool:
            try:
                result = fut.result()
            except Exception as exc:  # a task failed on a worker: say which, keep what was merged
                raise FulcrumError(
                    f"Extraction of partition {numbers.get(fut.key)} failed on the Dask cluster: "
                    f"{type(exc).__name__}: {exc}. Partitions finished so far are stored; run the same command "
                    "again to resume. Every worker needs fulcrum and its spaCy model installed.") from exc
            n = numbers.pop(fut.key)
            fut.release()
            finish(result, n)
            nxt = submit()
            if nxt is not None:
                pool.add(nxt)
    finally:
        for f in pool.futures:
            f.cancel()
    return len(client.nthreads())


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: on a new local cluster of ``workers`` processes (one thread each), or
    connected to the scheduler at ``scheduler`` (``tcp://host:8786``)."""
    from distributed import Client, LocalCluster

    if (workers is None) == (scheduler is None):
        raise InvalidParameter("workers/scheduler", "dask_client", "exactly one of the two", (workers, scheduler))
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise FulcrumError(f"Cannot reach the Dask scheduler at {scheduler!r}: {exc}. Start it with "
                               "`dask scheduler` and give its address as tcp://HOST:8786.") from exc
        try:
            yield client
        finally:
            client.close()
        return
    if workers is None or workers < 1:
        raise InvalidParameter("workers", "dask_client", "an int >= 1", workers)
    # ":0": the scheduler's HTTP server (always started) takes a free port instead of warning that 8787 is busy
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client


def extract_distributed(store: Store, *, workers: int | None = None, scheduler: str | None = None,
                        workers_write: bool | None = None, **kwargs: Any) -> RunReport:
    """:func:`run_extraction` on Dask: a local cluster of ``workers`` processes, or the cluster whose
    scheduler is at ``scheduler``.  Each worker builds its pipeline once, when it joins.

    On a local cluster workers write their partitions straight into ``<db>.parts/``; on a remote cluster
    they send them back to this process, unless ``workers_write=True`` and ``parts_dir`` is a shared folder.
    The re-clustering at the end (``optimize``) runs after the cluster is closed or disconnected.
    """
    factory = kwargs.get("factory", default_pipeline)
    optimize = kwargs.pop("optimize", True)
    with dask_client(workers=workers, scheduler=scheduler) as client:
        client.register_plugin(PipelineLoader(factory))
        write = (scheduler is None) if workers_write is None else workers_write
        report = run_extraction(store, client, workers_write=write, optimize=False, **kwargs)
    if optimize:  # once the cluster is gone: its workers' memory is free, remote workers are not held
        t0 = time.perf_counter()
        _optimize_after_run(store, report)
        report.seconds += time.perf_counter() - t0
    return report


def clear_parts(parts_dir: str | Path) -> None:
    """Delete a parts folder and everything in it (partitions not merged are then recomputed)."""
    shutil.rmtree(parts_dir, ignore_errors=True)
