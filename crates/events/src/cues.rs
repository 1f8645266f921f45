//! The coders' cue words: clause boundaries, speech verbs, negation, possibility and plan cues,
//! the words that make a verb a noun, and the small closed lists the slot and clause rules stop
//! at. Loaded from a tab-separated file (`data/cues.tsv` is compiled in; format in its header)
//! so that a linguist can read and extend them without touching the coders.

use std::path::Path;

use rustc_hash::FxHashMap;

use crate::{pattern_file, CoderError};

/// The cues compiled into the binary.
const BUILTIN_CUES: &str = include_str!("../../../data/cues.tsv");

/// A small set of lower-case words. The lists are short (4 to 40 words) and looked up for
/// nearly every word of every sentence, so a lookup goes to the words of one of 64 slots, by
/// the word's length and first and last bytes (most slots hold no word, a few one or two), and
/// compares only with those: no hashing, no allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordSet {
    /// The words, grouped by [`WordSet::slot`], in file order within a slot.
    words: Vec<Box<str>>,
    /// Where each slot's words begin in `words`: slot `s` holds `words[starts[s]..starts[s + 1]]`.
    starts: Box<[u32]>,
    /// Bit `s` set when slot `s` holds a word: most words are ruled out by this bit alone.
    filled: u64,
}

// `WordSet::filled` has one bit per slot.
const _: () = assert!(WordSet::SLOTS == 64);

impl WordSet {
    const SLOTS: usize = 64;

    fn new(mut words: Vec<Box<str>>) -> WordSet {
        words.sort_by_key(|w| WordSet::slot(w));
        let mut starts = vec![0u32; WordSet::SLOTS + 1];
        for w in &words {
            starts[WordSet::slot(w) + 1] += 1;
        }
        for s in 1..starts.len() {
            starts[s] += starts[s - 1];
        }
        let filled = words.iter().fold(0, |bits, w| bits | 1 << WordSet::slot(w));
        WordSet {
            words,
            starts: starts.into_boxed_slice(),
            filled,
        }
    }

    /// One of [`WordSet::SLOTS`] slots, by the word's length and first and last bytes.
    #[inline]
    fn slot(word: &str) -> usize {
        let bytes = word.as_bytes();
        let first = usize::from(bytes.first().copied().unwrap_or(0));
        let last = usize::from(bytes.last().copied().unwrap_or(0));
        (word.len() * 7 + first + last * 3) % WordSet::SLOTS
    }

    /// Whether `word` (lower case, as [`crate::clause::Word::lower`]) is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let slot = WordSet::slot(word);
        if self.filled & 1 << slot == 0 {
            return false;
        }
        // (A default set has no slots.)
        let Some(range) = self.starts.get(slot..slot + 2) else {
            return false;
        };
        self.words[range[0] as usize..range[1] as usize]
            .iter()
            .any(|w| **w == *word)
    }
}

/// Values by lower-case word: the coders' tables of trigger words, hundreds of them, looked up
/// for every word of every sentence. A bit per slot of 4096, by the word's first and last
/// letters and length, rules most words out before they are hashed.
#[derive(Debug, Clone)]
pub(crate) struct WordIndex<V> {
    map: FxHashMap<String, V>,
    slots: Box<[u64; 64]>,
}

impl<V: Default> WordIndex<V> {
    pub(crate) fn new() -> WordIndex<V> {
        WordIndex {
            map: FxHashMap::default(),
            slots: Box::new([0; 64]),
        }
    }

    /// The slot of a word: the low five bits of its first and last bytes (a letter's place
    /// in the alphabet) and two of its length.
    #[inline]
    fn slot(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (
            b.first().copied().unwrap_or(0),
            b.last().copied().unwrap_or(0),
        );
        (usize::from(first & 31) << 7) | (usize::from(last & 31) << 2) | (b.len() & 3)
    }

    /// The value of `word`, made with `V::default()` if it has none.
    pub(crate) fn entry(&mut self, word: String) -> &mut V {
        let s = WordIndex::<V>::slot(&word);
        self.slots[s >> 6] |= 1 << (s & 63);
        self.map.entry(word).or_default()
    }

