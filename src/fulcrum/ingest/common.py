"""What every reader shares: the caller's defaults and the one way an :class:`Article` is built."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from fulcrum.errors import IngestError
from fulcrum.model import Article

from .textio import MAX_TEXT_CHARS

__all__ = ["Defaults", "make_article", "join_title"]


@dataclass(frozen=True, slots=True)
class Defaults:
    """Metadata the caller supplies for whatever a source does not say itself."""

    published: date | None = None
    outlet: str | None = None
    url: str | None = None

    def with_url(self, url: str | None) -> Defaults:
        return replace(self, url=url)


def join_title(title: str | None, text: str) -> str:
    """``title + "\\n\\n" + text`` unless the text already starts with the title."""
    text = text.strip()
    if not title:
        return text
    if not text:
        return title
    if text.startswith(title):
        return text
    return f"{title}\n\n{text}"


def make_article(
    text: str,
    *,
    where: str,
    line: int | None,
    defaults: Defaults,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
    language: str | None = None,
) -> Article | IngestError:
    """An :class:`Article` with the defaults filled in, or an error for an empty or over-long text."""
    text = text.strip()
    if not text:
        return IngestError(where, "no text to read" if line is None else "record has no text", line)
    if len(text) > MAX_TEXT_CHARS:
        return IngestError(where, f"text is {len(text):,} characters, more than the limit of "
                                  f"{MAX_TEXT_CHARS:,}", line)
    return Article(
        text=text,
        title=(title or "").strip() or None,
        published=published or defaults.published,
        outlet=(outlet or "").strip() or defaults.outlet,
        url=(url or "").strip() or defaults.url,
        external_id=external_id,
        source=where if line is None else f"{where}:{line}",
        language=language,
    )
