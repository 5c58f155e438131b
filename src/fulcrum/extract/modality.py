"""The modality of each event (PROVENANCE.md order: negated, denied, conditional, hypothetical, planned,
expected, believed, reported, asserted)."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class ModalityTagger(Component):
    name = "modality"
    requires = ("events", "event.attribution")
    assigns = ('event.modality',)

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
