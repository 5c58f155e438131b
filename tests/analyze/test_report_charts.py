"""The report's claims-ledger chart: one panel per figure, a line per claimant's running total, points for
one-day figures, crosses where claimants contradict each other."""

from __future__ import annotations

from datetime import date, timedelta

from fulcrum.processes.ledger import build_ledger
from fulcrum.report import charts

DAY = date(2031, 3, 1)


def _claim(n: int, what: str, claimant: str, value: float, day: int, cumulative: bool | None) -> dict:
    return {"id": f"c{n}", "what": what, "value": value, "comparator": "=", "claimant": claimant,
            "cumulative": cumulative, "as_of": DAY + timedelta(days=day), "published": DAY + timedelta(days=day),
            "article_id": f"a{n}", "sentence_index": 0, "start": 0, "end": 5, "outlet": "Wire",
            "modality": "asserted", "text": "…", "external_id": None, "url": None}


def test_ledger_chart_panels_lines_points_and_contradictions(tmp_path):
    claims = [
        _claim(1, "killed", "the health ministry", 100, 0, True),
        _claim(2, "killed", "the health ministry", 150, 2, True),
        _claim(3, "killed", "the army", 60, 2, True),          # same day, another total: a contradiction
        _claim(4, "killed", "witnesses", 4, 1, False),         # one incident's dead: a point
        _claim(5, "hostages_released", "the mediator", 12, 3, False),
    ]
    ledger = build_ledger(claims)
    chart = charts.claims_chart(ledger, tmp_path)
    assert chart is not None and chart.png is not None
    assert chart.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    traces = {t.name: t for t in chart.fig.data}
    assert traces["the health ministry · cumulative"].mode == "lines+markers"
    assert traces["witnesses · daily"].mode == "markers"
    assert list(traces["the health ministry · cumulative"].y) == [100, 150]
    assert "contradiction" in traces and len(traces["contradiction"].x) == len(
        [c for c in ledger.contradictions if c.what == "killed"]) >= 1
    titles = [a.text for a in chart.fig.layout.annotations]
    assert titles == ["killed", "hostages released"]  # the figure with most claims first


def test_ledger_chart_without_dated_claims_is_none(tmp_path):
    undated = _claim(1, "killed", "the army", 3, 0, None) | {"as_of": None, "published": None}
    assert charts.claims_chart(build_ledger([undated]), tmp_path) is None
