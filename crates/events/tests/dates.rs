//! Event dates from vague times, on sentences we wrote: "recently" and "soon" touching the
//! trigger date the event by the publication date (basis reported) and keep a later date in
//! the clause from being taken; elsewhere a real date wins.

use attache_entities::Recognizer;
use attache_events::Coder;
use attache_model::{Article, DateBasis, EventMention, Vague};
use attache_text::Cleaner;
use attache_time::TimeTagger;
use jiff::civil::Date;

fn code(text: &str, published: &str) -> Vec<EventMention> {
    let mut article = Article::from_text("t", text);
    article.published = Some(published.parse::<Date>().unwrap());
    let doc = Cleaner::new().process(&article).unwrap();
    let mentions = Recognizer::new().unwrap().find(&doc);
    let times = TimeTagger::new().find(&doc);
    Coder::new().code(&doc, &mentions.actors, &mentions.places, &times)
}

/// (sentence, publication date, target country, expected date, expected basis, expected vague
/// flag) of the first visit (042) to that country.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    DateBasis,
    Option<Vague>,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ("Mongolian Foreign Minister Bat Dorj recently visited Moscow and will travel to Beijing next week.", "2024-01-10", "RUS", "2024-01-10", DateBasis::Reported, Some(Vague::Past)),
    ("Mongolian Foreign Minister Bat Dorj recently visited Moscow and will travel to Beijing next week.", "2024-01-10", "CHN", "2024-01-15/2024-01-21", DateBasis::Relative, None),
    ("Mongolian Foreign Minister Bat Dorj visited Moscow recently.", "2024-01-10", "RUS", "2024-01-10", DateBasis::Reported, Some(Vague::Past)),
    ("Chinese Vice Premier Liu Tao will soon visit Seoul.", "2022-03-15", "KOR", "2022-03-15", DateBasis::Reported, Some(Vague::Future)),
    ("Mongolian Foreign Minister Bat Dorj previously visited Moscow on Oct. 19, 2021.", "2024-01-10", "RUS", "2021-10-19", DateBasis::Explicit, None),
    ("Chinese Vice Premier Liu Tao, now in Hanoi, will visit Seoul on Friday.", "2022-03-15", "KOR", "2022-03-18", DateBasis::Relative, None),
];

#[test]
fn vague_times_date_events_by_publication() {
    let mut failures = Vec::new();
    for &(text, published, target, want_date, want_basis, want_vague) in CASES {
        let events = code(text, published);
        let got = events
            .iter()
            .find(|e| {
                e.code.as_str() == "042"
                    && e.target
                        .country
                        .as_ref()
                        .is_some_and(|c| c.as_str() == target)
            })
            .map(|e| {
                let date = e.date.map(|d| match d.end_iso() {
                    Some(end) => format!("{}/{end}", d.start_iso()),
                    None => d.start_iso(),
                });
                (date, e.date_basis, e.date_vague)
            });
        let want = Some((Some(want_date.to_string()), want_basis, want_vague));
        if got != want {
            failures.push(format!("{text}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
