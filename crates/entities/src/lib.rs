//! Actors and places: countries, capitals, adjectives, organisations, titled people.
//!
//! This stage reads a [`Document`] and says who and where it names. One
//! [aho-corasick](https://docs.rs/aho-corasick) automaton, built once from the gazetteers in
//! `data/` (countries, organisations, titles, discards), finds every name in a single pass;
//! a cheap scan around each hit then assembles the phrases wire copy uses for people:
//!
//! - `North Korean Foreign Minister Choe Son-hui`, `Kremlin spokesman Dmitry Peskov`,
//!   `the North's Vice Foreign Minister Pak Myong Guk` — a [`MentionKind::Person`](attache_model::MentionKind::Person) with its
//!   title, name, country and CAMEO code (`PRKGOV`);
//! - `Kang Sok Ju, first vice foreign minister of North Korea` — the same, by apposition;
//! - `a North Korean delegation`, `Russian tourists` — a [`MentionKind::Group`](attache_model::MentionKind::Group);
//! - `Russia's foreign ministry` — an [`MentionKind::Organisation`](attache_model::MentionKind::Organisation) coded `RUSGOV`.
//!
//! Plain names become countries, adjectives, capitals standing for their governments and
//! organisations; countries, capitals and cities also become [`PlaceMention`]s. In a document
//! about Korea, "the North" and "the South" are the two Koreas. A person named once with a
//! title is recognised again by full name or by a surname elsewhere in the same document.
//!
//! ```
//! use attache_entities::Recognizer;
//! use attache_model::{Document, MentionKind, Precision, Sentence, Span};
//!
//! let text = "Russian President Vladimir Putin met a North Korean delegation in Moscow. \
//!             Putin said talks went well.";
//! let doc = Document {
//!     id: "example".into(), origin: "example".into(), url: None, title: None,
//!     published: None, published_precision: Precision::Unknown, published_from: None,
//!     dateline: None, byline: None, source: None, text: text.into(),
//!     offsets: Default::default(),
//!     sentences: vec![
//!         Sentence { span: Span::new(0, 73), tokens: 0..0, is_title: false },
//!         Sentence { span: Span::new(74, text.len()), tokens: 0..0, is_title: false },
//!     ],
//!     tokens: vec![], content_hash: String::new(), warnings: vec![],
//! };
//! let recognizer = Recognizer::new()?;
//! let found = recognizer.find(&doc);
//!
//! let putin = &found.actors[0];
//! assert_eq!(putin.span.slice(text), "Russian President Vladimir Putin");
//! assert_eq!(putin.kind, MentionKind::Person);
//! assert_eq!(putin.code.as_ref().map(|c| c.as_str()), Some("RUSGOV"));
//!
//! let delegation = &found.actors[1];
//! assert_eq!(delegation.span.slice(text), "a North Korean delegation");
//! assert_eq!(delegation.code.as_ref().map(|c| c.as_str()), Some("PRKGOV"));
//!
//! // "Moscow" stands for the Russian government, and is a place.
//! assert_eq!(found.actors[2].code.as_ref().map(|c| c.as_str()), Some("RUSGOV"));
//! assert_eq!(found.places[0].name, "Moscow");
//!
//! // "Putin" in the second sentence is the same person.
//! assert_eq!(found.actors[3].name.as_deref(), Some("Vladimir Putin"));
//! assert_eq!(found.actors[3].sentence, 1);
//! # Ok::<(), attache_entities::EntitiesError>(())
//! ```

mod data;
mod error;
mod find;
mod gazetteer;
mod names;

use std::path::Path;

use attache_model::{ActorMention, Document, PlaceMention};

pub use error::EntitiesError;

use gazetteer::{Gazetteer, Sources};

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const ORGS: &str = include_str!("../../../data/orgs.tsv");
const TITLES: &str = include_str!("../../../data/titles.tsv");
const DISCARD: &str = include_str!("../../../data/discard.txt");

/// Finds actors and places in documents. Immutable once built; share it across threads.
pub struct Recognizer {
    gazetteer: Gazetteer,
}

/// What [`Recognizer::find`] found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mentions {
    /// Actor mentions, sorted by span, not overlapping.
    pub actors: Vec<ActorMention>,
    /// Place mentions, sorted by span. A place may lie inside an actor's span ("North Korean
    /// Foreign Minister ..." names the country as a place too).
    pub places: Vec<PlaceMention>,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer")
            .field("countries", &self.gazetteer.countries.len())
            .field("organisations", &self.gazetteer.orgs.len())
            .field("titles", &self.gazetteer.titles.len())
            .field("names", &self.gazetteer.entries.len())
            .finish()
    }
}

impl Recognizer {
    /// A recogniser over the gazetteers compiled into the crate from `data/`.
    pub fn new() -> Result<Recognizer, EntitiesError> {
        Recognizer::from_files(None, None, None)
    }

    /// A recogniser over user gazetteer files, each replacing the compiled-in one when given
    /// (same format as `data/countries.tsv`, `data/orgs.tsv`, `data/titles.tsv`). The discard
    /// list is always the compiled-in one.
    pub fn from_files(
        countries: Option<&Path>,
        orgs: Option<&Path>,
        titles: Option<&Path>,
    ) -> Result<Recognizer, EntitiesError> {
        let (countries_name, countries_text) = read_or(countries, "data/countries.tsv", COUNTRIES)?;
        let (orgs_name, orgs_text) = read_or(orgs, "data/orgs.tsv", ORGS)?;
        let (titles_name, titles_text) = read_or(titles, "data/titles.tsv", TITLES)?;
        let files = Sources {
            countries: &countries_name,
            orgs: &orgs_name,
            titles: &titles_name,
            discard: "data/discard.txt",
        };
        let gazetteer = Gazetteer::build(
            &data::parse_countries(files.countries, &countries_text)?,
            &data::parse_orgs(files.orgs, &orgs_text)?,
            &data::parse_titles(files.titles, &titles_text)?,
            &data::parse_discards(files.discard, DISCARD)?,
            &files,
        )?;
        Ok(Recognizer { gazetteer })
    }

    /// The actors and places named in `doc`.
    pub fn find(&self, doc: &Document) -> Mentions {
        find::find(&self.gazetteer, doc)
    }

    /// The short name of a country by ISO3 code: `"PRK"` -> `"North Korea"`.
    pub fn country_name(&self, iso3: &str) -> Option<&str> {
        self.gazetteer
            .countries
            .iter()
            .find(|c| c.iso3.as_str() == iso3)
            .map(|c| c.name.as_str())
    }
}

/// The text of a user file, or the compiled-in text, with the name errors should use.
fn read_or(
    path: Option<&Path>,
    default_name: &str,
    default_text: &str,
) -> Result<(String, String), EntitiesError> {
    match path {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|source| EntitiesError::Read {
                path: p.to_path_buf(),
                source,
            })?;
            Ok((p.display().to_string(), text))
        }
        None => Ok((default_name.to_string(), default_text.to_string())),
    }
}

#[cfg(test)]
mod tests;
