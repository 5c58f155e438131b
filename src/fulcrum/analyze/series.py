"""Daily or weekly series built from the store with SQL: escalation, negotiation, humanitarian access,
claimed figures and news volume.

Counting rules (see ``docs/analysis.md``):

* an event counts on its own date when it has a day-precise one, else on its article's publication date;
* escalation counts only events vouched for as having happened (:data:`~fulcrum.analyze.scales.COUNTED_MODALITIES`);
* one incident reported many times counts once: by story when a ``story_events`` table exists, otherwise by
  ``(type, source codes, target codes, location, own date)`` within a group of near-duplicate articles --
  and once only, on the day most of its reports give (ties: the earliest), although its reports may be
  dated a day apart (listing dates one day early, time zones);
* the span of the series is the stretch of publication dates without a gap of more than
  :data:`MAX_GAP_DAYS` days that holds most articles, with isolated first or last dates (more than
  :data:`EDGE_GAP_DAYS` days from the rest) trimmed — so a handful of stray articles adds no run of zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from fulcrum.analyze.scales import (
    NEGOTIATION_KINDS,
    TRACK_STATUS_SCORES,
    humanitarian_sql,
    intensity_sql,
    negotiation_sql,
)
from fulcrum.errors import InvalidParameter
from fulcrum.store import Store

__all__ = ["FREQS", "BASE_COLUMNS", "MAX_GAP_DAYS", "EDGE_GAP_DAYS", "SeriesInfo", "build_series", "negotiation_events",
           "track_changes", "parse_dyad", "parse_area", "table_columns"]

FREQS = ("day", "week")
BASE_COLUMNS = ("escalation", "escalation_weighted", "negotiation", "humanitarian", "reports")
MAX_GAP_DAYS = 30
EDGE_GAP_DAYS = 7


@dataclass
class SeriesInfo:
    """How a series was built, carried in ``frame.attrs["fulcrum"]``."""

    freq: str
    start: str | None
    end: str | None
    dedupe: str
    dyad: tuple[str, str] | None = None
    area: tuple[float, float, float] | None = None
    events_counted: int = 0
    events_outside_span: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"freq": self.freq, "start": self.start, "end": self.end, "dedupe": self.dedupe,
                "dyad": list(self.dyad) if self.dyad else None, "area": list(self.area) if self.area else None,
                "events_counted": self.events_counted,
                "events_outside_span": self.events_outside_span, "notes": list(self.notes)}


def table_columns(store: Store, table: str) -> set[str]:
    """Lower-case column names of ``table``, or an empty set when the table does not exist."""
    rows = store.con.execute("SELECT lower(column_name) FROM information_schema.columns WHERE lower(table_name) = ?",
                             [table.lower()]).fetchall()
    return {r[0] for r in rows}


def parse_dyad(value: str | tuple[str, str] | None) -> tuple[str, str] | None:
    """``"ISR,PSE"`` → ``("ISR", "PSE")``; each side matches an actor's code, name or text (case-insensitive)."""
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")] if isinstance(value, str) else [str(p).strip() for p in value]
    if len(parts) != 2 or not all(parts):
        raise InvalidParameter("dyad", "build_series", "two actors separated by a comma, e.g. 'ISR,PSE'", value)
    return parts[0], parts[1]


def parse_area(value: str | tuple[float, float, float] | None) -> tuple[float, float, float] | None:
    """``"31.42,34.38,30"`` → (latitude, longitude, radius in km): escalation events placed farther than the
    radius from that point are left out of the series; events with no place are kept."""
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        lat, lon, km = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise InvalidParameter("area", "build_series", "LAT,LON,KM, e.g. '31.42,34.38,30'", value) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise InvalidParameter("area", "build_series", "a latitude in [-90, 90], a longitude in [-180, 180] and a "
                               "radius above 0 km", value)
    return lat, lon, km


#: Great-circle distance in km from (?, ?) to the event's place (haversine; parameters lat, lat, lon).
_DISTANCE_SQL = ("2 * 6371 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * "
                 "cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))")


def _check(freq: str, owner: str) -> None:
    if freq not in FREQS:
        raise InvalidParameter("freq", owner, f"one of {', '.join(FREQS)}", freq)


