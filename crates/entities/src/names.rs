//! Person names next to titles: one to four capitalised tokens, written the ways wire copy
//! writes them ("Choe Son-hui", "Kim Jong-un", "Pak Myong Guk", "George W. Bush",
//! "Mohammed bin Salman", "Faisal al-Mekdad").

/// Most tokens a name may have.
const MAX_TOKENS: usize = 4;

/// The word lists of `data/name_words.tsv`, each sorted once at load so that a lookup is a
/// binary search over borrowed strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NameWords {
    /// Lower-case words that may sit inside a name but never start or end one (`particle`).
    pub particles: Vec<Box<str>>,
    /// Capitalised words that are not names: they follow titles in wire copy ("the envoy
    /// Monday said"), start sentences, or are the verbs of title-case headlines (`not_name`,
    /// `headline_verb`).
    pub not_names: Vec<Box<str>>,
    /// The words of a photo caption's position: "Liu Jianming (front, R)" (`caption_position`).
    pub caption_positions: Vec<Box<str>>,
    /// Lower-case words and phrases of a quantity before a group, taken into its mention:
    /// "five hundred", "up to", "hundreds of" (`quantity`).
    pub quantities: Vec<Box<str>>,
    /// Lower-case words and phrases that make the quantity after them approximate: "up to",
    /// "some", "more than" (`approximate`).
    pub approximates: Vec<Box<str>>,
    /// Lower-case nouns that name again the intergovernmental organisation the document named
    /// last: "the bloc", "the alliance" (`body_noun`).
    pub body_nouns: Vec<Box<str>>,
}

/// Whether the sorted `words` hold `word`.
pub(crate) fn holds(words: &[Box<str>], word: &str) -> bool {
    words.binary_search_by(|w| (**w).cmp(word)).is_ok()
}

/// A token of a name: its byte range and whether it is a lower-case particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    particle: bool,
}

/// Classify the word at `start..end` as a name token, or `None`.
fn classify(known: &NameWords, text: &str, start: usize, end: usize) -> Option<Token> {
    let word = &text[start..end];
    let first = word.chars().next()?;
    // Initials: "W." in "George W. Bush".
    if word.len() == 2 && first.is_uppercase() && word.ends_with('.') {
        return Some(Token {
            start,
            end,
            particle: false,
        });
    }
    if !word
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
    {
        return None;
    }
    if first.is_uppercase() {
        if holds(&known.not_names, word) {
            return None;
        }
        return Some(Token {
            start,
            end,
            particle: false,
        });
    }
    // "al-Mekdad": a particle fused to a capitalised name is a name token.
    if unfused(word).is_some() {
        return Some(Token {
            start,
            end,
            particle: false,
        });
    }
    holds(&known.particles, word).then_some(Token {
        start,
        end,
        particle: true,
    })
}

/// Particles written fused to the name after them: "al-Mekdad", "el-Sisi".
const FUSED_PARTICLES: [&str; 6] = ["al-", "el-", "ad-", "as-", "ash-", "bin-"];

/// The name in a token that starts with a fused particle ("Mekdad" for "al-Mekdad"): wire copy
/// names the person again without it ("Rubaie" for "Salim al-Rubaie").
pub(crate) fn unfused(word: &str) -> Option<&str> {
    FUSED_PARTICLES.iter().find_map(|p| {
        let rest = word.strip_prefix(p)?;
        rest.chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then_some(rest)
    })
}

/// The end of a possessive or a bare apostrophe at the end of `text[..end]`, so that "Putin's"
/// yields the name "Putin".
fn strip_possessive(text: &str, start: usize, end: usize) -> (usize, bool) {
    let word = &text[start..end];
    for suffix in ["'s", "’s", "'", "’"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            return (end - suffix.len(), true);
        }
    }
    (end, false)
}

/// Trim trailing particles; a name has at least one real token.
fn finish(tokens: &[Token]) -> Option<(usize, usize)> {
    let first = tokens.iter().position(|t| !t.particle)?;
    let last = tokens.iter().rposition(|t| !t.particle)?;
    Some((tokens[first].start, tokens[last].end))
}

