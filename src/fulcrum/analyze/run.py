"""One call per command: build what an analysis needs from the store and run it.  The CLI, the report and
the web layer call these; they print nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from fulcrum.analyze.linkage import LinkageAnalysis
from fulcrum.analyze.series import build_series, negotiation_events, track_changes
from fulcrum.store import Store

__all__ = ["StoreAnalysis", "analyze_store", "series_table"]


@dataclass
class StoreAnalysis:
    frame: pd.DataFrame
    events: pd.DataFrame
    tracks: pd.DataFrame
    linkage: LinkageAnalysis

    def to_dict(self) -> dict[str, Any]:
        out = self.linkage.to_dict()
        out["series"] = self.frame.attrs.get("fulcrum", {})
        out["negotiation_events"] = {"origin": (self.events["origin"].iloc[0] if len(self.events) else None),
                                     "counts": {str(k): int(v) for k, v in
                                                self.events.groupby("kind")["n"].sum().items()}
                                     if len(self.events) else {}}
        return out


def analyze_store(store: Store, freq: str = "day", dyad: str | None = None, start: date | None = None,
                  end: date | None = None, area: str | tuple[float, float, float] | None = None,
                  **params: Any) -> StoreAnalysis:
    """Series, negotiation events (from tracks when they exist) and the fitted :class:`LinkageAnalysis`.
    ``area`` restricts the escalation series to events placed in a circle (see ``build_series``)."""
    frame = build_series(store, freq=freq, dyad=dyad, start=start, end=end, area=area)
    events = negotiation_events(store, freq=freq, dyad=dyad, start=start, end=end)
    linkage = LinkageAnalysis(**params).fit(frame, events=events, freq=freq)
    return StoreAnalysis(frame=frame, events=events, tracks=track_changes(store), linkage=linkage)


def series_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The series as a flat table with an ISO ``date`` column first (for CSV, JSONL and Parquet)."""
    out = frame.reset_index()
    out["date"] = out["date"].dt.strftime("%Y-%m-%d")
    for col in ("escalation", "reports"):
        if col in out:
            out[col] = out[col].astype("int64")
    return out
