"""Quantity claims: what is counted, value, comparator, unit, cumulative or daily.  Writes ``article.claims``."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class QuantityExtractor(Component):
    name = "quantities"
    requires = ('sentences',)
    assigns = ('claims',)

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
