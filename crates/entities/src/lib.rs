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
//! - `Laos's foreign minister, Bounkham Sithideth`, `Iran's ambassador to the IAEA, Hamid
//!   Rezaei`, `led by Liu Jianming (front, R), chief secretary of ... the CPC` — appositions
//!   after the title too, and past a photo caption's position;
//! - `a North Korean delegation`, `Russian tourists` — a [`MentionKind::Group`](attache_model::MentionKind::Group);
//! - `Russia's foreign ministry` — an [`MentionKind::Organisation`](attache_model::MentionKind::Organisation) coded `RUSGOV`.
//! - `Police fired tear gas at protesters in Bangkok` — bare group nouns (`data/groups.tsv`)
//!   are groups too (`THACOP`, `THAOPP`), their country from a place after them, the
//!   sentence, the dateline or the document (docs/DICTIONARIES.md).
//!
//! Plain names become countries, adjectives, capitals standing for their governments and
//! organisations; countries, capitals and cities also become [`PlaceMention`]s. In a document
//! about Korea, "the North" and "the South" are the two Koreas. A person named once with a
//! title is recognised again elsewhere in the same document: by full name in any romanisation
//! ("Choi Son Hui" for "Choe Son-hui", compared by [`Recognizer::name_key`]), by surname
//! ("Choe", "Choe's visit"), or by a definite description with the same title and country
//! ("the North Korean foreign minister"). Pronouns are left to the coder. A titled person named
//! without a country takes the home country (the dateline's, else the outlet's), unless the
//! title is a head's that its heads do not hold (`data/heads.tsv`: Japan has no president):
//! then the one country the document names whose heads hold it.
//!
//! User dictionaries ([`RecognizerOptions`]: PETRARCH/Phoenix actor and agent files, and our
//! people file with dated roles, docs/DICTIONARIES.md) add named actors and agent nouns; the
//! article's publication date picks a person's code.
//!
//! ```
//! use attache_entities::Recognizer;
//! use attache_model::{Document, MentionKind, Span};
//!
//! let text = "Russian President Vladimir Putin met a North Korean delegation in Moscow. \
//!             Putin said talks went well.";
//! let doc = Document::from_sentences(
//!     "example",
//!     text,
//!     vec![Span::new(0, 73), Span::new(74, text.len())],
//! );
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
mod dictionaries;
mod error;
mod find;
mod gazetteer;
mod keys;
mod names;

use std::path::{Path, PathBuf};

use attache_model::{ActorMention, Document, PlaceMention};

pub use error::EntitiesError;

use dictionaries::KnownActor;
use gazetteer::{Gazetteer, Rows, Sources};
use keys::{NameIndex, Romanisation};

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const ORGS: &str = include_str!("../../../data/orgs.tsv");
const TITLES: &str = include_str!("../../../data/titles.tsv");
const GROUPS: &str = include_str!("../../../data/groups.tsv");
const DISCARD: &str = include_str!("../../../data/discard.txt");
const HEADS: &str = include_str!("../../../data/heads.tsv");
const ROMANISATION: &str = include_str!("../../../data/romanisation.tsv");
const PLACE_WORDS: &str = include_str!("../../../data/place_words.tsv");
const NAME_WORDS: &str = include_str!("../../../data/name_words.tsv");
const IDENTITIES: &str = include_str!("../../../data/identities.tsv");
const SHARED_NAMES: &str = include_str!("../../../data/shared_names.tsv");

/// Longest name, in words, that a user dictionary entry may match: longer entries (PETRARCH
/// has a few sentence-long ones) are loaded but never found.
const MAX_NAME_TOKENS: usize = 8;

/// What to build a [`Recognizer`] from besides the compiled-in data. Every path is read once,
/// at build time; `Default` is the compiled-in knowledge alone.
#[derive(Debug, Clone, Default)]
pub struct RecognizerOptions {
    /// Replaces `data/countries.tsv`.
    pub countries: Option<PathBuf>,
    /// Replaces `data/orgs.tsv`.
    pub orgs: Option<PathBuf>,
    /// Replaces `data/titles.tsv`.
    pub titles: Option<PathBuf>,
    /// Replaces `data/groups.tsv` (group nouns that stand alone: "police", "protesters").
    pub groups: Option<PathBuf>,
    /// Replaces `data/romanisation.tsv` (name-variant table).
    pub romanisation: Option<PathBuf>,
    /// Replaces `data/place_words.tsv` (the words of places no gazetteer lists: "the
    /// Vostochny Cosmodrome", "the Russian Far East").
    pub place_words: Option<PathBuf>,
    /// Replaces `data/heads.tsv` (the titles of each country's heads of state and government).
    pub heads: Option<PathBuf>,
    /// Replaces `data/name_words.tsv` (name particles, capitalised words that are no names,
    /// headline verbs, photo caption positions).
    pub name_words: Option<PathBuf>,
    /// Replaces `data/identities.tsv` (ethnic and religious groups: "Iraqi Kurds", "Sunnis").
    pub identities: Option<PathBuf>,
    /// Replaces `data/shared_names.tsv` (names two countries share: "Congo").
    pub shared_names: Option<PathBuf>,
    /// PETRARCH/Phoenix actor dictionaries (`--actors`), in order: the first entry for a
    /// name wins.
    pub actors: Vec<PathBuf>,
    /// PETRARCH/Phoenix agent dictionaries (`--agents`): nouns added to the titles.
    pub agents: Vec<PathBuf>,
    /// People files with dated roles (`--people`, docs/DICTIONARIES.md); they win over `actors`.
    pub people: Vec<PathBuf>,
}

