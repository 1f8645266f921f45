-- Schema version 3 (docs/SCHEMA.md): full-text search over the sentences that back events.
-- One row per mention of an event, its sentence as the event's JSON holds it; triggers keep
-- the rows in step with the events table (rewritten by delete and insert, never updated) and
-- the FTS5 index in step with the rows (an external-content table, so the text is stored once
-- more, not twice).
CREATE TABLE event_sentences (
    id       INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX event_sentences_event ON event_sentences (event_id);
-- Porter stems over unicode61 words: "visit" finds "visited" and "visits".
CREATE VIRTUAL TABLE event_sentences_fts USING fts5 (
    text,
    content = 'event_sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61'
);
CREATE TRIGGER event_sentences_indexed AFTER INSERT ON event_sentences BEGIN
    INSERT INTO event_sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER event_sentences_unindexed AFTER DELETE ON event_sentences BEGIN
    INSERT INTO event_sentences_fts (event_sentences_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER events_sentences_added AFTER INSERT ON events BEGIN
    INSERT INTO event_sentences (event_id, text)
    SELECT new.id, json_extract(m.value, '$.text')
    FROM json_each(new.json, '$.mentions') m
    WHERE json_extract(m.value, '$.text') IS NOT NULL;
END;
CREATE TRIGGER events_sentences_removed AFTER DELETE ON events BEGIN
    DELETE FROM event_sentences WHERE event_id = old.id;
END;
-- The events already stored.
INSERT INTO event_sentences (event_id, text)
SELECT e.id, json_extract(m.value, '$.text')
FROM events e, json_each(e.json, '$.mentions') m
WHERE json_extract(m.value, '$.text') IS NOT NULL;
