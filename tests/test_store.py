"""The DuckDB store: migrations, idempotent writes, reads, checkpointed files."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date

import duckdb
import pytest

from fulcrum.errors import StoreError
from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location, Sentence, Span
from fulcrum.store import Store
from fulcrum.store.migrations import MIGRATIONS


def annotated(text: str = "Israeli jets struck Rafah on Tuesday. Officials said 12 people were killed.",
              **kw) -> Article:
    art = Article(text=text, published=date(2023, 11, 8), outlet="Test Wire", **kw)
    art.sentences = [Sentence(0, 0, 37), Sentence(1, 38, len(text))]
    ev = Event(type="ASSAULT", sentence_index=0, start=0, end=37, mode="air", cameo="195",
               source=[Actor("Israeli jets", "ISR", "MIL", None, 0, 12)],
               target=[Actor("Rafah", "PSE", None, None, 20, 25)], trigger=Span(13, 19, "strike"),
               date=date(2023, 11, 7), date_precision="day", location=Location("Rafah", "PSE", 31.29, 34.25),
               modality="asserted", attribution=Attribution(), confidence=0.9, rule="verb:strike", id="e1")
    cl = Claim(what="killed", value=12, sentence_index=1, start=53, end=62, claimant="Officials",
               claimant_type="official", as_of=date(2023, 11, 8), cumulative=False, id="c1")
    art.events, art.claims = [ev], [cl]
    return art


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "f.duckdb"
    with Store(path) as s:
        assert s.schema_version() == MIGRATIONS[-1][0]
    with Store(path) as s:  # reopening applies nothing twice
        n = s.con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert n == len(MIGRATIONS)


def test_add_articles_is_idempotent(tmp_path):
    with Store(tmp_path / "f.duckdb") as s:
        a, b = Article(text="One report."), Article(text="Another report.")
        assert s.add_articles([a, b]) == 2
        assert s.add_articles([a, b]) == 0
        assert s.stats()["articles"] == 2
        assert s.existing_ids([a.id, "nope"]) == {a.id}


def test_extraction_round_trip_and_replacement(tmp_path):
    with Store(tmp_path / "f.duckdb") as s:
        art = annotated()
        s.add_articles([art])
        s.save_extraction([art], "test")
        s.save_extraction([art], "test")  # again: replaces, adds nothing
        st = s.stats()
        assert (st["events"], st["claims"], st["extracted"]) == (1, 1, 1)
        back = s.article(art.id[:8])
        assert back is not None and back.events[0].source[0].code == "ISR"
        assert back.events[0].location.name == "Rafah"
        assert back.text[back.events[0].trigger.start:back.events[0].trigger.end] == "struck"
        rec = s.events()[0]
        assert rec["text"] == "Israeli jets struck Rafah on Tuesday."
        assert rec["date"] == "2023-11-07" and rec["published"] == "2023-11-08"
        assert rec["source"] == [{"text": "Israeli jets", "code": "ISR", "sector": "MIL", "name": None}]
        claim = s.claims()[0]
        assert claim["what"] == "killed" and claim["value"] == 12 and claim["as_of"] == "2023-11-08"
        assert claim["text"] == "Officials said 12 people were killed."


def test_event_filters(tmp_path):
    with Store(tmp_path / "f.duckdb") as s:
        art = annotated()
        s.add_articles([art])
        s.save_extraction([art], "test")
        assert len(s.events(actor="isr")) == 1
        assert len(s.events(actor="hamas")) == 0
        assert len(s.events(type="assault,consult")) == 1
        assert len(s.events(type="AGREE")) == 0
        assert len(s.events(date_from=date(2023, 11, 8))) == 0
        assert len(s.events(date_to=date(2023, 11, 7))) == 1
        assert len(s.events(outlet="test wire")) == 1
        assert len(s.events(outlet="Other")) == 0


def test_migration_3_backfills_day_and_outlet(tmp_path, monkeypatch):
    path = tmp_path / "f.duckdb"
    monkeypatch.setattr("fulcrum.store.duck.MIGRATIONS", MIGRATIONS[:2])  # a store written before migration 3
    with Store(path) as s:
        assert s.schema_version() == 2
        s.add_articles([Article(text="One.", published=date(2023, 11, 8), outlet="Wire", id="a1"),
                        Article(text="Two.", published=None, outlet=None, id="a2")])
        for eid, aid, day in (("e1", "a1", "2023-11-07"), ("e2", "a1", None), ("e3", "a2", None)):
            s.con.execute("INSERT INTO events (id, article_id, sentence_index, start_char, end_char, type, "
                          "source_json, target_json, event_date, date_precision, modality) "
                          "VALUES (?, ?, 0, 0, 1, 'AID', '[]', '[]', ?, 'day', 'asserted')", [eid, aid, day])
            s.con.execute("INSERT INTO event_actors VALUES (?, ?, 'source', 'x', 'ISR', NULL, NULL)", [eid, aid])
    monkeypatch.undo()
    with Store(path) as s:
        assert s.schema_version() == MIGRATIONS[-1][0]
        assert s.con.execute("SELECT id, day, outlet FROM events ORDER BY id").fetchall() == [
            ("e1", date(2023, 11, 7), "Wire"), ("e2", date(2023, 11, 8), "Wire"), ("e3", None, None)]
        assert s.con.execute("SELECT event_id, day FROM event_actors ORDER BY 1").fetchall() == [
            ("e1", date(2023, 11, 7)), ("e2", date(2023, 11, 8)), ("e3", None)]
        assert [r["id"] for r in s.events(actor="isr", limit=2, offset=1)] == ["e2", "e3"]


def test_actor_pages_equal_the_unbounded_order(tmp_path):
    """The actor page is narrowed with a top-N on event_actors first: it must give the same rows."""
    with Store(tmp_path / "f.duckdb") as s:
        arts = []
        for i in range(12):
            art = annotated(f"Israeli jets struck Rafah on Tuesday. Officials said 12 people were killed {i}.")
            ev = art.events[0]
            ev.id = f"e{i:02d}"
            ev.date = None if i % 5 == 0 else date(2023, 11, 1 + i % 3)
            twin = dataclasses.replace(ev, id=f"f{i:02d}", sentence_index=1,
                                       source=ev.source + ev.target, target=ev.source)  # ISR twice
            art.events = [ev, twin] if i % 2 else [ev]
            art.claims = []
            arts.append(art)
        s.add_articles(arts)
        s.save_extraction(arts, "test")
        full = [r["id"] for r in s.events(actor="isr")]
        assert len(full) == 12 + 6
        for limit in (1, 3, 5, 17, 40):
            for offset in (0, 2, 11):
                assert [r["id"] for r in s.events(actor="isr", limit=limit, offset=offset)] == \
                    full[offset:offset + limit], (limit, offset)
        within = [r["id"] for r in s.events(actor="pse", date_from=date(2023, 11, 2))]
        assert [r["id"] for r in s.events(actor="pse", date_from=date(2023, 11, 2), limit=4, offset=1)] == \
            within[1:5]


def test_file_is_complete_after_close(tmp_path):
    path = tmp_path / "f.duckdb"
    with Store(path) as s:
        s.add_articles([Article(text="A report that must survive a copy.")])
    assert not (tmp_path / "f.duckdb.wal").exists()
    code = ("import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True);"
            "print(c.execute('select count(*) from articles').fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_one_row_or_a_clear_error(tmp_path):
    with Store(tmp_path / "f.duckdb") as s:
        s.add_articles([Article(text="One report.")])
        assert s.one("SELECT count(*), max(id) IS NOT NULL FROM articles") == (1, True)
        with pytest.raises(StoreError, match="No row from 'SELECT id FROM articles WHERE false'"):
            s.one("SELECT id FROM articles\n WHERE false")


def test_read_only_store_needs_a_file(tmp_path):
    with pytest.raises(StoreError, match="No fulcrum database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_fulcrum_database(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a fulcrum database"):
        Store(path, read_only=True)


def test_migration_4_adds_claim_modality_keeping_old_claims(tmp_path, monkeypatch):
    path = tmp_path / "f.duckdb"
    monkeypatch.setattr("fulcrum.store.duck.MIGRATIONS", MIGRATIONS[:3])  # a store written before migration 4
    with Store(path) as s:
        s.add_articles([Article(text="Hamas released 24 hostages.", published=date(2023, 11, 24), id="a1")])
        s.con.execute("INSERT INTO claims (id, article_id, sentence_index, start_char, end_char, what, value, comparator) "
                      "VALUES ('c1', 'a1', 0, 14, 26, 'hostages_released', 24, '=')")
    monkeypatch.undo()
    with Store(path) as s:
        assert s.schema_version() == 4
        rec = s.claims()[0]
        assert rec["id"] == "c1" and rec["value"] == 24 and rec["modality"] is None
