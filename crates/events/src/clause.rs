//! Shallow clause analysis shared by the coders: a sentence's words, its clause boundaries,
//! the subject of a trigger, modality cues and the date of an event. No parser: wire copy puts
//! the subject first and marks clauses with a small set of words ("that", "after", "said").

use attache_model::{
    Actor, ActorCode, ActorMention, CountryCode, DateBasis, DateValue, Document, EventMention,
    MentionKind, Modality, PlaceMention, Span, TimeMention, Vague,
};
use attache_model::{Duration, DurationMention, Precision};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use crate::cues::Cues;

/// One word of a sentence: its span in the document and its lower-case form.
pub(crate) struct Word<'a> {
    pub(crate) span: Span,
    pub(crate) lower: Lower<'a>,
    /// Whether it ends a clause (a `boundary` cue), looked up once: clause and pattern scans
    /// ask it of every word they pass.
    pub(crate) boundary: bool,
}

/// A word's lower-case form ([`normalise`]d): for an ASCII word, as most are, a slice of the
/// document's text lower-cased once, so a sentence's words allocate only for the others.
pub(crate) struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// The word at `span` of `text`, given the document's text after
    /// `str::to_ascii_lowercase` (which keeps every offset, and which bytes are ASCII).
    #[inline]
    fn of(span: Span, text: &str, ascii_lowered: &'a str) -> Lower<'a> {
        let lowered = span.slice(ascii_lowered);
        if lowered.is_ascii() {
            Lower(Cow::Borrowed(lowered))
        } else {
            Lower(Cow::Owned(normalise(span.slice(text))))
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Lower<'_>> for String {
    fn eq(&self, other: &Lower<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

/// Modifiers allowed between a possessor and its visit noun ("Kang's private visit").
pub(crate) fn is_noun_modifier(cues: &Cues, word: &str) -> bool {
    cues.noun_cue.contains(word)
        || word.ends_with("-day")
        || word.chars().all(|c| c.is_ascii_digit())
        || is_day_range(word)
        || is_month_word(word)
}

/// "7-8" in "his March 7-8 visit": a range of days.
fn is_day_range(word: &str) -> bool {
    word.split_once(['-', '–']).is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
    })
}

pub(crate) fn is_month_word(word: &str) -> bool {
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

pub(crate) fn normalise(token: &str) -> String {
    if token.is_ascii() {
        return token.to_ascii_lowercase();
    }
    token.to_lowercase().replace('’', "'")
}

/// A person, named or known by a singular title alone ("South Korea's foreign minister"),
/// whom "he", "she" or "the minister" can stand for.
/// `text` is the document's.
pub(crate) fn is_one_person(a: &ActorMention, text: &str) -> bool {
    match a.kind {
        MentionKind::Person => true,
        MentionKind::Group => {
            a.title.is_some() && a.name.is_none() && !a.span.slice(text).ends_with('s')
        }
        _ => false,
    }
}

/// Words after which an actor is an object, not a subject ("visited Beijing and left ...").
pub(crate) fn is_verb_like(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed"))
        || matches!(
            word,
            "visit" | "visits" | "met" | "meets" | "left" | "leaves" | "told" | "sent" | "saw"
        )
}

pub(crate) struct SentenceContext<'a> {
    pub(crate) doc: &'a Document,
    /// The coders' cue words (data/cues.tsv).
    pub(crate) cues: &'a Cues,
    pub(crate) index: usize,
    /// Every actor of the document, for pronouns ("he", "her visit").
    pub(crate) all_actors: &'a [ActorMention],
    pub(crate) dateline_place: Option<&'a PlaceMention>,
    pub(crate) words: &'a [Word<'a>],
    pub(crate) actors: Vec<&'a ActorMention>,
    pub(crate) places: Vec<&'a PlaceMention>,
    pub(crate) times: Vec<&'a TimeMention>,
    pub(crate) durations: Vec<&'a DurationMention>,
    pub(crate) is_question: bool,
    /// Whether the sentence is the document's headline ("Iranian Foreign Minister in Moscow").
    pub(crate) is_title: bool,
    /// The one country the sentence names (by its actors and places), if it names just one:
    /// the country of a titled person the document never gave one (see [`Self::unqualified`]).
    pub(crate) home: Option<&'a CountryCode>,
    /// The sides [`Self::actor`] made of this sentence's mentions, by the mention's address:
    /// a mention that is the side of several events (source, target, claimant) is described
    /// once, and its events share the words.
    built: RefCell<Vec<(*const ActorMention, Actor)>>,
    /// [`Self::scene`], found at the first asking.
    scene: OnceCell<(bool, bool)>,
}

impl<'a> SentenceContext<'a> {
    /// Word index range `[start, end)` of the clause around word `i`.
    pub(crate) fn clause(&self, i: usize) -> (usize, usize) {
        let boundary = (0..i).rev().find(|&j| self.words[j].boundary);
        let start = match boundary {
            // "Anwar Rahman, who is on a visit to Indonesia, met ...": after a relative clause
            // set off by commas, the main clause goes on; its subject is before ", who".
            Some(j)
                if j >= 2
                    && matches!(self.words[j].lower.as_str(), "who" | "which")
                    && self.words[j - 1].lower == ","
                    && self.words[j + 1..i].iter().any(|w| w.lower == ",") =>
            {
                self.clause(j - 2).0
            }
            Some(j) => j + 1,
            None => 0,
        };
        // "If Beijing sends warships, Kuala Lumpur will protest": an opening condition ends at
        // its first comma; the main clause (and its subject) comes after it.
        let start = match self.words.first() {
            Some(w) if w.lower == "if" => (0..i)
                .find(|&j| self.words[j].lower == ",")
                .map_or(start, |c| start.max(c + 1)),
            _ => start,
        };
        let mut end = (i + 1..self.words.len())
            .find(|&j| self.words[j].boundary)
            .unwrap_or(self.words.len());
        if let Some(c) = self.opening_condition_end(i) {
            end = end.min(c);
        }
        (start, end)
    }

    /// "Were Iran to attack Israel, the United States would respond": for word `i` in a
    /// condition that opens the sentence (no comma before it yet), the condition's comma.
    pub(crate) fn opening_condition_end(&self, i: usize) -> Option<usize> {
        if !self.opens_with_condition() || self.words[..i].iter().any(|w| w.lower == ",") {
            return None;
        }
        (i + 1..self.words.len()).find(|&j| self.words[j].lower == ",")
    }

    /// Whether the sentence opens with a condition: "If ...", "Unless ...", or an inverted one
    /// in a sentence that is no question ("Should China attack ...", "Were Iran to ...").
    pub(crate) fn opens_with_condition(&self) -> bool {
        self.words.first().is_some_and(|w| {
            self.cues.condition.contains(&w.lower)
                || (!self.is_question && self.cues.inverted_condition.contains(&w.lower))
        })
    }

    /// Byte offset where word `j` starts, or the sentence end.
    pub(crate) fn at(&self, j: usize) -> usize {
        self.words.get(j).map_or_else(
            || self.words.last().map_or(0, |w| w.span.end),
            |w| w.span.start,
        )
    }

    /// Index of the first word starting at or after byte `offset`.
    pub(crate) fn word_at(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.start < offset)
    }

    /// Index of the last word of a span.
    pub(crate) fn last_word_of(&self, span: Span) -> usize {
        self.words
            .partition_point(|w| w.span.start < span.end)
            .saturating_sub(1)
    }

    /// The index of a possessive pronoun owning the noun at word `i`, past its modifiers:
    /// "his three-day visit".
    pub(crate) fn possessive_pronoun_before(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0
            && is_noun_modifier(self.cues, &self.words[j - 1].lower)
            && !self.cues.pronoun.contains(&self.words[j - 1].lower)
        {
            j -= 1;
        }
        (j > 0 && matches!(self.words[j - 1].lower.as_str(), "his" | "her")).then(|| j - 1)
    }

    /// An actor that possesses the noun at word `i`: "Kang Sok Ju's visit", "Lavrov's trip";
    /// "his visit" resolves the pronoun.
    pub(crate) fn possessor_before(&self, i: usize) -> Option<&'a ActorMention> {
        let trigger_start = self.words[i].span.start;
        if let Some(pronoun) = self.possessive_pronoun_before(i) {
            return self.antecedent(pronoun);
        }
        let actor = self
            .actors
            .iter()
            .rev()
            .find(|a| a.span.end <= trigger_start)?;
        let first_after = self.word_at(actor.span.end);
        let between = &self.words[first_after.min(i)..i];
        let actor_text = actor.span.slice(&self.doc.text);
        // "Sargsyan's": the mention may stop before the possessive of its own token.
        let rest = &self.doc.text[actor.span.end..];
        let possessive = actor_text.ends_with("'s")
            || actor_text.ends_with("’s")
            || rest.starts_with("'s")
            || rest.starts_with("’s")
            || between
                .first()
                .is_some_and(|w| matches!(w.lower.as_str(), "'s" | "s" | "'"));
        let only_modifiers = between
            .iter()
            .all(|w| is_noun_modifier(self.cues, &w.lower) || w.lower == "'");
        (possessive && only_modifiers && actor.country.is_some()).then_some(*actor)
    }

    /// The person a pronoun at word `w` stands for, only where it is unambiguous (we do not
    /// know a name's gender): in the nearest of this sentence (before it) and the two before
    /// that names a person with a country, the one person named, however often ("Choe ...
    /// Choe Son Hui ... she"); none when that sentence names two people, or when another name
    /// stands between.
    pub(crate) fn antecedent(&self, w: usize) -> Option<&'a ActorMention> {
        self.antecedent_before(w, self.words[w].span.start)
    }

    /// [`Self::antecedent`] of the pronoun at word `w` among the people named before byte
    /// `before`.
    fn antecedent_before(&self, w: usize, before: usize) -> Option<&'a ActorMention> {
        let earliest = self.index.saturating_sub(2);
        let from = self.all_actors.partition_point(|a| a.sentence < earliest);
        let to = self.all_actors.partition_point(|a| a.span.start < before);
        let mut people = self.all_actors[from.min(to)..to].iter().filter(|a| {
            a.span.end <= before
                && a.sentence <= self.index
                && is_one_person(a, &self.doc.text)
                && a.country.is_some()
        });
        let candidate = people.next_back()?;
        if people
            .rev()
            .take_while(|a| a.sentence == candidate.sentence)
            .any(|a| a.name != candidate.name)
        {
            return None;
        }
        // Another name between the candidate and the pronoun makes it ambiguous: in "Choi, an
        // interpreter for Bill Clinton during his 2009 visit", "his" is Clinton's.
        let known = |s: Span| {
            self.all_actors.iter().any(|a| a.span.contains(s))
                || self.places.iter().any(|p| p.span.contains(s))
                || self.times.iter().any(|t| t.span.contains(s))
        };
        let other_name = self.words.get(1..w).unwrap_or(&[]).iter().any(|x| {
            x.span.start >= candidate.span.end
                && self.doc.text[x.span.start..].starts_with(char::is_uppercase)
                && x.lower != "i"
                && !self.cues.calendar.contains(&x.lower)
                && !known(x.span)
        });
        (!other_name).then_some(candidate)
    }

    /// The person an object pronoun at word `k` stands for ("met him", "told her that"), by
    /// [`Self::antecedent`]; "her" only where no noun follows it ("her counterpart" is the
    /// counterpart's).
    fn object_pronoun(&self, k: usize) -> Option<&'a ActorMention> {
        match self.words[k].lower.as_str() {
            "him" => {}
            "her" => {
                let next = self.words.get(k + 1).map(|w| w.lower.as_str());
                let object = next.is_none_or(|n| {
                    !n.starts_with(char::is_alphanumeric)
                        || self.cues.boundary.contains(n)
                        || self.cues.after_object.contains(n)
                });
                if !object {
                    return None;
                }
            }
            _ => return None,
        }
        // The subject of its own clause is never an object pronoun's: in "Kim met him", "him"
        // is someone else.
        let clause_start = self.at(self.clause(k).0);
        self.antecedent_before(k, clause_start)
    }

    /// The subject: the first actor with a country in the clause before word `i`, skipping
    /// "according to X", places after a preposition ("in Moscow, ...") and objects of a verb
    /// ("visited Beijing and left for Moscow"); else a pronoun's antecedent.
    pub(crate) fn subject(&self, clause_start: usize, i: usize) -> Option<&'a ActorMention> {
        self.subject_where(clause_start, i, |a| a.country.is_some())
    }

    /// [`Self::subject`] among the actors `eligible` accepts (the pattern coder also takes
    /// organisations with a code and no country: "the United Nations").
    pub(crate) fn subject_where(
        &self,
        clause_start: usize,
        i: usize,
        eligible: impl Fn(&ActorMention) -> bool,
    ) -> Option<&'a ActorMention> {
        let (from, to) = (self.at(clause_start), self.words[i].span.start);
        let named = self.actors.iter().copied().find(|a| {
            if a.span.start < from || a.span.end > to || !eligible(a) {
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
            // "partners, including Japan and Canada, ...": an object or a list, no subject.
            let object = prev.is_some_and(|p| self.cues.object_preposition.contains(p));
            !according && !place_object && !verb_object && !object
        });
        named
            .or_else(|| {
                let pronoun = (clause_start..i)
                    .find(|&j| matches!(self.words[j].lower.as_str(), "he" | "she"))?;
                self.antecedent(pronoun)
            })
            .or_else(|| self.relative_antecedent(clause_start, &eligible))
    }

    /// "Anwar Rahman, who is on a visit to Indonesia": in a relative clause set off by a comma,
    /// the subject is the actor just before ", who".
    fn relative_antecedent(
        &self,
        clause_start: usize,
        eligible: &impl Fn(&ActorMention) -> bool,
    ) -> Option<&'a ActorMention> {
        let who = clause_start.checked_sub(1)?;
        let comma = who.checked_sub(1)?;
        if !matches!(self.words[who].lower.as_str(), "who" | "which")
            || self.words[comma].lower != ","
        {
            return None;
        }
        let before = self.words[comma].span.start;
        self.actors
            .iter()
            .copied()
            .filter(|a| {
                eligible(a) && a.span.end <= before && self.last_word_of(a.span) + 1 == comma
            })
            .last()
    }

    /// The claimant of an event triggered at word `i`: who the sentence says reported it.
    ///
    /// - a speech verb before the trigger governs its clause ("Zakharova said that Choe is
    ///   scheduled to meet Lavrov", "Peskov told reporters ...", "Russia said on Tuesday it
    ///   would ..."): the claimant is that verb's subject;
    /// - "according to KCNA" anywhere in the sentence;
    /// - an attribution after the trigger, led by a comma ("..., the Kremlin said", "..., state
    ///   media reported"): the actor named in it, else its words ("state media").
    ///
    /// A speaker with no actor mention is kept as its words alone ("officials", "the report").
    /// `earlier` are the document's events before this sentence, whose claimants a bare "the
    /// office said" refers back to.
    pub(crate) fn claimant(&self, i: usize, earlier: &[EventMention]) -> Option<Actor> {
        self.claimant_as_written(i)
            .map(|a| self.state_body(a, earlier))
    }

    /// A claimant that is a state body with no country ("the interior ministry said", "his
    /// office said"): the country of the person "his"/"her" stands for (the sentence's first
    /// person with one); for a bare "the office", "the ministry", that of the latest earlier
    /// claimant with the same last word ("his office said ... the office said"), with none
    /// the dateline's; else the dateline's, as wire copy leaves its home country's bodies
    /// unqualified ("the government said" in a story from N'Djamena).
    fn state_body(&self, mut a: Actor, earlier: &[EventMention]) -> Actor {
        let Some(text) = a.text.as_deref().filter(|_| a.country.is_none()) else {
            return a;
        };
        let lower = text.to_ascii_lowercase();
        let last = lower.rsplit(' ').next().unwrap_or_default();
        if !self.cues.state_body.contains(last) {
            return a;
        }
        let possessive = matches!(lower.split(' ').next(), Some("his" | "her"));
        let person = || {
            self.actors
                .iter()
                .filter(|m| m.kind == MentionKind::Person)
                .find_map(|m| self.country_of(m).cloned())
        };
        let dateline = || self.dateline_place.and_then(|p| p.country.clone());
        let bare = lower.split(' ').count() == 2 && lower.starts_with("the ");
        let before = || {
            earlier.iter().rev().find_map(|e| {
                let c = e.claimant.as_ref()?;
                let said = c.text.as_deref()?.to_ascii_lowercase();
                said.split(' ')
                    .any(|w| w == last)
                    .then(|| c.country.clone())
                    .flatten()
            })
        };
        a.country = match (possessive, bare) {
            (true, _) => person(),
            (false, true) => before().or_else(dateline),
            (false, false) => dateline(),
        };
        a
    }

    fn claimant_as_written(&self, i: usize) -> Option<Actor> {
        if let Some(a) = self.according_to(0, self.words.len()) {
            return Some(a);
        }
        if let Some(v) = self.governing_speech_verb(i) {
            let (start, _) = self.clause(v);
            return match self.subject_where(start, v, |_| true) {
                Some(m) => Some(self.actor(m)),
                None => self.speaker_words(start, v),
            };
        }
        let comma = (i + 1..self.words.len()).find(|&k| {
            self.words[k].lower == ","
                && self.words[k + 1..]
                    .iter()
                    .take_while(|w| w.lower != ",")
                    .any(|w| self.cues.speech.contains(&w.lower))
        })?;
        let end = (comma + 1..self.words.len())
            .find(|&k| self.words[k].lower == ",")
            .unwrap_or(self.words.len());
        let verb = (comma + 1..end).find(|&k| self.cues.speech.contains(&self.words[k].lower))?;
        self.speaker_in(comma + 1, end, verb)
    }

    /// The speaker named in words `from..to` (`words_end` ends the words that name it): the
    /// first actor there; an actor after a preposition is where the speaker is, not the
    /// speaker ("analysts in Beijing said": the analysts, in China); else the words alone.
    fn speaker_in(&self, from: usize, to: usize, words_end: usize) -> Option<Actor> {
        let (a, b) = (self.at(from), self.at(to));
        let Some(first) = self
            .actors
            .iter()
            .find(|m| m.span.start >= a && m.span.end <= b)
        else {
            return self.speaker_words(from, words_end);
        };
        let w = self.word_at(first.span.start);
        let placed = w > from
            && matches!(
                self.words[w - 1].lower.as_str(),
                "in" | "at" | "from" | "of" | "near"
            );
        if !placed {
            return Some(self.actor(first));
        }
        let mut speaker = self.speaker_words(from, words_end)?;
        speaker.country = first.country.clone();
        Some(speaker)
    }

    /// The nearest speech verb before word `i` whose complement holds `i`: not a noun ("the
    /// reported attack"), not inside a relative clause ("Kim, who said he was tired, met ..."),
    /// and with no semicolon, nor a comma but one that opens "that", between it and the trigger.
    fn governing_speech_verb(&self, i: usize) -> Option<usize> {
        let v = (0..i).rev().find(|&j| {
            self.cues.speech.contains(&self.words[j].lower) && self.words[j].lower != "according"
        })?;
        let noun = v > 0
            && matches!(
                self.words[v - 1].lower.as_str(),
                "the" | "a" | "an" | "its" | "their"
            );
        // "Moscow says ... to meet Lavin; Seoul protests": a semicolon ends what was said.
        let comma_between = (v + 1..i).any(|k| {
            self.words[k].lower == ";"
                || (self.words[k].lower == ","
                    && self.words.get(k + 1).is_none_or(|w| w.lower != "that"))
        });
        let (start, _) = self.clause(v);
        let relative = start
            .checked_sub(1)
            .is_some_and(|b| matches!(self.words[b].lower.as_str(), "who" | "which"));
        (!noun && !comma_between && !relative).then_some(v)
    }

    /// "according to KCNA" between words `from` and `to`: the actor named, else the words up
    /// to the next comma ("according to the report").
    fn according_to(&self, from: usize, to: usize) -> Option<Actor> {
        let k = (from..to.saturating_sub(1))
            .find(|&k| self.words[k].lower == "according" && self.words[k + 1].lower == "to")?;
        let end = (k + 2..to)
            .find(|&j| self.words[j].lower == ",")
            .unwrap_or(to);
        self.speaker_in(k + 2, end, end)
    }

    /// A speaker known only by its words (words `from..to`, after a comma): "state media",
    /// "diplomats", "the ministry". Nothing for a pronoun or a long stretch, which is more
    /// likely a clause than a speaker.
    fn speaker_words(&self, from: usize, to: usize) -> Option<Actor> {
        let from = (from..to)
            .rev()
            .find(|&k| self.words[k].lower == ",")
            .map_or(from, |c| c + 1);
        let mut words = self.words.get(from..to)?;
        // "the Joint Chiefs of Staff (JCS) said": an abbreviation in brackets after the name.
        if words.last().is_some_and(|w| w.lower == ")") {
            if let Some(open) = words.iter().rposition(|w| w.lower == "(") {
                words = &words[..open];
            }
        }
        // "according to the report.": the sentence's last stop is no part of the speaker.
        while let Some((last, rest)) = words.split_last() {
            if last.lower.chars().any(char::is_alphabetic) {
                break;
            }
            words = rest;
        }
        let pronoun = words.len() == 1
            && matches!(
                words[0].lower.as_str(),
                "it" | "they" | "he" | "she" | "we" | "i"
            );
        if words.is_empty()
            || words.len() > 5
            || pronoun
            || words
                .iter()
                .any(|w| !w.lower.chars().any(char::is_alphabetic))
        {
            return None;
        }
        let text = &self.doc.text[words[0].span.start..words[words.len() - 1].span.end];
        Some(Actor {
            text: Some(text.into()),
            ..Actor::default()
        })
    }

    /// A titled person with no country from the text or the document ("President Mugabe",
    /// never introduced as Zimbabwe's), who takes the sentence's [`Self::home`] country: in a
    /// sentence that names one country, a bare office holder is most often that country's
    /// (domestic events: "opposition groups in Zimbabwe demanded that President ... resign").
    pub(crate) fn unqualified(&self, m: &ActorMention) -> bool {
        m.kind == MentionKind::Person
            && m.title.is_some()
            && m.country.is_none()
            && m.code.is_none()
    }

    /// The country of a mention: its own, else the sentence's for an unqualified person.
    pub(crate) fn country_of<'b>(&'b self, m: &'b ActorMention) -> Option<&'b CountryCode> {
        m.country
            .as_ref()
            .or_else(|| self.home.filter(|_| self.unqualified(m)))
    }

    /// Whether the sentence reports sports, and whether an accident
    /// ([`crate::patterns::sentence_scene`]): asked by both coders, found once.
    pub(crate) fn scene(&self) -> (bool, bool) {
        *self
            .scene
            .get_or_init(|| crate::patterns::sentence_scene(self))
    }

    pub(crate) fn actor(&self, m: &ActorMention) -> Actor {
        let key: *const ActorMention = m;
        if let Some((_, a)) = self.built.borrow().iter().find(|(k, _)| *k == key) {
            return a.clone();
        }
        let a = self.describe(m);
        self.built.borrow_mut().push((key, a.clone()));
        a
    }

    fn describe(&self, m: &ActorMention) -> Actor {
        let country = self.country_of(m).cloned();
        Actor {
            text: Some(m.span.slice(&self.doc.text).into()),
            name: m.name.as_deref().map(Arc::from),
            title: m.title.as_deref().map(Arc::from),
            code: m.code.clone().or_else(|| {
                country
                    .as_ref()
                    .and_then(|c| ActorCode::parse(c.as_str()).ok())
            }),
            country,
        }
    }

    /// Whether what the negating verb at word `v` denies ends before word `i`: at a semicolon,
    /// at a participle after a comma ("denied that its troops fired the shells, blaming the
    /// rebels"), or at a speech verb after "and" ("denied the accusations and said Moscow would
    /// respond"): the subject's own next act, not denied.
    /// ("rejected the allegations as baseless and summoned its envoy": after a denied noun, a
    /// second verb in "-ed" is the subject's own act too; "denied that it had seized a boat and
    /// detained its crew" denies both.)
    fn denial_ends(&self, v: usize, i: usize) -> bool {
        let mut clause = false;
        (v + 1..i).any(|k| {
            let next = self.words.get(k + 1).map_or("", |w| w.lower.as_str());
            match self.words[k].lower.as_str() {
                ";" => true,
                "," => next.len() > 4 && next.ends_with("ing"),
                "and" => {
                    self.cues.speech.contains(next)
                        || (!clause && next.len() > 4 && next.ends_with("ed"))
                }
                "that" => {
                    clause = true;
                    false
                }
                _ => false,
            }
        })
    }

    /// Whether a plan cue ("will", "is scheduled", "due") follows in words `from..clause_end`:
    /// the verb of a clause whose subject is the event's noun ("the trip will focus on").
    pub(crate) fn plan_after(&self, from: usize, clause_end: usize) -> bool {
        self.words
            .get(from..clause_end)
            .unwrap_or_default()
            .iter()
            .any(|w| self.cues.plan.contains(&w.lower))
    }

    pub(crate) fn modality(&self, clause_start: usize, i: usize) -> Modality {
        let before = &self.words[..i];
        let clause = &before[clause_start..];
        let near = &clause[clause.len().saturating_sub(8)..];
        if clause.iter().any(|w| self.cues.negation.contains(&w.lower))
            || before
                .iter()
                .enumerate()
                .any(|(v, w)| self.cues.negating_verb.contains(&w.lower) && !self.denial_ends(v, i))
        {
            return Modality::Negated;
        }
        // "... if (unless) Z happens" after the trigger, or a sentence that opens with its
        // condition ("If Beijing sends warships, Kuala Lumpur will protest"; "Should China
        // attack Taiwan, ..."; "Were Iran to strike, ..."). A clause opened by a condition
        // ("... unless Ghana withdraws its troops") is one too.
        // The condition closes the trigger's own clause: in "accused the UK of meddling and
        // warned that China will act if ...", the accusation is no condition's.
        let clause_end = self.clause(i).1;
        let conditional = self
            .words
            .get(clause_end)
            .is_some_and(|w| self.cues.condition.contains(&w.lower))
            || self.opens_with_condition()
            || clause_start
                .checked_sub(1)
                .is_some_and(|b| self.cues.condition.contains(&self.words[b].lower));
        if self.is_question
            || conditional
            || near
                .iter()
                .any(|w| self.cues.possibility.contains(&w.lower))
            || before
                .iter()
                .any(|w| self.cues.speculation.contains(&w.lower))
        {
            return Modality::Possible;
        }
        // "plans to visit", "to make a state visit": an infinitive trigger is not (yet) an event.
        let mut j = clause.len();
        while j > 0
            && (is_noun_modifier(self.cues, &clause[j - 1].lower)
                || self.cues.light_verb.contains(&clause[j - 1].lower))
        {
            j -= 1;
        }
        // ... but "continued to send arms", "began to withdraw" report the act.
        let infinitive = j > 0
            && clause[j - 1].lower == "to"
            && !(j > 1 && self.cues.aspect_verb.contains(&clause[j - 2].lower));
        // "plans to", "is set to", "is due to arrive", not "the Israeli plan", "due to the
        // storm": these four are cues only before "to" and a verb.
        let cue = |k: usize| {
            let w = self.words[k].lower.as_str();
            self.cues.plan.contains(w)
                && (!matches!(w, "plan" | "plans" | "set" | "due")
                    || (self.words.get(k + 1).is_some_and(|n| n.lower == "to")
                        && self
                            .words
                            .get(k + 2)
                            .is_some_and(|n| !self.cues.determiner.contains(&n.lower))))
        };
        let near_from = i - near.len();
        if (near_from..i).any(cue) || infinitive || near.last().is_some_and(|w| w.lower == "next") {
            return Modality::Planned;
        }
        Modality::Actual
    }

    /// How long the event lasted: a duration inside the trigger ("paid a three-day visit"),
    /// else one right before it, modifying its noun ("a week-long trip", "the five-day state
    /// visit": at most two words between, no comma), else the first after it in the clause
    /// ("stayed in Moscow for three days").
    pub(crate) fn duration(
        &self,
        clause_start: usize,
        clause_end: usize,
        trigger: Span,
    ) -> Option<Duration> {
        let (a, b) = (self.at(clause_start), self.at(clause_end));
        let text = &self.doc.text;
        let in_clause = || {
            self.durations
                .iter()
                .filter(move |d| d.span.start >= a && d.span.start < b)
        };
        let modifies = |d: &&&DurationMention| {
            d.span.end <= trigger.start
                && text
                    .get(d.span.end..trigger.start)
                    .is_some_and(|gap| gap.split_whitespace().count() <= 2 && !gap.contains(','))
        };
        in_clause()
            .find(|d| trigger.contains(d.span))
            .or_else(|| in_clause().rev().find(modifies))
            .or_else(|| in_clause().find(|d| d.span.start >= trigger.end))
            .map(|d| d.value)
    }

    /// The time expression for a target: one inside the trigger ("held Monday's talks"), else
    /// the first one after the target (before the next target, else after any), else the
    /// nearest after the trigger, else the nearest before it ("their Sept. 13 meeting"), all
    /// within the clause; else the publication date.
    ///
    /// A vague one ("recently", "soon") dates the event only when it touches the trigger
    /// ("recently visited", "the recent visit") or ends the target ("visited Seoul recently"),
    /// and no real date follows the target at once ("previously traveled to Hanoi on Feb. 12,
    /// 2024"); it then stands for the publication date, basis reported, as no time expression
    /// would, and keeps a later date in the clause from being taken ("recently visited Moscow
    /// and will go to Beijing next week"). Elsewhere it is passed over for a real date.
    pub(crate) fn date(
        &self,
        clause_start: usize,
        clause_end: usize,
        trigger: Span,
        target: Span,
        next_target: Option<usize>,
    ) -> (Option<DateValue>, DateBasis, Option<Vague>) {
        let (a, b) = (self.at(clause_start), self.at(clause_end));
        let in_clause: Vec<&&TimeMention> = self
            .times
            .iter()
            .filter(|t| t.span.start >= a && t.span.start < b)
            .collect();
        let text = &self.doc.text;
        let blank = |from: usize, to: usize| {
            from <= to && text.get(from..to).is_some_and(|s| s.trim().is_empty())
        };
        let touching = in_clause.iter().find(|t| {
            t.vague.is_some()
                && (blank(t.span.end, trigger.start) || blank(target.end, t.span.start))
        });
        // "previously traveled to Hanoi on Feb. 12, 2024": a date right after the target
        // (a preposition or two between) is the event's own and beats the vague word.
        let right_after_target = |t: &&&TimeMention| {
            t.vague.is_none()
                && t.span.start >= target.end
                && text
                    .get(target.end..t.span.start)
                    .is_some_and(|gap| gap.split_whitespace().count() <= 2 && !gap.contains(','))
        };
        if let Some(vague) = touching.filter(|_| !in_clause.iter().any(right_after_target)) {
            let published = self.doc.published.map(DateValue::day);
            return (published, DateBasis::Reported, vague.vague);
        }
        let in_clause: Vec<&&TimeMention> = in_clause
            .into_iter()
            .filter(|t| t.vague.is_none())
            .collect();
        let limit = next_target.unwrap_or(usize::MAX);
        // "to Beijing on Thursday and to Tokyo on Saturday": each target its own date; "to
        // Seoul and Tokyo on Feb. 2": a date after the last target serves them all.
        // "held Monday's talks with", "paid a Feb. 15-17 visit to": a date between the verb
        // and the noun of the trigger modifies the event itself.
        let chosen = in_clause
            .iter()
            .find(|t| trigger.contains(t.span))
            .or_else(|| {
                in_clause
                    .iter()
                    .find(|t| t.span.start >= target.end && t.span.start < limit)
            })
            .or_else(|| in_clause.iter().find(|t| t.span.start >= target.end))
            .or_else(|| {
                in_clause
                    .iter()
                    .find(|t| t.span.start >= trigger.end && t.span.start < limit)
            })
            .or_else(|| in_clause.iter().rev().find(|t| t.span.end <= trigger.start));
        // "is visiting Moscow through Feb. 17": an end is no start (the tagger marks ends).
        let chosen = chosen.filter(|t| !t.end);
        let (start, basis) = match chosen {
            Some(t) => (Some(t.value), t.basis),
            None => (self.doc.published.map(DateValue::day), DateBasis::Reported),
        };
        let start = start.map(|s| self.until(s, trigger, chosen.map(|t| t.span)));
        (start, basis, None)
    }

    /// The last two words before byte `at` of the sentence, punctuation trimmed: (nearest, the
    /// one before it). Compare them with `eq_ignore_ascii_case`.
    fn words_before(&self, at: usize) -> (&str, &str) {
        let from = self.doc.sentences[self.index].span.start;
        let mut words = self
            .doc
            .text
            .get(from..at)
            .unwrap_or_default()
            .split_whitespace()
            .rev()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        let w0 = words.next().unwrap_or_default();
        (w0, words.next().unwrap_or_default())
    }

    /// The event's start day stretched to the end the sentence gives after the trigger:
    /// "until Friday", "till Oct. 21", "through Feb. 17", "(that) ends next Wednesday", "from
    /// Monday to Wednesday". With no start in the text, the publication day stands in for it
    /// ("will stay until Friday"). An end on a weekday before the start is that weekday of
    /// the week after ("from Friday to Monday"); an end not after the start changes nothing.
    fn until(&self, start: DateValue, trigger: Span, chosen: Option<Span>) -> DateValue {
        if start.precision != Precision::Day {
            return start;
        }
        let from_start =
            chosen.is_some_and(|c| self.words_before(c.start).0.eq_ignore_ascii_case("from"));
        let end = self
            .times
            .iter()
            .filter(|t| t.vague.is_none() && t.value.precision == Precision::Day)
            .filter(|t| t.span.start >= trigger.end && Some(t.span) != chosen)
            .find(|t| {
                t.end
                    || (from_start && self.words_before(t.span.start).0.eq_ignore_ascii_case("to"))
            });
        let Some(end) = end else {
            return start;
        };
        let mut last = end.value.last;
        if last < start.first && (start.first - last).get_days() < 7 {
            last = last.checked_add(jiff::Span::new().days(7)).unwrap_or(last);
        }
        if last <= start.last {
            return start;
        }
        DateValue::day_range(start.first, last)
    }
}
/// The mentions inside `sentence`, appended to `into`. Mentions come sorted by span (the entities and time
/// stages promise it), so a binary search finds them without scanning the document's list for
/// every sentence.
fn within<'m, M>(
    mut into: Vec<&'m M>,
    mentions: &'m [M],
    span: impl Fn(&M) -> Span,
    sentence: Span,
) -> Vec<&'m M> {
    let from = mentions.partition_point(|m| span(m).start < sentence.start);
    let to = mentions.partition_point(|m| span(m).start < sentence.end);
    into.extend(
        mentions[from..to.max(from)]
            .iter()
            .filter(|m| sentence.contains(span(m))),
    );
    into
}

