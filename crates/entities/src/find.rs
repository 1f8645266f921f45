//! From gazetteer hits to mentions: titled phrases, plain names, and people seen again.

use std::ops::Range;

use attache_model::{
    ActorCode, ActorMention, CountryCode, Document, MentionKind, PlaceMention, Span,
};

use crate::data::{GroupCountry, Holder, OrgCode};
use crate::gazetteer::{Entry, Gazetteer, Hit};
use crate::keys::{scan_names, NameIndex, Romanisation};
use crate::names::{after_last, holds, name_after, name_before, NameWords};
use crate::{Mentions, Roster};

mod unlisted;

/// Which Koreas a document names, for "the North", "the South" and a bare "Korea".
#[derive(Debug, Clone, Copy, Default)]
struct Korea {
    north: bool,
    south: bool,
}

/// What the places of a stretch of text say about a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Places {
    None,
    One(u16),
    Several,
}

/// A group's country where its sentence names no place, worked out once per document:
/// the dateline's, and the one country the document names as a place.
#[derive(Debug, Clone, Copy, Default)]
struct Home {
    dateline: Option<Option<u16>>,
    document: Option<Option<u16>>,
}

/// What stands before a title and gives it a country (or an organisation).
#[derive(Debug, Clone, Copy)]
struct Qualifier {
    hit: usize,
    country: Option<u16>,
    /// A fixed-code organisation ("U.N. envoy") codes the person by the organisation.
    org: Option<u16>,
}

struct Finder<'a> {
    g: &'a Gazetteer,
    romanisation: &'a Romanisation,
    roster: &'a Roster,
    doc: &'a Document,
    text: &'a str,
    hits: Vec<Hit>,
    /// Hits taken into a larger actor mention: they yield no actor of their own.
    used: Vec<bool>,
    korea: Korea,
    actors: Vec<ActorMention>,
    /// Titled people named with no country ("President Ganzorig Batbayar"): the index of their
    /// actor and the agent code of their title, for [`Finder::home_officials`].
    unqualified: Vec<(usize, String, u16)>,
}

pub(crate) fn find(
    g: &Gazetteer,
    romanisation: &Romanisation,
    roster: &Roster,
    doc: &Document,
) -> Mentions {
    let text = doc.text.as_str();
    let mut hits = g.scan(text);
    resolve_shared(g, &mut hits);
    let hits = drop_name_tails(g, doc, normalise(text, drop_identity_names(text, hits)));
    let mut korea = Korea::default();
    for h in &hits {
        if let Some(c) = plain_country(h.entry) {
            korea.north |= Some(c) == g.prk;
            korea.south |= Some(c) == g.kor;
        }
    }
    let mut f = Finder {
        g,
        romanisation,
        roster,
        doc,
        text,
        used: vec![false; hits.len()],
        hits,
        korea,
        actors: Vec::new(),
        unqualified: Vec::new(),
    };
    f.identity_groups();
    f.titled_phrases();
    f.qualified_orgs();
    f.bare_groups();
    let unlisted = f.unlisted_places();
    let mut places = f.plain_mentions();
    // A listed place inside an unlisted one qualified it: "Russia" in "Russia's Amur region".
    places.retain(|p| !unlisted.iter().any(|u| u.span.contains(p.span)));
    places.extend(unlisted);
    places.sort_by_key(|p| p.span);
    f.known_actors();
    f.home_officials();
    f.people_seen_again();
    f.definite_descriptions();
    f.bodies_named_again();
    let mut actors = f.actors;
    actors.sort_by_key(|a| a.span);
    Mentions { actors, places }
}

/// Turn each name two countries share into the country the document means
/// (`data/shared_names.tsv`): the other country when the document names it otherwise
/// ("Brazzaville", "the Republic of Congo"), else the default one.
fn resolve_shared(g: &Gazetteer, hits: &mut [Hit]) {
    for k in 0..hits.len() {
        let Entry::Shared(s) = hits[k].entry else {
            continue;
        };
        let (default, other) = g.shared[usize::from(s)];
        let named = hits.iter().any(|h| plain_country(h.entry) == Some(other));
        hits[k].entry = Entry::Country(if named { other } else { default });
    }
}

/// Drop a group's adjective that begins a person's name: "Christian Lindner". An adjective
/// followed by a capitalised word that is no gazetteer name is a given name.
fn drop_identity_names(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for (k, h) in hits.iter().enumerate() {
        if let Entry::Identity { noun: false, .. } = h.entry {
            let next_start = hits.get(k + 1).map_or(text.len(), |n| n.start);
            let after = text[h.end..].strip_prefix(' ');
            let name =
                after.is_some_and(|a| a.starts_with(char::is_uppercase) && h.end + 1 < next_start);
            if name {
                continue;
            }
        }
        out.push(*h);
    }
    out
}

/// The country a hit names on its own, without document context.
fn plain_country(e: Entry) -> Option<u16> {
    match e {
        Entry::Country(c) | Entry::Adjective(c) | Entry::Demonym(c) => Some(c),
        Entry::Capital { country, .. } | Entry::City { country, .. } => Some(country),
        _ => None,
    }
}

/// Take "the" into "the North" / "the South" (and drop a bare "North"), and drop country words
/// glued to a lower-case prefix: "pro-Russian", "anti-American", "inter-Korean" do not name
/// the country as an actor.
fn normalise(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    hits.into_iter()
        .filter_map(|h| {
            if matches!(h.entry, Entry::North | Entry::South) {
                let s = article_before(text, h.start)?;
                return text[s..h.start]
                    .eq_ignore_ascii_case("the ")
                    .then_some(Hit { start: s, ..h });
            }
            Some(h)
        })
        .filter(|h| {
            let countryish = matches!(
                h.entry,
                Entry::Country(_)
                    | Entry::Adjective(_)
                    | Entry::Demonym(_)
                    | Entry::Korea
                    | Entry::Korean
                    | Entry::Koreans
            );
            if !countryish {
                return true;
            }
            // The word glued on by the hyphen: a lower-case prefix drops the name, another
            // name ("North Korea-Russia talks") does not.
            let Some(before) = text[..h.start].strip_suffix('-') else {
                return true;
            };
            let word_start = after_last(before, |c| !c.is_alphabetic());
            let word = &before[word_start..];
            let prefix = ["pro", "anti", "inter", "non", "pan", "neo", "post", "pre"]
                .iter()
                .any(|p| word.eq_ignore_ascii_case(p));
            word.is_empty() || !(prefix || word.chars().all(char::is_lowercase))
        })
        .collect()
}

/// Agent codes of CAMEO's primary roles outside the state (manual 1.1b3, table 3.1) whose
/// titles qualify a title after them: "opposition lawmakers" are the opposition.
const ROLE_PREFIXES: &[&str] = &["OPP", "REB", "INS", "SEP"];

/// CAMEO's secondary role codes (manual 1.1b3, table 3.1) but the legislature: a specialty
/// that may follow a primary role ("opposition journalists" OPPMED, "an opposition labor
/// union" OPPLAB, manual 3.1.6).
const SPECIALTIES: &[&str] = &[
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED", "REF",
];

/// The agent code of a role title before another title: the primary role wins, and the other
/// title's specialty follows it. A journalist is MED only if not OPP, and members of a
/// legislature are coded by their side, GOV or OPP, rather than LEG (manual 1.1b3, 3.1.6):
/// "opposition lawmakers" are OPP, "opposition journalists" OPPMED, "rebel commanders" REB.
fn role_over(prefix: &str, agent: &str) -> String {
    match agent.get(..3) {
        Some(a) if SPECIALTIES.contains(&a) => format!("{prefix}{a}"),
        _ => prefix.to_string(),
    }
}

/// Drop an organisation's name that is only the end of a longer proper name: "Workers' Party"
/// in "Kurdistan Workers' Party" is not the Workers' Party of Korea. A name of two or more
/// words counts as a tail when a capitalised word that no gazetteer name covers stands right
/// before it (one space): not a function word ("The", "In": names.rs), not a possessive, not a
/// sentence's first word ("Several Security Council members"), and not in a title-case
/// headline, where every long word is capitalised.
fn drop_name_tails(g: &Gazetteer, doc: &Document, hits: Vec<Hit>) -> Vec<Hit> {
    let text = doc.text.as_str();
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        let tail = match h.entry {
            Entry::Org(o) => {
                g.org_code(o).is_some()
                    && text[h.start..h.end].contains(' ')
                    && kept.last().is_none_or(|p| p.end + 1 < h.start)
                    && longer_name_before(g, doc, h.start)
            }
            _ => false,
        };
        if !tail {
            kept.push(h);
        }
    }
    kept
}

