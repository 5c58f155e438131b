"""One process owns the DuckDB file; requests read snapshots through cursors, one thread writes.

DuckDB lets one process open a file for writing, and inside that process any number of connections
(``con.cursor()``) share the database with multi-version concurrency control.  The server therefore:

* opens the file once, read-write, through a :class:`fulcrum.api.Workspace` (the *write connection*);
* gives every request its own cursor that starts a transaction, so a page reads one consistent snapshot
  even while a write commits (see :meth:`Database.snapshot`);
* runs every write -- upload, feed, re-extract -- on a single worker thread through the write
  connection (:mod:`fulcrum.serve.jobs`), so writes never contend with each other and never block reads.

A second *process* cannot write to the file while the server runs (DuckDB's file lock): ingest through the
dashboard, or stop the server, run the command, and start it again.  ``read_only=True`` opens the file
read-only instead, so other read-only processes can share it; the write endpoints are then disabled.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from fulcrum.api import Workspace
from fulcrum.store import Store


class ReadStore(Store):
    """A :class:`Store` over an existing cursor: all of Store's reads, none of its opening or closing work."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:  # noqa: D107 - no super().__init__
        self.con = con
        self.path = path
        self.read_only = True

    def has_table(self, name: str) -> bool:
        row = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                               [name]).fetchone()
        return bool(row and row[0])

    def columns(self, table: str) -> list[str]:
        rows = self.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                "ORDER BY ordinal_position", [table]).fetchall()
        return [r[0] for r in rows]

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


class _ServeWorkspace(Workspace):
    """The server's write workspace; an injected extraction pipeline replaces the default one (tests)."""

    def __init__(self, path: Path, *, read_only: bool, pipeline: Any = None) -> None:
        super().__init__(path, read_only=read_only)
        self._injected = pipeline

    @property
    def pipeline(self) -> Any:
        if self._injected is not None:
            return self._injected
        return super().pipeline


class Database:
    """The server's handle on the DuckDB file (see the module docstring for the design)."""

    def __init__(self, path: str | Path, *, read_only: bool = False, pipeline: Any = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.workspace = _ServeWorkspace(self.path, read_only=read_only, pipeline=pipeline)
        # Cursors are spawned from a dedicated root cursor (never used for queries) under a lock, so
        # request threads never touch the write connection the worker thread is using.
        self._root = self.workspace.store.con.cursor()
        self._spawn = threading.Lock()
        self._closed = False

    @contextmanager
    def snapshot(self) -> Iterator[ReadStore]:
        """A read-only view of the last committed state, stable for the whole ``with`` block."""
        with self._spawn:
            cur = self._root.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield ReadStore(cur, self.path)
            finally:
                cur.execute("ROLLBACK")
        finally:
            cur.close()

    def checkpoint(self) -> None:
        """Flush the write-ahead log into the file (best effort: skipped while readers hold old snapshots)."""
        if self.read_only:
            return
        try:
            self.workspace.store.con.execute("CHECKPOINT")
        except duckdb.Error:
            pass  # the WAL still holds every committed write; the next checkpoint or close flushes it

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._root.close()
        self.workspace.close()
