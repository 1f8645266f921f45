//! The words the tagger knows: month and weekday names, day words, tense cues.
//!
//! Loaded from a tab-separated file (`data/time_words.tsv` is compiled in) so that the lists can
//! be read and extended without touching the scanner.

use rustc_hash::FxHashMap;

use attache_model::{DurationUnit, Vague};
use jiff::civil::Weekday;

use crate::TimeError;

/// Whether a sentence talks about the past or the future, as far as its cue words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// What one (lowercased) word means to the tagger. A word may carry several meanings: "may" is
/// a month, "tomorrow" is a day word and a future cue.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    /// Month number 1-12 and whether the word is an abbreviation ("Jan", "Sept").
    pub month: Option<(i8, bool)>,
    pub weekday: Option<Weekday>,
    /// Offset from publication in days ("yesterday" = -1).
    pub day_offset: Option<i32>,
    /// Tense cues starting with this word: the words after the first, and the tense.
    pub cues: Vec<(Vec<Box<str>>, Tense)>,
    /// An -ed word that is not a past-tense verb ("united", "scheduled").
    pub not_past: bool,
    /// Vague time phrases starting with this word ("recently", "in recent days" under
    /// "recent"): the words after the first, and which way they point.
    pub vague: Vec<(Vec<Box<str>>, Vague)>,
    /// A count written as a word ("two" = 2, "a" = 1): "two days ago", "a two-day visit".
    pub count: Option<i32>,
    /// A unit of time a duration or "ago" counts in, and whether the word is its plural
    /// ("days") or its singular ("day", as in "a two-day visit").
    pub unit: Option<(DurationUnit, bool)>,
    /// A unit or quantity word after which a vague word is part of a duration ("the past two
    /// years", "the past few weeks", "recent decades").
    pub quantity: bool,
    /// A word that makes the date after it the end of an event: "until", "through" (a
    /// preposition, [`EndCue::Before`]) or "ends" (a verb, [`EndCue::Verb`]: "ends next
    /// Wednesday", "ends on Friday").
    pub end: Option<EndCue>,
}

/// How an end word ("until", "ends") points at the date after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EndCue {
    /// Right before the date: "until Friday", "through Feb. 17".
    Before,
    /// A verb, right before the date or before "on": "ends next Wednesday", "ends on Friday".
    Verb,
}

/// The tagger's vocabulary, keyed by lowercased word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    words: FxHashMap<Box<str>, WordInfo>,
    /// The longest key, so lookups can skip longer words without lowercasing them.
    longest: usize,
    /// The lengths of the keys by their first byte, so that most words are ruled out before
    /// they are lowercased and hashed.
    lengths: KeyLengths,
    /// The singular units of time ("day", "week"), lowercased: a sentence that contains none
    /// has no duration.
    units: Vec<Box<str>>,
}

/// For each ASCII first byte of a key, the set of key lengths in bytes (bit `n` for length `n`,
/// bit 63 for 63 and longer); the same for the last byte of the keys that are ASCII; and, for
/// the ASCII keys, a bit set of their (first byte, last byte, length) together. A word whose
/// lowercase form starts or ends with a byte and has a length no key has, or (an ASCII word)
/// has a first byte, last byte and length that no key has together, cannot be a key.
#[derive(Debug, Clone)]
struct KeyLengths([u64; 128], [u64; 128], [u64; KeyLengths::SHAPE_WORDS]);

impl Default for KeyLengths {
    fn default() -> KeyLengths {
        KeyLengths([0; 128], [0; 128], [0; KeyLengths::SHAPE_WORDS])
    }
}

impl KeyLengths {
    /// Bits of the (first, last, length) set: a few hundred keys fill a few percent of it.
    const SHAPE_BITS: u32 = 12;
    const SHAPE_WORDS: usize = 1 << (KeyLengths::SHAPE_BITS - 6);

    fn bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    /// The word and bit of the (first, last, length) set for an ASCII key or word, lowercased.
    fn shape(first: u8, last: u8, len: usize) -> (usize, u64) {
        let x = u32::from(first) | u32::from(last) << 7 | (len.min(63) as u32) << 14;
        let h = x.wrapping_mul(0x9e37_79b1) >> (32 - KeyLengths::SHAPE_BITS);
        ((h / 64) as usize, 1 << (h % 64))
    }

    /// Record a (lowercased) key.
    fn insert(&mut self, key: &str) {
        if let Some(&b) = key.as_bytes().first().filter(|b| b.is_ascii()) {
            self.0[usize::from(b)] |= KeyLengths::bit(key.len());
        }
        // A non-ASCII key is never the lowercase form of an ASCII word.
        if let Some(&b) = key.as_bytes().last().filter(|_| key.is_ascii()) {
            self.1[usize::from(b)] |= KeyLengths::bit(key.len());
            let (word, bit) = KeyLengths::shape(key.as_bytes()[0], b, key.len());
            self.2[word] |= bit;
        }
    }

