//! Actors in the merge: one trip per person.
//!
//! Dates cluster the reports of a bucket (family, visitor side, host side); a cluster may
//! still hold two trips of one country's officials to the same host in the same week. Two
//! *persons* (an actor with both a name and a title) are the same traveller when their name
//! keys agree ("Ri Kwang-sok" and "Ri Kwang Sok") or their titles agree (the same minister
//! spelled two ways). A cluster whose visitor side names persons that fall into more than one
//! such group (a trade minister's trip and a defence minister's: names differ AND titles
//! differ) is split into one event per group. Reports naming no full person join the group
//! their name key or title points to, else the group with the most named reports (tie: the
//! smallest name key), so a country-only headline never founds a trip of its own. The host
//! (target) side splits the same way where it says who took part: always for meetings and
//! other codes (a different counterpart is another meeting), for visits only when the
//! visitor side names no person (a named visitor meets several hosts on one trip).
//!
//! Before persons, a cluster splits by the *kind* of its visitor side: the first agent of its
//! actor code when that agent is not one of a state's official agents (`official_agents` in
//! `data/merge.tsv`): "Russian tourists" (`RUSCVL`) or "Russian businessmen" (`RUSBUS`) are not
//! the foreign minister's (`RUSGOV`) trip of that week, while "Russian officials" (`RUSGOV`)
//! are. A report with no agent ("Russia") sides with the officials.
//!
//! Everything is computed on sets (persons sorted, groups labelled by their smallest name
//! key), so the same reports in any order give the same groups and labels.

use std::collections::{BTreeMap, BTreeSet};

use attache_model::{Actor, Report};

/// A name's key: two spellings of one name give the same string. The pipeline passes the
/// recognizer's romanisation-aware key (`Recognizer::name_key`); [`plain_key`] is the default.
pub type NameKeys<'a> = dyn Fn(&str) -> String + Sync + 'a;

/// The default name key: lower-case letters and digits, separators dropped ("Ri Kwang-sok"
/// and "Ri Kwang Sok" both give `rikwangsok`). No romanisation variants: pass
/// `Recognizer::name_key` for those.
pub fn plain_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title compared without case or punctuation ("Foreign Minister", "foreign minister").
fn title_key(title: &str) -> String {
    plain_key(title)
}

/// What one side of a report says about who acted: its name key and its title key, each when
/// given.
fn identity(actor: &Actor, names: &NameKeys) -> (Option<String>, Option<String>) {
    let name = actor.name.as_deref().map(names).filter(|k| !k.is_empty());
    let title = actor
        .title
        .as_deref()
        .map(title_key)
        .filter(|k| !k.is_empty());
    (name, title)
}

