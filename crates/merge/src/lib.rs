//! One event from many reports.
//!
//! An [`EventMention`] points into its document; [`report`] makes it self-contained (a
//! [`Report`]) and gives it a *merge key*, its bucket: (event family, source side, target
//! side). A visit is one family whichever side reports it: 042 "A visited B" and 043 "B
//! hosted A" share the bucket of A's visit to B. Within a bucket and modality, [`cluster`] groups reports
//! whose dates are compatible at their precision (see [`cluster`]'s module docs: "left on
//! Monday", "arrived on Jan. 31", "in January" and "the Jan. 30-Feb. 2 visit" are one trip;
//! October 2023 and January 2024 are not), splits a cluster whose visitor side is of another
//! kind (tourists or businessmen beside officials: agent codes, see the `actors` module) or names different
//! persons (name keys and titles both differ: two ministers of one country in one capital the
//! same week; see [`merge_named`]), and [`merge`] folds each cluster into one [`Event`]
//! whose id hashes the bucket, the modality and the cluster's anchor (its earliest founding
//! date), and links each actual visit to the planned ones it fulfilled ([`Event::related`]). The same
//! input in any order gives the same events and ids; new reports merge into stored events by
//! re-clustering their bucket.
//!
//! ```
//! use attache_merge::Merger;
//! let merger = Merger::new(attache_events::codebook::Codebook::builtin());
//! assert!(merger.events().is_empty());
//! ```

mod actors;
mod cluster;
mod config;
pub mod duplicates;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub use actors::{plain_key, NameKeys};
pub use cluster::{cluster, Cluster, Windows};
pub use config::{ConfigError, MergeConfig};

use attache_events::codebook::Codebook;
use attache_model::{
    Actor, ActorCode, CameoCode, Claimant, CountryCode, DateBasis, DateValue, Document, Event,
    EventMention, Evidence, Modality, Precision, Report,
};
use jiff::civil::Date;

/// The family a code merges in: visits (042, 043) are one family keyed by the visitor.
fn is_host(code: &CameoCode) -> bool {
    code.as_str() == "043"
}

fn family(code: &CameoCode) -> &str {
    match code.as_str() {
        "042" | "043" => "042",
        c => c,
    }
}

fn side(actor: &Actor) -> &str {
    actor
        .country
        .as_ref()
        .map(CountryCode::as_str)
        .or_else(|| actor.code.as_ref().map(ActorCode::as_str))
        .or(actor.name.as_deref())
        .unwrap_or("?")
}

/// The merge key of a report's fields: its *bucket*, (event family, visitor or source side,
/// host or target side). Reports of one bucket are split by modality and clustered by date
/// ([`cluster`]); neither is part of the key, so a trip reported "on Jan. 31" and "on Feb. 2"
/// can be one event, and a planned visit can be linked to the visit that happened.
pub fn merge_key(em: &EventMention) -> String {
    // Key visits by visitor -> host whichever side the sentence took.
    let (a, b) = if is_host(&em.code) {
        (&em.target, &em.source)
    } else {
        (&em.source, &em.target)
    };
    // Joined rather than formatted: one key per event mention of every article.
    [family(&em.code), side(a), side(b)].join("|")
}

/// A stable event id from a merge key: 16 hex digits of FNV-1a 64.
pub fn event_id(key: &str) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("{hash:016x}")
}

/// Make an event mention self-contained, with its evidence and merge key. For the mentions
/// of a whole document, [`Reporter`] shares the document's strings among its reports.
pub fn report(doc: &Document, em: &EventMention) -> Report {
    Reporter::new(doc).report(em)
}

/// Makes the reports of one document's event mentions ([`report`]), sharing what is the same
/// for all of them: the document's id, title and outlet, and each sentence's text, are copied
/// once per document and once per sentence, not once per report.
pub struct Reporter<'d> {
    doc: &'d Document,
    id: Arc<str>,
    title: Option<Arc<str>>,
    outlet: Option<Arc<str>>,
    /// The text of the last sentence a report was made for, as (index, text): a document's
    /// event mentions come sentence by sentence.
    sentence: Option<(usize, Arc<str>)>,
}

