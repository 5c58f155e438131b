"""Plain text and Markdown: titles, front matter, and texts that keep every word."""

from __future__ import annotations

from datetime import date

import pytest

from fulcrum.ingest import read_sources
from fulcrum.ingest.plaintext import markdown_to_text


def test_short_first_line_is_the_title_and_stays_in_the_text(data_dir, split):
    arts, errs = split(read_sources([data_dir / "titled.txt"]))
    assert errs == [] and len(arts) == 1
    a = arts[0]
    assert a.title == "Ferry service to the island resumes"
    assert a.text.startswith("Ferry service to the island resumes\n\nA passenger ferry sailed")
    assert a.source == str(data_dir / "titled.txt")
    assert a.published is None and a.outlet is None


def test_text_that_starts_with_its_lead_has_no_title_and_loses_nothing(data_dir, split):
    path = data_dir / "lead_only.txt"
    arts, _ = split(read_sources([path]))
    assert arts[0].title is None
    assert arts[0].text == path.read_text(encoding="utf-8").strip()


def test_seed_report_is_read_whole_without_a_title(shared_dir, split):
    path = shared_dir / "seed" / "000_e0b28578dbf45dea.txt"
    arts, errs = split(read_sources([path]))
    assert errs == []
    assert arts[0].title is None
    assert arts[0].text == path.read_text(encoding="utf-8").strip()


def test_front_matter_gives_metadata_and_the_title_leads_the_text(data_dir, split):
    arts, errs = split(read_sources([data_dir / "frontmatter.txt"], outlet="Fallback Outlet",
                                    published=date(2020, 1, 1)))
    assert errs == []
    a = arts[0]
    assert a.title == "Talks on prisoner exchange adjourned"
    assert a.text.startswith("Talks on prisoner exchange adjourned\n\nNegotiators adjourned")
    assert "---" not in a.text and "outlet:" not in a.text
    assert a.published == date(2023, 11, 20)  # the source's own date wins over the caller's
    assert a.outlet == "The Harbour Gazette"
    assert a.url == "https://gazette.example/2023/11/20/talks-adjourned"
    assert a.external_id == "hg-1120"


def test_markdown_heading_is_the_title_and_marks_are_removed(data_dir, split):
    arts, errs = split(read_sources([data_dir / "report.md"]))
    assert errs == []
    a = arts[0]
    assert a.title == "Curfew lifted in the old town"
    assert a.text.startswith("Curfew lifted in the old town\n\nThe regional governor")
    assert "according to a statement from his office" in a.text
    assert "Shops may open until midnight" in a.text
    assert "Police said two checkpoints" in a.text
    for mark in ("#", "**", "](", "> "):
        assert mark not in a.text


def test_markdown_to_text_keeps_snake_case_and_code_words():
    assert markdown_to_text("Use `read_sources` on file_name_here and **bold**") == \
        "Use read_sources on file_name_here and bold"


def test_caller_defaults_fill_in_what_the_file_lacks(data_dir, split):
    arts, _ = split(read_sources([data_dir / "titled.txt"], published=date(2024, 1, 2), outlet="Island Radio"))
    assert arts[0].published == date(2024, 1, 2)
    assert arts[0].outlet == "Island Radio"


def test_long_first_line_or_full_stop_is_not_a_title(tmp_path, split):
    p = tmp_path / "a.txt"
    p.write_text("The ferry sailed at dawn.\n\nIt carried forty people.\n", encoding="utf-8")
    q = tmp_path / "b.txt"
    q.write_text(" ".join(["word"] * 16) + "\n\nSecond paragraph here.\n", encoding="utf-8")
    arts, _ = split(read_sources([p, q]))
    assert [a.title for a in arts] == [None, None]


@pytest.mark.parametrize("front, reason", [
    ("---\ntitle: A\npublished: 2999-05-01\n---\nBody text.\n", "in the future"),
    ("---\npublished: 1850-05-01\n---\nBody text.\n", "before 1900"),
    ("---\npublished: someday\n---\nBody text.\n", "cannot read 'someday'"),
    ("---\ntitle: Never closed\nBody text without a closing line.\n", "not closed"),
    ("---\ntitle: Only front matter\n---\n", "no text after the front matter"),
])
def test_bad_front_matter_is_one_clear_error(tmp_path, split, front, reason):
    p = tmp_path / "doc.txt"
    p.write_text(front, encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert arts == []
    assert len(errs) == 1 and reason in errs[0].reason and errs[0].where == str(p)
