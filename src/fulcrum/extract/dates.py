"""Event dates and claim as-of dates resolved against the publication date (or an inferred year), with a
precision."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class DateResolver(Component):
    name = "dates"
    requires = ('events', 'claims')
    assigns = ('event.date', 'claim.as_of')

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
