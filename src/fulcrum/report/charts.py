"""Charts for the report, each drawn twice: a Plotly figure (inlined in the HTML) and a matplotlib PNG
(Agg backend, for papers and for readers without JavaScript)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
from plotly.subplots import make_subplots  # noqa: E402

__all__ = ["Chart", "timeline", "lead_lag", "impulse_response", "event_study", "claims_chart", "reliability"]

ESC, NEG, GREY = "#b2182b", "#2166ac", "#777777"
KIND_COLOURS = {"agreement": "#1a9850", "stall": "#fdae61", "breakdown": "#d73027", "talks": "#4575b4"}


class Chart:
    """A chart's Plotly HTML fragment and the file name of its PNG twin."""

    def __init__(self, name: str, title: str, fig: go.Figure, png: Path | None) -> None:
        self.name = name
        self.title = title
        self.fig = fig
        self.png = png

    def html(self) -> str:
        return self.fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{self.name}",
                                config={"displaylogo": False, "responsive": True})


def _save(fig: Any, out: Path) -> Path:
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def timeline(frame: pd.DataFrame, changepoints: list[str], events: pd.DataFrame, tracks: pd.DataFrame,
             outdir: Path) -> Chart:
    """Escalation and negotiation on one timeline; change points, negotiation events and track status
    changes marked."""
    x = frame.index
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Bar(x=x, y=frame["escalation"], name="escalation (incidents)", marker_color=ESC, opacity=0.55),
                  secondary_y=False)
    fig.add_trace(go.Scatter(x=x, y=frame["escalation_weighted"], name="escalation (intensity-weighted)",
                             line={"color": ESC, "width": 1, "dash": "dot"}, visible="legendonly"), secondary_y=False)
    fig.add_trace(go.Scatter(x=x, y=frame["negotiation"], name="negotiation score", line={"color": NEG}),
                  secondary_y=True)
    for d in changepoints:
        fig.add_vline(x=pd.Timestamp(d).timestamp() * 1000, line={"color": GREY, "dash": "dash", "width": 1})
    if len(events):
        for kind, g in events.groupby("kind"):
            fig.add_trace(go.Scatter(x=g["date"], y=[0] * len(g), mode="markers", name=f"{kind} event(s)",
                                     marker={"color": KIND_COLOURS.get(str(kind), GREY), "symbol": "triangle-up",
                                             "size": 8}, text=[f"{kind}: {n}" for n in g["n"]],
                                     hoverinfo="x+text"), secondary_y=True)
    if len(tracks):
        fig.add_trace(go.Scatter(x=tracks["date"], y=[frame["negotiation"].max() if len(frame) else 1] * len(tracks),
                                 mode="markers", name="track status change",
                                 marker={"color": "black", "symbol": "diamond", "size": 9},
                                 text=[f"{t or 'track'}: {s}" for t, s in zip(tracks["track"], tracks["status"],
                                                                              strict=True)],
                                 hoverinfo="x+text"), secondary_y=True)
    fig.update_layout(height=420, margin={"l": 50, "r": 50, "t": 30, "b": 40}, legend={"orientation": "h"},
                      bargap=0)
    fig.update_yaxes(title_text="escalation per period", secondary_y=False)
    fig.update_yaxes(title_text="negotiation score", secondary_y=True)

    mfig, ax = plt.subplots(figsize=(11, 4))
    ax.bar(x, frame["escalation"], color=ESC, alpha=0.55, width=1.0 if len(x) < 2 else (x[1] - x[0]),
           label="escalation")
    ax.set_ylabel("escalation per period", color=ESC)
    ax2 = ax.twinx()
    ax2.plot(x, frame["negotiation"], color=NEG, lw=1.2, label="negotiation score")
    ax2.set_ylabel("negotiation score", color=NEG)
    for d in changepoints:
        ax.axvline(pd.Timestamp(d), color=GREY, ls="--", lw=1)
    for _, r in tracks.iterrows() if len(tracks) else []:
        ax2.axvline(r["date"], color="black", lw=0.8, alpha=0.6)
    ax.set_title("Escalation and negotiation (dashed: change points; black: track status changes)")
    return Chart("timeline", "Escalation and negotiation over time", fig, _save(mfig, outdir / "timeline.png"))


