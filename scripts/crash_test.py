"""Crash safety: SIGKILL ``fulcrum ingest`` and ``fulcrum extract`` at random moments, rerun, and check that
nothing was lost or doubled.

    python scripts/crash_test.py --kills 40 --seed 1          # prints a JSON summary; exit 1 on any problem

First a clean run (ingest, then extract, never interrupted) into a reference store gives the expected
articles, events and claims.  Then, in cycles on a fresh store: ingest is started and killed after a
random delay (seeded) until a run gets to the end by itself (at most four kills), then extract
(``--batch-size 8``, so it commits often) likewise.  After every cycle the store must open cleanly and hold every input article exactly
once, every article extracted, and exactly the reference's event, claim and sentence rows (same ids):
each article extracted once, nothing lost, nothing doubled.  Delays are drawn across the span of a
clean run, so kills land while loading, while reading, between commits and during them.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reliability_common import run_cli, store_report, write_corpus  # noqa: E402


def run(workdir: Path, kills: int = 20, seed: int = 0, articles: int = 150, per_phase: int = 4,
        log: Any = None) -> dict[str, Any]:
    """Kill ingest and extract ``kills`` times (at least) in all; return the figures and any problems."""
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    files = write_corpus(corpus, articles, seed=seed)
    sources = [str(corpus)]

    ref_db = workdir / "reference.duckdb"
    ref_db.unlink(missing_ok=True)
    ing = run_cli(ref_db, "ingest", *sources)
    ext = run_cli(ref_db, "extract", "--batch-size", "8")
    if ing.returncode or ext.returncode:
        raise RuntimeError(f"the clean run failed: {ing.stderr[-2000:]} {ext.stderr[-2000:]}")
    ref = store_report(ref_db)
    span = {"ingest": ing.seconds, "extract": ext.seconds}

    summary: dict[str, Any] = {"articles": articles, "files": len(files), "seed": seed,
                               "reference": ref["counts"], "clean_run_seconds": span, "cycles": 0,
                               "kills": {"ingest": 0, "extract": 0}, "runs_finished_before_kill": 0,
                               "problems": []}
    t0 = time.monotonic()
    cycle = 0
    while sum(summary["kills"].values()) < kills:
        cycle += 1
        db = workdir / f"crash-{cycle}.duckdb"
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        for phase, args in (("ingest", ["ingest", *sources]), ("extract", ["extract", "--batch-size", "8"])):
            finished = False
            for _ in range(per_phase):  # kill it until a run gets to the end by itself
                delay = rng.uniform(0.3, span[phase])
                res = run_cli(db, *args, kill_after=delay)
                if log:
                    log(f"cycle {cycle} {phase}: {'killed' if res.killed else 'finished'} after "
                        f"{res.seconds:.2f} s")
                if not res.killed:
                    finished = True
                    summary["runs_finished_before_kill"] += 1
                    if res.returncode != 0:
                        summary["problems"].append(f"cycle {cycle}: {phase} exited {res.returncode} after a "
                                                   f"kill: {res.stderr[-1500:]}")
                    break
                summary["kills"][phase] += 1
            if not finished:
                done = run_cli(db, *args)
                if done.returncode != 0:
                    summary["problems"].append(f"cycle {cycle}: rerun of {phase} exited {done.returncode}: "
                                               f"{done.stderr[-1500:]}")
        summary["problems"] += [f"cycle {cycle}: {p}" for p in _compare(store_report(db), ref, articles)]
        summary["cycles"] = cycle
        db.unlink(missing_ok=True)
    summary["total_kills"] = sum(summary["kills"].values())
    summary["seconds"] = round(time.monotonic() - t0, 1)
    return summary


def _compare(got: dict[str, Any], ref: dict[str, Any], articles: int) -> list[str]:
    out = [f"{name}: {n}" for name, n in got["problems"].items()]
    c, r = got["counts"], ref["counts"]
    if c["articles"] != articles:
        out.append(f"{c['articles']} articles stored, expected {articles} (one per input)")
    if c["extracted"] != c["articles"]:
        out.append(f"{c['articles'] - c['extracted']} articles not extracted")
    for key in ("events", "claims", "sentences", "event_actors", "article_minhash"):
        if c[key] != r[key]:
            out.append(f"{c[key]} {key} rows, the clean run has {r[key]}")
    for key in ("articles", "events", "claims"):
        if got["ids"][key] != ref["ids"][key]:
            out.append(f"the {key} ids differ from the clean run's")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=20, help="kill at least this many runs (default 20)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="fulcrum-crash-") as tmp:
        log = (lambda m: print(m, file=sys.stderr)) if a.verbose else None
        summary = run(a.workdir or Path(tmp), kills=a.kills, seed=a.seed, articles=a.articles, log=log)
    print(json.dumps(summary, indent=2))
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
