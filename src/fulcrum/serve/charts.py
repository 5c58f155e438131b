"""Plotly figures as plain dicts (``{"data": [...], "layout": {...}}``).

The page embeds a figure with Jinja's ``tojson`` inside ``<script type="application/json">`` and
``static/app.js`` draws it, so no inline script runs.  Plotly reads a small subset of HTML in labels,
so every label that comes from an article goes through :func:`label` (entities, never tags).
"""

from __future__ import annotations

import html
import math
from typing import Any

COLORS = {"escalation": "#c0392b", "negotiation": "#2471a3", "events": "#aab7b8"}
_BASE_LAYOUT: dict[str, Any] = {
    "margin": {"l": 50, "r": 20, "t": 30, "b": 40}, "height": 380, "hovermode": "x unified",
    "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "#fbfbfb", "legend": {"orientation": "h", "y": 1.12},
}


def label(text: Any) -> str:
    """Untrusted text made inert for Plotly's label markup (it understands a few tags and entities)."""
    return html.escape("" if text is None else str(text), quote=True)


def _layout(**extra: Any) -> dict[str, Any]:
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in _BASE_LAYOUT.items()}
    out.update(extra)
    return out


#: Above this many status changes the timeline writes no labels on the plot (they would overlap); the
#: change markers carry the same text on hover.
MAX_CHANGE_LABELS = 8


def _change_marks(changes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    shapes, notes = [], []
    by_day: dict[str, list[str]] = {}
    for ch in changes:
        by_day.setdefault(str(ch["date"]), []).append(f"{ch.get('track') or 'track'}: {ch.get('status')}")
    for day in by_day:
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": day, "x1": day,
                       "y0": 0, "y1": 1, "line": {"color": "#7d3c98", "width": 1, "dash": "dot"}})
    if len(by_day) <= MAX_CHANGE_LABELS:
        for day, texts in by_day.items():
            notes.append({"x": day, "y": 1, "xref": "x", "yref": "paper", "showarrow": False,
                          "text": label("; ".join(texts)), "textangle": -90,
                          "xanchor": "right", "yanchor": "top", "font": {"size": 10, "color": "#7d3c98"}})
    return shapes, notes


