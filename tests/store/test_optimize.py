"""``Store.optimize``: the event tables rewritten in day order keep every row, every query result, the
schema and its version; it is idempotent, crash-safe (a process killed mid-way leaves the old tables) and
the store takes writes afterwards.  Real DuckDB files throughout."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from datetime import date, timedelta

import duckdb
import pytest

from fulcrum.extract import PIPELINE_VERSION
from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location, Sentence, Span
from fulcrum.runner.partitions import results_to_partition
from fulcrum.store import Store, maintenance
from fulcrum.store.migrations import MIGRATIONS

START = date(2031, 1, 1)
CODES = ["ISR", "PSE", "UKR", "RUS", "SDN", "QAT"]
TYPES = ["ASSAULT", "COERCE", "CONSULT", "AGREE"]

#: Every stored table, in a canonical order (the physical order is what optimize changes).
DUMPS = {
    "articles": "SELECT * EXCLUDE (ingested_at, extracted_at) FROM articles ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY ALL",
    "events": "SELECT * FROM events ORDER BY id",
    "event_actors": "SELECT * FROM event_actors ORDER BY ALL",
    "claims": "SELECT * FROM claims ORDER BY id",
    "schema_migrations": "SELECT * FROM schema_migrations ORDER BY version",
}
#: The schema as DuckDB describes it: tables, columns, constraints, indexes.
SCHEMA = {
    "tables": "SELECT table_name, sql, comment FROM duckdb_tables() ORDER BY table_name",
    "columns": "SELECT table_name, column_name, column_index, data_type, column_default, is_nullable, comment "
               "FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index",
    "constraints": "SELECT table_name, constraint_type, constraint_text, constraint_column_names "
                   "FROM duckdb_constraints() ORDER BY ALL",
    "indexes": "SELECT index_name, table_name, sql, is_unique FROM duckdb_indexes() ORDER BY index_name",
}


def _article(n: int, rng: random.Random) -> Article:
    text = f"Report {n}. Forces of {CODES[n % 6]} struck positions of {CODES[(n + 1) % 6]}. Officials said {n} died."
    published = None if n % 17 == 0 else START + timedelta(days=rng.randrange(300))
    art = Article(text=text, title=f"Report {n}", published=published, outlet=f"Outlet {n % 5}",
                  url=f"https://x.invalid/{n}")
    art.sentences = [Sentence(0, 0, len(f"Report {n}.")), Sentence(1, len(f"Report {n}.") + 1, len(text))]
    for k in range(1 + n % 3):
        event_date = None if k == 0 else START + timedelta(days=rng.randrange(300))
        art.events.append(Event(
            type=TYPES[(n + k) % 4], sentence_index=1, start=0, end=20 + k, mode="air", cameo="195",
            source=[Actor(f"Forces of {CODES[n % 6]}", CODES[n % 6], "MIL", None, 0, 6)],
            target=[Actor("positions", CODES[(n + 1) % 6], None, None, 7, 16),
                    Actor("town", None, None, None, 17, 21)][: 1 + k % 2],
            trigger=Span(10, 16, "strike"), date=event_date, date_precision="day" if event_date else "none",
            location=Location("Town", CODES[n % 6], 1.0, 2.0) if k == 1 else None, modality="asserted",
            attribution=Attribution(claimant="Officials", claimant_type="official", cue="said"),
            confidence=0.5 + k / 10, rule="verb:strike", id=f"e{n:04d}-{k}"))
    art.claims = [Claim(what="killed", value=n, sentence_index=1, start=0, end=10, claimant="Officials",
                        claimant_type="official", as_of=published, cumulative=False, id=f"c{n:04d}")]
    return art


def _articles(n: int = 90, seed: int = 3) -> list[Article]:
    rng = random.Random(seed)
    arts = [_article(i, rng) for i in range(n)]
    rng.shuffle(arts)  # stored in no particular day order, as extraction stores them
    return arts


def _make(path, n: int = 90) -> list[Article]:
    arts = _articles(n)
    with Store(path, auto_optimize=False) as s:
        s.add_articles(arts)
        for i in range(0, len(arts), 16):
            s.save_extraction(arts[i:i + 16], "test")
    return arts


def _queries(s: Store) -> dict[str, object]:
    d0 = START + timedelta(days=40)
    return {
        "all": s.events(),
        "window": s.events(date_from=d0, date_to=d0 + timedelta(days=60)),
        "page": s.events(date_from=d0, date_to=d0 + timedelta(days=120), limit=10, offset=5),
        "first_page": s.events(limit=25),
        "actor_page": s.events(actor="ISR", limit=7),
        "actor_page_2": s.events(actor="pse", limit=5, offset=5),
        "actor_window": s.events(actor="RUS", date_from=d0, limit=4),
        "type": s.events(type="ASSAULT,COERCE", limit=30),
        "outlet": s.events(outlet="Outlet 2"),
        "claims": s.claims(),
        "stats": s.stats(),
        "frame": s.frame("SELECT day, type, count(*) AS n FROM events GROUP BY ALL ORDER BY ALL").to_dict("list"),
    }


def _dump(s: Store) -> dict[str, list[tuple]]:
    return {t: s.con.execute(sql).fetchall() for t, sql in DUMPS.items()}


def _schema(s: Store) -> dict[str, list[tuple]]:
    return {t: s.con.execute(sql).fetchall() for t, sql in SCHEMA.items()}


def _physical(s: Store) -> dict[str, list[tuple]]:
    return {t: s.con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in maintenance.CLUSTER_ORDER}


def _in_day_order(s: Store, table: str) -> bool:
    days = [r[0] for r in s.con.execute(f"SELECT day FROM {table} ORDER BY rowid").fetchall()]
    dated = [d for d in days if d is not None]
    return dated == sorted(dated) and days[:len(dated)] == dated  # NULL days last


def test_optimize_keeps_every_row_query_result_and_the_schema(tmp_path):
    path = tmp_path / "s.duckdb"
    _make(path)
    with Store(path, read_only=True) as s:
        rows, results, schema = _dump(s), _queries(s), _schema(s)
        assert not _in_day_order(s, "events") and not _in_day_order(s, "event_actors")
        version = s.schema_version()
        some_article = s.article(results["all"][0]["article_id"])  # type: ignore[index]
    assert any(e["date"] is None for e in results["all"]) and any(r[-2] is None for r in rows["events"])  # type: ignore[union-attr]

    with Store(path) as s:
        rep = s.optimize(force=True)  # one row group: "clustered" already, so force the rewrite
        assert rep.rewritten == ["events", "event_actors"]
        assert rep.rows == {"events": len(rows["events"]), "event_actors": len(rows["event_actors"])}
    with Store(path, read_only=True) as s:
        assert _dump(s) == rows
        assert _queries(s) == results
        assert _schema(s) == schema
        assert s.schema_version() == version == MIGRATIONS[-1][0]
        assert s.article(some_article.id) == some_article  # type: ignore[union-attr]
        assert _in_day_order(s, "events") and _in_day_order(s, "event_actors")
        assert all(lay.clustered and lay.spread <= 1 for lay in s.layout().values())


def test_optimize_is_idempotent(tmp_path):
    path = tmp_path / "s.duckdb"
    _make(path)
    with Store(path) as s:
        s.optimize(force=True)
        once, files = _physical(s), _dump(s)
        assert s.optimize().rewritten == []  # already clustered: nothing to do
        assert s.optimize(force=True).rewritten == ["events", "event_actors"]
        assert _physical(s) == once  # the same rows in the same physical order
        assert _dump(s) == files


def test_store_takes_writes_after_optimize(tmp_path):
    path = tmp_path / "s.duckdb"
    arts = _make(path)
    with Store(path) as s:
        s.optimize(force=True)
        # re-extraction replaces an article's rows (the primary key and indexes are live)
        changed = arts[0]
        changed.events = changed.events[:1]
        s.save_extraction([changed], "test")
        assert s.con.execute("SELECT count(*) FROM events WHERE article_id = ?", [changed.id]).fetchone()[0] == 1
        with pytest.raises(duckdb.ConstraintException):
            s.con.execute("INSERT INTO events SELECT * FROM events LIMIT 1")
        # new articles, stored both ways (objects, and Arrow partitions as the runner merges them)
        rng = random.Random(9)
        new = [_article(1000 + i, rng) for i in range(4)]
        s.add_articles(new)
        s.save_extraction(new[:2], "test")
        from fulcrum.runner.partitions import merge_partitions

        counts = merge_partitions(s, [results_to_partition(new[2:], PIPELINE_VERSION)], PIPELINE_VERSION)
        assert counts.articles == 2 and counts.events == sum(len(a.events) for a in new[2:])
        assert {e["article_id"] for e in s.events()} >= {a.id for a in new}
        assert s.con.execute("SELECT count(*) FROM duckdb_indexes() WHERE table_name IN ('events', 'event_actors')"
                             ).fetchone()[0] == 2
        s.optimize(force=True)  # and can be optimized again with the new rows
        assert _in_day_order(s, "events")


def test_killed_mid_optimize_leaves_the_old_tables(tmp_path):
    """SIGKILL after the old table is dropped and before the commit: the file still holds the old tables."""
    path = tmp_path / "s.duckdb"
    _make(path)
    with Store(path, read_only=True) as s:
        rows, physical, schema = _dump(s), _physical(s), _schema(s)
    script = textwrap.dedent(f"""
        import os, signal
        from fulcrum.store import Store

        class KillAtRename:
            def __init__(self, con):
                self.con = con
            def execute(self, sql, *args):
                if sql.startswith("ALTER TABLE event_actors__optimize RENAME"):  # events already swapped
                    os.kill(os.getpid(), signal.SIGKILL)
                return self.con.execute(sql, *args)
            def __getattr__(self, name):
                return getattr(self.con, name)

        s = Store({str(path)!r})
        s.con = KillAtRename(s.con)
        s.optimize(force=True)
        print("not killed")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == -9, out.stderr
    with Store(path, read_only=True) as s:
        assert _dump(s) == rows
        assert _physical(s) == physical  # not even partly rewritten
        assert _schema(s) == schema
    with Store(path) as s:  # and a later optimize completes
        assert s.optimize(force=True).rewritten == ["events", "event_actors"]
        assert _dump(s) == rows


