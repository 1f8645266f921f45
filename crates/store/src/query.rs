//! Reading: events by filter, one event, one document, reports of a key, counts.

use attache_model::{Claimant, Event, Modality, Precision, Report};
use jiff::civil::Date;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Serialize;

use crate::{sqlite, Store, StoreError};

/// Which events [`Store::events`] returns. The default matches every event.
///
/// Country filters take an ISO 3166 alpha-3 code ("PRK"); a longer value is matched against
/// the CAMEO actor code instead ("PRKGOV"). Case does not matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Source or target is this country.
    pub actor: Option<String>,
    /// The source is this country.
    pub source: Option<String>,
    /// The target is this country.
    pub target: Option<String>,
    /// CAMEO code starts with these digits: "04" matches 040..=049 and 0411.
    pub code_prefix: Option<String>,
    /// Only events of this modality.
    pub modality: Option<Modality>,
    /// Keep events whose date interval overlaps `[since, until]`. When either bound is set,
    /// events with an unknown date are left out.
    pub since: Option<Date>,
    /// The last day of the window (inclusive); see `since`.
    pub until: Option<Date>,
    /// Two countries (or actor codes), one the source and the other the target, in either
    /// order: `["PRK", "RUS"]` matches PRK→RUS and RUS→PRK.
    pub dyad: Option<[String; 2]>,
    /// Words that one of the event's sentences contains, all of them (SQLite FTS5, Porter
    /// stems: "visit" finds "visited"); a word ending in `*` is a prefix. Quotes and FTS5
    /// operators are taken as plain words, so no input is a syntax error.
    pub text: Option<String>,
    /// Events one of whose mentions a speaker claims (reported speech, `Event::claimants`):
    /// its actor code or country ("RUSGOV", "RUS"), its name ("Maria Zakharova") or the last
    /// words of it ("Zakharova"), or the words of a speaker with no name ("state media"); case
    /// does not matter. At most [`MAX_CLAIMANT`] characters with a letter among them, else
    /// [`StoreError::InvalidQuery`].
    pub claimant: Option<String>,
    /// At most this many events, after ordering.
    pub limit: Option<usize>,
}

/// A stored document: its metadata and clean text (not its sentences, tokens or offset map).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDocument {
    /// `Document::id`.
    pub id: String,
    /// Where it was read from (file, file:line).
    pub origin: String,
    /// The article's address, when the input gave one.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<Date>,
    /// How precisely `published` is known.
    pub published_precision: Precision,
    /// The outlet.
    pub source: Option<String>,
    /// The dateline as written ("SEOUL, Jan. 29 (Yonhap) --").
    pub dateline: Option<String>,
    /// The byline ("By Jane Doe").
    pub byline: Option<String>,
    /// Hash of the clean text: a document with the same hash is not stored twice.
    pub content_hash: String,
    /// The clean text every report offset points into.
    pub text: String,
    /// When the batch that stored it ran (RFC 3339, UTC).
    pub ingested_at: String,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Stored documents.
    pub documents: u64,
    /// Stored reports (event mentions).
    pub reports: u64,
    /// Merged events.
    pub events: u64,
    /// Distinct outlets (`source`) among stored documents.
    pub outlets: u64,
}

