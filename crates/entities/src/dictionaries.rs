//! User dictionaries: PETRARCH/Phoenix actor and agent files, and our people file with dated
//! roles. Every problem names its file and line. Our people file is read strictly (the first
//! problem is an error); PETRARCH files leniently (a bad line or block is skipped and reported,
//! the rest loads), because the real Phoenix files have a few typos PETRARCH itself skips.
//!
//! **PETRARCH actors** (`Phoenix.Countries.actors.txt` and the like): an entry is a name line,
//! `+` synonym lines, and code blocks, on the name line or on lines of their own:
//!
//! ```text
//! KIM_JONG_UN_  # a comment
//! +KIM_JONG-UN
//!     [PRKGOV >111217]
//!     [PRKELI]
//! SOME_AGENCY_ [IGOUNO 030101-080531] [IGOWHO >080601]
//! ```
//!
//! A code block is `[CODE]` (undated: the default), `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]`
//! (from that day) or `[CODE <YYMMDD]` (before it); dates are `YYMMDD` (years 00-30 are
//! 20YY, others 19YY, as in TABARI) or `YYYYMMDD`. `---` is PETRARCH's null code: the name is
//! known and codes as nothing. `#` starts a comment; `<!-- ... -->` blocks are comments too.
//! Names are matched as whole words; PETRARCH's stems (a name without a trailing `_` that
//! matches any word beginning with it) are matched as whole words only.
//!
//! **PETRARCH agents** (`Phoenix.agents.txt`): `NOUN_PHRASE {PLURALS} [~CODE]`, with
//! `!SET! = A, B` substitution sets. Regular plurals are made as PETRARCH 0.5 does unless
//! `{...}` gives them (`{}`: none). An agent code after `~` goes after the country's
//! (`[~MIL]`: RUSMIL), one before `~` goes before it (`[NGO~]`: NGORUS), as in PETRARCH.
//!
//! **People** (our own TSV, docs/DICTIONARIES.md): one row per role,
//! `name  variants  country  code  from  to  title`.

use jiff::civil::Date;

use attache_model::{ActorCode, CountryCode};

use crate::data::{Holder, TitleRow};
use crate::EntitiesError;

