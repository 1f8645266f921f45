//! Clustering the reports of one bucket by date compatibility.
//!
//! A bucket holds the reports of one (family, visitor, host) and, here, one modality. Which of them are one
//! event is decided by their dates, at their precision, in tiers that never depend on the order
//! the reports arrived in:
//!
//! 1. **Days.** Reports dated to a day or a range of days by the text (basis not `reported`)
//!    are swept in date order; a report starts a new cluster when it begins more than
//!    [`Windows::trip_gap_days`] after everything before it ended. "Left on Monday", "arrived
//!    Tuesday" and "the March 11-14 visit" are one trip; so are "Jan. 31" and "Feb. 2".
//! 2. **Months.** A report dated to a month ("in October") joins the day cluster its month
//!    overlaps (the one with most reports when several do, then the earliest); months that
//!    overlap none are clustered by month among themselves.
//! 3. **Years.** The same, against the clusters of tiers 1 and 2.
//! 4. **Publication dates.** A report with no time expression (basis `reported`) joins the
//!    cluster of a report of its own document that the text dates (a headline is about the
//!    story under it), the one nearest its publication date; otherwise the cluster nearest its
//!    publication date when that is at most [`Windows::reported_before`] days before the
//!    cluster starts or [`Windows::reported_after`] days after it ends; the rest cluster among
//!    themselves like days.
//! 5. **No date** at all: one cluster of their own.
//!
//! Every tier looks only at the clusters the tiers before it founded, so the result is a
//! function of the set of reports. A cluster's *anchor* is the earliest date of its founding
//! tier (`d2019-03-11`, `m2023-10`, `y2018`, `r2019-03-12`, `u`); the event id hashes the
//! bucket key and the anchor, which is unique within a bucket since founding spans never
//! overlap.

use std::collections::BTreeMap;

use jiff::civil::Date;

use attache_model::{DateBasis, Precision, Report};

/// How far apart dates of one event may be. The defaults (`data/merge.tsv`, see
/// [`crate::MergeConfig`]) suit official visits: a trip lasts days, not weeks, and its reports
/// appear during it or within a week after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    /// Day-precision reports at most this many days apart (gap between their ranges) are one
    /// event: an arrival, the stay and the meetings of one trip.
    pub trip_gap_days: i64,
    /// A report dated only by its publication date may be published this many days before a
    /// cluster starts (a trip reported on the eve of arrival)...
    pub reported_before: i64,
    /// ...or this many days after it ends (wrap-ups, weekly round-ups).
    pub reported_after: i64,
    /// A plan dated only by its publication date ("X to visit Y") announces a visit starting
    /// from that day to this many days later.
    pub plan_lead_days: i64,
}

impl Default for Windows {
    /// The windows of the compiled-in `data/merge.tsv`.
    fn default() -> Windows {
        crate::MergeConfig::builtin().windows
    }
}

/// One cluster of a bucket: the indices of its reports (sorted) and its anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Indices into the slice given to [`cluster`], ascending.
    pub members: Vec<usize>,
    /// The earliest date of the founding tier, written with the tier's letter; see the module
    /// documentation.
    pub anchor: String,
}

/// A cluster under construction: its founding span.
struct Open {
    first: Date,
    last: Date,
    anchor: String,
    members: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Day,
    Month,
    Year,
    Reported,
    Undated,
}

fn tier(r: &Report) -> Tier {
    match r.date {
        None => Tier::Undated,
        Some(_) if r.date_basis == DateBasis::Reported => Tier::Reported,
        Some(d) => match d.precision {
            Precision::Day | Precision::Unknown => Tier::Day,
            Precision::Month => Tier::Month,
            Precision::Year => Tier::Year,
        },
    }
}

/// Cluster the reports of one bucket into events. Deterministic: the same reports in any order
/// give the same clusters (as sets of reports) with the same anchors.
pub fn cluster(reports: &[Report], windows: &Windows) -> Vec<Cluster> {
    cluster_refs(&reports.iter().collect::<Vec<_>>(), windows)
}

