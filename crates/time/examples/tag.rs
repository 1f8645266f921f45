//! Print the time expressions the tagger finds in a plain-text file, one line per expression.
//!
//! ```text
//! cargo run -p attache-time --example tag -- article.txt 2024-01-10
//! ```
//!
//! Lines are split into rough sentences at ". " before a capital letter; good enough to eyeball
//! the tagger on real copy without the text stage.

use std::time::Instant;

use jiff::civil::Date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: tag FILE [PUBLISHED YYYY-MM-DD]")?;
    let published: Option<Date> = args.next().map(|s| s.parse()).transpose()?;
    let text = std::fs::read_to_string(&path)?;
    let tagger = attache_time::TimeTagger::new();
    let mut sentences = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        for (i, _) in line.match_indices(". ") {
            if line[i + 2..].starts_with(|c: char| c.is_uppercase()) {
                sentences.push(&line[start..=i]);
                start = i + 2;
            }
        }
        sentences.push(&line[start..]);
    }
    for sentence in &sentences {
        for (span, value, basis) in tagger.find_in(sentence, published) {
            let end = value
                .end_iso()
                .map(|e| format!("..{e}"))
                .unwrap_or_default();
            println!(
                "{:<24} {}{end} {} {:?}\t| {}",
                span.slice(sentence),
                value.start_iso(),
                value.precision.as_str(),
                basis,
                sentence.trim()
            );
        }
    }
    let rounds = 200;
    let clock = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for sentence in &sentences {
            n += tagger.find_in(sentence, published).len();
        }
    }
    let secs = clock.elapsed().as_secs_f64();
    eprintln!(
        "{} sentences x {rounds}: {:.0} sentences/s ({n} expressions)",
        sentences.len(),
        (sentences.len() * rounds) as f64 / secs
    );
    Ok(())
}
