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

-- Near-duplicate documents (syndicated copies, light rewrites). The signature is computed by
-- the caller (the merge crate's MinHash); the store keeps it, finds candidates by band key,
-- and links pairs whose signatures agree enough.
CREATE TABLE signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    -- The MinHash values, 8 bytes little-endian each.
    minhash     BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE document_bands (
    band        INTEGER NOT NULL,
    -- The band's key, a u64 stored as the i64 with the same bits.
    hash        INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, document_id)
) WITHOUT ROWID;
CREATE INDEX document_bands_document ON document_bands (document_id);
-- One row per near-duplicate pair, document_a < document_b.
CREATE TABLE duplicates (
    document_a  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    document_b  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    -- Estimated Jaccard similarity of their word shingles.
    similarity  REAL NOT NULL,
    PRIMARY KEY (document_a, document_b)
) WITHOUT ROWID;
CREATE INDEX duplicates_b ON duplicates (document_b);