/// [`cluster`] over borrowed reports; member indices point into `reports`.
pub(crate) fn cluster_refs(reports: &[&Report], windows: &Windows) -> Vec<Cluster> {
    let mut by_tier: [Vec<(Date, Date, usize)>; 5] = Default::default();
    for (i, r) in reports.iter().enumerate() {
        let t = tier(r);
        let (first, last) = r.date.map_or((Date::MIN, Date::MIN), |d| (d.first, d.last));
        by_tier[t as usize].push((first, last, i));
    }
    for v in &mut by_tier {
        v.sort_unstable();
    }
    let [days, months, years, reported, undated] = by_tier;

    // Founded clusters, kept sorted by `first` with pairwise disjoint spans.
    let mut clusters: Vec<Open> = sweep(&days, windows.trip_gap_days, |d| {
        format!("d{}", d.strftime("%Y-%m-%d"))
    });
    attach_or_found(&mut clusters, &months, |d| {
        format!("m{}", d.strftime("%Y-%m"))
    });
    attach_or_found(&mut clusters, &years, |d| format!("y{}", d.strftime("%Y")));

    // Publication dates: a headline or lead with no time expression is about the event its
    // own document dates ("Wiratmaja's Japan trip secured pledges" over "visited Japan in
    // October"), the one nearest its publication date; else the nearest founded cluster within
    // the window.
    let mut dated_in: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, c) in clusters.iter().enumerate() {
        for &i in &c.members {
            dated_in
                .entry(reports[i].evidence.document.as_ref())
                .or_default()
                .push(k);
        }
    }
    let distance = |day: Date, c: &Open| {
        if day < c.first {
            (c.first - day).get_days()
        } else if day > c.last {
            (day - c.last).get_days()
        } else {
            0
        }
    };
    let mut alone = Vec::new();
    let mut joins = Vec::new();
    for &(day, _, i) in &reported {
        let rank = |&k: &usize| {
            let c = &clusters[k];
            (
                distance(day, c),
                std::cmp::Reverse(c.members.len()),
                c.first,
            )
        };
        if let Some(&k) = dated_in
            .get(reports[i].evidence.document.as_ref())
            .and_then(|ks| ks.iter().min_by_key(|k| rank(k)))
        {
            joins.push((k, i));
            continue;
        }
        let lo = day
            .checked_sub(jiff::Span::new().days(windows.reported_after))
            .unwrap_or(Date::MIN);
        let hi = day
            .checked_add(jiff::Span::new().days(windows.reported_before))
            .unwrap_or(Date::MAX);
        let start = clusters.partition_point(|c| c.last < lo);
        let best = (start..clusters.len())
            .take_while(|&k| clusters[k].first <= hi)
            .min_by_key(rank);
        match best {
            Some(k) => joins.push((k, i)),
            None => alone.push((day, day, i)),
        }
    }
    for (k, i) in joins {
        clusters[k].members.push(i);
    }
    let mut all = clusters;
    all.extend(sweep(&alone, windows.trip_gap_days, |d| {
        format!("r{}", d.strftime("%Y-%m-%d"))
    }));
    if !undated.is_empty() {
        all.push(Open {
            first: Date::MAX,
            last: Date::MAX,
            anchor: "u".to_string(),
            members: undated.iter().map(|&(_, _, i)| i).collect(),
        });
    }
    all.into_iter()
        .map(|mut c| {
            c.members.sort_unstable();
            Cluster {
                members: c.members,
                anchor: c.anchor,
            }
        })
        .collect()
}

/// Sweep sorted intervals into clusters: a new one starts when an interval begins more than
/// `gap` days after the current cluster's last day.
fn sweep(sorted: &[(Date, Date, usize)], gap: i64, anchor: impl Fn(Date) -> String) -> Vec<Open> {
    let mut out: Vec<Open> = Vec::new();
    for &(first, last, i) in sorted {
        match out.last_mut() {
            Some(c) if (first - c.last).get_days() as i64 <= gap => {
                c.last = c.last.max(last);
                c.members.push(i);
            }
            _ => out.push(Open {
                first,
                last,
                anchor: anchor(first),
                members: vec![i],
            }),
        }
    }
    out
}

