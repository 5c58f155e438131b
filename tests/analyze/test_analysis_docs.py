"""docs/analysis.md prints the scoring tables that live in code; this keeps the two in step."""

from __future__ import annotations

from pathlib import Path

from fulcrum.analyze.scales import INTENSITY, NEGOTIATION_RULES, TRACK_STATUS_SCORES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "analysis.md").read_text(encoding="utf-8")


def test_intensity_scale_is_documented():
    for typ, modes, weight in INTENSITY:
        row = next(line for line in DOC.splitlines()
                   if line.startswith(f"| {typ} |") and line.rstrip().endswith(f"| {weight} |"))
        for m in modes or ():
            assert m in row, (typ, m)


def test_negotiation_table_and_track_statuses_are_documented():
    for r in NEGOTIATION_RULES:
        sign = "+" if r.score > 0 else "−"
        assert any(line.startswith(f"| {r.kind} | {sign}{abs(r.score)} |") for line in DOC.splitlines()), r.kind
    for status in TRACK_STATUS_SCORES:
        assert f"`{status}`" in DOC, status
