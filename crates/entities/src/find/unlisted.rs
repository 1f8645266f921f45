//! Places no gazetteer lists, from how the news writes them after a preposition: "at the
//! Vostochny Cosmodrome", "in the Russian Far East", "in Russia's Amur region", "in the
//! Russian region of Kursk", "in the Mongolian capital" (the words: `data/place_words.tsv`).

use attache_model::{char_at, PlaceMention, Span};

use super::Finder;
use crate::gazetteer::Entry;

/// At most this many capitalised words make one place name.
const MAX_NAME_WORDS: usize = 5;

/// Whether each byte is an ASCII letter or digit (one load instead of three range tests).
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The words of `text` as byte ranges: letters and digits, with inner hyphens and apostrophes
/// ("Komsomolsk-on-Amur", "Russia's").
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        // Most words are ASCII: take their letters and digits byte by byte.
        if ASCII_WORD[usize::from(bytes[i])] {
            start.get_or_insert(i);
            i += 1;
            while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                i += 1;
            }
            continue;
        }
        // Any other ASCII byte but a hyphen or an apostrophe ends the word.
        if bytes[i].is_ascii() && !matches!(bytes[i], b'-' | b'\'') {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
            i += 1;
            continue;
        }
        let (c, next) = char_at(text, i);
        let inner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && next < text.len()
            && char_at(text, next).0.is_alphanumeric();
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
        i = next;
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The lengths and first bytes (in either ASCII case) of a few words, so that most other
/// words are told from all of them without comparing them with each.
struct Gate {
    /// Bit `n` for length `n`; bit 63 for 63 and longer.
    lengths: u64,
    firsts: [bool; 256],
}

