//! Score the HTML main-text extractor on the article-extraction benchmark.
//!
//! ```text
//! cargo run -p attache-ingest --example eval_extraction -- \
//!     /work/shared/reference/dev-gold/article-extraction-benchmark [--worst N]
//! ```
//!
//! The folder holds `html/<id>.html.gz` and `ground-truth.json` (`id -> {articleBody, url}`).
//! Scoring follows the benchmark's own `evaluate.py`: per page, the multisets of word 4-gram
//! shingles of gold and output give tp/fp/fn, normalised so each page weighs the same;
//! precision and recall are means over pages; F1 is their harmonic mean. Pages go through
//! the same decoding and extraction as `read` uses for `.html.gz` inputs.

use std::collections::HashMap;
use std::error::Error;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use attache_ingest::{decode, html};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: eval_extraction BENCHMARK_DIR [--worst N]")?,
    );
    let worst = match (args.next().as_deref(), args.next()) {
        (Some("--worst"), Some(n)) => n.parse()?,
        _ => 0,
    };

    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?)?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();

    let mut scores = Vec::new();
    let mut spent = Duration::ZERO;
    for id in ids {
        let gold = truth[id]["articleBody"].as_str().unwrap_or_default();
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let bytes = gunzip(&path)?;
        let start = Instant::now();
        let body = match decode(&bytes, &path, None) {
            Ok(text) => html::extract(&text.text).body,
            Err(_) => String::new(),
        };
        spent += start.elapsed();
        scores.push((id.clone(), shingle_match(gold, &body)));
    }

    let precision = mean(scores.iter().filter_map(|(_, s)| s.precision()));
    let recall = mean(scores.iter().filter_map(|(_, s)| s.recall()));
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "pages={} precision={precision:.3} recall={recall:.3} F1={f1:.3} pages/s={:.1}",
        scores.len(),
        scores.len() as f64 / spent.as_secs_f64()
    );
    if worst > 0 {
        scores.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()));
        for (id, s) in scores.iter().take(worst) {
            println!("{id} tp={:.2} fp={:.2} fn={:.2}", s.tp, s.fp, s.fn_);
        }
    }
    Ok(())
}

fn gunzip(path: &Path) -> Result<Vec<u8>, Box<dyn Error>> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One page's shingle counts, normalised to sum to 1.
#[derive(Debug, Clone, Copy)]
struct Match {
    tp: f64,
    fp: f64,
    fn_: f64,
}

impl Match {
    /// `None` for pages the benchmark leaves out of the precision mean (nothing predicted).
    fn precision(&self) -> Option<f64> {
        if self.tp + self.fp <= 0.0 {
            None
        } else if self.fp == 0.0 && self.fn_ == 0.0 {
            Some(1.0)
        } else {
            Some(self.tp / (self.tp + self.fp))
        }
    }

    /// `None` for pages the benchmark leaves out of the recall mean (empty gold).
    fn recall(&self) -> Option<f64> {
        if self.tp + self.fn_ <= 0.0 {
            None
        } else if self.fp == 0.0 && self.fn_ == 0.0 {
            Some(1.0)
        } else {
            Some(self.tp / (self.tp + self.fn_))
        }
    }

    fn f1(&self) -> f64 {
        let (p, r) = (
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        );
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn shingle_match(gold: &str, pred: &str) -> Match {
    let (g, p) = (shingles(gold), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (key, &gc) in &g {
        let pc = p.get(key).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
        fp += pc.saturating_sub(gc) as f64;
    }
    fp += p
        .iter()
        .filter(|(key, _)| !g.contains_key(*key))
        .map(|(_, &c)| c as f64)
        .sum::<f64>();
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        Match {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    } else {
        Match { tp, fp, fn_ }
    }
}

/// Word 4-grams with counts; a text of fewer than four words is one shingle, as in the
/// benchmark's `_ngrams`.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words = words(text);
    let n = 4;
    let count = if words.len() >= n {
        words.len() - n + 1
    } else {
        1
    };
    let mut out = HashMap::new();
    for i in 0..count {
        let shingle = words[i..(i + n).min(words.len())].to_vec();
        if !shingle.is_empty() {
            *out.entry(shingle).or_insert(0) += 1;
        }
    }
    out
}

/// Python's `\w+`: runs of letters, digits and underscores.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}
