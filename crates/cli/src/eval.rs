//! Scoring the coder against PLOVER's gold standard records (`attache eval plover`).
//!
//! The Open Event Data Alliance's PLOVER_GSR_CAMEO file is a JSON array of single sentences,
//! each with a PLOVER event type and its source and target actors (CAMEO actor codes, the
//! country first). Each sentence is run through the whole pipeline as a one-sentence article;
//! the event mention with a PLOVER type whose trigger comes first is the prediction. Scored per gold type:
//! the type, and the source and target country (a prediction's country matches when it is the
//! first three letters of one of the gold actors' codes).
//!
//! The file uses PLOVER's 2016 type names (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE ...), while
//! the codebook carries the 2021 ones; [`gsr_type`] maps a CAMEO code to the 2016 name. A
//! planned cooperative event counts as AGREE, a planned coercive one as THREATEN and a negated
//! cooperative one as REJECT, as CAMEO codes intentions and refusals (roots 03, 13 and 12).
//!
//! Gold actor codes start with CAMEO's country code, which for a few countries is not the ISO
//! code attache writes (JAP for JPN); [`CameoCountries`] (`data/cameo_countries.tsv`) turns them
//! into ISO codes as the gold file is read, so a right country is not counted as a miss.

use std::collections::BTreeMap;

use attache_events::codebook::Codebook;
use attache_model::{Actor, ActorCode, Article, CameoCode, CountryCode, EventMention, Modality};

use crate::pipeline::Pipeline;

/// The gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: not a JSON array of PLOVER records: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}:{line}: {message}")]
    Table {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: record {index} ({id}): {message}")]
    Record {
        path: String,
        index: usize,
        id: String,
        message: String,
    },
}

/// The CAMEO country codes compiled into the binary that differ from the ISO code.
const BUILTIN_CAMEO_COUNTRIES: &str = include_str!("../../../data/cameo_countries.tsv");

/// CAMEO country codes that are not their country's ISO 3166 alpha-3 code (JAP -> JPN), from
/// `data/cameo_countries.tsv` or a file of the same form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CameoCountries {
    to_iso: BTreeMap<String, CountryCode>,
}

impl CameoCountries {
    /// The compiled-in table.
    pub fn builtin() -> CameoCountries {
        CameoCountries::from_tsv(BUILTIN_CAMEO_COUNTRIES, "data/cameo_countries.tsv")
            .expect("the built-in data/cameo_countries.tsv parses (guarded by a test)")
    }

    /// A table in the form of `data/cameo_countries.tsv`: a header `cameo iso3 country`, then
    /// one tab-separated row per code; `#` lines and blank lines are skipped.
    pub fn from_tsv(text: &str, path: &str) -> Result<CameoCountries, EvalError> {
        let err = |line: usize, message: String| EvalError::Table {
            path: path.to_string(),
            line,
            message,
        };
        let mut to_iso = BTreeMap::new();
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            if !header {
                if cols != ["cameo", "iso3", "country"] {
                    return Err(err(
                        line,
                        format!("expected the header \"cameo\\tiso3\\tcountry\", found {l:?}"),
                    ));
                }
                header = true;
                continue;
            }
            let [cameo, iso, _country] = cols[..] else {
                return Err(err(
                    line,
                    format!("expected 3 tab-separated columns, found {}", cols.len()),
                ));
            };
            let cameo = CountryCode::parse(cameo).map_err(|e| err(line, e.to_string()))?;
            let iso = CountryCode::parse(iso).map_err(|e| err(line, e.to_string()))?;
            if cameo == iso {
                return Err(err(
                    line,
                    format!("{cameo} is its own ISO code; list only codes that differ"),
                ));
            }
            if to_iso.insert(cameo.to_string(), iso).is_some() {
                return Err(err(line, format!("{cameo} is listed twice")));
            }
        }
        if !header {
            return Err(err(0, "no header line".to_string()));
        }
        Ok(CameoCountries { to_iso })
    }

    /// The ISO code for the first three letters of a CAMEO actor code; other prefixes ("IGO",
    /// "RUS") unchanged.
    pub fn iso<'a>(&'a self, cameo: &'a str) -> &'a str {
        self.to_iso.get(cameo).map_or(cameo, |c| c.as_str())
    }
}

