//! The compiled gazetteer: every name from the data files, what it stands for, and the one
//! automaton that finds them all in a single pass over a document.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use attache_model::{ActorCode, CountryCode};

use crate::data::{
    CountryRow, DiscardRow, GroupCountry, HeadsRow, Holder, IdentityRow, OrgCode, OrgRow,
    PlaceWords, SharedRow, TitleRow,
};
use crate::names::NameWords;
use crate::EntitiesError;

/// What a matched name stands for. Indices point into the [`Gazetteer`] tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A phrase from `discard.txt`: yields nothing and hides the names inside it.
    Discard,
    Country(u16),
    Adjective(u16),
    /// "North Koreans", "Britons": people of a country.
    Demonym(u16),
    /// A capital or seat of government: an actor (its government) and a place. A seat
    /// ("Kremlin") takes a preceding "the" into its mention; a capital does not.
    Capital {
        country: u16,
        place: u32,
        seat: bool,
    },
    /// Any other city, or a capital written in capitals ("SEOUL, Jan. 29"): a place only.
    City {
        country: u16,
        place: u32,
    },
    Org(u16),
    Title(u16),
    /// An ethnic or religious group (`identities.tsv`): a noun that may stand alone
    /// ("Kurds"), or an adjective that only qualifies a title ("Kurdish rebels").
    Identity {
        row: u16,
        noun: bool,
    },
    /// A name two countries share (`shared_names.tsv`: "Congo"), resolved per document into
    /// a [`Entry::Country`] before anything else reads the hits.
    Shared(u16),
    /// "the North" / "the South": a Korea only when the document is about Korea.
    North,
    South,
    /// "Korea" / "Korean" / "Koreans" alone: one of the two Koreas, or neither.
    Korea,
    Korean,
    Koreans,
}

pub(crate) struct Country {
    pub iso3: CountryCode,
    pub name: String,
}

pub(crate) struct Org {
    pub name: String,
    pub code: OrgCode,
    /// The country a fixed code begins with ("PRKGOVMED" -> PRK).
    pub country: Option<u16>,
}

pub(crate) struct Title {
    pub title: String,
    /// `None` for a modifier ("top", "former").
    pub agent: Option<String>,
    /// `None` for a modifier.
    pub holder: Option<Holder>,
}

/// An ethnic or religious group of `identities.tsv`.
pub(crate) struct Identity {
    /// The CAMEO identity code: "KUR", "MOSSHI".
    pub code: String,
    /// The one country nearly all of the group lives in.
    pub home: Option<u16>,
}

/// Korea-specific names. They are language rather than gazetteer knowledge: the rules that give
/// them meaning (see `Recognizer::find`) are written for exactly these words.
const KOREA_NAMES: &[(&str, Entry)] = &[
    // Only "the North" / "the South" count; the article is checked and taken in by the
    // recogniser. Matching the bare word lets "the North Korean envoy" match "North Korean".
    ("North", Entry::North),
    ("South", Entry::South),
    ("Korea", Entry::Korea),
    ("Korean", Entry::Korean),
    ("Koreans", Entry::Koreans),
];

/// Who may own a pattern; two owners of the same kind for one pattern is a data error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Discard,
    Korea,
    Country(u16),
    Org(u16),
    Title(u16),
    Identity(u16),
    Shared(u16),
    /// A title from a user agents file: never clashes, the first listing of a name wins.
    Agent,
}

impl Owner {
    fn same_table(self, other: Owner) -> bool {
        matches!(
            (self, other),
            (Owner::Country(_), Owner::Country(_))
                | (Owner::Org(_), Owner::Org(_))
                | (Owner::Title(_), Owner::Title(_))
                | (Owner::Identity(_), Owner::Identity(_))
                | (Owner::Shared(_), Owner::Shared(_))
        )
    }
}

/// Collects patterns in priority order: when a name is listed twice, the first entry wins, but
/// two rows of one table claiming the same name is an error naming the second row.
struct Patterns {
    names: Vec<String>,
    entries: Vec<Entry>,
    index: HashMap<String, (usize, Owner)>,
}

