"""Re-clustering the event tables by ``day``, so that DuckDB's zone maps can skip most of them.

DuckDB stores a table in row groups of 122,880 rows and keeps the min and max of every column per row
group.  A query that filters on ``day`` (a date window, the first page of the event list, an actor's
first page) reads only the row groups whose ``[min, max]`` of ``day`` meets the filter -- which is a few
row groups when the table is in ``day`` order, and all of them when it is not.  Extraction writes rows in
article-id order (content hashes: days scattered), and a merge appends each partition at the end, so a
store grown by extraction is not in ``day`` order.  :func:`optimize` rewrites the tables in that order.

How (DuckDB 1.4 has no ``CLUSTER`` statement): in **one transaction**, for each table, create its twin
from the table's own DDL (``duckdb_tables().sql``: same columns, types, defaults, ``NOT NULL`` and
primary key), ``INSERT INTO twin SELECT * FROM table ORDER BY …``, drop the table (which drops its
indexes), rename the twin, recreate the indexes from their own DDL (``duckdb_indexes().sql``) and the
table and column comments.  Then ``COMMIT`` and ``CHECKPOINT``.  A process killed before the commit
leaves the old tables as they were (the transaction never committed; DuckDB frees its blocks when the file
is next opened); after the commit, the new ones.  Every row is kept (checked by count inside the
transaction); ``schema_migrations`` is not touched.

The order is total (it ends on a unique key, or on every column), so optimizing twice gives the same
layout; :func:`optimize` skips a table that is already clustered (row groups' ``day`` ranges in order and
not overlapping) unless ``force``.

Disk: while it runs the file holds both copies; DuckDB reuses the freed blocks for later writes but does
not shrink the file, so after a first optimize the file is up to twice its data (``du`` shows it).
:func:`compact` (``fulcrum optimize --compact``) gives the space back: it copies the whole database into a
new file (``COPY FROM DATABASE``: schema, constraints, indexes, comments and rows, in their order) and
moves it over the old one.  The old file is untouched until that atomic rename, so a process killed
mid-way loses nothing (a stale ``*.compact-tmp`` is removed by the next run).  It needs the file to
itself: no other process may have it open.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from fulcrum.errors import InvalidParameter, StoreError

#: The tables rewritten, each with the order its queries want.  ``events`` is read by date window and in
#: ``EVENT_ORDER`` (day, article, sentence, id); ``event_actors`` by actor, then top-N by day, article,
#: event (``_bound_actor_page``).  Both orders are total, so the layout is deterministic.
CLUSTER_ORDER: dict[str, str] = {
    "events": "day NULLS LAST, article_id, sentence_index, id",
    "event_actors": "day NULLS LAST, article_id, event_id, role, text NULLS LAST, code NULLS LAST, "
                    "sector NULLS LAST, name NULLS LAST",
}

#: DuckDB's default row group size: the unit its zone maps skip.
ROW_GROUP_ROWS = 122_880

#: Automatic optimize (end of a run, closing a store that stored extraction results) only when a table has
#: at least this many row groups (about 1 M rows: below that a full scan is a few tens of ms) ...
AUTO_MIN_ROW_GROUPS = 8
#: ... and its spread (see :class:`TableLayout`) is above this: a date filter reads more than twice the row
#: groups it would read after optimizing.
AUTO_MAX_SPREAD = 2.0

#: Set to ``0`` to turn the automatic optimize off (``fulcrum optimize`` still works).
AUTO_ENV = "FULCRUM_AUTO_OPTIMIZE"


@dataclass
class TableLayout:
    """How well a table is clustered by ``day``.

    ``spread``: the sum over row groups of the days each one spans, over the days the table spans (plus
    one shared boundary day per row group).  About 1 (or less) when the table is in ``day`` order: a
    date filter reads the row groups its days are in.  Close to the number of row groups when days are
    scattered: a date filter reads nearly every row group.  ``clustered``: consecutive row groups' day
    ranges are in order and do not overlap (NULL days last), i.e. optimizing would not change which row
    groups a date filter reads.
    """

    table: str
    rows: int
    row_groups: int
    spread: float
    clustered: bool

    @property
    def needs_optimize(self) -> bool:
        """Whether the automatic optimize rewrites this table (see ``AUTO_MIN_ROW_GROUPS``)."""
        return self.row_groups >= AUTO_MIN_ROW_GROUPS and self.spread > AUTO_MAX_SPREAD


@dataclass
class OptimizeReport:
    """What :func:`optimize` did: tables rewritten and skipped, rows per table, seconds, layouts."""

    rewritten: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    before: dict[str, TableLayout] = field(default_factory=dict)
    after: dict[str, TableLayout] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def auto_enabled() -> bool:
    return os.environ.get(AUTO_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def table_layout(con: Any, table: str) -> TableLayout:
    """The ``day`` layout of ``table`` (one scan of its ``day`` column)."""
    _check_table(table)
    rows = con.execute(f"""SELECT rowid // {ROW_GROUP_ROWS} AS g, min(day), max(day), count(*), count(day)
                           FROM {table} GROUP BY g ORDER BY g""").fetchall()
    n = sum(r[3] for r in rows)
    dated = [r for r in rows if r[4]]
    clustered = True
    seen_null = False
    prev_hi = None
    for _, lo, hi, count, count_day in rows:
        if seen_null and count_day:  # a dated row after a NULL day: not in NULLS LAST order
            clustered = False
        if count_day < count:
            seen_null = True
        if count_day:
            if prev_hi is not None and lo < prev_hi:
                clustered = False
            prev_hi = hi
    if dated:
        lo_all = min(r[1] for r in dated)
        hi_all = max(r[2] for r in dated)
        spans = sum((r[2] - r[1]).days + 1 for r in dated)
        spread = spans / ((hi_all - lo_all).days + len(dated))
    else:
        spread = 1.0
    return TableLayout(table=table, rows=n, row_groups=len(rows), spread=round(spread, 3), clustered=clustered)


def optimize(con: Any, path: object, *, tables: list[str] | None = None, force: bool = False,
             only_if_needed: bool = False) -> OptimizeReport:
    """Rewrite ``tables`` (default: ``events`` and ``event_actors``) in ``day`` order, in one transaction.

    Skips a table that is already clustered (unless ``force``); with ``only_if_needed``, rewrites only the
    tables whose layout :attr:`TableLayout.needs_optimize` (the automatic rule).
    """
    names = list(CLUSTER_ORDER) if tables is None else list(tables)
    for t in names:
        _check_table(t)
    t0 = time.perf_counter()
    report = OptimizeReport()
    todo = []
    for t in names:
        lay = table_layout(con, t)
        report.before[t] = lay
        report.rows[t] = lay.rows
        if (only_if_needed and not lay.needs_optimize) or (not force and not only_if_needed and lay.clustered):
            report.skipped.append(t)
        else:
            todo.append(t)
    if todo:
        _check_foreign_keys(con, todo, path)
        (keep_order,) = _one(con, "SELECT current_setting('preserve_insertion_order')")
        if not keep_order:  # INSERT … SELECT … ORDER BY writes in that order only with this setting on
            con.execute("SET preserve_insertion_order = true")
        con.execute("BEGIN TRANSACTION")
        try:
            for t in todo:
                _rewrite(con, t)
            con.execute("COMMIT")
        except BaseException as exc:  # KeyboardInterrupt too: leave the old tables as they were
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"Could not optimize {', '.join(todo)} in {path} (nothing was changed): "
                                 f"{exc}") from exc
            raise
        finally:
            if not keep_order:
                con.execute("SET preserve_insertion_order = false")
        report.rewritten = todo
        try:
            con.execute("CHECKPOINT")  # write the new tables into the file and free the old blocks
        except duckdb.Error:
            pass  # another transaction is open (a dashboard reader): the next checkpoint or close does it
    for t in names:
        report.after[t] = table_layout(con, t) if t in todo else report.before[t]
    report.seconds = time.perf_counter() - t0
    return report


def _check_table(table: str) -> None:
    if table not in CLUSTER_ORDER:
        raise InvalidParameter("tables", "Store.optimize", f"a list of {', '.join(CLUSTER_ORDER)}", table)


def _check_foreign_keys(con: Any, tables: list[str], path: object) -> None:
    rows = con.execute("""SELECT table_name, referenced_table FROM duckdb_constraints()
                          WHERE constraint_type = 'FOREIGN KEY' AND database_name = current_database()
                            AND (table_name IN (SELECT unnest(?)) OR referenced_table IN (SELECT unnest(?)))""",
                       [tables, tables]).fetchall()
    if rows:  # a table cannot be dropped while a foreign key refers to it; none of the migrations adds one
        raise StoreError(f"Cannot optimize {path}: foreign keys {rows} involve {', '.join(tables)}; "
                         "the rewrite (create, copy in order, drop, rename) does not support them.")


def _rewrite(con: Any, table: str) -> None:
    twin = f"{table}__optimize"
    (ddl,) = _one(con, "SELECT sql FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ?", [table])
    head = f"CREATE TABLE {table}("
    if not ddl.startswith(head):
        raise StoreError(f"Unexpected DDL for table {table}: {ddl[:80]!r}")
    indexes = [r[0] for r in con.execute(
        "SELECT sql FROM duckdb_indexes() WHERE database_name = current_database() AND table_name = ? "
        "ORDER BY index_name", [table]).fetchall()]
    (table_comment,) = _one(con, "SELECT comment FROM duckdb_tables() WHERE database_name = current_database() "
                                 "AND schema_name = 'main' AND table_name = ?", [table])
    column_comments = con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = ? AND comment IS NOT NULL", [table]).fetchall()
    (before,) = _one(con, f"SELECT count(*) FROM {table}")

    con.execute(f"DROP TABLE IF EXISTS {twin}")
    con.execute(f"CREATE TABLE {twin}(" + ddl[len(head):])
    con.execute(f"INSERT INTO {twin} SELECT * FROM {table} ORDER BY {CLUSTER_ORDER[table]}")
    (after,) = _one(con, f"SELECT count(*) FROM {twin}")
    if after != before:
        raise StoreError(f"Optimizing {table} copied {after} of {before} rows; nothing was changed.")
    con.execute(f"DROP TABLE {table}")
    con.execute(f"ALTER TABLE {twin} RENAME TO {table}")
    for sql in indexes:
        if sql:
            con.execute(sql)
    if table_comment:
        con.execute(f"COMMENT ON TABLE {table} IS {_literal(table_comment)}")
    for column, comment in column_comments:
        con.execute(f'COMMENT ON COLUMN {table}."{column}" IS {_literal(comment)}')


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _one(con: Any, sql: str, params: list[Any] | None = None) -> tuple[Any, ...]:
    row = con.execute(sql, params or []).fetchone()
    if row is None:
        raise StoreError(f"No result for {sql[:60]!r}")
    return tuple(row)


@dataclass
class CompactReport:
    """What :func:`compact` did: file sizes in bytes before and after, rows copied per table."""

    bytes_before: int
    bytes_after: int
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compact(path: str | os.PathLike[str]) -> CompactReport:
    """Rewrite the database file at ``path`` into a fresh file without free blocks and replace it.

    Every table is copied with its schema; row counts are compared before the swap, and the old file stays
    in place (unchanged) when anything fails.  Raises :class:`StoreError` naming the file when it is missing
    or in use by another process."""
    from pathlib import Path

    src = Path(path)
    if not src.exists():
        raise StoreError(f"No fulcrum database at {src}: nothing to compact.")
    tmp = src.with_name(src.name + ".compact-tmp")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)  # left by a run that was killed before the swap
    t0 = time.perf_counter()
    before = src.stat().st_size
    try:
        if src.with_name(src.name + ".wal").exists():  # replay a pending WAL into the file first
            with duckdb.connect(str(src)) as con:
                con.execute("CHECKPOINT")
        con = duckdb.connect()
    except duckdb.Error as exc:
        raise StoreError(f"Cannot compact {src}: {exc} (is another fulcrum process using it?)") from exc
    rows: dict[str, int] = {}
    try:
        try:
            con.execute(f"ATTACH {_literal(str(src))} AS src (READ_ONLY)")
            con.execute(f"ATTACH {_literal(str(tmp))} AS dst")
            con.execute("COPY FROM DATABASE src TO dst")
            tables = [r[0] for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' ORDER BY table_name").fetchall()]
            for t in tables:
                n_src = _one(con, f'SELECT count(*) FROM src.main."{t}"')[0]
                n_dst = _one(con, f'SELECT count(*) FROM dst.main."{t}"')[0]
                if n_src != n_dst:
                    raise StoreError(f"Compacting {src}: table {t} has {n_src} rows but its copy {n_dst}; "
                                     "the original file is left as it was.")
                rows[t] = int(n_src)
            con.execute("CHECKPOINT dst")
            con.execute("DETACH dst")
            con.execute("DETACH src")
        except duckdb.Error as exc:
            raise StoreError(f"Cannot compact {src}: {exc} (is another fulcrum process using it?); "
                             "the original file is left as it was.") from exc
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, src)  # atomic on one file system: the old file until here, the new one after
    return CompactReport(bytes_before=before, bytes_after=src.stat().st_size, rows=rows,
                         seconds=round(time.perf_counter() - t0, 2))
