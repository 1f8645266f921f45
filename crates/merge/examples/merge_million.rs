//! Cost of merging: N synthetic event mentions (default 1,000,000) of N/5 trips in 1,600
//! buckets (40 × 40 countries; a fifth planned) over ten years; each trip reported five times,
//! by day (jittered by up to two days), month, year or publication date, or undated. Run
//! through `Merger` (all buckets clustered and folded). Prints the time to cluster alone and
//! to merge into events.
//!
//! ```sh
//! cargo run --release -p attache-merge --example merge_million [-- N]
//! ```

use std::time::Instant;

use attache_events::codebook::Codebook;
use attache_merge::{cluster, Merger, Windows};
use attache_model::{
    Actor, CameoCode, CountryCode, DateBasis, DateValue, Evidence, Modality, Report,
};
use jiff::civil::date;

/// A small deterministic generator (SplitMix64): the same reports on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const COUNTRIES: [&str; 40] = [
    "CHN", "RUS", "USA", "JPN", "KOR", "PRK", "VNM", "MNG", "IDN", "IND", "IRN", "DEU", "FRA",
    "GBR", "TUR", "BRA", "ZAF", "EGY", "SAU", "PAK", "THA", "LAO", "KHM", "MYS", "PHL", "SGP",
    "AUS", "CAN", "MEX", "ARG", "ITA", "ESP", "POL", "UKR", "KAZ", "UZB", "ARM", "AZE", "GEO",
    "ISR",
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let start = date(2015, 1, 1);
    let codes = [
        CameoCode::parse("042").expect("code"),
        CameoCode::parse("043").expect("code"),
    ];
    let country = |c: &str| Actor {
        country: CountryCode::parse(c).ok(),
        ..Actor::default()
    };
    let made = Instant::now();
    let reports: Vec<Report> = (0..n)
        .map(|i| {
            // The trip: its pair, modality and day come from its own seed.
            let mut trip = Rng(i as u64 / 5);
            let a = COUNTRIES[trip.below(40) as usize];
            let b = COUNTRIES[trip.below(40) as usize];
            let modality = if trip.below(5) == 0 {
                Modality::Planned
            } else {
                Modality::Actual
            };
            let trip_day = start
                .checked_add(jiff::Span::new().days(trip.below(3650) as i64))
                .expect("in range");
            // This report of it.
            let mut rng = Rng(0x5eed ^ i as u64);
            let code = codes[rng.below(2) as usize].clone();
            let day = trip_day
                .checked_add(jiff::Span::new().days(rng.below(3) as i64))
                .expect("in range");
            let (when, basis) = match rng.below(10) {
                0..=5 => (Some(DateValue::day(day)), DateBasis::Relative),
                6 => (
                    DateValue::month(day.year(), day.month()),
                    DateBasis::Relative,
                ),
                7 => (DateValue::year(day.year()), DateBasis::Relative),
                8 => (Some(DateValue::day(day)), DateBasis::Reported),
                _ => (None, DateBasis::Reported),
            };
            let key = format!("042|{a}|{b}");
            Report {
                key,
                code: code.clone(),
                modality,
                source: country(a),
                target: country(b),
                location: None,
                date: when,
                date_basis: basis,
                date_vague: None,
                duration: None,
                evidence: Evidence {
                    document: format!("doc-{}", i / 4).into(),
                    title: None,
                    outlet: Some(format!("outlet-{}", i % 50).into()),
                    published: Some(day),
                    sentence: i % 4,
                    start: 0,
                    end: 7,
                    text: "".into(),
                    sentence_start: 0,
                    sentence_end: 0,
                    trigger: "visited".into(),
                    rule: "visit.verb".into(),
                    coder: "synthetic".into(),
                    code,
                    modality,
                    confidence: 0.8,
                    claimant: None,
                },
            }
        })
        .collect();
    println!("{n} synthetic reports made in {:.2?}", made.elapsed());

    let mut merger = Merger::new(Codebook::builtin());
    // What `merge` clusters: the reports of one bucket and modality.
    let mut buckets: std::collections::BTreeMap<(&str, Modality), Vec<Report>> = Default::default();
    for r in &reports {
        buckets
            .entry((r.key.as_str(), r.modality))
            .or_default()
            .push(r.clone());
    }
    let windows = Windows::default();
    let clustered = Instant::now();
    let clusters: usize = buckets.values().map(|rs| cluster(rs, &windows).len()).sum();
    println!(
        "clustered {n} reports in {} buckets × modalities into {clusters} clusters: {:.2?}",
        buckets.len(),
        clustered.elapsed()
    );
    drop(buckets);

    let merged = Instant::now();
    merger.add(reports);
    let events = merger.events();
    println!(
        "merged {n} reports into {} events (cluster + fold + sort): {:.2?}",
        events.len(),
        merged.elapsed()
    );
}
