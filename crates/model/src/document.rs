use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Precision, Span};

/// Where a piece of document metadata came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetaSource {
    /// The input said so (JSONL field, HTML meta tag).
    Input,
    /// Read from the text (dateline, date line near the top).
    Text,
    /// Guessed from other dates in the text.
    Inferred,
}

/// A news dateline: "SEOUL, Jan. 29 (Yonhap) --".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// Where the dateline sits in [`Document::text`].
    pub span: Span,
    pub city: String,
    /// The date as written ("Jan. 29"), if any.
    pub date: Option<String>,
    /// The agency or outlet in parentheses ("Yonhap", "RIA Novosti").
    pub agency: Option<String>,
}

/// One contiguous piece of the clean text and the raw bytes it came from.
///
/// When `clean_len == raw_len` the piece was copied verbatim and offsets map one to one;
/// otherwise it was normalised (e.g. a no-break space became a space) and maps as a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub clean: usize,
    pub raw: usize,
    pub clean_len: usize,
    pub raw_len: usize,
}

/// Maps offsets in the clean text back to offsets in the raw article body.
///
/// Clean text is assembled from kept pieces of the raw body plus inserted separators
/// (paragraph breaks). An offset inside an inserted separator maps to the start of the next
/// kept piece.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    /// Sorted by `clean`, non-overlapping.
    pub segments: Vec<Segment>,
}

impl OffsetMap {
    /// Record that `clean_len` bytes at `clean` came from `raw_len` bytes at `raw`.
    pub fn push(&mut self, clean: usize, raw: usize, clean_len: usize, raw_len: usize) {
        if let Some(last) = self.segments.last_mut() {
            let verbatim = clean_len == raw_len && last.clean_len == last.raw_len;
            if verbatim && last.clean + last.clean_len == clean && last.raw + last.raw_len == raw {
                last.clean_len += clean_len;
                last.raw_len += raw_len;
                return;
            }
        }
        self.segments.push(Segment {
            clean,
            raw,
            clean_len,
            raw_len,
        });
    }

    /// The raw offset of a clean offset.
    pub fn to_raw(&self, clean: usize) -> usize {
        let i = self
            .segments
            .partition_point(|s| s.clean + s.clean_len <= clean);
        match self.segments.get(i) {
            None => self
                .segments
                .last()
                .map(|s| s.raw + s.raw_len)
                .unwrap_or(clean),
            Some(s) if clean < s.clean => s.raw,
            Some(s) if s.clean_len == s.raw_len => s.raw + (clean - s.clean),
            Some(s) => s.raw,
        }
    }

    /// The raw span of a clean span.
    pub fn span_to_raw(&self, span: Span) -> Span {
        let start = self.to_raw(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        // Map the last byte, then step past its segment piece.
        let i = self
            .segments
            .partition_point(|s| s.clean + s.clean_len < span.end);
        let end = match self.segments.get(i) {
            Some(s) if s.clean < span.end && s.clean_len == s.raw_len => {
                s.raw + (span.end - s.clean)
            }
            Some(s) if s.clean < span.end => s.raw + s.raw_len,
            _ => self.to_raw(span.end),
        };
        Span::new(start, end.max(start))
    }
}

/// A token: a word, number or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
}

/// A sentence: its span in the clean text and the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    /// Whether the sentence is the document's title (headline) rather than body text.
    pub is_title: bool,
}

/// A cleaned article: the text every later span points into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub origin: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date, or `None` when it could not be found (never today's date).
    pub published: Option<Date>,
    pub published_precision: Precision,
    pub published_from: Option<MetaSource>,
    pub dateline: Option<Dateline>,
    pub byline: Option<String>,
    /// The outlet: the input's `source`, else the dateline's agency.
    pub source: Option<String>,
    /// The clean text. Paragraphs are separated by "\n\n". If the document has a title it is
    /// the first paragraph.
    pub text: String,
    /// Clean offsets back to [`crate::Article::body`].
    pub offsets: OffsetMap,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Stable hash of the clean text (hex), for "same content" detection.
    pub content_hash: String,
    /// Warnings from reading and cleaning.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with the given sentence spans and nothing else: no metadata, no tokens, no
    /// offset map. For tests and examples of stages that read only the text and its sentences
    /// (entities, time); the text stage builds real documents.
    pub fn from_sentences(id: &str, text: impl Into<String>, sentences: Vec<Span>) -> Document {
        Document {
            id: id.into(),
            origin: id.into(),
            url: None,
            title: None,
            published: None,
            published_precision: Precision::Unknown,
            published_from: None,
            dateline: None,
            byline: None,
            source: None,
            text: text.into(),
            offsets: OffsetMap::default(),
            sentences: sentences
                .into_iter()
                .map(|span| Sentence {
                    span,
                    tokens: 0..0,
                    is_title: false,
                })
                .collect(),
            tokens: Vec::new(),
            content_hash: String::new(),
            warnings: Vec::new(),
        }
    }

    /// [`Document::from_sentences`] with one sentence per line.
    pub fn from_lines(id: &str, text: impl Into<String>) -> Document {
        let text = text.into();
        let mut spans = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            spans.push(Span::new(at, at + line.len()));
            at += line.len() + 1;
        }
        Document::from_sentences(id, text, spans)
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].span.slice(&self.text)
    }

    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_round_trips_verbatim_and_normalised_pieces() {
        // raw:   "Junk\nSEOUL,\u{a0}Jan. 29"   clean: "SEOUL, Jan. 29"
        let raw = "Junk\nSEOUL,\u{a0}Jan. 29";
        let mut m = OffsetMap::default();
        m.push(0, 5, 6, 6); // "SEOUL,"
        m.push(6, 11, 1, 2); // nbsp -> " "
        m.push(7, 13, 7, 7); // "Jan. 29"
        let clean = "SEOUL, Jan. 29";
        for (c, r) in [(0, 5), (3, 8), (6, 11), (7, 13), (10, 16)] {
            assert_eq!(m.to_raw(c), r, "clean offset {c}");
        }
        let span = Span::new(7, 14);
        assert_eq!(span.slice(clean), "Jan. 29");
        assert_eq!(m.span_to_raw(span).slice(raw), "Jan. 29");
        assert_eq!(
            m.span_to_raw(Span::new(0, 14)).slice(raw),
            "SEOUL,\u{a0}Jan. 29"
        );
    }

    #[test]
    fn documents_from_lines_have_one_sentence_per_line() {
        let d = Document::from_lines("t", "Kim left.\nLavrov arrived.");
        let got: Vec<&str> = (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect();
        assert_eq!(got, ["Kim left.", "Lavrov arrived."]);
        assert_eq!(d.sentence_at(10), Some(1));
        assert_eq!(d.published, None);
    }

    #[test]
    fn adjacent_verbatim_pieces_merge() {
        let mut m = OffsetMap::default();
        m.push(0, 0, 3, 3);
        m.push(3, 3, 4, 4);
        assert_eq!(m.segments.len(), 1);
    }
}
