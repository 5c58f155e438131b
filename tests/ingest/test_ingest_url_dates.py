"""Dates in URLs (unpadded month-day-year, month names) and what a headline's date rests on."""

from __future__ import annotations

from datetime import date

import pytest

from fulcrum.dates import date_basis, date_from_url, is_live_page
from fulcrum.ingest import read_sources


@pytest.mark.parametrize("url, near, expected", [
    # month-day-year without zero padding, read with the listing's date to tell day from month
    ("https://wire.example/article/harbour-news-12-1-2031-9f3c2a", date(2031, 11, 30), date(2031, 12, 1)),
    ("https://wire.example/article/harbour-news-12-1-2031-9f3c2a", date(2031, 1, 11), date(2031, 1, 12)),
    ("https://wire.example/article/harbour-news-3-7-2031-77ab", date(2031, 3, 6), date(2031, 3, 7)),
    # month names in the path, abbreviated or not
    ("https://paper.example/world/2031/dec/01/ferry-strike-ends", None, date(2031, 12, 1)),
    ("https://paper.example/world/2031/sept/3/bridge-reopens", None, date(2031, 9, 3)),
    ("https://agency.example/press-releases/nov-24-2031-relief-flights", None, date(2031, 11, 24)),
    ("https://agency.example/press-releases/november-24-2031-relief-flights", None, date(2031, 11, 24)),
])
def test_url_dates_in_more_forms(url, near, expected, monkeypatch):
    monkeypatch.setattr("fulcrum.dates.latest_date", lambda: date(2099, 1, 1))
    assert date_from_url(url, near=near) == expected


def test_url_date_forms_that_are_no_dates():
    assert date_from_url("https://paper.example/world/2023/mayhem/01/market") is None  # no month name
    assert date_from_url("https://wire.example/article/news-12-1-2023-abc") is None  # ambiguous, no listing
    assert date_from_url("https://wire.example/top-10-2023-films", near=date(2023, 5, 2)) is None


def test_headline_rows_take_the_new_url_dates(tmp_path, split):
    p = tmp_path / "h.txt"
    p.write_text("2023-11-30\tWire\tHarbour strike ends - Wire\thttps://wire.example/article/news-12-1-2023-ab12\n"
                 "2023-11-30\tPaper\tBridge reopens\thttps://paper.example/world/2023/dec/01/bridge-reopens\n",
                 encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert errs == []
    assert [a.published for a in arts] == [date(2023, 12, 1), date(2023, 12, 1)]


def test_live_pages():
    assert is_live_page("https://paper.example/news/live/world-6753")
    assert is_live_page("https://tv.example/International/live-updates/harbour-strike/?id=1")
    assert is_live_page("https://net.example/news/liveblog/2031/3/2/harbour-strike-live")
    assert not is_live_page("https://paper.example/news/world-6753")
    assert not is_live_page("https://paper.example/2031/03/02/olive-harvest-begins")


@pytest.mark.parametrize("url, published, title, basis", [
    (None, date(2031, 3, 2), "Ferry crews freed", "stated"),
    ("https://wire.example/world/ferry-crews-freed-2031-03-02/", date(2031, 3, 2), "Ferry crews freed", "url"),
    # the slug says the release is coming, the title that it happened: a later update of the page
    ("https://wire.example/world/rebels-due-release-ferry-crews-2031-03-02/", date(2031, 3, 2),
     "Twelve ferry crew members freed", "updated"),
    ("https://wire.example/world/rebels-due-release-ferry-crews-2031-03-02/", date(2031, 3, 2),
     "Rebels due to release ferry crews", "url"),
    ("https://paper.example/news/live/world-6753", date(2031, 3, 2), "Ferry crews freed", "live"),
    ("https://net.example/news/liveblog/2031/3/2/harbour-live", date(2031, 3, 2), "Ferry crews freed", "url"),
    ("https://paper.example/news/world-6753", date(2031, 3, 2), "Ferry crews freed", "listing"),
    ("https://wire.example/world/ferry-crews-freed-2031-03-03/", date(2031, 3, 2), "Ferry crews freed", "listing"),
])
def test_date_basis(url, published, title, basis, monkeypatch):
    monkeypatch.setattr("fulcrum.dates.latest_date", lambda: date(2099, 1, 1))
    assert date_basis(url, published, title) == basis