/// One role of a known actor: a code valid from one day to another (either open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Role {
    /// `None` for PETRARCH's null code `---`.
    pub code: Option<ActorCode>,
    /// The country, when the file says so (people file); else taken from the code.
    pub country: Option<CountryCode>,
    pub title: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Role {
    fn is_undated(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    fn covers(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// A named actor from a user dictionary: a canonical name, its synonyms, and its roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KnownActor {
    /// Where it was defined, for messages: `file:line`.
    pub origin: String,
    pub name: String,
    pub synonyms: Vec<String>,
    pub roles: Vec<Role>,
    /// Whether the file says this is a person (the people file), or the roles suggest it
    /// (a PETRARCH entry with dated codes is an office holder).
    pub person: bool,
}

impl KnownActor {
    /// The role on `day`: the first dated role that covers it, else the first undated one.
    /// With no date, the undated role, else the open-ended (current) one.
    pub(crate) fn role_at(&self, day: Option<Date>) -> Option<&Role> {
        let undated = || self.roles.iter().find(|r| r.is_undated());
        match day {
            Some(d) => self
                .roles
                .iter()
                .find(|r| !r.is_undated() && r.covers(d))
                .or_else(undated),
            None => undated().or_else(|| self.roles.iter().rev().find(|r| r.to.is_none())),
        }
    }
}

/// "HAMID_KARZAI_" -> "Hamid Karzai": underscores to spaces, each word capitalised.
fn display_name(raw: &str) -> String {
    let spaced = raw.replace('_', " ");
    let mut out = String::with_capacity(spaced.len());
    let mut at_word_start = true;
    for c in spaced.trim().chars() {
        if c.is_alphabetic() {
            if at_word_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_word_start = false;
        } else {
            at_word_start = c == ' ' || c == '-';
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `YYMMDD` or `YYYYMMDD` date as PETRARCH reads it: six or seven digits are `YYMMDD` (the
/// seventh ignored), eight or more `YYYYMMDD` (the rest ignored). The real Phoenix files have
/// a few such typos ("9008223") and PETRARCH reads them this way.
fn petrarch_date(s: &str) -> Option<Date> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        6 | 7 => {
            let yy: i16 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..6])
        }
        n if n >= 8 => (s[..4].parse().ok()?, &s[4..8]),
        _ => return None,
    };
    Date::new(year, rest[..2].parse().ok()?, rest[2..].parse().ok()?).ok()
}

/// Drop `# comments`; `<!-- -->` blocks are handled by the caller, line by line.
fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim_end()
}

/// One `[...]` block's content: `CODE`, `CODE D1-D2`, `CODE >D`, `CODE <D`.
fn parse_code_block(file: &str, line: usize, block: &str) -> Result<Role, EntitiesError> {
    let err = |m: String| EntitiesError::data(file, line, m);
    let block = block.trim();
    let (code_part, dates) = match block.find(|c: char| c.is_whitespace()) {
        Some(i) => (&block[..i], block[i..].trim()),
        None => (block, ""),
    };
    let code = if code_part.bytes().all(|b| b == b'-') {
        None
    } else {
        let upper = code_part.to_ascii_uppercase();
        Some(ActorCode::parse(&upper).map_err(|e| err(format!("[{block}]: {e}")))?)
    };
    let date = |s: &str| {
        petrarch_date(s.trim()).ok_or_else(|| {
            err(format!(
                "[{block}]: {:?} is not a date (YYMMDD or YYYYMMDD)",
                s.trim()
            ))
        })
    };
    let (from, to) = if dates.is_empty() {
        (None, None)
    } else if let Some(d) = dates.strip_prefix('>') {
        (Some(date(d)?), None)
    } else if let Some(d) = dates.strip_prefix('<') {
        // "Before that day": the day itself belongs to the next code.
        (
            None,
            Some(date(d)?.yesterday().map_err(|e| err(e.to_string()))?),
        )
    } else if let Some((a, b)) = dates.split_once('-') {
        (Some(date(a)?), Some(date(b)?))
    } else {
        return Err(err(format!("[{block}]: expected dates as D1-D2, >D or <D")));
    };
    Ok(Role {
        code,
        country: None,
        title: None,
        from,
        to,
    })
}

/// Split `text` into the part before the first `[` and every `[...]` block after it.
fn code_blocks<'t>(
    file: &str,
    line: usize,
    text: &'t str,
) -> Result<(&'t str, Vec<&'t str>), EntitiesError> {
    let Some(open) = text.find('[') else {
        return Ok((text, Vec::new()));
    };
    let (head, mut rest) = text.split_at(open);
    let mut blocks = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        // Text after the blocks is commentary in the real files ("Newspapers\t$137,000,000").
        let Some(inner) = rest.strip_prefix('[') else {
            break;
        };
        // "[~ENV}": one block in Phoenix.agents.txt is closed by a brace; PETRARCH reads it.
        let close = match inner.find(']') {
            Some(c) => c,
            None if inner.trim_end().ends_with('}') => inner.trim_end().len() - 1,
            None => return Err(EntitiesError::data(file, line, "unclosed [ code block")),
        };
        blocks.push(&inner[..close]);
        rest = &inner[close + 1..];
    }
    Ok((head, blocks))
}

/// The lines of a PETRARCH file with `<!-- -->` blocks and `#` comments removed, numbered.
fn petrarch_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut in_block = false;
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let mut l = raw.trim_end_matches('\r');
        if in_block {
            match l.find("-->") {
                Some(e) => {
                    in_block = false;
                    l = &l[e + 3..];
                }
                None => return None,
            }
        }
        if let Some(s) = l.find("<!--") {
            match l[s..].find("-->") {
                Some(e) => {
                    // A one-line comment: keep what stands before it.
                    let _ = e;
                    l = &l[..s];
                }
                None => {
                    in_block = true;
                    l = &l[..s];
                }
            }
        }
        let l = strip_comment(l);
        (!l.trim().is_empty()).then_some((i + 1, l))
    })
}

/// What reading a PETRARCH file gave, and the lines it could not use.
#[derive(Debug, Default)]
pub(crate) struct Read<T> {
    pub items: Vec<T>,
    /// One problem per unusable line or code block, naming file and line. The rest of the
    /// file loads: the real Phoenix dictionaries have a few such typos among 60,000 lines,
    /// and PETRARCH too skips them with a warning.
    pub problems: Vec<EntitiesError>,
}

