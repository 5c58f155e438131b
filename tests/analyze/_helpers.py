"""Hand-built stores for the analysis tests: articles and events written with Store.add_articles and
Store.save_extraction, no extraction model involved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from fulcrum.model import Actor, Article, Claim, Event, Location, Sentence, Span

__all__ = ["ISR", "PSE", "QAT", "Actor", "article", "event", "save", "store_from_frame"]
from fulcrum.store import Store

ISR = Actor("Israeli forces", "ISR", "MIL")
PSE = Actor("Hamas", "PSE", "REB")
QAT = Actor("Qatar", "QAT", "GOV")


def article(text: str, published: date, events: list[Event] = (), claims: list[Claim] = (), outlet: str = "Wire",
            near_duplicate_of: str | None = None, external_id: str | None = None) -> Article:
    art = Article(text=text, published=published, outlet=outlet, near_duplicate_of=near_duplicate_of,
                  external_id=external_id)
    art.sentences = [Sentence(0, 0, len(text))]
    for i, ev in enumerate(events):
        ev.id = ev.id or f"{art.id}-e{i}"
        ev.end = ev.end or len(text)
    for i, cl in enumerate(claims):
        cl.id = cl.id or f"{art.id}-c{i}"
    art.events, art.claims = list(events), list(claims)
    return art


def event(type_: str, mode: str | None = None, day: date | None = None, modality: str = "asserted",
          source: Actor = ISR, target: Actor = PSE, location: str | None = None, trigger: tuple[int, int] | None = None,
          rule: str | None = None) -> Event:
    return Event(type=type_, sentence_index=0, start=0, end=0, mode=mode, source=[source], target=[target],
                 date=day, date_precision="day" if day else "none", modality=modality,
                 location=Location(location) if location else None,
                 trigger=Span(*trigger) if trigger else None, rule=rule)


def save(path: Path, articles: list[Article]) -> Path:
    with Store(path) as s:
        s.add_articles(articles)
        s.save_extraction(articles, "test")
    return path


def store_from_frame(path: Path, frame: pd.DataFrame, seed: int = 0) -> Path:
    """A store whose daily series reproduces ``frame`` (integer escalation and negotiation scores): one
    article per reported item, ASSAULT events for escalation, CONSULT/AGREE/REJECT/collapse for negotiation,
    padding articles without events up to ``reports``."""
    rng = np.random.default_rng(seed)
    arts: list[Article] = []
    for d, row in frame.iterrows():
        day = d.date()
        k = 0
        for _ in range(int(round(row["escalation"]))):
            arts.append(article(f"Strike {day} #{k} on target {rng.integers(1e9)}.", day,
                                [event("ASSAULT", "air", location=f"place{k}")]))
            k += 1
        score = int(round(row["negotiation"]))
        neg = {2: ("AGREE", None, "The sides agreed a deal"), 1: ("CONSULT", None, "Talks were held in Doha"),
               -1: ("REJECT", None, "Hamas rejected the proposal"),
               -2: ("REJECT", None, "The talks collapsed in Cairo")}.get(score)
        if neg:
            typ, mode, text = neg
            arts.append(article(f"{text} on {day}.", day, [event(typ, mode, source=PSE, target=QAT)]))
            k += 1
        for _ in range(max(int(row.get("reports", 0)) - k, 0)):
            arts.append(article(f"Background piece {day} {rng.integers(1e12)}.", day))
    save(path, arts)
    return path
