//! The visit coder: CAMEO 042/043 from shallow clause analysis, no parser.
//!
//! For each trigger word (data/visits.tsv) the coder works inside the trigger's *clause*: the
//! words between the nearest clause boundaries ("that", "after", "when", "said", ";" ...). The
//! source is the possessor of a visit noun ("Lavrov's trip") or the first actor of the clause
//! that has a country (its subject, in wire copy); the target is the country of the place the
//! frame points at; modality comes from cue words before the trigger; the date is the time
//! expression of the clause, else the publication date (basis `reported`).

use std::sync::Arc;

use attache_model::{
    Actor, ActorCode, ActorMention, CameoCode, DateBasis, EventMention, Location, MentionKind,
    Modality, PlaceMention, Span,
};

use crate::clause::{is_noun_modifier, is_one_person, SentenceContext};

use crate::cues::WordIndex;
use crate::{pattern_file, CoderError};

/// The patterns compiled into the binary.
const BUILTIN_PATTERNS: &str = include_str!("../../../data/visits.tsv");

/// How many words after a host verb its passive's "by" may stand ("was welcomed at the
/// presidential palace by ...").
const BY_REACH: usize = 6;

/// Version stamped on every event mention this coder makes.
pub const CODER_VERSION: &str = "visits/0.1";

/// [`CODER_VERSION`] as every event mention of this coder shares it.
static VERSION: std::sync::LazyLock<Arc<str>> =
    std::sync::LazyLock::new(|| Arc::from(CODER_VERSION));

/// How a rule finds its target relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Object,
    Prep,
    PrepIn,
    LeaveFor,
    Noun,
    Host,
    Presence,
    CalledOff,
    Send,
    Expected,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "object" => Frame::Object,
            "prep" => Frame::Prep,
            "prep-in" => Frame::PrepIn,
            "leave-for" => Frame::LeaveFor,
            "noun" => Frame::Noun,
            "host" => Frame::Host,
            "presence" => Frame::Presence,
            "called-off" => Frame::CalledOff,
            "send" => Frame::Send,
            "expected" => Frame::Expected,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
struct Rule {
    /// Shared with every event mention the rule codes.
    id: Arc<str>,
    code: CameoCode,
    frame: Frame,
    /// Each trigger is one or more lower-case words.
    triggers: Vec<Vec<String>>,
}

/// The visit coder. Built once, shared by reference across threads.
#[derive(Debug, Clone)]
pub struct VisitCoder {
    rules: Vec<Rule>,
    /// The one-word triggers of the noun frame ("trip", "visit"): what "the trip was
    /// cancelled" refers back to.
    nouns: Vec<String>,
    /// (rule, trigger) indices by the trigger's first word, in file order: a word is looked
    /// up once instead of compared with every trigger.
    by_first_word: WordIndex<Vec<(usize, usize)>>,
}

impl Default for VisitCoder {
    fn default() -> Self {
        VisitCoder::new()
    }
}

impl VisitCoder {
    /// The coder with the compiled-in patterns.
    pub fn new() -> VisitCoder {
        VisitCoder::from_tsv(BUILTIN_PATTERNS, "data/visits.tsv")
            .expect("the built-in data/visits.tsv parses (guarded by a test)")
    }

