"""Quantity claims: what is counted, value, comparator, unit, cumulative or daily.  Writes ``article.claims``.

A claim is a figure that counts people or things of the war -- "more than 220 hostages held", "the death
toll rose to 5,000", "Hamas freed 24 hostages".  Each number in a sentence is read with the spaCy parse:

1. **The figure.**  Digits ("17", "1,200", "4.5 million") and number words ("two", "twenty-five",
   "a dozen", "two hundred") give an exact value.  Vague plurals give the *least* value they imply, with the
   comparator ``">="``: "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of thousands"
   20,000, "hundreds of thousands" 200,000, "millions" 2,000,000 (rule suffix ``vague``).  "several",
   "a few", "many" and fractions ("a third of the hostages") are not figures.
2. **Not a count.**  Numbers inside spaCy DATE / TIME / MONEY / PERCENT / ORDINAL / QUANTITY entities,
   ages ("a 12-year-old", "aged 12"), years, hyphenated modifiers ("24-hour", "three-stage"), and numbers
   whose counted noun is not one we know (days, dollars, kilometres, "Resolution 2720") give no claim.
3. **The counted noun** is the head of a ``nummod`` number ("17 hostages") or the object of a partitive
   "of" ("dozens of people", "two of the hostages").  A subgroup -- "13 of them", "including 3 Thais",
   "among whom 5 children" -- is skipped: the claim is the headline total.
4. **What is counted** comes from the noun's class and the words that govern it (the verb above it, a
   reduced relative such as "hostages *freed*", "the *death toll* rose to", "the *number of hostages* ... at
   220").  The controlled vocabulary (:data:`WHAT`):

   ==================  ============================================================
   hostages_held       hostages/captives held, still in captivity (the default for hostages)
   hostages_released   hostages freed, released, handed over, returned
   hostages_rescued    hostages rescued by force
   hostages_taken      people abducted, kidnapped, taken hostage
   hostages_dead       hostages killed, found dead, bodies of hostages
   prisoners_released  prisoners/detainees released, freed, exchanged
   prisoners_held      prisoners/detainees held
   killed              people killed, dead, deaths, fatalities, death toll, bodies
   injured             people injured, wounded, injuries
   casualties          "casualties" (killed and injured together)
   displaced           people displaced, fled, made homeless
   missing             people missing, unaccounted for
   arrested            people arrested, detained, rounded up
   aid_trucks          (aid) trucks, lorries
   rockets_fired       rockets, missiles, projectiles, mortars
   strikes             airstrikes, strikes
   ==================  ============================================================

5. **Comparator** from the words before the figure ("more than" ``>``, "at least" ``>=``, "fewer than"
   ``<``, "up to" ``<=``, "about" ``~``) or from a governing verb ("the toll passed 5,000" ``>``, "nears"
   ``~``).
6. **Cumulative**: ``True`` for running totals ("toll", "total", "so far", "since", "rose to"),
   ``False`` for flows reported as happening (killed, injured, released, ...) without such a cue,
   ``None`` for stocks without a cue (hostages held, displaced, missing).

``unit`` is the lemma of the counted noun ("hostage", "child", "truck"), or ``"person"`` when people are
implied ("killed 12", "Over 175 killed").  ``rule`` tells how the claim was found, e.g.
``nummod:hostage+release`` or ``toll:death``.
"""

from __future__ import annotations

import re
from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article, Claim

__all__ = ["QuantityExtractor", "WHAT", "parse_number"]

#: The controlled names of what a claim counts.
WHAT: tuple[str, ...] = (
    "hostages_held", "hostages_released", "hostages_rescued", "hostages_taken", "hostages_dead",
    "prisoners_released", "prisoners_held", "killed", "injured", "casualties", "displaced", "missing",
    "arrested", "aid_trucks", "rockets_fired", "strikes",
)

# --- numbers -------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
           "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
#: Vague plurals and the least value they imply.
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
          "tens": 20}