/// The name starting at `start` (which must be the first byte of a word), if any. Tokens are
/// separated by single spaces; the name stops at punctuation, a line break, a non-name word,
/// `MAX_TOKENS`, or `limit` (the next gazetteer hit).
pub(crate) fn name_after(
    known: &NameWords,
    text: &str,
    start: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let mut tokens: Vec<Token> = Vec::with_capacity(MAX_TOKENS);
    let mut pos = start;
    while tokens.len() < MAX_TOKENS && pos < limit {
        let rest = &text[pos..limit];
        let len = rest
            .find(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && !"-'.".contains(c)))
            .unwrap_or(rest.len());
        let mut end = pos + len;
        // A full stop ends a sentence unless it ends an initial ("W.").
        if text[pos..end].ends_with('.') && end - pos != 2 {
            end -= 1;
        }
        if end == pos {
            break;
        }
        let (word_end, possessive) = strip_possessive(text, pos, end);
        let Some(token) = classify(known, text, pos, word_end) else {
            break;
        };
        if tokens.is_empty() && token.particle {
            return None;
        }
        tokens.push(token);
        if possessive || end != word_end {
            break;
        }
        // Continue only over exactly one space to another word.
        if text[end..].starts_with(' ') && !text[end + 1..].starts_with(' ') {
            pos = end + 1;
        } else {
            break;
        }
    }
    finish(&tokens)
}

/// The byte offset just after the last character of `s` for which `is_separator` holds, or 0:
/// the start of the last word when the separator is whitespace. Safe for multi-byte separators
/// (a no-break space, a curly quote).
pub(crate) fn after_last(s: &str, is_separator: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| is_separator(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0)
}

/// The name ending at `end` (just before ", title"), if any: read backwards the same way.
pub(crate) fn name_before(
    known: &NameWords,
    text: &str,
    end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let mut tokens: Vec<Token> = Vec::with_capacity(MAX_TOKENS);
    let mut pos = end;
    while tokens.len() < MAX_TOKENS && pos > floor {
        let head = &text[floor..pos];
        let start = floor + after_last(head, char::is_whitespace);
        if start == pos {
            break;
        }
        let Some(token) = classify(known, text, start, pos) else {
            break;
        };
        tokens.push(token);
        if start == floor || !text[..start].ends_with(' ') {
            break;
        }
        let before = start - 1;
        if text[..before].ends_with(' ') {
            break;
        }
        pos = before;
    }
    tokens.reverse();
    // A name does not start with a particle.
    while tokens.first().is_some_and(|t| t.particle) {
        tokens.remove(0);
    }
    finish(&tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> NameWords {
        crate::data::parse_name_words("data/name_words.tsv", crate::NAME_WORDS).unwrap()
    }

    #[test]
    fn names_after_a_title() {
        let known = builtin();
        let cases = [
            ("Choe Son-hui said on Friday", Some("Choe Son-hui")),
            ("Pak Myong Guk is headed to Moscow", Some("Pak Myong Guk")),
            ("Vladimir Putin's visit", Some("Vladimir Putin")),
            ("George W. Bush arrived.", Some("George W. Bush")),
            ("Mohammed bin Salman met", Some("Mohammed bin Salman")),
            ("Faisal al-Mekdad told", Some("Faisal al-Mekdad")),
            ("Lavrov.", Some("Lavrov")),
            ("Monday said", None),
            ("said on Friday", None),
            ("bin Salman", None),
            ("Kim Jong Un Kim Yo Jong", Some("Kim Jong Un Kim")),
        ];
        for (text, want) in cases {
            let got = name_after(&known, text, 0, text.len()).map(|(s, e)| &text[s..e]);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn names_before_an_apposition() {
        let known = builtin();
        let cases = [
            ("talks with Kang Sok Ju", Some("Kang Sok Ju")),
            ("On Friday Sergei Lavrov", Some("Sergei Lavrov")),
            ("the minister", None),
            ("Meanwhile", None),
        ];
        for (text, want) in cases {
            let got = name_before(&known, text, text.len(), 0).map(|(s, e)| &text[s..e]);
            assert_eq!(got, want, "{text:?}");
        }
    }
}
