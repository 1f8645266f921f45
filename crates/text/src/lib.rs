//! The text stage: a crawled [`Article`](attache_model::Article) becomes a clean
//! [`Document`](attache_model::Document).
//!
//! [`Cleaner::process`] splits the raw body into lines and drops site junk (breadcrumbs, share
//! and login widgets, newsletter and donation banners, copyright lines, "Related stories"
//! lists, everything after "(END)") by the rules in `data/junk.tsv`; drops lines printed twice;
//! picks the title; reads the byline, the publication date (the input's, else a date line, an
//! ambiguous "08/11/2006" settled by the dateline, its weekday or the body's dates, else
//! inferred from the latest full date in the text, flagged [`MetaSource::Inferred`](attache_model::MetaSource)
//! with a warning) and the dateline ("SEOUL, Jan. 29 (UPI) --"); and assembles the clean text, paragraphs separated by `"\n\n"`, with an
//! [`OffsetMap`](attache_model::OffsetMap) so every clean byte maps back into the raw body.
//! It then splits sentences (news abbreviations such as "N. Korea", "U.S." and "Gen." do not
//! end one) and tokens. The dateline stays in the text but belongs to no sentence.
//!
//! ```
//! use attache_model::{Article, MetaSource};
//! use attache_text::Cleaner;
//!
//! let body = "Envoy lands in Oslo for fisheries talks\n\
//!             share with facebook\n\n\
//!             OSLO, March 4 (Nordic Wire) -- Gen. Park Sun arrived in Oslo on Monday. \
//!             He will meet U.S. officials.\n\n\
//!             Related Nordic Wire Stories\nWhale quotas raised\n";
//! let cleaner = Cleaner::new();
//! let doc = cleaner.process(&Article::from_text("nw-1", body)).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Envoy lands in Oslo for fisheries talks"));
//! assert_eq!(doc.source.as_deref(), Some("Nordic Wire"));
//! assert_eq!(doc.dateline.as_ref().unwrap().city, "OSLO");
//! let sentences: Vec<&str> = (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect();
//! assert_eq!(sentences, [
//!     "Envoy lands in Oslo for fisheries talks",
//!     "Gen. Park Sun arrived in Oslo on Monday.",
//!     "He will meet U.S. officials.",
//! ]);
//! // No date in the text, none in the input: unknown, never today.
//! assert_eq!(doc.published, None);
//! assert_eq!(doc.published_from, None::<MetaSource>);
//! ```

mod clean;
mod meta;
mod rules;
mod sentences;

pub use clean::Cleaner;
pub use sentences::{split_sentences, tokenize, Abbreviations};

/// What can go wrong in the text stage.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// Nothing was left of the article after cleaning.
    #[error("article {id}: no text left after cleaning")]
    Empty { id: String },
    /// A rule or list file is malformed.
    #[error("{path}:{line}: {message}")]
    Rules {
        path: String,
        line: usize,
        message: String,
    },
}

/// FNV-1a 64 of `text`, as 16 hex digits: a stable "same content" key.
///
/// ```
/// assert_eq!(attache_text::content_hash(""), "cbf29ce484222325");
/// ```
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The eight bytes of `bytes` from `at`, as one little-endian word.
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut chunk = [0u8; 8];
    chunk.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(chunk)
}

/// The high bit of each byte of the word `x` that equals `b`, and no other bit (exact, unlike
/// the usual "has zero byte" test, so that the lowest set bit is the first such byte).
pub(crate) fn bytes_equal(x: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let y = x ^ (ONES * u64::from(b));
    !(((y & LOW7) + LOW7) | y | LOW7)
}

#[cfg(test)]
mod tests;
