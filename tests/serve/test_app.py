"""The dashboard through an in-process client: every page and its JSON twin, filters, downloads, the API,
security rules, and reads that stay correct while a write runs."""

from __future__ import annotations

import csv
import io
import re
import time
import warnings
from datetime import date
from html.parser import HTMLParser

import pyarrow.parquet as pq
import pytest

from fulcrum.serve import PAGES, create_app
from fulcrum.serve.highlight import Mark, highlight

from ._data import KeywordPipeline, build, sample_articles

with warnings.catch_warnings():  # starlette >= 1.x prefers the httpx2 fork; httpx works the same here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

API = ("/api/events", "/api/claims", "/api/stories", "/api/tracks", "/api/series", "/api/analysis", "/api/stats")


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db)) as c:
        yield c


def _twin(path: str) -> str:
    return "/index.json" if path == "/" else path + ".json"


def test_every_page_renders_and_has_a_json_twin(client):
    for _, path, title in PAGES:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert r.headers["content-type"].startswith("text/html")
        assert f"<title>{title} · fulcrum</title>" in r.text
        j = client.get(_twin(path))
        assert j.status_code == 200 and j.headers["content-type"] == "application/json", _twin(path)
        assert isinstance(j.json(), dict)


def test_home_page_links_to_every_page_and_twin(client):
    html = client.get("/").text
    for _, path, _ in PAGES:
        assert f'href="{path}"' in html
        assert f'href="{_twin(path)}"' in html
    assert 'href="/docs"' in html and 'href="/openapi.json"' in html
    data = client.get("/index.json").json()
    assert data["stats"]["events"] >= len([e for a in sample_articles() for e in a.events])
    assert data["series"]["dates"], "the timeline has days"


def test_event_filters_change_the_results(client):
    every = client.get("/events.json?per_page=500").json()
    assert every["total"] == len(every["events"]) > 5
    cases = {"type": "CONSULT", "place": "Rafah", "actor": "QAT", "outlet": "Test Wire", "modality": "planned",
             "claimant_type": "anonymous", "date_from": "2014-02-20", "date_to": "2014-02-05"}
    for key, value in cases.items():
        sub = client.get("/events.json", params={key: value, "per_page": 500}).json()
        assert 0 < sub["total"] < every["total"], key
        assert sub["filters"][key] == value
    rafah = client.get("/events.json?place=Rafah").json()["events"]
    assert {e["location"]["name"] for e in rafah} == {"Rafah"}
    consult = client.get("/events.json?type=consult").json()["events"]
    assert {e["type"] for e in consult} == {"CONSULT"}
    # the HTML table shows the same number
    assert f'<b id="total">{len(consult)}</b>' in client.get("/events?type=CONSULT").text


def test_events_sort_and_paginate(client):
    asc = client.get("/events.json?per_page=500").json()["events"]
    desc = client.get("/events.json?per_page=500&dir=desc").json()["events"]
    day = [e["date"] or e["published"] for e in asc]
    assert day == sorted(day) and [e["date"] or e["published"] for e in desc] == sorted(day, reverse=True)
    by_type = [e["type"] for e in client.get("/events.json?per_page=500&sort=type").json()["events"]]
    assert by_type == sorted(by_type)
    p1 = client.get("/events.json?per_page=3").json()
    p2 = client.get("/events.json?per_page=3&page=2").json()
    assert p1["pages"] == -(-p1["total"] // 3) and len(p1["events"]) == 3
    assert not {e["id"] for e in p1["events"]} & {e["id"] for e in p2["events"]}
    html = client.get("/events?per_page=3&page=2").text
    assert 'rel="prev"' in html and "page 2 of" in html


def test_downloads_of_a_filtered_view(client):
    n = client.get("/events.json?type=ASSAULT").json()["total"]
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv?type=ASSAULT").text)))
    assert len(rows) == n and {r["type"] for r in rows} == {"ASSAULT"}
    table = pq.read_table(io.BytesIO(client.get("/events.parquet?type=ASSAULT").content))
    assert table.num_rows == n and "evidence" not in table.column_names and "text" in table.column_names
    claims = list(csv.DictReader(io.StringIO(client.get("/claims.csv?what=hostages_held").text)))
    assert claims and {c["what"] for c in claims} == {"hostages_held"}
    api_csv = client.get("/api/events?type=ASSAULT&format=csv&limit=100000")
    assert api_csv.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(api_csv.text)))) == n


