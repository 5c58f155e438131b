"""The fulcrum command end to end, on real DuckDB files: demo, outputs, idempotency, bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from fulcrum.cli import app
from fulcrum.demo import demo_files
from fulcrum.records import CLAIM_FIELDS, EVENT_FIELDS

runner = CliRunner()


def run(*args: str, ok: bool = True):
    res = runner.invoke(app, list(args), catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output + res.stderr
    return res


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    res = run("--db", str(db), "demo")
    assert "articles added" in res.stdout
    report = db.parent / "fulcrum-report" / "index.html"
    assert f"Report: {report}" in res.stdout
    html = report.read_text(encoding="utf-8")
    # opens offline: no script, stylesheet or image is loaded from the network
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?(https?:)?//", html)
    return db


def stats(db) -> dict:
    return json.loads(run("--db", str(db), "stats", "--json").stdout)


def test_demo_fills_the_store(demo_db):
    s = stats(demo_db)
    assert s["articles"] == len(demo_files()) - 1  # one exact duplicate is skipped
    assert s["near_duplicates"] >= 1
    assert s["extracted"] == s["articles"]
    assert s["events"] > 100 and s["claims"] > 30
    tracks = json.loads(run("--db", str(demo_db), "tracks", "--format", "jsonl").stdout.splitlines()[0])
    assert {"id", "parties", "mediators", "issues", "statuses"} <= set(tracks)


def test_demo_twice_adds_nothing(demo_db):
    before = stats(demo_db)
    run("--db", str(demo_db), "demo")
    run("--db", str(demo_db), "extract")
    assert stats(demo_db) == before


def test_events_jsonl_has_documented_fields(demo_db):
    out = run("--db", str(demo_db), "events", "--format", "jsonl").stdout
    recs = [json.loads(line) for line in out.splitlines()]
    assert len(recs) == stats(demo_db)["events"]
    for r in recs:
        assert set(EVENT_FIELDS) <= set(r)
        assert r["text"] and r["start"] < r["end"]
    dated = [r for r in recs if r["date"]]
    assert dated and all(len(r["date"]) == 10 for r in dated)


def test_event_filters_narrow_the_output(demo_db):
    def n(*extra):
        return len(run("--db", str(demo_db), "events", "--format", "jsonl", *extra).stdout.splitlines())

    total = n()
    assaults = n("--type", "ASSAULT")
    assert 0 < assaults < total
    assert 0 < n("--actor", "ISR") < total
    assert n("--from", "2014-03-01") < total
    assert n("--outlet", "Crescent Wire") < total
    out = run("--db", str(demo_db), "events", "--format", "jsonl", "--type", "ASSAULT").stdout
    assert {json.loads(line)["type"] for line in out.splitlines()} == {"ASSAULT"}


def test_csv_parquet_plover_exports(demo_db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run("--db", str(demo_db), "events", "--format", "csv").stdout)))
    assert rows and {"id", "type", "source_codes", "attribution_claimant"} <= set(rows[0])
    pq_path = tmp_path / "events.parquet"
    run("--db", str(demo_db), "events", "--format", "parquet", "--output", str(pq_path))
    assert pq.read_table(pq_path).num_rows == len(rows)
    plover = json.loads(run("--db", str(demo_db), "events", "--format", "plover").stdout)
    assert len(plover) == len(rows) and {"event", "source", "target", "provenance"} <= set(plover[0])


def test_claims_jsonl(demo_db):
    out = run("--db", str(demo_db), "claims", "--format", "jsonl").stdout
    recs = [json.loads(line) for line in out.splitlines()]
    assert recs and all(set(CLAIM_FIELDS) <= set(r) for r in recs)
    assert any(r["what"] == "killed" for r in recs)
    ledger = run("--db", str(demo_db), "claims", "--what", "hostages_held").stdout
    assert "hostages_held ·" in ledger  # the ledger: a series per claimant
    flat = run("--db", str(demo_db), "claims", "--what", "hostages_held", "--flat").stdout
    assert "hostages_held ·" not in flat and "hostages_held" in flat
    only = run("--db", str(demo_db), "claims", "--format", "jsonl", "--what", "killed").stdout.splitlines()
    assert only and all(json.loads(line)["what"] == "killed" for line in only)


def test_show_marks_an_article(demo_db):
    rec = json.loads(run("--db", str(demo_db), "events", "--format", "jsonl", "--limit", "1").stdout)
    out = run("--db", str(demo_db), "show", rec["article_id"][:10]).stdout
    assert "EVENT" in out and rec["type"] in out
    # without colour (a pipe, NO_COLOR) the trigger's words are still named
    assert rec["trigger"] and f'trigger "{rec["trigger"]["text"]}"' in out
    js = json.loads(run("--db", str(demo_db), "show", rec["article_id"], "--json").stdout)
    assert js["id"] == rec["article_id"] and js["events"]
    res = run("--db", str(demo_db), "show", "no-such-article", ok=False)
    assert res.exit_code == 1 and "No article" in res.stderr


def test_bad_input_is_named_and_the_rest_is_stored(tmp_path):
    db = tmp_path / "f.duckdb"
    good = tmp_path / "good.md"
    good.write_text("---\npublished: 2024-01-05\noutlet: Test\n---\nIsraeli jets struck Rafah on Thursday.\n",
                    encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text('{"id": "1", "text": "Hamas fired rockets at Ashkelon.", "published": "2024-01-04"}\n'
                     "{broken\n"
                     '{"id": "3", "title": "No body"}\n', encoding="utf-8")
    res = run("--db", str(db), "ingest", str(tmp_path), ok=False)
    assert res.exit_code == 1
    assert "blob.txt" in res.stderr and "feed.jsonl:2" in res.stderr and "feed.jsonl:3" in res.stderr
    assert stats(db)["articles"] == 2
    # again: the good ones are duplicates now, nothing is lost or doubled
    res = run("--db", str(db), "ingest", str(tmp_path), ok=False)
    assert stats(db)["articles"] == 2
    assert "2 duplicates skipped" in res.stderr


def test_db_from_environment_and_real_entry_point(tmp_path):
    db = tmp_path / "env.duckdb"
    src = tmp_path / "a.txt"
    src.write_text("Egyptian mediators met Hamas officials in Cairo on Monday.", encoding="utf-8")
    env = {**os.environ, "FULCRUM_DB": str(db)}
    subprocess.run([sys.executable, "-m", "fulcrum.cli", "ingest", str(src), "--published", "2024-02-06"],
                   env=env, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "fulcrum.cli", "stats", "--json"], env=env, check=True,
                         capture_output=True, text=True).stdout
    assert json.loads(out)["articles"] == 1
    assert db.exists() and not (tmp_path / "env.duckdb.wal").exists()


def test_bad_date_option_is_a_usage_error(tmp_path):
    res = run("--db", str(tmp_path / "x.duckdb"), "events", "--from", "last tuesday", ok=False)
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr
