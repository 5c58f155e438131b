"""The timeline's track status marks: labels on the plot only while they fit, hover text always."""

from __future__ import annotations

from fulcrum.serve.charts import MAX_CHANGE_LABELS, timeline

SERIES = {"dates": ["2014-02-01", "2014-02-02"], "columns": {"escalation": [1, 2], "negotiation": [0, 1],
                                                             "reports": [3, 4]}}


def _changes(n: int) -> list[dict[str, str]]:
    return [{"date": f"2014-02-{1 + i % 28:02d}", "track": "Ardenia-Valmont", "status": f"s{i}"} for i in range(n)]


def test_few_changes_are_labelled_one_label_per_day() -> None:
    changes = _changes(3) + [{"date": "2014-02-01", "track": "Other", "status": "talks"}]
    fig = timeline(SERIES, changes)
    notes = fig["layout"]["annotations"]
    assert len(notes) == 3  # two changes on 1 Feb share one label
    assert any("Ardenia-Valmont: s0; Other: talks" == n["text"] for n in notes)
    assert len(fig["layout"]["shapes"]) == 3


def test_many_changes_move_to_hover_text() -> None:
    changes = _changes(MAX_CHANGE_LABELS + 5)
    fig = timeline(SERIES, changes)
    assert fig["layout"]["annotations"] == []
    marks = [t for t in fig["data"] if t.get("name") == "track status change"][0]
    assert len(marks["text"]) == len(changes) and marks["hoverinfo"] == "text+x"


def test_labels_are_escaped() -> None:
    fig = timeline(SERIES, [{"date": "2014-02-01", "track": "<b>x</b>", "status": "deal"}])
    assert fig["layout"]["annotations"][0]["text"] == "&lt;b&gt;x&lt;/b&gt;: deal"
