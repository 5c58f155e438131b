"""QuantityExtractor: figures, what they count, comparators, cumulative totals; ages, years, money are not
claims, and subgroups ("13 of them", "including 3 Thais") never replace the headline total."""

from __future__ import annotations

import pytest

from fulcrum.extract.nlp import load_nlp
from fulcrum.extract.quantities import WHAT, QuantityExtractor, parse_number
from fulcrum.extract.sentences import SentenceSplitter
from fulcrum.model import COMPARATORS, Article


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def claims(nlp, text: str) -> list[tuple]:
    art = Article(text=text)
    doc = nlp(text)
    SentenceSplitter()(art, doc)
    QuantityExtractor()(art, doc)
    for c in art.claims:
        assert c.what in WHAT and c.comparator in COMPARATORS
        assert 0 <= c.start < c.end <= len(text)
    return [(c.what, c.value, c.comparator, c.cumulative) for c in art.claims]


CASES = [
    # headline style and the worked example
    ("Hamas releases 17 hostages including 3 Thais", [("hostages_released", 17, "=", False)]),
    ("Estimates from Israeli officials put the number of hostages held by militants since the October 7 "
     "attack at more than 220, underscoring the stakes.", [("hostages_held", 220, ">", True)]),
    ("Hamas freed 24 hostages, 13 of them Israeli, on Friday.", [("hostages_released", 24, "=", False)]),
    ("The death toll rose to 5,000, the ministry said.", [("killed", 5000, "=", True)]),
    ("Israeli strikes killed 12 people on Tuesday.", [("killed", 12, "=", False)]),
    ("Over 175 killed as Israel resumes Gaza attacks", [("killed", 175, ">", False)]),
    ("Hamas frees 24 hostages in exchange for 39 Palestinian prisoners",
     [("hostages_released", 24, "=", False), ("prisoners_released", 39, "=", False)]),
    ("Israel says about 80 hostages left alive in Gaza", [("hostages_held", 80, "~", None)]),
    ("Israeli military rescues 4 hostages; more than 200 Palestinians killed, Gaza health officials say",
     [("hostages_rescued", 4, "=", False), ("killed", 200, ">", False)]),
    ("4 more hostages found dead, Israel says", [("hostages_dead", 4, "=", False)]),
    ("Gaza death toll passes 5000 with no ceasefire in sight", [("killed", 5000, ">", True)]),
    ("Israel battles Hamas militants as death toll nears 1200", [("killed", 1200, "~", True)]),
    ("Palestinian death toll reached 9500 including over 6400 children and women",
     [("killed", 9500, "=", True)]),
    ("Some 200 aid trucks entered Gaza through the Rafah crossing on Sunday.", [("aid_trucks", 200, "~", False)]),
    ("Hezbollah fired at least two dozen rockets into northern Israel.", [("rockets_fired", 24, ">=", False)]),
    ("Dozens of people were wounded in Khan Younis and 4.5 million are displaced.",
     [("injured", 24, ">=", False), ("displaced", 4_500_000, "=", None)]),
    ("Tens of thousands of people have fled to the south.", [("displaced", 20_000, ">=", None)]),
    ("Security forces arrested 30 Palestinians in the West Bank overnight.", [("arrested", 30, "=", False)]),
    ("At least 1,200 people were killed and some 240 taken hostage in the October 7 attack.",
     [("killed", 1200, ">=", False), ("hostages_taken", 240, "~", False)]),
    ("Up to 50 hostages could be released under the deal.", [("hostages_released", 50, "<=", False)]),
    ("Fewer than 100 trucks a day crossed into Gaza.", [("aid_trucks", 100, "<", False)]),
    ("At most 30 prisoners will be released.", [("prisoners_released", 30, "<=", False)]),
    ("Two Israeli soldiers were killed in southern Gaza, the army said.", [("killed", 2, "=", False)]),
    ("The ministry said 14,800 people have been killed in Gaza since October 7, including 6,000 children.",
     [("killed", 14800, "=", True)]),
    ("Twenty-five people were injured in the blast.", [("injured", 25, "=", False)]),
    ("Hundreds of people were killed in the strikes.", [("killed", 200, ">=", False)]),
    ("About a dozen people were wounded.", [("injured", 12, "~", False)]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_claims(nlp, text, expected):
    got = claims(nlp, text)
    assert [(w, float(v), c, cu) for w, v, c, cu in expected] == got


@pytest.mark.parametrize("text", [
    "A 12-year-old boy was wounded in the strike.",
    "The war began in 2023.",
    "Families of hostages held in Gaza for 100 days hold a 24-hour rally.",
    "Hamas proposes a three-stage ceasefire over 135 days.",
    "Whoever brings a hostage gets $10,000.",
    "Nearly 80 percent of the population has fled.",
    "Resolution 2720 was adopted by 13 votes to none.",
    "The strike came at 3 a.m. local time.",
    "Israel says more than a third of hostages are dead.",
])
def test_not_claims(nlp, text):
    assert claims(nlp, text) == []


def test_span_covers_figure_and_counted_noun(nlp):
    text = "Israeli officials say more than 220 hostages are held in Gaza."
    art = Article(text=text)
    doc = nlp(text)
    SentenceSplitter()(art, doc)
    QuantityExtractor()(art, doc)
    (c,) = art.claims
    assert text[c.start:c.end] == "more than 220 hostages"
    assert c.unit == "hostage" and c.sentence_index == 0 and c.rule


def test_units(nlp):
    art = Article(text="Israeli strikes killed 12 children. Over 175 killed as fighting resumed.")
    doc = nlp(art.text)
    SentenceSplitter()(art, doc)
    QuantityExtractor()(art, doc)
    assert [c.unit for c in art.claims] == ["child", "person"]


@pytest.mark.parametrize("words,value,vague", [
    (["17"], 17, False), (["1,200"], 1200, False), (["4.5", "million"], 4_500_000, False),
    (["twenty", "-", "five"], 25, False), (["two", "hundred"], 200, False), (["a", "dozen"], 12, False),
    (["two", "dozen"], 24, False), (["dozens"], 24, True), (["hundreds"], 200, True),
    (["tens", "of", "thousands"], 20_000, True), (["hundreds", "of", "thousands"], 200_000, True),
    (["thousands"], 2000, True),
])
def test_parse_number(words, value, vague):
    assert parse_number(words) == (float(value), vague)


def test_parse_number_rejects_words():
    assert parse_number(["several"]) is None
    assert parse_number([]) is None
