//! Golden tests for the coder on every CAMEO root: our own wire-style articles
//! (tests/golden/roots/) against our annotations (tests/golden/roots.tsv). A gold row is found
//! when a report of its sentence has the same root, source country and target country (an
//! empty target: no country; a report with the row's exact code is taken first, by every row,
//! before one of the same root); every other report is a false positive of its root. Precision
//! and recall are printed per root and overall (run with `--nocapture`), each failure with its
//! document, sentence, what was expected and what the coder produced; floors only move up.
//!
//! A second corpus, tests/golden/heldout/ with heldout.tsv, was written and annotated blind:
//! no rule was tuned on it when it landed, so its figures say how the rules generalise.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use attache::pipeline::Pipeline;
use attache_model::Report;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One annotated event: the sentence substring and what the coder should make of it.
struct Gold {
    document: String,
    sentence: String,
    code: String,
    source: String,
    target: String,
    modality: String,
    /// The claimant expected in reported speech (column 8, optional): a country code, else the
    /// speaker's words; "-" for none. Rows without it do not check the claimant.
    claimant: Option<String>,
}

fn gold(tsv: &str) -> Vec<Gold> {
    let path = root().join("tests/golden").join(tsv);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(
            cells.len() >= 6,
            "{}:{}: expected 6 columns, got {}",
            path.display(),
            n + 1,
            cells.len()
        );
        rows.push(Gold {
            document: cells[0].to_string(),
            sentence: cells[1].to_string(),
            code: cells[2].to_string(),
            source: cells[3].to_string(),
            target: cells[4].to_string(),
            modality: cells[5].to_string(),
            claimant: cells
                .get(7)
                .filter(|c| !c.is_empty())
                .map(|c| c.to_string()),
        });
    }
    rows
}

/// Every report of a corpus folder under tests/golden/, by document id.
fn run_corpus(folder: &str) -> BTreeMap<String, Vec<Report>> {
    let pipeline = Pipeline::new().unwrap();
    let inputs = attache_ingest::walk(&[root().join("tests/golden").join(folder)]).unwrap();
    let mut by_doc: BTreeMap<String, Vec<Report>> = BTreeMap::new();
    for input in &inputs {
        for article in attache_ingest::read(input) {
            let article = article.unwrap_or_else(|e| panic!("{} does not read: {e}", e.origin()));
            let processed = pipeline
                .process(&article)
                .unwrap_or_else(|e| panic!("{}: {e}", article.id));
            by_doc
                .entry(article.id.clone())
                .or_default()
                .extend(processed.reports);
        }
    }
    by_doc
}

fn country(a: &attache_model::Actor) -> String {
    a.country
        .as_ref()
        .map(|c| c.to_string())
        .unwrap_or_default()
}

/// A report's claimant as roots.tsv writes it: its country, else its words, else "-".
fn claimant(r: &Report) -> &str {
    r.evidence
        .claimant
        .as_ref()
        .and_then(|a| a.country_or_text())
        .unwrap_or("-")
}

fn root_of(code: &str) -> String {
    code.chars().take(2).collect()
}

fn describe(r: &Report) -> String {
    format!(
        "{} {}->{} {} ({})",
        r.code,
        country(&r.source),
        country(&r.target),
        r.modality.as_str(),
        r.evidence.rule
    )
}

/// Found and expected, matched and predicted, per root.
#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    predicted: usize,
    matched: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// What one corpus scored: printed as it is computed, asserted by each test.
struct Figures {
    precision: f64,
    recall: f64,
    code_rate: f64,
    modality_rate: f64,
    claimant_rate: f64,
    roots_with_gold: usize,
    roots_found: usize,
    /// Every root with gold rows has two or more.
    two_rows_per_root: bool,
}

