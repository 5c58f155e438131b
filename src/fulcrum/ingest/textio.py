"""Bytes to text: binary sniffing, strict decoding, and line streaming with size caps.

Encoding policy: text is read as UTF-8 (a UTF-8 byte-order mark is dropped; a UTF-16 file with a BOM is
decoded as UTF-16).  Anything else that is not valid UTF-8 is an :class:`~fulcrum.errors.IngestError`
naming the byte offset, rather than a silent guess at cp1252 or Latin-1 that would corrupt names and
figures: re-save the file as UTF-8.  HTML pages and feeds are the exception -- they declare their own
charset, and trafilatura / feedparser decode them.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from fulcrum.errors import IngestError

__all__ = [
    "MAX_TEXT_CHARS",
    "MAX_DOCUMENT_BYTES",
    "MAX_LINE_BYTES",
    "SNIFF_BYTES",
    "binary_reason",
    "decode",
    "read_document_bytes",
    "read_document",
    "iter_lines",
]

#: The longest text one article may have (characters).
MAX_TEXT_CHARS = 5_000_000
#: The largest file read whole (plain text, Markdown, HTML, feeds, JSON); JSONL/CSV/TSV are streamed.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
#: The longest line of a streamed file (one JSONL record, one CSV/TSV line).
MAX_LINE_BYTES = 4 * MAX_TEXT_CHARS
#: How much of a file format detection looks at.
SNIFF_BYTES = 64 * 1024

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control bytes that do not occur in text (tab, newline, form feed, carriage return and the DOS
# end-of-file mark 0x1A are allowed).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A, 0x1B}


def binary_reason(sample: bytes) -> str | None:
    """Why ``sample`` looks like binary data rather than text, or ``None`` if it looks like text."""
    if sample.startswith(_UTF16_BOMS):
        return None
    nul = sample.find(b"\x00")
    if nul >= 0:
        return f"binary data, not text (NUL byte at offset {nul})"
    if sample:
        controls = sum(1 for b in sample if b in _CONTROL)
        if controls / len(sample) > 0.05:
            return f"binary data, not text ({controls} control bytes in the first {len(sample)})"
    return None


def decode(data: bytes, where: str, line: int | None = None, *, offset: int = 0) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) strictly; ``offset`` is where ``data`` starts in the file."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(where, f"invalid UTF-16 at byte offset {offset + e.start}", line) from None
    try:
        return data.decode("utf-8-sig" if offset == 0 else "utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 4]
        raise IngestError(
            where,
            f"not valid UTF-8 at byte offset {offset + e.start} (bytes {bad.hex(' ')}); "
            "re-save the file as UTF-8",
            line,
        ) from None


def read_document_bytes(fh: BinaryIO, where: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a whole document, refusing one larger than ``limit`` bytes."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise IngestError(where, f"larger than {limit // (1024 * 1024)} MB, the limit for one document; "
                                 "split it, or use JSONL/CSV which are read line by line")
    return data


def read_document(fh: BinaryIO, where: str) -> str:
    """Read, check and decode a whole text document; newlines become ``\\n``."""
    data = read_document_bytes(fh, where)
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise IngestError(where, reason)
    text = decode(data, where)
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\x1a")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(where, f"text is {len(text):,} characters, more than the limit of {MAX_TEXT_CHARS:,}")
    return text


def iter_lines(fh: BinaryIO, where: str) -> Iterator[tuple[int, str | IngestError]]:
    """Yield ``(line_number, text)`` per line (1-based, newline stripped), or an error for a bad line.

    Lines are read one at a time, so files of any size stream in constant memory; a line longer than
    :data:`MAX_LINE_BYTES` or not valid UTF-8 becomes an :class:`IngestError` and reading goes on.
    A trailing DOS end-of-file mark (0x1A) is ignored.
    """
    head = fh.read(2)
    if head in _UTF16_BOMS:  # UTF-16 cannot be split on b"\n": decode it whole.
        try:
            text = decode(head + read_document_bytes(fh, where), where)
        except IngestError as e:
            yield 0, e
            return
        for n, line in enumerate(text.splitlines(), 1):
            yield n, line
        return
    pending = head
    offset = 0
    n = 0
    while True:
        raw = pending + fh.readline(MAX_LINE_BYTES + 1 - len(pending))
        pending = b""
        if not raw:
            return
        n += 1
        start = offset
        offset += len(raw)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                more = fh.readline(1024 * 1024)
                offset += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield n, IngestError(where, f"line longer than {MAX_LINE_BYTES:,} bytes, the limit for one record", n)
            continue
        raw = raw.rstrip(b"\r\n")
        if b"\x00" in raw:
            yield n, IngestError(where, "line contains NUL bytes (binary data?)", n)
            continue
        try:
            line = decode(raw, where, n, offset=start)
        except IngestError as e:
            yield n, e
            continue
        if line == "\x1a":
            continue
        yield n, line
