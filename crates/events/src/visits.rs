//! The visit coder: CAMEO 042/043 from shallow clause analysis, no parser.
//!
//! For each trigger word (data/visits.tsv) the coder works inside the trigger's *clause*: the
//! words between the nearest clause boundaries ("that", "after", "when", "said", ";" ...). The
//! source is the possessor of a visit noun ("Lavrov's trip") or the first actor of the clause
//! that has a country (its subject, in wire copy); the target is the country of the place the
//! frame points at; modality comes from cue words before the trigger; the date is the time
//! expression of the clause, else the publication date (basis `reported`).

use attache_model::{
    Actor, ActorCode, ActorMention, CameoCode, DateBasis, DateValue, Document, EventMention,
    Location, MentionKind, Modality, PlaceMention, Span, TimeMention,
};

/// The patterns compiled into the binary.
const BUILTIN_PATTERNS: &str = include_str!("../../../data/visits.tsv");

/// Version stamped on every event mention this coder makes.
pub const CODER_VERSION: &str = "visits/0.1";

/// A pattern file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    #[error("{path}:{line}: {message}")]
    Pattern {
        path: String,
        line: usize,
        message: String,
    },
}

/// How a rule finds its target relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Object,
    Prep,
    LeaveFor,
    Noun,
    Host,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "object" => Frame::Object,
            "prep" => Frame::Prep,
            "leave-for" => Frame::LeaveFor,
            "noun" => Frame::Noun,
            "host" => Frame::Host,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
struct Rule {
    id: String,
    code: CameoCode,
    frame: Frame,
    /// Each trigger is one or more lower-case words.
    triggers: Vec<Vec<String>>,
}

/// The event coder. Built once, shared by reference across threads.
#[derive(Debug, Clone)]
pub struct Coder {
    rules: Vec<Rule>,
}

impl Default for Coder {
    fn default() -> Self {
        Coder::new()
    }
}

/// One word of a sentence: its span in the document and its lower-case form.
struct Word {
    span: Span,
    lower: String,
}

/// Words that end a clause for the purpose of finding a trigger's subject, object and date.
const BOUNDARIES: &[&str] = &[
    "that",
    "after",
    "before",
    "while",
    "when",
    "which",
    "who",
    "whom",
    "whose",
    "because",
    "although",
    "though",
    "but",
    "said",
    "says",
    "say",
    "told",
    "reported",
    "reports",
    "added",
    "following",
    "amid",
    "as",
    // "a visit to Laos, the first foreign trip since he took office in July": July is not the visit's.
    "since",
    "until",
    ";",
    ":",
    "\"",
    "“",
    "”",
];

/// Cues before a trigger, in the same clause.
const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "cancelled",
    "canceled",
    "cancel",
    "cancels",
    "postponed",
    "scrapped",
    "refused",
    "declined",
];
const POSSIBILITY: &[&str] = &[
    "may",
    "might",
    "could",
    "possible",
    "possibly",
    "potential",
    "likely",
    "if",
    "whether",
    "considering",
    "mulling",
    "rumored",
    "rumoured",
];
const PLAN: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "planning",
    "plan",
    "intends",
    "intend",
    "upcoming",
    "set",
    "due",
    "slated",
    "invited",
    "agreed",
    "hopes",
    "wants",
];
/// Cues anywhere earlier in the sentence that govern a complement clause ("denied reports
/// that X visited", "speculation that X may visit").
const NEGATING_VERBS: &[&str] = &[
    "denied",
    "deny",
    "denies",
    "denying",
    "dismissed",
    "rejected",
];
const SPECULATION: &[&str] = &[
    "speculation",
    "speculations",
    "speculated",
    "rumors",
    "rumours",
    "rumor",
    "rumour",
];

