"""Real-world headline shapes: outlet suffixes, media labels, Title Case and lower case, nominal events,
tolls with and without a perpetrator.  Every example is written by us (never corpus or gold text)."""

from __future__ import annotations

import pytest

from fulcrum.extract.headlines import case_view, headline_breaks, is_media_label, outlet_cut


def _types(coder, text):
    return sorted({e.type for e in coder(text).events})


def _one(coder, text):
    art = coder(text)
    assert len(art.events) == 1, [(e.type, e.rule) for e in art.events]
    return art.events[0]


# -- outlet suffixes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, kept", [
    ("Rebels shell border town overnight - Daily Herald", "Rebels shell border town overnight"),
    ("Rebels shell border town overnight - The Evening Courier", "Rebels shell border town overnight"),
    ("Rebels shell border town overnight - example.com", "Rebels shell border town overnight"),
    ("Rebels shell border town overnight - Radio Kismayo - Radio Kismayo", "Rebels shell border town overnight"),
    ("rebels shell border town overnight - the daily courier", "rebels shell border town overnight"),
    # a lower-case tail is part of the headline; a Title Case tail with an act in it is a second clause
    ("Rebels shell border town overnight - witnesses", "Rebels shell border town overnight - witnesses"),
    ("Talks Collapse in Doha - Rebels Vow Revenge", "Talks Collapse in Doha - Rebels Vow Revenge"),
    ("Short - Reuters", "Short - Reuters"),  # too short a headline to have a suffix
])
def test_outlet_cut(line, kept):
    assert line[:outlet_cut(line)] == kept


def test_outlet_cut_uses_the_known_outlet():
    line = "Ceasefire holds for a second day - Kigali Today"
    assert line[:outlet_cut(line, outlet="Kigali Today")] == "Ceasefire holds for a second day"


def test_outlet_suffix_is_no_part_of_any_sentence(coder):
    art = coder("Militia fighters ambush army convoy in Ituri - Congo Daily News")
    assert [art.text[s.start:s.end] for s in art.sentences] == ["Militia fighters ambush army convoy in Ituri"]
    assert all("Congo Daily" not in a.text for e in art.events for a in e.source + e.target)


# -- media labels -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("label, media", [
    ("Sudan war updates", True), ("Video", True), ("WATCH", True), ("Live", True), ("Exclusive", True),
    ("Ukraine war day 400", True), ("Analysis", False), ("Opinion", False), ("Sudan", False),
])
def test_media_labels(label, media):
    assert is_media_label(label) is media


def test_media_label_starts_a_sentence():
    text = "Sudan war updates: Army jets strike market in Omdurman"
    starts, drop = headline_breaks(text)
    assert [text[i:i + 8] for i in starts] == ["Army jet"] and drop == []


@pytest.mark.parametrize("text, type_", [
    ("Sudan war updates: Army jets strike a market in Omdurman", "ASSAULT"),
    ("Video: Russian drone strike leaves 12 civilians dead in Kharkiv", "ASSAULT"),
    ("Live: Qatar hosts new round of truce talks", "CONSULT"),
])
def test_act_after_a_media_label_is_coded(coder, text, type_):
    assert _types(coder, text) == [type_]


@pytest.mark.parametrize("text", [
    "Opinion | Israeli tanks roll into the city. Nobody should look away",
    "Editorial: Stop the shelling. The strikes on Kharkiv must end",
    "The bombing of Mosul, remembered - Weekly Review Opinion - Weekly Review",
    "Sudan war live updates",
    "March 3, 2024 Israel-Hamas war news",
    "These photos capture a year of war in Sudan",
])
def test_comment_and_labels_without_an_act_stay_empty(coder, text):
    assert coder(text).events == []


# -- casing -----------------------------------------------------------------------------------------------

def test_case_view_keeps_length_and_names():
    title = "Turkish Troops Enter Afrin as Syrian Fighters Retreat"
    view = case_view(title)
    assert len(view) == len(title)
    assert view == "Turkish troops enter Afrin as Syrian fighters retreat"
    lower = "hamas fighters ambush israeli convoy near khan younis"
    assert case_view(lower) == "Hamas fighters ambush Israeli convoy near Khan Younis"
    prose = "The army said it had withdrawn from two villages."
    assert case_view(prose) is prose


