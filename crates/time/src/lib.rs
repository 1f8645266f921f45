//! Time expressions resolved against the publication date.
//!
//! This stage finds the dates a news sentence mentions and turns each into a calendar
//! interval ([`DateValue`]): "Jan. 29, 2016" is that day, "Feb. 15-17" a three-day range,
//! "last November" a month, "since 2006" a year, "on Friday" a day. Expressions without a
//! written year are resolved against [`Document::published`] and the sentence's tense:
//!
//! * past ("visited", "met", "said", any lowercase -ed verb) takes the latest such date on or
//!   before publication, so "Oct. 19" in a January 2024 report of a visit is 2023-10-19;
//! * future ("will", "is to", "is scheduled to", "plans to", "to be") takes the first on or after
//!   publication, so "Jan. 5" in a December 2023 announcement is 2024-01-05;
//! * with no cue, the nearest one (the publication year on a tie).
//!
//! A weekday in the past is the latest on or before publication (the publication day counts:
//! "said Friday" in a Friday article is that day); in the future the first on or after;
//! "last Monday" and "next Friday" never mean the publication day. "last week" is the previous
//! Monday-to-Sunday week, given as a seven-day range at day precision.
//!
//! Written years give [`DateBasis::Explicit`]; everything resolved against the publication date
//! gives [`DateBasis::Relative`]. Without a publication date, relative expressions produce
//! nothing: the tagger never uses today's date. A numeric date "08/11/2006" is read month
//! first, unless only the day-first reading exists ("29/01/2016") or it lies nearer the
//! publication date (a day-first outlet dating its own copy).
//!
//! "The next day", "the following day", "two days later", "a week earlier", "the previous day"
//! and "the same day" count from the last day-precision date mentioned before them, in the
//! sentence or (through [`TimeTagger::find`]) an earlier one; with none, they give nothing.
//! "Later in the day", "late in the day" and market copy's "ended the day", "for the day" are
//! the day just mentioned, else the publication day.
//! "last night" is the day before publication, "a week ago" the day seven days back.
//! Weekends are Saturday-Sunday ranges ("this weekend", "last weekend", "over the weekend" by
//! tense); quarters and halves are month ranges ("the third quarter of this year", "the fourth
//! quarter" by tense, "the first half of 2009"). A
//! headline (a text not ending in `. ! ?`) of the form "Kim to visit Moscow on Friday" is
//! future. Decades are ten-year ranges at year precision ("the 1990s", "the mid-1970s"; "the
//! '80s" is the latest such decade begun by publication), two-digit years ("since '82",
//! "7/8/07") take the century that puts them from 89 years before publication to 10 after, and
//! a year used as a modifier counts ("the 2008 Olympic Games", "WWDC 2010"). Several dates in
//! one clause ("on Dec. 30, Jan. 2 and Jan. 6") are several expressions.
//!
//! Vague times ("recently", "in recent days", "in the past", "now", "currently", "soon", "in
//! the coming weeks"; the `vague_*` lines of the word list) are a flag, not a date: their
//! [`TimeMention::vague`] says past, present or future, their value is the publication day and
//! their basis [`DateBasis::Reported`], as for an event with no time expression. Without a
//! publication date they give nothing. "earlier this week" and "later this year" are not vague:
//! "this week" and "this year" date them.
//!
//! Durations ("for three days", "a two-day visit", "a week-long trip", "a five-day stay") are
//! their own output, [`TimeTagger::durations`]: a [`DurationMention`] with an ISO 8601 length
//! (`P3D`, `P1W`, `P2M`), never a date; the coder gives one to the event it modifies.
//!
//! Not dated: durations ("for three days", "over the last year", "a three-day visit"), ages
//! ("75-year-old"), counts ("fourth", "six-nation"), clock times, and "May" unless a day, a
//! year or a cue word ("in", "since", "last" ...) makes it the month. "the 90s" is taken for a
//! decade, even when it is a temperature.
//!
//! ```
//! use attache_model::Precision;
//! use attache_time::TimeTagger;
//! use jiff::civil::date;
//!
//! let tagger = TimeTagger::new();
//! let published = Some(date(2024, 1, 10)); // a Wednesday
//! let sentence = "Choe met Lavrov in Moscow on Oct. 19 and will return on Friday.";
//! let found = tagger.find_in(sentence, published);
//! assert_eq!(found.len(), 2);
//! let (span, value, _) = found[0];
//! assert_eq!(span.slice(sentence), "Oct. 19");
//! assert_eq!(value.first, date(2023, 10, 19));
//! assert_eq!(value.precision, Precision::Day);
//! assert_eq!(found[1].1.first, date(2024, 1, 12));
//! ```
//!
//! The word lists (month and weekday names, tense cues, vague times, counts and units of
//! durations, end words such as "until" and "ends" that make a date an event's end:
//! [`TimeMention::end`]) live in `data/time_words.tsv`, compiled in; [`TimeTagger::from_file`]
//! reads a user's own list in the same format.
//!
//! Inside, three steps keep recognising apart from resolving: `scan` tokenizes a sentence and
//! recognises expressions as unresolved `Expr`s (one small recogniser per form, tried longest
//! first at each token); `tense` reads the cue words around an expression, only when its year
//! is not written; `resolve` does the calendar arithmetic with jiff. A new form is a new
//! recogniser and, if it needs one, a new `Expr` variant.

