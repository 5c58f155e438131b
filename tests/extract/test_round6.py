"""Round 6 of event coding: explosives planted or set off, protesters named by kin or by an association,
arrests of the press on criminal charges, and vehicles that come down.  Every sentence here is our own
wording."""

from __future__ import annotations

import pytest

from fulcrum.model import Article


@pytest.fixture(scope="module")
def full(default_pipe):
    pipe = default_pipe

    def run(text: str) -> list[tuple[str, list[str | None]]]:
        art = pipe(Article(text=text))
        return [(e.type, [a.code for a in e.source]) for e in art.events]

    return run


def _types(events):
    return {t for t, _ in events}


@pytest.mark.parametrize("text, source", [
    ("Rebels planted a bomb on the road outside Kidal on Monday, the army said.", "MLI"),
    ("Three soldiers died when New People's Army guerrillas set off a landmine under their truck on a hill road.", "PHL"),
])
def test_explosives_planted_or_set_off_are_assaults(full, text, source):
    events = full(text)
    assert ("ASSAULT", [source]) in events, events


@pytest.mark.parametrize("text", [
    "Members of the Green Hope association staged a sit-in outside the central bank in Beirut on Monday.",
    "Depositors staged a sit-in outside a bank branch in Beirut on Monday.",
    "Mothers of missing conscripts marched to the defence ministry in Kyiv on Saturday.",
])
def test_protesters_named_by_kin_or_association_protest(full, text):
    events = full(text)
    assert "PROTEST" in _types(events), events
    assert all(src for t, src in events if t == "PROTEST"), events


def test_reporters_held_on_a_criminal_charge_is_still_coercion(full):
    events = full("Police in Baku detained two reporters of an independent news website on smuggling charges "
                  "on Tuesday.")
    assert "COERCE" in _types(events), events


def test_ordinary_smuggling_arrest_stays_no_event(full):
    assert full("Police in Baku detained two men on smuggling charges on Tuesday.") == []


def test_an_aircraft_that_comes_down_kills_in_an_accident(full):
    events = full("A small plane carrying tourists came down minutes after leaving an airstrip in the hills on "
                  "Tuesday, killing the pilot and three passengers.")
    assert events == [], events


def test_a_semicolon_between_two_clauses_of_prose_gives_each_its_event(full):
    events = full("Drones struck a fuel depot outside Belgorod early on Friday, the regional governor said; "
                  "two days later, police in Kursk arrested three men accused of spotting targets.")
    assert {"ASSAULT", "COERCE"} <= _types(events), events


def test_the_first_clause_of_a_cut_prose_sentence_is_not_a_headline(full):
    # As a headline, "Russian forces fired missiles at Odesa; ..., the governor said" would add an
    # accusation by the speaker (the headline-only watchdog reading).  In prose it stays one act.
    events = full("Russian forces fired missiles at Odesa overnight on 17 July; debris damaged a grain terminal "
                  "and a watchman was hurt, the regional governor said.")
    assert _types(events) == {"ASSAULT"}, events


def test_clauses_without_their_own_subject_are_not_cut(coder):
    art = coder("Protesters blocked the highway for six hours; burned tyres and chanted slogans.")
    assert len(art.sentences) == 1
    art = coder("Protesters blocked the highway for six hours; police cleared it at dusk.")
    assert len(art.sentences) == 2


@pytest.mark.parametrize("text", [
    "Widows of fallen miners laid wreaths outside the company's head office in Rustenburg on Friday, "
    "demanding compensation.",
    "About 30 students pitched tents on the campus lawn in Leeds on Monday, demanding that the university "
    "cut its ties with arms makers.",
])
def test_a_crowd_that_gathers_with_a_demand_protests(full, text):
    events = full(text)
    assert "PROTEST" in _types(events) and "REQUEST" not in _types(events), events


def test_an_official_holding_talks_with_a_demand_is_no_protest(full):
    events = full("The foreign minister held talks in Amman on Monday, demanding a halt to the settlements.")
    assert "PROTEST" not in _types(events), events


def test_residents_told_to_leave_their_homes_is_no_withdrawal(full):
    events = full("The rebel army told villagers near Paletwa to leave their homes on Sunday, warning that it "
                  "would soon attack the garrison there.")
    assert events and "RETREAT" not in _types(events), events


def test_troops_who_leave_a_town_withdraw(full):
    assert "RETREAT" in _types(full("Israeli troops left Khan Younis on Sunday after four months of fighting."))


@pytest.mark.parametrize("text, mode", [
    ("The first 300 Rwandan police officers landed in Bangui on Tuesday to reinforce the UN mission.", "police"),
    ("French marines landed in Djibouti on Monday.", "troops"),
])
def test_forces_that_land_are_deployed(default_pipe, text, mode):
    art = default_pipe(Article(text=text))
    assert ("MOBILIZE", mode) in [(e.type, e.mode) for e in art.events], art.events


@pytest.mark.parametrize("text", [
    "The militia set free eight aid workers on Saturday after holding them for a month.",
    "Rebel forces let go 40 government soldiers near the border on Monday, a spokesman said.",
])
def test_set_free_and_let_go_are_releases(full, text):
    assert "RETREAT" in _types(full(text))


@pytest.mark.parametrize("text, type_", [
    ("Youths hurled bottles and stones at riot police in Derry on Friday night.", "PROTEST"),
    ("Gunmen hurled grenades at a police post in Pulwama on Friday.", "ASSAULT"),
])
def test_what_is_hurled_decides_riot_or_attack(full, text, type_):
    assert type_ in _types(full(text))


def test_declaring_envoys_persona_non_grata_expels_them(default_pipe):
    art = default_pipe(Article(text="Vilnius declared three Belarusian diplomats persona non grata on Friday."))
    assert ("SANCTION", "expel") in [(e.type, e.mode) for e in art.events], art.events


@pytest.mark.parametrize("text, expected", [
    ("Army units took over the oil terminals at Ras Lanuf on Sunday, the company said.", "COERCE"),
    ("The new chairman took over the troubled bank on Monday.", None),
])
def test_forces_that_take_over_facilities_seize_them(full, text, expected):
    types = _types(full(text))
    assert (expected in types) if expected else ("COERCE" not in types), types
