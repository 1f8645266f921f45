//! The types that flow between attache's pipeline stages.
//!
//! ```text
//! Article (bytes + metadata)
//!   -> Document        clean text, offset map back to the raw body, sentences, tokens
//!   -> mentions        ActorMention, PlaceMention, TimeMention
//!   -> EventMention    one coded event in one sentence, with spans as evidence
//!   -> Report          an event mention made self-contained (owned text) for merging and storage
//!   -> Event           merged across sentences, documents and outlets: the v1 wire format
//! ```
//!
//! Stage outputs hold [`Span`]s into [`Document::text`], never copies. Only [`Report`] and
//! [`Event`], which outlive the document, own their text.
//!
//! ```
//! use attache_model::{Span, CountryCode};
//! let text = "Lavrov arrived in Pyongyang.";
//! let span = Span::new(7, 14);
//! assert_eq!(span.slice(text), "arrived");
//! assert_eq!(CountryCode::parse("PRK").unwrap().as_str(), "PRK");
//! ```

mod article;
mod codes;
mod date;
mod document;
mod event;
mod mention;
mod span;

pub use article::{Article, BodyKind};
pub use codes::{ActorCode, CameoCode, CodeError, CountryCode};
pub use date::{DateBasis, DateValue, Duration, DurationUnit, Precision};
pub use document::{Dateline, Document, MetaSource, OffsetMap, Segment, Sentence, Token};
pub use event::{
    Actor, Claimant, Event, EventMention, Evidence, Location, Modality, Report, FORMAT_VERSION,
};
pub use mention::{ActorMention, DurationMention, MentionKind, PlaceMention, TimeMention, Vague};
pub use span::{char_at, Span};
