//! The event coder: CAMEO-coded event mentions from a cleaned document and its mentions.
//!
//! This first coder knows official visits (CAMEO 042 "make a visit", 043 "host a visit"):
//! departures ("left Pyongyang for Russia"), arrivals, stays ("is in Moscow on a private
//! visit"), trips ("Lavrov's trip to Pyongyang"), planned, possible and denied visits. Its
//! patterns live in `data/visits.tsv`. The full coder for every CAMEO root replaces the
//! [`visits`] module behind the same [`Coder::code`] seam.
//!
//! ```no_run
//! # use attache_model::{Document, ActorMention, PlaceMention, TimeMention};
//! # fn demo(doc: &Document, actors: &[ActorMention], places: &[PlaceMention], times: &[TimeMention]) {
//! let coder = attache_events::Coder::new();
//! for event in coder.code(doc, actors, places, times) {
//!     println!("{} {} -> {:?}", event.rule, event.code, event.target.country);
//! }
//! # }
//! ```

pub mod codebook;
pub mod visits;

pub use visits::{Coder, CoderError};
