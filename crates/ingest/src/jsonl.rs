//! JSONL: one article per line, read one line at a time.

use std::io::BufRead;
use std::path::PathBuf;

use attache_model::{Article, BodyKind};
use jiff::civil::Date;
use serde::Deserialize;

use crate::{decode, error::at, html, IngestError};

/// One JSONL record. Unknown fields are ignored so crawler exports with extra columns load.
#[derive(Debug, Deserialize)]
struct Record {
    id: String,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
}

/// Opens the underlying reader on first use, so building many iterators opens no files.
pub(crate) type Opener = Box<dyn FnOnce() -> Result<Box<dyn BufRead + Send>, IngestError> + Send>;

/// Streams the articles of one JSONL source: one item per non-empty line; a bad line is one
/// `Err` and reading goes on with the next line. A read error (e.g. a truncated gzip
/// stream) ends the stream after reporting it, since nothing after it can be trusted.
pub(crate) struct JsonlReader {
    path: PathBuf,
    opener: Option<Opener>,
    reader: Option<Box<dyn BufRead + Send>>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(path: PathBuf, opener: Opener) -> JsonlReader {
        JsonlReader {
            path,
            opener: Some(opener),
            reader: None,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if let Some(open) = self.opener.take() {
            match open() {
                Ok(reader) => self.reader = Some(reader),
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        let reader = self.reader.as_mut()?;
        loop {
            self.buf.clear();
            match reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    self.reader = None;
                    return None;
                }
                Ok(_) => {
                    self.line += 1;
                    let mut bytes = self.buf.as_slice();
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(bytes, &self.path, self.line));
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    self.done = true;
                    self.reader = None;
                    return Some(Err(IngestError::Io {
                        path: self.path.clone(),
                        line: Some(self.line + 1),
                        source,
                    }));
                }
            }
        }
    }
}

/// One JSONL line -> one article.
fn parse_line(bytes: &[u8], path: &std::path::Path, line: usize) -> Result<Article, IngestError> {
    let decoded = decode::decode(bytes, path, Some(line))?;
    let record: Record = serde_json::from_str(&decoded.text).map_err(|e| IngestError::Json {
        path: path.to_path_buf(),
        line,
        msg: json_message(&e),
    })?;
    if record.id.trim().is_empty() {
        return Err(IngestError::Json {
            path: path.to_path_buf(),
            line,
            msg: "\"id\" is empty".to_string(),
        });
    }
    let published = match record.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(value) => Some(parse_published(value).ok_or_else(|| IngestError::BadDate {
            path: path.to_path_buf(),
            line,
            value: value.to_string(),
        })?),
    };
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    let empty = || IngestError::Empty {
        path: path.to_path_buf(),
        line: Some(line),
    };
    // `text` wins over `html` when both are given: it is what the crawler already extracted.
    let (kind, body, page) = match (record.text, record.html) {
        (Some(text), _) if !text.trim().is_empty() => (BodyKind::Text, text, None),
        (Some(_), None) => return Err(empty()),
        (_, Some(html)) => {
            if html.trim().is_empty() {
                return Err(empty());
            }
            let page = html::extract(&html);
            if page.body.trim().is_empty() {
                return Err(IngestError::NoArticleText {
                    path: path.to_path_buf(),
                    line: Some(line),
                });
            }
            warnings.extend(page.warnings.iter().cloned());
            (BodyKind::Html, page.body.clone(), Some(page))
        }
        (None, None) => {
            return Err(IngestError::MissingText {
                path: path.to_path_buf(),
                line,
            })
        }
    };
    // The record's own fields win; the page's metadata fills the gaps.
    let page = page.unwrap_or_default();
    Ok(Article {
        id: record.id,
        origin: at(path, Some(line)),
        url: non_empty(record.url).or(page.url),
        title: non_empty(record.title).or(page.title),
        published: published.or(page.published),
        source: non_empty(record.source).or(page.site_name),
        kind,
        body,
        warnings,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// serde_json's message without its "at line 1 column N" (always line 1 here: the JSONL
/// line is what matters, and the error already carries it).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    format!("{msg} (column {})", e.column())
}

/// An ISO 8601 date or datetime -> its date part: "2024-02-13", "2024-02-13T11:47:28Z",
/// "2024-02-13T11:47:28+09:00", "2024-02-13T11:47:28" (no zone) all give 2024-02-13. The
/// date as written is kept, not converted to UTC: it is the outlet's publication day.
pub fn parse_published(value: &str) -> Option<Date> {
    jiff::fmt::temporal::Pieces::parse(value)
        .ok()
        .map(|p| p.date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn published_forms() {
        let cases = [
            ("2024-02-13", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28Z", Some(date(2024, 2, 13))),
            ("2024-02-13T23:47:28-05:00", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28+09:00", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28", Some(date(2024, 2, 13))),
            ("2024-02-13T11:47:28.250Z", Some(date(2024, 2, 13))),
            ("2024-02-13 11:47", Some(date(2024, 2, 13))),
            ("13/02/2024", None),
            ("Feb. 13, 2024", None),
            ("2024-02-30", None),
            ("yesterday", None),
        ];
        for (value, want) in cases {
            assert_eq!(parse_published(value), want, "{value}");
        }
    }

    #[test]
    fn lines() {
        let path = std::path::Path::new("feed.jsonl");
        let ok = |id: &str, body: &str, published: Option<Date>| {
            (id.to_string(), body.to_string(), published)
        };
        type Want = Result<(String, String, Option<Date>), &'static str>;
        let cases: Vec<(&str, Want)> = vec![
            (
                r#"{"id":"a1","text":"MOSCOW, Feb. 13 -- The minister arrived.","published":"2024-02-13T08:00:00Z"}"#,
                Ok(ok(
                    "a1",
                    "MOSCOW, Feb. 13 -- The minister arrived.",
                    Some(date(2024, 2, 13)),
                )),
            ),
            (
                r#"{"id":"a2","text":"Talks ended.","extra":{"crawler":"v2"},"lang":"en"}"#,
                Ok(ok("a2", "Talks ended.", None)),
            ),
            (r#"{"id":"a3","title":"No body"}"#, Err("missing text")),
            (
                r#"{"id":"a4","text":"x","published":"13/02/2024"}"#,
                Err("bad date"),
            ),
            (r#"{"text":"no id"}"#, Err("json")),
            (r#"{"id":5,"text":"numeric id"}"#, Err("json")),
            (r#"{"id":" ","text":"blank id"}"#, Err("json")),
            (r#"{"id":"a7","text":"unterminated"#, Err("json")),
            (r#"{"id":"a8","text":"  "}"#, Err("empty")),
        ];
        for (line, want) in cases {
            let got = parse_line(line.as_bytes(), path, 4);
            match (got, want) {
                (Ok(a), Ok(w)) => {
                    assert_eq!((a.id, a.body, a.published), w, "{line}");
                    assert_eq!(a.origin, "feed.jsonl:4");
                }
                (Err(IngestError::MissingText { line: 4, .. }), Err("missing text")) => {}
                (Err(IngestError::BadDate { line: 4, .. }), Err("bad date")) => {}
                (Err(IngestError::Json { line: 4, .. }), Err("json")) => {}
                (Err(IngestError::Empty { line: Some(4), .. }), Err("empty")) => {}
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }
}
