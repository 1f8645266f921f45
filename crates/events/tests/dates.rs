//! Event dates from vague times, on sentences we wrote: "recently" and "soon" touching the
//! trigger date the event by the publication date (basis reported) and keep a later date in
//! the clause from being taken; elsewhere a real date wins. A date that modifies the event's
//! noun ("their Sept. 13 meeting", "last week's visit") dates the event.

use attache_entities::Recognizer;
use attache_events::Coder;
use attache_model::{Article, DateBasis, EventMention, Modality, Vague};
use attache_text::Cleaner;
use attache_time::TimeTagger;
use jiff::civil::Date;

fn code(text: &str, published: &str) -> Vec<EventMention> {
    let mut article = Article::from_text("t", text);
    article.published = Some(published.parse::<Date>().unwrap());
    let doc = Cleaner::new().process(&article).unwrap();
    let mentions = Recognizer::new().unwrap().find(&doc);
    let tagger = TimeTagger::new();
    let (times, durations) = (tagger.find(&doc), tagger.durations(&doc));
    Coder::new().code(&doc, &mentions.actors, &mentions.places, &times, &durations)
}

/// The first event of `text` with this code, source country and target country.
fn event_of(
    text: &str,
    published: &str,
    want_code: &str,
    source: &str,
    target: &str,
) -> Option<EventMention> {
    let country = |a: &attache_model::Actor| a.country.as_ref().map(|c| c.as_str().to_string());
    code(text, published).into_iter().find(|e| {
        e.code.as_str() == want_code
            && country(&e.source).as_deref() == Some(source)
            && country(&e.target).as_deref() == Some(target)
    })
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

/// Dates that modify the event's noun take its date: (sentence, publication date, code,
/// source country, target country, expected date "first" or "first/last").
#[rustfmt::skip]
const NOMINAL: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("Russian President Vladimir Putin recalled their Sept. 13 meeting with North Korean leader Kim Jong Un.", "2024-01-10", "040", "RUS", "PRK", "2023-09-13"),
    ("Monday's talks between Chinese Foreign Minister Wang Yi and Japanese Foreign Minister Taro Kono ended without a statement.", "2024-01-10", "046", "CHN", "JPN", "2024-01-08"),
    // The date sits inside the trigger "held ... talks": both directions take it.
    ("Chinese Foreign Minister Wang Yi held Monday's talks with Japanese Foreign Minister Taro Kono in Tokyo.", "2024-01-10", "046", "CHN", "JPN", "2024-01-08"),
    ("Chinese Foreign Minister Wang Yi held Monday's talks with Japanese Foreign Minister Taro Kono in Tokyo.", "2024-01-10", "046", "JPN", "CHN", "2024-01-08"),
    ("The Oct. 19 summit between Russia and China in Beijing produced a joint statement.", "2024-01-10", "040", "RUS", "CHN", "2023-10-19"),
    ("Last week's visit by Mongolian Foreign Minister Bat Dorj to Moscow produced a trade deal.", "2024-01-10", "042", "MNG", "RUS", "2024-01-01/2024-01-07"),
    ("Mongolian Foreign Minister Bat Dorj described last week's visit to Moscow as a success.", "2024-01-10", "042", "MNG", "RUS", "2024-01-01/2024-01-07"),
    // The visitor in a "by" phrase after the place; the possessive is a time, not an owner.
    ("Last week's visit to Moscow by Japanese Foreign Minister Taro Kono drew protests.", "2024-01-10", "042", "JPN", "RUS", "2024-01-01/2024-01-07"),
    ("Officials praised last week's visit to Moscow by Japan's foreign minister.", "2024-01-10", "042", "JPN", "RUS", "2024-01-01/2024-01-07"),
    ("Mongolian Foreign Minister Bat Dorj will make the Feb. 15-17 trip to Moscow with a trade delegation.", "2024-01-10", "042", "MNG", "RUS", "2024-02-15/2024-02-17"),
    ("Mongolian Foreign Minister Bat Dorj paid a Feb. 15-17 visit to Moscow.", "2024-01-10", "042", "MNG", "RUS", "2023-02-15/2023-02-17"),
    // "the planned" points ahead though "prepared" is past: the coming Feb. 2.
    ("Russia and Mongolia prepared for the planned Feb. 2 signing of a trade agreement.", "2024-01-10", "057", "RUS", "MNG", "2024-02-02"),
    ("Mongolia and Russia will sign a trade agreement at the planned Feb. 2 signing in Ulaanbaatar.", "2024-01-10", "057", "MNG", "RUS", "2024-02-02"),
];

