//! Writing: documents and their reports in one transaction, then re-folding touched events.

use std::collections::BTreeSet;

use attache_model::{DateValue, Document, Event, Report};
use jiff::civil::Date;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::{int, sqlite, Store, StoreError};

/// What [`Store::put_batch`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Ids of the documents stored, in batch order.
    pub inserted: Vec<String>,
    /// Documents skipped, in batch order, with the reason
    /// ("already stored", "already stored with different content", "same content as document
    /// X").
    pub unchanged: Vec<(String, String)>,
    /// How many merge keys (buckets) were re-merged into events.
    pub events_touched: usize,
}

impl Store {
    /// Store a batch of documents with their reports, and refresh the events they touch.
    ///
    /// Everything happens in one transaction, so a crash or an error loses the whole batch and
    /// never half of it, and a committed batch is never lost.
    ///
    /// For each `(document, reports)`: if a document with the same id or the same
    /// `content_hash` is already stored (or earlier in this batch), it is skipped and listed in
    /// [`BatchOutcome::unchanged`] with the reason; otherwise the document and its reports are
    /// inserted. Then, for every merge key of an inserted report, all stored reports of that
    /// key (ordered by document id, sentence, start, end) are passed to `fold`, and the events
    /// it returns (one per cluster of the key's reports; none is allowed) replace all of the
    /// key's previous events (whatever their ids were).
    ///
    /// A report whose `evidence.document` is not its document's id is a caller bug and fails
    /// the batch with [`StoreError::ReportDocument`]; an event id already used by another
    /// event (of another key, or twice in one fold) fails it with
    /// [`StoreError::EventIdConflict`].
    pub fn put_batch(
        &mut self,
        batch: &[(Document, Vec<Report>)],
        fold: &dyn Fn(&str, &[Report]) -> Vec<Event>,
    ) -> Result<BatchOutcome, StoreError> {
        for (doc, reports) in batch {
            if let Some((index, r)) = reports
                .iter()
                .enumerate()
                .find(|(_, r)| *r.evidence.document != *doc.id)
            {
                return Err(StoreError::ReportDocument {
                    document: doc.id.clone(),
                    index,
                    claimed: r.evidence.document.to_string(),
                });
            }
        }

        // One time for the whole batch: documents stored together say so.
        let ingested_at = jiff::Timestamp::now().to_string();
        let Store { conn, path } = self;
        let path = &*path;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite(path, "starting a batch"))?;
        let mut outcome = BatchOutcome::default();
        let mut keys = BTreeSet::new();
        {
            let mut find = tx
                .prepare_cached(
                    "SELECT id, content_hash = ?2 FROM documents WHERE id = ?1 OR content_hash = ?2
                     ORDER BY id = ?1 DESC LIMIT 1",
                )
                .map_err(sqlite(path, "preparing the document lookup"))?;
            let mut insert_document = tx
                .prepare_cached(
                    "INSERT INTO documents (id, origin, url, title, published,
                         published_precision, source, dateline, byline, content_hash, text,
                         ingested_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .map_err(sqlite(path, "preparing the document insert"))?;
            let mut insert_report = tx
                .prepare_cached(
                    r#"INSERT INTO reports (document_id, key, sentence, start, "end", code,
                         modality, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"#,
                )
                .map_err(sqlite(path, "preparing the report insert"))?;

            for (doc, reports) in batch {
                let existing: Option<(String, bool)> = find
                    .query_row(params![doc.id, doc.content_hash], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()
                    .map_err(sqlite(path, "looking up a document"))?;
                if let Some((existing, same_content)) = existing {
                    // An id stored with other content is usually a re-crawled, edited article:
                    // say so, since the stored version is the one that stays.
                    let reason = match (existing == doc.id, same_content) {
                        (true, true) => "already stored".to_string(),
                        (true, false) => "already stored with different content".to_string(),
                        (false, _) => format!("same content as document {existing}"),
                    };
                    outcome.unchanged.push((doc.id.clone(), reason));
                    continue;
                }
                let dateline = doc.dateline.as_ref().map(|d| {
                    doc.text
                        .get(d.span.start..d.span.end)
                        .unwrap_or(&d.city)
                        .to_string()
                });
                insert_document
                    .execute(params![
                        doc.id,
                        doc.origin,
                        doc.url,
                        doc.title,
                        doc.published.map(|d| d.to_string()),
                        doc.published_precision.as_str(),
                        doc.source,
                        dateline,
                        doc.byline,
                        doc.content_hash,
                        doc.text,
                        ingested_at,
                    ])
                    .map_err(sqlite(path, "inserting a document"))?;
                for report in reports {
                    let json =
                        serde_json::to_string(report).map_err(|source| StoreError::Json {
                            path: path.to_path_buf(),
                            what: "report of document",
                            id: doc.id.clone(),
                            source,
                        })?;
                    let e = &report.evidence;
                    insert_report
                        .execute(params![
                            doc.id,
                            report.key,
                            int(e.sentence),
                            int(e.start),
                            int(e.end),
                            report.code.as_str(),
                            report.modality.as_str(),
                            json,
                        ])
                        .map_err(sqlite(path, "inserting a report"))?;
                    keys.insert(report.key.as_str());
                }
                outcome.inserted.push(doc.id.clone());
            }

            let mut load = tx
                .prepare_cached(
                    r#"SELECT json FROM reports WHERE key = ?1
                       ORDER BY document_id, sentence, start, "end", id"#,
                )
                .map_err(sqlite(path, "preparing the report load"))?;
            let mut delete = tx
                .prepare_cached("DELETE FROM events WHERE key = ?1")
                .map_err(sqlite(path, "preparing the event delete"))?;
            let mut owner = tx
                .prepare_cached("SELECT key FROM events WHERE id = ?1")
                .map_err(sqlite(path, "preparing the event lookup"))?;
            let mut insert_event = tx
                .prepare_cached(
                    "INSERT INTO events (id, key, code, root, modality, source_country,
                         target_country, source_code, target_code, date_first, date_last, date,
                         date_end, date_precision, date_vague, duration,
                         n_mentions, n_documents, n_outlets, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                         ?16, ?17, ?18, ?19, ?20)",
                )
                .map_err(sqlite(path, "preparing the event insert"))?;

            for &key in &keys {
                let rows = load
                    .query_map([key], |r| r.get::<_, String>(0))
                    .map_err(sqlite(path, "loading the reports of a key"))?;
                let mut reports = Vec::new();
                for json in rows {
                    let json = json.map_err(sqlite(path, "loading the reports of a key"))?;
                    reports.push(serde_json::from_str::<Report>(&json).map_err(|source| {
                        StoreError::Json {
                            path: path.to_path_buf(),
                            what: "report of key",
                            id: key.to_string(),
                            source,
                        }
                    })?);
                }
                delete
                    .execute([key])
                    .map_err(sqlite(path, "replacing the events of a key"))?;
                for event in fold(key, &reports) {
                    let other: Option<String> = owner
                        .query_row([&event.id], |r| r.get(0))
                        .optional()
                        .map_err(sqlite(path, "looking up an event id"))?;
                    if let Some(other_key) = other {
                        return Err(StoreError::EventIdConflict {
                            id: event.id,
                            key: key.to_string(),
                            other_key,
                        });
                    }
                    let json =
                        serde_json::to_string(&event).map_err(|source| StoreError::Json {
                            path: path.to_path_buf(),
                            what: "event",
                            id: event.id.clone(),
                            source,
                        })?;
                    let interval = interval(&event);
                    insert_event
                        .execute(params![
                            event.id,
                            key,
                            event.code.as_str(),
                            event.root,
                            event.modality.as_str(),
                            event.source.country.as_ref().map(|c| c.as_str()),
                            event.target.country.as_ref().map(|c| c.as_str()),
                            event.source.code.as_ref().map(|c| c.as_str()),
                            event.target.code.as_ref().map(|c| c.as_str()),
                            interval.map(|v| v.first.to_string()),
                            interval.map(|v| v.last.to_string()),
                            event.date,
                            event.date_end,
                            event.date_precision.as_str(),
                            event.date_vague.map(|v| v.as_str()),
                            event.duration,
                            int(event.mentions.len()),
                            int(event.documents.len()),
                            int(event.outlets.len()),
                            json,
                        ])
                        .map_err(sqlite(path, "inserting an event"))?;
                }
            }
            outcome.events_touched = keys.len();
        }
        tx.commit().map_err(sqlite(path, "committing a batch"))?;
        Ok(outcome)
    }
}

