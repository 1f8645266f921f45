//! Name keys: one key per person whatever the romanisation, and a scanner that finds names
//! by key in running text.
//!
//! "Choe Son-hui", "Choe Son Hui" and "Choi Son-hui" are one person to a reader; their key is
//! the same string, `choesonhui`: lower case, separators removed, and each token replaced by
//! its canonical spelling from `data/romanisation.tsv`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use attache_model::Span;

use crate::EntitiesError;

/// FNV-1a: name keys are short strings looked up once per capitalised word of every document,
/// where the default SipHash costs more than the lookups' other work together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FastMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
type FastSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// Token spellings to their canonical form ("sergey" -> "sergei").
#[derive(Debug, Clone)]
pub(crate) struct Romanisation {
    canonical: FastMap<String>,
    /// Longest variant in bytes: longer tokens need no lookup.
    longest: usize,
    /// For each canonical initial (bit of [`initial_bit`]), the initials of its variants.
    variant_initials: [u64; 64],
}

/// A bit for the first character of a key: one per ASCII letter or digit, one for the rest.
fn initial_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        'A'..='Z' => 1 << (c as u32 - 'A' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 1 << 63,
    }
}

fn bit_index(bit: u64) -> usize {
    bit.trailing_zeros() as usize
}

impl Romanisation {
    /// Read the table: a `canonical<TAB>variants` header, then one row per canonical spelling.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Romanisation, EntitiesError> {
        let mut canonical = FastMap::default();
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
        let longest = canonical.keys().map(String::len).max().unwrap_or(0);
        let mut variant_initials = [0u64; 64];
        for (variant, head) in &canonical {
            if let (Some(v), Some(h)) = (variant.chars().next(), head.chars().next()) {
                variant_initials[bit_index(initial_bit(h))] |= initial_bit(v);
            }
        }
        Ok(Romanisation {
            canonical,
            longest,
            variant_initials,
        })
    }

    /// The initials a token may have for its key to begin with `key_initial`.
    fn initials_for(&self, key_initial: char) -> u64 {
        let bit = initial_bit(key_initial);
        bit | self.variant_initials[bit_index(bit)]
    }

    /// Append the key of one token (a run of letters and digits) to `key`, lower-casing
    /// through `scratch` so that scanning a text allocates nothing per word.
    fn push_token(&self, token: &str, key: &mut String, scratch: &mut String) {
        scratch.clear();
        if token.is_ascii() {
            scratch.push_str(token);
            scratch.make_ascii_lowercase();
        } else {
            for c in token.chars() {
                scratch.extend(c.to_lowercase());
            }
        }
        let canonical = if scratch.len() <= self.longest {
            self.canonical.get(scratch.as_str())
        } else {
            None
        };
        match canonical {
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

/// Whether the character at byte `at` (a char boundary) is a letter or digit, and its length.
fn word_char(text: &str, at: usize) -> (bool, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    match text[at..].chars().next() {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (false, 1),
    }
}

/// The first word starting at or after byte `from` (a char boundary). ASCII text, nearly all
/// of wire copy, is read byte by byte.
fn next_word(text: &str, from: usize) -> Option<Word> {
    let mut at = from;
    while at < text.len() {
        let (is_word, len) = word_char(text, at);
        if is_word {
            let start = at;
            at += len;
            while at < text.len() {
                let (is_word, len) = word_char(text, at);
                if !is_word {
                    break;
                }
                at += len;
            }
            return Some(Word { start, end: at });
        }
        at += len;
    }
    None
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
    pub keys: FastMap<u32>,
    pub prefixes: FastSet,
    pub max_tokens: usize,
    /// The initials ([`initial_bit`]) a word may have to start a name: most capitalised
    /// words of a text are passed over without building a key.
    initials: u64,
}

impl NameIndex {
    /// Add a name; the first value given for a key wins.
    pub(crate) fn add(&mut self, romanisation: &Romanisation, name: &str, value: u32) {
        let tokens = Romanisation::tokens(name);
        if tokens == 0 {
            return;
        }
        self.max_tokens = self.max_tokens.max(tokens);
        let key = romanisation.key(name);
        self.allow_initial(romanisation, &key);
        self.keys.entry(key).or_insert(value);
        self.prefixes.extend(romanisation.prefixes(name));
    }

    /// Add a key as it is (already a key); the first value given wins.
    pub(crate) fn add_key(&mut self, romanisation: &Romanisation, key: String, value: u32) {
        self.max_tokens = self.max_tokens.max(1);
        self.allow_initial(romanisation, &key);
        self.keys.entry(key).or_insert(value);
    }

    fn allow_initial(&mut self, romanisation: &Romanisation, key: &str) {
        if let Some(c) = key.chars().next() {
            self.initials |= romanisation.initials_for(c);
        }
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
    let (mut key, mut scratch) = (String::new(), String::new());
    let bytes = text.as_bytes();
    let mut at = 0;
    // Names start with a capital letter after a non-word character: look only at those bytes
    // (upper-case ASCII, or the first byte of a multi-byte character).
    while at < bytes.len() {
        let b = bytes[at];
        let first = if b.is_ascii_uppercase() {
            char::from(b)
        } else if b >= 0xC0 {
            match text[at..].chars().next() {
                Some(c) if c.is_uppercase() => c,
                _ => {
                    at += 1;
                    continue;
                }
            }
        } else {
            at += 1;
            continue;
        };
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric());
        if !starts_word || (first.is_ascii() && index.initials & initial_bit(first) == 0) {
            at += first.len_utf8();
            continue;
        }
        let Some(w) = next_word(text, at) else {
            break;
        };
        at = w.end;
        key.clear();
        let mut best = None;
        let (mut word, mut n) = (w, 1);
        loop {
            romanisation.push_token(&text[word.start..word.end], &mut key, &mut scratch);
            if let Some(&v) = index.keys.get(&key) {
                best = Some((word.end, v, n));
            }
            if n >= index.max_tokens || !index.prefixes.contains(&key) {
                break;
            }
            match next_word(text, word.end) {
                Some(next) if joins(&text[word.end..next.start]) => {
                    word = next;
                    n += 1;
                }
                _ => break,
            }
        }
        if let Some((end, v, n)) = best {
            // Several words in capitals are a dateline, byline or headline shout ("HAN MYONG
            // CHOL:"), not a mention; one word in capitals may be an acronym ("UNHCR").
            let words = &text[w.start..end];
            let shouted = n > 1 && !words.chars().any(char::is_lowercase);
            if !shouted {
                found.push((Span::new(w.start, end), v));
            }
            at = end;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "canonical\tvariants\nchoe\tchoi\nsergei\tsergey|sergi\nxi\thsi\n";

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
        index.add(&r, "Xi Wen", 4);
        // "Hsi" starts with another letter than the key "xiwen": the initial filter lets it in.
        let text =
            "Choi Son Hui met Sergey Lavrov; Choe's aides and choe son hui, Choe-Son, Hsi Wen.";
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
                ("Choe", 1),
                ("Hsi Wen", 4)
            ]
        );
    }
}