    /// The value of `word` (lower case), if it has one.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        let s = WordIndex::<V>::slot(word);
        if self.slots[s >> 6] & (1 << (s & 63)) == 0 {
            return None;
        }
        self.map.get(word)
    }
}

/// Every list of `data/cues.tsv`, by the name its rows give in their first column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cues {
    /// `boundary`: words that end a clause for finding a trigger's subject, object and date.
    pub(crate) boundary: WordSet,
    /// `speech`: verbs that report speech; their subject is the claimant of their complement.
    pub(crate) speech: WordSet,
    /// `negation`: cues before a trigger, in its clause, that negate it ("not", "cancelled").
    pub(crate) negation: WordSet,
    /// `possibility`: cues near a trigger that make it possible ("may", "considering").
    pub(crate) possibility: WordSet,
    /// `plan`: cues near a trigger that make it planned ("will", "scheduled").
    pub(crate) plan: WordSet,
    /// `negating_verb`: verbs anywhere earlier that negate their complement ("denied").
    pub(crate) negating_verb: WordSet,
    /// `speculation`: nouns and verbs anywhere earlier that make their complement possible.
    pub(crate) speculation: WordSet,
    /// `noun_cue`: words that make "visit" a noun when they stand right before it.
    pub(crate) noun_cue: WordSet,
    /// `light_verb`: verbs between "to" and a visit noun in an infinitive ("to pay a visit").
    pub(crate) light_verb: WordSet,
    /// `pronoun`: pronouns that are no noun modifier before a visit noun.
    pub(crate) pronoun: WordSet,
    /// `after_object`: words after which "her" is an object ("met her on Friday").
    pub(crate) after_object: WordSet,
    /// `auxiliary`: words between a visit noun and the verb that calls it off.
    pub(crate) auxiliary: WordSet,
    /// `definite`: determiners of a visit noun that refers back ("the trip").
    pub(crate) definite: WordSet,
    /// `complement_verb`: verbs whose object is a clause, not the visit ("hopes").
    pub(crate) complement_verb: WordSet,
    /// `slot_stop`: words a pattern slot never skips: they introduce another role.
    pub(crate) slot_stop: WordSet,
    /// `determiner`: words before a verb form that make it a noun ("the attack").
    pub(crate) determiner: WordSet,
    /// `passive_auxiliary`: words before a past participle that make it a passive.
    pub(crate) passive_auxiliary: WordSet,
    /// `gerund_preposition`: prepositions before an "-ing" form that make it another's act.
    pub(crate) gerund_preposition: WordSet,
    /// `reporting`: words after which a pronoun subject is the speaker ("Russia said it ...").
    pub(crate) reporting: WordSet,
    /// `attribution`: words that make a comma-led tail an attribution ("..., Baku said").
    pub(crate) attribution: WordSet,
    /// `speaker_pronoun`: pronouns that stand for the speaker of the clause before.
    pub(crate) speaker_pronoun: WordSet,
    /// `place_preposition`: prepositions before the place where a material act lands.
    pub(crate) place_preposition: WordSet,
    /// `condition`: words that open a condition ("if", "unless"): after the trigger, or
    /// opening the sentence, they make the event possible.
    pub(crate) condition: WordSet,
    /// `inverted_condition`: auxiliaries that open a condition when they open a sentence that
    /// is no question ("Should China attack ...", "Were Iran to ...").
    pub(crate) inverted_condition: WordSet,
    /// `envoy`: nouns for people a state sends on its behalf ("sent its defence minister to
    /// Pyongyang" is a visit, not aid).
    pub(crate) envoy: WordSet,
    /// `aspect_verb`: verbs before an infinitive that leave it an act, not a plan ("continued
    /// to send").
    pub(crate) aspect_verb: WordSet,
    /// `adjunct_preposition`: prepositions that open a place adjunct ("near its border with
    /// Belarus"): the search for a verb's object stops there.
    pub(crate) adjunct_preposition: WordSet,
    /// `verb_context`: words before a verb's base form that leave it a verb ("they demand").
    pub(crate) verb_context: WordSet,
    /// `sport`: words of sports reports; their sentences code no force or protest.
    pub(crate) sport: WordSet,
    /// `accident`: words of accidents; their sentences code no killing or attack.
    pub(crate) accident: WordSet,
    /// `object_preposition`: prepositions after which an actor is never a verb's subject.
    pub(crate) object_preposition: WordSet,
    /// `desire`: words of wanting another to act; the act after "X to" is not X's.
    pub(crate) desire: WordSet,
    /// `irregular_participle`: past participles not in "-ed" that make a passive after "was".
    pub(crate) irregular_participle: WordSet,
    /// `closing_speech`: verbs that attribute a quote when they close the sentence.
    pub(crate) closing_speech: WordSet,
    /// `not_adverb`: words in "-ly" that are no adverbs ("supply", "rally", "Italy").
    pub(crate) not_adverb: WordSet,
    /// `object_verb`: past forms that need an object; a preposition after one makes a passive.
    pub(crate) object_verb: WordSet,
    /// `pair_noun`: nouns after "both" or "the two" that stand for two parties named before.
    pub(crate) pair_noun: WordSet,
    /// `state_body`: last words of a claimant that is a state body ("the interior ministry").
    pub(crate) state_body: WordSet,
    /// `calendar`: capitalised words of dates ("Monday", "March"), which name no one.
    pub(crate) calendar: WordSet,
    /// `compound_noun`: two-word nouns whose first word is a verb's form ("supply_routes").
    compound_noun: WordSet,
    /// `test_weapon`: weapons whose untargeted firing is a show of force ("missile").
    pub(crate) test_weapon: WordSet,
    /// `aim_preposition`: prepositions after a weapon that aim it ("at", "toward").
    pub(crate) aim_preposition: WordSet,
    /// The second words of `compound_noun`, to rule most words out at once.
    compound_second: WordSet,
    /// The first words of `compound_noun`.
    compound_first: WordSet,
}

