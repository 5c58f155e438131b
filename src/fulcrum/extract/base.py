"""The contract of an extraction component.

A component reads an :class:`~fulcrum.model.Article` together with the spaCy ``Doc`` of its text and
writes its findings onto the article.  It declares what it needs (``requires``) and what it assigns
(``assigns``); :class:`~fulcrum.extract.pipeline.Pipeline` checks the order when it is built.
Components never touch the database or the web.
"""

from __future__ import annotations

from typing import Any, ClassVar

from fulcrum.model import Article


class Component:
    #: Unique name, used in configs and in ``Article.annotated_by``.
    name: ClassVar[str] = ""
    #: Names of what must be on the article before this runs (``"sentences"``, ``"actors"``, ...).
    requires: ClassVar[tuple[str, ...]] = ()
    #: Names of what this component writes.
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article, doc: Any) -> Article:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
