"""Format detection looks at content first; a suffix only breaks ties."""

from __future__ import annotations

import pytest

from fulcrum.ingest import detect_format


@pytest.mark.parametrize("name, fmt", [
    ("titled.txt", "text"), ("lead_only.txt", "text"), ("frontmatter.txt", "text"), ("report.md", "markdown"),
    ("page.html", "html"), ("feed.xml", "feed"), ("atom.xml", "feed"), ("broken_feed.xml", "feed"),
    ("records.jsonl", "jsonl"), ("records.csv", "csv"), ("headlines.txt", "headlines"), ("toll.tsv", "headlines"),
    ("liveblog.txt", "liveblog"),
])
def test_fixture_formats(data_dir, name, fmt):
    assert detect_format(data_dir / name) == fmt


def test_content_beats_suffix(data_dir, tmp_path):
    tsv = tmp_path / "export.csv"
    tsv.write_bytes((data_dir / "headlines.txt").read_bytes())
    assert detect_format(tsv) == "headlines"
    html = tmp_path / "page.txt"
    html.write_bytes((data_dir / "page.html").read_bytes())
    assert detect_format(html) == "html"
    feed = tmp_path / "feed.html"
    feed.write_bytes((data_dir / "feed.xml").read_bytes())
    assert detect_format(feed) == "feed"


@pytest.mark.parametrize("data, hint, fmt", [
    (b"", None, "empty"),
    (b"   \n\n", None, "empty"),
    (b"\x00\x01\x02binary", None, "binary"),
    (b'{"text": "a"}\n{"text": "b"}\n', None, "jsonl"),
    (b'[{"text": "a"}]', None, "json"),
    (b'{\n  "text": "pretty printed"\n}\n', None, "json"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', None, "feed"),
    (b"<p>A fragment of <b>HTML</b></p>", None, "html"),
    (b"id,text\n1,hello\n", None, "csv"),
    (b"just words, nothing more\n", ".csv", "csv"),
    (b"Some words\n", "text/markdown", "markdown"),
    (b"# Heading\n\nBody.\n", None, "markdown"),
    (b"Plain words.\n", None, "text"),
    (b"[UPDATED] Talks resume in the capital.\n", None, "text"),
    (b"{curly} start of a plain sentence.\n", None, "text"),
    (b'{"text": "broken\n{"text": "fine"}\n', None, "jsonl"),
    (b"[\n  {\"text\": \"a\"}\n]\n", None, "json"),
    ("\ufeffPlain words with a BOM.\n".encode(), None, "text"),
])
def test_bytes(data, hint, fmt):
    assert detect_format(data, hint=hint) == fmt
