"""Negotiation tracks from hand-built events: classification, grouping, dated histories, expectations."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import report, store_with

from fulcrum.errors import InvalidParameter
from fulcrum.processes import TrackParams, build, build_tracks, classify_event
from fulcrum.processes.cues import lemmas
from fulcrum.processes.tracks import status_history
from fulcrum.store import Store
from fulcrum.store.processes import read_track, read_tracks

ISR_PSE = {"source": ("ISR",), "target": ("PSE",)}


def ev(text: str, type_: str, mode: str | None = None, modality: str = "asserted", trigger: str | None = None):
    t = None
    if trigger:
        i = text.lower().index(trigger)
        t = {"text": text[i:i + len(trigger)]}
    return {"text": text, "type": type_, "mode": mode, "modality": modality, "trigger": t}


@pytest.mark.parametrize("text,type_,mode,modality,status,forward", [
    ("Indirect talks on a hostage deal opened in Doha.", "CONSULT", None, "asserted", "talks_held", False),
    ("Talks on a hostage deal are expected to resume next week.", "CONSULT", None, "expected", "resumed", True),
    ("Israel's cabinet approved the hostage deal with Hamas.", "AGREE", None, "asserted", "agreement_reached", False),
    ("The four-day truce took effect at 7am.", "RETREAT", "ceasefire", "asserted", "implemented", False),
    ("Israel and Hamas agreed to extend the truce by two days.", "AGREE", None, "asserted", "extended", False),
    ("Hamas rejected the phased proposal.", "REJECT", None, "asserted", "stalled", False),
    ("The Doha talks stalled over the list of prisoners.", "CONSULT", None, "asserted", "stalled", False),
    ("Hostage talks resumed in Cairo.", "CONSULT", None, "asserted", "resumed", False),
    ("Israeli jets pounded Gaza as the truce collapsed.", "ASSAULT", "air", "asserted", "collapsed", False),
    ("Fighting resumed after the cease-fire expired.", "ASSAULT", None, "asserted", "collapsed", False),
    ("A deal on the hostages is close, officials say.", "AGREE", None, "asserted", "agreement_reached", True),
    ("Israeli jets struck Khan Younis.", "ASSAULT", "air", "asserted", None, False),
    ("Hamas denied that talks had stalled.", "CONSULT", None, "denied", None, False),
])
def test_classify_event(text, type_, mode, modality, status, forward):
    cls = classify_event(ev(text, type_, mode, modality))
    assert cls.status == status
    if status:
        assert cls.expectation is forward


def test_trigger_cue_wins_over_sentence_cue():
    # the event is the release; the extension is only sought
    cls = classify_event(ev("Hamas frees eight hostages as talks seek to extend truce", "RETREAT", "release",
                            trigger="frees"))
    assert cls.status in (None, "extended") and (cls.status is None or cls.expectation)


def test_issues_from_keywords():
    cls = classify_event(ev("Talks on a truce, hostages, prisoners, aid corridors and security guarantees",
                            "CONSULT"))
    assert set(cls.issues) == {"hostage_release", "prisoner_exchange", "humanitarian_aid", "ceasefire",
                               "security_guarantees"}


def test_lemmas():
    assert lemmas("Truce extended; talks stalled; cease-fire begins") == \
        ["truce", "extend", "talk", "stall", "ceasefire", "begin"]


def _record(text, day, outlet, type_, *, mode=None, modality="asserted", source=("ISR",), target=("PSE",)):
    return {"id": f"{outlet}-{day}-{text[:12]}", "article_id": f"a-{outlet}-{day}-{text[:12]}", "external_id": None,
            "text": text, "outlet": outlet, "published": day, "date": None, "type": type_, "mode": mode,
            "modality": modality, "trigger": None,
            "source": [{"code": c, "sector": "GOV" if c != "PSE" else "REB", "name": "Hamas" if c == "PSE" else None}
                       for c in source],
            "target": [{"code": c, "sector": "GOV" if c != "PSE" else "REB", "name": "Hamas" if c == "PSE" else None}
                       for c in target]}


OUTLETS = ["Wire A", "Wire B", "Daily C", "Post D", "Radio E", "Times F", "News G", "Herald H"]


def _scenario():
    """A hostage deal reported by eight outlets, with the Google-News style one-day-early stragglers."""
    recs = []
    for o in OUTLETS[:3]:
        recs.append(_record("Qatar hosts hostage talks between Israel and Hamas", "2031-02-05", o, "CONSULT",
                            source=("QAT",), target=("ISR", "PSE")))
    for i, o in enumerate(OUTLETS):
        day = "2031-02-19" if i < 2 else "2031-02-20" if i < 5 else "2031-02-21"
        recs.append(_record("Israel approves hostage deal with Hamas", day, o, "AGREE"))
    for o in OUTLETS[:5]:
        recs.append(_record("Truce takes effect in Gaza as first hostages freed", "2031-02-24", o, "RETREAT",
                            mode="ceasefire"))
    for o in OUTLETS[:3]:
        recs.append(_record("Israel and Hamas extend truce by two days", "2031-02-27", o, "AGREE"))
    recs.append(_record("Truce extended, more hostages to be freed", "2031-02-28", OUTLETS[3], "AGREE"))
    for o in OUTLETS[:4]:
        recs.append(_record("Truce extended by one more day", "2031-03-02", o, "AGREE"))
    for o in OUTLETS[:6]:
        recs.append(_record("Israeli strikes resume as Gaza truce collapses", "2031-03-03", o, "ASSAULT", mode="air"))
    recs.append(_record("Talks on a hostage deal expected to resume in Cairo", "2031-02-12", OUTLETS[0], "CONSULT",
                        modality="expected", source=("EGY",), target=("ISR", "PSE")))
    for o in OUTLETS[:3]:
        recs.append(_record("Hostage talks resume in Cairo with Egypt mediating", "2031-02-16", o, "CONSULT",
                            source=("EGY",), target=("ISR", "PSE")))
    recs.append(_record("US envoy meets Israeli officials over hostage truce", "2031-02-17", OUTLETS[1], "CONSULT",
                        source=("USA",), target=("ISR",)))
    recs.append(_record("US envoy meets Hamas go-betweens over hostage truce", "2031-02-17", OUTLETS[2], "CONSULT",
                        source=("USA",), target=("PSE",)))
    recs.append(_record("Truce could be extended again, mediators hope", "2031-03-02", OUTLETS[5], "AGREE"))
    return recs


def test_track_history_from_many_outlets():
    tracks = build_tracks(_scenario())
    assert len(tracks) == 1
    t = tracks[0]
    assert t.id == "isr-pse"
    assert {p["code"] for p in t.parties} == {"ISR", "PSE"}
    assert {"Hamas"} <= {p["name"] for p in t.parties}
    assert {m["code"] for m in t.mediators} == {"QAT", "EGY", "USA"}
    assert {"hostage_release", "ceasefire"} <= set(t.issues)
    hist = [(s.status, s.date.isoformat()) for s in t.statuses]
    assert hist == [("talks_held", "2031-02-05"), ("resumed", "2031-02-16"), ("talks_held", "2031-02-17"),
                    ("agreement_reached", "2031-02-20"), ("implemented", "2031-02-24"), ("extended", "2031-02-27"),
                    ("extended", "2031-03-02"), ("collapsed", "2031-03-03")]
    agreement = t.statuses[3]
    assert agreement.n_outlets == 8 and agreement.first_reported == date(2031, 2, 19)
    assert all({"article_id", "external_id", "text"} <= set(e) for s in t.statuses for e in s.evidence)
    exp = {(e.expected_status, e.outcome, e.outcome_date.isoformat() if e.outcome_date else None)
           for e in t.expectations}
    assert ("resumed", "fulfilled", "2031-02-16") in exp
    assert ("extended", "contradicted", "2031-03-03") in exp or ("extended", "fulfilled", "2031-03-02") in exp


def test_single_reports_do_not_make_a_status_in_a_big_corpus():
    recs = _scenario() + [_record("Talks stalled over prisoner lists", "2031-02-22", OUTLETS[7], "CONSULT")]
    statuses = [s.status for s in build_tracks(recs)[0].statuses]
    assert "stalled" not in statuses


def test_small_corpus_counts_every_report():
    recs = [_record("Hostage talks open in Doha", "2031-02-05", "Wire A", "CONSULT", source=("QAT",),
                    target=("ISR", "PSE")),
            _record("Doha hostage talks stall", "2031-02-10", "Wire A", "CONSULT", source=("QAT",),
                    target=("ISR", "PSE"))]
    t = build_tracks(recs)[0]
    assert [s.status for s in t.statuses] == ["talks_held", "stalled"]


def test_status_history_splits_repeated_extensions_at_the_valley():
    e = {"article_id": "x"}
    reps = [(date(2031, 2, 27), "A", "extended", e), (date(2031, 2, 27), "B", "extended", e),
            (date(2031, 2, 28), "C", "extended", e),
            (date(2031, 3, 1), "A", "extended", e), (date(2031, 3, 1), "B", "extended", e),
            (date(2031, 3, 1), "D", "extended", e), (date(2031, 3, 2), "E", "extended", e)]
    hist = status_history(reps, min_outlets=2)
    assert [(s.status, s.date.day) for s in hist] == [("extended", 27), ("extended", 1)]


def test_params_are_validated():
    with pytest.raises(InvalidParameter, match="min_outlets"):
        build_tracks([], TrackParams(min_outlets=0))


def test_build_stores_tracks_idempotently(tmp_path):
    arts = [
        report("Indirect hostage talks opened in Doha with Qatari mediators.", "2031-02-05", "Crescent Wire",
               "CONSULT", source=("QAT",), target=("ISR", "PSE")),
        report("Israel's cabinet approved the hostage deal with Hamas.", "2031-02-20", "Harbor Ledger", "AGREE",
               **ISR_PSE),
        report("The truce took effect at 7am.", "2031-02-24", "Civic Radio", "RETREAT", mode="ceasefire",
               source=("ISR", "PSE")),
    ]
    with Store(tmp_path / "f.duckdb") as s:
        store_with(s, arts)
        first = build(s)
        again = build(s)
        assert first == again and first["tracks"] == 1
        assert s.con.execute("SELECT count(*) FROM tracks").fetchone()[0] == 1
        tracks = read_tracks(s)
        t = read_track(s, "isr")
        assert t is not None and t == tracks[0]
        assert [x["status"] for x in t["statuses"]] == ["talks_held", "agreement_reached", "implemented"]
        ev = t["statuses"][1]["evidence"][0]
        assert ev["text"] == "Israel's cabinet approved the hostage deal with Hamas."
        assert ev["article_id"] == arts[1].id and ev["external_id"] == arts[1].external_id


def test_status_history_prefers_firm_dates_to_listing_dates():
    listed, firm = {"article_id": "x", "dated_by": "listing"}, {"article_id": "y", "dated_by": "url"}
    early = [(date(2031, 3, 1), o, "implemented", listed) for o in ("A", "B", "C")]
    # two outlets whose URLs carry the date: the episode is dated by them
    hist = status_history(early + [(date(2031, 3, 2), o, "implemented", firm) for o in ("D", "E")])
    assert [(s.status, s.date.day, s.n_outlets) for s in hist] == [("implemented", 2, 5)]
    # one is not enough: the median of all first reports
    hist = status_history(early + [(date(2031, 3, 2), "D", "implemented", firm)])
    assert [(s.status, s.date.day) for s in hist] == [("implemented", 1)]
