"""Writes from the dashboard (upload, feed, re-extract) run here: one worker thread, one at a time.

Each job is a function of ``(workspace, job)`` that reports progress through :meth:`Job.update`; the
page polls the job and shows a progress bar.  Only this thread uses the write connection.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from fulcrum.errors import FulcrumError
from fulcrum.serve.db import Database

JobFn = Callable[[Any, "Job"], dict[str, Any]]


@dataclass
class Job:
    id: str
    kind: str
    state: str = "queued"  # queued, running, done, failed
    stage: str = "waiting"
    done: int = 0
    total: int | None = None
    message: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.time)
    finished: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def update(self, stage: str | None = None, done: int | None = None, total: int | None = None,
               message: str | None = None) -> None:
        with self._lock:
            if stage is not None:
                self.stage = stage
            if done is not None:
                self.done = done
            if total is not None or stage is not None:
                self.total = total
            if message is not None:
                self.message = message

    @property
    def finished_ok(self) -> bool:
        return self.state == "done"

    @property
    def running(self) -> bool:
        return self.state in ("queued", "running")

    def to_dict(self) -> dict[str, Any]:
        with self._lock:
            return {"id": self.id, "kind": self.kind, "state": self.state, "stage": self.stage,
                    "done": self.done, "total": self.total, "message": self.message, "result": self.result,
                    "started": self.started, "finished": self.finished}


class Jobs:
    """A single-threaded queue of write jobs over the server's :class:`Database`."""

    def __init__(self, db: Database, keep: int = 200) -> None:
        self.db = db
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fulcrum-writer")
        self._jobs: dict[str, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._keep = keep

    def submit(self, kind: str, fn: JobFn) -> Job:
        with self._lock:
            job = Job(id=f"{next(self._ids)}-{int(time.time() * 1000) % 100000}", kind=kind)
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-self._keep]:
                if not self._jobs[old].running:
                    del self._jobs[old]
        self._pool.submit(self._run, job, fn)
        return job

    def _run(self, job: Job, fn: JobFn) -> None:
        job.state = "running"
        try:
            job.result = fn(self.db.workspace, job)
            job.state = "done"
            job.update(stage="finished", message=job.message or "done")
        except FulcrumError as exc:
            job.state = "failed"
            job.update(stage="failed", message=str(exc))
        except Exception as exc:  # noqa: BLE001 - a job must never kill the writer thread
            job.state = "failed"
            job.update(stage="failed", message=f"{type(exc).__name__}: {exc}")
        finally:
            job.finished = time.time()
            self.db.checkpoint()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
