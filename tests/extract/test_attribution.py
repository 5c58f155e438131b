"""Attribution: who vouches for each event and claim (shared/eval/PROVENANCE.md), on sentences of our own."""

from __future__ import annotations

import pytest

from fulcrum.extract.attribution import AttributionTagger, find_attribution
from fulcrum.extract.nlp import load_nlp
from fulcrum.model import Claim

from ._provenance_helpers import annotate, one


def test_contract() -> None:
    assert AttributionTagger.name == "attribution"
    assert AttributionTagger.requires == ("events", "claims")
    assert "event.attribution" in AttributionTagger.assigns


@pytest.mark.parametrize(("text", "trigger", "claimant", "ctype", "count", "cue"), [
    # parenthetical ", X said." -- institutions and bodies are official
    ("Israeli aircraft struck a school in Khan Younis on Tuesday, the Gaza health ministry said.",
     "struck", "the Gaza health ministry", "official", None, "say"),
    ("Police arrested five protesters outside the parliament, a police spokeswoman said.",
     "arrested", "a police spokeswoman", "official", 1, "say"),
    # a role tied to a country or body speaks for it; a bare role or a source is anonymous
    ("Hamas fighters ambushed an army patrol near Jabalia, two Israeli security officials said.",
     "ambushed", "two Israeli security officials", "official", 2, "say"),
    ("Hezbollah fired anti-tank missiles at a border post, a senior commander said.",
     "fired", "a senior commander", "anonymous", 1, "say"),
    ("Sources familiar with the negotiations said Qatar had delivered a new proposal.",
     "delivered", "Sources familiar with the negotiations", "anonymous", None, "say"),
    ("A diplomat who spoke on condition of anonymity said Turkey had closed its airspace.",
     "closed", "A diplomat who spoke on condition of anonymity", "anonymous", 1, "say"),
    # a clause that withholds the source's name is part of the claimant and makes it anonymous
    ("A senior army officer, who declined to be identified, said rebels attacked the base on Monday.",
     "attacked", "A senior army officer, who declined to be identified", "anonymous", 1, "say"),
    ("A defence ministry official who asked not to be named said troops had shelled the village.",
     "shelled", "A defence ministry official who asked not to be named", "anonymous", 1, "say"),
    # a clause that does not withhold the name is left out
    ("The minister, who was speaking in Paris, said French troops had left the base.",
     "left", "The minister", "official", 1, "say"),
    # a role held for someone the text names speaks as such
    ("Opposition leader Amos Kiprop called for a recount, his spokesman said.",
     "called", "his spokesman", "official", 1, "say"),
    ("Gunmen killed a policeman in Mosul, Iraqi security sources said.",
     "killed", "Iraqi security sources", "anonymous", None, "say"),
    ("Witnesses said soldiers opened fire on the crowd near the checkpoint.",
     "opened", "Witnesses", "anonymous", None, "say"),
    # a person named in the text
    ("Foreign Minister Sara Lind said Norway had recalled its ambassador.",
     "recalled", "Foreign Minister Sara Lind", "named", 1, "say"),
    # a country the NER may take for a person stays official
    ("Jordan said it had closed its border crossing with Syria.", "closed", "Jordan", "official", None, "say"),
    # "according to", documents vouching as their issuer
    ("According to the UN refugee agency, more than 1,000 families fled Rafah overnight.",
     "fled", "the UN refugee agency", "official", None, None),
    ("The convoy was attacked by settlers, according to a statement by the Palestinian Red Crescent.",
     "attacked", "a statement by the Palestinian Red Crescent", "official", None, None),
    # an unnamed medium is anonymous
    ("The shelling killed four people, a pro-government newspaper reported.",
     "shelling", "a pro-government newspaper", "anonymous", None, "report"),
    # belief verbs
    ("Officials believe the militants crossed the border at night.",
     "crossed", "Officials", "anonymous", None, "believe"),
    ("Hamas accused Israel of bombing a refugee camp in the north.",
     "bombing", "Hamas", "official", None, "accuse"),
    ("The ministry said in a statement that its staff had evacuated the building.",
     "evacuated", "The ministry", "official", None, "say"),
])
def test_claimant(text: str, trigger: str, claimant: str, ctype: str, count: int | None, cue: str | None) -> None:
    att = one(text, trigger).attribution
    assert att.claimant == claimant
    assert att.claimant_type == ctype
    assert att.count == count
    assert att.cue == cue
    assert att.claimant_start is not None and text[att.claimant_start:att.claimant_end] == claimant


def test_outlet_told() -> None:
    att = one("Israel plans to evacuate the northern towns, an Israeli official told the Times of Israel.",
              "evacuate", "RETREAT").attribution
    assert att.outlet == "Times of Israel"
    assert (att.claimant, att.claimant_type, att.count, att.cue) == ("an Israeli official", "official", 1, "tell")


def test_outlet_as_claimant() -> None:
    att = one("Militants blew up a gas pipeline in the Sinai overnight, the Associated Press reported.",
              "blew").attribution
    assert att.outlet == "Associated Press" and att.claimant_type == "official" and att.cue == "report"


