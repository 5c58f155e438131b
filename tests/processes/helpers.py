"""Hand-built articles with events and claims, for the process tests (no spaCy model)."""

from __future__ import annotations

import re
from datetime import date

from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location, Sentence, Span

NAMES = {"ISR": ("GOV", None), "PSE": ("REB", "Hamas"), "QAT": ("GOV", None), "EGY": ("GOV", None),
         "USA": ("GOV", None), "IGO": ("IGO", "UN"), "LBN": ("REB", "Hezbollah")}


def actor(code: str) -> Actor:
    sector, name = NAMES.get(code, (None, None))
    return Actor(text=name or code, code=code, sector=sector, name=name)


def report(text: str, published: str, outlet: str, type_: str | None = None, *, mode: str | None = None,
           source: tuple[str, ...] = (), target: tuple[str, ...] = (), trigger: str | None = None,
           modality: str = "asserted", place: str | None = None, day: str | None = None,
           claims: tuple[tuple[str, float, str, bool | None, str | None], ...] = ()) -> Article:
    """One single-sentence article; ``claims`` are (what, value, number text, cumulative, claimant)."""
    art = Article(text=text, published=date.fromisoformat(published), outlet=outlet, external_id=f"{outlet}:{text[:30]}")
    art.sentences = [Sentence(0, 0, len(text))]
    if type_:
        trig = None
        if trigger:
            i = text.lower().index(trigger.lower())
            trig = Span(i, i + len(trigger))
        art.events = [Event(type=type_, sentence_index=0, start=0, end=len(text), mode=mode,
                            source=[actor(c) for c in source], target=[actor(c) for c in target], trigger=trig,
                            date=date.fromisoformat(day) if day else None, date_precision="day" if day else "none",
                            location=Location(place) if place else None, modality=modality,
                            attribution=Attribution(), id=f"e-{art.id}")]
    for k, (what, value, num, cumulative, claimant) in enumerate(claims):
        m = re.search(rf"\b{re.escape(num)}\b", text)
        assert m, num
        art.claims.append(Claim(what=what, value=value, sentence_index=0, start=m.start(), end=m.end(),
                                claimant=claimant, cumulative=cumulative, id=f"c-{art.id}-{k}"))
    return art


def store_with(store, articles) -> None:
    store.add_articles(articles)
    store.save_extraction(articles, "test")
