//! Load PETRARCH/Phoenix dictionaries and report what loaded and how long it took:
//! `cargo run --release -p attache-entities --example load_dictionaries -- \
//!     [--agents FILE]... [--people FILE]... ACTORS_FILE...`
//!
//! Prints the entries, name keys and codes read, the build time of the whole recogniser
//! (gazetteers and automaton included) and, for comparison, the build time without the files.
//! With `--text FILE` (repeatable), also times recognition over those files on one core, with
//! and without the dictionaries; with `--show`, prints the actor mentions the dictionaries
//! added or changed.

use std::path::PathBuf;
use std::time::Instant;

use attache_entities::{Recognizer, RecognizerOptions};
use attache_model::Document;

/// A document with one sentence per line: enough for the actor stage.
fn doc(id: &str, text: String) -> Document {
    Document::from_lines(id, text)
}

/// Megabytes per second of recognition over `docs`, repeated, and the actors found per round.
fn throughput(r: &Recognizer, docs: &[Document]) -> (f64, usize) {
    let rounds = 200;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for d in docs {
            n += r.find(d).actors.len();
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * rounds;
    (bytes as f64 / t.elapsed().as_secs_f64() / 1e6, n / rounds)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = RecognizerOptions::default();
    let mut docs = Vec::new();
    let mut show = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--show" => show = true,
            "--text" => {
                let path = args.next().ok_or("--text FILE")?;
                docs.push(doc(&path, std::fs::read_to_string(&path)?));
            }
            "--agents" => options
                .agents
                .push(PathBuf::from(args.next().ok_or("--agents FILE")?)),
            "--people" => options
                .people
                .push(PathBuf::from(args.next().ok_or("--people FILE")?)),
            _ => options.actors.push(PathBuf::from(a)),
        }
    }
    let t = Instant::now();
    let plain = Recognizer::new()?;
    let base = t.elapsed();
    let t = Instant::now();
    let r = Recognizer::with_options(&options)?;
    let with = t.elapsed();
    let s = r.dictionary_stats();
    println!(
        "{} actors, {} name keys, {} codes; {} agents ({} with the code before the country's, {} skipped); {} lines skipped",
        s.actors, s.names, s.roles, s.agents, s.agents_before_country, s.agents_skipped, s.problems
    );
    for p in r.dictionary_problems() {
        println!("  skipped {p}");
    }
    println!(
        "recogniser built in {:.1} ms with the dictionaries, {:.1} ms without",
        with.as_secs_f64() * 1e3,
        base.as_secs_f64() * 1e3
    );
    if show {
        for d in &docs {
            let before = plain.find(d).actors;
            for a in r.find(d).actors {
                if !before.contains(&a) {
                    println!(
                        "{}: {:?} {:?} name={:?} code={:?} title={:?}",
                        d.id,
                        a.kind,
                        a.span.slice(&d.text),
                        a.name,
                        a.code.as_ref().map(|c| c.as_str()),
                        a.title
                    );
                }
            }
        }
    }
    if !docs.is_empty() {
        let (without, n0) = throughput(&plain, &docs);
        let (with, n1) = throughput(&r, &docs);
        println!(
            "recognition, one core: {without:.1} MB/s without the dictionaries ({n0} actors), \
             {with:.1} MB/s with them ({n1} actors)"
        );
    }
    Ok(())
}
