"""fulcrum's one data model: every stage reads and writes these objects.

An :class:`Article` owns the text.  Everything found in it -- sentences, actor mentions, events, quantity
claims -- points back into that text by character offsets (``start``/``end``, end exclusive), the way
spaCy's spans point into a ``Doc``.  Objects here import nothing else of fulcrum's, never touch the
database or the web, and serialise to plain dicts with :meth:`to_dict`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "PLOVER_TYPES",
    "MODALITIES",
    "CLAIMANT_TYPES",
    "DATE_PRECISIONS",
    "COMPARATORS",
    "Span",
    "Sentence",
    "Actor",
    "Location",
    "Attribution",
    "Event",
    "Claim",
    "Article",
    "normalise_text",
    "article_id",
]

#: The 16 PLOVER event types, cooperative to conflictual.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: Modality values, in the order of precedence of ``shared/eval/PROVENANCE.md`` (first that fits wins).
MODALITIES: tuple[str, ...] = (
    "negated", "denied", "conditional", "hypothetical", "planned", "expected", "believed", "reported",
    "asserted",
)

CLAIMANT_TYPES: tuple[str, ...] = ("named", "official", "anonymous")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "none")
#: Comparators of a quantity claim: "=" exact, ">" more than, ">=" at least, "<" fewer than,
#: "<=" at most, "~" about.
COMPARATORS: tuple[str, ...] = ("=", ">", ">=", "<", "<=", "~")


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range of an article's text (``end`` exclusive)."""

    start: int
    end: int
    label: str = ""

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Actor:
    """An actor mention resolved to codes.

    ``code`` is an ISO 3166 alpha-3 country code, or a group code such as ``IGO`` / ``NGO``;
    ``sector`` is the PLOVER/CAMEO sector (GOV, MIL, REB, CVL, COP, OPP, MED, IGO, ...);
    ``name`` is a stable name for named groups and organisations ("Hamas", "UNRWA").
    """

    text: str
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "sector": self.sector, "name": self.name,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(text=d.get("text") or "", code=d.get("code"), sector=d.get("sector"),
                   name=d.get("name"), start=d.get("start"), end=d.get("end"))


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Location | None:
        if not d:
            return None
        return cls(name=d.get("name") or "", country=d.get("country"), lat=d.get("lat"),
                   lon=d.get("lon"), start=d.get("start"), end=d.get("end"))


@dataclass(slots=True)
class Attribution:
    """Who vouches for an event or claim (see ``docs/data-model.md`` and PROVENANCE.md).

    ``outlet`` is a news organisation *named in the text* as reporting it ("Axios reported"); the outlet
    that published the article is :attr:`Article.outlet`.
    """

    outlet: str | None = None
    claimant: str | None = None
    claimant_type: str | None = None
    count: int | None = None
    cue: str | None = None
    claimant_start: int | None = None
    claimant_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "claimant": self.claimant, "claimant_type": self.claimant_type,
                "count": self.count, "cue": self.cue}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Attribution:
        d = d or {}
        return cls(outlet=d.get("outlet"), claimant=d.get("claimant"),
                   claimant_type=d.get("claimant_type"), count=d.get("count"), cue=d.get("cue"),
                   claimant_start=d.get("claimant_start"), claimant_end=d.get("claimant_end"))


@dataclass(slots=True)
class Event:
    """Who did what to whom, when and where, with the evidence and who vouches for it.

    ``start``/``end`` are the evidence span in the article text (the sentence); ``trigger`` is the word
    or phrase that typed the event.  ``rule`` names the pattern or lexicon entry that fired, so every
    decision can be explained.
    """

    type: str
    sentence_index: int
    start: int
    end: int
    mode: str | None = None
    cameo: str | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    trigger: Span | None = None
    date: date | None = None
    date_precision: str = "none"
    date_text: str | None = None
    location: Location | None = None
    modality: str = "asserted"
    attribution: Attribution = field(default_factory=Attribution)
    confidence: float = 0.5
    rule: str | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
            "sentence_index": self.sentence_index, "start": self.start, "end": self.end,
            "source": [a.to_dict() for a in self.source], "target": [a.to_dict() for a in self.target],
            "trigger": None if self.trigger is None else
            {"start": self.trigger.start, "end": self.trigger.end, "label": self.trigger.label},
            "date": self.date.isoformat() if self.date else None, "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality, "attribution": self.attribution.to_dict(),
            "confidence": self.confidence, "rule": self.rule,
        }


@dataclass(slots=True)
class Claim:
    """A claimed figure: "more than 220 hostages held, say Israeli officials".

    ``what`` is a controlled name (hostages_held, hostages_released, killed, injured, displaced,
    prisoners_released, aid_trucks, ...); ``unit`` is what one counts (people, trucks, ...);
    ``cumulative`` tells a running total ("the death toll rose to 5,000") from a daily figure.
    """

    what: str
    value: float
    sentence_index: int
    start: int
    end: int
    comparator: str = "="
    unit: str | None = None
    claimant: str | None = None
    claimant_type: str | None = None
    as_of: date | None = None
    cumulative: bool | None = None
    rule: str | None = None
    id: str = ""
    #: how the report presents the figure (the event modalities): "planned" for "a deal to release 50
    #: hostages", "expected", "denied", ...; the ledger keeps only figures stated as having happened
    modality: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat() if self.as_of else None
        return d


_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of a text that content hashes and duplicate checks see: NFC, folded white space."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, external_id: str | None = None) -> str:
    """Content-hash id of an article: the same text (and input id) always gives the same id."""
    h = hashlib.sha256(normalise_text(text).encode("utf-8"))
    if external_id:
        h.update(b"\x1f" + str(external_id).encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news report.

    ``text`` is everything extraction reads -- a title, when there is one, is its first paragraph and
    ``title`` repeats it as metadata.  All offsets of sentences, events and claims are into ``text``.
    """

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    external_id: str | None = None
    source: str | None = None  # the file, line or URL it was read from
    language: str | None = None
    id: str = ""
    near_duplicate_of: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[Location] = field(default_factory=list)
    #: Components that have run on this article, in order (checked by the pipeline).
    annotated_by: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, self.external_id)

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].text_of(self.text)

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def metadata(self) -> dict[str, Any]:
        return {"id": self.id, "external_id": self.external_id, "title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "outlet": self.outlet, "url": self.url, "source": self.source,
                "language": self.language, "near_duplicate_of": self.near_duplicate_of}
