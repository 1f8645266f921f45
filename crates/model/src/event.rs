use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{
    ActorCode, CameoCode, CountryCode, DateBasis, DateValue, Duration, Precision, Span, Vague,
};

/// The version of the event format written by [`Event`] (see docs/FORMAT.md).
pub const FORMAT_VERSION: u32 = 1;

/// Whether an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Actual,
    Planned,
    Possible,
    Negated,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Planned => "planned",
            Modality::Possible => "possible",
            Modality::Negated => "negated",
        }
    }

    pub fn parse(s: &str) -> Option<Modality> {
        match s {
            "actual" => Some(Modality::Actual),
            "planned" => Some(Modality::Planned),
            "possible" => Some(Modality::Possible),
            "negated" => Some(Modality::Negated),
            _ => None,
        }
    }
}

/// One side of an event, owned so it can outlive its document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the text ("the North's Vice Foreign Minister Pak Myong Guk").
    pub text: Option<Arc<str>>,
    pub name: Option<Arc<str>>,
    pub title: Option<Arc<str>>,
    pub country: Option<CountryCode>,
    pub code: Option<ActorCode>,
}

impl Actor {
    /// The shortest description that tells actors apart in tables and test output: the
    /// country code, else the words in the text ("state media").
    pub fn country_or_text(&self) -> Option<&str> {
        self.country
            .as_ref()
            .map(|c| c.as_str())
            .or(self.text.as_deref())
    }
}

/// A speaker an event is attributed to: an entry of [`Event::claimants`], gathered from the
/// `claimant` of its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Claimant {
    /// The speaker's name ("Maria Zakharova"), else its words in the text ("state media").
    pub name: Option<String>,
    pub title: Option<String>,
    pub country: Option<CountryCode>,
    pub code: Option<ActorCode>,
    /// How many of the event's mentions it claims.
    pub mentions: usize,
}

impl Claimant {
    /// The distinct claimants of `mentions`, in order of first mention. Two mentions have one
    /// claimant when actor code, country and name (case aside) agree; a speaker with no name
    /// is told apart by its words ("state media", "officials").
    pub fn of(mentions: &[Evidence]) -> Vec<Claimant> {
        let mut out: Vec<Claimant> = Vec::new();
        for actor in mentions.iter().filter_map(|m| m.claimant.as_ref()) {
            let name = actor.name.as_ref().or(actor.text.as_ref());
            let same = |c: &Claimant| {
                c.code == actor.code
                    && c.country == actor.country
                    && match (&c.name, name) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                        (a, b) => a.is_none() && b.is_none(),
                    }
            };
            match out.iter_mut().find(|c| same(c)) {
                Some(c) => {
                    c.mentions += 1;
                    if c.title.is_none() {
                        c.title = actor.title.as_deref().map(str::to_string);
                    }
                }
                None => out.push(Claimant {
                    name: name.map(|n| n.to_string()),
                    title: actor.title.as_deref().map(str::to_string),
                    country: actor.country.clone(),
                    code: actor.code.clone(),
                    mentions: 1,
                }),
            }
        }
        out
    }

    /// The shortest description that tells claimants apart in tables: `CODE:name`, either
    /// part alone when the other is unknown.
    pub fn label(&self) -> String {
        let code = self
            .code
            .as_ref()
            .map(|c| c.as_str())
            .or(self.country.as_ref().map(|c| c.as_str()));
        match (code, self.name.as_deref()) {
            (Some(c), Some(n)) => format!("{c}:{n}"),
            (Some(c), None) => c.to_string(),
            (None, Some(n)) => n.to_string(),
            (None, None) => String::new(),
        }
    }
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    pub name: Arc<str>,
    pub country: Option<CountryCode>,
}

/// One coded event in one sentence of one document: the coder's output, with spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    pub sentence: usize,
    /// The word(s) that triggered the rule: "left", "visit", "arrived".
    pub trigger: Span,
    pub code: CameoCode,
    pub modality: Modality,
    /// Source and target, with the span of their mention when they were named in the sentence.
    pub source: Actor,
    pub source_span: Option<Span>,
    pub target: Actor,
    pub target_span: Option<Span>,
    pub location: Option<Location>,
    /// `None` when neither the text nor the publication date gives a date.
    pub date: Option<DateValue>,
    pub date_basis: DateBasis,
    /// Who the sentence says reported the event, in reported speech: "Zakharova said that
    /// ...", "..., the Kremlin said", "according to KCNA". `None` when the text is the outlet's.
    #[serde(default)]
    pub claimant: Option<Actor>,
    /// Set when the date is the publication date standing in for a vague time ("recently",
    /// "soon"): which way the event lies from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_vague: Option<Vague>,
    /// How long the event lasted, from its clause or its noun ("a three-day visit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// The rule that fired, e.g. "visit.leave-for": shared with the coder's rule, as it is
    /// the same for every mention the rule codes.
    pub rule: Arc<str>,
    /// The coder that fired it, e.g. "visits/0.1" (shared, as `rule`).
    pub coder: Arc<str>,
    pub confidence: f32,
}

/// The evidence for an event from one sentence: an entry of [`Event::mentions`].
///
/// The strings that are the same for a whole document (id, title, outlet), a sentence (its
/// text) or a rule (rule id, coder version) are shared (`Arc<str>`) among the reports that
/// carry them; they serialise exactly as strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub document: Arc<str>,
    pub title: Option<Arc<str>>,
    pub outlet: Option<Arc<str>>,
    pub published: Option<Date>,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Trigger byte offsets in the document's clean text.
    pub start: usize,
    pub end: usize,
    /// The sentence's text.
    pub text: Arc<str>,
    /// Sentence byte offsets in the document's clean text.
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The trigger's text.
    pub trigger: String,
    pub rule: Arc<str>,
    pub coder: Arc<str>,
    pub code: CameoCode,
    pub modality: Modality,
    pub confidence: f32,
    /// The speaker the sentence attributes the event to (see [`EventMention::claimant`]);
    /// added in v1, absent in older stored reports.
    #[serde(default)]
    pub claimant: Option<Actor>,
}