    /// A coder with the user's pattern file (same format as data/visits.tsv).
    pub fn from_tsv(text: &str, path: &str) -> Result<VisitCoder, CoderError> {
        let mut rules = Vec::new();
        for row in pattern_file::rows(text, path, 4, "") {
            let row = row?;
            let err = |message: String| pattern_file::error(path, row.line, message);
            let cols = &row.cols;
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
                id: Arc::from(cols[0]),
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
        let nouns = rules
            .iter()
            .filter(|r| r.frame == Frame::Noun)
            .flat_map(|r| r.triggers.iter())
            .filter(|t| t.len() == 1)
            .map(|t| t[0].clone())
            .collect();
        let mut by_first_word: WordIndex<Vec<(usize, usize)>> = WordIndex::new();
        for (r, rule) in rules.iter().enumerate() {
            for (t, trigger) in rule.triggers.iter().enumerate() {
                by_first_word.entry(trigger[0].clone()).push((r, t));
            }
        }
        Ok(VisitCoder {
            rules,
            nouns,
            by_first_word,
        })
    }

    /// Code the visits of one sentence.
    pub(crate) fn code_sentence(&self, ctx: &SentenceContext<'_>, out: &mut Vec<EventMention>) {
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
            // "to give the hosts a 2-1 win over Russia": a sports report hosts no one.
            if rule.code.as_str() == "043" && ctx.scene().0 {
                i += len;
                continue;
            }
            if frame == Frame::CalledOff {
                if let Some(event) =
                    ctx.called_off(rule, i, len, &out[..first_of_sentence], &self.nouns)
                {
                    consumed_until = i + len;
                    out.push(event);
                }
                i += len;
                continue;
            }
            for (event, last_word) in
                ctx.code_trigger(rule, frame, i, len, &out[..first_of_sentence])
            {
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
        let candidates = self.by_first_word.get(ctx.words[i].lower.as_str())?;
        for &(r, t) in candidates {
            let rule = &self.rules[r];
            let trigger = &rule.triggers[t];
            let n = trigger.len();
            if i + n > ctx.words.len()
                || !trigger
                    .iter()
                    .zip(&ctx.words[i..i + n])
                    .all(|(t, w)| *t == w.lower)
                // "a visit programme": the trigger only modifies a noun.
                || ctx.words.get(i + n).is_some_and(|next| {
                    ctx.cues
                        .is_compound(ctx.words[i + n - 1].lower.as_str(), next.lower.as_str())
                })
            {
                continue;
            }
            // Only the frames that care ask whether the word is a noun: "in" and "arrived"
            // are common, the question is not free.
            let always_noun = || {
                matches!(
                    ctx.words[i].lower.as_str(),
                    "trip" | "trips" | "journey" | "stopover"
                )
            };
            match rule.frame {
                // "visit"/"visits" after a determiner or possessive is the noun.
                // ("the visiting Namibian President" is the adjective.)
                Frame::Object
                    if ctx.visit_is_noun(i) && ctx.visiting_official(i, i + n).is_none() =>
                {
                    continue
                }
                Frame::Noun if !always_noun() && !ctx.visit_is_noun(i) => continue,
                Frame::Presence if !ctx.is_title => continue,
                _ => return Some((rule, rule.frame, n)),
            }
        }
        None
    }
}

/// An official: government, legislature or military ("US top diplomat", "Iranian Foreign
/// Minister"), not tourists or workers.
fn is_official(m: &ActorMention) -> bool {
    m.code
        .as_ref()
        .is_some_and(|c| matches!(c.as_str().get(3..), Some("GOV" | "LEG" | "MIL")))
}

/// Whether `word` (lower case) is the head of `a`'s title or a title word of its text outside
/// its name: "minister" for "German Foreign Minister Markus Brandl", "speaker" for "National
/// Assembly Speaker Lee Jae-hoon".
fn describes(a: &ActorMention, text: &str, word: &str) -> bool {
    let head = a
        .title
        .as_deref()
        .and_then(|t| t.split_whitespace().last())
        .is_some_and(|h| h.eq_ignore_ascii_case(word));
    let name = a.name.as_deref().unwrap_or_default();
    head || a
        .span
        .slice(text)
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case(word) && !name.split_whitespace().any(|n| n == w))
}

/// Where a visit goes: a place in the text, or a host actor (043).
enum Target<'a> {
    Place(&'a PlaceMention),
    Guest(&'a ActorMention),
    /// The host of a visit the document reported before ("Hakobyan's visit came weeks after
    /// ..." names no place: the visit is the one Tehran hosted).
    Earlier(Box<EventMention>),
}

impl<'a> SentenceContext<'a> {
    fn visit_is_noun(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).map(|p| self.words[p].lower.as_str());
        let next = self.words.get(i + 1).map(|w| w.lower.as_str());
        // "may visit China" is the modal; "the May visit" the month.
        let modal =
            prev == Some("may") && self.doc.text[self.words[i - 1].span.start..].starts_with('m');
        (prev.is_some_and(|p| is_noun_modifier(self.cues, p)) && !modal)
            || matches!(
                next,
                Some("to" | "by" | "of" | "is" | "was" | "comes" | "came" | "will" | "would")
            )
            || self.possessor_before(i).is_some()
    }

    /// The first place starting within `[from, to)` word indices.
    fn place_in(&self, from: usize, to: usize) -> Option<&'a PlaceMention> {
        let (a, b) = (self.at(from), self.at(to));
        self.places
            .iter()
            .copied()
            .find(|p| p.span.start >= a && p.span.start < b)
    }

