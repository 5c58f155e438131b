"""fulcrum's benchmarks (not part of the test suite).  See docs/benchmarks.md.

    python benchmarks/run.py corpus --sizes 1000 5000 20000 --workers 1 2
    python benchmarks/run.py queries --events 10000000                  # rows in ingest order, then optimized
    python benchmarks/run.py queries --events 10000000 --order day      # rows generated in day order

``corpus``: for each size, writes a synthetic corpus (``fulcrum.synth``), then measures, each stage in a
fresh process so that peak memory is the stage's own:

* ingest     -- ``Workspace.ingest`` of the folder (one process);
* parse      -- spaCy alone: ``nlp.pipe`` over the same texts, same batches, on a local Dask cluster of
                W worker processes (the parser limit);
* extract    -- the full pipeline through ``fulcrum.runner`` on the same cluster, right after the parse,
                on a fresh copy of the ingested store (side by side, one run);
* analyze    -- ``fulcrum.analyze.analyze_store`` on the extracted store (one process).

Rates are articles per second of the stage's own work (cluster start and model load excluded, and
reported apart); memory is the peak resident set of the process (of each worker for parse/extract).

``queries``: generates a store of N events directly with SQL (``range()``), then times the queries the
dashboard needs (p50 and p95 over repeated runs with varied parameters).  ``--order random`` (default)
inserts events and actors in the order extraction leaves them -- by article, articles in hash order, so
days are scattered over every row group -- then, on a copy, runs ``Store.optimize()`` in a fresh process
(its time and peak memory recorded) and times the same queries again; ``--order day`` inserts them in
``day`` order (the layout ``optimize`` produces) and times them once.

Results go to ``benchmarks/results/<name>.json`` (git-ignored) and a summary to standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def machine() -> dict[str, Any]:
    def sh(cmd: str) -> str:
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"nproc": sh("nproc"), "free": sh("free -h"), "lscpu": sh("lscpu | head -15"),
            "python": platform.python_version(), "loadavg_at_start": os.getloadavg()}


def peak_mb() -> float:
    from fulcrum.runner.worker import peak_rss_mb

    return peak_rss_mb()


# -- stages, each run in its own process ----------------------------------------------------------------
def stage_ingest(db: str, src: str) -> dict[str, Any]:
    import fulcrum

    t = time.perf_counter()
    with fulcrum.open(db) as ws:
        rep = ws.ingest([src])
    secs = time.perf_counter() - t
    return {"seconds": secs, "articles": rep.added, "rate": rep.added / secs, "peak_mb": peak_mb(),
            "failed": rep.failed}


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (a cost that other jobs on the machine barely move,
    unlike wall time)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def stage_cluster(db: str, workers: int, batch_size: int, parse: int = 1) -> dict[str, Any]:
    """Parse and extract side by side on one local cluster of ``workers`` processes (``parse=0``: extract
    only, for the linear-cost runs).  Besides wall time, the CPU seconds the extraction cost in the workers
    and the driver are recorded: on a shared machine they are the fairer measure of cost."""
    from distributed import as_completed

    from fulcrum.runner import dask_client, run_extraction
    from fulcrum.runner.partitions import articles_to_batch
    from fulcrum.runner.worker import PipelineLoader, parse_batch, peak_rss_mb
    from fulcrum.store import Store

    t0 = time.perf_counter()
    with dask_client(workers=workers) as client:
        client.register_plugin(PipelineLoader())
        startup = time.perf_counter() - t0
        with Store(db, read_only=True) as s:
            ids = s.article_ids_to_extract()
            batches = [articles_to_batch(s.load_articles(ids[i:i + batch_size]))
                       for i in range(0, len(ids), batch_size)]
        client.run(parse_batch, batches[0][:4], batch_size)  # warm every worker's parser (first docs are slow)
        parse_s, parsed = float("nan"), 0
        if parse:
            t = time.perf_counter()
            futs = [client.submit(parse_batch, b, batch_size, pure=False) for b in batches]
            parsed = sum(f.result() for f in as_completed(futs))
            parse_s = time.perf_counter() - t
            del futs
        del batches
        cpu0 = sum(client.run(cpu_seconds).values()) + cpu_seconds()
        with Store(db) as s:
            rep = run_extraction(s, client, batch_size=batch_size, workers_write=True)
        extract_cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds() - cpu0
        worker_peaks = sorted(client.run(peak_rss_mb).values())
    return {"workers": workers, "startup_seconds": startup, "parse_seconds": parse_s, "parsed": parsed,
            "parse_rate": parsed / parse_s if parse else None, "extract_seconds": rep.seconds,
            "extract_cpu_seconds": extract_cpu, "articles": rep.articles,
            "extract_rate": rep.articles / rep.seconds, "events": rep.events, "claims": rep.claims,
            "extract_over_parse": rep.seconds / parse_s if parse else None, "worker_peak_mb": worker_peaks,
            "driver_peak_mb": peak_mb(), "loadavg": os.getloadavg()}


def stage_analyze(db: str) -> dict[str, Any]:
    from fulcrum.store import Store

    try:
        from fulcrum.analyze import run as analyze_run
    except ImportError as exc:
        return {"skipped": f"fulcrum.analyze not importable: {exc}"}
    t = time.perf_counter()
    with Store(db, read_only=True) as s:
        n = s.stats()["articles"]
        try:
            res = analyze_run.analyze_store(s)
        except Exception as exc:  # report, do not hide: the benchmark records what happened
            return {"error": f"{type(exc).__name__}: {exc}", "seconds": time.perf_counter() - t}
    secs = time.perf_counter() - t
    return {"seconds": secs, "articles": n, "rate": n / secs, "series_days": len(res.frame), "peak_mb": peak_mb()}


def run_stage(name: str, *args: Any) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "_stage", name, *map(str, args)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-5:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_corpus(sizes: list[int], workers: list[int], batch_size: int, workdir: Path, seed: int,
                 parse: bool = True) -> dict[str, Any]:
    from fulcrum.synth import write_corpus

    results: dict[str, Any] = {}
    for n in sizes:
        src = workdir / f"synth-{n}"
        if not src.is_dir() or len(list(src.glob("*.md"))) != n:
            shutil.rmtree(src, ignore_errors=True)
            t = time.perf_counter()
            write_corpus(n, src, seed=seed, days=max(90, n // 40))  # analyze needs >= 48 days of series
            print(f"[{n}] synth: {time.perf_counter() - t:.1f}s", flush=True)
        base = workdir / f"ingested-{n}.duckdb"
        base.unlink(missing_ok=True)
        r: dict[str, Any] = {"ingest": run_stage("ingest", base, src)}
        print(f"[{n}] ingest: {r['ingest']}", flush=True)
        last = None
        for w in workers:
            db = workdir / f"extract-{n}-w{w}.duckdb"
            shutil.copy(base, db)
            r[f"cluster_w{w}"] = run_stage("cluster", db, w, batch_size, int(parse))
            print(f"[{n}] workers={w}: {r[f'cluster_w{w}']}", flush=True)
            last = db
        if last is not None:
            r["analyze"] = run_stage("analyze", last)
            print(f"[{n}] analyze: {r['analyze']}", flush=True)
        r["loadavg_after"] = os.getloadavg()
        results[str(n)] = r
    return results


# -- the dashboard queries on 10M generated events ------------------------------------------------------
# Fills a store created by ``Store(path)`` (so every migration applied): the schema is the migrated one,
# with ``events.day``/``events.outlet`` and ``event_actors.day`` computed as the store's writers compute
# them.  ``{order}`` is the physical order of the event and actor rows: ``day`` order (what
# ``Store.optimize`` leaves), or by article in hash order, the order extraction writes them in (article ids
# are content hashes; a merge appends each partition), which scatters days over every row group.
GEN_SQL = """
INSERT INTO articles (id, external_id, title, text, published, outlet, url, source, ingested_at, extracted_at,
                      pipeline_version)
