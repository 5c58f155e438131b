"""JSONL, JSON and CSV records: one article per record, one error per bad record, the rest read on."""

from __future__ import annotations

import json
from datetime import date

from fulcrum.ingest import read_sources
from fulcrum.model import article_id


def test_jsonl_good_and_bad_lines(data_dir, split):
    path = data_dir / "records.jsonl"
    arts, errs = split(read_sources([path]))
    assert [a.external_id for a in arts] == ["r1", "r2", "r8"]
    r1, r2, r8 = arts
    assert r1.text == "Ceasefire talks resume\n\nMediators said talks on a ceasefire resumed on Sunday in the capital."
    assert r1.title == "Ceasefire talks resume"
    assert (r1.published, r1.outlet, r1.url) == (date(2023, 11, 19), "Desk One", "https://desk.example/r1")
    assert r1.source == f"{path}:1"
    assert r1.id == article_id(r1.text, "r1")
    # null title and missing url are normal input
    assert r2.title is None and r2.url is None and r2.text.startswith("Three lorries")
    # a text that already starts with its title is not given it twice
    assert r8.text.count("Shelter opens") == 1 and r8.published == date(2023, 11, 24)
    assert r8.source == f"{path}:9"
    by_line = {e.line: e.reason for e in errs}
    assert set(by_line) == {3, 4, 5, 6, 7}
    assert "no 'text' field" in by_line[3]
    assert "'text' is empty" in by_line[4]
    assert "invalid JSON" in by_line[5]
    assert "in the future" in by_line[6]
    assert "expected a JSON object" in by_line[7]
    assert all(e.where == str(path) for e in errs)
    assert str(errs[0]).startswith(f"{path}:3: ")


def test_csv_good_bad_and_multiline_records(data_dir, split):
    path = data_dir / "records.csv"
    arts, errs = split(read_sources([path]))
    assert [a.external_id for a in arts] == ["c1", "c2", "c6"]
    c1, c2, c6 = arts
    assert c1.text.startswith("Water supply cut\n\nWater supply to the southern quarter")
    assert c1.published == date(2023, 10, 10) and c1.outlet == "Desk Two"
    assert c2.title is None and c2.published is None and c2.url is None
    assert "It gave no date." in c2.text
    assert c6.source == f"{path}:8"
    by_line = {e.line: e.reason for e in errs}
    assert "missing: published, outlet, url" in by_line[5]
    assert "extra values" in by_line[6]
    assert "malformed CSV" in by_line[7]


def test_csv_without_text_column(tmp_path, split):
    p = tmp_path / "x.csv"
    p.write_text("id,title,url\n1,A,https://a.example\n", encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert arts == [] and len(errs) == 1
    assert "no 'text' column" in errs[0].reason and errs[0].line == 1


def test_csv_unterminated_quote_names_its_line(tmp_path, split):
    p = tmp_path / "x.csv"
    p.write_text('id,text\n1,Fine record\n2,"Never closed\n3,more\n', encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert [a.external_id for a in arts] == ["1"]
    assert len(errs) == 1 and errs[0].line == 3 and "unterminated quoted field" in errs[0].reason


def test_tab_separated_records_with_header(tmp_path, split):
    p = tmp_path / "records.txt"
    p.write_text("id\ttitle\ttext\n7\tCrossing shut\tThe crossing was shut on Monday.\n", encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert errs == [] and arts[0].text == "Crossing shut\n\nThe crossing was shut on Monday."


def test_json_array(tmp_path, split):
    p = tmp_path / "batch.json"
    p.write_text(json.dumps([{"id": 1, "text": "Rain delayed the convoy."}, {"title": "No text"}, "oops"]),
                 encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert [a.external_id for a in arts] == ["1"]
    assert [(e.line, "no 'text'" in e.reason or "not a JSON object" in e.reason) for e in errs] == \
        [(2, True), (3, True)]


def test_non_string_fields_are_record_errors(tmp_path, split):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": 42}\n{"text": "ok", "title": ["a"]}\n{"text": "ok", "published": 2023}\n',
                 encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert arts == []
    assert ["must be a string" in e.reason or "date string" in e.reason for e in errs] == [True] * 3


def test_large_jsonl_streams(tmp_path, split):
    p = tmp_path / "many.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps({"id": i, "text": f"Report number {i} from the northern district."}) + "\n")
    arts, errs = split(read_sources([p]))
    assert len(arts) == 5000 and errs == []
    assert arts[-1].source == f"{p}:5000"