def lead_lag(res: dict[str, Any], unit: str, outdir: Path) -> Chart:
    d = res["lead_lag"]["detail"]
    lags, r, band = np.asarray(d["lags"]), np.asarray(d["r"], dtype=float), float(d["band"])
    lp = res["lag_profile"]["detail"]
    plags, coef, ci = np.asarray(lp["lags"]), np.asarray(lp["coef"], dtype=float), np.asarray(lp["ci"], dtype=float)
    fig = make_subplots(rows=1, cols=2, subplot_titles=("Cross-correlation (pre-whitened)",
                                                        "Lag profile: coefficient per negotiation lag"))
    fig.add_trace(go.Bar(x=lags, y=r, marker_color=NEG, name="r"), row=1, col=1)
    for s in (band, -band):
        fig.add_hline(y=s, line={"dash": "dash", "color": GREY}, row=1, col=1)
    fig.add_trace(go.Scatter(x=plags, y=coef, mode="markers", marker={"color": ESC}, name="coefficient",
                             error_y={"type": "data", "symmetric": False, "array": ci[:, 1] - coef,
                                      "arrayminus": coef - ci[:, 0]}), row=1, col=2)
    fig.add_hline(y=0, line={"color": GREY}, row=1, col=2)
    fig.update_xaxes(title_text=f"lag in {unit}s (positive: negotiation leads)", row=1, col=1)
    fig.update_xaxes(title_text=f"negotiation lag ({unit}s)", row=1, col=2)
    fig.update_layout(height=360, showlegend=False, margin={"l": 50, "r": 20, "t": 40, "b": 40})

    mfig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 3.6))
    a1.bar(lags, r, color=NEG)
    a1.axhline(band, color=GREY, ls="--")
    a1.axhline(-band, color=GREY, ls="--")
    a1.set_xlabel(f"lag ({unit}s; positive: negotiation leads)")
    a1.set_title("Cross-correlation (pre-whitened)")
    a2.errorbar(plags, coef, yerr=[coef - ci[:, 0], ci[:, 1] - coef], fmt="o", color=ESC)
    a2.axhline(0, color=GREY)
    a2.set_xlabel(f"negotiation lag ({unit}s)")
    a2.set_title("Lag profile (95% CI)")
    return Chart("lead_lag", "Lead–lag", fig, _save(mfig, outdir / "lead_lag.png"))


def impulse_response(res: dict[str, Any], unit: str, outdir: Path) -> Chart:
    panels = [("negotiation_to_escalation", "escalation after a negotiation impulse"),
              ("escalation_to_negotiation", "negotiation after an escalation impulse")]
    ylabels = ["log1p(escalation), per 1-point negotiation impulse",
               "negotiation score, per 1-unit log1p(escalation) impulse"]
    fig = make_subplots(rows=1, cols=2, subplot_titles=[t for _, t in panels])
    mfig, axes = plt.subplots(1, 2, figsize=(11, 3.6))
    for j, (key, title) in enumerate(panels):
        det = res["impulse_response"][key]["detail"]
        irf, se = np.asarray(det["irf"], dtype=float), np.asarray(det["se"], dtype=float)
        h = np.arange(len(irf))
        lo, hi = irf - 1.96 * se, irf + 1.96 * se
        fig.add_trace(go.Scatter(x=np.r_[h, h[::-1]], y=np.r_[hi, lo[::-1]], fill="toself", line={"width": 0},
                                 fillcolor="rgba(33,102,172,0.2)", hoverinfo="skip", showlegend=False),
                      row=1, col=j + 1)
        fig.add_trace(go.Scatter(x=h, y=irf, line={"color": NEG}, showlegend=False), row=1, col=j + 1)
        fig.add_hline(y=0, line={"color": GREY}, row=1, col=j + 1)
        fig.update_xaxes(title_text=f"{unit}s after the impulse", row=1, col=j + 1)
        fig.update_yaxes(title_text=ylabels[j], title_font={"size": 10}, row=1, col=j + 1)
        ax = axes[j]
        ax.fill_between(h, lo, hi, color=NEG, alpha=0.2)
        ax.plot(h, irf, color=NEG)
        ax.axhline(0, color=GREY)
        ax.set_title(title)
        ax.set_xlabel(f"{unit}s after the impulse")
        ax.set_ylabel(ylabels[j], fontsize=8)
    fig.update_layout(height=360, margin={"l": 50, "r": 20, "t": 40, "b": 40})
    return Chart("impulse_response", "Impulse responses (95% bands)", fig,
                 _save(mfig, outdir / "impulse_response.png"))


