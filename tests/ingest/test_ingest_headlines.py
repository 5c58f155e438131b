"""Headline TSV exports and the CNN live-blog index, on fixtures and on the real shared corpora."""

from __future__ import annotations

import base64
from datetime import date

from fulcrum.dates import date_from_url
from fulcrum.ingest import detect_format, read_sources
from fulcrum.ingest.headlines import listing_offset


def test_headline_tsv_prefers_url_dates_and_strips_publisher_suffix(data_dir, split):
    arts, errs = split(read_sources([data_dir / "headlines.txt"]))
    assert errs == []
    got = [(a.text, a.published, a.outlet) for a in arts]
    assert got == [
        ("Hostage deal approved by cabinet", date(2023, 11, 22), "The Daily Lamp"),  # -11-22-2023
        ("Truce to begin on Friday, mediators say", date(2023, 11, 22), "North Post"),  # /2023/11/22/
        ("Fishermen protest new fuel prices", date(2023, 10, 5), "Harbour Monitor"),  # 20231005-
        ("Fighting resumes after truce ends", date(2023, 12, 1), "Plain Wire"),  # no URL date: listed date
    ]
    assert all(a.title == a.text for a in arts)
    assert arts[0].url == "https://dailylamp.example/world/hostage-deal-approved-11-22-2023"


def test_headline_tsv_with_header(data_dir, split):
    arts, errs = split(read_sources([data_dir / "toll.tsv"]))
    assert errs == []
    assert [(a.text, a.outlet, a.published, a.source) for a in arts] == [
        ("toll rises to 4100, ministry says", "desk three", date(2023, 10, 20), f"{data_dir / 'toll.tsv'}:2")]


def test_google_news_links_are_decoded_for_their_date(tmp_path, split):
    inner = b"\x08\x13\x22\x2ahttps://wire.example/2023/11/24/truce-holds/\xd2\x01\x00"
    token = base64.urlsafe_b64encode(inner).decode().rstrip("=")
    url = f"https://news.google.com/rss/articles/{token}?oc=5"
    assert date_from_url(url) == date(2023, 11, 24)
    p = tmp_path / "g.txt"
    p.write_text(f"2023-11-23\tWire\tTruce holds for a second day - Wire\t{url}\n", encoding="utf-8")
    arts, _ = split(read_sources([p]))
    assert arts[0].published == date(2023, 11, 24) and arts[0].url == url


def test_url_dates_need_to_be_plausible():
    assert date_from_url("https://who.example/item/03-11-2023-report", near=date(2023, 11, 2)) == date(2023, 11, 3)
    assert date_from_url("https://ap.example/news-02-11-2014-abc", near=date(2024, 2, 10)) is None
    assert date_from_url("https://bbc.example/news/world-20415675") is None
    assert date_from_url("https://x.example/2999/01/01/future") is None


