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
   "fail to" and negation turn cooperation into REJECT and drop other negated acts; "X said Y must Z" is
   REQUEST.  Talks "expected/set/due to" resume stay CONSULT.
3. **No event** for commentary: triggers under verbs of analysis whose subject is a commentator or no
   actor ("analysts note", "observers caution"), and triggers with no actor at all.
4. **Actors.**  Subject -> source (the ``by`` agent in the passive, the antecedent of a relative
   pronoun, the controller of "to"-complements, the speaker of a reporting verb as a fallback); object,
   dative, and ``on/against/with/to/at/into/from`` objects -> target; the place of an attack as a last
   resort for the target.  Domestic actors without a country ("the president", "opposition parties") take
   the country of the sentence.
5. **One main event per sentence** (the gold convention).

Modes used (``Event.mode``): ASSAULT air, shell, ground, fire, explosives, abduct, assassinate, beat,
torture, sexual; COERCE arrest, detain, raid, seize, occupy, destroy, blockade, deport, ban, censor,
curfew, restrict; RETREAT release, return, ceasefire, access, withdraw, disarm, ease; PROTEST demonstrate,
riot, strike, hunger, boycott, obstruct, occupy; MOBILIZE troops, police; SANCTION expel, withdraw;
AID military, asylum, humanitarian; CONSULT visit, phone, mediate, host; COOPERATE intelligence,
extradite; ACCUSE investigate, sue.
"""

from __future__ import annotations

from typing import Any

from fulcrum.extract.actors import head_sector, resolve_actor_text
from fulcrum.extract.base import Component
from fulcrum.extract.lexicon.actors import COMMENTATORS
from fulcrum.extract.lexicon.events import (
    ANALYSIS_VERBS,
    CAMEO_BY_MODE,
    CAMEO_ROOT,
    COOPERATIVE,
    HOSTILE,
    INTENT_ADJS,
    INTENT_VERBS,
    LIGHT_VERBS,
    NOUNS,
    OBJECT_CLASSES,
    REPORTING_VERBS,
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
                        "enter"})
_DOMESTIC = frozenset({"GOV", "COP", "JUD", "LEG", "OPP", "CVL", "REB", "MIL", "EDU", "LAB", "AGR", "BUS",
                       "HLH", "REF", "MED", "REL"})
_MEASURE = frozenset({"ton", "tonne", "worth", "kg", "kilogram", "amount", "number", "batch", "lot", "shipment",
                      "package", "load", "million", "billion", "thousand", "dozen", "hundred", "part", "some",
                      "more", "most", "all"})
_ASPECT_XCOMP = frozenset({"resume", "continue", "begin", "start", "keep", "step", "try", "attempt", "seek"})
_EFFORT = frozenset({"effort", "campaign", "bid", "drive", "initiative", "mission", "process", "round", "push",
                     "programme", "program", "wave", "series", "spate"})
_NEG = frozenset({"not", "n't", "never", "no"})
_REL_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def cameo_root(type_: str, mode: str | None) -> str:
    """The CAMEO root code (two digits) of a PLOVER type and mode, consistent with the 2021 crosswalk."""
    return CAMEO_BY_MODE.get((type_, mode or ""), CAMEO_ROOT[type_])


def _lemma(tok: Any) -> str:
    lem = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or (tok.is_title and lem == tok.lower_):
        low = tok.lower_
        for cand in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "",
                     low[:-3] + "y" if low.endswith("ies") else "", low[:-2] if low.endswith("ed") else "",
                     low[:-1] if low.endswith("ed") else "", low[:-3] if low.endswith("ing") else ""):
            if cand and (cand in VERBS or cand in NOUNS):
                return cand
        return low
    return lem


def _in_class(tok: Any, key: str) -> bool:
    cls = OBJECT_CLASSES.get(key)
    lem = _lemma(tok)
    if cls is None:
        return lem == key or any(_lemma(c) == key for c in tok.children if c.dep_ == "compound")
    if lem in cls:
        return True
    if key == "PEOPLE" and tok.ent_type_ in ("PERSON", "NORP"):
        return True
    if lem.endswith("s") and lem[:-1] in cls:
        return True
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in cls for c in tok.children) and key in (
        "MILOP", "AID", "PROBE", "TALKS")


def _objects(v: Any) -> list[Any]:
    """The object heads of a verb: direct object, passive subject, attribute, object of its first prep."""
    out = []
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
            out.append(c)
            out.extend(c.conjuncts)
    for o in list(out):
        if o.lemma_.lower() in _MEASURE:
            out.extend(g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj")
    if not out:
        for c in v.children:
            if c.dep_ in ("prep", "prt"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
    if not out and v.dep_ == "acl":
        out.append(v.head)
    return out


def _has_child(v: Any, word: str) -> bool:
    return any(c.lower_ == word and c.dep_ in ("prt", "prep", "advmod", "acomp", "dobj", "npadvmod", "agent")
               for c in v.children)


class _Cand:
    __slots__ = ("anchor", "tok", "type", "mode", "rule", "nominal", "score", "must", "tok_subject")

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
            ev = self._code_sentence(article, span, index, sent.index)
            if ev is not None:
                events.append(ev)
        article.events = events
        return article

    # -- triggers --------------------------------------------------------------------------------------
    def _verb_sense(self, v: Any, index: dict) -> tuple[tuple[str, str | None] | None, str] | None:
        entry = VERBS.get(_lemma(v))
        if entry is None:
            return None
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
            elif kind == "^":
                subj = _subject(v)
                hit = subj is not None and any(a.sector == word for a in _arg_actors(subj, index, deep=False))
                if not hit and subj is not None and word in ("LAB", "CVL", "EDU", "HLH", "AGR"):
                    hit = head_sector(subj) == word
            if hit:
                return sense, f"{_lemma(v)}{key}"
        return default, _lemma(v)

    def _noun_sense(self, n: Any) -> tuple[tuple[str, str | None] | None, str] | None:
        entry = NOUNS.get(_lemma(n))
        if entry is None:
            return None
        default, keyed = entry
        mods = {_lemma(c) for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        if _lemma(n) == "strike" and n.tag_ in ("NNS", "NNPS") and not mods & {"hunger", "general", "worker"}:
            return ("ASSAULT", "air"), "strikes"  # plural "strikes" in war reporting are attacks
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
        for tok in span:
            verbish = tok.pos_ in ("VERB", "AUX") or (headline and tok.tag_ in ("VBZ", "VBD", "VBP", "VB"))
            if verbish or (headline and tok.pos_ == "PROPN" and tok.dep_ in ("ROOT", "ccomp", "conj")):
                vs = self._verb_sense(tok, index)
                if vs is not None and vs[0] is not None:
                    (t, m), rule = vs
                    if tok.dep_ in ("amod",) or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
                        continue  # "hostages held by", "people killed in": background
                    cands.append(_Cand(tok, tok, t, m, f"verb:{rule}", False, 1.0))
                    continue
            if tok.pos_ in ("NOUN", "PROPN") and not verbish:
                ns = self._noun_sense(tok)
                if ns is None or ns[0] is None:
                    continue
                (t, m), rule = ns
                anchor, how = _nominal_anchor(tok, index, headline)
                if anchor is None:
                    continue
                # a light verb with its own sense wins ("impose sanctions", "reach a deal")
                if anchor.i != tok.i and anchor.pos_ in ("VERB", "AUX"):
                    vs = self._verb_sense(anchor, index)
                    if vs is not None and vs[0] is not None:
                        continue  # the verb itself is a candidate
                score = 0.9 if how == "light" else 0.6
                cands.append(_Cand(anchor, tok, t, m, f"noun:{rule}:{how}", True, score))
        return cands

    # -- one sentence ------------------------------------------------------------------------------
    def _code_sentence(self, article: Article, span: Any, index: dict, sent_index: int) -> Event | None:
        if span.text.rstrip().endswith("?"):
            return None  # a question is not a report
        root = span.root
        subj = _subject(root)
        if subj is not None and _lemma(subj) in COMMENTATORS:
            return None
        cands = self._candidates(span, index)
        must = _must_request(span)
        if must is not None:
            cands.append(must)
        if not cands:
            return self._headline_linear(article, span, index, sent_index) if _is_headline(span) else None
        anchors = {c.anchor.i: c for c in cands}
        best: tuple[Any, ...] | None = None
        for c in cands:
            res = self._compose(c, anchors, index)
            if res is None:
                continue
            t, m, rule, anchor, conf = res
            depth = _depth(anchor, span)
            key = (depth, -conf, c.tok.i)
            if best is None or key < best[0]:
                best = (key, c, t, m, rule, anchor, conf)
        if best is None:
            return self._headline_linear(article, span, index, sent_index) if _is_headline(span) else None
        _key, c, t, m, rule, anchor, conf = best
        source, target = self._roles(c, anchor, index, span, t)
        if not source and not target:
            return None
        _fill_domestic(source, target, span, index)
        if not any(a.code for a in source + target):
            return None  # nobody identifiable did it: an accident, a toll, a generic statement
        sent = article.sentences[sent_index]
        trig_end = c.tok.idx + len(c.tok.text)
        trig_start = c.tok.idx
        if c.anchor.i != c.tok.i and c.anchor.i < c.tok.i and c.tok.i - c.anchor.i <= 4:
            trig_start = c.anchor.idx
        return Event(type=t, sentence_index=sent_index, start=sent.start, end=sent.end, mode=m,
                     cameo=cameo_root(t, m), source=source, target=target,
                     trigger=Span(trig_start, trig_end, t), confidence=round(conf, 2), rule=rule)

    def _headline_linear(self, article: Article, span: Any, index: dict, sent_index: int) -> Event | None:
        """Title-case headlines the parser mis-tags: "Syria Shells Rebel-Held Town": the first lexicon verb
        form after an actor, actors on its left as source, on its right (up to a comma) as target."""
        names = [(i, resolve_actor_text(span.doc[i].text)) for i in range(span.start, span.end)
                 if span.doc[i].is_title or span.doc[i].is_upper]
        named = {i: a for i, a in names if a is not None and a.code}
        for tok in span:
            if tok.i in named or not tok.is_alpha or not any(i < tok.i for i in named):
                continue
            entry = VERBS.get(_lemma(tok))
            if entry is None or entry[0] is None:
                continue
            t, m = entry[0]
            source = [named[i] for i in sorted(named) if i < tok.i][-1:]
            target = []
            for j in range(tok.i + 1, span.end):
                if span.doc[j].text in (",", ":", ";"):
                    break
                if j in named:
                    target.append(named[j])
            sent = article.sentences[sent_index]
            for a in source + target:
                a.start, a.end = None, None
            return Event(type=t, sentence_index=sent_index, start=sent.start, end=sent.end, mode=m,
                         cameo=cameo_root(t, m), source=_dedupe(source), target=_dedupe(target),
                         trigger=Span(tok.idx, tok.idx + len(tok.text), t), confidence=0.5,
                         rule=f"headline:{_lemma(tok)}")
        return None

    def _compose(self, c: _Cand, anchors: dict, index: dict) -> tuple[str, str | None, str, Any, float] | None:
        """Apply the governing context of a candidate: returns (type, mode, rule, anchor, confidence)."""
        t, m, rule, anchor, conf = c.type, c.mode, c.rule, c.anchor, c.score
        if c.must:
            return t, m, rule, anchor, conf
        # absorbed by a governing candidate: the governor decides
        node = anchor
        while node.head.i != node.i:
            up = node.head
            if up.i in anchors and up.i != anchor.i and node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep",
                                                                     "pcomp", "advcl", "acl", "nsubj",
                                                                     "nsubjpass", "attr", "dative"):
                return None  # the governor is its own candidate and decides
            node = up
        lem = _lemma(anchor)
        # negation
        if any(ch.dep_ == "neg" or (ch.lower_ in _NEG and ch.dep_ in ("advmod", "det")) for ch in anchor.children):
            if t in COOPERATIVE:
                return "REJECT", None, f"{rule}+neg", anchor, conf * 0.9
            if t not in ("REJECT",):
                return None
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
            if hl in ("demand", "urge", "ask", "call", "appeal", "press"):
                return "REQUEST", None, f"{hl}+{rule}", head, conf
            if hl == "prepare" and t == "ASSAULT":
                return "MOBILIZE", m, f"prepare+{rule}", head, conf
            if hl in INTENT_VERBS or (head.pos_ == "ADJ" and hl in INTENT_ADJS):
                if t in COOPERATIVE:
                    return "AGREE", None, f"{hl}+{rule}", head, conf
                if t in HOSTILE and t != "MOBILIZE":
                    return "THREATEN", None, f"{hl}+{rule}", head, conf
            if hl in _EXPECT or head.lemma_ in _EXPECT:
                return t, m, f"{rule}+expected", head, conf
            if head.pos_ == "AUX" or hl in ("be",):
                pass
        # readiness adjective: "is willing to withdraw" (xcomp of an ADJ acomp)
        if anchor.dep_ == "xcomp" and head.pos_ == "ADJ" and _lemma(head) in INTENT_ADJS:
            if t in COOPERATIVE:
                return "AGREE", None, f"{_lemma(head)}+{rule}", head.head, conf
            if t in HOSTILE:
                return "THREATEN", None, f"{_lemma(head)}+{rule}", head.head, conf
        # modal future / condition
        auxes = {ch.lower_ for ch in anchor.children if ch.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE or _going_to(anchor):
            if _conditional(anchor, ("unless",)):
                return "THREATEN", None, f"{rule}+unless", anchor, conf
            if t in COOPERATIVE:
                return "AGREE", None, f"{rule}+intent", anchor, conf
            if t in HOSTILE and t not in ("MOBILIZE",):
                return "THREATEN", None, f"{rule}+intent", anchor, conf
        if auxes & _HYPOTHETICAL:
            conf *= 0.7
            if t in HOSTILE and _conditional(anchor):
                return "THREATEN", None, f"{rule}+conditional", anchor, conf
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
        if c.must:
            spk = _subject(anchor)
            source = _arg_actors(spk, index, deep=True) if spk is not None else []
            target = _arg_actors(c.tok_subject, index, deep=True) if c.tok_subject is not None else []
            return _dedupe(source), _dedupe(target)
        trig = c.tok
        # the trigger verb's own arguments first (it may sit under the anchor: "agreed to withdraw")
        verbs = [v for v in (trig if not c.nominal else None, verb) if v is not None]
        for v in verbs:
            if source:
                break
            passive = any(ch.dep_ in ("nsubjpass", "auxpass") for ch in v.children)
            if passive:
                for ch in v.children:
                    if ch.dep_ == "agent":
                        for g in ch.children:
                            if g.dep_ == "pobj":
                                source = _arg_actors(g, index, deep=True)
            else:
                s = _subject(v)
                if s is not None:
                    deep = not (v.dep_ == "relcl" and s.i == v.head.i)
                    source = _arg_actors(s, index, deep=deep)
        if c.nominal:
            mods = [ch for ch in trig.children if ch.dep_ in ("poss", "compound", "amod", "nmod")]
            own = [a for m in mods for a in _arg_actors(m, index, deep=False)]
            own += index.get(trig.i, [])
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
        # targets
        for v in verbs:
            if target:
                break
            target = _targets_of(v, index, source, type_)
            if not target:
                for ch in v.children:
                    if ch.dep_ in ("xcomp", "ccomp"):
                        target = _targets_of(ch, index, source, type_)
                        if not target and ch.dep_ == "ccomp":
                            s = _subject(ch)
                            if s is not None:
                                target = _arg_actors(s, index, deep=True)
                        if target:
                            break
        if not target and c.nominal:
            for ch in trig.children:
                if ch.dep_ == "prep" and ch.lower_ in _TARGET_PREPS | {"of"}:
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            target += _arg_actors(g, index, deep=True)
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
            source = left[:1]
        src_keys = {(a.code, a.sector, a.start) for a in source}
        target = [a for a in target if (a.code, a.sector, a.start) not in src_keys]
        return _dedupe(source), _dedupe(target)


# -- helpers ---------------------------------------------------------------------------------------------

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
    for ch in v.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if ch.lower_ in _REL_PRONOUNS and v.dep_ == "relcl":
                return v.head
            if ch.dep_ == "nsubjpass" and not raising:
                continue
            return ch
    # controlled subject: xcomp / conj / advcl share the head's subject
    if v.dep_ in ("xcomp", "conj", "advcl", "ccomp") and v.head.i != v.i:
        if v.dep_ == "ccomp" and v.head.pos_ not in ("VERB", "AUX"):
            return None
        return _subject(v.head, raising=v.dep_ == "xcomp") if v.dep_ != "ccomp" else None
    if v.dep_ == "acomp" and v.head.i != v.i:
        return _subject(v.head)
    return None


def _arg_actors(h: Any, index: dict, deep: bool) -> list[Actor]:
    """Actors of an argument: its head, left modifiers, conjuncts and appositions; deeper if none coded."""
    if h is None:
        return []
    out: list[Actor] = []
    core = [h, *h.conjuncts]
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
        for x in h.subtree:
            if x.i != h.i:
                out += [a for a in index.get(x.i, []) if a.code]
    return _dedupe(out)


def _targets_of(v: Any, index: dict, source: list[Actor], type_: str = "") -> list[Actor]:
    out: list[Actor] = []
    weak: list[Actor] = []
    for ch in v.children:
        if ch.dep_ in ("dobj", "dative", "iobj", "nsubjpass", "attr", "oprd") and type_ != "MOBILIZE":
            found = _arg_actors(ch, index, deep=True)
            out += [a for a in found if a.code]
            weak += [a for a in found if not a.code]
    if out:
        return out
    for ch in v.children:
        if (ch.dep_ in ("prep", "prt") and ch.lower_ in _TARGET_PREPS) or ch.dep_ == "agent" and False:
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
    if node.dep_ in ("compound", "nmod", "amod") and _lemma(node.head) in _EFFORT:
        node = node.head
    dep = node.dep_
    head = node.head
    if dep in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        if _lemma(head) in LIGHT_VERBS or (_lemma(head) in VERBS and dep != "nsubjpass"):
            return head, "light"
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        gv = head.head
        if head.lower_ in ("in", "for", "into", "to", "on") and _lemma(gv) in LIGHT_VERBS | {
                "engage", "return", "converge", "gather", "meet", "come", "arrive", "travel", "agree"}:
            return gv, "light"
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and _lemma(head) in _ASPECTUAL:
        return head, "aspect"
    if dep == "ROOT":
        return n, "root"
    if headline and dep in ("ROOT", "nsubj", "dobj", "appos") and head.dep_ == "ROOT":
        return n, "headline"
    if dep in ("nsubj", "dobj", "nsubjpass", "ROOT", "conj") and _has_actor_modifier(n, index):
        return n, "actor-mod"
    return None, ""


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


def _going_to(v: Any) -> bool:
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in v.children) and v.head.lemma_ == "go"


def _conditional(v: Any, marks: tuple[str, ...] = ("if", "unless")) -> bool:
    return any(ch.dep_ == "advcl" and any(g.lower_ in marks for g in ch.children) for ch in v.children)


def _is_headline(span: Any) -> bool:
    text = span.text.strip()
    if not text or text[-1] in ".!?\"'”’" or len(span) > 25:
        return False
    words = [t for t in span if t.is_alpha and len(t.text) > 3]
    return bool(words) and sum(t.is_title for t in words) / len(words) >= 0.6


def _fill_domestic(source: list[Actor], target: list[Actor], span: Any, index: dict) -> None:
    """Actors with a sector but no country take the country named in the sentence."""
    country = None
    for i in range(span.start, span.end):
        for a in index.get(i, []):
            if a.code and a.code not in ("IGO", "NGO", "IMG"):
                country = a.code
                break
        if country:
            break
    if country is None:
        return
    for role in (source, target):
        for k, a in enumerate(role):
            if a.code is None and a.sector in _DOMESTIC:
                role[k] = Actor(text=a.text, code=country, sector=a.sector, name=a.name, start=a.start,
                                end=a.end)
