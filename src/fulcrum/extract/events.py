"""Events typed in the 16 PLOVER types (mode, CAMEO root), with source and target actors, the trigger span,
the evidence sentence and the rule that fired.  Writes ``article.events``.

Method (rules over the one spaCy parse, lexicon in :mod:`fulcrum.extract.lexicon.events`):

1. **Triggers.**  A verb whose lemma is in the verb lexicon, with its sense chosen by its particle or
   preposition ("call for" REQUEST, "call off" CONCEDE), its object's class ("approve a deal" AGREE,
   "approve operations" MOBILIZE, "release hostages" RETREAT) or its subject's sector ("workers strike"
   PROTEST).  A noun in the noun lexicon ("talks", "air strike", "truce", "protest") counts only when a
   light verb governs it ("held talks", "imposed sanctions"), when it is the subject of an aspectual verb
   ("the truce took effect", "talks resumed"), when it heads a headline fragment, or when an actor
   modifies it ("Israeli strikes on ...").
2. **Composition.**  The trigger highest in the tree wins: "threatened to ban" THREATEN, "refused to
   release" REJECT, "called for a ceasefire" REQUEST.  Verbs of intent and readiness ("offer", "vow",
   "is willing to") and the modals will/would turn a cooperative act into AGREE and a hostile one into
   THREATEN ("would blockade Paris unless" THREATEN); "be prepared to" + assault is MOBILIZE;
   "fail to" and negation turn cooperation into REJECT; other negated acts, and acts under a verb of denial
   ("denied striking the hospital"), keep their own type (modality negated / denied; "denied the accusations"
   stays REJECT, "cannot evacuate" is no event); "could ... if" keeps the act (conditional); "X said Y must
   Z" and imperatives opening a statement are REQUEST.  Talks "expected/set/due to" resume stay CONSULT; a
   truce that "will begin" stays RETREAT (expected); headline "X to V" is intent like "will".
3. **No event** for commentary: triggers under verbs of analysis whose subject is a commentator or no
   actor ("analysts note", "observers caution"), and triggers with no actor at all.
4. **Actors.**  Subject -> source (the ``by`` agent in the passive, the antecedent of a relative
   pronoun, the controller of "to"-complements, the speaker of a reporting verb as a fallback); object,
   dative, and ``on/against/with/to/at/into/from`` objects -> target; the place of an attack as a last
   resort for the target.  Domestic actors without a country ("the president", "opposition parties") take
   the country of the sentence.
5. **One main event per sentence** (the gold convention of wire sentences).  A headline may carry more:
   a clause with its own subject, a coordinated or participial act of the same subject ("joins summit,
   criticizes ..."), an act under/amid which the main one happens ("under Russian siege and shelling"), the
   attack a condemnation or a celebration names, the act a watchdog reports or an allegation names, and the
   request protesters make of an addressee.  A semicolon in a headline separates two headlines.

Modes used (``Event.mode``): ASSAULT air, shell, ground, fire, explosives, abduct, assassinate, beat,
torture, sexual; COERCE arrest, detain, raid, seize, occupy, destroy, blockade, deport, ban, censor,
curfew, restrict; RETREAT release, return, ceasefire, access, withdraw, disarm, ease; PROTEST demonstrate,
riot, strike, hunger, boycott, obstruct, occupy; MOBILIZE troops, police; SANCTION expel, withdraw;
AID military, asylum, humanitarian; CONSULT visit, phone, mediate, host; COOPERATE intelligence,
extradite; ACCUSE investigate, sue.
"""

from __future__ import annotations

import re
from typing import Any

from fulcrum.extract.actors import head_sector, place_only, place_topic, resolve_actor_text
from fulcrum.extract.base import Component
from fulcrum.extract.cameo import cameo_code
from fulcrum.extract.headlines import headline_breaks
from fulcrum.extract.lexicon.actors import COMMENTATORS
from fulcrum.extract.lexicon.events import (
    ACCIDENT_VERBS,
    ANALYSIS_VERBS,
    CLAIM_NOUNS,
    COOPERATIVE,
    CRIME_NOUNS,
    DAMAGE_VERBS,
    EXPLAINER_CUES,
    HOSTILE,
    INTENT_ADJS,
    INTENT_NOUNS,
    INTENT_VERBS,
    LIGHT_VERBS,
    MEDIA_NOUNS,
    NATURAL_CAUSES,
    NOUNS,
    OBJECT_CLASSES,
    PLACE_HEADS,
    PROTESTERS,
    REPORT_SERIAL,
    REPORTING_VERBS,
    SHARE_HEADS,
    SITUATIONS,
    THREAT_OBJECTS,
    TOLL_NOUNS,
    VERBS,
)
from fulcrum.model import Actor, Article, Event, Span

__all__ = ["EventCoder", "cameo_root"]

_TARGET_PREPS = frozenset({"on", "against", "with", "to", "at", "into", "upon", "toward", "towards", "from",
                           "over", "between"})
_PLACE_PREPS = frozenset({"in", "near", "at", "across", "inside", "outside", "around"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
_HYPOTHETICAL = frozenset({"could", "might", "may"})
_EXPECT = frozenset({"expect", "set", "due", "schedule", "likely", "slate", "poise"})
_ASPECTUAL = frozenset({"resume", "begin", "start", "continue", "take", "go", "come", "hold", "end",
                        "collapse", "expire", "break", "get", "open", "close", "conclude", "stall", "fail",
                        "enter", "rage", "erupt", "intensify", "escalate", "flare", "spread", "unfold", "arrive",
                        "reach", "land", "cross", "dock", "approach", "roll", "depart", "sail", "rock", "leave",
                        "claim", "reconvene", "persist", "grind", "shift", "expand", "widen", "extend", "advance",
                        "push", "move", "turn", "grow", "become"})
#: Verbs of something still to come: a nominal act as their subject has not happened ("offensive looms").
_PENDING = frozenset({"loom", "near", "await", "threaten", "beckon"})
_DOMESTIC = frozenset({"GOV", "COP", "JUD", "LEG", "OPP", "CVL", "REB", "MIL", "EDU", "LAB", "AGR", "BUS",
                       "HLH", "REF", "MED", "REL"})
_MEASURE = frozenset({"ton", "tonne", "worth", "kg", "kilogram", "amount", "number", "batch", "lot", "shipment",
                      "package", "load", "million", "billion", "thousand", "dozen", "hundred", "part", "some",
                      "more", "most", "all", "pound", "truckload", "litre", "liter", "gallon", "barrel",
                      "pallet", "crate", "carton", "box", "bag", "sack", "parcel", "plane", "planeload", "truck", "first", "series", "wave",
                      "ship", "boat", "vessel"})
#: Adjectives that deny a claim, and the claims they deny: "the assertion is incorrect" rejects it.
_UNTRUE = frozenset({"incorrect", "false", "untrue", "baseless", "unfounded", "wrong", "fabricated", "inaccurate",
                     "groundless", "misleading", "fake", "bogus"})
_CLAIMS = frozenset({"assertion", "claim", "allegation", "accusation", "charge", "report", "statement", "figure",
                     "number", "account", "narrative", "story"})
#: Appraisals that condemn what they are said of: "says the blockade (is) a moral outrage".
_CONDEMNING = frozenset({"outrage", "disgrace", "scandal", "shame", "travesty", "crime", "atrocity", "abomination",
                         "betrayal", "insult", "stain", "affront", "criminal", "murderer", "butcher", "genocide",
                         "terrorist", "killer", "war-criminal"})
#: Participles of keeping something out: "blocked aid" reports the blocking.
_BLOCKING = frozenset({"block", "withhold", "obstruct", "restrict", "stall", "halt", "impede", "delay", "deny",
                       "blocked", "withheld", "obstructed", "restricted", "stalled", "halted", "delayed", "denied"})
#: Nouns of holding whose "of" object is what is held: "took control of the crossing".
_HOLDING = frozenset({"control", "possession", "command", "charge", "custody"})
#: Nouns of a schedule whose "for" object is what is scheduled: "sets a date for the offensive".
_SCHEDULES = frozenset({"date", "timetable", "deadline", "timeline", "time", "day"})
_ASPECT_XCOMP = frozenset({"resume", "continue", "begin", "start", "keep", "step", "try", "attempt", "seek"})
_EFFORT = frozenset({"effort", "campaign", "bid", "drive", "initiative", "mission", "process", "round", "push",
                     "programme", "program", "wave", "series", "spate"})
_NEG = frozenset({"not", "n't", "never", "no"})
_CIVIL_OPS = frozenset({"cargo", "rescue", "aid", "humanitarian", "relief", "port", "business", "mining",
                        "search", "evacuation", "airport", "recovery", "salvage", "cleanup", "commercial", "joint"})
_REL_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_ORDERS_FORMS = frozenset({"orders", "urges", "asks", "tells", "instructs", "directs", "presses", "pushes"})
_NOT_PROTEST = frozenset({"election", "electoral", "campaign", "stock", "market", "price", "share", "victory"})
_STRIKE_MODS = frozenset({"general", "global", "worldwide", "hunger", "nationwide", "national", "labor", "labour", "worker", "teacher",
                          "doctor", "commercial", "one-day", "open-ended", "indefinite"})
#: Appraisals that turn "X calls the proposal ..." into a rejection.
_DISMISSIVE = frozenset({"unworkable", "unacceptable", "unrealistic", "delusional", "non-starter", "absurd",
                         "ridiculous", "impossible", "unserious", "dead", "worthless", "meaningless"})
#: Nouns whose infinitive complement nobody has done yet: "pressure to end the war grows".
_PENDING_NOUNS = frozenset({"pressure", "hope", "prospect", "chance", "momentum", "urgency", "need", "appetite",
                            "likelihood", "possibility", "fear", "risk"})
#: Nouns of striving: what their infinitive names is sought, not done ("the push to end the war", "a drive to
#: disarm the militias").
_STRIVING = frozenset({"push", "effort", "quest", "drive", "attempt", "struggle", "race", "scramble", "battle",
                       "fight", "movement"})
#: Verbs of ending or preventing: a hostile act as their object is what is to end, not news of it.
_ENDING = frozenset({"stop", "halt", "end", "cease", "prevent", "suspend", "avert", "curb"})
#: Nouns of what an attack leaves: "the aftermath of the strike", "survivors of the attack" report that it happened.
_AFTERMATH = frozenset({"aftermath", "survivor", "victim", "wake", "scene", "site", "ruins", "rubble", "casualty"})
#: Adjectives and verbs of fear: a clause they govern with "might", "could" or "would" is feared, not done.
_FEARING = frozenset({"worried", "concerned", "afraid", "fearful", "anxious", "alarmed", "nervous", "fear", "worry",
                      "concern"})
#: Predicates of comment: a noun of an act as their subject is a topic, not the news ("repeated raids raise the
#: prospect of endless war", "the withdrawal hints at what comes next", "the attack complicates talks").
_COMMENT_PREDICATES = frozenset({"hint", "point", "complicate", "pose", "test", "reshape", "shape", "cloud",
                                 "overshadow", "haunt", "expose", "signal", "mean", "deepen", "divide", "cast",
                                 "underscore", "highlight", "illustrate", "reflect", "show", "suggest", "reveal",
                                 "mark", "herald", "foreshadow", "redefine", "change", "transform", "leave",
                                 "teach", "offer", "serve", "prove", "remain", "seem", "appear", "look"})
#: What a predicate of comment raises: "raise the prospect", "spark fears", "fuel questions".
_MENTAL_OBJECTS = frozenset({"prospect", "fear", "concern", "question", "doubt", "hope", "worry", "alarm",
                             "specter", "spectre", "debate", "speculation", "eyebrow", "suspicion", "issue",
                             "stake", "risk", "possibility", "lesson", "challenge", "dilemma", "problem"})
#: Verbs of undergoing: "Palestinians face Israeli fire" -- the object's author acts on the subject.
_UNDERGO = frozenset({"face", "endure", "suffer", "come"})
#: Settings of killings at aid sites, where force is implied though no attack is named.
_AID_SCENES = frozenset({"convoy", "distribution", "queue", "line", "crowd", "truck", "airdrop", "site", "point",
                         "hub", "centre", "center"})
_AID_WORDS = frozenset({"aid", "food", "flour", "relief", "humanitarian", "convoy", "airdrop"})
#: Talks or deals that stall or collapse: a failure to agree.
_STALL = frozenset({"stall", "collapse", "falter", "founder", "fail", "break", "deadlock", "stagnate"})
#: Words that qualify an act as a violation: a speaker who reports it accuses.
_VIOLATION_MODS = frozenset({"banned", "illegal", "unlawful", "prohibited", "indiscriminate", "disproportionate",
                             "outlawed", "forbidden", "excessive"})
_CLAIMING = frozenset({"claim", "accept", "take", "admit", "assume"})
_CLAIMED_ACTS = frozenset({"bombing", "shooting", "killing", "ambush", "abduction", "kidnapping", "assassination",
                           "massacre", "hijacking", "explosion", "blast", "barrage"})
#: Objects of a symbolic protest: "laid flowers", "lit candles", "held placards", "unfurled a banner".
_SYMBOLS = frozenset({"flower", "wreath", "candle", "placard", "banner", "poster", "sign", "portrait"})
_PREVENT = frozenset({"ban", "prohibit", "outlaw", "prevent", "forbid", "cancel", "block", "thwart", "foil", "stop"})
_MINE_STEPS = frozenset({"step", "tread"})
_ORDER_VERBS = frozenset({"order", "tell", "direct", "instruct", "command"})
#: Leaving a country: an envoy ordered to do it is expelled.
_DEPART = frozenset({"leave", "depart", "quit", "exit"})
#: What a promise of is a threat: "promises revenge".
_VENGEANCE = frozenset({"retaliation", "revenge", "reprisal", "punishment", "vengeance"})
#: Adopting a measure by vote: a body that fails to do it has voted it down.
_ADOPTING = frozenset({"adopt", "pass", "approve", "ratify", "endorse"})
#: Verbs of pressing someone to act: "pushes Hamas to accept the deal" asks for the act, it does not agree to it.
_PRESSING_VERBS = frozenset({"push", "press", "pressure", "pressurise", "pressurize", "urge", "lobby", "nudge",
                             "prod", "implore", "encourage", "ask", "beg", "invite", "call"})
#: What an authority orders people or organisations to stop doing: an order of restriction, not a request.
_CEASE = frozenset({"stop", "cease", "close", "halt", "suspend", "shut", "vacate", "quit", "end", "dismiss"})
_ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "bombing", "bombardment", "shelling", "raid", "assault",
                           "offensive", "incursion", "invasion", "onslaught"})


def cameo_root(type_: str, mode: str | None) -> str:
    """The CAMEO root code (two digits) of a PLOVER type and mode, consistent with the 2021 crosswalk."""
    return cameo_code({"type": type_, "mode": mode})[:2]


def _lemma(tok: Any) -> str:
    lem = tok.lemma_.lower()
    if tok.tag_ == "NNS" and tok.dep_ == "ROOT" and lem not in VERBS:
        low = tok.lower_  # a headline verb read as a plural noun: "UN chief decries ..."
        for cand in (low[:-3] + "y" if low.endswith("ies") else "", low[:-1] if low.endswith("s") else "",
                     low[:-2] if low.endswith("es") else ""):
            if cand and cand in VERBS and cand not in NOUNS:
                return cand
    if tok.pos_ == "PROPN" or (tok.is_title and lem == tok.lower_):
        low = tok.lower_
        for cand in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "",
                     low[:-3] + "y" if low.endswith("ies") else "", low[:-2] if low.endswith("ed") else "",
                     low[:-1] if low.endswith("ed") else "", low[:-3] if low.endswith("ing") else ""):
            if cand and (cand in VERBS or cand in NOUNS):
                return cand
        return low
    if tok.pos_ == "VERB" and lem in VERBS and VERBS[lem][0] is None and tok.lower_.endswith("ed") and \
            tok.lower_[:-1] != lem and (VERBS.get(tok.lower_[:-1]) or (None,))[0] is not None:
        return tok.lower_[:-1]  # "raped" read as "rap"
    if tok.pos_ in ("VERB", "AUX") and lem not in VERBS and lem not in LIGHT_VERBS and lem != tok.lower_:
        low = tok.lower_  # the lemmatiser's slips: "staged" -> "stag"
        for cand in (low[:-1] if low.endswith("ed") else "", low[:-3] + "e" if low.endswith("ing") else "",
                     low[:-1] if low.endswith("s") else ""):
            if cand and (cand in VERBS or cand in LIGHT_VERBS):
                return cand
    return lem


def _headline_noun_verb(tok: Any) -> bool:
    """A headline's verb the parser tagged as a plural noun at the root, after its subject, with a clause or
    object after it ("UN chief decries killing of aid workers")."""
    return tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.i > tok.sent.start and _lemma(tok) in VERBS and \
        _lemma(tok) not in NOUNS and any(ch.i > tok.i and ch.dep_ in ("xcomp", "dobj", "ccomp", "prep")
                                        for ch in tok.children)


def _subject_misread_verb(tok: Any, index: dict) -> bool:
    """A headline verb the parser read as a plural noun subject of the next word ("Netanyahu rejects(nsubj)
    halt(ROOT) without ..."): right after an actor, its stem a lexicon verb and no event noun, its head the
    very next word."""
    if tok.tag_ not in ("NNS", "NNPS") or not tok.lower_.endswith("s") or tok.dep_ not in ("nsubj", "compound") or \
            tok.head.i != tok.i + 1 or tok.i == tok.sent.start:
        return False
    lem = _lemma(tok)
    if lem not in VERBS or lem in NOUNS or lem in TOLL_NOUNS:
        return False
    prev = tok.doc[tok.i - 1]
    named = bool(index.get(prev.i)) or any(a.start is not None and a.start < tok.idx for a in index.get(tok.i, []))
    return named and prev.pos_ in ("PROPN", "NOUN") and prev.head.i == tok.i


def _in_class(tok: Any, key: str) -> bool:
    cls = OBJECT_CLASSES.get(key)
    lem = _lemma(tok)
    if cls is None:
        return lem == key or any(_lemma(c) == key for c in tok.children if c.dep_ == "compound")
    if key == "MILOP" and any(_lemma(c) in _CIVIL_OPS for c in tok.children if c.dep_ in ("compound", "amod")):
        return False  # "cargo operations", "rescue operation"
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if key in ("PROTESTN", "PROTESTCALL", "STRIKE") and mods & _NOT_PROTEST:
        return False  # "an election rally", "a campaign rally"
    if key == "TALKS" and mods & {"press", "news", "donor", "academic", "party", "climate", "investment"}:
        return False  # "a press conference", "a donor conference": no negotiation between parties
    if key == "PROTESTCALL" and lem == "strike" and mods & _STRIKE_MODS:
        return True  # "a general strike", but "strikes on Hezbollah"
    if lem in cls or tok.lower_ in cls:  # ("phosphorus" -> "phosphoru")
        return True
    if key == "PEOPLE" and tok.ent_type_ in ("PERSON", "NORP"):
        return True
    if key == "AID" and tok.ent_type_ == "MONEY" and tok.pos_ in ("NOUN", "NUM", "SYM"):
        return True  # "released 20 million euros", "deposited $3 billion"
    if lem.endswith("s") and lem[:-1] in cls:
        return True
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in cls for c in tok.children) and key in (
        "MILOP", "AID", "PROBE", "TALKS", "CASUALTY", "SUSPECT")


_AID_PURPOSE_VERBS = frozenset({"deliver", "distribute", "airdrop", "drop", "carry", "bring", "ferry", "fly",
                                "transport", "provide", "supply", "evacuate", "rescue"})


def _aid_purpose(v: Any) -> bool:
    """Whether a deployment's purpose clause carries aid or evacuates people ("deploys aircraft to deliver
    urgent aid", "sends ships to evacuate the wounded")."""
    for c in v.children:
        if c.dep_ in ("xcomp", "advcl") and _lemma(c) in _AID_PURPOSE_VERBS and \
                any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            if _lemma(c) in ("evacuate", "rescue") or any(_in_class(o, "AID") for o in _objects(c)):
                return True
    return False


