"""The modality of each event (PROVENANCE.md order: negated, denied, conditional, hypothetical, planned,
expected, believed, reported, asserted).

A hedge counts only when it *governs* the event's trigger.  We read two layers of the parse:

* the trigger's own clause -- the trigger and the words it hangs from by xcomp / object / subject /
  preposition links, up to the first clause boundary (ccomp, advcl, relcl, ...): their negation, modal
  auxiliaries, conditional subordinate clauses, verbs and adjectives of intent, forecast or belief
  ("did not attack", "will send", "only when conditions permit", "plans to", "is expected to", "is
  thought to", "approved continued operations");
* the cues above that clause that :mod:`fulcrum.extract.attribution` finds -- verbs of denial, belief,
  forecast and saying ("Israel denied ...", "officials believe ...", "..., police said").

Every fitting value is collected; the first in :data:`fulcrum.model.MODALITIES` wins.
"""

from __future__ import annotations

from typing import Any

from fulcrum.extract import provenance_lexicon as lex
from fulcrum.extract.attribution import Cue, anchor_token, event_anchor, find_cues, sentence_tokens
from fulcrum.extract.base import Component
from fulcrum.extract.lexicon.events import VERBS
from fulcrum.model import MODALITIES, Article, Attribution

__all__ = ["ModalityTagger", "modality_of", "clause_chain", "intent_cue"]

#: Links by which the trigger's own clause continues upwards.
_CHAIN_DEPS = {"xcomp", "acomp", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "pcomp", "attr", "oprd",
               "compound", "dative", "agent", "npadvmod", "appos", "amod", "conj", "nmod", "poss", "acl"}
_NO_WORDS = {"no", "none", "nobody", "nothing", "neither"}
_SAY_LIKE = {"say", "according", "adverb"}
#: Verbs of which an act noun is the subject ("the truce will begin"): nobody's intent, a forecast.
_HAPPEN_VERBS = {"happen", "occur", "proceed", "be", "have", "include", "involve", "target", "aim"}
_ASPECT_VERBS = {"begin", "start", "resume", "take", "come", "end", "expire", "open", "close", "continue",
                 "run", "last", "go", "kick", "get"}


def clause_chain(anchor: Any, lo: int, hi: int) -> list[tuple[Any, str]]:
    """The trigger and the words its clause hangs from: [(token, dep of the link below it)], trigger first
    with an empty link.  Stops at clause boundaries and after a noun of intent ("the decision to ...")."""
    chain: list[tuple[Any, str]] = [(anchor, "")]
    child = anchor
    while child.head.i != child.i and lo <= child.head.i < hi and len(chain) < 12:
        dep = child.dep_
        if dep not in _CHAIN_DEPS:
            break
        head = child.head
        if dep == "acl":
            # only a noun of intent or forecast governs its infinitive ("plans to expand")
            if head.lemma_.lower() in lex.PLAN_NOUNS or head.lemma_.lower() in lex.EXPECT_NOUNS:
                chain.append((head, dep))
            break
        hl = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and (hl in lex.SAY_VERBS or hl in lex.DENY_VERBS or hl in lex.BELIEVE_VERBS):
            break  # a verb of saying is the attribution, not the event's own clause
        if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            break  # a coordinated clause with its own subject has its own modality
        chain.append((head, dep))
        child = head
    return chain


def _modal_flags(tok: Any, under_past_saying: bool) -> set[str]:
    out: set[str] = set()
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(c.lemma_.lower() == "have" for c in auxes)
    for c in auxes:
        low = c.lower_
        if c.tag_ != "MD" and low not in lex.PLAN_MODALS:
            continue
        if low in lex.PLAN_MODALS:
            out.add("planned")
        elif low == "would" or low == "'d":
            out.add("planned" if under_past_saying else "hypothetical")
        elif low in ("could", "might") and perfect or low in lex.DEONTIC_MODALS and perfect:
            out.add("believed")
        elif low in lex.DEONTIC_MODALS:
            continue
        elif low in lex.HYPOTHETICAL_MODALS:
            out.add("hypothetical")
        elif low in lex.BELIEF_MODALS:
            out.add("believed")
    return out


