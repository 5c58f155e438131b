"""The claims ledger: series per claimant, parts, revisions, contradictions, daily versus cumulative."""

from __future__ import annotations

from helpers import report, store_with

from fulcrum.processes import ledger
from fulcrum.processes.ledger import build_ledger, compatible
from fulcrum.store import Store


def test_compatible_ranges():
    assert compatible(("=", 24), ("=", 24))
    assert not compatible(("=", 24), ("=", 25))
    assert compatible((">", 130), ("=", 134))
    assert not compatible((">", 130), ("~", 110))
    assert not compatible((">", 130), ("=", 130))
    assert compatible((">=", 130), ("=", 130))
    assert compatible(("~", 100), ("=", 105))
    assert not compatible(("<", 40), ("=", 55))


def _arts():
    return [
        report("Hamas freed 24 hostages on Friday, 13 of them Israeli.", "2031-02-24", "Crescent Wire",
               claims=(("hostages_released", 24, "24", False, None), ("hostages_released", 13, "13", False, None))),
        report("Twenty-five hostages were freed on Friday, officials said.", "2031-02-24", "Northgate Daily",
               claims=(("hostages_released", 25, "Twenty-five", False, "officials"),)),
        report("Hamas freed 17 hostages on Saturday.", "2031-02-25", "Crescent Wire",
               claims=(("hostages_released", 17, "17", False, None),)),
        report("In all 41 hostages have been freed since the truce began.", "2031-02-25", "Harbor Ledger",
               claims=(("hostages_released", 41, "41", True, None),)),
        report("Israel says more than 130 hostages are held in Gaza.", "2031-02-08", "Harbor Ledger",
               claims=(("hostages_held", 130, "130", True, "Israel"),)),
        report("Hamas says it holds about 110 hostages.", "2031-02-08", "Levant Dispatch",
               claims=(("hostages_held", 110, "110", True, "Hamas"),)),
        report("Israel now says 135 hostages are held.", "2031-02-13", "Harbor Ledger",
               claims=(("hostages_held", 135, "135", True, "Israel"),)),
    ]


def test_ledger_from_store(tmp_path):
    arts = _arts()
    arts[4].claims[0].comparator = ">"
    arts[5].claims[0].comparator = "~"
    with Store(tmp_path / "f.duckdb") as s:
        store_with(s, arts)
        rel = ledger(s, "hostages_released")
        held = ledger(s, "hostages_held")
    daily = [p for p in rel.points if p.kind == "daily"]
    # the part ("13 of them Israeli") belongs to the 24, it is no figure of its own
    assert sorted((p.as_of.isoformat(), p.value) for p in daily) == [
        ("2031-02-24", 24.0), ("2031-02-24", 25.0), ("2031-02-25", 17.0)]
    p24 = next(p for p in daily if p.value == 24)
    assert p24.parts == [{"claim_id": p24.parts[0]["claim_id"], "comparator": "=", "value": 13.0}]
    # cumulative and daily figures are told apart, and not compared with each other
    assert [(p.kind, p.value) for p in rel.points if p.kind == "cumulative"] == [("cumulative", 41.0)]
    # 24 and 25 on the same day: a contradiction, both kept, nothing averaged
    assert len(rel.contradictions) == 1
    c = rel.contradictions[0]
    assert c.as_of.isoformat() == "2031-02-24" and sorted(f.value for f in c.figures) == [24.0, 25.0]
    # hostages held: one series per claimant, with the contradiction on 8 Feb
    assert {s.claimant for s in held.series} == {"Israel", "Hamas"}
    israel = next(s for s in held.series if s.claimant == "Israel")
    assert [(p.as_of.isoformat(), p.comparator, p.value) for p in israel.points] == [
        ("2031-02-08", ">", 130.0), ("2031-02-13", "=", 135.0)]
    assert [c.as_of.isoformat() for c in held.contradictions] == ["2031-02-08"]


def test_revision_by_the_same_claimant():
    base = {"article_id": "a", "sentence_index": 0, "start": 0, "end": 2, "comparator": "=", "cumulative": True,
            "claimant": "the ministry", "as_of": "2031-02-17", "outlet": "X", "text": "t"}
    led = build_ledger([dict(base, id="1", what="killed", value=4210, published="2031-02-17"),
                        dict(base, id="2", what="killed", value=4120, published="2031-02-18", article_id="b")])
    (series,) = led.series
    assert series.points[1].revises == 4210