def test_layout_and_the_automatic_rule(tmp_path, monkeypatch):
    """With tiny row groups (the arithmetic of the layout does not depend on their size), a scattered store
    needs optimizing; closing a store that stored extraction results does it, unless told not to."""
    monkeypatch.setattr(maintenance, "ROW_GROUP_ROWS", 16)
    monkeypatch.setattr(maintenance, "AUTO_MIN_ROW_GROUPS", 4)
    path = tmp_path / "s.duckdb"
    arts = _make(path)
    with Store(path, read_only=True) as s:
        lay = s.layout()
        rows = _dump(s)
    assert lay["events"].row_groups >= 8 and not lay["events"].clustered
    assert lay["events"].needs_optimize and lay["event_actors"].needs_optimize

    with Store(path, auto_optimize=False) as s:  # off: stays scattered
        s.save_extraction(arts[:3], "test")
    with Store(path) as s:
        assert not s.layout()["events"].clustered
    with pytest.raises(RuntimeError), Store(path) as s:  # an exception propagating: no rewrite on the way out
        s.save_extraction(arts[:3], "test")
        raise RuntimeError("interrupted")
    with Store(path) as s:
        assert not s.layout()["events"].clustered
    with Store(path) as s:  # reads alone: nothing to do on close
        s.events(limit=3)
    with Store(path) as s:
        assert not s.layout()["events"].clustered
        assert s.optimize(only_if_needed=True).rewritten == ["events", "event_actors"]
    with Store(path) as s:
        assert all(x.clustered and not x.needs_optimize for x in s.layout().values())
        assert s.optimize(only_if_needed=True).rewritten == []

    # a store that stores scattered extraction results re-clusters itself when it closes
    path2 = tmp_path / "auto.duckdb"
    arts = _articles()
    with Store(path2) as s:
        s.add_articles(arts)
        for i in range(0, len(arts), 16):
            s.save_extraction(arts[i:i + 16], "test")
        assert s.layout()["events"].needs_optimize
    with Store(path2, read_only=True) as s:
        assert all(x.clustered for x in s.layout().values())
        other = _dump(s)
    assert {t: v for t, v in other.items() if t != "schema_migrations"} == \
        {t: v for t, v in rows.items() if t != "schema_migrations"}  # the same articles, stored the same


