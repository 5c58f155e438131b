"""Actor mentions resolved to codes: country ISO alpha-3 + PLOVER/CAMEO sector; named armed groups; IGOs;
mediators resolved to their governments.  Writes ``article.actors`` (mentions with offsets)."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class ActorTagger(Component):
    name = "actors"
    requires = ('sentences',)
    assigns = ('actors',)

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