/// Scores the reports of `folder` against `tsv` (both under tests/golden/), printing every
/// miss and the per-root table.
fn evaluate(folder: &str, tsv: &str) -> Figures {
    let by_doc = run_corpus(folder);
    let gold = gold(tsv);
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut used: BTreeMap<(String, usize), ()> = BTreeMap::new();
    let mut misses = Vec::new();
    let (mut code_ok, mut modality_ok) = (0usize, 0usize);
    let (mut claimant_rows, mut claimant_ok) = (0usize, 0usize);
    // Each row's report: first every row takes a report with its exact code, then the rows
    // left take any report of the same root, so that two events of one root in a sentence
    // ("pledges aid, agrees to cooperate"; a visit and talks) pair up by code whatever the
    // rows' order.
    let mut hits: Vec<Option<usize>> = vec![None; gold.len()];
    for exact in [true, false] {
        for (k, row) in gold.iter().enumerate() {
            assert!(
                by_doc.contains_key(&row.document),
                "{tsv} names document {} that is not in tests/golden/{folder}/",
                row.document
            );
            if hits[k].is_some() {
                continue;
            }
            let found = by_doc[&row.document].iter().enumerate().find(|(i, r)| {
                !used.contains_key(&(row.document.clone(), *i))
                    && r.evidence.text.contains(row.sentence.as_str())
                    && root_of(r.code.as_str()) == root_of(&row.code)
                    && country(&r.source) == row.source
                    && country(&r.target) == row.target
                    && (!exact || r.code.as_str() == row.code)
            });
            if let Some((i, _)) = found {
                used.insert((row.document.clone(), i), ());
                hits[k] = Some(i);
            }
        }
    }
    for (row, hit) in gold.iter().zip(&hits) {
        let reports = &by_doc[&row.document];
        let t = tally.entry(root_of(&row.code)).or_default();
        t.gold += 1;
        let hit = hit.map(|i| (i, &reports[i]));
        match hit {
            Some((_, r)) => {
                t.found += 1;
                if r.code.as_str() == row.code {
                    code_ok += 1;
                } else {
                    misses.push(format!(
                        "{}: code of {:?}: expected {}, got {}",
                        row.document,
                        row.sentence,
                        row.code,
                        describe(r)
                    ));
                }
                if let Some(want) = &row.claimant {
                    claimant_rows += 1;
                    let got = claimant(r);
                    match got == want {
                        true => claimant_ok += 1,
                        false => misses.push(format!(
                            "{}: claimant of {:?}: expected {want}, got {got}",
                            row.document, row.sentence
                        )),
                    }
                }
                if r.modality.as_str() == row.modality {
                    modality_ok += 1;
                } else {
                    misses.push(format!(
                        "{}: modality of {:?}: expected {}, got {}",
                        row.document,
                        row.sentence,
                        row.modality,
                        r.modality.as_str()
                    ));
                }
            }
            None => {
                let got: Vec<String> = reports
                    .iter()
                    .filter(|r| r.evidence.text.contains(row.sentence.as_str()))
                    .map(describe)
                    .collect();
                misses.push(format!(
                    "{}: missed {:?}: expected {} {}->{} {}, got {got:?}",
                    row.document, row.sentence, row.code, row.source, row.target, row.modality
                ));
            }
        }
    }
    for (doc, reports) in &by_doc {
        for (i, r) in reports.iter().enumerate() {
            let t = tally.entry(root_of(r.code.as_str())).or_default();
            t.predicted += 1;
            if used.contains_key(&(doc.clone(), i)) {
                t.matched += 1;
            } else {
                misses.push(format!(
                    "{doc}: unexpected {} in {:?}",
                    describe(r),
                    r.evidence.text
                ));
            }
        }
    }
    for m in &misses {
        println!("{m}");
    }
    println!("root  gold  found  predicted  precision  recall");
    let mut all = Tally::default();
    for (root, t) in &tally {
        println!(
            "{root}    {:>4}  {:>5}  {:>9}  {:>9.3}  {:>6.3}",
            t.gold,
            t.found,
            t.predicted,
            ratio(t.matched, t.predicted),
            ratio(t.found, t.gold)
        );
        all.gold += t.gold;
        all.found += t.found;
        all.predicted += t.predicted;
        all.matched += t.matched;
    }
    let precision = ratio(all.matched, all.predicted);
    let recall = ratio(all.found, all.gold);
    let roots_with_gold = tally.values().filter(|t| t.gold > 0).count();
    let roots_found = tally.values().filter(|t| t.found > 0).count();
    println!(
        "all roots: precision {precision:.3} ({}/{}), recall {recall:.3} ({}/{}); \
         exact code {code_ok}/{}, modality {modality_ok}/{}; {roots_found}/{roots_with_gold} roots found; \
         claimant {claimant_ok}/{claimant_rows} of the rows that name one",
        all.matched, all.predicted, all.found, all.gold, all.found, all.found
    );
    Figures {
        precision,
        recall,
        code_rate: ratio(code_ok, all.found),
        modality_rate: ratio(modality_ok, all.found),
        claimant_rate: ratio(claimant_ok, claimant_rows),
        roots_with_gold,
        roots_found,
        two_rows_per_root: tally.values().all(|t| t.gold == 0 || t.gold >= 2),
    }
}

#[test]
fn every_root_in_our_corpus() {
    let f = evaluate("roots", "roots.tsv");
    assert_eq!(
        f.roots_with_gold, 20,
        "the corpus must cover every CAMEO root"
    );
    assert!(
        f.two_rows_per_root,
        "every root needs two gold rows or more"
    );
    assert_floors(&f, &ROOTS_FLOORS);
}

/// Articles written and annotated before the coder was ever run on them, to measure how the
/// rules tuned on the other corpora generalise. Its floors sit under the figures it scored
/// when it landed; a rule written for one of its misses makes it a development set (say so in
/// the closing note).
#[test]
fn held_out_corpus() {
    let f = evaluate("heldout", "heldout.tsv");
    assert_floors(&f, &HELD_OUT_FLOORS);
}

struct Floors {
    precision: f64,
    recall: f64,
    roots_found: usize,
    code: f64,
    modality: f64,
    claimant: f64,
}

fn assert_floors(f: &Figures, floors: &Floors) {
    let checks = [
        ("precision", f.precision, floors.precision),
        ("recall", f.recall, floors.recall),
        ("exact code", f.code_rate, floors.code),
        ("modality", f.modality_rate, floors.modality),
        ("claimant", f.claimant_rate, floors.claimant),
    ];
    for (what, got, floor) in checks {
        assert!(got >= floor, "{what} {got:.3} fell below {floor}");
    }
    assert!(
        f.roots_found >= floors.roots_found,
        "{} roots found, fewer than {}",
        f.roots_found,
        floors.roots_found
    );
}