impl Store {
    /// The events matching `q`, ordered by first possible day (unknown dates last), then id.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<Event>, StoreError> {
        let (sql, args) = q.to_sql()?;
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(sqlite(&self.path, "preparing an event query"))?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(sqlite(&self.path, "querying events"))?;
        let mut events = Vec::new();
        for row in rows {
            let (id, json) = row.map_err(sqlite(&self.path, "querying events"))?;
            events.push(self.parse_event(&id, &json)?);
        }
        Ok(events)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT json FROM events WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(sqlite(&self.path, "reading an event"))?;
        json.map(|j| self.parse_event(id, &j)).transpose()
    }

    /// The stored reports of a merge key, in the order the fold sees them: the evidence
    /// behind an event, for "why this event?".
    pub fn reports(&self, key: &str) -> Result<Vec<Report>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                r#"SELECT json FROM reports WHERE key = ?1
                   ORDER BY document_id, sentence, start, "end", id"#,
            )
            .map_err(sqlite(&self.path, "preparing the report load"))?;
        let rows = stmt
            .query_map([key], |r| r.get::<_, String>(0))
            .map_err(sqlite(&self.path, "loading the reports of a key"))?;
        let mut reports = Vec::new();
        for json in rows {
            let json = json.map_err(sqlite(&self.path, "loading the reports of a key"))?;
            reports.push(
                serde_json::from_str(&json).map_err(|source| StoreError::Json {
                    path: self.path.clone(),
                    what: "report of key",
                    id: key.to_string(),
                    source,
                })?,
            );
        }
        Ok(reports)
    }

    /// The stored document with this id.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        type Row = (
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
        );
        let row: Option<Row> = self
            .conn
            .prepare_cached(
                "SELECT id, origin, url, title, published, published_precision, source,
                        dateline, byline, content_hash, text, ingested_at
                 FROM documents WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                    ))
                })
                .optional()
            })
            .map_err(sqlite(&self.path, "reading a document"))?;
        let Some((
            id,
            origin,
            url,
            title,
            published,
            precision,
            source,
            dateline,
            byline,
            content_hash,
            text,
            ingested_at,
        )) = row
        else {
            return Ok(None);
        };
        let corrupt = |detail: String| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("document {id}: {detail}"),
        };
        let published = published
            .map(|p| {
                p.parse::<Date>()
                    .map_err(|e| corrupt(format!("published {p:?}: {e}")))
            })
            .transpose()?;
        let published_precision = match precision.as_str() {
            "day" => Precision::Day,
            "month" => Precision::Month,
            "year" => Precision::Year,
            "unknown" => Precision::Unknown,
            other => return Err(corrupt(format!("published_precision {other:?}"))),
        };
        Ok(Some(StoredDocument {
            id,
            origin,
            url,
            title,
            published,
            published_precision,
            source,
            dateline,
            byline,
            content_hash,
            text,
            ingested_at,
        }))
    }

    /// Counts of documents, reports, events and outlets.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM reports),
                        (SELECT count(*) FROM events),
                        (SELECT count(DISTINCT source) FROM documents)",
            )
            .and_then(|mut s| {
                s.query_row([], |r| {
                    let n = |i| r.get::<_, i64>(i).map(|n| n.max(0) as u64);
                    Ok(Stats {
                        documents: n(0)?,
                        reports: n(1)?,
                        events: n(2)?,
                        outlets: n(3)?,
                    })
                })
            })
            .map_err(sqlite(&self.path, "counting"))
    }

    fn parse_event(&self, id: &str, json: &str) -> Result<Event, StoreError> {
        let mut event: Event = serde_json::from_str(json).map_err(|source| StoreError::Json {
            path: self.path.clone(),
            what: "event",
            id: id.to_string(),
            source,
        })?;
        // Stored before events carried their claimants: gathered from the mentions, as the
        // fold gathers them.
        if event.claimants.is_empty() {
            event.claimants = Claimant::of(&event.mentions);
        }
        Ok(event)
    }
}

