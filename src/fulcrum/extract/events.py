"""Events typed in the 16 PLOVER types (mode, CAMEO root), with source and target actors, the trigger span,
the evidence sentence and the rule that fired.  Writes ``article.events``."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class EventCoder(Component):
    name = "events"
    requires = ('sentences', 'actors')
    assigns = ('events',)

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