    /// Whether the lowercase form of `word` may be a key. An ASCII byte lowercases to one
    /// ASCII byte, so the first byte is always checked; the length only when the whole word is
    /// ASCII (lowercasing other characters may change it).
    fn may_hold(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) else {
            return true;
        };
        let first = b.to_ascii_lowercase();
        let lengths = self.0[usize::from(first)];
        if word.is_ascii() {
            let last = word.as_bytes()[word.len() - 1].to_ascii_lowercase();
            let bit = KeyLengths::bit(word.len());
            let (shape_word, shape_bit) = KeyLengths::shape(first, last, word.len());
            lengths & bit != 0
                && self.1[usize::from(last)] & bit != 0
                && self.2[shape_word] & shape_bit != 0
        } else {
            lengths != 0
        }
    }
}

impl Lexicon {
    /// Parse the TSV format described at the top of `data/time_words.tsv`. `path` only names
    /// the source in errors.
    pub(crate) fn parse(text: &str, path: &str) -> Result<Lexicon, TimeError> {
        let mut lexicon = Lexicon::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let err = |message: String| TimeError::Data {
                path: path.to_string(),
                line,
                message,
            };
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut fields = trimmed.split('\t');
            let kind = fields.next().unwrap_or_default().trim();
            let phrase = fields
                .next()
                .map(|f| f.trim().to_lowercase())
                .filter(|f| !f.is_empty())
                .ok_or_else(|| err(format!("kind {kind:?} has no word")))?;
            let value = fields.next().map(str::trim);
            if let Some(extra) = fields.next() {
                return Err(err(format!("unexpected extra field {extra:?}")));
            }
            let number = |lo: i32, hi: i32| -> Result<i32, TimeError> {
                let v = value.ok_or_else(|| err(format!("{kind} {phrase:?} needs a value")))?;
                match v.parse::<i32>() {
                    Ok(n) if (lo..=hi).contains(&n) => Ok(n),
                    _ => Err(err(format!(
                        "{kind} {phrase:?}: value {v:?} is not a number in {lo}..={hi}"
                    ))),
                }
            };
            let mut words = phrase.split_whitespace();
            let first: Box<str> = words.next().unwrap_or_default().into();
            let rest: Vec<Box<str>> = words.map(Into::into).collect();
            let single = |what: &str| -> Result<(), TimeError> {
                if rest.is_empty() {
                    Ok(())
                } else {
                    Err(err(format!("{what} {phrase:?} must be a single word")))
                }
            };
            let no_value = || -> Result<(), TimeError> {
                match value {
                    Some(v) if !v.is_empty() => {
                        Err(err(format!("{kind} {phrase:?} takes no value, got {v:?}")))
                    }
                    _ => Ok(()),
                }
            };
            match kind {
                "month" | "month_abbr" => {
                    single(kind)?;
                    let m = number(1, 12)? as i8;
                    lexicon.entry(first).month = Some((m, kind == "month_abbr"));
                }
                "weekday" => {
                    single(kind)?;
                    let n = number(1, 7)? as i8;
                    let day = Weekday::from_monday_one_offset(n)
                        .map_err(|e| err(format!("weekday {phrase:?}: {e}")))?;
                    lexicon.entry(first).weekday = Some(day);
                }
                "day" => {
                    single(kind)?;
                    let n = number(-7, 7)?;
                    lexicon.entry(first).day_offset = Some(n);
                }
                "past" | "future" => {
                    no_value()?;
                    let tense = if kind == "past" {
                        Tense::Past
                    } else {
                        Tense::Future
                    };
                    lexicon.entry(first).cues.push((rest, tense));
                }
                "vague_past" | "vague_present" | "vague_future" => {
                    no_value()?;
                    let vague = match kind {
                        "vague_past" => Vague::Past,
                        "vague_present" => Vague::Present,
                        _ => Vague::Future,
                    };
                    lexicon.entry(first).vague.push((rest, vague));
                }
                "count" => {
                    single(kind)?;
                    let n = number(1, 99)?;
                    lexicon.entry(first).count = Some(n);
                }
                "unit" | "units" => {
                    single(kind)?;
                    let unit = match value {
                        Some("day") => DurationUnit::Day,
                        Some("week") => DurationUnit::Week,
                        Some("month") => DurationUnit::Month,
                        Some("year") => DurationUnit::Year,
                        other => {
                            return Err(err(format!(
                                "{kind} {phrase:?}: value {other:?} is not day, week, month or year"
                            )))
                        }
                    };
                    if kind == "unit" {
                        lexicon.units.push(first.clone());
                    }
                    lexicon.entry(first).unit = Some((unit, kind == "units"));
                }
                "quantity" => {
                    single(kind)?;
                    no_value()?;
                    lexicon.entry(first).quantity = true;
                }
                "end" | "end_verb" => {
                    single(kind)?;
                    no_value()?;
                    lexicon.entry(first).end = Some(if kind == "end" {
                        EndCue::Before
                    } else {
                        EndCue::Verb
                    });
                }
                "not_past" => {
                    single(kind)?;
                    no_value()?;
                    lexicon.entry(first).not_past = true;
                }
                other => return Err(err(format!("unknown kind {other:?}"))),
            }
        }
        // Longest phrases first, so "is set to" wins over a shorter cue starting with "is".
        for info in lexicon.words.values_mut() {
            info.cues
                .sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
            info.vague
                .sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Ok(lexicon)
    }

