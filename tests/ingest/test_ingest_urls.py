"""URLs: a real loopback HTTP server, the private-address guard, redirects, size and type limits."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from fulcrum.errors import IngestError
from fulcrum.ingest import Fetched, HttpFetcher, check_address, read_sources


def test_loopback_is_refused_by_default(http_server, split):
    url = f"{http_server}/page.html"
    arts, errs = split(read_sources([url]))
    assert arts == [] and len(errs) == 1
    assert errs[0].where == url
    assert "refused" in errs[0].reason and "127.0.0.1" in errs[0].reason and "allow_private=True" in errs[0].reason


def test_allow_private_reads_html_feed_text_and_records(http_server, split):
    urls = [f"{http_server}/page.html", f"{http_server}/feed.xml", f"{http_server}/notes.txt",
            f"{http_server}/records", f"{http_server}/no-type"]
    arts, errs = split(read_sources(urls, allow_private=True, outlet="Fallback"))
    page = arts[0]
    assert page.title == "Aid convoy reaches northern town" and page.source == urls[0]
    assert page.outlet == "The Lantern Times" and page.published == date(2023, 11, 25)
    feed = [a for a in arts if a.source and a.source.startswith(urls[1])]
    assert [a.source for a in feed] == [f"{urls[1]}:1", f"{urls[1]}:2"]
    assert feed[0].outlet == "Valley Wire"
    notes = [a for a in arts if a.source == urls[2]]
    assert notes[0].title == "Ferry service to the island resumes"
    assert notes[0].url == urls[2] and notes[0].outlet == "Fallback"
    records = [a for a in arts if a.source and a.source.startswith(urls[3] + ":")]
    assert [a.external_id for a in records] == ["r1", "r2", "r8"]
    assert {e.where for e in errs} == {urls[3]}  # the bad records of the JSONL, by line
    assert len([a for a in arts if a.source and a.source.startswith(urls[4])]) == 2  # sniffed as a feed


def test_declared_charset_is_honoured(http_server, split):
    arts, errs = split(read_sources([f"{http_server}/latin1.txt"], allow_private=True))
    assert errs == [] and arts[0].text == "Caf\u00e9 owners in the old town reopened on Sunday."


def test_redirects_are_followed_up_to_the_limit(http_server, split):
    # /hop/N redirects N + 1 times before the page
    arts, errs = split(read_sources([f"{http_server}/hop/4"], allow_private=True))
    assert errs == [] and arts[0].title == "Aid convoy reaches northern town"
    assert arts[0].source == f"{http_server}/hop/4"
    arts, errs = split(read_sources([f"{http_server}/hop/5"], allow_private=True))
    assert arts == [] and "more than 5 redirects" in errs[0].reason


def test_size_cap_stops_the_download(http_server, split):
    with HttpFetcher(allow_private=True, max_bytes=100_000) as fetch:
        arts, errs = split(read_sources([f"{http_server}/big", f"{http_server}/huge-declared"], fetch=fetch))
    assert arts == []
    assert "more than the 100,000-byte limit" in errs[0].reason
    assert "999,999,999 bytes" in errs[1].reason


def test_http_errors_content_types_and_unreachable_hosts(http_server, split):
    with HttpFetcher(allow_private=True) as probe:
        port = int(http_server.rsplit(":", 1)[1])
        arts, errs = split(read_sources([f"{http_server}/missing", f"{http_server}/photo.png",
                                         f"http://127.0.0.1:{port + 1 if port < 65535 else 1}/x"], fetch=probe))
    assert arts == []
    assert "HTTP 404" in errs[0].reason
    assert "content type 'image/png'" in errs[1].reason
    assert errs[2].reason.startswith(("cannot fetch", "timed out"))


def test_unresolvable_host(split):
    def resolver(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with HttpFetcher(resolver=resolver) as fetch:
        _, errs = split(read_sources(["https://no-such-host.invalid/x"], fetch=fetch))
    assert "cannot resolve host 'no-such-host.invalid'" in errs[0].reason


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.7", "172.16.5.5", "127.0.0.1", "169.254.169.254",
                                     "::1", "fe80::1", "fc00::5", "::ffff:127.0.0.1", "100.64.0.1", "0.0.0.0",
                                     "224.0.0.1"])
def test_private_addresses_are_refused(address):
    with pytest.raises(IngestError, match="refused"):
        check_address("https://news.example/a", resolver=lambda h, p: ["93.184.216.34", address])


def test_public_addresses_pass_and_private_pass_when_allowed():
    check_address("https://news.example/a", resolver=lambda h, p: ["93.184.216.34", "2606:2800:220:1::1"])
    check_address("http://127.0.0.1:9/a", allow_private=True)
    with pytest.raises(IngestError, match="only http and https"):
        check_address("file:///etc/passwd")


def test_redirect_to_a_private_address_is_refused(split):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
        return httpx.Response(200, text="should never be fetched")

    resolver = {"news.example": ["93.184.216.34"]}
    with HttpFetcher(resolver=lambda h, p: resolver[h], transport=httpx.MockTransport(handler)) as fetch:
        arts, errs = split(read_sources(["https://news.example/story"], fetch=fetch))
    assert arts == []
    assert errs[0].where == "https://news.example/story"
    assert "redirected to http://169.254.169.254/latest/meta-data" in errs[0].reason
    assert "refused" in errs[0].reason


def test_a_custom_fetcher(split):
    def fetch(url: str) -> Fetched:
        return Fetched(url=url, content=b"Storm closes the port\n\nThe port closed at noon.", content_type="text/plain")

    arts, _ = split(read_sources(["https://any.example/a"], fetch=fetch))
    assert arts[0].title == "Storm closes the port" and arts[0].url == "https://any.example/a"
