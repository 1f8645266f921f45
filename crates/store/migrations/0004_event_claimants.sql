-- Schema version 4 (docs/SCHEMA.md): who the events are attributed to, for the claimant filter.
-- One row per distinct claimant of an event's mentions (`mentions[].claimant` in its JSON, so
-- events stored before the format had `claimants` are indexed too); triggers keep the rows in
-- step with the events table, which is rewritten by delete and insert, never updated. `name` is
-- the claimant's name, else its words ("state media").
CREATE TABLE event_claimants (
    event_id TEXT NOT NULL,
    code     TEXT,
    country  TEXT,
    name     TEXT
);
CREATE INDEX event_claimants_event ON event_claimants (event_id);
CREATE INDEX event_claimants_code ON event_claimants (code);
CREATE INDEX event_claimants_name ON event_claimants (name COLLATE NOCASE);
CREATE TRIGGER events_claimants_added AFTER INSERT ON events BEGIN
    INSERT INTO event_claimants (event_id, code, country, name)
    SELECT DISTINCT new.id, json_extract(m.value, '$.claimant.code'),
           json_extract(m.value, '$.claimant.country'),
           coalesce(json_extract(m.value, '$.claimant.name'),
                    json_extract(m.value, '$.claimant.text'))
    FROM json_each(new.json, '$.mentions') m
    WHERE json_type(m.value, '$.claimant') = 'object';
END;
CREATE TRIGGER events_claimants_removed AFTER DELETE ON events BEGIN
    DELETE FROM event_claimants WHERE event_id = old.id;
END;
-- The events already stored.
INSERT INTO event_claimants (event_id, code, country, name)
SELECT DISTINCT e.id, json_extract(m.value, '$.claimant.code'),
       json_extract(m.value, '$.claimant.country'),
       coalesce(json_extract(m.value, '$.claimant.name'), json_extract(m.value, '$.claimant.text'))
FROM events e, json_each(e.json, '$.mentions') m
WHERE json_type(m.value, '$.claimant') = 'object';