    fn entry(&mut self, word: Box<str>) -> &mut WordInfo {
        self.longest = self.longest.max(word.len());
        self.lengths.insert(&word);
        self.words.entry(word).or_default()
    }

    /// The singular units of time, lowercased ("day", "week", "month", "year").
    pub(crate) fn units(&self) -> &[Box<str>] {
        &self.units
    }

    /// Whether the date at byte `at` of `sentence` is an end: an end word right before it
    /// ("until Friday"), or an end verb and "on" ("ends on Friday"). Words are compared with
    /// the punctuation around them trimmed.
    pub(crate) fn ends_at(&self, sentence: &str, at: usize, buf: &mut String) -> bool {
        let mut words = sentence
            .get(..at)
            .unwrap_or_default()
            .split_whitespace()
            .rev()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        let (w0, w1) = (
            words.next().unwrap_or_default(),
            words.next().unwrap_or_default(),
        );
        let end = |w: &str, buf: &mut String| self.get(w, buf).and_then(|i| i.end);
        end(w0, buf).is_some()
            || (w0.eq_ignore_ascii_case("on") && end(w1, buf) == Some(EndCue::Verb))
    }

    /// What `word` means, matching case-insensitively. `buf` is scratch space reused across
    /// calls so that lookups do not allocate.
    pub(crate) fn get(&self, word: &str, buf: &mut String) -> Option<&WordInfo> {
        if word.len() > self.longest || !self.lengths.may_hold(word) {
            return None;
        }
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.words.get(word);
        }
        buf.clear();
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        self.words.get(buf.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_list_parses() {
        let lex = Lexicon::parse(crate::BUILT_IN_WORDS, "data/time_words.tsv");
        let lex = match lex {
            Ok(lex) => lex,
            Err(e) => panic!("{e}"),
        };
        let mut buf = String::new();
        assert_eq!(
            lex.get("Sept", &mut buf).and_then(|w| w.month),
            Some((9, true))
        );
        assert_eq!(
            lex.get("FRIDAY", &mut buf).and_then(|w| w.weekday),
            Some(Weekday::Friday)
        );
        assert!(lex.get("Pyongyang", &mut buf).is_none());
    }

    #[test]
    fn the_length_filter_keeps_every_key() {
        let words = "month\tjanvier\t1\npast\tvisité\nmonth\tÉté\t6\nday\ttoday\t0\n";
        let lex = match Lexicon::parse(words, "fr.tsv") {
            Ok(lex) => lex,
            Err(e) => panic!("{e}"),
        };
        let mut buf = String::new();
        let cases = [
            ("janvier", true),
            ("JANVIER", true),
            ("janvie", false),
            ("Visité", true),
            ("VISITÉ", true),
            ("été", true),
            ("ÉTÉ", true),
            ("Today", true),
            ("todays", false),
            ("TODAY", true),
            // First byte and length of a key, not its last byte.
            ("todax", false),
            ("Tuesday", false),
            ("", false),
        ];
        for (word, known) in cases {
            assert_eq!(lex.get(word, &mut buf).is_some(), known, "{word:?}");
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("month\tjanuary\t13\n", 1, "not a number"),
            ("# c\n\nweekday\tfriday\n", 3, "needs a value"),
            ("month\tjan uary\t1\n", 1, "single word"),
            ("future\twill\t1\n", 1, "takes no value"),
            ("vague_past\trecently\tyes\n", 1, "takes no value"),
            ("season\tspring\n", 1, "unknown kind"),
            ("past\n", 1, "has no word"),
            ("day\ttoday\t0\textra\n", 1, "extra field"),
            (
                "unit\tfortnight\ttwo weeks\n",
                1,
                "not day, week, month or year",
            ),
            ("count\ttwo\n", 1, "needs a value"),
            ("end\tuntil\tyes\n", 1, "takes no value"),
            ("end_verb\tcomes to\n", 1, "single word"),
        ];
        for (text, line, needle) in cases {
            match Lexicon::parse(text, "my_words.tsv") {
                Err(TimeError::Data {
                    path,
                    line: got,
                    message,
                }) => {
                    assert_eq!(path, "my_words.tsv", "{text:?}");
                    assert_eq!(got, line, "{text:?}");
                    assert!(message.contains(needle), "{text:?}: {message}");
                }
                other => panic!("{text:?}: expected a data error, got {other:?}"),
            }
        }
    }
}