/// Floors just under the scores measured when the corpus landed; they only move up.
/// `claimant` counts the found rows that name a claimant (reported speech, issue 5).
const ROOTS_FLOORS: Floors = Floors {
    precision: 0.97,
    recall: 0.97,
    roots_found: 20,
    code: 0.985,
    modality: 0.99,
    claimant: 1.0,
};

/// Measured when each batch of the held-out corpus landed, before any rule saw it. Batch 1
/// (Mali, Philippines, Germany/Ukraine, Korea; main at e4e4a59): precision 0.727 (24/33),
/// recall 0.545 (24/44). Batch 2 (Colombia/Venezuela, Iran/IAEA, Ethiopia/Sudan,
/// Serbia/Kosovo; main at 18b8ac3, after the PLOVER round): both batches together precision
/// 0.754 (49/65), recall 0.590 (49/83), exact code 38/49, modality 47/49, 13 of 16 roots
/// found, claimant 6/7. Batch 3 (Japan/China, Kenya/Somalia, Armenia/Azerbaijan,
/// Guatemala/US; main at 63ec42d, stop 14): alone precision 0.815 (22/27), recall 0.524
/// (22/42); the three batches together precision 0.772 (71/92), recall 0.568 (71/125), exact
/// code 56/71, modality 69/71, 14 of 17 roots found, claimant 11/14. Batch 4 (Malaysia/
/// Philippines, Poland/Belarus, China/Namibia, Haiti; main at c109919, after stop 14's
/// precision, reaction and pair rules): alone precision 0.862 (25/29), recall 0.625 (25/40);
/// the four batches together precision 0.887 (110/124), recall 0.667 (110/165), exact code
/// 91/110, modality 108/110, 16 of 18 roots found, claimant 12/17.
///
/// Raised at the end of stop 14 (precision 0.891, recall 0.691, exact code 95/114, modality
/// 112/114, 17 of 18 roots, claimant 17/17; the claimant rule for state bodies was written
/// from batch 3 and 4 misses). Batch 5 (Turkey/Iraq, Indonesia/Australia, Georgia/EU,
/// India/Pakistan; main at fa963de, stop 15): alone precision 0.743 (26/35), recall 0.520
/// (26/50); the five batches together precision 0.859 (140/163), recall 0.651 (140/215),
/// exact code 116/140, modality 137/140, 17 of 18 roots found, claimant 19/19.
/// Batch 6 (Vietnam/South Korea, Chad/Sudan, Guyana/Venezuela, Nepal/India; main at fa422f5,
/// after stop 15's rules for batch 5): alone precision 0.778 (21/27), recall 0.477 (21/44); the
/// six batches together precision 0.880 (176/200), recall 0.680 (176/259), exact code 152/176,
/// modality 174/176, 17 of 18 roots found, claimant 27/28.
/// Batch 7 (Japan/Philippines, Burkina Faso/France, Eritrea/Ethiopia, Germany/Poland; main at
/// b11fac5, the end of stop 15, not tuned on): alone precision 0.792 (19/24), recall 0.633
/// (19/30); with the wreath's row added after the first run (CAMEO's symbolic act, missed by the
/// annotation) 0.833 (20/24), 0.645 (20/31); the seven batches together precision 0.914
/// (223/244), recall 0.769 (223/290), exact code 196/223, modality 221/223, 18 of 18 roots
/// found, claimant 31/31.
/// Batch 8 (Argentina/Chile, Moldova/Russia, Bangladesh/Myanmar, the Koreas/Japan; main at
/// abb6c53, the start of stop 16): alone precision 0.684 (26/38), recall 0.542 (26/48); the
/// eight batches together precision 0.883 (249/282), recall 0.737 (249/338), exact code
/// 222/249, modality 247/249, 18 of 18 roots found, claimant 32/33.
/// Batch 9 (China/Kazakhstan, Niger/Benin, Colombia/Ecuador, Japan/Russia; main at bb1c908,
/// after stop 16's rules for batches 7 and 8): alone precision 0.840 (21/25), recall 0.512
/// (21/41); the nine batches together precision 0.912 (301/330), recall 0.794 (301/379), exact
/// code 273/301, modality 301/301, 18 of 18 roots found, claimant 43/43.
/// Batch 10 (Panama/USA, Serbia/Hungary, DR Congo/Rwanda, South Korea/China; main at 41023f1,
/// the end of stop 16, not tuned on): alone precision 0.757 (28/37), recall 0.667 (28/42); the
/// ten batches together precision 0.912 (342/375), recall 0.812 (342/421), exact code 310/342,
/// modality 342/342, 18 of 18 roots found, claimant 46/46.
const HELD_OUT_FLOORS: Floors = Floors {
    precision: 0.88,
    recall: 0.76,
    roots_found: 17,
    code: 0.82,
    modality: 0.95,
    claimant: 0.95,
};
