use std::path::{Path, PathBuf};

/// Why an input, or one line of it, could not become an [`attache_model::Article`].
///
/// Every variant carries the path it happened in (`<stdin>` for standard input) and, for
/// JSONL, the 1-based line, so a batch run can report `origin(): message` and go on.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Reading failed (permissions, a corrupt gzip stream, a vanished file).
    #[error("{}: {source}", at(path, *line))]
    Io {
        path: PathBuf,
        line: Option<usize>,
        #[source]
        source: std::io::Error,
    },
    /// A path the user named does not exist.
    #[error("{}: no such file or folder", path.display())]
    NotFound { path: PathBuf },
    /// A file named explicitly whose extension we cannot read.
    #[error("{}: unsupported file type {extension:?} (expected .txt, .html, .htm, .jsonl, .ndjson, optionally .gz)", path.display())]
    Unsupported { path: PathBuf, extension: String },
    /// NUL bytes or mostly control characters: not text.
    #[error("{}: binary content, not text", at(path, *line))]
    Binary { path: PathBuf, line: Option<usize> },
    /// Nothing but whitespace.
    #[error("{}: empty", at(path, *line))]
    Empty { path: PathBuf, line: Option<usize> },
    /// The bytes could not be decoded to text.
    #[error("{}: could not decode text: {msg}", at(path, *line))]
    Decode {
        path: PathBuf,
        line: Option<usize>,
        msg: String,
    },
    /// A JSONL line is not a valid record.
    #[error("{}: bad JSON: {msg}", at(path, Some(*line)))]
    Json {
        path: PathBuf,
        line: usize,
        msg: String,
    },
    /// A JSONL record has neither `text` nor `html`.
    #[error("{}: record has neither \"text\" nor \"html\"", at(path, Some(*line)))]
    MissingText { path: PathBuf, line: usize },
    /// A JSONL `published` value that is not an ISO date or datetime.
    #[error("{}: bad \"published\" date {value:?} (expected 2024-02-13 or 2024-02-13T11:47:28Z)", at(path, Some(*line)))]
    BadDate {
        path: PathBuf,
        line: usize,
        value: String,
    },
    /// An HTML page in which the extractor found no main text.
    #[error("{}: no article text found in the HTML", at(path, *line))]
    NoArticleText { path: PathBuf, line: Option<usize> },
}

impl IngestError {
    /// Where the error happened: `path` or `path:line`, the same form as
    /// [`attache_model::Article::origin`].
    pub fn origin(&self) -> String {
        at(self.path(), self.line())
    }

    /// The message without its place, for reports that print [`IngestError::origin`] in
    /// a column of its own (`Display` is `"{origin}: {reason}"`).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let prefix = format!("{}: ", self.origin());
        match full.strip_prefix(&prefix) {
            Some(reason) => reason.to_string(),
            None => full,
        }
    }

    /// A short name for the kind of problem, for summaries ("3 skipped: 2 empty, 1 bad JSON").
    pub fn kind(&self) -> &'static str {
        match self {
            IngestError::Io { .. } => "unreadable",
            IngestError::NotFound { .. } => "not found",
            IngestError::Unsupported { .. } => "unsupported type",
            IngestError::Binary { .. } => "binary",
            IngestError::Empty { .. } => "empty",
            IngestError::Decode { .. } => "undecodable",
            IngestError::Json { .. } => "bad JSON",
            IngestError::MissingText { .. } => "no text",
            IngestError::BadDate { .. } => "bad date",
            IngestError::NoArticleText { .. } => "no article in HTML",
        }
    }

    /// The file (or `<stdin>`) the error happened in.
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::NotFound { path }
            | IngestError::Unsupported { path, .. }
            | IngestError::Binary { path, .. }
            | IngestError::Empty { path, .. }
            | IngestError::Decode { path, .. }
            | IngestError::Json { path, .. }
            | IngestError::MissingText { path, .. }
            | IngestError::BadDate { path, .. }
            | IngestError::NoArticleText { path, .. } => path,
        }
    }

    /// The 1-based JSONL line, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            IngestError::Io { line, .. }
            | IngestError::Binary { line, .. }
            | IngestError::Empty { line, .. }
            | IngestError::Decode { line, .. }
            | IngestError::NoArticleText { line, .. } => *line,
            IngestError::Json { line, .. }
            | IngestError::MissingText { line, .. }
            | IngestError::BadDate { line, .. } => Some(*line),
            IngestError::NotFound { .. } | IngestError::Unsupported { .. } => None,
        }
    }
}

/// `path` or `path:line`.
pub(crate) fn at(path: &Path, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{}:{line}", path.display()),
        None => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_and_message_name_the_place() {
        let p = || PathBuf::from("in/wire.jsonl");
        let cases = [
            (
                IngestError::Json {
                    path: p(),
                    line: 7,
                    msg: "expected value".into(),
                },
                "in/wire.jsonl:7",
                "in/wire.jsonl:7: bad JSON: expected value",
            ),
            (
                IngestError::Empty {
                    path: p(),
                    line: None,
                },
                "in/wire.jsonl",
                "in/wire.jsonl: empty",
            ),
            (
                IngestError::BadDate {
                    path: p(),
                    line: 3,
                    value: "13/02/2024".into(),
                },
                "in/wire.jsonl:3",
                "in/wire.jsonl:3: bad \"published\" date \"13/02/2024\" (expected 2024-02-13 or 2024-02-13T11:47:28Z)",
            ),
            (
                IngestError::MissingText { path: p(), line: 12 },
                "in/wire.jsonl:12",
                "in/wire.jsonl:12: record has neither \"text\" nor \"html\"",
            ),
            (
                IngestError::NotFound { path: p() },
                "in/wire.jsonl",
                "in/wire.jsonl: no such file or folder",
            ),
        ];
        for (err, origin, message) in cases {
            assert_eq!(err.origin(), origin);
            assert_eq!(err.to_string(), message);
            assert_eq!(format!("{}: {}", err.origin(), err.reason()), message);
        }
    }
}