def test_outlet_named_beside_media_noun() -> None:
    att = one("Rebels shelled the airport on Sunday, the state news agency Zemra reported.", "shelled").attribution
    assert att.outlet == "Zemra"


def test_nested_outlet_keeps_inner_claimant() -> None:
    att = one("Axios reported that three senior officials believe Israel delayed the operation.",
              "delayed", "RETREAT").attribution
    assert (att.claimant, att.claimant_type, att.count, att.cue, att.outlet) == (
        "three senior officials", "anonymous", 3, "believe", "Axios")


def test_outlet_from_next_sentence() -> None:
    art, _ = annotate("Two senior officials believe the strikes on Gaza may hinge on the hostage talks. "
                      "CNN reported this assessment on Friday.", [("strikes", "ASSAULT")])
    att = art.events[0].attribution
    assert (att.claimant, att.count, att.cue, att.outlet) == ("Two senior officials", 2, "believe", "CNN")


def test_next_sentence_without_anaphora_is_not_an_outlet() -> None:
    art, _ = annotate("Two senior officials believe the strikes may hinge on the talks. "
                      "CNN reported that the talks stalled.", [("strikes", "ASSAULT")])
    assert art.events[0].attribution.outlet is None


def test_reportedly() -> None:
    att = one("Israeli forces reportedly demolished several homes in Jenin.", "demolished").attribution
    assert att.cue == "report" and att.claimant is None and att.claimant_type is None


@pytest.mark.parametrize(("text", "trigger"), [
    ("Israel launched strikes on Rafah.", "launched"),
    # a saying verb that does not govern the event
    ("Israel launched strikes on Rafah while the UN said it needed more aid.", "launched"),
    ("Rebels rejected the peace plan and said they would keep fighting.", "rejected"),
    ("The rebels dismissed the appeal, saying they had lost all trust in the government.", "dismissed"),
    # the coded act's own verb is not its attribution
    ("The prime minister accused the opposition of treason.", "accused"),
])
def test_no_governing_cue_leaves_all_null(text: str, trigger: str) -> None:
    etype = "ACCUSE" if trigger == "accused" else "REJECT" if trigger in ("rejected", "dismissed") else "ASSAULT"
    att = one(text, trigger, etype).attribution
    assert (att.claimant, att.claimant_type, att.count, att.cue, att.outlet) == (None, None, None, None, None)


def test_claims_get_claimants() -> None:
    text = ("Estimates from Israeli officials put the number of hostages held in Gaza at more than 200. "
            "At least 12 people were killed in the strike.")
    a = text.index("200")
    b = text.index("12 people")
    claims = [Claim(what="hostages_held", value=200, sentence_index=0, start=a, end=a + 3),
              Claim(what="killed", value=12, sentence_index=1, start=b, end=b + 2)]
    art, _ = annotate(text, [], claims=claims)
    first, second = art.claims
    assert first.claimant is not None and "Israeli officials" in first.claimant
    assert first.claimant_type == "official"
    assert (second.claimant, second.claimant_type) == (None, None)


def test_find_attribution_helper() -> None:
    text = "More than 300 trucks entered Gaza on Sunday, according to the Egyptian Red Crescent."
    doc = load_nlp()(text)
    att = find_attribution(doc, (0, len(text)), text.index("entered"))
    assert att.claimant == "the Egyptian Red Crescent" and att.claimant_type == "official"
    assert find_attribution(doc, (0, len(text)), text.index("Sunday") + 100).claimant is None


def test_pronoun_claimant_resolves_to_person() -> None:
    text = "Defence Minister Omar Tal visited the front. He said his troops had repelled two assaults."
    art, _ = annotate(text, [("repelled", "ASSAULT")])
    att = art.events[0].attribution
    assert att.claimant == "Defence Minister Omar Tal" and att.claimant_type == "named" and att.count == 1


@pytest.mark.parametrize(("text", "trigger", "claimant", "ctype", "cue", "outlet"), [
    ("The agency quoted a senior army officer as saying that troops had entered the town.",
     "entered", "a senior army officer", "official", "say", None),
    ("Israeli troops entered Jenin on Monday, Reuters reported, citing two security sources.",
     "entered", "two security sources", "anonymous", "report", "Reuters"),
    ("The official news agency WAFA reported that settlers torched two cars.",
     "torched", "The official news agency WAFA", "official", "report", "WAFA"),
    ("The attack, which killed three soldiers, was claimed by Hezbollah.",
     "attack", "Hezbollah", "official", "claim", None),
    ("A statement from the foreign ministry said Egypt had recalled its envoy.",
     "recalled", "A statement from the foreign ministry", "official", "say", None),
    ("Hamas rejected reports that it had agreed to free the hostages.",
     "free", "Hamas", "official", "reject", None),
])
def test_nested_and_indirect_sources(text: str, trigger: str, claimant: str, ctype: str, cue: str,
                                     outlet: str | None) -> None:
    att = one(text, trigger).attribution
    assert (att.claimant, att.claimant_type, att.cue, att.outlet) == (claimant, ctype, cue, outlet)


def test_negated_saying_verb_does_not_vouch() -> None:
    att = one("Kyiv did not confirm the strike on the bridge.", "strike").attribution
    assert att.claimant is None and att.cue is None