/// The code blocks of one line, each parsed; a bad block is a problem and is left out.
fn roles_of(
    file: &str,
    line: usize,
    blocks: &[&str],
    problems: &mut Vec<EntitiesError>,
) -> Vec<Role> {
    let mut roles = Vec::with_capacity(blocks.len());
    for b in blocks {
        match parse_code_block(file, line, b) {
            Ok(r) => roles.push(r),
            Err(e) => problems.push(e),
        }
    }
    roles
}

/// Read a PETRARCH/Phoenix actor dictionary.
pub(crate) fn parse_petrarch_actors(file: &str, text: &str) -> Read<KnownActor> {
    let mut out: Vec<KnownActor> = Vec::new();
    let mut problems = Vec::new();
    for (line, l) in petrarch_lines(text) {
        let trimmed = l.trim();
        let (head, blocks) = match code_blocks(file, line, trimmed) {
            Ok(x) => x,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let is_synonym = head.trim_start().starts_with('+');
        let is_codes = head.trim().is_empty();
        if is_synonym || is_codes {
            let Some(current) = out.last_mut() else {
                let what = if is_synonym {
                    "a + synonym"
                } else {
                    "a code block"
                };
                problems.push(EntitiesError::data(
                    file,
                    line,
                    format!("{what} before any actor name"),
                ));
                continue;
            };
            if is_synonym {
                let name = display_name(head.trim_start().trim_start_matches('+'));
                if !name.is_empty() {
                    current.synonyms.push(name);
                }
            }
            let roles = roles_of(file, line, &blocks, &mut problems);
            current.roles.extend(roles);
            continue;
        }
        let name = display_name(head);
        let roles = roles_of(file, line, &blocks, &mut problems);
        out.push(KnownActor {
            origin: format!("{file}:{line}"),
            name,
            synonyms: Vec::new(),
            roles,
            person: false,
        });
    }
    for a in &mut out {
        // An office holder: a dated code with a role ("[AFGGOV 020101-041207]"). A dated
        // bare country code is a place that changed hands ("Crimea"), not a person.
        a.person = a
            .roles
            .iter()
            .any(|r| !r.is_undated() && r.code.as_ref().is_some_and(|c| c.as_str().len() > 3));
    }
    Read {
        items: out,
        problems,
    }
}

/// Regular English plural as PETRARCH 0.5 makes them for agents.
fn plural(noun: &str) -> String {
    let lower = noun.to_ascii_lowercase();
    if lower.ends_with('s')
        || lower.ends_with("sh")
        || lower.ends_with("ch")
        || lower.ends_with('x')
        || lower.ends_with('z')
    {
        format!("{noun}es")
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if lower.ends_with("man") {
        format!("{}men", &noun[..noun.len() - 3])
    } else {
        format!("{noun}s")
    }
}

/// What reading an agents file gave: titles, how many agents were skipped, and problems.
#[derive(Debug, Default)]
pub(crate) struct Agents {
    pub titles: Vec<TitleRow>,
    /// Agents whose code goes before the country (`[NGO~]`), loaded as titles.
    pub prefixed: usize,
    /// Agents ending in a preposition ("AMBASSADOR_TO"), left out.
    pub dangling: usize,
    /// Lines that could not be used, naming file and line; the rest of the file loads.
    pub problems: Vec<EntitiesError>,
}

/// Read a PETRARCH/Phoenix agent dictionary into title rows (lower case, holder person).
pub(crate) fn parse_petrarch_agents(file: &str, text: &str) -> Agents {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Agents::default();
    for (line, l) in petrarch_lines(text) {
        match agent_line(file, line, l, &mut sets, &mut out) {
            Ok(()) => {}
            Err(e) => out.problems.push(e),
        }
    }
    out
}

/// One line of an agents file: a substitution set or an agent.
fn agent_line(
    file: &str,
    line: usize,
    l: &str,
    sets: &mut Vec<(String, Vec<String>)>,
    out: &mut Agents,
) -> Result<(), EntitiesError> {
    {
        let trimmed = l.trim();
        let err = |m: String| EntitiesError::data(file, line, m);
        if trimmed.starts_with('!') && !trimmed.contains('[') {
            let Some((set, members)) = trimmed.split_once('=') else {
                return Err(err(format!("expected !SET! = A, B, found {trimmed:?}")));
            };
            let set = set.trim();
            if set.len() < 3 || !set.ends_with('!') {
                return Err(err(format!(
                    "a substitution set is written !NAME!, found {set:?}"
                )));
            }
            let members = members
                .split(',')
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect();
            sets.push((set.to_string(), members));
            return Ok(());
        }
        let (head, blocks) = code_blocks(file, line, trimmed)?;
        let [block] = blocks[..] else {
            return Err(err(format!(
                "expected one [~CODE] block, found {}",
                blocks.len()
            )));
        };
        let block = block.trim();
        // "[~MIL]": the agent code goes after the country's (RUSMIL); "[NGO~]": before it
        // (NGORUS), as PETRARCH does for organisations. The title row keeps the `~` side.
        let (agent, prefix) = if let Some(a) = block.strip_prefix('~') {
            (a.trim(), false)
        } else if let Some(a) = block.strip_suffix('~') {
            (a.trim(), true)
        } else {
            return Err(err(format!("expected [~CODE] or [CODE~], found [{block}]")));
        };
        if agent.is_empty()
            || agent.len() % 3 != 0
            || !agent.bytes().all(|b| b.is_ascii_uppercase())
        {
            return Err(err(format!("unknown agent code {agent:?}")));
        }
        let agent = if prefix {
            format!("{agent}~")
        } else {
            agent.to_string()
        };
        // "NOUN {PLURAL, PLURAL}" or "NOUN {}" or just "NOUN".
        let (noun, plurals) = match head.find('{') {
            Some(o) => {
                let close = head[o..]
                    .find('}')
                    .ok_or_else(|| err("unclosed { plural list".into()))?;
                let list: Vec<&str> = head[o + 1..o + close]
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                (head[..o].trim(), Some(list))
            }
            None => (head.trim(), None),
        };
        if noun.is_empty() {
            return Err(err("an agent with no noun".into()));
        }
        // "AMBASSADOR_TO", "EMBASSY_IN": PETRARCH matches what follows the preposition too;
        // as a title the phrase would swallow "to" and hide the country after it.
        let last = noun
            .rsplit(['_', ' '])
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_ascii_lowercase();
        if [
            "to", "in", "of", "for", "at", "from", "with", "on", "by", "and", "the",
        ]
        .contains(&last.as_str())
        {
            out.dangling += 1;
            return Ok(());
        }
        let mut forms = expand(noun, sets);
        match plurals {
            Some(list) => forms.extend(list.iter().flat_map(|p| expand(p, sets))),
            None => {
                let regular: Vec<String> = forms.iter().map(|f| plural(f)).collect();
                forms.extend(regular);
            }
        }
        let mut forms: Vec<String> = forms
            .iter()
            .map(|f| f.replace('_', " ").trim().to_lowercase())
            .filter(|f| !f.is_empty())
            .collect();
        // "AMBASSADOR_TO", "EMBASSY_IN": PETRARCH matches what follows the preposition too;
        // as a title the phrase would swallow "to" and hide the country after it.
        forms.retain(|f| {
            let last = f.rsplit(' ').next().unwrap_or("");
            ![
                "to", "in", "of", "for", "at", "from", "with", "on", "by", "and", "the",
            ]
            .contains(&last)
        });
        if forms.is_empty() {
            out.dangling += 1;
            return Ok(());
        }
        let title = forms.remove(0);
        out.prefixed += usize::from(prefix);
        out.titles.push(TitleRow {
            line,
            title,
            agent: Some(agent),
            holder: Some(Holder::Person),
            variants: forms,
        });
    }
    Ok(())
}

/// Every spelling of a phrase with its `!SET!` markers replaced by each member.
fn expand(phrase: &str, sets: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, members) in sets {
        if let Some(at) = phrase.find(name.as_str()) {
            let (head, tail) = (&phrase[..at], &phrase[at + name.len()..]);
            return members
                .iter()
                .flat_map(|m| expand(&format!("{head}{m}{tail}"), sets))
                .collect();
        }
    }
    vec![phrase.to_string()]
}

const PEOPLE_HEADER: &[&str] = &["name", "variants", "country", "code", "from", "to", "title"];

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the first day (or, for `last`, the last day) it covers.
fn people_date(s: &str, last: bool) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let year = |p: &str| (p.len() == 4).then(|| p.parse::<i16>().ok()).flatten();
    let small = |p: &str| (p.len() == 2).then(|| p.parse::<i8>().ok()).flatten();
    match parts[..] {
        [y, m, d] => Date::new(year(y)?, small(m)?, small(d)?).ok(),
        [y, m] => {
            let first = Date::new(year(y)?, small(m)?, 1).ok()?;
            Some(if last { first.last_of_month() } else { first })
        }
        [y] if last => Date::new(year(y)?, 12, 31).ok(),
        [y] => Date::new(year(y)?, 1, 1).ok(),
        _ => None,
    }
}