/// One gold sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    /// PLOVER type as the file writes it, e.g. "AGREE".
    pub event: String,
    /// First three letters of each source actor's code, e.g. ["HUN", "ROU"].
    pub sources: Vec<String>,
    pub targets: Vec<String>,
}

/// What the coder said about one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prediction {
    /// PLOVER type, 2016 names.
    pub event: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
}

/// Counts for one gold type (or all of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Gold sentences.
    pub sentences: usize,
    /// Sentences where the coder produced an event with a PLOVER type.
    pub coded: usize,
    /// Predicted type equals the gold type.
    pub type_ok: usize,
    /// Sentences whose gold names a source / target, and how many the prediction got.
    pub with_source: usize,
    pub source_ok: usize,
    pub with_target: usize,
    pub target_ok: usize,
}

impl Tally {
    fn add(&mut self, gold: &GoldRecord, predicted: &Prediction) {
        self.sentences += 1;
        self.coded += usize::from(predicted.event.is_some());
        self.type_ok += usize::from(predicted.event.as_deref() == Some(gold.event.as_str()));
        let hit = |want: &[String], got: &Option<String>| {
            got.as_ref().is_some_and(|g| want.iter().any(|w| w == g))
        };
        if !gold.sources.is_empty() {
            self.with_source += 1;
            self.source_ok += usize::from(hit(&gold.sources, &predicted.source));
        }
        if !gold.targets.is_empty() {
            self.with_target += 1;
            self.target_ok += usize::from(hit(&gold.targets, &predicted.target));
        }
    }
}

/// Scores per gold type and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub by_type: BTreeMap<String, Tally>,
    pub all: Tally,
    /// Records with a wrong type, source or target, with what the coder said, in file order.
    pub misses: Vec<(GoldRecord, Prediction)>,
    /// Whether the actor stage found the gold actors at all (filled by [`score_pipeline`]).
    pub actors: ActorCoverage,
}

/// Gold source and target actors (their country part, "IGO" for an intergovernmental one)
/// that the actor stage found anywhere in the sentence, whatever the coder made of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActorCoverage {
    pub sources: usize,
    pub sources_found: usize,
    pub targets: usize,
    pub targets_found: usize,
}

impl ActorCoverage {
    /// Count one sentence's gold actors against the countries of the actors found in it.
    pub fn add(&mut self, gold: &GoldRecord, found: &[String]) {
        let seen = |codes: &[String]| codes.iter().filter(|c| found.contains(c)).count();
        self.sources += gold.sources.len();
        self.sources_found += seen(&gold.sources);
        self.targets += gold.targets.len();
        self.targets_found += seen(&gold.targets);
    }
}

