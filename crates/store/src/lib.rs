//! The store: documents, the reports coded from them, and the events merged from those
//! reports, kept in SQLite. It knows no NLP: merging is the caller's `fold`, handed to
//! [`Store::put_batch`], and the store only decides *which* reports to fold (all stored reports
//! of each merge key a batch touched) and keeps the events it returns in place of the key's
//! previous ones.
//!
//! * [`Store::open`] refuses any file that is not an attache store, never modifying it, and
//!   runs schema migrations forward (`PRAGMA user_version`; see docs/SCHEMA.md).
//! * [`Store::put_batch`] writes a batch in one transaction; a document already stored (same id
//!   or same content hash) is skipped, so re-running a batch changes nothing.
//! * [`Store::events`] answers [`EventQuery`]s, ordered by date then id; [`Store::events_page`],
//!   [`Store::timeline`], [`Store::dyads`] and [`Store::actors`] page and count them for browsing.
//! * [`Store::link_near_duplicates`] keeps documents' signatures (computed by the caller) and
//!   links near-duplicate documents; [`Store::duplicates`] reads the links.
//!
//! ```
//! use attache_model::*;
//! use attache_store::{EventQuery, Store};
//! use jiff::civil::date;
//!
//! let text = "Vietnam hosts Indonesian minister\n\nHANOI, March 4 (Wire) -- Indonesia's \
//!             foreign minister arrived in Hanoi on Monday for a two-day official visit.";
//! # let doc = Document {
//! #     id: "wire-0304-01".into(), origin: "feeds/wire.jsonl:1".into(), url: None,
//! #     title: Some("Vietnam hosts Indonesian minister".into()),
//! #     published: Some(date(2024, 3, 4)), published_precision: Precision::Day,
//! #     published_from: Some(MetaSource::Input), dateline: None, byline: None,
//! #     source: Some("Wire".into()), text: text.into(), offsets: OffsetMap::default(),
//! #     sentences: vec![], tokens: vec![], content_hash: "5f1c0a".into(), warnings: vec![],
//! # };
//! # let country = |c| Actor { country: Some(CountryCode::parse(c).unwrap()), ..Actor::default() };
//! # let report = Report {
//! #     key: "042|IDN|VNM|2024-03-04".into(), code: CameoCode::parse("042").unwrap(),
//! #     modality: Modality::Actual, source: country("IDN"), target: country("VNM"),
//! #     location: None, date: Some(DateValue::day(date(2024, 3, 4))),
//! #     date_basis: DateBasis::Relative, date_vague: None, duration: None,
//! #     evidence: Evidence {
//! #         document: doc.id.as_str().into(), title: doc.title.as_deref().map(Into::into),
//! #         outlet: doc.source.as_deref().map(Into::into),
//! #         published: doc.published, sentence: 1, start: 89, end: 96,
//! #         text: text[35..].into(), sentence_start: 35, sentence_end: text.len(),
//! #         trigger: "arrived".into(), rule: "visit.arrive-in".into(), coder: "visits/0.1".into(),
//! #         code: CameoCode::parse("042").unwrap(), modality: Modality::Actual, confidence: 0.9,
//! #         claimant: None,
//! #     },
//! # };
//! // A document and the reports coded from it (built by the earlier stages).
//! let batch = vec![(doc, vec![report])];
//!
//! // The merge crate's fold turns all reports of a key into its events (one per cluster of
//! // date-compatible reports); a stand-in here.
//! let fold = |key: &str, reports: &[Report]| {
//!     let r = &reports[0];
//!     vec![Event {
//!         id: format!("ev-{key}"), code: r.code.clone(), root: r.code.root().into(),
//!         label: "Make a visit".into(), plover: None, modality: r.modality,
//!         date: r.date.map(|d| d.start_iso()), date_end: None,
//!         date_precision: Precision::Day, date_basis: Some(r.date_basis), date_vague: None,
//!         duration: None,
//!         source: r.source.clone(), target: r.target.clone(), location: None, claimants: vec![],
//!         mentions: reports.iter().map(|r| r.evidence.clone()).collect(),
//!         documents: vec![r.evidence.document.to_string()], outlets: vec!["Wire".into()],
//!         related: vec![], date_value: r.date,
//!     }]
//! };
//!
//! let mut store = Store::open_in_memory()?;
//! let outcome = store.put_batch(&batch, &fold)?;
//! assert_eq!(outcome.inserted, ["wire-0304-01"]);
//! // The same batch again is recognised and changes nothing.
//! assert_eq!(store.put_batch(&batch, &fold)?.unchanged.len(), 1);
//!
//! let visits = store.events(&EventQuery {
//!     actor: Some("VNM".into()),
//!     code_prefix: Some("04".into()),
//!     since: Some(date(2024, 3, 1)),
//!     ..EventQuery::default()
//! })?;
//! assert_eq!(visits.len(), 1);
//! assert_eq!(visits[0].date.as_deref(), Some("2024-03-04"));
//! # Ok::<(), attache_store::StoreError>(())
//! ```

#![warn(missing_docs)]

mod batch;
mod browse;
mod duplicates;
mod error;
mod open;
mod query;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use batch::BatchOutcome;
pub use browse::{
    ActorCount, Browse, DocumentReport, DyadCount, EventOrder, Granularity, PeriodCount,
};
pub use duplicates::{DocumentSignature, Duplicate};
pub use error::StoreError;
pub use open::{APPLICATION_ID, SCHEMA_VERSION};
pub use query::{EventQuery, Stats, StoredDocument};