impl Patterns {
    fn add(
        &mut self,
        name: &str,
        entry: Entry,
        owner: Owner,
        file: &str,
        line: usize,
    ) -> Result<(), EntitiesError> {
        if name.is_empty() {
            return Ok(());
        }
        if let Some(&(_, prev)) = self.index.get(name) {
            if prev != owner && prev.same_table(owner) {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("{name:?} is already listed for another row"),
                ));
            }
            return Ok(());
        }
        self.index
            .insert(name.to_string(), (self.names.len(), owner));
        self.names.push(name.to_string());
        self.entries.push(entry);
        Ok(())
    }
}

/// Each word with its first letter in upper case: "state media" -> "State Media".
fn capitalise_words(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The forms a common noun phrase is matched in: as written, in lower case (unless it is an
/// acronym like "MP", whose lower case is another word), with each word capitalised, and, for
/// a phrase of several words, with its first word capitalised as a sentence starts: "Newly
/// appointed Prime Minister ...".
fn common_forms(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if s.chars().any(|c| c.is_lowercase()) {
        let lower = s.to_lowercase();
        if lower.contains(' ') {
            let mut c = lower.chars();
            if let Some(f) = c.next() {
                out.push(f.to_uppercase().chain(c).collect());
            }
        }
        out.push(lower);
    }
    out.push(capitalise_words(s));
    out
}

/// Plural people-words derived from adjectives: "North Korean" -> "North Koreans",
/// "Israeli" -> "Israelis". Other plurals ("Britons") are listed in the data.
fn derived_demonym(adjective: &str) -> Option<String> {
    (adjective.ends_with("an") || adjective.ends_with('i')).then(|| format!("{adjective}s"))
}

pub(crate) struct Gazetteer {
    pub countries: Vec<Country>,
    pub places: Vec<String>,
    pub orgs: Vec<Org>,
    pub titles: Vec<Title>,
    pub identities: Vec<Identity>,
    /// Per shared name, the countries it names: by default, and in a document that names the
    /// other country.
    pub shared: Vec<(u16, u16)>,
    /// Title forms that name an actor standing alone (`data/groups.tsv`), in lower case, with
    /// where their country comes from.
    pub groups: Vec<(String, GroupCountry)>,
    /// The words of unlisted places (`data/place_words.tsv`).
    pub place_words: PlaceWords,
    /// Each country's capital, an index into `places`.
    pub capitals: Vec<Option<u32>>,
    /// Particles, words that are no names, caption positions (`data/name_words.tsv`).
    pub name_words: NameWords,
    pub entries: Vec<Entry>,
    /// Per country, the title rows its heads hold (`data/heads.tsv`); `None`: not listed, may
    /// hold any.
    pub heads: Vec<Option<Vec<u16>>>,
    /// Per title row, whether it is a head's title (listed for some country in `heads`).
    pub head_titles: Vec<bool>,
    /// The names' trie, walked anchored at each position where a name may begin.
    pub automaton: NFA,
    /// The first bytes of the names, so that the automaton is only run where one can begin.
    pub starts: Starts,
    pub prk: Option<u16>,
    pub kor: Option<u16>,
}

/// The names of the files the rows came from, for error messages.
pub(crate) struct Sources<'a> {
    pub countries: &'a str,
    pub orgs: &'a str,
    pub titles: &'a str,
    pub discard: &'a str,
    pub identities: &'a str,
    pub shared: &'a str,
}

/// The rows the automaton is built from.
pub(crate) struct Rows<'a> {
    pub countries: &'a [CountryRow],
    pub orgs: &'a [OrgRow],
    pub titles: &'a [TitleRow],
    pub discards: &'a [DiscardRow],
    /// Titles from user agent files.
    pub agents: &'a [TitleRow],
    pub identities: &'a [IdentityRow],
    pub shared: &'a [SharedRow],
}