def _negated(tok: Any, link: str) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" and c.lower_ in lex.NEGATORS:
            # "not only ... but also" does not negate
            if c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].lower_ == "only":
                continue
            return True
        if c.dep_ == "det" and c.lower_ == "no" and tok.pos_ in ("NOUN", "PROPN"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_WORDS or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
            return True
    return False


def _conditional(tok: Any, window: tuple[int, int] | None = None) -> bool:
    """Does a conditional clause or phrase hang from ``tok`` (only those starting inside ``window``)?"""
    for c in tok.children:
        if window is not None and not (window[0] < c.left_edge.i < window[1]):
            continue
        if c.dep_ == "advcl":
            marks = [m for m in c.children if m.dep_ in ("mark", "advmod")]
            lows = {m.lower_ for m in marks}
            if lows & lex.CONDITIONAL_MARKS:
                return True
            left = tok.doc[c.left_edge.i: c.i]
            text = " ".join(t.lower_ for t in left)
            if lows & lex.ONLY_MARKS and ("only" in text.split() or any(
                    m.dep_ == "advmod" and m.lower_ == "only" for m in c.subtree)):
                return True
            if text.startswith(("as long as", "so long as", "in case", "on condition")):
                return True
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() == "condition" and not any(
                        g.lower_ == "anonymity" for g in p.subtree):
                    return True
        if c.dep_ == "prep" and c.lower_ == "unless":
            return True
    return False


def _future_time(tok: Any) -> bool:
    """A present-tense verb with a time ahead of it ("negotiators return to Geneva next week")."""
    if tok.tag_ not in ("VBP", "VBZ") or tok.lemma_.lower() in ("be", "have") or \
            any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ not in ("npadvmod", "prep", "advmod", "tmod", "obl"):
            continue
        words = [t.lower_ for t in c.subtree]
        if set(words) & lex.FUTURE_TIME_WORDS:
            return True
        if "this" in words and set(words) & {"week", "month", "year", "weekend", "summer", "autumn", "fall",
                                             "winter", "spring"}:
            return True
    return False


def _approves_later_act(tok: Any) -> bool:
    """A decision verb as trigger is planned when what it decides lies ahead: an infinitive ("decided to
    send") or an act noun ("approved continued operations"), not a law or deal approved as such."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        if c.dep_ == "dobj":
            lem = c.lemma_.lower()
            mods = {m.lower_ for m in c.children if m.dep_ in ("amod", "compound")}
            return lem in lex.PLANNED_ACT_NOUNS or bool(mods & lex.PLANNED_ACT_MODIFIERS) or any(
                m.dep_ == "acl" for m in c.children if m.i > c.i and any(a.lower_ == "to" for a in m.children))
    return False


def _plan_from_modal_only(chain: list[tuple[Any, str]], anchor: Any) -> bool:
    """Is "planned" owed only to a will/shall auxiliary in the event's clause (no verb or noun of intent)?"""
    if anchor.lemma_.lower() in lex.PLAN_TRIGGERS or anchor.lemma_.lower() in lex.PLAN_ADJECTIVES:
        return False
    for k, (tok, _link) in enumerate(chain):
        lem = tok.lemma_.lower()
        if k and (lem in lex.PLAN_VERBS or lem in lex.PLAN_NOUNS or lem in lex.PLAN_ADJECTIVES or lem == "be"
                  or lem == "go"):
            return False
    return any(c.dep_ == "aux" and (c.lower_ in lex.PLAN_MODALS or c.lower_ in ("would", "'d"))
               for t, _ in chain for c in t.children)


def _governed_by_past_saying(chain: list[tuple[Any, str]], lo: int, hi: int) -> bool:
    top = chain[-1][0]
    head = top.head
    return top.dep_ in ("ccomp", "parataxis", "xcomp") and head.i != top.i and lo <= head.i < hi and \
        head.lemma_.lower() in (lex.SAY_VERBS | lex.BELIEVE_VERBS | lex.WARNING_VERBS | {"announce", "decide", "agree"}) \
        and head.tag_ in ("VBD", "VBN")


def modality_of(doc: Any, anchor: Any, lo: int, hi: int, event_type: str | None = None,
                attribution: Attribution | None = None, cues: list[Cue] | None = None) -> str:
    """The modality of the event whose trigger is ``anchor`` in the sentence of tokens ``[lo, hi)``."""
    if anchor is None:
        return "asserted"
    if cues is None:
        cues = find_cues(doc, lo, hi, anchor, event_type)
    flags: set[str] = set()
    chain = clause_chain(anchor, lo, hi)
    past_saying = _governed_by_past_saying(chain, lo, hi)

    def same_type(lem: str) -> bool:
        """Is the verb the coded act itself ("agreed to" above an AGREE event)?"""
        return bool(event_type) and event_type in lex.EVENT_VERB_TYPES.get(lem, frozenset())

    anchor_lemma = anchor.lemma_.lower()
    # "did not agree", "failed to reach a deal": the refusal is a REJECT that happened, not a negated act
    neg_is_event = event_type == "REJECT" and (VERBS.get(anchor_lemma, (None, []))[0] or ("",))[0] != "REJECT"
    if anchor.pos_ == "ADJ" and anchor_lemma in lex.PLAN_ADJECTIVES:
        flags.add("planned")
    elif anchor_lemma in lex.PLAN_TRIGGERS and not same_type(anchor_lemma) and _approves_later_act(anchor):
        flags.add("planned")
    if anchor_lemma in lex.FORECAST_PARTICIPLES and anchor.pos_ == "VERB" and \
            any(c.dep_ in ("auxpass", "aux") and c.lemma_.lower() == "be" for c in anchor.children) and \
            any((c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in anchor.children):
        flags.add("expected")  # a trigger span that starts at the forecast ("set to host talks")
    for k, (tok, link) in enumerate(chain):
        lem = tok.lemma_.lower()
        below = chain[k - 1][0] if k else None
        is_verbal = tok.pos_ in ("VERB", "AUX")
        if _negated(tok, link) and not neg_is_event:
            flags.add("negated")
        if below is not None and link in ("pcomp", "pobj") and tok.lower_ == "without":
            flags.add("negated")
        if is_verbal or tok.pos_ == "ADJ":
            own = _modal_flags(tok, past_saying)
            if k == 1 and link == "nsubj" and anchor.pos_ in ("NOUN", "PROPN") and lem in _ASPECT_VERBS and \
                    "planned" in own:
                own = (own - {"planned"}) | {"expected"}  # "the truce will begin on Friday": a forecast
            elif k == 1 and link in ("nsubj", "nsubjpass") and anchor.pos_ == "NOUN" and \
                    (lem in lex.SEEM_VERBS or lem in lex.BELIEVE_VERBS) and any(c.dep_ == "xcomp"
                                                                                for c in tok.children):
                own |= {"believed"}  # "the strike appears to have hit a depot": the hedge governs the act noun
            elif k == 1 and link == "nsubj" and anchor.pos_ == "NOUN" and lem not in _ASPECT_VERBS | _HAPPEN_VERBS \
                    and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in tok.children):
                # "an incursion would displace thousands, agencies said": a consequence of an act that may
                # never come, not a past intent reported
                own = (own - {"planned"}) | {"hypothetical"}
            flags |= own
            if _conditional(tok):
                flags.add("conditional")
            if tok.dep_ == "ROOT" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in
                                                              tok.children) and \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                flags.add("planned")  # headline future: "Israel to send delegation to Cairo"
        if is_verbal and not any(t.pos_ in ("VERB", "AUX") for t, _ in chain[:k]) and _future_time(tok):
            flags.add("expected")  # the event's own verb, or the verb a nominal trigger hangs from
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in lex.BELIEF_ADVERBS:
                flags.add("believed")
            if c.dep_ == "amod" and tok.pos_ == "NOUN" and c.lower_ in lex.BELIEF_ADJECTIVES:
                flags.add("believed")
        if k == 0:
            continue
        if link == "xcomp" or (link == "dobj" and lem in ("approve", "authorize", "authorise", "order", "plan")) \
                or (link == "ccomp" and lem in ("decide", "resolve", "agree")):
            if lem in lex.NEGATING_VERBS and event_type != "REJECT":
                flags.add("negated")
            elif lem in lex.PLAN_VERBS and not same_type(lem):
                flags.add("planned")
            elif link == "xcomp" and lem in ("expect", "hope") and tok.pos_ == "VERB" and \
                    tok.tag_ in ("VBZ", "VBP", "VBD") and not any(
                    c.dep_ in ("auxpass", "dobj", "nsubjpass") for c in tok.children):
                flags.add("planned")  # "Turkey expects to begin an operation": its own intent, not a forecast
            elif lem in lex.EXPECT_VERBS or (lem in lex.EXPECT_ADJECTIVES and tok.pos_ in ("ADJ", "VERB")
                                              and link == "xcomp" and lem not in lex.PLAN_VERBS):
                flags.add("expected")
            elif lem in lex.PLAN_ADJECTIVES:
                flags.add("planned")
            elif lem == "be" and below is not None and any(c.dep_ == "aux" and c.lower_ == "to"
                                                           for c in below.children):
                flags.add("planned")  # "Israel is to release ..."
            elif lem == "go" and tok.tag_ == "VBG":
                flags.add("planned")  # "is going to"
            elif lem in lex.SEEM_VERBS or lem in lex.BELIEVE_VERBS:
                flags.add("believed")
            elif lem in lex.DENY_VERBS and not same_type(lem):
                flags.add("denied")
        if link == "prep" and below is not None and below.lower_ == "to" and lem in lex.FORECAST_PARTICIPLES \
                and any(c.dep_ in ("auxpass", "aux") and c.lemma_.lower() == "be" for c in tok.children):
            flags.add("expected")  # "Egypt is set to host talks", with "to host talks" misparsed as a phrase
        if link == "acl" and (lem in lex.PLAN_NOUNS):
            if tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could")
                                                          for c in tok.head.children):
                # "the decision to broaden the operations may hinge on ...": the decision is given, the
                # sentence hedges it (PROVENANCE.md's own "may hinge")
                flags.add("believed")
            else:
                flags.add("planned")
        if link == "acl" and lem in lex.EXPECT_NOUNS:
            flags.add("expected")
        if link in ("prep", "pcomp") and lem in lex.BELIEVE_VERBS:
            flags.add("believed")  # "suspected of planting"
    # "Hezbollah will fire rockets if Israel bombs Beirut, its leader said": the parser hangs the if-clause
    # on the saying verb, but it sits inside the reported words, before the speaker
    top = chain[-1][0]
    sayer = top.head
    if top.dep_ in ("ccomp", "parataxis") and sayer.i > top.i and lo <= sayer.i < hi and \
            sayer.lemma_.lower() in (lex.SAY_VERBS | lex.BELIEVE_VERBS):
        subj = [c.left_edge.i for c in sayer.children if c.dep_ in ("nsubj", "nsubjpass")]
        if _conditional(sayer, (top.i, min(subj + [sayer.i]))):
            flags.add("conditional")
    modal_only_plan = "planned" in flags and _plan_from_modal_only(chain, anchor)
    for cue in cues:
        if cue.kind == "deny":
            if not same_type(cue.lemma or ""):
                flags.add("denied")
        elif cue.kind in ("believe", "seem"):
            flags.add("believed")
            if modal_only_plan and cue.token.pos_ in ("VERB", "AUX") and cue.lemma in lex.FEAR_VERBS:
                # "officials believe Hamas will release ...": the belief governs, not anyone's announced intent
                flags.discard("planned")
        elif cue.kind == "expect":
            flags.add("expected")
    # "rejected reports that ..." denies the act
    for cue in cues:
        if cue.token.pos_ == "NOUN" and cue.kind == "say":
            h = cue.token.head
            if cue.token.dep_ in ("dobj", "pobj") and h.lemma_.lower() in lex.REJECT_CLAIM_VERBS:
                flags.add("denied")
    for m in MODALITIES:
        if m in flags:
            return m
    said = any(c.kind in _SAY_LIKE for c in cues)
    if said or (attribution is not None and (attribution.cue or attribution.claimant)):
        return "reported"
    return "asserted"