def _objects(v: Any) -> list[Any]:
    """The object heads of a verb: direct object, passive subject, attribute, object of its first prep."""
    out = []
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative") or (c.dep_ == "appos" and c.i > v.i):
            out.append(c)
            out.extend(c.conjuncts)
    if not out and v.lemma_.lower() == "let":  # "let inspectors resume visits": who is let
        out.extend(g for c in v.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj")
    for o in list(out):
        if o.lemma_.lower() in _HOLDING:  # "took control of the crossing": the crossing
            out.extend(g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj")
        if o.lemma_.lower() in _SCHEDULES:  # "sets a date for the offensive": the offensive
            out.extend(g for p in [*o.children, *v.children] if p.dep_ == "prep" and p.lower_ == "for"
                       for g in p.children if g.dep_ == "pobj")
        if o.lemma_.lower() in _MEASURE:
            out.extend(g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj")
    if not out:
        for c in v.children:
            if c.dep_ in ("prep", "prt"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
    if not out and v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children) and \
            _is_headline(v.sent):
        # a headline's passive without its auxiliary: "Gaza truce extended by a day" -- the parser's
        # subject is the thing acted on
        out.extend(c for c in v.children if c.dep_ == "nsubj")
    if not out and (v.dep_ == "acl" or _denied_gerund(v) or _subject_amod(v)):
        out.append(v.head)
    return out


def _visited_place(v: Any, index: dict) -> bool:
    """A verb of travel with a destination that is a country, city or named actor ("lands in Israel", "travels
    to Cairo"), not a home village, a hospital or "flood-hit areas"."""
    return any(p.dep_ == "prep" and p.lower_ in ("to", "in", "into", "at") and any(
        g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC") or any(a.code for a in index.get(g.i, [])))
        for g in p.children) for p in v.children) or any(
        o.dep_ == "dobj" and o.ent_type_ == "GPE" for o in v.children)


def _subject_amod(v: Any) -> bool:
    """A finite verb the parser hung on its object as a modifier, keeping its subject: "Al-Shabaab seized(amod)
    control of the town"."""
    return v.dep_ == "amod" and v.tag_ == "VBD" and v.i < v.head.i and any(ch.dep_ == "nsubj" for ch in v.children)


def _has_child(v: Any, word: str) -> bool:
    if any(c.lower_ == word and c.dep_ in ("prt", "prep", "advmod", "acomp", "dobj", "npadvmod", "agent", "oprd",
                                           "ccomp", "conj")
           for c in v.children):
        return True
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    if nxt is not None and nxt.lower_ == word and nxt.dep_ in ("amod", "xcomp", "advmod") and nxt.pos_ in (
            "ADJ", "ADV", "VERB"):
        return True  # "set free 15 sailors" (free read as the object's modifier), "let go 121 peacekeepers"
    # "calling for the president to resign": "for" marks the complement clause
    return word == "for" and any(c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > v.i and any(
        g.lower_ == "for" and g.dep_ == "mark" for g in c.children) for c in v.children)


class _Cand:
    __slots__ = ("anchor", "tok", "type", "mode", "rule", "nominal", "score", "must", "tok_subject", "speaker")

    def __init__(self, anchor: Any, tok: Any, type_: str, mode: str | None, rule: str, nominal: bool,
                 score: float) -> None:
        self.anchor = anchor  # the verb (or noun) whose place in the tree decides
        self.tok = tok  # the trigger token
        self.type = type_
        self.mode = mode
        self.rule = rule
        self.nominal = nominal
        self.score = score
        self.must = False
        self.tok_subject: Any = None
        self.speaker: Any = None  # who says it, when not the anchor's subject ("X must stop - UN chief")


class EventCoder(Component):
    name = "events"
    requires = ("sentences", "actors")
    assigns = ("events",)

    def __call__(self, article: Article, doc: Any) -> Article:
        index = _actor_index(article, doc)
        events: list[Event] = []
        for sent in article.sentences:
            span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if _commentary_line(article.text, sent.start):
                continue  # "Opinion | ...", "Editorial: ...", "... - Haaretz Editorial": every sentence of it
            events.extend(self._code_sentence(article, span, index, sent.index))
        article.events = events
        return article

    # -- triggers --------------------------------------------------------------------------------------
    def _verb_sense(self, v: Any, index: dict) -> tuple[tuple[str, str | None] | None, str] | None:
        if _lemma(v) in _ORDER_VERBS and any(_lemma(c) in _CEASE and c.dep_ in ("xcomp", "advcl") and c.i > v.i
                                             for c in v.children) and not any(
                a.sector in ("GOV", "MIL", "IGO") or (a.code and not a.sector) for o in _objects(v)
                for a in _arg_actors(o, index, deep=False)) and any(
                a.sector in ("GOV", "COP", "MIL", "JUD", "REB") for a in _arg_actors(_subject(v), index, deep=False)):
            return ("COERCE", "restrict"), f"{_lemma(v)}+to-stop"  # "the ministry ordered NGOs to stop employing women"
        if _lemma(v) in _ORDER_VERBS and any(c.dep_ == "xcomp" and _lemma(c) in _DEPART for c in v.children) and \
                any(_in_class(o, "ENVOYS") for o in _objects(v) if o.dep_ == "dobj"):
            return ("SANCTION", "expel"), f"{_lemma(v)}@ENVOYS+to-leave"  # "ordered the ambassador to leave"
        if _lemma(v) == "declare" and any(t.lower_ == "grata" for t in v.subtree):
            return ("SANCTION", "expel"), "declare+persona-non-grata"  # "declared two diplomats persona non grata"
        if _lemma(v) == "take" and _has_child(v, "over") and any(
                c.dep_ == "dobj" and not _in_class(c, "TERRITORY") for c in v.children) and (
                (subj := _subject(v)) is not None and (_in_class(subj, "TROOPS") or any(
                    a.sector in ("MIL", "COP", "REB") for a in _arg_actors(subj, index, deep=False)))):
            if any(c.dep_ == "dobj" and c.pos_ == "PROPN" and (c.ent_type_ in ("GPE", "LOC") or any(
                    place_only(a) for a in index.get(c.i, []))) for c in v.children):
                return ("ASSAULT", "ground"), "take+over@place"  # "rebels took over Rubaya": seizing a town
            if any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in v.children):
                return ("COERCE", "seize"), "take+over"  # "troops took over the gas fields" (a town: @TERRITORY)
        if _lemma(v) == "go" and any(c.lower_ == "let" and c.dep_ == "aux" for c in v.children) and any(
                c.dep_ == "dobj" for c in v.children):
            return ("RETREAT", "release"), "let+go"  # "let go 40 soldiers", "let" read as go's auxiliary
        if _lemma(v) == "say" and _has_child(v, "to") and any(
                c.dep_ in ("dobj", "intj") and c.lower_ == "no" and not list(c.children) for c in v.children):
            return ("REJECT", None), "say+no-to"  # "says no to peacekeepers"
        if _lemma(v) == "insist" and any(p.dep_ == "prep" and p.lower_ == "on" and any(
                g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in p.children)
                for p in v.children):
            return ("REQUEST", None), "insist+on"  # "insists on a full withdrawal" (not "insisted on Thursday")
        if _lemma(v) in ("withdraw", "pull", "walk") and any(
                p.lower_ in ("from", "of", "out", "away") and (p.dep_ == "prep" or _lemma(v) == "walk") and any(
                    g.dep_ == "pobj" and (_in_class(g, "DEAL") or _in_class(g, "TRUCE") or (
                        _lemma(v) == "walk" and _in_class(g, "TALKS"))) and not _in_class(g, "BLOC")
                    for x in (p, *(q for q in p.children if q.dep_ == "prep")) for g in x.children)
                for p in v.children):
            return ("REJECT", None), f"{_lemma(v)}+from-deal"  # "pulls out of the grain deal", "walks away from talks"
        if _lemma(v) in ("promise", "pledge") and any(
                c.dep_ == "dobj" and (_in_class(c, "MILOP") or _lemma(c) in _VENGEANCE) for c in v.children):
            return ("THREATEN", None), f"{_lemma(v)}+attack"  # "promises more strikes", "pledges revenge"
        if _lemma(v) == "fail" and any(c.dep_ == "xcomp" and _lemma(c) in _ADOPTING for c in v.children):
            return ("REJECT", None), "fail+to-adopt"  # "the council failed to adopt the draft": voted it down
        if _lemma(v) in _ORDER_VERBS | _PRESSING_VERBS and any(c.dep_ == "dobj" for c in v.children) and any(
                c.dep_ == "xcomp" and c.i > v.i for c in v.children):
            return ("REQUEST", None), f"{_lemma(v)}+to"  # "ICJ orders Israel to take action", "tells X to leave"
        if any(ch.dep_ == "prep" and ch.lower_ == "in" and any(
                g.dep_ == "pobj" and _lemma(g) in ("protest", "solidarity") for g in ch.children) for ch in v.children):
            return ("PROTEST", "demonstrate"), f"{_lemma(v)}+in-protest"  # "resigned in protest", "shops shut in protest"
        if any(ch.dep_ == "prep" and ch.lower_ in ("to", "into", "onto") and any(
                g.dep_ == "pobj" and g.lower_ == "streets" for g in ch.children) for ch in v.children) and not any(
                _lemma(ch) in _FESTIVE for ch in v.subtree if ch.pos_ in ("VERB", "NOUN")) and not any(
                a.sector in ("MIL", "COP", "REB", "GOV") for a in _arg_actors(_subject(v), index, deep=False)):
            return ("PROTEST", "demonstrate"), f"{_lemma(v)}+to-streets"  # "took to the streets"
        if _lemma(v) in ("call", "deem", "brand", "label", "describe", "term", "dismiss", "consider") and any(
                ch.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "attr") and _lemma(ch) in _DISMISSIVE or (
                    ch.dep_ == "prep" and ch.lower_ == "as" and any(_lemma(g) in _DISMISSIVE for g in ch.children))
                for ch in v.children):
            if any(_in_class(o, "DEAL") or _in_class(o, "TRUCE") or _in_class(o, "TALKS") or
                   _lemma(o) in ("demand", "request", "call", "condition") for o in _objects(v)):
                return ("REJECT", None), f"{_lemma(v)}+dismissive"  # "calls the proposal unworkable"
            return ("ACCUSE", None), f"{_lemma(v)}+dismissive"
        if _lemma(v) in REPORTING_VERBS | {"call", "deem", "brand", "label", "term", "describe"} and any(
                (g.dep_ in ("appos", "oprd", "attr") or (g.dep_ == "ccomp" and g.pos_ == "NOUN") or (
                    g.dep_ == "dobj" and g.head.i == v.i and any(
                    o.dep_ in ("dobj", "dative") and o.i < g.i for o in v.children))) and _lemma(g) in _CONDEMNING
                for g in [*v.children, *(x for ch in v.children if ch.dep_ in ("dobj", "ccomp") for x in ch.children)]):
            return ("ACCUSE", None), f"{_lemma(v)}+condemning"  # "says blocked aid a 'moral outrage'"
        if _lemma(v) == "be" and any(ch.dep_ == "acomp" and _lemma(ch) in _UNTRUE for ch in v.children) and any(
                ch.dep_ == "nsubj" and (_lemma(ch) in CLAIM_NOUNS | _CLAIMS) for ch in v.children):
            return ("REJECT", None), "be+untrue"  # "'The assertion is incorrect'", "says the Russian claim is false"
        if _lemma(v) in REPORTING_VERBS | {"insist", "vow"} and any(
                any(d.dep_ == "det" and d.lower_ == "no" for d in ch.children) and
                any(p.dep_ == "prep" and p.lower_ in ("without", "until", "unless") for p in ch.children)
                for ch in v.children if ch.pos_ == "NOUN"):
            return ("REQUEST", None), f"{_lemma(v)}+no-without"  # "says no reconstruction without disarmament"
        if _lemma(v) in REPORTING_VERBS:
            judged = _dismissed(v)
            if judged is not None:
                return judged, f"{_lemma(v)}+dismissive"
        if _lemma(v) in _FIRING and (means := _objects(v)) and all(
                {_lemma(x) for x in o.subtree if x.i <= o.i} & _CROWD_CONTROL for o in means):
            return ("COERCE", "restrict"), f"{_lemma(v)}@crowd-control"  # "fired tear gas and stun grenades"
        if _lemma(v) in _AUTHORISING and any(
                (_lemma(x) in ("send", "deploy", "dispatch") and any(_in_class(y, "TROOPS") for y in _objects(x))) or
                (_in_class(x, "DEPLOYMENT") and x.head.i != v.i and _lemma(x.head) in _AUTHORISING)
                for o in _objects(v) for x in o.subtree):
            return ("MOBILIZE", "troops"), f"{_lemma(v)}+deployment"  # "approved a motion to send troops"
        entry = VERBS.get(_lemma(v))
        if entry is None:
            return None
        if _lemma(v) in ("ask", "wonder") and _asks_question(v):
            return None  # "grieving villagers ask why", "refugees ask if they will return": a question, no demand
        default, keyed = entry
        objs = None
        for key, sense in keyed:
            kind, word = key[0], key[1:]
            hit = False
            if kind == "+":
                hit = _has_child(v, word)
            elif kind == "@":
                if objs is None:
                    objs = _objects(v)
                hit = any(_in_class(o, word) for o in objs)
            elif kind == "%":  # "receives Orban": the object itself a named actor of that sector
                if objs is None:
                    objs = _objects(v)
                hit = any(a.sector == word for o in objs for t in (o, *(c for c in o.children if c.dep_ == "compound"))
                          for a in index.get(t.i, []))
            elif kind == ">":  # "put on alert", "hit with sanctions", "took control of a factory"
                if objs is None:
                    objs = _objects(v)
                hit = any(_in_class(g, word) for h in (v, *objs) for p in h.children if p.dep_ in ("prep", "agent")
                          for g in p.children if g.dep_ == "pobj")
            elif kind == "~":
                subj = _subject(v)
                if subj is not None and subj.lemma_.lower() in _MEASURE:  # "a million pounds of aid moved in"
                    subj = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for g in p.children if g.dep_ == "pobj"), subj)
                hit = subj is not None and _in_class(subj, word)  # "the Rafah crossing opens"
            elif kind == "^":
                subj = _subject(v)
                hit = subj is not None and any(a.sector == word for a in _arg_actors(subj, index, deep=False))
                if not hit and subj is not None and word in ("LAB", "CVL", "EDU", "HLH", "AGR"):
                    hit = head_sector(subj) == word
                if hit and sense == ("CONSULT", "visit"):
                    hit = _visited_place(v, index)  # "the minister flew to Moscow", not "... to his home village"
            if hit:
                return sense, f"{_lemma(v)}{key}"
        return default, _lemma(v)

    def _noun_sense(self, n: Any) -> tuple[tuple[str, str | None] | None, str] | None:
        entry = NOUNS.get(_lemma(n))
        if entry is None and n.dep_ == "pobj" and n.head.lower_ in ("under", "amid", "to", "of") and \
                _in_class(n, "WEAPON") and _named_author(n):
            return ("ASSAULT", None), f"{_lemma(n)}+author"  # "closes due to Russian bombs", "under Israeli fire"
        if entry is None:
            doc = n.doc  # "sit - in", "stay - away": a hyphenated noun the tokenizer split
            joined = f"{doc[n.i - 2].lower_}-{n.lower_}" if n.i >= 2 and doc[n.i - 1].text == "-" else ""
            return (NOUNS[joined][0], joined) if joined in NOUNS else None
        default, keyed = entry
        mods = {_lemma(c) for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        if default is not None and default[0] == "AID" and mods & _BLOCKING:
            return ("COERCE", "restrict"), f"{_lemma(n)}+blocked"  # "blocked aid", "withheld food": aid kept out
        if _lemma(n) == "strike" and not mods & {"hunger", "general", "worker"} and (
                n.tag_ in ("NNS", "NNPS") or _named_author(n)):
            return ("ASSAULT", "air"), "strikes"  # "strikes" in war reporting, "an Israeli strike": attacks
        for key, sense in keyed:
            if key.startswith("+"):
                if _has_child(n, key[1:]):
                    return sense, f"{_lemma(n)}{key}"
            elif key in mods:
                return sense, f"{key} {_lemma(n)}"
        return default, _lemma(n)

    def _candidates(self, span: Any, index: dict) -> list[_Cand]:
        cands: list[_Cand] = []
        headline = _is_headline(span)
        misread: set[int] = set()
        for tok in span:
            if tok.ent_type_ in ("DATE", "TIME") or tok.i in misread:
                continue  # "March 13, 2024", "May 5"; a noun the parser took for the verb of a misread one
            if headline and _subject_misread_verb(tok, index):
                sense = _linear_sense(tok, span, VERBS[_lemma(tok)])
                if sense is not None:  # "Netanyahu rejects(NNS) halt(VBP) without ...": rejects is the verb
                    misread.add(tok.head.i)
                    cands.append(_Cand(tok, tok, sense[0], sense[1], f"headline-verb:{_lemma(tok)}", False, 1.0))
                    continue
            nxt = span.doc[tok.i + 1] if tok.i + 1 < span.end else None
            if headline and tok.tag_ == "VBZ" and nxt is not None and nxt.lower_ in _STALL and \
                    (NOUNS.get(tok.lower_[:-1], (None, []))[0] or ("",))[0] in ("CONSULT", "AGREE"):
                cands.append(_Cand(tok, tok, "REJECT", None, f"noun:{tok.lower_}:stall", True, 1.0))
                continue  # "Ceasefire talks(VBZ) stall over ...": the talks stall
            if headline and tok.dep_ == "ROOT" and tok.lower_ in _STALL and tok.pos_ == "NOUN":
                talks = next((ch for ch in tok.children if ch.dep_ == "compound" and (
                    NOUNS.get(_lemma(ch), (None, []))[0] or ("",))[0] in ("CONSULT", "AGREE")), None)
                if talks is not None:  # "Hostage talks stall(NOUN) in Doha"
                    cands.append(_Cand(tok, talks, "REJECT", None, f"noun:{_lemma(talks)}:stall", True, 1.0))
                    continue
            verbish = tok.pos_ in ("VERB", "AUX") or (headline and tok.tag_ in ("VBZ", "VBD", "VBP", "VB")) or (
                headline and _headline_noun_verb(tok))
            if verbish or (headline and tok.pos_ == "PROPN" and tok.dep_ in ("ROOT", "ccomp", "conj")):
                vs = self._verb_sense(tok, index)
                if vs is not None and (vs[0] is None or vs[0][0] == "SANCTION") and _lemma(tok) in _REVOKING and \
                        _after_pressure(tok) and _objects(tok):
                    vs = ("CONCEDE", None), f"{_lemma(tok)}+after-pressure"  # "cancels the contract after protests"
                if vs is not None and vs[0] is not None:
                    (t, m), rule = vs[0], vs[1]
                    if (tok.dep_ in ("amod",) and not _denied_gerund(tok) and not _subject_amod(tok)) or (
                            tok.dep_ == "acl" and tok.tag_ == "VBN" and not _headline_predicate(tok, headline)
                            and not _finite_acl(tok)):
                        continue  # "hostages held by", "people killed in": background
                    if _adjectival(tok):
                        continue  # "occupied Palestinian territory", "besieged Gaza", "mass graves"
                    if headline and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ in (
                            "nsubj", "nsubjpass") and _lemma(tok.head) not in PROTESTERS:
                        continue  # "groups urging a truce are outmatched": who the subject is, not what happened
                    if t in ("RETREAT", "AGREE") and _after_pressure(tok):
                        t, m, rule = "CONCEDE", None, f"{rule}+after-pressure"  # "lets ships sail after an appeal"
                    cands.append(_Cand(tok, tok, t, m, f"verb:{rule}", False, 1.0))
                    continue
            if headline and tok.lower_ in ("dead", "injured", "wounded") and tok.pos_ in ("ADJ", "NOUN") and any(
                    ch.dep_ == "prep" and ch.lower_ in ("in", "by", "after", "during") and _pobj_is_attack(ch) and
                    any(_named_author(g) for g in ch.children if g.dep_ == "pobj")
                    for ch in [*tok.children, *(tok.head.children if tok.dep_ == "amod" else [])]):
                cands.append(_Cand(tok, tok, "ASSAULT", None, "toll:dead-in-attack", False, 0.9))
                continue  # "50 dead in Israeli strikes on Gaza hospitals"
            if headline and tok.tag_ in ("JJ", "NN") and tok.dep_ in ("amod", "compound", "nmod") and \
                    tok.head.dep_ == "ROOT" and tok.head.pos_ == "NOUN" and tok.i > span.start and \
                    (index.get(tok.i - 1) or head_sector(span.doc[tok.i - 1])) and \
                    span.doc[tok.i - 1].head.i == tok.head.i and _lemma(tok) in VERBS:
                sense = _linear_sense(tok, span, VERBS[_lemma(tok)])  # "Police clear(JJ) encampment at ..."
                if sense is not None:
                    cands.append(_Cand(tok.head, tok, sense[0], sense[1], f"headline-verb:{_lemma(tok)}", False, 1.0))
                    continue
            if tok.pos_ in ("NOUN", "PROPN") and not verbish:
                ns = self._noun_sense(tok)
                if ns is None or ns[0] is None:
                    continue
                (t, m), rule = ns[0], ns[1]
                anchor, how = _nominal_anchor(tok, index, headline)
                if anchor is None:
                    continue
                if how == "toll" and t != "ASSAULT":  # "the toll from the Jabalia strike": an attack
                    t, m = "ASSAULT", "air" if _lemma(tok) in ("strike", "airstrike") else None
                if t == "COERCE" and any(ch.dep_ == "amod" and _lemma(ch) in _DEADLY for ch in tok.children):
                    t, m = "ASSAULT", "ground"  # "deadly raids on Jenin": a raid that kills is an assault
                if anchor.i != tok.i and _lemma(anchor) in _ENDING and t in HOSTILE:
                    continue  # "action to stop the killing", "halt the offensive": the act is what is to end
                # a light verb with its own sense wins ("impose sanctions", "reach a deal")
                if anchor.i != tok.i and anchor.pos_ in ("VERB", "AUX"):
                    vs = self._verb_sense(anchor, index)
                    if vs is not None and vs[0] is not None:
                        continue  # the verb itself is a candidate
                score = 0.9 if how == "light" else 0.6
                cands.append(_Cand(anchor, tok, t, m, f"noun:{rule}:{how}", True, score))
        return cands

    # -- one sentence ------------------------------------------------------------------------------
    def _code_sentence(self, article: Article, span: Any, index: dict, sent_index: int) -> list[Event]:
        if span.text.rstrip().endswith("?"):
            return []  # a question is not a report
        headline = _is_headline(span)
        if headline and _commentary_headline(span):
            return []  # explainer, opinion, live blog, picture story: no event
        root = span.root
        subj = _subject(root)
        if subj is not None and subj.text == "I" and root.pos_ in ("VERB", "AUX") and \
                _lemma(root) not in REPORTING_VERBS:
            return []  # the writer's own voice: "I endured the war for two years"
        if subj is not None and _lemma(subj) in COMMENTATORS and not any(
                (resolve_actor_text(x.text) or Actor(text="")).code in ("IGO", "NGO") or x.lower_ == "rights"
                for x in subj.lefts):
            return []  # "analysts say ...", but "UN experts accuse ..." speak for a body
        cands = self._candidates(span, index)
        for extra in (_must_request(span), _foretold_consequence(span, index), _foretold_duration(span, index),
                      _foretold_harm(span, index), _alleged_crime(span), _must_headline(span, index, article.text),
                      _crime_predicate(span, index), _imperative_request(span, index), _behind_act(span, index)):
            if extra is not None:
                cands.append(extra)
        if not cands:
            ev = self._headline_linear(article, span, index, sent_index) if headline else None
            return [ev] if ev is not None else []
        vetoed = False
        while True:
            scored = self._score(cands, index, span)
            if not scored:
                if vetoed:
                    return []
                ev = self._headline_linear(article, span, index, sent_index) if headline else None
                return [ev] if ev is not None else []
            best = _prefer(scored, cands, index)
            _key, c, t, m, rule, anchor, conf = best
            if not _no_event_context(c, t, span, index):
                break
            # a toll, a danger or an accident is no event; another act reported with it may be ("dozens
            # killed as Israel carries out strikes", "UN warns of horror as Israel steps up assault"), but
            # not one among its own arguments ("killed in an Israeli strike")
            vetoed = True
            cands = [x for x in cands if x is not c and (x.must or not _inside(x.anchor, anchor) or
                                                         _in_own_clause(x.anchor, anchor)) and
                     not (x.nominal and _inside(x.tok, c.tok) and not _in_own_clause(x.tok, c.tok))]
        ev = self._make_event(article, span, index, sent_index, c, t, m, rule, anchor, conf)
        if ev is None:
            return []
        out = [ev]
        sent = article.sentences[sent_index]
        # (headlines only: in a report's body such a clause is mostly background told elsewhere, and
        # coders of wire sentences code the main act alone)
        other = self._other_clause(article, span, index, sent_index, best, scored, ev) if headline else None
        if other is not None and other.type == ev.type:
            out = [other]  # "Dozens killed as Israel pounds Rafah": the clause that names who did it
        elif other is not None:
            out.append(other)
        if headline:
            for added in (self._conjoined_act(article, span, index, sent_index, best, scored, ev),
                          self._alleged_act(article, span, index, sent_index, c, scored),
                          _reported_attack(c, ev, span, index), _protesters_request(c, t, ev, index),
                          _requesters_protest(c, ev, index),
                          _watchdog_accusation(anchor, ev, index)):
                if added is not None and added.type not in {e.type for e in out}:
                    added.sentence_index, added.start, added.end = sent_index, sent.start, sent.end
                    added.cameo = cameo_code(added)
                    out.append(added)
        second = _protest_of_repression(ev, c, anchor, span, index, scored)
        if second is not None:
            _fill_domestic(second.source, second.target, span, index)
            second.sentence_index, second.start, second.end = sent_index, sent.start, sent.end
            second.cameo = cameo_code(second)
            out.append(second)
        return out

    def _other_clause(self, article: Article, span: Any, index: dict, sent_index: int, best: tuple[Any, ...],
                      scored: list[tuple[Any, ...]], main: Event) -> Event | None:
        """A second act reported in a clause of its own, with its own subject ("Israel bombs central Gaza as
        mediators discuss a truce plan", "Israel unleashes attacks on Gaza as Hamas threatens hostages'
        lives"): the best candidate of another clause that is not a toll or a danger, of another type --
        or of the same type when the main event has no author and this clause names one ("Dozens killed
        as Israel pounds Rafah")."""
        main_clause = _clause_head(best[5])
        if main_clause is None:
            return None
        for x in scored:
            if x is best:
                continue
            _key, c, t, m, rule, anchor, conf = x
            head = _clause_head(anchor)
            if head is None or head.i == main_clause.i or c.must or (t == best[2] and main.source):
                continue
            if _inside(best[1].tok, head) or _conditional_clause(head) or _no_event_context(c, t, span, index):
                continue
            subj = _subject(head)
            named = {(a.code, a.sector) for a in _arg_actors(subj, index, deep=True)} if subj is not None else set()
            ev = self._make_event(article, span, index, sent_index, c, t, m, rule, anchor, conf)
            if ev is not None and any((a.code, a.sector) in named for a in ev.source):
                ev.rule = f"{ev.rule}+clause"
                return ev
        return None

    def _alleged_act(self, article: Article, span: Any, index: dict, sent_index: int, c: _Cand,
                     scored: list[tuple[Any, ...]]) -> Event | None:
        """The act a headline's allegation reports ("Israel still imposing 'unlawful' restrictions, UN office
        says"): besides the accusation, the act itself, coded from its own verb."""
        if not (c.must and c.rule.startswith("alleged:")):
            return None
        for x in scored:
            if x[1].tok.i == c.tok.i and not x[1].must and x[2] in ("ASSAULT", "COERCE", "SANCTION"):
                return self._make_event(article, span, index, sent_index, x[1], x[2], x[3], x[4], x[5], x[6])
        vs = self._verb_sense(c.tok, index)
        if vs is not None and vs[0] is not None and vs[0][0] in ("ASSAULT", "COERCE", "SANCTION"):
            (t, m), rule = vs[0], vs[1]
            own = _Cand(c.tok, c.tok, t, m, f"verb:{rule}+alleged", False, 0.8)
            return self._make_event(article, span, index, sent_index, own, t, m, own.rule, c.tok, 0.8)
        return None

    def _conjoined_act(self, article: Article, span: Any, index: dict, sent_index: int, best: tuple[Any, ...],
                       scored: list[tuple[Any, ...]], main: Event) -> Event | None:
        """A second act coordinated with the headline's main act: verbs sharing a subject ("X rejects the
        demands, closes the crossing"), or nouns sharing an author ("under Russian siege and shelling").  A
        coordinated noun with no author of its own takes the main act's actors."""
        top = best[1]
        for x in scored:
            if x is best or x[1].must or x[2] == best[2]:
                continue
            _key, c, t, m, rule, anchor, conf = x
            if not (c.tok.dep_ == "conj" and c.tok.head.i in (top.tok.i, best[5].i)) and not (
                    anchor.dep_ == "conj" and anchor.head.i in (top.tok.i, best[5].i)) and not (
                    _series_verb(anchor) and anchor.head.i in (top.tok.i, best[5].i)) and not (
                    _participle_act(anchor) and anchor.head.i in (top.tok.i, best[5].i) and not (
                        best[2] == "PROTEST" and t == "REQUEST")) and not (
                    ":setting" in rule and not _inside(top.tok, c.tok)):
                continue
            if _no_event_context(c, t, span, index) or "+neg" in rule:
                continue
            ev = self._make_event(article, span, index, sent_index, c, t, m, rule, anchor, conf)
            if c.nominal and ":setting" not in rule and not index.get(c.tok.i) and not any(
                    ch.dep_ in ("poss", "compound", "amod", "nmod") and _arg_actors(ch, index, deep=False)
                    for ch in c.tok.children):
                ev = ev or Event(type=t, sentence_index=sent_index, start=0, end=0, mode=m, trigger=Span(c.tok.idx, c.tok.idx +
                                                                                        len(c.tok.text), t),
                                 confidence=round(conf, 2), rule=rule)
                ev.source, ev.target = list(main.source), list(main.target)
            if ev is not None and (ev.source or ev.target):
                ev.rule = f"{ev.rule}+conj" if ":setting" not in rule else ev.rule
                return ev
        return None

    def _make_event(self, article: Article, span: Any, index: dict, sent_index: int, c: _Cand, t: str,
                    m: str | None, rule: str, anchor: Any, conf: float) -> Event | None:
        """The event of candidate ``c`` read as ``t``/``m``, with its actors; None when nobody identifiable
        did it."""
        t, m, rule = _actor_sense(c, anchor, t, m, rule)
        source, target = self._roles(c, anchor, index, span, t)
        if t == "ASSAULT" and _lemma(c.tok) == "clash" and source and target and all(
                a.sector in ("GOV", "LEG") for a in source) and any(a.sector in ("GOV", "LEG") for a in target):
            t, m, rule = "REJECT", None, f"{rule}+officials"  # "Netanyahu clashes with Biden over Rafah"
            target = [a for a in target if a.sector in ("GOV", "LEG")]
        if not target and t == "AID" and anchor.pos_ in ("VERB", "AUX"):  # "deposited $3 billion in Pakistan's
            target = [a for ch in anchor.children if ch.dep_ == "prep" and ch.lower_ in ("for", "in")  # central
                      for g in ch.children if g.dep_ == "pobj" for a in _arg_actors(g, index, deep=True)  # bank"
                      if a.code and a.code not in {x.code for x in source}][:1]
        if not target:
            target = _right_of_trigger(c, anchor, span, index, source, t)
        if not target and t == "CONCEDE" and any(a.code for a in source):
            # a concession with no one named is made at home ("withdrew the bill after protests")
            code = next(a.code for a in source if a.code)
            if code not in ("IGO", "NGO", "IMG"):
                target = [Actor(text="", code=code)]
        absent = _none_subject(anchor) and not c.nominal and t in HOSTILE
        if not source and not target and not absent:
            return None  # ("No rockets were fired from the territory": a report of absence needs no actor)
        _fill_domestic(source, target, span, index)
        if not any(a.code or a.sector for a in source + target) and not absent:
            return None  # nobody identifiable did it: an accident, a toll, a generic statement
        if not any(a.code for a in source + target) and not any(a.sector for a in source) and not absent:
            return None  # only an unnamed victim: a toll without a perpetrator
        source, target = _not_places(source, t, "source"), _not_places(target, t, "target")
        sent = article.sentences[sent_index]
        trig_end = c.tok.idx + len(c.tok.text)
        trig_start = c.tok.idx
        if c.anchor.i != c.tok.i and c.anchor.i < c.tok.i and c.tok.i - c.anchor.i <= 4:
            trig_start = c.anchor.idx
        ev = Event(type=t, sentence_index=sent_index, start=sent.start, end=sent.end, mode=m,
                   source=source, target=target, trigger=Span(trig_start, trig_end, t),
                   confidence=round(conf, 2), rule=rule)
        ev.cameo = cameo_code(ev)
        return ev

    def _score(self, cands: list[_Cand], index: dict, span: Any) -> list[tuple[Any, ...]]:
        """The candidates that survive composition, highest in the tree first."""
        anchors = {c.anchor.i: c for c in cands}
        scored: list[tuple[Any, ...]] = []
        for c in cands:
            res = self._compose(c, anchors, index)
            if res is None:
                continue
            t, m, rule, anchor, conf = res
            scored.append(((_depth(anchor, span), -conf, c.tok.i), c, t, m, rule, anchor, conf))
        scored.sort(key=lambda x: x[0])
        return scored

    def _headline_linear(self, article: Article, span: Any, index: dict, sent_index: int) -> Event | None:
        """Title-case headlines the parser mis-tags: "Syria Shells Rebel-Held Town": the first lexicon verb
        form after an actor, actors on its left as source, on its right (up to a comma) as target."""
        names = [(i, resolve_actor_text(span.doc[i].text)) for i in range(span.start, span.end)
                 if span.doc[i].is_title or span.doc[i].is_upper]
        named = {i: a for i, a in names if a is not None and (a.code or a.sector)}
        for tok in span:
            if tok.i in named or not tok.is_alpha or not any(i < tok.i for i in named):
                continue
            prev = span.doc[tok.i - 1]
            plural_subject = (prev.tag_ in ("NNS", "NNPS") and prev.lower_.endswith("s")) or (
                prev.i in named and any(span.doc[k].lower_ == "and" and k - 1 in named
                                        for k in range(max(span.start, prev.i - 3), prev.i))) or (
                prev.lower_ in _COLLECTIVE_FORCES and prev.i - 1 in named)  # "Mozambique police fire(NN) tear gas"
            if tok.i - max(i for i in named if i < tok.i) > 3 or not (
                    tok.tag_.startswith("VB") or (tok.tag_ in ("NNS", "NNPS") and tok.lower_.endswith("s"))
                    or (plural_subject and tok.tag_ in ("NN", "JJ"))):
                continue  # the verb follows its subject closely: "Turkey halts ...", "troops storm ..."
            entry = VERBS.get(_lemma(tok))
            if entry is None or (_adjectival(tok) and not (plural_subject and tok.tag_ == "NN")):
                continue
            if _linear_background(tok, span, named) or _in_question_clause(tok) or (
                    prev.lower_ in ("should", "must", "could", "may", "might")) or (
                    prev.lower_ == "to" and span.doc[prev.i - 1].lower_ == "unlikely") or (
                    prev.lower_ in _NEG or any(ch.dep_ == "neg" for ch in tok.children)) or (
                    _lemma(tok) in ("ask", "wonder") and _asks_question(tok)):
                continue  # "Hamas should free the hostages": an opinion
            sense = _linear_sense(tok, span, entry)
            if sense is None:
                continue
            t, m = sense
            source = [named[i] for i in sorted(named) if i < tok.i][-1:]
            if plural_subject and prev.i in named:  # "Israel and Hezbollah exchange fire": both
                source = [named[i] for i in sorted(named) if max(span.start, prev.i - 3) <= i < tok.i]
            target = []
            for j in range(tok.i + 1, span.end):
                if span.doc[j].text in (",", ":", ";"):
                    break
                if j in named:
                    target.append(named[j])
            if tok.tag_ == "VBN" and tok.i + 1 < span.end and span.doc[tok.i + 1].lower_ == "by" and target:
                source, target = target[:1], source  # "Palestinians killed by Israeli forces"
            sent = article.sentences[sent_index]
            for a in source + target:
                a.start, a.end = None, None
            ev = Event(type=t, sentence_index=sent_index, start=sent.start, end=sent.end, mode=m,
                       source=_dedupe(source), target=_dedupe(target),
                       trigger=Span(tok.idx, tok.idx + len(tok.text), t), confidence=0.5,
                       rule=f"headline:{_lemma(tok)}")
            ev.cameo = cameo_code(ev)
            return ev
        return None

    def _compose(self, c: _Cand, anchors: dict, index: dict) -> tuple[str, str | None, str, Any, float] | None:
        """Apply the governing context of a candidate: returns (type, mode, rule, anchor, confidence)."""
        t, m, rule, anchor, conf = c.type, c.mode, c.rule, c.anchor, c.score
        if c.must:
            return t, m, rule, anchor, conf
        # a headline's predicate participle decides over its root noun ("Gaza truce extended by a day")
        in_headline = _is_headline(anchor.sent)
        predicate = anchor.dep_ == "acl" and _headline_predicate(anchor, in_headline)
        if not predicate and any(ch.i in anchors and ch.i != anchor.i and ch.dep_ == "acl" and
                                 _headline_predicate(ch, in_headline) for ch in anchor.children):
            return None
        # absorbed by a governing candidate: the governor decides
        node = anchor
        while node.head.i != node.i and not predicate and ":setting" not in rule:
            up = node.head
            if in_headline and (_own_clause(node) or _series_verb(node) or _participle_act(node)):
                break  # "... as mediators discuss a plan": a clause with its own subject reports its own act
            if up.i in anchors and up.i != anchor.i and node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep",
                                                                     "pcomp", "advcl", "acl", "nsubj",
                                                                     "nsubjpass", "attr", "dative"):
                if not (_denial_of_act(up) and (node.dep_ in ("xcomp", "ccomp", "pcomp") or (
                        node.dep_ == "dobj" and _denied_gerund(anchor)))) and not (
                        _lemma(c.tok) in _MINE_STEPS and t == "ASSAULT"):
                    return None  # the governor is its own candidate and decides
            node = up
        lem = _lemma(anchor)
        if lem in _TOLL_VERBS and not c.nominal and any(
                _lemma(x.tok) in _MINE_STEPS and x.type == "ASSAULT" and _inside(x.anchor, anchor)
                for i, x in anchors.items() if i != anchor.i):
            return None  # "was wounded after stepping on a landmine": the mine is the act
        if _denial_of_act(anchor) and any(_inside(x.anchor, anchor) or _clause_under(x.anchor, anchor)
                                          for i, x in anchors.items() if i != anchor.i):
            return None  # "denied striking the hospital": the act is the event, with modality denied
        if anchor.head.pos_ == "NOUN" and _lemma(anchor.head) in CLAIM_NOUNS and (
                anchor.dep_ in ("acl", "ccomp") or (anchor.dep_ == "relcl" and t not in ("REJECT", "ACCUSE") and
                                                    not any(ch.lower_ in _REL_PRONOUNS for ch in anchor.children))):
            return None  # "claims (that) the army violated the truce": only claimed, the claim is the news
        if _in_question_clause(anchor):
            return None  # "to verify whether Israel used US arms": asked, not reported
        if _conditional_clause(anchor) and not c.must:
            return None  # "(would hit targets) if Israel attacked Lebanon": a condition, not a report
        if anchor.dep_ == "acl" and _lemma(anchor.head) in _PENDING_NOUNS | _STRIVING:
            return None  # "pressure to end the war grows", "hopes to reach a deal fade", "Putin's push to end the war"
        if c.nominal and _under_sought(anchor):
            return None  # "the movement to break the siege": the siege is what the title is about
        if anchor.dep_ == "pcomp" and anchor.head.lower_ in ("for", "over") and any(
                ch.lower_ in ("allegedly", "reportedly", "purportedly", "supposedly") for ch in anchor.children):
            return None  # "sanctions a site for allegedly supporting Hamas": the alleged conduct is the reason
        if _feared(anchor):
            return None  # "the EU is worried that Israel might extend the war": a fear, not an act
        if not c.nominal and t in HOSTILE and anchor.dep_ in ("xcomp", "dobj", "pcomp") and \
                _lemma(anchor.head) in _ENDING:
            return None  # "action to stop killing in Darfur": the act is what is to end
        if c.nominal and ":aspect" in rule and t in ("CONSULT", "AGREE") and _lemma(anchor) in _STALL:
            return "REJECT", None, f"{rule}+stall", anchor, conf  # "talks stall", "the deal collapsed"
        if c.nominal and ":aspect" in rule and t == "RETREAT" and m == "ceasefire" and \
                _lemma(anchor) in ("end", "expire", "collapse", "break", "lapse"):
            return None  # "the truce ended", "the pause expired": no truce in effect (strikes resuming are their own)
        if c.nominal and ":aspect" in rule and _lemma(anchor) in ("fail", "falter", "stall", "stagnate"):
            return None  # "vital aid fails to reach civilians": nobody acts, nobody refuses
        if c.nominal and ":aspect" in rule and t == "CONSULT" and _lemma(anchor) in ("end", "close", "conclude") and \
                any(ch.dep_ == "prep" and ch.lower_ == "without" for ch in anchor.children):
            return "REJECT", None, f"{rule}+without", anchor, conf  # "talks ended without agreement"
        if c.nominal and t == "COERCE" and m == "raid" and _lemma(anchor) in ("turn", "grow", "become", "intensify",
                                                                           "escalate", "rage"):
            return "ASSAULT", "ground", f"{rule}+intense", anchor, conf  # "raids turn deadly": violent raids
        # forces sent to carry aid: "deploys aircraft to deliver urgent aid" is aid, not a show of force
        if t == "MOBILIZE" and _aid_purpose(anchor):
            t, m, rule = "AID", None, f"{rule}+aid-purpose"
        # negation
        if any(ch.dep_ == "neg" or (ch.lower_ in _NEG and ch.dep_ in ("advmod", "det")) for ch in anchor.children):
            if any(ch.lower_ in ("can", "could", "ca") and ch.dep_ == "aux" for ch in anchor.children):
                return None  # "cannot evacuate": inability, not refusal
            if (c.nominal and ":aspect" in rule) or _conditional_clause(anchor):
                return None  # "aid not reaching Palestinians", "will die if not evacuated": nobody refuses
            if _negated_imperative(anchor):
                return "REQUEST", None, f"{rule}+dont", anchor, conf  # "'Don't talk about Kashmir'": a demand
            if t in COOPERATIVE and not _refusal(anchor, c):
                return None  # "the air force hasn't airdropped aid since June": an absence, nobody refuses
            if t in COOPERATIVE:
                return "REJECT", None, f"{rule}+neg", anchor, conf * 0.9
            # "no strikes were carried out", "officers had not used live ammunition": the act itself, with
            # modality negated (PROVENANCE.md); REJECT, THREATEN, ... stay what they are
            return t, m, f"{rule}+neg", anchor, conf * 0.9
        # complement of a governing verb of intent / failure / readiness ("prepared to resume shelling")
        while anchor.dep_ == "xcomp" and _lemma(anchor.head) in _ASPECT_XCOMP:
            anchor = anchor.head
        head = anchor.head
        if anchor.dep_ == "xcomp" and head.i != anchor.i:
            hl = _lemma(head)
            if hl == "fail" and t in COOPERATIVE:
                return "REJECT", None, f"fail+{rule}", head, conf
            if hl in ("refuse", "decline", "reject"):
                return "REJECT", None, f"{hl}+{rule}", head, conf
            if hl in ("threaten", "warn", "vow", "swear"):
                return "THREATEN", None, f"{hl}+{rule}", head, conf
            if hl in ("agree", "consent"):
                return "AGREE", None, f"{hl}+{rule}", head, conf
            if hl in ("demand", "urge", "ask", "call", "appeal", "press", "pressure", "pressurise", "pressurize"):
                return "REQUEST", None, f"{hl}+{rule}", head, conf
            if hl == "prepare" and t == "ASSAULT":
                return "MOBILIZE", m, f"prepare+{rule}", head, conf
            if hl in INTENT_VERBS or (head.pos_ == "ADJ" and hl in INTENT_ADJS):
                if t in COOPERATIVE:
                    return "AGREE", None, f"{hl}+{rule}", head, conf
                if t in HOSTILE and t != "MOBILIZE":
                    return "THREATEN", None, f"{hl}+{rule}", head, conf
            if hl == "unlikely":
                return None  # "Moscow is unlikely to agree to a ceasefire": a forecast, no act
            if hl in _EXPECT or head.lemma_ in _EXPECT:
                return t, m, f"{rule}+expected", head, conf
            if head.pos_ == "AUX" or hl in ("be",):
                pass
        # noun of intent: "signalled a readiness to escalate operations", "a plan to withdraw"
        if anchor.dep_ in ("acl", "xcomp") and head.pos_ == "NOUN" and _lemma(head) in INTENT_NOUNS:
            if t in COOPERATIVE:
                return "AGREE", None, f"{_lemma(head)}+{rule}", head, conf
            if t in HOSTILE and t != "MOBILIZE":
                return "THREATEN", None, f"{_lemma(head)}+{rule}", head, conf
        # readiness adjective: "is willing to withdraw" (xcomp of an ADJ acomp)
        if anchor.dep_ == "xcomp" and head.pos_ == "ADJ" and _lemma(head) in INTENT_ADJS:
            if t in COOPERATIVE:
                return "AGREE", None, f"{_lemma(head)}+{rule}", head.head, conf
            if t in HOSTILE:
                return "THREATEN", None, f"{_lemma(head)}+{rule}", head.head, conf
        # modal future / condition
        auxes = {ch.lower_ for ch in anchor.children if ch.dep_ in ("aux", "auxpass")}
        if anchor.dep_ in ("advcl", "xcomp") and "to" in auxes and anchor.head.i != anchor.i:
            auxes |= {ch.lower_ for ch in anchor.head.children if ch.dep_ == "aux"} & _FUTURE  # "will build a port
            # to deliver aid": the purpose is as future as its verb
        if auxes & {"should", "must", "ought"} and t not in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
            return None  # "Hamas should surrender": an opinion or a demand (REQUEST when someone says it)
        if c.nominal and ":aspect" in rule and auxes & _FUTURE and _lemma(anchor) in _ASPECTUAL:
            return t, m, f"{rule}+expected", anchor, conf  # "the truce will begin on Friday": a forecast
        headline_to = anchor.dep_ == "ROOT" and _is_headline(anchor.sent) and any(
            ch.dep_ == "aux" and ch.lower_ == "to" for ch in anchor.children)  # "Israel to pull troops"
        if headline_to and any(g.lower_ in _ORDERS_FORMS for ch in anchor.children if ch.dep_ == "nsubj"
                               for g in ch.children if g.dep_ == "compound"):
            return "REQUEST", None, f"order+{rule}", anchor, conf  # "Judge orders(compound) government to ..."
        if headline_to and t == "CONSULT" and not auxes & _FUTURE:
            return t, m, f"{rule}+expected", anchor, conf  # "MPs to hold a debate", "minister to visit Cairo": scheduled
        if auxes & _FUTURE or _going_to(anchor) or headline_to:
            if _conditional(anchor, ("unless",)):
                return "THREATEN", None, f"{rule}+unless", anchor, conf
            if t in COOPERATIVE:
                return "AGREE", None, f"{rule}+intent", anchor, conf
            if t in HOSTILE and t not in ("MOBILIZE",):
                return "THREATEN", None, f"{rule}+intent", anchor, conf
        if auxes & _HYPOTHETICAL:
            if t in ("ASSAULT", "COERCE") and _own_side_statement(anchor, index):
                return "THREATEN", None, f"{rule}+could", anchor, conf  # "Russia could use nuclear weapons, Medvedev said"
            conf *= 0.7  # "could impose a curfew if the unrest continues": the act itself, conditional
        # commentary: the trigger is inside the complement of a verb of analysis held by no actor
        node = anchor
        while node.head.i != node.i:
            up = node.head
            if up.pos_ in ("VERB", "AUX") and _lemma(up) in ANALYSIS_VERBS:
                s = _subject(up)
                if s is None or _lemma(s) in COMMENTATORS or not _arg_actors(s, index, deep=True):
                    if not (c.nominal and _has_actor_modifier(c.tok, index)):
                        return None
            node = up
        if c.nominal and lem == _lemma(c.tok) and anchor.i == c.tok.i and anchor.dep_ not in ("ROOT",):
            conf *= 0.8
        return t, m, rule, anchor, conf

    # -- roles -------------------------------------------------------------------------------------
    def _roles(self, c: _Cand, anchor: Any, index: dict, span: Any, type_: str) -> tuple[list[Actor], list[Actor]]:
        verb = anchor if anchor.pos_ in ("VERB", "AUX", "ADJ") else None
        source: list[Actor] = []
        target: list[Actor] = []
        placed: list[Actor] = []
        if c.must:
            spk = c.speaker if c.speaker is not None else _subject(anchor)
            source = _arg_actors(spk, index, deep=True) if spk is not None else []
            target = _arg_actors(c.tok_subject, index, deep=True) if c.tok_subject is not None else []
            if not target and c.tok_subject is not None and c.rule.startswith("crime:"):
                target = [a for a in index.get(c.tok_subject.head.i, []) if a.code]  # "Israel's actions amount to"
            return _dedupe(source), _dedupe(target)
        trig = c.tok
        if c.rule.endswith("be+untrue"):  # "X says the claim is false", "X: 'The assertion is incorrect'"
            claim = next((ch for ch in trig.children if ch.dep_ == "nsubj"), None)
            target = _arg_actors(claim, index, deep=True) if claim is not None else []
            node = trig
            while node.head.i != node.i and not source:
                node = node.head
                s = _subject(node) if node.pos_ in ("VERB", "AUX") else None
                source = _arg_actors(s, index, deep=True) if s is not None else []
            if not source:  # the speaker named before a colon
                colon = next((t for t in span if t.text == ":" and t.i < trig.i), None)
                source = [a for i in range(span.start, colon.i) for a in index.get(i, [])][-1:] if colon else []
            return _dedupe(source), _dedupe([a for a in target if a not in source])
        toll = _toll_of_one_attack(trig) if c.nominal else None
        if toll is not None:  # "Gaza death toll from Israeli attacks rises": the attackers, and the toll's dead
            named = _named_author(trig)
            source = [a for ch in trig.children if ch.dep_ in ("poss", "compound", "amod", "nmod") and not
                      _place_name(ch) for a in _arg_actors(ch, index, deep=False)]
            source += index.get(trig.i, []) if named else []
            target = [a for ch in trig.children if ch.dep_ == "prep" and ch.lower_ in ("on", "against")
                      for g in ch.children if g.dep_ == "pobj" for a in _arg_actors(g, index, deep=True)]
            if not target and not named:
                target = list(index.get(trig.i, []))  # "the Nuseirat attack": where it was
            if not target:
                target = [a for ch in toll.lefts for x in ch.subtree for a in index.get(x.i, [])]
                target += [a for a in index.get(toll.i, []) if a.code]  # "Gaza death toll", "Palestinian toll"
            src = {(a.code, a.sector) for a in source}
            return _dedupe(source), _dedupe([a for a in target if (a.code, a.sector) not in src])
        # the trigger verb's own arguments first (it may sit under the anchor: "agreed to withdraw")
        verbs = [v for v in (trig if not c.nominal else None, verb) if v is not None]
        for v in verbs:
            if source:
                break
            passive = any(ch.dep_ in ("nsubjpass", "auxpass", "agent") for ch in v.children) or (
                _is_headline(span) and v.tag_ == "VBN" and not any(ch.dep_ == "aux" for ch in v.children))
            if passive and not any(ch.dep_ == "agent" for ch in v.children) and not target:
                subj = _subject(v) or next((ch for ch in v.children if ch.dep_ == "nsubj"), None)
                if subj is None and v.dep_ == "acl" and v.tag_ == "VBN" and v.head.i < v.i:
                    subj = v.head  # a reduced relative: "Three Britons killed in strike on aid workers"
                if subj is not None and type_ in ("ASSAULT", "COERCE", "RETREAT", "AID"):
                    target = _arg_actors(subj, index, deep=False)  # "Four hostages freed in Gaza raid"
                elif type_ == "MOBILIZE" and any(ch.dep_ == "nsubjpass" for ch in v.children):
                    subj = next(ch for ch in v.children if ch.dep_ == "nsubjpass")
                    source = _arg_actors(subj, index, deep=True)  # "riot police were deployed": they are
                    continue
            if passive:
                for ch in v.children:
                    if ch.dep_ == "agent":
                        for g in ch.children:
                            if g.dep_ == "pobj":
                                source = _arg_actors(g, index, deep=True)
                if not source and not any(ch.dep_ == "agent" for ch in v.children):
                    by = [g for p in v.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                          for b in o.children if b.lower_ == "by" and b.dep_ in ("prep", "agent")
                          for g in b.children if g.dep_ == "pobj"]  # "placed under house arrest by police"
                    source = _arg_actors(by[0], index, deep=True) if by else []
            else:
                s = _subject(v)
                if s is not None:
                    deep = not (v.dep_ == "relcl" and s.i == v.head.i) and not _finite_acl(v)
                    source = _arg_actors(s, index, deep=deep)
                    if type_ not in ("ASSAULT", "COERCE") and source and all(place_only(a) for a in source):
                        placed, source = source, []  # "its Gaza plans clash with ...": the speaker may be
        if not c.nominal and _lemma(trig) in _MINE_STEPS and type_ == "ASSAULT":
            planters = [a for o in _objects(trig) for ch in o.children if ch.dep_ == "acl" for ag in ch.children
                        if ag.dep_ == "agent" for g in ag.children for a in _arg_actors(g, index, deep=False)]
            if planters:  # "stepped on a mine left by rebels": the rebels did it, to the one who stepped on it
                s = _subject(trig)
                return _dedupe(planters), _dedupe(_arg_actors(s, index, deep=False) if s is not None else [])
        if not c.nominal and _lemma(trig) in _UNDERGO and type_ == "ASSAULT":
            objs = _objects(trig)  # "Palestinians face Israeli fire": the fire's author, on the subject
            objs += [g for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "under" for g in ch.children
                     if g.dep_ == "pobj"]  # "come under Israeli fire"
            s = _subject(trig)
            return (_dedupe([a for o in objs for ch in o.children if ch.dep_ in ("amod", "compound", "poss", "nmod")
                             for a in _arg_actors(ch, index, deep=False)] +
                            [a for o in objs if _named_author(o) for a in index.get(o.i, []) if a.code]),
                    _dedupe(_arg_actors(s, index, deep=False) if s is not None else []))
        if not source and not c.nominal and trig.dep_ == "pcomp" and trig.head.head.pos_ == "VERB" and \
                _lemma(trig.head.head) in ("suspect", "believe", "think"):
            s = next((ch for ch in trig.head.head.children if ch.dep_ == "nsubjpass"), None)
            source = _arg_actors(s, index, deep=False) if s is not None else []  # "X are suspected of killing"
        if not source and not c.nominal and type_ == "ASSAULT":
            for ch in _attack_preps(trig, span):  # "killed in an Israeli strike": the attack's author did it
                source = [a for g in ch.children if g.dep_ == "pobj" for a in _arg_actors(g, index, deep=False)]
                if source:
                    break
        if c.nominal and not source:
            subj = next((ch for ch in trig.children if ch.dep_ == "nsubj"), None)  # "Thousands march in ..."
            if subj is not None:
                source = _arg_actors(subj, index, deep=False)
        if c.nominal and not source:  # "a sit-in by hostage families", "an attack by militants"
            source = [a for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "by" for g in ch.children
                      if g.dep_ == "pobj" for a in _arg_actors(g, index, deep=True)]
        if c.nominal and not source:  # "a strike called by Maoist parties": who called it
            source = [a for ch in trig.children if ch.dep_ == "acl" and _lemma(ch) in _ANNOUNCING
                      for ag in ch.children if ag.dep_ == "agent" for g in ag.children if g.dep_ == "pobj"
                      for a in _arg_actors(g, index, deep=True)]
        if c.nominal and not source:
            between = [g for x in (trig, anchor) for ch in x.children if ch.dep_ == "prep" and ch.lower_ == "between"
                       for g in ch.children if g.dep_ == "pobj"]  # (or on its verb: "fighting broke out between")
            if between and type_ in ("ASSAULT", "CONSULT", "COOPERATE", "REJECT", "RETREAT"):  # "clashes between X
                # and Y", "talks between X and Y ended without agreement", "a truce between X and Y"
                return _dedupe(_arg_actors(between[0], index, deep=True)), []
        if c.nominal:
            mods = [ch for ch in trig.children if ch.dep_ in ("poss", "compound", "amod", "nmod")]
            own = [a for m in mods for a in _arg_actors(m, index, deep=False)]
            own += index.get(trig.i, [])
            where = [m for m in mods if _place_name(m)]
            if type_ in ("ASSAULT", "COERCE") and where and own and all(
                    m in where for m in mods if _arg_actors(m, index, deep=False)):
                # "the Rafah strike", "Nuseirat attack": a place names where it happened, not who did it
                target = target or own
                own = []
            if own and not source:
                source = own
            elif own and source:
                target = [a for a in own if a.code not in {s.code for s in source}]
        if not source:
            # the speaker of a reporting verb above: "Hamas said it would ..."
            node = anchor
            while node.head.i != node.i and not source:
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    s = _subject(node)
                    if s is not None:
                        source = _arg_actors(s, index, deep=True)
            source = source or placed
        # targets
        for v in verbs:
            if target:
                break
            target = _targets_of(v, index, source, type_)
            if not target:
                for ch in v.children:
                    if ch.dep_ in ("xcomp", "ccomp"):
                        if ch.dep_ == "ccomp" and type_ in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
                            s = _subject(ch)  # "demanded that Hamas renounce ...": Hamas
                            if s is not None and s.lower_ not in ("it", "they", "we", "he", "she", "i"):
                                target = [a for a in _arg_actors(s, index, deep=False) if a.code and not (
                                    type_ == "THREATEN" and a.code in {x.code for x in source})]
                        if not target:
                            target = _targets_of(ch, index, source, type_)
                        if not target and ch.dep_ == "ccomp":
                            s = _subject(ch)
                            if s is not None:
                                target = _arg_actors(s, index, deep=True)
                        if target:
                            break
        if not target and c.nominal and trig.dep_ == "pobj" and (trig.head.lower_ == "under" or ":setting" in c.rule):
            node = trig.head  # "medics struggle under Russian siege": the ones under it
            while node.head.i != node.i and _subject(node) is None:
                node = node.head
            s = _subject(node)
            target = [a for a in _arg_actors(s, index, deep=False) if a.code] if s is not None else []
        if not target and type_ == "PROTEST":  # "marched ... and called on the president to act": whom they address
            for ch in (x for v in verbs for x in v.children if x.dep_ in ("conj", "advcl", "xcomp")):
                if _lemma(ch) in ("demand", "call", "urge", "ask", "press", "appeal", "petition", "accuse", "blame",
                                  "denounce", "condemn"):
                    target = [a for a in _targets_of(ch, index, source, "REQUEST") if a.code]
                    target = target or [a for g in ch.children if g.dep_ == "ccomp" and _subject(g) is not None
                                        for a in _arg_actors(_subject(g), index, deep=False) if a.code]
                    if target:
                        break
        if not target and type_ == "PROTEST":  # "sat in front of the Ministry of Defence": the institution
            hosts = [*verbs, *(v.head for v in verbs if v.dep_ in ("advcl", "xcomp", "conj"))]  # (the gathering)
            target = [a for v in hosts for ch in v.children if ch.dep_ == "prep" and ch.lower_ in (
                "outside", "at", "in", "before", "near") for g in ch.children if g.dep_ == "pobj"
                for a in _arg_actors(g, index, deep=True) if a.code and a.sector in ("GOV", "LEG", "JUD")]
        if not target and c.nominal:
            for ch in trig.children:
                if ch.dep_ == "prep" and ch.lower_ in _TARGET_PREPS | {"of"}:
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            target += _arg_actors(g, index, deep=True)
        if not target and c.nominal and type_ == "ASSAULT" and trig.dep_ == "pobj" and \
                trig.head.head.tag_ == "VBN" and trig.head.head.dep_ == "acl":
            target = _arg_actors(trig.head.head.head, index, deep=False)  # "deputy killed in Beirut attack"
        if not target and type_ in ("ASSAULT", "COERCE"):
            for v in [*verbs, trig]:
                for ch in v.children:
                    if ch.dep_ == "prep" and ch.lower_ in _PLACE_PREPS:
                        for g in ch.children:
                            if g.dep_ == "pobj":
                                target += [a for a in _arg_actors(g, index, deep=True) if a.code]
                if target:
                    break
        if not source and _is_headline(span):
            left = [a for i in range(span.start, trig.i) for a in index.get(i, [])]
            if not c.nominal and trig.tag_ == "VBN" and trig.dep_ in ("acl", "ROOT") and not any(
                    ch.dep_ in ("aux", "nsubj") for ch in trig.children):
                target = target or left[:1]  # "Gaza professor killed in airstrike": the one it was done to
            else:
                source = [a for a in left if not place_only(a) and not _in_label(a, span)][:1]
        source = _court_source(source, span, index)
        if type_ == "AID" and (dep := _departure(trig, index)) is not None:  # "aid ship leaves Cyprus for Y"
            source = [a for a in source if a not in dep[0]]
            target = dep[0][-1:] if dep[0] else [a for a in target if a not in dep[1]]
        if type_ == "PROTEST" and c.nominal and all(place_only(a) for a in source):  # "protest at Oxford University"
            edu = [a for a in target if a.sector == "EDU" and a.code and a.start is not None and
                   span.doc.text[:a.start].split()[-1:] in (["at"], ["in"])]
            if edu:
                source, target = edu[:1], [a for a in target if a not in edu[:1]]
        if type_ == "RETREAT":  # "X pulls its troops out of Y": its own forces are not a party
            own_codes = {s.code for s in source if s.code}
            target = [a for a in target if not ((a.code in own_codes or (a.code is None and own_codes)) and
                                                a.sector in ("MIL", "COP"))]
        src_keys = {(a.code, a.sector, a.start) for a in source}
        target = [a for a in target if (a.code, a.sector, a.start) not in src_keys]
        return _dedupe(source), _dedupe(target)