impl Gate {
    fn of(words: &[String]) -> Gate {
        let mut gate = Gate {
            lengths: 0,
            firsts: [false; 256],
        };
        for w in words {
            gate.lengths |= 1 << w.len().min(63);
            if let Some(&b) = w.as_bytes().first() {
                gate.firsts[usize::from(b.to_ascii_lowercase())] = true;
                gate.firsts[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        gate
    }

    /// Whether `word` may equal one of the words, ignoring ASCII case.
    fn may_be(&self, word: &str) -> bool {
        self.lengths & (1 << word.len().min(63)) != 0
            && word
                .as_bytes()
                .first()
                .is_some_and(|&b| self.firsts[usize::from(b)])
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'")
}

/// A place phrase being read: its words so far and what they say.
struct Phrase {
    start: usize,
    end: usize,
    /// The country its own words name ("Russian", "Russia's") and that word's hit.
    qualifier: Option<(u16, usize)>,
    names: usize,
    noun: bool,
    /// "the Russian region of Kursk": the name after the noun.
    of_name: Option<(usize, usize)>,
}

impl Finder<'_> {
    /// Places after a preposition that the gazetteers do not list. A qualifying country
    /// word inside one is taken into it (it names no actor: "in the Russian Far East"), and the
    /// listed places inside one are replaced by it.
    pub(super) fn unlisted_places(&mut self) -> Vec<PlaceMention> {
        let pw = &self.g.place_words;
        if pw.prepositions.is_empty() {
            return Vec::new();
        }
        let prepositions = Gate::of(&pw.prepositions);
        let text = self.text;
        let words = words(text);
        let word = |k: usize| &text[words[k].0..words[k].1];
        // Ordinary spacing between words k-1 and k, on one line.
        let spaced =
            |k: usize| k > 0 && k < words.len() && &text[words[k - 1].1..words[k].0] == " ";
        let hit_at = |start: usize| {
            let k = self.hits.partition_point(|h| h.start < start);
            (k < self.hits.len() && self.hits[k].start == start).then_some(k)
        };
        // Hits are sorted and do not overlap, so their ends are sorted too.
        let in_hit = |s: usize, e: usize| {
            let k = self.hits.partition_point(|h| h.end <= s);
            self.hits.get(k).is_some_and(|h| h.start < e)
        };
        let mut out = Vec::new();
        let mut taken = Vec::new();
        for i in 0..words.len() {
            let prep = word(i);
            if !prepositions.may_be(prep)
                || !pw.prepositions.iter().any(|p| p.eq_ignore_ascii_case(prep))
                || !spaced(i + 1)
            {
                continue;
            }
            // A capitalised preposition inside a sentence is a title-case headline, where
            // every word is capitalised and capitals say nothing.
            if is_capitalised(prep)
                && self
                    .doc
                    .sentence_at(words[i].0)
                    .is_some_and(|s| self.doc.sentences[s].span.start != words[i].0)
            {
                continue;
            }
            let mut j = i + 1;
            if word(j).eq_ignore_ascii_case("the") {
                if !spaced(j + 1) {
                    continue;
                }
                j += 1;
            }
            let mut p = Phrase {
                start: words[j].0,
                end: words[j].0,
                qualifier: None,
                names: 0,
                noun: false,
                of_name: None,
            };
            // A country's adjective or possessive first: "the Russian", "Russia's".
            if let Some(h) = hit_at(words[j].0) {
                let hit = self.hits[h];
                // The word the hit ends in: "Korea's" for "North Korea".
                let w = words.partition_point(|w| w.1 < hit.end);
                let Some(&(_, w_end)) = words.get(w) else {
                    continue;
                };
                let qualifier = match hit.entry {
                    Entry::Adjective(_) | Entry::Korean if w_end == hit.end => {
                        self.country_of(hit.entry)
                    }
                    _ if w_end > hit.end && w_end <= hit.end + 4 && possessive(word(w)) => {
                        self.place_country(h)
                    }
                    _ => None,
                };
                let Some(c) = qualifier else {
                    // A listed place, an organisation, a title: the gazetteer's own.
                    continue;
                };
                p.qualifier = Some((c, h));
                p.end = w_end;
                j = w + 1;
            }
            // Capitalised words: "Far East", "Vostochny Cosmodrome", "Gulf of Aden".
            while j < words.len() && (p.names == 0 && p.qualifier.is_none() || spaced(j)) {
                let w = word(j);
                let joins = w == "of" || w == "on";
                if joins && p.names > 0 && spaced(j + 1) && is_capitalised(word(j + 1)) {
                    j += 1;
                    continue;
                }
                if !is_capitalised(w) || pw.not.iter().any(|n| n == w) || p.names == MAX_NAME_WORDS
                {
                    break;
                }
                if possessive(w) || in_hit(words[j].0, words[j].1) {
                    p.names = 0;
                    break;
                }
                p.names += 1;
                p.end = words[j].1;
                j += 1;
            }
            if p.names == 0 && p.qualifier.is_none() {
                continue;
            }
            // A place noun: "region", "air base".
            if j < words.len() && spaced(j) {
                let two = (j + 1 < words.len() && spaced(j + 1))
                    .then(|| &text[words[j].0..words[j + 1].1]);
                let one = word(j);
                let noun = |w: &str| {
                    pw.nouns
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(w) && !is_capitalised(w))
                };
                if two.is_some_and(noun) {
                    p.noun = true;
                    p.end = words[j + 1].1;
                    j += 2;
                } else if noun(one) {
                    p.noun = true;
                    p.end = words[j].1;
                    j += 1;
                } else if p.names == 0 && pw.capitals.iter().any(|c| c == one) {
                    // "in the Mongolian capital": the capital of the qualifier's country.
                    let (c, h) = p.qualifier.expect("a qualifier without names");
                    if let Some(place) = self.g.capitals[usize::from(c)] {
                        let span = Span::new(p.start, words[j].1);
                        let name = self.g.places[place as usize].clone();
                        taken.push(h);
                        out.push(self.place(span, name, Some(c), false));
                    }
                    continue;
                }
            }
            if p.noun && j + 1 < words.len() && word(j) == "of" && spaced(j) && spaced(j + 1) {
                // "the Russian region of Kursk", "the border town of Panmunjom".
                let (s, mut e, mut k) = (words[j + 1].0, words[j + 1].0, j + 1);
                while k < words.len()
                    && (k == j + 1 || spaced(k))
                    && is_capitalised(word(k))
                    && !possessive(word(k))
                    && !pw.not.iter().any(|n| n == word(k))
                    && k < j + 1 + MAX_NAME_WORDS
                {
                    e = words[k].1;
                    k += 1;
                }
                if e > s {
                    if in_hit(s, e) {
                        // A listed place says it better.
                        continue;
                    }
                    p.of_name = Some((s, e));
                    p.end = e;
                }
            }
            if p.names == 0 && !(p.qualifier.is_some() && p.noun) {
                continue;
            }
            let span = Span::new(p.start, p.end);
            if self.actors.iter().any(|a| a.span.overlaps(span)) {
                continue;
            }
            let country = p
                .qualifier
                .map(|(c, _)| c)
                .or_else(|| self.country_after(span.end));
            let name = match p.of_name {
                Some((s, e)) => text[s..e].to_string(),
                None => span.slice(text).to_string(),
            };
            if let Some((_, h)) = p.qualifier {
                taken.push(h);
            }
            out.push(self.place(span, name, country, false));
        }
        for h in taken {
            self.used[h] = true;
        }
        out
    }

    /// The country of a listed place right after `end`: "at Independence Square in Kiev",
    /// "in Kursk, Russia".
    fn country_after(&self, end: usize) -> Option<u16> {
        let rest = &self.text[end..];
        let gap = [", ", " in ", " near ", " outside "]
            .iter()
            .find(|g| rest.starts_with(**g))?;
        let at = end + gap.len();
        let k = self.hits.partition_point(|h| h.start < at);
        self.hits.get(k).filter(|h| h.start == at)?;
        self.place_country(k)
    }
}

#[cfg(test)]
mod tests {
    use super::{words, Gate};

    #[test]
    fn the_gate_lets_through_every_word_that_may_match() {
        let gate = Gate::of(&["in".into(), "near".into(), "à".into()]);
        let cases = [
            ("in", true),
            ("IN", true),
            ("In", true),
            ("Near", true),
            ("à", true),
            ("it", true), // same length and first letter: compared in full
            ("at", false),
            ("inside", false),
            ("", false),
            ("ñear", false),
        ];
        for (word, want) in cases {
            assert_eq!(gate.may_be(word), want, "{word:?}");
        }
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let text = "at Komsomolsk-on-Amur, Russia's -- Far East’s end-";
        let got: Vec<&str> = words(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            [
                "at",
                "Komsomolsk-on-Amur",
                "Russia's",
                "Far",
                "East’s",
                "end"
            ]
        );
    }
}