impl Gazetteer {
    /// The gazetteer of `rows`. A shared name or a group's home whose country `rows` lack is
    /// skipped: a user's countries file may leave out countries.
    pub(crate) fn build(rows: &Rows<'_>, files: &Sources<'_>) -> Result<Gazetteer, EntitiesError> {
        let Rows {
            countries,
            orgs,
            titles,
            discards,
            agents,
            identities,
            shared,
        } = *rows;
        if countries.len() > usize::from(u16::MAX) || identities.len() > usize::from(u16::MAX) {
            return Err(EntitiesError::data(files.countries, 0, "too many rows"));
        }
        if countries.len() > usize::from(u16::MAX) || orgs.len() > usize::from(u16::MAX) {
            return Err(EntitiesError::data(files.countries, 0, "too many rows"));
        }
        let mut p = Patterns {
            names: Vec::new(),
            entries: Vec::new(),
            index: HashMap::new(),
        };
        for d in discards {
            for form in [d.phrase.clone(), capitalise_words(&d.phrase)] {
                p.add(&form, Entry::Discard, Owner::Discard, files.discard, d.line)?;
            }
        }
        for (name, entry) in KOREA_NAMES {
            p.add(name, *entry, Owner::Korea, "(built in)", 0)?;
        }
        let country_index = |code: &CountryCode| {
            countries
                .iter()
                .position(|c| c.iso3 == *code)
                .map(|i| i as u16)
        };
        let mut shared_table = Vec::with_capacity(shared.len());
        for r in shared {
            if let (Some(d), Some(o)) = (country_index(&r.default), country_index(&r.other)) {
                let si = shared_table.len() as u16;
                p.add(
                    &r.name,
                    Entry::Shared(si),
                    Owner::Shared(si),
                    files.shared,
                    r.line,
                )?;
                shared_table.push((d, o));
            }
        }

        let mut places = Vec::new();
        let mut table = Vec::with_capacity(countries.len());
        // Names first for every country, then adjectives, and so on, so that within one
        // country a name beats a city of the same spelling ("Singapore").
        for (i, c) in countries.iter().enumerate() {
            let (ci, o, f, l) = (i as u16, Owner::Country(i as u16), files.countries, c.line);
            p.add(&c.name, Entry::Country(ci), o, f, l)?;
            for n in &c.names {
                p.add(n, Entry::Country(ci), o, f, l)?;
            }
            table.push(Country {
                iso3: c.iso3.clone(),
                name: c.name.clone(),
            });
        }
        for (i, c) in countries.iter().enumerate() {
            let (ci, o, f, l) = (i as u16, Owner::Country(i as u16), files.countries, c.line);
            for a in &c.adjectives {
                p.add(a, Entry::Adjective(ci), o, f, l)?;
            }
            for a in &c.adjectives {
                if let Some(d) = derived_demonym(a) {
                    p.add(&d, Entry::Demonym(ci), o, f, l)?;
                }
            }
            for d in &c.demonyms {
                p.add(d, Entry::Demonym(ci), o, f, l)?;
            }
        }
        let mut capitals = vec![None; countries.len()];
        for (i, c) in countries.iter().enumerate() {
            let (ci, o, f, l) = (i as u16, Owner::Country(i as u16), files.countries, c.line);
            if let Some(canonical) = c.capital.first() {
                let place = places.len() as u32;
                capitals[i] = Some(place);
                places.push(canonical.clone());
                for n in &c.capital {
                    let e = Entry::Capital {
                        country: ci,
                        place,
                        seat: false,
                    };
                    p.add(n, e, o, f, l)?;
                }
            }
            for s in &c.seats {
                let place = places.len() as u32;
                places.push(s.clone());
                p.add(
                    s,
                    Entry::Capital {
                        country: ci,
                        place,
                        seat: true,
                    },
                    o,
                    f,
                    l,
                )?;
            }
        }
        for (i, c) in countries.iter().enumerate() {
            let (ci, o, f, l) = (i as u16, Owner::Country(i as u16), files.countries, c.line);
            // A capital in capitals is a dateline or a headline shout, not its government.
            let capitals = c.capital.first().map(|canonical| (canonical, &c.capital));
            if let Some((canonical, spellings)) = capitals {
                let place = places.iter().position(|x| x == canonical).unwrap_or(0) as u32;
                for n in spellings {
                    let upper = n.to_uppercase();
                    if upper != *n {
                        p.add(&upper, Entry::City { country: ci, place }, o, f, l)?;
                    }
                }
            }
            for city in &c.cities {
                let place = places.len() as u32;
                places.push(city.clone());
                p.add(city, Entry::City { country: ci, place }, o, f, l)?;
                let upper = city.to_uppercase();
                if upper != *city {
                    p.add(&upper, Entry::City { country: ci, place }, o, f, l)?;
                }
            }
        }

        let iso_index = |code: &str| {
            countries
                .iter()
                .position(|c| code.starts_with(c.iso3.as_str()))
                .map(|i| i as u16)
        };
        let mut org_table = Vec::with_capacity(orgs.len());
        for (i, r) in orgs.iter().enumerate() {
            let (oi, o, f, l) = (i as u16, Owner::Org(i as u16), files.orgs, r.line);
            let forms: Vec<String> = match &r.code {
                OrgCode::Fixed(_) => std::iter::once(r.name.clone())
                    .chain(r.names.iter().cloned())
                    .collect(),
                OrgCode::Generic(_) => std::iter::once(&r.name)
                    .chain(r.names.iter())
                    .flat_map(|n| common_forms(n))
                    .collect(),
            };
            for form in &forms {
                p.add(form, Entry::Org(oi), o, f, l)?;
            }
            let country = match &r.code {
                OrgCode::Fixed(code) => iso_index(code.as_str()),
                OrgCode::Generic(_) => None,
            };
            org_table.push(Org {
                name: r.name.clone(),
                code: r.code.clone(),
                country,
            });
        }

        let mut identity_table = Vec::with_capacity(identities.len());
        for (i, r) in identities.iter().enumerate() {
            let (row, o, f, l) = (
                i as u16,
                Owner::Identity(i as u16),
                files.identities,
                r.line,
            );
            for (forms, noun) in [(&r.nouns, true), (&r.adjectives, false)] {
                for form in forms {
                    // "ethnic Albanians" also opens a sentence: "Ethnic Albanians".
                    let mut c = form.chars();
                    let capitalised = c
                        .next()
                        .filter(|f| f.is_lowercase())
                        .map(|f| f.to_uppercase().chain(c).collect::<String>());
                    for form in std::iter::once(form).chain(capitalised.as_ref()) {
                        p.add(form, Entry::Identity { row, noun }, o, f, l)?;
                    }
                }
            }
            identity_table.push(Identity {
                code: r.code.clone(),
                home: r.home.as_ref().and_then(country_index),
            });
        }

        if titles.len() + agents.len() > usize::from(u16::MAX) {
            return Err(EntitiesError::data(files.titles, 0, "too many rows"));
        }
        let mut title_table = Vec::with_capacity(titles.len());
        for (i, r) in titles.iter().enumerate() {
            let (ti, o, f, l) = (i as u16, Owner::Title(i as u16), files.titles, r.line);
            for n in std::iter::once(&r.title).chain(r.variants.iter()) {
                for form in common_forms(n) {
                    p.add(&form, Entry::Title(ti), o, f, l)?;
                }
            }
            title_table.push(Title {
                title: r.title.clone(),
                agent: r.agent.clone(),
                holder: r.holder,
            });
        }

        // Agents from user dictionaries come after our titles: a noun we already know keeps
        // its row, an agent adds the nouns we lack.
        for r in agents {
            let ti = title_table.len() as u16;
            for n in std::iter::once(&r.title).chain(r.variants.iter()) {
                for form in common_forms(n) {
                    p.add(&form, Entry::Title(ti), Owner::Agent, files.titles, r.line)?;
                }
            }
            title_table.push(Title {
                title: r.title.clone(),
                agent: r.agent.clone(),
                holder: r.holder,
            });
        }

        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&p.names)?;
        let starts = Starts::of(&p.names);
        let find = |iso: &str| {
            table
                .iter()
                .position(|c| c.iso3.as_str() == iso)
                .map(|i| i as u16)
        };
        let (prk, kor) = (find("PRK"), find("KOR"));
        Ok(Gazetteer {
            countries: table,
            places,
            orgs: org_table,
            titles: title_table,
            identities: identity_table,
            shared: shared_table,
            groups: Vec::new(),
            place_words: PlaceWords::default(),
            capitals,
            name_words: NameWords::default(),
            entries: p.entries,
            heads: Vec::new(),
            head_titles: Vec::new(),
            automaton,
            starts,
            prk,
            kor,
        })
    }

    /// Every gazetteer name in `text`, leftmost-longest, on word boundaries, in text order.
    ///
    /// When the longest name at a position fails the boundary test ("Korean" in "Koreanness"),
    /// a shorter name at the same position is tried before moving on.
    pub(crate) fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let bytes = text.as_bytes();
        let mut start = 0;
        // Only positions where a name can begin (its first bytes begin some name, and it
        // starts a word or is no word character) walk the trie: the same hits as one
        // leftmost-longest pass over the whole text that restarts after each rejected start,
        // without walking the bytes between.
        let class = &self.starts.class;
        let is_word_byte = |at: usize| class[usize::from(bytes[at])] & Starts::WORD != 0;
        while start < bytes.len() {
            let c = class[usize::from(bytes[start])];
            if c & Starts::WORD != 0 && start > 0 && is_word_byte(start - 1) {
                // Inside an ASCII word: no name starts before its end.
                start += 1;
                while start < bytes.len() && is_word_byte(start) {
                    start += 1;
                }
                continue;
            }
            // Two ASCII bytes that are not both word bytes are a boundary; else decode.
            let ascii = bytes[start].is_ascii() && (start == 0 || bytes[start - 1].is_ascii());
            if c & Starts::BEGINS == 0
                || !self.starts.may_begin(bytes, start)
                || !(ascii || boundary_before(text, start))
            {
                start += 1;
                continue;
            }
            match self.longest_at(text, start) {
                Some((end, pattern)) => {
                    hits.push(Hit {
                        start,
                        end,
                        entry: self.entries[pattern],
                    });
                    start = end;
                }
                None => start += 1,
            }
        }
        hits
    }

    /// The longest name starting at `start` that ends on a word boundary: its end and its
    /// pattern. One walk of the trie from `start`, keeping the last name that ends well (what
    /// a leftmost-longest anchored search retried on ever shorter ranges would return).
    fn longest_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let nfa = &self.automaton;
        let mut sid = nfa.start_state(Anchored::Yes).ok()?;
        let bytes = text.as_bytes();
        let mut found = None;
        let mut at = start;
        while at < bytes.len() {
            sid = nfa.next_state(Anchored::Yes, sid, bytes[at]);
            at += 1;
            if !nfa.is_special(sid) {
                continue;
            }
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                // A match state may also carry names that begin after `start` (reached by a
                // failure transition when the trie is built): those are no names here.
                let pattern = nfa.match_pattern(sid, 0);
                if at - nfa.pattern_len(pattern) == start && boundary_after(text, at) {
                    found = Some((at, pattern.as_usize()));
                }
            }
        }
        found
    }

    /// Take the heads' titles of `data/heads.tsv`. With `strict` (the compiled-in countries and
    /// titles) every country and title must be known; a user's countries or titles file may
    /// lack some, and what it lacks is skipped.
    pub(crate) fn set_heads(
        &mut self,
        file: &str,
        rows: &[HeadsRow],
        strict: bool,
    ) -> Result<(), EntitiesError> {
        self.heads = vec![None; self.countries.len()];
        self.head_titles = vec![false; self.titles.len()];
        for r in rows {
            let Some(c) = self.countries.iter().position(|c| c.iso3 == r.iso3) else {
                if strict {
                    return Err(EntitiesError::data(
                        file,
                        r.line,
                        format!("unknown country {}", r.iso3),
                    ));
                }
                continue;
            };
            let mut titles = Vec::with_capacity(r.titles.len());
            for t in &r.titles {
                let row = self
                    .titles
                    .iter()
                    .position(|x| x.agent.is_some() && x.title.eq_ignore_ascii_case(t));
                let Some(row) = row else {
                    if strict {
                        return Err(EntitiesError::data(
                            file,
                            r.line,
                            format!("{t:?} is no title of the titles file"),
                        ));
                    }
                    continue;
                };
                self.head_titles[row] = true;
                titles.push(row as u16);
            }
            self.heads[c] = Some(titles);
        }
        Ok(())
    }

    /// Whether the heads of `country` may hold title row `title`: yes for a title that is no
    /// head's, and for a country `heads.tsv` does not list.
    pub(crate) fn may_hold(&self, country: u16, title: u16) -> bool {
        !self.is_head_title(title)
            || self
                .heads
                .get(usize::from(country))
                .and_then(Option::as_ref)
                .is_none_or(|ts| ts.contains(&title))
    }

    /// Whether title row `title` is a head's title, and `country` is listed as holding it.
    pub(crate) fn holds(&self, country: u16, title: u16) -> bool {
        self.heads
            .get(usize::from(country))
            .and_then(Option::as_ref)
            .is_some_and(|ts| ts.contains(&title))
    }

    /// Whether title row `title` is a head's title (`data/heads.tsv`).
    pub(crate) fn is_head_title(&self, title: u16) -> bool {
        self.head_titles
            .get(usize::from(title))
            .copied()
            .unwrap_or(false)
    }

    /// The actor code of a fixed-code organisation (`None` for a generic one).
    pub(crate) fn org_code(&self, org: u16) -> Option<&ActorCode> {
        match &self.orgs[usize::from(org)].code {
            OrgCode::Fixed(c) => Some(c),
            OrgCode::Generic(_) => None,
        }
    }
}