# -- helpers ---------------------------------------------------------------------------------------------

def _in_label(actor: Actor, span: Any) -> bool:
    """Whether a mention sits in a headline's label before a colon ("Israel-Gaza war: ..."): it names the
    story, not who acted in it."""
    if actor.start is None:
        return False
    head = span.doc.text[span.start_char:actor.start]
    colon = head.find(": ")
    return colon < 0 and 0 <= (rest := span.doc.text[actor.start:span.end_char]).find(": ") < 60 and \
        len(rest[: rest.find(": ")].split()) <= 6


def _not_places(actors: list[Actor], type_: str, role: str) -> list[Actor]:
    """Drop mentions that name only where something happened or what it is about: a place is no source
    ("truce in Gaza to start"), and a place modifying another noun ("the Gaza war", "Gaza truce plan") is no
    party to anything but violence and coercion; a protest's place is where, not against whom."""
    if role == "source":
        return [a for a in actors if not place_only(a) or (place_topic(a) and type_ == "ASSAULT" and _launch_head(a))]
    if type_ == "PROTEST":
        return [a for a in actors if not place_only(a)]
    if type_ in ("THREATEN", "REQUEST"):  # "vows to push on with the Gaza offensive": where it is waged
        return [a for a in actors if not place_topic(a) or _assault_head(a)]
    if type_ not in ("ASSAULT", "COERCE"):
        return [a for a in actors if not place_topic(a)]
    return actors