/// Words that make "visit"/"visits" a noun when they stand right before it.
const NOUN_CUES: &[&str] = &[
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "our",
    "'s",
    "’s",
    "s",
    "official",
    "private",
    "state",
    "working",
    "first",
    "recent",
    "this",
    "that",
    "planned",
    "possible",
    "upcoming",
    "surprise",
    "rare",
    "return",
    "last",
    "latest",
    "week-long",
    "two-day",
    "three-day",
    "four-day",
    "five-day",
    "goodwill",
    "landmark",
    "historic",
    "unannounced",
];

/// Modifiers allowed between a possessor and its visit noun ("Kang's private visit").
fn is_noun_modifier(word: &str) -> bool {
    NOUN_CUES.contains(&word)
        || word.ends_with("-day")
        || word.chars().all(|c| c.is_ascii_digit())
        || is_month_word(word)
}

fn is_month_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "jan"
            | "january"
            | "feb"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "aug"
            | "august"
            | "sept"
            | "sep"
            | "september"
            | "oct"
            | "october"
            | "nov"
            | "november"
            | "dec"
            | "december"
    )
}

impl Coder {
    /// The coder with the compiled-in patterns.
    pub fn new() -> Coder {
        Coder::from_tsv(BUILTIN_PATTERNS, "data/visits.tsv")
            .expect("the built-in data/visits.tsv parses (guarded by a test)")
    }

    /// A coder with the user's pattern file (same format as data/visits.tsv).
    pub fn from_tsv(text: &str, path: &str) -> Result<Coder, CoderError> {
        let mut rules = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let err = |message: String| CoderError::Pattern {
                path: path.to_string(),
                line: line_no,
                message,
            };
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(err(format!(
                    "expected 4 tab-separated columns, found {}",
                    cols.len()
                )));
            }
            let code = CameoCode::parse(cols[1]).map_err(|e| err(e.to_string()))?;
            let frame =
                Frame::parse(cols[2]).ok_or_else(|| err(format!("unknown frame {:?}", cols[2])))?;
            let triggers: Vec<Vec<String>> = cols[3]
                .split('|')
                .map(|t| {
                    t.split_whitespace()
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .filter(|t| !t.is_empty())
                .collect();
            if triggers.is_empty() {
                return Err(err("no trigger words".to_string()));
            }
            rules.push(Rule {
                id: cols[0].to_string(),
                code,
                frame,
                triggers,
            });
        }
        if rules.is_empty() {
            return Err(CoderError::Pattern {
                path: path.to_string(),
                line: 0,
                message: "no rules".into(),
            });
        }
        Ok(Coder { rules })
    }