def intent_cue(doc: Any, anchor: Any, lo: int, hi: int, event_type: str | None = None) -> str | None:
    """The lemma of the verb of intent, forecast or seeming that governs the event's own clause ("plans to
    deliver" -> plan, "is expected to resume" -> expect, "appear to have withdrawn" -> appear), else None.

    It is the event's cue when no word of saying or believing attributes it."""
    if anchor is None:
        return None

    def same_type(lem: str) -> bool:
        return bool(event_type) and event_type in lex.EVENT_VERB_TYPES.get(lem, frozenset())

    lem0 = anchor.lemma_.lower()
    if lem0 in lex.PLAN_TRIGGERS and not same_type(lem0) and anchor.pos_ == "VERB" and _approves_later_act(anchor):
        return lem0
    chain = clause_chain(anchor, lo, hi)
    for tok, link in chain[1:]:
        lem = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if link == "xcomp" or (link == "dobj" and lem in ("approve", "authorize", "authorise", "order", "plan")) \
                or (link == "ccomp" and lem in ("decide", "resolve")):
            if lem in lex.NEGATING_VERBS or same_type(lem):
                return None
            if lem in lex.PLAN_VERBS or lem in lex.EXPECT_VERBS or lem in lex.SEEM_VERBS or \
                    lem in lex.BELIEVE_VERBS:
                return lem
    return None


