//! Print what the ingest stage makes of some inputs: one JSON article per line on stdout,
//! one `origin: error` per bad input on stderr; exit code 1 if an input failed, 2 if a path
//! was unusable.
//!
//! ```text
//! cargo run -p attache-ingest --example dump -- some/folder page.html.gz - < feed.jsonl
//! ```

use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let inputs = match attache_ingest::walk(&paths) {
        Ok(inputs) => inputs,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let mut failed = 0usize;
    for item in attache_ingest::read_all(inputs) {
        match item {
            Ok(article) => writeln!(out, "{}", serde_json::to_string(&article)?)?,
            Err(e) => {
                failed += 1;
                eprintln!("{e}");
            }
        }
    }
    if failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}