    /// "Fuentes, who hosted a state dinner in his honor": a meal or reception hosted "in his
    /// honor" or "for him" (words after the host verb at `i`, from `after`) names no guest;
    /// the guest is the visitor of the latest visit to the host's country reported in the
    /// sentence or the three before (`earlier`: the document's events so far).
    fn honoured_guest(
        &self,
        i: usize,
        after: usize,
        earlier: &[EventMention],
    ) -> Option<&'a ActorMention> {
        let words = self.words.get(after..(after + 7).min(self.words.len()))?;
        let meal = words
            .iter()
            .any(|w| self.cues.hosted_meal.contains(&w.lower));
        let honour = words.windows(2).any(|p| {
            matches!(
                (p[0].lower.as_str(), p[1].lower.as_str()),
                ("his" | "her", "honor" | "honour") | ("for", "him" | "her")
            )
        });
        if !meal || !honour {
            return None;
        }
        let (start, _) = self.clause(i);
        let host = self.subject(start, i)?;
        let host_country = self.country_of(host)?;
        let visit = earlier.iter().rev().find(|e| {
            e.sentence + 3 >= self.index
                && e.code.as_str() == "042"
                && e.target.country.as_ref() == Some(host_country)
                && e.source_span.is_some()
        })?;
        let span = visit.source_span?;
        self.all_actors.iter().find(|a| a.span == span)
    }

    /// "met with visiting Namibian President Nangolo Mbumba": "visiting" at word `i` as an
    /// adjective after "with" or a form of "meet" (a host verb's "received the visiting ..." is
    /// the host's), before an official of some country starting at word `after`.
    fn visiting_official(&self, i: usize, after: usize) -> Option<&'a ActorMention> {
        if self.words[i].lower != "visiting" {
            return None;
        }
        let mut b = i.checked_sub(1)?;
        if self.words[b].lower == "the" {
            b = b.checked_sub(1)?;
        }
        if !matches!(
            self.words[b].lower.as_str(),
            "with" | "met" | "meets" | "meeting"
        ) {
            return None;
        }
        let at = self.words.get(after)?.span.start;
        self.actors.iter().copied().find(|a| {
            a.span.start == at
                && a.kind == MentionKind::Person
                && a.country.is_some()
                && is_official(a)
        })
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

    /// A person the clause names by a title alone, before word `i`: "The minister made a
    /// brief stop in Beijing" (the last person so titled before), or a headline's "Parliamentary
    /// speaker heads to Mongolia" (the first so titled in the body, which gives the country).
    fn described(&self, clause_start: usize, i: usize) -> Option<&'a ActorMention> {
        let text = &self.doc.text;
        (clause_start..i).find_map(|j| {
            let word = self.words[j].lower.as_str();
            let definite = if self.is_title {
                j < 3
            } else {
                j > 0 && self.words[j - 1].lower == "the"
            };
            if !definite || word.len() < 3 || !word.chars().all(char::is_alphabetic) {
                return None;
            }
            let titled = |a: &&'a ActorMention| {
                a.country.is_some() && is_one_person(a, text) && describes(a, text, word)
            };
            if self.is_title {
                self.all_actors
                    .iter()
                    .filter(|a| a.sentence > self.index)
                    .find(titled)
            } else {
                let before = self.words[j].span.start;
                self.all_actors
                    .iter()
                    .filter(|a| a.span.end <= before && a.sentence + 3 >= self.index)
                    .rev()
                    .find(titled)
            }
        })
    }

    /// Whether the clause `[from, to)` names a place or a time: then a visit noun in it is
    /// not simply the visit reported before.
    fn dated_or_placed(&self, from: usize, to: usize) -> bool {
        let (a, b) = (self.at(from), self.at(to));
        let inside = |s: Span| s.start >= a && s.start < b;
        self.places.iter().any(|p| inside(p.span)) || self.times.iter().any(|t| inside(t.span))
    }

    /// The visit `visitor` (by country) made in this sentence or the five before, as the
    /// document reported it last: a 042 they made or a 043 that hosted them, not negated.
    fn earlier_visit<'e>(
        &self,
        visitor: &ActorMention,
        earlier: &'e [EventMention],
    ) -> Option<&'e EventMention> {
        let country = self.country_of(visitor)?;
        earlier.iter().rev().find(|e| {
            e.sentence + 5 >= self.index
                && e.modality != Modality::Negated
                && match e.code.as_str() {
                    "042" => e.source.country.as_ref() == Some(country),
                    "043" => e.target.country.as_ref() == Some(country),
                    _ => false,
                }
        })
    }

    /// Modality of "a visit by X to Y" after a verb of hoping or believing ("Mongolia hopes a
    /// visit by President X to Japan will bring investment"): the noun phrase's own words
    /// ("a possible trip by"), not the verb's; a negation in the clause still counts.
    fn nominal_modality(&self, clause_start: usize, i: usize) -> Modality {
        let clause = self.modality(clause_start, i);
        let mut j = i;
        while j > clause_start && is_noun_modifier(self.cues, &self.words[j - 1].lower) {
            j -= 1;
        }
        let governed = j > 0 && self.cues.complement_verb.contains(&self.words[j - 1].lower);
        if clause == Modality::Negated || !governed {
            return clause;
        }
        let phrase = &self.words[j..i];
        if phrase
            .iter()
            .any(|w| self.cues.possibility.contains(&w.lower))
        {
            Modality::Possible
        } else if phrase.iter().any(|w| self.cues.plan.contains(&w.lower)) {
            Modality::Planned
        } else {
            Modality::Actual
        }
    }

    /// "The trip was cancelled", "the visit has been called off": the visit the document
    /// reported last (in this sentence's three before), now negated. `nouns` are the visit
    /// nouns; the trigger `i..i+len` is the verb of calling off.
    fn called_off(
        &self,
        rule: &Rule,
        i: usize,
        len: usize,
        earlier: &[EventMention],
        nouns: &[String],
    ) -> Option<EventMention> {
        let (clause_start, _) = self.clause(i);
        let mut j = i;
        while j > clause_start && self.cues.auxiliary.contains(&self.words[j - 1].lower) {
            j -= 1;
        }
        let noun = j.checked_sub(1).filter(|&n| n >= clause_start)?;
        if !nouns.iter().any(|n| *n == self.words[noun].lower) {
            return None;
        }
        let mut k = noun;
        while k > clause_start
            && is_noun_modifier(self.cues, &self.words[k - 1].lower)
            && !self.cues.definite.contains(&self.words[k - 1].lower)
        {
            k -= 1;
        }
        if k == 0 || !self.cues.definite.contains(&self.words[k - 1].lower) {
            return None;
        }
        let prior = earlier
            .iter()
            .rev()
            .find(|e| e.code == rule.code && e.sentence + 3 >= self.index)?;
        let trigger = Span::new(
            self.words[noun].span.start,
            self.words[i + len - 1].span.end,
        );
        Some(crate::named_again(
            prior,
            self.index,
            trigger,
            Modality::Negated,
            &rule.id,
            &VERSION,
        ))
    }

    /// Code one trigger: an event mention per target, each with the last word it used.
    fn code_trigger(
        &self,
        rule: &Rule,
        frame: Frame,
        i: usize,
        len: usize,
        earlier: &[EventMention],
    ) -> Vec<(EventMention, usize)> {
        let (clause_start, clause_end) = self.clause(i);
        let after = i + len;
        let mut source_mention = None;
        let mut targets: Vec<Target<'a>> = Vec::new();
        let by_agent =
            frame == Frame::Noun && self.words.get(after).is_some_and(|w| w.lower == "by");
        let first_place = match frame {
            Frame::Object => match self.visiting_official(i, after) {
                // "Li Qiang met with visiting Namibian President Nangolo Mbumba in Beijing":
                // the official is on a visit where the meeting is, else where the story is.
                Some(visitor) => {
                    source_mention = Some(visitor);
                    let other = |p: &&PlaceMention| {
                        p.country.is_some() && p.country.as_ref() != self.country_of(visitor)
                    };
                    let end = self.last_word_of(visitor.span) + 1;
                    let place = self
                        .place_in(end, clause_end)
                        .filter(other)
                        .or(self.dateline_place.filter(other));
                    if place.is_none() {
                        return Vec::new();
                    }
                    place
                }
                None => (after..(after + 4).min(clause_end))
                    .find_map(|j| self.place_at(j))
                    .or_else(|| self.place_in(after, (after + 4).min(clause_end))),
            },
            // "is due in Tbilisi next week": a form of "be" before the trigger, the place
            // right after "in" or "at".
            Frame::Expected => {
                let mut b = i;
                while b > 0 && self.cues.negation.contains(&self.words[b - 1].lower) {
                    b -= 1;
                }
                let be = b
                    .checked_sub(1)
                    .is_some_and(|b| self.cues.passive_auxiliary.contains(&self.words[b].lower));
                if !be {
                    return Vec::new();
                }
                self.place_after_prep(after, clause_end.min(after + 2), &["in", "at"])
            }
            Frame::Prep | Frame::PrepIn => {
                // "flew into Manila": a flight lands in the place after "into".
                let flew = matches!(
                    self.words[i].lower.as_str(),
                    "fly" | "flies" | "flew" | "flying"
                );
                let preps: &[&str] = if frame == Frame::PrepIn || rule.id.ends_with("arrive") {
                    &["in", "at", "to"]
                } else if flew {
                    &["to", "for", "into"]
                } else {
                    &["to", "for"]
                };
                self.place_after_prep(after, clause_end.min(after + 6), preps)
            }
            Frame::LeaveFor => self.place_after_prep(after, clause_end, &["for", "to"]),
            // "sent its defence minister to Pyongyang": an envoy word within four words, then
            // "to" and the place.
            Frame::Send => {
                let envoy = (after..(after + 4).min(clause_end))
                    .find(|&j| self.cues.envoy.contains(&self.words[j].lower));
                let Some(envoy) = envoy else {
                    return Vec::new();
                };
                let to = envoy + 1;
                if self.words.get(to).is_none_or(|w| w.lower != "to") {
                    return Vec::new();
                }
                self.place_after_prep(to, clause_end.min(to + 6), &["to"])
            }
            Frame::Noun => {
                let mut search_from = after;
                // The visitor in a "by" phrase at word `by`: the first actor with a country in
                // the next few words.
                let by_agent = |by: usize| {
                    if self.words.get(by).is_none_or(|w| w.lower != "by") {
                        return None;
                    }
                    let (a, b) = (self.at(by + 1), self.at((by + 8).min(clause_end)));
                    self.actors.iter().copied().find(|m| {
                        m.span.start >= a
                            && m.span.start < b
                            && m.country.is_some()
                            && m.kind != MentionKind::Capital
                    })
                };
                // "a possible trip by North Korea's leader to Russia": the visitor follows "by".
                let by_first = self.words.get(after).is_some_and(|w| w.lower == "by");
                if by_first {
                    source_mention = by_agent(after);
                    if let Some(m) = source_mention {
                        search_from = self.last_word_of(m.span) + 1;
                    }
                } else {
                    source_mention = self.possessor_before(i);
                }
                let place = self.place_after_prep(
                    search_from,
                    clause_end.min(search_from + 5),
                    &["to", "in"],
                );
                // "last week's visit to Moscow by Mongolia's foreign minister": the visitor
                // follows the place (the possessive is a time, not an owner).
                if source_mention.is_none() && !by_first {
                    source_mention = place.and_then(|p| by_agent(self.last_word_of(p.span) + 1));
                }
                // "met Petersen during his visit": a pronoun we could not resolve owns
                // the visit; the clause's subject is not its visitor.
                if source_mention.is_none()
                    && !by_first
                    && self.possessive_pronoun_before(i).is_some()
                {
                    return Vec::new();
                }
                place
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
            // "Iranian Foreign Minister in Moscow for Syria talks": a headline with no verb,
            // an official right before "in", the place right after it.
            Frame::Presence => {
                let place = self.place_at(after);
                source_mention = self.actors.iter().copied().find(|m| {
                    self.word_at(m.span.start) == 0
                        && self.last_word_of(m.span) + 1 == i
                        && m.country.is_some()
                        && is_official(m)
                });
                if source_mention.is_none() {
                    return Vec::new();
                }
                place
            }
            Frame::CalledOff => return Vec::new(),
            Frame::Host => {
                let (a, b) = (self.at(after), self.at(clause_end));
                let eligible = |m: &ActorMention| {
                    m.country.is_some()
                        && matches!(
                            m.kind,
                            MentionKind::Person | MentionKind::Group | MentionKind::Country
                        )
                };
                // "Archer was received by President Sulistyo": the host is the agent after
                // "by", the guest the subject, an official.
                // ("was welcomed at La Moneda palace by President Fuentes": a place may stand
                // between the verb and "by".)
                let by_word = (after..clause_end.min(after + BY_REACH))
                    .take_while(|&k| self.words[k].lower != ",")
                    .find(|&k| self.words[k].lower == "by");
                let passive = i > 0
                    && self
                        .cues
                        .passive_auxiliary
                        .contains(&self.words[i - 1].lower)
                    && by_word.is_some();
                if let Some(by_word) = by_word.filter(|_| passive) {
                    let by = self.at(by_word + 1);
                    let host = self
                        .actors
                        .iter()
                        .copied()
                        .find(|m| m.span.start >= by && m.span.start < b && eligible(m));
                    let guest = self
                        .subject(clause_start, i - 1)
                        .filter(|g| g.kind == MentionKind::Person && is_official(g));
                    let (Some(host), Some(guest)) = (host, guest) else {
                        return Vec::new();
                    };
                    if host.country == guest.country {
                        return Vec::new();
                    }
                    source_mention = Some(host);
                    targets.push(Target::Guest(guest));
                    None
                } else {
                    let named = self
                        .actors
                        .iter()
                        .copied()
                        .find(|m| m.span.start >= a && m.span.start < b && eligible(m));
                    // (A guest honoured with a meal may be named sentences before: none of
                    // the checks below on the words between the verb and the guest apply.)
                    let honoured = match named {
                        Some(_) => None,
                        None => Some(self.honoured_guest(i, after, earlier)),
                    };
                    let guest = match (named, honoured) {
                        (Some(g), _) | (None, Some(Some(g))) => g,
                        _ => return Vec::new(),
                    };
                    let between = match honoured {
                        Some(_) => &self.words[after..after],
                        None => &self.words[after..self.word_at(guest.span.start)],
                    };
                    // "Sulistyo received Archer at the palace": a foreign official received in
                    // person (not "Putin's letter": a possessive names a thing).
                    let received_official = self.words[i].lower.starts_with("receiv")
                        && between
                            .iter()
                            .all(|w| self.cues.definite.contains(&w.lower))
                        && guest.kind == MentionKind::Person
                        && is_official(guest)
                        && !self.doc.text[guest.span.end..].starts_with(['\'', '’']);
                    let is_visit = between.iter().any(|w| w.lower == "visiting")
                    || guest
                        .title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains("delegation"))
                    || matches!(
                        self.words[i].lower.as_str(),
                        "host" | "hosts" | "hosted" | "hosting"
                    )
                    // "Prime Minister receives Chinese Foreign Minister": a headline's guest.
                    || (self.is_title && guest.country.is_some())
                    || received_official
                    || honoured.is_some()
                    // "held a welcoming ceremony for Zhou".
                    || self.words.get(after).is_some_and(|w| w.lower == "ceremony");
                    if !is_visit || between.len() > 6 {
                        return Vec::new();
                    }
                    targets.push(Target::Guest(guest));
                    None
                }
            }
        };
        if let Some(p) = first_place {
            targets.extend(
                self.coordinated(p, clause_end)
                    .into_iter()
                    .map(Target::Place),
            );
        } else if frame == Frame::Noun && !self.dated_or_placed(clause_start, clause_end) {
            // "Hakobyan's visit came weeks after ...": a visit named by its visitor alone.
            if let Some(visitor) = source_mention.filter(|_| !by_agent) {
                targets.extend(
                    self.earlier_visit(visitor, earlier)
                        .map(|e| Target::Earlier(Box::new(e.clone()))),
                );
                // "India, Nepal sign power pact during Nepali premier's visit" over a story
                // from New Delhi: a headline's foreign visitor visits the dateline's country.
                let dateline = self.dateline_place.filter(|p| {
                    p.country.is_some() && p.country.as_ref() != self.country_of(visitor)
                });
                if targets.is_empty() && self.is_title {
                    targets.extend(dateline.map(Target::Place));
                }
            }
        }
        // "China denies N. Korean defence chief visited Beijing": the visitor follows the denial.
        let denial = (clause_start..i)
            .rev()
            .find(|&j| self.cues.negating_verb.contains(&self.words[j].lower));
        let Some(source) = source_mention
            .or_else(|| denial.and_then(|d| self.subject(d + 1, i)))
            // "EU commissioner Anna Kowalczyk is due in Tbilisi": an organisation's people
            // travel too; their actor code says whose they are.
            .or_else(|| {
                self.subject_where(clause_start, i, |a| a.country.is_some() || a.code.is_some())
            })
            .or_else(|| self.described(clause_start, i))
        else {
            return Vec::new();
        };
        let trigger = Span::new(self.words[i].span.start, self.words[i + len - 1].span.end);
        let modality = if by_agent {
            self.nominal_modality(clause_start, i)
        } else {
            self.modality(clause_start, i)
        };
        // Expected somewhere is a plan until it happens.
        let modality = match (frame, modality) {
            (Frame::Expected, Modality::Actual) => Modality::Planned,
            (_, m) => m,
        };
        let confidence = match (frame, source.kind) {
            (Frame::Noun | Frame::Presence, _) => 0.6,
            (_, MentionKind::Person | MentionKind::Group) => 0.85,
            _ => 0.75,
        };
        let spans: Vec<Span> = targets
            .iter()
            .map(|t| match t {
                Target::Place(p) => p.span,
                Target::Guest(g) => g.span,
                Target::Earlier(e) => e.target_span.unwrap_or(e.trigger),
            })
            .collect();
        let mut out = Vec::new();
        for (n, target) in targets.iter().enumerate() {
            let (actor, span, location) = match target {
                Target::Guest(g) => (self.actor(g), g.span, None),
                Target::Earlier(e) => {
                    let (host, span) = if e.code.as_str() == "043" {
                        (&e.source, e.source_span)
                    } else {
                        (&e.target, e.target_span)
                    };
                    (host.clone(), span.unwrap_or(e.trigger), e.location.clone())
                }
                Target::Place(p) => {
                    let Some(country) = p.country.clone() else {
                        continue;
                    };
                    let name: Arc<str> = p.name.as_str().into();
                    let location = Location {
                        name: name.clone(),
                        country: Some(country.clone()),
                    };
                    let actor = Actor {
                        text: Some(p.span.slice(&self.doc.text).into()),
                        name: Some(name),
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
            let (date, date_basis, date_vague) = match target {
                // Nothing dates it here: the visit's own date.
                Target::Earlier(e) => (e.date, e.date_basis, e.date_vague),
                _ => self.date(clause_start, clause_end, trigger, span, next_target),
            };
            // "Dorj's Feb. 15-17 trip to Moscow will focus on ...": a visit noun whose date
            // from the text lies after publication, in a clause that goes on in the future,
            // is a plan; the cue comes after the noun, where `modality` does not look.
            let modality = match (modality, frame, date, self.doc.published) {
                (Modality::Actual, Frame::Noun, Some(d), Some(published))
                    if d.first > published
                        && date_basis != DateBasis::Reported
                        && self.plan_after(i + len, clause_end) =>
                {
                    Modality::Planned
                }
                _ => modality,
            };
            let event = EventMention {
                sentence: self.index,
                trigger,
                code: rule.code.clone(),
                modality,
                source: self.actor(source),
                // Spans only for actors named in this sentence (docs: EventMention).
                source_span: (source.sentence == self.index).then_some(source.span),
                target: actor,
                target_span: (!matches!(target, Target::Earlier(_))).then_some(span),
                location,
                date,
                date_basis,
                claimant: None,
                date_vague,
                duration: self.duration(clause_start, clause_end, trigger),
                rule: rule.id.clone(),
                coder: VERSION.clone(),
                confidence,
            };
            out.push((event, self.last_word_of(span).max(i + len - 1)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_patterns_parse() {
        let coder = VisitCoder::new();
        assert!(coder.rules.iter().any(|r| &*r.id == "visit.leave-for"));
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
            let err = VisitCoder::from_tsv(text, "p.tsv").unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}: got {err}");
        }
    }
}