/// Split one date cluster by the persons its visitor side names. `visitor` gives the visitor
/// (or source) side of a report. Returns the groups as indices into `members` (ascending), each
/// with its label: `None` when the cluster stays whole, else the group's smallest name key.
pub(crate) fn split_by_person(
    members: &[&Report],
    visitor: impl Fn(&Report) -> &Actor,
    names: &NameKeys,
) -> Vec<(Option<String>, Vec<usize>)> {
    let ids: Vec<(Option<String>, Option<String>)> = members
        .iter()
        .map(|r| identity(visitor(r), names))
        .collect();
    let persons: BTreeSet<(&str, &str)> = ids
        .iter()
        .filter_map(|(n, t)| Some((n.as_deref()?, t.as_deref()?)))
        .collect();
    let whole = || vec![(None, (0..members.len()).collect())];
    if persons.len() < 2 {
        return whole();
    }
    // Union-find over the persons: one name key or one title makes one traveller.
    let persons: Vec<(&str, &str)> = persons.into_iter().collect();
    let mut parent: Vec<usize> = (0..persons.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..persons.len() {
        for j in i + 1..persons.len() {
            if persons[i].0 == persons[j].0 || persons[i].1 == persons[j].1 {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // Label each group by its smallest name key; persons are sorted, so the root (the
    // smallest index) holds it.
    let mut label_of_name: BTreeMap<&str, &str> = BTreeMap::new();
    let mut label_of_title: BTreeMap<&str, &str> = BTreeMap::new();
    for i in 0..persons.len() {
        let label = persons[find(&mut parent, i)].0;
        label_of_name.insert(persons[i].0, label);
        label_of_title.insert(persons[i].1, label);
    }
    let labels: BTreeSet<&str> = label_of_name.values().copied().collect();
    if labels.len() < 2 {
        return whole();
    }
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut rest = Vec::new();
    for (i, (name, title)) in ids.iter().enumerate() {
        let by_name = name.as_deref().and_then(|n| label_of_name.get(n));
        let by_title = title.as_deref().and_then(|t| label_of_title.get(t));
        match by_name.or(by_title) {
            Some(label) => groups.entry(label).or_default().push(i),
            None => rest.push(i),
        }
    }
    join_largest(groups, rest, |label| Some(label.to_string()))
}

/// The groups with `rest` joined to the one with the most reports (tie: the smallest label),
/// members sorted, labels made by `label`.
fn join_largest<K: Ord + Copy>(
    mut groups: BTreeMap<K, Vec<usize>>,
    rest: Vec<usize>,
    label: impl Fn(K) -> Option<String>,
) -> Vec<(Option<String>, Vec<usize>)> {
    if let Some(biggest) = groups
        .iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
    {
        groups.entry(biggest).or_default().extend(rest);
    }
    groups
        .into_iter()
        .map(|(k, mut m)| {
            m.sort_unstable();
            (label(k), m)
        })
        .collect()
}

/// The agent of an actor's code when it is not one of a state's `official` agents: `CVL` for
/// "Russian tourists" (`RUSCVL`), `None` for `RUSGOV`, a bare `RUS` or a code with no country.
pub(crate) fn kind(actor: &Actor, official: &BTreeSet<String>) -> Option<String> {
    agent(actor)
        .filter(|a| !official.contains(*a))
        .map(str::to_string)
}

/// The first agent after the country in an actor's code: `GOV` of `PRKGOVPTY`.
fn agent(actor: &Actor) -> Option<&str> {
    let country = actor.country.as_ref()?.as_str();
    actor
        .code
        .as_ref()?
        .as_str()
        .strip_prefix(country)?
        .get(..3)
}

/// Split one date cluster by the kind of its visitor side (see [`kind`]): officials and
/// reports of no agent are one side; each other agent (tourists, business, workers) makes a
/// trip of its own, so "Russian tourists visited Mongolia" never joins the foreign minister's
/// visit of that week. Reports of no agent join the officials when there are any, else the
/// largest kind (tie: the smallest code). Returns the groups as indices into `members`
/// (ascending), each with its label: `None` for the officials' group or a cluster that stays
/// whole, else the agent code.
pub(crate) fn split_by_kind(
    members: &[&Report],
    visitor: impl Fn(&Report) -> &Actor,
    official: &BTreeSet<String>,
) -> Vec<(Option<String>, Vec<usize>)> {
    let kinds: Vec<Option<String>> = members.iter().map(|r| kind(visitor(r), official)).collect();
    let officials = members
        .iter()
        .any(|r| agent(visitor(r)).is_some_and(|a| official.contains(a)));
    let mut groups: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    let mut rest = Vec::new();
    for (i, k) in kinds.iter().enumerate() {
        match k {
            Some(k) => groups.entry(Some(k.as_str())).or_default().push(i),
            None if officials => groups.entry(None).or_default().push(i),
            None => rest.push(i),
        }
    }
    if groups.len() < 2 {
        return vec![(None, (0..members.len()).collect())];
    }
    // No official named: the rest joins the largest kind (tie: the smallest code).
    join_largest(groups, rest, |label| label.map(str::to_string))
}

/// The persons (name key, title key) the visitor side of `reports` names in full.
pub(crate) fn persons(
    reports: &[&Report],
    visitor: impl Fn(&Report) -> &Actor,
    names: &NameKeys,
) -> BTreeSet<(String, String)> {
    reports
        .iter()
        .filter_map(|r| match identity(visitor(r), names) {
            (Some(n), Some(t)) => Some((n, t)),
            _ => None,
        })
        .collect()
}

/// Whether two events' persons can be one traveller: either names none, or some person of one
/// shares a name key or a title with some person of the other.
pub(crate) fn same_traveller(
    a: &BTreeSet<(String, String)>,
    b: &BTreeSet<(String, String)>,
) -> bool {
    a.is_empty()
        || b.is_empty()
        || a.iter()
            .any(|(n, t)| b.iter().any(|(m, u)| n == m || t == u))
}

/// The most common spelling among `actors` of the name whose key is `key` (tie: the
/// lexicographically smallest), so "Ri Kwang-sok" and "Ri Kwang Sok" give one stable name
/// whatever the order of the reports.
pub(crate) fn stable_name<'r>(
    key: &str,
    actors: impl Iterator<Item = &'r Actor>,
    names: &NameKeys,
) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in actors {
        if let Some(n) = a.name.as_deref() {
            if names(n) == key {
                *counts.entry(n).or_default() += 1;
            }
        }
    }
    // BTreeMap iterates spellings in order; max_by keeps the last maximum, so compare in
    // reverse on the spelling to keep the smallest.
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn report(name: Option<&str>, title: Option<&str>) -> Report {
        let mut r = crate::test_report("042|KAZ|TUR", "d");
        r.source = Actor {
            name: name.map(Arc::from),
            title: title.map(Arc::from),
            ..Actor::default()
        };
        r
    }

    type Side = (Option<&'static str>, Option<&'static str>);
    type Groups = Vec<(Option<&'static str>, Vec<usize>)>;

    /// Visitor sides (name, title) of one date cluster; expected groups (label, members).
    #[test]
    fn split_table() {
        let trade = (Some("Nurlan Bekturov"), Some("Trade Minister"));
        let defence = (Some("Yerlan Zhaksybekov"), Some("Defense Minister"));
        let cases: Vec<(&str, Vec<Side>, Groups)> = vec![
            (
                "one person, two spellings",
                vec![
                    (Some("Ri Kwang-sok"), Some("Vice Foreign Minister")),
                    (Some("Ri Kwang Sok"), Some("Vice Foreign Minister")),
                ],
                vec![(None, vec![0, 1])],
            ),
            (
                "two ministers of one country the same week",
                vec![trade, defence, trade],
                vec![
                    (Some("nurlanbekturov"), vec![0, 2]),
                    (Some("yerlanzhaksybekov"), vec![1]),
                ],
            ),
            (
                "same name, title written two ways: one person",
                vec![
                    defence,
                    (Some("Yerlan Zhaksybekov"), Some("Defence Secretary")),
                ],
                vec![(None, vec![0, 1])],
            ),
            (
                "same title, names differ (a spelling the keys miss): one role",
                vec![trade, (Some("Nurlan Bekturuly"), Some("Trade Minister"))],
                vec![(None, vec![0, 1])],
            ),
            (
                "a title alone and a name alone join their person; a bare country the biggest",
                vec![
                    trade,
                    defence,
                    (None, Some("Defense Minister")),
                    (Some("Nurlan Bekturov"), None),
                    (None, None),
                    trade,
                ],
                vec![
                    (Some("nurlanbekturov"), vec![0, 3, 4, 5]),
                    (Some("yerlanzhaksybekov"), vec![1, 2]),
                ],
            ),
            (
                "equal groups: the rest joins the smallest label",
                vec![defence, trade, (None, None)],
                vec![
                    (Some("nurlanbekturov"), vec![1, 2]),
                    (Some("yerlanzhaksybekov"), vec![0]),
                ],
            ),
        ];
        for (why, sides, want) in cases {
            let reports: Vec<Report> = sides.iter().map(|&(n, t)| report(n, t)).collect();
            let refs: Vec<&Report> = reports.iter().collect();
            let got = split_by_person(&refs, |r| &r.source, &plain_key);
            let want: Vec<(Option<String>, Vec<usize>)> = want
                .into_iter()
                .map(|(l, m)| (l.map(str::to_string), m))
                .collect();
            assert_eq!(got, want, "{why}");

            // Reversed input: the same groups of reports, the same labels.
            let reversed: Vec<&Report> = reports.iter().rev().collect();
            let n = reports.len();
            let mut back: Vec<(Option<String>, Vec<usize>)> =
                split_by_person(&reversed, |r| &r.source, &plain_key)
                    .into_iter()
                    .map(|(l, m)| {
                        let mut m: Vec<usize> = m.into_iter().map(|i| n - 1 - i).collect();
                        m.sort_unstable();
                        (l, m)
                    })
                    .collect();
            back.sort();
            let mut sorted = got.clone();
            sorted.sort();
            assert_eq!(back, sorted, "{why}: order");
        }
    }

    /// Visitor codes of one date cluster (`RUS` bare, `RUSGOV`...); expected groups.
    #[test]
    fn kind_split_table() {
        let cases: Vec<(&str, Vec<&str>, Groups)> = vec![
            (
                "the minister, officials, a bare headline: one trip",
                vec!["RUSGOV", "RUSGOVMIL", "RUS", "RUSMIL"],
                vec![(None, vec![0, 1, 2, 3])],
            ),
            (
                "tourists and businessmen beside the minister: three trips",
                vec!["RUSGOV", "RUSCVL", "RUS", "RUSBUS", "RUSCVL"],
                vec![
                    (None, vec![0, 2]),
                    (Some("BUS"), vec![3]),
                    (Some("CVL"), vec![1, 4]),
                ],
            ),
            (
                "tourists with a bare headline and no official: one trip, kept whole",
                vec!["RUS", "RUSCVL"],
                vec![(None, vec![0, 1])],
            ),
            (
                "no official: the bare report joins the largest kind",
                vec!["RUSBUS", "RUS", "RUSCVL", "RUSCVL"],
                vec![(Some("BUS"), vec![0]), (Some("CVL"), vec![1, 2, 3])],
            ),
            (
                "a code with no country (IGOUNO) is no kind",
                vec!["IGOUNO", "IGOUNO"],
                vec![(None, vec![0, 1])],
            ),
        ];
        let official: BTreeSet<String> = ["GOV", "MIL"].map(String::from).into();
        for (why, codes, want) in cases {
            let reports: Vec<Report> = codes
                .iter()
                .map(|c| {
                    let mut r = report(None, None);
                    r.source.code = Some(attache_model::ActorCode::parse(c).unwrap());
                    r.source.country = attache_model::CountryCode::parse(&c[..3])
                        .ok()
                        .filter(|_| !c.starts_with("IGO"));
                    r
                })
                .collect();
            let refs: Vec<&Report> = reports.iter().collect();
            let got = split_by_kind(&refs, |r| &r.source, &official);
            let want: Vec<(Option<String>, Vec<usize>)> = want
                .into_iter()
                .map(|(l, m)| (l.map(str::to_string), m))
                .collect();
            assert_eq!(got, want, "{why}");
        }
    }

    #[test]
    fn stable_name_table() {
        let cases = [
            (
                vec!["Ri Kwang Sok", "Ri Kwang-sok", "Ri Kwang-sok"],
                Some("Ri Kwang-sok"),
            ),
            (vec!["Ri Kwang-sok", "Ri Kwang Sok"], Some("Ri Kwang Sok")),
            (vec!["Ri Kwang Sok", "Pak Chol-ung"], Some("Ri Kwang Sok")),
            (vec!["Pak Chol-ung"], None),
        ];
        for (spellings, want) in cases {
            let actors: Vec<Actor> = spellings
                .iter()
                .map(|n| Actor {
                    name: Some((*n).into()),
                    ..Actor::default()
                })
                .collect();
            let got = stable_name("rikwangsok", actors.iter(), &plain_key);
            assert_eq!(got.as_deref(), want, "{spellings:?}");
            let got_back = stable_name("rikwangsok", actors.iter().rev(), &plain_key);
            assert_eq!(got_back, got, "{spellings:?}: order");
        }
    }
}