#![warn(missing_docs)]

mod duration;
pub mod eval;
mod lexicon;
mod resolve;
mod scan;
mod tense;

use std::path::{Path, PathBuf};

use attache_model::{
    DateBasis, DateValue, Document, DurationMention, Precision, Span, TimeMention,
};
use jiff::civil::Date;

use crate::lexicon::Lexicon;
use crate::tense::Cues;

/// The built-in word list, `data/time_words.tsv`.
pub const BUILT_IN_WORDS: &str = include_str!("../../../data/time_words.tsv");

/// What can go wrong building a [`TimeTagger`] from a word list.
#[derive(Debug, thiserror::Error)]
pub enum TimeError {
    /// The word list could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line of the word list is malformed.
    #[error("{path}:{line}: {message}")]
    Data {
        /// The file, as named by the caller.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
}

/// Finds and resolves time expressions. Build once, share by reference: it is immutable and
/// `Send + Sync`.
#[derive(Debug, Clone)]
pub struct TimeTagger {
    lexicon: Lexicon,
}

impl Default for TimeTagger {
    fn default() -> TimeTagger {
        TimeTagger::new()
    }
}

impl TimeTagger {
    /// A tagger with the built-in word list.
    pub fn new() -> TimeTagger {
        // The built-in list is part of the program; a unit test proves that it parses.
        match TimeTagger::from_words(BUILT_IN_WORDS, "data/time_words.tsv") {
            Ok(tagger) => tagger,
            Err(e) => panic!("built-in word list is broken: {e}"),
        }
    }

    /// A tagger with the word list in `text` (format of `data/time_words.tsv`); `path` names
    /// it in errors.
    pub fn from_words(text: &str, path: &str) -> Result<TimeTagger, TimeError> {
        Ok(TimeTagger {
            lexicon: Lexicon::parse(text, path)?,
        })
    }

    /// A tagger with the word list read from `path`, replacing the built-in one.
    pub fn from_file(path: &Path) -> Result<TimeTagger, TimeError> {
        let text = std::fs::read_to_string(path).map_err(|source| TimeError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        TimeTagger::from_words(&text, &path.display().to_string())
    }

    /// Every time expression in the document's sentences, resolved against
    /// `doc.published`, sorted by span.
    pub fn find(&self, doc: &Document) -> Vec<TimeMention> {
        self.find_all(doc).0
    }

    /// [`TimeTagger::find`] and [`TimeTagger::durations`] in one pass: each sentence is
    /// tokenized once for both (what the pipeline calls).
    pub fn find_all(&self, doc: &Document) -> (Vec<TimeMention>, Vec<DurationMention>) {
        let mut mentions = Vec::new();
        let mut durations = Vec::new();
        // "The next day" counts from the last date mentioned, in this sentence or an earlier one.
        let mut anchor = None;
        let (mut toks, mut buf) = (Vec::new(), String::new());
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let text = sentence.span.slice(&doc.text);
            scan::tokenize_into(text, &self.lexicon, &mut toks, &mut buf);
            for mut m in self.find_anchored(text, &toks, doc.published, &mut anchor) {
                m.span = m.span.shift(sentence.span.start);
                m.sentence = index;
                mentions.push(m);
            }
            if !self.may_have_duration(text) {
                continue;
            }
            for mut d in self.durations_of(&toks) {
                d.span = d.span.shift(sentence.span.start);
                d.sentence = index;
                durations.push(d);
            }
        }
        // Sentences come in text order, but nothing in the model forbids overlap; be sure.
        mentions.sort_by_key(|m| m.span);
        (mentions, durations)
    }