impl<'d> Reporter<'d> {
    pub fn new(doc: &'d Document) -> Reporter<'d> {
        Reporter {
            doc,
            id: Arc::from(doc.id.as_str()),
            title: doc.title.as_deref().map(Arc::from),
            outlet: doc.source.as_deref().map(Arc::from),
            sentence: None,
        }
    }

    /// The self-contained report of `em`, an event mention of this reporter's document.
    pub fn report(&mut self, em: &EventMention) -> Report {
        let doc = self.doc;
        let sentence = &doc.sentences[em.sentence];
        let text = match &self.sentence {
            Some((index, text)) if *index == em.sentence => text.clone(),
            _ => {
                let text: Arc<str> = Arc::from(sentence.span.slice(&doc.text));
                self.sentence = Some((em.sentence, text.clone()));
                text
            }
        };
        Report {
            key: merge_key(em),
            code: em.code.clone(),
            modality: em.modality,
            source: em.source.clone(),
            target: em.target.clone(),
            location: em.location.clone(),
            date: em.date,
            date_basis: em.date_basis,
            date_vague: em.date_vague,
            duration: em.duration,
            evidence: Evidence {
                document: self.id.clone(),
                title: self.title.clone(),
                outlet: self.outlet.clone(),
                published: doc.published,
                sentence: em.sentence,
                start: em.trigger.start,
                end: em.trigger.end,
                text,
                sentence_start: sentence.span.start,
                sentence_end: sentence.span.end,
                trigger: em.trigger.slice(&doc.text).to_string(),
                rule: em.rule.clone(),
                coder: em.coder.clone(),
                code: em.code.clone(),
                modality: em.modality,
                confidence: em.confidence,
                claimant: em.claimant.clone(),
            },
        }
    }
}

/// How much an actor description says: a named, titled person beats a bare country.
fn informativeness(actor: &Actor) -> usize {
    usize::from(actor.name.is_some()) * 2
        + usize::from(actor.title.is_some()) * 2
        + actor.code.as_ref().map_or(0, |c| c.as_str().len() / 3)
}

/// Merge all reports of one bucket (one merge key) into events: split them by modality,
/// [`cluster`] each modality's reports by date, fold each cluster. The id of a cluster's event
/// is [`event_id`] of `"{key}|{modality}|{anchor}"`. Each actual event lists in
/// [`Event::related`] the planned events of the bucket whose dates are compatible with its own
/// (see [`planned_for`]). Deterministic: the same reports in any order give the same events
/// and ids.
pub fn merge(
    codebook: &Codebook,
    key: &str,
    reports: &[Report],
    config: &MergeConfig,
) -> Vec<Event> {
    merge_named(codebook, key, reports, config, &plain_key)
}

/// [`merge`] comparing names with `names` (the pipeline passes `Recognizer::name_key`, which
/// folds romanisation variants). Within a date cluster, reports whose visitor side names
/// different persons (name keys differ AND titles differ: a trade minister's trip and a
/// defence minister's the same week) become separate events, whose ids add the person's
/// smallest name key to the anchor (see the `actors` module); the event's actor names are the
/// most common spelling of their name key.
pub fn merge_named(
    codebook: &Codebook,
    key: &str,
    reports: &[Report],
    config: &MergeConfig,
    names: &NameKeys,
) -> Vec<Event> {
    let windows = &config.windows;
    let mut by_modality: BTreeMap<Modality, Vec<&Report>> = BTreeMap::new();
    for r in reports {
        by_modality.entry(r.modality).or_default().push(r);
    }
    let mut events = Vec::new();
    // The plans' dates, whether only publication dates gave them, and their ids; each event's
    // visitor persons, so a plan links only to a visit of the same traveller.
    let mut planned: Vec<(DateValue, bool, String)> = Vec::new();
    let mut travellers: BTreeMap<String, Traveller> = BTreeMap::new();
    for (modality, group) in by_modality {
        for c in cluster::cluster_refs(&group, windows) {
            let members: Vec<&Report> = c.members.iter().map(|&i| group[i]).collect();
            for (kind, of_kind) in actors::split_by_kind(&members, visitor, &config.official_agents)
            {
                let of_kind: Vec<&Report> = of_kind.iter().map(|&i| members[i]).collect();
                for (person, part) in actors::split_by_person(&of_kind, visitor, names) {
                    let part: Vec<&Report> = part.iter().map(|&i| of_kind[i]).collect();
                    let visitors = actors::persons(&part, visitor, names);
                    let by_host = split_by_host(&part, &visitors, names);
                    let whole = by_host.len() == 1;
                    for (host_person, part) in by_host {
                        let reported_only =
                            part.iter().all(|r| r.date_basis == DateBasis::Reported);
                        // An unsplit cluster keeps the id it had before kinds and persons
                        // were compared.
                        let mut id_key = format!("{key}|{}|{}", modality.as_str(), c.anchor);
                        for (letter, label) in [("k", &kind), ("p", &person), ("h", &host_person)] {
                            if let Some(l) = label {
                                id_key.push_str(&format!("|{letter}{l}"));
                            }
                        }
                        let persons = if whole {
                            visitors.clone()
                        } else {
                            actors::persons(&part, visitor, names)
                        };
                        let traveller = (kind.clone(), persons);
                        let event = fold_refs(codebook, &id_key, part, names);
                        travellers.insert(event.id.clone(), traveller);
                        if let (Modality::Planned, Some(d)) = (modality, event.date_value) {
                            planned.push((d, reported_only, event.id.clone()));
                        }
                        events.push(event);
                    }
                }
            }
        }
    }
    // Plans by start date; a compatible plan starts no later than the visit ends (plus the
    // gap) and no earlier than the longest plan, the gap or the publication window before it
    // starts, so each visit scans only the plans of its own stretch of time.
    planned.sort_by(|a, b| (a.0.first, &a.2).cmp(&(b.0.first, &b.2)));
    let longest = planned.iter().map(|(d, _, _)| d.days()).max().unwrap_or(1);
    let reach =
        jiff::Span::new().days((longest + windows.trip_gap_days).max(windows.plan_lead_days));
    let gap = jiff::Span::new().days(windows.trip_gap_days);
    for event in events.iter_mut().filter(|e| e.modality == Modality::Actual) {
        let Some(a) = event.date_value else { continue };
        let from = a.first.checked_sub(reach).unwrap_or(Date::MIN);
        let to = a.last.checked_add(gap).unwrap_or(Date::MAX);
        let start = planned.partition_point(|(d, _, _)| d.first < from);
        let mut related: Vec<String> = planned[start..]
            .iter()
            .take_while(|(d, _, _)| d.first <= to)
            .filter(|(d, reported_only, _)| planned_for(d, *reported_only, &a, windows))
            .filter(|(_, _, id)| {
                let none = (None, BTreeSet::new());
                let traveller = |id: &String| travellers.get(id).unwrap_or(&none);
                let (plan, visit) = (traveller(id), traveller(&event.id));
                plan.0 == visit.0 && actors::same_traveller(&plan.1, &visit.1)
            })
            .map(|(_, _, id)| id.clone())
            .collect();
        related.sort();
        event.related = related;
    }
    events
}

/// Who travels in one event: the kind of its visitor side (an agent that is not official, see
/// `actors::split_by_kind`) and the persons it names (name key, title key).
type Traveller = (Option<String>, BTreeSet<(String, String)>);

/// Whether a planned event's dates fit the actual event's: they overlap, or lie within
/// [`Windows::trip_gap_days`] of each other ("will arrive on Thursday" and "arrived on
/// Friday"); a plan dated only by its publication date ("X to visit Y") announces a visit
/// that starts from that day to [`Windows::plan_lead_days`] later.
pub fn planned_for(
    planned: &DateValue,
    reported_only: bool,
    actual: &DateValue,
    windows: &Windows,
) -> bool {
    let (p, a) = (planned, actual);
    if reported_only {
        let days = (a.first - p.first).get_days() as i64;
        return (0..=windows.plan_lead_days).contains(&days);
    }
    let gap = if p.last < a.first {
        (a.first - p.last).get_days() as i64
    } else if a.last < p.first {
        (p.first - a.last).get_days() as i64
    } else {
        0
    };
    gap <= windows.trip_gap_days
}

/// Fold reports into one event whose id is [`event_id`] of `id_key`. Deterministic for a given
/// set of reports, whatever their order.
pub fn fold(codebook: &Codebook, id_key: &str, reports: &[Report]) -> Event {
    fold_refs(codebook, id_key, reports.iter().collect(), &plain_key)
}

/// The host side of a visit report (the source of a 043 "B hosted A"), else the target.
fn host(r: &Report) -> &Actor {
    if is_host(&r.code) {
        &r.source
    } else {
        &r.target
    }
}

/// Split reports by the persons their host (target) side names, as [`actors::split_by_person`]
/// splits the visitor side: a different counterpart the same week is another meeting
/// ("Wang Yi met Blinken", "Wang Yi met Austin"). A visit (042, 043) splits by host only
/// when its visitor side names no person (`visitors` empty: "Putin hosted a North Korean
/// delegation", "Lavrov hosted a North Korean delegation"): a named traveller meets several
/// hosts on one trip.
fn split_by_host<'r>(
    part: &[&'r Report],
    visitors: &BTreeSet<(String, String)>,
    names: &NameKeys,
) -> Vec<(Option<String>, Vec<&'r Report>)> {
    let visit = part.first().is_some_and(|r| family(&r.code) == "042");
    if visit && !visitors.is_empty() {
        return vec![(None, part.to_vec())];
    }
    actors::split_by_person(part, host, names)
        .into_iter()
        .map(|(label, members)| (label, members.iter().map(|&i| part[i]).collect()))
        .collect()
}

/// The visitor side of a visit report (the target of a 043 "B hosted A"), else the source.
fn visitor(r: &Report) -> &Actor {
    if is_host(&r.code) {
        &r.target
    } else {
        &r.source
    }
}

fn fold_refs(codebook: &Codebook, key: &str, mut sorted: Vec<&Report>, names: &NameKeys) -> Event {
    sorted.sort_by(|a, b| {
        let (x, y) = (&a.evidence, &b.evidence);
        (&x.document, x.sentence, x.start, x.end, &a.code).cmp(&(
            &y.document,
            y.sentence,
            y.start,
            y.end,
            &b.code,
        ))
    });
    let first = sorted[0];
    // The event reads visitor -> host (042) unless every report only saw the host's side.
    let all_host = sorted.iter().all(|r| is_host(&r.code));
    let code = if all_host {
        first.code.clone()
    } else {
        CameoCode::parse(family(&first.code)).unwrap_or(first.code.clone())
    };
    let oriented = |r: &Report| -> (Actor, Actor) {
        if is_host(&r.code) && !all_host {
            (r.target.clone(), r.source.clone())
        } else {
            (r.source.clone(), r.target.clone())
        }
    };
    let best = |pick: fn((Actor, Actor)) -> Actor| -> Actor {
        sorted
            .iter()
            .map(|r| pick(oriented(r)))
            .max_by_key(informativeness)
            .unwrap_or_default()
    };
    // The name of each side: the most common spelling of the chosen actor's name key, so
    // outlets' romanisations give one stable name.
    let named = |mut actor: Actor, pick: fn((Actor, Actor)) -> Actor| -> Actor {
        if let Some(k) = actor.name.as_deref().map(names) {
            let sides: Vec<Actor> = sorted.iter().map(|r| pick(oriented(r))).collect();
            if let Some(n) = actors::stable_name(&k, sides.iter(), names) {
                actor.name = Some(n.into());
            }
        }
        actor
    };
    let source = named(best(|(s, _)| s), |(s, _)| s);
    let target = named(best(|(_, t)| t), |(_, t)| t);
    // The most precise date a text gave; the publication date only when none did. A range of
    // days that covers it wins over the single day: "left on Monday" and "the March 11-14
    // visit" describe one trip of four days.
    let dated = sorted.iter().filter(|r| r.date.is_some()).min_by_key(|r| {
        (
            r.date_basis == DateBasis::Reported,
            r.date.map(|d| d.days()),
        )
    });
    let dated = dated.map(|best| {
        let day = best
            .date
            .filter(|d| d.precision == Precision::Day && best.date_basis != DateBasis::Reported);
        day.and_then(|day| {
            sorted
                .iter()
                .filter(|r| r.date_basis != DateBasis::Reported)
                .filter(|r| {
                    r.date.is_some_and(|d| {
                        d.precision == Precision::Day
                            && d.days() > 1
                            && d.first <= day.first
                            && day.last <= d.last
                    })
                })
                .min_by_key(|r| r.date.map(|d| d.days()))
                .copied()
        })
        .unwrap_or(best)
    });
    let date_value = dated.and_then(|r| r.date);
    // A vague time ("recently", "soon") stands behind the date only when every report had
    // nothing better: one report with a real date, or none at all, and the event is not vague.
    let date_vague = dated
        .and_then(|r| r.date_vague)
        .filter(|_| sorted.iter().all(|r| r.date_vague.is_some()));
    // How long it lasted: the dated report's duration, else the first report's that has one.
    let duration = dated
        .and_then(|r| r.duration)
        .or_else(|| sorted.iter().find_map(|r| r.duration));
    // A start day from the text and a duration give the end ("a three-day visit" that began
    // on Feb. 15 ends on Feb. 17); a duration alone never makes a start, nor does a
    // publication date standing in for one.
    // Only the report that gave the day may say how long from it: "hosted a ceremony on
    // Tuesday" in one report and "is on a three-day visit" in another do not make Tuesday the
    // first of three days.
    // The derived end becomes part of the interval, so date filters and plan links see the
    // whole visit, not its first day (issue 4).
    let date_value = date_value.map(|d| {
        let last = Some(d)
            .filter(|d| d.precision == Precision::Day && d.days() == 1)
            .zip(dated.filter(|r| r.date_basis != DateBasis::Reported))
            .and_then(|(d, r)| r.duration?.last_day_from(d.first))
            .filter(|&last| last > d.first);
        DateValue {
            last: last.unwrap_or(d.last),
            ..d
        }
    });
    let location = sorted.iter().find_map(|r| r.location.clone());
    let documents: BTreeSet<String> = sorted
        .iter()
        .map(|r| r.evidence.document.to_string())
        .collect();
    let outlets: BTreeSet<String> = sorted
        .iter()
        .filter_map(|r| r.evidence.outlet.as_deref().map(str::to_string))
        .collect();
    let info = codebook.get(&code);
    let mentions: Vec<Evidence> = sorted.iter().map(|r| r.evidence.clone()).collect();
    Event {
        id: event_id(key),
        root: code.root().to_string(),
        label: info.map_or_else(|| code.to_string(), |i| i.label.clone()),
        // The type of the act as reported: "will meet" is AGREE (codebook::PLOVER_PROJECTION).
        plover: codebook
            .plover_type(&code, first.modality)
            .map(str::to_string),
        code,
        modality: first.modality,
        date: date_value.map(|d| d.start_iso()),
        date_end: date_value.and_then(|d| d.end_iso()),
        date_precision: date_value.map_or(Precision::Unknown, |d| d.precision),
        date_basis: dated.map(|r| r.date_basis),
        date_vague,
        duration: duration.map(|d| d.iso()),
        source,
        target,
        location,
        claimants: Claimant::of(&mentions),
        mentions,
        documents: documents.into_iter().collect(),
        outlets: outlets.into_iter().collect(),
        related: Vec::new(),
        date_value,
    }
}

/// An in-memory merger, for runs with no database (`attache extract`). Names compare by
/// [`plain_key`] unless [`Merger::with_names`] gives another key.
pub struct Merger<'n> {
    codebook: Codebook,
    config: MergeConfig,
    names: &'n NameKeys<'n>,
    reports: BTreeMap<String, Vec<Report>>,
}

