//! The event coder: CAMEO-coded event mentions from a cleaned document and its mentions.
//!
//! Two coders share one shallow clause analysis ([`clause`], no parser) behind [`Coder::code`]:
//!
//! - [`visits`] knows official visits in depth (CAMEO 042 "make a visit", 043 "host a visit"):
//!   departures ("left Pyongyang for Russia"), arrivals, stays, trips ("Lavrov's trip to
//!   Pyongyang"), planned, possible and denied visits. Patterns: `data/visits.tsv`.
//! - [`patterns`] codes every other CAMEO root from a readable pattern dictionary
//!   (`data/patterns.tsv`): "X signed a treaty with Y" (057), "X imposed sanctions on Y" (163),
//!   "X accused Y of" (112), "X and Y held talks" (046, both ways) ...
//!
//! ```no_run
//! # use attache_model::{Document, ActorMention, DurationMention, PlaceMention, TimeMention};
//! # fn demo(doc: &Document, actors: &[ActorMention], places: &[PlaceMention], times: &[TimeMention],
//! #         durations: &[DurationMention]) {
//! let coder = attache_events::Coder::new();
//! for event in coder.code(doc, actors, places, times, durations) {
//!     println!("{} {} -> {:?}", event.rule, event.code, event.target.country);
//! }
//! # }
//! ```

mod clause;
pub mod codebook;
mod cues;
mod pattern_file;
pub mod patterns;
mod reactions;
pub mod visits;

use std::sync::Arc;

use attache_model::{
    ActorMention, Document, DurationMention, EventMention, Modality, PlaceMention, Span,
    TimeMention,
};

pub use cues::Cues;
pub use patterns::PatternCoder;
pub use reactions::ActNouns;
pub use visits::VisitCoder;

