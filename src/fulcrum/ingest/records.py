"""Record files: JSONL, JSON arrays and CSV with the fields ``id, title, text, published, outlet, url``.

Every record is one article; ``id`` becomes :attr:`Article.external_id`.  ``title``, ``url`` and the
others may be null or missing; only ``text`` is required.  A title that the text does not already start
with is put in front of it.  A few aliases are accepted (``body``/``content`` for text, ``date`` for
published, ``publisher``/``source`` for outlet, ``link`` for url, ``headline`` for title).

JSONL and CSV are streamed line by line; a bad line or record is one :class:`IngestError` naming its
line (CSV: the line the record starts on) and the rest of the file is read.  JSON arrays are read whole
(records numbered from 1).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from fulcrum.dates import parse_date
from fulcrum.errors import IngestError
from fulcrum.model import Article

from .common import Defaults, join_title, make_article
from .textio import MAX_TEXT_CHARS, iter_lines, read_document

__all__ = ["FIELDS", "ALIASES", "record_article", "read_jsonl", "read_json", "read_csv"]

FIELDS = ("id", "title", "text", "published", "outlet", "url", "language")
ALIASES = {"body": "text", "content": "text", "date": "published", "publisher": "outlet", "source": "outlet",
           "link": "url", "headline": "title", "lang": "language"}


def _canonical(record: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        k = str(key).strip().lower()
        k = ALIASES.get(k, k)
        if k in FIELDS and (k not in out or out[k] in (None, "")):
            out[k] = value
    return out


def _optional_str(rec: dict[str, Any], key: str) -> str | None:
    v = rec.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        raise ValueError(f"field {key!r} must be a string, got {type(v).__name__}")
    return str(v).strip() or None


def record_article(record: Mapping[str, Any], where: str, line: int, defaults: Defaults) -> Article | IngestError:
    """One record (a dict of the fields above) as an article, or an error naming the problem."""
    rec = _canonical(record)
    if "text" not in rec:
        present = ", ".join(map(str, record)) or "none"
        return IngestError(where, f"record has no 'text' field (fields present: {present})", line)
    text = rec["text"]
    if text is None or (isinstance(text, str) and not text.strip()):
        return IngestError(where, "field 'text' is empty", line)
    if not isinstance(text, str):
        return IngestError(where, f"field 'text' must be a string, got {type(text).__name__}", line)
    try:
        title = _optional_str(rec, "title")
        ext = _optional_str(rec, "id")
        outlet = _optional_str(rec, "outlet")
        url = _optional_str(rec, "url")
        language = _optional_str(rec, "language")
        published_raw = rec.get("published")
        published = None
        if published_raw not in (None, ""):
            try:
                published = parse_date(published_raw)
            except ValueError as e:
                raise ValueError(f"field 'published': {e}") from None
    except ValueError as e:
        return IngestError(where, str(e), line)
    return make_article(join_title(title, text), where=where, line=line, defaults=defaults, title=title,
                        published=published, outlet=outlet, url=url, external_id=ext, language=language)


def read_jsonl(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    """One JSON object per line; blank lines are skipped."""
    for n, line in iter_lines(fh, where):
        if isinstance(line, IngestError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"invalid JSON ({e.msg}, column {e.colno})", n)
            continue
        except RecursionError:
            yield IngestError(where, _TOO_DEEP, n)
            continue
        if not isinstance(record, dict):
            yield IngestError(where, f"expected a JSON object, got {_json_type(record)}", n)
            continue
        yield record_article(record, where, n, defaults)


def read_json(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    """A JSON array of records, ``{"articles": [...]}`` (or ``items``), or a single record object."""
    try:
        doc = json.loads(read_document(fh, where))
    except IngestError as e:
        yield e
        return
    except json.JSONDecodeError as e:
        yield IngestError(where, f"invalid JSON ({e.msg}, line {e.lineno}, column {e.colno})", e.lineno)
        return
    except RecursionError:
        yield IngestError(where, _TOO_DEEP)
        return
    if isinstance(doc, dict):
        for key in ("articles", "items", "records"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
        else:
            doc = [doc]
    if not isinstance(doc, list):
        yield IngestError(where, f"expected a JSON array of records, got {_json_type(doc)}")
        return
    if not doc:
        yield IngestError(where, "the JSON array holds no records")
        return
    for n, record in enumerate(doc, 1):
        if not isinstance(record, dict):
            yield IngestError(where, f"record {n} is {_json_type(record)}, not a JSON object", n)
        else:
            yield record_article(record, where, n, defaults)


_TOO_DEEP = "JSON nested too deeply to read (arrays or objects inside each other thousands of levels deep)"


def _json_type(v: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(v), "a number")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter (``,``, tab or ``;``) that splits a header line into the most known field names."""
    best, best_score = ",", -1
    for delim in (",", "\t", ";"):
        names = [c.strip().strip('"').lower() for c in header_line.split(delim)]
        score = sum(1 for c in names if c in FIELDS or c in ALIASES)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(fh: BinaryIO, where: str, defaults: Defaults) -> Iterator[Article | IngestError]:
    """CSV (or TSV/semicolon-separated) with a header row naming the fields."""
    errors: list[IngestError] = []

    def lines() -> Iterator[str]:
        for _, line in iter_lines(fh, where):
            if isinstance(line, IngestError):
                errors.append(line)
                yield ""  # keeps csv's line count in step with the file
            else:
                yield line + "\n"

    source = lines()
    header_line = 1
    first = next(source, None)
    while first is not None and not first.strip():
        first = next(source, None)
        header_line += 1
    if first is None:
        yield from errors or [IngestError(where, "empty CSV file")]
        return
    if csv.field_size_limit() < MAX_TEXT_CHARS + 1:
        csv.field_size_limit(MAX_TEXT_CHARS + 1)  # a long article is one field; the default is 128 KiB
    delim = sniff_delimiter(first)
    header_rows = list(csv.reader([first], delimiter=delim, strict=True))
    header = [h.strip().lower() for h in header_rows[0]] if header_rows else []
    names = [ALIASES.get(h, h) for h in header]
    dupes = sorted({h for h in names if names.count(h) > 1 and h})
    if dupes:
        yield IngestError(where, f"the header repeats the column(s) {', '.join(dupes)}", header_line)
        return
    if "text" not in names:
        yield IngestError(where, f"the header has no 'text' column (columns: {', '.join(header)}); "
                                 "expected id, title, text, published, outlet, url", header_line)
        return
    reader = csv.reader(source, delimiter=delim, strict=True)
    end = header_line
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            end = reader.line_num + header_line
            yield from _drain(errors)
            msg = str(e)
            if "unexpected end of data" in msg or "EOF" in msg:
                msg = (f"unterminated quoted field starting on line {start}: the rest of the file "
                       f"was read as one field")
            else:
                msg = f"malformed CSV ({msg}); a field with quotes inside must be quoted and the quotes doubled"
            yield IngestError(where, msg, start)
            continue
        end = reader.line_num + header_line
        yield from _drain(errors)
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield IngestError(where, _width_message(row, header), start)
            continue
        yield record_article(dict(zip(names, row, strict=True)), where, start, defaults)
    yield from _drain(errors)


def _width_message(row: list[str], header: list[str]) -> str:
    if len(row) < len(header):
        missing = ", ".join(header[len(row):])
        return f"has {len(row)} fields but the header has {len(header)} (missing: {missing})"
    extra = ", ".join(repr(v[:40]) for v in row[len(header):])
    return (f"has {len(row)} fields but the header has {len(header)} (extra values: {extra}); "
            "quote fields that contain the delimiter")


def _drain(errors: list[IngestError]) -> Iterator[IngestError]:
    while errors:
        yield errors.pop(0)
