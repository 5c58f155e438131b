"""The dashboard and JSON API: ``create_app(db_path)`` returns the FastAPI application.

Every page is rendered on the server (Jinja2, autoescaped) and has a JSON twin at the same path with
``.json`` (``/events`` and ``/events.json``; the overview's twin is ``/index.json``).  Filtered views of
events and claims download as ``.csv`` and ``.parquet``.  The documented API lives under ``/api``
(OpenAPI at ``/openapi.json``, interactive docs at ``/docs`` from assets shipped in the package).
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
import tempfile
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from fulcrum.errors import IngestError
from fulcrum.records import CLAIM_FIELDS, EVENT_FIELDS, claim_record, event_record
from fulcrum.serve import analysis, charts, queries
from fulcrum.serve.analysis import LinkageCache
from fulcrum.serve.db import Database, ReadStore
from fulcrum.serve.highlight import Mark, highlight
from fulcrum.serve.jobs import Job, Jobs
from fulcrum.serve.security import (
    TOKEN_HEADER,
    SecurityHeaders,
    is_loopback,
    new_token,
    same_origin,
    token_ok,
)

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD_MB = 20
MAX_FILES = 200
#: The largest offset the API pages to (DuckDB offsets are 64-bit).
MAX_OFFSET = 1_000_000_000

#: Every page, in the order of the navigation bar: (name, path, title).
PAGES: tuple[tuple[str, str, str], ...] = (
    ("overview", "/", "Overview"),
    ("events", "/events", "Events"),
    ("tracks", "/tracks", "Tracks"),
    ("claims", "/claims", "Claims"),
    ("stories", "/stories", "Stories"),
    ("linkage", "/linkage", "Linkage"),
    ("sources", "/sources", "Sources"),
    ("map", "/map", "Map"),
    ("ingest", "/ingest", "Ingest"),
)

Fmt = Literal["json", "csv", "parquet"]
SortKey = Literal["date", "published", "type", "outlet", "modality", "claimant_type", "claimant", "place",
                  "confidence"]
PageFn = Callable[..., tuple[dict[str, Any], dict[str, Any]]]


@cache
def plotly_js() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals["PAGES"] = PAGES
    env.filters["safe_url"] = safe_url
    env.filters["actors"] = lambda lst: "; ".join(
        (a.get("name") or a.get("text") or "?") + (f" ({a['code']})" if a.get("code") else "") for a in lst or [])
    return Jinja2Templates(env=env)


def safe_url(url: Any) -> str | None:
    """The URL when it is http(s), else None -- ``javascript:`` and friends never become links."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _parse_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a date as YYYY-MM-DD. Got {value!r}.") from None


