-- Schema version 2 (docs/SCHEMA.md): a merge key (a bucket: family, dyad, modality) now holds
-- several events, one per cluster of date-compatible reports, so events.key is no longer
-- UNIQUE. SQLite cannot drop a constraint in place: the table is rebuilt.

-- Version-1 keys ended in "|<month>", "|<year>" or "|unknown"; the bucket is the key without
-- that part. Rewriting them lets the next batch that touches a bucket replace its month-merged
-- events; untouched ones stay as they were folded.
UPDATE reports SET key = CASE
    WHEN key GLOB '*|[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN substr(key, 1, length(key) - 8)
    WHEN key GLOB '*|[0-9][0-9][0-9][0-9]' THEN substr(key, 1, length(key) - 5)
    WHEN key GLOB '*|unknown' THEN substr(key, 1, length(key) - 8)
    ELSE key END;
UPDATE reports SET json = json_set(json, '$.key', key);

CREATE TABLE events_v2 (
    id             TEXT PRIMARY KEY,
    key            TEXT NOT NULL,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    modality       TEXT NOT NULL,
    source_country TEXT,
    target_country TEXT,
    source_code    TEXT,
    target_code    TEXT,
    date_first     TEXT,
    date_last      TEXT,
    date           TEXT,
    n_mentions     INTEGER NOT NULL,
    n_documents    INTEGER NOT NULL,
    n_outlets      INTEGER NOT NULL,
    json           TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO events_v2
SELECT id,
       CASE
           WHEN key GLOB '*|[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN substr(key, 1, length(key) - 8)
           WHEN key GLOB '*|[0-9][0-9][0-9][0-9]' THEN substr(key, 1, length(key) - 5)
           WHEN key GLOB '*|unknown' THEN substr(key, 1, length(key) - 8)
           ELSE key END,
       code, root, modality, source_country, target_country, source_code, target_code,
       date_first, date_last, date, n_mentions, n_documents, n_outlets, json
FROM events;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE INDEX events_key ON events (key);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_order ON events (date_first IS NULL, date_first, id);
CREATE INDEX events_date_last ON events (date_last);
