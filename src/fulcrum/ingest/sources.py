"""Reading a batch of sources -- files, folders and URLs -- into articles and per-source errors."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TypeAlias
from urllib.parse import urlparse
from urllib.request import url2pathname

from fulcrum.errors import IngestError, InvalidParameter
from fulcrum.model import Article

from .common import Defaults
from .detect import sniff
from .feeds import read_feed
from .fetch import Fetched, Fetcher, HttpFetcher
from .headlines import read_headlines, read_liveblog
from .htmlpage import read_html
from .plaintext import read_text
from .records import read_csv, read_json, read_jsonl
from .textio import SNIFF_BYTES, binary_reason

__all__ = ["IngestItem", "read_sources", "read_file", "read_bytes"]

#: What :func:`read_sources` yields: an article, or the error of one file, record or URL.
IngestItem: TypeAlias = Article | IngestError

Reader = Callable[[BinaryIO, str, Defaults], Iterator[IngestItem]]

_READERS: dict[str, Reader] = {
    "html": read_html,
    "feed": read_feed,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "headlines": read_headlines,
    "liveblog": read_liveblog,
    "text": read_text,
    "markdown": lambda fh, where, d: read_text(fh, where, d, markdown=True),
}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def read_sources(sources: Sequence[str | Path], *, published: date | None = None, outlet: str | None = None,
                 fetch: Fetcher | None = None, allow_private: bool = False) -> Iterator[IngestItem]:
    """Read files, folders (recursively, hidden entries skipped) and http(s) URLs.

    Yields an :class:`~fulcrum.model.Article` per article read and an :class:`~fulcrum.errors.IngestError`
    per bad file, record or URL -- yielded, not raised -- and goes on with the rest of the batch.
    ``published`` and ``outlet`` fill in what a source does not say itself.  ``fetch`` replaces the
    default :class:`~fulcrum.ingest.fetch.HttpFetcher` (and then owns the address policy);
    ``allow_private`` lets the default fetcher read private and loopback addresses and ``file://`` URLs.

    Raises :class:`~fulcrum.errors.InvalidParameter` at once for arguments of the wrong kind.
    """
    if isinstance(sources, (str, Path, bytes)):
        raise InvalidParameter("sources", "read_sources", "a list of paths or URLs (wrap a single one in a list)",
                               sources)
    if isinstance(published, datetime):
        published = published.date()
    if published is not None and not isinstance(published, date):
        raise InvalidParameter("published", "read_sources", "a datetime.date or None", published)
    if outlet is not None and not isinstance(outlet, str):
        raise InvalidParameter("outlet", "read_sources", "a string or None", outlet)
    defaults = Defaults(published=published, outlet=(outlet or "").strip() or None)
    return _read_all(list(sources), defaults, fetch, allow_private)


def _read_all(sources: list[str | Path], defaults: Defaults, fetch: Fetcher | None,
              allow_private: bool) -> Iterator[IngestItem]:
    own: list[HttpFetcher] = []  # the default fetcher, made when the first URL comes

    def default_fetcher() -> HttpFetcher:
        if not own:
            own.append(HttpFetcher(allow_private=allow_private))
        return own[0]

    try:
        for source in sources:
            if isinstance(source, str) and (m := _SCHEME.match(source)):
                scheme = m.group(1).lower()
                if scheme in ("http", "https"):
                    yield from read_url(source, fetch if fetch is not None else default_fetcher(), defaults)
                elif scheme == "file" and allow_private:
                    yield from read_path(Path(url2pathname(urlparse(source).path)), defaults)
                elif scheme == "file":
                    yield IngestError(source, "refused: file:// URLs are read only with allow_private=True (--allow-private); "
                                              "pass the path itself instead")
                else:
                    yield IngestError(source, f"unsupported URL scheme {scheme!r}; use http(s) or a local path")
            elif isinstance(source, (str, Path)):
                yield from read_path(Path(source), defaults)
            else:
                yield IngestError(repr(source), f"not a path or URL: {type(source).__name__}")
    finally:
        for fetcher in own:
            fetcher.close()


def read_path(path: Path, defaults: Defaults) -> Iterator[IngestItem]:
    """A file, or every non-hidden file under a folder (sorted, recursive)."""
    if path.is_dir():
        found = False
        failed: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=failed.append):
            while failed:
                e = failed.pop(0)
                yield IngestError(str(e.filename or root), f"cannot read the folder: {e.strerror or e}")
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    found = True
                    yield from read_file(Path(root) / name, defaults)
        for e in failed:
            yield IngestError(str(e.filename or path), f"cannot read the folder: {e.strerror or e}")
        if not found and not failed:
            yield IngestError(str(path), "the folder holds no files (hidden files are skipped)")
    else:
        yield from read_file(path, defaults)


def read_file(path: Path, defaults: Defaults | None = None) -> Iterator[IngestItem]:
    """Every article in one file, whatever its format."""
    where = str(path)
    defaults = defaults or Defaults()
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        yield IngestError(where, "no such file or folder")
        return
    except IsADirectoryError:
        yield IngestError(where, "is a folder")
        return
    except OSError as e:
        yield IngestError(where, f"cannot read: {e.strerror or e}")
        return
    with fh:
        try:
            sample = fh.read(SNIFF_BYTES)
            fh.seek(0)
        except OSError as e:
            yield IngestError(where, f"cannot read: {e.strerror or e}")
            return
        yield from _dispatch(fh, sample, where, defaults, hint=path.name)


def read_bytes(data: bytes, where: str, defaults: Defaults | None = None, *,
               hint: str | None = None) -> Iterator[IngestItem]:
    """Every article in some bytes (a fetched page, an upload), ``where`` naming their origin."""
    yield from _dispatch(io.BytesIO(data), data[:SNIFF_BYTES], where, defaults or Defaults(), hint=hint)


def read_url(url: str, fetch: Fetcher, defaults: Defaults) -> Iterator[IngestItem]:
    """Fetch a URL and read what it serves (an HTML page, a feed, text or records)."""
    try:
        got: Fetched = fetch(url)
    except IngestError as e:
        yield e if e.where == url else IngestError(url, str(e))
        return
    except OSError as e:
        yield IngestError(url, f"cannot fetch: {e}")
        return
    content = got.content
    media = got.content_type or ""
    # Text and JSON are decoded here by their declared charset; HTML and XML declare it themselves.
    if got.charset and got.charset not in ("utf-8", "utf8") and "xml" not in media and media != "text/html":
        try:
            content = content.decode(got.charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError) as e:
            yield IngestError(url, f"cannot decode the page as its declared charset {got.charset!r}: {e}")
            return
    yield from _dispatch(io.BytesIO(content), content[:SNIFF_BYTES], url, defaults.with_url(got.url),
                         hint=media or urlparse(got.url).path)


def _dispatch(fh: BinaryIO, sample: bytes, where: str, defaults: Defaults, *, hint: str | None) -> Iterator[IngestItem]:
    fmt = sniff(sample, hint)
    if fmt == "empty":
        yield IngestError(where, "empty file" if not sample else "holds only white space")
        return
    if fmt == "binary":
        yield IngestError(where, f"{binary_reason(sample)}; fulcrum reads text, Markdown, HTML, feeds, "
                                 "JSON(L), CSV and headline TSV")
        return
    try:
        yield from _READERS[fmt](fh, where, defaults)
    except OSError as e:
        yield IngestError(where, f"cannot read: {e.strerror or e}")