def _actor_index(article: Article, doc: Any) -> dict[int, list[Actor]]:
    index: dict[int, list[Actor]] = {}
    for a in article.actors:
        if a.start is None or a.end is None:
            continue
        sp = doc.char_span(a.start, a.end, alignment_mode="expand")
        if sp is None or len(sp) == 0:
            continue
        index.setdefault(sp.root.i, []).append(a)
    return index


def _subject(v: Any, raising: bool = False) -> Any:
    subs = [ch for ch in v.children if ch.dep_ == "nsubj" and ch.i < v.i]
    if len(subs) > 1 and subs[-1].lower_ not in _REL_PRONOUNS and any(
            t.text == ":" for t in v.doc[subs[0].i:subs[-1].i]):
        return subs[-1]  # a label read as a subject: "Violent demonstration: On 6 May, rioters burned ..."
    for ch in v.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if ch.lower_ in _REL_PRONOUNS and v.dep_ == "relcl":
                return v.head
            if ch.dep_ == "nsubjpass" and not raising:
                continue
            return _colon_subject(v, ch)
    # controlled subject: xcomp / conj / advcl share the head's subject
    if v.dep_ in ("xcomp", "conj", "advcl", "ccomp") and v.head.i != v.i:
        if v.dep_ == "ccomp" and v.head.pos_ not in ("VERB", "AUX"):
            return None
        return _subject(v.head, raising=v.dep_ == "xcomp") if v.dep_ != "ccomp" else None
    if v.dep_ == "acomp" and v.head.i != v.i:
        return _subject(v.head)
    if _finite_acl(v):
        return v.sent.root  # "men wearing army uniforms killed(acl) 60 civilians": the parser's root noun
    return None


def _finite_acl(v: Any) -> bool:
    """A sentence's finite verb the parser hung on a noun as a reduced relative, in a full sentence whose root is
    that noun's phrase ("Men wearing uniforms killed(acl) 60 civilians.", "About 300 nurses assembled(acl)
    outside the ministry."): active when it has a direct object or is a verb of gathering, and no agent."""
    if v.dep_ != "acl" or v.tag_ not in ("VBD", "VBN"):
        return False
    root = v.sent.root
    return root.pos_ in ("NOUN", "PROPN") and root.i < v.i and \
        not _is_headline(v.sent) and not any(ch.dep_ in ("agent", "aux", "auxpass") for ch in v.children) and (
            any(ch.dep_ == "dobj" for ch in v.children) or _lemma(v) in _ASSEMBLY) and not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "advcl", "xcomp", "conj", "amod", "pcomp")
            for t in v.sent if t.i != v.i)


def _arg_actors(h: Any, index: dict, deep: bool) -> list[Actor]:
    """Actors of an argument: its head, left modifiers, conjuncts and appositions; deeper if none coded."""
    if h is None:
        return []
    out: list[Actor] = []
    core = [h, *h.conjuncts]
    if _lemma(h) in _QUANTITY_HEADS:  # "thousands of students": the students
        of = [g for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "of" for g in ch.children
              if g.dep_ == "pobj"]
        if of:
            found = _arg_actors(of[0], index, deep=False)
            if found:
                return found
    for t in core:
        out += index.get(t.i, [])
        for ch in t.lefts:
            for x in ch.subtree:
                out += index.get(x.i, [])
    if not any(a.code for a in out):
        for t in core:
            for ch in t.children:
                if ch.dep_ == "appos":
                    out += [a for x in ch.subtree for a in index.get(x.i, [])]
    if not out:  # "thousands of students", "members of the opposition"
        for t in core:
            for ch in t.children:
                if ch.dep_ == "prep" and ch.lower_ == "of":
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            out += index.get(g.i, [])
    if deep and not any(a.code for a in out):
        # the nearest identified actors below the head, level by level ("an admission by Moscow that ...")
        level = [ch for t in core for ch in t.children if ch.dep_ not in ("relcl", "advcl", "punct")]
        while level:
            found = [a for x in level for a in index.get(x.i, []) if a.code]
            if found:
                out += found
                break
            level = [ch for x in level for ch in x.children]
    return _dedupe(out)


def _targets_of(v: Any, index: dict, source: list[Actor], type_: str = "") -> list[Actor]:
    out: list[Actor] = []
    weak: list[Actor] = []
    for ch in v.children:
        if ch.dep_ in ("dobj", "dative", "iobj", "nsubjpass", "attr", "oprd") and type_ != "MOBILIZE":
            if type_ == "AID" and ch.dep_ == "dobj" and _lemma(v) in _DEPART:
                continue  # "aid ship leaves Cyprus": where it sails from
            found = _arg_actors(ch, index, deep=True)
            if type_ in ("RETREAT", "AGREE", "AID") and ch.dep_ == "dobj":
                own = {s.code for s in source if s.code}  # "Israel to pull its troops from Gaza": not a party
                found = [a for a in found if not ((a.code in own or (own and a.code is None)) and
                                                  a.sector in ("MIL", "COP"))]
            out += [a for a in found if a.code]
            weak += [a for a in found if not a.code]
    if out:
        return out
    for ch in v.children:
        if (ch.dep_ in ("prep", "prt") and (ch.lower_ in _TARGET_PREPS or (
                type_ == "AID" and _lemma(v) in _DEPART and ch.lower_ in ("for", "off")))) or ch.dep_ == "agent" and False:
            for g in ch.children:
                if g.dep_ == "pobj":
                    out += _arg_actors(g, index, deep=True)
        if out:
            break
    return out or weak


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen = set()
    out = []
    for a in actors:
        key = (a.code, a.sector, a.name)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def _depth(tok: Any, span: Any) -> int:
    d = 0
    node = tok
    while node.head.i != node.i and node.head.i >= span.start and node.head.i < span.end:
        node = node.head
        if not (node.pos_ in ("VERB", "AUX") and _lemma(node) in REPORTING_VERBS):
            d += 1
    return d