def test_article_page_highlights_the_evidence(client):
    agree = client.get("/events.json?type=AGREE&limit=500").json()["events"]
    # the hand-built report (tests/serve/_data.py), not one the pipeline found in the demo corpus
    ev = next(e for e in agree if e["rule"] == "verb:agree"
              and (e["attribution"] or {}).get("claimant") == "Qatar"
              and (e["attribution"] or {}).get("claimant_type") == "named")
    r = client.get(f"/articles/{ev['article_id']}?event={ev['id']}")
    assert r.status_code == 200
    assert _marked_text(r.text, "evidence") == ev["text"]
    assert '<mark class="trigger" title="trigger">agreed</mark>' in r.text
    assert '<mark class="claimant" title="claimant">Qatar</mark>' in r.text
    assert "verb:agree" in r.text and "claimant Qatar (named)" in r.text
    j = client.get(f"/articles/{ev['article_id']}.json?event={ev['id']}").json()
    assert j["selected_event"] == ev["id"] and j["events"][0]["rule"] == "verb:agree"
    assert client.get(f"/articles/{ev['article_id']}?event=nope").status_code == 404
    assert client.get("/articles/doesnotexist").status_code == 404


def _marked_text(page: str, css: str) -> str:
    """The text inside <mark class=css> elements of the article body."""
    body = page.split('<article class="text" id="article-text">', 1)[1].split("</article>", 1)[0]

    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.out = [], []

        def handle_starttag(self, tag, attrs):
            self.stack.append(dict(attrs).get("class"))

        def handle_endtag(self, tag):
            self.stack.pop()

        def handle_data(self, data):
            if css in self.stack:
                self.out.append(data)

    p = P()
    p.feed(body)
    return "".join(p.out)


def test_highlight_escapes_every_piece():
    text = "a <b>x</b> & \"q\" <script>alert(1)</script> z"
    html = str(highlight(text, [Mark(2, 10, "evidence", 'ti"tle<'), Mark(5, 6, "trigger")]))
    assert "<script>" not in html and "<b>" not in html
    assert html.count("<mark") == 4 and 'title="ti&#34;tle&lt;"' in html
    assert re.sub(r"</?mark[^>]*>", "", html) == ("a &lt;b&gt;x&lt;/b&gt; &amp; &#34;q&#34; "
                                                   "&lt;script&gt;alert(1)&lt;/script&gt; z")
    assert str(highlight("abc", [Mark(5, 9, "evidence")])) == "abc"  # out-of-range marks are ignored


def test_claims_page_shows_the_ledger_with_contradictions(client):
    d = client.get("/claims.json?what=hostages_held").json()
    figs = [{f["claimant"] for f in c["figures"]} for c in d["ledger"]["contradictions"]]
    assert {"Israel", "Hamas"} in figs
    assert {s["claimant"] for s in d["ledger"]["series"]} >= {"Israel", "Hamas"}
    assert any(c["contradicted"] for c in d["claims"])
    html = client.get("/claims?what=hostages_held").text
    assert 'data-chart="fig-claims"' in html and 'class="contradicted"' in html


