//! Junk rules: which crawled lines are site furniture rather than article text.
//!
//! The rules are data (`data/junk.tsv`): `kind<TAB>pattern`, where a pattern is a tiny glob
//! matched against a whole line, ignoring case, with `*` for any run of characters and `#` for
//! a run of digits.

use std::borrow::Cow;

use crate::TextError;

/// What a matching line means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleKind {
    /// Drop the line.
    Line,
    /// Drop the line and the short line after it (a newsletter teaser).
    LineAndNext,
    /// Drop the line and the headline list after it.
    BlockStart,
    /// Drop the line and what follows up to the next paragraph (usually the rest).
    EndMarker,
}

/// One compiled rule.
#[derive(Debug, Clone)]
struct Rule {
    kind: RuleKind,
    /// Lower-cased glob, already anchored: prefix and contains rules get their `*`s here.
    glob: Vec<u8>,
    /// The glob's literal runs (between `*` and `#`), each of which a matching line contains:
    /// checked first, as most lines match no rule and the glob's backtracking is costly. The
    /// first (last) one is a prefix (suffix) of the line where the glob is anchored there;
    /// `inner` holds the others, each once.
    prefix: Option<String>,
    suffix: Option<String>,
    inner: Vec<String>,
    /// The fewest bytes a matching line has (its literals and a digit per `#`), and the most
    /// where the glob has no wildcard (a whole-line rule such as "share").
    min_len: usize,
    max_len: Option<usize>,
}

impl Rule {
    fn new(kind: RuleKind, glob: String) -> Rule {
        let literals: Vec<&str> = glob.split(['*', '#']).filter(|l| !l.is_empty()).collect();
        let wild = |b: Option<u8>| matches!(b, Some(b'*' | b'#'));
        let mut inner: Vec<&str> = literals.clone();
        let suffix = (!wild(glob.bytes().last()))
            .then(|| inner.pop())
            .flatten()
            .map(str::to_string);
        let prefix = (!wild(glob.bytes().next()) && !inner.is_empty())
            .then(|| inner.remove(0).to_string())
            // A single literal anchored at both ends is both prefix and suffix.
            .or_else(|| {
                (!wild(glob.bytes().next()))
                    .then(|| literals.first().map(|l| l.to_string()))
                    .flatten()
            });
        let mut unique: Vec<String> = Vec::new();
        for l in inner {
            if !unique.iter().any(|u| u == l) {
                unique.push(l.to_string());
            }
        }
        let digits = glob.bytes().filter(|&b| b == b'#').count();
        let wildcards = glob.bytes().any(|b| b == b'*' || b == b'#');
        Rule {
            kind,
            min_len: literals.iter().map(|l| l.len()).sum::<usize>() + digits,
            max_len: (!wildcards).then_some(glob.len()),
            glob: glob.into_bytes(),
            prefix,
            suffix,
            inner: unique,
        }
    }

    /// Whether the glob matches `line`: a line of the wrong length, lacking one of the
    /// literals, or not starting (ending) with the first (last) one where the glob is anchored
    /// there, cannot match.
    fn matches(&self, line: &str) -> bool {
        if line.len() < self.min_len || self.max_len.is_some_and(|m| line.len() > m) {
            return false;
        }
        if self
            .prefix
            .as_ref()
            .is_some_and(|l| !line.starts_with(l.as_str()))
            || self
                .suffix
                .as_ref()
                .is_some_and(|l| !line.ends_with(l.as_str()))
        {
            return false;
        }
        self.inner.iter().all(|l| line.contains(l.as_str()))
            && glob_match(&self.glob, line.as_bytes())
    }
}

/// The whole rule set, built once.
#[derive(Debug, Clone, Default)]
pub(crate) struct JunkRules {
    rules: Vec<Rule>,
    /// For each first byte of a line, the rules (indices, in file order) that can match it:
    /// those that start with that byte or with a wildcard.
    by_first_byte: Vec<Vec<usize>>,
    /// Date labels, lower-cased, longest first so "last updated:" wins over "updated".
    date_labels: Vec<String>,
}