def timeline(s: dict[str, Any], changes: list[dict[str, Any]]) -> dict[str, Any]:
    """Escalation and negotiation (from :func:`fulcrum.analyze.build_series`) on one time axis, with
    news volume behind them and track status changes marked."""
    x, cols = s["dates"], s["columns"]
    data: list[dict[str, Any]] = [
        {"type": "bar", "x": x, "y": cols.get("reports", []), "name": "reports published", "yaxis": "y2",
         "marker": {"color": COLORS["events"]}, "opacity": 0.4},
        {"type": "scatter", "mode": "lines+markers", "x": x, "y": cols.get("escalation", []),
         "name": "escalation (incidents)", "line": {"color": COLORS["escalation"], "width": 2}},
        {"type": "scatter", "mode": "lines+markers", "x": x, "y": cols.get("negotiation", []),
         "name": "negotiation (score)", "line": {"color": COLORS["negotiation"], "width": 2}},
    ]
    if changes:
        data.append({"type": "scatter", "mode": "markers", "x": [c["date"] for c in changes],
                     "y": [0] * len(changes), "name": "track status change",
                     "marker": {"symbol": "diamond", "size": 10, "color": "#7d3c98"},
                     "text": [label(f"{c.get('track')}: {c.get('status')}") for c in changes],
                     "hoverinfo": "text+x"})
    shapes, notes = _change_marks(changes)
    return {"data": data, "layout": _layout(
        barmode="overlay", shapes=shapes, annotations=notes, height=450,
        yaxis={"title": {"text": "escalation / negotiation"}},
        yaxis2={"title": {"text": "reports"}, "overlaying": "y", "side": "right", "showgrid": False,
                "rangemode": "tozero"},
        xaxis={"type": "date", "rangeslider": {"visible": True, "thickness": 0.08},
               "rangeselector": {"buttons": [
                   {"count": 7, "label": "1w", "step": "day", "stepmode": "backward"},
                   {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                   {"step": "all", "label": "all"}]}})}


def series_chart(s: dict[str, Any], changes: list[dict[str, Any]], changepoints: list[str]) -> dict[str, Any]:
    """The linkage series with track status changes (dotted) and escalation change points (dashed)."""
    fig = timeline(s, changes)
    for cp in changepoints:
        fig["layout"]["shapes"].append({"type": "line", "xref": "x", "yref": "paper", "x0": cp, "x1": cp,
                                        "y0": 0, "y1": 1, "line": {"color": "#c0392b", "width": 2, "dash": "dash"}})
        fig["layout"]["annotations"].append({"x": cp, "y": 0.02, "xref": "x", "yref": "paper", "showarrow": False,
                                             "text": "change point", "font": {"size": 10, "color": "#c0392b"}})
    return fig


def claims_chart(series: list[dict[str, Any]]) -> dict[str, Any]:
    """One line per claimant (a series of the claims ledger); contradicted figures get a red cross."""
    data: list[dict[str, Any]] = []
    bad: list[tuple[str, float, str]] = []
    for s in sorted(series, key=lambda s: -len(s["points"]))[:12]:
        pts = [p for p in s["points"] if p.get("as_of")]
        if not pts:
            continue
        who = f"{s['claimant']} ({s['kind']})"
        data.append({"type": "scatter", "mode": "lines+markers", "name": label(who),
                     "x": [p["as_of"] for p in pts], "y": [p["value"] for p in pts],
                     "text": [label(f"{p['comparator']} {p['value']:g} — {p.get('outlet') or ''}") for p in pts],
                     "hovertemplate": "%{text}<extra>" + label(who) + "</extra>"})
        bad += [(p["as_of"], p["value"], who) for p in pts if p.get("contradicted")]
    if bad:
        data.append({"type": "scatter", "mode": "markers", "name": "contradicted",
                     "x": [b[0] for b in bad], "y": [b[1] for b in bad], "text": [label(b[2]) for b in bad],
                     "marker": {"symbol": "x-thin-open", "size": 16, "color": "#c0392b", "line": {"width": 3}},
                     "hoverinfo": "text+y"})
    return {"data": data, "layout": _layout(xaxis={"type": "date"}, yaxis={"title": {"text": "claimed value"}},
                                            hovermode="closest")}


def map_chart(places: list[dict[str, Any]]) -> dict[str, Any]:
    """Located events on a plain longitude/latitude plane (equirectangular; no tiles, no downloads)."""
    lon = [p["lon"] for p in places]
    lat = [p["lat"] for p in places]
    size = [8 + 6 * math.sqrt(p["events"]) for p in places]
    text = [label(f"{p['name']} ({p.get('country') or '?'}): {p['events']} events — "
                  + ", ".join(p.get("types") or [])) for p in places]
    data = [{"type": "scatter", "mode": "markers+text", "x": lon, "y": lat, "text": [label(p["name"]) for p in places],
             "textposition": "top center", "hovertext": text, "hoverinfo": "text",
             "marker": {"size": size, "color": "#c0392b", "opacity": 0.6, "line": {"color": "#641e16", "width": 1}},
             "name": "events"}]
    mean_lat = sum(lat) / len(lat) if lat else 0.0
    return {"data": data, "layout": _layout(
        height=560, hovermode="closest", showlegend=False,
        xaxis={"title": {"text": "longitude"}, "zeroline": False},
        # equirectangular with the usual cos(latitude) correction so shapes are not stretched
        yaxis={"title": {"text": "latitude"}, "zeroline": False, "scaleanchor": "x",
               "scaleratio": 1 / max(math.cos(math.radians(mean_lat)), 0.2)})}


def bars_chart(x: list[Any], y: list[Any], xtitle: str, ytitle: str, band: Any = None) -> dict[str, Any]:
    shapes = []
    if isinstance(band, (int, float)) and math.isfinite(band):  # the ± band chance alone gives
        for v in (band, -band):
            shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": v, "y1": v,
                           "line": {"color": "#7b8a8b", "dash": "dot", "width": 1}})
    return {"data": [{"type": "bar", "x": x, "y": y, "marker": {"color": "#2471a3"}, "name": ytitle}],
            "layout": _layout(xaxis={"title": {"text": xtitle}}, yaxis={"title": {"text": ytitle}},
                              hovermode="closest", shapes=shapes, height=320)}


def band_chart(y: list[Any], se: list[Any] | None, xtitle: str, ytitle: str) -> dict[str, Any]:
    """A path with a ±1.96 standard-error band (impulse responses)."""
    x = list(range(len(y)))
    data: list[dict[str, Any]] = []
    if se and len(se) == len(y):
        hi = [(a or 0) + 1.96 * (b or 0) for a, b in zip(y, se, strict=True)]
        lo = [(a or 0) - 1.96 * (b or 0) for a, b in zip(y, se, strict=True)]
        data.append({"type": "scatter", "x": x + x[::-1], "y": hi + lo[::-1], "fill": "toself",
                     "fillcolor": "rgba(36,113,163,0.15)", "line": {"width": 0}, "name": "95% band",
                     "hoverinfo": "skip"})
    data.append({"type": "scatter", "mode": "lines+markers", "x": x, "y": y, "name": "response",
                 "line": {"color": "#2471a3"}})
    return {"data": data, "layout": _layout(xaxis={"title": {"text": xtitle}}, yaxis={"title": {"text": ytitle}},
                                            hovermode="closest", height=320)}
