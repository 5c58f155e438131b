"""The reads behind the pages: filtered, sorted, paginated events; sources; located events; and, through
:mod:`fulcrum.store.processes` and :mod:`fulcrum.processes`, tracks, stories and the claims ledger.

Every function takes a :class:`~fulcrum.serve.db.ReadStore` (one snapshot) and returns plain data that
serialises to JSON -- the same data the HTML pages render and the ``.json`` twins return.
"""

from __future__ import annotations

import math
from typing import Any

from fulcrum.model import CLAIMANT_TYPES, MODALITIES, PLOVER_TYPES
from fulcrum.serve.db import ReadStore
from fulcrum.store.duck import (  # the store's event filters and the one record shape every export shares
    _bound_actor_page,
    _event_conditions,
    _event_record,
)

EVENT_FILTERS = ("date_from", "date_to", "actor", "type", "outlet", "modality", "claimant_type", "place")
CLAIM_FILTERS = ("what", "claimant", "outlet", "date_from", "date_to")

DAY = "e.day"  # coalesce(event_date, articles.published), stored on events since migration 3
SORTS = {
    "date": DAY, "published": "a.published", "type": "e.type", "outlet": "e.outlet",
    "modality": "e.modality", "claimant_type": "e.claimant_type", "claimant": "e.claimant",
    "place": "e.location_name", "confidence": "e.confidence",
}


def _event_where(f: dict[str, Any]) -> tuple[str, list[Any]]:
    """Conditions on ``events e`` alone."""
    conds, params = _event_conditions(f)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def list_events(rs: ReadStore, filters: dict[str, Any], sort: str = "date", desc: bool = False,
                limit: int | None = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of event records with the article title added)."""
    where, params = _event_where(filters)
    total = rs.one(f"SELECT count(*) FROM events e {where}", params)[0]
    order = SORTS.get(sort, DAY)
    direction = "DESC" if desc else "ASC"
    conds, params = _event_conditions(filters)
    if limit is not None and order == DAY and not desc:
        _bound_actor_page(rs.con, {**filters, "limit": limit, "offset": offset}, conds, params,
                          int(limit) + int(offset))
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    # the page from events alone (articles joined first only to sort on the publication date), then the
    # articles of the page's rows
    source = "events e JOIN articles a ON a.id = e.article_id" if order == "a.published" else "events e"
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    sql = f"""WITH t AS (SELECT e.*, {order} AS _sort FROM {source} {where}
                         ORDER BY {order} {direction} NULLS LAST, {DAY}, e.article_id, e.sentence_index, e.id{page})
              SELECT t.* EXCLUDE (day, outlet, _sort), a.external_id, a.outlet, a.published, a.url, a.title,
                     a.text AS article_text
              FROM t JOIN articles a ON a.id = t.article_id
              ORDER BY t._sort {direction} NULLS LAST, t.day, t.article_id, t.sentence_index, t.id"""
    out = []
    for d in rs.rows(sql, params):
        rec = _event_record(d)
        rec["title"] = d["title"]
        out.append(rec)
    return int(total), out


def event_options(rs: ReadStore) -> dict[str, list[str]]:
    """The values the filter drop-downs offer."""
    def distinct(sql: str) -> list[str]:
        return [r[0] for r in rs.con.execute(sql).fetchall() if r[0] is not None]

    stored_types = set(distinct("SELECT DISTINCT type FROM events"))
    return {
        "types": [t for t in PLOVER_TYPES if t in stored_types] + sorted(stored_types - set(PLOVER_TYPES)),
        "outlets": distinct("SELECT DISTINCT outlet FROM articles ORDER BY 1"),
        "modalities": list(MODALITIES),
        "claimant_types": list(CLAIMANT_TYPES),
        "places": distinct("SELECT DISTINCT location_name FROM events ORDER BY 1"),
        "whats": distinct("SELECT what FROM claims GROUP BY what ORDER BY count(*) DESC, what"),
    }


def tracks(rs: ReadStore) -> list[dict[str, Any]]:
    """Every track with its status history and expectations (empty before the processes stage ran)."""
    from fulcrum.store.processes import read_tracks

    return read_tracks(rs)


def stories(rs: ReadStore, limit: int | None = 200) -> list[dict[str, Any]]:
    from fulcrum.store.processes import read_stories

    return read_stories(rs, limit=limit)


def story(rs: ReadStore, story_id: str) -> dict[str, Any] | None:
    """One story with every report of it (a unique id prefix will do)."""
    from fulcrum.store.processes import read_story

    st = read_story(rs, story_id)
    if st is None:
        return None
    ids = sorted({r["article_id"] for r in st["reports"]})
    st["articles"] = [{**r, "published": _jsonable(r["published"])} for r in rs.rows(
        "SELECT id, title, outlet, published, url FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY published, id",
        [ids])] if ids else []
    return st


def processes_built(rs: ReadStore) -> dict[str, Any]:
    """When tracks and stories were last built (None when never)."""
    from fulcrum.store.processes import build_record

    return {name: _jsonable(build_record(rs, name)) for name in ("tracks", "stories")}


def ledger(rs: ReadStore, what: str | None) -> dict[str, Any]:
    """The claims ledger (per-claimant series and contradictions) of one figure."""
    from fulcrum.processes import ledger as build_ledger

    return build_ledger(rs, what).to_dict()


def _jsonable(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


# -- sources and places ------------------------------------------------------------------------------
def sources(rs: ReadStore) -> dict[str, Any]:
    outlets = rs.rows("""
        SELECT a.outlet, count(DISTINCT a.id) AS articles,
               (SELECT count(*) FROM events e JOIN articles b ON b.id = e.article_id
                 WHERE b.outlet IS NOT DISTINCT FROM a.outlet) AS events,
               (SELECT count(*) FROM claims c JOIN articles b ON b.id = c.article_id
                 WHERE b.outlet IS NOT DISTINCT FROM a.outlet) AS claims,
               min(a.published) AS first, max(a.published) AS last
        FROM articles a GROUP BY a.outlet ORDER BY articles DESC, a.outlet NULLS LAST""")
    claimants = rs.rows("""
        WITH x AS (
            SELECT claimant, claimant_type, 1 AS ev, 0 AS cl FROM events WHERE claimant IS NOT NULL
            UNION ALL
            SELECT claimant, claimant_type, 0, 1 FROM claims WHERE claimant IS NOT NULL)
        SELECT claimant, claimant_type, sum(ev)::INT AS events, sum(cl)::INT AS claims, count(*) AS total
        FROM x GROUP BY 1, 2 ORDER BY total DESC, claimant LIMIT 500""")
    cited = rs.rows("""SELECT att_outlet AS outlet, count(*) AS events FROM events WHERE att_outlet IS NOT NULL
                       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200""")
    return {"outlets": [{**r, "first": _jsonable(r["first"]), "last": _jsonable(r["last"])} for r in outlets],
            "claimants": claimants, "cited_outlets": cited}


def located(rs: ReadStore, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """Places with coordinates and how many events happened there (after the event filters)."""
    where, params = _event_where(filters)
    cond = (where + " AND " if where else "WHERE ") + "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    rows = rs.rows(f"""SELECT e.location_name AS name, e.location_country AS country, e.lat, e.lon,
                              count(*) AS events, list(DISTINCT e.type ORDER BY e.type) AS types,
                              min({DAY}) AS first, max({DAY}) AS last
                       FROM events e {cond}
                       GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name""", params)
    return [{**r, "first": _jsonable(r["first"]), "last": _jsonable(r["last"])} for r in rows]
