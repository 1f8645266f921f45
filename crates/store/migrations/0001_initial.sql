-- Schema version 1 of an attache store (docs/SCHEMA.md).
-- Applied inside one transaction by Store::open; user_version is bumped by the caller.

-- "ATTA": marks the file as an attache store, so `Store::open` can refuse other databases.
PRAGMA application_id = 1096045633;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    id                  TEXT PRIMARY KEY,
    origin              TEXT NOT NULL,
    url                 TEXT,
    title               TEXT,
    -- ISO date "2016-01-29", or NULL when the publication date is unknown.
    published           TEXT,
    published_precision TEXT NOT NULL,
    source              TEXT,
    -- The dateline as written ("SEOUL, Jan. 29 (Yonhap) --").
    dateline            TEXT,
    byline              TEXT,
    content_hash        TEXT NOT NULL UNIQUE,
    text                TEXT NOT NULL,
    -- RFC 3339 UTC time of the batch that stored the document: the only non-deterministic column.
    ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_source ON documents (source);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    code        TEXT NOT NULL,
    modality    TEXT NOT NULL,
    -- The whole Report as JSON (attache_model::Report).
    json        TEXT NOT NULL
);
-- Covers the fold's "all reports of a key, in document/sentence/start order" read.
CREATE INDEX reports_key ON reports (key, document_id, sentence, start, "end");
CREATE INDEX reports_document ON reports (document_id);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    modality       TEXT NOT NULL,
    source_country TEXT,
    target_country TEXT,
    source_code    TEXT,
    target_code    TEXT,
    -- The interval behind the date (Event::date_value), ISO days; NULL when unknown.
    date_first     TEXT,
    date_last      TEXT,
    -- The date as published: ISO at its precision ("2024-02-12", "2024-01", "2023").
    date           TEXT,
    n_mentions     INTEGER NOT NULL,
    n_documents    INTEGER NOT NULL,
    n_outlets      INTEGER NOT NULL,
    -- The whole Event as JSON (format v1, with date_value).
    json           TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX events_code ON events (code);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
-- Result order of every query: date_first with NULLs last, then id.
CREATE INDEX events_order ON events (date_first IS NULL, date_first, id);
CREATE INDEX events_date_last ON events (date_last);

INSERT INTO meta (key, value) VALUES
    ('application', 'attache'),
    ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
