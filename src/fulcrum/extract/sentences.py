"""Sentence boundaries, from the parser, never across a paragraph break; headline lines are cut after a media
label ("Israel-Hamas war updates: ...", "Video: ...") and lose an appended outlet name (" - Reuters"), see
:mod:`fulcrum.extract.headlines`."""

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
        out: list[Sentence] = []
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            # split again at blank lines / line breaks: a title or paragraph never shares a sentence
            for s, e in _split_lines(text, start, end):
                for s2, e2 in _split_at(text, s, e, starts, drop):
                    out.append(Sentence(index=len(out), start=s2, end=e2))
        article.sentences = out
        return article


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
