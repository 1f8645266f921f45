//! Score the tagger on MEANTIME (as `attache eval time` does) and measure its speed on one core
//! over repeated passes, in an optimised build:
//!
//! ```text
//! cargo run --release -p attache-time --example meantime -- ../shared/reference/dev-gold/meantime/intra-doc_annotation
//! ```

use std::time::Instant;

use attache_time::{eval, TimeTagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: meantime DIR [--verbose]")?;
    let verbose = std::env::args().any(|a| a == "--verbose");
    let documents = eval::read_meantime_dir(dir.as_ref())?;
    let tagger = TimeTagger::new();
    let score = eval::score(&tagger, &documents);
    print!("{score}");
    if verbose {
        print!("\n{}", score.listing());
    }
    // Whole documents (every sentence, not only the annotated ones), as the pipeline runs it.
    let prepared: Vec<_> = documents.iter().map(|d| d.as_document()).collect();
    let bytes: usize = prepared.iter().map(|d| d.text.len()).sum();
    let clock = Instant::now();
    let (mut rounds, mut found) = (0, 0);
    while clock.elapsed().as_secs_f64() < 3.0 {
        for doc in &prepared {
            found += tagger.find(doc).len();
        }
        rounds += 1;
    }
    let secs = clock.elapsed().as_secs_f64();
    println!(
        "speed: {:.2} MB/s on one core ({} bytes x {rounds} passes in {secs:.2}s, {} expressions a pass)",
        (bytes * rounds) as f64 / secs / 1e6,
        bytes,
        found / rounds.max(1)
    );
    Ok(())
}