def _nominal_anchor(n: Any, index: dict, headline: bool) -> tuple[Any, str]:
    """Where a nominal trigger sits: its light verb, its aspectual verb, itself, or nowhere."""
    node = n
    while node.dep_ == "conj":
        node = node.head
    measured = node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _MEASURE
    if measured:
        node = node.head.head  # "a million pounds of aid reaches Gaza": the aid does
    if node.i != n.i and not measured and node.pos_ in ("NOUN", "PROPN") and NOUNS.get(_lemma(node), (None, []))[0] is None \
            and node.dep_ in ("ROOT", "nsubj", "dobj", "pobj"):
        return None, ""  # "reactions to the attack and the invasion": a topic list, not an act
    if node.dep_ in ("compound", "nmod", "amod") and _lemma(node.head) in _EFFORT:
        node = node.head
    toll = _toll_of_one_attack(n)
    if toll is not None:  # "death toll from Nuseirat attack rises to 210": that attack is the news
        return (toll.head if toll.head.pos_ in ("VERB", "AUX") and toll.dep_ in ("nsubj", "nsubjpass") else toll), "toll"
    dep = node.dep_
    head = node.head
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and any(ch.dep_ == "ccomp" for ch in head.children) and \
            (_lemma(head) in REPORTING_VERBS or _lemma(head) in _FINDING_VERBS):
        return None, ""  # "a UN investigation concluded (that) ...": the speaker, not the act reported
    if dep == "nsubj" and _lemma(head) in _PENDING:
        return None, ""  # "as the offensive on Rafah looms": not yet
    if dep in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        if _lemma(head) in LIGHT_VERBS or (_lemma(head) in VERBS and dep != "nsubjpass"):
            return head, "light"
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        gv = head.head
        sense = NOUNS.get(_lemma(n), (None, []))[0]
        if head.lower_ in ("in", "on") and sense is not None and sense[0] == "PROTEST" and not (
                _lemma(n) == "strike" and n.tag_ == "NNS"):
            return gv, "light"  # "shut their shops in a general strike", "went on strike"
        if head.lower_ in ("in", "for", "into", "to", "on") and _lemma(gv) in LIGHT_VERBS | {
                "engage", "return", "converge", "gather", "meet", "come", "arrive", "travel", "agree"} and not any(
                ch.dep_ == "dobj" and _lemma(ch) not in ("part", "role") for ch in gv.children):
            return gv, "light"  # "engaged in talks", "took part in talks"; not "have no time for progress in talks"
    if dep in ("nsubj", "compound") and head.pos_ in ("VERB", "AUX") and _lemma(head) in _ASPECTUAL and not any(
            ch.dep_ == "ccomp" for ch in head.children):
        return head, "aspect"  # "talks resumed"; "battles rage" (the noun mis-read as a compound)
    if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX", "ADJ") and _lemma(head) in _EXPECT and any(
            ch.dep_ == "xcomp" and _lemma(ch) in _ASPECTUAL for ch in head.children):
        return head, "aspect"  # "talks are expected to resume", "the truce is set to begin"
    if dep == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsibility", "credit") and \
            head.head.head.pos_ in ("VERB", "AUX") and _lemma(head.head.head) in _CLAIMING and \
            _lemma(n) in _ATTACK_NOUNS | _CLAIMED_ACTS:
        return head.head.head, "light"  # "claimed responsibility for the rocket attack": the claimant did it
    if dep == "dobj" and head.pos_ in ("VERB", "AUX") and _lemma(head) == "claim" and _lemma(n) in _ATTACK_NOUNS:
        return head, "light"  # "Islamic State claimed the bombing"

    if dep in ("attr", "acomp") and _lemma(head) == "be" and any(ch.dep_ in ("nsubj", "csubj") and ch.tag_ == "VBG"
                                                      for ch in head.children):
        return head, "light"  # "waving the flag was a protest at the killings": the act was a protest
    if dep == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "at") and \
            head.head.pos_ in ("VERB", "AUX") and _lemma(head.head) in ("point", "hint", "allude", "gesture"):
        return None, ""  # "bodies point to a brutal invasion": a comment on what is coming
    if dep in ("nsubj", "nsubjpass") and (head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB")) and \
            _comment_predicate(head):
        return None, ""  # "repeated raids raise the prospect of war", "the withdrawal hints at what comes next"
    sense0 = "ASSAULT" if _lemma(node) in _ATTACK_NOUNS or (
        _in_class(node, "WEAPON") and _named_author(node)) else (NOUNS.get(_lemma(node), (None, []))[0] or ("",))[0]
    if dep == "pobj" and head.lower_ == "under" and sense0 in ("ASSAULT", "COERCE") and _named_author(node):
        return n, "setting"  # "medics struggle under Russian siege and shelling": the siege is the news
    if headline and dep == "pobj" and (head.lower_ == "amid" or (head.lower_ == "to" and head.head.lower_ == "due") or (
            head.lower_ == "of" and head.head.lower_ == "because")) and sense0 == "ASSAULT" and node.tag_ != "VBG" and (
            _named_author(node) or any(_place_name(ch) for ch in node.children if ch.dep_ in ("compound", "nmod"))):
        return n, "setting"  # "... amid heavy Rafah bombardment", "... amid Israeli strikes": a second act
    if headline and dep == "pobj" and head.lower_ == "of" and _lemma(head.head) in _AFTERMATH and \
            sense0 == "ASSAULT" and _named_author(node):
        return n, "actor-mod"  # "video shows aftermath of Russian strike", "hear from survivor of Israeli strike"
    if any(ch.dep_ == "acl" and ch.tag_ == "VBN" and _lemma(ch) in _ANNOUNCING and
           any(g.dep_ == "agent" for g in ch.children) for ch in n.children):
        return n, "by-agent"  # "a general strike called by Maoist parties", "the suspension ..., announced by X"
    if dep == "ROOT":
        return n, "root"
    if headline and dep in ("ROOT", "nsubj", "dobj", "appos") and head.dep_ == "ROOT":
        return n, "headline"
    if headline and dep == "pobj" and n.doc[n.i].sent.root.pos_ in ("NOUN", "PROPN") and \
            _lemma(n) in _ATTACK_NOUNS and _named_author(n):
        return n, "actor-mod"  # "No let-up in Israeli airstrikes on Gaza": a fragment about the attacks
    if dep in ("nsubj", "dobj", "nsubjpass", "ROOT", "conj") and _has_actor_modifier(n, index):
        return n, "actor-mod"
    return None, ""


_DEADLY = frozenset({"deadly", "lethal", "bloody", "fatal", "deadliest", "bloodiest", "murderous"})


def _requesters_protest(c: _Cand, ev: Event, index: dict) -> Event | None:
    """Those at a protest who call for something ("Thousands at Saturday protest in Washington call for a
    ceasefire"): the request, and the protest it was made at."""
    if ev.type != "REQUEST" or c.nominal or c.tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(c.tok)
    if subj is None:
        return None
    at_protest = any(ch.dep_ == "prep" and ch.lower_ in ("at", "in", "during") and any(
        g.dep_ == "pobj" and _in_class(g, "PROTESTN") and _lemma(g) not in ("strike", "boycott")
        for g in ch.children) for ch in subj.children)
    if not (at_protest or _lemma(subj) in PROTESTERS - {"supporter", "crowd", "youth"}):
        return None
    return Event(type="PROTEST", sentence_index=ev.sentence_index, start=ev.start, end=ev.end, mode="demonstrate",
                 source=list(ev.source), target=list(ev.target), trigger=ev.trigger,
                 confidence=round(ev.confidence * 0.9, 2), rule=f"{c.rule}+protest")


def _protesters_request(c: _Cand, t: str, ev: Event, index: dict) -> Event | None:
    """Protesters who call on a named addressee ("thousands of protesters urge the broadcaster to boycott the
    contest"): the protest, and the request they make of the addressee."""
    if t != "REQUEST" or ev.type != "PROTEST" or "+protesters" not in (ev.rule or "") or c.nominal:
        return None
    heads = [ch for ch in c.tok.children if ch.dep_ in ("dobj", "dative")]
    heads += [g for ch in c.tok.children if ch.dep_ == "prep" and ch.lower_ in ("on", "upon")
              for g in ch.children if g.dep_ == "pobj"]
    target = [a for h in heads for a in _arg_actors(h, index, deep=False) if a.code or a.sector]
    if not heads or not ev.source:
        return None
    return Event(type="REQUEST", sentence_index=ev.sentence_index, start=ev.start, end=ev.end,
                 source=list(ev.source), target=_dedupe(target), trigger=ev.trigger,
                 confidence=ev.confidence, rule=f"{c.rule}+addressee")


def _watchdog_accusation(anchor: Any, ev: Event, index: dict) -> Event | None:
    """A rights group or an international body reporting a party's violence or coercion ("Amnesty says Russian
    forces executed civilians", "UN office says Israel still imposing restrictions"): the report accuses the
    party, besides the act it reports."""
    if ev.type not in ("ASSAULT", "COERCE") or not ev.source or "+neg" in (ev.rule or ""):
        return None
    node = anchor
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or _lemma(node.head) not in REPORTING_VERBS | _FINDING_VERBS:
        return None
    spk = _subject(node.head)
    speakers = _arg_actors(spk, index, deep=False) if spk is not None else []
    victims = {a.code for a in ev.target if a.code} - {a.code for a in ev.source if a.code}
    if not speakers or not (all(a.code in ("NGO", "IGO") or a.sector in ("NGO", "IGO") for a in speakers) or all(
            a.code in victims and a.sector in ("GOV", "MIL") for a in speakers)):
        return None  # (a party reporting what its adversary did to it accuses it too)
    src = {(a.code, a.sector) for a in speakers}
    target = [a for a in ev.source if (a.code, a.sector) not in src]
    if not target:
        return None
    return Event(type="ACCUSE", sentence_index=ev.sentence_index, start=ev.start, end=ev.end,
                 source=_dedupe(speakers), target=_dedupe(target), trigger=ev.trigger,
                 confidence=round(ev.confidence * 0.8, 2), rule=f"{ev.rule}+watchdog")


_REACTIONS = frozenset({"ACCUSE", "SUPPORT"})


def _reported_attack(c: _Cand, ev: Event, span: Any, index: dict) -> Event | None:
    """The attack a headline's reaction reports ("Red Cross condemns deliberate attack on aid convoy",
    "crowds celebrate militia's assault on army base"): the object of a condemnation or a celebration that is
    an attack noun with an author or a target is itself news, an ASSAULT by its author on its target."""
    if ev.type not in _REACTIONS or c.nominal or c.must or "+neg" in (ev.rule or ""):
        return None
    for o in _objects(c.tok):
        if o.dep_ not in ("dobj", "nsubjpass") or o.head.i != c.tok.i or _lemma(o) in _CONDEMNING:
            continue
        sense = NOUNS.get(_lemma(o), (None, []))[0]
        blocked = sense is not None and sense[0] == "AID" and bool(
            {_lemma(m) for m in o.children if m.dep_ in ("amod", "compound")} & _BLOCKING)
        if blocked:
            type_, sense = "COERCE", ("COERCE", "restrict")  # "blocked aid": the blocking
        elif _lemma(o) in _ATTACK_NOUNS | _CLAIMED_ACTS or (sense is not None and sense[0] == "ASSAULT"):
            type_ = "ASSAULT"
        elif sense is not None and sense[0] == "COERCE":
            type_ = "COERCE"  # "deplores the Israeli blockade of Gaza"
        else:
            continue
        on = [g for ch in o.children if ch.dep_ == "prep" and ch.lower_ in ("on", "against", "upon")
              for g in ch.children if g.dep_ == "pobj"]
        if not (_named_author(o) or on or blocked):
            continue
        source = [a for ch in o.children if ch.dep_ in ("poss", "compound", "amod", "nmod") and ch.i < o.i and
                  not _place_name(ch) for a in _arg_actors(ch, index, deep=False)]
        source += index.get(o.i, []) if _named_author(o) else []  # "Russian strike" as one mention
        target = [a for g in on for a in _arg_actors(g, index, deep=True)]
        if not target:  # where it was: "attack on a convoy ... in Darfur", or the place the headline is about
            target = [a for x in o.subtree if x.i > o.i for a in index.get(x.i, []) if a.code]
        if not target:
            seen = {(a.code, a.sector) for a in source + ev.source}
            target = [a for i in range(span.start, span.end) for a in index.get(i, [])
                      if a.code and (a.code, a.sector) not in seen][:1]
        if not source and not target:
            return None
        _fill_domestic(source, target, span, index)
        mode = "air" if _lemma(o) in ("strike", "airstrike", "bombing") else (sense[1] if sense else None)
        return Event(type=type_, sentence_index=ev.sentence_index, start=ev.start, end=ev.end, mode=mode,
                     source=_dedupe(source), target=_dedupe(target), trigger=Span(o.idx, o.idx + len(o.text), type_),
                     confidence=round(ev.confidence * 0.8, 2), rule=f"{ev.rule}+reported:{_lemma(o)}")
    return None


def _comment_predicate(v: Any) -> bool:
    """A predicate that comments on its subject rather than reporting an act of it: "hints at", "points to",
    "complicates", "raises the prospect", "sparks fears", "(truce) hopes (are) slim"."""
    lem = _lemma(v)
    low = v.lower_
    forms = {lem, low[:-1] if low.endswith("s") else lem, low[:-1] if low.endswith("ed") else lem}  # "hopes" -> "hop"
    if lem == "see":
        return False  # "the raid saw ten killed": a headline idiom for what the act did
    if any(ch.dep_ == "xcomp" for ch in v.children) and forms & {"hope", "expect", "seek", "want", "aim"}:
        return False  # "a protest hopes to sway lawmakers": the act's own aim
    if forms & ANALYSIS_VERBS or any(f in _COMMENT_PREDICATES and f not in VERBS for f in forms):
        return True
    objs = [ch for ch in v.children if ch.dep_ in ("dobj", "attr")]
    return lem in ("raise", "spark", "fuel", "stoke", "prompt", "trigger", "heighten", "revive", "renew", "add",
                   "ease", "allay", "dampen") and bool(objs) and all(_lemma(o) in _MENTAL_OBJECTS for o in objs)


def _under_sought(tok: Any) -> bool:
    """Whether ``tok`` lies inside the "to"-clause of a noun of striving or pending ("the movement to break
    Israel's siege", "hopes to end the Russian occupation") in a headline without a verb of its own."""
    root = tok.sent.root
    if root.pos_ in ("VERB", "AUX"):
        return False
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "acl" and _lemma(node.head) in _PENDING_NOUNS | _STRIVING and any(
                ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children):
            return True
        node = node.head
    return False


def _feared(tok: Any) -> bool:
    """Whether ``tok`` heads a clause of fear with a modal ("worried that Israel might extend the war")."""
    if tok.dep_ != "ccomp" or not any(ch.dep_ == "aux" and ch.lower_ in ("might", "may", "could", "would")
                                      for ch in tok.children):
        return False
    return _lemma(tok.head) in _FEARING or tok.head.lower_ in _FEARING


def _dismissed(v: Any) -> tuple[str, str | None] | None:
    """A speaker who calls someone's act or proposal unworkable, impossible or absurd: "UN says the order is
    'impossible'" (ACCUSE), "Hamas has proposed 'unworkable' changes, X says" (REJECT of the proposal)."""
    for ch in v.children:
        if ch.dep_ != "ccomp":
            continue
        if any(g.dep_ in ("acomp", "attr") and _lemma(g) in _DISMISSIVE for g in ch.children):
            subj = _subject(ch)
            if subj is not None and (_in_class(subj, "DEAL") or _in_class(subj, "TRUCE") or
                                     _lemma(subj) in ("demand", "request", "condition", "offer")):
                return ("REJECT", None)
            if subj is not None and subj.pos_ == "NOUN" and (_lemma(subj) in VERBS or _lemma(subj) in NOUNS):
                return ("ACCUSE", None)
        if any(o.dep_ == "dobj" and any(m.dep_ == "amod" and _lemma(m) in _DISMISSIVE for m in o.children)
               for o in ch.children):
            return ("REJECT", None)
    return None


def _has_actor_modifier(n: Any, index: dict) -> bool:
    for ch in n.children:
        if ch.dep_ in ("poss", "compound", "amod", "nmod") and ch.i < n.i:
            if any(a.code for x in ch.subtree for a in index.get(x.i, [])):
                return True
    return any(a.code for a in index.get(n.i, [])) and any(
        ch.dep_ in ("poss", "compound", "amod") for ch in n.children)


def _must_request(span: Any) -> _Cand | None:
    """"X said (that) Y must/should Z" -> REQUEST by X of Y."""
    for tok in span:
        if tok.dep_ != "ccomp" or tok.head.pos_ not in ("VERB",):
            continue
        if _lemma(tok.head) not in REPORTING_VERBS | {"conclude", "insist", "warn"}:
            continue
        if not any(ch.lower_ in ("must", "should") and ch.dep_ == "aux" for ch in tok.children):
            continue
        subj = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        c = _Cand(tok.head, tok, "REQUEST", None, f"must:{_lemma(tok)}", False, 0.8)
        c.must = True
        c.tok_subject = subj
        return c
    return None


def _foretold_consequence(span: Any, index: dict) -> _Cand | None:
    """"X says (that) an assault on Y would end the talks / kill thousands": a speaker foretelling what an
    attack would bring warns against it -> THREATEN by the speaker."""
    for tok in span:
        if tok.dep_ != "ccomp" or tok.head.pos_ != "VERB" or _lemma(tok.head) not in REPORTING_VERBS | {"warn"}:
            continue
        if not any(ch.dep_ == "aux" and ch.lower_ in ("would", "will", "'d", "'ll", "wo") for ch in tok.children):
            continue
        if any(ch.dep_ == "neg" for ch in tok.children) or _lemma(tok) not in VERBS:
            continue
        subj = next((ch for ch in tok.children if ch.dep_ == "nsubj"), None)
        sense = NOUNS.get(_lemma(subj), (None, []))[0] if subj is not None else None
        if subj is None or not (_lemma(subj) in _ATTACK_NOUNS or (sense is not None and sense[0] in ("ASSAULT",
                                                                                                  "COERCE"))):
            continue
        speaker = _subject(tok.head)
        if speaker is None or not _arg_actors(speaker, index, deep=False):
            continue
        c = _Cand(tok.head, tok, "THREATEN", None, f"foretold:{_lemma(subj)}:{_lemma(tok)}", False, 0.9)
        c.must = True
        c.speaker = speaker
        c.tok_subject = next((g for ch in subj.children if ch.dep_ == "prep" and ch.lower_ in ("on", "against")
                              for g in ch.children if g.dep_ == "pobj"), None)
        return c
    return None


#: Harm foretold in the passive ("X will be hit / punished / crushed"), or done by "us" ("we will enter
#: Rafah", "we will hunt them down"): verbs of force and punishment.
_HARM_VERBS = frozenset("hit strike target punish destroy crush attack eliminate annihilate wipe erase bomb kill "
                        "hunt smash defeat obliterate flatten raze storm invade enter avenge retaliate respond "
                        "burn".split())
#: What a party "will pay" or "will face": a price, consequences, a response.
_HARM_NOUNS = frozenset("price consequence consequences retaliation response revenge wrath punishment retribution "
                        "reprisal".split())
_US = frozenset({"we", "us"})


def _own_side_statement(anchor: Any, index: dict) -> bool:
    """Whether ``anchor`` is what a party says its own side could do: the complement of a reporting verb or
    "warn" whose speaker shares a country with the act's subject, or whose act's subject is "we"/"it"
    ("Russia could use nuclear weapons, Medvedev said", "Pakistan's defence minister warned Islamabad could
    strike")."""
    says = REPORTING_VERBS | {"warn", "threaten"}
    if anchor.dep_ == "ccomp" and anchor.head.pos_ in ("VERB", "AUX") and _lemma(anchor.head) in says:
        speaker = _subject(anchor.head)
    elif anchor.dep_ == "ROOT":  # "Islamabad could strike ..., the minister warned"
        verb = next((ch for ch in anchor.children if ch.dep_ in ("parataxis", "ccomp") and ch.i > anchor.i and
                     ch.pos_ in ("VERB", "AUX") and _lemma(ch) in says), None)
        speaker = _subject(verb) if verb is not None else None
    else:
        return False
    doer = next((ch for ch in anchor.children if ch.dep_ == "nsubj"), None)
    if speaker is None or doer is None:
        return False
    said_by = {a.code for a in _arg_actors(speaker, index, deep=True) if a.code}
    if not said_by:
        return False
    if doer.lower_ in ("we", "it", "they"):
        return True
    return bool(said_by & {a.code for a in _arg_actors(doer, index, deep=True) if a.code})


def _statement_speaker(tok: Any, span: Any, index: dict) -> Any:
    """Who says the clause headed by ``tok``: the subject of the reporting verb it complements ("X says/warns
    (that) ...", "..., X told Y"), or the actor named before a headline's colon ("Khamenei: Israel will be
    punished").  None when nobody with an actor says it."""
    head = tok
    while head.dep_ in ("conj",) and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("ccomp", "parataxis") and head.head.pos_ in ("VERB", "AUX") and \
            _lemma(head.head) in REPORTING_VERBS | {"warn", "tell", "vow", "threaten", "promise", "pledge"}:
        s = _subject(head.head)
        if s is not None and _arg_actors(s, index, deep=False):
            return s
    if head.dep_ == "ROOT":  # the reporting verb may hang below the statement: "'We will ...,' X told Y"
        for ch in head.children:
            if ch.dep_ in ("parataxis", "ccomp") and _lemma(ch) in REPORTING_VERBS | {"warn", "tell", "vow"}:
                s = _subject(ch)
                if s is not None and _arg_actors(s, index, deep=False):
                    return s
    if _is_headline(span):
        colon = next((t for t in span if t.text == ":" and t.i < tok.i and t.i - span.start <= 6), None)
        if colon is not None:
            found = [span.doc[i] for i in range(span.start, colon.i) if index.get(i)]
            if found:
                return found[-1]
    return None


def _foretold_harm(span: Any, index: dict) -> _Cand | None:
    """A party foretelling harm to another, or force by itself: "Khamenei: Israel will be punished", "X says
    Y will pay dearly", "X warned that US warships would be treated as targets", "'We will enter Rafah,'
    Netanyahu said", "Hamas official: 'October 7 will be repeated'" -> THREATEN by the speaker (against the
    one to be harmed).  Not when negated, and not a forecast by a commentator (the speaker must be an actor)."""
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or any(ch.dep_ == "neg" for ch in tok.children):
            continue
        if not any(ch.dep_ == "aux" and ch.lower_ in _FUTURE | {"'ll"} for ch in tok.children):
            continue
        lem = _lemma(tok)
        passive = any(ch.dep_ == "auxpass" for ch in tok.children)
        subj = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        harmed = None
        if passive and lem in _HARM_VERBS:
            harmed = subj  # "Israel will be punished", "October 7 will be repeated"
        elif passive and lem == "treat" and any(_lemma(g) == "target" for g in tok.subtree):
            harmed = subj  # "would be treated as legitimate targets"
        elif lem == "pay" and any(ch.lower_ in ("dearly", "heavily") or _lemma(ch) == "price" for ch in tok.children):
            harmed = subj  # "will pay dearly", "will pay a heavy price"
        elif lem == "face" and any(ch.dep_ == "dobj" and _lemma(ch) in _HARM_NOUNS for ch in tok.children):
            harmed = subj  # "will face consequences"
        elif lem == "take" and _conditional(tok) and any(
                ch.dep_ == "dobj" and _lemma(ch) in ("measure", "action", "step") for ch in tok.children):
            harmed = tok  # "it would take all necessary measures if Damascus went on sheltering him"
        elif subj is not None and subj.lower_ in _US and not passive and (
                lem in _HARM_VERBS or (lem in ("go", "move") and any(
                    ch.dep_ == "prep" and ch.lower_ in ("into", "in") for ch in tok.children))):
            harmed = next((ch for ch in tok.children if ch.dep_ == "dobj"), None) or next(
                (g for ch in tok.children if ch.dep_ == "prep" for g in ch.children if g.dep_ == "pobj"), None)
            if harmed is not None and any(_in_class(harmed, k) for k in ("TALKS", "DEAL", "TRUCE")):
                continue  # "we will enter talks"
            harmed = harmed if harmed is not None else tok  # "we will respond": nobody named
        if harmed is None:
            continue
        speaker = _statement_speaker(tok, span, index)
        if speaker is None:
            continue
        c = _Cand(tok, tok, "THREATEN", None, f"foretold-harm:{lem}", False, 0.9)
        c.must = True
        c.speaker = speaker
        c.tok_subject = harmed if harmed is not tok else None
        return c
    return None


_LASTING = frozenset({"last", "take", "continue", "drag", "go", "persist", "extend", "stretch"})


def _foretold_duration(span: Any, index: dict) -> _Cand | None:
    """A party saying its war will go on ("the war will last months, the army says", "Russia says the
    offensive is likely to continue into next year", "war to take 'months', X tells Y"): a warning that it
    will keep fighting, like "vows to continue" -> THREATEN by the speaker."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or _lemma(root) not in REPORTING_VERBS | {"warn", "tell"}:
        return None
    speaker = _subject(root)
    if speaker is None or not [a for a in _arg_actors(speaker, index, deep=False) if (a.code or a.sector) and
                               a.code not in ("IGO", "NGO") and a.sector not in ("IGO", "NGO", "MED")]:
        return None  # a party to the war, not an agency that forecasts it
    for tok in span:
        if _lemma(tok) not in _LASTING or tok.i == root.i or any(ch.dep_ == "neg" for ch in tok.children):
            continue
        war = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if war is None and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            war = tok.head  # "war to take months(relcl)"
        if war is None and tok.dep_ == "xcomp":  # "war likely(ccomp) to last": the adjective's subject
            war = next((ch for ch in tok.head.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if war is None or not _in_class(war, "MILOP"):
            continue
        future = any(ch.dep_ == "aux" and ch.lower_ in ("to", "will", "would", "'ll", "wo") for ch in tok.children) \
            or (tok.dep_ == "xcomp" and _lemma(tok.head) in _EXPECT)
        span_of_time = any(ch.dep_ in ("dobj", "npadvmod", "prep", "advmod") and (
            _lemma(ch) in _TIME_UNITS or ch.lower_ in ("until", "into", "through", "throughout", "long") or
            any(_lemma(g) in _TIME_UNITS for g in ch.subtree)) for ch in tok.children)
        if future and (span_of_time or _lemma(tok) == "continue"):
            c = _Cand(root, tok, "THREATEN", None, f"foretold:{_lemma(war)}:{_lemma(tok)}", False, 0.9)
            c.must = True
            c.speaker = speaker
            return c
    return None


def _must_headline(span: Any, index: dict, text: str) -> _Cand | None:
    """A headline "Y must Z" with its speaker after a dash or before a colon ("Israel must prevent genocide in
    Gaza – ICJ", "UN chief: Israel must allow aid in") -> REQUEST by the speaker of Y."""
    if not _is_headline(span):
        return None
    verb = next((t for t in span if t.pos_ in ("VERB", "AUX") and any(
        ch.lower_ in ("must", "should") and ch.dep_ == "aux" for ch in t.children)), None)
    if verb is None:
        return None
    doc = span.doc
    speaker = None
    colon = next((t for t in span if t.text == ":" and t.i < verb.i and t.i - span.start <= 5), None)
    if colon is not None:
        found = [doc[i] for i in range(span.start, colon.i) if index.get(i)]
        speaker = found[-1] if found else None
    if speaker is None:
        dash = next((t for t in doc[verb.i:] if t.text in ("-", "–", "—") and t.whitespace_), None)
        if dash is not None and not any(a <= dash.idx < b for a, b in headline_breaks(text)[1]):
            end = dash.i + 1
            while end < len(doc) and "\n" not in doc[end].text and not doc[end].is_punct:
                end += 1
            if end - dash.i <= 5:
                found = [doc[i] for i in range(dash.i + 1, end) if index.get(i)]
                speaker = found[-1] if found else None
    if speaker is None:
        return None
    subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    c = _Cand(verb, verb, "REQUEST", None, f"must:{_lemma(verb)}", False, 1.1)
    c.must = True
    c.tok_subject = subj
    c.speaker = speaker
    return c


def _crime_predicate(span: Any, index: dict) -> _Cand | None:
    """An act called a crime by a speaker ("Strikes on schools may be war crimes – UN", "X says the siege
    amounts to collective punishment") -> ACCUSE by the speaker (of the act's author, when named)."""
    for tok in span:
        if _lemma(tok) not in ("be", "amount", "constitute", "equal") or tok.pos_ not in ("VERB", "AUX"):
            continue
        preds = [ch for ch in tok.children if ch.dep_ in ("attr", "dobj", "acomp")]
        preds += [g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "to" for g in ch.children
                  if g.dep_ == "pobj"]
        if not any(_in_class(p, "CRIMES") or (_lemma(p) == "punishment" and any(
                _lemma(m) == "collective" for m in p.children)) for p in preds):
            continue
        speaker = None
        gov = tok.head
        while gov.i != gov.head.i and not (gov.pos_ == "VERB" and _lemma(gov) in _FINDING_VERBS):
            gov = gov.head
        if gov.pos_ == "VERB" and _lemma(gov) in _FINDING_VERBS and gov.i != tok.i:
            speaker = _subject(gov)
        if speaker is None:  # a headline's speaker after a dash: "... – UN" (maybe split off as a sentence)
            doc = span.doc
            dash = next((t for t in doc[tok.i:min(len(doc), span.end + 2)] if t.text in ("-", "–", "—")), None)
            if dash is not None:
                end = dash.i + 1
                while end < len(doc) and end - dash.i <= 5 and "\n" not in doc[end].text:
                    end += 1
                speaker = next((doc[i] for i in range(dash.i + 1, end) if index.get(i)), None)
        if speaker is None:
            continue
        subj = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        c = _Cand(tok, tok, "ACCUSE", None, f"crime:{_lemma(tok)}", False, 1.1)
        c.must = True
        c.speaker = speaker
        c.tok_subject = next((m for m in subj.children if m.dep_ in ("amod", "compound", "poss") and
                              _named_author(subj)), None) if subj is not None else None
        return c
    return None


#: Hostile acts someone can be said to be "behind": "says Russia was behind the cyberattack".
_BEHIND_ACTS = frozenset(_ATTACK_NOUNS | _CLAIMED_ACTS | {"cyberattack", "cyber-attack", "hack", "hacking",
                                                         "sabotage", "plot", "coup", "poisoning", "violence",
                                                         "unrest", "riot", "arson", "explosion", "blast"})


def _behind_act(span: Any, index: dict) -> _Cand | None:
    """An actor said to be behind an attack ("Russia behind cyberattack on railways, Kyiv says", "police say
    Hamas was behind it") -> ACCUSE by the speaker of that actor."""
    for tok in span:
        if tok.lower_ != "behind" or tok.dep_ != "prep":
            continue
        act = next((g for g in tok.children if g.dep_ in ("pobj", "pcomp")), None)
        if act is None or not (_lemma(act) in _BEHIND_ACTS or act.lower_ in ("it", "this", "them") or (
                act.dep_ == "pcomp" and (VERBS.get(_lemma(act), (None, []))[0] or ("",))[0] in ("ASSAULT", "COERCE"))):
            continue  # (a gerund too: "behind hacking the servers", "behind shelling the town")
        head = tok.head
        accused = _subject(head) if head.pos_ in ("VERB", "AUX") else head
        if accused is None or not _arg_actors(accused, index, deep=False):
            continue
        gov = head
        while gov.i != gov.head.i and not (gov.pos_ == "VERB" and _lemma(gov) in _FINDING_VERBS):
            gov = gov.head
        if not (gov.pos_ == "VERB" and _lemma(gov) in _FINDING_VERBS) or gov.i == head.i:
            continue
        speaker = _subject(gov)
        if speaker is None or not _arg_actors(speaker, index, deep=False):
            continue
        c = _Cand(gov, tok, "ACCUSE", None, "behind:" + _lemma(act), False, 1.1)
        c.must = True
        c.speaker = speaker
        c.tok_subject = accused
        return c
    return None


def _imperative_request(span: Any, index: dict) -> _Cand | None:
    """An imperative opening a quoted statement ("Urgently investigate the killings, rights group tells
    Israel", "Stop the bombing now, UN chief says") -> REQUEST by the speaker of the addressee."""
    words = [t for t in span if not t.is_punct and t.pos_ != "ADV" and t.tag_ not in ("``", "''")]
    if not words:
        return None
    tok = words[0]
    if tok.tag_ != "VB" or tok.pos_ != "VERB" or any(ch.dep_ in ("nsubj", "aux", "mark") for ch in tok.children):
        return None
    root = span.root
    if root.i == tok.i or _lemma(root) not in REPORTING_VERBS | {"urge", "demand"} or not any(
            ch.dep_ == "nsubj" and index.get(ch.i) is not None or _arg_actors(ch, index, deep=False)
            for ch in root.children if ch.dep_ == "nsubj"):
        return None
    c = _Cand(root, tok, "REQUEST", None, f"imperative:{_lemma(tok)}", False, 1.1)
    c.must = True
    c.speaker = _subject(root)
    c.tok_subject = next((ch for ch in root.children if ch.dep_ in ("dobj", "dative")), None)
    return c


def _alleged_crime(span: Any) -> _Cand | None:
    """"X says/finds (that) Y committed war crimes" -> ACCUSE by X of Y: the finding is the act."""
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        objs = _objects(tok)
        crime = _lemma(tok) in ("commit", "perpetrate") and any(_in_class(o, "CRIMES") for o in objs)
        crime = crime or _lemma(tok) in _COLLUDING  # "X says Y is colluding with the militia"
        violation = any(_lemma(ch) in _VIOLATION_MODS or ch.lower_ in _VIOLATION_MODS
                        for o in objs for ch in o.children if ch.dep_ in ("amod", "compound"))
        violation = violation or (any(ch.dep_ == "advmod" and ch.lower_ in _ACCUSING_ADVS for ch in tok.children)
                                  and (VERBS.get(_lemma(tok), (None, []))[0] or ("",))[0] in ("ASSAULT", "COERCE"))
        if not (crime or violation):  # "... used banned munitions": the speaker accuses
            continue
        gov = tok.head
        while gov.i != gov.head.i and not (gov.pos_ == "VERB" and _lemma(gov) in _FINDING_VERBS):
            gov = gov.head
        if not (gov.pos_ == "VERB" and _lemma(gov) in _FINDING_VERBS) or gov.i == tok.i:
            continue
        subj = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        c = _Cand(gov, tok, "ACCUSE", None, f"alleged:{_lemma(tok)}", False, 0.8)
        c.must = True
        c.tok_subject = subj
        return c
    return None


#: Collective heads that take a plural verb in headlines: "Kenyan police fire tear gas", "Sudan army shell ...".
_COLLECTIVE_FORCES = frozenset({"police", "army", "military", "navy", "junta", "militia", "troops", "forces"})
#: Adverbs that make a reported act a charge: "says Israel is deliberately targeting journalists".
_ACCUSING_ADVS = frozenset({"deliberately", "intentionally", "systematically", "wilfully", "willfully",
                            "indiscriminately", "knowingly", "purposely", "purposefully"})
#: Verbs of secret complicity: said of someone, they accuse ("says the army is colluding with the militia").
_COLLUDING = frozenset({"collude", "conspire"})
_FINDING_VERBS = frozenset(REPORTING_VERBS | {"find", "conclude", "determine", "rule", "document", "accuse",
                                              "allege", "believe", "charge", "warn"})


_DENY = frozenset({"deny", "refute", "dispute", "disavow"})


def _denial_of_act(v: Any) -> bool:
    """A verb of denial over an act ("denied striking the hospital", "denied that its jets had bombed the
    market"), not over a noun ("denied the accusations", "denied a request": REJECT)."""
    return v.pos_ in ("VERB", "AUX") and _lemma(v) in _DENY and any(
        (ch.dep_ in ("xcomp", "ccomp", "pcomp") and ch.pos_ in ("VERB", "AUX")) or
        (ch.dep_ == "dobj" and any(_denied_gerund(g) for g in ch.children)) for ch in v.children)


def _denied_gerund(tok: Any) -> bool:
    """A gerund the parser hung on the object of a verb of denial as a modifier: "denied supplying(amod)
    weapons" -- the denied act, its head noun its object."""
    h = tok.head
    return tok.dep_ == "amod" and tok.tag_ == "VBG" and h.dep_ == "dobj" and tok.i < h.i and \
        h.head.pos_ in ("VERB", "AUX") and _lemma(h.head) in _DENY and _lemma(tok) in VERBS


def _clause_under(tok: Any, gov: Any) -> bool:
    """Whether ``tok`` lies in a complement clause (xcomp/ccomp/pcomp) of ``gov``, through argument links."""
    node = tok
    while node.head.i != node.i:
        if node.head.i == gov.i:
            return node.dep_ in ("xcomp", "ccomp", "pcomp") or (node.dep_ == "dobj" and _denied_gerund(tok))
        if node.dep_ in ("advcl", "relcl", "parataxis"):
            return False
        node = node.head
    return False


#: Verbs of consent: not doing them is refusing ("did not accept the plan", "has not agreed to talks").
_CONSENT = frozenset({"agree", "accept", "allow", "permit", "let", "approve", "sign", "endorse", "recognize",
                      "recognise", "back", "support", "attend", "join", "consent", "accede", "yield", "concede",
                      "comply", "commit", "cooperate", "engage", "negotiate", "talk", "meet", "release", "free",
                      "withdraw", "reopen", "open", "lift", "ease", "admit", "grant", "welcome",
                      "respect", "observe", "honour", "honor", "extend", "return", "give", "hand"})


def _refusal(v: Any, c: Any) -> bool:
    """Whether a negated cooperative act is a refusal: a verb of consent or a light verb over an act
    ("will not hold talks"), a future or a modal of will ("won't deliver", "would not send"), or "no" on its
    object ("gives no assurances").  A plain past or perfect of a material act ("hasn't airdropped aid since
    June", "did not deliver fuel") reports an absence."""
    if _lemma(v) in _CONSENT or (c.nominal and c.tok.i != v.i):
        return True
    if any(ch.dep_ == "aux" and ch.lower_ in _FUTURE | {"wo", "will", "would"} for ch in v.children):
        return True
    return any(ch.dep_ == "aux" and ch.lower_ in ("do", "does") for ch in v.children) and v.tag_ == "VB"


_WH = frozenset({"why", "how", "what", "whether", "if", "when", "where", "who", "which"})


def _asks_question(v: Any) -> bool:
    """"ask why", "ask if ...", "ask what comes next": a question, with no addressee asked for something."""
    if any(ch.dep_ == "prep" and ch.lower_ == "for" for ch in v.children) or any(
            ch.dep_ == "xcomp" for ch in v.children):
        return False
    for ch in v.children:
        if ch.dep_ in ("advmod", "dobj", "attr", "ccomp", "npadvmod") and ch.lower_ in _WH and ch.i > v.i:
            return True
        if ch.dep_ in ("ccomp", "advcl") and any(g.lower_ in _WH and g.dep_ in ("mark", "advmod", "dobj", "nsubj",
                                                                               "attr") and g.i < ch.i
                                                for g in ch.children):
            return True
    return False


def _negated_imperative(v: Any) -> bool:
    """"Don't talk about ...", "'Do not release them'": a negated base verb opening a clause (at the start, or
    after a colon or a quote) with "do" and no subject of its own after it."""
    if v.tag_ != "VB":
        return False
    aux = next((ch for ch in v.children if ch.dep_ == "aux" and ch.lower_ == "do"), None)
    if aux is None or aux.i > v.i:
        return False
    prev = v.doc[aux.i - 1] if aux.i > v.sent.start else None
    return prev is None or prev.text in (":", "'", "‘", "\"", "“", "`", "``", "-", "–", "—") or prev.tag_ in ("``",)


def _none_subject(v: Any) -> bool:
    """Whether a verb's subject is quantified by "no" ("No rockets were fired", "no shots were heard")."""
    return any(ch.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in ch.children)
               for ch in v.children)


def _in_question_clause(tok: Any) -> bool:
    """Whether ``tok`` sits in an embedded question ("verify whether Israel used ...", "asks if ...")."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "advcl", "xcomp", "pcomp") and any(
                ch.dep_ == "mark" and ch.lower_ in ("whether",) for ch in node.children):
            return True
        node = node.head
    return False


def _conditional_clause(tok: Any) -> bool:
    """Whether ``tok`` heads an "if"/"unless" clause."""
    return tok.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless") for ch in tok.children)


def _going_to(v: Any) -> bool:
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in v.children) and v.head.lemma_ == "go"


def _conditional(v: Any, marks: tuple[str, ...] = ("if", "unless")) -> bool:
    return any(ch.dep_ == "advcl" and any(g.lower_ in marks for g in ch.children) for ch in v.children)


def _is_headline(span: Any) -> bool:
    """A headline: short, and not closed by sentence punctuation (title case or sentence case)."""
    text = span.text.strip()
    bare = text.rstrip("\"'”’ ")
    if not bare or bare[-1] in ".!?" or len(span) > 40 or (text[-1] in "\"”" and bare[-1] in ",;:"):
        return False
    if bare[-1] == ";" and span[-1].sent.text.rstrip("\"'”’ ")[-1:] in (".", "!", "?"):
        return False  # the first clause of a prose sentence cut at its semicolon (see sentences.py)
    return any(t.is_alpha for t in span)


def _commentary_headline(span: Any) -> bool:
    """Explainers, opinion, live blogs, picture stories and features: headlines that report no act.

    Cues: a label before a colon ("Analysis:", "Live:"), a wh-word or a gerund opening the headline
    ("Why Egypt fears ...", "Unpacking ..."), or a phrase of the genre anywhere ("what we know", "in
    pictures", "live updates", "timeline")."""
    words = [t for t in span if not t.is_space]
    if not words:
        return False
    low = span.text.lower()
    if any(cue in low for cue in EXPLAINER_CUES) or re.search(REPORT_SERIAL, low):
        return True
    first = words[0]
    if first.lower_ in ("how", "why", "what", "who", "where", "when", "whose", "which"):
        return True
    if first.text == "I" and first.pos_ == "PRON":
        return True  # a first-person essay: "I lived through the siege. Here is what I saw"
    if first.lower_ in ("inside", "behind", "aboard", "among") and not any(
            t.tag_ in ("VBZ", "VBD", "VBP") and t.dep_ == "ROOT" for t in words):
        return True  # a feature: "Inside eastern Ukraine with Russian forces trying to encircle a town"
    if (first.tag_ == "VBG" and first.dep_ not in ("nsubj", "nsubjpass") and _lemma(first) not in NOUNS and
            first.lower_ not in NOUNS) or (first.is_title and first.lower_.endswith("ing") and
                                          first.lower_ not in VERBS and first.lower_ not in NOUNS):
        return True  # "Unpacking Jordan's role", but "Fighting rages in Gaza"
    colon = next((t.i for t in words if t.text in (":", "|")), None)
    if colon is not None:
        label = " ".join(t.lower_ for t in words if t.i < colon)
        after = [t for t in words if t.i > colon]
        finite = colon - span.start > 5 or any(t.tag_ in ("VBZ", "VBD", "VBP") for t in words if t.i < colon)
        if label.endswith(("updates", "live", "latest", "news", "briefing", "as it happened")) or (
                after and after[0].lower_ in ("how", "why", "what", "who", "where", "when", "which") and not finite):
            return True  # "Gaza: what we know", but "UNGA demands ceasefire: how your country voted" reports
        if after and after[0].tag_ == "VBG" and _lemma(after[0]) not in VERBS and _lemma(after[0]) not in NOUNS:
            return True  # "...: Mapping the strikes", "...: Unpacking the deal"
    if words[-1].lower_ in ("opinion", "editorial", "analysis", "explainer", "podcast", "video"):
        return True
    if colon is not None and colon - span.start <= 3:
        label = " ".join(t.lower_ for t in words if t.i < colon)
        if label in ("analysis", "opinion", "comment", "commentary", "editorial", "explainer", "explained",
                     "letters", "letter", "podcast", "watch", "video", "photos", "in pictures", "live",
                     "timeline", "factbox", "q&a", "interview", "review", "view", "perspective",
                     "fact check", "in focus", "insight", "feature", "long read", "the big picture"):
            return True
    return False


_COMMENT_LABELS = frozenset({"opinion", "editorial", "op-ed", "oped", "commentary", "analysis", "comment",
                             "explainer", "column", "letters", "perspective"})
_LINE_SEGMENTS = re.compile(r"\s+[-–—|]\s+|\s*[|:]\s+")


def _commentary_line(text: str, pos: int) -> bool:
    """Whether the headline line around ``pos`` carries a label of comment in a segment of its own:
    "Opinion | ...", "ANALYSIS: ...", "... | Opinion", "... - Haaretz Editorial - Haaretz"."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    if len(line) > 300:
        return False
    for seg in _LINE_SEGMENTS.split(line):
        words = re.findall(r"[\w'-]+", seg.lower())
        if 0 < len(words) <= 3 and words[-1] in _COMMENT_LABELS:
            return True
    return False


def _place_name(tok: Any) -> bool:
    """Whether a modifier names a place below a country ("Rafah", "Nuseirat", "Gaza City"), not a state,
    a capital standing for its government, or a people ("Israeli", "Washington")."""
    from fulcrum.extract.actors import alias_table
    from fulcrum.extract.places import gazetteer

    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    text = " ".join(w.text for w in words)
    entry = alias_table().get(text)
    if entry is not None and entry[3] in ("capital", "group", "country"):
        return False
    place = gazetteer().lookup(text)
    return place is not None and place.kind != "country"


def _fill_domestic(source: list[Actor], target: list[Actor], span: Any, index: dict) -> None:
    """Actors with a sector but no country take the country named in the sentence; unnamed aid agencies
    and international bodies take the group codes NGO and IGO."""
    for role in (source, target):
        for k, a in enumerate(role):
            if a.code is None and a.sector in ("NGO", "IGO"):
                role[k] = Actor(text=a.text, code=a.sector, sector=a.sector, name=a.name, start=a.start,
                                end=a.end)
    country = None
    for i in range(span.start, span.end):
        for a in index.get(i, []):
            if a.code and a.code not in ("IGO", "NGO", "IMG") and not _in_label(a, span):
                country = a.code
                break
        if country:
            break
    for i in range(span.start - 1, -1, -1) if country is None else ():
        country = next((a.code for a in index.get(i, []) if a.code and a.code not in ("IGO", "NGO", "IMG")),
                       None)  # a note's later sentence: "... in Ashulia. Police fired tear gas"
        if country:
            break
    if country is None:
        return
    for role in (source, target):
        for k, a in enumerate(role):
            if a.code is None and a.sector in _DOMESTIC:
                code = _target_country(source, span, index) or country if role is target else country
                role[k] = Actor(text=a.text, code=code, sector=a.sector, name=a.name, start=a.start,
                                end=a.end)


def _inside(tok: Any, anchor: Any) -> bool:
    """Whether ``tok`` is ``anchor`` or in the subtree under it by argument links (not a clause of its own:
    "killed as Israel carries out strikes" has the strikes in an adverbial clause, outside)."""
    node = tok
    while True:
        if node.i == anchor.i:
            return True
        if node.head.i == node.i or node.dep_ in ("advcl", "conj", "parataxis", "ccomp", "relcl"):
            return False
        node = node.head


_CLAUSE_MARKS = frozenset({"as", "while", "after", "amid", "before", "when"})


def _series_verb(node: Any) -> bool:
    """A headline's verb in a series ("X joins summit, criticizes Y") that the parser hung as a complement of
    the last verb: a finite verb before its head, a comma between them, and no reporting head."""
    head = node.head
    return node.dep_ == "ccomp" and node.i < head.i and node.tag_ in ("VBZ", "VBD", "VBP") and \
        head.tag_ in ("VBZ", "VBD", "VBP") and _lemma(head) not in REPORTING_VERBS and \
        any(t.text == "," and t.head.i == head.i for t in node.doc[node.i:head.i])


def _participle_act(node: Any) -> bool:
    """A participle clause adding a second act of the same subject ("calls for an end to the war, endorsing
    the truce proposal"): a gerund hung as an adverbial clause, with no subject or mark of its own."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > node.head.i and not any(
        ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in node.children)


def _own_clause(node: Any) -> bool:
    """An adverbial clause with its own subject and a temporal mark ("as Hamas threatens ...", "while
    troops ...", "after the army ...")."""
    return node.dep_ == "advcl" and node.pos_ in ("VERB", "AUX") and any(
        ch.dep_ in ("nsubj", "nsubjpass") for ch in node.children) and any(
        ch.dep_ == "mark" and ch.lower_ in _CLAUSE_MARKS for ch in node.children)


def _in_own_clause(tok: Any, top: Any) -> bool:
    """``tok`` sits under ``top`` through an adverbial clause with its own subject ("Dozens killed as Israel
    pounds Rafah": "pounds" under "killed")."""
    node = tok
    while node.head.i != node.i and node.i != top.i:
        if _own_clause(node) or (node.dep_ == "pobj" and node.head.lower_ in ("as", "amid") and
                                 node.head.head.i == top.i):
            return True  # (or a circumstance: "shops were closed as a general strike called by X ...")
        node = node.head
    return False


def _clause_head(tok: Any) -> Any:
    """The head of the finite clause with its own subject that ``tok`` belongs to: the root, or a
    coordinated, paratactic or adverbial ("as", "while", "after" ...) clause.  None when ``tok`` hangs in a
    reported, relative or controlled clause (those are someone's words or background, not a second act)."""
    node = tok
    while True:
        if node.dep_ == "ccomp" and _lemma(node.head) in REPORTING_VERBS and any(
                ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in ("it", "they", "we") for ch in node.children):
            node = node.head  # "after Israel says it is pulling troops out": the speaker's own act
            continue
        if node.dep_ in ("ccomp", "relcl", "acl", "xcomp", "csubj", "pcomp"):
            return None
        if node.head.i == node.i:
            return node
        if node.dep_ in ("conj", "parataxis", "advcl") and node.pos_ in ("VERB", "AUX") and any(
                ch.dep_ in ("nsubj", "nsubjpass") for ch in node.children):
            if node.dep_ != "advcl" or any(ch.dep_ == "mark" and ch.lower_ in _CLAUSE_MARKS
                                           for ch in node.children):
                return node
            return None
        node = node.head


def _prefer(scored: list[tuple[Any, ...]], cands: list[_Cand], index: dict | None = None) -> tuple[Any, ...]:
    """The highest candidate, with two corrections for acts reported together: a protest that demands
    something is a PROTEST, not a REQUEST ("rallied ..., demanding", "thousands march calling for"); a
    raid or arrest that kills is an ASSAULT ("raided a village, killing 12")."""
    best = scored[0]
    if best[2] == "REQUEST" and not best[1].must:
        for x in scored[1:]:
            if x[2] == "PROTEST":
                return x
        anchor = best[5]
        for c in cands:
            if c.type == "PROTEST" and c.nominal and (c.anchor.head.i == anchor.i or anchor.head.i == c.anchor.i):
                return ((0, -c.score, c.tok.i), c, c.type, c.mode, c.rule, c.anchor, c.score)
    if best[2] in ("REQUEST", "ACCUSE") and not best[1].must:
        # "200 teachers gathered outside the directorate to demand ...", "villagers blocked the site, accusing ..."
        gathering = _assembly_of(best[5], index or {})
        if gathering is None and best[1].nominal and best[5].pos_ == "VERB" and _lemma(best[5]) in _ASSEMBLY and \
                _subject(best[5]) is not None and _crowd(_subject(best[5]), index or {}):
            gathering = best[5]  # "crowds gathered outside the embassy in anger over the blast"
        if gathering is not None:
            return (best[0], best[1], "PROTEST", "demonstrate", f"{best[4]}+{_lemma(gathering)}", best[5], best[6])
    if best[2] == "COERCE" and best[4].endswith("@crowd-control") and any(
            _lemma(t) in ("kill", "die") and not any(g.dep_ == "neg" for g in t.children) for t in best[5].sent):
        return (best[0], best[1], "ASSAULT", None, f"{best[4]}+death", best[5], best[6])  # "...; one was killed"
    if best[2] == "RETREAT" and best[3] == "release" and any(ch.dep_ in ("nsubjpass", "auxpass")
                                                            for ch in best[1].tok.children):
        for c in cands:  # "gunmen abducted a priest ...; he was released four days later": the abduction
            if c.type == "ASSAULT" and c.mode == "abduct" and not c.nominal:
                return ((0, -c.score, c.tok.i), c, c.type, c.mode, c.rule, c.anchor, c.score)
    if best[2] == "COERCE" and not best[1].nominal:
        for c in cands:  # "besieged and then attacked a post": the attack
            if c.type == "ASSAULT" and not c.nominal and c.tok.dep_ == "conj" and c.tok.head.i == best[1].tok.i:
                return (best[0], c, c.type, c.mode, c.rule, c.anchor, best[6])
    if best[2] == "COERCE" and best[3] == "restrict" and not best[1].nominal:
        for c in cands:  # "set up roadblocks and detained two men": the detention
            if c.type == "COERCE" and c.mode in ("arrest", "detain") and not c.nominal and c.tok.dep_ == "conj" \
                    and c.tok.head.i == best[1].tok.i:
                return (best[0], c, c.type, c.mode, c.rule, c.anchor, best[6])
    if best[2] == "ACCUSE" and _lemma(best[1].tok) in ("charge", "indict", "prosecute", "arraign"):
        for c in cands:  # "arrested 11 women ...; they were later charged": the arrest
            if c.type == "COERCE" and c.mode in ("arrest", "detain") and not c.nominal:
                return ((0, -c.score, c.tok.i), c, c.type, c.mode, c.rule, c.anchor, c.score)
    if best[2] == "COERCE" and best[3] != "blockade":
        anchor = best[5]
        # crowd-control means that wound stay COERCE (our convention: unless someone dies)
        lethal = _LETHAL - {"wound", "injure", "maim", "shoot"} if best[4].endswith("@crowd-control") else _LETHAL
        for ch in anchor.children:
            if ch.dep_ in ("advcl", "conj") and ch.pos_ == "VERB" and _lemma(ch) in lethal and \
                    not any(g.dep_ == "neg" for g in ch.children):
                return (best[0], best[1], "ASSAULT", None, f"{best[4]}+{_lemma(ch)}", anchor, best[6])
    return best


#: Means of crowd control: firing or using them disperses a crowd (COERCE), it is not an armed assault.
_CROWD_CONTROL = frozenset({"gas", "teargas", "tear-gas", "cannon", "stun", "rubber", "pellet", "flashbang",
                            "flash-bang", "pepper", "spray", "canister", "sound", "smoke"})
_FIRING = frozenset({"fire", "use", "shoot", "lob", "launch", "deploy", "spray", "throw", "hurl", "unleash"})

#: Verbs of gathering or sitting down somewhere: with a crowd as subject and a demand as purpose, a protest.
_ASSEMBLY = frozenset({"gather", "assemble", "congregate", "converge", "sit", "camp", "mass", "throng", "stand",
                       "flock", "line", "walk", "pour", "crowd", "block", "barricade", "occupy", "squat", "picket",
                       "kneel", "lie", "spill", "surge", "park", "drive", "ride",
                       # what a crowd does where it gathers: "laid carnations ..., demanding", "pitched tents",
                       # "held placards", "sailed across the bay"
                       "lay", "pitch", "erect", "hold", "wave", "carry", "raise", "sail", "light", "chant"})
#: Civilians who, as a group, attack, burn or loot: mob violence, coded as a riot.
_MOB_HEADS = frozenset({"villager", "resident", "local", "inhabitant", "townspeople", "townsman", "villagers",
                        "residents", "locals"})
#: Crowds in the streets for joy or grief, not against anyone: "fans poured into the streets to celebrate".
_FESTIVE = frozenset({"celebrate", "celebration", "cheer", "rejoice", "dance", "party", "fan", "festival",
                      "carnival", "honk", "victory", "win", "title", "trophy", "wedding", "parade", "welcome"})
_DELIBERATIVE = frozenset({"delegate", "leader", "minister", "official", "representative", "envoy", "diplomat",
                           "lawmaker", "senator", "legislator", "mediator", "negotiator", "expert", "donor",
                           "head", "chief", "commander", "officer", "investor", "analyst", "tourist", "guest"})
_NOT_CROWD = frozenset({"GOV", "LEG", "IGO", "JUD", "NGO", "REB"})


def _crowd(subj: Any, index: dict) -> bool:
    """A crowd as subject: protesters, a counted or quantified group ("around 200 teachers", "hundreds of
    nurses"), or civilians, workers, students, traders ... -- not officials, states or international bodies."""
    actors = _arg_actors(subj, index, deep=False)
    if any(a.sector in _NOT_CROWD or (a.code and not a.sector and not place_only(a)) for a in actors):
        return False
    if _head_words(subj) & PROTESTERS:
        return True
    counted = _lemma(subj) in _QUANTITY_HEADS or any(ch.dep_ == "nummod" or _lemma(ch) in (
        "several", "many", "numerous", "dozens", "hundreds", "thousands") for ch in subj.children)
    civil = {a.sector for a in actors} | {head_sector(subj)}
    if head_sector(subj) in _NOT_CROWD or _lemma(subj) in _DELIBERATIVE:
        return False
    plural = subj.tag_ in ("NNS", "NNPS") and not actors  # "relatives of missing persons", "families", "parents"
    return counted and subj.tag_ in ("NNS", "NNPS", "CD") or plural or bool(
        civil & {"LAB", "EDU", "HLH", "AGR", "CVL", "BUS", "OPP", "REL", "REF"})


def _assembly_of(v: Any, index: dict) -> Any:
    """The gathering verb a demand is the purpose or manner of ("gathered outside the ministry to demand",
    "sat in front of parliament, demanding"), when a crowd gathers; else None."""
    node = v
    if v.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    for _step in range(5):  # (through a noun's modifier too: "sat on the road leading to the mine to demand")
        if node.head.i == node.i or node.dep_ in ("ccomp", "relcl", "parataxis", "csubj"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _lemma(node) in _ASSEMBLY:
            subj = _subject(node)
            return node if subj is not None and _crowd(subj, index) else None
    return None
_ANNOUNCING = frozenset({"announce", "call", "order", "organise", "organize", "stage", "lead", "declare", "impose",
                         "decide", "approve", "launch", "unveil", "mount"})
_PLANNED = frozenset({"planned", "upcoming", "proposed", "scheduled", "expected", "threatened", "possible",
                      "intended"})
_CONTEST_VERBS = frozenset({"beat", "defeat", "crush", "thrash", "rout", "hammer", "edge", "down", "stun", "trounce",
                            "overpower", "outplay", "sink", "whip", "batter", "pummel"})
_SPORT_WORDS = frozenset({"match", "cup", "championship", "tournament", "league", "qualifier", "olympics", "olympic",
                          "medal", "fixture", "derby", "semi-final", "quarter-final", "semifinal", "quarterfinal"})
_CLIMB_WORDS = frozenset({"climber", "climbers", "mountaineer", "mountaineers", "everest", "peak", "expedition",
                          "sherpa", "sherpas", "mountain"})
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
_AUTHORISING = frozenset({"approve", "authorize", "authorise", "pass", "adopt", "endorse", "greenlight"})


def _sporting(c: _Cand, span: Any) -> bool:
    """A game won ("beating Zambia 1-0 in a World Cup qualifier") or a mountain climbed ("reached the summit
    of K2"): sport, no political act."""
    if _lemma(c.tok) == "summit":
        return bool({t.lower_ for t in span} & _CLIMB_WORDS)
    return _lemma(c.tok) in _CONTEST_VERBS and not c.nominal and (
        bool(_SCORE.search(span.text)) or bool({_lemma(t) for t in span} & _SPORT_WORDS))


_QUANTITY_HEADS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score",
                             "scores", "ten", "tens", "million", "millions", "number", "group"})
_ACCIDENT_HEADS = frozenset({"fire", "blaze", "explosion", "blast", "fall", "flame"})
_ATTACK_MODS = frozenset({"bomb", "car", "suicide", "mine", "minefield", "ied", "rocket", "shell", "mortar",
                          "missile", "drone", "grenade", "artillery", "tank", "sniper", "gun", "enemy"})
_LETHAL = frozenset({"kill", "murder", "slay", "wound", "injure", "maim", "massacre", "behead", "execute",
                     "shoot"})
_TOLL_VERBS = frozenset({"kill", "wound", "injure", "maim", "die", "slay", "hurt"})


def _head_words(tok: Any) -> set[str]:
    return {_lemma(tok), *(_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))}


#: Vehicles: what follows from a vehicle leaving the road or coming down ("a bus fell into a ravine,
#: killing 14") is an accident.
_VEHICLES = frozenset("bus minibus car truck lorry van tanker aircraft plane airliner helicopter train boat ferry "
                      "ship vessel canoe motorcycle motorbike tractor coach jeep taxi".split())
#: What a vehicle does in an accident (with a vehicle subject only: "Bakhmut falls" is news).
_MISHAP_VERBS = frozenset("leave fall come go veer plunge slide roll run slip tumble hit slam smash burst catch "
                          "sink crash collide overturn capsize skid derail".split())
#: Those who rescue, treat or put out fires: what they "battle" or "pull" is no act against anyone.
_RESCUERS = frozenset("rescuer firefighter fireman paramedic diver lifeguard lifeboat rescue".split())
#: What one fights that is no one: fires, floods, disease.
_HAZARDS = frozenset("flame fire blaze wildfire inferno flood floodwater outbreak epidemic disease locust "
                     "virus infection".split())
#: Verbs of causing (the closure a flood "forced", the evacuation an eruption "prompted").
_CAUSING = frozenset("force prompt compel lead cause oblige".split())
_DISASTER_VERBS = frozenset("erupt flood rain snow quake rumble".split())


def _mishap(c: _Cand, type_: str, tok: Any) -> bool:
    """Accidents, disasters and rescues that look like acts: "a bus left the road ..., killing 14", "six
    devotees were crushed to death when a crowd surged", "firefighting planes battled the flames", "rescuers
    pulled nine workers from the rubble", "the volcano erupted, forcing the authorities to close the airport",
    "declared a national dengue emergency"."""
    if c.nominal or tok.pos_ not in ("VERB", "AUX"):
        return False
    lem = _lemma(tok)
    if type_ == "ASSAULT" and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
        head = tok.head
        for _ in range(4):  # "came down moments after leaving the airstrip, killing": up to the clause's subject
            subj = _subject(head) if head.pos_ in ("VERB", "AUX") else None
            if subj is not None or head.dep_ not in ("advcl", "pcomp", "conj", "xcomp", "prep", "npadvmod") or \
                    head.head.i == head.i:
                break
            head = head.head
        if subj is not None and _lemma(subj) in _VEHICLES and _lemma(head) in _MISHAP_VERBS:
            return True
    if lem in ("crush", "trample") and any(ch.dep_ == "auxpass" for ch in tok.children) and \
            not any(ch.dep_ == "agent" for ch in tok.children):
        return True  # "were crushed to death when a crowd surged": a stampede
    subj = _subject(tok)
    if type_ in ("ASSAULT", "COERCE", "SANCTION", "RETREAT") and subj is not None and (
            _lemma(subj) in _RESCUERS or any(_lemma(ch) in _RESCUERS or ch.lower_ == "firefighting"
                                             for ch in subj.children)):
        return True  # what rescuers "pull" or "battle" is no act against anyone (their protests still are)
    if lem in ("battle", "fight", "tackle", "combat", "contain", "douse", "extinguish") and any(
            ch.dep_ == "dobj" and _head_words(ch) & _HAZARDS for ch in tok.children):
        return True  # "battled the flames", "fight the outbreak"
    node = tok
    while node.dep_ in ("xcomp", "ccomp", "advcl", "conj") and node.head.i != node.i:
        node = node.head
        if _lemma(node) in _CAUSING or _lemma(node) in _DISASTER_VERBS:
            s = _subject(node)
            if _lemma(node) in _DISASTER_VERBS or (s is not None and _head_words(s) & NATURAL_CAUSES):
                return True  # "erupted again, forcing the authorities to close the airport"
    if type_ == "COERCE" and lem == "declare" and any(
            ch.dep_ == "dobj" and {_lemma(g) for g in ch.subtree} & (NATURAL_CAUSES | _HEALTH) for ch in tok.children):
        return True  # "declared a national dengue emergency"
    if type_ == "COERCE" and lem in ("arrest", "detain") and any(
            g.lower_ in _KIN for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("on", "for", "over")
            for g in ch.subtree):
        return True  # "arrested on suspicion of stabbing his wife": ordinary crime
    return False


_HEALTH = frozenset("dengue health cholera ebola mpox measles polio malaria drought heat sanitary medical".split())


def _no_event_context(c: _Cand, type_: str, span: Any, index: dict | None = None) -> bool:
    """Readings of a trigger that report no political act: nature or an accident as the agent ("a flood
    killed", "an earthquake struck"), a death toll in the passive with no perpetrator ("100 killed in
    Gaza, ministry says"), damage without an agent or an attack ("homes destroyed in the war"), a running
    count or rate rather than one act ("the toll from the strikes", "killed since October", "every hour",
    "60% of homes"), a sentence for an ordinary crime, a warning of a danger rather than of an act, a threat
    made by a situation rather than an actor ("famine threatens ..."), "fighting to survive"."""
    tok = c.tok if not c.nominal else c.anchor
    if type_ == "PROTEST" and c.nominal and _lemma(c.tok) == "rally" and any(
            _lemma(t) in ("election", "campaign", "poll", "candidate", "primary", "electoral") for t in span) and not any(
            _lemma(t) in ("against", "fraud", "rigging", "result", "protest", "demand", "outcome") for t in span):
        return True  # "Elections 2024: ANC holds final rally in Soweto": a campaign rally, no protest
    if type_ in ("ASSAULT", "CONSULT", "COERCE") and _sporting(c, span):
        return True
    if type_ in ("ASSAULT", "COERCE", "MOBILIZE") and (_in_count(c.tok) or _cumulative(c.tok) or
                                                      (tok.i != c.tok.i and _cumulative(tok))):
        if c.nominal or _in_count(c.tok) or not any(
                _named_author(g) for p in _attack_preps(c.tok, span) for g in p.children if g.dep_ == "pobj"):
            return True  # (a count of those killed "in Israeli strikes since October" names who killed them)
    if type_ in ("ASSAULT", "COERCE", "MOBILIZE") and tok.dep_ == "advcl" and any(
            ch.dep_ == "mark" and ch.lower_ == "since" for ch in tok.children):
        return True  # "since the offensive began": the start of a period, background to a count
    if type_ == "ASSAULT" and not c.nominal and _lemma(c.tok) in ("fight", "battle", "struggle") and any(
            ch.dep_ == "xcomp" for ch in c.tok.children):
        return True  # "fight to survive", "battle to be heard"
    if type_ == "ASSAULT" and not c.nominal and any(ch.dep_ == "auxpass" for ch in c.tok.children) and any(
            ch.dep_ == "nsubjpass" and ch.tag_ == "NN" and (_lemma(ch) in VERBS or _lemma(ch) in _EFFORT or
                                                            _in_class(ch, "DEAL")) for ch in c.tok.children):
        return True  # "the rescue is a shot in the arm", "the plan was shot down": an act noun is not a victim
    if type_ == "THREATEN" and not c.nominal and _lemma(c.tok) in ("threaten", "menace"):
        s = _subject(c.tok)
        if s is not None and not _actor_head(s, index or {}):
            return True  # "famine threatens Gaza", "the battle threatens the hospital"
    if type_ == "THREATEN" and c.nominal and _lemma(c.tok) in ("threat", "warning"):
        for ch in c.tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("of", "on", "over", "about"):
                objs = [g for g in ch.children if g.dep_ in ("pobj", "pcomp")]
                if objs and not any(_threat_object(g) for g in objs):
                    return True  # "the threat of famine", "a warning on starving children"
    agent = None
    if tok.pos_ in ("VERB", "AUX"):
        agent = next((g for ch in tok.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"),
                     None) or _subject(tok)
    elif c.nominal:
        agent = c.tok
    if type_ == "ASSAULT" and not c.nominal and tok.dep_ in ("advcl", "conj", "acl") and (
            _lemma(tok.head) in ACCIDENT_VERBS or any(ch.dep_ == "acl" and _lemma(ch) in ACCIDENT_VERBS
                                                      for ch in tok.head.children) or (
            tok.tag_ == "VBG" and any(_lemma(x) in ACCIDENT_VERBS and x.i < tok.i for x in tok.head.subtree))):
        return True  # "a boat capsized off Libya, killing dozens"; "a bus carrying pilgrims overturned, killing"
    if type_ == "ASSAULT" and not c.nominal and _lemma(tok) in _TOLL_VERBS and not any(
            ch.dep_ in ("dobj", "agent") for ch in tok.children) and any(
            ch.dep_ in ("ccomp", "advcl", "conj", "parataxis") and _lemma(ch) in ACCIDENT_VERBS for ch in tok.children):
        return True  # "army helicopter crashes during training flight, crew killed"
    if not c.nominal and any(_DECADE.match(g.text) for ch in tok.children if ch.dep_ == "prep"
                             for g in ch.children if g.dep_ == "pobj"):
        return True  # "militias that fought in Darfur in the early 2000s": history, not news
    if type_ == "ASSAULT" and not c.nominal and _lemma(tok) in _TOLL_VERBS and agent is not None and \
            agent.dep_ == "nsubj" and _lemma(agent) in ("war", "conflict", "civil-war"):
        return True  # "Sudan war has killed as many as 150,000": a toll of the war, no one act
    if _ordinary_act(c, type_, tok, span, index or {}):
        return True
    if _mishap(c, type_, tok):
        return True
    if agent is not None and type_ in ("ASSAULT", "COERCE", "PROTEST", "SANCTION", "THREATEN", "AID"):
        # (and its apposition: "a magnitude(nsubj) 6.8 earthquake(appos)")
        words = _head_words(agent) | {_lemma(ch) for ch in agent.children if ch.dep_ == "appos"}
        if agent.dep_ == "nsubj":  # "a magnitude 6.4 earthquake struck": the parser's second subject
            words = words.union(*(_head_words(ch) for ch in agent.head.children if ch.dep_ == "nsubj"))
        if words & NATURAL_CAUSES or _lemma(agent) in ("hunger", "thirst") or (
                not c.nominal and _lemma(agent) in MEDIA_NOUNS):
            return True  # "a flood killed", "these photos capture 100 days of war"
        if _lemma(agent) in _ACCIDENT_HEADS and not words & _ATTACK_MODS and not any(
                x.ent_type_ in ("NORP", "GPE", "ORG") for x in agent.subtree if x.i < agent.i):
            return True  # "a fire at a factory killed nine"
    if type_ in ("ASSAULT", "COERCE") and not c.nominal and _lemma(tok) in _TOLL_VERBS | DAMAGE_VERBS:
        bare = not any(ch.dep_ in ("aux", "auxpass") for ch in tok.children)
        passive = any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.children) or (
            tok.tag_ == "VBN" and bare and not _finite_acl(tok) and not (  # (a VBD mis-tagged VBN with a
                {"nsubj", "dobj"} <= {ch.dep_ for ch in tok.children})) or (  # subject and an object is active)
            # "return to find their homes destroyed": a state
            bare and tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("ccomp", "xcomp", "oprd") and
            _lemma(tok.head) in ("find", "see", "leave", "discover", "keep"))
        has_agent = any(ch.dep_ == "agent" for ch in tok.children)
        by_attack = bool(_attack_preps(tok, span)) or _aid_scene(tok)
        subj = next((ch for ch in tok.children if ch.dep_ == "nsubj"), None)
        if _is_headline(span) and subj is not None and tok.tag_ in ("VBD", "VBN") and not any(
                ch.dep_ in ("dobj", "aux") for ch in tok.children) and (
                subj.tag_ == "CD" or subj.like_num or _lemma(subj) in _QUANTITY_HEADS or
                any(ch.dep_ == "nummod" for ch in subj.children)):
            passive = True  # "Sixty killed in Sudan": a headline's passive
        if passive and not has_agent and not by_attack:
            return True
    if type_ == "ACCUSE" and not c.nominal and _lemma(tok) == "find" and any(
            _head_words(x) & CRIME_NOUNS for x in tok.subtree if x.dep_ == "pobj"):
        return True  # "found the businessman guilty of tax fraud": ordinary crime
    if type_ == "COERCE" and not c.nominal and _lemma(tok) in ("close", "shut") and any(
            ch.dep_ == "auxpass" for ch in tok.children) and not any(ch.dep_ == "agent" for ch in tok.children) and \
            not any(_in_class(ch, "BORDER") or _in_class(ch, "ROAD") for ch in tok.children if ch.dep_ == "nsubjpass"):
        return True  # "markets and offices were closed as a strike paralysed the city": by nobody named
    if type_ == "ACCUSE" and not c.nominal and _lemma(tok) == "find" and any(
            x.dep_ == "pcomp" and _lemma(x) in _TOLL_VERBS | {"murder", "stab", "rob", "steal", "rape"} and not any(
                a.code or a.sector for o in _objects(x) for a in _arg_actors(o, index or {}, deep=False))
            for x in tok.subtree):
        return True  # "found a man guilty of killing his landlord" (not "... of killing protesters")
    if type_ == "COERCE" and not c.nominal and not _critics_held(tok):
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("for", "over", "on"):
                for g in ch.children:
                    if g.dep_ == "pobj" and _head_words(g) & CRIME_NOUNS:
                        return True
    if type_ == "THREATEN" and _lemma(c.tok) in ("warn", "caution") and not c.nominal:
        v = c.tok
        if any(ch.dep_ == "xcomp" or (ch.dep_ in ("dobj", "dative") and (
                _actor_head(ch, index or {}) or _in_class(ch, "PEOPLE"))) for ch in v.children):
            return False  # an addressee: "warned Hamas", "warned residents to leave"
        for ch in v.children:
            if ch.dep_ == "prep" and ch.lower_ in ("of", "about", "over", "against"):
                objs = [g for g in ch.children if g.dep_ in ("pobj", "pcomp")]
                return not any(_head_words(g) & THREAT_OBJECTS for g in objs)
            if ch.dep_ == "ccomp":
                s = _subject(ch)
                own = s is not None and (s.lower_ in ("it", "they", "we", "he", "she") or
                                         _lemma(s) == _lemma(_subject(v) or v))
                hostile = _lemma(ch) in VERBS and (VERBS[_lemma(ch)][0] or ("",))[0] in HOSTILE and not (
                    s is not None and _head_words(s) & NATURAL_CAUSES)  # "disease could kill more"
                hostile = hostile or any(_head_words(o) & THREAT_OBJECTS for o in _objects(ch))  # "would deliver
                # a crushing response"
                return not (own or hostile)
        return True  # "..., the agency warns": no addressee and no act of the warner's
    return False


#: A decade named as when something happened ("in the early 2000s", "in the '90s").
_DECADE = re.compile(r"^(\d{2})?'?\d0s$")
#: Those whose arrest on a criminal charge is still reported as repression: the press, activists, opponents.
_CRITICS = frozenset("journalist reporter editor blogger activist dissident opponent critic opposition "
                     "website newspaper broadcaster".split())


def _critics_held(tok: Any) -> bool:
    """The object of an arrest names the press, activists or opponents ("detained two reporters of a news
    website on smuggling charges"): the charge does not make it ordinary crime."""
    return any(_lemma(g) in _CRITICS for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")
               for g in ch.subtree)


_KIN = frozenset({"wife", "husband", "daughter", "son", "mother", "father", "brother", "sister", "girlfriend",
                  "boyfriend", "fiancee", "fiance", "child", "children", "stepdaughter", "stepson", "partner",
                  "neighbour", "neighbor", "uncle", "aunt", "nephew", "niece", "cousin", "parent", "grandmother",
                  "grandfather", "relative", "spouse", "baby", "landlord", "tenant", "employer", "colleague"})
#: Offences named as verbs: "arrested two men suspected of stealing phones", "convicted of embezzling".
_CRIME_VERBS = frozenset({"steal", "rob", "burgle", "embezzle", "defraud", "divert", "misappropriate", "swindle",
                          "smuggle", "traffic", "launder", "poach", "forge", "counterfeit", "defile", "pickpocket",
                          "shoplift", "scam", "bribe", "extort", "peddle", "fake", "smuggled", "stolen",
                          "contraband", "ivory", "thief", "robber", "burglar", "smuggler", "trafficker", "poacher",
                          "fraudster", "conman"})
_ANIMALS = frozenset({"leopard", "lion", "elephant", "hippopotamus", "hippo", "crocodile", "hyena", "snake",
                      "shark", "buffalo", "rhino", "rhinoceros", "tiger", "wolf", "bear", "jaguar", "livestock",
                      "cattle", "dog", "animal", "monkey", "baboon", "boar", "pig", "goat", "cow"})
_BRAWLS = frozenset({"brawl", "altercation", "quarrel", "scuffle", "fistfight", "argument"})
_CRIMINALS = frozenset({"robber", "thief", "burglar", "carjacker", "mugger", "pickpocket", "fraudster", "poacher"})
_POLICE_VERBS = frozenset({"seize", "confiscate", "intercept", "impound", "arrest", "detain", "jail", "imprison",
                           "sentence", "round", "nab", "capture", "raid"})
_SPORT_WORDS = frozenset({"team", "club", "side", "squad", "player", "striker", "champion", "football", "soccer",
                          "cricket", "rugby", "basketball", "match", "game", "qualifier", "final", "league", "cup",
                          "tournament", "goal", "medal", "athlete"})
_RESCUE_WORDS = frozenset({"rescuer", "firefighter", "survivor", "body", "corpse", "rubble", "debris", "wreckage",
                           "river", "sea", "water", "mud", "ruin", "ruins", "well", "mine", "shaft", "lake"})
_CAUSE_HYPOTHESES = frozenset({"attack", "sabotage", "terrorism", "terror", "arson", "play", "bombing", "motive",
                               "bomb", "explosive", "militant", "terrorist"})


def _ordinary_act(c: _Cand, type_: str, tok: Any, span: Any, index: dict) -> bool:
    """Acts of ordinary life that share words with political violence: a domestic killing ("killed his wife
    after a dispute"), police work against ordinary crime ("seized two tonnes of cocaine", "arrested two men
    suspected of stealing phones", "convicted a bank manager of diverting funds"), sport ("beat Ghana 2-0"),
    rescue ("pulled survivors from the rubble"), an inanimate cause blamed ("blamed chemicals"), a cause
    ruled out ("police ruled out an attack")."""
    if c.nominal or tok.pos_ not in ("VERB", "AUX"):
        return False
    lem = _lemma(tok)
    objs = _objects(tok)
    subj = _subject(tok)
    armed = ({a.sector for a in _arg_actors(subj, index, deep=False)} | {head_sector(subj)}) if subj is not None \
        else set()
    if type_ in ("ASSAULT", "COERCE") and any(_lemma(o) in _ANIMALS and o.dep_ in ("dobj", "nsubjpass") for o in objs) \
            and lem not in ("unleash", "set", "use", "deploy", "send", "release"):
        return True  # "villagers killed a leopard" (but "unleashed attack dogs on the wounded" is an attack)
    if type_ == "ASSAULT" and ((subj is not None and _head_words(subj) & _CRIMINALS) or any(
            _lemma(g) in CRIME_NOUNS | {"heist", "mugging"} for ch in tok.children if ch.dep_ == "prep" and
            ch.lower_ in ("during", "in") for g in ch.children if g.dep_ == "pobj")):
        return True  # "armed robbers killed an attendant during a robbery"
    if type_ == "ASSAULT" and tok.dep_ == "pcomp" and tok.head.lower_ == "of" and \
            tok.head.head.lower_ in ("guilty", "innocent", "culpable"):
        return True  # "found a man guilty of murdering his partner": a trial
    if type_ == "ASSAULT" and subj is not None and not armed & {"REB", "MIL", "COP", "GOV", "OPP"} and any(
            _lemma(o) in _KIN and any(ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in o.children) for o in objs):
        return True  # "a man killed his wife", "a woman stabbed her neighbour"
    if type_ == "ASSAULT" and subj is not None and _head_words(subj) & _KIN and any(
            _lemma(o) in ("other", "another") and o.dep_ == "dobj" for o in objs):
        return True  # "two brothers killed each other"
    if type_ == "ASSAULT" and any(
            _lemma(g) in _BRAWLS or (_lemma(g) == "fight" and any(_lemma(m) in ("bar", "pub", "street", "family",
                                                                                "domestic", "nightclub")
                                                                  for m in g.children))
            for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("during", "in", "after")
            for g in ch.children if g.dep_ == "pobj"):
        return True  # "stabbed to death in a bar fight", "shot during a drunken brawl"
    heads = [*objs, *(g for ch in tok.children if ch.dep_ == "prep" for g in ch.children if g.dep_ == "pobj")]
    political = any(a.sector in ("REB", "OPP", "MED", "GOV", "LEG") for o in heads for a in index.get(o.i, []))
    if type_ in ("COERCE", "ACCUSE") and not political:  # (not "arrested an opposition MP on fraud charges")
        words = {_lemma(x) for o in objs for x in o.subtree}
        for v in (tok, tok.head) if tok.dep_ == "conj" else (tok,):  # "convicted X of fraud and sentenced him"
            words |= {_lemma(x) for o in _objects(v) for x in o.subtree}
            words |= {_lemma(x) for ch in v.children if ch.dep_ == "prep" and ch.lower_ in ("for", "of", "over")
                      for x in ch.subtree}
        if type_ == "COERCE" and lem in _POLICE_VERBS and words & (CRIME_NOUNS | _CRIME_VERBS):
            return True  # "customs seized 2.7 tonnes of cocaine", "arrested two men suspected of stealing"
        if type_ == "ACCUSE" and lem in ("convict", "charge", "indict", "sentence", "acquit") and \
                words & (CRIME_NOUNS | _CRIME_VERBS):
            return True
    if type_ == "ASSAULT" and lem in ("beat", "defeat", "thrash", "rout", "hammer", "crush", "edge", "down") and (
            (subj is not None and _head_words(subj) & _SPORT_WORDS) or re.search(r"\b\d{1,2} ?[-–] ?\d{1,2}\b",
                                                                              span.text)):
        return True  # "the national team beat Ghana 2-0"
    if type_ == "RETREAT" and lem in ("pull", "drag", "retrieve", "recover") and (
            {_lemma(x) for x in tok.subtree} & _RESCUE_WORDS):
        return True  # "rescuers pulled survivors from the rubble"
    if type_ == "ACCUSE" and lem in ("blame", "attribute"):
        args = [o for o in objs if o.dep_ in ("dobj", "nsubjpass")]
        args += [_subject(ch) for ch in tok.children if ch.dep_ == "ccomp" and _subject(ch) is not None]
        preps = [g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("on", "for")
                 for g in ch.children if g.dep_ == "pobj"]
        if args and not any(_actor_head(a, index) for a in args + preps):
            return True  # "officials blamed chemicals being mixed in the open"
    if type_ == "RETREAT" and lem in ("surrender", "hand") and subj is not None and not _actor_head(subj, index):
        return True  # "a man ... later surrendered to police"
    if type_ == "RETREAT" and lem == "return" and not any(o.dep_ == "dobj" for o in objs):
        return True  # "the emir returned to the city": someone came back
    if type_ == "REJECT" and lem == "rule" and any(_lemma(o) in _CAUSE_HYPOTHESES for o in objs):
        return True  # "police ruled out an attack": a hypothesis set aside, not a refusal
    return False


_CUMULATIVE_PHRASES = frozenset({"so far", "to date", "in total", "in all", "altogether", "thus far",
                                  "all told"})
_LONG_SPANS = frozenset({"week", "month", "year"})
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
def _in_count(tok: Any) -> bool:
    """Whether the trigger sits inside a running count: "the death toll from Israeli attacks rises" (the toll
    of one attack, "the toll from the Nuseirat attack rises", is that attack's)."""
    if _toll_of_one_attack(tok) is not None:
        return False
    node = tok
    while node.head.i != node.i:
        node = node.head
        if _lemma(node) in TOLL_NOUNS or (_lemma(node) == "number" and any(
                c.lower_ in ("dead", "killed", "deaths", "casualties") for c in node.subtree)):
            return True
    return False


def _toll_of_one_attack(tok: Any) -> Any:
    """The toll noun when the toll of an attack with a known author, or of one attack, is reported ("the death
    toll from Israeli attacks rises to 26,751", "the death toll from the Nuseirat attack rises to 210"): the
    guide codes a toll as no event only when no perpetrator is named ("Gaza death toll tops 35,000")."""
    sense = NOUNS.get(_lemma(tok), (None, []))[0]
    if (_lemma(tok) not in _ATTACK_NOUNS and (sense is None or sense[0] != "ASSAULT")) or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ not in ("from", "in", "of", "after") or _lemma(prep.head) not in TOLL_NOUNS:
        return None
    if _named_author(tok):
        return prep.head
    if tok.tag_ not in ("NN", "NNP") or _lemma(tok) in ("fighting", "hostility", "war", "bombardment", "shelling"):
        return None  # a campaign, not one attack
    return prep.head


def _named_author(tok: Any) -> bool:
    """Whether an attack noun names who made it: "Israeli attacks", "Hamas's assault" (not "Rafah strike")."""
    for ch in tok.children:
        if ch.dep_ in ("poss", "compound", "amod", "nmod") and ch.i < tok.i:
            a = resolve_actor_text(ch.text)
            if a is not None and a.code and not _place_name(ch):
                return True
    return False


def _aid_scene(v: Any) -> bool:
    """A killing at an aid site ("killed in crowd near aid convoy", "shot while waiting for aid"): force is
    implied though no attack is named."""
    words = [t for ch in v.children if ch.dep_ in ("prep", "advcl") for t in ch.subtree]
    if v.dep_ == "acl" and _is_headline(v.sent):  # "Twenty killed in crowd waiting(ROOT) for aid": a mis-parse
        words = [t for t in v.sent if t.i > v.i]
    lemmas = {_lemma(t) for t in words}
    return bool(lemmas & _AID_WORDS) and bool(lemmas & (_AID_SCENES | {"wait", "queue", "gather", "collect"}))


def _cumulative(v: Any) -> bool:
    """A running total or a rate rather than one dated act: a toll in the passive counted "since October",
    "so far", "to date", "within weeks" (an active perpetrator's campaign, "drones have killed eight leaders
    since July", stays an event); a rate ("every hour"); a share ("destroyed 60% of homes", "half of the
    buildings destroyed")."""
    kids = list(v.children)
    if v.dep_ == "acl":  # headline predicate: "45% of homes destroyed"
        kids.append(v.head)
    passive = v.pos_ not in ("VERB", "AUX") or v.dep_ == "acl" or any(
        ch.dep_ in ("auxpass", "nsubjpass") for ch in v.children) or (
        v.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in v.children))
    for ch in kids:
        low = ch.lower_
        if passive and ch.dep_ == "prep" and low == "since":
            return True
        if passive and ch.dep_ in ("advmod", "npadvmod", "prep", "advcl"):
            phrase = " ".join(t.lower_ for t in ch.subtree)
            if phrase in _CUMULATIVE_PHRASES:
                return True
        if ch.dep_ in ("npadvmod", "dobj", "advmod") and any(t.lower_ == "every" for t in ch.children) and \
                ch.lemma_.lower() in _TIME_UNITS and not any(g.dep_ == "agent" for g in v.children):
            return True  # "one killed every hour", "every 15 minutes" (but "... by Israeli forces": an act)
        if passive and ch.dep_ == "prep" and low in ("within", "over", "in") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _LONG_SPANS for g in ch.children):
            return True  # "within weeks", "over the past month"
        if ch.dep_ in ("dobj", "nsubjpass", "nsubj") or (v.dep_ == "acl" and ch.i == v.head.i):
            if (ch.lemma_.lower() in SHARE_HEADS or ch.text == "%") and (
                    ch.text == "%" or any(g.dep_ == "prep" and g.lower_ == "of" for g in ch.children)):
                return True
    return False