    /// Code the events of one document. `actors`, `places` and `times` are the document's
    /// mentions, each sorted by span.
    pub fn code(
        &self,
        doc: &Document,
        actors: &[ActorMention],
        places: &[PlaceMention],
        times: &[TimeMention],
    ) -> Vec<EventMention> {
        let mut out = Vec::new();
        // "arrived here": the dateline's city.
        let dateline_place = doc.dateline.as_ref().and_then(|d| {
            places
                .iter()
                .find(|p| d.span.contains(p.span) && p.country.is_some())
        });
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let words: Vec<Word> = doc.tokens[sentence.tokens.clone()]
                .iter()
                .map(|t| Word {
                    span: t.span,
                    lower: normalise(t.span.slice(&doc.text)),
                })
                .collect();
            if words.is_empty() {
                continue;
            }
            let inside = |s: Span| sentence.span.contains(s);
            let ctx = SentenceContext {
                doc,
                index,
                all_actors: actors,
                dateline_place,
                words: &words,
                actors: actors.iter().filter(|a| inside(a.span)).collect(),
                places: places.iter().filter(|p| inside(p.span)).collect(),
                times: times.iter().filter(|t| inside(t.span)).collect(),
                is_question: sentence.span.slice(&doc.text).trim_end().ends_with('?'),
            };
            self.code_sentence(&ctx, &mut out);
        }
        out
    }

    fn code_sentence(&self, ctx: &SentenceContext<'_>, out: &mut Vec<EventMention>) {
        // Words already used by an event (its trigger up to its target) cannot trigger
        // another: "left Pyongyang to visit Russia" is one departure, not also a planned visit.
        let mut consumed_until = 0usize;
        let first_of_sentence = out.len();
        let mut i = 0;
        while i < ctx.words.len() {
            if i < consumed_until {
                i += 1;
                continue;
            }
            let Some((rule, frame, len)) = self.match_rule(ctx, i) else {
                i += 1;
                continue;
            };
            for (event, last_word) in ctx.code_trigger(rule, frame, i, len) {
                consumed_until = consumed_until.max(last_word + 1);
                // "arrived in Moscow for a two-day working visit": one visit, coded once.
                let same = out[first_of_sentence..].iter().any(|e| {
                    e.source.country == event.source.country
                        && e.target.country == event.target.country
                });
                if !same {
                    out.push(event);
                }
            }
            i += len;
        }
    }

    /// The rule whose trigger starts at word `i`, with the frame to use and the trigger length.
    fn match_rule(&self, ctx: &SentenceContext<'_>, i: usize) -> Option<(&Rule, Frame, usize)> {
        for rule in &self.rules {
            for trigger in &rule.triggers {
                let n = trigger.len();
                if i + n > ctx.words.len()
                    || !trigger
                        .iter()
                        .zip(&ctx.words[i..i + n])
                        .all(|(t, w)| *t == w.lower)
                {
                    continue;
                }
                let noun_like = ctx.visit_is_noun(i);
                let always_noun = matches!(
                    ctx.words[i].lower.as_str(),
                    "trip" | "trips" | "journey" | "stopover"
                );
                match rule.frame {
                    // "visit"/"visits" after a determiner or possessive is the noun.
                    Frame::Object if noun_like => continue,
                    Frame::Noun if !noun_like && !always_noun => continue,
                    _ => return Some((rule, rule.frame, n)),
                }
            }
        }
        None
    }
}

fn normalise(token: &str) -> String {
    token.to_lowercase().replace('’', "'")
}

/// Words after which an actor is an object, not a subject ("visited Beijing and left ...").
fn is_verb_like(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed"))
        || matches!(
            word,
            "visit" | "visits" | "met" | "meets" | "left" | "leaves" | "told" | "sent" | "saw"
        )
}

/// Verbs that can stand between "to" and a visit noun in an infinitive ("to make a state visit").
const LIGHT_VERBS: &[&str] = &["make", "pay", "begin", "start", "embark", "undertake", "on"];

const PRONOUNS: &[&str] = &["he", "she", "his", "her"];

struct SentenceContext<'a> {
    doc: &'a Document,
    index: usize,
    /// Every actor of the document, for pronouns ("he", "her visit").
    all_actors: &'a [ActorMention],
    dateline_place: Option<&'a PlaceMention>,
    words: &'a [Word],
    actors: Vec<&'a ActorMention>,
    places: Vec<&'a PlaceMention>,
    times: Vec<&'a TimeMention>,
    is_question: bool,
}

