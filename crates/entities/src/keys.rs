//! Name keys: one key per person whatever the romanisation, and a scanner that finds names
//! by key in running text.
//!
//! "Choe Son-hui", "Choe Son Hui" and "Choi Son-hui" are one person to a reader; their key is
//! the same string, `choesonhui`: lower case, separators removed, and each token replaced by
//! its canonical spelling from `data/romanisation.tsv`.

use std::collections::{HashMap, HashSet};

use attache_model::Span;

use crate::EntitiesError;

/// Token spellings to their canonical form ("sergey" -> "sergei").
#[derive(Debug, Clone, Default)]
pub(crate) struct Romanisation {
    canonical: HashMap<String, String>,
}

impl Romanisation {
    /// Read the table: a `canonical<TAB>variants` header, then one row per canonical spelling.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Romanisation, EntitiesError> {
        let mut canonical = HashMap::new();
        let mut seen_header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = l.split('\t').map(str::trim).collect();
            if !seen_header {
                if fields != ["canonical", "variants"] {
                    return Err(EntitiesError::data(
                        file,
                        line,
                        format!("expected the header \"canonical\\tvariants\", found {l:?}"),
                    ));
                }
                seen_header = true;
                continue;
            }
            let [head, variants] = fields[..] else {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("expected 2 tab-separated columns, found {}", fields.len()),
                ));
            };
            if head.is_empty() || head.chars().any(|c| !c.is_lowercase()) {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("canonical spelling {head:?} must be one lower-case word"),
                ));
            }
            for v in variants.split('|').map(str::trim).filter(|v| !v.is_empty()) {
                if v.chars().any(|c| !c.is_lowercase()) {
                    return Err(EntitiesError::data(
                        file,
                        line,
                        format!("variant {v:?} must be one lower-case word"),
                    ));
                }
                if let Some(prev) = canonical.insert(v.to_string(), head.to_string()) {
                    return Err(EntitiesError::data(
                        file,
                        line,
                        format!("{v:?} is already a variant of {prev:?}"),
                    ));
                }
            }
        }
        if !seen_header {
            return Err(EntitiesError::data(file, 0, "no header line"));
        }
        Ok(Romanisation { canonical })
    }

    /// Append the key of one token (a run of letters and digits) to `key`, lower-casing
    /// through `scratch` so that scanning a text allocates nothing per word.
    fn push_token(&self, token: &str, key: &mut String, scratch: &mut String) {
        scratch.clear();
        for c in token.chars() {
            scratch.extend(c.to_lowercase());
        }
        match self.canonical.get(scratch.as_str()) {
            Some(c) => key.push_str(c),
            None => key.push_str(scratch),
        }
    }

    /// The key of a whole name: "Choi Son-hui" -> "choesonhui". Any character that is not a
    /// letter or digit separates tokens (spaces, hyphens, PETRARCH's underscores, dots).
    pub(crate) fn key(&self, name: &str) -> String {
        let mut key = String::with_capacity(name.len());
        let mut scratch = String::new();
        for token in name.split(|c: char| !c.is_alphanumeric()) {
            if !token.is_empty() {
                self.push_token(token, &mut key, &mut scratch);
            }
        }
        key
    }

    /// How many tokens a name has, counted as [`Romanisation::key`] splits it.
    pub(crate) fn tokens(name: &str) -> usize {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .count()
    }

    /// The keys of the name's first 1, 2, ... n-1 tokens: what [`scan_names`] may extend.
    pub(crate) fn prefixes(&self, name: &str) -> Vec<String> {
        let tokens: Vec<&str> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        let (mut key, mut scratch) = (String::new(), String::new());
        let mut out = Vec::new();
        for t in tokens.iter().take(tokens.len().saturating_sub(1)) {
            self.push_token(t, &mut key, &mut scratch);
            out.push(key.clone());
        }
        out
    }
}

/// A word of running text: a run of letters and digits.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Whether two words of one name may stand this far apart: a space, a hyphen, or the full stop
/// of an initial ("George W. Bush").
fn joins(gap: &str) -> bool {
    matches!(gap, " " | "-" | ". " | "\u{a0}")
}