def test_auto_optimize_can_be_turned_off_by_environment(monkeypatch):
    monkeypatch.setenv(maintenance.AUTO_ENV, "0")
    assert maintenance.auto_enabled() is False
    monkeypatch.setenv(maintenance.AUTO_ENV, "1")
    assert maintenance.auto_enabled() is True


def test_optimize_refuses_a_read_only_store_and_unknown_tables(tmp_path):
    path = tmp_path / "s.duckdb"
    _make(path, n=5)
    from fulcrum.errors import InvalidParameter, StoreError

    with Store(path, read_only=True) as s, pytest.raises(StoreError, match="read-only"):
        s.optimize()
    with Store(path) as s, pytest.raises(InvalidParameter):
        s.optimize(tables=["articles"])


def test_optimize_orders_rows_even_if_the_connection_does_not_preserve_insertion_order(tmp_path):
    path = tmp_path / "s.duckdb"
    _make(path)
    with Store(path) as s:
        s.con.execute("SET preserve_insertion_order = false")
        s.optimize(force=True)
        assert _in_day_order(s, "events") and _in_day_order(s, "event_actors")
        assert s.con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0] is False


def test_compact_gives_space_back_and_keeps_everything(tmp_path):
    path = tmp_path / "s.duckdb"
    _make(path, n=3000)
    with Store(path) as s:
        s.optimize(force=True)  # both copies were in the file for a moment: freed blocks stay in it
        rows, results, schema, physical = _dump(s), _queries(s), _schema(s), _physical(s)
    grown = path.stat().st_size
    rep = maintenance.compact(path)
    assert rep.bytes_before == grown and rep.bytes_after == path.stat().st_size < grown
    assert rep.rows["events"] == len(rows["events"]) and rep.rows["schema_migrations"] == len(MIGRATIONS)
    assert not path.with_name(path.name + ".compact-tmp").exists()
    with Store(path) as s:
        assert _dump(s) == rows and _queries(s) == results and _schema(s) == schema
        assert _physical(s) == physical  # the day order survives the copy
        s.add_articles([Article(text="A report written after compacting.", title="After", outlet="Outlet 9")])
        assert s.con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(rows["articles"]) + 1