/// The list names a cue file may use, in the order of [`Cues`]'s fields.
const LISTS: &[&str] = &[
    "boundary",
    "speech",
    "negation",
    "possibility",
    "plan",
    "negating_verb",
    "speculation",
    "noun_cue",
    "light_verb",
    "pronoun",
    "after_object",
    "auxiliary",
    "definite",
    "complement_verb",
    "slot_stop",
    "determiner",
    "passive_auxiliary",
    "gerund_preposition",
    "reporting",
    "attribution",
    "speaker_pronoun",
    "place_preposition",
    "condition",
    "inverted_condition",
    "envoy",
    "aspect_verb",
    "adjunct_preposition",
    "verb_context",
    "sport",
    "accident",
    "object_preposition",
    "desire",
    "irregular_participle",
    "closing_speech",
    "not_adverb",
    "object_verb",
    "pair_noun",
    "state_body",
    "calendar",
    "compound_noun",
    "test_weapon",
    "aim_preposition",
];

impl Cues {
    /// Whether a lower-case word is an adverb in "-ly" ("publicly", "only"), not one of the
    /// `not_adverb` words ("supply", "rally").
    pub(crate) fn is_adverb(&self, word: &str) -> bool {
        word.ends_with("ly") && !self.not_adverb.contains(word)
    }

    /// Whether `first second` (lower case) is one of the `compound_noun` words: "supply
    /// routes", "attack helicopters".
    pub(crate) fn is_compound(&self, first: &str, second: &str) -> bool {
        self.compound_first.contains(first)
            && self.compound_second.contains(second)
            && self
                .compound_noun
                .words
                .iter()
                .any(|w| w.split_once('_') == Some((first, second)))
    }
}

impl Default for Cues {
    fn default() -> Self {
        Cues::new()
    }
}

impl Cues {
    /// The compiled-in cues (`data/cues.tsv`).
    pub fn new() -> Cues {
        Cues::from_tsv(BUILTIN_CUES, "data/cues.tsv")
            .expect("the built-in data/cues.tsv parses (guarded by a test)")
    }