#: Nouns whose figures are terms, not facts: "a deal to release 50 hostages", "the proposal for a 6-week truce".
TERMS_NOUNS: frozenset[str] = frozenset({"deal", "agreement", "accord", "proposal", "offer", "plan", "framework",
                                         "arrangement", "terms", "draft", "initiative", "roadmap", "blueprint"})


def claim_modality(doc: Any, start: int, end: int, lo: int, hi: int) -> str:
    """The modality of a claimed figure at characters ``[start, end)``: read from the verb that governs it
    ("Hamas is expected to release 13 hostages" -> expected); a figure set in the terms of a deal or
    proposal is planned ("a deal to release 50 hostages", "the proposal for the release of 40")."""
    tok = anchor_token(doc, start, end)
    if tok is None or not (lo <= tok.i < hi):
        return "asserted"
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and lo <= tok.head.i < hi and steps < 6:
        tok = tok.head
        steps += 1
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in TERMS_NOUNS | lex.PLAN_NOUNS:
            return "planned"
    terms = TERMS_NOUNS | lex.PLAN_NOUNS
    if tok.pos_ == "VERB" and tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in terms:
        return "planned"  # "a deal to release 50 hostages", "the plan under which 40 would be freed"
    to = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < tok.i]
    if to and to[0].i > 0 and doc[to[0].i - 1].pos_ == "NOUN" and doc[to[0].i - 1].lemma_.lower() in terms:
        return "planned"  # the same, when the parser hangs the infinitive on the main verb
    return modality_of(doc, tok, lo, hi)


