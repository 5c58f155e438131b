"""HTML pages (trafilatura) and RSS/Atom feeds (feedparser) read from files."""

from __future__ import annotations

from datetime import date

from fulcrum.ingest import read_sources


def test_html_page(data_dir, split):
    arts, errs = split(read_sources([data_dir / "page.html"]))
    assert errs == []
    a = arts[0]
    assert a.title == "Aid convoy reaches northern town"
    assert a.text.startswith("Aid convoy reaches northern town\n\nA convoy of twelve lorries")
    assert a.text.count("Aid convoy reaches northern town") == 1
    assert "bakery is expected to reopen" in a.text
    assert "Home" not in a.text and "Copyright" not in a.text
    assert a.published == date(2023, 11, 25)
    assert a.outlet == "The Lantern Times"
    assert a.url == "https://lantern.example/2023/11/25/aid-convoy"


def test_html_without_main_text_is_an_error(tmp_path, split):
    p = tmp_path / "empty.html"
    p.write_text("<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert arts == [] and "no main text" in errs[0].reason


def test_rss_feed(data_dir, split):
    path = data_dir / "feed.xml"
    arts, errs = split(read_sources([path], outlet="Ignored Because The Feed Names Itself"))
    assert errs == []
    assert [a.title for a in arts] == ["Power restored to eastern districts", "Border crossing to reopen on Monday"]
    a = arts[0]
    assert a.text == ("Power restored to eastern districts\n\nEngineers restored electricity to the eastern "
                      "districts after a four-day outage.\n\nHospitals had run on generators.")
    assert "<" not in a.text
    assert (a.published, a.outlet, a.url) == (date(2024, 2, 3), "Valley Wire",
                                             "https://valleywire.example/2024/02/03/power-restored")
    assert a.external_id == "vw-0203-power"
    assert [x.source for x in arts] == [f"{path}:1", f"{path}:2"]


def test_atom_feed(data_dir, split):
    arts, errs = split(read_sources([data_dir / "atom.xml"]))
    assert errs == []
    assert arts[0].text == ("Fishing boats return to harbour\n\nDozens of fishing boats returned to the harbour "
                            "after a ban on night fishing was eased.")
    assert arts[0].published == date(2024, 3, 10) and arts[0].outlet == "Coast Monitor"


def test_broken_feed_is_one_error(data_dir, split):
    arts, errs = split(read_sources([data_dir / "broken_feed.xml"]))
    assert arts == [] and len(errs) == 1
    assert "not a readable RSS/Atom feed" in errs[0].reason


def test_feed_without_entries(tmp_path, split):
    p = tmp_path / "quiet.xml"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
                 encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert arts == [] and "no entries" in errs[0].reason
