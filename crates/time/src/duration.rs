//! Durations: lengths of time that are not dates ("for three days", "a two-day visit", "a
//! week-long trip"). Three forms, each ending in a unit of days, weeks, months or years:
//!
//! * "for" + count + unit: "for three days", "for a week", "for 10 days";
//! * count "-" unit used as a modifier: "a two-day visit", "the 10-day tour" (not an age:
//!   "75-year-old");
//! * unit "-long" or "weeklong": "a week-long trip", "a month-long stay" (a count of one).

use attache_model::{Duration, DurationUnit};

use crate::lexicon::Lexicon;
use crate::scan::{Kind, Tok};

/// A duration found at tokens `first..end`.
pub(crate) struct FoundDuration {
    pub first: usize,
    pub end: usize,
    pub value: Duration,
}

/// The unit of time `tok` names: singular or plural ("for three days", "for a day") when
/// `plural`, else only the singular ("a two-day visit").
fn unit(tok: &Tok<'_, '_>, plural: bool) -> Option<DurationUnit> {
    match tok.info?.unit? {
        (u, false) => Some(u),
        (u, true) => plural.then_some(u),
    }
}

fn count(tok: &Tok<'_, '_>) -> Option<u16> {
    match tok.kind {
        Kind::Number if tok.text.len() <= 3 => tok.text.parse().ok().filter(|&n| n > 0),
        Kind::Word => u16::try_from(tok.info?.count?).ok(),
        _ => None,
    }
}

fn is(toks: &[Tok<'_, '_>], i: usize, text: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.text.eq_ignore_ascii_case(text))
}

/// A hyphen written without spaces around it ("two-day", not "two - day").
fn hyphen(toks: &[Tok<'_, '_>], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && t.text == "-" && !t.spaced)
        && toks.get(i + 1).is_some_and(|t| !t.spaced)
}

/// Every duration in the tokens (looked up in `lexicon`), left to right, not overlapping.
pub(crate) fn scan(toks: &[Tok<'_, '_>], lexicon: &Lexicon) -> Vec<FoundDuration> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    while i < toks.len() {
        match at(toks, i, lexicon, &mut buf) {
            Some(found) => {
                i = found.end;
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

fn at(
    toks: &[Tok<'_, '_>],
    i: usize,
    lexicon: &Lexicon,
    buf: &mut String,
) -> Option<FoundDuration> {
    let found = |first, end, count, unit| {
        Some(FoundDuration {
            first,
            end,
            value: Duration { count, unit },
        })
    };
    let t = &toks[i];
    // "for three days", "for a week"; not "for a week-long trip" (that is the next form).
    if t.text.eq_ignore_ascii_case("for") {
        let n = count(toks.get(i + 1)?)?;
        let u = unit(toks.get(i + 2)?, true)?;
        return (!hyphen(toks, i + 3))
            .then_some(())
            .and_then(|()| found(i + 1, i + 3, n, u));
    }
    // "weeklong".
    let long = t.text.len() > 4 && t.text.is_char_boundary(t.text.len() - 4);
    if let Some(stem) = long.then(|| t.text.split_at(t.text.len() - 4)) {
        if stem.1.eq_ignore_ascii_case("long") {
            let singular = lexicon.get(stem.0, buf).and_then(|w| w.unit);
            if let Some((u, false)) = singular {
                return found(i, i + 1, 1, u);
            }
        }
    }
    // "week-long", "month-long".
    if let Some(u) = unit(t, false) {
        if hyphen(toks, i + 1) && is(toks, i + 2, "long") {
            return found(i, i + 3, 1, u);
        }
        return None;
    }
    // "two-day", "10-day", not "75-year-old".
    let n = count(t)?;
    if !hyphen(toks, i + 1) {
        return None;
    }
    let u = unit(toks.get(i + 2)?, false)?;
    if hyphen(toks, i + 3) && is(toks, i + 4, "old") {
        return None;
    }
    let end = if hyphen(toks, i + 3) && is(toks, i + 4, "long") {
        i + 5
    } else {
        i + 3
    };
    // A modifier: a word follows ("two-day visit"), not the end of the sentence.
    toks.get(end).filter(|t| t.kind == Kind::Word)?;
    found(i, end, n, u)
}
