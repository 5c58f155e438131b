"""Modality in PROVENANCE.md's order of precedence, on sentences of our own."""

from __future__ import annotations

import pytest

from fulcrum.extract.modality import ModalityTagger
from fulcrum.model import MODALITIES

from ._provenance_helpers import annotate, one


def test_contract() -> None:
    assert ModalityTagger.name == "modality"
    assert ModalityTagger.requires == ("events", "event.attribution", "claims")
    assert "claim.modality" in ModalityTagger.assigns


@pytest.mark.parametrize(("text", "trigger", "etype", "modality"), [
    # negated: negation governing the trigger
    ("Troops did not enter the camp.", "enter", "ASSAULT", "negated"),
    ("No rockets were fired from Lebanon on Monday, the military said.", "fired", "ASSAULT", "negated"),
    ("The two sides failed to reach a deal on prisoners.", "reach", "AGREE", "negated"),
    # denied
    ("The army denied shelling the hospital.", "shelling", "ASSAULT", "denied"),
    # conditional beats planned and reported
    ("Hezbollah will retaliate if Israel strikes Beirut, a senior commander warned.", "retaliate", "ASSAULT",
     "conditional"),
    ("Hamas has said it will free the hostages only when a ceasefire holds.", "free", "RETREAT", "conditional"),
    ("The government will lift the curfew unless the violence resumes.", "lift", "CONCEDE", "conditional"),
    # hypothetical
    ("A wider war could engulf the region.", "engulf", "ASSAULT", "hypothetical"),
    ("Analysts warned that the army might storm the city.", "storm", "ASSAULT", "hypothetical"),
    # planned
    ("The cabinet decided to expand the ground offensive.", "expand", "ASSAULT", "planned"),
    ("Iran is to send a delegation to Moscow.", "send", "CONSULT", "planned"),
    ("Washington agreed to release $300 million in frozen aid.", "release", "AID", "planned"),
    ("The security cabinet approved continued air strikes.", "approved", "ASSAULT", "planned"),
    ("Cairo says it is willing to host a new round of talks.", "host", "CONSULT", "planned"),
    ("The Kremlin said Russia would respond to the sanctions.", "respond", "THREATEN", "planned"),
    # expected
    ("Talks are expected to resume in Cairo next week.", "resume", "CONSULT", "expected"),
    ("Talks on a truce are set to begin on Monday.", "begin", "CONSULT", "expected"),
    ("The envoys meet in Doha next week to discuss the truce.", "meet", "CONSULT", "expected"),
    # believed
    ("Officials believe the militants may have crossed the border at night.", "crossed", "ASSAULT",
     "believed"),
    ("The group is thought to have kidnapped several aid workers.", "kidnapped", "COERCE", "believed"),
    ("The troops appear to have withdrawn from the hospital grounds.", "withdrawn", "RETREAT", "believed"),
    # reported
    ("Rebels seized the town on Friday, a local resident said by phone.", "seized", "ASSAULT", "reported"),
    ("Israeli forces reportedly demolished several homes in Jenin.", "demolished", "ASSAULT", "reported"),
    ("Gunmen killed a policeman in Mosul, according to Iraqi security sources.", "killed", "ASSAULT",
     "reported"),
    # asserted, also when a saying or hedging word does not govern the event
    ("Israel launched strikes on Rafah.", "launched", "ASSAULT", "asserted"),
    ("Britain sent troops to the region while the UN said it might need more time.", "sent", "MOBILIZE",
     "asserted"),
    ("The army shelled the village and officials said a ceasefire could follow.", "shelled", "ASSAULT",
     "asserted"),
    ("The minister threatened to cut off fuel supplies.", "threatened", "THREATEN", "asserted"),
])
def test_modality(text: str, trigger: str, etype: str, modality: str) -> None:
    assert one(text, trigger, etype).modality == modality


def test_every_value_is_in_the_model() -> None:
    art, _ = annotate("Israel launched strikes on Rafah, officials said.", [("launched", "ASSAULT")])
    assert art.events[0].modality in MODALITIES


def test_nested_outlet_belief() -> None:
    ev = one("Axios reported that two senior officials believe the renewed raids may hinge on the talks.",
             "raids")
    assert ev.modality == "believed"
    assert ev.attribution.outlet == "Axios"


def test_event_without_trigger_uses_the_main_predicate() -> None:
    art, doc = annotate("Israel will evacuate the settlements, a spokesman said.", [])
    from fulcrum.model import Event
    s = art.sentences[0]
    art.events = [Event(type="RETREAT", sentence_index=0, start=s.start, end=s.end)]
    from fulcrum.extract.attribution import AttributionTagger
    AttributionTagger()(art, doc)
    ModalityTagger()(art, doc)
    assert art.events[0].modality == "planned"
    assert art.events[0].attribution.claimant == "a spokesman"


@pytest.mark.parametrize(("text", "trigger", "etype", "modality"), [
    # a demand ("must") is not a hedge on whether the act happened
    ("Moscow said Kyiv must return the captured helicopter.", "return", "REQUEST", "reported"),
    # approving a law is the act; approving operations decides on acts ahead
    ("The parliament approved a law recognising the election results.", "approved", "CONCEDE", "asserted"),
    ("The cabinet approved a wider ground offensive.", "approved", "ASSAULT", "planned"),
    ("Hamas rejected reports that it had agreed to free the hostages.", "free", "RETREAT", "denied"),
    ("Delegations from both sides meet in Geneva next week for talks on the truce.", "talks", "CONSULT",
     "expected"),
])
def test_modality_edges(text: str, trigger: str, etype: str, modality: str) -> None:
    assert one(text, trigger, etype).modality == modality


@pytest.mark.parametrize(("text", "what", "modality"), [
    ("Hamas released 24 hostages on Friday.", "hostages_released", "asserted"),
    ("Hamas released 24 hostages on Friday, Qatar said.", "hostages_released", "reported"),
    # the terms of a deal are not releases that happened
    ("The cabinet approved a deal to release 50 hostages.", "hostages_released", "planned"),
    ("Both sides agreed on a plan to free 30 hostages.", "hostages_released", "planned"),
    ("Hamas is expected to release 13 more hostages on Saturday.", "hostages_released", "expected"),
    ("Hamas said it would release 10 hostages a day.", "hostages_released", "planned"),
    ("The army denied that 500 people were killed in the blast.", "killed", "denied"),
    ("Hamas freed 17 hostages under the deal on Saturday.", "hostages_released", "asserted"),
])
def test_claim_modality(pipeline, text: str, what: str, modality: str) -> None:
    from datetime import date

    from fulcrum.model import Article

    art = pipeline(Article(text=text, published=date(2023, 11, 25)))
    got = [c.modality for c in art.claims if c.what == what]
    assert got == [modality]