    /// Resolve one sentence's text (offsets relative to it) against a publication date; used
    /// by tests and examples. Give it one sentence: tense cues are looked for across the whole
    /// text. Vague expressions come with the publication day and basis `Reported`;
    /// [`TimeTagger::mentions_in`] says which they are.
    pub fn find_in(
        &self,
        sentence: &str,
        published: Option<Date>,
    ) -> Vec<(Span, DateValue, DateBasis)> {
        self.mentions_in(sentence, published)
            .into_iter()
            .map(|m| (m.span, m.value, m.basis))
            .collect()
    }

    /// Every duration in the document's sentences ("for three days", "a two-day visit", "a
    /// week-long trip"), sorted by span. Durations are lengths, not dates: they need no
    /// publication date, and [`TimeTagger::find`] never dates them.
    pub fn durations(&self, doc: &Document) -> Vec<DurationMention> {
        let mut out = Vec::new();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let text = sentence.span.slice(&doc.text);
            for mut d in self.durations_in(text) {
                d.span = d.span.shift(sentence.span.start);
                d.sentence = index;
                out.push(d);
            }
        }
        out
    }

    /// [`TimeTagger::durations`] in one sentence's text (sentence 0, spans relative to it).
    pub fn durations_in(&self, sentence: &str) -> Vec<DurationMention> {
        if !self.may_have_duration(sentence) {
            return Vec::new();
        }
        self.durations_of(&scan::tokenize(sentence, &self.lexicon))
    }

    /// Whether `sentence` may hold a duration: every form has a unit and "for", a hyphen or
    /// "long"; most sentences lack one.
    fn may_have_duration(&self, sentence: &str) -> bool {
        let unit = self.lexicon.units().iter().any(|u| sentence.contains(&**u));
        unit && (sentence.contains('-')
            || sentence.contains("long")
            || sentence.contains("for ")
            || sentence.contains("For "))
    }

    /// The durations in a sentence tokenized as `toks`.
    fn durations_of(&self, toks: &[scan::Tok<'_, '_>]) -> Vec<DurationMention> {
        duration::scan(toks, &self.lexicon)
            .into_iter()
            .map(|f| DurationMention {
                span: Span::new(toks[f.first].start, toks[f.end - 1].end),
                sentence: 0,
                value: f.value,
            })
            .collect()
    }

    /// [`TimeTagger::find_in`] as mentions (sentence 0, spans relative to `sentence`), with
    /// the vague flag.
    pub fn mentions_in(&self, sentence: &str, published: Option<Date>) -> Vec<TimeMention> {
        let toks = scan::tokenize(sentence, &self.lexicon);
        self.find_anchored(sentence, &toks, published, &mut None)
    }

    /// [`TimeTagger::mentions_in`], with `anchor` the last day-precision date mentioned before
    /// the sentence (for "the next day"); updated to the last one in it.
    fn find_anchored(
        &self,
        sentence: &str,
        toks: &[scan::Tok<'_, '_>],
        published: Option<Date>,
        anchor: &mut Option<DateValue>,
    ) -> Vec<TimeMention> {
        let found = scan::scan(toks);
        let mut cues: Option<Cues> = None;
        let mut out = Vec::with_capacity(found.len());
        let mut buf = String::new();
        for f in found {
            let tense = || {
                cues.get_or_insert_with(|| Cues::new(toks))
                    .tense_for(toks, f.first, f.end)
            };
            let vague = match f.expr {
                scan::Expr::Vague(v) => Some(v),
                _ => None,
            };
            if let Some((value, basis)) = resolve::resolve(f.expr, published, *anchor, tense) {
                // A vague phrase's publication day is no date to count "the next day" from.
                if vague.is_none() && value.precision == Precision::Day && value.days() < 7 {
                    *anchor = Some(value);
                }
                let start = toks[f.first].start;
                out.push(TimeMention {
                    span: Span::new(start, toks[f.end - 1].end),
                    sentence: 0,
                    value,
                    basis,
                    vague,
                    end: self.lexicon.ends_at(sentence, start, &mut buf),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
