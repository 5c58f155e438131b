"""Crash safety: ``fulcrum ingest`` and ``fulcrum extract`` SIGKILLed at random moments, at least 20 times,
then rerun; every article is stored once and extracted once, with exactly the events, claims and
sentences of a clean run, and the database opens cleanly.  The work is done by scripts/crash_test.py
(run it by hand for more kills: ``python scripts/crash_test.py --kills 100 --seed 7``)."""

from __future__ import annotations

import pytest

from .conftest import script


@pytest.mark.slow
def test_killed_ingest_and_extract_lose_nothing_and_double_nothing(tmp_path):
    crash = script("crash_test")
    summary = crash.run(tmp_path, kills=20, seed=11, articles=150)
    assert summary["problems"] == [], summary["problems"]
    assert summary["total_kills"] >= 20
    assert summary["kills"]["ingest"] >= 3 and summary["kills"]["extract"] >= 3, summary["kills"]
    ref = summary["reference"]
    assert ref["articles"] == ref["extracted"] == 150 and ref["events"] > 0 and ref["claims"] > 0