/// What the user dictionaries of a [`Recognizer`] hold, for the CLI's report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DictionaryStats {
    /// Actors and people loaded from `actors` and `people` files.
    pub actors: usize,
    /// Distinct name keys they can be found by (names and synonyms).
    pub names: usize,
    /// Dated and undated codes (roles) among them.
    pub roles: usize,
    /// Agent nouns loaded as titles.
    pub agents: usize,
    /// Among `agents`, those whose code goes before the country's (`[NGO~]`: NGORUS).
    pub agents_before_country: usize,
    /// Agents skipped because they end in a preposition (`AMBASSADOR_TO`).
    pub agents_skipped: usize,
    /// Lines or code blocks of PETRARCH files that could not be used and were skipped (see
    /// [`Recognizer::dictionary_problems`]).
    pub problems: usize,
}

/// Named actors from user dictionaries, found by name key.
#[derive(Debug, Default)]
pub(crate) struct Roster {
    pub actors: Vec<KnownActor>,
    /// Name key -> index into `actors`.
    pub index: NameIndex,
}

impl Roster {
    fn add(&mut self, romanisation: &Romanisation, actor: KnownActor) {
        let i = self.actors.len() as u32;
        for name in std::iter::once(&actor.name).chain(actor.synonyms.iter()) {
            if Romanisation::tokens(name) <= MAX_NAME_TOKENS {
                self.index.add(romanisation, name, i);
            }
        }
        self.actors.push(actor);
    }
}

/// Finds actors and places in documents. Immutable once built; share it across threads.
pub struct Recognizer {
    gazetteer: Gazetteer,
    romanisation: Romanisation,
    roster: Roster,
    stats: DictionaryStats,
    problems: Vec<String>,
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
            .field("dictionaries", &self.stats)
            .finish()
    }
}

impl Recognizer {
    /// A recogniser over the gazetteers compiled into the crate from `data/`.
    pub fn new() -> Result<Recognizer, EntitiesError> {
        Recognizer::with_options(&RecognizerOptions::default())
    }

    /// A recogniser over user gazetteer files, each replacing the compiled-in one when given
    /// (same format as `data/countries.tsv`, `data/orgs.tsv`, `data/titles.tsv`). The discard
    /// list is always the compiled-in one.
    pub fn from_files(
        countries: Option<&Path>,
        orgs: Option<&Path>,
        titles: Option<&Path>,
    ) -> Result<Recognizer, EntitiesError> {
        Recognizer::with_options(&RecognizerOptions {
            countries: countries.map(Path::to_path_buf),
            orgs: orgs.map(Path::to_path_buf),
            titles: titles.map(Path::to_path_buf),
            ..RecognizerOptions::default()
        })
    }

