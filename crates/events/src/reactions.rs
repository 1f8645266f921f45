//! Reactions to an act named elsewhere in the story: "Mali expelled the French ambassador.
//! France condemned the expulsion." A reaction with no actor as its object whose object is a
//! noun for an act (`data/act_nouns.tsv`) is aimed at the author of that act, coded in another
//! sentence. Run once per document, after every sentence is coded.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use attache_model::{Actor, ActorMention, CameoCode, EventMention};

use crate::{pattern_file, CoderError};

/// The nouns compiled into the binary.
const BUILTIN_ACT_NOUNS: &str = include_str!("../../../data/act_nouns.tsv");

/// How many words after the reaction's trigger its object noun may stand ("condemned the
/// latest missile launch").
const NOUN_REACH: usize = 5;

/// Nouns for acts, with the CAMEO roots of the acts each may name (empty: any act).
#[derive(Debug, Clone)]
pub struct ActNouns {
    /// Each noun's roots, from its first row.
    nouns: FxHashMap<String, Vec<String>>,
}

impl Default for ActNouns {
    fn default() -> Self {
        ActNouns::from_tsv(BUILTIN_ACT_NOUNS, "data/act_nouns.tsv")
            .expect("the built-in data/act_nouns.tsv parses (guarded by a test)")
    }
}

impl ActNouns {
    /// Parse the format described at the top of `data/act_nouns.tsv`; `path` names the source
    /// in errors.
    pub fn from_tsv(text: &str, path: &str) -> Result<ActNouns, CoderError> {
        let mut nouns = FxHashMap::default();
        for row in pattern_file::rows(text, path, 2, " (noun, roots)") {
            let row = row?;
            let err = |message: String| pattern_file::error(path, row.line, message);
            let noun = row.cols[0].trim();
            if noun.is_empty() || noun.contains(char::is_whitespace) || noun != noun.to_lowercase()
            {
                return Err(err(format!("{noun:?} is not one lower-case word")));
            }
            let roots = match row.cols[1].trim() {
                "*" => Vec::new(),
                list => list
                    .split(',')
                    .map(|r| {
                        let r = r.trim();
                        match r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit()) {
                            true => Ok(r.to_string()),
                            false => Err(err(format!("{r:?} is not a two-digit CAMEO root"))),
                        }
                    })
                    .collect::<Result<_, _>>()?,
            };
            nouns.entry(noun.to_string()).or_insert(roots);
        }
        Ok(ActNouns { nouns })
    }

    /// The roots of the acts `word` may name: `Some(&[])` for any act, `None` if it names none.
    fn roots(&self, word: &str) -> Option<&[String]> {
        self.nouns.get(word).map(Vec::as_slice)
    }
}

/// Whether an event with this code reacts to an act: a statement, praise or support, a demand,
/// criticism, a rejection, a threat or a protest.
fn reacts(code: &CameoCode) -> bool {
    matches!(code.root(), "01" | "05" | "10" | "11" | "12" | "13" | "14")
}

/// CAMEO 016, deny responsibility.
const DENIAL: &str = "016";

/// The rule of fire returned ("Pakistani forces returned fire"): aimed at the author of the
/// latest attack of another sentence (data/patterns.tsv).
pub(crate) const RETURN_FIRE: &str = "fight.return-fire";

/// The roots an act returned in kind may answer: force and assaults.
static FIRE_ROOTS: std::sync::LazyLock<[String; 3]> =
    std::sync::LazyLock::new(|| ["18", "19", "20"].map(String::from));

