"""CAMEO codes through the CAMEO<->PLOVER crosswalk, and the GDELT-like export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from fulcrum.extract.cameo import (
    _MODE_CODES,
    CAMEO_COLUMNS,
    cameo_code,
    cameo_record,
    cameo_table,
    quad_class,
)
from fulcrum.model import PLOVER_TYPES, Event

CROSSWALK = Path(__file__).resolve().parents[3] / "shared" / "eval" / "CAMEO2PLOVER-2021.txt"


def test_table_reads_the_crosswalk_facts():
    t = cameo_table()
    assert t["0871"].plover_type == "RETREAT" and t["0871"].plover_mode == "ceasefire"
    assert t["163"].plover_type == "COERCE"  # the crosswalk moves sanctions into COERCE
    assert t["195"].plover_type == "ASSAULT"
    assert {r.plover_type for r in t.values()} == set(PLOVER_TYPES)


@pytest.mark.parametrize("type_", sorted(_MODE_CODES))
def test_every_type_and_mode_reads_back_as_itself(type_):
    for mode in _MODE_CODES[type_]:
        code = cameo_code({"type": type_, "mode": mode})
        assert cameo_table()[code].plover_type == type_, (type_, mode, code)


@pytest.mark.parametrize("type_, mode, rule, code", [
    ("ASSAULT", "air", "verb:bomb", "195"),
    ("ASSAULT", "abduct", "verb:kidnap", "181"),
    ("ASSAULT", None, "verb:kill", "190"),
    ("RETREAT", "release", "verb:release", "0841"),
    ("RETREAT", "ceasefire", "noun:truce:aspect", "0871"),
    ("ACCUSE", None, "verb:accuse", "112"),
    ("ACCUSE", None, "verb:condemn", "111"),
    ("ACCUSE", "investigate", "verb:probe", "090"),
    ("REJECT", None, "verb:veto", "129"),
    ("REQUEST", None, "verb:call+for@AID", "103"),
    ("THREATEN", None, "threaten+verb:attack", "138"),
    ("PROTEST", "riot", "verb:attack+protesters", "145"),
    ("MOBILIZE", "troops", "verb:deploy", "154"),
    ("COERCE", "arrest", "verb:arrest", "173"),
    ("CONSULT", "mediate", "verb:mediate", "045"),
])
def test_most_specific_code(type_, mode, rule, code):
    assert cameo_code({"type": type_, "mode": mode, "rule": rule}) == code


def test_event_objects_and_unknown_types():
    ev = Event(type="AID", sentence_index=0, start=0, end=1, mode="humanitarian")
    assert cameo_code(ev) == "073"
    with pytest.raises(ValueError, match="Unknown PLOVER type"):
        cameo_code({"type": "FIGHT"})


def test_gdelt_like_record():
    rec = {"id": "ev-1", "type": "ASSAULT", "mode": "air", "cameo": "195", "date": "2023-11-24",
           "published": "2023-11-25", "url": "https://example.org/a",
           "source": [{"text": "Israeli jets", "code": "ISR", "sector": "MIL", "name": None}],
           "target": [{"text": "Hamas", "code": "PSE", "sector": "REB", "name": "Hamas"}],
           "location": {"name": "Khan Younis", "lat": 31.34, "lon": 34.3}}
    row = cameo_record(rec)
    assert set(row) == set(CAMEO_COLUMNS)
    assert row["SQLDATE"] == 20231124 and row["EventCode"] == "195" and row["EventBaseCode"] == "195"
    assert row["EventRootCode"] == "19" and row["QuadClass"] == 4 and row["GoldsteinScale"] == -10.0
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("ISRMIL", "ISR", "MIL")
    assert row["Actor2Name"] == "HAMAS" and row["ActionGeo_Lat"] == 31.34
    assert row["SOURCEURL"] == "https://example.org/a" and isinstance(row["GLOBALEVENTID"], int)
    igo = cameo_record({"id": "x", "type": "REQUEST", "source": [{"code": "IGO", "sector": "IGO"}]})
    assert igo["Actor1Code"] == "IGO" and igo["Actor1CountryCode"] == "" and igo["EventCode"] == "100"
    assert [quad_class(r) for r in ("04", "07", "13", "19")] == [1, 2, 3, 4]


def test_export_writes_tsv(tmp_path):
    from fulcrum.export import FORMATS, write_records

    assert "cameo" in FORMATS
    out = tmp_path / "events.tsv"
    write_records([{"id": "e", "type": "PROTEST", "mode": "demonstrate", "source": [], "target": []}],
                  "cameo", out, ())
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")), delimiter="\t"))
    assert rows[0]["EventCode"] == "141" and rows[0]["QuadClass"] == "3"


def test_packaged_table_is_the_generated_one(tmp_path):
    assert CROSSWALK.exists(), f"{CROSSWALK} is missing: this test reads it from ../shared (see tests/conftest.py)"
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_cameo_table.py"
    out = tmp_path / "t.tsv"
    subprocess.run([sys.executable, str(script), str(CROSSWALK), "--out", str(out)], check=True,
                   capture_output=True)
    packaged = Path(__file__).resolve().parents[2] / "src" / "fulcrum" / "data" / "cameo" / "cameo_plover.tsv"
    assert out.read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8")
