//! Readers for the gazetteer files in `data/`: countries, organisations, titles, discards.
//!
//! Every file is UTF-8 text: `#` starts a comment line, blank lines are skipped, the first other
//! line is a header that must match the expected columns, and fields are separated by one tab.
//! `-` (or nothing) means "none"; `|` separates variants. Errors name the file and the line.

use attache_model::{ActorCode, CountryCode};

use crate::names::NameWords;
use crate::EntitiesError;

/// One row of `countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CountryRow {
    pub line: usize,
    pub iso3: CountryCode,
    pub name: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    /// Canonical capital first, then its other spellings.
    pub capital: Vec<String>,
    pub cities: Vec<String>,
    pub seats: Vec<String>,
}

/// What an organisation's code is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OrgCode {
    /// A full actor code ("IGOUNO", "PRKGOVMED").
    Fixed(ActorCode),
    /// An agent code appended to the country that qualifies the mention ("+GOV").
    Generic(String),
}

/// One row of `orgs.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgRow {
    pub line: usize,
    pub name: String,
    pub code: OrgCode,
    pub names: Vec<String>,
}

/// Who holds a title: a person ("envoy") or an organisation ("newspaper").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holder {
    Person,
    Org,
}

/// One row of `titles.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleRow {
    pub line: usize,
    pub title: String,
    /// `None` for a modifier (`~`): a word like "top" that may stand before a title.
    pub agent: Option<String>,
    /// `None` for a modifier.
    pub holder: Option<Holder>,
    pub variants: Vec<String>,
}

/// Where a bare group's country comes from (`groups.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupCountry {
    /// Where it is: a place after it, the sentence's, the dateline's, the document's.
    Place,
    /// Where it comes from, only: "refugees from Syria".
    Origin,
}

/// One row of `groups.tsv`: forms of a title that name an actor standing alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupRow {
    pub line: usize,
    /// The titles.tsv row whose agent code the forms take.
    pub title: String,
    pub country: GroupCountry,
    pub forms: Vec<String>,
}

/// One row of `heads.tsv`: the titles of a country's heads of state and government.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeadsRow {
    pub line: usize,
    pub iso3: CountryCode,
    /// Rows of `titles.tsv`, as written (matched case-insensitively).
    pub titles: Vec<String>,
}

/// One row of `identities.tsv`: an ethnic or religious group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdentityRow {
    pub line: usize,
    /// The CAMEO identity code: "KUR", "MOSSHI".
    pub code: String,
    /// Forms that name the people and stand alone ("Kurds").
    pub nouns: Vec<String>,
    /// Forms that only qualify a title ("Kurdish").
    pub adjectives: Vec<String>,
    /// The one country nearly all of the group lives in.
    pub home: Option<CountryCode>,
}

/// One row of `shared_names.tsv`: a name two countries share ("Congo").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SharedRow {
    pub line: usize,
    pub name: String,
    /// The country it names by default.
    pub default: CountryCode,
    /// The country it names in a document that names that country otherwise.
    pub other: CountryCode,
}

/// One line of `discard.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DiscardRow {
    pub line: usize,
    pub phrase: String,
}

const COUNTRY_HEADER: &[&str] = &[
    "iso3",
    "name",
    "names",
    "adjectives",
    "demonyms",
    "capital",
    "cities",
    "seats",
];
const ORG_HEADER: &[&str] = &["name", "code", "names"];
const TITLE_HEADER: &[&str] = &["title", "agent", "holder", "variants"];
const GROUP_HEADER: &[&str] = &["title", "country", "forms"];
const PLACE_WORDS_HEADER: &[&str] = &["kind", "words"];
const HEADS_HEADER: &[&str] = &["iso3", "titles"];
const NAME_WORDS_HEADER: &[&str] = &["list", "word"];
const IDENTITY_HEADER: &[&str] = &["code", "nouns", "adjectives", "home"];
const SHARED_HEADER: &[&str] = &["name", "default", "other"];