impl EventQuery {
    /// The SQL and its arguments. Only the shape of the SQL depends on which filters are set,
    /// so the statement cache holds a handful of statements, not one per value.
    pub(crate) fn to_sql(&self) -> Result<(String, Vec<Value>), StoreError> {
        let mut sql = String::from("SELECT id, json FROM events WHERE 1");
        let mut args: Vec<Value> = Vec::new();
        let text = |s: &str| Value::Text(s.to_ascii_uppercase());
        if let Some(actor) = self.actor.as_deref() {
            if is_country(actor) {
                sql.push_str(" AND (source_country = ? OR target_country = ?)");
            } else {
                sql.push_str(" AND (source_code = ? OR target_code = ?)");
            }
            args.extend([text(actor), text(actor)]);
        }
        for (value, country, code) in [
            (&self.source, "source_country", "source_code"),
            (&self.target, "target_country", "target_code"),
        ] {
            if let Some(v) = value.as_deref() {
                let column = if is_country(v) { country } else { code };
                sql.push_str(&format!(" AND {column} = ?"));
                args.push(text(v));
            }
        }
        if let Some([a, b]) = &self.dyad {
            let column = |v: &str, side: &str| match is_country(v) {
                true => format!("{side}_country"),
                false => format!("{side}_code"),
            };
            sql.push_str(&format!(
                " AND (({} = ? AND {} = ?) OR ({} = ? AND {} = ?))",
                column(a, "source"),
                column(b, "target"),
                column(b, "source"),
                column(a, "target"),
            ));
            args.extend([text(a), text(b), text(b), text(a)]);
        }
        if let Some(words) = self.text.as_deref() {
            sql.push_str(
                " AND id IN (SELECT s.event_id FROM event_sentences s
                  JOIN event_sentences_fts f ON f.rowid = s.id WHERE event_sentences_fts MATCH ?)",
            );
            args.push(Value::Text(fts_query(words)?));
        }
        if let Some(claimant) = self.claimant.as_deref() {
            let claimant = claimant_value(claimant)?;
            // The name's last words after a space: "zakharova" finds "Maria Zakharova". LIKE
            // wildcards in the value are escaped, so "%" is a character, not "anything".
            let escaped = claimant
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            sql.push_str(
                " AND id IN (SELECT event_id FROM event_claimants WHERE code = ? OR country = ?
                  OR name = ? COLLATE NOCASE OR lower(name) LIKE ? ESCAPE '\\')",
            );
            let upper = claimant.to_ascii_uppercase();
            args.extend([
                Value::Text(upper.clone()),
                Value::Text(upper),
                Value::Text(claimant.to_string()),
                Value::Text(format!("% {escaped}")),
            ]);
        }
        if let Some(prefix) = self.code_prefix.as_deref() {
            if prefix.len() > 4 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
                return Err(StoreError::InvalidQuery(format!(
                    "code prefix {prefix:?} is not up to four digits"
                )));
            }
            if let Some(last) = prefix.bytes().last() {
                // A range instead of LIKE so the code index is used: codes starting with "04"
                // are those in ["04", "05"); after "9" comes ":" in ASCII, so "049" -> "04:".
                let mut upper = prefix.as_bytes()[..prefix.len() - 1].to_vec();
                upper.push(last + 1);
                sql.push_str(" AND code >= ? AND code < ?");
                args.push(Value::Text(prefix.to_string()));
                args.push(Value::Text(String::from_utf8_lossy(&upper).into_owned()));
            }
        }
        if let Some(m) = self.modality {
            sql.push_str(" AND modality = ?");
            args.push(Value::Text(m.as_str().to_string()));
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(StoreError::InvalidQuery(format!(
                    "since {since} is after until {until}"
                )));
            }
        }
        // ISO day strings compare like the dates they write (for years 0 to 9999). A NULL
        // (unknown) date fails every comparison, which drops it when a bound is set.
        if let Some(since) = self.since {
            sql.push_str(" AND date_last >= ?");
            args.push(Value::Text(since.to_string()));
        }
        if let Some(until) = self.until {
            sql.push_str(" AND date_first <= ?");
            args.push(Value::Text(until.to_string()));
        }
        sql.push_str(" ORDER BY date_first IS NULL, date_first, id");
        if let Some(limit) = self.limit {
            sql.push_str(" LIMIT ?");
            args.push(Value::Integer(crate::int(limit)));
        }
        Ok((sql, args))
    }
}

/// The longest claimant filter taken: a name or a code, not a document.
pub const MAX_CLAIMANT: usize = 100;

/// A claimant filter, trimmed, or why it cannot be one.
fn claimant_value(value: &str) -> Result<&str, StoreError> {
    let v = value.trim();
    if v.chars().count() > MAX_CLAIMANT
        || !v.chars().any(char::is_alphabetic)
        || v.chars().any(char::is_control)
    {
        return Err(StoreError::InvalidQuery(format!(
            "claimant takes an actor code (RUSGOV), a country (RUS) or a speaker's name of at \
             most {MAX_CLAIMANT} characters, got {value:?}"
        )));
    }
    Ok(v)
}

/// An FTS5 query that matches sentences holding every word of `words`: each word becomes a
/// quoted string (inner quotes doubled), so `AND`, `NEAR(`, `-` or a stray quote are words,
/// never syntax; a trailing `*` stays outside the quotes as a prefix search.
fn fts_query(words: &str) -> Result<String, StoreError> {
    let terms: Vec<String> = words
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let (word, star) = match w.strip_suffix('*') {
                Some(stem) => (stem, "*"),
                None => (w, ""),
            };
            format!("\"{}\"{star}", word.replace('"', "\"\""))
        })
        .collect();
    if terms.is_empty() {
        return Err(StoreError::InvalidQuery(format!(
            "text {words:?} has no word to search for"
        )));
    }
    Ok(terms.join(" "))
}