def event_study(res: dict[str, Any], unit: str, outdir: Path) -> Chart | None:
    es = res["event_study"]
    kinds = {k: v for k, v in es["kinds"].items() if v.get("path") is not None}
    if not kinds:
        return None
    rel = np.asarray(es["relative_periods"])
    fig = make_subplots(rows=1, cols=len(kinds), subplot_titles=[f"{k} (n={v['n_events']})" for k, v in kinds.items()])
    mfig, axes = plt.subplots(1, len(kinds), figsize=(4 * len(kinds) + 1, 3.6), squeeze=False)
    for j, (kind, v) in enumerate(kinds.items()):
        path = np.asarray(v["path"], dtype=float)
        lo, hi = np.asarray(v["placebo_lo"], dtype=float), np.asarray(v["placebo_hi"], dtype=float)
        col = KIND_COLOURS.get(kind, GREY)
        fig.add_trace(go.Scatter(x=np.r_[rel, rel[::-1]], y=np.r_[hi, lo[::-1]], fill="toself", line={"width": 0},
                                 fillcolor="rgba(120,120,120,0.2)", hoverinfo="skip", showlegend=False),
                      row=1, col=j + 1)
        fig.add_trace(go.Scatter(x=rel, y=path, line={"color": col}, showlegend=False), row=1, col=j + 1)
        fig.add_vline(x=0, line={"color": GREY, "dash": "dash"}, row=1, col=j + 1)
        fig.update_xaxes(title_text=f"{unit}s from event", row=1, col=j + 1)
        ax = axes[0, j]
        ax.fill_between(rel, lo, hi, color=GREY, alpha=0.25, label="placebo 95%")
        ax.plot(rel, path, color=col, label=kind)
        ax.axvline(0, color=GREY, ls="--")
        ax.set_title(f"{kind} (n={v['n_events']})")
        ax.set_xlabel(f"{unit}s from event")
    axes[0, 0].set_ylabel("log1p(escalation) − pre-event mean")
    fig.update_layout(height=360, margin={"l": 50, "r": 20, "t": 40, "b": 40})
    return Chart("event_study", "Event study around negotiation events (grey: placebo calendars)", fig,
                 _save(mfig, outdir / "event_study.png"))


#: The ledger chart: at most this many figures (panels), and this many claimants drawn as lines per figure.
LEDGER_PANELS = 4
LEDGER_CLAIMANTS = 5
_CLAIMANT_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e")


