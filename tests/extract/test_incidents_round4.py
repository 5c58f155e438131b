"""Round 4 of incident coding (ACLED-style notes): ordinary life that shares words with political violence,
protests worded without a protest verb, crowds acting, protest and repression in one sentence, force against
crowds, and violence or coercion worded indirectly.  Every sentence here is our own wording, set in other
places and with other words than the labelled sets."""

from __future__ import annotations

import pytest

from fulcrum.extract import default_pipeline
from fulcrum.model import Article


@pytest.fixture(scope="module")
def full():
    pipe = default_pipeline()

    def run(text: str) -> list[tuple[str, str | None]]:
        art = pipe(Article(text=text))
        return [(e.type, e.mode) for e in art.events]

    return run


def _types(events):
    return {t for t, _ in events}


# -- no event: nature, animals, accidents, domestic crime, police work, sport, rescue, causes ------------------
@pytest.mark.parametrize("text", [
    "A magnitude 5.9 tremor struck northern Chile on Tuesday, damaging roads and cutting power to 40,000 homes.",
    "A minibus carrying traders to a weekly market overturned near Kasungu on Friday, killing eleven people.",
    "A fisherman was mauled by a crocodile on the banks of the Shire river, police said.",
    "A farmer in Mardan shot his brother dead after a quarrel over irrigation water.",
    "Coast guard officers seized 900 kilograms of heroin from a fishing boat off Gwadar.",
    "Police in Accra detained three youths suspected of robbing a fuel station on Sunday night.",
    "A court in Dakar convicted a former customs clerk of embezzling public funds and jailed him for six years.",
    "Uganda's national rugby team beat Kenya 24-17 in the regional final in Kampala.",
    "Firefighters pulled four survivors from the debris of a collapsed hotel in Antalya.",
    "Investigators blamed a faulty gas valve for the blast at a bakery in Tabriz.",
    "A boiler blew up in a textile mill in Faisalabad; police ruled out sabotage.",
])
def test_ordinary_life_is_no_event(full, text):
    assert full(text) == [], full(text)


@pytest.mark.parametrize("text, type_", [
    ("Taliban fighters beat women protesters in Herat.", "ASSAULT"),
    ("Police arrested an opposition MP in Lusaka on charges of sedition.", "COERCE"),
    ("The army blamed the rebels for the ambush near Beni.", "ACCUSE"),
])
def test_political_acts_in_the_same_words_stay(full, text, type_):
    assert type_ in _types(full(text)), full(text)
