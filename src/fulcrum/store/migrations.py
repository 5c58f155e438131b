"""Numbered schema migrations, applied in order and recorded in ``schema_migrations``.

Never edit a migration that has shipped: add the next number.

Migration 3 denormalises for the dashboard: ``events.day`` is ``coalesce(event_date, articles.published)``,
``events.outlet`` is ``articles.outlet`` and ``event_actors.day`` is its event's ``day``.  Writers
(``Store.save_extraction``, ``Store.merge_extraction``) fill them; an article's
``published`` and ``outlet`` never change once stored (ids are content hashes, inserts ignore conflicts).
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "articles, sentences, events, event actors, claims", """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    external_id VARCHAR,
    title VARCHAR,
    text VARCHAR NOT NULL,
    published DATE,
    outlet VARCHAR,
    url VARCHAR,
    source VARCHAR,
    language VARCHAR,
    near_duplicate_of VARCHAR,
    ingested_at TIMESTAMP NOT NULL,
    extracted_at TIMESTAMP,
    pipeline_version VARCHAR
);
CREATE TABLE article_minhash (
    article_id VARCHAR PRIMARY KEY,
    signature BLOB NOT NULL
);
CREATE TABLE sentences (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    source_json VARCHAR NOT NULL,
    target_json VARCHAR NOT NULL,
    event_date DATE,
    date_precision VARCHAR NOT NULL,
    date_text VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    modality VARCHAR NOT NULL,
    att_outlet VARCHAR,
    claimant VARCHAR,
    claimant_type VARCHAR,
    source_count INTEGER,
    cue VARCHAR,
    claimant_start INTEGER,
    claimant_end INTEGER,
    confidence DOUBLE,
    rule VARCHAR
);
CREATE TABLE event_actors (
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    text VARCHAR,
    code VARCHAR,
    sector VARCHAR,
    name VARCHAR
);
CREATE TABLE claims (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    what VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    comparator VARCHAR NOT NULL,
    unit VARCHAR,
    cumulative BOOLEAN,
    claimant VARCHAR,
    claimant_type VARCHAR,
    as_of DATE,
    rule VARCHAR
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX claims_article ON claims(article_id);
"""),
    (2, "processes: negotiation tracks with dated status histories, stories, build records", """
CREATE TABLE tracks (
    id VARCHAR PRIMARY KEY,
    label VARCHAR NOT NULL,
    parties JSON NOT NULL,
    mediators JSON NOT NULL,
    issues JSON NOT NULL,
    n_events INTEGER NOT NULL,
    first_date DATE,
    last_date DATE
);
CREATE TABLE track_status (
    track_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    date DATE NOT NULL,
    status VARCHAR NOT NULL,
    n_reports INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    first_reported DATE,
    evidence JSON NOT NULL,
    PRIMARY KEY (track_id, seq)
);
CREATE TABLE track_expectations (
    track_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    date DATE NOT NULL,
    expected_status VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL,
    outcome_date DATE,
    evidence JSON NOT NULL,
    PRIMARY KEY (track_id, seq)
);
CREATE TABLE stories (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    date DATE,
    first_date DATE,
    last_date DATE,
    location VARCHAR,
    actors JSON NOT NULL,
    text VARCHAR NOT NULL,
    n_reports INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    outlets JSON NOT NULL
);
CREATE TABLE story_events (
    story_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (story_id, event_id)
);
CREATE TABLE process_builds (
    name VARCHAR PRIMARY KEY,
    built_at TIMESTAMP NOT NULL,
    fingerprint VARCHAR NOT NULL,
    summary JSON NOT NULL
);
CREATE INDEX story_events_event ON story_events(event_id);
"""),
    (3, "events.day and events.outlet, event_actors.day: the dashboard filters and sorts on one table", """
ALTER TABLE events ADD COLUMN day DATE;
ALTER TABLE events ADD COLUMN outlet VARCHAR;
UPDATE events SET day = coalesce(events.event_date, a.published), outlet = a.outlet
FROM articles a WHERE a.id = events.article_id;
ALTER TABLE event_actors ADD COLUMN day DATE;
UPDATE event_actors SET day = e.day FROM events e WHERE e.id = event_actors.event_id;
"""),
    (4, "claims.modality: a figure in the terms of a deal, a forecast or a denial is not a figure that happened", """
ALTER TABLE claims ADD COLUMN modality VARCHAR;
"""),
]
