"""The extraction pipeline: components in a checked order over one spaCy parse per article.

    sentences -> actors -> events -> quantities -> dates -> places -> attribution -> modality

Build the default with :func:`default_pipeline`, or name components in a config
(``Pipeline.from_config(["sentences", "actors", ...])``); the order is checked against each
component's ``requires``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from fulcrum.errors import PipelineError
from fulcrum.extract.base import Component
from fulcrum.model import Article

#: The pipeline version recorded with every extraction; bump it when output changes.
PIPELINE_VERSION = "0.3.0"
#: Texts longer than this are parsed in pieces cut at paragraph (else line, else word) breaks and joined
#: into one Doc (:meth:`Pipeline.parse`): spaCy's parser needs memory in proportion to the text it is
#: given and refuses texts over ``nlp.max_length`` (1,000,000 characters), while ingest accepts 5,000,000.
MAX_PARSE_CHARS = 100_000

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "sentences", "actors", "events", "classifier", "quantities", "dates", "places", "attribution", "modality",
)


def _registry() -> dict[str, Callable[[], Component]]:
    from fulcrum.extract.actors import ActorTagger
    from fulcrum.extract.attribution import AttributionTagger
    from fulcrum.extract.classifier import ClassifierFallback
    from fulcrum.extract.dates import DateResolver
    from fulcrum.extract.events import EventCoder
    from fulcrum.extract.modality import ModalityTagger
    from fulcrum.extract.places import PlaceResolver
    from fulcrum.extract.quantities import QuantityExtractor
    from fulcrum.extract.sentences import SentenceSplitter

    return {c.name: c for c in (SentenceSplitter, ActorTagger, EventCoder, ClassifierFallback, DateResolver,
                                PlaceResolver, QuantityExtractor, AttributionTagger, ModalityTagger)}


class Pipeline:
    def __init__(self, components: Sequence[Component], nlp: Any = None) -> None:
        self.components = list(components)
        self._nlp = nlp
        self._check_order()

    @classmethod
    def from_config(cls, names: Iterable[str], nlp: Any = None) -> Pipeline:
        registry = _registry()
        comps = []
        for n in names:
            if n not in registry:
                raise PipelineError(f"Unknown extraction component {n!r}; known: {', '.join(sorted(registry))}.")
            comps.append(registry[n]())
        return cls(comps, nlp=nlp)

    def _check_order(self) -> None:
        have: set[str] = set()
        for comp in self.components:
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise PipelineError(f"Component {comp.name!r} requires {missing} but no earlier component "
                                    f"assigns it; order was {[c.name for c in self.components]}.")
            have.update(comp.assigns)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from fulcrum.extract.nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, article: Article) -> Article:
        return self.annotate(article, self.parse(article.text))

    def parse(self, text: str) -> Any:
        """One spaCy Doc for ``text``; a long text is parsed piece by piece (see :data:`MAX_PARSE_CHARS`).

        What is parsed is the headline view of the text (:func:`headline_doc`): the same characters but for
        the casing of Title Case or lower-case headline lines, so every offset is an offset into ``text``."""
        if len(text) <= MAX_PARSE_CHARS:
            return self.nlp(headline_doc(self.nlp, text))
        from spacy.tokens import Doc

        # the pieces are contiguous, so their Docs joined without added spaces have exactly ``text``
        doc = Doc.from_docs([self.nlp(headline_doc(self.nlp, piece)) for piece in split_text(text, MAX_PARSE_CHARS)],
                            ensure_whitespace=False)
        if len(doc.text) != len(text):  # pragma: no cover - a guard: offsets must match the article's text
            raise PipelineError(f"Parsing a {len(text):,}-character text in pieces changed its text.")
        return doc

    def annotate(self, article: Article, doc: Any) -> Article:
        article.annotated_by = []
        for comp in self.components:
            comp(article, doc)
            article.annotated_by.append(comp.name)
        _assign_ids(article)
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article]:
        """Annotate many articles, parsing them in batches with ``nlp.pipe``."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, batch_size)
                batch = []
        if batch:
            yield from self._run_batch(batch, batch_size)

    def _run_batch(self, batch: list[Article], batch_size: int) -> Iterator[Article]:
        docs = self.nlp.pipe([headline_doc(self.nlp, a.text) for a in batch if len(a.text) <= MAX_PARSE_CHARS],
                             batch_size=batch_size)
        for art in batch:
            doc = next(docs) if len(art.text) <= MAX_PARSE_CHARS else self.parse(art.text)
            yield self.annotate(art, doc)


def headline_doc(nlp: Any, text: str) -> Any:
    """The unparsed Doc of ``text`` as the parser should see it: headline lines in Title Case or lower case put
    in sentence case (:func:`fulcrum.extract.headlines.case_view`, same length), and a sentence start fixed
    after a media label ("... updates:", "Video:") and at an appended outlet name (" - Reuters")."""
    from fulcrum.extract.headlines import case_view, headline_breaks

    doc = nlp.make_doc(case_view(text))
    starts = set(headline_breaks(text)[0])
    if starts:
        for tok in doc:
            if tok.idx in starts and tok.i > 0:
                tok.is_sent_start = True
    return doc


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in contiguous pieces of at most ``limit`` characters, cut after a paragraph break where
    there is one in the second half of the window, else after a line break, else after a space."""
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > limit:
        end = pos + limit
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, pos + limit // 2, end)
            if cut >= 0:
                end = cut + len(sep)
                break
        pieces.append(text[pos:end])
        pos = end
    pieces.append(text[pos:])
    return pieces


def _assign_ids(article: Article) -> None:
    """Stable ids: the same article and pipeline always give the same event and claim ids."""
    for i, ev in enumerate(article.events):
        key = f"{article.id}|{PIPELINE_VERSION}|e|{ev.sentence_index}|{ev.type}|{ev.start}|{i}"
        ev.id = hashlib.sha256(key.encode()).hexdigest()[:16]
    for i, cl in enumerate(article.claims):
        key = f"{article.id}|{PIPELINE_VERSION}|c|{cl.sentence_index}|{cl.what}|{cl.start}|{i}"
        cl.id = hashlib.sha256(key.encode()).hexdigest()[:16]


def default_pipeline(nlp: Any = None) -> Pipeline:
    return Pipeline.from_config(DEFAULT_COMPONENTS, nlp=nlp)
