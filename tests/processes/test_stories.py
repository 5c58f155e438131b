"""Stories: clustering reports of one incident, the gold-pair score, storage and the CLI."""

from __future__ import annotations

import json

from helpers import report, store_with
from typer.testing import CliRunner

from conftest import REPO
from fulcrum.cli import app
from fulcrum.processes import build, cluster_stories, evaluate_pairs, is_stale, load_gold_pairs
from fulcrum.processes.stories import report_tokens
from fulcrum.store import Store
from fulcrum.store.processes import read_stories

GOLD = REPO / "tests" / "data" / "stories-gold.jsonl"


def test_gold_set_is_big_and_balanced():
    pairs = load_gold_pairs(GOLD)
    assert len(pairs) >= 200
    same = sum(p["same"] for p in pairs)
    assert 0.3 < same / len(pairs) < 0.7
    notes = {p["note"] for p in pairs}
    assert any("same place" in n for n in notes) and any("same day, different place" in n for n in notes)


def test_pairwise_precision_and_recall_on_gold():
    res = evaluate_pairs(load_gold_pairs(GOLD))
    assert res["precision"] >= 0.90 and res["recall"] >= 0.90, res


def test_report_tokens_fold_synonyms_and_numbers():
    assert report_tokens("Thirty-nine captives were freed") == ["39", "hostage", "release"]


def _arts():
    return [
        report("Israeli jets struck a housing block in Khan Younis, killing 14.", "2031-04-01", "Wire A", "ASSAULT",
               source=("ISR",), target=("PSE",), place="Khan Younis", day="2031-04-01"),
        report("An air raid flattened a residential building in Khan Younis; 14 dead.", "2031-04-01", "Daily B",
               "ASSAULT", source=("ISR",), place="Khan Younis", day="2031-04-01"),
        report("At least 15 killed as Israeli aircraft hit homes in Khan Younis.", "2031-04-02", "Radio C",
               "ASSAULT", source=("ISR",), target=("PSE",), place="Khan Younis", day="2031-04-01"),
        report("Shelling hit the main market in Rafah, killing six.", "2031-04-01", "Wire A", "ASSAULT",
               source=("ISR",), place="Rafah", day="2031-04-01"),
        report("Israeli jets struck a housing block in Khan Younis, killing 9.", "2031-04-05", "Wire A", "ASSAULT",
               source=("ISR",), target=("PSE",), place="Khan Younis", day="2031-04-05"),
    ]


def test_cluster_and_store_stories(tmp_path):
    arts = _arts()
    with Store(tmp_path / "f.duckdb") as s:
        store_with(s, arts)
        assert is_stale(s)
        build(s)
        assert not is_stale(s)
        stories = read_stories(s, with_reports=True)
        top = stories[0]
        assert top["n_reports"] == 3 and top["n_outlets"] == 3 and top["location"] == "Khan Younis"
        assert {r["article_id"] for r in top["reports"]} == {a.id for a in arts[:3]}
        assert len(stories) == 3
        build(s)  # idempotent
        assert s.con.execute("SELECT count(*) FROM story_events").fetchone()[0] == 5
        assert s.con.execute("SELECT count(*) FROM stories").fetchone()[0] == 3


def test_no_events_no_stories():
    assert cluster_stories([]) == []


def test_cli_tracks_stories_ledger(tmp_path):
    db = tmp_path / "f.duckdb"
    arts = _arts() + [
        report("Israel's cabinet approved the hostage deal with Hamas.", "2031-02-20", "Harbor Ledger", "AGREE",
               source=("ISR",), target=("PSE",)),
        report("Hamas freed 24 hostages on Friday, 13 of them Israeli.", "2031-02-24", "Crescent Wire",
               "RETREAT", mode="release", source=("PSE",), target=("ISR",),
               claims=(("hostages_released", 24, "24", False, None), ("hostages_released", 13, "13", False, None))),
    ]
    with Store(db) as s:
        store_with(s, arts)
    runner = CliRunner()
    r = runner.invoke(app, ["--db", str(db), "tracks", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    (track,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"id", "parties", "mediators", "issues", "statuses"} <= set(track)
    assert track["statuses"][0]["status"] == "agreement_reached"
    assert {"article_id", "external_id", "text"} <= set(track["statuses"][0]["evidence"][0])
    assert all(set(p) >= {"code", "sector", "name"} for p in track["parties"])
    r = runner.invoke(app, ["--db", str(db), "track", track["id"]])
    assert r.exit_code == 0 and "agreement_reached" in r.stdout and "cabinet approved" in r.stdout
    r = runner.invoke(app, ["--db", str(db), "track", "nope"])
    assert r.exit_code == 1
    r = runner.invoke(app, ["--db", str(db), "stories", "--format", "jsonl"])
    assert r.exit_code == 0
    stories = [json.loads(line) for line in r.stdout.splitlines()]
    assert stories[0]["n_reports"] == 3 and len(stories[0]["reports"]) == 3
    r = runner.invoke(app, ["--db", str(db), "stories"])
    assert r.exit_code == 0 and "Khan Younis" in r.stdout
    r = runner.invoke(app, ["--db", str(db), "ledger", "--what", "hostages_released", "--format", "jsonl"])
    assert r.exit_code == 0
    (series,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert [p["value"] for p in series["points"]] == [24.0]
    r = runner.invoke(app, ["--db", str(db), "processes", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["stories"] == 5