_VAGUE_SCALE = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_number(words: list[str]) -> tuple[float, bool] | None:
    """Value of a number written as tokens (``["4.5", "million"]``, ``["twenty", "-", "five"]``,
    ``["tens", "of", "thousands"]``); the flag tells a vague plural ("dozens": least value 24)."""
    ws = [w.lower() for w in words if w not in ("-", "and")]
    if not ws:
        return None
    if ws[0] in _VAGUE:
        # "tens of thousands", "hundreds of thousands", "dozens"
        rest = [w for w in ws[1:] if w != "of"]
        value = float(_VAGUE[ws[0]])
        for w in rest:
            if w in _VAGUE_SCALE:
                value = (_VAGUE[ws[0]] if ws[0] != "tens" else 10) * _VAGUE_SCALE[w] * (2 if ws[0] == "tens" else 1)
            else:
                return None
        return value, True
    total = 0.0
    current = 0.0
    seen = False
    for w in ws:
        if w == "a" and not seen:
            current = 1.0
            seen = True
            continue
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            if current == 0:
                current = 1.0
            if scale >= 1000:
                total += current * scale
                current = 0.0
            else:
                current *= scale
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return value, False


def _is_number_token(tok: Any) -> bool:
    low = tok.lower_
    if _DIGITS.match(tok.text):
        return True
    return low in _UNITS or low in _TENS or low in _SCALES or low in _VAGUE


# --- lexicon -------------------------------------------------------------------------------------------

_HOSTAGE = {"hostage", "captive", "abductee"}
_PRISONER = {"prisoner", "detainee", "inmate"}
_PEOPLE = {
    "people", "person", "civilian", "child", "kid", "woman", "man", "baby", "infant", "minor", "teenager",
    "boy", "girl", "toddler", "soldier", "troop", "officer", "militant", "fighter", "gunman", "terrorist",
    "journalist", "reporter", "resident", "worker", "staff", "member", "patient", "doctor", "nurse", "medic",
    "paramedic", "student", "refugee", "citizen", "national", "foreigner", "individual", "victim",
    "settler", "policeman", "employee", "volunteer", "pilgrim", "protester", "demonstrator", "adult",
    "palestinian", "israeli", "lebanese", "syrian", "american", "thai", "israelis", "palestinians",
    "reservist", "commander", "operative", "inhabitant", "villager", "passenger", "Gazan".lower(),
}
_DEAD_NOUN = {"death", "fatality", "dead"}
_HURT_NOUN = {"injury", "wounded", "injured"}
_DISPLACED_NOUN = {"displaced", "evacuee"}
_BODY = {"body", "corpse"}
_TRUCK = {"truck", "lorry"}
_ROCKET = {"rocket", "missile", "projectile", "mortar"}
_STRIKE = {"airstrike", "strike", "air-strike", "bombardment"}
_TOLL = {"toll", "tally", "number", "count", "total", "figure"}

_KILL = {"kill", "die", "dead", "death", "slay", "murder", "massacre", "fatality", "perish", "execute",
         "body", "corpse", "slaughter"}
_INJURE = {"injure", "wound", "hurt", "injury", "wounded", "injured", "maim"}
_DISPLACE = {"displace", "flee", "uproot", "evacuate", "homeless", "displacement", "displaced"}
_MISSING = {"missing", "unaccounted"}
_ARREST = {"arrest", "detain", "apprehend", "round"}
_RELEASE = {"release", "free", "hand", "return", "liberate", "swap", "exchange", "repatriate", "freed",
            "transfer", "releases", "frees"}
_RESCUE = {"rescue", "extract"}
_TAKE = {"abduct", "kidnap", "seize", "take", "snatch", "capture"}
_HOLD = {"hold", "keep", "remain", "captivity", "held", "alive"}

_FLOWS = {"killed", "injured", "casualties", "hostages_released", "hostages_rescued", "hostages_taken",
          "hostages_dead", "prisoners_released", "arrested", "aid_trucks", "rockets_fired", "strikes"}

