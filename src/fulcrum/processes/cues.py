"""The cue tables that turn a negotiation event into a track status, an expectation or an issue.

Everything here is data: a small lemma table of our own (so the processes need no spaCy model), the
status cues, the issue keywords and the mediator codes.  ``docs/processes.md`` prints these tables; change
them here and the docs together.

A status cue fires when the sentence holds one of its *action* lemmas and, when the cue lists any, one of
its *object* lemmas ("extend" + "truce" -> extended), and the event's type is allowed.  Cues are tried in
order; the first that fires wins.  An expectation is a status cue in a sentence whose event modality is
forward-looking (expected, planned, hypothetical, conditional) or that holds a forward cue ("set to",
"close", "hope", "seek"): it is kept apart and later linked to what happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The fixed status vocabulary, in the order a negotiation usually runs (also the tie-break order).
STATUSES: tuple[str, ...] = (
    "proposed", "talks_held", "progressing", "stalled", "resumed", "agreement_reached", "implemented",
    "extended", "collapsed",
)

#: Issues and the lemmas that mark them.
ISSUES: dict[str, frozenset[str]] = {
    "hostage_release": frozenset({"hostage", "captive", "abductee", "abducted"}),
    "prisoner_exchange": frozenset({"prisoner", "detainee", "swap", "exchange"}),
    "humanitarian_aid": frozenset({"aid", "humanitarian", "corridor", "fuel", "convoy", "relief", "truck", "lorry"}),
    "ceasefire": frozenset({"ceasefire", "truce", "pause", "lull", "cessation", "armistice"}),
    "security_guarantees": frozenset({"guarantee", "guarantor", "buffer", "demilitarise", "demilitarize"}),
}

#: Country codes whose governments act as mediators when they take part in a negotiation event.
MEDIATOR_CODES: frozenset[str] = frozenset({"QAT", "EGY", "USA"})
#: Codes that are never a negotiating party (international and non-governmental organisations).
NON_PARTY_CODES: frozenset[str] = frozenset({"IGO", "NGO", "MNC", "UNO", "EUR"})

TRUCE = frozenset({"truce", "ceasefire", "pause", "lull", "calm", "cessation", "armistice"})
DEAL = frozenset({"deal", "agreement", "accord", "framework", "pact", "arrangement", "swap", "exchange"})
PROPOSAL = frozenset({"proposal", "plan", "offer", "proposition", "counteroffer", "counterproposal", "term",
                      "demand"})
TALKS = frozenset({"talk", "negotiation", "negotiate", "negotiator", "mediation", "mediator", "mediate",
                   "round", "delegation", "envoy"})
HOSTAGE = frozenset({"hostage", "captive", "prisoner"})
FIGHTING = frozenset({"fighting", "war", "strike", "airstrike", "bombing", "bombardment", "hostility",
                      "offensive", "assault", "attack", "combat", "operation", "shelling", "raid"})

#: Lemmas that make a status an expectation rather than a fact.
FORWARD_CUES: frozenset[str] = frozenset({
    "expect", "set", "likely", "could", "may", "might", "hope", "seek", "push", "bid", "effort", "try",
    "aim", "close", "near", "imminent", "loom", "prospect", "possible", "would", "will", "poised", "urge",
    "if", "ahead", "due", "plan", "call", "press",
})
#: Event modalities (``fulcrum.model.MODALITIES``) that make a status an expectation.
FORWARD_MODALITIES: frozenset[str] = frozenset({"expected", "planned", "hypothetical", "conditional"})
#: Modalities under which an event is no evidence of a status at all.
VOID_MODALITIES: frozenset[str] = frozenset({"negated", "denied"})


@dataclass(frozen=True)
class StatusCue:
    status: str
    actions: frozenset[str]
    objects: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()  # empty: any type
    mode: str | None = None               # the event's mode must be this (e.g. RETREAT/ceasefire)
    name: str = ""


def _cue(status: str, actions: str, objects: frozenset[str] = frozenset(), types: str = "",
         mode: str | None = None, name: str = "") -> StatusCue:
    return StatusCue(status, frozenset(actions.split()), objects, frozenset(types.split()), mode,
                     name or f"{status}:{actions.split()[0] if actions else mode}")


#: The status cue table, tried in order (first match wins).
STATUS_CUES: tuple[StatusCue, ...] = (
    _cue("collapsed", "end collapse expire lapse break shatter crumble unravel", TRUCE,
         name="collapsed:truce-ends"),
    _cue("collapsed", "resume restart erupt", FIGHTING, name="collapsed:fighting-resumes"),
    _cue("extended", "extend extension prolong renew", TRUCE | DEAL, name="extended:extend-truce"),
    _cue("implemented", "begin start effect hold force underway", TRUCE, name="implemented:truce-begins"),
    _cue("implemented", "", types="RETREAT", mode="ceasefire", name="implemented:retreat-ceasefire"),
    _cue("stalled", "stall stick snag deadlock impasse stalemate falter suspend freeze halt obstacle setback",
         TALKS | DEAL | PROPOSAL | TRUCE, name="stalled:talks-stall"),
    _cue("stalled", "reject refuse dismiss rebuff", DEAL | PROPOSAL | TRUCE | TALKS, types="REJECT",
         name="stalled:reject-proposal"),
    _cue("resumed", "resume restart reopen revive return", TALKS | DEAL, name="resumed:talks-resume"),
    _cue("agreement_reached", "agree approve reach seal clinch accept sign strike announce close near imminent",
         DEAL | TRUCE, name="agreement_reached:deal"),
    _cue("agreement_reached", "", types="AGREE", name="agreement_reached:agree-event"),
    _cue("progressing", "progress advance breakthrough narrow constructive positive", TALKS | DEAL | PROPOSAL,
         name="progressing:progress"),
    _cue("proposed", "propose proposal offer plan present submit table draft", DEAL | TRUCE | HOSTAGE | PROPOSAL,
         name="proposed:proposal"),
    _cue("talks_held", "", types="CONSULT", name="talks_held:consult"),
)

#: Event types that can carry a negotiation status (ASSAULT only through the collapse cues).
NEGOTIATION_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "REJECT", "RETREAT", "CONCEDE", "SUPPORT",
                                               "COOPERATE"})

# -- a small lemma table of our own --------------------------------------------------------------------
_IRREGULAR = {
    "freed": "free", "broke": "break", "broken": "break", "held": "hold", "met": "meet", "took": "take",
    "taken": "take", "began": "begin", "begun": "begin", "fell": "fall", "fallen": "fall", "struck": "strike",
    "sought": "seek", "stuck": "stick", "set": "set", "led": "lead", "went": "go", "gone": "go",
    "came": "come", "won": "win", "hit": "hit", "put": "put", "children": "child", "men": "man",
    "women": "woman", "people": "people", "ceasefires": "ceasefire", "hostilities": "hostility",
    "talks": "talk", "news": "news", "hamas": "hamas", "was": "was", "has": "has",
    "is": "is", "this": "this", "its": "its", "his": "his", "gas": "gas", "lapses": "lapse", "us": "us", "hopes": "hope", "hoped": "hope", "underway": "underway",
    "airstrikes": "airstrike", "renewed": "renew", "extension": "extension", "truces": "truce",
    "pauses": "pause", "paused": "pause", "stalled": "stall", "stalls": "stall", "snags": "snag",
    "snagged": "snag", "deals": "deal", "lorries": "lorry", "captives": "captive", "lapsed": "lapse",
    "resumption": "resume", "expired": "expire", "expires": "expire", "ended": "end",
    "ends": "end", "ending": "end",
}
_WORD = re.compile(r"[a-z]+")
_CEASE_FIRE = re.compile(r"cease[\s-]+fire", re.I)


def lemma(word: str) -> str:
    """A lemma for one lower-case word: the irregular table, then plain English inflection stripping."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: len(w) - len(suffix)] + repl
            if suffix in ("ing", "ed", "es"):
                if stem in _KNOWN:
                    return stem
                if stem + "e" in _KNOWN:
                    return stem + "e"
                if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in _KNOWN:  # stopped -> stop
                    return stem[:-1]
                if suffix == "es":
                    return w[:-1] if w[:-1] in _KNOWN else stem
                continue
            return stem
    return w


def lemmas(text: str) -> list[str]:
    """The lemmas of a sentence, in order ("cease-fire" is one word, "ceasefire")."""
    text = _CEASE_FIRE.sub("ceasefire", text.lower().replace("’", "'"))
    return [lemma(w) for w in _WORD.findall(text)]


_KNOWN: frozenset[str] = frozenset().union(
    *(c.actions | c.objects for c in STATUS_CUES), FORWARD_CUES, *ISSUES.values(), TRUCE, DEAL, PROPOSAL, TALKS,
    FIGHTING, {"free", "release", "hand", "kill", "say", "vote", "move", "approve", "announce", "delay"},
)