def _span(store: Store, start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """The run of publication dates without a gap longer than MAX_GAP_DAYS that holds most articles, with
    isolated first or last dates (more than EDGE_GAP_DAYS from the next) trimmed."""
    rows = store.con.execute("SELECT published, count(*) FROM articles WHERE published IS NOT NULL "
                             "GROUP BY published ORDER BY published").fetchall()
    if not rows:
        return start, end
    runs: list[tuple[date, date, int]] = []
    s, last, n = rows[0][0], rows[0][0], 0
    for d, c in rows:
        if (d - last).days > MAX_GAP_DAYS:
            runs.append((s, last, n))
            s, n = d, 0
        last, n = d, n + c
    runs.append((s, last, n))
    best = max(runs, key=lambda r: r[2])
    days = [d for d, _ in rows if best[0] <= d <= best[1]]
    while len(days) > 2 and (days[1] - days[0]).days > EDGE_GAP_DAYS:
        days.pop(0)
    while len(days) > 2 and (days[-1] - days[-2]).days > EDGE_GAP_DAYS:
        days.pop()
    return start or days[0], end or days[-1]


def _actor_match(role: str) -> str:
    return (f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role = '{role}' AND "
            "(upper(x.code) = upper(?) OR lower(x.name) = lower(?) OR lower(x.text) = lower(?)))")


def _scored_sql(store: Store, dyad: tuple[str, str] | None,
                area: tuple[float, float, float] | None = None) -> tuple[str, list[Any], str]:
    """CTEs ``ev`` (one row per event with its day, cue and dedupe key) and ``dedup`` (one row per
    incident: key, day, type, intensity, negotiation score and kind, humanitarian score)."""
    params: list[Any] = []
    conds: list[str] = []
    if dyad is not None:
        a, b = dyad
        conds.append(f"(({_actor_match('source')} AND {_actor_match('target')}) OR "
                     f"({_actor_match('source')} AND {_actor_match('target')}))")
        params += [a] * 3 + [b] * 3 + [b] * 3 + [a] * 3
    if area is not None:  # negotiation and aid happen elsewhere (Doha, Cairo): only hostile acts are placed
        lat, lon, km = area
        conds.append(f"(e.type NOT IN ('ASSAULT', 'COERCE', 'MOBILIZE', 'THREATEN') OR e.lat IS NULL OR "
                     f"e.lon IS NULL OR {_DISTANCE_SQL} <= ?)")
        params += [lat, lat, lon, km]
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    se = table_columns(store, "story_events")
    if {"story_id", "event_id"} <= se and store.one("SELECT count(*) FROM story_events")[0]:
        story_join = "LEFT JOIN (SELECT event_id, min(story_id) AS story_id FROM story_events GROUP BY event_id) st " \
                     "ON st.event_id = e.id"
        story_key = "st.story_id"
        dedupe = "story (events in no story: near-duplicate group, type, actors, location, own date; counted once, on its modal day)"
    else:
        story_join, story_key, dedupe = "", "NULL", "near-duplicate group, type, actors, location, own date; counted once, on its modal day"
    sql = f"""
    WITH codes AS (
        SELECT event_id, role, array_to_string(list_sort(list(DISTINCT upper(coalesce(code, name, text)))), ';') AS c
        FROM event_actors GROUP BY event_id, role
    ), tolls AS (
        -- sentences whose figures are all running totals: "the death toll from Israeli attacks tops 15,000"
        SELECT article_id, sentence_index, bool_and(coalesce(cumulative, false)) AS toll_only
        FROM claims GROUP BY article_id, sentence_index
    ), ev AS (
        SELECT e.id, e.type, lower(coalesce(e.mode, '')) AS mode, e.modality,
               CASE WHEN e.event_date IS NOT NULL AND e.date_precision = 'day' THEN e.event_date
                    ELSE a.published END AS day,
               lower(coalesce(e.rule, '') || ' | ' ||
                     coalesce(substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start), '') || ' | ' ||
                     substr(a.text, e.start_char + 1, e.end_char - e.start_char)) AS cue,
               coalesce(CAST({story_key} AS VARCHAR),
                        coalesce(a.near_duplicate_of, a.id) || '|' || coalesce(s.c, '') || '|' || coalesce(t.c, '')
                        || '|' || coalesce(lower(e.location_name), '') || '|' ||
                        CASE WHEN e.date_precision = 'day' THEN coalesce(CAST(e.event_date AS VARCHAR), '')
                             ELSE '' END) AS incident,
               coalesce(tl.toll_only, false) AS toll_only
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN tolls tl ON tl.article_id = e.article_id AND tl.sentence_index = e.sentence_index
        LEFT JOIN codes s ON s.event_id = e.id AND s.role = 'source'
        LEFT JOIN codes t ON t.event_id = e.id AND t.role = 'target'
        {story_join}
        {where}
    ), scored AS (
        SELECT *, CASE WHEN toll_only THEN 0 ELSE {intensity_sql()} END AS intensity, {negotiation_sql(False)} AS neg,
               {negotiation_sql(True)} AS neg_kind, {humanitarian_sql()} AS hum
        FROM ev WHERE day IS NOT NULL
    ), incident_day AS (
        -- one incident counts once, on the day most of its reports give (ties: the earliest); a story's
        -- reports can be a day apart (listing dates, time zones)
        SELECT incident, type, day FROM (
            SELECT incident, type, day, row_number() OVER (PARTITION BY incident, type
                                                           ORDER BY count(*) DESC, day) AS rank
            FROM scored GROUP BY incident, type, day) WHERE rank = 1
    ), dedup AS (
        SELECT s.incident, any_value(d.day) AS day, s.type, max(s.intensity) AS intensity,
               arg_max(s.neg, abs(s.neg)) AS neg, arg_max(s.neg_kind, abs(s.neg)) AS neg_kind,
               arg_max(s.hum, abs(s.hum)) AS hum
        FROM scored s JOIN incident_day d ON d.incident = s.incident AND d.type = s.type
        GROUP BY s.incident, s.type
    )"""
    return sql, params, dedupe


def _bucket(freq: str, col: str = "day") -> str:
    return col if freq == "day" else f"CAST(date_trunc('week', {col}) AS DATE)"


def build_series(store: Store, freq: str = "day", dyad: str | tuple[str, str] | None = None,
                 start: date | None = None, end: date | None = None,
                 area: str | tuple[float, float, float] | None = None) -> pd.DataFrame:
    """Per-day (or per-ISO-week, labelled by its Monday) series, indexed by ``date``.

    Columns: ``escalation`` (incidents of THREATEN, MOBILIZE, COERCE, ASSAULT), ``escalation_weighted``
    (the same weighted by :data:`~fulcrum.analyze.scales.INTENSITY`), ``negotiation`` (sum of
    :data:`~fulcrum.analyze.scales.NEGOTIATION_RULES` scores), ``humanitarian`` (net access score),
    ``reports`` (articles published), and ``claim_<what>`` (median claimed figure) / ``claim_<what>_total``
    (largest cumulative figure) for every claimed figure.  ``frame.attrs["fulcrum"]`` holds a
    :class:`SeriesInfo` dict.  ``area`` (``"LAT,LON,KM"``, see :func:`parse_area`) leaves out escalation
    events placed outside that circle (a West Bank raid in a series about Gaza); events with no place stay.
    """
    _check(freq, "build_series")
    dy = parse_dyad(dyad)
    ar = parse_area(area)
    start, end = _span(store, start, end)
    cte, params, dedupe = _scored_sql(store, dy, ar)
    info = SeriesInfo(freq=freq, start=start.isoformat() if start else None, end=end.isoformat() if end else None,
                      dedupe=dedupe, dyad=dy, area=ar)
    if start is None or end is None:
        frame = pd.DataFrame(columns=list(BASE_COLUMNS), index=pd.DatetimeIndex([], name="date"), dtype=float)
        info.notes.append("no dated articles: the series is empty")
        frame.attrs["fulcrum"] = info.to_dict()
        return frame
    b = _bucket(freq)
    rng = [start, end]
    counts = store.one(cte + """
        SELECT count(*) FILTER (WHERE day BETWEEN ? AND ?), count(*) FILTER (WHERE NOT day BETWEEN ? AND ?)
        FROM dedup""", params + rng + rng)
    info.events_counted, info.events_outside_span = int(counts[0]), int(counts[1])
    ev = store.frame(cte + f"""
        SELECT {b} AS date, count(*) FILTER (WHERE intensity > 0) AS escalation,
               coalesce(sum(intensity), 0) AS escalation_weighted, coalesce(sum(neg), 0) AS negotiation,
               coalesce(sum(hum), 0) AS humanitarian
        FROM dedup WHERE day BETWEEN ? AND ? GROUP BY 1""", params + rng)
    rep = store.frame(f"SELECT {_bucket(freq, 'published')} AS date, count(*) AS reports FROM articles "
                      "WHERE published BETWEEN ? AND ? GROUP BY 1", rng)
    cl = store.frame(f"""
        WITH c AS (SELECT coalesce(c.as_of, a.published) AS day, c.what, coalesce(c.cumulative, false) AS cum, c.value
                   FROM claims c JOIN articles a ON a.id = c.article_id)
        SELECT {b} AS date, 'claim_' || regexp_replace(lower(what), '[^a-z0-9]+', '_', 'g')
               || CASE WHEN cum THEN '_total' ELSE '' END AS col,
               CASE WHEN cum THEN max(value) ELSE median(value) END AS value
        FROM c WHERE day BETWEEN ? AND ? GROUP BY 1, 2, cum""", rng)
    idx = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D")
    if freq == "week":
        idx = pd.DatetimeIndex(sorted({d - timedelta(days=d.weekday()) for d in idx}))
    idx.name = "date"
    frame = pd.DataFrame(index=idx)
    for part in (ev, rep):
        if len(part):
            part = part.assign(date=pd.to_datetime(part["date"])).set_index("date")
            frame = frame.join(part, how="left")
    for col in BASE_COLUMNS:
        if col not in frame:
            frame[col] = 0.0
    frame = frame[list(BASE_COLUMNS)].fillna(0.0).astype(float)
    if len(cl):
        wide = cl.assign(date=pd.to_datetime(cl["date"])).pivot_table(index="date", columns="col", values="value",
                                                                      aggfunc="first")
        frame = frame.join(wide.reindex(columns=sorted(wide.columns)), how="left")
    frame.index.name = "date"
    frame.attrs["fulcrum"] = info.to_dict()
    return frame


def track_changes(store: Store) -> pd.DataFrame:
    """Status changes from the processes layer's ``track_status`` table (columns ``date``, ``track``,
    ``status``, ``kind``), with the track's label when a ``tracks`` table has one; an empty frame when no
    tracks have been built.  This module only reads these tables."""
    cols = table_columns(store, "track_status")
    empty = pd.DataFrame(columns=["date", "track", "status", "kind"])
    if not cols:
        return empty
    date_col = next((c for c in ("date", "day", "changed_on", "changed_at", "as_of", "since", "valid_from",
                                 "start_date") if c in cols), None)
    status_col = next((c for c in ("status", "state") if c in cols), None)
    track_col = next((c for c in ("track", "track_id", "track_name", "name", "process") if c in cols), None)
    if date_col is None or status_col is None:
        return empty
    tsel = f"CAST(ts.{track_col} AS VARCHAR)" if track_col else "NULL"
    join = ""
    if track_col == "track_id" and {"id", "label"} <= table_columns(store, "tracks"):
        tsel = f"coalesce(tr.label, {tsel})"
        join = "LEFT JOIN tracks tr ON tr.id = ts.track_id"
    df = store.frame(f"SELECT CAST(ts.{date_col} AS DATE) AS date, {tsel} AS track, CAST(ts.{status_col} AS VARCHAR) "
                     f"AS status FROM track_status ts {join} WHERE ts.{date_col} IS NOT NULL ORDER BY 1, 2")
    if not len(df):
        return empty

    def kind(status: str | None) -> str | None:
        s = str(status or "").lower().strip().replace("-", "_").replace(" ", "_")
        return TRACK_STATUS_SCORES[s][0] if s in TRACK_STATUS_SCORES else None

    df["kind"] = [kind(s) for s in df["status"]]
    df["date"] = pd.to_datetime(df["date"])
    return df


def negotiation_events(store: Store, freq: str = "day", dyad: str | tuple[str, str] | None = None,
                       start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Dated negotiation events for the event study: columns ``date``, ``kind`` (agreement, stall,
    breakdown, talks), ``n`` and ``origin`` (``track_status`` when the processes layer has tracks,
    else ``events``)."""
    _check(freq, "negotiation_events")
    tracks = track_changes(store)
    tracks = tracks[tracks["kind"].notna()] if len(tracks) else tracks
    if len(tracks):
        out = tracks.assign(n=1).groupby(["date", "kind"], as_index=False)["n"].sum()
        if freq == "week":
            out["date"] = out["date"] - pd.to_timedelta(out["date"].dt.weekday, unit="D")
            out = out.groupby(["date", "kind"], as_index=False)["n"].sum()
        return out.assign(origin="track_status")
    start, end = _span(store, start, end)
    if start is None or end is None:
        return pd.DataFrame(columns=["date", "kind", "n", "origin"])
    cte, params, _ = _scored_sql(store, parse_dyad(dyad))
    df = store.frame(cte + f"""
        SELECT {_bucket(freq)} AS date, neg_kind AS rule_kind, count(*) AS n FROM dedup
        WHERE neg_kind IS NOT NULL AND day BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1""", params + [start, end])
    if not len(df):
        return pd.DataFrame(columns=["date", "kind", "n", "origin"])
    df["kind"] = df["rule_kind"].map(NEGOTIATION_KINDS)
    df["date"] = pd.to_datetime(df["date"])
    out = df.groupby(["date", "kind"], as_index=False)["n"].sum()
    out["n"] = out["n"].astype(np.int64)
    return out.assign(origin="events")
