"""Reads and writes of the process tables (migration 2): tracks, their status histories and
expectations, stories and their events, and the record of what each was built from.

Functions take a :class:`~fulcrum.store.Store` and plain dicts; the store knows nothing of how tracks
and stories are made (that is :mod:`fulcrum.processes`).  Every ``replace_*`` swaps a whole kind in one
transaction, so a rebuild never leaves half of one and half of another.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import duckdb

from fulcrum.errors import StoreError
from fulcrum.store.duck import Store

__all__ = ["data_fingerprint", "build_record", "replace_tracks", "replace_stories", "read_tracks",
           "read_track", "read_stories", "read_story", "ledger_claims"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, default=lambda o: o.isoformat() if hasattr(o, "isoformat") else str(o))


def data_fingerprint(store: Store) -> str:
    """What the processes are built from: counts of events, claims and extracted articles, and the last
    extraction time.  Any re-extraction changes it."""
    row = store.con.execute("""SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM claims),
                               (SELECT count(*) FROM articles WHERE extracted_at IS NOT NULL),
                               (SELECT max(extracted_at) FROM articles)""").fetchone()
    assert row is not None
    return f"events={row[0]};claims={row[1]};extracted={row[2]};last={row[3]}"


def build_record(store: Store, name: str) -> dict[str, Any] | None:
    """``{"fingerprint", "built_at", "summary"}`` of the last build of ``name``, or None."""
    row = store.con.execute("SELECT fingerprint, built_at, summary FROM process_builds WHERE name = ?",
                            [name]).fetchone()
    if row is None:
        return None
    return {"fingerprint": row[0], "built_at": row[1], "summary": json.loads(row[2])}


def _record(store: Store, name: str, fingerprint: str, summary: dict[str, Any]) -> None:
    store.con.execute("DELETE FROM process_builds WHERE name = ?", [name])
    store.con.execute("INSERT INTO process_builds VALUES (?, ?, ?, ?)", [name, _now(), fingerprint, _json(summary)])


def _transaction(store: Store, what: str, body: Any) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        body(con)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"Could not store {what} in {store.path}: {exc}") from exc


def replace_tracks(store: Store, tracks: Sequence[dict[str, Any]], fingerprint: str) -> None:
    """Replace every track (dicts as :meth:`fulcrum.processes.tracks.Track.to_dict` gives them)."""
    def body(con: Any) -> None:
        for table in ("track_status", "track_expectations", "tracks"):
            con.execute(f"DELETE FROM {table}")
        for t in tracks:
            con.execute("INSERT INTO tracks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [t["id"], t["label"], _json(t["parties"]), _json(t["mediators"]), _json(t["issues"]),
                         t["n_events"], t["first_date"], t["last_date"]])
            rows = [(t["id"], i, s["date"], s["status"], s["n_reports"], s["n_outlets"], s["first_reported"],
                     _json(s["evidence"])) for i, s in enumerate(t["statuses"])]
            if rows:
                con.executemany("INSERT INTO track_status VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            exp_rows = [(t["id"], i, e["date"], e["expected_status"], e["outcome"], e["outcome_date"],
                         _json(e["evidence"])) for i, e in enumerate(t["expectations"])]
            if exp_rows:
                con.executemany("INSERT INTO track_expectations VALUES (?, ?, ?, ?, ?, ?, ?)", exp_rows)
        _record(store, "tracks", fingerprint, {"tracks": len(tracks)})

    _transaction(store, f"{len(tracks)} tracks", body)


def replace_stories(store: Store, stories: Sequence[dict[str, Any]], fingerprint: str) -> None:
    """Replace every story (dicts as :meth:`fulcrum.processes.stories.Story.to_dict` gives them)."""
    def body(con: Any) -> None:
        con.execute("DELETE FROM story_events")
        con.execute("DELETE FROM stories")
        rows: list[tuple[Any, ...]] = []
        links: list[tuple[Any, Any, Any]] = []
        for s in stories:
            rows.append((s["id"], s["type"], s["date"], s["first_date"], s["last_date"], s["location"],
                         _json(s["actors"]), s["text"], s["n_reports"], s["n_outlets"], _json(s["outlets"])))
            links.extend((s["id"], r["event_id"], r["article_id"]) for r in s["reports"])
        if rows:
            con.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if links:
            con.executemany("INSERT INTO story_events VALUES (?, ?, ?) ON CONFLICT DO NOTHING", links)
        _record(store, "stories", fingerprint, {"stories": len(stories)})

    _transaction(store, f"{len(stories)} stories", body)


def _track_row(r: tuple[Any, ...]) -> dict[str, Any]:
    return {"id": r[0], "label": r[1], "parties": json.loads(r[2]), "mediators": json.loads(r[3]),
            "issues": json.loads(r[4]), "n_events": r[5], "first_date": _iso(r[6]), "last_date": _iso(r[7])}


def read_tracks(store: Store, *, with_history: bool = True) -> list[dict[str, Any]]:
    """Every track, busiest first, with its ``statuses`` and ``expectations`` when ``with_history``."""
    rows = store.con.execute("""SELECT id, label, parties, mediators, issues, n_events, first_date, last_date
                                FROM tracks ORDER BY n_events DESC, id""").fetchall()
    tracks = [_track_row(r) for r in rows]
    if with_history:
        for t in tracks:
            _history(store, t)
    return tracks


def _history(store: Store, t: dict[str, Any]) -> None:
    t["statuses"] = [{"date": _iso(r[0]), "status": r[1], "n_reports": r[2], "n_outlets": r[3],
                      "first_reported": _iso(r[4]), "evidence": json.loads(r[5])}
                     for r in store.con.execute("""SELECT date, status, n_reports, n_outlets, first_reported, evidence
                                                   FROM track_status WHERE track_id = ? ORDER BY seq""",
                                                [t["id"]]).fetchall()]
    t["expectations"] = [{"date": _iso(r[0]), "expected_status": r[1], "outcome": r[2], "outcome_date": _iso(r[3]),
                          "evidence": json.loads(r[4])}
                         for r in store.con.execute("""SELECT date, expected_status, outcome, outcome_date, evidence
                                                       FROM track_expectations WHERE track_id = ? ORDER BY seq""",
                                                    [t["id"]]).fetchall()]


def read_track(store: Store, track_id: str) -> dict[str, Any] | None:
    """One track with its history; a unique id prefix is accepted."""
    rows = store.con.execute("""SELECT id, label, parties, mediators, issues, n_events, first_date, last_date
                                FROM tracks WHERE id = ? OR starts_with(id, ?) ORDER BY id = ? DESC, id LIMIT 2""",
                             [track_id, track_id, track_id]).fetchall()
    if not rows or (len(rows) > 1 and rows[0][0] != track_id):
        return None
    t = _track_row(rows[0])
    _history(store, t)
    return t


def read_stories(store: Store, *, type: str | None = None, date_from: date | None = None,
                 date_to: date | None = None, min_reports: int = 1, limit: int | None = None,
                 with_reports: bool = False, story_id: str | None = None) -> list[dict[str, Any]]:
    """Stories, most reported first; ``with_reports`` adds every supporting report."""
    conds: list[str] = ["n_reports >= ?"]
    params: list[Any] = [min_reports]
    if story_id is not None:
        conds.append("id = ?")
        params.append(story_id)
    if type:
        conds.append("type IN (SELECT unnest(?))")
        params.append([t.strip().upper() for t in type.split(",") if t.strip()])
    if date_from is not None:
        conds.append("date >= ?")
        params.append(date_from)
    if date_to is not None:
        conds.append("date <= ?")
        params.append(date_to)
    sql = f"""SELECT id, type, date, first_date, last_date, location, actors, text, n_reports, n_outlets, outlets
              FROM stories WHERE {' AND '.join(conds)} ORDER BY n_reports DESC, date, id"""
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = [{"id": r[0], "type": r[1], "date": _iso(r[2]), "first_date": _iso(r[3]), "last_date": _iso(r[4]),
            "location": r[5], "actors": json.loads(r[6]), "text": r[7], "n_reports": r[8], "n_outlets": r[9],
            "outlets": json.loads(r[10])} for r in store.con.execute(sql, params).fetchall()]
    if with_reports:
        for s in out:
            s["reports"] = _story_reports(store, s["id"])
    return out


def _story_reports(store: Store, story_id: str) -> list[dict[str, Any]]:
    rows = store.con.execute("""SELECT e.id, e.article_id, a.external_id, a.outlet, coalesce(e.event_date, a.published),
                                       substr(a.text, e.start_char + 1, e.end_char - e.start_char)
                                FROM story_events x JOIN events e ON e.id = x.event_id
                                JOIN articles a ON a.id = e.article_id
                                WHERE x.story_id = ? ORDER BY 5, a.outlet, e.id""", [story_id]).fetchall()
    return [{"event_id": r[0], "article_id": r[1], "external_id": r[2], "outlet": r[3], "date": _iso(r[4]),
             "text": r[5]} for r in rows]


def read_story(store: Store, story_id: str) -> dict[str, Any] | None:
    rows = store.con.execute("SELECT id FROM stories WHERE starts_with(id, ?) LIMIT 2", [story_id]).fetchall()
    if len(rows) != 1:
        return None
    found = read_stories(store, with_reports=True, story_id=rows[0][0])
    return found[0] if found else None


def ledger_claims(store: Store, what: str | None = None) -> list[dict[str, Any]]:
    """Claim records (``Store.claims``) with ``sentence_start``, the offset of the claim's sentence, and the
    article's ``url`` (the ledger weighs how reliable a publication date is by it)."""
    recs = store.claims(what=what)
    if not recs:
        return recs
    starts = {(r[0], r[1]): r[2] for r in store.con.execute(
        """SELECT s.article_id, s.idx, s.start_char FROM sentences s
           WHERE s.article_id IN (SELECT DISTINCT article_id FROM claims WHERE ? IS NULL OR what = ?)""",
        [what, what]).fetchall()}
    urls = dict(store.con.execute(
        "SELECT id, url FROM articles WHERE id IN (SELECT DISTINCT article_id FROM claims WHERE ? IS NULL OR what = ?)",
        [what, what]).fetchall())
    for r in recs:
        r["sentence_start"] = starts.get((r["article_id"], r["sentence_index"]), 0)
        r["url"] = urls.get(r["article_id"])
    return recs
