//! The visit coder on single sentences we wrote, one case per line: text, publication date,
//! and the expected (code, source, target, modality, date) of every event mention.

use attache_entities::Recognizer;
use attache_events::Coder;
use attache_model::{Article, EventMention};
use attache_text::Cleaner;
use attache_time::TimeTagger;
use jiff::civil::Date;

struct Stages {
    cleaner: Cleaner,
    recognizer: Recognizer,
    tagger: TimeTagger,
    coder: Coder,
}

impl Stages {
    fn new() -> Stages {
        Stages {
            cleaner: Cleaner::new(),
            recognizer: Recognizer::new().unwrap(),
            tagger: TimeTagger::new(),
            coder: Coder::new(),
        }
    }

    fn code(&self, text: &str, published: &str) -> Vec<EventMention> {
        let mut article = Article::from_text("t", text);
        article.published = Some(published.parse::<Date>().unwrap());
        let doc = self.cleaner.process(&article).unwrap();
        let mentions = self.recognizer.find(&doc);
        let times = self.tagger.find(&doc);
        let durations = self.tagger.durations(&doc);
        self.coder
            .code(&doc, &mentions.actors, &mentions.places, &times, &durations)
    }
}

/// An event as (code, source, target, modality, date); the date is ISO at its precision,
/// with "/end" for a range.
type Want = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn render(e: &EventMention) -> (String, String, String, String, String) {
    let country = |a: &attache_model::Actor| {
        a.country
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    let date = e
        .date
        .map(|d| match d.end_iso() {
            Some(end) => format!("{}/{end}", d.start_iso()),
            None => d.start_iso(),
        })
        .unwrap_or_default();
    (
        e.code.to_string(),
        country(&e.source),
        country(&e.target),
        e.modality.as_str().to_string(),
        date,
    )
}

#[rustfmt::skip]
const CASES: &[(&str, &str, &[Want])] = &[
    // Departures, arrivals, stays, trips.
    ("North Korean Foreign Minister Ri Chol-su left Pyongyang for Moscow on Monday.", "2024-02-14", &[("042", "PRK", "RUS", "actual", "2024-02-12")]),
    ("Russian Defense Minister Oleg Petrov arrived in Hanoi on Tuesday for a three-day visit.", "2023-05-10", &[("042", "RUS", "VNM", "actual", "2023-05-09")]),
    ("Vietnamese President Tran Van Long is in Tokyo on a state visit.", "2019-06-03", &[("042", "VNM", "JPN", "actual", "2019-06-03")]),
    ("Mongolian Prime Minister Bat-Erdene Dorj's trip to Beijing in October was his first abroad.", "2024-01-10", &[("042", "MNG", "CHN", "actual", "2023-10")]),
    ("A delegation led by Chinese Vice Premier Liu Tao departed Beijing on Sunday for a trip to Laos.", "2018-09-04", &[("042", "CHN", "LAO", "actual", "2018-09-02")]),
    // Hosts (043), coordinated destinations.
    ("South Korean President Lee Min-ho hosted Indonesian President Adi Santoso in Seoul on Friday.", "2021-11-08", &[("043", "KOR", "IDN", "actual", "2021-11-05")]),
    ("German Foreign Minister Karl Vogt will travel to Seoul and Tokyo on Feb. 2.", "2023-01-27", &[("042", "DEU", "KOR", "planned", "2023-02-02"), ("042", "DEU", "JPN", "planned", "2023-02-02")]),
    // Modality.
    ("Chinese Vice Premier Liu Tao will visit Seoul next month.", "2022-03-15", &[("042", "CHN", "KOR", "planned", "2022-04")]),
    ("Iranian Foreign Minister Reza Karimi plans to visit Ankara.", "2020-07-01", &[("042", "IRN", "TUR", "planned", "2020-07-01")]),
    ("Japan denied reports that Japanese Foreign Minister Aki Sato had visited Pyongyang.", "2018-05-02", &[("042", "JPN", "PRK", "negated", "2018-05-02")]),
    ("Analysts said Iranian President Reza Ahmadi may travel to Moscow.", "2017-03-01", &[("042", "IRN", "RUS", "possible", "2017-03-01")]),
    ("Will Russian President Ivan Sokolov visit Pyongyang?", "2023-08-30", &[("042", "RUS", "PRK", "possible", "2023-08-30")]),
    // A pronoun after another name is not resolved: "his" is Petersen's, whose country is unknown.
    ("North Korean Vice Foreign Minister Ri Chol-ho met Lars Petersen during his visit to Seoul.", "2019-06-03", &[]),
    // Issue 5: stops, travel legs, visits in time clauses, definite titles, called-off trips.
    ("Japanese Defense Minister Taro Ishida stopped over in Singapore on Friday on his way to Australia.", "2024-05-11", &[("042", "JPN", "SGP", "actual", "2024-05-10")]),
    ("German Foreign Minister Markus Brandl arrived in Seoul on Thursday. The minister made a brief stop in Beijing on Wednesday.", "2023-02-03", &[("042", "DEU", "KOR", "actual", "2023-02-02"), ("042", "DEU", "CHN", "actual", "2023-02-01")]),
    ("A delegation led by Thai Parliament Speaker Somchai Wong arrived in Hanoi on Monday. The speaker will then travel to Laos on Thursday.", "2024-06-10", &[("042", "THA", "VNM", "actual", "2024-06-10"), ("042", "THA", "LAO", "planned", "2024-06-13")]),
    ("Vietnamese Foreign Minister Bui Van Thanh returned home on Sunday after his Jan. 10-12 visit to Laos.", "2024-01-15", &[("042", "VNM", "LAO", "actual", "2024-01-10/2024-01-12")]),
    ("Thailand's foreign minister said on Monday that the talks had gone well, after he visited Tokyo last week.", "2024-06-12", &[("042", "THA", "JPN", "actual", "2024-06-03/2024-06-09")]),
    ("Indian Prime Minister Arjun Mehta will not travel to Dhaka next week. The trip was called off after protests in the Bangladeshi capital.", "2024-06-12", &[("042", "IND", "BGD", "negated", "2024-06-17/2024-06-23"), ("042", "IND", "BGD", "negated", "2024-06-17/2024-06-23")]),
    ("Diplomats say Mongolian President Batbold Enkh may visit China.", "2024-03-04", &[("042", "MNG", "CHN", "possible", "2024-03-04")]),
    ("Officials raised the prospect of a possible trip by Indonesian President Adi Santoso to Canberra.", "2024-03-04", &[("042", "IDN", "AUS", "possible", "2024-03-04")]),
    ("Laos hopes a visit by Vietnamese President Tran Van Long to Vientiane will bring new investment.", "2024-03-04", &[("042", "VNM", "LAO", "actual", "2024-03-04")]),
    // Headlines: an official in a place; a title the body names in full.
    ("Thai Foreign Minister in Hanoi for border talks\n\nHANOI, June 10 (AFP) - Thai Foreign Minister Somchai Wong arrived in Hanoi on Monday.", "2024-06-10", &[("042", "THA", "VNM", "actual", "2024-06-10"), ("042", "THA", "VNM", "actual", "2024-06-10")]),
    ("Parliamentary speaker heads to Laos for trade talks\n\nBANGKOK, June 10 (AFP) - Thai Parliament Speaker Somchai Wong left Bangkok on Monday for Vientiane.", "2024-06-10", &[("042", "THA", "LAO", "actual", "2024-06-10"), ("042", "THA", "LAO", "actual", "2024-06-10")]),
    ("Cambodian Deputy Prime Minister Arrives in Tokyo for Talks\n\nTOKYO, June 10 (AFP) - Cambodian Deputy Prime Minister Sok Chenda arrived in Tokyo on Monday.", "2024-06-10", &[("042", "KHM", "JPN", "actual", "2024-06-10"), ("042", "KHM", "JPN", "actual", "2024-06-10")]),
    // A foreign official received in person is a guest, in the body as in the headline.
    ("Cambodian Prime Minister receives Lao Foreign Minister\n\nPHNOM PENH, June 10 (AKP) - Cambodian Prime Minister Hun Vichet received Lao Foreign Minister Somsak Vong on Monday.", "2024-06-10", &[("043", "KHM", "LAO", "actual", "2024-06-10"), ("043", "KHM", "LAO", "actual", "2024-06-10")]),
    // Due or expected in a place: a planned visit, whose purpose after "for" is no other event.
    ("Russian Foreign Minister Sergei Lavin is due in Pyongyang on Friday for talks with his North Korean counterpart.", "2024-06-12", &[("042", "RUS", "PRK", "planned", "2024-06-14")]),
    ("Russian Foreign Minister Sergei Lavin is expected in Pyongyang on Friday.", "2024-06-12", &[("042", "RUS", "PRK", "planned", "2024-06-14")]),
    ("Russian Foreign Minister Sergei Lavin is not expected in Pyongyang on Friday.", "2024-06-12", &[("042", "RUS", "PRK", "negated", "2024-06-14")]),
    // An organisation's official travels too: no country, the organisation's code.
    ("UN envoy Martin Holt arrived in Damascus on Monday.", "2024-06-12", &[("042", "", "SYR", "actual", "2024-06-10")]),
    // A headline's visit with no place: a foreign visitor visits the dateline's country.
    ("Pact signed during Nepali premier's visit\n\nNEW DELHI, June 10 (PTI) India and Nepal signed a pact on Monday.", "2024-06-10", &[("042", "NPL", "IND", "actual", "2024-06-10")]),
    // A weekday between the visitor and "his" leaves the pronoun the visitor's.
    ("Australian Prime Minister Daniel Archer arrived on Monday for his first visit to Indonesia.", "2024-06-12", &[("042", "AUS", "IDN", "actual", "2024-06-10")]),
    // A passive: the host is the agent after "by", the guest the subject.
    ("JAKARTA, June 10 (ANTARA) - Australian Prime Minister Daniel Archer was received by Indonesian President Bambang Sulistyo on Monday.", "2024-06-10", &[("043", "IDN", "AUS", "actual", "2024-06-10")]),
    // "met with visiting X": X is on a visit where the story is, or where the meeting is.
    ("BEIJING, April 18 (Xinhua) -- Chinese Premier Li Qiang met with visiting Namibian President Nangolo Mbumba on Friday.", "2025-04-18", &[("042", "NAM", "CHN", "actual", "2025-04-18")]),
    ("Chinese Premier Li Qiang held talks with the visiting Namibian President Nangolo Mbumba in Beijing on Friday.", "2025-04-18", &[("042", "NAM", "CHN", "actual", "2025-04-18")]),
    // A welcoming ceremony held for a visitor hosts him.
    ("ASTANA, June 12 (Xinhua) -- Kazakh President Nurlan Abenov held a welcoming ceremony for Chinese President Zhou Liming on Thursday.", "2025-06-12", &[("043", "KAZ", "CHN", "actual", "2025-06-12")]),
    // A dinner hosted in a guest's honour: the guest is the visitor reported before.
    ("SANTIAGO (AP) - Argentine President Julian Ortega arrived in Santiago on Monday. Chilean President Camila Fuentes hosted a state dinner in his honor.", "2025-11-18", &[("042", "ARG", "CHL", "actual", "2025-11-17"), ("043", "CHL", "ARG", "actual", "2025-11-18")]),
    // A flight lands in the place after "into", also in a relative clause.
    ("MANILA, April 22 (Kyodo) - Japanese Defense Minister Kenta Mori, who flew into Manila on Monday, inspected a naval base.", "2025-04-22", &[("042", "JPN", "PHL", "actual", "2025-04-21")]),
    // ... also with a place between the verb and "by".
    ("JAKARTA, June 10 (ANTARA) - Australian Prime Minister Daniel Archer was welcomed at the Merdeka palace by Indonesian President Bambang Sulistyo on Monday.", "2024-06-10", &[("043", "IDN", "AUS", "actual", "2024-06-10")]),
    // A thing received, or a possessive's thing, is no guest.
    ("JAKARTA, June 10 (ANTARA) - Indonesian President Bambang Sulistyo received a letter from Russian President Pavel Orlov on Monday.", "2024-06-10", &[]),
    ("Prime Minister receives Lao Foreign Minister\n\nPHNOM PENH, June 10 (AKP) - Cambodian Prime Minister Hun Vichet received the visiting Lao Foreign Minister Somsak Vong on Monday.", "2024-06-10", &[("043", "KHM", "LAO", "actual", "2024-06-10"), ("043", "KHM", "LAO", "actual", "2024-06-10")]),
    ("China denies Vietnamese defence chief visited Beijing\n\nBEIJING, June 10 (AFP) - China's foreign ministry on Monday denied reports that Vietnam's defence minister had visited Beijing.", "2024-06-10", &[("042", "VNM", "CHN", "negated", "2024-06-10"), ("042", "VNM", "CHN", "negated", "2024-06-10")]),
    // An envoy sent is the sender's visit, not aid; other things sent are no visit.
    ("Russia sent its defence minister to Pyongyang on Tuesday.", "2024-09-12", &[("042", "RUS", "PRK", "actual", "2024-09-10")]),
    ("China will send a high-level delegation to Seoul next month, Xinhua said.", "2024-09-12", &[("042", "CHN", "KOR", "planned", "2024-10")]),
    ("Vietnam will send its foreign minister to Vientiane if Laos agrees to host the talks.", "2024-09-12", &[("042", "VNM", "LAO", "possible", "2024-09-12")]),
    ("Japan sent rice and blankets to Nepal on Tuesday.", "2024-09-12", &[]),
    // A visit named again by its visitor, with no place: the visit reported before.
    ("Iranian President Hamid Rezaei received the visiting Armenian Prime Minister Aram Sargsyan in Tehran on Monday. Sargsyan's visit came weeks after talks in Baku.", "2019-11-06", &[("043", "IRN", "ARM", "actual", "2019-11-04"), ("042", "ARM", "IRN", "actual", "2019-11-04")]),
    // ... but not when the clause dates or places it: that is another event's.
    ("Indonesian Foreign Minister Ratna Sari arrived in Tokyo on Thursday. Her visit follows talks with Japanese officials in Jakarta in October.", "2024-01-25", &[("042", "IDN", "JPN", "actual", "2024-01-25")]),
    // Places no gazetteer lists: a region named by its country's adjective, a facility in a
    // listed place, a capital named by its country's adjective.
    ("North Korean leader Kim Ju-song arrived in the Russian Far East on Tuesday.", "2023-09-13", &[("042", "PRK", "RUS", "actual", "2023-09-12")]),
    ("Chinese Premier Li Wen arrived in the Mongolian capital on Monday.", "2024-06-11", &[("042", "CHN", "MNG", "actual", "2024-06-10")]),
    ("North Korean leader Kim Ju-song arrived at the Vostochny Cosmodrome in Russia on Wednesday.", "2023-09-14", &[("042", "PRK", "RUS", "actual", "2023-09-13")]),
    // ... and one whose country the text does not give is no host.
    ("North Korean leader Kim Ju-song visited the Komsomolsk-on-Amur aircraft plant on Friday.", "2023-09-16", &[]),
    // A capital after "by" is no visitor.
    ("Officials raised the prospect of a possible trip by boat to Tokyo.", "2024-03-04", &[]),
    // Not visits.
    ("Chinese workers in Japan protest over unpaid wages\n\nTOKYO, June 10 (AFP) - Hundreds of Chinese workers rallied in Tokyo on Monday.", "2024-06-10", &[]),
    ("The meeting was cancelled after the storm.", "2024-06-10", &[]),
    ("North Korean leader Kim Jong Un visited a munitions factory in Pyongyang.", "2023-09-01", &[]),
    ("The number of foreign visitors to Seoul fell by 3 percent.", "2017-07-05", &[]),
    ("The two ministers held talks by phone on Monday.", "2020-05-18", &[]),
];

#[test]
fn visit_sentences() {
    let stages = Stages::new();
    let mut failures = Vec::new();
    for (text, published, want) in CASES {
        // Visits only: other roots are the pattern coder's and have their own tests.
        let got: Vec<_> = stages
            .code(text, published)
            .iter()
            .filter(|e| matches!(e.code.as_str(), "042" | "043"))
            .map(render)
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(c, s, t, m, d)| {
                (
                    c.to_string(),
                    s.to_string(),
                    t.to_string(),
                    m.to_string(),
                    d.to_string(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{text}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn evidence_spans_point_at_the_trigger_and_actors() {
    let stages = Stages::new();
    let text = "Russian Defense Minister Oleg Petrov arrived in Hanoi on Tuesday.";
    let events: Vec<_> = stages
        .code(text, "2023-05-10")
        .into_iter()
        .filter(|e| e.code.as_str() == "042")
        .collect();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(&*e.rule, "visit.arrive");
    assert_eq!(&text[e.trigger.start..e.trigger.end], "arrived");
    let source = e.source_span.unwrap();
    assert_eq!(
        &text[source.start..source.end],
        "Russian Defense Minister Oleg Petrov"
    );
    assert_eq!(e.source.code.as_ref().unwrap().as_str(), "RUSGOV");
    assert_eq!(e.location.as_ref().unwrap().name.as_ref(), "Hanoi");
}

#[test]
fn a_called_off_trip_points_at_its_own_words() {
    let stages = Stages::new();
    let text = "Indian Prime Minister Arjun Mehta will not travel to Dhaka next week. The trip was called off after protests.";
    let events: Vec<_> = stages
        .code(text, "2024-06-12")
        .into_iter()
        .filter(|e| &*e.rule == "visit.called-off")
        .collect();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(&text[e.trigger.start..e.trigger.end], "trip was called off");
    assert_eq!(e.source_span, None, "Mehta is not named in this sentence");
    assert_eq!(e.target_span, None);
    assert_eq!(e.target.name.as_deref(), Some("Dhaka"));
}