impl Merger<'static> {
    /// A merger with the compiled-in settings ([`MergeConfig::builtin`]).
    pub fn new(codebook: Codebook) -> Merger<'static> {
        Merger {
            codebook,
            config: MergeConfig::builtin(),
            names: &plain_key,
            reports: BTreeMap::new(),
        }
    }

    /// A merger with other settings (a user's `merge.tsv`, see [`MergeConfig`]).
    pub fn with_config(codebook: Codebook, config: MergeConfig) -> Merger<'static> {
        Merger {
            config,
            ..Merger::new(codebook)
        }
    }
}

impl<'n> Merger<'n> {
    /// The same merger comparing names with `names` (e.g. `Recognizer::name_key`, which folds
    /// romanisation variants); see [`merge_named`].
    pub fn with_names<'a>(self, names: &'a NameKeys<'a>) -> Merger<'a> {
        Merger {
            codebook: self.codebook,
            config: self.config,
            names,
            reports: self.reports,
        }
    }

    /// Add one document's reports.
    pub fn add(&mut self, reports: impl IntoIterator<Item = Report>) {
        for r in reports {
            self.reports.entry(r.key.clone()).or_default().push(r);
        }
    }

    /// The merged events, ordered by date (unknown last), then id.
    pub fn events(&self) -> Vec<Event> {
        let mut events: Vec<Event> = self
            .reports
            .iter()
            .flat_map(|(k, rs)| merge_named(&self.codebook, k, rs, &self.config, self.names))
            .collect();
        sort_events(&mut events);
        events
    }
}