def _int(value: str | None, name: str, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    try:
        n = int(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be an integer in [{lo}, {hi}]. Got {value!r}.") from None
    return max(lo, min(hi, n))


def _filters(q: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in keys:
        v = (q.get(k) or "").strip()
        if v:
            out[k] = _parse_date(v, k) if k in ("date_from", "date_to") else v
    return out


def _query(base: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**base, **changes}.items() if v not in (None, "", False)}
    return ("?" + urlencode({k: (v.isoformat() if isinstance(v, date) else v) for k, v in merged.items()})) \
        if merged else ""


def _download(records: list[dict[str, Any]], fmt: str, name: str, fields: tuple[str, ...]) -> Response:
    from fulcrum.export import flatten

    if fmt == "csv":
        flat = [flatten(r) for r in records]
        cols = list(flat[0].keys()) if flat else list(fields)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(flat)
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}.csv"'})
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([dict(r) for r in records]) if records else \
        pa.table({f: pa.array([], pa.string()) for f in fields})
    out = io.BytesIO()
    pq.write_table(table, out)
    return Response(out.getvalue(), media_type="application/vnd.apache.parquet",
                    headers={"content-disposition": f'attachment; filename="{name}.parquet"'})


# -- page data ---------------------------------------------------------------------------------------
def overview_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    f = _filters(q, ("date_from", "date_to"))
    s = analysis.series(rs, "day", f.get("date_from"), f.get("date_to"))
    changes = analysis.track_changes(rs)
    by_type = rs.rows("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    latest = rs.rows("SELECT id, title, outlet, published FROM articles ORDER BY published DESC NULLS LAST, "
                     "ingested_at DESC LIMIT 8")
    data = {"stats": rs.stats(), "filters": f, "series": s, "track_changes": changes,
            "top_stories": queries.stories(rs, limit=6), "tracks": queries.tracks(rs),
            "events_by_type": by_type, "latest_articles": latest,
            "pages": [{"name": n, "path": p, "title": t, "json": _twin(p)} for n, p, t in PAGES]}
    extras = {"charts": {"timeline": charts.timeline(s, changes)} if s["dates"] else {}}
    return data, extras


def _twin(path: str) -> str:
    return "/index.json" if path == "/" else path + ".json"


def events_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    f = _filters(q, queries.EVENT_FILTERS)
    sort = q.get("sort") or "date"
    if sort not in queries.SORTS:
        raise HTTPException(400, f"sort must be one of {', '.join(queries.SORTS)}. Got {sort!r}.")
    desc = q.get("dir") == "desc"
    per_page = _int(q.get("per_page"), "per_page", 50, 1, 500)
    page = _int(q.get("page"), "page", 1, 1, 10**9)
    total, rows = queries.list_events(rs, f, sort, desc, per_page, (page - 1) * per_page)
    pages = max(1, math.ceil(total / per_page))
    state = {**f, "sort": sort if sort != "date" else None, "dir": "desc" if desc else None,
             "per_page": per_page if per_page != 50 else None}
    data = {"filters": f, "sort": sort, "dir": "desc" if desc else "asc", "page": page, "per_page": per_page,
            "total": total, "pages": pages, "events": rows, "options": queries.event_options(rs),
            "downloads": {fmt: f"/events.{fmt}{_query(f)}" for fmt in ("csv", "parquet", "json")},
            "stats": rs.stats()}
    extras = {"state": state, "query": _query, "base": f}
    return data, extras


def article_data(rs: ReadStore, q: Any, article_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    art = rs.article(article_id)
    if art is None:
        raise HTTPException(404, f"No article with id or unique id prefix {article_id!r}.")
    selected = q.get("event") or None
    events = [event_record(art, ev) for ev in art.events]
    claims = [claim_record(art, cl) for cl in art.claims]
    marks: list[Mark] = []
    chosen = next((ev for ev in art.events if ev.id == selected), None)
    if selected and chosen is None:
        raise HTTPException(404, f"Article {art.id} has no event {selected!r}.")
    for ev in [chosen] if chosen else art.events:
        marks.append(Mark(ev.start, ev.end, "evidence", f"{ev.type} — rule {ev.rule or '?'}"))
        if ev.trigger is not None:
            marks.append(Mark(ev.trigger.start, ev.trigger.end, "trigger", "trigger"))
        att = ev.attribution
        if chosen and att.claimant_start is not None and att.claimant_end is not None:
            marks.append(Mark(att.claimant_start, att.claimant_end, "claimant", "claimant"))
    if not chosen:
        marks += [Mark(c.start, c.end, "claim", f"{c.what} {c.comparator} {c.value:g}") for c in art.claims]
    data = {"article": {**art.metadata(), "text": art.text}, "selected_event": selected,
            "events": events, "claims": claims}
    extras = {"marked_text": highlight(art.text, marks), "link": safe_url(art.url)}
    return data, extras


def tracks_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    tracks = queries.tracks(rs)
    return {"tracks": tracks, "built": queries.processes_built(rs)}, {}


def claims_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    f = _filters(q, queries.CLAIM_FILTERS)
    whats = queries.event_options(rs)["whats"]
    chart_what = f.get("what") or (whats[0] if whats else None)
    rows = rs.claims(**f)
    led = queries.ledger(rs, chart_what) if chart_what else {"series": [], "contradictions": []}
    flagged = {p["claim_id"] for s in led["series"] for p in s["points"] if p["contradicted"]}
    for c in rows:
        c["contradicted"] = c["id"] in flagged
    data = {"filters": f, "whats": whats, "chart_what": chart_what, "total": len(rows), "claims": rows[:1000],
            "ledger": led,
            "downloads": {fmt: f"/claims.{fmt}{_query(f)}" for fmt in ("csv", "parquet", "json")}}
    extras = {"charts": {"claims": charts.claims_chart(led["series"])} if led["series"] else {}}
    return data, extras


def stories_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return {"stories": queries.stories(rs), "built": queries.processes_built(rs)}, {}


def story_data(rs: ReadStore, q: Any, story_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    st = queries.story(rs, story_id)
    if st is None:
        raise HTTPException(404, f"No story with id or unique id prefix {story_id!r}.")
    return st, {}


def sources_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return queries.sources(rs), {}


def map_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    f = _filters(q, ("date_from", "date_to", "type", "actor", "outlet", "modality"))
    places = queries.located(rs, f)
    unlocated = rs.one("SELECT count(*) FROM events WHERE lat IS NULL OR lon IS NULL")[0]
    data = {"filters": f, "places": places, "located_events": sum(p["events"] for p in places),
            "unlocated_events": int(unlocated), "options": queries.event_options(rs)}
    return data, {"charts": {"map": charts.map_chart(places)} if places else {}}


# -- the application ---------------------------------------------------------------------------------
def create_app(db_path: str | Path, *, host: str = "127.0.0.1", token: str | None = None,
               read_only: bool = False, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
               pipeline: Any = None) -> FastAPI:
    """The dashboard over the DuckDB file at ``db_path``.

    ``token`` protects the write endpoints; when ``host`` is not a loopback address and no token is given
    one is generated (read it from ``app.state.token``).  ``pipeline`` replaces the extraction pipeline
    (tests).
    """
    if token is None and not is_loopback(host):
        token = new_token()
    db = Database(db_path, read_only=read_only, pipeline=pipeline)
    jobs = Jobs(db)
    linkage_cache = LinkageCache()
    templates = _templates()
    max_body = int(max_upload_mb * 1024 * 1024)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        jobs.shutdown()
        db.close()

    app = FastAPI(title="fulcrum", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced event data from war reporting: events, claims, stories, tracks, series "
                              "and analysis from a fulcrum DuckDB file.  Every dashboard page also has a "
                              "`.json` twin (not listed here).  Write endpoints need the `X-Fulcrum-Token` "
                              "header when the server listens on a non-loopback address.")
    app.state.db, app.state.jobs, app.state.token, app.state.max_body = db, jobs, token, max_body
    app.add_middleware(SecurityHeaders, max_body=max_body, limited_prefixes=("/ingest/", "/api/ingest/"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def wants_json(request: Request) -> bool:
        p = request.url.path
        return p.startswith("/api/") or p.endswith(".json") or p == "/openapi.json"

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if wants_json(request) or request.headers.get("hx-request"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail,
                                                                  "nav_page": None}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    def render(request: Request, name: str, template: str, fn: PageFn, as_json: bool, **params: Any) -> Response:
        with db.snapshot() as rs:
            data, extras = fn(rs, request.query_params, **params)
        if as_json:
            return JSONResponse(jsonable_encoder(data))
        ctx = {**data, **extras, "nav_page": name, "data": data, "read_only": db.read_only,
               "token_required": token is not None}
        return templates.TemplateResponse(request, template, ctx)

    def page(path: str, name: str, template: str, fn: PageFn) -> None:
        def as_json(request: Request) -> Response:
            return render(request, name, template, fn, True, **request.path_params)

        def as_html(request: Request) -> Response:
            return render(request, name, template, fn, False, **request.path_params)

        app.add_api_route(_twin(path), as_json, methods=["GET"], include_in_schema=False, name=f"{name}_json")
        app.add_api_route(path, as_html, methods=["GET"], include_in_schema=False, name=name,
                          response_class=HTMLResponse)

    page("/", "overview", "overview.html", overview_data)
    for fmt in ("csv", "parquet"):
        def events_download(request: Request, fmt: str = fmt) -> Response:
            with db.snapshot() as rs:
                f = _filters(request.query_params, queries.EVENT_FILTERS)
                sort = request.query_params.get("sort") or "date"
                _, rows = queries.list_events(rs, f, sort if sort in queries.SORTS else "date",
                                              request.query_params.get("dir") == "desc", None)
            return _download([{k: r[k] for k in EVENT_FIELDS} for r in rows], fmt, "events", EVENT_FIELDS)

        def claims_download(request: Request, fmt: str = fmt) -> Response:
            with db.snapshot() as rs:
                rows = rs.claims(**_filters(request.query_params, queries.CLAIM_FILTERS))
            return _download(rows, fmt, "claims", CLAIM_FIELDS)

        app.add_api_route(f"/events.{fmt}", events_download, methods=["GET"], include_in_schema=False)
        app.add_api_route(f"/claims.{fmt}", claims_download, methods=["GET"], include_in_schema=False)
    page("/events", "events", "events.html", events_data)
    page("/articles/{article_id}", "events", "article.html", article_data)
    page("/tracks", "tracks", "tracks.html", tracks_data)
    page("/claims", "claims", "claims.html", claims_data)
    page("/stories", "stories", "stories.html", stories_data)
    page("/stories/{story_id}", "stories", "story.html", story_data)
    def linkage_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        res = dict(linkage_cache.get(rs))
        return res, {"charts": res.pop("charts")}

    page("/linkage", "linkage", "linkage.html", linkage_data)
    page("/sources", "sources", "sources.html", sources_data)
    page("/map", "map", "map.html", map_data)

    # -- ingest from the page ------------------------------------------------------------------------
    def ingest_data(rs: ReadStore, q: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        return ({"stats": rs.stats(), "read_only": db.read_only, "token_required": token is not None,
                 "max_upload_mb": max_upload_mb, "jobs": [j.to_dict() for j in reversed(jobs.all())][:20]}, {})

    page("/ingest", "ingest", "ingest.html", ingest_data)

    def check_write(request: Request, given: str | None) -> None:
        if not same_origin(request.headers):
            raise HTTPException(403, "Cross-site write refused: use the dashboard's own pages to ingest.")
        if db.read_only:
            raise HTTPException(409, "The server opened the database read-only (--read-only): restart it "
                                     "without --read-only to ingest or extract.")
        if not token_ok(token, given or request.headers.get(TOKEN_HEADER)):
            raise HTTPException(401, "This server needs its token for writes: give the token printed when "
                                     "`fulcrum serve` started (form field `token` or header X-Fulcrum-Token).")

    def start_upload(request: Request, files: list[UploadFile], tok: str | None) -> Job:
        check_write(request, tok)
        files = [f for f in files if f.filename]
        if not files:
            raise HTTPException(400, "No file was uploaded: choose one or more files.")
        if len(files) > MAX_FILES:
            raise HTTPException(400, f"At most {MAX_FILES} files per upload. Got {len(files)}.")
        folder = Path(tempfile.mkdtemp(prefix="fulcrum-upload-"))
        total = 0
        try:
            paths = []
            for i, up in enumerate(files):
                dest = folder / f"{i:03d}-{_clean_name(up.filename or 'upload.txt')}"
                with dest.open("wb") as out:
                    while chunk := up.file.read(1 << 20):
                        total += len(chunk)
                        if total > max_body:
                            raise HTTPException(413, f"The upload is larger than the limit of {max_upload_mb:g} MB.")
                        out.write(chunk)
                paths.append(str(dest))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return jobs.submit("upload", _ingest_job(paths, cleanup=folder))

    def start_feed(request: Request, url: str, tok: str | None) -> Job:
        check_write(request, tok)
        url = url.strip()
        if len(url) > 2000 or safe_url(url) is None:
            raise HTTPException(400, f"The feed URL must be an http(s) address. Got {url[:200]!r}.")
        return jobs.submit("feed", _ingest_job([url]))

    def start_extract(request: Request, redo_all: bool, tok: str | None) -> Job:
        check_write(request, tok)
        return jobs.submit("extract", _extract_job(redo_all))

    def job_response(request: Request, job: Job) -> Response:
        if request.headers.get("hx-request"):
            return templates.TemplateResponse(request, "_job.html", {"job": job.to_dict()})
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.post("/ingest/upload", include_in_schema=False)
    def upload_form(request: Request, files: Annotated[list[UploadFile], File()],
                    token_field: Annotated[str | None, Form(alias="token")] = None) -> Response:
        return job_response(request, start_upload(request, files, token_field))

    @app.post("/ingest/feed", include_in_schema=False)
    def feed_form(request: Request, url: Annotated[str, Form()],
                  token_field: Annotated[str | None, Form(alias="token")] = None) -> Response:
        return job_response(request, start_feed(request, url, token_field))

    @app.post("/ingest/extract", include_in_schema=False)
    def extract_form(request: Request, redo_all: Annotated[bool, Form(alias="all")] = False,
                     token_field: Annotated[str | None, Form(alias="token")] = None) -> Response:
        return job_response(request, start_extract(request, redo_all, token_field))

    def get_job(job_id: str) -> Job:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"No job {job_id!r} (jobs are kept in memory until the server restarts).")
        return job

    @app.get("/jobs/{job_id}.json", include_in_schema=False)
    def job_json(job_id: str) -> dict[str, Any]:
        return get_job(job_id).to_dict()

    @app.get("/jobs/{job_id}", include_in_schema=False, response_class=HTMLResponse)
    def job_page(request: Request, job_id: str) -> Response:
        job = get_job(job_id).to_dict()
        if request.headers.get("hx-request"):
            # htmx stops polling when it gets status 286
            return templates.TemplateResponse(request, "_job.html", {"job": job},
                                              status_code=200 if job["state"] in ("queued", "running") else 286)
        return templates.TemplateResponse(request, "job.html", {"job": job, "nav_page": "ingest"})

    # -- API -----------------------------------------------------------------------------------------
    _register_api(app, db, jobs, linkage_cache, start_upload, start_feed, start_extract)

    # -- assets and docs -----------------------------------------------------------------------------
    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly_asset() -> Response:
        return Response(plotly_js(), media_type="text/javascript; charset=utf-8",
                        headers={"cache-control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "docs.html", {"openapi_url": app.openapi_url})

    return app


def _register_api(app: FastAPI, db: Database, jobs: Jobs, linkage_cache: LinkageCache, start_upload: Any,
                  start_feed: Any, start_extract: Any) -> None:
    @app.get("/api/stats", tags=["store"], summary="Counts of articles, events and claims")
    def api_stats() -> dict[str, Any]:
        with db.snapshot() as rs:
            tables = [r[0] for r in rs.con.execute("SELECT table_name FROM information_schema.tables "
                                                   "ORDER BY 1").fetchall()]
            return {**rs.stats(), "schema_version": rs.schema_version(), "tables": tables}

    @app.get("/api/events", tags=["events"], summary="Events, filtered, sorted and paginated",
             responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}}}})
    def api_events(
        date_from: Annotated[date | None, Query(description="Earliest event date (publication date when none).")] = None,
        date_to: Annotated[date | None, Query(description="Latest event date.")] = None,
        actor: Annotated[str | None, Query(description="Actor code (ISR), name (Hamas) or text.")] = None,
        type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated.")] = None,
        outlet: Annotated[str | None, Query(description="Publishing outlet.")] = None,
        modality: Annotated[str | None, Query()] = None,
        claimant_type: Annotated[str | None, Query(description="named, official or anonymous.")] = None,
        place: Annotated[str | None, Query(description="Place name or country code.")] = None,
        sort: SortKey = "date",
        desc: bool = False,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        format: Fmt = "json",
    ) -> Any:
        f = {k: v for k, v in dict(date_from=date_from, date_to=date_to, actor=actor, type=type, outlet=outlet,
                                   modality=modality, claimant_type=claimant_type, place=place).items() if v}
        with db.snapshot() as rs:
            total, rows = queries.list_events(rs, f, sort, desc, limit, offset)
        rows = [{k: r[k] for k in EVENT_FIELDS} for r in rows]
        if format != "json":
            return _download(rows, format, "events", EVENT_FIELDS)
        return {"total": total, "limit": limit, "offset": offset, "events": jsonable_encoder(rows)}

    @app.get("/api/claims", tags=["claims"], summary="Quantity claims, and the claims ledger of one figure")
    def api_claims(
        what: str | None = None, claimant: str | None = None, outlet: str | None = None,
        date_from: date | None = None, date_to: date | None = None,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        format: Fmt = "json",
    ) -> Any:
        """With ``what``, also the ledger: one series per claimant and the contradictions between them."""
        f = {k: v for k, v in dict(what=what, claimant=claimant, outlet=outlet, date_from=date_from,
                                   date_to=date_to).items() if v}
        with db.snapshot() as rs:
            rows = rs.claims(**f)
            led = queries.ledger(rs, what) if what else None
        if format != "json":
            return _download(rows, format, "claims", CLAIM_FIELDS)
        return {"total": len(rows), "limit": limit, "offset": offset, "claims": rows[offset:offset + limit],
                "ledger": led}

    @app.get("/api/articles/{article_id}", tags=["events"], summary="One article with its events and claims")
    def api_article(article_id: str) -> dict[str, Any]:
        with db.snapshot() as rs:
            art = rs.article(article_id)
        if art is None:
            raise HTTPException(404, f"No article with id or unique id prefix {article_id!r}.")
        return {"article": {**art.metadata(), "text": art.text},
                "events": [event_record(art, e) for e in art.events],
                "claims": [claim_record(art, c) for c in art.claims]}

    @app.get("/api/stories", tags=["stories"], summary="Stories (one incident and all its reports), most reported first")
    def api_stories(limit: Annotated[int, Query(ge=1, le=100_000)] = 200) -> dict[str, Any]:
        with db.snapshot() as rs:
            return {"stories": queries.stories(rs, limit), "built": queries.processes_built(rs)}

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story with all its reports")
    def api_story(story_id: str) -> dict[str, Any]:
        with db.snapshot() as rs:
            st = queries.story(rs, story_id)
        if st is None:
            raise HTTPException(404, f"No story with id or unique id prefix {story_id!r}.")
        return jsonable_encoder(st)

    @app.get("/api/tracks", tags=["tracks"], summary="Negotiation tracks with their status histories")
    def api_tracks() -> dict[str, Any]:
        with db.snapshot() as rs:
            return {"tracks": queries.tracks(rs), "built": queries.processes_built(rs)}

    @app.get("/api/series", tags=["analysis"],
             summary="Escalation, negotiation, humanitarian, reports and claimed-figure series (fulcrum.analyze)")
    def api_series(freq: Literal["day", "week"] = "day", date_from: date | None = None,
                   date_to: date | None = None) -> dict[str, Any]:
        with db.snapshot() as rs:
            return analysis.series(rs, freq, date_from, date_to)

    @app.get("/api/analysis", tags=["analysis"], summary="The linkage analysis (LinkageAnalysis) with chart data")
    def api_analysis() -> dict[str, Any]:
        with db.snapshot() as rs:
            return jsonable_encoder(linkage_cache.get(rs))

    @app.post("/api/ingest/upload", tags=["ingest"], status_code=202,
              summary="Upload files to ingest and extract (runs in the background; poll /api/jobs/{id})")
    def api_upload(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        return start_upload(request, files, None).to_dict()

    @app.post("/api/ingest/feed", tags=["ingest"], status_code=202, summary="Ingest an RSS/Atom feed or page URL")
    def api_feed(request: Request, url: Annotated[str, Form()]) -> dict[str, Any]:
        return start_feed(request, url, None).to_dict()

    @app.post("/api/ingest/extract", tags=["ingest"], status_code=202,
              summary="Extract articles not yet extracted (all=true re-extracts everything)")
    def api_extract(request: Request, all: bool = False) -> dict[str, Any]:
        return start_extract(request, all, None).to_dict()

    @app.get("/api/jobs/{job_id}", tags=["ingest"], summary="Progress of an ingest or extraction job")
    def api_job(job_id: str) -> dict[str, Any]:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"No job {job_id!r}.")
        return job.to_dict()


# -- write jobs --------------------------------------------------------------------------------------
def _clean_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    return (re.sub(r"[^\w.-]", "_", base)[:100] or "upload.txt").lstrip(".") or "upload.txt"


def _ingest_job(sources: list[str], cleanup: Path | None = None) -> Callable[[Any, Job], dict[str, Any]]:
    def run(ws: Any, job: Job) -> dict[str, Any]:
        try:
            job.update(stage="ingest", done=0, total=None, message="reading sources")
            rep = ws.ingest(sources, progress=lambda d, t: job.update(done=d))
        finally:
            if cleanup is not None:
                shutil.rmtree(cleanup, ignore_errors=True)
        if rep.failed and not rep.added and not rep.duplicates:
            raise IngestError("upload", "nothing could be read: " + "; ".join(
                _shorten(str(e)) for e in rep.errors[:3]))
        todo = ws.pending()
        job.update(stage="extract", done=0, total=len(todo), message=f"{rep.added} articles added; extracting")
        ex = ws.extract(ids=todo, batch_size=8, progress=lambda d, t: job.update(done=d, total=t))
        built = _rebuild_processes(ws, job)
        msg = (f"{rep.added} articles added ({rep.duplicates} duplicates, {rep.failed} failed); "
               f"{ex.events} events and {ex.claims} claims extracted from {ex.articles} articles")
        job.update(message=msg)
        return {"ingest": rep.to_dict(), "extract": ex.to_dict(), "processes": built}

    return run


def _extract_job(redo_all: bool) -> Callable[[Any, Job], dict[str, Any]]:
    def run(ws: Any, job: Job) -> dict[str, Any]:
        todo = ws.pending(redo_all)
        job.update(stage="extract", done=0, total=len(todo))
        ex = ws.extract(ids=todo, batch_size=8, progress=lambda d, t: job.update(done=d, total=t))
        built = _rebuild_processes(ws, job)
        job.update(message=f"{ex.events} events and {ex.claims} claims extracted from {ex.articles} articles")
        return {"extract": ex.to_dict(), "processes": built}

    return run


def _rebuild_processes(ws: Any, job: Job) -> dict[str, Any] | None:
    """Tracks and stories follow the events: rebuild them when extraction changed anything."""
    from fulcrum.processes import ensure_built

    job.update(stage="tracks and stories", done=0, total=None)
    return ensure_built(ws.store)


def _shorten(s: str, n: int = 200) -> str:
    # file paths of the temporary upload folder mean nothing to the user
    s = re.sub(r"\S*fulcrum-upload-[^/]+/\d{3}-", "", s)
    return s if len(s) <= n else s[: n - 1] + "…"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("fulcrum")
    except Exception:  # noqa: BLE001 - not installed (running from a source tree)
        return "0"