impl JunkRules {
    /// Parses a rule file; errors name `path` and the 1-based line.
    pub(crate) fn parse(text: &str, path: &str) -> Result<JunkRules, TextError> {
        let mut rules = JunkRules::default();
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
            let (kind, pattern) = line
                .split_once('\t')
                .ok_or_else(|| err("expected kind<TAB>pattern".to_string()))?;
            // Trailing spaces are significant for prefixes like "(c) "; only tabs/CR are noise.
            let pattern = pattern.trim_start().to_lowercase();
            if pattern.trim().is_empty() {
                return Err(err(format!("empty pattern for kind {kind:?}")));
            }
            let (kind, glob) = match kind.trim() {
                "line" => (RuleKind::Line, pattern),
                "line-prefix" => (RuleKind::Line, format!("{pattern}*")),
                "line-contains" => (RuleKind::Line, format!("*{pattern}*")),
                "line-and-next" => (RuleKind::LineAndNext, pattern),
                "block-start" => (RuleKind::BlockStart, pattern),
                "end-marker" => (RuleKind::EndMarker, pattern),
                "date-label" => {
                    rules.date_labels.push(pattern);
                    continue;
                }
                other => return Err(err(format!("unknown rule kind {other:?}"))),
            };
            rules
                .rules
                .push(Rule::new(kind, collapse_spaces(&glob).into_owned()));
        }
        rules
            .date_labels
            .sort_by_key(|l| std::cmp::Reverse(l.len()));
        rules.by_first_byte = (0..=u8::MAX)
            .map(|b| {
                (0..rules.rules.len())
                    .filter(|&r| matches!(rules.rules[r].glob.first(), Some(&f) if f == b || f == b'*' || f == b'#'))
                    .collect()
            })
            .collect();
        Ok(rules)
    }

    /// The kind of the first rule that matches `lower` (a lower-cased, space-collapsed line).
    pub(crate) fn classify(&self, lower: &str) -> Option<RuleKind> {
        let line = lower.trim();
        // An empty line has no first byte: every rule is tried (none matches it).
        let Some(&first) = line.as_bytes().first() else {
            return self.rules.iter().find(|r| r.matches(line)).map(|r| r.kind);
        };
        self.by_first_byte[usize::from(first)]
            .iter()
            .map(|&r| &self.rules[r])
            .find(|r| r.matches(line))
            .map(|r| r.kind)
    }

    /// Strips a date label ("updated:", "|") from the start of `lower`; returns the byte
    /// length of the label and following spaces, or 0.
    pub(crate) fn date_label_len(&self, lower: &str) -> usize {
        let first = lower.as_bytes().first();
        for label in &self.date_labels {
            // Most labels are ruled out by their first byte.
            if label.as_bytes().first().is_some_and(|b| Some(b) != first) {
                continue;
            }
            if let Some(rest) = lower.strip_prefix(label.as_str()) {
                // "Updated" must be a word, not the start of "Updatedness".
                if label.ends_with(|c: char| c.is_alphabetic())
                    && rest.starts_with(|c: char| c.is_alphabetic())
                {
                    continue;
                }
                return lower.len() - rest.trim_start().len();
            }
        }
        0
    }
}

/// Collapses runs of whitespace to one space so rule patterns match normalised lines. Most
/// lines are collapsed already and are returned as they are.
pub(crate) fn collapse_spaces(s: &str) -> Cow<'_, str> {
    if is_collapsed(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if !out.is_empty() && s.ends_with(' ') {
        // A trailing space in a pattern ("(c) ") is meaningful.
        out.push(' ');
    }
    Cow::Owned(out)
}