    /// The user's cue file (same format as `data/cues.tsv`), replacing the compiled-in one.
    pub fn from_file(path: &Path) -> Result<Cues, CoderError> {
        let text = std::fs::read_to_string(path).map_err(|source| CoderError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Cues::from_tsv(&text, &path.display().to_string())
    }

    /// Parse the format described at the top of `data/cues.tsv`; `path` only names the source
    /// in errors. A list the file does not name is empty.
    pub fn from_tsv(text: &str, path: &str) -> Result<Cues, CoderError> {
        let mut lists: Vec<Vec<Box<str>>> = vec![Vec::new(); LISTS.len()];
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let err = |message: String| pattern_file::error(path, line, message);
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = trimmed.split('\t').collect();
            if !(2..=3).contains(&fields.len()) {
                return Err(err(format!(
                    "expected 2 or 3 tab-separated columns (list, word, note), found {}",
                    fields.len()
                )));
            }
            let name = fields[0].trim();
            let list = LISTS
                .iter()
                .position(|l| *l == name)
                .ok_or_else(|| err(format!("unknown list {name:?}")))?;
            let word = fields[1].trim().to_lowercase();
            if word.is_empty() || word.contains(char::is_whitespace) {
                return Err(err(format!(
                    "{name}: {word:?} is not one word (cues match single tokens)"
                )));
            }
            if name == "compound_noun"
                && !word
                    .split_once('_')
                    .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.contains('_'))
            {
                return Err(err(format!(
                    "{name}: {word:?} is not two words joined by '_'"
                )));
            }
            if lists[list].iter().any(|w| **w == *word) {
                return Err(err(format!("{name}: {word:?} is listed twice")));
            }
            lists[list].push(word.into());
        }
        let mut sets = lists.into_iter().map(WordSet::new);
        let mut next = || sets.next().unwrap_or_default();
        Ok(Cues {
            boundary: next(),
            speech: next(),
            negation: next(),
            possibility: next(),
            plan: next(),
            negating_verb: next(),
            speculation: next(),
            noun_cue: next(),
            light_verb: next(),
            pronoun: next(),
            after_object: next(),
            auxiliary: next(),
            definite: next(),
            complement_verb: next(),
            slot_stop: next(),
            determiner: next(),
            passive_auxiliary: next(),
            gerund_preposition: next(),
            reporting: next(),
            attribution: next(),
            speaker_pronoun: next(),
            place_preposition: next(),
            condition: next(),
            inverted_condition: next(),
            envoy: next(),
            aspect_verb: next(),
            adjunct_preposition: next(),
            verb_context: next(),
            sport: next(),
            accident: next(),
            object_preposition: next(),
            desire: next(),
            irregular_participle: next(),
            closing_speech: next(),
            not_adverb: next(),
            object_verb: next(),
            pair_noun: next(),
            state_body: next(),
            calendar: next(),
            compound_noun: next(),
            test_weapon: next(),
            aim_preposition: next(),
            compound_second: WordSet::default(),
            compound_first: WordSet::default(),
        }
        .with_compound_seconds())
    }

    /// Fill [`Cues::compound_first`] and [`Cues::compound_second`] from `compound_noun`, each
    /// word once.
    fn with_compound_seconds(self) -> Cues {
        let part = |second: bool| {
            let mut words: Vec<Box<str>> = Vec::new();
            for w in &self.compound_noun.words {
                if let Some((a, b)) = w.split_once('_') {
                    let p = if second { b } else { a };
                    if !words.iter().any(|x| **x == *p) {
                        words.push(p.into());
                    }
                }
            }
            WordSet::new(words)
        };
        Cues {
            compound_first: part(false),
            compound_second: part(true),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_find_every_word_and_no_other() {
        let words = [
            "that", "after", "while", "when", "who", "whom", "“", ",", "n't", "",
        ];
        let set = WordSet::new(words.iter().map(|&w| w.into()).collect());
        for w in words {
            assert!(set.contains(w), "{w:?} is in the set");
        }
        // Words sharing a slot with a member, prefixes, other case: not in the set.
        let members: Vec<&str> = words.to_vec();
        for w in [
            "tha", "thatt", "When", "whose", "wh", "the", "““", ";", "nt",
        ] {
            let same_slot = members.iter().any(|m| WordSet::slot(m) == WordSet::slot(w));
            assert!(!set.contains(w), "{w:?} (slot shared: {same_slot}) is not");
        }
        assert!(!WordSet::default().contains("that"));
        assert!(!WordSet::default().contains(""));
    }

    #[test]
    fn builtin_cues_parse() {
        let cues = Cues::new();
        let cases = [
            (&cues.boundary, "that", true),
            (&cues.boundary, "“", true),
            (&cues.speech, "according", true),
            (&cues.negation, "n't", true),
            (&cues.possibility, "whether", true),
            (&cues.plan, "'ll", true),
            (&cues.plan, "visit", false),
            (&cues.noun_cue, "’s", true),
            (&cues.slot_stop, ",", true),
            (&cues.speaker_pronoun, "she", true),
            (&cues.speaker_pronoun, "its", true),
            (&cues.place_preposition, "into", true),
            (&cues.aspect_verb, "continued", true),
            (&cues.aspect_verb, "plans", false),
            (&cues.adjunct_preposition, "near", true),
            (&cues.adjunct_preposition, "with", false),
        ];
        for (set, word, want) in cases {
            assert_eq!(set.contains(word), want, "{word:?}");
        }
        let compounds = [
            ("supply", "routes", true),
            ("attack", "helicopters", true),
            ("aid", "workers", true),
            ("supply", "arms", false),
            ("attack", "workers", false),
            ("routes", "supply", false),
        ];
        for (first, second, want) in compounds {
            assert_eq!(cues.is_compound(first, second), want, "{first} {second}");
        }
    }

    #[test]
    fn lists_are_sets_matched_in_lower_case() {
        let text = "# a comment\n\nplan\tWill\nplan\tdue\tas in \"due to arrive\"\nnegation\tnot\n";
        let cues = Cues::from_tsv(text, "c.tsv").unwrap();
        let cases = [
            (&cues.plan, "will", true),
            (&cues.plan, "due", true),
            (&cues.plan, "Will", false),
            (&cues.plan, "not", false),
            (&cues.negation, "not", true),
            (&cues.boundary, "that", false),
        ];
        for (set, word, want) in cases {
            assert_eq!(set.contains(word), want, "{word:?}");
        }
    }

    #[test]
    fn a_word_index_finds_its_words_and_no_others() {
        let mut index: WordIndex<Vec<usize>> = WordIndex::new();
        for (i, w) in ["visit", "met", "arrived", "talks", "a", "", "visité"]
            .iter()
            .enumerate()
        {
            index.entry(w.to_string()).push(i);
        }
        index.entry("visit".to_string()).push(9);
        let cases = [
            ("visit", Some(vec![0, 9])),
            ("met", Some(vec![1])),
            ("arrived", Some(vec![2])),
            ("talks", Some(vec![3])),
            ("a", Some(vec![4])),
            ("", Some(vec![5])),
            ("visité", Some(vec![6])),
            // Same slot as "visit" (first and last letters, length modulo 4), not a key.
            ("vomit", None),
            ("visits", None),
            ("the", None),
            ("Visit", None),
        ];
        for (word, want) in cases {
            assert_eq!(index.get(word).cloned(), want, "{word:?}");
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("plan", "c.tsv:1: expected 2 or 3 tab-separated columns"),
            ("# c\nplans\twill", "c.tsv:2: unknown list \"plans\""),
            ("plan\t", "c.tsv:1: plan: \"\" is not one word"),
            ("plan\tdue to", "c.tsv:1: plan: \"due to\" is not one word"),
            (
                "plan\twill\nplan\tWILL",
                "c.tsv:2: plan: \"will\" is listed twice",
            ),
            ("plan\twill\tnote\textra", "c.tsv:1: expected 2 or 3"),
            (
                "compound_noun\tsupply",
                "c.tsv:1: compound_noun: \"supply\" is not two words",
            ),
        ];
        for (text, want) in cases {
            let err = Cues::from_tsv(text, "c.tsv").unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}: got {err}");
        }
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = Cues::from_file(Path::new("/nonexistent/cues.tsv"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/nonexistent/cues.tsv: "), "{err}");
    }
}
