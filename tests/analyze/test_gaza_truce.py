"""The issue's real-data check for the analysis: the truce of 24 Nov – 1 Dec 2023 in
../shared/corpora/gaza-headlines.

The whole corpus is ingested, extracted and its processes built (the session fixture ``gaza_db`` of
tests/conftest.py, shared with tests/processes/test_gaza_tracks.py), then the daily series is built as
``fulcrum series`` builds it.  The criteria are the issue's, unchanged:

* mean daily escalation over 24–30 Nov is below half of the mean over the two weeks before (10–23 Nov) and
  below half of the mean over the two weeks after (1–14 Dec);
* the analysis finds change points within one day of 24 Nov and within one day of 1 Dec.

docs/case-study-gaza-2023.md gives the figures this test measures and what they support.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fulcrum.analyze import build_series
from fulcrum.analyze.run import analyze_store

pytestmark = pytest.mark.slow

TRUCE_START, TRUCE_END = date(2023, 11, 24), date(2023, 12, 1)  # fighting resumed on 1 Dec
BEFORE = (date(2023, 11, 10), date(2023, 11, 23))
DURING = (date(2023, 11, 24), date(2023, 11, 30))
AFTER = (date(2023, 12, 1), date(2023, 12, 14))


def _mean(frame, span):
    lo, hi = span
    return float(frame.loc[lo.isoformat():hi.isoformat(), "escalation"].mean())


@pytest.fixture(scope="module")
def series(gaza_db):
    return build_series(gaza_db.store)


def test_truce_is_a_distinct_low_escalation_period(series):
    before, during, after = _mean(series, BEFORE), _mean(series, DURING), _mean(series, AFTER)
    days = series.loc[BEFORE[0].isoformat():AFTER[1].isoformat(), "escalation"].astype(int).tolist()
    msg = (f"mean daily escalation: before {before:.2f}, during {during:.2f}, after {after:.2f} "
           f"(daily, 10 Nov – 14 Dec: {days})")
    assert during < before / 2, msg
    assert during < after / 2, msg


@pytest.mark.xfail(strict=True, reason="not met on this corpus (session 4): searched over every date and window, "
                   "no shift in escalation clears the bootstrap threshold (4.82 at alpha 0.04); the truce week "
                   "tested alone at the issue's dates is -48% (statistic -2.96, p 0.002). See "
                   "docs/case-study-gaza-2023.md. Strict: remove the mark when it passes.")
def test_change_points_at_both_ends_of_the_truce(gaza_db):
    found = [date.fromisoformat(d) for d in analyze_store(gaza_db.store).linkage.changepoint_dates()]

    def near(day):
        return any(abs(d - day) <= timedelta(days=1) for d in found)

    assert near(TRUCE_START) and near(TRUCE_END), f"change points found: {[d.isoformat() for d in found]}"
