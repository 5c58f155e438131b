"""Hand-built articles for the attribution and modality tests: events sit at a trigger we choose, so the
tests do not depend on the event coder."""

from __future__ import annotations

from fulcrum.extract.attribution import AttributionTagger
from fulcrum.extract.modality import ModalityTagger
from fulcrum.extract.nlp import load_nlp
from fulcrum.extract.sentences import SentenceSplitter
from fulcrum.model import Article, Event, Span


def annotate(text: str, triggers: list[tuple[str, str]], claims=None) -> tuple[Article, object]:
    """Article with one event per (trigger word, PLOVER type), run through attribution and modality."""
    nlp = load_nlp()
    art = Article(text=text)
    doc = nlp(text)
    SentenceSplitter()(art, doc)
    for word, etype in triggers:
        i = text.index(word)
        sent = art.sentence_at(i)
        assert sent is not None
        art.events.append(Event(type=etype, sentence_index=sent.index, start=sent.start, end=sent.end,
                                trigger=Span(i, i + len(word), word)))
    art.claims = list(claims or [])
    AttributionTagger()(art, doc)
    ModalityTagger()(art, doc)
    return art, doc


def one(text: str, trigger: str, etype: str = "ASSAULT") -> Event:
    art, _ = annotate(text, [(trigger, etype)])
    return art.events[0]