def _actor_head(s: Any, index: dict) -> bool:
    """Whether an argument's head is itself an actor (a named one, a person, a sector word, a pronoun),
    not a situation that only mentions one ("UNRWA funding cuts", "the Khan Younis battle")."""
    heads = [h for h in (s, *s.conjuncts) if not ({_lemma(h)} & (SITUATIONS | NATURAL_CAUSES) or _lemma(h) in NOUNS)]
    return any(index.get(h.i) or h.pos_ == "PRON" or h.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or
               head_sector(h) for h in heads)


def _threat_object(g: Any) -> bool:
    """What a threat or warning can be of that is an act: retaliation, force, an attack, sanctions."""
    if _head_words(g) & THREAT_OBJECTS:
        return True
    sense = NOUNS.get(_lemma(g), (None, []))[0]
    return sense is not None and sense[0] in HOSTILE


def _linear_background(tok: Any, span: Any, named: dict) -> bool:
    """Linear headline readings that are not the headline's own act: a noun after a possessive ("Israel's
    bombs"), an actor inside a prepositional phrase ("toll from Israeli attacks", "after Hamas attacks"),
    a trigger inside a running count, a toll or damage participle with neither agent nor attack after it
    ("grieves family killed in Gaza")."""
    doc = span.doc
    prev = doc[tok.i - 1]
    if prev.tag_ == "POS" or prev.lower_ in ("'s", "’s"):
        return True
    j = max(i for i in named if i < tok.i)
    while j - 1 in named:
        j -= 1
    if j > span.start and doc[j - 1].tag_ == "IN" and doc[j - 1].lower_ not in ("that",):
        return True
    if _in_count(tok) or _cumulative(tok):
        return True
    if _lemma(tok) in _TOLL_VERBS | DAMAGE_VERBS and tok.tag_ in ("VBN", "VBD"):
        for k in range(tok.i + 1, span.end):
            w = doc[k]
            if w.text in (",", ":", ";", "|", "-", "–"):
                break
            sense = NOUNS.get(_lemma(w), (None, []))[0]
            if w.lower_ == "by" or (sense is not None and sense[0] == "ASSAULT"):
                return False
        return True
    return False


