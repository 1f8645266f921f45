//! Reading for browsing: pages of events, their count, and the counts behind a timeline, a
//! table of dyads and a list of the most active countries. Every function takes the same
//! [`Browse`] filters (those of [`Store::events`], and a dyad in both directions), so a chart
//! and the list beside it agree.

use attache_model::{Event, Report};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use crate::{sqlite, EventQuery, Store, StoreError};

/// The filters of the browsing queries: an [`EventQuery`], its `limit` ignored (pages have
/// their own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Browse {
    /// The filters of [`Store::events`].
    pub query: EventQuery,
}

impl From<EventQuery> for Browse {
    fn from(query: EventQuery) -> Browse {
        Browse { query }
    }
}

/// Which way a page of events is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EventOrder {
    /// Oldest first (by first possible day, then id), unknown dates last: the order of
    /// [`Store::events`].
    #[default]
    OldestFirst,
    /// Newest first (by last possible day, then id, both descending), unknown dates last.
    NewestFirst,
}

/// The calendar unit of a timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// `2024-03-04`.
    Day,
    /// The Monday that starts the week, `2024-03-04`.
    Week,
    /// `2024-03`.
    Month,
    /// `2024`.
    Year,
}

impl Granularity {
    /// The SQL expression naming the bucket of an event, from its first possible day. An event
    /// known only to a month or a year falls in the bucket of its first day.
    fn sql(self) -> &'static str {
        match self {
            Granularity::Day => "e.date_first",
            // Back six days, then forward to the next Monday: the Monday on or before the day.
            Granularity::Week => "date(e.date_first, '-6 days', 'weekday 1')",
            Granularity::Month => "substr(e.date_first, 1, 7)",
            Granularity::Year => "substr(e.date_first, 1, 4)",
        }
    }
}

/// How many events of one CAMEO root fall in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodCount {
    /// The bucket, written as [`Granularity`] says.
    pub period: String,
    /// The two-digit CAMEO root ("04").
    pub root: String,
    /// Matching events.
    pub events: u64,
}

/// How many events of one CAMEO root went from one country to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DyadCount {
    /// The source country (ISO 3166 alpha-3).
    pub source: String,
    /// The target country.
    pub target: String,
    /// The two-digit CAMEO root.
    pub root: String,
    /// Matching events.
    pub events: u64,
}

/// How often a country appears in the matching events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    /// ISO 3166 alpha-3.
    pub country: String,
    /// Events with the country on either side (an event with it on both counts once).
    pub events: u64,
    /// Events with the country as the source.
    pub as_source: u64,
    /// Events with the country as the target.
    pub as_target: u64,
}

/// A report stored from a document, with the id of the event its merge key folded into.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentReport {
    /// The event this report is evidence for; `None` only in a store being written.
    pub event_id: Option<String>,
    /// The report, with its trigger offsets into the document's clean text.
    pub report: Report,
}