/// The data lines of a TSV file after its header, with 1-based line numbers, checked for the
/// header and the column count.
fn rows<'t>(
    file: &str,
    text: &'t str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'t str>)>, EntitiesError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = l.split('\t').map(str::trim).collect();
        if !seen_header {
            if fields != header {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("expected the header {:?}, found {:?}", header.join("\t"), l),
                ));
            }
            seen_header = true;
            continue;
        }
        if fields.len() != header.len() {
            return Err(EntitiesError::data(
                file,
                line,
                format!(
                    "expected {} tab-separated columns, found {}",
                    header.len(),
                    fields.len()
                ),
            ));
        }
        out.push((line, fields));
    }
    if !seen_header {
        return Err(EntitiesError::data(file, 0, "no header line"));
    }
    Ok(out)
}

/// A `|`-separated list; `-` or nothing is the empty list.
fn list(field: &str) -> Vec<String> {
    if field.is_empty() || field == "-" {
        return Vec::new();
    }
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn required(file: &str, line: usize, column: &str, field: &str) -> Result<String, EntitiesError> {
    if field.is_empty() || field == "-" {
        Err(EntitiesError::data(
            file,
            line,
            format!("column {column:?} must not be empty"),
        ))
    } else {
        Ok(field.to_string())
    }
}

/// The country code in `field` of `line`, which the rows read before (code, line) must not
/// have.
fn new_iso3<'a>(
    file: &str,
    line: usize,
    field: &str,
    earlier: impl IntoIterator<Item = (&'a CountryCode, usize)>,
) -> Result<CountryCode, EntitiesError> {
    let iso3 =
        CountryCode::parse(field).map_err(|e| EntitiesError::data(file, line, e.to_string()))?;
    match earlier.into_iter().find(|(c, _)| **c == iso3) {
        Some((_, prev)) => Err(EntitiesError::data(
            file,
            line,
            format!("{iso3} already listed on line {prev}"),
        )),
        None => Ok(iso3),
    }
}

pub(crate) fn parse_countries(file: &str, text: &str) -> Result<Vec<CountryRow>, EntitiesError> {
    let mut out: Vec<CountryRow> = Vec::new();
    for (line, f) in rows(file, text, COUNTRY_HEADER)? {
        let iso3 = new_iso3(file, line, f[0], out.iter().map(|r| (&r.iso3, r.line)))?;
        out.push(CountryRow {
            line,
            iso3,
            name: required(file, line, "name", f[1])?,
            names: list(f[2]),
            adjectives: list(f[3]),
            demonyms: list(f[4]),
            capital: list(f[5]),
            cities: list(f[6]),
            seats: list(f[7]),
        });
    }
    Ok(out)
}

/// Whether `s` is a bare agent code: one or more three-letter upper-case parts.
fn is_agent(s: &str) -> bool {
    !s.is_empty() && s.len() % 3 == 0 && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub(crate) fn parse_orgs(file: &str, text: &str) -> Result<Vec<OrgRow>, EntitiesError> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, ORG_HEADER)? {
        let name = required(file, line, "name", f[0])?;
        let code = match f[1].strip_prefix('+') {
            Some(agent) if is_agent(agent) => OrgCode::Generic(agent.to_string()),
            Some(agent) => {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("unknown agent code {agent:?}"),
                ))
            }
            None => OrgCode::Fixed(
                ActorCode::parse(f[1])
                    .map_err(|e| EntitiesError::data(file, line, e.to_string()))?,
            ),
        };
        out.push(OrgRow {
            line,
            name,
            code,
            names: list(f[2]),
        });
    }
    Ok(out)
}

pub(crate) fn parse_titles(file: &str, text: &str) -> Result<Vec<TitleRow>, EntitiesError> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, TITLE_HEADER)? {
        let title = required(file, line, "title", f[0])?;
        let agent = match f[1] {
            "~" => None,
            a if is_agent(a) => Some(a.to_string()),
            a => {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!(
                        "unknown agent code {a:?} (expected e.g. GOV, MIL, or ~ for a modifier)"
                    ),
                ))
            }
        };
        let holder = match (f[2], &agent) {
            ("person", Some(_)) => Some(Holder::Person),
            ("org", Some(_)) => Some(Holder::Org),
            ("-", None) => None,
            (h, _) => {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("holder {h:?} must be person or org for a title, - for a modifier"),
                ))
            }
        };
        out.push(TitleRow {
            line,
            title,
            agent,
            holder,
            variants: list(f[3]),
        });
    }
    Ok(out)
}

