"""The claims ledger: series per claimant, parts, revisions, contradictions, daily versus cumulative."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import report, store_with

from fulcrum.processes import build, ledger
from fulcrum.processes.ledger import Truce, build_ledger, compatible, truce_day, truce_windows
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


# -- dating: ordinal truce days, date bases, reconciliation of daily releases ------------------------
# (past dates: a URL date in the future is no date)

TRUCE = Truce(date(2019, 3, 1), date(2019, 3, 6), "isr-pse")  # exchanges on 1-5 March


def test_truce_windows_from_track_histories():
    tracks = [{"id": "isr-pse", "statuses": [
        {"date": "2019-02-20", "status": "agreement_reached"}, {"date": "2019-03-01", "status": "implemented"},
        {"date": "2019-03-02", "status": "implemented"}, {"date": "2019-03-04", "status": "extended"},
        {"date": "2019-03-06", "status": "collapsed"}, {"date": "2019-04-10", "status": "implemented"}]}]
    assert truce_windows(tracks) == [TRUCE, Truce(date(2019, 4, 10), None, "isr-pse")]
    assert date(2019, 3, 5) in TRUCE and date(2019, 3, 6) not in TRUCE


@pytest.mark.parametrize("text, day", [
    ("Rebels free 12 hostages on the fifth day of the truce", 5),
    ("Twelve hostages freed on fifth day of temporary cease-fire", 5),
    ("Day two of the ceasefire: 17 hostages freed", 2),
    ("Truce holds into its second day as 17 hostages are freed", 2),
    ("Fourth group of hostages crosses into Egypt", 4),
    ("Third batch of Thai hostages handed over", 3),
    ("Rebels and the army complete the fifth captive-prisoner swap", 5),
    ("Rebels free 3 hostages in the sixth exchange", None),  # the truce ended after five
    ("The third hostage release was delayed by hours", 3),
    ("Fighting rages for a fifth day", None),       # no truce named
    ("Harbour strike enters its fifth day", None),  # no truce named
    ("Rebels free 3 hostages on the ninth day of the truce", None),  # the truce was over by then
])
def test_ordinal_truce_days(text, day):
    got = truce_day(text, date(2019, 3, 5), [TRUCE])
    assert got == (date(2019, 3, day) if day else None)
    assert truce_day(text, date(2019, 3, 5), []) is None  # no truce known: nothing to count from


def _claim(i, value, published, url, text="Rebels freed hostages", *, start=0, end=2, as_of=None):
    return {"id": f"c{i}", "article_id": f"a{i}", "sentence_index": 0, "start": start, "end": end,
            "what": "hostages_released", "value": value, "comparator": "=", "cumulative": False, "claimant": None,
            "as_of": as_of or published, "published": published, "outlet": f"Outlet {i}", "text": text,
            "url": url}


def _day_values(led):
    return sorted((p.as_of.day, p.value, p.dated_by, p.moved_from.day if p.moved_from else None)
                  for p in led.points)


def test_weak_dates_are_reconciled_with_firm_ones_during_a_truce():
    claims = [
        _claim(1, 20, "2019-03-01", "https://wire.example/world/twenty-freed-2019-03-01/"),
        # firm: a truce day stated in the text, although the listing says 2 March
        _claim(2, 15, "2019-03-01", "https://paper.example/news/world-61",
               text="15 hostages freed on the second day of the truce"),
        # a live page first listed on 1 March whose title is 2 March's release: the same figure, firmly dated
        _claim(3, 15, "2019-03-01", "https://paper.example/news/live/world-62"),
        # a listing date a day early: the same figure as the firmly dated 11 of 3 March
        _claim(4, 11, "2019-03-02", "https://daily.example/world/eleven-freed"),
        _claim(5, 11, "2019-03-03", "https://wire.example/world/eleven-freed-2019-03-03/"),
        # a live page listed on 2 March with a figure no other report has: the first free day after it
        _claim(6, 9, "2019-03-02", "https://paper.example/news/live/world-63"),
        # an updated article (the slug announced the release): 4 March is taken by the 9, so 5 March
        _claim(7, 14, "2019-03-04", "https://wire.example/world/rebels-due-release-more-2019-03-04/"),
        # scoped to one nationality: no day's total, no contradiction with the 14
        _claim(8, 10, "2019-03-05", "https://net.example/news/2019/3/5/ten-more",
               text="Ten more Israeli captives freed", start=0, end=25),
    ]
    led = build_ledger(claims, "hostages_released", [TRUCE])
    assert _day_values(led) == [
        (1, 20.0, "url", None), (2, 15.0, "live", 1), (2, 15.0, "truce_day", None), (3, 11.0, "listing", 2),
        (3, 11.0, "url", None), (4, 9.0, "live", 2), (5, 10.0, "url", None), (5, 14.0, "updated", 4)]
    assert next(p for p in led.points if p.value == 10).scope == "Israeli"
    assert led.contradictions == []


def test_weak_dates_outside_a_truce_stay_and_disagreements_show():
    claims = [_claim(1, 5, "2019-05-20", "https://wire.example/world/five-freed-2019-05-20/"),
              _claim(2, 7, "2019-05-20", "https://paper.example/news/live/world-64"),
              _claim(3, 5, "2019-05-22", "https://daily.example/world/five-freed")]
    led = build_ledger(claims, "hostages_released", [TRUCE])
    assert _day_values(led) == [(20, 5.0, "url", None), (20, 7.0, "live", None), (22, 5.0, "listing", None)]
    assert [sorted(f.value for f in c.figures) for c in led.contradictions] == [[5.0, 7.0]]
    # without truces the same figures are dated by their own dates, as before
    assert _day_values(build_ledger(claims, "hostages_released")) == _day_values(led)


def test_ledger_reads_truces_from_the_stored_tracks(tmp_path):
    arts = [report("The truce began on Friday as the rebels freed hostages.", "2031-03-01", f"Wire {k}", "RETREAT",
                   mode="ceasefire", source=("PSE",), target=("ISR",)) for k in range(3)]
    arts.append(report("Rebels freed 12 hostages on the fourth day of the truce.", "2031-03-05", "Wire 9",
                       claims=(("hostages_released", 12, "12", False, None),)))
    with Store(tmp_path / "f.duckdb") as s:
        store_with(s, arts)
        assert [(p.as_of, p.dated_by) for p in ledger(s, "hostages_released").points] == [
            (date(2031, 3, 5), "stated")]  # no tracks built yet: the publication date
        build(s)
        assert [(p.as_of, p.dated_by) for p in ledger(s, "hostages_released").points] == [
            (date(2031, 3, 4), "truce_day")]


def test_figures_not_presented_as_happened_are_set_aside(tmp_path):
    """A deal's terms, a forecast or a denial is stored with its modality but kept out of the ledger."""
    arts = _arts()
    planned = arts[0].claims[0]
    planned.modality = "planned"
    with Store(tmp_path / "f.duckdb") as s:
        store_with(s, arts)
        stored = {c["id"]: c["modality"] for c in s.claims()}
        rel = ledger(s, planned.what)
    assert stored[planned.id] == "planned"
    assert planned.id not in {p.claim_id for p in rel.points}
    assert rel.set_aside == 1 and rel.to_dict()["set_aside"] == 1


def test_a_deal_to_release_is_not_a_release(pipeline):
    from fulcrum.model import Article
    from fulcrum.processes.ledger import build_ledger
    from fulcrum.records import claim_record

    art = pipeline(Article(text="The cabinet approved a deal to release 50 hostages. Hamas released 24 hostages "
                                "on Friday, Qatar said.", published=date(2031, 2, 25)))
    recs = [dict(claim_record(art, c), sentence_start=0, url=None) for c in art.claims]
    led = build_ledger(recs, "hostages_released")
    assert [p.value for p in led.points] == [24.0]
    assert led.set_aside == 1