def test_compact_refuses_a_file_in_use_and_leaves_it_intact(tmp_path):
    path = tmp_path / "s.duckdb"
    _make(path)
    (tmp_path / "s.duckdb.compact-tmp").write_bytes(b"left by a killed run")
    script = textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(path)!r})
        print("open", flush=True)
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = path.read_bytes()
        with pytest.raises(maintenance.StoreError, match="s.duckdb"):
            maintenance.compact(path)
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert not (tmp_path / "s.duckdb.compact-tmp").exists()  # the stale copy was cleared
    with pytest.raises(maintenance.StoreError, match="nothing to compact"):
        maintenance.compact(tmp_path / "missing.duckdb")


def test_cli_optimize_compact(tmp_path):
    from typer.testing import CliRunner

    from fulcrum.cli import app

    path = tmp_path / "s.duckdb"
    _make(path, n=1500)
    with Store(path, read_only=True) as s:
        rows = _dump(s)
    res = CliRunner().invoke(app, ["--db", str(path), "optimize", "--force", "--compact", "--json"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["rewritten"] == ["events", "event_actors"]
    assert rep["compact"]["bytes_after"] == path.stat().st_size < rep["compact"]["bytes_before"]
    assert "compact:" in res.stderr
    with Store(path, read_only=True) as s:
        assert _dump(s) == rows
    bad = CliRunner().invoke(app, ["--db", str(path), "optimize", "--check", "--compact"])
    assert bad.exit_code == 1 and "--check" in bad.stderr