#: What an actor yields to: a de-escalating act "after US pressure" or "under pressure" concedes.
_PRESSURES = frozenset({"pressure", "appeal", "demand", "plea", "protest", "ultimatum", "outcry"})


#: Verbs of undoing one's own measure: done after pressure or protests, they yield ("cancels the contract").
_REVOKING = frozenset({"cancel", "scrap", "suspend", "halt", "withdraw", "drop", "shelve", "revoke", "abandon",
                       "reverse", "annul", "rescind", "repeal", "freeze", "pause", "postpone", "lift", "ease"})


def _after_pressure(v: Any) -> bool:
    """A de-escalating act done "after/under/following (X) pressure", "in response to demands": yielding."""
    heads = [v]  # and its complement clauses: "lets ships sail after ...", "agreed to let inspectors return after"
    for h in heads:
        heads.extend(c for c in h.children if c.dep_ in ("ccomp", "xcomp") and c.i > h.i)
    def yielded_to(g: Any) -> bool:  # "after US pressure", "after weeks of protests"
        return _lemma(g) in _PRESSURES or (_lemma(g) in ("week", "month", "day", "year", "wave", "series", "round")
                                           and any(q.dep_ == "pobj" and _lemma(q) in _PRESSURES for o in g.children
                                                   if o.dep_ == "prep" and o.lower_ == "of" for q in o.children))
    return any(p.dep_ == "prep" and p.lower_ in ("after", "under", "following") and any(
        g.dep_ == "pobj" and yielded_to(g) for g in p.children) for h in heads for p in h.children)