/// One gazetteer name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The bytes names begin with: each one-byte and two-byte name, and the first three bytes of
/// each longer one (hashed into a bit set). A position whose bytes begin no name needs no
/// search.
pub(crate) struct Starts {
    /// Per byte: [`Starts::WORD`] for an ASCII letter or digit, [`Starts::BEGINS`] when some
    /// name begins with it (never a UTF-8 continuation byte).
    class: [u8; 256],
    one: [bool; 256],
    /// Bit `b1 % 64` of word `b0 * 4 + b1 / 64` for each two-byte name.
    two: [u64; 256 * 4],
    /// Bit [`Starts::slot3`] of the first three bytes of each longer name.
    three: Vec<u64>,
}

impl Starts {
    const WORD: u8 = 1;
    const BEGINS: u8 = 2;
    /// Bits in `three`: sparse enough that most three-byte prefixes of words miss.
    const THREE_BITS: u32 = 17;

    fn of(names: &[String]) -> Starts {
        let mut starts = Starts {
            class: [0; 256],
            one: [false; 256],
            two: [0; 256 * 4],
            three: vec![0; 1 << (Starts::THREE_BITS - 6)],
        };
        for b in 0..=255u8 {
            if b.is_ascii_alphanumeric() {
                starts.class[usize::from(b)] |= Starts::WORD;
            }
        }
        for name in names {
            if let Some(&b0) = name.as_bytes().first() {
                starts.class[usize::from(b0)] |= Starts::BEGINS;
            }
            match *name.as_bytes() {
                [] => {}
                [b0] => starts.one[usize::from(b0)] = true,
                [b0, b1] => {
                    let (word, bit) = Starts::slot2(b0, b1);
                    starts.two[word] |= bit;
                }
                [b0, b1, b2, ..] => {
                    let (word, bit) = Starts::slot3(b0, b1, b2);
                    starts.three[word] |= bit;
                }
            }
        }
        starts
    }

