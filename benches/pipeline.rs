//! Throughput of the per-document pipeline on one core.
//!
//! Generates a deterministic corpus of realistic crawled articles (≥ 10 MB: wire copy with
//! datelines, bylines, share widgets, captions printed twice, related-story blocks) from our
//! own templates, runs every per-document stage (clean, entities, time, coder, report) on one
//! thread, and prints articles/s, MB/s and sentences/s (sentences of the cleaned text, junk
//! removed: the unit PETRARCH-style coders are measured in).
//!
//! Then each stage alone over the same corpus (clean; actors and places; times and durations;
//! the coder on the stages' outputs), each timed on its own pass, with MB/s of the crawled input
//! so that the stages' figures add up to the pipeline's.
//!
//! Run: `cargo bench -p attache --bench pipeline` (set ATTACHE_BENCH_MB to change the size).

use std::hint::black_box;
use std::time::Instant;

use attache::pipeline::Pipeline;
use attache_entities::Recognizer;
use attache_events::Coder;
use attache_model::Article;
use attache_text::Cleaner;
use attache_time::TimeTagger;

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("North Korea", "North Korean", "Pyongyang"),
    ("Russia", "Russian", "Moscow"),
    ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Iran", "Iranian", "Tehran"),
    ("Mongolia", "Mongolian", "Ulan Bator"),
    ("South Korea", "South Korean", "Seoul"),
    ("Germany", "German", "Berlin"),
    ("Turkey", "Turkish", "Ankara"),
];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "Vice Foreign Minister",
    "Defense Minister",
    "Prime Minister",
    "envoy",
];
const NAMES: &[&str] = &[
    "Ri Chol-man",
    "Pavel Orlov",
    "Wang Jiming",
    "Sato Kenji",
    "Nguyen Van Hai",
    "Reza Karimi",
    "Bat-Erdene Dorj",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A tiny deterministic generator (xorshift), so every run benchmarks the same corpus.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.next() % xs.len()]
    }
}

fn article(rng: &mut Rng, n: usize) -> Article {
    let (a, a_adj, a_cap) = *rng.pick(COUNTRIES);
    let (b, b_adj, b_cap) = *rng.pick(COUNTRIES);
    let title = *rng.pick(TITLES);
    let name = *rng.pick(NAMES);
    let month = *rng.pick(MONTHS);
    let day = 1 + rng.next() % 27;
    let year = 2006 + rng.next() % 19;
    let weekday = *rng.pick(DAYS);
    let headline = format!("{a_adj} {title} heads to {b} for talks");
    let mut text = format!(
        "Home > World > Asia\n\n{headline}\n\n{headline}\n\nBy Staff Writer | {month} {day}, {year} at 9:{:02} AM\nshare with facebook\nshare with twitter\n\
Sign up for our weekly newsletter\n\n\
{}, {month} {day} (Yonhap) -- {a_adj} {title} {name} left {a_cap} for {b} on {weekday}, state media reported, \
in the latest sign of deepening ties between the two countries.\n\n\
{name} is expected to hold talks with his {b_adj} counterpart in {b_cap} and to sign an agreement on trade and \
fisheries, according to the official news agency.\n\n\
The trip comes weeks after a {b_adj} delegation visited {a} for an economic forum, and officials said a summit \
could follow later this year if the talks go well.\n\n\
{a} and {b} have expanded cooperation in energy, transport and education since {}, when the two sides signed a \
framework treaty. Analysts in {b_cap} said the visit showed that both governments wanted to deepen ties.\n\n\
\"We welcome every step toward peace and prosperity in the region,\" a spokesman for the foreign ministry told reporters \
on {weekday}, declining to give details of the itinerary.\n\n\
Earlier this month, {b_adj} tourists traveled to {a_cap} on a chartered flight, the first such group in years.\n\n\
(END)\n\n\
Related Stories\n{b} leader to visit {a} next month\nTrade talks resume in {b_cap}\n\n\
Copyright (c) {year} Example News. All rights reserved.\n",
        a_cap.to_uppercase(),
        year - 3,
        9 + n % 50,
    );
    // Vary the length a little, as real articles do.
    for _ in 0..rng.next() % 3 {
        text.push_str(&format!(
            "\nThe {a_adj} side also raised regional security and said it hoped {b} would support its position at the United Nations.\n"
        ));
    }
    Article::from_text(format!("bench-{n:05}"), text)
}

fn main() {
    let target_mb: f64 = std::env::var("ATTACHE_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12.0);
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut corpus = Vec::new();
    let mut bytes = 0usize;
    while (bytes as f64) < target_mb * 1e6 {
        let a = article(&mut rng, corpus.len());
        bytes += a.body.len();
        corpus.push(a);
    }
    let pipeline = Pipeline::new().expect("pipeline builds");
    // Warm-up pass on a slice, then the timed pass over the whole corpus on this one thread.
    for a in corpus.iter().take(200) {
        black_box(pipeline.process(a).ok());
    }
    let started = Instant::now();
    let (mut events, mut sentences) = (0usize, 0usize);
    for a in &corpus {
        if let Ok(p) = pipeline.process(a) {
            events += p.events.len();
            sentences += p.document.sentences.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "pipeline (1 thread): {} articles, {:.1} MB, {} sentences, {} event mentions in {:.2}s: {:.0} articles/s, {:.2} MB/s, {:.0} sentences/s",
        corpus.len(),
        bytes as f64 / 1e6,
        sentences,
        events,
        secs,
        corpus.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        sentences as f64 / secs
    );
    stages(&corpus, bytes, sentences);
}

/// Each stage alone, on its own pass over the corpus (the earlier stages' outputs computed
/// beforehand), so that its cost is not hidden in the whole.
fn stages(corpus: &[Article], bytes: usize, sentences: usize) {
    let cleaner = Cleaner::new();
    let recognizer = Recognizer::new().expect("gazetteers load");
    let tagger = TimeTagger::new();
    let coder = Coder::new();
    let report = |stage: &str, secs: f64| {
        println!(
            "  {stage:<28} {secs:6.2}s: {:8.2} MB/s, {:8.0} articles/s, {:9.0} sentences/s",
            bytes as f64 / 1e6 / secs,
            corpus.len() as f64 / secs,
            sentences as f64 / secs
        );
    };
    let started = Instant::now();
    let docs: Vec<_> = corpus
        .iter()
        .filter_map(|a| cleaner.process(a).ok())
        .collect();
    report("clean (text)", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let mentions: Vec<_> = docs.iter().map(|d| recognizer.find(d)).collect();
    report("actors, places (entities)", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let times: Vec<_> = docs.iter().map(|d| tagger.find_all(d)).collect();
    report("times, durations (time)", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let mut events = 0;
    for ((d, m), (t, durations)) in docs.iter().zip(&mentions).zip(&times) {
        events += black_box(coder.code(d, &m.actors, &m.places, t, durations)).len();
    }
    report("coder (events)", started.elapsed().as_secs_f64());
    black_box(events);
}
