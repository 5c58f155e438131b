"""The DuckDB store: one file holds articles, their sentences, events, actors and claims.

Idempotent by construction: article ids are content hashes, event and claim ids are derived from the
article id and the pipeline version, and extraction replaces an article's rows in one transaction.
Every :class:`Store` checkpoints on close, so the file is complete and can be copied or opened by
another process as soon as a command exits.

The event tables are kept in ``day`` order for the dashboard's date filters (:meth:`Store.optimize`,
:mod:`fulcrum.store.maintenance`): a store that stored extraction results re-clusters them when it
closes, if they are large and scattered enough for it to matter.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from fulcrum.errors import InvalidParameter, StoreError
from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location, Sentence, Span
from fulcrum.store import maintenance
from fulcrum.store.maintenance import OptimizeReport, TableLayout
from fulcrum.store.migrations import MIGRATIONS

DEFAULT_DB = "fulcrum.duckdb"

log = logging.getLogger(__name__)


def default_db_path() -> Path:
    """``$FULCRUM_DB`` when set, else ``fulcrum.duckdb`` in the working directory."""
    return Path(os.environ.get("FULCRUM_DB") or DEFAULT_DB)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class MergeCounts:
    """What :meth:`Store.merge_extraction` stored: articles replaced, their events and claims."""

    articles: int = 0
    events: int = 0
    claims: int = 0


class Store:
    """A fulcrum DuckDB file.  Use as a context manager, or call :meth:`close`.

    ``auto_optimize`` (default: on, unless ``$FULCRUM_AUTO_OPTIMIZE=0``): when this store stored extraction
    results, :meth:`close` runs ``optimize(only_if_needed=True)`` first (see :meth:`optimize`).
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 auto_optimize: bool | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self.auto_optimize = maintenance.auto_enabled() if auto_optimize is None else auto_optimize
        self._extraction_rows = 0  # event and actor rows stored since opening (or the last optimize)
        if read_only and not self.path.exists():
            raise StoreError(f"No fulcrum database at {self.path}: run `fulcrum ingest` or `fulcrum demo` first, "
                             "or choose a file with --db PATH.")
        if not read_only and self.path.parent and not self.path.parent.exists():
            raise StoreError(f"Cannot create {self.path}: the folder {self.path.parent} does not exist.")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"Cannot open the fulcrum database {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()
        else:
            self._check_schema()

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._close(failing=exc_type is not None)

    def close(self) -> None:
        """Re-cluster the event tables if this store's writes scattered them (see :meth:`optimize`), then
        checkpoint and close.  The re-clustering is skipped while an exception propagates (Ctrl-C)."""
        self._close(failing=sys.exc_info()[0] is not None)

    def _close(self, failing: bool) -> None:
        if getattr(self, "con", None) is None:
            return
        try:
            if not self.read_only:
                if self.auto_optimize and self._extraction_rows and not failing:
                    self._auto_optimize()
                self.con.execute("CHECKPOINT")
        finally:
            self.con.close()
            self.con = None  # type: ignore[assignment]

    def _migrate(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "description VARCHAR, applied_at TIMESTAMP)")
        done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, description, sql in MIGRATIONS:
            if version in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                for stmt in sql.split(";"):
                    if stmt.strip():
                        con.execute(stmt)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, description, _now()])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"Migration {version} ({description}) failed on {self.path}: {exc}") from exc

    def _check_schema(self) -> None:
        try:
            have = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a fulcrum database (no schema_migrations table).") from exc
        latest = MIGRATIONS[-1][0]
        if have is None or have[0] is None or have[0] < latest:
            raise StoreError(f"{self.path} has schema version {have[0] if have else None}, older than {latest}: "
                             "open it once for writing (any fulcrum command that writes) to migrate it.")

    def _auto_optimize(self) -> None:
        try:
            rep = self.optimize(only_if_needed=True)
        except (StoreError, duckdb.Error) as exc:  # nothing changed (one transaction): the store stays usable
            log.warning("automatic optimize of %s failed, run `fulcrum optimize`: %s", self.path, exc)
            return
        if rep.rewritten:
            log.info("optimized %s: %s in %.1fs", self.path, ", ".join(rep.rewritten), rep.seconds)

    # -- layout ----------------------------------------------------------------------------------
    def layout(self) -> dict[str, TableLayout]:
        """How well ``events`` and ``event_actors`` are clustered by ``day`` (see :class:`TableLayout`)."""
        return {t: maintenance.table_layout(self.con, t) for t in maintenance.CLUSTER_ORDER}

    def optimize(self, *, force: bool = False, only_if_needed: bool = False,
                 tables: Sequence[str] | None = None) -> OptimizeReport:
        """Rewrite ``events`` and ``event_actors`` in ``day`` order (then article, sentence, id), so that
        date filters read only the row groups of their days.

        One transaction: a process killed mid-way leaves the old tables intact.  Every row, column,
        constraint, index and comment is kept; the schema version is unchanged.  A table already clustered
        is skipped unless ``force``; ``only_if_needed`` rewrites only tables of at least
        ``AUTO_MIN_ROW_GROUPS`` row groups whose spread exceeds ``AUTO_MAX_SPREAD`` (the automatic rule).
        See :mod:`fulcrum.store.maintenance`.
        """
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only: optimize needs write access.")
        rep = maintenance.optimize(self.con, self.path, tables=list(tables) if tables is not None else None,
                                   force=force, only_if_needed=only_if_needed)
        self._extraction_rows = 0
        return rep

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- articles --------------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def add_articles(self, articles: Sequence[Article], signatures: dict[str, bytes] | None = None) -> int:
        """Insert articles not already stored (by id); return how many were added."""
        if not articles:
            return 0
        now = _now()
        rows = [{
            "id": a.id, "external_id": a.external_id, "title": a.title, "text": a.text,
            "published": a.published, "outlet": a.outlet, "url": a.url, "source": a.source,
            "language": a.language, "near_duplicate_of": a.near_duplicate_of, "ingested_at": now,
        } for a in articles]
        table = pa.Table.from_pylist(rows, schema=pa.schema([
            ("id", pa.string()), ("external_id", pa.string()), ("title", pa.string()), ("text", pa.string()),
            ("published", pa.date32()), ("outlet", pa.string()), ("url", pa.string()), ("source", pa.string()),
            ("language", pa.string()), ("near_duplicate_of", pa.string()), ("ingested_at", pa.timestamp("us")),
        ]))
        con = self.con
        before = self._count("articles")
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_new_articles", table)
            con.execute("""INSERT INTO articles (id, external_id, title, text, published, outlet, url, source,
                           language, near_duplicate_of, ingested_at)
                           SELECT * FROM _new_articles ON CONFLICT DO NOTHING""")
            con.unregister("_new_articles")
            if signatures:
                sig = pa.Table.from_pylist([{"article_id": k, "signature": v} for k, v in signatures.items()],
                                           schema=pa.schema([("article_id", pa.string()), ("signature", pa.binary())]))
                con.register("_new_sigs", sig)
                con.execute("INSERT INTO article_minhash SELECT * FROM _new_sigs ON CONFLICT DO NOTHING")
                con.unregister("_new_sigs")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"Could not store {len(articles)} articles in {self.path}: {exc}") from exc
        return self._count("articles") - before

    def minhash_signatures(self) -> Iterator[tuple[str, bytes]]:
        cur = self.con.execute("SELECT article_id, signature FROM article_minhash ORDER BY article_id")
        while batch := cur.fetchmany(5000):
            yield from ((r[0], bytes(r[1])) for r in batch)

    def article_ids_to_extract(self, redo_all: bool = False) -> list[str]:
        where = "" if redo_all else "WHERE extracted_at IS NULL"
        return [r[0] for r in self.con.execute(f"SELECT id FROM articles {where} ORDER BY id").fetchall()]

    def load_articles(self, ids: Sequence[str]) -> list[Article]:
        """Articles (text and metadata, no annotations) in the order of ``ids``."""
        if not ids:
            return []
        rows = self.con.execute("""SELECT id, external_id, title, text, published, outlet, url, source, language,
                                   near_duplicate_of FROM articles WHERE id IN (SELECT unnest(?))""",
                                [list(ids)]).fetchall()
        by_id = {r[0]: Article(id=r[0], external_id=r[1], title=r[2], text=r[3], published=r[4], outlet=r[5],
                               url=r[6], source=r[7], language=r[8], near_duplicate_of=r[9]) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    # -- extraction results ----------------------------------------------------------------------
    def save_extraction(self, articles: Sequence[Article], pipeline_version: str) -> None:
        """Replace the sentences, events, actors and claims of these articles, in one transaction."""
        if not articles:
            return
        ids = [a.id for a in articles]
        sents, events, actors, claims = [], [], [], []
        for a in articles:
            for s in a.sentences:
                sents.append((a.id, s.index, s.start, s.end))
            for ev in a.events:
                day = ev.date if ev.date is not None else a.published  # events.day (migration 3)
                events.append((*_event_row(a.id, ev), day, a.outlet))
                for role, lst in (("source", ev.source), ("target", ev.target)):
                    for act in lst:
                        actors.append((ev.id, a.id, role, act.text, act.code, act.sector, act.name, day))
            for cl in a.claims:
                claims.append((cl.id, a.id, cl.sentence_index, cl.start, cl.end, cl.what, float(cl.value),
                               cl.comparator, cl.unit, cl.cumulative, cl.claimant, cl.claimant_type, cl.as_of,
                               cl.rule, cl.modality))
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ("sentences", "events", "event_actors", "claims"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            _bulk_insert(con, "sentences", ["article_id", "idx", "start_char", "end_char"], sents)
            _bulk_insert(con, "events", [*EVENT_COLUMNS, "day", "outlet"], events)
            _bulk_insert(con, "event_actors", ["event_id", "article_id", "role", "text", "code", "sector", "name",
                                               "day"], actors)
            _bulk_insert(con, "claims", ["id", "article_id", "sentence_index", "start_char", "end_char", "what",
                                         "value", "comparator", "unit", "cumulative", "claimant", "claimant_type",
                                         "as_of", "rule", "modality"], claims)
            con.execute("UPDATE articles SET extracted_at = ?, pipeline_version = ? WHERE id IN (SELECT unnest(?))",
                        [_now(), pipeline_version, ids])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"Could not store extraction results in {self.path}: {exc}") from exc
        self._extraction_rows += len(events) + len(actors)

    def merge_extraction(self, article_ids: Sequence[str], tables: Mapping[str, pa.Table],
                         pipeline_version: str) -> MergeCounts:
        """Replace the extraction rows of ``article_ids`` with the rows in ``tables`` and mark the articles
        extracted by ``pipeline_version``, in one transaction: :meth:`save_extraction` from Arrow.

        ``tables`` maps ``sentences``, ``events``, ``event_actors`` and ``claims`` (a missing one: no rows)
        to Arrow tables with the columns of :data:`EXTRACTION_COLUMNS` (extra columns are ignored); the
        derived columns (``events.day``, ``events.outlet``, ``event_actors.day``, migration 3) are computed
        here as ``save_extraction`` computes them.  Every row must belong to one of ``article_ids``.  Ids
        not in the store are skipped with their rows.  This is how the runner merges partitions
        (:func:`fulcrum.runner.partitions.merge_partitions`).
        """
        unknown_tables = set(tables) - set(EXTRACTION_COLUMNS)
        if unknown_tables:
            raise InvalidParameter("tables", "Store.merge_extraction", f"keys among {sorted(EXTRACTION_COLUMNS)}",
                                   sorted(unknown_tables))
        ids = list(dict.fromkeys(article_ids))
        wanted = pa.array(ids, pa.string())
        flat: dict[str, pa.Table] = {}
        for table, typed in EXTRACTION_COLUMNS.items():
            names = [n for n, _ in typed]
            if table not in tables or tables[table].num_rows == 0:
                continue
            try:
                rows = tables[table].select(names)
            except KeyError as exc:
                raise StoreError(f"merge_extraction: the {table} table lacks columns: {exc}") from exc
            if not pc.all(pc.is_in(rows.column("article_id"), value_set=wanted)).as_py():
                raise StoreError(f"merge_extraction: {table} has rows of articles not among the ids given.")
            flat[table] = rows
        known = self.existing_ids(ids)
        if len(known) < len(ids):
            ids = [i for i in ids if i in known]
            keep = pa.array(sorted(known), pa.string())
            flat = {t: r.filter(pc.is_in(r.column("article_id"), value_set=keep)) for t, r in flat.items()}
        if not ids:
            return MergeCounts()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in EXTRACTION_COLUMNS:
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            for table, rows in flat.items():  # events before event_actors: an actor takes its event's day
                if not rows.num_rows:
                    continue
                cols = [n for n, _ in EXTRACTION_COLUMNS[table]]
                extra_cols, extra_sel, join = _DERIVED[table]
                view = f"_merge_{table}"
                con.register(view, rows)
                try:
                    con.execute(f"INSERT INTO {table} ({', '.join(cols)}{extra_cols}) "
                                f"SELECT {', '.join('v.' + c for c in cols)}{extra_sel} FROM {view} v{join}")
                finally:
                    con.unregister(view)
            con.execute("UPDATE articles SET extracted_at = ?, pipeline_version = ? WHERE id IN (SELECT unnest(?))",
                        [_now(), pipeline_version, ids])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"Could not merge extraction results for {len(ids)} articles into {self.path}: "
                             f"{exc}") from exc
        n_events = flat["events"].num_rows if "events" in flat else 0
        n_actors = flat["event_actors"].num_rows if "event_actors" in flat else 0
        self._extraction_rows += n_events + n_actors
        return MergeCounts(articles=len(ids), events=n_events,
                           claims=flat["claims"].num_rows if "claims" in flat else 0)

    # -- reads -----------------------------------------------------------------------------------
    def _count(self, table: str, where: str = "") -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table} {where}").fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, int]:
        return {
            "articles": self._count("articles"),
            "near_duplicates": self._count("articles", "WHERE near_duplicate_of IS NOT NULL"),
            "extracted": self._count("articles", "WHERE extracted_at IS NOT NULL"),
            "events": self._count("events"),
            "claims": self._count("claims"),
        }

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Event records (see ``fulcrum.records.EVENT_FIELDS``) matching the filters.

        Filters: ``date_from``, ``date_to`` (on the event date, or the publication date when the event has
        none), ``actor`` (code, name or text of a source or target, case-insensitive), ``type``, ``outlet``,
        ``modality``, ``claimant_type``, ``article_id``, ``limit``, ``offset``.
        """
        conds, params = _event_conditions(filters)
        if filters.get("limit") is not None:
            _bound_actor_page(self.con, filters, conds, params, int(filters["limit"]) + int(filters.get("offset") or 0))
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        # the top N from events alone (filters and order are on its own columns), then the articles of those N
        sql = f"""WITH t AS (SELECT e.* FROM events e {where} ORDER BY {EVENT_ORDER}{_limit(filters)})
                  SELECT t.* EXCLUDE (day, outlet), a.external_id, a.outlet, a.published, a.url,
                         a.text AS article_text
                  FROM t JOIN articles a ON a.id = t.article_id
                  ORDER BY t.day NULLS LAST, t.article_id, t.sentence_index, t.id"""
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [_event_record(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]

    def claims(self, **filters: Any) -> list[dict[str, Any]]:
        """Claim records (see ``fulcrum.records.CLAIM_FIELDS``): filters ``what``, ``claimant``, ``outlet``,
        ``date_from``, ``date_to`` (on as-of, else publication date), ``article_id``, ``limit``, ``offset``."""
        conds, params = [], []
        day = "coalesce(c.as_of, a.published)"
        for key, sql in (("what", "c.what = ?"), ("claimant", "lower(c.claimant) LIKE '%' || lower(?) || '%'"),
                         ("outlet", "lower(a.outlet) = lower(?)"), ("article_id", "c.article_id = ?"),
                         ("date_from", f"{day} >= ?"), ("date_to", f"{day} <= ?")):
            if filters.get(key) is not None:
                conds.append(sql)
                params.append(filters[key])
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        sql = f"""SELECT c.*, a.external_id, a.outlet, a.published, s.start_char AS s_start, s.end_char AS s_end,
                  a.text AS article_text
                  FROM claims c JOIN articles a ON a.id = c.article_id
                  LEFT JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.sentence_index
                  {where} ORDER BY c.what, {day} NULLS LAST, c.article_id, c.start_char""" + _limit(filters)
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        out = []
        for r in cur.fetchall():
            d = dict(zip(cols, r, strict=True))
            text = d["article_text"]
            s, e = (d["s_start"], d["s_end"]) if d["s_start"] is not None else (d["start_char"], d["end_char"])
            out.append({
                "id": d["id"], "article_id": d["article_id"], "external_id": d["external_id"],
                "outlet": d["outlet"], "published": _iso(d["published"]), "what": d["what"],
                "value": d["value"], "comparator": d["comparator"], "unit": d["unit"],
                "cumulative": d["cumulative"], "claimant": d["claimant"], "claimant_type": d["claimant_type"],
                "as_of": _iso(d["as_of"]), "sentence_index": d["sentence_index"], "text": text[s:e],
                "start": d["start_char"], "end": d["end_char"], "rule": d["rule"], "modality": d["modality"],
            })
        return out

    def article(self, article_id: str) -> Article | None:
        """The stored article with its sentences, events and claims; a unique id prefix is accepted."""
        rows = self.con.execute("SELECT id FROM articles WHERE starts_with(id, ?) OR external_id = ? LIMIT 2",
                                [article_id, article_id]).fetchall()
        if len(rows) != 1:
            return None
        art = self.load_articles([rows[0][0]])[0]
        art.sentences = [Sentence(index=r[0], start=r[1], end=r[2]) for r in self.con.execute(
            "SELECT idx, start_char, end_char FROM sentences WHERE article_id = ? ORDER BY idx", [art.id]).fetchall()]
        cur = self.con.execute("SELECT * FROM events WHERE article_id = ? ORDER BY sentence_index, start_char, id",
                               [art.id])
        cols = [d[0] for d in cur.description]
        art.events = [_event_from_row(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]
        cur = self.con.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY start_char, id", [art.id])
        cols = [d[0] for d in cur.description]
        for r in cur.fetchall():
            d = dict(zip(cols, r, strict=True))
            art.claims.append(Claim(id=d["id"], what=d["what"], value=d["value"], sentence_index=d["sentence_index"],
                                    start=d["start_char"], end=d["end_char"], comparator=d["comparator"],
                                    unit=d["unit"], claimant=d["claimant"], claimant_type=d["claimant_type"],
                                    as_of=d["as_of"], cumulative=d["cumulative"], rule=d["rule"],
                                    modality=d["modality"]))
        return art

    def frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read-only SQL query and return a DataFrame (for analyses and notebooks)."""
        return self.con.execute(sql, list(params)).df()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        """The first row of a query that always returns one (an aggregate without GROUP BY); a
        :class:`StoreError` when it returns none."""
        row = self.con.execute(sql, list(params)).fetchone()
        if row is None:
            raise StoreError(f"No row from {' '.join(sql.split())[:80]!r} in {self.path}")
        return tuple(row)