def _headline_predicate(tok: Any, headline: bool) -> bool:
    """A participle that is a headline's predicate ("Dozens killed in Israeli strikes", "Libraries destroyed
    in the war", "Gaza truce extended by a day"): with no verb of its own, the headline's claim is the
    participle on its root noun, read like a passive clause."""
    head = tok.head
    if head.dep_ in ("appos", "dep") and head.head.dep_ == "ROOT" and any(
            t.text == ":" for t in tok.doc[head.head.i:head.i]):
        head = head.head  # "West Bank: Seven Palestinians killed in raid": the report after a label
    return headline and tok.dep_ == "acl" and head.dep_ == "ROOT" and tok.head.pos_ in (
        "NOUN", "PROPN", "NUM", "PRON")


def _adjectival(tok: Any) -> bool:
    """A participle or bare verb form used as a modifier right before a noun: "occupied territory",
    "besieged Gaza", "mass graves" (no subject, no auxiliary, no object of its own)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if _place_participle(tok):
        return True
    if any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for ch in tok.children):
        return False
    if tok.tag_ == "VBN" and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("DET", "ADP", "PUNCT", "ADJ"):
        return True
    return tok.tag_ in ("NN", "JJ") and nxt.pos_ == "NOUN"


def _place_participle(tok: Any) -> bool:
    """A participle naming a place, even when the parser gave it an object: "occupied Palestinian
    territory", "occupied West Bank", "besieged enclave" -- with nothing before it that could be its subject
    (a noun, a pronoun; after "and", a verb: "stormed and occupied villages" is an act)."""
    doc = tok.doc
    if tok.tag_ not in ("VBD", "VBN") or not tok.lower_.endswith("ed") or any(
            ch.dep_ in ("aux", "auxpass") for ch in tok.children):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and (prev.pos_ in ("NOUN", "PROPN", "PRON", "AUX", "PART", "NUM", "ADV")
                             or prev.lower_ in _REL_PRONOUNS):
        return False
    if prev is not None and prev.pos_ == "CCONJ" and prev.i > 0 and doc[prev.i - 1].pos_ in ("VERB", "AUX"):
        return False
    j = tok.i + 1
    while j < len(doc) and (doc[j].pos_ in ("ADJ", "PROPN") or doc[j].ent_type_ in ("NORP", "GPE", "LOC")):
        j += 1
    words = [doc[k] for k in range(tok.i + 1, min(j + 1, len(doc)))]
    return any(w.lemma_.lower() in PLACE_HEADS or w.lower_ in PLACE_HEADS for w in words) or (
        j > tok.i + 1 and doc[j - 1].ent_type_ in ("GPE", "LOC", "NORP") and not (
            doc[j - 1].ent_type_ == "NORP" and j < len(doc) and doc[j].pos_ == "NOUN"))  # "attacked Palestinian pickers"


def _linear_sense(tok: Any, span: Any, entry: tuple) -> tuple[str, str | None] | None:
    """The sense of a lexicon verb read linearly: "+word" keys against the next word, "@CLASS" keys against
    the nouns up to the next preposition or punctuation."""
    default, keyed = entry
    right: list[Any] = []
    for j in range(tok.i + 1, min(span.end, tok.i + 7)):
        w = span.doc[j]
        if w.text in ("-", "–"):
            continue
        if w.is_punct or (w.pos_ == "ADP" and right):
            break
        right.append(w)
    nxt = right[0].lower_ if right else ""
    for key, sense in keyed:
        if key.startswith("+") and nxt == key[1:]:
            return sense
    for key, sense in keyed:
        if key.startswith("@"):
            cls = OBJECT_CLASSES.get(key[1:])
            for k, w in enumerate(right):
                lem = _lemma(w)
                if key[1:] in ("PROTESTN", "PROTESTCALL", "STRIKE") and k and _lemma(right[k - 1]) in _NOT_PROTEST:
                    continue  # "holds election rally"
                if (cls is not None and (lem in cls or (lem.endswith("s") and lem[:-1] in cls))) or lem == key[1:]:
                    return sense
    return default


def _attack_preps(tok: Any, span: Any) -> list[Any]:
    """The prepositions naming the attack a toll or damage participle came from ("killed in an Israeli strike",
    "after an attack on the camp"); for a participle with none, those of another toll participle of the same
    headline ("21 killed, dozens wounded in Israeli strikes")."""
    def own(t: Any) -> list[Any]:
        return [ch for ch in t.children if ch.dep_ == "prep" and ch.lower_ in ("in", "by", "during", "after", "amid")
                and _pobj_is_attack(ch)]
    found = own(tok) or (own(tok.head) if tok.dep_ == "amod" else [])  # "ten dead in Israeli strikes"
    if found or _lemma(tok) not in _TOLL_VERBS:
        return found
    for t in span:
        if t.i != tok.i and (_lemma(t) in _TOLL_VERBS or t.lower_ in _TOLL_VERBS) and (
                t.head.i == tok.i or tok.head.i == t.i or t.head.i == tok.head.i or t.head.head.i == tok.head.i):
            found += own(t)
    return found


def _pobj_is_attack(prep: Any) -> bool:
    for g in prep.children:
        if g.dep_ == "pobj":
            sense = NOUNS.get(_lemma(g), (None, []))[0]
            if (sense is not None and sense[0] == "ASSAULT") or _lemma(g) in _ATTACK_NOUNS | {
                    "explosion", "blast", "fire", "strike"}:
                return True  # ("killed during an Israeli raid": a raid that kills is an attack)
    return False


def _actor_sense(c: _Cand, anchor: Any, t: str, m: str | None, rule: str) -> tuple[str, str | None, str]:
    """Who acts can change what the act is: protesters who attack, burn, loot or storm are rioting
    (PROTEST/riot); workers, students or doctors who "strike" or "walk out" are on strike."""
    verb = c.tok if not c.nominal else anchor
    subj = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None and not c.nominal:  # the agent of a passive: "set ablaze by an angry crowd"
        subj = next((g for v in (verb, *verb.conjuncts) for x in (v, *v.children) for ch in x.children
                     if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"), None)
    if subj is None and c.nominal:
        subj = next((ch for ch in c.tok.children if ch.dep_ in ("poss", "compound", "amod")), None)
    if subj is None and not c.nominal and verb.dep_ == "conj":  # "set cars ablaze and looted shops", the
        up = verb.head  # second verb misattached below the first one's object: the first verb's subject
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        subj = _subject(up) if up.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return t, m, rule
    words = _head_words(subj)
    head = _lemma(subj)
    if head in ("thousand", "hundred", "dozen", "score", "group", "number"):
        words |= {_lemma(g) for p in subj.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"}
    if t == "COERCE" and m == "restrict" and not c.nominal and _lemma(c.tok) in ("block", "barricade", "set") and (
            head_sector(subj) in ("AGR", "LAB", "EDU", "HLH", "CVL", "OPP") or words & PROTESTERS):
        return "PROTEST", "obstruct", f"{rule}+civilians"  # "farmers block border crossings", "set up roadblocks"
    if t in ("ASSAULT", "COERCE") and (words & PROTESTERS or (head in _MOB_HEADS and subj.tag_ in ("NNS", "NNPS")) or (
            head in ("thousand", "hundred", "dozen", "score", "group", "number") and words & _MOB_HEADS)):
        return "PROTEST", "riot", f"{rule}+protesters"  # (villagers, residents who attack or burn: mob violence)
    protest_noun = (NOUNS.get(head, (None, []))[0] or ("", None))
    if t == "COERCE" and not c.nominal and subj.pos_ == "NOUN" and not (
            head == "strike" and (subj.tag_ == "NNS" or _named_author(subj))) and protest_noun[0] == "PROTEST":
        return "PROTEST", protest_noun[1], f"{rule}+protest-subject"  # "a general strike shut down banks"
    if t == "REQUEST" and words & (PROTESTERS - {"supporter"}):
        return "PROTEST", "demonstrate", f"{rule}+protesters"  # "demonstrators gather, demanding ..."
    if t in ("REQUEST", "SANCTION") and not c.nominal and (head in _ATTACK_NOUNS or (
            NOUNS.get(head, (None, []))[0] or ("",))[0] == "ASSAULT"):
        return "ASSAULT", None, f"{rule}+attack"  # "a rocket barrage ups pressure", "battles force people out"
    if t == "COERCE" and m == "destroy" and not c.nominal:
        sense = NOUNS.get(head, (None, []))[0]
        if head in _ATTACK_NOUNS or (sense is not None and sense[0] == "ASSAULT"):
            mode = "air" if head in ("strike", "airstrike", "bombing") else (sense[1] if sense else None)
            return "ASSAULT", mode, f"{rule}+attack"  # "an air strike destroyed the hospital"
    if t == "PROTEST" and m == "obstruct" and not c.nominal and head_sector(subj) in ("MIL", "COP", "GOV"):
        return "COERCE", "restrict", f"{rule}+forces"  # "troops blocked the road", "police set up roadblocks"
    struck = _lemma(c.tok) == "strike" or any(_lemma(o) == "strike" and o.tag_ == "NN" for o in _objects(verb))
    if t == "ASSAULT" and struck and head_sector(subj) in ("LAB", "EDU", "HLH", "AGR",
                                                                             "BUS", "CVL", "JUD"):
        return "PROTEST", "strike", f"{rule}+workers"
    return t, m, rule


def _right_of_trigger(c: _Cand, anchor: Any, span: Any, index: dict, source: list[Actor],
                      type_: str) -> list[Actor]:
    """Last resort for the target: the first identified actor after the trigger in the same clause chain,
    not the source, not a place of the event ("in Lebanon") unless the act is violent or coercive."""
    src = {(a.code, a.sector) for a in source}
    src_codes = {a.code for a in source if a.code}
    start = max(c.tok.i, anchor.i) + 1
    for i in range(start, span.end):
        tok = span.doc[i]
        if tok.text in (";", "|") or (tok.dep_ == "cc" and tok.head.i == anchor.i):
            break
        if tok.lemma_ in REPORTING_VERBS and tok.dep_ in ("ROOT", "parataxis", "ccomp") and i > anchor.i + 1:
            break
        for a in index.get(i, []):
            if not a.code or (a.code, a.sector) in src or (a.code in src_codes and not a.sector) or (
                    a.code in src_codes and a.sector in ("MIL", "COP") and type_ in ("RETREAT", "AID", "AGREE")):
                continue
            if type_ == "RETREAT" and a.code in src_codes and a.sector in ("MIL", "COP"):
                continue  # "Israel reduces its troops in Gaza": its own forces are not the target
            prep = tok.head if tok.dep_ in ("pobj", "compound") else None
            while prep is not None and prep.dep_ in ("pobj", "compound") and prep.head.i != prep.i:
                prep = prep.head
            if prep is not None and prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS | {"from"} \
                    and type_ not in ("ASSAULT", "COERCE", "RETREAT"):
                continue
            return [a]
    return []


#: Words for the forces of order, when the parse gives the act no source ("Russian police detain mourners").
_FORCE_WORDS = frozenset("police policeman policemen officer trooper soldier troops force guard army military "
                         "gendarme gendarmerie".split())


def _protest_of_repression(ev: Event, c: _Cand, anchor: Any, span: Any, index: dict,
                           scored: list[tuple[Any, ...]]) -> Event | None:
    """A second event where a sentence reports a protest and the force used against it ("police fired tear
    gas to disperse protesters", "arrested 12 vendors who were protesting"): PROTEST by the protesters."""
    if ev.type not in ("COERCE", "ASSAULT") or "+neg" in (ev.rule or ""):
        return None  # (a negated act: "did not arrest any protesters" reports no protest either)
    state = any(a.sector in ("COP", "MIL", "GOV", "JUD") for a in ev.source) or (
        not ev.source and any(_lemma(t) in _FORCE_WORDS for t in span if t.i < c.tok.i))  # "Police detain ..."
    protesters: list[Actor] = []
    found = False
    for tok in span:
        lem = _lemma(tok)
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and f"{tok.doc[tok.i - 2].lower_}-{lem}" in NOUNS:
            lem = f"{tok.doc[tok.i - 2].lower_}-{lem}"  # "sit - in"
        gathering = (NOUNS.get(lem, (None, []))[0] or ("",))[0] == "PROTEST" and lem not in ("strike", "boycott")
        if lem in PROTESTERS - {"crowd", "supporter", "youth"} or (
                lem in ("protest", "demonstrate", "rally", "march", "strike", "chant") and tok.pos_ == "VERB") or (
                lem in ("protest", "demonstration", "rally", "sit-in", "march", "vigil", "strike") and
                tok.pos_ == "NOUN" and tok.dep_ == "pobj") or (
                gathering and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass")) or (
                tok.pos_ == "VERB" and lem in ("gather", "assemble", "congregate", "converge") and any(
                    ch.dep_ in ("advcl", "xcomp") and any(g.lower_ == "to" for g in ch.children)
                    for ch in tok.children)) or (  # "arrested activists who had gathered to denounce the coup"
                tok.pos_ == "VERB" and lem in ("lay", "light", "hold", "unfurl", "carry", "display", "raise") and any(
                    ch.dep_ == "dobj" and _lemma(ch) in _SYMBOLS for ch in tok.children)):  # "had laid flowers"
            if (lem == "strike" and tok.pos_ == "NOUN" and tok.tag_ == "NNS") or tok.i == c.tok.i:
                continue  # air strikes; the act itself ("army jets strike a market")
            if tok.pos_ == "NOUN" and (any(ch.dep_ == "amod" and ch.lower_ in _PLANNED for ch in tok.children) or
                                       tok.head.lower_ == "before" or (tok.head.lower_ == "of" and
                                                                       tok.head.head.lower_ == "ahead")):
                continue  # "a curfew ahead of a planned rally": no protest held yet
            forces = tok.head.pos_ == "VERB" and _subject(tok.head) is not None and any(
                a.sector in ("COP", "MIL") for a in _arg_actors(_subject(tok.head), index, deep=False))
            if tok.dep_ == "dobj" and _lemma(tok.head) in _PREVENT:
                continue  # "banned a rally", "prevented a march": it did not take place
            as_object = gathering and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass")
            if (not state or as_object) and not (
                    tok.pos_ == "NOUN" and (tok.head.i in (c.tok.i, anchor.i) or forces) and gathering):
                continue  # by anyone, force against a gathering that is its object: "attacked a procession"
            found = True
            who = tok if tok.pos_ in ("NOUN", "PROPN") and lem in PROTESTERS else (
                _subject(tok) if tok.pos_ == "VERB" else None)
            if tok.pos_ == "VERB" and tok.dep_ == "acl" and who is None:
                who = tok.head  # "students protesting the killing of two teenagers"
            if who is not None:
                protesters = [a for a in _arg_actors(who, index, deep=False)]
            break
    if not found:
        return None
    if not protesters:
        protesters = [a for a in ev.target if a.sector not in ("COP", "MIL")]
    return Event(type="PROTEST", sentence_index=ev.sentence_index, start=ev.start, end=ev.end,
                 mode="demonstrate", source=_dedupe(protesters),
                 target=[a for a in ev.source if a.sector in ("COP", "MIL", "GOV")],
                 trigger=ev.trigger, confidence=round(ev.confidence * 0.8, 2), rule=f"{ev.rule}+protest")


def _colon_subject(v: Any, subj: Any) -> Any:
    """A headline's label before a colon is no subject ("Gaza: MSF condemns ..."): the subject after the
    colon -- a second subject of the verb or an apposition -- when there is one."""
    doc = v.doc
    if not any(t.text == ":" for t in doc[subj.i + 1:v.i]):
        return subj
    after = [ch for ch in v.children if ch.dep_ == "nsubj" and ch.i != subj.i and subj.i < ch.i < v.i]
    after += [ch for ch in subj.children if ch.dep_ == "appos" and subj.i < ch.i < v.i]
    after = [x for x in after if any(t.text == ":" for t in doc[subj.i + 1:x.i])]
    return after[0] if after else subj


_LAUNCH_NOUNS = frozenset({"rocket", "rockets", "missile", "missiles", "drone", "drones", "mortar", "mortars"})


def _launch_head(actor: Actor) -> bool:
    """Whether a place-topic mention heads a launch noun ("Gaza rocket", "Yemen missile"): where it came
    from, so its source; not a generic attack noun ("Beirut attack": where it happened)."""
    words = actor.text.lower().split()
    return bool(words) and words[-1] in _LAUNCH_NOUNS


_DEPART = frozenset({"leave", "depart"})


def _court_source(source: list[Actor], span: Any, index: dict) -> list[Actor]:
    """A court misparsed as the subject ("South Africa files case at ICJ accusing Israel"): a source straight
    after "at"/"before" is where the case is brought; the actor to its left brings it."""
    if len(source) != 1 or source[0].start is None:
        return source
    a = source[0]
    before = span.doc.text[span.start_char:a.start].split()
    if not before or before[-1].lower() not in ("at", "before"):
        return source
    left = [x for i in range(span.start, span.end) for x in index.get(i, []) if x.code and x.end is not None and
            x.end <= a.start and not place_only(x) and not _in_label(x, span)]
    left.sort(key=lambda x: x.start or 0)
    return [left[-1]] if left else source


def _target_country(source: list[Actor], span: Any, index: dict) -> str | None:
    """The country of a target with a sector but none of its own ("Israel tells civilians to evacuate
    northern Gaza"): the first place named below another country than the source's ("Gaza", "Kharkiv"), not a
    topic ("the Gaza war"); else the one other country named ("Blinken meets officials in Israel"), but not
    one of several ("sales to Croatia and Ecuador")."""
    own = {a.code for a in source if a.code}
    if not own:
        return None
    others = [a for i in range(span.start, span.end) for a in index.get(i, []) if a.code and a.code not in own
              and a.code not in ("IGO", "NGO", "IMG") and not _in_label(a, span) and not place_topic(a)]
    places = [a.code for a in others if place_only(a)]
    if places:
        return places[0]
    return others[0].code if len({a.code for a in others}) == 1 else None


def _assault_head(actor: Actor) -> bool:
    """Whether a mention heads an attack noun ("Gaza offensive", "Rafah assault")."""
    words = actor.text.lower().split()
    return bool(words) and words[-1] in _ATTACK_NOUNS | {"attacks", "strikes", "raids", "offensives", "operation"}


def _departure(trig: Any, index: dict) -> tuple[list[Actor], list[Actor]] | None:
    """Where aid on a ship or convoy that leaves somewhere goes (after "to/for/off") and where it leaves
    from (the object of "leave/depart"), or None when no such verb governs the trigger."""
    v = trig
    while v.head.i != v.i and _lemma(v) not in _DEPART:
        v = v.head
    if _lemma(v) not in _DEPART:
        return None
    origins = [a for ch in v.children if ch.dep_ == "dobj" for x in ch.subtree for a in index.get(x.i, [])]
    dests = [a for x in v.subtree if x.dep_ == "prep" and x.lower_ in ("to", "for", "off") for g in x.children
             if g.dep_ == "pobj" for a in index.get(g.i, []) if a.code and a not in origins]
    return dests, origins
