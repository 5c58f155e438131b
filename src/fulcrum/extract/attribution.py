"""Who vouches for each event and claim: named outlet, claimant span and type, source count, cue lemma."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class AttributionTagger(Component):
    name = "attribution"
    requires = ('events', 'claims')
    assigns = ('event.attribution', 'claim.claimant')

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
