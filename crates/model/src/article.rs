use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What kind of body an [`Article`] carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    /// Crawled plain text, junk and all.
    Text,
    /// Main text already extracted from an HTML page by the ingest stage; `body` is that text.
    Html,
}

/// One input article as read from disk or stdin, before any cleaning.
///
/// Metadata fields are what the *input* said (JSONL fields, HTML meta tags); `None` means the
/// input gave nothing and the text stage may infer it from the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable document id: the file stem, or the JSONL `id`.
    pub id: String,
    /// Where it came from: `path` or `path:line`.
    pub origin: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// The outlet's name, e.g. "Yonhap".
    pub source: Option<String>,
    pub kind: BodyKind,
    /// The raw body (for HTML, the extracted main text). Offsets in a [`crate::Document`] map
    /// back into this string.
    pub body: String,
    /// Warnings met while reading (e.g. "decoded from windows-1252").
    pub warnings: Vec<String>,
}

impl Article {
    /// A plain-text article with no metadata; handy in tests and examples.
    pub fn from_text(id: impl Into<String>, body: impl Into<String>) -> Article {
        let id = id.into();
        Article {
            origin: id.clone(),
            id,
            url: None,
            title: None,
            published: None,
            source: None,
            kind: BodyKind::Text,
            body: body.into(),
            warnings: Vec::new(),
        }
    }
}