pub(crate) fn parse_groups(file: &str, text: &str) -> Result<Vec<GroupRow>, EntitiesError> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, GROUP_HEADER)? {
        let title = required(file, line, "title", f[0])?;
        let country = match f[1] {
            "place" => GroupCountry::Place,
            "origin" => GroupCountry::Origin,
            c => {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("country {c:?} must be place or origin"),
                ))
            }
        };
        let forms = list(f[2]);
        if let Some(form) = forms.iter().find(|f| f.chars().any(char::is_uppercase)) {
            return Err(EntitiesError::data(
                file,
                line,
                format!("group form {form:?} must be in lower case"),
            ));
        }
        out.push(GroupRow {
            line,
            title,
            country,
            forms,
        });
    }
    Ok(out)
}

/// A country code field: `None` for `-`.
fn country_field(
    file: &str,
    line: usize,
    field: &str,
) -> Result<Option<CountryCode>, EntitiesError> {
    if field.is_empty() || field == "-" {
        return Ok(None);
    }
    CountryCode::parse(field)
        .map(Some)
        .map_err(|e| EntitiesError::data(file, line, e.to_string()))
}

pub(crate) fn parse_identities(file: &str, text: &str) -> Result<Vec<IdentityRow>, EntitiesError> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, IDENTITY_HEADER)? {
        let code = required(file, line, "code", f[0])?;
        if !is_agent(&code) || code.len() > 6 {
            return Err(EntitiesError::data(
                file,
                line,
                format!("identity code {code:?} must be three or six capital letters"),
            ));
        }
        let (nouns, adjectives) = (list(f[1]), list(f[2]));
        if nouns.is_empty() && adjectives.is_empty() {
            return Err(EntitiesError::data(
                file,
                line,
                "a group needs a noun or an adjective",
            ));
        }
        out.push(IdentityRow {
            line,
            code,
            nouns,
            adjectives,
            home: country_field(file, line, f[3])?,
        });
    }
    Ok(out)
}

pub(crate) fn parse_shared_names(file: &str, text: &str) -> Result<Vec<SharedRow>, EntitiesError> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, SHARED_HEADER)? {
        let name = required(file, line, "name", f[0])?;
        let country = |column: &str, field: &str| {
            country_field(file, line, field)?.ok_or_else(|| {
                EntitiesError::data(file, line, format!("column {column:?} must not be empty"))
            })
        };
        let (default, other) = (country("default", f[1])?, country("other", f[2])?);
        if default == other {
            return Err(EntitiesError::data(
                file,
                line,
                format!("{name:?} names {default} twice"),
            ));
        }
        out.push(SharedRow {
            line,
            name,
            default,
            other,
        });
    }
    Ok(out)
}

/// `data/place_words.tsv`: the words that make a place the gazetteers do not list.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceWords {
    /// Lower case: "in", "at".
    pub prepositions: Vec<String>,
    /// Lower case, one or two words: "region", "air base".
    pub nouns: Vec<String>,
    /// Lower case: "capital".
    pub capitals: Vec<String>,
    /// As written: "January", "Monday".
    pub not: Vec<String>,
    /// Lower case: "northern", "south".
    pub directions: Vec<String>,
    /// Lower case: "toward", "against": before a place, a heading or an opponent, not where
    /// the clause's people are.
    pub headings: Vec<String>,
}

pub(crate) fn parse_place_words(file: &str, text: &str) -> Result<PlaceWords, EntitiesError> {
    let mut out = PlaceWords::default();
    for (line, f) in rows(file, text, PLACE_WORDS_HEADER)? {
        let words = list(f[1]);
        let lower =
            |words: &[String]| match words.iter().find(|w| w.chars().any(char::is_uppercase)) {
                Some(w) => Err(EntitiesError::data(
                    file,
                    line,
                    format!("{w:?} must be in lower case"),
                )),
                None => Ok(()),
            };
        let into = match f[0] {
            "preposition" => &mut out.prepositions,
            "noun" => &mut out.nouns,
            "capital" => &mut out.capitals,
            "not" => &mut out.not,
            "direction" => &mut out.directions,
            "heading" => &mut out.headings,
            k => {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!(
                        "kind {k:?} must be preposition, noun, capital, not, direction or heading"
                    ),
                ))
            }
        };
        if f[0] != "not" {
            lower(&words)?;
        }
        if let Some(w) = words.iter().find(|w| w.split(' ').count() > 2) {
            return Err(EntitiesError::data(
                file,
                line,
                format!("{w:?}: at most two words"),
            ));
        }
        into.extend(words);
    }
    Ok(out)
}