/// Attach each coarse interval to the founded cluster it overlaps (most reports, then earliest),
/// judged against the clusters as they were before this tier; found new clusters (by overlap)
/// for the rest, keeping `clusters` sorted and disjoint.
fn attach_or_found(
    clusters: &mut Vec<Open>,
    sorted: &[(Date, Date, usize)],
    anchor: impl Fn(Date) -> String,
) {
    let mut joins = Vec::new();
    let mut alone = Vec::new();
    for &(first, last, i) in sorted {
        let start = clusters.partition_point(|c| c.last < first);
        let best = clusters[start..]
            .iter()
            .enumerate()
            .take_while(|(_, c)| c.first <= last)
            .min_by_key(|(_, c)| (std::cmp::Reverse(c.members.len()), c.first))
            .map(|(k, _)| start + k);
        match best {
            Some(k) => joins.push((k, i)),
            None => alone.push((first, last, i)),
        }
    }
    for (k, i) in joins {
        clusters[k].members.push(i);
    }
    // Overlap only: two different months never merge by nearness.
    let founded = sweep(&alone, 0, anchor);
    if !founded.is_empty() {
        clusters.extend(founded);
        clusters.sort_by_key(|c| c.first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_model::DateValue;
    use jiff::civil::date;

    fn report(date: Option<DateValue>, basis: DateBasis, document: &str) -> Report {
        let mut r = crate::test_report("042|PRK|RUS|actual", document);
        r.date = date;
        r.date_basis = basis;
        r
    }

    fn day(y: i16, m: i8, d: i8) -> Option<DateValue> {
        Some(DateValue::day(date(y, m, d)))
    }

    /// Reports as (date, basis); expected clusters as groups of indices with their anchors.
    #[test]
    fn clusters_table() {
        use DateBasis::{Explicit as E, Relative as R, Reported as P};
        let range = |a: (i8, i8), b: (i8, i8)| {
            Some(DateValue::day_range(
                date(2019, a.0, a.1),
                date(2019, b.0, b.1),
            ))
        };
        type Case = (
            &'static str,
            Vec<(Option<DateValue>, DateBasis)>,
            Vec<(&'static str, Vec<usize>)>,
        );
        let cases: Vec<Case> = vec![
            (
                "left Monday, arrived Tuesday, March 11-14 visit",
                vec![
                    (day(2019, 3, 11), R),
                    (day(2019, 3, 12), R),
                    (range((3, 11), (3, 14)), E),
                ],
                vec![("d2019-03-11", vec![0, 1, 2])],
            ),
            (
                "across a month boundary",
                vec![(day(2019, 1, 31), R), (day(2019, 2, 2), E)],
                vec![("d2019-01-31", vec![0, 1])],
            ),
            (
                "a month later is another trip",
                vec![(day(2019, 3, 11), R), (day(2019, 4, 15), R)],
                vec![("d2019-03-11", vec![0]), ("d2019-04-15", vec![1])],
            ),
            (
                "a back-reference by month joins the trip",
                vec![
                    (day(2019, 3, 11), R),
                    (DateValue::month(2019, 3), R),
                    (day(2019, 7, 22), R),
                ],
                vec![("d2019-03-11", vec![0, 1]), ("d2019-07-22", vec![2])],
            ),
            (
                "October 2023 and January 2024 stay apart",
                vec![
                    (DateValue::month(2023, 10), R),
                    (DateValue::month(2024, 1), R),
                ],
                vec![("m2023-10", vec![0]), ("m2024-01", vec![1])],
            ),
            (
                "a year joins the cluster inside it, or founds its own",
                vec![
                    (DateValue::year(2023), R),
                    (DateValue::month(2023, 10), E),
                    (DateValue::year(2021), R),
                ],
                vec![("y2021", vec![2]), ("m2023-10", vec![0, 1])],
            ),
            (
                "publication date joins the nearest trip within the window",
                vec![
                    (day(2019, 3, 11), R),
                    (day(2019, 3, 16), P),
                    (day(2019, 3, 30), P),
                ],
                vec![("d2019-03-11", vec![0, 1]), ("r2019-03-30", vec![2])],
            ),
            (
                "undated reports stay apart from dated ones",
                vec![(None, R), (day(2019, 3, 11), R)],
                vec![("d2019-03-11", vec![1]), ("u", vec![0])],
            ),
        ];
        for (why, input, want) in cases {
            let reports: Vec<Report> = input
                .iter()
                .enumerate()
                .map(|(i, (d, b))| report(*d, *b, &format!("doc-{i}")))
                .collect();
            let got: Vec<(String, Vec<usize>)> = cluster(&reports, &Windows::default())
                .into_iter()
                .map(|c| (c.anchor, c.members))
                .collect();
            let want: Vec<(String, Vec<usize>)> =
                want.into_iter().map(|(a, m)| (a.to_string(), m)).collect();
            assert_eq!(got, want, "{why}");

            // Any order gives the same clusters, as sets of documents.
            let as_docs = |rs: &[Report]| {
                let mut v: Vec<(String, Vec<String>)> = cluster(rs, &Windows::default())
                    .into_iter()
                    .map(|c| {
                        let mut d: Vec<String> = c
                            .members
                            .iter()
                            .map(|&i| rs[i].evidence.document.to_string())
                            .collect();
                        d.sort();
                        (c.anchor, d)
                    })
                    .collect();
                v.sort();
                v
            };
            let mut reversed = reports.clone();
            reversed.reverse();
            assert_eq!(as_docs(&reversed), as_docs(&reports), "{why}: order");
        }
    }

    #[test]
    fn a_headline_joins_what_its_own_story_dates() {
        // A wrap-up six weeks after the trip: its headline has no date, its body says March.
        let reports = [
            report(day(2019, 3, 11), DateBasis::Relative, "first"),
            report(DateValue::month(2019, 3), DateBasis::Relative, "wrap-up"),
            report(day(2019, 4, 20), DateBasis::Reported, "wrap-up"),
            report(day(2019, 4, 20), DateBasis::Reported, "other"),
        ];
        let got: Vec<(String, Vec<usize>)> = cluster(&reports, &Windows::default())
            .into_iter()
            .map(|c| (c.anchor, c.members))
            .collect();
        assert_eq!(
            got,
            [
                ("d2019-03-11".to_string(), vec![0, 1, 2]),
                ("r2019-04-20".to_string(), vec![3])
            ]
        );
    }
}