/// A pattern or cue file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    #[error("{path}:{line}: {message}")]
    Pattern {
        path: String,
        line: usize,
        message: String,
    },
    /// A user's file could not be read at all.
    #[error("{}: {source}", path.display())]
    Read {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The event coder: visits and every other root. Built once, shared by reference across threads.
#[derive(Debug, Clone, Default)]
pub struct Coder {
    visits: VisitCoder,
    patterns: PatternCoder,
    cues: Cues,
    act_nouns: ActNouns,
}

impl Coder {
    /// The coder with the compiled-in patterns and cues (data/visits.tsv, data/patterns.tsv,
    /// data/cues.tsv).
    pub fn new() -> Coder {
        Coder::default()
    }

    /// A coder from its two parts, e.g. with a user's pattern files
    /// ([`VisitCoder::from_tsv`], [`PatternCoder::from_tsv`]).
    pub fn from_parts(visits: VisitCoder, patterns: PatternCoder) -> Coder {
        Coder {
            visits,
            patterns,
            cues: Cues::new(),
            act_nouns: ActNouns::default(),
        }
    }

    /// This coder with other nouns for acts (a user's [`ActNouns::from_tsv`], same format as
    /// data/act_nouns.tsv) in place of the compiled-in ones.
    pub fn with_act_nouns(self, act_nouns: ActNouns) -> Coder {
        Coder { act_nouns, ..self }
    }

    /// This coder with other cue words (a user's [`Cues::from_file`], same format as
    /// data/cues.tsv) in place of the compiled-in ones.
    pub fn with_cues(self, cues: Cues) -> Coder {
        Coder { cues, ..self }
    }

    /// Code the events of one document: visits and every other root, sentence by sentence.
    /// `actors`, `places`, `times` and `durations` are the document's mentions, each sorted
    /// by span.
    pub fn code(
        &self,
        doc: &Document,
        actors: &[ActorMention],
        places: &[PlaceMention],
        times: &[TimeMention],
        durations: &[DurationMention],
    ) -> Vec<EventMention> {
        let mut out = Vec::new();
        clause::for_each_sentence(doc, &self.cues, actors, places, times, durations, |ctx| {
            let first = out.len();
            self.visits.code_sentence(ctx, &mut out);
            let patterns_from = out.len();
            self.patterns.code_sentence(ctx, &mut out);
            let mut patterns = out.split_off(patterns_from);
            // A pattern whose words end with the visit's trigger (a word may follow it) reads
            // it as another act ("peacekeeping troops arrived in Bosnia" is a deployment,
            // 074): no visit. A visit inside a pattern's gap ("signed during the visit an
            // accord") stays.
            let text = &ctx.doc.text;
            let mut j = first;
            while j < out.len() {
                let t = out[j].trigger;
                let covered = patterns.iter().any(|p| {
                    p.trigger.start < t.start
                        && t.end <= p.trigger.end
                        && text
                            .get(t.end..p.trigger.end)
                            .is_some_and(|rest| rest.split_whitespace().count() <= 1)
                });
                if covered {
                    out.remove(j);
                } else {
                    j += 1;
                }
            }
            // A word that triggered a visit triggers nothing else: "sent its defence minister
            // to Pyongyang" is a visit, not aid sent.
            let visits = &out[first..];
            patterns.retain(|p| !visits.iter().any(|v| v.trigger.start == p.trigger.start));
            // "is due in Tbilisi next week for talks with the government": talks after "for"
            // are the visit's purpose, not another event.
            patterns.retain(|p| {
                !(p.code.root() == "04"
                    && purpose_of_visit(ctx, p.trigger.start)
                    && visits.iter().any(|v| v.trigger.end <= p.trigger.start))
            });
            out.append(&mut patterns);
            // "shelled villages along the border, killing three civilians": the toll of an
            // attack told by a participle after a comma is no second attack.
            let mut k = first;
            while k < out.len() {
                if attack_toll(ctx, &out[first..], &out[k]) {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
            // Reported speech: the speaker is recorded with each event, never as its source.
            let (earlier, sentence) = out.split_at_mut(first);
            for event in sentence {
                event.claimant = ctx.claimant(ctx.word_at(event.trigger.start), earlier);
                struck_claimant(event);
            }
        });
        // "France condemned the expulsion": the author of the act, coded in another sentence.
        reactions::resolve(&doc.text, &self.act_nouns, actors, &mut out);
        out
    }
}

/// Whether an actor is a state: its code the bare country, or its government's, military's or
/// police's ("PAK", "PAKGOV", "PAKMIL", "PAKCOP").
pub(crate) fn is_state(a: &attache_model::Actor) -> bool {
    a.code.as_ref().is_some_and(|c| {
        let c = c.as_str();
        c.len() == 3 || (c.len() == 6 && matches!(&c[3..], "GOV" | "MIL" | "COP"))
    })
}

/// "Pakistan says Indian shelling kills three civilians in Kashmir": an act of force that names
/// no target and no place of a known country, reported by another state (a country or its government, military or police),
/// struck that state's people.
fn struck_claimant(e: &mut EventMention) {
    let placed = e.location.as_ref().is_some_and(|l| l.country.is_some());
    let untargeted = e.target.country.is_none() && e.target.code.is_none() && !placed;
    // (A blockade, 191, restricts movement; it strikes no one.)
    let strike = patterns::violent(&e.code) && e.code.as_str() != "191";
    if !strike || !untargeted || e.source.country.is_none() {
        return;
    }
    let Some(claimant) = &e.claimant else {
        return;
    };
    if is_state(claimant) && claimant.country.is_some() && claimant.country != e.source.country {
        e.target = attache_model::Actor {
            country: claimant.country.clone(),
            ..attache_model::Actor::default()
        };
    }
}

/// Whether `e` is the toll of an earlier attack of the same sentence by the same side: an act
/// of force whose trigger is an "-ing" form right after a comma.
fn attack_toll(
    ctx: &clause::SentenceContext<'_>,
    sentence: &[EventMention],
    e: &EventMention,
) -> bool {
    let force = |e: &EventMention| patterns::violent(&e.code);
    let w = ctx.word_at(e.trigger.start);
    force(e)
        && ctx.words[w].lower.ends_with("ing")
        && w > 0
        && ctx.words[w - 1].lower == ","
        && sentence.iter().any(|f| {
            force(f)
                && f.trigger.end <= e.trigger.start
                && (e.source.country.is_none() || f.source.country == e.source.country)
        })
}

/// Whether the word at byte `start` follows "for", with at most two lower-case words between
/// ("for talks", "for a summit", "for further talks").
fn purpose_of_visit(ctx: &clause::SentenceContext<'_>, start: usize) -> bool {
    let w = ctx.word_at(start);
    (w.saturating_sub(3)..w).rev().any(|k| {
        ctx.words[k].lower == "for"
            && ctx.words[k + 1..w].iter().all(|x| {
                x.lower.chars().all(char::is_alphabetic)
                    && !ctx.doc.text[x.span.start..].starts_with(char::is_uppercase)
            })
    })
}

/// The stages before the coder, for tests that code our own sentences.
#[cfg(test)]
pub(crate) mod testing {
    use attache_entities::Recognizer;
    use attache_model::{Article, EventMention};
    use attache_text::Cleaner;
    use attache_time::TimeTagger;

    use crate::Coder;

    pub(crate) struct Stages {
        cleaner: Cleaner,
        recognizer: Recognizer,
        tagger: TimeTagger,
        coder: Coder,
    }

    impl Stages {
        pub(crate) fn new() -> Stages {
            Stages::with_coder(Coder::new())
        }

        /// The stages with this coder, e.g. one built from test data files.
        pub(crate) fn with_coder(coder: Coder) -> Stages {
            Stages {
                cleaner: Cleaner::new(),
                recognizer: Recognizer::new().expect("built-in dictionaries load"),
                tagger: TimeTagger::new(),
                coder,
            }
        }

        pub(crate) fn code(&self, text: &str) -> Vec<EventMention> {
            let doc = self
                .cleaner
                .process(&Article::from_text("t", text))
                .expect("cleans");
            let mentions = self.recognizer.find(&doc);
            let (times, durations) = self.tagger.find_all(&doc);
            self.coder
                .code(&doc, &mentions.actors, &mentions.places, &times, &durations)
        }
    }

    pub(crate) fn country(a: &attache_model::Actor) -> &str {
        a.country.as_ref().map_or("", |c| c.as_str())
    }
}

#[cfg(test)]
mod claimants {
    use crate::testing::{country, Stages};

    /// One case per line: a sentence, an event it yields (code, source, target countries) and
    /// its claimant: a country code, else the claimant's words, "" for none.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, &str, &str)] = &[
        // A speech verb before the event governs its clause.
        ("Russian Foreign Minister Sergei Lavin said that North Korea and Japan will hold talks in Moscow.", "046", "PRK", "JPN", "RUS"),
        ("Kremlin spokesman Dmitry Petrov told reporters that Russia would impose sanctions on Georgia.", "163", "RUS", "GEO", "RUS"),
        ("Russia said on Tuesday it would impose sanctions on Georgia.", "163", "RUS", "GEO", "RUS"),
        ("Officials said Israel had lifted the blockade on Gaza.", "0872", "ISR", "PSE", "Officials"),
        // An attribution after a comma.
        ("Ukraine cut diplomatic ties with Belarus, the Ukrainian foreign ministry said.", "161", "UKR", "BLR", "UKR"),
        ("North Korea rejected the Japanese proposal for talks, state media reported.", "125", "PRK", "JPN", "state media"),
        ("Azerbaijan shelled Armenian villages overnight, according to Armenian officials.", "194", "AZE", "ARM", "ARM"),
        ("According to the report, Israel fired missiles into Gaza on Saturday.", "195", "ISR", "PSE", "the report"),
        // A place after a preposition is not the speaker; "denied that" reports too.
        ("China could impose tariffs on Australian wine, analysts in Beijing said.", "163", "CHN", "AUS", "CHN"),
        ("Canada denied that it had expelled Chinese diplomats.", "166", "CAN", "CHN", "CAN"),
        // An act of force with no target, reported by another state, struck that state.
        ("Pakistan says Indian shelling kills three civilians in Kashmir\n\nISLAMABAD, Aug 26 (Reuters) - Indian troops shelled villages in Kashmir overnight, killing three civilians, the military said.", "194", "IND", "PAK", "PAK"),
        // A semicolon ends what was said.
        ("Moscow says Japan will impose sanctions on Iran; Britain expelled Russian diplomats.", "166", "GBR", "RUS", ""),
        // The outlet's own words: no claimant.
        ("The United States imposed sanctions on North Korea on Tuesday.", "163", "USA", "PRK", ""),
        ("Israel released 200 Palestinian prisoners after Egypt announced a truce.", "0841", "ISR", "PSE", ""),
        // A state body with no country: the person "his" stands for, else the dateline's.
        ("Indonesian Foreign Minister Ratna Dewi will visit Manila next month, her office said.", "042", "IDN", "PHL", "IDN"),
        ("JAKARTA, May 2 (Reuters) - Indonesia will impose sanctions on Myanmar, the interior ministry said.", "163", "IDN", "MMR", "IDN"),
        ("N'DJAMENA, Sept 15 (AFP) - Chad closed its eastern border with Sudan on Monday, the government said.", "191", "TCD", "SDN", "TCD"),
        // An abbreviation in brackets after the body's name.
        ("SEOUL, Dec. 3 (Yonhap) -- South Korea expelled two North Korean agents on Wednesday, the Joint Chiefs of Staff (JCS) said.", "174", "KOR", "PRK", "KOR"),
        ("ISLAMABAD, Aug 26 (Reuters) - Pakistani forces shelled Indian posts, the military's media wing said.", "194", "PAK", "IND", "PAK"),
        // A speech verb inside a relative clause does not govern the main clause.
        ("Turkey, which said it was ready to talk, condemned Syria on Monday.", "111", "TUR", "SYR", ""),
    ];

    /// The claimant as the table writes it: its country, else its words.
    fn claimant(a: &Option<attache_model::Actor>) -> String {
        a.as_ref()
            .and_then(|a| a.country_or_text())
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn claimants_of_reported_speech() {
        let stages = Stages::new();
        let mut failures = Vec::new();
        for &(sentence, code, source, target, want) in CASES {
            let events = stages.code(sentence);
            let got: Vec<String> = events
                .iter()
                .map(|e| {
                    format!(
                        "{} {}->{} claimant {:?}",
                        e.code,
                        country(&e.source),
                        country(&e.target),
                        claimant(&e.claimant)
                    )
                })
                .collect();
            let hit = events.iter().any(|e| {
                e.code.as_str() == code
                    && country(&e.source) == source
                    && country(&e.target) == target
                    && claimant(&e.claimant) == want
            });
            if !hit {
                failures.push(format!(
                    "{sentence:?}: expected {code} {source}->{target} claimant {want:?}, got {got:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The speaker is neither a source nor, by speaking alone, an event of its own.
    #[test]
    fn speakers_are_not_sources() {
        let stages = Stages::new();
        let cases = [
            ("Russian Foreign Minister Sergei Lavin said that Japan will impose sanctions on North Korea.", "RUS"),
            ("Israel fired missiles into Gaza, the Egyptian foreign ministry said.", "EGY"),
            ("Chinese Foreign Ministry spokesman Wang Lifeng told reporters that Vietnam and Laos signed a treaty.", "CHN"),
        ];
        for (sentence, speaker) in cases {
            let events = stages.code(sentence);
            assert!(!events.is_empty(), "{sentence:?}: no event");
            for e in &events {
                assert_ne!(
                    country(&e.source),
                    speaker,
                    "{sentence:?}: {} {:?}",
                    e.code,
                    e.rule
                );
                assert_eq!(
                    e.claimant
                        .as_ref()
                        .and_then(|c| c.country.as_ref())
                        .map(|c| c.as_str()),
                    Some(speaker),
                    "{sentence:?}: {} {}",
                    e.code,
                    e.rule
                );
            }
        }
    }
}

/// An event named again in sentence `sentence` ("the pact calls for ...", "the trip was
/// called off"): the earlier mention's sides, date and place, with this sentence's trigger,
/// modality and rule, and no spans (its actors were named in another sentence).
pub(crate) fn named_again(
    prior: &EventMention,
    sentence: usize,
    trigger: Span,
    modality: Modality,
    rule: &Arc<str>,
    coder: &Arc<str>,
) -> EventMention {
    EventMention {
        sentence,
        trigger,
        modality,
        source_span: None,
        target_span: None,
        claimant: None,
        rule: rule.clone(),
        coder: coder.clone(),
        confidence: 0.5,
        ..prior.clone()
    }
}
