"""fulcrum: sourced event data from war reporting.

ingest -> extract -> store -> analyze -> serve/report.  Start with :func:`open`.
"""

from __future__ import annotations

from pathlib import Path

from fulcrum.api import ExtractReport, IngestReport, Workspace
from fulcrum.model import Actor, Article, Attribution, Claim, Event, Location

__version__ = "0.1.0"


def open(path: str | Path | None = None, *, read_only: bool = False) -> Workspace:  # noqa: A001
    """Open (creating and migrating if needed) the fulcrum database at ``path``.

    Without a path: ``$FULCRUM_DB`` or ``fulcrum.duckdb`` in the working directory.
    """
    return Workspace(path, read_only=read_only)


__all__ = ["open", "Workspace", "IngestReport", "ExtractReport", "Article", "Event", "Actor", "Attribution",
           "Claim", "Location", "__version__"]
