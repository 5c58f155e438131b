"""The analysis behind the Overview timeline, ``/api/series`` and the Linkage page, from :mod:`fulcrum.analyze`.

The server computes nothing of its own here: series come from :func:`fulcrum.analyze.build_series`, the
tests from :class:`fulcrum.analyze.LinkageAnalysis`; this module turns them into JSON and Plotly figures
and caches the (slowish) linkage fit until the stored events change.
"""

from __future__ import annotations

import math
import threading
from datetime import date
from typing import Any

from fastapi import HTTPException

from fulcrum.errors import FulcrumError
from fulcrum.serve import charts
from fulcrum.serve.db import ReadStore

#: The dates a series may be asked for (the ingest policy's earliest publication date, and a bound well
#: inside what pandas can represent).
SERIES_RANGE = (date(1900, 1, 1), date(2199, 12, 31))


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def series(rs: ReadStore, freq: str = "day", start: date | None = None, end: date | None = None) -> dict[str, Any]:
    """Every column of :func:`~fulcrum.analyze.build_series` as lists on one list of dates."""
    from fulcrum.analyze import build_series

    for name, d in (("date_from", start), ("date_to", end)):
        if d is not None and not SERIES_RANGE[0] <= d <= SERIES_RANGE[1]:
            # pandas dates end in 2262; a day-by-day index over centuries is not a question worth answering
            raise HTTPException(400, f"{name} must be a date between {SERIES_RANGE[0]} and {SERIES_RANGE[1]}. "
                                     f"Got {d.isoformat()}.")
    frame = build_series(rs, freq=freq, start=start, end=end)
    out: dict[str, Any] = {"freq": freq, "dates": [d.date().isoformat() for d in frame.index],
                           "columns": {c: [_num(v) for v in frame[c].tolist()] for c in frame.columns},
                           "info": frame.attrs.get("fulcrum", {})}
    return out


def track_changes(rs: ReadStore) -> list[dict[str, Any]]:
    """Track status changes as ``{"date", "track", "status", "kind"}`` (empty before tracks are built)."""
    from fulcrum.analyze import track_changes as changes

    df = changes(rs)
    return [{"date": r.date.date().isoformat(), "track": r.track, "status": r.status, "kind": r.kind}
            for r in df.itertuples()]


class LinkageCache:
    """The linkage fit for the current data (keyed by the store's data fingerprint)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: str | None = None
        self._value: dict[str, Any] | None = None

    def get(self, rs: ReadStore, freq: str = "day") -> dict[str, Any]:
        from fulcrum.store.processes import data_fingerprint

        key = f"{freq}|{data_fingerprint(rs)}|{len(track_changes(rs))}"
        with self._lock:
            if key != self._key or self._value is None:
                self._value = linkage(rs, freq)
                self._key = key
            return self._value


def linkage(rs: ReadStore, freq: str = "day") -> dict[str, Any]:
    """``{"series", "track_changes", "analysis" (LinkageAnalysis.to_dict() or None), "error", "charts"}``."""
    from fulcrum.analyze import LinkageAnalysis, negotiation_events
    from fulcrum.analyze import build_series as build

    frame = build(rs, freq=freq)
    s = series(rs, freq)
    changes = track_changes(rs)
    out: dict[str, Any] = {"series": s, "track_changes": changes, "analysis": None, "error": None, "charts": {}}
    if not len(frame):
        out["error"] = "No dated articles yet: the analysis needs a series of events."
        return out
    try:
        fitted = LinkageAnalysis().fit(frame, negotiation_events(rs, freq=freq))
        out["analysis"] = fitted.to_dict()
    except FulcrumError as exc:  # InsufficientData, InvalidParameter: say why, show the series anyway
        out["error"] = str(exc)
    cps = out["analysis"]["changepoints"] if out["analysis"] else []
    out["charts"]["series"] = charts.series_chart(s, changes, cps)
    if out["analysis"]:
        a = out["analysis"]
        ll = a["lead_lag"]["detail"]
        out["charts"]["lead_lag"] = charts.bars_chart(
            ll.get("lags") or [], ll.get("r") or [], f"lag in {fitted.unit_}s (negotiation leads when positive)",
            "correlation r (pre-whitened)", band=ll.get("band"))
        irf = a["impulse_response"]["negotiation_to_escalation"]["detail"]
        if irf.get("irf"):
            out["charts"]["impulse"] = charts.band_chart(irf["irf"], irf.get("se"),
                                                         f"{fitted.unit_}s after a negotiation impulse",
                                                         "response of log1p(escalation)")
    return out
