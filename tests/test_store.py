"""The DuckDB store: migrations, idempotent writes, reads, checkpointed files."""

from __future__ import annotations

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


def test_file_is_complete_after_close(tmp_path):
    path = tmp_path / "f.duckdb"
    with Store(path) as s:
        s.add_articles([Article(text="A report that must survive a copy.")])
    assert not (tmp_path / "f.duckdb.wal").exists()
    code = ("import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True);"
            "print(c.execute('select count(*) from articles').fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_read_only_store_needs_a_file(tmp_path):
    with pytest.raises(StoreError, match="No fulcrum database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_fulcrum_database(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a fulcrum database"):
        Store(path, read_only=True)