/// Read our people file: one row per role; rows with the same name are roles of one person.
pub(crate) fn parse_people(file: &str, text: &str) -> Result<Vec<KnownActor>, EntitiesError> {
    let mut out: Vec<KnownActor> = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = l.split('\t').map(str::trim).collect();
        let err = |m: String| EntitiesError::data(file, line, m);
        if !seen_header {
            if f != PEOPLE_HEADER {
                return Err(err(format!(
                    "expected the header {:?}, found {l:?}",
                    PEOPLE_HEADER.join("\t")
                )));
            }
            seen_header = true;
            continue;
        }
        if f.len() != PEOPLE_HEADER.len() {
            return Err(err(format!(
                "expected {} tab-separated columns, found {}",
                PEOPLE_HEADER.len(),
                f.len()
            )));
        }
        let none = |s: &str| s.is_empty() || s == "-";
        if none(f[0]) {
            return Err(err("column \"name\" must not be empty".into()));
        }
        let country = if none(f[2]) {
            None
        } else {
            Some(CountryCode::parse(f[2]).map_err(|e| err(e.to_string()))?)
        };
        let code = if none(f[3]) {
            None
        } else {
            Some(ActorCode::parse(f[3]).map_err(|e| err(e.to_string()))?)
        };
        let date = |s: &str, last: bool, column: &str| -> Result<Option<Date>, EntitiesError> {
            if none(s) {
                return Ok(None);
            }
            people_date(s, last).map(Some).ok_or_else(|| {
                err(format!(
                    "column {column:?}: {s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
                ))
            })
        };
        let (from, to) = (date(f[4], false, "from")?, date(f[5], true, "to")?);
        if let (Some(a), Some(b)) = (from, to) {
            if b < a {
                return Err(err(format!("the role ends ({b}) before it starts ({a})")));
            }
        }
        let role = Role {
            code,
            country,
            title: (!none(f[6])).then(|| f[6].to_string()),
            from,
            to,
        };
        let variants: Vec<String> = f[1]
            .split('|')
            .map(str::trim)
            .filter(|v| !none(v))
            .map(str::to_string)
            .collect();
        match out.iter_mut().find(|a| a.name == f[0]) {
            Some(a) => {
                for v in variants {
                    if !a.synonyms.contains(&v) {
                        a.synonyms.push(v);
                    }
                }
                a.roles.push(role);
            }
            None => out.push(KnownActor {
                origin: format!("{file}:{line}"),
                name: f[0].to_string(),
                synonyms: variants,
                roles: vec![role],
                person: true,
            }),
        }
    }
    if !seen_header {
        return Err(EntitiesError::data(file, 0, "no header line"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    // A small dictionary in PETRARCH's format, written for these tests.
    const ACTORS: &str = "\
<!-- test actors
     spanning two lines -->
NORTHLAND_  [NTH]  # a country
+NORTHLANDER
+NORTH_LAND_

PAK_TAE_SONG_  # an office holder
+PAK_TAE-SONG
\t[NTHGOV 030101-080531]
\t[NTHELI >080601]
\t[NTHMIL <950101]
\t[NTHCVL]
ANNA_VOSS_ [IGOUNO 100101-151231][IGOWHO 20160101-20201231]
NOBODY_ [---]
";

    #[test]
    fn petrarch_actors_synonyms_and_dated_codes() {
        let read = parse_petrarch_actors("a.txt", ACTORS);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let a = read.items;
        let names: Vec<&str> = a.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Northland", "Pak Tae Song", "Anna Voss", "Nobody"]);
        assert_eq!(a[0].synonyms, ["Northlander", "North Land"]);
        assert_eq!(a[0].origin, "a.txt:3");
        assert!(!a[0].person && a[1].person);
        let code_on = |i: usize, day: Option<&str>| {
            a[i].role_at(day.map(d))
                .and_then(|r| r.code.as_ref())
                .map(|c| c.to_string())
        };
        let cases = [
            (1, Some("2005-06-01"), Some("NTHGOV")),
            (1, Some("2008-05-31"), Some("NTHGOV")),
            (1, Some("2008-06-01"), Some("NTHELI")),
            (1, Some("1994-12-31"), Some("NTHMIL")),
            (1, Some("1995-01-01"), Some("NTHCVL")),
            (1, None, Some("NTHCVL")),
            (2, Some("2012-03-03"), Some("IGOUNO")),
            (2, Some("2018-03-03"), Some("IGOWHO")),
            (2, Some("2022-03-03"), None),
            (3, None, None),
        ];
        for (i, day, want) in cases {
            assert_eq!(code_on(i, day).as_deref(), want, "{} on {day:?}", a[i].name);
        }
    }

    #[test]
    fn petrarch_problems_name_file_and_line_and_the_rest_loads() {
        let cases = [
            ("+SYNONYM\n", "a.txt:1: a + synonym before"),
            (
                "X_ [PRKGOV 030101-08053]\n",
                "a.txt:1: [PRKGOV 030101-08053]: \"08053\" is not a date",
            ),
            (
                "X_ [PRKGOV 031301-080531]\n",
                "a.txt:1: [PRKGOV 031301-080531]: \"031301\" is not a date",
            ),
            (
                "X_\n\t[PRKGO]\n",
                "a.txt:2: [PRKGO]: not a CAMEO actor code",
            ),
            ("X_ [PRKGOV\n", "a.txt:1: unclosed [ code block"),
            ("# only\n\t[PRK]\n", "a.txt:2: a code block before"),
            ("X_ [PRK 030101]\n", "a.txt:1: [PRK 030101]: expected dates"),
        ];
        for (text, want) in cases {
            let read = parse_petrarch_actors("a.txt", text);
            let problems: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
            assert!(
                problems.len() == 1 && problems[0].starts_with(want),
                "{text:?}: {problems:?}"
            );
        }
        // A bad block is dropped, the entry and the next ones stay.
        let read = parse_petrarch_actors(
            "a.txt",
            "X_ [PRKGOV 0301] [PRKMIL]
Y_ [RUS]
",
        );
        assert_eq!(read.problems.len(), 1);
        let got: Vec<(String, usize)> = read
            .items
            .iter()
            .map(|a| (a.name.clone(), a.roles.len()))
            .collect();
        assert_eq!(got, [("X".to_string(), 1), ("Y".to_string(), 1)]);
    }

    #[test]
    fn petrarch_agents_become_titles() {
        let text = "\
!PERSON! = MAN, WOMAN
BORDER_GUARD [~MIL] # comment
PARTY_CHIEF {PARTY_CHIEFS} [~GOVPTY]
LUMBER!PERSON! {} [~LAB]
HUMAN_RIGHTS_BODY [NGO~]
POLICE {} [ ~COP]
!PERSON!_OF_LETTERS {} [~EDU}
ENVOY_TO [~GOV]
";
        let a = parse_petrarch_agents("g.txt", text);
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        let got: Vec<(String, String, Vec<String>)> = a
            .titles
            .iter()
            .map(|t| {
                (
                    t.title.clone(),
                    t.agent.clone().unwrap(),
                    t.variants.clone(),
                )
            })
            .collect();
        let want = [
            ("border guard", "MIL", vec!["border guards"]),
            ("party chief", "GOVPTY", vec!["party chiefs"]),
            ("lumberman", "LAB", vec!["lumberwoman"]),
            ("human rights body", "NGO~", vec!["human rights bodies"]),
            ("police", "COP", vec![]),
            ("man of letters", "EDU", vec!["woman of letters"]),
        ];
        let want: Vec<(String, String, Vec<String>)> = want
            .iter()
            .map(|(t, a, v)| {
                (
                    t.to_string(),
                    a.to_string(),
                    v.iter().map(|s| s.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!((a.prefixed, a.dangling), (1, 1));
        assert_eq!(a.titles[0].line, 2);

        for (text, want) in [
            ("SPY [~spy]\n", "g.txt:1: unknown agent code \"spy\""),
            ("SPY\n", "g.txt:1: expected one [~CODE] block, found 0"),
            ("SPY [GOV]\n", "g.txt:1: expected [~CODE] or [CODE~]"),
            ("!X = A\n", "g.txt:1: a substitution set is written"),
        ] {
            let read = parse_petrarch_agents("g.txt", text);
            let problems: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
            assert!(
                problems.len() == 1 && problems[0].starts_with(want),
                "{text:?}: {problems:?}"
            );
        }
    }

    #[test]
    fn people_file_roles_by_date() {
        let text = "\
# name\tvariants\tcountry\tcode\tfrom\tto\ttitle
name\tvariants\tcountry\tcode\tfrom\tto\ttitle
Ri Su-yon\tRi Su Yon|Rhee Su-yon\tPRK\tPRKGOV\t2016\t2018-06\tdeputy director-general
Ri Su-yon\t-\tPRK\tPRKGOV\t2022-01-15\t-\tForeign Minister
";
        let p = parse_people("p.tsv", text).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].synonyms, ["Ri Su Yon", "Rhee Su-yon"]);
        let title_on = |day: &str| p[0].role_at(Some(d(day))).and_then(|r| r.title.clone());
        assert_eq!(
            title_on("2016-01-01").as_deref(),
            Some("deputy director-general")
        );
        assert_eq!(
            title_on("2018-06-30").as_deref(),
            Some("deputy director-general")
        );
        assert_eq!(title_on("2018-07-01"), None);
        assert_eq!(title_on("2024-05-05").as_deref(), Some("Foreign Minister"));
        // No date: the current (open-ended) role.
        assert_eq!(
            p[0].role_at(None).and_then(|r| r.title.as_deref()),
            Some("Foreign Minister")
        );

        let header = "name\tvariants\tcountry\tcode\tfrom\tto\ttitle\n";
        for (row, want) in [
            ("X\t-\tprk\t-\t-\t-\t-\n", "p.tsv:2: not an ISO 3166"),
            (
                "X\t-\tPRK\tPRKGO\t-\t-\t-\n",
                "p.tsv:2: not a CAMEO actor code",
            ),
            (
                "X\t-\tPRK\t-\t2016-13\t-\t-\n",
                "p.tsv:2: column \"from\": \"2016-13\" is not a date",
            ),
            (
                "X\t-\tPRK\t-\t2016-268\t-\t-\n",
                "p.tsv:2: column \"from\": \"2016-268\" is not a date",
            ),
            (
                "X\t-\tPRK\t-\t-\t16-01-01\t-\n",
                "p.tsv:2: column \"to\": \"16-01-01\" is not a date",
            ),
            ("X\t-\tPRK\t-\t2020\t2019\t-\n", "p.tsv:2: the role ends"),
            ("X\t-\tPRK\n", "p.tsv:2: expected 7 tab-separated columns"),
            (
                "-\t-\tPRK\t-\t-\t-\t-\n",
                "p.tsv:2: column \"name\" must not be empty",
            ),
        ] {
            let text = format!("{header}{row}");
            let err = parse_people("p.tsv", &text).expect_err(row).to_string();
            assert!(err.starts_with(want), "{row:?}: {err}");
        }
    }

    #[test]
    fn two_digit_years_follow_tabari() {
        for (s, want) in [
            ("300101", Some("2030-01-01")),
            ("310101", Some("1931-01-01")),
            ("19270101", Some("1927-01-01")),
            ("000229", Some("2000-02-29")),
            ("010229", None),
            ("9008223", Some("1990-08-22")),
            ("200601019", Some("2006-01-01")),
            ("90082", None),
            ("1234", None),
        ] {
            assert_eq!(
                petrarch_date(s).map(|d| d.to_string()).as_deref(),
                want,
                "{s}"
            );
        }
    }
}
