"""Letting nothing in, end to end.

* Fetching: ``fulcrum ingest URL`` against a real HTTP server on 127.0.0.1 -- loopback and ``file://``
  refused without ``--allow-private``; with it, redirect limits and loops, redirects to other schemes,
  the size cap (declared and streamed), content types; timeouts and a trickling server (the total
  download deadline) through :class:`~fulcrum.ingest.HttpFetcher`.  The unit tests of the same rules
  (private address ranges, DNS answers, redirects to private hosts) are in tests/ingest/test_ingest_urls.py.
* The server (``fulcrum serve`` as a child process): path traversal in URLs and upload file names,
  oversized uploads with and without Content-Length, too many files; no temporary file left behind.
* XSS: payloads in the text, titles, outlets and URLs of files in every input format go through real
  ingest and extraction and are rendered by the real server in Debian's chromium: nothing runs.  (The
  dashboard's own browser test, tests/serve/test_browser.py, renders hand-built payloads in every field.)
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from fulcrum.errors import IngestError
from fulcrum.ingest import HttpFetcher

PAGE = (b"<html><head><title>Drones hit Odesa port</title></head><body><article><h1>Drones hit Odesa port</h1>"
        b"<p>Russian drones hit the port of Odesa on Sunday, the regional governor said, and two people were "
        b"hurt.</p><p>Ukraine said air defences shot down most of the drones over the sea.</p></article>"
        b"</body></html>")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        p = self.path
        if p == "/page.html":
            return self._send(200, "text/html; charset=utf-8", PAGE)
        if p.startswith("/hop/"):
            n = int(p.rsplit("/", 1)[1])
            return self._redirect("/page.html" if n == 0 else f"/hop/{n - 1}")
        if p == "/loop":
            return self._redirect("/loop")
        if p == "/to-file":
            return self._redirect("file:///etc/passwd")
        if p == "/to-ftp":
            return self._redirect("ftp://127.0.0.1/x")
        if p == "/photo.png":
            return self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        if p == "/octets":
            return self._send(200, "application/octet-stream", b"\x00\x01" * 64)
        if p == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            return None
        if p == "/endless":  # no Content-Length, never ends: the streamed size cap must stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            chunk = b"All quiet on the river front today. " * 2000
            try:
                while True:
                    self.wfile.write(chunk)
            except OSError:
                return None
        if p == "/slow":  # answers after the client's timeout
            time.sleep(3)
            return self._send(200, "text/plain", b"too late")
        if p == "/trickle":  # a byte at a time: each read is quick, the whole never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                return None
            return None
        return self._send(404, "text/plain", b"not found")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
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


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _failures(res) -> list[str]:
    return [ln.removeprefix("failed: ") for ln in res.lines if ln.startswith("failed: ")]


# -- fetching ---------------------------------------------------------------------------------------
def test_loopback_and_file_urls_are_refused_without_allow_private(site, common, tmp_path):
    db = tmp_path / "f.duckdb"
    res = common.run_cli(db, "ingest", f"{site}/page.html", "file:///etc/passwd", "--json")
    assert res.returncode == 1
    fails = _failures(res)
    assert fails[0].startswith(f"{site}/page.html: refused: 127.0.0.1 resolves to 127.0.0.1, a private, loopback")
    assert "--allow-private" in fails[0]
    assert fails[1].startswith("file:///etc/passwd: refused: file:// URLs are read only with allow_private=True")
    assert json.loads(res.stdout)["added"] == 0


def test_allow_private_reads_the_local_page_and_limits_still_hold(site, common, tmp_path):
    db = tmp_path / "f.duckdb"
    urls = ["page.html", "hop/3", "hop/9", "loop", "to-file", "to-ftp", "photo.png", "octets", "declared-huge",
            "endless"]
    res = common.run_cli(db, "ingest", "--allow-private", "--json", *[f"{site}/{u}" for u in urls])
    assert res.returncode == 1, res.stderr[-2000:]
    summary = json.loads(res.stdout)
    assert summary["added"] == 1 and summary["duplicates"] == 1  # page.html, and again through 3 redirects
    fails = dict(f.split(": ", 1) for f in _failures(res))
    assert fails.pop(f"{site}/hop/9").startswith("more than 5 redirects")
    assert fails.pop(f"{site}/loop").startswith("more than 5 redirects")
    assert "only http and https URLs are fetched, not file scheme" in fails.pop(f"{site}/to-file")
    assert "not ftp scheme" in fails.pop(f"{site}/to-ftp")
    assert "content type 'image/png' is not HTML, a feed, text or JSON" in fails.pop(f"{site}/photo.png")
    assert "'application/octet-stream'" in fails.pop(f"{site}/octets")
    assert fails.pop(f"{site}/declared-huge") == "52,428,800 bytes, more than the 10,485,760-byte limit"
    assert fails.pop(f"{site}/endless") == "more than the 10,485,760-byte limit; download stopped"
    assert not fails
    assert res.peak_rss_mb < 600


def test_timeouts_and_a_trickling_server(site):
    with HttpFetcher(timeout=1, allow_private=True) as fetch:
        t0 = time.monotonic()
        with pytest.raises(IngestError, match="timed out after 1 s"):
            fetch(f"{site}/slow")
        with pytest.raises(IngestError, match=r"download took longer than 4 s; stopped"):
            fetch(f"{site}/trickle")  # 20 s of bytes, each within the read timeout
        assert time.monotonic() - t0 < 10
        assert b"Odesa" in fetch(f"{site}/page.html").content  # the fetcher still works afterwards


# -- the server -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def served(tmp_path_factory, common) -> Iterator[tuple[str, Path, Path]]:
    """``fulcrum serve --max-upload-mb 1`` over a small store, with its own temporary folder."""
    root = tmp_path_factory.mktemp("served")
    db = root / "s.duckdb"
    common.write_corpus(root / "corpus", 10, seed=4)
    assert common.run_cli(db, "ingest", str(root / "corpus")).returncode == 0
    tmp = root / "tmp"
    tmp.mkdir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (root / "server.log").open("wb")
    proc = subprocess.Popen(common.fulcrum_cmd(db, "serve", "--port", str(port), "--max-upload-mb", "1"),
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "TMPDIR": str(tmp)})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, (root / "server.log").read_text()
        time.sleep(0.2)
    try:
        yield base, tmp, root
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        log.close()


TRAVERSALS = ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              "/static/..%2f..%2f..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fserve%2fapp.py", "/static//etc/passwd",
              "/assets/../../etc/passwd", "/articles/..%2f..%2f..%2fetc%2fpasswd", "/articles/../../etc/passwd",
              "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/stories/..%5c..%5cwindows%5cwin.ini",
              "/static/vendor/../../app.py", "/jobs/..%2f..%2fetc%2fpasswd"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_in_urls_is_refused(served, path):
    base, _, _ = served
    r = httpx.get(base + path, timeout=10)  # httpx normalises dot segments; raw ones below
    assert r.status_code in (400, 404), (path, r.status_code)
    assert b"root:" not in r.content and b"create_app" not in r.content
    with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        raw = b""
        while chunk := s.recv(65536):
            raw += chunk
    status = int(raw.split(b" ", 2)[1])
    assert status in (400, 404), (path, raw[:200])
    assert b"root:" not in raw and b"create_app" not in raw


def _wait(base: str, job_id: str) -> dict:
    for _ in range(600):
        job = httpx.get(f"{base}/api/jobs/{job_id}", timeout=10).json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError(job)


def test_upload_file_names_cannot_escape(served):
    base, tmp, root = served
    body = b"---\npublished: 2023-10-10\noutlet: Path Wire\n---\nShelling hit Kherson on Friday, officials said.\n"
    names = ["../../../../escaped.md", "..\\..\\escaped2.md", str(Path(tempfile.gettempdir()) / "escaped3.md"), "....//....//escaped4.md",
             "%2e%2e%2fescaped5.md", "nul\x00.md", ".hidden.md", "a" * 300 + ".md"]
    files = [("files", (n, body.replace(b"Friday", f"Friday {i}".encode()), "text/markdown"))
             for i, n in enumerate(names)]
    r = httpx.post(base + "/api/ingest/upload", files=files, timeout=30)
    assert r.status_code == 202, r.text
    job = _wait(base, r.json()["id"])
    assert job["state"] == "done", job
    assert job["result"]["ingest"]["added"] == len(names), job
    for where in (root, root.parent, tmp, Path(tempfile.gettempdir())):
        assert not list(where.glob("escaped*")), where
    assert not list(tmp.iterdir()), "the upload folder was not removed"


def test_oversized_uploads_and_too_many_files_are_refused(served):
    base, tmp, _ = served
    big = b"x" * (2 * 1024 * 1024)
    r = httpx.post(base + "/api/ingest/upload", files=[("files", ("big.txt", big, "text/plain"))], timeout=30)
    assert r.status_code == 413 and "limit of 1 MB" in r.json()["detail"], r.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: checked while reading
        yield (b"--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
               b"Content-Type: text/plain\r\n\r\n")
        for _ in range(40):
            yield b"y" * 65536
        yield b"\r\n--B--\r\n"

    r = httpx.post(base + "/api/ingest/upload", content=chunks(), timeout=30,
                   headers={"Content-Type": "multipart/form-data; boundary=B"})
    assert r.status_code == 413, (r.status_code, r.text[:300])
    many = [("files", (f"f{i}.txt", b"Drones hit Odesa.", "text/plain")) for i in range(201)]
    r = httpx.post(base + "/api/ingest/upload", files=many, timeout=30)
    assert r.status_code in (400, 413), r.text
    assert httpx.get(base + "/api/stats", timeout=10).status_code == 200
    time.sleep(0.5)
    assert not list(tmp.iterdir()), "a refused upload left files behind"


# -- XSS through real ingest, extraction and the browser --------------------------------------------
def _xss_inputs(folder: Path) -> None:
    from serve._data import PAYLOADS

    folder.mkdir()
    lines = []
    for i, p in enumerate(PAYLOADS):
        safe = p.replace("\n", " ")
        (folder / f"xss-{i}.md").write_text(
            f"---\npublished: 2023-11-{10 + i:02d}\noutlet: Evil Outlet {safe}\nurl: javascript:alert({i})\n---\n"
            f"# Jets strike Rafah {safe}\n\nIsraeli jets struck a building in Rafah {safe} on Monday, killing "
            f"{5 + i} people, the health ministry said. Hamas fired rockets at Ashkelon, {safe} the army said.\n",
            encoding="utf-8")
        lines.append(json.dumps({"id": f"x{i}\"><script>alert(1)</script>", "title": f"Title {p}",
                                 "text": f"Russian forces shelled Kharkiv {p} on Tuesday, killing {3 + i} people, "
                                         "the governor said.",
                                 "published": f"2023-11-{10 + i:02d}", "outlet": p,
                                 "url": f"https://x.invalid/{i}\"onmouseover=\"alert(1)"}))
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(
        f"<html><head><title>Strike on Jabalia {PAYLOADS[1]}</title><meta property='og:site_name' "
        f"content='{PAYLOADS[2]}'></head><body><article><h1>Strike on Jabalia</h1><p>Israeli jets struck "
        f"Jabalia on Sunday, killing seven people, officials said. {PAYLOADS[0]}</p>"
        f"<p>Hamas fired rockets at Sderot, the army said. {PAYLOADS[4]}</p></article></body></html>",
        encoding="utf-8")


@pytest.mark.browser
def test_payloads_through_ingest_and_extraction_never_run_in_the_browser(tmp_path, common):
    from playwright.sync_api import sync_playwright

    from fulcrum.serve import PAGES, create_app
    from serve._data import running_server
    from serve.test_browser import CHROMIUM, INJECTED

    _xss_inputs(tmp_path / "in")
    db = tmp_path / "xss.duckdb"
    assert common.run_cli(db, "ingest", str(tmp_path / "in")).returncode == 0
    assert common.run_cli(db, "extract").returncode == 0
    assert common.run_cli(db, "processes").returncode == 0
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).")
    dialogs: list[str] = []
    errors: list[str] = []
    with running_server(create_app(db, read_only=True)) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        events = page.request.get(url + "/events.json?per_page=500").json()["events"]
        assert len({e["article_id"] for e in events}) >= 10, "extraction found too few events to test with"
        urls = [url + p for _, p, _ in PAGES]
        urls += [f"{url}/articles/{e['article_id']}?event={e['id']}" for e in events]
        urls += [f"{url}/articles/{e['article_id']}" for e in events[:5]]
        for target in urls:
            page.goto(target, wait_until="load")
            for chart in page.locator(".js-plotly-plot .nsewdrag").all()[:1]:
                chart.hover()
            bad = page.evaluate(INJECTED)
            assert not bad, (target, bad)
            assert page.evaluate("typeof window.__xss") == "undefined", target
        page.goto(f"{url}/sources", wait_until="load")
        shown = page.inner_text("body")
        assert "Evil Outlet <script>" in shown and "onerror=" in shown, "payloads must be shown as text"
        browser.close()
    assert not dialogs, dialogs
    assert not errors, errors
