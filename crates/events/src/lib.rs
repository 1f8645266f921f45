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
mod pattern_file;
pub mod patterns;
pub mod visits;

use attache_model::{
    ActorMention, Document, DurationMention, EventMention, PlaceMention, TimeMention,
};

pub use patterns::PatternCoder;
pub use visits::VisitCoder;

/// A pattern file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    #[error("{path}:{line}: {message}")]
    Pattern {
        path: String,
        line: usize,
        message: String,
    },
}

/// The event coder: visits and every other root. Built once, shared by reference across threads.
#[derive(Debug, Clone, Default)]
pub struct Coder {
    visits: VisitCoder,
    patterns: PatternCoder,
}

impl Coder {
    /// The coder with the compiled-in patterns (data/visits.tsv, data/patterns.tsv).
    pub fn new() -> Coder {
        Coder::default()
    }

    /// A coder from its two parts, e.g. with a user's pattern files
    /// ([`VisitCoder::from_tsv`], [`PatternCoder::from_tsv`]).
    pub fn from_parts(visits: VisitCoder, patterns: PatternCoder) -> Coder {
        Coder { visits, patterns }
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
        clause::for_each_sentence(doc, actors, places, times, durations, |ctx| {
            self.visits.code_sentence(ctx, &mut out);
            self.patterns.code_sentence(ctx, &mut out);
        });
        out
    }
}