/// Whether the word right before byte `at` (one space between) is a capitalised name word that
/// continues into the name at `at`; see [`drop_name_tails`].
fn longer_name_before(g: &Gazetteer, doc: &Document, at: usize) -> bool {
    let text = doc.text.as_str();
    let Some(head) = text[..at].strip_suffix(' ') else {
        return false;
    };
    if head.ends_with(' ') {
        return false;
    }
    let start = after_last(head, char::is_whitespace);
    let word = &head[start..];
    let possessive = ["'s", "’s", "'", "’"].iter().any(|p| word.ends_with(p));
    if possessive
        || name_before(&g.name_words, text, head.len(), start).is_none_or(|(s, _)| s != start)
    {
        return false;
    }
    let Some(sentence) = doc.sentence_at(start).map(|s| doc.sentences[s].span) else {
        return true;
    };
    if sentence.start == start {
        return false;
    }
    // A title-case headline capitalises every word but short ones ("Lavrov Tells Security
    // Council of Plan").
    sentence
        .slice(text)
        .split_whitespace()
        .any(|w| w.len() > 3 && w.starts_with(char::is_lowercase))
}

/// Whether `gap` is ordinary spacing between two words on one line.
fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ')
}

fn is_possessive(gap: &str) -> bool {
    matches!(gap, "'s " | "’s " | "' " | "’ ")
}

/// Where a name ends before a photo caption's position that ends at `end`: "Liu Jianming
/// (front, R)" -> the end of "Liu Jianming". `end` itself when there is none.
fn caption_position_before(known: &NameWords, text: &str, end: usize) -> usize {
    let Some(head) = text[..end].strip_suffix(')') else {
        return end;
    };
    let Some(open) = head.rfind('(') else {
        return end;
    };
    let inside = &head[open + 1..];
    let is_position = inside.len() <= 24
        && inside
            .split([',', ' '])
            .filter(|w| !w.is_empty())
            .all(|w| holds(&known.caption_positions, w));
    match text[..open].strip_suffix(' ') {
        Some(name) if is_position && !inside.trim().is_empty() => name.len(),
        _ => end,
    }
}

/// The start of an article ("the", "a", "an") just before `at`, if there is one.
fn article_before(text: &str, at: usize) -> Option<usize> {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(head) = text[..at].strip_suffix(a) {
            if !head.chars().next_back().is_some_and(char::is_alphanumeric) {
                return Some(head.len());
            }
        }
    }
    None
}