/// Read the gold file's records; the DOCUMENT record (file documentation) is skipped. Actor
/// codes become their country's ISO code through `countries` (JAP... -> JPN).
pub fn parse_gold(
    text: &str,
    path: &str,
    countries: &CameoCountries,
) -> Result<Vec<GoldRecord>, EvalError> {
    let values: Vec<serde_json::Value> =
        serde_json::from_str(text).map_err(|source| EvalError::Json {
            path: path.to_string(),
            source,
        })?;
    let mut out = Vec::new();
    for (index, v) in values.iter().enumerate() {
        let id = v["id"].as_str().unwrap_or("?").to_string();
        let err = |message: &str| EvalError::Record {
            path: path.to_string(),
            index,
            id: id.clone(),
            message: message.to_string(),
        };
        let event = v["event"].as_str().ok_or_else(|| err("no \"event\""))?;
        if event == "DOCUMENT" {
            continue;
        }
        let text = v["text"].as_str().ok_or_else(|| err("no \"text\""))?;
        // Actors are a list of {actorText, code}; an empty string or a missing field is none.
        let actors = |field: &str| -> Vec<String> {
            v[field]
                .as_array()
                .map(|list| {
                    list.iter()
                        .filter_map(|a| a["code"].as_str())
                        .filter(|c| c.len() >= 3)
                        .map(|c| countries.iso(&c[..3]).to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        out.push(GoldRecord {
            id: id.clone(),
            text: text.to_string(),
            event: event.to_string(),
            sources: actors("source"),
            targets: actors("target"),
        });
    }
    Ok(out)
}

/// The PLOVER type, in the gold file's 2016 names, of a CAMEO code.
pub fn gsr_type(code: &CameoCode, codebook: &Codebook) -> Option<String> {
    let fixed = match code.root() {
        "01" | "02" => return None,
        "09" => "INVESTIGATE",
        "10" => "DEMAND",
        "11" => "DISAPPROVE",
        "16" => "SANCTION",
        "18" => "ASSAULT",
        "19" | "20" => "FIGHT",
        // The other roots kept their names; 08 splits into CONCEDE and RETREAT by code.
        _ => return codebook.get(code).and_then(|c| c.plover_type.clone()),
    };
    Some(fixed.to_string())
}

/// The prediction for one sentence from its event mentions: the one with a PLOVER type whose
/// trigger comes first (in wire copy, the main clause's verb; later ones are mostly its
/// complements: "threatened to ... unless Y accepted").
pub fn predict(events: &[EventMention], codebook: &Codebook) -> Prediction {
    let mut best: Option<(&EventMention, String)> = None;
    for e in events {
        let Some(t) = gsr_type(&e.code, codebook) else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|(b, _)| e.trigger.start < b.trigger.start)
        {
            best = Some((e, t));
        }
    }
    match best {
        None => Prediction::default(),
        Some((e, t)) => {
            // CAMEO codes a stated plan to cooperate as intent (03, AGREE) and a stated plan of
            // force or coercion as a threat (13): "X will send aid to Y" is AGREE.
            let event = match (e.modality, e.code.root()) {
                (Modality::Planned, "04" | "05" | "06" | "07" | "08") => "AGREE".to_string(),
                (Modality::Planned, "14" | "15" | "16" | "17" | "18" | "19" | "20") => {
                    "THREATEN".to_string()
                }
                // Refusing to cooperate is CAMEO's 12 (REJECT).
                (Modality::Negated, "03" | "04" | "05" | "06" | "07" | "08") => {
                    "REJECT".to_string()
                }
                _ => t,
            };
            Prediction {
                event: Some(event),
                source: side(&e.source),
                target: side(&e.target),
            }
        }
    }
}

/// An actor as the gold file writes it: the country, else the first three letters of the
/// actor code ("IGO" for the United Nations).
fn side(a: &Actor) -> Option<String> {
    gold_country(a.country.as_ref(), a.code.as_ref())
}

fn gold_country(country: Option<&CountryCode>, code: Option<&ActorCode>) -> Option<String> {
    country
        .map(|c| c.to_string())
        .or_else(|| code.map(|c| c.as_str()[..3].to_string()))
}

/// Score `predict_one` on every gold record.
pub fn score(
    gold: &[GoldRecord],
    mut predict_one: impl FnMut(&GoldRecord) -> Prediction,
) -> Scores {
    let mut scores = Scores::default();
    for g in gold {
        let p = predict_one(g);
        scores.all.add(g, &p);
        scores
            .by_type
            .entry(g.event.clone())
            .or_default()
            .add(g, &p);
        let side_wrong = |want: &[String], got: &Option<String>| {
            !want.is_empty() && !got.as_ref().is_some_and(|x| want.contains(x))
        };
        if p.event.as_deref() != Some(g.event.as_str())
            || side_wrong(&g.sources, &p.source)
            || side_wrong(&g.targets, &p.target)
        {
            scores.misses.push((g.clone(), p));
        }
    }
    scores
}

/// Score the whole pipeline: each gold sentence is a one-sentence article. The actor stage's
/// mentions of each sentence are also checked against the gold actors ([`ActorCoverage`]).
pub fn score_pipeline(pipeline: &Pipeline, gold: &[GoldRecord]) -> Scores {
    let mut actors = ActorCoverage::default();
    let mut scores = score(gold, |g| {
        match pipeline.process(&Article::from_text(g.id.clone(), g.text.clone())) {
            Ok(p) => {
                let found: Vec<String> = pipeline
                    .recognizer()
                    .find(&p.document)
                    .actors
                    .iter()
                    .filter_map(|a| gold_country(a.country.as_ref(), a.code.as_ref()))
                    .collect();
                actors.add(g, &found);
                predict(&p.events, pipeline.codebook())
            }
            Err(_) => {
                actors.add(g, &[]);
                Prediction::default()
            }
        }
    });
    scores.actors = actors;
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny gold file of our own, in the PLOVER record shape.
    const FIXTURE: &str = r#"[
      {"id": "D-1", "event": "DOCUMENT", "eventText": "about this file"},
      {"id": "T-1", "event": "SANCTION", "text": "Canada recalled its ambassador from Ruritania.",
       "source": [{"actorText": "Canada", "code": "CAN"}],
       "target": [{"actorText": "Ruritania", "code": "RURGOV"}]},
      {"id": "T-2", "event": "THREATEN", "text": "Norway threatened to leave the talks.",
       "source": [{"actorText": "Norway", "code": "NOR"}], "target": ""},
      {"id": "T-3", "event": "THREATEN", "text": "Chile warned Peru.",
       "source": [{"actorText": "Chile", "code": "CHLGOV"}],
       "target": [{"actorText": "Peru", "code": "PER"}]},
      {"id": "T-4", "event": "DISAPPROVE", "text": "Japan criticized Vietnam over the dam.",
       "source": [{"actorText": "Japan", "code": "JAPGOV"}],
       "target": [{"actorText": "Vietnam", "code": "VTN"}]}
    ]"#;

    #[test]
    fn parses_records_and_skips_the_documentation() {
        let gold = parse_gold(FIXTURE, "f.json", &CameoCountries::builtin()).unwrap();
        assert_eq!(gold.len(), 4);
        assert_eq!(gold[0].targets, ["RUR"]);
        // CAMEO's own country codes are read as the ISO codes attache writes.
        assert_eq!(
            (&gold[3].sources[..], &gold[3].targets[..]),
            (&["JPN".to_string()][..], &["VNM".to_string()][..])
        );
        assert!(gold[1].targets.is_empty(), "an empty string is no target");
        assert_eq!(gold[2].sources, ["CHL"]);
    }

    #[test]
    fn cameo_country_tables_parse_or_name_file_and_line() {
        let header = "# CAMEO codes\ncameo\tiso3\tcountry\n";
        /// The pairs a table maps (CAMEO, ISO), or the start of its error.
        type Expected = Result<&'static [(&'static str, &'static str)], &'static str>;
        let cases: [(&str, Expected); 6] = [
            (
                "JAP\tJPN\tJapan\nITL\tITA\tItaly\n",
                Ok(&[("JAP", "JPN"), ("ITL", "ITA"), ("RUS", "RUS")]),
            ),
            (
                "JAP\tJPN\n",
                Err("t.tsv:3: expected 3 tab-separated columns, found 2"),
            ),
            ("JAP\tjpn\tJapan\n", Err("t.tsv:3: ")),
            ("JPN\tJPN\tJapan\n", Err("t.tsv:3: JPN is its own ISO code")),
            (
                "JAP\tJPN\tJapan\n\nJAP\tJPN\tJapan\n",
                Err("t.tsv:5: JAP is listed twice"),
            ),
            ("", Err("t.tsv:0: no header line")),
        ];
        for (rows, expected) in cases {
            let text = if rows.is_empty() {
                String::new()
            } else {
                format!("{header}{rows}")
            };
            match (CameoCountries::from_tsv(&text, "t.tsv"), expected) {
                (Ok(table), Ok(pairs)) => {
                    for &(cameo, iso) in pairs {
                        assert_eq!(table.iso(cameo), iso, "{rows:?}");
                    }
                }
                (Err(e), Err(start)) => {
                    assert!(e.to_string().starts_with(start), "{rows:?}: {e}");
                }
                (got, _) => panic!("{rows:?}: {got:?}"),
            }
        }
    }

    /// Every ISO code of the built-in table is a country attache knows, and no CAMEO code in
    /// it is one: a code that is both would turn a right answer into a miss.
    #[test]
    fn builtin_cameo_countries_agree_with_the_gazetteer() {
        let known: Vec<&str> = include_str!("../../../data/countries.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("iso3\t"))
            .filter_map(|l| l.split('\t').next())
            .filter(|c| c.len() == 3)
            .collect();
        let table = CameoCountries::builtin();
        assert!(table.to_iso.len() >= 10);
        for (cameo, iso) in &table.to_iso {
            assert!(
                known.contains(&iso.as_str()),
                "{cameo} -> {iso}: not in data/countries.tsv"
            );
            assert!(
                !known.contains(&cameo.as_str()),
                "{cameo} is an ISO code too"
            );
        }
    }

    #[test]
    fn errors_name_the_file_and_record() {
        let err = parse_gold("{}", "f.json", &CameoCountries::builtin())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.json: not a JSON array"), "{err}");
        let err = parse_gold(
            r#"[{"id": "X-9", "event": "AID"}]"#,
            "f.json",
            &CameoCountries::builtin(),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "f.json: record 0 (X-9): no \"text\"");
    }

    #[test]
    fn tallies_type_source_and_target_per_type() {
        let gold = parse_gold(FIXTURE, "f.json", &CameoCountries::builtin()).unwrap();
        let p = |event: &str, source: &str, target: Option<&str>| Prediction {
            event: Some(event.to_string()),
            source: Some(source.to_string()),
            target: target.map(str::to_string),
        };
        // T-1 right in full; T-2 right type, wrong source; T-3 not coded.
        let answers = BTreeMap::from([
            ("T-1", p("SANCTION", "CAN", Some("RUR"))),
            ("T-2", p("THREATEN", "SWE", None)),
            ("T-3", Prediction::default()),
            // Gold JAPGOV and VTN are JPN and VNM: right in full.
            ("T-4", p("DISAPPROVE", "JPN", Some("VNM"))),
        ]);
        let scores = score(&gold, |g| answers[g.id.as_str()].clone());
        let threaten = scores.by_type["THREATEN"];
        assert_eq!(
            (threaten.sentences, threaten.coded, threaten.type_ok),
            (2, 1, 1)
        );
        assert_eq!((threaten.with_source, threaten.source_ok), (2, 0));
        assert_eq!((threaten.with_target, threaten.target_ok), (1, 0));
        let all = scores.all;
        assert_eq!(
            (all.sentences, all.type_ok, all.source_ok, all.target_ok),
            (4, 3, 2, 2)
        );
        let missed: Vec<&str> = scores.misses.iter().map(|(g, _)| g.id.as_str()).collect();
        assert_eq!(missed, ["T-2", "T-3"]);
    }

    #[test]
    fn gsr_names_by_root() {
        let codebook = Codebook::builtin();
        let cases = [
            ("040", Some("CONSULT")),
            ("112", Some("DISAPPROVE")),
            ("100", Some("DEMAND")),
            ("190", Some("FIGHT")),
            ("1823", Some("ASSAULT")),
            ("163", Some("SANCTION")),
            ("0841", Some("RETREAT")),
            ("010", None),
        ];
        for (code, want) in cases {
            let got = gsr_type(&CameoCode::parse(code).unwrap(), &codebook);
            assert_eq!(got.as_deref(), want, "{code}");
        }
    }

    #[test]
    fn the_pipeline_scores_our_own_sentences() {
        let gold = parse_gold(FIXTURE, "f.json", &CameoCountries::builtin()).unwrap();
        let scores = score_pipeline(&Pipeline::new().unwrap(), &gold);
        // "Canada recalled its ambassador" is a 161 (SANCTION) by Canada.
        let sanction = scores.by_type["SANCTION"];
        assert_eq!((sanction.type_ok, sanction.source_ok), (1, 1));
        // Gold JAPGOV -> VTN is our JPN -> VNM.
        let disapprove = scores.by_type["DISAPPROVE"];
        assert_eq!(
            (
                disapprove.type_ok,
                disapprove.source_ok,
                disapprove.target_ok
            ),
            (1, 1, 1)
        );
        // Canada, Norway, Chile and Japan are found as sources; Peru and Vietnam as targets;
        // Ruritania (not a country) is not.
        let a = scores.actors;
        assert_eq!(
            (a.sources, a.sources_found, a.targets, a.targets_found),
            (4, 4, 3, 2)
        );
    }
}