/// Order events by date (unknown last), then id.
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(|a, b| {
        let ka = (a.date_value.is_none(), a.date_value.map(|d| d.first), &a.id);
        let kb = (b.date_value.is_none(), b.date_value.map(|d| d.first), &b.id);
        ka.cmp(&kb)
    });
}

/// Whether a modality string names a real modality.
pub fn parse_modality(s: &str) -> Option<Modality> {
    Modality::parse(s)
}

/// A blank visit report for unit tests: key, document and the fields a test sets.
#[cfg(test)]
pub(crate) fn test_report(key: &str, document: &str) -> Report {
    let code = CameoCode::parse("042").expect("a valid code");
    Report {
        key: key.into(),
        code: code.clone(),
        modality: Modality::Actual,
        source: Actor::default(),
        target: Actor::default(),
        location: None,
        date: None,
        date_basis: DateBasis::Relative,
        date_vague: None,
        duration: None,
        evidence: Evidence {
            document: document.into(),
            title: None,
            outlet: None,
            published: None,
            sentence: 0,
            start: 0,
            end: 1,
            text: "".into(),
            sentence_start: 0,
            sentence_end: 0,
            trigger: String::new(),
            rule: "".into(),
            coder: "".into(),
            code,
            modality: Modality::Actual,
            confidence: 1.0,
            claimant: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_model::{ActorCode, CountryCode, DateValue, Duration, DurationUnit, Span, Vague};
    use jiff::civil::date;

    fn actor(c: &str) -> Actor {
        Actor {
            text: Some(c.into()),
            name: None,
            title: None,
            country: Some(CountryCode::parse(c).unwrap()),
            code: Some(ActorCode::parse(c).unwrap()),
        }
    }

    fn mention(code: &str, s: &str, t: &str, d: Option<DateValue>) -> EventMention {
        EventMention {
            sentence: 0,
            trigger: Span::new(0, 1),
            code: CameoCode::parse(code).unwrap(),
            modality: Modality::Actual,
            source: actor(s),
            source_span: None,
            target: actor(t),
            target_span: None,
            location: None,
            date: d,
            date_basis: DateBasis::Relative,
            claimant: None,
            date_vague: None,
            duration: None,
            rule: "test".into(),
            coder: "test".into(),
            confidence: 1.0,
        }
    }

    #[test]
    fn keys_table() {
        let jan = DateValue::month(2024, 1);
        let jan15 = Some(DateValue::day_range(date(2024, 1, 15), date(2024, 1, 17)));
        let oct = DateValue::month(2023, 10);
        let cases = [
            (
                mention("042", "PRK", "RUS", jan),
                mention("042", "PRK", "RUS", jan15),
                true,
                "month and range in it",
            ),
            (
                mention("042", "PRK", "RUS", jan),
                mention("043", "RUS", "PRK", jan15),
                true,
                "host side mirrors",
            ),
            (
                mention("042", "PRK", "RUS", jan),
                mention("042", "PRK", "RUS", oct),
                true,
                "the date is not in the key: clustering splits months",
            ),
            (
                mention("042", "PRK", "RUS", jan),
                {
                    let mut planned = mention("042", "PRK", "RUS", jan);
                    planned.modality = Modality::Planned;
                    planned
                },
                true,
                "nor the modality: merge splits it and links plans",
            ),
            (
                mention("042", "PRK", "RUS", jan),
                mention("042", "RUS", "PRK", jan),
                false,
                "other direction",
            ),
        ];
        for (a, b, same, why) in cases {
            assert_eq!(merge_key(&a) == merge_key(&b), same, "{why}");
        }
    }

    fn report_of(em: EventMention, document: &str, outlet: &str) -> Report {
        let mut r = crate::test_report(&merge_key(&em), document);
        r.evidence.outlet = Some(outlet.into());
        r.evidence.code = em.code.clone();
        r.evidence.modality = em.modality;
        r.evidence.rule = em.rule;
        r.evidence.coder = em.coder;
        r.code = em.code;
        r.modality = em.modality;
        r.source = em.source;
        r.target = em.target;
        r.date = em.date;
        r.date_basis = em.date_basis;
        r.date_vague = em.date_vague;
        r.duration = em.duration;
        r
    }

    #[test]
    fn fold_orients_visits_and_takes_the_trip_range() {
        let day = |d| Some(DateValue::day(date(2019, 3, d)));
        let range = Some(DateValue::day_range(date(2019, 3, 11), date(2019, 3, 14)));
        let reports = vec![
            report_of(mention("042", "PRK", "RUS", day(11)), "yonhap-1", "Yonhap"),
            report_of(mention("043", "RUS", "PRK", day(12)), "tass-1", "TASS"),
            report_of(mention("042", "PRK", "RUS", range), "xinhua-1", "Xinhua"),
            report_of(mention("042", "PRK", "RUS", day(11)), "yonhap-1", "Yonhap"),
        ];
        assert!(reports.iter().all(|r| r.key == reports[0].key));
        let codebook = Codebook::builtin();
        let event = fold(&codebook, &reports[0].key, &reports);
        assert_eq!(event.id, event_id(&reports[0].key));
        assert_eq!(
            (event.code.as_str(), event.label.as_str()),
            ("042", "Make a visit")
        );
        assert_eq!(event.source.country.as_ref().unwrap().as_str(), "PRK");
        assert_eq!(event.target.country.as_ref().unwrap().as_str(), "RUS");
        assert_eq!(
            (event.date.as_deref(), event.date_end.as_deref()),
            (Some("2019-03-11"), Some("2019-03-14"))
        );
        assert_eq!(event.documents, ["tass-1", "xinhua-1", "yonhap-1"]);
        assert_eq!(event.outlets, ["TASS", "Xinhua", "Yonhap"]);
        assert_eq!(event.mentions.len(), 4);
        // The same reports in another order fold to the same event.
        let mut reversed = reports.clone();
        reversed.reverse();
        assert_eq!(fold(&codebook, &reports[0].key, &reversed), event);
    }

    #[test]
    fn fold_prefers_a_date_from_the_text_over_the_report_date() {
        let mut reported = mention("042", "PRK", "RUS", Some(DateValue::day(date(2024, 1, 30))));
        reported.date_basis = DateBasis::Reported;
        let month = mention("042", "PRK", "RUS", DateValue::month(2024, 1));
        let reports = [report_of(reported, "a", "A"), report_of(month, "b", "B")];
        let event = fold(&Codebook::builtin(), &reports[0].key, &reports);
        assert_eq!(
            (event.date.as_deref(), event.date_precision),
            (Some("2024-01"), Precision::Month)
        );
        assert_eq!(event.date_basis, Some(DateBasis::Relative));
    }

    #[test]
    fn fold_keeps_the_vague_flag_only_when_every_report_is_vague() {
        let vague = |v: Option<Vague>, day: i8| {
            let mut m = mention(
                "042",
                "PRK",
                "RUS",
                Some(DateValue::day(date(2024, 1, day))),
            );
            m.date_basis = DateBasis::Reported;
            m.date_vague = v;
            m
        };
        let dated = mention("042", "PRK", "RUS", DateValue::month(2024, 1));
        let cases = [
            // "recently visited" in two reports: the event is "recently" before publication.
            (
                vec![vague(Some(Vague::Past), 30), vague(Some(Vague::Past), 31)],
                Some(Vague::Past),
            ),
            // "soon" in one report, a month in another: the month dates it.
            (vec![vague(Some(Vague::Future), 30), dated], None),
            // "recently" in one report, no time expression in the other: no flag.
            (vec![vague(Some(Vague::Past), 30), vague(None, 31)], None),
        ];
        for (mentions, expected) in cases {
            let reports: Vec<Report> = mentions
                .into_iter()
                .enumerate()
                .map(|(i, m)| report_of(m, &format!("d{i}"), "A"))
                .collect();
            let event = fold(&Codebook::builtin(), &reports[0].key, &reports);
            assert_eq!(event.date_vague, expected, "{reports:?}");
        }
    }

    #[test]
    fn fold_derives_the_end_from_a_start_day_and_a_duration() {
        let three_days = Some(Duration {
            count: 3,
            unit: DurationUnit::Day,
        });
        let with = |d: Option<DateValue>, basis, duration| {
            let mut m = mention("042", "CHN", "KOR", d);
            m.date_basis = basis;
            m.duration = duration;
            m
        };
        let monday = Some(DateValue::day(date(2024, 2, 26)));
        let cases = [
            // "began a three-day visit on Monday": Monday to Wednesday.
            (
                with(monday, DateBasis::Relative, three_days),
                Some("2024-02-26"),
                Some("2024-02-28"),
                Some("P3D"),
            ),
            // A range from the text stays as written.
            (
                with(
                    Some(DateValue::day_range(date(2024, 2, 26), date(2024, 2, 27))),
                    DateBasis::Relative,
                    three_days,
                ),
                Some("2024-02-26"),
                Some("2024-02-27"),
                Some("P3D"),
            ),
            // The publication date is no start: the duration alone gives no end.
            (
                with(monday, DateBasis::Reported, three_days),
                Some("2024-02-26"),
                None,
                Some("P3D"),
            ),
            // A month and a duration: no day to count from.
            (
                with(DateValue::month(2024, 2), DateBasis::Relative, three_days),
                Some("2024-02"),
                None,
                Some("P3D"),
            ),
            (
                with(monday, DateBasis::Relative, None),
                Some("2024-02-26"),
                None,
                None,
            ),
        ];
        for (m, start, end, duration) in cases {
            let reports = [report_of(m, "a", "A")];
            let event = fold(&Codebook::builtin(), &reports[0].key, &reports);
            assert_eq!(
                (
                    event.date.as_deref(),
                    event.date_end.as_deref(),
                    event.duration.as_deref()
                ),
                (start, end, duration),
                "{:?}",
                reports[0]
            );
            // The interval the store filters by ends where `date_end` says (issue 4).
            let interval = event.date_value.unwrap();
            let last = end.map(|e| e.parse::<Date>().unwrap());
            assert_eq!(
                last.unwrap_or(interval.last),
                interval.last,
                "{:?}",
                reports[0]
            );
        }
    }

    #[test]
    fn merge_links_an_actual_visit_to_the_plans_it_fulfilled() {
        let day = |d| Some(DateValue::day(date(2024, 3, d)));
        let planned = |d, basis| {
            let mut m = mention("042", "IDN", "VNM", d);
            m.modality = Modality::Planned;
            m.date_basis = basis;
            m
        };
        let reports = [
            // "will arrive on Monday", published the Friday before.
            report_of(planned(day(4), DateBasis::Relative), "a", "A"),
            // "Indonesian FM to visit Vietnam", a headline dated by its publication a week
            // before: too early to join the dated plan, announcing the same trip all the same.
            report_of(
                planned(Some(DateValue::day(date(2024, 2, 26))), DateBasis::Reported),
                "b",
                "B",
            ),
            // "plans to return in December": another plan, not this trip.
            report_of(
                planned(DateValue::month(2024, 12), DateBasis::Relative),
                "c",
                "C",
            ),
            report_of(mention("042", "IDN", "VNM", day(4)), "d", "D"),
            report_of(mention("043", "VNM", "IDN", day(5)), "e", "E"),
        ];
        let key = &reports[0].key;
        assert!(reports.iter().all(|r| &r.key == key));
        let events = merge(&Codebook::builtin(), key, &reports, &MergeConfig::builtin());
        let actual: Vec<&Event> = events
            .iter()
            .filter(|e| e.modality == Modality::Actual)
            .collect();
        assert_eq!(actual.len(), 1);
        assert_eq!(actual[0].documents, ["d", "e"]);
        let plan = |doc: &str| {
            events
                .iter()
                .find(|e| e.documents == [doc])
                .map(|e| e.id.clone())
                .unwrap()
        };
        let mut want = vec![plan("a"), plan("b")];
        want.sort();
        assert_eq!(actual[0].related, want);
        assert!(!actual[0].related.contains(&plan("c")));
        assert!(events
            .iter()
            .filter(|e| e.modality == Modality::Planned)
            .all(|e| e.related.is_empty()));
        // Any order: the same events, ids and links.
        let mut reversed = reports.to_vec();
        reversed.reverse();
        let mut again = merge(
            &Codebook::builtin(),
            key,
            &reversed,
            &MergeConfig::builtin(),
        );
        let mut events = events;
        sort_events(&mut events);
        sort_events(&mut again);
        assert_eq!(again, events);
    }

    #[test]
    fn two_ministers_in_one_week_are_two_trips_each_with_its_own_plan() {
        let day = |d| Some(DateValue::day(date(2024, 4, d)));
        let by = |mut m: EventMention, name: &str, title: &str| {
            let side = if m.code.as_str() == "043" {
                &mut m.target
            } else {
                &mut m.source
            };
            side.name = Some(name.into());
            side.title = Some(title.into());
            m
        };
        let plan = |m: EventMention| EventMention {
            modality: Modality::Planned,
            ..m
        };
        let trade = ("Nurlan Bekturov", "Trade Minister");
        let defence = ("Yerlan Zhaksybekov", "Defense Minister");
        let reports = [
            report_of(
                by(mention("042", "KAZ", "TUR", day(8)), trade.0, trade.1),
                "a",
                "A",
            ),
            report_of(
                by(mention("043", "TUR", "KAZ", day(9)), trade.0, trade.1),
                "b",
                "B",
            ),
            report_of(
                by(mention("042", "KAZ", "TUR", day(10)), defence.0, defence.1),
                "c",
                "C",
            ),
            // "Ri Kwang Sok"-style respelling: one name key, so one trip.
            report_of(
                by(
                    mention("042", "KAZ", "TUR", day(11)),
                    "Yerlan ZHAKSYBEKOV",
                    defence.1,
                ),
                "d",
                "D",
            ),
            // Each minister's plan, announced the week before for the same days.
            report_of(
                plan(by(mention("042", "KAZ", "TUR", day(8)), trade.0, trade.1)),
                "e",
                "E",
            ),
            report_of(
                plan(by(
                    mention("042", "KAZ", "TUR", day(10)),
                    defence.0,
                    defence.1,
                )),
                "f",
                "F",
            ),
        ];
        let key = &reports[0].key;
        let events = merge(&Codebook::builtin(), key, &reports, &MergeConfig::builtin());
        let of = |doc: &str| {
            events
                .iter()
                .find(|e| e.documents.iter().any(|d| d == doc))
                .unwrap()
        };
        assert_eq!(of("a").documents, ["a", "b"]);
        assert_eq!(of("c").documents, ["c", "d"]);
        assert_eq!(of("a").source.name.as_deref(), Some("Nurlan Bekturov"));
        // A tie between two spellings: the lexicographically smallest.
        assert_eq!(of("c").source.name.as_deref(), Some("Yerlan ZHAKSYBEKOV"));
        assert_eq!(of("a").related, [of("e").id.clone()]);
        assert_eq!(of("c").related, [of("f").id.clone()]);
        let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 4, "distinct ids");
        // Any order: the same events, ids and links.
        let mut reversed = reports.to_vec();
        reversed.reverse();
        let mut again = merge(
            &Codebook::builtin(),
            key,
            &reversed,
            &MergeConfig::builtin(),
        );
        let mut events = events.clone();
        sort_events(&mut events);
        sort_events(&mut again);
        assert_eq!(again, events);
    }

    /// Reports of one bucket as (code, visitor person, host person, day); expected events as
    /// groups of report indices.
    #[test]
    fn host_split_table() {
        type Person = Option<(&'static str, &'static str)>;
        type Case = (
            &'static str,
            Vec<(&'static str, Person, Person, i8)>,
            Vec<Vec<usize>>,
        );
        let sorokin = Some(("Gennady Sorokin", "Foreign Minister"));
        let putin_like = Some(("Arkady Belov", "President"));
        let lavrov_like = Some(("Oleg Zimin", "Foreign Minister"));
        let cases: Vec<Case> = vec![
            (
                "a named visitor meets two hosts: one trip",
                vec![
                    ("042", sorokin, putin_like, 4),
                    ("043", sorokin, lavrov_like, 5),
                ],
                vec![vec![0, 1]],
            ),
            (
                "an unnamed delegation hosted by two persons the same week: two visits",
                vec![("043", None, putin_like, 4), ("043", None, lavrov_like, 6)],
                vec![vec![0], vec![1]],
            ),
            (
                "an unnamed delegation, one host in two reports: one visit",
                vec![("043", None, putin_like, 4), ("042", None, putin_like, 5)],
                vec![vec![0, 1]],
            ),
            (
                "one person meets two counterparts: two meetings",
                vec![
                    ("040", sorokin, putin_like, 4),
                    ("040", sorokin, lavrov_like, 5),
                ],
                vec![vec![0], vec![1]],
            ),
            (
                "one meeting reported twice, the counterpart once by title only",
                vec![
                    ("040", sorokin, lavrov_like, 4),
                    ("040", sorokin, Some(("", "Foreign Minister")), 4),
                ],
                vec![vec![0, 1]],
            ),
        ];
        let codebook = Codebook::builtin();
        for (why, rows, want) in cases {
            let reports: Vec<Report> = rows
                .iter()
                .enumerate()
                .map(|(i, &(code, visitor, host, d))| {
                    let mut m = mention(code, "RUS", "MNG", Some(DateValue::day(date(2023, 9, d))));
                    let (v, h) = if code == "043" {
                        (&mut m.target, &mut m.source)
                    } else {
                        (&mut m.source, &mut m.target)
                    };
                    for (side, person) in [(v, visitor), (h, host)] {
                        if let Some((name, title)) = person {
                            side.name = Some(name.into()).filter(|n: &Arc<str>| !n.is_empty());
                            side.title = Some(title.into());
                        }
                    }
                    if code == "043" {
                        std::mem::swap(&mut m.source.country, &mut m.target.country);
                        std::mem::swap(&mut m.source.code, &mut m.target.code);
                    }
                    report_of(m, &format!("doc-{i}"), "Outlet")
                })
                .collect();
            assert!(
                reports.iter().all(|r| r.key == reports[0].key),
                "{why}: one bucket"
            );
            let events = merge(
                &codebook,
                &reports[0].key,
                &reports,
                &MergeConfig::builtin(),
            );
            let mut got: Vec<Vec<usize>> = events
                .iter()
                .map(|e| {
                    let mut docs: Vec<usize> = e
                        .documents
                        .iter()
                        .map(|d| d["doc-".len()..].parse().unwrap())
                        .collect();
                    docs.sort();
                    docs
                })
                .collect();
            got.sort();
            assert_eq!(got, want, "{why}");
            let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
            ids.dedup();
            assert_eq!(ids.len(), events.len(), "{why}: distinct ids");
        }
    }

    #[test]
    fn ids_are_stable_hex() {
        assert_eq!(
            event_id("042|PRK|RUS|actual|2024-01"),
            event_id("042|PRK|RUS|actual|2024-01")
        );
        assert_ne!(event_id("a"), event_id("b"));
        assert_eq!(event_id("x").len(), 16);
    }
}
