"""Fixtures of the ingest tests: fixture files, the shared corpora, and a loopback HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from fulcrum.errors import IngestError
from fulcrum.model import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
#: The project's shared folder sits beside the repository: <repo>/../shared.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpora" / "gaza-headlines").is_dir():
        pytest.fail(f"the shared corpora are missing: expected {SHARED}/corpora/gaza-headlines beside the "
                    "repository (the project's shared/ folder)")
    return SHARED


def _split(items: object) -> tuple[list[Article], list[IngestError]]:
    arts: list[Article] = []
    errs: list[IngestError] = []
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, IngestError):
            errs.append(item)
        else:
            assert isinstance(item, Article)
            arts.append(item)
    return arts, errs


@pytest.fixture(scope="session")
def split() -> Callable[[object], tuple[list[Article], list[IngestError]]]:
    """``split(items) -> (articles, errors)``, each in order."""
    return _split


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        if path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/page.html" if n == 0 else f"/hop/{n - 1}"
            self._send(302, {"Location": target}, b"")
            return
        if path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            chunk = b"All quiet on the river front today. " * 1000
            try:
                for _ in range(100):
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client hung up, as it should
            return
        status, headers, body = self.routes.get(path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self._send(status, headers, body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    """Base URL of a real HTTP server on 127.0.0.1 serving the fixture pages and feeds."""
    html = (DATA / "page.html").read_bytes()
    _Handler.routes = {
        "/page.html": (200, {"Content-Type": "text/html; charset=utf-8"}, html),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, (DATA / "feed.xml").read_bytes()),
        "/notes.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, (DATA / "titled.txt").read_bytes()),
        "/latin1.txt": (200, {"Content-Type": "text/plain; charset=iso-8859-1"},
                        "Caf\u00e9 owners in the old town reopened on Sunday.".encode("latin-1")),
        "/records": (200, {"Content-Type": "application/x-ndjson"}, (DATA / "records.jsonl").read_bytes()),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "/huge-declared": (200, {"Content-Type": "text/plain", "Content-Length": "999999999"}, b"short"),
        "/no-type": (200, {}, (DATA / "feed.xml").read_bytes()),
    }
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
