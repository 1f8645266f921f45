-- Schema version 2 (docs/SCHEMA.md): a merge key is now a bucket (family, visitor side, host
-- side) that holds several events: one per modality and cluster of date-compatible reports.
-- events.key is no longer UNIQUE; SQLite cannot drop a constraint in place: the table is
-- rebuilt.

-- Version-1 keys were "<family>|<a>|<b>|<modality>|<month, year or unknown>"; the bucket is
-- the first three parts. Rewriting them lets the next batch that touches a bucket replace its
-- month-merged events; untouched ones stay as they were folded.
CREATE TEMP TABLE bucket_of (old TEXT PRIMARY KEY, new TEXT NOT NULL);
INSERT OR IGNORE INTO bucket_of (old, new)
SELECT key, key FROM (SELECT key FROM reports UNION SELECT key FROM events);
-- Drop the last two parts, one at a time (rtrim removes the trailing run of non-'|'
-- characters, then the '|' itself).
UPDATE bucket_of SET new = rtrim(new, replace(new, '|', '')) WHERE new GLOB '*|*|*|*|*';
UPDATE bucket_of SET new = substr(new, 1, length(new) - 1) WHERE new GLOB '*|';
UPDATE bucket_of SET new = rtrim(new, replace(new, '|', '')) WHERE new GLOB '*|*|*|*';
UPDATE bucket_of SET new = substr(new, 1, length(new) - 1) WHERE new GLOB '*|';
UPDATE reports SET key = (SELECT new FROM bucket_of WHERE old = reports.key);
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
SELECT id, (SELECT new FROM bucket_of WHERE old = events.key),
       code, root, modality, source_country, target_country, source_code, target_code,
       date_first, date_last, date, n_mentions, n_documents, n_outlets, json
FROM events;
DROP TABLE events;
DROP TABLE bucket_of;
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
