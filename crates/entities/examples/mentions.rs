//! Print the actors and places found in plain-text files, one sentence per line:
//! `cargo run -p attache-entities --example mentions -- FILE...`
//!
//! Also times recognition over the files, repeated, to give a rough documents-per-second.

use std::time::Instant;

use attache_entities::Recognizer;
use attache_model::Document;

fn doc(id: &str, text: String) -> Document {
    Document::from_lines(id, text)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let r = Recognizer::new()?;
    eprintln!("built in {:?}", t.elapsed());
    let mut docs = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        docs.push(doc(&path, text));
    }
    for d in &docs {
        println!("== {}", d.id);
        let m = r.find(d);
        for a in &m.actors {
            println!(
                "actor {:?} {:?} country={:?} code={:?} title={:?} name={:?} s{}",
                a.kind,
                a.span.slice(&d.text),
                a.country.as_ref().map(|c| c.as_str()),
                a.code.as_ref().map(|c| c.as_str()),
                a.title,
                a.name,
                a.sentence
            );
        }
        for p in &m.places {
            println!(
                "place {:?} -> {} {:?} country={}",
                p.span.slice(&d.text),
                p.name,
                p.country.as_ref().map(|c| c.as_str()),
                p.is_country
            );
        }
    }
    let rounds = 2000;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &docs {
            n += r.find(d).actors.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * rounds;
    eprintln!(
        "{} documents in {:.3}s: {:.0} docs/s, {:.1} MB/s ({} actors)",
        docs.len() * rounds,
        secs,
        (docs.len() * rounds) as f64 / secs,
        bytes as f64 / secs / 1e6,
        n
    );
    Ok(())
}
