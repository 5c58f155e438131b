"""The JSON API under fuzzing: schemathesis generates requests from the OpenAPI spec (valid and invalid:
wrong types, out-of-range numbers, odd strings, bad dates, random uploads) and sends them to the app
in-process; no request may get a server error (5xx), and every answer must be JSON that says what was
wrong.  Extraction uses a keyword stand-in and feed URLs are never fetched (the jobs still run).
"""

from __future__ import annotations

import warnings
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fulcrum import processes
from fulcrum.errors import IngestError
from fulcrum.serve import create_app
from fulcrum.store import Store
from serve._data import KeywordPipeline, sample_articles, xss_articles

CASES: dict[str, int] = {}


class _NoNetwork:
    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, url: str):
        raise IngestError(url, "refused: the fuzz tests do not fetch")

    def close(self) -> None:
        pass


def _store(path):
    with Store(path) as s:
        arts = sample_articles() + xss_articles()
        s.add_articles(arts)
        s.save_extraction(arts, "test")
        processes.build(s)
    return path


@pytest.fixture(scope="module")
def offline():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("fulcrum.ingest.sources.HttpFetcher", _NoNetwork)
        yield


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, offline):
    app = create_app(_store(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"), pipeline=KeywordPipeline(),
                     max_upload_mb=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.jobs.shutdown()
    app.state.db.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        response = case.call()
    key = f"{case.method} {case.path}"
    CASES[key] = CASES.get(key, 0) + 1
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:500])
    if response.status_code >= 400:
        ctype = (response.headers.get("content-type") or [""])[0]
        assert ctype.startswith("application/json"), (response.status_code, response.headers)
        assert response.json()["detail"], response.text[:300]


PAGES = ["/", "/index.json", "/events", "/events.json", "/events.csv", "/claims", "/claims.json", "/claims.csv",
         "/stories", "/stories.json", "/tracks.json", "/sources.json", "/map", "/map.json", "/ingest.json",
         "/articles/{id}", "/articles/{id}.json", "/stories/{id}", "/jobs/{id}", "/jobs/{id}.json",
         "/static/{id}", "/assets/{id}"]
KEYS = ["date_from", "date_to", "actor", "type", "outlet", "modality", "claimant_type", "place", "sort", "dir",
        "page", "per_page", "what", "claimant", "event", "freq", "format", "limit", "offset"]
odd_text = st.one_of(st.text(max_size=30), st.sampled_from(
    ["2263-01-01", "0001-01-01", "9999-12-31", "-1", "0", "10000000000000000000000", "NaN", "1e309", "../../etc/passwd",
     "%00", "' OR 1=1 --", "<script>alert(1)</script>", "\u202e", "date", "desc", "asc", "parquet"]))


@pytest.fixture(scope="module")
def page_client(tmp_path_factory, offline):
    with warnings.catch_warnings():  # starlette >= 1.x prefers the httpx2 fork; httpx works the same here
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    app = create_app(_store(tmp_path_factory.mktemp("pages") / "pages.duckdb"), pipeline=KeywordPipeline())
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(path=st.sampled_from(PAGES), ident=odd_text, params=st.dictionaries(st.sampled_from(KEYS), odd_text, max_size=5),
       hx=st.booleans())
def test_pages_and_twins_with_odd_queries_never_fail(page_client, path, ident, params, hx):
    """The pages and their ``.json`` twins are not in the OpenAPI spec: the same fuzzing, by hand."""
    url = path.replace("{id}", quote(ident, safe="") or "x")
    r = page_client.get(url, params=params, headers={"HX-Request": "true"} if hx else {})
    CASES["GET pages"] = CASES.get("GET pages", 0) + 1
    assert r.status_code < 500, (url, params, r.text[:500])


def test_report_fuzz_cases(capsys):
    """Runs after the fuzzing (same module): prints how many generated requests each operation got."""
    with capsys.disabled():
        print(f"\nschemathesis: {sum(CASES.values())} requests over {len(CASES)} operations: {CASES}")
    assert sum(CASES.values()) == 0 or len(CASES) >= 10