#: The columns of the extraction tables that writers supply, with their Arrow types (the DuckDB types of
#: migrations.py); the derived columns of migration 3 (``day``, ``outlet``) are computed by the store.
EXTRACTION_COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "sentences": [("article_id", pa.string()), ("idx", pa.int32()), ("start_char", pa.int32()),
                  ("end_char", pa.int32())],
    "events": [
        ("id", pa.string()), ("article_id", pa.string()), ("sentence_index", pa.int32()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()), ("type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()),
        ("source_json", pa.string()), ("target_json", pa.string()), ("event_date", pa.date32()),
        ("date_precision", pa.string()), ("date_text", pa.string()), ("location_name", pa.string()),
        ("location_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("modality", pa.string()), ("att_outlet", pa.string()), ("claimant", pa.string()),
        ("claimant_type", pa.string()), ("source_count", pa.int32()), ("cue", pa.string()),
        ("claimant_start", pa.int32()), ("claimant_end", pa.int32()), ("confidence", pa.float64()),
        ("rule", pa.string()),
    ],
    "event_actors": [("event_id", pa.string()), ("article_id", pa.string()), ("role", pa.string()),
                     ("text", pa.string()), ("code", pa.string()), ("sector", pa.string()), ("name", pa.string())],
    "claims": [
        ("id", pa.string()), ("article_id", pa.string()), ("sentence_index", pa.int32()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("what", pa.string()), ("value", pa.float64()),
        ("comparator", pa.string()), ("unit", pa.string()), ("cumulative", pa.bool_()),
        ("claimant", pa.string()), ("claimant_type", pa.string()), ("as_of", pa.date32()), ("rule", pa.string()),
        ("modality", pa.string()),
    ],
}

#: Store columns merge_extraction derives as save_extraction does (migration 3): (extra target columns,
#: extra select expressions, join).  Events are inserted before their actors, so an actor row takes its
#: event's ``day``.
_DERIVED: dict[str, tuple[str, str, str]] = {
    "sentences": ("", "", ""),
    "events": (", day, outlet", ", coalesce(v.event_date, a.published), a.outlet",
               " JOIN articles a ON a.id = v.article_id"),
    "event_actors": (", day", ", e.day", " LEFT JOIN events e ON e.id = v.event_id"),
    "claims": ("", "", ""),
}

EVENT_COLUMNS = (
    "id", "article_id", "sentence_index", "start_char", "end_char", "trigger_start", "trigger_end", "type", "mode",
    "cameo", "source_json", "target_json", "event_date", "date_precision", "date_text", "location_name",
    "location_country", "lat", "lon", "modality", "att_outlet", "claimant", "claimant_type", "source_count", "cue",
    "claimant_start", "claimant_end", "confidence", "rule",
)


def _actors_json(actors: list[Actor]) -> str:
    return json.dumps([{"text": a.text, "code": a.code, "sector": a.sector, "name": a.name,
                        "start": a.start, "end": a.end} for a in actors], ensure_ascii=False)


def _event_row(article_id: str, ev: Event) -> tuple[Any, ...]:
    loc = ev.location
    att = ev.attribution
    return (ev.id, article_id, ev.sentence_index, ev.start, ev.end,
            ev.trigger.start if ev.trigger else None, ev.trigger.end if ev.trigger else None,
            ev.type, ev.mode, ev.cameo, _actors_json(ev.source), _actors_json(ev.target), ev.date,
            ev.date_precision, ev.date_text, loc.name if loc else None, loc.country if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, ev.modality, att.outlet, att.claimant,
            att.claimant_type, att.count, att.cue, att.claimant_start, att.claimant_end, float(ev.confidence),
            ev.rule)


def _event_from_row(d: dict[str, Any]) -> Event:
    loc = None
    if d["location_name"] is not None:
        loc = Location(name=d["location_name"], country=d["location_country"], lat=d["lat"], lon=d["lon"])
    trig = Span(d["trigger_start"], d["trigger_end"]) if d["trigger_start"] is not None else None
    return Event(
        id=d["id"], type=d["type"], sentence_index=d["sentence_index"], start=d["start_char"], end=d["end_char"],
        mode=d["mode"], cameo=d["cameo"], source=[Actor.from_dict(x) for x in json.loads(d["source_json"])],
        target=[Actor.from_dict(x) for x in json.loads(d["target_json"])], trigger=trig, date=d["event_date"],
        date_precision=d["date_precision"], date_text=d["date_text"], location=loc, modality=d["modality"],
        attribution=Attribution(outlet=d["att_outlet"], claimant=d["claimant"], claimant_type=d["claimant_type"],
                                count=d["source_count"], cue=d["cue"], claimant_start=d["claimant_start"],
                                claimant_end=d["claimant_end"]),
        confidence=d["confidence"], rule=d["rule"])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _strip_offsets(actors_json: str) -> list[dict[str, Any]]:
    return [{"text": a.get("text"), "code": a.get("code"), "sector": a.get("sector"), "name": a.get("name")}
            for a in json.loads(actors_json)]


def _event_record(d: dict[str, Any]) -> dict[str, Any]:
    text = d["article_text"]
    trig = None
    if d["trigger_start"] is not None:
        trig = {"text": text[d["trigger_start"]:d["trigger_end"]], "start": d["trigger_start"],
                "end": d["trigger_end"]}
    loc = None
    if d["location_name"] is not None:
        loc = {"name": d["location_name"], "country": d["location_country"], "lat": d["lat"], "lon": d["lon"]}
    return {
        "id": d["id"], "article_id": d["article_id"], "external_id": d["external_id"], "outlet": d["outlet"],
        "published": _iso(d["published"]), "url": d["url"], "sentence_index": d["sentence_index"],
        "text": text[d["start_char"]:d["end_char"]], "start": d["start_char"], "end": d["end_char"],
        "trigger": trig, "type": d["type"], "mode": d["mode"], "cameo": d["cameo"],
        "source": _strip_offsets(d["source_json"]), "target": _strip_offsets(d["target_json"]),
        "date": _iso(d["event_date"]), "date_precision": d["date_precision"], "date_text": d["date_text"],
        "location": loc, "modality": d["modality"],
        "attribution": {"outlet": d["att_outlet"], "claimant": d["claimant"], "claimant_type": d["claimant_type"],
                        "count": d["source_count"], "cue": d["cue"]},
        "confidence": d["confidence"], "rule": d["rule"],
    }


#: The order of every event list: day (event date, else publication date), then position in the article.
EVENT_ORDER = "e.day NULLS LAST, e.article_id, e.sentence_index, e.id"

_ACTOR_MATCH = """(upper(x.code) = upper(?) OR lower(x.name) = lower(?)
                   OR lower(x.text) LIKE '%' || lower(?) || '%')"""


def _event_conditions(f: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """Conditions on ``events e`` alone (``e.day`` and ``e.outlet`` are stored since migration 3)."""
    conds: list[str] = []
    params: list[Any] = []
    if f.get("date_from"):
        conds.append("e.day >= ?")
        params.append(f["date_from"])
    if f.get("date_to"):
        conds.append("e.day <= ?")
        params.append(f["date_to"])
    if f.get("type"):
        types = [t.strip().upper() for t in str(f["type"]).split(",") if t.strip()]
        conds.append("e.type IN (SELECT unnest(?))")
        params.append(types)
    if f.get("outlet"):
        conds.append("lower(e.outlet) = lower(?)")
        params.append(f["outlet"])
    if f.get("modality"):
        conds.append("e.modality = ?")
        params.append(f["modality"])
    if f.get("claimant_type"):
        conds.append("e.claimant_type = ?")
        params.append(f["claimant_type"])
    if f.get("place"):
        conds.append("(lower(e.location_name) = lower(?) OR upper(e.location_country) = upper(?))")
        params += [f["place"], f["place"]]
    if f.get("article_id"):
        conds.append("e.article_id = ?")
        params.append(f["article_id"])
    if f.get("actor"):
        conds.append(f"e.id IN (SELECT event_id FROM event_actors x WHERE {_ACTOR_MATCH})")
        params += [f["actor"]] * 3
    return conds, params


_ACTOR_PAGE_KEYS = {"actor", "date_from", "date_to", "limit", "offset"}


def _bound_actor_page(con: Any, f: dict[str, Any], conds: list[str], params: list[Any], k: int) -> None:
    """For a page of the first ``k`` events of an actor (optionally in a date window), in the default order,
    narrow the actor condition in ``conds`` to the events that can be among those ``k``.

    The ``k``-th distinct matching event in ``event_actors`` order (day, article, event id) has the key
    (d, a); the first ``k`` events in the full order (day, article, sentence, id) all have (day, article)
    <= (d, a), so the page is taken from those: a top-N on ``event_actors`` and a ``day`` bound that lets
    the zone maps of both tables skip the rest.  Other filters (on events' own columns) would thin the
    candidates out, so then nothing is narrowed.
    """
    if not f.get("actor") or k <= 0 or any(f.get(key) for key in f.keys() - _ACTOR_PAGE_KEYS):
        return
    xconds, xparams = [_ACTOR_MATCH], [f["actor"]] * 3
    for key, op in (("date_from", ">="), ("date_to", "<=")):
        if f.get(key):
            xconds.append(f"x.day {op} ?")
            xparams.append(f[key])
    xwhere = " AND ".join(xconds)
    fetch = 2 * k
    while True:
        rows = con.execute(f"""SELECT event_id, day, article_id FROM event_actors x WHERE {xwhere}
                               ORDER BY x.day NULLS LAST, x.article_id, x.event_id LIMIT {fetch}""",
                           xparams).fetchall()
        seen: set[str] = set()
        bound = None
        for event_id, day, article_id in rows:
            seen.add(event_id)
            if len(seen) == k:
                bound = (day, article_id)
                break
        if bound is not None or len(rows) < fetch:
            break
        fetch *= 4
    if bound is None:  # fewer than k matching events: all of them are fetched anyway
        return
    day, article_id = bound
    if day is None:
        xbound, bparams, ebound, eparams = "(x.day IS NOT NULL OR x.article_id <= ?)", [article_id], "", []
    else:
        # the plain ``day <= ?`` is what the scans can push into their zone maps; the OR alone is not
        xbound = "x.day <= ? AND (x.day < ? OR x.article_id <= ?)"
        bparams, ebound, eparams = [day, day, article_id], "e.day <= ?", [day]
    i = next(n for n, c in enumerate(conds) if c.startswith("e.id IN (SELECT event_id FROM event_actors x"))
    conds[i] = f"e.id IN (SELECT event_id FROM event_actors x WHERE {xwhere} AND {xbound})"
    # the actor condition's parameters are its own three; date bounds precede it in params
    start = sum(c.count("?") for c in conds[:i])
    params[start:start + 3] = xparams + bparams
    if ebound:
        conds.append(ebound)
        params.extend(eparams)


def _limit(f: dict[str, Any]) -> str:
    out = ""
    if f.get("limit") is not None:
        out += f" LIMIT {int(f['limit'])}"
    if f.get("offset"):
        out += f" OFFSET {int(f['offset'])}"
    return out


def _bulk_insert(con: Any, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    cols = list(zip(*rows, strict=True))
    arrays = {}
    for name, values in zip(columns, cols, strict=True):
        arrays[name] = pa.array(list(values), from_pandas=False) if any(v is not None for v in values) \
            else pa.nulls(len(values))
    tbl = pa.table(arrays)
    view = f"_bulk_{table}"
    con.register(view, tbl)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {view}")
    finally:
        con.unregister(view)
