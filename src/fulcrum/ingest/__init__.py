"""Readers: files, folders, feeds and URLs in; :class:`~fulcrum.model.Article` objects out.

    >>> from fulcrum.ingest import read_sources, IngestItem
    >>> for item in read_sources(["reports/", "https://example.org/feed.xml"], outlet="Reuters"):
    ...     ...  # an Article, or an IngestError for one bad file, record or URL

Formats are detected by content (see :func:`detect_format`): plain text and Markdown (with optional
front matter), HTML, RSS/Atom feeds, JSONL, JSON, CSV, headline TSV exports and CNN live-blog indexes.
Errors are yielded, never raised, so one bad file does not stop a batch.  Dates follow the policy of
:mod:`fulcrum.dates`; encodings that of :mod:`fulcrum.ingest.textio`.  Near duplicates:
:class:`fulcrum.ingest.dedupe.NearDuplicateIndex` (imported on first use: datasketch is slow to load).
"""

from __future__ import annotations

from typing import Any

from .common import Defaults
from .detect import FORMATS, detect_format
from .fetch import Fetched, Fetcher, HttpFetcher, check_address
from .sources import IngestItem, read_bytes, read_file, read_sources

__all__ = [
    "read_sources",
    "IngestItem",
    "detect_format",
    "FORMATS",
    "Fetcher",
    "Fetched",
    "HttpFetcher",
    "check_address",
    "read_file",
    "read_bytes",
    "Defaults",
    "NearDuplicateIndex",
]


def __getattr__(name: str) -> Any:
    if name == "NearDuplicateIndex":
        from .dedupe import NearDuplicateIndex

        return NearDuplicateIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
