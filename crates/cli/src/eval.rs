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
//! the codebook carries the 2021 ones; [`gsr_type`] maps a CAMEO code and modality to the 2016
//! name. The modality counts as it does for every event's `plover` field
//! ([`attache_events::codebook::PLOVER_PROJECTION`], from the PLOVER manual): a planned
//! cooperative event is AGREE, a planned retreat CONCEDE, a planned coercive one THREATEN and a
//! negated cooperative one REJECT.
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
    /// Sentences the coder gave this type (whatever their gold type); for the total, every
    /// coded sentence. The denominator of precision.
    pub predicted: usize,
    /// Sentences whose gold names a source / target, and how many the prediction got.
    pub with_source: usize,
    pub source_ok: usize,
    pub with_target: usize,
    pub target_ok: usize,
}

impl Tally {
    /// Right types over the sentences given this type: how often the coder is right when it
    /// says this type. `None` when it never said it.
    pub fn precision(&self) -> Option<f64> {
        (self.predicted > 0).then(|| self.type_ok as f64 / self.predicted as f64)
    }

    /// Right types over the gold sentences of this type (the type accuracy). `None` for none.
    pub fn recall(&self) -> Option<f64> {
        (self.sentences > 0).then(|| self.type_ok as f64 / self.sentences as f64)
    }

    /// Harmonic mean of precision and recall; 0 when the coder never got the type right, `None`
    /// when either is undefined.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        })
    }

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

/// Scores per gold type and overall. A type the coder gave but no gold sentence has appears
/// with `sentences == 0` (it only lowers precision).
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

/// The PLOVER type, in the gold file's 2016 names, of an event with this CAMEO code and
/// modality: the codebook's type for the code and modality ([`Codebook::plover_type`]: "will
/// meet" is AGREE, "will withdraw" CONCEDE, "refused to meet" REJECT), renamed where the 2021
/// names differ (ACCUSE is INVESTIGATE for root 09 and DISAPPROVE for 11, REQUEST is DEMAND,
/// ASSAULT is FIGHT for roots 19 and 20).
pub fn gsr_type(code: &CameoCode, modality: Modality, codebook: &Codebook) -> Option<String> {
    let projected = codebook.plover_type(code, modality)?;
    let done = codebook.plover_type(code, Modality::Actual)?;
    if projected != done {
        return Some(projected.to_string());
    }
    let fixed = match code.root() {
        "09" => "INVESTIGATE",
        "10" => "DEMAND",
        "11" => "DISAPPROVE",
        "16" => "SANCTION",
        "18" => "ASSAULT",
        "19" | "20" => "FIGHT",
        // The other roots kept their names; 08 splits into CONCEDE and RETREAT by code.
        _ => done,
    };
    Some(fixed.to_string())
}

/// The prediction for one sentence from its event mentions: the one with a PLOVER type whose
/// trigger comes first (in wire copy, the main clause's verb; later ones are mostly its
/// complements: "threatened to ... unless Y accepted").
pub fn predict(events: &[EventMention], codebook: &Codebook) -> Prediction {
    let mut best: Option<(&EventMention, String)> = None;
    for e in events {
        let Some(t) = gsr_type(&e.code, e.modality, codebook) else {
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
        Some((e, event)) => Prediction {
            event: Some(event),
            source: side(&e.source),
            target: side(&e.target),
        },
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
        if let Some(t) = &p.event {
            scores.all.predicted += 1;
            scores.by_type.entry(t.clone()).or_default().predicted += 1;
        }
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
        // Precision is over the sentences coded: 3 right of 3 coded; recall over all 4.
        assert_eq!(all.predicted, 3);
        assert_eq!(all.precision(), Some(1.0));
        assert_eq!(all.recall(), Some(0.75));
        assert!((all.f1().unwrap() - 6.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn precision_counts_sentences_given_a_type_whatever_their_gold() {
        let gold = parse_gold(FIXTURE, "f.json", &CameoCountries::builtin()).unwrap();
        let said = |event: &str| Prediction {
            event: Some(event.to_string()),
            ..Prediction::default()
        };
        // Every sentence called THREATEN: right for T-2 and T-3 only.
        let scores = score(&gold, |_| said("THREATEN"));
        let threaten = scores.by_type["THREATEN"];
        assert_eq!((threaten.predicted, threaten.type_ok), (4, 2));
        assert_eq!(threaten.precision(), Some(0.5));
        assert_eq!(threaten.recall(), Some(1.0));
        // SANCTION was never said: no precision, recall 0, no F1.
        let sanction = scores.by_type["SANCTION"];
        assert_eq!((sanction.precision(), sanction.recall()), (None, Some(0.0)));
        assert_eq!(sanction.f1(), None);
        // A type said but absent from the gold: precision 0, no recall.
        let scores = score(&gold, |_| said("AID"));
        let aid = scores.by_type["AID"];
        assert_eq!(
            (aid.sentences, aid.predicted, aid.precision()),
            (0, 4, Some(0.0))
        );
        assert_eq!(aid.recall(), None);
    }

    #[test]
    fn gsr_names_by_root() {
        let codebook = Codebook::builtin();
        use Modality::*;
        let cases = [
            ("040", Actual, Some("CONSULT")),
            ("112", Actual, Some("DISAPPROVE")),
            ("100", Actual, Some("DEMAND")),
            ("190", Actual, Some("FIGHT")),
            ("1823", Actual, Some("ASSAULT")),
            ("163", Actual, Some("SANCTION")),
            ("0841", Actual, Some("RETREAT")),
            ("010", Actual, None),
            // The codebook's projection by modality, in the 2016 names.
            ("040", Planned, Some("AGREE")),
            ("087", Planned, Some("CONCEDE")),
            ("190", Planned, Some("THREATEN")),
            ("0841", Negated, Some("REJECT")),
            ("112", Planned, Some("DISAPPROVE")),
            ("190", Negated, Some("FIGHT")),
        ];
        for (code, modality, want) in cases {
            let got = gsr_type(&CameoCode::parse(code).unwrap(), modality, &codebook);
            assert_eq!(got.as_deref(), want, "{code} {modality:?}");
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
