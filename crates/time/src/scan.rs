//! The scanner: splits a sentence into tokens and recognises time expressions among them,
//! without resolving them yet.
//!
//! Each recogniser (`iso`, `month_led`, `weekday_led` ...) looks at one token position and
//! returns how many tokens it covers and what they say, as an [`Expr`]. Leading prepositions
//! ("on", "in", "since") are context, not part of the expression, as in TimeML: the span of
//! "on Friday" is "Friday", while "last Friday" keeps "last" because it changes the meaning.

use attache_model::{char_at, DurationUnit, Vague};
use jiff::civil::Weekday;

use crate::lexicon::{Lexicon, WordInfo};

/// What kind of token a [`Tok`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (possibly with digits: "18th").
    Word,
    /// ASCII digits only.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// A token of the sentence being scanned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'s, 'l> {
    pub text: &'s str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whether whitespace precedes the token (so "2024-02-13" can be told from "2024 - 02").
    pub spaced: bool,
    pub info: Option<&'l WordInfo>,
}

/// Split `sentence` into word, number and punctuation tokens, looking each word up once.
pub(crate) fn tokenize<'s, 'l>(sentence: &'s str, lexicon: &'l Lexicon) -> Vec<Tok<'s, 'l>> {
    let mut toks = Vec::with_capacity(sentence.len() / 5 + 1);
    tokenize_into(sentence, lexicon, &mut toks, &mut String::new());
    toks
}

/// [`tokenize`] into `toks` (cleared first), with `buf` scratch space for lookups: a
/// document's sentences reuse both.
pub(crate) fn tokenize_into<'s, 'l>(
    sentence: &'s str,
    lexicon: &'l Lexicon,
    toks: &mut Vec<Tok<'s, 'l>>,
    buf: &mut String,
) {
    toks.clear();
    let mut spaced = true;
    let mut at = 0;
    while at < sentence.len() {
        let start = at;
        let (c, mut end) = char_at(sentence, start);
        at = end;
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_alphanumeric() {
            let mut digits = c.is_ascii_digit();
            let bytes = sentence.as_bytes();
            while at < sentence.len() {
                // Most words are ASCII: step over their bytes without decoding characters.
                let b = bytes[at];
                if b.is_ascii() {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    digits &= b.is_ascii_digit();
                    at += 1;
                    end = at;
                    continue;
                }
                let (d, next) = char_at(sentence, at);
                if !d.is_alphanumeric() {
                    break;
                }
                digits &= d.is_ascii_digit();
                end = next;
                at = next;
            }
            if digits {
                Kind::Number
            } else {
                Kind::Word
            }
        } else {
            Kind::Punct
        };
        let text = &sentence[start..end];
        let info = match kind {
            Kind::Word => lexicon.get(text, buf),
            _ => None,
        };
        toks.push(Tok {
            text,
            start,
            end,
            kind,
            spaced,
            info,
        });
        spaced = false;
    }
}

/// Which year (or which occurrence) an expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    /// The year is written.
    Written(i16),
    /// Publication year plus this ("in October last year" = -1).
    YearOffset(i32),
    /// Decided by the sentence's tense.
    Tense,
    /// The latest one strictly before publication ("last Monday", "last November").
    Before,
    /// The first one strictly after publication ("next Friday", "next March").
    After,
    /// The one in the publication's week or year ("this Friday", "this March").
    This,
}