/// `v` emptied, for references of another lifetime: a sentence's lists of mentions reuse the
/// last sentence's allocations (collecting a vector's own empty iterator keeps its buffer).
fn recycle<'b, T>(mut v: Vec<&T>) -> Vec<&'b T> {
    v.clear();
    v.into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

/// Build the context of every non-empty sentence of `doc` and hand it to `f`: the one loop
/// every coder shares, so words are lower-cased and mentions filtered once per sentence.
pub(crate) fn for_each_sentence(
    doc: &Document,
    cues: &Cues,
    actors: &[ActorMention],
    places: &[PlaceMention],
    times: &[TimeMention],
    durations: &[DurationMention],
    mut f: impl FnMut(&SentenceContext<'_>),
) {
    // "arrived here": the dateline's city.
    let dateline_place = doc.dateline.as_ref().and_then(|d| {
        places
            .iter()
            .find(|p| d.span.contains(p.span) && p.country.is_some())
    });
    // ASCII letters lower-cased, every other byte kept, so a token's span slices it too.
    let lowered = doc.text.to_ascii_lowercase();
    // Most wire copy is ASCII through and through: then every word's lower-case form is a
    // slice of `lowered`, with no word to check.
    let ascii = lowered.is_ascii();
    let mut words: Vec<Word> = Vec::new();
    // The last sentence's lists, emptied: their allocations serve the next sentence.
    let mut spare = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut built = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        words.clear();
        // Whether an object pronoun may stand in the sentence: most sentences have none.
        let mut him_or_her = false;
        // Whether "as" and ", and" stand in it (see below): most sentences have neither.
        let (mut has_as, mut comma_and, mut after_comma) = (false, false, false);
        words.extend(doc.tokens[sentence.tokens.clone()].iter().map(|t| {
            let lower = if ascii {
                Lower(Cow::Borrowed(t.span.slice(&lowered)))
            } else {
                Lower::of(t.span, &doc.text, &lowered)
            };
            him_or_her |= matches!(lower.as_str(), "him" | "her");
            has_as |= lower.as_str() == "as";
            comma_and |= after_comma && lower.as_str() == "and";
            after_comma = lower.as_str() == ",";
            Word {
                span: t.span,
                boundary: cues.boundary.contains(&lower),
                lower,
            }
        }));
        if words.is_empty() {
            continue;
        }
        // "condemned the launch as a clear violation of U.N. resolutions and agreed ...": "as"
        // before "a" names what something is called and opens no clause.
        // ("rejected the allegations as baseless and summoned ...": nor before one word that
        // "and" or a comma closes.)
        let as_end = if has_as {
            words.len().saturating_sub(1)
        } else {
            0
        };
        for k in 0..as_end {
            if words[k].lower != "as" {
                continue;
            }
            let predicative = matches!(words[k + 1].lower.as_str(), "a" | "an")
                || (words[k + 1]
                    .span
                    .slice(&doc.text)
                    .bytes()
                    .all(|b| b.is_ascii_lowercase())
                    && words
                        .get(k + 2)
                        .is_some_and(|w| matches!(w.lower.as_str(), "and" | ",")));
            if k > 0 && predicative {
                words[k].boundary = false;
            }
        }
        let sentence_actors = within(recycle(spare.0), actors, |a| a.span, sentence.span);
        let sentence_places = within(recycle(spare.1), places, |p| p.span, sentence.span);
        let mut countries = sentence_actors
            .iter()
            .filter_map(|a| a.country.as_ref())
            .chain(sentence_places.iter().filter_map(|p| p.country.as_ref()));
        let home = countries
            .next()
            .filter(|first| countries.all(|c| c == *first));
        let is_title = index == 0
            && doc
                .title
                .as_deref()
                .is_some_and(|t| t.trim() == sentence.span.slice(&doc.text).trim());
        if is_title || comma_and {
            new_subject_clauses(&mut words, &sentence_actors, is_title);
        }
        let mut ctx = SentenceContext {
            doc,
            cues,
            index,
            all_actors: actors,
            dateline_place,
            words: &words,
            actors: sentence_actors,
            places: sentence_places,
            times: within(recycle(spare.2), times, |t| t.span, sentence.span),
            durations: within(recycle(spare.3), durations, |d| d.span, sentence.span),
            // "Why Beijing will bring ..." opens an explainer, not a report.
            is_question: sentence.span.slice(&doc.text).trim_end().ends_with('?')
                || matches!(words[0].lower.as_str(), "why" | "how"),
            is_title,
            home,
            built: RefCell::new(built),
            scene: OnceCell::new(),
        };
        // "Lavrov met him": an object pronoun stands in the sentence as the person it resolves
        // to, at the pronoun's own span, so slots and objects find it where it is.
        let pronouns: Vec<ActorMention> = match him_or_her {
            false => Vec::new(),
            true => (0..words.len())
                .filter_map(|k| {
                    let a = ctx.object_pronoun(k)?;
                    Some(ActorMention {
                        span: words[k].span,
                        sentence: index,
                        ..a.clone()
                    })
                })
                .collect(),
        };
        if !pronouns.is_empty() {
            ctx.actors.extend(&pronouns);
            ctx.actors.sort_by_key(|a| a.span);
        }
        f(&ctx);
        built = ctx.built.into_inner();
        built.clear();
        spare = (
            recycle(ctx.actors),
            recycle(ctx.places),
            recycle(ctx.times),
            recycle(ctx.durations),
        );
    }
}

/// Commas that open a clause with its own subject: in a headline, a comma after a clause with
/// a word of its own beside its actors, followed by an actor and a word ("Malaysia detains
/// Filipino fishermen, Manila summons envoy"); in any sentence, ", and" so followed
/// ("demonstrators marched through Santiago, and police detained 20 people": the police
/// detained, not Santiago). "Japan, Philippines defence chiefs agree ...", "Russia, China, and
/// Iran signed" and "Mali expels envoy, accuses Paris" keep one subject: no word but actors
/// before the comma, or no actor after it.
fn new_subject_clauses(words: &mut [Word<'_>], actors: &[&ActorMention], is_title: bool) {
    let covered = |w: &Word<'_>| actors.iter().any(|a| a.span.contains(w.span));
    let mut start = 0;
    for k in 0..words.len() {
        if words[k].boundary {
            start = k + 1;
            continue;
        }
        if words[k].lower != "," {
            continue;
        }
        let and = words.get(k + 1).is_some_and(|w| w.lower == "and");
        if !is_title && !and {
            continue;
        }
        let opener = if and { k + 1 } else { k };
        let own_word = words[start..k]
            .iter()
            .any(|w| !covered(w) && w.lower.bytes().any(|b| b.is_ascii_alphabetic()));
        let subject = words.get(opener + 1).and_then(|w| {
            actors
                .iter()
                .find(|a| a.span.start == w.span.start)
                .map(|a| a.span.end)
        });
        let verb_after = subject.is_some_and(|end| {
            words.iter().find(|w| w.span.start >= end).is_some_and(|w| {
                w.lower.bytes().all(|b| b.is_ascii_alphabetic()) && w.lower != "and"
            })
        });
        if own_word && verb_after {
            words[opener].boundary = true;
            start = opener + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Stages;

    fn code(a: &attache_model::Actor) -> &str {
        a.code.as_ref().map_or("", |c| c.as_str())
    }

    /// One case per line: text, then an event by its code, source and target actor codes ("" for
    /// none), and whether the text must yield it (false: it must not). Texts are ours, in wire
    /// style; every `false` case has a `true` twin that shows the event is coded at all.
    type Case = (&'static str, &'static str, &'static str, &'static str, bool);

    fn check(cases: &[Case]) {
        let stages = Stages::new();
        let mut failures = Vec::new();
        for &(text, want, source, target, expected) in cases {
            let events = stages.code(text);
            let hit = events.iter().any(|e| {
                e.code.as_str() == want && code(&e.source) == source && code(&e.target) == target
            });
            if hit != expected {
                let got: Vec<String> = events
                    .iter()
                    .map(|e| format!("{} {}->{}", e.code, code(&e.source), code(&e.target)))
                    .collect();
                failures.push(format!(
                    "{text:?}: {want} {source}->{target} expected {expected}, got {got:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Issues 3 and 5: bare group nouns ("police", "protesters", data/groups.tsv) are event
    /// sides with their agent codes.
    #[rustfmt::skip]
    const GROUPS: &[Case] = &[
        ("Police fired tear gas at protesters in Caracas on Monday.", "175", "VENCOP", "VENOPP", true),
        ("Police arrested 40 protesters in Lagos on Sunday.", "173", "NGACOP", "NGAOPP", true),
        ("Troops clashed with insurgents in northern Iraq.", "193", "IRQMIL", "IRQINS", true),
        ("Thai police arrested two students in Bangkok.", "173", "THACOP", "THAEDU", true),
        ("Soldiers opened fire on demonstrators in Khartoum.", "193", "SDNMIL", "SDNOPP", true),
        ("Refugees from Syria staged a protest against Greece.", "141", "SYRREF", "GRC", true),
        // With no country to take, a group is no side.
        ("Police fired tear gas at protesters on Monday.", "175", "", "", false),
    ];

    #[test]
    fn bare_groups_are_event_sides() {
        check(GROUPS);
    }

    /// Pronouns are event sides only where one person can be meant: the nearest of their
    /// sentence (before them) and the two before that names people must name one; an object
    /// pronoun never stands for the subject of its own clause.
    #[rustfmt::skip]
    const PRONOUNS: &[Case] = &[
        ("Russian Foreign Minister Sergei Lavin arrived in Pyongyang on Monday. North Korean leader Kim Jong Un met him on Tuesday.", "040", "PRKGOV", "RUSGOV", true),
        ("Russian Foreign Minister Sergei Lavin and Chinese Foreign Minister Wang Lei arrived in Pyongyang on Monday. North Korean leader Kim Jong Un met him on Tuesday.", "040", "PRKGOV", "RUSGOV", false),
        ("Russian Foreign Minister Sergei Lavin and Chinese Foreign Minister Wang Lei arrived in Pyongyang on Monday. North Korean leader Kim Jong Un met him on Tuesday.", "040", "PRKGOV", "CHNGOV", false),
        ("Japanese Foreign Minister Kenji Arai arrived in Hanoi on Sunday. She criticized China on Monday.", "111", "JPNGOV", "CHN", true),
        ("Japanese Foreign Minister Kenji Arai met Vietnamese President Tran Van Long in Hanoi. He later criticized China.", "111", "JPNGOV", "CHN", false),
        ("Japanese Foreign Minister Kenji Arai met Vietnamese President Tran Van Long in Hanoi. He later criticized China.", "111", "VNMGOV", "CHN", false),
        ("Japanese Foreign Minister Kenji Arai arrived in Hanoi. Aides said China was ready. Officials were upbeat. She criticized China.", "111", "JPNGOV", "CHN", false),
        // The nearest sentence that names people decides: here it names one.
        ("Japanese Foreign Minister Kenji Arai met Vietnamese President Tran Van Long in Hanoi. Arai's visit was his first. He criticized China.", "111", "JPNGOV", "CHN", true),
    ];

    #[test]
    fn pronouns_only_where_unambiguous() {
        check(PRONOUNS);
    }
}