/// Three letters is a country code; anything longer is an actor code.
fn is_country(s: &str) -> bool {
    s.len() == 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{actor, document, fold, fold_one, report};
    use attache_model::{Actor, ActorCode, CountryCode, DateValue, Document};
    use jiff::civil::date;

    /// Seven events, one per key "k1".."k7", each from its own document. In date order:
    /// k6 (2023), k5 (Feb 28 - Mar 2), k1 (Mar 4), k2 (Mar 5), k3 (April), k7 (May, stored
    /// without its interval), k4 (unknown).
    fn store() -> Store {
        let day = |m, d| Some(DateValue::day(date(2024, m, d)));
        type Spec = (
            &'static str,
            &'static str,
            Modality,
            (&'static str, Option<&'static str>),
            &'static str,
            Option<DateValue>,
        );
        let specs: [Spec; 7] = [
            (
                "k1",
                "042",
                Modality::Actual,
                ("IDN", None),
                "VNM",
                day(3, 4),
            ),
            (
                "k2",
                "043",
                Modality::Actual,
                ("VNM", None),
                "IDN",
                day(3, 5),
            ),
            (
                "k3",
                "036",
                Modality::Planned,
                ("PRK", None),
                "RUS",
                DateValue::month(2024, 4),
            ),
            ("k4", "1041", Modality::Actual, ("USA", None), "PRK", None),
            (
                "k5",
                "042",
                Modality::Negated,
                ("CHN", Some("CHNGOV")),
                "PRK",
                Some(DateValue::day_range(date(2024, 2, 28), date(2024, 3, 2))),
            ),
            (
                "k6",
                "04",
                Modality::Possible,
                ("RUS", None),
                "PRK",
                DateValue::year(2023),
            ),
            (
                "k7",
                "040",
                Modality::Actual,
                ("MNG", None),
                "KOR",
                DateValue::month(2024, 5),
            ),
        ];
        let batch: Vec<(Document, Vec<_>)> = specs
            .iter()
            .map(|&(key, code, modality, (src, src_code), tgt, when)| {
                let body =
                    format!("ULAANBAATAR (Wire) -- Story {key}: officials from both sides met.");
                let doc = document(&format!("doc-{key}"), "wire", Some(date(2024, 6, 1)), &body);
                let r = report(
                    &doc,
                    key,
                    code,
                    modality,
                    actor(src, src_code),
                    actor(tgt, None),
                    when,
                    0,
                    10,
                );
                (doc, vec![r])
            })
            .collect();
        // An event from elsewhere may lack its internal interval: it must still filter by date.
        let fold = |key: &str, reports: &[Report]| {
            let mut e = fold_one(key, reports);
            if key == "k7" {
                e.date_value = None;
            }
            vec![e]
        };
        let mut store = Store::open_in_memory().unwrap();
        store.put_batch(&batch, &fold).unwrap();
        store
    }

    fn q() -> EventQuery {
        EventQuery::default()
    }

    #[test]
    fn every_filter() {
        let store = store();
        let s = |s: &str| Some(s.to_string());
        let d = |m, day| Some(date(2024, m, day));
        let cases: Vec<(&str, EventQuery, &[&str])> = vec![
            (
                "all, dated first",
                q(),
                &["k6", "k5", "k1", "k2", "k3", "k7", "k4"],
            ),
            (
                "root 04",
                EventQuery {
                    code_prefix: s("04"),
                    ..q()
                },
                &["k6", "k5", "k1", "k2", "k7"],
            ),
            (
                "042 only",
                EventQuery {
                    code_prefix: s("042"),
                    ..q()
                },
                &["k5", "k1"],
            ),
            (
                "049 has none",
                EventQuery {
                    code_prefix: s("049"),
                    ..q()
                },
                &[],
            ),
            (
                "four-digit under 10",
                EventQuery {
                    code_prefix: s("10"),
                    ..q()
                },
                &["k4"],
            ),
            (
                "exact four digits",
                EventQuery {
                    code_prefix: s("1041"),
                    ..q()
                },
                &["k4"],
            ),
            (
                "one digit",
                EventQuery {
                    code_prefix: s("0"),
                    ..q()
                },
                &["k6", "k5", "k1", "k2", "k3", "k7"],
            ),
            (
                "empty prefix",
                EventQuery {
                    code_prefix: s(""),
                    ..q()
                },
                &["k6", "k5", "k1", "k2", "k3", "k7", "k4"],
            ),
            (
                "actor either side",
                EventQuery {
                    actor: s("PRK"),
                    ..q()
                },
                &["k6", "k5", "k3", "k4"],
            ),
            (
                "actor lower case",
                EventQuery {
                    actor: s("idn"),
                    ..q()
                },
                &["k1", "k2"],
            ),
            (
                "actor code",
                EventQuery {
                    actor: s("CHNGOV"),
                    ..q()
                },
                &["k5"],
            ),
            (
                "source",
                EventQuery {
                    source: s("VNM"),
                    ..q()
                },
                &["k2"],
            ),
            (
                "target",
                EventQuery {
                    target: s("VNM"),
                    ..q()
                },
                &["k1"],
            ),
            (
                "source actor code",
                EventQuery {
                    source: s("CHNGOV"),
                    ..q()
                },
                &["k5"],
            ),
            (
                "source and target",
                EventQuery {
                    source: s("RUS"),
                    target: s("PRK"),
                    ..q()
                },
                &["k6"],
            ),
            (
                "negated",
                EventQuery {
                    modality: Some(Modality::Negated),
                    ..q()
                },
                &["k5"],
            ),
            (
                "planned",
                EventQuery {
                    modality: Some(Modality::Planned),
                    ..q()
                },
                &["k3"],
            ),
            (
                "since",
                EventQuery {
                    since: d(3, 1),
                    ..q()
                },
                &["k5", "k1", "k2", "k3", "k7"],
            ),
            (
                "until",
                EventQuery {
                    until: d(2, 29),
                    ..q()
                },
                &["k6", "k5"],
            ),
            (
                "range touches the end of k5",
                EventQuery {
                    since: d(3, 2),
                    until: d(3, 4),
                    ..q()
                },
                &["k5", "k1"],
            ),
            (
                "a day inside a month",
                EventQuery {
                    since: d(4, 15),
                    until: d(4, 15),
                    ..q()
                },
                &["k3"],
            ),
            (
                "interval read from date",
                EventQuery {
                    since: d(5, 10),
                    until: d(5, 10),
                    ..q()
                },
                &["k7"],
            ),
            (
                "inside a year",
                EventQuery {
                    since: Some(date(2023, 6, 1)),
                    until: Some(date(2023, 6, 30)),
                    ..q()
                },
                &["k6"],
            ),
            (
                "a gap",
                EventQuery {
                    since: d(3, 6),
                    until: d(3, 31),
                    ..q()
                },
                &[],
            ),
            (
                "limit",
                EventQuery {
                    limit: Some(2),
                    ..q()
                },
                &["k6", "k5"],
            ),
            (
                "limit zero",
                EventQuery {
                    limit: Some(0),
                    ..q()
                },
                &[],
            ),
            (
                "combined",
                EventQuery {
                    actor: s("PRK"),
                    code_prefix: s("04"),
                    since: d(1, 1),
                    ..q()
                },
                &["k5"],
            ),
            (
                "dyad, both directions, any case",
                EventQuery {
                    dyad: Some(["prk".into(), "RUS".into()]),
                    ..q()
                },
                &["k6", "k3"],
            ),
            (
                "dyad of an actor code and a country",
                EventQuery {
                    dyad: Some(["PRK".into(), "CHNGOV".into()]),
                    ..q()
                },
                &["k5"],
            ),
            (
                "dyad and code",
                EventQuery {
                    dyad: Some(["RUS".into(), "PRK".into()]),
                    code_prefix: s("04"),
                    ..q()
                },
                &["k6"],
            ),
            (
                "text, every word",
                EventQuery {
                    text: s("Story k3"),
                    ..q()
                },
                &["k3"],
            ),
            (
                "text, stems and a prefix",
                EventQuery {
                    text: s("official meets k"),
                    ..q()
                },
                &[],
            ),
            (
                "text, a prefix",
                EventQuery {
                    text: s("offici* K5"),
                    ..q()
                },
                &["k5"],
            ),
            (
                "text, operators are words",
                EventQuery {
                    text: s("officials\" -from both) side*"),
                    ..q()
                },
                &["k6", "k5", "k1", "k2", "k3", "k7", "k4"],
            ),
            (
                "text and dyad",
                EventQuery {
                    text: s("both sides"),
                    dyad: Some(["USA".into(), "PRK".into()]),
                    ..q()
                },
                &["k4"],
            ),
            (
                "text absent from every sentence",
                EventQuery {
                    text: s("Pyongyang"),
                    ..q()
                },
                &[],
            ),
        ];
        for (name, query, want) in cases {
            let got: Vec<String> = store
                .events(&query)
                .unwrap()
                .into_iter()
                .map(|e| e.id.trim_start_matches("ev-").to_string())
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn invalid_queries_are_errors() {
        let store = store();
        let s = |s: &str| Some(s.to_string());
        let cases = [
            EventQuery {
                code_prefix: s("4a"),
                ..q()
            },
            EventQuery {
                code_prefix: s("04211"),
                ..q()
            },
            EventQuery {
                code_prefix: s("04%"),
                ..q()
            },
            EventQuery {
                since: Some(date(2024, 3, 5)),
                until: Some(date(2024, 3, 4)),
                ..q()
            },
            EventQuery {
                text: s(" -- ** \" "),
                ..q()
            },
            EventQuery {
                claimant: s(" 42 %"),
                ..q()
            },
            EventQuery {
                claimant: s(&"Zakharova ".repeat(11)),
                ..q()
            },
            EventQuery {
                claimant: s("Maria\tZakharova"),
                ..q()
            },
        ];
        for query in cases {
            assert!(
                matches!(store.events(&query), Err(StoreError::InvalidQuery(_))),
                "{query:?}"
            );
        }
    }

    /// Issue 5: events carry the distinct speakers of their mentions, stored and read back,
    /// and filter by any of their code, country, name, surname or words.
    #[test]
    fn claimants_round_trip_and_filter() {
        let doc = |id: &str| {
            document(
                id,
                "wire",
                Some(date(2024, 6, 1)),
                &format!("MOSCOW (Wire) -- Story {id}: Choe will meet Lavrov, officials said."),
            )
        };
        let speaker =
            |name: Option<&str>, text: &str, country: Option<&str>, code: Option<&str>| {
                Some(Actor {
                    text: Some(text.into()),
                    name: name.map(Into::into),
                    title: None,
                    country: country.map(|c| CountryCode::parse(c).unwrap()),
                    code: code.map(|c| ActorCode::parse(c).unwrap()),
                })
            };
        let zakharova = speaker(
            Some("Maria Zakharova"),
            "spokeswoman Maria Zakharova",
            Some("RUS"),
            Some("RUSGOV"),
        );
        let media = speaker(None, "state media", None, None);
        let kcna = speaker(Some("KCNA"), "KCNA", Some("PRK"), Some("PRKMED"));
        // key -> the claimants of its reports, one report (and document) each.
        let specs: [(&str, Vec<Option<Actor>>); 3] = [
            ("k1", vec![zakharova.clone(), media.clone(), zakharova]),
            ("k2", vec![kcna, None]),
            ("k3", vec![None]),
        ];
        let mut batch: Vec<(Document, Vec<Report>)> = Vec::new();
        for (key, claimants) in &specs {
            for (i, claimant) in claimants.iter().enumerate() {
                let d = doc(&format!("{key}-{i}"));
                let mut r = report(
                    &d,
                    key,
                    "036",
                    Modality::Planned,
                    actor("PRK", None),
                    actor("RUS", None),
                    Some(DateValue::day(date(2024, 6, 3))),
                    0,
                    10,
                );
                r.evidence.claimant = claimant.clone();
                batch.push((d, vec![r]));
            }
        }
        let mut store = Store::open_in_memory().unwrap();
        store.put_batch(&batch, &fold).unwrap();

        let labels = |id: &str| -> Vec<(String, usize)> {
            let event = store.event(id).unwrap().unwrap();
            event
                .claimants
                .iter()
                .map(|c| (c.label(), c.mentions))
                .collect()
        };
        let owned = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|&(l, n)| (l.to_string(), n)).collect()
        };
        assert_eq!(
            labels("ev-k1"),
            owned(&[("RUSGOV:Maria Zakharova", 2), ("state media", 1)])
        );
        assert_eq!(labels("ev-k2"), owned(&[("PRKMED:KCNA", 1)]));
        assert!(labels("ev-k3").is_empty());

        let filtered = |value: &str| -> Vec<String> {
            let query = EventQuery {
                claimant: Some(value.into()),
                ..q()
            };
            store
                .events(&query)
                .unwrap()
                .into_iter()
                .map(|e| e.id)
                .collect()
        };
        let cases: [(&str, &[&str]); 11] = [
            ("RUSGOV", &["ev-k1"]),
            ("rus", &["ev-k1"]),
            ("PRK", &["ev-k2"]),
            ("Maria Zakharova", &["ev-k1"]),
            ("zakharova", &["ev-k1"]),
            (" Zakharova ", &["ev-k1"]),
            ("State Media", &["ev-k1"]),
            ("media", &["ev-k1"]),
            ("kcna", &["ev-k2"]),
            // Parts of a word are not names; LIKE wildcards are characters.
            ("akharova", &[]),
            ("% media", &[]),
        ];
        for (value, expected) in cases {
            assert_eq!(filtered(value), expected, "claimant {value:?}");
        }
    }

    #[test]
    fn events_come_back_whole() {
        let store = store();
        let k5 = store.event("ev-k5").unwrap().unwrap();
        assert_eq!(k5, fold_one("k5", &store.reports("k5").unwrap()));
        assert_eq!(k5.date.as_deref(), Some("2024-02-28"));
        assert_eq!(k5.date_end.as_deref(), Some("2024-03-02"));
        assert_eq!(k5.source.code.as_ref().map(|c| c.as_str()), Some("CHNGOV"));
        assert_eq!(store.event("ev-k9").unwrap(), None);
        assert!(store.reports("k9").unwrap().is_empty());
    }

    #[test]
    fn documents_come_back_with_their_metadata() {
        let mut doc = document(
            "wire-0229-07",
            "wire",
            Some(date(2024, 2, 29)),
            "BEIJING, Feb. 29 (Wire) -- The delegation was received at the airport.",
        );
        doc.title = Some("Delegation arrives in Beijing".into());
        doc.byline = Some("By a staff reporter".into());
        doc.dateline = Some(attache_model::Dateline {
            span: attache_model::Span::new(0, 26),
            city: "BEIJING".into(),
            date: Some("Feb. 29".into()),
            agency: Some("Wire".into()),
        });
        let mut store = Store::open_in_memory().unwrap();
        store.put_batch(&[(doc.clone(), vec![])], &fold).unwrap();
        let got = store.document("wire-0229-07").unwrap().unwrap();
        let want = StoredDocument {
            id: doc.id.clone(),
            origin: doc.origin.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            published: Some(date(2024, 2, 29)),
            published_precision: Precision::Day,
            source: Some("wire".into()),
            dateline: Some("BEIJING, Feb. 29 (Wire) --".into()),
            byline: doc.byline.clone(),
            content_hash: doc.content_hash.clone(),
            text: doc.text.clone(),
            ingested_at: got.ingested_at.clone(),
        };
        assert_eq!(got, want);
        assert!(
            got.ingested_at.parse::<jiff::Timestamp>().is_ok(),
            "{}",
            got.ingested_at
        );
        assert_eq!(store.document("wire-0229-08").unwrap(), None);
    }

    #[test]
    fn stats_count_outlets_once() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.stats().unwrap(), Stats::default());
        let day = Some(date(2024, 3, 4));
        let batch: Vec<_> = [("a", "wire"), ("b", "wire"), ("c", "post")]
            .into_iter()
            .map(|(id, outlet)| {
                let body = format!("HANOI (Wire) -- Story {id} about the visit.");
                (document(id, outlet, day, &body), vec![])
            })
            .collect();
        store.put_batch(&batch, &fold).unwrap();
        let want = Stats {
            documents: 3,
            reports: 0,
            events: 0,
            outlets: 2,
        };
        assert_eq!(store.stats().unwrap(), want);
    }
}