def test_api_is_documented_and_answers(client):
    spec = client.get("/openapi.json").json()
    for path in API:
        assert path in spec["paths"], path
    assert "/api/ingest/upload" in spec["paths"]
    ev = client.get("/api/events?type=ASSAULT&limit=2").json()
    assert len(ev["events"]) == 2 and ev["total"] >= 2
    assert client.get("/api/events?date_from=yesterday").status_code == 422
    assert client.get("/api/claims?what=hostages_held").json()["ledger"]["contradictions"]
    series = client.get("/api/series").json()
    cols = series["columns"]
    assert len(series["dates"]) == len(cols["escalation"]) == len(cols["negotiation"]) > 40
    assert (date.fromisoformat(series["dates"][-1]) - date.fromisoformat(series["dates"][0])).days + 1 \
        == len(series["dates"])  # every day, zeros filled in
    assert client.get("/api/series?freq=week").json()["freq"] == "week"
    an = client.get("/api/analysis").json()
    assert an["series"]["dates"] and (an["analysis"] is not None or an["error"])
    assert client.get("/api/stats").json()["events"] > 0
    assert client.get("/api/tracks").json()["tracks"]
    assert client.get("/api/stories").json()["stories"]


def test_api_docs_come_from_the_package(client):
    html = client.get("/docs").text
    srcs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert srcs and all(s.startswith("/") for s in srcs), srcs
    for s in srcs:
        assert client.get(s).status_code == 200, s
    assert client.get("/redoc").status_code == 404
    assert client.get("/assets/plotly.min.js").headers["cache-control"].startswith("public")