/// An attache store: one SQLite database (a file in WAL mode, or in memory).
///
/// One `Store` is one connection; reads and writes through it are serialised by `&mut self`
/// on writes. Other processes may open the same file to read while a batch is written.
pub struct Store {
    conn: Connection,
    /// The database file, or `:memory:`; named in every error.
    path: PathBuf,
}

impl Store {
    /// The database file this store was opened from (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Wrap a SQLite error with the database path and what the store was doing.
fn sqlite<'a>(path: &'a Path, what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + 'a {
    move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        what,
        source,
    }
}

/// SQLite integers are i64; offsets and counts never come near its limit.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Documents, reports and a trivial fold, built by hand, for the tests of every module.
#[cfg(test)]
mod fixtures {
    use attache_model::*;
    use jiff::civil::Date;

    /// The time columns of every stored event, "id date_end date_precision date_vague
    /// duration" with "-" for NULL, by id.
    pub fn time_columns(store: &crate::Store) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT id || ' ' || coalesce(date_end, '-') || ' ' || date_precision || ' '
                     || coalesce(date_vague, '-') || ' ' || coalesce(duration, '-')
                 FROM events ORDER BY id",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    }

    /// A wire story: "<PLACE>, <date> (<outlet>) -- <body>". The content hash is the id of the
    /// text, so two documents with the same text have the same hash, as in the text stage.
    pub fn document(id: &str, outlet: &str, published: Option<Date>, body: &str) -> Document {
        let text = format!("{body}\n\nThe ministry gave no further details.");
        Document {
            id: id.into(),
            origin: format!("feeds/{outlet}.jsonl"),
            url: Some(format!("https://{outlet}.example/{id}")),
            title: None,
            published,
            published_precision: if published.is_some() {
                Precision::Day
            } else {
                Precision::Unknown
            },
            published_from: published.map(|_| MetaSource::Input),
            dateline: None,
            byline: None,
            source: Some(outlet.into()),
            content_hash: format!("{:016x}", fnv(&text)),
            text,
            offsets: OffsetMap::default(),
            sentences: vec![],
            tokens: vec![],
            warnings: vec![],
        }
    }

    fn fnv(s: &str) -> u64 {
        s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    pub fn actor(country: &str, code: Option<&str>) -> Actor {
        Actor {
            country: Some(CountryCode::parse(country).unwrap()),
            code: code.map(|c| ActorCode::parse(c).unwrap()),
            ..Actor::default()
        }
    }

    /// A report from sentence `sentence` of `doc`, trigger at `start`.
    #[allow(clippy::too_many_arguments)]
    pub fn report(
        doc: &Document,
        key: &str,
        code: &str,
        modality: Modality,
        source: Actor,
        target: Actor,
        date: Option<DateValue>,
        sentence: usize,
        start: usize,
    ) -> Report {
        let code = CameoCode::parse(code).unwrap();
        // The evidence quotes its sentence; here the first paragraph stands in for it.
        let sentence_text = doc.text.split("\n\n").next().unwrap_or_default();
        Report {
            key: key.into(),
            code: code.clone(),
            modality,
            source,
            target,
            location: None,
            date,
            date_basis: DateBasis::Relative,
            date_vague: None,
            duration: None,
            evidence: Evidence {
                document: doc.id.as_str().into(),
                title: doc.title.as_deref().map(Into::into),
                outlet: doc.source.as_deref().map(Into::into),
                published: doc.published,
                sentence,
                start,
                end: start + 7,
                text: sentence_text.into(),
                sentence_start: 0,
                sentence_end: sentence_text.len(),
                trigger: "arrived".into(),
                rule: "visit.arrive-in".into(),
                coder: "visits/0.1".into(),
                code,
                modality,
                confidence: 0.8,
                claimant: None,
            },
        }
    }

    /// [`fold_one`] as the store wants it: the events of a key.
    pub fn fold(key: &str, reports: &[Report]) -> Vec<Event> {
        vec![fold_one(key, reports)]
    }

    /// The smallest honest fold: the first report's fields, every report's evidence, the
    /// union of their dates, distinct documents and outlets; id from the key.
    pub fn fold_one(key: &str, reports: &[Report]) -> Event {
        let first = &reports[0];
        let dates: Vec<DateValue> = reports.iter().filter_map(|r| r.date).collect();
        let date_value = (!dates.is_empty()).then(|| DateValue {
            first: dates.iter().map(|d| d.first).min().unwrap(),
            last: dates.iter().map(|d| d.last).max().unwrap(),
            precision: dates[0].precision,
        });
        let mut documents: Vec<String> = reports
            .iter()
            .map(|r| r.evidence.document.to_string())
            .collect();
        documents.dedup();
        let mut outlets: Vec<String> = reports
            .iter()
            .filter_map(|r| r.evidence.outlet.as_deref().map(str::to_string))
            .collect();
        outlets.sort();
        outlets.dedup();
        let mentions: Vec<_> = reports.iter().map(|r| r.evidence.clone()).collect();
        Event {
            id: format!("ev-{key}"),
            code: first.code.clone(),
            root: first.code.root().into(),
            label: "test".into(),
            plover: None,
            modality: first.modality,
            date: date_value.map(|d| d.start_iso()),
            date_end: date_value.and_then(|d| d.end_iso()),
            date_precision: date_value.map_or(Precision::Unknown, |d| d.precision),
            date_basis: Some(first.date_basis),
            date_vague: first.date_vague,
            duration: first.duration.map(|d| d.iso()),
            source: first.source.clone(),
            target: first.target.clone(),
            location: None,
            claimants: attache_model::Claimant::of(&mentions),
            mentions,
            documents,
            outlets,
            related: vec![],
            date_value,
        }
    }
}