/// Whether [`collapse_spaces`] would return `s` unchanged (most lines): no space first, no two
/// in a row and no other whitespace.
fn is_collapsed(s: &str) -> bool {
    if s.starts_with(' ') {
        return false;
    }
    if !s.is_ascii() {
        // A line with a curly quote or a dash: char by char (whitespace outside ASCII, such
        // as a no-break space, is not collapsed).
        let mut prev_space = false;
        for c in s.chars() {
            if c == ' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
            } else if c.is_whitespace() {
                return false;
            } else {
                prev_space = false;
            }
        }
        return true;
    }
    // Eight bytes at a time: no byte below 0x0e (most lines have none; the exact test below
    // decides for one that has), no space followed by a space.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BELOW: u64 = 0x0e0e_0e0e_0e0e_0e0e;
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut space_before = false;
    while i + 8 <= bytes.len() {
        let x = crate::word_at(bytes, i);
        // ASCII bytes: the high bit of x - 0x0e.. is set exactly in the bytes below 0x0e.
        if x.wrapping_sub(BELOW) & HIGH != 0
            && bytes[i..i + 8].iter().any(|b| matches!(b, b'\t'..=b'\r'))
        {
            return false;
        }
        let spaces = crate::bytes_equal(x, b' ');
        if spaces & (spaces >> 8) != 0 || (space_before && spaces & 0x80 != 0) {
            return false;
        }
        space_before = spaces >> 63 != 0;
        i += 8;
    }
    let mut prev_space = space_before;
    for &b in &bytes[i..] {
        if matches!(b, b'\t'..=b'\r') || (b == b' ' && prev_space) {
            return false;
        }
        prev_space = b == b' ';
    }
    true
}

