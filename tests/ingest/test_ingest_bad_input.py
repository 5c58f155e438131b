"""Bad input: one clear error per file or record, and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fulcrum.errors import InvalidParameter
from fulcrum.ingest import read_sources, textio


def test_missing_file_and_the_batch_goes_on(tmp_path, data_dir, split):
    missing = tmp_path / "nope.txt"
    arts, errs = split(read_sources([missing, data_dir / "titled.txt"]))
    assert len(arts) == 1
    assert len(errs) == 1 and errs[0].where == str(missing) and "no such file" in errs[0].reason


def test_unreadable_file(tmp_path, split, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("secret", encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    _, errs = split(read_sources([p]))
    assert len(errs) == 1 and errs[0].reason == "cannot read: Permission denied"


def test_empty_and_blank_files(tmp_path, split):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t\n")
    arts, errs = split(read_sources([tmp_path / "empty.txt", tmp_path / "blank.txt"]))
    assert arts == []
    assert [e.reason for e in errs] == ["empty file", "holds only white space"]


def test_binary_file(tmp_path, split):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    arts, errs = split(read_sources([p]))
    assert arts == [] and "binary data" in errs[0].reason and "NUL byte at offset 8" in errs[0].reason


def test_invalid_utf8_names_the_byte_offset(tmp_path, split):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\u00e9 owners reopened on Sunday.".encode("latin-1"))
    arts, errs = split(read_sources([p]))
    assert arts == []
    assert "not valid UTF-8 at byte offset 3" in errs[0].reason and "re-save the file as UTF-8" in errs[0].reason


def test_invalid_utf8_line_in_jsonl_is_a_line_error(tmp_path, split):
    p = tmp_path / "x.jsonl"
    p.write_bytes(b'{"text": "first"}\n{"text": "caf\xe9"}\n{"text": "third"}\n')
    arts, errs = split(read_sources([p]))
    assert [a.text for a in arts] == ["first", "third"]
    assert errs[0].line == 2 and "byte offset 31" in errs[0].reason


def test_utf8_bom_and_utf16_are_read(tmp_path, split):
    a = tmp_path / "bom.txt"
    a.write_bytes("\ufeffDrivers returned to the depot.".encode())
    b = tmp_path / "wide.txt"
    b.write_bytes("Drivers returned to the depot on Sunday.".encode("utf-16"))
    arts, errs = split(read_sources([a, b]))
    assert errs == []
    assert [x.text for x in arts] == ["Drivers returned to the depot.", "Drivers returned to the depot on Sunday."]


def test_crlf_newlines(tmp_path, split):
    p = tmp_path / "dos.txt"
    p.write_bytes(b"Bridge reopens\r\n\r\nThe bridge reopened on Friday.\r\n")
    arts, _ = split(read_sources([p]))
    assert arts[0].title == "Bridge reopens" and "\r" not in arts[0].text


def test_text_over_the_cap(tmp_path, split, monkeypatch):
    from fulcrum.ingest import common

    monkeypatch.setattr(common, "MAX_TEXT_CHARS", 100)
    monkeypatch.setattr(textio, "MAX_TEXT_CHARS", 100)
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"text": "word " * 50}) + "\n" + json.dumps({"text": "short"}) + "\n", encoding="utf-8")
    q = tmp_path / "long.txt"
    q.write_text("word " * 50, encoding="utf-8")
    arts, errs = split(read_sources([p, q]))
    assert [a.text for a in arts] == ["short"]
    assert len(errs) == 2 and all("more than the limit of 100" in e.reason for e in errs)


def test_over_long_line_is_skipped(tmp_path, split, monkeypatch):
    monkeypatch.setattr(textio, "MAX_LINE_BYTES", 64)
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"text": "x" * 200}) + "\n" + json.dumps({"text": "fits"}) + "\n", encoding="utf-8")
    arts, errs = split(read_sources([p]))
    assert [a.text for a in arts] == ["fits"]
    assert errs[0].line == 1 and "line longer than" in errs[0].reason


def test_arguments_of_the_wrong_kind_raise_at_once(data_dir):
    with pytest.raises(InvalidParameter, match="wrap a single one in a list"):
        read_sources(str(data_dir / "titled.txt"))
    with pytest.raises(InvalidParameter, match="published"):
        read_sources([], published="2023-10-07")  # type: ignore[arg-type]


def test_unknown_url_scheme_and_file_urls(data_dir, split):
    file_url = (data_dir / "titled.txt").as_uri()
    arts, errs = split(read_sources(["ftp://files.example/a.txt", file_url]))
    assert arts == []
    assert "unsupported URL scheme 'ftp'" in errs[0].reason
    assert "file:// URLs are read only with allow_private=True" in errs[1].reason
    arts, errs = split(read_sources([file_url], allow_private=True))
    assert errs == [] and arts[0].title == "Ferry service to the island resumes"