_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}

# comparators: phrases (lower case, token sequences) just before the figure, longest first
_COMPARATOR_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("more", "than"), ">"), (("over",), ">"), (("above",), ">"), (("in", "excess", "of"), ">"),
        (("upwards", "of"), ">"), (("greater", "than"), ">"), (("exceeding",), ">"),
        (("at", "least"), ">="), (("no", "fewer", "than"), ">="), (("no", "less", "than"), ">="),
        (("not", "less", "than"), ">="), (("a", "minimum", "of"), ">="),
        (("fewer", "than"), "<"), (("less", "than"), "<"), (("under",), "<"), (("below",), "<"),
        (("at", "most"), "<="), (("up", "to"), "<="), (("as", "many", "as"), "<="),
        (("no", "more", "than"), "<="), (("not", "more", "than"), "<="), (("a", "maximum", "of"), "<="),
        (("about",), "~"), (("around",), "~"), (("nearly",), "~"), (("some",), "~"), (("roughly",), "~"),
        (("approximately",), "~"), (("almost",), "~"), (("close", "to"), "~"), (("an", "estimated"), "~"),
        (("estimated",), "~"), (("approx", "."), "~"), (("circa",), "~"), (("nigh", "on"), "~"),
        (("~",), "~"),
    ],
    key=lambda p: -len(p[0]),
)
_COMPARATOR_VERBS = {"exceed": ">", "surpass": ">", "pass": ">", "top": ">", "cross": ">",
                     "near": "~", "approach": "~"}
_RISE_VERBS = {"rise", "climb", "reach", "hit", "mount", "increase", "jump", "soar", "grow", "stand",
               "surge", "exceed", "surpass", "pass", "top", "cross", "near", "approach", "swell", "spike"}
_CUMULATIVE_LEMMAS = {"toll", "total", "tally", "overall", "cumulative", "since", "altogether"}
_CUMULATIVE_PHRASES = re.compile(r"\b(so far|to date|in total|in all|since the (start|beginning|war|outbreak)|"
                                 r"since october|since the october|into the war|of the war)\b", re.I)
_AGE = re.compile(r"^\s*-?\s*(year|month|week|day)s?\s*-?\s*old\b|^\s*years?\s+old\b", re.I)


