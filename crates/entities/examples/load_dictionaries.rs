//! Load PETRARCH/Phoenix dictionaries and report what loaded and how long it took:
//! `cargo run --release -p attache-entities --example load_dictionaries -- \
//!     [--agents FILE]... [--people FILE]... ACTORS_FILE...`
//!
//! Prints the entries, name keys and codes read, the build time of the whole recogniser
//! (gazetteers and automaton included) and, for comparison, the build time without the files.

use std::path::PathBuf;
use std::time::Instant;

use attache_entities::{Recognizer, RecognizerOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = RecognizerOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
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
    let _ = Recognizer::new()?;
    let base = t.elapsed();
    let t = Instant::now();
    let r = Recognizer::with_options(&options)?;
    let with = t.elapsed();
    let s = r.dictionary_stats();
    println!(
        "{} actors, {} name keys, {} codes; {} agents ({} prefixed, skipped); {} lines skipped",
        s.actors, s.names, s.roles, s.agents, s.agents_skipped, s.problems
    );
    for p in r.dictionary_problems() {
        println!("  skipped {p}");
    }
    println!(
        "recogniser built in {:.1} ms with the dictionaries, {:.1} ms without",
        with.as_secs_f64() * 1e3,
        base.as_secs_f64() * 1e3
    );
    Ok(())
}