def claims_chart(ledger: Any, outdir: Path) -> Chart | None:
    """The claims ledger as small multiples: one panel per claimed figure (the ``LEDGER_PANELS`` with most
    dated claims), one line per claimant (the ``LEDGER_CLAIMANTS`` with most claims; the rest as grey
    dots), a cross where claimants' figures for the same day contradict each other.  ``ledger`` is a
    :class:`fulcrum.processes.ledger.Ledger`."""
    by_what: dict[str, list[Any]] = {}
    for series in ledger.series:
        pts = [p for p in series.points if p.as_of is not None]
        if pts:
            by_what.setdefault(series.what, []).append((series, pts))
    if not by_what:
        return None
    ranked = sorted(by_what, key=lambda w: (-sum(len(p) for _s, p in by_what[w]), w))[:LEDGER_PANELS]
    n = len(ranked)
    fig = make_subplots(rows=n, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        subplot_titles=[w.replace("_", " ") for w in ranked])
    mfig, axes = plt.subplots(n, 1, figsize=(11, 2.4 * n + 0.6), sharex=True, squeeze=False)
    for row, what in enumerate(ranked, start=1):
        ax = axes[row - 1, 0]
        groups = sorted(by_what[what], key=lambda sp: (-len(sp[1]), sp[0].claimant))
        for k, (series, pts) in enumerate(groups):
            pts = sorted(pts, key=lambda p: p.as_of)
            xs = [pd.Timestamp(p.as_of) for p in pts]
            ys = [p.value for p in pts]
            hover = [f"{series.claimant} ({p.outlet or '?'}): {p.comparator} {p.value:g}" for p in pts]
            # a running total is a line; figures for one day or one incident are points, not a trend
            # ("(unattributed)" pools many unknown sources: never one claimant's series)
            line = series.kind == "cumulative" and not series.claimant.startswith("(")
            label = f"{series.claimant[:36]} · {series.kind}"
            if k < LEDGER_CLAIMANTS:
                colour = _CLAIMANT_COLOURS[k]
                fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers" if line else "markers", name=label,
                                         legendgroup=f"{what}-{k}", line={"color": colour, "width": 1.5},
                                         marker={"size": 5}, text=hover, hoverinfo="x+text"), row=row, col=1)
                ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.2 if line else 0, color=colour, label=label)
            else:
                fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", name="other claimants", showlegend=False,
                                         marker={"size": 4, "color": GREY}, text=hover, hoverinfo="x+text"),
                              row=row, col=1)
                ax.scatter(xs, ys, s=6, color=GREY)
        clash = [c for c in ledger.contradictions if c.what == what]
        if clash:
            xs = [pd.Timestamp(c.as_of) for c in clash]
            ys = [max(p.value for p in c.figures) for c in clash]
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", name="contradiction", showlegend=row == 1,
                                     marker={"symbol": "x", "size": 9, "color": "#000000"},
                                     text=[" vs ".join(f"{p.claimant}: {p.value:g}" for p in c.figures)
                                           for c in clash], hoverinfo="x+text"), row=row, col=1)
            ax.scatter(xs, ys, marker="x", s=30, color="black", label="contradiction")
        others = len(groups) - LEDGER_CLAIMANTS
        ax.set_title(what.replace("_", " ") + (f" (+{others} more claimants in grey)" if others > 0 else ""),
                     fontsize=9, loc="left")
        ax.legend(fontsize=7, loc="best", ncol=2)
    fig.update_layout(height=230 * n + 60, margin={"l": 50, "r": 20, "t": 40, "b": 40},
                      legend={"orientation": "h"})
    mfig.suptitle("Claims ledger: each claimant's figures over time (lines: running totals; "
                  "x: contradicting figures for one day)", fontsize=10)
    return Chart("claims", "Claims ledger: each claimant's figures over time", fig,
                 _save(mfig, outdir / "claims.png"))


def reliability(rows: list[dict[str, Any]], outdir: Path) -> Chart:
    pts = [r for r in rows if r["n"]]
    mf = [r["mean_forecast"] for r in pts]
    ob = [r["observed"] for r in pts]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=[0, 1], y=[0, 1], line={"color": GREY, "dash": "dash"}, name="perfect"))
    fig.add_trace(go.Scatter(x=mf, y=ob, mode="markers+lines", marker={"size": [6 + r["n"] ** 0.5 for r in pts]},
                             text=[f"n={r['n']}" for r in pts], name="model", line={"color": ESC}))
    fig.update_layout(height=340, xaxis_title="forecast probability", yaxis_title="observed frequency",
                      margin={"l": 50, "r": 20, "t": 30, "b": 40})
    mfig, ax = plt.subplots(figsize=(4.5, 4))
    ax.plot([0, 1], [0, 1], ls="--", color=GREY)
    ax.plot(mf, ob, "o-", color=ESC)
    ax.set_xlabel("forecast probability")
    ax.set_ylabel("observed frequency")
    ax.set_title("Reliability (backtest)")
    return Chart("reliability", "Forecast calibration (rolling-origin backtest)", fig,
                 _save(mfig, outdir / "reliability.png"))