/// A recognised but unresolved time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A day or a range of days given as (month, day) pairs; `last == first` for a single day.
    Days {
        year: Which,
        first: (i8, i8),
        last: (i8, i8),
    },
    /// A whole month.
    Month { month: i8, year: Which },
    /// A numeric date "a/b/year". Read month first (US and agency copy), unless only the
    /// day-first reading is a date or it lies nearer the publication date.
    Slashed { year: i16, a: i8, b: i8 },
    /// A range of whole months ("from January to March"); a year written after the range
    /// belongs to its last month.
    Months { first: i8, last: i8, year: Which },
    /// A written year ("in 2003", "early 2023").
    Year(i16),
    /// A range of written years ("from 2003 to 2006").
    Years(i16, i16),
    /// Publication year plus offset ("last year" = -1).
    RelYear(i32),
    /// Publication month plus offset ("last month" = -1).
    RelMonth(i32),
    /// Publication week (Monday to Sunday) plus offset ("last week" = -1).
    Week(i32),
    /// Publication day plus offset ("yesterday" = -1).
    Day(i32),
    /// A day of the week.
    Weekday { day: Weekday, which: Which },
    /// A day of a week counted from publication's ("Monday last week" = day Monday, week -1).
    WeekdayOfWeek { day: Weekday, week: i32 },
    /// A Saturday and Sunday: "this weekend", "last weekend", "over the weekend" (by tense).
    Weekend(Which),
    /// The day just mentioned, or the publication day when none was ("later in the day").
    SameDay,
    /// A numeric date with a two-digit year ("7/8/07"); the century is resolved.
    SlashedShort { year: i8, a: i8, b: i8 },
    /// A two-digit year after an apostrophe ("since '82"); the century is resolved.
    ShortYear(i8),
    /// A decade whose first year is written ("the 1990s" = 1990).
    Decade(i16),
    /// A decade written with two digits ("the 70s"): the latest one begun by publication.
    ShortDecade(i8),
    /// Days after (or before, when negative) the date mentioned just before: "the next day",
    /// "two days later", "the previous day", "the same day".
    FromAnchor(i32),
    /// A phrase that names no date but points before, around or after publication:
    /// "recently", "now", "in the coming days".
    Vague(Vague),
}

/// One recognised expression: tokens `first..end` and what they say.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
}

/// Words that, just before a bare month name ("in January"), make it a month and not a
/// name or a modal verb ("may").
const MONTH_CUES: &[&str] = &[
    "in", "of", "since", "during", "until", "till", "by", "from", "through", "before", "after",
    "last", "next", "this", "early", "late", "mid", "between",
];

/// The stricter list for "May", which is also a modal verb and a surname.
const MAY_CUES: &[&str] = &[
    "in", "of", "since", "until", "last", "next", "this", "early", "late", "mid",
];

/// Words that, before a bare four-digit number, make it a year ("in 2003", "since 2006").
/// "of" and "to" are left out: "a total of 2000", "rose to 2000".
const YEAR_CUES: &[&str] = &[
    "in", "since", "during", "until", "till", "by", "from", "through", "before", "after", "between",
];

/// Nouns after which a preceding "the 2008" is a year: things held, signed or issued in one.
const YEAR_NOUNS: &[&str] = &[
    "version",
    "season",
    "election",
    "elections",
    "settlement",
    "agreement",
    "deal",
    "budget",
    "summit",
    "games",
    "olympics",
    "model",
    "campaign",
    "crisis",
    "census",
    "report",
    "accord",
    "treaty",
    "war",
    "visit",
    "tour",
    "edition",
    "fiscal",
    "financial",
    "presidential",
    "general",
    "parliamentary",
    "world",
    "cup",
    "championship",
    "championships",
    "talks",
    "meeting",
    "conference",
    "declaration",
    "communique",
    "statement",
    "law",
    "constitution",
    "coup",
    "uprising",
    "invasion",
    "attack",
    "attacks",
    "test",
    "tests",
    "launch",
    "crash",
    "flood",
    "floods",
    "earthquake",
    "tsunami",
    "revolution",
    "referendum",
    "vote",
    "exhibition",
    "expo",
];

/// Capitalised names that a year at the end of a clause dates: "Conference 2010", "Expo 2025".
const EVENT_NAMES: &[&str] = &[
    "conference",
    "summit",
    "games",
    "olympics",
    "cup",
    "expo",
    "forum",
    "congress",
    "festival",
    "championship",
    "championships",
    "election",
    "elections",
    "exhibition",
    "fair",
    "show",
];

/// Acronyms followed by a number that is not a year: UN Security Council resolutions.
const NOT_EVENT_NAMES: &[&str] = &["UNSCR", "UNSC", "RES", "NO", "ID", "ISBN"];

/// Recognise every time expression in the tokens, left to right, longest first.
pub(crate) fn scan(toks: &[Tok<'_, '_>]) -> Vec<Found> {
    let scanner = Scanner { toks };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match scanner.at(i) {
            Some(f) => {
                i = f.end;
                found.push(f);
            }
            None => i += 1,
        }
    }
    found
}

struct Scanner<'a, 's, 'l> {
    toks: &'a [Tok<'s, 'l>],
}

/// The words the recognisers below name as the first word of an expression ("the next day",
/// "last week", "early 2023", "the first quarter"); every other expression starts with a
/// number, a word of the word list, a word led by a digit ("18th", "1990s") or an apostrophe.
const OPENERS: &[&str] = &[
    "the", "last", "this", "next", "early", "late", "mid", "earlier", "later", "first", "second",
    "third", "fourth", "final",
];

