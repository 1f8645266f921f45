//! Golden actor mentions: the articles in tests/golden/actors/ (ours, in wire style) against
//! tests/golden/actors.tsv. Every actor mention the stage should find is listed; a mention the
//! stage finds that no row lists is a false positive ("Korean pop", "Un" in "Kim Jong Un").
//! Scores mention precision and recall, and the accuracy of code, country and canonical name
//! on matched mentions; prints them (`--nocapture`) with every miss and false positive, and
//! holds them above floors that only move up. `ACTORS_DUMP=1` prints every mention found.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use attache::pipeline::Pipeline;
use attache_model::{ActorMention, Document, MentionKind, Span};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One annotated mention.
#[derive(Debug)]
struct Gold {
    document: String,
    text: String,
    kind: String,
    name: String,
    title: String,
    country: String,
    code: String,
    note: String,
}

fn gold() -> Vec<Gold> {
    let path = root().join("tests/golden/actors.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|l| {
            let row: BTreeMap<&str, &str> = header
                .iter()
                .copied()
                .zip(l.split('\t').chain(std::iter::repeat("")))
                .collect();
            let cell = |k: &str| row.get(k).copied().unwrap_or_default().to_string();
            Gold {
                document: cell("document"),
                text: cell("text"),
                kind: cell("kind"),
                name: cell("name"),
                title: cell("title"),
                country: cell("country"),
                code: cell("code"),
                note: cell("note"),
            }
        })
        .collect()
}

/// The gold kind a found mention counts as: names, adjectives and seats of government are all
/// `country` mentions.
fn kind(m: &ActorMention) -> &'static str {
    match m.kind {
        MentionKind::Country | MentionKind::Adjective | MentionKind::Capital => "country",
        MentionKind::Organisation => "organisation",
        MentionKind::Person => "person",
        MentionKind::Group => "group",
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn show(doc: &Document, m: &ActorMention) -> String {
    format!(
        "{:?} {} name={} title={} country={} code={}",
        m.span.slice(&doc.text),
        kind(m),
        m.name.as_deref().unwrap_or("-"),
        m.title.as_deref().unwrap_or("-"),
        m.country.as_ref().map(|c| c.as_str()).unwrap_or("-"),
        m.code.as_ref().map(|c| c.as_str()).unwrap_or("-"),
    )
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    code: usize,
    country: usize,
    name: usize,
    named: usize,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[test]
fn actor_mentions_precision_recall_and_codes() {
    let pipeline = Pipeline::new().unwrap();
    let inputs = attache_ingest::walk(&[root().join("tests/golden/actors")]).unwrap();
    let mut docs = BTreeMap::new();
    for input in &inputs {
        for article in attache_ingest::read(input) {
            let article = article.unwrap();
            let doc = pipeline.clean(&article).unwrap();
            let found = pipeline.recognizer().find(&doc).actors;
            docs.insert(article.id.clone(), (doc, found));
        }
    }
    let dump = std::env::var_os("ACTORS_DUMP").is_some();
    let rows = gold();
    let mut score = Score::default();
    let mut report = Vec::new();
    for (id, (doc, found)) in &docs {
        if dump {
            println!("== {id}");
            for m in found {
                println!("   {}", show(doc, m));
            }
        }
        let mut used = vec![false; found.len()];
        // Rows are in document order: each surface text is looked for after the last one.
        let mut from = 0;
        for g in rows.iter().filter(|g| &g.document == id) {
            let at = doc.text[from..]
                .find(&g.text)
                .map(|i| from + i)
                .unwrap_or_else(|| panic!("{id}: {:?} not found after byte {from}", g.text));
            from = at + 1;
            let span = Span::new(at, at + g.text.len());
            score.gold += 1;
            let hit = found
                .iter()
                .enumerate()
                .find(|(i, m)| !used[*i] && kind(m) == g.kind && overlaps(m.span, span));
            let Some((i, m)) = hit else {
                report.push(format!(
                    "MISS {id}: {:?} {} {} ({})",
                    g.text, g.kind, g.code, g.note
                ));
                continue;
            };
            used[i] = true;
            score.matched += 1;
            let code = m.code.as_ref().map(|c| c.as_str()).unwrap_or("");
            let country = m.country.as_ref().map(|c| c.as_str()).unwrap_or("");
            score.code += usize::from(code == g.code);
            score.country += usize::from(country == g.country);
            if !g.name.is_empty() {
                score.named += 1;
                score.name += usize::from(m.name.as_deref() == Some(g.name.as_str()));
            }
            let title_ok = g.title.is_empty() || m.title.as_deref() == Some(g.title.as_str());
            if code != g.code
                || country != g.country
                || !title_ok
                || (!g.name.is_empty() && m.name.as_deref() != Some(g.name.as_str()))
            {
                report.push(format!(
                    "WRONG {id}: {:?} expected name={} title={} country={} code={} ({}), got {}",
                    g.text,
                    g.name,
                    g.title,
                    g.country,
                    g.code,
                    g.note,
                    show(doc, m)
                ));
            }
        }
        score.found += found.len();
        for (m, _) in found.iter().zip(&used).filter(|(_, u)| !**u) {
            report.push(format!("FALSE {id}: {}", show(doc, m)));
        }
    }
    for line in &report {
        println!("{line}");
    }
    let precision = ratio(score.matched, score.found);
    let recall = ratio(score.matched, score.gold);
    let code = ratio(score.code, score.matched);
    let country = ratio(score.country, score.matched);
    let name = ratio(score.name, score.named);
    println!(
        "actor mentions: {} gold, {} found, {} matched; precision {precision:.3}, recall {recall:.3}; \
         on matched: code {code:.3}, country {country:.3}, name {name:.3} ({} named)",
        score.gold, score.found, score.matched, score.named
    );
    assert!(score.gold >= 130, "the set shrank: {} rows", score.gold);
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(code >= 0.98, "code accuracy {code:.3}");
}
