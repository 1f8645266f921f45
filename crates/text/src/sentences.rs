//! Sentence splitting and tokenizing for news copy.
//!
//! A small rule splitter: a sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and
//! brackets) when whitespace and a capital, digit or opening quote follow, unless the word
//! before the period is an abbreviation that stands before names ("Gen.", "Jan.", "N.").
//! Abbreviations that can end a sentence ("U.S.", "etc.") end one only before a typical
//! sentence starter ("The", "He"). A line break always ends a sentence.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use attache_model::{char_at, Span, Token};

use crate::TextError;

/// The compiled-in abbreviation list.
pub(crate) const DEFAULT_ABBREVIATIONS: &str = include_str!("../../../data/text_abbreviations.tsv");
const DEFAULT_ABBREVIATIONS_PATH: &str = "data/text_abbreviations.tsv";

/// Abbreviations and sentence starters, loaded from `data/text_abbreviations.tsv`.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    /// Never end a sentence ("Gen", "Jan", "No").
    titles: HashSet<String>,
    /// End a sentence only before a starter ("etc", "Inc").
    abbrevs: HashSet<String>,
    /// Words that typically open a sentence.
    starters: HashSet<String>,
}

impl Abbreviations {
    /// The compiled-in list.
    pub fn new() -> Abbreviations {
        // The compiled-in file is covered by a test; a parse failure here is a build bug.
        Abbreviations::parse(DEFAULT_ABBREVIATIONS, DEFAULT_ABBREVIATIONS_PATH)
            .expect("compiled-in data/text_abbreviations.tsv parses")
    }