class QuantityExtractor(Component):
    """Finds quantity claims in every sentence; see the module docstring for the rules."""

    name = "quantities"
    requires = ("sentences",)
    assigns = ("claims",)

    def __call__(self, article: Article, doc: Any) -> Article:
        claims: list[Claim] = []
        text = article.text
        for sent in article.sentences:
            span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None:
                continue
            for group in _number_groups(span):
                claim = self._claim(group, sent.index, text)
                if claim is not None:
                    claims.append(claim)
        claims.sort(key=lambda c: (c.start, c.end))
        article.claims = claims
        return article

    # one number --------------------------------------------------------------------------------------

    def _claim(self, group: list[Any], sentence_index: int, text: str) -> Claim | None:
        first, last = group[0], group[-1]
        doc = first.doc
        ents = {t.ent_type_ for t in group}
        if ents & _SKIP_ENTS and not (ents == {"DATE"} and _date_entity_is_count(group)):
            return None
        parsed = parse_number([t.text for t in group])
        if parsed is None:
            return None
        value, vague = parsed
        after = text[last.idx + len(last.text): last.idx + len(last.text) + 16]
        before = text[max(0, first.idx - 12): first.idx].lower()
        if _AGE.match(after) or re.search(r"\b(aged|age|ages)\s*$", before):
            return None
        if re.match(r"^-[A-Za-z]", after) or re.match(r"^\s*(%|per\s?cent)", after, re.I):
            return None
        if re.search(r"[$€£]\s*$", before):
            return None
        if first.lower_ in {"one", "a"} and len(group) == 1 and first.dep_ != "nummod":
            return None
        root = _group_root(group)
        # climb "4 more hostages", "two other hostages"
        anchor = root
        while anchor.dep_ in ("nummod", "quantmod", "amod", "npadvmod") and anchor.head.lower_ in (
                "more", "other", "additional", "further") and anchor.head.i != anchor.i:
            anchor = anchor.head
        noun = None
        partitive = False
        if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "appos") and anchor.head.pos_ in (
                "NOUN", "PROPN") and anchor.head.i > last.i:
            noun = anchor.head
        else:
            for child in _children(root, group):
                if child.dep_ == "prep" and child.lower_ == "of":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        obj = objs[0]
                        if obj.pos_ == "PRON" or obj.lower_ in ("them", "those", "whom", "which", "these"):
                            return None  # "13 of them": a subgroup
                        if vague and obj.lower_ in _VAGUE_SCALE:
                            continue
                        noun = obj
                        partitive = True
                    break
            if noun is None and vague:
                # "tens of thousands of people": the noun hangs off the last vague word
                for child in last.children:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        objs = [c for c in child.children if c.dep_ == "pobj"]
                        if objs and objs[0].pos_ != "PRON":
                            noun = objs[0]
                            partitive = True
        if _is_subgroup(anchor if noun is None else noun):
            return None
        what, unit, rule, cue_tokens = _classify(noun, anchor, doc, sentence_index)
        if what is None:
            return None
        if noun is None and _looks_like_year(group, value) and not (
                rule.startswith(("toll", "number_of")) or anchor.dep_ in ("dobj", "nsubj", "nsubjpass")):
            return None
        comparator = ">=" if vague else "="
        start = first.idx
        comp = _comparator_before(doc, first.i)
        if comp is not None:
            comparator, comp_start = comp
            start = comp_start
        elif anchor.dep_ in ("dobj", "attr") and anchor.head.lemma_ in _COMPARATOR_VERBS:
            comparator = _COMPARATOR_VERBS[anchor.head.lemma_]
        elif anchor.dep_ == "pobj" and anchor.head.head.lemma_ in _COMPARATOR_VERBS and anchor.head.lower_ in (
                "to",):
            comparator = "~" if anchor.head.head.lemma_ in ("near", "approach") else comparator
        end = last.idx + len(last.text)
        if noun is not None and noun.i > last.i and (noun.i - last.i <= 6 or partitive):
            end = noun.idx + len(noun.text)
        cumulative = _cumulative(what, anchor, noun, cue_tokens, doc, sentence_index)
        return Claim(what=what, value=float(value), sentence_index=sentence_index, start=start, end=end,
                     comparator=comparator, unit=unit, cumulative=cumulative,
                     rule=rule + (":vague" if vague else ""))


# --- helpers -------------------------------------------------------------------------------------------

def _number_groups(span: Any) -> list[list[Any]]:
    """Runs of number tokens ("4.5 million", "twenty - five", "tens of thousands", "a dozen")."""
    groups: list[list[Any]] = []
    toks = list(span)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not _is_number_token(tok) or (tok.lower_ in ("m", "k", "bn") and not groups):
            i += 1
            continue
        if tok.lower_ in _SCALES and tok.lower_ in ("m", "k", "bn"):
            i += 1
            continue
        group = [tok]
        j = i + 1
        while j < len(toks):
            nxt = toks[j]
            if _is_number_token(nxt) and not _DIGITS.match(nxt.text) and not (
                    _DIGITS.match(group[-1].text) and nxt.lower_ in _UNITS):
                group.append(nxt)
            elif (nxt.text == "-" and j + 1 < len(toks) and group[-1].lower_ in _TENS
                  and toks[j + 1].lower_ in _UNITS):
                group.append(nxt)
            elif (nxt.lower_ == "of" and group[-1].lower_ in _VAGUE and j + 1 < len(toks)
                  and toks[j + 1].lower_ in _VAGUE_SCALE):
                group.append(nxt)
            elif nxt.lower_ == "and" and group[-1].lower_ == "hundred" and j + 1 < len(toks) and (
                    toks[j + 1].lower_ in _UNITS or toks[j + 1].lower_ in _TENS):
                group.append(nxt)
            else:
                break
            j += 1
        # "a dozen", "a hundred"
        if i > 0 and toks[i - 1].lower_ == "a" and tok.lower_ in ("dozen", "hundred", "thousand", "million"):
            group.insert(0, toks[i - 1])
        if group[-1].lower_ in ("and", "of", "-"):
            group.pop()
        groups.append(group)
        i = j
    return groups