/// Glob match on bytes: `*` any run, `#` one or more ASCII digits, anything else literal.
fn glob_match(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        // A final `*` takes the rest, whatever it is.
        Some((b'*', [])) => true,
        Some((b'*', rest)) => (0..=text.len()).any(|i| glob_match(rest, &text[i..])),
        Some((b'#', rest)) => {
            let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=digits).any(|i| glob_match(rest, &text[i..]))
        }
        Some((&p, rest)) => text.first() == Some(&p) && glob_match(rest, &text[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_spaces_normalises_whitespace() {
        let cases = [
            ("", ""),
            ("Home > World", "Home > World"),
            ("(c) ", "(c) "),
            ("(c)  ", "(c) "),
            ("  Share  this\tstory ", "Share this story "),
            ("one\u{a0}two", "one two"),
            ("line\u{b}feed", "line feed"),
            (" ", ""),
            ("Café  au lait", "Café au lait"),
            ("Café au lait", "Café au lait"),
            ("North’s  envoy ", "North’s envoy "),
            ("North’s envoy ", "North’s envoy "),
            (" North’s", "North’s"),
            ("North’s\u{2003}envoy", "North’s envoy"),
            ("form\u{c}feed", "form feed"),
            ("cr\r\nlf", "cr lf"),
            ("bell\u{7} rings", "bell\u{7} rings"),
        ];
        for (input, want) in cases {
            let got = collapse_spaces(input);
            assert_eq!(got, want, "{input:?}");
            // A line that is collapsed already is not copied.
            assert_eq!(matches!(got, Cow::Borrowed(_)), input == want, "{input:?}");
        }
    }

    /// The word-at-a-time test agrees with the char-by-char definition: no space first, no
    /// two spaces in a row, no other whitespace; wherever the bytes fall in a word.
    #[test]
    fn is_collapsed_agrees_with_its_definition() {
        let naive = |s: &str| {
            !s.starts_with(' ')
                && s.chars().all(|c| c == ' ' || !c.is_whitespace())
                && !s.contains("  ")
        };
        let pieces = [
            "word", " ", "  ", "\t", "\r", "\u{b}", "\u{e}", "\u{7}", "é", "x", "12345678",
            "\u{a0}", "’",
        ];
        // Every string of up to four pieces, behind every padding up to eight bytes.
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            strings.extend(longer);
        }
        strings.sort();
        strings.dedup();
        for s in &strings {
            for pad in 0..8 {
                let s = format!("{}{s}", "a".repeat(pad));
                assert_eq!(is_collapsed(&s), naive(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn globs() {
        let cases = [
            ("home >*", "home > world > asia", true),
            ("comments (#)", "comments (12)", true),
            ("comments (#)", "comments ()", false),
            (
                "sign up for * newsletter*",
                "sign up for our daily asia newsletter",
                true,
            ),
            ("sign up for * newsletter*", "sign up for free", false),
            (
                "*all rights reserved*",
                "copyright 2024 the daily planet. all rights reserved.",
                true,
            ),
            ("[*]", "[ⓒ some outlet. no copying]", true),
            ("[*]", "[a] b", false),
            ("end", "end", true),
            ("end", "endless", false),
        ];
        for (pattern, text, want) in cases {
            assert_eq!(
                glob_match(pattern.as_bytes(), text.as_bytes()),
                want,
                "{pattern:?} on {text:?}"
            );
        }
    }

    #[test]
    fn compiled_in_rules_classify() {
        let rules = JunkRules::parse(include_str!("../../../data/junk.tsv"), "data/junk.tsv")
            .expect("compiled-in rules parse");
        let cases = [
            ("home > national > north korea", Some(RuleKind::Line)),
            ("share with facebook", Some(RuleKind::Line)),
            ("log in", Some(RuleKind::Line)),
            ("comments (3)", Some(RuleKind::Line)),
            (
                "sign up for our weekly asia brief newsletter",
                Some(RuleKind::LineAndNext),
            ),
            ("join the example.org mailing list", Some(RuleKind::Line)),
            ("(c) 2019 the harbour gazette", Some(RuleKind::Line)),
            ("related gazette stories", Some(RuleKind::BlockStart)),
            ("trending stories", Some(RuleKind::BlockStart)),
            ("(end)", Some(RuleKind::EndMarker)),
            ("the minister arrived in oslo on monday.", None),
            ("putin dismisses kim comments", None),
        ];
        for (line, want) in cases {
            assert_eq!(rules.classify(line), want, "{line:?}");
        }
        assert_eq!(rules.date_label_len("updated: march 3, 2023"), 9);
        assert_eq!(rules.date_label_len("| 2024-02-13 11:47:28"), 2);
        assert_eq!(rules.date_label_len("updatedness"), 0);
    }

    /// The literal check before the glob only skips work: on every line the first rule whose
    /// glob matches is still the one found.
    #[test]
    fn literal_checks_agree_with_the_glob() {
        let rules = JunkRules::parse(include_str!("../../../data/junk.tsv"), "data/junk.tsv")
            .expect("compiled-in rules parse");
        let lines = [
            "home > world > asia",
            "comments (12)",
            "12 comments",
            "sign up for our weekly asia brief newsletter",
            "copyright 2024 the daily planet. all rights reserved.",
            "please make a charitable donation today",
            "[ⓒ some outlet. no copying]",
            "related gazette stories",
            "the minister said the talks > expectations.",
            "reporting by staff; editing by desk",
            "(end)",
            "",
            "share",
            "shares",
            "share this story now",
            "5 comments",
            "comments",
            "font size",
            "[a]",
            "]",
            "sign up for free",
            "related stories",
            "related",
        ];
        for line in lines {
            let brute = rules
                .rules
                .iter()
                .find(|r| glob_match(&r.glob, line.as_bytes()))
                .map(|r| r.kind);
            assert_eq!(rules.classify(line), brute, "{line:?}");
        }
    }

    #[test]
    fn bad_rule_files_name_file_and_line() {
        let cases = [
            ("line\tok\nno tab here\n", 2, "kind<TAB>pattern"),
            ("# c\n\nfrobnicate\tx\n", 3, "unknown rule kind"),
            ("line\t \n", 1, "empty pattern"),
        ];
        for (text, line, needle) in cases {
            let err = JunkRules::parse(text, "my.tsv").expect_err(text);
            let shown = err.to_string();
            assert!(shown.starts_with(&format!("my.tsv:{line}:")), "{shown}");
            assert!(shown.contains(needle), "{shown}");
        }
    }
}
