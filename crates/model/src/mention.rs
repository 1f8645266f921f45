use serde::{Deserialize, Serialize};

use crate::{ActorCode, CountryCode, DateBasis, DateValue, Duration, Span};

/// What an actor mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A country by name: "North Korea", "the DPRK".
    Country,
    /// A country adjective: "North Korean", "Russian".
    Adjective,
    /// A seat of government standing for its government: "Pyongyang", "the Kremlin".
    Capital,
    /// An organisation: "the United Nations", "KCNA", "the foreign ministry".
    Organisation,
    /// A person: "Sergei Lavrov", "North Korean Foreign Minister Choe Son-hui".
    Person,
    /// A group described by role: "a North Korean delegation", "Russian tourists".
    Group,
}

/// An actor named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    /// The whole mention, qualifiers included ("North Korean Foreign Minister Choe Son-hui").
    pub span: Span,
    /// Index into [`crate::Document::sentences`].
    pub sentence: usize,
    pub kind: MentionKind,
    /// Canonical name: "North Korea", "Choe Son-hui", "United Nations".
    pub name: Option<String>,
    /// Title or role as written, normalised: "Foreign Minister", "delegation".
    pub title: Option<String>,
    pub country: Option<CountryCode>,
    /// CAMEO actor code, e.g. "PRKGOV"; just the country code when no role is known.
    pub code: Option<ActorCode>,
}

/// A place named in a sentence: a city, a capital, a country, a landmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub sentence: usize,
    /// Canonical place name: "Pyongyang", "Beijing", "Russia".
    pub name: String,
    pub country: Option<CountryCode>,
    /// Whether the place is a whole country (so it can be a visit's target directly).
    pub is_country: bool,
}

/// Which way a vague time expression points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Vague {
    /// "recently", "in recent days", "in the past": on or before publication.
    Past,
    /// "now", "currently", "at present": around publication.
    Present,
    /// "soon", "in the coming days", "in the future": on or after publication.
    Future,
}

impl Vague {
    /// As written in every output: `past`, `present`, `future`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Vague::Past => "past",
            Vague::Present => "present",
            Vague::Future => "future",
        }
    }
}

/// A time expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    pub sentence: usize,
    /// The interval it names. For a vague expression, the publication day: a bound, not a
    /// date (see [`TimeMention::vague`]).
    pub value: DateValue,
    /// `Reported` for a vague expression: the publication date stands in.
    pub basis: DateBasis,
    /// Set when the expression names no date ("recently", "soon"): then `value` is the
    /// publication day, an upper bound for `Past`, a lower bound for `Future`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vague: Option<Vague>,
    /// Set when a word before the expression makes it the end of an event, not its start:
    /// "until Friday", "through Feb. 17", "ends next Wednesday", "ending on Oct. 21" (the
    /// `end` and `end_verb` lines of the tagger's word list).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end: bool,
}

/// A length of time named in a sentence ("for three days", "a two-day visit", "a week-long
/// trip"): kept as a duration, never turned into a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationMention {
    /// "three days", "two-day", "week-long".
    pub span: Span,
    pub sentence: usize,
    pub value: Duration,
}