def test_headline_row_errors(tmp_path, split):
    p = tmp_path / "h.txt"
    p.write_text("2023-10-01\tA\tFirst headline\thttps://a.example/1\n"
                 "2023-10-02\tB\tonly three fields\n"
                 "2023-13-45\tC\tBad date\thttps://c.example/x\n"
                 "2023-10-03\tD\t\thttps://d.example/2\n", encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert [a.text for a in arts] == ["First headline"]
    assert [(e.line, e.reason.split(" ")[0]) for e in errs] == [(2, "has"), (3, "date"), (4, "the")]


def test_liveblog_fixture(data_dir, split):
    arts, errs = split(read_sources([data_dir / "liveblog.txt"]))
    assert errs == []
    assert [(a.text, a.published) for a in arts] == [
        ("Aid ship leaves port for the coast", date(2024, 3, 5)),
        ("Foreign ministers meet to discuss a truce", date(2024, 3, 5)),
        ("Airdrops of food continue over the north", date(2024, 3, 6)),
    ]
    assert {a.outlet for a in arts} == {"CNN"}
    assert arts[2].url.endswith("war-news-03-06-24") and arts[2].source.endswith("liveblog.txt:10")


def test_real_headline_exports_are_detected_as_tsv(shared_dir):
    folder = shared_dir / "corpora" / "gaza-headlines"
    for name in ("gaza-news.txt", "wsj-news-middleeast.txt", "googlenews-bbc-gaza.txt", "death-toll.tsv"):
        assert detect_format(folder / name) == "headlines", name
    assert detect_format(folder / "cnn-news-israel-hamas-war.txt") == "liveblog"


def test_real_gaza_news_reads_every_row(shared_dir, split):
    path = shared_dir / "corpora" / "gaza-headlines" / "gaza-news.txt"
    arts, errs = split(read_sources([path]))
    assert errs == []
    assert len(arts) == 11505  # every row; the trailing DOS end-of-file mark is not a row
    first = arts[0]
    # the headline of the file's first row, with its " - Reuters" suffix cut (read here, not copied)
    headline = path.read_text(encoding="utf-8").split("\n", 1)[0].split("\t")[2]
    assert headline.endswith(" - Reuters") and first.text == headline[: -len(" - Reuters")]
    assert first.outlet == "Reuters"
    assert first.published == date(2023, 10, 4)  # listed 2023-10-03; the URL says 10-04
    assert first.source == f"{path}:1"
    assert arts[1].published == date(2023, 10, 5)  # ...com/20231005-im-a-palestinian...
    assert all(a.published is not None for a in arts)
    late = sum(1 for a in arts if a.published and a.published > date.today())
    assert late == 0


def test_real_small_exports(shared_dir, split):
    folder = shared_dir / "corpora" / "gaza-headlines"
    wsj, e1 = split(read_sources([folder / "wsj-news-middleeast.txt"]))
    bbc, e2 = split(read_sources([folder / "googlenews-bbc-gaza.txt"]))
    toll, e3 = split(read_sources([folder / "death-toll.tsv"]))
    assert (e1, e2, e3) == ([], [], [])
    assert (len(wsj), len(bbc), len(toll)) == (654, 705, 164)
    assert {a.outlet for a in wsj} == {"WSJ"}
    assert toll[0].text == "israel battles hamas militants as death toll nears 1200"
    assert toll[0].outlet == "the associated press"


def test_real_cnn_liveblog(shared_dir, split):
    path = shared_dir / "corpora" / "gaza-headlines" / "cnn-news-israel-hamas-war.txt"
    arts, errs = split(read_sources([path]))
    assert errs == []
    assert len(arts) > 2000
    assert {a.outlet for a in arts} == {"CNN"}
    assert arts[0].published == date(2024, 3, 1)
    assert arts[0].text == 'UN Women calls war in Gaza "a war on women"'
    assert not any(a.text in ("All", "What we covered here") or a.text.startswith("Our live coverage")
                   for a in arts)
    assert min(a.published for a in arts) >= date(2024, 3, 1)


def _export(rows: list[tuple[str, str]]) -> str:
    return "".join(f"{d}\tWire\tHeadline {i} - Wire\t{u}\n" for i, (d, u) in enumerate(rows))


def test_a_file_whose_listing_dates_run_a_day_early_moves_its_undated_rows(tmp_path, split):
    # 40 rows whose URLs carry the day after their listing date, 5 on the same day, 3 with no URL date
    rows = [(f"2023-11-{10 + i % 10:02d}", f"https://w.example/2023/11/{11 + i % 10:02d}/story-{i}")
            for i in range(40)]
    rows += [(f"2023-11-{10 + i:02d}", f"https://w.example/2023/11/{10 + i:02d}/same-{i}") for i in range(5)]
    rows += [("2023-11-30", f"https://w.example/item-{i}") for i in range(3)]
    p = tmp_path / "early.txt"
    p.write_text(_export(rows), encoding="utf-8")
    with p.open("rb") as fh:
        assert listing_offset(fh, str(p)) == 1 and fh.tell() == 0  # rewound for the real read
    arts, errs = split(read_sources([p]))
    assert errs == [] and len(arts) == 48
    assert [a.published for a in arts[-3:]] == [date(2023, 12, 1)] * 3  # moved one day later
    assert arts[0].published == date(2023, 11, 11) and arts[40].published == date(2023, 11, 10)  # URL dates win


def test_no_offset_without_enough_agreeing_evidence(tmp_path, split):
    # half the dated URLs a day later, half on the day: no consistent offset, listing dates stand
    rows = [(f"2023-11-{10 + i % 10:02d}", f"https://w.example/2023/11/{10 + i % 10 + i % 2:02d}/s-{i}")
            for i in range(40)]
    rows += [("2023-11-30", "https://w.example/item-x")]
    p = tmp_path / "mixed.txt"
    p.write_text(_export(rows), encoding="utf-8")
    arts, _ = split(read_sources([p]))
    assert arts[-1].published == date(2023, 11, 30)
    few = tmp_path / "few.txt"  # too few dated rows to tell
    few.write_text(_export([("2023-11-10", "https://w.example/2023/11/11/a"), ("2023-11-30", "https://w.example/b")]),
                   encoding="utf-8")
    arts, _ = split(read_sources([few]))
    assert arts[-1].published == date(2023, 11, 30)