SELECT printf('a%015d', i), NULL, 'synthetic ' || i, 'Synthetic article text number ' || i || '.',
       DATE '{start}' + CAST(i % {days} AS INTEGER), 'Outlet ' || (hash(i) % 40), NULL, 'generated',
       now()::TIMESTAMP, now()::TIMESTAMP, 'bench'
FROM range({articles}) t(i);
INSERT INTO events (id, article_id, sentence_index, start_char, end_char, type, source_json, target_json,
                    event_date, date_precision, modality, confidence, rule, outlet, day)
SELECT *, event_date AS day FROM (
SELECT printf('e%015d', i) AS id, printf('a%015d', i // {per}) AS article_id, (i % {per})::INTEGER, 0, 30,
       (['AGREE','CONSULT','SUPPORT','CONCEDE','COOPERATE','AID','RETREAT','REQUEST','ACCUSE','REJECT','THREATEN',
         'PROTEST','SANCTION','MOBILIZE','COERCE','ASSAULT'])[1 + (hash(i) % 16)::INTEGER],
       '[]', '[]', DATE '{start}' + CAST((i // {per}) % {days} AS INTEGER) - CAST(hash(i * 7) % 3 AS INTEGER)
       AS event_date,
       'day', (['asserted','reported','believed','denied'])[1 + (hash(i * 3) % 4)::INTEGER],
       0.5, 'bench', 'Outlet ' || (hash(i // {per}) % 40)
FROM range({events}) t(i)) ORDER BY {event_order};
INSERT INTO event_actors (event_id, article_id, role, text, code, sector, name, day)
SELECT * FROM (
SELECT printf('e%015d', i // 2) AS event_id, printf('a%015d', (i // 2) // {per}) AS article_id,
       CASE WHEN i % 2 = 0 THEN 'source' ELSE 'target' END AS role,
       'actor', (['ISR','PSE','UKR','RUS','SDN','USA','EGY','QAT','LBN','SYR','IRN','TUR'])[1 + (hash(i) % 12)::INTEGER],
       'GOV', NULL,
       DATE '{start}' + CAST(((i // 2) // {per}) % {days} AS INTEGER) - CAST(hash((i // 2) * 7) % 3 AS INTEGER) AS day
FROM range({actors}) t(i)) ORDER BY {actor_order};
"""

#: The physical row orders ``--order`` chooses between (event order, actor order).
GEN_ORDERS = {
    "day": ("event_date, article_id", "day, article_id"),
    "random": ("hash(article_id), id", "hash(article_id), event_id, role"),
}


def _queries(start: date, days: int) -> list[tuple[str, Any]]:
    """(name, callable(store, k)) for each dashboard query; k varies the parameters run to run."""
    def page(s: Any, k: int) -> Any:  # the event list, first page of a date window, newest filters
        d0 = start + timedelta(days=(k * 37) % (days - 30))
        return s.events(date_from=d0, date_to=d0 + timedelta(days=30), limit=50)

    def page_type(s: Any, k: int) -> Any:
        d0 = start + timedelta(days=(k * 11) % (days - 60))
        return s.events(date_from=d0, date_to=d0 + timedelta(days=60), type="ASSAULT,COERCE", limit=50, offset=100)

    def actor(s: Any, k: int) -> Any:
        return s.events(actor=["ISR", "RUS", "SDN", "QAT"][k % 4], limit=50)

    def daily(s: Any, k: int) -> Any:
        d0 = start + timedelta(days=(k * 13) % (days - 90))
        return s.con.execute("""SELECT e.day, e.type, count(*) AS n FROM events e
            WHERE e.day BETWEEN ? AND ? GROUP BY ALL ORDER BY ALL""",
                             [d0, d0 + timedelta(days=90)]).fetchall()

    def top_outlets(s: Any, k: int) -> Any:
        d0 = start + timedelta(days=(k * 17) % (days - 90))
        return s.con.execute("""SELECT e.outlet, count(*) AS n FROM events e
            WHERE e.day BETWEEN ? AND ? GROUP BY e.outlet ORDER BY n DESC, e.outlet LIMIT 10""",
                             [d0, d0 + timedelta(days=90)]).fetchall()

    def stats(s: Any, k: int) -> Any:
        return s.stats()

    return [("event_page_30d", page), ("event_page_type_60d_offset", page_type), ("event_page_actor", actor),
            ("daily_counts_by_type_90d", daily), ("top_outlets_90d", top_outlets), ("stats", stats)]


def _time_queries(db: Path, start: date, days: int, repeats: int) -> dict[str, Any]:
    from fulcrum.store import Store

    out: dict[str, Any] = {}
    with Store(db, read_only=True) as s:
        out["layout"] = {t: vars(lay) for t, lay in s.layout().items()}
        for name, fn in _queries(start, days):
            fn(s, 0)  # warm
            times = []
            for k in range(1, repeats + 1):
                t = time.perf_counter()
                fn(s, k)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            out[name] = {"p50_ms": statistics.median(times),
                         "p95_ms": times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)],
                         "max_ms": times[-1], "runs": repeats}
            print(f"{name:30s} p50 {out[name]['p50_ms']:8.1f} ms   p95 {out[name]['p95_ms']:8.1f} ms", flush=True)
    out["loadavg_after"] = os.getloadavg()
    return out


def stage_optimize(db: str) -> dict[str, Any]:
    """``Store.optimize()`` on ``db``, in a process of its own (its peak memory is the optimize's)."""
    from fulcrum.store import Store

    load = os.getloadavg()
    t = time.perf_counter()
    with Store(db, auto_optimize=False) as s:
        rep = s.optimize()
    secs = time.perf_counter() - t  # including the close (checkpoint)
    return {"seconds": secs, "optimize_seconds": rep.seconds, "rewritten": rep.rewritten, "rows": rep.rows,
            "layout_before": {t: vars(x) for t, x in rep.before.items()},
            "layout_after": {t: vars(x) for t, x in rep.after.items()},
            "peak_mb": peak_mb(), "file_gb": Path(db).stat().st_size / 1e9, "loadavg_at_start": load,
            "loadavg_after": os.getloadavg()}


def bench_queries(events: int, per_article: int, repeats: int, workdir: Path, order: str = "random",
                  optimize: bool = True) -> dict[str, Any]:
    from fulcrum.store import Store
    from fulcrum.store.migrations import MIGRATIONS

    # a store of an older schema or another order is not reused
    db = workdir / f"queries-{events}-v{MIGRATIONS[-1][0]}-{order}.duckdb"
    start, days = date(2031, 1, 1), 730
    if not db.exists():
        t = time.perf_counter()
        tmp = db.with_name(db.name + ".generating")
        tmp.unlink(missing_ok=True)
        with Store(tmp, auto_optimize=False) as s:
            event_order, actor_order = GEN_ORDERS[order]
            sql = GEN_SQL.format(start=start.isoformat(), days=days, articles=events // per_article, per=per_article,
                                 events=events, actors=2 * events, event_order=event_order,
                                 actor_order=actor_order)
            for stmt in sql.split(";"):
                if stmt.strip():
                    s.con.execute(stmt)
        tmp.rename(db)
        print(f"generated {events} events ({order} order) in {time.perf_counter() - t:.1f}s "
              f"({db.stat().st_size / 1e9:.2f} GB)", flush=True)
    out: dict[str, Any] = {"events": events, "articles": events // per_article, "event_actors": 2 * events,
                           "order": order, "file_gb": db.stat().st_size / 1e9}
    print(f"-- {order} order", flush=True)
    out["as_generated"] = _time_queries(db, start, days, repeats)
    if optimize and order != "day":
        work = db.with_name(db.stem + "-optimized.duckdb")
        shutil.copy(db, work)
        out["optimize"] = run_stage("optimize", work)
        print(f"-- Store.optimize(): {out['optimize']}", flush=True)
        if "error" not in out["optimize"]:
            print("-- after optimize", flush=True)
            out["optimized"] = _time_queries(work, start, days, repeats)
        work.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus", help="ingest / parse / extract / analyze on synthetic corpora")
    c.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    c.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    c.add_argument("--batch-size", type=int, default=64)
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--no-parse", dest="parse", action="store_false",
                   help="Skip the bare spaCy parse (the linear-cost runs need only the extraction).")
    q = sub.add_parser("queries", help="dashboard query latency on generated events")
    q.add_argument("--events", type=int, default=10_000_000)
    q.add_argument("--per-article", type=int, default=10)
    q.add_argument("--repeats", type=int, default=40)
    q.add_argument("--order", choices=sorted(GEN_ORDERS), default="random",
                   help="Physical order of the generated rows: random (by article in hash order, as extraction "
                        "writes them; then optimized and measured again) or day.")
    q.add_argument("--no-optimize", dest="optimize", action="store_false",
                   help="With --order random: do not run Store.optimize() and measure again.")
    for p in (c, q):
        p.add_argument("--workdir", type=Path, default=None,
                       help="Where corpora and stores go (default: a folder under the system temp dir, kept).")
        p.add_argument("--name", default=None, help="Results file name (default: the command and a timestamp).")
    s = sub.add_parser("_stage")
    s.add_argument("stage")
    s.add_argument("args", nargs="*")
    a = ap.parse_args(argv)

    if a.cmd == "_stage":
        fn = {"ingest": stage_ingest, "cluster": stage_cluster, "analyze": stage_analyze,
              "optimize": stage_optimize}[a.stage]
        args = [int(x) if x.isdigit() else x for x in a.args]
        print(json.dumps(fn(*args)))
        return
    workdir = a.workdir or Path(tempfile.gettempdir()) / "fulcrum-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]), "machine": machine()}
    if a.cmd == "corpus":
        res["corpus"] = bench_corpus(a.sizes, a.workers, a.batch_size, workdir, a.seed, a.parse)
    else:
        res["queries"] = bench_queries(a.events, a.per_article, a.repeats, workdir, a.order, a.optimize)
    res["machine"]["loadavg_at_end"] = os.getloadavg()
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    name = a.name or f"{a.cmd}-{time.strftime('%Y%m%dT%H%M%S')}"
    (out_dir / f"{name}.json").write_text(json.dumps(res, indent=2, default=str), encoding="utf-8")
    print(f"results: {out_dir / (name + '.json')}")


if __name__ == "__main__":
    main()