impl Store {
    /// One page of the events matching `q`: at most `limit` events after skipping `offset`, in
    /// `order`. `q.limit` is ignored.
    pub fn events_page(
        &self,
        q: &Browse,
        order: EventOrder,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Event>, StoreError> {
        let (filter, mut args) = filter_sql(q)?;
        let order = match order {
            EventOrder::OldestFirst => "e.date_first IS NULL, e.date_first, e.id",
            EventOrder::NewestFirst => "e.date_last IS NULL, e.date_last DESC, e.id DESC",
        };
        let sql = format!(
            "WITH f AS ({filter}) SELECT e.id, e.json FROM events e JOIN f ON f.id = e.id
             ORDER BY {order} LIMIT ? OFFSET ?"
        );
        args.push(Value::Integer(crate::int(limit)));
        args.push(Value::Integer(crate::int(offset)));
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(sqlite(&self.path, "preparing an event page"))?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(sqlite(&self.path, "querying an event page"))?;
        let mut events = Vec::new();
        for row in rows {
            let (id, json) = row.map_err(sqlite(&self.path, "querying an event page"))?;
            events.push(
                serde_json::from_str(&json).map_err(|source| StoreError::Json {
                    path: self.path.clone(),
                    what: "event",
                    id,
                    source,
                })?,
            );
        }
        Ok(events)
    }

    /// How many events match `q` (ignoring `q.limit`).
    pub fn count_events(&self, q: &Browse) -> Result<u64, StoreError> {
        let (filter, args) = filter_sql(q)?;
        self.conn
            .prepare_cached(&format!("WITH f AS ({filter}) SELECT count(*) FROM f"))
            .and_then(|mut s| s.query_row(params_from_iter(args), |r| r.get::<_, i64>(0)))
            .map(|n| n.max(0) as u64)
            .map_err(sqlite(&self.path, "counting events"))
    }

    /// Matching events counted per period and root, oldest period first. Events with an
    /// unknown date have no period and are left out.
    pub fn timeline(
        &self,
        q: &Browse,
        granularity: Granularity,
    ) -> Result<Vec<PeriodCount>, StoreError> {
        let (filter, args) = filter_sql(q)?;
        let bucket = granularity.sql();
        let sql = format!(
            "WITH f AS ({filter})
             SELECT {bucket} AS period, e.root, count(*) FROM events e JOIN f ON f.id = e.id
             WHERE e.date_first IS NOT NULL GROUP BY period, e.root ORDER BY period, e.root"
        );
        self.counts(&sql, args, "counting events per period", |r| {
            Ok(PeriodCount {
                period: r.get(0)?,
                root: r.get(1)?,
                events: count(r.get(2)?),
            })
        })
    }

    /// Matching events counted per (source country, target country, root), for events whose
    /// two sides are both countries; ordered by source, target, root.
    pub fn dyads(&self, q: &Browse) -> Result<Vec<DyadCount>, StoreError> {
        let (filter, args) = filter_sql(q)?;
        let sql = format!(
            "WITH f AS ({filter})
             SELECT e.source_country, e.target_country, e.root, count(*)
             FROM events e JOIN f ON f.id = e.id
             WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        );
        self.counts(&sql, args, "counting events per dyad", |r| {
            Ok(DyadCount {
                source: r.get(0)?,
                target: r.get(1)?,
                root: r.get(2)?,
                events: count(r.get(3)?),
            })
        })
    }

    /// The `limit` countries that appear in most matching events, most first, then by code.
    pub fn actors(&self, q: &Browse, limit: usize) -> Result<Vec<ActorCount>, StoreError> {
        let (filter, mut args) = filter_sql(q)?;
        let sql = format!(
            "WITH f AS ({filter}),
             sides AS (
                 SELECT e.id, e.source_country AS country, 1 AS s, 0 AS t
                 FROM events e JOIN f ON f.id = e.id
                 UNION ALL
                 SELECT e.id, e.target_country, 0, 1 FROM events e JOIN f ON f.id = e.id
             )
             SELECT country, count(DISTINCT id) AS n, sum(s), sum(t) FROM sides
             WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC, country LIMIT ?"
        );
        args.push(Value::Integer(crate::int(limit)));
        self.counts(&sql, args, "counting events per country", |r| {
            Ok(ActorCount {
                country: r.get(0)?,
                events: count(r.get(1)?),
                as_source: count(r.get(2)?),
                as_target: count(r.get(3)?),
            })
        })
    }

    /// The reports coded from one document, in text order, each with its event's id: the
    /// spans to highlight when the document is shown.
    pub fn document_reports(&self, document_id: &str) -> Result<Vec<DocumentReport>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                r#"SELECT e.id, r.json FROM reports r LEFT JOIN events e ON e.key = r.key
                   WHERE r.document_id = ?1 ORDER BY r.start, r."end", r.id"#,
            )
            .map_err(sqlite(&self.path, "preparing the reports of a document"))?;
        let rows = stmt
            .query_map([document_id], |r| {
                Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(sqlite(&self.path, "loading the reports of a document"))?;
        let mut out = Vec::new();
        for row in rows {
            let (event_id, json) =
                row.map_err(sqlite(&self.path, "loading the reports of a document"))?;
            let report = serde_json::from_str(&json).map_err(|source| StoreError::Json {
                path: self.path.clone(),
                what: "report of document",
                id: document_id.to_string(),
                source,
            })?;
            out.push(DocumentReport { event_id, report });
        }
        Ok(out)
    }

    fn counts<T>(
        &self,
        sql: &str,
        args: Vec<Value>,
        what: &'static str,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(sqlite(&self.path, what))?;
        let rows = stmt
            .query_map(params_from_iter(args), row)
            .map_err(sqlite(&self.path, what))?;
        rows.collect::<Result<Vec<T>, _>>()
            .map_err(sqlite(&self.path, what))
    }
}

/// The SQL selecting the ids of the events matching `q`, without a limit.
fn filter_sql(q: &Browse) -> Result<(String, Vec<Value>), StoreError> {
    EventQuery {
        limit: None,
        ..q.query.clone()
    }
    .to_sql()
}

fn count(n: i64) -> u64 {
    n.max(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{actor, document, fold, report};
    use attache_model::{DateValue, Modality};
    use jiff::civil::date;

    /// Five visits between four countries, one talk, one undated visit:
    /// (key, code, source, target, date).
    fn store() -> Store {
        let day = |y, m, d| Some(DateValue::day(date(y, m, d)));
        let specs = [
            ("v1", "042", "PRK", "RUS", day(2019, 3, 11)),
            ("v2", "043", "RUS", "PRK", day(2019, 3, 14)),
            ("v3", "042", "PRK", "RUS", day(2019, 7, 22)),
            ("v4", "042", "VNM", "IDN", day(2024, 3, 4)),
            ("v5", "042", "IDN", "VNM", DateValue::month(2024, 5)),
            ("t1", "036", "PRK", "CHN", day(2019, 3, 12)),
            ("u1", "042", "CHN", "PRK", None),
        ];
        let batch: Vec<_> = specs
            .iter()
            .map(|&(key, code, src, tgt, when)| {
                let body = format!("MOSCOW (Wire) -- Story {key}: the delegation arrived today.");
                let doc = document(&format!("doc-{key}"), "wire", Some(date(2024, 6, 1)), &body);
                let r = report(
                    &doc,
                    key,
                    code,
                    Modality::Actual,
                    actor(src, None),
                    actor(tgt, None),
                    when,
                    0,
                    30,
                );
                (doc, vec![r])
            })
            .collect();
        let mut store = Store::open_in_memory().unwrap();
        store.put_batch(&batch, &fold).unwrap();
        store
    }

    fn ids(events: Vec<Event>) -> Vec<String> {
        events
            .into_iter()
            .map(|e| e.id.trim_start_matches("ev-").to_string())
            .collect()
    }

    #[test]
    fn pages_split_the_ordered_list() {
        let store = store();
        let all = Browse::default();
        let prk = Browse::from(EventQuery {
            actor: Some("PRK".into()),
            ..EventQuery::default()
        });
        let both_ways = Browse::from(EventQuery {
            dyad: Some(["rus".into(), "PRK".into()]),
            ..EventQuery::default()
        });
        let both_ways_visits = Browse::from(EventQuery {
            code_prefix: Some("042".into()),
            ..both_ways.query.clone()
        });
        let cases: Vec<(&Browse, EventOrder, usize, usize, &[&str])> = vec![
            (&all, EventOrder::OldestFirst, 0, 3, &["v1", "t1", "v2"]),
            (&all, EventOrder::OldestFirst, 3, 3, &["v3", "v4", "v5"]),
            (&all, EventOrder::OldestFirst, 6, 3, &["u1"]),
            (&all, EventOrder::OldestFirst, 9, 3, &[]),
            (&all, EventOrder::NewestFirst, 0, 2, &["v5", "v4"]),
            (&all, EventOrder::NewestFirst, 5, 5, &["v1", "u1"]),
            (
                &prk,
                EventOrder::OldestFirst,
                1,
                10,
                &["t1", "v2", "v3", "u1"],
            ),
            (
                &both_ways,
                EventOrder::OldestFirst,
                0,
                10,
                &["v1", "v2", "v3"],
            ),
            (
                &both_ways_visits,
                EventOrder::OldestFirst,
                0,
                10,
                &["v1", "v3"],
            ),
        ];
        for (q, order, offset, limit, want) in cases {
            let got = ids(store.events_page(q, order, offset, limit).unwrap());
            assert_eq!(got, want, "{order:?} {offset} {limit} {q:?}");
        }
        assert_eq!(store.count_events(&all).unwrap(), 7);
        assert_eq!(store.count_events(&prk).unwrap(), 5);
        assert_eq!(store.count_events(&both_ways).unwrap(), 3);
    }

    #[test]
    fn timeline_buckets() {
        let store = store();
        let visits = EventQuery {
            code_prefix: Some("04".into()),
            ..EventQuery::default()
        };
        let row = |p: &str, root: &str, n| PeriodCount {
            period: p.into(),
            root: root.into(),
            events: n,
        };
        let cases = [
            (
                Granularity::Year,
                EventQuery::default(),
                vec![
                    row("2019", "03", 1),
                    row("2019", "04", 3),
                    row("2024", "04", 2),
                ],
            ),
            (
                Granularity::Month,
                visits.clone(),
                vec![
                    row("2019-03", "04", 2),
                    row("2019-07", "04", 1),
                    row("2024-03", "04", 1),
                    row("2024-05", "04", 1),
                ],
            ),
            // 2019-03-11 was a Monday, 2019-03-14 the Thursday of the same week.
            (
                Granularity::Week,
                EventQuery {
                    until: Some(date(2019, 3, 31)),
                    ..visits.clone()
                },
                vec![row("2019-03-11", "04", 2)],
            ),
            (
                Granularity::Day,
                EventQuery {
                    source: Some("IDN".into()),
                    ..visits
                },
                vec![row("2024-05-01", "04", 1)],
            ),
        ];
        for (granularity, q, want) in cases {
            assert_eq!(
                store.timeline(&Browse::from(q), granularity).unwrap(),
                want,
                "{granularity:?}"
            );
        }
    }

    #[test]
    fn dyads_and_actors() {
        let store = store();
        let visits = EventQuery {
            code_prefix: Some("042".into()),
            ..EventQuery::default()
        };
        let dyad = |s: &str, t: &str, n| DyadCount {
            source: s.into(),
            target: t.into(),
            root: "04".into(),
            events: n,
        };
        assert_eq!(
            store.dyads(&Browse::from(visits)).unwrap(),
            [
                dyad("CHN", "PRK", 1),
                dyad("IDN", "VNM", 1),
                dyad("PRK", "RUS", 2),
                dyad("VNM", "IDN", 1)
            ]
        );
        let got = store.actors(&Browse::default(), 2).unwrap();
        let want = [
            ActorCount {
                country: "PRK".into(),
                events: 5,
                as_source: 3,
                as_target: 2,
            },
            ActorCount {
                country: "RUS".into(),
                events: 3,
                as_source: 1,
                as_target: 2,
            },
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn document_reports_name_their_event() {
        let store = store();
        let got = store.document_reports("doc-v2").unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].event_id.as_deref(), Some("ev-v2"));
        assert_eq!(got[0].report.evidence.start, 30);
        assert!(store.document_reports("doc-none").unwrap().is_empty());
    }
}