/// Names to look for: key -> value, and the keys of their proper word prefixes, so that a scan
/// stops extending a run of words as soon as no name can begin with it.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    pub keys: HashMap<String, u32>,
    pub prefixes: HashSet<String>,
    pub max_tokens: usize,
}

impl NameIndex {
    /// Add a name; the first value given for a key wins.
    pub(crate) fn add(&mut self, romanisation: &Romanisation, name: &str, value: u32) {
        let tokens = Romanisation::tokens(name);
        if tokens == 0 {
            return;
        }
        self.max_tokens = self.max_tokens.max(tokens);
        self.keys.entry(romanisation.key(name)).or_insert(value);
        self.prefixes.extend(romanisation.prefixes(name));
    }
}

/// Every name of `index` in `text`, longest first at each word, names starting with a capital
/// letter. Returns the span and the index value.
pub(crate) fn scan_names(
    text: &str,
    romanisation: &Romanisation,
    index: &NameIndex,
) -> Vec<(Span, u32)> {
    let mut found = Vec::new();
    if index.keys.is_empty() {
        return found;
    }
    let words = words(text);
    let mut i = 0;
    let (mut key, mut scratch) = (String::new(), String::new());
    while i < words.len() {
        let w = words[i];
        let capital = text[w.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !capital {
            i += 1;
            continue;
        }
        key.clear();
        let mut best = None;
        let mut j = i;
        while j < words.len() && j - i < index.max_tokens {
            if j > i && !joins(&text[words[j - 1].end..words[j].start]) {
                break;
            }
            romanisation.push_token(&text[words[j].start..words[j].end], &mut key, &mut scratch);
            if let Some(&v) = index.keys.get(&key) {
                best = Some((j, v));
            }
            if !index.prefixes.contains(&key) {
                break;
            }
            j += 1;
        }
        match best {
            Some((last, v)) => {
                found.push((Span::new(w.start, words[last].end), v));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "canonical\tvariants\nchoe\tchoi\nsergei\tsergey|sergi\n";

    #[test]
    fn one_key_whatever_the_spelling() {
        let r = Romanisation::parse("r.tsv", TABLE).unwrap();
        let cases = [
            ("Choe Son-hui", "choesonhui"),
            ("Choe Son Hui", "choesonhui"),
            ("Choi Son-hui", "choesonhui"),
            ("CHOE_SON_HUI_", "choesonhui"),
            ("Sergey Lavrov", "sergeilavrov"),
            ("Sergi Lavrov", "sergeilavrov"),
            ("Kim Jong-un", "kimjongun"),
            ("Kim Jong Un", "kimjongun"),
            ("Park Ji-hoon", "parkjihoon"),
        ];
        for (name, want) in cases {
            assert_eq!(r.key(name), want, "{name}");
        }
    }

    #[test]
    fn table_errors_name_file_and_line() {
        let cases = [
            (
                "canonical\tvariants\nChoe\tchoi\n",
                "r.tsv:2: canonical spelling",
            ),
            (
                "canonical\tvariants\nchoe\tchoi\nchoy\tchoi\n",
                "r.tsv:3: \"choi\" is already",
            ),
            ("canonical\tvariants\nchoe\n", "r.tsv:2: expected 2"),
            ("canon\tvariants\n", "r.tsv:1: expected the header"),
        ];
        for (text, want) in cases {
            let err = Romanisation::parse("r.tsv", text)
                .expect_err(text)
                .to_string();
            assert!(err.starts_with(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn scans_names_by_key_in_text() {
        let r = Romanisation::parse("r.tsv", TABLE).unwrap();
        let mut index = NameIndex::default();
        index.add(&r, "Choe Son-hui", 0);
        index.add(&r, "Choe", 1);
        index.add(&r, "Sergei Lavrov", 2);
        index.add(&r, "Sergey Lavrov", 3);
        let text = "Choi Son Hui met Sergey Lavrov; Choe's aides and choe son hui, Choe-Son.";
        let got: Vec<(&str, u32)> = scan_names(text, &r, &index)
            .into_iter()
            .map(|(s, v)| (s.slice(text), v))
            .collect();
        assert_eq!(
            got,
            [
                ("Choi Son Hui", 0),
                ("Sergey Lavrov", 2),
                ("Choe", 1),
                ("Choe", 1)
            ]
        );
    }
}