pub(crate) fn parse_heads(file: &str, text: &str) -> Result<Vec<HeadsRow>, EntitiesError> {
    let mut out: Vec<HeadsRow> = Vec::new();
    for (line, f) in rows(file, text, HEADS_HEADER)? {
        let iso3 = new_iso3(file, line, f[0], out.iter().map(|r| (&r.iso3, r.line)))?;
        let titles = list(f[1]);
        if titles.is_empty() {
            return Err(EntitiesError::data(
                file,
                line,
                "column \"titles\" must not be empty",
            ));
        }
        out.push(HeadsRow { line, iso3, titles });
    }
    Ok(out)
}

pub(crate) fn parse_discards(file: &str, text: &str) -> Result<Vec<DiscardRow>, EntitiesError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let phrase = raw.trim();
        if phrase.is_empty() || phrase.starts_with('#') {
            continue;
        }
        if phrase.contains('\t') {
            return Err(EntitiesError::data(
                file,
                i + 1,
                "a discard phrase must not contain a tab",
            ));
        }
        out.push(DiscardRow {
            line: i + 1,
            phrase: phrase.to_string(),
        });
    }
    Ok(out)
}

/// `name_words.tsv`: each list sorted for [`crate::names::holds`]; `not_name` and
/// `headline_verb` make one list.
pub(crate) fn parse_name_words(file: &str, text: &str) -> Result<NameWords, EntitiesError> {
    let mut words = NameWords::default();
    for (line, f) in rows(file, text, NAME_WORDS_HEADER)? {
        let list = match f[0] {
            "particle" => &mut words.particles,
            "not_name" | "headline_verb" => &mut words.not_names,
            "caption_position" => &mut words.caption_positions,
            "quantity" => &mut words.quantities,
            "approximate" => &mut words.approximates,
            "body_noun" => &mut words.body_nouns,
            other => {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("unknown list {other:?} (particle, not_name, headline_verb, caption_position, quantity, approximate or body_noun)"),
                ))
            }
        };
        let word = required(file, line, "word", f[1])?;
        // A quantity may be a phrase ("up to"); every other list holds single words.
        if matches!(f[0], "quantity" | "approximate") {
            if word.chars().any(char::is_uppercase) {
                return Err(EntitiesError::data(
                    file,
                    line,
                    format!("{word:?}: a {} is written in lower case", f[0]),
                ));
            }
        } else if word.contains(char::is_whitespace) {
            return Err(EntitiesError::data(
                file,
                line,
                format!("{word:?} is not one word"),
            ));
        }
        if list.iter().any(|w| **w == *word) {
            return Err(EntitiesError::data(
                file,
                line,
                format!("{word:?} is listed twice"),
            ));
        }
        list.push(word.into());
    }
    for list in [
        &mut words.particles,
        &mut words.not_names,
        &mut words.caption_positions,
        &mut words.quantities,
        &mut words.approximates,
        &mut words.body_nouns,
    ] {
        list.sort_unstable();
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_file_and_line() {
        let cases: &[(&str, &str, &str)] = &[
            // (which reader, text, expected error prefix)
            ("countries", "# c\niso3\tname\n", "c.tsv:2: expected the header"),
            (
                "countries",
                "iso3\tname\tnames\tadjectives\tdemonyms\tcapital\tcities\tseats\nprk\tNorth Korea\t-\t-\t-\t-\t-\t-\n",
                "c.tsv:2: not an ISO 3166",
            ),
            (
                "countries",
                "iso3\tname\tnames\tadjectives\tdemonyms\tcapital\tcities\tseats\nPRK\tNorth Korea\t-\n",
                "c.tsv:2: expected 8 tab-separated columns, found 3",
            ),
            (
                "countries",
                "iso3\tname\tnames\tadjectives\tdemonyms\tcapital\tcities\tseats\nPRK\tA\t-\t-\t-\t-\t-\t-\nPRK\tB\t-\t-\t-\t-\t-\t-\n",
                "c.tsv:3: PRK already listed on line 2",
            ),
            ("orgs", "name\tcode\tnames\nUnited Nations\tIGOUN\t-\n", "c.tsv:2: not a CAMEO actor code"),
            ("orgs", "name\tcode\tnames\nforeign ministry\t+GOVV\t-\n", "c.tsv:2: unknown agent code"),
            ("titles", "title\tagent\tholder\tvariants\nPresident\tgov\tperson\t-\n", "c.tsv:2: unknown agent code"),
            ("titles", "title\tagent\tholder\tvariants\n-\tGOV\tperson\t-\n", "c.tsv:2: column \"title\" must not be empty"),
            ("titles", "title\tagent\tholder\tvariants\ntop\t~\tperson\t-\n", "c.tsv:2: holder \"person\" must be"),
            ("titles", "title\tagent\tholder\tvariants\nenvoy\tGOV\tpeople\t-\n", "c.tsv:2: holder \"people\" must be"),
            ("groups", "title\tcountry\tforms\npolice\tplace\tPolice\n", "c.tsv:2: group form \"Police\" must be in lower case"),
            ("groups", "title\tcountry\tforms\n-\tplace\tpolice\n", "c.tsv:2: column \"title\" must not be empty"),
            ("groups", "title\tcountry\tforms\npolice\thome\tpolice\n", "c.tsv:2: country \"home\" must be place or origin"),
            ("groups", "# g\ntitle\n", "c.tsv:2: expected the header"),
            ("place words", "kind\twords\nnoun\tRegion\n", "c.tsv:2: \"Region\" must be in lower case"),
            ("place words", "kind\twords\nverb\tin\n", "c.tsv:2: kind \"verb\" must be"),
            ("place words", "kind\twords\nnoun\tnaval air base\n", "c.tsv:2: \"naval air base\": at most two words"),
            ("heads", "iso3\ttitles\nJPN\temperor\nJPN\tking\n", "c.tsv:3: JPN already listed on line 2"),
            ("heads", "iso3\ttitles\nJPN\t-\n", "c.tsv:2: column \"titles\" must not be empty"),
            ("name_words", "list\tword\nparticles\tbin\n", "c.tsv:2: unknown list \"particles\""),
            ("name_words", "list\tword\nnot_name\t-\n", "c.tsv:2: column \"word\" must not be empty"),
            ("name_words", "list\tword\nnot_name\tThe Monday\n", "c.tsv:2: \"The Monday\" is not one word"),
            ("name_words", "list\tword\nnot_name\tSays\nheadline_verb\tSays\n", "c.tsv:3: \"Says\" is listed twice"),
            ("name_words", "word\tlist\n", "c.tsv:1: expected the header"),
            ("identities", "code\tnouns\tadjectives\thome\nKURD\tKurds\t-\t-\n", "c.tsv:2: identity code \"KURD\" must be"),
            ("identities", "code\tnouns\tadjectives\thome\nMOSSHIX\tShiites\t-\t-\n", "c.tsv:2: identity code \"MOSSHIX\" must be"),
            ("identities", "code\tnouns\tadjectives\thome\nKUR\t-\t-\t-\n", "c.tsv:2: a group needs a noun or an adjective"),
            ("identities", "code\tnouns\tadjectives\thome\nYRB\tYorubas\t-\tnga\n", "c.tsv:2: not an ISO 3166"),
            ("identities", "code\tnouns\tadjectives\nKUR\tKurds\t-\n", "c.tsv:1: expected the header"),
            ("shared", "name\tdefault\tother\nCongo\tCOD\t-\n", "c.tsv:2: column \"other\" must not be empty"),
            ("shared", "name\tdefault\tother\nCongo\tCOD\tCOD\n", "c.tsv:2: \"Congo\" names COD twice"),
            ("shared", "name\tdefault\tother\nCongo\tcod\tCOG\n", "c.tsv:2: not an ISO 3166"),
        ];
        for (reader, text, want) in cases {
            let got = match *reader {
                "countries" => parse_countries("c.tsv", text).map(|_| ()),
                "orgs" => parse_orgs("c.tsv", text).map(|_| ()),
                "groups" => parse_groups("c.tsv", text).map(|_| ()),
                "place words" => parse_place_words("c.tsv", text).map(|_| ()),
                "heads" => parse_heads("c.tsv", text).map(|_| ()),
                "name_words" => parse_name_words("c.tsv", text).map(|_| ()),
                "identities" => parse_identities("c.tsv", text).map(|_| ()),
                "shared" => parse_shared_names("c.tsv", text).map(|_| ()),
                _ => parse_titles("c.tsv", text).map(|_| ()),
            };
            let msg = got.expect_err(text).to_string();
            assert!(
                msg.starts_with(want),
                "{text:?}: got {msg:?}, want {want:?}"
            );
        }
    }

    #[test]
    fn lists_and_modifiers() {
        assert_eq!(list("-"), Vec::<String>::new());
        assert_eq!(list("N. Korea| DPRK"), vec!["N. Korea", "DPRK"]);
        let t = parse_titles(
            "t",
            "title\tagent\tholder\tvariants\ntop\t~\t-\t-\nenvoy\tGOV\tperson\tenvoys\n",
        )
        .unwrap();
        assert_eq!((t[0].agent.as_deref(), t[0].holder), (None, None));
        assert_eq!(t[1].holder, Some(Holder::Person));
        assert_eq!(t[1].agent.as_deref(), Some("GOV"));
        assert_eq!(t[1].variants, vec!["envoys"]);
    }

    #[test]
    fn name_words_are_sorted_lists_matched_as_written() {
        use crate::names::holds;
        let text = "# c\nlist\tword\nnot_name\tMonday\nheadline_verb\tArrives\nparticle\tbin\ncaption_position\tR\nquantity\thundreds of\napproximate\tup to\n";
        let w = parse_name_words("n.tsv", text).unwrap();
        let cases: &[(&[Box<str>], &str, bool)] = &[
            (&w.not_names, "Monday", true),
            (&w.not_names, "Arrives", true),
            (&w.not_names, "monday", false),
            (&w.not_names, "bin", false),
            (&w.particles, "bin", true),
            (&w.caption_positions, "R", true),
            (&w.caption_positions, "r", false),
            (&w.quantities, "hundreds of", true),
            (&w.approximates, "up to", true),
        ];
        for (list, word, want) in cases {
            assert_eq!(holds(list, word), *want, "{word:?}");
        }
        let builtin = parse_name_words("data/name_words.tsv", crate::NAME_WORDS).unwrap();
        assert!(holds(&builtin.not_names, "Meanwhile") && holds(&builtin.not_names, "Travels"));
        assert!(holds(&builtin.particles, "al") && holds(&builtin.caption_positions, "front"));
        // Only quantities may be phrases, and they are written in lower case.
        for (bad, why) in [
            ("not_name\tNew York\n", "is not one word"),
            ("quantity\tHundreds of\n", "written in lower case"),
        ] {
            let err = parse_name_words("n.tsv", &format!("list\tword\n{bad}")).unwrap_err();
            assert!(err.to_string().contains(why), "{bad:?}: {err}");
        }
    }

    /// Every bare group form is a form of the titles.tsv row it names, so it takes that row's
    /// agent code: the two files cannot drift apart.
    #[test]
    fn group_forms_are_forms_of_their_title() {
        let titles = parse_titles("data/titles.tsv", crate::TITLES).unwrap();
        let groups = parse_groups("data/groups.tsv", crate::GROUPS).unwrap();
        assert!(groups.len() >= 10, "{groups:?}");
        for g in &groups {
            let row = titles
                .iter()
                .find(|t| t.title == g.title)
                .unwrap_or_else(|| panic!("groups.tsv:{}: no title {:?}", g.line, g.title));
            for form in &g.forms {
                let known = std::iter::once(&row.title)
                    .chain(&row.variants)
                    .any(|v| v.eq_ignore_ascii_case(form));
                assert!(
                    known,
                    "groups.tsv:{}: {form:?} is not a form of {:?}",
                    g.line, g.title
                );
            }
        }
    }
}