    fn slot2(b0: u8, b1: u8) -> (usize, u64) {
        (usize::from(b0) * 4 + usize::from(b1 / 64), 1 << (b1 % 64))
    }

    fn slot3(b0: u8, b1: u8, b2: u8) -> (usize, u64) {
        let x = u32::from(b0) << 16 | u32::from(b1) << 8 | u32::from(b2);
        let h = x.wrapping_mul(0x9e37_79b1) >> (32 - Starts::THREE_BITS);
        ((h / 64) as usize, 1 << (h % 64))
    }

    /// Whether some name may begin with the bytes at `at`.
    fn may_begin(&self, bytes: &[u8], at: usize) -> bool {
        let b0 = bytes[at];
        if self.one[usize::from(b0)] {
            return true;
        }
        let Some(&b1) = bytes.get(at + 1) else {
            return false;
        };
        let (word, bit) = Starts::slot2(b0, b1);
        if self.two[word] & bit != 0 {
            return true;
        }
        let Some(&b2) = bytes.get(at + 2) else {
            return false;
        };
        let (word, bit) = Starts::slot3(b0, b1, b2);
        self.three[word] & bit != 0
    }
}

/// A name starting with a letter must not continue a word ("Un" in "Kun").
fn boundary_before(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let prev = text[..start].chars().next_back();
    match (first, prev) {
        (Some(f), Some(p)) if is_word(f) => !is_word(p),
        _ => true,
    }
}

/// A name ending with a letter must not run on into a word ("Korea" in "Koreans"). A name
/// ending with punctuation ("U.S.") needs no boundary.
fn boundary_after(text: &str, end: usize) -> bool {
    let last = text[..end].chars().next_back();
    let next = text[end..].chars().next();
    match (last, next) {
        (Some(l), Some(n)) if is_word(l) => !is_word(n),
        _ => true,
    }
}