    /// Parses a `class<TAB>word` list (see `data/text_abbreviations.tsv`); errors name `path`
    /// and the line.
    pub fn parse(text: &str, path: &str) -> Result<Abbreviations, TextError> {
        let mut out = Abbreviations::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| TextError::Rules {
                path: path.to_string(),
                line: i + 1,
                message,
            };
            let (class, word) = line
                .split_once('\t')
                .ok_or_else(|| err("expected class<TAB>word".to_string()))?;
            let word = word.trim().trim_end_matches('.');
            if word.is_empty() || word.contains(char::is_whitespace) {
                return Err(err(format!("bad word {word:?}")));
            }
            let set = match class.trim() {
                "title" => &mut out.titles,
                "abbrev" => &mut out.abbrevs,
                "starter" => &mut out.starters,
                other => return Err(err(format!("unknown class {other:?}"))),
            };
            set.insert(word.to_string());
        }
        Ok(out)
    }

    /// Whether `word` (without its period) keeps its period as part of the token.
    fn is_abbreviation(&self, word: &str) -> bool {
        is_initial(word)
            || word.contains('.')
            || self.titles.contains(word)
            || self.abbrevs.contains(word)
    }

    /// Splits `text` into sentence spans (see the module docs).
    pub fn split_sentences(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                self.split_paragraph(text, start, i, &mut out);
                start = i + 1;
            }
        }
        self.split_paragraph(text, start, text.len(), &mut out);
        out
    }

    /// Splits `text[start..end]`, a piece with no line breaks, appending to `out`.
    pub(crate) fn split_paragraph(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Vec<Span>,
    ) {
        let bytes = text.as_bytes();
        let mut sentence = start;
        let mut i = start;
        while i < end {
            i = next_mark(bytes, i, end);
            if i >= end {
                break;
            }
            let b = bytes[i];
            // '…' is E2 80 A6; compare bytes since `i` may sit inside another character.
            let ellipsis = b == 0xE2 && bytes[i..end].starts_with("…".as_bytes());
            if !(matches!(b, b'.' | b'!' | b'?') || ellipsis) {
                i += 1;
                continue;
            }
            // Take the whole run of terminal marks, then closing quotes and brackets.
            let mut j = if ellipsis {
                i + '…'.len_utf8()
            } else {
                i + 1
            };
            while j < end && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            let terminal_run = j - i;
            loop {
                let rest = &text[j..end];
                match rest.chars().next() {
                    Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) => j += c.len_utf8(),
                    _ => break,
                }
            }
            if j >= end {
                break;
            }
            let rest = &text[j..end];
            let after_space = rest.trim_start();
            if after_space.len() == rest.len() {
                // "3.5", "U.S.-made": no space, no boundary.
                i = j.max(i + 1);
                continue;
            }
            let next_start = end - after_space.len();
            if self.is_boundary(text, sentence, i, b, terminal_run, ellipsis, after_space) {
                push_trimmed(text, sentence, j, out);
                sentence = next_start;
            }
            i = next_start;
        }
        push_trimmed(text, sentence, end, out);
    }

    /// Whether the terminal mark at `at` ends the sentence begun at `sentence`, given the text
    /// after the following whitespace.
    #[allow(clippy::too_many_arguments)]
    fn is_boundary(
        &self,
        text: &str,
        sentence: usize,
        at: usize,
        mark: u8,
        run: usize,
        ellipsis: bool,
        next: &str,
    ) -> bool {
        let next_word = next
            .trim_start_matches(['"', '\'', '(', '[', '“', '‘', '«'])
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
            .next()
            .unwrap_or("");
        let Some(first) = next_word.chars().next().or_else(|| next.chars().next()) else {
            return false;
        };
        if first.is_lowercase() {
            return false;
        }
        if mark != b'.' || ellipsis || run > 1 {
            return true;
        }
        let before = &text[sentence..at];
        if mark == b'.' && inside_brackets(before) {
            // "(For Use Only in the Republic of Korea. No Redistribution)": a credit, not two
            // sentences.
            return false;
        }
        let word = previous_word(before);
        if word.is_empty() {
            return true;
        }
        if is_initial(word) || self.titles.contains(word) {
            return false;
        }
        if word.contains('.') || self.abbrevs.contains(word) {
            return self.starters.contains(next_word);
        }
        true
    }

    /// Splits `text` into tokens, shifting every span by `offset`.
    pub fn tokenize(&self, text: &str, offset: usize) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_into(text, offset, &mut out);
        out
    }

    /// [`Self::tokenize`], appending to `out`.
    pub(crate) fn tokenize_into(&self, text: &str, offset: usize, out: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most of wire copy is ASCII: spaces are skipped and characters read without
            // decoding.
            let b = bytes[i];
            if b == b' ' {
                i += 1;
                continue;
            }
            let c = char_at(text, i).0;
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let mut end = i + c.len_utf8();
            if c.is_alphanumeric() {
                // A word or number, with inner joiners when an alphanumeric follows them.
                loop {
                    // Most words are ASCII: skip their letters and digits byte by byte.
                    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                        end += 1;
                    }
                    // An ASCII mark that joins nothing (a space, a comma before no digit, a
                    // stop) ends the word without decoding what follows.
                    match bytes.get(end) {
                        None => break,
                        Some(&a) if a.is_ascii() && !matches!(a, b'-' | b'\'' | b'.' | b',') => {
                            break
                        }
                        _ => {}
                    }
                    let rest = &text[end..];
                    let mut it = rest.chars();
                    match (it.next(), it.next()) {
                        (Some(a), _) if a.is_alphanumeric() => end += a.len_utf8(),
                        (Some(j @ ('-' | '\'' | '’' | '.' | '‐')), Some(b))
                            if b.is_alphanumeric() =>
                        {
                            end += j.len_utf8() + b.len_utf8()
                        }
                        (Some(','), Some(b))
                            if b.is_ascii_digit()
                                && text[i..end]
                                    .bytes()
                                    .all(|x| x.is_ascii_digit() || x == b',') =>
                        {
                            end += 1 + b.len_utf8()
                        }
                        _ => break,
                    }
                }
                if text[end..].starts_with('.') && self.is_abbreviation(&text[i..end]) {
                    end += 1;
                }
            } else {
                // Punctuation: runs of the same mark ("--", "...") are one token.
                while text[end..].starts_with(c) && matches!(c, '-' | '.' | '—' | '=' | '*') {
                    end += c.len_utf8();
                }
            }
            out.push(Token {
                span: Span::new(offset + i, offset + end),
            });
            i = end;
        }
    }
}

