"""Build the self-contained HTML report: one file that opens offline (Plotly's JavaScript inlined once, no
CDN), PNG copies of every chart beside it, tables, methods and caveats."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from fulcrum import processes
from fulcrum.analyze.forecast import forecast_summary
from fulcrum.analyze.linkage import GRANGER_CAVEAT, InsufficientData
from fulcrum.analyze.run import analyze_store
from fulcrum.analyze.scales import (
    COUNTED_MODALITIES,
    HUMANITARIAN_RULES,
    INTENSITY,
    NEGOTIATION_RULES,
)
from fulcrum.analyze.series import build_series, negotiation_events, track_changes
from fulcrum.errors import FulcrumError, InvalidParameter
from fulcrum.report import charts
from fulcrum.store import Store

__all__ = ["ReportResult", "build_report"]

MAX_CLAIM_ROWS = 500


@dataclass
class ReportResult:
    index: Path
    pngs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"index": str(self.index), "pngs": [str(p) for p in self.pngs], "notes": self.notes}


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("fulcrum.report", "templates"),
                              autoescape=jinja2.select_autoescape(["html", "j2"]), trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _fmt(v: Any, digits: int = 3) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        if v != v:
            return "—"
        if 0 < abs(v) < 0.001:
            return "< 0.001" if v > 0 else f"{v:.2e}"
        return f"{v:.{digits}f}"
    return str(v)


def build_report(store: Store, output: str | Path, freq: str = "day", dyad: str | None = None,
                 start: date | None = None, end: date | None = None, horizon: int | None = None,
                 area: str | tuple[float, float, float] | None = None) -> ReportResult:
    """Write ``output/index.html`` and ``output/*.png``; return what was written.  ``area`` restricts the
    escalation series to events placed in a circle (see :func:`fulcrum.analyze.build_series`)."""
    import plotly.offline

    out = Path(output)
    if out.exists() and not out.is_dir():
        raise InvalidParameter("output", "build_report", "a folder (it is created if missing)", str(out))
    out.mkdir(parents=True, exist_ok=True)
    result = ReportResult(index=out / "index.html")
    unit = "day" if freq == "day" else "week"
    try:
        sa = analyze_store(store, freq=freq, dyad=dyad, start=start, end=end, area=area)
        frame, events, tracks = sa.frame, sa.events, sa.tracks
        res = sa.to_dict()
    except InsufficientData as exc:
        frame = build_series(store, freq=freq, dyad=dyad, start=start, end=end, area=area)
        events = negotiation_events(store, freq=freq, dyad=dyad, start=start, end=end)
        tracks = track_changes(store)
        res = None
        result.notes.append(f"Linkage tests not run: {exc}")
    made: list[charts.Chart] = []
    if len(frame):
        made.append(charts.timeline(frame, res["changepoints"] if res else [], events, tracks, out))
    if res:
        made.append(charts.lead_lag(res, unit, out))
        made.append(charts.impulse_response(res, unit, out))
        es = charts.event_study(res, unit, out)
        if es is not None:
            made.append(es)
    claims = pd.DataFrame(store.claims())
    cc = charts.claims_chart(processes.ledger(store), out) if len(claims) else None
    if cc is not None:
        made.append(cc)
    fc = None
    try:
        if len(frame) and frame["escalation"].sum() > 0:
            fc = forecast_summary(frame, horizon=horizon or (7 if freq == "day" else 4), step=1 if freq == "week"
                                  else 2)
            fc.pop("_backtest")
            made.append(charts.reliability(fc["backtest"]["reliability"], out))
    except FulcrumError as exc:
        result.notes.append(f"Forecast not run: {exc}")
    result.pngs = [c.png for c in made if c.png is not None]
    claim_rows = claims.head(MAX_CLAIM_ROWS).to_dict("records") if len(claims) else []
    series_rows = frame.reset_index().assign(date=lambda d: d["date"].dt.strftime("%Y-%m-%d")).to_dict("records") \
        if len(frame) else []
    html = _env().get_template("report.html.j2").render(
        title="fulcrum report: escalation and negotiations",
        generated=date.today().isoformat(), stats=store.stats(), info=frame.attrs.get("fulcrum", {}),
        res=res, forecast=fc, charts=made, plotly_js=plotly.offline.get_plotlyjs(),
        claims=claim_rows, n_claims=len(claims), max_claims=MAX_CLAIM_ROWS, series=series_rows,
        series_columns=list(frame.columns), notes=result.notes, unit=unit, fmt=_fmt,
        intensity=INTENSITY, negotiation_rules=NEGOTIATION_RULES, humanitarian=HUMANITARIAN_RULES,
        counted=COUNTED_MODALITIES, granger_caveat=GRANGER_CAVEAT,
        tracks=tracks.to_dict("records") if len(tracks) else [],
    )
    result.index.write_text(html, encoding="utf-8")
    return result
