"""Date parsing and the range policy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fulcrum.dates import parse_date


@pytest.mark.parametrize("text", [
    "2023-10-07", "2023-10-07T08:15:00Z", "2023-10-07T08:15:00+03:00", "Sat, 07 Oct 2023 10:00:00 GMT",
    "October 7, 2023", "Oct 7, 2023", "Oct. 7, 2023", "7 October 2023", "7 Oct 2023", "2023/10/07",
    "October 7, 2023 10:30 AM EST",
])
def test_parses_common_formats(text):
    assert parse_date(text) == date(2023, 10, 7)


def test_unambiguous_numeric_dates():
    assert parse_date("13/10/2023") == date(2023, 10, 13)
    assert parse_date("10/13/2023") == date(2023, 10, 13)


@pytest.mark.parametrize("value, message", [
    ("03/04/2024", "ambiguous"),
    ((date.today() + timedelta(days=30)).isoformat(), "in the future"),
    ("1899-12-31", "before 1900"),
    ("next Tuesday", "cannot read"),
    ("", "empty"),
    (20231007, "expected a date string"),
])
def test_refused(value, message):
    with pytest.raises(ValueError, match=message):
        parse_date(value)


def test_tomorrow_is_allowed_for_time_zones():
    assert parse_date((date.today() + timedelta(days=1)).isoformat())