/// The first index in `from..end` of a byte that may end a sentence ('.', '!', '?', or 0xE2,
/// the first byte of '…'), else `end`. Eight bytes are tested at a time, as most of a paragraph
/// holds none.
fn next_mark(bytes: &[u8], from: usize, end: usize) -> usize {
    let mut i = from;
    while i + 8 <= end {
        let x = crate::word_at(bytes, i);
        let marks = crate::bytes_equal(x, b'.')
            | crate::bytes_equal(x, b'!')
            | crate::bytes_equal(x, b'?')
            | crate::bytes_equal(x, 0xE2);
        if marks != 0 {
            return i + (marks.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && !matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2) {
        i += 1;
    }
    i
}

/// Whether an opening bracket in `s` is still open, looking back at most 200 bytes (a stray
/// bracket must not glue a whole paragraph together).
fn inside_brackets(s: &str) -> bool {
    let from = s.len().saturating_sub(200);
    let mut depth = 0i32;
    for b in &s.as_bytes()[from..] {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// A single capital letter: an initial ("N. Korea", "Kim J. Un").
fn is_initial(word: &str) -> bool {
    let mut it = word.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_uppercase())
}

/// The word just before the end of `s`, without leading quotes or brackets.
fn previous_word(s: &str) -> &str {
    let start = s
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '/'))
        .map(|k| k + s[k..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &s[start..]
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// The compiled-in abbreviations, parsed on first use. Immutable: a cache of a constant.
pub(crate) fn default_abbreviations() -> &'static Abbreviations {
    static DEFAULT: OnceLock<Abbreviations> = OnceLock::new();
    DEFAULT.get_or_init(Abbreviations::new)
}

/// Splits `text` into sentence spans with the compiled-in abbreviation list.
///
/// ```
/// let text = "Gen. Kim arrived in the U.S. capital on Jan. 29. He met Sen. Park.";
/// let got: Vec<&str> = attache_text::split_sentences(text)
///     .iter()
///     .map(|s| s.slice(text))
///     .collect();
/// assert_eq!(got, ["Gen. Kim arrived in the U.S. capital on Jan. 29.", "He met Sen. Park."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    default_abbreviations().split_sentences(text)
}

/// Splits `text` into word, number and punctuation tokens whose spans are shifted by `offset`
/// (pass a sentence's start to get document offsets).
///
/// ```
/// let text = "U.S. envoy’s 3.5-day trip";
/// let got: Vec<&str> = attache_text::tokenize(text, 0)
///     .iter()
///     .map(|t| t.span.slice(text))
///     .collect();
/// assert_eq!(got, ["U.S.", "envoy’s", "3.5-day", "trip"]);
/// ```
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    default_abbreviations().tokenize(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time scan finds the same byte as a byte-by-byte one, from every start.
    #[test]
    fn next_mark_finds_the_first_terminal_byte() {
        let texts = [
            "",
            "no marks in this line at all",
            "Yes.",
            "He left. She stayed!",
            "Really?! \"Yes.\"",
            "Wait… what",
            "Seoul’s envoy — “Fine” — said so.",
            "12345678.12345678!12345678?",
            "abcdefg\u{e2}",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                for end in from..=bytes.len() {
                    let want = (from..end)
                        .find(|&i| matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2))
                        .unwrap_or(end);
                    assert_eq!(next_mark(bytes, from, end), want, "{text:?} {from}..{end}");
                }
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            (
                "N. Korea fired a missile. S. Korea protested.",
                &["N. Korea fired a missile.", "S. Korea protested."],
            ),
            (
                "The U.N. envoy met Gen. Park Chol in Pyongyang.",
                &["The U.N. envoy met Gen. Park Chol in Pyongyang."],
            ),
            (
                "He left for the U.S. The trip lasts a week.",
                &["He left for the U.S.", "The trip lasts a week."],
            ),
            (
                "U.S. President Ellis will visit the U.K. next week.",
                &["U.S. President Ellis will visit the U.K. next week."],
            ),
            (
                "Talks are set for Sept. 4 and Oct. 9. Both sides agreed.",
                &[
                    "Talks are set for Sept. 4 and Oct. 9.",
                    "Both sides agreed.",
                ],
            ),
            (
                "Kim J. Un spoke. Lt. Col. Ri Dok listened.",
                &["Kim J. Un spoke.", "Lt. Col. Ri Dok listened."],
            ),
            (
                "Growth slowed to 3.5 percent. Exports fell.",
                &["Growth slowed to 3.5 percent.", "Exports fell."],
            ),
            (
                "\"We will go,\" he said. \"It is time.\" She agreed.",
                &["\"We will go,\" he said.", "\"It is time.\"", "She agreed."],
            ),
            (
                "\"Go home!\" the crowd shouted. Police left.",
                &["\"Go home!\" the crowd shouted.", "Police left."],
            ),
            (
                "The envoy (who arrived Monday.) met him. Talks followed.",
                &[
                    "The envoy (who arrived Monday.) met him.",
                    "Talks followed.",
                ],
            ),
            (
                "Arms, fuel, etc. were listed. Sanctions followed.",
                &["Arms, fuel, etc. were listed.", "Sanctions followed."],
            ),
            (
                "Arms, fuel, etc. The list grew.",
                &["Arms, fuel, etc.", "The list grew."],
            ),
            (
                "Dr. Han and Mrs. Lee met Mr. Choe vs. Ms. Ito at No. 10 St. James Rd.",
                &["Dr. Han and Mrs. Lee met Mr. Choe vs. Ms. Ito at No. 10 St. James Rd."],
            ),
            (
                "First line without stop\nSecond line.",
                &["First line without stop", "Second line."],
            ),
            (
                "Why now? Nobody knows… Wait!",
                &["Why now?", "Nobody knows…", "Wait!"],
            ),
            (
                "It rose 2.5% in 2023. In 2024 it fell.",
                &["It rose 2.5% in 2023.", "In 2024 it fell."],
            ),
            (
                "Seen in Hanoi. (For Use Only in Korea. No Redistribution) (Hanbit)",
                &[
                    "Seen in Hanoi.",
                    "(For Use Only in Korea. No Redistribution) (Hanbit)",
                ],
            ),
            (
                "Gen. He Wei arrived. He left.",
                &["Gen. He Wei arrived.", "He left."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn tokens() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. envoy’s 3.5-day trip",
                &["U.S.", "envoy’s", "3.5-day", "trip"],
            ),
            (
                "Kim Jong-un's aide, 1,200 troops.",
                &["Kim", "Jong-un's", "aide", ",", "1,200", "troops", "."],
            ),
            (
                "N. Korea -- (UPI) Jan. 29",
                &["N.", "Korea", "--", "(", "UPI", ")", "Jan.", "29"],
            ),
            (
                "\"Go,\" he said...",
                &["\"", "Go", ",", "\"", "he", "said", "..."],
            ),
            ("Seoul 서울 visit", &["Seoul", "서울", "visit"]),
            (
                "Zürich\u{a0}talks, Ōsaka-bound 2,000-strong",
                &["Zürich", "talks", ",", "Ōsaka-bound", "2,000-strong"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = tokenize(text, 0)
                .iter()
                .map(|t| t.span.slice(text))
                .collect();
            assert_eq!(got, *want, "{text:?}");
        }
        let shifted = tokenize("Oslo talks", 10);
        assert_eq!(shifted[1].span, Span::new(15, 20));
    }

    #[test]
    fn compiled_in_list_parses_and_bad_lists_fail_with_place() {
        assert!(Abbreviations::parse(DEFAULT_ABBREVIATIONS, DEFAULT_ABBREVIATIONS_PATH).is_ok());
        let err = Abbreviations::parse("title\tMr\nnoun\tX\n", "ab.tsv").expect_err("bad class");
        assert!(err.to_string().starts_with("ab.tsv:2:"), "{err}");
    }
}