    /// A recogniser over the compiled-in data, with the replacements and user dictionaries
    /// of `options`. Errors name the file and line.
    pub fn with_options(options: &RecognizerOptions) -> Result<Recognizer, EntitiesError> {
        let (countries_name, countries_text) = read_or(
            options.countries.as_deref(),
            "data/countries.tsv",
            COUNTRIES,
        )?;
        let (orgs_name, orgs_text) = read_or(options.orgs.as_deref(), "data/orgs.tsv", ORGS)?;
        let (titles_name, titles_text) =
            read_or(options.titles.as_deref(), "data/titles.tsv", TITLES)?;
        let (groups_name, groups_text) =
            read_or(options.groups.as_deref(), "data/groups.tsv", GROUPS)?;
        let (heads_name, heads_text) = read_or(options.heads.as_deref(), "data/heads.tsv", HEADS)?;
        let (rom_name, rom_text) = read_or(
            options.romanisation.as_deref(),
            "data/romanisation.tsv",
            ROMANISATION,
        )?;
        let romanisation = Romanisation::parse(&rom_name, &rom_text)?;
        let (place_words_name, place_words_text) = read_or(
            options.place_words.as_deref(),
            "data/place_words.tsv",
            PLACE_WORDS,
        )?;
        let place_words = data::parse_place_words(&place_words_name, &place_words_text)?;
        let (name_words_name, name_words_text) = read_or(
            options.name_words.as_deref(),
            "data/name_words.tsv",
            NAME_WORDS,
        )?;
        let name_words = data::parse_name_words(&name_words_name, &name_words_text)?;
        let (identities_name, identities_text) = read_or(
            options.identities.as_deref(),
            "data/identities.tsv",
            IDENTITIES,
        )?;
        let (shared_name, shared_text) = read_or(
            options.shared_names.as_deref(),
            "data/shared_names.tsv",
            SHARED_NAMES,
        )?;

        let mut stats = DictionaryStats::default();
        let mut problems: Vec<String> = Vec::new();
        let mut agents = Vec::new();
        for path in &options.agents {
            let (name, text) = read_or(Some(path), "", "")?;
            let read = dictionaries::parse_petrarch_agents(&name, &text);
            stats.agents += read.titles.len();
            stats.agents_before_country += read.prefixed;
            stats.agents_skipped += read.dangling;
            problems.extend(read.problems.iter().map(ToString::to_string));
            agents.extend(read.titles);
        }
        let mut roster = Roster::default();
        for path in &options.people {
            let (name, text) = read_or(Some(path), "", "")?;
            for a in dictionaries::parse_people(&name, &text)? {
                roster.add(&romanisation, a);
            }
        }
        for path in &options.actors {
            let (name, text) = read_or(Some(path), "", "")?;
            let read = dictionaries::parse_petrarch_actors(&name, &text);
            problems.extend(read.problems.iter().map(ToString::to_string));
            for a in read.items {
                roster.add(&romanisation, a);
            }
        }
        stats.actors = roster.actors.len();
        stats.names = roster.index.keys.len();
        stats.roles = roster.actors.iter().map(|a| a.roles.len()).sum();
        stats.problems = problems.len();

        // Agents are attributed to the titles file in messages about clashes; they never
        // clash, so the name is only a label.
        let files = Sources {
            countries: &countries_name,
            orgs: &orgs_name,
            titles: &titles_name,
            discard: "data/discard.txt",
            identities: &identities_name,
            shared: &shared_name,
        };
        let rows = Rows {
            countries: &data::parse_countries(files.countries, &countries_text)?,
            orgs: &data::parse_orgs(files.orgs, &orgs_text)?,
            titles: &data::parse_titles(files.titles, &titles_text)?,
            discards: &data::parse_discards(files.discard, DISCARD)?,
            agents: &agents,
            identities: &data::parse_identities(files.identities, &identities_text)?,
            shared: &data::parse_shared_names(files.shared, &shared_text)?,
        };
        let mut gazetteer = Gazetteer::build(&rows, &files)?;
        let heads = data::parse_heads(&heads_name, &heads_text)?;
        let strict = options.titles.is_none() && options.countries.is_none();
        gazetteer.set_heads(&heads_name, &heads, strict)?;
        gazetteer.groups = data::parse_groups(&groups_name, &groups_text)?
            .into_iter()
            .flat_map(|g| g.forms.into_iter().map(move |f| (f, g.country)))
            .collect();
        gazetteer.place_words = place_words;
        gazetteer.name_words = name_words;
        Ok(Recognizer {
            gazetteer,
            romanisation,
            roster,
            stats,
            problems,
        })
    }

    /// The lines of PETRARCH files that were skipped, each as `file:line: why`, for the
    /// caller to report. PETRARCH files are read leniently (a bad line is skipped, the rest
    /// loads); the people file and the `data/` files are read strictly.
    pub fn dictionary_problems(&self) -> &[String] {
        &self.problems
    }

    /// What the user dictionaries held.
    pub fn dictionary_stats(&self) -> DictionaryStats {
        self.stats
    }

    /// The key two spellings of one name share: "Choi Son-hui" and "Choe Son Hui" both give
    /// `choesonhui` (lower case, separators dropped, romanisation variants folded by
    /// `data/romanisation.tsv`).
    pub fn name_key(&self, name: &str) -> String {
        self.romanisation.key(name)
    }

    /// The actors and places named in `doc`.
    pub fn find(&self, doc: &Document) -> Mentions {
        find::find(&self.gazetteer, &self.romanisation, &self.roster, doc)
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
