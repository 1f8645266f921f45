//! Cleans the text files named on the command line and shows what the text stage made of
//! them: title, dates, dateline, byline, and each sentence. For checking cleaning by eye:
//!
//! ```text
//! cargo run -p attache-text --example clean -- /path/to/article.txt
//! ```

use attache_model::Article;
use attache_text::Cleaner;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cleaner = Cleaner::new();
    for path in std::env::args().skip(1) {
        let body = std::fs::read_to_string(&path)?;
        let doc = cleaner.process(&Article::from_text(path.clone(), body))?;
        println!("=== {path}");
        println!("title:     {:?}", doc.title);
        println!(
            "published: {:?} ({:?}, {})",
            doc.published,
            doc.published_from,
            doc.published_precision.as_str()
        );
        println!("dateline:  {:?}", doc.dateline);
        println!("byline:    {:?}", doc.byline);
        println!("source:    {:?}", doc.source);
        println!("warnings:  {:?}", doc.warnings);
        println!("hash:      {}", doc.content_hash);
        for (i, s) in doc.sentences.iter().enumerate() {
            let mark = if s.is_title { "T" } else { " " };
            println!("{i:>3}{mark} {}", doc.sentence_text(i));
        }
    }
    Ok(())
}
