"""Lexicon round (ASSAULT, COERCE, PROTEST, ACCUSE): verb senses and constructions found missing on short
texts.  Every sentence here is our own wording (never corpus or gold text)."""

from __future__ import annotations

import pytest

from fulcrum.model import Article


@pytest.fixture(scope="module")
def full(default_pipe):
    pipe = default_pipe

    def run(text: str) -> set[str]:
        return {e.type for e in pipe(Article(text=text)).events}

    return run


@pytest.mark.parametrize("text, type_", [
    # ASSAULT
    ("Vietnamese fishermen say a Chinese patrol vessel rammed their trawler near the Paracels.", "ASSAULT"),
    ("Gunmen believed to be Boko Haram fighters killed nine farmers with knives near Maiduguri on Monday.",
     "ASSAULT"),
    # COERCE
    ("Ethiopian authorities cut the internet in the Amhara region on Tuesday.", "COERCE"),
    ("Soldiers tore down dozens of market stalls in the border town on Friday.", "COERCE"),
    ("Thailand sent back 40 Uyghur migrants who had crossed from Malaysia.", "COERCE"),
    ("The Greek coast guard boarded the migrant boat and towed it back to Turkish waters.", "COERCE"),
    ("Sri Lankan police set up roadblocks on the roads into Jaffna on Sunday.", "COERCE"),
    ("Kenyan police fire tear gas at opposition supporters in Kisumu", "COERCE"),
    ("Egyptian security forces have held a Cairo nurse without charge since May.", "COERCE"),
    ("Armed men set up roadblocks near Kidal and detained three traders on Monday.", "COERCE"),
    # PROTEST
    ("Tens of thousands filled the streets of Santiago on Sunday against the pension reform.", "PROTEST"),
    ("Teachers carried placards outside the education ministry in Accra on Monday.", "PROTEST"),
    ("Traders in Kathmandu kept their shutters down on Friday after a strike call by the opposition.", "PROTEST"),
    ("Sugarcane farmers sat on the railway tracks near Lahore on Monday, halting several trains.", "PROTEST"),
    ("Supporters of the jailed mayor set up barricades on roads around Santa Cruz on Tuesday.", "PROTEST"),
    ("Spanish farmers block roads into Madrid with tractors", "PROTEST"),
    ("Hundreds gathered outside the French embassy in Niamey on Friday in anger over the killings.", "PROTEST"),
    # ACCUSE
    ("Venezuela's president brands the Guyanese leader a 'criminal'", "ACCUSE"),
    ("Baku says the Armenian army is colluding with separatist groups", "ACCUSE"),
    ("Iran behind hacking of Albanian government servers, Tirana says", "ACCUSE"),
    ("Police said the militia was behind the bombing of the market.", "ACCUSE"),
    ("Mexico joins genocide case against Myanmar at the ICJ", "ACCUSE"),
    ("Human Rights Watch documents Ethiopian army killings in Tigray", "ACCUSE"),
    ("Kyiv says Russia is deliberately targeting power plants", "ACCUSE"),
])
def test_new_senses(full, text, type_):
    assert type_ in full(text)


@pytest.mark.parametrize("text", [
    "The guerrillas grew out of the peasant militias that fought in the highlands in the 1980s.",
    "A navy helicopter crashes during a training flight off Crete, crew killed",
    "Two cousins killed each other in a quarrel over land near Asyut, police said.",
    "A man was stabbed to death in a bar fight in Durban on Saturday, police said.",
    "The civil war in Yemen has killed as many as 150,000 people, a UN envoy estimates.",
    "Heavy snowfall blocked the main road over the pass on Tuesday, stranding trucks.",
])
def test_no_event(full, text):
    assert full(text) == set()


def test_barring_an_envoy_is_not_repression(full):
    assert "COERCE" not in full("The junta barred the UN envoy from visiting the detained leader.")
