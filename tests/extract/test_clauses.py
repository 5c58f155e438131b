"""A headline that reports two acts in two clauses, each with its own subject ("X shells Y as Z ..."), gives
both; a wire sentence keeps its main act only (coders of wire copy code one).  Written by us."""

from __future__ import annotations

import pytest


def _events(coder, text):
    return sorted((e.type, tuple(a.code for a in e.source)) for e in coder(text).events)


@pytest.mark.parametrize("text, expected", [
    ("Army shells Idlib villages as Turkey calls for emergency talks",
     [("ASSAULT", ()), ("REQUEST", ("TUR",))]),
    ("Russian jets pound Aleppo while Iran hosts Syria talks in Tehran",
     [("ASSAULT", ("RUS",)), ("CONSULT", ("IRN",))]),
    ("Ethiopia deploys troops to border after Sudan accuses it of incursion",
     [("ACCUSE", ("SDN",)), ("MOBILIZE", ("ETH",))]),
])
def test_two_clauses_two_events(coder, text, expected):
    got = _events(coder, text)
    for t, src in expected:
        assert any(g[0] == t and set(src) <= set(g[1]) for g in got), got
    assert {g[0] for g in got} == {t for t, _ in expected}


def test_the_clause_that_names_the_author_wins_over_a_toll(coder):
    got = _events(coder, "Nine dead as Russian jets pound Aleppo suburbs")
    assert got == [("ASSAULT", ("RUS",))]
    event = coder("Dozens killed as Russia pounds Kharkiv").events
    assert [(e.type, [a.code for a in e.source]) for e in event] == [("ASSAULT", ["RUS"])]


@pytest.mark.parametrize("text", [
    "Army shells Idlib villages as analysts expect more fighting",   # no actor of its own
    "Army shells Idlib villages as winter sets in",                  # no act
    "Rebels shell Idlib villages, killing twelve",                   # a participle shares the subject
])
def test_no_second_event_without_an_act_and_an_actor_of_its_own(coder, text):
    assert len(coder(text).events) == 1, [(e.type, e.rule) for e in coder(text).events]


def test_a_wire_sentence_keeps_its_main_act(coder):
    text = ("Italy suspended flights to Belgrade on Wednesday, a day after Serbian troops shelled a border "
            "post held by Croatian police.")
    assert [e.type for e in coder(text).events] == ["SANCTION"]