/// Where a visit goes: a place in the text, or a host actor (043).
enum Target<'a> {
    Place(&'a PlaceMention),
    Guest(&'a ActorMention),
}

impl<'a> SentenceContext<'a> {
    fn visit_is_noun(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).map(|p| self.words[p].lower.as_str());
        let next = self.words.get(i + 1).map(|w| w.lower.as_str());
        prev.is_some_and(is_noun_modifier)
            || matches!(
                next,
                Some("to" | "by" | "of" | "is" | "was" | "comes" | "came" | "will" | "would")
            )
            || self.possessor_before(i).is_some()
    }

    /// Word index range `[start, end)` of the clause around word `i`.
    fn clause(&self, i: usize) -> (usize, usize) {
        let start = (0..i)
            .rev()
            .find(|&j| BOUNDARIES.contains(&self.words[j].lower.as_str()))
            .map_or(0, |j| j + 1);
        let end = (i + 1..self.words.len())
            .find(|&j| BOUNDARIES.contains(&self.words[j].lower.as_str()))
            .unwrap_or(self.words.len());
        (start, end)
    }

    /// Byte offset where word `j` starts, or the sentence end.
    fn at(&self, j: usize) -> usize {
        self.words.get(j).map_or_else(
            || self.words.last().map_or(0, |w| w.span.end),
            |w| w.span.start,
        )
    }

    /// Index of the first word starting at or after byte `offset`.
    fn word_at(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.start < offset)
    }

    /// Index of the last word of a span.
    fn last_word_of(&self, span: Span) -> usize {
        self.words
            .partition_point(|w| w.span.start < span.end)
            .saturating_sub(1)
    }

    /// An actor that possesses the noun at word `i`: "Kang Sok Ju's visit", "Lavrov's trip";
    /// "his visit" resolves the pronoun.
    fn possessor_before(&self, i: usize) -> Option<&'a ActorMention> {
        let trigger_start = self.words[i].span.start;
        // "his three-day visit": a possessive pronoun right before the noun and its modifiers.
        let mut j = i;
        while j > 0
            && is_noun_modifier(&self.words[j - 1].lower)
            && !PRONOUNS.contains(&self.words[j - 1].lower.as_str())
        {
            j -= 1;
        }
        if j > 0 && matches!(self.words[j - 1].lower.as_str(), "his" | "her") {
            return self.antecedent(j - 1);
        }
        let actor = self
            .actors
            .iter()
            .rev()
            .find(|a| a.span.end <= trigger_start)?;
        let first_after = self.word_at(actor.span.end);
        let between = &self.words[first_after.min(i)..i];
        let actor_text = actor.span.slice(&self.doc.text);
        let possessive = actor_text.ends_with("'s")
            || actor_text.ends_with("’s")
            || between
                .first()
                .is_some_and(|w| matches!(w.lower.as_str(), "'s" | "s" | "'"));
        let only_modifiers = between
            .iter()
            .all(|w| is_noun_modifier(&w.lower) || w.lower == "'");
        (possessive && only_modifiers && actor.country.is_some()).then_some(*actor)
    }

    /// The person a pronoun at word `w` stands for: the last person with a country named
    /// before it, in this sentence or the three before.
    fn antecedent(&self, w: usize) -> Option<&'a ActorMention> {
        let before = self.words[w].span.start;
        let earliest = self.index.saturating_sub(3);
        self.all_actors.iter().rev().find(|a| {
            a.span.end <= before
                && a.sentence >= earliest
                && a.sentence <= self.index
                && a.kind == MentionKind::Person
                && a.country.is_some()
        })
    }

    /// The subject: the first actor with a country in the clause before word `i`, skipping
    /// "according to X", places after a preposition ("in Moscow, ...") and objects of a verb
    /// ("visited Beijing and left for Moscow"); else a pronoun's antecedent.
    fn subject(&self, clause_start: usize, i: usize) -> Option<&'a ActorMention> {
        let (from, to) = (self.at(clause_start), self.words[i].span.start);
        let named = self.actors.iter().copied().find(|a| {
            if a.span.start < from || a.span.end > to || a.country.is_none() {
                return false;
            }
            let w = self.word_at(a.span.start);
            let prev = w.checked_sub(1).map(|p| self.words[p].lower.as_str());
            let prev2 = w.checked_sub(2).map(|p| self.words[p].lower.as_str());
            let according = prev == Some("to") && prev2 == Some("according");
            let place_object = a.kind == MentionKind::Capital
                && matches!(
                    prev,
                    Some("in" | "at" | "from" | "to" | "for" | "into" | "by")
                );
            let verb_object = prev.is_some_and(is_verb_like);
            !according && !place_object && !verb_object
        });
        named.or_else(|| {
            let pronoun = (clause_start..i)
                .find(|&j| matches!(self.words[j].lower.as_str(), "he" | "she"))?;
            self.antecedent(pronoun)
        })
    }

    /// The first place starting within `[from, to)` word indices.
    fn place_in(&self, from: usize, to: usize) -> Option<&'a PlaceMention> {
        let (a, b) = (self.at(from), self.at(to));
        self.places
            .iter()
            .copied()
            .find(|p| p.span.start >= a && p.span.start < b)
    }

    /// The place at word `j`: a place mention starting there, or the dateline city for "here".
    fn place_at(&self, j: usize) -> Option<&'a PlaceMention> {
        if self.words.get(j)?.lower == "here" {
            return self.dateline_place;
        }
        let start = self.words[j].span.start;
        self.places.iter().copied().find(|p| p.span.start == start)
    }

    /// The first place after one of `preps`, searched from word `from` to `to`.
    fn place_after_prep(&self, from: usize, to: usize, preps: &[&str]) -> Option<&'a PlaceMention> {
        for j in from..to {
            if preps.contains(&self.words[j].lower.as_str()) {
                // The place must come within a few words of the preposition ("for a trip to Russia").
                if let Some(p) = self.place_in(j + 1, (j + 9).min(to)) {
                    return Some(p);
                }
            }
        }
        // "arrived here Sunday": the dateline's city.
        (from..to.min(from + 2))
            .find(|&j| self.words[j].lower == "here")
            .and(self.dateline_place)
    }

    /// Places coordinated with `first`: "to South Korea, Japan", "to Seoul and Tokyo", "to
    /// Beijing on Thursday and to Tokyo on Saturday".
    fn coordinated(&self, first: &'a PlaceMention, clause_end: usize) -> Vec<&'a PlaceMention> {
        let mut out = vec![first];
        let mut j = self.word_at(first.span.end);
        loop {
            // Skip a date between the conjuncts ("on Thursday").
            while j < clause_end
                && (self.words[j].lower == "on"
                    || self
                        .times
                        .iter()
                        .any(|t| t.span.contains(self.words[j].span)))
            {
                j += 1;
            }
            let mut k = j;
            while k < clause_end
                && matches!(self.words[k].lower.as_str(), "," | "and" | "to" | "then")
            {
                k += 1;
            }
            if k == j || k >= clause_end {
                break;
            }
            match self.place_at(k) {
                Some(p)
                    if self.words[j..k]
                        .iter()
                        .any(|w| w.lower == "," || w.lower == "and") =>
                {
                    out.push(p);
                    j = self.word_at(p.span.end);
                }
                _ => break,
            }
        }
        out
    }

    /// Code one trigger: an event mention per target, each with the last word it used.
    fn code_trigger(
        &self,
        rule: &Rule,
        frame: Frame,
        i: usize,
        len: usize,
    ) -> Vec<(EventMention, usize)> {
        let (clause_start, clause_end) = self.clause(i);
        let after = i + len;
        let mut source_mention = None;
        let mut targets: Vec<Target<'a>> = Vec::new();
        let first_place = match frame {
            Frame::Object => (after..(after + 4).min(clause_end))
                .find_map(|j| self.place_at(j))
                .or_else(|| self.place_in(after, (after + 4).min(clause_end))),
            Frame::Prep => {
                let preps: &[&str] = if rule.id.ends_with("arrive") {
                    &["in", "at", "to"]
                } else {
                    &["to", "for"]
                };
                self.place_after_prep(after, clause_end.min(after + 6), preps)
            }
            Frame::LeaveFor => self.place_after_prep(after, clause_end, &["for", "to"]),
            Frame::Noun => {
                let mut search_from = after;
                // "a possible trip by North Korea's leader to Russia": the visitor follows "by".
                if self.words.get(after).is_some_and(|w| w.lower == "by") {
                    let (a, b) = (self.at(after + 1), self.at((after + 8).min(clause_end)));
                    source_mention = self
                        .actors
                        .iter()
                        .copied()
                        .find(|m| m.span.start >= a && m.span.start < b && m.country.is_some());
                    if let Some(m) = source_mention {
                        search_from = self.last_word_of(m.span) + 1;
                    }
                } else {
                    source_mention = self.possessor_before(i);
                }
                self.place_after_prep(search_from, clause_end.min(search_from + 5), &["to", "in"])
                    .or_else(|| {
                        // "the Vietnam trip": a country right before the noun.
                        let prev = i.checked_sub(1)?;
                        let p = self
                            .places
                            .iter()
                            .copied()
                            .find(|p| p.is_country && self.last_word_of(p.span) == prev)?;
                        Some(p)
                    })
                    .or_else(|| {
                        // "is currently in Moscow on a private visit": the place the actor is in.
                        let from = self.at(clause_start);
                        let to = self.words[i].span.start;
                        self.places.iter().rev().copied().find(|p| {
                            p.span.start >= from && p.span.end <= to && {
                                let w = self.word_at(p.span.start);
                                w > 0 && self.words[w - 1].lower == "in"
                            }
                        })
                    })
            }
            Frame::Host => {
                let (a, b) = (self.at(after), self.at(clause_end));
                let Some(guest) = self.actors.iter().copied().find(|m| {
                    m.span.start >= a
                        && m.span.start < b
                        && m.country.is_some()
                        && matches!(
                            m.kind,
                            MentionKind::Person | MentionKind::Group | MentionKind::Country
                        )
                }) else {
                    return Vec::new();
                };
                let between = &self.words[after..self.word_at(guest.span.start)];
                let is_visit = between.iter().any(|w| w.lower == "visiting")
                    || guest
                        .title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains("delegation"))
                    || matches!(
                        self.words[i].lower.as_str(),
                        "host" | "hosts" | "hosted" | "hosting"
                    );
                if !is_visit || between.len() > 6 {
                    return Vec::new();
                }
                targets.push(Target::Guest(guest));
                None
            }
        };
        if let Some(p) = first_place {
            targets.extend(
                self.coordinated(p, clause_end)
                    .into_iter()
                    .map(Target::Place),
            );
        }
        let Some(source) = source_mention.or_else(|| self.subject(clause_start, i)) else {
            return Vec::new();
        };
        let trigger = Span::new(self.words[i].span.start, self.words[i + len - 1].span.end);
        let modality = self.modality(clause_start, i);
        let confidence = match (frame, source.kind) {
            (Frame::Noun, _) => 0.6,
            (_, MentionKind::Person | MentionKind::Group) => 0.85,
            _ => 0.75,
        };
        let spans: Vec<Span> = targets
            .iter()
            .map(|t| match t {
                Target::Place(p) => p.span,
                Target::Guest(g) => g.span,
            })
            .collect();
        let mut out = Vec::new();
        for (n, target) in targets.iter().enumerate() {
            let (actor, span, location) = match target {
                Target::Guest(g) => (self.actor(g), g.span, None),
                Target::Place(p) => {
                    let Some(country) = p.country.clone() else {
                        continue;
                    };
                    let location = Location {
                        name: p.name.clone(),
                        country: Some(country.clone()),
                    };
                    let actor = Actor {
                        text: Some(p.span.slice(&self.doc.text).to_string()),
                        name: Some(p.name.clone()),
                        title: None,
                        code: ActorCode::parse(country.as_str()).ok(),
                        country: Some(country),
                    };
                    (actor, p.span, Some(location))
                }
            };
            // A trip inside one's own country is not an international visit.
            if actor.country.is_none() || actor.country == source.country {
                continue;
            }
            let next_target = spans.get(n + 1).map(|s| s.start);
            let (date, date_basis) =
                self.date(clause_start, clause_end, trigger, span, next_target);
            let event = EventMention {
                sentence: self.index,
                trigger,
                code: rule.code.clone(),
                modality,
                source: self.actor(source),
                source_span: Some(source.span),
                target: actor,
                target_span: Some(span),
                location,
                date,
                date_basis,
                rule: rule.id.clone(),
                coder: CODER_VERSION.to_string(),
                confidence,
            };
            out.push((event, self.last_word_of(span).max(i + len - 1)));
        }
        out
    }

    fn actor(&self, m: &ActorMention) -> Actor {
        Actor {
            text: Some(m.span.slice(&self.doc.text).to_string()),
            name: m.name.clone(),
            title: m.title.clone(),
            code: m.code.clone().or_else(|| {
                m.country
                    .as_ref()
                    .and_then(|c| ActorCode::parse(c.as_str()).ok())
            }),
            country: m.country.clone(),
        }
    }

    fn modality(&self, clause_start: usize, i: usize) -> Modality {
        let before: Vec<&str> = self.words[..i].iter().map(|w| w.lower.as_str()).collect();
        let clause = &before[clause_start..];
        let near = &clause[clause.len().saturating_sub(8)..];
        if clause.iter().any(|w| NEGATION.contains(w))
            || before.iter().any(|w| NEGATING_VERBS.contains(w))
        {
            return Modality::Negated;
        }
        let conditional = self.words[i..].iter().any(|w| w.lower == "if");
        if self.is_question
            || conditional
            || near.iter().any(|w| POSSIBILITY.contains(w))
            || before.iter().any(|w| SPECULATION.contains(w))
        {
            return Modality::Possible;
        }
        // "plans to visit", "to make a state visit": an infinitive trigger is not (yet) an event.
        let mut j = clause.len();
        while j > 0 && (is_noun_modifier(clause[j - 1]) || LIGHT_VERBS.contains(&clause[j - 1])) {
            j -= 1;
        }
        let infinitive = j > 0 && clause[j - 1] == "to";
        if near.iter().any(|w| PLAN.contains(w)) || infinitive || near.ends_with(&["next"]) {
            return Modality::Planned;
        }
        Modality::Actual
    }

    /// The time expression for a target: the first one after the target (before the next
    /// target, else after any), else the nearest after the trigger, else the nearest before
    /// it, all within the clause; else the publication date.
    fn date(
        &self,
        clause_start: usize,
        clause_end: usize,
        trigger: Span,
        target: Span,
        next_target: Option<usize>,
    ) -> (Option<DateValue>, DateBasis) {
        let (a, b) = (self.at(clause_start), self.at(clause_end));
        let in_clause: Vec<&&TimeMention> = self
            .times
            .iter()
            .filter(|t| t.span.start >= a && t.span.start < b)
            .collect();
        let limit = next_target.unwrap_or(usize::MAX);
        // "to Beijing on Thursday and to Tokyo on Saturday": each target its own date; "to
        // Seoul and Tokyo on Feb. 2": a date after the last target serves them all.
        let chosen = in_clause
            .iter()
            .find(|t| t.span.start >= target.end && t.span.start < limit)
            .or_else(|| in_clause.iter().find(|t| t.span.start >= target.end))
            .or_else(|| {
                in_clause
                    .iter()
                    .find(|t| t.span.start >= trigger.end && t.span.start < limit)
            })
            .or_else(|| in_clause.iter().rev().find(|t| t.span.end <= trigger.start));
        match chosen {
            Some(t) => (Some(t.value), t.basis),
            None => (self.doc.published.map(DateValue::day), DateBasis::Reported),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_patterns_parse() {
        let coder = Coder::new();
        assert!(coder.rules.iter().any(|r| r.id == "visit.leave-for"));
        assert!(coder.rules.iter().all(|r| !r.triggers.is_empty()));
    }

    #[test]
    fn pattern_errors_name_file_and_line() {
        let cases = [
            (
                "visit.x\t042\tobject",
                "p.tsv:1: expected 4 tab-separated columns, found 3",
            ),
            (
                "# c\nvisit.x\t04x\tobject\tvisit",
                "p.tsv:2: not a CAMEO event code",
            ),
            (
                "visit.x\t042\tsideways\tvisit",
                "p.tsv:1: unknown frame \"sideways\"",
            ),
        ];
        for (text, want) in cases {
            let err = Coder::from_tsv(text, "p.tsv").unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}: got {err}");
        }
    }
}