/// The days an event may cover: its `date_value`, else read back from its ISO `date` and
/// `date_end` so an event built without the internal interval still filters by date.
fn interval(event: &Event) -> Option<DateValue> {
    if event.date_value.is_some() {
        return event.date_value;
    }
    let first = iso_interval(event.date.as_deref()?)?;
    let last = match event.date_end.as_deref() {
        Some(end) => iso_interval(end)?,
        None => first,
    };
    (first.first <= last.last).then_some(DateValue {
        first: first.first,
        last: last.last,
        precision: first.precision,
    })
}

/// "2024-02-12", "2024-02" or "2024" as the days it covers.
fn iso_interval(s: &str) -> Option<DateValue> {
    let mut parts = s.split('-');
    let year: i16 = parts.next()?.parse().ok()?;
    let month: Option<i8> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<i8> = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() {
        return None;
    }
    match (month, day) {
        (Some(m), Some(d)) => Date::new(year, m, d).ok().map(DateValue::day),
        (Some(m), None) => DateValue::month(year, m),
        (None, _) => DateValue::year(year),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::fixtures::{actor, document, fold, fold_one, report};
    use attache_model::Modality;
    use jiff::civil::date;

    /// Three stories from two outlets; `a` has two reports of key "visit", `c` one more,
    /// `b` one of key "talks".
    fn first_batch() -> Vec<(Document, Vec<Report>)> {
        let day = Some(date(2024, 3, 4));
        let a = document(
            "a",
            "wire",
            day,
            "HANOI, March 4 (Wire) -- Indonesia's foreign minister arrived in Hanoi on Monday.",
        );
        let b = document(
            "b",
            "wire",
            day,
            "JAKARTA, March 4 (Wire) -- Officials said talks on fisheries would resume in May.",
        );
        let c = document(
            "c",
            "post",
            day,
            "Indonesia's top diplomat landed in the Vietnamese capital on Monday, the Post said.",
        );
        let visit = |doc: &Document, sentence, start| {
            let when = Some(DateValue::day(date(2024, 3, 4)));
            let (idn, vnm) = (actor("IDN", None), actor("VNM", None));
            report(
                doc,
                "visit",
                "042",
                Modality::Actual,
                idn,
                vnm,
                when,
                sentence,
                start,
            )
        };
        let talks = report(
            &b,
            "talks",
            "036",
            Modality::Planned,
            actor("IDN", None),
            actor("VNM", None),
            DateValue::month(2024, 5),
            0,
            40,
        );
        vec![
            (c.clone(), vec![visit(&c, 0, 30)]),
            (a.clone(), vec![visit(&a, 1, 3), visit(&a, 0, 55)]),
            (b, vec![talks]),
        ]
    }

    /// Everything a re-run could change, except `ingested_at` which must not change either
    /// when nothing is re-inserted.
    fn contents(store: &Store) -> (crate::Stats, Vec<Event>, Vec<String>) {
        let events = store.events(&crate::EventQuery::default()).unwrap();
        let mut stmt = store
            .conn
            .prepare(
                "SELECT id || '|' || content_hash || '|' || ingested_at FROM documents ORDER BY id",
            )
            .unwrap();
        let docs = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (store.stats().unwrap(), events, docs)
    }

    #[test]
    fn re_putting_a_batch_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let batch = first_batch();
        let first = store.put_batch(&batch, &fold).unwrap();
        assert_eq!(first.inserted, ["c", "a", "b"]);
        assert!(first.unchanged.is_empty());
        assert_eq!(first.events_touched, 2);
        let before = contents(&store);
        assert_eq!(before.0.documents, 3);
        assert_eq!(before.0.reports, 4);
        assert_eq!(before.0.events, 2);
        assert_eq!(before.0.outlets, 2);

        let again = store.put_batch(&batch, &fold).unwrap();
        assert!(again.inserted.is_empty());
        let reasons: Vec<_> = again
            .unchanged
            .iter()
            .map(|(id, r)| (id.as_str(), r.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("c", "already stored"),
                ("a", "already stored"),
                ("b", "already stored")
            ]
        );
        assert_eq!(again.events_touched, 0);
        assert_eq!(contents(&store), before);
    }

    #[test]
    fn documents_already_known_are_skipped_with_a_reason() {
        let day = Some(date(2024, 3, 4));
        let body = "HANOI, March 4 (Wire) -- Indonesia's foreign minister arrived in Hanoi.";
        let other = "SEOUL, March 5 (Wire) -- A delegation left for Ulaanbaatar on Tuesday.";
        let doc = |id, outlet, text| document(id, outlet, day, text);
        // (already stored, batch, ids inserted, (id, reason) skipped)
        type Case<'a> = (
            Vec<Document>,
            Vec<Document>,
            Vec<&'a str>,
            Vec<(&'a str, &'a str)>,
        );
        let cases: Vec<Case> = vec![
            (
                vec![doc("a", "wire", body)],
                vec![doc("a2", "mirror", body)],
                vec![],
                vec![("a2", "same content as document a")],
            ),
            (
                vec![doc("a", "wire", body)],
                vec![doc("a", "wire", other)],
                vec![],
                vec![("a", "already stored with different content")],
            ),
            (
                vec![],
                vec![doc("x", "wire", other), doc("y", "copy", other)],
                vec!["x"],
                vec![("y", "same content as document x")],
            ),
            (
                vec![],
                vec![doc("x", "wire", other), doc("x", "wire", body)],
                vec!["x"],
                vec![("x", "already stored with different content")],
            ),
            (
                vec![doc("a", "wire", body), doc("x", "wire", other)],
                vec![doc("z", "copy", other), doc("z", "copy", body)],
                vec![],
                vec![
                    ("z", "same content as document x"),
                    ("z", "same content as document a"),
                ],
            ),
            (
                vec![doc("a", "wire", body)],
                vec![doc("b", "wire", other)],
                vec!["b"],
                vec![],
            ),
        ];
        for (i, (stored, docs, inserted, skipped)) in cases.into_iter().enumerate() {
            let mut store = Store::open_in_memory().unwrap();
            let stored: Vec<_> = stored.into_iter().map(|d| (d, vec![])).collect();
            store.put_batch(&stored, &fold).unwrap();
            let batch: Vec<_> = docs.into_iter().map(|d| (d, vec![])).collect();
            let out = store.put_batch(&batch, &fold).unwrap();
            assert_eq!(out.inserted, inserted, "case {i}");
            let got: Vec<_> = out
                .unchanged
                .iter()
                .map(|(id, r)| (id.as_str(), r.as_str()))
                .collect();
            assert_eq!(got, skipped, "case {i}");
        }
    }

    #[test]
    fn fold_sees_every_report_of_a_key_across_batches_in_order() {
        // (key, [(document, sentence, start)]) per fold call.
        type Calls = RefCell<Vec<(String, Vec<(String, usize, usize)>)>>;
        let calls: Calls = RefCell::default();
        let logging = |key: &str, reports: &[Report]| {
            let seen = reports
                .iter()
                .map(|r| {
                    (
                        r.evidence.document.to_string(),
                        r.evidence.sentence,
                        r.evidence.start,
                    )
                })
                .collect();
            calls.borrow_mut().push((key.to_string(), seen));
            fold(key, reports)
        };
        let mut store = Store::open_in_memory().unwrap();
        store.put_batch(&first_batch(), &logging).unwrap();
        let seen = |doc: &str, s, start| (doc.to_string(), s, start);
        assert_eq!(
            calls.take(),
            [
                ("talks".to_string(), vec![seen("b", 0, 40)]),
                (
                    "visit".to_string(),
                    vec![seen("a", 0, 55), seen("a", 1, 3), seen("c", 0, 30)]
                ),
            ]
        );

        // A second batch adds one report to "visit" (between a and c by id) and a new key;
        // "talks" is not touched, so it is not folded again.
        let b2 = document(
            "b2",
            "daily",
            Some(date(2024, 3, 5)),
            "HANOI, March 5 (Daily) -- The visiting Indonesian minister met his counterpart.",
        );
        let when = Some(DateValue::day(date(2024, 3, 4)));
        let reports = vec![
            report(
                &b2,
                "visit",
                "042",
                Modality::Actual,
                actor("IDN", None),
                actor("VNM", None),
                when,
                0,
                36,
            ),
            report(
                &b2,
                "meet",
                "040",
                Modality::Actual,
                actor("IDN", None),
                actor("VNM", None),
                when,
                0,
                60,
            ),
        ];
        let out = store.put_batch(&[(b2, reports)], &logging).unwrap();
        assert_eq!(out.events_touched, 2);
        assert_eq!(
            calls.take(),
            [
                ("meet".to_string(), vec![seen("b2", 0, 60)]),
                (
                    "visit".to_string(),
                    vec![
                        seen("a", 0, 55),
                        seen("a", 1, 3),
                        seen("b2", 0, 36),
                        seen("c", 0, 30)
                    ]
                ),
            ]
        );
        let visit = store.event("ev-visit").unwrap().unwrap();
        assert_eq!(visit.mentions.len(), 4);
        assert_eq!(visit.documents, ["a", "b2", "c"]);
        assert_eq!(visit.outlets, ["daily", "post", "wire"]);
        assert_eq!(store.stats().unwrap().events, 3);
        // What is stored is exactly what the fold returned.
        assert_eq!(visit, fold_one("visit", &store.reports("visit").unwrap()));
    }

    #[test]
    fn a_new_event_id_replaces_the_old_row_of_its_key() {
        // An id that changes with the number of reports, as a content-derived id might.
        let counting = |key: &str, reports: &[Report]| {
            let mut e = fold_one(key, reports);
            e.id = format!("{key}-{}", reports.len());
            vec![e]
        };
        let mut store = Store::open_in_memory().unwrap();
        let batch = first_batch();
        store.put_batch(&batch[..1], &counting).unwrap();
        assert!(store.event("visit-1").unwrap().is_some());
        store.put_batch(&batch[1..], &counting).unwrap();
        assert_eq!(store.event("visit-1").unwrap(), None);
        assert_eq!(store.event("visit-3").unwrap().unwrap().mentions.len(), 3);
        assert_eq!(store.stats().unwrap().events, 2);
    }

    #[test]
    fn a_failed_batch_stores_nothing() {
        let mut batch = first_batch();
        // The second document's second report claims to come from the first document.
        batch[1].1[1].evidence.document = "c".into();
        let mut store = Store::open_in_memory().unwrap();
        match store.put_batch(&batch, &fold) {
            Err(StoreError::ReportDocument {
                document,
                index,
                claimed,
            }) => {
                assert_eq!((document.as_str(), index, claimed.as_str()), ("a", 1, "c"))
            }
            other => panic!("expected ReportDocument, got {other:?}"),
        }
        assert_eq!(store.stats().unwrap(), crate::Stats::default());

        // Two keys folded to one id: refused, and the documents before it are rolled back.
        let same_id = |key: &str, reports: &[Report]| {
            let mut e = fold_one(key, reports);
            e.id = "ev-1".into();
            vec![e]
        };
        let err = store.put_batch(&first_batch(), &same_id).unwrap_err();
        assert!(matches!(err, StoreError::EventIdConflict { .. }), "{err}");
        assert_eq!(store.stats().unwrap(), crate::Stats::default());

        // One fold returning one id twice: refused too.
        let twice = |key: &str, reports: &[Report]| vec![fold_one(key, reports); 2];
        let err = store.put_batch(&first_batch(), &twice).unwrap_err();
        assert!(matches!(err, StoreError::EventIdConflict { .. }), "{err}");
        assert_eq!(store.stats().unwrap(), crate::Stats::default());
    }

    #[test]
    fn a_key_holds_as_many_events_as_its_fold_returns() {
        // One event per report: each batch re-splits the whole key and replaces all its rows.
        let split = |key: &str, reports: &[Report]| -> Vec<Event> {
            reports
                .iter()
                .map(|r| {
                    let mut e = fold_one(key, std::slice::from_ref(r));
                    e.id = format!("{key}-{}-{}", r.evidence.document, r.evidence.start);
                    e
                })
                .collect()
        };
        let mut store = Store::open_in_memory().unwrap();
        let batch = first_batch();
        store.put_batch(&batch[..1], &split).unwrap();
        assert_eq!(store.stats().unwrap().events, 1);
        store.put_batch(&batch[1..], &split).unwrap();
        // c's visit, a's two visits, b's talks.
        assert_eq!(store.stats().unwrap().events, 4);
        assert!(store.event("visit-a-55").unwrap().is_some());
        // A fold that now merges the key back into one event leaves no stale rows.
        let doc = document("d", "wire", None, "Officials in Hanoi confirmed the visit.");
        let merged = |key: &str, reports: &[Report]| vec![fold_one(key, reports)];
        let more = report(
            &doc,
            "visit",
            "042",
            Modality::Actual,
            actor("IDN", None),
            actor("VNM", None),
            Some(DateValue::day(date(2024, 3, 4))),
            0,
            29,
        );
        store.put_batch(&[(doc, vec![more])], &merged).unwrap();
        assert_eq!(store.event("visit-a-55").unwrap(), None);
        assert_eq!(store.event("ev-visit").unwrap().unwrap().mentions.len(), 4);
        assert_eq!(store.stats().unwrap().events, 2);
    }

    #[test]
    fn a_committed_batch_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.db");
        let mut store = Store::open(&path).unwrap();
        store.put_batch(&first_batch(), &fold).unwrap();
        let before = contents(&store);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(contents(&store), before);
    }

    /// Issue 4: every time field of an event comes back from the store, in its JSON and in its
    /// columns (a range, a vague past, a duration, an unknown date).
    #[test]
    fn the_time_of_an_event_round_trips_through_the_store() {
        use attache_model::{DateBasis, Duration, DurationUnit, Vague};
        let doc = document(
            "t",
            "wire",
            Some(date(2024, 2, 26)),
            "MOSCOW, Feb. 26 (Wire) -- The minister began a three-day visit on Monday.",
        );
        let (a, b) = (actor("MNG", None), actor("RUS", None));
        let three_days = Some(Duration {
            count: 3,
            unit: DurationUnit::Day,
        });
        let range = Some(DateValue::day_range(date(2024, 2, 26), date(2024, 2, 28)));
        let today = Some(DateValue::day(date(2024, 2, 26)));
        let mut reports = vec![
            report(
                &doc,
                "range",
                "042",
                Modality::Actual,
                a.clone(),
                b.clone(),
                range,
                0,
                3,
            ),
            report(
                &doc,
                "vague",
                "043",
                Modality::Actual,
                a.clone(),
                b.clone(),
                today,
                0,
                20,
            ),
            report(&doc, "none", "040", Modality::Actual, a, b, None, 0, 40),
        ];
        reports[0].duration = three_days;
        reports[1].date_vague = Some(Vague::Past);
        reports[1].date_basis = DateBasis::Reported;
        let mut store = Store::open_in_memory().unwrap();
        store.put_batch(&[(doc, reports)], &fold).unwrap();

        let events = store.events(&crate::EventQuery::default()).unwrap();
        // (id, date, date_end, precision, vague, duration), from the JSON.
        let got: Vec<_> = events
            .iter()
            .map(|e| {
                (
                    e.id.as_str(),
                    e.date.as_deref(),
                    e.date_end.as_deref(),
                    e.date_precision.as_str(),
                    e.date_vague,
                    e.duration.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "ev-range",
                    Some("2024-02-26"),
                    Some("2024-02-28"),
                    "day",
                    None,
                    Some("P3D")
                ),
                (
                    "ev-vague",
                    Some("2024-02-26"),
                    None,
                    "day",
                    Some(Vague::Past),
                    None
                ),
                ("ev-none", None, None, "unknown", None, None),
            ]
        );
        // The same from the columns, for readers of the file without attache.
        let rows = crate::fixtures::time_columns(&store);
        assert_eq!(
            rows,
            [
                "ev-none - unknown - -",
                "ev-range 2024-02-28 day - P3D",
                "ev-vague - day past -"
            ]
        );
    }

    #[test]
    fn a_thousand_documents_in_one_batch() {
        let when = Some(DateValue::day(date(2024, 3, 4)));
        let batch: Vec<_> = (0..1000)
            .map(|i| {
                let body = format!(
                    "HANOI, March 4 (Wire) -- Delegation {i} arrived in Hanoi on Monday for talks \
                     on trade and fisheries, officials said, in a visit announced last week.\n\n{}",
                    "The two sides signed several memorandums of understanding. ".repeat(20)
                );
                let doc = document(
                    &format!("doc-{i:04}"),
                    "wire",
                    Some(date(2024, 3, 4)),
                    &body,
                );
                let key = format!("visit-{}", i % 300);
                let reports = vec![
                    report(
                        &doc,
                        &key,
                        "042",
                        Modality::Actual,
                        actor("IDN", None),
                        actor("VNM", None),
                        when,
                        0,
                        40,
                    ),
                    report(
                        &doc,
                        "meet",
                        "040",
                        Modality::Actual,
                        actor("IDN", None),
                        actor("VNM", None),
                        when,
                        1,
                        90,
                    ),
                ];
                (doc, reports)
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("bulk.db")).unwrap();
        let started = std::time::Instant::now();
        let out = store.put_batch(&batch, &fold).unwrap();
        let took = started.elapsed();
        eprintln!("put_batch of 1000 documents, 2000 reports, 301 events: {took:?}");
        assert_eq!(out.inserted.len(), 1000);
        assert_eq!(out.events_touched, 301);
        assert_eq!(
            store.event("ev-meet").unwrap().unwrap().mentions.len(),
            1000
        );
        // Generous for an unoptimised build on a shared machine; the point is no quadratic blow-up.
        assert!(took.as_secs() < 20, "{took:?}");
    }

    #[test]
    fn iso_intervals() {
        let cases = [
            ("2024-02-12", Some((date(2024, 2, 12), date(2024, 2, 12)))),
            ("2024-02", Some((date(2024, 2, 1), date(2024, 2, 29)))),
            ("2023", Some((date(2023, 1, 1), date(2023, 12, 31)))),
            ("2023-13", None),
            ("2023-02-30", None),
            ("Feb. 12", None),
            ("2024-02-12-01", None),
        ];
        for (s, want) in cases {
            assert_eq!(iso_interval(s).map(|v| (v.first, v.last)), want, "{s}");
        }
    }
}
