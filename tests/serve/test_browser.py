"""The dashboard in a real browser: Debian's chromium driven by Playwright.

Every page renders with its charts and no console error; filters change the results; a row opens its
article with the evidence highlighted; an upload ends with new events; and no XSS payload in article
text, titles, outlets or URLs ever runs.  Set ``FULCRUM_SCREENSHOTS=docs/screenshots`` to refresh the
README's screenshots.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from fulcrum.model import Article
from fulcrum.serve import PAGES, create_app

from ._data import PAYLOADS, KeywordPipeline, running_server

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
UPLOAD = ("---\npublished: 2025-03-31\noutlet: Upload Wire\n---\n# Jets strike Rafah crossing\n\n"
          "Israeli jets struck the Rafah crossing on Monday, the army said. Hamas fired rockets at Ashkelon.\n")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def upload_pipeline(pipeline):
    """The real pipeline when it finds events in the uploaded report; a keyword stand-in while extraction
    is still being built (so the upload → extract → page path is always tested)."""
    art = Article(text=UPLOAD.split("---\n", 2)[2])
    found = list(pipeline.pipe([art]))[0].events
    return pipeline if found else KeywordPipeline()


@pytest.fixture(scope="module")
def demo_url(demo_db, upload_pipeline):
    with running_server(create_app(demo_db, pipeline=upload_pipeline)) as url:
        yield url


@pytest.fixture(scope="module")
def xss_url(xss_db):
    with running_server(create_app(xss_db)) as url:
        yield url


class Watched:
    """A page whose console errors, page errors and dialogs are recorded."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}")
                     if r.status >= 400 else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def visit(self, url: str) -> None:
        resp = self.page.goto(url, wait_until="load")
        assert resp is not None and resp.status == 200, (url, resp and resp.status)
        self.wait_for_charts()

    def wait_for_charts(self) -> None:
        n = self.page.locator("[data-chart]").count()
        if n:
            # poll from Python: wait_for_function evaluates a string, which the page's CSP forbids
            rendered = self.page.locator('[data-chart][data-rendered="1"] .main-svg')
            deadline = time.monotonic() + 15
            while rendered.count() < n:
                assert time.monotonic() < deadline, f"only {rendered.count()} of {n} charts rendered"
                self.page.wait_for_timeout(100)

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def _shot(w: Watched, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("FULCRUM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    w.page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def test_every_page_renders_with_charts_and_no_console_error(watched, demo_url, tmp_path):
    w = watched
    charts_on = {"overview", "claims", "linkage", "map"}
    for name, path, _ in PAGES:
        w.visit(demo_url + path)
        if name in charts_on:
            assert w.page.locator(".js-plotly-plot .main-svg").count() >= 1, f"{name}: no chart drawn"
        _shot(w, name, tmp_path)
    # one article, one story, the API docs
    w.visit(demo_url + "/events?type=AGREE")
    w.page.locator("tr.event td").first.click()
    w.page.wait_for_url("**/articles/**")
    w.wait_for_charts()
    _shot(w, "article", tmp_path)
    story = w.page.request.get(demo_url + "/stories.json").json()["stories"][0]["id"]
    w.visit(f"{demo_url}/stories/{story}")
    _shot(w, "story", tmp_path)
    w.visit(demo_url + "/docs")
    w.page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert w.page.locator(".opblock-summary-path").filter(has_text="/api/events").count() >= 1
    _shot(w, "api-docs", tmp_path)
    assert not w.errors, w.errors


def test_filters_change_the_results(watched, demo_url):
    w = watched
    w.visit(demo_url + "/events")
    before = int(w.page.inner_text("#total"))
    w.page.select_option("#f-type", "CONSULT")
    w.page.click("#event-filters button[type=submit]")
    expect(w.page.locator("#total")).not_to_have_text(str(before))  # polls from Python: no eval under the CSP
    after = int(w.page.inner_text("#total"))
    assert 0 < after < before
    types = w.page.locator("tr.event .type").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    assert "type=CONSULT" in w.page.url  # the filtered view has its own address
    w.page.select_option("#f-place", "Cairo")
    w.page.click("#event-filters button[type=submit]")
    expect(w.page.locator("#total")).not_to_have_text(str(after))
    assert int(w.page.inner_text("#total")) < after
    # sorting by clicking a header
    w.visit(demo_url + "/events")
    w.page.click("th a:text('type')")
    w.page.wait_for_url("**sort=type**")
    types = w.page.locator("tr.event .type").all_inner_texts()
    assert types == sorted(types)
    assert not w.errors, w.errors


def test_a_row_opens_its_article_with_the_evidence_highlighted(watched, demo_url):
    w = watched
    w.visit(demo_url + "/events?type=THREATEN")
    ev = w.page.request.get(demo_url + "/events.json?type=THREATEN").json()["events"][0]
    evidence = ev["text"]
    w.page.locator("tr.event td").first.click()
    w.page.wait_for_url("**/articles/**")
    marks = w.page.locator("#article-text mark.evidence")
    assert marks.count() >= 1 and marks.first.is_visible()
    assert "".join(marks.all_text_contents()) == evidence
    bg = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert w.page.locator("#article-text mark.trigger").first.inner_text() == ev["trigger"]["text"]
    assert ev["rule"] in w.page.locator(".event-card.selected .rule").inner_text()
    att = ev["attribution"] or {}
    if att.get("claimant"):
        shown = w.page.locator(".event-card.selected .attribution").inner_text()
        assert f"claimant {att['claimant']} ({att['claimant_type']})" in shown
    assert not w.errors, w.errors


def test_an_upload_ends_with_new_events(watched, demo_url, tmp_path):
    w = watched
    before = w.page.request.get(demo_url + "/api/stats").json()
    report = tmp_path / "upload-report.md"
    report.write_text(UPLOAD, encoding="utf-8")
    w.visit(demo_url + "/ingest")
    w.page.set_input_files("#files", str(report))
    w.page.click("#upload-form button[type=submit]")
    w.page.wait_for_selector(".job", timeout=10000)
    # while the job writes, pages keep answering
    assert w.page.request.get(demo_url + "/events.json").ok
    w.page.wait_for_selector('.job[data-state="done"], .job[data-state="failed"]', timeout=60000)
    assert w.page.locator(".job").get_attribute("data-state") == "done", w.page.inner_text(".job")
    after = w.page.request.get(demo_url + "/api/stats").json()
    assert after["articles"] == before["articles"] + 1
    assert after["events"] > before["events"]
    w.visit(demo_url + "/events?outlet=Upload+Wire")
    assert int(w.page.inner_text("#total")) >= 1
    assert not w.errors, w.errors


INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(el.tagName + '[' + a.name + ']');
      if ((a.name === 'href' || a.name === 'src') && a.value.trim().toLowerCase().startsWith('javascript:'))
        bad.push(el.tagName + '[' + a.name + '=javascript]');
    }
  }
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src') || '';
    const ok = src.startsWith('/static/') || src.startsWith('/assets/') || s.type === 'application/json';
    if (!ok) bad.push('script:' + (src || s.textContent.slice(0, 40)));
  }
  for (const el of document.querySelectorAll('iframe, object, embed, img[src="x"], svg[onload], style:not([id^="plotly"]):not([id^="js-plotly"])'))
    if (!el.closest('.js-plotly-plot') && el.tagName !== 'STYLE') bad.push(el.tagName);
  if (window.__xss) bad.push('window.__xss');
  return bad;
}"""


def test_xss_payloads_never_run(watched, xss_url):
    w = watched
    req = w.page.request
    arts = {e["article_id"]: e["id"] for e in req.get(xss_url + "/events.json?per_page=500").json()["events"]}
    stories = [s["id"] for s in req.get(xss_url + "/stories.json").json()["stories"]]
    urls = [xss_url + p for _, p, _ in PAGES]
    urls += [f"{xss_url}/articles/{a}" for a in arts] + [f"{xss_url}/articles/{a}?event={e}" for a, e in arts.items()]
    urls += [f"{xss_url}/stories/{s}" for s in stories[:3]]
    urls += [f"{xss_url}/claims?what=killed", f"{xss_url}/sources"]
    for p in PAYLOADS[:3]:  # reflected through filters and sorting
        urls.append(f"{xss_url}/events?actor={p}&outlet=Evil+Outlet+{p}")
        urls.append(f"{xss_url}/claims?claimant={p}")
    for url in urls:
        w.page.goto(url, wait_until="load")
        w.wait_for_charts()
        # hover the charts so Plotly renders hover labels carrying payloads too
        for chart in w.page.locator(".js-plotly-plot .nsewdrag").all()[:2]:
            chart.hover()
        bad = w.page.evaluate(INJECTED)
        assert not bad, (url, bad)
        assert w.page.evaluate("typeof window.__xss") == "undefined", url
    # the payloads were shown as text, not swallowed
    w.page.goto(f"{xss_url}/articles/{next(iter(arts))}", wait_until="load")
    assert "<script>" in w.page.inner_text("#article-text") or "onerror" in w.page.inner_text("#article-text")
    assert not w.dialogs, w.dialogs
    refused = [e for e in w.errors if "Content Security Policy" in e or "Refused" in e]
    assert not refused, refused
    assert not w.errors, w.errors