def _group_root(group: list[Any]) -> Any:
    ids = {t.i for t in group}
    for t in reversed(group):
        if t.head.i not in ids or t.head.i == t.i:
            if t.lower_ != "a":
                return t
    return group[-1]


def _children(root: Any, group: list[Any]) -> list[Any]:
    out = list(root.children)
    for t in group:
        if t is not root:
            out.extend(c for c in t.children if c.i not in {g.i for g in group})
    return out


def _is_subgroup(tok: Any) -> bool:
    """A figure under "including", "such as", "among them": a part of a total given before."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return False
        head = cur.head
        if head.lemma_ == "include" and head.dep_ == "prep":
            return True
        if head.lower_ in ("including", "among") and cur.dep_ == "pobj":
            if head.lower_ == "among":
                # "among them 5 children" is a subgroup; "among 1,200 people killed" is the total
                return False
            return True
        if head.lower_ == "as" and head.head.lower_ == "such":
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        cur = head
    return False


_DATE_WORDS = re.compile(
    r"^(day|week|month|year|decade|century|hour|minute|second|night|morning|evening|afternoon|weekend|old|"
    r"ago|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|yesterday|tomorrow|last|next|this|past|since|late|early|mid|the|a|an)s?\.?$", re.I)


def _date_entity_is_count(group: list[Any]) -> bool:
    """spaCy sometimes calls a bare count a DATE ("the toll nears 1200"): a DATE entity counts only when it
    holds no date word (day, year, October, old, ago, ...); years are caught later."""
    first = group[0]
    if not first.ent_type_:
        return False
    # the entity around ``first``, found from the token's IOB tags (scanning doc.ents for every number
    # took time quadratic in the length of the article)
    doc, start, end = first.doc, first.i, first.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    ent = doc[start:end]
    ids = {t.i for t in group}
    return not any(_DATE_WORDS.match(t.text) or "-" in t.text for t in ent if t.i not in ids)


def _looks_like_year(group: list[Any], value: float) -> bool:
    return len(group) == 1 and re.fullmatch(r"(19|20)\d\d", group[0].text) is not None and 1900 <= value <= 2100


def _comparator_before(doc: Any, i: int) -> tuple[str, int] | None:
    for phrase, comp in _COMPARATOR_PHRASES:
        n = len(phrase)
        if i - n < 0:
            continue
        toks = doc[i - n: i]
        if tuple(t.lower_ for t in toks) == phrase:
            return comp, toks[0].idx
    return None


def _layers(tok: Any, depth: int = 5) -> list[list[Any]]:
    """The words that govern or modify a token, nearest first: its own clausal and adjectival modifiers
    ("hostages *freed*", "*wounded* Palestinians"), then each head above it with that head's complements
    ("were found *dead*", "remain *missing*", "the *death toll* rose to"), up to the first content verb."""
    layers: list[list[Any]] = []
    own: list[Any] = []
    for c in tok.children:
        if c.dep_ in ("acl", "relcl", "amod", "compound", "acomp", "appos"):
            own.append(c)
            for cc in c.children:
                if cc.dep_ in ("acomp", "oprd", "xcomp", "advmod", "prt"):
                    own.append(cc)
    layers.append(own)
    cur = tok
    for _ in range(depth):
        if cur.head.i == cur.i:
            break
        head = cur.head
        layer = [head]
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            for c in head.children:
                if c.i == cur.i:
                    continue
                if c.dep_ in ("acomp", "oprd", "xcomp", "attr", "prt"):
                    layer.append(c)
                    layer.extend(cc for cc in c.children if cc.dep_ in ("compound", "amod", "acomp"))
            layers.append(layer)
            if head.lemma_ not in ("be", "have", "remain", "stand") or head.pos_ == "ADJ":
                break
        else:
            if head.pos_ == "NOUN" and cur.dep_ in ("pobj", "compound", "appos"):
                layer.extend(c for c in head.children if c.dep_ in ("compound", "amod", "acl", "relcl"))
            layers.append(layer)
        cur = head
    return layers


def _lemma_set(toks: list[Any]) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


_VERB_CLASSES: tuple[tuple[str, set[str]], ...] = (
    ("kill", _KILL), ("rescue", _RESCUE), ("release", _RELEASE), ("injure", _INJURE), ("take", _TAKE),
    ("displace", _DISPLACE), ("missing", _MISSING), ("arrest", _ARREST), ("hold", _HOLD),
)


def _verb_class(layers: list[list[Any]]) -> str | None:
    """The class of the nearest governing word that has one."""
    for layer in layers:
        lemmas = _lemma_set(layer)
        for name, lex in _VERB_CLASSES:
            if lemmas & lex:
                return name
    return None


def _toll_noun(tok: Any) -> Any:
    """A "toll", "number" or "tally" governing a bare figure: above it, or subject/object of a verb above
    it ("the death toll rose to 5,000", "put the number of hostages ... at more than 220")."""
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in _TOLL and cur.pos_ == "NOUN":
            return cur
        if cur.pos_ in ("VERB", "AUX"):
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _TOLL:
                    return c
            if cur.dep_ not in ("acl", "relcl") and cur.lemma_ not in _RISE_VERBS and cur.lemma_ not in (
                    "put", "be", "place", "stand"):
                return None
    return None


def _sentence_lemmas(doc: Any, tok: Any) -> set[str]:
    sent = tok.sent
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


def _classify(noun: Any, anchor: Any, doc: Any, sentence_index: int) -> tuple[str | None, str | None, str, list[Any]]:
    """(what, unit, rule, cue tokens) for a figure counting ``noun`` (or, without a noun, what the words
    around ``anchor`` say)."""
    base = noun if noun is not None else anchor
    layers = _layers(base)
    toks = [t for layer in layers for t in layer]
    nlemma = noun.lemma_.lower() if noun is not None else None
    if noun is not None and noun.lower_ in ("people", "persons"):
        nlemma = "person"

    toll = noun if (noun is not None and nlemma in _TOLL) else (_toll_noun(anchor) if noun is None else None)
    if toll is not None:
        mods = {c.lemma_.lower() for c in toll.children if c.dep_ in ("compound", "amod", "nmod")}
        if mods & {"injury", "wounded"}:
            return "injured", "person", "toll:injury", toks + [toll]
        if mods & {"death", "casualty", "fatality"} or (toll.lemma_ == "toll" and not mods):
            return "killed", "person", "toll:death", toks + [toll]
        for prep in toll.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        sub = _layers(obj, depth=0)
                        what, unit, rule = _classify_noun(obj.lemma_.lower(), obj, sub, doc)
                        if what is not None:
                            return what, unit, "number_of:" + rule, toks + [toll]
    if noun is None:
        cls = _verb_class(layers)
        what = {"kill": "killed", "injure": "injured", "displace": "displaced", "missing": "missing",
                "arrest": "arrested", "take": "hostages_taken"}.get(cls or "")
        if what is None and cls == "release":
            sent = _sentence_lemmas(doc, anchor)
            if sent & _HOSTAGE and not sent & _PRISONER:
                what = "hostages_released"
            elif sent & _PRISONER and not sent & _HOSTAGE:
                what = "prisoners_released"
        if what is None:
            return None, None, "", toks
        return what, "person", f"bare:{cls}", toks
    what, unit, rule = _classify_noun(nlemma or "", noun, layers, doc)
    return what, unit, f"nummod:{rule}", toks


def _classify_noun(nlemma: str, noun: Any, layers: list[list[Any]], doc: Any) -> tuple[str | None, str | None, str]:
    cls = _verb_class(layers)
    near = _lemma_set([t for layer in layers for t in layer])
    is_people = nlemma in _PEOPLE or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS", "NNP"))
    if nlemma in _HOSTAGE or (nlemma in _BODY and "hostage" in near):
        if nlemma in _BODY or cls == "kill":
            return "hostages_dead", "hostage", "hostage+dead"
        if cls == "rescue":
            return "hostages_rescued", "hostage", "hostage+rescue"
        if cls == "release":
            return "hostages_released", "hostage", "hostage+release"
        if cls == "take":
            return "hostages_taken", "hostage", "hostage+take"
        return "hostages_held", "hostage", "hostage"
    if nlemma in _PRISONER:
        if cls == "release":
            return "prisoners_released", nlemma, "prisoner+release"
        if cls == "arrest":
            return "arrested", nlemma, "prisoner+arrest"
        if _sentence_lemmas(doc, noun) & _RELEASE:
            return "prisoners_released", nlemma, "prisoner+release_sentence"
        return "prisoners_held", nlemma, "prisoner"
    if nlemma in _TRUCK:
        return "aid_trucks", "truck", "truck"
    if nlemma in _ROCKET:
        return "rockets_fired", nlemma, "rocket"
    if nlemma in _STRIKE:
        return "strikes", "strike", "strike"
    if nlemma in _DEAD_NOUN:
        return "killed", "person", "dead"
    if nlemma in _HURT_NOUN:
        return "injured", "person", "injured"
    if nlemma == "casualty":
        if cls == "kill":
            return "killed", "person", "casualty+kill"
        return "casualties", "person", "casualty"
    if nlemma in _DISPLACED_NOUN:
        return "displaced", "person", "displaced"
    if nlemma in _BODY:
        return "killed", "body", "body"
    if is_people:
        unit = "person" if nlemma in ("person", "people") else nlemma
        simple = {"kill": "killed", "injure": "injured", "displace": "displaced", "missing": "missing",
                  "arrest": "arrested"}
        if cls in simple:
            return simple[cls], unit, f"people+{cls}"
        if cls == "rescue" and near & _HOSTAGE:
            return "hostages_rescued", unit, "people+rescue"
        if cls == "take" and near & {"hostage", "captive", "captivity", "abduct", "kidnap"}:
            return "hostages_taken", unit, "people+take"
        if cls == "release":
            sent = _sentence_lemmas(doc, noun)
            if sent & _HOSTAGE and not sent & _PRISONER:
                return "hostages_released", unit, "people+release"
            if sent & _PRISONER and not sent & _HOSTAGE:
                return "prisoners_released", unit, "people+release"
        if near & {"hostage", "captivity", "captive"}:
            return "hostages_held", unit, "people+hostage"
    return None, None, ""


def _cumulative(what: str, anchor: Any, noun: Any, cue_tokens: list[Any], doc: Any,
                sentence_index: int) -> bool | None:
    lemmas = {t.lemma_.lower() for t in cue_tokens}
    base = noun if noun is not None else anchor
    cur = base
    path: set[str] = set()
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        path.add(cur.lemma_.lower())
    sent = base.sent
    if lemmas & _CUMULATIVE_LEMMAS or path & _CUMULATIVE_LEMMAS:
        return True
    if (path & _RISE_VERBS) and (lemmas | path) & _TOLL:
        return True
    if any(t.lower_ == "since" for t in sent) or _CUMULATIVE_PHRASES.search(sent.text):
        return True
    if what in _FLOWS:
        return False
    return None