/// An event mention made self-contained: what merging and the store work with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The merge key this report belongs to (see the merge crate).
    pub key: String,
    pub code: CameoCode,
    pub modality: Modality,
    pub source: Actor,
    pub target: Actor,
    pub location: Option<Location>,
    pub date: Option<DateValue>,
    pub date_basis: DateBasis,
    /// As [`EventMention::date_vague`]; absent in reports stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_vague: Option<Vague>,
    /// As [`EventMention::duration`]; absent in reports stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    pub evidence: Evidence,
}

/// A merged event: format v1, the contract every output and the API uses (docs/FORMAT.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable across re-runs: derived from the merge key, not from insertion order.
    pub id: String,
    pub code: CameoCode,
    pub root: String,
    pub label: String,
    pub plover: Option<String>,
    pub modality: Modality,
    /// ISO at its precision: "2024-02-12", "2024-01", "2023"; `None` when unknown.
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub date_precision: Precision,
    pub date_basis: Option<DateBasis>,
    /// `past`, `present` or `future` when every report dated the event only by a vague time
    /// ("recently", "now", "soon"): `date` is then a bound, not the day. Added in v1.
    #[serde(default)]
    pub date_vague: Option<Vague>,
    /// ISO 8601 duration from the text ("a three-day visit": `P3D`), else `None`. Added in v1.
    #[serde(default)]
    pub duration: Option<String>,
    pub source: Actor,
    pub target: Actor,
    pub location: Option<Location>,
    /// The distinct speakers its mentions attribute it to in reported speech
    /// ([`Claimant::of`] its mentions); `[]` when every mention is the outlets' own account.
    /// Added in v1 (readers of older output default it to `[]`).
    #[serde(default)]
    pub claimants: Vec<Claimant>,
    pub mentions: Vec<Evidence>,
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    /// Ids of related events, sorted: for an actual event, the planned events of the same
    /// trip (same family and dyad, compatible dates). Linked, never merged.
    #[serde(default)]
    pub related: Vec<String>,
    /// Internal: the interval behind `date`, used for filtering and merging.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date_value: Option<DateValue>,
}

impl Event {
    /// The span of the trigger of mention `i`, relative to its sentence's text.
    pub fn trigger_in_sentence(&self, i: usize) -> Span {
        let m = &self.mentions[i];
        Span::new(m.start - m.sentence_start, m.end - m.sentence_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(claimant: Option<Actor>) -> Evidence {
        Evidence {
            document: "d".into(),
            title: None,
            outlet: None,
            published: None,
            sentence: 0,
            start: 0,
            end: 4,
            text: "Choe will meet Lavrov, Zakharova said.".into(),
            sentence_start: 0,
            sentence_end: 38,
            trigger: "meet".into(),
            rule: "r".into(),
            coder: "patterns/0.1".into(),
            code: CameoCode::parse("036").unwrap(),
            modality: Modality::Planned,
            confidence: 0.8,
            claimant,
        }
    }

    /// A claimant from (words, name, country, code); empty strings are unknown.
    fn actor(text: &str, name: &str, country: &str, code: &str) -> Option<Actor> {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Some(Actor {
            text: some(text).map(Arc::from),
            name: some(name).map(Arc::from),
            title: None,
            country: some(country).map(|c| CountryCode::parse(&c).unwrap()),
            code: some(code).map(|c| ActorCode::parse(&c).unwrap()),
        })
    }

    #[test]
    fn claimants_are_the_distinct_speakers_of_the_mentions() {
        let zakharova = || {
            actor(
                "spokeswoman Maria Zakharova",
                "Maria Zakharova",
                "RUS",
                "RUSGOV",
            )
        };
        let shouting = || actor("MARIA ZAKHAROVA", "MARIA ZAKHAROVA", "RUS", "RUSGOV");
        let media = || actor("state media", "", "", "");
        let kcna = || actor("KCNA", "KCNA", "PRK", "PRKMED");
        /// The claimants of the mentions, and the expected labels with their mention counts.
        type Case = (Vec<Option<Actor>>, Vec<(&'static str, usize)>);
        let cases: Vec<Case> = vec![
            (vec![None, None], vec![]),
            (vec![zakharova()], vec![("RUSGOV:Maria Zakharova", 1)]),
            // Case aside, one speaker; the outlet's own account counts for no one.
            (
                vec![zakharova(), None, shouting()],
                vec![("RUSGOV:Maria Zakharova", 2)],
            ),
            // A speaker with no name keeps its words; order of first mention.
            (
                vec![media(), kcna(), media()],
                vec![("state media", 2), ("PRKMED:KCNA", 1)],
            ),
        ];
        for (claimants, expected) in cases {
            let mentions: Vec<Evidence> = claimants.iter().cloned().map(evidence).collect();
            let got: Vec<(String, usize)> = Claimant::of(&mentions)
                .iter()
                .map(|c| (c.label(), c.mentions))
                .collect();
            let expected: Vec<(String, usize)> =
                expected.iter().map(|&(l, n)| (l.to_string(), n)).collect();
            assert_eq!(got, expected, "claimants {claimants:?}");
        }
    }
}
