-- Schema version 5 (docs/SCHEMA.md): the rest of an event's time as columns, beside `date`, so
-- SQL readers see it without parsing the JSON. Additive: NULL when the event has none, and
-- filled here from the JSON of the events already stored.
ALTER TABLE events ADD COLUMN date_end TEXT;
ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN date_vague TEXT;
ALTER TABLE events ADD COLUMN duration TEXT;
UPDATE events SET
    date_end = json_extract(json, '$.date_end'),
    date_precision = json_extract(json, '$.date_precision'),
    date_vague = json_extract(json, '$.date_vague'),
    duration = json_extract(json, '$.duration');