def test_security_headers_on_every_response(client):
    for path in ("/", "/events.json", "/api/stats", "/static/app.js", "/nope"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self';" in csp and "object-src 'none'" in csp


def test_bad_parameters_get_a_clear_message(client):
    r = client.get("/events.json?date_from=01/02/2014")
    assert r.status_code == 400 and "YYYY-MM-DD" in r.json()["detail"]
    r = client.get("/events?sort=evil")
    assert r.status_code == 400 and "sort must be one of" in r.text


def test_tracks_stories_and_linkage_pages(client):
    t = client.get("/tracks.json").json()
    assert t["tracks"] and t["built"]["tracks"] is not None
    track = t["tracks"][0]
    assert track["label"] in client.get("/tracks").text
    ov = client.get("/index.json").json()
    assert ov["track_changes"] and ov["top_stories"]
    assert 'data-chart="fig-timeline"' in client.get("/").text
    stories = client.get("/stories.json").json()["stories"]
    st = client.get(f"/stories/{stories[0]['id']}.json").json()
    assert st["reports"] and st["articles"]
    page = client.get(f"/stories/{stories[0]['id']}").text
    assert f'href="/articles/{st["reports"][0]["article_id"]}?event=' in page
    assert client.get("/stories/nope").status_code == 404
    lk = client.get("/linkage.json").json()
    assert lk["series"]["dates"] and (lk["analysis"] or lk["error"])
    assert 'data-chart="fig-series"' in client.get("/linkage").text


def test_empty_store_pages_say_what_to_do(tmp_path):
    with TestClient(create_app(tmp_path / "empty.duckdb")) as c:
        for _, path, _ in PAGES:
            assert c.get(path).status_code == 200, path
        assert "No tracks yet — run" in c.get("/tracks").text
        assert "No stories yet — run" in c.get("/stories").text
        assert "No dated events yet" in c.get("/").text


def _upload(c, name="report.md", body=None, **headers):
    body = body or ("---\npublished: 2024-01-05\noutlet: Upload Wire\n---\n# Jets strike Rafah\n\n"
                    "Israeli jets struck targets in Rafah on Friday, the army said.\n")
    return c.post("/api/ingest/upload", files=[("files", (name, body.encode(), "text/markdown"))],
                  headers=headers)


def _wait(c, job_id, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        job = c.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def test_upload_ingests_and_extracts_in_the_background(tmp_path):
    with TestClient(create_app(tmp_path / "u.duckdb", pipeline=KeywordPipeline())) as c:
        r = _upload(c)
        assert r.status_code == 202, r.text
        job = _wait(c, r.json()["id"])
        assert job["state"] == "done", job
        assert job["result"]["ingest"]["added"] == 1 and job["result"]["extract"]["events"] == 1
        assert c.get("/api/stats").json()["events"] == 1
        assert c.get(f"/jobs/{job['id']}").status_code == 200
        again = _wait(c, _upload(c).json()["id"])
        assert again["result"]["ingest"]["duplicates"] == 1
        bad = _wait(c, _upload(c, "x.bin", "\x00\x01\x02 not a report").json()["id"])
        assert bad["state"] in ("done", "failed") and "fulcrum-upload-" not in bad["message"]
        assert c.post("/ingest/feed", data={"url": "javascript:alert(1)"}).status_code == 400


def test_writes_need_the_token_off_loopback(tmp_path):
    app = create_app(tmp_path / "t.duckdb", host="0.0.0.0", pipeline=KeywordPipeline())
    token = app.state.token
    assert token
    with TestClient(app) as c:
        assert c.post("/api/ingest/extract").status_code == 401
        assert c.post("/api/ingest/extract", headers={"X-Fulcrum-Token": "wrong"}).status_code == 401
        assert c.post("/api/ingest/extract", headers={"X-Fulcrum-Token": token}).status_code == 202
        assert c.post("/ingest/extract", data={"token": token}, follow_redirects=False).status_code == 303
        assert 'name="token"' in c.get("/ingest").text
        assert c.get("/events").status_code == 200  # reads stay open
    assert create_app(tmp_path / "l.duckdb").state.token is None  # loopback: no token


def test_cross_site_writes_and_oversized_uploads_are_refused(tmp_path):
    with TestClient(create_app(tmp_path / "x.duckdb", max_upload_mb=0.01, pipeline=KeywordPipeline())) as c:
        r = _upload(c, Origin="http://evil.example")
        assert r.status_code == 403
        assert _upload(c, **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
        r = _upload(c, body="x" * 20_000)
        assert r.status_code == 413 and "limit" in r.json()["detail"]
        assert _upload(c, Origin="http://testserver").status_code == 202


def test_read_only_server_refuses_writes(small_db):
    with TestClient(create_app(small_db, read_only=True)) as c:
        assert c.get("/events.json").json()["total"] > 0
        r = c.post("/api/ingest/extract")
        assert r.status_code == 409 and "--read-only" in r.json()["detail"]


def test_reads_stay_correct_while_a_write_runs(tmp_path):
    """Each page reads one snapshot: counts agree within a response, only grow, and batches are atomic."""
    path = tmp_path / "busy.duckdb"
    per_batch, batches = 3, 25
    arts = [build(f"Jets struck site {i} in Rafah. It was night.", published=date(2014, 2, 1 + i % 28),
                  outlet="Busy Wire", events=[{"type": "ASSAULT", "trigger": "struck", "place": "Rafah"}])
            for i in range(per_batch * batches)]
    app = create_app(path)
    with TestClient(app) as c:
        def writer(ws, job):
            for b in range(batches):
                chunk = arts[b * per_batch:(b + 1) * per_batch]
                ws.store.add_articles(chunk)
                time.sleep(0.005)
                ws.store.save_extraction(chunk, "test")
                time.sleep(0.01)
            return {}

        job = app.state.jobs.submit("test-writer", writer)
        seen, slowest = [], 0.0
        while job.running or len(seen) < 3:
            t0 = time.perf_counter()
            d = c.get("/events.json?per_page=500").json()
            slowest = max(slowest, time.perf_counter() - t0)
            assert d["total"] == d["stats"]["events"] == len(d["events"])
            assert d["total"] % per_batch == 0, "a half-written batch was visible"
            busy = job.running  # read before the two requests: a write may commit between them
            assert c.get("/map.json").json()["located_events"] == c.get("/api/stats").json()["events"] or busy
            seen.append(d["total"])
        assert job.state == "done"
        assert seen == sorted(seen) and len(set(seen)) >= 3, seen
        assert c.get("/api/stats").json()["events"] == per_batch * batches
        assert slowest < 2.0