/// Give each reaction with no target in `events` (one document's, in document order) the source
/// of the act its object noun names, found in another sentence of `text`; with no event coded
/// in the sentence before, the first actor of another country it names (`actors`: the
/// document's, sorted by span): "Hungary is building a fence on its border. Austria condemned
/// the move."
pub(crate) fn resolve(
    text: &str,
    nouns: &ActNouns,
    actors: &[ActorMention],
    events: &mut [EventMention],
) {
    for k in 0..events.len() {
        let e = &events[k];
        let returned = &*e.rule == RETURN_FIRE && e.target.country.is_none();
        if !reacts(&e.code) && !returned {
            continue;
        }
        let found = match returned {
            true => Some((&FIRE_ROOTS[..], e.trigger.end)),
            false => object_noun(text, e, nouns),
        };
        let Some((roots, phrase_end)) = found else {
            continue;
        };
        // A target taken from past the object's phrase ("rejected the request, saying its
        // operations target only militants") is not the reaction's: the act's author is.
        let has_target = e.target.country.is_some() || e.target.code.is_some();
        if has_target && e.target_span.is_none_or(|t| t.start < phrase_end) {
            continue;
        }
        // "Venezuela's defence ministry denied any build-up": a denial of the denier's own act
        // is aimed at the side the act was aimed at.
        let denial = e.code.as_str() == DENIAL;
        let own_act = |a: &EventMention| {
            denial && a.source.country == e.source.country && a.target.country.is_some()
        };
        let names = |a: &EventMention| {
            a.sentence != e.sentence
                && (roots.is_empty() || roots.iter().any(|r| r == a.code.root()))
                && a.source.country.is_some()
                && (a.source.country != e.source.country || own_act(a))
        };
        // The latest act before; in the headline, the first after.
        let before = events[..k].iter().rev().find(|a| names(a));
        let act = match before {
            Some(a) => Some(a),
            None if e.sentence == 0 => events[k + 1..].iter().find(|a| names(a)),
            None => None,
        };
        let previous = e.sentence.checked_sub(1);
        let actor = || {
            let previous = previous.filter(|p| !events.iter().any(|a| a.sentence == *p))?;
            actors
                .iter()
                .find(|a| {
                    a.sentence == previous && a.country.is_some() && a.country != e.source.country
                })
                .map(|a| Actor {
                    text: Some(a.span.slice(text).into()),
                    name: a.name.as_deref().map(Arc::from),
                    title: a.title.as_deref().map(Arc::from),
                    code: a.code.clone(),
                    country: a.country.clone(),
                })
        };
        let author = act
            .map(|a| match own_act(a) {
                true => a.target.clone(),
                false => a.source.clone(),
            })
            .or_else(actor);
        if let Some(author) = author {
            let e = &mut events[k];
            e.target = author;
            e.target_span = None;
        }
    }
    for k in 0..events.len() {
        if let Some(aim) = aim_of_untargeted(events, k) {
            let e = &mut events[k];
            e.target = aim;
            e.target_span = None;
            // "Russia seizes Japanese fishing boat, Tokyo protests": a state that protests an
            // act against it complains officially (114), as patterns.rs codes it when the
            // protest names its target.
            if e.code.root() == "14" {
                e.code = crate::patterns::OFFICIAL_COMPLAINT.clone();
                e.rule = Arc::from(crate::patterns::OFFICIAL_COMPLAINT_RULE);
            }
        }
    }
}

/// Whom a demand, criticism, rejection or threat that names no one (`events[k]`) is aimed at:
/// the side its author acted on earlier in the same sentence ("Eritrea accused Ethiopia of
/// massing troops and warned that it would defend itself", "thanked Germany for its aid but
/// repeated Warsaw's demand for reparations"); for a threat, else the author of an act against
/// the threatener's country in the same sentence or the one before ("Moldova expels Russian
/// diplomat, Moscow vows response").
fn aim_of_untargeted(events: &[EventMention], k: usize) -> Option<Actor> {
    let e = &events[k];
    let own = e.source.country.as_ref()?;
    // A state's own protest is aimed like a threat; its people's rallies are not.
    let state_protest = e.code.as_str() == "141" && crate::is_state(&e.source);
    let threat = e.code.root() == "13" || state_protest;
    if !(threat || matches!(e.code.root(), "10" | "11" | "12"))
        || e.target.country.is_some()
        || e.target.code.is_some()
    {
        return None;
    }
    let acted_on = events[..k].iter().rev().find(|a| {
        a.sentence == e.sentence
            && a.source.country.as_ref() == Some(own)
            && a.target.country.as_ref().is_some_and(|t| t != own)
    });
    if let Some(a) = acted_on {
        return Some(a.target.clone());
    }
    if !threat {
        return None;
    }
    events[..k]
        .iter()
        .rev()
        .take_while(|a| a.sentence + 1 >= e.sentence)
        .find(|a| {
            a.target.country.as_ref() == Some(own)
                && a.source.country.as_ref().is_some_and(|s| s != own)
        })
        .map(|a| a.source.clone())
}

