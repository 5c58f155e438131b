"""Concurrency: one writer ingesting through the server while many clients read the JSON API.

    python scripts/load_test.py --seconds 60 --clients 20          # prints a JSON summary; exit 1 on errors

Builds a store from a generated corpus (``reliability_common.write_corpus``), starts the real server
(``fulcrum serve`` in a child process on a free loopback port), then for ``--seconds``:

* ``--clients`` threads, each with its own HTTP connection, read random JSON endpoints
  (``/api/events`` with filters and paging, ``/api/claims``, ``/api/stories``, ``/api/tracks``,
  ``/api/series``, ``/api/stats``, ``/api/articles/{id}``, ``/events.json``, ``/index.json``) as fast as
  they can;
* one writer uploads new reports through ``POST /api/ingest/upload`` -- the supported way to write while
  the server runs: the server holds the only write connection and runs each upload as a job that ingests,
  extracts and rebuilds tracks and stories -- waiting for each job before the next.

Counted as errors: any 5xx answer, any answer or job message mentioning a lock or a conflict, any
connection failure or timeout, failed write jobs, and any consistency problem of the file once the
server has stopped (SIGTERM: it checkpoints and closes).  Reported: requests, throughput, latency
percentiles (p50, p95, p99, max) and what the writer added.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reliability_common import article_text, fulcrum_cmd, run_cli, store_report, write_corpus  # noqa: E402

LOCK_WORDS = ("lock", "conflict", "could not set lock", "database is locked")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    fh = log.open("wb")
    proc = subprocess.Popen(fulcrum_cmd(db, "serve", "--host", "127.0.0.1", "--port", str(port)),
                            stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"})
    import httpx

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not answer within 90 s")


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[k]


def run(workdir: Path, seconds: float = 60, clients: int = 20, articles: int = 150, seed: int = 0,
        upload_batch: int = 4) -> dict[str, Any]:
    """Build the store, serve it, load it; return the summary (``errors`` lists every failure)."""
    import httpx

    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "load.duckdb"
    db.unlink(missing_ok=True)
    write_corpus(workdir / "corpus", articles, seed=seed)
    for args in (("ingest", str(workdir / "corpus")), ("extract",)):
        res = run_cli(db, *args)
        if res.returncode:
            raise RuntimeError(f"building the store failed: {res.stderr[-2000:]}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port, workdir / "server.log")
    try:
        with httpx.Client(base_url=base, timeout=30) as c:
            ids = [e["article_id"] for e in c.get("/api/events", params={"limit": 500}).json()["events"]]
            before = c.get("/api/stats").json()
        stop = threading.Event()
        lock = threading.Lock()
        latencies: list[float] = []
        statuses: dict[int, int] = {}
        errors: list[str] = []

        def paths(r: random.Random) -> str:
            return r.choice([
                f"/api/events?limit={r.choice([10, 50, 200])}&offset={r.randrange(0, 400)}",
                f"/api/events?type=ASSAULT&sort={r.choice(['date', 'outlet', 'type'])}&desc={r.choice(['true', 'false'])}",
                "/api/events?actor=ISR&date_from=2023-10-01&date_to=2023-12-31",
                "/api/claims", "/api/claims?what=killed", "/api/stories?limit=20", "/api/tracks",
                "/api/series", "/api/series?freq=week", "/api/stats",
                f"/api/articles/{r.choice(ids)}" if ids else "/api/stats",
                f"/events.json?page={r.randint(1, 5)}", "/index.json",
            ])

        def reader(n: int) -> None:
            r = random.Random(seed * 1000 + n)
            with httpx.Client(base_url=base, timeout=30) as c:
                while not stop.is_set():
                    path = paths(r)
                    t0 = time.perf_counter()
                    try:
                        resp = c.get(path)
                    except httpx.HTTPError as e:
                        with lock:
                            errors.append(f"GET {path}: {type(e).__name__}: {e}")
                        continue
                    dt = time.perf_counter() - t0
                    bad = resp.status_code >= 500 or (resp.status_code >= 400 and any(
                        w in resp.text.lower() for w in LOCK_WORDS))
                    with lock:
                        latencies.append(dt)
                        statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1
                        if bad:
                            errors.append(f"GET {path}: HTTP {resp.status_code}: {resp.text[:300]}")

        writes = {"jobs": 0, "failed_jobs": 0, "articles_uploaded": 0, "added": 0, "events": 0}

        def writer() -> None:
            n = 0
            with httpx.Client(base_url=base, timeout=60) as c:
                while not stop.is_set():
                    files = []
                    for _ in range(upload_batch):
                        n += 1
                        body = (f"---\npublished: 2023-12-{1 + n % 28:02d}\noutlet: Load Wire\n---\n# Upload {n}\n\n"
                                f"{article_text(10_000 + n, rng)}\n")
                        files.append(("files", (f"upload-{n}.md", body.encode(), "text/markdown")))
                    try:
                        r = c.post("/api/ingest/upload", files=files)
                        if r.status_code != 202:
                            with lock:
                                errors.append(f"upload: HTTP {r.status_code}: {r.text[:300]}")
                            time.sleep(0.5)
                            continue
                        job_id = r.json()["id"]
                        while True:
                            job = c.get(f"/api/jobs/{job_id}").json()
                            if job["state"] not in ("queued", "running"):
                                break
                            time.sleep(0.2)
                    except httpx.HTTPError as e:
                        with lock:
                            errors.append(f"upload: {type(e).__name__}: {e}")
                        continue
                    with lock:
                        writes["jobs"] += 1
                        writes["articles_uploaded"] += upload_batch
                        if job["state"] != "done" or any(w in job["message"].lower() for w in LOCK_WORDS):
                            writes["failed_jobs"] += 1
                            errors.append(f"job {job_id} {job['state']}: {job['message'][:300]}")
                        else:
                            writes["added"] += job["result"]["ingest"]["added"]
                            writes["events"] += job["result"]["extract"]["events"]

        threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(clients)]
        threads.append(threading.Thread(target=writer, daemon=True))
        t0 = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(seconds)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        elapsed = time.monotonic() - t0
        with httpx.Client(base_url=base, timeout=30) as c:
            after = c.get("/api/stats").json()
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    wal_left = db.with_name(db.name + ".wal").exists()  # the server checkpoints and closes on SIGTERM
    rep = store_report(db)
    errors += [f"store after the run: {k}: {v}" for k, v in rep["problems"].items()]
    if rep["counts"]["articles"] != after["articles"]:
        errors.append(f"the file holds {rep['counts']['articles']} articles, the server reported {after['articles']}")
    lat = sorted(latencies)
    return {
        "seconds": round(elapsed, 1), "clients": clients, "requests": len(lat),
        "requests_per_second": round(len(lat) / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {"p50": round(1000 * _percentile(lat, 0.50), 1), "p95": round(1000 * _percentile(lat, 0.95), 1),
                       "p99": round(1000 * _percentile(lat, 0.99), 1), "max": round(1000 * (lat[-1] if lat else 0), 1)},
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "server_errors": sum(v for k, v in statuses.items() if k >= 500),
        "writes": writes, "articles_before": before["articles"], "articles_after": after["articles"],
        "events_before": before["events"], "events_after": after["events"],
        "server_exit_code": server.returncode, "wal_left_after_shutdown": wal_left,
        "store_after": rep["counts"], "errors": errors[:50], "n_errors": len(errors),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--articles", type=int, default=150, help="articles in the store before the load")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fulcrum-load-") as tmp:
        summary = run(a.workdir or Path(tmp), seconds=a.seconds, clients=a.clients, articles=a.articles,
                      seed=a.seed)
    print(json.dumps(summary, indent=2))
    return 1 if summary["n_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