/// Bit `n` for each length `n` of the [`OPENERS`], and bit `c - 'a'` for each first letter:
/// most words differ from all of them in one or the other, and are ruled out at once.
const OPENER_LENGTHS: u64 = {
    let (mut bits, mut i) = (0u64, 0);
    while i < OPENERS.len() {
        bits |= 1 << OPENERS[i].len();
        i += 1;
    }
    bits
};
const OPENER_FIRSTS: u32 = {
    let (mut bits, mut i) = (0u32, 0);
    while i < OPENERS.len() {
        bits |= 1 << (OPENERS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// Whether `word` is one of the [`OPENERS`], in any case.
fn is_opener(word: &str) -> bool {
    let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
    word.len() < 64
        && OPENER_LENGTHS & (1 << word.len()) != 0
        && first.is_some_and(|b| b.is_ascii_lowercase() && OPENER_FIRSTS & (1 << (b - b'a')) != 0)
        && OPENERS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

impl Scanner<'_, '_, '_> {
    /// Whether token `i` can start an expression: most words cannot, and trying every
    /// recogniser on them is most of the scanner's work.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Number => true,
            Kind::Punct => t.text.starts_with(['\'', '\u{2019}']),
            Kind::Word => {
                t.info.is_some()
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
                    || is_opener(t.text)
            }
        }
    }

    fn at(&self, i: usize) -> Option<Found> {
        if !self.may_start(i) {
            return None;
        }
        let (end, expr) = self
            .iso(i)
            .or_else(|| self.slashed(i))
            .or_else(|| self.counted_from_anchor(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.short_year(i))
            .or_else(|| self.weekday_led(i))
            .or_else(|| self.modified(i))
            .or_else(|| self.part_of(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.the_weekend(i))
            .or_else(|| self.earlier_in_the_day(i))
            .or_else(|| self.vague(i))
            .or_else(|| self.day_word(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.month_led(i, false))
            .or_else(|| self.day_led(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.attributive_year(i))?;
        Some(Found {
            first: i,
            end,
            expr,
        })
    }

    // ---- token tests -------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok<'_, '_>> {
        self.toks.get(i)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Word && t.text.eq_ignore_ascii_case(word))
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    /// What the word list says of the word at `i`.
    fn info(&self, i: usize) -> Option<&WordInfo> {
        self.tok(i)?.info
    }

    /// The count the word at `i` writes out ("two"), from the word list.
    fn count(&self, i: usize) -> Option<i32> {
        self.info(i)?.count
    }

    /// The unit of time the word at `i` names ("day", "weeks"), singular or plural.
    fn unit(&self, i: usize) -> Option<DurationUnit> {
        self.info(i)?.unit.map(|(unit, _)| unit)
    }

    fn prev_is_any(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, words)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text.starts_with(c))
    }

    /// A token glued to the one before it (no whitespace between).
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.spaced)
    }

    fn dash(&self, i: usize) -> bool {
        self.punct(i, '-') || self.punct(i, '\u{2013}') || self.punct(i, '\u{2014}')
    }

    /// Whether number token `i` continues into a larger number or a clock time ("2,000",
    /// "10:30", "3.5"), which makes it no day and no year.
    fn continues(&self, i: usize) -> bool {
        (self.punct(i + 1, ',') || self.punct(i + 1, '.') || self.punct(i + 1, ':'))
            && self.glued(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|t| t.kind == Kind::Number && !t.spaced)
    }

    fn number(&self, i: usize, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || !digits.contains(&t.text.len()) || self.continues(i) {
            return None;
        }
        t.text.parse().ok()
    }

    /// A day of the month: "29", "9", "18th", "1st".
    fn day(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        let n: u32 = match t.kind {
            Kind::Number => self.number(i, 1..=2)?,
            Kind::Word => {
                // An ordinal: "18th", "1st"; checked on bytes so words cost no allocation.
                let text = t.text;
                if !(3..=4).contains(&text.len()) || !text.is_char_boundary(text.len() - 2) {
                    return None;
                }
                let (digits, suffix) = text.split_at(text.len() - 2);
                let ordinal = ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|s| suffix.eq_ignore_ascii_case(s));
                if !ordinal || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok()?
            }
            Kind::Punct => return None,
        };
        // "-year-old", "-day" after a number make it an age or a duration, not a date; a month
        // after the dash is a range ("Jan. 30-Feb. 2").
        if self.dash(i + 1)
            && self.glued(i + 1)
            && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Word)
            && self.month(i + 2).is_none()
        {
            return None;
        }
        (1..=31).contains(&n).then_some(n as i8)
    }

    /// A written year, 1800 to 2199.
    fn year(&self, i: usize) -> Option<i16> {
        let n = self.number(i, 4..=4)?;
        (1800..=2199).contains(&n).then_some(n as i16)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase))
    }

    /// A capitalised month name at `i`: (month, is abbreviation, index after it and any
    /// abbreviation period).
    fn month(&self, i: usize) -> Option<(i8, bool, usize)> {
        let (m, abbr) = self.tok(i)?.info?.month?;
        if !self.capitalized(i) {
            return None;
        }
        let next = if abbr && self.punct(i + 1, '.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((m, abbr, next))
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let day = self.tok(i)?.info?.weekday?;
        self.capitalized(i).then_some(day)
    }

    /// A range joiner after a first day: "-", "to", "through"; "and" only after "between".
    fn joiner(&self, i: usize, between: bool) -> bool {
        self.dash(i)
            || self.is_any(i, &["to", "through", "till", "until"])
            || (between && self.is(i, "and"))
    }

    /// An optional ", 2016" or " 2016" at `i`: (year, index after it).
    fn trailing_year(&self, i: usize) -> Option<(i16, usize)> {
        if let Some(y) = self.year(i) {
            return Some((y, i + 1));
        }
        if self.punct(i, ',') {
            if let Some(y) = self.year(i + 1) {
                return Some((y, i + 2));
            }
        }
        None
    }

    /// "last year", "this year", "next year" (optionally after "of") at `i`.
    fn year_offset(&self, i: usize) -> Option<(i32, usize)> {
        let i = if self.is(i, "of") { i + 1 } else { i };
        if !self.is(i + 1, "year") {
            return None;
        }
        Some((self.step(i)?, i + 2))
    }

    /// "last", "this", "next" as -1, 0, 1.
    fn step(&self, i: usize) -> Option<i32> {
        if self.is(i, "last") {
            Some(-1)
        } else if self.is(i, "this") {
            Some(0)
        } else if self.is(i, "next") {
            Some(1)
        } else {
            None
        }
    }

    // ---- recognisers: each returns (end token, expression) ---------------------------

    /// "2024-02-13".
    fn iso(&self, i: usize) -> Option<(usize, Expr)> {
        let y = self.year(i)?;
        if !(self.punct(i + 1, '-') && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let m = self.number(i + 2, 2..=2)? as i8;
        if !(self.punct(i + 3, '-') && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        let d = self.number(i + 4, 2..=2)? as i8;
        Some((i + 5, days(Which::Written(y), (m, d), (m, d))))
    }

    /// "08/11/2006". Which number is the month is decided at resolution (see
    /// [`Expr::Slashed`]).
    fn slashed(&self, i: usize) -> Option<(usize, Expr)> {
        let a = self.number(i, 1..=2)? as i8;
        if !(self.punct(i + 1, '/') && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let b = self.number(i + 2, 1..=2)? as i8;
        if !(self.punct(i + 3, '/') && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        if let Some(year) = self.year(i + 4) {
            return Some((i + 5, Expr::Slashed { year, a, b }));
        }
        let year = self.number(i + 4, 2..=2)? as i8;
        Some((i + 5, Expr::SlashedShort { year, a, b }))
    }

    /// "the next day", "the following day", "a day later", "two weeks later", "the previous
    /// day", "the same day": days counted from the date mentioned just before.
    fn counted_from_anchor(&self, i: usize) -> Option<(usize, Expr)> {
        if self.is(i, "the") {
            let step = if self.is_any(i + 1, &["next", "following"]) {
                1
            } else if self.is_any(i + 1, &["previous", "preceding"]) {
                -1
            } else if self.is(i + 1, "same") {
                0
            } else if self.is(i + 1, "day")
                && self.is_any(i + 2, &["after", "before"])
                // "the day after the summit" counts from the summit, not from a date.
                && self.tok(i + 3).is_none_or(|t| t.kind == Kind::Punct)
            {
                let step = if self.is(i + 2, "after") { 1 } else { -1 };
                return Some((i + 3, Expr::FromAnchor(step)));
            } else {
                return None;
            };
            return self
                .is_any(i + 2, &["day", "morning", "evening", "night"])
                .then_some((i + 3, Expr::FromAnchor(step)));
        }
        let n = match self.tok(i)?.kind {
            Kind::Number => i32::try_from(self.number(i, 1..=2)?).ok()?,
            Kind::Word => self.count(i)?,
            Kind::Punct => return None,
        };
        let unit = match self.unit(i + 1)? {
            DurationUnit::Day => 1,
            DurationUnit::Week => 7,
            _ => return None,
        };
        let sign = if self.is(i + 2, "later") {
            1
        } else if self.is(i + 2, "earlier") {
            -1
        } else {
            return None;
        };
        Some((i + 3, Expr::FromAnchor(sign * unit * n)))
    }

    /// "the 1990s", "the mid-1990s", "the 70s", "the '90s".
    fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        let digits = t.text.strip_suffix('s')?;
        if t.kind != Kind::Word || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match digits.len() {
            4 => {
                let y: i16 = digits.parse().ok()?;
                ((1800..=2190).contains(&y) && y % 10 == 0).then_some((i + 1, Expr::Decade(y)))
            }
            // Two digits only where nothing else fits: "the 70s", "'90s", "mid-80s".
            2 if self.prev_is_any(i, &["the", "mid", "early", "late"])
                || (i > 0 && (self.punct(i - 1, '\'') || self.punct(i - 1, '\u{2019}'))) =>
            {
                let y: i8 = digits.parse().ok()?;
                (y % 10 == 0).then_some((i + 1, Expr::ShortDecade(y)))
            }
            _ => None,
        }
    }

    /// "since '82", "in '05": a two-digit year after an apostrophe and a year cue.
    fn short_year(&self, i: usize) -> Option<(usize, Expr)> {
        if !(self.punct(i, '\'') || self.punct(i, '\u{2019}')) || !self.prev_is_any(i, YEAR_CUES) {
            return None;
        }
        if !self.glued(i + 1)
            || self
                .tok(i + 2)
                .is_some_and(|t| t.kind == Kind::Word && !t.spaced)
        {
            return None;
        }
        let y = self.number(i + 1, 2..=2)? as i8;
        Some((i + 2, Expr::ShortYear(y)))
    }

    /// "Friday", "Friday, Jan. 29": a weekday, merged with a date that follows it.
    fn weekday_led(&self, i: usize) -> Option<(usize, Expr)> {
        let day = self.weekday(i)?;
        if let Some(week) = self.step(i + 1).filter(|_| self.is(i + 2, "week")) {
            return Some((i + 3, Expr::WeekdayOfWeek { day, week }));
        }
        let next = if self.punct(i + 1, ',') { i + 2 } else { i + 1 };
        if let Some((end, expr @ Expr::Days { .. })) =
            self.month_led(next, false).or_else(|| self.day_led(next))
        {
            return Some((end, expr));
        }
        Some((
            i + 1,
            Expr::Weekday {
                day,
                which: Which::Tense,
            },
        ))
    }

    /// "last year", "next month", "this week", "last Friday", "next March", "this morning".
    fn modified(&self, i: usize) -> Option<(usize, Expr)> {
        let offset = self.step(i)?;
        // "over the last year", "for the next week", "every last Friday": spans of time
        // counted from now, not calendar units.
        if self.prev_is_any(i, &["the", "a", "every", "each", "past"]) {
            return None;
        }
        let which = match offset {
            -1 => Which::Before,
            0 => Which::This,
            _ => Which::After,
        };
        let j = i + 1;
        if self.is(j, "year") {
            return Some((j + 1, Expr::RelYear(offset)));
        }
        if self.is(j, "month") {
            return Some((j + 1, Expr::RelMonth(offset)));
        }
        if self.is(j, "week") {
            return Some((j + 1, Expr::Week(offset)));
        }
        if self.is(j, "weekend") {
            return Some((j + 1, Expr::Weekend(which)));
        }
        if offset == 0 && self.is_any(j, &["morning", "afternoon", "evening"]) {
            return Some((j + 1, Expr::Day(0)));
        }
        // "last night" is the evening before publication: wire copy is filed in the morning.
        if offset == -1 && self.is(j, "night") {
            return Some((j + 1, Expr::Day(-1)));
        }
        if let Some(day) = self.weekday(j) {
            return Some((j + 1, Expr::Weekday { day, which }));
        }
        if let Some((month, false, after)) = self.month(j) {
            return Some((after, Expr::Month { month, year: which }));
        }
        None
    }

    /// "early 2023", "late November", "mid-November", "mid-2023", "early this year" is left
    /// to "this year".
    fn part_of(&self, i: usize) -> Option<(usize, Expr)> {
        if !self.is_any(i, &["early", "late", "mid"]) {
            return None;
        }
        let j = if self.dash(i + 1) && self.glued(i + 1) {
            i + 2
        } else if self.is(i, "mid") {
            return None;
        } else {
            i + 1
        };
        if let Some(y) = self.year(j) {
            return Some((j + 1, Expr::Year(y)));
        }
        if let Some(found) = self.decade(j) {
            return Some(found);
        }
        match self.month_led(j, true)? {
            (end, expr @ Expr::Month { .. }) => Some((end, expr)),
            _ => None,
        }
    }

    /// "earlier in the day", "later in the day": the day just mentioned ("said on Tuesday ...
    /// later in the day"), else the publication day.
    fn earlier_in_the_day(&self, i: usize) -> Option<(usize, Expr)> {
        if self.is_any(i, &["earlier", "later", "late", "early"])
            && self.is(i + 1, "in")
            && self.is(i + 2, "the")
            && self.is(i + 3, "day")
        {
            return Some((i + 4, Expr::SameDay));
        }
        // Market copy: "ended the day down 3 percent", "for the day, the index fell": the
        // trading day just mentioned, else the publication day.
        let closes = self.prev_is_any(
            i,
            &[
                "end",
                "ends",
                "ended",
                "ending",
                "finish",
                "finished",
                "finishing",
                "close",
                "closed",
                "closing",
                "for",
            ],
        );
        let open_ended = self.is_any(i + 2, &["after", "before", "of", "when", "that", "on"]);
        (closes && self.is(i, "the") && self.is(i + 1, "day") && !open_ended)
            .then_some((i + 2, Expr::SameDay))
    }

    /// "recently", "now", "in recent years", "in the coming days": a listed vague phrase
    /// (`vague_*` in the word list). One starting with "the" needs a preposition before it
    /// ("in the past", not "the past was"); none may run into a number or a unit of time, so
    /// "the past two years" and "recent weeks' talks" stay what they are.
    fn vague(&self, i: usize) -> Option<(usize, Expr)> {
        let info = self.tok(i)?.info?;
        for (rest, vague) in &info.vague {
            let all = rest.iter().enumerate().all(|(k, w)| self.is(i + 1 + k, w));
            if !all {
                continue;
            }
            let end = i + 1 + rest.len();
            // "their most recent model" ranks things; it dates nothing.
            if self.prev_is_any(i, &["most"]) {
                continue;
            }
            if self.is(i, "the") && !self.prev_is_any(i, &["in", "for", "into", "of", "near", "at"])
            {
                continue;
            }
            // "now-defunct", "recent-year": a hyphenated compound is a modifier of its own.
            if self.dash(end) && self.glued(end) {
                continue;
            }
            let counted = self.tok(end).is_some_and(|t| t.kind == Kind::Number)
                || self.info(end).is_some_and(|w| w.quantity)
                || (self.count(end).is_some() && !self.is(end, "a"));
            if counted {
                continue;
            }
            return Some((end, Expr::Vague(*vague)));
        }
        None
    }

    /// "over the weekend", "at the weekend", "during the weekend": the one the tense points to.
    /// The span is "the weekend".
    fn the_weekend(&self, i: usize) -> Option<(usize, Expr)> {
        (self.is(i, "the")
            && self.is(i + 1, "weekend")
            && self.prev_is_any(i, &["over", "at", "during", "on", "this", "for"]))
        .then_some((i + 2, Expr::Weekend(Which::Tense)))
    }

    /// "the third quarter of 2009", "the first half of this year", "the fourth quarter",
    /// "third-quarter": three or six months. "last quarter" and "the first half" without a
    /// year are left out: the quarter before publication's, a match's half.
    fn quarter(&self, i: usize) -> Option<(usize, Expr)> {
        const ORDINALS: &[(&str, i8)] = &[
            ("first", 1),
            ("second", 2),
            ("third", 3),
            ("fourth", 4),
            ("final", 0),
            ("last", 0),
        ];
        let j = if self.is(i, "the") { i + 1 } else { i };
        let &(_, n) = ORDINALS.iter().find(|(w, _)| self.is(j, w))?;
        let unit = if self.dash(j + 1) && self.glued(j + 1) {
            j + 2
        } else {
            j + 1
        };
        let months = if self.is(unit, "quarter") {
            3
        } else if self.is(unit, "half") {
            6
        } else {
            return None;
        };
        let count = 12 / months;
        if n > count {
            return None;
        }
        let k = if self.is(unit + 1, "of") {
            unit + 2
        } else {
            unit + 1
        };
        let (end, year) = if let Some(y) = self.year(k) {
            (k + 1, Which::Written(y))
        } else if let Some((offset, end)) = self.year_offset(k) {
            (end, Which::YearOffset(offset))
        } else if n == 0 || months == 6 {
            // "the first half" alone is as often a match or a speech as a half-year.
            return None;
        } else {
            (unit + 1, Which::Tense)
        };
        let n = if n == 0 { count } else { n };
        let last = n * months;
        Some((
            end,
            Expr::Months {
                first: last - months + 1,
                last,
                year,
            },
        ))
    }

    /// "today", "yesterday", "tomorrow", "tonight".
    fn day_word(&self, i: usize) -> Option<(usize, Expr)> {
        let offset = self.tok(i)?.info?.day_offset?;
        // "USA Today", "China Today": a capitalised day word after a capitalised word is a name.
        if i > 0
            && self.capitalized(i)
            && self.capitalized(i - 1)
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word)
        {
            return None;
        }
        Some((i + 1, Expr::Day(offset)))
    }

    /// Month first: "Jan. 29, 2016", "Feb. 15-17", "Jan. 30-Feb. 2", "September 2023",
    /// "October last year", and a bare "January" after a cue word (or when `cued` by the
    /// caller, as after "mid-").
    fn month_led(&self, i: usize, cued: bool) -> Option<(usize, Expr)> {
        let (m, abbr, j) = self.month(i)?;
        if let Some(d1) = self.day(j) {
            let between = self.prev_is_any(i, &["between"]);
            let mut last = (m, d1);
            let mut k = j + 1;
            if self.joiner(k, between) {
                if let Some(d2) = self.day(k + 1).filter(|&d2| d2 > d1) {
                    last = (m, d2);
                    k += 2;
                } else if let Some((m2, _, after)) = self.month(k + 1) {
                    if let Some(d2) = self.day(after) {
                        last = (m2, d2);
                        k = after + 1;
                    }
                }
            }
            return Some(self.days_with_year(k, (m, d1), last));
        }
        if let Some((y, end)) = self.trailing_year(j) {
            return Some((end, month(m, Which::Written(y))));
        }
        if self.is(j, "of") {
            if let Some(y) = self.year(j + 1) {
                return Some((j + 2, month(m, Which::Written(y))));
            }
        }
        // An abbreviation alone is too often a name ("Jan Egeland") to count.
        if abbr {
            return None;
        }
        // "from January to March", "between January and March 2024".
        if self.joiner(j, self.prev_is_any(i, &["between"])) {
            if let Some((last, false, k)) = self.month(j + 1) {
                if last != m {
                    let (end, year) = self.month_year(k);
                    return Some((
                        end,
                        Expr::Months {
                            first: m,
                            last,
                            year,
                        },
                    ));
                }
            }
        }
        if let Some((offset, end)) = self.year_offset(j) {
            return Some((end, month(m, Which::YearOffset(offset))));
        }
        let cues = if m == 5 { MAY_CUES } else { MONTH_CUES };
        if cued || self.prev_is_any(i, cues) {
            return Some((j, month(m, Which::Tense)));
        }
        None
    }

    /// Day first: "29 January 2016", "18-19 October", "18th of October".
    fn day_led(&self, i: usize) -> Option<(usize, Expr)> {
        let d1 = self.day(i)?;
        let between = self.prev_is_any(i, &["between"]);
        let mut k = i + 1;
        let mut d2 = d1;
        if self.joiner(k, between) {
            if let Some(d) = self.day(k + 1).filter(|&d| d > d1) {
                d2 = d;
                k += 2;
            }
        }
        if self.is(k, "of") && self.tok(i).is_some_and(|t| t.kind == Kind::Word) {
            k += 1;
        }
        let (m, _, j) = self.month(k)?;
        Some(self.days_with_year(j, (m, d1), (m, d2)))
    }

    /// The year that may follow a month at `k`: ", 2016", "last year", or nothing.
    fn month_year(&self, k: usize) -> (usize, Which) {
        if let Some((y, end)) = self.trailing_year(k) {
            return (end, Which::Written(y));
        }
        if let Some((offset, end)) = self.year_offset(k) {
            return (end, Which::YearOffset(offset));
        }
        (k, Which::Tense)
    }

    /// Days whose year may follow at `k`: ", 2016", "last year", or nothing (tense decides).
    fn days_with_year(&self, k: usize, first: (i8, i8), last: (i8, i8)) -> (usize, Expr) {
        if let Some((y, end)) = self.trailing_year(k) {
            return (end, days(Which::Written(y), first, last));
        }
        if let Some((offset, end)) = self.year_offset(k) {
            return (end, days(Which::YearOffset(offset), first, last));
        }
        (k, days(Which::Tense, first, last))
    }

    /// "in 2003", "since 2006", "from 2003 to 2006": a four-digit year after a preposition.
    fn bare_year(&self, i: usize) -> Option<(usize, Expr)> {
        let y = self.year(i)?;
        if !self.prev_is_any(i, YEAR_CUES) {
            return None;
        }
        let between = self.prev_is_any(i, &["between"]);
        if self.joiner(i + 1, between) {
            if let Some(y2) = self.year(i + 2).filter(|&y2| y2 > y) {
                return Some((i + 3, Expr::Years(y, y2)));
            }
        }
        Some((i + 1, Expr::Year(y)))
    }

    /// A year used as a modifier, where no preposition cues it: "the 2008 Olympic Games", "the
    /// 1991 settlement", "WWDC 2005", "APEC Summit 2019". Only 1900 to 2100, only before a
    /// capitalised word or a noun that names something held or made in a year, or at the end
    /// of a clause after an acronym or an event's name, so that "the 2000 troops" and "Resolution
    /// 2094" stay numbers.
    fn attributive_year(&self, i: usize) -> Option<(usize, Expr)> {
        let y = self.year(i).filter(|y| (1900..=2100).contains(y))?;
        let before_det =
            self.prev_is_any(i, &["the", "its", "their", "his", "her", "this", "that"]);
        let next_is_word = self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word);
        if before_det && next_is_word && (self.capitalized(i + 1) || self.is_any(i + 1, YEAR_NOUNS))
        {
            return Some((i + 1, Expr::Year(y)));
        }
        let clause_ends = self
            .tok(i + 1)
            .is_none_or(|t| t.kind == Kind::Punct && !self.punct(i + 1, '%'));
        let name = i > 0
            && self.tok(i - 1).is_some_and(|t| {
                let acronym = t.text.len() >= 2
                    && t.text.bytes().all(|b| b.is_ascii_uppercase())
                    && !NOT_EVENT_NAMES.contains(&t.text);
                t.kind == Kind::Word
                    && (acronym || (self.capitalized(i - 1) && self.is_any(i - 1, EVENT_NAMES)))
            });
        (clause_ends && name).then_some((i + 1, Expr::Year(y)))
    }

    /// "two days ago", "a week ago", "three years ago".
    fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        if !self.is(i + 2, "ago") {
            return None;
        }
        let n = match self.tok(i)?.kind {
            Kind::Number => i32::try_from(self.number(i, 1..=2)?).ok()?,
            Kind::Word => self.count(i)?,
            Kind::Punct => return None,
        };
        let expr = match self.unit(i + 1)? {
            DurationUnit::Day => Expr::Day(-n),
            // "a week ago" is the day seven days back (TimeML dates it so), not last week.
            DurationUnit::Week => Expr::Day(-7 * n),
            DurationUnit::Month => Expr::RelMonth(-n),
            DurationUnit::Year => Expr::RelYear(-n),
        };
        Some((i + 3, expr))
    }
}

fn days(year: Which, first: (i8, i8), last: (i8, i8)) -> Expr {
    Expr::Days { year, first, last }
}

fn month(month: i8, year: Which) -> Expr {
    Expr::Month { month, year }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_are_told_from_other_words() {
        for w in OPENERS {
            assert!(is_opener(w), "{w}");
            assert!(is_opener(&w.to_uppercase()), "{w}");
        }
        for w in [
            "they", "then", "lasts", "nexts", "mi", "", "Été", "1990s", "THEM", "said",
        ] {
            assert!(!is_opener(w), "{w}");
        }
    }
}
