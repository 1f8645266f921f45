//! Tense from cue words: does the sentence report something done or announce something to
//! come? Only consulted for expressions that lack a year ("Oct. 19", "on Friday", "in March").

use crate::lexicon::Tense;
use crate::scan::{Kind, Tok};

/// The tense cue starting at each token, computed once per sentence that needs it.
pub(crate) struct Cues {
    cues: Vec<Option<Tense>>,
}

impl Cues {
    pub(crate) fn new(toks: &[Tok<'_, '_>]) -> Cues {
        let mut cues: Vec<Option<Tense>> = (0..toks.len()).map(|i| cue_at(toks, i)).collect();
        if let Some(to) = headline_infinitive(toks, &cues) {
            cues[to] = Some(Tense::Future);
        }
        Cues { cues }
    }

    /// The tense that decides the year or week of the expression at tokens `first..end`.
    ///
    /// 1. A future cue earlier in the expression's clause wins ("officials said Kim will arrive
    ///    on Friday": the arrival is to come even though "said" is past).
    /// 2. Else the nearest cue before it in the clause: in English the verb that governs a date
    ///    mostly comes first ("Choe met Lavrov on Oct. 19 and will return ...").
    /// 3. Else the nearest cue after it in the clause ("Kim, who on Jan. 5 visited Seoul, ...").
    /// 4. Else the nearest cue in the sentence ("On Jan. 5, Kim will visit Moscow, ...").
    ///
    /// Clauses are cut at `, ; : ( )` and dashes. Ties go to the cue before the expression.
    pub(crate) fn tense_for(&self, toks: &[Tok<'_, '_>], first: usize, end: usize) -> Tense {
        let clause_start = (0..first)
            .rev()
            .find(|&i| is_boundary(&toks[i]))
            .map_or(0, |i| i + 1);
        let clause_end = (end..toks.len())
            .find(|&i| is_boundary(&toks[i]))
            .unwrap_or(toks.len());
        if self.cues[clause_start..first].contains(&Some(Tense::Future)) {
            return Tense::Future;
        }
        self.nearest(first, end, clause_start, first)
            .or_else(|| self.nearest(first, end, end, clause_end))
            .or_else(|| self.nearest(first, end, 0, toks.len()))
            .unwrap_or(Tense::Unknown)
    }

    /// The cue nearest to tokens `first..end` among tokens `lo..hi` outside them.
    fn nearest(&self, first: usize, end: usize, lo: usize, hi: usize) -> Option<Tense> {
        let before = (lo..first.min(hi))
            .rev()
            .find_map(|i| self.cues[i].map(|t| (first - i, t)));
        let after = (end.max(lo)..hi).find_map(|i| self.cues[i].map(|t| (i + 1 - end, t)));
        match (before, after) {
            (Some((db, tb)), Some((da, ta))) => Some(if db <= da { tb } else { ta }),
            (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
            (None, None) => None,
        }
    }
}

/// Words after "to" that show it is no infinitive ("the road to the summit").
const NOT_VERBS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
    "some", "all", "be", "date", "day", "power", "office", "war", "peace", "talks",
];

/// In a headline, "X to VERB" announces: "Kim to visit Moscow on Friday", "Markets to remain
/// closed until Friday". A headline here is a text that does not end in `. ! ?` (or a quote
/// after one) and has no tense cue before its "to"; the verb after "to" must be a lowercase
/// word. Returns the index of that "to".
fn headline_infinitive(toks: &[Tok<'_, '_>], cues: &[Option<Tense>]) -> Option<usize> {
    let last = toks
        .iter()
        .rev()
        .find(|t| !matches!(t.text, "\"" | "'" | "\u{201d}" | "\u{2019}"))?;
    if matches!(last.text, "." | "!" | "?") {
        return None;
    }
    let to = toks
        .iter()
        .position(|t| t.kind == Kind::Word && t.text == "to")?;
    if to == 0 || cues[..to].iter().any(Option::is_some) || toks[to - 1].kind != Kind::Word {
        return None;
    }
    let verb = toks.get(to + 1)?;
    let lowercase = verb.kind == Kind::Word && verb.text.bytes().all(|b| b.is_ascii_lowercase());
    let noun = NOT_VERBS.iter().any(|w| verb.text.eq_ignore_ascii_case(w));
    (lowercase && !noun).then_some(to)
}

fn is_boundary(t: &Tok<'_, '_>) -> bool {
    t.kind == Kind::Punct
        && (matches!(t.text, "," | ";" | ":" | "(" | ")" | "\u{2014}")
            || (matches!(t.text, "-" | "\u{2013}") && t.spaced))
}

/// The cue starting at token `i`: a listed word or phrase, or a regular past form in -ed.
fn cue_at(toks: &[Tok<'_, '_>], i: usize) -> Option<Tense> {
    let t = &toks[i];
    if t.kind != Kind::Word {
        return None;
    }
    if let Some(info) = t.info {
        for (rest, tense) in &info.cues {
            let matches = rest.iter().enumerate().all(|(k, w)| {
                toks.get(i + 1 + k)
                    .is_some_and(|n| n.kind == Kind::Word && n.text.eq_ignore_ascii_case(w))
            });
            if matches {
                return Some(*tense);
            }
        }
        if info.not_past {
            return None;
        }
    }
    // Regular past: lowercase "-ed" words of five letters or more ("aimed", "visited");
    // capitalised ones are names ("Ahmed", "United").
    let regular_past = t.text.len() >= 5
        && t.text.ends_with("ed")
        && t.text.bytes().all(|b| b.is_ascii_lowercase());
    regular_past.then_some(Tense::Past)
}
