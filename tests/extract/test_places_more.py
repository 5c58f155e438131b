"""Provinces, districts and towns below the big cities: the admin table, every reading of a name, and the
choice between readings.  Sentences are ours."""

from __future__ import annotations

import pytest

from fulcrum.extract.places import Candidate, Place, choose, find_places, gazetteer


def test_admin_table_resolves_provinces_and_districts():
    gaz = gazetteer()
    assert gaz.lookup("Benue State").country == "NGA"
    assert gaz.lookup("North Kivu").country == "COD"
    assert gaz.lookup("Ituri province").kind == "region"
    assert gaz.lookup("Sistan and Baluchestan").country == "IRN"
    # a name that is a common word is a province only before an admin noun
    assert gaz.lookup("Plateau") is None
    assert gaz.lookup("Plateau State").country == "NGA"


def test_admin_coordinates_are_inside_their_country():
    gaz = gazetteer()
    borno = gaz.lookup("Borno")
    assert 10 < borno.lat < 14 and 11 < borno.lon < 15  # Maiduguri
    cabo = gaz.lookup("Cabo Delgado")
    assert -14 < cabo.lat < -10 and 39 < cabo.lon < 41  # Pemba


def test_candidates_keep_every_reading():
    gaz = gazetteer()
    samar = {(c.place.country, c.source) for c in gaz.candidates("Samar")}
    assert ("PHL", "admin") in samar and ("UKR", "town") in samar
    # accents, apostrophes and hyphens do not count; alternate names of larger towns are indexed
    assert "YEM" in {c.place.country for c in gaz.candidates("Marib")}
    assert "SOM" in {c.place.country for c in gaz.candidates("Galkayo")}
    assert "AFG" in {c.place.country for c in gaz.candidates("Mazar-i-Sharif")}


def _c(country: str, source: str, pop: int = 0, strict: bool = False) -> Candidate:
    return Candidate(Place("X", "city", country, 0.0, 0.0), source, pop, strict)


def test_choose_prefers_the_countries_of_the_text():
    cands = [_c("CHL", "town", 280_000), _c("USA", "town", 30_000)]
    assert choose(cands, set()).country == "CHL"
    assert choose(cands, {"USA"}).country == "USA"


def test_choose_declines_a_close_call():
    cands = [_c("AAA", "town", 100_000), _c("BBB", "town", 80_000)]
    assert choose(cands, set()) is None
    assert choose(cands, {"BBB"}).country == "BBB"


def test_choose_provinces_after_an_admin_noun_and_strict_names():
    cands = [_c("NGA", "admin", strict=True), _c("USA", "town", 50_000)]
    assert choose(cands, set(), admin=True).country == "NGA"
    assert choose(cands, set()).country == "USA"
    assert choose([_c("NGA", "admin", strict=True)], set()) is None


@pytest.fixture(scope="module")
def nlp():
    from fulcrum.extract.nlp import load_nlp

    return load_nlp()


def _found(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(doc[f.start:f.end].text, f.place.country) for f in find_places(doc, set())]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed five traders on the road outside Bambari.", [("Bambari", "CAF")]),
    ("Clashes were reported in Kasese and Bundibugyo districts.", [("Kasese", "UGA"), ("Bundibugyo", "UGA")]),
    ("Troops shelled positions near Ras al-Ain and Tal Abyad.", [("Ras al-Ain", "SYR"), ("Tal Abyad", "SYR")]),
    ("Police in Valparaiso arrested two men.", [("Valparaiso", "CHL")]),
    ("Protests spread to Northern Kaduna.", [("Kaduna", "NGA")]),
])
def test_find_places_in_context(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Police said two men had been arrested.",
    "Mobile phone networks were cut.",
    "The Party of God denied the report.",
    "General Kent met the delegation.",
    "The summit in March ended without a deal.",
])
def test_find_places_ignores_words_and_names(nlp, text):
    assert _found(nlp, text) == []


def test_taken_tokens_are_left_alone(nlp):
    doc = nlp("Fighting broke out in Kisumu.")
    i = [t.i for t in doc if t.text == "Kisumu"][0]
    assert find_places(doc, {i}) == []
    # a word before a known name is part of that name, not a town of its own ("Wadi" is also in India)
    doc = nlp("A convoy came under fire near Wadi Gaza.")
    gaza = {t.i for t in doc if t.text == "Gaza"}
    assert find_places(doc, gaza) == []


def test_known_place_for_casing():
    gaz = gazetteer()
    assert gaz.known_place("Valparaiso") and gaz.known_place("Zamfara") and gaz.known_place("Gaza")
    assert not gaz.known_place("Police") and not gaz.known_place("arrested")


@pytest.mark.parametrize("text, name, country", [
    ("Protesters clashed with police in Tripoli, Lebanon, over the currency collapse.", "Tripoli", "LBN"),
    ("Gunmen killed seven farmers in Bakura local government area of Zamfara State.", "Zamfara", "NGA"),
    ("Rebels attacked a village near Beni, killing 11 civilians.", "Beni", "COD"),
])
def test_event_location_for_small_places_and_namesakes(text, name, country):
    from fulcrum.extract import default_pipeline
    from fulcrum.model import Article

    art = default_pipeline()(Article(text=text))
    locs = [(e.location.name, e.location.country) for e in art.events if e.location is not None]
    assert (name, country) in locs


@pytest.mark.parametrize("text, place", [
    ("Russian forces shelled Kherson on Monday, killing three civilians.", ("Kherson", "UKR")),
    ("Government jets bombed Nyala overnight.", ("Nyala", "SDN")),
    # a small town or a person's name as the object is not enough
    ("Police attacked Ahmed Musa at his home.", None),
])
def test_the_object_of_an_act_on_places_is_the_event_place(text, place):
    from fulcrum.extract import default_pipeline
    from fulcrum.model import Article

    art = default_pipeline()(Article(text=text))
    assert art.events
    got = art.events[0].location
    assert (got.name, got.country) == place if place else got is None