/// End expressions after the trigger give the event its end; with no start in the text, the
/// publication day stands in for the start. Same columns as [`NOMINAL`].
#[rustfmt::skip]
const ENDS: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("Mongolian Foreign Minister Bat Dorj began a visit to Moscow on Monday that ends next Wednesday.", "2024-01-10", "042", "MNG", "RUS", "2024-01-08/2024-01-17"),
    ("Mongolian Foreign Minister Bat Dorj is visiting Moscow through Feb. 17.", "2024-01-10", "042", "MNG", "RUS", "2024-01-10/2024-02-17"),
    ("Mongolian Foreign Minister Bat Dorj will visit Moscow from Monday to Wednesday.", "2024-01-10", "042", "MNG", "RUS", "2024-01-15/2024-01-17"),
    ("Mongolian Foreign Minister Bat Dorj will visit Moscow from Friday to Monday.", "2024-01-10", "042", "MNG", "RUS", "2024-01-12/2024-01-15"),
    ("Mongolian Foreign Minister Bat Dorj arrived in Moscow on Feb. 12 for a visit until Feb. 14.", "2024-01-10", "042", "MNG", "RUS", "2023-02-12/2023-02-14"),
    ("Mongolian Foreign Minister Bat Dorj will visit Moscow until Oct. 21.", "2024-01-10", "042", "MNG", "RUS", "2024-01-10/2024-10-21"),
    // "to" ends a range only after "from".
    ("Mongolian Foreign Minister Bat Dorj visited Moscow on Monday to prepare for talks on Wednesday.", "2024-01-10", "042", "MNG", "RUS", "2024-01-08"),
];

#[test]
fn nominal_dates_and_ends_date_their_event() {
    let mut failures = Vec::new();
    for &(text, published, want_code, source, target, want) in NOMINAL.iter().chain(ENDS) {
        let got = event_of(text, published, want_code, source, target).map(|e| {
            e.date.map(|d| match d.end_iso() {
                Some(end) => format!("{}/{end}", d.start_iso()),
                None => d.start_iso(),
            })
        });
        if got != Some(Some(want.to_string())) {
            failures.push(format!("{text}\n  expected {want}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A visit noun dated after publication whose clause goes on in the future is a plan; the
/// same noun dated before publication, or in the past tense, is not: (sentence, publication
/// date, source country, target country, expected modality).
#[rustfmt::skip]
const NOUN_MODALITY: &[(&str, &str, &str, &str, Modality)] = &[
    ("Mongolian Foreign Minister Bat Dorj's Feb. 15-17 trip to Moscow will focus on rail transit.", "2024-02-07", "MNG", "RUS", Modality::Planned),
    ("Mongolian Foreign Minister Bat Dorj's Feb. 15-17 trip to Moscow is scheduled to include talks on coal.", "2024-02-07", "MNG", "RUS", Modality::Planned),
    ("Mongolian Foreign Minister Bat Dorj's Feb. 15-17 trip to Moscow focused on rail transit.", "2024-03-07", "MNG", "RUS", Modality::Actual),
    ("Last week's visit to Moscow by Mongolian Foreign Minister Bat Dorj will be followed by talks in Beijing.", "2024-02-07", "MNG", "RUS", Modality::Actual),
];

#[test]
fn a_visit_noun_dated_ahead_in_a_future_clause_is_planned() {
    let mut failures = Vec::new();
    for &(text, published, source, target, want) in NOUN_MODALITY {
        let got = event_of(text, published, "042", source, target).map(|e| e.modality);
        if got != Some(want) {
            failures.push(format!("{text}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Durations go to the event whose trigger they modify or whose clause they end: (sentence,
/// publication date, code, source country, target country, expected duration, "" for none).
#[rustfmt::skip]
const DURATIONS: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("Chinese Vice Premier Liu Tao began a three-day visit to Seoul on Monday.", "2024-01-10", "042", "CHN", "KOR", "P3D"),
    ("Mongolian Foreign Minister Bat Dorj will make a week-long trip to Moscow.", "2024-01-10", "042", "MNG", "RUS", "P1W"),
    ("Mongolian Foreign Minister Bat Dorj paid a five-day official visit to Moscow.", "2024-01-10", "042", "MNG", "RUS", "P5D"),
    ("Mongolian Foreign Minister Bat Dorj visited Moscow for two weeks in December.", "2024-01-10", "042", "MNG", "RUS", "P2W"),
    ("Chinese Foreign Minister Wang Yi held talks with Japanese Foreign Minister Taro Kono for two days.", "2024-01-10", "046", "CHN", "JPN", "P2D"),
    // A duration in another clause is not the visit's.
    ("Mongolian Foreign Minister Bat Dorj visited Moscow, which he had not seen for ten years.", "2024-01-10", "042", "MNG", "RUS", ""),
    ("The 75-year-old Mongolian Foreign Minister Bat Dorj visited Moscow on Monday.", "2024-01-10", "042", "MNG", "RUS", ""),
];

#[test]
fn durations_belong_to_their_event() {
    let mut failures = Vec::new();
    for &(text, published, want_code, source, target, want) in DURATIONS {
        let got = event_of(text, published, want_code, source, target)
            .map(|e| e.duration.map(|d| d.iso()).unwrap_or_default());
        if got.as_deref() != Some(want) {
            failures.push(format!("{text}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
