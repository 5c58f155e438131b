"""Fetching URLs safely: http(s) only, no private addresses by default, bounded time, hops and size.

:class:`HttpFetcher` is the default :data:`Fetcher`.  Before every request -- the first and each redirect
-- it resolves the host and refuses the URL if *any* address is private, loopback, link-local, reserved
or multicast, unless ``allow_private=True``.  (A host whose DNS answer changes between that check and
the connection could still slip through; fulcrum is not a hardened proxy.)  Redirects are followed by
hand, at most ``max_redirects``; the body is streamed and cut off at ``max_bytes``; only HTML, feeds,
text and JSON content types are accepted.  Every failure is an :class:`~fulcrum.errors.IngestError`
naming the URL.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import httpx

from fulcrum.errors import IngestError

__all__ = ["Fetched", "Fetcher", "HttpFetcher", "check_address", "ACCEPTED_TYPES"]

#: Content types a fetched page may have (``text/*`` is accepted too).
ACCEPTED_TYPES = frozenset({
    "application/xhtml+xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "application/feed+json", "application/json", "application/x-ndjson",
    "application/jsonl", "application/x-jsonlines",
})

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a fetcher returns: the final URL after redirects, the body, and its media type."""

    url: str
    content: bytes
    content_type: str = ""
    charset: str | None = None


class Fetcher(Protocol):
    """Anything that turns a URL into :class:`Fetched` or raises :class:`IngestError`."""

    def __call__(self, url: str) -> Fetched: ...


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def check_address(url: str, *, allow_private: bool = False, resolver: Resolver | None = None) -> None:
    """Raise :class:`IngestError` unless ``url`` is http(s) and (unless allowed) every address is public."""
    try:
        u = httpx.URL(url)
    except httpx.InvalidURL as e:
        raise IngestError(url, f"invalid URL: {e}") from None
    if u.scheme not in ("http", "https"):
        raise IngestError(url, f"refused: only http and https URLs are fetched, not {u.scheme or 'no'} scheme")
    host = u.host
    if not host:
        raise IngestError(url, "invalid URL: no host")
    if allow_private:
        return
    addresses = _addresses(url, host, u.port or (443 if u.scheme == "https" else 80), resolver)
    for addr in addresses:
        mapped = getattr(addr, "ipv4_mapped", None)
        check = mapped or addr
        if not check.is_global or check.is_multicast:
            raise IngestError(url, f"refused: {host} resolves to {addr}, a private, loopback or link-local "
                                   "address; pass allow_private=True (fulcrum ingest --allow-private) to read from "
                                   "your own network")


def _addresses(url: str, host: str, port: int, resolver: Resolver | None) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        found = (resolver or _system_resolver)(host, port)
    except (OSError, UnicodeError) as e:
        raise IngestError(url, f"cannot resolve host {host!r}: {e}") from None
    if not found:
        raise IngestError(url, f"cannot resolve host {host!r}: no addresses")
    return [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]


class HttpFetcher:
    """The default fetcher (httpx).  Use as a context manager, or call :meth:`close` when done.

    ``resolver(host, port) -> [address, ...]`` and ``transport`` (an httpx transport) replace DNS and
    the network, for tests.
    """

    def __init__(self, *, timeout: float = 15.0, max_redirects: int = 5, max_bytes: int = 10 * 1024 * 1024,
                 allow_private: bool = False, resolver: Resolver | None = None,
                 user_agent: str = "fulcrum/0.1 (news event data)",
                 trust_env: bool = True, transport: httpx.BaseTransport | None = None) -> None:
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.resolver = resolver
        self.user_agent = user_agent
        self.trust_env = trust_env
        self.transport = transport
        self._client: httpx.Client | None = None

    def _get_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=False, trust_env=self.trust_env,
                                        transport=self.transport,
                                        headers={"User-Agent": self.user_agent,
                                                 "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                                                           "application/atom+xml, application/xml;q=0.9, "
                                                           "text/*;q=0.8, application/json;q=0.8"})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, url: str) -> Fetched:
        current = url
        deadline = time.monotonic() + 4 * self.timeout
        for _hop in range(self.max_redirects + 1):
            try:
                check_address(current, allow_private=self.allow_private, resolver=self.resolver)
            except IngestError as e:
                reason = e.reason if current == url else f"redirected to {current}: {e.reason}"
                raise IngestError(url, reason) from None
            try:
                result = self._request(url, current, deadline)
            except httpx.TimeoutException:
                raise IngestError(url, f"timed out after {self.timeout:g} s") from None
            except httpx.HTTPError as e:
                raise IngestError(url, f"cannot fetch: {type(e).__name__}: {e}") from None
            if isinstance(result, Fetched):
                return result
            current = result
        raise IngestError(url, f"more than {self.max_redirects} redirects (the last to {current})")

    def _request(self, url: str, current: str, deadline: float) -> Fetched | str:
        with self._get_client().stream("GET", current) as r:
            if r.is_redirect:
                location = r.headers.get("location")
                if not location:
                    raise IngestError(url, f"HTTP {r.status_code} redirect without a Location header")
                return str(r.url.join(location))
            if r.status_code >= 400:
                raise IngestError(url, f"HTTP {r.status_code} {r.reason_phrase}".rstrip())
            media, charset = _media_type(r.headers.get("content-type", ""))
            if media and not (media.startswith("text/") or media in ACCEPTED_TYPES):
                raise IngestError(url, f"content type {media!r} is not HTML, a feed, text or JSON")
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise IngestError(url, f"{int(declared):,} bytes, more than the {self.max_bytes:,}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise IngestError(url, f"more than the {self.max_bytes:,}-byte limit; download stopped")
                if time.monotonic() > deadline:
                    raise IngestError(url, f"download took longer than {4 * self.timeout:g} s; stopped")
                chunks.append(chunk)
            return Fetched(url=str(r.url), content=b"".join(chunks), content_type=media, charset=charset)


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media = parts[0].lower() if parts else ""
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            charset = v.strip().strip('"').lower()
    return media, charset

