"""Series from a hand-built store: counting rules, dedupe, scores, claims, weeks, dyads, stories, tracks."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from fulcrum.analyze.scales import INTENSITY, NEGOTIATION_RULES, intensity_sql, negotiation_sql
from fulcrum.analyze.series import BASE_COLUMNS, build_series, negotiation_events, track_changes
from fulcrum.errors import InvalidParameter
from fulcrum.model import Claim
from fulcrum.store import Store

from ._helpers import ISR, PSE, QAT, Actor, article, event, save

D1, D2, D3 = date(2023, 11, 20), date(2023, 11, 21), date(2023, 11, 22)


def corpus() -> list:
    a = article("Israeli jets struck Rafah.", D1, [event("ASSAULT", "air", location="Rafah")])
    dup = article("Israeli jets struck Rafah, officials said.", D1, [event("ASSAULT", "air", location="Rafah")],
                  near_duplicate_of=a.id, outlet="Other")
    other = article("Israeli jets hit Rafah again.", D1, [event("ASSAULT", "air", location="Rafah")], outlet="Third")
    return [
        a, dup, other,
        # an expected threat does not count; a planned mobilisation neither
        article("Israel may strike Lebanon.", D1, [event("THREATEN", modality="expected"),
                                                   event("MOBILIZE", modality="planned")]),
        # published on D2, the event has its own date D1 -> counts on D1 (COERCE, 3)
        article("On Monday troops detained ten men.", D2, [event("COERCE", "detain", day=D1)]),
        # no own date -> publication date D2: talks (+1), an agreement (+2), a rejection (-1)
        article("Mediators held talks in Doha.", D2, [event("CONSULT", source=QAT, target=PSE)]),
        article("Israel and Hamas agreed a truce.", D2, [event("AGREE", source=ISR, target=PSE)]),
        article("Hamas rejected the offer.", D2, [event("REJECT", source=PSE, target=ISR)]),
        # a denied agreement is a stall (-1), not an agreement
        article("Officials denied a deal was reached.", D2, [event("AGREE", modality="denied", source=ISR,
                                                                    target=PSE)]),
        # D3: the truce ended and strikes resumed: ASSAULT (4) and collapse (-2); aid delivered (+1)
        article("The truce ended as Israeli strikes resumed in Gaza.", D3,
                [event("ASSAULT", None, location="Gaza")]),
        article("Aid trucks entered Gaza.", D3, [event("AID", source=Actor("UN", "IGO"), target=PSE)],
                claims=[Claim("killed", 100, 0, 0, 5, as_of=D3, cumulative=False),
                        Claim("killed", 140, 0, 0, 5, as_of=D3, cumulative=False),
                        Claim("killed", 15000, 0, 0, 5, as_of=D3, cumulative=True)]),
    ]


@pytest.fixture
def db(tmp_path):
    return save(tmp_path / "f.duckdb", corpus())


def test_daily_series_follows_the_counting_rules(db):
    with Store(db, read_only=True) as s:
        f = build_series(s)
    assert list(f.columns[:5]) == list(BASE_COLUMNS)
    assert [d.date() for d in f.index] == [D1, D2, D3]
    d1, d2, d3 = (f.loc[pd.Timestamp(d)] for d in (D1, D2, D3))
    # D1: two Rafah incidents (the near-duplicate counts once, the unrelated article again) + dated COERCE
    assert d1.escalation == 3 and d1.escalation_weighted == 5 + 5 + 3
    assert d2.escalation == 0 and d2.negotiation == 1 + 2 - 1 - 1
    assert d3.escalation == 1 and d3.escalation_weighted == 4 and d3.negotiation == -2
    assert d3.humanitarian == 1
    assert (d1.reports, d2.reports, d3.reports) == (4, 5, 2)
    assert d3.claim_killed == 120 and d3.claim_killed_total == 15000
    assert pd.isna(d1.claim_killed)
    info = f.attrs["fulcrum"]
    assert info["freq"] == "day" and info["start"] == D1.isoformat() and info["events_outside_span"] == 0


def test_weekly_series_sums_days(db):
    with Store(db, read_only=True) as s:
        w = build_series(s, freq="week")
    assert len(w) == 1 and w.index[0].date() == date(2023, 11, 20)  # the Monday
    assert w.iloc[0].escalation == 4 and w.iloc[0].negotiation == -1 and w.iloc[0].reports == 11


def test_dyad_keeps_events_between_two_actors_either_way(db):
    with Store(db, read_only=True) as s:
        f = build_series(s, dyad="PSE,ISR")
        g = build_series(s, dyad="hamas,QAT")
    assert f.escalation.sum() == 4 and f.negotiation.sum() == 2 - 1 - 1 - 2
    assert g.escalation.sum() == 0 and g.negotiation.sum() == 1
    with pytest.raises(InvalidParameter, match="two actors"):
        with Store(db, read_only=True) as s:
            build_series(s, dyad="ISR")


def test_stories_count_an_incident_once(tmp_path):
    arts = [article(f"Strike on Khan Younis, report {i}.", D1, [event("ASSAULT", "air", location=f"KY{i}")],
                    outlet=f"Outlet {i}") for i in range(30)]
    db = save(tmp_path / "f.duckdb", arts)
    with Store(db, read_only=True) as s:
        assert build_series(s).escalation.sum() == 30
    with Store(db) as s:  # what the processes layer writes, filled here by hand
        s.con.execute("INSERT INTO story_events SELECT 'story-1', id, article_id FROM events")
    with Store(db, read_only=True) as s:
        f = build_series(s)
    assert f.escalation.sum() == 1 and f.attrs["fulcrum"]["dedupe"].startswith("story")


def test_an_incident_reported_on_two_days_counts_once_on_the_day_most_reports_give(tmp_path):
    # one strike: one outlet lists it a day early (D1), three on D2 -> one incident, on D2
    arts = [article(f"Strike on Khan Younis, report {i}.", D1 if i == 0 else D2,
                    [event("ASSAULT", "air", location="Khan Younis")], outlet=f"Outlet {i}") for i in range(4)]
    # a near-duplicate pair dated a day apart, no own date: one incident, on the earlier day (a tie)
    first = article("Troops raided Jenin.", D2, [event("COERCE", "raid", location="Jenin")])
    arts += [first, article("Troops raided Jenin, officials said.", D3, [event("COERCE", "raid", location="Jenin")],
                            near_duplicate_of=first.id, outlet="Other")]
    # the same article narrating raids on two days keeps both (each has its own date)
    arts.append(article("Troops raided Nablus on Monday and again on Tuesday.", D3,
                        [event("COERCE", "raid", day=D1, location="Nablus"),
                         event("COERCE", "raid", day=D2, location="Nablus")]))
    db = save(tmp_path / "f.duckdb", arts)
    with Store(db) as s:
        s.con.execute("INSERT INTO story_events SELECT 'story-ky', id, article_id FROM events WHERE type = 'ASSAULT'")
    with Store(db, read_only=True) as s:
        f = build_series(s)
    days = {d.date(): int(v) for d, v in f.escalation.items()}
    assert days == {D1: 1, D2: 3, D3: 0}  # D1: Nablus Monday; D2: Khan Younis, Jenin, Nablus Tuesday
    assert f.escalation_weighted.sum() == 5 + 3 + 3 + 3


def test_stray_old_articles_do_not_stretch_the_span(tmp_path):
    arts = [article("Old piece.", date(2023, 1, 5)), article("Late straggler.", date(2023, 12, 2))]
    arts += [article(f"Day {i}.", date(2023, 11, 1 + i)) for i in range(10)]
    db = save(tmp_path / "f.duckdb", arts)
    with Store(db, read_only=True) as s:
        f = build_series(s)
        g = build_series(s, end=date(2023, 12, 2))
    assert f.index[0].date() == date(2023, 11, 1) and len(f) == 10
    assert g.index[-1].date() == date(2023, 12, 2)


def test_negotiation_events_from_events_and_from_tracks(db):
    with Store(db, read_only=True) as s:
        ev = negotiation_events(s)
        assert track_changes(s).empty
    kinds = dict(zip(zip(ev["date"].dt.date, ev["kind"], strict=True), ev["n"], strict=True))
    assert kinds[(D2, "agreement")] == 1 and kinds[(D2, "stall")] == 2 and kinds[(D3, "breakdown")] == 1
    assert set(ev["origin"]) == {"events"}
    with Store(db) as s:  # what the processes layer writes, filled here by hand
        s.con.execute("INSERT INTO tracks VALUES ('t1', 'Hostage deal', '[]', '[]', '[]', 3, NULL, NULL)")
        s.con.execute("INSERT INTO track_status (track_id, seq, date, status, n_reports, n_outlets, evidence) VALUES "
                      "('t1', 1, '2023-11-22', 'agreement_reached', 3, 2, '[]'), "
                      "('t1', 2, '2023-12-01', 'collapsed', 5, 3, '[]'), ('t1', 3, '2023-11-30', 'proposed?', 1, 1, '[]')")
    with Store(db, read_only=True) as s:
        ev = negotiation_events(s)
        tr = track_changes(s)
    assert set(ev["origin"]) == {"track_status"} and list(ev["kind"]) == ["agreement", "breakdown"]
    assert len(tr) == 3 and tr["kind"].isna().sum() == 1 and set(tr["track"]) == {"Hostage deal"}


def test_sql_tables_compile_to_the_documented_scores():
    con = duckdb.connect()
    rows = [("ASSAULT", "aerial", "asserted"), ("ASSAULT", "mass-casualty", "reported"), ("ASSAULT", "", "asserted"),
            ("COERCE", "detain", "believed"), ("MOBILIZE", "", "asserted"), ("THREATEN", "", "asserted"),
            ("ASSAULT", "air", "hypothetical"), ("AGREE", "", "asserted")]
    got = [con.execute(f"SELECT {intensity_sql()} FROM (SELECT ? AS type, ? AS mode, ? AS modality)", list(r))
           .fetchone()[0] for r in rows]
    assert got == [5, 6, 4, 3, 2, 1, 0, 0]
    assert max(w for _, _, w in INTENSITY) == 6
    cases = [("AGREE", "", "asserted", "israel and hamas agreed to extend the truce", 2, "extension"),
             ("CONSULT", "", "asserted", "talks stalled over hostages", -1, "stall"),
             ("CONSULT", "", "asserted", "talks resumed in cairo", 1, "resumption"),
             ("CONSULT", "", "expected", "talks are expected next week", 0, None),
             ("RETREAT", "release", "asserted", "hamas freed 13 hostages", 2, "implementation"),
             ("ASSAULT", "air", "asserted", "the truce ended and strikes resumed", -2, "collapse"),
             ("ASSAULT", "air", "asserted", "jets struck rafah", 0, None)]
    for typ, mode, modality, cue, score, kind in cases:
        q = "FROM (SELECT ? AS type, ? AS mode, ? AS modality, ? AS cue)"
        assert con.execute(f"SELECT {negotiation_sql(False)} {q}", [typ, mode, modality, cue]).fetchone()[0] == score
        assert con.execute(f"SELECT {negotiation_sql(True)} {q}", [typ, mode, modality, cue]).fetchone()[0] == kind
    assert {r.kind for r in NEGOTIATION_RULES} >= {"talks", "agreement", "stall", "collapse", "rejection"}


def test_bad_frequency_names_the_fix(db):
    with Store(db, read_only=True) as s, pytest.raises(InvalidParameter, match="'freq'.*day, week.*'month'"):
        build_series(s, freq="month")


def test_a_running_toll_is_not_an_incident_of_its_day(tmp_path):
    day = date(2031, 5, 2)
    toll = article("The death toll from Israeli attacks on Gaza tops 15,000, the ministry says.", day,
                   [event("ASSAULT", location="Gaza")],
                   claims=[Claim("killed", 15000, 0, 0, 10, as_of=day, cumulative=True)])
    strike = article("Israeli strikes kill 30 in Rafah, raising the toll to 15,030.", day,
                     [event("ASSAULT", "air", location="Rafah")],
                     claims=[Claim("killed", 30, 0, 0, 10, as_of=day, cumulative=False),
                             Claim("killed", 15030, 0, 20, 30, as_of=day, cumulative=True)])
    uncounted = article("Israeli tanks shelled Khan Younis.", day, [event("ASSAULT", "shelling", location="KY")])
    db = save(tmp_path / "t.duckdb", [toll, strike, uncounted])
    with Store(db, read_only=True) as s:
        f = build_series(s)
    assert f.loc[pd.Timestamp(day), "escalation"] == 2  # the strike and the shelling, not the toll
    assert f.loc[pd.Timestamp(day), "claim_killed_total"] == 15030


def test_area_leaves_out_hostile_acts_placed_elsewhere(tmp_path):
    from fulcrum.model import Location

    day = date(2031, 6, 1)

    def placed(text, type_, lat, lon, name):
        ev = event(type_, location=name)
        ev.location = Location(name, "PSE", lat, lon) if lat is not None else None
        return article(text, day, [ev])

    arts = [placed("Jets struck Khan Younis.", "ASSAULT", 31.34, 34.30, "Khan Younis"),
            placed("Troops raided Jenin.", "COERCE", 32.46, 35.30, "Jenin"),          # ~130 km away
            placed("Tanks shelled the border.", "ASSAULT", None, None, "x"),            # no place: kept
            placed("Mediators met in Doha.", "CONSULT", 25.29, 51.53, "Doha")]          # not hostile: kept
    db = save(tmp_path / "a.duckdb", arts)
    with Store(db, read_only=True) as s:
        everywhere = build_series(s)
        gaza = build_series(s, area="31.42,34.38,30")
        with pytest.raises(InvalidParameter, match="LAT,LON,KM"):
            build_series(s, area="Gaza")
        with pytest.raises(InvalidParameter, match="radius"):
            build_series(s, area="31.4,34.4,0")
    t = pd.Timestamp(day)
    assert everywhere.loc[t, "escalation"] == 3 and gaza.loc[t, "escalation"] == 2
    assert gaza.loc[t, "negotiation"] == everywhere.loc[t, "negotiation"] != 0
    assert gaza.attrs["fulcrum"]["area"] == [31.42, 34.38, 30.0]
