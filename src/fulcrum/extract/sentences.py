"""Sentence boundaries, from the parser, never across a paragraph break; headline lines are cut after a media
label ("Israel-Hamas war updates: ...", "Video: ...") and lose an appended outlet name (" - Reuters"), see
:mod:`fulcrum.extract.headlines`.  In prose, a semicolon between two clauses that each have their own subject
and verb ends a sentence too ("drones attacked the refinery, the governor said; a source said the service was
behind the strike"): incident notes join separate facts that way, and each fact is coded on its own."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.extract.headlines import headline_breaks
from fulcrum.model import Article, Sentence


class SentenceSplitter(Component):
    name = "sentences"
    assigns = ("sentences",)

    def __call__(self, article: Article, doc: Any) -> Article:
        text = article.text
        starts, drop = headline_breaks(text)
        starts = starts + _clause_semicolons(doc)
        out: list[Sentence] = []
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            # split again at blank lines / line breaks: a title or paragraph never shares a sentence
            for s, e in _split_lines(text, start, end):
                for s2, e2 in _split_at(text, s, e, starts, drop):
                    out.append(Sentence(index=len(out), start=s2, end=e2))
        article.sentences = out
        return article


def _own_clause(tokens: Any) -> bool:
    """A subject and its finite verb, both inside ``tokens``, with at least three tokens in all."""
    if len(tokens) < 3:
        return False
    lo, hi = tokens[0].i, tokens[-1].i
    return any(t.dep_ in ("nsubj", "nsubjpass") and lo <= t.head.i <= hi and t.head.pos_ in ("VERB", "AUX")
               for t in tokens)


def _clause_semicolons(doc: Any) -> list[int]:
    """Character offsets after each semicolon of a prose sentence with a full clause on either side."""
    out: list[int] = []
    for sent in doc.sents:
        if not sent.text.rstrip().endswith((".", "!", "?", '"', "”", "'")):
            continue  # (a headline line: headline_breaks cuts its semicolons)
        pos = sent.start
        for tok in sent:
            if tok.text == ";":
                left, right = doc[pos:tok.i], doc[tok.i + 1:sent.end]
                if _own_clause(left) and _own_clause(right) and tok.i + 1 < sent.end:
                    out.append(doc[tok.i + 1].idx)
                    pos = tok.i + 1
    return out


def _split_at(text: str, s: int, e: int, starts: list[int], drop: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The piece ``s:e`` cut at the given sentence starts, without the dropped spans (outlet suffixes)."""
    cuts = sorted({c for c in starts if s < c < e} | {c for a, b in drop for c in (a, b) if s < c < e})
    pieces = []
    pos = s
    for c in [*cuts, e]:
        if not any(a <= pos and c <= b for a, b in drop):
            piece = _strip(text, pos, c)
            if piece[1] > piece[0]:
                pieces.append(piece)
        pos = c
    return pieces


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    s = start
    i = start
    while i < end:
        if text[i] == "\n":
            pieces.append(_strip(text, s, i))
            s = i + 1
        i += 1
    pieces.append(_strip(text, s, end))
    return [p for p in pieces if p[1] > p[0]]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