/// Where a quantity before `at` starts: "Five hundred", "some 800,000", "up to 1,000" and
/// "hundreds of" before "Ugandan rebels" (numbers in digits and the `quantity` words of
/// data/name_words.tsv, in any case; an `approximate` word only before one). `at` itself when
/// there is none.
fn quantity_before(known: &NameWords, text: &str, mut at: usize) -> usize {
    // The longest entry of `list` that `head` ends with, as a whole word.
    let ending = |head: &str, list: &[Box<str>]| {
        // Most entries are ruled out by their last byte before anything else is compared.
        let last = head.as_bytes().last().map(u8::to_ascii_lowercase);
        list.iter()
            .filter(|q| {
                if !q.is_empty() && q.as_bytes().last().map(u8::to_ascii_lowercase) != last {
                    return false;
                }
                let Some(start) = head.len().checked_sub(q.len()) else {
                    return false;
                };
                head.is_char_boundary(start)
                    && head[start..].eq_ignore_ascii_case(q)
                    && !head[..start].ends_with(char::is_alphanumeric)
            })
            .map(|q| q.len())
            .max()
    };
    let mut after_quantity = false;
    while let Some(head) = text[..at].strip_suffix(' ') {
        let number = head
            .rsplit(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .next()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .map(str::len)
            .filter(|&n| !head[..head.len() - n].ends_with(char::is_alphanumeric));
        let found = match number.or_else(|| ending(head, &known.quantities)) {
            Some(n) => Some((n, true)),
            None if after_quantity => ending(head, &known.approximates).map(|n| (n, false)),
            None => None,
        };
        let Some((n, quantity)) = found else {
            break;
        };
        after_quantity = quantity;
        at = head.len() - n;
    }
    at
}

/// Where a group's mention starts before its first word at `at`: over a quantity, then an
/// article ("the two Thai soldiers", "A group of Moroccan diplomats").
fn lead_start(known: &NameWords, text: &str, at: usize) -> usize {
    let q = quantity_before(known, text, at);
    article_before(text, q).unwrap_or(q)
}

impl Finder<'_> {
    fn sentence(&self, offset: usize) -> usize {
        self.doc.sentence_at(offset).unwrap_or_else(|| {
            self.doc
                .sentences
                .partition_point(|s| s.span.start <= offset)
                .saturating_sub(1)
        })
    }

    fn iso(&self, country: u16) -> &CountryCode {
        &self.g.countries[usize::from(country)].iso3
    }

    fn country_name(&self, country: u16) -> &str {
        &self.g.countries[usize::from(country)].name
    }

    /// The country of a hit in this document's context: "the North" is North Korea only in a
    /// document that names a Korea, and "Korea" is resolved only when one Korea is named.
    fn country_of(&self, e: Entry) -> Option<u16> {
        let any = self.korea.north || self.korea.south;
        match e {
            Entry::North if any => self.g.prk,
            Entry::South if any => self.g.kor,
            Entry::Korea | Entry::Korean | Entry::Koreans => {
                match (self.korea.north, self.korea.south) {
                    (true, false) => self.g.prk,
                    (false, true) => self.g.kor,
                    _ => None,
                }
            }
            e => plain_country(e),
        }
    }

    fn code(&self, country: Option<u16>, agent: Option<&str>) -> Option<ActorCode> {
        let c = self.iso(country?);
        match agent {
            // PETRARCH's "[NGO~]": the agent code goes before the country's.
            Some(a) if a.ends_with('~') => {
                ActorCode::parse(&format!("{}{}", &a[..a.len() - 1], c.as_str())).ok()
            }
            Some(a) => ActorCode::country_agent(c, a).ok(),
            None => ActorCode::parse(c.as_str()).ok(),
        }
    }

    fn gap(&self, left: usize, right: usize) -> &str {
        &self.text[self.hits[left].end..self.hits[right].start]
    }

    fn title_of(&self, i: usize) -> Option<(&str, Option<&str>)> {
        match self.hits[i].entry {
            Entry::Title(t) => {
                let t = &self.g.titles[usize::from(t)];
                Some((t.title.as_str(), t.agent.as_deref()))
            }
            _ => None,
        }
    }

    fn holder_of(&self, i: usize) -> Option<Holder> {
        match self.hits[i].entry {
            Entry::Title(t) => self.g.titles[usize::from(t)].holder,
            _ => None,
        }
    }

    fn is_modifier(&self, i: usize) -> bool {
        matches!(self.title_of(i), Some((_, None)))
    }

    /// Whether modifier hit `p` belongs to the phrase whose next hit is `next`. A participle
    /// in -ed ("ousted", "jailed") is taken only where it cannot be the verb: at the start of
    /// a clause, or after an article, a possessive or a country's adjective ("Kyrgyzstan's
    /// ousted president", "the Kyrgyz ousted leader"); in "The army ousted President X" it is
    /// the verb.
    fn takes_modifier(&self, p: usize, next: usize) -> bool {
        let gap = self.gap(p, next);
        if !self.is_modifier(p) || self.used[p] || !(gap.is_empty() || is_space(gap)) {
            return false;
        }
        let h = self.hits[p];
        let first_word = self.text[h.start..h.end].split(' ').next().unwrap_or("");
        if !(first_word.len() > 2 && first_word[first_word.len() - 2..].eq_ignore_ascii_case("ed"))
        {
            return true;
        }
        let head = self.text[..h.start].trim_end_matches(' ');
        !head.ends_with(char::is_alphanumeric)
            || head.ends_with("'s")
            || head.ends_with("’s")
            || article_before(self.text, h.start).is_some()
            || p.checked_sub(1).is_some_and(|b| {
                self.hits[b].end == head.len() && matches!(self.hits[b].entry, Entry::Adjective(_))
            })
    }

    /// The qualifier standing right before hit `first`: "North Korean", "Russia's",
    /// "Kremlin", "the North's", "U.N.". A capital that is itself qualified gives way to its
    /// qualifier: in "North Korea's Moscow embassy" the embassy is North Korea's.
    fn qualifier_before(&self, first: usize) -> Option<Qualifier> {
        let q = self.qualifier_next_to(first)?;
        if matches!(self.hits[q.hit].entry, Entry::Capital { .. }) {
            if let Some(outer) = self.qualifier_next_to(q.hit) {
                if !matches!(
                    self.hits[outer.hit].entry,
                    Entry::Capital { .. } | Entry::Org(_)
                ) {
                    return Some(outer);
                }
            }
        }
        Some(q)
    }

    fn qualifier_next_to(&self, first: usize) -> Option<Qualifier> {
        let q = first.checked_sub(1)?;
        if self.used[q] {
            return None;
        }
        let gap = self.gap(q, first);
        let (space, possessive) = (is_space(gap), is_possessive(gap));
        let e = self.hits[q].entry;
        let country = self.country_of(e);
        // "a London-based rights group", "Gaza-based militants": the place's country.
        if gap == "-based " {
            return self.place_country(q).map(|c| Qualifier {
                hit: q,
                country: Some(c),
                org: None,
            });
        }
        match e {
            Entry::Adjective(_) | Entry::Korean if space => Some(Qualifier {
                hit: q,
                country,
                org: None,
            }),
            Entry::Country(_) | Entry::Capital { .. } | Entry::Korea if space || possessive => {
                Some(Qualifier {
                    hit: q,
                    country,
                    org: None,
                })
            }
            Entry::North | Entry::South if possessive && country.is_some() => Some(Qualifier {
                hit: q,
                country,
                org: None,
            }),
            Entry::Org(o) if (space || possessive) && self.g.org_code(o).is_some() => {
                Some(Qualifier {
                    hit: q,
                    country: self.g.orgs[usize::from(o)].country,
                    org: Some(o),
                })
            }
            _ => None,
        }
    }

    /// The first hit at or after byte `at`, or the text's end.
    fn next_hit_start(&self, from_hit: usize) -> usize {
        self.hits
            .get(from_hit)
            .map(|h| h.start)
            .unwrap_or(self.text.len())
    }

    /// Whether at most two words stand between " of " after hit `i` and hit `j` ("the foreign
    /// ministry of the Russian Federation"; not "the ruling party of steering the country
    /// toward Russia").
    fn short_of_gap(&self, i: usize, j: usize) -> bool {
        let from = (self.hits[i].end + " of ".len()).min(self.hits[j].start);
        self.text[from..self.hits[j].start]
            .split_whitespace()
            .count()
            <= 2
    }

    /// "X, title of [the] Y": the hit Y that follows `after_hit` through "of" in one clause.
    fn of_phrase(&self, end: usize, from_hit: usize) -> Option<usize> {
        let rest = &self.text[end..];
        let rest = rest.strip_prefix(" of ")?;
        let clause_end = end + 4 + rest.find([',', '.', ';', '\n', '(']).unwrap_or(rest.len());
        let mut j = from_hit;
        while j < self.hits.len()
            && self.hits[j].start < clause_end
            && self.hits[j].start < end + 80
        {
            match self.hits[j].entry {
                Entry::Country(_)
                | Entry::Capital { .. }
                | Entry::North
                | Entry::South
                | Entry::Korea => return self.country_of(self.hits[j].entry).map(|_| j),
                Entry::Org(o) if self.g.org_code(o).is_some() => return Some(j),
                _ => j += 1,
            }
        }
        None
    }

    /// "the foreign ministry in Chisinau": the capital right after " in " that follows the
    /// generic organisation at hit `i` (named `name`, with agent code `agent`), whose country
    /// it is. Not an embassy's ("the embassy in Moscow" is another country's), nor the media's
    /// ("state media in Pyongyang" names the capital as a place and an actor of its own).
    fn capital_after_in(&self, i: usize, name: &str, agent: &str) -> Option<usize> {
        let h = self.hits.get(i + 1)?;
        let capital = matches!(h.entry, Entry::Capital { .. });
        let gap = &self.text[self.hits[i].end..h.start];
        (capital && gap == " in " && name != "embassy" && !agent.ends_with("MED")).then_some(i + 1)
    }

    /// "to X" after title hit `title` ("ambassador to the IAEA", "envoy to Russia"): the hit X,
    /// a country or an organisation, if it follows at once.
    fn accredited_to(&self, title: usize) -> Option<usize> {
        let h = self.hits.get(title + 1)?;
        let rest = self.text[self.hits[title].end..].strip_prefix(" to ")?;
        let at = self.text.len() - rest.len();
        let at_name = h.start == at || (rest.starts_with("the ") && h.start == at + 4);
        let names = matches!(
            h.entry,
            Entry::Country(_) | Entry::North | Entry::South | Entry::Org(_)
        );
        (at_name && names).then_some(title + 1)
    }

    /// Titled people and groups: "[article] [qualifier] [modifiers] [generic org] title
    /// [Name]" and "Name, [article] [qualifier] [modifiers] title [of X]".
    fn titled_phrases(&mut self) {
        let mut i = 0;
        while i < self.hits.len() {
            let Some((_, Some(_))) = self.title_of(i) else {
                i += 1;
                continue;
            };
            if self.used[i] {
                i += 1;
                continue;
            }
            // The title may be extended to the left by a generic organisation ("Foreign
            // Ministry spokeswoman") and by modifiers ("first", "top").
            let mut first = i;
            let mut org_prefix = None;
            if let Some(p) = first.checked_sub(1) {
                if let Entry::Org(o) = self.hits[p].entry {
                    if matches!(self.g.orgs[usize::from(o)].code, OrgCode::Generic(_))
                        && is_space(self.gap(p, first))
                        && !self.used[p]
                    {
                        org_prefix = Some(o);
                        first = p;
                    }
                }
            }
            // "opposition" before another title is that title's side: "opposition lawmakers".
            if self.role_prefix_of(i).is_some() {
                i += 1;
                continue;
            }
            let role = first.checked_sub(1).and_then(|p| {
                let r = self.role_prefix_of(p)?;
                first = p;
                Some(r)
            });
            while let Some(p) = first.checked_sub(1) {
                if !self.takes_modifier(p, first) {
                    break;
                }
                first = p;
            }
            let next = self.next_hit_start(i + 1);
            self.phrase(i, first, org_prefix, role, next);
            i += 1;
        }
    }

    /// Whether hit `p` is a title of a primary non-state role (`ROLE_PREFIXES`: "opposition",
    /// "rebel") standing right before another title, which it qualifies ("opposition
    /// lawmakers", "rebel commander"): the role title's row.
    fn role_prefix_of(&self, p: usize) -> Option<u16> {
        let Entry::Title(t) = self.hits[p].entry else {
            return None;
        };
        let agent = self.g.titles[usize::from(t)].agent.as_deref()?;
        let next = self.hits.get(p + 1)?;
        let before_title = matches!(self.title_of(p + 1), Some((_, Some(_))));
        (ROLE_PREFIXES.contains(&agent)
            && before_title
            && !self.used[p]
            && is_space(&self.text[self.hits[p].end..next.start]))
        .then_some(t)
    }

    /// The title and agent code of a title with a role title before it (`role`, a titles row):
    /// "opposition" + "lawmaker" -> ("opposition lawmaker", "OPP"); see [`role_over`].
    fn with_role(&self, role: Option<u16>, title: &str, agent: &str) -> (String, String) {
        match role.map(|r| &self.g.titles[usize::from(r)]) {
            Some(row) => (
                format!("{} {}", row.title, title),
                role_over(row.agent.as_deref().unwrap_or(agent), agent),
            ),
            None => (title.to_string(), agent.to_string()),
        }
    }

    /// Try to build one titled phrase around title hit `title` (extended left to `first`).
    /// Returns whether a mention was made.
    fn phrase(
        &mut self,
        title: usize,
        first: usize,
        org_prefix: Option<u16>,
        role: Option<u16>,
        next: usize,
    ) -> bool {
        let Some((title_text, Some(agent))) = self.title_of(title) else {
            return false;
        };
        let (title_text, agent) = self.with_role(role, title_text, agent);
        let title_text = match org_prefix {
            Some(o) => format!("{} {}", self.g.orgs[usize::from(o)].name, title_text),
            None => title_text,
        };
        let qualifier = self.qualifier_before(first);
        let mut left = qualifier.map(|q| q.hit).unwrap_or(first);
        // Modifiers before the qualifier where a clause starts: "Newly appointed Palestinian
        // Prime Minister". Elsewhere they stay out: in "received the visiting Chinese Foreign
        // Minister" the visit coder reads "visiting".
        if qualifier.is_some() {
            let mut p = left;
            while let Some(b) = p.checked_sub(1) {
                if !self.takes_modifier(b, p) {
                    break;
                }
                p = b;
            }
            let head = self.text[..self.hits[p].start].trim_end_matches(' ');
            if p < left && !head.ends_with(char::is_alphanumeric) {
                left = p;
            }
        }
        let left_start = self.hits[left].start;
        // "the North" carries its own article.
        let mut start = match self.hits[left].entry {
            Entry::North | Entry::South => left_start,
            _ => lead_start(&self.g.name_words, self.text, left_start),
        };
        let holder = self.holder_of(title).unwrap_or(Holder::Person);
        // "Ambassador to South Korea Philip Goldberg": the named person follows the country
        // of accreditation, which is not the person's own.
        let (mut after, mut next) = (title, next);
        if let Some(h) = self.hits.get(title + 1) {
            let to = self.hits[title].end + " to ".len();
            let is_country = matches!(h.entry, Entry::Country(_) | Entry::North | Entry::South);
            if is_country
                && h.start == to
                && self.text[self.hits[title].end..].starts_with(" to ")
                && self.text[h.end..].starts_with(' ')
            {
                let limit = self.next_hit_start(title + 2);
                if name_after(&self.g.name_words, self.text, h.end + 1, limit).is_some() {
                    (after, next) = (title + 1, limit);
                }
            }
        }
        let title_end = self.hits[after].end;

        // Forward name: "... Foreign Minister Choe Son-hui".
        let mut end = title_end;
        let mut of_hit = None;
        let mut name = None;
        let mut name_org = None;
        if self.text[title_end..].starts_with(' ') {
            let at = title_end + 1;
            if self.hits.get(after + 1).is_some_and(|h| h.start == at) {
                if let Entry::Org(o) = self.hits[after + 1].entry {
                    if let Some(code) = self.g.org_code(o) {
                        // "the rebel Revolutionary United Front": a non-state role that the
                        // organisation's own code holds (SLEREBRUF is REB) describes it.
                        let own_role = ROLE_PREFIXES.contains(&agent.as_str())
                            && code
                                .as_str()
                                .get(3..)
                                .is_some_and(|r| r.starts_with(&agent));
                        if holder == Holder::Person && !own_role {
                            // "the official Korean Central News Agency": an adjective, not a
                            // person's title.
                            return false;
                        }
                        name_org = Some(after + 1);
                    }
                }
            } else if let Some((s, e)) = name_after(&self.g.name_words, self.text, at, next) {
                name = Some((s, e));
                end = e;
                // "Foreign Minister Wang Yi of China".
                if qualifier.is_none() {
                    of_hit = self.of_phrase(e, after + 1);
                    if let Some(j) = of_hit {
                        end = self.hits[j].end;
                    }
                }
            }
        }

        // Apposition after a qualified title: "Laos's foreign minister, Bounkham Sithideth,"
        // and "Iran's ambassador to the IAEA, Hamid Rezaei,".
        if name.is_none() && name_org.is_none() && qualifier.is_some() && holder == Holder::Person {
            let to = self.accredited_to(after);
            let comma = to.map_or(title_end, |j| self.hits[j].end);
            if self.text[comma..].starts_with(", ") {
                let limit = self.next_hit_start(to.unwrap_or(after) + 1);
                if let Some((s, e)) = name_after(&self.g.name_words, self.text, comma + 2, limit) {
                    let closed =
                        e == self.text.len() || self.text[e..].starts_with([',', '.', ';']);
                    if closed {
                        name = Some((s, e));
                        end = e;
                        after = to.unwrap_or(after);
                    }
                }
            }
        }

        // Apposition: "Kang Sok Ju, first vice foreign minister of North Korea".
        if name.is_none() && name_org.is_none() {
            let before = &self.text[..start];
            if let Some(comma) = before.strip_suffix(", ").map(str::len) {
                // "led by Liu Jianming (front, R), chief secretary of ...": a photo position
                // between the name and its comma.
                let comma = caption_position_before(&self.g.name_words, self.text, comma);
                let floor = if left > 0 {
                    self.hits[left - 1].end.min(comma)
                } else {
                    0
                };
                if let Some((s, e)) = name_before(&self.g.name_words, self.text, comma, floor) {
                    name = Some((s, e));
                    start = s;
                    if qualifier.is_none() {
                        of_hit = self.of_phrase(self.hits[title].end, title + 1);
                        if let Some(j) = of_hit {
                            end = self.hits[j].end;
                        }
                    }
                }
            }
        }

        let (country, org) = match (qualifier, of_hit) {
            (Some(q), _) => (q.country, q.org),
            (None, Some(j)) => match self.hits[j].entry {
                Entry::Org(o) => (self.g.orgs[usize::from(o)].country, Some(o)),
                e => (self.country_of(e), None),
            },
            (None, None) => (None, None),
        };
        if let Some(n) = name_org {
            // "South Korean news agency Yonhap": the organisation, described.
            let Entry::Org(o) = self.hits[n].entry else {
                return false;
            };
            let org_row = &self.g.orgs[usize::from(o)];
            self.mark(left..=n);
            self.push_actor(
                Span::new(start, self.hits[n].end),
                MentionKind::Organisation,
                Some(org_row.name.clone()),
                Some(title_text),
                org_row.country.or(country),
                self.g.org_code(o).cloned(),
            );
            return true;
        }
        if name.is_none() && qualifier.is_none() {
            return false;
        }
        // A person of an organisation is coded by it: "U.N. envoy" -> IGOUNO. A party member is
        // coded by the party's country and the title's agent ("member of the Workers' Party"
        // -> PRKGOV).
        let code = match org {
            Some(o) if self.g.orgs[usize::from(o)].country.is_none() => self.g.org_code(o).cloned(),
            _ => self.code(country, Some(&agent)),
        };
        let kind = match (holder, name.is_some()) {
            (Holder::Org, _) => MentionKind::Organisation,
            (Holder::Person, true) => MentionKind::Person,
            (Holder::Person, false) => MentionKind::Group,
        };
        let last = of_hit.unwrap_or(after);
        self.mark(left..=last);
        if let (None, None, MentionKind::Person, Entry::Title(t)) =
            (country, org, kind, self.hits[title].entry)
        {
            self.unqualified.push((self.actors.len(), agent.clone(), t));
        }
        self.push_actor(
            Span::new(start, end),
            kind,
            name.map(|(s, e)| self.text[s..e].to_string()),
            Some(title_text),
            country,
            code,
        );
        true
    }

    fn mark(&mut self, range: std::ops::RangeInclusive<usize>) {
        for k in range {
            if let Some(u) = self.used.get_mut(k) {
                *u = true;
            }
        }
    }

    fn push_actor(
        &mut self,
        span: Span,
        kind: MentionKind,
        name: Option<String>,
        title: Option<String>,
        country: Option<u16>,
        code: Option<ActorCode>,
    ) {
        let sentence = self.sentence(span.start);
        let country = country.map(|c| self.iso(c).clone());
        self.actors.push(ActorMention {
            span,
            sentence,
            kind,
            name,
            title,
            country,
            code,
        });
    }

    /// Generic organisations with a qualifier: "Russia's foreign ministry" -> RUSGOV, or with
    /// "of": "the foreign ministry of Russia".
    fn qualified_orgs(&mut self) {
        for i in 0..self.hits.len() {
            let Entry::Org(o) = self.hits[i].entry else {
                continue;
            };
            let OrgCode::Generic(agent) = &self.g.orgs[usize::from(o)].code else {
                continue;
            };
            if self.used[i] {
                continue;
            }
            let agent = agent.clone();
            let name = self.g.orgs[usize::from(o)].name.clone();
            let (left, country, end, last) = if let Some(q) = self.qualifier_before(i) {
                (q.hit, q.country, self.hits[i].end, i)
            } else if let Some(j) = self
                .of_phrase(self.hits[i].end, i + 1)
                .filter(|&j| self.short_of_gap(i, j))
            {
                (i, self.country_of(self.hits[j].entry), self.hits[j].end, j)
            } else if let Some(j) = self.capital_after_in(i, &name, agent.as_str()) {
                (i, self.country_of(self.hits[j].entry), self.hits[j].end, j)
            } else {
                continue;
            };
            let Some(country) = country else { continue };
            let left_start = self.hits[left].start;
            let start = match self.hits[left].entry {
                Entry::North | Entry::South => left_start,
                _ => article_before(self.text, left_start).unwrap_or(left_start),
            };
            self.mark(left..=last);
            let code = self.code(Some(country), Some(&agent));
            self.push_actor(
                Span::new(start, end),
                MentionKind::Organisation,
                Some(name),
                None,
                Some(country),
                code,
            );
        }
    }

    /// The country a place hit names ("Thailand", "Bangkok", "the North" in a Korea story);
    /// `None` for adjectives, people and organisations, which do not say where.
    fn place_country(&self, i: usize) -> Option<u16> {
        match self.hits[i].entry {
            Entry::Country(_)
            | Entry::Capital { .. }
            | Entry::City { .. }
            | Entry::North
            | Entry::South
            | Entry::Korea => self.country_of(self.hits[i].entry),
            _ => None,
        }
    }

    /// What the place hits in `range` say about a country: none, one, or several. A group's
    /// base ("a London-based rights group") is not where the clause happens.
    fn place_countries(&self, range: std::ops::Range<usize>) -> Places {
        let mut found = Places::None;
        for i in range {
            if self.text[self.hits[i].end..].starts_with("-based") || self.heading_before(i) {
                continue;
            }
            match (found, self.place_country(i)) {
                (_, None) => {}
                (Places::None, Some(c)) => found = Places::One(c),
                (Places::One(a), Some(b)) if a != b => return Places::Several,
                _ => {}
            }
        }
        found
    }

    /// Whether the word before hit `i` makes its place a heading or an opponent ("steering the
    /// country toward Russia", "sanctions against Iran"): not where the clause's people are.
    fn heading_before(&self, i: usize) -> bool {
        let before = self.text[..self.hits[i].start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or(before);
        self.g
            .place_words
            .headings
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    }

    /// The country of the first place named in the dateline ("SEOUL, Jan. 29 (Yonhap) --").
    fn dateline_country(&self) -> Option<u16> {
        let dateline = self.doc.dateline.as_ref()?;
        self.hits
            .iter()
            .filter(|h| dateline.span.contains(Span::new(h.start, h.end)))
            .find_map(|h| self.country_of(h.entry))
    }

    /// The hit ranges of the sentence around byte `offset` and of its part between semicolons
    /// ("Militants kill Malian minister; Niger says troops ..."): independent clauses.
    fn sentence_hits(&self, offset: usize) -> (Range<usize>, Range<usize>) {
        let span = self
            .doc
            .sentences
            .get(self.sentence(offset))
            .map_or(Span::new(0, self.text.len()), |s| s.span);
        let part_start = self.text[span.start..offset]
            .rfind(';')
            .map_or(span.start, |k| span.start + k + 1);
        let part_end = self.text[offset..span.end]
            .find(';')
            .map_or(span.end, |k| offset + k);
        let hits = |from: usize, to: usize| {
            self.hits.partition_point(|h| h.start < from)
                ..self.hits.partition_point(|h| h.start < to)
        };
        (hits(span.start, span.end), hits(part_start, part_end))
    }

    /// A place right after hit `i` through "in", "from", "of" or "at" ("protesters in
    /// Bangkok"), or for a group away from home only "from" and "of" ("refugees from Syria").
    fn place_after(&self, i: usize, kind: GroupCountry) -> Option<u16> {
        let next = i + 1;
        let h = self.hits.get(next)?;
        let gap = &self.text[self.hits[i].end..h.start];
        // "in northern Mali", "in the south of"... only the direction word itself.
        let gap = match gap.strip_suffix(' ').and_then(|g| g.rsplit_once(' ')) {
            Some((head, word))
                if self
                    .g
                    .place_words
                    .directions
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(word)) =>
            {
                &gap[..head.len() + 1]
            }
            _ => gap,
        };
        let gap = gap.strip_suffix("the ").unwrap_or(gap);
        let through = match kind {
            GroupCountry::Place => matches!(gap, " in " | " from " | " of " | " at "),
            GroupCountry::Origin => matches!(gap, " from " | " of "),
        };
        through.then(|| self.place_country(next)).flatten()
    }

    /// Whether a capitalised word that is no gazetteer name stands right before byte `at`, as
    /// an adjective we do not know ("Kurdish" in "three Kurdish activists"). A sentence's first
    /// word does not count.
    fn unknown_qualifier_before(&self, at: usize) -> bool {
        let Some(head) = self.text[..at].strip_suffix(' ') else {
            return false;
        };
        let start = after_last(head, |c| !c.is_alphanumeric() && c != '-');
        let word = &head[start..];
        let at_sentence_start = self
            .doc
            .sentence_at(start)
            .is_some_and(|s| self.doc.sentences[s].span.start == start);
        word.starts_with(char::is_uppercase)
            && !at_sentence_start
            && self.hits[..self.hits.partition_point(|h| h.start <= start)]
                .last()
                .is_none_or(|h| start >= h.end)
    }

    /// Group nouns standing alone (`data/groups.tsv`): "Police fired tear gas at protesters".
    /// A qualified group ("Thai police") is a titled phrase already. The country comes from a
    /// place right after the noun, else the one country its clause names as a place (none if
    /// two, or if only the rest of the sentence names places), else in a sentence with no
    /// place the dateline, else the one country the document names as a place; adjectives and people
    /// never lend theirs ("Police detained two Russian tourists"). A group away from home
    /// (refugees, tourists) takes only the place it comes from. With none, the mention says
    /// who but not whose, and has no code.
    fn bare_groups(&mut self) {
        if self.g.groups.is_empty() {
            return;
        }
        let mut home = Home::default();
        for i in 0..self.hits.len() {
            let Entry::Title(t) = self.hits[i].entry else {
                continue;
            };
            if self.used[i] {
                continue;
            }
            let h = self.hits[i];
            let form = &self.text[h.start..h.end];
            let Some(&(_, kind)) = self
                .g
                .groups
                .iter()
                .find(|g| g.0.eq_ignore_ascii_case(form))
            else {
                continue;
            };
            // Capitalised only where a sentence starts: "Workers' Party" is a name.
            let at_start = self
                .doc
                .sentence_at(h.start)
                .map(|s| self.doc.sentences[s].span.start);
            if !form.starts_with(char::is_lowercase) && at_start != Some(h.start) {
                continue;
            }
            // "rebel-held", "anti-police"; "opposition to the plan" is an attitude; "a police
            // spokeswoman", "student leaders" are the next title's.
            let rest = &self.text[h.end..];
            let before_title = self.hits.get(i + 1).is_some_and(|n| {
                matches!(n.entry, Entry::Title(_)) && is_space(&self.text[h.end..n.start])
            });
            if before_title
                || self.text[..h.start].ends_with('-')
                || rest.starts_with('-')
                || (form.eq_ignore_ascii_case("opposition") && rest.starts_with(" to "))
            {
                continue;
            }
            // "Opposition lawmakers": the role title before the noun is part of the group.
            let role = i.checked_sub(1).and_then(|p| self.role_prefix_of(p));
            let first = if role.is_some() { i - 1 } else { i };
            let first_start = self.hits[first].start;
            let country = match (self.place_after(i, kind), kind) {
                // "Kurdish activists", "Tamil refugees": qualified by a people or a region we
                // do not know; the place named is not theirs to take.
                _ if self.unknown_qualifier_before(first_start) => None,
                (Some(c), _) => Some(c),
                (None, GroupCountry::Origin) => None,
                (None, GroupCountry::Place) => match self.clause_places(h.start) {
                    Places::One(c) => Some(c),
                    Places::Several => None,
                    Places::None => self.home_country(&mut home),
                },
            };
            let start = lead_start(&self.g.name_words, self.text, first_start);
            let row = &self.g.titles[usize::from(t)];
            let Some(agent) = row.agent.as_deref() else {
                continue;
            };
            let (title, agent) = self.with_role(role, &row.title, agent);
            let code = self.code(country, Some(&agent));
            self.mark(first..=i);
            self.push_actor(
                Span::new(start, h.end),
                MentionKind::Group,
                None,
                Some(title),
                country,
                code,
            );
        }
    }

    /// What the clause around byte `offset` says of a group's country: the one country it
    /// names as a place; `Several` when it names two, or names none while the rest of the
    /// sentence names some (not a guess to make); `None` when the sentence names no place.
    fn clause_places(&self, offset: usize) -> Places {
        let (sentence, part) = self.sentence_hits(offset);
        match (self.place_countries(part), self.place_countries(sentence)) {
            (Places::One(c), _) => Places::One(c),
            (Places::None, Places::None) => Places::None,
            _ => Places::Several,
        }
    }

    /// The country of a group in a sentence that names no place: the dateline's, else the one
    /// country the document names as a place; worked out once per document in `home`.
    fn home_country(&self, home: &mut Home) -> Option<u16> {
        let dateline = *home.dateline.get_or_insert_with(|| self.dateline_country());
        dateline.or_else(|| {
            *home
                .document
                .get_or_insert_with(|| match self.place_countries(0..self.hits.len()) {
                    Places::One(c) => Some(c),
                    _ => None,
                })
        })
    }

    /// Ethnic and religious groups (`data/identities.tsv`), standing alone ("Iraqi Kurds",
    /// "Sunnis") or qualifying a title after them ("Kurdish rebels", "Hutu militiamen",
    /// "Shiite cleric Ali Hamadi"). The country is the one an adjective or possessive before
    /// them names; else a place right after them, the one country their clause names as a
    /// place, the group's home, the dateline's country, the document's. The code is the
    /// country, the title's agent, then the identity (IRQKUR, TURREBKUR); with no country the
    /// identity comes first (KURREB). An adjective with no title after it names no actor
    /// ("the Christian quarter"), nor does a form glued to a hyphen ("Kurdish-led").
    fn identity_groups(&mut self) {
        if self.g.identities.is_empty() {
            return;
        }
        let mut home = Home::default();
        for i in 0..self.hits.len() {
            let Entry::Identity { row, noun } = self.hits[i].entry else {
                continue;
            };
            let h = self.hits[i];
            if self.used[i]
                || self.text[..h.start].ends_with('-')
                || self.text[h.end..].starts_with('-')
            {
                continue;
            }
            let title = self
                .hits
                .get(i + 1)
                .filter(|n| is_space(&self.text[h.end..n.start]))
                .and_then(|_| self.title_of(i + 1))
                .and_then(|(t, agent)| Some((t.to_string(), agent?.to_string())));
            if title.is_none() && !noun {
                continue;
            }
            let last = if title.is_some() { i + 1 } else { i };
            let identity = &self.g.identities[usize::from(row)];
            let qualifier = self
                .qualifier_next_to(i)
                .filter(|q| q.org.is_none() && q.country.is_some());
            let country = match qualifier {
                Some(q) => q.country,
                None => self.place_after(last, GroupCountry::Place).or_else(|| {
                    match self.clause_places(h.start) {
                        Places::One(c) => Some(c),
                        Places::Several => identity.home,
                        Places::None => identity.home.or_else(|| self.home_country(&mut home)),
                    }
                }),
            };
            let agent = title.as_ref().map_or("", |t| t.1.as_str());
            let code = match country {
                Some(c) => {
                    ActorCode::country_agent(self.iso(c), &format!("{agent}{}", identity.code))
                }
                None => ActorCode::parse(&format!("{}{agent}", identity.code)),
            }
            .ok();
            // "Kurdish leader Massoud Ahmadi": a person.
            let mut end = self.hits[last].end;
            let mut name = None;
            if title.is_some()
                && self.holder_of(last) == Some(Holder::Person)
                && self.text[end..].starts_with(' ')
            {
                let next = self.next_hit_start(last + 1);
                if let Some((s, e)) = name_after(&self.g.name_words, self.text, end + 1, next) {
                    name = Some(self.text[s..e].to_string());
                    end = e;
                }
            }
            let kind = match (&name, self.holder_of(last)) {
                (Some(_), _) => MentionKind::Person,
                (None, Some(Holder::Org)) => MentionKind::Organisation,
                _ => MentionKind::Group,
            };
            let first = qualifier.map_or(i, |q| q.hit);
            let start = lead_start(&self.g.name_words, self.text, self.hits[first].start);
            self.mark(first..=last);
            self.push_actor(
                Span::new(start, end),
                kind,
                name,
                title.map(|t| t.0),
                country,
                code,
            );
        }
    }

    /// Everything not taken into a phrase becomes a plain actor; every place is a place.
    fn plain_mentions(&mut self) -> Vec<PlaceMention> {
        let mut places = Vec::new();
        for i in 0..self.hits.len() {
            let h = self.hits[i];
            let span = Span::new(h.start, h.end);
            // "London-based" names a place, never an actor.
            let free = !self.used[i] && !self.text[h.end..].starts_with("-based");
            let country = self.country_of(h.entry);
            match h.entry {
                Entry::Country(_) | Entry::North | Entry::South | Entry::Korea => {
                    let Some(c) = country else {
                        if free && h.entry == Entry::Korea {
                            // Either Korea: say so, but claim no country.
                            self.push_actor(
                                span,
                                MentionKind::Country,
                                Some("Korea".into()),
                                None,
                                None,
                                None,
                            );
                        }
                        continue;
                    };
                    let name = self.country_name(c).to_string();
                    if free {
                        let code = self.code(Some(c), None);
                        self.push_actor(
                            span,
                            MentionKind::Country,
                            Some(name.clone()),
                            None,
                            Some(c),
                            code,
                        );
                    }
                    places.push(self.place(span, name, Some(c), true));
                }
                Entry::Adjective(_) | Entry::Korean if free => {
                    if let Some(c) = country {
                        let name = self.country_name(c).to_string();
                        let code = self.code(Some(c), None);
                        self.push_actor(
                            span,
                            MentionKind::Adjective,
                            Some(name),
                            None,
                            Some(c),
                            code,
                        );
                    }
                }
                Entry::Demonym(_) | Entry::Koreans if free => {
                    if let Some(c) = country {
                        let code = self.code(Some(c), None);
                        self.push_actor(span, MentionKind::Group, None, None, Some(c), code);
                    }
                }
                Entry::Capital {
                    country: c,
                    place,
                    seat,
                } => {
                    let name = self.g.places[place as usize].clone();
                    let span = match article_before(self.text, h.start) {
                        Some(s) if seat && self.text[s..h.start].eq_ignore_ascii_case("the ") => {
                            Span::new(s, h.end)
                        }
                        _ => span,
                    };
                    if free {
                        let code = self.code(Some(c), Some("GOV"));
                        self.push_actor(
                            span,
                            MentionKind::Capital,
                            Some(name.clone()),
                            None,
                            Some(c),
                            code,
                        );
                    }
                    places.push(self.place(span, name, Some(c), false));
                }
                Entry::City { country: c, place } => {
                    let name = self.g.places[place as usize].clone();
                    places.push(self.place(span, name, Some(c), false));
                }
                Entry::Org(o) if free => {
                    if let Some(code) = self.g.org_code(o).cloned() {
                        let org = &self.g.orgs[usize::from(o)];
                        let name = org.name.clone();
                        let country = org.country;
                        let span = match article_before(self.text, h.start) {
                            Some(s) if self.text[s..h.start].eq_ignore_ascii_case("the ") => {
                                Span::new(s, h.end)
                            }
                            _ => span,
                        };
                        self.push_actor(
                            span,
                            MentionKind::Organisation,
                            Some(name),
                            None,
                            country,
                            Some(code),
                        );
                    }
                    // A generic organisation with no country to belong to says nothing.
                }
                _ => {}
            }
        }
        places.sort_by_key(|p| p.span);
        places
    }

    fn place(
        &self,
        span: Span,
        name: String,
        country: Option<u16>,
        is_country: bool,
    ) -> PlaceMention {
        PlaceMention {
            span,
            sentence: self.sentence(span.start),
            name,
            country: country.map(|c| self.iso(c).clone()),
            is_country,
        }
    }

    /// Wire copy leaves the home country's officials unqualified: in a story datelined SEOUL,
    /// "Foreign Minister Choi Dong-hyun" is South Korea's. A titled person with no country, who
    /// is not introduced with one elsewhere in the document, takes the home country: the
    /// dateline city's, else the outlet's when the document names that country (The Korea
    /// Times' "President Lee Tae-gyeom").
    ///
    /// A head's title (`data/heads.tsv`) goes home only if the home country's heads hold it
    /// (Japan has no president). Otherwise, and with no home, it goes to the one country the
    /// document names (with no home: as a place) whose heads hold it, leaving out a country
    /// whose holder of that title the document names already: after "Indonesian Foreign Minister Ratna Kusumawardhani" in a
    /// Tokyo story, "President Bambang Wiratmaja" is Indonesia's; "Premier Wen" beside the U.S.
    /// is China's.
    fn home_officials(&mut self) {
        if self.unqualified.is_empty() {
            return;
        }
        let named = self.named_countries(false);
        let home = self
            .dateline_country()
            .or_else(|| self.outlet_country().filter(|c| named.contains(c)));
        // With no home, only countries named as places: one named by an adjective is mostly
        // another actor's ("Japanese Prime Minister ... and Chinese Premier ... criticized
        // President Tom Harris").
        let pool = match home {
            Some(_) => named.clone(),
            None => self.named_countries(true),
        };
        // Names compared token by token in any romanisation: "Choi Son Hui" was introduced
        // as North Korea's "Choe Son-hui" and is not the dateline country's.
        let tokens = |name: &str| -> Vec<String> {
            name.split(' ')
                .map(|t| self.romanisation.key(t))
                .filter(|k| !k.is_empty())
                .collect()
        };
        let introduced: Vec<(String, Vec<String>)> = self
            .actors
            .iter()
            .filter(|a| a.kind == MentionKind::Person && a.country.is_some())
            .filter_map(|a| a.name.as_deref())
            .map(|n| (self.romanisation.key(n), tokens(n)))
            .collect();
        let mut resolved = Vec::new();
        for (i, agent, title) in &self.unqualified {
            let name = self.actors[*i].name.as_deref().unwrap_or("");
            let (key, own) = (self.romanisation.key(name), tokens(name));
            let shares_a_name = introduced
                .iter()
                .any(|(k, ts)| *k == key || ts.iter().any(|t| own.contains(t)));
            // A user dictionary may have given the country already.
            if shares_a_name || self.actors[*i].country.is_some() {
                continue;
            }
            let country = match home {
                Some(h) if self.g.may_hold(h, *title) => Some(h),
                _ if self.g.is_head_title(*title) => self.only_holder(*title, &named, &pool),
                _ => None,
            };
            if let Some(c) = country {
                resolved.push((*i, c, self.code(Some(c), Some(agent))));
            }
        }
        for (i, c, code) in resolved {
            self.actors[i].country = Some(self.iso(c).clone());
            self.actors[i].code = code;
        }
    }

    /// The countries the document names (as a name, adjective, people, capital or city), or
    /// with `places` only those it names as a place (a name, capital or city).
    fn named_countries(&self, places: bool) -> Vec<u16> {
        let mut named: Vec<u16> = Vec::new();
        for (i, h) in self.hits.iter().enumerate() {
            let country = match h.entry {
                _ if places => self.place_country(i),
                Entry::Org(_) | Entry::Title(_) | Entry::Discard => None,
                e => self.country_of(e),
            };
            if let Some(c) = country.filter(|c| !named.contains(c)) {
                named.push(c);
            }
        }
        named
    }

    /// The country of the outlet (`Document::source`: "The Korea Times" -> KOR), if the
    /// gazetteers know it.
    fn outlet_country(&self) -> Option<u16> {
        let source = self.doc.source.as_deref()?;
        self.g.scan(source).iter().find_map(|h| match h.entry {
            Entry::Org(o) => self.g.orgs[usize::from(o)].country,
            _ => None,
        })
    }

    /// The country whose heads hold title row `title` (`data/heads.tsv`): the one whose holder
    /// the document describes without a name ("Indonesian president"), else the one in `pool`
    /// (the countries that may be the person's) when no other there may hold it and some
    /// country in `named` cannot (the title tells the named countries apart). A country whose holder of the title the
    /// document names already is left out ("Chinese President Xi Jinping" leaves China out for
    /// another president).
    fn only_holder(&self, title: u16, named: &[u16], pool: &[u16]) -> Option<u16> {
        let title_text = &self.g.titles[usize::from(title)].title;
        let holder_named = |c: u16| {
            let iso = self.iso(c);
            self.actors.iter().any(|a| {
                a.kind == MentionKind::Person
                    && a.country.as_ref() == Some(iso)
                    && a.title
                        .as_deref()
                        .is_some_and(|t| t.eq_ignore_ascii_case(title_text))
            })
        };
        // "Indonesian president" in the headline: a country's holder described, not named.
        let mut described = self.actors.iter().filter_map(|a| {
            let is_title = a
                .title
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(title_text));
            let c = self.country_of_code(a.code.as_ref()?)?;
            (a.kind == MentionKind::Group && a.name.is_none() && is_title).then_some(c)
        });
        if let Some(c) = described.next() {
            if described.all(|d| d == c) && self.g.may_hold(c, title) && !holder_named(c) {
                return Some(c);
            }
        }
        // The title must tell the named countries apart: with one named country ("President
        // Bush threatened action against Russia") that country is as likely the other side.
        if named.iter().all(|&c| self.g.may_hold(c, title)) {
            return None;
        }
        let mut candidates = pool
            .iter()
            .copied()
            .filter(|&c| self.g.may_hold(c, title) && !holder_named(c));
        let first = candidates.next()?;
        (candidates.next().is_none() && self.g.holds(first, title)).then_some(first)
    }

    /// The country a full actor code begins with, if it is one we know ("PRKGOV" -> PRK).
    fn country_of_code(&self, code: &ActorCode) -> Option<u16> {
        let c = code.as_str().get(..3)?;
        self.g
            .countries
            .iter()
            .position(|k| k.iso3.as_str() == c)
            .map(|i| i as u16)
    }

    /// Named actors from user dictionaries (`--people`, `--actors`). A person the text names
    /// with a title takes the dictionary's canonical name, and its code for the article's
    /// date when the dictionary has one; a name the gazetteers missed becomes a mention of its
    /// own. The publication date picks the dated code (PETRARCH's `[PRKGOV 030101-080531]`).
    fn known_actors(&mut self) {
        if self.roster.actors.is_empty() {
            return;
        }
        let day = self.doc.published;
        let roster = self.roster;
        // Apply the dictionary to a mention: canonical name, and the role of the day.
        let apply = |f: &Finder<'_>, a: &mut ActorMention, known: usize| {
            let k = &roster.actors[known];
            a.name = Some(k.name.clone());
            if let Some(role) = k.role_at(day) {
                let country = role.country.clone().or_else(|| {
                    role.code
                        .as_ref()
                        .and_then(|c| f.country_of_code(c))
                        .map(|c| f.iso(c).clone())
                });
                if role.code.is_some() || country.is_some() {
                    a.code = role.code.clone().or_else(|| {
                        country
                            .as_ref()
                            .and_then(|c| ActorCode::parse(c.as_str()).ok())
                    });
                    a.country = country;
                }
                if a.title.is_none() {
                    a.title = role.title.clone();
                }
            }
        };
        let mut actors = std::mem::take(&mut self.actors);
        for a in &mut actors {
            if a.kind != MentionKind::Person {
                continue;
            }
            let Some(name) = a.name.as_deref() else {
                continue;
            };
            if let Some(&k) = roster.index.keys.get(&self.romanisation.key(name)) {
                apply(self, a, k as usize);
            }
        }
        self.actors = actors;
        let found = scan_names(self.text, self.romanisation, &roster.index);
        for (span, k) in found {
            // The gazetteers know their names better than a dictionary: "SEOUL" in a dateline
            // is a place, "Beijing" its government, "Korean pop" nothing.
            let taken = self.actors.iter().any(|a| a.span.overlaps(span))
                || self
                    .hits
                    .iter()
                    .any(|h| Span::new(h.start, h.end).overlaps(span));
            if taken {
                continue;
            }
            let known = &roster.actors[k as usize];
            let kind = if known.person {
                MentionKind::Person
            } else if !known.roles.is_empty()
                && known.roles.iter().all(|r| {
                    r.code
                        .as_ref()
                        .is_some_and(|c| c.as_str().len() == 3 && self.country_of_code(c).is_some())
                })
            {
                // PETRARCH's country entries and their synonyms: cities, provinces, peoples.
                MentionKind::Country
            } else {
                MentionKind::Organisation
            };
            let mut a = ActorMention {
                span,
                sentence: self.sentence(span.start),
                kind,
                name: None,
                title: None,
                country: None,
                code: None,
            };
            apply(self, &mut a, k as usize);
            self.actors.push(a);
        }
    }

    /// A person named with a country is the same person when named again: by full name in any
    /// romanisation ("Choe Son Hui" for "Choe Son-hui", by [`Romanisation::key`]), or by
    /// the name's first or last token (Korean surnames come first: "Kang" for "Kang Sok Ju";
    /// Western ones last: "Lavrov"), possessives included ("Choe's visit"). A token shared by
    /// two people in the document is ambiguous and not used. Pronouns are left to the coder.
    fn people_seen_again(&mut self) {
        struct Known {
            name: String,
            title: Option<String>,
            country: Option<CountryCode>,
            code: Option<ActorCode>,
        }
        let mut known: Vec<Known> = Vec::new();
        let mut known_keys: Vec<String> = Vec::new();
        for a in &self.actors {
            if a.kind != MentionKind::Person || a.country.is_none() {
                continue;
            }
            let Some(name) = &a.name else { continue };
            let key = self.romanisation.key(name);
            if !known_keys.contains(&key) {
                known_keys.push(key);
                known.push(Known {
                    name: name.clone(),
                    title: a.title.clone(),
                    country: a.country.clone(),
                    code: a.code.clone(),
                });
            }
        }
        if known.is_empty() {
            return;
        }
        // Keys: full names, then single tokens owned by exactly one person.
        let mut keys: Vec<(String, usize, bool)> = Vec::new();
        for (i, k) in known.iter().enumerate() {
            keys.push((known_keys[i].clone(), i, true));
            let tokens: Vec<&str> = k.name.split(' ').collect();
            if tokens.len() > 1 {
                let last = tokens[tokens.len() - 1];
                // "Rubaie" for "Salim al-Rubaie".
                let bare = crate::names::unfused(last);
                for t in [tokens[0], last].into_iter().chain(bare) {
                    if t.chars().count() >= 2 && t.chars().next().is_some_and(char::is_uppercase) {
                        keys.push((self.romanisation.key(t), i, false));
                    }
                }
            }
        }
        // Index value: person * 2 + 1 for a full name, person * 2 for a single token.
        let mut index = NameIndex::default();
        for (i, k) in known.iter().enumerate() {
            index.add(self.romanisation, &k.name, (i as u32) * 2 + 1);
        }
        for k in &known {
            // "Su-gil" is two words to the scanner: it must be allowed to extend "su".
            let tokens: Vec<&str> = k.name.split(' ').collect();
            if tokens.len() > 1 {
                let last = tokens[tokens.len() - 1];
                let bare = crate::names::unfused(last);
                for t in [tokens[0], last].into_iter().chain(bare) {
                    index.prefixes.extend(self.romanisation.prefixes(t));
                }
            }
        }
        for (key, i, full) in &keys {
            if *full {
                continue;
            }
            let owners = keys
                .iter()
                .filter(|(k, j, f)| !f && k == key && j != i)
                .count();
            let is_full_name_of_other = keys.iter().any(|(k, j, f)| *f && k == key && j != i);
            if owners == 0 && !is_full_name_of_other {
                index.add_key(self.romanisation, key.clone(), (*i as u32) * 2);
            }
        }
        // A titled person named without a country ("Foreign Minister Choe") takes it from the
        // full introduction elsewhere in the document.
        for a in &mut self.actors {
            if a.kind != MentionKind::Person || a.country.is_some() {
                continue;
            }
            let Some(name) = a.name.as_deref() else {
                continue;
            };
            let by_key = index
                .keys
                .get(&self.romanisation.key(name))
                .map(|&v| (v / 2) as usize);
            // "President Lee Tae-gyeom" and "South Korean President Lee": one person when
            // exactly one person known with the same title shares the first or last token.
            let by_title = || {
                let title = a.title.as_deref()?;
                let ends = |n: &str| -> [String; 2] {
                    let first = n.split(' ').next().unwrap_or(n);
                    let last = n.rsplit(' ').next().unwrap_or(n);
                    [self.romanisation.key(first), self.romanisation.key(last)]
                };
                let own = ends(name);
                let mut same = known.iter().enumerate().filter(|(_, k)| {
                    k.title
                        .as_deref()
                        .is_some_and(|t| t.eq_ignore_ascii_case(title))
                        && ends(&k.name).iter().any(|t| own.contains(t))
                });
                let (i, first) = same.next()?;
                same.all(|(_, k)| k.name == first.name).then_some(i)
            };
            let found = match by_key {
                Some(i) => Some((i, true)),
                None => by_title().map(|i| (i, false)),
            };
            if let Some((i, whole)) = found {
                let k = &known[i];
                // By a shared token, the fuller name is the canonical one.
                if whole || k.name.split(' ').count() >= name.split(' ').count() {
                    a.name = Some(k.name.clone());
                }
                a.country = k.country.clone();
                a.code = k.code.clone();
            }
        }
        let mut found: Vec<(Span, usize)> = Vec::new();
        for (span, v) in scan_names(self.text, self.romanisation, &index) {
            if !self.standalone(span, v % 2 == 1) {
                continue;
            }
            let taken = self.actors.iter().any(|a| a.span.overlaps(span))
                || self
                    .hits
                    .iter()
                    .any(|h| Span::new(h.start, h.end).overlaps(span));
            if !taken {
                found.push((span, (v / 2) as usize));
            }
        }
        for (span, i) in found {
            let k = &known[i];
            self.actors.push(ActorMention {
                span,
                sentence: self.sentence(span.start),
                kind: MentionKind::Person,
                name: Some(k.name.clone()),
                title: k.title.clone(),
                country: k.country.clone(),
                code: k.code.clone(),
            });
        }
    }

    /// "the North Korean foreign minister", after "North Korean Foreign Minister Choe
    /// Son-hui": a definite description with the title and country of exactly one person
    /// introduced earlier in the document is that person. "A foreign minister" is not.
    fn definite_descriptions(&mut self) {
        struct Introduced {
            span: Span,
            name: String,
            title: String,
            country: Option<CountryCode>,
            code: Option<ActorCode>,
        }
        let people: Vec<Introduced> = self
            .actors
            .iter()
            .filter(|a| a.kind == MentionKind::Person && a.country.is_some())
            .filter_map(|a| {
                Some(Introduced {
                    span: a.span,
                    name: a.name.clone()?,
                    title: a.title.clone()?.to_lowercase(),
                    country: a.country.clone(),
                    code: a.code.clone(),
                })
            })
            .collect();
        if people.is_empty() {
            return;
        }
        for a in &mut self.actors {
            if a.kind != MentionKind::Group || a.name.is_some() || a.country.is_none() {
                continue;
            }
            let Some(title) = a.title.as_deref().map(str::to_lowercase) else {
                continue;
            };
            let head = a.span.slice(self.text);
            if !(head.starts_with("the ") || head.starts_with("The ")) {
                continue;
            }
            let mut matches = people.iter().filter(|p| {
                p.span.end <= a.span.start && p.title == title && p.country == a.country
            });
            let Some(first) = matches.next() else {
                continue;
            };
            if matches.any(|p| p.name != first.name) {
                continue;
            }
            a.kind = MentionKind::Person;
            a.name = Some(first.name.clone());
            a.code = first.code.clone().or(a.code.take());
        }
    }

    /// "The ministry", "the agency": a body named again by the last word of its name takes the
    /// organisation the document named last with that word ("South Korea's Foreign Ministry"
    /// ... "The ministry accused ..." -> KORGOV). Not "the ministry of X" (another body) nor
    /// "the ministry's" (a modifier).
    fn bodies_named_again(&mut self) {
        if !self.actors.iter().any(|a| {
            a.code.is_some()
                && (a.kind == MentionKind::Organisation
                    || a.code
                        .as_ref()
                        .is_some_and(|c| c.as_str().starts_with("IGO")))
        }) {
            return;
        }
        let text = self.text;
        let mut found = Vec::new();
        for (at, _) in text.match_indices("he ") {
            let Some(start) = at.checked_sub(1) else {
                continue;
            };
            if !matches!(text.as_bytes()[start], b't' | b'T')
                || text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let word_start = at + 3;
            let rest = &text[word_start..];
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            if len < 3 {
                continue;
            }
            let word = &rest[..len];
            let after = &rest[len..];
            // "the bloc", "the alliance": the intergovernmental organisation named last, its
            // possessive included ("the bloc's foreign policy chief condemned ...").
            let body_noun = holds(&self.g.name_words.body_nouns, word);
            if after.starts_with(" of ")
                || (!body_noun && (after.starts_with("'s") || after.starts_with("’s")))
            {
                continue;
            }
            let span = Span::new(start, word_start + len);
            if self
                .actors
                .iter()
                .any(|a| a.span.start < span.end && span.start < a.span.end)
            {
                continue;
            }
            let antecedent = self
                .actors
                .iter()
                .filter(|a| {
                    (a.kind == MentionKind::Organisation || body_noun)
                        && a.span.end <= span.start
                        && match body_noun {
                            // (Its envoy names it too: "the European Union's ambassador".)
                            true => a
                                .code
                                .as_ref()
                                .is_some_and(|c| c.as_str().starts_with("IGO")),
                            false => {
                                a.code.is_some()
                                    && a.name.as_deref().is_some_and(|n| {
                                        n.rsplit(' ')
                                            .next()
                                            .is_some_and(|last| last.eq_ignore_ascii_case(word))
                                    })
                            }
                        }
                })
                .max_by_key(|a| a.span.start);
            if let Some(a) = antecedent {
                found.push(ActorMention {
                    span,
                    sentence: self.sentence(span.start),
                    kind: MentionKind::Organisation,
                    name: (a.kind == MentionKind::Organisation)
                        .then(|| a.name.clone())
                        .flatten(),
                    title: None,
                    country: a.country.clone(),
                    code: a.code.clone(),
                });
            }
        }
        self.actors.extend(found);
    }

    /// Whether a name at `span` stands alone: word boundaries, and for a single token, no
    /// capitalised word joined to it (so "Kim" in "Kim Yo Jong" is not "Kim" of "Kim Su-gil").
    fn standalone(&self, span: Span, whole: bool) -> bool {
        let before = self.text[..span.start].chars().next_back();
        let after = self.text[span.end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        if whole {
            return true;
        }
        let next_word = self.text[span.end..]
            .strip_prefix(' ')
            .and_then(|r| r.chars().next());
        if next_word.is_some_and(char::is_uppercase) || after == Some('-') {
            return false;
        }
        // The word before may be capitalised only because it starts the sentence.
        let head = &self.text[..span.start];
        if let Some(h) = head.strip_suffix(' ') {
            let word_start = after_last(h, char::is_whitespace);
            let word = &h[word_start..];
            let at_sentence_start = self
                .doc
                .sentence_at(word_start)
                .is_some_and(|s| self.doc.sentences[s].span.start == word_start);
            if word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().last().is_some_and(char::is_alphabetic)
                && !at_sentence_start
            {
                return false;
            }
        }
        true
    }
}