@pytest.mark.parametrize("text, type_, src", [
    ("Israeli Forces Storm Village Near Hebron, Detain Six", "ASSAULT", "ISR"),
    ("U.S. Joins Third Humanitarian Airdrop Over Gaza", "AID", "USA"),
    ("israeli troops raid jenin camp and arrest 12 palestinians", "COERCE", "ISR"),
    ("HEZBOLLAH FIRES ROCKETS AT NORTHERN ISRAEL", "ASSAULT", "LBN"),
])
def test_title_case_and_lower_case_headlines(coder, text, type_, src):
    ev = _one(coder, text)
    assert ev.type == type_ and src in {a.code for a in ev.source}


# -- nominal events and constructions of headlines -------------------------------------------------------

@pytest.mark.parametrize("text, type_", [
    ("Heavy battles rage across northern Gaza", "ASSAULT"),
    ("Second aid convoy from Jordan enters Gaza", "AID"),
    ("Half a million tons of aid reaches Port Sudan", "AID"),
    ("Germany ramps up pressure on Israel over aid access", "REQUEST"),
    ("Israeli troops move deeper into Khan Younis", "ASSAULT"),
    ("Israel steps up Rafah assault as talks stall", "ASSAULT"),
    ("Hundreds killed as Israel pounds Rafah overnight", "ASSAULT"),
    ("Israeli strike destroys mosque in Deir al-Balah", "ASSAULT"),
    ("Israeli tanks surround hospital in Khan Younis", "COERCE"),
    ("Israel and Hezbollah exchange fire across the border", "ASSAULT"),
    ("No let-up in Russian strikes on Kharkiv as winter sets in", "ASSAULT"),
    ("Egypt signals readiness for a new round of talks", "AGREE"),
    ("UN rights experts accuse Israel of using starvation as a weapon", "ACCUSE"),
    ("UN inquiry finds both sides committed war crimes in Darfur", "ACCUSE"),
    ("World court orders Israel to let more aid into Gaza", "REQUEST"),
    ("Rwanda must pull its troops out of Congo – UN envoy", "REQUEST"),
    ("Lawmakers assail minister over arms sales to Israel", "ACCUSE"),
    ("Security Council adopts resolution on aid to Sudan", "REQUEST"),
])
def test_headline_constructions(coder, text, type_):
    assert _types(coder, text) == [type_]


def test_place_before_an_attack_is_where_not_who(coder):
    ev = _one(coder, "Death toll from the Jabalia strike climbs to 40")
    assert ev.type == "ASSAULT" and not ev.source and "PSE" in {a.code for a in ev.target}


# -- tolls, rates, passives -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, src, tgt", [
    ("Death toll from Israeli bombardment of Rafah rises to 60", "ISR", None),
    ("Ten dead in Israeli strikes on Jabalia camp", "ISR", "PSE"),
    ("Four civilians killed and 20 hurt after Russian attack on market in Kherson", "RUS", None),
    ("Twelve killed, dozens wounded in Israeli strikes on Rafah", "ISR", "PSE"),
    ("A child is killed every hour by Israeli fire, agency says", "ISR", None),
    ("Journalists shot by Israeli troops near border fence", "ISR", None),
])
def test_tolls_with_a_named_perpetrator_are_assaults(coder, text, src, tgt):
    ev = _one(coder, text)
    assert ev.type == "ASSAULT" and src in {a.code for a in ev.source}
    if tgt:
        assert tgt in {a.code for a in ev.target}


@pytest.mark.parametrize("text", [
    "Gaza death toll climbs past 30,000",
    "Sixty killed in Sudan in past day, ministry says",
    "A bus overturned near Mombasa, killing nine",
    "Aid not reaching the north, agencies say",
    "Officials will check whether Israeli units used banned weapons",
    "Hamas should free the hostages now",
])
def test_no_act_no_event(coder, text):
    assert coder(text).events == []