class ModalityTagger(Component):
    """Sets ``event.modality`` for every event and ``claim.modality`` for every claimed figure."""

    name = "modality"
    requires = ("events", "event.attribution", "claims")
    assigns = ("event.modality", "claim.modality")

    def __call__(self, article: Article, doc: Any) -> Article:
        sents = article.sentences
        for ev in article.events:
            sent = sents[ev.sentence_index] if ev.sentence_index < len(sents) else None
            lo, hi = sentence_tokens(doc, *((sent.start, sent.end) if sent else (ev.start, ev.end)))
            anchor = event_anchor(doc, ev)
            if anchor is None or not (lo <= anchor.i < hi):
                ev.modality = "reported" if (ev.attribution.cue or ev.attribution.claimant) else "asserted"
                continue
            ev.modality = modality_of(doc, anchor, lo, hi, ev.type, ev.attribution)
            if ev.attribution.cue is None and ev.modality in ("planned", "expected", "believed"):
                ev.attribution.cue = intent_cue(doc, anchor, lo, hi, ev.type)
        for cl in article.claims:
            sent = sents[cl.sentence_index] if cl.sentence_index < len(sents) else None
            lo, hi = sentence_tokens(doc, *((sent.start, sent.end) if sent else (cl.start, cl.end)))
            cl.modality = claim_modality(doc, cl.start, cl.end, lo, hi)
        return article
