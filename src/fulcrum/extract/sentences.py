"""Sentence boundaries, from the parser, never across a paragraph break."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article, Sentence


class SentenceSplitter(Component):
    name = "sentences"
    assigns = ("sentences",)

    def __call__(self, article: Article, doc: Any) -> Article:
        text = article.text
        out: list[Sentence] = []
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            # split again at blank lines / line breaks: a title or paragraph never shares a sentence
            pos = start
            for piece in _split_lines(text, start, end):
                s, e = piece
                if e > s:
                    out.append(Sentence(index=len(out), start=s, end=e))
                pos = e
            del pos
        article.sentences = out
        return article


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
