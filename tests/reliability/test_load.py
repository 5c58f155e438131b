"""Concurrency: one writer uploading through the server's API while 20 clients read the JSON API, against
the real server (``fulcrum serve`` in a child process).  Zero server errors, zero lock errors, every write
job done, the file consistent after shutdown; the p95 latency is reported.  The work is done by
scripts/load_test.py; docs/reliability.md has the 60-second figures (``python scripts/load_test.py``)."""

from __future__ import annotations

import json

import pytest

from .conftest import script


@pytest.mark.slow
def test_twenty_readers_and_one_writer(tmp_path, capsys):
    load = script("load_test")
    summary = load.run(tmp_path, seconds=10, clients=20, articles=150, seed=3)
    with capsys.disabled():
        print("\nload:", json.dumps({k: summary[k] for k in ("requests", "requests_per_second", "latency_ms",
                                                            "writes")}))
    assert summary["n_errors"] == 0, summary["errors"]
    assert summary["server_errors"] == 0 and set(summary["statuses"]) == {"200"}, summary["statuses"]
    assert summary["writes"]["jobs"] >= 1 and summary["writes"]["failed_jobs"] == 0, summary["writes"]
    assert summary["articles_after"] == summary["articles_before"] + summary["writes"]["added"] > 150
    assert summary["requests"] >= 100
    assert not summary["wal_left_after_shutdown"]
    assert summary["latency_ms"]["p95"] < 10_000  # reported; a bound only against hangs
