"""Processes: what single events add up to -- negotiation tracks, the claims ledger, stories.

They run after extraction, on what the store holds:

    >>> from fulcrum.processes import build
    >>> summary = build(store)          # idempotent: replaces tracks and stories
    >>> ensure_built(store)             # rebuilds only when the events changed since the last build

Tracks (:mod:`.tracks`) and stories (:mod:`.stories`) are stored (tables ``tracks``, ``track_status``,
``track_expectations``, ``stories``, ``story_events``); the ledger (:mod:`.ledger`) is computed from the
claims when asked for.
"""

from __future__ import annotations

from typing import Any

from fulcrum.processes.ledger import Ledger, build_ledger
from fulcrum.processes.stories import Story, StoryModel, cluster_stories, evaluate_pairs, load_gold_pairs
from fulcrum.processes.tracks import Track, TrackParams, build_tracks, classify_event
from fulcrum.store import Store

__all__ = ["PROCESSES_VERSION", "build", "ensure_built", "is_stale", "ledger", "Track", "TrackParams",
           "Story", "StoryModel", "Ledger", "build_tracks", "cluster_stories", "build_ledger", "classify_event",
           "evaluate_pairs", "load_gold_pairs"]

#: Bump when the output of track or story building changes: stored builds then count as stale.
PROCESSES_VERSION = "2"


def _fingerprint(store: Store) -> str:
    from fulcrum.store.processes import data_fingerprint

    return f"v{PROCESSES_VERSION};{data_fingerprint(store)}"


def is_stale(store: Store) -> bool:
    """Whether tracks or stories are missing or were built from other events than the store now holds."""
    from fulcrum.store.processes import build_record

    fp = _fingerprint(store)
    return any((rec := build_record(store, name)) is None or rec["fingerprint"] != fp
               for name in ("tracks", "stories"))


def build(store: Store, *, track_params: TrackParams | None = None,
          story_model: StoryModel | None = None) -> dict[str, Any]:
    """Build tracks and stories from the stored events and store them, replacing earlier ones.

    Returns ``{"tracks", "stories", "events"}`` counts."""
    from fulcrum.store.processes import replace_stories, replace_tracks

    fp = _fingerprint(store)
    events = store.events()
    tracks = build_tracks(events, track_params)
    stories = cluster_stories(events, story_model)
    replace_tracks(store, [t.to_dict() for t in tracks], fp)
    replace_stories(store, [s.to_dict() for s in stories], fp)
    return {"tracks": len(tracks), "stories": len(stories), "events": len(events)}


def ensure_built(store: Store) -> dict[str, Any] | None:
    """Build when stale (see :func:`is_stale`); return the build summary, or None when it was current."""
    return build(store) if is_stale(store) else None


def ledger(store: Store, what: str | None = None) -> Ledger:
    """The claims ledger of the store (of one ``what`` when given).  The truces of the stored tracks (built
    by :func:`build`; none when never built) date ordinal truce days and daily releases."""
    from fulcrum.processes.ledger import truce_windows
    from fulcrum.store.processes import ledger_claims, read_tracks

    return build_ledger(ledger_claims(store, what), what, truce_windows(read_tracks(store)))
