"""Shared by the reliability scripts (crash_test.py, load_test.py) and tests/reliability: a small generated
corpus, running the ``fulcrum`` command as a child process (exit code, output, time, peak memory), and a
consistency check of a store.

The corpus is written by us from templates: short reports with events, figures and claimants, so that a
run of ingest and extract over 150 of them takes seconds.  Nothing here is news.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLACES = ("Rafah", "Khan Younis", "Jabalia", "Kharkiv", "Odesa", "Kherson", "El Fasher", "Omdurman")
ACTORS = (("Israeli jets", "Hamas fighters"), ("Russian forces", "Ukrainian troops"),
          ("The Sudanese army", "The Rapid Support Forces"))
OUTLETS = ("Meridian Wire", "Harbor Ledger", "Northgate Times", "Lantern News", "Granite Herald")


def article_text(i: int, rng: random.Random) -> str:
    """One short report: an attack with a toll, a counter-attack, talks, a denial (numbered, so unique)."""
    a, b = rng.choice(ACTORS)
    place, other = rng.sample(PLACES, 2)
    return (f"{a} struck a building in {place} on Monday, killing {rng.randint(2, 60)} people, the local "
            f"health ministry said. {b} fired {rng.randint(5, 90)} rockets at {other} overnight, the army said. "
            f"Mediators said talks on a truce would resume in Cairo next week. "
            f"Officials denied that {b.lower()} had been shelled near {other}. This is report number {i}.")


def write_corpus(folder: Path, n: int = 150, seed: int = 0, start: date = date(2023, 10, 9)) -> list[Path]:
    """``n`` articles: most as Markdown files with front matter, every fifth as a line of ``batch.jsonl``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    jsonl: list[str] = []
    for i in range(n):
        day = start + timedelta(days=i % 60)
        outlet = OUTLETS[i % len(OUTLETS)]
        text = article_text(i, rng)
        if i % 5 == 4:
            jsonl.append(json.dumps({"id": f"rec-{i}", "title": f"Report {i}", "text": text,
                                     "published": day.isoformat(), "outlet": outlet,
                                     "url": f"https://reports.invalid/{i}"}))
            continue
        p = folder / f"report-{i:04d}.md"
        p.write_text(f"---\npublished: {day.isoformat()}\noutlet: {outlet}\nurl: https://reports.invalid/{i}\n"
                     f"---\n# Report {i}\n\n{text}\n", encoding="utf-8")
        files.append(p)
    if jsonl:
        p = folder / "batch.jsonl"
        p.write_text("\n".join(jsonl) + "\n", encoding="utf-8")
        files.append(p)
    return files


@dataclass
class CliResult:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    killed: bool = False

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def fulcrum_cmd(db: Path | str, *args: str) -> list[str]:
    return [sys.executable, "-m", "fulcrum.cli", "--db", str(db), *args]


def run_cli(db: Path | str, *args: str, kill_after: float | None = None, timeout: float = 600,
            env: dict[str, str] | None = None) -> CliResult:
    """Run ``fulcrum --db DB ARGS...`` and wait for it; ``kill_after`` seconds: SIGKILL it then if still
    running.  Peak memory is the child's ``VmHWM`` polled from /proc (see :func:`_vm_hwm_kb`)."""
    cmd = fulcrum_cmd(db, *args)
    full_env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1", **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=full_env)
        limit = timeout if kill_after is None else kill_after
        killed = False
        hwm_kb = 0
        while True:
            hwm_kb = max(hwm_kb, _vm_hwm_kb(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > limit:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                killed = kill_after is not None
                if not killed:
                    raise TimeoutError(f"{' '.join(cmd)} ran longer than {timeout} s")
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        return CliResult(cmd, proc.returncode, out.read().decode("utf-8", "replace"),
                         err.read().decode("utf-8", "replace"), seconds, (hwm_kb or usage.ru_maxrss) / 1024, killed)


def _vm_hwm_kb(pid: int) -> int:
    """The child's peak resident set so far (``VmHWM``, reset at exec).  ``wait4``'s ``ru_maxrss`` is not
    used when this is available: it also counts the pages of the forking parent (the test process) that
    the child held between fork and exec, so a big test process made every child look big."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def store_report(db: Path | str) -> dict[str, Any]:
    """Counts of a fulcrum store and every consistency rule it breaks (``problems``, empty when sound).

    Opens the file read-write (as the next fulcrum command would: WAL replay, migrations) and checkpoints.
    """
    import duckdb

    from fulcrum.store import Store

    with Store(db) as s:
        con = s.con

        def one(sql: str) -> int:
            row = con.execute(sql).fetchone()
            return int(row[0]) if row and row[0] is not None else 0

        counts = {t: one(f"SELECT count(*) FROM {t}") for t in
                  ("articles", "article_minhash", "sentences", "events", "event_actors", "claims")}
        counts["extracted"] = one("SELECT count(*) FROM articles WHERE extracted_at IS NOT NULL")
        rules = {
            "duplicate article ids": "SELECT count(*) - count(DISTINCT id) FROM articles",
            "articles stored twice (same source)": "SELECT count(*) - count(DISTINCT source) FROM articles",
            "duplicate event ids": "SELECT count(*) - count(DISTINCT id) FROM events",
            "duplicate claim ids": "SELECT count(*) - count(DISTINCT id) FROM claims",
            "duplicate sentences": "SELECT count(*) - count(DISTINCT (article_id, idx)) FROM sentences",
            "events of unknown articles": "SELECT count(*) FROM events WHERE article_id NOT IN "
                                          "(SELECT id FROM articles)",
            "claims of unknown articles": "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)",
            "actors of unknown events": "SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)",
            "events of articles not marked extracted":
                "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.extracted_at IS NULL",
            "sentences of articles not marked extracted":
                "SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article_id WHERE a.extracted_at IS NULL",
            "evidence outside the article text":
                "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
                "WHERE e.start_char < 0 OR e.end_char > length(a.text) OR e.start_char >= e.end_char",
            "claims outside the article text":
                "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
                "WHERE c.start_char < 0 OR c.end_char > length(a.text) OR c.start_char >= c.end_char",
            "articles without a MinHash signature":
                "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_minhash)",
        }
        problems = {name: n for name, sql in rules.items() if (n := one(sql))}
        try:
            con.execute("CHECKPOINT")
        except duckdb.Error as e:  # pragma: no cover - reported, not raised
            problems["checkpoint failed: " + str(e)] = 1
        ids = {
            "events": sorted(r[0] for r in con.execute("SELECT id FROM events").fetchall()),
            "claims": sorted(r[0] for r in con.execute("SELECT id FROM claims").fetchall()),
            "articles": sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall()),
        }
    return {"counts": counts, "problems": problems, "ids": ids}