/// The roots of the act the reaction's object names: the first act noun among the trigger's
/// words and the [`NOUN_REACH`] words after it, before any punctuation that ends a phrase; and
/// where that phrase ends.
fn object_noun<'n>(
    text: &str,
    e: &EventMention,
    nouns: &'n ActNouns,
) -> Option<(&'n [String], usize)> {
    let end = text[e.trigger.start..]
        .find(['.', ',', ';', ':', '?', '!', '"', '“', '”'])
        .map_or(text.len(), |p| e.trigger.start + p);
    let trigger_words = text[e.trigger.start..e.trigger.end]
        .split_whitespace()
        .count();
    // "welcomed the firm's decision", "Apple's announcement": the act's author is named by the
    // possessive (an actor there would be the target already): no act of another sentence.
    for w in text[e.trigger.start..end]
        .split_whitespace()
        .skip(1)
        .take(trigger_words.saturating_sub(1) + NOUN_REACH)
    {
        if w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") {
            return None;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // (Most words are lower-case ASCII already: no copy for them.)
        let lower = match w.bytes().any(|b| !b.is_ascii_lowercase()) {
            true => Cow::Owned(w.to_lowercase()),
            false => Cow::Borrowed(w),
        };
        if let Some(roots) = nouns.roots(&lower) {
            return Some((roots, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{country, Stages};

    #[test]
    fn builtin_act_nouns_parse_and_errors_name_the_line() {
        let nouns = ActNouns::default();
        assert_eq!(
            nouns.roots("launch"),
            Some(&["15".to_string(), "19".to_string()][..])
        );
        assert_eq!(nouns.roots("decision"), Some(&[][..]));
        assert_eq!(nouns.roots("ambassador"), None);
        let err = ActNouns::from_tsv("launch\t15\nTest\t19\n", "nouns.tsv").unwrap_err();
        assert!(err.to_string().contains("nouns.tsv:2"), "{err}");
        let err = ActNouns::from_tsv("launch\t1a\n", "nouns.tsv").unwrap_err();
        assert!(err.to_string().contains("nouns.tsv:1"), "{err}");
    }

    /// A story, then an event it must yield: code, source and target countries.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, &str)] = &[
        // The act in the sentence before.
        ("Hungary closed its border with Serbia on Monday. Austria condemned the decision on Tuesday.", "111", "AUT", "HUN"),
        ("Pakistan test-fired a ballistic missile on Sunday. India criticised the launch.", "111", "IND", "PAK"),
        ("Chad expelled the Sudanese ambassador on Friday. Sudan rejected the expulsion as illegal.", "120", "SDN", "TCD"),
        ("Kenya lifted its ban on Ugandan sugar. Uganda welcomed the move.", "051", "UGA", "KEN"),
        // Fire returned answers the latest attack of another sentence.
        ("Indian troops shelled villages in Kashmir overnight. Pakistani forces returned fire.", "190", "PAK", "IND"),
        // An actor past the object's phrase is not the reaction's target.
        ("Mali urged Algeria to close its border camps. Algiers rejected the request, saying the camps shelter only Malian refugees.", "120", "DZA", "MLI"),
        // No act coded in the sentence before: the first actor of another country it names.
        ("Hungary is building a fence along its southern border. Austria condemned the move.", "111", "AUT", "HUN"),
        // "the pair", "both sides" after two countries named in a sentence with no event.
        ("Serbia and Kosovo have been at odds for years. Brazil urged both sides to resume talks.", "020", "BRA", "XKX"),
        ("Serbia and Kosovo have been at odds for years. Brazil urged both sides to resume talks.", "020", "BRA", "SRB"),
        // A headline reacts to the act its story reports.
        ("Tokyo, Seoul condemn launch\n\nNorth Korea fired a ballistic missile into the sea on Monday. Japan and South Korea condemned it.", "111", "JPN", "PRK"),
        // "the two sides", "both governments": the two countries of the latest dyad (a
        // pattern's slot, the subject, or the object after the trigger; patterns.rs).
        ("Serbia and Kosovo held talks in Brussels on Monday. The two sides also signed a memorandum on energy.", "057", "SRB", "XKX"),
        ("Serbia and Kosovo held talks in Brussels on Monday. The two sides also signed a memorandum on energy.", "057", "XKX", "SRB"),
        ("Ethiopia accused Eritrea of massing troops on the border. Kenya offered to mediate between the two countries.", "039", "KEN", "ERI"),
        ("Peru recalled its ambassador from Bolivia on Monday. Brazil urged both governments to restore ties.", "020", "BRA", "PER"),
        ("Peru recalled its ambassador from Bolivia on Monday. Brazil urged both governments to restore ties.", "020", "BRA", "BOL"),
        // A state's protest in a headline's second clause: aimed at the act's author, an
        // official complaint (114).
        ("Russia seizes Japanese fishing boat, Tokyo protests\n\nThe boat was taken near the islands.", "114", "JPN", "RUS"),
        // A demand that names no one: the side its author acted on in the sentence.
        ("Polish President Jan Nowak thanked Germany for its aid but repeated Warsaw's demand for war reparations.", "100", "POL", "DEU"),
        // A denial of the denier's own act: aimed at the side the act was aimed at.
        ("Guyana said Venezuela had moved 2,000 soldiers to the border with Guyana. Venezuela's defence ministry denied any build-up.", "016", "VEN", "GUY"),
        // ... also after "but" in a relative clause, whose subject is the person before ", who"
        // (not the country after "to"); the subject's own capital as a possessive is no target.
        ("German President Klaus Wendt held talks with Polish President Piotr Nowak, who thanked Germany for its military aid to Ukraine but repeated Warsaw's demand for reparations.", "100", "POL", "DEU"),
        // "the claim": a demand or an accusation made before.
        ("Poland repeated its demand for war reparations from Germany. Berlin rejected the claim.", "120", "DEU", "POL"),
        // A threat that names no one: the side its author acted on in the sentence, else the
        // author of the act against the threatener's country just before.
        ("Chile accused Peru of moving troops to the border and warned that it would defend its territory.", "130", "CHL", "PER"),
        ("Latvia expels Belarusian diplomat, Minsk vows response\n\nThe diplomat has two days to leave the country.", "130", "BLR", "LVA"),
        ("Latvia expelled a Belarusian diplomat on Monday. Belarus said it would retaliate.", "130", "BLR", "LVA"),
    ];

    /// Reactions whose object names no act reported in the story keep no target.
    #[rustfmt::skip]
    const NOT: &[(&str, &str, &str)] = &[
        // The reacting country's own act is no target.
        ("Austria closed its border with Hungary on Monday. Austria defended the decision on Tuesday.", "051", "AUT"),
        // An arrest is no launch.
        ("Vietnam arrested two Chinese fishermen. Japan criticised the launch.", "111", "VNM"),
        // A possessive names the act's author: "the firm's decision" is no state's act.
        ("Germany fined the carmaker on Monday. The British government welcomed the firm's decision.", "051", "DEU"),
        // An act two sentences back is no longer what a threat answers.
        ("Latvia expelled a Belarusian diplomat on Monday. The row grew. Talks were frozen. Belarus said it would retaliate.", "130", "LVA"),
    ];

    #[test]
    fn reactions_take_the_author_of_the_act_named() {
        let stages = Stages::new();
        for (text, code, source, target) in CASES {
            let events = stages.code(text);
            let found = events.iter().any(|e| {
                e.code.as_str() == *code
                    && country(&e.source) == *source
                    && country(&e.target) == *target
            });
            let got: Vec<String> = events
                .iter()
                .map(|e| format!("{} {}->{}", e.code, country(&e.source), country(&e.target)))
                .collect();
            assert!(
                found,
                "{text:?}: expected {code} {source}->{target}, got {got:?}"
            );
        }
        for (text, code, target) in NOT {
            let events = stages.code(text);
            assert!(
                !events
                    .iter()
                    .any(|e| e.code.as_str() == *code && country(&e.target) == *target),
                "{text:?}: no {code} ->{target} expected"
            );
        }
    }
}
